"""Dyad time series: counting units, roll-up, QuadClass split, Goldstein score, evidence."""

from __future__ import annotations

from datetime import date

import pytest
from analysis_factory import Corpus, pair

from entente.analysis import alignment_network, dyads, top_dyads
from entente.analysis.dyads import window_end
from entente.errors import QueryError
from entente.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    c = Corpus()
    # Three articles report the same visit of 10 January; each mentions it twice.
    for art in ("a1", "a2", "a3"):
        c.add(
            art,
            date(2015, 1, 10),
            "042",
            pair("RUSGOV", "EGYGOV"),
            sentence=f"Lavrov visited Cairo ({art}).",
        )
        c.add(
            art,
            date(2015, 1, 10),
            "042",
            pair("RUSGOV", "EGYGOV"),
            sentence=f"The visit to Cairo ({art}).",
        )
    # A military agreement a week later, from the army, and a signed deal.
    c.add(
        "a4",
        date(2015, 1, 17),
        "061",
        pair("RUSMIL", "EGYMIL"),
        sentence="The armies agreed to train together.",
    )
    c.add(
        "a4",
        date(2015, 1, 17),
        "057",
        pair("RUSGOV", "EGYGOV"),
        sentence="Moscow and Cairo signed a deal.",
    )
    # Conflict in another month, and a negated event that must not count.
    c.add(
        "a5",
        date(2015, 2, 3),
        "112",
        pair("USAGOV", "RUSGOV"),
        sentence="Washington accused Moscow.",
        source="Daily",
    )
    c.add(
        "a5",
        date(2015, 2, 3),
        "190",
        pair("RUSMIL", "SYRREB"),
        sentence="Russian jets struck rebels.",
        source="Daily",
    )
    c.add(
        "a6",
        date(2015, 2, 4),
        "042",
        pair("USAGOV", "RUSGOV"),
        mode="negated",
        sentence="Kerry did not visit.",
    )
    with Store.open(c.write(tmp_path_factory.mktemp("dyads") / "d.duckdb"), read_only=True) as s:
        yield s


def _row(rows, source, target, start):
    return next(r for r in rows if (r.source, r.target, r.window_start) == (source, target, start))


@pytest.mark.parametrize("unit, units", [("event", 8), ("occurrence", 5), ("collapsed", 3)])
def test_dyads_counts_events_occurrences_and_collapsed_units(store, unit, units):
    r = _row(dyads(store, unit=unit), "RUS", "EGY", date(2015, 1, 1))
    # Raw: 6 reports of the visit + 2 on the 17th; occurrences: 3 articles x the visit + 2;
    # collapsed: the visit, and on the 17th one material (06) and one verbal (05) unit.
    assert (r.events, r.occurrences, r.collapsed) == (8, 5, 3)
    assert r.units == units


def test_dyads_collapsed_quad_counts_and_score(store):
    r = _row(dyads(store), "RUS", "EGY", date(2015, 1, 1))
    assert (r.q1, r.q2, r.q3, r.q4) == (2, 1, 0, 0)
    assert r.goldstein_sum == pytest.approx(1.9 + 6.4 + 8.0)
    assert r.goldstein_mean == pytest.approx((1.9 + 6.4 + 8.0) / 3)


def test_dyads_occurrence_unit_counts_each_article_once(store):
    r = _row(dyads(store, unit="occurrence"), "RUS", "EGY", date(2015, 1, 1))
    assert r.units == 5 and r.q1 == 4 and r.q2 == 1
    assert r.goldstein_sum == pytest.approx(3 * 1.9 + 6.4 + 8.0)
    assert r.articles == 4


def test_dyads_level_actor_keeps_agents_apart(store):
    rows = dyads(store, level="actor")
    keys = {(r.source, r.target) for r in rows}
    assert ("RUSMIL", "EGYMIL") in keys and ("RUSGOV", "EGYGOV") in keys
    assert ("RUS", "EGY") not in keys


def test_dyads_windows_and_filters(store):
    rows = dyads(store, window="quarter")
    r = _row(rows, "RUS", "EGY", date(2015, 1, 1))
    assert r.window_end == date(2015, 3, 31)
    weeks = dyads(store, window="week", actor="RUSGOV")
    assert {r.window_start for r in weeks if (r.source, r.target) == ("RUS", "EGY")} == {
        date(2015, 1, 5), date(2015, 1, 12)}  # fmt: skip
    assert {(r.source, r.target) for r in weeks} == {("RUS", "EGY"), ("USA", "RUS")}
    feb = dyads(store, since=date(2015, 2, 1))
    assert {(r.source, r.target) for r in feb} == {("USA", "RUS"), ("RUS", "SYR")}
    assert dyads(store, until=date(2014, 12, 31)) == []


def test_dyads_mode_filter(store):
    default = _row(dyads(store), "USA", "RUS", date(2015, 2, 1))
    assert default.events == 1 and default.q3 == 1  # the negated visit is left out
    both = _row(dyads(store, modes=("asserted", "negated")), "USA", "RUS", date(2015, 2, 1))
    assert both.events == 2


def test_dyads_evidence_strongest_first_with_source_and_date(store):
    r = _row(dyads(store, evidence=2), "RUS", "EGY", date(2015, 1, 1))
    assert [e.sentence for e in r.evidence] == [
        "Moscow and Cairo signed a deal.",
        "The armies agreed to train together.",
    ]
    assert r.evidence[0].article_source == "Wire" and r.evidence[0].date == date(2015, 1, 17)
    assert all(len(x.evidence) == 0 for x in dyads(store, evidence=0))


def test_dyads_top_pairs(store):
    rows = dyads(store, top_pairs=1)
    assert {(r.source, r.target) for r in rows} == {("RUS", "EGY")}
    with pytest.raises(QueryError, match="top_pairs"):
        dyads(store, top_pairs=0)


def test_top_dyads_totals(store):
    top = top_dyads(dyads(store), 2)
    assert top[0]["source"] == "RUS" and top[0]["target"] == "EGY" and top[0]["units"] == 3


def test_dyads_bad_arguments(store):
    with pytest.raises(QueryError, match="unknown window"):
        dyads(store, window="fortnight")
    with pytest.raises(QueryError, match="unknown level"):
        dyads(store, level="region")
    with pytest.raises(QueryError, match="unknown counting unit"):
        dyads(store, unit="tweets")


@pytest.mark.parametrize(
    "start, bucket, end",
    [(date(2015, 1, 5), "week", date(2015, 1, 11)), (date(2015, 2, 1), "month", date(2015, 2, 28)),
     (date(2015, 10, 1), "quarter", date(2015, 12, 31)), (date(2016, 1, 1), "year", date(2016, 12, 31))],
)  # fmt: skip
def test_dyads_window_end(start, bucket, end):
    assert window_end(start, bucket) == end


def test_dyads_rolled_up_event_counts_once(tmp_path):
    # One event whose two sources roll up to the same country: one event, not two.
    c = Corpus()
    c.add(
        "x",
        date(2015, 5, 1),
        "042",
        [("RUSGOV", "source"), ("RUSMIL", "source"), ("EGYGOV", "target")],
    )
    with Store.open(c.write(tmp_path / "r.duckdb"), read_only=True) as s:
        (row,) = dyads(s, unit="event")
        assert (row.source, row.target, row.units, row.events) == ("RUS", "EGY", 1, 1)
        assert {(r.source, r.units) for r in dyads(s, level="actor", unit="event")} == {
            ("RUSGOV", 1),
            ("RUSMIL", 1),
        }
        assert alignment_network(s).tie("RUS", "EGY").events == 1
