"""The read queries behind the web pages and the REST API: pages of merged records, counts, the
contacts of each pair of countries, full-text search over documents, search of actors by name.

Every query reads the query columns of ``merged_facts`` and ``merged_fact_countries`` (revision 0003)
through their indexes, never the record JSON, so it stays fast on a large store. ``Store`` wraps each
function (``Store.merged_page``, ``Store.dyad_counts``, ...) in a connection and its error handling.

Pages are keyset-paginated: a page ends with an opaque cursor (URL-safe base64 of the sort key of its
last row, the order and the kind) that the next call passes as ``after``; rows written between two
calls move no other row, so no record is seen twice or skipped because of an offset.
"""
from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..errors import StoreError
from ..lang import words as folded_words
from .merged import MERGED_KINDS
from .schema import (DOCUMENTS_TSVECTOR, documents, facts, merged_fact_countries, merged_fact_lists, merged_fact_sources,
                     merged_facts)

#: the most records one page holds
MAX_LIMIT = 500
#: the orders of ``merged_page``
ORDERS = ("date", "id")
#: the event types that count as contacts between two countries (``dyad_counts``)
CONTACT_TYPES = ("visit", "meeting", "call", "agreement")
#: how many words of a search are used (the rest is ignored)
MAX_SEARCH_WORDS = 32

_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_WORD = re.compile(r"\w+")


class BadCursor(StoreError):
    """The ``after`` cursor of a page is not one this store gave for that list (changed, cut short, or
    from another list or order)."""

    code = "E303"

    def __init__(self, cursor: str, problem: str):
        shown = cursor if len(cursor) <= 40 else cursor[:37] + "..."
        super().__init__(f"bad page cursor {shown!r}: {problem}",
                         "start again from the first page, and pass the cursor the last page gave unchanged")
        self.cursor = cursor
        self.problem = problem


# ------------------------------------------------------------------------------------------ cursors

@dataclass(frozen=True)
class _Key:
    """Where a page ended: the last row's id, and for the date order its date (None: undated rows)."""

    id: int
    date: str | None = None
    undated: bool = False


def _encode(what: str, order: str, key: _Key) -> str:
    data: dict[str, Any] = {"k": what, "o": order, "i": key.id}
    if order == "date":
        data.update({"u": 1} if key.undated else {"d": key.date})
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode(cursor: str, what: str, order: str) -> _Key:
    if not isinstance(cursor, str) or not cursor:
        raise BadCursor(str(cursor), "not a cursor string")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode("ascii"))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BadCursor(cursor, "it cannot be read") from None
    if not isinstance(data, dict):
        raise BadCursor(cursor, "it cannot be read")
    if data.get("k") != what or data.get("o") != order:
        raise BadCursor(cursor, f"it belongs to another list (not {what} records in {order} order)")
    fid = data.get("i")
    if not isinstance(fid, int) or isinstance(fid, bool):
        raise BadCursor(cursor, "it names no row")
    if order != "date":
        return _Key(fid)
    if data.get("u") == 1:
        return _Key(fid, undated=True)
    date = data.get("d")
    if not isinstance(date, str) or not date or len(date) > 10:
        raise BadCursor(cursor, "it names no date")
    return _Key(fid, date)


# ------------------------------------------------------------------------------------------ merged records

m = merged_facts
mc = merged_fact_countries
ms = merged_fact_sources
ml = merged_fact_lists
#: blocks per statement reading sources written apart
_BLOCKS_CHUNK = 500


def sources_apart(conn: Connection, places: Iterable[tuple[int, int]]) -> dict[tuple[int, int], list[dict[str, Any]]]:
    """The sources written apart (``merged_fact_sources``) of the merged records at ``places`` (``(block,
    position)``), each list in its record's order."""
    out: dict[tuple[int, int], list[dict[str, Any]]] = {p: [] for p in places}
    blocks = sorted({b for b, _p in out})
    for i in range(0, len(blocks), _BLOCKS_CHUNK):
        q = (sa.select(ms.c.block, ms.c.position, ms.c.value).where(ms.c.block.in_(blocks[i:i + _BLOCKS_CHUNK]))
             .order_by(ms.c.block, ms.c.position, ms.c.sort))
        for b, p, value in conn.execute(q):
            held = out.get((b, p))
            if held is not None:
                held.append(json.loads(value))
    return out


