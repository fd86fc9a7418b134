"""Events told by several articles, merged.

In: per-document event records and the actor registry. Out: merged event records (no ``doc``; every
source of every article that reported the event) and date conflicts.

Two reports are one event when they have the same type, the same parties (a historical state counts as
its successor: the Soviet Union as Russia), for a visit the same guest and host, for an upgrade the same
level, compatible dates, and participants that do not contradict each other (two talks of one
delegation with two different counterparts the same day stay two). Reports from the same article were
already merged by extract, so two events of one article are never merged here.
"""
from __future__ import annotations

import bisect
import heapq
import json
from typing import Any, Protocol

from ..extract.dates import overlaps, span_of, width
from ..extract.successors import Successors
from ..names import name_key
from ..records import Event, Participant, Source
from ..resolve import ActorRegistry

CONFLICT_WINDOW_DAYS = 31  # two datings of one event further apart than this are two events
#: when as many reports call a visit one kind as another, the more formal kind wins: an article that
#: names the protocol level knows it, while "visite de travail" is also said loosely of a whole tour
VISIT_KIND_RANK = {"state": 3, "official": 2, "working": 1}


def _parties(e: Event, succ: Successors) -> frozenset:
    return frozenset(succ.canonical(c) for c in e.countries)


class _Group:
    def __init__(self, e: Event, doc: str):
        self.first: tuple = ()  # the canonical key of the first member (EventMerger.cluster)
        self.summary: _Summary | None = None
        self.members: list[tuple[str, Event]] = [(doc, e)]
        self.doc_set: set[str] = {doc}

    @property
    def docs(self) -> set[str]:
        return {d for d, _ in self.members}


