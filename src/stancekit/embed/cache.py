"""The on-disk embedding cache.

Layout::

    <cache dir>/<32 hex digits: sha256 of the embedder identity>/
        identity.json                   the identity in full, for people
        <time>-<random>.skemb           shards, written once and never changed

A shard holds the vectors of up to ~32 MiB worth of texts::

    header   48 bytes: magic, n, d, identity digest (16 bytes), crc32 of keys, crc32 of vectors,
             crc32 of the header itself
    keys     n x 16 bytes: blake2b-128 of each text's UTF-8 bytes (the exact text, nothing
             normalised)
    vectors  n x d float32, little-endian, unit-norm rows

Each shard's key block is its index: a lookup reads the headers and key blocks (16 bytes per
entry), matches them with a sorted search, and then reads only the vector blocks of shards that
hold hits. Every block is checked against its checksum and the file size against the header,
so a truncated or damaged shard is detected, ignored (its texts are encoded again) and removed.

Writes go to a temporary file beside the shard (:func:`stancekit._atomic.atomic_path`:
``.<shard name>.<random>-<host>-<pid>.tmp``, ``host`` 8 hex digits of the host name's hash,
``pid`` the writer's process id), that is renamed into place; shard names are unique, so
any number of processes can write at once: readers see whole shards or none. Two processes
that encode the same text both store it; lookups take the first copy and compaction (merging
many small shards, under a lock) removes the rest.

Temporary files left by writers that were killed are removed when the cache is opened (and
when it is compacted), by this rule: a ``.*.tmp`` file is removed when it has not changed for
an hour **and** its writer cannot still be running, that is, its name carries this host and
a process id that no longer exists, or it carries another host or no process id (a writer
rewrites its file within seconds: an hour without change means it died, or its machine did).
A file that has not changed for a day is removed whatever its name says (process ids are
reused). A file whose writer is alive on this host is never removed.

A shard that cannot be read (another user's, without read permission) or a shard name that is
a folder raises :class:`~stancekit.errors.CacheError` naming the path and what to do: use
another cache folder (``cache=<folder>``, ``STANCEKIT_CACHE_DIR``) or none (``cache=None``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import struct
import time
import uuid
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from stancekit._atomic import HOST, atomic_path, atomic_write_text, writer_of
from stancekit.embed.resolve import default_cache_dir
from stancekit.errors import CacheError

__all__ = ["EmbeddingCache", "text_keys"]

log = logging.getLogger("stancekit.embed")

_MAGIC = b"SKEMB01\n"
_HEAD = struct.Struct("<8sQI16sII")
_HEAD_SIZE = _HEAD.size + 4
_SUFFIX = ".skemb"
_TARGET_BYTES = 32 << 20
_MAX_ROWS = 16384
_COMPACT_AT = 32
_STALE_TMP_S = 3600.0  # a temporary file unchanged this long has lost its writer...
_STALE_TMP_MAX_S = 24 * 3600.0  # ...unless its writer is alive here; this long: whatever
_WHAT_TO_DO = (
    "Pass cache=<a folder of your own> (or set STANCEKIT_CACHE_DIR), or cache=None "
    "(cache=False) to embed without a cache"
)


def text_keys(texts: Sequence[str]) -> npt.NDArray[np.uint64]:
    """Cache keys of ``n`` texts: blake2b-128 of the exact UTF-8 bytes.

    Returns
    -------
    ndarray
        ``(n, 2)`` uint64.
    """
    blob = b"".join(
        hashlib.blake2b(t.encode("utf-8", "surrogatepass"), digest_size=16).digest() for t in texts
    )
    return np.frombuffer(blob, dtype="<u8").reshape(-1, 2).astype(np.uint64)


@dataclass(frozen=True)
class _Shard:
    path: Path
    n: int
    d: int
    keys: npt.NDArray[np.uint64]
    crc_vectors: int


class EmbeddingCache:
    """Vectors of texts already encoded, per embedder identity, in a folder.

    Parameters
    ----------
    directory
        The cache folder (created on first use). :meth:`default` gives the one in stancekit's
        cache directory.

    Examples
    --------
    >>> import numpy as np, tempfile
    >>> cache = EmbeddingCache(tempfile.mkdtemp())
    >>> keys = text_keys(["a", "b"])
    >>> cache.store("demo-model", keys, np.eye(2, dtype=np.float32))
    >>> found, vectors = cache.lookup("demo-model", text_keys(["b", "c"]))
    >>> found.tolist(), vectors[0].tolist()
    ([True, False], [0.0, 1.0])
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory).expanduser()

    @classmethod
    def default(cls) -> EmbeddingCache:
        """The cache in ``default_cache_dir() / "embeddings"``."""
        return cls(default_cache_dir() / "embeddings")

    def __repr__(self) -> str:
        return f"EmbeddingCache({str(self.directory)!r})"

    def open(self) -> EmbeddingCache:
        """Create the folder if needed; :class:`CacheError` if it cannot be used."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(
                f"cannot use {str(self.directory)!r} as the embedding cache: {exc}. Pass "
                "cache=<a writable folder> or cache=None, or set STANCEKIT_CACHE_DIR"
            ) from exc
        if not os.access(self.directory, os.R_OK | os.X_OK):
            raise CacheError(
                f"cannot read the embedding cache {str(self.directory)!r} (permission denied: "
                f"another user's folder?). {_WHAT_TO_DO}"
            )
        self.remove_stale_temporary_files()
        return self

    def remove_stale_temporary_files(self, *, now: float | None = None) -> list[Path]:
        """Remove the temporary files of writers that were killed (the rule is in the module
        docstring); returns what was removed. Never raises: files it cannot remove stay."""
        removed: list[Path] = []
        try:
            spaces = [p for p in self.directory.iterdir() if p.is_dir() and not p.is_symlink()]
        except OSError:
            return removed
        for folder in (self.directory, *spaces):
            removed += _remove_stale_tmp(folder, time.time() if now is None else now)
        return removed

    # -- reading --------------------------------------------------------------------------
    def lookup(
        self, identity: str, keys: npt.NDArray[np.uint64]
    ) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float32] | None]:
        """Find cached vectors.

        Parameters
        ----------
        identity
            The embedder's identity.
        keys
            ``(m, 2)`` uint64 from :func:`text_keys`.

        Returns
        -------
        found
            ``(m,)`` bool.
        vectors
            ``(m, d)`` float32 whose rows are valid where ``found`` (others are zero), or
            ``None`` when nothing was found.
        """
        for _ in range(3):  # a shard merged away mid-lookup: list the shards again
            result = self._lookup_once(identity, keys)
            if result is not None:
                return result
        return np.zeros(len(keys), dtype=bool), None

    def _lookup_once(
        self, identity: str, keys: npt.NDArray[np.uint64]
    ) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float32] | None] | None:
        m = len(keys)
        found = np.zeros(m, dtype=bool)
        ns = self._namespace(identity)
        remaining = np.arange(m)
        plan: list[tuple[_Shard, npt.NDArray[np.intp], npt.NDArray[np.intp]]] = []
        dim: int | None = None
        for path in self._shard_paths(ns):
            if remaining.size == 0:
                break
            shard = _read_index(path, _ident16(identity))
            if shard is None or (dim is not None and shard.d != dim):
                continue
            rows, hit = _match(shard.keys, keys[remaining])
            if rows.size:
                dim = shard.d
                plan.append((shard, rows, remaining[hit]))
                remaining = np.delete(remaining, hit)
        if not plan or dim is None:
            return found, None
        out = np.empty((m, dim), dtype=np.float32)
        for shard, rows, targets in plan:
            try:
                vectors = _read_vectors(shard)
            except FileNotFoundError:
                return None
            if vectors is not None:
                out[targets] = vectors[rows]
                found[targets] = True
        if not found.any():
            return found, None
        out[~found] = 0.0
        return found, out

    def count(self, identity: str) -> int:
        """Number of stored entries for ``identity`` (duplicates across shards included)."""
        ident = _ident16(identity)
        shards = (_read_index(p, ident) for p in self._shard_paths(self._namespace(identity)))
        return sum(s.n for s in shards if s is not None)

    # -- writing --------------------------------------------------------------------------
    def store(
        self, identity: str, keys: npt.NDArray[np.uint64], vectors: npt.NDArray[np.float32]
    ) -> None:
        """Store ``(m, d)`` float32 ``vectors`` under ``(m, 2)`` ``keys``, atomically.

        Raises
        ------
        CacheError
            The folder cannot be written.
        """
        m = len(keys)
        if vectors.ndim != 2 or vectors.shape[0] != m:
            raise ValueError(f"{m} keys but vectors of shape {vectors.shape}")
        if m == 0:
            return
        ns = self._namespace(identity)
        try:
            ns.mkdir(parents=True, exist_ok=True)
            info = ns / "identity.json"
            if not info.exists():
                atomic_write_text(info, json.dumps({"identity": identity, "format": 1}) + "\n")
            step = _rows_per_shard(vectors.shape[1])
            for start in range(0, m, step):
                stop = start + step
                _write_shard(ns, _ident16(identity), keys[start:stop], vectors[start:stop])
        except OSError as exc:
            raise CacheError(f"cannot write to the embedding cache {str(ns)!r}: {exc}") from exc
        self._maybe_compact(ns, identity, vectors.shape[1])

    def clear(self, identity: str | None = None) -> None:
        """Remove the shards of ``identity``, or of every identity."""
        spaces = (
            [self._namespace(identity)]
            if identity is not None
            else [p for p in self.directory.glob("*") if p.is_dir()]
        )
        for ns in spaces:
            for path in ns.glob("*" + _SUFFIX):
                try:
                    path.unlink()
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    raise _unusable(path, exc) from exc

    def compact(self, identity: str) -> None:
        """Merge the small shards of ``identity`` into full ones, dropping duplicate keys.

        Safe while other processes read or write: it runs under a lock file (skipped when
        another process holds it), writes the merged shards before removing the old ones, and
        readers that lose a shard mid-lookup retry.
        """
        ns = self._namespace(identity)
        with _try_lock(ns / ".compact.lock") as locked:
            if locked:
                _merge(ns, _ident16(identity))

    def _maybe_compact(self, ns: Path, identity: str, d: int) -> None:
        limit = _HEAD_SIZE + (_rows_per_shard(d) // 2) * (16 + 4 * d)
        small = 0
        for path in self._shard_paths(ns):
            with contextlib.suppress(FileNotFoundError):
                small += path.stat().st_size < limit
        if small >= _COMPACT_AT:
            try:
                self.compact(identity)
            except (OSError, CacheError) as exc:  # compaction is an optimisation only
                log.warning("embedding cache compaction in %s failed: %s", ns, exc)

    def _namespace(self, identity: str) -> Path:
        return self.directory / _ident16(identity).hex()

    @staticmethod
    def _shard_paths(ns: Path) -> list[Path]:
        try:
            return sorted(p for p in ns.iterdir() if p.name.endswith(_SUFFIX))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise _unusable(ns, exc) from exc


def _unusable(path: Path, exc: OSError) -> CacheError:
    """The error for a cache file or folder that cannot be read: names it and what to do."""
    if isinstance(exc, IsADirectoryError):
        what = f"{str(path)!r} is a folder where a cache shard should be; remove it"
    elif isinstance(exc, NotADirectoryError):
        what = f"{str(path)!r} is a file where a cache folder should be; remove it"
    elif isinstance(exc, PermissionError):
        what = (
            f"cannot read {str(path)!r}: permission denied (it may belong to another user); "
            "fix its permissions"
        )
    else:
        what = f"cannot read {str(path)!r}: {exc.strerror or exc}"
    return CacheError(f"embedding cache: {what}. {_WHAT_TO_DO}")


def _pid_alive(pid: int) -> bool:
    """Whether process ``pid`` may be running on this host (``True`` when unsure)."""
    if pid <= 0 or os.name == "nt":  # pragma: no cover - on Windows signal 0 is CTRL_C_EVENT
        return pid > 0
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive, another user's
        return True
    return True


def _tmp_is_stale(path: Path, now: float) -> bool:
    age = now - path.lstat().st_mtime
    if age <= _STALE_TMP_S:
        return False
    if age > _STALE_TMP_MAX_S:
        return True
    writer = writer_of(path.name)
    return writer is None or writer[0] != HOST or not _pid_alive(writer[1])


def _remove_stale_tmp(folder: Path, now: float) -> list[Path]:
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(".") and p.suffix == ".tmp"]
    except OSError:
        return removed
    for tmp in candidates:
        with contextlib.suppress(OSError):  # gone already, or another user's: leave it
            if tmp.is_file() and _tmp_is_stale(tmp, now):
                tmp.unlink()
                removed.append(tmp)
                log.info("embedding cache: removed %s, left by a writer that stopped", tmp)
    return removed


def _ident16(identity: str) -> bytes:
    if not isinstance(identity, str) or not identity:
        raise ValueError(f"identity must be a non-empty string, got {identity!r}")
    return hashlib.sha256(identity.encode("utf-8")).digest()[:16]


def _rows_per_shard(d: int) -> int:
    return max(1, min(_MAX_ROWS, _TARGET_BYTES // (16 + 4 * max(d, 1))))


def _match(
    shard_keys: npt.NDArray[np.uint64], query: npt.NDArray[np.uint64]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Rows of ``shard_keys`` equal to rows of ``query``: (shard rows, query positions)."""
    order = np.argsort(shard_keys[:, 0], kind="stable")
    pos = np.searchsorted(shard_keys[order, 0], query[:, 0])
    cand = order[np.minimum(pos, len(order) - 1)]
    hit = (shard_keys[cand, 0] == query[:, 0]) & (shard_keys[cand, 1] == query[:, 1])
    return cand[hit], np.flatnonzero(hit)


