"""The SQL behind entente.analysis: dyad series, network ties, period counts, topics.

Every aggregation over events happens here, in DuckDB, so the analysis stays fast
on stores of millions of events; ``entente.analysis`` only shapes the results.

Counting. A directed dyad row (``event_dyads``) is one *event*. The same report
repeated within an article (headline, lead, later paragraph) is one
*occurrence*: same article, same pair, same day, same CAMEO code. Reports of the
same thing by several articles are one *collapsed unit*: same pair, same day,
same CAMEO root. Analyses count the unit chosen with ``unit=`` (``event``,
``occurrence`` or ``collapsed``) and always report the other two alongside.
Actor codes are optionally rolled up first (``level``): to their country
(``country``: RUSGOV, RUSMIL, RUSOPP -> RUS), to their state while non-state agents
stay apart (``state``: RUSGOV, RUSMIL -> RUS; SYROPP stays SYROPP), or not at all
(``actor``). Codes of unidentified actors (``---GOV``: "a government") can be left
out (``Scope.exclude``): a tie to nobody in particular says nothing about alignment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import duckdb
import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)

from entente.errors import QueryError
from entente.store.rollup import international_prefixes, rollup_sql

Level = Literal["country", "actor", "state"]
Unit = Literal["event", "occurrence", "collapsed"]
Bucket = Literal["week", "month", "quarter", "year"]

LEVELS: tuple[str, ...] = ("country", "actor", "state")
UNITS: tuple[str, ...] = ("event", "occurrence", "collapsed")
BUCKETS: tuple[str, ...] = ("week", "month", "quarter", "year")

_UNIT_KEY = {"event": "event_id", "occurrence": "article_id, cameo", "collapsed": "root"}
_AGENT_CODE = re.compile(r"^[A-Z]{3}$")
_PREFIX_CODE = re.compile(r"^[A-Z-]{1,9}$")


def actor_unit_sql(column: str, level: str, state_agents: Sequence[str] = ()) -> str:
    """A SQL expression giving the unit an actor-code column counts as at ``level``.

    ``country``: the country (see :func:`entente.store.rollup.rollup_sql`); ``actor``:
    the code itself; ``state``: a bare state code or a state agent (``state_agents``,
    e.g. GOV, MIL) becomes the state's three letters, other codes stay whole.

    Raises:
        QueryError: an unknown level, or a state agent that is not three capitals.
    """
    if level == "country":
        return rollup_sql(column)
    if level == "actor":
        return column
    if level != "state":
        raise QueryError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    bad = [a for a in state_agents if not _AGENT_CODE.match(a)]
    if bad or not state_agents:
        raise QueryError(
            f"state agents must be three-letter agent codes (GOV, MIL), not {bad or '[]'}"
        )
    # Validated codes only, so splicing them into SQL text is safe.
    listed = ", ".join(f"'{p}'" for p in international_prefixes())
    agents = ", ".join(f"'{a}'" for a in state_agents)
    return (
        f"(CASE WHEN left({column}, 3) IN ({listed}) THEN {column} "
        f"WHEN length({column}) = 3 OR (length({column}) = 6 AND substr({column}, 4) IN ({agents})) "
        f"THEN left({column}, 3) ELSE {column} END)"
    )


def stakeholder_unit_sql(alias: str, level: str, state_agents: Sequence[str] = ()) -> str:
    """A SQL expression naming the stakeholder a participant row stands for.

    Like :func:`actor_unit_sql` on ``{alias}.actor_code``, except that at the actor
    and state levels a *named* non-state organisation keeps its name next to its
    code: the Syrian National Coalition is ``SYROPP (Syrian National Coalition)``,
    not just one more ``SYROPP`` like "opposition figures", so that the coalition
    boycotting a meeting is not hidden by other opposition figures attending it.
    Named means resolved from a knowledge-base entry of its own, not from an agent
    noun ("opposition", "rebels": entry ids ``agent:...`` or ``...:agent:...``), for
    a code with a country and an agent that does not act for the state.
    """
    unit = actor_unit_sql(f"{alias}.actor_code", level, state_agents)
    if level == "country":
        return unit
    code = f"{alias}.actor_code"
    listed = ", ".join(f"'{p}'" for p in international_prefixes())
    agents = ", ".join(f"'{a}'" for a in state_agents) or "'GOV'"
    named = (
        f"{alias}.kb_id IS NOT NULL AND NOT regexp_matches({alias}.kb_id, '(^|:)agent:') "
        f"AND length({code}) > 3 AND left({code}, 3) NOT IN ({listed}) "
        f"AND NOT (length({code}) = 6 AND substr({code}, 4) IN ({agents})) "
        f"AND {alias}.actor_name <> ''"
    )
    return f"(CASE WHEN {named} THEN {unit} || ' (' || {alias}.actor_name || ')' ELSE {unit} END)"


def excluded_sql(column: str, prefixes: Sequence[str]) -> str:
    """A SQL condition that is true when a code column starts with one of ``prefixes``.

    Raises:
        QueryError: a prefix that is not capitals and dashes.
    """
    if not prefixes:
        return "FALSE"
    bad = [p for p in prefixes if not _PREFIX_CODE.match(p)]
    if bad:
        raise QueryError(f"excluded actor prefixes must be capitals or dashes, not {bad}")
    return "(" + " OR ".join(f"starts_with({column}, '{p}')" for p in prefixes) + ")"


@dataclass(frozen=True, slots=True)
class Scope:
    """Which dyad rows an analysis reads, and how it counts them.

    Attributes:
        level: ``country`` rolls actor codes up (RUSGOV, RUSMIL -> RUS); ``actor`` keeps
            them; ``state`` rolls only a state's organs up (SYRGOV -> SYR, SYROPP stays).
        unit: what one counted item is: event, occurrence (per article) or collapsed unit.
        modes: event modes that count (default: only events reported as having happened).
        since, until: inclusive date range (events without a date never count).
        actor: only dyads with a side whose (original) code starts with this.
        exclude: dyads with a side whose (original) code starts with one of these
            prefixes are left out (unidentified actors such as ``---GOV``).
        state_agents: the agents that count as the state at level ``state``.
    """

    level: Level = "country"
    unit: Unit = "collapsed"
    modes: tuple[str, ...] = ("asserted",)
    since: date | None = None
    until: date | None = None
    actor: str | None = None
    exclude: tuple[str, ...] = ()
    state_agents: tuple[str, ...] = ("GOV",)

    def validate(self) -> None:
        """Check the values.

        Raises:
            QueryError: an unknown level or unit, no modes, or since after until.
        """
        if self.level not in LEVELS:
            raise QueryError(f"unknown level {self.level!r}; use one of {', '.join(LEVELS)}")
        if self.unit not in UNITS:
            raise QueryError(f"unknown counting unit {self.unit!r}; use one of {', '.join(UNITS)}")
        if not self.modes:
            raise QueryError("no event modes selected; pass at least one, e.g. ('asserted',)")
        if self.since and self.until and self.since > self.until:
            raise QueryError(
                f"the range starts ({self.since}) after it ends ({self.until}); swap them"
            )
        actor_unit_sql("x", self.level, self.state_agents)  # checks the state agents
        excluded_sql("x", self.exclude)  # checks the prefixes


def _units_cte(scope: Scope, shares: bool = False) -> tuple[str, list[Any]]:
    """CTEs ``pairs`` (one row per usable dyad row) and ``units`` (one row per counted unit).

    ``units`` columns: source, target, date, root, quad, goldstein (mean within the
    unit) and n_events (the events behind it); with ``shares``, also ``share``: one
    report's weight split among the partners its source meets in it (see
    :func:`pair_ties`).
    """
    scope.validate()
    src = actor_unit_sql("d.source", scope.level, scope.state_agents)
    tgt = actor_unit_sql("d.target", scope.level, scope.state_agents)
    where = [
        "d.source IS NOT NULL",
        "d.target IS NOT NULL",
        "d.date IS NOT NULL",
        "list_contains(?::VARCHAR[], d.mode)",
    ]
    if scope.exclude:
        where.append(f"NOT {excluded_sql('d.source', scope.exclude)}")
        where.append(f"NOT {excluded_sql('d.target', scope.exclude)}")
    params: list[Any] = [list(scope.modes)]
    if scope.since:
        where.append("d.date >= ?")
        params.append(scope.since)
    if scope.until:
        where.append("d.date <= ?")
        params.append(scope.until)
    if scope.actor:
        where.append("(starts_with(d.source, ?) OR starts_with(d.target, ?))")
        params.extend([scope.actor, scope.actor])
    # Rolled up, one event can give the same pair twice (RUSGOV->EGY and RUSMIL->EGY):
    # keep one row per event and pair, so every count below counts events, not rows.
    # Unrolled pairs are already unique per event (Event.dyads() and the primary key).
    distinct = "DISTINCT ON (event_id, source, target)" if scope.level != "actor" else ""
    # A multi-party report (talks among seventeen delegations) ties each party to every
    # other; it says less about each pair than a report of two parties meeting, so its
    # weight is split among the partners each source meets in it.
    shared = (
        """
        shared AS (
            SELECT *, 1.0 / count(*) OVER (PARTITION BY event_id, source) AS share FROM pairs
        ),"""
        if shares
        else ""
    )
    # A unit reported once as a two-party act counts in full.
    share_col = ",\n                   max(share) AS share" if shares else ""
    sql = f"""
        pairs AS (
            SELECT {distinct} * FROM (
                SELECT d.event_id, d.article_id, {src} AS source, {tgt} AS target,
                       d.date, d.cameo, d.root, d.quad, d.goldstein
                FROM event_dyads d
                WHERE {" AND ".join(where)}
            ) WHERE source <> target
        ),{shared}
        units AS (
            SELECT source, target, date,
                   any_value(root) AS root, any_value(quad) AS quad,
                   avg(goldstein) AS goldstein,
                   count(*) AS n_events{share_col}
            FROM {"shared" if shares else "pairs"}
            GROUP BY source, target, date, {_UNIT_KEY[scope.unit]}
        )
    """
    return sql, params


def _arrow(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> pa.Table:
    return con.sql(sql, params=list(params)).to_arrow_table()


def last_date(con: duckdb.DuckDBPyConnection, modes: Sequence[str]) -> date | None:
    """The latest dated event with one of these modes, or None in an empty store."""
    rows = con.execute(
        "SELECT max(date) FROM event_dyads WHERE list_contains(?::VARCHAR[], mode)", [list(modes)]
    ).fetchall()
    return rows[0][0] if rows else None


def dyad_windows(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    bucket: Bucket,
    evidence: int,
    top_pairs: int | None = None,
) -> pa.Table:
    """Per directed pair and calendar window: counts, QuadClass split, Goldstein score, evidence.

    Args:
        con: an open connection.
        scope: which dyads count, and how.
        bucket: week, month, quarter or year.
        evidence: evidence sentences per pair and window (0: none).
        top_pairs: keep only the pairs with the most units over the whole range.

    Returns:
        Columns: source, target, window_start, window_end, units (of ``scope.unit``), events,
        occurrences, collapsed, q1..q4 (units per QuadClass), goldstein_sum,
        goldstein_mean, articles, evidence (list of structs: event_id, date, cameo,
        goldstein, sentence, article_source, url, title; largest absolute Goldstein
        value first, one per distinct sentence), ordered by window then units.
    """
    if bucket not in BUCKETS:
        raise QueryError(f"unknown window {bucket!r}; use one of {', '.join(BUCKETS)}")
    ctes, params = _units_cte(scope)
    window = f"date_trunc('{bucket}', date)::DATE"
    chosen, chosen_params = "", []
    if top_pairs is not None:
        chosen = """,
        chosen AS (
            SELECT source, target FROM units GROUP BY ALL
            ORDER BY count(*) DESC, source, target LIMIT ?
        )"""
        chosen_params = [top_pairs]
    keep = "JOIN chosen USING (source, target)" if top_pairs is not None else ""
    evidence_ctes, evidence_join, evidence_col, evidence_params = "", "", "[]", []
    if evidence > 0:
        # Rank on the dyad rows alone, then fetch sentences for a few candidates only:
        # joining every event's sentence would dominate the cost on large stores.
        evidence_ctes = f""",
        candidate_lists AS (
            SELECT source, target, {window} AS window_start,
                   max_by(event_id, struct_pack(g := abs(goldstein), d := date, e := event_id), ?)
                       AS ids
            FROM pairs {keep} GROUP BY ALL
        ),
        candidates AS (
            SELECT source, target, window_start, unnest(ids) AS event_id FROM candidate_lists
        ),
        distinct_sentences AS (
            SELECT c.source, c.target, c.window_start, e.id AS event_id, e.date, e.cameo,
                   e.goldstein, e.sentence, a.source AS article_source, a.url, a.title
            FROM candidates c
            JOIN events e ON e.id = c.event_id
            LEFT JOIN articles a ON a.id = e.article_id
            QUALIFY row_number() OVER (
                PARTITION BY c.source, c.target, c.window_start, e.sentence
                ORDER BY e.confidence DESC, e.id) = 1
        ),
        top_evidence AS (
            SELECT source, target, window_start,
                   list(struct_pack(event_id := event_id, date := date, cameo := cameo,
                                    goldstein := goldstein, sentence := sentence,
                                    article_source := article_source, url := url, title := title)
                        ORDER BY abs(goldstein) DESC, date DESC, event_id DESC)[1:?] AS evidence
            FROM distinct_sentences GROUP BY ALL
        )"""
        evidence_params = [3 * evidence, evidence]
        evidence_join = "LEFT JOIN top_evidence ev USING (source, target, window_start)"
        evidence_col = "coalesce(ev.evidence, [])"
    sql = f"""
        WITH {ctes}{chosen},
        counted AS (
            SELECT source, target, {window} AS window_start,
                   count(*) AS units,
                   count(*) FILTER (WHERE quad = 1) AS q1,
                   count(*) FILTER (WHERE quad = 2) AS q2,
                   count(*) FILTER (WHERE quad = 3) AS q3,
                   count(*) FILTER (WHERE quad = 4) AS q4,
                   sum(goldstein) AS goldstein_sum,
                   avg(goldstein) AS goldstein_mean
            FROM units {keep} GROUP BY ALL
        ),
        totals AS (
            SELECT source, target, {window} AS window_start,
                   count(DISTINCT event_id) AS events,
                   count(DISTINCT article_id || '/' || cameo || '/' || date) AS occurrences,
                   count(DISTINCT root || '/' || date) AS collapsed,
                   count(DISTINCT article_id) AS articles
            FROM pairs {keep} GROUP BY ALL
        ){evidence_ctes}
        SELECT c.source, c.target, c.window_start,
               (c.window_start + INTERVAL 1 {bucket} - INTERVAL 1 day)::DATE AS window_end,
               c.units, t.events, t.occurrences,
               t.collapsed, c.q1, c.q2, c.q3, c.q4, c.goldstein_sum, c.goldstein_mean,
               t.articles, {evidence_col} AS evidence
        FROM counted c
        JOIN totals t USING (source, target, window_start)
        {evidence_join}
        ORDER BY c.window_start, c.units DESC, c.source, c.target
    """
    return _arrow(con, sql, [*params, *chosen_params, *evidence_params])


def pair_ties(
    con: duckdb.DuckDBPyConnection, scope: Scope, at: date, half_life: float | None
) -> pa.Table:
    """Undirected signed ties between actors in a window, recency-weighted.

    Each counted unit contributes ``goldstein / 10 * share * 0.5 ** (age_days /
    half_life)`` (no decay when ``half_life`` is None), so cooperation adds positive
    and conflict negative weight. ``share`` is 1 for a report of two parties and
    1 / (k - 1) for each pair of a report in which one party meets k - 1 others
    (seventeen states at one table are not 136 bilateral partnerships). Columns: a,
    b (a < b), weight, positive, negative (both >= 0), units, cooperative (QuadClass
    1-2 units), conflictual (3-4), events, goldstein_mean.
    """
    ctes, params = _units_cte(scope, shares=True)
    decay = "1.0" if half_life is None else "pow(0.5, date_diff('day', date, ?::DATE) / ?)"
    decay_params: list[Any] = [] if half_life is None else [at, float(half_life)]
    sql = f"""
        WITH {ctes},
        w AS (
            SELECT least(source, target) AS a, greatest(source, target) AS b,
                   quad, goldstein, n_events, goldstein / 10.0 * share * {decay} AS contribution
            FROM units
        )
        SELECT a, b,
               sum(contribution) AS weight,
               sum(greatest(contribution, 0)) AS positive,
               sum(greatest(-contribution, 0)) AS negative,
               count(*) AS units,
               count(*) FILTER (WHERE quad <= 2) AS cooperative,
               count(*) FILTER (WHERE quad >= 3) AS conflictual,
               sum(n_events)::BIGINT AS events,
               avg(goldstein) AS goldstein_mean
        FROM w GROUP BY a, b ORDER BY a, b
    """
    return _arrow(con, sql, [*params, *decay_params])


def actor_roles(con: duckdb.DuckDBPyConnection, scope: Scope) -> pa.Table:
    """How often each actor hosted or mediated events in the scope's range and modes.

    Columns: actor, hosted, mediated (counted in the scope's unit: events,
    occurrences, or collapsed units of the same day and CAMEO root).
    """
    scope.validate()
    code = actor_unit_sql("p.actor_code", scope.level, scope.state_agents)
    where = [
        "p.role IN ('host', 'mediator')",
        f"NOT {excluded_sql('p.actor_code', scope.exclude)}",
        "e.date IS NOT NULL",
        "list_contains(?::VARCHAR[], e.mode)",
    ]
    params: list[Any] = [list(scope.modes)]
    if scope.since:
        where.append("e.date >= ?")
        params.append(scope.since)
    if scope.until:
        where.append("e.date <= ?")
        params.append(scope.until)
    key = {
        "event": "e.id",
        "occurrence": "e.article_id || '/' || e.cameo || '/' || e.date",
        "collapsed": "e.root || '/' || e.date",
    }[scope.unit]
    sql = f"""
        SELECT {code} AS actor,
               count(DISTINCT {key}) FILTER (WHERE p.role = 'host') AS hosted,
               count(DISTINCT {key}) FILTER (WHERE p.role = 'mediator') AS mediated
        FROM participants p JOIN events e ON e.id = p.event_id
        WHERE {" AND ".join(where)}
        GROUP BY ALL ORDER BY actor
    """
    return _arrow(con, sql, params)


def period_pair_counts(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    before: tuple[date, date],
    after: tuple[date, date],
) -> tuple[pa.Table, dict[int, int]]:
    """Cooperative and conflictual unit counts of every undirected pair in two periods.

    A unit is cooperative when its QuadClass is 1 or 2 and its Goldstein value is
    positive, conflictual when its QuadClass is 3 or 4. Neutral units (a plain
    statement, Goldstein 0) count towards ``n`` but towards neither side.

    Returns:
        A table with columns a, b, coop1, conf1, n1, gold1, articles1, coop2, conf2,
        n2, gold2, articles2 (period 1 = before, 2 = after; gold = mean Goldstein),
        and the total units of all pairs in each period ``{1: N1, 2: N2}``.
    """
    ctes, params = _units_cte(scope)
    period = "CASE WHEN date BETWEEN ? AND ? THEN 1 WHEN date BETWEEN ? AND ? THEN 2 END"
    pparams = [before[0], before[1], after[0], after[1]]
    sql = f"""
        WITH {ctes},
        u AS (
            SELECT least(source, target) AS a, greatest(source, target) AS b, quad, goldstein,
                   {period} AS period
            FROM units
        ),
        arts AS (
            SELECT least(source, target) AS a, greatest(source, target) AS b,
                   count(DISTINCT article_id) FILTER (WHERE period = 1) AS articles1,
                   count(DISTINCT article_id) FILTER (WHERE period = 2) AS articles2
            FROM (SELECT *, {period} AS period FROM pairs)
            WHERE period IS NOT NULL
            GROUP BY ALL
        ),
        counts AS (
            SELECT a, b,
                   count(*) FILTER (WHERE period = 1 AND quad <= 2 AND goldstein > 0) AS coop1,
                   count(*) FILTER (WHERE period = 1 AND quad >= 3) AS conf1,
                   count(*) FILTER (WHERE period = 1) AS n1,
                   avg(goldstein) FILTER (WHERE period = 1) AS gold1,
                   count(*) FILTER (WHERE period = 2 AND quad <= 2 AND goldstein > 0) AS coop2,
                   count(*) FILTER (WHERE period = 2 AND quad >= 3) AS conf2,
                   count(*) FILTER (WHERE period = 2) AS n2,
                   avg(goldstein) FILTER (WHERE period = 2) AS gold2
            FROM u WHERE period IS NOT NULL
            GROUP BY ALL
        )
        SELECT c.a, c.b, c.coop1, c.conf1, c.n1, c.gold1, arts.articles1,
               c.coop2, c.conf2, c.n2, c.gold2, arts.articles2
        FROM counts c JOIN arts USING (a, b)
        ORDER BY c.a, c.b
    """
    table = _arrow(con, sql, [*params, *pparams, *pparams])
    # Every unit belongs to exactly one pair, so the period totals are column sums.
    totals = {
        1: int(pa.compute.sum(table.column("n1")).as_py() or 0),
        2: int(pa.compute.sum(table.column("n2")).as_py() or 0),
    }
    return table, totals


def pair_evidence(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    pairs: Sequence[tuple[str, str]],
    k: int,
    periods: Sequence[tuple[date, date]] = (),
) -> pa.Table:
    """The strongest reports for some undirected pairs, per period and side, in one scan.

    Args:
        con: an open connection.
        scope: which dyads count (its date range should cover ``periods``).
        pairs: (a, b) pairs with a < b.
        k: reports to keep per pair, period and side.
        periods: inclusive date ranges; reports are labelled with the index of theirs
            (reports outside every period are dropped). Empty: one period, index 0.

    Returns:
        Columns a, b, period, side ('cooperative' or 'conflictual'), evidence (list of up
        to ``k`` structs: event_id, date, source, target, cameo, goldstein, sentence,
        article_source, url; largest absolute Goldstein value first, one per sentence).
    """
    if not pairs or k < 1:
        return pa.table({"a": pa.array([], pa.string())})
    ctes, params = _units_cte(scope)
    if periods:
        period = (
            "CASE "
            + " ".join(f"WHEN p.date BETWEEN ? AND ? THEN {i}" for i in range(len(periods)))
            + " END"
        )
        period_params: list[Any] = [d for span in periods for d in span]
    else:
        period, period_params = "0", []
    wanted = pa.table({"a": [p[0] for p in pairs], "b": [p[1] for p in pairs]})
    con.register("_wanted_pairs", wanted)
    try:
        sql = f"""
            WITH {ctes},
            hits AS (
                SELECT least(p.source, p.target) AS a, greatest(p.source, p.target) AS b,
                       {period} AS period,
                       CASE WHEN p.quad <= 2 THEN 'cooperative' ELSE 'conflictual' END AS side,
                       p.event_id, p.date, p.source, p.target, p.cameo, p.goldstein, p.article_id
                FROM pairs p
                JOIN _wanted_pairs w
                  ON w.a = least(p.source, p.target) AND w.b = greatest(p.source, p.target)
            ),
            candidate_lists AS (
                SELECT a, b, period, side,
                       max_by(event_id, struct_pack(g := abs(goldstein), d := date, e := event_id), ?)
                           AS ids
                FROM hits WHERE period IS NOT NULL
                GROUP BY ALL
            ),
            candidates AS (
                SELECT a, b, period, side, unnest(ids) AS event_id FROM candidate_lists
            ),
            dedup AS (
                SELECT c.a, c.b, c.period, c.side, h.event_id, h.date, h.source, h.target, h.cameo,
                       h.goldstein, e.sentence, ar.source AS article_source, ar.url
                FROM candidates c
                JOIN hits h USING (a, b, period, side, event_id)
                JOIN events e ON e.id = c.event_id
                LEFT JOIN articles ar ON ar.id = h.article_id
                QUALIFY row_number() OVER (
                    PARTITION BY c.a, c.b, c.period, e.sentence ORDER BY e.confidence DESC, e.id) = 1
            )
            SELECT a, b, period, side,
                   list(struct_pack(event_id := event_id, date := date, source := source,
                                    target := target, cameo := cameo, goldstein := goldstein,
                                    sentence := sentence, article_source := article_source,
                                    url := url)
                        ORDER BY abs(goldstein) DESC, date DESC, event_id DESC)[1:?] AS evidence
            FROM dedup GROUP BY ALL ORDER BY a, b, period, side
        """
        return _arrow(con, sql, [*params, *period_params, 3 * k, k])
    finally:
        con.unregister("_wanted_pairs")


# -- topics: the events of a process and the weight of actors in a conflict ---------------

_RE_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")


def _alternation(items: Sequence[str]) -> str:
    """A regular-expression alternation of literal strings (RE2 syntax)."""
    return "|".join(_RE_SPECIAL.sub(r"\\\1", s) for s in items)


@dataclass(frozen=True, slots=True)
class EventMatch:
    """Which events belong to a topic: date range, codes, and any of actors/keywords/locations.

    Attributes:
        since, until: inclusive date range (None: open).
        codes: CAMEO code prefixes (empty: any code).
        actors: actor-code prefixes of any participant.
        keywords: words or phrases in the sentence (whole words, any case).
        locations: event locations (whole value, any case).
        modes: event modes that count.
        by_article: an event with one of the codes also belongs when another event
            of its article with one of ``article_codes`` (default: the codes), in one of
            the modes (or negated), matches the actors, keywords or locations: the
            article is about the topic ("The United States did not send a delegation to
            Moscow" in a report on the Syria talks there).
        article_codes: the codes of the events that make an article part of the topic
            (e.g. meetings only: a pledge that mentions Syria in a report on a state
            visit does not make the visit part of the Syria talks).
    """

    since: date | None = None
    until: date | None = None
    codes: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    modes: tuple[str, ...] = ("asserted",)
    by_article: bool = False
    article_codes: tuple[str, ...] = ()

    def _base(self, alias: str, codes: Sequence[str]) -> tuple[list[str], list[Any]]:
        """Date range and codes."""
        clauses = [f"{alias}.date IS NOT NULL"]
        params: list[Any] = []
        if self.since:
            clauses.append(f"{alias}.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.date <= ?")
            params.append(self.until)
        if codes:
            clauses.append(f"regexp_matches({alias}.cameo, ?)")
            params.append(f"^({_alternation(codes)})")
        return clauses, params

    def _any_of(self, alias: str) -> tuple[list[str], list[Any]]:
        """Actors, keywords, locations: any of them."""
        any_of: list[str] = []
        params: list[Any] = []
        if self.actors:
            any_of.append(
                f"{alias}.id IN (SELECT event_id FROM participants WHERE regexp_matches(actor_code, ?))"
            )
            params.append(f"^({_alternation(self.actors)})")
        if self.keywords:
            any_of.append(f"regexp_matches({alias}.sentence, ?)")
            params.append(f"(?i)\\b({_alternation(self.keywords)})\\b")
        if self.locations:
            any_of.append(f"regexp_matches(coalesce({alias}.location, ''), ?)")
            params.append(f"(?i)^\\s*({_alternation(self.locations)})\\s*$")
        return any_of, params

    def where(self, alias: str = "e", codes: Sequence[str] | None = None) -> tuple[str, list[Any]]:
        """The WHERE conditions (and parameters) selecting these events from ``events``."""
        wanted = self.codes if codes is None else codes
        clauses, params = self._base(alias, wanted)
        any_of, any_params = self._any_of(alias)
        if any_of and self.by_article:
            inner, inner_params = self._base("ctx", self.article_codes or wanted)
            ctx_any, ctx_params = self._any_of("ctx")
            # Only what the article reports as news (or as not happening) makes it part of
            # the process: a recalled earlier meeting or a planned one does not.
            ctx_modes = list(dict.fromkeys([*self.modes, "negated"]))
            inner.append(f"ctx.mode IN ({', '.join('?' for _ in ctx_modes)})")
            inner_params = inner_params + ctx_modes
            any_of.append(
                f"{alias}.article_id IN (SELECT ctx.article_id FROM events ctx "
                f"WHERE {' AND '.join(inner)} AND ({' OR '.join(ctx_any)}))"
            )
            any_params += inner_params + ctx_params
        if any_of:
            clauses.append("(" + " OR ".join(any_of) + ")")
            params += any_params
        return " AND ".join(clauses), params


def process_events(
    con: duckdb.DuckDBPyConnection,
    match: EventMatch,
    refusal_codes: Sequence[str],
    level: Level,
    state_agents: Sequence[str] = ("GOV",),
    exclude: Sequence[str] = (),
) -> pa.Table:
    """The events of a process, one row each, with the actors in each role.

    An event is a *meeting* (one of ``match.codes``, in one of ``match.modes``), a
    *negated* meeting ("did not attend"), or a *refusal* (one of ``refusal_codes``,
    in one of ``match.modes``). Actors are counted at ``level`` (see
    :func:`stakeholder_unit_sql`); participants whose code starts with one of ``exclude``
    are left out of the role lists. Columns: id, date, cameo, mode, kind, location,
    goldstein, sentence, sentence_index, confidence, article_id, article_source,
    url, and lists of actor codes: hosts, mediators, sources, targets, joint (role
    participant), absent.
    """
    code = stakeholder_unit_sql("p", level, state_agents)
    where, params = match.where("e", codes=[*match.codes, *refusal_codes])
    refusal = (
        f"regexp_matches(e.cameo, '^({_alternation(refusal_codes)})')" if refusal_codes else "FALSE"
    )
    sql = f"""
        WITH cand AS (
            SELECT e.*,
                   CASE WHEN {refusal} THEN 'refusal'
                        WHEN e.mode = 'negated' THEN 'negated'
                        ELSE 'meeting' END AS kind
            FROM events e
            WHERE {where}
        ),
        chosen AS (
            SELECT * FROM cand
            WHERE (kind = 'refusal' AND list_contains(?::VARCHAR[], mode))
               OR (kind = 'meeting' AND list_contains(?::VARCHAR[], mode))
               OR kind = 'negated'
        ),
        roles AS (
            SELECT p.event_id, {code} AS actor, p.role
            FROM participants p JOIN chosen c ON c.id = p.event_id
            WHERE NOT {excluded_sql("p.actor_code", exclude)}
        )
        SELECT c.id, c.date, c.cameo, c.mode, c.kind, c.location, c.goldstein, c.sentence,
               c.sentence_index, c.confidence, c.article_id, a.source AS article_source, a.url,
               coalesce(list(DISTINCT r.actor ORDER BY r.actor) FILTER (WHERE r.role = 'host'), []) AS hosts,
               coalesce(list(DISTINCT r.actor ORDER BY r.actor) FILTER (WHERE r.role = 'mediator'), []) AS mediators,
               coalesce(list(DISTINCT r.actor ORDER BY r.actor) FILTER (WHERE r.role = 'source'), []) AS sources,
               coalesce(list(DISTINCT r.actor ORDER BY r.actor) FILTER (WHERE r.role = 'target'), []) AS targets,
               coalesce(list(DISTINCT r.actor ORDER BY r.actor) FILTER (WHERE r.role = 'participant'), []) AS joint,
               coalesce(list(DISTINCT r.actor ORDER BY r.actor) FILTER (WHERE r.role = 'absent'), []) AS absent
        FROM chosen c
        LEFT JOIN roles r ON r.event_id = c.id
        LEFT JOIN articles a ON a.id = c.article_id
        GROUP BY ALL
        ORDER BY c.date, c.article_id, c.sentence_index, c.id
    """
    return _arrow(con, sql, [*params, list(match.modes), list(match.modes)])


def theatre_weights(
    con: duckdb.DuckDBPyConnection,
    match: EventMatch,
    level: Level,
    material_weight: float,
    state_agents: Sequence[str] = ("GOV",),
    exclude: Sequence[str] = (),
    exclude_codes: Sequence[str] = (),
    exclude_ids: Sequence[str] = (),
) -> pa.Table:
    """How much each actor figures in a conflict: its occurrences in the theatre's events.

    Occurrences count an event once per article (same article, code and day);
    absent participants do not count, nor do places (a state named by the city where
    something happened: "talks in Geneva" make Switzerland no actor of the war), nor
    participants whose code starts with
    one of ``exclude``, whose code is one of ``exclude_codes`` or whose
    knowledge-base id is one of ``exclude_ids``. Columns: actor, events,
    occurrences, material_conflict (QuadClass 4 occurrences), conflictual (3-4),
    cooperative (1-2), importance = occurrences + (material_weight - 1) *
    material_conflict; most important first.
    """
    code = stakeholder_unit_sql("p", level, state_agents)
    where, params = match.where("e")
    sql = f"""
        WITH th AS (
            SELECT e.id, e.quad, e.article_id || '/' || e.cameo || '/' || e.date AS occurrence
            FROM events e
            WHERE {where} AND list_contains(?::VARCHAR[], e.mode)
        ),
        counted AS (
            SELECT {code} AS actor,
                   count(DISTINCT th.id) AS events,
                   count(DISTINCT th.occurrence) AS occurrences,
                   count(DISTINCT th.occurrence) FILTER (WHERE th.quad = 4) AS material_conflict,
                   count(DISTINCT th.occurrence) FILTER (WHERE th.quad >= 3) AS conflictual,
                   count(DISTINCT th.occurrence) FILTER (WHERE th.quad <= 2) AS cooperative
            FROM th JOIN participants p ON p.event_id = th.id
            WHERE p.role <> 'absent' AND p.kind <> 'place'
              AND NOT {excluded_sql("p.actor_code", exclude)}
              AND NOT list_contains(?::VARCHAR[], p.actor_code)
              AND NOT list_contains(?::VARCHAR[], coalesce(p.kb_id, ''))
            GROUP BY ALL
        )
        SELECT *, occurrences + (? - 1.0) * material_conflict AS importance
        FROM counted
        ORDER BY importance DESC, actor
    """
    return _arrow(
        con,
        sql,
        [
            *params,
            list(match.modes),
            list(exclude_codes),
            list(exclude_ids),
            float(material_weight),
        ],
    )


def place_countries(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """What the actor resolver made of place names: ``{"moscow": "RUS", "geneva": "CHE"}``.

    Read from the stored participants that stand for a place (kind ``place``, or a
    state named by its capital), so a meeting's location can be matched to the
    country of its host. Keys are lower case; a name seen with several countries
    keeps the most frequent.
    """
    rows = con.execute(
        f"""
        SELECT lower(trim(text)) AS name, {rollup_sql("actor_code")} AS country, count(*) AS n
        FROM participants
        WHERE kind = 'place'
        GROUP BY ALL
        ORDER BY name, n DESC, country
        """
    ).fetchall()
    found: dict[str, str] = {}
    for name, country, _ in rows:
        found.setdefault(name, country)
    return found