class EventMerger:
    def __init__(self, registry: ActorRegistry):
        self.registry = registry
        self.succ = Successors.load()
        self._persons: dict[tuple, object] = {}  # the registry does not change during a merge
        self._names: dict[tuple, str] = {}  # (name, country) -> the name of the person it is (``participant``)
        self._kinds: dict[int, tuple] = {}  # id(event) -> what ``same_kind`` reads of it (``_kind``)

    def person(self, p: Participant):
        """Who a participant is: the registry's person it names (by its name, country and spellings, the
        same in every registry built from the same persons), else its name."""
        key = (p.name, p.country)
        if key not in self._persons:
            c = self.registry.match(p.name, p.country)
            self._persons[key] = (("person", c.name, c.country or "", tuple(sorted({name_key(n) for n in c.names})))
                                  if c is not None else ("name", p.name))
        return self._persons[key]

    def same_kind(self, a: Event, b: Event) -> bool:
        (_a, block_a, persons_a), (_b, block_b, persons_b) = self._kind(a), self._kind(b)
        if block_a != block_b:  # type, status, parties; a visit's guest and host; an upgrade's level
            return False
        if a.type == "agreement":
            if a.instrument not in GENERIC_INSTRUMENTS and b.instrument not in GENERIC_INSTRUMENTS \
                    and a.instrument != b.instrument:
                return False
            if a.count and b.count and a.count != b.count:
                return False
        if a.type in ("meeting", "call"):
            if a.counterpart and b.counterpart and a.counterpart != b.counterpart:
                return False  # talks with the president and with the speaker of the same country
            for code, pa in persons_a.items():  # (the parties are the same: the blocks are)
                pb = persons_b.get(code)
                if pb and not pa & pb:
                    return False
        return True

    def _kind(self, e: Event) -> tuple[Event, tuple, dict[str, frozenset]]:
        """What ``same_kind`` reads of an event, computed once per event (a date conflict's first report is
        compared with every report near it, thousands of pairs per update): ``(event, block, persons)``, the
        persons per party of a meeting or call those it names of that party's country (``person``), the parties
        with none left out; the event held, so that its id is not another's."""
        held = self._kinds.get(id(e))
        if held is None or held[0] is not e:
            held = self._kinds[id(e)] = (e, self.block(e), self._persons_of(e))
        return held

    def compatible(self, a: Event, b: Event) -> bool:
        return self.same_kind(a, b) and overlaps(span_of(a.date_start, a.date_end), span_of(b.date_start, b.date_end))

    def block(self, e: Event) -> tuple:
        """What ``same_kind`` compares besides agreements' and meetings' details: two events of different
        blocks are never the same kind."""
        return (e.type, e.status, _parties(e, self.succ),
                (self.succ.canonical(e.guest or ""), self.succ.canonical(e.host or "")) if e.type == "visit" else None,
                e.level if e.type == "upgrade" else None)

    def merge(self, records: list[dict]) -> tuple[list[dict], list[dict]]:
        """The merged events of ``records`` (``cluster``) and their date conflicts."""
        groups = self.cluster(records)
        return [self._merged(g).to_record() for g in groups], [c for _i, _j, c in self._date_conflict_pairs(groups)]

    def cluster(self, records: list[dict]) -> list[_Group]:
        """Complete-link clustering in a canonical order: each report joins the first group (in the order
        groups were started) of other articles whose every member it is ``compatible`` with, else starts
        one. Computed per block and per set of reports whose dates overlap (a report can only join a
        group whose members all overlap it), each group's members summed up (``_Summary``) so that a
        report is checked against a group at once: the result is that of checking every member. The
        groups in the order they were started (each with the canonical key of its first report)."""
        # a canonical order (a total one: two records differ in the last key if in nothing else), so
        # that the result depends neither on the order documents were read in nor on the order the
        # database returned their records
        ordered = sorted(((_canonical_key(r), r) for r in records), key=lambda x: x[0])
        events = [(r.get("doc") or "", Event.from_record(r)) for _k, r in ordered]
        spans = [span_of(e.date_start, e.date_end) for _d, e in events]
        blocks: dict[tuple, list[int]] = {}
        for i, (_doc, e) in enumerate(events):
            blocks.setdefault(self.block(e), []).append(i)
        started: list[tuple[int, _Group]] = []  # (index of the first member, group)
        for members in blocks.values():
            for part in _overlapping(members, spans):
                groups: list[tuple[_Group, _Summary]] = []
                for i in part:
                    doc, e = events[i]
                    info = self._info(e, spans[i])
                    target = next((gs for gs in groups if doc not in gs[0].doc_set and gs[1].accepts(info)), None)
                    if target is None:
                        g = _Group(e, doc)
                        g.first = ordered[i][0]
                        g.summary = _Summary(info)
                        groups.append((g, g.summary))
                        started.append((i, g))
                    else:
                        target[0].members.append((doc, e))
                        target[0].doc_set.add(doc)
                        target[1].add(info)
        started.sort(key=lambda x: x[0])
        return [g for _i, g in started]

    def _persons_of(self, e: Event) -> dict[str, frozenset]:
        """Per party of a meeting or call, the persons it names of that party's country (``person``); the parties
        with none left out ({} for another type)."""
        persons: dict[str, frozenset] = {}
        if e.type in ("meeting", "call"):
            for code in _parties(e, self.succ):
                ps = frozenset(self.person(p) for p in e.participants
                               if p.country and self.succ.canonical(p.country) == code)
                if ps:
                    persons[code] = ps
        return persons

    def _info(self, e: Event, span: tuple[str, str] | None) -> _Info:
        persons = self._persons_of(e)
        agreement = e.type == "agreement"
        return _Info(span, e.instrument if agreement else None, e.count if agreement else None,
                     e.counterpart if e.type in ("meeting", "call") else None, persons)

    def _merged(self, g: _Group) -> Event:
        agg = _Aggregate()
        for doc, e in g.members:  # in order, each of another document: the document is the place
            agg.add(self, e, (doc,))
        return agg.event()

    def participant(self, p: Participant) -> Participant:
        key = (p.name, p.country)  # (looked up once: the same persons are named by most reports of a group)
        name = self._names.get(key)
        if name is None:
            c = self.registry.match(p.name, p.country)
            name = self._names[key] = c.name if c is not None else p.name
        return Participant(name, p.country, p.role)

    def _date_conflicts(self, groups: list[_Group]) -> list[dict]:
        return [c for _i, _j, c in self._date_conflict_pairs(groups)]

    def _date_conflict_pairs(self, groups: list[_Group], skip: Any = None) -> list[tuple[int, int, dict]]:
        """The same event (same kind, parties and people) dated on days that cannot be the same, by two
        articles: both datings are kept as events, and the contradiction is reported.

        Pairs of groups in the order they were started; only the pairs whose first reports are of one
        block and start at most ``CONFLICT_WINDOW_DAYS`` apart are looked at (no other pair conflicts), and
        not those for which ``skip(i, j)`` is true (their conflicts are not wanted).
        Each conflict as ``(i, j, record)``, ``i < j`` the indices of its two groups."""
        candidates: dict[tuple, list[tuple[int, int]]] = {}  # (block, kind of date) -> (day, group index)
        firsts = []
        for i, g in enumerate(groups):
            a = g.members[0][1]
            sa = span_of(a.date_start, a.date_end)
            firsts.append((a, sa))
            if sa is not None:
                candidates.setdefault((self.block(a), len(sa[0])), []).append((_days(sa[0]), i))
        pairs: list[tuple[int, int]] = []
        for days in candidates.values():
            days.sort()
            for k, (d, i) in enumerate(days):
                for d2, j in days[k + 1:]:
                    if d2 - d > CONFLICT_WINDOW_DAYS:
                        break
                    pairs.append((min(i, j), max(i, j)))
        if skip is not None:
            pairs = [(i, j) for i, j in pairs if not skip(i, j)]
        pairs.sort()
        out = []
        docs: dict[int, set[str]] = {}  # group index -> its documents (built once: a group is in many pairs)
        for i, j in pairs:
            for k in (i, j):
                if k not in docs:
                    docs[k] = groups[k].docs
            rec = self.date_conflict(firsts[i], docs[i], firsts[j], docs[j])
            if rec is not None:
                out.append((i, j, rec))
        return out

    def date_conflict(self, first: tuple, docs: set[str], other: tuple, other_docs: set[str]) -> dict | None:
        """The date conflict of two groups of one block whose first reports (``(event, span)``, ``first`` the
        one started first) start at most ``CONFLICT_WINDOW_DAYS`` apart, or None (``_date_conflict_pairs``)."""
        (a, sa), (b, sb) = first, other
        # (the cheap tests first: the result is the same in any order)
        if a.status != "happened" or overlaps(sa, sb) or not docs.isdisjoint(other_docs) or not self.same_kind(a, b):
            return None
        return {"kind": "conflict", "about": "event", "field": "date", "type": a.type,
                "countries": sorted(set(a.countries)), "values": [_date_text(a), _date_text(b)],
                "sources": [s.to_record() for s in a.sources[:1] + b.sources[:1]]}


def _best_order(e: Event) -> tuple:
    return (width(e.date_start, e.date_end), not (e.date_start or "").strip("-")[:1].isdigit()
            or (e.date_start or "").startswith("--"))


