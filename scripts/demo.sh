#!/usr/bin/env bash
# Set up (first run only) and run the main job on the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
out="${1:-stancekit-demo}"
mkdir -p "$out"
.venv/bin/stancekit segment examples/data/xi-japarov-2025-06-17.txt --output "$out/statements.csv"
.venv/bin/stancekit segment examples/data/xi-japarov-2025-06-17.txt
