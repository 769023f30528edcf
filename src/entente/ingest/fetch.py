"""Fetching an http(s) address: one polite GET, with a time limit and a size limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from entente import __version__
from entente.types import Failure

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"entente/{__version__} (news event coder; reads one page per request)"
TIMEOUT_SECONDS = 30.0
MAX_REDIRECTS = 10


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: its final address, declared type and body."""

    url: str
    content_type: str | None
    body: bytes


def is_url(source: str) -> bool:
    """Whether a source is an http(s) address rather than a path.

    Example:
        >>> is_url("https://example.org/news.rss"), is_url("news/a.txt")
        (True, False)
    """
    return source.lower().startswith(("http://", "https://"))


def new_client() -> httpx.Client:
    """An HTTP client with entente's User-Agent, time limit and redirect policy."""
    import httpx  # imported on first need: most runs read only files

    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=httpx.Timeout(TIMEOUT_SECONDS),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
    )


def fetch(url: str, client: httpx.Client, max_bytes: int) -> Fetched | Failure:
    """GET ``url``; network errors, non-2xx answers and oversized bodies become Failures.

    Args:
        url: an http(s) address.
        client: from :func:`new_client`.
        max_bytes: the largest body accepted (the ``max_file_bytes`` setting).
    """
    import httpx

    try:
        with client.stream("GET", url) as response:
            if not response.is_success:
                return Failure(
                    url,
                    f"the server answered HTTP {response.status_code} {response.reason_phrase}; "
                    "check the address",
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                return Failure(url, _too_big(int(declared), max_bytes))
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    return Failure(url, _too_big(size, max_bytes, at_least=True))
                chunks.append(chunk)
            return Fetched(
                str(response.url), response.headers.get("content-type"), b"".join(chunks)
            )
    except httpx.TimeoutException:
        return Failure(url, f"no answer within {TIMEOUT_SECONDS:g} s; try again later")
    except httpx.TooManyRedirects:
        return Failure(url, f"more than {MAX_REDIRECTS} redirects; check the address")
    except httpx.InvalidURL as e:
        return Failure(url, f"not a valid address ({e}); check it")
    except httpx.HTTPError as e:
        problem = " ".join(str(e).split()) or type(e).__name__
        return Failure(url, f"cannot fetch it ({problem}); check the address and the network")


def _too_big(size: int, limit: int, at_least: bool = False) -> str:
    """The reason for refusing a body over the size limit."""
    more = "more than " if at_least else ""
    return (
        f"the response is {more}{size:,} bytes, over the limit of {limit:,} (max_file_bytes); "
        "raise max_file_bytes to read it"
    )