class _Aggregate:
    """What the merged event of a group is computed from (``EventMerger._merged``), as the members come:
    each added with its place ``at`` in the group's order (members may come out of order: each choice
    that goes to the first member in order, or breaks a tie by it, keeps that member's place)."""

    def __init__(self):
        self.best: tuple | None = None  # (order, at, event)
        self.full: tuple | None = None  # (width, at, event): the narrowest full date
        self.participants: dict[tuple, tuple] = {}  # person -> (at, Participant): its first mention
        self.sources: dict[tuple, tuple] = {}  # source -> (at, Source): its first telling
        self.kinds: dict[str, int] = {}
        self.location: tuple | None = None  # (at, value): the first given
        self.count = None
        self.instrument: tuple | None = None
        self.title: tuple | None = None  # (-length, at, value)
        self.orgs: set[str] = set()
        self.counterpart: tuple | None = None
        #: read from a state that keeps no sources (``_agg_data``): ``sources`` holds those added since only, the
        #: others are kept apart with the merged event (the store's ``merged_fact_sources``)
        self.partial = False

    def add(self, merger: EventMerger, e: Event, at: tuple) -> None:
        if self.best is None or (_best_order(e), at) < self.best[:2]:
            self.best = (_best_order(e), at, e)
        if e.date_start and not e.date_start.startswith("--"):
            w = width(e.date_start, e.date_end)
            if self.full is None or (w, at) < self.full[:2]:
                self.full = (w, at, e)
        for i, p in enumerate(e.participants):
            key = merger.person(p)
            held = self.participants.get(key)
            if held is None or at + (i,) < held[0]:
                self.participants[key] = (at + (i,), merger.participant(p))
        for i, src in enumerate(e.sources):
            key = (src.doc, src.start, src.end, src.text)
            held = self.sources.get(key)
            if held is None or at + (i,) < held[0]:
                self.sources[key] = (at + (i,), src)
        if e.visit_kind and e.visit_kind != "unspecified":
            self.kinds[e.visit_kind] = self.kinds.get(e.visit_kind, 0) + 1
        for name in ("location", "instrument", "counterpart"):
            value = getattr(e, name)
            if value and (getattr(self, name) is None or at < getattr(self, name)[0]):
                setattr(self, name, (at, value))
        if e.count:
            self.count = max(self.count, e.count) if self.count else e.count
        if e.title and (self.title is None or (-len(e.title), at) < self.title[:2]):
            self.title = (-len(e.title), at, e.title)
        self.orgs.update(e.orgs)

    def event(self) -> Event:
        best = self.best[2]
        out = Event(doc=None, type=best.type, countries=list(best.countries), date_start=best.date_start,
                    date_end=best.date_end, guest=best.guest, host=best.host, level=best.level, status=best.status,
                    cameo=best.cameo, plover=best.plover, plover_mode=best.plover_mode)
        # a full date beats a yearless one of the same days ("2025-05-05" over "--05-05")
        if best.date_start and best.date_start.startswith("--") and self.full is not None:
            out.date_start, out.date_end = self.full[2].date_start, self.full[2].date_end
        out.participants = [p for _at, p in sorted(self.participants.values(), key=lambda x: x[0])]
        out.sources = [s for _at, s in sorted(self.sources.values(), key=lambda x: x[0])]
        kinds = self.kinds
        # the kind most reports give; a tie goes by rank, then by name, never by the order of a set
        out.visit_kind = (max(kinds, key=lambda k: (kinds[k], VISIT_KIND_RANK.get(k, 0), k)) if kinds
                          else (best.visit_kind if best.type == "visit" else None))
        out.location = self.location[1] if self.location else None
        out.count = self.count
        out.instrument = self.instrument[1] if self.instrument else None
        out.title = self.title[2] if self.title else None
        out.orgs = sorted(self.orgs)
        out.counterpart = self.counterpart[1] if self.counterpart else None
        return out


class _Info:
    """What ``compatible`` reads of a report of a known block: its span, agreement details, counterpart,
    and per party the persons it names (``EventMerger.person``)."""

    __slots__ = ("span", "instrument", "count", "counterpart", "persons")

    def __init__(self, span, instrument, count, counterpart, persons: dict[str, frozenset]):
        self.span, self.instrument, self.count, self.counterpart, self.persons = (
            span, instrument, count, counterpart, persons)


#: instruments that any kind of signed text may be called ("l'accord", "the agreement", "les documents"): one
#: outlet's "agreement" may be another's "joint communiqué", so they clash with no specific instrument
GENERIC_INSTRUMENTS = {None, "agreement", "other"}


class _Summary:
    """The members of a group, as much as ``compatible`` needs to check a report against all of them:
    per length of first day (``overlaps`` compares days of two lengths by month and day only), the
    latest first day and the earliest last day, whole and as month-day; the agreement details and
    counterparts given; per party, the distinct sets of persons named."""

    def __init__(self, info: _Info):
        self.bounds: dict[int, list[str]] = {}
        self.instruments: set = set()
        self.counts: set = set()
        self.counterparts: set = set()
        self.persons: dict[str, set[frozenset]] = {}
        self.add(info)

    def add(self, info: _Info) -> None:
        if info.span is not None:
            a, b = info.span
            n = len(a)
            if n not in self.bounds:
                self.bounds[n] = [a, b, a[-5:], b[-5:]]
            else:
                x = self.bounds[n]
                x[0], x[1], x[2], x[3] = max(x[0], a), min(x[1], b), max(x[2], a[-5:]), min(x[3], b[-5:])
        if info.instrument:
            self.instruments.add(info.instrument)
        if info.count:
            self.counts.add(info.count)
        if info.counterpart:
            self.counterparts.add(info.counterpart)
        for code, ps in info.persons.items():
            self.persons.setdefault(code, set()).add(ps)

    def accepts(self, info: _Info) -> bool:
        """Whether ``compatible(report, member)`` holds for every member (the block being the same)."""
        if info.span is not None:
            a, b = info.span
            n = len(a)
            for m, (first, last, first_md, last_md) in self.bounds.items():
                if m == n:
                    if b < first or last < a:
                        return False
                elif b[-5:] < first_md or last_md < a[-5:]:
                    return False
        if info.instrument not in GENERIC_INSTRUMENTS and self.instruments - GENERIC_INSTRUMENTS - {info.instrument}:
            return False
        if info.count and self.counts - {info.count}:
            return False
        if info.counterpart and self.counterparts - {info.counterpart}:
            return False
        for code, ps in info.persons.items():
            if any(not ps & other for other in self.persons.get(code, ())):
                return False
        return True


def _overlapping(members: list[int], spans: list) -> list[list[int]]:
    """``members`` (indices, in order) split into the sets of those whose spans overlap, transitively
    (each set in order). A report without a date, or one whose first day is not ``YYYY-MM-DD`` (a
    yearless date compares by month and day with every year), meets every report."""
    wild = [i for i in members if spans[i] is None or len(spans[i][0]) != 10]
    if wild:
        return [members]
    order = sorted(members, key=lambda i: spans[i])
    parts: list[list[int]] = []
    end = None
    for i in order:
        a, b = spans[i]
        if end is None or a > end:
            parts.append([i])
            end = b
        else:
            parts[-1].append(i)
            end = max(end, b)
    return [sorted(p) for p in parts]


