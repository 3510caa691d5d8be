"""Every subcommand answers a mistake with one line on stderr and a non-zero exit, never a
traceback; and the checks come before the slow work."""

from __future__ import annotations

import importlib
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from stancekit.cli import main

ARTICLE = """date 2024-05-02 Ministers meet in Valletta
Prime Minister Anna Borg said that the two countries would expand ferry links across the \
strait. Foreign Minister Tomas Lind said that fisheries quotas should be settled by the autumn. \
Borg added that a joint solar project would start next year. Lind stressed that port \
inspections must stay strict. Borg noted that students would gain new exchange places. Lind \
said that customs data would be shared every month.
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An article, its statements (JSONL, no dates) and embedded statements (LSA)."""
    d = tmp_path_factory.mktemp("cli-errors")
    article = d / "valletta.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    statements = d / "statements.jsonl"
    embedded = d / "embedded.parquet"
    assert main(["segment", str(article), "-o", str(statements)]) == 0
    assert main(["segment", str(article), "-o", str(d / "statements.parquet")]) == 0
    argv = ["embed", str(statements), "-o", str(embedded), "--model", "lsa", "--no-cache"]
    assert main(argv) == 0
    undated = d / "undated.txt"
    undated.write_text(ARTICLE.split("\n", 1)[1], encoding="utf-8")
    assert main(["segment", str(undated), "-o", str(d / "undated.jsonl")]) == 0
    (d / "a-file").write_text("not a folder", encoding="utf-8")
    (d / "empty.jsonl").write_text("", encoding="utf-8")
    (d / "empty-folder").mkdir()
    (d / "notes").mkdir()
    (d / "notes" / "todo.txt").write_text("call the embassy", encoding="utf-8")
    (d / "blank.jsonl").write_text(
        '{"id": "k1", "text": "  "}\n{"id": "k2", "text": ""}\n', encoding="utf-8"
    )
    (d / "broken.jsonl").write_text(
        '{"id": "k1", "text": "Borg said it was fine."}\n{"id": \n', encoding="utf-8"
    )
    (d / "bad-statements.jsonl").write_text(
        '{"id": "k1", "statements": [{"speaker": "Anna Borg", "text": "yes", "start": 0, '
        '"end": 3}]}\n{"id": "k2", "statements": [{"speaker": "Tomas Lind"}]}\n',
        encoding="utf-8",
    )
    (d / "wide.csv").write_text("id,text\nk1,Lind said yes.,surplus\n", encoding="utf-8")
    (d / "other.csv").write_text("key,body\nk1,Lind said yes.\n", encoding="utf-8")
    return {p.name: p for p in d.iterdir()} | {"dir": d}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        status = int(exc.code or 0)
    return status, capsys.readouterr().err


