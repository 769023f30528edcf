"""Read queries over the event store: event listings, summaries, failures.

Every function takes an open DuckDB connection and returns Arrow tables or plain
values; the SQL lives here (and in ``analysis_sql.py``), nowhere else in entente.
Actor codes match by prefix (``RUS`` matches ``RUSGOV``) with ``starts_with``, so
user input is never spliced into SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from entente.errors import QueryError
from entente.types import MODES

# One nested list per event: its participants in order, as structs.
_PARTICIPANTS_NESTED = """
    SELECT event_id,
           list(struct_pack(role := role, code := actor_code, name := actor_name,
                            country := country, agent := agent, kind := kind,
                            text := text, start := start_char, "end" := end_char)
                ORDER BY position) AS participants
    FROM participants
    {where}
    GROUP BY event_id
"""

_DYADS_NESTED = """
    SELECT event_id,
           list(struct_pack(source := source, target := target) ORDER BY pair) AS dyads
    FROM event_dyads
    {where}
    GROUP BY event_id
"""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to select; every field is optional and they combine with AND.

    Attributes:
        actor: an actor code prefix matched against any participant (``RUS`` ~ ``RUSGOV``).
        dyad: (source prefix, target prefix) of a directed pair from ``event_dyads``.
        code: a CAMEO code prefix (``04`` = all consultations, ``042`` = visits).
        since, until: inclusive date bounds (events without a date are then left out).
        mode: asserted, negated, future, hypothetical or demanded.
        limit: at most this many events (oldest first).
        text: words that must appear in the sentence, as written (any case).
    """

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    code: str | None = None
    since: date | None = None
    until: date | None = None
    mode: str | None = None
    limit: int | None = None
    text: str | None = None

    def validate(self) -> None:
        """Check the values make sense.

        Raises:
            QueryError: an unknown mode, a negative limit, or ``since`` after ``until``.
        """
        if self.mode is not None and self.mode not in MODES:
            raise QueryError(f"unknown mode {self.mode!r}; use one of {', '.join(MODES)}")
        if self.limit is not None and self.limit < 0:
            raise QueryError(f"limit must be 0 or more, not {self.limit}")
        if self.since and self.until and self.since > self.until:
            raise QueryError(
                f"since ({self.since}) is after until ({self.until}); swap them or widen the range"
            )
        if self.dyad is not None and len(self.dyad) != 2:
            raise QueryError(f"a dyad is two actor codes (source target), not {self.dyad!r}")


def _event_where(f: EventFilter, alias: str = "e") -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) that applies a filter to ``events``."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.code:
        clauses.append(f"starts_with({alias}.cameo, ?)")
        params.append(f.code)
    if f.since:
        clauses.append(f"{alias}.date >= ?")
        params.append(f.since)
    if f.until:
        clauses.append(f"{alias}.date <= ?")
        params.append(f.until)
    if f.mode:
        clauses.append(f"{alias}.mode = ?")
        params.append(f.mode)
    if f.actor:
        clauses.append(
            f"{alias}.id IN (SELECT event_id FROM participants WHERE starts_with(actor_code, ?))"
        )
        params.append(f.actor)
    if f.dyad:
        clauses.append(
            f"{alias}.id IN (SELECT event_id FROM event_dyads "
            "WHERE starts_with(source, ?) AND starts_with(target, ?))"
        )
        params.extend(f.dyad)
    if f.text and f.text.strip():
        clauses.append(f"contains(lower({alias}.sentence), lower(?))")
        params.append(f.text.strip())
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def select_events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> pa.Table:
    """Events matching a filter, one row each, with participants and dyads nested.

    Columns: the ``events`` columns, then ``article_source``, ``url``, ``title``
    (from the article), ``participants`` (list of structs: role, code, name,
    country, agent, kind, text, start, end) and ``dyads`` (list of source/target).
    """
    f.validate()
    where, params = _event_where(f)
    limit = "LIMIT ?" if f.limit is not None else ""
    if f.limit is not None:
        params.append(f.limit)
    sql = f"""
        WITH sel AS (
            SELECT e.* FROM events e {where}
            ORDER BY e.date NULLS LAST, e.article_id, e.sentence_index, e.id {limit}
        ),
        parts AS ({_PARTICIPANTS_NESTED.format(where="WHERE event_id IN (SELECT id FROM sel)")}),
        dy AS ({_DYADS_NESTED.format(where="WHERE event_id IN (SELECT id FROM sel)")})
        SELECT sel.*, a.source AS article_source, a.url, a.title,
               coalesce(parts.participants, []) AS participants,
               coalesce(dy.dyads, []) AS dyads
        FROM sel
        LEFT JOIN articles a ON a.id = sel.article_id
        LEFT JOIN parts ON parts.event_id = sel.id
        LEFT JOIN dy ON dy.event_id = sel.id
        ORDER BY sel.date NULLS LAST, sel.article_id, sel.sentence_index, sel.id
    """
    return con.sql(sql, params=params).to_arrow_table()


