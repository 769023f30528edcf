"""Article context: short references resolved through the actors named earlier in the article.

A sentence alone cannot say who "the Coalition", "the committee", "Jaafari" or "the
government" is; the article can. An :class:`ArticleContext` is made per article and
passed to :meth:`entente.actors.Resolver.resolve` with every sentence, in order. It
remembers the actors resolved so far with the forms they may later go by, and a later
short form that stands for exactly one of them is resolved to it (its most recent
mention). The rules, each named in ``Mention.how``, are deliberately conservative:

=====================  ===================================================================
``how``                rule
=====================  ===================================================================
``context:name``       a person's full name again, when the knowledge base does not know it
``context:surname``    a person's surname alone ("Jaafari" after "Bashar al-Jaafari"),
                       with its particle ("de Mistura", "al-Jaafari")
``context:acronym``    an acronym introduced in parentheses ("the High Negotiations
                       Committee (HNC)") or made of a name's initials
``context:head``       "the" + the head noun of a multi-word name ("the Coalition" after
                       "the Syrian National Coalition", "the ministry" after "the Russian
                       Defence Ministry"); not for the head words listed in ``context.tsv``
``context:generic``    "the group" (words listed in ``context.tsv``) for the one actor of
                       the listed kinds the article has named
``context:agent``      "the government", "the opposition" (listed in ``context.tsv``) for
                       the one country whose body of that agent the article has named
                       (of several, the one named at least twice as often as any other)
``context:home``       "police", "protesters" (listed in ``context.tsv``) for the state the
                       article is mostly about (named at least three times and at least
                       twice as often as any other)
=====================  ===================================================================

A form that two different earlier actors share resolves nothing. Only earlier
sentences count: a sentence does not refer back to itself.

Example:
    >>> from entente.actors import ArticleContext, Resolver, load_kb
    >>> resolver, context = Resolver(load_kb()), ArticleContext()
    >>> for sentence in sentences:  # one article, in order  # doctest: +SKIP
    ...     mentions = resolver.resolve(sentence, when, context)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from entente.actors.entries import KINDS
from entente.actors.normalize import token_key
from entente.datafiles import tab_rows
from entente.errors import KnowledgeBaseError
from entente.types import Actor, Mention, ParsedSentence, Token

if TYPE_CHECKING:
    from entente.actors.kb import KnowledgeBase

CONTEXT_FILE = Path(__file__).parent / "data" / "context.tsv"
RULES = ("back", "not_head", "generic", "home")
# Name particles that belong to a surname ("de Mistura", "al-Jaafari").
PARTICLES = frozenset(
    {"al", "el", "de", "da", "di", "du", "van", "von", "der", "bin", "ibn", "abu", "le", "la"}
)
# Entity types of a token that is a place or a people, never a person's surname.
NOT_PERSON = frozenset(
    {"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"}
)
# Kinds whose own names the knowledge base resolves wherever they occur.
PLACES = frozenset({"state", "place"})


@dataclass(frozen=True, slots=True)
class ContextWords:
    """The word lists of ``context.tsv`` (see that file for what each rule means)."""

    back: frozenset[str]
    not_head: frozenset[str]
    generic: dict[str, frozenset[str]]
    home: frozenset[str] = frozenset()


def read_context_words(path: Path | None = None) -> ContextWords:
    """Read and validate a context word file.

    Raises:
        KnowledgeBaseError: listing every bad line as ``file:line: problem``.
    """
    path = path or CONTEXT_FILE
    lists: dict[str, set[str]] = {"back": set(), "not_head": set(), "home": set()}
    generic: dict[str, frozenset[str]] = {}
    problems: list[str] = []
    for n, cells in tab_rows(path):
        where = f"{path.name}:{n}"
        cols = [c.strip() for c in cells]
        rule, form = cols[0], cols[1] if len(cols) > 1 else ""
        if rule not in RULES:
            problems.append(f"{where}: rule {rule!r} is not one of {', '.join(RULES)}")
            continue
        if not form or form != form.lower() or not all(w.isalpha() for w in form.split()):
            problems.append(f"{where}: form {form!r} must be lower-case words (letters only)")
            continue
        if rule == "generic":
            kinds = cols[2].split() if len(cols) > 2 else []
            bad = [k for k in kinds if k not in KINDS]
            if not kinds or bad:
                problems.append(
                    f"{where}: generic {form!r} needs actor kinds from {', '.join(KINDS)}; got {cols[2:]!r}"
                )
            elif form in generic:
                problems.append(f"{where}: generic {form!r} is listed twice")
            else:
                generic[form] = frozenset(kinds)
            continue
        if len(cols) > 2:
            problems.append(f"{where}: rule {rule} takes one form, got extra columns {cols[2:]!r}")
        elif form in lists[rule]:
            problems.append(f"{where}: {rule} {form!r} is listed twice")
        lists[rule].add(form)
    if problems:
        raise KnowledgeBaseError(f"the context word file {path} does not validate:", problems)
    return ContextWords(
        frozenset(lists["back"]), frozenset(lists["not_head"]), generic, frozenset(lists["home"])
    )


@lru_cache(maxsize=1)
def load_context_words() -> ContextWords:
    """The shipped ``context.tsv``, read and validated once per process."""
    return read_context_words()


class ArticleContext:
    """What an article has said so far about who is who.

    Make one per article and pass it to :meth:`entente.actors.Resolver.resolve` for each
    of the article's sentences, in order; the resolver both reads and updates it.

    Example:
        >>> context = ArticleContext()
        >>> context.actor("surname", ("jaafari",)) is None
        True
    """

    def __init__(self) -> None:
        # (form kind, key words) -> identity -> the actor at its latest mention
        self._forms: dict[tuple[str, tuple[str, ...]], dict[str, Actor]] = {}
        # agent (3 letters) -> country -> the latest actor of that country with that agent
        self._bodies: dict[str, dict[str, Actor]] = {}
        # actor kind -> identity -> latest actor
        self._kinds: dict[str, dict[str, Actor]] = {}
        # states the article has named so far, with how often (cues for namesakes: which
        # ELN is meant; the main country when "the government" could be two)
        self.mentions_of: Counter[str] = Counter()
        self.resolved = 0
        """How many mentions this context has resolved (for summaries and tests)."""

    def actor(self, form: str, key: tuple[str, ...]) -> Actor | None:
        """The one earlier actor that goes by ``key`` as a ``form`` (name, surname, acronym, head)."""
        found = self._forms.get((form, key))
        return next(iter(found.values())) if found and len(found) == 1 else None

    def body(self, agent: str) -> Actor | None:
        """The latest actor of the one country named with this agent ("GOV").

        When the article has named that body of several countries, the one of the country
        it is mostly about: named at least twice as often as any other so far.
        """
        found = self._bodies.get(agent[:3])
        if not found:
            return None
        if len(found) == 1:
            return next(iter(found.values()))
        ranked = sorted(found, key=lambda c: self.mentions_of[c], reverse=True)
        first, second = self.mentions_of[ranked[0]], self.mentions_of[ranked[1]]
        return found[ranked[0]] if _mostly(first, second) else None

    def main_country(self) -> str | None:
        """The state the article is mostly about so far: named at least three times and at
        least twice as often as any other; None when there is no such state."""
        ranked = self.mentions_of.most_common(2)
        if not ranked:
            return None
        first = ranked[0][1]
        second = ranked[1][1] if len(ranked) > 1 else 0
        return ranked[0][0] if _mostly(first, second) else None

    def of_kinds(self, kinds: frozenset[str]) -> Actor | None:
        """The one earlier actor of these kinds, if just one was named."""
        found: dict[str, Actor] = {}
        for kind in kinds:
            found.update(self._kinds.get(kind, {}))
        return next(iter(found.values())) if len(found) == 1 else None

    def remember(
        self, sentence: ParsedSentence, mentions: Sequence[Mention], kb: KnowledgeBase
    ) -> None:
        """Note the actors of a resolved sentence and the short forms they may go by later."""
        toks = sentence.tokens
        words = load_context_words()
        for m in mentions:
            a = m.actor
            if a is None:
                continue
            ident = f"{a.code}|{a.kb_id or a.name}"
            if _is_state(kb, a.country):
                self.mentions_of[a.country] += 1
            if m.how.split("@")[0] in ("name", "context:head", "context:acronym"):
                self._kinds.setdefault(a.kind, {})[ident] = a  # named, not "Syrian rebels"
            if a.agent and _is_state(kb, a.country):
                self._bodies.setdefault(a.agent[:3], {})[a.country] = a
            if a.kind in PLACES or m.how.startswith(("capital", "adjective", "demonym")):
                continue
            for form, key in _forms_of(toks, m, words):
                self._forms.setdefault((form, key), {})[ident] = a


def _mostly(first: int, second: int) -> bool:
    """Whether a state named ``first`` times is the one an article is mostly about, the
    next one being named ``second`` times: at least three times and twice as often."""
    return first >= 3 and first >= 2 * second


def apply_context(
    sentence: ParsedSentence, mentions: list[Mention], context: ArticleContext, kb: KnowledgeBase
) -> list[Mention]:
    """The sentence's mentions with short references resolved through ``context``.

    Agent nouns without a country ("the government") may gain one; words no mention
    covers may become mentions. Mentions stay non-overlapping and in sentence order.
    """
    toks = sentence.tokens
    words = load_context_words()
    out: list[Mention] = []
    for m in mentions:
        better = None
        if _bare_agent(m):
            better = _agent_back(toks, m, context, words, kb) or _agent_home(
                toks, m, context, words, kb
            )
        out.append(better or m)
    covered = [False] * len(toks)
    for m in out:
        for i in range(m.token_start, m.token_end):
            covered[i] = True
    i = 0
    while i < len(toks):
        found = None if covered[i] else _short_form(toks, i, covered, context, words)
        if found is None:
            i += 1
            continue
        start, end, actor, how = found
        out.append(_mention(sentence, start, end, actor, how))
        i = end
    context.resolved += sum(1 for m in out if m.how.startswith("context:"))
    return sorted(out, key=lambda m: m.token_start)


# --- forms an actor may go by -------------------------------------------------------


def _forms_of(
    toks: Sequence[Token], m: Mention, words: ContextWords
) -> list[tuple[str, tuple[str, ...]]]:
    """The short forms the actor of mention ``m`` may go by later in the article."""
    span = toks[m.token_start : m.token_end]
    if not span:
        return []
    out: list[tuple[str, tuple[str, ...]]] = []
    end = m.token_end
    if end + 2 < len(toks) and toks[end].text == "(" and toks[end + 2].text == ")":
        acronym = toks[end + 1].text
        if _is_acronym(acronym):  # "the High Negotiations Committee (HNC)"
            out.append(("acronym", (token_key(acronym),)))
    last = span[-1]
    if not last.text[:1].isupper():
        return out
    run = _name_run(span)
    # A person's name: the entity recognizer says so, or, in a pipeline run without it,
    # the mention resolved to a person and ends in a proper noun.
    person = last.ent_type == "PERSON" or (
        not last.ent_iob
        and last.pos == "PROPN"
        and m.actor is not None
        and m.actor.kind == "person"
    )
    if person and m.actor is not None and m.actor.kind not in ("igo", "ngo", "group"):
        keys = tuple(token_key(t.text) for t in run if token_key(t.text))
        if len(keys) >= 2:
            out.append(("name", keys))
        if keys and len(keys[-1]) > 2:
            out.append(("surname", keys[-1:]))
            if len(keys) >= 2 and keys[-2] in PARTICLES:
                out.append(("surname", keys[-2:]))
        return out
    capitalised = [t for t in span if t.text[:1].isupper() and token_key(t.text)]
    if len(capitalised) < 2 or person:
        return out
    head = toks[_head_of(toks, m.token_start, m.token_end)]
    key = token_key(head.text)
    if head.text[:1].isupper() and head.tag not in ("NNS", "NNPS") and key not in words.not_head:
        out.append(("head", (key,)))
    initials = "".join(token_key(t.text)[0] for t in capitalised)
    if len(initials) >= 3:
        out.append(("acronym", (initials,)))
    return out


def _name_run(span: Sequence[Token]) -> list[Token]:
    """The trailing run of name words of a mention ("Bashar al-Jaafari" in "UN ambassador ...")."""
    run: list[Token] = []
    for t in reversed(span):
        if t.pos == "PROPN" or t.text in ("-", "'") or token_key(t.text) in PARTICLES:
            run.append(t)
        else:
            break
    return list(reversed(run))


# --- rules on a new sentence --------------------------------------------------------


def _bare_agent(m: Mention) -> bool:
    """Whether a mention is an agent noun that found no country ("the government" = ---GOV)."""
    return m.actor is not None and m.how == "agent" and m.actor.code.startswith("---")


def _agent_back(
    toks: Sequence[Token],
    m: Mention,
    context: ArticleContext,
    words: ContextWords,
    kb: KnowledgeBase,
) -> Mention | None:
    """ "the government", "the committee", "the party": an agent noun that refers back."""
    if m.token_start == 0 or toks[m.token_start - 1].lower != "the":
        return None
    head = toks[_head_of(toks, m.token_start, m.token_end)]
    if any(k.dep == "prep" and k.lower == "of" for k in _kids(toks, head.i)):
        return None  # "the government of Libya" says whose it is
    if m.token_end - m.token_start == 1 and head.tag not in ("NNS", "NNPS"):
        # "the party" after "the Kurdish Democratic Union Party"
        named = context.actor("head", (token_key(head.text),))
        if named is not None:
            return _replace(m, named, "context:head")
    text = " ".join(t.lower for t in toks[m.token_start : m.token_end])
    if text not in words.back or m.actor is None:
        return None
    body = context.body(m.actor.agent)
    if body is None:
        return None
    code = body.country + m.actor.agent
    return _replace(m, kb.make_actor(code, kb_id=m.actor.kb_id), "context:agent")


def _agent_home(
    toks: Sequence[Token],
    m: Mention,
    context: ArticleContext,
    words: ContextWords,
    kb: KnowledgeBase,
) -> Mention | None:
    """ "police arrested", "protesters marched": people of a state's own life, in an
    article mostly about one state, are that state's."""
    head = toks[_head_of(toks, m.token_start, m.token_end)]
    if head.lower not in words.home or m.actor is None:
        return None
    if any(k.dep == "prep" and k.lower in ("of", "from", "in") for k in _kids(toks, head.i)):
        return None  # "police in Caracas", "protesters from Egypt" say where they are
    country = context.main_country()
    if country is None:
        return None
    code = country + m.actor.agent
    return _replace(m, kb.make_actor(code, kb_id=m.actor.kb_id), "context:home")


