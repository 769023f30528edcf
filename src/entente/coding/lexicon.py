"""The pattern lexicon: verbs and nouns that signal events, as data files with a loader and validator.

The files and their format are described in ``entente/coding/data/README.md``. In
short, every non-comment line of a pattern file is::

    CODE <tab> TRIGGER <tab> PATTERN [<tab> NOTE]

``CODE`` is the CAMEO code (``042``), or ``FWD:REV`` when the pattern also codes
an event from the target back to the source (``042:043``: the visitor visits, the
host hosts), ``:REV`` when it codes only that reverse event, or ``---`` for "this
is not an event" (it shadows less specific patterns). ``TRIGGER`` is a lemma,
``l1|l2`` (either lemma) or ``&set``. ``PATTERN`` lists, space-separated, what must also be in the clause:

* ``word``, ``&set``, ``w1+w2`` (a phrase: the last word is the head, the others
  sit in its subtree), ``a|b`` (either): on the object side of the trigger;
* ``^word``: in the subject;
* ``prep:words`` (``to|for:protest``, ``with:``, ``against:&weapon``): a
  prepositional phrase; ``prep:@target`` / ``prep:@source`` says that the phrase's
  object is the event's target / source;
* ``@target`` / ``@source``: the direct object is the target / the source.

Example:
    >>> lex = load_lexicon()
    >>> [p.code for p in lex.patterns("visit", "verb")][:1]
    ['042']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from entente.coding.ontology import DATA, Ontology, load_ontology
from entente.errors import KnowledgeBaseError

# Pattern files shipped with entente, highest priority first. Hand-written files come
# before the imported dictionary, so a hand-written pattern wins a tie in specificity.
SHIPPED_PATTERN_FILES = ("verbs.tsv", "nouns.tsv", "verbs_cameo2.tsv")
SHIPPED_SET_FILES = ("sets.tsv", "sets_cameo2.tsv")
# Files converted from other dictionaries; every other pattern file is curated by hand.
IMPORTED_PATTERN_FILES = ("verbs_cameo2.tsv",)
HAND_BONUS = 1.0
# Imported patterns that entente leaves out (by their source line), with the reason.
SHIPPED_DROP_FILES = ("cameo2_drops.tsv",)

_WORD = re.compile(r"^[a-z0-9][a-z0-9.'/\-]*$")
_CODE = re.compile(r"^(\d{2,4})?(?::(\d{2,4}))?$")


def norm(word: str) -> str:
    """A crude singular of a lower-case word, so "rallies" meets "rally" and "talks" meets "talk"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ws")):
        return word[:-1]
    return word


