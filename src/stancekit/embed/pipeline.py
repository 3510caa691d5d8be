""":func:`embed` and :func:`embed_texts`: de-duplicate, look up the cache, encode what is
missing (longest texts first, in chunks, with a progress bar), store it, assemble."""

from __future__ import annotations

import logging
import os
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit.embed.cache import EmbeddingCache, _rows_per_shard, text_keys
from stancekit.embed.lsa import LSAEmbedder
from stancekit.embed.protocol import CallableEmbedder, Embedder, as_unit_float32
from stancekit.embed.resolve import DEFAULT_MODEL
from stancekit.embed.sentence import SentenceTransformerEmbedder
from stancekit.errors import CacheError
from stancekit.table import StatementTable

__all__ = ["CacheSpec", "ModelSpec", "embed", "embed_texts", "make_embedder"]

log = logging.getLogger("stancekit.embed")

# Texts are handed to the embedder in chunks of whole batches, in the global longest-first
# order, so the model's batches are the ones a single call would form. Without a progress bar a
# chunk is _MAX_CHUNK texts (about one cache shard: a stopped run keeps what it finished); with
# one, chunks are sized to take about _CHUNK_SECONDS each so that the bar moves (each call costs
# a model a few milliseconds of its own).
_CHUNK_SECONDS = 1.0
_MAX_CHUNK = 16384

#: What ``model=`` accepts: a name, a folder, ``"lsa"``, an :class:`Embedder`, or a function.
ModelSpec = str | os.PathLike[str] | Embedder | Callable[[list[str]], npt.ArrayLike]
#: What ``cache=`` accepts: ``"default"`` (or ``True``), a folder, an :class:`EmbeddingCache`,
#: or ``None`` (or ``False``) for no cache.
CacheSpec = str | os.PathLike[str] | EmbeddingCache | bool | None


def embed(
    table: StatementTable,
    *,
    model: ModelSpec = DEFAULT_MODEL,
    batch_size: int = 64,
    device: str | None = None,
    cache: CacheSpec = "default",
    progress: bool | None = None,
) -> StatementTable:
    """Embed every statement's text.

    Parameters
    ----------
    table
        Statements; their ``text`` column is embedded.
    model
        A sentence-transformers model name or local folder (default ``all-MiniLM-L6-v2``,
        found as described in :func:`~stancekit.embed.resolve_model`); ``"lsa"`` for TF-IDF +
        truncated SVD fitted on this table's texts; an :class:`Embedder`; or a function
        ``f(list of n texts) -> (n, d) array`` (not cached unless it has an ``identity``
        attribute).
    batch_size
        Texts per forward pass of a sentence-transformers model.
    device
        Torch device of a sentence-transformers model (``"cpu"``, ``"cuda"``...); ``None``
        lets sentence-transformers choose. Other backends ignore it.
    cache
        ``"default"`` (``$STANCEKIT_CACHE_DIR/embeddings``, else
        ``$XDG_CACHE_HOME/stancekit/embeddings``, else ``~/.cache/stancekit/embeddings``), a
        folder, an :class:`EmbeddingCache`, or ``None`` to neither read nor write a cache.
    progress
        Show a progress bar: ``None`` when stderr is a terminal and the run takes more than a
        second, ``True`` always, ``False`` never.

    Returns
    -------
    StatementTable
        The same statements with ``(n, d)`` float32 unit-norm embeddings and their provenance
        (``model``, ``backend``, ``dimension``, ``weights_sha256`` for neural models,
        ``identity``, ``versions``).

    Raises
    ------
    ModelUnavailableError
        The model cannot be found or loaded; the message says how to get it.
    CacheError
        The cache folder cannot be created or read.

    Examples
    --------
    >>> from stancekit import Statement, StatementTable
    >>> from stancekit.embed import embed
    >>> t = StatementTable.from_statements([
    ...     Statement("a", "Xi Jinping", "trade cooperation should deepen", 0, 31),
    ...     Statement("a", "Sadyr Japarov", "the railway will boost trade", 40, 68)])
    >>> embed(t, model="lsa", cache=None).embeddings.shape
    (2, 3)
    """
    if not isinstance(table, StatementTable):
        raise TypeError(f"table must be a StatementTable, got {type(table).__name__}")
    texts = table.column("text")
    vectors, provenance = _embed(
        list(texts), model, batch_size=batch_size, device=device, cache=cache, progress=progress
    )
    return table.with_embeddings(vectors, provenance)


