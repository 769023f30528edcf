"""Article context: short references resolved through the actors named earlier in an article."""

from __future__ import annotations

from datetime import date

import pytest

from entente.actors import ArticleContext, Resolver, load_kb
from entente.actors.context import load_context_words, read_context_words
from entente.errors import KnowledgeBaseError

WHEN = date(2016, 2, 1)


@pytest.fixture(scope="module")
def resolver():
    return Resolver(load_kb())


@pytest.fixture
def article(parse, resolver):
    """Resolve an article's sentences in order with one context: ``article(text) -> [[Mention]]``."""

    def _resolve(text: str, when: date = WHEN, context: ArticleContext | None = None):
        context = context if context is not None else ArticleContext()
        return [resolver.resolve(s, when, context) for s in parse(text)]

    return _resolve


def _found(mentions, text):
    return next((m for m in mentions if m.text == text), None)


@pytest.mark.parametrize(
    ("text", "short", "code", "how"),
    [
        (
            "The Syrian National Coalition rejected the invitation on Monday. "
            "The Coalition said the meeting in Moscow would not help.",
            "Coalition",
            "SYROPP",
            "context:head",
        ),
        (
            "The High Negotiations Committee met in Riyadh on Sunday. "
            "The committee said it would send a delegation to Geneva.",
            "committee",
            "SYROPP",
            "context:head",
        ),
        (
            "The Russian Defence Ministry said its jets hit targets near Palmyra. "
            "The ministry gave no figures for casualties.",
            "ministry",
            "RUSGOV",
            "context:head",
        ),
        (
            "Bashar al-Jaafari, Syria's ambassador to the United Nations, arrived in Geneva on Friday. "
            "Jaafari said the talks would fail.",
            "Jaafari",
            "SYRGOV",
            "context:surname",
        ),
        (
            "The League of Arab States (LAS) met in Cairo on Sunday. "
            "The LAS condemned the attack on the embassy.",
            "LAS",
            "IGOARL",
            "context:acronym",
        ),
        (
            "The Syrian Opposition Coalition met in Istanbul on Monday. "
            "The SOC said it would not attend.",
            "SOC",
            "SYROPP",
            "context:acronym",
        ),
        (
            "President Bashar al-Assad spoke in Damascus on Monday. "
            "The government said it would attend the talks in Geneva.",
            "government",
            "SYRGOV",
            "context:agent",
        ),
        (
            "Syrian opposition figures met in Riyadh on Tuesday. "
            "Russia invited the opposition to Moscow.",
            "opposition",
            "SYROPP",
            "context:agent",
        ),
        (
            "Colombia's army fought the ELN in Arauca. The Colombian government sent troops. "
            "Bogota said the operation was over. Police arrested twelve suspects on Monday.",
            "Police",
            "COLCOP",
            "context:home",
        ),
        (
            "Islamic State claimed the bombing in Homs. "
            "The group said its fighters had attacked a checkpoint.",
            "group",
            "IMGMUSISI",
            "context:generic",
        ),
    ],
)
def test_resolver_context_resolves_short_references(
    article, parse, resolver, text, short, code, how
):
    *_, second = article(text)
    m = _found(second, short)
    assert m is not None, [(x.text, x.how) for x in second]
    assert (m.actor.code, m.how) == (code, how)
    # Each sentence alone cannot say who it is.
    alone = resolver.resolve(parse(text)[-1], WHEN)
    assert not any(x.how.startswith("context:") for x in alone)
    assert _found(alone, short) is None or _found(alone, short).actor.code != code


@pytest.mark.parametrize(
    ("text", "short"),
    [
        # two ministries were named: "the ministry" is either
        (
            "Russia's Foreign Ministry and the Turkish Foreign Ministry issued statements on Monday. "
            "The ministry said the pilots had been warned.",
            "ministry",
        ),
        # governments of two countries: "the government" stays unknown
        (
            "Vladimir Putin met President Tayyip Erdogan in Moscow on Monday. "
            "The government said the talks had gone well.",
            "government",
        ),
        # another person with the same surname
        (
            "Bashar al-Jaafari, Syria's ambassador to the United Nations, arrived in Geneva on Friday. "
            "Ali Jaafari said the talks would fail.",
            "Ali Jaafari",
        ),
        # "the state" is not Islamic State
        (
            "Islamic State seized the town on Sunday. The state has lost control of the border.",
            "state",
        ),
        # "the government of national unity" is not simply the government named before
        (
            "President Bashar al-Assad spoke in Damascus on Monday. "
            "The government of national unity said it would attend.",
            "government",
        ),
        # police in an article about two states equally
        (
            "Russia and Turkey traded accusations. Moscow and Ankara recalled envoys. "
            "Police arrested twelve protesters outside the embassy.",
            "Police",
        ),
    ],
)
def test_resolver_context_stays_conservative(article, text, short):
    *_, second = article(text)
    assert not any(m.how.startswith("context:") for m in second), [(m.text, m.how) for m in second]
    m = _found(second, short)
    assert m is None or m.actor is None or m.actor.code.startswith("---")


