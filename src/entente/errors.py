"""One exception tree for entente.

Every message names the bad value, says what is allowed, and the next step.
Inputs that fail are not raised out of a run: they become
:class:`entente.types.Failure` records and the run goes on.
"""

from __future__ import annotations


class EntenteError(Exception):
    """Base of every error entente raises on purpose."""


class ConfigError(EntenteError):
    """Settings that are missing, misspelt or out of range."""


class InputError(EntenteError):
    """An input (file, feed, row, URL) that cannot be read as articles."""


class ModelNotFoundError(EntenteError):
    """No usable spaCy English pipeline is installed."""


class KnowledgeBaseError(EntenteError):
    """A data file (actors, verb patterns, ontology) that does not validate.

    Attributes:
        problems: ``file:line: problem`` strings, one per problem found.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = list(problems or [])
        detail = "\n".join(self.problems[:20])
        more = f"\n... and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        super().__init__(f"{message}\n{detail}{more}" if detail else message)


class StoreError(EntenteError):
    """The event store cannot be opened, migrated or written."""


class QueryError(EntenteError):
    """An analysis or query argument that makes no sense (unknown actor, bad window, ...)."""


class NotFoundError(QueryError):
    """A query for something the store does not hold (an actor, a pair, an event, a topic)."""
