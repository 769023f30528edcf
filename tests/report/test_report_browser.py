"""The dashboard and the HTML report in a real browser (Chromium driven by Playwright).

One browser and one dashboard for the whole module: the dashboard is ``entente
serve`` in a subprocess on a free localhost port, over a store that a real
``entente run`` built from the example corpus plus an article full of HTML/JS
injection attempts. Screenshots go to test-artifacts/report/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_helpers import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, Dashboard, example_store

from entente.report import ReportOptions, write_report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium"),
]

sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")

PAGES = [
    ("overview", "/"),
    ("actor", "/actor/RUS"),
    ("dyad", "/dyad/RUS/TUR"),
    ("network", "/network"),
    ("shifts", "/shifts?from=2015-01..2015-10&to=2015-11..2016-12"),
    ("stakeholders", "/stakeholders"),
    ("events", "/events?actor=RUS&limit=50"),
]


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_store(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def dashboard(store_db: Path) -> Iterator[Dashboard]:
    server = Dashboard(store_db)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    # One context for the module, so that plotly.js is fetched and compiled once.
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


class Watched:
    """A browser page that records console errors, page errors, dialogs and requests."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.page = context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def watched(context: Any) -> Iterator[Watched]:
    w = Watched(context)
    yield w
    w.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _wait_charts(page: Any) -> int:
    """Wait until every chart on the page is drawn; return how many there are."""
    n = page.locator("[data-figure]").count()
    if n:
        page.wait_for_function(
            "n => document.querySelectorAll('[data-figure][data-rendered]').length === n",
            arg=n,
            timeout=20_000,
        )
    return n


def _assert_inert(w: Watched) -> None:
    """Nothing the injection article carries ran or became markup."""
    page = w.page
    assert page.evaluate("() => window.__pwned === undefined"), page.evaluate(
        "() => window.__pwned"
    )
    assert w.dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("svg[onload]").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("[onerror], [onload]").count() == 0
    # The only scripts that mention the payload are JSON data blocks, never code.
    scripts = page.evaluate(
        "() => Array.from(document.scripts)"
        ".filter(s => !s.type || s.type.includes('javascript'))"
        ".map(s => s.src ? '' : s.textContent)"
    )
    assert not any("__pwned" in s for s in scripts)


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[p[0] for p in PAGES])
def test_browser_dashboard_page_renders(
    dashboard: Dashboard, watched: Watched, name: str, path: str
):
    response = watched.page.goto(dashboard.url + path)
    assert response is not None and response.status == 200
    charts = _wait_charts(watched.page)
    assert watched.page.locator("header.top").count() == 1
    twin = watched.page.locator("a.json-twin")
    assert twin.count() == 1 and twin.get_attribute("href").startswith("/api/")
    if name in ("actor", "dyad", "network"):
        assert charts == 1
    assert watched.errors == []
    assert all(u.startswith(dashboard.url) or u.startswith("data:") for u in watched.requests)
    _shot(watched.page, f"dashboard-{name}")


def test_browser_click_actor_then_dyad_then_evidence(dashboard: Dashboard, watched: Watched):
    page = watched.page
    page.goto(dashboard.url + "/")
    page.locator("table.actors a.actor", has_text=re.compile(r"^RUS$")).first.click()
    page.wait_for_url(re.compile(r"/actor/RUS$"))
    _wait_charts(page)
    # Egypt is among Russia's partners in the example corpus (cooperative throughout).
    partners = page.locator("h2:has-text('Partners') + table")
    assert partners.locator("a.actor", has_text=re.compile(r"^EGY$")).count() == 1
    partners.locator("a.pair", has_text="RUS – EGY").click()
    page.wait_for_url(re.compile(r"/dyad/RUS/EGY$"))
    _wait_charts(page)
    assert page.locator("h1").inner_text().replace("\n", " ") == "RUS – EGY"
    evidence = page.locator("#evidence + ul.evidence li")
    assert evidence.count() >= 3
    sentence = evidence.first.locator("q.sentence").inner_text()
    evidence.first.locator("a.evidence-link").click()
    page.wait_for_url(re.compile(r"/event/[0-9a-f]+$"))
    quote = page.locator("blockquote.evidence-sentence")
    assert quote.inner_text().strip() == sentence.strip()
    assert page.locator("blockquote mark.trigger").count() == 1
    assert page.locator("blockquote mark.actor").count() >= 1
    assert watched.errors == []
    _shot(page, "dashboard-click-through-event")


