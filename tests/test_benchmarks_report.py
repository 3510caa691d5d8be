"""benchmarks/report.py: the curated benchmark page, its targets and its error handling."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_report() -> ModuleType:
    # benchmarks/ is not a package: load the script by path, as the other benchmark scripts
    # load their helpers.
    spec = importlib.util.spec_from_file_location(
        "_bench_report", ROOT / "benchmarks" / "report.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


report = _load_report()


def _dyads() -> dict[str, Any]:
    """A tiny made-up dyads result: every field the summary reads, two targets missed."""
    spearman = {"min": 0.96, "median": 0.98}
    return {
        "benchmark": "dyads",
        "mode": "full",
        "command": "python benchmarks/bench_dyads.py",
        "machine": {
            "cpu": "Test CPU",
            "cpu_count": 4,
            "load_average_at_start": [0.5, 0.25, 0.125],
            "python": "3.11.7",
            "versions": {"stancekit": "0.1.0", "numpy": "2.0.0"},
        },
        "planted": {
            "corpora": 3,
            "target": "spearman >= 0.95 (score and adjusted)",
            **{
                f"spearman_{m}_{n}": spearman
                for m in ("centroid", "soft")
                for n in ("score", "adjusted")
            },
        },
        "null": {
            "corpora": 10,
            "target": "KS p > 0.05",
            "centroid": {"n_dyads": 50, "ks_p": 0.4, "share_p_below_0.05": 0.05},
            "soft": {"n_dyads": 50, "ks_p": 0.01, "share_p_below_0.05": 0.2},
        },
        "speed": {
            "n_statements": 1000,
            "n_speakers": 10,
            "gemm": {"median_s": 2.0},
            "centroid": {"median_s": 0.5, "runs_s": [0.6, 0.5]},
            "soft": {"median_s": 30.0, "runs_s": [30.0, 31.0]},
            "ratio_centroid_over_gemm": 0.25,
            "ratio_soft_over_gemm": 15.0,
            "target": "<= 10",
        },
    }


def _write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def results(tmp_path: Path) -> Path:
    folder = tmp_path / "results"
    folder.mkdir()
    _write(folder, "dyads.json", _dyads())
    mystery = {"benchmark": "mystery", "command": "python bench_mystery.py", "nested": {"x": 1}}
    mystery |= {f"value_{i:02d}": i + 0.123456 for i in range(23)}
    _write(folder, "mystery.json", mystery)
    _write(folder, "broken.json", '{"benchmark": "core", ')
    return folder


def _run(results: Path, output: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    assert report.main(["--results", str(results), "--output", str(output)]) == 0
    return output.read_text(encoding="utf-8"), capsys.readouterr().err


def _row(page: str, start: str) -> list[str]:
    line = next(x for x in page.splitlines() if x.startswith(f"| {start}"))
    return [c.strip() for c in line.strip("|").split("|")]


def test_page_has_sections_links_verdicts_and_error_notes(
    results: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, err = _run(results, tmp_path / "docs" / "benchmarks.md", capsys)
    # one section per file, the known kind first, the unknown one after it
    headings = [x for x in page.splitlines() if x.startswith("## ")]
    assert headings == ["## Overview", "## Calibrated dyads", "## Other: mystery", "## Problems"]
    # command, machine in one line, raw links relative to the page
    assert "Command: `python benchmarks/bench_dyads.py`" in page
    assert "Machine: Test CPU, 4 cores; load 0.50/0.25/0.12 (1/5/15 min) at start; " in page
    assert '<a href="../results/dyads.json">raw</a>' in page
    assert '<a href="../results/mystery.json">raw</a>' in page
    # target verdicts: met, missed, and the file's own wording kept
    ks = "null corpora: KS p of the dyad p-values against uniform"
    assert _row(page, f"{ks}, centroid")[-2:] == ["KS p > 0.05", "yes"]
    assert _row(page, f"{ks}, soft")[-2:] == ["KS p > 0.05", "**no**"]
    soft = _row(page, "calibrated dyad matrix, soft")
    assert soft[1:] == ["30.0 s", "one float32 `X @ X.T` of the statements: 2.00 s",
                        "15.0× GEMM time", "≤ 10", "**no**"]  # fmt: skip
    assert _row(page, "planted order: Spearman of soft `score`")[-2:] == ["spearman ≥ 0.95", "yes"]
    assert "Target as the file states it: `spearman >= 0.95 (score and adjusted)`." in page
    assert _row(page, "Calibrated dyads")[-1] == "6 of 8"
    # the unknown kind: top-level scalars only, capped, with the rest left to the raw file
    other = page.split("## Other: mystery")[1].split("## Problems")[0]
    assert other.count("| `value_") == report.GENERIC_MAX_ROWS
    assert "| `value_00` | 0.123 |" in other and "`nested`" not in other
    assert "3 more top-level values in the raw file." in other
    assert _row(page, "Other: mystery")[-1] == "no summary for this kind of file"
    # the malformed file and the missing kinds: on the page and on stderr, no crash
    problems = page.split("## Problems")[1]
    assert '- <a href="../results/broken.json">broken.json</a>: not valid JSON' in problems
    assert "broken.json: not valid JSON (JSONDecodeError" in err
    assert "Embedding: no results file; `python benchmarks/bench_embed.py` writes it." in problems
    assert "Embedding: no results file" in err
    assert "see [Problems](#problems)" in page


def test_output_is_deterministic_and_written_atomically(
    results: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "docs" / "benchmarks.md"
    first, _ = _run(results, out, capsys)
    second, _ = _run(results, out, capsys)
    assert first == second and first.endswith("\n") and not first.endswith("\n\n")
    assert sorted(p.name for p in out.parent.iterdir()) == ["benchmarks.md"]  # no temp file left


def test_quick_run_is_linked_beside_the_full_one(
    results: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quick = _dyads() | {"mode": "quick", "command": "python benchmarks/bench_dyads.py --quick"}
    _write(results, "dyads-quick.json", quick)
    page, _ = _run(results, tmp_path / "out.md", capsys)
    assert page.count("## Calibrated dyads") == 1
    assert "Command: `python benchmarks/bench_dyads.py` (" in page
    assert 'not summarised here: <a href="results/dyads-quick.json">dyads-quick.json</a>' in page


def test_known_kind_in_an_unexpected_shape_falls_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    _write(folder, "embed.json", {"benchmark": "embed", "wall_s": 12.5, "throughput": {}})
    _write(folder, "list.json", [1, 2])
    _write(folder, "ungd.json", {"benchmark": "ungd", "years": {"2017": {"scores": {}}}})
    page, err = _run(folder, tmp_path / "out.md", capsys)
    section = page.split("## Embedding")[1].split("## ")[0]
    assert "| `wall_s` | 12.5 |" in section
    assert "lacks the fields the embed summary reads (KeyError" in section
    assert "embed.json: lacks the fields the embed summary reads" in err
    assert "list.json</a>: not valid results: the top level is a list." in page
    assert "ungd.json: lacks the fields the ungd summary reads (StopIteration" in err


def test_missing_results_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, err = _run(tmp_path / "nowhere", tmp_path / "out.md", capsys)
    assert "| (no readable results file) | – | – |" in page
    assert "nowhere: no results folder" in err


def test_repository_results_render_without_problems(tmp_path: Path) -> None:
    folder = ROOT / "benchmarks" / "results"
    if not any(folder.glob("*.json")):
        pytest.skip("no results in the repository")
    page, problems = report.render(folder, ROOT / "docs" / "benchmarks.md")
    assert [f"{p.name}: {p.message}" for p in problems] == []
    for path in folder.glob("*.json"):  # every file has a section or a link
        assert f'href="../benchmarks/results/{path.name}"' in page


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0"),
        (12345, "12,345"),
        (0.95558, "0.956"),
        (1.0, "1.00"),
        (26.648, "26.6"),
        (880.18, "880"),
        (3938.25, "3,940"),
        (7.45e-08, "7.45e-08"),
        (None, "n/a"),
    ],
)
def test_three_significant_figures(value: Any, text: str) -> None:
    assert report.num(value) == text


def test_times_carry_units() -> None:
    assert [report.secs(s) for s in (5e-5, 0.0549, 3.639, 880.2, 3938.0)] == [
        "50.0 µs",
        "54.9 ms",
        "3.64 s",
        "880 s",
        "65.6 min",
    ]


@pytest.mark.parametrize(
    ("value", "target", "met"),
    [
        (1.25, ">= 0.85", True),
        (0.8, ">= 0.85", False),
        (0.96, "Spearman >= 0.95", True),
        (0.01, "KS p > 0.05", False),
        (11.0, "<= 10", False),
        (0.5, "<= embeddings + 1 GiB", None),  # no number to compare with
        (float("nan"), ">= 0.5", None),
    ],
)
def test_target_verdicts(value: float, target: str, met: bool | None) -> None:
    assert report.verdict(value, target) is met
