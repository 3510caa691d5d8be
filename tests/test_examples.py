"""Every example script runs end to end in its quick mode (as CI does)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))


@pytest.mark.slow
@pytest.mark.parametrize("script", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_runs_quick(script: Path, tmp_path: Path) -> None:
    text = script.read_text(encoding="utf-8")
    assert text.lstrip().startswith('"""') and "# %%" in text
    r = subprocess.run(
        [sys.executable, str(script), "--quick"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.strip()


def test_there_are_four_examples() -> None:
    assert {p.stem for p in EXAMPLES} >= {
        "two_leaders",
        "ungd_votes",
        "topic_alignment",
        "large_corpus",
    }