def _canonical_key(rec: dict) -> tuple:
    """Type, document, first offset, then the whole record: a total order that depends on content only."""
    sources = rec.get("sources") or []
    start = sources[0].get("start", 0) if sources and isinstance(sources[0], dict) else 0
    return (rec.get("type") or "", rec.get("doc") or "", start if isinstance(start, int) else 0,
            json.dumps(rec, sort_keys=True, ensure_ascii=False, default=str))


def _days(day: str) -> int:
    import datetime as dt
    try:
        return dt.date.fromisoformat(day).toordinal()
    except ValueError:
        m, d = (int(x) for x in day[-5:].split("-"))
        return m * 31 + d


def _date_text(e: Event) -> str:
    return e.date_start + (f"/{e.date_end}" if e.date_end else "") if e.date_start else "unknown"

# ---------------------------------------------------------------------------------------------------------
# the events of a merge group whose block holds an undated report (one part: every report meets every other),
# kept per *cluster* (a group of ``cluster``: one merged event), so that new reports are merged in place
# reading and writing only the clusters they can meet, whatever the size of the block (``store.merged``)

#: clusters read at most at a time when a report without a full date looks for the first cluster that takes
#: it (4 at first, twice as many each time)
PAGE = 256


def _tup(x):
    return tuple(_tup(y) for y in x) if isinstance(x, list) else x


def _span(e: Event):
    return span_of(e.date_start, e.date_end)


def _wild(span) -> bool:
    return span is None or len(span[0]) != 10


def day_number(day: str) -> int | None:
    """A full day ``YYYY-MM-DD`` as a number in the order of the strings (None for another form): the days
    of the store's range queries."""
    digits = day[:4] + day[5:7] + day[8:]
    if len(day) != 10 or day[4] != "-" or day[7] != "-" or not (digits.isascii() and digits.isdigit()):
        return None
    return int(digits)


def _md_number(day: str) -> int | None:
    """The month and day of a day (its last five characters, ``MM-DD``) as a number in their order."""
    md = day[-5:]
    digits = md[:2] + md[3:]
    if len(md) != 5 or md[2] != "-" or not (digits.isascii() and digits.isdigit()):
        return None
    return int(digits)


def _md_of(span) -> tuple[int, int] | None:
    """A span as month and day (``overlaps`` compares spans of two lengths so), as ``_md_number``s; None for
    no span, an odd one, or one that ends in a later year on an earlier month and day (it meets none)."""
    if span is None:
        return None
    a, b = _md_number(span[0]), _md_number(span[1])
    return None if a is None or b is None or b < a else (a, b)


def _days_of(span) -> tuple[int, int] | None:
    """A span of full days as ``day_number``s; None for a span that meets every report or an odd one."""
    if _wild(span):
        return None
    a, b = day_number(span[0]), day_number(span[1])
    return None if a is None or b is None else (a, b)


def key_bytes(key: tuple) -> bytes | None:
    """A canonical key (``_canonical_key``) as bytes in the same order, for the store's index; None where it
    cannot be written so (a NUL in the type or document id, an offset out of range)."""
    typ, doc, start, body = key
    if "\x00" in typ or "\x00" in doc or not 0 <= start < 10 ** 12:
        return None
    try:  # json.dumps writes control characters escaped: the body holds no NUL
        return f"{typ}\x00{doc}\x00{int(start):012d}\x00{body}".encode("utf-8")
    except UnicodeEncodeError:
        return None


class _Cluster:
    """One group of a block: its first report, documents, ``_Summary``, ``_Aggregate``, and whether a member
    meets every report by its date (``wild``) or else the days its members' dates cover (``hull``).

    ``docs``: its documents as stored (None: not read yet; a cluster of an undated report may hold a document of
    every copy of an article: thousands); ``added``: the documents of the reports this update added (new documents,
    in no stored cluster of the group), sorted."""

    def __init__(self, first: dict, key: tuple, summary: _Summary, agg: _Aggregate, docs: list[str] | None,
                 wild: bool, hull: list | None, id_: int):
        self.first, self.key, self.summary, self.agg, self.docs = first, key, summary, agg, docs
        self.added: list[str] = []
        self.wild, self.hull, self.id = wild, hull, id_
        self._first: tuple | None = None
        self._first_summary: _Summary | None = None

    def first_event(self) -> tuple:
        """``(event, span)`` of the first report."""
        if self._first is None:
            e = Event.from_record(self.first)
            self._first = (e, _span(e))
        return self._first

    def first_summary(self, merger: EventMerger) -> _Summary:
        """The summary of the first report alone (what the group held for sure when any later report came)."""
        if self._first_summary is None:
            e, span = self.first_event()
            self._first_summary = _Summary(merger._info(e, span))
        return self._first_summary

    def all_docs(self) -> list[str]:
        """Its documents, stored and added (the stored ones read)."""
        if self.docs is None:
            raise ValueError(f"the documents of cluster {self.id} were not read")
        return sorted([*self.docs, *self.added]) if self.added else self.docs

    def doc_set(self) -> set[str]:
        """Its documents as far as a date conflict with another cluster of the update tells them: those added, and
        the stored ones where they were read (a stored cluster not read holds none of the new documents: it meets
        one that holds only new documents in none)."""
        return {*(self.docs or ()), *self.added}

    def take(self, span) -> None:
        if _wild(span):
            self.wild = True
        elif self.hull is None:
            self.hull = [span[0], span[1]]
        else:
            self.hull = [min(self.hull[0], span[0]), max(self.hull[1], span[1])]

    def row(self) -> dict:
        """The cluster as the store keeps it: its id, key (``key_bytes``), what its first report's dates
        and its members' dates are looked up by, and its state (JSON data)."""
        _e, span = self.first_event()
        first = _days_of(span)
        # a full-day span unread as days compares as a string with others of full days: never left out
        md = None if span is not None and len(span[0]) == 10 and first is None else _md_of(span)
        hull = _days_of(self.hull) if self.hull is not None else None
        open_ = self.wild or hull is None  # meets every report after it by its dates
        return {"cluster": self.id, "sort_key": key_bytes(self.key),
                "first_len": len(span[0]) if span is not None else None,
                "first_day": _days(span[0]) if span is not None else None,
                "first_start": first and first[0], "first_end": first and first[1],
                "first_md_start": md and md[0], "first_md_end": md and md[1], "wild": open_,
                "hull_start": None if open_ else hull[0], "hull_end": None if open_ else hull[1],
                "first": self.first, "docs": self.all_docs(),
                "state": {"summary": _summary_data(self.summary), "agg": _agg_data(self.agg), "wild": self.wild,
                          "hull": self.hull}}


