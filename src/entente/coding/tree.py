"""A read-only view of one parsed sentence's dependency tree, for the coder's rules.

:class:`entente.types.ParsedSentence` keeps only each token's head; the coder
asks for children, subtrees and clause relations many times per sentence, so
this view indexes them once.
"""

from __future__ import annotations

from entente.types import ParsedSentence, Token

# Dependents that open a new clause: their subtrees are other predicates' business.
CLAUSE_DEPS = frozenset(
    {"ccomp", "advcl", "relcl", "acl", "parataxis", "conj", "csubj", "xcomp", "pcomp"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
# Words of a date or time phrase, for sentences parsed without the entity recognizer.
DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday today yesterday tomorrow tonight morning afternoon evening night "
    "weekend week weeks month months year years day days decade decades spring summer autumn "
    "winter ago earlier".split()
)


class Tree:
    """Children, subtrees and clause helpers over a :class:`ParsedSentence`.

    Example:
        >>> tree = Tree(sentence)  # doctest: +SKIP
        >>> [t.text for t in tree.kids(tree.root, "nsubj")]  # doctest: +SKIP
        ['Russia']
    """

    __slots__ = ("sentence", "tokens", "_kids", "root", "dateline", "has_ner", "stative")

    def __init__(self, sentence: ParsedSentence, stative: frozenset[str] = frozenset()) -> None:
        self.sentence = sentence
        # participles whose subject is the doer, passive as they look ("were engaged in")
        self.stative = stative
        self.tokens: tuple[Token, ...] = sentence.tokens
        self._kids: list[list[Token]] = [[] for _ in self.tokens]
        # Whether the pipeline ran its entity recognizer (``ner = false`` skips it).
        self.has_ner = any(t.ent_iob for t in self.tokens)
        # "KHAN YUNIS, Palestinian Territories: Two boys ...": the place line is no
        # argument of the sentence's verbs, whatever the parser made of it.
        self.dateline = _dateline(self.tokens)
        root = 0
        for t in self.tokens:
            if t.head == t.i or not 0 <= t.head < len(self.tokens):
                root = t.i if t.dep == "ROOT" or root == 0 else root
                continue
            if t.i < self.dateline:
                continue
            self._kids[t.head].append(t)
        self.root = self.tokens[root] if self.tokens else None

    def is_date(self, t: Token) -> bool:
        """Whether ``t`` is part of a date or time: the entity recognizer's DATE/TIME, or,
        without it, a month, weekday or time word, or a year."""
        if self.has_ner:
            # a name the recognizer swept into a time ("at Kyiv overnight") is no date
            return t.ent_type in ("DATE", "TIME") and not (
                t.pos == "PROPN" and t.lower not in DATE_WORDS
            )
        if t.lower in DATE_WORDS and (t.lower != "may" or t.pos == "PROPN"):
            return True
        return t.text.isdigit() and len(t.text) == 4 and 1800 <= int(t.text) <= 2100

    def __len__(self) -> int:
        return len(self.tokens)

    def head(self, t: Token) -> Token | None:
        """The head of ``t``, or None for a root."""
        if t.head == t.i or not 0 <= t.head < len(self.tokens):
            return None
        return self.tokens[t.head]

    def kids(self, t: Token, *deps: str) -> list[Token]:
        """Children of ``t`` (with one of ``deps`` if given), in sentence order."""
        kids = self._kids[t.i]
        return [k for k in kids if k.dep in deps] if deps else list(kids)

    def kid(self, t: Token, *deps: str) -> Token | None:
        """The first child of ``t`` with one of ``deps``, or None."""
        for k in self._kids[t.i]:
            if k.dep in deps:
                return k
        return None

    def subtree(self, t: Token, stop: frozenset[str] = frozenset()) -> list[Token]:
        """``t`` and its descendants in sentence order, not entering children with a dep in ``stop``."""
        out = [t]
        todo = [k for k in self._kids[t.i] if k.dep not in stop]
        while todo:
            k = todo.pop()
            out.append(k)
            todo.extend(c for c in self._kids[k.i] if c.dep not in stop)
        out.sort(key=lambda x: x.i)
        return out

    def ancestors(self, t: Token) -> list[Token]:
        """The heads above ``t``, nearest first."""
        out = []
        seen = {t.i}
        h = self.head(t)
        while h is not None and h.i not in seen:
            out.append(h)
            seen.add(h.i)
            h = self.head(h)
        return out

    def is_negated(self, t: Token) -> bool:
        """Whether ``t`` is negated: a negation among its children ("did not attend", "never
        met"), or "no" on its subject or object ("sent no troops", "no talks were held")."""
        for k in self._kids[t.i]:
            if k.dep == "neg" or (k.lower in NEGATIONS and k.dep in ("advmod", "neg")):
                return True
            # "will no longer tolerate"
            if k.lower in ("longer", "more") and any(g.lower == "no" for g in self._kids[k.i]):
                return True
            # "offered no figures", "no talks took place": what is done or had is none
            if k.dep in ("dobj", "obj", "nsubj", "nsubjpass") and any(
                g.lower == "no" and g.dep == "det" for g in self._kids[k.i]
            ):
                return True
        return False

    def is_passive(self, t: Token) -> bool:
        """Whether verb ``t`` is in the passive voice ("was attacked"; not "was engaged in",
        when "engage" is one of the tree's ``stative`` lemmas)."""
        kids = self._kids[t.i]
        if t.lemma.lower() in self.stative and not any(k.dep == "agent" for k in kids):
            return False  # "were engaged in fighting" (but "were engaged by troops")
        return any(k.dep in ("nsubjpass", "auxpass", "csubjpass") for k in kids)

    def auxiliaries(self, t: Token) -> list[Token]:
        """The auxiliaries of verb ``t`` (will, would, has, is, ...)."""
        return [k for k in self._kids[t.i] if k.dep in ("aux", "auxpass")]


_SEPARATORS = frozenset({":", "\u2014", "\u2013", "--"})


def _dateline(tokens: tuple[Token, ...]) -> int:
    """How many tokens of a leading dateline ("BEIRUT (Reuters) -", "GAZA CITY, Gaza:") to skip.

    A dateline is a few place names (and a news agency in brackets) ended by a colon
    or a dash near the start of the sentence; 0 when there is none.
    """
    for k, t in enumerate(tokens[:10]):
        if t.text in _SEPARATORS or (t.text == "-" and k > 0 and tokens[k - 1].text == ")"):
            before = tokens[:k]
            # a place, or a city in capitals as datelines write it ("BEIRUT")
            places = any(x.ent_type in ("GPE", "LOC") for x in before) or (
                bool(before) and before[0].text.isupper() and len(before[0].text) > 2
            )
            # names in capitals ("Palestinian Territories", "GENEVA") and the date a
            # dateline may carry ("WASHINGTON, Jan 5 (Reuters) -")
            names = all(
                x.pos in ("PROPN", "PUNCT")
                or x.ent_type in ("GPE", "LOC", "ORG")
                or x.text[:1].isupper()
                or x.text.isdigit()
                for x in before
            )
            return k + 1 if before and places and names and len(tokens) - k > 3 else 0
    return 0
