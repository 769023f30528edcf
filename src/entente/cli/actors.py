"""``entente actors ...``: the actor knowledge base from the command line.

- ``import-petrarch FILE... [--out DIR]`` — convert PETRARCH/Phoenix dictionaries.
- ``check FILE...`` — validate actor files (``file:line: problem``; exit 1 on problems).
- ``resolve "TEXT" [--date] [--json]`` — parse a text and show each mention's actor.
- ``lookup NAME [--date] [--json]`` — what a name stands for, and a person's roles.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.table import Table

from entente.cli.common import ConfigOption, err, out, print_json, settings_from

actors_app = typer.Typer(
    name="actors",
    help="The actor knowledge base: import, check, resolve, look up.",
    no_args_is_help=True,
)

ActorsOption = typer.Option(
    None, "--actors", help="Extra actor file(s) that add or replace entries."
)
DateOption = typer.Option(
    None, "--date", help="The day to resolve for (YYYY-MM-DD): people by their role then."
)


def register(app: typer.Typer) -> None:
    """Add the ``actors`` command group to the main app."""
    app.add_typer(actors_app, name="actors")


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(f"error: --date {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2015-06-09")
        raise typer.Exit(2) from None


@actors_app.command("import-petrarch")
def import_petrarch_command(
    files: list[Path] = typer.Argument(
        ..., help="PETRARCH/Phoenix dictionary file(s) (actors or agents)."
    ),
    out_dir: Path = typer.Option(
        Path("."), "--out", help="Folder for the converted JSON Lines files."
    ),
    name: str | None = typer.Option(None, "--name", help="Output file name (one input file only)."),
    keep_companies: bool = typer.Option(
        False, "--keep-companies", help="Keep multinational corporations (MNC codes)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the import report as JSON."),
) -> None:
    """Convert PETRARCH/Phoenix actor or agent dictionaries into entente's actor format."""
    from entente.actors.petrarch import import_petrarch

    if name and len(files) > 1:
        err.print(
            "error: --name works with one input file; drop it to name outputs after the inputs"
        )
        raise typer.Exit(2)
    reports = []
    for path in files:
        if not path.is_file():
            err.print(f"error: {path} does not exist; give a dictionary such as Phoenix.agents.txt")
            raise typer.Exit(2)
        reports.append(
            import_petrarch(path, out_dir, name, exclude=() if keep_companies else ("MNC",))
        )
    if as_json:
        print_json(
            [
                {
                    "source": str(r.source),
                    "output": str(r.output),
                    "kind": r.kind,
                    "entries": r.entries,
                    "aliases": r.aliases,
                    "skipped": r.skipped,
                }
                for r in reports
            ]
        )
        return
    for r in reports:
        out.print(
            f"{r.source.name} -> {r.output}: {r.entries:,} {r.kind} entries, {r.aliases:,} names, "
            f"{len(r.skipped)} lines skipped",
            highlight=False,
        )
        for line in r.skipped[:10]:
            err.print(f"  skipped {line}", highlight=False)
        if len(r.skipped) > 10:
            err.print(f"  ... and {len(r.skipped) - 10} more", highlight=False)


@actors_app.command("check")
def check_command(
    files: list[Path] = typer.Argument(..., help="Actor file(s) in entente's JSON Lines format."),
) -> None:
    """Validate actor files: print each problem as file:line: problem; exit 1 if any."""
    from entente.actors import check_file

    problems = [p for path in files for p in check_file(path)]
    for p in problems:
        out.print(p, highlight=False, soft_wrap=True)
    if problems:
        err.print(f"{len(problems)} problem(s) in {len(files)} file(s)")
        raise typer.Exit(1)
    out.print(f"{len(files)} file(s) OK")


@actors_app.command("resolve")
def resolve_command(
    text: str = typer.Argument(..., help="Text to parse and resolve."),
    when: str | None = DateOption,
    as_json: bool = typer.Option(False, "--json", help="Print mentions as JSON."),
    actors: list[Path] | None = ActorsOption,
    config: Path | None = ConfigOption,
    model: str | None = typer.Option(
        None, "--model", help="spaCy pipeline name(s), comma-separated."
    ),
) -> None:
    """Show each actor mention in TEXT with its span, code, name and the rule that fired."""
    from entente.actors import Resolver, load_kb
    from entente.nlp import parse_text

    day = _date(when)
    settings = settings_from(config, model=model, actors=tuple(actors) if actors else None)
    resolver = Resolver(load_kb(tuple(settings.actors)))
    mentions = [
        m for s in parse_text(text, "cli", tuple(settings.model)) for m in resolver.resolve(s, day)
    ]
    if as_json:
        print_json(
            [
                {
                    "text": m.text,
                    "start": m.start_char,
                    "end": m.end_char,
                    "sentence": m.sentence_index,
                    "code": m.actor.code if m.actor else None,
                    "name": m.actor.name if m.actor else None,
                    "kind": m.actor.kind if m.actor else None,
                    "how": m.how,
                }
                for m in mentions
            ]
        )
        return
    table = Table("span", "text", "code", "name", "kind", "how")
    for m in mentions:
        actor = m.actor
        table.add_row(
            f"{m.start_char}-{m.end_char}",
            m.text,
            actor.code if actor else "-",
            actor.name if actor else "-",
            actor.kind if actor else "-",
            m.how,
        )
    out.print(table)


@actors_app.command("lookup")
def lookup_command(
    name: str = typer.Argument(..., help="A name, e.g. 'Lavrov', 'Moscow', 'Egyptian army'."),
    when: str | None = DateOption,
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    actors: list[Path] | None = ActorsOption,
    config: Path | None = ConfigOption,
) -> None:
    """Show what NAME stands for (on --date), with the entries and roles behind it."""
    from entente.actors import load_kb

    day = _date(when)
    settings = settings_from(config, actors=tuple(actors) if actors else None)
    kb = load_kb(tuple(settings.actors))
    actors_found = kb.lookup(name, day)
    entries = [(e, use) for e, use in kb.entries_named(name) if e.kind != "agent"]
    if as_json:
        print_json(
            {
                "name": name,
                "date": day,
                "actors": [
                    {"code": a.code, "name": a.name, "kind": a.kind, "kb_id": a.kb_id}
                    for a in actors_found
                ],
                "entries": [{**e.to_json(), "use": use, "source": e.source} for e, use in entries],
            }
        )
        return
    if not actors_found:
        err.print(
            f"no actor named {name!r}; try another spelling or `entente actors resolve` on a sentence"
        )
        raise typer.Exit(1)
    for a in actors_found:
        out.print(
            f"[bold]{a.code}[/]  {a.name}  ({a.kind}, {a.kb_id or 'composed'})", highlight=False
        )
    for e, use in entries:
        out.print(
            f"  entry {e.id} ({e.kind}, as {use}) from {e.source}", highlight=False, markup=False
        )
        for r in e.roles:
            span = f"{r.start or '…'} to {r.end or 'now'}"
            out.print(f"    {r.code:12} {span}  {r.title}", highlight=False)
