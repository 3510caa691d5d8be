"""The ``stancekit`` command line.

Each subcommand is a pair: ``_add_<name>(subparsers)`` declares it and ``_run_<name>(args)``
does the work. Errors that stancekit raises on purpose are printed as one line and exit 1;
usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from stancekit._version import __version__
from stancekit.errors import SkippedRecordsWarning, StancekitError

__all__ = ["build_parser", "main"]

Handler = Callable[[argparse.Namespace], int]

_DESCRIPTION = """\
stancekit: who said what in the news, and how close leaders' positions are.

Typical use:
  stancekit segment articles.jsonl --output statements.jsonl
"""


def _progress_default() -> bool:
    return sys.stderr.isatty()


def _add_segment(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "segment",
        help="find who said what: articles in, one row per statement out",
        description=(
            "Find the statements in each article and who made them (reported and direct "
            "speech, transcript turns, speeches with a known speaker)."
        ),
        epilog=(
            "INPUT is a .txt file, a folder of .txt files, .jsonl (id, text, optional date, "
            "title, source, speaker; other fields kept as metadata), .csv or .parquet.\n"
            "OUTPUT .jsonl holds one record per article, {id, statements: [{speaker, start, end, "
            "mention_start, mention_end, kind, cue, text}]}, offsets into that article's text; "
            ".csv and .parquet hold the flat statement table.\n\n"
            "example: stancekit segment examples/data/xi-japarov-2025-06-17.txt "
            "--output statements.csv"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", type=Path, help="articles to read")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="where to write (.jsonl, .csv, .parquet); without it a readable summary is printed",
    )
    p.add_argument(
        "--speakers",
        type=Path,
        help="alias file (TOML or JSON): canonical name -> aliases, role, country",
    )
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.set_defaults(handler=_run_segment)


def _run_segment(args: argparse.Namespace) -> int:
    from stancekit.io import read_articles, write_statements
    from stancekit.segment import segment

    articles = read_articles(args.input)
    if articles.skipped:
        print(f"skipped {len(articles.skipped)} empty article(s)", file=sys.stderr)
    table = segment(
        articles, speakers=args.speakers, n_jobs=args.jobs, progress=_progress_default()
    )
    if args.output is None:
        for st in table:
            print(f"[{st.speaker}] ({st.kind}, {st.cue}) {st.text}")
        print(f"{len(table)} statements from {len(articles)} article(s)", file=sys.stderr)
        return 0
    write_statements(table, args.output, article_ids=[a.id for a in articles])
    print(
        f"wrote {len(table)} statements from {len(articles)} article(s) to {args.output}",
        file=sys.stderr,
    )
    return 0


_COMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    _add_segment,
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="stancekit",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"stancekit {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add in _COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedRecordsWarning)
        try:
            return handler(args)
        except (StancekitError, FileNotFoundError, IsADirectoryError, PermissionError) as exc:
            print(f"stancekit {args_command(args)}: error: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            return 130


def args_command(args: argparse.Namespace) -> str:
    """The subcommand's name, for messages."""
    handler = getattr(args, "handler", None)
    name = getattr(handler, "__name__", "")
    return name.removeprefix("_run_")
