"""Shared fixtures: the real spaCy model (loaded once per session) and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline, loaded once for the whole test session."""
    from entente.config import DEFAULT_MODELS
    from entente.nlp import load_model

    return load_model(DEFAULT_MODELS)


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text into ParsedSentences with the real model as entente's default
    settings do (without the entity recognizer unless ``ner`` is on): ``parse(text)``."""
    from entente.config import Settings
    from entente.nlp import doc_to_sentences

    off = [] if Settings().ner else ["ner"]

    def _parse(text: str, article_id: str = "t"):
        with nlp.select_pipes(disable=off):
            return doc_to_sentences(nlp(text), article_id)

    return _parse


@pytest.fixture(scope="session")
def parse_ner(nlp):
    """Parse with the whole pipeline, entity recognizer included (``ner = true``)."""
    from entente.nlp import doc_to_sentences

    def _parse(text: str, article_id: str = "t"):
        return doc_to_sentences(nlp(text), article_id)

    return _parse


@pytest.fixture
def gold_dir() -> Path:
    """../shared/gold, or skip when this checkout has no shared folder."""
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not present")
    return GOLD
