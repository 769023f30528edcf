"""The signed alignment network: signs, recency, window, centrality, exports."""

from __future__ import annotations

import json
from datetime import date, timedelta

import igraph as ig
import pytest
from analysis_factory import Corpus, pair

from entente.analysis import alignment_network
from entente.errors import QueryError
from entente.store import Store

AT = date(2015, 6, 30)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    c = Corpus()
    # Russia hosts talks with four parties, the UN mediating; each talk reported by two papers.
    for i, guest in enumerate(["SYRGOV", "EGYGOV", "IRNGOV", "TURGOV"]):
        day = AT - timedelta(days=10 * i)
        for paper in ("p", "q"):
            c.add(
                f"{paper}{i}",
                day,
                "046",
                [("RUSGOV", "host"), (guest, "participant"), ("IGOUNO", "mediator")],
            )
    # The United States and Russia clash; Turkey and Syria clash.
    c.add("c1", AT - timedelta(days=5), "112", pair("USAGOV", "RUSGOV"))
    c.add("c2", AT - timedelta(days=6), "190", pair("TURMIL", "SYRMIL"))
    # Egypt and Saudi Arabia cooperate, once 30 days before AT (half-life test), once outside the window.
    c.add("e1", AT - timedelta(days=30), "057", pair("EGYGOV", "SAUGOV"))
    c.add("e2", AT - timedelta(days=200), "057", pair("EGYGOV", "SAUGOV"))
    with Store.open(c.write(tmp_path_factory.mktemp("net") / "n.duckdb"), read_only=True) as s:
        yield s


def test_network_signs_and_recency(store):
    net = alignment_network(store, at=AT, window="90d", half_life="30d")
    assert net.start == AT - timedelta(days=89) and net.end == AT
    assert net.tie("RUS", "USA").sign == -1 and net.tie("RUS", "USA").weight < 0
    assert net.tie("SYR", "TUR").sign == -1
    assert net.tie("RUS", "EGY").sign == 1
    # One signing (Goldstein 8) 30 days old with a 30-day half-life: 8 / 10 / 2.
    egy_sau = net.tie("SAU", "EGY")
    assert egy_sau.weight == pytest.approx(0.4) and egy_sau.units == 1
    flat = alignment_network(store, at=AT, window="90d", half_life=None)
    assert flat.tie("EGY", "SAU").weight == pytest.approx(0.8)
    wide = alignment_network(store, at=AT, window="1y", half_life=None)
    assert wide.tie("EGY", "SAU").units == 2


def test_network_tie_counts(store):
    net = alignment_network(store, at=AT, window="90d")
    t = net.tie("EGY", "RUS")
    # Participant -> host: one collapsed unit from two papers' reports.
    assert (t.units, t.events, t.cooperative, t.conflictual) == (1, 2, 1, 0)
    # The mediator is a target of the participants too, so the UN is tied to all four guests.
    assert {x.a if x.b == "IGOUNO" else x.b for x in net.ties if "IGOUNO" in (x.a, x.b)} == {
        "SYR", "EGY", "IRN", "TUR"}  # fmt: skip


def test_network_centre_is_the_host_and_the_mediator(store):
    net = alignment_network(store, at=AT, window="90d")
    assert set(net.centre(2)) == {"RUS", "IGOUNO"}
    rus = next(n for n in net.nodes if n.code == "RUS")
    un = next(n for n in net.nodes if n.code == "IGOUNO")
    assert rus.hosted == 4 and un.mediated == 4 and rus.partners == 5
    assert rus.negative_strength > 0 and rus.betweenness > 0
    # Egypt is Saudi Arabia's only link to the rest: a broker, though not a host.
    egy = next(n for n in net.nodes if n.code == "EGY")
    assert egy.betweenness > 0 and egy.hosted == 0


def test_network_actor_level_and_default_date(store):
    net = alignment_network(store, window="90d", level="actor")
    assert net.end == AT  # the latest event
    assert net.tie("TURMIL", "SYRMIL") is not None and net.tie("TUR", "SYR") is None


def test_network_exports_read_back(store, tmp_path):
    net = alignment_network(store, at=AT, window="90d")
    net.write_graphml(tmp_path / "n.graphml")
    g = ig.Graph.Read_GraphML(str(tmp_path / "n.graphml"))
    assert sorted(g.vs["name"]) == sorted(n.code for n in net.nodes)
    assert g.ecount() == len(net.ties)
    e = g.es[g.get_eid(g.vs.find(name="USA").index, g.vs.find(name="RUS").index)]
    assert e["weight"] == pytest.approx(net.tie("USA", "RUS").weight) and e["sign"] == -1
    net.write_json(tmp_path / "n.json")
    data = json.loads((tmp_path / "n.json").read_text())
    assert data["end"] == AT.isoformat() and len(data["ties"]) == len(net.ties)
    assert {n["code"] for n in data["nodes"]} == {n.code for n in net.nodes}


def test_network_empty_store_and_bad_spans(tmp_path):
    with Store.open(tmp_path / "e.duckdb") as s:
        net = alignment_network(s)
        assert net.nodes == () and net.ties == () and net.end is None
        with pytest.raises(QueryError, match="not a time span"):
            alignment_network(s, window="ninety days")
        with pytest.raises(QueryError, match="at least one day"):
            alignment_network(s, window="0d")


def test_network_multi_party_reports_weigh_less_per_pair(tmp_path):
    c = Corpus()
    day = date(2016, 2, 12)
    # Five delegations at one table: each of the ten pairs shares the report.
    c.add("m", day, "046", [(x, "participant") for x in ("SAU", "IRN", "TUR", "USA", "RUS")])
    # A bilateral signing counts in full; an accusation of two targets is split between them.
    c.add("b", day, "057", pair("EGY", "RUS"))
    c.add("a", day, "112", [("SAU", "source"), ("IRN", "target"), ("QAT", "target")])
    with Store.open(c.write(tmp_path / "m.duckdb"), read_only=True) as store:
        net = alignment_network(store, at=day, window="30d", half_life=None)
    # 7 / 10 each way, split among the four partners each delegation met: 2 * 0.7 / 4.
    assert net.tie("SAU", "TUR").weight == pytest.approx(0.35)
    assert net.tie("EGY", "RUS").weight == pytest.approx(0.8)
    # The talks (+0.35) and half an accusation (-0.1) between Saudi Arabia and Iran.
    assert net.tie("SAU", "IRN").weight == pytest.approx(0.25)
    assert net.tie("SAU", "QAT").weight == pytest.approx(-0.1)
    assert net.tie("SAU", "TUR").units == 2  # counts are not split, only weights
