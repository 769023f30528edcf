"""The actor knowledge base: entries loaded from data files, indexed for matching.

:func:`load_kb` reads the shipped files in ``entente/actors/data`` (in name order)
and then any user files; an entry whose id was seen before replaces it, and when
two entries share a name the one loaded later is preferred. The index maps key
sequences (see :mod:`entente.actors.normalize`) to the entries that use them.

Example:
    >>> kb = load_kb()
    >>> [a.code for a in kb.lookup("Moscow")]
    ['RUSGOV']
    >>> kb.actor("RUSGOV").name
    'Russia government'
"""

from __future__ import annotations

import copy
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from entente.actors.entries import Entry, read_entries
from entente.actors.normalize import alias_keys, edit_distance, is_acronym
from entente.errors import KnowledgeBaseError
from entente.types import Actor

DATA_DIR = Path(__file__).parent / "data"
CACHE_VERSION = "1"

USES = ("name", "adjective", "demonym", "capital")
"""How an alias refers to its entry: the name itself, a modifier, the people, the capital."""

NAMED_KINDS = frozenset({"state", "igo"})
"""Kinds whose entry names its code. A government body or a person does not name RUSGOV,
and a group or NGO names its code only when the code is its own (PSEREBHMS, not SYRREB)."""
GOVERNMENT_AGENTS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
GROUP_AGENTS = frozenset({"REB", "OPP", "INS", "SEP", "UAF", "CRM", "PTY", "RAD"})


@dataclass(frozen=True, slots=True)
class AliasRef:
    """One use of a key sequence: which entry, in what use, and the alias as written."""

    entry: int
    use: str
    form: str
    acronym: bool