def _data(x):
    """A row's JSON column, as data (a source may give it as JSON text)."""
    return json.loads(x) if isinstance(x, str) else x


def _cluster_of(row: dict) -> _Cluster:
    """A cluster from its row; without ``state`` (its first report only, what date conflicts read), one whose
    summary and aggregate are not known; without ``docs``, one whose documents are not read yet."""
    first, st = _data(row["first"]), _data(row.get("state"))
    docs = list(_data(row["docs"])) if row.get("docs") is not None else None
    if st is None:
        return _Cluster(first, _canonical_key(first), None, None, docs, row["wild"], None, row["cluster"])
    return _Cluster(first, _canonical_key(first), _summary_of(st["summary"]), _agg_of(st["agg"]), docs, st["wild"],
                    st["hull"], row["cluster"])


def _summary_data(sm: _Summary) -> dict:
    return {"bounds": {str(n): b for n, b in sm.bounds.items()}, "instruments": sorted(sm.instruments, key=str),
            "counts": sorted(sm.counts), "counterparts": sorted(sm.counterparts),
            "persons": {c: sorted(sorted(ps) for ps in v) for c, v in sm.persons.items()}}


def _summary_of(d: dict) -> _Summary:
    sm = _Summary.__new__(_Summary)
    sm.bounds = {int(n): list(b) for n, b in d["bounds"].items()}
    sm.instruments, sm.counts, sm.counterparts = set(d["instruments"]), set(d["counts"]), set(d["counterparts"])
    sm.persons = {c: {frozenset(_tup(p) for p in ps) for ps in v} for c, v in d["persons"].items()}
    return sm


def _agg_data(a: _Aggregate) -> dict:
    return {"best": [list(a.best[0]), list(a.best[1]), a.best[2].to_record()],
            "full": None if a.full is None else [a.full[0], list(a.full[1]), a.full[2].to_record()],
            "participants": [[k, list(at), p.to_record()] for k, (at, p) in a.participants.items()],
            # no sources: they grow with every report, and the merged event keeps them (in the order of their
            # documents, where a new report's are inserted: none of its document is there yet)
            "kinds": a.kinds, "location": a.location and [list(a.location[0]), a.location[1]], "count": a.count,
            "instrument": a.instrument and [list(a.instrument[0]), a.instrument[1]],
            "title": a.title and [a.title[0], list(a.title[1]), a.title[2]], "orgs": sorted(a.orgs),
            "counterpart": a.counterpart and [list(a.counterpart[0]), a.counterpart[1]]}


def _agg_of(d: dict) -> _Aggregate:
    a = _Aggregate()
    a.best = (_tup(d["best"][0]), _tup(d["best"][1]), Event.from_record(d["best"][2]))
    a.full = None if d["full"] is None else (d["full"][0], _tup(d["full"][1]), Event.from_record(d["full"][2]))
    a.participants = {_tup(k): (_tup(at), Participant(p.get("name"), p.get("country"), p.get("role")))
                      for k, at, p in d["participants"]}
    for at, s in d.get("sources", ()):  # (a state of an older communique)
        src = Source(s["doc"], s["start"], s["end"], s["text"])
        a.sources[(src.doc, src.start, src.end, src.text)] = (_tup(at), src)
    a.partial = "sources" not in d
    a.kinds = dict(d["kinds"])
    a.location = d["location"] and (_tup(d["location"][0]), d["location"][1])
    a.count = d["count"]
    a.instrument = d["instrument"] and (_tup(d["instrument"][0]), d["instrument"][1])
    a.title = d["title"] and (d["title"][0], _tup(d["title"][1]), d["title"][2])
    a.orgs = set(d["orgs"])
    a.counterpart = d["counterpart"] and (_tup(d["counterpart"][0]), d["counterpart"][1])
    return a


def _header(rows: list[dict], header: dict | None = None) -> dict:
    """The group's own state: the next cluster id, and the widest span of a first report and of a cluster's
    members (in ``day_number``s: how far before a day the store looks for spans that reach it)."""
    out = dict(header or {"next": 0, "first_width": 0, "md_width": 0, "hull_width": 0})
    for r in rows:
        out["next"] = max(out["next"], r["cluster"] + 1)
        if r["first_start"] is not None:
            out["first_width"] = max(out["first_width"], r["first_end"] - r["first_start"])
        if r["first_md_start"] is not None:
            out["md_width"] = max(out["md_width"], r["first_md_end"] - r["first_md_start"])
        if r["hull_start"] is not None:
            out["hull_width"] = max(out["hull_width"], r["hull_end"] - r["hull_start"])
    return out


def event_state(merger: EventMerger, groups: list[_Group]) -> tuple[dict, list[dict]] | None:
    """The state of a merge group's events, from its groups as ``EventMerger.cluster`` gives them: the
    group's header and a row per cluster (``_Cluster.row``; its id the group's index); None when a key cannot
    be written so that the store orders it (then the group is merged whole when new reports join it)."""
    rows = []
    for i, g in enumerate(groups):
        agg = _Aggregate()
        for doc, e in g.members:
            agg.add(merger, e, (doc,))
        c = _Cluster(json.loads(g.first[3]), g.first, g.summary, agg, sorted(g.doc_set), False, None, i)
        for _doc, e in g.members:
            c.take(_span(e))
        rows.append(c.row())
        if rows[-1]["sort_key"] is None:
            return None
    return _header(rows), rows


