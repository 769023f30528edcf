"""Reading sources (paths, directories, URLs, stdin) into a stream of articles and failures.

Source names, when a document does not carry its own (a ``source`` field, a
feed title, a site name in a page's metadata):

- a file: the name of the folder it is in (``corpus/reuters/a.txt`` -> "reuters"),
  so a corpus sorted into one folder per publisher is named by its folders;
- a URL: its host name without ``www.``;
- stdin: "stdin".

Dates fall back to a file's modification time only for single-article files
(text, HTML): a JSON, CSV or feed file's time says nothing about each record.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO
from urllib.parse import urlsplit

from entente.config import Settings
from entente.errors import InputError
from entente.ingest.article import Provenance
from entente.ingest.decode import binary_kind, bom_encoding, charset_from_content_type, decode_bytes
from entente.ingest.feeds import read_feed
from entente.ingest.fetch import fetch, is_url, new_client
from entente.ingest.htmlpage import read_html
from entente.ingest.plaintext import read_text
from entente.ingest.records import read_json_document, read_json_lines, read_table
from entente.ingest.sniff import (
    SNIFF_BYTES,
    format_from_content,
    format_from_content_type,
    format_from_extension,
    table_delimiter,
)
from entente.types import Article, Failure

Item = Article | Failure
_WHOLE_READERS: dict[str, Callable[[bytes, Provenance, int], Iterator[Item]]] = {
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
}


def read_sources(
    sources: Sequence[str | Path],
    settings: Settings | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Item]:
    """Articles and failures from files, directories, URLs and ``-`` (stdin), lazily, in order.

    Every input ends up as articles or as failures with a one-line reason; one
    bad input never stops the others. Directories are read recursively in name
    order, skipping hidden files and folders. JSON lines and tables are read a
    record at a time. The same story read twice comes out twice, with one id.

    Args:
        sources: paths, http(s) URLs, or ``-`` for standard input.
        settings: size limits come from here (defaults if None).
        stdin: the stream ``-`` reads (default: the process's standard input).

    Example:
        >>> items = list(read_sources(["no/such/file.txt"]))
        >>> items[0].reason
        'no such file or directory; check the path'
    """
    settings = settings or Settings()
    client = None
    try:
        for source in sources:
            name = str(source)
            if name == "-":
                yield from _guarded("-", _read_stdin(stdin, settings))
            elif is_url(name):
                client = client or new_client()
                yield from _guarded(name, _read_url(name, client, settings))
            elif not name.strip():
                yield Failure(name, "an empty path; give a file, a folder, a URL or -")
            else:
                yield from _read_path(Path(name), name, settings)
    finally:
        if client is not None:
            client.close()


def _guarded(origin: str, items: Iterator[Item]) -> Iterator[Item]:
    """``items``, with an error that escapes a reader turned into a Failure of ``origin``."""
    try:
        yield from items
    except InputError as e:
        yield Failure(origin, str(e))
    except OSError as e:
        yield Failure(origin, f"reading stopped: {e.strerror or e}; check the file and re-run")
    except Exception as e:  # noqa: BLE001 - a parser bug on odd input must not end the run
        problem = " ".join(str(e).split())[:200]
        yield Failure(
            origin,
            f"unexpected error while reading ({type(e).__name__}: {problem}); "
            "anything after it in this input was not read, please report this",
        )


# --- paths ------------------------------------------------------------------------------------


def _read_path(path: Path, origin: str, settings: Settings) -> Iterator[Item]:
    """A file, or every file under a directory."""
    try:
        info = path.stat()
    except FileNotFoundError:
        reason = "a broken symbolic link" if path.is_symlink() else "no such file or directory"
        yield Failure(origin, f"{reason}; check the path")
        return
    except OSError as e:
        yield Failure(
            origin, f"cannot reach it: {e.strerror or e}; check the path and its permissions"
        )
        return
    if not stat.S_ISDIR(info.st_mode):
        yield from _guarded(origin, _read_file(path, origin, settings))
        return
    files = 0
    for item in _walk(path):
        if isinstance(item, Failure):
            yield item
            continue
        files += 1
        yield from _guarded(str(item), _read_file(item, str(item), settings))
    if files == 0:
        yield Failure(
            origin, "the directory has no files to read (hidden files and folders are skipped)"
        )


def _walk(root: Path) -> Iterator[Path | Failure]:
    """Files under ``root``, depth first in name order, skipping hidden entries and link loops."""
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[Path | Failure]:
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                return  # a symbolic link back up the tree
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(
                    (e for e in it if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError as e:
            yield Failure(
                str(folder), f"cannot list the folder: {e.strerror or e}; check its permissions"
            )
            return
        for entry in entries:
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(path)
            else:
                yield path

    yield from visit(root)


def _read_file(path: Path, origin: str, settings: Settings) -> Iterator[Item]:
    """The articles in one file, checked for size and binary content first."""
    try:
        info = path.stat()
    except FileNotFoundError:
        yield Failure(origin, "a broken symbolic link or a vanished file; check the path")
        return
    except OSError as e:
        yield Failure(origin, f"cannot reach the file: {e.strerror or e}; check its permissions")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Failure(
            origin, "not a regular file (a device, pipe or socket); give a file or a folder"
        )
        return
    if info.st_size == 0:
        yield Failure(origin, "the file is empty")
        return
    if info.st_size > settings.max_file_bytes:
        yield Failure(origin, _too_big(info.st_size, settings.max_file_bytes, "the file"))
        return
    try:
        f = open(path, "rb")
    except PermissionError:
        yield Failure(origin, "cannot read the file: permission denied; check its permissions")
        return
    except OSError as e:
        yield Failure(origin, f"cannot read the file: {e.strerror or e}")
        return
    with f:
        head = f.read(SNIFF_BYTES)
        kind = binary_kind(head)
        if kind:
            yield Failure(origin, _binary_reason(kind, "the file"))
            return
        fmt = format_from_extension(path) or format_from_content(head)
        provenance = Provenance(
            origin=origin,
            source=path.absolute().parent.name or path.name,
            file_date=_modified(info) if fmt in ("text", "html") else None,
        )
        f.seek(0)
        yield from _read_stream(f, head, fmt, provenance, settings, path.suffix.lower() == ".json")


def _read_stream(
    stream: IO[bytes],
    head: bytes,
    fmt: str,
    provenance: Provenance,
    settings: Settings,
    whole_json: bool,
) -> Iterator[Item]:
    """The articles in an open byte stream of format ``fmt``; ``head`` is its first bytes.

    The stream is at its start. Line formats are streamed; single-document
    formats, JSON arrays, ``.json`` documents and UTF-16/32 text are read whole.
    """
    limit = settings.max_article_chars
    if fmt in _WHOLE_READERS:
        yield from _WHOLE_READERS[fmt](_read_all(stream, settings), provenance, limit)
        return
    if bom_encoding(head) not in (None, "utf-8"):
        # Records are split at newline bytes, which only works in UTF-8: re-encode UTF-16/32.
        text = decode_bytes(_read_all(stream, settings), provenance.charset, "the file")
        stream = io.BytesIO(text.encode("utf-8"))
        head = stream.getvalue()[:SNIFF_BYTES]
    if fmt == "jsonl":
        if whole_json or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
            text = decode_bytes(_read_all(stream, settings), provenance.charset, "the file")
            yield from read_json_document(text, provenance, limit)
        else:
            yield from read_json_lines(stream, provenance, limit)
        return
    first_line = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    delimiter = table_delimiter(first_line, provenance.origin)
    yield from read_table(stream, provenance, limit, delimiter)


def _read_all(stream: IO[bytes], settings: Settings) -> bytes:
    """All of a stream's bytes, refusing more than ``max_file_bytes``."""
    data = stream.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        raise InputError(_too_big(len(data), settings.max_file_bytes, "the input", at_least=True))
    return data


# --- stdin and URLs ---------------------------------------------------------------------------


def _read_stdin(stdin: TextIO | BinaryIO | None, settings: Settings) -> Iterator[Item]:
    """The articles piped in on standard input; its format is told from its first bytes."""
    stream = _binary_stream(stdin if stdin is not None else sys.stdin)
    head = _read_head(stream)
    if not head.strip():
        yield Failure("-", "standard input is empty; pipe an article or a file into it")
        return
    kind = binary_kind(head)
    if kind:
        yield Failure("-", _binary_reason(kind, "standard input"))
        return
    provenance = Provenance(origin="-", source="stdin")
    rejoined = io.BufferedReader(_Prefixed(head, stream))
    yield from _read_stream(rejoined, head, format_from_content(head), provenance, settings, False)


def _read_url(url: str, client: Any, settings: Settings) -> Iterator[Item]:
    """The articles at an http(s) address: a page, a feed, JSON lines or a table."""
    got = fetch(url, client, settings.max_file_bytes)
    if isinstance(got, Failure):
        yield got
        return
    head = got.body[:SNIFF_BYTES]
    kind = binary_kind(head)
    if not got.body.strip():
        yield Failure(url, "the server sent an empty page")
        return
    if kind:
        yield Failure(url, _binary_reason(kind, "the page"))
        return
    fmt = format_from_content(head)
    declared = format_from_content_type(got.content_type)
    # A server's type is trusted except when it calls a feed or page plain text, which is common.
    if declared and not (declared == "text" and fmt in ("html", "feed")):
        fmt = declared
    host = urlsplit(got.url).hostname or url
    provenance = Provenance(
        origin=url,
        source=host.removeprefix("www."),
        url=got.url,
        charset=charset_from_content_type(got.content_type),
    )
    yield from _read_stream(io.BytesIO(got.body), head, fmt, provenance, settings, False)


def _binary_stream(stream: TextIO | BinaryIO) -> IO[bytes]:
    """A byte stream for ``stream``: its buffer if it is a text stream, else itself."""
    if isinstance(stream, io.TextIOBase):
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return buffer
        return io.BytesIO(stream.read().encode("utf-8", errors="surrogatepass"))
    return stream  # type: ignore[return-value]


def _read_head(stream: IO[bytes]) -> bytes:
    """The first :data:`SNIFF_BYTES` bytes of a stream (a pipe may give fewer per read)."""
    parts: list[bytes] = []
    size = 0
    while size < SNIFF_BYTES:
        chunk = stream.read(SNIFF_BYTES - size)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


class _Prefixed(io.RawIOBase):
    """A byte stream that serves ``head`` again and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _modified(info: os.stat_result) -> date | None:
    """A file's modification date (local time), None if the clock value is absurd."""
    try:
        return date.fromtimestamp(info.st_mtime)
    except (OverflowError, OSError, ValueError):
        return None


# --- messages ---------------------------------------------------------------------------------


def _binary_reason(kind: str, what: str) -> str:
    """The reason for refusing a non-text input."""
    return (
        f"{what} looks like {kind}, not text; entente reads plain text, HTML, JSON lines, "
        "CSV/TSV and RSS/Atom, so convert it to one of these first"
    )


def _too_big(size: int, limit: int, what: str, at_least: bool = False) -> str:
    """The reason for refusing an input over ``max_file_bytes``."""
    more = "more than " if at_least else ""
    return (
        f"{what} is {more}{_human(size)}, over the limit of {_human(limit)} (max_file_bytes); "
        "split it or raise max_file_bytes"
    )


def _human(size: int) -> str:
    """A byte count for people: ``2.0 GB``, ``512 bytes``."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.1f} {unit} ({size:,} bytes)"
    return f"{size:,} bytes"
