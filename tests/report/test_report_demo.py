from __future__ import annotations

import re
from pathlib import Path

import pytest

from stancekit.cli import main


@pytest.mark.slow
def test_demo_quick_with_lsa(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "--output", str(out), "--quick", "--model", "lsa"]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    sections = re.findall(r'data-section="([^"]+)"', html)
    assert sections == ["seed", "kremlin", "ungd", "about"]
    assert "framed from Moscow" in html and "QAP p" in html
    figures = re.findall(r'data-figure="([^"]+)"', html)
    assert {"seed-similarity", "seed-echoes", "kremlin-alignment", "ungd-map", "ungd-votes"} <= set(
        figures
    )
    assert (out / "figures" / "ungd-votes.svg").exists()
