"""One article per record: JSON lines, JSON arrays and CSV/TSV tables."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from entente.ingest import read_sources
from entente.types import Article, Failure


def _read(path: Path) -> list[Article | Failure]:
    return list(read_sources([path]))


def _by_origin(items: list[Article | Failure]) -> dict[str, Article | Failure]:
    return {item.origin: item for item in items}


def test_jsonl_fields_and_meta(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "r-17",
                "title": "Lavrov meets de Mistura",
                "text": "Sergey Lavrov met UN envoy Staffan de Mistura in Moscow.",
                "url": "https://example.org/lavrov",
                "published": "2015-11-14",
                "source": "TASS",
                "section": "world",
            }
        )
        + "\n"
    )
    [a] = _read(path)
    assert isinstance(a, Article)
    assert a.origin == f"{path}:1"
    assert a.title == "Lavrov meets de Mistura"
    assert a.url == "https://example.org/lavrov"
    assert (a.published, a.date_source) == (date(2015, 11, 14), "metadata")
    assert a.source == "TASS"
    assert a.meta == {"input_id": "r-17", "section": "world"}


@pytest.mark.parametrize("text_field", ["text", "body", "content", "Text"])
def test_jsonl_text_field_names(tmp_path: Path, text_field: str) -> None:
    path = tmp_path / "rows.ndjson"
    path.write_text(json.dumps({text_field: "Moscow hosted talks."}) + "\n")
    [a] = _read(path)
    assert isinstance(a, Article) and a.text == "Moscow hosted talks."
    assert a.source == tmp_path.name  # no source field: the folder name


def test_jsonl_bad_rows_fail_alone_and_the_rest_continue(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"text": "Russia met Egypt."}),
        "{not json",
        "",
        json.dumps({"text": 42}),
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Turkey met Iran.", "title": ["bad"]}),
        json.dumps({"text": "Iran met Iraq.", "id": {"nested": 1}}),
        json.dumps({"text": "Egypt met Jordan.", "date": {"y": 2015}}),
        json.dumps({"text": "The UN met Syria."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    got = _by_origin(_read(path))
    assert isinstance(got[f"{path}:1"], Article)
    assert isinstance(got[f"{path}:11"], Article)
    expected_failures = {
        2: "invalid JSON",
        4: 'field "text" is a number',
        5: "the record is a list",
        6: 'needs a "text"',
        7: "empty",
        8: 'field "title" is a list',
        9: 'field "id" is an object',
        10: "the date field is an object",
    }
    for line, reason in expected_failures.items():
        item = got[f"{path}:{line}"]
        assert isinstance(item, Failure) and reason in item.reason, (line, item)
    assert f"{path}:3" not in got  # a blank line is not a record
    assert len(got) == 10


def test_jsonl_invalid_utf8_line_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    path.write_bytes(b'{"text": "Gen\xe8ve talks."}\n{"text": "Moscow talks."}\n')
    first, second = _read(path)
    assert (
        isinstance(first, Failure)
        and "byte 0xe8 at offset 13" in first.reason
        and "UTF-8" in first.reason
    )
    assert isinstance(second, Article) and second.origin == f"{path}:2"


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    records = [{"text": "Russia met Egypt."}, {"text": "Iran met Iraq.", "title": "Neighbours"}]
    path.write_text(json.dumps(records, indent=2))
    items = _read(path)
    assert [a.text for a in items if isinstance(a, Article)] == [
        "Russia met Egypt.",
        "Iran met Iraq.",
    ]
    assert [a.origin for a in items] == [f"{path}:2", f"{path}:5"]  # lines where they start


def test_json_array_with_a_syntax_error_stops_with_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(
        '[\n{"text": "Russia met Egypt."},\n{"text": oops},\n{"text": "Never read."}\n]'
    )
    first, second = _read(path)
    assert isinstance(first, Article)
    assert isinstance(second, Failure) and second.origin == f"{path}:3"
    assert "rest of the array was not read" in second.reason


def test_json_file_of_pretty_printed_objects(tmp_path: Path) -> None:
    path = tmp_path / "objects.json"
    path.write_text(
        json.dumps({"text": "Russia met Egypt."}, indent=2)
        + "\n"
        + "{broken\n"
        + json.dumps({"text": "Iran met Iraq."}, indent=2)
    )
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    assert items[2].origin == f"{path}:5"


@pytest.mark.parametrize(
    ("name", "content"),
    [("none.json", "[ ]"), ("blank.jsonl", "\n\n \n"), ("header.csv", "text,title\n")],
)
def test_file_without_records_is_a_failure(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    [f] = _read(path)
    assert isinstance(f, Failure) and f.origin == str(path) and "no records" in f.reason


def test_csv_with_quoted_multiline_fields(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text(
        "id,Title,text,date,source\n"
        '1,Talks,"Russia met Egypt.\n\nThey agreed ""to cooperate"".",2015-02-10,Ahram\n'
        '2,,"Iran met Iraq, again.",,\n'
    )
    first, second = _read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.origin == f"{path}:2" and second.origin == f"{path}:5"
    assert first.text == 'Russia met Egypt.\n\nThey agreed "to cooperate".'
    assert (first.title, first.source, first.published) == ("Talks", "Ahram", date(2015, 2, 10))
    assert first.meta == {"input_id": "1"}
    assert (second.title, second.source, second.published) == (None, tmp_path.name, None)


def test_tsv(tmp_path: Path) -> None:
    path = tmp_path / "table.tsv"
    path.write_text("text\tpublish_date\nRussia, Egypt and Iran met.\t29 January 2016\n")
    [a] = _read(path)
    assert isinstance(a, Article) and a.published == date(2016, 1, 29)


def test_csv_ragged_and_bad_rows_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_bytes(
        b"title,text\n"
        b"A,Russia met Egypt.\n"
        b"B,Iran met Iraq.,extra,fields\n"
        b"C,Gen\xe8ve talks.\n"
        b"D,\n"
        b"Turkey met Iran.\n"
        b"E,The UN met Syria.\n"
    )
    got = _by_origin(_read(path))
    assert isinstance(got[f"{path}:2"], Article)
    assert "has 4 fields but the header has 2" in got[f"{path}:3"].reason
    assert "not valid UTF-8" in got[f"{path}:4"].reason and "offset 5" in got[f"{path}:4"].reason
    assert 'needs a "text"' in got[f"{path}:5"].reason
    assert 'needs a "text"' in got[f"{path}:6"].reason  # a short row has no text column value
    assert isinstance(got[f"{path}:7"], Article) and got[f"{path}:7"].title == "E"


def test_csv_quoting_error_fails_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text('title,text\nA,"Russia met "Egypt" today."\nB,Iran met Iraq.\n')
    items = _read(path)
    assert isinstance(items[0], Failure) and "malformed row" in items[0].reason
    assert isinstance(items[-1], Article) and items[-1].text == "Iran met Iraq."


def test_csv_without_text_column_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "notext.csv"
    path.write_text("title,date\nTalks,2015-01-26\nMore,2015-01-27\n")
    [f] = _read(path)
    assert isinstance(f, Failure) and f.origin == str(path)
    assert "no text column" in f.reason and "title, date" in f.reason


def test_csv_field_longer_than_csv_default_limit(tmp_path: Path) -> None:
    long_text = "Russia and Egypt agreed to cooperate. " * 4000  # ~150k characters
    path = tmp_path / "long.csv"
    path.write_text(f'text\n"{long_text}"\n')
    [a] = _read(path)
    assert isinstance(a, Article) and len(a.text) == len(long_text.strip())
