"""``entente code``: code a JSONL file of texts without a database."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import typer

from entente.cli.common import ConfigOption, err, settings_from
from entente.pipeline import code_output_lines, code_records


def register(app: typer.Typer) -> None:
    app.command("code")(code_command)


def code_command(
    input: Path = typer.Argument(
        ..., help='JSONL, one {"id", "text", "date"?} per line ("-" for stdin).', allow_dash=True
    ),
    out_path: Path | None = typer.Option(
        None, "--out", "-o", help='Output JSONL (default, or "-": stdout).', allow_dash=True
    ),
    config: Path | None = ConfigOption,
    model: str | None = typer.Option(
        None, "--model", help="spaCy pipeline name(s), comma-separated."
    ),
    all_modes: bool = typer.Option(
        False, "--all-modes", help="Also output negated, future and hypothetical events."
    ),
    require_dyad: bool = typer.Option(
        False,
        "--require-dyad",
        help="Only events with both a source and a target (PETRARCH's convention).",
    ),
    style: str = typer.Option(
        "default",
        "--style",
        help="Output style: default, or petrarch = --require-dyad and a stated intent listed under the act it is about "
        '("will meet": 040, not 036; mode stays future, intent_code gives 036), as PETRARCH-made data sets code it.',
    ),
) -> None:
    """Code each input line's text and write one output line per input id.

    Output lines: {"id", "events": [{"source", "target", "code", "plover", "mode", "quad",
    "goldstein", "confidence", "participants": [...], "trigger": {...}}]}; offsets are into
    the input text. Lines that cannot be read are reported on stderr and skipped.
    With --style petrarch, intents are listed under the act they are about (PETRARCH's convention).
    """
    from entente.coding.styles import STYLES

    if style not in STYLES:
        raise typer.BadParameter(
            f"{style!r} is not one of {', '.join(STYLES)}", param_hint="--style"
        )
    settings = settings_from(config, model=model)
    src = sys.stdin if str(input) == "-" else None
    if src is None and not input.is_file():
        err.print(f"error: input file {input} does not exist")
        raise typer.Exit(2)
    bad = 0

    def records() -> Iterator[dict]:
        nonlocal bad
        handle = src or open(input, encoding="utf-8")
        with handle:
            for n, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    if not isinstance(rec, dict):
                        raise ValueError("not a JSON object")
                except ValueError as e:
                    bad += 1
                    err.print(f"{input}:{n}: skipped: {e}")
                    continue
                yield rec

    def coded() -> Iterator[tuple[str, list]]:
        nonlocal bad
        for rid, _, result in code_records(records(), settings):
            if isinstance(result, list):
                yield rid, result
            else:  # a record that could not be coded still gets its (empty) line
                bad += 1
                err.print(f"{result.origin}: {result.reason}")
                yield rid, []

    if out_path is not None and str(out_path) == "-":
        out_path = None  # "-o -" is stdout, as for the input
    target = open(out_path, "w", encoding="utf-8") if out_path else sys.stdout
    try:
        for line in code_output_lines(
            coded(), all_modes=all_modes, require_dyad=require_dyad, style=style
        ):
            target.write(line + "\n")
    finally:
        if out_path:
            target.close()
    raise typer.Exit(1 if bad else 0)
