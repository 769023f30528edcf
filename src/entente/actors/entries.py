"""Knowledge-base entries and the file format that holds them.

An actor file is JSON Lines: one JSON object per line, blank lines and lines
starting with ``#`` ignored. The format is documented in ``data/README.md``;
:func:`read_entries` reads a file and reports every problem as
``file:line: problem``.

Example line::

    {"id": "person:sergey-lavrov", "kind": "person", "name": "Sergey Lavrov",
     "aliases": ["Lavrov", "Sergei Lavrov"],
     "roles": [{"code": "RUSGOV", "start": "2004-03-09", "end": null,
                "title": "foreign minister"}]}
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

KINDS = (
    "state",
    "government",
    "person",
    "igo",
    "ngo",
    "group",
    "ethnic",
    "religious",
    "sector",
    "place",
    "agent",
)
"""Entry kinds. ``place`` is a city or region standing for its country; ``agent`` is a
noun ("army", "foreign minister") that adds an agent code to a country."""

CODE_RE = re.compile(r"^(---|[A-Z]{3})([A-Za-z]{3})*$")
AGENT_RE = re.compile(r"^([A-Z]{3})+$")
FIELDS = {
    "id",
    "kind",
    "name",
    "code",
    "country",
    "aliases",
    "adjectives",
    "demonyms",
    "capitals",
    "roles",
    "agent",
    "title",
    "context",
    "note",
    "source",
}
ROLE_FIELDS = {"code", "start", "end", "title"}


@dataclass(frozen=True, slots=True)
class Role:
    """A dated code: what an entry is coded as between two dates (both inclusive).

    Attributes:
        code: the CAMEO actor code for the interval (``RUSGOV``).
        start: first day, or None for "since always".
        end: last day, or None for "still".
        title: the office, for people ("foreign minister").
    """

    code: str
    start: date | None = None
    end: date | None = None
    title: str = ""

    def covers(self, when: date) -> bool:
        """Whether ``when`` falls inside this interval."""
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One knowledge-base entry: an actor (or an agent noun) and the names it goes by.

    Attributes:
        id: unique key; a later file with the same id replaces the entry.
        kind: one of :data:`KINDS`.
        name: canonical name.
        code: default CAMEO code (people may leave it empty and rely on roles).
        country: the country part of the code, for people and groups.
        aliases: names that refer to the entry itself.
        adjectives: modifiers ("Russian"): alone they stand for the country, before an
            agent noun they make country + agent ("Russian troops" = RUSMIL).
        demonyms: nouns for the people ("Russians").
        capitals: capital cities: the government when they act, the country as a place.
        roles: dated codes (offices of people, a group that became a government).
        agent: for ``kind == "agent"``: the agent code it adds (``MIL``, ``GOV``).
        title: for agents: can stand before a person's name ("President", "General").
        context: cue words; when several entries share an alias, the one whose cues
            occur in the sentence wins ("Atlanta" favours Georgia the US state).
        note: free text (sources, caveats).
        source: ``file:line`` where the entry was read.
    """

    id: str
    kind: str
    name: str
    code: str = ""
    country: str = ""
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    agent: str = ""
    title: bool = False
    context: tuple[str, ...] = ()
    note: str = ""
    source: str = ""

    def code_at(self, when: date | None) -> tuple[str, Role | None]:
        """The entry's code on a day, and the role that gave it (None for the default).

        Without a date the current role (open end, else latest end) is used. A person
        outside all roles and without a default code is an elite of their country (ELI),
        the convention for former and future office holders.
        """
        if self.roles:
            if when is None:
                role = max(self.roles, key=_recency)
                return role.code, role
            matching = [r for r in self.roles if r.covers(when)]
            if matching:
                # Overlapping intervals: the one that started last is the most specific.
                role = max(matching, key=lambda r: r.start or date.min)
                return role.code, role
        if self.code:
            return self.code, None
        if self.roles:
            country = self.country or self.roles[0].code[:3]
            return country + "ELI", None
        return "", None

    def to_json(self) -> dict[str, Any]:
        """The entry as a JSON object in the file format (empty fields left out)."""
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "name": self.name}
        for key in ("code", "country", "agent", "note"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in ("aliases", "adjectives", "demonyms", "capitals", "context"):
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        if self.title:
            out["title"] = True
        if self.roles:
            out["roles"] = [
                {
                    "code": r.code,
                    "start": r.start.isoformat() if r.start else None,
                    "end": r.end.isoformat() if r.end else None,
                    **({"title": r.title} if r.title else {}),
                }
                for r in self.roles
            ]
        return out


def _recency(role: Role) -> tuple[date, date]:
    return (role.end or date.max, role.start or date.min)


def read_entries(path: Path) -> tuple[list[Entry], list[str]]:
    """Read an actor file; returns its entries and its problems (``file:line: problem``).

    Lines with problems are left out; the rest of the file is still read, so one
    call reports everything that is wrong.
    """
    entries: list[Entry] = []
    problems: list[str] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return [], [f"{path}:0: cannot read the file ({e}); give a UTF-8 JSON Lines file"]
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not valid JSON ({e.msg}); write one JSON object per line")
            continue
        entry, errs = parse_entry(obj, where)
        if errs:
            problems.extend(f"{where}: {e}" for e in errs)
            continue
        assert entry is not None
        if entry.id in seen:
            problems.append(
                f"{where}: id {entry.id!r} is already used on line {seen[entry.id]}; "
                "ids must be unique within a file"
            )
            continue
        seen[entry.id] = lineno
        entries.append(entry)
    return entries, problems


def parse_entry(obj: Any, source: str = "") -> tuple[Entry | None, list[str]]:
    """Validate one JSON object and build its :class:`Entry`; returns (entry, problems)."""
    if not isinstance(obj, dict):
        return None, ["expected a JSON object with at least id, kind and name"]
    errs: list[str] = []
    unknown = sorted(set(obj) - FIELDS)
    if unknown:
        errs.append(f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(FIELDS))}")
    for key in ("id", "kind", "name"):
        if not isinstance(obj.get(key), str) or not obj.get(key).strip():
            errs.append(f"field {key!r} is missing or not a non-empty string")
    kind = obj.get("kind")
    if isinstance(kind, str) and kind not in KINDS:
        errs.append(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("aliases", "adjectives", "demonyms", "capitals", "context"):
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            errs.append(f"field {key!r} must be a list of non-empty strings")
            value = []
        lists[key] = tuple(v.strip() for v in value)
    code = obj.get("code", "")
    if not isinstance(code, str) or (code and not CODE_RE.match(code)):
        errs.append(
            f"code {code!r} is not a CAMEO actor code (3 letters or ---, then 3-letter parts, "
            "e.g. RUS, RUSGOV, IGOUNO, ---REB)"
        )
        code = ""
    country = obj.get("country", "")
    if not isinstance(country, str) or (country and not re.match(r"^(---|[A-Z]{3})$", country)):
        errs.append(f"country {country!r} must be a 3-letter code such as RUS or IGO")
        country = ""
    agent = obj.get("agent", "")
    if not isinstance(agent, str) or (agent and not AGENT_RE.match(agent)):
        errs.append(f"agent {agent!r} must be one or more 3-letter agent codes, e.g. MIL or GOVMIL")
        agent = ""
    title = obj.get("title", False)
    if not isinstance(title, bool):
        errs.append(f"title {title!r} must be true or false")
        title = False
    for key in ("note", "source"):
        if not isinstance(obj.get(key, ""), str):
            errs.append(f"field {key!r} must be a string")
    roles, role_errs = _parse_roles(obj.get("roles", []))
    errs.extend(role_errs)
    if not errs:
        if kind == "agent" and not agent:
            errs.append("an agent entry needs 'agent' (the agent code it adds, e.g. MIL)")
        if kind != "agent" and not code and not roles:
            errs.append("an entry needs a 'code' or dated 'roles'")
        names = lists["aliases"] + lists["adjectives"] + lists["demonyms"] + lists["capitals"]
        if not names:
            errs.append("an entry needs at least one name in aliases/adjectives/demonyms/capitals")
    if errs:
        return None, errs
    return (
        Entry(
            id=obj["id"].strip(),
            kind=kind,
            name=obj["name"].strip(),
            code=code,
            country=country or (code[:3] if code else (roles[0].code[:3] if roles else "")),
            aliases=lists["aliases"],
            adjectives=lists["adjectives"],
            demonyms=lists["demonyms"],
            capitals=lists["capitals"],
            roles=roles,
            agent=agent,
            title=title,
            context=lists["context"],
            note=obj.get("note", ""),
            source=obj.get("source", "") or source,
        ),
        [],
    )


def _parse_roles(value: Any) -> tuple[tuple[Role, ...], list[str]]:
    if not isinstance(value, list):
        return (), ["field 'roles' must be a list of {code, start, end, title} objects"]
    roles: list[Role] = []
    errs: list[str] = []
    for n, r in enumerate(value, start=1):
        if not isinstance(r, dict):
            errs.append(f"role {n} must be an object with code, start, end")
            continue
        unknown = sorted(set(r) - ROLE_FIELDS)
        if unknown:
            errs.append(
                f"role {n}: unknown field(s) {', '.join(unknown)}; allowed: code, start, end, title"
            )
        code = r.get("code")
        if not isinstance(code, str) or not CODE_RE.match(code):
            errs.append(f"role {n}: code {code!r} is not a CAMEO actor code such as RUSGOV")
            continue
        start, e1 = _parse_date(r.get("start"), f"role {n}: start")
        end, e2 = _parse_date(r.get("end"), f"role {n}: end")
        errs.extend(e1 + e2)
        if start and end and end < start:
            errs.append(f"role {n}: end {end} is before start {start}")
        title = r.get("title", "")
        if not isinstance(title, str):
            errs.append(f"role {n}: title must be a string")
            title = ""
        roles.append(Role(code, start, end, title))
    return tuple(roles), errs


def _parse_date(value: Any, what: str) -> tuple[date | None, list[str]]:
    if value is None:
        return None, []
    if isinstance(value, str):
        try:
            return date.fromisoformat(value), []
        except ValueError:
            pass
    return None, [f"{what} {value!r} is not a date YYYY-MM-DD (or null for open)"]


def write_entries(entries: list[Entry], path: Path, header: str = "") -> None:
    """Write entries as a JSON Lines actor file (with optional ``#`` header lines)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for line in header.splitlines():
            f.write(f"# {line}".rstrip() + "\n")
        for entry in entries:
            f.write(json.dumps(entry.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n")
