"""Model resolution: local folder, STANCEKIT_MODEL, the offline package, the hub cache."""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from stancekit.embed import OFFLINE_SHA256, SentenceTransformerEmbedder, resolve_model
from stancekit.embed import resolve as resolve_module
from stancekit.embed.resolve import DEFAULT_MODEL, OFFLINE_FILES_SHA256
from stancekit.errors import ModelUnavailableError


def _light_copy(src: Path, dst: Path) -> Path:
    """A copy of a model folder whose weights are a symlink (no 90 MB copy)."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("model.safetensors"))
    (dst / "model.safetensors").symlink_to(src / "model.safetensors")
    return dst


@pytest.fixture
def no_offline_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As if the offline extra were not installed and the hub cache were empty."""
    import huggingface_hub.constants

    monkeypatch.setattr(resolve_module, "_offline_package_folder", lambda models_dir: None)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hf-empty"))


def test_explicit_folder(minilm_dir: Path) -> None:
    r = resolve_model(minilm_dir)
    assert r.source == "path" and r.path == minilm_dir
    assert r.name == "all-MiniLM-L6-v2"
    assert r.weights_file == "model.safetensors" and r.weights_sha256 == OFFLINE_SHA256
    assert resolve_model(str(minilm_dir)).folder_sha256 == r.folder_sha256


def test_explicit_folder_that_is_missing_or_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="does not exist"):
        resolve_model(tmp_path / "nope")
    with pytest.raises(ModelUnavailableError, match="does not exist"):
        resolve_model("./no/such/model")
    with pytest.raises(ModelUnavailableError, match="not a sentence-transformers model folder"):
        resolve_model(tmp_path)
    (tmp_path / "modules.json").write_text("[]")
    with pytest.raises(ModelUnavailableError, match="no weights"):
        resolve_model(tmp_path)


