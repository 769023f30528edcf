"""Scoring coded events against human-coded gold data.

Three kinds of gold are understood (the formats of the evaluation sets entente is
measured on; users can write their own gold the same way):

* ``petrarch`` — one record per sentence with the expected CAMEO events
  ``{"id", "text", "events": [{"source", "target", "code"}]}`` (optionally
  ``dictionary``, ``evaluate``). Scored by precision, recall and F1 of
  (source, target, code) triples at three levels: the exact code, its root, and
  its QuadClass; also records whose whole event set is right.
* ``plover`` — ``{"id", "text", "gold": {"events": [{"event_type", ...}], "dyads":
  [[src, tgt], ...]}}``. Scored by precision, recall and F1 of country-level
  dyads (first three letters of each actor code) and by how often the gold PLOVER
  type is among the sentence's predicted types.
* ``penta`` — ``{"id", "text", "gold": {"penta_class": 0..4}}`` with the classes
  statement (CAMEO 01), verbal cooperation (02-05), material cooperation (06-08),
  verbal conflict (09-13, 16) and material conflict (14, 15, 17-20). Scored by
  the accuracy of the sentence's main event (its most confident event).

Predictions are ``{"id": [{"source", "target", "code", "plover", "confidence"}]}``,
as written by ``entente code`` (one entry per dyad of each reportable event).

Example:
    >>> gold = [{"id": "a", "events": [{"source": "USA", "target": "RUS", "code": "190"}]}]
    >>> pred = {"a": [{"source": "USA", "target": "RUS", "code": "193"}]}
    >>> m = score_petrarch(gold, pred)
    >>> m["exact"]["f1"], m["root"]["f1"]
    (0.0, 1.0)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from entente.errors import InputError

FORMATS = ("petrarch", "plover", "penta")
PENTA_LABELS = (
    "statement",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)
# PLOVER names of the 2016 drafts, as the current ontology calls them.
_OLD_PLOVER = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}

Predictions = dict[str, list[dict[str, Any]]]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file (blank lines skipped).

    Raises:
        InputError: the file cannot be read, or a line is not a JSON object with an "id".
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read gold file {path}: {e}; give a UTF-8 JSONL file") from e
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            raise InputError(
                f"{path}:{n}: not valid JSON ({e}); each line must be one JSON object"
            ) from e
        if not isinstance(obj, dict) or "id" not in obj:
            raise InputError(f'{path}:{n}: each line must be a JSON object with an "id"')
        out.append(obj)
    return out


def detect_format(records: list[dict[str, Any]]) -> str:
    """Which gold format records are in: petrarch, plover or penta.

    Raises:
        InputError: none of the three.
    """
    for r in records[:20]:
        gold = r.get("gold")
        if isinstance(gold, dict) and "penta_class" in gold:
            return "penta"
        if isinstance(gold, dict) and "dyads" in gold:
            return "plover"
        if isinstance(r.get("events"), list):
            return "petrarch"
    raise InputError(
        'cannot tell the gold format: expected "events" (petrarch), "gold.dyads" (plover) or '
        '"gold.penta_class" (penta) in the records; name it with --format'
    )


# --- PETRARCH-style gold -------------------------------------------------------------------


def _quad(code: str) -> str:
    r = code[:2]
    if r.isdigit() and 1 <= int(r) <= 20:
        n = int(r)
        return "VC" if n <= 5 else "MC" if n <= 9 else "VK" if n <= 14 else "MK"
    return "X" + r  # codes outside CAMEO only match their own root


def _triples(events: Iterable[dict[str, Any]] | None) -> set[tuple[str, str, str]]:
    out = set()
    for e in events or []:
        if not isinstance(e, dict) or e.get("code") in (None, ""):
            continue
        code = e["code"]
        code = f"{code:03d}" if isinstance(code, int) else str(code).strip()
        out.add(
            (
                str(e.get("source") or "").strip().upper(),
                str(e.get("target") or "").strip().upper(),
                code,
            )
        )
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = (2 * p * r / (p + r) if p + r else 0.0) if p is not None and r is not None else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def select_petrarch(
    records: list[dict[str, Any]], real_only: bool = False, all_records: bool = False
) -> list[dict[str, Any]]:
    """The PETRARCH-style records to score: evaluate != false (unless ``all_records``), real dictionaries only if asked."""
    return [
        r
        for r in records
        if (all_records or r.get("evaluate", True) is not False)
        and (not real_only or r.get("dictionary") == "real")
    ]


def score_petrarch(records: list[dict[str, Any]], pred: Predictions) -> dict[str, Any]:
    """P/R/F1 of (source, target, code) triples at exact, root and quad level, micro-averaged.

    Identical triples within a record count once; at the root and quad levels the
    record's triples are compared as multisets of projected keys.
    """
    counts = {lv: Counter() for lv in ("exact", "root", "quad")}
    full = noev = noev_ok = 0
    errors = []
    for r in records:
        gold = _triples(r.get("events"))
        got = _triples(pred.get(str(r["id"]), []))
        for lv, f in (("exact", None), ("root", lambda c: c[:2]), ("quad", _quad)):
            g = Counter(gold) if f is None else Counter((s, t, f(c)) for s, t, c in gold)
            p = Counter(got) if f is None else Counter((s, t, f(c)) for s, t, c in got)
            tp = sum((g & p).values())
            counts[lv]["tp"] += tp
            counts[lv]["fp"] += sum(p.values()) - tp
            counts[lv]["fn"] += sum(g.values()) - tp
        full += gold == got
        if r.get("no_events", not gold):
            noev += 1
            noev_ok += not got
        if gold != got:
            errors.append(
                {"id": r["id"], "text": r.get("text"), "gold": sorted(gold), "pred": sorted(got)}
            )
    out: dict[str, Any] = {"records": len(records)}
    for lv, c in counts.items():
        out[lv] = _prf(c["tp"], c["fp"], c["fn"])
    out.update(
        records_fully_correct=full,
        no_event_records=noev,
        no_event_records_left_empty=noev_ok,
        errors=errors,
    )
    return out


# --- PLOVER gold ---------------------------------------------------------------------------


def _ptype(t: str | None) -> str:
    t = (t or "").strip().upper()
    return _OLD_PLOVER.get(t, t)


def _country(code: str | None) -> str:
    return (code or "").strip().upper()[:3]


def score_plover(records: list[dict[str, Any]], pred: Predictions) -> dict[str, Any]:
    """Country-level dyad P/R/F1 and PLOVER type recall (gold type among the predicted types)."""
    tp = fp = fn = 0
    typed = total = typed_dyad = 0
    errors = []
    for r in records:
        g = r.get("gold") or {}
        gold_dyads = {(a, b) for a, b in g.get("dyads", [])}
        evs = pred.get(str(r["id"]), [])
        got = {(_country(e.get("source")), _country(e.get("target"))) for e in evs}
        got = {d for d in got if d[0] and d[1] and "---" not in d}
        tp += len(gold_dyads & got)
        fp += len(got - gold_dyads)
        fn += len(gold_dyads - got)
        gtypes = {_ptype(e.get("event_type")) for e in g.get("events", [])}
        ptypes = {_ptype(e.get("plover")) for e in evs}
        if gtypes:
            total += 1
            typed += bool(gtypes & ptypes)
            typed_dyad += any(
                _ptype(e.get("plover")) in gtypes
                and (_country(e.get("source")), _country(e.get("target"))) in gold_dyads
                for e in evs
            )
        if gold_dyads != got or not gtypes & ptypes:
            errors.append(
                {
                    "id": r["id"],
                    "text": r.get("text"),
                    "gold": [sorted(gtypes), sorted(gold_dyads)],
                    "pred": [sorted(ptypes), sorted(got)],
                }
            )
    dy = _prf(tp, fp, fn)
    return {
        "records": total,
        "dyad": dy,
        "type_recall": typed / total if total else None,
        "type_and_dyad": typed_dyad / total if total else None,
        "errors": errors,
    }


# --- five-class gold -----------------------------------------------------------------------


def penta_class(code: str | None) -> int | None:
    """The five-class label of a CAMEO code (None for a code outside CAMEO).

    >>> [penta_class(c) for c in ("010", "042", "073", "112", "190")]
    [0, 1, 2, 3, 4]
    """
    code = str(code or "").strip()
    if len(code) < 2 or not code[:2].isdigit():
        return None
    root = int(code[:2])
    if root == 1:
        return 0
    if 2 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13 or root == 16:
        return 3
    if root in (14, 15) or 17 <= root <= 20:
        return 4
    return None


def main_event(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The sentence's main event: the most confident one (the first among equals)."""
    evs = [e for e in events if penta_class(e.get("code")) is not None]
    if not evs:
        return None
    return max(evs, key=lambda e: float(e.get("confidence") or 0.0))