class KnowledgeBase:
    """Actor entries with a name index, dated codes and code-to-name lookups.

    Attributes:
        entries: entries in priority order (later = preferred on shared names).
        index: key sequence -> the alias uses that spell it.
        max_len: first key -> the longest key sequence starting with it.
        files: the files the knowledge base was built from.
    """

    def __init__(self, entries: Iterable[Entry], files: Sequence[Path] = ()) -> None:
        self.entries: list[Entry] = []
        self.files = tuple(files)
        self.index: dict[tuple[str, ...], list[AliasRef]] = {}
        self.max_len: dict[str, int] = {}
        self.by_id: dict[str, int] = {}
        self.by_code: dict[str, int] = {}
        self.agent_names: dict[str, str] = {}
        self.surnames: dict[str, list[int]] = {}
        self._agent_first: dict[str, int] = {}
        for entry in entries:
            self._append(entry)

    def _append(self, entry: Entry) -> None:
        """Index one more entry (it takes priority over those before it)."""
        n = len(self.entries)
        self.entries.append(entry)
        self.by_id[entry.id] = n
        if entry.code and (
            entry.kind in NAMED_KINDS or (entry.kind in ("group", "ngo") and len(entry.code) > 6)
        ):
            # The name of a code comes from the last file that defines it, and
            # within that file from its first entry (the main one).
            old = self.by_code.get(entry.code)
            if old is None or _file_of(self.entries[old]) != _file_of(entry):
                self.by_code[entry.code] = n
        if entry.kind == "agent" and "(" not in entry.name:
            old = self._agent_first.get(entry.agent)
            if old is None or _file_of(self.entries[old]) != _file_of(entry):
                self._agent_first[entry.agent] = n
                self.agent_names[entry.agent] = entry.name
        for use, form in _names_of(entry):
            self._add(form, AliasRef(n, use, form, is_acronym(form)))
        if entry.kind == "person":
            for keys in (alias_keys(a) for a in entry.aliases):
                if (
                    len(keys) >= 2
                    and len(keys[-1]) > 2
                    and n not in self.surnames.setdefault(keys[-1], [])
                ):
                    self.surnames[keys[-1]].append(n)

    def _forget(self, n: int) -> None:
        """Take entry ``n`` out of the indexes (it is being replaced)."""
        entry = self.entries[n]
        for _use, form in _names_of(entry):
            keys = alias_keys(form)
            refs = [r for r in self.index.get(keys, ()) if r.entry != n]
            if refs:
                self.index[keys] = refs
            else:
                self.index.pop(keys, None)
        for ids in self.surnames.values():
            if n in ids:
                ids.remove(n)
        self.by_id.pop(entry.id, None)
        for code in [c for c, m in self.by_code.items() if m == n]:
            del self.by_code[code]

    def extended(self, entries: Iterable[Entry], files: Sequence[Path]) -> KnowledgeBase:
        """A copy of this knowledge base with more entries added or replaced (by id).

        Much faster than building from all files again: user override files are small.
        """
        kb = copy.copy(self)
        kb.__dict__.pop("_by_start", None)
        kb.__dict__.pop("_near_memo", None)
        kb.entries = list(self.entries)
        kb.files = tuple(files)
        kb.index = {k: list(v) for k, v in self.index.items()}
        kb.max_len = dict(self.max_len)
        kb.by_id = dict(self.by_id)
        kb.by_code = dict(self.by_code)
        kb.agent_names = dict(self.agent_names)
        kb.surnames = {k: list(v) for k, v in self.surnames.items()}
        kb._agent_first = dict(self._agent_first)
        for entry in entries:
            old = kb.by_id.get(entry.id)
            if old is not None:
                kb._forget(old)
            kb._append(entry)
        return kb

    def _near_surnames(self, surname: str) -> list[str]:
        """Known surnames within a small edit distance of a misspelt one ("Bouteflicka").

        Misspellings keep the first two letters; answers are remembered per process.
        """
        memo = self.__dict__.setdefault("_near_memo", {})
        if surname in memo:
            return memo[surname]
        index = self.__dict__.get("_by_start")
        if index is None:
            index = {}
            for key, ids in self.surnames.items():
                if ids:
                    index.setdefault(key[:2], []).append(key)
            self.__dict__["_by_start"] = index
        limit = 1 if len(surname) < 7 else 2
        near = [
            k
            for k in index.get(surname[:2], ())
            if abs(len(k) - len(surname)) <= limit and edit_distance(k, surname, limit) <= limit
        ]
        if len(memo) < 10_000:
            memo[surname] = near
        return near

    def people_named(
        self,
        surname: str,
        when: date | None,
        country: str = "",
        agent: str = "",
        given: frozenset[str] = frozenset(),
    ) -> list[Entry]:
        """People with this surname, best first: in office on the day, in the country, same agent.

        Used after a title ("President Assad", "Foreign Minister Shoukry"), where a bare
        surname is safe to resolve. ``given`` holds the other words of the name as written
        ("laurent" for "Laurent Gbagbo"); people whose names share them come first.
        """
        candidates = self.surnames.get(surname)
        if candidates is None and len(surname) >= 5:
            candidates = [n for k in self._near_surnames(surname) for n in self.surnames[k]]
        scored = []
        for n in candidates or ():
            entry = self.entries[n]
            code, role = entry.code_at(when)
            if country and code[:3] != country:
                continue
            names = {k for a in entry.aliases for k in alias_keys(a)}
            score = (
                len(given & names),
                role is not None,
                bool(agent) and code[3:6] == agent[:3],
                (role.end or date.max) if role else date.min,
                n,
            )
            scored.append((score, entry))
        return [e for _, e in sorted(scored, key=lambda x: x[0], reverse=True)]

    def _add(self, form: str, ref: AliasRef) -> None:
        keys = alias_keys(form)
        if not keys:
            return
        refs = self.index.setdefault(keys, [])
        if any(r.entry == ref.entry and r.use == ref.use for r in refs):
            return
        refs.append(ref)
        if len(keys) > self.max_len.get(keys[0], 0):
            self.max_len[keys[0]] = len(keys)

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, entry_id: str) -> Entry:
        """The entry with this id.

        Raises:
            KnowledgeBaseError: no such id.
        """
        try:
            return self.entries[self.by_id[entry_id]]
        except KeyError:
            raise KnowledgeBaseError(
                f"no actor entry with id {entry_id!r}; search by name with KnowledgeBase.lookup"
            ) from None

    def entries_named(self, name: str) -> list[tuple[Entry, str]]:
        """Entries that use ``name`` (exactly, up to case and punctuation), with the use."""
        refs = self.index.get(alias_keys(name), [])
        return [(self.entries[r.entry], r.use) for r in sorted(refs, key=lambda r: -r.entry)]

    def lookup(self, name: str, when: date | None = None) -> list[Actor]:
        """The actors a name can stand for on a day, preferred first.

        A capital gives the government (its use as an actor); a person gives the
        code of their role on ``when`` (the current role without a date). A name
        that is no entry but a country and an agent noun ("Egyptian army",
        "Russia's foreign minister") gives the combined code.

        Example:
            >>> load_kb().lookup("Putin", date(2010, 1, 1))[0].code
            'RUSGOV'
        """
        out: list[Actor] = []
        for entry, use in self.entries_named(name):
            actor = self.entry_actor(entry, when, use)
            if actor is not None and actor not in out:
                out.append(actor)
        if not out:
            out = self._compose(alias_keys(name), when)
        return out

    def _compose(self, keys: tuple[str, ...], when: date | None) -> list[Actor]:
        """Actors for "<country> ['s] <agent noun>" when the whole is no entry."""
        for cut in range(len(keys) - 1, 0, -1):
            head, tail = keys[:cut], keys[cut:]
            if tail[0] == "s" and len(tail) > 1:
                tail = tail[1:]
            agents = [
                self.entries[r.entry]
                for r in self.index.get(tail, ())
                if self.entries[r.entry].kind == "agent"
            ]
            owners = [
                (self.entries[r.entry], r.use)
                for r in sorted(self.index.get(head, ()), key=lambda r: -r.entry)
                if self.entries[r.entry].kind
                in ("state", "igo", "group", "government", "place", "ngo")
            ]
            if agents and owners:
                entry, _use = owners[0]
                code, _ = entry.code_at(when)
                agent = agents[-1].agent
                if entry.kind == "igo":
                    combined = code if agent.startswith("GOV") else code + agent
                elif entry.kind in ("group", "ngo"):
                    combined = code
                else:
                    combined = code[:3] + agent
                return [self.make_actor(combined, kb_id=entry.id)]
        return []

    def entry_actor(self, entry: Entry, when: date | None, use: str = "name") -> Actor | None:
        """The actor an entry stands for on a day (None for agent nouns)."""
        if entry.kind == "agent":
            return None
        code, _role = entry.code_at(when)
        if not code:
            return None
        if use == "capital":
            code = code[:3] + "GOV"
            return self.make_actor(code, kind="government", kb_id=entry.id)
        kind = entry.kind if entry.kind != "place" else "state"
        name = entry.name if entry.kind in ("person", "igo", "ngo", "group", "government") else None
        return self.make_actor(code, kind=kind, kb_id=entry.id, name=name)

    def make_actor(
        self, code: str, kind: str | None = None, kb_id: str | None = None, name: str | None = None
    ) -> Actor:
        """An :class:`Actor` for a code, named from the knowledge base when not given."""
        country, agent = split_code(code)
        if kind is None:
            kind = self._kind_of(code)
        return Actor(
            code=code,
            name=name or self.code_name(code),
            country=country,
            agent=agent,
            kind=kind,
            kb_id=kb_id,
        )

    def actor(self, code: str) -> Actor:
        """The actor a code stands for, e.g. ``"RUSGOV"`` -> Russia government.

        Raises:
            KnowledgeBaseError: the code is not a well-formed CAMEO actor code.
        """
        from entente.actors.entries import CODE_RE

        if not CODE_RE.match(code or ""):
            raise KnowledgeBaseError(
                f"{code!r} is not a CAMEO actor code; expected 3 letters or --- and then "
                "3-letter agent parts, e.g. RUS, RUSGOV, IGOUNO, ---REB"
            )
        n = self.by_code.get(code)
        kb_id = self.entries[n].id if n is not None else None
        return self.make_actor(code, kb_id=kb_id)

    def country_of(self, code: str) -> str:
        """The country part of a code (``RUSGOV`` -> ``RUS``, ``IGOUNO`` -> ``IGO``)."""
        return split_code(code)[0]

    def code_name(self, code: str) -> str:
        """A readable name for a code: an entry's name, else country name plus agent names."""
        n = self.by_code.get(code)
        if n is not None:
            return self.entries[n].name
        # Longest known prefix, then the agent parts by name.
        for cut in range(len(code) - 3, 2, -3):
            n = self.by_code.get(code[:cut])
            if n is not None:
                rest = code[cut:]
                break
        else:
            rest = code[3:]
            n = None
        head = (
            self.entries[n].name
            if n is not None
            else ("unknown country" if code.startswith("---") else code[:3])
        )
        parts = [
            self.agent_names.get(rest[i : i + 3], rest[i : i + 3]) for i in range(0, len(rest), 3)
        ]
        return " ".join([head, *parts]).strip()

    def _kind_of(self, code: str) -> str:
        n = self.by_code.get(code)
        if n is not None and self.entries[n].kind not in ("place", "agent"):
            return self.entries[n].kind
        country, agent = split_code(code)
        if country == "IGO":
            return "igo"
        if country == "NGO":
            return "ngo"
        if not agent:
            return "state"
        return agent_kind(agent)


