"""The self-contained HTML report: network, blocs, dyad timelines, shifts, stakeholders, evidence.

One HTML file that works offline: plotly.js, the charts and all the data are
inside it, and its Content-Security-Policy forbids loading anything from
elsewhere (only the file's own scripts, identified by their hashes, may run).

Example:
    >>> from entente.report import ReportOptions, write_report
    >>> write_report("out/demo.duckdb", "out/report.html",
    ...              ReportOptions(topic=load_topic("syria-peace-talks")))  # doctest: +SKIP
    [PosixPath('out/report.html')]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from entente import __version__
from entente.analysis import Topic
from entente.errors import QueryError
from entente.report.figures import network_figure, timeline_figure
from entente.report.render import (
    csp_hash,
    inline_script,
    inline_style,
    plotly_js,
    render,
    static_text,
)
from entente.report.views import (
    WINDOWS,
    check_level,
    dyad_view,
    level_code,
    network_view,
    overview,
    shifts_view,
    stakeholders_view,
)
from entente.store import Store

ReportFormat = Literal["html", "png"]
FORMATS = ("html", "png")


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What goes into a report.

    Attributes:
        topic: the process whose stakeholder table is shown (None leaves the section out).
        level: ``country`` (roll actor codes up) or ``actor``.
        window: calendar window of the dyad timelines (week, month, quarter, year).
        network_window: the network's window (``90d``, ``1y``); None covers the whole store.
        at: last day of the network's window (default: the last event).
        before, after: the two periods compared for shifts (default: the store's halves).
        pairs: how many of the most active pairs get a timeline.
        focus: pairs that get a timeline first, whatever their activity (``("RUS", "TUR")``).
        evidence: evidence sentences per tie and per timeline (a timeline lists up to 4x this).
        resamples: perturbed networks for the blocs' stability.
        ties: how many ties the tie table lists.
    """

    topic: Topic | None = None
    level: str = "country"
    window: str = "month"
    network_window: str | None = None
    at: date | None = None
    before: tuple[date, date] | None = None
    after: tuple[date, date] | None = None
    pairs: int = 6
    focus: tuple[tuple[str, str], ...] = ()
    evidence: int = 3
    resamples: int = 30
    ties: int = 15

    def validate(self) -> None:
        """Check the options.

        Raises:
            QueryError: a bad level or window, a negative count, or only one shift period.
        """
        check_level(self.level)
        if self.window not in WINDOWS:
            raise QueryError(f"unknown window {self.window!r}; use one of {', '.join(WINDOWS)}")
        for name in ("pairs", "evidence", "resamples", "ties"):
            if getattr(self, name) < 0:
                raise QueryError(f"{name} must be 0 or more, not {getattr(self, name)}")
        for pair in self.focus:
            if len(pair) != 2 or pair[0] == pair[1]:
                raise QueryError(f"a focus pair is two different actor codes, not {pair!r}")
        if (self.before is None) != (self.after is None):
            raise QueryError("give both shift periods (before and after), or neither")


def collect(store: Store, options: ReportOptions) -> dict[str, Any]:
    """Everything the report shows, as one JSON-ready dict (it is embedded in the file too).

    Raises:
        QueryError: bad options (see :meth:`ReportOptions.validate`).
    """
    options.validate()
    over = overview(store, top=max(12, options.pairs))
    data: dict[str, Any] = {
        "entente": __version__,
        "generated": datetime.now().isoformat(timespec="seconds"),
        "overview": over,
        "options": {
            "level": options.level,
            "window": options.window,
            "network_window": options.network_window,
            "at": options.at,
            "topic": options.topic.name if options.topic else None,
        },  # fmt: skip
        "network": None,
        "timelines": [],
        "shifts": None,
        "stakeholders": None,
    }
    if over["store"]["events"] == 0 or over["store"]["first_date"] is None:
        return _dates(data)
    data["network"] = network_view(
        store, at=options.at, window=options.network_window, level=options.level,
        resamples=options.resamples, evidence=options.evidence,
    )  # fmt: skip
    chosen = [tuple(sorted(level_code(c, options.level) for c in pair)) for pair in options.focus]
    chosen += [(p["a"], p["b"]) for p in over["pairs"][: options.pairs]]
    data["timelines"] = [
        dyad_view(
            store, a, b, level=options.level, window=options.window, limit=4 * options.evidence
        )  # fmt: skip
        for a, b in dict.fromkeys(chosen)
    ]
    data["shifts"] = shifts_view(store, options.before, options.after, level=options.level)
    if options.topic is not None:
        data["stakeholders"] = stakeholders_view(store, options.topic)
    return _dates(data)


def _dates(data: dict[str, Any]) -> dict[str, Any]:
    """The options' dates as text, like the rest of the dict."""
    at = data["options"]["at"]
    data["options"]["at"] = at.isoformat() if isinstance(at, date) else at
    return data


def figures(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The report's charts by element id: the network and one timeline per pair."""
    out: dict[str, dict[str, Any]] = {}
    if data["network"] and data["network"]["nodes"]:
        out["fig-network"] = network_figure(data["network"])
    for i, view in enumerate(data["timelines"]):
        out[f"fig-timeline-{i}"] = timeline_figure(view)
    return out


def render_html(data: dict[str, Any]) -> str:
    """The report as one self-contained HTML page."""
    plotly = inline_script(plotly_js())
    script = inline_script(static_text("entente.js"))
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {csp_hash(str(plotly))} {csp_hash(str(script))}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        ]
    )
    return render(
        "report.html",
        data=data,
        figures=figures(data),
        plotly_js=plotly,
        entente_js=script,
        css=inline_style(static_text("entente.css")),
        csp=csp,
    )


def write_report(
    db: Path | str,
    out: Path | str,
    options: ReportOptions | None = None,
    fmt: ReportFormat = "html",
    lock_timeout: float = 30.0,
) -> list[Path]:
    """Write the report of a store: one HTML file, or PNG pictures of the network and timelines.

    Args:
        db: the event store (opened read-only, so a running ``entente run`` is not disturbed).
        out: the HTML file; for ``png``, the pictures are named after it
            (``report-network.png``, ``report-timeline-1-RUS-TUR.png``, ...).
        options: what to include.
        fmt: ``html`` or ``png``.
        lock_timeout: seconds to wait while a writer holds the store.

    Returns:
        The files written.

    Raises:
        QueryError: a bad format or options.
        StoreError: no store at ``db`` (or it stays locked).
        ConfigError: ``png`` without a renderer (kaleido and Chrome/Chromium).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    options = options or ReportOptions()
    out = Path(out)
    # One read-only connection for the whole collection: a writer waits (with retry)
    # for a few seconds at most, and the report sees one consistent state of the store.
    with Store.open(db, read_only=True, lock_timeout=lock_timeout) as store:
        data = collect(store, options)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "png":
        from entente.report.png import write_pngs

        return write_pngs(data, out)
    out.write_text(render_html(data), encoding="utf-8")
    return [out]
