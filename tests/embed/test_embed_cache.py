"""The on-disk cache: hits, misses, damage, identities, concurrency, location."""

from __future__ import annotations

import logging
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from embed_helpers import FakeEmbedder, cache_writer, make_table, unit_vectors

from stancekit import _atomic
from stancekit.embed import EmbeddingCache, default_cache_dir, embed, embed_texts, text_keys
from stancekit.embed import cache as cache_module
from stancekit.errors import CacheError

TEXTS = [f"statement number {i} on trade and security" for i in range(40)]


def _shards(root: Path) -> list[Path]:
    return sorted(root.rglob("*.skemb"))


def test_second_run_is_all_hits_and_bit_identical(fake: FakeEmbedder, tmp_path: Path) -> None:
    first = embed_texts(TEXTS, model=fake, cache=tmp_path)
    assert len(fake.encoded) == 40
    again = FakeEmbedder()
    second = embed_texts(TEXTS, model=again, cache=tmp_path)
    assert again.encoded == []
    np.testing.assert_array_equal(first, second)


def test_only_unseen_texts_are_encoded(fake: FakeEmbedder, tmp_path: Path) -> None:
    embed_texts(TEXTS[:30], model=fake, cache=tmp_path)
    later = FakeEmbedder()
    out = embed_texts(TEXTS[20:] + TEXTS[:5], model=later, cache=tmp_path)
    assert sorted(later.encoded) == sorted(TEXTS[30:])
    np.testing.assert_allclose(out, later.expected(TEXTS[20:] + TEXTS[:5]), atol=1e-7)


def test_key_is_the_exact_text() -> None:
    keys = text_keys(["Trade", "trade", "trade ", "caf\u00e9", "cafe\u0301", "trade"])
    assert keys.shape == (6, 2) and keys.dtype == np.uint64
    distinct = {tuple(k) for k in keys.tolist()}
    assert len(distinct) == 5
    assert tuple(keys[1]) == tuple(keys[5])


def test_cache_none_reads_and_writes_nothing(fake: FakeEmbedder, tmp_path: Path) -> None:
    embed_texts(TEXTS, model=fake, cache=tmp_path)
    other = FakeEmbedder()
    embed_texts(TEXTS, model=other, cache=None)
    assert len(other.encoded) == 40
    root = Path(os.environ["STANCEKIT_CACHE_DIR"])
    assert not root.exists()


def test_default_cache_is_under_stancekit_cache_dir(fake: FakeEmbedder) -> None:
    embed(make_table(TEXTS), model=fake)
    root = Path(os.environ["STANCEKIT_CACHE_DIR"])
    assert _shards(root / "embeddings")


def test_default_cache_dir_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STANCEKIT_CACHE_DIR", str(tmp_path / "a"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "a"
    monkeypatch.delenv("STANCEKIT_CACHE_DIR")
    assert default_cache_dir() == tmp_path / "xdg" / "stancekit"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "stancekit"


def _damage_truncate(p: Path) -> None:
    p.write_bytes(p.read_bytes()[:-10])


def _damage_flip(offset: int):  # type: ignore[no-untyped-def]
    def damage(p: Path) -> None:
        data = bytearray(p.read_bytes())
        data[offset] ^= 0x40
        p.write_bytes(bytes(data))

    return damage


