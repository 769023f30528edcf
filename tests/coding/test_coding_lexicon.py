"""The pattern lexicon: format, validation, priorities, and the CAMEO.2.0 importer."""

from __future__ import annotations

from pathlib import Path

import pytest

from entente.coding.cameo_import import convert, convert_pattern
from entente.coding.lexicon import (
    Element,
    build_lexicon,
    lemma_candidates,
    load_lexicon,
    parse_pattern,
    read_sets,
)
from entente.coding.ontology import DATA
from entente.errors import KnowledgeBaseError

SHIPPED = Path(str(DATA))


def test_coding_lexicon_covers_every_cameo_root():
    lex = load_lexicon()
    roots = set()
    for lemma in lex.trigger_words:
        for pos in ("verb", "noun"):
            for p in lex.patterns(lemma, pos):
                roots.update(c[:2] for c in (p.code, p.reverse) if c)
    assert roots >= {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize(
    ("lemma", "pos", "code", "conditions"),
    [
        ("meet", "verb", "040", ""),
        ("meet", "verb", "040", "with"),
        ("host", "verb", "043", ""),
        ("visit", "verb", "042", ""),
        ("sign", "verb", "057", "&treaty"),
        ("accuse", "verb", "112", ""),
        ("shell", "verb", "194", ""),
        ("boycott", "verb", "125", "&x-meeting"),
        ("reject", "verb", "125", "&proposal"),
        ("talk", "noun", "046", ""),
        ("visit", "noun", "042", "to"),
        ("sanction", "noun", "163", ""),
        ("attack", "noun", "190", ""),
    ],
)
def test_coding_lexicon_has_core_patterns(lemma, pos, code, conditions):
    lex = load_lexicon()
    want = (
        parse_pattern(conditions.replace("with", "with:").replace("to", "to:@target"), lex.sets)
        if conditions
        else ()
    )
    found = [p for p in lex.patterns(lemma, pos) if p.code == code]
    assert found, f"no {code} pattern for {lemma}"
    if want:
        assert any(all(w in p.elements for w in want) for p in found)


def test_coding_lexicon_pattern_syntax():
    sets = {"&weapon": (("gun",), ("rocket",))}
    els = parse_pattern(
        "^troops humanitarian+aid to|for:protest with:@target against:&weapon a|b @source", sets
    )
    assert els == (
        Element("subj", phrases=(("troop",),)),
        Element("obj", phrases=(("humanitarian", "aid"),)),
        Element("prep", ("to", "for"), (("protest",),), ""),
        Element("prep", ("with",), (), "target"),
        Element("prep", ("against",), (("gun",), ("rocket",)), ""),
        Element("obj", phrases=(("a",), ("b",))),
        Element("obj", slot="source"),
    )


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("42x\tmeet\t", "is not CODE"),
        ("999\tmeet\t", "not a CAMEO event code"),
        ("040\tMeet Up\t", "not a lower-case lemma"),
        ("040\tmeet|\t", "not a lower-case lemma"),
        ("040\tmeet\t&nosuchset", "undefined set &nosuchset"),
        ("040\t&nosuchset\t", "undefined set &nosuchset"),
        ("040", "expected CODE<TAB>TRIGGER"),
        ("040\tmeet\tWith:", "not a preposition"),
    ],
)
def test_coding_lexicon_bad_lines_are_refused(tmp_path, line, problem):
    path = tmp_path / "verbs_mine.tsv"
    path.write_text(f"# a user file\n040\tmeet\t\n{line}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=problem) as err:
        build_lexicon([path], [])
    assert err.value.problems == [f"verbs_mine.tsv:3: {err.value.problems[0].split(': ', 1)[1]}"]


def test_coding_lexicon_sets_cycles_and_duplicates(tmp_path):
    path = tmp_path / "sets.tsv"
    path.write_text("&a\tx &b\n&b\ty &a\n&c\tz\n&c\tw\n&d\tx &missing\n", encoding="utf-8")
    sets, problems = read_sets([path])
    assert sets["&c"] == (("z",),)
    assert any("includes itself" in p for p in problems)
    assert any("defined twice" in p for p in problems)
    assert any("undefined set &missing" in p for p in problems)


def test_coding_lexicon_extra_file_wins_and_drops_apply(tmp_path):
    mine = tmp_path / "verbs_local.tsv"
    mine.write_text("041\tmeet\twith:\n", encoding="utf-8")
    lex = load_lexicon([mine])
    same = [p for p in lex.patterns("meet", "verb") if p.elements == parse_pattern("with:", {})]
    assert [(p.code, p.origin.split(":")[0]) for p in same][:2] == [
        ("041", "verbs_local.tsv"),
        ("040", "verbs.tsv"),
    ]
    # the shipped drop list removes the imported "meet with leaders" (036) pattern
    assert not any(p.note == "CAMEO.2.0.txt:5442" for p in load_lexicon().patterns("meet", "verb"))


def test_coding_lexicon_missing_extra_file_is_an_error(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="does not exist"):
        load_lexicon([tmp_path / "nope.tsv"])


def test_coding_lexicon_nouns_file_holds_noun_triggers(tmp_path):
    nouns = tmp_path / "nouns_extra.tsv"
    nouns.write_text("195\tdronestrike\t\n", encoding="utf-8")
    lex = load_lexicon([nouns])
    assert lex.has_trigger("dronestrike", "noun") and not lex.has_trigger("dronestrike", "verb")


@pytest.mark.parametrize(
    ("lemma", "lower", "includes"),
    [
        ("stag", "staged", "stage"),
        ("meet", "met", "meet"),
        ("worry", "worried", "worry"),
        ("x", "shelling", "shell"),
    ],
)
def test_coding_lexicon_lemma_candidates(lemma, lower, includes):
    cands = lemma_candidates(lemma, lower)
    assert cands[0] == lemma.lower() and includes in cands


# --- importer ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("petrarch", "ours"),
    [
        ("* (TO)", "to:"),
        ("* {ARMS SHIPMENT}", "arms+shipment"),
        ("&MILITARY * (INTO +)", "^&military into:@target"),
        ("* TROOPS (FROM $)", "troops from:@source"),
        ("* (TO/FOR PROTEST)", "to|for:protest"),
        ("* (IN {VERBAL &FIGHT})", "in:verbal+&fight"),
        ("* AIR_STRIKE", "air+strike"),
        ("- SPY_*_DEAL", None),
        ("% &AIRCRAFT *", None),
    ],
)
def test_coding_import_converts_patterns(petrarch, ours):
    assert convert_pattern(petrarch) == ours


