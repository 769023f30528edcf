"""Conversion of PETRARCH/Phoenix (TABARI-format) dictionaries into entente actor files.

Two kinds of input are understood:

- **actor dictionaries** (``Phoenix.Countries.actors.txt``, ``...International...``,
  ``...MilNonState...``): blocks of names (``NAME_`` lines, ``+SYNONYM`` lines)
  followed by codes, inline (``NAME_ [RUS]``) or on indented lines with optional
  dates (``[RUSGOV 19940922-20040712]``, ``[RUSGOV >20040309]``, ``[RUSELI]``);
- **agent dictionaries** (``Phoenix.agents.txt``): ``NOUN_PHRASE {PLURAL} [~MIL]`` lines
  and ``!MACRO! = A, B`` substitutions.

Names become readable aliases (``UNITED_STATES_`` -> "United States"); six-digit
dates are YYMMDD with years up to 20 read as 20YY. An undated code is the
entry's default code; dated codes become roles. Each output entry keeps the
``source`` line it came from.

Example:
    >>> report = import_petrarch(Path("Phoenix.Countries.actors.txt"), Path("out"))  # doctest: +SKIP
    >>> report.entries  # doctest: +SKIP
    15734
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from entente.actors.entries import CODE_RE, Entry, Role, write_entries
from entente.actors.kb import agent_kind, split_code
from entente.errors import InputError

_BRACKET = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_PAREN = re.compile(r"\([^)]*\)")
_DATE_SPEC = re.compile(r"^(?:(\d{6}|\d{8})-(\d{6}|\d{8})|>(\d{6}|\d{8})|<(\d{6}|\d{8}))$")
# Agent codes a person's dated role can carry; a block dated with other codes is a state
# whose code changed (Serbia: YUGSRB, then SRB).
PERSON_AGENTS = frozenset(
    {
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "COP",
        "JUD",
        "SPY",
        "UAF",
        "INS",
        "SEP",
        "PTY",
        "ELI",
        "LEG",
        "BUS",
        "MED",
        "EDU",
        "LAB",
        "CVL",
        "HRI",
        "REL",
        "MUS",
        "CHR",
        "JEW",
        "DEV",
        "HLH",
        "AGR",
        "ENV",
        "CRM",
        "REF",
        "MOD",
        "RAD",
        "IGO",
        "UNO",
    }
)
# Phoenix writes an unknown country of a non-state group as KKL.
UNKNOWN_COUNTRY = {"KKL": "---"}


@dataclass
class ImportReport:
    """What an import produced.

    Attributes:
        source: the dictionary file read.
        output: the JSON Lines file written.
        kind: ``actors`` or ``agents``.
        entries: entries written.
        aliases: names written (all entries).
        skipped: ``file:line: reason`` for blocks or codes left out.
    """

    source: Path
    output: Path
    kind: str
    entries: int = 0
    aliases: int = 0
    skipped: list[str] = field(default_factory=list)


@dataclass
class _Block:
    line: int
    names: list[str] = field(default_factory=list)
    default: str = ""
    roles: list[Role] = field(default_factory=list)
    had_code: bool = False
    closed: bool = False


def import_petrarch(
    path: Path,
    out_dir: Path,
    name: str | None = None,
    exclude: Sequence[str] = ("MNC",),
) -> ImportReport:
    """Convert one PETRARCH/Phoenix dictionary file into an entente actor file.

    Args:
        path: the dictionary (actors or agents; the kind is detected from the content).
        out_dir: folder for the output; created if missing.
        name: output file name (default: the input name in lower case, ``.jsonl``).
        exclude: code prefixes to leave out (multinational corporations by default:
            thousands of company names that collide with common words).

    Raises:
        InputError: the file cannot be read or holds no dictionary entries.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise InputError(f"cannot read {path}: {e}; give a PETRARCH dictionary file") from e
    is_agents = "[~" in text and text.count("[~") > text.count("\n") / 20
    stem = re.sub(r"[^a-z0-9]+", "_", path.name.lower().removesuffix(".txt")).strip("_")
    out = out_dir / (name or f"{stem}.jsonl")
    report = ImportReport(path, out, "agents" if is_agents else "actors")
    entries = (
        _agents(text, path, report) if is_agents else _actors(text, path, report, tuple(exclude))
    )
    if not entries:
        raise InputError(
            f"{path} holds no PETRARCH actor or agent entries; give a file such as "
            "Phoenix.Countries.actors.txt or Phoenix.agents.txt"
        )
    header = (
        f"Converted by `entente actors import-petrarch` from {path.name}\n"
        "(PETRARCH/Phoenix dictionaries, MIT License, Copyright (c) 2014 Open Event Data Alliance;\n"
        "see NOTICE). Format: src/entente/actors/data/README.md"
    )
    write_entries(entries, out, header=header)
    report.entries = len(entries)
    report.aliases = sum(len(e.aliases) for e in entries)
    return report


