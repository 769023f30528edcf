"""Exporting stored events to files: Parquet, JSON Lines, CSV and a dyadic TSV.

Formats:

``parquet`` / ``jsonl``
    One record per event: every ``events`` column, then ``article_source``,
    ``url``, ``title``, a nested ``participants`` list (role, code, name, country,
    agent, kind, text, start, end) and a nested ``dyads`` list (source, target).

``csv``
    One row per directed dyad of an event (an event with three parties talking
    gives six rows; an event with no dyad gives one row with empty source and
    target). Columns: ``event_id, date, source, target, cameo, root, quad,
    goldstein, plover, plover_mode, mode, confidence, coder, location,
    article_id, sentence_index, article_source, url, title, trigger, sentence``.

``tsv``
    The tab-separated dyadic layout of the GDELT / Phoenix event files, with a
    header row, no quoting, and tabs and line breaks inside text replaced by
    spaces. Columns, in order:

    ============== ==============================================================
    event_id       entente event id (content hash)
    date           event date as YYYYMMDD (empty if unknown)
    year, month,   the date's parts
    day
    source         source actor code (e.g. RUSGOV), empty if missing
    source_root    its country-level unit (RUS; international codes such as
                   IGOUNO are kept whole)
    source_agent   the agent part (GOV), empty for international codes
    target,        the same three for the target
    target_root,
    target_agent
    cameo          CAMEO event code with leading zero (042)
    root           CAMEO root (04)
    quad           QuadClass 1-4
    goldstein      Goldstein value of the code
    plover         PLOVER event type
    mode           asserted, negated, future, hypothetical or demanded
    confidence     coder confidence 0-1
    location       place named as the event's location, if any
    article_id     id of the article that reports it
    article_source publisher or feed name
    url            article address, if known
    sentence       the sentence that reports the event
    ============== ==============================================================
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import duckdb

from entente.errors import QueryError, StoreError
from entente.store.queries import _DYADS_NESTED, _PARTICIPANTS_NESTED
from entente.store.rollup import agent_sql, rollup_sql

ExportFormat = Literal["parquet", "csv", "jsonl", "tsv"]
EXPORT_FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl", "tsv")

_NESTED = f"""
    WITH parts AS ({_PARTICIPANTS_NESTED.format(where="")}),
         dy AS ({_DYADS_NESTED.format(where="")})
    SELECT e.*, a.source AS article_source, a.url, a.title,
           coalesce(parts.participants, []) AS participants,
           coalesce(dy.dyads, []) AS dyads
    FROM events e
    LEFT JOIN articles a ON a.id = e.article_id
    LEFT JOIN parts ON parts.event_id = e.id
    LEFT JOIN dy ON dy.event_id = e.id
    ORDER BY e.date NULLS LAST, e.article_id, e.sentence_index, e.id
"""

_DYADIC_CSV = """
    SELECT e.id AS event_id, e.date, d.source, d.target, e.cameo, e.root, e.quad,
           e.goldstein, e.plover, e.plover_mode, e.mode, e.confidence, e.coder, e.location,
           e.article_id, e.sentence_index, a.source AS article_source, a.url, a.title,
           e.trigger, e.sentence
    FROM events e
    LEFT JOIN event_dyads d ON d.event_id = e.id
    LEFT JOIN articles a ON a.id = e.article_id
    ORDER BY e.date NULLS LAST, e.article_id, e.sentence_index, e.id, d.pair
"""


def _flat(expr: str) -> str:
    """SQL that makes a text value safe for an unquoted TSV field (no tabs or line breaks)."""
    return f"coalesce(regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g'), '')"


_DYADIC_TSV = f"""
    SELECT e.id AS event_id,
           coalesce(strftime(e.date, '%Y%m%d'), '') AS date,
           coalesce(CAST(year(e.date) AS VARCHAR), '') AS year,
           coalesce(CAST(month(e.date) AS VARCHAR), '') AS month,
           coalesce(CAST(day(e.date) AS VARCHAR), '') AS day,
           coalesce(d.source, '') AS source,
           coalesce({rollup_sql("d.source")}, '') AS source_root,
           {agent_sql("d.source")} AS source_agent,
           coalesce(d.target, '') AS target,
           coalesce({rollup_sql("d.target")}, '') AS target_root,
           {agent_sql("d.target")} AS target_agent,
           e.cameo, e.root, e.quad, e.goldstein, e.plover, e.mode, e.confidence,
           {_flat("e.location")} AS location,
           e.article_id,
           {_flat("a.source")} AS article_source,
           {_flat("a.url")} AS url,
           {_flat("e.sentence")} AS sentence
    FROM events e
    LEFT JOIN event_dyads d ON d.event_id = e.id
    LEFT JOIN articles a ON a.id = e.article_id
    ORDER BY e.date NULLS LAST, e.article_id, e.sentence_index, e.id, d.pair
"""

_OPTIONS = {
    "parquet": (_NESTED, "FORMAT parquet, COMPRESSION zstd"),
    "jsonl": (_NESTED, "FORMAT json"),
    "csv": (_DYADIC_CSV, "FORMAT csv, HEADER true"),
    # No quote character: the text columns have been made tab- and newline-free.
    "tsv": (_DYADIC_TSV, "FORMAT csv, HEADER true, DELIMITER '\t', QUOTE ''"),
}


def export_events(con: duckdb.DuckDBPyConnection, fmt: str, out: Path) -> int:
    """Write all stored events to ``out`` in one of :data:`EXPORT_FORMATS`; return rows written.

    Raises:
        QueryError: an unknown format.
        StoreError: the file cannot be written.

    Example:
        >>> export_events(con, "parquet", Path("events.parquet"))  # doctest: +SKIP
        1520
    """
    if fmt not in _OPTIONS:
        raise QueryError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    query, options = _OPTIONS[fmt]
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot create the folder for {out}: {e}") from e
    # COPY takes no parameter for its file name; quote it as a SQL string literal.
    target = str(out).replace("'", "''")
    try:
        result = con.execute(f"COPY ({query}) TO '{target}' ({options})").fetchall()
    except duckdb.Error as e:
        raise StoreError(f"cannot export to {out}: {e}. Check the path and free space.") from e
    return int(result[0][0]) if result else 0
