"""Stakeholders of a process: who hosted, mediated, attended, stayed away, and who is missing.

From a topic (see :mod:`entente.analysis.topics`):

* **Meetings** — the process's events (meetings, visits, negotiations, mediation,
  agreements) at the same venue (the event's location, else its hosts) less than
  ``merge_days`` apart form one meeting, with its hosts, mediators and
  participants. Events without a venue join a meeting of the same days that shares
  an actor, or form their own.
* **Absences** — an actor is absent from a meeting when an event there lists it
  as absent, when it is the subject of a negated meeting event ("did not attend"),
  or when it refused (a refusal code: rejected the invitation, halted talks)
  within ``attach_days`` of a meeting at the same venue or hosted by the actor it
  refused. Absences that fit no meeting are kept as absences from the process.
* **Actors** — per actor: meetings attended, by role, absences and refusals, and
  stance: the mean Goldstein value of the process events it took part in
  (positive: engaging; negative: rejecting).
* **Coverage gap** — the actors that weigh most in the conflict itself (the
  topic's theatre: occurrences, with material conflict weighted extra) and never
  sat at the table, ranked; each meeting also lists the weightiest actors it lacked.
  A state's organs count as present when any organ of that state is (the army is
  represented by its government; see :mod:`entente.analysis.represent`).

Example:
    >>> report = stakeholders(store, load_topic("syria-peace-talks"))  # doctest: +SKIP
    >>> [m.hosts for m in report.meetings][:1]  # doctest: +SKIP
    [('RUSGOV',)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from entente.analysis.common import DEFAULT_MODES, LEVELS, jsonable
from entente.analysis.dyads import EvidenceItem
from entente.analysis.represent import is_represented, representative
from entente.analysis.topics import Topic
from entente.errors import QueryError
from entente.store import Store
from entente.store.analysis_sql import EventMatch, process_events, theatre_weights


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting of the process (reports of the same venue and days merged).

    Attributes:
        id: ``venue@first-date``.
        venue: the location, else the hosts' codes, else "" (unknown).
        start, end: first and last day reported.
        hosts, mediators, participants: actor codes by role (participants exclude hosts and mediators).
        absent: actors reported absent, not attending, or refusing it.
        missing: the conflict's weightiest actors neither present nor reported absent.
        events: process events merged into it.
        evidence: a few reporting sentences (meeting reports first, then absences).
    """

    id: str
    venue: str
    start: date
    end: date
    hosts: tuple[str, ...]
    mediators: tuple[str, ...]
    participants: tuple[str, ...]
    absent: tuple[str, ...]
    missing: tuple[str, ...]
    events: int
    evidence: tuple[EvidenceItem, ...]

    @property
    def present(self) -> tuple[str, ...]:
        """Everyone at the table: hosts, mediators and participants."""
        return tuple(dict.fromkeys(self.hosts + self.mediators + self.participants))


@dataclass(frozen=True, slots=True)
class StakeholderRow:
    """One actor's part in the process.

    Attributes:
        code: actor code.
        attended: meetings it was present at; hosted, mediated, participated: by role.
        absent: meetings it was absent from (reported absent, did not attend, refused).
        refusals: refusal events it was the subject of (rejected talks or mediation).
        stance: mean Goldstein value of its process events (None if none).
        stance_label: engaged (>= 1), opposed (<= -1), mixed, or unknown.
        weight: its importance in the conflict (theatre), 0 if it does not figure there.
    """

    code: str
    attended: int
    hosted: int
    mediated: int
    participated: int
    absent: int
    refusals: int
    stance: float | None
    stance_label: str
    weight: float


@dataclass(frozen=True, slots=True)
class GapRow:
    """An actor that matters in the conflict and was not at the table.

    Attributes:
        code: actor code.
        weight: importance in the theatre (occurrences, material conflict weighted extra).
        occurrences, material_conflict: its theatre counts.
        status: ``stayed away`` (reported absent or refusing) or ``not at the table``
            (never mentioned in the process).
    """

    code: str
    weight: float
    occurrences: int
    material_conflict: int
    status: str


@dataclass(frozen=True, slots=True)
class Absence:
    """An actor that stayed away from the process, with the report that says so."""

    code: str
    evidence: EvidenceItem


