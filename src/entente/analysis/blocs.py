"""Blocs: groups of actors that cooperate inside and clash with the outside.

Signed community detection with the Leiden algorithm (leidenalg) on two layers
over the same actors: the cooperative ties (layer weight +1) and the conflictual
ties (layer weight -1, their weights taken as positive magnitudes). Leiden
maximises modularity of the first layer minus modularity of the second, so
cooperation pulls actors into a bloc and conflict pushes them apart, following
Traag & Bruggeman (2009). Negative weights are never handed to an algorithm that
expects non-negative ones.

Stability: the partition is recomputed on ``resamples`` perturbed networks (each
tie kept with probability ``keep``, a different seed each time). The overall
stability is the mean adjusted Rand index between the reference partition and
the perturbed ones; a bloc's stability is the mean, over resamples, of the best
Jaccard overlap between the bloc and any community found there. 1 = always
found again, near 0 = an artefact of a few ties.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from typing import Any

import igraph as ig
import leidenalg as la

from entente.analysis.common import jsonable
from entente.analysis.network import AllianceNetwork, Tie
from entente.errors import QueryError


@dataclass(frozen=True, slots=True)
class Bloc:
    """A group of actors aligned with each other.

    Attributes:
        members: actor codes, most central (in the network) first.
        stability: 0-1, how reliably the bloc reappears on perturbed networks.
        internal: sum of tie weights inside the bloc (positive = cohesive).
        external: sum of tie weights from the bloc to other actors.
    """

    members: tuple[str, ...]
    stability: float
    internal: float
    external: float


@dataclass(frozen=True, slots=True)
class BlocResult:
    """The blocs of one network, with how far to trust them.

    Attributes:
        blocs: largest first; actors with no tie to anyone are not placed.
        stability: mean adjusted Rand index against perturbed networks (1 = stable).
        quality: the signed modularity of the partition (positive layer minus negative).
        resamples, keep, resolution, seed: how it was computed.
    """

    blocs: tuple[Bloc, ...]
    stability: float
    quality: float
    resamples: int
    keep: float
    resolution: float
    seed: int

    def bloc_of(self, code: str) -> Bloc | None:
        """The bloc an actor belongs to, or None."""
        return next((b for b in self.blocs if code in b.members), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return jsonable(asdict(self))


def _layers(n: int, edges: list[tuple[int, int, float]]) -> tuple[ig.Graph, ig.Graph]:
    """The cooperative and conflictual layers (weights as magnitudes) over ``n`` actors."""
    pos = [(a, b, w) for a, b, w in edges if w > 0]
    neg = [(a, b, -w) for a, b, w in edges if w < 0]
    layers = []
    for chosen in (pos, neg):
        g = ig.Graph(n=n, edges=[(a, b) for a, b, _ in chosen])
        g.es["weight"] = [w for _, _, w in chosen]
        layers.append(g)
    return layers[0], layers[1]


def _leiden(
    n: int, edges: list[tuple[int, int, float]], resolution: float, seed: int
) -> tuple[list[int], float]:
    """Signed Leiden on the two layers; returns (membership, signed quality)."""
    pos, neg = _layers(n, edges)
    graphs, signs = [], []
    # A layer without ties has no modularity to offer (and would divide by zero).
    for g, sign in ((pos, 1.0), (neg, -1.0)):
        if g.ecount() > 0:
            graphs.append(g)
            signs.append(sign)
    if not graphs:
        return list(range(n)), 0.0
    parts = [
        la.RBConfigurationVertexPartition(g, weights="weight", resolution_parameter=resolution)
        for g in graphs
    ]
    opt = la.Optimiser()
    opt.set_rng_seed(seed)
    opt.optimise_partition_multiplex(parts, layer_weights=signs, n_iterations=-1)
    quality = sum(s * p.quality() for s, p in zip(signs, parts, strict=True))
    return list(parts[0].membership), quality


def _ari(a: list[int], b: list[int]) -> float:
    """Adjusted Rand index, taking two identical trivial partitions as perfect agreement."""
    if a == b or len(a) < 2:
        return 1.0
    value = ig.compare_communities(a, b, method="adjusted_rand")
    return 1.0 if value != value else float(value)  # NaN: both partitions trivial


def _groups(membership: list[int]) -> list[set[int]]:
    found: dict[int, set[int]] = {}
    for node, community in enumerate(membership):
        found.setdefault(community, set()).add(node)
    return list(found.values())


def find_blocs(
    net: AllianceNetwork,
    resamples: int = 30,
    keep: float = 0.8,
    resolution: float = 1.0,
    seed: int = 0,
    starts: int = 5,
) -> BlocResult:
    """Signed blocs of an alignment network, with their stability.

    Args:
        net: the network (see :func:`entente.analysis.network.alignment_network`).
        resamples: perturbed networks used to measure stability (0 skips it).
        keep: probability that each tie is kept in a perturbed network.
        resolution: Leiden resolution (higher gives smaller blocs).
        seed: random seed (same seed, same result).
        starts: Leiden runs on the full network; the best partition is kept.

    Returns:
        The blocs, largest first.

    Raises:
        QueryError: ``keep`` outside (0, 1], negative ``resamples``, ``starts`` < 1,
            or a resolution that is not positive.
    """
    if not 0 < keep <= 1:
        raise QueryError(f"keep must be in (0, 1], not {keep}")
    if resamples < 0 or starts < 1:
        raise QueryError(f"resamples must be >= 0 and starts >= 1 (got {resamples}, {starts})")
    if resolution <= 0:
        raise QueryError(f"resolution must be positive, not {resolution}")
    codes = [node.code for node in net.nodes]
    index = {c: i for i, c in enumerate(codes)}
    edges = [(index[t.a], index[t.b], t.weight) for t in net.ties if t.weight != 0]
    n = len(codes)
    best: tuple[list[int], float] = (list(range(n)), float("-inf"))
    for s in range(starts):
        membership, quality = _leiden(n, edges, resolution, seed + s)
        if quality > best[1]:
            best = (membership, quality)
    reference, quality = best
    groups = _groups(reference)

    rng = random.Random(seed)
    aris: list[float] = []
    overlap = [0.0] * len(groups)
    for r in range(resamples):
        kept = [e for e in edges if rng.random() < keep]
        membership, _ = _leiden(n, kept, resolution, seed + starts + r)
        aris.append(_ari(reference, membership))
        found = _groups(membership)
        for gi, group in enumerate(groups):
            overlap[gi] += max(len(group & f) / len(group | f) for f in found)
    stability = sum(aris) / len(aris) if aris else 1.0

    rank = {c: i for i, c in enumerate(codes)}  # net.nodes are most central first
    blocs = []
    for gi, group in enumerate(groups):
        members = tuple(sorted((codes[i] for i in group), key=rank.__getitem__))
        blocs.append(
            Bloc(
                members=members,
                stability=overlap[gi] / resamples if resamples else 1.0,
                internal=_weight_sum(net.ties, set(members), inside=True),
                external=_weight_sum(net.ties, set(members), inside=False),
            )
        )
    blocs.sort(key=lambda b: (-len(b.members), -b.internal, b.members))
    return BlocResult(
        tuple(blocs), stability, quality if n else 0.0, resamples, keep, resolution, seed
    )


def _weight_sum(ties: tuple[Tie, ...], members: set[str], inside: bool) -> float:
    if inside:
        return sum(t.weight for t in ties if t.a in members and t.b in members)
    return sum(t.weight for t in ties if (t.a in members) != (t.b in members))
