"""Matching lexicon patterns against a trigger word and its dependents.

A pattern's conditions are looked for in two parts of the clause around the
trigger: its *object side* (objects, particles, prepositional phrases, ``to``
clauses and, for a passive verb, the surface subject) and its *subject side*.
Word order does not matter, so "evidence against Russia was presented" and "the
US presented evidence against Russia" meet the same pattern.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from entente.coding.lexicon import Element, Lexicon, Pattern, lemma_candidates, norm
from entente.coding.tree import Tree
from entente.types import Token

# Dependents of a verb that make up its object side; subtrees below them are searched
# but do not cross into other clauses.
_OBJ_DEPS = frozenset(
    {
        "dobj",
        "iobj",
        "dative",
        "attr",
        "oprd",
        "acomp",
        "prt",
        "prep",
        "agent",
        "xcomp",
        "advmod",
        "npadvmod",
        "pobj",
        "compound",
        "dep",
        "obj",
    }
)
_STOP = frozenset({"relcl", "advcl", "ccomp", "parataxis", "csubj", "conj", "cc", "punct", "appos"})
_PREP_DEPS = frozenset({"prep", "agent", "dative"})
# A one-word condition names the head of a phrase, never a modifier: "&military" must not
# fire on "military cooperation".
_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "nummod", "det", "quantmod", "predet"})


def keys(t: Token) -> frozenset[str]:
    """The normalised forms a pattern word may meet in token ``t`` (text and lemma)."""
    return frozenset((norm(t.lower), norm(t.lemma.lower())))


@dataclass
class Match:
    """A pattern that matched a trigger, with the tokens its slots point at."""

    pattern: Pattern
    slots: dict[str, Token] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)  # token indices the pattern's words matched


class Matcher:
    """Finds the best pattern for a trigger token in one sentence."""

    def __init__(
        self, tree: Tree, lexicon: Lexicon, is_actor: Callable[[Token], bool] = lambda t: False
    ) -> None:
        self.tree = tree
        self.lexicon = lexicon
        self.is_actor = is_actor
        self._keys = [keys(t) for t in tree.tokens]

    def object_side(self, t: Token, noun: bool) -> tuple[list[Token], set[int]]:
        """Tokens on the object side of trigger ``t``, and those not inside a prepositional phrase.

        A plain word of a pattern names the object itself ("sign an *agreement*"); words
        inside prepositional phrases are reached only through ``prep:`` conditions, so an
        adjunct ("during its *campaign*") cannot make a pattern fire.
        """
        tree = self.tree
        out: list[Token] = []
        direct: set[int] = set()
        passive = not noun and tree.is_passive(t)
        for k in tree.kids(t):
            if noun:
                if k.dep in ("det", "punct", "cc", "relcl", "appos", "conj"):
                    continue
            elif k.dep not in _OBJ_DEPS and not (passive and k.dep == "nsubjpass"):
                continue
            out.extend(tree.subtree(k, _STOP))
            if k.dep in _PREP_DEPS:
                direct.add(k.i)
            else:
                direct.update(x.i for x in tree.subtree(k, _STOP | _PREP_DEPS))
        return out, direct

    def _participle_object(self, t: Token) -> Token | None:
        """The noun a past participle modifies ("the prisoners *released* by Israel"), which
        is its object; None for any other verb."""
        if t.dep != "acl" or t.tag != "VBN":
            return None
        h = self.tree.head(t)
        return h if h is not None and h.pos in ("NOUN", "PROPN") else None

    def subject_side(self, t: Token, subject: Token | None) -> list[Token]:
        """Tokens of the subject of trigger ``t`` (given, or its own nsubj)."""
        s = subject or self.tree.kid(t, "nsubj", "nsubjpass")
        return self.tree.subtree(s, _STOP) if s is not None else []

    def best(self, t: Token, pos: str, subject: Token | None = None) -> Match | None:
        """The most specific pattern of ``t``'s lemma that matches, or None.

        A past participle that modifies a noun ("a report *released* in Kigali") has
        that noun as its object only for the patterns that say it is no event
        ("release a report"): the phrase describes the noun, it does not report an act.
        """
        found = self._best(t, pos, subject)
        noun = self._participle_object(t) if pos == "verb" else None
        if noun is not None and (found is None or not found.pattern.is_null):
            phrase = [noun] + self.tree.kids(noun, *_MODIFIERS)
            described = self._best(t, pos, subject, extra=phrase)
            if described is not None and described.pattern.is_null:
                return described
        return found

    def _best(
        self, t: Token, pos: str, subject: Token | None, extra: list[Token] = ()
    ) -> Match | None:
        patterns: list[Pattern] = []
        # Guesses from the word's form only for verbs: "aides" is not "aid".
        lemmas = lemma_candidates(t.lemma, t.lower) if pos == "verb" else [t.lemma.lower(), t.lower]
        for lemma in lemmas:
            patterns = self.lexicon.patterns(lemma, pos)
            if patterns:
                break
        if not patterns:
            return None
        obj, direct = self.object_side(t, pos == "noun")
        if extra:
            obj, direct = obj + list(extra), direct | {x.i for x in extra}
        obj_keys: set[str] = set()
        for x in obj:
            obj_keys |= self._keys[x.i]
        subj: list[Token] | None = None
        found: Match | None = None
        for p in patterns:
            if found is not None and p.specificity < found.pattern.specificity:
                break
            if not _may_match(p, obj_keys):
                continue
            if subj is None and any(e.where == "subj" for e in p.elements):
                subj = self.subject_side(t, subject)
            m = self._match(p, t, obj, direct, subj or [], pos == "noun")
            if m is None:
                continue
            if found is None:
                found = m
            elif self._distance(t, m) < self._distance(t, found):
                # equally specific: the pattern whose words are nearer the trigger ("issued an
                # ultimatum to Ecuador to halt attacks" is an ultimatum, not an attack)
                found = m
        return found

    def _distance(self, t: Token, m: Match) -> int:
        """How far below trigger ``t`` the words a match used sit (summed tree depth)."""
        total = 0
        for i in m.used:
            x, steps = self.tree.tokens[i], 0
            while x.i != t.i and steps < 12:
                h = self.tree.head(x)
                if h is None:
                    break
                x, steps = h, steps + 1
            total += steps
        return total

    def _match(
        self,
        p: Pattern,
        t: Token,
        obj: list[Token],
        direct: set[int],
        subj: list[Token],
        noun: bool,
    ) -> Match | None:
        m = Match(p)
        for e in p.elements:
            if e.where == "subj":
                hit = self._phrase_in(e, subj, True)
                if hit is None:
                    return None
                m.used.add(hit.i)
            elif e.where == "obj":
                if not e.phrases:  # a bare slot: the object must be an actor
                    head = self.object_head(t)
                    if head is None or not self.is_actor(head):
                        return None
                    m.slots[e.slot] = head
                    continue
                hit = self._phrase_in(
                    e, [x for x in obj if x.i in direct and self._plain(x, t)], noun
                )
                if hit is None:
                    return None
                m.used.add(hit.i)
            else:
                # A prepositional phrase of the verb or of its object, not one nested in an adjunct.
                prep = self._prep_in(e, [x for x in obj if x.head == t.i or x.head in direct])
                if prep is None:
                    return None
                m.used.add(prep.i)
                if e.slot:
                    pobj = self.tree.kid(prep, "pobj", "pcomp")
                    if pobj is not None:
                        m.slots[e.slot] = pobj
        return m

    def _plain(self, x: Token, t: Token) -> bool:
        """Whether ``x`` may meet a plain pattern word: a preposition only right after the verb.

        "meet with", "ask for" are verb phrases; "demanded on Tuesday" is not "demand on".
        """
        if x.dep not in _PREP_DEPS:
            return True
        if x.i != t.i + 1 and not (x.i == t.i + 2 and self.tree.tokens[t.i + 1].dep == "prt"):
            return False
        obj = self.tree.kid(x, "pobj")
        return obj is None or not self.tree.is_date(obj)

    def object_head(self, t: Token) -> Token | None:
        """The object of trigger ``t``: its direct object, or a passive verb's subject."""
        tree = self.tree
        if tree.is_passive(t):
            return tree.kid(t, "nsubjpass")
        return tree.kid(t, "dobj", "obj")

    def _phrase_in(self, e: Element, tokens: list[Token], modifiers: bool) -> Token | None:
        """A token among ``tokens`` that heads one of ``e``'s phrases (modifiers only if allowed)."""
        for t in tokens:
            if t.dep in _MODIFIERS and not modifiers:
                continue
            for phrase in e.phrases:
                if phrase[-1] in self._keys[t.i] and self._rest_in(phrase, t):
                    return t
        return None

    def _rest_in(self, phrase: tuple[str, ...], head: Token) -> bool:
        if len(phrase) == 1:
            return True
        sub = self.tree.subtree(head, _STOP)
        return all(any(w in self._keys[x.i] for x in sub if x.i != head.i) for w in phrase[:-1])

    def _prep_in(self, e: Element, tokens: list[Token]) -> Token | None:
        for p in tokens:
            if p.dep not in _PREP_DEPS and not (p.dep == "prt" and not e.phrases):
                continue
            if not self._keys[p.i] & set(e.preps):
                continue
            if not e.phrases:
                if any(self.tree.is_date(o) for o in self.tree.kids(p, "pobj")):
                    continue  # "called Macri on Tuesday" is no "call on"
                return p
            inside = [
                x for x in self.tree.subtree(p, _STOP) if x.i != p.i and x.dep not in _MODIFIERS
            ]
            for x in inside:
                for phrase in e.phrases:
                    if phrase[-1] in self._keys[x.i] and self._rest_in(phrase, x):
                        return p
        return None


def _may_match(p: Pattern, obj_keys: set[str]) -> bool:
    """Quick test: every object-side word and preposition of ``p`` occurs somewhere."""
    for e in p.elements:
        if e.where == "obj" and e.phrases:
            if not any(ph[-1] in obj_keys for ph in e.phrases):
                return False
        elif e.where == "prep":
            if not any(x in obj_keys for x in e.preps):
                return False
    return True
