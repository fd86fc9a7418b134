"""Typed records passed between the pipeline stages.

ingest -> ``Document`` (original text + metadata)
clean  -> ``Document.segments`` (which regions are article body, title, caption, teaser, ...)
extract/resolve -> ``Event``, ``Figure``, ``Relation``, ``Person``, ``Commitment`` (all ``Fact``)

Offsets are always character offsets into ``Document.text``, the decoded original text.
``to_record()`` renders a fact as one SCHEMA.md JSON Lines record.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SegmentKind = Literal["title", "heading", "dateline", "body", "caption", "source", "boilerplate", "teaser"]
#: segment kinds whose sentences are read for facts
EXTRACTABLE = ("title", "heading", "body")

EventType = Literal["visit", "meeting", "call", "agreement", "upgrade"]
Status = Literal["happened", "planned", "hypothetical", "negated"]


@dataclass
class Segment:
    """A region of the original text: [start, end) and what it is."""

    start: int
    end: int
    kind: SegmentKind


@dataclass
class Document:
    """One article as read from its source, before any analysis."""

    id: str
    text: str
    path: str | None = None
    date: str | None = None  # publication date: YYYY-MM-DD, YYYY-MM or YYYY
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    encoding: str | None = None
    segments: list[Segment] = field(default_factory=list)

    def extractable(self) -> list[Segment]:
        return [s for s in self.segments if s.kind in EXTRACTABLE]


@dataclass(frozen=True)
class Source:
    """Where a fact was read: a sentence of a document."""

    doc: str
    start: int
    end: int
    text: str

    def to_record(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Participant:
    name: str
    country: str | None = None
    role: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "role": self.role}


@dataclass
class Role:
    role: str
    as_of: str | None = None
    title: str | None = None  # the wording it was read from
    doc: str | None = None  # the document that stated it (actors gather roles from many)

    def to_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {"role": self.role, "as_of": self.as_of}
        if self.title:
            rec["title"] = self.title
        return rec


def source_from_record(s: dict[str, Any], doc: str | None = None) -> Source:
    return Source(s.get("doc") or doc or "", int(s.get("start") or 0), int(s.get("end") or 0), s.get("text") or "")


def _clean(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in rec.items() if v is not None and v != [] or k in _ALWAYS}


_ALWAYS = {"kind", "doc", "sources", "countries", "participants", "period", "date_start"}


@dataclass
class Fact:
    """Base of every extracted fact: the document it came from and its sources."""

    doc: str | None
    sources: list[Source] = field(default_factory=list)
    confidence: float | None = None

    kind = "fact"

    def base_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {"kind": self.kind}
        if self.doc is not None:
            rec["doc"] = self.doc
        rec["sources"] = [s.to_record() for s in self.sources]
        return rec


@dataclass
class Event(Fact):
    type: EventType = "meeting"
    countries: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    date_start: str | None = None
    date_end: str | None = None
    location: dict[str, str | None] | None = None
    guest: str | None = None
    host: str | None = None
    visit_kind: str | None = None
    count: int | None = None
    title: str | None = None
    instrument: str | None = None
    level: str | None = None
    status: Status = "happened"
    orgs: list[str] = field(default_factory=list)
    cameo: str | None = None
    plover: str | None = None
    plover_mode: str | None = None
    trigger: str | None = None
    #: meeting with an office named but not its holder ("le président du Sénat"): that office's role code
    counterpart: str | None = None

    kind = "event"

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> "Event":
        """An event from its SCHEMA.md record (as stored), the inverse of ``to_record``."""
        doc = rec.get("doc")
        return cls(
            doc=doc, sources=[source_from_record(s, doc) for s in rec.get("sources") or [] if isinstance(s, dict)],
            confidence=rec.get("confidence"), type=rec.get("type", "meeting"),
            countries=list(rec.get("countries") or []),
            participants=[Participant(p.get("name", ""), p.get("country"), p.get("role"))
                          for p in rec.get("participants") or [] if isinstance(p, dict)],
            date_start=rec.get("date_start"), date_end=rec.get("date_end"), location=rec.get("location"),
            guest=rec.get("guest"), host=rec.get("host"), visit_kind=rec.get("visit_kind"), count=rec.get("count"),
            title=rec.get("title"), instrument=rec.get("instrument"), level=rec.get("level"),
            status=rec.get("status") or "happened", orgs=list(rec.get("orgs") or []), cameo=rec.get("cameo"),
            plover=rec.get("plover"), plover_mode=rec.get("plover_mode"), trigger=rec.get("trigger"),
            counterpart=rec.get("counterpart"))

    def to_record(self) -> dict[str, Any]:
        rec = self.base_record()
        rec.update(
            type=self.type,
            countries=list(self.countries),
            participants=[p.to_record() for p in self.participants],
            date_start=self.date_start,
            date_end=self.date_end,
            location=self.location,
            guest=self.guest,
            host=self.host,
            visit_kind=self.visit_kind,
            count=self.count,
            title=self.title,
            instrument=self.instrument,
            level=self.level,
            status=self.status,
            orgs=self.orgs,
            cameo=self.cameo,
            plover=self.plover,
            plover_mode=self.plover_mode,
            trigger=self.trigger,
            counterpart=self.counterpart,
            confidence=self.confidence,
        )
        return _clean(rec)


@dataclass
class Figure(Fact):
    metric: str = "other"
    countries: list[str] = field(default_factory=list)
    value: float | None = None
    unit: str | None = None
    period: str | None = None
    change_pct: float | None = None
    target_year: int | None = None
    approximate: bool = False
    quote: str | None = None  # the words the number was read from

    kind = "figure"

    def to_record(self) -> dict[str, Any]:
        rec = self.base_record()
        rec.update(
            metric=self.metric,
            countries=list(self.countries),
            value=self.value,
            unit=self.unit,
            period=self.period,
            change_pct=self.change_pct,
            target_year=self.target_year,
            approximate=self.approximate or None,
            quote=self.quote,
            confidence=self.confidence,
        )
        return _clean(rec)


@dataclass
class Relation(Fact):
    countries: list[str] = field(default_factory=list)
    level: str | None = None
    date: str | None = None

    kind = "relation"

    def to_record(self) -> dict[str, Any]:
        rec = self.base_record()
        rec.update(countries=list(self.countries), level=self.level, date=self.date, confidence=self.confidence)
        return _clean(rec)


@dataclass
class Person(Fact):
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    roles: list[Role] = field(default_factory=list)

    kind = "person"

    def to_record(self) -> dict[str, Any]:
        rec = self.base_record()
        rec.update(
            name=self.name,
            aliases=sorted(set(self.aliases) - {self.name}),
            country=self.country,
            roles=[r.to_record() for r in self.roles],
            confidence=self.confidence,
        )
        return _clean(rec)


@dataclass
class Commitment(Fact):
    countries: list[str] = field(default_factory=list)
    domain: str = "other"
    text: str = ""
    date: str | None = None

    kind = "commitment"

    def to_record(self) -> dict[str, Any]:
        rec = self.base_record()
        rec.update(countries=list(self.countries), domain=self.domain, text=self.text, date=self.date,
                   confidence=self.confidence)
        return _clean(rec)


@dataclass
class Organisation(Fact):
    """An organisation a document names: an international one with its code ("OTSC" → CSTO), or a
    party, ministry or company attached to its country ("le Parti communiste du Vietnam (PCV)")."""

    name: str = ""
    code: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)

    kind = "organisation"

    def to_record(self) -> dict[str, Any]:
        rec = self.base_record()
        rec.update(name=self.name, code=self.code, country=self.country,
                   aliases=sorted(set(self.aliases) - {self.name}))
        return _clean(rec)


@dataclass
class Actor:
    """One identity (a person, a country or an organisation) across all documents.

    ``id`` is stable for a given canonical form: ``person:<folded name>|<country>``, ``country:<ISO3>``,
    ``org:<code>``."""

    kind: Literal["person", "country", "org"]
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    mentions: int = 0
    sources: list[Source] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return _clean({
            "kind": "actor", "actor_kind": self.kind, "id": self.id, "name": self.name,
            "aliases": sorted(set(self.aliases) - {self.name}), "country": self.country,
            "roles": [r.to_record() | ({"doc": r.doc} if getattr(r, "doc", None) else {}) for r in self.roles],
            "docs": sorted(set(self.docs)), "mentions": self.mentions,
            "sources": [s.to_record() for s in self.sources]})


@dataclass
class DocumentFacts:
    """Everything the pipeline learned from one document."""

    document: Document
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)

    def facts(self) -> list[Fact]:
        return [*self.persons, *self.events, *self.figures, *self.relations, *self.commitments,
                *self.organisations]

    def to_records(self) -> list[dict[str, Any]]:
        return [f.to_record() for f in self.facts()]
