"""The web pages: server-rendered, each with a JSON twin (the same URL with ``.json``, or
``Accept: application/json``), every fact one click from its sentence."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..query import browse
from . import charts
from .app import wants_json

router = APIRouter(include_in_schema=False)

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TYPES = ("visit", "meeting", "call", "agreement", "upgrade")


def page(path: str) -> Callable:
    """Register a page at ``path`` and its JSON twin at ``path.json`` (the twin first, so that
    ``/dyads/VNM/RUS.json`` is not read as the country "RUS.json")."""
    def register(fn: Callable) -> Callable:
        router.add_api_route("/index.json" if path == "/" else path + ".json", fn, methods=["GET"],
                             response_class=JSONResponse)
        router.add_api_route(path, fn, methods=["GET"], response_class=HTMLResponse)
        return fn
    return register


def render(request: Request, template: str, record: dict[str, Any], **context: Any) -> Response:
    if wants_json(request):
        return JSONResponse(record)
    t = request.app.state.templates
    return t.TemplateResponse(request, template, {"record": record, **context})


def _store(request: Request):
    return request.app.state.settings.store


def _date(value: Optional[str]) -> Optional[str]:
    """A date bound from a form: kept when well formed, dropped (not an error page) otherwise."""
    value = (value or "").strip()
    return value if DATE.match(value) else None


@page("/")
def world(request: Request, start: Optional[str] = Query(None, max_length=10),
          end: Optional[str] = Query(None, max_length=10)):
    start, end = _date(start), _date(end)
    net = browse.network(_store(request), start, end)
    return render(request, "world.html", net.to_record(), net=net, chart=charts.network_chart(net),
                  start=start or "", end=end or "", title="World")


@page("/dyads/{a}/{b}")
def dyad(request: Request, a: str, b: str, type: Optional[str] = Query(None, max_length=20)):
    store = _store(request)
    report = browse.dyad_report(store, a, b)
    events = browse.events(store, dyad=(a, b), status=None, limit=500).items
    shown = [e for e in events if not type or e.get("type") == type]
    return render(request, "dyad.html", report.to_record(), report=report, events=shown, all_events=events,
                  type=type if type in TYPES else None, types=TYPES,
                  levels_chart=charts.levels_chart(report.history),
                  timeline_chart=charts.timeline_chart([e for e in shown if e.get("status") in (None, "happened")]),
                  trade_chart=charts.trade_chart(report.figures, report.targets),
                  title=f"{report.countries[0]} – {report.countries[1]}")


@page("/countries/{code}")
def country(request: Request, code: str, start: Optional[str] = Query(None, max_length=10),
            end: Optional[str] = Query(None, max_length=10)):
    view = browse.country(_store(request), code, _date(start), _date(end))
    return render(request, "country.html", view.to_record(), view=view, title=view.code)


@page("/events/{event_id}")
def event(request: Request, event_id: str):
    rec = browse.event(_store(request), event_id)
    return render(request, "event.html", rec, event=rec, title=rec.get("type", "event"))


@page("/persons/{person_id}")
def person(request: Request, person_id: str):
    view = browse.person(_store(request), person_id)
    return render(request, "person.html", view.to_record(), view=view, title=view.person.get("name"))


@page("/documents")
def documents(request: Request, after: Optional[str] = Query(None, max_length=500)):
    pg = browse.documents(_store(request), after=after)
    return render(request, "documents.html", pg.to_record(), page=pg, title="Articles")


@page("/documents/{doc_id}")
def document(request: Request, doc_id: str, s: Optional[str] = Query(None, max_length=40)):
    view = browse.document(_store(request), doc_id)
    parts = _highlight(view.text, s)
    return render(request, "document.html", view.to_record(), view=view, parts=parts, title=view.title or view.doc)


def _highlight(text: str, span: Optional[str]) -> tuple[str, str, str]:
    """The text cut around the sentence ``start-end`` to highlight (escaped by the template)."""
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", span or "")
    if not m:
        return text, "", ""
    a, b = int(m.group(1)), int(m.group(2))
    if not 0 <= a < b <= len(text):
        return text, "", ""
    return text[:a], text[a:b], text[b:]


@page("/search")
def search(request: Request, q: str = Query("", max_length=200)):
    result = browse.search(_store(request), q)
    return render(request, "search.html", result.to_record(), result=result, title=f"Search {q}" if q else "Search")


@page("/conflicts")
def conflicts(request: Request):
    found = browse.conflicts(_store(request))
    return render(request, "conflicts.html", {"items": found}, conflicts=found, title="Conflicts")
