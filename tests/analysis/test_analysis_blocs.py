"""Signed blocs: a planted structure is recovered, with a stability measure."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest
from analysis_factory import Corpus, pair

from entente.analysis import alignment_network, find_blocs
from entente.analysis.network import ActorNode, AllianceNetwork, Tie
from entente.errors import QueryError

WEST = ["USA", "GBR", "FRA", "DEU"]
EAST = ["RUS", "IRN", "SYR", "CHN"]
START = date(2015, 1, 1)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """Two blocs: cooperation inside each, conflict across, with some noise."""
    rng = random.Random(7)
    c = Corpus()
    n = 0
    for bloc in (WEST, EAST):
        for a, b in itertools.combinations(bloc, 2):
            for _ in range(3):
                n += 1
                c.add(f"a{n}", START + timedelta(days=rng.randrange(300)), rng.choice(["042", "057", "061"]),
                      pair(a + "GOV", b + "GOV"))  # fmt: skip
    for a, b in itertools.product(WEST, EAST):
        for _ in range(2):
            n += 1
            c.add(f"a{n}", START + timedelta(days=rng.randrange(300)), rng.choice(["112", "163", "130"]),
                  pair(a + "GOV", b + "GOV"))  # fmt: skip
    # Noise: one cooperative contact across the blocs.
    c.add("noise", START + timedelta(days=100), "040", pair("FRAGOV", "RUSGOV"))
    from entente.store import Store

    with Store.open(c.write(tmp_path_factory.mktemp("blocs") / "b.duckdb"), read_only=True) as s:
        yield s


def test_blocs_planted_structure_is_recovered(planted):
    net = alignment_network(planted, window="1y", half_life=None)
    result = find_blocs(net, resamples=20, seed=3)
    groups = sorted(sorted(b.members) for b in result.blocs)
    assert groups == sorted([sorted(WEST), sorted(EAST)])
    assert result.stability > 0.8
    assert all(b.stability > 0.8 and b.internal > 0 and b.external < 0 for b in result.blocs)
    assert result.bloc_of("USA") is not result.bloc_of("RUS")
    assert result.to_dict()["blocs"][0]["members"]


def test_blocs_same_seed_same_result(planted):
    net = alignment_network(planted, window="1y", half_life=None)
    assert find_blocs(net, resamples=5, seed=11) == find_blocs(net, resamples=5, seed=11)


def _net(ties: list[tuple[str, str, float]]) -> AllianceNetwork:
    codes = sorted({x for a, b, _ in ties for x in (a, b)})
    nodes = tuple(ActorNode(c, 1, 1, 1.0, 1.0, 0.0, 1 / len(codes), 0.0, 0, 0) for c in codes)
    tie_objs = tuple(
        Tie(min(a, b), max(a, b), w, max(w, 0), max(-w, 0), 1, int(w > 0), int(w < 0), 1, w * 10)
        for a, b, w in ties
    )
    return AllianceNetwork(None, None, None, "country", "collapsed", nodes, tie_objs)


def test_blocs_conflict_separates_what_weak_cooperation_joins():
    # Two triangles of strong cooperation joined by weak cooperative ties but strong conflict:
    # a sign-blind method would merge them; the negative layer keeps them apart.
    ties = [("A1", "A2", 1.0), ("A2", "A3", 1.0), ("A1", "A3", 1.0),
            ("B1", "B2", 1.0), ("B2", "B3", 1.0), ("B1", "B3", 1.0),
            ("A1", "B1", 0.3), ("A2", "B2", 0.3),
            ("A3", "B3", -1.0), ("A1", "B2", -1.0), ("A2", "B1", -1.0), ("A3", "B1", -1.0)]  # fmt: skip
    result = find_blocs(_net(ties), resamples=10)
    assert sorted(sorted(b.members) for b in result.blocs) == [
        ["A1", "A2", "A3"],
        ["B1", "B2", "B3"],
    ]


def test_blocs_degenerate_networks():
    empty = find_blocs(AllianceNetwork(None, None, None, "country", "collapsed", (), ()))
    assert empty.blocs == () and empty.stability == 1.0
    enemies = find_blocs(_net([("A", "B", -1.0)]), resamples=3)
    assert sorted(b.members for b in enemies.blocs) == [("A",), ("B",)]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"keep": 0}, "keep must be"),
        ({"resamples": -1}, "resamples must be"),
        ({"resolution": 0}, "resolution"),
    ],
)
def test_blocs_bad_arguments(kwargs, message):
    with pytest.raises(QueryError, match=message):
        find_blocs(_net([("A", "B", 1.0)]), **kwargs)
