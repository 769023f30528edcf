"""Sentence splitting on the tokenizer alone, and parsing of chosen sentences."""

from __future__ import annotations

import pytest

from entente.nlp import parse_selected, split_sentences

ARTICLE = """Russia, Egypt sign deal
MOSCOW, Jan. 26, 2015 (Levant Wire) - Russian Foreign Minister Sergei Lavrov met U.S. envoy John Kerry on Monday. "We agreed," he said. The talks
continued late into the night in the Russian capital (the "Kremlin.") Then (he left.)

Egypt's Sisi welcomed the deal!"""


def pieces(nlp, text):
    doc = nlp.make_doc(text)
    return [text[s.start_char : s.end_char] for s in split_sentences(doc)]


def test_nlp_segment_splits_headlines_sentences_and_paragraphs(nlp):
    assert pieces(nlp, ARTICLE) == [
        "Russia, Egypt sign deal",
        "MOSCOW, Jan. 26, 2015 (Levant Wire) - Russian Foreign Minister Sergei Lavrov met U.S. envoy John Kerry on Monday.",
        '"We agreed," he said.',
        'The talks\ncontinued late into the night in the Russian capital (the "Kremlin.")',
        "Then (he left.)",
        "Egypt's Sisi welcomed the deal!",
    ]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "...", "no final stop", "a\n\n\nb"])
def test_nlp_segment_odd_texts_give_sane_spans(nlp, text):
    doc = nlp.make_doc(text)
    spans = split_sentences(doc)
    assert all(0 <= s.start_char < s.end_char <= len(text) for s in spans)
    assert all(text[s.start_char : s.end_char].strip() for s in spans)


def test_nlp_segment_caps_run_on_text(nlp):
    text = " ".join(["word"] * 1000)
    spans = split_sentences(nlp.make_doc(text))
    assert len(spans) >= 4 and all(s.token_end - s.token_start <= 250 for s in spans)


def test_nlp_parse_selected_keeps_article_offsets_and_indexes(nlp):
    articles = [("a", ARTICLE), ("b", "Nothing here. Turkey shot down a Russian jet.")]
    only_turkey = lambda lowers: "turkey" in lowers  # noqa: E731
    out = list(parse_selected(nlp, articles, only_turkey))
    assert [(pos, n) for pos, n, _ in out] == [(0, 6), (1, 2)]
    assert out[0][2] == []
    [sentence] = out[1][2]
    assert sentence.index == 1 and sentence.text == "Turkey shot down a Russian jet."
    text = articles[1][1]
    for t in sentence.tokens:
        assert text[t.start : t.end] == t.text
    root = next(t for t in sentence.tokens if t.dep == "ROOT")
    assert root.lemma == "shoot"