def _write_shard(
    ns: Path, ident: bytes, keys: npt.NDArray[np.uint64], vectors: npt.NDArray[np.float32]
) -> None:
    n, d = vectors.shape
    key_bytes = np.ascontiguousarray(keys, dtype="<u8").tobytes()
    vec_bytes = np.ascontiguousarray(vectors, dtype="<f4").tobytes()
    head = _HEAD.pack(_MAGIC, n, d, ident, zlib.crc32(key_bytes), zlib.crc32(vec_bytes))
    head += struct.pack("<I", zlib.crc32(head))
    name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:16]}{_SUFFIX}"
    with atomic_path(ns / name) as tmp, open(tmp, "wb") as fh:  # its name says who writes it
        fh.write(head)
        fh.write(key_bytes)
        fh.write(vec_bytes)
        fh.flush()
        os.fsync(fh.fileno())


def _read_index(path: Path, ident: bytes) -> _Shard | None:
    """Header and keys of a shard; ``None`` (and the shard removed) if it is damaged."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            head = fh.read(_HEAD_SIZE)
            if len(head) < _HEAD_SIZE or head[:8] != _MAGIC:
                return _discard(path, "bad header")
            (crc_head,) = struct.unpack("<I", head[-4:])
            if zlib.crc32(head[:-4]) != crc_head:
                return _discard(path, "header checksum mismatch")
            _, n, d, shard_ident, crc_keys, crc_vec = _HEAD.unpack(head[:-4])
            if shard_ident != ident:
                return None  # another identity's shard: not ours to judge
            if n == 0 or d == 0:
                return _discard(path, "empty shard")
            if size != _HEAD_SIZE + n * 16 + n * d * 4:
                return _discard(path, f"size {size} does not match its header (truncated?)")
            key_bytes = fh.read(n * 16)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _unusable(path, exc) from exc
    if zlib.crc32(key_bytes) != crc_keys:
        return _discard(path, "key checksum mismatch")
    keys = np.frombuffer(key_bytes, dtype="<u8").reshape(n, 2).astype(np.uint64)
    return _Shard(path, int(n), int(d), keys, int(crc_vec))


def _read_vectors(shard: _Shard) -> npt.NDArray[np.float32] | None:
    """The shard's ``(n, d)`` vectors, checked; ``None`` (and the shard removed) if damaged.

    Raises FileNotFoundError when the shard vanished (merged by another process)."""
    nbytes = shard.n * shard.d * 4
    try:
        with open(shard.path, "rb") as fh:
            fh.seek(_HEAD_SIZE + shard.n * 16)
            data = fh.read(nbytes)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _unusable(shard.path, exc) from exc
    if len(data) != nbytes or zlib.crc32(data) != shard.crc_vectors:
        _discard(shard.path, "vector checksum mismatch")
        return None
    return np.frombuffer(data, dtype="<f4").reshape(shard.n, shard.d)


def _discard(path: Path, why: str) -> _Shard | None:
    log.warning("embedding cache: ignoring and removing damaged shard %s (%s)", path, why)
    with contextlib.suppress(OSError):
        path.unlink()
    return None


@contextlib.contextmanager
def _try_lock(path: Path) -> Iterator[bool]:
    """An exclusive, non-blocking lock on ``path``; yields whether it was obtained."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: never compact
        yield False
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _merge(ns: Path, ident: bytes) -> None:
    """Merge every shard smaller than a full one; the caller holds the lock."""
    _remove_stale_tmp(ns, time.time())  # left by writers that died mid-write
    indexed = (_read_index(p, ident) for p in EmbeddingCache._shard_paths(ns))
    shards = [s for s in indexed if s is not None]
    if not shards:
        return
    step = _rows_per_shard(shards[0].d)
    small = [s for s in shards if s.n < step // 2 and s.d == shards[0].d]
    if len(small) < 2:
        return
    keys: list[npt.NDArray[np.uint64]] = []
    vectors: list[npt.NDArray[np.float32]] = []
    merged: list[Path] = []
    for s in small:
        with contextlib.suppress(FileNotFoundError):
            v = _read_vectors(s)
            if v is not None:
                keys.append(s.keys)
                vectors.append(v)
                merged.append(s.path)
    if not keys:
        return
    all_keys = np.concatenate(keys)
    all_vectors = np.concatenate(vectors)
    pairs = all_keys.view([("hi", "<u8"), ("lo", "<u8")]).ravel()
    _, first = np.unique(pairs, return_index=True)
    first.sort()
    for start in range(0, len(first), step):
        rows = first[start : start + step]
        _write_shard(ns, ident, all_keys[rows], all_vectors[rows])
    for path in merged:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
