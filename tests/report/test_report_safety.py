"""Escaping of web text: JSON inside <script>, article links, chart labels, rendered templates."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entente.errors import ConfigError
from entente.report.figures import network_figure, timeline_figure
from entente.report.render import csp_hash, inline_script, render
from entente.report.safety import chart_text, safe_href, script_json, to_json
from entente.report.views import sentence_segments

PAYLOADS = [
    "</script><script>alert(1)</script>",
    "</SCRIPT ><img src=x onerror=alert(1)>",
    "<!-- <script>",
    "\u2028\u2029",
    "' \" & < >",
    "javascript:alert(1)",
]


@given(st.text())
def test_script_json_round_trips_and_never_closes_the_element(text: str):
    encoded = str(script_json({"t": text, "l": [text]}))
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert "\u2028" not in encoded and "\u2029" not in encoded
    assert json.loads(encoded) == {"t": text, "l": [text]}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_json_escapes_known_payloads(payload: str):
    encoded = str(script_json(payload))
    assert "</" not in encoded.lower() and "<!--" not in encoded
    assert json.loads(encoded) == payload


def test_to_json_writes_dates_and_drops_nan():
    text = to_json({"d": date(2015, 11, 24), "x": math.nan, "y": math.inf, "s": {1}, "t": (2, 3)})
    assert json.loads(text) == {"d": "2015-11-24", "x": None, "y": None, "s": [1], "t": [2, 3]}


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1#c", True),
        ("http://example.org/", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//evil.example/x", False),
        ("/relative/path", False),
        ('https://example.org/"onmouseover=alert(1)', False),
        ("https://exa mple.org/", False),
        ("http://[::1", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_href_keeps_only_http_addresses(url: str | None, kept: bool):
    assert (safe_href(url) is not None) is kept


@given(st.text())
def test_chart_text_leaves_no_markup(text: str):
    out = chart_text(text)
    assert "<" not in out and ">" not in out and '"' not in out


def _evil_network() -> dict:
    evil = "<img src=x onerror=alert(1)>"
    evidence = [{"sentence": f"They met {evil}", "date": "2016-01-01", "goldstein": 3.0,
                 "event_id": "e1", "cameo": "042"}]  # fmt: skip
    return {
        "level": "country",
        "nodes": [
            {
                "code": "A<b>",
                "units": 3,
                "partners": 1,
                "positive_strength": 1.0,
                "negative_strength": 0.0,
                "pagerank": 0.5,
                "hosted": 0,
                "mediated": 0,
                "bloc": 0,
                "x": 0.1,
                "y": 0.2,
            },
            {
                "code": "B",
                "units": 1,
                "partners": 1,
                "positive_strength": 1.0,
                "negative_strength": 0.0,
                "pagerank": 0.5,
                "hosted": 1,
                "mediated": 0,
                "bloc": None,
                "x": -0.1,
                "y": -0.2,
            },
        ],  # fmt: skip
        "ties": [
            {
                "a": "A<b>",
                "b": "B",
                "weight": 0.5,
                "sign": 1,
                "cooperative": 1,
                "conflictual": 0,
                "evidence": evidence,
            }
        ],  # fmt: skip
        "blocs": [{"index": 0, "stability": 1.0}],
    }


def test_network_figure_escapes_every_label_and_quotes_links():
    fig = network_figure(_evil_network(), links=True)
    texts = []
    for trace in fig["data"]:
        texts += [t for t in trace.get("text", []) + trace.get("hovertext", []) if t]
    assert texts and all("<img" not in t and "A<b>" not in t for t in texts)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in t for t in texts)
    links = [c for trace in fig["data"] for c in trace.get("customdata", [])]
    assert "/actor/A%3Cb%3E" in links and "/dyad/A%3Cb%3E/B" in links


def test_timeline_figure_zero_lines_up_on_both_axes():
    points = [
        {"window": "2015-11-01", "q1": 0, "q2": 1, "q3": 2, "q4": 5, "goldstein_sum": -36.0},
        {"window": "2015-12-01", "q1": 3, "q2": 0, "q3": 0, "q4": 0, "goldstein_sum": 10.0},
    ]
    fig = timeline_figure({"a": "RUS", "b": "TUR", "timeline": points})
    y, y2 = fig["layout"]["yaxis"]["range"], fig["layout"]["yaxis2"]["range"]
    assert y[0] == -y[1] and y2[0] == -y2[1] and y[1] >= 7 and y2[1] >= 36
    conflict = [t for t in fig["data"] if t["name"] == "material conflict"][0]
    assert conflict["y"] == [-5, 0]


def test_sentence_segments_rebuild_the_sentence_and_mark_spans():
    sentence = "Turkish jets shot down a Russian bomber."
    offset = 100
    marks = [("trigger", 113, 122, "190"), ("source", 100, 112, "TURMIL"),
             ("target", 125, 132, "RUS"), ("target", 125, 139, "RUS"), ("x", 90, 95, "?")]  # fmt: skip
    segments = sentence_segments(sentence, offset, marks)
    assert "".join(s["text"] for s in segments) == sentence
    marked = [(s["text"], s["kind"]) for s in segments if s["kind"]]
    assert marked == [("Turkish jets", "source"), ("shot down", "trigger"), ("Russian", "target")]


def test_inline_script_refuses_text_that_would_end_the_element():
    with pytest.raises(ConfigError, match="</script"):
        inline_script("var a = '</script>';")
    assert str(inline_script("var a = 1;")) == "var a = 1;"
    # The report's scripts run under a CSP that names them by these hashes (see the browser tests).
    assert csp_hash("a").startswith("'sha256-") and csp_hash("a") != csp_hash("b")


def test_templates_escape_evidence_and_drop_script_links():
    item = {"event_id": "e1\"><script>", "date": "2016-01-01", "cameo": "042",
            "cameo_name": "Make a visit", "goldstein": 1.9, "sentence": "<script>alert(1)</script>",
            "article_source": "<b>Wire</b>", "title": "<img src=x onerror=alert(2)>",
            "url": "javascript:alert(3)", "mode": "asserted", "pairs": ["A<i> → B"]}  # fmt: skip
    html = render("error.html", status=404, message="<script>alert(4)</script>", details=["<i>x</i>"],
                  json_url=None, version="t")  # fmt: skip
    assert "<script>alert(4)" not in html and "&lt;script&gt;alert(4)" in html
    from entente.report.render import environment

    macros = environment().get_template("_macros.html").module
    out = str(macros.evidence_list([item], True))
    assert "<script>" not in out and "<img" not in out and "<b>" not in out and "<i>" not in out
    assert 'href="javascript' not in out and "javascript:alert(3)" in out
    assert 'href="/event/e1%22%3E%3Cscript%3E"' in out
    item["url"] = "https://example.org/story"
    assert 'href="https://example.org/story"' in str(macros.evidence_list([item], False))
