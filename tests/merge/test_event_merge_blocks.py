"""The event merge computed per block and per set of overlapping dates, with group summaries, gives what
checking every report against every member of every group gives (the plain complete-link clustering,
kept here as the reference), on random reports made to meet every rule: a busy dyad reporting every
few weeks over years, conflicting dates, undated, yearless, month and year dates, spans, successor
states, participants, counterparts, agreement details, several reports of one article."""
from __future__ import annotations

import datetime as dt
import os
import random

import pytest

from communique.extract.dates import overlaps, span_of
from communique.merge.events import CONFLICT_WINDOW_DAYS, EventMerger, _canonical_key, _date_text, _days, _Group
from communique.records import Event
from communique.resolve import ActorRegistry

SEED = int(os.environ.get("COMMUNIQUE_TEST_SEED", "0")) or random.randrange(1, 10 ** 6)


class ReferenceMerger(EventMerger):
    """The clustering as first written: every group, every member, every pair of groups."""

    def merge(self, records):
        ordered = sorted(records, key=_canonical_key)
        groups: list[_Group] = []
        for doc, e in [(r.get("doc") or "", Event.from_record(r)) for r in ordered]:
            target = next((g for g in groups if doc not in g.docs and all(self.compatible(e, m) for _, m in g.members)),
                          None)
            if target is None:
                groups.append(_Group(e, doc))
            else:
                target.members.append((doc, e))
        return [self._merged(g).to_record() for g in groups], self._all_conflicts(groups)

    def _all_conflicts(self, groups):
        out = []
        for i, g in enumerate(groups):
            for h in groups[i + 1:]:
                a, b = g.members[0][1], h.members[0][1]
                if a.status != "happened" or g.docs & h.docs or not self.same_kind(a, b):
                    continue
                sa, sb = span_of(a.date_start, a.date_end), span_of(b.date_start, b.date_end)
                if sa is None or sb is None or overlaps(sa, sb) or len(sa[0]) != len(sb[0]):
                    continue
                if abs(_days(sa[0]) - _days(sb[0])) > CONFLICT_WINDOW_DAYS:
                    continue
                out.append({"kind": "conflict", "about": "event", "field": "date", "type": a.type,
                            "countries": sorted(set(a.countries)), "values": [_date_text(a), _date_text(b)],
                            "sources": [s.to_record() for s in a.sources[:1] + b.sources[:1]]})
        return out


PEOPLE = {"FRA": ["Emmanuel Macron", "Jean-Noël Barrot", "Macron"], "VNM": ["To Lam", "Pham Minh Chinh"],
          "RUS": ["Vladimir Poutine", "Sergueï Lavrov"], "USA": ["Joe Biden", "Antony Blinken"]}


def random_date(rng: random.Random, day: dt.date) -> tuple[str | None, str | None]:
    r = rng.random()
    if r < 0.06:
        return None, None
    if r < 0.10:
        return f"--{day.month:02d}-{day.day:02d}", None
    if r < 0.14:
        return f"{day.year}-{day.month:02d}", None
    if r < 0.16:
        return str(day.year), None
    if r < 0.26:
        return day.isoformat(), (day + dt.timedelta(days=rng.randint(1, 6))).isoformat()
    return day.isoformat(), None


def random_report(rng: random.Random, doc: str, start: dt.date, n: int) -> dict:
    typ = rng.choice(["meeting", "meeting", "call", "visit", "agreement", "upgrade"])
    pair = rng.choice([("FRA", "VNM"), ("FRA", "VNM"), ("RUS", "USA"), ("SUN", "USA")])
    day = start + dt.timedelta(days=21 * rng.randint(0, 60) + rng.choice([0, 0, 1, 2, 3, 30, 33]))
    ds, de = random_date(rng, day)
    rec = {"kind": "event", "doc": doc, "type": typ, "countries": list(pair), "date_start": ds, "date_end": de,
           "status": rng.choice(["happened"] * 6 + ["planned"]),
           "sources": [{"doc": doc, "start": 10 * n, "end": 10 * n + 8, "text": f"phrase {n}"}],
           "participants": [{"name": rng.choice(PEOPLE[c if c != "SUN" else "RUS"]), "country": c, "role": None}
                            for c in pair if rng.random() < 0.5]}
    if typ == "visit":
        rec["guest"], rec["host"] = rng.choice([pair, pair[::-1]])
        rec["visit_kind"] = rng.choice([None, "state", "official", "working"])
    if typ == "upgrade":
        rec["level"] = rng.choice(["strategic_partnership", "comprehensive_strategic_partnership"])
    if typ == "agreement":
        rec["instrument"] = rng.choice([None, None, "memorandum", "treaty"])
        rec["count"] = rng.choice([None, None, 2, 5])
    if typ in ("meeting", "call"):
        rec["counterpart"] = rng.choice([None, None, None, "head_of_state", "parliament_speaker"])
    if rng.random() < 0.2:
        rec["location"] = rng.choice(["Paris", "Hanoï"])
    return rec


def registry() -> ActorRegistry:
    docs = [("p", None, [{"kind": "person", "name": n, "country": c, "sources": []}
                         for c, names in PEOPLE.items() for n in names])]
    return ActorRegistry().add_all(docs)


