"""The PETRARCH/Phoenix dictionary importer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from entente.actors import check_file, load_kb, read_entries
from entente.actors.petrarch import import_petrarch
from entente.errors import InputError

ACTORS = """\
# a comment line
FREEDONIA_  [FRD]
+FREEDONIAN
+FREEDONIA_CITY_

RUFUS_T._FIREFLY_  # head of state
+FIREFLY
+PRESIDENT_FIREFLY
\t[FRDELI 900101-330504]
\t[FRDGOV 330505-351231]
\t[FRDELI]
SYLVANIA_ARMED_FORCES_ [SYLMIL]
GLOBAL_CORP_ [MNCUSA]
REVENGE_FRONT_(RF)_ [KKLREB]
YOUTH_ [FRDREB]
TRENTINO_
AMBASSADOR_TRENTINO
\t[SYLGOV 020101-081231]
"""

AGENTS = """\
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
SOLDIER [~MIL]
FOREIGN_!MINIST! [~GOV]
POLICE {} [~COP]
OBSERVERS_IN [IGO~]
"""


def test_petrarch_import_actor_blocks(tmp_path):
    src = tmp_path / "Test.actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    report = import_petrarch(src, tmp_path / "out")
    assert report.kind == "actors" and report.output.name == "test_actors.jsonl"
    assert check_file(report.output) == []
    entries = {e.name: e for e in read_entries(report.output)[0]}
    assert entries["Freedonia"].kind == "state" and "Freedonian" in entries["Freedonia"].aliases
    firefly = entries["Rufus T. Firefly"]
    assert firefly.kind == "person" and firefly.code == "FRDELI"
    assert firefly.code_at(date(1934, 1, 1))[0] == "FRDGOV"
    assert firefly.code_at(date(1950, 1, 1))[0] == "FRDELI"
    # "900101-330504" ends before it starts (1990 to 1933) and is skipped with a report.
    assert any("900101-330504" in line for line in report.skipped)
    # Names without + before the codes belong to the same block.
    assert entries["Trentino"].aliases == ("Trentino", "Ambassador Trentino")
    assert entries["Sylvania Armed Forces"].kind == "government"
    # Companies are left out, unknown countries become ---, parenthesised parts are dropped,
    # generic single words are not names.
    assert "Global Corp" not in entries
    assert entries["Revenge Front"].code == "---REB"
    assert all("Youth" not in e.aliases and "YOUTH" not in e.aliases for e in entries.values())


def test_petrarch_import_dates_read_six_digit_years(tmp_path):
    src = tmp_path / "d.txt"
    src.write_text(
        "A_PERSON_\n\t[USAGOV 090120-170120]\n\t[USAELI 780101-090119]\n", encoding="utf-8"
    )
    (entry,) = read_entries(import_petrarch(src, tmp_path).output)[0]
    assert {(r.code, r.start, r.end) for r in entry.roles} == {
        ("USAGOV", date(2009, 1, 20), date(2017, 1, 20)),
        ("USAELI", date(1978, 1, 1), date(2009, 1, 19)),
    }


def test_petrarch_import_agents(tmp_path):
    src = tmp_path / "Test.agents.txt"
    src.write_text(AGENTS, encoding="utf-8")
    report = import_petrarch(src, tmp_path, name="agents.jsonl")
    assert report.kind == "agents"
    entries = {e.agent: e for e in read_entries(report.output)[0]}
    assert set(entries) == {"MIL", "GOV", "COP"}
    assert {"foreign minister", "foreign ministries"} <= set(entries["GOV"].aliases)
    assert any("IGO~" in line for line in report.skipped)


def test_petrarch_import_result_loads_as_override(tmp_path, parse):
    src = tmp_path / "Test.actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    out = import_petrarch(src, tmp_path).output
    kb = load_kb([out])
    assert kb.lookup("Freedonia")[0].code == "FRD"
    assert kb.lookup("President Firefly", date(1934, 6, 1))[0].code == "FRDGOV"


def test_petrarch_import_rejects_a_file_without_entries(tmp_path):
    src = tmp_path / "empty.txt"
    src.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(InputError, match="no PETRARCH actor or agent entries"):
        import_petrarch(src, tmp_path)


def test_petrarch_import_real_phoenix_file(gold_dir, tmp_path):
    src = (
        gold_dir
        / "petrarch2_raw/openeventdata-petrarch2/data/dictionaries/Phoenix.MilNonState.actors.txt"
    )
    report = import_petrarch(src, tmp_path)
    assert report.entries > 900
    entries, problems = read_entries(report.output)
    assert problems == []
    codes = {e.code for e in entries}
    assert "LBNREB" in codes and "AFGREB" in codes


def test_petrarch_shipped_conversion_is_current(gold_dir, tmp_path):
    """The shipped Phoenix files are what the importer makes of the dictionaries today."""
    src = gold_dir / "petrarch2_raw/openeventdata-petrarch2/data/dictionaries/Phoenix.agents.txt"
    fresh = import_petrarch(src, tmp_path, name="15_phoenix_agents.jsonl").output
    shipped = (
        Path(__import__("entente.actors.kb", fromlist=["DATA_DIR"]).DATA_DIR)
        / "15_phoenix_agents.jsonl"
    )
    assert fresh.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
