"""Plain text and Markdown files: the whole file is one article.

A file may open with a headline, with a header of ``Key: value`` lines, or both;
Markdown front matter (between ``---`` lines) is read the same way::

    Putin orders sanctions on Turkey over downed bomber
    Date: 2015-11-28
    Source: Eastern Desk

    President Vladimir Putin signed a decree on Saturday ...

Header keys (any case): ``title``/``headline``; ``date``/``published``;
``source``/``publisher``; ``url``/``link``; ``author``/``by``; ``id``. In a
plain header every line must have one of these keys, so prose such as
"Note: ..." is never mistaken for one; front matter may hold other keys,
which are kept in ``meta``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from entente.errors import InputError
from entente.ingest.article import Provenance, build_article
from entente.ingest.dates import find_date_in_text
from entente.ingest.decode import decode_bytes
from entente.ingest.normalize import looks_like_headline, normalise_text
from entente.types import Article, Failure

# A first line that is a byline is not a headline.
_NOT_A_HEADLINE = re.compile(r"^(?:by|from)\s", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}?)\s*:\s*(.*)$")
_HEADER_KEYS = {
    "title": "title", "headline": "title",
    "date": "date", "published": "date", "publish date": "date", "publication date": "date",
    "source": "source", "publisher": "source",
    "url": "url", "link": "url",
    "author": "author", "by": "author",
    "id": "id",
}  # fmt: skip
# Front matter longer than this is not front matter.
_MAX_FRONT_MATTER_LINES = 40


@dataclass(frozen=True, slots=True)
class Heading:
    """What the top of a text file says about the article: headline and header fields."""

    body: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def read_text(data: bytes, provenance: Provenance, max_chars: int) -> Iterator[Article | Failure]:
    """The article in a plain-text file, with its headline and header fields when it has them."""
    try:
        text = decode_bytes(data, provenance.charset, "the file")
    except InputError as e:
        yield Failure(provenance.origin, str(e))
        return
    top = read_heading(text)
    yield build_article(
        top.body,
        provenance,
        provenance.origin,
        max_chars,
        source=top.source,
        title=top.title,
        url=top.url or provenance.url,
        published=top.date,
        file_date=provenance.file_date,
        meta=top.meta,
    )


def read_heading(text: str) -> Heading:
    """Split a text file into its headline, header fields and body.

    Example:
        >>> h = read_heading("Talks open\\nDate: 2015-01-26\\nSource: Levant Wire\\n\\nRussia hosted.")
        >>> h.title, h.date, h.source, h.body
        ('Talks open', '2015-01-26', 'Levant Wire', 'Russia hosted.')
    """
    text = normalise_text(text)
    lines = text.split("\n")
    if lines[0] == "---":
        front = _front_matter(lines)
        if front is not None:
            return front
    block = lines[: lines.index("")] if "" in lines else lines
    for start in (0, 1):
        fields = _header_fields(block[start:])
        if fields is not None:
            title = fields.pop("title", None) or (block[0].lstrip("#").strip() if start else None)
            return _heading("\n".join(lines[len(block) :]).strip(), title, fields)
    title, body = split_headline(text)
    return Heading(body=body, title=title)


def split_headline(text: str) -> tuple[str | None, str]:
    """``(title, body)``: the first non-empty line is the title when it reads as a headline.

    A headline is short, has no sentence-final period, and is followed by more
    text that does not continue it (a lowercase next line means a wrapped
    sentence). A byline ("By ...") or a line with a dateline in it is not a
    headline. A Markdown heading marker (``# ``) is removed from it.

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


def _header_fields(lines: list[str]) -> dict[str, str] | None:
    """The fields of a block of ``Key: value`` lines with known keys; None if it is not one."""
    fields: dict[str, str] = {}
    for line in lines:
        m = _HEADER_LINE.match(line)
        key = _HEADER_KEYS.get(m.group(1).strip().lower()) if m else None
        if m is None or key is None or not m.group(2).strip():
            return None
        fields[key] = m.group(2).strip()
    return fields or None


def _front_matter(lines: list[str]) -> Heading | None:
    """The heading of a text that opens with ``---`` front matter, None if it is not closed."""
    try:
        end = lines.index("---", 1, _MAX_FRONT_MATTER_LINES)
    except ValueError:
        return None
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        m = _HEADER_LINE.match(line)
        if m is None:
            continue  # YAML structure (list items, nesting): only flat keys matter here
        key = m.group(1).strip().lower()
        value = m.group(2).strip().strip("\"'")
        if value:
            fields[_HEADER_KEYS.get(key, key)] = value
    body = "\n".join(lines[end + 1 :]).strip()
    title, rest = split_headline(body) if "title" not in fields else (fields.pop("title"), body)
    return _heading(rest, title, fields)


def _heading(body: str, title: str | None, fields: dict[str, str]) -> Heading:
    """A Heading from parsed fields; keys other than date, source and url go to ``meta``."""
    meta: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in ("date", "source", "url"):
            meta["input_id" if key == "id" else key] = value
    return Heading(
        body=body,
        title=title,
        date=fields.get("date"),
        source=fields.get("source"),
        url=fields.get("url"),
        meta=meta,
    )
