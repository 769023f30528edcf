"""What each page of the report and the dashboard shows, as plain JSON-ready dicts.

One function per page. The dashboard renders a page's dict with its template and
returns the very same dict from the page's JSON twin (``/api/...``); the HTML
report is put together from several of them. Everything is read through the
store's query functions and :mod:`entente.analysis`; no SQL here.

Example:
    >>> from entente.store import Store
    >>> with Store.open("entente.duckdb", read_only=True) as store:  # doctest: +SKIP
    ...     page = dyad_view(store, "RUS", "EGY")
    ...     print(page["totals"]["cooperative"], page["evidence"][0]["sentence"])
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import igraph as ig
import pyarrow as pa

from entente.analysis import (
    DyadWindow,
    EvidenceItem,
    Topic,
    alignment_network,
    dyads,
    find_blocs,
    list_topics,
    load_topic,
    shifts,
    stakeholders,
)
from entente.analysis.common import jsonable, parse_span
from entente.analysis.dyads import window_end
from entente.errors import EntenteError, QueryError
from entente.store import Store, rollup_code
from entente.types import MODES

LEVELS = ("country", "state", "actor")
WINDOWS = ("week", "month", "quarter", "year")
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# Event search fetches at most this many rows from the store before a text filter.


_LAYOUT_LOCK = threading.Lock()


class NotFoundError(QueryError):
    """A page asked about something the store does not hold (an actor, a pair, an event, a date)."""


# -- small shared pieces ------------------------------------------------------------------


@lru_cache(maxsize=512)
def cameo_name(code: str) -> str:
    """The name of a CAMEO event code ("042" -> "Make a visit"), or "" if it is not one."""
    from entente.coding import cameo  # the ontology is data; load it only when names are shown

    try:
        return cameo(code)[0]
    except EntenteError:
        return ""


def level_code(code: str, level: str) -> str:
    """An actor code as counted at ``level`` (``RUSGOV`` is ``RUS`` at the country level)."""
    return (rollup_code(code) or code) if level == "country" else code


def check_level(level: str) -> str:
    """Check an actor level name.

    Raises:
        QueryError: not ``country``, ``state`` or ``actor``.
    """
    if level not in LEVELS:
        raise QueryError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    return level


def store_range(store: Store) -> tuple[date | None, date | None]:
    """The first and last event dates in the store (None, None when it holds no dated event)."""
    s = store.summary(top=0)
    return s.first_date, s.last_date


def _range_text(first: date | None, last: date | None) -> str:
    return f"{first} .. {last}" if first and last else "no dated events"


def evidence_from_item(item: EvidenceItem | dict[str, Any]) -> dict[str, Any]:
    """An analysis evidence item as the evidence dict every page uses."""
    d = jsonable(item if isinstance(item, dict) else _asdict(item))
    return {
        "event_id": d.get("event_id"),
        "date": d.get("date"),
        "cameo": d.get("cameo"),
        "cameo_name": cameo_name(d["cameo"]) if d.get("cameo") else "",
        "goldstein": d.get("goldstein"),
        "sentence": d.get("sentence") or "",
        "article_source": d.get("article_source"),
        "title": d.get("title"),
        "url": d.get("url"),
        "mode": d.get("mode", "asserted"),
        "pairs": [f"{d['source']} → {d['target']}"] if d.get("source") and d.get("target") else [],
    }


def _asdict(item: EvidenceItem) -> dict[str, Any]:
    return {f: getattr(item, f) for f in EvidenceItem.__slots__}


def evidence_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row of ``Store.events`` as the evidence dict every page uses (with its pairs)."""
    pairs = [f"{d['source'] or '?'} → {d['target'] or '?'}" for d in row.get("dyads") or []] or [
        f"{p['code']} ({p['role']})" for p in row.get("participants") or []
    ]
    return {
        "event_id": row["id"],
        "date": row["date"].isoformat() if row.get("date") else None,
        "cameo": row["cameo"],
        "cameo_name": cameo_name(row["cameo"]),
        "goldstein": row["goldstein"],
        "quad": row["quad"],
        "sentence": row["sentence"],
        "article_source": row.get("article_source"),
        "title": row.get("title"),
        "url": row.get("url"),
        "mode": row["mode"],
        "pairs": pairs,
    }


