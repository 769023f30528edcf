"""Arbitrary events and articles survive a write and a read unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entente.store import Store
from entente.types import ROLES, Actor, Article, Event, Evidence, Participant

text = st.text(max_size=30)
small_int = st.integers(min_value=0, max_value=2**31 - 1)
codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ-", min_size=3, max_size=9)

actors = st.builds(
    Actor, code=codes, name=text, country=text, agent=text, kind=text, kb_id=st.none() | text
)
participants = st.builds(
    Participant,
    actor=actors,
    role=st.sampled_from(ROLES),
    start_char=small_int,
    end_char=small_int,
    text=text,
)
evidence = st.builds(
    Evidence, sentence=text, sentence_start=small_int, sentence_end=small_int, trigger=text,
    trigger_start=small_int, trigger_end=small_int,
)  # fmt: skip
articles = st.builds(
    Article, id=st.text(min_size=1, max_size=16), source=text, origin=text, text=st.text(max_size=200),
    url=st.none() | text, title=st.none() | text, published=st.none() | st.dates(),
    date_source=st.sampled_from(["metadata", "text", "file", "none"]), language=st.sampled_from(["en", "fr"]),
    meta=st.dictionaries(st.text(max_size=8), st.integers() | text | st.booleans(), max_size=3),
)  # fmt: skip


@st.composite
def article_with_events(draw):
    art = draw(articles)
    evs = draw(
        st.lists(
            st.builds(
                Event,
                id=st.text(min_size=1, max_size=16),
                article_id=st.just(art.id),
                sentence_index=small_int,
                date=st.none() | st.dates(),
                cameo=st.text(alphabet="0123456789", min_size=2, max_size=4),
                root=st.text(max_size=2),
                quad=st.integers(1, 4),
                goldstein=st.floats(-10, 10, allow_nan=False),
                plover=text,
                mode=st.sampled_from(["asserted", "negated", "future", "hypothetical", "demanded"]),
                participants=st.lists(participants, max_size=5).map(tuple),
                evidence=evidence,
                confidence=st.floats(0, 1),
                coder=text,
                plover_mode=text,
                location=st.none() | text,
            ),  # fmt: skip
            max_size=4,
            unique_by=lambda e: e.id,
        )
    )
    return art, evs


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(article_with_events(), max_size=3, unique_by=lambda x: x[0].id))
def test_store_round_trip_of_arbitrary_events(batch):
    # Events are unique by id across the whole batch (ids are content hashes in real use).
    seen: set[str] = set()
    cleaned = []
    for art, evs in batch:
        keep = [e for e in evs if e.id not in seen]
        seen.update(e.id for e in keep)
        cleaned.append((art, len(art.text), keep))
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "s.duckdb") as store:
            result = store.write_articles(cleaned, "run")
            got = {e.id: e for e in store.get_events()}
            want = {e.id: e for _, _, evs in cleaned for e in evs}
            assert result.events_new == len(want)
            assert got == want
            for art, _, _ in cleaned:
                back = store.get_article(art.id)
                assert back is not None
                assert back == Article(**{**{f: getattr(art, f) for f in Article.__slots__},
                                          "meta": dict(art.meta)})  # fmt: skip
            # The dyads stored are the ones Event.dyads() derives.
            table = store.events()
            for row in table.to_pylist():
                assert [(d["source"], d["target"]) for d in row["dyads"]] == want[row["id"]].dyads()
            assert store.write_articles(cleaned, "run").events_new == 0