SAMPLE = """# a sample in the dictionary's layout
####### SYNONYM SETS #######
&TREATY
+TREATY
+PACT

####### VERB PATTERNS #######
---  MEET_PEOPLE   [040]  ---
+MEET_WITH {+MET_WITH +MEETS_WITH}
MEET {MEETS MET MEETING}
CONFRONT [110]
- * (BY TELEPHONE)                                    [041:041]     # MEET
- * &TREATY (WITH +)                                  [057:057]     # MEET
- * SPY_*_DEAL                                        [---]         # MEET

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def test_coding_import_sample_dictionary(tmp_path):
    src = tmp_path / "sample.txt"
    src.write_text(SAMPLE, encoding="utf-8")
    counts = convert(src, tmp_path)
    verbs = [
        line.split("\t")
        for line in (tmp_path / "verbs_cameo2.tsv").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    sets = (tmp_path / "sets_cameo2.tsv").read_text()
    assert "&treaty\ttreaty pact" in sets
    assert "&v-meet-people\tmeet+with meet confront" in sets
    assert ["040", "meet", "with", "CAMEO.2.0.txt:9"] in verbs
    assert ["110", "confront", "", "CAMEO.2.0.txt:11"] in verbs
    assert [
        "041:041",
        "meet",
        "by:telephone",
        "CAMEO.2.0.txt:12",
    ] in verbs  # one condition: its own verb
    assert ["057:057", "&v-meet-people", "&treaty with:@target", "CAMEO.2.0.txt:13"] in verbs
    assert counts["skipped pattern"] == 1
    lex = build_lexicon([tmp_path / "verbs_cameo2.tsv"], [tmp_path / "sets_cameo2.tsv"])
    assert {p.code for p in lex.patterns("confront", "verb")} == {"110", "057"}


def test_coding_import_reproduces_shipped_files(tmp_path, gold_dir):
    src = gold_dir / "petrarch2_raw/openeventdata-petrarch2/data/dictionaries/CAMEO.2.0.txt"
    convert(src, tmp_path)
    for name in ("verbs_cameo2.tsv", "sets_cameo2.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (SHIPPED / name).read_text(
            encoding="utf-8"
        ), name
