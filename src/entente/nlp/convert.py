"""Conversion of spaCy Docs into entente's plain sentence records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from entente.nlp.morphology import Morphology
from entente.types import ParsedSentence, Token

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _tokens(
    span, base: int, offset: int, morphology: Morphology | None = None
) -> tuple[Token, ...]:
    if morphology is not None:
        pos_lemma = [morphology.pos_lemma(t) for t in span]
    else:
        pos_lemma = [(t.pos_, t.lemma_ or t.lower_) for t in span]
    return tuple(
        Token(
            i=t.i - base,
            text=t.text,
            lower=t.lower_,
            lemma=lemma,
            pos=pos,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i - base,
            start=t.idx + offset,
            end=t.idx + len(t.text) + offset,
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_,
        )
        for t, (pos, lemma) in zip(span, pos_lemma, strict=True)
    )


def doc_to_sentence(
    doc: Doc, article_id: str, index: int, offset: int = 0, morphology: Morphology | None = None
) -> ParsedSentence:
    """A whole parsed Doc as one sentence (the Doc was made from one sentence).

    Args:
        doc: the parsed sentence.
        article_id: id of its article.
        index: the sentence's position in the article.
        offset: character offset of the Doc's text in the article.
        morphology: supplies POS and lemmas when the pipeline ran without its
            attribute ruler and lemmatizer.
    """
    text = doc.text.rstrip()
    return ParsedSentence(
        article_id=article_id,
        index=index,
        text=text,
        start_char=offset,
        end_char=offset + len(text),
        tokens=_tokens(doc, 0, offset, morphology),
    )


def doc_to_sentences(doc: Doc, article_id: str, offset: int = 0) -> list[ParsedSentence]:
    """The sentences of a parsed Doc as :class:`ParsedSentence` records.

    Args:
        doc: a Doc with sentence boundaries (parser or senter).
        article_id: id of the article the Doc came from.
        offset: added to every character offset (when the Doc is a slice of the article).
    """
    out: list[ParsedSentence] = []
    for index, sent in enumerate(doc.sents):
        tokens = _tokens(sent, sent.start, offset)
        out.append(
            ParsedSentence(
                article_id=article_id,
                index=index,
                text=sent.text,
                start_char=sent.start_char + offset,
                end_char=sent.end_char + offset,
                tokens=tokens,
            )
        )
    return out
