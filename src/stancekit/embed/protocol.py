"""The :class:`Embedder` protocol, the adapter for plain callables, and output checks.

An embedder turns texts into vectors. stancekit asks two things of it:

``encode(texts)``
    ``n`` texts in, an ``(n, d)`` array out (any float dtype; stancekit converts to float32 and
    normalises the rows to unit length, so the embedder need not).
``identity``
    A string that changes whenever the vectors for the same text could change (model name,
    weights digest, settings). It keys the on-disk cache. ``None`` means "do not cache".

An embedder may also offer ``provenance() -> dict``; its items are added to the table's
embedding provenance.
"""

from __future__ import annotations

import functools
import importlib.metadata
from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

__all__ = ["CallableEmbedder", "Embedder", "as_unit_float32", "package_versions"]


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into vectors.

    Examples
    --------
    >>> import numpy as np
    >>> class Lengths:
    ...     identity = "lengths-v1"
    ...     def encode(self, texts):
    ...         return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)
    >>> isinstance(Lengths(), Embedder)
    True
    """

    @property
    def identity(self) -> str | None:
        """Cache key of this embedder's output; ``None`` disables caching."""
        ...

    def encode(self, texts: Sequence[str]) -> npt.NDArray[Any]:
        """Encode ``n`` texts.

        Parameters
        ----------
        texts
            ``n`` strings.

        Returns
        -------
        ndarray
            ``(n, d)`` floating-point vectors, one row per text, in order.
        """
        ...


class CallableEmbedder:
    """Wrap a plain function ``f(texts) -> (n, d) array`` as an :class:`Embedder`.

    Parameters
    ----------
    function
        Called with a list of ``n`` strings; returns an ``(n, d)`` array.
    identity
        Cache key. By default the function's own ``identity`` attribute if it has one, else
        ``None``: stancekit cannot tell when an arbitrary function changes, so its output is not
        cached unless you name it.
    """

    def __init__(
        self,
        function: Callable[[list[str]], npt.ArrayLike],
        *,
        identity: str | None = None,
    ) -> None:
        if not callable(function):
            raise TypeError(f"function must be callable, got {type(function).__name__}")
        if identity is None:
            attr = getattr(function, "identity", None)
            identity = attr if isinstance(attr, str) else None
        if identity is not None and (not isinstance(identity, str) or not identity):
            raise ValueError(f"identity must be a non-empty string or None, got {identity!r}")
        self._function = function
        self._identity = identity

    @property
    def identity(self) -> str | None:
        """The cache key given (``None``: not cached)."""
        return self._identity

    @property
    def name(self) -> str:
        """The function's qualified name, for provenance."""
        f = self._function
        module = getattr(f, "__module__", None) or ""
        qual = getattr(f, "__qualname__", None) or type(f).__name__
        return f"{module}.{qual}" if module else str(qual)

    def encode(self, texts: Sequence[str]) -> npt.NDArray[Any]:
        """Call the function on ``list(texts)``; ``(n, d)`` out."""
        if len(texts) == 0:
            return np.zeros((0, 0), dtype=np.float32)
        return np.asarray(self._function(list(texts)))

    def provenance(self) -> dict[str, Any]:
        """``backend`` and ``model`` (the function's name)."""
        return {"backend": "callable", "model": self.name}


def as_unit_float32(
    vectors: npt.ArrayLike, texts: Sequence[str], *, source: str
) -> npt.NDArray[np.float32]:
    """Check an embedder's output and return it as float32 unit-norm rows.

    Parameters
    ----------
    vectors
        ``(n, d)`` array returned by ``source`` for ``texts``.
    texts
        The ``n`` texts that were encoded (named in error messages).
    source
        Who produced ``vectors`` (for error messages).

    Returns
    -------
    ndarray
        ``(n, d)`` float32, every row of unit length, C-contiguous.

    Raises
    ------
    ValueError
        Wrong shape, non-finite values or an all-zero row (which has no direction).
    TypeError
        Not a numeric array.
    """
    arr = np.asarray(vectors)
    n = len(texts)
    if arr.ndim != 2 or arr.shape[0] != n:
        raise ValueError(f"{source} returned shape {arr.shape} for {n} texts; expected ({n}, d)")
    if arr.dtype.kind not in "fiu":
        raise TypeError(f"{source} returned {arr.dtype} values; expected floating point")
    if arr.shape[1] == 0:
        if n:
            raise ValueError(f"{source} returned 0-dimensional vectors")
        return np.zeros((0, 0), dtype=np.float32)
    work = arr if arr.dtype == np.float32 else arr.astype(np.float64)
    norms = np.sqrt(np.einsum("ij,ij->i", work, work, dtype=np.float64))  # one pass
    if not np.isfinite(norms).all():
        bad = np.flatnonzero(~np.isfinite(norms))
        if np.isfinite(work[bad]).all():  # huge but finite values: the squares overflowed
            scale = np.abs(work).max(axis=1, keepdims=True)
            work = work.astype(np.float64) / np.where(scale > 0, scale, 1.0)
            norms = np.linalg.norm(work, axis=1)
        else:
            i = int(bad[~np.isfinite(work[bad]).all(axis=1)][0])
            raise ValueError(
                f"{source} returned NaN or infinite values for text {i}: {_clip(texts[i])}"
            )
    if (norms == 0).any():
        i = int(np.flatnonzero(norms == 0)[0])
        raise ValueError(f"{source} returned an all-zero vector for text {i}: {_clip(texts[i])}")
    if work.dtype == np.float32:
        if np.abs(norms - 1.0).max() <= 1e-6:  # already unit rows (a Normalize layer)
            return np.ascontiguousarray(work)
        return np.ascontiguousarray(work * (1.0 / norms).astype(np.float32)[:, None])
    return np.ascontiguousarray((work / norms[:, None]).astype(np.float32))


def _clip(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def package_versions(*distributions: str) -> dict[str, str]:
    """Installed versions of ``distributions`` (``"missing"`` for those not installed), plus
    stancekit's and numpy's, for provenance."""
    from stancekit._version import __version__

    out = {"stancekit": __version__, "numpy": np.__version__}
    out.update((dist, _version(dist)) for dist in distributions)
    return out


@functools.cache
def _version(dist: str) -> str:
    # reading package metadata costs milliseconds: once per process is enough
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "missing"