def test_browser_network_draws_nodes_and_ties(dashboard: Dashboard, watched: Watched):
    page = watched.page
    page.goto(dashboard.url + "/network")
    _wait_charts(page)
    chart = page.locator("#network-chart")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 300
    # Actors are SVG points with their codes as labels; ties are SVG line paths.
    assert chart.locator("svg g.trace.scatter .point").count() >= 10
    labels = chart.locator("svg g.textpoint text").all_text_contents()
    assert {"RUS", "EGY", "TUR"} <= set(labels)
    assert chart.locator("svg g.trace.scatter path.js-line").count() >= 10
    # The window can be chosen: a quarter has fewer actors than the whole store.
    whole = len(labels)
    page.locator(".presets a", has_text="2015 Q4").click()
    page.wait_for_url(re.compile(r"at=2015-12-31"))
    _wait_charts(page)
    quarter = page.locator("#network-chart svg g.textpoint text").count()
    assert 0 < quarter < whole
    assert page.locator("p", has_text="Window 2015-10-01 .. 2015-12-31").count() == 1
    assert watched.errors == []


def test_browser_errors_are_pages_not_tracebacks(dashboard: Dashboard, watched: Watched):
    page = watched.page
    for path, status, words in [
        ("/actor/XXXQ", 404, "no events involve the actor"),
        ("/network?window=soon", 422, "window"),
        ("/dyad/RUS/TUR?since=2016-13-01", 422, "since"),
        ("/no/such/page", 404, "no page at"),
    ]:
        response = page.goto(dashboard.url + path)
        assert response is not None and response.status == status
        text = page.locator("div.error").inner_text()
        assert words in text
        assert "Traceback" not in page.content()


def test_browser_injection_is_inert_in_the_dashboard(dashboard: Dashboard, watched: Watched):
    page = watched.page
    page.goto(dashboard.url + "/events?q=spying")
    row = page.locator("table.events tbody tr").first
    # The markup of the article is shown as text.
    assert "<img src=x onerror=" in row.locator("td.sentence").inner_text()
    _assert_inert(watched)
    row.locator("a.evidence-link").click()
    page.wait_for_url(re.compile(r"/event/"))
    page.locator("details > summary", has_text="Full text").click()
    assert "<script>window.__pwned='text'</script>" in page.locator("pre.article").inner_text()
    assert "<script>" in page.locator("b.article-title").inner_text()
    assert "</script><script>" in page.locator("span.article-source").inner_text()
    assert page.locator("span.url-text").inner_text().startswith("javascript:")
    _assert_inert(watched)
    _shot(page, "dashboard-injection-event")
    for path in ("/dyad/DEU/FRA", "/actor/FRA", "/network", "/"):
        page.goto(dashboard.url + path)
        _wait_charts(page)
        _assert_inert(watched)
    assert page.evaluate("() => document.title").startswith("Overview")
    assert watched.errors == []


@pytest.fixture(scope="module")
def report_file(store_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from entente.analysis import load_topic

    out = tmp_path_factory.mktemp("report") / "report.html"
    # The injection article's pair gets a timeline (with its evidence) next to the busiest pairs.
    options = ReportOptions(topic=load_topic("syria-peace-talks"), focus=(("FRA", "DEU"),))
    write_report(store_db, out, options)
    return out


def test_browser_report_file_works_offline(report_file: Path, watched: Watched):
    page = watched.page
    blocked: list[str] = []

    def block(route: Any) -> None:
        blocked.append(route.request.url)
        route.abort()

    watched.page.route(re.compile(r"^https?://"), block)
    page.goto(report_file.as_uri())
    charts = _wait_charts(page)
    assert charts >= 2
    assert blocked == []
    assert all(u.startswith(("file:", "data:")) for u in watched.requests)
    network = page.locator("#network-chart")
    assert network.locator("svg g.trace.scatter .point").count() >= 10
    assert {"RUS", "EGY"} <= set(network.locator("svg g.textpoint text").all_text_contents())
    assert page.locator("#timelines .chart svg g.trace.bars").count() >= 4
    assert page.locator("#stakeholders table.meetings tbody tr").count() >= 1
    assert page.locator("#timelines ul.evidence li").count() >= 1
    assert watched.errors == []
    _shot(page, "report")


def test_browser_injection_is_inert_in_the_report(report_file: Path, watched: Watched):
    page = watched.page
    page.goto(report_file.as_uri())
    _wait_charts(page)
    heading = page.locator("#timelines h3", has_text="DEU – FRA")
    assert heading.count() == 1
    page.locator("#timelines details > summary").nth(
        page.evaluate(
            "() => Array.from(document.querySelectorAll('#timelines h3'))"
            ".findIndex(h => h.textContent.trim() === 'DEU – FRA')"
        )
    ).click()
    shown = page.locator("#timelines ul.evidence").all_inner_texts()
    assert any("<script>window.__pwned='text'</script>" in t for t in shown)
    assert any("</script><script>" in t for t in shown)
    # The embedded data holds the payload verbatim and parses back.
    data = page.evaluate("() => JSON.parse(document.getElementById('report-data').textContent)")
    titles = [e["title"] for v in data["timelines"] for e in v["evidence"]]
    assert any(t and "<script>window.__pwned='title'</script>" in t for t in titles)
    _assert_inert(watched)
    assert watched.errors == []
    _shot(page, "report-injection")
