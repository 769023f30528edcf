"""The stages wired together: sources in, coded events out (and into the store).

One article goes ingest -> nlp -> actors -> coding -> store. The expensive middle
(parse, resolve, code) is :func:`process_articles`, a pure function of a chunk of
articles and the settings: it runs in the calling process, in local worker
processes, or on Dask workers, and always gives the same events for the same
articles, because event ids are content hashes.

Example:
    >>> from entente.config import Settings
    >>> summary = run(["examples/"], Settings(db="out/demo.duckdb"))  # doctest: +SKIP
    >>> summary.events > 0                                               # doctest: +SKIP
    True
"""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from entente.coding import reportable
from entente.config import Settings
from entente.types import Article, Event, Failure, ParsedSentence


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the middle stages made of one article."""

    article: Article
    n_sentences: int
    events: tuple[Event, ...]


@dataclass
class RunSummary:
    """What a run did, for the CLI summary and for scripts."""

    run_id: str
    db: str
    articles_read: int = 0
    articles_new: int = 0
    articles_known: int = 0
    duplicates: int = 0
    sentences: int = 0
    events: int = 0
    events_new: int = 0
    failures: list[Failure] = field(default_factory=list)
    top_dyads: list[tuple[str, str, int]] = field(default_factory=list)
    actor_names: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["failures"] = [
            {"origin": f.origin, "reason": f.reason, "stage": f.stage} for f in self.failures
        ]
        d["top_dyads"] = [{"source": s, "target": t, "events": n} for s, t, n in self.top_dyads]
        return d


Progress = Callable[[str, int], None]
"""A callback ``progress(what, n)``: n more articles read / done."""


# --- the middle stages, per process -------------------------------------------------------


class Stages:
    """The per-process machinery of the middle stages: model, knowledge base, resolver, coder.

    Built once per process (see :func:`stages_for`), because loading the model and
    compiling the dictionaries is what costs; using them is cheap.
    """

    def __init__(self, settings: Settings) -> None:
        from entente.actors import Resolver, load_kb
        from entente.coding import Coder, load_lexicon
        from entente.nlp import load_model
        from entente.nlp.morphology import REPLACED, Morphology

        self.settings = settings
        # The attribute ruler and lemmatizer cost as much as tagging and parsing; their
        # results come from a cache over the same rules instead (identical output).
        no_ner = () if settings.ner else ("ner",)
        self.nlp = load_model(tuple(settings.model), disable=REPLACED + no_ner)
        try:
            self.morphology: Morphology | None = Morphology(self.nlp)
        except ValueError:  # a pipeline without those components: use it as it is
            self.nlp = load_model(tuple(settings.model), disable=no_ner)
            self.morphology = None
        self.kb = load_kb(tuple(settings.actors))
        self.resolver = Resolver(self.kb)
        self.coder = Coder(lexicon=load_lexicon(tuple(settings.verbs)), kb=self.kb)
        self.timings: dict[str, float] = {}  # seconds per stage, for benchmarks

    def code_sentences(self, sentences: Sequence[ParsedSentence], when: date | None) -> list[Event]:
        """Resolve actors and code events in the parsed sentences of one article, in order.

        The article's context carries the actors of earlier sentences to later ones, so
        "the Coalition" or "Jaafari" resolve to the actor named in full before.
        """
        from entente.actors import ArticleContext

        events: list[Event] = []
        t_resolve = t_code = 0.0
        context = ArticleContext()
        for sentence in sentences:
            t0 = time.perf_counter()
            mentions = self.resolver.resolve(sentence, when, context)
            t1 = time.perf_counter()
            t_resolve += t1 - t0
            if not any(m.actor is not None for m in mentions):
                continue  # no actor, no event
            events.extend(self.coder.code(sentence, mentions, when))
            t_code += time.perf_counter() - t1
        self.timings["resolve"] = self.timings.get("resolve", 0.0) + t_resolve
        self.timings["code"] = self.timings.get("code", 0.0) + t_code
        floor = self.settings.min_confidence
        return [
            e
            for e in events
            if e.confidence >= floor and (self.settings.keep_negated or reportable(e))
        ]

    def prefilter(self, lowers: Sequence[str]) -> bool:
        """Whether a sentence (its lower-cased tokens) may hold an event: an actor and a trigger."""
        return self.resolver.could_match(lowers) and self.coder.could_trigger(lowers)

    def process(self, articles: Sequence[Article]) -> list[ArticleResult]:
        """Split, parse, resolve and code a chunk of articles."""
        from entente.nlp import parse_selected

        results = []
        chosen = self.prefilter if self.settings.prefilter else None
        pairs = [(a.id, a.text) for a in articles]
        for pos, n_sentences, sentences in parse_selected(
            self.nlp, pairs, chosen, self.settings.batch_size * 4, self.timings, self.morphology
        ):
            article = articles[pos]
            events = self.code_sentences(sentences, article.published)
            results.append(ArticleResult(article, n_sentences, tuple(events)))
        return results


_STAGES: dict[str, Stages] = {}


def stages_for(settings: Settings) -> Stages:
    """The :class:`Stages` of this process for these settings (built on first use)."""
    key = settings.model_dump_json(
        include={"model", "actors", "verbs", "min_confidence", "keep_negated", "batch_size", "ner"}
    )
    if key not in _STAGES:
        _STAGES[key] = Stages(settings)
    return _STAGES[key]


def process_articles(articles: Sequence[Article], settings: Settings) -> list[ArticleResult]:
    """Parse, resolve and code a chunk of articles in this process.

    The unit of work for local worker processes and Dask workers alike.
    """
    return stages_for(settings).process(articles)


@dataclass(frozen=True)
class CodedBatch:
    """A coded chunk of articles as store rows, ready for the one writer.

    Built where the coding happened (this process, a worker process, a Dask worker),
    so the writer only inserts. ``pairs`` counts asserted source->target dyads.
    """

    articles: Any  # pyarrow.Table, one per store table
    events: Any
    participants: Any
    dyads: Any
    n_articles: int
    sentences: int
    n_events: int
    pairs: Counter

    @property
    def tables(self) -> tuple[Any, Any, Any, Any]:
        return self.articles, self.events, self.participants, self.dyads


def code_batch(articles: Sequence[Article], settings: Settings, run_id: str) -> CodedBatch:
    """Code a chunk of articles and turn the result into store rows (any process)."""
    from entente.store.rows import article_table, event_tables

    results = process_articles(articles, settings)
    events = [e for r in results for e in r.events]
    pairs: Counter = Counter()
    for e in events:
        if reportable(e):
            pairs.update((s, t) for s, t in e.dyads() if s and t)
    ev, parts, dyads = event_tables(events)
    return CodedBatch(
        article_table([(r.article, r.n_sentences) for r in results], run_id),
        ev,
        parts,
        dyads,
        n_articles=len(results),
        sentences=sum(r.n_sentences for r in results),
        n_events=len(events),
        pairs=pairs,
    )


def _code_batch_in_worker(articles: list[Article], settings_json: str, run_id: str) -> CodedBatch:
    return code_batch(articles, Settings.model_validate_json(settings_json), run_id)


# --- streaming helpers ----------------------------------------------------------------------


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Successive lists of up to ``size`` items, lazily."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


Executor = Callable[[Iterable[list[Article]], Settings, str], Iterator[CodedBatch]]
"""Maps chunks of articles to coded batches somewhere: this process, a pool, a cluster."""


def local_executor(
    chunks: Iterable[list[Article]], settings: Settings, run_id: str
) -> Iterator[CodedBatch]:
    """Code chunks in this process, or in a bounded pool of ``settings.processes`` workers."""
    if settings.processes <= 1:
        for chunk in chunks:
            yield code_batch(chunk, settings, run_id)
        return
    settings_json = settings.model_dump_json()
    in_flight: set[Future] = set()
    limit = settings.processes * 2  # bounded memory: never more than this many chunks queued
    with ProcessPoolExecutor(max_workers=settings.processes) as pool:
        for chunk in chunks:
            in_flight.add(pool.submit(_code_batch_in_worker, chunk, settings_json, run_id))
            if len(in_flight) >= limit:
                done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield fut.result()
        for fut in in_flight:
            yield fut.result()


# --- the two entry points -------------------------------------------------------------------


def run(
    sources: Sequence[str | Path],
    settings: Settings | None = None,
    progress: Progress | None = None,
    stdin: Any = None,
    executor: Executor | None = None,
) -> RunSummary:
    """Read sources, code their events and store them; articles already stored are skipped.

    Safe to interrupt and re-run: each batch of articles lands with its events in
    one transaction, and ids are content hashes, so a re-run adds exactly what is
    missing.

    Args:
        sources: files, directories, URLs, or ``-`` for stdin.
        settings: run settings (db path, model, processes, ...).
        progress: optional callback ``progress(stage, n)``.
        stdin: a stream to read for ``-`` (defaults to the process's stdin).
        executor: where the coding runs (default: :func:`local_executor`; see
            :mod:`entente.distributed` for a Dask cluster).
    """
    from entente.coding import CODER_VERSION
    from entente.ingest import read_sources
    from entente.store import Store

    settings = settings or Settings()
    started = time.perf_counter()
    settings.db.parent.mkdir(parents=True, exist_ok=True)
    # keep_open=False: the file is held only while a batch is written, so the dashboard can read in between
    with Store.open(settings.db, keep_open=False) as store:
        run_id = store.start_run(
            [str(s) for s in sources], settings.model_dump_json(), CODER_VERSION
        )
        summary = RunSummary(run_id=run_id, db=str(settings.db))
        seen: set[str] = set()

        def new_articles() -> Iterator[Article]:
            for chunk in chunked(read_sources(sources, settings, stdin=stdin), 256):
                failures = [x for x in chunk if isinstance(x, Failure)]
                if failures:
                    store.write_failures(failures, run_id)
                    summary.failures.extend(failures)
                articles = []
                for a in chunk:
                    if isinstance(a, Failure):
                        continue
                    summary.articles_read += 1
                    if a.id in seen:
                        summary.duplicates += 1
                        continue
                    seen.add(a.id)
                    articles.append(a)
                known = store.known_article_ids(a.id for a in articles)
                summary.articles_known += len(known)
                if progress:
                    progress("read", len(chunk))
                    if known:
                        progress("done", len(known))
                yield from (a for a in articles if a.id not in known)

        chunk_size = max(1, settings.batch_size)
        dyads: Counter[tuple[str, str]] = Counter()
        for batch in (executor or local_executor)(
            chunked(new_articles(), chunk_size), settings, run_id
        ):
            written = store.write_tables(*batch.tables)
            summary.articles_new += written.articles_new
            summary.events_new += written.events_new
            summary.sentences += batch.sentences
            summary.events += batch.n_events
            dyads.update(batch.pairs)
            if progress:
                progress("done", batch.n_articles)
        summary.top_dyads = [(s, t, n) for (s, t), n in dyads.most_common(10)]
        summary.actor_names = store.actor_names(
            sorted({c for s, t, _ in summary.top_dyads for c in (s, t)})
        )
        summary.seconds = time.perf_counter() - started
        store.finish_run(
            run_id,
            {
                "articles_read": summary.articles_read,
                "articles_new": summary.articles_new,
                "failures": len(summary.failures),
                "sentences": summary.sentences,
                "events": summary.events_new,
            },
        )
    return summary


def code_records(
    records: Iterable[dict[str, Any]], settings: Settings | None = None
) -> Iterator[tuple[str, Article | None, list[Event] | Failure]]:
    """Code ``{"id", "text", "date"?}`` records without a store, in input order.

    Yields ``(id, article, events)``; a record that cannot be coded yields
    ``(id, None, Failure)``. Offsets in the events are offsets into the record's text
    (the text is coded exactly as given).
    """
    settings = settings or Settings()

    def articles() -> Iterator[tuple[str, Article | Failure]]:
        for n, rec in enumerate(records, 1):
            rid = str(rec.get("id", n))
            text = rec.get("text")
            if not isinstance(text, str) or not text.strip():
                yield (
                    rid,
                    Failure(
                        f"record {rid}", 'no text: each line needs a non-empty "text"', "ingest"
                    ),
                )
                continue
            when = _record_date(rec.get("date"))
            article = Article(
                id=rid,
                source=str(rec.get("source", "input")),
                origin=f"record {rid}",
                text=text,
                published=when,
                date_source="metadata" if when else "none",
                meta={"input_id": rid},
            )
            yield rid, article

    for chunk in chunked(articles(), max(1, settings.batch_size)):
        good = [a for _, a in chunk if isinstance(a, Article)]
        results = {id(r.article): r for r in process_articles(good, settings)} if good else {}
        for rid, a in chunk:
            if isinstance(a, Failure):
                yield rid, None, a
            else:
                yield rid, a, list(results[id(a)].events)


def _record_date(value: Any) -> date | None:
    """A record's ``date`` field as a date (ISO first, then free text); None if unusable."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        import dateparser

        parsed = dateparser.parse(text, settings={"STRICT_PARSING": True})
        return parsed.date() if parsed else None


def event_to_json(event: Event, style: str = "default") -> dict[str, Any]:
    """The ``entente code`` JSON form of an event (CAMEO dyad plus the full picture).

    ``style`` is an output style of :mod:`entente.coding.styles`: in the ``petrarch``
    style a stated intent about an act is listed under the act's code, and
    ``intent_code`` gives the intent's own code.
    """
    from entente.coding.styles import listed

    shown = listed(event, style)
    dyads = event.dyads()
    source, target = dyads[0] if dyads else (None, None)
    extra = {"intent_code": event.cameo} if shown is not event else {}
    event = shown
    return {
        "source": source,
        "target": target,
        "code": event.cameo,
        **extra,
        "act": event.act or None,
        "root": event.root,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "mode": event.mode,
        "quad": event.quad,
        "goldstein": event.goldstein,
        "confidence": round(event.confidence, 3),
        "date": event.date.isoformat() if event.date else None,
        "location": event.location,
        "participants": [
            {
                "code": p.actor.code,
                "name": p.actor.name,
                "role": p.role,
                "text": p.text,
                "start": p.start_char,
                "end": p.end_char,
            }
            for p in event.participants
        ],
        "trigger": {
            "text": event.evidence.trigger,
            "start": event.evidence.trigger_start,
            "end": event.evidence.trigger_end,
        },
        "sentence_index": event.sentence_index,
        "dyads": [list(d) for d in dyads],
        "id": event.id,
    }


def code_output_lines(
    event_lists: Iterable[tuple[str, list[Event]]],
    all_modes: bool = False,
    require_dyad: bool = False,
    style: str = "default",
) -> Iterator[str]:
    """JSONL lines for ``entente code``: one per record; each dyad of an event is its own entry.

    A multi-party event contributes one entry per dyad (CAMEO style), each carrying the
    whole participant list. Only events that count as having happened appear
    (:func:`entente.coding.reportable`: asserted, or a code that itself says "refused",
    "intends", "demanded") unless ``all_modes``: "did not attend" must not be scored
    as attending. ``require_dyad`` drops entries with a missing side, the convention
    of PETRARCH-style dyadic data. ``style="petrarch"`` (:mod:`entente.coding.styles`)
    implies ``require_dyad``, lists planned acts under the act they plan, counts
    future acts as PETRARCH, which codes no modality, does, and leaves an act of force
    that a party alleges to the accusation.
    """
    from entente.coding.styles import requires_dyad, style_events

    require_dyad = require_dyad or requires_dyad(style)
    for rid, events in event_lists:
        out = []
        for e in events if all_modes else style_events(events, style):
            base = event_to_json(e, style)
            pairs = e.dyads() or [(None, None)]
            for s, t in pairs:
                if require_dyad and not (s and t):
                    continue
                out.append({**base, "source": s, "target": t})
        yield json.dumps({"id": rid, "events": out}, ensure_ascii=False)
