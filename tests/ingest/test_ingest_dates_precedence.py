"""Dates: metadata values, datelines in the text, file times, and which one wins."""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path

import pytest

from entente.ingest import article_from_text, find_date_in_text, parse_date, read_sources
from entente.types import Article


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-01-26", date(2015, 1, 26)),
        ("2015-01-26T23:30:00Z", date(2015, 1, 26)),
        ("2015-01-26T23:30:00-05:00", date(2015, 1, 26)),
        ("Mon, 26 Jan 2015 23:30:00 -0500", date(2015, 1, 26)),  # the writer's day, not UTC's
        ("20150126", date(2015, 1, 26)),
        (20150126, date(2015, 1, 26)),
        ("January 26, 2015", date(2015, 1, 26)),
        ("26 Jan. 2015", date(2015, 1, 26)),
        ("29th of January 2016", date(2016, 1, 29)),
        ("le 29 janvier 2016", date(2016, 1, 29)),
        (datetime(2015, 1, 26, 10, 0), date(2015, 1, 26)),
        (date(2015, 1, 26), date(2015, 1, 26)),
        ("Tuesday", None),
        ("yesterday", None),
        ("January 2015", None),
        ("2015-02-30", None),
        ("", None),
        ("not a date at all", None),
        (None, None),
        (True, None),
        ([2015, 1, 26], None),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MOSCOW, Jan. 26, 2015 (Reuters) - Talks opened.", date(2015, 1, 26)),
        ("Geneva, 29 January 2016 \u2014 The UN envoy opened talks.", date(2016, 1, 29)),
        ("VIENNA, October 30, 2015 / Ministers met.", date(2015, 10, 30)),
        ("Posted 2015-11-14. Ministers met in Vienna.", date(2015, 11, 14)),
        ("Talks opened on Tuesday in Geneva.", None),
        ("MOSCOW, Jan. 26 (Reuters) - Talks opened.", None),  # no year
        ("The 1975 accord was cited.", None),
        ("Tuesday, Feb. 31, 2015 - impossible day.", None),
        ("Tuesday, Feb. 10, 2015 - Talks opened.", date(2015, 2, 10)),
        ("Talks in Vienna\nOctober 30, 2015\nMinisters met.", date(2015, 10, 30)),
        ("Talks open. MOSCOW, Jan. 26, 2015 (Reuters) - Russia hosted.", date(2015, 1, 26)),
        ("ST. LOUIS, Jan. 26, 2015 - A ruling.", date(2015, 1, 26)),
        ("WASHINGTON, D.C., Jan. 26, 2015 - A ruling.", date(2015, 1, 26)),
        ("Rio de Janeiro, 26 January 2015 - A ruling.", date(2015, 1, 26)),
        ("Last updated on Monday, Jan. 26, 2015. Talks opened.", date(2015, 1, 26)),
        ("Published: 2015-01-26\nTalks opened.", date(2015, 1, 26)),
        # Dates inside sentences are dates of events, not of the story.
        ("On April 3, 2014, police raided the house.", None),
        ("Police said on April 3, 2014 that the house was raided.", None),
        ("The talks that began in Geneva, 29 January 2016, stalled.", None),
    ],
)
def test_find_date_in_text(text: str, expected: date | None) -> None:
    assert find_date_in_text(text) == expected


def test_date_far_down_the_text_is_not_a_dateline() -> None:
    text = "Talks opened. " * 60 + "An accord was signed on January 26, 2015."
    assert find_date_in_text(text) is None


def test_metadata_beats_text() -> None:
    a = article_from_text("Geneva, 29 January 2016 - Talks.", source="x", published="2016-02-01")
    assert (a.published, a.date_source) == (date(2016, 2, 1), "metadata")


def test_text_beats_file() -> None:
    a = article_from_text(
        "Geneva, 29 January 2016 - Talks.", source="x", file_date=date(2020, 5, 5)
    )
    assert (a.published, a.date_source) == (date(2016, 1, 29), "text")


def test_file_date_is_the_last_resort() -> None:
    a = article_from_text("Talks opened on Tuesday.", source="x", file_date=date(2020, 5, 5))
    assert (a.published, a.date_source) == (date(2020, 5, 5), "file")


def test_no_date_at_all() -> None:
    a = article_from_text("Talks opened on Tuesday.", source="x")
    assert (a.published, a.date_source) == (None, "none")


def test_unparseable_metadata_date_is_kept_and_the_text_is_tried() -> None:
    a = article_from_text("Geneva, 29 January 2016 - Talks.", source="x", published="soon-ish")
    assert (a.published, a.date_source) == (date(2016, 1, 29), "text")
    assert a.meta["unparsed_date"] == "soon-ish"


def _set_mtime(path: Path, when: datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


def test_precedence_through_files(tmp_path: Path) -> None:
    dated_text = tmp_path / "dateline.txt"
    dated_text.write_text("Geneva, 29 January 2016 - The envoy opened talks.")
    undated = tmp_path / "undated.txt"
    undated.write_text("The envoy opened talks on Friday.")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"text": "Geneva, 29 January 2016 - Talks.", "date": "2016-02-01"},
                {"text": "Geneva, 29 January 2016 - Talks again."},
                {"text": "Talks, with no date anywhere."},
            ]
        )
    )
    for path in (dated_text, undated, rows):
        _set_mtime(path, datetime(2020, 5, 5, 12, 0))

    got = {a.origin: (a.published, a.date_source) for a in read_sources([tmp_path])}
    assert isinstance(next(iter(read_sources([undated]))), Article)
    assert got == {
        str(dated_text): (date(2016, 1, 29), "text"),
        str(undated): (date(2020, 5, 5), "file"),
        f"{rows}:1": (date(2016, 2, 1), "metadata"),
        f"{rows}:2": (date(2016, 1, 29), "text"),
        # A collection file's time says nothing about each record in it.
        f"{rows}:3": (None, "none"),
    }
