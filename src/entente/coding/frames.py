"""Frames: how reporting, intending, asking, refusing and threatening change an event's code and mode.

``frame_verbs.tsv`` names the frame words by class (``say``, ``intend``, ``appeal``,
``demand``, ``reject``, ``threaten``, ...); ``frames.tsv`` says, for each class and
each kind of embedded event, which CAMEO code and mode the framed event gets. So
"Armenia threatened to shell Azerbaijani villages" is the shelling (195) in a ``threaten`` frame:
CAMEO 1384 (threaten conventional attack), mode future.

Example:
    >>> frames = load_frames()
    >>> frames.klass("urge")
    'appeal'
    >>> frames.compose("appeal", "073", "asserted", self_=False)
    ('0233', 'demanded')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from entente.coding.ontology import DATA, Ontology, load_ontology
from entente.datafiles import tab_rows
from entente.errors import KnowledgeBaseError

# Built-in modalities that frames.tsv may use besides the classes of frame_verbs.tsv.
MODALITIES = ("will", "wont", "hypo", "neg", "open")
MODES = ("asserted", "negated", "future", "hypothetical", "demanded")


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of frames.tsv."""

    klass: str
    who: str
    prefix: str
    result: str
    mode: str


class Frames:
    """Frame words by class and the composition rules, validated."""

    def __init__(self, words: dict[str, str], rules: list[Rule]) -> None:
        self.words = words
        self._rules: dict[tuple[str, str], dict[str, Rule]] = {}
        for r in rules:
            self._rules.setdefault((r.klass, r.who), {})[r.prefix] = r
        self.classes = frozenset(words.values()) | frozenset(MODALITIES)

    def klass(self, lemma: str) -> str | None:
        """The frame class of a lemma, or None if it is no frame word."""
        return self.words.get(lemma)

    def compose(self, klass: str, code: str, mode: str, self_: bool) -> tuple[str, str] | None:
        """The (code, mode) of event ``code`` (in ``mode``) inside a ``klass`` frame.

        Args:
            klass: frame class or modality.
            code: CAMEO code of the embedded event.
            mode: mode of the embedded event so far.
            self_: whether the embedded event's source is the frame's subject.

        Returns:
            None when the class has no rule for the code (the frame changes nothing).
        """
        who_order = ("self", "*") if self_ else ("other", "*")
        best: Rule | None = None
        fallback: Rule | None = None
        for who in who_order:
            table = self._rules.get((klass, who), {})
            for n in range(len(code), 1, -1):
                rule = table.get(code[:n])
                if rule is not None:
                    if best is None or n > len(best.prefix):
                        best = rule
                    break
            if fallback is None:
                fallback = table.get("*")
        best = best or fallback
        if best is None:
            return None
        return (code if best.result == "=" else best.result), (
            mode if best.mode == "=" else best.mode
        )


def read_frames(data_dir: Path | None = None, onto: Ontology | None = None) -> Frames:
    """Read and validate ``frame_verbs.tsv`` and ``frames.tsv``.

    Raises:
        KnowledgeBaseError: listing every bad line.
    """
    base = Path(str(data_dir or DATA))
    onto = onto or load_ontology()
    problems: list[str] = []
    words: dict[str, str] = {}
    for n, cols in tab_rows(base / "frame_verbs.tsv"):
        where = f"frame_verbs.tsv:{n}"
        if len(cols) != 2:
            problems.append(f"{where}: expected CLASS<TAB>lemmas, got {cols!r}")
            continue
        for w in cols[1].split():
            if w in words:
                problems.append(
                    f"{where}: {w!r} is already in class {words[w]!r}; a word has one class"
                )
            words[w] = cols[0]
    known = set(words.values()) | set(MODALITIES)
    rules: list[Rule] = []
    seen: set[tuple[str, str, str]] = set()
    for n, cols in tab_rows(base / "frames.tsv"):
        where = f"frames.tsv:{n}"
        if len(cols) != 5:
            problems.append(f"{where}: expected CLASS WHO EMBEDDED RESULT MODE, got {cols!r}")
            continue
        klass, who, prefix, result, mode = (c.strip() for c in cols)
        if klass not in known:
            problems.append(
                f"{where}: class {klass!r} is neither in frame_verbs.tsv nor one of {MODALITIES}"
            )
        if who not in ("self", "other", "*"):
            problems.append(f"{where}: WHO {who!r} must be self, other or *")
        if prefix != "*" and not (prefix.isdigit() and 2 <= len(prefix) <= 4):
            problems.append(
                f"{where}: EMBEDDED {prefix!r} must be * or a code prefix of 2-4 digits"
            )
        if result != "=" and not onto.is_code(result):
            problems.append(f"{where}: RESULT {result!r} is not = or a CAMEO code")
        if mode != "=" and mode not in MODES:
            problems.append(f"{where}: MODE {mode!r} must be = or one of {', '.join(MODES)}")
        if (klass, who, prefix) in seen:
            problems.append(f"{where}: a second rule for {klass} {who} {prefix}")
        seen.add((klass, who, prefix))
        rules.append(Rule(klass, who, prefix, result, mode))
    if problems:
        raise KnowledgeBaseError("the frame files do not validate:", problems)
    return Frames(words, rules)


@lru_cache(maxsize=1)
def load_frames() -> Frames:
    """The shipped frames, read and validated once per process."""
    return read_frames()


def read_modes(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Read ``modes.tsv``: for each non-asserted mode, the code prefixes that state it.

    Raises:
        KnowledgeBaseError: an unknown mode or a prefix that is not 2-4 digits.
    """
    path = path or Path(str(DATA)) / "modes.tsv"
    out: dict[str, tuple[str, ...]] = {}
    problems = []
    for n, cols in tab_rows(path):
        mode = cols[0].strip()
        prefixes = tuple(cols[1].split()) if len(cols) > 1 else ()
        if mode not in MODES or mode == "asserted":
            problems.append(f"{path.name}:{n}: mode {mode!r} must be one of {', '.join(MODES[1:])}")
        bad = [p for p in prefixes if not (p.isdigit() and 2 <= len(p) <= 4)]
        if bad or not prefixes:
            problems.append(f"{path.name}:{n}: code prefixes {bad or 'missing'} must be 2-4 digits")
        out[mode] = prefixes
    if problems:
        raise KnowledgeBaseError("the modes file does not validate:", problems)
    return out


@lru_cache(maxsize=1)
def load_modes() -> dict[str, tuple[str, ...]]:
    """The shipped ``modes.tsv``, read once per process."""
    return read_modes()
