"""The dashboard's HTTP surface: JSON twins, OpenAPI, validation, errors, headers.

These call the ASGI app in-process (httpx's ASGI transport) for speed; the
browser tests drive the same app over real HTTP.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from report_helpers import example_store

from entente.report.web import create_app, dashboard

PAGES = [
    "/",
    "/actor/RUS",
    "/actor/rusgov?level=actor&window=quarter",
    "/dyad/RUS/EGY",
    "/dyad/RUS/TUR?window=week&since=2015-11-01&until=2015-12-31",
    "/network",
    "/network?at=2016-06-30&window=6m&half_life=30d&resamples=3",
    "/shifts",
    "/shifts?from=2015-11..2016-05&to=2016-06..2016-12&alpha=0.2",
    "/stakeholders",
    "/stakeholders?topic=Syria%20peace%20talks&level=country",
    "/events",
    "/events?actor=RUS&target=EGY&code=04&mode=asserted&limit=5",
]


class Client:
    """A synchronous face on httpx's ASGI client: ``client.get(path)`` returns the response."""

    def __init__(self, app: Any, base_url: str = "http://127.0.0.1:8765") -> None:
        self.loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        self.client = httpx.AsyncClient(transport=transport, base_url=base_url)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.loop.run_until_complete(self.client.get(path, **kwargs))

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.close()


def make_client(app: Any, base_url: str = "http://127.0.0.1:8765") -> Iterator[Client]:
    c = Client(app, base_url)
    try:
        yield c
    finally:
        c.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_store(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[Client]:
    yield from make_client(create_app(db))


@pytest.mark.parametrize("path", PAGES)
def test_web_every_page_has_a_json_twin_with_the_same_data(client: Client, path: str):
    page = client.get(path)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    twin = "/api/overview" if path == "/" else "/api" + path
    assert f'href="{twin.replace("&", "&amp;")}"' in page.text
    data = client.get(twin)
    assert data.status_code == 200 and data.headers["content-type"] == "application/json"
    assert isinstance(data.json(), dict) and data.json()


def test_web_event_page_and_twin(client: Client):
    events = client.get("/api/events", params={"actor": "EGY", "code": "057", "limit": 1}).json()
    event_id = events["events"][0]["event_id"]
    data = client.get(f"/api/event/{event_id}").json()
    assert data["id"] == event_id and data["article"]["text"]
    page = client.get(f"/event/{event_id}")
    assert page.status_code == 200 and '<mark class="trigger"' in page.text


def test_web_openapi_describes_every_api_route(client: Client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/overview", "/api/actor/{code}", "/api/dyad/{a}/{b}", "/api/network",
            "/api/shifts", "/api/stakeholders", "/api/events", "/api/event/{event_id}"} <= paths  # fmt: skip
    assert not any(p.startswith("/static") for p in paths)
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "target", "code", "since", "until", "mode", "q", "limit"} <= names
    assert client.get("/docs").status_code == 404  # the interactive docs would load a CDN


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/actor/XYZQ", 404, "no events involve the actor 'XYZQ'"),
        ("/api/dyad/EGY/TKM", 404, "no events between 'EGY' and 'TKM'"),
        ("/api/dyad/RUS/RUSGOV", 422, "two different actors"),
        ("/api/event/0123456789abcdef", 404, "no event '0123456789abcdef'"),
        ("/api/stakeholders?topic=atlantis", 404, "shipped topics: syria-peace-talks"),
        ("/api/network?at=1990-01-01", 404, "before the store's first event"),
        ("/api/network?window=0d", 422, "at least one day"),
        ("/api/shifts?from=2016-01..2015-01&to=2016-02..2016-03", 422, "starts after it ends"),
        ("/api/shifts?from=2015-01..2015-12&to=2015-06..2016-03", 422, "overlap"),
        ("/api/shifts?from=2015-01..2015-12", 422, "both periods"),
        ("/api/events?target=RUS", 422, "target needs an actor"),
        ("/api/events?since=2016-05-01&until=2015-01-01", 422, "swap them"),
        ("/api/actor/RUS?since=2015-02-30", 422, "since"),
        ("/api/actor/RUS?level=region", 422, "level"),
        ("/api/actor/R%27%20OR%201=1--", 422, "code"),
        ("/api/events?actor=RUS%27;DROP%20TABLE%20events", 422, "actor"),
        ("/api/events?limit=100000", 422, "limit"),
        ("/api/events?colour=red", 422, "colour"),
        ("/api/network?window=90d;drop", 422, "window"),
        ("/api/nowhere", 404, "no page at /api/nowhere"),
    ],
)
def test_web_bad_requests_get_a_clear_json_message(
    client: Client, path: str, status: int, words: str
):
    response = client.get(path)
    assert response.status_code == status
    body = response.json()
    assert words in body["detail"] + " ".join(body.get("errors", []))
    assert "Traceback" not in response.text


def test_web_bad_requests_on_pages_get_an_html_error_page(client: Client):
    response = client.get("/actor/XYZQ")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "no events involve the actor" in response.text and "Traceback" not in response.text
    response = client.get("/events?since=yesterday")
    assert response.status_code == 422 and "since: " in response.text


def test_web_pages_send_a_strict_content_security_policy(client: Client):
    headers = client.get("/").headers
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-eval" not in policy and "script-src 'self' 'unsafe-inline'" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    js = client.get("/static/plotly.min.js")
    assert js.status_code == 200 and "plotly" in js.text[:500].lower()
    assert js.headers["content-type"].startswith("text/javascript")


def test_web_store_missing_is_503_with_the_next_step(tmp_path: Path):
    for c in make_client(create_app(tmp_path / "none.duckdb")):
        response = c.get("/api/overview")
    assert response.status_code == 503 and "entente run" in response.json()["detail"]


def test_web_dashboard_answers_only_localhost_names_and_drops_blank_fields(db: Path):
    for c in make_client(dashboard(db, "127.0.0.1")):
        assert c.get("/api/events?actor=&since=&limit=3").json()["query"]["limit"] == 3
        assert c.get("/", headers={"host": "localhost:8765"}).status_code == 200
        assert c.get("/", headers={"host": "attacker.example"}).status_code == 400
    for c in make_client(dashboard(db, "0.0.0.0"), base_url="http://192.0.2.1:8765"):
        assert c.get("/api/overview").status_code == 200


def test_web_framework_is_imported_only_by_report_web():
    src = Path(__file__).resolve().parents[2] / "src" / "entente"
    web = src / "report" / "web"
    pattern = re.compile(r"^\s*(?:from|import)\s+(fastapi|starlette|uvicorn)\b", re.M)
    outside = [
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if web not in path.parents and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert outside == []
    probe = "import sys, entente.report, entente.cli.report; print(sorted(m for m in ('fastapi', 'starlette', 'uvicorn') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_serve_refuses_a_missing_store_before_listening(tmp_path: Path):
    from typer.testing import CliRunner

    from entente.cli.app import app
    from entente.errors import StoreError

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert isinstance(result.exception, StoreError)
    assert "entente run SOURCE" in str(result.exception)
    assert "dashboard for" not in result.output
