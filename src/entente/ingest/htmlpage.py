"""Web pages: the main text, title and publication date of an HTML document.

trafilatura finds the article body among menus, footers and comments, and reads
the date from the page's metadata. When it finds nothing (very short pages,
unusual markup), the page's visible text and ``<title>`` are used instead, so a
page with text never comes out empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from entente.errors import InputError
from entente.ingest.article import Provenance, build_article
from entente.ingest.decode import decode_bytes
from entente.ingest.normalize import normalise_line, normalise_text
from entente.types import Article, Failure

# htmldate's markup-only search: dates guessed from running text are not metadata.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_WHITESPACE = re.compile(r"\s+")
# Elements whose content is never visible text.
_INVISIBLE = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object"}
)
# Elements that start a new line of visible text.
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)


@dataclass(frozen=True, slots=True)
class Page:
    """What was read from an HTML document."""

    text: str
    title: str | None = None
    published: str | None = None
    site: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def read_html(data: bytes, provenance: Provenance, max_chars: int) -> Iterator[Article | Failure]:
    """The article on an HTML page; a page without readable text is a Failure."""
    try:
        markup = decode_bytes(data, provenance.charset, "the page")
    except InputError as e:
        yield Failure(provenance.origin, str(e))
        return
    page = extract_page(markup, url=provenance.url)
    if not page.text:
        yield Failure(
            provenance.origin,
            "the HTML has no readable text (broken or empty markup); "
            "check that it is a complete page with the article in it",
        )
        return
    yield build_article(
        page.text,
        provenance,
        provenance.origin,
        max_chars,
        source=page.site,
        title=page.title,
        url=provenance.url,
        published=page.published,
        file_date=provenance.file_date,
        meta=page.meta,
    )


def extract_page(markup: str, url: str | None = None) -> Page:
    """The main text, title, date and site name of an HTML document.

    Example:
        >>> p = extract_page("<title>Talks</title><body><p>Russia met Egypt.</p></body>")
        >>> p.text, p.title
        ('Russia met Egypt.', 'Talks')
    """
    import trafilatura  # imported on first need: loading it takes a moment

    doc = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,  # cells come out joined by "|"; tables are rarely the story
        date_extraction_params=_DATE_PARAMS,
    )
    # trafilatura puts each block on its own line; blocks are paragraphs, as in text files.
    text = normalise_text((doc.text or "").replace("\n", "\n\n")) if doc is not None else ""
    if doc is None or not text:
        fallback_title, fallback_text = visible_text(markup)
        return Page(text=normalise_text(fallback_text), title=normalise_line(fallback_title))
    meta = {
        key: value
        for key, value in (("author", doc.author), ("description", doc.description))
        if value
    }
    return Page(
        text=text,
        title=normalise_line(doc.title) or normalise_line(visible_text(markup)[0]),
        published=doc.date or None,
        site=normalise_line(doc.sitename),
        meta=meta,
    )


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment (a feed entry's content), one block per line.

    Example:
        >>> html_to_text("<p>Russia &amp; Egypt</p><p>agreed.</p>")
        'Russia & Egypt\\n\\nagreed.'
    """
    return normalise_text(visible_text(fragment)[1])


def visible_text(markup: str) -> tuple[str | None, str]:
    """``(title, text)``: the ``<title>`` and the text a browser would show, blocks on new lines."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    title = "".join(parser.title).strip() or None
    return title, "".join(parser.parts)


class _VisibleText(HTMLParser):
    """Collects visible text and the title; tolerant of any markup, however broken."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self._hidden += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            # Line breaks in markup are spaces on screen; blocks make the real breaks.
            self.parts.append(_WHITESPACE.sub(" ", data))
