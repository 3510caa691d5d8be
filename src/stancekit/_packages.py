"""Packages whose name in :mod:`stancekit` is their main function.

``stancekit.segment`` and ``stancekit.embed`` are plain functions in the :mod:`stancekit`
namespace, while ``stancekit/segment/`` and ``stancekit/embed/`` stay packages with
submodules. Python resolves ``import stancekit.segment.engine as e`` (and a dotted name
such as ``stancekit.segment.engine.X``) by attribute lookup from ``stancekit``, so it would
look for ``engine`` on the function. :func:`expose_submodules` puts the package's loaded
submodules on the function, which keeps those spellings working.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any

__all__ = ["expose_submodules"]


def expose_submodules(function: Callable[..., Any], package_name: str) -> None:
    """Set each loaded direct submodule of ``package_name`` as an attribute of ``function``.

    Call it at the end of the package's ``__init__``, once its submodules are imported.
    """
    prefix = f"{package_name}."
    for name, module in list(sys.modules.items()):
        child = name[len(prefix) :]
        if name.startswith(prefix) and "." not in child and isinstance(module, types.ModuleType):
            setattr(function, child, module)
