"""Publication dates: from metadata values of any usual shape, and from datelines in the text.

Only full dates count (day, month and year). A weekday or a month without a year
("on Tuesday", "in January") says nothing certain about when a story appeared.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

# How far into an article a dateline or a leading date is looked for (characters).
TEXT_DATE_WINDOW = 600
# Dates found in running text outside this range are more likely noise than a date.
TEXT_YEARS = range(1900, 2101)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_PATTERNS = [
    # January 26, 2015 / Jan. 26 2015 / JAN 26, 2015
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    # 26 January 2015 / 26th of Jan. 2015 / 29 January, 2016
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    # 2015-01-26 / 2015/01/26
    re.compile(r"\b(?P<year>\d{4})([-/])(?P<month>\d{1,2})\2(?P<day>\d{1,2})\b"),
]
_WEEKDAY = r"(?i:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s*)"
# What may come before a dateline's date in its line or sentence: up to two
# capitalised places ("MOSCOW,", "Rio de Janeiro,", "WASHINGTON, D.C.,"), then a weekday.
_DATELINE_LEAD = re.compile(
    rf"(?:[A-Z][\w.'\u2019-]*(?:\s+[A-Za-z][\w.'\u2019-]*){{0,3}},\s*){{0,2}}{_WEEKDAY}?"
)
# A label that introduces a publication date ("Published:", "Posted on", "Updated").
_DATE_LABEL = re.compile(
    rf"\b(?:published|posted|updated|dated?|modified)\b\s*(?:on\b|:)?\s*{_WEEKDAY}?$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"\n|[.!?][\"'\u201d\u2019)\]]*\s+")
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
_DATEPARSER_SETTINGS = {
    # Absolute dates only: "yesterday" or "3 hours ago" mean nothing without a clock.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date(value: Any) -> date | None:
    """A metadata date value as a date, or None if it is not a full date.

    Accepts dates and datetimes, ISO 8601 strings (with or without time and
    offset), RFC 2822 strings as in feeds and e-mail, ``YYYYMMDD`` (as in GDELT
    and Phoenix data), written-out dates in English, and whatever else
    dateparser reads as an absolute date. The date is the one in the value's own
    time zone: a story stamped "23:30 -0500" appeared on that day where it was written.

    Example:
        >>> parse_date("Mon, 26 Jan 2015 23:30:00 -0500")
        datetime.date(2015, 1, 26)
        >>> parse_date("29 January 2016"), parse_date("Tuesday")
        (datetime.date(2016, 1, 29), None)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    return (
        _parse_iso(text)
        or _parse_compact(text)
        or _parse_rfc2822(text)
        or _first_full_date(text)
        or _parse_with_dateparser(text)
    )


def find_date_in_text(text: str) -> date | None:
    """The publication date written near the top of an article, or None.

    Only dates placed where publishers put them count, in the first
    :data:`TEXT_DATE_WINDOW` characters: a dateline at the start of a line or
    sentence, perhaps after a place and a weekday ("MOSCOW, Jan. 26, 2015
    (Reuters) -", "Geneva, 29 January 2016 —", a date alone on a line), or a
    date after a label ("Published: 2015-01-26", "Updated on Jan. 26, 2015").
    A date inside a sentence ("On April 3, 2014, police raided...") is usually
    the date of an event, not of the story, and is ignored; so are dates
    without a year and relative words.

    Example:
        >>> find_date_in_text("Geneva, 29 January 2016 \u2014 Talks opened on Friday.")
        datetime.date(2016, 1, 29)
        >>> find_date_in_text("On April 3, 2014, police raided the house.") is None
        True
    """
    window = text[:TEXT_DATE_WINDOW]
    for start, found in _full_dates(window, TEXT_YEARS):
        lead = window[_clause_start(window, start) : start]
        if _DATELINE_LEAD.fullmatch(lead.strip()) or _DATE_LABEL.search(lead):
            return found
    return None


def _first_full_date(text: str, years: range | None = None) -> date | None:
    """The earliest valid full date written anywhere in ``text``."""
    dates = _full_dates(text, years)
    return dates[0][1] if dates else None


def _full_dates(text: str, years: range | None = None) -> list[tuple[int, date]]:
    """Every valid full date written in ``text``, with its offset, in order of position."""
    found: list[tuple[int, date]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            d = _make_date(m.group("year"), m.group("month"), m.group("day"))
            if d is not None and (years is None or d.year in years):
                found.append((m.start(), d))
    return sorted(found)


def _clause_start(text: str, end: int) -> int:
    """Where the line or sentence holding offset ``end`` begins."""
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, end)]
    return starts[-1] if starts else 0


def _make_date(year: str, month: str, day: str) -> date | None:
    """A date from matched parts (month as digits or a name), None if impossible."""
    month_number = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
    try:
        return date(int(year), month_number, int(day))
    except ValueError:
        return None


def _parse_iso(text: str) -> date | None:
    """ISO 8601 dates and date-times (``2015-01-26``, ``2015-01-26T10:00:00Z``)."""
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _parse_compact(text: str) -> date | None:
    """``YYYYMMDD``, the compact form of GDELT-style data."""
    m = _COMPACT.fullmatch(text)
    return _make_date(m["year"], m["month"], m["day"]) if m else None


def _parse_rfc2822(text: str) -> date | None:
    """RFC 2822 dates, as in RSS ``pubDate`` and e-mail headers."""
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _parse_with_dateparser(text: str) -> date | None:
    """Anything else dateparser reads as an absolute full date (other languages too)."""
    import dateparser  # imported on first need: most inputs never get here

    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except (ValueError, TypeError, OverflowError, re.error):
        return None
    return parsed.date() if parsed else None
