"""Building an :class:`~entente.types.Article` from text and what is known about it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from entente.config import Settings
from entente.errors import InputError
from entente.ingest.dates import find_date_in_text, parse_date
from entente.ingest.normalize import identity_key, normalise_line, normalise_text, truncate
from entente.types import Article, DateSource, Failure, content_id

DEFAULT_MAX_CHARS: int = Settings.model_fields["max_article_chars"].default


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a document came from, as every reader needs to know it.

    Attributes:
        origin: the path as given, the URL, or ``-`` for stdin; rows and entries
            add ``:LINE`` or ``#ENTRY`` to it.
        source: the source name to use when the document names none.
        url: the document's address, when it was fetched.
        file_date: the file's modification date, for single-article files.
        charset: an encoding declared outside the bytes (an HTTP header).
    """

    origin: str
    source: str
    url: str | None = None
    file_date: date | None = None
    charset: str | None = None


def article_from_text(
    text: str,
    *,
    source: str,
    origin: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: date | datetime | str | None = None,
    date_source: DateSource | None = None,
    meta: Mapping[str, Any] | None = None,
    file_date: date | None = None,
    max_chars: int | None = None,
) -> Article:
    """An Article from a text: normalised, dated, capped in length, with a content-hash id.

    The text is normalised (see :func:`~entente.ingest.normalize.normalise_text`);
    a first line that repeats the title is dropped, so the headline lives in
    ``title`` only. The id hashes the normalised text with whitespace runs folded,
    so the same story read twice, however it was spaced or wrapped, has one id.

    The date is, in order of trust: ``published`` (``date_source`` "metadata"
    unless told otherwise); a date written near the top of the text ("text");
    ``file_date`` ("file"); else none. A ``published`` value that is not a date
    is kept in ``meta["unparsed_date"]``. A text longer than ``max_chars`` is cut
    at a paragraph or sentence boundary and its full length kept in
    ``meta["truncated_from"]``.

    Args:
        text: the article text, in any spacing.
        source: publisher or feed name.
        origin: where the text was read from (defaults to the url, else "text").
        title: headline, if known.
        url: the article's address, if known.
        published: publication date, or a string holding one.
        date_source: where ``published`` came from (default "metadata").
        meta: anything else the source carried.
        file_date: a file's modification date, the fallback of last resort.
        max_chars: the longest text kept (default: the ``max_article_chars`` setting's default).

    Raises:
        InputError: the text is empty once normalised.

    Example:
        >>> a = article_from_text("MOSCOW, Jan. 26, 2015 - Talks  opened.", source="demo")
        >>> a.text, a.published, a.date_source
        ('MOSCOW, Jan. 26, 2015 - Talks opened.', datetime.date(2015, 1, 26), 'text')
    """
    extra: dict[str, Any] = dict(meta or {})
    title = normalise_line(title)
    body = _drop_repeated_title(normalise_text(text), title)
    if not body:
        raise InputError("the article is empty (nothing but whitespace); give it some text")
    limit = max_chars or DEFAULT_MAX_CHARS
    if len(body) > limit:
        extra["truncated_from"] = len(body)
        body = truncate(body, limit)

    when = parse_date(published) if published is not None else None
    if when is not None:
        how: DateSource = date_source or "metadata"
    else:
        if published is not None and str(published).strip():
            extra["unparsed_date"] = str(published)
        when, how = find_date_in_text(body), "text"
        if when is None:
            when, how = (file_date, "file") if file_date else (None, "none")

    url = normalise_line(url)
    return Article(
        id=content_id(identity_key(body)),
        source=normalise_line(source) or "unknown",
        origin=origin or url or "text",
        text=body,
        url=url,
        title=title,
        published=when,
        date_source=how,
        meta=extra,
    )


def build_article(
    text: str, provenance: Provenance, origin: str, max_chars: int, **fields: Any
) -> Article | Failure:
    """:func:`article_from_text` for readers: provenance fills the gaps, errors become Failures.

    ``fields`` are the other keyword arguments of :func:`article_from_text`; a
    ``source`` of None falls back to the provenance's source name.
    """
    fields["source"] = fields.get("source") or provenance.source
    try:
        return article_from_text(text, origin=origin, max_chars=max_chars, **fields)
    except InputError as e:
        return Failure(origin, str(e))


def _drop_repeated_title(text: str, title: str | None) -> str:
    """``text`` without its first line when that line is the title again (and more follows)."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if rest.strip() and " ".join(first.lstrip("# ").split()).casefold() == title.casefold():
        return rest.strip()
    return text
