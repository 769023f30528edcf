"""One article per record: JSON lines, JSON arrays and CSV/TSV tables.

Records are read one at a time, so a file of any length is read in bounded
memory (a JSON array is the exception: it is one document). A bad record is a
Failure naming its line, and the records after it are still read.

Fields (names are matched without regard to case):

- text: ``text``, else ``body``, else ``content`` (required, a string);
- ``title``, ``url``, ``source`` (strings);
- date: ``date``, else ``published``, ``publish_date`` or ``published_at``;
- ``id``: kept as ``meta["input_id"]`` (the article's own id is its content hash);
- any other field is kept in ``meta``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from entente.ingest.article import Provenance, build_article
from entente.ingest.decode import invalid_utf8_message
from entente.types import Article, Failure

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("date", "published", "publish_date", "published_at")
_STRING_FIELDS = ("title", "url", "source")
_KNOWN = {*TEXT_FIELDS, *DATE_FIELDS, *_STRING_FIELDS, "id"}
# A JSON escape of a lone surrogate ("\ud800"): legal JSON, but not text that can be stored.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def record_to_article(
    record: Mapping[str, Any], origin: str, provenance: Provenance, max_chars: int
) -> Article | Failure:
    """One record (a JSON object or a table row) as an article, or a Failure saying what is wrong.

    Example:
        >>> r = record_to_article({"text": "Russia met Egypt.", "date": "2015-02-10", "id": 7},
        ...                       "a.jsonl:1", Provenance("a.jsonl", "demo"), 10_000)
        >>> r.published, r.meta["input_id"], r.source
        (datetime.date(2015, 2, 10), '7', 'demo')
    """
    fields = {str(k).strip().lower(): v for k, v in record.items()}
    text_field = next((f for f in TEXT_FIELDS if _present(fields.get(f))), None)
    blank = next((f for f in TEXT_FIELDS if fields.get(f) is not None), None)
    if text_field is None and blank is not None:
        return Failure(origin, f'the "{blank}" field is empty; the record needs some text')
    if text_field is None:
        names = ", ".join(sorted(fields)) or "none"
        return Failure(
            origin,
            f'no text: the record needs a "text" (or "body"/"content") field; it has: {names}',
        )
    for name in (text_field, *_STRING_FIELDS):
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            return Failure(origin, f'field "{name}" is {_kind(value)}, expected a string')
    input_id = fields.get("id")
    if input_id is not None and not isinstance(input_id, (str, int, float)):
        return Failure(origin, f'field "id" is {_kind(input_id)}, expected a string or a number')
    raw_date = next((fields[f] for f in DATE_FIELDS if _present(fields.get(f))), None)
    if raw_date is not None and not isinstance(raw_date, (str, int)):
        return Failure(origin, f"the date field is {_kind(raw_date)}, expected a string")

    meta: dict[str, Any] = {k: v for k, v in fields.items() if k not in _KNOWN and _present(v)}
    if _present(input_id):
        meta["input_id"] = str(input_id)
    return build_article(
        fields[text_field],
        provenance,
        origin,
        max_chars,
        source=fields.get("source") or None,
        title=fields.get("title") or None,
        url=fields.get("url") or None,
        published=raw_date,
        meta=meta,
    )


def read_json_lines(
    lines: Iterable[bytes], provenance: Provenance, max_chars: int
) -> Iterator[Article | Failure]:
    """Articles from JSON lines, one object per line; origins are ``ORIGIN:LINE`` (from 1)."""
    return _something_or_failure(_read_json_lines(lines, provenance, max_chars), provenance)


def read_json_document(
    text: str, provenance: Provenance, max_chars: int
) -> Iterator[Article | Failure]:
    """Articles from a JSON document: an array of objects, or objects one after another.

    The second form covers JSON lines and pretty-printed objects alike. Origins
    are ``ORIGIN:LINE``, the line where each object starts. After a syntax error
    in an array nothing more can be trusted and reading stops (with a Failure);
    between top-level objects, reading resumes at the next line that opens one.
    """
    return _something_or_failure(_read_json_document(text, provenance, max_chars), provenance)


def read_table(
    lines: Iterable[bytes], provenance: Provenance, max_chars: int, delimiter: str = ","
) -> Iterator[Article | Failure]:
    """Articles from a CSV/TSV table with a header row; origins are ``ORIGIN:ROW``.

    ROW is the file line on which the record starts (the header is line 1), as a
    spreadsheet numbers rows. Quoted fields may span lines. A line that is not
    UTF-8, a row with more fields than the header, or a quoting error is a Failure
    for that row only. A table without a text column is one Failure.
    """
    return _something_or_failure(_read_table(lines, provenance, max_chars, delimiter), provenance)


def _something_or_failure(
    items: Iterator[Article | Failure], provenance: Provenance
) -> Iterator[Article | Failure]:
    """``items``, or, if there are none, one Failure saying the input holds no records."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        yield Failure(
            provenance.origin,
            "no records in it (only a header, an empty array or blank lines); nothing to read",
        )