def test_bad_model_argument() -> None:
    with pytest.raises(TypeError, match="model"):
        resolve_model(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty"):
        resolve_model("  ")


def test_env_model_serves_the_default_and_its_own_name(
    minilm_dir: Path, monkeypatch: pytest.MonkeyPatch, no_offline_package: None
) -> None:
    monkeypatch.setenv("STANCEKIT_MODEL", str(minilm_dir))
    assert resolve_model().source == "env"
    assert resolve_model("sentence-transformers/all-MiniLM-L6-v2").source == "env"
    with pytest.raises(ModelUnavailableError):  # another model: not silently replaced
        resolve_model("all-mpnet-base-v2")


def test_env_model_that_is_not_a_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STANCEKIT_MODEL", str(tmp_path / "missing"))
    with pytest.raises(ModelUnavailableError, match="STANCEKIT_MODEL"):
        resolve_model()


def test_explicit_folder_wins_over_env(
    minilm_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("STANCEKIT_MODEL", str(tmp_path / "missing"))
    assert resolve_model(minilm_dir).source == "path"


def test_offline_package_is_unpacked_verified_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = resolve_model()  # STANCEKIT_CACHE_DIR is a fresh folder under tmp_path
    assert r.source == "offline-package" and r.name == "all-MiniLM-L6-v2"
    assert r.weights_sha256 == OFFLINE_SHA256
    assert tmp_path in r.path.parents
    assert not any(p.name.startswith(".unpack-") for p in r.path.parents[1].iterdir())

    def no_second_unpack(scratch: Path) -> Path:
        raise AssertionError("unpacked twice")

    monkeypatch.setattr(resolve_module, "_unpack", no_second_unpack)
    assert resolve_model().path == r.path


def test_damaged_unpacked_weights_are_unpacked_again(tmp_path: Path) -> None:
    r = resolve_model()
    weights = r.path / "model.safetensors"
    with open(weights, "r+b") as fh:
        fh.seek(1000)
        fh.write(b"\0" * 64)
    os.utime(weights, ns=(time.time_ns(), time.time_ns() + 10**9))
    again = resolve_model()
    assert again.weights_sha256 == OFFLINE_SHA256


def test_wrong_digest_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(resolve_module, "OFFLINE_SHA256", "0" * 64)
    with pytest.raises(ModelUnavailableError, match=r"expected 0{64}; reinstall"):
        resolve_model(models_dir=tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []  # nothing half-unpacked left


def test_unavailable_offline_fails_fast_with_instructions(
    no_offline_package: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_download(repo_id: str) -> None:
        raise AssertionError("tried to download while HF_HUB_OFFLINE=1")

    monkeypatch.setattr(resolve_module, "_hub_download", no_download)
    t0 = time.perf_counter()
    with pytest.raises(ModelUnavailableError) as info:
        SentenceTransformerEmbedder()
    assert time.perf_counter() - t0 < 10
    msg = str(info.value)
    assert "pip install 'stancekit[offline]'" in msg
    assert "STANCEKIT_MODEL" in msg and "HF_HUB_OFFLINE is set" in msg
    assert "model='lsa'" in msg


def test_online_but_download_fails(
    no_offline_package: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    tried: list[str] = []
    monkeypatch.setattr(resolve_module, "_hub_download", lambda repo: tried.append(repo))
    with pytest.raises(ModelUnavailableError, match="not available"):
        resolve_model("paraphrase-MiniLM-L3-v2")
    assert tried == ["sentence-transformers/paraphrase-MiniLM-L3-v2"]


def test_hub_cache_is_used(minilm_dir: Path, no_offline_package: None, tmp_path: Path) -> None:
    import huggingface_hub.constants

    repo = Path(huggingface_hub.constants.HF_HUB_CACHE) / (
        "models--sentence-transformers--all-MiniLM-L6-v2"
    )
    commit = "0123456789abcdef0123456789abcdef01234567"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    _light_copy(minilm_dir, repo / "snapshots" / commit)
    r = resolve_model()
    assert r.source == "hub-cache" and r.weights_sha256 == OFFLINE_SHA256


def test_identity_follows_content_not_route(
    minilm_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    by_path = SentenceTransformerEmbedder(minilm_dir)
    monkeypatch.setenv("STANCEKIT_MODEL", str(minilm_dir))
    assert SentenceTransformerEmbedder().identity == by_path.identity
    changed = _light_copy(minilm_dir, tmp_path / "all-MiniLM-L6-v2")
    cfg = changed / "sentence_bert_config.json"
    cfg.write_text(cfg.read_text().replace("256", "128"))
    assert SentenceTransformerEmbedder(changed).identity != by_path.identity
    (changed / "README.md").write_text("docs do not change the vectors")
    (changed / "onnx").mkdir()
    (changed / "onnx" / "model.onnx").write_bytes(b"other backend")
    changed_again = SentenceTransformerEmbedder(changed)
    assert changed_again.identity == SentenceTransformerEmbedder(changed).identity


def test_embedder_argument_checks(minilm_dir: Path) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        SentenceTransformerEmbedder(minilm_dir, batch_size=0)
    with pytest.raises(TypeError, match="device"):
        SentenceTransformerEmbedder(minilm_dir, device=0)  # type: ignore[arg-type]


def _changed_copy(src: Path, dst: Path) -> Path:
    """A copy of the model whose pooling config differs (other vectors, same weights)."""
    _light_copy(src, dst)
    cfg = dst / "1_Pooling" / "config.json"
    cfg.write_text(
        cfg.read_text().replace('"pooling_mode_cls_token": false', '"pooling_mode_cls_token": true')
    )
    return dst


def test_folder_named_like_the_default_does_not_replace_the_verified_model(
    minilm_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    _changed_copy(minilm_dir, work / DEFAULT_MODEL)
    _changed_copy(minilm_dir, work / "sentence-transformers" / DEFAULT_MODEL)
    monkeypatch.chdir(work)
    for name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        r = resolve_model(name)
        assert r.source == "offline-package" and r.name == DEFAULT_MODEL
        assert work not in r.path.resolve().parents
    assert resolve_model().path == r.path
    for explicit in (f"./{DEFAULT_MODEL}", Path(DEFAULT_MODEL), str(work / DEFAULT_MODEL)):
        local = resolve_model(explicit)
        assert local.source == "path" and local.path.resolve() == work / DEFAULT_MODEL
        assert local.name == str(work / DEFAULT_MODEL)  # not taken for the verified model
        assert local.folder_sha256 != r.folder_sha256


def test_bare_name_of_a_folder_here_is_a_name_with_a_hint(
    minilm_dir: Path, no_offline_package: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _light_copy(minilm_dir, tmp_path / "my-model")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ModelUnavailableError, match=re.escape("model='./my-model'")):
        resolve_model("my-model")
    r = resolve_model("./my-model")
    assert r.source == "path" and r.name == DEFAULT_MODEL  # same files as the verified model
    assert resolve_model("../" + tmp_path.name + "/my-model").source == "path"


def test_provenance_names_a_changed_copy_by_its_path(minilm_dir: Path, tmp_path: Path) -> None:
    changed = _changed_copy(minilm_dir, tmp_path / "copy" / DEFAULT_MODEL)
    r = resolve_model(changed)
    assert r.name == str(changed.resolve()) and r.weights_sha256 == OFFLINE_SHA256
    by_string = SentenceTransformerEmbedder(str(changed))
    assert by_string.provenance()["model"] == str(changed.resolve())


def test_recorded_digests_cover_every_file_of_the_package() -> None:
    spec = importlib.util.find_spec("all_minilm_l6_v2")
    assert spec is not None and spec.origin is not None
    with zipfile.ZipFile(Path(spec.origin).parent / "model.zip") as zf:
        shipped = {
            i.filename: hashlib.sha256(zf.read(i)).hexdigest()
            for i in zf.infolist()
            if not i.is_dir()
        }
    assert shipped == {**OFFLINE_FILES_SHA256, "model.safetensors": OFFLINE_SHA256}
    for name in ("config.json", "sentence_bert_config.json", "modules.json", "tokenizer.json"):
        assert name in OFFLINE_FILES_SHA256
    assert "1_Pooling/config.json" in OFFLINE_FILES_SHA256


@pytest.mark.parametrize(
    "name", ["tokenizer.json", "1_Pooling/config.json", "sentence_bert_config.json"]
)
def test_every_bundled_file_is_checked(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(resolve_module.OFFLINE_FILES_SHA256, name, "0" * 64)
    with pytest.raises(ModelUnavailableError, match=re.escape(f"{name!r} with sha256")) as info:
        resolve_model(models_dir=tmp_path / "models")
    assert "expected " + "0" * 64 in str(info.value) and "reinstall" in str(info.value)
    assert list((tmp_path / "models").iterdir()) == []


@pytest.mark.parametrize("damage", ["config", "tokenizer", "extra-file", "missing-file"])
def test_damaged_unpacked_files_are_unpacked_again(
    damage: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    r = resolve_model()
    before = {p: p.read_bytes() for p in r.path.rglob("*.json")}
    later = (time.time_ns(), time.time_ns() + 10**9)
    if damage == "config":
        cfg = r.path / "sentence_bert_config.json"
        cfg.write_text(cfg.read_text().replace("256", "128"))
        os.utime(cfg, ns=later)
    elif damage == "tokenizer":
        tok = r.path / "tokenizer_config.json"
        tok.write_text(tok.read_text().replace('"do_lower_case": true', '"do_lower_case": false'))
        os.utime(tok, ns=later)
    elif damage == "extra-file":
        (r.path / "2_Normalize").mkdir()
        (r.path / "2_Normalize" / "config.json").write_text("{}")
    else:
        (r.path / "modules.json").unlink()
    with caplog.at_level(logging.WARNING, logger="stancekit.embed"):
        again = resolve_model()
    assert "unpacking it again" in caplog.text
    assert again.path == r.path and again.name == DEFAULT_MODEL
    assert {p: p.read_bytes() for p in again.path.rglob("*.json")} == before
