"""Shifts between two periods: a planted rupture ranks first; one-offs and single articles do not count."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from analysis_factory import Corpus, pair

from entente.analysis import parse_range, shifts
from entente.analysis.shifts import fisher_midp, volume_midp
from entente.errors import QueryError
from entente.store import Store

BEFORE = parse_range("2015-01..2015-06")
AFTER = parse_range("2015-07..2015-12")
COOP = ["042", "057", "061", "051"]
CONFLICT = ["112", "130", "163", "190"]


def _days(period, n, rng):
    span = (period[1] - period[0]).days
    return sorted(period[0] + timedelta(days=d) for d in rng.sample(range(span), n))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    rng = random.Random(5)
    c = Corpus()
    k = 0

    def report(a, b, period, n, codes, article=None):
        nonlocal k
        for day in _days(period, n, rng):
            k += 1
            c.add(article or f"r{k}", day, rng.choice(codes), pair(a + "GOV", b + "GOV"),
                  sentence=f"{a} and {b}: report {k}.")  # fmt: skip

    # Steady background relationships.
    for a, b in [("USA", "GBR"), ("FRA", "DEU"), ("IRN", "SYR"), ("CHN", "RUS"), ("ITA", "ESP"),
                 ("JPN", "KOR"), ("IND", "BGD"), ("BRA", "ARG"), ("CAN", "MEX"), ("NOR", "SWE")]:  # fmt: skip
        report(a, b, BEFORE, rng.choice([3, 4, 5]), COOP)
        report(a, b, AFTER, rng.choice([3, 4, 5]), COOP)
    # The planted rupture: Russia and Turkey cooperate, then clash.
    report("RUS", "TUR", BEFORE, 8, COOP)
    report("RUS", "TUR", AFTER, 8, CONFLICT)
    # A new partnership.
    report("CHN", "EGY", AFTER, 14, COOP)
    # A one-off: steady cooperation, and one article reporting a quarrel three times.
    report("EGY", "SAU", BEFORE, 5, COOP)
    report("EGY", "SAU", AFTER, 5, COOP)
    for _ in range(3):
        c.add(
            "quarrel",
            date(2015, 9, 1),
            "112",
            pair("EGYGOV", "SAUGOV"),
            sentence="Cairo rebuked Riyadh.",
        )
    # One article with many different clashes between two former partners.
    report("JOR", "IRQ", BEFORE, 6, COOP)
    report("JOR", "IRQ", AFTER, 6, CONFLICT, article="long-feature")
    with Store.open(c.write(tmp_path_factory.mktemp("shifts") / "s.duckdb"), read_only=True) as s:
        yield s


def _find(report, a, b):
    x, y = sorted((a, b))
    return next((s for s in report.shifts if (s.a, s.b) == (x, y)), None)


def test_shifts_planted_rupture_is_the_top_shift(store):
    report = shifts(store, BEFORE, AFTER)
    top = report.shifts[0]
    assert (top.a, top.b, top.kind) == ("RUS", "TUR", "rupture")
    assert (top.before.cooperative, top.before.conflictual) == (8, 0)
    assert (top.after.cooperative, top.after.conflictual) == (0, 8)
    assert top.change == pytest.approx(-2.0) and top.q_value < 0.01
    # The driving reports are the after period's conflicts, strongest first.
    assert top.evidence and all(e.cameo[:2] in ("11", "13", "16", "19") for e in top.evidence)
    assert [abs(e.goldstein) for e in top.evidence] == sorted(
        (abs(e.goldstein) for e in top.evidence), reverse=True
    )
    assert top.evidence_before and all(
        e.cameo[:2] in ("04", "05", "06") for e in top.evidence_before
    )


def test_shifts_new_partnership(store):
    s = _find(shifts(store, BEFORE, AFTER), "CHN", "EGY")
    assert (
        s is not None
        and s.kind == "new partnership"
        and s.before.units == 0
        and s.after.units == 14
    )


def test_shifts_one_off_event_is_not_a_shift(store):
    report = shifts(store, BEFORE, AFTER)
    assert _find(report, "EGY", "SAU") is None
    # Background pairs do not shift either.
    assert {(s.a, s.b) for s in report.shifts} == {("RUS", "TUR"), ("CHN", "EGY")}


def test_shifts_one_article_cannot_make_a_shift(store):
    assert _find(shifts(store, BEFORE, AFTER), "IRQ", "JOR") is None
    # Without the minimum-evidence rule the same counts would pass the test.
    loose = shifts(store, BEFORE, AFTER, min_articles=1)
    assert _find(loose, "IRQ", "JOR").kind == "rupture"


def test_shifts_report_states_the_test_and_counts(store):
    report = shifts(store, BEFORE, AFTER)
    assert "Fisher's exact test" in report.test and "binomial" in report.test
    assert "Benjamini-Hochberg" in report.test and ">= 2 distinct articles" in report.test
    assert report.pairs == 14 and report.tested == 13  # all but the one-article pair
    assert report.totals[0] > 0 and report.totals[1] > 0
    d = report.to_dict()
    assert d["shifts"][0]["after"]["alignment"] == -1.0


def test_shifts_reversed_periods_find_the_rupture_as_rapprochement(store):
    report = shifts(store, AFTER, BEFORE)
    s = _find(report, "RUS", "TUR")
    assert s.kind == "rapprochement"
    assert _find(report, "CHN", "EGY").kind == "fading"


@pytest.mark.parametrize(
    "before, after, kwargs, message",
    [
        (BEFORE, BEFORE, {}, "overlap"),
        (BEFORE, (date(2015, 12, 1), date(2015, 7, 1)), {}, "starts"),
        (BEFORE, AFTER, {"alpha": 0}, "alpha"),
        (BEFORE, AFTER, {"min_units": 0}, "min_units"),
    ],
)
def test_shifts_bad_arguments(store, before, after, kwargs, message):
    with pytest.raises(QueryError, match=message):
        shifts(store, before, after, **kwargs)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2015-01..2015-06", (date(2015, 1, 1), date(2015, 6, 30))),
        ("2015", (date(2015, 1, 1), date(2015, 12, 31))),
        ("2016-02", (date(2016, 2, 1), date(2016, 2, 29))),
        ("2015-03-04..2015-03-04", (date(2015, 3, 4), date(2015, 3, 4))),
    ],
)
def test_parse_range(text, expected):
    assert parse_range(text) == expected


@pytest.mark.parametrize("text", ["2015..", "..2015", "2016..2015", "2015-13", "spring"])
def test_parse_range_refuses(text):
    with pytest.raises(QueryError):
        parse_range(text)


def test_shifts_neutral_statements_are_neither_side(tmp_path):
    c = Corpus()
    for i in range(4):  # cooperation before, plain statements after
        c.add(f"b{i}", date(2015, 2, 1 + i), "057", pair("USAGOV", "GBRGOV"))
        c.add(f"a{i}", date(2015, 8, 1 + i), "010", pair("USAGOV", "GBRGOV"))
    with Store.open(c.write(tmp_path / "n.duckdb"), read_only=True) as store:
        report = shifts(store, BEFORE, AFTER, alpha=0.5)
    # Four cooperative units, then four neutral ones: the balance has nothing to compare.
    assert report.tested == 1 and report.testable == 0 and report.shifts == ()


def test_shifts_pairs_that_cannot_reach_alpha_are_screened_out(store):
    report = shifts(store, BEFORE, AFTER)
    # Steady cooperative pairs cannot be significant whatever their counts: only the
    # pairs whose margins allow it enter the false-discovery correction.
    assert 0 < report.testable < report.tested
    assert all(s.test in ("balance", "volume") for s in report.shifts)
    top = report.shifts[0]
    assert top.test == "balance" and top.p_value == top.p_balance < top.q_value


@pytest.mark.parametrize(
    "table, expected",
    [((8, 0, 0, 8), 7.77e-05), ((3, 1, 0, 6), 0.0167), ((5, 5, 5, 5), 0.828), ((4, 0, 4, 0), 1.0)],
)
def test_fisher_mid_p(table, expected):
    # Mid-p: outcomes less likely than the one seen, plus half of those as likely (so
    # the most likely table, 5/5 against 5/5, scores 1 - P(it) / 2, not 1).
    p, smallest = fisher_midp(*table)
    assert p == pytest.approx(expected, rel=0.01) and smallest <= p


def test_volume_mid_p():
    assert volume_midp(0, 6, 0.5)[0] == pytest.approx(0.5**6)
    assert volume_midp(3, 3, 0.5)[0] == pytest.approx(1 - 0.5 * 20 / 64)
    assert volume_midp(0, 0, 0.5) == (1.0, 1.0)


def test_shifts_near_misses_are_the_largest_changes_not_significant(store):
    report = shifts(store, BEFORE, AFTER, near_misses=3)
    assert len(report.near_misses) == 3
    assert all(s.q_value > report.alpha for s in report.near_misses)
    sizes = [abs(s.change) for s in report.near_misses]
    assert sizes == sorted(sizes, reverse=True)
    # The one-article pair is not even tested, so it is no near miss either.
    assert ("IRQ", "JOR") not in {(s.a, s.b) for s in report.near_misses}
    assert report.to_dict()["near_misses"][0]["after"]["alignment"] is not None
    assert shifts(store, BEFORE, AFTER).near_misses == ()
    with pytest.raises(QueryError, match="near_misses"):
        shifts(store, BEFORE, AFTER, near_misses=-1)
