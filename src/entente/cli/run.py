"""``entente run``: ingest, code and store; print what was found."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from entente.cli.common import ConfigOption, DbOption, err, out, print_json, settings_from
from entente.pipeline import RunSummary, run


def register(app: typer.Typer) -> None:
    app.command("run")(run_command)


def run_command(
    sources: list[str] = typer.Argument(..., help="Files, directories, URLs, or - for stdin."),
    db: Path | None = DbOption,
    config: Path | None = ConfigOption,
    processes: int | None = typer.Option(
        None, "--processes", "-p", help="Worker processes for parsing and coding."
    ),
    batch_size: int | None = typer.Option(None, "--batch-size", help="Articles per batch."),
    model: str | None = typer.Option(
        None, "--model", help="spaCy pipeline name(s), comma-separated, tried in order."
    ),
    actors: list[Path] | None = typer.Option(
        None, "--actors", help="Extra actor file(s) that add or replace entries."
    ),
    dask: str | None = typer.Option(
        None,
        "--dask",
        help="Code on a Dask cluster: a scheduler address (tcp://host:8786) or local:N.",
    ),
    dask_parts: Path | None = typer.Option(
        None, "--dask-parts", help="Folder shared with the Dask workers for their Parquet parts."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Read SOURCES, code their events into the store, and summarise the run.

    Articles already in the store are skipped before any parsing, so re-running on a
    growing folder processes only what is new. Exit code 1 if any input failed.
    """
    settings = settings_from(
        config,
        db=db,
        processes=processes,
        batch_size=batch_size,
        model=model,
        actors=tuple(actors) if actors else None,
    )

    def execute(progress=None) -> RunSummary:
        if dask:
            from entente.distributed import run_on_dask

            return run_on_dask(sources, settings, dask, dask_parts, progress=progress)
        return run(sources, settings, progress=progress)

    if quiet or as_json:
        summary = execute()
    else:
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar:
            read = bar.add_task("articles read", total=None)
            done = bar.add_task("articles coded", total=None)

            def progress(stage: str, n: int) -> None:
                bar.advance(read if stage == "read" else done, n)

            summary = execute(progress)
    if as_json:
        print_json(summary.to_dict())
    else:
        print_summary(summary)
    raise typer.Exit(1 if summary.failures else 0)


def print_summary(s: RunSummary) -> None:
    """The human-readable summary of a run."""
    out.print(f"[bold]entente run[/] -> {s.db}  ({s.seconds:.1f} s)")
    out.print(
        f"  articles read: {s.articles_read}   new: {s.articles_new}   "
        f"already stored: {s.articles_known}   duplicates: {s.duplicates}   failed: {len(s.failures)}"
    )
    rate = s.sentences / s.seconds if s.seconds else 0.0
    out.print(
        f"  sentences: {s.sentences} ({rate:.{0 if rate >= 10 else 1}f}/s)   events: {s.events} ({s.events_new} new)"
    )
    if s.top_dyads:
        table = Table(title="top dyads (events that happened, this run)", title_justify="left")
        table.add_column("source")
        table.add_column("target")
        table.add_column("events", justify="right")

        def named(code: str) -> str:
            name = s.actor_names.get(code)
            return f"{code} ({name})" if name else code

        for src, tgt, n in s.top_dyads:
            table.add_row(
                named(src),
                named(tgt),
                str(n),
            )
        out.print(table)
    if s.failures:
        out.print(f"[yellow]{len(s.failures)} input(s) failed:[/]")
        for f in s.failures[:50]:
            out.print(f"  {f.origin}: {f.reason}", highlight=False)
        if len(s.failures) > 50:
            out.print(f"  ... and {len(s.failures) - 50} more (see the failures table)")
