"""The Jinja2 environment shared by the report and the dashboard (autoescape always on).

Templates live in ``report/templates`` (the report and the macros both surfaces
use) and ``report/web/templates`` (the dashboard's pages). Static files (CSS, the
small script that draws the charts) live in ``report/static``; plotly.js itself
comes from the installed plotly package, so nothing is ever fetched from the web.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from entente.errors import ConfigError
from entente.report.figures import bloc_colour
from entente.report.safety import safe_href, script_json

PACKAGE = resources.files("entente.report")
TEMPLATES = Path(str(PACKAGE / "templates"))
WEB_TEMPLATES = Path(str(PACKAGE / "web" / "templates"))
STATIC = Path(str(PACKAGE / "static"))


def _number(value: Any, digits: int = 2) -> str:
    """A number for a table cell: fixed digits, empty for None."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}"


def _path_part(value: Any) -> str:
    """A value quoted to be one segment of a URL path (``/`` and everything else escaped)."""
    return quote(str(value), safe="")


def _signed(value: Any, digits: int = 1) -> str:
    return "" if value is None else f"{value:+.{digits}f}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment: autoescaping every template, strict about undefined names."""
    env = Environment(
        loader=ChoiceLoader(
            [FileSystemLoader(str(TEMPLATES)), FileSystemLoader(str(WEB_TEMPLATES))]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["script_json"] = script_json
    env.filters["safe_href"] = safe_href
    env.filters["num"] = _number
    env.filters["signed"] = _signed
    env.filters["pathpart"] = _path_part
    env.filters["bloc_colour"] = bloc_colour
    return env


def render(template: str, **context: Any) -> str:
    """Render one template with the given context."""
    return environment().get_template(template).render(**context)


@lru_cache(maxsize=4)
def static_text(name: str) -> str:
    """The text of a file in ``report/static``."""
    return (STATIC / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """plotly.js (minified) from the installed plotly package.

    Raises:
        ConfigError: the plotly package lacks its bundled plotly.js.
    """
    try:
        from plotly.offline import get_plotlyjs

        return get_plotlyjs()
    except (ImportError, OSError) as e:
        raise ConfigError(
            f"plotly.js is not available from the plotly package ({e}); "
            "reinstall it with `pip install plotly`"
        ) from e


def inline_script(code: str) -> Markup:
    """Script text to place inside an inline ``<script>`` element, checked not to end it early.

    Raises:
        ConfigError: the text contains ``</script`` or ``<!--`` (it would break the page).
    """
    lowered = code.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ConfigError(
            "a script to inline contains '</script' or '<!--', which would break the report; "
            "use a plotly release without it"
        )
    return Markup(code)


def inline_style(css: str) -> Markup:
    """CSS text for an inline ``<style>`` element, checked not to end it early.

    Raises:
        ConfigError: the text contains ``</style``.
    """
    if "</style" in css.lower():
        raise ConfigError("a style sheet to inline contains '</style'")
    return Markup(css)


def csp_hash(code: str) -> str:
    """The Content-Security-Policy source (``'sha256-...'``) that allows one inline script."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
