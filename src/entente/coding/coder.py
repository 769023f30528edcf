"""The event coder: CAMEO/PLOVER events from one parsed sentence and its resolved actors.

How a sentence is coded:

1. **Triggers.** Every verb and noun whose lemma has patterns in the lexicon is
   tried; the most specific matching pattern gives its CAMEO code (and, for
   patterns like "visit" 042:043, the code of the reverse event).
2. **Anchors.** A noun event hangs on the verb that governs it: "held talks" takes
   its subject, negation and tense from "held"; "condemned the attack" keeps two
   events (the condemnation and the attack); "signed an agreement" is one.
3. **Frames.** Walking up from the anchor through ``to`` and ``that`` clauses,
   frame words (``frame_verbs.tsv``) and auxiliaries change code and mode by the
   rules of ``frames.tsv``: "refused to attend talks" is 125 (reject), "plans to
   meet" 036 (intent), "urged X to release Y" 0253 (appeal), "threatened to shell"
   1384; "did not attend" keeps 04x but is *negated*.
4. **Roles.** Source and target come from the dependency parse (subject, passive
   agent, object, prepositional phrases, pronouns, relative clauses, inherited
   subjects of ``to`` clauses); coordinated parties of joint events ("Russia and
   Egypt agreed", "talks between A, B and C") become participants of one event;
   the place of a meeting, hosts, mediators and absentees get their roles.
5. **Events.** Each event carries its code, root, QuadClass, Goldstein value,
   PLOVER type and mode, participants with offsets, trigger offsets, the sentence,
   a confidence and the coder version.

Which events count as having happened in CAMEO-style output is decided by
:func:`reportable`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from entente.coding.actors import SentenceActors
from entente.coding.frames import Frames, load_frames, load_modes
from entente.coding.lexicon import Lexicon, lemma_candidates, load_lexicon, norm
from entente.coding.match import Match, Matcher
from entente.coding.ontology import DATA, Ontology, load_ontology
from entente.coding.tree import CLAUSE_DEPS, Tree
from entente.errors import KnowledgeBaseError
from entente.types import Event, Evidence, Mention, ParsedSentence, Participant, Token, content_id

CODER_VERSION = "entente-coder 0.1"

_SPEECH = frozenset({"say", "claim", "deny"})
# The mode a frame class gives what its clause says.
_CLASS_MODES = {
    "appeal": "demanded",
    "demand": "demanded",
    "threaten": "future",
    "intend": "future",
    "consider": "hypothetical",
}
# Classes whose words are frames only: a bare "wanted" or "planned" is no event.
_FRAME_ONLY = frozenset({"intend", "future", "attempt", "fail", "consider", "wish"})
# Frame classes that themselves put their clause in the future or the unreal.
_IRREALIS = frozenset(
    {"intend", "wish", "future", "appeal", "demand", "coerce", "threaten", "consider"}
)
# Frame classes that ask someone to act: the one asked is the target.
_ASKING = frozenset({"appeal", "demand", "coerce"})
# Relative pronouns: a clause on a noun with one is a relative clause, not its content.
_RELATIVES = frozenset({"which", "that", "who", "whom", "whose", "where", "when"})
# Dependencies through which a frame governs the clause it frames.
_CHAIN_DEPS = frozenset({"xcomp", "ccomp", "acomp"})
# Roots of the codes that state an intent or a threat about some act (see Event.act).
_ABOUT_ACT = ("03", "13")


def reportable(event: Event) -> bool:
    """Whether an event counts as having happened in CAMEO-style (dyadic) output.

    An event that happened (mode ``asserted``) does. A negated, future,
    hypothetical or demanded event does only when its CAMEO code itself says so
    (a ``historical`` one, background told again, never does):
    "refused to attend" (125, negated), "plans to meet" (036, future), "urged X
    to release" (0253, demanded), "threatened to shell" (1384, future). "Did not
    attend" (042, negated) or "X will attack Y" (190, future) stay in the store
    with their mode, but a scorer must not count them as events that happened.

    Example:
        >>> reportable(event)  # doctest: +SKIP
        True
    """
    return _reportable(event.cameo, event.mode)


def _reportable(code: str, mode: str) -> bool:
    return mode == "asserted" or code.startswith(load_modes().get(mode, ()))


@dataclass(frozen=True)
class RoleCues:
    """Role knowledge from ``roles.tsv`` (see that file for what each cue means)."""

    target_preps: frozenset[str]
    weak_target_preps: frozenset[str]
    source_preps: frozenset[str]
    from_target_codes: tuple[str, ...]
    joint_codes: tuple[str, ...]
    mediation_codes: tuple[str, ...]
    brokered_codes: tuple[str, ...]
    joint_preps: frozenset[str]
    location_preps: frozenset[str]
    time_preps: frozenset[str]
    background_marks: frozenset[str]
    background_units: frozenset[str]
    host_words: frozenset[str]
    mediator_words: frozenset[str]
    mediator_phrases: frozenset[str]
    mediator_titles: frozenset[str]
    absent_preps: frozenset[str]
    instrument_preps: frozenset[str]
    quantity_nouns: frozenset[str]
    document_nouns: frozenset[str]
    carrier_nouns: frozenset[str]
    audience_codes: tuple[str, ...]
    vague_verbs: frozenset[str]
    custody_codes: tuple[str, ...]
    patient_codes: tuple[str, ...]
    domestic_codes: tuple[str, ...]
    domestic_agents: frozenset[str]
    domestic_authorities: frozenset[str]
    home_institutions: frozenset[str]
    describing_verbs: frozenset[str]
    experiencer_verbs: frozenset[str]
    patient_verbs: frozenset[str]
    state_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    visit_codes: tuple[str, ...]
    private_agents: frozenset[str]
    frame_particles: dict[str, frozenset[str]]
    topic_preps: frozenset[str]
    topic_codes: tuple[str, ...]
    topic_verbs: frozenset[str]
    topic_nouns: frozenset[str]
    topic_modifiers: frozenset[str]
    purpose_codes: tuple[str, ...]
    light_verbs: frozenset[str]
    command_verbs: frozenset[str]
    relational_nouns: frozenset[str]
    request_nouns: frozenset[str]
    reason_preps: frozenset[str]
    condition_words: frozenset[str]
    means_preps: frozenset[str]
    frame_nouns: dict[str, str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    future_marks: frozenset[str]
    coercive_marks: frozenset[str]
    obligation_aux: frozenset[str]
    duty_codes: tuple[str, ...]
    advice_aux: frozenset[str]
    accusation_codes: tuple[str, ...]
    material_codes: tuple[str, ...]
    violence_codes: tuple[str, ...]
    people_codes: tuple[str, ...]
    territory_codes: tuple[str, ...]
    state_codes: tuple[str, ...]
    dissent_codes: tuple[str, ...]
    dissent_agents: frozenset[str]
    place_codes: tuple[str, ...]
    thing_agents: frozenset[str]
    state_side_agents: frozenset[str]
    state_voice_agents: frozenset[str]
    monitor_agents: frozenset[str]
    responsibility_codes: tuple[str, ...]
    commitment_words: frozenset[str]
    commitment_code: str
    desire_words: frozenset[str]
    exclude_words: frozenset[str]
    scene_preps: frozenset[str]
    stative_participles: frozenset[str]
    ending_participles: frozenset[str]
    warning_words: frozenset[str]
    warning_code: str
    forecast_code: str
    sovereign_nouns: frozenset[str]


def read_roles(path: Path | None = None) -> RoleCues:
    """Read and validate ``roles.tsv``.

    Raises:
        KnowledgeBaseError: an unreadable file, a bad line, an unknown or missing key.
    """
    path = path or Path(str(DATA)) / "roles.tsv"
    values: dict[str, list[str]] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for n, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
                if not row or row[0].startswith("#"):
                    continue
                if len(row) != 2:
                    raise KnowledgeBaseError(
                        f"{path.name}:{n}: expected KEY<TAB>values, got {row!r}"
                    )
                values[row[0].strip()] = row[1].split()
    except OSError as e:
        raise KnowledgeBaseError(
            f"cannot read {path}: {e}; restore it from the entente source tree"
        ) from e
    names = list(RoleCues.__dataclass_fields__)
    unknown = sorted(set(values) - set(names))
    missing = sorted(set(names) - set(values))
    if unknown or missing:
        raise KnowledgeBaseError(
            f"{path.name}: unknown keys {unknown or 'none'}, missing keys {missing or 'none'}; "
            f"the keys are {', '.join(names)}"
        )

    def convert(
        key: str, words: list[str]
    ) -> tuple[str, ...] | frozenset[str] | str | dict[str, str]:
        if key.endswith("_codes"):
            return tuple(words)
        if key.endswith("_agents"):  # agent codes; "-" stands for a bare state (no agent)
            return frozenset("" if w == "-" else w for w in words)
        if key in ("frame_nouns", "frame_particles"):  # a:b pairs
            pairs = [w.partition(":") for w in words]
            bad = [w for w, (a, sep, b) in zip(words, pairs, strict=True) if not (a and sep and b)]
            if bad:
                raise KnowledgeBaseError(f"{path.name}: {key} takes a:b pairs, got {bad!r}")
            if key == "frame_particles":  # verb:p1|p2
                return {a: frozenset(b.split("|")) for a, _, b in pairs}  # type: ignore[return-value]
            return {a: b for a, _, b in pairs}  # type: ignore[return-value]
        if key.endswith("_code"):
            if len(words) != 1:
                raise KnowledgeBaseError(f"{path.name}: {key} takes one CAMEO code, got {words!r}")
            return words[0]  # type: ignore[return-value]
        return frozenset(norm(w) for w in words)

    return RoleCues(**{k: convert(k, v) for k, v in values.items()})  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def read_irregular_forms() -> dict[str, tuple[str, ...]]:
    """Irregular verb forms by lemma, from ``irregular_forms.tsv``.

    Raises:
        KnowledgeBaseError: a line that is not LEMMA<TAB>forms.
    """
    path = Path(str(DATA)) / "irregular_forms.tsv"
    out: dict[str, tuple[str, ...]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 2 or not cols[1].split():
            raise KnowledgeBaseError(f"{path.name}:{n}: expected LEMMA<TAB>forms, got {line!r}")
        out[cols[0].strip()] = tuple(cols[1].split())
    return out


@lru_cache(maxsize=1)
def load_roles() -> RoleCues:
    """The shipped role cues, read once per process."""
    return read_roles()


@dataclass
class Candidate:
    """An event under construction.

    Attributes:
        trigger: the word that signals the event.
        code: CAMEO code so far (frames change it).
        pos: ``verb`` or ``noun`` trigger.
        match: the pattern that matched.
        anchor: the verb that carries subject, tense and negation (None: a noun on its own).
        reverse: code of the target -> source event, if the pattern has one.
        swap: the pattern codes only the reverse event ("faced pressure from X").
        mode: asserted, negated, future, hypothetical or demanded.
        sources / target_override: roles fixed by a frame (an appeal's asker and addressee).
        framed_by: frame words above the anchor, innermost first, with their classes.
        depth: how deep the anchor sits in the sentence (0 = main verb).
        act: the code of the act a frame made ``code`` an intent or threat about, else "".
    """

    trigger: Token
    code: str
    pos: str
    match: Match
    anchor: Token | None
    reverse: str | None = None
    swap: bool = False
    mode: str = "asserted"
    sources: list[Mention] | None = None
    target_override: list[Mention] | None = None
    framed_by: list[tuple[Token, str]] = field(default_factory=list)
    depth: int = 0
    bonus: float = 0.0
    act: str = ""
    committed: bool = False


class Coder:
    """Codes parsed sentences with resolved actors into events.

    Build one per process: loading the lexicon and ontology costs, coding is cheap.

    Args:
        lexicon: the pattern lexicon (default: the shipped one).
        kb: the actor knowledge base (accepted for the pipeline's convenience; the
            coder reads actors from the mentions it is given).
        frames: frame rules (default: the shipped ones).

    Example:
        >>> coder = Coder()
        >>> events = coder.code(sentence, mentions, date(2015, 1, 26))  # doctest: +SKIP
        >>> [(e.cameo, e.mode) for e in events]  # doctest: +SKIP
        [('036', 'future')]
    """

    def __init__(
        self, lexicon: Lexicon | None = None, kb: object | None = None, frames: Frames | None = None
    ) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.onto: Ontology = load_ontology()
        self.frames = frames or load_frames()
        self.roles = load_roles()
        self.kb = kb
        # arms (one-word members of &x-arms): fired or launched, they are no target
        self.weapons = frozenset(p[0] for p in self.lexicon.sets.get("&x-arms", ()) if len(p) == 1)
        words = self.lexicon.trigger_words | set(self.frames.words)
        self._stems = frozenset(_stem(w) for w in words)
        self._irregular = frozenset(
            form
            for lemma, forms in read_irregular_forms().items()
            if lemma in words
            for form in forms
        )

    def could_trigger(self, lowers: Sequence[str]) -> bool:
        """Whether a sentence (its lower-cased tokens) may hold a trigger word at all.

        Cheap and generous: a crude stem of each token is looked up among the stems of
        the lexicon's trigger words, and irregular forms ("met", "fought") among those
        listed in ``irregular_forms.tsv``.
        """
        return any(w in self._irregular or _stem(w) in self._stems for w in lowers)

    def code(
        self, sentence: ParsedSentence, mentions: list[Mention], when: date | None
    ) -> list[Event]:
        """The events of one sentence, most prominent (most confident) first.

        Args:
            sentence: the parsed sentence (plain tokens with a dependency parse).
            mentions: actor mentions in it, from the actor resolver.
            when: the article's date, used as the event date.
        """
        tree = Tree(self._lift_carried(sentence, mentions), self.roles.stative_participles)
        mentions = [
            m
            for m in mentions
            if m.token_start >= tree.dateline and not self._topic_adjective(tree, m)
        ]
        actors = SentenceActors(
            tree,
            mentions,
            self.roles.relational_nouns,
            getattr(self.kb, "make_actor", None),
            lambda t: t.pos == "NOUN" and self.lexicon.has_trigger(t.lemma.lower(), "noun"),
            self.roles.sovereign_nouns,
        )
        if not actors or tree.root is None:
            return []
        ctx = _Sentence(self, tree, actors, when)
        events = [e for c in ctx.candidates() for e in ctx.events(c, when)]
        events.sort(key=lambda e: -e.confidence)
        return list({e.id: e for e in events}.values())

    def _lift_carried(self, sentence: ParsedSentence, mentions: list[Mention]) -> ParsedSentence:
        """The sentence with an event noun lifted over the noun that only carries it.

        In "undertook a mediation mission between Syria and the PLO" or "began a bombing
        campaign in Syria" the parser makes the event noun a modifier of "mission" or
        "campaign"; the event is the mediation, with the phrases of the whole: the event
        noun takes the carrier's place in the parse and the carrier becomes its modifier.
        """
        toks = list(sentence.tokens)
        pairs = [
            (t, toks[t.head])
            for t in sentence.tokens
            if t.dep == "compound"
            and 0 <= t.head < len(toks)
            and t.head != t.i
            and norm(toks[t.head].lemma.lower()) in self.roles.carrier_nouns
        ]
        if not pairs:
            return sentence
        # a carrier that names an actor ("the UN peacekeeping mission said") is that actor
        covered = {
            i
            for m in mentions
            if m.actor is not None and m.actor.country != "---"
            for i in range(m.token_start, m.token_end)
        }
        lifted = False
        for t, h in pairs:
            if (
                h.i in covered
                or t.i in covered
                or not (
                    self.lexicon.patterns(t.lemma.lower(), "noun")
                    or self.lexicon.patterns(t.lower, "noun")
                )
            ):
                continue
            root = h.head == h.i
            toks[t.i] = replace(toks[t.i], dep=h.dep, head=t.i if root else h.head)
            toks[h.i] = replace(toks[h.i], dep="compound", head=t.i)
            for k in sentence.tokens:
                if k.head == h.i and k.i not in (h.i, t.i):
                    toks[k.i] = replace(toks[k.i], head=t.i)
            lifted = True
        return replace(sentence, tokens=tuple(toks)) if lifted else sentence

    def _topic_adjective(self, tree: Tree, m: Mention) -> bool:
        """Whether a mention is a lone country adjective saying what a meeting is about.

        "The Syrian peace talks": Syria's war is the topic; the parties are named elsewhere.
        So is a region named before a truce or a peace plan ("a Gaza ceasefire"): where it
        holds, not a party to it.
        """
        if m.actor is not None and m.actor.kind == "place":
            head = tree.tokens[m.token_end - 1]
            noun = tree.head(head)
            if head.dep == "compound" and noun is not None and noun.pos == "NOUN":
                truce = any(
                    (p.code or "").startswith("087")
                    for lemma in {noun.lemma.lower(), noun.lower}
                    for p in self.lexicon.patterns(lemma, "noun")
                )
                peace = any(
                    norm(k.lemma.lower()) in self.roles.topic_modifiers
                    for k in tree.kids(noun, "compound", "amod")
                )
                if truce or peace:
                    return True
        if m.how != "adjective" or m.token_end - m.token_start != 1:
            return False
        t = tree.tokens[m.token_start]
        noun = tree.head(t)
        if t.dep != "amod" or noun is None or noun.pos not in ("NOUN", "PROPN"):
            return False
        meeting = any(
            (p.code or "").startswith("04")
            for lemma in {noun.lemma.lower(), noun.lower}
            for p in self.lexicon.patterns(lemma, "noun")
        )
        if not meeting:
            return False  # "a Norwegian peace plan" is Norway's
        mods = tree.kids(noun, "compound", "amod", "nmod")
        return any(norm(k.lemma.lower()) in self.roles.topic_modifiers for k in mods) and not any(
            k.i != t.i and k.ent_type in ("NORP", "GPE") for k in mods
        )


class _Sentence:
    """The work of coding one sentence."""

    def __init__(
        self, coder: Coder, tree: Tree, actors: SentenceActors, when: date | None = None
    ) -> None:
        self.tree = tree
        self.actors = actors
        self.kb = coder.kb
        self.when = when
        self.matcher = Matcher(tree, coder.lexicon, lambda t: bool(actors.of(t)))
        self.weapons = coder.weapons
        self.frames = coder.frames
        self.cues = coder.roles
        self.onto = coder.onto
        self._matches: dict[int, Match | None] = {}
        self._klass: dict[int, str | None] = {}

    # -- words -------------------------------------------------------------------------------

    def klass(self, t: Token) -> str | None:
        """The frame class of a word, if it is a frame word."""
        if t.i not in self._klass:
            found = None
            if t.pos in ("VERB", "AUX", "ADJ") or t.tag.startswith("VB"):
                for lemma in lemma_candidates(t.lemma, t.lower):
                    found = self.frames.klass(lemma)
                    if found:
                        break
                need = self.cues.frame_particles.get(norm(t.lemma.lower())) if found else None
                if need:
                    # the particle, or the "for" of its clause ("called for Burma to reform")
                    near = [
                        p
                        for p in self.tree.kids(t, "prep", "prt")
                        # "called Macri on Tuesday": a time, not "called on"
                        if not any(self.tree.is_date(o) for o in self.tree.kids(p, "pobj"))
                    ] + [
                        m
                        for k in self.tree.kids(t, "xcomp", "ccomp", "advcl")
                        for m in self.tree.kids(k, "mark")
                    ]
                    if not any(norm(k.lower) in need for k in near):
                        found = None  # "called Calderon to congratulate him": a phone call
            elif t.pos == "NOUN":  # "its demand that Israel ease", "a threat to strike"
                verb = self.cues.frame_nouns.get(t.lemma.lower()) or self.cues.frame_nouns.get(
                    t.lower
                )
                found = self.frames.klass(verb) if verb else None
            self._klass[t.i] = found
        return self._klass[t.i]

    def match(self, t: Token) -> Match | None:
        """The best pattern match of ``t`` as a verb or noun trigger (cached)."""
        if t.i not in self._matches:
            m = None
            if _is_verb(t):
                m = self.matcher.best(t, "verb", self.subject_token(t))
            elif t.pos in ("NOUN", "PROPN"):
                m = self.matcher.best(t, "noun")
            self._matches[t.i] = m
        return self._matches[t.i]

    def code_of(self, t: Token) -> str:
        """The code a trigger's own pattern gives (forward, else reverse), or ""."""
        m = self.match(t)
        return (m.pattern.code or m.pattern.reverse or "") if m is not None else ""

    # -- candidates --------------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        """All events of the sentence, framed, before roles are assigned."""
        raw: list[Candidate] = []
        for t in self.tree.tokens:
            m = self.match(t)
            if m is None or m.pattern.is_null:
                continue
            if m.pattern.pos == "verb":
                if (
                    self.klass(t) in _FRAME_ONLY
                    and not m.pattern.elements
                    and norm(t.lemma.lower()) not in self.cues.commitment_words
                ):
                    continue  # a bare "wanted", "planned", "tried" (not "agreed", "pledged")
                if t.dep in ("amod", "compound", "prep", "mark", "cc") or (
                    t.tag == "VBN"
                    and (
                        t.dep == "pobj" or any(k.lower == "for" for k in self.tree.kids(t, "mark"))
                    )
                ):
                    # "Israeli-occupied", "Qaeda-linked": adjectives; "according to": a
                    # preposition; "took it for granted": an idiom
                    continue
                if (
                    norm(t.lemma.lower()) in self.cues.naming_verbs
                    and not m.pattern.elements  # "called Trump a tyrant" names to denounce
                    and any(
                        k.dep == "oprd" or k.pos in ("NOUN", "PROPN", "ADJ")
                        for k in self.tree.kids(t, "oprd", "xcomp", "ccomp")
                    )
                ):
                    continue  # "called the claims baseless propaganda": naming, not calling
                anchor: Token | None = t
            else:
                if t.dep in ("compound", "amod", "nmod"):
                    continue  # "peacekeeping force", "aid convoy": a modifier, not an event
                found = self.noun_anchor(t)
                if found is False:
                    continue  # the verb's own pattern already names this event
                anchor = found or None
            fwd, rev = m.pattern.code, m.pattern.reverse
            c = Candidate(
                t,
                (fwd or rev),
                m.pattern.pos,
                m,
                anchor,
                reverse=rev if fwd else None,
                swap=fwd is None,
            )  # type: ignore[arg-type]
            raw.append(c)
        framing: set[int] = set()  # frame words that frame a reported event
        extra: list[Candidate] = []
        for c in raw:
            self.frame(c)
            if (
                c.pos == "noun"
                and c.mode == "asserted"
                and any(
                    k.tag == "VBN" and norm(k.lemma.lower()) in self.cues.ending_participles
                    for k in self.tree.kids(c.trigger, "amod")
                )
            ):
                c.mode = "negated"  # "the lifted sanctions", "the postponed talks"
        by_token = {c.trigger.i: c for c in raw}
        for c in raw:
            if c.pos == "noun" and c.anchor is None:
                self.frame_free_noun(c, by_token)
        for c in raw:
            self._share_means(c, by_token)
        for c in raw:
            acc = self.accusation(c)
            extra.extend(acc)
            if c.framed_by and (_reportable(c.code, c.mode) or acc):
                framing.update(f.i for f, _ in c.framed_by)
            elif c.framed_by and c.mode == "hypothetical":
                # "said she hoped the officials would be indicted": what is said is a wish,
                # not a statement to code on its own
                framing.update(f.i for f, k in c.framed_by if k == "say")
        # A light verb that only carries an event noun ("organized a strike") is no event itself.
        carried = {c.anchor.i for c in raw if c.pos == "noun" and c.anchor is not None}
        raw = [
            c
            for c in raw
            if not (
                c.pos == "verb"
                and c.trigger.i in carried
                and not c.match.pattern.elements
                and norm(c.trigger.lemma.lower()) in self.cues.light_verbs | self.cues.command_verbs
            )
        ]
        # "Israeli air strikes killed 30 people": the killing is the strikes, with a target.
        violent_subjects = {
            s.i
            for c in raw
            if c.pos == "verb" and c.code.startswith(self.cues.violence_codes)
            for s in [self._event_subject(c.trigger)]
            if s is not None and self.code_of(s).startswith(self.cues.violence_codes)
        }
        raw = [
            c
            for c in raw
            if not (
                c.pos == "noun"
                and c.trigger.i in violent_subjects
                and not self.targets(c, self.sources(c))  # "an attack on X by Y killed ten"
            )
        ]
        # "The talks resumed in Kuwait": a verb whose pattern names its event-noun subject
        # only restates the noun's event, which has the parties.
        nouns = {c.trigger.i for c in raw if c.pos == "noun"}
        raw = [
            c
            for c in raw
            if not (
                c.pos == "verb"
                and any(
                    k.i in nouns and k.i in c.match.used for k in self.tree.kids(c.trigger, "nsubj")
                )
            )
        ]
        # "talks hosted by Russia", "Russia hosted talks": the talks are the event, with a host.
        meetings = {
            c.trigger.i
            for c in raw
            if c.pos == "noun" and c.code.startswith(self.cues.brokered_codes)
        }
        raw = [
            c
            for c in raw
            if not (
                c.pos == "verb"
                and self._host_role(c.trigger)
                and self._hosts_meeting(c.trigger, meetings)
            )
        ]
        kept = [c for c in raw if not (c.trigger.i in framing and self.klass(c.trigger))]
        for c in kept:
            if (
                c.pos == "verb"
                and c.mode == "asserted"
                and not c.match.pattern.elements
                and norm(c.trigger.lemma.lower()) in self.cues.commitment_words
                and self.tree.kids(c.trigger, "xcomp")
            ):
                # "agreed to set up a research centre", "offered to hand over the suspects":
                # a commitment whose content names no event of its own is an intent to cooperate
                c.code, c.mode, c.reverse, c.act = self.cues.commitment_code, "future", None, ""
                continue
            if c.pos == "verb" and self.klass(c.trigger) == "say" and self._says_duty(c):
                continue
            if (
                c.pos == "verb"
                and c.code == self.cues.warning_code
                and norm(c.trigger.lemma.lower()) in self.cues.warning_words
                and not self.tree.kids(c.trigger, "dobj", "dative", "iobj", "obj")
            ):
                # "the IMF warned of a trade war", "Kenya warned that Somalia could collapse":
                # no one is warned, nothing threatened; a pessimistic forecast (012)
                c.code, c.mode, c.act = self.cues.forecast_code, "asserted", ""
                continue
            # A frame word standing alone with a clause ("urged Greece to accept the reforms"):
            # what the clause says is asked for, threatened or refused, not done.
            mode = _CLASS_MODES.get(self.klass(c.trigger) or "")
            if (
                mode
                and c.pos == "verb"
                and c.mode == "asserted"
                and self.tree.kids(c.trigger, "xcomp", "ccomp")
            ):
                if _reportable(c.code, mode):
                    c.mode = mode
        for c in kept + extra:
            if c.mode == "asserted" and self._background(c):
                c.mode = "historical"
        # what happened on that occasion is background too ("visited Moscow in March, when
        # they discussed terrorism")
        past = {(c.anchor or c.trigger).i for c in kept + extra if c.mode == "historical"}
        for c in kept + extra:
            t = c.anchor or c.trigger
            if c.mode == "asserted" and t.dep in ("advcl", "conj") and t.head in past:
                c.mode = "historical"
        return self.drop_restatements(kept) + extra

    def noun_anchor(self, n: Token) -> Token | None | bool:
        """The verb a noun event hangs on: None if it stands alone, False if the verb absorbs it."""
        tree = self.tree
        h = tree.head(n)
        if h is None:
            return None
        if self._topic_object(n):
            return False  # "discussed the negotiations with Iran": talked about, not reported
        if n.dep == "pobj" and h.lower == "in" and norm(n.lemma.lower()) in self.cues.state_nouns:
            return False  # "in demand", "in charge", "in power": a state, not an act
        if (
            n.dep == "pobj"
            and h.lower == "in"
            and (v := tree.head(h)) is not None
            and v.lemma.lower() in ("be", "remain", "stay")
            and self.code_of(n).startswith(self.cues.joint_codes)
        ):
            return v  # "Israel and Hamas are in talks": the subjects hold them
        dep = n.dep
        q = tree.head(h) if n.dep == "pobj" and h.lower == "of" else None
        if (
            q is not None
            and norm(q.lemma.lower()) in self.cues.quantity_nouns
            and q.dep in ("dobj", "nsubjpass", "obj")
            and (v := tree.head(q)) is not None
            and _is_verb(v)
        ):
            dep, h = q.dep, v  # "launched a wave of missile strikes": as "launched strikes"
        if dep in ("dobj", "nsubjpass", "attr", "oprd", "obj") and _is_verb(h):
            if norm(h.lemma.lower()) in self.cues.describing_verbs:
                return False  # "militias pose a grave risk": a danger described, not made
            if norm(h.lemma.lower()) in self.cues.experiencer_verbs:
                return None  # "Juarez is seeing a war between cartels": not Juarez's
            hm = self.match(h)
            if (
                hm is not None
                and not hm.pattern.is_null
                and hm.pattern.elements
                and n.i in hm.used
                and self._host_role(h) is None
                and (
                    not self.klass(h) or norm(h.lemma.lower()) in self.cues.command_verbs
                )  # "pledged aid": the pledge frames the aid as intended
            ):
                return False  # "ordered an inquiry into the shelling": the verb's pattern says it
            if self.klass(h) and not any(
                k.dep in ("xcomp", "ccomp", "oprd", "attr") for k in tree.kids(h)
            ):
                return h  # "demanded talks", "offered aid": the verb frames the noun (not "called X a Y")
            if self._host_role(h) is not None and self.code_of(n).startswith("04"):
                return h  # "hosted / mediated talks between A and B": the talks, with a host
            hcode = self.code_of(h)
            if norm(h.lemma.lower()) in self.cues.light_verbs and (
                hm is None or not hm.pattern.elements
            ):
                return h  # "organized a general strike": the strike is the event, organized by the subject
            if hcode and not self.match(h).pattern.is_null:  # type: ignore[union-attr]
                same = hcode[:2] == self.code_of(n)[:2] or n.i in self.match(h).used  # type: ignore[union-attr]
                return False if same else None
            return h  # a verb without an event of its own: "held talks"
        if n.dep == "conj":  # "imposed travel bans and asset freezes": as the first conjunct
            first = h
            while first.dep == "conj" and tree.head(first) is not None:
                first = tree.head(first)  # type: ignore[assignment]
            if first.pos in ("NOUN", "PROPN") and first.i != n.i:
                return self.noun_anchor(first) if self.code_of(first) else self._anchor_like(first)
        if n.dep == "pobj":
            p = tree.head(n)
            v = tree.head(p) if p is not None else None
            if (
                v is not None
                and (_is_verb(v) or v.pos == "ADJ")  # "ready for talks"
                and self.klass(v)
                and self.klass(v)
                not in _SPEECH  # "responded to the attack" is no attack of its own
                and p.lower in ("for", "to", "on", "upon")
            ):  # type: ignore[union-attr]
                return v  # "called for talks", "agreed upon a pact"
            if (
                v is not None
                and p is not None
                and p.lower == "in"
                and norm(v.lemma.lower()) in self.cues.stative_participles
                and tree.kids(v, "auxpass", "nsubjpass")
            ):
                return v  # "agents were involved in the attack": theirs
            if (
                v is not None
                and v.dep in ("advmod", "prt", "prep")
                and (up := tree.head(v)) is not None
                and _is_verb(up)
            ):
                v = up  # "stayed away from the talks", "stayed out of the talks"
            vm = self.match(v) if v is not None and _is_verb(v) else None
            if (
                vm is not None
                and not vm.pattern.is_null
                and (
                    self.code_of(v)[:2] == self.code_of(n)[:2] or (p is not None and p.i in vm.used)  # type: ignore[arg-type]
                )
            ):
                return False  # "engaged them in a firefight", "took part in the talks": the verb's event
            if (
                v is not None
                and v.pos in ("NOUN", "PROPN")
                and norm(v.lemma.lower()) not in self.cues.quantity_nouns
            ):
                # "the terms of a deal", "gratitude for Japan's help",
                # "talks on the ceasefire": mentioned, not reported ("a series of attacks" is).
                return False
            if (
                v is not None
                and _is_verb(v)
                and p is not None
                and norm(p.lower) in self.cues.topic_preps
                and tree.kid(v, "dobj", "obj") is not None
            ):
                # "vetoed a resolution on a ceasefire", the phrase hung on the verb: what the
                # object is about, not an event reported
                return False
        return None

    def _topic_object(self, n: Token) -> bool:
        """Whether noun ``n`` is (a conjunct of) the object of a verb of discussion."""
        tree = self.tree
        while n.dep == "conj" and (h := tree.head(n)) is not None and h.pos in ("NOUN", "PROPN"):
            n = h
        h = tree.head(n)
        return (
            n.dep in ("dobj", "obj")
            and h is not None
            and _is_verb(h)
            and norm(h.lemma.lower()) in self.cues.topic_verbs
        )

    def _anchor_like(self, n: Token) -> Token | None | bool:
        """The anchor a conjunct noun shares with the non-event noun it is coordinated with."""
        h = self.tree.head(n)
        if (
            h is not None
            and n.dep in ("dobj", "nsubjpass", "attr", "oprd", "obj")
            and _is_verb(h)
            and not self.code_of(h)
        ):
            return h
        return None

    def drop_restatements(self, cands: list[Candidate]) -> list[Candidate]:
        """Drop an event that only restates its head clause's event.

        "Insurgents bombarded the city, killing eight": the killing is the bombardment.
        A participle or purpose clause with the same root and source as the event it
        hangs on is the same event.
        """
        by_token = {c.trigger.i: c for c in cands}
        out = []
        for c in cands:
            t = c.trigger
            h = self.tree.head(t)
            if (
                c.pos == "verb"
                and t.dep in ("advcl", "xcomp", "conj")
                and h is not None
                and h.i in by_token
            ):
                if self.code_of(h)[:2] == self.code_of(t)[:2] and (
                    t.dep != "conj" or t.tag == "VBG"
                ):
                    continue
            if (
                c.pos == "verb"
                and t.dep == "acl"
                and t.tag == "VBG"
                and h is not None
                and h.pos in ("NOUN", "PROPN")
                and self.code_of(h).startswith(self.cues.violence_codes)
                and self.code_of(t).startswith(self.cues.violence_codes)
            ):
                continue  # "a deadly raid targeting foreigners": the raid, described
            out.append(c)
        return out

    # -- frames and modality -----------------------------------------------------------------

    def frame(self, c: Candidate) -> None:
        """Apply the anchor's own modality and the frames above it to ``c``'s code, mode and roles."""
        a = c.anchor
        if a is None:
            return
        tree = self.tree
        chain = self.frame_chain(a)
        own = self.klass(a) if c.pos == "noun" else None
        if own is not None and norm(a.lemma.lower()) in self.cues.command_verbs:
            own = None  # "ordered an inquiry": the order is carried out, not asked for
        if (
            own is not None
            and norm(a.lemma.lower()) in self.cues.light_verbs
            and c.trigger.dep in ("dobj", "obj")
        ):
            own = None  # "undertook a mediation mission", "declared war": done, not framed
        if own is not None:  # "demanded talks", "called for talks": the anchor frames the noun
            chain = [(a, own, c.trigger)] + chain
        chain = self._kept_open(chain)
        c.framed_by = [(h, k) for h, k, _ in chain]
        c.depth = len(tree.ancestors(a))
        sources = self.sources(c)
        modality = self.modality(a) if own is None else None
        expressed = False  # an intent the actor states ("said it will", "wants to")
        duty = self._obligation(a) if own is None else None
        if duty is not None:
            if (
                chain
                and chain[0][1] == "say"
                and not self._same(sources, self.subject_actors(chain[0][0]))
            ):
                # "Russia said Sudan must return the helicopter": a demand on Sudan
                # ("should": an appeal); the speaker's word is the event
                chain[0] = (chain[0][0], duty, chain[0][2])
                c.framed_by = [(h, k) for h, k, _ in chain]
                modality = None
            elif modality is None:
                modality = "hypo"  # "Iran must stop enrichment": not done yet
        if (
            modality
            and chain
            and chain[0][1] in _SPEECH
            and self._same(sources, self.subject_actors(chain[0][0]))
        ):
            # A speaker on their own future acts states an intent: "Syria said it will withdraw".
            modality = {"will": "intend", "hypo": "intend"}.get(modality, modality)
            expressed = modality == "intend"
        if modality in ("will", "hypo") and chain and chain[0][1] in _IRREALIS:
            # "hopes the US will lift sanctions": the frame already says it is not yet done
            modality = None
        if modality in ("will", "hypo", "intend") and self._on_condition(a, c.code):
            # "will withdraw its force from Chad unless ...", "may halt mediation if ...":
            # an act held over someone on a condition is a threat
            modality = "threaten"
        if modality:
            self._compose(c, modality, True)
        for h, klass, child in chain:
            expressed = expressed or (
                klass in ("intend", "wish") and norm(h.lemma.lower()) in self.cues.desire_words
            )
            frame_subject = self.subject_actors(h)
            if not frame_subject and klass == "reject" and self.tree.is_passive(h):
                # "Greece is opposed to Turkish mediation": who is opposed opposes
                frame_subject = self.actors.of(self.tree.kid(h, "nsubjpass"))
            if klass == "wish":
                # "Syria hopes to join": its own intent; "Iran hopes the US will lift
                # sanctions": an appeal to the US; "she hoped the officials would be
                # indicted": no one is asked, nothing happened (the table: hypothetical)
                if not (child.dep == "ccomp" and self.tree.is_passive(child)):
                    klass = "appeal" if self._other_agent(child, frame_subject) else "intend"
            if (
                klass in ("intend", "future")
                and self._other_agent(child, frame_subject)
                and not (
                    klass == "future"
                    and child.dep == "ccomp"
                    and not any(k.lower == "to" for k in self.tree.kids(child, "aux"))
                )
            ):
                # "Macron wants Erdogan to strike": an appeal to Erdogan (but "expects that
                # Russia will attack" is a forecast)
                klass = "appeal"
            if tree.is_negated(h) and klass != "open":
                klass = "wont" if klass in ("intend", "future", "consider") else "neg"
            if klass in _ASKING and c.mode == "negated":
                # "urged them not to travel": not an appeal to travel
                c.code = {"appeal": "020", "demand": "100"}.get(klass, "170")
                c.mode = "asserted" if klass == "coerce" else "demanded"
                c.reverse = None
                c.act = ""
            else:
                before = c.code
                own = self._same(sources, frame_subject) or not sources
                if klass == "claim" and not frame_subject:
                    own = False  # "amid speculation they were captured": no one claims their own
                self._compose(c, klass, own)
                if (
                    klass == "intend"
                    and c.code.startswith("13")
                    and not before.startswith("13")
                    and norm(h.lemma.lower()) in self.cues.commitment_words
                ):
                    c.committed = True  # "pledged to expel": a commitment, not a threat held over
            if self.modality(h) == "hypo" and c.mode in ("asserted", "demanded", "future"):
                c.mode = "hypothetical"  # "might want X to": nothing was asked yet
            if klass == "threaten" and h.pos == "VERB" and child.dep == "ccomp":
                # "Erdogan warned Sweden that Turkey could block its membership": the one
                # warned is the one threatened
                warned = [
                    m
                    for k in self.tree.kids(h, "dobj", "dative", "iobj")
                    for m in self.actors.of(k)
                    if not self._same([m], frame_subject)
                ]
                if warned:
                    c.target_override = warned
            if klass in _ASKING:
                asked = self.addressee(h, child)
                c.target_override = (
                    asked
                    or self.targets(c, frame_subject)
                    or [m for m in sources if not self._same([m], frame_subject)]
                )
                c.sources = sources = frame_subject
            elif klass not in _SPEECH and not sources and frame_subject:
                c.sources = sources = frame_subject
            elif (
                klass in ("reject", "intend")
                and c.pos == "noun"
                and c.anchor is h
                and frame_subject
                and sources
                and not self._same(sources, frame_subject)
            ):
                # "Greece is opposed to Turkish mediation", "Kyiv agreed to Saudi mediation":
                # the one who refuses or accepts acts on the one whose act it is
                c.target_override = sources
                c.sources = sources = frame_subject
        if expressed and c.code.startswith("03"):
            c.act = ""  # the actor's own word of intent is the event, not the act it is about
        if c.mode == "asserted" and self._unasserted_clause(c):
            c.mode = "hypothetical"

    def _kept_open(self, chain: list[tuple[Token, str, Token]]) -> list[tuple[Token, str, Token]]:
        """The chain with an option not ruled out as kept open ("open"): "has not ruled out
        military action", "refused to rule out sanctions" hold the act over someone."""
        out = list(chain)
        for n, (h, klass, child) in enumerate(chain):
            if klass == "reject" and norm(h.lemma.lower()) in self.cues.exclude_words:
                above = chain[n + 1] if n + 1 < len(chain) else None
                if self.tree.is_negated(h):
                    out[n] = (h, "open", child)
                elif above is not None and above[1] == "reject" and above[2].i == h.i:
                    # refusing to rule out is not ruling out (keeping it open twice is once)
                    out[n] = (h, "open", child)
                    out[n + 1] = (above[0], "open", above[2])
        return out

    def _share_means(self, c: Candidate, by_token: dict[int, Candidate]) -> None:
        """A means ("by subsidising solar power") is no more done than the act it serves.

        "are seeking to deepen a partnership, especially by promoting biofuels": the
        promoting is as intended as the deepening.
        """
        t = c.trigger
        p = self.tree.head(t)
        if c.pos != "verb" or c.mode != "asserted" or t.dep != "pcomp" or p is None:
            return
        if norm(p.lower) not in self.cues.means_preps:
            return
        served = by_token.get(p.head)
        if served is not None and served.mode != "asserted":
            c.mode = "hypothetical"
        elif served is None and (h := self.tree.head(p)) is not None and _is_verb(h):
            # "accused Rwanda of making accusations by alleging ...": the means of a charge
            probe = Candidate(h, c.code, "verb", c.match, h)
            if self._unasserted_clause(probe):
                c.mode = "hypothetical"

    def frame_free_noun(self, c: Candidate, by_token: dict[int, Candidate]) -> None:
        """A noun event on its own takes the status of the clause it sits in.

        "would set up a centre to coordinate strikes against IS": the strikes are no more
        a fact than the coordinating.
        """
        if c.mode == "asserted" and self._alleged(c):
            c.mode = "hypothetical"  # "blamed Israel for the bombing": alleged
            return
        for a in self.tree.ancestors(c.trigger):
            if not _is_verb(a):
                continue
            other = by_token.get(a.i)
            if other is not None:
                if other.mode != "asserted" and not _reportable(other.code, other.mode):
                    c.mode = "hypothetical"
                elif other.code.startswith("12") and c.trigger.dep in ("dobj", "obj"):
                    c.mode = "negated"  # "Hungary vetoed EU aid to Ukraine": no aid given
                return
            probe = Candidate(a, c.code, "verb", c.match, a)
            self.frame(probe)
            if probe.mode != "asserted":
                c.mode = probe.mode  # the code stays: the noun names the act, not the framing
            return

    def _background(self, c: Candidate) -> bool:
        """Whether the sentence itself places the event well before the article's date.

        "..., nine months after Turkish jets shot down a Russian bomber", "since the
        crisis began", "an attack on the embassy in 2012", "the sanctions imposed last
        November", "the group that has seized parts of Iraq": told again as background,
        not news of the day.
        """
        tree = self.tree
        t = c.anchor or c.trigger
        while (
            t.dep in ("conj", "xcomp")
            and (up := tree.head(t)) is not None
            and up.pos in ("VERB", "AUX")
        ):
            t = up
        marks: list[Token] = []
        if t.dep == "advcl":
            marks = [k for k in tree.kids(t, "mark") if norm(k.lower) in self.cues.background_marks]
        elif (
            t.dep == "pobj"
            and (p := tree.head(t)) is not None
            and norm(p.lower) in self.cues.background_marks
        ):
            marks = [p]
        elif (
            t.dep == "pcomp"
            and (p := tree.head(t)) is not None
            and norm(p.lower) in self.cues.background_marks
        ):
            marks = [p]
        if t.dep == "relcl" and any(k.lower in ("has", "have", "had") for k in tree.kids(t, "aux")):
            return True  # "the militia that has taken over the port": who it is, not news
        if t.dep == "relcl" and (d := tree.head(t)) is not None and tree.is_date(d):
            return self._names_earlier_time(d)  # "in March, when they discussed terrorism"
        for m in marks:
            if norm(m.lower) == "since":
                return True
            spans = tree.kids(t, "npadvmod") + tree.kids(m, "npadvmod")
            if any(norm(k.lemma.lower()) in self.cues.background_units for k in spans):
                return True
        return self._dated_before(t)

    def _dated_before(self, t: Token) -> bool:
        """Whether a date phrase on ``t`` names a time a month or more before the article."""
        when = self.when
        tree = self.tree
        after = (  # "after hosting a first round of talks in January": a past act
            t.dep == "pcomp"
            and (p := tree.head(t)) is not None
            and norm(p.lower) in self.cues.background_marks
        )
        if (
            when is None
            or t.tag not in ("VBD", "VBN")
            and t.pos not in ("NOUN", "PROPN")
            and not after
        ):
            return False
        # date phrases of the clause, its object included ("hosting a round of talks in
        # January"), not of clauses inside it
        heads = tree.kids(t, "npadvmod", "advmod") + [
            o
            for p in tree.subtree(t, CLAUSE_DEPS)
            if p.dep == "prep" and p.lower in ("in", "on", "during")
            for o in tree.kids(p, "pobj")
        ]
        return any(self._names_earlier_time(h) for h in heads)

    def _names_earlier_time(self, h: Token) -> bool:
        """Whether the date phrase headed by ``h`` names a time before the article's month."""
        when = self.when
        phrase = self.tree.subtree(h, CLAUSE_DEPS)
        # "60 times since October": from then until now, not a time past
        since = {
            y.i
            for x in phrase
            if x.dep == "prep" and x.lower == "since"
            for y in self.tree.subtree(x)
        }
        words = [
            x
            for x in phrase
            if x.i not in since and (self.tree.is_date(x) or x.lower in ("ago", "last"))
        ]
        if when is None or not words:
            return False
        lowers = [x.lower for x in words]
        years = [int(x.text) for x in words if x.text.isdigit() and len(x.text) == 4]
        if years and max(years) < when.year:
            return True
        units = {norm(x.lemma.lower()) for x in words}
        if "ago" in lowers and units & (self.cues.background_units - {"week"}):
            return True
        if "last" in lowers and (
            units & {"year", "decade"}
            or any(x.lower in _MONTHS or x.lower in _SEASONS for x in words)
        ):
            return True
        months = [_MONTHS.index(x.lower) + 1 for x in words if x.lower in _MONTHS]
        # "in January" said in August, "in November" said in August (last November): two or
        # more months before the article's (the month before may still be this news)
        return (
            bool(months)
            and not years
            and "last" not in lowers
            and (when.month - months[0]) % 12 >= 2
        )

    def _unasserted_clause(self, c: Candidate) -> bool:
        """Whether the event sits in a clause that does not report it as having happened.

        "an agreement to withdraw troops", "efforts to counter IS" (a to-clause on a
        noun), "jailed for helping militants" (a reason or charge).
        """
        if c.framed_by:
            return False
        if self._alleged(c):
            return True  # "blamed Israel for the bombing": alleged
        t = c.anchor or c.trigger
        # "to help him oust X": the purpose clause may sit above, through to-clauses.
        while (
            t.dep in ("xcomp", "conj")
            and (up := self.tree.head(t)) is not None
            and up.pos in ("VERB", "AUX")
        ):
            t = up
        h = self.tree.head(t)
        if h is None:
            return False
        has_to = any(k.lower == "to" for k in self.tree.kids(t, "aux"))
        if t.dep == "acl" and has_to:
            return True
        if (
            t.dep == "acl"
            and norm(h.lemma.lower()) in self.cues.document_nouns
            and h.dep in ("dobj", "obj")
            and (v := self.tree.head(h)) is not None
            and self.code_of(v).startswith("12")
        ):
            return True  # "vetoed a resolution condemning the annexation": nothing condemned
        if t.dep == "advcl" and has_to and not self.tree.kid(t, "nsubj"):
            return True  # a purpose: "opened fire to disperse", "met to discuss"
        if t.dep == "pcomp" and (up := self.tree.head(h)) is not None:
            if norm(up.lemma.lower()) in self.cues.condition_words:
                return True  # "the plan depends on Russia restraining Damascus"
        if (
            t.dep == "advcl"
            and t.tag == "VBG"
            and norm(h.lemma.lower()) in self.cues.condition_words
        ):
            return True  # the same, as the parser may attach a second condition
        return _gerund_object(t) and norm(h.lower) in self.cues.reason_preps

    def _compose(self, c: Candidate, klass: str, self_: bool) -> None:
        res = self.frames.compose(klass, c.code, c.mode, self_)
        if res is not None:
            new, c.mode = res
            if new != c.code:
                c.reverse = None  # a framed event has no reverse of its own
                if not new.startswith(_ABOUT_ACT):
                    c.act = ""  # refused, asked for, weighed: no longer a stated intent
                elif not c.code.startswith(_ABOUT_ACT):
                    c.act = c.code  # "will meet": intent 036 about the meeting 040
            c.code = new

    def _other_agent(self, child: Token, frame_subject: list[Mention]) -> bool:
        """Whether the clause ``child`` under an intent frame has a subject other than the frame's."""
        if child.dep not in ("ccomp", "xcomp") or not frame_subject:
            return False
        own = self.actors.of(self.subject_token(child))
        return bool(own) and not self._same(own, frame_subject)

    def _on_condition(self, v: Token, code: str) -> bool:
        """Whether verb ``v`` is made to depend on a coercive condition.

        "unless" always coerces; "if" does for conflictual acts ("will strike if attacked"),
        not for cooperative ones ("will provide aid if asked" is a conditional offer).
        """
        for k in self.tree.kids(v, "advcl"):
            marks = {norm(m.lower) for m in self.tree.kids(k, "mark")}
            if marks & self.cues.coercive_marks:
                return True
            if marks & self.cues.conditional_marks and code[:2] >= "10":
                return True
        return False

    def _says_duty(self, c: Candidate) -> bool:
        """Make a statement that another must (should) do something a demand (an appeal).

        "The Bush administration declared that China must drop barriers to US exports":
        what China must do names no event, so the statement itself is the demand on China.
        """
        speaker = self.sources(c)
        for k in self.tree.kids(c.trigger, "ccomp"):
            duty = self._obligation(k)
            addressee = self.actors.of(self.tree.kid(k, "nsubj", "nsubjpass"))
            if duty is None or not addressee or self._same(addressee, speaker):
                continue
            c.code = self.cues.duty_codes[0] if duty == "demand" else self.cues.duty_codes[1]
            c.mode, c.reverse, c.act = "demanded", None, ""
            c.target_override = addressee
            return True
        return False

    def _obligation(self, v: Token) -> str | None:
        """The frame class an obligation on verb ``v`` gives: must (demand), should (appeal)."""
        aux = {norm(k.lower) for k in self.tree.auxiliaries(v)}
        if aux & self.cues.obligation_aux:
            return "demand"
        if aux & self.cues.advice_aux:
            return "appeal"
        return None

    def modality(self, v: Token) -> str | None:
        """The modality a verb's own words give it: neg, will, wont, hypo (or None)."""
        tree = self.tree
        aux = {k.lower for k in tree.auxiliaries(v)}
        subject = tree.kid(v, "nsubj", "nsubjpass")
        # "did not attend", "no foreign government took part", "neither A nor B was invited"
        negated = tree.is_negated(v) or (
            subject is not None
            and any(k.lower in ("no", "neither") for k in tree.kids(subject, "det", "preconj"))
        )
        future = bool(aux & self.cues.future_aux)
        hypo = bool(aux & self.cues.hypothetical_aux)
        if v.dep == "advcl" and any(
            norm(k.lower) in self.cues.conditional_marks for k in tree.kids(v, "mark")
        ):
            hypo = True
        if (
            v.dep in ("advcl", "relcl")
            # present tense, active or passive ("until Hamas is destroyed")
            and (
                v.tag in ("VBZ", "VBP")
                or any(k.tag in ("VBZ", "VBP") for k in tree.kids(v, "aux", "auxpass"))
            )
            and any(norm(k.lower) in self.cues.future_marks for k in tree.kids(v, "mark"))
        ):
            future = True  # "a day before Merkel flies to Delhi": not yet
        if negated and (future or hypo):
            return "wont"
        if negated:
            return "neg"
        if future:
            return "will"
        if hypo:
            return "hypo"
        return None

    def frame_chain(self, a: Token) -> list[tuple[Token, str, Token]]:
        """Frame words above anchor ``a``, innermost first, each with the clause it frames."""
        tree = self.tree
        chain: list[tuple[Token, str, Token]] = []
        cur = a
        if _misparsed_active(tree, a) and (n := tree.head(a)) is not None and n.dep == "nsubj":
            # "Air strikes killed 30 people, officials said", parsed with "strikes" as the
            # subject of "said": the clause is what was said
            said = tree.head(n)
            klass = self.klass(said) if said is not None else None
            if said is not None and klass in _SPEECH:
                chain.append((said, klass, a))  # type: ignore[arg-type]
                cur = said
        # Coordinated verbs share their first conjunct's frames ("said it met X and signed Y").
        while (
            cur.dep == "conj"
            and (h := tree.head(cur)) is not None
            and (_is_verb(h) or h.pos == "AUX")
        ):
            cur = h
        for _ in range(8):
            h = tree.head(cur)
            if h is None:
                break
            klass = self.klass(h)
            purpose = (
                cur.dep == "advcl"
                and (
                    klass in _ASKING
                    # "have vowed to fight until ...", parsed as a purpose
                    or (klass in ("intend", "threaten") and not tree.kids(h, "dobj", "obj"))
                )
                and any(k.lower == "to" for k in tree.kids(cur, "aux"))
            )  # "was pressured by Congress to help Iran"
            noun_frame = (
                h.pos == "NOUN"
                and klass is not None
                and (
                    cur.dep in ("acl", "ccomp")
                    # "speculations they were captured": a content clause parsed as relative
                    or (
                        cur.dep == "relcl"
                        and not any(k.lower in _RELATIVES for k in tree.kids(cur))
                        and tree.kid(cur, "nsubj", "nsubjpass") is not None
                    )
                )
            )
            # "reiterated its demand that Israel ease ...", the clause parsed as the verb's:
            # it is the content of the frame noun the verb has as its object
            held = (
                cur.dep == "ccomp"
                and klass in (None, "say")  # not "rejected the demand that": not its author
                and any(k.lower in ("that", "for") for k in tree.kids(cur, "mark"))
                and (o := tree.kid(h, "dobj", "obj")) is not None
                and o.pos == "NOUN"
                and o.lemma.lower() in self.cues.frame_nouns
                and self.klass(o) is not None
            )
            if held:
                chain.append((o, self.klass(o), cur))  # type: ignore[arg-type]
                break
            # "denied supplying drones", "is considering imposing sanctions": a gerund object
            gerund = cur.dep in ("dobj", "obj") and cur.tag == "VBG" and klass is not None
            # "prevented activists from marching": the gerund of "from" on a preventing verb
            prevented = (
                cur.dep == "pcomp" and h.pos == "ADP" and h.lower in ("from", "against", "with")
            ) or (cur.dep == "prep" and cur.lower == "from" and klass == "prevent")
            if cur.dep == "prep" and cur.lower == "with" and tree.kids(cur, "pcomp"):
                # "tasked the army with disarming Hezbollah": asked, not done
                prevented = klass in _ASKING
            # "warned Finland against joining NATO": what one is warned or advised against
            # is not done, as what one is prevented from
            if cur.dep == "prep" and cur.lower == "against" and tree.kids(cur, "pcomp"):
                if klass in ("threaten", "appeal"):
                    prevented, klass = True, "prevent"
                elif klass is None and _is_verb(h):
                    # "protested against sending troops": an act opposed, not done by them
                    prevented, klass = True, "hypo"
            if not (
                cur.dep in _CHAIN_DEPS
                or purpose
                or noun_frame
                or gerund
                or prevented
                or (cur.dep == "pobj" and h.pos == "ADP")
            ):
                break
            if noun_frame:
                chain.append((h, klass, cur))  # type: ignore[arg-type]
                break  # the noun's own clause is another matter
            if klass is not None:
                # "is said to", "is claimed to" are no report ("denied supplying" is a denial)
                if not (
                    klass in _SPEECH
                    and cur.dep == "xcomp"
                    and (klass == "say" or tree.is_passive(h))
                ):
                    chain.append((h, klass, cur))
            elif h.lemma.lower() != "be" and h.pos != "ADP":
                break
            cur = h
        return chain

    def addressee(self, h: Token, child: Token) -> list[Mention]:
        """Whom an appeal or demand is made to: "urged Iran to", "called on Iran to", "wants Iran to"."""
        tree = self.tree
        if tree.is_passive(h):  # "Obama is being pressured by Congress to ..."
            found = self.actors.of(tree.kid(h, "nsubjpass"))
            if found:
                return found
        for k in tree.kids(h, "dobj", "dative", "iobj"):
            if k.i != child.i:
                found = self.actors.of(k)
                if found:
                    return found
        for p in tree.kids(h, "prep"):
            if p.lower in ("on", "upon", "to"):
                found = self.actors.of(tree.kid(p, "pobj"))
                if found:
                    return found
        if child.dep in (
            "ccomp",
            "acl",
        ):  # "demanded that Israel ease", "its demand that Israel ease"
            return self.actors.of(tree.kid(child, "nsubj"))
        return []

    def accusation(self, c: Candidate) -> list[Candidate]:
        """A speaker's accusation inside a report of violence.

        "X claimed that Y attacked Z" is X accusing Y (112). So is "X said Y attacked
        it" (the speaker was attacked) and a state's word on another's violence ("The
        US said Iraq attacked Kuwait"). A neutral report ("police said rebels attacked
        the town", "state media reported") is only the attack.
        """
        if not c.framed_by or not c.code.startswith(self.cues.accusation_codes):
            return []
        h, klass = c.framed_by[0]
        if (klass, c.mode) not in (
            ("say", "asserted"),
            ("claim", "hypothetical"),
        ) or h.lemma.lower() == "report":
            return []  # "state media reported" passes news on; it accuses no one
        speaker = self.subject_actors(h)
        sources = self.sources(c)
        if not speaker or not sources or self._same(sources, speaker):
            return []
        if klass == "say" and not (
            self._same(self.targets(c, sources), speaker)
            or _speaks_for_other_state(speaker, sources, self.cues.state_voice_agents)
            or any(m.actor and _has_agent(m.actor.agent, self.cues.monitor_agents) for m in speaker)
        ):
            return []
        accused = list(sources)
        if klass == "claim":
            accused += [
                m
                for m in self._fellow_clause_subjects(h, c.anchor or c.trigger)
                if not self._same([m], speaker)
                and m.actor.code not in {a.actor.code for a in accused if a.actor}
            ]
        acc = Candidate(
            h,
            "112",
            "verb",
            Match(c.match.pattern),
            h,
            sources=speaker,
            target_override=accused,
            bonus=-0.1,
        )
        acc.depth = len(self.tree.ancestors(h))
        return [acc]

    def _fellow_clause_subjects(self, h: Token, inside: Token) -> list[Mention]:
        """The state-coded subjects of ``h``'s other content clauses.

        "alleged that France was aware of the preparations, and that the French military
        took part in the killing" accuses France as well as its military: each clause of
        one allegation names someone accused, whether or not its verb is an event.
        """
        tree = self.tree
        clauses: list[Token] = []
        for k in tree.kids(h, "ccomp"):
            todo = [k]
            while todo:
                x = todo.pop()
                clauses.append(x)
                todo.extend(tree.kids(x, "conj"))
        ids = {k.i for k in clauses}
        own = next((x.i for x in [inside, *tree.ancestors(inside)] if x.i in ids), None)
        found: list[Mention] = []
        for k in clauses:
            if k.i == own:
                continue
            found += [m for m in self.subject_actors(k) if _has_country(m)]
        return found

    # -- roles -------------------------------------------------------------------------------

    def subject_token(self, v: Token) -> Token | None:
        """The token that is the subject of verb ``v``: its own, or one it inherits."""
        tree = self.tree
        cur = v
        for _ in range(6):
            # Its own subject, active or passive; inherited ones only if active (the passive
            # subject of "were killed" is not the one doing "shelling").
            s = (
                tree.kid(cur, "nsubj", "nsubjpass", "csubj")
                if cur is v
                else tree.kid(cur, "nsubj", "csubj")
            )
            if s is None:  # "Egypt and Qatar are mediating", the subject hung on "are"
                s = next(
                    (x for a in tree.kids(cur, "aux") for x in tree.kids(a, "nsubj") if x.i < a.i),
                    None,
                )
            if s is not None:
                return s
            h = tree.head(cur)
            if h is None:
                return None
            if cur.dep == "xcomp":
                raised = tree.kid(h, "nsubjpass")
                if raised is not None:
                    return raised  # "Modi is scheduled to attend": Modi attends
                obj = tree.kid(h, "dobj")
                if obj is not None and self.klass(h) in _ASKING | {"intend"}:
                    return obj  # "asked Obama to help": Obama helps
                cur = h  # "Hamas denied carrying out the attack": Hamas carried it out
            elif cur.dep in ("conj", "advcl", "acomp", "ccomp") and (
                _is_verb(h) or h.pos in ("AUX", "ADJ")
            ):
                cur = h
            elif cur.dep in ("relcl", "acl"):
                return h
            elif (
                _gerund_object(cur)
                and (p := tree.head(cur)) is not None
                and tree.head(p) is not None
            ):
                up = tree.head(p)
                obj = tree.kid(up, "dobj") if up is not None and _is_verb(up) else None  # type: ignore[arg-type]
                if obj is not None and p.lower in ("of", "for", "with", "from", "against"):
                    # "accused Tehran of arming", "thanked Egypt for hosting", "barred
                    # activists from marching", "warned Finland against joining"
                    return obj
                cur = up  # type: ignore[assignment]
            else:
                return None
        return None

    def subject_actors(self, v: Token) -> list[Mention]:
        """The actors doing what verb ``v`` says (the agent of a passive verb).

        For a frame noun ("its demand that ...", "Iran's threat to ..."): its possessor or
        "by" phrase, else the subject of the verb that has the noun as object.
        """
        tree = self.tree
        if v.pos == "NOUN":
            found = self.noun_source(v)
            h = tree.head(v)
            if not found and h is not None and _is_verb(h) and v.dep in ("dobj", "obj", "attr"):
                found = self.subject_actors(h)
            return found
        if _misparsed_active(tree, v):
            # "The Saudi-led coalition bombed Sanaa"; "Israeli air strikes killed 30 people"
            head = tree.head(v)
            return self.actors.of(head) or (self.noun_source(head) if self.code_of(head) else [])  # type: ignore[arg-type]
        if (
            tree.is_passive(v)
            or (v.dep == "acl" and v.tag == "VBN")
            # "hosted a summit, attended by Trump": a participle with its agent
            or (v.dep == "advcl" and v.tag == "VBN" and tree.kid(v, "agent") is not None)
        ):
            agent = tree.kid(v, "agent")
            if agent is None:
                return []
            obj = tree.kid(agent, "pobj")
            # "blown up by a missile fired by rebels": the instrument's user acts.
            return self.actors.of(obj) or (self.noun_source(obj) if obj is not None else [])
        s = self.subject_token(v) or self._stray_subject(v)
        if s is None:
            return []
        if s.dep == "nsubj" and s.pos == "NOUN" and not self.actors.of(s) and self.code_of(s):
            return self.noun_source(s)  # "Israeli shelling killed five": the shellers
        if s.i == getattr(tree.head(v), "i", -1) and v.dep in ("acl", "relcl"):
            if s.pos == "NOUN" and norm(s.lemma.lower()) in self.cues.document_nouns:
                return self._author(s)  # "published a communique demanding that ..."
            # "troops fighting in X": the noun itself must be an actor; "a summit hanging in
            # the balance" has no actor acting, whatever its modifiers name.
            m = self.actors.covering(s)
            return self.actors.of(s) if m is not None or s.pos == "PRON" else []
        if s.pos == "NOUN" and norm(s.lemma.lower()) in self.cues.document_nouns:
            # "a report by HRW says", never "footage of cartel raids shows": a document's
            # "of" phrase is what it shows, not who made it
            return self._author(s)
        found = self.actors.of(s)
        if found and s.dep == "nsubj":
            # a headline's "Israel, Hamas agree to truce": the first name hangs on the verb
            found = found + [
                m
                for k in tree.kids(v, "npadvmod")
                if k.i < s.i and tree.tokens[s.i - 1].text == "," and k.i == s.i - 2
                for m in self.actors.of(k)
                if _has_country(m)
            ]
        if not found and s.i > v.i or (not found and tree.kid(v, "nsubj", "nsubjpass") is None):
            # the subject inherited from above names no one; a name the parser hung under
            # the clause's conjunction may be its subject ("since Saudi Arabia severed ties")
            stray = self._stray_subject(v)
            found = self.actors.of(stray) if stray is not None else []
        return found

    def _author(self, doc: Token) -> list[Mention]:
        """Who a document speaks for: "a report by HRW", "a statement issued by the Kremlin";
        with no one named, the country it was released in ("a report released in Kigali")."""
        found = self.noun_source(doc)
        h = self.tree.head(doc)
        if not found and doc.dep in ("dobj", "obj") and h is not None and _is_verb(h):
            found = self.subject_actors(h)  # "the PKK issued a declaration": the PKK's
        make = getattr(self.kb, "make_actor", None)
        if found or make is None:
            return found
        places = [
            m
            for acl in self.tree.kids(doc, "acl")
            for p in self.tree.kids(acl, "prep")
            if norm(p.lower) in self.cues.location_preps
            for m in self.actors.of(self.tree.kid(p, "pobj"))
            if _has_country(m)
        ]
        countries = {m.actor.country for m in places}  # type: ignore[union-attr]
        if len(countries) != 1:
            return []
        return [replace(places[0], actor=make(countries.pop()), how="document:place")]

    def _event_subject(self, v: Token) -> Token | None:
        """The event noun that is verb ``v``'s subject ("air strikes killed 30"), if any."""
        tree = self.tree
        s = tree.head(v) if _misparsed_active(tree, v) else tree.kid(v, "nsubj")
        return s if s is not None and s.pos == "NOUN" and self.code_of(s) else None

    def _stray_subject(self, v: Token) -> Token | None:
        """An actor before a verb that the parser attached oddly, when it found no subject.

        Small models parse "Barack Obama and Vladimir Putin met" with "Barack" as a
        preposition; an actor mention to the left of the verb is then its subject.
        """
        if v.dep not in ("ROOT", "ccomp", "conj", "advcl"):
            return None
        for k in self.tree.kids(v):
            if k.i < v.i and k.dep in ("prep", "npadvmod", "dep", "nmod", "advmod", "compound"):
                if self.actors.covering(k) is not None:
                    return k
            if (
                k.i < v.i and k.dep == "mark"
            ):  # "since Saudi Arabia severed", the name under "since"
                for o in self.tree.kids(k, "pobj"):
                    if self.actors.covering(o) is not None:
                        return o
        return None

    def sources(self, c: Candidate) -> list[Mention]:
        """The source actors of a candidate event (cached on the candidate)."""
        if c.sources is not None:
            return c.sources
        tree = self.tree
        found: list[Mention] = []
        if "source" in c.match.slots:
            found = self.actors.of(c.match.slots["source"])
        if not found and c.pos == "verb":
            found = self.subject_actors(c.trigger)
            if not found and tree.is_passive(c.trigger):
                found = self._passive_source(c.trigger)
            if not found:
                found = self._launch_site(c)
        elif not found:
            found = self.noun_source(c.trigger) or self._charged_with(c)
            lemma = c.anchor.lemma.lower() if c.anchor is not None else ""
            # The subject of "hosted talks" / "brokered talks" is a host or mediator (see extras).
            if (
                not found
                and c.anchor is not None
                and lemma not in self.cues.host_words | self.cues.mediator_words
            ):
                found = self.subject_actors(c.anchor)
            h = tree.head(c.trigger)
            v = tree.head(h) if h is not None else None
            if (
                not found
                and c.trigger.dep == "pobj"
                and h is not None
                and h.lower in ("in", "during")
                and v is not None
                and _is_verb(v)
                and not tree.is_passive(v)
                and self.code_of(v).startswith(self.cues.violence_codes + ("17",))
                and c.code.startswith(self.cues.violence_codes)
            ):
                # "rebels captured Aleppo in an offensive against government forces": the
                # offensive is the captors'
                found = self.subject_actors(v)
            suffered = self._suffering_verb(c)
            if not found and suffered is not None:
                # "suffered a cyber attack by Russia", the "by" phrase hung on the verb
                found = [
                    m
                    for p in tree.kids(suffered, "prep", "agent")
                    if norm(p.lower) in self.cues.source_preps
                    for m in self.actors.of(tree.kid(p, "pobj"))
                ]
        c.sources = found
        return found

    def _charged_with(self, c: Candidate) -> list[Mention]:
        """Those an event (a noun or a gerund) is laid at: "blamed Israel for the bombing",
        "charged three men with spying", "condemned the rebels for the massacre"."""
        tree = self.tree
        t = c.trigger
        held = t.dep == "pobj" if c.pos == "noun" else _gerund_object(t)
        p = tree.head(t) if held else None
        v = tree.head(p) if p is not None else None
        if (
            p is None
            or v is None
            or p.lower not in ("for", "of", "with")  # "charged three men with spying"
            or not _is_verb(v)
            or not self.code_of(v).startswith("11")
        ):
            return []
        return [m for k in tree.kids(v, "dobj", "obj") for m in self.actors.of(k)]

    def _alleged(self, c: Candidate) -> bool:
        """Whether an event is what someone is accused of ("blamed Israel for the bombing",
        "charged three men with spying"); one condemned for it ("condemned Israel for the
        strike") did it."""
        if not self._charged_with(c):
            return False
        v = self.tree.head(self.tree.head(c.trigger))  # type: ignore[arg-type]
        return v is not None and self.code_of(v).startswith("112")

    def _launch_site(self, c: Candidate) -> list[Mention]:
        """Where force came from, when no one is named firing it: "a missile launched from
        Yemen", "rockets fired from Lebanon" (the place stands for its side)."""
        if c.pos != "verb" or not c.code.startswith(self.cues.violence_codes):
            return []
        return [
            m
            for p in self.tree.kids(c.trigger, "prep")
            if p.lower == "from"
            for m in self.actors.of(self.tree.kid(p, "pobj"))
            if m.actor is not None and m.actor.kind in ("state", "place") and _has_country(m)
        ]

    def _passive_source(self, v: Token) -> list[Mention]:
        """Who acted when a passive verb names no agent.

        "killed in Turkish artillery fire" / "in a drone strike by the army":
        the event noun's own source; "a mortar was fired at it from Gaza": the origin.
        """
        tree = self.tree
        for p in tree.kids(v, "prep"):
            word = norm(p.lower)
            obj = tree.kid(p, "pobj")
            if obj is None:
                continue
            if word in self.cues.instrument_preps and self.code_of(obj):
                found = self.noun_source(obj)
                if found:
                    return found
            if (
                word in self.cues.instrument_preps
                and not self.actors.is_place(obj)
                and any(
                    k.dep == "advcl"
                    and k.tag == "VBG"
                    and self.code_of(k)[:2] == self.code_of(v)[:2]
                    for k in tree.kids(v)
                )
            ):
                # "killed in Turkish artillery fire", parsed with "shelling" as a clause of
                # its own: the weapon's owner shelled
                found = [m for m in self.actors.of(obj) if _has_country(m)]
                if found:
                    return found
            if word == "from":
                found = self.actors.of(obj)
                if found:
                    return found
        return []

    def noun_source(self, n: Token) -> list[Mention]:
        """Who acts in a noun event: "Israel's attack", "Israeli shelling", "an attack by Israel"."""
        tree = self.tree
        away = self.code_of(n).startswith(self.cues.from_target_codes)
        for p in tree.kids(n, "prep", "agent"):
            if norm(p.lower) in self.cues.source_preps:
                if away and norm(p.lower) == "from":
                    continue  # "their withdrawal from ECOWAS": what is left, not who leaves
                found = self.actors.of(tree.kid(p, "pobj"))
                if found:
                    return found
        for acl in tree.kids(n, "acl"):
            # "air strikes carried out by the coalition", "a missile believed to be fired by rebels"
            # (not "a ceasefire brokered by Qatar": the broker mediates, see extras)
            if self._host_role(acl) is not None:
                continue
            for v in [acl] + tree.kids(acl, "xcomp"):
                agent = tree.kid(v, "agent")
                if agent is not None:
                    found = self.actors.of(tree.kid(agent, "pobj"))
                    if found:
                        return found
        m = self.match(n)
        if m is not None and "source" in m.slots:  # "the visit of the president"
            found = self.actors.of(m.slots["source"])
            if found:
                return found
        found: list[Mention] = []
        for k in tree.kids(n, "poss", "compound", "amod", "nmod", "npadvmod"):
            # "Israeli shelling", "Iran's offer"; not "military aid" (an agent word names no one).
            found.extend(m for m in self.actors.of(k) if _has_country(m) or k.dep == "poss")
        return found

    def targets(self, c: Candidate, sources: list[Mention]) -> list[Mention]:
        """The target actors of a candidate event (never its sources).

        Candidates are tried in order of grammatical strength (slot, passive subject,
        object, prepositional phrases); the first that names a country-coded actor
        wins, so "withdraw its troops from Lebanon" targets Lebanon, not "troops".
        """
        if c.target_override is not None:
            return c.target_override
        first: list[Mention] = []
        for group in self._target_groups(c, sources):
            if (
                first
                and group
                and all(m.actor is not None and m.actor.kind == "place" for m in group)
            ):
                continue  # "rallied in Tbilisi against the government": where, not whom
            if any(_has_country(m) for m in group):
                return group
            first = first or group
        return (
            first
            or self._purpose_target(c, sources)
            or self._responsibility_target(c, sources)
            or self._condition_target(c, sources)
            or self._sufferer(c, sources)
            or self._site_target(c, sources)
            or self._nearest_actor(c, sources)
        )

    def _other_side(self, m: Mention, sources: list[Mention]) -> bool:
        """Whether ``m`` can be a target of what ``sources`` do: not one of them, not on their
        side, not their own people named by "its"."""
        return not _is_source(m, sources, self.cues.state_side_agents) and not _own_people(
            m, sources
        )

    def _sufferer(self, c: Candidate, sources: list[Mention]) -> list[Mention]:
        """Who suffers an event noun: "Ukraine suffered a missile attack by Russia"."""
        h = self._suffering_verb(c)
        if h is None:
            return []
        return [m for m in self.subject_actors(h) if not self._same([m], sources)]

    def _suffering_verb(self, c: Candidate) -> Token | None:
        """The verb ("suffered", "sustained") whose object is the noun event ``c``, if any."""
        t, h = c.trigger, self.tree.head(c.trigger)
        if c.pos != "noun" or t.dep not in ("dobj", "obj") or h is None or not _is_verb(h):
            return None
        return h if norm(h.lemma.lower()) in self.cues.patient_verbs else None

    def _condition_target(self, c: Candidate, sources: list[Mention]) -> list[Mention]:
        """For a threat without a target, who must meet its condition: "threatened to launch
        an offensive unless Baghdad accepted its conditions" threatens Iraq."""
        if not c.code.startswith("13"):
            return []
        tree = self.tree
        heads = [c.trigger] + ([c.anchor] if c.anchor is not None else [])
        heads += [h for h, _ in c.framed_by]
        for h in heads:
            # the condition may hang lower: "to stop talks to reduce arms if the US goes ahead"
            for k in tree.subtree(h):
                if k.dep != "advcl" or not any(
                    norm(m.lower) in self.cues.conditional_marks for m in tree.kids(k, "mark")
                ):
                    continue
                found = [
                    m
                    for m in self.actors.of(self.subject_token(k))
                    if _has_country(m) and not self._same([m], sources)
                ]
                if found:
                    return found
        return []

    def _responsibility_target(self, c: Candidate, sources: list[Mention]) -> list[Mention]:
        """For claiming or denying responsibility for an act, whom that act hit.

        "al-Shabab claimed responsibility for an attack on a mall in Kenya's capital": Kenya.
        """
        if not c.code.startswith(self.cues.responsibility_codes):
            return []
        tree = self.tree
        heads = [c.trigger] + tree.kids(c.trigger, "dobj")
        for h in heads:
            for p in tree.kids(h, "prep"):
                act = tree.kid(p, "pobj")
                if p.lower != "for" or act is None or not self.code_of(act):
                    continue
                for x in tree.subtree(act):
                    found = [
                        m
                        for m in self.actors.of(x)
                        if _has_country(m)
                        and not _is_source(m, sources, self.cues.state_side_agents)
                    ]
                    if found:
                        return found
        return []

    def _purpose_target(self, c: Candidate, sources: list[Mention]) -> list[Mention]:
        """For a protest or an act of force without a target, whom its stated purpose names.

        "began a hunger strike to demand the resignation of the Algerian president",
        "blocked a road to show their disapproval of the United States' policies",
        "marched in protest against Sweden's decision", "opened fire to disperse the
        demonstrators" (force only when its purpose is itself coercive or violent).
        """
        force = c.code[:2] in _FORCE_AIMS
        if not (c.code.startswith(self.cues.purpose_codes) or force):
            return []
        tree = self.tree
        heads = [c.trigger] + (
            [c.anchor] if c.anchor is not None and c.anchor is not c.trigger else []
        )
        clauses = [k for h in heads for k in tree.kids(h, "advcl", "xcomp", "acl", "prep")]
        for k in clauses:
            if k.dep == "prep" and norm(k.lower) not in ("in", "against"):
                continue
            if force:
                # force aims at whom a coercive purpose is against: "fired to disperse them"
                if k.dep == "advcl" and self.code_of(k)[:2] in _FORCE_AIMS:
                    found = [
                        m
                        for o in tree.kids(k, "dobj")
                        for m in self.actors.of(o)  # the object itself, not its modifiers
                        if m.actor and not _is_source(m, sources, self.cues.state_side_agents)
                    ]
                    if found:
                        return found
                continue
            for x in tree.subtree(k):
                found = [
                    m
                    for m in self.actors.of(x)
                    if _has_country(m) and not _is_source(m, sources, self.cues.state_side_agents)
                ]
                if found:
                    return found
        return []

    def _target_groups(self, c: Candidate, sources: list[Mention]) -> Iterator[list[Mention]]:
        tree = self.tree

        def keep(ms: list[Mention]) -> list[Mention]:
            return [m for m in ms if self._other_side(m, sources)]

        slot = c.match.slots.get("target")
        if slot is not None:
            yield keep(self.actors.of(slot))
        t = c.trigger
        heads: list[Token] = [t]
        if c.pos == "verb":
            if tree.is_passive(t):
                # A passive verb's subject is its target, shared in "were arrested and released".
                subj = tree.kid(t, "nsubjpass") or (
                    self.subject_token(t) if t.dep == "conj" else None
                )
                if subj is not None:
                    yield keep(self.actors.of(subj))
                    heads.append(subj)  # "evidence against Russia was presented"
            topic_verb = norm(t.lemma.lower()) in self.cues.topic_verbs
            for k in tree.kids(t, "dobj", "dative", "iobj", "attr", "oprd", "obj"):
                if k.dep == "dative" and k.pos == "ADP":
                    continue
                if c.code.startswith(self.cues.violence_codes) and self._weapon(k):
                    heads.append(k)
                    continue  # "fired missiles at a base": what is fired is no target
                if not (topic_verb and k.dep in ("dobj", "obj")):  # "discussed Syria": a topic
                    found = self.actors.of(k)
                    if k.i in c.match.used and not c.code.startswith(self.cues.patient_codes):
                        # "sent delegations": what the pattern names is sent, not a target,
                        # unless the sentence says whose it is ("received the Iranian envoy");
                        # but those arrested or attacked are the target ("arrested protesters")
                        found = [m for m in found if _has_country(m)]
                    yield keep(found)
                heads.append(k)  # "filed a complaint against Serbia"
                # "pledged 3 billion euros in military aid to Ukraine": the aid is the object
                heads += [
                    o
                    for p in tree.kids(k, "prep")
                    if p.lower == "in"
                    for o in tree.kids(p, "pobj")
                    if self.code_of(o)
                ]
            if t.dep == "acl" and t.tag == "VBN" and not _misparsed_active(tree, t):
                yield keep(self.actors.of(tree.head(t)))
            if t.dep == "advcl" and t.tag == "VBN" and tree.kid(t, "agent") is not None:
                # "Egypt hosted a summit, attended by Trump": attended at Egypt's
                h = tree.head(t)
                yield keep(self.subject_actors(h) if h is not None and _is_verb(h) else [])
            for k in tree.kids(t, "ccomp"):
                # a bare infinitive's subject: "helped Nepal rebuild", "let inspectors enter"
                subj = tree.kid(k, "nsubj")
                if k.tag == "VB" and subj is not None and not tree.kids(k, "aux", "mark"):
                    yield keep(self.actors.of(subj))
        elif c.anchor is not None and c.anchor is not t:
            heads.append(c.anchor)
        preps = self.cues.target_preps
        if c.swap or c.code.startswith(self.cues.from_target_codes):
            preps = preps | {"from"}  # "withdrew from Lebanon", "expelled from Kuwait"
        if self._topical(c):
            preps = (
                preps - self.cues.topic_preps
            )  # "talks on the Syrian ceasefire" are not aimed at Syria
        weak = self.cues.weak_target_preps - (
            self.cues.topic_preps if self._topical(c) else frozenset()
        )
        audience: list[list[Mention]] = []
        # the object's own phrases first: "break off relations with Congo over their ties
        # with Israel" breaks with Congo
        ordered = heads[1:] + heads[:1] if c.pos == "verb" else heads
        for group in (preps, weak):
            for h in ordered:
                for p in tree.kids(h, "prep", "dative"):
                    if norm(p.lower) not in group or self._about(h, p):
                        continue
                    obj = tree.kid(p, "pobj")
                    if obj is not None and norm(obj.lemma.lower()) in self.cues.request_nouns:
                        continue  # "met at Ankara's request": Ankara asked, it is not the target
                    found = keep(self.actors.of(obj))
                    if (
                        c.code.startswith(self.cues.audience_codes)
                        and norm(p.lower) in ("to", "with")
                        and found
                        and all(m.actor is not None and m.actor.kind == "igo" for m in found)
                    ):
                        # "complained to the UN over Israeli raids": the UN hears the
                        # complaint; it is against whom the rest of the sentence names
                        audience.append(found)
                        continue
                    yield found
                    # One step further: "warned against travel to Mali".
                    for q in tree.kids(obj, "prep") if obj is not None else []:
                        if norm(q.lower) in self.cues.target_preps:
                            yield keep(self.actors.of(tree.kid(q, "pobj")))
        yield from audience
        if c.pos == "verb" and not tree.is_passive(t):
            for p in tree.kids(t, "prep"):
                # force "from" a place comes from there ("a missile launched from Yemen")
                if p.lower == "from" and not c.code.startswith(self.cues.violence_codes):
                    yield keep(self.actors.of(tree.kid(p, "pobj")))
            if self.klass(t):
                # A frame word whose clause holds no event of its own: "threatened to cut off
                # gas to Moldova", "demanded that the Nigerian government end ...".
                for k in tree.kids(t, "xcomp", "ccomp"):
                    yield keep(self.actors.of(tree.kid(k, "nsubj")))
                    inner = Candidate(k, c.code, "verb", Match(c.match.pattern), k)
                    for group in self._target_groups(inner, sources):
                        yield group

    def _weapon(self, t: Token) -> bool:
        """Whether a noun names arms (``&x-arms``): "missiles", "rockets", "drones"."""
        return t.pos == "NOUN" and (
            norm(t.lemma.lower()) in self.weapons or norm(t.lower) in self.weapons
        )

    def _about(self, noun: Token, prep: Token) -> bool:
        """Whether ``prep`` gives what a document is about ("a council text on Syria")."""
        return (
            norm(prep.lower) in self.cues.topic_preps
            and norm(noun.lemma.lower()) in self.cues.topic_nouns
        )

    def _topical(self, c: Candidate) -> bool:
        """Whether "on", "about", "over" give the topic of the event rather than its target.

        So for statements and meetings, and for what parties do to each other ("Moscow and
        Washington differed over the future of Assad": Assad is what they differ about).
        """
        # an intent is about its act: "plans to host a summit on Gaza" is a summit's topic
        return (
            c.code.startswith(self.cues.topic_codes)
            or bool(c.act and c.act.startswith(self.cues.topic_codes))
            or c.reverse == c.code
        )

    def _site_target(self, c: Candidate, sources: list[Mention]) -> list[Mention]:
        """The state where a thing hit by force lies: "drones struck an oil refinery in
        Russia's Volgograd region" hit Russia. (Strikes "in northern Iraq" with nothing hit
        named are placed there, not aimed at Iraq.)"""
        if c.pos != "verb" or not c.code.startswith(self.cues.violence_codes):
            return []
        tree = self.tree
        found = [
            m
            for k in tree.kids(c.trigger, "dobj", "obj")
            # a thing, not a person the resolver does not know ("killed Facundo Cabral")
            if k.pos == "NOUN" and self._thing(k) and not self.actors.of(k)
            for p in tree.kids(k, "prep")
            if norm(p.lower) in self.cues.location_preps
            for m in self.actors.of(tree.kid(p, "pobj"))
            if m.actor is not None
            and m.actor.kind in ("state", "place")
            and _has_country(m)
            and self._other_side(m, sources)
        ]
        # one state, named once ("Russia's Volgograd region" is Russia)
        return found[:1] if len({m.actor.country for m in found}) == 1 else []  # type: ignore[union-attr]

    def _nearest_actor(self, c: Candidate, sources: list[Mention]) -> list[Mention]:
        """Last resort for a verb's target: the first state actor named on its object side.

        "condemned as a disgrace Belarus's jailing of ..." Not inside a reason
        ("jailed for acting against X"), a place ("met in Vienna"), a topic or a clause
        on a noun ("pressure to help Iran").
        """
        if c.pos != "verb" or norm(c.trigger.lemma.lower()) in self.cues.topic_verbs:
            return []
        tree = self.tree
        obj, _ = self.matcher.object_side(c.trigger, False)
        skip: set[int] = set()
        for x in obj:
            word = norm(x.lower)
            if x.dep in ("pcomp", "acl", "relcl") or (
                x.dep == "prep"
                and (
                    word in self.cues.location_preps
                    or (word in self.cues.topic_preps and self._topical(c))
                    or ((h := tree.head(x)) is not None and self._about(h, x))
                )
            ):
                skip.update(y.i for y in tree.subtree(x))
        for x in obj:
            if x.i in skip:
                continue
            found = [
                m for m in self.actors.of(x) if _has_country(m) and self._other_side(m, sources)
            ]
            if found:
                return found
        return []

    def joint_parties(self, c: Candidate) -> list[Mention]:
        """Parties named by "between"/"among" phrases of the trigger, its object or anchor."""
        tree = self.tree
        heads = [c.trigger]
        if c.anchor is not None and c.anchor is not c.trigger:
            heads.append(c.anchor)
        # "held talks between A and B", not "discussed a trade zone between A and B"
        heads += [k for k in tree.kids(c.trigger, "dobj") if self.code_of(k)[:2] == c.code[:2]]
        found: list[Mention] = []
        for h in heads:
            for p in tree.kids(h, "prep"):
                if norm(p.lower) in self.cues.joint_preps:
                    found.extend(self.actors.of(tree.kid(p, "pobj")))
        return found

    def place(self, c: Candidate) -> tuple[str | None, list[Mention], list[Mention]]:
        """Where the event happened, and the actors of places it names.

        Returns the text of the place (from "in X"/"at X" on the trigger or its anchor),
        the actors of that place, and the actors of a place named inside the object
        ("attend a conference in Austria", "grief over the floods in Pakistan").
        """
        tree = self.tree
        heads = [c.trigger] + (
            [c.anchor] if c.anchor is not None and c.anchor is not c.trigger else []
        )
        heads += self._situation(c)
        text, direct = self._place_in(heads)
        objects = [k for h in heads for k in tree.kids(h, "dobj", "attr", "nsubjpass")]
        # "expressed grief over the floods in Pakistan": what the object is about,
        # unless that is the topic of a meeting ("a summit on the crisis in Sudan",
        # "spoke by phone about the war in Ukraine").
        own = self.code_of(c.trigger)  # the code before frames: "to attend a summit" is 04
        topic = any(x.startswith(self.cues.topic_codes) for x in (c.code, own) if x)
        topical = self.cues.topic_preps if topic else frozenset()
        inner_heads = objects + [
            tree.kid(p, "pobj")  # type: ignore[misc]
            for h in heads
            for p in tree.kids(h, "prep")
            if norm(p.lower) not in self.cues.time_preps  # "since the crisis in Ukraine began"
            and norm(p.lower) not in topical
        ]
        inner_heads += [
            tree.kid(p, "pobj")  # type: ignore[misc]
            for h in objects
            for p in tree.kids(h, "prep")
            if norm(p.lower) not in topical
        ]
        inner_heads = [h for h in inner_heads if h is not None]
        # "its participation in the talks in Geneva": where the talks are, not whom it touches
        meetings = [
            h
            for h in inner_heads
            if not topic and h is not c.trigger and self.code_of(h).startswith("04")
        ]
        inner_text, inner = self._place_in([h for h in inner_heads if h not in meetings])
        meeting_text, _ = self._place_in(meetings)
        if c.code.startswith(self.cues.violence_codes):
            # Violence touches the place of a thing it hits ("bombed a market in Baghdad",
            # "fired at targets in Jericho"); with nothing hit but the act itself ("carried
            # out air strikes in Syria", "clashes in Aleppo") the place says only where.
            hit = [h for h in objects if h is not c.trigger and self._thing(h)] + [
                o
                for h in heads
                for p in tree.kids(h, "prep")
                if norm(p.lower) in self.cues.target_preps - self.cues.location_preps
                and (o := tree.kid(p, "pobj")) is not None
                and self._thing(o)
                and not self.actors.of(o)
            ]
            if not hit:
                return text or inner_text or meeting_text, [], []
        return text or inner_text or meeting_text, direct, inner

    def _capitals_as_places(self, c: Candidate, targets: list[Mention]) -> list[Mention]:
        """A capital that is visited or struck is its country, not its government.

        "Putin visited Paris" (FRA), "rockets hit Kabul" (AFG); "accused Tehran" keeps IRNGOV.
        """
        make = getattr(self.kb, "make_actor", None)
        if make is None or not c.code.startswith(self.cues.place_codes):
            return targets
        return [
            replace(m, actor=make(m.actor.country), how="capital:place")
            if m.how == "capital:metonym" and m.actor is not None
            else m
            for m in targets
        ]

    def _for_sources(self, code: str, sources: list[Mention]) -> str:
        """The code an act has for who does it: a state blocking roads, protesters wrecking."""
        actors = [m.actor for m in sources if m.actor is not None]
        if not actors:
            return code
        if all(
            m.actor.country not in ("", "---")
            and m.actor.agent in self.cues.state_side_agents
            and not m.how.startswith("demonym")  # "young Algerians" are people, not the state
            for m in sources
            if m.actor is not None
        ):
            table = self.cues.state_codes
        elif all(_has_agent(a.agent, self.cues.dissent_agents) for a in actors):
            table = self.cues.dissent_codes
        else:
            return code
        for pair in table:
            general, _, specific = pair.partition(":")
            if code == general:
                return specific
        return code

    def _for_people(self, code: str, targets: list[Mention]) -> str:
        """The specific code of an act on people or on land.

        "Released the civilians" is releasing people (0841, not 084); "seized Goma" is
        occupying territory (192, not 171).
        """
        people = bool(targets) and all(
            m.actor is not None
            and (m.actor.kind == "person" or m.actor.agent)
            and m.actor.agent[:3] not in self.cues.thing_agents
            and not m.actor.code.startswith(("IGO", "NGO"))  # an agency, not its people
            for m in targets
        )
        land = bool(targets) and all(
            m.actor is not None
            and not m.actor.agent
            and m.actor.kind in ("state", "place")
            and m.how != "adjective"  # "seized a Chinese-owned chipmaker" is no Chinese land
            for m in targets
        )
        table = self.cues.people_codes if people else self.cues.territory_codes if land else ()
        for pair in table:
            general, _, specific = pair.partition(":")
            if code == general:
                return specific
        return code

    def _located(self, c: Candidate, targets: list[Mention]) -> list[Mention]:
        """Targets of no known country take the country of the one place the act names.

        "Four children were killed in Israeli shelling in Gaza" hit Gaza's civilians;
        "militants shelled a hospital in Mosul" an Iraqi hospital.
        """
        make = getattr(self.kb, "make_actor", None)
        if (
            make is None
            or not c.code.startswith(self.cues.material_codes)
            or self.klass(c.trigger) in _SPEECH
            or not any(m.actor is not None and m.actor.country == "---" for m in targets)
        ):
            return targets
        heads = [c.trigger] + (
            [c.anchor] if c.anchor is not None and c.anchor is not c.trigger else []
        )
        heads += self._situation(c)
        # a participle restating the act: "were killed in tank shelling in the Gaza Strip"
        violent = c.code.startswith(self.cues.violence_codes)
        heads += [
            k
            for h in heads
            for k in self.tree.kids(h, "advcl")
            if (k.tag == "VBG" and self.code_of(k)[:2] == c.code[:2])
            # "killed 23 people when they blew themselves up in Tel Aviv"
            or (violent and self.code_of(k).startswith(self.cues.violence_codes))
        ]
        heads += [k for h in heads for k in self.tree.kids(h, "dobj", "nsubjpass", "pobj")]
        heads += [
            o
            for h in list(heads)
            for p in self.tree.kids(h, "prep")
            for o in self.tree.kids(p, "pobj")
        ]
        places = [m for m in self._place_in_all(heads) if _has_country(m)]
        countries = {m.actor.country for m in places}  # type: ignore[union-attr]
        if len(countries) != 1:
            return targets
        (country,) = countries
        out = []
        for m in targets:
            if m.actor is not None and m.actor.country == "---" and m.actor.agent:
                actor = make(country + m.actor.agent, kind=m.actor.kind)
                m = replace(m, actor=actor, how=f"{m.how}+place")
            out.append(m)
        return out

    def _place_in_all(self, heads: list[Token]) -> list[Mention]:
        """The actors of every place named with "in"/"at" on these words."""
        out: list[Mention] = []
        for h in heads:
            for p in self.tree.kids(h, "prep"):
                obj = self.tree.kid(p, "pobj")
                if norm(p.lower) not in self.cues.location_preps or obj is None:
                    continue
                if not self.actors.is_place(obj):  # "in the north of the Sinai"
                    of = [
                        self.tree.kid(q, "pobj")
                        for q in self.tree.kids(obj, "prep")
                        if q.lower == "of"
                    ]
                    obj = of[0] if of and of[0] is not None else obj
                if self.actors.is_place(obj):
                    out.extend(self.actors.of(obj))
        return out

    def _thing(self, t: Token) -> bool:
        """Whether a noun names a thing (a market, targets), not an event, a time or a pronoun."""
        return t.pos in ("NOUN", "PROPN") and not self.tree.is_date(t) and not self.code_of(t)

    def _place_in(self, heads: list[Token]) -> tuple[str | None, list[Mention]]:
        tree = self.tree
        for h in heads:
            for p in tree.kids(h, "prep"):
                if norm(p.lower) not in self.cues.location_preps:
                    continue
                obj = tree.kid(p, "pobj")
                if obj is None or not self.actors.is_place(obj):
                    continue
                span = tree.subtree(obj)
                return tree.sentence.span_text(span[0].i, span[-1].i + 1), self.actors.of(obj)
        return None, []

    def extras(self, c: Candidate) -> list[tuple[Mention, str]]:
        """Hosts, mediators and absentees of a meeting or negotiation."""
        tree = self.tree
        out: list[tuple[Mention, str]] = []
        heads = [c.trigger] + (
            [c.anchor] if c.anchor is not None and c.anchor is not c.trigger else []
        )
        heads += self._situation(c)
        p = tree.head(c.trigger)
        if c.trigger.dep == "pobj" and p is not None and (q := tree.head(p)) is not None:
            if norm(q.lemma.lower()) in self.cues.quantity_nouns:
                heads.append(q)  # "Four days of talks in Moscow, hosted by Russia"
        for h in heads:
            for p in tree.kids(h, "prep"):
                obj = tree.kid(p, "pobj")
                if norm(p.lower) in self.cues.absent_preps:
                    if c.code.startswith(self.cues.brokered_codes):  # talks, deals: not battles
                        out.extend((m, "absent") for m in self.actors.of(obj))
                elif (
                    obj is not None
                    and {norm(obj.lemma.lower()), norm(obj.lower)} & self.cues.mediator_phrases
                ):
                    for q in tree.kids(obj, "prep"):  # "under the auspices of the UN"
                        named = tree.kid(q, "pobj")
                        if named is not None and self.actors.covering(named) is not None:
                            # (not "mediation of its dispute": what is mediated)
                            out.extend((m, "mediator") for m in self.actors.of(named))
            if not c.code.startswith(self.cues.brokered_codes):
                continue  # "a US-led air strike" has no mediator; talks and deals do
            mods = tree.kids(h, "acl", "amod")
            for p in tree.kids(h, "prep"):  # "talks between A and B, hosted by X"
                for o in tree.kids(p, "pobj"):
                    mods += tree.kids(o, "acl") + [
                        a for c2 in tree.kids(o, "conj") for a in tree.kids(c2, "acl")
                    ]
            for mod in mods:  # "talks hosted by X", "UN-brokered talks"
                role = self._host_role(mod)
                if role is None:
                    continue
                agent = tree.kid(mod, "agent")
                who = self.actors.of(tree.kid(agent, "pobj")) if agent is not None else []
                for k in tree.kids(mod, "npadvmod", "compound", "nmod"):
                    who = who or self.actors.of(k)
                if not who and mod.i >= 2 and tree.tokens[mod.i - 1].text in ("-", "–"):
                    # "UN-mediated talks" parsed with "UN" hanging on the noun
                    m = self.actors.covering(tree.tokens[mod.i - 2])
                    who = [m] if m is not None else []
                out.extend((m, role) for m in who)
        if c.anchor is not None and c.pos == "noun":  # "Russia hosted talks between ..."
            # and "the meeting was convened by X and hosted by Y": verbs sharing the noun
            verbs = [c.anchor] + [
                v
                for v in tree.kids(c.anchor, "conj")
                if _is_verb(v) and tree.kid(v, "nsubj", "nsubjpass", "dobj") is None
            ]
            for v in verbs:
                role = self._host_role(v)
                if role is None:
                    continue
                agent = tree.kid(v, "agent")  # a conjoined passive has no auxiliary of its own
                who = self.actors.of(tree.kid(agent, "pobj")) if agent is not None else []
                out.extend((m, role) for m in who or self.subject_actors(v))
        return out

    def _go_between(self, m: Mention) -> bool:
        """Whether an actor is named, or holds an office that day, as an envoy or mediator."""
        titles = self.cues.mediator_titles
        words = self.tree.tokens[m.token_start : m.token_end]
        if any(norm(t.lower) in titles for t in words):
            return True
        entry_of = getattr(self.kb, "entry", None)
        if m.actor is None or m.actor.kind != "person" or not m.actor.kb_id or entry_of is None:
            return False
        try:
            _code, role = entry_of(m.actor.kb_id).code_at(self.when)
        except KnowledgeBaseError:
            return False
        return role is not None and any(norm(w) in titles for w in role.title.lower().split())

    def _hosts_meeting(self, v: Token, meetings: set[int]) -> bool:
        """Whether host/mediator verb ``v`` governs, or hangs on, a meeting noun."""
        tree = self.tree
        near = [k.i for k in tree.kids(v, "dobj", "nsubjpass")]
        if v.dep == "conj" and not near and (first := tree.head(v)) is not None:
            # "The meeting was convened by X and hosted by Y": the first verb's meeting
            near = [k.i for k in tree.kids(first, "dobj", "nsubjpass")]
        if v.dep in ("acl", "relcl"):
            # the noun it hangs on, or the meeting that noun belongs to: "talks between the
            # government and the opposition, hosted by Russia"; "days of talks, hosted by"
            near += [a.i for a in tree.ancestors(v)[:4] if a.pos in ("NOUN", "PROPN")]
            h = tree.head(v)
            near += [
                o.i
                for p in (tree.kids(h, "prep") if h is not None else [])
                for o in tree.kids(p, "pobj")
            ]
        return any(i in meetings for i in near)

    def _situation(self, c: Candidate) -> list[Token]:
        """The verb that says where and how a subject noun event happened.

        "Talks between Russia and Turkey took place in Ankara without Iran": the place and
        the absentee hang on "took place", not on "talks".
        """
        h = self.tree.head(c.trigger)
        if c.pos == "noun" and c.anchor is None and c.trigger.dep in ("nsubj", "nsubjpass"):
            hm = self.match(h) if h is not None and _is_verb(h) else None
            if h is not None and _is_verb(h) and (hm is None or c.trigger.i in hm.used):
                return [h]  # a verb of its own, or one that only restates the noun ("resumed")
        return []

    def _host_role(self, t: Token) -> str | None:
        lemma = t.lemma.lower()
        if lemma in self.cues.host_words:
            return "host"
        return "mediator" if lemma in self.cues.mediator_words else None

    # -- events ------------------------------------------------------------------------------

    def events(self, c: Candidate, when: date | None) -> list[Event]:
        """The event (and its reverse, if any) of a candidate, with its participants in their roles."""
        extras = self.extras(c)
        taken = {(m.token_start, m.token_end) for m, _ in extras}
        sources = [m for m in self.sources(c) if (m.token_start, m.token_end) not in taken]
        targets = [m for m in self.targets(c, sources) if (m.token_start, m.token_end) not in taken]
        if c.swap:  # "faced pressure from Congress": Congress is the one acting
            sources, targets = targets, sources
        joint = self.joint_parties(c)
        location, place_actors, inner_place = self.place(c)
        targets = self._located(c, self._capitals_as_places(c, targets))
        if c.code.startswith(self.cues.purpose_codes):
            # "prisoners rioted at a jail in Dili": protesters are of the place they protest in
            sources = self._located(c, sources)
        if (
            not sources
            and c.pos == "verb"
            and self.tree.is_passive(c.trigger)
            and c.code.startswith(self.cues.custody_codes)
        ):
            # "a missionary was arrested in Lebanon": a state's authorities arrest on its soil
            sources = self._custodian(c, location)
        if not sources and targets and not joint and c.code.startswith(self.cues.violence_codes):
            # "a roadside bomb near Samarra killed a US soldier": no one named, the attack
            # is told as the place's (the country alone, no agent: someone there), as the
            # PETRARCH and PLOVER gold data code it; less sure than a named perpetrator
            sources = self._scene(c)
            if sources:
                c.bonus -= 0.1
        participants: list[tuple[Mention, str]] = list(extras)
        reciprocal = c.reverse is not None and c.reverse == c.code
        # "two police were killed in shootouts": those a passive verb names suffered it
        victims = (
            not sources
            and c.pos == "verb"
            and self.tree.is_passive(c.trigger)
            and c.code.startswith(self.cues.violence_codes)
        )
        if c.code.startswith("04") and not (targets or joint) and c.target_override is None:
            # "UN envoy X opened the peace talks in Geneva": a go-between holding talks
            # with no counterpart named is mediating them.
            go_betweens = [m for m in sources if self._go_between(m)]
            participants += [(m, "mediator") for m in go_betweens]
            sources = [m for m in sources if m not in go_betweens]
        if c.target_override is not None:
            # An appeal or a demand: the asker acts on the asked (perhaps several parties).
            participants += [(m, "source") for m in sources] + [
                (m, "target") for m in targets + joint
            ]
        elif joint and c.code.startswith(self.cues.mediation_codes) and sources:
            # "offered to mediate between Armenia and Azerbaijan": the parties are mediated
            participants += [(m, "source") for m in sources] + [
                (m, "target") for m in joint + targets if m not in sources
            ]
        elif joint:
            parties = sources + [m for m in joint if m not in sources]
            participants += [(m, "participant") for m in parties] + [
                (m, "target") for m in targets if m not in parties
            ]
        elif (reciprocal and (len(sources) > 1 or (targets and not victims))) or (
            not targets
            and len(sources) > 1
            and not c.swap  # "won backing from Paris and Berlin": both back it
            and c.code.startswith(self.cues.joint_codes)
        ):
            participants += [(m, "participant") for m in sources + targets]
        else:
            participants += [(m, "source") for m in sources] + [(m, "target") for m in targets]
        place_ids: set[int] = set()
        meeting_place = c.code.startswith("04") and not targets  # "talks between A and B in Kuwait"
        if (meeting_place or not (targets or joint)) and c.target_override is None:
            # A place stands in for a missing target: "attend a conference in Austria" and
            # "grief over the floods in Pakistan" are about that place; where an act
            # happened ("met in Moscow": Russia hosts; "protested in Beijing", "exercises in
            # Alaska") tells whom physical acts are aimed at; words said there are no act on it.
            # Violence is the exception: "air strikes in Syria" say where, not against whom.
            roles_taken = {(m.token_start, m.token_end) for m, _ in participants}
            joint_act = sum(r == "participant" for _, r in participants) >= 2
            if inner_place and not (joint_act and not c.code.startswith("04")):
                extra = [(m, "host" if c.code.startswith("04") else "target") for m in inner_place]
            elif c.code.startswith("04"):
                extra = [(m, "host") for m in place_actors]
            elif (
                c.code.startswith(self.cues.material_codes)
                and self.klass(c.trigger) not in _SPEECH
                # "Israel and Hamas agreed to a truce in Gaza": where it holds, no third party
                and sum(r == "participant" for _, r in participants) < 2
            ):
                extra = [(m, "target") for m in place_actors]  # not "announced in Geneva a truce"
            else:
                extra = []
            codes_taken = {m.actor.code for m, _ in participants if m.actor}
            placed = [
                (m, r)
                for m, r in extra
                if (m.token_start, m.token_end) not in roles_taken
                and m.actor
                and m.actor.code not in codes_taken
            ]
            participants += placed
            place_ids = {id(m) for m, _ in placed}
        if not any(role != "absent" for _, role in participants):
            return []
        if (
            c.pos == "verb"
            and not c.match.pattern.elements
            and not c.framed_by  # "demanded that the government provide information"
            and norm(c.trigger.lemma.lower()) in self.cues.vague_verbs
            and not ({"source", "participant"} & {r for _, r in participants} and targets)
        ):
            return []  # "a new report reveals the presence of gangs": no one acts on anyone
        movers = [m.actor for m, r in participants if r in ("source", "participant") and m.actor]
        if (
            c.code.startswith(self.cues.visit_codes)
            and movers
            and all(
                a.agent[:3] in self.cues.private_agents
                # troops or police arriving are deployed, not visiting (a general visits)
                or (a.kind != "person" and a.agent[:3] in ("MIL", "COP"))
                for a in movers
            )
        ):
            return []  # "migrants who travel through Guatemala to the US" visit no one
        participants = self._domestic(c, participants)
        fwd_targets = [m for m, r in participants if r == "target"]
        fwd_sources = [m for m, r in participants if r == "source"]
        # where it happened is no object: "cocaine seized in Rotterdam" is no seizure of land
        named = [m for m in fwd_targets if id(m) not in place_ids]
        code = self._for_sources(self._for_people(c.code, named), fwd_sources)
        # the act an intent is about is as specific as the act itself would be
        act = self._for_sources(self._for_people(c.act, named), fwd_sources) if c.act else ""
        events = [self.make(c, code, participants, location, when, act=act)]
        if c.reverse and not reciprocal and fwd_sources and fwd_targets:
            rev = [(m, "source") for m in fwd_targets] + [(m, "target") for m in fwd_sources]
            events.append(self.make(c, c.reverse, rev, location, when, bonus=-0.1))
        return events

    def _scene(self, c: Candidate) -> list[Mention]:
        """The one state where violence with no named perpetrator happened."""
        if getattr(self.kb, "make_actor", None) is None or self.klass(c.trigger) in _SPEECH:
            return []
        tree = self.tree
        heads = [c.trigger] + ([c.anchor] if c.anchor is not None else []) + self._situation(c)
        s = self.tree.kid(c.trigger, "nsubj") if c.pos == "verb" else None
        if s is not None and s.pos == "NOUN" and not self.actors.of(s):
            heads.append(s)  # "a bombing near Samarra killed ...", "a bomb near Samarra"
        # "killed in a car bomb explosion in Beirut", "killed by a device outside Basra"
        heads += [
            o
            for h in list(heads)
            for p in tree.kids(h, "prep", "agent")
            if norm(p.lower) in self.cues.means_preps | {"by", "in"}
            for o in tree.kids(p, "pobj")
            if o.pos == "NOUN"
        ]
        places = [
            m
            for h in heads
            for p in tree.kids(h, "prep")
            if norm(p.lower) in self.cues.scene_preps
            for t in tree.subtree(p)
            if (m := self.actors.covering(t)) is not None
            and m.actor is not None
            and m.actor.kind in ("state", "place")
            and not m.actor.agent
            and _has_country(m)
        ]
        return self._the_state(places, "place:scene")

    def _the_state(self, places: list[Mention], how: str) -> list[Mention]:
        """The state itself (bare code) of places that all lie in one; none otherwise."""
        countries = {m.actor.country for m in places}  # type: ignore[union-attr]
        if len(countries) != 1:
            return []
        return [replace(places[0], actor=self.kb.make_actor(countries.pop()), how=how)]  # type: ignore[union-attr]

    def _custodian(self, c: Candidate, location: str | None) -> list[Mention]:
        """The state on whose soil a passive arrest or detention with no agent happened."""
        if getattr(self.kb, "make_actor", None) is None:
            return []
        places = [m for m in self._place_in_all([c.trigger]) if _has_country(m)]
        return self._the_state(places, "place:custody")

    def _domestic(
        self, c: Candidate, participants: list[tuple[Mention, str]]
    ) -> list[tuple[Mention, str]]:
        """A group of no stated country facing one state's civil authorities is of that state.

        "The Mozambique government accepted demands from Shona rebels": the rebels are
        Mozambique's. Only for acts of friction (concessions, demands, repression, fights;
        not meetings, praise or aid, which governments also hold with foreign groups), and
        only when the sentence names no other state. Police and courts of no stated
        country, which act at home, are of the state whose actors they face ("a judge
        opened an inquiry into Chilean officials").
        """
        make = getattr(self.kb, "make_actor", None)
        if make is None or not c.code.startswith(self.cues.domestic_codes):
            return participants
        sides = {r: [m for m, x in participants if x == r] for r in ("source", "target")}
        for mine, other in (("source", "target"), ("target", "source")):
            groups, state = sides[mine], sides[other]
            if not groups or not state:
                continue
            home = all(
                m.actor is not None
                and m.actor.country == "---"
                and m.actor.agent[:3] in self.cues.home_institutions
                for m in groups
            )
            if not home and not all(
                m.actor is not None
                and m.actor.country == "---"
                and m.actor.agent[:3] in self.cues.domestic_agents
                for m in groups
            ):
                continue
            countries = {m.actor.country for m in state if m.actor is not None}
            if (
                len(countries) != 1
                or not (
                    home  # police and courts act at home, on anyone there
                    or all(
                        m.actor is not None and m.actor.agent[:3] in self.cues.domestic_authorities
                        for m in state
                    )
                )
            ):
                continue
            (country,) = countries
            named = {m.actor.country for m in self.actors.mentions if _has_country(m)}
            if country in ("---", "IGO", "NGO") or named - {country}:
                continue
            placed = {
                id(m): replace(m, actor=make(country + m.actor.agent), how=f"{m.how}+domestic")  # type: ignore[union-attr]
                for m in groups
            }
            participants = [(placed.get(id(m), m), r) for m, r in participants]
        return participants

    def make(
        self,
        c: Candidate,
        code: str,
        participants: list[tuple[Mention, str]],
        location: str | None,
        when: date | None,
        bonus: float = 0.0,
        act: str = "",
    ) -> Event:
        """An :class:`Event` record for candidate ``c`` with ``code`` and these participants."""
        s = self.tree.sentence
        cc = self.onto.cameo(code)
        plover, plover_mode = self.onto.plover_for(code)
        parts = tuple(
            Participant(m.actor, role, m.start_char, m.end_char, m.text)  # type: ignore[arg-type]
            for m, role in _unique(participants)
        )
        t = c.trigger
        conf = round(min(0.99, max(0.05, self.confidence(c, parts) + bonus)), 3)
        eid = content_id(
            s.article_id,
            str(s.index),
            code,
            f"{t.start}-{t.end}",
            ";".join(f"{p.actor.code}:{p.role}" for p in parts),
        )
        return Event(
            id=eid,
            article_id=s.article_id,
            sentence_index=s.index,
            date=when,
            cameo=code,
            root=cc.root,
            quad=cc.quad,
            goldstein=cc.goldstein,
            plover=plover,
            mode=c.mode,
            participants=parts,
            evidence=Evidence(s.text, s.start_char, s.end_char, t.text, t.start, t.end),
            confidence=conf,
            coder=CODER_VERSION,
            plover_mode=plover_mode,
            location=location,
            act=act,
            committed=c.committed and code.startswith("13") and bool(act),
        )

    def confidence(self, c: Candidate, parts: tuple[Participant, ...]) -> float:
        """How sure the coder is: pattern specificity, complete roles, prominence in the sentence."""
        roles = {p.role for p in parts}
        conf = 0.45 + min(0.2, 0.03 * c.match.pattern.specificity) + c.bonus
        if ("source" in roles and "target" in roles) or "participant" in roles:
            conf += 0.15
        elif roles & {"source", "target"}:
            conf += 0.05
        conf += max(0.0, 0.12 - 0.03 * c.depth) if c.anchor is not None else -0.08
        if self._subordinate(c.anchor or c.trigger):
            conf -= 0.08  # "..., calling for independence", "after a jet shot down ...": background
        if c.code.startswith("01"):
            conf -= 0.15  # a bare statement is the weakest reading of a sentence
        if c.swap:
            conf -= 0.05
        return conf

    def _subordinate(self, t: Token) -> bool:
        """Whether ``t`` sits in an adverbial, participial or relative clause."""
        for x in [t] + self.tree.ancestors(t):
            if x.dep in ("advcl", "acl", "relcl", "pcomp"):
                return True
        return False

    def _same(self, a: list[Mention], b: list[Mention]) -> bool:
        """Whether two actor lists share an actor: the same code or mention, or the same
        state speaking through another voice ("Sisi said Egypt would ...": EGYGOV and EGY)."""
        if not a or not b:
            return False
        codes_b = {m.actor.code for m in b if m.actor}
        spans_b = {(m.token_start, m.token_end) for m in b}
        side = self.cues.state_side_agents
        states_b = {
            m.actor.country for m in b if m.actor and _has_country(m) and m.actor.agent in side
        }
        return any(
            (m.actor and m.actor.code in codes_b)
            or (m.token_start, m.token_end) in spans_b
            or (
                m.actor
                and _has_country(m)
                and m.actor.agent in side
                and m.actor.country in states_b
            )
            for m in a
        )


# Roots of purposes that say whom an act of force is aimed at: coercion, force, violence.
_FORCE_AIMS = frozenset({"17", "18", "19", "20"})

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})


