from __future__ import annotations

import importlib
import subprocess
import sys

import stancekit


def test_every_public_name_resolves() -> None:
    for name in stancekit.__all__:
        assert getattr(stancekit, name) is not None, name


def test_functions_named_like_subpackages_stay_functions() -> None:
    importlib.import_module("stancekit.topics")
    importlib.import_module("stancekit.embed")
    importlib.import_module("stancekit.segment")
    assert callable(stancekit.topics) and callable(stancekit.embed) and callable(stancekit.segment)


def test_segment_cli_does_not_import_torch() -> None:
    code = "import sys, stancekit; stancekit.segment('Trade is up, Putin said.'); print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_segment_and_embed_are_the_plain_functions() -> None:
    import inspect

    from stancekit.embed.pipeline import embed
    from stancekit.segment.api import segment

    assert stancekit.segment is segment and stancekit.embed is embed
    assert "articles" in inspect.signature(stancekit.segment).parameters
    assert "table" in inspect.signature(stancekit.embed).parameters
    assert stancekit.embed.__doc__ == embed.__doc__
    assert stancekit.segment.__doc__ == segment.__doc__


def test_submodules_of_function_named_packages_still_import() -> None:
    """Every spelling of a submodule import works, in a fresh interpreter, whatever the order,
    and none of them rebinds ``stancekit.segment`` or ``stancekit.embed``."""
    import pkgutil

    lines = []
    for package in ("segment", "embed"):
        path = importlib.import_module(f"stancekit.{package}").__path__
        for info in pkgutil.iter_modules(path):
            full = f"stancekit.{package}.{info.name}"
            lines += [
                f"import {full} as m; assert m is sys.modules[{full!r}]",
                f"import {full}; assert stancekit.{package}.{info.name} is m",
                f"from stancekit.{package} import {info.name} as m2; assert m2 is m",
            ]
    lines += [
        "from stancekit.segment.engine import *",
        "from stancekit.embed import resolve, resolve_model",
        "assert resolve.resolve_model is resolve_model",
        "import inspect, stancekit.embed.pipeline as p",
        "assert stancekit.segment is sys.modules['stancekit.segment.api'].segment",
        "assert stancekit.embed is p.embed and inspect.isfunction(stancekit.embed)",
    ]
    code = "import sys\n" + "\n".join(lines)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_report_is_reachable_without_build_report() -> None:
    code = (
        "import sys, stancekit as sk\n"
        "assert 'stancekit.report' not in sys.modules\n"
        "assert sk.report is sys.modules['stancekit.report']\n"
        "assert sk.report.build_report is sk.build_report\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
