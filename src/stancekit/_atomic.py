"""Atomic file writes: write to a temporary file beside the target, then rename over it.

The temporary file is ``.<target name>.<random>-<host>-<pid>.tmp`` (``host``: 8 hex digits of
the host name's hash, :data:`HOST`; ``pid``: the writer's process id), so that whoever finds
one left by a killed writer can tell whether that writer may still be running
(:func:`writer_of`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["HOST", "atomic_path", "atomic_write_bytes", "atomic_write_text", "writer_of"]

#: This machine, as temporary file names give it.
HOST = hashlib.blake2b(socket.gethostname().encode("utf-8", "replace"), digest_size=4).hexdigest()
_WRITER = re.compile(r"^\..+[.-]([0-9a-f]{8})-([0-9]+)\.tmp$")


def writer_of(name: str) -> tuple[str, int] | None:
    """The ``(host, pid)`` that a temporary file's name gives, or ``None``."""
    m = _WRITER.match(name)
    return None if m is None else (m[1], int(m[2]))


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` atomically.

    On an exception the temporary file is removed and ``target`` is left as it was.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=f"-{HOST}-{os.getpid()}.tmp", dir=target.parent
    )
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs get the usual permissions
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise


@contextlib.contextmanager
def _open_atomic(target: str | os.PathLike[str], mode: str) -> Iterator[IO[str]]:
    with atomic_path(target) as tmp, open(tmp, mode, encoding="utf-8", newline="\n") as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


def atomic_write_text(target: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` atomically."""
    with _open_atomic(target, "w") as fh:
        fh.write(text)


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
