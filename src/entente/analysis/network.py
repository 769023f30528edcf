"""The signed alignment network: who cooperates with whom, and who is at the centre.

Nodes are actors; an undirected tie between two actors sums their interactions
in a time window, each counted unit weighted by its Goldstein value / 10
(cooperation positive, conflict negative) and by recency (a unit ``half_life``
days older than the window's end counts half). Centrality is computed on the
positive (cooperative) ties: PageRank says who the cooperation flows through,
betweenness who links otherwise separate partners; with the counts of events an
actor hosted or mediated, this shows who is at the centre of the diplomacy.

Example:
    >>> net = alignment_network(store, window="90d", at=date(2015, 11, 15))  # doctest: +SKIP
    >>> net.centre(3)  # doctest: +SKIP
    ['RUS', 'IGOUNO', 'USA']
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import igraph as ig

from entente.analysis.common import DEFAULT_MODES, jsonable, make_scope, parse_span, window_before
from entente.errors import QueryError
from entente.store import Store
from entente.store.analysis_sql import actor_roles, last_date, pair_ties


@dataclass(frozen=True, slots=True)
class Tie:
    """The undirected, signed tie between actors ``a`` and ``b`` (``a < b``) in a window.

    Attributes:
        weight: positive minus negative (recency-weighted Goldstein / 10 sums).
        positive, negative: the cooperative and conflictual parts (both >= 0).
        units: counted units between them; cooperative / conflictual by QuadClass.
        events: raw events behind the units.
        goldstein_mean: mean Goldstein value of the units (not recency-weighted).
    """

    a: str
    b: str
    weight: float
    positive: float
    negative: float
    units: int
    cooperative: int
    conflictual: int
    events: int
    goldstein_mean: float

    @property
    def sign(self) -> int:
        """+1 for a net cooperative tie, -1 for a net conflictual one, 0 if balanced."""
        return (self.weight > 0) - (self.weight < 0)


@dataclass(frozen=True, slots=True)
class ActorNode:
    """An actor in the network with its centrality.

    Attributes:
        code: actor code.
        partners: actors it has a tie with.
        units: counted units it takes part in.
        strength: sum of absolute tie weights; positive/negative_strength split it.
        pagerank: PageRank on the cooperative ties (weights = positive parts).
        betweenness: normalised betweenness on the cooperative ties (distance = 1 / positive).
        hosted, mediated: events in the window where it was host / mediator.
    """

    code: str
    partners: int
    units: int
    strength: float
    positive_strength: float
    negative_strength: float
    pagerank: float
    betweenness: float
    hosted: int
    mediated: int


@dataclass(frozen=True, slots=True)
class AllianceNetwork:
    """A signed, weighted alignment network for one time window.

    Attributes:
        start, end: the window (both ends included).
        half_life: recency half-life in days (None: no decay).
        level, unit: how actors and events were counted.
        nodes: actors, most central first (by PageRank).
        ties: ties sorted by absolute weight, strongest first.
    """

    start: date | None
    end: date | None
    half_life: int | None
    level: str
    unit: str
    nodes: tuple[ActorNode, ...]
    ties: tuple[Tie, ...]

    def centre(self, n: int = 5) -> list[str]:
        """The ``n`` most central actors (PageRank on cooperative ties)."""
        return [node.code for node in self.nodes[:n]]

    def tie(self, x: str, y: str) -> Tie | None:
        """The tie between two actors, in either order, or None."""
        a, b = sorted((x, y))
        return next((t for t in self.ties if t.a == a and t.b == b), None)

    def to_igraph(self) -> ig.Graph:
        """The network as an igraph Graph (vertex attribute ``name``; tie fields on edges)."""
        index = {node.code: i for i, node in enumerate(self.nodes)}
        g = ig.Graph(n=len(self.nodes), edges=[(index[t.a], index[t.b]) for t in self.ties])
        for f in ActorNode.__slots__:
            g.vs["name" if f == "code" else f] = [getattr(node, f) for node in self.nodes]
        for f in (
            "weight",
            "positive",
            "negative",
            "units",
            "cooperative",
            "conflictual",
            "events",
        ):
            g.es[f] = [getattr(t, f) for t in self.ties]
        g.es["sign"] = [t.sign for t in self.ties]
        g["start"] = self.start.isoformat() if self.start else ""
        g["end"] = self.end.isoformat() if self.end else ""
        return g

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: window, settings, nodes and ties."""
        return jsonable(asdict(self))

    def write_graphml(self, path: Path) -> None:
        """Write the network as GraphML (readable by Gephi, networkx, igraph)."""
        self.to_igraph().write_graphml(str(path))

    def write_json(self, path: Path) -> None:
        """Write the network as JSON (the :meth:`to_dict` form)."""
        Path(path).write_text(json.dumps(self.to_dict(), indent=1), encoding="utf-8")


