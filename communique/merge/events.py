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
        self.members: list[tuple[str, Event]] = [(doc, e)]

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
            if a.instrument and b.instrument and a.instrument != b.instrument:
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

    def merge(self, records: list[dict]) -> tuple[list[dict], list[dict]]:
        # a canonical order (a total one: two records differ in the last key if in nothing else), so
        # that the result depends neither on the order documents were read in nor on the order the
        # database returned their records
        ordered = sorted(records, key=_canonical_key)
        events = [(r.get("doc") or "", Event.from_record(r)) for r in ordered]
        groups: list[_Group] = []
        for doc, e in events:
            target = next((g for g in groups if doc not in g.docs and all(self.compatible(e, m) for _, m in g.members)),
                          None)
            if target is None:
                groups.append(_Group(e, doc))
            else:
                target.members.append((doc, e))
        merged = [self._merged(g) for g in groups]
        return [m.to_record() for m in merged], self._date_conflicts(groups)

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
        """The same event (same kind, parties and people) dated on days that cannot be the same, by two
        articles: both datings are kept as events, and the contradiction is reported."""
        out = []
        for i, g in enumerate(groups):
            for h in groups[i + 1:]:
                a, b = g.members[0][1], h.members[0][1]
                if a.status != "happened" or g.docs & h.docs or not self.same_kind(a, b):
                    continue
                sa, sb = span_of(a.date_start, a.date_end), span_of(b.date_start, b.date_end)
                if sa is None or sb is None or overlaps(sa, sb) or len(sa[0]) != len(sb[0]):
                    continue
                gap = abs(_days(sa[0]) - _days(sb[0]))
                if gap > CONFLICT_WINDOW_DAYS:
                    continue
                out.append({"kind": "conflict", "about": "event", "field": "date", "type": a.type,
                            "countries": sorted(set(a.countries)),
                            "values": [_date_text(a), _date_text(b)],
                            "sources": [s.to_record() for s in a.sources[:1] + b.sources[:1]]})
        return out


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
