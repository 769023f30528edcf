"""Writing batches: idempotence, transactions, dyads, failures and runs."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest
from store_factory import article, event

from entente.errors import StoreError
from entente.store import Store, WriteResult
from entente.types import Failure


def _count(db, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    finally:
        con.close()


def _batch():
    a1, a2 = article("one"), article("two")
    e1 = event(a1, [("RUSGOV", "source"), ("EGYGOV", "target")], cameo="042", quad=1, goldstein=1.9)
    e2 = event(a1, [("RUSGOV", "participant"), ("EGYGOV", "participant")], index=1)
    e3 = event(
        a2, [("USAGOV", "source"), ("SYRGOV", "target")], cameo="112", quad=3, goldstein=-2.0
    )
    return [(a1, 3, [e1, e2]), (a2, 2, [e3])]


def test_store_write_same_batch_twice_adds_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        run = store.start_run(["x"], "{}", "test")
        assert store.write_articles(_batch(), run) == WriteResult(articles_new=2, events_new=3)
        assert store.write_articles(_batch(), run) == WriteResult(articles_new=0, events_new=0)
        s = store.summary()
    assert (s.articles, s.sentences, s.events) == (2, 5, 3)
    # participants: 2 + 2 + 2; dyads: 1 (source->target) + 2 (joint pair both ways) + 1
    assert _count(db, "participants") == 6
    assert _count(db, "event_dyads") == 4


def test_store_write_duplicates_within_a_batch_count_once(tmp_path):
    batch = _batch()
    doubled = batch + [(batch[0][0], 3, list(batch[0][2]) * 2)]
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store.write_articles(doubled, "r") == WriteResult(2, 3)


def test_store_write_new_events_of_a_known_article_are_added(tmp_path):
    a1 = article("one")
    first = event(a1, [("RUSGOV", "source"), ("EGYGOV", "target")])
    second = event(a1, [("EGYGOV", "source"), ("RUSGOV", "target")], cameo="043")
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store.write_articles([(a1, 1, [first])], "r") == WriteResult(1, 1)
        assert store.write_articles([(a1, 1, [first, second])], "r") == WriteResult(0, 1)


def test_store_write_failure_mid_batch_leaves_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    good = _batch()[:1]
    a3 = article("three")
    # Articles and events insert fine; the participants insert then hits the role check.
    bad_event = event(a3, [("RUSGOV", "source"), ("EGYGOV", "bystander")])
    with Store.open(db) as store:
        store.write_articles(good, "r")
        with pytest.raises(StoreError, match="rolled back"):
            store.write_articles([(article("four"), 1, []), (a3, 1, [bad_event])], "r")
        assert store.known_article_ids([a3.id, article("four").id, good[0][0].id]) == {
            good[0][0].id
        }
        # The store is still usable after the rollback.
        assert store.write_articles([(a3, 1, [])], "r") == WriteResult(1, 0)
    assert _count(db, "events") == 2
    assert _count(db, "participants") == 4
    assert _count(db, "event_dyads") == 3


def test_store_write_wrong_types_are_refused_before_writing(tmp_path):
    a1 = article("one")
    broken = event(a1, [("RUSGOV", "source")])
    object.__setattr__(broken, "quad", "one")
    with Store.open(tmp_path / "s.duckdb") as store:
        with pytest.raises(StoreError, match="wrong type"):
            store.write_articles([(a1, 1, [broken])], "r")
        assert store.summary().articles == 0


def test_store_event_dyads_follow_event_dyads_method(tmp_path):
    a1 = article("one")
    talks = event(
        a1,
        [("RUSGOV", "host"), ("SYRGOV", "participant"), ("SYROPP", "participant"),
         ("IGOUNO", "mediator"), ("SYRREB", "absent")],
        cameo="046",
    )  # fmt: skip
    with Store.open(tmp_path / "s.duckdb") as store:
        store.write_articles([(a1, 1, [talks])], "r")
        stored = store.events()
    got = [(d["source"], d["target"]) for d in stored.column("dyads").to_pylist()[0]]
    assert got == talks.dyads()
    assert ("RUSGOV", "SYRGOV") in got and all("SYRREB" not in pair for pair in got)


def test_store_known_article_ids(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store.known_article_ids([]) == set()
        batch = _batch()
        store.write_articles(batch, "r")
        ids = [a.id for a, _, _ in batch]
        assert store.known_article_ids(ids + ["nope", ids[0]]) == set(ids)


def test_store_failures_recorded_once_with_reasons(tmp_path):
    fails = [
        Failure("a.bin", "binary file, not text", "ingest"),
        Failure("b.html", "no main text found", "ingest"),
        Failure("c.bin", "binary file, not text", "ingest"),
    ]
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store.write_failures(fails, "r1") == 3
        assert store.write_failures(fails[:1], "r2") == 0
        got = store.failures()
        s = store.summary()
    assert sorted(f.origin for f in got) == ["a.bin", "b.html", "c.bin"]
    assert s.failures == 3
    assert s.failure_reasons[0] == ("binary file, not text", 2)


def test_store_runs_start_and_finish(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        run = store.start_run(["examples/"], '{"batch_size": 8}', "rules 0.1")
        store.finish_run(run, {"articles_read": 5, "events": 7})
        with pytest.raises(StoreError, match="unknown run counter"):
            store.finish_run(run, {"bananas": 1})
        with pytest.raises(StoreError, match="no run"):
            store.finish_run("not-a-run", {"events": 1})
        with pytest.raises(StoreError, match="not JSON"):
            store.start_run([], "{broken", "rules 0.1")
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute(
        "SELECT sources, articles_read, events, finished_at IS NOT NULL FROM runs"
    ).fetchall()
    con.close()
    assert row == [(["examples/"], 5, 7, True)]


def test_store_read_only_refuses_writes(tmp_path):
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    with Store.open(db, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.write_articles(_batch(), "r")
        with pytest.raises(StoreError, match="read-only"):
            store.write_failures([Failure("x", "y")], "r")


def test_store_keep_open_false_opens_per_operation(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store.open(db, keep_open=False) as writer:
        writer.write_articles(_batch(), "r")
        # Between operations the file is free: another connection can even write to it.
        con = duckdb.connect(str(db))
        con.close()
        assert writer.summary().events == 3
        reader = Store.open(db, read_only=True, keep_open=False)
        assert reader.events(since=date(2015, 1, 1)).num_rows == 3
        reader.close()
