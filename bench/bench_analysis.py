"""Analysis benchmark: write a store of synthetic events, then time the analyses on it.

Builds (or reuses) a DuckDB store with ``--events`` synthetic events (default one
million) spread over two years, 60 countries with a few agents each, arranged in
three loose blocs (cooperation inside, conflict across, plus noise and a planted
rupture), written through ``Store.write_articles`` in batches. Then times, each
over ``--repeat`` runs (best shown): the alignment network of a 90-day and a
one-year window, shifts between two half-years, the monthly dyad series, and
blocs on the 90-day network.

Usage:
    python bench/bench_analysis.py [--events N] [--db PATH] [--repeat R] [--json OUT]

A store at ``--db`` that already holds ``--events`` events is reused.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from entente.analysis import alignment_network, dyads, find_blocs, parse_range, shifts
from entente.store import Store
from entente.types import Actor, Article, Event, Evidence, Participant, content_id

START = date(2015, 1, 1)
DAYS = 730
COOP = [
    ("042", 1, 1.9),
    ("043", 1, 2.8),
    ("046", 1, 7.0),
    ("057", 2, 8.0),
    ("061", 2, 6.4),
    ("051", 1, 3.4),
]
CONFLICT = [
    ("112", 3, -2.0),
    ("130", 3, -4.4),
    ("163", 4, -8.0),
    ("190", 4, -10.0),
    ("173", 4, -5.0),
]
AGENTS = ["GOV", "MIL", "OPP", "REB"]
EVENTS_PER_ARTICLE = 10


def peak_mb() -> float:
    """Peak resident memory of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_batches(n_events: int, batch_articles: int, seed: int = 1):
    """Yield write batches of synthetic articles with their events."""
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(60)]
    bloc = {c: i % 3 for i, c in enumerate(countries)}
    actors = {
        f"{c}{a}": Actor(f"{c}{a}", f"{c} {a}", c, a, "government" if a == "GOV" else "group")
        for c in countries
        for a in AGENTS
    }
    codes = list(actors)
    n_articles = n_events // EVENTS_PER_ARTICLE
    batch = []
    for k in range(n_articles):
        day = START + timedelta(days=rng.randrange(DAYS))
        text = f"Synthetic article {k} of {day}."
        art = Article(
            content_id(text),
            "synthetic",
            f"synthetic#{k}",
            text,
            published=day,
            date_source="metadata",
        )
        events = []
        for j in range(EVENTS_PER_ARTICLE):
            a, b = rng.sample(codes, 2)
            same = bloc[a[:3]] == bloc[b[:3]]
            # The planted rupture: C00 and C03 (same bloc) turn hostile in the second year.
            if {a[:3], b[:3]} == {"C00", "C03"} and day >= START + timedelta(days=365):
                same = False
            coop = rng.random() < (0.85 if same else 0.2)
            cameo, quad, goldstein = rng.choice(COOP if coop else CONFLICT)
            sentence = f"{a} and {b}, report {j} of article {k}."
            roles = ((a, "source"), (b, "target"))
            participants = tuple(Participant(actors[c], r, 0, 6, c) for c, r in roles)
            events.append(
                Event(
                    id=content_id(art.id, str(j), cameo, a, b),
                    article_id=art.id,
                    sentence_index=j,
                    date=day,
                    cameo=cameo,
                    root=cameo[:2],
                    quad=quad,
                    goldstein=goldstein,
                    plover="",
                    mode="asserted",
                    participants=participants,
                    evidence=Evidence(sentence, 0, len(sentence), cameo, 0, 3),
                    confidence=0.8,
                    coder="synthetic",
                )  # fmt: skip
            )
        batch.append((art, 1, events))
        if len(batch) == batch_articles:
            yield batch
            batch = []
    if batch:
        yield batch


def build(db: Path, n_events: int) -> dict[str, float]:
    """Write the synthetic store; return timing figures."""
    t0 = time.perf_counter()
    written = 0
    with Store.open(db) as store:
        run = store.start_run(["synthetic"], "{}", "synthetic")
        for batch in synthetic_batches(n_events, batch_articles=5_000):
            written += store.write_articles(batch, run).events_new
            print(f"\r  wrote {written:,} events", end="", file=sys.stderr, flush=True)
        store.finish_run(run, {"events": written})
    print(file=sys.stderr)
    seconds = time.perf_counter() - t0
    return {"events_written": written, "build_s": seconds, "events_per_s": written / seconds}


def timed(label: str, repeat: int, fn):
    """Run ``fn`` ``repeat`` times; print and return the best time and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    print(f"  {label:<44} {best:8.2f} s")
    return best, result


def main() -> None:
    """Build or reuse the store, then time the analyses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("out/bench_analysis.duckdb"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    args = parser.parse_args()

    figures: dict[str, float] = {}
    existing = 0
    if args.db.exists():
        with Store.open(args.db, read_only=True) as store:
            existing = store.summary().events
    if existing != args.events:
        args.db.unlink(missing_ok=True)
        print(f"building a store of {args.events:,} synthetic events at {args.db}")
        figures.update(build(args.db, args.events))
        print(f"  write: {figures['events_per_s']:,.0f} events/s ({figures['build_s']:.1f} s)")
    else:
        print(f"reusing {args.db} ({existing:,} events)")

    at = START + timedelta(days=DAYS - 1)
    before, after = parse_range("2015-01..2015-12"), parse_range("2016-01..2016-12")
    with Store.open(args.db, read_only=True) as store:
        figures["network_90d_s"], net = timed("network, 90-day window (country level)", args.repeat,
                                              lambda: alignment_network(store, at=at, window="90d"))  # fmt: skip
        figures["network_1y_s"], _ = timed("network, one-year window (country level)", args.repeat,
                                           lambda: alignment_network(store, at=at, window="1y"))  # fmt: skip
        figures["network_1y_actor_s"], _ = timed("network, one-year window (actor level)", args.repeat,
                                                 lambda: alignment_network(store, at=at, window="1y", level="actor"))  # fmt: skip
        figures["shifts_s"], report = timed("shifts, 2015 vs 2016 (country level)", args.repeat,
                                            lambda: shifts(store, before, after))  # fmt: skip
        figures["dyads_month_s"], rows = timed("dyads by month, all pairs, 3 evidence each", 1,
                                               lambda: dyads(store, window="month"))  # fmt: skip
        figures["blocs_90d_s"], blocs = timed("blocs on the 90-day network (30 resamples)", 1,
                                              lambda: find_blocs(net))  # fmt: skip
    top = report.shifts[0] if report.shifts else None
    print(f"  network 90d: {len(net.nodes)} actors, {len(net.ties)} ties; "
          f"{len(rows):,} pair-months; {len(blocs.blocs)} blocs (stability {blocs.stability:.2f})")  # fmt: skip
    if top:
        print(f"  top shift: {top.a}-{top.b} {top.kind} (q={top.q_value:.2g}) of {len(report.shifts)} "
              f"significant, {report.tested} tested")  # fmt: skip
    figures["peak_mb"] = peak_mb()
    print(f"  peak memory {figures['peak_mb']:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
