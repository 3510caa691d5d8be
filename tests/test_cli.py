from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stancekit import __version__
from stancekit.cli import build_parser, main


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert __version__ in capsys.readouterr().out
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in sub.choices:  # type: ignore[union-attr]
        with pytest.raises(SystemExit) as e:
            main([name, "--help"])
        assert e.value.code == 0
        assert "usage: stancekit " + name in capsys.readouterr().out


def test_no_command_and_bad_args(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    with pytest.raises(SystemExit) as e:
        main(["segment"])
    assert e.value.code == 2


def test_segment_errors_name_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x"}\nnot json\n', encoding="utf-8")
    assert main(["segment", str(bad), "-o", str(tmp_path / "o.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "bad.jsonl:2" in err and "invalid JSON" in err
    assert main(["segment", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_segment_example_to_jsonl(example_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    assert main(["segment", str(example_path), "--output", str(out)]) == 0
    rec = json.loads(out.read_text())
    assert rec["id"] == "xi-japarov-2025-06-17"
    assert len(rec["statements"]) == 14
    assert {s["speaker"] for s in rec["statements"]} == {"Xi Jinping", "Sadyr Japarov"}


def test_python_dash_m(example_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "stancekit", "segment", str(example_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0
    assert "[Sadyr Japarov]" in r.stdout and "14 statements" in r.stderr
