"""Shared fixtures. Tests never read ../shared: what they need lives in the project."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "data" / "xi-japarov-2025-06-17.txt"


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE
