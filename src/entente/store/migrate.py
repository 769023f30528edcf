"""The store's versioned schema: migration files and the table that records them.

Migrations are the files ``entente/store/migrations/NNN_name.sql``, applied in
order of ``NNN``, each in its own transaction, and recorded in
``schema_migrations(version, name, applied_at)``. A store whose recorded version
is newer than the newest file this code knows is refused, so an old entente
never writes into a schema it does not understand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import duckdb

from entente.errors import StoreError

_FILE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema migration file: its version number, name and SQL."""

    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """The migration files shipped with entente, in version order.

    Raises:
        StoreError: a misnamed file or two files with the same version.
    """
    found: dict[int, Migration] = {}
    folder = resources.files("entente.store") / "migrations"
    for entry in folder.iterdir():
        if not entry.name.endswith(".sql"):
            continue
        m = _FILE.match(entry.name)
        if not m:
            raise StoreError(
                f"migration file {entry.name!r} is misnamed; "
                "name migrations NNN_lowercase_name.sql (e.g. 002_add_locations.sql)"
            )
        version = int(m.group(1))
        if version in found:
            raise StoreError(
                f"two migrations have version {version:03d}: "
                f"{found[version].name!r} and {m.group(2)!r}; renumber one of them"
            )
        found[version] = Migration(version, m.group(2), entry.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def latest_version() -> int:
    """The newest schema version this code knows (0 if it ships no migrations)."""
    migrations = load_migrations()
    return migrations[-1].version if migrations else 0


def current_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version recorded in a store, or None if it has no migrations table."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name = 'schema_migrations'"
    ).fetchall()
    if not exists or exists[0][0] == 0:
        return None
    rows = con.execute("SELECT max(version) FROM schema_migrations").fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def check_version(con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> int:
    """Check that a store's schema can be used by this code; return its version.

    Raises:
        StoreError: the schema is newer than this code, or (read-only) older or missing.
    """
    known = latest_version()
    version = current_version(con)
    if version is not None and version > known:
        raise StoreError(
            f"the store {path} has schema version {version}, newer than this entente "
            f"understands (up to {known}). Upgrade entente (pip install -U entente) "
            "or use another --db file."
        )
    if read_only and (version is None or version < known):
        found = "no entente schema" if version is None else f"schema version {version}"
        raise StoreError(
            f"the store {path} has {found}, and this entente needs version {known}. "
            "Open it once for writing (e.g. `entente run ... --db` on it) to create or "
            "upgrade the schema."
        )
    return version or 0


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> list[int]:
    """Apply the migrations a store lacks; return the versions applied.

    Raises:
        StoreError: the schema is newer than this code, or a migration fails (that
            migration is rolled back; earlier ones stay applied).
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    ).fetchall()
    have = check_version(con, path, read_only=False)
    applied: list[int] = []
    for migration in load_migrations():
        if migration.version <= have:
            continue
        con.begin()
        try:
            con.execute(migration.sql).fetchall()
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_localtimestamp())",
                [migration.version, migration.name],
            ).fetchall()
            con.commit()
        except duckdb.Error as e:
            con.rollback()
            raise StoreError(
                f"migration {migration.version:03d}_{migration.name} failed on {path}: {e}. "
                "The store is left at the previous version; report this with the file."
            ) from e
        applied.append(migration.version)
    return applied
