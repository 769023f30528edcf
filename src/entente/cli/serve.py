"""``entente serve``: the local web dashboard over an event store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from entente.cli.events import resolve_db

err = Console(stderr=True)


def serve_command(
    db: Path | None = typer.Option(
        None, "--db", help="Event store file (default: entente.duckdb)."
    ),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."
    ),
    port: int = typer.Option(8765, "--port", min=1, max=65535, help="Port to listen on."),
    lock_timeout: float = typer.Option(
        10.0,
        "--lock-timeout",
        min=0,
        help="Seconds a request waits while `entente run` holds the store.",
    ),
) -> None:
    """Serve the dashboard: overview, actors, dyads, network, shifts, stakeholders, event search.

    Every page has a JSON twin under /api (e.g. /api/actor/RUS) and the API is
    described at /openapi.json. The store is read-only here and may be filled by
    `entente run` at the same time. Stop with Ctrl+C.
    """
    from entente.report.web import check_store, serve

    path = resolve_db(db)
    check_store(path)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(
            f"[yellow]warning:[/] listening on {host}: anyone who can reach this address can read "
            "the store. Use the default 127.0.0.1 to keep it on this machine.",
            highlight=False,
        )
    shown = f"[{host}]" if ":" in host else host
    err.print(
        f"entente dashboard for {path} at http://{shown}:{port}/ (Ctrl+C stops it)", highlight=False
    )
    serve(path, host=host, port=port, lock_timeout=lock_timeout)


def register(app: typer.Typer) -> None:
    """Add ``entente serve`` to the app."""
    app.command("serve")(serve_command)
