"""Conversion between entente's dataclasses and the store's column batches.

A write batch becomes one Arrow table per store table, built column by column,
so DuckDB inserts each table in a single statement. Reading goes the other way
for the few callers that want dataclasses back (tests, review tools).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

import pyarrow as pa

from entente.types import Actor, Article, Event, Evidence, Failure, Participant, content_id

ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("origin", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("published", pa.date32()),
        ("date_source", pa.string()),
        ("language", pa.string()),
        ("text", pa.string()),
        ("meta", pa.string()),
        ("n_sentences", pa.int32()),
        ("run_id", pa.string()),
    ]
)

EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("article_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("date", pa.date32()),
        ("cameo", pa.string()),
        ("root", pa.string()),
        ("quad", pa.int8()),
        ("goldstein", pa.float64()),
        ("plover", pa.string()),
        ("plover_mode", pa.string()),
        ("mode", pa.string()),
        ("location", pa.string()),
        ("confidence", pa.float64()),
        ("coder", pa.string()),
        ("sentence", pa.string()),
        ("sentence_start", pa.int32()),
        ("sentence_end", pa.int32()),
        ("trigger", pa.string()),
        ("trigger_start", pa.int32()),
        ("trigger_end", pa.int32()),
    ]
)

PARTICIPANT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("position", pa.int32()),
        ("role", pa.string()),
        ("actor_code", pa.string()),
        ("actor_name", pa.string()),
        ("country", pa.string()),
        ("agent", pa.string()),
        ("kind", pa.string()),
        ("kb_id", pa.string()),
        ("text", pa.string()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
    ]
)

DYAD_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("pair", pa.int32()),
        ("article_id", pa.string()),
        ("source", pa.string()),
        ("target", pa.string()),
        ("date", pa.date32()),
        ("cameo", pa.string()),
        ("root", pa.string()),
        ("quad", pa.int8()),
        ("goldstein", pa.float64()),
        ("mode", pa.string()),
    ]
)

FAILURE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("origin", pa.string()),
        ("reason", pa.string()),
        ("stage", pa.string()),
        ("run_id", pa.string()),
    ]
)


def _table(schema: pa.Schema, rows: list[tuple[Any, ...]]) -> pa.Table:
    """Build an Arrow table from row tuples (transposed once, then one array per column)."""
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in schema]
    return pa.Table.from_arrays(
        [pa.array(list(col), type=f.type) for col, f in zip(columns, schema, strict=True)],
        schema=schema,
    )


def article_table(batch: Sequence[tuple[Article, int]], run_id: str) -> pa.Table:
    """The ``articles`` rows of a batch (first occurrence of each id wins)."""
    rows: dict[str, tuple[Any, ...]] = {}
    for a, n_sentences in batch:
        if a.id in rows:
            continue
        meta = json.dumps(dict(a.meta), sort_keys=True, default=str, ensure_ascii=False)
        rows[a.id] = (
            a.id, a.source, a.origin, a.url, a.title, a.published, a.date_source,
            a.language, a.text, meta, n_sentences, run_id,
        )  # fmt: skip
    return _table(ARTICLE_SCHEMA, list(rows.values()))


def event_tables(events: Sequence[Event]) -> tuple[pa.Table, pa.Table, pa.Table]:
    """The ``events``, ``participants`` and ``event_dyads`` rows of some events.

    Duplicate event ids (the same event listed twice) are written once.
    """
    ev_rows: list[tuple[Any, ...]] = []
    part_rows: list[tuple[Any, ...]] = []
    dyad_rows: list[tuple[Any, ...]] = []
    seen: set[str] = set()
    for e in events:
        if e.id in seen:
            continue
        seen.add(e.id)
        ev = e.evidence
        ev_rows.append(
            (e.id, e.article_id, e.sentence_index, e.date, e.cameo, e.root, e.quad,
             float(e.goldstein), e.plover, e.plover_mode, e.mode, e.location,
             float(e.confidence), e.coder, ev.sentence, ev.sentence_start, ev.sentence_end,
             ev.trigger, ev.trigger_start, ev.trigger_end)
        )  # fmt: skip
        for pos, p in enumerate(e.participants):
            a = p.actor
            part_rows.append(
                (e.id, pos, p.role, a.code, a.name, a.country, a.agent, a.kind, a.kb_id,
                 p.text, p.start_char, p.end_char)
            )  # fmt: skip
        for pair, (src, tgt) in enumerate(e.dyads()):
            dyad_rows.append(
                (e.id, pair, e.article_id, src, tgt, e.date, e.cameo, e.root, e.quad,
                 float(e.goldstein), e.mode)
            )  # fmt: skip
    return (
        _table(EVENT_SCHEMA, ev_rows),
        _table(PARTICIPANT_SCHEMA, part_rows),
        _table(DYAD_SCHEMA, dyad_rows),
    )


def failure_table(failures: Sequence[Failure], run_id: str | None) -> pa.Table:
    """The ``failures`` rows; the id is a hash of origin, reason and stage."""
    rows: dict[str, tuple[Any, ...]] = {}
    for f in failures:
        fid = content_id(f.origin, f.reason, f.stage)
        rows.setdefault(fid, (fid, f.origin, f.reason, f.stage, run_id))
    return _table(FAILURE_SCHEMA, list(rows.values()))


def events_from_rows(
    event_rows: list[dict[str, Any]], part_rows: list[dict[str, Any]]
) -> list[Event]:
    """Rebuild Events from ``events`` rows and their ``participants`` rows."""
    by_event: dict[str, list[dict[str, Any]]] = {}
    for p in sorted(part_rows, key=lambda r: (r["event_id"], r["position"])):
        by_event.setdefault(p["event_id"], []).append(p)
    out: list[Event] = []
    for r in event_rows:
        participants = tuple(
            Participant(
                actor=Actor(
                    code=p["actor_code"],
                    name=p["actor_name"],
                    country=p["country"],
                    agent=p["agent"],
                    kind=p["kind"],
                    kb_id=p["kb_id"],
                ),
                role=p["role"],
                start_char=p["start_char"],
                end_char=p["end_char"],
                text=p["text"],
            )  # fmt: skip
            for p in by_event.get(r["id"], [])
        )
        evidence = Evidence(
            sentence=r["sentence"], sentence_start=r["sentence_start"],
            sentence_end=r["sentence_end"], trigger=r["trigger"],
            trigger_start=r["trigger_start"], trigger_end=r["trigger_end"],
        )  # fmt: skip
        out.append(
            Event(
                id=r["id"],
                article_id=r["article_id"],
                sentence_index=r["sentence_index"],
                date=r["date"],
                cameo=r["cameo"],
                root=r["root"],
                quad=r["quad"],
                goldstein=r["goldstein"],
                plover=r["plover"],
                mode=r["mode"],
                participants=participants,
                evidence=evidence,
                confidence=r["confidence"],
                coder=r["coder"],
                plover_mode=r["plover_mode"],
                location=r["location"],
            )  # fmt: skip
        )
    return out


def article_from_row(r: dict[str, Any]) -> Article:
    """Rebuild an Article from its ``articles`` row."""
    published: date | None = r["published"]
    return Article(
        id=r["id"], source=r["source"], origin=r["origin"], text=r["text"], url=r["url"],
        title=r["title"], published=published, date_source=r["date_source"],
        language=r["language"], meta=json.loads(r["meta"]) if r["meta"] else {},
    )  # fmt: skip
