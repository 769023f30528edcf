"""Opening the DuckDB file when another process may hold it, with retry and backoff.

DuckDB lets one process write a database file, or several processes read it,
never both at once: a writer's lock keeps readers out and a reader's lock keeps
the writer out. entente shares one file between ``entente run`` (the writer) and
readers such as the dashboard by keeping every connection short: the writer
opens the file for each batch and closes it after the commit, a reader opens it
read-only for each query. Whoever finds the file locked waits a little and tries
again (:func:`connect_with_retry`), so both make progress and a reader never sees
half a batch (a batch is one transaction).
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import duckdb

from entente.errors import StoreError

DEFAULT_LOCK_TIMEOUT = 30.0
"""Seconds to keep retrying a locked file before giving up."""

_FIRST_DELAY = 0.01
_MAX_DELAY = 0.5


def is_lock_error(error: BaseException) -> bool:
    """Whether a DuckDB error means another process holds the file's lock."""
    return isinstance(error, duckdb.IOException) and "lock" in str(error).lower()


def _holder(error: BaseException) -> str:
    """The 'process (PID n)' part of DuckDB's lock message, if it names one."""
    m = re.search(r"held in (.+?\(PID \d+\))", str(error))
    return m.group(1) if m else "another process"


def connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB connection once, turning DuckDB's errors into StoreError.

    Raises:
        StoreError: the file is locked, is not a DuckDB database, or cannot be opened.
    """
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as e:
        if is_lock_error(e):
            raise StoreError(
                f"the store {path} is locked by {_holder(e)}, which is writing to it. "
                "Wait for that run to finish, or read with Store.open(path, read_only=True, "
                "keep_open=False), which retries until the writer lets go between batches."
            ) from e
        raise StoreError(
            f"cannot open {path} as a DuckDB event store: {e}. "
            "Check the path, or choose a new file with --db."
        ) from e
    except duckdb.Error as e:
        raise StoreError(
            f"cannot open {path} as a DuckDB event store: {e}. "
            "If this process already has the file open in another mode, close that first."
        ) from e
    # No progress bar: it would write into the output of commands such as --json.
    con.execute("SET enable_progress_bar = false").fetchall()
    return con


def connect_with_retry(
    path: Path, read_only: bool, timeout: float = DEFAULT_LOCK_TIMEOUT
) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB connection, waiting with backoff while another process holds the lock.

    Args:
        path: the database file.
        read_only: open for reading only (several readers may share the file).
        timeout: seconds to keep trying; 0 tries once.

    Returns:
        An open connection; the caller closes it.

    Raises:
        StoreError: still locked after ``timeout`` seconds (the message names the holder),
            or the file cannot be opened at all.

    Example:
        >>> con = connect_with_retry(Path("entente.duckdb"), read_only=True)  # doctest: +SKIP
    """
    deadline = time.monotonic() + max(timeout, 0.0)
    delay = _FIRST_DELAY
    while True:
        try:
            return connect(path, read_only)
        except StoreError as e:
            if e.__cause__ is None or not is_lock_error(e.__cause__):
                raise
            if time.monotonic() >= deadline:
                raise StoreError(f"{e} (gave up after {timeout:g} s of retrying)") from e.__cause__
        # Jitter keeps a reader and a writer that collided from colliding again in step.
        time.sleep(delay * (0.5 + random.random()))
        delay = min(delay * 2, _MAX_DELAY)
