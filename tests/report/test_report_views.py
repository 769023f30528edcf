"""Page data and the report file, on a store that a real ``entente run`` built from the example corpus."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from report_helpers import CHROMIUM, example_store
from typer.testing import CliRunner

from entente.analysis import load_topic
from entente.cli.app import app
from entente.errors import ConfigError, QueryError, StoreError
from entente.report import NotFoundError, ReportOptions, write_report
from entente.report.views import (
    EventQuery,
    _layout,
    actor_view,
    dyad_view,
    event_view,
    events_view,
    network_view,
    overview,
    shifts_view,
    stakeholders_view,
)
from entente.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_store(tmp_path_factory.getbasetemp())


@pytest.fixture
def store(db: Path):
    with Store.open(db, read_only=True) as s:
        yield s


def test_views_overview_counts_match_the_store(store: Store):
    page = overview(store)
    summary = store.summary()
    assert page["store"]["events"] == summary.events > 100
    assert page["store"]["articles"] == summary.articles == 38
    assert sum(v["events"] for v in page["store"]["events_by_quad"].values()) == summary.events
    assert page["pairs"] and page["pairs"][0]["units"] >= page["pairs"][-1]["units"]
    assert all(p["a"] < p["b"] for p in page["pairs"])
    assert "RUS" in {a["code"] for a in page["actors"]}
    json.dumps(page)  # JSON-ready as it is


def test_views_actor_splits_partners_and_rivals_by_goldstein(store: Store):
    page = actor_view(store, "RUS")
    assert page["code"] == "RUS" and "Russia" in page["names"]
    assert all(p["goldstein_sum"] > 0 for p in page["partners"])
    assert all(p["goldstein_sum"] < 0 for p in page["rivals"])
    # Egypt and Russia are cooperative throughout the corpus.
    assert "EGY" in {p["code"] for p in page["partners"]}
    for p in page["counterparts"]:
        assert p["units"] == sum(pt["units"] for pt in p["series"]) == p["outgoing"] + p["incoming"]
    # RUSGOV is Russia at the country level.
    assert actor_view(store, "RUSGOV")["code"] == "RUS"
    assert actor_view(store, "RUSGOV", level="actor")["code"] == "RUSGOV"


def test_views_actor_unknown_is_not_found_with_the_store_range(store: Store):
    with pytest.raises(NotFoundError, match=r"'ZZZ'.*2015-01-26 \.\. 2016-12-29"):
        actor_view(store, "ZZZ")
    with pytest.raises(QueryError, match="unknown level"):
        actor_view(store, "RUS", level="region")


def test_views_dyad_timeline_adds_up_and_evidence_involves_the_pair(store: Store):
    page = dyad_view(store, "TUR", "RUS")
    assert (page["a"], page["b"]) == ("TUR", "RUS")
    t = page["totals"]
    assert (
        t["units"]
        == sum(p["units"] for p in page["timeline"])
        == t["cooperative"] + t["conflictual"]
    )
    assert all(p["units"] == p["a_to_b"] + p["b_to_a"] for p in page["timeline"])
    # Windows are contiguous months, empty ones as zeros (the shoot-down is November 2015).
    months = [p["window"] for p in page["timeline"]]
    assert months == sorted(months) and len(set(months)) == len(months)
    assert all(m.endswith("-01") for m in months)
    november = next(p for p in page["timeline"] if p["window"] == "2015-11-01")
    assert november["q4"] >= 1 and november["goldstein_sum"] < 0
    assert page["evidence"]
    for e in page["evidence"]:
        assert any("TUR" in pr and "RUS" in pr for pr in e["pairs"])


def test_views_dyad_without_events_is_not_found(store: Store):
    with pytest.raises(NotFoundError, match="no events between 'EGY' and 'TKM'"):
        dyad_view(store, "EGY", "TKM")
    with pytest.raises(NotFoundError, match="in that date range"):
        dyad_view(store, "RUS", "TUR", since=date(2010, 1, 1), until=date(2010, 12, 31))
    with pytest.raises(QueryError, match="two different actors"):
        dyad_view(store, "RUSGOV", "RUS")


def test_views_network_places_every_actor_and_colours_blocs(store: Store):
    page = network_view(store, resamples=5)
    codes = {n["code"] for n in page["nodes"]}
    assert {"RUS", "EGY", "TUR"} <= codes
    assert all(-0.5 <= n["x"] <= 0.5 and -0.5 <= n["y"] <= 0.5 for n in page["nodes"])
    assert len({(n["x"], n["y"]) for n in page["nodes"]}) == len(page["nodes"])
    in_blocs = [c for b in page["blocs"] for c in b["members"]]
    assert sorted(in_blocs) == sorted({n["code"] for n in page["nodes"] if n["bloc"] is not None})
    assert all(t["sign"] == (t["weight"] > 0) - (t["weight"] < 0) for t in page["ties"])
    assert page["start"] == "2015-01-26" and page["end"] == "2016-12-29"
    # The same network always gets the same picture (the layout's randomness is seeded).
    bloc_of = {n["code"]: n["bloc"] for n in page["nodes"] if n["bloc"] is not None}
    codes = [n["code"] for n in page["nodes"]]
    first = _layout(codes, page["ties"], bloc_of)
    assert first == _layout(codes, page["ties"], bloc_of)
    assert first == [(n["x"], n["y"]) for n in page["nodes"]]
    quarter = network_view(store, at=date(2015, 12, 31), window="90d", resamples=0)
    assert quarter["start"] == "2015-10-03" and len(quarter["nodes"]) < len(page["nodes"])
    assert page["presets"][0]["label"] == "whole store"
    with pytest.raises(NotFoundError, match="before the store's first event"):
        network_view(store, at=date(1990, 1, 1))
    with pytest.raises(QueryError, match="not a time span"):
        network_view(store, window="soon")


def test_views_shifts_default_to_the_two_halves_of_the_store(store: Store):
    page = shifts_view(store)
    assert page["chosen"] == "halves of the store"
    assert page["before"][0] == "2015-01-26" and page["after"][1] == "2016-12-29"
    assert page["before"][1] < page["after"][0]
    assert "Fisher" in page["test"]
    given = shifts_view(
        store, (date(2015, 11, 1), date(2016, 5, 31)), (date(2016, 6, 1), date(2016, 12, 31))
    )
    assert given["chosen"] == "given"
    assert all(s["q_value"] <= given["alpha"] for s in given["shifts"])
    # At a stricter level, the pairs that miss it are listed apart, as not significant.
    strict = shifts_view(
        store, (date(2015, 11, 1), date(2016, 5, 31)), (date(2016, 6, 1), date(2016, 12, 31)),
        alpha=0.01,
    )  # fmt: skip
    near = strict["not_significant"]
    assert strict["shifts"] and near and all(s["q_value"] > strict["alpha"] for s in near)
    assert {(s["a"], s["b"]) for s in near}.isdisjoint({(s["a"], s["b"]) for s in strict["shifts"]})
    assert all(s["evidence"] or s["evidence_before"] for s in near)
    loose = shifts_view(
        store,
        (date(2015, 11, 1), date(2016, 5, 31)),
        (date(2016, 6, 1), date(2016, 12, 31)),
        alpha=0.999,
    )
    assert len(loose["shifts"]) >= len(strict["shifts"]) + 1
    with pytest.raises(QueryError, match="alpha must be between 0 and 1"):
        shifts_view(store, alpha=1.5)
    with pytest.raises(QueryError, match="both periods"):
        shifts_view(store, (date(2015, 1, 1), date(2015, 6, 30)), None)


def test_views_stakeholders_show_hosts_and_the_gap(store: Store):
    page = stakeholders_view(store, load_topic("syria-peace-talks"))
    assert page["title"] == "Syrian peace talks"
    assert page["meetings"] and all(m["evidence"] for m in page["meetings"])
    assert page["leaders"]
    moscow = [m for m in page["meetings"] if m["venue"] == "Moscow"]
    assert moscow and any("RUS" in m["hosts"] for m in moscow)


def test_views_event_search_filters_and_text(store: Store):
    found = events_view(store, EventQuery(actor="RUS", code="0", text="NUCLEAR", limit=50))
    assert found["events"] and all("nuclear" in e["sentence"].lower() for e in found["events"])
    assert all(e["cameo"].startswith("0") for e in found["events"])
    pair = events_view(store, EventQuery(actor="TUR", target="RUS", limit=5))
    assert pair["events"] and all(
        any(p.startswith("TUR") for p in e["pairs"]) for e in pair["events"]
    )
    assert len(pair["events"]) == 5 and pair["more"]
    # Text is a parameter, never SQL: a quote or a statement finds nothing and breaks nothing.
    assert events_view(store, EventQuery(text="'; DROP TABLE events; --"))["events"] == []
    assert store.summary().events > 100
    with pytest.raises(QueryError, match="target needs an actor"):
        events_view(store, EventQuery(target="RUS"))
    with pytest.raises(QueryError, match="unknown mode"):
        events_view(store, EventQuery(mode="maybe"))


def test_views_event_marks_trigger_and_actors(store: Store):
    first = events_view(store, EventQuery(actor="EGY", code="057", limit=1))["events"][0]
    page = event_view(store, first["event_id"])
    assert "".join(s["text"] for s in page["segments"]) == page["sentence"]
    kinds = [s["kind"] for s in page["segments"] if s["kind"]]
    assert "trigger" in kinds and len(kinds) >= 2
    assert page["article"]["title"] and page["sentence"] in page["article"]["text"]
    with pytest.raises(NotFoundError, match="no event 'ffffffffffffffff'"):
        event_view(store, "ffffffffffffffff")


def test_report_file_is_self_contained(db: Path, tmp_path: Path):
    out = tmp_path / "r" / "report.html"
    assert write_report(
        db, out, ReportOptions(topic=load_topic("syria-peace-talks"), resamples=5)
    ) == [out]
    html = out.read_text(encoding="utf-8")
    # Nothing is loaded from elsewhere: no src/href to http(s) on scripts, styles, images, frames.
    for tag in re.findall(r"<(?:script|link|img|iframe|source|embed|object)\b[^>]*>", html, re.I):
        assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", tag, re.I), tag
    assert "<script src" not in html and '<link rel="stylesheet"' not in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)[1]
    assert "default-src 'none'" in unescape(policy) and "connect-src 'none'" in unescape(policy)
    data = json.loads(
        re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)[1]
    )
    assert data["network"]["nodes"] and data["timelines"] and data["stakeholders"]["meetings"]
    assert len(re.findall(r'data-figure="fig-timeline-\d+"', html)) == len(data["timelines"]) == 6
    for section in ("network", "timelines", "shifts", "stakeholders"):
        assert f'<section id="{section}">' in html


def test_report_of_an_empty_store_says_so(tmp_path: Path):
    db = tmp_path / "empty.duckdb"
    Store.open(db).close()
    out = tmp_path / "empty.html"
    write_report(db, out)
    assert "This store holds no events yet" in out.read_text(encoding="utf-8")
    assert write_report(db, tmp_path / "empty.png", fmt="png") == []


def test_report_refuses_bad_options(db: Path, tmp_path: Path):
    with pytest.raises(QueryError, match="unknown report format 'pdf'"):
        write_report(db, tmp_path / "x", fmt="pdf")  # type: ignore[arg-type]
    with pytest.raises(QueryError, match="unknown window"):
        write_report(db, tmp_path / "x.html", ReportOptions(window="decade"))
    with pytest.raises(StoreError, match="no event store"):
        write_report(tmp_path / "missing.duckdb", tmp_path / "x.html")


def test_cli_report_writes_html_with_topic_and_pairs(db: Path, tmp_path: Path):
    out = tmp_path / "cli.html"
    result = runner.invoke(app, ["report", "--db", str(db), "--topic", "syria-peace-talks", "--out",
                                 str(out), "--pairs", "2", "--pair", "fra,deu", "--from",
                                 "2015-01..2015-10", "--to", "2015-11..2016-12"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    data = json.loads(
        re.search(r'id="report-data">(.*?)</script>', out.read_text(encoding="utf-8"), re.S)[1]
    )
    assert [(v["a"], v["b"]) for v in data["timelines"]][0] == ("DEU", "FRA")
    assert len(data["timelines"]) == 3
    assert data["shifts"]["before"] == ["2015-01-01", "2015-10-31"]
    bad = runner.invoke(app, ["report", "--db", str(db), "--out", str(out), "--pair", "RUS"])
    assert bad.exit_code == 2 and "A,B" in bad.output
    bad = runner.invoke(app, ["report", "--db", str(db), "--out", str(out), "--from", "2015..2016"])
    assert bad.exit_code == 2 and "--to" in bad.output


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="PNG rendering needs Chromium at /usr/bin/chromium"
)
def test_cli_report_png_writes_network_and_timelines(db: Path, tmp_path: Path, monkeypatch):
    pytest.importorskip("kaleido", reason="PNG rendering needs the kaleido package")
    monkeypatch.setenv("BROWSER_PATH", str(CHROMIUM))
    out = tmp_path / "fig" / "paper.html"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out), "--format", "png",
                                 "--pairs", "1"])  # fmt: skip
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.parent.glob("*.png"))
    assert written[0] == "paper-network.png" and re.fullmatch(
        r"paper-timeline-1-\w+-\w+\.png", written[1]
    )
    for name in written:
        head = (out.parent / name).read_bytes()
        assert head[:8] == b"\x89PNG\r\n\x1a\n" and len(head) > 10_000


def test_report_png_without_a_browser_says_what_to_do(db: Path, tmp_path: Path, monkeypatch):
    pytest.importorskip("kaleido", reason="the check runs where kaleido is installed")
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-browser"))
    with pytest.raises(ConfigError, match="not an executable browser.*--format html"):
        write_report(db, tmp_path / "x.html", ReportOptions(pairs=1, resamples=0), fmt="png")
