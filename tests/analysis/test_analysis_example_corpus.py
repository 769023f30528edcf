"""The alliance analysis tells the story of the bundled example corpus (examples/README.md).

The whole pipeline runs once on the 37 articles (real model, real store); then each
analysis is checked against "What a reader should find" in the corpus README. The
assertions are about what the articles say, not about exact counts, so that a
better coder keeps them true.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from entente.analysis import (
    alignment_network,
    dyads,
    find_blocs,
    load_topic,
    parse_range,
    shifts,
    stakeholders,
    top_dyads,
)
from entente.analysis.represent import is_unidentified, unit_code
from entente.cli.app import app
from entente.config import Settings
from entente.pipeline import run
from entente.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "syria-2015-2016"
# The periods the README describes: before the downing of the Russian bomber, the months
# of rupture that followed, and the reconciliation from June 2016.
BEFORE = parse_range("2015-01..2015-10")
RUPTURE = parse_range("2015-11..2016-05")
RECONCILED = parse_range("2016-06..2016-12")


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> Path:
    path = tmp_path_factory.mktemp("example") / "demo.duckdb"
    summary = run([CORPUS], Settings(db=path))
    assert summary.articles_new == 37 and not summary.failures
    return path


@pytest.fixture(scope="module")
def store(db):
    with Store.open(db, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def talks(store):
    return stakeholders(store, load_topic("syria-peace-talks"))


def _pair(rows, a, b):
    """Totals of an undirected pair from top_dyads rows."""
    found = [r for r in rows if {r["source"], r["target"]} == {a, b}]
    return {
        k: sum(r[k] for r in found)
        for k in ("units", "cooperative", "conflictual", "goldstein_sum")
    }


# -- dyads -------------------------------------------------------------------------------


def test_example_russia_and_egypt_cooperate_throughout(store):
    rows = dyads(store, window="year", evidence=2)
    totals = top_dyads(rows, 1000)
    ru_eg = _pair(totals, "RUS", "EGY")
    # Many cooperative reports, conflict at most the suspension of flights.
    assert ru_eg["cooperative"] >= 8 and ru_eg["conflictual"] <= 2
    assert ru_eg["goldstein_sum"] > 0
    # Among the most active pairs of the corpus.
    top_pairs = {frozenset((r["source"], r["target"])) for r in totals[:4]}
    assert frozenset(("RUS", "EGY")) in top_pairs
    # Cooperative in each year, with evidence from the articles.
    for year in (2015, 2016):
        windows = [
            r
            for r in rows
            if {r.source, r.target} == {"RUS", "EGY"} and r.window_start.year == year
        ]
        assert sum(r.cooperative for r in windows) > sum(r.conflictual for r in windows)
        assert any("Egypt" in e.sentence for r in windows for e in r.evidence)


def test_example_saudi_arabia_breaks_with_iran(store):
    rows = dyads(
        store, actor="SAU", window="quarter", since=date(2016, 1, 1), until=date(2016, 3, 31)
    )
    sau_irn = [r for r in rows if (r.source, r.target) == ("SAU", "IRN")]
    assert sum(r.conflictual for r in sau_irn) >= 2
    assert any("diplomatic" in e.sentence for r in sau_irn for e in r.evidence)
    net = alignment_network(store, at=date(2016, 3, 31), window="90d", half_life=None)
    assert net.tie("SAU", "IRN").weight < 0


def test_example_no_unidentified_actor_in_any_analysis(store, talks):
    codes = {c for r in dyads(store, window="year", evidence=0) for c in (r.source, r.target)}
    net = alignment_network(store, at=date(2016, 12, 31), window="2y")
    codes |= {n.code for n in net.nodes}
    codes |= {a.code for a in talks.actors} | {g.code for g in talks.gap}
    codes |= {c for m in talks.meetings for c in m.present + m.absent + m.missing}
    assert codes and not [c for c in codes if is_unidentified(c)]


# -- network and blocs -------------------------------------------------------------------


def test_example_russia_is_the_centre_of_the_diplomacy(store):
    net = alignment_network(store, at=date(2016, 12, 31), window="2y", half_life=None)
    assert net.centre(1) == ["RUS"]
    assert net.tie("RUS", "EGY").weight > 0


def test_example_russia_and_turkey_fall_out_and_make_up(store):
    def tie(period):
        days = (period[1] - period[0]).days + 1
        return alignment_network(store, at=period[1], window=days, half_life=None).tie("RUS", "TUR")

    assert tie(RUPTURE).weight < 0 < tie(RECONCILED).weight
    assert tie(RUPTURE).conflictual > tie(RUPTURE).cooperative


def test_example_blocs(store):
    # Up to October 2015: Russia, Egypt and Syria together.
    net = alignment_network(
        store, at=BEFORE[1], window=(BEFORE[1] - BEFORE[0]).days + 1, half_life=None
    )
    camp = find_blocs(net, resamples=10).bloc_of("RUS")
    assert {"EGY", "SYR"} <= set(camp.members)
    # Over both years Russia and Egypt stay together, while Turkey is not with Russia
    # during the months after the downing of the bomber.
    two_years = find_blocs(
        alignment_network(store, at=date(2016, 12, 31), window="2y", half_life=None), resamples=10
    )
    assert "EGY" in two_years.bloc_of("RUS").members
    rupture = alignment_network(
        store, at=RUPTURE[1], window=(RUPTURE[1] - RUPTURE[0]).days + 1, half_life=None
    )
    assert "TUR" not in find_blocs(rupture, resamples=10).bloc_of("RUS").members


# -- shifts ------------------------------------------------------------------------------


def test_example_the_largest_shift_is_the_russia_turkey_rupture(store):
    report = shifts(store, BEFORE, RUPTURE)
    top = report.shifts[0]
    assert (top.a, top.b) == ("RUS", "TUR") and top.kind in ("rupture", "cooling")
    assert top.q_value <= report.alpha and top.after.conflictual > top.after.cooperative
    # Several articles, not one, make it.
    assert top.after.articles >= 2 and len({e.sentence for e in top.evidence}) >= 2
    assert any("shot down" in e.sentence for e in top.evidence)
    # Saudi Arabia and Iran, who had not dealt with each other before, now clash.
    sau = next(s for s in report.shifts if (s.a, s.b) == ("IRN", "SAU"))
    assert sau.before.units == 0 and sau.after.conflictual >= 2


def test_example_russia_and_turkey_reconcile_in_2016(store):
    report = shifts(store, RUPTURE, RECONCILED)
    top = report.shifts[0]
    assert (top.a, top.b) == ("RUS", "TUR") and top.kind in ("rapprochement", "warming")
    assert top.q_value <= report.alpha and top.change > 1
    assert top.after.articles >= 3


def test_example_one_article_cannot_make_a_shift(store):
    for before, after in ((BEFORE, RUPTURE), (RUPTURE, RECONCILED)):
        for s in shifts(store, before, after).shifts:
            for counts in (s.before, s.after):
                assert counts.units == 0 or counts.articles >= 2


# -- stakeholders of the Syrian talks ----------------------------------------------------


def _moscow_rounds_2015(talks):
    return [
        m
        for m in talks.meetings
        if m.start.year == 2015 and m.country == "RUS" and m.start.month in (1, 4)
    ]


def test_example_russia_and_the_un_lead_the_talks(talks):
    # Russia hosts (the Moscow rounds, December 2016), the UN mediates (every Geneva round).
    assert talks.leaders[:2] == ("RUS", "IGOUNO")
    assert talks.actor("RUS").hosted >= 3
    geneva = [m for m in talks.meetings if m.venue == "Geneva"]
    assert len(geneva) >= 2 and all("IGOUNO" in m.mediators for m in geneva)
    assert talks.actor("IGOUNO").mediated >= 2
    # Both are among the actors that link the others in the process (the top five of
    # some thirty: Egypt and Turkey come close through their own meetings with Russia).
    central = sorted(talks.actors, key=lambda a: -a.centrality)[:5]
    assert {"RUS", "IGOUNO"} <= {a.code for a in central}


def test_example_moscow_rounds_hosted_by_russia_with_the_syrian_government(talks):
    rounds = _moscow_rounds_2015(talks)
    assert len(rounds) == 2
    for m in rounds:
        assert "RUS" in m.hosts and "SYR" in m.present


def _coalition(units):
    """The Syrian National Coalition among stakeholder units (the opposition, SYROPP, by name)."""
    return [u for u in units if unit_code(u) == "SYROPP" and "Coalition" in u]


def test_example_the_coalition_stayed_away_from_moscow(talks):
    # Both Moscow rounds: the Coalition refused, while other opposition figures attended.
    for m in _moscow_rounds_2015(talks):
        assert _coalition(m.absent) and not _coalition(m.present)
    coalition = talks.actor(_coalition(a.code for a in talks.actors)[0])
    assert coalition.refusals >= 2 and coalition.absent >= 2
    # It did sit at the UN's table in Geneva (as the High Negotiations Committee).
    assert any(_coalition(m.present) for m in talks.meetings if m.venue == "Geneva")


def test_example_the_united_states_outside_the_moscow_talks(talks):
    moscow = [m for m in talks.meetings if m.country == "RUS" and m.venue in ("Moscow", "RUS")]
    assert len(moscow) >= 3
    assert not any("USA" in m.present for m in moscow)
    assert sum("USA" in m.absent for m in moscow) >= 2
    assert talks.actor("USA").absent >= 2


def test_example_turkey_at_the_moscow_table_in_late_2016(talks):
    late = [m for m in talks.meetings if m.start >= date(2016, 12, 1) and m.venue == "Moscow"]
    assert late and "TUR" in late[0].present and "RUS" in late[0].hosts


def test_example_coverage_gap_lists_parties_only(talks):
    excluded = {"IMGMUSISI"}
    for m in talks.meetings:
        assert not excluded & set(m.missing)
    assert not excluded & {g.code for g in talks.gap}
    assert "SYRCVL" not in {g.code for g in talks.gap}


# -- the demo commands -------------------------------------------------------------------


def test_example_demo_commands_print_the_story(db):
    runner = CliRunner()

    def show(*args):
        result = runner.invoke(app, [*args, "--db", str(db)], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        return result.output

    assert "EGY" in show(
        "dyads", "--level", "country", "--window", "year", "--evidence", "0", "--limit", "12"
    )
    assert "RUS" in show("blocs", "--level", "country", "--window", "2y", "--at", "2016-12-31")
    out = show("shifts", "--from", "2015-01..2015-10", "--to", "2015-11..2016-05")
    assert "RUS – TUR" in out and "rupture" in out
    out = show("stakeholders", "--topic", "syria-peace-talks")
    assert "led by RUS" in out and "Moscow" in out and "---" not in out
