"""The event coder: CAMEO and PLOVER events from parsed sentences and their actors.

Public API:

- :class:`Coder` — ``Coder(lexicon=None, kb=None)``, built once per process;
  ``coder.code(sentence, mentions, when) -> list[Event]``; ``coder.could_trigger(lowers)``.
- :data:`CODER_VERSION` — coder name and version, stored with every event.
- :func:`reportable` — whether an event belongs in CAMEO-style output (it happened,
  or its code states its modality: intent, appeal, demand, refusal, threat).
- :func:`load_lexicon` / :class:`Lexicon` — verb and noun patterns (data files).
- :func:`load_ontology`, :func:`cameo`, :func:`plover_for` — CAMEO and PLOVER as data.
- :mod:`entente.coding.evaluate` — scoring against gold data (``entente eval``).
- :mod:`entente.coding.styles` — output styles (``default``, ``petrarch``: an intent listed
  under the act it is about, ``entente code --style petrarch``).

Example:
    >>> from entente.coding import Coder, cameo
    >>> cameo("042")[0]
    'Make a visit'
"""

from entente.coding.coder import CODER_VERSION, Coder, reportable
from entente.coding.lexicon import Lexicon, load_lexicon
from entente.coding.ontology import cameo, load_ontology, plover_for

__all__ = [
    "CODER_VERSION",
    "Coder",
    "Lexicon",
    "cameo",
    "load_lexicon",
    "load_ontology",
    "plover_for",
    "reportable",
]
