"""``entente eval``: code a gold file with entente (or read predictions) and score the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from entente.cli.common import ConfigOption, out, print_json, settings_from


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


def eval_command(
    gold: Path = typer.Argument(..., help="Gold JSONL file (petrarch, plover or penta format)."),
    fmt: str = typer.Option(
        "auto", "--format", "-f", help="Gold format: petrarch, plover, penta or auto."
    ),
    pred: Path | None = typer.Option(
        None, "--pred", help="Score this `entente code` output instead of coding the gold texts."
    ),
    real_only: bool = typer.Option(
        False, "--real-only", help="petrarch: only records with dictionary == real."
    ),
    all_records: bool = typer.Option(
        False, "--all", help="petrarch: also records marked evaluate: false."
    ),
    show_errors: int = typer.Option(
        0, "--show-errors", help="Print up to N records the coder got wrong."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    config: Path | None = ConfigOption,
    model: str | None = typer.Option(
        None, "--model", help="spaCy pipeline name(s), comma-separated."
    ),
) -> None:
    """Score entente against human-coded gold events.

    petrarch: P/R/F1 of (source, target, code) at exact, root and QuadClass level, with
    entente's output in the petrarch style (as `entente code --style petrarch`).
    plover: country-level dyad P/R/F1 and PLOVER type recall. penta: five-class
    accuracy of each sentence's main (most confident) event.
    """
    from entente.coding.evaluate import (
        FORMATS,
        code_gold,
        detect_format,
        read_jsonl,
        read_predictions,
        score,
        select_petrarch,
    )

    if not gold.is_file():
        raise typer.BadParameter(
            f"gold file {gold} does not exist; give a JSONL file", param_hint="GOLD"
        )
    if fmt not in FORMATS + ("auto",):
        raise typer.BadParameter(
            f"{fmt!r} is not one of {', '.join(FORMATS)} or auto", param_hint="--format"
        )
    records = read_jsonl(gold)
    fmt = detect_format(records) if fmt == "auto" else fmt
    if fmt == "petrarch":
        records = select_petrarch(records, real_only, all_records)
    if not records:
        raise typer.BadParameter(f"no gold records selected from {gold}", param_hint="GOLD")
    # PETRARCH-style gold is scored in the convention it was made in (entente code --style petrarch)
    style = "petrarch" if fmt == "petrarch" else "default"
    predictions = (
        read_predictions(pred)
        if pred
        else code_gold(records, settings_from(config, model=model), style=style)
    )
    result = score(fmt, records, predictions)
    errors = result.pop("errors")
    if as_json:
        result["format"] = fmt
        result["errors"] = errors[:show_errors]
        print_json(result)
        return
    _print(fmt, result)
    for e in errors[:show_errors]:
        out.print(f"[bold]{e['id']}[/] {str(e.get('text') or '')[:140]}", highlight=False)
        out.print(f"   gold: {e['gold']}\n   pred: {e['pred']}", highlight=False)


def _f(x: Any) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _print(fmt: str, r: dict[str, Any]) -> None:
    out.print(f"{fmt} gold, {r['records']} records", highlight=False)
    if fmt == "petrarch":
        out.print(f"  {'level':6} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>7} {'R':>7} {'F1':>7}")
        for lv in ("exact", "root", "quad"):
            d = r[lv]
            out.print(
                f"  {lv:6} {d['tp']:5d} {d['fp']:5d} {d['fn']:5d} {_f(d['precision']):>7} {_f(d['recall']):>7} {_f(d['f1']):>7}",
                highlight=False,
            )
        out.print(f"  records fully correct: {r['records_fully_correct']} / {r['records']}")
        out.print(
            f"  no-event records left empty: {r['no_event_records_left_empty']} / {r['no_event_records']}"
        )
    elif fmt == "plover":
        d = r["dyad"]
        out.print(
            f"  dyads (country level): P {_f(d['precision'])}  R {_f(d['recall'])}  F1 {_f(d['f1'])}",
            highlight=False,
        )
        out.print(
            f"  gold PLOVER type among predicted types: {_f(r['type_recall'])}", highlight=False
        )
        out.print(f"  ... with a matching dyad: {_f(r['type_and_dyad'])}", highlight=False)
    else:
        out.print(
            f"  main-event accuracy: {_f(r['main_accuracy'])}  any-event: {_f(r['any_accuracy'])}",
            highlight=False,
        )
        out.print(f"  no event coded: {r['no_event']}", highlight=False)
        out.print(f"  confusion (gold->predicted): {r['confusion']}", highlight=False)
