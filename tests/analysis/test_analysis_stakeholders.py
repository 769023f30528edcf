"""Stakeholders of a process: meetings, roles, absences, stance and the coverage gap."""

from __future__ import annotations

from datetime import date

import pytest
from analysis_factory import Corpus, pair

from entente.analysis import list_topics, load_topic, load_topic_file, stakeholders
from entente.analysis.represent import (
    is_party,
    is_represented,
    is_unidentified,
    representative,
    state_unit,
    validate_cameo_roles,
    validate_parties,
    validate_state_agents,
    validate_unidentified,
)
from entente.analysis.topics import parse_topic
from entente.errors import KnowledgeBaseError, QueryError
from entente.store import Store

TOPIC = {
    "name": "talks",
    "title": "Syrian talks",
    "process": {
        "codes": ["036", "040", "042", "043", "045", "046", "057"],
        "refusal_codes": ["125", "164"],
        "actors": ["SYR"],
        "keywords": ["Syria", "Syrian"],
        "merge_days": 4,
        "attach_days": 21,
    },
    "theatre": {"actors": ["SYR"], "keywords": ["Syria"], "locations": ["Raqqa"], "top": 15},
}


def topic(**changes):
    """The test topic, with some [process] or [theatre] keys changed."""
    data = {k: dict(v) if isinstance(v, dict) else v for k, v in TOPIC.items()}
    for key, value in changes.items():
        section = "theatre" if key in ("exclude_from_gap", "min_share") else "process"
        data[section][key] = value
    return parse_topic(data, "test")


