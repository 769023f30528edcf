"""Text normalisation, content-hash ids, truncation and headlines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entente.errors import InputError
from entente.ingest import article_from_text, normalise_text
from entente.ingest.normalize import looks_like_headline, truncate
from entente.ingest.plaintext import split_headline
from entente.types import content_id

STORY = (
    "MOSCOW, Jan. 26, 2015 (Reuters) - Russia hosted talks between the Syrian government "
    "and some opposition figures.\n\nThe main opposition coalition stayed away."
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Russia\r\nand Egypt", "Russia\nand Egypt"),
        ("Russia\rand Egypt", "Russia\nand Egypt"),
        ("Russia \t\u00a0 and   Egypt", "Russia and Egypt"),
        ("One.\n\n\n\n\nTwo.", "One.\n\nTwo."),
        ("One.  \n \n  Two.", "One.\n\nTwo."),
        ("  padded  ", "padded"),
        ("Ru\u00adssia\u200b met\x00 Egypt\x07", "Russia met Egypt"),
        ("Cafe\u0301", "Caf\u00e9"),  # NFC composes the accent
        ("line\u2028break\u2029para", "line\nbreak\n\npara"),
        ("lone \ud800surrogate", "lone surrogate"),
    ],
)
def test_normalise_text_cases(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@given(st.text())
def test_normalise_text_is_idempotent_and_storable(raw: str) -> None:
    once = normalise_text(raw)
    assert normalise_text(once) == once
    once.encode("utf-8")  # no lone surrogates survive
    assert "\r" not in once and "\n\n\n" not in once


def test_same_story_twice_has_one_id() -> None:
    a = article_from_text(STORY, source="one")
    b = article_from_text(STORY, source="another", url="http://example.org/x")
    assert a.id == b.id == content_id(" ".join(a.text.split()))


@pytest.mark.parametrize(
    "variant",
    [
        STORY.replace("\n", "\r\n"),
        STORY.replace(" ", "  "),
        "\n\n  " + STORY + "  \n\n\n",
        STORY.replace("talks between", "talks\nbetween"),  # re-wrapped line
        STORY.replace("\n\n", "\n\n\n\n"),
        STORY.replace(" ", "\u00a0", 3),
    ],
)
def test_whitespace_differences_keep_the_id(variant: str) -> None:
    assert article_from_text(variant, source="x").id == article_from_text(STORY, source="x").id


def test_different_words_change_the_id() -> None:
    other = STORY.replace("stayed away", "attended")
    assert article_from_text(other, source="x").id != article_from_text(STORY, source="x").id


@given(
    st.lists(st.sampled_from(["Russia", "met", "Egypt.", "Talks", "ended"]), min_size=1), st.data()
)
def test_id_ignores_any_spacing(words: list[str], data: st.DataObject) -> None:
    gaps = [data.draw(st.sampled_from([" ", "  ", "\n", "\t", " \r\n ", "\n\n"])) for _ in words]
    spaced = "".join(w + g for w, g in zip(words, gaps, strict=True))
    assert (
        article_from_text(spaced, source="x").id
        == article_from_text(" ".join(words), source="x").id
    )


def test_empty_text_is_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        article_from_text(" \n\t\u200b ", source="x")


def test_title_repeated_as_first_line_is_dropped_from_text() -> None:
    a = article_from_text(
        "Talks in Geneva\nThe talks opened.", source="x", title="Talks in  Geneva"
    )
    assert a.title == "Talks in Geneva"
    assert a.text == "The talks opened."


def test_title_that_is_the_whole_text_stays() -> None:
    a = article_from_text("Talks in Geneva", source="x", title="Talks in Geneva")
    assert a.text == "Talks in Geneva"


def test_long_article_is_cut_at_a_paragraph_and_records_its_length() -> None:
    paragraph = "Russia and Egypt agreed to cooperate. " * 20
    text = "\n\n".join([paragraph.strip()] * 10)
    a = article_from_text(text, source="x", max_chars=2_000)
    assert len(a.text) <= 2_000
    assert a.meta["truncated_from"] == len(normalise_text(text))
    assert text.startswith(a.text) and a.text.endswith("cooperate.")


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("One. Two. Three.", 12, "One. Two."),
        ("First paragraph.\n\nSecond one here.", 25, "First paragraph."),
        ("aaaa bbbb cccc", 11, "aaaa bbbb"),
        ("abcdefghij", 4, "abcd"),
        ("short", 10, "short"),
    ],
)
def test_truncate_prefers_boundaries(text: str, limit: int, expected: str) -> None:
    assert truncate(text, limit) == expected


@given(st.text(), st.integers(min_value=1, max_value=200))
def test_truncate_never_exceeds_the_limit(text: str, limit: int) -> None:
    cut = truncate(text, limit)
    assert len(cut) <= limit and text.startswith(cut)


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Russia and Egypt agree to deepen counter-terrorism ties", True),
        ("Talks in Geneva: opposition stays away", True),
        ("Russia and Egypt agreed on Tuesday to deepen their ties.", False),
        ("MOSCOW, Jan. 26 (Reuters) -", False),
        ("", False),
        ("12345", False),
    ],
)
def test_looks_like_headline(line: str, headline: bool) -> None:
    assert looks_like_headline(line) is headline


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Russia and Egypt agree\n\nCAIRO - The sides agreed.", "Russia and Egypt agree"),
        ("# Russia and Egypt agree\n\nCAIRO - The sides agreed.", "Russia and Egypt agree"),
        ("By Jane Doe\nCAIRO - The sides agreed.", None),
        ("January 26, 2015\nCAIRO - The sides agreed.", None),
        ("Russia and Egypt agree", None),  # nothing follows it
        ("Geneva, 29 January 2016 - UN envoy\nStaffan de Mistura opened talks.", None),
        ("UN envoy Staffan de Mistura opened\nthe talks in Geneva.", None),  # a wrapped line
        ("Talks open in Geneva\nThe UN envoy opened the talks.", "Talks open in Geneva"),
        ("The sides agreed.\nThey will meet again.", None),
    ],
)
def test_split_headline(text: str, title: str | None) -> None:
    assert split_headline(text)[0] == title
