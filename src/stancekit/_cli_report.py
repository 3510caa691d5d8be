"""The ``report`` and ``demo`` subcommands of the command line (see :mod:`stancekit.cli`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from stancekit._cli_common import (
    CommandError,
    add_column_options,
    check_dates,
    check_groups,
    check_input,
    check_output_folder,
    check_speaker_column,
    check_window,
    is_statement_file,
    non_negative_int,
    positive_int,
    prepare_model,
    read_input_articles,
    read_statement_file,
)

__all__ = ["add_demo", "add_report"]

if TYPE_CHECKING:
    from stancekit.table import StatementTable

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
            "  stancekit report embedded.parquet --output out/ --focus 'Vladimir Putin' "
            "--window 5YE\n"
            "  stancekit report speeches.jsonl --output out/ --by country --model lsa"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "input",
        type=Path,
        help="articles (.txt, folder, .jsonl, .csv, .parquet) or statements as "
        "`stancekit segment` or `stancekit embed` write them (.jsonl, .csv, .parquet)",
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
    p.add_argument(
        "--window",
        help="time windows for alignment over time, a pandas frequency: YE (years), 5YE, QE, ME",
    )
    p.add_argument(
        "--min-statements",
        type=positive_int,
        default=3,
        help="smallest group compared, in substantive statements (default 3)",
    )
    p.add_argument(
        "--window-statements",
        type=positive_int,
        default=5,
        metavar="N",
        help="statements each side needs in a window to be charted over time (default 5)",
    )
    p.add_argument(
        "--model", default="all-MiniLM-L6-v2", help="embedding model, a local folder, or 'lsa'"
    )
    p.add_argument(
        "--permutations",
        type=non_negative_int,
        default=199,
        help="permutations for p-values (default 199)",
    )
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="write into a folder that holds other files (files of the same names are replaced)",
    )
    add_column_options(p)
    p.set_defaults(handler=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from stancekit.embed import embed
    from stancekit.report import Settings, build_report

    path: Path = args.input
    check_input(path)
    check_output_folder(args.output)
    _check_report_folder(args.output, overwrite=args.overwrite)
    if args.window is not None:
        check_window(args.window)
    statements = is_statement_file(path)
    model = None if statements else prepare_model(args.model)  # checked before segmenting
    table = read_statement_file(path) if statements else _segment(args)
    check_speaker_column(table, args.by, path)
    if args.window is not None:
        check_dates(table, path)
    check_groups(table, args, substantive=False)
    if table.embeddings is None or (args.model != table.provenance.get("model")):
        model = model or prepare_model(args.model)
        print(f"embedding {len(table)} statements with {args.model}", file=sys.stderr)
        table = embed(table, model=model, progress=sys.stderr.isatty())
    check_groups(table, args, substantive=True)  # formulae left out, as the report does
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
    report = build_report(
        table, args.output, title=args.title, settings=settings, overwrite=args.overwrite
    )
    print(f"wrote {report.html} and {len(report.files) - 1} more files", file=sys.stderr)
    return 0


def _check_report_folder(path: Path, *, overwrite: bool) -> None:
    """Fail now, not after the analysis, when the report may not write into ``path``."""
    from stancekit.report import ReportFolder, ReportFolderError

    try:
        ReportFolder(path, overwrite=overwrite)
    except ReportFolderError as exc:
        raise CommandError(f"--output: {exc}") from None


def _segment(args: argparse.Namespace) -> StatementTable:
    """The statements found in the articles of ``args.input``."""
    from stancekit.segment import segment

    articles = read_input_articles(args)
    print(f"segmenting {len(articles)} article(s)", file=sys.stderr)
    return segment(articles, progress=sys.stderr.isatty())


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
    size = p.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="smaller subsets: a test run")
    size.add_argument(
        "--full",
        action="store_true",
        help="the whole data: every UN sentence, 499 permutations and 500 bootstrap draws per "
        "Kremlin dyad (a few minutes cold); by default 30 sentences per UN speech, 199 and 200",
    )
    p.add_argument(
        "--model", default="all-MiniLM-L6-v2", help="embedding model, a local folder, or 'lsa'"
    )
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="write into a folder that holds files stancekit did not write",
    )
    p.set_defaults(handler=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    from stancekit.report.demo import run_demo

    check_output_folder(args.output)
    if prepare_model(args.model) != "lsa":
        print(
            f"embedding with {args.model}: the model loads (some seconds) before the first "
            "statements that are not in the cache",
            file=sys.stderr,
        )

    def log(msg: str) -> None:
        print(msg, file=sys.stderr)

    report = run_demo(
        args.output,
        quick=args.quick,
        full=args.full,
        model=args.model,
        progress=sys.stderr.isatty(),
        log=log,
        overwrite=args.overwrite,
    )
    print(f"wrote {report.html}", file=sys.stderr)
    return 0
