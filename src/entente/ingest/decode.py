"""From bytes to text: binary detection, byte-order marks, declared encodings, strict UTF-8.

entente does not guess encodings. Text is UTF-8 unless the bytes carry a
byte-order mark or the document itself declares its encoding (an HTML
``<meta charset>``, an XML declaration, an HTTP ``Content-Type``). Anything else
that is not valid UTF-8 is refused with the offset of the first bad byte, so the
user can re-encode the file rather than get silently garbled names.
"""

from __future__ import annotations

import codecs
import re

from entente.errors import InputError

# Leading bytes of common non-text files, and what to call them in a message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub, which are ZIP files)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"(\xb5/\xfd", "a zstd-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "an executable program"),
    (b"{\\rtf", "an RTF document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_HTML_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# How much of a document is searched for its encoding declaration.
_DECLARATION_WINDOW = 4096


def binary_kind(head: bytes) -> str | None:
    """What a file looks like if it is not text ("a PDF document"), else None.

    ``head`` is the first few kilobytes. Text in UTF-16/32 with a byte-order mark
    is text; other NUL bytes mean binary data.

    Example:
        >>> binary_kind(b"%PDF-1.7 ..."), binary_kind(b"Russia and Egypt")
        ('a PDF document', None)
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if bom_encoding(head):
        return None
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    return None


def bom_encoding(data: bytes) -> str | None:
    """The encoding announced by a byte-order mark at the start of ``data``, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def declared_encoding(head: bytes) -> str | None:
    """The encoding a document declares in an XML declaration or an HTML ``<meta>``, if any.

    Example:
        >>> declared_encoding(b'<?xml version="1.0" encoding="ISO-8859-1"?><rss/>')
        'ISO-8859-1'
    """
    window = head[:_DECLARATION_WINDOW]
    m = _XML_DECLARATION.match(window) or _HTML_CHARSET.search(window)
    return m.group(1).decode("ascii") if m else None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of an HTTP ``Content-Type`` value, if any."""
    m = _HEADER_CHARSET.search(content_type or "")
    return m.group(1) if m else None


def decode_bytes(data: bytes, declared: str | None = None, what: str = "the input") -> str:
    """Decode a whole document: BOM first, then strict UTF-8, then its declared encoding.

    Args:
        data: the raw bytes.
        declared: an encoding named outside the bytes (an HTTP charset); the
            document's own declaration is found by :func:`declared_encoding`.
        what: how to name the input in an error ("the file", "line 3").

    Raises:
        InputError: the bytes are not valid UTF-8 and no usable encoding is
            declared; the message gives the offset of the first bad byte.

    Example:
        >>> decode_bytes("Genève".encode("utf-8"))
        'Genève'
        >>> decode_bytes(b'<meta charset="latin-1"><p>Gen\\xe8ve')
        '<meta charset="latin-1"><p>Genève'
    """
    for bom, encoding in _BOMS:
        if not data.startswith(bom):
            continue
        try:
            return data[len(bom) :].decode(encoding)
        except UnicodeDecodeError as e:
            name = encoding.upper()
            raise InputError(
                f"{what} starts with a {name} byte-order mark but is not valid {name} "
                f"at offset {len(bom) + e.start}; re-save it as UTF-8"
            ) from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        declared = declared or declared_encoding(data)
        if declared and not _is_utf8(declared):
            try:
                return data.decode(declared)
            except LookupError:
                hint = f'it declares the unknown encoding "{declared}"; '
            except UnicodeDecodeError as e:
                hint = f"it is not valid {declared} either (offset {e.start}); "
        else:
            hint = ""
        raise InputError(invalid_utf8_message(data, utf8_error.start, what, hint)) from utf8_error


def invalid_utf8_message(data: bytes, offset: int, what: str, hint: str = "") -> str:
    """The one-line reason for bytes that are not UTF-8, naming the first bad byte."""
    return (
        f"{what} is not valid UTF-8: byte 0x{data[offset]:02x} at offset {offset}; {hint}"
        "re-encode it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`) or declare its encoding"
    )


def _is_utf8(name: str) -> bool:
    """Whether an encoding name means UTF-8 (a declaration that cannot rescue bad UTF-8)."""
    try:
        return codecs.lookup(name).name == "utf-8"
    except LookupError:
        return False