def _strongest(items: Iterable[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """The ``n`` items with the largest absolute Goldstein value, one per sentence."""
    seen: set[str] = set()
    out = []
    ranked = sorted(
        items, key=lambda e: (-abs(e["goldstein"] or 0.0), e["date"] or "", e["event_id"] or "")
    )
    for e in ranked:
        if e["sentence"] in seen:
            continue
        seen.add(e["sentence"])
        out.append(e)
        if len(out) == n:
            break
    return out


def full_span(first: date, last: date) -> int:
    """Days from ``first`` to ``last``, both included (a window covering the whole store)."""
    return (last - first).days + 1


# -- overview -----------------------------------------------------------------------------


def overview(store: Store, top: int = 12) -> dict[str, Any]:
    """The overview page: what the store holds, the most active pairs and actors.

    Example:
        >>> overview(store)["store"]["events"]  # doctest: +SKIP
        520
    """
    s = store.summary(top=top)
    page: dict[str, Any] = {
        "store": {
            "path": str(store.path),
            "articles": s.articles,
            "sentences": s.sentences,
            "events": s.events,
            "failures": s.failures,
            "first_date": s.first_date,
            "last_date": s.last_date,
            "events_by_quad": {
                str(q): {"name": QUAD_NAMES[q], "events": s.events_by_quad.get(q, 0)}
                for q in QUAD_NAMES
            },
            "failure_reasons": [{"reason": r, "count": n} for r, n in s.failure_reasons[:10]],
        },
        "pairs": [],
        "actors": [],
        "topics": list_topics(),
    }
    if s.first_date is None or s.last_date is None:
        return jsonable(page)
    rows = dyads(store, window="year", evidence=1)
    page["pairs"] = [
        {**p, "evidence": [evidence_from_item(e) for e in p.pop("evidence")]}
        for p in undirected_totals(rows, n=top)
    ]
    net = alignment_network(
        store, at=s.last_date, window=full_span(s.first_date, s.last_date), half_life=None
    )
    ranked = sorted(net.nodes, key=lambda n: (-n.units, n.code))[:top]
    page["actors"] = [
        {"code": n.code, "units": n.units, "partners": n.partners, "pagerank": n.pagerank,
         "hosted": n.hosted, "mediated": n.mediated}
        for n in ranked
    ]  # fmt: skip
    return jsonable(page)


def undirected_totals(rows: Sequence[DyadWindow], n: int | None = None) -> list[dict[str, Any]]:
    """Totals per unordered pair over all windows (both directions), most active first.

    Each entry: a, b (a < b), units, events, cooperative, conflictual, goldstein_sum,
    q1..q4, and ``evidence`` (the pair's strongest analysis evidence items).
    """
    totals: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        a, b = sorted((r.source, r.target))
        t = totals.setdefault(
            (a, b),
            {"a": a, "b": b, "units": 0, "events": 0, "cooperative": 0, "conflictual": 0,
             "goldstein_sum": 0.0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "evidence": []},
        )  # fmt: skip
        for k in ("units", "events", "q1", "q2", "q3", "q4"):
            t[k] += getattr(r, k)
        t["cooperative"] += r.cooperative
        t["conflictual"] += r.conflictual
        t["goldstein_sum"] += r.goldstein_sum
        t["evidence"].extend(r.evidence)
    ranked = sorted(totals.values(), key=lambda t: (-t["units"], t["a"], t["b"]))
    for t in ranked:
        t["goldstein_sum"] = round(t["goldstein_sum"], 3)
        t["evidence"].sort(key=lambda e: (-abs(e.goldstein), str(e.date), e.event_id))
    return ranked[:n] if n is not None else ranked


# -- actor --------------------------------------------------------------------------------


def _actor_names(store: Store, code: str, level: str) -> list[str]:
    """The name the store gives the actor (at the country level, the country's own name)."""
    names = store.actor_names([code])
    return [names[code]] if code in names else []


def actor_view(
    store: Store,
    code: str,
    level: str = "country",
    window: str = "month",
    since: date | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    """The actor page: its partners (net cooperative) and rivals (net conflictual) over time.

    Args:
        store: an open event store.
        code: the actor code (``RUS``; at ``level="country"`` ``RUSGOV`` counts as ``RUS``).
        level: ``country`` or ``actor``.
        window: calendar window of the series (week, month, quarter, year).
        since, until: inclusive date range.

    Raises:
        NotFoundError: no event in the store involves the actor.
        QueryError: a bad level, window or range.
    """
    check_level(level)
    focal = level_code(code, level)
    rows = [
        r
        for r in dyads(
            store, actor=focal, window=window, since=since, until=until, level=level, evidence=2
        )  # fmt: skip
        if focal in (r.source, r.target) and r.source != r.target
    ]
    names = _actor_names(store, focal, level)
    if not rows and store.events(actor=focal, limit=1).num_rows == 0:
        first, last = store_range(store)
        raise NotFoundError(
            f"no events involve the actor {code!r} in this store ({_range_text(first, last)}). "
            "Actor codes are CAMEO codes such as RUS, USAGOV or IGOUNO; the overview page "
            "lists the actors the store holds."
        )
    partners: dict[str, dict[str, Any]] = {}
    for r in rows:
        other = r.target if r.source == focal else r.source
        p = partners.setdefault(
            other,
            {"code": other, "units": 0, "cooperative": 0, "conflictual": 0, "goldstein_sum": 0.0,
             "outgoing": 0, "incoming": 0, "series": {}, "evidence": []},
        )  # fmt: skip
        p["units"] += r.units
        p["cooperative"] += r.cooperative
        p["conflictual"] += r.conflictual
        p["goldstein_sum"] += r.goldstein_sum
        p["outgoing" if r.source == focal else "incoming"] += r.units
        key = r.window_start.isoformat()
        point = p["series"].setdefault(
            key, {"window": key, "units": 0, "cooperative": 0, "conflictual": 0,
                  "goldstein_sum": 0.0},
        )  # fmt: skip
        point["units"] += r.units
        point["cooperative"] += r.cooperative
        point["conflictual"] += r.conflictual
        point["goldstein_sum"] += r.goldstein_sum
        p["evidence"].extend(evidence_from_item(e) for e in r.evidence)
    out = []
    for p in partners.values():
        p["goldstein_sum"] = round(p["goldstein_sum"], 3)
        p["series"] = [
            {**pt, "goldstein_sum": round(pt["goldstein_sum"], 3)}
            for pt in sorted(p["series"].values(), key=lambda pt: pt["window"])
        ]
        p["evidence"] = _strongest(p["evidence"], 3)
        p["relation"] = (
            "partner" if p["goldstein_sum"] > 0 else "rival" if p["goldstein_sum"] < 0 else "mixed"
        )
        out.append(p)
    out.sort(key=lambda p: (-p["units"], p["code"]))
    windows = sorted({r.window_start.isoformat() for r in rows})
    return jsonable(
        {
            "code": focal,
            "asked": code,
            "names": names,
            "level": level,
            "window": window,
            "since": since,
            "until": until,
            "windows": windows,
            "partners": [p for p in out if p["relation"] == "partner"],
            "rivals": [p for p in out if p["relation"] == "rival"],
            "mixed": [p for p in out if p["relation"] == "mixed"],
            "counterparts": out,
        }
    )


# -- dyad ---------------------------------------------------------------------------------


def _pair_rows(table: pa.Table, a: str, b: str, level: str) -> list[dict[str, Any]]:
    """Rows of ``Store.events`` that have a directed pair a->b or b->a at ``level``."""
    keep = []
    for row in table.to_pylist():
        for d in row["dyads"]:
            s, t = d["source"], d["target"]
            if s is None or t is None:
                continue
            pair = (level_code(s, level), level_code(t, level))
            if pair in ((a, b), (b, a)):
                keep.append(row)
                break
    return keep


def dyad_view(
    store: Store,
    a: str,
    b: str,
    level: str = "country",
    window: str = "month",
    since: date | None = None,
    until: date | None = None,
    limit: int = 100,
) -> dict[str, Any]:
    """The dyad page: the pair's timeline both ways (QuadClass counts, Goldstein) and its evidence.

    Counts follow the analysis defaults (asserted events, collapsed units); the
    evidence lists every stored report of the pair, negated and future ones too,
    each marked with its mode.

    Raises:
        NotFoundError: the store holds no event between the two actors.
        QueryError: a bad level, window or range, or the same actor twice.
    """
    check_level(level)
    a, b = level_code(a, level), level_code(b, level)
    if a == b:
        raise QueryError(f"a dyad needs two different actors, not {a!r} twice")
    rows = [
        r
        for r in dyads(
            store, actor=a, window=window, since=since, until=until, level=level, evidence=0
        )  # fmt: skip
        if {r.source, r.target} == {a, b}
    ]
    found = pa.concat_tables(
        [
            store.events(dyad=(a, b), since=since, until=until),
            store.events(dyad=(b, a), since=since, until=until),
        ]
    )
    evidence_rows = _pair_rows(found, a, b, level)
    if not rows and not evidence_rows:
        first, last = store_range(store)
        raise NotFoundError(
            f"no events between {a!r} and {b!r} in this store"
            f"{' in that date range' if since or until else ''} ({_range_text(first, last)}). "
            "Open an actor's page to see the pairs it takes part in."
        )
    unique: dict[str, dict[str, Any]] = {}
    for row in evidence_rows:
        unique.setdefault(row["id"], evidence_from_row(row))
    evidence = sorted(unique.values(), key=lambda e: (e["date"] or "", e["event_id"]))
    series: dict[str, dict[str, Any]] = {}
    for r in rows:
        key = r.window_start.isoformat()
        point = series.setdefault(
            key,
            {"window": key, "window_end": r.window_end.isoformat(), "units": 0, "q1": 0, "q2": 0,
             "q3": 0, "q4": 0, "goldstein_sum": 0.0, "a_to_b": 0, "b_to_a": 0,
             "a_to_b_goldstein": 0.0, "b_to_a_goldstein": 0.0},
        )  # fmt: skip
        for k in ("units", "q1", "q2", "q3", "q4"):
            point[k] += getattr(r, k)
        point["goldstein_sum"] += r.goldstein_sum
        side = "a_to_b" if r.source == a else "b_to_a"
        point[side] += r.units
        point[f"{side}_goldstein"] += r.goldstein_sum
    timeline = _fill_windows(series, window)
    for p in timeline:
        for k in ("goldstein_sum", "a_to_b_goldstein", "b_to_a_goldstein"):
            p[k] = round(p[k], 3)
    totals = {k: sum(p[k] for p in timeline) for k in ("units", "q1", "q2", "q3", "q4")}
    totals["cooperative"] = totals["q1"] + totals["q2"]
    totals["conflictual"] = totals["q3"] + totals["q4"]
    totals["goldstein_sum"] = round(sum(p["goldstein_sum"] for p in timeline), 3)
    return jsonable(
        {
            "a": a,
            "b": b,
            "level": level,
            "window": window,
            "since": since,
            "until": until,
            "timeline": timeline,
            "totals": totals,
            "evidence": evidence[:limit],
            "evidence_total": len(evidence),
        }
    )


def _fill_windows(series: dict[str, dict[str, Any]], window: str) -> list[dict[str, Any]]:
    """The series with every window between the first and the last, empty ones as zeros.

    A window without events is a real zero (nothing reported), and drawing it keeps
    a line from bridging months in which nothing happened.
    """
    if not series:
        return []
    keys = sorted(series)
    start, last = date.fromisoformat(keys[0]), date.fromisoformat(keys[-1])
    out = []
    while start <= last:
        end = window_end(start, window)
        key = start.isoformat()
        out.append(
            series.get(key)
            or {"window": key, "window_end": end.isoformat(), "units": 0, "q1": 0, "q2": 0,
                "q3": 0, "q4": 0, "goldstein_sum": 0.0, "a_to_b": 0, "b_to_a": 0,
                "a_to_b_goldstein": 0.0, "b_to_a_goldstein": 0.0}
        )  # fmt: skip
        start = end + timedelta(days=1)
    return out


# -- network ------------------------------------------------------------------------------


def _layout(
    codes: list[str], ties: list[dict[str, Any]], bloc_of: dict[str, int]
) -> list[tuple[float, float]]:
    """Deterministic 2-D positions: cooperation and shared blocs pull actors together."""
    n = len(codes)
    if n == 0:
        return []
    if n == 1:
        return [(0.0, 0.0)]
    index = {c: i for i, c in enumerate(codes)}
    edges, weights = [], []
    for t in ties:
        edges.append((index[t["a"]], index[t["b"]]))
        same = bloc_of.get(t["a"]) is not None and bloc_of.get(t["a"]) == bloc_of.get(t["b"])
        weights.append(0.2 + max(t["positive"], 0.0) + (1.5 if same else 0.0))
    g = ig.Graph(n=n, edges=edges)
    # Start from a circle (ordered by bloc), so the same network always gets the same picture.
    order = sorted(range(n), key=lambda i: (bloc_of.get(codes[i], 10_000), codes[i]))
    start = [[0.0, 0.0] for _ in range(n)]
    for k, i in enumerate(order):
        angle = 2 * math.pi * k / n
        start[i] = [math.cos(angle), math.sin(angle)]
    # Fruchterman-Reingold draws random moves: run it on a seeded generator (and put the
    # shared one back), so that the same network always gets the same picture.
    with _LAYOUT_LOCK:
        ig.set_random_number_generator(random.Random(0))
        try:
            layout = g.layout_fruchterman_reingold(weights=weights or None, seed=start, niter=600)
        finally:
            ig.set_random_number_generator(random)
    return _spread(layout.coords)


def _spread(coords: Sequence[Sequence[float]]) -> list[tuple[float, float]]:
    """Positions in [-0.5, 0.5], distances from the centre evened out by rank.

    Force layouts put a dense core and a few far-off outliers; keeping each actor's
    direction but spacing the radii by rank keeps the core readable.
    """
    n = len(coords)
    cx = sum(p[0] for p in coords) / n
    cy = sum(p[1] for p in coords) / n
    polar = [(math.hypot(x - cx, y - cy), math.atan2(y - cy, x - cx)) for x, y in coords]
    order = sorted(range(n), key=lambda i: polar[i][0])
    radius = [0.0] * n
    for rank, i in enumerate(order):
        radius[i] = 0.5 * math.sqrt((rank + 1) / n)
    return [
        (round(radius[i] * math.cos(polar[i][1]), 4), round(radius[i] * math.sin(polar[i][1]), 4))
        for i in range(n)
    ]


def network_view(
    store: Store,
    at: date | None = None,
    window: str | int | None = None,
    half_life: str | int | None = None,
    level: str = "country",
    resamples: int = 20,
    top_ties: int = 150,
    evidence: int = 3,
) -> dict[str, Any]:
    """The network page: the signed alignment network of a window, its blocs and tie evidence.

    Args:
        store: an open event store.
        at: last day of the window (default: the store's last event date).
        window: window length (``90d``, ``6m``, ``1y`` or days); None covers the whole store.
        half_life: recency half-life, None for none.
        level: ``country`` or ``actor``.
        resamples: perturbed networks for the blocs' stability.
        top_ties: ties kept for drawing and listing (strongest first).
        evidence: evidence sentences per tie.

    Raises:
        NotFoundError: no events in the chosen window.
        QueryError: a bad span, level or date.
    """
    check_level(level)
    first, last = store_range(store)
    if first is None or last is None:
        return jsonable(_empty_network(level))
    end = at or last
    if end < first:
        raise NotFoundError(
            f"{end} is before the store's first event; the store covers {_range_text(first, last)}. "
            "Choose a later date (at)."
        )
    days = parse_span(window) if window is not None else full_span(first, end)
    net = alignment_network(store, at=end, window=days, half_life=half_life, level=level)
    if not net.nodes:
        raise NotFoundError(
            f"no events in the {days}-day window ending {end}; the store covers "
            f"{_range_text(first, last)}. Choose a date (at) or a longer window inside that range."
        )
    blocs = find_blocs(net, resamples=resamples)
    bloc_of = {c: i for i, b in enumerate(blocs.blocs) for c in b.members}
    ties = [
        {"a": t.a, "b": t.b, "weight": round(t.weight, 4), "sign": t.sign,
         "positive": round(t.positive, 4), "negative": round(t.negative, 4), "units": t.units,
         "cooperative": t.cooperative, "conflictual": t.conflictual, "events": t.events,
         "goldstein_mean": round(t.goldstein_mean, 3)}
        for t in net.ties[:top_ties]
    ]  # fmt: skip
    if evidence:
        rows = dyads(store, window="year", since=net.start, until=net.end, level=level,
                     evidence=evidence)  # fmt: skip
        by_pair = {(p["a"], p["b"]): p["evidence"] for p in undirected_totals(rows)}
        for t in ties:
            items = by_pair.get((t["a"], t["b"]), [])
            t["evidence"] = [evidence_from_item(e) for e in items[:evidence]]
    codes = [n.code for n in net.nodes]
    positions = _layout(codes, ties, bloc_of)
    nodes = [
        {"code": n.code, "units": n.units, "partners": n.partners, "strength": round(n.strength, 4),
         "positive_strength": round(n.positive_strength, 4),
         "negative_strength": round(n.negative_strength, 4), "pagerank": round(n.pagerank, 5),
         "betweenness": round(n.betweenness, 5), "hosted": n.hosted, "mediated": n.mediated,
         "bloc": bloc_of.get(n.code), "x": x, "y": y}
        for n, (x, y) in zip(net.nodes, positions, strict=True)
    ]  # fmt: skip
    return jsonable(
        {
            "start": net.start,
            "end": net.end,
            "days": days,
            "half_life": net.half_life,
            "level": level,
            "unit": net.unit,
            "store_first": first,
            "store_last": last,
            "nodes": nodes,
            "ties": ties,
            "ties_total": len(net.ties),
            "blocs": [
                {
                    "index": i,
                    "members": list(b.members),
                    "stability": round(b.stability, 3),
                    "internal": round(b.internal, 3),
                    "external": round(b.external, 3),
                }
                for i, b in enumerate(blocs.blocs)
            ],  # fmt: skip
            "bloc_stability": round(blocs.stability, 3),
            "bloc_quality": round(blocs.quality, 4),
            "resamples": resamples,
            "presets": _presets(first, last),
        }
    )


def _empty_network(level: str) -> dict[str, Any]:
    return {"start": None, "end": None, "days": None, "half_life": None, "level": level,
            "unit": "collapsed", "store_first": None, "store_last": None, "nodes": [], "ties": [],
            "ties_total": 0, "blocs": [], "bloc_stability": None, "bloc_quality": None,
            "resamples": 0, "presets": []}  # fmt: skip


def _presets(first: date, last: date) -> list[dict[str, Any]]:
    """Quarter windows covering the store (for 'choose the window' links), plus the whole range."""
    out = [{"label": "whole store", "at": last, "window": f"{full_span(first, last)}d"}]
    q_start = date(first.year, 3 * ((first.month - 1) // 3) + 1, 1)
    while q_start <= last and len(out) < 41:
        y, m = divmod(q_start.month - 1 + 3, 12)
        q_end = date(q_start.year + y, m + 1, 1) - timedelta(days=1)
        label = f"{q_start.year} Q{(q_start.month - 1) // 3 + 1}"
        out.append({"label": label, "at": q_end, "window": f"{full_span(q_start, q_end)}d"})
        q_start = q_end + timedelta(days=1)
    return out


# -- shifts -------------------------------------------------------------------------------


NEAR_MISSES = 5
"""How many pairs that just miss significance the shifts page lists after the shifts."""


def default_periods(first: date, last: date) -> tuple[tuple[date, date], tuple[date, date]]:
    """The store's dated range cut in two halves (before, after), for a first look at shifts."""
    if first >= last:
        return (first, first), (first + timedelta(days=1), first + timedelta(days=1))
    middle = first + timedelta(days=(last - first).days // 2)
    return (first, middle), (middle + timedelta(days=1), last)


def shifts_view(
    store: Store,
    before: tuple[date, date] | None = None,
    after: tuple[date, date] | None = None,
    level: str = "country",
    alpha: float = 0.05,
    limit: int = 20,
) -> dict[str, Any]:
    """The shifts page: pairs whose alignment changed significantly between two periods.

    Without periods, the store's dated range is cut in two halves. ``shifts`` holds
    the significant ones (q <= alpha); ``not_significant`` the next
    :data:`NEAR_MISSES` pairs in the test's ranking, which it does not support.

    Raises:
        QueryError: only one period given, overlapping periods, a bad alpha or level.
    """
    check_level(level)
    if (before is None) != (after is None):
        raise QueryError("give both periods (from and to), or neither for the store's two halves")
    if not 0 < alpha < 1:
        raise QueryError(f"alpha must be between 0 and 1, not {alpha}")
    first, last = store_range(store)
    chosen = "given"
    if before is None or after is None:
        if first is None or last is None:
            return jsonable({"before": None, "after": None, "chosen": "none", "shifts": [],
                             "not_significant": [], "tested": 0, "pairs": 0, "totals": [0, 0],
                             "alpha": alpha, "test": "", "level": level})  # fmt: skip
        before, after = default_periods(first, last)
        chosen = "halves of the store"
    # The significant shifts, and apart from them the largest changes that missed the test:
    # a reader sees what nearly moved, labelled as such.
    report = shifts(
        store, before, after, level=level, alpha=alpha, limit=limit, near_misses=NEAR_MISSES
    )
    d = report.to_dict()
    for key in ("shifts", "near_misses"):
        for s in d[key]:
            s["evidence"] = [evidence_from_item(e) for e in s["evidence"]]
            s["evidence_before"] = [evidence_from_item(e) for e in s["evidence_before"]]
    d["not_significant"] = d.pop("near_misses")
    d["alpha"] = alpha
    d["chosen"] = chosen
    d["level"] = level
    d["store_first"], d["store_last"] = first, last
    return jsonable(d)


# -- stakeholders -------------------------------------------------------------------------


def topic_by_name(name: str | None) -> Topic:
    """A shipped topic by name; without a name, the first shipped topic.

    Raises:
        NotFoundError: no shipped topic of that name (the message lists them).
    """
    names = list_topics()
    if not name:
        if not names:
            raise NotFoundError("no topics are shipped; pass a topic file to the report command")
        return load_topic(names[0])
    try:
        return load_topic(name)
    except QueryError as e:
        raise NotFoundError(str(e)) from e


def stakeholders_view(store: Store, topic: Topic, level: str = "actor") -> dict[str, Any]:
    """The stakeholders page: meetings of a process, who led, attended, stayed away, who is missing.

    Raises:
        QueryError: a bad level.
    """
    check_level(level)
    report = stakeholders(store, topic, level=level)
    d = report.to_dict()
    for m in d["meetings"]:
        m["evidence"] = [evidence_from_item(e) for e in m["evidence"]]
    for a in d["process_absences"]:
        a["evidence"] = evidence_from_item(a["evidence"])
    d["description"] = topic.description
    d["topics"] = list_topics()
    return jsonable(d)


# -- events -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventQuery:
    """An event search: every field optional, combined with AND.

    Attributes:
        actor: actor code prefix of any participant (or of the source, with ``target``).
        target: with ``actor``, the target's code prefix (a directed pair).
        code: CAMEO code prefix.
        since, until: inclusive dates.
        mode: asserted, negated, future, hypothetical or demanded.
        text: words that must appear in the sentence (any case).
        limit: at most this many events.
    """

    actor: str | None = None
    target: str | None = None
    code: str | None = None
    since: date | None = None
    until: date | None = None
    mode: str | None = None
    text: str | None = None
    limit: int = 100


def events_view(store: Store, q: EventQuery) -> dict[str, Any]:
    """The event search page: stored events matching the filters, oldest first.

    Every filter, the words of ``text`` included (matched in the sentence, ignoring
    case), goes to the store as a query parameter.

    Raises:
        QueryError: a target without an actor, an unknown mode, a reversed range, a bad limit.
    """
    if q.target and not q.actor:
        raise QueryError("a target needs an actor (the source of the pair); fill in both")
    if not 1 <= q.limit <= 1000:
        raise QueryError(f"limit must be between 1 and 1000, not {q.limit}")
    words = (q.text or "").strip()
    dyad = (q.actor, q.target) if q.actor and q.target else None
    table = store.events(
        actor=None if dyad else q.actor, dyad=dyad, code=q.code, since=q.since, until=q.until,
        mode=q.mode, limit=q.limit + 1, text=words or None,
    )  # fmt: skip
    rows = table.to_pylist()
    more = len(rows) > q.limit
    return jsonable(
        {
            "query": {
                "actor": q.actor, "target": q.target, "code": q.code, "since": q.since,
                "until": q.until, "mode": q.mode, "text": words or None, "limit": q.limit,
            },
            "events": [evidence_from_row(r) for r in rows[: q.limit]],
            "more": more,
            "modes": list(MODES),
        }
    )  # fmt: skip


def event_view(store: Store, event_id: str) -> dict[str, Any]:
    """The evidence page of one event: its sentence with trigger and actors marked, and the article.

    Raises:
        NotFoundError: no event with that id.
    """
    found = store.get_events([event_id])
    if not found:
        raise NotFoundError(
            f"no event {event_id!r} in this store; event ids are listed on the dyad and "
            "event search pages"
        )
    e = found[0]
    article = store.get_article(e.article_id)
    ev = e.evidence
    marks = [("trigger", ev.trigger_start, ev.trigger_end, e.cameo)]
    marks += [(p.role, p.start_char, p.end_char, p.actor.code) for p in e.participants]
    return jsonable(
        {
            "id": e.id,
            "date": e.date,
            "cameo": e.cameo,
            "cameo_name": cameo_name(e.cameo),
            "root": e.root,
            "quad": e.quad,
            "quad_name": QUAD_NAMES.get(e.quad, ""),
            "goldstein": e.goldstein,
            "plover": e.plover,
            "plover_mode": e.plover_mode,
            "mode": e.mode,
            "location": e.location,
            "confidence": e.confidence,
            "coder": e.coder,
            "trigger": ev.trigger,
            "sentence": ev.sentence,
            "segments": sentence_segments(ev.sentence, ev.sentence_start, marks),
            "participants": [
                {"role": p.role, "code": p.actor.code, "name": p.actor.name, "text": p.text}
                for p in e.participants
            ],
            "pairs": [f"{s or '?'} → {t or '?'}" for s, t in e.dyads()],
            "article": None
            if article is None
            else {
                "id": article.id,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "published": article.published,
                "origin": article.origin,
                "text": article.text,
            },  # fmt: skip
        }
    )


def sentence_segments(
    sentence: str, offset: int, marks: Sequence[tuple[str, int, int, str]]
) -> list[dict[str, Any]]:
    """Cut a sentence into plain and marked pieces (trigger, actors) for highlighting.

    ``marks`` are (kind, start, end, label) with article offsets; ``offset`` is the
    sentence's start in the article. Overlapping marks keep the earlier one.

    >>> [s["text"] for s in sentence_segments("Russia met Egypt.", 10, [("source", 10, 16, "RUS")])]
    ['Russia', ' met Egypt.']
    """
    spans = []
    for kind, start, end, label in marks:
        a, b = start - offset, end - offset
        if 0 <= a < b <= len(sentence):
            spans.append((a, b, kind, label))
    spans.sort()
    out: list[dict[str, Any]] = []
    pos = 0
    for a, b, kind, label in spans:
        if a < pos:
            continue
        if a > pos:
            out.append({"text": sentence[pos:a], "kind": None, "label": None})
        out.append({"text": sentence[a:b], "kind": kind, "label": label})
        pos = b
    if pos < len(sentence):
        out.append({"text": sentence[pos:], "kind": None, "label": None})
    return out
