"""Sources: folders (recursive, ordered, hidden skipped), stdin, input order and duplicates."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from entente.ingest import read_sources, sniff_format
from entente.types import Article, Failure

STORY = "Geneva, 29 January 2016 - UN envoy Staffan de Mistura opened the talks."


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_folder_is_read_recursively_in_name_order_skipping_hidden(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "b.txt", "Iran met Iraq.")
    _write(root / "a" / "z.txt", "Russia met Egypt.")
    _write(root / "a" / "y" / "deep.txt", "Turkey met Iran.")
    _write(root / "c.jsonl", json.dumps({"text": "The UN met Syria."}) + "\n")
    _write(root / ".hidden.txt", "Hidden story.")
    _write(root / ".git" / "inside.txt", "Hidden folder story.")
    origins = [item.origin for item in read_sources([root])]
    assert origins == [
        str(root / "a" / "y" / "deep.txt"),
        str(root / "a" / "z.txt"),
        str(root / "b.txt"),
        f"{root / 'c.jsonl'}:1",
    ]


def test_folder_source_names_come_from_the_folder_holding_each_file(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "reuters" / "a.txt", "Russia met Egypt.")
    _write(root / "b.txt", "Iran met Iraq.")
    names = {a.origin: a.source for a in read_sources([root])}
    assert names == {str(root / "reuters" / "a.txt"): "reuters", str(root / "b.txt"): "corpus"}


def test_symlink_loop_is_not_followed_forever(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "a.txt", "Russia met Egypt.")
    (root / "loop").symlink_to(root, target_is_directory=True)
    assert [i.origin for i in read_sources([root])] == [str(root / "a.txt")]


def test_sources_come_out_in_the_order_given(tmp_path: Path) -> None:
    first = _write(tmp_path / "z.txt", "Russia met Egypt.")
    second = _write(tmp_path / "a.txt", "Iran met Iraq.")
    items = list(read_sources([first, tmp_path / "missing.txt", second]))
    assert [i.origin for i in items] == [str(first), str(tmp_path / "missing.txt"), str(second)]
    assert [type(i) for i in items] == [Article, Failure, Article]


def test_read_sources_is_lazy(tmp_path: Path) -> None:
    path = _write(tmp_path / "many.jsonl", "")
    with path.open("w") as f:
        for n in range(1000):
            f.write(json.dumps({"text": f"Story number {n} about talks."}) + "\n")
    stream = read_sources([path])
    assert next(stream).text == "Story number 0 about talks."
    stream.close()  # nothing else was read


def test_same_story_in_two_files_has_one_id(tmp_path: Path) -> None:
    a = _write(tmp_path / "one" / "story.txt", STORY)
    b = _write(
        tmp_path / "two" / "copy.txt",
        "\n" + STORY.replace(" ", "  ").replace("opened", "\nopened") + "\n",
    )
    c = _write(tmp_path / "rows.jsonl", json.dumps({"text": STORY, "source": "wire"}) + "\n")
    items = list(read_sources([a, b, c]))
    assert all(isinstance(i, Article) for i in items) and len(items) == 3
    assert len({i.id for i in items}) == 1  # every copy comes out, with one id
    assert len({i.source for i in items}) == 3


@pytest.mark.parametrize(
    ("data", "origin", "text"),
    [
        (STORY.encode(), "-", STORY),
        (b"<html><body><p>" + STORY.encode() + b"</p></body></html>", "-", STORY),
        ((json.dumps({"text": STORY}) + "\n").encode(), "-:1", STORY),
        (
            b"text,title\n" + STORY.replace(",", "").encode() + b",T\n",
            "-:2",
            STORY.replace(",", ""),
        ),
        (
            b"<rss><channel><title>W</title><item><description>"
            + STORY.encode()
            + b"</description></item></channel></rss>",
            "-#1",
            STORY,
        ),
    ],
)
def test_stdin_formats_are_sniffed(data: bytes, origin: str, text: str) -> None:
    [a] = read_sources(["-"], stdin=io.BytesIO(data))
    assert isinstance(a, Article), a
    assert (a.origin, a.text) == (origin, text)


def test_stdin_text_streams() -> None:
    [a] = read_sources(["-"], stdin=io.StringIO("Russia met Egypt."))
    assert isinstance(a, Article) and a.source == "stdin"
    wrapped = io.TextIOWrapper(io.BytesIO(b"Iran met Iraq."), encoding="utf-8")
    [b] = read_sources(["-"], stdin=wrapped)
    assert isinstance(b, Article) and b.text == "Iran met Iraq."


def test_stdin_jsonl_longer_than_the_sniffed_head() -> None:
    rows = [json.dumps({"text": f"Story {n}: " + "talks " * 30}) for n in range(400)]
    data = ("\n".join(rows) + "\n").encode()
    assert len(data) > 3 * 8192  # lines cross the boundary of the first bytes read
    items = list(read_sources(["-"], stdin=io.BytesIO(data)))
    assert [i.origin for i in items] == [f"-:{n}" for n in range(1, 401)]
    assert all(isinstance(i, Article) for i in items)
    assert items[399].text.startswith("Story 399:")


def test_empty_stdin_is_a_failure() -> None:
    [f] = read_sources(["-"], stdin=io.BytesIO(b"  \n"))
    assert isinstance(f, Failure) and f.origin == "-" and "empty" in f.reason


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"), ("a.TEXT", "text"), ("a.md", "text"),
        ("a.html", "html"), ("a.htm", "html"),
        ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.json", "jsonl"),
        ("a.csv", "table"), ("a.tsv", "table"),
        ("a.rss", "feed"), ("a.atom", "feed"), ("a.xml", "feed"),
    ],
)  # fmt: skip
def test_sniff_format_by_extension(name: str, fmt: str) -> None:
    assert sniff_format(name) == fmt


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE html><html>', "html"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<p>Russia met Egypt.</p>", "html"),
        (b'\xef\xbb\xbf{"text": "x"}', "jsonl"),
        (b'[{"text": "x"}]', "jsonl"),
        (b"id,text,date\n1,x,2015", "table"),
        (b"text\tdate\nx\t2015", "table"),
        (b"Russia, Egypt and Iran met.\nThey agreed.", "text"),
        (b"", "text"),
    ],
)
def test_sniff_format_by_content(tmp_path: Path, head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt
    path = tmp_path / "no_extension"
    path.write_bytes(head)
    assert sniff_format(path) == fmt
