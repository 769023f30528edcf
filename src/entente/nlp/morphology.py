"""Part of speech and lemmas without running the attribute ruler and lemmatizer.

In the small English pipeline the attribute ruler (tag -> POS and morphology) and
the rule lemmatizer cost as much as the tagger and parser together, yet what they
produce for a token depends almost only on its text, its tag and sometimes its
dependency label. :class:`Morphology` reads the pipeline's own attribute-ruler
patterns and lemmatizer tables, computes a token's (POS, lemma) once per key and
remembers it, so the two components can be switched off.

The ruler's few two-token patterns ("there is", "gonna") make a token's result
depend on its neighbour: tokens those patterns can change are computed without
the cache.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

REPLACED = ("attribute_ruler", "lemmatizer")
"""Pipeline components whose work this module does."""


def _values_of(condition: Any) -> list[Any]:
    """The plain values a pattern condition accepts (a string, or an IN list)."""
    if isinstance(condition, dict):
        return list(condition.get("IN", [])) if set(condition) == {"IN"} else []
    return [] if condition is None else [condition]


def _matches(spec: dict[str, Any], values: dict[str, Any]) -> bool:
    for key, want in spec.items():
        have = values.get(key)
        if isinstance(want, dict):
            if "IN" in want and have not in want["IN"]:
                return False
            if "NOT_IN" in want and have in want["NOT_IN"]:
                return False
            if "REGEX" in want and not (isinstance(have, str) and re.search(want["REGEX"], have)):
                return False
        elif have != want:
            return False
    return True


class Morphology:
    """(POS, lemma) of parsed tokens, from the pipeline's own rules, cached per key.

    Example:
        >>> m = Morphology(nlp)                      # doctest: +SKIP
        >>> m.pos_lemma(doc[1])                      # doctest: +SKIP
        ('VERB', 'meet')
    """

    def __init__(self, nlp: Language) -> None:
        names = nlp.component_names
        if not all(n in names for n in REPLACED):
            raise ValueError(f"pipeline has no {REPLACED}: keep its own components instead")
        self._lemmatizer = nlp.get_pipe("lemmatizer")
        # (order, pattern, position of the token it changes, attributes), in the ruler's order;
        # single-token patterns are indexed by the tag or lower form they require.
        self._patterns: list[tuple[int, list[dict[str, Any]], int, dict[str, Any]]] = []
        self._by_key: dict[tuple[str, Any], list[int]] = {}
        self._unindexed: list[int] = []
        self._multi: list[int] = []
        self._contextual: set[str] = set()  # lower forms that multi-token patterns can change
        self._deps: set[str] = set()  # dependency labels some pattern tests for
        for entry in nlp.get_pipe("attribute_ruler").patterns:
            for pattern in entry["patterns"]:
                index = entry.get("index", 0)
                index = index if index >= 0 else len(pattern) + index
                order = len(self._patterns)
                self._patterns.append((order, pattern, index, entry["attrs"]))
                for spec in pattern:
                    dep = spec.get("DEP")
                    if isinstance(dep, dict):
                        self._deps.update(dep.get("IN", []), dep.get("NOT_IN", []))
                    elif dep is not None:
                        self._deps.add(dep)
                if len(pattern) > 1:
                    self._multi.append(order)
                    self._contextual.update(_values_of(pattern[index].get("LOWER")))
                    continue
                spec = pattern[0]
                field = "LOWER" if "LOWER" in spec else "TAG" if "TAG" in spec else None
                values = _values_of(spec.get(field)) if field else []
                for value in values:
                    self._by_key.setdefault((field, value), []).append(order)
                if not values:
                    self._unindexed.append(order)
        self._cache: dict[tuple[int, str, str], tuple[str, str]] = {}

    def pos_lemma(self, token: Token) -> tuple[str, str]:
        """The token's universal POS and lemma, as the full pipeline would give them."""
        lower = token.lower_
        if lower in self._contextual:
            return self._compute(token, lower)
        dep = token.dep_
        # Labels no rule tests for all behave alike, so they share one cache entry.
        key = (token.orth, token.tag_, dep if dep in self._deps else "*")
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._compute(token, lower)
        return found

    @staticmethod
    def _values(token: Token) -> dict[str, Any]:
        return {
            "TAG": token.tag_,
            "LOWER": token.lower_,
            "DEP": token.dep_,
            "IS_SPACE": token.is_space,
        }

    def _compute(self, token: Token, lower: str) -> tuple[str, str]:
        doc, i = token.doc, token.i
        candidates = set(self._unindexed)
        candidates.update(self._by_key.get(("LOWER", lower), ()))
        candidates.update(self._by_key.get(("TAG", token.tag_), ()))
        if lower in self._contextual:
            candidates.update(self._multi)
        attrs: dict[str, Any] = {}
        for order in sorted(candidates):
            _, pattern, index, set_attrs = self._patterns[order]
            start = i - index
            if start < 0 or start + len(pattern) > len(doc):
                continue
            if all(_matches(spec, self._values(doc[start + k])) for k, spec in enumerate(pattern)):
                attrs.update(set_attrs)
        if "POS" in attrs:
            token.pos_ = attrs["POS"]
        if "MORPH" in attrs:
            token.set_morph(attrs["MORPH"])
        lemma = attrs.get("LEMMA")
        if lemma is None:
            lemmas = self._lemmatizer.rule_lemmatize(token) if token.pos_ else [lower]
            lemma = lemmas[0] if lemmas else lower
        return token.pos_, lemma
