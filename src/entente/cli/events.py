"""``entente events`` and ``entente export``: look at stored events, write them to files."""

from __future__ import annotations

import csv
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

from entente.config import load_settings
from entente.store import Store

console = Console()


class EventsFormat(StrEnum):
    """Output formats of ``entente events``."""

    table = "table"
    json = "json"
    csv = "csv"


class ExportFormatOption(StrEnum):
    """File formats of ``entente export``."""

    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    tsv = "tsv"


def parse_date(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value as a date (None stays None).

    Raises:
        typer.BadParameter: the value is not an ISO date.
    """
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise typer.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint=option
        ) from e


def resolve_db(db: Path | None) -> Path:
    """The store path: --db, else ENTENTE_DB / entente.toml, else entente.duckdb."""
    return load_settings(db=db).db


def _dyad_text(row: dict[str, Any]) -> str:
    pairs = [f"{d['source'] or '?'}→{d['target'] or '?'}" for d in row["dyads"]]
    if not pairs:
        pairs = [f"{p['code']}({p['role']})" for p in row["participants"]]
    return ", ".join(pairs)


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(rows: list[dict[str, Any]]) -> None:
    table = Table(show_lines=False)
    for name in ("date", "code", "plover", "mode", "dyads", "sentence"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(
            str(r["date"] or ""),
            r["cameo"],
            r["plover"],
            r["mode"],
            _dyad_text(r),
            escape(_short(r["sentence"])),
        )
    console.print(table)
    console.print(f"{len(rows)} event(s)")


def _write_csv(rows: list[dict[str, Any]]) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(
        ["id", "date", "cameo", "root", "quad", "goldstein", "plover", "mode", "dyads",
         "participants", "article_id", "article_source", "url", "sentence"]
    )  # fmt: skip
    for r in rows:
        parts = ";".join(f"{p['role']}:{p['code']}" for p in r["participants"])
        dyads = ";".join(f"{d['source'] or ''}>{d['target'] or ''}" for d in r["dyads"])
        writer.writerow(
            [r["id"], r["date"] or "", r["cameo"], r["root"], r["quad"], r["goldstein"],
             r["plover"], r["mode"], dyads, parts, r["article_id"], r["article_source"] or "",
             r["url"] or "", r["sentence"]]
        )  # fmt: skip


def events_command(
    db: Path | None = typer.Option(
        None, "--db", help="Event store file (default: entente.duckdb)."
    ),
    actor: str | None = typer.Option(
        None, "--actor", help="Actor code prefix of any participant (RUS matches RUSGOV)."
    ),
    dyad: tuple[str, str] | None = typer.Option(
        None, "--dyad", help="Directed pair: source and target code prefixes."
    ),
    code: str | None = typer.Option(
        None, "--code", help="CAMEO code prefix (04 = consult, 042 = visit)."
    ),
    since: str | None = typer.Option(None, "--since", help="First date, YYYY-MM-DD (inclusive)."),
    until: str | None = typer.Option(None, "--until", help="Last date, YYYY-MM-DD (inclusive)."),
    mode: str | None = typer.Option(
        None, "--mode", help="asserted, negated, future, hypothetical or demanded."
    ),
    limit: int | None = typer.Option(None, "--limit", min=0, help="At most this many events."),
    fmt: EventsFormat = typer.Option(EventsFormat.table, "--format", help="table, json or csv."),
) -> None:
    """List stored events, oldest first, filtered by actor, dyad, code, dates and mode."""
    pair = dyad if dyad and all(dyad) else None
    with Store.open(resolve_db(db), read_only=True) as store:
        table = store.events(
            actor=actor, dyad=pair, code=code, since=parse_date(since, "--since"),
            until=parse_date(until, "--until"), mode=mode, limit=limit,
        )  # fmt: skip
    rows = table.to_pylist()
    if fmt is EventsFormat.json:
        sys.stdout.write(json.dumps(rows, default=str, ensure_ascii=False, indent=1) + "\n")
    elif fmt is EventsFormat.csv:
        _write_csv(rows)
    else:
        _print_table(rows)


def export_command(
    out: Path = typer.Argument(..., help="File to write."),
    fmt: ExportFormatOption = typer.Option(..., "--format", help="parquet, csv, jsonl or tsv."),
    db: Path | None = typer.Option(
        None, "--db", help="Event store file (default: entente.duckdb)."
    ),
) -> None:
    """Export all events: parquet/jsonl (nested participants), csv/tsv (one row per dyad).

    The tsv columns follow the GDELT/Phoenix dyadic layout: event_id, date (YYYYMMDD),
    year, month, day, source, source_root, source_agent, target, target_root,
    target_agent, cameo, root, quad, goldstein, plover, mode, confidence, location,
    article_id, article_source, url, sentence.
    """
    with Store.open(resolve_db(db), read_only=True) as store:
        n = store.export(fmt.value, out)
    console.print(f"wrote {n} row(s) to {out} ({fmt.value})")


def register(app: typer.Typer) -> None:
    """Add the ``events`` and ``export`` commands to the entente app."""
    app.command("events")(events_command)
    app.command("export")(export_command)