@pytest.mark.parametrize("round_", range(12))
def test_event_merge_by_blocks_equals_the_plain_clustering(round_):
    rng = random.Random(SEED * 100 + round_)
    start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    records = []
    for d in range(rng.randint(20, 120)):
        doc = f"doc{rng.randint(0, 10 ** 6):07d}"
        for n in range(rng.choice([1, 1, 1, 2, 3])):
            records.append(random_report(rng, doc, start, n))
    if round_ % 3 == 0:  # identical reports of one event by many articles
        records += [dict(records[0], doc=f"copy{k:04d}",
                         sources=[{"doc": f"copy{k:04d}", "start": 0, "end": 5, "text": "copie"}]) for k in range(30)]
    rng.shuffle(records)
    reg = registry()
    expected = ReferenceMerger(reg).merge(records)
    assert EventMerger(reg).merge(records) == expected, f"seed {SEED}"


def test_a_busy_dyad_reporting_every_few_weeks_conflicts_only_within_the_window():
    """Reports of one dyad every 20 days for three years, each told twice one day apart: a conflict of the
    two articles, and one of each with both reports of the next meeting (19 to 21 days on), none further."""
    records = []
    day = dt.date(2021, 1, 5)
    for k in range(55):
        d = day + dt.timedelta(days=20 * k)
        for art, shift in (("a", 0), ("b", 1)):
            doc = f"{art}{k:03d}"
            records.append({"kind": "event", "doc": doc, "type": "meeting", "countries": ["FRA", "VNM"],
                            "status": "happened", "date_start": (d + dt.timedelta(days=shift)).isoformat(),
                            "sources": [{"doc": doc, "start": 0, "end": 5, "text": "texte"}], "participants": []})
    reg = ActorRegistry()
    events, conflicts = EventMerger(reg).merge(records)
    assert (events, conflicts) == ReferenceMerger(reg).merge(records)
    assert len(events) == 110 and len(conflicts) == 55 + 4 * 54


def test_conflict_probes_given_the_block_of_a_link_key_are_those_computed_from_the_record():
    """``blocks.conflict_probes(rec, block=...)`` (the incremental merge passes the block of a report's first link
    key, known already, rather than compute it again) gives the probes computed from the record alone, for reports
    of every type, date form and pair (successor states: SUN's block is RUS's)."""
    from communique.merge.blocks import block_of, conflict_probes, link_keys

    rng = random.Random(SEED)
    for n in range(300):
        rec = random_report(rng, f"doc{n}", dt.date(2019, 1, 1), n)
        keys = link_keys(rec)
        assert keys and len({block_of(k) for k in keys}) == 1
        assert conflict_probes(rec, block=block_of(keys[0])) == conflict_probes(rec), (rec, SEED)


def test_an_event_block_read_from_the_record_is_that_of_the_event_it_makes():
    """``blocks.event_block`` reads the record's fields without making the whole event: the block ``Event.from_record``
    gives (type defaulted, status defaulted, countries folded by their successors, guest and host of a visit, level of
    an upgrade)."""
    import itertools

    from communique.extract.successors import Successors
    from communique.merge.blocks import _canonical_countries, _j, _months, event_block
    from communique.records import Event

    succ = Successors.load()

    def before(rec):
        e = Event.from_record(rec)
        guest = host = level = None
        if e.type == "visit":
            guest, host = succ.canonical(e.guest or ""), succ.canonical(e.host or "")
        if e.type == "upgrade":
            level = e.level
        return "e|" + _j(e.type, e.status, _canonical_countries(e.countries, succ), guest, host, level)

    types = [None, "visit", "upgrade", "meeting", "agreement"]
    statuses = [None, "", "happened", "planned"]
    countries = [None, [], ["SUN", "FRA"], ["RUS", "FRA", "FRA"], ("DEU",)]
    for typ, status, codes, guest, level in itertools.product(types, statuses, countries, [None, "SUN", "FRA"],
                                                              [None, "embassy"]):
        rec = {"kind": "event", "status": status, "countries": codes, "guest": guest, "host": "USA", "level": level,
               "sources": [{"doc": "d", "start": 0}], "participants": [{"name": "X", "country": "FRA"}]}
        if typ is not None:
            rec["type"] = typ
        assert event_block(rec, succ) == before(rec), rec
    assert _months("2024-01-30", "2024-03-02", 0) == ("2024-01", "2024-02", "2024-03")
    assert _months("2024-01-30", "2024-13-02", 0) is None and _months("2024", "2024", 0) is None


def test_a_report_first_day_read_from_the_record_is_that_of_the_event_it_makes():
    """``events._first_day`` reads the block and the dates from the record's fields: what the whole event gives."""
    import itertools

    from communique.merge.events import _first_day

    merger = EventMerger(ActorRegistry())
    for typ, status, codes, dates in itertools.product(
            [None, "visit", "upgrade", "call"], [None, "happened", "planned"], [None, ["SUN", "FRA"], ["FRA", "RUS"]],
            [(None, None), ("2024-05-03", None), ("2024-05", "2024-06"), ("--05-03", None), ("2024", None)]):
        rec = {"kind": "event", "status": status, "countries": codes, "guest": "SUN", "host": "FRA", "level": "x",
               "date_start": dates[0], "date_end": dates[1], "sources": [{"doc": "d", "start": 0}],
               "participants": [{"name": "X", "country": "FRA"}]}
        if typ is not None:
            rec["type"] = typ
        e = Event.from_record(rec)
        span = span_of(e.date_start, e.date_end)
        assert _first_day(merger, rec) == (None if span is None else ((merger.block(e), len(span[0])), _days(span[0])))
