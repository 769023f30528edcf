"""CAMEO and PLOVER as data: lookups, the decisions for statements and appeals, validation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from entente.coding.ontology import DATA, cameo, load_ontology, plover_for, read_ontology
from entente.errors import KnowledgeBaseError


@pytest.mark.parametrize(
    ("code", "name", "root", "quad", "goldstein"),
    [
        ("010", "Make statement, not specified below", "01", 1, 0.0),
        ("0331", "Express intent to provide economic aid", "03", 1, 5.2),
        ("042", "Make a visit", "04", 1, 1.9),
        ("057", "Sign formal agreement", "05", 1, 8.0),
        ("0841", "Return, release person(s)", "08", 2, 7.0),
        ("112", "Accuse, not specified below", "11", 3, -2.0),
        ("125", "Reject proposal to meet, discuss, or negotiate", "12", 3, -5.0),
        ("1384", "Threaten conventional attack", "13", 3, -7.0),
        ("163", "Impose embargo, boycott, or sanctions", "16", 4, -8.0),
        ("195", "Employ aerial weapons, not specified below", "19", 4, -10.0),
    ],
)
def test_coding_ontology_cameo_lookup(code, name, root, quad, goldstein):
    assert cameo(code) == (name, root, quad, goldstein)


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("010", ("", "")),  # statements are no PLOVER event
        ("016", ("", "")),
        ("020", ("REQUEST", "")),  # appeals are requests
        ("023", ("REQUEST", "assist")),
        ("0253", ("REQUEST", "yield")),
        ("026", ("REQUEST", "meet")),
        ("036", ("AGREE", "")),
        ("042", ("CONSULT", "visit")),
        ("044", ("CONSULT", "third-party")),
        ("08", ("CONCEDE", "")),  # the 08 header maps to two types; the first is kept
        ("0871", ("RETREAT", "ceasefire")),
        ("112", ("ACCUSE", "disapprove")),
        ("125", ("REJECT", "meet")),
        ("163", ("SANCTION", "discontinue")),  # PLOVER v2 manual, not the older crosswalk
        ("175", ("ASSAULT", "crowd-control")),
        ("1712", ("ASSAULT", "")),  # an obsolete mode of the crosswalk is dropped
        ("195", ("ASSAULT", "heavy-weapons")),
    ],
)
def test_coding_ontology_plover_crosswalk(code, plover):
    assert plover_for(code) == plover


def test_coding_ontology_every_code_has_quad_and_root():
    onto = load_ontology()
    assert len(onto.codes) == 317
    roots = {c.root for c in onto.codes.values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    for c in onto.codes.values():
        assert c.quad == (
            1 if c.root <= "05" else 2 if c.root <= "09" else 3 if c.root <= "14" else 4
        )
        assert -10 <= c.goldstein <= 10
        ptype, _ = onto.plover_for(c.code)
        assert (ptype == "") == (c.root == "01")


def test_coding_ontology_unknown_code_names_what_is_allowed():
    with pytest.raises(KnowledgeBaseError, match="leading zero"):
        cameo("42")


def _copy_data(tmp_path: Path) -> Path:
    for name in ("cameo_codes.tsv", "cameo_to_plover.tsv", "plover_types.tsv", "plover_modes.tsv"):
        shutil.copy(Path(str(DATA)) / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        ("cameo_codes.tsv", "042\tMake a visit\t1.9", "042\tMake a visit\tlots", "not numbers"),
        (
            "cameo_codes.tsv",
            "042\tMake a visit\t1.9\t1\t04",
            "042\tMake a visit\t1.9\t1\t05",
            "does not fit code 042",
        ),
        (
            "cameo_codes.tsv",
            "042\tMake a visit\t1.9\t1",
            "042\tMake a visit\t19.0\t1",
            "must be in -10..10",
        ),
        (
            "cameo_to_plover.tsv",
            "042\tMake a visit\tCONSULT",
            "042\tMake a visit\tCHAT",
            "PLOVER type 'CHAT'",
        ),
    ],
)
def test_coding_ontology_bad_files_are_refused(tmp_path, file, old, new, problem):
    base = _copy_data(tmp_path)
    path = base / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=problem) as err:
        read_ontology(base)
    assert any(file in p for p in err.value.problems)


def test_coding_ontology_missing_column_is_refused(tmp_path):
    base = _copy_data(tmp_path)
    path = base / "cameo_codes.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join(["code\tname"] + [" \t ".join(x.split("\t")[:2]) for x in lines[1:]]) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeBaseError, match="missing column"):
        read_ontology(base)
