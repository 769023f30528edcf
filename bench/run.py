"""Throughput benchmark: entente end to end vs bare spaCy on the same articles.

Runs each configuration in its own process (so peak memory is its own) and prints
articles/s, sentences/s, events/s, peak memory (all processes of the run, summed)
and per-stage seconds, plus the
ratio of entente's sentences/s to bare ``nlp.pipe`` with the full pipeline.

Usage:
    python bench/run.py [--corpus FILE.jsonl] [--articles N] [--processes 1 2] [--dask]
                        [--no-bare] [--no-prefilter] [--ner] [--scale K] [--json OUT]

The default corpus is ../shared/gold/news_insightcrime_articles.jsonl (1,605 real
articles); any JSONL with a "text" field works. ``--scale K`` repeats the corpus K
times with a small edit per copy (new content ids), to check memory stays flat.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "gold" / "news_insightcrime_articles.jsonl"


class TreeMemory:
    """Samples the resident memory of this process and all its descendants, summed.

    Worker processes (local pool or Dask) count too: the peak is what the machine
    needs, not what one process needs.
    """

    def __init__(self, every: float = 0.25) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)

    def _run(self, every: float) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass  # a worker that just ended
            self.peak = max(self.peak, total / 2**20)
            self._stop.wait(every)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def write_corpus(src: Path, n: int, scale: int, out: Path) -> int:
    """Write the first ``n`` articles (repeated ``scale`` times, each copy distinct) to ``out``."""
    rows = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
            if len(rows) >= n:
                break
    count = 0
    with open(out, "w", encoding="utf-8") as f:
        for k in range(scale):
            for r in rows:
                text = r["text"] if k == 0 else f"{r['text']}\n\n(copy {k})"
                f.write(
                    json.dumps(
                        {"id": f"{r.get('id', count)}-{k}", "text": text, "date": r.get("date")}
                    )
                    + "\n"
                )
                count += 1
    return count


def bare(corpus: Path, processes: int) -> dict:
    """Bare spaCy: full pipeline nlp.pipe over the article texts."""
    from entente.config import DEFAULT_MODELS
    from entente.nlp import load_model

    nlp = load_model(DEFAULT_MODELS)
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
    t0 = time.perf_counter()
    sentences = 0
    for doc in nlp.pipe(texts, batch_size=32, n_process=processes):
        sentences += sum(1 for _ in doc.sents)
    seconds = time.perf_counter() - t0
    return {"articles": len(texts), "sentences": sentences, "events": 0, "seconds": seconds}


def entente_local(
    corpus: Path, processes: int, prefilter: bool, dask: str | None, ner: bool = False
) -> dict:
    """entente end to end: ingest, split, parse, resolve, code, store (a fresh DuckDB file)."""
    from entente.config import Settings
    from entente.pipeline import run, stages_for

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            db=Path(tmp) / "bench.duckdb", processes=processes, prefilter=prefilter, ner=ner
        )
        t0 = time.perf_counter()
        if dask:
            from entente.distributed import run_on_dask

            summary = run_on_dask([str(corpus)], settings, dask)
        else:
            summary = run([str(corpus)], settings)
        seconds = time.perf_counter() - t0
        stages = dict(stages_for(settings).timings) if processes == 1 and not dask else {}
        return {
            "articles": summary.articles_read,
            "sentences": summary.sentences,
            "events": summary.events,
            "seconds": seconds,
            "stages": {k: round(v, 2) for k, v in sorted(stages.items())},
            "failures": len(summary.failures),
        }


def one(args: argparse.Namespace) -> None:
    """Run a single configuration in this process and print its JSON result."""
    corpus = Path(args.one_corpus)
    with TreeMemory() as memory:
        if args.kind == "bare":
            result = bare(corpus, args.one_processes)
        else:
            result = entente_local(
                corpus, args.one_processes, not args.no_prefilter, args.one_dask, args.ner
            )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["peak_mb"] = round(max(memory.peak, own), 1)
    print("RESULT " + json.dumps(result))


def launch(kind: str, corpus: Path, processes: int, extra: list[str]) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--one",
        kind,
        "--one-corpus",
        str(corpus),
        "--one-processes",
        str(processes),
        *extra,
    ]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"}
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"{kind} run failed:\n{proc.stderr[-3000:]}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument(
        "--articles", type=int, default=400, help="articles to use (default 400; 0 = all)"
    )
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--dask", action="store_true", help="also run on a 2-worker Dask LocalCluster")
    ap.add_argument("--no-bare", action="store_true", help="skip the bare spaCy baseline")
    ap.add_argument("--no-prefilter", action="store_true", help="parse every sentence")
    ap.add_argument(
        "--ner", action="store_true", help="entente with the entity recognizer (ner = true)"
    )
    ap.add_argument("--scale", type=int, default=1, help="repeat the corpus K times (memory check)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--one", dest="kind", help=argparse.SUPPRESS)
    ap.add_argument("--one-corpus", help=argparse.SUPPRESS)
    ap.add_argument("--one-processes", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--one-dask", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.kind:
        one(args)
        return
    if not args.corpus.is_file():
        sys.exit(
            f'corpus {args.corpus} not found: pass --corpus FILE.jsonl (one {{"text": ...}} per line)'
        )
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(args.corpus, args.articles or 10**9, args.scale, corpus)
        print(
            f"corpus: {n} articles from {args.corpus.name}"
            + (f" (x{args.scale})" if args.scale > 1 else "")
        )
        extra = (["--no-prefilter"] if args.no_prefilter else []) + (["--ner"] if args.ner else [])
        label = " (ner = true)" if args.ner else ""
        results = []
        for p in args.processes:
            if not args.no_bare:
                results.append(("bare spaCy (full pipeline)", p, launch("bare", corpus, p, extra)))
            results.append(("entente end to end" + label, p, launch("entente", corpus, p, extra)))
        if args.dask:
            results.append(
                (
                    "entente on Dask LocalCluster" + label,
                    2,
                    launch("entente", corpus, 1, [*extra, "--one-dask", "local:2"]),
                )
            )
    bare_rate = {
        p: r["sentences"] / r["seconds"] for name, p, r in results if name.startswith("bare")
    }
    print(
        f"{'configuration':44} {'proc':>4} {'art/s':>8} {'sent/s':>8} {'events/s':>9} {'peak MB':>8} {'vs bare':>8}"
    )
    for name, p, r in results:
        s = r["seconds"]
        ratio = (
            (r["sentences"] / s) / bare_rate[p]
            if p in bare_rate and not name.startswith("bare")
            else None
        )
        print(
            f"{name:44} {p:>4} {r['articles'] / s:8.1f} {r['sentences'] / s:8.0f} {r['events'] / s:9.1f} "
            f"{r['peak_mb']:8.0f} {f'{ratio:.2f}x' if ratio else '':>8}"
        )
        if r.get("stages"):
            print(
                "    stage seconds: "
                + ", ".join(f"{k} {v}" for k, v in r["stages"].items())
                + f"; total {s:.1f}"
            )
    if args.json:
        args.json.write_text(
            json.dumps([{"config": n, "processes": p, **r} for n, p, r in results], indent=2)
        )


if __name__ == "__main__":
    main()