@dataclass(frozen=True, slots=True)
class StakeholderReport:
    """Who was at the table of a process, and who was not.

    Attributes:
        topic, title: which topic.
        since, until: its date range.
        meetings: in date order.
        actors: per actor, most active first (hosting and mediating weigh most).
        leaders: actors that hosted or mediated, most first.
        process_absences: absences and refusals that fit no single meeting.
        gap: the coverage gap, weightiest first.
    """

    topic: str
    title: str
    since: date | None
    until: date | None
    level: str
    meetings: tuple[Meeting, ...]
    actors: tuple[StakeholderRow, ...]
    leaders: tuple[str, ...]
    process_absences: tuple[Absence, ...]
    gap: tuple[GapRow, ...]

    def actor(self, code: str) -> StakeholderRow | None:
        """The row of one actor, or None."""
        return next((a for a in self.actors if a.code == code), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return jsonable(asdict(self))


def _evidence(row: dict[str, Any]) -> EvidenceItem:
    return EvidenceItem(
        event_id=row["id"], date=row["date"], cameo=row["cameo"], goldstein=row["goldstein"],
        sentence=row["sentence"], article_source=row["article_source"], url=row["url"],
    )  # fmt: skip


class _Draft:
    """A meeting being assembled from its events."""

    def __init__(self, venue: str, row: dict[str, Any]) -> None:
        self.venue = venue
        self.start = self.end = row["date"]
        self.rows: list[dict[str, Any]] = []
        self.absence_rows: list[dict[str, Any]] = []
        self.add(row)

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        self.start, self.end = min(self.start, row["date"]), max(self.end, row["date"])

    def actors(self) -> set[str]:
        return {
            c
            for r in self.rows
            for k in ("hosts", "mediators", "sources", "targets", "joint")
            for c in r[k]
        }

    def hosts(self) -> set[str]:
        return {c for r in self.rows for c in r["hosts"]}

    def distance(self, day: date) -> int:
        if self.start <= day <= self.end:
            return 0
        return min(abs((day - self.start).days), abs((day - self.end).days))


def _venue(row: dict[str, Any]) -> str:
    if row["location"] and row["location"].strip():
        return row["location"].strip().title()
    return "+".join(row["hosts"])


def _absentees(row: dict[str, Any]) -> list[str]:
    """Who a refusal or negated meeting event says stayed away."""
    if row["kind"] == "meeting":
        return list(row["absent"])
    subjects = row["sources"] or row["joint"] or row["targets"]
    return list(dict.fromkeys([*subjects, *row["absent"]]))


def _group_meetings(rows: list[dict[str, Any]], merge_days: int) -> list[_Draft]:
    """Merge meeting events into meetings by venue and nearness in time."""
    drafts: list[_Draft] = []
    open_by_venue: dict[str, _Draft] = {}
    no_venue: list[dict[str, Any]] = []
    for row in sorted(rows, key=lambda r: (r["date"], r["id"])):
        venue = _venue(row)
        if not venue:
            no_venue.append(row)
            continue
        current = open_by_venue.get(venue)
        if current is not None and (row["date"] - current.end).days <= merge_days:
            current.add(row)
        else:
            open_by_venue[venue] = _Draft(venue, row)
            drafts.append(open_by_venue[venue])
    for row in no_venue:
        actors = {c for k in ("hosts", "mediators", "sources", "targets", "joint") for c in row[k]}
        near = [d for d in drafts if d.distance(row["date"]) <= merge_days and d.actors() & actors]
        if near:
            min(near, key=lambda d: (d.distance(row["date"]), -len(d.rows))).add(row)
            continue
        loose = [d for d in drafts if not d.venue and d.distance(row["date"]) <= merge_days]
        if loose:
            loose[0].add(row)
        else:
            drafts.append(_Draft("", row))
    return sorted(drafts, key=lambda d: (d.start, d.venue))


def _attach(row: dict[str, Any], drafts: list[_Draft], attach_days: int) -> _Draft | None:
    """The meeting a refusal or non-attendance refers to, if one fits."""
    venue = _venue(row) if row["location"] else ""
    refused = set(row["targets"]) | set(row["hosts"])
    fits = [
        d for d in drafts
        if d.distance(row["date"]) <= attach_days
        and ((venue and d.venue == venue) or (refused & d.hosts()))
    ]  # fmt: skip
    if not fits:
        return None
    return min(fits, key=lambda d: (d.distance(row["date"]), -len(d.rows)))


def stakeholders(
    store: Store,
    topic: Topic,
    level: str = "actor",
    modes: Sequence[str] = DEFAULT_MODES,
    since: date | None = None,
    until: date | None = None,
    evidence: int = 3,
) -> StakeholderReport:
    """Who is at the table of a process, and which actors of the conflict are missing.

    Args:
        store: an open event store.
        topic: the process and its conflict (see :func:`entente.analysis.topics.load_topic`).
        level: ``actor`` (default: SYRGOV and SYROPP stay apart) or ``country``.
        modes: event modes that count as having happened.
        since, until: narrow the topic's date range.
        evidence: sentences to keep per meeting.

    Raises:
        QueryError: an unknown level, or a range that starts after it ends.
    """
    if level not in LEVELS:
        raise QueryError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    start = max(d for d in (since, topic.since) if d) if (since or topic.since) else None
    end = min(d for d in (until, topic.until) if d) if (until or topic.until) else None
    if start and end and start > end:
        raise QueryError(f"the range starts ({start}) after it ends ({end}); widen it")
    p, t = topic.process, topic.theatre
    process_match = EventMatch(start, end, p.codes, p.actors, p.keywords, p.locations, tuple(modes))
    theatre_match = EventMatch(start, end, (), t.actors, t.keywords, t.locations, tuple(modes))
    with store.connection() as con:
        rows = process_events(con, process_match, p.refusal_codes, level).to_pylist()  # type: ignore[arg-type]
        weights = theatre_weights(con, theatre_match, level, t.material_conflict_weight).to_pylist()  # type: ignore[arg-type]

    meetings_rows = [r for r in rows if r["kind"] == "meeting"]
    drafts = _group_meetings(meetings_rows, p.merge_days)
    process_absences: list[Absence] = []
    for row in rows:
        if row["kind"] == "meeting":
            continue
        draft = _attach(row, drafts, p.attach_days)
        if draft is None:
            process_absences.extend(Absence(code, _evidence(row)) for code in _absentees(row))
        else:
            draft.absence_rows.append(row)

    weight_of = {w["actor"]: w for w in weights}
    top = [w["actor"] for w in weights[: t.top]]
    meetings: list[Meeting] = []
    for d in drafts:
        hosts = sorted(d.hosts())
        mediators = sorted({c for r in d.rows for c in r["mediators"]} - set(hosts))
        others = sorted(d.actors() - set(hosts) - set(mediators))
        present = set(hosts) | set(mediators) | set(others)
        absent = sorted(
            (
                {c for r in d.rows for c in _absentees(r)}
                | {c for r in d.absence_rows for c in _absentees(r)}
            )
            - present
        )
        missing_by_state: dict[str, str] = {}
        for c in top:
            if c not in absent and not is_represented(c, present):
                # One entry per state: SYRMIL after SYRGOV adds nothing.
                missing_by_state.setdefault(representative(c), c)
        missing = tuple(missing_by_state.values())
        ranked = sorted(d.rows, key=lambda r: (-abs(r["goldstein"]), -r["confidence"], r["id"]))
        shown = [_evidence(r) for r in (ranked + d.absence_rows)[:evidence]]
        meetings.append(
            Meeting(
                id=f"{d.venue or 'unknown venue'}@{d.start.isoformat()}", venue=d.venue,
                start=d.start, end=d.end, hosts=tuple(hosts), mediators=tuple(mediators),
                participants=tuple(others), absent=tuple(absent), missing=missing,
                events=len(d.rows) + len(d.absence_rows), evidence=tuple(shown),
            )
        )  # fmt: skip

    # Per actor: roles over meetings, absences, refusals and stance.
    tally: dict[str, dict[str, Any]] = {}

    def entry(code: str) -> dict[str, Any]:
        return tally.setdefault(
            code, {"attended": 0, "hosted": 0, "mediated": 0, "participated": 0, "absent": 0,
                   "refusals": 0, "goldstein": []},
        )  # fmt: skip

    for m in meetings:
        for c in m.present:
            entry(c)["attended"] += 1
        for c in m.hosts:
            entry(c)["hosted"] += 1
        for c in m.mediators:
            entry(c)["mediated"] += 1
        for c in m.participants:
            entry(c)["participated"] += 1
        for c in m.absent:
            entry(c)["absent"] += 1
    for absence in process_absences:
        entry(absence.code)["absent"] += 1
    for row in rows:
        if row["kind"] == "refusal":
            for c in _absentees(row):
                entry(c)["refusals"] += 1
                entry(c)["goldstein"].append(row["goldstein"])
        elif row["kind"] == "meeting":
            for c in {*row["hosts"], *row["mediators"], *row["sources"], *row["joint"]}:
                entry(c)["goldstein"].append(row["goldstein"])
    actors = []
    for code, e in tally.items():
        stance = sum(e["goldstein"]) / len(e["goldstein"]) if e["goldstein"] else None
        label = (
            "unknown"
            if stance is None
            else "engaged"
            if stance >= 1
            else "opposed"
            if stance <= -1
            else "mixed"
        )
        weight = float(weight_of.get(code, {}).get("importance", 0.0))
        actors.append(
            StakeholderRow(code, e["attended"], e["hosted"], e["mediated"], e["participated"],
                           e["absent"], e["refusals"], stance, label, weight)
        )  # fmt: skip
    actors.sort(key=lambda a: (-(2 * (a.hosted + a.mediated) + a.attended), -a.weight, a.code))
    leaders = tuple(a.code for a in actors if a.hosted + a.mediated > 0)

    attended = {a.code for a in actors if a.attended}
    stayed_away = {a.code for a in actors if a.absent or a.refusals}
    gap = tuple(
        GapRow(
            code=w["actor"],
            weight=float(w["importance"]),
            occurrences=int(w["occurrences"]),
            material_conflict=int(w["material_conflict"]),
            status="stayed away" if w["actor"] in stayed_away else "not at the table",
        )  # fmt: skip
        for w in weights[: t.top]
        if not is_represented(w["actor"], attended)
    )
    return StakeholderReport(
        topic.name, topic.title, start, end, level, tuple(meetings), tuple(actors), leaders,
        tuple(process_absences), gap,
    )  # fmt: skip
