"""Build small stores of hand-made events with known answers for the analysis tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from entente.store import Store
from entente.types import Actor, Article, Event, Evidence, Participant, content_id

# (QuadClass, Goldstein) of the CAMEO codes the tests use, as in the CAMEO tables.
CODES = {
    "010": (1, 0.0), "036": (1, 4.0), "040": (1, 1.0), "042": (1, 1.9), "043": (1, 2.8), "045": (1, 5.0),
    "046": (1, 7.0), "051": (1, 3.4), "057": (1, 8.0), "061": (2, 6.4), "070": (2, 7.0),
    "111": (3, -2.0), "112": (3, -2.0), "125": (3, -5.0), "130": (3, -4.4), "163": (4, -8.0),
    "173": (4, -5.0), "190": (4, -10.0), "193": (4, -10.0),
}  # fmt: skip


@dataclass
class Corpus:
    """Events grouped into articles; ``add`` one report at a time, then ``write``."""

    articles: dict[str, tuple[Article, list[Event]]] = field(default_factory=dict)

    def add(
        self,
        article: str,
        day: date,
        code: str,
        roles: list[tuple[str, ...]],
        mode: str = "asserted",
        location: str | None = None,
        sentence: str | None = None,
        source: str = "Wire",
    ) -> Event:
        """Add one event reported by ``article`` (articles are created on first use).

        ``roles`` are ``(code, role)`` or ``(code, role, text, kind, kb_id)``: the words the
        actor was named by ("Moscow", also its name), its kind ("place") and knowledge-base id.
        """
        if article not in self.articles:
            text = f"Article {article} of {day}."
            art = Article(id=content_id(text), source=source, origin=article, text=text,
                          published=day, date_source="metadata")  # fmt: skip
            self.articles[article] = (art, [])
        art, events = self.articles[article]
        quad, goldstein = CODES[code]
        sentence = sentence or f"{' and '.join(r[0] for r in roles)} {code} on {day} ({article})."
        index = len(events)
        participants = tuple(
            Participant(
                Actor(r[0], r[2] if len(r) > 2 else r[0], r[0][:3], r[0][3:], *r[3:5]),
                r[1], i, i + 3, r[2] if len(r) > 2 else r[0],
            )
            for i, r in enumerate(roles)
        )  # fmt: skip
        ev = Event(
            id=content_id(art.id, str(index), code, mode, sentence, repr(roles)),
            article_id=art.id, sentence_index=index, date=day, cameo=code, root=code[:2],
            quad=quad, goldstein=goldstein, plover="", mode=mode, participants=participants,
            evidence=Evidence(sentence, 0, len(sentence), code, 0, 3), confidence=0.9,
            coder="test", location=location,
        )  # fmt: skip
        events.append(ev)
        return ev

    def write(self, path: Path) -> Path:
        """Write everything to a new store at ``path``."""
        with Store.open(path) as store:
            store.write_articles([(a, 1, evs) for a, evs in self.articles.values()], "test")
        return path


def pair(a: str, b: str) -> list[tuple[str, str]]:
    """Roles for a directed act of ``a`` on ``b``."""
    return [(a, "source"), (b, "target")]