def lists_apart(conn: Connection, places: Iterable[tuple[int, int]]) -> dict[tuple[int, int], dict[str, list[Any]]]:
    """The lists written apart (``merged_fact_lists``: a person's ``docs`` and ``roles``) of the merged records at
    ``places``, each in its record's order."""
    out: dict[tuple[int, int], dict[str, list[Any]]] = {p: {"docs": [], "roles": []} for p in places}
    blocks = sorted({b for b, _p in out})
    for i in range(0, len(blocks), _BLOCKS_CHUNK):
        q = (sa.select(ml.c.block, ml.c.position, ml.c.field, ml.c.value)
             .where(ml.c.block.in_(blocks[i:i + _BLOCKS_CHUNK])).order_by(ml.c.block, ml.c.position, ml.c.field, ml.c.sort))
        for b, p, field, value in conn.execute(q):
            held = out.get((b, p))
            if held is not None:
                held.setdefault(field, []).append(json.loads(value))
    return out


def put_lists(rec: dict[str, Any], lists: dict[str, list[Any]]) -> dict[str, Any]:
    """A record written with its lists apart (``[]`` in their places) with ``lists`` put back: as it was before
    (a list with no item is left out, as a merged record leaves it; ``docs`` is always there)."""
    for field, items in lists.items():
        if items or field == "docs":
            rec[field] = items
        else:
            rec.pop(field, None)
    return rec


def assemble(conn: Connection, rows: Sequence[Any]) -> list[Any]:
    """The records of merged rows (with ``record``, ``block``, ``position``, ``sources_apart``, and
    ``lists_apart`` if read), as data: those whose sources or lists are written apart with them put back in
    their place."""
    recs = [json.loads(r.record) for r in rows]
    apart = [(r.block, r.position) for r in rows if r.sources_apart]
    if apart:
        found = sources_apart(conn, apart)
        for r, rec in zip(rows, recs):
            if r.sources_apart and isinstance(rec, dict):
                rec["sources"] = found[(r.block, r.position)]
    listed = [(r.block, r.position) for r in rows if getattr(r, "lists_apart", None)]
    if listed:
        found_lists = lists_apart(conn, listed)
        for r, rec in zip(rows, recs):
            if getattr(r, "lists_apart", None) and isinstance(rec, dict):
                put_lists(rec, found_lists[(r.block, r.position)])
    return recs


#: the columns ``assemble`` reads besides ``record``
_PLACE = (m.c.block, m.c.position, m.c.sources_apart, m.c.lists_apart)


def _dated() -> sa.ColumnElement[bool]:
    """Rows with a date that has a year (the date order puts the others last, by id)."""
    return sa.and_(m.c.date_start.is_not(None), sa.not_(m.c.date_start.startswith("--", autoescape=True)))


def _undated() -> sa.ColumnElement[bool]:
    return sa.or_(m.c.date_start.is_(None), m.c.date_start.startswith("--", autoescape=True))


def _check_kind(kind: str) -> str:
    if kind not in MERGED_KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(MERGED_KINDS)}")
    return kind


