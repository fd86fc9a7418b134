"""Browsing the stored merged record: the views behind the web pages and the REST API.

In: a ``Store`` whose merged record is up to date (``ingest`` refreshes it). Out: typed views, read
through the store's indexed queries rather than by merging again, so that a page stays fast on a
large database: pages of events, figures, persons (cursor-paginated), one event, one person with
the events they took part in, one document with its facts, a country and its partners, the world
network of a period, the relationship of two countries, the conflicts, and search.

Every view has ``to_record()``: the JSON twin of its page.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..errors import QueryError
from ..lang import fold
from ..merge import MergedRecord
from .views import LEVELS, DyadReport, country_code, dyad

CONTACT_TYPES = ("visit", "meeting", "call", "agreement")
#: views over the whole record kept per (database, record version, arguments): the world network and
#: the levels of every pair cost a scan of the record, which changes only when documents are ingested
_MEMO: dict[tuple, Any] = {}
_MEMO_SIZE = 64


def _memo(store, name: str, args: tuple, compute):
    key = (store.url, store.merged_generation(), name, args)
    if key not in _MEMO:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.pop(next(iter(_MEMO)))
        _MEMO[key] = compute()
    return _MEMO[key]
#: the most records one view gathers for a report (a dyad's figures, a country's partners)
REPORT_LIMIT = 5000


class NotFound(QueryError):
    """The record asked for is not in the database."""

    code = "E502"

    def __init__(self, what: str, key: str):
        super().__init__(f"no {what} {key!r} in this database", "check the id, or search for it")
        self.what, self.key = what, key


@dataclass
class Page:
    """One page of records, and the cursor of the next page (None on the last)."""

    items: list[dict]
    next: str | None = None
    total: int | None = None

    def to_record(self) -> dict[str, Any]:
        return {"items": self.items, "next": self.next, "total": self.total}


def _key(value: str) -> str:
    """An id as a client sent it: a NUL cannot be in any stored id (and PostgreSQL refuses it)."""
    return value if "\x00" not in value else ""


def _words(value: str | None) -> str | None:
    return value.replace("\x00", " ") if value is not None else None


def _all(store, kind: str, **filters) -> list[dict]:
    """Every merged record of ``kind`` matching ``filters``, page after page (up to REPORT_LIMIT)."""
    out: list[dict] = []
    after = None
    while len(out) < REPORT_LIMIT:
        items, after = store.merged_page(kind, after=after, limit=500, **filters)
        out += items
        if after is None:
            break
    return out


def _page(store, kind: str, after: str | None, limit: int, **filters) -> Page:
    items, nxt = store.merged_page(kind, after=after, limit=limit, **filters)
    return Page(items, nxt, store.merged_count(kind, **filters) if after is None else None)


# ---------------------------------------------------------------------------------------- lists

def events(store, *, type: str | None = None, country: str | None = None, dyad: tuple[str, str] | None = None,
           start: str | None = None, end: str | None = None, status: str | None = "happened",
           person: str | None = None, after: str | None = None, limit: int = 50) -> Page:
    """Events in date order (undated last), filtered; ``status=None`` includes planned ones."""
    return _page(store, "event", after, limit, type=type, country=_code(country), dyad=_dyad(dyad), start=start,
                 end=end, status=status, person=fold(_words(person)) if person else None)


def figures(store, *, type: str | None = None, country: str | None = None, dyad: tuple[str, str] | None = None,
            start: str | None = None, end: str | None = None, after: str | None = None, limit: int = 50) -> Page:
    """Figures (trade, targets, investment, arrivals) by period."""
    return _page(store, "figure", after, limit, type=type, country=_code(country), dyad=_dyad(dyad),
                 start=start, end=end)


def persons(store, *, country: str | None = None, after: str | None = None, limit: int = 50) -> Page:
    return _page(store, "person", after, limit, country=_code(country))


def conflicts(store, about: str | None = None) -> list[dict]:
    """Contradictions between sources, with both sentences."""
    found = list(store.conflicts())
    return [c for c in found if about is None or c.get("about") == about]


def _code(country: str | None) -> str | None:
    return country_code(_words(country)) if country else None


def _dyad(pair: tuple[str, str] | None) -> tuple[str, str] | None:
    if not pair:
        return None
    a, b = country_code(_words(pair[0])), country_code(_words(pair[1]))
    return (a, b) if a <= b else (b, a)


# ---------------------------------------------------------------------------------------- one record

def event(store, key: str) -> dict:
    rec = store.merged_by_key(_key(key)) if _key(key) else None
    if rec is None or rec.get("kind") != "event":
        raise NotFound("event", key)
    return rec


@dataclass
class PersonView:
    """A person: names, roles over time, and the events they took part in."""

    person: dict
    events: list[dict] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"person": self.person, "events": self.events}


def person(store, key: str) -> PersonView:
    rec = store.merged_by_key(_key(key)) if _key(key) else None
    if rec is None or rec.get("kind") != "person":
        raise NotFound("person", key)
    found = _all(store, "event", person=fold(rec.get("name") or ""), status=None)
    return PersonView(rec, found)


@dataclass
class DocumentView:
    """A stored article: its text and every fact read from it, with offsets to highlight."""

    doc: str
    title: str | None
    date: str | None
    url: str | None
    text: str
    facts: list[dict] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"doc": self.doc, "title": self.title, "date": self.date, "url": self.url, "text": self.text,
                "facts": self.facts}


def document(store, doc_id: str) -> DocumentView:
    d = store.document(_key(doc_id)) if _key(doc_id) else None
    if d is None:
        raise NotFound("document", doc_id)
    return DocumentView(d.id, d.title, d.date, d.url, d.text, list(store.document_records(doc_id)))


def documents(store, *, after: str | None = None, limit: int = 50) -> Page:
    items, nxt = store.documents_page(after=after, limit=limit)
    return Page(items, nxt)


# ---------------------------------------------------------------------------------------- reports

def dyad_report(store, a: str, b: str) -> DyadReport:
    """The relationship of two countries, from the stored merged record (see ``views.dyad``)."""
    pair = _dyad((a, b))
    record = MergedRecord(
        events=_all(store, "event", dyad=pair, status=None), figures=_all(store, "figure", dyad=pair),
        relations=_all(store, "relation", dyad=pair), commitments=_all(store, "commitment", dyad=pair),
        conflicts=[c for c in store.conflicts() if sorted(c.get("countries") or []) == list(pair)])
    return dyad(record, country_code(a), country_code(b))


def _levels(store, country: str | None = None) -> dict[frozenset, str]:
    """The highest level known of each pair (relations stated, upgrades that happened)."""
    return _memo(store, "levels", (country,), lambda: _compute_levels(store, country))


def _compute_levels(store, country: str | None) -> dict[frozenset, str]:
    best: dict[frozenset, str] = {}
    found = _all(store, "relation", country=country) + _all(store, "event", type="upgrade", country=country)
    for r in found:
        codes = frozenset(r.get("countries") or [])
        lvl = r.get("level")
        if len(codes) == 2 and lvl in LEVELS and (codes not in best or LEVELS.index(lvl) > LEVELS.index(best[codes])):
            best[codes] = lvl
    return best


def _dyad_counts(store, start: str | None, end: str | None) -> list[tuple[str, str, int]]:
    return _memo(store, "dyad_counts", (start, end), lambda: store.dyad_counts(start, end))


@dataclass
class Network:
    """Countries as nodes, pairs with contacts in the period as edges (count and level)."""

    start: str | None
    end: str | None
    nodes: list[dict] = field(default_factory=list)  # {"code", "contacts"}
    edges: list[dict] = field(default_factory=list)  # {"a", "b", "contacts", "level"}

    def to_record(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "nodes": self.nodes, "edges": self.edges}


def network(store, start: str | None = None, end: str | None = None, top: int = 40) -> Network:
    """The world view of a period: the ``top`` most active countries and their contacts."""
    return _memo(store, "network", (start, end, top), lambda: _network(store, start, end, top))


def _network(store, start: str | None, end: str | None, top: int) -> Network:
    counts = _dyad_counts(store, start, end)
    levels = _levels(store)
    activity: Counter[str] = Counter()
    for a, b, n in counts:
        activity[a] += n
        activity[b] += n
    keep = {c for c, _ in activity.most_common(top)}
    net = Network(start, end)
    net.nodes = [{"code": c, "contacts": n} for c, n in sorted(activity.items(), key=lambda x: (-x[1], x[0]))
                 if c in keep]
    net.edges = [{"a": a, "b": b, "contacts": n, "level": levels.get(frozenset((a, b)))}
                 for a, b, n in sorted(counts, key=lambda x: (-x[2], x[0], x[1])) if a in keep and b in keep]
    return net


@dataclass
class CountryView:
    """A country: its partners ranked by contacts, the level with each, its leaders' trips abroad and
    the visits it received."""

    code: str
    partners: list[dict] = field(default_factory=list)  # {"code", "contacts", "level"}
    trips: list[dict] = field(default_factory=list)
    received: list[dict] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"code": self.code, "partners": self.partners, "trips": self.trips, "received": self.received}


def country(store, value: str, start: str | None = None, end: str | None = None) -> CountryView:
    code = country_code(value)
    view = CountryView(code)
    levels = _levels(store, code)
    contacts: Counter[str] = Counter()
    for a, b, n in _dyad_counts(store, start, end):
        if code in (a, b):
            contacts[b if a == code else a] += n
    for other in {next(iter(p - {code})) for p in levels if code in p and len(p - {code}) == 1}:
        contacts.setdefault(other, 0)
    view.partners = [{"code": c, "contacts": n, "level": levels.get(frozenset((code, c)))}
                     for c, n in sorted(contacts.items(), key=lambda x: (-x[1], x[0]))]
    visits = _all(store, "event", type="visit", country=code, start=start, end=end)
    view.trips = [v for v in visits if v.get("guest") == code]
    view.received = [v for v in visits if v.get("host") == code]
    return view


@dataclass
class SearchResult:
    q: str
    documents: list[dict] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"q": self.q, "documents": self.documents, "actors": self.actors, "countries": self.countries}


def search(store, q: str, limit: int = 20) -> SearchResult:
    """Articles whose text matches, persons and organisations under any spelling, and the country the
    words name, if any."""
    q = (_words(q) or "").strip()[:200]
    if not q:
        return SearchResult(q)
    from ..resolve.countries import resolve_country

    code = resolve_country(q)
    return SearchResult(q, store.search_documents(q, limit), store.search_actors(q, limit), [code] if code else [])


def activity_by_year(events_: list[dict]) -> dict[str, Counter]:
    """Contacts per year and type, for a timeline chart."""
    out: dict[str, Counter] = defaultdict(Counter)
    for e in events_:
        d = e.get("date_start") or ""
        if d[:4].isdigit():
            out[d[:4]][e.get("type")] += 1
    return dict(sorted(out.items()))
