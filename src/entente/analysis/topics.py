"""Topics: saved definitions of a diplomatic process and of the conflict it is about.

A topic is a TOML file (shipped ones live in ``analysis/data/topics/``; users
pass their own with ``--topic-file``). See ``syria-peace-talks.toml`` for a
commented example. Layout::

    name, title, description, since, until      # dates as YYYY-MM-DD
    [process]  codes, refusal_codes, meeting_codes, actors, keywords, locations,
               merge_days, attach_days, state_units
    [theatre]  actors, keywords, locations, material_conflict_weight, top, min_share,
               exclude_from_gap

Example:
    >>> topic = load_topic("syria-peace-talks")
    >>> topic.process.codes[:2]
    ('036', '038')
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from entente.errors import KnowledgeBaseError, QueryError

_CODE = re.compile(r"^\d{2,4}$")
_ACTOR = re.compile(r"^[A-Z-]{3,}$")
# A knowledge-base id ("group:nusra") names one actor entry whatever code it has.
_KB_ID = re.compile(r"^[a-z][a-z0-9-]*:[^\s]+$")
# Codes that report a meeting itself: consult, visit, host, meet elsewhere, negotiate.
DEFAULT_MEETING_CODES: tuple[str, ...] = ("040", "042", "043", "044", "046")
_TOP_KEYS = {"name", "title", "description", "since", "until", "process", "theatre"}
_PROCESS_KEYS = {
    "codes",
    "refusal_codes",
    "meeting_codes",
    "actors",
    "keywords",
    "locations",
    "merge_days",
    "attach_days",
    "state_units",
}
_THEATRE_KEYS = {
    "actors",
    "keywords",
    "locations",
    "material_conflict_weight",
    "top",
    "min_share",
    "exclude_from_gap",
}


@dataclass(frozen=True, slots=True)
class ProcessSpec:
    """Which events make up the process (meetings, negotiations, mediation, refusals)."""

    codes: tuple[str, ...]
    refusal_codes: tuple[str, ...]
    actors: tuple[str, ...]
    keywords: tuple[str, ...]
    locations: tuple[str, ...]
    merge_days: int
    attach_days: int
    state_units: bool = False
    meeting_codes: tuple[str, ...] = DEFAULT_MEETING_CODES


@dataclass(frozen=True, slots=True)
class TheatreSpec:
    """Which events make up the conflict itself, and how to weigh its actors."""

    actors: tuple[str, ...]
    keywords: tuple[str, ...]
    locations: tuple[str, ...]
    material_conflict_weight: float
    top: int
    exclude_from_gap: tuple[str, ...] = ()
    min_share: float = 0.0

    @property
    def excluded_codes(self) -> tuple[str, ...]:
        """The actor codes among ``exclude_from_gap``."""
        return tuple(x for x in self.exclude_from_gap if ":" not in x)

    @property
    def excluded_ids(self) -> tuple[str, ...]:
        """The knowledge-base ids among ``exclude_from_gap``."""
        return tuple(x for x in self.exclude_from_gap if ":" in x)


@dataclass(frozen=True, slots=True)
class Topic:
    """A saved definition of a process and its conflict."""

    name: str
    title: str
    description: str
    since: date | None
    until: date | None
    process: ProcessSpec
    theatre: TheatreSpec


def topics_folder() -> Path:
    """The folder of shipped topic files."""
    return Path(str(resources.files("entente.analysis") / "data" / "topics"))


def list_topics() -> list[str]:
    """Names of the shipped topics."""
    return sorted(p.stem for p in topics_folder().glob("*.toml"))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_topic(name: str) -> Topic:
    """A shipped topic by name ("syria-peace-talks"; "Syria peace talks" works too).

    Raises:
        QueryError: no shipped topic of that name (the message lists them).
        KnowledgeBaseError: the file does not validate.
    """
    wanted = _slug(name)
    for stem in list_topics():
        if _slug(stem) == wanted:
            return load_topic_file(topics_folder() / f"{stem}.toml")
    raise QueryError(
        f"no topic {name!r}; shipped topics: {', '.join(list_topics()) or 'none'}. "
        "Or pass your own file with --topic-file."
    )


def load_topic_file(path: Path) -> Topic:
    """A topic from a TOML file, validated.

    Raises:
        KnowledgeBaseError: unreadable file, unknown keys, or bad values (all listed).
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise KnowledgeBaseError(f"cannot read topic file {path}: {e}") from e
    return parse_topic(data, str(path))


