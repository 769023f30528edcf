"""The ``entente events`` and ``entente export`` commands on a real store."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from store_factory import article, event
from typer.testing import CliRunner

from entente.cli.app import app
from entente.errors import StoreError
from entente.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    a1 = article("one")
    visit = event(a1, [("RUSGOV", "source"), ("EGYGOV", "target")], cameo="042")
    accuse = event(a1, [("USAGOV", "source"), ("SYRGOV", "target")], cameo="112", quad=3, index=1)
    path = tmp_path / "s.duckdb"
    with Store.open(path) as s:
        s.write_articles([(a1, 2, [visit, accuse])], "r")
    return path


def test_cli_events_table(db):
    result = runner.invoke(app, ["events", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "RUSGOV→EGYGOV" in result.output and "2 event(s)" in result.output


def test_cli_events_json_with_filters(db):
    result = runner.invoke(
        app, ["events", "--db", str(db), "--dyad", "RUS", "EGY", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["cameo"] for r in rows] == ["042"]
    result = runner.invoke(
        app, ["events", "--db", str(db), "--actor", "SYR", "--code", "11", "--format", "json"]
    )
    assert [r["cameo"] for r in json.loads(result.output)] == ["112"]
    result = runner.invoke(
        app, ["events", "--db", str(db), "--since", "2016-01-01", "--format", "json"]
    )
    assert json.loads(result.output) == []


def test_cli_events_csv(db):
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", "--limit", "1"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 1 and rows[0]["dyads"] == "RUSGOV>EGYGOV"


def test_cli_events_bad_date_and_missing_store(db, tmp_path):
    result = runner.invoke(app, ["events", "--db", str(db), "--since", "26/01/2015"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert isinstance(result.exception, StoreError)


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "tsv"])
def test_cli_export(db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "wrote" in result.output
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == 2


def test_cli_events_table_shows_brackets_in_sentences(tmp_path):
    a1 = article("bracket")
    ev = event(
        a1,
        [("RUSGOV", "source"), ("EGYGOV", "target")],
        sentence="[Reuters] Moscow [and] Cairo met.",
    )
    path = tmp_path / "b.duckdb"
    with Store.open(path) as s:
        s.write_articles([(a1, 1, [ev])], "r")
    result = runner.invoke(app, ["events", "--db", str(path)], env={"COLUMNS": "200"})
    assert "[Reuters] Moscow [and] Cairo met." in result.output
