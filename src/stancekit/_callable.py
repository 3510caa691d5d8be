"""Packages that are also their main function: ``stancekit.topics(...)`` calls
``stancekit.topics.topics(...)``, while ``import stancekit.topics._api`` keeps working.

Only :mod:`stancekit.topics` still needs it: it is imported lazily (it brings scikit-learn),
so the import system binds ``stancekit.topics`` to the package whenever it is first imported.
``segment`` and ``embed`` are plain functions (see :mod:`stancekit._packages`)."""

from __future__ import annotations

import sys
import types
from typing import Any

__all__ = ["make_callable"]


def make_callable(module_name: str, function_name: str) -> None:
    """Let the module ``module_name`` be called as its function ``function_name``."""
    module = sys.modules[module_name]

    class _CallableModule(types.ModuleType):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return getattr(self, function_name)(*args, **kwargs)

    _CallableModule.__name__ = f"callable module {module_name}"
    module.__class__ = _CallableModule
