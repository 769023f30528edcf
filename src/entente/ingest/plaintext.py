"""Plain text and Markdown files: the whole file is one article."""

from __future__ import annotations

import re
from collections.abc import Iterator

from entente.errors import InputError
from entente.ingest.article import Provenance, build_article
from entente.ingest.dates import find_date_in_text
from entente.ingest.decode import decode_bytes
from entente.ingest.normalize import looks_like_headline, normalise_text
from entente.types import Article, Failure

# A first line that is a byline is not a headline.
_NOT_A_HEADLINE = re.compile(r"^(?:by|from)\s", re.IGNORECASE)


def read_text(data: bytes, provenance: Provenance, max_chars: int) -> Iterator[Article | Failure]:
    """The article in a plain-text file (its headline taken from the first line when it is one)."""
    try:
        text = decode_bytes(data, provenance.charset, "the file")
    except InputError as e:
        yield Failure(provenance.origin, str(e))
        return
    title, body = split_headline(text)
    yield build_article(
        body,
        provenance,
        provenance.origin,
        max_chars,
        title=title,
        url=provenance.url,
        file_date=provenance.file_date,
    )


def split_headline(text: str) -> tuple[str | None, str]:
    """``(title, body)``: the first non-empty line is the title when it reads as a headline.

    A headline is short, has no sentence-final period, and is followed by more
    text that does not continue it (a lowercase next line means a wrapped
    sentence). A byline ("By ...") or a line with a full date in it (a dateline)
    is not a headline. A Markdown heading marker (``# ``) is removed from it.

    Example:
        >>> split_headline("Russia and Egypt agree\\n\\nCAIRO - The two sides agreed.")
        ('Russia and Egypt agree', 'CAIRO - The two sides agreed.')
        >>> split_headline("The two sides agreed.\\nThey will meet again.")
        (None, 'The two sides agreed.\\nThey will meet again.')
    """
    text = normalise_text(text)
    first, _, rest = text.partition("\n")
    candidate = first.lstrip("#").strip()
    continues = rest[:1].islower()
    if (
        rest.strip()
        and not continues
        and looks_like_headline(candidate)
        and not _NOT_A_HEADLINE.match(candidate)
        and find_date_in_text(candidate) is None
    ):
        return candidate, rest.strip()
    return None, text
