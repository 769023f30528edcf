"""Mention resolution: which stretches of a parsed sentence name which actor, on a day.

The resolver works on :class:`entente.types.ParsedSentence` (no spaCy objects).
It runs in three steps:

1. **Dictionary match** — a greedy longest match of token keys against the
   knowledge-base index (a dict of key tuples, built once per knowledge base).
   A plural noun may also match by its lemma ("rebels" -> "rebel").
2. **Choice** — when several entries share a name, the one whose context cues
   occur in the sentence wins ("Atlanta" -> Georgia the US state), then the one
   the named-entity tag agrees with, then the one loaded later.
3. **Context rules** on the dependency parse, each named in ``Mention.how``:

   ========================  ==========================================================
   ``how``                   rule
   ========================  ==========================================================
   ``name``                  a name of the entry itself ("Russia" = RUS)
   ``adjective``             a country adjective alone ("the Russian building" = RUS)
   ``demonym``               the people ("Russians" = RUS)
   ``capital:metonym``       a capital that acts ("Moscow said" = RUSGOV)
   ``capital:place``         a capital as a place ("talks in Moscow" = RUS)
   ``person@DATE-ROLE``      a person, coded by their role on the day
   ``title+person``          a title before a known person ("Foreign Minister Lavrov")
   ``title+name``            a title before an unknown name ("President X" = ---GOV)
   ``country+agent``         a country modifier of an agent noun ("Syrian rebels")
   ``possessive+agent``      "Russia's foreign minister" = RUSGOV
   ``agent+of``              "the president of Georgia" = GEOGOV
   ``conj+agent``            "Czech and Slovak officials": both get GOV
   ``conj+adjective``        "the Syrian government and opposition figures" = SYROPP
   ``possessive+person``     "Egypt's Sisi" (the person's dated code)
   ``appositive``            "Jeffrey Kupfer, a US energy official," = USAGOV
   ``person+office``         a known person with no office that day, by an appositive's
                             ("X, the United Nations relief coordinator," = IGOUNO)
   ``title+surname``         a title before a surname ("President Assad"), misspellings allowed
   ``agent+in``, ``+from``   "a court in Guyana" = GUYJUD, "dissidents from Myanmar" = MMROPP
   ``country+ethnic``        "Iraqi Kurds" = IRQkur
   ``demonym+in``/``+of``    "Russians of eastern Ukraine" = UKRCVL
   ``ethnic+residence``      "ethnic Albanians" in a sentence naming one other state
   ``agent``                 an agent noun with no country ("rebels" = ---REB)
   ``surname@DATE-ROLE``     a surname alone, of the one known person in office that day
   ========================  ==========================================================

With an :class:`~entente.actors.ArticleContext` (one per article, sentences in order),
short references are then resolved through the actors of earlier sentences (``how``
``context:head``, ``context:surname``, ``context:acronym``, ``context:agent``, ...; see
:mod:`entente.actors.context`).

A place before "-based" names where an actor sits, not who it is ("the London-based
Syrian Observatory"); a multi-word organisation name ending in a lower-case common noun
is an ordinary phrase ("a strict Islamic state").

Mentions never overlap; each carries the :class:`entente.types.Actor` it resolved to.

Example:
    >>> from entente.actors import load_kb
    >>> from entente.nlp import parse_text
    >>> r = Resolver(load_kb())
    >>> [m.actor.code for m in r.resolve(parse_text("Moscow said Syrian rebels fled.")[0], None)]
    ... # doctest: +SKIP
    ['RUSGOV', 'SYRREB']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from entente.actors.context import ArticleContext, apply_context
from entente.actors.entries import Entry
from entente.actors.kb import GROUP_AGENTS, KnowledgeBase, agent_kind
from entente.actors.normalize import SKIPPABLE, alias_keys, bare_text, has_capital, token_key
from entente.types import Actor, Mention, ParsedSentence, Token

# Kinds that can modify an agent noun to give it a country ("Syrian rebels").
COUNTRYLIKE = frozenset({"state", "place", "igo", "government", "group", "ngo", "ethnic"})
# Proper names need a capital letter somewhere in the match ("china" is porcelain).
PROPER = frozenset(
    {"state", "place", "igo", "ngo", "group", "government", "person", "ethnic", "religious"}
)
# Kinds whose multi-word names end in a common noun ("Islamic State", "Muslim Brotherhood"):
# written in lower case, that noun is an ordinary word ("a strict Islamic state").
ORGANISED = frozenset({"group", "igo", "ngo", "person"})  # imported bodies may be filed as people
# A capital after one of these prepositions is a place, not an actor.
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "into",
        "to",
        "from",
        "within",
        "throughout",
        "toward",
        "towards",
        "through",
        "via",
        "between",
        "beyond",
        "over",
        "on",
        "onto",
        "off",
        "past",
        "along",
    }
)
SUBJECT_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "agent",
        "poss",
        "dobj",
        "iobj",
        "dative",
        "appos",
        "attr",
        "ROOT",
    }
)
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss", "nn", "nummod"})
# Words before a title that mean the person no longer holds it.
FORMER = frozenset({"former", "ex", "late", "then", "onetime", "erstwhile", "outgoing", "previous"})
NER_AGREES = {
    "person": {"PERSON"},
    "state": {"GPE", "LOC", "NORP"},
    "place": {"GPE", "LOC", "FAC"},
    "igo": {"ORG", "NORP"},
    "ngo": {"ORG"},
    "group": {"ORG", "NORP"},
    "government": {"ORG", "FAC", "GPE"},
}


@dataclass(slots=True)
class _Span:
    """A dictionary match being worked on (token range, chosen entry, how it is used)."""

    start: int
    end: int
    entry: Entry | None
    use: str
    entry_index: int = -1
    code: str = ""
    how: str = ""
    kind: str = ""
    name: str | None = None
    done: bool = False
    absorbed: bool = False
    extra: dict = field(default_factory=dict)


class Resolver:
    """Resolves the actor mentions of parsed sentences against a knowledge base.

    Build one per process and reuse it: building indexes the knowledge base once.

    Example:
        >>> from entente.actors import load_kb
        >>> resolver = Resolver(load_kb())
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        # One key per name that any sentence naming it must contain: its longest word,
        # which is rarely a common one ("heng" for "It Heng", not "it").
        self._country_keys: dict[str, tuple[str, ...]] = {}
        self._kids: list[list[int]] = []

    # --- public API -----------------------------------------------------------------

    def resolve(
        self,
        sentence: ParsedSentence,
        when: date | None = None,
        context: ArticleContext | None = None,
    ) -> list[Mention]:
        """The actor mentions of one sentence, in order, resolved as of ``when``.

        Args:
            sentence: a parsed sentence (offsets into the article text).
            when: the article's date; people are coded by their role on that day,
                and without a date by their current (latest) role.
            context: the article's context (:class:`~entente.actors.ArticleContext`),
                when the sentences of one article are resolved in order: short
                references ("the Coalition", "Jaafari", "the government") are then
                resolved through the actors of earlier sentences, and this
                sentence's actors are remembered for later ones.

        Returns:
            Non-overlapping mentions in sentence order, each with its actor and the
            rule (``how``) that resolved it.
        """
        mentions = self._resolve(sentence, when, context.mentions_of if context else ())
        if context is not None:
            mentions = apply_context(sentence, mentions, context, self.kb)
            context.remember(sentence, mentions, self.kb)
        return mentions

    def _resolve(
        self, sentence: ParsedSentence, when: date | None, countries: Iterable[str] = ()
    ) -> list[Mention]:
        """The mentions of one sentence (``countries``: states the article named before)."""
        toks = sentence.tokens
        if not toks:
            return []
        keys = [token_key(t.text) for t in toks]
        spans = self._match(toks, keys)
        if not spans:
            return []
        words = {k for k in keys if k}
        # Namesakes are told apart by the countries of the sentence and of the article so far.
        extra = {w for c in countries for w in self._country_words(c)}
        country_words = words | extra if extra else words
        for span in spans:
            self._choose(span, toks, words, when, country_words)
        spans = [s for s in spans if s.entry is not None]
        self._drop_inside_names(spans, toks)
        self._prefer_agent_after_country(spans, toks)
        _merge_agent_nouns(spans, toks)
        self._apply_rules(spans, toks, when)
        spans.extend(self._appositives(spans, toks))
        self._offices(spans, toks)
        spans.extend(self._surnames(spans, toks, when))
        mentions = []
        for s in sorted((s for s in spans if not s.absorbed and s.code), key=lambda s: s.start):
            actor = self._actor(s)
            mentions.append(
                Mention(
                    article_id=sentence.article_id,
                    sentence_index=sentence.index,
                    start_char=toks[s.start].start,
                    end_char=toks[s.end - 1].end,
                    token_start=s.start,
                    token_end=s.end,
                    text=sentence.span_text(s.start, s.end),
                    actor=actor,
                    how=s.how,
                )
            )
        return mentions

    def could_match(self, lowers: Sequence[str]) -> bool:
        """Whether a sentence (its lower-cased tokens) may hold a mention: a cheap prefilter.

        True when some run of its words is a name in the knowledge base (plurals by their
        singular, hyphens and the like skipped). Every mention :meth:`resolve` finds
        starts from such a name, so a False here means no actor in the sentence.
        """
        index, max_len = self.kb.index, self.kb.max_len
        keys = [k for k in (token_key(w) for w in lowers if w not in SKIPPABLE) if k]
        for i, key in enumerate(keys):
            forms = [key]
            if key.endswith("s"):
                forms += (
                    [key[:-1], key[:-2], key[:-3] + "y"]
                    if key.endswith("ies")
                    else [key[:-1], key[:-2]]
                )
            for form in forms:
                limit = max_len.get(form, 0)
                if not limit:
                    continue
                if limit == 1 or (form,) in index:
                    return True
                for length in range(2, min(limit, len(keys) - i) + 1):
                    last = keys[i + length - 1]
                    middle = tuple(keys[i + 1 : i + length - 1])
                    for tail in (
                        (last, last[:-1], last[:-3] + "y") if last.endswith("s") else (last,)
                    ):
                        if (form, *middle, tail) in index:
                            return True
        return False

    # --- step 1: dictionary match ---------------------------------------------------

    def _match(self, toks: Sequence[Token], keys: list[str]) -> list[_Span]:
        spans: list[_Span] = []
        n = len(toks)
        i = 0
        index = self.kb.index
        max_len = self.kb.max_len
        while i < n:
            key = keys[i]
            limit = max_len.get(key, 0)
            plural_lemma = ""
            if not limit and toks[i].tag in ("NNS", "NNPS"):
                plural_lemma = token_key(toks[i].lemma)
                limit = 1 if plural_lemma in max_len else 0
            if not limit:
                i += 1
                continue
            # Positions of the next ``limit`` keyed tokens, skipping hyphens and the like.
            positions = [i]
            j = i + 1
            while len(positions) < limit and j < n:
                if keys[j]:
                    positions.append(j)
                elif toks[j].text not in SKIPPABLE:
                    break
                j += 1
            found = None
            for length in range(len(positions), 0, -1):
                last = positions[length - 1]
                seq = tuple(keys[p] for p in positions[:length])
                refs = index.get(seq)
                if refs is None and toks[last].tag in ("NNS", "NNPS"):
                    lemma = token_key(toks[last].lemma)
                    if lemma and lemma != seq[-1]:
                        refs = index.get(seq[:-1] + (lemma,))
                if refs:
                    refs = self._case_ok(refs, toks, positions[:length])
                if refs:
                    found = (last + 1, refs)
                    break
            if found is None:
                i += 1
                continue
            end, refs = found
            span = _Span(i, end, None, "")
            span.extra["refs"] = refs
            spans.append(span)
            i = end
        return spans

    def _case_ok(self, refs, toks: Sequence[Token], positions: list[int]):
        capital = any(has_capital(toks[p].text) for p in positions)
        ok = []
        for ref in refs:
            entry = self.kb.entries[ref.entry]
            if ref.acronym:
                if len(positions) != 1 or bare_text(toks[positions[0]].text) != bare_text(ref.form):
                    continue
            elif entry.kind in PROPER and not capital:
                continue
            elif (
                entry.kind in ORGANISED
                and len(positions) > 1
                and (
                    toks[positions[-1]].pos == "NOUN"
                    or (entry.kind == "person" and toks[positions[-1]].pos != "PROPN")
                )
                and _lower_head(ref.form, toks[positions[-1]].text)
            ):
                # "a strict Islamic state" is no Islamic State; in "Sherif Mohamed said",
                # the verb is not the last name of a "Mohamed Said".
                continue
            ok.append(ref)
        return ok

    # --- step 2: choose among entries sharing a name --------------------------------

    def _choose(
        self,
        span: _Span,
        toks: Sequence[Token],
        words: set[str],
        when: date | None = None,
        country_words: set[str] | None = None,
    ) -> None:
        refs = span.extra.pop("refs")
        ent = toks[span.start].ent_type
        best = None
        best_score: tuple = ()
        kinds = {self.kb.entries[r.entry].kind for r in refs}
        namesakes = kinds == {"person"}
        country_words = words if country_words is None else country_words
        for ref in refs:
            entry = self.kb.entries[ref.entry]
            cues = sum(1 for c in entry.context if token_key(c) in words)
            if len(refs) > 1 and len(kinds) == 1 and kinds <= {"person", "group"}:
                # Namesakes: the one whose country the sentence or the article names ("King
                # Hassan of Morocco"; the National Liberation Army of a Colombian story).
                cues += sum(1 for c in self._country_words(entry.country) if c in country_words)
            agrees = 1 if ent and ent in NER_AGREES.get(entry.kind, ()) else 0
            # Namesakes by the day: "Aoun" is the president in office on the article's date.
            # (Only among people: an office proves nothing against a group of that name.)
            on_duty = 1 if namesakes and when and _on_duty(entry, when) else 0
            # An entry that lists cues is the reading for when they are there: without them,
            # "Tripoli" is Libya's capital, not the Lebanese city.
            plain = 0 if entry.context and not cues else 1
            score = (cues, plain, agrees, on_duty, ref.entry)
            if best is None or score > best_score:
                best, best_score = ref, score
        assert best is not None
        # Keep the agent reading of a name shared with an institution ("Senate" is the
        # US Senate alone, but "Rwanda's Senate" is Rwanda's legislature).
        agents = [r for r in refs if self.kb.entries[r.entry].kind == "agent"]
        if agents and best not in agents:
            span.extra["agent_ref"] = agents[-1]
        span.entry = self.kb.entries[best.entry]
        span.entry_index = best.entry
        span.use = best.use if span.entry.kind != "agent" else "agent"

    def _country_words(self, country: str) -> tuple[str, ...]:
        """Keys of a country's single-word names and adjectives ("morocco", "moroccan")."""
        cached = self._country_keys.get(country)
        if cached is None:
            n = self.kb.by_code.get(country)
            entry = self.kb.entries[n] if n is not None else None
            names = (
                (entry.aliases + entry.adjectives)
                if entry is not None and entry.kind == "state"
                else ()
            )
            cached = tuple(k for name in names for k in [token_key(name)] if " " not in name and k)
            self._country_keys[country] = cached
        return cached

    def _drop_inside_names(self, spans: list[_Span], toks: Sequence[Token]) -> None:
        """Drop names that are no actor here: part of a person's name ("Chad Smith"),
        or the object of a "pro-"/"anti-" prefix ("pro-Russia rebels")."""
        keep = []
        agent_starts = {s.start for s in spans if s.entry and s.entry.kind == "agent"}
        for s in spans:
            if s.entry and s.entry.kind in ("state", "place") and s.use == "name":
                if _inside_longer_entity(s, toks, "PERSON"):
                    continue
                if _inside_place_name(s, toks):
                    continue  # "the Sea of Japan", "the Gulf of Mexico" are waters, not states
            if (
                s.entry
                and s.entry.kind == "person"
                and _inside_longer_entity(s, toks, "PERSON", after_only=True)
            ):
                continue  # "Hussein" in "Ahmed Hussein Oumar" is not King Hussein
            if s.entry and s.entry.kind == "ethnic" and toks[s.start].ent_type == "PERSON":
                continue  # "Karen" the person, not the Karen people
            if _after_prefix(toks, s.start) and s.entry.kind != "agent":
                continue  # "pro-Russia rebels" are not Russia's rebels
            based = _before_based(toks, s.end)
            if s.entry.kind in ("state", "place") and based and s.end + based not in agent_starts:
                # "the London-based Syrian Observatory" is not British; "a Kenya-based
                # rebel group" is placed as "a rebel group based in Kenya" would be.
                continue
            keep.append(s)
        spans[:] = keep

    def _prefer_agent_after_country(self, spans: list[_Span], toks: Sequence[Token]) -> None:
        """After a country modifier, a name shared with an agent noun is the agent noun."""
        for k in range(1, len(spans)):
            s = spans[k]
            ref = s.extra.get("agent_ref")
            if ref is None:
                continue
            prev = spans[k - 1]
            if prev.entry.kind in COUNTRYLIKE and _gap(toks, prev.end, s.start) in (
                (),
                ("'s",),
                ("’s",),
            ):
                if prev.entry.code_at(None)[0][:3] != s.entry.code_at(None)[0][:3]:
                    s.entry = self.kb.entries[ref.entry]
                    s.entry_index = ref.entry
                    s.use = "agent"

    # --- step 3: context rules ------------------------------------------------------

    def _apply_rules(self, spans: list[_Span], toks: Sequence[Token], when: date | None) -> None:
        # Dependents of each token, for the rules that walk the parse (one pass per sentence).
        self._kids = _children(toks)
        by_token: dict[int, _Span] = {}
        for s in spans:
            for i in range(s.start, s.end):
                by_token[i] = s
        # People first: their titles and possessors are absorbed into them.
        for k, s in enumerate(spans):
            if s.entry.kind == "person":
                self._person(k, spans, toks, when)
        # Agent nouns: find their country.
        for k, s in enumerate(spans):
            if s.use == "agent" and not s.absorbed and not s.done:
                self._agent(k, spans, toks, by_token, when)
        self._shared_adjective(spans, toks)
        for k, s in enumerate(spans):
            if s.entry.kind == "ethnic" and not s.done and not s.absorbed and k > 0:
                self._ethnic(spans[k - 1], s, when)
        for s in spans:
            if s.done or s.absorbed:
                continue
            self._plain(s, toks, when, by_token)

    def _person(self, k: int, spans: list[_Span], toks: Sequence[Token], when: date | None) -> None:
        s = spans[k]
        entry = s.entry
        code, role = entry.code_at(when)
        s.code = code
        s.kind = "person"
        s.name = entry.name
        s.how = f"person@{role.start or ''}..{role.end or ''}" if role else "person"
        s.done = True
        # A title right before the name: "Foreign Minister Lavrov", "Russian President Putin".
        j = k - 1
        title = None
        if j >= 0 and spans[j].use == "agent" and spans[j].end == s.start and not spans[j].absorbed:
            title = spans[j]
            title.absorbed = True
            s.start = title.start
            s.how = "title+person"
            j -= 1
        # A country or a possessive before that: "Russian Foreign Minister", "Egypt's Sisi".
        mod = None
        if j >= 0 and spans[j].entry.kind in COUNTRYLIKE and not spans[j].absorbed:
            mod = spans[j]
            gap = _gap(toks, mod.end, s.start)
            if gap in ((), ("'s",), ("'",), ("’s",)):
                mod.absorbed = True
                s.start = mod.start
                if title is None and gap:
                    s.how = "possessive+person"
            else:
                mod = None
        # Out of office on that day but the sentence gives a current title: trust the title.
        if role is None and title is not None and not _former(toks, s.start):
            agent = title.entry.agent
            country = entry.country or code[:3]
            s.code = country + agent
            s.how = "title+person"
        # ... or after it: "King Abdullah of Jordan", "President Lula of Brazil".
        after = spans[k + 1] if k + 1 < len(spans) else None
        if (
            mod is None
            and after is not None
            and after.entry.kind in ("state", "igo")
            and not after.absorbed
            and _gap(toks, s.end, after.start) in (("of",), ("of", "the"))
        ):
            mod = after
            mod.absorbed = True
            s.end = mod.end
        # The sentence says whose office it is ("U.N. mediator X", "Dutch Foreign Minister Y",
        # "King Abdullah of Saudi Arabia", a title inside the name): when that disagrees
        # with the data for the day, the sentence wins.
        if mod is not None and not _former(toks, s.start):
            stated = self._country_code(mod, when)
            agent = title.entry.agent if title is not None else s.code[3:6]
            if (
                stated[:3] != s.code[:3]
                and mod.entry.kind in ("state", "igo", "place")
                and (title is not None or agent)
            ):
                s.code = _combine(stated, agent, mod.entry.kind)
                s.how = "title+person:stated" if title is not None else "person:stated"

    def _agent(
        self,
        k: int,
        spans: list[_Span],
        toks: Sequence[Token],
        by_token: dict[int, _Span],
        when: date | None,
    ) -> None:
        s = spans[k]
        agent = s.entry.agent
        head = _head_of(toks, s.start, s.end)
        if agent.startswith("REB") and toks[head].lower in AIRCRAFT and s.start > 0:
            if any(ch.isdigit() for ch in toks[s.start - 1].text):
                agent = "MIL"  # "MiG-29 fighters", "B-52 bombers": aircraft, not militants
        mod = None
        how = ""
        # 1. Adjacent modifier before the noun ("Syrian rebels", "Russia's foreign minister",
        #    "Senior Hungarian officials"), allowing adjectives in between.
        j = k - 1
        if j >= 0 and spans[j].entry.kind in COUNTRYLIKE | {"person"} and not spans[j].absorbed:
            cand = spans[j]
            gap = _gap(toks, cand.end, s.start)
            if _modifier_gap(gap, toks, cand.end, s.start):
                mod, how = (
                    cand,
                    "possessive+agent"
                    if gap[:1] in (("'s",), ("'",), ("’s",))
                    else "country+agent",
                )
            elif _attached(toks, cand, head, s):
                mod, how = cand, "country+agent"
            if mod is not None and mod.entry.kind == "igo" and j >= 1:
                # "Russia's UN ambassador" is Russia's envoy to the UN, not the UN's
                owner = spans[j - 1]
                if (
                    owner.entry.kind == "state"
                    and not owner.absorbed
                    and _gap(toks, owner.end, mod.start) in (("'s",), ("’s",))
                ):
                    mod.absorbed = True
                    mod, how = owner, "possessive+agent"
        # 2. "the president of Armenia", "a court in Guyana", "dissidents from Myanmar",
        #    "students at Cumhuriyet University in Turkey", "a group based in Trinidad".
        if mod is None:
            for prep, obj in _prep_objects(toks, self._kids, head, by_token):
                if obj.absorbed or obj.done:
                    continue
                kind = obj.entry.kind
                if prep == "of":
                    ok = kind in COUNTRYLIKE
                elif agent.startswith("GOV") or _between(toks, head):
                    # Officials "in Geneva" are usually visitors, and so are the parties to
                    # "talks between the government and the opposition in Geneva": only a
                    # state says whose.
                    ok = kind == "state" and obj.use != "capital"
                else:
                    ok = kind in ("state", "place")
                if ok:
                    mod, how = obj, f"agent+{prep}"
                    break
        if mod is None:
            s.code = "---" + agent
            s.how = "agent"
            s.kind = agent_kind(agent)
        else:
            country_code = self._country_code(mod, when)
            if country_code.startswith("---") and not how.startswith("agent+"):
                # A community without a state of its own, placed by the sentence:
                # "Druze inhabitants of the Golan Heights" = SYRCVLdru.
                for _prep, obj in _prep_objects(toks, self._kids, head, by_token):
                    if obj.entry.kind in ("state", "place") and not obj.absorbed:
                        country_code = self._country_code(obj, when)[:3] + country_code[3:]
                        break
            s.code = _combine(country_code, agent, mod.entry.kind)
            s.kind = _combined_kind(mod.entry.kind, agent)
            s.extra["adjective"] = mod.use == "adjective" and how == "country+agent"
            if mod.entry.kind == "person":
                # "Hemedti's forces" belong to his group, "Putin's government" to Russia's.
                own, _ = mod.entry.code_at(when)
                if own[3:6] in GROUP_AGENTS:
                    s.code, s.kind = own, "group"
            s.how = how
            if how.startswith("agent+"):
                # Merge "president of Armenia"; keep the country apart when more stands between.
                if _gap(toks, s.end, mod.start) in (
                    ("of",),
                    ("of", "the"),
                    ("in",),
                    ("from",),
                    ("in", "the"),
                ):
                    mod.absorbed = True
                    s.end = mod.end
            else:
                mod.absorbed = True
                s.start = mod.start
        s.done = True
        if s.entry.title and not how.startswith("agent+"):
            self._title_name(s, toks, when, mod, spans)
        if mod is None:
            return
        # Other conjuncts of the modifier get the same agent: "Czech and Slovak officials".
        for other in spans:
            if other is mod or other.absorbed or other.done or other.entry.kind not in COUNTRYLIKE:
                continue
            if _conjoined(toks, other, mod):
                other.code = _combine(self._country_code(other, when), agent, other.entry.kind)
                other.kind = _combined_kind(other.entry.kind, agent)
                other.how = "conj+agent"
                other.done = True

    def _shared_adjective(self, spans: list[_Span], toks: Sequence[Token]) -> None:
        """A country adjective on "the X government and ..." also places the other side.

        "Talks between the Syrian government and opposition figures": the opposition is
        Syria's (SYROPP), as in "the Syrian government and armed opposition groups". Armed
        services named together share it too: "Russian jets and warships" are RUSMIL.
        """
        for k in range(1, len(spans)):
            first, s = spans[k - 1], spans[k]
            if not (
                s.how == "agent"
                and s.code.startswith("---")
                and first.how == "country+agent"
                and first.extra.get("adjective")
                and (
                    (first.code[3:6] == "GOV" and s.entry.agent[:3] in SIDES_OF_A_STATE)
                    # "Russian jets and warships", "Syrian soldiers and police": one
                    # state's armed forces named together share its adjective
                    or (first.code[3:6] in ARMED_STATE and s.entry.agent[:3] in ARMED_STATE)
                )
            ):
                continue
            gap = list(range(first.end, s.start))
            if (
                gap
                and toks[gap[0]].lower in ("and", "or", "nor")
                and all(toks[i].pos in ("DET", "NUM", "ADJ") for i in gap[1:])
            ):
                s.code = first.code[:3] + s.entry.agent
                s.kind = agent_kind(s.entry.agent)
                s.how = "conj+adjective"

    def _title_name(
        self,
        s: _Span,
        toks: Sequence[Token],
        when: date | None,
        mod: _Span | None,
        spans: Sequence[_Span] = (),
    ) -> None:
        """A title followed by a name the dictionary did not match: "President Assad".

        The surname picks a known person (in office on the day, in the title's country,
        with the title's agent); an unknown name keeps the title's code ("President
        Ahmed Oumar" = ---GOV, "an Egyptian minister, Sameh Shoukry" = EGYGOV).
        """
        end = _name_after(toks, s.end)
        if end is None:
            return
        country = s.code[:3] if mod is not None and s.code[:3] not in ("---", "IGO", "NGO") else ""
        # "President Ramos of the Philippines": the state after the name is the office's
        of = next(
            (
                x
                for x in spans
                if mod is None
                and x.entry.kind == "state"
                and not x.absorbed
                and x.start > end
                and _gap(toks, end, x.start) in (("of",), ("of", "the"))
            ),
            None,
        )
        if of is not None:
            of.absorbed = True
            country = self._country_code(of, when)[:3]
            s.code = _combine(country, s.entry.agent, of.entry.kind)
        given = frozenset(token_key(toks[i].text) for i in range(s.end, end - 1)) - {""}
        people = self.kb.people_named(
            token_key(toks[end - 1].text), when, country, s.entry.agent, given
        )
        s.end = end if of is None else of.end
        if people and given:
            # Given names as written must belong to the person ("Faustin Zidane" is not
            # Ali Zidane); a bare surname after a title is enough.
            people = [p for p in people if given & {k for a in p.aliases for k in alias_keys(a)}]
        if people:
            person = people[0]
            code, role = person.code_at(when)
            if role is None and not _former(toks, s.start) and s.code[:3] != "---":
                code = s.code  # out of office in the data, but the title says otherwise
            s.entry = person
            s.code = code
            s.kind = "person"
            s.name = person.name
            s.how = "title+surname"
        else:
            s.how = f"{s.how}+name" if s.how != "agent" else "title+name"

    def _appositives(self, spans: list[_Span], toks: Sequence[Token]) -> list[_Span]:
        """Unknown names in apposition with a resolved office take its code.

        "Jeffrey Kupfer, US deputy energy secretary, said" and "the Egyptian minister,
        Sameh Shoukry," make the name an actor (how ``appositive``).
        """
        live = [s for s in spans if not s.absorbed and s.code]
        covered = {i for s in live for i in range(s.start, s.end)}
        owner = {i: s for s in live for i in range(s.start, s.end)}
        out: list[_Span] = []
        person = _person_tokens(toks, covered)
        i = 0
        while i < len(toks):
            if i in covered or not person[i] or toks[i].pos != "PROPN":
                i += 1
                continue
            j = i
            while (
                j < len(toks)
                and j not in covered
                and person[j]
                and (j == i or toks[j].ent_iob != "B")
            ):
                j += 1
            head = _head_of(toks, i, j)
            office = None
            if toks[head].dep == "appos" and toks[head].head in owner:
                office = owner[toks[head].head]
            else:
                for k in self._kids[head]:
                    if toks[k].dep == "appos" and k in owner:
                        office = owner[k]
                        break
            if (
                office is not None
                and office.entry.kind == "agent"
                and not office.code.startswith("---")
            ):
                name = " ".join(t.text for t in toks[i:j])
                out.append(
                    _Span(
                        i,
                        j,
                        office.entry,
                        "agent",
                        office.entry_index,
                        code=office.code,
                        how="appositive",
                        kind="person",
                        name=name,
                        done=True,
                    )
                )
            i = j
        return out

    def _offices(self, spans: list[_Span], toks: Sequence[Token]) -> None:
        """A known person with no office on the day takes the one an appositive gives:
        "Kenzo Oshima, the United Nations Emergency Relief Coordinator" is the UN's."""
        live = [s for s in spans if not s.absorbed and s.code]
        owner = {i: s for s in live for i in range(s.start, s.end)}
        for s in live:
            if s.kind != "person" or s.how != "person" or not s.code.endswith("ELI"):
                continue
            head = _head_of(toks, s.start, s.end)
            appos = [k for k in self._kids[head] if toks[k].dep == "appos"]
            if toks[head].dep == "appos" and not s.start <= toks[head].head < s.end:
                appos.append(toks[head].head)  # "the UN's relief chief, Kenzo Oshima"
            for a in appos:
                inside, stack = [], [a]
                while stack:
                    i = stack.pop()
                    inside.append(i)
                    stack.extend(k for k in self._kids[i] if toks[k].dep != "relcl")
                offices = [
                    o
                    for i in sorted(inside)
                    if (o := owner.get(i)) is not None
                    and o is not s
                    and (
                        o.kind in ("igo", "ngo", "government")
                        or (o.kind == "agent" and not o.code.startswith("---"))
                    )
                ]
                if offices:
                    s.code, s.how = offices[0].code, "person+office"
                    break

    def _surnames(
        self, spans: list[_Span], toks: Sequence[Token], when: date | None
    ) -> list[_Span]:
        """A bare surname of the one person in office by that name on the day: "Kerry said".

        Only people of entente's own files are found this way (their roles have end dates;
        the imported ones often run on for years after the office ended), only for a name
        the parser takes for a person and nothing else, and only when no other known person
        by that name held an office that day ("Aoun" is whichever Aoun was president then).
        """
        if when is None:
            return []
        covered = {i for s in spans if not s.absorbed and s.code for i in range(s.start, s.end)}
        out: list[_Span] = []
        person = _person_tokens(toks, covered)
        for i, t in enumerate(toks):
            if (
                i in covered
                or not person[i]
                or t.pos != "PROPN"
                or not t.text[:1].isupper()
                or (i > 0 and person[i - 1])
                or (i + 1 < len(toks) and person[i + 1] and toks[i + 1].ent_iob in ("I", ""))
            ):
                continue  # not a one-word person name standing alone
            key = token_key(t.text)
            on_duty: dict[str, list[int]] = {}
            for n in self.kb.surnames.get(key, ()):
                entry = self.kb.entries[n]
                if _on_duty(entry, when):
                    on_duty.setdefault(token_key(entry.name), []).append(n)
            names = list(on_duty)
            if len(names) != 1:
                continue
            own = [n for n in on_duty[names[0]] if not self.kb.entries[n].id.startswith("phx:")]
            if not own:
                continue
            entry = self.kb.entries[own[-1]]
            code, role = entry.code_at(when)
            out.append(
                _Span(
                    i,
                    i + 1,
                    entry,
                    "name",
                    own[-1],
                    code=code,
                    kind="person",
                    name=entry.name,
                    how=f"surname@{role.start or ''}..{role.end or ''}" if role else "surname",
                    done=True,
                )
            )
        return out

    def _ethnic(self, mod: _Span, s: _Span, when: date | None) -> None:
        """A community named with its state: "Iraqi Kurds" = IRQkur, "Turkish Kurds" = TURkur."""
        if mod.end != s.start or mod.absorbed or mod.done or mod.entry.kind != "state":
            return
        code, _ = s.entry.code_at(when)
        s.code = self._country_code(mod, when)[:3] + code[3:]
        s.kind = "ethnic"
        s.name = None
        s.how = "country+ethnic"
        s.start = mod.start
        s.done = True
        mod.absorbed = True

    def _country_code(self, mod: _Span, when: date | None) -> str:
        if mod.entry.kind == "person":
            code, _ = mod.entry.code_at(when)
            return code[:3]
        code, _ = mod.entry.code_at(when)
        return code

    def _plain(
        self, s: _Span, toks: Sequence[Token], when: date | None, by_token: dict[int, _Span]
    ) -> None:
        entry = s.entry
        code, role = entry.code_at(when)
        if (
            entry.kind == "state"
            and s.use in ("demonym", "adjective")
            and s.start > 0
            and toks[s.start - 1].lower == "ethnic"
        ):
            # "ethnic Albanians" in a sentence about Serbia are people of Serbia: the one
            # other state the sentence names is where they live.
            others = {
                x.entry.id: x
                for x in by_token.values()
                if x.entry.kind == "state" and x.entry.id != entry.id
            }
            if len(others) == 1:
                (home,) = others.values()
                s.code = self._country_code(home, when)[:3] + "CVL"
                s.kind = "sector"
                s.how = "ethnic+residence"
                s.start -= 1
                s.done = True
                return
        if s.use == "demonym" or (entry.kind == "ethnic" and code.startswith("---")):
            # "Russians of eastern Ukraine", "Kurds in Syria": the people where they live.
            for prep, obj in _prep_objects(
                toks, self._kids, _head_of(toks, s.start, s.end), by_token
            ):
                if (
                    prep in ("in", "of")
                    and obj.entry.kind == "state"
                    and obj.entry.id != entry.id
                    and not obj.absorbed
                ):
                    s.code = (
                        self._country_code(obj, when)[:3]
                        + "CVL"
                        + (code[3:] if entry.kind == "ethnic" else "")
                    )
                    s.kind = "sector" if entry.kind != "ethnic" else "ethnic"
                    s.how = f"{s.use}+{prep}"
                    s.done = True
                    return
        s.code = code
        s.name = entry.name if entry.kind not in ("state", "place") else None
        s.kind = entry.kind
        s.how = s.use
        if role is not None:
            s.how = f"{s.use}@{role.start or ''}..{role.end or ''}"
        if s.use == "capital":
            if _acts(toks, s):
                s.code = code[:3] + "GOV"
                s.kind = "government"
                s.how = "capital:metonym"
            else:
                s.kind = "place"
                s.how = "capital:place"
        elif entry.kind == "place":
            s.kind = "place"
        s.done = True

    def _actor(self, s: _Span) -> Actor:
        """The mention's actor. A person or a named entry keeps its own name when the code is
        its own; a composed code ("Syria rebels") is named from the knowledge base."""
        own = s.entry is not None and s.code == s.entry.code_at(None)[0] and s.entry.kind != "state"
        name = s.name if (s.kind == "person" or own) else None
        kb_id = s.entry.id if s.entry is not None and s.how != "appositive" else None
        return self.kb.make_actor(s.code, kind=s.kind or None, kb_id=kb_id, name=name)


