"""Dask runs and interrupted runs end with exactly the store an ordinary run makes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from entente.config import Settings
from entente.pipeline import run

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "syria-2015-2016"


def store_rows(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": sorted(
                con.execute("SELECT id, published, n_sentences FROM articles").fetchall()
            ),
            "events": sorted(
                con.execute("SELECT id, cameo, mode, confidence FROM events").fetchall()
            ),
            "participants": sorted(
                con.execute(
                    "SELECT event_id, position, role, actor_code FROM participants"
                ).fetchall()
            ),
            "dyads": sorted(
                con.execute("SELECT event_id, pair, source, target FROM event_dyads").fetchall(),
                key=str,
            ),
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory, nlp) -> dict[str, object]:
    """The store of one uninterrupted local run over the example corpus."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    run([CORPUS], Settings(db=db, batch_size=4))
    rows = store_rows(db)
    assert rows["events"], "the reference run coded no events"
    return rows


RUNNER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from entente.config import Settings

    def main():
        db, corpus, mode = sys.argv[1], sys.argv[2], sys.argv[3]
        settings = Settings(db=Path(db), batch_size=2)

        def progress(stage, n):
            if stage == "done":
                print("batch", flush=True)

        if mode == "dask":
            from entente.distributed import run_on_dask
            run_on_dask([corpus], settings, "local:2", progress=progress)
        else:
            from entente.pipeline import run
            run([corpus], settings, progress=progress)
        print("finished", flush=True)

    if __name__ == "__main__":
        main()
    """
)


def run_and_kill(tmp_path: Path, db: Path, mode: str, after_batches: int) -> None:
    """Start a run in a new process group and SIGKILL the whole group after some batches."""
    script = tmp_path / "runner.py"
    script.write_text(RUNNER)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db), str(CORPUS), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    seen = 0
    try:
        for line in proc.stdout:
            if line.startswith("finished"):
                pytest.fail("the run finished before it could be interrupted")
            seen += line.startswith("batch")
            if seen >= after_batches:
                break
        assert seen >= after_batches, "the run ended without writing batches"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL


def test_distributed_dask_run_matches_local_run(tmp_path, reference):
    from entente.distributed import run_on_dask

    db = tmp_path / "dask.duckdb"
    summary = run_on_dask([CORPUS], Settings(db=db, batch_size=4), "local:2")
    assert summary.articles_new == 37 and not summary.failures
    assert store_rows(db) == reference


@pytest.mark.parametrize("mode", ["local", "dask"])
def test_distributed_killed_run_resumes_to_the_same_store(tmp_path, reference, mode):
    db = tmp_path / f"{mode}.duckdb"
    run_and_kill(tmp_path, db, mode, after_batches=3)
    partial = store_rows(db)
    assert 0 < len(partial["articles"]) < 37, "the kill should land mid-run"
    if mode == "dask":
        from entente.distributed import run_on_dask

        run_on_dask([CORPUS], Settings(db=db, batch_size=2), "local:2")
    else:
        run([CORPUS], Settings(db=db, batch_size=2))
    assert store_rows(db) == reference
