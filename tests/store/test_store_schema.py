"""Schema creation, migrations, refusal of newer schemas, and opening errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from entente.errors import KnowledgeBaseError, StoreError
from entente.store import Store, latest_version
from entente.store.migrate import load_migrations
from entente.store.rollup import international_prefixes, rollup_code, validate_rollup

TABLES = {
    "runs",
    "articles",
    "events",
    "participants",
    "event_dyads",
    "failures",
    "schema_migrations",
}


def _tables(path: Path) -> set[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
    finally:
        con.close()


def _migrations(path: Path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(
            "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"
        ).fetchall()
    finally:
        con.close()


def test_store_open_creates_schema_and_records_migrations(tmp_path):
    db = tmp_path / "sub" / "events.duckdb"
    with Store.open(db):
        pass
    assert TABLES <= _tables(db)
    recorded = _migrations(db)
    assert [r[0] for r in recorded] == [m.version for m in load_migrations()]
    assert recorded[-1][0] == latest_version() >= 1
    assert recorded[0][1] == "initial"


def test_store_reopen_applies_nothing_twice(tmp_path):
    db = tmp_path / "events.duckdb"
    Store.open(db).close()
    before = _migrations(db)
    Store.open(db).close()
    with Store.open(db, read_only=True) as store:
        assert store.summary().events == 0
    assert _migrations(db) == before


def test_store_refuses_a_newer_schema(tmp_path):
    db = tmp_path / "events.duckdb"
    Store.open(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'from_the_future', now())")
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"schema version 999, newer than this entente"):
            Store.open(db, read_only=read_only)


def test_store_read_only_needs_an_existing_current_store(tmp_path):
    with pytest.raises(StoreError, match="no event store at"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    plain = tmp_path / "plain.duckdb"
    duckdb.connect(str(plain)).close()
    with pytest.raises(StoreError, match="no entente schema"):
        Store.open(plain, read_only=True)
    # Opening it for writing adopts it.
    Store.open(plain).close()
    Store.open(plain, read_only=True).close()


def test_store_not_a_database_is_a_store_error(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(junk)


def test_store_locked_by_another_process_says_so(tmp_path):
    db = tmp_path / "events.duckdb"
    Store.open(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()",
         str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=r"locked by .*PID \d+"):
            Store.open(db, lock_timeout=0)
        with pytest.raises(StoreError, match="gave up after"):
            Store.open(db, read_only=True, lock_timeout=0.2)
    finally:
        holder.communicate("")
    # Once the holder is gone the store opens again.
    Store.open(db, read_only=True, lock_timeout=0).close()


def test_store_closed_store_refuses_use(tmp_path):
    store = Store.open(tmp_path / "events.duckdb")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.summary()


def test_rollup_data_validates_and_rolls_up():
    prefixes = international_prefixes()
    assert "IGO" in prefixes and "RUS" not in prefixes
    assert rollup_code("RUSMIL") == "RUS"
    assert rollup_code("IGOUNO") == "IGOUNO"
    assert rollup_code("SYR") == "SYR"
    assert rollup_code(None) is None


@pytest.mark.parametrize(
    "text, problem",
    [
        ("code\tnote\nIGO\tx\n", "header"),
        ("prefix\tnote\nIGOX\tx\n", "three capital letters"),
        ("prefix\tnote\nigo\tx\n", "three capital letters"),
        ("prefix\tnote\nIGO\tx\nIGO\ty\n", "listed twice"),
    ],
)
def test_rollup_validator_names_the_problem(text, problem):
    with pytest.raises(KnowledgeBaseError, match=problem):
        validate_rollup(text, "bad.tsv")
