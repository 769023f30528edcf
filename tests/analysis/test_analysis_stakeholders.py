"""Stakeholders of a process: meetings, roles, absences, stance and the coverage gap."""

from __future__ import annotations

from datetime import date

import pytest
from analysis_factory import Corpus, pair

from entente.analysis import list_topics, load_topic, load_topic_file, stakeholders
from entente.analysis.represent import is_represented, representative, validate_state_agents
from entente.analysis.topics import parse_topic
from entente.errors import KnowledgeBaseError, QueryError
from entente.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    c = Corpus()
    # Moscow, January 2015: Russia hosts the government and some opposition figures.
    c.add(
        "m1",
        date(2015, 1, 26),
        "046",
        [("RUSGOV", "host"), ("SYRGOV", "participant"), ("SYROPP", "participant")],
        location="Moscow",
        sentence="Talks between Syrian government and opposition figures opened in Moscow.",
    )
    c.add(
        "m2",
        date(2015, 1, 28),
        "046",
        [("RUSGOV", "host"), ("SYRGOV", "participant")],
        location="Moscow",
        sentence="The Moscow talks on Syria continued for a third day.",
    )
    # The coalition refused the invitation; a rebel group did not attend.
    c.add(
        "m3",
        date(2015, 1, 20),
        "125",
        pair("SYRCOA", "RUSGOV"),
        sentence="The Syrian National Coalition rejected the invitation to Moscow.",
    )
    c.add(
        "m2",
        date(2015, 1, 27),
        "042",
        [("SYRREB", "source")],
        mode="negated",
        location="Moscow",
        sentence="The Free Syrian Army did not attend the talks in Moscow.",
    )
    # Vienna, October 2015: the outside powers, the UN mediating; no Syrian party present.
    c.add(
        "v1",
        date(2015, 10, 30),
        "046",
        [
            ("USAGOV", "participant"),
            ("RUSGOV", "participant"),
            ("IRNGOV", "participant"),
            ("SAUGOV", "participant"),
            ("TURGOV", "participant"),
            ("IGOUNO", "mediator"),
        ],
        location="Vienna",
        sentence="Foreign ministers met in Vienna to seek an end to the war in Syria.",
    )
    # Vienna, July 2015: nuclear talks, not part of this process.
    c.add(
        "n1",
        date(2015, 7, 14),
        "057",
        [("USAGOV", "participant"), ("IRNGOV", "participant")],
        location="Vienna",
        sentence="Iran and the powers reached a deal on the nuclear programme.",
    )
    # Geneva, February 2016: the UN mediates between the government and the coalition.
    c.add(
        "g1",
        date(2016, 2, 1),
        "046",
        [("IGOUNO", "mediator"), ("SYRGOV", "participant"), ("SYRCOA", "participant")],
        location="Geneva",
        sentence="The UN envoy opened proximity talks in Geneva.",
    )
    c.add(
        "g2",
        date(2016, 2, 3),
        "045",
        [("IGOUNO", "mediator"), ("SYRGOV", "participant")],
        location="geneva",
        sentence="The envoy shuttled between the delegations.",
    )
    # A refusal of the process as a whole, tied to no meeting.
    c.add(
        "p1",
        date(2016, 6, 1),
        "125",
        pair("SYRISL", "IGOUNO"),
        sentence="The Islamist alliance rejected any talks with Damascus.",
    )
    # The war itself.
    for i in range(6):
        c.add(
            f"w{i}",
            date(2015, 11, 1 + i),
            "190",
            pair("USAMIL", "IMGISI"),
            location="Raqqa",
            sentence="US-led jets struck Islamic State targets near Raqqa.",
        )
    for i in range(8):
        c.add(
            f"x{i}",
            date(2015, 3, 1 + i),
            "190",
            pair("SYRMIL", "SYRREB"),
            sentence="Government forces shelled rebel areas.",
        )
    for i in range(5):
        c.add(
            f"k{i}",
            date(2015, 1, 1 + i),
            "190",
            pair("SYRKRD", "IMGISI"),
            sentence="Kurdish fighters pushed Islamic State out of Kobani.",
        )
    for i in range(3):
        c.add(
            f"r{i}",
            date(2015, 10, 5 + i),
            "190",
            pair("RUSMIL", "SYRREB"),
            sentence="Russian jets bombed rebels in Syria.",
        )
    with Store.open(c.write(tmp_path_factory.mktemp("st") / "s.duckdb"), read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def report(store):
    return stakeholders(store, load_topic("Syria peace talks"))


def _meeting(report, venue):
    return next(m for m in report.meetings if m.venue == venue)


def test_stakeholders_meetings_are_merged_by_venue_and_days(report):
    assert [(m.venue, m.start, m.end) for m in report.meetings] == [
        ("Moscow", date(2015, 1, 26), date(2015, 1, 28)),
        ("Vienna", date(2015, 10, 30), date(2015, 10, 30)),
        ("Geneva", date(2016, 2, 1), date(2016, 2, 3)),
    ]  # the nuclear talks in Vienna are not part of the process


def test_stakeholders_moscow_host_and_absentees(report):
    moscow = _meeting(report, "Moscow")
    assert moscow.hosts == ("RUSGOV",) and moscow.mediators == ()
    assert set(moscow.participants) == {"SYRGOV", "SYROPP"}
    assert set(moscow.absent) == {"SYRCOA", "SYRREB"}
    # The United States, active in the war, was outside these talks.
    assert any(code.startswith("USA") for code in moscow.missing)
    assert "SYRMIL" not in moscow.missing  # represented by its government


def test_stakeholders_leaders_are_the_host_and_the_mediator(report):
    assert set(report.leaders) == {"RUSGOV", "IGOUNO"}
    un = report.actor("IGOUNO")
    assert (un.mediated, un.attended) == (2, 2)
    assert report.actor("RUSGOV").hosted == 1 and report.actor("RUSGOV").attended == 2


def test_stakeholders_actor_rows(report):
    coalition = report.actor("SYRCOA")
    assert (coalition.attended, coalition.absent, coalition.refusals) == (1, 1, 1)
    rebels = report.actor("SYRREB")
    assert (rebels.attended, rebels.absent) == (0, 1)
    assert rebels.weight > 0  # and it weighs in the war
    assert report.actor("SYRGOV").stance_label == "engaged"


def test_stakeholders_coverage_gap(report):
    gap = {g.code: g for g in report.gap}
    assert gap["SYRKRD"].status == "not at the table"
    assert gap["SYRREB"].status == "stayed away"
    assert "IMGISI" in gap
    # Organs of states that sat at some table are covered: the US army by the US government.
    assert not {"USAMIL", "RUSMIL", "SYRMIL"} & set(gap)
    weights = [g.weight for g in report.gap]
    assert weights == sorted(weights, reverse=True)
    assert gap["IMGISI"].material_conflict == 11


def test_stakeholders_country_level_and_range(store):
    report = stakeholders(
        store, load_topic("syria-peace-talks"), level="country", until=date(2015, 12, 31)
    )
    assert [m.venue for m in report.meetings] == ["Moscow", "Vienna"]
    assert "SYR" in _meeting(report, "Moscow").participants
    with pytest.raises(QueryError, match="unknown level"):
        stakeholders(store, load_topic("syria-peace-talks"), level="region")


def test_stakeholders_user_topic_file(store, tmp_path):
    path = tmp_path / "geneva.toml"
    path.write_text(
        'name = "geneva"\ntitle = "Geneva rounds"\nsince = "2016-01-01"\n'
        '[process]\ncodes = ["04"]\nlocations = ["Geneva"]\n'
        '[theatre]\nactors = ["SYR"]\ntop = 3\n',
        encoding="utf-8",
    )
    report = stakeholders(store, load_topic_file(path))
    assert [m.venue for m in report.meetings] == ["Geneva"]
    assert report.leaders == ("IGOUNO",)
    assert len(report.gap) <= 3


def test_topics_shipped_and_validation():
    assert "syria-peace-talks" in list_topics()
    with pytest.raises(QueryError, match="shipped topics: .*syria-peace-talks"):
        load_topic("atlantis")
    bad = {"name": "x", "title": "y", "colour": "red", "process": {"codes": ["4a"], "merge_days": -1},
           "theatre": {"actors": ["syr"]}}  # fmt: skip
    with pytest.raises(KnowledgeBaseError) as info:
        parse_topic(bad, "bad.toml")
    text = "\n".join(info.value.problems)
    assert "colour: unknown key" in text and "'4a' is not a valid code" in text
    assert "merge_days" in text and "'syr'" in text
    with pytest.raises(KnowledgeBaseError, match="process.codes"):
        parse_topic({"name": "x", "title": "y", "process": {}}, "empty.toml")


def test_state_agents_data():
    assert representative("RUSMIL") == "RUSGOV" and representative("SYRREB") == "SYRREB"
    assert is_represented("USAMIL", ["USAGOV"]) and not is_represented("SYROPP", ["SYRGOV"])
    with pytest.raises(KnowledgeBaseError, match="GOV must be listed"):
        validate_state_agents("agent\tnote\nMIL\tarmy\n", "x.tsv")
    with pytest.raises(KnowledgeBaseError, match="three-letter"):
        validate_state_agents("agent\tnote\nGOV\tx\nMILITARY\ty\n", "x.tsv")


def test_stakeholders_refusal_of_the_whole_process(report):
    assert [(a.code, a.evidence.cameo) for a in report.process_absences] == [("SYRISL", "125")]
    islamists = report.actor("SYRISL")
    assert (islamists.absent, islamists.refusals, islamists.stance_label) == (1, 1, "opposed")