def _speaks_for_other_state(
    speaker: list[Mention], sources: list[Mention], voice_agents: frozenset[str]
) -> bool:
    """Whether a state's voice reports the act of another country or group."""
    voices = [
        m.actor for m in speaker if m.actor and _has_country(m) and m.actor.agent in voice_agents
    ]
    if not voices:
        return False
    countries = {a.country for a in voices}
    return any(_has_country(m) and m.actor.country not in countries for m in sources)  # type: ignore[union-attr]


def _is_source(m: Mention, sources: list[Mention], side: frozenset[str]) -> bool:
    """Whether ``m`` is one of the sources, or the state a source acts for.

    "Putin warned of consequences for relations between Russia and Turkey": Russia is
    Putin's side, so only Turkey is a target.
    """
    for s in sources:
        if (s.token_start, s.token_end) == (m.token_start, m.token_end):
            return True
        if s.actor is None or m.actor is None:
            continue
        if s.actor.code == m.actor.code:
            return True
        # The bare state and the organs that act for it are one side ("Putin", "Russia").
        if (
            m.actor.country == s.actor.country
            and _has_country(m)
            and m.actor.agent in side
            and s.actor.agent in side
        ):
            if "" in (m.actor.agent, s.actor.agent) or m.actor.agent == s.actor.agent:
                return True
    return False


