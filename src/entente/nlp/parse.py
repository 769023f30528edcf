"""Streaming articles through spaCy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from entente.config import DEFAULT_MODELS
from entente.nlp.convert import doc_to_sentences
from entente.nlp.model import load_model
from entente.types import Article, ParsedSentence


def parse_articles(
    articles: Iterable[Article],
    models: tuple[str, ...] = DEFAULT_MODELS,
    batch_size: int = 64,
    processes: int = 1,
) -> Iterator[tuple[Article, list[ParsedSentence]]]:
    """Parse articles lazily with ``nlp.pipe``; yields each article with its sentences.

    Memory stays bounded: articles are pulled from ``articles`` as spaCy needs them.

    Example:
        >>> from entente.ingest import article_from_text
        >>> a = article_from_text("Russia and Egypt signed an agreement.", source="demo")
        >>> [len(s) for _, s in parse_articles([a])]  # doctest: +SKIP
        [1]
    """
    nlp = load_model(tuple(models))
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=processes):
        yield article, doc_to_sentences(doc, article.id)


def parse_text(
    text: str, article_id: str = "", models: tuple[str, ...] = DEFAULT_MODELS
) -> list[ParsedSentence]:
    """Parse one text into sentences (for tests, the CLI's one-off commands and the API)."""
    return doc_to_sentences(load_model(tuple(models))(text), article_id)