# Words that join the parts of an organisation's name, never a person's.
_CONNECTIVES = frozenset({"of", "and", "for", "the", "&"})


def _names_of(entry: Entry) -> list[tuple[str, str]]:
    """(use, form) for every name an entry is indexed under, person variants included."""
    out = [
        *(("name", a) for a in entry.aliases),
        *(("adjective", a) for a in entry.adjectives),
        *(("demonym", a) for a in entry.demonyms),
        *(("capital", a) for a in entry.capitals),
    ]
    if entry.kind == "person":
        # "First Last" for longer names ("Carlos Saul Menem" -> "Carlos Menem"). Not for
        # names of bodies filed as people ("Syrian Coalition Of Secular And Democratic
        # Forces" is no "Syrian Forces"): those join their words with "of", "and", ...
        for alias in entry.aliases:
            keys = alias_keys(alias)
            words = alias.split()
            if any(w.lower() in _CONNECTIVES for w in words[1:-1]):
                continue
            if (
                len(keys) >= 3
                and keys[0] not in ("al", "el", "abu", "bin", "ibn")
                and len(words) >= 2
            ):
                short = f"{words[0]} {words[-1]}"
                if len(alias_keys(short)) == 2:
                    out.append(("name", short))
    return out


def _file_of(entry: Entry) -> str:
    return entry.source.rsplit(":", 1)[0]


