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
