"""The knowledge base: loading, validation, overrides, lookups by name and by code."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from entente.actors import KnowledgeBase, check_file, load_kb, read_entries
from entente.actors.entries import Entry, Role, parse_entry, write_entries
from entente.actors.kb import build_kb, shipped_files
from entente.errors import KnowledgeBaseError


def _write(path: Path, *objs: object, raw: str = "") -> Path:
    lines = [json.dumps(o) for o in objs]
    path.write_text("\n".join(lines) + ("\n" + raw if raw else "") + "\n", encoding="utf-8")
    return path


def test_kb_shipped_files_validate():
    for path in shipped_files():
        assert check_file(path) == [], path


def test_kb_load_is_cached_per_process():
    assert load_kb() is load_kb()


def test_kb_lookup_state_capital_and_adjective():
    kb = load_kb()
    assert kb.lookup("Russia")[0].code == "RUS"
    assert kb.lookup("Moscow")[0].code == "RUSGOV"
    assert kb.lookup("Russian")[0].code == "RUS"
    assert kb.lookup("no such place at all") == []


def test_kb_lookup_composes_country_and_agent():
    kb = load_kb()
    assert kb.lookup("Egyptian army")[0].code == "EGYMIL"
    assert kb.lookup("Russia's foreign minister")[0].code == "RUSGOV"
    assert kb.lookup("UN envoy")[0].code == "IGOUNO"


def test_kb_actor_names_a_code():
    kb = load_kb()
    rusgov = kb.actor("RUSGOV")
    assert (rusgov.country, rusgov.agent, rusgov.kind) == ("RUS", "GOV", "government")
    assert "Russia" in rusgov.name
    assert kb.actor("IGOUNO").name == "United Nations"
    assert kb.actor("---REB").country == "---"
    assert kb.country_of("EGYMIL") == "EGY"
    with pytest.raises(KnowledgeBaseError, match="not a CAMEO actor code"):
        kb.actor("russia")


def test_kb_override_file_adds_and_replaces(tmp_path):
    extra = _write(
        tmp_path / "mine.jsonl",
        {
            "id": "group:freedonia-front",
            "kind": "group",
            "name": "Freedonia Front",
            "code": "RUSREB",
            "aliases": ["Freedonia Front"],
        },
        {
            "id": "state:RUS",
            "kind": "state",
            "name": "Russia",
            "code": "RUS",
            "aliases": ["Rossiya"],
        },
    )
    kb = load_kb([extra])
    assert kb.lookup("Freedonia Front")[0].code == "RUSREB"
    assert kb.lookup("Rossiya")[0].code == "RUS"
    # The replaced entry no longer carries its old names.
    assert all(a.kb_id != "state:RUS" for a in kb.lookup("Russian Federation"))
    assert load_kb([extra]) is kb


def test_kb_later_file_wins_on_shared_name(tmp_path):
    extra = _write(
        tmp_path / "x.jsonl",
        {"id": "group:x", "kind": "group", "name": "X", "code": "SYRREB", "aliases": ["Damascus"]},
    )
    kb = load_kb([extra])
    assert kb.entries_named("Damascus")[0][0].id == "group:x"


def test_kb_invalid_file_reports_file_line_problems(tmp_path):
    bad = _write(
        tmp_path / "bad.jsonl",
        {"id": "a", "kind": "state", "name": "A", "code": "russia", "aliases": ["A"]},
        {"id": "b", "kind": "planet", "name": "B", "code": "RUS", "aliases": ["B"]},
        {
            "id": "c",
            "kind": "person",
            "name": "C",
            "aliases": ["C"],
            "roles": [{"code": "RUSGOV", "start": "2010-05-01", "end": "2009-01-01"}],
        },
        {"id": "d", "kind": "state", "name": "D", "code": "RUS"},
        {"id": "e", "kind": "state", "name": "E", "code": "RUS", "aliases": ["E"], "colour": "red"},
        {"id": "a", "kind": "state", "name": "A2", "code": "RUS", "aliases": ["A2"]},
        raw="{not json",
    )
    problems = check_file(bad)
    text = "\n".join(problems)
    assert f"{bad}:1: code 'russia'" in text
    assert f"{bad}:2: kind 'planet'" in text
    assert f"{bad}:3: role 1: end 2009-01-01 is before start 2010-05-01" in text
    assert f"{bad}:4: an entry needs at least one name" in text
    assert f"{bad}:5: unknown field(s) colour" in text
    assert f"{bad}:6: id 'a' is already used on line 1" not in text  # line 1 was rejected
    assert f"{bad}:7: not valid JSON" in text
    with pytest.raises(KnowledgeBaseError) as info:
        load_kb([bad])
    assert len(info.value.problems) == len(problems)


def test_kb_missing_override_file_is_reported(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="no such file"):
        build_kb([tmp_path / "absent.jsonl"])


def test_kb_duplicate_id_in_one_file(tmp_path):
    path = _write(
        tmp_path / "dup.jsonl",
        {"id": "a", "kind": "state", "name": "A", "code": "RUS", "aliases": ["A"]},
        {"id": "a", "kind": "state", "name": "A", "code": "RUS", "aliases": ["A"]},
    )
    assert check_file(path) == [
        f"{path}:2: id 'a' is already used on line 1; ids must be unique within a file"
    ]


def test_kb_entry_code_by_date():
    entry, errs = parse_entry(
        {
            "id": "p",
            "kind": "person",
            "name": "P",
            "aliases": ["P"],
            "roles": [
                {
                    "code": "RUSGOV",
                    "start": "2000-05-07",
                    "end": "2008-05-07",
                    "title": "president",
                },
                {
                    "code": "RUSGOV",
                    "start": "2008-05-08",
                    "end": "2012-05-07",
                    "title": "prime minister",
                },
            ],
        }
    )
    assert errs == [] and entry is not None
    assert entry.code_at(date(2010, 1, 1))[1].title == "prime minister"
    assert entry.code_at(date(2001, 1, 1))[1].title == "president"
    assert entry.code_at(date(1995, 1, 1)) == ("RUSELI", None)
    assert entry.code_at(None)[1].title == "prime minister"


def test_kb_write_and_read_round_trip(tmp_path):
    entry = Entry(
        id="p",
        kind="person",
        name="P Q",
        country="EGY",
        aliases=("P Q", "Q"),
        roles=(Role("EGYGOV", date(2014, 6, 8), None, "president"),),
    )
    path = tmp_path / "rt.jsonl"
    write_entries([entry], path, header="test file")
    back, problems = read_entries(path)
    assert problems == []
    assert back[0].roles == entry.roles and back[0].aliases == entry.aliases


def test_kb_is_a_knowledge_base():
    assert isinstance(load_kb(), KnowledgeBase)
    assert len(load_kb()) > 400
