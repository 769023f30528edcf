"""Who speaks for whom at a negotiating table: a state's organs are represented by its government.

At the actor level, ``SYRMIL`` (Syria's army) fights while ``SYRGOV`` (its
government) negotiates. For the coverage gap, the army is represented when the
government is at the table. The agents that act for the state are listed in
``analysis/data/state_agents.tsv``; non-state agents (opposition, rebels,
civilians) speak only for themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from entente.errors import KnowledgeBaseError
from entente.store.rollup import international_prefixes

STATE_AGENTS_FILE = "state_agents.tsv"
_AGENT = re.compile(r"^[A-Z]{3}$")


@lru_cache(maxsize=1)
def state_agents() -> frozenset[str]:
    """Agent codes that act for the state (the government's presence covers them).

    Raises:
        KnowledgeBaseError: the data file is malformed.
    """
    text = (resources.files("entente.analysis") / "data" / STATE_AGENTS_FILE).read_text(
        encoding="utf-8"
    )
    return validate_state_agents(text, STATE_AGENTS_FILE)


def validate_state_agents(text: str, name: str) -> frozenset[str]:
    """Parse and check a state-agents file.

    Raises:
        KnowledgeBaseError: one ``file:line: problem`` per problem.
    """
    lines = text.splitlines()
    problems: list[str] = []
    if not lines or lines[0].split("\t")[:2] != ["agent", "note"]:
        problems.append(f"{name}:1: the header must be 'agent<TAB>note'")
    agents: set[str] = set()
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        agent = line.split("\t")[0]
        if not _AGENT.match(agent):
            problems.append(f"{name}:{n}: {agent!r} is not a three-letter agent code")
        elif agent in agents:
            problems.append(f"{name}:{n}: {agent!r} is listed twice")
        agents.add(agent)
    if "GOV" not in agents:
        problems.append(f"{name}: GOV must be listed (a government represents itself)")
    if problems:
        raise KnowledgeBaseError(f"the state-agents file {name} does not validate", problems)
    return frozenset(agents)


def is_state_organ(code: str) -> bool:
    """Whether a code stands for a state or one of its organs (USA, SYRGOV, RUSMIL)."""
    if len(code) < 3 or code[:3] in international_prefixes():
        return False
    return len(code) == 3 or (len(code) == 6 and code[3:] in state_agents())


def representative(code: str) -> str:
    """The code whose presence at a table covers ``code`` (itself for non-state actors).

    >>> representative("SYRMIL"), representative("USA"), representative("SYROPP")
    ('SYRGOV', 'SYRGOV', 'SYROPP')
    """
    return code[:3] + "GOV" if is_state_organ(code) else code


def is_represented(code: str, present: Iterable[str]) -> bool:
    """Whether ``code`` is at the table itself or, for a state organ, through any organ of its state."""
    at_table = set(present)
    if code in at_table:
        return True
    if not is_state_organ(code):
        return False
    return representative(code) in {representative(c) for c in at_table if is_state_organ(c)}
