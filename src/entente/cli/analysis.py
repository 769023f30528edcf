"""``entente dyads | network | blocs | shifts | stakeholders``: the alliance analysis commands."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from entente.analysis import (
    alignment_network,
    dyads,
    find_blocs,
    load_topic,
    load_topic_file,
    parse_day,
    parse_range,
    shifts,
    stakeholders,
    top_dyads,
)
from entente.analysis.common import jsonable
from entente.cli.events import resolve_db
from entente.errors import QueryError
from entente.store import Store

console = Console()


class WindowKind(StrEnum):
    """Calendar windows of ``entente dyads``."""

    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class LevelOption(StrEnum):
    """Actor level: roll codes up to countries, roll only states' organs up, or keep them."""

    country = "country"
    state = "state"
    actor = "actor"


class UnitOption(StrEnum):
    """What one counted item is."""

    event = "event"
    occurrence = "occurrence"
    collapsed = "collapsed"


class NetworkFormat(StrEnum):
    """File formats for ``entente network --out``."""

    graphml = "graphml"
    json = "json"


DbOpt = typer.Option(None, "--db", help="Event store file (default: entente.duckdb).")
LevelOpt = typer.Option(
    LevelOption.country, "--level",
    help="country rolls RUSGOV, RUSMIL, RUSOPP up to RUS; state rolls only a state's organs "
    "up (SYRGOV -> SYR, SYROPP stays); actor keeps codes whole.",
)  # fmt: skip
UnitOpt = typer.Option(
    UnitOption.collapsed, "--unit",
    help="Count events, occurrences (once per article) or collapsed units (same pair, root, day).",
)  # fmt: skip
JsonOpt = typer.Option(False, "--json", help="Print the result as JSON.")


def _day(value: str | None, option: str, end: bool = False) -> date | None:
    if value is None:
        return None
    try:
        return parse_day(value, end=end)
    except QueryError as e:
        raise typer.BadParameter(str(e), param_hint=option) from e


def _period(value: str, option: str) -> tuple[date, date]:
    try:
        return parse_range(value)
    except QueryError as e:
        raise typer.BadParameter(str(e), param_hint=option) from e


def _half_life(value: str) -> str | None:
    return None if value.lower() in ("none", "0", "off") else value


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(jsonable(data), ensure_ascii=False, indent=1) + "\n")


