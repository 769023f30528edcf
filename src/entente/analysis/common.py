"""Shared pieces of the analyses: date ranges, time spans, and the counting scope.

Example:
    >>> parse_range("2015-01..2015-06")
    (datetime.date(2015, 1, 1), datetime.date(2015, 6, 30))
    >>> parse_span("12w")
    84
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from entente.analysis.represent import state_agents, unidentified_prefixes
from entente.errors import QueryError
from entente.store.analysis_sql import BUCKETS, LEVELS, UNITS, Level, Scope, Unit

__all__ = [
    "BUCKETS",
    "DEFAULT_MODES",
    "LEVELS",
    "UNITS",
    "Level",
    "Scope",
    "Unit",
    "jsonable",
    "make_scope",
    "parse_day",
    "parse_range",
    "parse_span",
]

DEFAULT_MODES: tuple[str, ...] = ("asserted",)
"""Only events reported as having happened count towards alignment by default."""

_SPAN = re.compile(r"^\s*(\d+)\s*([dwmqy])\s*$")
_SPAN_DAYS = {"d": 1, "w": 7, "m": 30, "q": 91, "y": 365}


def parse_span(text: str | int) -> int:
    """A time span like ``90d``, ``12w``, ``6m``, ``1q`` or ``1y`` as a number of days.

    Months count 30 days, quarters 91 and years 365: spans are for windows and
    half-lives, where a day more or less does not matter.

    Raises:
        QueryError: not a positive number followed by d, w, m, q or y.
    """
    if isinstance(text, int):
        days = text
    else:
        m = _SPAN.match(text.lower())
        if not m:
            raise QueryError(f"{text!r} is not a time span; write e.g. 90d, 12w, 6m, 1q or 1y")
        days = int(m.group(1)) * _SPAN_DAYS[m.group(2)]
    if days <= 0:
        raise QueryError(f"a time span must be at least one day, not {text!r}")
    return days


def parse_day(text: str, end: bool = False) -> date:
    """A date written YYYY, YYYY-MM or YYYY-MM-DD; with ``end``, the last day it covers.

    Raises:
        QueryError: anything else.
    """
    t = text.strip()
    try:
        if re.fullmatch(r"\d{4}", t):
            return date(int(t), 12, 31) if end else date(int(t), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", t):
            y, m = int(t[:4]), int(t[5:])
            return date(y, m, calendar.monthrange(y, m)[1] if end else 1)
        return date.fromisoformat(t)
    except ValueError as e:
        raise QueryError(f"{text!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY") from e


def parse_range(text: str) -> tuple[date, date]:
    """A period written ``A..B`` (each YYYY, YYYY-MM or YYYY-MM-DD), both ends included.

    A single date stands for all it covers: ``2015`` is the year, ``2015-03`` the month.

    Raises:
        QueryError: a bad date, or the start after the end.
    """
    a, b = text.split("..", 1) if ".." in text else (text, text)
    if not a.strip() or not b.strip():
        raise QueryError(f"{text!r} is not a period; write START..END, e.g. 2015-01..2015-06")
    start, end = parse_day(a), parse_day(b, end=True)
    if start > end:
        raise QueryError(f"the period {text!r} starts after it ends; swap the two dates")
    return start, end


def window_before(at: date, days: int) -> tuple[date, date]:
    """The ``days``-long window that ends on ``at`` (both ends included)."""
    return at - timedelta(days=days - 1), at


def make_scope(
    level: str = "country",
    unit: str = "collapsed",
    modes: Sequence[str] = DEFAULT_MODES,
    since: date | None = None,
    until: date | None = None,
    actor: str | None = None,
    identified_only: bool = True,
) -> Scope:
    """A validated counting scope (see :class:`entente.store.analysis_sql.Scope`).

    With ``identified_only`` (the default), pairs with an unidentified actor
    (``---GOV``, "a government"; see ``analysis/data/unidentified.tsv``) are left out.

    Raises:
        QueryError: an unknown level or unit, no modes, or since after until.
    """
    scope = Scope(
        level,  # type: ignore[arg-type]
        unit,  # type: ignore[arg-type]
        tuple(modes),
        since,
        until,
        actor,
        unidentified_prefixes() if identified_only else (),
        tuple(sorted(state_agents())),
    )
    scope.validate()
    return scope


def jsonable(value: Any) -> Any:
    """A value made of dicts, lists, strings and numbers, for ``--json`` output."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN has no JSON form
        return None
    return value