# --- helpers on the parse -----------------------------------------------------------

# Nouns of militants that also name aircraft; after a model number they are aircraft.
AIRCRAFT = frozenset({"fighters", "fighter", "bombers", "bomber"})
# Agents that "the Syrian government and ..." places in the same country: the domestic
# other side ("opposition figures", "armed groups", "the army").
SIDES_OF_A_STATE = frozenset({"OPP", "REB", "INS", "SEP", "MIL", "COP", "LEG", "JUD", "PTY"})
# A state's armed services (army, police, intelligence).
ARMED_STATE = frozenset({"MIL", "COP", "SPY"})
# Head nouns that name a person of the group before them: "rebel commander" is a rebel.
ROLE_NOUNS = frozenset(
    {
        "leader",
        "leaders",
        "chief",
        "chiefs",
        "commander",
        "commanders",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "head",
        "heads",
        "member",
        "members",
        "representative",
        "representatives",
        "figure",
        "figures",
        "source",
        "sources",
    }
)


def _merge_agent_nouns(spans: list[_Span], toks: Sequence[Token]) -> None:
    """Join adjacent agent nouns into one ("deputy governor", "rebel commander").

    The head noun (the last) gives the agent, unless it only names a person of the
    group before it ("rebel commander", "army spokesman"), which then gives the agent.
    """
    k = 0
    while k + 1 < len(spans):
        a, b = spans[k], spans[k + 1]
        if a.use == "agent" and b.use == "agent" and a.end == b.start:
            keep = a if toks[b.end - 1].lower in ROLE_NOUNS else b
            merged = _Span(a.start, b.end, keep.entry, "agent", keep.entry_index)
            spans[k : k + 2] = [merged]
            continue
        k += 1