def split_code(code: str) -> tuple[str, str]:
    """A code's country part and agent part (``RUSGOV`` -> ``("RUS", "GOV")``)."""
    return code[:3], code[3:]


def agent_kind(agent: str) -> str:
    """The actor kind a country-plus-agent code has: government, group or sector."""
    first = agent[:3]
    if first in GOVERNMENT_AGENTS:
        return "government"
    if first in GROUP_AGENTS:
        return "group"
    return "sector"


def shipped_files() -> list[Path]:
    """The actor data files that ship with entente, in load order."""
    return sorted(DATA_DIR.glob("*.jsonl"))


def build_kb(files: Sequence[Path]) -> KnowledgeBase:
    """Read actor files in order into a knowledge base (later ids replace earlier ones).

    Raises:
        KnowledgeBaseError: any file has problems; all are listed as ``file:line: problem``.
    """
    return KnowledgeBase(_read_all(files), files)


def _cache_path(files: Sequence[Path]) -> Path:
    """Where the compiled knowledge base of these files is cached.

    The key covers the files' contents and the code that builds the index, so an
    edited file or a new version of entente never reads a stale cache.
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(CACHE_VERSION.encode())
    here = Path(__file__).parent
    for path in [here / "kb.py", here / "entries.py", here / "normalize.py", *files]:
        h.update(str(path).encode())
        h.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    base = Path(
        os.environ.get("ENTENTE_CACHE_DIR") or Path(tempfile.gettempdir()) / "entente-cache"
    )
    return base / f"actors-{h.hexdigest()}.pickle"


@lru_cache(maxsize=8)
def _load(files: tuple[Path, ...]) -> KnowledgeBase:
    shipped = tuple(shipped_files())
    if len(files) > len(shipped) and files[: len(shipped)] == shipped:
        # User files on top of the shipped knowledge base: extend the cached one.
        extra = files[len(shipped) :]
        entries = _read_all(extra)
        return _load(shipped).extended(entries, files)
    return _load_compiled(files)


def _read_all(files: Sequence[Path]) -> list[Entry]:
    """Entries of several files in order (later ids replace earlier), or every problem."""
    merged: dict[str, Entry] = {}
    problems: list[str] = []
    for path in files:
        if not path.is_file():
            problems.append(f"{path}:0: no such file; give the path of a JSON Lines actor file")
            continue
        entries, errs = read_entries(path)
        problems.extend(errs)
        for entry in entries:
            merged.pop(entry.id, None)
            merged[entry.id] = entry
    if problems:
        raise KnowledgeBaseError(
            f"{len(problems)} problem(s) in the actor files; fix them or check a file with "
            "`entente actors check FILE`",
            problems,
        )
    return list(merged.values())


def _load_compiled(files: tuple[Path, ...]) -> KnowledgeBase:
    try:
        cache = _cache_path(files)
    except OSError:
        return build_kb(files)  # a missing file: build_kb reports it
    if cache.is_file():
        try:
            with open(cache, "rb") as f:
                kb = pickle.load(f)
            if isinstance(kb, KnowledgeBase):
                return kb
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # a stale or broken cache is rebuilt below
    kb = build_kb(files)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(kb, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass  # caching is an optimisation; a read-only disk is fine
    return kb


def load_kb(extra: Sequence[Path | str] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus user files (cached per process for the same files).

    Args:
        extra: override files, read after the shipped data: they add entries, replace
            entries with the same id, and win on shared names.

    Raises:
        KnowledgeBaseError: a file is missing or invalid (``file:line: problem`` lines).

    Example:
        >>> kb = load_kb()
        >>> kb.lookup("Egyptian army")[0].code
        'EGYMIL'
    """
    files = tuple(shipped_files()) + tuple(Path(p).resolve() for p in extra)
    return _load(files)
