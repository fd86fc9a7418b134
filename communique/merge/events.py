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

import json

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
        if a.type != b.type or a.status != b.status or _parties(a, self.succ) != _parties(b, self.succ):
            return False
        if a.type == "visit" and (self.succ.canonical(a.guest or ""), self.succ.canonical(a.host or "")) != (
                self.succ.canonical(b.guest or ""), self.succ.canonical(b.host or "")):
            return False
        if a.type == "upgrade" and a.level != b.level:
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
            for code in _parties(a, self.succ):
                pa = {self.person(p) for p in a.participants if p.country and self.succ.canonical(p.country) == code}
                pb = {self.person(p) for p in b.participants if p.country and self.succ.canonical(p.country) == code}
                if pa and pb and not pa & pb:
                    return False
        return True

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

    def _info(self, e: Event, span: tuple[str, str] | None) -> _Info:
        persons: dict[str, frozenset] = {}
        if e.type in ("meeting", "call"):
            for code in _parties(e, self.succ):
                ps = frozenset(self.person(p) for p in e.participants
                               if p.country and self.succ.canonical(p.country) == code)
                if ps:
                    persons[code] = ps
        agreement = e.type == "agreement"
        return _Info(span, e.instrument if agreement else None, e.count if agreement else None,
                     e.counterpart if e.type in ("meeting", "call") else None, persons)

    def _merged(self, g: _Group) -> Event:
        agg = _Aggregate()
        for doc, e in g.members:  # in order, each of another document: the document is the place
            agg.add(self, e, (doc,))
        return agg.event()

    def participant(self, p: Participant) -> Participant:
        c = self.registry.match(p.name, p.country)
        return Participant(c.name if c is not None else p.name, p.country, p.role)

    def _date_conflicts(self, groups: list[_Group]) -> list[dict]:
        return [c for _i, _j, c in self._date_conflict_pairs(groups)]

    def _date_conflict_pairs(self, groups: list[_Group]) -> list[tuple[int, int, dict]]:
        """The same event (same kind, parties and people) dated on days that cannot be the same, by two
        articles: both datings are kept as events, and the contradiction is reported.

        Pairs of groups in the order they were started; only the pairs whose first reports are of one
        block and start at most ``CONFLICT_WINDOW_DAYS`` apart are looked at (no other pair conflicts).
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
        pairs.sort()
        out = []
        for i, j in pairs:
            g, h = groups[i], groups[j]
            (a, sa), (b, sb) = firsts[i], firsts[j]
            if a.status != "happened" or g.docs & h.docs or not self.same_kind(a, b):
                continue
            if overlaps(sa, sb):
                continue
            out.append((i, j, {"kind": "conflict", "about": "event", "field": "date", "type": a.type,
                               "countries": sorted(set(a.countries)),
                               "values": [_date_text(a), _date_text(b)],
                               "sources": [s.to_record() for s in a.sources[:1] + b.sources[:1]]}))
        return out


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
# the state of a merge group whose block holds an undated report (one part: every report meets every other),
# from which new reports are merged in place (``store.merged``)


def _tup(x):
    return tuple(_tup(y) for y in x) if isinstance(x, list) else x


def _span(e: Event):
    return span_of(e.date_start, e.date_end)


def _wild(span) -> bool:
    return span is None or len(span[0]) != 10


class _Cluster:
    """One group of a state: its first report, documents, ``_Summary``, ``_Aggregate``, and whether a member
    meets every report by its date (``wild``) or else the days its members' dates cover (``hull``)."""

    def __init__(self, first: dict, key: tuple, summary: _Summary, agg: _Aggregate, docs: list[str], wild: bool,
                 hull: list | None):
        self.first, self.key, self.summary, self.agg, self.docs = first, key, summary, agg, docs
        self.wild, self.hull = wild, hull
        self._first_summary: _Summary | None = None

    def first_summary(self, merger: EventMerger) -> _Summary:
        """The summary of the first report alone (what the group held for sure when any later report came)."""
        if self._first_summary is None:
            e = Event.from_record(self.first)
            self._first_summary = _Summary(merger._info(e, _span(e)))
        return self._first_summary

    def take(self, span) -> None:
        if _wild(span):
            self.wild = True
        elif self.hull is None:
            self.hull = [span[0], span[1]]
        else:
            self.hull = [min(self.hull[0], span[0]), max(self.hull[1], span[1])]


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
            "sources": [[list(at), src.to_record()] for at, src in a.sources.values()],
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
    for at, s in d["sources"]:
        src = Source(s["doc"], s["start"], s["end"], s["text"])
        a.sources[(src.doc, src.start, src.end, src.text)] = (_tup(at), src)
    a.kinds = dict(d["kinds"])
    a.location = d["location"] and (_tup(d["location"][0]), d["location"][1])
    a.count = d["count"]
    a.instrument = d["instrument"] and (_tup(d["instrument"][0]), d["instrument"][1])
    a.title = d["title"] and (d["title"][0], _tup(d["title"][1]), d["title"][2])
    a.orgs = set(d["orgs"])
    a.counterpart = d["counterpart"] and (_tup(d["counterpart"][0]), d["counterpart"][1])
    return a


