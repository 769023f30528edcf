"""What every event carries, determinism, what counts as having happened, and robustness."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entente.coding import CODER_VERSION, Coder, cameo, plover_for, reportable
from entente.coding.coder import read_roles
from entente.errors import KnowledgeBaseError
from entente.types import ROLES

WHEN = date(2015, 1, 26)
TEXT = (
    "Talks in Moscow between the UN, Russia and the Syrian opposition ended on Thursday. "
    "The Syrian National Coalition refused to attend the talks. "
    "Egypt did not attend the meeting either. "
    "Russia and Egypt agreed to expand military cooperation, the Kremlin said."
)


@pytest.fixture(scope="module")
def machinery():
    from entente.actors import Resolver, load_kb

    kb = load_kb()
    return Resolver(kb), Coder(kb=kb)


@pytest.fixture(scope="module")
def coded(parse, machinery):
    resolver, coder = machinery
    out = []
    for s in parse(TEXT, article_id="a1"):
        out.append((s, coder.code(s, resolver.resolve(s, WHEN), WHEN)))
    return out


def test_coding_events_carry_everything(coded):
    events = [e for _, es in coded for e in es]
    assert events
    for s, es in coded:
        for e in es:
            name, root, quad, goldstein = cameo(e.cameo)
            assert (e.root, e.quad, e.goldstein) == (root, quad, goldstein)
            assert (e.plover, e.plover_mode) == plover_for(e.cameo)
            assert e.mode in ("asserted", "negated", "future", "hypothetical", "demanded")
            assert 0.0 < e.confidence < 1.0
            assert e.coder == CODER_VERSION
            assert e.date == WHEN and e.article_id == "a1" and e.sentence_index == s.index
            assert e.evidence.sentence == s.text and e.evidence.sentence_start == s.start_char
            assert TEXT[e.evidence.trigger_start : e.evidence.trigger_end] == e.evidence.trigger
            assert e.participants
            for p in e.participants:
                assert p.role in ROLES
                assert TEXT[p.start_char : p.end_char] == p.text


def test_coding_events_multiparty_talks_are_one_event(coded):
    talks = [e for e in coded[0][1] if e.root == "04"]
    assert len(talks) == 1
    roles = {(p.actor.code[:3], p.role) for p in talks[0].participants}
    assert {("IGO", "participant"), ("SYR", "participant")} <= roles
    assert talks[0].location == "Moscow"
    pairs = set(talks[0].dyads())
    assert {("IGOUNO", "SYROPP"), ("SYROPP", "IGOUNO")} <= {(a, b) for a, b in pairs}


def test_coding_events_refusal_and_absence(coded):
    refused = coded[1][1]
    assert [(e.cameo, e.mode, reportable(e)) for e in refused] == [("125", "asserted", True)]
    absent = coded[2][1]
    assert absent and all(e.mode == "negated" and not reportable(e) for e in absent)


def test_coding_events_joint_agreement_is_reciprocal(coded):
    agreed = [e for e in coded[3][1] if e.root == "03"]
    assert agreed and agreed[0].mode == "future" and reportable(agreed[0])
    assert {("RUS", "EGY"), ("EGY", "RUS")} <= set(agreed[0].dyads())


def test_coding_events_ids_are_deterministic(parse, machinery, coded):
    resolver, _ = machinery
    again = Coder()
    for s, es in coded:
        assert [e.id for e in again.code(s, resolver.resolve(s, WHEN), WHEN)] == [e.id for e in es]
    ids = [e.id for _, es in coded for e in es]
    assert len(ids) == len(set(ids))


def test_coding_events_most_confident_first(coded):
    for _, es in coded:
        assert [e.confidence for e in es] == sorted((e.confidence for e in es), reverse=True)


def test_coding_events_no_actors_no_events(parse):
    s = parse("The weather was fine and the markets rallied on Monday.")[0]
    assert Coder().code(s, [], WHEN) == []


def test_coding_events_prefilter_is_generous():
    coder = Coder()
    assert coder.could_trigger(["russia", "shelled", "the", "town"])
    assert coder.could_trigger(["they", "met"])  # an irregular form
    assert not coder.could_trigger(["unremarkable", "weather", "conditions", "yesterday"])


def test_coding_events_roles_file_is_validated(tmp_path):
    path = tmp_path / "roles.tsv"
    path.write_text("target_preps\tagainst\nmystery_key\tx\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="unknown keys \\['mystery_key'\\]"):
        read_roles(path)


WORDS = [
    "Russia",
    "Egypt",
    "the",
    "UN",
    "said",
    "not",
    "will",
    "attack",
    "talks",
    "with",
    "refused",
    "to",
    "meet",
    "in",
    "Moscow",
    "and",
    "urged",
    "Iran",
    "sanctions",
    "against",
    "it",
    "who",
    ",",
    "by",
    "was",
    "visited",
    "threatened",
    "its",
    "troops",
    "from",
    "if",
    "never",
    "Syrian",
    "opposition",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_coding_events_no_input_crashes_the_coder(parse, machinery, words):
    resolver, coder = machinery
    for s in parse(" ".join(words) + "."):
        for e in coder.code(s, resolver.resolve(s, WHEN), WHEN):
            assert e.cameo and e.participants


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "The UN-brokered talks between Yemen and the Houthis resumed in Kuwait.",
            {("IGO", "mediator"), ("YEM", "participant"), ("KWT", "host")},
        ),
        (
            "Talks between Russia and Turkey took place without Iran.",
            {("RUS", "participant"), ("TUR", "participant"), ("IRN", "absent")},
        ),
        (
            "Russia hosted talks between the Syrian government and the opposition.",
            {("RUS", "host"), ("SYR", "participant")},
        ),
        (
            "Talks between the Syrian government and the opposition were held under the auspices of the United Nations.",
            {("IGO", "mediator"), ("SYR", "participant")},
        ),
        ("Iran held talks with Oman.", {("IRN", "participant"), ("OMN", "participant")}),
    ],
)
def test_coding_events_multiparty_roles(parse, machinery, text, roles):
    resolver, coder = machinery
    events = [
        e
        for s in parse(text)
        for e in coder.code(s, resolver.resolve(s, WHEN), WHEN)
        if e.root == "04"
    ]
    assert len(events) == 1, [(e.cameo, e.participants) for e in events]
    got = {(p.actor.code[:3], p.role) for p in events[0].participants}
    assert roles <= got
