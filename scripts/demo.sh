#!/usr/bin/env bash
# Set up (first run only) and run the main job: the report on the bundled data, offline.
# Writes stancekit-demo/report.html (or the folder given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
out="${1:-stancekit-demo}"
.venv/bin/stancekit demo --output "$out"
echo "open $out/report.html"