def _read_json_lines(
    lines: Iterable[bytes], provenance: Provenance, max_chars: int
) -> Iterator[Article | Failure]:
    """The records of JSON lines, as :func:`read_json_lines` describes."""
    for number, raw in enumerate(lines, 1):
        origin = f"{provenance.origin}:{number}"
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield Failure(origin, invalid_utf8_message(raw, e.start, f"line {number}"))
            continue
        try:
            value = _loads(line)
        except json.JSONDecodeError as e:
            yield Failure(
                origin,
                f"invalid JSON ({e.msg} at column {e.colno}); each line must be one JSON object",
            )
            continue
        except RecursionError:
            yield Failure(
                origin, "invalid JSON: nested too deeply; each line must be one JSON object"
            )
            continue
        yield _value_to_article(value, origin, provenance, max_chars)


def _read_json_document(
    text: str, provenance: Provenance, max_chars: int
) -> Iterator[Article | Failure]:
    """The records of a JSON document, as :func:`read_json_document` describes."""
    decoder = json.JSONDecoder()
    text = text.lstrip("\ufeff")
    clean = _SURROGATE_ESCAPE.search(text) is not None
    pos = _skip_space(text, 0)
    in_array = text.startswith("[", pos)
    if in_array:
        pos = _skip_space(text, pos + 1)
        if text.startswith("]", pos):
            pos = _skip_space(text, pos + 1)
            in_array = False
    while pos < len(text):
        line = text.count("\n", 0, pos) + 1
        origin = f"{provenance.origin}:{line}"
        try:
            value, end = decoder.raw_decode(text, pos)
            value = _without_surrogates(value) if clean else value
        except (json.JSONDecodeError, RecursionError) as e:
            problem = (
                f"{e.msg} at line {e.lineno} column {e.colno}"
                if isinstance(e, json.JSONDecodeError)
                else "nested too deeply"
            )
            if in_array:
                yield Failure(
                    origin,
                    f"invalid JSON ({problem}); the rest of the array was not read, "
                    "fix the file and re-run",
                )
                return
            yield Failure(origin, f"invalid JSON ({problem}); skipped to the next object")
            pos = _next_object_line(text, pos)
            continue
        yield _value_to_article(value, origin, provenance, max_chars)
        pos = _skip_space(text, end)
        if in_array:
            if text.startswith(",", pos):
                pos = _skip_space(text, pos + 1)
            elif text.startswith("]", pos):
                pos, in_array = _skip_space(text, pos + 1), False
            else:
                at = text.count("\n", 0, pos) + 1
                yield Failure(
                    f"{provenance.origin}:{at}",
                    "invalid JSON (expected ',' or ']' in the array); the rest was not read, "
                    "fix the file and re-run",
                )
                return


