"""Stage serve: the web UI and the REST API over one database, two thin faces of ``query``.

In: a database (SQLite file or PostgreSQL URL) whose merged record ``ingest`` keeps up to date.
Out: a FastAPI application (``create_app``): server-rendered pages (world network, dyads, countries,
events, persons, documents with the sentence highlighted, search, conflicts), each with a JSON twin
(the same URL with ``.json``, or ``Accept: application/json``), and the REST API under ``/api``.
No query logic lives here: routes call ``query.browse`` and render what it returns. Charts are SVG
drawn on the server (``charts``); the only script is an optional filter, so every page works
without JavaScript and without internet access. Writes (``POST /api/documents``) need a token.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
