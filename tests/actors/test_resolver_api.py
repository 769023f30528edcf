"""Resolver API: offsets, no overlaps, token lookups, the prefilter, settings overrides."""

from __future__ import annotations

import json
from datetime import date

import pytest

from entente.actors import Resolver, load_kb, mention_at, mention_index
from entente.config import Settings

TEXT = (
    "Russian warplanes struck rebel positions near Aleppo on Tuesday, the Syrian Observatory said. "
    "Foreign Minister Lavrov told the UN envoy in Geneva that Moscow and Ankara had agreed on a truce, "
    "while Turkish officials and the Free Syrian Army rejected it."
)


@pytest.fixture(scope="module")
def resolver():
    return Resolver(load_kb())


def test_resolver_offsets_point_into_the_article(parse, resolver):
    text = "An earlier sentence. " + TEXT
    for sentence in parse(text):
        for m in resolver.resolve(sentence, date(2016, 2, 1)):
            assert text[m.start_char : m.end_char] == m.text
            assert sentence.span_text(m.token_start, m.token_end) == m.text
            assert m.sentence_index == sentence.index and m.article_id == sentence.article_id


def test_resolver_mentions_never_overlap(parse, resolver):
    for sentence in parse(TEXT):
        mentions = resolver.resolve(sentence, None)
        assert mentions == sorted(mentions, key=lambda m: m.token_start)
        for a, b in zip(mentions, mentions[1:], strict=False):
            assert a.token_end <= b.token_start


def test_resolver_token_lookup_helpers(parse, resolver):
    sentence = parse(TEXT)[1]
    mentions = resolver.resolve(sentence, date(2016, 2, 1))
    cover = mention_index(mentions, len(sentence.tokens))
    lavrov = next(t.i for t in sentence.tokens if t.text == "Lavrov")
    assert mentions[cover[lavrov]].actor.code == "RUSGOV"
    assert mention_at(mentions, lavrov) is mentions[cover[lavrov]]
    told = next(t.i for t in sentence.tokens if t.text == "told")
    assert cover[told] is None and mention_at(mentions, told) is None


def test_resolver_actor_kinds_flag_metonyms_people_and_igos(parse, resolver):
    mentions = resolver.resolve(parse(TEXT)[1], date(2016, 2, 1))
    kinds = {m.text: (m.actor.kind, m.how.split("@")[0]) for m in mentions}
    assert kinds["Moscow"] == ("government", "capital:metonym")
    assert kinds["Foreign Minister Lavrov"][0] == "person"
    (envoy,) = [k for k in kinds if "UN envoy" in k]
    assert kinds[envoy][0] == "igo"
    assert kinds["Geneva"][0] == "place"


def test_resolver_empty_and_actorless_sentences(parse, resolver):
    assert resolver.resolve(parse("It rained all day and nobody went out.")[0], None) == []


def test_resolver_a_verb_is_no_part_of_a_name(parse, resolver):
    # a "Mohamed Said" is known; in "Sherif Mohamed said" the verb is not his last name
    sentence = parse("Sherif Mohamed said the border would stay closed.")[0]
    texts = [m.text for m in resolver.resolve(sentence, date(2025, 3, 1))]
    assert not any("said" in t for t in texts), texts


def test_resolver_prefilter(resolver):
    assert resolver.could_match(["the", "russian", "army", "said"])
    assert resolver.could_match(["rebels", "fled"])
    assert not resolver.could_match(["it", "rained", "all", "day"])


def test_resolver_override_file_through_settings(tmp_path, parse):
    extra = tmp_path / "acme.jsonl"
    extra.write_text(
        json.dumps(
            {
                "id": "person:ada-quill",
                "kind": "person",
                "name": "Ada Quill",
                "aliases": ["Ada Quill", "Quill"],
                "roles": [{"code": "FRAGOV", "start": "2030-01-01", "end": None}],
            }
        )
        + "\n"
    )
    settings = Settings(actors=(extra,))
    resolver = Resolver(load_kb(settings.actors))
    (sentence,) = parse("Quill met the Italian ambassador.")
    codes = {m.text: m.actor.code for m in resolver.resolve(sentence, date(2031, 1, 1))}
    assert codes["Quill"] == "FRAGOV"
    codes = {m.text: m.actor.code for m in resolver.resolve(sentence, date(2020, 1, 1))}
    assert codes["Quill"] == "FRAELI"