def _misparsed_active(tree: Tree, v: Token) -> bool:
    """Whether a participle hanging on a noun is really that noun's past-tense verb.

    Small models parse "The coalition bombed Sanaa." with "bombed" as a participle of
    "coalition"; a participle with a direct object and no "by" phrase is active.
    """
    return (
        v.dep == "acl"
        and v.tag == "VBN"
        and tree.kid(v, "dobj") is not None
        and tree.kid(v, "agent") is None
        and (h := tree.head(v)) is not None
        and h.dep in ("ROOT", "nsubj")
    )


def _gerund_object(t: Token) -> bool:
    """Whether ``t`` is a gerund governed by a preposition (parsed as pcomp, or as pobj):
    "accused Tehran of arming", "charged them with spying"."""
    return t.dep == "pcomp" or (t.dep == "pobj" and t.tag == "VBG")


def _own_people(m: Mention, sources: list[Mention]) -> bool:
    """Whether a mention is the sources' own, named by "its" ("advised its citizens against
    travel to Yemen", "withdrew its fighters"): no target of their act."""
    own = {s.actor.country for s in sources if s.actor is not None}
    return m.how.endswith("+its") and m.actor is not None and m.actor.country in own


def _has_agent(agent: str, wanted: frozenset[str]) -> bool:
    """Whether a (possibly compound) agent code has one of the wanted parts ("OPPHRI": HRI)."""
    return any(agent[i : i + 3] in wanted for i in range(0, len(agent), 3))


def _has_country(m: Mention) -> bool:
    return m.actor is not None and m.actor.country not in ("", "---")


def _is_verb(t: Token) -> bool:
    return t.pos == "VERB" or (
        t.pos == "AUX" and t.dep not in ("aux", "auxpass") and t.lemma != "be"
    )


def _unique(ps: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    seen: set[tuple[int, int]] = set()
    out = []
    for m, role in ps:
        key = (m.token_start, m.token_end)
        if key not in seen:
            seen.add(key)
            out.append((m, role))
    return out


def _stem(w: str) -> str:
    """A crude stem shared by a word's regular inflections ("meets", "meeting" -> "meet")."""
    w = w.lower()
    if len(w) > 4 and w.endswith(("ied", "ies")):
        return w[:-3] + "y"  # "denied", "denies" -> "deny"
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2]:
        w = w[:-1]
    return w
