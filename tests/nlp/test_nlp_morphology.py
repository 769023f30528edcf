"""The cached POS/lemma stand-in gives exactly what the full pipeline gives."""

from __future__ import annotations

import pytest

from entente.nlp.morphology import REPLACED, Morphology

TEXTS = [
    "There are fears that Russia was preparing a new offensive, and there is no ceasefire.",
    "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva on Friday.",
    "The rebels, who had been shelling the city, said they were gonna withdraw; that is what they promised.",
    "Egypt's president has signed agreements with Moscow, as officials had expected, but Cairo hasn't paid.",
    "Turkish jets shot down a Russian warplane near the border, which Ankara said had violated its airspace.",
    "As the talks began, both sides accused each other of breaking the truce; all of them denied it.",
]


@pytest.fixture(scope="module")
def morphology(nlp):
    return Morphology(nlp)


@pytest.mark.parametrize("text", TEXTS)
def test_nlp_morphology_matches_the_full_pipeline(nlp, morphology, text):
    expected = [(t.pos_, t.lemma_) for t in nlp(text)]
    with nlp.select_pipes(disable=list(REPLACED)):
        doc = nlp(text)
        got = [morphology.pos_lemma(t) for t in doc]
    assert got == expected


def test_nlp_morphology_cache_gives_the_same_answer_twice(nlp, morphology):
    with nlp.select_pipes(disable=list(REPLACED)):
        first = [morphology.pos_lemma(t) for t in nlp(TEXTS[1])]
        second = [morphology.pos_lemma(t) for t in nlp(TEXTS[1])]
    assert first == second
    assert ("VERB", "meet") in first
