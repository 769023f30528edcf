"""The event store: one DuckDB file holding articles, events, participants and failures.

Example:
    >>> from entente.store import Store
    >>> with Store.open("entente.duckdb") as store:  # doctest: +SKIP
    ...     run = store.start_run(["examples/"], "{}", "entente-rules 0.1")
    ...     result = store.write_articles([(article, n_sentences, events)], run)
    ...     table = store.events(actor="RUS", code="04")

Sharing the file between processes: DuckDB admits one writing process or several
reading ones. ``Store.open(path, keep_open=False)`` opens the file only for the
length of each operation (one write batch, one query) and closes it after, so a
long ``entente run`` lets read-only readers in between its batches; readers open
with ``read_only=True, keep_open=False`` too. Both sides retry a locked file with
backoff for up to ``lock_timeout`` seconds (see :mod:`entente.store.locking`).
A batch is one transaction, so a reader sees all of it or none of it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Literal

import duckdb
import pyarrow as pa

from entente.errors import StoreError
from entente.store import queries
from entente.store.export import ExportFormat, export_events
from entente.store.locking import DEFAULT_LOCK_TIMEOUT, connect_with_retry
from entente.store.migrate import check_version, migrate
from entente.store.queries import EventFilter, StoreSummary
from entente.store.rows import (
    ARTICLE_SCHEMA,
    DYAD_SCHEMA,
    EVENT_SCHEMA,
    FAILURE_SCHEMA,
    PARTICIPANT_SCHEMA,
    article_from_row,
    article_table,
    event_tables,
    events_from_rows,
    failure_table,
)
from entente.types import Article, Event, Failure

RUN_COUNTS = ("articles_read", "articles_new", "failures", "sentences", "events")
"""The per-run counters :meth:`Store.finish_run` accepts."""


@dataclass(frozen=True, slots=True)
class WriteResult:
    """How many articles and events a write actually added (0 for what was already there)."""

    articles_new: int
    events_new: int


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table, extra: str = "") -> int:
    """Insert an Arrow table into a store table, skipping rows whose key exists; return added."""
    if rows.num_rows == 0:
        return 0
    view = f"_batch_{table}"
    con.register(view, rows)
    try:
        cols = ", ".join(f'"{c}"' for c in rows.schema.names)
        extra_cols, extra_vals = (f", {extra}", f", {_EXTRA_VALUES[extra]}") if extra else ("", "")
        result = con.execute(
            f"INSERT INTO {table} ({cols}{extra_cols}) "
            f"SELECT {cols}{extra_vals} FROM {view} ON CONFLICT DO NOTHING"
        ).fetchall()
    finally:
        con.unregister(view)
    return int(result[0][0]) if result else 0


# Columns the store fills in itself, with the SQL expression that fills them.
_EXTRA_VALUES = {
    "ingested_at": "current_localtimestamp()",
    "failed_at": "current_localtimestamp()",
}


class Store:
    """An open event store (a DuckDB file); use :meth:`open`, ideally as a context manager."""

    def __init__(self, path: Path, read_only: bool, keep_open: bool, lock_timeout: float) -> None:
        """Set up a store object; call :meth:`open` instead, which also checks the schema."""
        self.path = path
        self.read_only = read_only
        self.keep_open = keep_open
        self.lock_timeout = lock_timeout
        self._con: duckdb.DuckDBPyConnection | None = None
        self._closed = False

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        read_only: bool = False,
        *,
        keep_open: bool = True,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    ) -> Store:
        """Open (and for writing, create and migrate) an event store.

        Args:
            path: the DuckDB file; created with its folder when opened for writing.
            read_only: open for reading only; the file must exist with a current schema.
            keep_open: hold the file for the store's lifetime (fastest, but locks other
                processes out); False opens it for each operation only, so another
                process can read or write in between.
            lock_timeout: seconds to retry while another process holds the file.

        Raises:
            StoreError: no such file (read-only), a locked file after ``lock_timeout``,
                not a DuckDB file, or a schema newer than this code.

        Example:
            >>> with Store.open("entente.duckdb", read_only=True) as s:  # doctest: +SKIP
            ...     print(s.summary().events)
        """
        p = Path(path)
        if read_only and not p.is_file():
            raise StoreError(
                f"no event store at {p}. Create one with `entente run SOURCE --db {p}`, "
                "or pass the right --db path."
            )
        if not read_only:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create the folder for the store {p}: {e}") from e
        store = cls(p, read_only, keep_open, lock_timeout)
        con = connect_with_retry(p, read_only, lock_timeout)
        try:
            if read_only:
                check_version(con, str(p), read_only=True)
            else:
                migrate(con, str(p))
        except BaseException:
            con.close()
            raise
        if keep_open:
            store._con = con
        else:
            con.close()
        return store

    def close(self) -> None:
        """Close the file (a store can be closed twice)."""
        if self._con is not None:
            self._con.close()
            self._con = None
        self._closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A DuckDB connection for one operation (the held one, or a fresh one closed after).

        For entente's own query modules (``entente.store.*``); other packages call
        the store's query functions instead of writing SQL.
        """
        if self._closed:
            raise StoreError(f"the store {self.path} is closed; open it again with Store.open")
        if self._con is not None:
            yield self._con
            return
        con = connect_with_retry(self.path, self.read_only, self.lock_timeout)
        try:
            yield con
        finally:
            con.close()

    def _writable(self, what: str) -> None:
        if self.read_only:
            raise StoreError(
                f"cannot {what}: the store {self.path} was opened read-only; "
                "open it with Store.open(path) to write"
            )

    # -- writing ------------------------------------------------------------------------

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored (to skip them before NLP).

        Example:
            >>> store.known_article_ids(["300f9f191a89c5b3", "ffff"])  # doctest: +SKIP
            {'300f9f191a89c5b3'}
        """
        wanted = list(dict.fromkeys(ids))
        with self.connection() as con:
            return queries.known_ids(con, wanted)

    def write_articles(
        self, batch: Sequence[tuple[Article, int, Sequence[Event]]], run_id: str
    ) -> WriteResult:
        """Store a batch of articles with their events, all in one transaction.

        Each item is ``(article, number of sentences, events)``. Rows whose id is
        already stored are skipped, so writing the same batch twice adds nothing.
        If anything fails, nothing of the batch is stored.

        Args:
            batch: articles with their sentence counts and events.
            run_id: the run that produced them (from :meth:`start_run`).

        Returns:
            How many articles and events were new.

        Raises:
            StoreError: a value the schema refuses (the batch is rolled back), or a
                read-only store.
        """
        self._writable("write articles")
        try:
            articles = article_table([(a, n) for a, n, _ in batch], run_id)
            events, parts, dyads = event_tables([e for _, _, evs in batch for e in evs])
        except (pa.ArrowException, TypeError, ValueError, AttributeError) as e:
            raise StoreError(
                f"cannot store this batch: a field has the wrong type ({e}). "
                "Articles and events must be entente.types values."
            ) from e
        return self.write_tables(articles, events, parts, dyads)

    def write_tables(
        self, articles: pa.Table, events: pa.Table, participants: pa.Table, dyads: pa.Table
    ) -> WriteResult:
        """Store ready-made row tables (from :mod:`entente.store.rows`) in one transaction.

        The tables may come from another process or machine (e.g. Parquet parts written
        by Dask workers); as with :meth:`write_articles`, existing ids are skipped and a
        failure stores nothing.

        Raises:
            StoreError: a value the schema refuses (rolled back), or a read-only store.
        """
        self._writable("write articles")
        with self.connection() as con:
            con.begin()
            try:
                n_articles = _insert(con, "articles", articles, "ingested_at")
                n_events = _insert(con, "events", events)
                _insert(con, "participants", participants)
                _insert(con, "event_dyads", dyads)
                con.commit()
            except duckdb.Error as e:
                con.rollback()
                raise StoreError(
                    f"storing a batch of {articles.num_rows} article(s) failed and was rolled back: {e}"
                ) from e
            except BaseException:
                con.rollback()
                raise
        return WriteResult(n_articles, n_events)

    def write_failures(self, failures: Sequence[Failure], run_id: str | None) -> int:
        """Record inputs that failed; return how many were new (same origin+reason+stage once).

        Raises:
            StoreError: a read-only store or a write error.
        """
        self._writable("write failures")
        rows = failure_table(failures, run_id)
        with self.connection() as con:
            try:
                return _insert(con, "failures", rows, "failed_at")
            except duckdb.Error as e:
                raise StoreError(f"recording {len(failures)} failure(s) failed: {e}") from e

    def start_run(self, sources: Sequence[str], settings_json: str, coder: str) -> str:
        """Record the start of a run and return its id.

        Args:
            sources: the inputs as given on the command line.
            settings_json: the run's settings as JSON text.
            coder: coder name and version.
        """
        self._writable("start a run")
        try:
            json.loads(settings_json)
        except json.JSONDecodeError as e:
            raise StoreError(f"settings_json is not JSON ({e}); pass json.dumps(settings)") from e
        run_id = f"{datetime.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        with self.connection() as con:
            con.execute(
                "INSERT INTO runs (run_id, started_at, sources, settings, coder) "
                "VALUES (?, current_localtimestamp(), ?, ?, ?)",
                [run_id, list(sources), settings_json, coder],
            ).fetchall()
        return run_id

    def finish_run(self, run_id: str, counts: Mapping[str, int]) -> None:
        """Record the end of a run with its counters (any of :data:`RUN_COUNTS`).

        Raises:
            StoreError: an unknown counter name or run id.
        """
        self._writable("finish a run")
        unknown = sorted(set(counts) - set(RUN_COUNTS))
        if unknown:
            raise StoreError(
                f"unknown run counter(s) {', '.join(unknown)}; use {', '.join(RUN_COUNTS)}"
            )
        sets = ", ".join([f"{k} = ?" for k in counts] + ["finished_at = current_localtimestamp()"])
        with self.connection() as con:
            found = con.execute(
                f"UPDATE runs SET {sets} WHERE run_id = ?", [*counts.values(), run_id]
            ).fetchall()
        if not found or found[0][0] == 0:
            raise StoreError(f"no run {run_id!r} in {self.path}; use the id start_run returned")

    # -- reading ------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        code: str | None = None,
        since: date | None = None,
        until: date | None = None,
        mode: str | None = None,
        limit: int | None = None,
        text: str | None = None,
    ) -> pa.Table:
        """Stored events matching all the given filters, oldest first.

        Args:
            actor: actor code prefix of any participant (``RUS`` matches ``RUSGOV``).
            dyad: (source, target) code prefixes of a directed pair.
            code: CAMEO code prefix.
            since, until: inclusive date range.
            mode: asserted, negated, future, hypothetical or demanded.
            limit: at most this many rows.
            text: words that must appear in the sentence, as written (any case).

        Returns:
            One row per event; see :func:`entente.store.queries.select_events` for columns.

        Raises:
            QueryError: an unknown mode, a negative limit, an empty date range.

        Example:
            >>> store.events(dyad=("RUS", "EGY"), code="04").num_rows  # doctest: +SKIP
            3
        """
        f = EventFilter(actor, dyad, code, since, until, mode, limit, text)
        with self.connection() as con:
            return queries.select_events(con, f)

    def summary(self, top: int = 10) -> StoreSummary:
        """Counts of articles, sentences, events and failures, top dyads and failure reasons."""
        with self.connection() as con:
            return queries.summary(con, top)

    def actor_names(self, codes: Sequence[str]) -> dict[str, str]:
        """The name each actor code goes by in the store (see :func:`entente.store.queries.actor_names`).

        Example:
            >>> store.actor_names(["RUSGOV", "IGOUNO"])  # doctest: +SKIP
            {'IGOUNO': 'United Nations', 'RUSGOV': 'Russia government'}
        """
        with self.connection() as con:
            return queries.actor_names(con, list(codes))

    def failures(self) -> list[Failure]:
        """Every recorded failure, oldest first."""
        with self.connection() as con:
            rows = queries.failure_rows(con)
        return [Failure(origin=r["origin"], reason=r["reason"], stage=r["stage"]) for r in rows]

    def get_events(
        self, ids: Sequence[str] | None = None, article_id: str | None = None
    ) -> list[Event]:
        """Stored events as :class:`~entente.types.Event` values (by id, by article, or all)."""
        with self.connection() as con:
            ev, parts = queries.event_rows(con, list(ids) if ids is not None else None, article_id)
        return events_from_rows(ev, parts)

    def get_article(self, article_id: str) -> Article | None:
        """A stored article, or None."""
        with self.connection() as con:
            row = queries.article_row(con, article_id)
        return article_from_row(row) if row else None

    def export(
        self, fmt: ExportFormat | Literal["parquet", "csv", "jsonl", "tsv"], out: Path
    ) -> int:
        """Write all events to a file; return the number of rows written.

        Formats: ``parquet`` and ``jsonl`` (one record per event, participants
        nested), ``csv`` (one row per directed dyad) and ``tsv`` (GDELT/Phoenix-
        style dyadic columns; see :mod:`entente.store.export`).

        Raises:
            QueryError: an unknown format.
            StoreError: the file cannot be written.
        """
        with self.connection() as con:
            return export_events(con, fmt, Path(out))


# Column lists are also the contract with the schema; keep them importable for checks.
SCHEMAS = {
    "articles": ARTICLE_SCHEMA,
    "events": EVENT_SCHEMA,
    "participants": PARTICIPANT_SCHEMA,
    "event_dyads": DYAD_SCHEMA,
    "failures": FAILURE_SCHEMA,
}