def _short_form(
    toks: Sequence[Token], i: int, covered: list[bool], context: ArticleContext, words: ContextWords
) -> tuple[int, int, Actor, str] | None:
    """A short reference starting at token ``i`` (not covered by a mention), or None."""
    t = toks[i]
    if _is_acronym(t.text):
        actor = context.actor("acronym", (token_key(t.text),))
        if actor is not None:
            return i, i + 1, actor, "context:acronym"
    if t.pos == "PROPN" and t.text[:1].isupper() and t.ent_type not in NOT_PERSON:
        found = _person_name(toks, i, covered, context)
        if found is not None:
            return found
    if (
        t.pos in ("NOUN", "PROPN")
        and t.dep != "compound"
        and t.tag not in ("NNS", "NNPS")
        and _definite(toks, t)
    ):
        if (t.text[:1].isupper() and not _own_name(toks, t)) or _bare(toks, t):
            # "the Istanbul-based Coalition" may keep its modifiers; "the committee" may not
            actor = context.actor("head", (token_key(t.text),))
            if actor is not None:
                return i, i + 1, actor, "context:head"
        if t.lower in words.generic and _bare(toks, t):  # a name's own head word goes first
            actor = context.of_kinds(words.generic[t.lower])
            if actor is not None:
                return i, i + 1, actor, "context:generic"
    return None


