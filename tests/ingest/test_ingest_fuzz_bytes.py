"""No bytes, in any file or on stdin, make reading raise: only Articles and Failures come out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entente.config import Settings
from entente.ingest import read_sources
from entente.types import Article, Failure

NAMES = [
    "a.txt", "a.md", "a.html", "a.jsonl", "a.json", "a.csv", "a.tsv", "a.rss", "a.atom",
    "a.xml", "no_extension", "a.pdf",
]  # fmt: skip
# Pieces of every format, so that random documents get deep into each reader.
PIECES = [
    b"<?xml version='1.0' encoding='latin-1'?>", b"<?xml version='1.0' encoding='nope'?>",
    b"<rss>", b"<channel>", b"<item>", b"</item>", b"<feed>", b"<entry>", b"<content type='html'>",
    b"<title>", b"</title>", b"<description>", b"<pubDate>Mon, 26 Jan 2015</pubDate>",
    b"<html>", b"<body>", b"<p>", b"</p>", b"<script>", b'<meta charset="utf-16">', b"&amp;",
    b"<![CDATA[", b"]]>", b"{", b"}", b"[", b"]", b'"text": ', b'"date": ', b'"id": ', b'"x"',
    b'"\\ud800"', b"1e999", b"null", b",", b":", b"\n", b"\r\n", b"text,title,date\n",
    b"text\tdate\n", b'"', b'""', b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\xe8",
    b"\xc3", b"Russia met Egypt. ", b"MOSCOW, Jan. 26, 2015 - ", b"29 January 2016", b"  ",
]  # fmt: skip
DOCUMENTS = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=8)), max_size=40).map(b"".join),
)
SMALL = Settings(max_article_chars=1_000, max_file_bytes=20_000)


def _check(items: list[Article | Failure]) -> None:
    assert items, "every input yields at least an article or a failure"
    for item in items:
        assert isinstance(item, (Article, Failure))
        if isinstance(item, Failure):
            assert "unexpected error" not in item.reason, item
            assert item.reason and "\n" not in item.reason
        else:
            assert item.text.strip() and len(item.text) <= SMALL.max_article_chars
            item.text.encode("utf-8")  # storable


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=DOCUMENTS, name=st.sampled_from(NAMES))
def test_any_file_reads_without_raising(folder: Path, data: bytes, name: str) -> None:
    path = folder / name
    path.write_bytes(data)
    _check(list(read_sources([path], SMALL)))


@settings(max_examples=150, deadline=None)
@given(data=DOCUMENTS)
def test_any_stdin_reads_without_raising(data: bytes) -> None:
    _check(list(read_sources(["-"], SMALL, stdin=io.BytesIO(data))))