def _gap(toks: Sequence[Token], a: int, b: int) -> tuple[str, ...]:
    return tuple(toks[i].lower for i in range(a, b))


def _modifier_gap(gap: tuple[str, ...], toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether the tokens between a country and an agent noun let the country modify it."""
    if not gap:
        return True
    rest = list(range(a, b))
    if gap[0] in ("'s", "'", "’s", "’"):
        rest = rest[1:]
    elif gap[:2] in (("-", "based"), ("-", "led")) or gap[:1] in (("based",), ("led",)):
        # "a Kenya-based rebel group", as "based in Kenya"; "Vietnamese-led forces"
        rest = rest[(gap.index("based") if "based" in gap else gap.index("led")) + 1 :]
    # Adjectives, nouns and hyphens ("foreign", "civilian", "top", "anti-government").
    return (
        all(
            toks[i].pos in ("ADJ", "NOUN", "PROPN", "PUNCT", "NUM")
            and toks[i].text not in (",", "(", ")", ";", ":")
            for i in rest
        )
        and len(rest) <= 3
    )


# Nouns of places in a city: a capital possessing one is a place, not its government.
PLACE_NOUNS = frozenset(
    {"airport", "port", "harbour", "harbor", "street", "streets", "outskirts", "suburb"}
    | {"suburbs", "centre", "center", "downtown", "district", "districts", "neighborhood"}
    | {"neighbourhood", "neighborhoods", "neighbourhoods", "square", "prison", "hospital"}
    | {"university", "stadium", "market", "slums", "slum", "old", "city", "skyline"}
)
LOCATING_PREPS = ("of", "in", "from", "at", "throughout", "across")


def _children(toks: Sequence[Token]) -> list[list[int]]:
    """For each token, the indexes of its dependents (built once per sentence)."""
    kids: list[list[int]] = [[] for _ in toks]
    for t in toks:
        if t.head != t.i and 0 <= t.head < len(toks):
            kids[t.head].append(t.i)
    return kids


def _between(toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is (a conjunct of) the object of "between": a party to talks."""
    for _ in range(4):
        t = toks[i]
        if t.head == i:
            return False
        if t.dep == "pobj" and toks[t.head].lower == "between":
            return True
        if t.dep not in ("conj", "pobj"):
            return False
        i = t.head
    return False


def _prep_objects(
    toks: Sequence[Token], kids: list[list[int]], head: int, by_token: dict[int, _Span]
) -> list[tuple[str, _Span]]:
    """Mentions governed by a preposition of the noun ``head``, in sentence order.

    The object may be the mention itself ("in Guyana") or modify it ("of the Tyumen
    region", "in Kenya's capital"); "based in" and "operating in" count as "in".
    """
    out: list[tuple[str, _Span]] = []
    heads = [head] + [
        i
        for i in kids[head]
        if toks[i].dep in ("acl", "amod")
        and toks[i].lemma in ("base", "operate", "station", "live")
    ]
    for h in heads:
        for p in kids[h]:
            prep = toks[p]
            if prep.dep != "prep" or prep.lower not in LOCATING_PREPS:
                continue
            for o in kids[p]:
                if toks[o].dep != "pobj":
                    continue
                if o in by_token:
                    out.append((prep.lower, by_token[o]))
                    continue
                for c in kids[o]:
                    if toks[c].dep in ("compound", "poss", "amod", "nmod") and c in by_token:
                        out.append((prep.lower, by_token[c]))
                        break
    return out


def _head_of(toks: Sequence[Token], start: int, end: int) -> int:
    for i in range(end - 1, start - 1, -1):
        if not (start <= toks[i].head < end) or toks[i].head == i:
            return i
    return end - 1


def _attached(toks: Sequence[Token], cand: _Span, head: int, s: _Span) -> bool:
    r = _head_of(toks, cand.start, cand.end)
    return toks[r].head == head and toks[r].dep in MODIFIER_DEPS


def _conjoined(toks: Sequence[Token], a: _Span, b: _Span) -> bool:
    """Whether two spans are conjuncts of one coordination ("Peru, Bolivia, Brazil and
    Paraguay": the parser chains them, each hung on the one before)."""
    return _first_conjunct(toks, _head_of(toks, a.start, a.end)) == _first_conjunct(
        toks, _head_of(toks, b.start, b.end)
    )


def _first_conjunct(toks: Sequence[Token], i: int) -> int:
    for _ in range(12):
        if toks[i].dep != "conj" or toks[i].head == i:
            break
        i = toks[i].head
    return i


def _acts(toks: Sequence[Token], s: _Span) -> bool:
    """Whether a capital city acts (subject, object, possessor) rather than being a place."""
    r = _head_of(toks, s.start, s.end)
    t = toks[r]
    # Follow a coordination to its first conjunct: "Moscow and Beijing said".
    seen = 0
    while t.dep == "conj" and seen < 5:
        t = toks[t.head]
        seen += 1
    if t.dep == "pobj":
        prep = toks[t.head]
        return prep.lower not in LOCATIVE
    if t.dep == "poss" and toks[t.head].lemma.lower() in PLACE_NOUNS:
        return False  # "Bogota's airport", "Kabul's outskirts": the city as a place
    return t.dep in SUBJECT_DEPS


def _name_after(toks: Sequence[Token], i: int) -> int | None:
    """End of a personal name that starts at token ``i`` (after a title), or None.

    A name is a run of capitalised proper nouns, hyphens inside allowed
    ("Abdel Fattah al-Sisi"); a run the parser tagged as a place or an
    organisation is not a name.
    """
    j = i
    while j < len(toks):
        t = toks[j]
        if t.pos == "PROPN" and t.text[:1].isupper():
            j += 1
        elif t.text in ("-", "'") and j > i and j + 1 < len(toks) and toks[j + 1].pos == "PROPN":
            j += 1
        elif (
            t.lower in ("al", "el", "bin", "ibn", "abu", "de", "van", "von")
            and j + 1 < len(toks)
            and toks[j + 1].pos == "PROPN"
        ):
            j += 1
        else:
            break
    if j == i or any(toks[k].ent_type in ("GPE", "LOC", "NORP", "FAC") for k in range(i, j)):
        return None
    return j


def _person_tokens(toks: Sequence[Token], covered: set[int]) -> list[bool]:
    """Which tokens are part of a person's name.

    The entity recognizer's PERSON where the pipeline ran it; without it (``ner =
    false``), a capitalised proper noun that no name of the knowledge base covers.
    """
    if any(t.ent_iob for t in toks):
        return [t.ent_type == "PERSON" for t in toks]
    return [
        t.pos == "PROPN"
        and t.text[:1].isupper()
        and t.text.replace("-", "").replace("'", "").isalpha()
        and i not in covered
        for i, t in enumerate(toks)
    ]


def _inside_longer_entity(
    s: _Span, toks: Sequence[Token], label: str, after_only: bool = False
) -> bool:
    if any(toks[i].ent_type != label for i in range(s.start, s.end)):
        return False
    # The entity must go on with another name ("Chad Smith"), not just a possessive "'s".
    before = (
        s.start > 0
        and toks[s.start].ent_iob == "I"
        and toks[s.start - 1].ent_type == label
        and toks[s.start - 1].pos == "PROPN"
    )
    after = (
        s.end < len(toks)
        and toks[s.end].ent_iob == "I"
        and toks[s.end].ent_type == label
        and toks[s.end].pos == "PROPN"
    )
    return after if after_only else (before or after)


def _inside_place_name(s: _Span, toks: Sequence[Token]) -> bool:
    """Whether a name ends a longer place name: "Sea of Japan", "Gulf of Mexico"."""
    if s.start < 2 or toks[s.start - 1].lower != "of":
        return False
    before, first = toks[s.start - 2], toks[s.start]
    return (
        first.ent_iob == "I"
        and first.ent_type in ("LOC", "FAC")
        and before.ent_type == first.ent_type
        and before.pos == "PROPN"
    )


def _after_prefix(toks: Sequence[Token], start: int) -> bool:
    prev = [toks[i].lower for i in range(max(0, start - 2), start)]
    if prev[-1:] == ["-"]:
        prev = prev[:-1]
    # "pro-Russia", "anti-American"; "Inter-American", "pan-African": not the state either
    return bool(prev) and prev[-1] in ("pro", "anti", "inter", "pan")


def _on_duty(entry: Entry, when: date) -> bool:
    """Whether a person held an office on the day, as far as the data can tell.

    An imported role without an end says only that its end was not known when the
    source was written (the Phoenix files stop around 2016), so it proves nothing.
    """
    role = entry.code_at(when)[1]
    return role is not None and (role.end is not None or not entry.id.startswith("phx:"))


def _lower_head(form: str, last: str) -> bool:
    """Whether a name written with a capitalised last word ends in a lower-case word here."""
    words = form.split()
    return bool(words) and words[-1][:1].isupper() and last.isalpha() and last.islower()


def _before_based(toks: Sequence[Token], end: int) -> int:
    """How many tokens of "-based" follow a place (where an actor sits, not who it is); 0 if none."""
    nxt = [toks[i].lower for i in range(end, min(end + 2, len(toks)))]
    if nxt[:1] == ["based"]:
        return 1
    return 2 if nxt == ["-", "based"] else 0


def _former(toks: Sequence[Token], start: int) -> bool:
    return any(toks[i].lower.strip("-") in FORMER for i in range(max(0, start - 2), start))


def _combine(country_code: str, agent: str, kind: str) -> str:
    """Country (or IGO, group) code plus an agent code, the CAMEO way.

    "UN envoy" is the UN itself, "UN troops" is IGOUNOMIL; a group keeps its own
    code ("Hamas leaders"); a state, capital or person gives its country part.
    """
    if kind == "igo":
        return country_code if agent.startswith("GOV") else country_code + agent
    if kind in ("group", "ngo"):
        return country_code
    if kind == "ethnic":
        return country_code[:3] + agent + country_code[3:]  # "Yoruba leaders" = NGAGOVyor
    return country_code[:3] + agent


def _combined_kind(kind: str, agent: str) -> str:
    if kind in ("igo", "ngo", "group", "ethnic"):
        return kind
    return agent_kind(agent)


# --- helpers for callers ------------------------------------------------------------


def mention_index(mentions: Sequence[Mention], n_tokens: int) -> list[int | None]:
    """For each token of a sentence, the position in ``mentions`` of the mention covering it.

    Example:
        >>> cover = mention_index(mentions, len(sentence.tokens))  # doctest: +SKIP
        >>> mentions[cover[3]].actor.code  # doctest: +SKIP
        'RUSGOV'
    """
    cover: list[int | None] = [None] * n_tokens
    for k, m in enumerate(mentions):
        for i in range(m.token_start, min(m.token_end, n_tokens)):
            cover[i] = k
    return cover


def mention_at(mentions: Sequence[Mention], token: int) -> Mention | None:
    """The mention that covers token ``token`` of its sentence, or None."""
    for m in mentions:
        if m.token_start <= token < m.token_end:
            return m
    return None


def check_file(path: str | Path) -> list[str]:
    """Validate one actor file; returns its problems as ``file:line: problem`` (empty = fine).

    Example:
        >>> check_file("my_actors.jsonl")  # doctest: +SKIP
        []
    """

    from entente.actors.entries import read_entries

    _entries, problems = read_entries(Path(path))
    return problems
