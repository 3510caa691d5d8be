"""`stancekit embed INPUT --output OUT.parquet`."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from embed_helpers import make_table

from stancekit.cli import main
from stancekit.embed import resolve as resolve_module
from stancekit.table import StatementTable

TEXTS = [
    "the two sides should deepen trade cooperation",
    "China firmly supports Kyrgyzstan",
    "the railway project will be advanced",
    "the two sides should deepen trade cooperation",
]


@pytest.fixture
def statements(tmp_path: Path) -> Path:
    path = tmp_path / "statements.parquet"
    make_table(TEXTS).to_parquet(path)
    return path


def test_parquet_in_parquet_out(
    statements: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "embedded.parquet"
    assert main(["embed", str(statements), "-o", str(out), "--model", "lsa"]) == 0
    table = StatementTable.read_parquet(out)
    assert table.embeddings is not None and table.embeddings.shape[0] == 4
    assert table.provenance["backend"] == "lsa"
    assert list(table.column("text")) == TEXTS
    err = capsys.readouterr().err
    assert "4 texts (3 distinct)" in err and f"to {out}" in err


def test_csv_input(tmp_path: Path) -> None:
    src = tmp_path / "statements.csv"
    frame = make_table(TEXTS).to_pandas()
    frame.loc[0, "text"] = "NA"  # a statement that pandas would read as missing
    frame.to_csv(src, index=False)
    out = tmp_path / "embedded.parquet"
    assert main(["embed", str(src), "--output", str(out), "--model", "lsa", "--no-cache"]) == 0
    table = StatementTable.read_parquet(out)
    assert table.column("text")[0] == "NA"
    assert table[0].role is None
    assert table.embeddings is not None
    np.testing.assert_allclose(np.linalg.norm(table.embeddings, axis=1), 1.0, atol=1e-6)


def test_cache_options(statements: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    assert main(["embed", str(statements), "-o", str(out), "--model", "lsa", "--no-cache"]) == 0
    assert not Path(os.environ["STANCEKIT_CACHE_DIR"]).exists()
    cache = tmp_path / "my-cache"
    args = ["embed", str(statements), "-o", str(out), "--model", "lsa", "--cache-dir", str(cache)]
    assert main(args) == 0
    assert list(cache.rglob("*.skemb"))
    assert not Path(os.environ["STANCEKIT_CACHE_DIR"]).exists()


def test_usage_errors(statements: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["embed", str(statements), "-o", str(tmp_path / "x.csv"), "--model", "lsa"]) == 2
    assert "unsupported file type '.csv'; use .parquet" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["embed", str(statements), "-o", str(tmp_path / "x.parquet"), "--batch-size", "0"])
    assert info.value.code == 2
    with pytest.raises(SystemExit):
        main(["embed", str(statements), "-o", "x.parquet", "--no-cache", "--cache-dir", "d"])


def test_input_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x.parquet")
    assert main(["embed", str(tmp_path / "missing.parquet"), "-o", out]) == 2  # a usage error
    assert "missing.parquet: no such file" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    pd.DataFrame({"text": ["a"]}).to_csv(bad, index=False)
    assert main(["embed", str(bad), "-o", out, "--model", "lsa"]) == 1
    assert "missing column(s) ['article_id', 'speaker'" in capsys.readouterr().err
    other = tmp_path / "s.jsonl"  # segment's format, read, but this record is no statement
    other.write_text("{}\n")
    assert main(["embed", str(other), "-o", out, "--model", "lsa"]) == 1
    assert "s.jsonl:1:" in capsys.readouterr().err
    plain = tmp_path / "s.txt"
    plain.write_text("x\n")
    assert main(["embed", str(plain), "-o", out, "--model", "lsa"]) == 1
    assert ".parquet, .csv or .jsonl" in capsys.readouterr().err


def test_unavailable_model_is_one_clear_line(
    statements: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import huggingface_hub.constants

    monkeypatch.setattr(resolve_module, "_offline_package_folder", lambda models_dir: None)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hf"))
    assert main(["embed", str(statements), "-o", str(tmp_path / "x.parquet")]) == 2  # checked first
    err = capsys.readouterr().err
    assert err.startswith("stancekit embed: error: --model 'all-MiniLM-L6-v2': embedding model")
    assert err.count("\n") == 1
    assert "pip install 'stancekit[offline]'" in err


def test_help_teaches(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["embed", "--help"])
    text = capsys.readouterr().out
    assert "STANCEKIT_MODEL" in text and "--no-cache" in text and "example:" in text
