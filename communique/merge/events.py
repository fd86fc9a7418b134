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
from ..records import Event, Participant
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
        key = (p.name, p.country)
        if key not in self._persons:
            c = self.registry.match(p.name, p.country)
            self._persons[key] = id(c) if c is not None else ("name", p.name)
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
                        groups.append((g, _Summary(info)))
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
        evs = [e for _, e in g.members]
        best = min(evs, key=lambda e: (width(e.date_start, e.date_end), not (e.date_start or "").strip("-")[:1].isdigit()
                                       or (e.date_start or "").startswith("--")))
        out = Event(doc=None, type=best.type, countries=list(best.countries), date_start=best.date_start,
                    date_end=best.date_end, guest=best.guest, host=best.host, level=best.level, status=best.status,
                    cameo=best.cameo, plover=best.plover, plover_mode=best.plover_mode)
        # a full date beats a yearless one of the same days ("2025-05-05" over "--05-05")
        full = [e for e in evs if e.date_start and not e.date_start.startswith("--")]
        if best.date_start and best.date_start.startswith("--") and full:
            f = min(full, key=lambda e: width(e.date_start, e.date_end))
            out.date_start, out.date_end = f.date_start, f.date_end
        seen = {}
        for e in evs:
            for p in e.participants:
                key = self.person(p)
                if key not in seen:
                    c = self.registry.match(p.name, p.country)
                    seen[key] = Participant(c.name if c is not None else p.name, p.country, p.role)
            for s in e.sources:
                if s not in out.sources:
                    out.sources.append(s)
        out.participants = list(seen.values())
        kinds = [e.visit_kind for e in evs if e.visit_kind and e.visit_kind != "unspecified"]
        # the kind most reports give; a tie goes by rank, then by name, never by the order of a set
        out.visit_kind = (max(set(kinds), key=lambda k: (kinds.count(k), VISIT_KIND_RANK.get(k, 0), k)) if kinds
                          else (best.visit_kind if best.type == "visit" else None))
        out.location = next((e.location for e in evs if e.location), None)
        out.count = max((e.count for e in evs if e.count), default=None)
        out.instrument = next((e.instrument for e in evs if e.instrument), None)
        out.title = max((e.title for e in evs if e.title), key=len, default=None)
        out.orgs = sorted({o for e in evs for o in e.orgs})
        out.counterpart = next((e.counterpart for e in evs if e.counterpart), None)
        return out

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


def merge_events(records: list[dict], registry: ActorRegistry) -> tuple[list[dict], list[dict]]:
    return EventMerger(registry).merge(records)


def merge_event_units(units: list[tuple[int, list[dict]]], registry: ActorRegistry,
                      neighbours: list[tuple[int, list[dict]]] = ()
                      ) -> tuple[dict[int, list[dict]], list[tuple[int, int, dict]]]:
    """Events merged per unit, for the incremental merge: a unit is a set of reports that no report
    outside it merges with (a connected component of ``blocks``), so each unit is clustered on its own,
    with the same groups as when every report is clustered at once. Date conflicts join two groups that
    may be of two units: they are looked for among the groups of every unit and of ``neighbours`` (units
    clustered before, near enough in time to conflict with them: read again, not returned), in the order
    all the groups would be started in one clustering (by their first reports' canonical keys).

    Returns the merged events of each unit (in their order) and each conflict as ``(unit, other unit,
    record)``, the first unit that of the group started first; conflicts between two neighbours are
    left out (they are stored already)."""
    merger = EventMerger(registry)
    events: dict[int, list[dict]] = {}
    tagged: list[tuple[tuple, int, bool, _Group]] = []  # (first key, unit, neighbour?, group)
    for unit, records in units:
        groups = merger.cluster(records)
        events[unit] = [merger._merged(g).to_record() for g in groups]
        tagged += [(g.first, unit, False, g) for g in groups]
    for unit, records in neighbours:
        tagged += [(g.first, unit, True, g) for g in merger.cluster(records)]
    tagged.sort(key=lambda t: t[0])
    conflicts = [(tagged[i][1], tagged[j][1], rec) for i, j, rec in merger._date_conflict_pairs([t[3] for t in tagged])
                 if not (tagged[i][2] and tagged[j][2])]
    return events, conflicts
