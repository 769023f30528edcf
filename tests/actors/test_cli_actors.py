"""The `entente actors` commands: import-petrarch, check, resolve, lookup."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from entente.cli.app import app

runner = CliRunner()


def test_cli_actors_check_ok_and_problems(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"id": "a", "kind": "state", "name": "A", "code": "RUS", "aliases": ["A"]})
        + "\n"
    )
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "b", "kind": "state", "name": "B", "code": "rus", "aliases": ["B"]}\nnot json\n'
    )
    ok = runner.invoke(app, ["actors", "check", str(good)])
    assert ok.exit_code == 0 and "OK" in ok.output
    res = runner.invoke(app, ["actors", "check", str(good), str(bad)])
    assert res.exit_code == 1
    assert f"{bad}:1: code 'rus'" in res.output
    assert f"{bad}:2: not valid JSON" in res.output


def test_cli_actors_lookup_with_date(tmp_path):
    res = runner.invoke(app, ["actors", "lookup", "Putin", "--date", "2010-01-01", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["actors"][0]["code"] == "RUSGOV"
    assert any(e["kind"] == "person" and e.get("roles") for e in data["entries"])
    missing = runner.invoke(app, ["actors", "lookup", "Nowhere-at-all-land"])
    assert missing.exit_code == 1
    bad_date = runner.invoke(app, ["actors", "lookup", "Putin", "--date", "10/01/2010"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output


def test_cli_actors_resolve_json_and_table():
    text = "Foreign Minister Lavrov met Egypt's Sisi in Cairo."
    res = runner.invoke(app, ["actors", "resolve", text, "--date", "2016-01-01", "--json"])
    assert res.exit_code == 0, res.output
    mentions = json.loads(res.output)
    assert [(m["code"], m["how"].split("@")[0]) for m in mentions] == [
        ("RUSGOV", "title+person"),
        ("EGYGOV", "possessive+person"),
        ("EGY", "capital:place"),
    ]
    assert text[mentions[0]["start"] : mentions[0]["end"]] == "Foreign Minister Lavrov"
    table = runner.invoke(app, ["actors", "resolve", text])
    assert table.exit_code == 0 and "RUSGOV" in table.output


def test_cli_actors_resolve_with_override_file(tmp_path):
    extra = tmp_path / "mine.jsonl"
    extra.write_text(
        json.dumps(
            {
                "id": "group:x",
                "kind": "group",
                "name": "Freedonia Front",
                "code": "RUSREB",
                "aliases": ["Freedonia Front"],
            }
        )
        + "\n"
    )
    res = runner.invoke(
        app,
        ["actors", "resolve", "The Freedonia Front attacked.", "--json", "--actors", str(extra)],
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)[0]["code"] == "RUSREB"


def test_cli_actors_import_petrarch(tmp_path):
    src = tmp_path / "Small.actors.txt"
    src.write_text("FREEDONIA_ [FRD]\n+FREEDONIAN\n", encoding="utf-8")
    res = runner.invoke(
        app, ["actors", "import-petrarch", str(src), "--out", str(tmp_path / "o"), "--json"]
    )
    assert res.exit_code == 0, res.output
    (report,) = json.loads(res.output)
    assert report["entries"] == 1 and report["kind"] == "actors"
    assert runner.invoke(app, ["actors", "check", report["output"]]).exit_code == 0
    missing = runner.invoke(app, ["actors", "import-petrarch", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2