def test_resolver_context_most_recent_mention_and_count(article):
    context = ArticleContext()
    text = (
        "The High Negotiations Committee arrived in Geneva on Friday. "
        "UN envoy Staffan de Mistura met the committee on Saturday. "
        "The committee's spokesman said the talks were hard."
    )
    sentences = article(text, context=context)
    assert [m.actor.code for m in sentences[1] if m.text == "committee"] == ["SYROPP"]
    assert [m.actor.code for m in sentences[2] if m.text == "committee"] == ["SYROPP"]
    assert context.resolved == 2
    for mentions in sentences:  # still non-overlapping, in order
        assert all(
            a.token_end <= b.token_start for a, b in zip(mentions, mentions[1:], strict=False)
        )


def test_resolver_context_without_context_is_unchanged(parse, resolver):
    text = (
        "The Syrian National Coalition rejected the invitation on Monday. "
        "The Coalition said the meeting in Moscow would not help."
    )
    for sentence in parse(text):
        plain = resolver.resolve(sentence, WHEN)
        assert plain == resolver.resolve(sentence, WHEN, None)
        assert not any(m.how.startswith("context:") for m in plain)


def test_resolver_context_pipeline_codes_the_article_in_order():
    from entente.pipeline import code_records

    text = (
        "The Syrian National Coalition arrived in Istanbul on Sunday. "
        "The Coalition boycotted the talks in Moscow."
    )
    [(_, _, events)] = list(code_records([{"id": "a", "text": text, "date": "2015-01-26"}]))
    boycott = [e for e in events if e.sentence_index == 1 and e.root == "12"]
    assert boycott, [(e.cameo, e.sentence_index) for e in events]
    assert "SYROPP" in {p.actor.code for p in boycott[0].in_role("source", "participant")}


def test_resolver_context_words_file(tmp_path):
    words = load_context_words()
    assert "government" in words.back and "state" in words.not_head
    assert words.generic["group"] == frozenset({"group"})
    bad = tmp_path / "context.tsv"
    bad.write_text(
        "# a comment\nback\tgovernment\nback\tgovernment\nfront\tcoalition\n"
        "generic\tgroup\tguerrilla\nnot_head\tState\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeBaseError) as e:
        read_context_words(bad)
    problems = e.value.problems
    assert len(problems) == 4
    assert problems[0].startswith("context.tsv:3:") and "twice" in problems[0]
    assert "front" in problems[1] and "guerrilla" in problems[2] and "State" in problems[3]


def test_resolver_context_countries_tell_namesake_groups_apart(article):
    # Several groups are called the National Liberation Army; a Colombian story means
    # Colombia's, and without the article the sentence alone cannot say.
    text = (
        "Colombia's army reported fresh clashes in the north. "
        "Fighters from the National Liberation Army blew up an oil pipeline on Tuesday."
    )
    first, second = article(text)
    assert _found(second, "National Liberation Army").actor.code == "COLREB"
    other = article(
        "Bolivia's police said the cell was dismantled. "
        "Fighters from the National Liberation Army blew up an oil pipeline on Tuesday."
    )[1]
    assert _found(other, "National Liberation Army").actor.code == "BOLREB"


def test_resolver_context_the_government_of_the_country_the_article_is_about(article):
    text = (
        "Colombia's army said rebels attacked a pipeline in Colombia's north. "
        "The Peruvian government closed a border crossing. "
        "The Colombian government deployed troops after Colombia's rebels struck again. "
        "The government said talks would go on."
    )
    last = article(text)[-1]
    assert _found(last, "government").actor.code == "COLGOV"
    # With two countries named about as often, "the government" stays unresolved.
    even = article(
        "The Peruvian government closed a border crossing. "
        "The Colombian government deployed troops. "
        "The government said talks would go on."
    )[-1]
    assert _found(even, "government").actor.code == "---GOV"