# (command line with {name} for a file of the fixture, exit status, words the message holds)
CASES: list[tuple[str, int, tuple[str, ...]]] = [
    # segment
    ("segment {dir}/nowhere.jsonl", 2, ("nowhere.jsonl", "no such file")),
    ("segment {valletta.txt} -o {dir}/out.xlsx", 2, ("out.xlsx", ".jsonl, .csv or .parquet")),
    ("segment {valletta.txt} -o {a-file}/out.jsonl", 2, ("a-file", "not a folder")),
    ("segment {valletta.txt} -o {empty-folder}", 2, ("empty-folder",)),
    ("segment {empty.jsonl}", 1, ("empty.jsonl", "no articles")),
    ("segment {empty-folder}", 1, ("empty-folder",)),
    ("segment {blank.jsonl}", 1, ("blank.jsonl:1", "blank.jsonl:2")),
    ("segment {broken.jsonl}", 1, ("broken.jsonl:2", "JSON")),
    ("segment {wide.csv}", 1, ("wide.csv:2",)),
    ("segment {other.csv}", 1, ("other.csv", "--text-column")),
    ("segment {valletta.txt} --text-column body", 2, ("--text-column",)),
    ("segment {valletta.txt} --speakers {dir}/aliases.toml", 2, ("aliases.toml",)),
    ("segment {valletta.txt} --jobs 0", 2, ("--jobs",)),
    # embed
    ("embed {dir}/nowhere.parquet -o {dir}/e.parquet", 2, ("nowhere.parquet",)),
    ("embed {statements.jsonl} -o {dir}/e.csv", 2, ("e.csv", ".parquet")),
    ("embed {statements.jsonl} -o {dir}/e.parquet --model no-such-model", 2, ("no-such-model",)),
    ("embed {bad-statements.jsonl} -o {dir}/e.parquet --model lsa", 1, ("statements.jsonl:2",)),
    ("embed {broken.jsonl} -o {dir}/e.parquet --model lsa", 1, ("broken.jsonl",)),
    ("embed {empty-folder} -o {dir}/e.parquet --model lsa", 2, ("empty-folder", "folder")),
    ("embed {statements.jsonl} -o {dir}/e.parquet --batch-size 0", 2, ("--batch-size",)),
    ("embed {statements.jsonl} -o {dir}/e.parquet --cache-dir {a-file}", 2, ("a-file",)),
    # topics
    ("topics {statements.parquet} -o {dir}/t", 1, ("statements.parquet", "no embeddings")),
    ("topics {embedded.parquet} -o {a-file}", 2, ("a-file", "not a folder")),
    ("topics {embedded.parquet} -o {dir}/t --freq 5Y", 2, ("'5Y'", "'5YE'")),
    ("topics {embedded.parquet} -o {dir}/t --n-topics zero", 2, ("--n-topics", "'zero'")),
    ("topics {embedded.parquet} -o {dir}/t --by party", 2, ("--by", "'party'")),
    # report
    ("report {embedded.parquet} -o {dir}/r --focus 'Donald Trump'", 2, ("'Donald Trump'",)),
    ("report {embedded.parquet} -o {dir}/r --focus Borg", 2, ("closest: 'Anna Borg'",)),
    ("report {valletta.txt} -o {dir}/r --window 5Y --model lsa", 2, ("'5Y'", "'5YE'")),
    ("report {undated.jsonl} -o {dir}/r --window YE --model lsa", 2, ("--window", "date")),
    ("report {valletta.txt} -o {a-file} --model lsa", 2, ("a-file", "not a folder")),
    ("report {embedded.parquet} -o {notes}", 2, ("todo.txt", "--overwrite")),
    ("report {dir}/nowhere.jsonl -o {dir}/r", 2, ("nowhere.jsonl", "no such file")),
    ("report {empty.jsonl} -o {dir}/r --model lsa", 1, ("empty.jsonl", "no articles")),
    ("report {empty-folder} -o {dir}/r --model lsa", 1, ("empty-folder",)),
    ("report {broken.jsonl} -o {dir}/r --model lsa", 1, ("broken.jsonl:2",)),
    ("report {valletta.txt} -o {dir}/r --model no-such-model", 2, ("no-such-model",)),
    ("report {embedded.parquet} -o {dir}/r --min-statements 9", 1, ("--min-statements",)),
    ("report {embedded.parquet} -o {dir}/r --min-statements 0", 2, ("--min-statements",)),
    # demo and bench
    ("demo -o {a-file} --model lsa", 2, ("a-file", "not a folder")),
    ("demo -o {dir}/d --model no-such-model", 2, ("no-such-model",)),
    ("bench --output {dir}/bench.txt", 2, ("bench.txt", ".json")),
    ("bench --only everything", 2, ("--only",)),
    # no command at all
    ("translate {valletta.txt}", 2, ("translate",)),
]


@pytest.mark.parametrize(("line", "status", "words"), CASES, ids=[c[0] for c in CASES])
def test_mistakes_are_one_line(
    files: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    line: str,
    status: int,
    words: tuple[str, ...],
) -> None:
    argv = shlex.split(re.sub(r"\{([^}]+)\}", lambda m: shlex.quote(str(files[m[1]])), line))
    got, err = _run(argv, capsys)
    lines = err.strip().splitlines()
    command = (
        argv[0] if argv[0] in {"segment", "embed", "topics", "report", "demo", "bench"} else ""
    )
    prefix = f"stancekit {command}: error: " if command else "stancekit: error: "
    assert got == status, err
    assert len(lines) == 1 and lines[0].startswith(prefix), err
    assert "Traceback" not in err
    for w in words:
        assert w in lines[0], (w, err)


def test_no_traceback_reaches_the_terminal(files: dict[str, Path], tmp_path: Path) -> None:
    for argv in (
        ["report", str(files["embedded.parquet"]), "-o", str(tmp_path / "r"), "--window", "5Y"],
        ["segment", str(files["valletta.txt"]), "-o", str(tmp_path / "out.xlsx")],
    ):
        run = subprocess.run(
            [sys.executable, "-m", "stancekit", *argv], capture_output=True, text=True, check=False
        )
        assert run.returncode == 2
        assert "Traceback" not in run.stderr
        assert run.stderr.count("\n") == 1 and run.stderr.startswith(f"stancekit {argv[0]}: error:")


def test_options_are_checked_before_the_slow_work(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad window, output or model stops a report before it segments; an unknown focus
    stops it before it embeds."""
    # the packages, not the functions that ``stancekit.segment`` and ``stancekit.embed`` name
    segment_pkg = importlib.import_module("stancekit.segment")
    embed_pkg = importlib.import_module("stancekit.embed")

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("the slow work started")

    monkeypatch.setattr(segment_pkg, "segment", boom)
    monkeypatch.setattr(embed_pkg, "embed", boom)
    art, out = str(files["valletta.txt"]), str(files["dir"] / "r")
    for extra in (["--window", "5Y"], ["--model", "no-such-model"]):
        assert _run(["report", art, "-o", out, *extra], capsys)[0] == 2
    assert _run(["report", art, "-o", str(files["a-file"])], capsys)[0] == 2
    assert _run(["segment", art, "-o", str(files["dir"] / "x.xlsx")], capsys)[0] == 2
    stmts = str(files["statements.jsonl"])
    status, err = _run(["report", stmts, "-o", out, "--focus", "Tomas Lindt"], capsys)
    assert status == 2 and "closest: 'Tomas Lind'" in err
