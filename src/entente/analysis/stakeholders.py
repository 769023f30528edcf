"""Stakeholders of a process: who hosted, mediated, attended, stayed away, and who is missing.

From a topic (see :mod:`entente.analysis.topics`):

* **Reports** — each process event is one report of a meeting (meetings, visits,
  negotiations, mediation, agreements), of an absence ("did not attend") or of a
  refusal (rejected the invitation, halted talks). Actors of unknown identity
  (``---GOV``) are left out; with the topic's ``state_units`` a state's organs
  count as the state (RUSGOV, RUSMIL -> RUS); a named non-state organisation keeps
  its name next to its code (``SYROPP (Syrian National Coalition)``), so that the
  coalition boycotting a meeting is not confused with other opposition figures
  attending it (plain ``SYROPP``). CAMEO codes that imply a role
  (``analysis/data/cameo_roles.tsv``: the one visited hosts a visit) add it.
* **Venues** — a report's venue is its location; a report without one takes the
  place of its article (the location most often given to the article's process
  reports), else the country of its hosts. Place names are matched to countries
  through what the actor resolver made of them in the store ("Moscow" -> RUS), so
  a report placed in Moscow and one hosted by Russia can be the same meeting.
* **Meetings** — reports at the same venue (same city, or a city and a report
  that only names its country) at most ``merge_days`` apart form one meeting, with
  its hosts, mediators and participants. Reports without any venue join a meeting
  of their own article, else a meeting of the same days that shares an actor, else
  form their own.
* **Absences** — an absence or refusal joins a meeting of its own article, else
  one at the same venue within ``attach_days``, else one hosted by the actor it
  refused. Absences that fit no meeting are kept as absences from the process.
* **Actors** — per actor: meetings attended, by role, absences and refusals;
  stance (the mean Goldstein value of the process events it took part in); and
  centrality in the process: betweenness in the network of who met whom in the
  process's events (the broker between parties that do not meet scores high).
  Leaders are the actors that hosted or mediated, most meetings first.
* **Coverage gap** — the parties (states, opposition, rebels: see
  :func:`entente.analysis.represent.is_party`) that weigh most in the conflict
  itself (the topic's theatre: occurrences, with material conflict weighted extra;
  at most ``top`` of them, each weighing at least ``min_share`` of the weightiest)
  and never sat at the table, ranked; each meeting also lists the weightiest
  parties it lacked. The topic's ``exclude_from_gap`` (e.g. groups designated as
  terrorist, with whom no process negotiates) never counts as missing. A state's
  organs count as present when any organ of that state is.

Example:
    >>> report = stakeholders(store, load_topic("syria-peace-talks"))  # doctest: +SKIP
    >>> [m.hosts for m in report.meetings][:1]  # doctest: +SKIP
    [('RUS',)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import igraph as ig

from entente.analysis.common import DEFAULT_MODES, LEVELS, jsonable
from entente.analysis.dyads import EvidenceItem
from entente.analysis.represent import (
    cameo_roles,
    is_party,
    is_represented,
    representative,
    state_agents,
    unidentified_prefixes,
    unit_code,
)
from entente.analysis.topics import Topic
from entente.errors import QueryError
from entente.store import Store
from entente.store.analysis_sql import EventMatch, place_countries, process_events, theatre_weights
from entente.store.rollup import rollup_code


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting of the process (reports of the same venue and days merged).

    Attributes:
        id: ``venue@first-date``.
        venue: the city, else the host country's code, else "" (unknown).
        start, end: first and last day reported.
        hosts, mediators, participants: actor codes by role (an actor can host and mediate;
            participants exclude both).
        absent: actors reported absent, not attending, or refusing it.
        missing: the conflict's weightiest parties neither present nor reported absent.
        events: process events merged into it.
        evidence: a few reporting sentences (meeting reports first, then absences).
        country: the venue's country code ("" if unknown).
        articles: distinct articles reporting it.
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
    country: str = ""
    articles: int = 0

    @property
    def present(self) -> tuple[str, ...]:
        """Everyone at the table: hosts, mediators and participants."""
        return tuple(dict.fromkeys(self.hosts + self.mediators + self.participants))


@dataclass(frozen=True, slots=True)
class StakeholderRow:
    """One actor's part in the process.

    Attributes:
        code: actor code, with the name of a named organisation
            (``SYROPP (Syrian National Coalition)``; see :func:`unit_code`).
        attended: meetings it was present at; hosted, mediated, participated: by role.
        absent: meetings it was absent from (reported absent, did not attend, refused).
        refusals: refusal events it was the subject of (rejected talks or mediation).
        stance: mean Goldstein value of its process events (None if none).
        stance_label: engaged (>= 1), opposed (<= -1), mixed, or unknown.
        weight: its importance in the conflict (theatre), 0 if it does not figure there.
        partners: distinct actors it met in the process's events.
        centrality: normalised betweenness in the network of who met whom in the
            process (0: links nobody; high: the go-between of parties that do not meet).
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
    partners: int = 0
    centrality: float = 0.0


