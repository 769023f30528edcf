"""Options and helpers shared by the CLI commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from entente.config import Settings, load_settings

out = Console()
err = Console(stderr=True)

DbOption = typer.Option(
    None, "--db", help="DuckDB event store (default: entente.duckdb or settings)."
)
ConfigOption = typer.Option(
    None, "--config", help="Settings file (TOML); default ./entente.toml if present."
)


def settings_from(config: Path | None = None, **overrides: Any) -> Settings:
    """Settings from the config file, environment and the command's own options."""
    return load_settings(config, **overrides)


def print_json(data: Any) -> None:
    """Write data as JSON to stdout (dates and paths as strings)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
