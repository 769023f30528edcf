"""Running the coding stages on a Dask cluster.

The client reads the sources, skips what the store already holds and cuts the
rest into partitions of articles. Each worker runs the same stage function as a
local run (:func:`entente.pipeline.code_batch`, model loaded once per worker),
writes its partition's store rows as Parquet parts, and returns their paths.
The client, the one writer, loads each part into the DuckDB store as it arrives
and deletes it. Event ids are content hashes, so the store ends up identical to
a local run on the same input; an interrupted run leaves at most some orphan
parts, and re-running codes exactly the articles that are missing.

Pointing it at an existing cluster: start a scheduler and workers where the
cluster lives (``dask scheduler``; ``dask worker tcp://HOST:8786`` on each machine,
each with entente and a spaCy model installed), give every worker and the client
the same parts folder (a shared filesystem path, ``--dask-parts DIR``), then run
``entente run SOURCE... --dask tcp://HOST:8786``. ``--dask local:N`` starts a
LocalCluster of N single-threaded worker processes on this machine instead.

Example:
    >>> from entente.config import Settings
    >>> if __name__ == "__main__":  # LocalCluster needs the guard  # doctest: +SKIP
    ...     run_on_dask(["examples/"], Settings(db="out/dask.duckdb"), "local:2")
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from entente.config import Settings
from entente.errors import ConfigError
from entente.pipeline import CodedBatch, Progress, RunSummary, code_batch, run
from entente.types import Article

_TABLES = ("articles", "events", "participants", "dyads")


def code_partition(
    articles: list[Article], settings_json: str, run_id: str, parts_dir: str, name: str
) -> dict[str, Any]:
    """Code one partition on a worker and write its store rows as Parquet parts.

    Returns the part paths and the partition's counts (small, so cheap to send back).
    """
    import pyarrow.parquet as pq

    batch = code_batch(articles, Settings.model_validate_json(settings_json), run_id)
    folder = Path(parts_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for table_name, table in zip(_TABLES, batch.tables, strict=True):
        path = folder / f"{name}.{table_name}.parquet"
        tmp = path.with_suffix(".tmp")
        pq.write_table(table, tmp)
        tmp.replace(path)  # a part is complete or absent, never half-written
        paths[table_name] = str(path)
    return {
        "paths": paths,
        "n_articles": batch.n_articles,
        "sentences": batch.sentences,
        "n_events": batch.n_events,
        "pairs": dict(batch.pairs),
    }


def _load_part(meta: dict[str, Any]) -> CodedBatch:
    import pyarrow.parquet as pq

    tables = [pq.read_table(meta["paths"][t]) for t in _TABLES]
    for p in meta["paths"].values():
        Path(p).unlink(missing_ok=True)
    return CodedBatch(
        *tables,
        n_articles=meta["n_articles"],
        sentences=meta["sentences"],
        n_events=meta["n_events"],
        pairs=Counter(meta["pairs"]),
    )


@contextmanager
def connect(address: str) -> Iterator[Any]:
    """A Dask client for ``address``: ``local:N`` starts (and then stops) a LocalCluster.

    Raises:
        ConfigError: a malformed ``local:N`` or a scheduler that cannot be reached.
    """
    from distributed import Client, LocalCluster

    if address.startswith("local"):
        _, _, n = address.partition(":")
        try:
            workers = int(n or 2)
            if workers < 1:
                raise ValueError
        except ValueError:
            raise ConfigError(
                f"--dask {address!r}: use local:N with N >= 1 workers, or a scheduler address like tcp://host:8786"
            ) from None
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError) as e:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {address}: {e}. Is it running?"
        ) from e
    with client:
        yield client


def dask_executor(client: Any, parts_dir: Path) -> Any:
    """An executor (see :data:`entente.pipeline.Executor`) that codes on ``client``'s workers."""
    from distributed import as_completed

    def execute(
        chunks: Iterable[list[Article]], settings: Settings, run_id: str
    ) -> Iterator[CodedBatch]:
        settings_json = settings.model_dump_json()
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        limit = workers * 2  # bounded memory on the client: this many partitions in flight
        pending = as_completed()
        in_flight = 0
        for n, chunk in enumerate(chunks):
            # pure=False: partitions are distinct even when their contents are equal
            future = client.submit(
                code_partition,
                chunk,
                settings_json,
                run_id,
                str(parts_dir),
                f"{run_id}-{n:07d}",
                pure=False,
            )
            pending.add(future)
            in_flight += 1
            if in_flight >= limit:
                yield _load_part(next(pending).result())
                in_flight -= 1
        for future in pending:
            yield _load_part(future.result())

    return execute


def run_on_dask(
    sources: Sequence[str | Path],
    settings: Settings,
    address: str,
    parts_dir: Path | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Like :func:`entente.pipeline.run`, with parsing and coding on a Dask cluster.

    Args:
        sources: files, directories, URLs or ``-``.
        settings: run settings (the store is written by this process only).
        address: ``local:N`` or a scheduler address (``tcp://host:8786``).
        parts_dir: folder for the workers' Parquet parts, shared with every worker
            (default: a temporary folder, fine for ``local:N``).
        progress: optional progress callback.
    """
    own_parts = parts_dir is None
    folder = Path(tempfile.mkdtemp(prefix="entente-parts-")) if own_parts else Path(parts_dir)
    try:
        with connect(address) as client:
            return run(sources, settings, progress=progress, executor=dask_executor(client, folder))
    finally:
        if own_parts:
            shutil.rmtree(folder, ignore_errors=True)