def _read_table(
    lines: Iterable[bytes], provenance: Provenance, max_chars: int, delimiter: str = ","
) -> Iterator[Article | Failure]:
    """The rows of a table, as :func:`read_table` describes."""
    source = _DecodedLines(lines)
    # Articles can be longer than csv's default field limit (128 KiB); the file size limit
    # already bounds how long a field can get.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    reader = csv.reader(source, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    while True:
        source.row_start = None
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            start = source.row_start or source.lines_read
            yield from source.take_failures(provenance.origin)
            yield Failure(f"{provenance.origin}:{start}", f"malformed row ({e}); check its quoting")
            continue
        yield from source.take_failures(provenance.origin)
        start = source.row_start or source.lines_read
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in row]
            if not set(header) & set(TEXT_FIELDS):
                yield Failure(
                    provenance.origin,
                    f"no text column: the header has {', '.join(header)}; "
                    'name the column holding the article text "text" (or "body"/"content")',
                )
                return
            continue
        if len(row) > len(header):
            yield Failure(
                f"{provenance.origin}:{start}",
                f"the row has {len(row)} fields but the header has {len(header)}; "
                "quote fields that contain the delimiter",
            )
            continue
        record = {
            name: cell for name, cell in zip(header, row, strict=False) if name and cell.strip()
        }
        yield record_to_article(record, f"{provenance.origin}:{start}", provenance, max_chars)
    yield from source.take_failures(provenance.origin)


class _DecodedLines:
    """Lines of bytes decoded one by one as UTF-8, counting lines and setting bad ones aside.

    csv reads from this; a line that is not UTF-8 is left out and remembered as a
    Failure, which the table reader reports in its place.
    """

    def __init__(self, lines: Iterable[bytes]) -> None:
        self._lines = iter(lines)
        self.lines_read = 0
        # The line the current row began on; the table reader resets it before each row.
        self.row_start: int | None = None
        self._failures: list[tuple[int, str]] = []

    def __iter__(self) -> _DecodedLines:
        return self

    def __next__(self) -> str:
        while True:
            raw = next(self._lines)
            self.lines_read += 1
            if self.lines_read == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                self._failures.append(
                    (self.lines_read, invalid_utf8_message(raw, e.start, f"line {self.lines_read}"))
                )
                continue
            if self.row_start is None:
                self.row_start = self.lines_read
            return line

    def take_failures(self, origin: str) -> Iterator[Failure]:
        """The Failures of undecodable lines met so far (each reported once)."""
        failures, self._failures = self._failures, []
        for line, reason in failures:
            yield Failure(f"{origin}:{line}", reason)


def _value_to_article(
    value: Any, origin: str, provenance: Provenance, max_chars: int
) -> Article | Failure:
    """A decoded JSON value as an article; anything but an object is a Failure."""
    if not isinstance(value, dict):
        return Failure(
            origin, f'the record is {_kind(value)}; expected an object with a "text" field'
        )
    return record_to_article(value, origin, provenance, max_chars)


def _loads(line: str) -> Any:
    """A JSON value from one line, with any lone surrogates removed from its strings."""
    value = json.loads(line)
    return _without_surrogates(value) if _SURROGATE_ESCAPE.search(line) else value


def _without_surrogates(value: Any) -> Any:
    """A decoded JSON value with lone surrogate code points removed from every string."""
    if isinstance(value, str):
        return "".join(ch for ch in value if not 0xD800 <= ord(ch) <= 0xDFFF)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _present(value: Any) -> bool:
    """Whether a field has a value (not missing, None or blank)."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def _kind(value: Any) -> str:
    """How to name a JSON value's type in a message ("a list", "a number")."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else type(value).__name__


def _skip_space(text: str, pos: int) -> int:
    """The position of the first non-whitespace character at or after ``pos``."""
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _next_object_line(text: str, pos: int) -> int:
    """The start of the next line after ``pos`` that opens a JSON object, else the end."""
    while True:
        newline = text.find("\n", pos)
        if newline < 0:
            return len(text)
        pos = _skip_space(text, newline + 1)
        if text.startswith("{", pos):
            return pos
