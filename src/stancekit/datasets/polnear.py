"""PolNeAR's published format: ``text/<name>.txt`` plus brat standoff ``attributions/*.ann``.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution in 1,008 US political
news articles as source / cue / content spans. This loader turns a split folder into articles
and gold records in the format of stancekit's scorer input, so that anyone can benchmark
attribution on it::

    articles, gold = read_polnear("PolNeAR/dev")
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stancekit.data import Article
from stancekit.errors import InputError

__all__ = ["GoldArticle", "read_polnear"]

_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) ([^\t]+)\t(.*)$")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")
_QUOTES = "\"“”'‘’"


@dataclass(frozen=True)
class GoldArticle:
    """One article's gold attributions, as the scorer reads them (``to_record()``)."""

    id: str
    text: str
    statements: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    skipped: int = 0

    def to_record(self) -> dict[str, Any]:
        """``{"id", "text", "speakers": {}, "statements": [...]}``."""
        return {
            "id": self.id,
            "text": self.text,
            "speakers": {},
            "statements": list(self.statements),
        }


def read_polnear(folder: str | os.PathLike[str]) -> tuple[list[Article], list[GoldArticle]]:
    """Read one PolNeAR split (a folder with ``text/`` and ``attributions/``).

    Returns
    -------
    (articles, gold)
        Articles in file-name order (id = text file name without ``.txt``) and their gold
        records. Attributions without a source or content are not gold statements; their
        number is kept in ``GoldArticle.skipped``.

    Raises
    ------
    InputError
        Naming the ``.ann`` file and line of a malformed annotation, or a text without one.
    """
    root = Path(folder)
    tdir, adir = root / "text", root / "attributions"
    if not tdir.is_dir() or not adir.is_dir():
        raise InputError("expected sub-folders text/ and attributions/", source=str(root))
    anns: dict[str, Path] = {}
    for ann in sorted(adir.glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0] if "_" in ann.stem else ann.stem
        anns.setdefault(stem, ann)
    articles: list[Article] = []
    gold: list[GoldArticle] = []
    for txt in sorted(tdir.glob("*.txt")):
        text = txt.read_bytes().decode("utf-8")
        found = anns.get(txt.stem)
        if found is None:
            raise InputError(f"no annotation file for {txt.name}", source=str(adir))
        statements, skipped = _parse_ann(found, text)
        articles.append(Article(txt.stem, text))
        gold.append(GoldArticle(txt.stem, text, tuple(statements), skipped))
    if not articles:
        raise InputError("no .txt files in text/", source=str(root))
    return articles, gold


def _spans(raw: str, ann: Path, lineno: int) -> list[tuple[int, int]]:
    out = []
    for piece in raw.split(";"):
        parts = piece.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise InputError(f"bad offsets {raw!r}", source=str(ann), line=lineno)
        a, b = int(parts[0]), int(parts[1])
        if b < a:
            raise InputError(f"span end before start in {raw!r}", source=str(ann), line=lineno)
        out.append((a, b))
    return out


def _parse_ann(ann: Path, text: str) -> tuple[list[dict[str, Any]], int]:
    bounds: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[tuple[int, dict[str, str]]] = []
    for lineno, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        m = _TEXTBOUND.match(line)
        if m:
            spans = _spans(m.group(3), ann, lineno)
            if any(b > len(text) for _, b in spans):
                raise InputError("span beyond the end of the text", source=str(ann), line=lineno)
            bounds[m.group(1)] = (m.group(2), spans)
            continue
        e = _EVENT.match(line)
        if e:
            roles = {}
            for arg in e.group(2).split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            events.append((lineno, roles))
            continue
        if line[:1] in ("A", "R", "N", "*"):
            continue  # attributes, relations and notes carry nothing we score
        raise InputError(f"unreadable annotation line {line[:40]!r}", source=str(ann), line=lineno)
    out: list[dict[str, Any]] = []
    skipped = 0
    for lineno, roles in events:
        try:
            content = bounds[roles["Content"]][1] if "Content" in roles else None
            source = bounds[roles["Source"]][1] if "Source" in roles else None
            cue = bounds[roles["Cue"]][1] if "Cue" in roles else None
        except KeyError as exc:
            raise InputError(
                f"event refers to unknown {exc.args[0]}", source=str(ann), line=lineno
            ) from None
        if not content or not source:
            skipped += 1
            continue
        content = sorted(content)
        source_text = " ".join(text[a:b] for a, b in source)
        out.append(
            {
                "speaker": source_text,
                "start": content[0][0],
                "end": content[-1][1],
                "spans": [list(s) for s in content],
                "source": [list(s) for s in source],
                "source_text": source_text,
                "cue": " ".join(text[a:b] for a, b in cue) if cue else "",
                "kind": _kind(text, content),
            }
        )
    out.sort(key=lambda s: (s["start"], s["end"]))
    return out, skipped


def _kind(text: str, spans: list[tuple[int, int]]) -> str:
    pieces = [text[a:b].strip() for a, b in spans]
    if all(p[:1] in _QUOTES for p in pieces if p):
        return "direct"
    if any(q in p for p in pieces for q in '"“”'):
        return "mixed"
    return "indirect"
