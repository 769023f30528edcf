"""Coder cost: sentences/s of parsing alone against parsing + resolving actors + coding.

Parses the first N articles of a corpus once with ``nlp.pipe`` (timed), then runs the
actor resolver and the event coder over every parsed sentence (each timed apart), and
prints sentences/s for each stage and for the whole, the share of time the coder adds,
and events per sentence. Also times coding the gold sentences (parse excluded), the
figure comparable to PETRARCH-2's coding-only speed.

Usage:
    python bench/bench_coding.py [--corpus FILE.jsonl] [--articles N] [--json] [--ner]

The default corpus is ../shared/gold/news_insightcrime_articles.jsonl; any JSONL with a
"text" field works. Benchmarks print numbers; they assert nothing.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"
DEFAULT_CORPUS = GOLD / "news_insightcrime_articles.jsonl"


def read_texts(path: Path, n: int) -> list[str]:
    """The "text" field of the first ``n`` JSONL records that have one."""
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(texts) >= n:
                break
            text = json.loads(line).get("text")
            if text:
                texts.append(text)
    return texts


def main() -> None:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--ner", action="store_true", help="parse with the entity recognizer")
    a = ap.parse_args()

    from entente.actors import Resolver, load_kb
    from entente.coding import Coder
    from entente.config import DEFAULT_MODELS
    from entente.nlp import doc_to_sentences, load_model

    if not a.corpus.is_file():
        raise SystemExit(f"corpus {a.corpus} not found; give one with --corpus FILE.jsonl")
    texts = read_texts(a.corpus, a.articles)
    t0 = time.perf_counter()
    nlp = load_model(DEFAULT_MODELS, disable=() if a.ner else ("ner",))
    kb = load_kb()
    resolver = Resolver(kb)
    coder = Coder(kb=kb)
    setup = time.perf_counter() - t0

    t0 = time.perf_counter()
    sentences = [
        s
        for i, doc in enumerate(nlp.pipe(texts, batch_size=32))
        for s in doc_to_sentences(doc, str(i))
    ]
    parse = time.perf_counter() - t0

    when = date(2016, 1, 1)
    resolve = code = 0.0
    n_events = 0
    for s in sentences:
        t0 = time.perf_counter()
        mentions = resolver.resolve(s, when)
        t1 = time.perf_counter()
        n_events += len(coder.code(s, mentions, when))
        t2 = time.perf_counter()
        resolve += t1 - t0
        code += t2 - t1

    gold_rate = None
    gold_file = GOLD / "plover_gsr_cameo.jsonl"
    if gold_file.is_file():
        gold_texts = read_texts(gold_file, 10_000)
        gold_sents = [
            s for i, doc in enumerate(nlp.pipe(gold_texts)) for s in doc_to_sentences(doc, str(i))
        ]
        resolved = [(s, resolver.resolve(s, when)) for s in gold_sents]
        t0 = time.perf_counter()
        for s, m in resolved:
            coder.code(s, m, when)
        gold_rate = len(resolved) / (time.perf_counter() - t0)

    n = len(sentences)
    figures = {
        "articles": len(texts),
        "sentences": n,
        "events": n_events,
        "setup_seconds": round(setup, 2),
        "parse_sentences_per_s": round(n / parse, 1),
        "resolve_sentences_per_s": round(n / resolve, 1),
        "code_sentences_per_s": round(n / code, 1),
        "parse_resolve_code_sentences_per_s": round(n / (parse + resolve + code), 1),
        "coder_share_of_time": round(code / (parse + resolve + code), 3),
        "events_per_sentence": round(n_events / n, 3) if n else 0.0,
        "gold_coding_only_sentences_per_s": round(gold_rate, 1) if gold_rate else None,
    }
    if a.json:
        print(json.dumps(figures, indent=1))
        return
    for k, v in figures.items():
        print(f"{k:38} {v}")


if __name__ == "__main__":
    main()