def embed_texts(
    texts: Sequence[str],
    *,
    model: ModelSpec = DEFAULT_MODEL,
    batch_size: int = 64,
    device: str | None = None,
    cache: CacheSpec = "default",
    progress: bool | None = None,
) -> npt.NDArray[np.float32]:
    """Embed plain strings (a query, a list of sentences) exactly as :func:`embed` would.

    Returns
    -------
    ndarray
        ``(n, d)`` float32, unit-norm rows, in the order of ``texts``.
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be a sequence of strings, not a single string")
    vectors, _ = _embed(
        list(texts), model, batch_size=batch_size, device=device, cache=cache, progress=progress
    )
    return vectors


def make_embedder(
    model: ModelSpec,
    corpus: Sequence[str] = (),
    *,
    device: str | None = None,
    batch_size: int = 64,
) -> Embedder:
    """The :class:`Embedder` for a ``model=`` value (``corpus`` fits ``"lsa"``)."""
    if isinstance(model, str) and model.strip().lower() == "lsa":
        return LSAEmbedder(corpus)
    if isinstance(model, (str, os.PathLike)):
        return SentenceTransformerEmbedder(model, device=device, batch_size=batch_size)
    if isinstance(model, Embedder):
        return model
    if callable(model):
        return CallableEmbedder(model)
    raise TypeError(
        "model must be a model name or folder, 'lsa', an Embedder or a function, got "
        f"{type(model).__name__}"
    )


def _embed(
    texts: list[Any],
    model: ModelSpec,
    *,
    batch_size: int,
    device: str | None,
    cache: CacheSpec,
    progress: bool | None,
) -> tuple[npt.NDArray[np.float32], dict[str, Any]]:
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, got {progress!r}")
    bad = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
    if bad is not None:
        raise TypeError(f"text {bad} is {type(texts[bad]).__name__}, not str")
    codes, uniq = pd.factorize(np.asarray(texts, dtype=object).reshape(-1))
    uniques: list[str] = [str(u) for u in uniq]
    embedder = make_embedder(model, uniques, device=device, batch_size=batch_size)
    identity = embedder.identity
    name = str(getattr(embedder, "name", type(embedder).__name__))
    store = _open_cache(cache) if identity is not None else None
    if store is None and cache is not None and identity is None:
        log.info("%s has no identity: its output is not cached", name)
    keys = text_keys(uniques) if store is not None else np.zeros((len(uniques), 2), np.uint64)
    found, unique_vecs = (np.zeros(len(uniques), dtype=bool), None)
    if store is not None and identity is not None and uniques:
        found, unique_vecs = store.lookup(identity, keys)
    missing = np.flatnonzero(~found)
    work = _Work(embedder, name, uniques, keys, store, identity, unique_vecs)
    work.encode(missing, batch_size=batch_size, progress=progress)
    vectors = work.result(len(uniques))
    log.info(
        "embedded %d texts (%d distinct): %d from the cache, %d encoded with %s",
        len(texts),
        len(uniques),
        len(uniques) - missing.size,
        missing.size,
        name,
    )
    rows = vectors if len(uniques) == len(texts) else vectors[codes]  # no repeats: in order
    return np.ascontiguousarray(rows), _provenance(embedder, identity, vectors)


class _Work:
    """The distinct texts' vectors as they are filled in: cached ones first, then encoded."""

    def __init__(
        self,
        embedder: Embedder,
        name: str,
        uniques: list[str],
        keys: npt.NDArray[np.uint64],
        store: EmbeddingCache | None,
        identity: str | None,
        cached: npt.NDArray[np.float32] | None,
    ) -> None:
        self.embedder, self.name, self.uniques, self.keys = embedder, name, uniques, keys
        self._objects = np.empty(len(uniques), dtype=object)  # fast fancy-indexing of texts
        self._objects[:] = uniques
        self.store, self.identity, self.vectors = store, identity, cached
        self._pending: list[npt.NDArray[np.intp]] = []

    def encode(
        self, missing: npt.NDArray[np.intp], *, batch_size: int, progress: bool | None
    ) -> None:
        """Encode the texts at ``missing`` (longest first, like sentence-transformers, so that
        batches pad little), storing them every shard's worth."""
        if missing.size == 0:
            return
        lengths = np.fromiter(map(len, self.uniques), np.int64, len(self.uniques))[missing]
        order = missing[np.argsort(-lengths, kind="stable")]
        bar = _progress_bar(order.size, self.name, progress)
        fixed = max(batch_size, _MAX_CHUNK // batch_size * batch_size)
        chunk, start = (fixed if bar is None else 2 * batch_size), 0
        try:
            while start < order.size:
                idx = order[start : start + chunk]
                batch: list[str] = self._objects[idx].tolist()
                t0 = time.perf_counter()
                vec = as_unit_float32(self.embedder.encode(batch), batch, source=self.name)
                if bar is not None:
                    chunk = _next_chunk(idx.size, time.perf_counter() - t0, batch_size)
                    bar.update(idx.size)
                start += idx.size
                self._place(idx, vec)
                self._pending.append(idx)
                if sum(p.size for p in self._pending) >= _rows_per_shard(vec.shape[1]):
                    self._flush()
        finally:
            if bar is not None:
                bar.close()
            self._flush()

    def _place(self, idx: npt.NDArray[np.intp], vec: npt.NDArray[np.float32]) -> None:
        if self.vectors is None:  # every row is filled: from the cache or encoded
            self.vectors = np.empty((len(self.uniques), vec.shape[1]), dtype=np.float32)
        elif self.vectors.shape[1] != vec.shape[1]:
            raise ValueError(
                f"{self.name} returned {vec.shape[1]}-dimensional vectors but the cache holds "
                f"{self.vectors.shape[1]}-dimensional ones for the same identity "
                f"{self.identity!r}; give the embedder a distinct identity"
            )
        self.vectors[idx] = vec

    def _flush(self) -> None:
        if not self._pending or self.vectors is None:
            return
        idx = np.concatenate(self._pending)
        self._pending = []
        if self.store is None or self.identity is None:
            return
        try:
            self.store.store(self.identity, self.keys[idx], self.vectors[idx])
        except CacheError as exc:
            warnings.warn(f"{exc}; going on without caching", RuntimeWarning, stacklevel=4)
            self.store = None

    def result(self, n: int) -> npt.NDArray[np.float32]:
        if self.vectors is not None:
            return self.vectors
        # nothing to encode and nothing cached: an empty input; ask for the dimension
        empty = as_unit_float32(self.embedder.encode([]), [], source=self.name)
        return np.zeros((n, empty.shape[1]), dtype=np.float32)


def _next_chunk(done: int, seconds: float, batch_size: int) -> int:
    """Whole batches for about ``_CHUNK_SECONDS`` at the rate just seen."""
    rate = done / max(seconds, 1e-6)
    batches = max(1, int(rate * _CHUNK_SECONDS) // batch_size)
    return max(batch_size, min(batches * batch_size, _MAX_CHUNK))


def _open_cache(cache: CacheSpec) -> EmbeddingCache | None:
    if cache is None or cache is False:
        return None
    if isinstance(cache, EmbeddingCache):
        return cache.open()
    if cache is True or (isinstance(cache, str) and cache == "default"):
        return EmbeddingCache.default().open()
    if isinstance(cache, (str, os.PathLike)):
        return EmbeddingCache(cache).open()
    raise TypeError(
        f"cache must be 'default', a folder, an EmbeddingCache or None, got {type(cache).__name__}"
    )


def _provenance(
    embedder: Embedder, identity: str | None, vectors: npt.NDArray[np.float32]
) -> dict[str, Any]:
    get = getattr(embedder, "provenance", None)
    info: dict[str, Any] = dict(get()) if callable(get) else {}
    info.setdefault("backend", type(embedder).__name__)
    info.setdefault("model", str(getattr(embedder, "name", type(embedder).__name__)))
    info["dimension"] = int(vectors.shape[1])
    info["normalized"] = True
    info["dtype"] = "float32"
    if identity is not None:
        info["identity"] = identity
    return info


def _progress_bar(total: int, name: str, progress: bool | None) -> Any:
    """A tqdm bar on stderr, or ``None`` when hidden."""
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(
        total=total,
        desc=f"embedding ({name})",
        unit="text",
        file=sys.stderr,
        delay=1.0 if progress is None else 0.0,
        leave=False,
        dynamic_ncols=True,
    )
