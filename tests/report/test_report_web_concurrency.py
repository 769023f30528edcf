"""The dashboard serves a store while a real ``entente run`` process writes to it."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx
from report_helpers import EXAMPLE_CORPUS, Dashboard, entente_command

from entente.store import Store


def test_dashboard_reads_while_entente_run_writes(tmp_path: Path):
    db = tmp_path / "growing.duckdb"
    Store.open(db).close()  # an empty store, so that the dashboard is up before the run starts
    server = Dashboard(db, lock_timeout=60)
    writer = None
    seen: list[tuple[int, int, bool]] = []  # (status, events, the writer was still running)
    try:
        with httpx.Client(base_url=server.url, timeout=90) as client:
            assert client.get("/api/overview").json()["store"]["events"] == 0
            writer = subprocess.Popen(
                entente_command(
                    "run", str(EXAMPLE_CORPUS), "--db", str(db), "--batch-size", "3", "--quiet"
                ),  # fmt: skip
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            pages_ok = 0
            while writer.poll() is None:
                response = client.get("/api/overview")
                running = writer.poll() is None
                events = response.json()["store"]["events"] if response.status_code == 200 else -1
                seen.append((response.status_code, events, running))
                if running and events > 0 and pages_ok < 3:
                    # Whole pages render mid-run too (network, with its blocs and layout).
                    assert client.get("/network").status_code == 200
                    pages_ok += 1
                time.sleep(0.05)
            _, err = writer.communicate(timeout=300)
            assert writer.returncode == 0, err
            final = client.get("/api/overview").json()["store"]
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
            writer.communicate()
        server.stop()
    assert all(status == 200 for status, _, _ in seen), seen
    counts = [events for _, events, _ in seen] + [final["events"]]
    assert counts == sorted(counts), "a reader saw events disappear"
    assert final["articles"] == 37 and final["events"] > 100
    # Reads answered while the writer was alive, and some saw a store half filled.
    assert any(running for _, _, running in seen)
    assert any(0 < events < final["events"] and running for _, events, running in seen), seen
