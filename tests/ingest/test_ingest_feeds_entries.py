"""RSS and Atom feeds: one article per entry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from entente.ingest import read_sources
from entente.types import Article, Failure

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Levant Wire</title>
<link>https://levant.example.org/</link>
<description>News</description>
<item>
  <title>Moscow talks open without the coalition</title>
  <link>https://levant.example.org/moscow-talks</link>
  <guid>levant-1</guid>
  <pubDate>Mon, 26 Jan 2015 23:30:00 -0500</pubDate>
  <description>Short summary only.</description>
  <content:encoded><![CDATA[<p>MOSCOW - Talks between the Syrian government and
  opposition figures opened in Moscow.</p><p>The National Coalition stayed away.</p>]]></content:encoded>
</item>
<item>
  <title>Vienna group meets</title>
  <link>https://levant.example.org/vienna</link>
  <description>&lt;p&gt;The International Syria Support Group met in &lt;b&gt;Vienna&lt;/b&gt;.&lt;/p&gt;</description>
</item>
<item>
  <title>An entry with nothing in it</title>
  <link>https://levant.example.org/empty</link>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Geneva Notes</title>
  <id>urn:geneva-notes</id>
  <updated>2016-02-03T10:00:00Z</updated>
  <entry>
    <title>De Mistura pauses the talks</title>
    <id>urn:geneva-notes:1</id>
    <link href="https://geneva.example.org/pause"/>
    <updated>2016-02-03T18:00:00+01:00</updated>
    <content type="html">&lt;p&gt;UN envoy Staffan de Mistura paused the Geneva talks.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "levant.rss"
    path.write_text(RSS)
    first, second, third = read_sources([path])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.origin == f"{path}#1" and second.origin == f"{path}#2"
    assert first.source == second.source == "Levant Wire"
    # Full content is preferred to the summary, and its HTML is reduced to text.
    assert first.text == (
        "MOSCOW - Talks between the Syrian government and opposition figures opened in Moscow.\n\n"
        "The National Coalition stayed away."
    )
    assert first.title == "Moscow talks open without the coalition"
    assert first.url == "https://levant.example.org/moscow-talks"
    # 23:30 in New York on the 26th is the 27th in UTC; the writer's date is kept.
    assert (first.published, first.date_source) == (date(2015, 1, 26), "metadata")
    assert first.meta["guid"] == "levant-1"
    assert second.text == "The International Syria Support Group met in Vienna."
    assert (second.published, second.date_source) == (None, "none")
    assert isinstance(third, Failure) and third.origin == f"{path}#3"
    assert "no text" in third.reason


def test_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "geneva.atom"
    path.write_text(ATOM)
    [a] = read_sources([path])
    assert isinstance(a, Article)
    assert a.text == "UN envoy Staffan de Mistura paused the Geneva talks."
    assert (a.source, a.url) == ("Geneva Notes", "https://geneva.example.org/pause")
    assert a.published == date(2016, 2, 3)


def test_feed_in_declared_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.xml"
    feed = RSS.replace('encoding="utf-8"', 'encoding="iso-8859-1"').replace(
        "Vienna", "Wien \u00e0 Gen\u00e8ve"
    )
    path.write_bytes(feed.encode("latin-1"))
    items = list(read_sources([path]))
    assert "Wien \u00e0 Gen\u00e8ve" in items[1].text


def test_feed_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    path.write_text(ATOM)
    [a] = read_sources([path])
    assert isinstance(a, Article) and a.source == "Geneva Notes"


def test_empty_feed_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    )
    [f] = read_sources([path])
    assert isinstance(f, Failure) and f.origin == str(path)
    assert f.reason == "the feed has no entries; nothing to read"


def test_malformed_feed_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><title>Broken</ti")
    [f] = read_sources([path])
    assert isinstance(f, Failure) and f.origin == str(path)
    assert f.reason.startswith("malformed feed (") and "RSS or Atom" in f.reason


def test_truncated_feed_keeps_its_whole_entries(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text(
        "<rss><channel><item><title>A</title><description>Russia met Egypt.</description></item>"
        "<item><title>B</tit"
    )
    first, second = read_sources([path])
    assert isinstance(first, Article) and first.text == "Russia met Egypt."
    assert isinstance(second, Failure) and second.origin == f"{path}#2"
    assert "no text" in second.reason and "malformed" in second.reason


def test_xml_that_is_not_a_feed_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "catalog.xml"
    path.write_text('<?xml version="1.0"?><catalog><book>Russia met Egypt.</book></catalog>')
    [f] = read_sources([path])
    assert isinstance(f, Failure) and "not an RSS or Atom feed" in f.reason
