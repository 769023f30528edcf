"""Shared pieces of the report tests: the example store, an injection article, a live dashboard."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_CORPUS = ROOT / "examples" / "syria-2015-2016"
ARTIFACTS = ROOT / "test-artifacts" / "report"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
]

# Every way a page could be made to run the article's code sets window.__pwned.
INJECTION = {
    "id": "injection-1",
    "title": "Allies meet <script>window.__pwned='title'</script>"
    "<img src=x onerror=\"window.__pwned='img'\">",
    "source": "Wire </script><script>window.__pwned='source'</script>",
    "date": "2016-05-04",
    "url": "javascript:window.__pwned='url'",
    "text": (
        "France and Germany signed an agreement on <script>window.__pwned='text'</script> trade "
        "in Berlin on Wednesday.\n\n"
        "Germany accused France of spying <img src=x onerror=\"window.__pwned='onerror'\"> on its "
        "ministers </script><script>window.__pwned='breakout'</script> last year.\n\n"
        "France praised Germany <a href=\"javascript:window.__pwned='link'\">for its help</a> on "
        "Thursday. <svg onload=\"window.__pwned='svg'\"></svg> <!-- comment"
    ),
}


def entente_command(*args: str) -> list[str]:
    """The command line that runs ``entente ARGS`` with this interpreter."""
    return [sys.executable, "-c", "from entente.cli.app import main; main()", *args]


def write_injection(folder: Path) -> Path:
    """Write the injection article as a JSON-lines input file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "injection.jsonl"
    path.write_text(json.dumps(INJECTION) + "\n", encoding="utf-8")
    return path


@cache
def example_store(base: Path) -> Path:
    """The example corpus plus the injection article, coded by a real ``entente run`` (once per session)."""
    folder = base / "report-example"
    db = folder / "example.duckdb"
    injection = write_injection(folder / "input")
    result = subprocess.run(
        entente_command("run", str(EXAMPLE_CORPUS), str(injection), "--db", str(db), "--quiet"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return db


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Dashboard:
    """``entente serve`` running in a subprocess on a free localhost port (real HTTP)."""

    def __init__(self, db: Path, lock_timeout: float = 10.0) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.process = subprocess.Popen(
            entente_command(
                "serve",
                "--db",
                str(db),
                "--port",
                str(self.port),
                "--lock-timeout",
                str(lock_timeout),
            ),  # fmt: skip
            stdout=subprocess.DEVNULL,
            # A file, not a pipe: the access log of many requests would fill a pipe and stall.
            stderr=self.log,
            text=True,
        )
        self._wait()

    def _wait(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"entente serve exited: {self.output()}")
            try:
                httpx.get(f"{self.url}/openapi.json", timeout=2.0)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError(f"entente serve did not answer on {self.url} within {timeout:g} s")

    def output(self) -> str:
        """What the server wrote to its standard error so far."""
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> None:
        """Stop the server process (and wait for it)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