def _person_name(
    toks: Sequence[Token], i: int, covered: list[bool], context: ArticleContext
) -> tuple[int, int, Actor, str] | None:
    """A person's full name or surname (with a particle) starting at token ``i``."""
    j = i
    while (
        j < len(toks)
        and not covered[j]
        and (
            (toks[j].pos == "PROPN" and toks[j].text[:1].isupper())
            or toks[j].text in ("-",)
            or token_key(toks[j].text) in PARTICLES
        )
    ):
        j += 1
    if i > 0 and toks[i - 1].pos == "PROPN" and toks[i - 1].text[:1].isupper():
        return None  # inside a longer name
    keys = tuple(token_key(t.text) for t in toks[i:j] if token_key(t.text))
    if not keys:
        return None
    if len(keys) >= 2:
        actor = context.actor("name", keys)
        if actor is not None:
            return i, j, actor, "context:name"
    if len(keys) > 2 or (len(keys) == 2 and keys[0] not in PARTICLES):
        return None  # another person's full name ("Ali Jaafari" is not Bashar al-Jaafari)
    actor = context.actor("surname", keys)
    if actor is not None:
        return i, j, actor, "context:surname"
    return None


def _definite(toks: Sequence[Token], t: Token) -> bool:
    """Whether noun ``t`` has the definite article ("the committee")."""
    return any(k.dep == "det" and k.lower == "the" for k in _kids(toks, t.i))


