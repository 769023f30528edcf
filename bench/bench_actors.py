"""Accuracy and speed of actor resolution on the shared gold sets.

Prints three measurements (each skipped when its file is absent):

1. PLOVER gold records (``plover_gsr_cameo.jsonl``): the share of gold source and
   target actor spans whose resolved country-level code (``RUS`` for RUSGOV, ``IGO``
   for IGOUNO) equals the gold ``code``. The resolved code of a span is the one of
   the mention covering most of it (the rightmost on a tie). Legacy CAMEO country codes
   in the gold (JAP, ITL, VTN) are read as their ISO codes.
2. PETRARCH-2 validation records with real dictionaries (``petrarch2_validation.jsonl``,
   ``dictionary == "real"``): the share of gold actor codes (sources and targets,
   ``---`` left out) found among the codes of the sentence's resolved mentions, on the
   record's date.
3. Throughput on ``news_insightcrime_articles.jsonl``: sentences/s of ``nlp.pipe``
   alone and with the resolver, and the knowledge base's load time.

Usage:
    python bench/bench_actors.py [--gold DIR] [--articles N] [--show-misses] [--ner]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"
LEGACY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "TMP": "TLS"}


def country_level(code: str) -> str:
    """The comparable country part of a code (IGOUNO -> IGO, RUSGOV -> RUS)."""
    return LEGACY.get(code[:3], code[:3])


def _span(text: str, gold_text: str) -> tuple[int, int] | None:
    """Character range of a gold span in the text.

    Gold spans are sometimes not verbatim: "A ... B" skips words ("U.S. ... negotiators"
    for "U.S. and Russian negotiators"), others leave out a conjunct ("US forces" for
    "US and British forces"). The range is then the first piece, or the first word.
    """
    gold_text = " ".join(gold_text.split())
    pieces = [
        p.strip(" .") for p in gold_text.replace("..", "\u2026").split("\u2026") if p.strip(" .")
    ]
    if not pieces:
        return None
    for candidate in (pieces[0], pieces[0].split()[0]):
        a = text.find(candidate)
        if a < 0:
            a = text.lower().find(candidate.lower())
        if a >= 0:
            return a, a + len(candidate)
    return None


def _primary(mentions, a: int, b: int):
    best, best_overlap = None, 0
    for m in mentions:
        overlap = min(b, m.end_char) - max(a, m.start_char)
        if overlap > 0 and overlap >= best_overlap:
            best, best_overlap = m, overlap
    return best


def bench_plover(nlp, resolver, path: Path, show: bool) -> None:
    from entente.nlp import doc_to_sentences

    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    docs = nlp.pipe((r["text"] for r in records), batch_size=64)
    total = hits = found_any = 0
    misses: Counter[str] = Counter()
    for record, doc in zip(records, docs, strict=True):
        mentions = [
            m for s in doc_to_sentences(doc, record["id"]) for m in resolver.resolve(s, None)
        ]
        for event in record["gold"]["events"]:
            for actor in event["source"] + event["target"]:
                gold = country_level(actor["code"])
                total += 1
                rng = _span(record["text"], actor["text"])
                m = _primary(mentions, *rng) if rng else None
                got = country_level(m.actor.code) if m and m.actor else None
                if got == gold:
                    hits += 1
                if rng and any(
                    country_level(x.actor.code) == gold
                    for x in mentions
                    if x.actor and min(rng[1], x.end_char) > max(rng[0], x.start_char)
                ):
                    found_any += 1
                if got != gold:
                    seen = [(x.text, x.actor.code if x.actor else None, x.how) for x in mentions]
                    misses[f"{actor['text']!r} gold {gold} got {got}  {seen}"] += 1
    print(
        f"PLOVER gold spans: {hits}/{total} = {hits / total:.3f} resolved to the gold country code "
        f"(goal >= 0.90); any overlapping mention: {found_any / total:.3f}"
    )
    if show:
        for line, n in misses.most_common():
            print(f"   miss x{n}: {line}")


def bench_petrarch(nlp, resolver, path: Path, show: bool) -> None:
    from entente.nlp import doc_to_sentences

    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    records = [r for r in records if r.get("dictionary") == "real" and r.get("text")]
    total = found = 0
    misses = []
    for r in records:
        when = date.fromisoformat(r["date"]) if r.get("date") else None
        sentences = doc_to_sentences(nlp(r["text"]), r["id"])
        codes = {m.actor.code for s in sentences for m in resolver.resolve(s, when) if m.actor}
        gold = {
            c
            for e in r["events"]
            for c in (e["source"], e["target"])
            if c and c != "---" and c.isupper()
        }
        for code in sorted(gold):
            total += 1
            if code in codes:
                found += 1
            else:
                misses.append(f"{r['id']}: gold {code} not in {sorted(codes)} -- {r['text'][:90]}")
    print(
        f"PETRARCH-2 real records: {found}/{total} = {found / total:.3f} gold actor codes found "
        f"among resolved mentions (goal >= 0.85), {len(records)} records"
    )
    if show:
        for line in misses:
            print("   miss:", line)


def bench_speed(nlp, resolver, path: Path, n_articles: int) -> None:
    from entente.nlp import doc_to_sentences

    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n_articles:
                break
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    t_pipe = time.perf_counter() - t0
    sentences = [s for i, d in enumerate(docs) for s in doc_to_sentences(d, str(i))]
    t1 = time.perf_counter()
    n_mentions = sum(len(resolver.resolve(s, date(2016, 1, 1))) for s in sentences)
    t_resolve = time.perf_counter() - t1
    n = len(sentences)
    print(
        f"throughput on {len(texts)} articles, {n} sentences: nlp.pipe alone {n / t_pipe:,.0f} sentences/s; "
        f"resolver alone {n / t_resolve:,.0f} sentences/s ({n_mentions} mentions); "
        f"nlp.pipe + resolver {n / (t_pipe + t_resolve):,.0f} sentences/s "
        f"(resolution adds {100 * t_resolve / t_pipe:.1f}% to parsing)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--articles", type=int, default=200, help="articles for the speed test")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument(
        "--ner", action="store_true", help="parse with the entity recognizer (ner = true)"
    )
    args = parser.parse_args()

    from entente.actors import Resolver
    from entente.actors.kb import build_kb, load_kb, shipped_files
    from entente.config import DEFAULT_MODELS
    from entente.nlp import load_model

    t0 = time.perf_counter()
    build_kb(shipped_files())
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    kb = load_kb()
    t_load = time.perf_counter() - t0
    print(
        f"knowledge base: {len(kb):,} entries, {len(kb.index):,} names; built from files in "
        f"{t_build:.2f}s, load_kb (cached compile) {t_load:.2f}s"
    )
    resolver = Resolver(kb)
    nlp = load_model(DEFAULT_MODELS, disable=() if args.ner else ("ner",))
    if (args.gold / "plover_gsr_cameo.jsonl").is_file():
        bench_plover(nlp, resolver, args.gold / "plover_gsr_cameo.jsonl", args.show_misses)
    if (args.gold / "petrarch2_validation.jsonl").is_file():
        bench_petrarch(nlp, resolver, args.gold / "petrarch2_validation.jsonl", args.show_misses)
    if (args.gold / "news_insightcrime_articles.jsonl").is_file():
        bench_speed(nlp, resolver, args.gold / "news_insightcrime_articles.jsonl", args.articles)


if __name__ == "__main__":
    main()
