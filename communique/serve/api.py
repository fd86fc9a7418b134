"""The REST API under ``/api``: plural resources, filters, cursor pagination, stable ids.

Every record carries its sources (document and sentence). Lists answer ``{"items", "next", "total"}``:
pass ``next`` back as ``after`` for the following page. Writes need the token (see ``app``).
"""
from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any, Literal, Optional

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from ..query import browse

router = APIRouter(prefix="/api", tags=["record"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class EventType(str, Enum):
    visit = "visit"
    meeting = "meeting"
    call = "call"
    agreement = "agreement"
    upgrade = "upgrade"


class Status(str, Enum):
    happened = "happened"
    planned = "planned"
    hypothetical = "hypothetical"
    negated = "negated"
    any = "any"


class Metric(str, Enum):
    trade_volume = "trade_volume"
    trade_target = "trade_target"
    investment = "investment"
    tourist_arrivals = "tourist_arrivals"
    strategic_partner_count = "strategic_partner_count"
    other = "other"


Country = Annotated[Optional[str], Query(max_length=80, description="ISO code or name, French or English")]
Start = Annotated[Optional[str], Query(pattern=DATE, description="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")]
End = Annotated[Optional[str], Query(pattern=DATE, description="up to this date, inclusive")]
After = Annotated[Optional[str], Query(max_length=500, description="the `next` cursor of the previous page")]
Limit = Annotated[int, Query(ge=1, le=500)]


def store(request: Request):
    return request.app.state.settings.store


def _dyad(dyad: str | None) -> tuple[str, str] | None:
    if not dyad:
        return None
    parts = [p.strip() for p in dyad.split(",") if p.strip()]
    if len(parts) != 2:
        raise HTTPException(422, "dyad takes two countries separated by a comma, e.g. dyad=VNM,RUS")
    return parts[0], parts[1]


@router.get("/events", summary="Events (visits, meetings, calls, agreements, upgrades) in date order")
def events(s=Depends(store), type: Optional[EventType] = None, country: Country = None,
           dyad: Annotated[Optional[str], Query(max_length=170, description="two countries: VNM,RUS")] = None,
           start: Start = None, end: End = None, status: Status = Status.happened,
           person: Annotated[Optional[str], Query(max_length=120)] = None, after: After = None,
           limit: Limit = 50) -> dict[str, Any]:
    return browse.events(s, type=type.value if type else None, country=country, dyad=_dyad(dyad), start=start,
                         end=end, status=None if status is Status.any else status.value, person=person,
                         after=after, limit=limit).to_record()


@router.get("/events/{event_id}", summary="One event with its sources")
def event(event_id: str, s=Depends(store)) -> dict[str, Any]:
    return browse.event(s, event_id)


@router.get("/persons", summary="Persons, one record each whatever the spelling")
def persons(s=Depends(store), country: Country = None, after: After = None, limit: Limit = 50) -> dict[str, Any]:
    return browse.persons(s, country=country, after=after, limit=limit).to_record()


@router.get("/persons/{person_id}", summary="One person: names, roles over time, events")
def person(person_id: str, s=Depends(store)) -> dict[str, Any]:
    return browse.person(s, person_id).to_record()


@router.get("/countries", summary="Countries by activity in a period, and their contacts")
def countries(s=Depends(store), start: Start = None, end: End = None) -> dict[str, Any]:
    return browse.network(s, start, end, top=500).to_record()


@router.get("/countries/{country}", summary="One country: partners ranked, levels, trips abroad, visits received")
def country(country: str, s=Depends(store), start: Start = None, end: End = None) -> dict[str, Any]:
    return browse.country(s, country, start, end).to_record()


@router.get("/dyads/{a}/{b}", summary="The relationship of two countries")
def dyad(a: str, b: str, s=Depends(store)) -> dict[str, Any]:
    return browse.dyad_report(s, a, b).to_record()


@router.get("/figures", summary="Figures: trade, targets, investment, arrivals")
def figures(s=Depends(store), metric: Optional[Metric] = None, country: Country = None,
            dyad: Annotated[Optional[str], Query(max_length=170)] = None, start: Start = None, end: End = None,
            after: After = None, limit: Limit = 50) -> dict[str, Any]:
    return browse.figures(s, type=metric.value if metric else None, country=country, dyad=_dyad(dyad),
                          start=start, end=end, after=after, limit=limit).to_record()


@router.get("/documents", summary="Stored articles")
def documents(s=Depends(store), after: After = None, limit: Limit = 50) -> dict[str, Any]:
    return browse.documents(s, after=after, limit=limit).to_record()


@router.get("/documents/{doc_id}", summary="One article: its text and every fact read from it")
def document(doc_id: str, s=Depends(store)) -> dict[str, Any]:
    return browse.document(s, doc_id).to_record()


@router.get("/conflicts", summary="Contradictions between sources, with both sentences")
def conflicts(s=Depends(store), about: Annotated[Optional[str], Query(pattern="^(event|figure|person)$")] = None
              ) -> dict[str, Any]:
    found = browse.conflicts(s, about)
    return {"items": found, "next": None, "total": len(found)}


@router.get("/search", summary="Articles, persons and organisations matching words (any spelling of a name)")
def search(q: Annotated[str, Query(max_length=200)], s=Depends(store),
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
    return browse.search(s, q, limit).to_record()


# ---------------------------------------------------------------------------------------------- writes

class Article(BaseModel):
    """An article to ingest: the same fields as a line of a ``.jsonl`` input."""

    id: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1)
    date: Optional[str] = Field(default=None, pattern=DATE)
    url: Optional[str] = Field(default=None, max_length=2000)
    title: Optional[str] = Field(default=None, max_length=1000)
    lang: Optional[Literal["fr", "en"]] = Field(default=None, description="told from the text when absent")


@router.post("/documents", status_code=201, summary="Ingest one article (needs the token)",
             responses={403: {"description": "writes are off, or the token is wrong"},
                        413: {"description": "the article is larger than the limit"},
                        422: {"description": "the article cannot be read (empty, neither French nor English, ...)"}})
async def add_document(request: Request, authorization: Annotated[Optional[str], Header()] = None
                       ) -> dict[str, Any]:
    from .app import MAX_UPLOAD_BYTES

    settings = request.app.state.settings
    presented = authorization[7:] if authorization and authorization.startswith("Bearer ") else None
    if not settings.may_write(presented):
        raise HTTPException(403, "writes are off (start `communique serve` with --token) or the token is wrong")
    body = await request.body()
    if len(body) > MAX_UPLOAD_BYTES + 4096:
        raise HTTPException(413, f"the article is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    try:
        article = Article.model_validate(json.loads(body))
    except (ValueError, TypeError) as e:
        raise HTTPException(422, f"not an article record ({{\"id\", \"text\", \"date\"?, ...}}): {e}") from None
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_ingest, settings, article)


def _ingest(settings, article: Article) -> dict[str, Any]:
    from .. import _pipeline
    from ..errors import InputError
    from ..ingest import make_document
    from ..store import DocumentRejected
    from ..store.merged import update_merged

    try:
        doc = make_document(article.text, article.id, where=f"upload {article.id!r}", date=None,
                            meta_date=article.date, meta_date_label="date field", url=article.url, title=article.title,
                            lang=article.lang)
    except InputError as e:
        raise HTTPException(422, str(e)) from None
    try:
        facts = next(iter(_pipeline(None).process_documents([doc])), None)
    except InputError as e:
        raise HTTPException(422, str(e)) from None
    if facts is None:
        raise HTTPException(422, f"upload {article.id!r}: the article could not be analysed")
    try:
        stored = settings.store.add(facts)
    except DocumentRejected as e:
        raise HTTPException(409, str(e)) from None
    if stored:
        update_merged(settings.store, settings.kb)  # only the merge groups its facts touch
    return {"doc": doc.id, "stored": stored, "facts": len(facts.to_records())}


# ---------------------------------------------------------------------------------------------- event data

class EventDataFormat(str, Enum):
    plover = "plover"
    cameo = "cameo"


@router.get("/export/{fmt}", summary="The merged events for the field's tools: PLOVER JSON Lines or CAMEO TSV",
            response_class=Response,
            responses={200: {"content": {"application/x-ndjson": {}, "text/tab-separated-values": {}}}})
def export_events(fmt: EventDataFormat, s=Depends(store)) -> Response:
    import io

    from ..export_formats import write_cameo_tsv, write_plover

    buf = io.StringIO()
    records = list(s.merged("event"))
    if fmt is EventDataFormat.plover:
        write_plover(records, buf)
        return Response(buf.getvalue(), media_type="application/x-ndjson",
                        headers={"Content-Disposition": 'attachment; filename="communique-plover.jsonl"'})
    write_cameo_tsv(records, buf)
    return Response(buf.getvalue(), media_type="text/tab-separated-values",
                    headers={"Content-Disposition": 'attachment; filename="communique-cameo.tsv"'})
