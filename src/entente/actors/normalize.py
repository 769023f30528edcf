"""Matching keys: how alias strings and sentence tokens are compared.

Aliases in the knowledge base are plain strings ("Kurdistan Workers' Party",
"U.S.", "Cote d'Ivoire"). Sentences arrive as spaCy tokens, which split
hyphens, possessive endings and trailing apostrophes into tokens of their own.
Both sides are therefore reduced to the same sequence of *keys*: lower case,
accents folded, punctuation dropped. A token whose key is empty (a hyphen, an
apostrophe) may sit inside a match but never starts or ends one.

Example:
    >>> alias_keys("Kurdistan Workers' Party")
    ('kurdistan', 'workers', 'party')
    >>> alias_keys("Al-Qaeda")
    ('al', 'qaeda')
    >>> alias_keys("Syria's government")
    ('syria', 's', 'government')
    >>> token_key("U.S.")
    'us'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that spaCy splits off as tokens of their own inside a name; in an
# alias they separate words the same way.
_SPLIT = re.compile(r"[\s\-\u2010-\u2015/]+")
_POSSESSIVE = re.compile(r"^(.+?)(['\u2019]s)$", re.IGNORECASE)

# Tokens that may sit inside a match without a key of their own.
SKIPPABLE = frozenset({"-", "\u2013", "\u2014", "'", "\u2019", ".", "/"})


@lru_cache(maxsize=200_000)
def token_key(text: str) -> str:
    """The matching key of one token: lower case, no accents, letters and digits only.

    ``&`` counts as ``and`` so "Trinidad & Tobago" matches "Trinidad and Tobago".
    """
    if text == "&":
        return "and"
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if c.isalnum()).lower()


def alias_keys(alias: str) -> tuple[str, ...]:
    """The key sequence of an alias string, split the way spaCy splits a sentence."""
    keys: list[str] = []
    for word in _SPLIT.split(alias.strip()):
        if not word:
            continue
        m = _POSSESSIVE.match(word)
        parts = [m.group(1), "s"] if m else [word]
        for part in parts:
            key = token_key(part)
            if key:
                keys.append(key)
    # A leading article is not part of the name: "the Kremlin" matches "Kremlin".
    if len(keys) > 1 and keys[0] == "the":
        keys = keys[1:]
    return tuple(keys)


def is_acronym(alias: str) -> bool:
    """Whether an alias is a short all-capitals form ("US", "UN", "WHO", "U.S.").

    Such aliases are matched case-sensitively, so the pronoun "us" or the verb
    "is" never become the United States or the Islamic State.
    """
    bare = alias.replace(".", "").strip()
    return 1 < len(bare) <= 4 and bare.isalpha() and bare.isupper()


def bare_text(text: str) -> str:
    """A token's text without dots, for case-sensitive comparison ("U.S." -> "US")."""
    return text.replace(".", "")


def has_capital(text: str) -> bool:
    """Whether a string holds at least one upper-case letter."""
    return any(c.isupper() for c in text)


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Edit distance with adjacent transpositions ("Sontas" -> "Santos" is 2), capped at ``limit + 1``.

    Example:
        >>> edit_distance("bouteflicka", "bouteflika")
        1
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[len(b)], limit + 1)
