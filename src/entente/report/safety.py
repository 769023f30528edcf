"""Making text from the open web safe to show: JSON inside <script>, links, chart labels.

Article text, titles, sources and addresses are whatever a web page said. HTML
templates escape everything through Jinja2's autoescape; this module covers the
three places where autoescape is not enough:

* JSON placed inside a ``<script>`` element, where ``</script>`` or ``<!--`` in a
  string would end or confuse the element (:func:`script_json`);
* ``href`` attributes, where an escaped ``javascript:`` address is still a script
  (:func:`safe_href` keeps only http and https addresses);
* chart labels, which plotly.js reads as a small subset of HTML (:func:`chart_text`).

Example:
    >>> str(script_json({"s": "</script><b>"}))
    '{"s": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    >>> safe_href("javascript:alert(1)") is None
    True
    >>> chart_text("<b>bold</b>")
    '&lt;b&gt;bold&lt;/b&gt;'
"""

from __future__ import annotations

import html
import json
import math
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

# Characters that could end a <script> element, open an HTML comment or an entity,
# or end a line in older JavaScript parsers; all are written as \u escapes, which
# JSON.parse reads back as the same characters.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_TABLE = str.maketrans(_SCRIPT_ESCAPES)


def _plain(value: Any) -> Any:
    """A value made only of what JSON can hold (dates as ISO text, NaN and infinities as null)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def to_json(value: Any, indent: int | None = None) -> str:
    """Strict JSON text of a value (dates as ISO strings, NaN as null; non-JSON types refused).

    Raises:
        TypeError: a value JSON cannot represent (a bug in the caller, not bad input).
    """
    return json.dumps(_plain(value), ensure_ascii=False, allow_nan=False, indent=indent)


def script_json(value: Any) -> Markup:
    """JSON text that is safe to place inside a ``<script type="application/json">`` element.

    Read it back in the page with ``JSON.parse(element.textContent)``.
    """
    return Markup(to_json(value).translate(_SCRIPT_TABLE))


def safe_href(url: str | None) -> str | None:
    """The address if it is an absolute http(s) URL with a host, else None (show it as text)."""
    if not url or not isinstance(url, str):
        return None
    candidate = url.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Control characters and spaces inside an address are how filters are fooled.
    if any(ord(ch) < 33 or ch in "\"'<>`" for ch in candidate):
        return None
    return candidate


def chart_text(text: Any) -> str:
    """Text for a plotly.js label or hover box: its HTML subset neutralised by escaping."""
    return html.escape("" if text is None else str(text), quote=True)