def _check_bound(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _BOUND.fullmatch(value):
        raise ValueError(f"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def _date_bounds(start: str | None, end: str | None) -> list[sa.ColumnElement[bool]]:
    """``start``/``end``: inclusive prefixes, compared on the first characters of date_start as
    ``query.views.timeline`` does; undated and yearless dates are out when a bound is given."""
    start, end = _check_bound("start", start), _check_bound("end", end)
    if start is None and end is None:
        return []
    conds = [_dated()]
    if start:
        conds.append(m.c.date_start >= start)  # same as date_start[:len(start)] >= start
    if end:
        conds.append(sa.func.substr(m.c.date_start, 1, len(end)) <= end)
    return conds


def merged_filters(kind: str, *, type: str | None = None, country: str | None = None,
                   dyad: Sequence[str] | None = None, start: str | None = None, end: str | None = None,
                   status: str | None = None, person: str | None = None) -> list[sa.ColumnElement[bool]]:
    """The WHERE conditions of a filtered list of merged records (see ``Store.merged_page``)."""
    conds: list[sa.ColumnElement[bool]] = [m.c.kind == _check_kind(kind)]
    if type:
        conds.append(m.c.type == type)
    if status:
        conds.append(m.c.status == status)
    codes = [country] if country else []
    if dyad:
        if isinstance(dyad, str) or len(dyad) != 2 or not all(isinstance(c, str) and c for c in dyad):
            raise ValueError(f"a dyad is two country codes, not {dyad!r}")
        codes += list(dyad)
    for code in dict.fromkeys(codes):
        conds.append(m.c.id.in_(sa.select(mc.c.fact_id).where(mc.c.country == code)))
    conds += _date_bounds(start, end)
    if person:
        phrase = " ".join(folded_words(person))
        if phrase:  # whole words of one participant's name, in order
            conds.append((" " + sa.func.coalesce(m.c.search, "") + " ").contains(f" {phrase} ", autoescape=True))
    return conds


def _items(conn: Connection, rows: Sequence[Any]) -> list[dict[str, Any]]:
    return [_item(r, rec) for r, rec in zip(rows, assemble(conn, rows))]


def _item(row: Any, rec: Any) -> dict[str, Any]:
    if isinstance(rec, dict):
        rec.setdefault("kind", row.kind)
    else:  # not a record (a damaged row, which `db check` reports): shown as it is
        rec = {"kind": row.kind, "value": rec}
    rec["id"] = row.key
    rec["n_sources"] = row.n_sources
    return rec


def merged_page(conn: Connection, kind: str, *, after: str | None = None, limit: int = 50, order: str = "date",
                **filters: Any) -> tuple[list[dict[str, Any]], str | None]:
    """One page of merged records and the cursor of the next page (see ``Store.merged_page``)."""
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}; expected one of {', '.join(ORDERS)}")
    conds = merged_filters(kind, **filters)
    limit = max(1, min(int(limit), MAX_LIMIT))
    key = _decode(after, kind, order) if after is not None else None
    cols = sa.select(m.c.id, m.c.key, m.c.kind, m.c.record, m.c.n_sources, m.c.date_start, *_PLACE)
    rows: list[Any] = []
    if order == "id":
        q = cols.where(*conds, *([m.c.id > key.id] if key else [])).order_by(m.c.id).limit(limit + 1)
        rows = conn.execute(q).all()
    else:
        if key is None or not key.undated:
            after_key = []
            if key is not None:
                after_key = [m.c.date_start >= key.date,
                             sa.or_(m.c.date_start > key.date, sa.and_(m.c.date_start == key.date, m.c.id > key.id))]
            q = cols.where(*conds, _dated(), *after_key).order_by(m.c.date_start, m.c.id).limit(limit + 1)
            rows = conn.execute(q).all()
        bounded = bool(filters.get("start") or filters.get("end"))
        if len(rows) <= limit and not bounded:
            after_key = [m.c.id > key.id] if key is not None and key.undated else []
            q = cols.where(*conds, _undated(), *after_key).order_by(m.c.id).limit(limit + 1 - len(rows))
            rows += conn.execute(q).all()
    page = rows[:limit]
    if len(rows) <= limit or not page:
        return _items(conn, page), None
    last = page[-1]
    if order == "id":
        nxt = _Key(last.id)
    elif last.date_start is None or last.date_start.startswith("--"):
        nxt = _Key(last.id, undated=True)
    else:
        nxt = _Key(last.id, last.date_start)
    return _items(conn, page), _encode(kind, order, nxt)


def merged_count(conn: Connection, kind: str, **filters: Any) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(m).where(*merged_filters(kind, **filters))).scalar_one()


def merged_by_key(conn: Connection, key: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(m.c.id, m.c.key, m.c.kind, m.c.record, m.c.n_sources, *_PLACE)
                       .where(m.c.key == key)).first()
    return _items(conn, [row])[0] if row is not None else None


def dyad_counts(conn: Connection, start: str | None = None, end: str | None = None, *,
                types: Sequence[str] = CONTACT_TYPES, status: str | None = "happened") -> list[tuple[str, str, int]]:
    """``(a, b, n)`` for every pair of countries (a < b): how many merged events of ``types`` with
    ``status`` had both among their countries in the period; most contacts first, then by codes."""
    a, b = mc.alias("a"), mc.alias("b")
    conds = [m.c.kind == "event", m.c.type.in_(list(types)), *_date_bounds(start, end)]
    if status:
        conds.append(m.c.status == status)
    n = sa.func.count().label("n")
    q = (sa.select(a.c.country, b.c.country, n)
         .select_from(a.join(b, sa.and_(b.c.fact_id == a.c.fact_id, a.c.country < b.c.country))
                      .join(m, m.c.id == a.c.fact_id))
         .where(*conds)
         .group_by(a.c.country, b.c.country)
         .order_by(n.desc(), a.c.country, b.c.country))
    return [(x, y, k) for x, y, k in conn.execute(q)]


