"""Statements to vectors: sentence-transformers (offline), LSA, or your own embedder; cached.

The entry point is :func:`embed`::

    table = stancekit.embed(table)                  # all-MiniLM-L6-v2, cached
    table = stancekit.embed(table, model="lsa")     # no model needed
    table = stancekit.embed(table, model="/models/all-mpnet-base-v2", device="cuda")

Parts:

- :mod:`~stancekit.embed.protocol`: the :class:`Embedder` protocol and output checks;
- :mod:`~stancekit.embed.resolve`: where a model is found (:func:`resolve_model`);
- :mod:`~stancekit.embed.sentence`: the sentence-transformers backend;
- :mod:`~stancekit.embed.lsa`: the TF-IDF + SVD backend;
- :mod:`~stancekit.embed.cache`: the on-disk cache;
- :mod:`~stancekit.embed.pipeline`: :func:`embed` and :func:`embed_texts`.

Nothing here imports torch or sentence-transformers until a text has to be encoded.
"""

from stancekit._packages import expose_submodules
from stancekit.embed.cache import EmbeddingCache, text_keys
from stancekit.embed.lsa import LSAEmbedder
from stancekit.embed.pipeline import CacheSpec, ModelSpec, embed, embed_texts, make_embedder
from stancekit.embed.protocol import CallableEmbedder, Embedder
from stancekit.embed.resolve import (
    DEFAULT_MODEL,
    OFFLINE_SHA256,
    ResolvedModel,
    default_cache_dir,
    resolve_model,
)
from stancekit.embed.sentence import SentenceTransformerEmbedder

__all__ = [
    "DEFAULT_MODEL",
    "OFFLINE_SHA256",
    "CacheSpec",
    "CallableEmbedder",
    "Embedder",
    "EmbeddingCache",
    "LSAEmbedder",
    "ModelSpec",
    "ResolvedModel",
    "SentenceTransformerEmbedder",
    "default_cache_dir",
    "embed",
    "embed_texts",
    "make_embedder",
    "resolve_model",
    "text_keys",
]

# ``stancekit.embed`` is the function; ``import stancekit.embed.cache as c`` still works.
expose_submodules(embed, __name__)
