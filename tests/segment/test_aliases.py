"""The user's alias file (:mod:`stancekit.segment.aliases`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancekit import Article, InputError
from stancekit.segment import load_aliases, segment
from stancekit.segment.aliases import AliasBook

ARTS = [
    Article("a1", "Russian President Vladimir Putin said the talks were useful."),
    Article("a2", "Trade will grow, Putin said."),
]


def test_lookup_ignores_case_honorifics_and_the() -> None:
    book = load_aliases(
        {"Vladimir Putin": {"aliases": ["the Russian president"], "role": "President"}}
    )
    assert isinstance(book, AliasBook) and book
    entry = book.lookup("Mr  vladimir PUTIN")
    assert entry is not None and entry.role == "President"
    assert book.lookup("Russian President") is not None
    assert book.lookup("Xi Jinping") is None
    assert not load_aliases(None)


def test_alias_file_toml_and_json(tmp_path: Path) -> None:
    toml = tmp_path / "aliases.toml"
    toml.write_text(
        '["Vladimir V. Putin"]\naliases = ["Putin", "Vladimir Putin"]\nrole = "President"\ncountry = "Russian Federation"\n',
        encoding="utf-8",
    )
    t = segment(ARTS, speakers=toml)
    assert t.speakers == ["Vladimir V. Putin"]
    assert {s.country for s in t} == {"Russian Federation"}
    js = tmp_path / "aliases.json"
    js.write_text(json.dumps({"VVP": ["Putin", "Vladimir Putin"]}), encoding="utf-8")
    assert segment(ARTS, speakers=js).speakers == ["VVP"]
    assert segment(ARTS, speakers={"VVP": ["Putin", "Vladimir Putin"]}).speakers == ["VVP"]


def test_bad_alias_files(tmp_path: Path) -> None:
    bad = tmp_path / "a.toml"
    bad.write_text("not = [valid", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.toml"):
        load_aliases(bad)
    other = tmp_path / "a.yaml"
    other.write_text("x: 1", encoding="utf-8")
    with pytest.raises(InputError, match=r"\.toml or \.json"):
        load_aliases(other)
    with pytest.raises(InputError, match="unknown key"):
        load_aliases({"X": {"aliases": [], "colour": "red"}})