class ClusterSource(Protocol):
    """Where the clusters of one merge group are read from (the store; ``MemoryClusters`` in tests). Each
    method returns rows as ``_Cluster.row`` gives them; ``key`` is a ``key_bytes``, days ``day_number``s."""

    def dated_before(self, key: bytes, days: tuple[int, int, int] | None, md: tuple[int, int, int]) -> list[dict]:
        """The clusters whose key is at most ``key`` and whose first report's span may meet a report's: with
        ``days`` ``(lo, hi, end_from)``, those whose first report has a full-day span (``first_start``) that
        starts in ``lo..hi`` and ends on ``end_from`` or later, and those without one whose month-day span
        (``first_md_start``) does the same by ``md``; with ``days`` None, those by ``md`` whatever their
        span; and those without a month-day span."""

    def ordered_before(self, key: bytes, after: bytes | None, limit: int) -> list[dict]:
        """The first ``limit`` clusters, in key order, whose key is above ``after`` and at most ``key``."""

    def meets_after(self, key: bytes, lo: int | None, hi: int | None, start_from: int | None) -> bool:
        """Whether a cluster whose key is above ``key`` is ``wild``, or (``lo`` given) has a hull that
        starts in ``lo..hi`` and ends on ``start_from`` or later, or (``lo`` None) exists at all."""

    def near(self, first_len: int, lo: int, hi: int) -> list[dict]:
        """The clusters whose first report's first day has ``first_len`` characters and ``first_day`` in
        ``lo..hi`` (their rows may leave out ``state``)."""

    def docs_of(self, clusters: list[int]) -> dict[int, list[str]]:
        """The documents of the clusters ``clusters`` (the rows of the other methods may leave them out)."""


class MemoryClusters:
    """A ``ClusterSource`` over rows held in memory."""

    def __init__(self, rows: list[dict] = ()):
        self.rows = {r["cluster"]: r for r in rows}

    def update(self, rows: list[dict]) -> None:
        self.rows.update({r["cluster"]: r for r in rows})

    def dated_before(self, key, days, md):
        def meets(r):
            if r["first_md_start"] is None:
                return True
            if days is not None and r["first_start"] is not None:
                return days[0] <= r["first_start"] <= days[1] and r["first_end"] >= days[2]
            return md[0] <= r["first_md_start"] <= md[1] and r["first_md_end"] >= md[2]

        return [r for r in self.rows.values() if r["sort_key"] <= key and meets(r)]

    def ordered_before(self, key, after, limit):
        rows = sorted((r for r in self.rows.values() if r["sort_key"] <= key and (after is None or r["sort_key"] > after)),
                      key=lambda r: r["sort_key"])
        return rows[:limit]

    def meets_after(self, key, lo, hi, start_from):
        return any(r["sort_key"] > key and (lo is None or r["wild"] or r["hull_start"] is not None and lo <= r["hull_start"]
                                            <= hi and r["hull_end"] >= start_from) for r in self.rows.values())

    def near(self, first_len, lo, hi):
        return [r for r in self.rows.values() if r["first_len"] == first_len and lo <= r["first_day"] <= hi]

    def docs_of(self, clusters):
        return {c: list(_data(self.rows[c]["docs"])) for c in clusters if c in self.rows}


