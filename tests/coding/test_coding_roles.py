"""Roles the coder gives participants in real-style sentences: hosts, mediators, topics.

Each test states who must (and must not) take part in which role; sentences are written
for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

WHEN = date(2016, 6, 1)


@pytest.fixture(scope="module")
def code(parse):
    """``code(text) -> list[Event]`` (reportable ones) with the shipped coder and resolver."""
    from entente.actors import Resolver, load_kb
    from entente.coding import Coder, reportable

    kb = load_kb()
    resolver = Resolver(kb)
    coder = Coder(kb=kb)

    def _code(text: str, when: date = WHEN):
        events = []
        for s in parse(text):
            events.extend(coder.code(s, resolver.resolve(s, when), when))
        return [e for e in events if reportable(e)]

    return _code


def roles(event) -> set[tuple[str, str]]:
    return {(p.actor.code, p.role) for p in event.participants}


def test_coding_roles_conjoined_host_of_a_meeting(code):
    events = code(
        "The summit was convened by the Arab League and hosted by the Egyptian foreign minister."
    )
    meeting = [e for e in events if e.root == "04"]
    assert len(meeting) == 1, [(e.cameo, roles(e)) for e in events]
    assert {("IGOARL", "host"), ("EGYGOV", "host")} <= roles(meeting[0])


def test_coding_roles_what_is_discussed_takes_no_part(code):
    events = code("The two ministers discussed Libya, Yemen and the stalled negotiations with Iran.")
    codes = {p.actor.code for e in events for p in e.participants}
    assert not codes & {"LBY", "YEM", "IRN"}, [(e.cameo, roles(e)) for e in events]


def test_coding_roles_discussed_with_is_the_other_party(code):
    events = code("Macron discussed the crisis with Erdogan by telephone.")
    assert any({"FRA", "TUR"} <= {p.actor.code[:3] for p in e.participants} for e in events)


def test_coding_roles_what_a_document_is_about_is_no_target(code):
    events = code("Beijing blocked a council text on Myanmar.")
    veto = [e for e in events if e.cameo == "129"]
    assert veto and all("MMR" not in {p.actor.code[:3] for p in e.participants} for e in veto)


def test_coding_roles_place_of_talks_left_is_their_location(code):
    events = code("The rebel delegation suspended its participation in the talks in Kuwait.")
    left = [e for e in events if e.cameo == "164"]
    assert left and left[0].location == "Kuwait"
    assert ("KWT", "target") not in roles(left[0])


def test_coding_roles_adjective_places_the_other_side(code):
    events = code("Talks between the Libyan government and opposition leaders resumed in Tunis.")
    parties = {p.actor.code for e in events for p in e.participants if p.role == "participant"}
    assert {"LBYGOV", "LBYOPP"} <= parties
