from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancekit._cli_bench import headline
from stancekit.cli import main


def test_headline_keeps_ratios_and_drops_the_rest() -> None:
    rows = dict(
        headline(
            {"a": {"ratio_x": 2, "seconds": 3.0, "label": "z"}, "b": [{"speedup": 1.5}], "ok": True}
        )
    )
    assert rows == {"a.ratio_x": 2.0, "b[0].speedup": 1.5}


@pytest.mark.slow
def test_bench_quick_attribution(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench.json"
    assert main(["bench", "--quick", "--only", "attribution", "--output", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "mb_per_s_one_process" in printed
    data = json.loads(out.read_text())
    assert data["attribution"]["speed"]["mb_per_s_one_process"] > 0
