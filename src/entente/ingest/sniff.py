"""Which reader an input needs: by file extension first, then by HTTP type, then by content."""

from __future__ import annotations

import re
from pathlib import Path

from entente.errors import InputError
from entente.ingest.decode import bom_encoding

FORMATS: tuple[str, ...] = ("text", "html", "jsonl", "table", "feed")
"""The input formats entente reads; each has one reader."""

EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "table", ".tsv": "table",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip

_CONTENT_TYPES: dict[str, str] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "application/json": "jsonl", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "text/csv": "table", "text/tab-separated-values": "table",
    "text/plain": "text", "text/markdown": "text",
}  # fmt: skip

# How many leading bytes are enough to tell formats apart.
SNIFF_BYTES = 8192
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b")
_HTML_MARK = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|h1|title)\b")
_TEXT_COLUMNS = {"text", "body", "content"}


def sniff_format(path_or_bytes: str | Path | bytes) -> str:
    """The format of an input (one of :data:`FORMATS`), by extension, else by content.

    A path with a known extension is decided by its name (see :data:`EXTENSIONS`);
    any other path is opened and its first bytes examined, as are raw bytes.

    Raises:
        InputError: a path without a known extension that cannot be opened.

    Example:
        >>> sniff_format("news/2015/moscow.html"), sniff_format(b'{"text": "..."}')
        ('html', 'jsonl')
    """
    if isinstance(path_or_bytes, bytes):
        return format_from_content(path_or_bytes)
    path = Path(path_or_bytes)
    by_name = format_from_extension(path)
    if by_name:
        return by_name
    try:
        with open(path, "rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError as e:
        raise InputError(f"cannot open {path} to tell its format: {e.strerror or e}") from e
    return format_from_content(head)


def format_from_extension(path: str | Path) -> str | None:
    """The format a file's extension names, or None for an unknown or missing extension."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def format_from_content_type(content_type: str | None) -> str | None:
    """The format an HTTP ``Content-Type`` names, or None when it says nothing useful."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return _CONTENT_TYPES.get(media)


def format_from_content(head: bytes) -> str:
    """The format of a document judged from its first bytes.

    Markup is a feed when its root is ``<rss>``, ``<feed>`` or ``<rdf:RDF>`` and
    HTML otherwise; ``{`` or ``[`` starts JSON lines or a JSON array; a first
    line that is a delimited header with a text column is a table; anything
    else is plain text.

    Example:
        >>> format_from_content(b"text,title\\nRussia met Egypt.,Talks")
        'table'
    """
    encoding = bom_encoding(head) or "utf-8"
    sample = head.decode(encoding, errors="replace").lstrip("\ufeff \t\r\n").lower()
    if sample.startswith("<"):
        feed, page = _FEED_ROOT.search(sample), _HTML_MARK.search(sample)
        if feed and (not page or feed.start() < page.start()):
            return "feed"
        if page or not sample.startswith("<?xml"):
            return "html"
        return "feed"
    if sample.startswith(("{", "[")):
        return "jsonl"
    if _is_table_header(sample.split("\n", 1)[0]):
        return "table"
    return "text"


def table_delimiter(header_line: str, path: str | Path | None = None) -> str:
    """A table's field delimiter: tab for ``.tsv``, else the likeliest of tab, ``;`` and ``,``."""
    if path is not None and Path(path).suffix.lower() == ".tsv":
        return "\t"
    if path is not None and Path(path).suffix.lower() == ".csv" and "," in header_line:
        return ","
    return max(("\t", ";", ","), key=header_line.count) if header_line else ","


def _is_table_header(line: str) -> bool:
    """Whether a line looks like a delimited header that names a text column."""
    line = line.strip()
    if not line:
        return False
    delimiter = table_delimiter(line)
    names = {name.strip().strip("\"'").lower() for name in line.split(delimiter)}
    return len(names) >= 2 and bool(names & _TEXT_COLUMNS)