def lemma_candidates(lemma: str, lower: str) -> list[str]:
    """The parser's lemma of a word, then guesses from its form ("staged" -> "stage", "stag").

    Small parsing models mislemmatise some verbs ("staged" as "stag"); the guesses let
    the lexicon find the verb anyway. The parser's lemma is always tried first, then its
    American spelling ("recognise" -> "recognize").
    """
    out = [lemma.lower()]
    if out[0].endswith("ise") and len(out[0]) > 6:
        out.append(out[0][:-3] + "ize")  # British spelling: "recognise", "normalise"
    w = lower
    if w.endswith("ied") and len(w) > 4:
        out.append(w[:-3] + "y")
    elif w.endswith("ed") and len(w) > 3:
        out += [w[:-1], w[:-2]] + ([w[:-3]] if len(w) > 4 and w[-3] == w[-4] else [])
    elif w.endswith("ing") and len(w) > 4:
        out += [w[:-3], w[:-3] + "e"] + ([w[:-4]] if len(w) > 5 and w[-4] == w[-5] else [])
    elif w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    elif w.endswith("es") and len(w) > 3:
        out += [w[:-1], w[:-2]]
    elif w.endswith("s") and len(w) > 3:
        out.append(w[:-1])
    out.append(w)
    return list(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class Element:
    """One condition of a pattern.

    Attributes:
        where: ``obj`` (object side of the trigger), ``subj`` (subject side) or ``prep``.
        preps: for ``prep`` elements, the prepositions allowed (normalised words).
        phrases: alternatives, each a phrase of normalised words whose last word is the head;
            empty means "anything" (a bare ``prep:``) or "nothing needed" (a bare slot).
        slot: ``target`` or ``source`` when this element's noun phrase fills that role.
    """

    where: str
    preps: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    slot: str = ""

    @property
    def weight(self) -> float:
        """How much this condition narrows the pattern down (for choosing among matches)."""
        if self.where == "prep":
            return 1.5 + (1.5 + max(len(p) for p in self.phrases) - 1 if self.phrases else 0.0)
        if not self.phrases:
            return 0.25
        return 2.0 + max(len(p) for p in self.phrases) - 1


@dataclass(frozen=True, slots=True)
class Pattern:
    """A trigger word with the conditions under which it signals a CAMEO event.

    Attributes:
        trigger: the trigger's lemma (lower case).
        pos: ``verb`` or ``noun``.
        code: CAMEO code of the source -> target event, or None.
        reverse: CAMEO code of the target -> source event, or None.
        elements: the conditions.
        origin: ``file:line`` the pattern came from.
        rank: priority of its file (0 = highest).
        specificity: how much the pattern's conditions narrow it down.
        note: the NOTE column (for imported patterns, their source line).
    """

    trigger: str
    pos: str
    code: str | None
    reverse: str | None
    elements: tuple[Element, ...]
    origin: str
    rank: int = 0
    specificity: float = field(default=0.0)
    note: str = ""

    @property
    def is_null(self) -> bool:
        """True for a ``---`` pattern: "this is not an event"."""
        return self.code is None and self.reverse is None


class Lexicon:
    """Patterns by trigger lemma and part of speech, plus the named word sets.

    Build it with :func:`load_lexicon` (shipped files plus any extra files).
    """

    def __init__(
        self, patterns: Iterable[Pattern], sets: dict[str, tuple[tuple[str, ...], ...]]
    ) -> None:
        self.sets = sets
        self._by_trigger: dict[tuple[str, str], list[Pattern]] = {}
        for p in patterns:
            self._by_trigger.setdefault((p.trigger, p.pos), []).append(p)
        for plist in self._by_trigger.values():
            # Most specific first; among equals, the higher-priority file, then file order.
            plist.sort(key=lambda p: (-p.specificity, p.rank))
        self.trigger_words = frozenset(t for t, _ in self._by_trigger)

    def patterns(self, lemma: str, pos: str) -> list[Pattern]:
        """The patterns of a trigger lemma for ``pos`` (``verb`` or ``noun``), most specific first."""
        return self._by_trigger.get((lemma, pos), [])

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_trigger.values())

    def has_trigger(self, lemma: str, pos: str) -> bool:
        """Whether ``lemma`` has any pattern as ``pos``."""
        return (lemma, pos) in self._by_trigger


# --- reading --------------------------------------------------------------------------------


