"""Reading news into articles: files, folders, feeds, web pages and standard input.

The first stage of entente. Every input becomes :class:`~entente.types.Article`
records or :class:`~entente.types.Failure` records with a one-line reason; a
bad input never stops a run and is never skipped in silence.

Formats (see :func:`sniff_format`): plain text and Markdown, HTML, JSON lines
(and JSON arrays), CSV/TSV, RSS/Atom. Sources: paths, folders (recursive),
http(s) URLs, and ``-`` for standard input.

Example:
    >>> from entente.ingest import article_from_text
    >>> a = article_from_text("Russia and Egypt signed an agreement.", source="demo")
    >>> a.id == article_from_text("Russia and  Egypt\\nsigned an agreement. ", source="x").id
    True
"""

from entente.ingest.article import Provenance, article_from_text
from entente.ingest.dates import find_date_in_text, parse_date
from entente.ingest.normalize import normalise_text
from entente.ingest.sniff import FORMATS, sniff_format
from entente.ingest.sources import read_sources

__all__ = [
    "FORMATS",
    "Provenance",
    "article_from_text",
    "find_date_in_text",
    "normalise_text",
    "parse_date",
    "read_sources",
    "sniff_format",
]
