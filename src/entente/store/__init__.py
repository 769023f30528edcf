"""The event store: a versioned DuckDB schema, idempotent writes, queries and exports.

Only this package knows SQL. Everything else (the pipeline, the analysis, the
CLI, the dashboard) calls :class:`Store` methods or the query functions here.
"""

from entente.store.db import RUN_COUNTS, Store, WriteResult
from entente.store.export import EXPORT_FORMATS, export_events
from entente.store.locking import DEFAULT_LOCK_TIMEOUT, connect_with_retry
from entente.store.migrate import latest_version
from entente.store.queries import EventFilter, StoreSummary
from entente.store.rollup import rollup_code

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "EXPORT_FORMATS",
    "RUN_COUNTS",
    "EventFilter",
    "Store",
    "StoreSummary",
    "WriteResult",
    "connect_with_retry",
    "export_events",
    "latest_version",
    "rollup_code",
]
