"""Every filter of Store.events, alone and combined, and the summary."""

from __future__ import annotations

from datetime import date

import pytest
from store_factory import article, event

from entente.errors import QueryError
from entente.store import Store


@pytest.fixture
def store(tmp_path):
    """A store with a small, varied set of events."""
    a1, a2, a3 = article("one"), article("two"), article("three", published=None)
    evs = {
        "visit": event(a1, [("RUSGOV", "source"), ("EGYGOV", "target")], cameo="042", goldstein=1.9,
                       day=date(2015, 1, 10)),
        "talks": event(a1, [("RUSGOV", "host"), ("SYRGOV", "participant"), ("SYROPP", "absent")],
                       cameo="046", goldstein=7.0, day=date(2015, 1, 26), index=1),
        "accuse": event(a2, [("USAGOV", "source"), ("RUSMIL", "target")], cameo="112", quad=3,
                        goldstein=-2.0, day=date(2015, 10, 1)),
        "future": event(a2, [("EGYGOV", "source"), ("RUSGOV", "target")], cameo="036", goldstein=4.0,
                        day=date(2015, 11, 5), mode="future", index=1),
        "undated": event(a3, [("IGOUNO", "source"), ("SYRGOV", "target")], cameo="0421", day=None),
    }  # fmt: skip
    with Store.open(tmp_path / "s.duckdb") as s:
        s.write_articles([(a1, 2, [evs["visit"], evs["talks"]]), (a2, 2, [evs["accuse"], evs["future"]]),
                          (a3, 1, [evs["undated"]])], "r")  # fmt: skip
        s.ids = {v.id: k for k, v in evs.items()}  # type: ignore[attr-defined]
        yield s


def names(store, table) -> set[str]:
    return {store.ids[i] for i in table.column("id").to_pylist()}


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({}, {"visit", "talks", "accuse", "future", "undated"}),
        ({"actor": "RUS"}, {"visit", "talks", "accuse", "future"}),
        ({"actor": "RUSMIL"}, {"accuse"}),
        ({"actor": "SYROPP"}, {"talks"}),  # an absent actor is still a participant
        ({"actor": "IGO"}, {"undated"}),
        ({"actor": "CHN"}, set()),
        ({"dyad": ("RUS", "EGY")}, {"visit"}),
        ({"dyad": ("EGY", "RUS")}, {"future"}),
        ({"dyad": ("RUSGOV", "SYRGOV")}, {"talks"}),  # host -> participant
        ({"dyad": ("SYRGOV", "RUSGOV")}, set()),
        ({"dyad": ("USA", "RUS")}, {"accuse"}),
        ({"code": "04"}, {"visit", "talks", "undated"}),
        ({"code": "042"}, {"visit", "undated"}),
        ({"code": "0421"}, {"undated"}),
        ({"code": "1"}, {"accuse"}),
        ({"since": date(2015, 1, 26)}, {"talks", "accuse", "future"}),
        ({"until": date(2015, 1, 26)}, {"visit", "talks"}),
        ({"since": date(2015, 1, 11), "until": date(2015, 10, 1)}, {"talks", "accuse"}),
        ({"mode": "future"}, {"future"}),
        ({"mode": "asserted"}, {"visit", "talks", "accuse", "undated"}),
        ({"actor": "RUS", "code": "0", "mode": "asserted"}, {"visit", "talks"}),
        ({"dyad": ("RUS", "EGY"), "since": date(2015, 2, 1)}, set()),
    ],
)
def test_store_events_filters(store, kwargs, expected):
    assert names(store, store.events(**kwargs)) == expected


def test_store_events_order_limit_and_columns(store):
    table = store.events(limit=2)
    assert [store.ids[i] for i in table.column("id").to_pylist()] == ["visit", "talks"]
    assert store.events(limit=0).num_rows == 0
    row = store.events(code="046").to_pylist()[0]
    assert [(p["code"], p["role"]) for p in row["participants"]] == [
        ("RUSGOV", "host"), ("SYRGOV", "participant"), ("SYROPP", "absent")]  # fmt: skip
    assert row["article_source"] == "Test Wire" and row["url"].startswith("https://")
    assert store.events().column("date").to_pylist()[-1] is None  # undated events come last


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"mode": "maybe"}, "unknown mode 'maybe'"),
        ({"limit": -1}, "limit must be"),
        ({"since": date(2016, 1, 1), "until": date(2015, 1, 1)}, "is after until"),
    ],
)
def test_store_events_bad_filters(store, kwargs, message):
    with pytest.raises(QueryError, match=message):
        store.events(**kwargs)


def test_store_summary(store):
    s = store.summary(top=3)
    assert (s.articles, s.sentences, s.events, s.failures) == (3, 5, 5, 0)
    assert s.first_date == date(2015, 1, 10) and s.last_date == date(2015, 11, 5)
    assert s.events_by_quad == {1: 4, 3: 1}
    assert len(s.top_dyads) == 3 and all(n == 1 for _, _, n in s.top_dyads)


def test_store_summary_empty(tmp_path):
    with Store.open(tmp_path / "e.duckdb") as s:
        summary = s.summary()
    assert (summary.articles, summary.events, summary.top_dyads, summary.first_date) == (
        0,
        0,
        [],
        None,
    )


def test_store_get_events_and_article(store):
    events = store.get_events()
    assert len(events) == 5
    one = events[0]
    assert store.get_events([one.id]) == [one]
    assert store.get_article(one.article_id).id == one.article_id
    assert store.get_article("nope") is None
