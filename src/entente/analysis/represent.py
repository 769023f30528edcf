"""Who an actor code stands for: states and their organs, parties to a conflict, unknown actors.

At the actor level, ``SYRMIL`` (Syria's army) fights while ``SYRGOV`` (its
government) negotiates. For the coverage gap, the army is represented when the
government is at the table. The agents that act for the state are listed in
``analysis/data/state_agents.tsv``; non-state agents (opposition, rebels,
civilians) speak only for themselves.

Three more small tables, all in ``analysis/data/``:

* ``unidentified.tsv`` — code prefixes of actors whose identity is unknown
  (``---GOV`` is "a government"): they are never stakeholders, absentees or
  missing parties, and they form no ties in the alignment network.
* ``parties.tsv`` — non-state agents (``OPP``, ``REB``) and international prefixes
  (``IMG``) of actors that can be a party at a negotiating table. States and their
  organs are parties too; civilians, media or IGOs are not.
* ``cameo_roles.tsv`` — CAMEO codes whose sides have a role at a meeting: the one
  visited hosts a visit (042 target, 043 source).

Example:
    >>> state_unit("RUSMIL"), state_unit("SYROPP"), is_party("SYRREB"), is_party("---CVL")
    ('RUS', 'SYROPP', True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from entente.errors import KnowledgeBaseError
from entente.store.rollup import international_prefixes

STATE_AGENTS_FILE = "state_agents.tsv"
UNIDENTIFIED_FILE = "unidentified.tsv"
PARTIES_FILE = "parties.tsv"
CAMEO_ROLES_FILE = "cameo_roles.tsv"
_AGENT = re.compile(r"^[A-Z]{3}$")
_PREFIX = re.compile(r"^[A-Z-]{3}$")
_CAMEO = re.compile(r"^\d{3,4}$")
SIDES = ("source", "target", "participant")
MEETING_ROLES = ("host", "mediator", "participant")


def _data(name: str) -> str:
    return (resources.files("entente.analysis") / "data" / name).read_text(encoding="utf-8")


def _rows(
    text: str, name: str, header: list[str], problems: list[str]
) -> list[tuple[int, list[str]]]:
    """The non-blank data lines of a tab-separated table, after checking its header."""
    lines = text.splitlines()
    if not lines or lines[0].split("\t")[: len(header)] != header:
        problems.append(f"{name}:1: the header must be '{'<TAB>'.join(header)}'")
        return []
    return [(n, line.split("\t")) for n, line in enumerate(lines[1:], start=2) if line.strip()]


@lru_cache(maxsize=1)
def state_agents() -> frozenset[str]:
    """Agent codes that act for the state (the government's presence covers them).

    Raises:
        KnowledgeBaseError: the data file is malformed.
    """
    return validate_state_agents(_data(STATE_AGENTS_FILE), STATE_AGENTS_FILE)


def validate_state_agents(text: str, name: str) -> frozenset[str]:
    """Parse and check a state-agents file.

    Raises:
        KnowledgeBaseError: one ``file:line: problem`` per problem.
    """
    problems: list[str] = []
    agents: set[str] = set()
    for n, cells in _rows(text, name, ["agent", "note"], problems):
        agent = cells[0]
        if not _AGENT.match(agent):
            problems.append(f"{name}:{n}: {agent!r} is not a three-letter agent code")
        elif agent in agents:
            problems.append(f"{name}:{n}: {agent!r} is listed twice")
        agents.add(agent)
    if not problems and "GOV" not in agents:
        problems.append(f"{name}: GOV must be listed (a government represents itself)")
    if problems:
        raise KnowledgeBaseError(f"the state-agents file {name} does not validate", problems)
    return frozenset(agents)


@lru_cache(maxsize=1)
def unidentified_prefixes() -> tuple[str, ...]:
    """Code prefixes of actors of unknown identity (``---``, ``UIS``).

    Raises:
        KnowledgeBaseError: the data file is malformed.
    """
    return validate_unidentified(_data(UNIDENTIFIED_FILE), UNIDENTIFIED_FILE)


def validate_unidentified(text: str, name: str) -> tuple[str, ...]:
    """Parse and check a file of unidentified-actor prefixes.

    Raises:
        KnowledgeBaseError: one ``file:line: problem`` per problem.
    """
    problems: list[str] = []
    prefixes: list[str] = []
    for n, cells in _rows(text, name, ["prefix", "note"], problems):
        if not _PREFIX.match(cells[0]):
            problems.append(f"{name}:{n}: {cells[0]!r} is not three capitals or dashes")
        elif cells[0] in prefixes:
            problems.append(f"{name}:{n}: {cells[0]!r} is listed twice")
        else:
            prefixes.append(cells[0])
    if problems:
        raise KnowledgeBaseError(f"the unidentified-actors file {name} does not validate", problems)
    return tuple(prefixes)


@lru_cache(maxsize=1)
def party_markers() -> tuple[frozenset[str], tuple[str, ...]]:
    """Non-state agents and international prefixes of actors that can be parties at a table.

    Raises:
        KnowledgeBaseError: the data file is malformed.
    """
    return validate_parties(_data(PARTIES_FILE), PARTIES_FILE)


def validate_parties(text: str, name: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Parse and check a parties file: (agent codes, code prefixes).

    Raises:
        KnowledgeBaseError: one ``file:line: problem`` per problem.
    """
    problems: list[str] = []
    agents: set[str] = set()
    prefixes: list[str] = []
    for n, cells in _rows(text, name, ["part", "scope", "note"], problems):
        part, scope = cells[0], cells[1] if len(cells) > 1 else ""
        if scope not in ("agent", "prefix"):
            problems.append(f"{name}:{n}: scope {scope!r} must be 'agent' or 'prefix'")
        elif not _AGENT.match(part):
            problems.append(f"{name}:{n}: {part!r} is not three capital letters")
        elif part in agents or part in prefixes:
            problems.append(f"{name}:{n}: {part!r} is listed twice")
        elif scope == "agent":
            agents.add(part)
        else:
            prefixes.append(part)
    if problems:
        raise KnowledgeBaseError(f"the parties file {name} does not validate", problems)
    return frozenset(agents), tuple(prefixes)


@lru_cache(maxsize=1)
def cameo_roles() -> dict[str, dict[str, str]]:
    """Meeting roles implied by CAMEO codes: ``{"042": {"target": "host"}, ...}``.

    Raises:
        KnowledgeBaseError: the data file is malformed.
    """
    return validate_cameo_roles(_data(CAMEO_ROLES_FILE), CAMEO_ROLES_FILE)


def validate_cameo_roles(text: str, name: str) -> dict[str, dict[str, str]]:
    """Parse and check a CAMEO-roles file.

    Raises:
        KnowledgeBaseError: one ``file:line: problem`` per problem.
    """
    problems: list[str] = []
    roles: dict[str, dict[str, str]] = {}
    for n, cells in _rows(text, name, ["cameo", "side", "role", "note"], problems):
        if len(cells) < 3:
            problems.append(f"{name}:{n}: expected cameo, side and role")
            continue
        code, side, role = cells[:3]
        if not _CAMEO.match(code):
            problems.append(f"{name}:{n}: {code!r} is not a CAMEO code (three or four digits)")
        elif side not in SIDES:
            problems.append(f"{name}:{n}: side {side!r} must be one of {', '.join(SIDES)}")
        elif role not in MEETING_ROLES:
            problems.append(f"{name}:{n}: role {role!r} must be one of {', '.join(MEETING_ROLES)}")
        elif side in roles.get(code, {}):
            problems.append(f"{name}:{n}: {code} {side} is listed twice")
        else:
            roles.setdefault(code, {})[side] = role
    if problems:
        raise KnowledgeBaseError(f"the CAMEO roles file {name} does not validate", problems)
    return roles


def unit_code(unit: str) -> str:
    """The actor code of a stakeholder unit: ``SYROPP (Syrian National Coalition)`` -> ``SYROPP``.

    Named organisations keep their name next to their code in the stakeholder
    analysis (see :func:`entente.store.analysis_sql.stakeholder_unit_sql`).
    """
    return unit.split(" (", 1)[0]


def is_unidentified(code: str) -> bool:
    """Whether a code stands for an actor of unknown identity (``---OPP``, ``UISGOV``)."""
    return unit_code(code).startswith(unidentified_prefixes())


def is_state_organ(code: str) -> bool:
    """Whether a code stands for a state or one of its organs (USA, SYRGOV, RUSMIL)."""
    code = unit_code(code)
    if len(code) < 3 or code[:3] in international_prefixes():
        return False
    return len(code) == 3 or (len(code) == 6 and code[3:] in state_agents())


def is_party(code: str) -> bool:
    """Whether an actor could be a party at a negotiating table (a state, opposition, rebels).

    Civilians, the media, businesses, IGOs and unidentified actors are not.
    """
    code = unit_code(code)
    if is_unidentified(code):
        return False
    if is_state_organ(code):
        return True
    agents, prefixes = party_markers()
    if code.startswith(prefixes):
        return True
    if code[:3] in international_prefixes():
        return False
    rest = code[3:]
    return any(rest[i : i + 3] in agents for i in range(0, len(rest), 3))


def state_unit(code: str) -> str:
    """The code at the state level: a state's organs become the state (RUSMIL -> RUS).

    >>> state_unit("SYRGOV"), state_unit("SYRREB"), state_unit("IGOUNO")
    ('SYR', 'SYRREB', 'IGOUNO')
    """
    return code[:3] if is_state_organ(code) else code


def representative(code: str) -> str:
    """The code whose presence at a table covers ``code`` (itself for non-state actors).

    >>> representative("SYRMIL"), representative("USA"), representative("SYROPP")
    ('SYRGOV', 'SYRGOV', 'SYROPP')
    """
    return code[:3] + "GOV" if is_state_organ(code) else code


def is_represented(code: str, present: Iterable[str]) -> bool:
    """Whether ``code`` is at the table itself or through another unit that speaks for it.

    A state organ is represented by any organ of its state; an unnamed non-state
    actor ("the opposition", ``SYROPP``) by any unit with its code, named or not
    (``SYROPP (Syrian National Coalition)``); a named one only by itself.
    """
    at_table = set(present)
    if code in at_table:
        return True
    if not is_state_organ(code):
        return code == unit_code(code) and any(unit_code(c) == code for c in at_table)
    return representative(code) in {representative(c) for c in at_table if is_state_organ(c)}