MOSCOW = ("RUS", "host", "Moscow", "place", "state:RUS")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    c = Corpus()
    # Moscow, January 2015: Russia hosts the government and some opposition figures.
    c.add("m1", date(2015, 1, 26), "046",
          [("RUSGOV", "host"), ("SYRGOV", "participant"), ("SYROPP", "participant"),
           ("---OPP", "participant")],
          location="Moscow",
          sentence="Talks between Syrian government and opposition figures opened in Moscow.")  # fmt: skip
    # The same article: the United States stayed away (no word of Syria in the sentence).
    c.add("m1", date(2015, 1, 26), "042", [("USA", "source"), MOSCOW], mode="negated",
          sentence="The United States did not send a delegation to Moscow.")  # fmt: skip
    c.add("m2", date(2015, 1, 28), "046", [("RUSGOV", "host"), ("SYRGOV", "participant")],
          location="Moscow", sentence="The Moscow talks on Syria continued for a third day.")  # fmt: skip
    # Reported by its host only, two days later: the same meeting (Moscow is in Russia).
    c.add("m4", date(2015, 1, 30), "046", [("RUS", "host"), ("SYRGOV", "participant")],
          sentence="Syrian talks hosted by Russia ended with a list of principles.")  # fmt: skip
    # The coalition refused the invitation; a rebel group did not attend.
    c.add("m3", date(2015, 1, 20), "125", pair("SYRCOA", "RUSGOV"),
          sentence="The Syrian National Coalition rejected the invitation to Moscow.")  # fmt: skip
    c.add("m2", date(2015, 1, 27), "042", [("SYRREB", "source")], mode="negated",
          location="Moscow", sentence="The Free Syrian Army did not attend the talks in Moscow.")  # fmt: skip
    # Vienna, October 2015: the outside powers, the UN mediating; no Syrian party present.
    c.add("v1", date(2015, 10, 30), "046",
          [("USAGOV", "participant"), ("RUSGOV", "participant"), ("IRNGOV", "participant"),
           ("SAUGOV", "participant"), ("TURGOV", "participant"), ("IGOUNO", "mediator")],
          location="Vienna",
          sentence="Foreign ministers met in Vienna to seek an end to the war in Syria.")  # fmt: skip
    # Vienna, July 2015: nuclear talks, not part of this process.
    c.add("n1", date(2015, 7, 14), "057", [("USAGOV", "participant"), ("IRNGOV", "participant")],
          location="Vienna", sentence="Iran and the powers reached a deal on the nuclear programme.")  # fmt: skip
    # Geneva, February 2016: the UN mediates between the government and the coalition.
    c.add("g1", date(2016, 2, 1), "046",
          [("IGOUNO", "mediator"), ("SYRGOV", "participant"), ("SYRCOA", "participant")],
          location="Geneva", sentence="The UN envoy opened proximity talks in Geneva on Syria.")  # fmt: skip
    # The same article recalls a truce brokered elsewhere, by others: not this meeting.
    c.add("g1", date(2016, 2, 1), "045", [("USA", "participant"), ("CHN", "participant")],
          sentence="A truce in Syria brokered by the United States and China took effect.")  # fmt: skip
    # A visit in the same article, without a place: the one visited hosts it.
    c.add("g1", date(2016, 2, 1), "042", pair("SYROPP", "IGOUNO"),
          sentence="The Syrian opposition visited the envoy.")  # fmt: skip
    c.add("g2", date(2016, 2, 3), "045", [("IGOUNO", "mediator"), ("SYRGOV", "participant")],
          location="geneva", sentence="The envoy shuttled between the Syrian delegations.")  # fmt: skip
    # A refusal that names no meeting (neither its place nor its host) boycotts none.
    c.add("g2", date(2016, 2, 3), "125", [("SYRGOV", "source")],
          sentence="Damascus refused to discuss the future of the Syrian presidency.")  # fmt: skip
    # A refusal of the process as a whole, tied to no meeting.
    c.add("p1", date(2016, 6, 1), "125", pair("SYRISL", "IGOUNO"),
          sentence="The Islamist alliance rejected any talks with Damascus.")  # fmt: skip
    # The war itself.
    for i in range(6):
        c.add(f"w{i}", date(2015, 11, 1 + i), "190", pair("USAMIL", "IMGISI"), location="Raqqa",
              sentence="US-led jets struck Islamic State targets near Raqqa.")  # fmt: skip
    for i in range(8):
        c.add(f"x{i}", date(2015, 3, 1 + i), "190", pair("SYRMIL", "SYRREB"),
              sentence="Government forces shelled rebel areas in Syria.")  # fmt: skip
    for i in range(5):
        c.add(f"k{i}", date(2015, 1, 1 + i), "190", pair("SYRREBKRD", "IMGISI"),
              sentence="Kurdish fighters pushed Islamic State out of Kobani in Syria.")  # fmt: skip
    for i in range(3):
        c.add(f"r{i}", date(2015, 10, 5 + i), "190", pair("RUSMIL", "SYRREB"),
              sentence="Russian jets bombed rebels in Syria.")  # fmt: skip
    for i in range(9):  # the Nusra Front (coded as rebels) and unnamed victims
        c.add(f"n{i}", date(2015, 4, 1 + i), "190",
              [("SYRREB", "source", "Nusra Front", "group", "group:nusra"), ("SYRCVL", "target"),
               ("---MIL", "target")],
              sentence="The Nusra Front attacked villagers and troops in Syria.")  # fmt: skip
    with Store.open(c.write(tmp_path_factory.mktemp("st") / "s.duckdb"), read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def report(store):
    return stakeholders(store, topic())


def _meeting(report, venue):
    return next(m for m in report.meetings if m.venue == venue)


def test_stakeholders_meetings_are_merged_by_venue_and_days(report):
    assert [(m.venue, m.start, m.end) for m in report.meetings] == [
        ("Moscow", date(2015, 1, 26), date(2015, 1, 30)),
        ("Vienna", date(2015, 10, 30), date(2015, 10, 30)),
        ("", date(2016, 2, 1), date(2016, 2, 1)),
        ("Geneva", date(2016, 2, 1), date(2016, 2, 3)),
    ]  # the nuclear talks in Vienna are not part of the process
    moscow = _meeting(report, "Moscow")
    assert moscow.country == "RUS" and moscow.articles == 4  # m1, m2, m4 and the refusal's m3
    assert report.meetings_at("rus") == report.meetings_at("Moscow") == [moscow]


def test_stakeholders_moscow_host_and_absentees(report):
    moscow = _meeting(report, "Moscow")
    assert set(moscow.hosts) == {"RUS", "RUSGOV"} and moscow.mediators == ()
    assert set(moscow.participants) == {"SYRGOV", "SYROPP"}
    # Refused the invitation, did not attend, did not send a delegation (its article is
    # about the Syrian talks even though the sentence does not say so).
    assert set(moscow.absent) == {"SYRCOA", "SYRREB", "USA"}
    assert "SYRMIL" not in moscow.missing  # represented by its government


def test_stakeholders_unidentified_actors_are_never_listed(report):
    listed = {c for m in report.meetings for c in m.present + m.absent + m.missing}
    listed |= {a.code for a in report.actors} | {g.code for g in report.gap}
    assert listed and not any(is_unidentified(c) for c in listed)


def test_stakeholders_reports_about_something_else_stay_apart(report):
    geneva = _meeting(report, "Geneva")
    assert not {"USA", "CHN"} & set(geneva.present)  # the truce brokered elsewhere
    assert geneva.hosts == ("IGOUNO",)  # the visited envoy hosts the visit
    assert set(_meeting(report, "").participants) == {"CHN", "USA"}


def test_stakeholders_leaders_are_the_host_and_the_mediator(report):
    assert report.leaders[:2] == ("IGOUNO", "RUSGOV")
    un = report.actor("IGOUNO")
    assert (un.mediated, un.hosted, un.attended) == (2, 1, 2)
    assert report.actor("RUSGOV").hosted == 1 and report.actor("RUSGOV").attended == 2
    # The envoy is the go-between of parties that do not otherwise meet.
    assert un.centrality > report.actor("SYRCOA").centrality
    assert un.partners >= 6


def test_stakeholders_actor_rows(report):
    coalition = report.actor("SYRCOA")
    assert (coalition.attended, coalition.absent, coalition.refusals) == (1, 1, 1)
    rebels = report.actor("SYRREB")
    assert (rebels.attended, rebels.absent) == (0, 1)
    assert rebels.weight > 0  # and it weighs in the war
    assert report.actor("SYRGOV").stance_label == "engaged"


def test_stakeholders_coverage_gap(report):
    gap = {g.code: g for g in report.gap}
    assert gap["SYRREBKRD"].status == "not at the table"
    assert gap["SYRREB"].status == "stayed away"
    assert "IMGISI" in gap  # an armed group is a party unless the topic says otherwise
    assert "SYRCVL" not in gap  # civilians weigh in the war but are no party to talks
    # Organs of states that sat at some table are covered: the US army by the US government.
    assert not {"USAMIL", "RUSMIL", "SYRMIL"} & set(gap)
    weights = [g.weight for g in report.gap]
    assert weights == sorted(weights, reverse=True)
    assert gap["IMGISI"].material_conflict == 11
    assert gap["SYRREB"].occurrences == 11  # 8 shellings, 3 bombings
    # A named group keeps its name next to its code: the Nusra Front is not any rebels.
    assert gap["SYRREB (Nusra Front)"].occurrences == 9
    assert "RUS" not in gap  # Moscow, a place, is no actor of the war


def test_stakeholders_topic_excludes_parties_from_the_gap(store):
    report = stakeholders(store, topic(exclude_from_gap=["IMGISI", "group:nusra"]))
    gap = {g.code: g for g in report.gap}
    assert "IMGISI" not in gap and "SYRREB (Nusra Front)" not in gap
    assert gap["SYRREB"].occurrences == 11
    assert not any("IMGISI" in m.missing for m in report.meetings)


def test_stakeholders_gap_keeps_only_central_parties(store):
    everyone = stakeholders(store, topic())
    central = stakeholders(store, topic(min_share=0.5))
    # The weightiest party is at some table or in the unfiltered gap.
    heaviest = max(
        [g.weight for g in everyone.gap] + [a.weight for a in everyone.actors if is_party(a.code)]
    )
    assert central.gap and all(g.weight >= 0.5 * heaviest for g in central.gap)
    assert len(central.gap) < len(everyone.gap)


def test_stakeholders_state_units_roll_up_organs_but_not_the_opposition(store):
    report = stakeholders(store, topic(state_units=True))
    assert report.level == "state"
    moscow = _meeting(report, "Moscow")
    assert moscow.hosts == ("RUS",)
    assert set(moscow.participants) == {"SYR", "SYROPP"}
    assert set(report.leaders[:2]) == {"IGOUNO", "RUS"}
    assert "SYR" not in {g.code for g in report.gap}  # its army is the state, and it attended


def test_stakeholders_country_level_and_range(store):
    report = stakeholders(store, topic(), level="country", until=date(2015, 12, 31))
    assert [m.venue for m in report.meetings] == ["Moscow", "Vienna"]
    assert "SYR" in _meeting(report, "Moscow").participants
    with pytest.raises(QueryError, match="unknown level"):
        stakeholders(store, topic(), level="region")


def test_stakeholders_user_topic_file(store, tmp_path):
    path = tmp_path / "geneva.toml"
    path.write_text(
        'name = "geneva"\ntitle = "Geneva rounds"\nsince = "2016-01-01"\n'
        '[process]\ncodes = ["04"]\nlocations = ["Geneva"]\n'
        '[theatre]\nactors = ["SYR"]\ntop = 3\n',
        encoding="utf-8",
    )
    report = stakeholders(store, load_topic_file(path))
    # The truce recalled in a Geneva report belongs to the topic too (by its article).
    assert [m.venue for m in report.meetings] == ["", "Geneva"]
    assert report.leaders == ("IGOUNO",)
    assert len(report.gap) <= 3


def test_stakeholders_refusal_of_the_whole_process(report):
    assert [(a.code, a.evidence.cameo) for a in report.process_absences] == [
        ("SYRGOV", "125"),
        ("SYRISL", "125"),
    ]
    assert "SYRGOV" not in _meeting(report, "Geneva").absent
    islamists = report.actor("SYRISL")
    assert (islamists.absent, islamists.refusals, islamists.stance_label) == (1, 1, "opposed")


def test_stakeholders_empty_store(tmp_path):
    with Store.open(tmp_path / "empty.duckdb") as store:
        report = stakeholders(store, load_topic("syria-peace-talks"))
    assert (report.meetings, report.actors, report.gap, report.leaders) == ((), (), (), ())
    assert report.to_dict()["topic"] == "syria-peace-talks"


def test_topics_shipped_and_validation():
    assert "syria-peace-talks" in list_topics()
    shipped = load_topic("Syria peace talks")
    assert shipped.process.state_units and "IMGMUSISI" in shipped.theatre.excluded_codes
    with pytest.raises(QueryError, match="shipped topics: .*syria-peace-talks"):
        load_topic("atlantis")
    bad = {"name": "x", "title": "y", "colour": "red",
           "process": {"codes": ["4a"], "merge_days": -1, "state_units": "yes"},
           "theatre": {"actors": ["syr"], "exclude_from_gap": ["nusra front"]}}  # fmt: skip
    with pytest.raises(KnowledgeBaseError) as info:
        parse_topic(bad, "bad.toml")
    text = "\n".join(info.value.problems)
    assert "colour: unknown key" in text and "'4a' is not a valid code" in text
    assert "merge_days" in text and "'syr'" in text
    assert "state_units: must be true or false" in text and "'nusra front'" in text
    with pytest.raises(KnowledgeBaseError, match="process.codes"):
        parse_topic({"name": "x", "title": "y", "process": {}}, "empty.toml")


def test_state_agents_data():
    assert representative("RUSMIL") == "RUSGOV" and representative("SYRREB") == "SYRREB"
    assert is_represented("USAMIL", ["USAGOV"]) and not is_represented("SYROPP", ["SYRGOV"])
    assert (state_unit("RUSMIL"), state_unit("USA"), state_unit("SYROPP")) == (
        "RUS",
        "USA",
        "SYROPP",
    )
    assert state_unit("IGOUNO") == "IGOUNO"
    with pytest.raises(KnowledgeBaseError, match="GOV must be listed"):
        validate_state_agents("agent\tnote\nMIL\tarmy\n", "x.tsv")
    with pytest.raises(KnowledgeBaseError, match="three-letter"):
        validate_state_agents("agent\tnote\nGOV\tx\nMILITARY\ty\n", "x.tsv")


@pytest.mark.parametrize(
    "code, party",
    [("SYRGOV", True), ("USA", True), ("RUSMIL", True), ("SYROPP", True), ("SYRREBMUS", True),
     ("IMGMUSISI", True), ("SYRCVL", False), ("IGOUNO", False), ("---REB", False),
     ("NGOHLHIRC", False), ("RUSEDU", False)],
)  # fmt: skip
def test_is_party(code, party):
    assert is_party(code) is party


@pytest.mark.parametrize(
    "check, text, message",
    [
        (validate_unidentified, "prefix\tnote\n-x-\tbad\n", "capitals or dashes"),
        (validate_unidentified, "code\tnote\n---\tx\n", "header"),
        (validate_parties, "part\tscope\tnote\nOPP\tagent\tx\nOPP\tprefix\ty\n", "listed twice"),
        (validate_parties, "part\tscope\tnote\nOPP\tkind\tx\n", "scope"),
        (validate_cameo_roles, "cameo\tside\trole\tnote\n042\twhere\thost\tx\n", "side"),
        (validate_cameo_roles, "cameo\tside\trole\tnote\n042\ttarget\tking\tx\n", "role"),
        (validate_cameo_roles, "cameo\tside\trole\tnote\n4x\ttarget\thost\tx\n", "CAMEO code"),
    ],
)
def test_actor_class_files_are_validated(check, text, message):
    with pytest.raises(KnowledgeBaseError) as info:
        check(text, "x.tsv")
    assert message in "\n".join(info.value.problems)
