"""A writing process and a reading process share one store file."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from entente.store import Store

HERE = Path(__file__).resolve().parent
BATCHES = 12
EVENTS_PER_BATCH = 3

WRITER = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from store_factory import article, event
from entente.store import Store

db, flags, batches = Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
with Store.open(db, keep_open=False, lock_timeout=60) as store:
    for b in range(batches):
        batch = []
        for k in range(3):
            a = article(f"b{b}-{k}")
            batch.append((a, 1, [event(a, [("RUSGOV", "source"), ("EGYGOV", "target")])]))
        store.write_articles(batch, "run")
        if b == 0:
            # Hand over: the reader must get in while this process still has the store open.
            (flags / "ready").touch()
            while not (flags / "read").exists():
                time.sleep(0.01)
"""


def _wait_for(path: Path, proc: subprocess.Popen) -> None:
    while not path.exists():
        assert proc.poll() is None, proc.communicate()[1]
        time.sleep(0.01)


def test_store_reader_reads_while_another_process_writes(tmp_path):
    db = tmp_path / "shared.duckdb"
    Store.open(db).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(HERE), str(db), str(tmp_path), str(BATCHES)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        _wait_for(tmp_path / "ready", writer)
        reader = Store.open(db, read_only=True, keep_open=False, lock_timeout=60)
        assert reader.summary().events == EVENTS_PER_BATCH
        (tmp_path / "read").touch()
        seen = []
        while writer.poll() is None:
            seen.append(reader.summary().events)
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        seen.append(reader.summary().events)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.communicate()
    # Each read saw whole batches only (a batch is one transaction), never going back.
    assert all(n % EVENTS_PER_BATCH == 0 for n in seen)
    assert seen == sorted(seen)
    assert seen[-1] == BATCHES * EVENTS_PER_BATCH
