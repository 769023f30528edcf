"""RSS and Atom feeds: each entry is an article.

The entry's full content is preferred to its summary. The date is read from the
entry's own date string first, so that it stays the publisher's local date
(feedparser's parsed form is in UTC and can fall on the next day).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from typing import Any

from entente.errors import InputError
from entente.ingest.article import Provenance, build_article
from entente.ingest.dates import parse_date
from entente.ingest.decode import decode_bytes
from entente.ingest.htmlpage import html_to_text
from entente.ingest.normalize import normalise_line
from entente.types import Article, Failure

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# The text is handed to feedparser as UTF-8 and said to be so, overriding an XML declaration
# that named the encoding the file was in before it was decoded.
_UTF8_XML = {"content-type": "application/xml; charset=utf-8"}


def read_feed(data: bytes, provenance: Provenance, max_chars: int) -> Iterator[Article | Failure]:
    """The articles of an RSS/Atom feed, one per entry; origins are ``ORIGIN#N`` (from 1).

    An empty feed, or one too malformed to yield any entry, is one Failure; an
    entry without text is a Failure of its own and the other entries go on.
    """
    import feedparser  # imported on first need

    try:
        text = decode_bytes(data, provenance.charset, "the feed")
    except InputError as e:
        yield Failure(provenance.origin, str(e))
        return
    parsed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")), response_headers=_UTF8_XML, sanitize_html=True
    )
    problem = " ".join(str(parsed.get("bozo_exception", "unreadable XML")).split())
    if not parsed.entries:
        if parsed.bozo:
            reason = f"malformed feed ({problem}); check that it is RSS or Atom XML"
        elif not parsed.get("version"):
            reason = "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root); check the file"
        else:
            reason = "the feed has no entries; nothing to read"
        yield Failure(provenance.origin, reason)
        return
    feed_title = normalise_line(_plain(parsed.feed.get("title_detail"), parsed.feed.get("title")))
    for n, entry in enumerate(parsed.entries, 1):
        item = _entry_article(entry, f"{provenance.origin}#{n}", feed_title, provenance, max_chars)
        if isinstance(item, Failure) and parsed.bozo:
            # A damaged feed often ends in a half entry; say why it may be empty.
            item = Failure(item.origin, f"{item.reason}; the feed is malformed ({problem})")
        yield item


def _entry_article(
    entry: Any, origin: str, feed_title: str | None, provenance: Provenance, max_chars: int
) -> Article | Failure:
    """One feed entry as an article (full content, else summary), or a Failure if it has no text."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        text = _plain(best, best.get("value"))
    else:
        text = _plain(entry.get("summary_detail"), entry.get("summary"))
    if not (text or "").strip():
        return Failure(origin, "the feed entry has no text (no content, summary or description)")
    meta: dict[str, Any] = {}
    if entry.get("id"):
        meta["guid"] = str(entry["id"])
    if entry.get("author"):
        meta["author"] = str(entry["author"])
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        meta["tags"] = tags
    return build_article(
        text or "",
        provenance,
        origin,
        max_chars,
        source=feed_title,
        title=_plain(entry.get("title_detail"), entry.get("title")),
        url=entry.get("link") or None,
        published=_entry_date(entry),
        meta=meta,
    )


def _entry_date(entry: Any) -> date | str | None:
    """An entry's date: its own date string, else feedparser's parsed (UTC) form."""
    for key in ("published", "updated", "created"):
        when = parse_date(entry.get(key))
        if when:
            return when
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return entry.get("published") or entry.get("updated") or None


def _plain(detail: Any, value: str | None) -> str | None:
    """A feed text field as plain text: HTML is reduced to its visible text."""
    if not value:
        return None
    if detail and detail.get("type") in _HTML_TYPES:
        return html_to_text(value)
    return value