@dataclass(frozen=True, slots=True)
class GapRow:
    """A party that matters in the conflict and was not at the table.

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
        level: how actor codes were counted (actor, state or country).
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

    def meetings_at(self, venue: str) -> list[Meeting]:
        """The meetings at a venue (city or country code, any case)."""
        v = venue.strip().lower()
        return [m for m in self.meetings if v in (m.venue.lower(), m.country.lower())]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return jsonable(asdict(self))


def _evidence(row: dict[str, Any]) -> EvidenceItem:
    return EvidenceItem(
        event_id=row["id"], date=row["date"], cameo=row["cameo"], goldstein=row["goldstein"],
        sentence=row["sentence"], article_source=row["article_source"], url=row["url"],
    )  # fmt: skip


@dataclass
class _Report:
    """One process event with its actors by meeting role and its venue."""

    row: dict[str, Any]
    hosts: set[str]
    mediators: set[str]
    parties: set[str]  # sources, targets and joint participants that are neither
    venue: str = ""  # the city, as reported
    country: str = ""  # the venue's country

    @property
    def actors(self) -> set[str]:
        return self.hosts | self.mediators | self.parties


def _report(row: dict[str, Any], roles: dict[str, dict[str, str]]) -> _Report:
    """Sort a row's actors into meeting roles, with the roles its CAMEO code implies."""
    hosts, mediators, parties = set(row["hosts"]), set(row["mediators"]), set()
    implied = roles.get(row["cameo"], {})
    for side, key in (("source", "sources"), ("target", "targets"), ("participant", "joint")):
        role = implied.get(side, "participant")
        {"host": hosts, "mediator": mediators, "participant": parties}[role].update(row[key])
    return _Report(row, hosts, mediators, parties - hosts - mediators)


def _absentees(rep: _Report) -> list[str]:
    """Who an absence or refusal report says stayed away (never its hosts)."""
    row = rep.row
    if row["kind"] == "meeting":
        return sorted(set(row["absent"]))
    if row["kind"] == "negated" and row["cameo"] in cameo_roles():
        subjects = sorted(rep.parties)  # "X did not visit": the visitor, not the one visited
    else:
        subjects = list(row["sources"] or row["joint"] or row["targets"])
    return list(dict.fromkeys(c for c in [*subjects, *row["absent"]] if c not in rep.hosts))


class _Draft:
    """A meeting being assembled from its reports."""

    def __init__(self, rep: _Report) -> None:
        self.venue, self.country = rep.venue, rep.country
        self.start = self.end = rep.row["date"]
        self.reports: list[_Report] = []
        self.absences: list[_Report] = []
        self.add(rep)

    def add(self, rep: _Report) -> None:
        self.reports.append(rep)
        self.start, self.end = min(self.start, rep.row["date"]), max(self.end, rep.row["date"])
        if not self.venue and rep.venue and (not self.country or rep.country == self.country):
            self.venue = rep.venue
        self.country = self.country or rep.country

    def actors(self) -> set[str]:
        return {c for r in self.reports for c in r.actors}

    def hosts(self) -> set[str]:
        return {c for r in self.reports for c in r.hosts}

    def articles(self) -> set[str]:
        return {r.row["article_id"] for r in self.reports}

    def distance(self, day: date) -> int:
        if self.start <= day <= self.end:
            return 0
        return min(abs((day - self.start).days), abs((day - self.end).days))

    def same_venue(self, rep: _Report) -> bool:
        """Same city, or one side names only the country the other's city is in."""
        if self.venue and rep.venue:
            return self.venue.lower() == rep.venue.lower()
        return bool(self.country) and self.country == rep.country


