"""Frames as data: composition rules, their validation, and what counts as having happened."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from entente.coding.frames import load_frames, load_modes, read_frames, read_modes
from entente.coding.ontology import DATA
from entente.errors import KnowledgeBaseError


@pytest.mark.parametrize(
    ("klass", "code", "self_", "result"),
    [
        ("intend", "040", True, ("036", "future")),  # plans to meet
        ("intend", "045", True, ("039", "future")),  # offers to mediate
        ("intend", "072", True, ("0332", "future")),  # pledges military aid
        ("intend", "0874", True, ("0356", "future")),  # willing to withdraw troops
        ("intend", "190", True, ("138", "future")),  # wants to attack: a threat
        ("intend", "195", True, ("1384", "future")),
        ("intend", "090", True, ("090", "future")),  # no intent code: the act, in the future
        ("future", "040", True, ("036", "future")),  # is expected to meet
        ("future", "190", True, ("190", "future")),  # is expected to attack: no one's threat
        ("will", "057", True, ("032", "future")),
        ("appeal", "0841", False, ("0253", "demanded")),  # urged X to release
        ("appeal", "046", False, ("026", "demanded")),
        ("appeal", "190", False, ("020", "demanded")),
        ("demand", "0874", False, ("1056", "demanded")),  # demanded a withdrawal
        ("reject", "042", True, ("125", "asserted")),  # refused to attend: the refusal happened
        ("reject", "0841", True, ("1243", "asserted")),  # refused to release
        ("reject", "190", True, ("190", "negated")),  # refused to attack: nothing happened
        ("wont", "071", True, ("1211", "asserted")),  # will not provide economic aid
        ("threaten", "194", True, ("1384", "future")),
        ("threaten", "161", True, ("1313", "future")),
        ("threaten", "040", True, ("130", "future")),
        ("claim", "190", True, ("015", "asserted")),  # claimed its own attack
        ("claim", "190", False, ("190", "hypothetical")),  # claimed another's: an allegation
        ("deny", "190", True, ("016", "asserted")),
        ("say", "190", False, ("190", "asserted")),
        ("consider", "163", True, ("014", "hypothetical")),
        ("attempt", "186", True, ("185", "asserted")),
        ("fail", "057", True, ("057", "negated")),
        ("neg", "042", True, ("042", "negated")),
    ],
)
def test_coding_frames_compose(klass, code, self_, result):
    assert load_frames().compose(klass, code, "asserted", self_) == result


def test_coding_frames_words_by_class():
    frames = load_frames()
    assert [
        frames.klass(w) for w in ("urge", "refuse", "pledge", "say", "threaten", "deny", "nothing")
    ] == [
        "appeal",
        "reject",
        "intend",
        "say",
        "threaten",
        "deny",
        None,
    ]


def _copy(tmp_path: Path) -> Path:
    for name in ("frame_verbs.tsv", "frames.tsv"):
        shutil.copy(Path(str(DATA)) / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("intend\t*\t04\t999\tfuture", "RESULT '999'"),
        ("intend\t*\t04\t036\tsoon", "MODE 'soon'"),
        ("yearn\t*\t04\t036\tfuture", "class 'yearn'"),
        ("intend\tboth\t04\t036\tfuture", "WHO 'both'"),
        ("intend\t*\t4\t036\tfuture", "EMBEDDED '4'"),
        ("intend\t*\t04\t036\tfuture", "a second rule"),
        ("intend\t04\t036", "expected CLASS WHO EMBEDDED RESULT MODE"),
    ],
)
def test_coding_frames_bad_rules_are_refused(tmp_path, line, problem):
    base = _copy(tmp_path)
    with open(base / "frames.tsv", "a", encoding="utf-8") as f:
        f.write(line + "\n")
    with pytest.raises(KnowledgeBaseError, match=problem):
        read_frames(base)


def test_coding_frames_word_in_two_classes_is_refused(tmp_path):
    base = _copy(tmp_path)
    with open(base / "frame_verbs.tsv", "a", encoding="utf-8") as f:
        f.write("appeal\tthreaten\n")
    with pytest.raises(KnowledgeBaseError, match="already in class"):
        read_frames(base)


def test_coding_frames_modes_file():
    modes = load_modes()
    assert modes["future"] == ("03", "13")
    assert "negated" not in modes  # a refusal is asserted; "did not reject" never counts


@pytest.mark.parametrize(
    ("line", "problem"),
    [("asserted\t01", "mode 'asserted'"), ("future\t3x", "2-4 digits"), ("future", "missing")],
)
def test_coding_frames_bad_modes_are_refused(tmp_path, line, problem):
    path = tmp_path / "modes.tsv"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=problem):
        read_modes(path)
