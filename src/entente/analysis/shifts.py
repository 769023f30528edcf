"""Shifts: pairs of actors whose relationship changed between two periods.

For each undirected pair, the counted units (collapsed by default: same pair,
same day, same CAMEO root) are split into cooperative (QuadClass 1-2 with a
positive Goldstein value), conflictual (QuadClass 3-4) and neutral (plain
statements) in the period before (c1, k1) and after (c2, k2).

The test, stated:

1. **A pair seen in both periods: balance.** Fisher's exact test on the 2x2 table
   ``[[c1, k1], [c2, k2]]``: did the share of cooperation change? (rupture,
   rapprochement, warming, cooling)
2. **A pair seen in one period only: volume.** Exact binomial test of ``n2`` out of
   ``n1 + n2`` against ``N2 / (N1 + N2)``, the after period's share of *all* units
   in the store (so a period with more news overall is not taken for more
   contact): did the pair appear or vanish? (new partnership, new hostility, fading)
3. Both are two-sided *mid-p* values (outcomes less likely than the one observed,
   plus half of those as likely): the exact test's own p-value is conservative
   when counts are small, the mid-p is not.
4. Multiple pairs: a pair whose smallest attainable p-value (given its counts'
   margins) exceeds ``alpha`` can never be significant and is left out of the
   correction (Tarone's screening for discrete tests); the p-values of the other
   pairs are adjusted with Benjamini-Hochberg, and a shift is reported when the
   adjusted q <= ``alpha``.

Minimum evidence, so that one article cannot make a shift: a pair is tested only
if it has at least ``min_units`` units over both periods, and every period in
which it appears draws on at least ``min_articles`` distinct articles.

Shifts are ranked by size: the change in alignment, (cooperative - conflictual) /
units, from one period to the other (a period without units counts as 0).

Example:
    >>> report = shifts(store, parse_range("2015-01..2015-06"), parse_range("2015-07..2015-12"))  # doctest: +SKIP
    >>> report.shifts[0].kind  # doctest: +SKIP
    'rupture'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
from scipy.stats import binom, false_discovery_control, hypergeom

from entente.analysis.common import DEFAULT_MODES, jsonable, make_scope
from entente.analysis.dyads import EvidenceItem
from entente.errors import QueryError
from entente.store import Store
from entente.store.analysis_sql import pair_evidence, period_pair_counts

TEST_DESCRIPTION = (
    "Per pair seen in both periods: Fisher's exact test of cooperative vs conflictual units before "
    "vs after (balance); per pair seen in one period only: exact binomial test of its after-period "
    "units against the after period's share of all units (volume); two-sided mid-p values. Pairs "
    "whose smallest attainable p exceeds alpha are screened out (Tarone), then Benjamini-Hochberg "
    "across the others. Tested only with >= {min_units} units in all and >= {min_articles} "
    "distinct articles in every period where the pair appears."
)
# Probabilities this close count as equally likely outcomes (floating-point noise).
_TIE = 1e-7


@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """A pair's counted units in one period.

    Attributes:
        cooperative, conflictual: units of QuadClass 1-2 and 3-4.
        units: all units; articles: distinct articles reporting them.
        goldstein_mean: mean Goldstein value (None without units).
        alignment: (cooperative - conflictual) / units, from -1 to +1 (None without units).
    """

    cooperative: int
    conflictual: int
    units: int
    articles: int
    goldstein_mean: float | None

    @property
    def alignment(self) -> float | None:
        """Net cooperation share, -1 (all conflict) .. +1 (all cooperation)."""
        return (self.cooperative - self.conflictual) / self.units if self.units else None


@dataclass(frozen=True, slots=True)
class Shift:
    """A significant change in a pair's relationship, with the reports that drive it.

    Attributes:
        a, b: the pair (a < b).
        kind: rupture, rapprochement, warming, cooling, new partnership, new hostility,
            intensifying, fading.
        before, after: the counts in each period.
        test: ``balance`` (pair seen in both periods) or ``volume`` (one period only).
        p_balance, p_volume: the two tests' mid-p values (1.0 for the test not applicable).
        p_value: the p-value of the test applied.
        q_value: Benjamini-Hochberg adjusted p-value across the testable pairs.
        change: after alignment minus before alignment (a period without units counts 0).
        evidence: the strongest reports of the after period, on the side of the change
            first (conflict for ruptures, cooling and new hostility; cooperation otherwise).
        evidence_before: the same for the before period (what the pair was like).
    """

    a: str
    b: str
    kind: str
    before: PeriodCounts
    after: PeriodCounts
    p_balance: float
    p_volume: float
    p_value: float
    q_value: float
    change: float | None
    evidence: tuple[EvidenceItem, ...]
    evidence_before: tuple[EvidenceItem, ...]
    test: str = "balance"


@dataclass(frozen=True, slots=True)
class ShiftReport:
    """All significant shifts between two periods, most significant first.

    Attributes:
        before, after: the two periods (inclusive).
        shifts: the significant shifts, largest change first.
        tested: pairs that met the minimum evidence and were tested.
        testable: of those, the pairs whose counts could reach significance at all.
        pairs: pairs seen in either period.
        totals: all units in each period (N1, N2), the volume test's baseline.
        test: the test, in words.
        near_misses: the tested pairs that were not significant, largest change first
            (as many as asked for): what nearly moved, for a reader to weigh.
    """

    before: tuple[date, date]
    after: tuple[date, date]
    shifts: tuple[Shift, ...]
    tested: int
    pairs: int
    totals: tuple[int, int]
    alpha: float
    test: str
    testable: int = 0
    near_misses: tuple[Shift, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        d = jsonable(asdict(self))
        for key in ("shifts", "near_misses"):
            for s, raw in zip(d[key], getattr(self, key), strict=True):
                s["before"]["alignment"] = raw.before.alignment
                s["after"]["alignment"] = raw.after.alignment
        return d


def _kind(before: PeriodCounts, after: PeriodCounts) -> str:
    """Name the change."""
    if before.units == 0:
        return "new partnership" if after.cooperative >= after.conflictual else "new hostility"
    if after.units == 0:
        return "fading"
    a1, a2 = before.alignment or 0.0, after.alignment or 0.0
    if a1 > 0 > a2:
        return "rupture"
    if a1 < 0 < a2:
        return "rapprochement"
    return "warming" if a2 > a1 else "cooling"


def _midp(pmf: np.ndarray, observed: float) -> tuple[float, float]:
    """Two-sided mid-p of an observed outcome, and the smallest mid-p attainable."""
    tie = _TIE * max(observed, 1e-300)
    p = float(pmf[pmf < observed - tie].sum() + 0.5 * pmf[np.abs(pmf - observed) <= tie].sum())
    low = pmf.min()
    smallest = float(0.5 * pmf[np.abs(pmf - low) <= _TIE * max(low, 1e-300)].sum())
    return min(1.0, p), min(1.0, smallest)


@lru_cache(maxsize=65536)
def fisher_midp(c1: int, k1: int, c2: int, k2: int) -> tuple[float, float]:
    """Fisher's exact test of ``[[c1, k1], [c2, k2]]``: two-sided mid-p, smallest attainable.

    Given the margins, the after period's cooperative count is hypergeometric; the
    p-value sums the outcomes less likely than the one observed, plus half of those
    as likely. A table with an empty row or column carries no evidence: (1.0, 1.0).

    >>> round(fisher_midp(8, 0, 0, 8)[0], 6)
    7.8e-05
    """
    total, coop, draws = c1 + k1 + c2 + k2, c1 + c2, c2 + k2
    if min(coop, total - coop, draws, total - draws) == 0:
        return 1.0, 1.0
    support = np.arange(max(0, draws - (total - coop)), min(coop, draws) + 1)
    pmf = hypergeom.pmf(support, total, coop, draws)
    return _midp(pmf, float(hypergeom.pmf(c2, total, coop, draws)))


@lru_cache(maxsize=65536)
def volume_midp(n1: int, n2: int, share: float) -> tuple[float, float]:
    """Exact binomial test of ``n2`` of ``n1 + n2`` at rate ``share``: two-sided mid-p, smallest.

    >>> round(volume_midp(0, 6, 0.5)[0], 6)
    0.015625
    """
    n = n1 + n2
    if n == 0 or not 0 < share < 1:
        return 1.0, 1.0
    pmf = binom.pmf(np.arange(n + 1), n, share)
    return _midp(pmf, float(binom.pmf(n2, n, share)))


def _evidence(
    store: Store,
    pairs: list[tuple[str, str]],
    periods: tuple[tuple[date, date], tuple[date, date]],
    level: str,
    unit: str,
    modes: Sequence[str],
    k: int,
) -> dict[tuple[str, str, int, str], list[dict[str, Any]]]:
    """The strongest reports of some pairs in each period, by (a, b, period index, side)."""
    if not pairs or k == 0:
        return {}
    span = (min(p[0] for p in periods), max(p[1] for p in periods))
    scope = make_scope(level, unit, modes, span[0], span[1])
    with store.connection() as con:
        rows = pair_evidence(con, scope, pairs, k, periods).to_pylist()
    return {(r["a"], r["b"], r["period"], r["side"]): r["evidence"] for r in rows}


def shifts(
    store: Store,
    before: tuple[date, date],
    after: tuple[date, date],
    level: str = "country",
    unit: str = "collapsed",
    modes: Sequence[str] = DEFAULT_MODES,
    alpha: float = 0.05,
    min_units: int = 3,
    min_articles: int = 2,
    evidence: int = 3,
    limit: int | None = None,
    near_misses: int = 0,
) -> ShiftReport:
    """Pairs whose alignment changed significantly between two periods.

    Args:
        store: an open event store.
        before, after: the two periods (inclusive date pairs); they must not overlap.
        level: ``country`` (roll-up) or ``actor``.
        unit: event, occurrence or collapsed (default; see the module notes).
        modes: event modes that count.
        alpha: false-discovery rate for reporting a shift.
        min_units, min_articles: the minimum-evidence rule (see the module notes).
        evidence: reports to attach to each shift.
        limit: report at most this many shifts.
        near_misses: also report this many tested pairs that were not significant.

    Raises:
        QueryError: overlapping or reversed periods, alpha outside (0, 1), bad rules.
    """
    for name, (s, e) in (("before", before), ("after", after)):
        if s > e:
            raise QueryError(f"the {name} period starts ({s}) after it ends ({e}); swap them")
    if not (before[1] < after[0] or after[1] < before[0]):
        raise QueryError(
            f"the periods {before[0]}..{before[1]} and {after[0]}..{after[1]} overlap; "
            "choose two separate periods"
        )
    if not 0 < alpha < 1:
        raise QueryError(f"alpha must be between 0 and 1, not {alpha}")
    if near_misses < 0:
        raise QueryError(f"near_misses must be 0 or more, not {near_misses}")
    if min_units < 1 or min_articles < 1:
        raise QueryError(
            f"min_units and min_articles must be >= 1 (got {min_units}, {min_articles})"
        )
    span = (min(before[0], after[0]), max(before[1], after[1]))
    scope = make_scope(level, unit, modes, span[0], span[1])
    with store.connection() as con:
        table, totals = period_pair_counts(con, scope, before, after)
    n1_all, n2_all = totals[1], totals[2]
    cols = {name: table.column(name).to_pylist() for name in table.column_names}
    n_pairs = table.num_rows

    # Minimum evidence, vectorised over pairs.
    n1 = np.array(cols["n1"], dtype=np.int64)
    n2 = np.array(cols["n2"], dtype=np.int64)
    art1 = np.array(cols["articles1"], dtype=np.int64)
    art2 = np.array(cols["articles2"], dtype=np.int64)
    ok = (
        (n1 + n2 >= min_units)
        & ((n1 == 0) | (art1 >= min_articles))
        & ((n2 == 0) | (art2 >= min_articles))
    )
    candidates = np.flatnonzero(ok)

    # One test per pair: balance when it is seen in both periods, volume otherwise.
    share = n2_all / (n1_all + n2_all) if n1_all and n2_all else 0.0
    coop1, conf1, coop2, conf2 = (cols[k] for k in ("coop1", "conf1", "coop2", "conf2"))
    p_bal, p_vol, smallest = (np.ones(len(candidates)) for _ in range(3))
    both = (n1[candidates] > 0) & (n2[candidates] > 0)
    for j, i in enumerate(candidates):
        if both[j]:
            p_bal[j], smallest[j] = fisher_midp(coop1[i], conf1[i], coop2[i], conf2[i])
        else:
            p_vol[j], smallest[j] = volume_midp(int(n1[i]), int(n2[i]), share)
    p_values = np.where(both, p_bal, p_vol)
    # Pairs whose counts cannot reach alpha stay out of the correction (Tarone).
    testable = smallest <= alpha
    q_values = np.ones(len(candidates))
    if testable.any():
        q_values[testable] = false_discovery_control(p_values[testable], method="bh")

    def ranked(indices: np.ndarray, keep: int | None) -> list[tuple[Any, ...]]:
        """The pairs at these candidate indices, largest change first (then the surest)."""
        rows = []
        for j in indices:
            i = candidates[j]
            b = PeriodCounts(coop1[i], conf1[i], int(n1[i]), int(art1[i]), cols["gold1"][i])
            a = PeriodCounts(coop2[i], conf2[i], int(n2[i]), int(art2[i]), cols["gold2"][i])
            change = (a.alignment or 0.0) - (b.alignment or 0.0)
            rows.append(
                (cols["a"][i], cols["b"][i], _kind(b, a), b, a, float(p_bal[j]), float(p_vol[j]),
                 float(p_values[j]), float(q_values[j]), change, "balance" if both[j] else "volume")
            )  # fmt: skip
        rows.sort(key=lambda s: (-abs(s[9]), s[8], s[7], -(s[3].units + s[4].units), s[0], s[1]))
        return rows if keep is None else rows[:keep]

    found = ranked(np.flatnonzero(q_values <= alpha), limit)
    missed = ranked(np.flatnonzero(q_values > alpha), near_misses) if near_misses else []
    ev = _evidence(
        store, [(f[0], f[1]) for f in found + missed], (before, after), level, unit, modes, evidence
    )

    def with_evidence(rows: list[tuple[Any, ...]]) -> tuple[Shift, ...]:
        out = []
        for pa_, pb_, kind, b, a, p_bal_, p_vol_, p, q, change, which in rows:
            # The side of the change first: conflict for ruptures and cooling, else cooperation.
            first = (
                "conflictual" if kind in ("rupture", "cooling", "new hostility") else "cooperative"
            )
            second = "cooperative" if first == "conflictual" else "conflictual"
            picks = []
            for period in (1, 0):  # after, then before
                items = (
                    ev.get((pa_, pb_, period, first), []) + ev.get((pa_, pb_, period, second), [])
                )[:evidence]
                picks.append(tuple(EvidenceItem(**e) for e in items))
            out.append(
                Shift(pa_, pb_, kind, b, a, p_bal_, p_vol_, p, q, change, picks[0], picks[1], which)
            )
        return tuple(out)

    test = TEST_DESCRIPTION.format(min_units=min_units, min_articles=min_articles)
    return ShiftReport(
        before, after, with_evidence(found), len(candidates), n_pairs, (n1_all, n2_all), alpha,
        test, int(testable.sum()), with_evidence(missed),
    )  # fmt: skip