def _fmt(x: float | None, digits: int = 2) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def dyads_command(
    db: Path | None = DbOpt,
    actor: str | None = typer.Option(
        None, "--actor", help="Only pairs with a side whose code starts with this."
    ),
    window: WindowKind = typer.Option(WindowKind.month, "--window", help="Calendar window."),
    since: str | None = typer.Option(None, "--since", help="First date (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, "--until", help="Last date (YYYY[-MM[-DD]])."),
    level: LevelOption = LevelOpt,
    unit: UnitOption = UnitOpt,
    evidence: int = typer.Option(
        2, "--evidence", min=0, help="Evidence sentences per pair and window."
    ),
    limit: int = typer.Option(
        20, "--limit", min=1, help="Rows to show in the table (JSON has all)."
    ),
    pairs: int | None = typer.Option(None, "--pairs", min=1, help="Only the N most active pairs."),
    as_json: bool = JsonOpt,
) -> None:
    """Dyads over time: per ordered pair and window, QuadClass counts, Goldstein score, evidence."""
    with Store.open(resolve_db(db), read_only=True) as store:
        rows = dyads(
            store, actor=actor, window=window.value, since=_day(since, "--since"),
            until=_day(until, "--until", end=True), level=level.value, unit=unit.value,
            evidence=evidence, top_pairs=pairs,
        )  # fmt: skip
    if as_json:
        _emit_json({"windows": [r.to_dict() for r in rows], "top": top_dyads(rows, limit)})
        return
    table = Table(
        title=f"Dyads by {window.value} ({unit.value} units; events / occurrences / collapsed)"
    )
    for name in (
        "window",
        "source",
        "target",
        "units",
        "ev/occ/coll",
        "q1",
        "q2",
        "q3",
        "q4",
        "goldstein",
        "evidence",
    ):
        table.add_column(name, overflow="fold")
    ranked = sorted(rows, key=lambda r: (-r.units, r.window_start, r.source, r.target))[:limit]
    for r in sorted(ranked, key=lambda r: (r.window_start, -r.units)):
        ev = r.evidence[0] if r.evidence else None
        table.add_row(
            r.window_start.isoformat(), r.source, r.target, str(r.units),
            f"{r.events}/{r.occurrences}/{r.collapsed}", str(r.q1), str(r.q2), str(r.q3), str(r.q4),
            _fmt(r.goldstein_sum, 1),
            escape(f"{ev.sentence[:100]} ({ev.article_source}, {ev.date})") if ev else "",
        )  # fmt: skip
    console.print(table)
    console.print(f"{len(rows)} pair-window(s); showing the {len(ranked)} most active")


def _network(
    store: Store, window: str, at: str | None, half_life: str, level: LevelOption, unit: UnitOption
):
    return alignment_network(
        store, at=_day(at, "--at"), window=window, half_life=_half_life(half_life),
        level=level.value, unit=unit.value,
    )  # fmt: skip


def network_command(
    db: Path | None = DbOpt,
    window: str = typer.Option(
        "90d", "--window", help="Window length ending at --at (90d, 12w, 6m, 1y)."
    ),
    at: str | None = typer.Option(
        None, "--at", help="Last day of the window (default: latest event)."
    ),
    half_life: str = typer.Option("30d", "--half-life", help="Recency half-life, or 'none'."),
    level: LevelOption = LevelOpt,
    unit: UnitOption = UnitOpt,
    out: Path | None = typer.Option(None, "--out", help="Also write the network to this file."),
    fmt: NetworkFormat = typer.Option(
        NetworkFormat.graphml, "--format", help="File format for --out."
    ),
    top: int = typer.Option(15, "--top", min=1, help="Actors and ties to show."),
    as_json: bool = JsonOpt,
) -> None:
    """The signed alignment network of a window: ties and who is at the centre."""
    with Store.open(resolve_db(db), read_only=True) as store:
        net = _network(store, window, at, half_life, level, unit)
    if out is not None:
        (net.write_graphml if fmt is NetworkFormat.graphml else net.write_json)(out)
    if as_json:
        _emit_json(net.to_dict())
        return
    console.print(f"Alignment network {net.start} .. {net.end} (half-life {net.half_life} days): "
                  f"{len(net.nodes)} actors, {len(net.ties)} ties")  # fmt: skip
    centre = Table(title="Centre of the diplomacy (PageRank on cooperative ties)")
    for name in (
        "actor",
        "pagerank",
        "betweenness",
        "partners",
        "+strength",
        "-strength",
        "hosted",
        "mediated",
    ):
        centre.add_column(name)
    for n in net.nodes[:top]:
        centre.add_row(n.code, _fmt(n.pagerank, 3), _fmt(n.betweenness, 3), str(n.partners),
                       _fmt(n.positive_strength), _fmt(n.negative_strength), str(n.hosted), str(n.mediated))  # fmt: skip
    console.print(centre)
    ties = Table(title="Strongest ties")
    for name in ("a", "b", "weight", "coop", "conflict", "events"):
        ties.add_column(name)
    for t in net.ties[:top]:
        ties.add_row(
            t.a, t.b, _fmt(t.weight), str(t.cooperative), str(t.conflictual), str(t.events)
        )
    console.print(ties)
    if out is not None:
        console.print(f"wrote {out} ({fmt.value})")


def blocs_command(
    db: Path | None = DbOpt,
    window: str = typer.Option(
        "1y", "--window", help="Window length ending at --at (90d, 6m, 1y)."
    ),
    at: str | None = typer.Option(
        None, "--at", help="Last day of the window (default: latest event)."
    ),
    half_life: str = typer.Option("none", "--half-life", help="Recency half-life, or 'none'."),
    level: LevelOption = LevelOpt,
    unit: UnitOption = UnitOpt,
    resamples: int = typer.Option(
        30, "--resamples", min=0, help="Perturbed networks for the stability measure."
    ),
    resolution: float = typer.Option(
        1.0, "--resolution", min=0.01, help="Higher gives smaller blocs."
    ),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
    as_json: bool = JsonOpt,
) -> None:
    """Blocs: signed community detection (Leiden, cooperation +1 / conflict -1 layers)."""
    with Store.open(resolve_db(db), read_only=True) as store:
        net = _network(store, window, at, half_life, level, unit)
    result = find_blocs(net, resamples=resamples, resolution=resolution, seed=seed)
    if as_json:
        _emit_json({"start": net.start, "end": net.end, **result.to_dict()})
        return
    console.print(f"Blocs {net.start} .. {net.end}: stability {result.stability:.2f} "
                  f"(mean adjusted Rand index over {resamples} perturbed networks)")  # fmt: skip
    table = Table()
    for name in ("bloc", "members", "stability", "inside", "outside"):
        table.add_column(name, overflow="fold")
    for i, b in enumerate(result.blocs, 1):
        table.add_row(
            str(i), ", ".join(b.members), _fmt(b.stability), _fmt(b.internal), _fmt(b.external)
        )
    console.print(table)


def shifts_command(
    period_from: str = typer.Option(
        ..., "--from", help="Before period A..B (YYYY[-MM[-DD]] each)."
    ),
    period_to: str = typer.Option(..., "--to", help="After period C..D."),
    db: Path | None = DbOpt,
    level: LevelOption = LevelOpt,
    unit: UnitOption = UnitOpt,
    alpha: float = typer.Option(0.05, "--alpha", help="False-discovery rate."),
    min_units: int = typer.Option(
        3, "--min-units", min=1, help="Units a pair needs over both periods."
    ),
    min_articles: int = typer.Option(
        2, "--min-articles", min=1, help="Articles needed in every period a pair appears."
    ),
    limit: int = typer.Option(20, "--limit", min=1, help="Shifts to report."),
    near: int = typer.Option(
        3,
        "--near-misses",
        min=0,
        help="Also show this many largest changes that are not significant.",
    ),
    as_json: bool = JsonOpt,
) -> None:
    """Shifts: pairs whose alignment changed significantly between two periods."""
    before, after = _period(period_from, "--from"), _period(period_to, "--to")
    with Store.open(resolve_db(db), read_only=True) as store:
        report = shifts(
            store, before, after, level=level.value, unit=unit.value, alpha=alpha,
            min_units=min_units, min_articles=min_articles, limit=limit, near_misses=near,
        )  # fmt: skip
    if as_json:
        _emit_json(report.to_dict())
        return
    console.print(f"Shifts from {before[0]}..{before[1]} to {after[0]}..{after[1]}: "
                  f"{len(report.shifts)} significant of {report.tested} pairs tested ({report.pairs} seen)")  # fmt: skip
    console.print(escape(report.test), style="dim")
    console.print(_shift_table(report.shifts))
    if report.near_misses:
        console.print(f"Largest changes that are not significant (q > {report.alpha:g}):")
        console.print(_shift_table(report.near_misses))


def _shift_table(rows: tuple[Any, ...]) -> Table:
    table = Table()
    for name in ("pair", "kind", "change", "before c/k", "after c/k", "q", "driving report"):
        table.add_column(name, overflow="fold")
    for s in rows:
        ev = s.evidence[0] if s.evidence else (s.evidence_before[0] if s.evidence_before else None)
        table.add_row(
            f"{s.a} – {s.b}", s.kind, f"{s.change:+.2f}" if s.change is not None else "",
            f"{s.before.cooperative}/{s.before.conflictual}",
            f"{s.after.cooperative}/{s.after.conflictual}", f"{s.q_value:.2g}",
            escape(f"{ev.sentence[:100]} ({ev.article_source}, {ev.date})") if ev else "",
        )  # fmt: skip
    return table


def stakeholders_command(
    topic: str | None = typer.Option(
        None, "--topic", help="A shipped topic (e.g. syria-peace-talks)."
    ),
    topic_file: Path | None = typer.Option(
        None, "--topic-file", help="Your own topic file (TOML)."
    ),
    db: Path | None = DbOpt,
    level: LevelOption = typer.Option(
        LevelOption.actor,
        "--level",
        help="actor (default; the topic may count a state's organs as the state), state or country.",
    ),  # fmt: skip
    since: str | None = typer.Option(None, "--since", help="Narrow the topic's range: first date."),
    until: str | None = typer.Option(None, "--until", help="Narrow the topic's range: last date."),
    as_json: bool = JsonOpt,
) -> None:
    """Stakeholders of a process: meetings, who hosted, mediated, attended, stayed away, who is missing."""
    if (topic is None) == (topic_file is None):
        raise typer.BadParameter(
            "give either --topic NAME or --topic-file PATH", param_hint="--topic"
        )
    spec = load_topic_file(topic_file) if topic_file else load_topic(topic or "")
    with Store.open(resolve_db(db), read_only=True) as store:
        report = stakeholders(
            store,
            spec,
            level=level.value,
            since=_day(since, "--since"),
            until=_day(until, "--until", end=True),
        )
    if as_json:
        _emit_json(report.to_dict())
        return
    console.print(f"[bold]{escape(report.title)}[/] {report.since} .. {report.until}: "
                  f"{len(report.meetings)} meeting(s); led by {', '.join(report.leaders) or 'nobody reported'}")  # fmt: skip
    meetings = Table(title="Meetings")
    for name in ("dates", "venue", "hosts", "mediators", "participants", "absent", "missing"):
        meetings.add_column(name, overflow="fold")
    for m in report.meetings:
        dates = m.start.isoformat() if m.start == m.end else f"{m.start} .. {m.end}"
        meetings.add_row(dates, escape(m.venue or "?"), ", ".join(m.hosts), ", ".join(m.mediators),
                         ", ".join(m.participants), ", ".join(m.absent), ", ".join(m.missing[:5]))  # fmt: skip
    console.print(meetings)
    actors = Table(title="Actors")
    for name in ("actor", "attended", "hosted", "mediated", "absent", "refusals", "centrality",
                 "stance", "weight in conflict"):  # fmt: skip
        actors.add_column(name)
    for a in report.actors:
        actors.add_row(a.code, str(a.attended), str(a.hosted), str(a.mediated), str(a.absent),
                       str(a.refusals), _fmt(a.centrality), f"{a.stance_label} {_fmt(a.stance, 1)}",
                       _fmt(a.weight, 0))  # fmt: skip
    console.print(actors)
    if report.process_absences:
        away = Table(title="Stayed away from the process (no single meeting)")
        for name in ("actor", "date", "report"):
            away.add_column(name, overflow="fold")
        for ab in report.process_absences:
            ev = ab.evidence
            away.add_row(
                ab.code, str(ev.date), escape(f"{ev.sentence[:110]} ({ev.article_source})")
            )
        console.print(away)
    gap = Table(title="Coverage gap: parties weighty in the conflict, not at the table")
    for name in ("actor", "weight", "material conflict", "status"):
        gap.add_column(name)
    for g in report.gap:
        gap.add_row(g.code, _fmt(g.weight, 0), str(g.material_conflict), g.status)
    if report.gap:
        console.print(gap)
    else:
        console.print("Coverage gap: none; every party central to the conflict sat at some table.")


def register(app: typer.Typer) -> None:
    """Add the analysis commands to the entente app."""
    app.command("dyads")(dyads_command)
    app.command("network")(network_command)
    app.command("blocs")(blocs_command)
    app.command("shifts")(shifts_command)
    app.command("stakeholders")(stakeholders_command)
