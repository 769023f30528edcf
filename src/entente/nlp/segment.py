"""Cheap sentence splitting on the tokenizer alone, and parsing of chosen sentences.

Parsing is what costs. entente splits an article into sentences with the
pipeline's own tokenizer and punctuation rules (no statistical model), lets a
cheap test decide which sentences can hold an event at all (an actor name and a
candidate trigger word), and runs the statistical pipeline only on those. Every
sentence is parsed on its own, with or without the test, so the test changes
which sentences are coded and nothing else.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from entente.nlp.convert import doc_to_sentence
from entente.nlp.morphology import Morphology
from entente.types import ParsedSentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Tokens that end a sentence, and tokens that may follow the end and still belong to it.
_ENDERS = frozenset({".", "!", "?", "...", "…", "?!", "!?"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
_MAX_SENTENCE_TOKENS = 250

Prefilter = Callable[[Sequence[str]], bool]
"""Decides from a sentence's lower-cased tokens whether it is worth parsing."""


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """A sentence found by the cheap splitter: token range and character range."""

    index: int
    token_start: int
    token_end: int
    start_char: int
    end_char: int


def split_sentences(doc: Doc) -> list[SentenceSpan]:
    """Split a tokenized (unparsed) Doc into sentences by punctuation and line breaks.

    A sentence ends after ``.``/``!``/``?`` (with any closing quotes or brackets), at a
    line break, or after a hard cap of tokens (run-on text such as tables). Whitespace
    tokens between sentences belong to no sentence.
    """
    spans: list[SentenceSpan] = []
    start = None
    n = len(doc)
    i = 0

    def close(end: int) -> None:
        nonlocal start
        if start is not None and end > start:
            spans.append(
                SentenceSpan(
                    len(spans),
                    start,
                    end,
                    doc[start].idx,
                    doc[end - 1].idx + len(doc[end - 1].text),
                )
            )
        start = None

    while i < n:
        tok = doc[i]
        if tok.is_space:
            if "\n" in tok.text and start is not None and _line_break_ends(doc, start, i):
                close(i)
            i += 1
            continue
        if start is None:
            start = i
        if tok.text in _ENDERS:
            j = i + 1
            # closing quotes/brackets stick to the end ('said."'); an opening quote after a space does not
            while j < n and doc[j].text in _CLOSERS and not doc[j - 1].whitespace_:
                j += 1
            close(j)
            i = j
            continue
        elif i + 1 - start >= _MAX_SENTENCE_TOKENS:
            close(i + 1)
        i += 1
    close(n)
    return spans


def _line_break_ends(doc: Doc, start: int, i: int) -> bool:
    """Whether a line break at token ``i`` ends the sentence begun at ``start``.

    A blank line always does. A single line break does after a short line (a headline,
    a dateline), but not inside hard-wrapped running text, whose lines are long.
    """
    if doc[i].text.count("\n") > 1:
        return True
    text = doc.text
    line_start = text.rfind("\n", 0, doc[i].idx) + 1
    if doc[i].idx - line_start > 60:
        return False
    last = next((t for t in reversed(doc[start:i]) if not t.is_space), None)
    return last is not None and last.text not in {",", ";", ":", "-", "—", "–"} and not last.is_stop


def parse_selected(
    nlp: Language,
    articles: Sequence[tuple[str, str]],
    prefilter: Prefilter | None = None,
    batch_size: int = 256,
    timings: dict[str, float] | None = None,
    morphology: Morphology | None = None,
) -> Iterator[tuple[int, int, list[ParsedSentence]]]:
    """Split, filter and parse articles; yields ``(article position, n_sentences, parsed)``.

    Args:
        nlp: the loaded pipeline.
        articles: ``(article_id, text)`` pairs.
        prefilter: which sentences to parse (all when None).
        batch_size: sentences per ``nlp.pipe`` batch.
        timings: if given, seconds spent splitting and parsing are added to it.
        morphology: POS and lemmas for a pipeline run without its attribute ruler
            and lemmatizer (see :mod:`entente.nlp.morphology`).

    Yields, for each article in order, how many sentences it has and the parsed
    sentences that passed the filter (indexes are positions among all its sentences).
    """
    clock = time.perf_counter()
    tokenized = [(aid, nlp.make_doc(text)) for aid, text in articles]
    chosen: list[tuple[int, SentenceSpan, Doc]] = []
    counts: list[int] = []
    for pos, (_aid, doc) in enumerate(tokenized):
        spans = split_sentences(doc)
        counts.append(len(spans))
        text = doc.text
        for span in spans:
            if prefilter is None or prefilter(
                [t.lower_ for t in doc[span.token_start : span.token_end]]
            ):
                # Tokenizing the sentence's text again gives the same tokens and is several
                # times cheaper than Span.as_doc, which copies every token's attributes.
                chosen.append((pos, span, nlp.make_doc(text[span.start_char : span.end_char])))
    parsed: list[list[ParsedSentence]] = [[] for _ in tokenized]
    split_done = time.perf_counter()
    docs = nlp.pipe((d for _, _, d in chosen), batch_size=batch_size)
    for (pos, span, _), pdoc in zip(chosen, docs, strict=True):
        aid = tokenized[pos][0]
        parsed[pos].append(doc_to_sentence(pdoc, aid, span.index, span.start_char, morphology))
    if timings is not None:
        timings["split"] = timings.get("split", 0.0) + split_done - clock
        timings["parse"] = timings.get("parse", 0.0) + time.perf_counter() - split_done
    for pos in range(len(tokenized)):
        yield pos, counts[pos], parsed[pos]
