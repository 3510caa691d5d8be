"""Who said what: :func:`segment` turns articles into a :class:`~stancekit.StatementTable`."""

from stancekit._packages import expose_submodules
from stancekit.segment.aliases import AliasBook, load_aliases
from stancekit.segment.api import segment

__all__ = ["AliasBook", "load_aliases", "segment"]

# ``stancekit.segment`` is the function; ``import stancekit.segment.engine as e`` still works.
expose_submodules(segment, __name__)
