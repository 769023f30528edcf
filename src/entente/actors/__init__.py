"""The actor knowledge base and the resolution of mentions in context.

Public API:

- :func:`load_kb` — the shipped knowledge base plus user override files (cached).
- :class:`KnowledgeBase` — ``lookup(name, when)``, ``actor(code)``, ``country_of(code)``.
- :class:`Resolver` — ``resolve(sentence, when, context=None)`` -> non-overlapping
  :class:`~entente.types.Mention`.
- :class:`ArticleContext` — one per article, passed to ``resolve`` with each sentence in
  order: short references ("the Coalition", "Jaafari") resolve to actors named earlier.
- :func:`mention_at` — which mention covers a token of the sentence.
- :func:`check_file` — validate an actor file (``file:line: problem`` lines).

Example:
    >>> from entente.actors import load_kb, Resolver
    >>> kb = load_kb()
    >>> kb.lookup("Moscow")[0].code
    'RUSGOV'
"""

from entente.actors.context import ArticleContext
from entente.actors.entries import Entry, Role, read_entries
from entente.actors.kb import KnowledgeBase, load_kb
from entente.actors.resolver import Resolver, check_file, mention_at, mention_index

__all__ = [
    "ArticleContext",
    "Entry",
    "KnowledgeBase",
    "Resolver",
    "Role",
    "check_file",
    "load_kb",
    "mention_at",
    "mention_index",
    "read_entries",
]