def _place_venues(
    reports: list[_Report], places: dict[str, str], meeting_codes: Sequence[str]
) -> None:
    """Give each report its venue: its location, else its article's place, else its hosts' country.

    A report without a location takes its article's place when it is about that
    meeting: it reports a meeting itself (one of ``meeting_codes``), names a host or
    mediator ("The meeting was convened by ..."), or shares an actor with the reports
    that gave the place. Otherwise it may be about something else the article
    mentions (a ceasefire brokered weeks before).
    """

    def host_country(rep: _Report) -> str:
        countries = {rollup_code(h) for h in rep.hosts}
        return str(countries.pop()) if len(countries) == 1 else ""

    by_article: dict[str, list[_Report]] = {}
    for rep in reports:
        by_article.setdefault(rep.row["article_id"], []).append(rep)
    for reps in by_article.values():
        located = [r for r in reps if (r.row["location"] or "").strip()]
        named = Counter(r.row["location"].strip() for r in located)
        # The article's place: the location it gives most often (first given on ties),
        # else the country that hosts its meetings.
        place = named.most_common(1)[0][0] if named else ""
        place_country = places.get(place.lower(), "")
        anchors = located
        if not place:
            hosted = Counter(
                c for r in reps if r.row["kind"] == "meeting" and (c := host_country(r))
            )
            place_country = hosted.most_common(1)[0][0] if hosted else ""
            anchors = [r for r in reps if place_country and host_country(r) == place_country]
        anchor_actors = {c for r in anchors for c in r.actors}
        for rep in reps:
            location = (rep.row["location"] or "").strip()
            about_it = bool(
                rep.row["cameo"] in meeting_codes or rep.row["kind"] != "meeting"
                or rep.actors & anchor_actors or rep.hosts or rep.mediators or not rep.actors
            )  # fmt: skip
            # A visit hosted in another country than the article's place is elsewhere.
            elsewhere = (
                bool(host_country(rep))
                and bool(place_country)
                and host_country(rep) != place_country
            )
            if location:
                rep.venue, rep.country = location, places.get(location.lower(), "")
            elif (place or place_country) and about_it and not elsewhere:
                rep.venue, rep.country = place, place_country
            else:
                rep.venue, rep.country = "", host_country(rep)
            rep.venue = rep.venue[:1].upper() + rep.venue[1:]


def _group_meetings(reports: list[_Report], merge_days: int) -> list[_Draft]:
    """Merge meeting reports into meetings by venue and nearness in time."""
    drafts: list[_Draft] = []
    unplaced: list[_Report] = []
    order = sorted(
        reports, key=lambda r: (r.row["date"], r.row["article_id"], r.row["sentence_index"])
    )
    for rep in order:
        if not rep.venue and not rep.country:
            unplaced.append(rep)
            continue
        near = [
            d for d in drafts if d.same_venue(rep) and d.distance(rep.row["date"]) <= merge_days
        ]
        if near:
            min(near, key=lambda d: (d.distance(rep.row["date"]), -len(d.reports))).add(rep)
        else:
            drafts.append(_Draft(rep))
    for rep in unplaced:
        day, article = rep.row["date"], rep.row["article_id"]
        sharing = [d for d in drafts if d.distance(day) <= merge_days and d.actors() & rep.actors]
        own_article = [d for d in sharing if article in d.articles()]
        loose = [d for d in drafts if not d.venue and not d.country and article in d.articles()]
        chosen = own_article or sharing or loose
        if chosen:
            min(chosen, key=lambda d: (d.distance(day), -len(d.reports))).add(rep)
        else:
            drafts.append(_Draft(rep))
    return sorted(drafts, key=lambda d: (d.start, d.venue, d.country))