def event_state(merger: EventMerger, groups: list[_Group]) -> dict:
    """The state of a merge group's events, from its groups as ``EventMerger.cluster`` gives them."""
    out = []
    for g in groups:
        agg = _Aggregate()
        wild, hull = False, None
        for doc, e in g.members:
            agg.add(merger, e, (doc,))
        c = _Cluster(json.loads(g.first[3]), g.first, g.summary, agg, sorted(g.doc_set), wild, hull)
        for _doc, e in g.members:
            c.take(_span(e))
        out.append({"first": c.first, "docs": c.docs, "summary": _summary_data(c.summary), "agg": _agg_data(agg),
                    "wild": c.wild, "hull": c.hull})
    return {"events": out}


def _clusters(state: dict) -> list[_Cluster]:
    return [_Cluster(c["first"], _canonical_key(c["first"]), _summary_of(c["summary"]), _agg_of(c["agg"]),
                     list(c["docs"]), c["wild"], c["hull"]) for c in state["events"]]


def extend_event_state(merger: EventMerger, state: dict, new: list[dict]) -> dict | None:
    """The state of a merge group's events (its block holds an undated report) after the reports ``new``
    (with ``doc``; of documents not in it yet), or None where that cannot be told from the state.

    A report joins the first group (in the order groups were started) that accepts it: only groups started
    before it count, and the group's summary of all its members accepting it means it meets every member
    (so its joining changes no later report's choice); a group started before that one must reject it on
    its first report alone (it held no other report for sure when this one came). A report that starts a
    group of its own does so only where no group started after it holds a report that might meet it."""
    clusters = _clusters(state)
    docs = {d for c in clusters for d in c.docs}  # the earlier documents
    for rec in sorted(new, key=_canonical_key):
        doc = rec.get("doc") or ""
        e = Event.from_record(rec)
        if doc in docs or any(s.doc != doc for s in e.sources):
            return None
        key, span = _canonical_key(rec), _span(e)
        info = merger._info(e, span)
        target = None
        for c in clusters:  # by their first reports' keys: the order they were started in
            if c.key >= key:
                break
            if doc in c.docs:  # a report of the same (new) document, read before: never with it
                continue
            if c.summary.accepts(info):
                target = c
                break
            if c.first_summary(merger).accepts(info):
                return None
        if target is None:
            for c in clusters:
                if c.key > key and (_wild(span) or c.wild or c.hull is None
                                    or not (span[1] < c.hull[0] or c.hull[1] < span[0])):
                    return None
            target = _Cluster(rec, key, _Summary(info), _Aggregate(), [], False, None)
            clusters.append(target)
            clusters.sort(key=lambda c: c.key)
        else:
            target.summary.add(info)
        target.agg.add(merger, e, (doc,))
        target.docs = sorted([*target.docs, doc])
        target.take(span)
    return {"events": [{"first": c.first, "docs": c.docs, "summary": _summary_data(c.summary), "agg": _agg_data(c.agg),
                        "wild": c.wild, "hull": c.hull} for c in clusters]}


class _Stub:
    """A group as ``_date_conflict_pairs`` reads it: its first report and its documents."""

    def __init__(self, first: dict, docs: list[str]):
        self.members = [(first.get("doc") or "", Event.from_record(first))]
        self.docs = set(docs)


def event_output(merger: EventMerger, state: dict) -> tuple[list[dict], list[dict]]:
    """The merged events of a state (in the order their groups were started) and their date conflicts."""
    clusters = _clusters(state)
    events = [c.agg.event().to_record() for c in clusters]
    conflicts = [rec for _i, _j, rec in merger._date_conflict_pairs([_Stub(c.first, c.docs) for c in clusters])]
    return events, conflicts


def merge_events(records: list[dict], registry: ActorRegistry) -> tuple[list[dict], list[dict]]:
    return EventMerger(registry).merge(records)


def merge_event_units(units: list[tuple[int, list[dict]]], registry: ActorRegistry,
                      neighbours: list[tuple[int, list[dict]]] = (), states: dict[int, dict] | None = None
                      ) -> tuple[dict[int, list[dict]], list[tuple[int, int, dict]]]:
    """Events merged per unit, for the incremental merge: a unit is a set of reports that no report
    outside it merges with (a connected component of ``blocks``), so each unit is clustered on its own,
    with the same groups as when every report is clustered at once. Date conflicts join two groups that
    may be of two units: they are looked for among the groups of every unit and of ``neighbours`` (units
    clustered before, near enough in time to conflict with them: read again, not returned), in the order
    all the groups would be started in one clustering (by their first reports' canonical keys).

    Returns the merged events of each unit (in their order) and each conflict as ``(unit, other unit,
    record)``, the first unit that of the group started first; conflicts between two neighbours are
    left out (they are stored already). ``states``: units whose state (``event_state``) is wanted, filled in."""
    merger = EventMerger(registry)
    events: dict[int, list[dict]] = {}
    tagged: list[tuple[tuple, int, bool, _Group]] = []  # (first key, unit, neighbour?, group)
    for unit, records in units:
        groups = merger.cluster(records)
        events[unit] = [merger._merged(g).to_record() for g in groups]
        if states is not None and unit in states:
            states[unit] = event_state(merger, groups)
        tagged += [(g.first, unit, False, g) for g in groups]
    for unit, records in neighbours:
        tagged += [(g.first, unit, True, g) for g in merger.cluster(records)]
    tagged.sort(key=lambda t: t[0])
    conflicts = [(tagged[i][1], tagged[j][1], rec) for i, j, rec in merger._date_conflict_pairs([t[3] for t in tagged])
                 if not (tagged[i][2] and tagged[j][2])]
    return events, conflicts
