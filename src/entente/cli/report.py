"""``entente report``: write the self-contained HTML report (or PNG pictures) of a store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from entente.analysis import load_topic, load_topic_file, parse_day, parse_range
from entente.cli.events import resolve_db
from entente.errors import QueryError
from entente.report import ReportOptions, write_report

console = Console()


class ReportFormatOption(StrEnum):
    """Output formats of ``entente report``."""

    html = "html"
    png = "png"


class LevelOption(StrEnum):
    """Actor level: roll codes up to countries, or keep them."""

    country = "country"
    actor = "actor"


class WindowOption(StrEnum):
    """Calendar windows of the dyad timelines."""

    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


def _checked(parse, value: str | None, option: str):  # type: ignore[no-untyped-def]
    if value is None:
        return None
    try:
        return parse(value)
    except QueryError as e:
        raise typer.BadParameter(str(e), param_hint=option) from e


def report_command(
    out: Path = typer.Option(
        ..., "--out", "-o", help="The HTML file to write (PNG names derive from it)."
    ),
    db: Path | None = typer.Option(
        None, "--db", help="Event store file (default: entente.duckdb)."
    ),
    topic: str | None = typer.Option(
        None, "--topic", help="Shipped topic for the stakeholder table (e.g. syria-peace-talks)."
    ),
    topic_file: Path | None = typer.Option(
        None, "--topic-file", help="Your own topic file (TOML) instead."
    ),
    fmt: ReportFormatOption = typer.Option(
        ReportFormatOption.html,
        "--format",
        help="html: one self-contained file; png: network and timeline pictures.",
    ),
    level: LevelOption = typer.Option(
        LevelOption.country,
        "--level",
        help="country rolls RUSGOV up to RUS; actor keeps them apart.",
    ),
    window: WindowOption = typer.Option(
        WindowOption.month, "--window", help="Calendar window of the dyad timelines."
    ),
    network_window: str | None = typer.Option(
        None,
        "--network-window",
        help="Network window length (90d, 6m, 1y) (default: the whole store).",
    ),
    at: str | None = typer.Option(
        None, "--at", help="Last day of the network window (default: the last event)."
    ),
    period_from: str | None = typer.Option(
        None, "--from", help="Shifts: before period A..B (default: first half of the store)."
    ),
    period_to: str | None = typer.Option(
        None, "--to", help="Shifts: after period C..D (default: second half)."
    ),
    pairs: int = typer.Option(
        6, "--pairs", min=0, help="How many of the most active pairs get a timeline."
    ),
    pair: list[str] | None = typer.Option(
        None,
        "--pair",
        help="A pair to draw a timeline for, as A,B (repeat for more), before the most active ones.",
    ),
    evidence: int = typer.Option(
        3,
        "--evidence",
        min=0,
        help="Evidence sentences per tie and per timeline (timelines list up to 4x).",
    ),
) -> None:
    """Write the report: alignment network with blocs, dyad timelines, shifts, stakeholders, evidence.

    The HTML file works offline (plotly.js and the data are inside it). With
    --format png, writes <out>-network.png and <out>-timeline-N-A-B.png instead
    (needs kaleido and Chrome/Chromium; set BROWSER_PATH to choose the browser).
    """
    if topic and topic_file:
        raise typer.BadParameter("give --topic or --topic-file, not both", param_hint="--topic")
    if (period_from is None) != (period_to is None):
        raise typer.BadParameter("give both --from and --to, or neither", param_hint="--from")
    focus = []
    for text in pair or []:
        parts = [p.strip().upper() for p in text.split(",")]
        if len(parts) != 2 or not all(parts):
            raise typer.BadParameter(
                f"{text!r} is not a pair; write two actor codes as A,B (e.g. RUS,TUR)",
                param_hint="--pair",
            )
        focus.append((parts[0], parts[1]))
    spec = load_topic_file(topic_file) if topic_file else load_topic(topic) if topic else None
    options = ReportOptions(
        topic=spec,
        level=level.value,
        window=window.value,
        network_window=network_window,
        at=_checked(parse_day, at, "--at"),
        before=_checked(parse_range, period_from, "--from"),
        after=_checked(parse_range, period_to, "--to"),
        pairs=pairs,
        focus=tuple(focus),
        evidence=evidence,
    )
    written = write_report(resolve_db(db), out, options, fmt=fmt.value)
    if not written:
        console.print("the store holds no events: nothing to draw")
        return
    for path in written:
        console.print(f"wrote {path}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``entente report`` to the app."""
    app.command("report")(report_command)
