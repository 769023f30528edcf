"""PNG pictures of the network and the dyad timelines, for papers and slides.

The pictures are drawn from the very figure specifications the HTML report shows
(:mod:`entente.report.figures`), by plotly's own renderer, kaleido, which runs a
headless Chrome or Chromium. kaleido is the optional ``png`` extra
(``pip install 'entente[png]'``). The browser is taken from the ``BROWSER_PATH``
environment variable, else the first of chromium, chromium-browser, google-chrome
or chrome on the PATH. kaleido never downloads a browser here, MathJax is off and
plotly.js comes from the plotly package, so rendering needs no network.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

from entente.errors import ConfigError
from entente.report.build import figures

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
SIZES = {"network": (1100, 800), "timeline": (1100, 420)}


def find_browser() -> str | None:
    """The Chrome/Chromium executable to render with: ``BROWSER_PATH``, else one on the PATH."""
    given = os.environ.get("BROWSER_PATH")
    if given:
        return given if os.access(given, os.X_OK) else None
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _renderer() -> tuple[Any, str]:
    """kaleido and the browser path.

    Raises:
        ConfigError: kaleido is not installed, or no browser was found.
    """
    try:
        import kaleido
    except ImportError as e:
        raise ConfigError(
            "PNG output needs kaleido: install it with `pip install 'entente[png]'` "
            "(or write the HTML report with --format html)"
        ) from e
    browser = find_browser()
    if browser is None:
        where = os.environ.get("BROWSER_PATH")
        raise ConfigError(
            (f"BROWSER_PATH={where!r} is not an executable browser. " if where else "")
            + "PNG output needs Chrome or Chromium: install it (Debian: `apt-get install chromium`) "
            "or set BROWSER_PATH to its executable, or write the HTML report with --format html"
        )
    return kaleido, browser


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "x"


def png_paths(data: dict[str, Any], out: Path) -> dict[str, Path]:
    """The file for each figure id: ``<stem>-network.png``, ``<stem>-timeline-N-A-B.png``."""
    stem = out.with_suffix("") if out.suffix else out
    paths = {}
    for fig_id in figures(data):
        if fig_id == "fig-network":
            paths[fig_id] = stem.parent / f"{stem.name}-network.png"
        else:
            i = int(fig_id.rsplit("-", 1)[1])
            view = data["timelines"][i]
            name = f"{stem.name}-timeline-{i + 1}-{_slug(view['a'])}-{_slug(view['b'])}.png"
            paths[fig_id] = stem.parent / name
    return paths


def write_pngs(data: dict[str, Any], out: Path) -> list[Path]:
    """Render the report's charts to PNG files named after ``out``.

    Args:
        data: the report's data (:func:`entente.report.build.collect`).
        out: the report path the PNG names derive from.

    Returns:
        The PNG files written (none for an empty store).

    Raises:
        ConfigError: no renderer (kaleido and a browser), or the renderer failed.
    """
    figs = figures(data)
    if not figs:
        return []
    kaleido, browser = _renderer()
    paths = png_paths(data, out)
    jobs = []
    for fig_id, fig in figs.items():
        width, height = SIZES["network" if fig_id == "fig-network" else "timeline"]
        layout = {**fig["layout"], "width": width, "height": height}
        if fig_id == "fig-network":
            net = data["network"]
            layout["title"] = {"text": f"Alignment network {net['start']} .. {net['end']}"}
        jobs.append(
            {
                "fig": {"data": fig["data"], "layout": layout},
                "path": str(paths[fig_id]),
                "opts": {"format": "png", "width": width, "height": height, "scale": 2},
            }
        )
    try:
        kaleido.write_fig_from_object_sync(jobs, kopts={"path": browser, "mathjax": False})
    except (OSError, RuntimeError, ValueError) as e:
        raise ConfigError(
            f"rendering the PNG pictures with {browser} failed: {e}. Check that the browser "
            "starts (`chromium --headless --version`), or write the HTML report instead"
        ) from e
    missing = [p for p in paths.values() if not p.is_file()]
    if missing:
        raise ConfigError(f"the renderer did not write {', '.join(map(str, missing))}")
    return list(paths.values())
