"""Alliance analysis over the event store: dyads, networks, blocs, shifts, stakeholders.

Every function takes an open :class:`entente.store.Store` and returns dataclasses
(each with ``to_dict()`` for JSON). The aggregation runs in SQL inside
``entente.store``; this package shapes, tests and ranks the results.

Example:
    >>> from entente.store import Store
    >>> from entente.analysis import alignment_network, find_blocs
    >>> with Store.open("entente.duckdb", read_only=True) as store:  # doctest: +SKIP
    ...     net = alignment_network(store, window="1y")
    ...     print([b.members for b in find_blocs(net).blocs])
"""

from entente.analysis.blocs import Bloc, BlocResult, find_blocs
from entente.analysis.common import parse_day, parse_range, parse_span
from entente.analysis.dyads import DyadWindow, EvidenceItem, dyads, dyads_table, top_dyads
from entente.analysis.network import ActorNode, AllianceNetwork, Tie, alignment_network
from entente.analysis.shifts import PeriodCounts, Shift, ShiftReport, shifts
from entente.analysis.stakeholders import (
    Absence,
    GapRow,
    Meeting,
    StakeholderReport,
    StakeholderRow,
    stakeholders,
)
from entente.analysis.topics import Topic, list_topics, load_topic, load_topic_file

__all__ = [
    "Absence",
    "ActorNode",
    "AllianceNetwork",
    "Bloc",
    "BlocResult",
    "DyadWindow",
    "EvidenceItem",
    "GapRow",
    "Meeting",
    "PeriodCounts",
    "Shift",
    "ShiftReport",
    "StakeholderReport",
    "StakeholderRow",
    "Tie",
    "Topic",
    "alignment_network",
    "dyads",
    "dyads_table",
    "find_blocs",
    "list_topics",
    "load_topic",
    "load_topic_file",
    "parse_day",
    "parse_range",
    "parse_span",
    "shifts",
    "stakeholders",
    "top_dyads",
]
