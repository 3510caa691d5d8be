"""The user's alias file: canonical speaker names with their aliases, role and country.

A TOML or JSON file (or a mapping) names each canonical speaker with the surface forms that
mean them; :class:`AliasBook` looks a surface form up, ignoring case, an honorific and a
leading "the".
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stancekit.errors import InputError

__all__ = ["AliasBook", "AliasEntry", "load_aliases"]

#: honorifics before a name: English ones, India's ("Shri Narendra Modi") and Malaysia's
#: ("Datuk Seri Anwar Ibrahim")
_HONORIFIC = re.compile(
    r"^(?:Mr|Mrs|Ms|Dr|Madam|Sir|Prof|Hon|H\.E|Shri|Smt|Tan Sri|Toh Puan|Datuk Seri|Datin Seri"
    r"|Dato[’']? Seri|Dato[’']? Sri|Datuk|Datin|Dato[’']?|Tun)\.?\s+"
)


@dataclass(frozen=True)
class AliasEntry:
    """One canonical speaker of the user's alias file."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    country: str | None = None


class AliasBook:
    """The user's aliases: surface form (case-insensitive) → :class:`AliasEntry`."""

    def __init__(self, entries: Mapping[str, AliasEntry] | None = None) -> None:
        self.entries: dict[str, AliasEntry] = dict(entries or {})
        self._index: dict[str, AliasEntry] = {}
        for entry in self.entries.values():
            for form in (entry.name, *entry.aliases):
                self._index[_key(form)] = entry

    def lookup(self, form: str) -> AliasEntry | None:
        """The entry for a surface form, or ``None``."""
        return self._index.get(_key(form))

    def __bool__(self) -> bool:
        return bool(self.entries)


def _key(form: str) -> str:
    s = _HONORIFIC.sub("", form.strip())
    s = re.sub(r"^the\s+", "", s, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", s).lower()


def load_aliases(
    source: str | os.PathLike[str] | Mapping[str, Any] | AliasBook | None,
) -> AliasBook:
    """Read an alias file (TOML or JSON) or mapping: canonical name → aliases, role, country.

    Each entry is either a list of aliases or a table ``{aliases = [...], role = "...",
    country = "..."}``.
    """
    if source is None:
        return AliasBook()
    if isinstance(source, AliasBook):
        return source
    where = "speakers"
    if isinstance(source, Mapping):
        data: Mapping[str, Any] = source
    else:
        path = Path(source)
        where = str(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read alias file: {exc.strerror}", source=where) from None
        try:
            if path.suffix.lower() == ".toml":
                if sys.version_info >= (3, 11):
                    import tomllib
                else:  # pragma: no cover
                    import tomli as tomllib
                data = tomllib.loads(raw.decode("utf-8"))
            elif path.suffix.lower() == ".json":
                data = json.loads(raw.decode("utf-8"))
            else:
                raise InputError("alias file must end in .toml or .json", source=where)
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot parse alias file: {exc}", source=where) from None
    if not isinstance(data, Mapping):
        raise InputError("alias file must map canonical names to entries", source=where)
    entries: dict[str, AliasEntry] = {}
    for name, value in data.items():
        if isinstance(value, (list, tuple)):
            aliases, role, country = value, None, None
        elif isinstance(value, Mapping):
            unknown = set(value) - {"aliases", "role", "country"}
            if unknown:
                raise InputError(f"entry {name!r}: unknown key(s) {sorted(unknown)}", source=where)
            aliases = value.get("aliases", [])
            role, country = value.get("role"), value.get("country")
        else:
            raise InputError(f"entry {name!r} must be a list of aliases or a table", source=where)
        if not all(isinstance(a, str) for a in aliases):
            raise InputError(f"entry {name!r}: aliases must be strings", source=where)
        entries[str(name)] = AliasEntry(str(name), tuple(aliases), role, country)
    return AliasBook(entries)
