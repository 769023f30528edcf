"""Dyads over time: per ordered pair and calendar window, what happened between them.

Example:
    >>> from entente.store import Store
    >>> with Store.open("entente.duckdb", read_only=True) as store:  # doctest: +SKIP
    ...     rows = dyads(store, actor="RUS", window="month")
    ...     print(rows[0].source, rows[0].target, rows[0].q1, rows[0].goldstein_sum)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

import pyarrow as pa

from entente.analysis.common import DEFAULT_MODES, jsonable, make_scope
from entente.errors import QueryError
from entente.store import Store
from entente.store.analysis_sql import BUCKETS, dyad_windows


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One report behind a number: the sentence, its event and where it was published."""

    event_id: str
    date: date | None
    cameo: str
    goldstein: float
    sentence: str
    article_source: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    target: str | None = None


@dataclass(frozen=True, slots=True)
class DyadWindow:
    """What one actor did to another in one calendar window.

    Attributes:
        source, target: actor codes (country units at ``level="country"``).
        window_start, window_end: the calendar window (both ends included).
        units: counted items of the chosen unit (see ``entente.store.analysis_sql``).
        events, occurrences, collapsed: the three counts, always reported together.
        q1, q2, q3, q4: units per QuadClass (verbal/material cooperation, verbal/material conflict).
        goldstein_sum: sum of the units' Goldstein values (the weighted score).
        goldstein_mean: their mean (-10 conflictual .. +10 cooperative).
        articles: distinct articles reporting the pair in the window.
        evidence: the strongest reports (largest absolute Goldstein value first).
    """

    source: str
    target: str
    window_start: date
    window_end: date
    units: int
    events: int
    occurrences: int
    collapsed: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_sum: float
    goldstein_mean: float
    articles: int
    evidence: tuple[EvidenceItem, ...]

    @property
    def cooperative(self) -> int:
        """Units of QuadClass 1 or 2."""
        return self.q1 + self.q2

    @property
    def conflictual(self) -> int:
        """Units of QuadClass 3 or 4."""
        return self.q3 + self.q4

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return jsonable(asdict(self))


def window_end(start: date, bucket: str) -> date:
    """The last day of the calendar window of kind ``bucket`` that starts on ``start``."""
    if bucket == "week":
        return start + timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}[bucket]
    y, m = divmod(start.month - 1 + months, 12)
    return date(start.year + y, m + 1, 1) - timedelta(days=1)


def dyads_table(
    store: Store,
    actor: str | None = None,
    window: str = "month",
    since: date | None = None,
    until: date | None = None,
    level: str = "country",
    unit: str = "collapsed",
    modes: Sequence[str] = DEFAULT_MODES,
    evidence: int = 3,
    top_pairs: int | None = None,
) -> pa.Table:
    """Dyad time series as an Arrow table (the fast form for large stores; see :func:`dyads`).

    Columns are the fields of :class:`DyadWindow`, ``evidence`` a list of structs.

    Raises:
        QueryError: an unknown window, level or unit, or a bad range.
    """
    if window not in BUCKETS:
        raise QueryError(f"unknown window {window!r}; use one of {', '.join(BUCKETS)}")
    if evidence < 0:
        raise QueryError(f"evidence must be 0 or more, not {evidence}")
    if top_pairs is not None and top_pairs < 1:
        raise QueryError(f"top_pairs must be 1 or more, not {top_pairs}")
    scope = make_scope(level, unit, modes, since, until, actor)
    with store.connection() as con:
        return dyad_windows(con, scope, window, evidence, top_pairs)  # type: ignore[arg-type]


def dyads(
    store: Store,
    actor: str | None = None,
    window: str = "month",
    since: date | None = None,
    until: date | None = None,
    level: str = "country",
    unit: str = "collapsed",
    modes: Sequence[str] = DEFAULT_MODES,
    evidence: int = 3,
    top_pairs: int | None = None,
) -> list[DyadWindow]:
    """Dyad time series: per ordered pair and window, counts by QuadClass and Goldstein score.

    Args:
        store: an open event store.
        actor: only pairs with a side whose code starts with this (``RUS``).
        window: week, month, quarter or year (calendar windows).
        since, until: inclusive date range.
        level: ``country`` rolls codes up (RUSGOV, RUSMIL -> RUS), ``actor`` keeps them.
        unit: what is counted: event, occurrence or collapsed (the default).
        modes: event modes that count.
        evidence: how many evidence sentences to keep per pair and window.
        top_pairs: keep only the series of the pairs with the most units (all if None).

    Returns:
        Rows ordered by window, then by units (most active first).

    Raises:
        QueryError: an unknown window, level or unit, or a bad range.
    """
    table = dyads_table(store, actor, window, since, until, level, unit, modes, evidence, top_pairs)
    rows: list[DyadWindow] = []
    for r in table.to_pylist():
        r["evidence"] = tuple(EvidenceItem(**e) for e in r["evidence"])
        rows.append(DyadWindow(**r))
    return rows


def top_dyads(rows: Sequence[DyadWindow], n: int = 10) -> list[dict[str, Any]]:
    """Totals per ordered pair over all windows, most active first (for summaries).

    Each entry: source, target, units, events, cooperative, conflictual, goldstein_sum.
    """
    totals: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        t = totals.setdefault(
            (r.source, r.target),
            {"source": r.source, "target": r.target, "units": 0, "events": 0,
             "cooperative": 0, "conflictual": 0, "goldstein_sum": 0.0},
        )  # fmt: skip
        t["units"] += r.units
        t["events"] += r.events
        t["cooperative"] += r.cooperative
        t["conflictual"] += r.conflictual
        t["goldstein_sum"] += r.goldstein_sum
    ranked = sorted(totals.values(), key=lambda t: (-t["units"], t["source"], t["target"]))
    return ranked[:n]