# --- actor dictionaries ------------------------------------------------------------


def _actors(text: str, path: Path, report: ImportReport, exclude: tuple[str, ...]) -> list[Entry]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            if current is not None:
                current.closed = True
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            if current is None:
                report.skipped.append(f"{path}:{lineno}: codes without names")
                continue
            _codes(stripped, current, path, lineno, report)
            continue
        if stripped.startswith("+"):
            if current is None:
                current = _Block(lineno)
                blocks.append(current)
            current.names.append(_name_of(stripped[1:]))
            if "[" in stripped:
                _codes(stripped[stripped.index("[") :], current, path, lineno, report)
            continue
        # A name line: joins a block still waiting for its codes, else starts one.
        if current is None or current.had_code or current.closed:
            current = _Block(lineno)
            blocks.append(current)
        current.names.append(_name_of(stripped.split("[", 1)[0]))
        if "[" in stripped:
            _codes(stripped[stripped.index("[") :], current, path, lineno, report)
    entries: list[Entry] = []
    seen: set[str] = set()
    stop = _stopnames()
    for block in blocks:
        person = any(r.start or r.end for r in block.roles)
        names = _clean_names([n for n in dict.fromkeys(block.names) if n], person, stop)
        if not names:
            continue
        if not block.default and not block.roles:
            if not block.had_code:
                report.skipped.append(f"{path}:{block.line}: {names[0]!r} has no code")
            continue
        codes = [block.default] + [r.code for r in block.roles]
        if any(c and c.startswith(exclude) for c in codes):
            continue
        entry = _entry(block, names, path, seen)
        if entry is not None:
            entries.append(entry)
    return entries


def _codes(spec: str, block: _Block, path: Path, lineno: int, report: ImportReport) -> None:
    for inner in _BRACKET.findall(spec):
        parts = inner.split()
        if not parts:
            continue
        code = parts[0]
        for old, new in UNKNOWN_COUNTRY.items():
            if code.startswith(old):
                code = new + code[3:]
        if not CODE_RE.match(code):
            report.skipped.append(f"{path}:{lineno}: code {code!r} is not a CAMEO actor code")
            continue
        block.had_code = True
        if len(parts) == 1:
            block.default = code
            continue
        interval = _interval(parts[1])
        if interval is None:
            report.skipped.append(f"{path}:{lineno}: date range {parts[1]!r} not understood")
            continue
        block.roles.append(Role(code, *interval))


def _interval(spec: str) -> tuple[date | None, date | None] | None:
    m = _DATE_SPEC.match(spec)
    if not m:
        return None
    a, b, after, before = m.groups()
    try:
        if after:
            return _date(after), None
        if before:
            return None, _date(before)
        start, end = _date(a), _date(b)
    except ValueError:
        return None
    if end < start:
        return None
    return start, end


def _date(s: str) -> date:
    if len(s) == 6:
        yy = int(s[:2])
        s = (f"20{s[:2]}" if yy <= 20 else f"19{s[:2]}") + s[2:]
    return date(int(s[:4]), int(s[4:6]), int(s[6:8]))


def _name_of(raw: str) -> str:
    """A readable alias from a dictionary name: ``UNITED_STATES_`` -> "United States"."""
    raw = _PAREN.sub(" ", raw.split("{", 1)[0])
    words = [w for w in raw.replace("_", " ").split() if w]
    if not words:
        return ""
    if len(words) == 1 and len(words[0].replace(".", "")) <= 3:
        return words[0]  # an acronym ("UN", "U.N.", "US"): kept in capitals, matched as such
    return " ".join(_word(w) for w in words)


