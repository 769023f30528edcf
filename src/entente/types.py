"""The plain data that flows between entente's stages.

Every stage speaks these frozen dataclasses. spaCy objects never cross the
boundary of ``entente.nlp``: a parsed sentence arrives downstream as a
:class:`ParsedSentence` of plain :class:`Token` records, so the actor resolver,
the coder, the store and Dask workers all handle ordinary picklable values.

Character offsets are always offsets into the *article text* (``Article.text``),
so evidence can be highlighted in the original without re-tokenising.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

DateSource = Literal["metadata", "text", "file", "none"]
"""Where an article's date came from, in order of trust."""

ActorKind = Literal[
    "state", "government", "person", "igo", "ngo", "group", "ethnic", "religious", "sector", "place"
]

Role = Literal["source", "target", "participant", "host", "mediator", "absent"]
ROLES: tuple[str, ...] = ("source", "target", "participant", "host", "mediator", "absent")

Mode = Literal["asserted", "negated", "future", "hypothetical", "demanded", "historical"]
"""How an event is reported: it happened, it did not, it is intended, it might, it is asked
for, or it is background told again (an earlier event recalled, not news of the day)."""
MODES: tuple[str, ...] = ("asserted", "negated", "future", "hypothetical", "demanded", "historical")


def content_id(*parts: str, length: int = 16) -> str:
    """A short, stable content hash of some strings (hex; same input, same id).

    >>> content_id("Russia and Egypt agreed.")
    '300f9f191a89c5b3'
    """
    h = hashlib.blake2b(digest_size=length // 2)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as read from any source.

    Attributes:
        id: content hash of the normalised text (the same story twice is one article).
        source: the publisher or feed name ("Reuters", "example corpus"), else the file name.
        origin: where it was read from (a path, a path with a line/row number, a URL, ``-``).
        url: the article's own address, if known.
        title: headline, if known.
        text: the plain text that is coded.
        published: publication date, if known.
        date_source: where ``published`` came from: metadata, text, file (mtime) or none.
        language: ISO 639-1 code.
        meta: anything else the source carried (input id, author, ...).
    """

    id: str
    source: str
    origin: str
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    date_source: DateSource = "none"
    language: str = "en"
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be turned into an article, and why.

    Attributes:
        origin: the path, row or URL that failed.
        reason: one line saying what was wrong (and, where useful, what to do).
        stage: which stage gave up: ingest, nlp, coding or store.
    """

    origin: str
    reason: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parsed sentence, copied out of spaCy.

    ``i`` and ``head`` index into the sentence's ``tokens``; ``start``/``end`` are
    character offsets into the article text.
    """

    i: int
    text: str
    lower: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int
    end: int
    ent_type: str = ""
    ent_iob: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article (offsets into the article text)."""

    article_id: str
    index: int
    text: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A sentence with its tokens and dependency parse, free of spaCy objects."""

    article_id: str
    index: int
    text: str
    start_char: int
    end_char: int
    tokens: tuple[Token, ...]

    def children(self, i: int) -> list[Token]:
        """The tokens whose head is token ``i`` (in sentence order)."""
        return [t for t in self.tokens if t.head == i and t.i != i]

    def span_text(self, start_token: int, end_token: int) -> str:
        """The article text covered by tokens ``start_token`` .. ``end_token - 1``."""
        a = self.tokens[start_token].start - self.start_char
        b = self.tokens[end_token - 1].end - self.start_char
        return self.text[a:b]

    @property
    def sentence(self) -> Sentence:
        return Sentence(self.article_id, self.index, self.text, self.start_char, self.end_char)


@dataclass(frozen=True, slots=True)
class Actor:
    """A political actor as coded: CAMEO-style code plus what it stands for.

    Attributes:
        code: CAMEO/Phoenix actor code, e.g. ``RUSGOV``, ``IGOUNO``, ``SYRREB``, ``---REB``.
        name: canonical name ("Russia", "Sergey Lavrov", "United Nations").
        country: the country part of the code (``RUS``, ``IGO``, ``---``), for roll-ups.
        agent: the agent part (``GOV``, ``MIL``, ``UNO``) or ``""`` for a bare state.
        kind: state, government, person, igo, ngo, group, ...
        kb_id: the knowledge-base entry that produced it (for review), if any.
    """

    code: str
    name: str
    country: str
    agent: str = ""
    kind: str = "state"
    kb_id: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of a sentence that refers to an actor (or was tried and not resolved).

    Attributes:
        article_id, sentence_index: where it is.
        start_char, end_char: offsets into the article text.
        token_start, token_end: token range within the sentence (end exclusive).
        text: the surface text.
        actor: the resolved actor, or None if nothing matched.
        how: which dictionary entry or context rule resolved it (kept for review).
    """

    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    token_start: int
    token_end: int
    text: str
    actor: Actor | None
    how: str


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor taking part in an event, in a role, with its place in the text."""

    actor: Actor
    role: str
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """What supports an event: the sentence and the trigger's place in it."""

    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when, and which sentence says so.

    A multi-party event (talks between three parties) is one ``Event`` with several
    participants; :meth:`dyads` derives the CAMEO-style directed pairs from it.

    Attributes:
        id: content hash of article, sentence, code, participants and trigger offsets.
        cameo: CAMEO event code, a string with its leading zero ("042").
        root: the two-digit CAMEO root ("04").
        quad: QuadClass 1-4.
        goldstein: Goldstein value of ``cameo``.
        plover: PLOVER event type ("CONSULT"), or "" where CAMEO has none (statements).
        mode: asserted, negated, future, hypothetical, demanded or historical.
        plover_mode: PLOVER's own mode for the type ("visit", "multilateral"), if any.
        location: place name where the event happened, if stated.
        act: the CAMEO code of the act an intent or threat is about ("will meet" is
            intent 036 about the act 040), or "" when the code names the act itself.
        committed: a threat made as a commitment ("Qatar pledged to expel the leaders":
            137 about 174) rather than held over the target; PETRARCH-style data list it
            as the act.
        confidence: 0-1, how sure the coder is.
        coder: coder name and version.
    """

    id: str
    article_id: str
    sentence_index: int
    date: date | None
    cameo: str
    root: str
    quad: int
    goldstein: float
    plover: str
    mode: str
    participants: tuple[Participant, ...]
    evidence: Evidence
    confidence: float
    coder: str
    plover_mode: str = ""
    location: str | None = None
    act: str = ""
    committed: bool = False

    def in_role(self, *roles: str) -> list[Participant]:
        """Participants that have one of ``roles``."""
        return [p for p in self.participants if p.role in roles]

    def dyads(self) -> list[tuple[str | None, str | None]]:
        """Directed (source, target) actor-code pairs, CAMEO style, derived from the roles.

        Sources act on targets. Without a target, the hosts and mediators are the
        targets of the other participants' act. Without a source, parties of a
        joint event (role ``participant``) act on each other: every ordered pair;
        hosts and mediators, if there are any, act on each party, as CAMEO's "host"
        (043) and "mediate" (045) have them ("talks in Moscow between the UN and the
        opposition": UN and opposition both ways, and Russia towards each). A side
        that is missing is None. Absent actors take part in no dyad.
        """
        sources = _codes(self.in_role("source"))
        targets = _codes(self.in_role("target"))
        joint = _codes(self.in_role("participant"))
        hosts = _codes(self.in_role("host", "mediator"))
        if sources and not targets:
            targets = joint + hosts
        elif not sources and joint:
            if targets:
                sources = joint
            elif hosts:
                pairs = [(a, b) for a in joint for b in joint if a != b]
                pairs += [(h, a) for a in joint for h in hosts if a != h]
                return list(dict.fromkeys(pairs))
            elif len(joint) > 1:
                return [(a, b) for a in joint for b in joint if a != b]
            else:
                sources = joint
        elif not sources and hosts and not targets:
            return [(h, None) for h in hosts]
        pairs = [(s, t) for s in sources or [None] for t in targets or [None] if s != t]
        return list(dict.fromkeys(pairs))


def _codes(participants: list[Participant]) -> list[str]:
    return list(dict.fromkeys(p.actor.code for p in participants))