def event_rows(
    con: duckdb.DuckDBPyConnection, ids: list[str] | None = None, article_id: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Raw ``events`` and ``participants`` rows (as dicts) for some events, in id order."""
    if ids is not None:
        cond, params = "id IN (SELECT unnest(?::VARCHAR[]))", [ids]
    elif article_id is not None:
        cond, params = "article_id = ?", [article_id]
    else:
        cond, params = "TRUE", []
    events = con.execute(f"SELECT * FROM events WHERE {cond} ORDER BY id", params)
    ev = _dicts(events)
    parts = con.execute(
        f"SELECT * FROM participants WHERE event_id IN (SELECT id FROM events WHERE {cond}) "
        "ORDER BY event_id, position",
        params,
    )
    return ev, _dicts(parts)


def actor_names(con: duckdb.DuckDBPyConnection, codes: list[str]) -> dict[str, str]:
    """The name each actor code goes by in the store: ``{"RUSGOV": "Russia government"}``.

    For each code, the name the actor resolver gave it most often, preferring the
    names of states, bodies and groups over those of people (RUSGOV is "Russia
    government" rather than its president); ties: the alphabetically first. Codes
    the store never saw are left out.
    """
    if not codes:
        return {}
    rows = con.execute(
        """
        SELECT actor_code, actor_name, count(*) AS n, kind = 'person' AS person
        FROM participants
        WHERE actor_code IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY actor_code, actor_name, person
        ORDER BY actor_code, person, n DESC, actor_name
        """,
        [list(codes)],
    ).fetchall()
    names: dict[str, str] = {}
    for code, name, _, _ in rows:
        names.setdefault(code, name)
    return names


def article_row(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The ``articles`` row of one article, or None."""
    rows = _dicts(con.execute("SELECT * FROM articles WHERE id = ?", [article_id]))
    return rows[0] if rows else None


def _dicts(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in result.description or []]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """What a store holds: the numbers a run prints at the end.

    Attributes:
        articles: articles stored.
        sentences: sentences in those articles.
        events: events stored.
        failures: inputs that failed.
        failure_reasons: (reason, count) pairs, most frequent first.
        top_dyads: (source, target, events) for the most frequent directed pairs.
        first_date, last_date: the range of event dates (None if no dated events).
        events_by_quad: QuadClass (1-4) -> event count.
    """

    articles: int
    sentences: int
    events: int
    failures: int
    failure_reasons: list[tuple[str, int]]
    top_dyads: list[tuple[str, str, int]]
    first_date: date | None
    last_date: date | None
    events_by_quad: dict[int, int]


def summary(con: duckdb.DuckDBPyConnection, top: int = 10) -> StoreSummary:
    """Counts of articles, sentences, events and failures, with top dyads and reasons."""
    row = con.execute(
        """
        SELECT (SELECT count(*) FROM articles),
               (SELECT coalesce(sum(n_sentences), 0) FROM articles),
               (SELECT count(*) FROM events),
               (SELECT count(*) FROM failures),
               (SELECT min(date) FROM events),
               (SELECT max(date) FROM events)
        """
    ).fetchall()[0]  # an aggregate query always returns one row
    reasons = con.execute(
        "SELECT reason, count(*) AS n FROM failures GROUP BY reason ORDER BY n DESC, reason"
    ).fetchall()
    dyads = con.execute(
        """
        SELECT source, target, count(DISTINCT event_id) AS n
        FROM event_dyads
        WHERE source IS NOT NULL AND target IS NOT NULL
        GROUP BY source, target
        ORDER BY n DESC, source, target
        LIMIT ?
        """,
        [top],
    ).fetchall()
    quads = con.execute("SELECT quad, count(*) FROM events GROUP BY quad").fetchall()
    return StoreSummary(
        articles=int(row[0]),
        sentences=int(row[1]),
        events=int(row[2]),
        failures=int(row[3]),
        failure_reasons=[(str(r), int(n)) for r, n in reasons],
        top_dyads=[(str(s), str(t), int(n)) for s, t, n in dyads],
        first_date=row[4],
        last_date=row[5],
        events_by_quad={int(q): int(n) for q, n in quads},
    )


def failure_rows(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """All recorded failures, oldest first."""
    return _dicts(
        con.execute(
            "SELECT origin, reason, stage, run_id, failed_at FROM failures "
            "ORDER BY failed_at, origin"
        )
    )


def known_ids(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    """Which of these article ids are already stored."""
    if not ids:
        return set()
    rows = con.execute(
        "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
    ).fetchall()
    return {r[0] for r in rows}
