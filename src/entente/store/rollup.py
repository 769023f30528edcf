"""Rolling actor codes up to their country (RUSGOV, RUSMIL -> RUS), as data plus SQL.

A CAMEO actor code starts with a three-letter country or region code followed by
agent codes, so the country is the first three letters. International actors
are different: ``IGOUNO`` (the UN) and ``IGOWSTNAT`` (NATO) share the prefix
``IGO`` but are separate actors, so codes that start with one of the prefixes
listed in ``store/data/rollup.tsv`` are kept whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from entente.errors import KnowledgeBaseError

ROLLUP_FILE = "rollup.tsv"
_PREFIX = re.compile(r"^[A-Z-]{3}$")


@lru_cache(maxsize=1)
def international_prefixes() -> tuple[str, ...]:
    """The three-letter prefixes whose codes are kept whole at the country level.

    Raises:
        KnowledgeBaseError: the data file is malformed (bad header, bad prefix, duplicate).
    """
    text = (resources.files("entente.store") / "data" / ROLLUP_FILE).read_text(encoding="utf-8")
    return validate_rollup(text, ROLLUP_FILE)


def validate_rollup(text: str, name: str) -> tuple[str, ...]:
    """Parse and check the text of a roll-up file; return its prefixes in file order.

    Raises:
        KnowledgeBaseError: with one ``file:line: problem`` per problem.
    """
    lines = text.splitlines()
    problems: list[str] = []
    if not lines or lines[0].split("\t")[:2] != ["prefix", "note"]:
        problems.append(f"{name}:1: the header must be 'prefix<TAB>note'")
    prefixes: list[str] = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        prefix = line.split("\t")[0]
        if not _PREFIX.match(prefix):
            problems.append(f"{name}:{n}: {prefix!r} is not three capital letters or dashes")
        elif prefix in prefixes:
            problems.append(f"{name}:{n}: {prefix!r} is listed twice")
        else:
            prefixes.append(prefix)
    if problems:
        raise KnowledgeBaseError(f"the actor roll-up file {name} does not validate", problems)
    return tuple(prefixes)


def rollup_code(code: str | None) -> str | None:
    """The country-level unit of an actor code (the same rule as :func:`rollup_sql`).

    >>> rollup_code("RUSGOV"), rollup_code("IGOUNO"), rollup_code("SYR")
    ('RUS', 'IGOUNO', 'SYR')
    """
    if code is None:
        return None
    return code if code[:3] in international_prefixes() else code[:3]


def rollup_sql(column: str) -> str:
    """A SQL expression giving the country-level unit of an actor-code column.

    The prefixes come from the validated data file (three capitals or dashes), so
    splicing them into SQL text is safe.
    """
    listed = ", ".join(f"'{p}'" for p in international_prefixes())
    return f"(CASE WHEN left({column}, 3) IN ({listed}) THEN {column} ELSE left({column}, 3) END)"


def agent_sql(column: str) -> str:
    """A SQL expression giving the agent part of an actor code ('' for international codes)."""
    listed = ", ".join(f"'{p}'" for p in international_prefixes())
    return f"(CASE WHEN left({column}, 3) IN ({listed}) THEN '' ELSE coalesce(substr({column}, 4), '') END)"
