"""Event search by words of the sentence, and the names actor codes go by in a store."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_factory import article, event

from entente.store import Store
from entente.types import Actor, Participant


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    a, b = article("a"), article("b")
    ev1 = event(a, [("RUSGOV", "source"), ("EGY", "target")], sentence="Russia and Egypt AGREED.")
    ev2 = event(b, [("USA", "source")], cameo="125", quad=3, goldstein=-5.0,
                sentence="The United States refused to attend.", index=1)  # fmt: skip
    # The same code named as a person, twice, and as the government, once.
    people = tuple(
        Participant(
            Actor("RUSGOV", "Vladimir Putin", "RUS", "GOV", "person"), "source", 0, 5, "Putin"
        )
        for _ in range(2)
    )
    ev3 = replace(
        event(b, [], sentence="Putin spoke.", index=2),
        participants=people + (Participant(Actor("RUSGOV", "Russia government", "RUS", "GOV",
                                                 "government"), "target", 9, 15, "Moscow"),),
    )  # fmt: skip
    with Store.open(tmp_path_factory.mktemp("search") / "s.duckdb") as s:
        s.write_articles([(a, 1, [ev1]), (b, 3, [ev2, ev3])], "test")
        yield s


@pytest.mark.parametrize(
    "text, expected",
    [("agreed", 1), ("REFUSED to", 1), ("  attend ", 1), ("Moscow", 0), ("", 3), (None, 3)],
)
def test_store_events_text_filter_any_case(store, text, expected):
    assert store.events(text=text).num_rows == expected


def test_store_events_text_filter_combines_with_others(store):
    assert store.events(text="refused", code="125").num_rows == 1
    assert store.events(text="refused", code="05").num_rows == 0
    assert store.events(text="'; DROP TABLE events; --").num_rows == 0  # a parameter, not SQL
    assert store.events().num_rows == 3


def test_store_actor_names_prefer_bodies_to_people(store):
    names = store.actor_names(["RUSGOV", "EGY", "USA", "XXXGOV"])
    assert names == {"RUSGOV": "Russia government", "EGY": "name of EGY", "USA": "name of USA"}
    assert store.actor_names([]) == {}