def _attach(rep: _Report, drafts: list[_Draft], attach_days: int) -> _Draft | None:
    """The meeting an absence or refusal refers to, if one fits.

    A report that someone did not attend is about a meeting of its own article. A
    refusal must say which meeting it turns down, by its place or its host:
    "refused to discuss the future of the president" is no boycott of the round
    the article reports.
    """
    day = rep.row["date"]
    near = [d for d in drafts if d.distance(day) <= attach_days]
    refused = rep.hosts | set(rep.row["targets"])
    location = (rep.row["location"] or "").strip()
    own = [d for d in near if rep.row["article_id"] in d.articles()]
    if rep.row["kind"] == "refusal" and not location and not refused:
        own = []
    for fits in (
        [d for d in own if not location or d.same_venue(rep)],
        own,
        [d for d in near if location and d.same_venue(rep)],
        [d for d in near if refused & d.hosts()],
    ):
        if fits:
            return min(fits, key=lambda d: (d.distance(day), -len(d.reports)))
    return None


def _centrality(reports: list[_Report]) -> tuple[dict[str, int], dict[str, float]]:
    """Partners and normalised betweenness of each actor in the network of who met whom."""
    edges: set[tuple[str, str]] = set()
    for rep in reports:
        actors = sorted(rep.actors)
        edges.update((a, b) for i, a in enumerate(actors) for b in actors[i + 1 :])
    codes = sorted({c for e in edges for c in e})
    if not codes:
        return {}, {}
    index = {c: i for i, c in enumerate(codes)}
    g = ig.Graph(n=len(codes), edges=[(index[a], index[b]) for a, b in sorted(edges)])
    n = len(codes)
    scale = (n - 1) * (n - 2) / 2 if n > 2 else 1.0
    between = g.betweenness(directed=False)
    return (
        {c: g.degree(index[c]) for c in codes},
        {c: between[index[c]] / scale for c in codes},
    )


def _stance_label(stance: float | None) -> str:
    if stance is None:
        return "unknown"
    return "engaged" if stance >= 1 else "opposed" if stance <= -1 else "mixed"


