"""Hand-built articles and events for the store tests (no NLP needed)."""

from __future__ import annotations

from datetime import date

from entente.types import Actor, Article, Event, Evidence, Participant, content_id


def actor(code: str) -> Actor:
    """An actor whose country is the first three letters of its code."""
    return Actor(code=code, name=f"name of {code}", country=code[:3], agent=code[3:], kind="state")


def article(
    key: str, published: date | None = date(2015, 1, 26), source: str = "Test Wire"
) -> Article:
    """An article whose text (and so id) depends on ``key``."""
    text = f"Article {key}. Russia and Egypt agreed to cooperate."
    return Article(
        id=content_id(text),
        source=source,
        origin=f"{key}.txt",
        text=text,
        url=f"https://example.org/{key}",
        title=f"Title {key}",
        published=published,
        date_source="metadata" if published else "none",
    )


def event(
    art: Article,
    roles: list[tuple[str, str]],
    cameo: str = "057",
    quad: int = 1,
    goldstein: float = 8.0,
    day: date | None = date(2015, 1, 26),
    mode: str = "asserted",
    sentence: str = "Russia and Egypt agreed to cooperate.",
    index: int = 0,
) -> Event:
    """An event of ``art`` with (code, role) participants; the id hashes everything that varies."""
    participants = tuple(
        Participant(actor(code), role, 10 + 7 * i, 16 + 7 * i, code)
        for i, (code, role) in enumerate(roles)
    )
    eid = content_id(art.id, str(index), cameo, mode, str(day), repr(roles), sentence)
    return Event(
        id=eid,
        article_id=art.id,
        sentence_index=index,
        date=day,
        cameo=cameo,
        root=cameo[:2],
        quad=quad,
        goldstein=goldstein,
        plover="AGREE",
        mode=mode,
        participants=participants,
        evidence=Evidence(sentence, 10, 10 + len(sentence), "agreed", 27, 33),
        confidence=0.8,
        coder="test-coder 1",
    )
