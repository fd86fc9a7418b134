"""The application: one store, the API router, the page router, errors as HTTP answers."""
from __future__ import annotations

import hmac
from contextlib import asynccontextmanager
import logging
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..errors import CommuniqueError, QueryError, StoreError
from ..store.queries import BadCursor
from ..query.browse import NotFound
from ..query.wording import wording

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
#: the largest article ``POST /api/documents`` accepts, as the CLI's default --max-size
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
TOKEN_ENV = "COMMUNIQUE_TOKEN"


class Settings:
    """What the faces share: the store, the write token, the knowledge base, the wording."""

    def __init__(self, db: str, token: str | None, kb: Any = None):
        from ..store import open_store

        self.db = db
        self.store = open_store(db, create=False)
        self.token = token or None
        self.kb = kb
        self.wording = wording()

    def may_write(self, presented: str | None) -> bool:
        """True when writes are on (a token is set) and ``presented`` is that token."""
        if not self.token or not presented:
            return False
        return hmac.compare_digest(presented.encode("utf-8"), self.token.encode("utf-8"))


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(HERE / "templates"))
    t.env.autoescape = True  # every template, whatever its name: record text is never markup
    w = wording()
    filters = dict(
        country=w.country, date=w.date, amount=w.amount, level=lambda c: w.label("level", c),
        role=lambda c: w.label("role", c), metric=lambda c: w.label("metric", c),
        domain=lambda c: w.label("domain", c), verdict=lambda c: w.label("verdict", c),
        event_type=w.event_type, shorten=w.shorten, percent=w.percent)
    # a field the record does not have is None to the wording, as in the CLI reports
    t.env.filters.update({name: _lenient(fn) for name, fn in filters.items()})
    t.env.globals.update(date_range=w.date_range)
    return t


def _lenient(fn):
    from jinja2 import Undefined

    def call(value, *args):
        return fn(None if isinstance(value, Undefined) else value,
                  *(None if isinstance(a, Undefined) else a for a in args))
    return call


def wants_json(request: Request) -> bool:
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def create_app(db: str, token: str | None = None, kb: Any = None) -> FastAPI:
    """The web UI and the REST API over ``db``. Writes are on only when ``token`` (or
    $COMMUNIQUE_TOKEN) is set, and then need it as ``Authorization: Bearer TOKEN``."""
    from . import api, pages

    settings = Settings(db, token if token is not None else os.environ.get(TOKEN_ENV), kb)
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        settings.store.close()

    app = FastAPI(title="communique", version=_version(), docs_url="/api/docs", redoc_url=None, lifespan=lifespan,
                  openapi_url="/openapi.json",
                  description="The record of bilateral relations read from diplomatic news: events, figures, "
                              "levels, persons, commitments, each with the sentences it comes from.")
    app.state.settings = settings
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, e: NotFound):
        return _error(request, 404, e)

    @app.exception_handler(QueryError)
    async def _bad_query(request: Request, e: QueryError):
        return _error(request, 400, e)

    @app.exception_handler(StoreError)
    async def _store(request: Request, e: StoreError):
        if isinstance(e, BadCursor):  # the client's cursor, not the database
            return _error(request, 400, e)
        log.error("%s", e)
        return _error(request, 503, e)

    return app


def _error(request: Request, status: int, e: CommuniqueError):
    body = {"error": e.message, "hint": e.hint, "code": e.code}
    if request.url.path.startswith("/api") or wants_json(request):
        return JSONResponse(body, status_code=status)
    html = request.app.state.templates.get_template("error.html").render(
        request=request, status=status, error=e.message, hint=e.hint)
    return HTMLResponse(html, status_code=status)


def _version() -> str:
    from .. import _version as v

    return v()