@pytest.mark.parametrize(
    "damage",
    [
        _damage_truncate,
        _damage_flip(3),  # magic
        _damage_flip(20),  # header field
        _damage_flip(60),  # key block
        _damage_flip(-5),  # vector block
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(os.urandom(4000)),
    ],
    ids=["truncated", "magic", "header", "keys", "vectors", "empty", "garbage"],
)
def test_damaged_shard_is_detected_and_recomputed(
    damage: object, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    embed_texts(TEXTS, model=FakeEmbedder(), cache=tmp_path)
    (shard,) = _shards(tmp_path)
    damage(shard)  # type: ignore[operator]
    again = FakeEmbedder()
    with caplog.at_level(logging.WARNING, logger="stancekit.embed"):
        out = embed_texts(TEXTS, model=again, cache=tmp_path)
    assert sorted(again.encoded) == sorted(TEXTS)  # nothing from the damaged shard was used
    np.testing.assert_allclose(out, again.expected(TEXTS), atol=1e-7)
    assert "damaged shard" in caplog.text
    assert not shard.exists()
    third = FakeEmbedder()
    embed_texts(TEXTS, model=third, cache=tmp_path)  # the recomputed shard is good
    assert third.encoded == []


def test_model_change_invalidates_entries(tmp_path: Path) -> None:
    embed_texts(TEXTS, model=FakeEmbedder(identity="model-a"), cache=tmp_path)
    other = FakeEmbedder(identity="model-b", salt="b")
    out = embed_texts(TEXTS, model=other, cache=tmp_path)
    assert len(other.encoded) == 40
    np.testing.assert_allclose(out, other.expected(TEXTS), atol=1e-7)
    assert len(list(tmp_path.iterdir())) == 2  # one namespace per identity
    back = FakeEmbedder(identity="model-a")
    embed_texts(TEXTS, model=back, cache=tmp_path)
    assert back.encoded == []


def test_a_shard_moved_to_another_identity_is_not_used(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path).open()
    keys = text_keys(TEXTS)
    cache.store("model-a", keys, unit_vectors(TEXTS))
    (shard,) = _shards(tmp_path)
    target = tmp_path / cache._namespace("model-b").name
    target.mkdir()
    os.rename(shard, target / shard.name)
    found, vectors = cache.lookup("model-b", keys)
    assert not found.any() and vectors is None


def test_interrupted_run_keeps_what_was_encoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stancekit.embed import pipeline

    monkeypatch.setattr(pipeline, "_MAX_CHUNK", 100)
    texts = [f"sentence {i}" for i in range(600)]

    class Interrupted(FakeEmbedder):
        def encode(self, batch):  # type: ignore[no-untyped-def]
            if self.calls:
                raise KeyboardInterrupt
            return super().encode(batch)

    interrupted = Interrupted()
    with pytest.raises(KeyboardInterrupt):
        embed_texts(texts, model=interrupted, cache=tmp_path, batch_size=4)
    (first,) = interrupted.calls
    assert len(first) == 100  # the first chunk
    assert EmbeddingCache(tmp_path).count("fake-v1") == len(first)
    later = FakeEmbedder()
    embed_texts(texts, model=later, cache=tmp_path, batch_size=4)
    assert sorted(later.encoded) == sorted(set(texts) - set(first))


def test_write_failure_warns_and_still_returns(
    fake: FakeEmbedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise CacheError("disk full")

    monkeypatch.setattr(EmbeddingCache, "store", refuse)
    with pytest.warns(RuntimeWarning, match="disk full"):
        out = embed_texts(TEXTS, model=fake, cache=tmp_path)
    np.testing.assert_allclose(out, fake.expected(TEXTS), atol=1e-7)


def test_unusable_cache_folder_raises_cache_error(fake: FakeEmbedder, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(CacheError, match="cache=None"):
        embed_texts(TEXTS, model=fake, cache=blocker / "cache")


def test_leftover_temporary_files_are_ignored(fake: FakeEmbedder, tmp_path: Path) -> None:
    embed_texts(TEXTS, model=fake, cache=tmp_path)
    (shard,) = _shards(tmp_path)
    (shard.parent / f".{shard.name}.abc.tmp").write_bytes(shard.read_bytes()[:100])
    again = FakeEmbedder()
    embed_texts(TEXTS, model=again, cache=tmp_path)
    assert again.encoded == []


def test_many_small_writes_are_compacted(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path).open()
    texts = [f"t{i}" for i in range(200)]
    for i in range(0, 200, 5):  # 40 stores of 5, with repeats of earlier texts
        chunk = texts[i : i + 5] + texts[:2]
        cache.store("m", text_keys(chunk), unit_vectors(chunk))
    assert len(_shards(tmp_path)) < cache_module._COMPACT_AT
    assert cache.count("m") < 200 + 2 * 40  # duplicates dropped by the merge
    found, vectors = cache.lookup("m", text_keys(texts))
    assert found.all() and vectors is not None
    np.testing.assert_array_equal(vectors, unit_vectors(texts))


def test_large_store_is_split_into_bounded_shards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "_MAX_ROWS", 64)
    texts = [f"t{i}" for i in range(300)]
    cache = EmbeddingCache(tmp_path).open()
    cache.store("m", text_keys(texts), unit_vectors(texts))
    assert len(_shards(tmp_path)) == 5
    found, vectors = cache.lookup("m", text_keys(texts[::-1]))
    assert found.all() and vectors is not None
    np.testing.assert_array_equal(vectors, unit_vectors(texts[::-1]))


def test_two_processes_writing_at_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    texts = [f"concurrent statement {i}" for i in range(600)]
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    procs = [
        ctx.Process(target=cache_writer, args=(str(tmp_path), "m", part, 10, start))
        for part in (texts[:400], texts[200:])
    ]
    for p in procs:
        p.start()
    cache = EmbeddingCache(tmp_path).open()
    keys = text_keys(texts)
    expected = unit_vectors(texts)
    start.set()
    with caplog.at_level(logging.WARNING, logger="stancekit.embed"):
        while any(p.is_alive() for p in procs):  # read while they write: never a bad row
            found, vectors = cache.lookup("m", keys)
            if vectors is not None:
                np.testing.assert_array_equal(vectors[found], expected[found])
        for p in procs:
            p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    found, vectors = cache.lookup("m", keys)
    assert found.all() and vectors is not None
    np.testing.assert_array_equal(vectors, expected)
    assert "damaged" not in caplog.text
    assert not list(tmp_path.rglob("*.tmp"))


def _ns(cache_dir: Path, identity: str = "fake-v1") -> Path:
    return EmbeddingCache(cache_dir)._namespace(identity)


@pytest.mark.parametrize("where", ["shard", "vectors", "namespace"])
def test_unreadable_shard_names_the_path_and_what_to_do(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    embed_texts(TEXTS, model=FakeEmbedder(), cache=tmp_path)
    (shard,) = _shards(tmp_path)
    denied = shard if where != "namespace" else shard.parent
    real_open = open
    opened: list[str] = []

    def no_permission(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(file))
        # "vectors": the header and keys read, then the shard's vector block is refused
        if Path(file) == denied and (where == "shard" or opened.count(str(file)) > 1):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    if where == "namespace":
        real_iterdir = Path.iterdir

        def iterdir(self: Path):  # type: ignore[no-untyped-def]
            if self == denied:
                raise PermissionError(13, "Permission denied", str(self))
            return real_iterdir(self)

        monkeypatch.setattr(Path, "iterdir", iterdir)
    else:
        monkeypatch.setattr(cache_module, "open", no_permission, raising=False)
    with pytest.raises(CacheError) as info:
        embed_texts(TEXTS, model=FakeEmbedder(), cache=tmp_path)
    msg = str(info.value)
    assert repr(str(denied)) in msg and "permission denied" in msg
    assert "cache=None" in msg and "cache=<a folder of your own>" in msg
    assert shard.exists()  # not taken for a damaged shard and removed


def test_shard_that_is_a_folder(tmp_path: Path) -> None:
    embed_texts(TEXTS[:5], model=FakeEmbedder(), cache=tmp_path)
    folder = _ns(tmp_path) / "00000000000000000000-0123456789abcdef.skemb"
    folder.mkdir()
    with pytest.raises(CacheError, match="is a folder where a cache shard should be") as info:
        embed_texts(TEXTS, model=FakeEmbedder(), cache=tmp_path)
    assert repr(str(folder)) in str(info.value) and "cache=None" in str(info.value)
    assert folder.is_dir()


def test_namespace_that_is_a_file(tmp_path: Path) -> None:
    tmp_path.joinpath(_ns(tmp_path).name).write_text("not a folder")
    with pytest.raises(CacheError, match="is a file where a cache folder should be"):
        embed_texts(TEXTS, model=FakeEmbedder(), cache=tmp_path)


def test_shards_are_written_under_a_name_that_says_who_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = open
    names: list[str] = []

    def recording(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if "w" in mode and str(file).endswith(".tmp") and ".skemb." in str(file):
            names.append(Path(file).name)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(cache_module, "open", recording, raising=False)
    embed_texts(TEXTS, model=FakeEmbedder(), cache=tmp_path)
    (name,) = names
    m = _atomic.writer_of(name)
    assert m is not None and m[0] == _atomic.HOST and m[1] == os.getpid()
    assert not list(tmp_path.rglob("*.tmp"))


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temporary_files_of_killed_writers_are_removed_on_open(tmp_path: Path) -> None:
    embed_texts(TEXTS, model=FakeEmbedder(), cache=tmp_path)
    ns = _ns(tmp_path)
    host, me, dead = _atomic.HOST, os.getpid(), _dead_pid()
    hour = 3600
    files = {  # name: (age in seconds, removed?)
        f".a.skemb.{host}-{dead}.tmp": (2 * hour, True),  # its writer is gone
        f".b.skemb.{host}-{dead}.tmp": (hour // 2, False),  # too recent to judge
        f".c.skemb.{host}-{me}.tmp": (5 * hour, False),  # its writer is alive
        f".d.skemb.{host}-{me}.tmp": (25 * hour, True),  # a day: a reused pid
        f".e.skemb.0badc0de-{me}.tmp": (2 * hour, host != "0badc0de"),  # another machine's
        ".identity.json.k2j4h5.tmp": (2 * hour, True),  # no writer named: age alone
        ".identity.json.x8y9z0.tmp": (60, False),
        "keep.tmp": (30 * hour, False),  # not a temporary file of ours
    }
    now = time.time()
    for name, (age, _) in files.items():
        path = ns / name
        path.write_bytes(b"partial")
        os.utime(path, (now - age, now - age))
    EmbeddingCache(tmp_path).open()
    for name, (_, removed) in files.items():
        assert (ns / name).exists() != removed, name
    again = FakeEmbedder()
    embed_texts(TEXTS, model=again, cache=tmp_path)
    assert again.encoded == []  # the shards themselves are untouched