def _bare(toks: Sequence[Token], t: Token) -> bool:
    """Whether noun ``t`` has nothing but "the" and a possessive ending ("the committee's")."""
    return (
        t.i > 0
        and toks[t.i - 1].lower == "the"
        and all(k.dep in ("det", "case", "punct") for k in _kids(toks, t.i))
    )


def _own_name(toks: Sequence[Token], t: Token) -> bool:
    """Whether noun ``t`` heads a name of its own ("the Arab League Council", "the Council of Europe")."""
    return any(
        (k.dep == "compound" and k.pos == "PROPN") or (k.dep == "prep" and k.lower == "of")
        for k in _kids(toks, t.i)
    )


# --- helpers ------------------------------------------------------------------------


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


def _is_state(kb: KnowledgeBase, country: str) -> bool:
    n = kb.by_code.get(country)
    return n is not None and kb.entries[n].kind == "state"


def _kids(toks: Sequence[Token], i: int) -> list[Token]:
    return [k for k in toks if k.head == i and k.i != i]


def _head_of(toks: Sequence[Token], start: int, end: int) -> int:
    """The token of ``start..end`` whose head lies outside it (the span's syntactic head)."""
    for i in range(end - 1, start - 1, -1):
        if not (start <= toks[i].head < end) or toks[i].head == i:
            return i
    return end - 1


def _mention(sentence: ParsedSentence, start: int, end: int, actor: Actor, how: str) -> Mention:
    toks = sentence.tokens
    return Mention(
        article_id=sentence.article_id,
        sentence_index=sentence.index,
        start_char=toks[start].start,
        end_char=toks[end - 1].end,
        token_start=start,
        token_end=end,
        text=sentence.span_text(start, end),
        actor=actor,
        how=how,
    )


def _replace(m: Mention, actor: Actor, how: str) -> Mention:
    return replace(m, actor=actor, how=how)
