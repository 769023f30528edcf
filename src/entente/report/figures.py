"""Chart specifications (plotly.js figure dicts) for the network, dyad timelines and actors.

The same dicts are drawn by plotly.js in the HTML report and the dashboard and
written to PNG by :mod:`entente.report.png`, so a picture in a paper matches the
one on screen. Every text from the store passes through
:func:`entente.report.safety.chart_text`, because plotly.js reads labels as HTML.

Example:
    >>> fig = timeline_figure({"a": "RUS", "b": "TUR", "timeline": []})
    >>> fig["layout"]["barmode"]
    'relative'
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import quote

from entente.report.safety import chart_text

# QuadClass colours: light and dark green for cooperation, orange and red for conflict.
QUAD_COLOURS = {1: "#8fd19e", 2: "#2a9d55", 3: "#f4a261", 4: "#c0392b"}
QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
POSITIVE = "#2a9d55"
NEGATIVE = "#c0392b"
NEUTRAL = "#9aa0a6"
# Bloc colours, chosen to stay apart from the green/red of the ties.
BLOC_COLOURS = (
    "#1f77b4", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f",
    "#393b79", "#637939",
)  # fmt: skip
UNPLACED = "#b0b0b0"
WIDEN = 1.6

_BASE_LAYOUT: dict[str, Any] = {
    "paper_bgcolor": "#ffffff",
    "plot_bgcolor": "#ffffff",
    "font": {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12},
    "margin": {"l": 50, "r": 20, "t": 40, "b": 40},
}


def bloc_colour(index: int | None) -> str:
    """The colour of bloc ``index`` (grey for actors in no bloc)."""
    return UNPLACED if index is None else BLOC_COLOURS[index % len(BLOC_COLOURS)]


def tie_colour(sign: int) -> str:
    """Green for a cooperative tie, red for a conflictual one, grey for a balanced one."""
    return POSITIVE if sign > 0 else NEGATIVE if sign < 0 else NEUTRAL


def _path(*parts: str, level: str = "country") -> str:
    """A dashboard address such as ``/dyad/RUS/TUR``, each part quoted, with its level."""
    path = "/" + "/".join(quote(str(p), safe="") for p in parts)
    return f"{path}?level=actor" if level == "actor" else path


def network_figure(
    view: dict[str, Any], links: bool = False, title: str | None = None
) -> dict[str, Any]:
    """The signed network: nodes sized by activity and coloured by bloc, ties green or red.

    Args:
        view: a :func:`entente.report.views.network_view` dict.
        links: attach dashboard addresses (``/actor/X``, ``/dyad/A/B``) as customdata
            so that a click can open them.
        title: a title above the chart.
    """
    # Charts are wider than tall: stretch the layout sideways to use the room.
    nodes = {n["code"]: {**n, "x": WIDEN * n["x"]} for n in view["nodes"]}
    ties = view["ties"]
    traces: list[dict[str, Any]] = []
    biggest = max((abs(t["weight"]) for t in ties), default=1.0) or 1.0
    # Weakest first, so that the strong ties are drawn on top.
    for t in sorted(ties, key=lambda t: abs(t["weight"])):
        a, b = nodes.get(t["a"]), nodes.get(t["b"])
        if a is None or b is None:
            continue
        traces.append(
            {
                "type": "scatter", "mode": "lines", "x": [a["x"], b["x"]], "y": [a["y"], b["y"]],
                "line": {"color": tie_colour(t["sign"]),
                         "width": round(1 + 7 * abs(t["weight"]) / biggest, 2)},
                "opacity": 0.75, "hoverinfo": "skip", "showlegend": False,
            }
        )  # fmt: skip
    # Invisible markers at the middle of each tie carry its hover text (and link).
    mids = [t for t in ties if t["a"] in nodes and t["b"] in nodes]
    traces.append(
        {
            "type": "scatter", "mode": "markers", "name": "ties",
            "x": [(nodes[t["a"]]["x"] + nodes[t["b"]]["x"]) / 2 for t in mids],
            "y": [(nodes[t["a"]]["y"] + nodes[t["b"]]["y"]) / 2 for t in mids],
            "marker": {"size": 10, "color": [tie_colour(t["sign"]) for t in mids], "opacity": 0.25},
            "hovertext": [_tie_hover(t) for t in mids], "hoverinfo": "text",
            "showlegend": False,
            **({"customdata": [_path("dyad", t["a"], t["b"], level=view["level"]) for t in mids]} if links else {}),
        }
    )  # fmt: skip
    most = max((n["units"] for n in view["nodes"]), default=1) or 1
    groups: dict[int | None, list[dict[str, Any]]] = {}
    for n in view["nodes"]:
        groups.setdefault(n["bloc"], []).append(n)
    stability = {b["index"]: b["stability"] for b in view["blocs"]}
    for bloc, members in sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
        name = (
            f"bloc {bloc + 1} (stability {stability.get(bloc, 0):.2f})"
            if bloc is not None
            else "no bloc"
        )
        traces.append(
            {
                "type": "scatter", "mode": "markers+text", "name": name,
                "x": [nodes[n["code"]]["x"] for n in members], "y": [n["y"] for n in members],
                "text": [chart_text(n["code"]) for n in members], "textposition": "top center",
                "marker": {"size": [round(10 + 34 * math.sqrt(n["units"] / most), 1) for n in members],
                           "color": bloc_colour(bloc), "line": {"color": "#ffffff", "width": 1.5}},
                "hovertext": [_node_hover(n) for n in members], "hoverinfo": "text",
                **({"customdata": [_path("actor", n["code"], level=view["level"]) for n in members]} if links else {}),
            }
        )  # fmt: skip
    axis = {"visible": False, "showgrid": False, "zeroline": False}
    layout = {
        **_BASE_LAYOUT,
        "height": 600,
        "hovermode": "closest",
        "xaxis": {**axis, "range": [-0.6 * WIDEN - 0.05, 0.6 * WIDEN + 0.05]},
        "yaxis": {**axis, "range": [-0.6, 0.6], "scaleanchor": "x"},
        "legend": {"orientation": "h", "y": -0.02},
        "title": {"text": chart_text(title)} if title else None,
    }
    return {"data": traces, "layout": {k: v for k, v in layout.items() if v is not None}}


def _node_hover(n: dict[str, Any]) -> str:
    lines = [
        f"<b>{chart_text(n['code'])}</b>",
        f"{n['units']} counted events with {n['partners']} partners",
        f"cooperation +{n['positive_strength']:.2f}, conflict −{n['negative_strength']:.2f}",
        f"PageRank {n['pagerank']:.3f}",
    ]
    if n["hosted"] or n["mediated"]:
        lines.append(f"hosted {n['hosted']}, mediated {n['mediated']}")
    return "<br>".join(lines)


def _tie_hover(t: dict[str, Any]) -> str:
    kind = "cooperative" if t["sign"] > 0 else "conflictual" if t["sign"] < 0 else "balanced"
    lines = [
        f"<b>{chart_text(t['a'])} – {chart_text(t['b'])}</b>: {kind}, weight {t['weight']:+.2f}",
        f"{t['cooperative']} cooperative, {t['conflictual']} conflictual",
    ]
    for e in t.get("evidence", [])[:1]:
        lines.append(f"“{chart_text(_clip(e['sentence'], 90))}”")
    return "<br>".join(lines)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def timeline_figure(view: dict[str, Any], title: str | None = None) -> dict[str, Any]:
    """A dyad's timeline: QuadClass counts as stacked bars, the Goldstein score as a line.

    Args:
        view: a :func:`entente.report.views.dyad_view` dict (``a``, ``b``, ``timeline``).
        title: a title above the chart (default: the pair).
    """
    points = view["timeline"]
    x = [p["window"] for p in points]
    traces: list[dict[str, Any]] = []
    for q in (1, 2, 3, 4):
        # Conflict is drawn below the axis, so the balance of a month shows at a glance.
        sign = 1 if q <= 2 else -1
        traces.append(
            {
                "type": "bar", "name": QUAD_LABELS[q], "x": x,
                "y": [sign * p[f"q{q}"] for p in points],
                "marker": {"color": QUAD_COLOURS[q]},
                "hovertemplate": f"%{{x}}: %{{customdata}} {QUAD_LABELS[q]}<extra></extra>",
                "customdata": [p[f"q{q}"] for p in points],
            }
        )  # fmt: skip
    traces.append(
        {
            "type": "scatter", "mode": "lines+markers", "name": "Goldstein score (sum)", "x": x,
            "y": [p["goldstein_sum"] for p in points], "yaxis": "y2",
            "line": {"color": "#333333", "width": 2},
            "hovertemplate": "%{x}: Goldstein %{y:.1f}<extra></extra>",
        }
    )  # fmt: skip
    heading = title if title is not None else f"{view['a']} – {view['b']}"
    # Symmetric ranges put the zero of both axes on the same line.
    bars = max((max(p["q1"] + p["q2"], p["q3"] + p["q4"]) for p in points), default=1) or 1
    score = max((abs(p["goldstein_sum"]) for p in points), default=1.0) or 1.0
    layout = {
        **_BASE_LAYOUT,
        "height": 340,
        "barmode": "relative",
        "title": {"text": chart_text(heading)},
        "xaxis": {"type": "date", "title": {"text": "window"}},
        "margin": {"l": 60, "r": 60, "t": 40, "b": 40},
        "yaxis": {"title": {"text": "events (conflict below 0)"}, "zeroline": True,
                  "range": [-1.1 * bars, 1.1 * bars]},
        "yaxis2": {"title": {"text": "Goldstein score"}, "overlaying": "y", "side": "right",
                   "zeroline": False, "showgrid": False, "range": [-1.1 * score, 1.1 * score]},
        "legend": {"orientation": "h", "y": -0.25},
        "hovermode": "x unified",
    }  # fmt: skip
    return {"data": traces, "layout": layout}


def actor_figure(view: dict[str, Any], top: int = 8, links: bool = False) -> dict[str, Any]:
    """An actor's counterparts over time: one line of Goldstein score per partner or rival.

    Args:
        view: a :func:`entente.report.views.actor_view` dict.
        top: how many counterparts (most active first).
        links: attach dashboard dyad addresses as customdata.
    """
    traces = []
    for p in view["counterparts"][:top]:
        traces.append(
            {
                "type": "scatter", "mode": "lines+markers", "name": chart_text(p["code"]),
                "x": [pt["window"] for pt in p["series"]],
                "y": [pt["goldstein_sum"] for pt in p["series"]],
                "marker": {"size": [6 + 2 * min(pt["units"], 8) for pt in p["series"]]},
                "line": {"width": 1.5, "dash": "solid" if p["relation"] == "partner" else "dot"},
                "hovertemplate": f"{chart_text(p['code'])} %{{x}}: Goldstein %{{y:.1f}}<extra></extra>",
                **({"customdata": [_path("dyad", view["code"], p["code"], level=view["level"])] * len(p["series"])} if links else {}),
                "legendgroup": p["relation"],
            }
        )  # fmt: skip
    layout = {
        **_BASE_LAYOUT,
        "height": 380,
        "title": {"text": chart_text(f"{view['code']}: partners (solid) and rivals (dotted)")},
        "xaxis": {"type": "date"},
        "yaxis": {"title": {"text": "Goldstein score (sum per window)"}, "zeroline": True},
        "hovermode": "closest",
    }
    return {"data": traces, "layout": layout}