def _data_lines(path: Path) -> Iterable[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise KnowledgeBaseError(
            f"cannot read pattern file {path}: {e}; check the path and that it is UTF-8"
        ) from e
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield n, line.rstrip("\n").split("\t")


def read_sets(paths: Iterable[Path]) -> tuple[dict[str, tuple[tuple[str, ...], ...]], list[str]]:
    """Read word-set files (``&name <tab> word word w1+w2 ...``); returns sets and problems."""
    raw: dict[str, tuple[str, list[str]]] = {}
    problems: list[str] = []
    for path in paths:
        for n, cols in _data_lines(path):
            where = f"{path.name}:{n}"
            if len(cols) < 2 or not cols[0].startswith("&"):
                problems.append(f"{where}: expected '&name<TAB>members', got {cols!r}")
                continue
            name = cols[0].strip().lower()
            if name in raw:
                problems.append(f"{where}: set {name} is defined twice (first at {raw[name][0]})")
                continue
            raw[name] = (where, cols[1].split())
    sets: dict[str, tuple[tuple[str, ...], ...]] = {}

    def expand(name: str, stack: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        if name in sets:
            return sets[name]
        if name in stack:
            problems.append(
                f"{raw[name][0]}: set {name} includes itself (via {' -> '.join(stack)})"
            )
            return ()
        where, members = raw[name]
        out: list[tuple[str, ...]] = []
        for m in members:
            if m.startswith("&"):
                if m.lower() not in raw:
                    problems.append(f"{where}: set {name} uses undefined set {m}")
                    continue
                out.extend(expand(m.lower(), stack + (name,)))
                continue
            words = tuple(norm(w) for w in m.lower().split("+"))
            if not all(_WORD.match(w) for w in words):
                problems.append(f"{where}: member {m!r} of {name} is not a word or w1+w2 phrase")
                continue
            out.append(words)
        sets[name] = tuple(dict.fromkeys(out))
        return sets[name]

    for name in raw:
        expand(name, ())
    return sets, problems


def _phrases(
    spec: str, sets: dict[str, tuple[tuple[str, ...], ...]]
) -> tuple[tuple[str, ...], ...]:
    """Alternatives of a word spec (``a|b``, ``w1+w2``, ``&set``, ``&set+word``) as phrases."""
    out: list[tuple[str, ...]] = []
    for alt in spec.split("|"):
        partial: list[tuple[str, ...]] = [()]
        for part in alt.split("+"):
            if part.startswith("&"):
                if part not in sets:
                    raise ValueError(f"undefined set {part}")
                options = list(sets[part])
            else:
                if not _WORD.match(part):
                    raise ValueError(f"{part!r} is not a lower-case word")
                options = [(norm(part),)]
            partial = [p + o for p in partial for o in options]
        out.extend(partial)
    return tuple(dict.fromkeys(out))


def parse_pattern(text: str, sets: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[Element, ...]:
    """Parse the PATTERN column into elements.

    Raises:
        ValueError: with a message naming the bad element.
    """
    elements: list[Element] = []
    for item in text.split():
        if item in ("@target", "@source"):
            elements.append(Element("obj", slot=item[1:]))
        elif item.startswith("^"):
            elements.append(Element("subj", phrases=_phrases(item[1:], sets)))
        elif ":" in item:
            prep, _, rest = item.partition(":")
            slot = ""
            for s in ("@target", "@source"):
                if rest.endswith(s):
                    slot, rest = s[1:], rest[: -len(s)]
            preps = tuple(p for p in prep.split("|"))
            if not all(_WORD.match(p) for p in preps):
                raise ValueError(f"{prep!r} is not a preposition (or p1|p2)")
            elements.append(Element("prep", preps, _phrases(rest, sets) if rest else (), slot))
        else:
            elements.append(Element("obj", phrases=_phrases(item, sets)))
    return tuple(elements)


def _parse_code(text: str, onto: Ontology) -> tuple[str | None, str | None]:
    if text == "---":
        return None, None
    m = _CODE.match(text)
    if not m or not (m.group(1) or m.group(2)):
        raise ValueError(f"code {text!r} is not CODE, CODE:CODE, :CODE or ---")
    fwd, rev = m.group(1), m.group(2)
    for c in (fwd, rev):
        if c is not None and not onto.is_code(c):
            raise ValueError(f"{c!r} is not a CAMEO event code (see cameo_codes.tsv)")
    return fwd, rev


def read_drops(paths: Iterable[Path]) -> tuple[set[str], list[str]]:
    """Read drop files (``NOTE <tab> reason``): imported patterns to leave out."""
    drops: set[str] = set()
    problems: list[str] = []
    for path in paths:
        if not path.is_file():
            continue
        for n, cols in _data_lines(path):
            if len(cols) < 2 or not cols[1].strip():
                problems.append(
                    f"{path.name}:{n}: expected NOTE<TAB>reason (say why the pattern goes)"
                )
                continue
            drops.add(cols[0].strip())
    return drops, problems


def read_patterns(
    path: Path,
    pos: str,
    sets: dict[str, tuple[tuple[str, ...], ...]],
    rank: int,
    onto: Ontology,
    drops: set[str] = frozenset(),  # type: ignore[assignment]
    bonus: float = 0.0,
) -> tuple[list[Pattern], list[str]]:
    """Read one pattern file; returns its patterns and the problems found (``file:line: ...``).

    ``bonus`` is added to every pattern's specificity (hand-written files get
    :data:`HAND_BONUS`, so a curated pattern beats an imported one that is only a
    little more specific).
    """
    patterns: list[Pattern] = []
    problems: list[str] = []
    for n, cols in _data_lines(path):
        where = f"{path.name}:{n}"
        note = cols[3].strip() if len(cols) > 3 else ""
        if note and note in drops:
            continue
        if len(cols) < 2:
            problems.append(f"{where}: expected CODE<TAB>TRIGGER<TAB>PATTERN, got {cols!r}")
            continue
        try:
            code, reverse = _parse_code(cols[0].strip(), onto)
            trigger = cols[1].strip().lower()
            elements = parse_pattern(cols[2] if len(cols) > 2 else "", sets)
            if trigger.startswith("&"):
                if trigger not in sets:
                    raise ValueError(f"undefined set {trigger}")
                members = sets[trigger]
            else:
                lemmas = trigger.split("|")
                if not all(_WORD.match(w) for w in lemmas):
                    raise ValueError(
                        f"trigger {trigger!r} is not a lower-case lemma, l1|l2 or &set"
                    )
                members = tuple((w,) for w in lemmas)
        except ValueError as e:
            problems.append(f"{where}: {e}")
            continue
        for member in members:
            # A phrase member of a trigger set ("meet+with") is the lemma plus words it needs.
            extra = tuple(Element("obj", phrases=((w,),)) for w in member[1:])
            els = extra + elements
            spec = sum(e.weight for e in els) + bonus
            patterns.append(Pattern(member[0], pos, code, reverse, els, where, rank, spec, note))
    return patterns, problems


def _file_pos(path: Path) -> str:
    return "noun" if path.name.startswith("nouns") else "verb"


def build_lexicon(
    pattern_files: Iterable[Path],
    set_files: Iterable[Path],
    onto: Ontology | None = None,
    drop_files: Iterable[Path] = (),
) -> Lexicon:
    """Read, validate and index pattern and set files (earlier files have priority).

    A pattern file whose name starts with ``nouns`` holds noun triggers; others hold verbs.
    Patterns whose NOTE is listed in a drop file are left out.

    Raises:
        KnowledgeBaseError: listing every bad line.
    """
    onto = onto or load_ontology()
    sets, problems = read_sets(set_files)
    drops, bad_drops = read_drops(drop_files)
    problems.extend(bad_drops)
    patterns: list[Pattern] = []
    for rank, path in enumerate(pattern_files):
        bonus = 0.0 if path.name in IMPORTED_PATTERN_FILES else HAND_BONUS
        found, bad = read_patterns(path, _file_pos(path), sets, rank, onto, drops, bonus)
        patterns.extend(found)
        problems.extend(bad)
    if problems:
        raise KnowledgeBaseError("the pattern lexicon does not validate:", problems)
    return Lexicon(patterns, sets)


def load_lexicon(extra: Iterable[Path] = ()) -> Lexicon:
    """The shipped lexicon, with ``extra`` pattern files (highest priority) added.

    Extra files use the same format; a file named ``nouns*.tsv`` holds noun triggers.
    They may use the shipped word sets.
    """
    extra = tuple(Path(p) for p in extra)
    if not extra:
        return _shipped_lexicon()
    for p in extra:
        if not p.is_file():
            raise KnowledgeBaseError(
                f"verb pattern file {p} does not exist; give an existing .tsv file"
            )
    base = Path(str(DATA))
    return build_lexicon(
        list(extra) + [base / f for f in SHIPPED_PATTERN_FILES],
        [base / f for f in SHIPPED_SET_FILES],
        drop_files=[base / f for f in SHIPPED_DROP_FILES],
    )


@lru_cache(maxsize=1)
def _shipped_lexicon() -> Lexicon:
    base = Path(str(DATA))
    return build_lexicon(
        [base / f for f in SHIPPED_PATTERN_FILES],
        [base / f for f in SHIPPED_SET_FILES],
        drop_files=[base / f for f in SHIPPED_DROP_FILES],
    )
