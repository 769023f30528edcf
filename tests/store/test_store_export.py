"""Each export format, read back and compared with what was stored."""

from __future__ import annotations

import csv
import json
from datetime import date

import pyarrow.parquet as pq
import pytest
from store_factory import article, event

from entente.errors import QueryError
from entente.store import Store


@pytest.fixture
def store(tmp_path):
    a1, a2 = article("one"), article("two", published=None)
    talks = event(a1, [("RUSGOV", "host"), ("SYRGOV", "participant"), ("IGOUNO", "participant")],
                  cameo="046", goldstein=7.0,
                  sentence='Talks in Moscow\tbetween "the UN",\nSyria and Russia.')  # fmt: skip
    accuse = event(a2, [("USAGOV", "source"), ("RUSMIL", "target")], cameo="112", quad=3,
                   goldstein=-2.0, day=None)  # fmt: skip
    statement = event(a2, [("EGYGOV", "source")], cameo="010", goldstein=0.0, index=1)
    with Store.open(tmp_path / "s.duckdb") as s:
        s.write_articles([(a1, 1, [talks]), (a2, 2, [accuse, statement])], "r")
        s.expected = {e.id: e for e in (talks, accuse, statement)}  # type: ignore[attr-defined]
        yield s


def _check_nested(rows, expected):
    assert {r["id"] for r in rows} == set(expected)
    for r in rows:
        e = expected[r["id"]]
        assert [(p["code"], p["role"], p["start"], p["end"]) for p in r["participants"]] == [
            (p.actor.code, p.role, p.start_char, p.end_char) for p in e.participants
        ]
        assert [(d["source"], d["target"]) for d in r["dyads"]] == e.dyads()
        assert r["cameo"] == e.cameo and r["sentence"] == e.evidence.sentence
        assert r["goldstein"] == e.goldstein and r["quad"] == e.quad


def test_store_export_parquet_round_trip(store, tmp_path):
    out = tmp_path / "out" / "events.parquet"
    assert store.export("parquet", out) == 3
    rows = pq.read_table(out).to_pylist()
    _check_nested(rows, store.expected)
    assert {r["date"] for r in rows} == {date(2015, 1, 26), None}


def test_store_export_jsonl_round_trip(store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert store.export("jsonl", out) == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    _check_nested(rows, store.expected)
    assert {r["date"] for r in rows} == {"2015-01-26", None}


def test_store_export_csv_is_one_row_per_dyad(store, tmp_path):
    out = tmp_path / "events.csv"
    n = store.export("csv", out)
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    expected_rows = sum(max(1, len(e.dyads())) for e in store.expected.values())
    assert n == len(rows) == expected_rows
    got = {(r["event_id"], r["source"], r["target"]) for r in rows}
    want = {(e.id, s or "", t or "") for e in store.expected.values() for s, t in e.dyads()}
    assert got == want
    talks = [r for r in rows if r["cameo"] == "046"][0]
    assert talks["sentence"] == 'Talks in Moscow\tbetween "the UN",\nSyria and Russia.'
    assert talks["cameo"] == "046"  # leading zero kept


def test_store_export_tsv_phoenix_columns(store, tmp_path):
    out = tmp_path / "events.tsv"
    n = store.export("tsv", out)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    header, body = lines[0].split("\t"), [line.split("\t") for line in lines[1:-1]]
    assert header[:12] == ["event_id", "date", "year", "month", "day", "source", "source_root",
                           "source_agent", "target", "target_root", "target_agent", "cameo"]  # fmt: skip
    assert header[-1] == "sentence" and len(body) == n
    assert all(len(row) == len(header) for row in body)
    rows = [dict(zip(header, row, strict=True)) for row in body]
    talks = [r for r in rows if r["cameo"] == "046"]
    expected = next(e for e in store.expected.values() if e.cameo == "046")
    assert [(r["source"], r["target"]) for r in talks] == expected.dyads()
    un = [r for r in talks if (r["source"], r["target"]) == ("RUSGOV", "IGOUNO")][0]
    assert (un["source_root"], un["source_agent"], un["target_root"], un["target_agent"]) == (
        "RUS", "GOV", "IGOUNO", "")  # fmt: skip
    assert un["date"] == "20150126" and (un["year"], un["month"], un["day"]) == ("2015", "1", "26")
    assert un["sentence"] == 'Talks in Moscow between "the UN", Syria and Russia.'
    accuse = [r for r in rows if r["cameo"] == "112"][0]
    assert (
        accuse["date"] == "" and accuse["target_root"] == "RUS" and accuse["target_agent"] == "MIL"
    )
    statement = [r for r in rows if r["cameo"] == "010"][0]
    assert statement["source"] == "EGYGOV" and statement["target"] == ""


def test_store_export_unknown_format(store, tmp_path):
    with pytest.raises(QueryError, match="unknown export format 'xml'"):
        store.export("xml", tmp_path / "x.xml")


def test_store_export_empty_store(tmp_path):
    with Store.open(tmp_path / "e.duckdb") as s:
        for fmt in ("parquet", "csv", "jsonl", "tsv"):
            assert s.export(fmt, tmp_path / f"e.{fmt}") == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
