"""The README's shell tour runs, in order, as written: each step reads what the one before wrote."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import stancekit

ROOT = Path(__file__).resolve().parents[1]
MARKER = "<!-- shell-tour:"
_BLOCK = re.compile(r"```(?:sh|bash|console)\n(.*?)```", re.S)


def tour_commands(readme: str) -> list[list[str]]:
    """The commands of every ```sh block that follows a shell-tour marker, in order."""
    commands = []
    for part in readme.split(MARKER)[1:]:
        block = _BLOCK.search(part)
        assert block is not None, "a shell-tour marker without a ```sh block after it"
        for line in block[1].splitlines():
            argv = shlex.split(line, comments=True)
            if argv:
                commands.append(argv)
    return commands


def test_tour_is_found() -> None:
    commands = tour_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert [c[1] for c in commands if len(c) > 1][:3] == ["--help", "segment", "embed"]
    assert all(c[0] == "stancekit" for c in commands)


def test_readme_shell_tour_runs_in_order(tmp_path: Path) -> None:
    commands = tour_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    shutil.copytree(ROOT / "examples" / "data", tmp_path / "examples" / "data")
    env = dict(os.environ)
    src = str(Path(stancekit.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([src, *filter(None, [env.get("PYTHONPATH")])])
    env["STANCEKIT_CACHE_DIR"] = str(tmp_path / "cache")  # the first embedding loads the model
    for argv in commands:
        run = subprocess.run(
            [sys.executable, "-m", "stancekit", *argv[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, f"{shlex.join(argv)} failed:\n{run.stderr}"
        assert "Traceback" not in run.stderr
        if argv[1] == "embed":
            assert run.stderr.startswith("loading model all-MiniLM-L6-v2 ..."), run.stderr
    assert (tmp_path / "statements.jsonl").is_file()
    assert (tmp_path / "embedded.parquet").is_file()
    reports = [p for p in tmp_path.rglob("report.html")]
    assert reports, "the tour writes a report"
