"""Shared fixtures. Tests never read ../shared: what they need lives in the project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "data" / "xi-japarov-2025-06-17.txt"


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never write into the user's real cache (tests/embed isolates itself further)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("STANCEKIT_CACHE_DIR", str(tmp_path_factory.mktemp("stancekit-cache")))
    mp.setenv("HF_HUB_OFFLINE", "1")
    yield
    mp.undo()
