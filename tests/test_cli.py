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
    assert main(["segment", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_segment_names_the_skipped_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "mixed.jsonl"
    lines = [
        {"id": "n1", "text": "The mayor said that the bridge would reopen in spring."},
        {"id": "n2", "text": "   "},
        {"id": "n3", "text": "The governor said that taxes would stay flat."},
        {"id": "n4", "text": ""},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    assert main(["segment", str(src), "-o", str(tmp_path / "s.csv")]) == 0
    err = capsys.readouterr().err
    assert "mixed.jsonl:2" in err and "mixed.jsonl:4" in err and "'n2'" in err
    assert "skipped 2 empty article" in err


def test_segment_maps_input_columns(tmp_path: Path) -> None:
    src = tmp_path / "feed.csv"
    src.write_text(
        "key,headline,body,published,outlet\n"
        'w7,Bridge news,"The mayor said that the bridge would reopen in spring.",2023-04-05,Gazette\n',
        encoding="utf-8",
    )
    out = tmp_path / "s.csv"
    argv = ["segment", str(src), "-o", str(out), "--text-column", "body", "--id-column", "key"]
    argv += ["--date-column", "published", "--title-column", "headline"]
    argv += ["--source-column", "outlet"]
    assert main(argv) == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and rows[1].startswith("w7,") and "2023-04-05" in rows[1]


def test_model_loading_is_announced_once(capsys: pytest.CaptureFixture[str]) -> None:
    import numpy as np

    from stancekit._cli_common import _Announced

    class Inner:
        name = "tiny-model"
        identity = "tiny|1"

        def provenance(self) -> dict[str, str]:
            return {"model": self.name}

        def encode(self, texts: list[str]) -> np.ndarray:
            return np.ones((len(texts), 2), dtype=np.float32)

    model = _Announced(Inner())  # type: ignore[arg-type]
    assert model.encode(["a", "b"]).shape == (2, 2)
    model.encode(["c"])
    assert capsys.readouterr().err == "loading model tiny-model ...\n"
    assert model.identity == "tiny|1" and model.provenance() == {"model": "tiny-model"}


def test_embed_reads_what_segment_writes(
    example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for suffix in (".jsonl", ".csv", ".parquet"):
        stmts = tmp_path / f"statements{suffix}"
        assert main(["segment", str(example_path), "-o", str(stmts)]) == 0
        out = tmp_path / f"embedded{suffix}.parquet"
        assert main(["embed", str(stmts), "-o", str(out), "--model", "lsa", "--no-cache"]) == 0
        assert "wrote 14 statements" in capsys.readouterr().err


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