def score_penta(records: list[dict[str, Any]], pred: Predictions) -> dict[str, Any]:
    """Accuracy of the main event's five-class label, and of any event's, with a confusion table."""
    n = ok = any_ok = empty = 0
    confusion: Counter[str] = Counter()
    errors = []
    for r in records:
        gc = (r.get("gold") or {}).get("penta_class")
        if gc is None:
            continue
        n += 1
        evs = pred.get(str(r["id"]), [])
        main = main_event(evs)
        if main is None:
            empty += 1
            confusion[f"{gc}->none"] += 1
            errors.append({"id": r["id"], "text": r.get("text"), "gold": gc, "pred": None})
            continue
        pc = penta_class(main.get("code"))
        confusion[f"{gc}->{pc}"] += 1
        ok += pc == gc
        any_ok += gc in {penta_class(e.get("code")) for e in evs}
        if pc != gc:
            errors.append(
                {"id": r["id"], "text": r.get("text"), "gold": gc, "pred": [pc, main.get("code")]}
            )
    return {
        "records": n,
        "main_accuracy": ok / n if n else None,
        "any_accuracy": any_ok / n if n else None,
        "no_event": empty,
        "confusion": dict(sorted(confusion.items())),
        "errors": errors,
    }


def score(fmt: str, records: list[dict[str, Any]], pred: Predictions) -> dict[str, Any]:
    """Score predictions against gold records of format ``fmt`` (petrarch, plover, penta)."""
    if fmt == "petrarch":
        return score_petrarch(records, pred)
    if fmt == "plover":
        return score_plover(records, pred)
    if fmt == "penta":
        return score_penta(records, pred)
    raise InputError(f"unknown gold format {fmt!r}; use one of {', '.join(FORMATS)}")


