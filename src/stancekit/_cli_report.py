"""The ``report`` and ``demo`` subcommands of the command line (see :mod:`stancekit.cli`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

__all__ = ["add_demo", "add_report"]

if TYPE_CHECKING:
    Sub = argparse._SubParsersAction[argparse.ArgumentParser]


def add_report(sub: Sub) -> None:
    """Declare ``stancekit report``."""
    p = sub.add_parser(
        "report",
        help="the whole pipeline to a folder with a self-contained HTML report",
        description=(
            "Read articles (or a statements file), find who said what, embed the statements, "
            "compare speakers (similarity, calibrated alignment with a focus speaker, topics) "
            "and write DIR/report.html, statements.parquet, CSV tables and PNG/SVG figures. "
            "Greetings, thanks and other formulae are left out of every score and counted."
        ),
        epilog=(
            "examples:\n"
            "  stancekit report articles.jsonl --output out/\n"
            "  stancekit report statements.parquet --output out/ --focus 'Vladimir Putin' "
            "--window 5YE\n"
            "  stancekit report speeches.jsonl --output out/ --by country --model lsa"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "input",
        type=Path,
        help="articles (.txt, folder, .jsonl, .csv, .parquet) or statements "
        "(.parquet with a speaker column)",
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="folder to write")
    p.add_argument("--title", default="stancekit report")
    p.add_argument(
        "--focus", help="speaker to compare the others with (default: the one with most statements)"
    )
    p.add_argument(
        "--by",
        default="speaker",
        help="compare speakers, countries or any column (default speaker)",
    )
    p.add_argument("--window", help="time windows for alignment over time, e.g. YE, 5YE, QE")
    p.add_argument(
        "--min-statements",
        type=int,
        default=3,
        help="smallest group compared, in substantive statements (default 3)",
    )
    p.add_argument(
        "--window-statements",
        type=int,
        default=5,
        metavar="N",
        help="statements each side needs in a window to be charted over time (default 5)",
    )
    p.add_argument(
        "--model", default="all-MiniLM-L6-v2", help="embedding model, a local folder, or 'lsa'"
    )
    p.add_argument(
        "--permutations", type=int, default=199, help="permutations for p-values (default 199)"
    )
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(handler=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from stancekit.embed import embed
    from stancekit.io import read_articles
    from stancekit.report import Settings, build_report
    from stancekit.segment import segment
    from stancekit.table import StatementTable

    progress = sys.stderr.isatty()
    path: Path = args.input
    table: StatementTable | None = None
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        if "speaker" in pq.read_schema(path).names:
            table = StatementTable.read_parquet(path)
    if table is None:
        articles = read_articles(path)
        print(f"segmenting {len(articles)} article(s)", file=sys.stderr)
        table = segment(articles, progress=progress)
    if table.embeddings is None or (args.model != table.provenance.get("model")):
        print(f"embedding {len(table)} statements with {args.model}", file=sys.stderr)
        table = embed(table, model=args.model, progress=progress)
    settings = Settings(
        focus=args.focus,
        by=args.by,
        min_statements=args.min_statements,
        window=args.window,
        min_window_statements=args.window_statements,
        n_permutations=args.permutations,
        n_bootstrap=max(100, args.permutations),
        seed=args.seed,
    )
    report = build_report(table, args.output, title=args.title, settings=settings)
    print(f"wrote {report.html} and {len(report.files) - 1} more files", file=sys.stderr)
    return 0


def add_demo(sub: Sub) -> None:
    """Declare ``stancekit demo``."""
    p = sub.add_parser(
        "demo",
        help="the report on the bundled data (seed article, Kremlin 2000-2020, UN 2017)",
        description=(
            "Analyse the bundled data offline and write DIR/report.html: Xi Jinping and Sadyr "
            "Japarov in the seed article; what foreign leaders said against what Putin said in "
            "the Kremlin's record (Moscow's account), by topic and over time; the UN General "
            "Debate 2017, a country map and text alignment against voting agreement."
        ),
        epilog="example: stancekit demo --output stancekit-demo",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("-o", "--output", type=Path, default=Path("stancekit-demo"))
    p.add_argument("--quick", action="store_true", help="subsets of the data: a faster run")
    p.add_argument(
        "--model", default="all-MiniLM-L6-v2", help="embedding model, a local folder, or 'lsa'"
    )
    p.set_defaults(handler=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    from stancekit.report.demo import run_demo

    def log(msg: str) -> None:
        print(msg, file=sys.stderr)

    report = run_demo(
        args.output, quick=args.quick, model=args.model, progress=sys.stderr.isatty(), log=log
    )
    print(f"wrote {report.html}", file=sys.stderr)
    return 0
