"""URLs, fetched from a real HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from entente.config import Settings
from entente.ingest import fetch as fetch_module
from entente.ingest import read_sources
from entente.types import Article, Failure

PAGE = (
    b"<html><head><title>Vienna talks | Danube Post</title>"
    b'<meta property="og:site_name" content="Danube Post">'
    b'<meta property="article:published_time" content="2015-10-30">'
    b"</head><body><article><h1>Vienna talks</h1>"
    b"<p>Foreign ministers of Russia, the United States, Iran and Saudi Arabia met in Vienna "
    b"on Friday to discuss a political transition in Syria.</p></article></body></html>"
)
FEED = (
    b"<rss><channel><title>Danube Feed</title><item><title>ISSG meets</title>"
    b"<link>http://example.org/issg</link>"
    b"<description>The International Syria Support Group met in Vienna.</description>"
    b"</item></channel></rss>"
)
# path -> (status, content type, body, extra headers)
ROUTES: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
    "/page": (200, "text/html; charset=utf-8", PAGE, {}),
    "/feed.rss": (200, "application/rss+xml", FEED, {}),
    "/feed-as-text": (200, "text/plain", FEED, {}),
    "/rows": (200, "application/x-ndjson", b'{"text": "Iran met Iraq."}\n{"text": 5}\n', {}),
    "/latin": (
        200,
        "text/html; charset=iso-8859-1",
        "<html><body><p>Talks opened in Gen\u00e8ve.</p></body></html>".encode("latin-1"),
        {},
    ),
    "/missing": (404, "text/html", b"<p>no such page</p>", {}),
    "/broken": (500, "text/plain", b"oops", {}),
    "/moved": (302, "text/plain", b"", {"Location": "/page"}),
    "/loop": (302, "text/plain", b"", {"Location": "/loop"}),
    "/big": (200, "text/plain", b"Russia met Egypt. " * 200, {}),
    "/empty": (200, "text/html", b"", {}),
    "/pdf": (200, "application/pdf", b"%PDF-1.7 binary stuff", {}),
}


class _Handler(BaseHTTPRequestHandler):
    """Serves ROUTES; /slow answers only after a pause."""

    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        _Handler.agents.append(self.headers.get("User-Agent", ""))
        try:
            if self.path == "/slow":
                time.sleep(1.0)
            status, kind, body, extra = ROUTES.get(self.path, ROUTES["/missing"])
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read results, not access logs."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base address of a local HTTP server serving ROUTES."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 must not be sent to a proxy set in the environment."""
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)


def test_html_page(server: str) -> None:
    [a] = read_sources([f"{server}/page"])
    assert isinstance(a, Article)
    assert a.origin == a.url == f"{server}/page"
    assert a.text.startswith("Foreign ministers of Russia")
    assert (a.title, a.source) == ("Vienna talks", "Danube Post")
    assert (a.published, a.date_source) == (date(2015, 10, 30), "metadata")
    assert _Handler.agents[-1].startswith("entente/")


def test_feed_by_content_type_and_by_content(server: str) -> None:
    for path in ("/feed.rss", "/feed-as-text"):
        [a] = read_sources([f"{server}{path}"])
        assert isinstance(a, Article) and a.origin == f"{server}{path}#1"
        assert (a.source, a.url) == ("Danube Feed", "http://example.org/issg")


def test_json_lines_from_a_url(server: str) -> None:
    first, second = read_sources([f"{server}/rows"])
    assert isinstance(first, Article) and first.origin == f"{server}/rows:1"
    assert first.source == "127.0.0.1" and first.url is None
    assert isinstance(second, Failure) and second.origin == f"{server}/rows:2"


def test_charset_from_the_http_header(server: str) -> None:
    [a] = read_sources([f"{server}/latin"])
    assert isinstance(a, Article) and a.text == "Talks opened in Gen\u00e8ve."


def test_redirect_is_followed(server: str) -> None:
    [a] = read_sources([f"{server}/moved"])
    assert isinstance(a, Article)
    assert a.origin == f"{server}/moved" and a.url == f"{server}/page"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/broken", "HTTP 500 Internal Server Error"),
        ("/loop", "redirects"),
        ("/empty", "empty page"),
        ("/pdf", "looks like a PDF document"),
    ],
)
def test_bad_answers_are_failures(server: str, path: str, reason: str) -> None:
    [f] = read_sources([f"{server}{path}"])
    assert isinstance(f, Failure) and f.origin == f"{server}{path}"
    assert reason in f.reason


def test_body_over_the_size_limit_is_refused(server: str) -> None:
    [f] = read_sources([f"{server}/big"], Settings(max_file_bytes=1000))
    assert isinstance(f, Failure) and "over the limit of 1,000" in f.reason


def test_timeout_is_a_failure(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "TIMEOUT_SECONDS", 0.2)
    [f] = read_sources([f"{server}/slow"])
    assert isinstance(f, Failure) and "no answer within 0.2 s" in f.reason


def test_refused_connection_is_a_failure_and_the_run_goes_on(server: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    items = list(read_sources([f"http://127.0.0.1:{closed_port}/x", f"{server}/page"]))
    assert isinstance(items[0], Failure) and "cannot fetch it" in items[0].reason
    assert isinstance(items[1], Article)


def test_invalid_url_is_a_failure() -> None:
    [f] = read_sources(["http://exa mple.org:notaport/x"])
    assert isinstance(f, Failure) and f.origin == "http://exa mple.org:notaport/x"
    assert "not a valid address" in f.reason