class StarBlock:
    """The events of a merge group whose block holds an undated report, as ``cluster`` gives them, with new
    reports merged in place (``extend``) reading only the clusters each can meet: for a report with a full
    day, those started before it whose first report's dates may meet its own (few, found by their days);
    for one without, those started before it, in order, up to the first that may take it.

    ``ensure(records)``: called before the persons that records name are looked up (``merger.person``), so
    that the merger's registry can answer for them. After ``extend``: ``events()``, ``conflicts()`` and
    ``rows()`` of the clusters it changed or started (``changed``), and the group's ``header``.

    The documents of the clusters read are not needed to place the new reports (of new documents: in no stored
    cluster), nor for the date conflicts of a cluster started (with new documents only); they are read for the
    clusters changed only (``rows``: a cluster's row holds them all)."""

    def __init__(self, merger: EventMerger, source: ClusterSource, header: dict, ensure=None):
        self.merger, self.source, self.header = merger, source, dict(header)
        self.ensure = ensure or (lambda records: None)
        self.mem: dict[int, _Cluster] = {}  # the clusters read or started in this update, by id
        self.light: dict[int, _Cluster] = {}  # clusters read for their first report and documents only
        self.new: list[_Cluster] = []  # started in this update
        self.changed: set[int] = set()

    def _load(self, rows: list[dict]) -> list[_Cluster]:
        """The clusters of rows with their state (those read before as they are now)."""
        fresh = [_cluster_of(r) for r in rows if r["cluster"] not in self.mem]
        if fresh:
            self.ensure([c.first for c in fresh])
        for c in fresh:
            self.mem[c.id] = c
        return [self.mem[r["cluster"]] for r in rows]

    def _firsts(self, rows: list[dict]) -> list[_Cluster]:
        """The clusters of rows that may leave out their state: their first reports and documents only."""
        fresh = [_cluster_of(r) for r in rows if r["cluster"] not in self.mem and r["cluster"] not in self.light]
        if fresh:
            self.ensure([c.first for c in fresh])
        for c in fresh:
            self.light[c.id] = c
        return [self.mem.get(r["cluster"]) or self.light[r["cluster"]] for r in rows]

    def _before(self, key: tuple, kb: bytes, span):
        """The clusters whose key is at most ``key`` that may take a report of ``span`` by its dates, in
        key order (those read from the source, and those started in this update)."""
        news = sorted((c for c in self.new if c.key <= key), key=lambda c: c.key)
        days, md = (_days_of(span), _md_of(span)) if span is not None else (None, None)
        if md is not None and (days is not None or len(span[0]) == 5):  # a full day, or a month and day
            h = self.header
            rows = self.source.dated_before(kb, days and (days[0] - h["first_width"], days[1], days[0]),
                                            (md[0] - h["md_width"], md[1], md[0]))
            stored = self._load(rows)
            yield from sorted({id(c): c for c in stored + news}.values(), key=lambda c: c.key)
            return

        def pages():  # a few first (the first cluster takes most reports), then more and more
            after, limit = None, min(4, PAGE)
            while True:
                rows = self.source.ordered_before(kb, after, limit)
                yield from self._load(rows)
                if len(rows) < limit:
                    return
                after, limit = rows[-1]["sort_key"], min(2 * limit, PAGE)

        yield from heapq.merge(pages(), news, key=lambda c: c.key)

    def _meets_after(self, key: tuple, kb: bytes, span) -> bool:
        """Whether a cluster started after ``key`` may hold a report that meets one of ``span``."""
        days = _days_of(span)
        if days is None:  # meets every report of the block (or odd: counted as such)
            return any(c.key > key for c in self.mem.values()) or self.source.meets_after(kb, None, None, None)
        for c in self.mem.values():
            if c.key > key and (c.wild or c.hull is None or not (span[1] < c.hull[0] or c.hull[1] < span[0])):
                return True
        return self.source.meets_after(kb, days[0] - self.header["hull_width"], days[1], days[0])

    def extend(self, new: list[dict]) -> bool:
        """Merge the reports ``new`` (with ``doc``; of documents with no report in the group yet) in place;
        False where the result cannot be told from the clusters read (then the group is merged whole).

        A report joins the first cluster (in the order clusters were started) that accepts it: only
        clusters started before it count, and the cluster's summary of all its members accepting it means
        it meets every member (so its joining changes no later report's choice); a cluster started before
        that one must reject it on its first report alone (it held no other report for sure when this one
        came). A report that starts a cluster of its own does so only where no cluster started after it
        holds a report that might meet it."""
        for rec in sorted(new, key=_canonical_key):
            doc = rec.get("doc") or ""
            e = Event.from_record(rec)
            key, span = _canonical_key(rec), _span(e)
            kb = key_bytes(key)
            if kb is None or any(s.doc != doc for s in e.sources):
                return False
            self.ensure([rec])
            info = self.merger._info(e, span)
            target = None
            for c in self._before(key, kb, span):
                if c.key >= key:  # the same key: which was read first cannot be told
                    return False
                if doc in c.added:  # a report of the same (new) document, read before: never with it
                    continue
                if c.first_summary(self.merger).accepts(info):
                    if not c.summary.accepts(info):
                        return False
                    target = c
                    break
            if target is None:
                if self._meets_after(key, kb, span):
                    return False
                target = _Cluster(rec, key, _Summary(info), _Aggregate(), [], False, None, self.header["next"])
                self.header["next"] += 1
                self.mem[target.id] = target
                self.new.append(target)
            else:
                target.summary.add(info)
            target.agg.add(self.merger, e, (doc,))
            bisect.insort(target.added, doc)
            target.take(span)
            self.changed.add(target.id)
        self.header = _header(self.rows(), self.header)
        return True

    def rows(self) -> list[dict]:
        self._read_docs()
        return [self.mem[i].row() for i in sorted(self.changed)]

    def _read_docs(self) -> None:
        """The stored documents of the clusters changed, where not read yet (one statement)."""
        todo = sorted(i for i in self.changed if self.mem[i].docs is None)
        if todo:
            got = self.source.docs_of(todo)
            for i in todo:
                self.mem[i].docs = list(got[i])

    def events(self) -> dict[int, dict]:
        """The merged event of each cluster changed or started; those of ``apart()`` with the sources of the
        reports added by this update only."""
        return {i: self.mem[i].agg.event().to_record() for i in sorted(self.changed)}

    def apart(self) -> set[int]:
        """The clusters changed whose merged events (``events``) hold only the sources this update added: the
        others are kept with the stored merged event, apart (each of a document before or after theirs)."""
        return {i for i in self.changed if self.mem[i].agg.partial}

    def conflicts(self) -> list[tuple[int, int, dict]]:
        """The date conflicts this update may have changed: those of a cluster it started, with any cluster of
        the group, and those between two clusters it changed or started: ``(cluster started first, other
        cluster, record)`` (``EventMerger._date_conflict_pairs``). A conflict of a cluster it changed with one it
        did not is as before: it is told from the two clusters' first reports, which stay, and their documents,
        of which the one that gained a new document has none in the other (a new document is in no cluster not
        changed); so only the clusters started are looked for among the stored ones."""
        out: dict[tuple[int, int], dict] = {}
        started = {c.id for c in self.new}
        self._read_docs()
        changed = [self.mem[i] for i in sorted(self.changed)]
        doc_sets: dict[int, set[str]] = {}  # cluster id -> ``doc_set()``, built once (a cluster is in many pairs)
        at: dict[int, tuple[int, int] | None] = {}  # cluster id -> its first report's (length of first day, day)

        def doc_set(x: _Cluster) -> set[str]:
            if x.id not in doc_sets:
                doc_sets[x.id] = x.doc_set()
            return doc_sets[x.id]

        def first_day(x: _Cluster) -> tuple[int, int] | None:
            if x.id not in at:
                span = x.first_event()[1]
                at[x.id] = None if span is None else (len(span[0]), _days(span[0]))
            return at[x.id]

        # the clusters near in time to those started (what ``source.near`` gives for each), read at once for all of
        # them: one statement per range of days their windows cover together (a statement for each cluster started
        # read most clusters again, the new reports of an update being near each other); the clusters changed
        windows: dict[int, list[list[int]]] = {}  # length of first day -> the ranges of days wanted
        for c in changed:
            if c.id in started and first_day(c) is not None:
                n, day = first_day(c)
                windows.setdefault(n, []).append([day - CONFLICT_WINDOW_DAYS, day + CONFLICT_WINDOW_DAYS])
        candidates: dict[int, dict[int, _Cluster]] = {}  # length of first day -> cluster id -> cluster
        for n, ranges in windows.items():
            ranges.sort()
            merged: list[list[int]] = []
            for lo, hi in ranges:
                if merged and lo <= merged[-1][1] + 1:
                    merged[-1][1] = max(merged[-1][1], hi)
                else:
                    merged.append([lo, hi])
            for lo, hi in merged:
                candidates.setdefault(n, {}).update((o.id, o) for o in self._firsts(self.source.near(n, lo, hi)))
        stored_near = {n: sorted(((first_day(o)[1], o.id, o) for o in cs.values()), key=lambda x: x[:2])
                       for n, cs in candidates.items()}
        changed_near: dict[int, list[_Cluster]] = {}
        for o in changed:
            if first_day(o) is not None:
                changed_near.setdefault(first_day(o)[0], []).append(o)
        for c in changed:
            if first_day(c) is None:
                continue
            n, day = first_day(c)
            near: list[_Cluster] = []
            if c.id in started and n in stored_near:  # (those whose first day is within the window)
                held = stored_near[n]
                k = bisect.bisect_left(held, day - CONFLICT_WINDOW_DAYS, key=lambda x: x[0])
                while k < len(held) and held[k][0] <= day + CONFLICT_WINDOW_DAYS:
                    near.append(held[k][2])
                    k += 1
            near += changed_near.get(n, [])
            for o in {id(o): o for o in near}.values():
                if o.id == c.id or (min(c.id, o.id), max(c.id, o.id)) in out:
                    continue
                if abs(first_day(o)[1] - day) > CONFLICT_WINDOW_DAYS:
                    continue
                g, h = (c, o) if c.key < o.key else (o, c)
                rec = self.merger.date_conflict(g.first_event(), doc_set(g), h.first_event(), doc_set(h))
                out[(min(c.id, o.id), max(c.id, o.id))] = rec and (g.id, h.id, rec)
        return [x for _k, x in sorted(out.items()) if x]


