"""Scoring against gold: the metrics, the formats, ``entente eval``, and the gold sets themselves."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from entente.cli.app import app
from entente.coding.evaluate import (
    code_gold,
    detect_format,
    main_event,
    penta_class,
    read_jsonl,
    score_penta,
    score_petrarch,
    score_plover,
    select_petrarch,
)
from entente.errors import InputError

runner = CliRunner()


def ev(s, t, c, **kw):
    return {"source": s, "target": t, "code": c, **kw}


def test_coding_evaluate_petrarch_levels():
    gold = [
        {"id": "a", "events": [ev("USA", "RUS", "190"), ev("RUS", "USA", "042")]},
        {"id": "b", "events": [], "no_events": True},
        {"id": "c", "events": [ev("EGY", "ISR", "057")]},
    ]
    pred = {
        "a": [ev("usa", "RUS ", "193"), ev("RUS", "USA", "042"), ev("RUS", "USA", "042")],
        "b": [ev("IRN", "IRQ", "112")],
        "c": [ev("EGY", "ISR", "057")],
    }
    m = score_petrarch(gold, pred)
    assert (m["exact"]["tp"], m["exact"]["fp"], m["exact"]["fn"]) == (2, 2, 1)
    assert (m["root"]["tp"], m["root"]["fp"], m["root"]["fn"]) == (3, 1, 0)
    assert m["root"]["precision"] == 0.75 and m["root"]["recall"] == 1.0
    assert m["records_fully_correct"] == 1
    assert (m["no_event_records"], m["no_event_records_left_empty"]) == (1, 0)


def test_coding_evaluate_petrarch_selection():
    recs = [
        {"id": "1", "events": [], "dictionary": "real"},
        {"id": "2", "events": [], "evaluate": False},
        {"id": "3", "events": [], "dictionary": "test"},
    ]
    assert [r["id"] for r in select_petrarch(recs, real_only=True)] == ["1"]
    assert [r["id"] for r in select_petrarch(recs)] == ["1", "3"]
    assert [r["id"] for r in select_petrarch(recs, all_records=True)] == ["1", "2", "3"]


def test_coding_evaluate_plover_dyads_and_types():
    gold = [
        {"id": "p1", "gold": {"events": [{"event_type": "DEMAND"}], "dyads": [["CHN", "USA"]]}},
        {
            "id": "p2",
            "gold": {
                "events": [{"event_type": "AGREE"}],
                "dyads": [["HUN", "ROU"], ["ROU", "HUN"]],
            },
        },
    ]
    pred = {
        "p1": [ev("CHNGOV", "USAGOV", "100", plover="REQUEST")],
        "p2": [ev("HUNGOV", "ROU", "036", plover="AGREE"), ev("HUN", None, "010", plover="")],
    }
    m = score_plover(gold, pred)
    assert (m["dyad"]["tp"], m["dyad"]["fp"], m["dyad"]["fn"]) == (2, 0, 1)
    assert m["type_recall"] == 1.0 and m["type_and_dyad"] == 1.0


def test_coding_evaluate_penta_main_event():
    assert [penta_class(c) for c in ("010", "026", "0841", "09", "163", "145", "1384", "x")] == [
        0,
        1,
        2,
        3,
        3,
        4,
        3,
        None,
    ]
    evs = [
        ev("A", "B", "010", confidence=0.3),
        ev("A", "B", "190", confidence=0.8),
        ev("A", "B", "112", confidence=0.8),
    ]
    assert main_event(evs)["code"] == "190"  # the most confident; the first among equals
    gold = [{"id": "1", "gold": {"penta_class": 4}}, {"id": "2", "gold": {"penta_class": 0}}]
    m = score_penta(gold, {"1": evs, "2": []})
    assert (m["main_accuracy"], m["any_accuracy"], m["no_event"]) == (0.5, 0.5, 1)
    assert m["confusion"] == {"0->none": 1, "4->4": 1}


def test_coding_evaluate_formats_and_bad_input(tmp_path):
    assert detect_format([{"id": 1, "events": []}]) == "petrarch"
    assert detect_format([{"id": 1, "gold": {"dyads": []}}]) == "plover"
    assert detect_format([{"id": 1, "gold": {"penta_class": 2}}]) == "penta"
    with pytest.raises(InputError, match="name it with --format"):
        detect_format([{"id": 1}])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "events": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:2"):
        read_jsonl(bad)


def test_coding_evaluate_cli_scores_a_prediction_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text(
        json.dumps({"id": "a", "text": "x", "events": [ev("USA", "RUS", "190")]}) + "\n",
        encoding="utf-8",
    )
    pred.write_text(
        json.dumps({"id": "a", "events": [ev("USA", "RUS", "195")]}) + "\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    m = json.loads(result.output)
    assert (m["format"], m["exact"]["f1"], m["root"]["f1"]) == ("petrarch", 0.0, 1.0)
    text = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--show-errors", "1"])
    assert "exact" in text.output and "gold: [('USA', 'RUS', '190')]" in text.output


def test_coding_evaluate_cli_refuses_bad_arguments(tmp_path):
    result = runner.invoke(app, ["eval", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2 and "does not exist" in result.output
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "a", "events": []}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--format", "weird"])
    assert result.exit_code == 2 and "weird" in result.output


def test_coding_evaluate_cli_codes_gold_texts(tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": "1",
            "text": "Russia and Egypt signed a border agreement.",
            "events": [ev("RUS", "EGY", "057"), ev("EGY", "RUS", "057")],
        },
        {
            "id": "2",
            "text": "Azerbaijan threatened to shell Armenian villages.",
            "events": [ev("AZE", "ARMCVL", "1384")],
        },
        {"id": "3", "text": "Egypt did not attend the talks.", "events": [], "no_events": True},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    m = json.loads(result.output)
    assert m["records"] == 3 and m["root"]["tp"] == 3 and m["no_event_records_left_empty"] == 1


# --- the shared gold sets ---------------------------------------------------------------------


@pytest.mark.gold
def test_coding_evaluate_agrees_with_shared_scorer(tmp_path, gold_dir):
    """Same rules as ../shared/gold/score.py: identical figures on a perturbed copy of the gold."""
    records = select_petrarch(read_jsonl(gold_dir / "petrarch2_validation.jsonl"), real_only=True)
    rng = random.Random(7)
    pred = {}
    for r in records:
        events = [dict(e) for e in r["events"] if rng.random() > 0.2]
        for e in events:
            if rng.random() < 0.3:
                e["code"] = e["code"][:2] + "0"
        if rng.random() < 0.3:
            events.append(ev("USA", "RUS", "190"))
        pred[r["id"]] = events
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text(
        "".join(json.dumps({"id": k, "events": v}) + "\n" for k, v in pred.items()),
        encoding="utf-8",
    )
    out = subprocess.run(
        [
            sys.executable,
            str(gold_dir / "score.py"),
            str(gold_dir / "petrarch2_validation.jsonl"),
            str(pred_file),
            "--real-only",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(out.stdout)["overall"]
    ours = score_petrarch(records, pred)
    for level in ("exact", "root", "quad"):
        assert {k: ours[level][k] for k in ("tp", "fp", "fn")} == {
            k: theirs[level][k] for k in ("tp", "fp", "fn")
        }
    assert ours["records_fully_correct"] == theirs["records_fully_correct"]


@pytest.mark.gold
@pytest.mark.slow
def test_coding_evaluate_gold_floors(gold_dir):
    """entente's own figures on the PLOVER and five-class gold sets do not fall back."""
    plover = read_jsonl(gold_dir / "plover_gsr_cameo.jsonl")
    m = score_plover(plover, code_gold(plover))
    assert m["dyad"]["f1"] >= 0.60 and m["type_recall"] >= 0.60
    penta = read_jsonl(gold_dir / "conflibert_cameo_penta.jsonl")
    assert score_penta(penta, code_gold(penta))["main_accuracy"] >= 0.60
    petrarch = select_petrarch(read_jsonl(gold_dir / "petrarch2_validation.jsonl"), real_only=True)
    m = score_petrarch(petrarch, code_gold(petrarch))
    assert m["exact"]["f1"] >= 0.38 and m["root"]["f1"] >= 0.45
