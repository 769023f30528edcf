"""Single-article files: plain text, Markdown and HTML pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from entente.ingest import read_sources
from entente.types import Article, Failure

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Russia and Egypt agree to fight terrorism | Nile Courier</title>
<meta property="og:site_name" content="Nile Courier">
<meta property="article:published_time" content="2015-02-10T08:00:00+02:00">
<meta name="author" content="Jane Doe">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Russia and Egypt agree to fight terrorism</h1>
<p>CAIRO, Feb. 9, 2015 - Russian President Vladimir Putin and Egyptian President
Abdel Fattah al-Sisi agreed on Monday to deepen their cooperation against terrorism.</p>
<p>The two leaders also discussed a settlement of the Syrian crisis and the sale of
Russian arms to Egypt, officials in Cairo said.</p>
</article>
<script>var tracking = "Russia and Egypt in a script";</script>
</body></html>
"""


def _one(path: Path) -> Article:
    items = list(read_sources([path]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_text_file_with_headline(tmp_path: Path) -> None:
    folder = tmp_path / "ahram"
    folder.mkdir()
    path = folder / "talks.txt"
    path.write_text(
        "Egypt and Russia sign arms deal\n\n"
        "CAIRO, Feb. 10, 2015 - Egypt and Russia signed an arms agreement on Tuesday.\n"
    )
    a = _one(path)
    assert a.title == "Egypt and Russia sign arms deal"
    assert a.text == "CAIRO, Feb. 10, 2015 - Egypt and Russia signed an arms agreement on Tuesday."
    assert (a.published, a.date_source) == (date(2015, 2, 10), "text")
    assert a.source == "ahram"  # the folder the file is in
    assert a.origin == str(path)


def test_text_file_without_headline_keeps_every_line(tmp_path: Path) -> None:
    path = tmp_path / "plain.text"
    path.write_text("Egypt and Russia signed an arms agreement.\nThe deal covers jets.\n")
    a = _one(path)
    assert a.title is None
    assert a.text == "Egypt and Russia signed an arms agreement.\nThe deal covers jets."


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Vienna talks open\n\nForeign ministers met in Vienna on Friday.\n")
    a = _one(path)
    assert (a.title, a.text) == ("Vienna talks open", "Foreign ministers met in Vienna on Friday.")


def test_html_page_main_text_title_date_and_site(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    a = _one(path)
    assert a.title == "Russia and Egypt agree to fight terrorism"
    assert a.text.startswith("CAIRO, Feb. 9, 2015 - Russian President Vladimir Putin")
    assert "terrorism.\n\nThe two leaders also discussed" in a.text  # paragraphs kept
    assert "officials in Cairo said." in a.text
    assert "tracking" not in a.text and "Russia and Egypt agree" not in a.text
    # The page's metadata date beats the dateline in its text.
    assert (a.published, a.date_source) == (date(2015, 2, 10), "metadata")
    assert a.source == "Nile Courier"
    assert a.meta.get("author") == "Jane Doe"


def test_html_same_story_as_text_file_has_the_same_id(tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    html.write_text(PAGE)
    text = tmp_path / "page.txt"
    text.write_text(
        "Russia and Egypt agree to fight terrorism\n\n"
        "CAIRO, Feb. 9, 2015 - Russian President Vladimir Putin and Egyptian President "
        "Abdel Fattah al-Sisi agreed on Monday to deepen their cooperation against terrorism.\n"
        "The two leaders also discussed a settlement of the Syrian crisis and the sale of "
        "Russian arms to Egypt, officials in Cairo said.\n"
    )
    assert _one(html).id == _one(text).id


def test_html_that_trafilatura_cannot_use_falls_back_to_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "bare.htm"
    path.write_text(
        "<title>Short note</title><body>Russia met <b>Egypt</b> in Cairo.<script>x()</script>"
    )
    a = _one(path)
    assert (a.title, a.text) == ("Short note", "Russia met Egypt in Cairo.")


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    markup = '<html><head><meta charset="iso-8859-1"><title>Gen\u00e8ve</title></head>'
    markup += (
        "<body><p>Talks opened in Gen\u00e8ve on Friday between the parties.</p></body></html>"
    )
    path.write_bytes(markup.encode("latin-1"))
    a = _one(path)
    assert "Gen\u00e8ve" in a.text and a.title == "Gen\u00e8ve"


def test_html_without_text_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Only a title</title></head><body><div></div></body></html>")
    items = list(read_sources([path]))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "no readable text" in items[0].reason


def test_broken_html_with_text_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><p>Russia met Egypt<div><p>in Cairo on Monday.</span></table>")
    a = _one(path)
    assert "Russia met Egypt" in a.text and "in Cairo on Monday." in a.text


def test_text_file_with_header_block(tmp_path: Path) -> None:
    path = tmp_path / "wire" / "sanctions.txt"
    path.parent.mkdir()
    path.write_text(
        "Putin orders sanctions on Turkey over downed bomber\n"
        "Date: 2015-11-28\n"
        "Source: Eastern Desk\n"
        "URL: https://example.org/sanctions\n"
        "Author: J. Doe\n"
        "\n"
        "President Vladimir Putin signed a decree on Saturday.\n\nIt takes effect in January.\n"
    )
    a = _one(path)
    assert a.title == "Putin orders sanctions on Turkey over downed bomber"
    assert (a.published, a.date_source) == (date(2015, 11, 28), "metadata")
    assert (a.source, a.url) == ("Eastern Desk", "https://example.org/sanctions")
    assert a.meta == {"author": "J. Doe"}
    assert (
        a.text
        == "President Vladimir Putin signed a decree on Saturday.\n\nIt takes effect in January."
    )


def test_header_block_without_headline_and_front_matter(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Title: Talks open\nPublished: 26 January 2015\n\nRussia hosted talks.\n")
    a = _one(plain)
    assert (a.title, a.published, a.text) == (
        "Talks open",
        date(2015, 1, 26),
        "Russia hosted talks.",
    )
    front = tmp_path / "note.md"
    front.write_text(
        '---\ntitle: "Vienna talks"\ndate: 2015-10-30\ntags:\n  - syria\nlayout: post\n---\n\n'
        "Ministers met in Vienna.\n"
    )
    b = _one(front)
    assert (b.title, b.published, b.text) == (
        "Vienna talks",
        date(2015, 10, 30),
        "Ministers met in Vienna.",
    )
    assert b.meta == {"layout": "post"}  # the tag list is YAML structure, not a flat field


def test_prose_with_colons_is_not_a_header(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("Russia and Egypt agree\nNote: the talks went well.\n\nThey met in Cairo.\n")
    a = _one(path)
    assert a.title == "Russia and Egypt agree"
    assert a.text == "Note: the talks went well.\n\nThey met in Cairo."
