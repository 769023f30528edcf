"""No event set, however odd (including none), makes an analysis fail."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from analysis_factory import CODES, Corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entente.analysis import alignment_network, dyads, find_blocs, load_topic, shifts, stakeholders
from entente.analysis.represent import is_unidentified
from entente.store import Store
from entente.types import ROLES

ACTORS = ["RUSGOV", "RUSMIL", "SYRGOV", "SYROPP", "SYRREB", "USAGOV", "IGOUNO", "EGY", "IMGISI",
          "---OPP", "RUS", "SYRREBMUS"]  # fmt: skip
START = date(2015, 1, 1)

event_spec = st.tuples(
    st.sampled_from(["a", "b", "c", "d"]),  # article
    st.integers(0, 400),  # day offset
    st.sampled_from(sorted(CODES)),
    st.lists(st.tuples(st.sampled_from(ACTORS), st.sampled_from(ROLES)), max_size=4),
    st.sampled_from(["asserted", "asserted", "negated", "future"]),
    st.none() | st.sampled_from(["Moscow", "Geneva", "Raqqa", ""]),
    st.sampled_from(["Talks on Syria.", "Jets struck Aleppo.", "A statement.", ""]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs=st.lists(event_spec, max_size=25))
def test_analyses_never_fail(specs):
    c = Corpus()
    for art, offset, code, roles, mode, location, sentence in specs:
        c.add(art, START + timedelta(days=offset), code, roles, mode=mode, location=location,
              sentence=sentence or None)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "h.duckdb"
        if c.articles:
            c.write(db)
        else:
            Store.open(db).close()
        with Store.open(db, read_only=True) as store:
            for level in ("country", "state", "actor"):
                rows = dyads(store, window="quarter", level=level)
                assert all(r.units >= 1 and r.events >= r.occurrences >= 1 for r in rows)
                net = alignment_network(store, window="2y", level=level)
                assert all(t.a < t.b for t in net.ties)
                result = find_blocs(net, resamples=3, starts=2)
                placed = sorted(m for b in result.blocs for m in b.members)
                assert placed == sorted(n.code for n in net.nodes)
                assert -1.0 <= result.stability <= 1.0  # a mean adjusted Rand index
            report = shifts(store, (START, START + timedelta(days=199)), (START + timedelta(days=200), START + timedelta(days=400)),
                            min_units=1, min_articles=1)  # fmt: skip
            assert all(0 <= s.q_value <= 0.05 for s in report.shifts)
            sizes = [abs(s.change) for s in report.shifts]
            assert sizes == sorted(sizes, reverse=True)  # the largest shifts first
            for level in ("actor", "country"):
                st_report = stakeholders(store, load_topic("syria-peace-talks"), level=level)
                assert all(m.start <= m.end for m in st_report.meetings)
                listed = {c for m in st_report.meetings for c in m.present + m.absent + m.missing}
                assert not any(is_unidentified(c) for c in listed)
                assert set(st_report.leaders) <= {a.code for a in st_report.actors}