def star_output(merger: EventMerger, rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """The merged events of a group's clusters (in the order they were started) and their date conflicts,
    all computed again (``event_state`` and ``StarBlock`` keep them per cluster), the events without their
    sources (the states keep none)."""
    clusters = sorted((_cluster_of(r) for r in rows), key=lambda c: c.key)
    events = [c.agg.event().to_record() for c in clusters]
    conflicts = [rec for _i, _j, rec in merger._date_conflict_pairs([_Stub(c.first, c.all_docs()) for c in clusters])]
    return events, conflicts


class _Stub:
    """A group as ``_date_conflict_pairs`` reads it: its first report and its documents."""

    def __init__(self, first: dict, docs: list[str]):
        self.members = [(first.get("doc") or "", Event.from_record(first))]
        self.docs = set(docs)


def merge_events(records: list[dict], registry: ActorRegistry) -> tuple[list[dict], list[dict]]:
    return EventMerger(registry).merge(records)


def _first_day(merger: EventMerger, rec: dict) -> tuple[tuple, int] | None:
    """What ``_date_conflict_pairs`` looks up a group by when this report is its first: ``((block, length of its
    first day), day)``; None for a report without dates (it starts no conflict). (The fields the block and the dates
    are read from, as ``Event.from_record`` reads them: not the whole event, its sources and participants.)"""
    e = Event(doc=None, type=rec.get("type", "meeting"), countries=list(rec.get("countries") or []),
              date_start=rec.get("date_start"), date_end=rec.get("date_end"), guest=rec.get("guest"),
              host=rec.get("host"), level=rec.get("level"), status=rec.get("status") or "happened")
    span = span_of(e.date_start, e.date_end)
    return None if span is None else ((merger.block(e), len(span[0])), _days(span[0]))


def _reach(merger: EventMerger, records: list[dict]) -> dict[tuple, list[int]]:
    """The days of ``records`` by ``_first_day``'s look-up, sorted."""
    out: dict[tuple, list[int]] = {}
    for rec in records:
        try:
            at = _first_day(merger, rec)
        except (ValueError, TypeError):
            continue
        if at is not None:
            out.setdefault(at[0], []).append(at[1])
    for days in out.values():
        days.sort()
    return out


def _within(merger: EventMerger, rec: dict, reach: dict[tuple, list[int]]) -> bool:
    """Whether a report, as the first of a group, may be in a date conflict with a group whose first report is one
    of those of ``reach`` (of the same block and kind of date, at most ``CONFLICT_WINDOW_DAYS`` apart); true where
    it cannot be told."""
    try:
        at = _first_day(merger, rec)
    except (ValueError, TypeError):
        return True
    if at is None:
        return False
    days = reach.get(at[0])
    if not days:
        return False
    k = bisect.bisect_left(days, at[1] - CONFLICT_WINDOW_DAYS)
    return k < len(days) and days[k] <= at[1] + CONFLICT_WINDOW_DAYS


def merge_event_units(units: list[tuple[int, list[dict]]], registry: ActorRegistry,
                      neighbours: list[tuple[int, list[dict]]] = (), states: dict[int, Any] | None = None
                      ) -> tuple[dict[int, list[dict]], list[tuple[int, int, dict, int, int]]]:
    """Events merged per unit, for the incremental merge: a unit is a set of reports that no report
    outside it merges with (a connected component of ``blocks``), so each unit is clustered on its own,
    with the same groups as when every report is clustered at once. Date conflicts join two groups that
    may be of two units: they are looked for among the groups of every unit and of ``neighbours`` (units
    clustered before, near enough in time to conflict with them: read again, not returned), in the order
    all the groups would be started in one clustering (by their first reports' canonical keys).

    Returns the merged events of each unit (in their order) and each conflict as ``(unit, other unit,
    record, index of the group in its unit, index of the other)``, the first unit that of the group started
    first; conflicts between two neighbours are left out (they are stored already), and not looked for (nor is a
    neighbour clustered none of whose reports starts within ``CONFLICT_WINDOW_DAYS`` of a unit's report of its
    block: none of its groups can be in a conflict with one of a unit). ``states``: units whose state
    (``event_state``) is wanted, filled in."""
    merger = EventMerger(registry)
    events: dict[int, list[dict]] = {}
    tagged: list[tuple[tuple, int, bool, _Group, int]] = []  # (first key, unit, neighbour?, group, index)
    for unit, records in units:
        groups = merger.cluster(records)
        events[unit] = [merger._merged(g).to_record() for g in groups]
        if states is not None and unit in states:
            states[unit] = event_state(merger, groups)
        tagged += [(g.first, unit, False, g, i) for i, g in enumerate(groups)]
    reach = _reach(merger, [r for _u, records in units for r in records])
    for unit, records in neighbours:
        if not any(_within(merger, r, reach) for r in records):
            continue  # no report of it starts near one of the units: none of its groups meets one of theirs
        tagged += [(g.first, unit, True, g, i) for i, g in enumerate(merger.cluster(records))]
    tagged.sort(key=lambda t: t[0])
    conflicts = [(tagged[i][1], tagged[j][1], rec, tagged[i][4], tagged[j][4])
                 for i, j, rec in merger._date_conflict_pairs([t[3] for t in tagged],
                                                              lambda i, j: tagged[i][2] and tagged[j][2])]
    return events, conflicts
