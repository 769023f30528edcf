"""The analysis commands on a small real store: tables and --json."""

from __future__ import annotations

import json
from datetime import date, timedelta

import igraph as ig
import pytest
from analysis_factory import Corpus, pair
from typer.testing import CliRunner

from entente.cli.app import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    c = Corpus()
    start = date(2015, 1, 5)
    for i in range(6):
        c.add(f"a{i}", start + timedelta(days=7 * i), "046",
              [("RUSGOV", "host"), ("SYRGOV", "participant"), ("IGOUNO", "mediator")],
              location="Moscow", sentence=f"Talks on Syria in Moscow, round {i}.")  # fmt: skip
        c.add(f"b{i}", start + timedelta(days=7 * i + 1), "057", pair("RUSGOV", "EGYGOV"),
              sentence=f"Russia and Egypt signed accord {i}.")  # fmt: skip
        c.add(f"c{i}", start + timedelta(days=200 + 7 * i), "190", pair("USAMIL", "SYRGOV"),
              sentence=f"US jets struck Syrian army positions near Raqqa ({i}).")  # fmt: skip
    c.add(
        "d",
        start + timedelta(days=3),
        "125",
        pair("SYRCOA", "RUSGOV"),
        sentence="The coalition rejected Moscow's call.",
    )
    return c.write(tmp_path_factory.mktemp("cli") / "c.duckdb")


def _json(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_cli_dyads(db):
    data = _json(["dyads", "--db", str(db), "--window", "quarter", "--json"])
    assert data["top"][0]["units"] >= 6
    first = data["windows"][0]
    assert {"source", "target", "window_start", "q1", "goldstein_sum", "evidence"} <= set(first)
    one = _json(["dyads", "--db", str(db), "--pairs", "1", "--json"])
    assert len({(w["source"], w["target"]) for w in one["windows"]}) == 1
    result = runner.invoke(app, ["dyads", "--db", str(db), "--actor", "RUS", "--level", "actor"])
    assert result.exit_code == 0 and "RUSGOV" in result.output
    state = _json(["dyads", "--db", str(db), "--level", "state", "--json"])
    assert {(w["source"], w["target"]) for w in state["windows"]} >= {
        ("RUS", "EGY"),
        ("USA", "SYR"),
    }


def test_cli_network(db, tmp_path):
    out = tmp_path / "net.graphml"
    data = _json(
        [
            "network",
            "--db",
            str(db),
            "--window",
            "1y",
            "--half-life",
            "none",
            "--out",
            str(out),
            "--json",
        ]
    )
    assert data["nodes"][0]["code"] in ("RUS", "IGOUNO")
    assert ig.Graph.Read_GraphML(str(out)).vcount() == len(data["nodes"])
    result = runner.invoke(
        app, ["network", "--db", str(db), "--window", "1y", "--at", "2015-03-01"]
    )
    assert result.exit_code == 0 and "Centre of the diplomacy" in result.output
    result = runner.invoke(app, ["network", "--db", str(db), "--window", "soon"])
    assert result.exit_code != 0


def test_cli_blocs(db):
    data = _json(["blocs", "--db", str(db), "--window", "2y", "--resamples", "5", "--json"])
    blocs = [set(b["members"]) for b in data["blocs"]]
    assert any({"RUS", "EGY"} <= b for b in blocs)
    assert not any({"USA", "SYR"} <= b for b in blocs)
    assert "stability" in data


def test_cli_shifts(db):
    data = _json(
        [
            "shifts",
            "--db",
            str(db),
            "--from",
            "2015-01..2015-04",
            "--to",
            "2015-07..2015-12",
            "--json",
        ]
    )
    kinds = {(s["a"], s["b"]): s["kind"] for s in data["shifts"]}
    assert kinds.get(("SYR", "USA")) == "new hostility"
    assert "Fisher" in data["test"]
    result = runner.invoke(
        app, ["shifts", "--db", str(db), "--from", "last year", "--to", "2015-07..2015-12"]
    )
    assert result.exit_code == 2 and "not a date" in result.output
    result = runner.invoke(
        app, ["shifts", "--db", str(db), "--from", "2015-01..2015-04", "--to", "2015-07..2015-12",
              "--near-misses", "2"],
    )  # fmt: skip
    assert result.exit_code == 0 and "SYR – USA" in result.output


def test_cli_stakeholders(db, tmp_path):
    data = _json(["stakeholders", "--db", str(db), "--topic", "syria-peace-talks", "--json"])
    assert data["meetings"][0]["hosts"] == ["RUS"]  # the shipped topic counts RUSGOV as RUS
    assert data["level"] == "state"
    kept = _json(["stakeholders", "--db", str(db), "--topic", "syria-peace-talks", "--level",
                  "country", "--json"])  # fmt: skip
    assert kept["meetings"][0]["participants"] == ["SYR"]
    assert "IGOUNO" in data["leaders"]
    assert any(a["code"] == "SYRCOA" and a["refusals"] == 1 for a in data["actors"])
    result = runner.invoke(app, ["stakeholders", "--db", str(db)])
    assert result.exit_code == 2 and "--topic" in result.output
    result = runner.invoke(app, ["stakeholders", "--db", str(db), "--topic", "syria-peace-talks"])
    assert result.exit_code == 0 and "Coverage gap" in result.output
