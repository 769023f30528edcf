"""The coder on real sentences (real spaCy model, real actor resolver): the table in cases.py."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cases import ALL  # noqa: E402

WHEN = date(2016, 6, 1)


@pytest.fixture(scope="module")
def code(parse):
    """``code(text) -> list[Event]`` with the shipped coder and resolver."""
    from entente.actors import Resolver, load_kb
    from entente.coding import Coder

    kb = load_kb()
    resolver = Resolver(kb)
    coder = Coder(kb=kb)

    def _code(text: str):
        events = []
        for s in parse(text):
            events.extend(coder.code(s, resolver.resolve(s, WHEN), WHEN))
        return events

    return _code


def _matches(e, code, source, target, mode) -> bool:
    if code is not None and not (e.cameo == code if len(code) > 2 else e.root == code):
        return False
    if mode is not None and e.mode != mode:
        return False
    for s, t in e.dyads():
        if (source is None or (s or "").startswith(source)) and (
            target is None or (t or "").startswith(target)
        ):
            return True
    return False


def describe(events) -> str:
    return "; ".join(f"{e.cameo} {e.mode} {e.dyads()}" for e in events) or "no events"


@pytest.mark.parametrize(("case_id", "text", "expected", "absent"), ALL, ids=[c[0] for c in ALL])
def test_coding_sentence_events(code, case_id, text, expected, absent):
    from entente.coding import reportable

    events = code(text)
    for want in expected:
        assert any(_matches(e, *want) for e in events), (
            f"{case_id}: expected {want}, got {describe(events)}"
        )
    for bad in absent:
        happened = [
            e
            for e in events
            if reportable(e) and (e.cameo == bad if len(bad) > 2 else e.root == bad)
        ]
        assert not happened, f"{case_id}: {bad} reported as having happened: {describe(happened)}"