def stakeholders(
    store: Store,
    topic: Topic,
    level: str = "actor",
    modes: Sequence[str] = DEFAULT_MODES,
    since: date | None = None,
    until: date | None = None,
    evidence: int = 3,
) -> StakeholderReport:
    """Who is at the table of a process, and which parties of the conflict are missing.

    Args:
        store: an open event store.
        topic: the process and its conflict (see :func:`entente.analysis.topics.load_topic`).
        level: ``actor`` (default: SYROPP stays apart from the Syrian state; with the
            topic's ``state_units`` a state's organs count as the state), ``state``
            (that roll-up whatever the topic says) or ``country`` (everything rolled up).
        modes: event modes that count as having happened.
        since, until: narrow the topic's date range.
        evidence: sentences to keep per meeting.

    Raises:
        QueryError: an unknown level, or a range that starts after it ends.
    """
    if level not in LEVELS:
        raise QueryError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    if level == "actor" and topic.process.state_units:
        level = "state"
    start = max(d for d in (since, topic.since) if d) if (since or topic.since) else None
    end = min(d for d in (until, topic.until) if d) if (until or topic.until) else None
    if start and end and start > end:
        raise QueryError(f"the range starts ({start}) after it ends ({end}); widen it")
    p, t = topic.process, topic.theatre
    process_match = EventMatch(
        start,
        end,
        p.codes,
        p.actors,
        p.keywords,
        p.locations,
        tuple(modes),
        by_article=True,
        article_codes=tuple(p.meeting_codes),
    )
    theatre_match = EventMatch(start, end, (), t.actors, t.keywords, t.locations, tuple(modes))
    agents, unknown = tuple(sorted(state_agents())), unidentified_prefixes()
    with store.connection() as con:
        rows = process_events(
            con,
            process_match,
            p.refusal_codes,
            level,
            agents,
            unknown,  # type: ignore[arg-type]
        ).to_pylist()
        weights = theatre_weights(
            con, theatre_match, level, t.material_conflict_weight, agents, unknown,  # type: ignore[arg-type]
            t.excluded_codes, t.excluded_ids,
        ).to_pylist()  # fmt: skip
        places = place_countries(con)

    roles = cameo_roles()
    reports = [_report(r, roles) for r in rows]
    # A report that names nobody identifiable says nothing about who was at the table.
    reports = [r for r in reports if r.actors or r.row["absent"]]
    _place_venues(reports, places, p.meeting_codes)
    drafts = _group_meetings(
        [r for r in reports if r.row["kind"] == "meeting" and r.actors], p.merge_days
    )
    process_absences: list[Absence] = []
    for rep in reports:
        if rep.row["kind"] == "meeting":
            continue
        draft = _attach(rep, drafts, p.attach_days)
        if draft is None:
            process_absences.extend(Absence(code, _evidence(rep.row)) for code in _absentees(rep))
        else:
            draft.absences.append(rep)

    weight_of = {w["actor"]: w for w in weights}
    excluded = set(t.excluded_codes)
    parties = [w for w in weights if is_party(w["actor"]) and unit_code(w["actor"]) not in excluded]
    # Central to the conflict: among the weightiest parties, and not far behind the first.
    floor = t.min_share * max((w["importance"] for w in parties), default=0.0)
    parties = [w for w in parties if w["importance"] >= floor][: t.top]
    top = [w["actor"] for w in parties]
    meetings: list[Meeting] = []
    for d in drafts:
        hosts = sorted(d.hosts())
        # An actor can both host and mediate (the UN at its own offices in Geneva).
        mediators = sorted({c for r in d.reports for c in r.mediators})
        others = sorted(d.actors() - set(hosts) - set(mediators))
        present = set(hosts) | set(mediators) | set(others)
        absent = sorted({c for r in d.reports + d.absences for c in _absentees(r)} - present)
        missing_by_state: dict[str, str] = {}
        for c in top:
            if c not in absent and not is_represented(c, present):
                # One entry per state: SYRMIL after SYRGOV adds nothing.
                missing_by_state.setdefault(representative(c), c)
        ranked = sorted(
            (r.row for r in d.reports),
            key=lambda r: (-abs(r["goldstein"]), -r["confidence"], r["id"]),
        )
        shown = [_evidence(r) for r in (ranked + [a.row for a in d.absences])[:evidence]]
        venue = d.venue or d.country
        meetings.append(
            Meeting(
                id=f"{venue or 'unknown venue'}@{d.start.isoformat()}", venue=venue,
                start=d.start, end=d.end, hosts=tuple(hosts), mediators=tuple(mediators),
                participants=tuple(others), absent=tuple(absent),
                missing=tuple(missing_by_state.values()),
                events=len(d.reports) + len(d.absences), evidence=tuple(shown),
                country=d.country, articles=len(d.articles() | {a.row["article_id"] for a in d.absences}),
            )
        )  # fmt: skip

    # Per actor: roles over meetings, absences, refusals, stance and centrality.
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
    for rep in reports:
        if rep.row["kind"] == "refusal":
            for c in _absentees(rep):
                entry(c)["refusals"] += 1
                entry(c)["goldstein"].append(rep.row["goldstein"])
        elif rep.row["kind"] == "meeting":
            for c in rep.actors:
                entry(c)["goldstein"].append(rep.row["goldstein"])
    partners, between = _centrality([r for d in drafts for r in d.reports])
    actors = []
    for code, e in tally.items():
        stance = sum(e["goldstein"]) / len(e["goldstein"]) if e["goldstein"] else None
        weight = float(weight_of.get(code, {}).get("importance", 0.0))
        actors.append(
            StakeholderRow(code, e["attended"], e["hosted"], e["mediated"], e["participated"],
                           e["absent"], e["refusals"], stance, _stance_label(stance), weight,
                           partners.get(code, 0), between.get(code, 0.0))
        )  # fmt: skip
    actors.sort(
        key=lambda a: (
            -(2 * (a.hosted + a.mediated) + a.attended),
            -a.centrality,
            -a.weight,
            a.code,
        )
    )
    leaders = tuple(
        a.code
        for a in sorted(actors, key=lambda a: (-(a.hosted + a.mediated), -a.centrality, a.code))
        if a.hosted + a.mediated > 0
    )

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
        for w in parties
        if not is_represented(w["actor"], attended)
    )
    return StakeholderReport(
        topic.name, topic.title, start, end, level, tuple(meetings), tuple(actors), leaders,
        tuple(process_absences), gap,
    )  # fmt: skip