def search_actors(conn: Connection, q: str, limit: int = 20,
                  kinds: Sequence[str] = ("person", "organisation")) -> list[dict[str, Any]]:
    """Merged persons and organisations with every folded word of ``q`` at the start of a word of one
    of their names ("to lam" finds Tô Lâm, "lul" finds Lula); most reported first."""
    words = folded_words(_clean(q))[:MAX_SEARCH_WORDS]
    if not words:
        return []
    conds = [m.c.kind.in_([_check_kind(k) for k in kinds]), m.c.search.is_not(None)]
    conds += [(" " + m.c.search).contains(" " + w, autoescape=True) for w in words]
    rows = conn.execute(sa.select(m.c.id, m.c.key, m.c.kind, m.c.record, m.c.n_sources, *_PLACE).where(*conds)
                        .order_by(m.c.n_sources.desc(), m.c.name, m.c.id)
                        .limit(max(1, min(int(limit), MAX_LIMIT)))).all()
    return _items(conn, rows)


# ------------------------------------------------------------------------------------------ documents

def documents_page(conn: Connection, *, after: str | None = None, limit: int = 50
                   ) -> tuple[list[dict[str, Any]], str | None]:
    """One page of documents in the order they were stored (see ``Store.documents_page``)."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    key = _decode(after, "document", "id") if after is not None else None
    n_facts = (sa.select(sa.func.count()).select_from(facts).where(facts.c.document_pk == documents.c.pk)
               .scalar_subquery())
    q = (sa.select(documents.c.pk, documents.c.doc_id, documents.c.title, documents.c.date, documents.c.url,
                   documents.c.path, n_facts.label("n_facts"))
         .where(*([documents.c.pk > key.id] if key else [])).order_by(documents.c.pk).limit(limit + 1))
    rows = conn.execute(q).all()
    items = [{"doc": r.doc_id, "title": r.title, "date": r.date, "url": r.url, "path": r.path, "facts": r.n_facts}
             for r in rows[:limit]]
    return items, (_encode("document", "id", _Key(rows[limit - 1].pk)) if len(rows) > limit else None)


def _clean(q: Any) -> str:
    """User input as text a database accepts: no NUL, no lone surrogates."""
    if not isinstance(q, str):
        return ""
    return q.replace("\x00", " ").encode("utf-8", "ignore").decode("utf-8")


def fts5_query(q: str) -> str | None:
    """An FTS5 MATCH expression that finds documents with every word of ``q`` (each word a quoted
    string, so no character of the input is FTS5 syntax), or None when ``q`` has no word."""
    words = _WORD.findall(_clean(q))[:MAX_SEARCH_WORDS]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search_documents(conn: Connection, q: str, limit: int = 20,
                     highlight: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:
    """Documents whose title or text has every word of ``q``, best first: ``{"doc", "title", "date",
    "snippet"}``, the snippet a short extract with the words found between the ``highlight`` marks."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    start_mark, stop_mark = highlight
    if conn.dialect.name == "sqlite":
        match = fts5_query(q)
        if match is None:
            return []
        sql = sa.text(
            "SELECT d.doc_id, d.title, d.date, snippet(documents_fts, -1, :a, :b, '…', 24) AS snippet "
            "FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid "
            "WHERE documents_fts MATCH :q ORDER BY bm25(documents_fts, 2.0, 1.0), d.pk LIMIT :n")
        rows = conn.execute(sql, {"a": start_mark, "b": stop_mark, "q": match, "n": limit})
    else:
        words = _WORD.findall(_clean(q))[:MAX_SEARCH_WORDS]
        if not words:
            return []
        if any('"' in mark or "," in mark for mark in highlight):
            raise ValueError("highlight marks cannot hold '\"' or ',' on PostgreSQL")
        options = (f'StartSel="{start_mark}", StopSel="{stop_mark}", MaxWords=35, MinWords=15, '
                   'MaxFragments=1, FragmentDelimiter=" … "')
        query = "plainto_tsquery('simple', :q)"
        sql = sa.text(
            f"SELECT d.doc_id, d.title, d.date, "
            f"ts_headline('simple', coalesce(d.title, '') || ' ' || d.text, {query}, :options) AS snippet "
            f"FROM (SELECT pk, ts_rank({DOCUMENTS_TSVECTOR}, {query}) AS rank FROM documents "
            f"WHERE {DOCUMENTS_TSVECTOR} @@ {query} ORDER BY rank DESC, pk LIMIT :n) AS best "
            f"JOIN documents d ON d.pk = best.pk ORDER BY best.rank DESC, d.pk")
        rows = conn.execute(sql, {"q": " ".join(words), "n": limit, "options": options})
    return [{"doc": doc, "title": title, "date": date, "snippet": snippet} for doc, title, date, snippet in rows]


__all__ = ["CONTACT_TYPES", "MAX_LIMIT", "ORDERS", "BadCursor", "documents_page", "dyad_counts", "fts5_query",
           "merged_by_key",            "merged_count", "merged_filters", "merged_page", "search_actors", "search_documents"]
