"""The ``entente`` command: thin typer commands over the Python API.

Each command module registers its commands on the one app; a command checks its
arguments, calls one API function and formats the result.
"""

from __future__ import annotations

import importlib
import sys

import typer
from rich.console import Console

from entente.errors import EntenteError

app = typer.Typer(
    name="entente",
    help="Political event data and alliance analysis from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules, each with a ``register(app)`` function.
COMMAND_MODULES = ("run", "code", "events", "actors", "evaluate", "analysis", "report", "serve")

err = Console(stderr=True)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"entente.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"entente.cli.{name}":
                continue  # that command group is not part of this build
            raise
        module.register(app)


_register_all()


def main() -> None:
    """Console-script entry point: run the app, turning EntenteError into a clean message."""
    try:
        app()
    except EntenteError as e:
        err.print(f"[bold red]error:[/] {e}", highlight=False)
        sys.exit(2)
