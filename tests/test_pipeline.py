"""The stages wired together, on real files, the real model and a real DuckDB store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from entente.config import Settings
from entente.pipeline import code_output_lines, code_records, run

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "syria-2015-2016"


def store_rows(db: Path) -> dict[str, set]:
    """The stored content that must not depend on how or when a run happened."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": set(con.execute("SELECT id, published, title FROM articles").fetchall()),
            "events": set(
                con.execute("SELECT id, cameo, mode, trigger_start FROM events").fetchall()
            ),
            "participants": set(
                con.execute(
                    "SELECT event_id, position, role, actor_code FROM participants"
                ).fetchall()
            ),
            "dyads": set(
                con.execute("SELECT event_id, source, target FROM event_dyads").fetchall()
            ),
            "counts": con.execute(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
                "(SELECT count(*) FROM participants)"
            ).fetchone(),
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, nlp) -> tuple[Path, object]:
    db = tmp_path_factory.mktemp("pipeline") / "demo.duckdb"
    return db, run([CORPUS], Settings(db=db))


def test_pipeline_run_codes_the_example_corpus(demo_store):
    db, summary = demo_store
    assert summary.articles_read == 37 and summary.articles_new == 37
    assert not summary.failures
    assert summary.sentences > 200
    assert summary.events > 100 and summary.events_new == summary.events
    rows = store_rows(db)
    assert rows["counts"][0] == 37
    assert rows["counts"][1] == summary.events
    pairs = {(s, t) for s, t, _ in summary.top_dyads}
    assert any(
        s.startswith("RUS") and t.startswith(("USA", "EGY", "SYR", "TUR")) for s, t in pairs
    ), pairs


def test_pipeline_rerun_does_no_nlp_and_adds_nothing(demo_store):
    db, first = demo_store
    before = store_rows(db)
    again = run([CORPUS], Settings(db=db))
    assert again.articles_known == 37 and again.articles_new == 0
    assert again.sentences == 0 and again.events == 0  # nothing was parsed
    assert store_rows(db) == before


def test_pipeline_run_is_deterministic_across_processes(demo_store, tmp_path):
    db, _ = demo_store
    two = tmp_path / "two.duckdb"
    run([CORPUS], Settings(db=two, processes=2, batch_size=8))
    assert store_rows(two) == store_rows(db)


def test_pipeline_bad_inputs_are_recorded_and_the_rest_is_coded(tmp_path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "text" / "2015-02-10-putin-in-cairo.txt", src / "good.txt")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (src / "empty.txt").write_text("   \n")
    (src / "latin1.txt").write_bytes("Caf\xe9 talks in Geneva".encode("latin-1"))
    summary = run([src, tmp_path / "missing.txt"], Settings(db=tmp_path / "s.duckdb"))
    assert summary.articles_new == 1 and summary.events > 0
    origins = {Path(f.origin.split(":")[0]).name for f in summary.failures}
    assert {"binary.txt", "empty.txt", "latin1.txt", "missing.txt"} <= origins
    assert all(f.reason for f in summary.failures)
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == len(summary.failures)
    con.close()


def test_pipeline_same_story_twice_is_one_article(tmp_path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    story = (CORPUS / "text" / "2015-02-10-putin-in-cairo.txt").read_text()
    (src / "a.txt").write_text(story)
    (src / "b.txt").write_text(story.replace("\n\n", "\n\n  "))  # whitespace differs only
    summary = run([src], Settings(db=tmp_path / "s.duckdb"))
    assert summary.articles_read == 2 and summary.duplicates == 1 and summary.articles_new == 1


def test_pipeline_code_records_keeps_ids_and_offsets(nlp):
    text = "Russian President Vladimir Putin met Egyptian President Abdel Fattah al-Sisi in Cairo on Tuesday."
    records = [{"id": "r1", "text": text, "date": "2015-02-10"}, {"id": "r2", "text": ""}]
    out = list(code_records(records, Settings()))
    assert [rid for rid, _, _ in out] == ["r1", "r2"]
    rid, article, events = out[0]
    assert events, "a meeting between two named presidents is an event"
    meeting = next(e for e in events if e.root == "04")
    assert {p.actor.code[:3] for p in meeting.participants} >= {"RUS", "EGY"}
    for p in meeting.participants:
        assert text[p.start_char : p.end_char] == p.text
    ev = meeting.evidence
    assert text[ev.trigger_start : ev.trigger_end] == ev.trigger
    assert out[1][1] is None  # the empty record is reported, not coded
    lines = [json.loads(x) for x in code_output_lines([(rid, events)])]
    assert lines[0]["id"] == "r1"
    first = lines[0]["events"][0]
    assert {
        "source",
        "target",
        "code",
        "plover",
        "mode",
        "quad",
        "goldstein",
        "confidence",
        "participants",
        "trigger",
    } <= set(first)


def test_pipeline_negated_event_is_not_output_as_having_happened(nlp):
    text = "The Syrian National Coalition did not attend the talks in Moscow."
    [(_, _, events)] = list(code_records([{"id": "n", "text": text, "date": "2015-01-26"}]))
    [line] = [json.loads(x) for x in code_output_lines([("n", events)])]
    assert all(not (e["code"].startswith("04") and e["mode"] == "asserted") for e in line["events"])


def test_pipeline_ner_setting_runs_the_entity_recognizer_or_not(nlp):
    from entente.pipeline import stages_for

    records = [{"id": "a", "text": "Chad Smith met Egyptian officials in Cairo on Monday."}]
    fast = stages_for(Settings())
    full = stages_for(Settings(ner=True))
    assert "ner" not in fast.nlp.pipe_names and "ner" in full.nlp.pipe_names
    # Both settings code the same sentence; only the full pipeline knows Chad Smith.
    coded = {
        ner: [
            (m.actor.code if m.actor else None)
            for _, _, evs in code_records(records, Settings(ner=ner))
            for e in evs
            for m in e.participants
        ]
        for ner in (False, True)
    }
    assert "EGYGOV" in coded[True] and "EGYGOV" in coded[False]
    assert "TCD" not in coded[True]