def _centrality(nodes: list[str], ties: list[Tie]) -> tuple[list[float], list[float]]:
    """PageRank and normalised betweenness of each node on the cooperative ties."""
    if not nodes:
        return [], []
    index = {code: i for i, code in enumerate(nodes)}
    coop = [t for t in ties if t.positive > 0]
    g = ig.Graph(n=len(nodes), edges=[(index[t.a], index[t.b]) for t in coop])
    weights = [t.positive for t in coop]
    pagerank = g.pagerank(weights=weights if coop else None, directed=False)
    # Strong cooperation means short distance; betweenness wants distances.
    between = g.betweenness(weights=[1.0 / w for w in weights] if coop else None, directed=False)
    n = len(nodes)
    scale = (n - 1) * (n - 2) / 2 if n > 2 else 1.0
    return list(pagerank), [b / scale for b in between]


def alignment_network(
    store: Store,
    at: date | None = None,
    window: str | int = "90d",
    half_life: str | int | None = "30d",
    level: str = "country",
    unit: str = "collapsed",
    modes: Sequence[str] = DEFAULT_MODES,
    actor: str | None = None,
) -> AllianceNetwork:
    """The signed alignment network of the window that ends on ``at``.

    Args:
        store: an open event store.
        at: last day of the window (default: the latest event date in the store).
        window: the window's length (``90d``, ``12w``, ``6m``, ``1y`` or days).
        half_life: recency half-life (same forms), or None for no decay.
        level: ``country`` (roll-up) or ``actor``.
        unit: event, occurrence or collapsed (default).
        modes: event modes that count.
        actor: only ties of actors whose code starts with this.

    Returns:
        The network (empty if the store has no events in the window).

    Raises:
        QueryError: a bad span, level or unit.
    """
    days = parse_span(window)
    hl = parse_span(half_life) if half_life is not None else None
    with store.connection() as con:
        end = at or last_date(con, modes)
        if end is None:
            make_scope(level, unit, modes)  # still check the arguments
            return AllianceNetwork(None, None, hl, level, unit, (), ())
        start, end = window_before(end, days)
        scope = make_scope(level, unit, modes, start, end, actor)
        tie_rows = pair_ties(con, scope, end, hl).to_pylist()
        role_rows = actor_roles(con, scope).to_pylist()
    ties = [Tie(**r) for r in tie_rows]
    ties.sort(key=lambda t: (-abs(t.weight), t.a, t.b))
    stats: dict[str, dict[str, float]] = {}
    for t in ties:
        for code in (t.a, t.b):
            s = stats.setdefault(code, {"partners": 0, "units": 0, "pos": 0.0, "neg": 0.0})
            s["partners"] += 1
            s["units"] += t.units
            s["pos"] += t.positive
            s["neg"] += t.negative
    roles = {r["actor"]: r for r in role_rows}
    codes = sorted(stats)
    pagerank, between = _centrality(codes, ties)
    nodes = [
        ActorNode(
            code=c,
            partners=int(stats[c]["partners"]),
            units=int(stats[c]["units"]),
            strength=stats[c]["pos"] + stats[c]["neg"],
            positive_strength=stats[c]["pos"],
            negative_strength=stats[c]["neg"],
            pagerank=pagerank[i],
            betweenness=between[i],
            hosted=int(roles.get(c, {}).get("hosted", 0)),
            mediated=int(roles.get(c, {}).get("mediated", 0)),
        )
        for i, c in enumerate(codes)
    ]
    nodes.sort(key=lambda n: (-n.pagerank, -n.strength, n.code))
    return AllianceNetwork(start, end, hl, level, unit, tuple(nodes), tuple(ties))


def check_network_format(fmt: str) -> str:
    """Check an export format name for networks (graphml or json).

    Raises:
        QueryError: any other name.
    """
    if fmt not in ("graphml", "json"):
        raise QueryError(f"unknown network format {fmt!r}; use graphml or json")
    return fmt