def _stopnames(name: str = "import_stopnames.txt") -> frozenset[str]:
    """Names left out on import, one per line in a data file (lower case, ``#`` comments)."""
    path = Path(__file__).parent / "data" / name
    words = (line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def _clean_names(names: list[str], person: bool, stop: frozenset[str]) -> list[str]:
    """Drop generic single words; short single words of organisations become acronyms.

    The source writes everything in capitals, so "HAMAS" and "YOUTH" look alike. For
    organisations and groups a single word of up to five letters is kept in capitals and
    so matches only capitals ("MILF", "UNITA"); people keep their names ("Bush").
    """
    out = []
    for name in names:
        if " " not in name:
            if name.lower().replace(".", "") in stop:
                continue
            if not person and len(name.replace(".", "")) <= 5:
                name = name.upper()
        out.append(name)
    return out


def _word(w: str) -> str:
    if "." in w and w.replace(".", "").isalpha() and len(w.replace(".", "")) <= 4:
        return w  # U.N., U.S.A.
    return "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))


def _entry(block: _Block, names: list[str], path: Path, seen: set[str]) -> Entry | None:
    base = "phx:" + re.sub(r"[^a-z0-9]+", "-", names[0].lower()).strip("-")
    entry_id, n = base, 2
    while entry_id in seen:
        entry_id, n = f"{base}-{n}", n + 1
    seen.add(entry_id)
    code = block.default
    first = code or block.roles[0].code
    country, agent = split_code(first)
    codes = [c for c in [code, *(r.code for r in block.roles)] if c]
    people_codes = [c for c in codes if c[3:6] in PERSON_AGENTS]
    if not people_codes and country not in ("IGO", "NGO", "NGM", "IMG", "INT", "UIS", "---"):
        kind = "state"  # a state whose code changed over time (YUGSRB, then SRB)
    elif any(r.start or r.end for r in block.roles):
        kind = "person"
    elif country == "IGO":
        kind = "igo"
    elif country in ("NGO", "NGM"):
        kind = "ngo"
    elif country in ("IMG", "INT", "UIS", "---"):
        kind = "group"
    elif not agent:
        kind = "state"
    else:
        kind = {"government": "government", "group": "group"}.get(agent_kind(agent), "sector")
    return Entry(
        id=entry_id,
        kind=kind,
        name=names[0],
        code=code,
        country=country if kind == "person" else "",
        aliases=tuple(names),
        roles=tuple(block.roles),
        source=f"{path.name}:{block.line}",
    )


# --- agent dictionaries ------------------------------------------------------------


def _agents(text: str, path: Path, report: ImportReport) -> list[Entry]:
    macros: dict[str, list[str]] = {}
    stop = _stopnames("import_stopagents.txt")
    by_agent: dict[str, list[str]] = {}
    first_line: dict[str, int] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _MACRO.match(line)
        if m:
            macros[m.group(1)] = [w.strip().lower() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _BRACKET.findall(line)
        if not codes:
            report.skipped.append(f"{path}:{lineno}: agent line without a code")
            continue
        code = codes[-1].strip()
        if not code.startswith("~") or not re.fullmatch(r"~([A-Z]{3})+", code):
            report.skipped.append(f"{path}:{lineno}: agent code {code!r} is not a ~AGENT suffix")
            continue
        agent = code[1:]
        phrase = line.split("[", 1)[0]
        plural = None
        if "{" in phrase:
            phrase, rest = phrase.split("{", 1)
            plural = rest.split("}", 1)[0].strip()
        forms = _expand(phrase.strip(), macros)
        if plural:
            forms += _expand(plural, macros)
        aliases = by_agent.setdefault(agent, [])
        first_line.setdefault(agent, lineno)
        for form in forms:
            alias = " ".join(form.replace("_", " ").split()).lower()
            if alias and alias not in aliases and alias not in stop:
                aliases.append(alias)
    entries = []
    for agent, aliases in by_agent.items():
        entries.append(
            Entry(
                id=f"phx:agent:{agent}",
                kind="agent",
                name=f"{agent} agents (Phoenix)",
                agent=agent,
                aliases=tuple(aliases),
                source=f"{path.name}:{first_line[agent]}",
            )
        )
    return entries


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    """All spellings of an agent phrase with its ``!MACRO!`` substitutions applied."""
    forms = [phrase]
    for macro, words in macros.items():
        forms = (
            [f.replace(macro, w.upper()) for f in forms for w in words]
            if any(macro in f for f in forms)
            else forms
        )
    return [f for f in forms if "!" not in f]


def import_many(paths: Iterable[Path], out_dir: Path) -> list[ImportReport]:
    """Import several dictionary files into one folder (one output file each)."""
    return [import_petrarch(p, out_dir) for p in paths]
