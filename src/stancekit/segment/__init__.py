"""Who said what: :func:`segment` turns articles into a :class:`~stancekit.StatementTable`."""

from stancekit.segment.aliases import AliasBook, load_aliases
from stancekit.segment.api import segment

__all__ = ["AliasBook", "load_aliases", "segment"]

from stancekit._callable import make_callable

make_callable(__name__, "segment")
