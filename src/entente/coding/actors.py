"""Which resolved actors a noun phrase of a parsed sentence stands for.

The actor resolver marks mentions (token ranges with an :class:`Actor`); the coder
asks "who is the subject of this verb" and gets a token. :class:`SentenceActors`
answers from the mentions: the mention covering the token, else actors among its
modifiers ("Syrian forces", "Iraq's adviser", "the president of Egypt"), plus
coordinated phrases ("Russia and Egypt"), pronouns (to the nearest governing
subject: "Obama said he would ...") and relative pronouns ("rebels, who ...").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from entente.coding.tree import Tree
from entente.types import Actor, Mention, Token

# Modifiers through which a noun phrase names its actor: "Syrian forces" (amod),
# "U.S. troops" (compound), "Iraq's adviser" (poss), "Petraeus, the US commander" (appos).
_MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "appos", "npadvmod", "nummod")
# Prepositions through which it does so: "the president of Egypt", "dissidents from Egypt".
_OF_PREPS = frozenset({"of", "from"})
# Nouns that count the people of their "of" phrase ("thousands of students").
_COUNT_NOUNS = frozenset(
    {"ten", "dozen", "score", "hundred", "thousand", "million", "tens", "dozens", "scores"}
    | {"hundreds", "thousands", "millions", "handful", "group", "crowd", "number", "some"}
)
_PERSONAL = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "us", "our"}
)
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
_PLURAL = frozenset({"they", "them", "their", "we", "us", "our"})
_SINGULAR_PERSON = frozenset({"he", "she", "him", "her", "his"})


class SentenceActors:
    """Resolved mentions of one sentence, looked up by token.

    Args:
        tree: the sentence's dependency tree.
        mentions: mentions from the resolver (unresolved ones are ignored).
        relational: nouns that name someone by their relation to another ("ally",
            "rival"): "Assad's ally" is not Assad, so their modifiers are not looked at.
    """

    def __init__(
        self,
        tree: Tree,
        mentions: list[Mention],
        relational: frozenset[str] = frozenset(),
        make: Callable[[str], Actor] | None = None,
        is_event: Callable[[Token], bool] = lambda t: False,
        sovereign: frozenset[str] = frozenset(),
    ) -> None:
        self.tree = tree
        self.relational = relational
        self.sovereign = sovereign  # what only a state has: "its airspace" is a state's
        self.make = make  # builds an actor from a code (country + agent)
        self.is_event = is_event  # whether a noun names an event ("strike", "attack")
        self.mentions = [m for m in mentions if m.actor is not None and m.token_end > m.token_start]
        n = len(tree)
        self._covering: list[Mention | None] = [None] * n
        # Longer mentions win a token they share with a shorter one ("Syrian President
        # Bashar Assad" over "Syrian").
        for m in sorted(self.mentions, key=lambda m: m.token_end - m.token_start):
            for i in range(max(0, m.token_start), min(n, m.token_end)):
                self._covering[i] = m
        self._cache: dict[int, list[Mention]] = {}

    def __bool__(self) -> bool:
        return bool(self.mentions)

    def covering(self, t: Token) -> Mention | None:
        """The mention that covers token ``t``, if any."""
        return self._covering[t.i] if 0 <= t.i < len(self._covering) else None

    def is_place(self, t: Token) -> bool:
        """Whether ``t`` names a place: the entity recognizer says so, or it is (part of)
        the name of a state, territory or place with no agent ("in Montenegro", "in the
        West Bank"). The second test keeps places working in a pipeline run without NER.
        """
        if t.ent_type in ("GPE", "LOC", "FAC"):
            return True
        m = self.covering(t)
        if m is None or m.actor is None:
            return False
        # a place's code may carry its region ("Gaza Strip" is PSEGZA); a state's may not
        return m.actor.kind == "place" or (m.actor.kind == "state" and not m.actor.agent)

    def head_of(self, m: Mention) -> Token:
        """The syntactic head of a mention: its token whose head lies outside it."""
        toks = self.tree.tokens[m.token_start : m.token_end]
        for t in reversed(toks):
            if not m.token_start <= t.head < m.token_end or t.head == t.i:
                return t
        return toks[-1]

    def of(self, t: Token | None) -> list[Mention]:
        """The actors the phrase headed by ``t`` stands for (coordination included)."""
        if t is None:
            return []
        if t.i not in self._cache:
            self._cache[t.i] = []  # guards against cycles in odd parses
            self._cache[t.i] = _dedupe(self._of(t, 0))
        return self._cache[t.i]

    def _of(self, t: Token, depth: int) -> list[Mention]:
        tree = self.tree
        found: list[Mention] = []
        m = self.covering(t)
        if m is not None:
            # Through a modifier, a bare agent word names no one: "military" in "military
            # cooperation" is not an actor, while "Syrian" in "Syrian positions" is.
            if depth == 0 or _has_country(m):
                found.append(m if _has_country(m) else self._origin(m) or m)
            found.extend(self._coordinated(m))
        elif t.lower in _RELATIVE and t.dep in ("nsubj", "nsubjpass", "dobj", "poss"):
            found.extend(self._relative(t))
        elif t.lower in _PERSONAL and t.pos == "PRON":
            found.extend(self.pronoun(t))
        elif depth < 2:
            # "Assad's ally" is not Assad, "opponents of the Senate" not the Senate; but
            # "Libyan rivals" are Libyan.
            relational = t.lemma.lower() in self.relational or t.lower in self.relational
            for k in tree.kids(t, *_MODIFIER_DEPS):
                if not (relational and k.dep in ("poss", "nmod", "appos")):
                    # a possessor names its owner, agent word or not: "the junta's order"
                    found.extend(self._of(k, depth if k.dep == "poss" else depth + 1))
            if not found and not relational:
                found.extend(self._placed_agent(t))
            if not found and not relational:
                # "tens of thousands of students" are the students, however deep the count
                count = t.pos == "NUM" or t.lemma.lower() in _COUNT_NOUNS
                for p in tree.kids(t, "prep"):
                    if p.lower in _OF_PREPS:
                        for obj in tree.kids(p, "pobj"):
                            found.extend(self._of(obj, depth if count else depth + 1))
        for c in tree.kids(t, "conj"):
            if c.pos in ("NOUN", "PROPN", "PRON", "ADJ", "X"):
                found.extend(self._of(c, depth))
        for a in tree.kids(t, "appos", "npadvmod"):
            # A list parsed as apposition: "the US, Russia, and Switzerland" (or with the
            # second item as a modifier: "Saudi Arabia, Turkey, Egypt and Italy").
            if tree.kids(a, "conj") and (a.dep == "appos" or self.covering(a) is not None):
                found.extend(self._of(a, depth))
        return found

    def _placed_agent(self, t: Token) -> list[Mention]:
        """An agent word on a noun placed by its "in"/"from" phrase: "a criminal organization
        in Honduras" is Honduras's criminals (HNDCRM)."""
        if self.make is None or self.is_event(t):
            return []  # "the drone attack in Jordan": an instrument, not Jordan's forces
        tree = self.tree
        agents = [
            m
            for k in tree.kids(t, "amod", "compound")
            if (m := self.covering(k)) is not None
            and m.actor is not None
            and m.actor.country == "---"
            and m.actor.agent
        ]
        if len(agents) != 1:
            return []
        states = {
            x.actor.country
            for p in tree.kids(t, "prep")
            if p.lower in ("in", "from")
            for x in self.of(tree.kid(p, "pobj"))
            if x.actor is not None and x.actor.kind == "state" and not x.actor.agent
        }
        if len(states) != 1:
            return []
        m = agents[0]
        return [replace(m, actor=self.make(states.pop() + m.actor.agent), how=f"{m.how}+in")]  # type: ignore[union-attr]

    def _origin(self, m: Mention) -> Mention | None:
        """For a mention without a country, the country it is said to come from.

        "envoys from the Qatari government": the envoys are Qatar's.
        """
        tree = self.tree
        head = self.head_of(m)
        for p in tree.kids(head, "prep"):
            if p.lower == "from":
                for o in self.of(tree.kid(p, "pobj")):
                    if _has_country(o):
                        return o
        # "Venezuela denied that its forces fired": the forces of the one "its" refers to
        if self.make is not None and m.actor is not None and m.actor.agent:
            for k in tree.kids(head, "poss"):
                if k.lower in _PERSONAL and k.pos == "PRON":
                    owners = {
                        # "the UN ... its peacekeepers": the organisation's own (IGOUNOMIL)
                        o.actor.code if o.actor.country in ("IGO", "NGO") else o.actor.country  # type: ignore[union-attr]
                        for o in self.pronoun(k)
                        if _has_country(o)
                    }
                    if len(owners) == 1:
                        return replace(
                            m, actor=self.make(owners.pop() + m.actor.agent), how=f"{m.how}+its"
                        )
        return None

    def _coordinated(self, m: Mention) -> list[Mention]:
        """Actors coordinated with a mention but attached elsewhere in the parse.

        "Narendra Modi and Xi Jinping" (the conjunct hangs on "Modi", the head may
        be "Narendra"), "US and British activists" ("US" is coordinated with "British").
        """
        tree = self.tree
        inside = range(m.token_start, m.token_end)
        found: list[Mention] = []
        for i in inside:
            t = tree.tokens[i]
            for c in tree.kids(t, "conj"):
                if c.i not in inside and c.pos in ("NOUN", "PROPN", "ADJ"):
                    found.extend(self.of(c))
        head = self.head_of(m)
        for k in tree.kids(head, "nmod", "compound", "amod", "npadvmod"):
            if k.i not in inside and any(c.i in inside for c in tree.kids(k, "conj")):
                other = self.covering(k)
                if other is not None and other is not m:
                    found.append(other)
        return found

    def _relative(self, t: Token) -> list[Mention]:
        """ "rebels, who attacked" -> the rebels: the noun that the relative clause modifies."""
        for a in self.tree.ancestors(t):
            if a.dep == "relcl":
                head = self.tree.head(a)
                return self.of(head) if head is not None else []
        return []

    def pronoun(self, t: Token) -> list[Mention]:
        """The actors a personal pronoun most likely refers to (within the sentence).

        First the subject of a clause that governs the pronoun ("Obama said he would
        ..."), else the nearest actor mentioned before it.
        """
        tree = self.tree
        plural = t.lower in _PLURAL
        # A pronoun object does not refer to its own clause's subject ("X fired at it" is
        # not X: that would be "itself"); a possessive may ("Syria withdrew its troops").
        own = None
        if t.dep != "poss":
            own = next((a for a in tree.ancestors(t) if a.pos in ("VERB", "AUX")), None)
        owner = tree.head(t) if t.dep == "poss" else None
        # "Ukraine said a Chinese aircraft violated its airspace": airspace is a state's
        sovereign = owner is not None and owner.lemma.lower() in self.sovereign
        for a in tree.ancestors(t):
            if a is own:
                continue
            for s in tree.kids(a, "nsubj", "nsubjpass"):
                if (
                    s.i != t.i
                    and s.i < t.i
                    and not (s.lower in _PERSONAL and s.pos == "PRON")  # "US" is no "us"
                    and not self.is_event(s)  # "an Israeli strike killed five of its fighters"
                    and self._agrees(s, plural, t)
                    and not (sovereign and not self._stately(s))
                ):
                    # The pronoun refers to this subject, named or not: "the alliance said it
                    # stood by Turkey" is the alliance, even if no actor is resolved for it.
                    return self.of(s)
        before = [m for m in self.mentions if m.token_end <= t.i]
        if t.lower in _SINGULAR_PERSON:
            # "he", "his" is a person, not the place named last, and rather a subject than
            # an object ("X met Y in Sochi, on his first visit": X's visit)
            people = [m for m in before if m.actor is not None and m.actor.kind == "person"]
            subjects = [m for m in people if self.head_of(m).dep in ("nsubj", "nsubjpass")]
            before = subjects or people or before
        if before:
            last = max(before, key=lambda m: m.token_end)
            return [last]
        return []

    def _stately(self, s: Token) -> bool:
        """Whether a subject can own what only a state has: a state or its government, not
        its aircraft or troops (nor an unresolved noun)."""
        return any(
            m.actor is not None and m.actor.agent in ("", "GOV") and _has_country(m)
            for m in self.of(s)
        )

    def _agrees(self, s: Token, plural: bool, pronoun: Token) -> bool:
        """Whether subject ``s`` can be what the pronoun refers to, by number.

        "The Coalition condemned the strikes and said they had killed ..." -- "they" is
        not the Coalition. Persons ("he", "she") agree with any singular noun.
        """
        many = s.tag in ("NNS", "NNPS") or bool(self.tree.kids(s, "conj"))
        if pronoun.lower in _SINGULAR_PERSON:
            return not many
        return many == plural or s.ent_type == "NORP" or self.is_place(s)


def _has_country(m: Mention) -> bool:
    return m.actor is not None and m.actor.country not in ("", "---")


def _dedupe(ms: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out = []
    for m in ms:
        key = (m.token_start, m.token_end)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out