def parse_topic(data: dict[str, Any], name: str) -> Topic:
    """Validate a topic's parsed TOML and build the Topic.

    Raises:
        KnowledgeBaseError: with one ``file: key: problem`` line per problem.
    """
    problems: list[str] = []

    def unknown(section: str, got: dict[str, Any], allowed: set[str]) -> None:
        for key in sorted(set(got) - allowed):
            problems.append(
                f"{name}: {section}{key}: unknown key (allowed: {', '.join(sorted(allowed))})"
            )

    def strings(
        section: dict[str, Any], key: str, where: str, pattern: re.Pattern[str] | None = None
    ) -> tuple[str, ...]:
        value = section.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(f"{name}: {where}.{key}: must be a list of non-empty strings")
            return ()
        if pattern is not None:
            for v in value:
                if not pattern.match(v):
                    problems.append(
                        f"{name}: {where}.{key}: {v!r} is not a valid code ({pattern.pattern})"
                    )
        return tuple(v.strip() for v in value)

    def number(section: dict[str, Any], key: str, where: str, default: float, kind: type) -> Any:
        value = section.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            problems.append(f"{name}: {where}.{key}: must be a number >= 0, not {value!r}")
            return kind(default)
        if kind is int and not isinstance(value, int):
            problems.append(f"{name}: {where}.{key}: must be a whole number, not {value!r}")
            return int(default)
        return kind(value)

    def flag(section: dict[str, Any], key: str, where: str, default: bool) -> bool:
        value = section.get(key, default)
        if not isinstance(value, bool):
            problems.append(f"{name}: {where}.{key}: must be true or false, not {value!r}")
            return default
        return value

    def day(key: str) -> date | None:
        value = data.get(key)
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            problems.append(f"{name}: {key}: {value!r} is not a date (YYYY-MM-DD)")
            return None

    unknown("", data, _TOP_KEYS)
    proc = data.get("process", {})
    theatre = data.get("theatre", {})
    if not isinstance(proc, dict) or not isinstance(theatre, dict):
        raise KnowledgeBaseError(
            f"topic file {name} does not validate",
            [f"{name}: [process] and [theatre] must be tables"],
        )
    unknown("process.", proc, _PROCESS_KEYS)
    unknown("theatre.", theatre, _THEATRE_KEYS)
    for key in ("name", "title"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(f"{name}: {key}: required, a non-empty string")
    process = ProcessSpec(
        codes=strings(proc, "codes", "process", _CODE),
        refusal_codes=strings(proc, "refusal_codes", "process", _CODE),
        actors=strings(proc, "actors", "process", _ACTOR),
        keywords=strings(proc, "keywords", "process"),
        locations=strings(proc, "locations", "process"),
        merge_days=number(proc, "merge_days", "process", 4, int),
        attach_days=number(proc, "attach_days", "process", 21, int),
        state_units=flag(proc, "state_units", "process", False),
        meeting_codes=strings(proc, "meeting_codes", "process", _CODE)
        if "meeting_codes" in proc
        else DEFAULT_MEETING_CODES,
    )
    if not process.codes:
        problems.append(f'{name}: process.codes: list at least one CAMEO code prefix (e.g. "04")')
    spec = TheatreSpec(
        actors=strings(theatre, "actors", "theatre", _ACTOR),
        keywords=strings(theatre, "keywords", "theatre"),
        locations=strings(theatre, "locations", "theatre"),
        material_conflict_weight=number(theatre, "material_conflict_weight", "theatre", 2.0, float),
        top=number(theatre, "top", "theatre", 15, int),
        exclude_from_gap=strings(theatre, "exclude_from_gap", "theatre"),
        min_share=number(theatre, "min_share", "theatre", 0.0, float),
    )
    if spec.min_share > 1:
        problems.append(f"{name}: theatre.min_share: must be between 0 and 1, not {spec.min_share}")
    for v in spec.exclude_from_gap:
        if not (_ACTOR.match(v) or _KB_ID.match(v)):
            problems.append(
                f"{name}: theatre.exclude_from_gap: {v!r} is neither an actor code (IMGMUSISI) "
                "nor a knowledge-base id (group:nusra)"
            )
    since, until = day("since"), day("until")
    if since and until and since > until:
        problems.append(f"{name}: since ({since}) is after until ({until})")
    if problems:
        raise KnowledgeBaseError(f"topic file {name} does not validate", problems)
    return Topic(
        name=data["name"].strip(),
        title=data["title"].strip(),
        description=str(data.get("description", "")),
        since=since,
        until=until,
        process=process,
        theatre=spec,
    )