# --- predictions ---------------------------------------------------------------------------


def read_predictions(path: Path) -> Predictions:
    """Predictions from an ``entente code`` output file (lines with the same id are merged)."""
    out: Predictions = {}
    for r in read_jsonl(path):
        out.setdefault(str(r["id"]), []).extend(r.get("events") or [])
    return out


def code_gold(
    records: list[dict[str, Any]], settings: Any = None, style: str = "default"
) -> Predictions:
    """Code the gold records' texts with entente and return the predictions (reportable events only).

    Args:
        records: gold records with ``id``, ``text`` and optionally ``date``.
        settings: run settings (default: the defaults).
        style: output style (:mod:`entente.coding.styles`); ``entente eval`` scores
            PETRARCH-style gold in the ``petrarch`` style, the convention it was made in.
    """
    from entente.coding.styles import check_style
    from entente.pipeline import code_records

    check_style(style)
    inputs = (
        {"id": str(r["id"]), "text": r.get("text") or "", "date": r.get("date")} for r in records
    )
    out: Predictions = {}
    for rid, _, result in code_records(inputs, settings):
        out[rid] = list(_dyad_rows(result if isinstance(result, list) else [], style))
    return out


def _dyad_rows(events: list[Any], style: str) -> Iterator[dict[str, Any]]:
    from entente.coding.styles import listed, requires_dyad, style_events

    both = requires_dyad(style)
    for event in style_events(events, style):
        e = listed(event, style)
        for s, t in e.dyads() or [(None, None)]:
            if both and not (s and t):
                continue
            yield {
                "source": s,
                "target": t,
                "code": e.cameo,
                "plover": e.plover,
                "mode": e.mode,
                "confidence": e.confidence,
            }
