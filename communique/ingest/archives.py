"""Stage 1, ingest: web archives (WARC, ``.warc`` and ``.warc.gz``) read as a stream of pages.

What comes in: a WARC file as written by crawlers (Common Crawl News, the Internet Archive,
``wget --warc-file``), uncompressed or with one gzip member per record. It is read with
``warcio``, one record at a time: the archive is never held in memory, each page is read up to the
size limit (``max_bytes``, per page, after any HTTP content encoding is undone).

What goes out (``iter_warc``):

- a ``Document`` for each ``response`` record with HTTP status 200 and an HTML content type
  (``text/html``, ``application/xhtml+xml``): the page goes through the same extraction as an
  ``.html`` file (``ingest.html_document``: trafilatura main text, title, publication date from the
  page metadata). Its ``url`` is the record's ``WARC-Target-URI``; its id is made from that URI
  (``document_id``); its ``path`` is the archive. The record's ``WARC-Date`` (the day it was
  captured) is the publication date only when the page gives none, since a page is often captured
  days after it was published; ``--date`` overrides both.
- a ``Skipped`` (path ``ARCHIVE, record N at byte OFFSET (URI)``, and a reason) given to ``on_skip``
  for every other record: ``warcinfo``, ``request``, ``metadata``, ``revisit`` and the other
  record types, responses with another HTTP status ("HTTP status 404") or another content type
  ("not an HTML page (image/jpeg)"), and a second capture of a URL already read from the archive.
- an ``InputError`` for a page that cannot be read as an article (not French, no article text,
  over the size limit, cut off by the end of the archive), naming the archive, the record number
  and byte offset, and the URI; and one for a record that cannot be parsed at all (a corrupt WARC
  header, corrupt gzip data): reading then goes on from the next record found after it (the next
  gzip member in a ``.warc.gz``, the next ``WARC/`` line in a ``.warc``).

Record numbers count the records met from the start of the archive (1 for the first, usually the
``warcinfo`` record); after a corrupt stretch they count the records found again, so they may be
less than the true position. Byte offsets are offsets in the archive file as stored (compressed).
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlsplit

from communique.errors import InputError
from communique.records import Document

from . import DEFAULT_MAX_BYTES, PathArg, Skipped, _stat_regular, _too_big, html_document

log = logging.getLogger(__name__)

__all__ = ["HTML_CONTENT_TYPES", "document_id", "iter_warc"]

#: content types of the responses read as pages
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})

#: characters of the path kept in an id (the end of the path: the slug of a news article is last)
_SLUG_CHARS = 60
#: hex digits of the hash of the whole URI in an id
_HASH_CHARS = 10
#: bytes read at a time when looking for the next record after a corrupt one
_SCAN_BLOCK = 1 << 20

_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")
_NOT_HOST_RE = re.compile(r"[^a-z0-9.]+")
_PAGE_SUFFIX_RE = re.compile(r"\.(?:s?html?|php[0-9]?|aspx?|jsp|cms)$", re.I)


def document_id(uri: str) -> str:
    """A stable, readable id for the page at ``uri``: ``host_slug_hash``.

    ``host`` is the host name in lower case without a leading ``www.``; ``slug`` the last
    ``_SLUG_CHARS`` characters of the path (percent-decoded, accents dropped, ``.html`` and the like
    dropped, runs of other characters made one ``-``; left out when the path is empty); ``hash`` the
    first ``_HASH_CHARS`` hex digits of the SHA-1 of the whole URI (query included), so two URIs that
    differ only in their query or in characters the slug drops still get different ids. Example:
    ``https://www.exemple.fr/monde/2025/03/04/visite-a-oslo.html`` ->
    ``exemple.fr_monde-2025-03-04-visite-a-oslo_8e5b50a85a``.
    """
    parts = urlsplit(uri.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    host = _NOT_HOST_RE.sub("-", host).strip("-.") or "page"
    path = _PAGE_SUFFIX_RE.sub("", unquote(parts.path))
    path = unicodedata.normalize("NFKD", path).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG_RE.sub("-", path).strip("-")
    if len(slug) > _SLUG_CHARS:
        slug = slug[-_SLUG_CHARS:]
        slug = slug.split("-", 1)[1] if "-" in slug[:20] else slug  # start at a word
    digest = hashlib.sha1(uri.strip().encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_CHARS]
    return "_".join(p for p in (host, slug, digest) if p)


# ------------------------------------------------------------------------------ warcio glue


class _CorruptData(Exception):
    """Compressed data of a record that cannot be decompressed."""


@functools.lru_cache(maxsize=None)
def _strict_reader() -> type:
    """warcio's decompressing reader, made to raise on gzip data that turns corrupt inside a record
    (warcio itself writes the error to stderr and goes on with the record cut short)."""
    from warcio.bufferedreaders import DecompressingBufferedReader

    class StrictReader(DecompressingBufferedReader):  # type: ignore[misc]
        def _decompress(self, data: bytes) -> bytes:
            # warcio reads data that does not decompress from the start of a member as uncompressed:
            # right for a .warc, wrong for data that starts like gzip
            if self.decompressor is not None and data and (self.num_block_read > 0 or data[:2] == b"\x1f\x8b"):
                try:
                    return self.decompressor.decompress(data)
                except zlib.error as e:
                    raise _CorruptData(f"gzip data that cannot be decompressed ({e})") from None
            return super()._decompress(data)

    return StrictReader


def _archive_iterator(f: IO[bytes]) -> Any:
    """A warcio ``ArchiveIterator`` over ``f`` from its current position (nothing read yet)."""
    from warcio.archiveiterator import WARCIterator  # WARC only: no guessing of the older ARC format

    it = WARCIterator(f)
    it.reader = _strict_reader()(it.fh)
    return it


def _next_record_start(f: IO[bytes], start: int, gz: bool) -> int | None:
    """Offset of the first place at or after ``start`` where a record may begin: a gzip member
    header in a ``.warc.gz``, a ``WARC/`` line in a ``.warc``; None at the end of the file."""
    magic = b"\x1f\x8b\x08" if gz else b"\nWARC/"
    pos = start if gz else max(start - 1, 0)
    tail = b""
    while True:
        f.seek(pos)
        block = f.read(_SCAN_BLOCK)
        if not block:
            return None
        data = tail + block
        i = data.find(magic)
        if i >= 0:
            return pos - len(tail) + i + (0 if gz else 1)
        tail = data[-(len(magic) - 1):]
        pos += len(block)


_UNPRINTABLE_RE = re.compile(r"[^\x20-\x7e]+")


def _first_line(e: BaseException) -> str:
    """The exception on one short printable line (warcio quotes the bytes it could not parse)."""
    if isinstance(e, _CorruptData):
        return str(e)
    text = _UNPRINTABLE_RE.sub("?", " ".join(str(e).split())) or type(e).__name__
    if len(text) > 120:
        text = text[:120] + "..."
    return f"{type(e).__name__}: {text}"


def _read_archive(where: str, f: IO[bytes], size: int, gz: bool,
                  handle: Callable[[int, int, Any], Document | InputError | None]) -> Iterator[Document | InputError]:
    """What ``handle(number, offset, record)`` makes of each record of the archive, and an
    ``InputError`` for each record that cannot be parsed or decompressed: reading resumes at the next
    record start found after it."""
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    last_offset = -1  # offset of the record last handed to ``handle``
    start: int | None = 0
    resyncing = False  # after a corrupt record: failures at false starts are not reported again
    while start is not None:
        f.seek(start)
        it = _archive_iterator(f)
        records = iter(it)
        while True:
            failure: Exception | None = None
            try:
                record = next(records)
            except StopIteration:
                if it.offset < size and not resyncing:  # warcio ends quietly on a record cut short
                    yield InputError(f"{where}, record {number + 1} at byte {it.offset}",
                                     "record cut off (the archive ends in the middle of it)")
                return
            except OSError as e:
                yield InputError(where, f"cannot read file ({e.strerror or e})")
                return
            except Exception as e:  # warcio, gzip and header parse failures of a corrupt record
                if isinstance(e, ArchiveLoadFailed) and "non-chunked gzip" in str(e):
                    yield InputError(where, "the archive is one gzip stream, not one gzip member per record",
                                     hint="recompress it: warcio recompress IN.warc.gz OUT.warc.gz")
                    return
                failure = e
            offset = it.offset  # where the record just parsed (or not) starts
            if failure is None:
                resyncing = False
                last_offset = offset
                try:
                    result = handle(number + 1, offset, record)
                except _CorruptData as e:
                    failure = e
                number += 1
            if failure is not None:
                if not resyncing:
                    if offset != last_offset:  # else: the rest of the record handled last is corrupt
                        number += 1
                    what = "not a WARC file, or its first record is corrupt" if offset == 0 else "corrupt WARC record"
                    yield InputError(f"{where}, record {number} at byte {offset}",
                                     f"{what} ({_first_line(failure)}); reading goes on at the next record")
                resyncing = True
                start = _next_record_start(f, max(offset, start) + 1, gz)
                break
            if result is not None:
                yield result


# ------------------------------------------------------------------------------ records


def _header(headers: Any, name: str) -> str:
    value = headers.get_header(name) if headers is not None else None
    return value.strip() if isinstance(value, str) else ""


def _skip_reason(record: Any) -> str | None:
    """Why a record is not read as a page (None: it is read)."""
    rec_type = (record.rec_type or "unknown").lower()
    if rec_type != "response":
        return f"WARC {rec_type} record"
    http = record.http_headers
    if http is None or not http.protocol.upper().startswith("HTTP/"):
        return "not an HTTP response"
    status = http.get_statuscode() or "?"
    if status != "200":
        return f"HTTP status {status}"
    mime = _header(http, "Content-Type").split(";")[0].strip().lower()
    if mime not in HTML_CONTENT_TYPES:
        return f"not an HTML page ({mime or 'no content type'})"
    return None


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", content_type, re.I)
    return m.group(1) if m else None


def _drain(stream: Any) -> int:
    n = 0
    while True:
        chunk = stream.read(1 << 16)
        if not chunk:
            return n
        n += len(chunk)


def _page(where: str, record: Any, uri: str, doc_id: str, archive: str, max_bytes: int,
          date: str | None, lang: str | None = None) -> Document:
    """The ``Document`` of an HTML response record. Raises ``InputError`` naming ``where``."""
    try:
        stream = record.content_stream()
        data = stream.read(max_bytes + 1)
        over = _drain(stream) if len(data) > max_bytes else 0
        _drain(record.raw_stream)
    except _CorruptData:
        raise
    except Exception as e:  # chunked transfer or content encoding that cannot be undone
        raise InputError(where, f"cannot read the page ({_first_line(e)})") from None
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise InputError(where, "record cut off (the archive ends in the middle of it)")
    if over:
        raise _too_big(where, len(data) + over, max_bytes, what="page")
    if not data.strip():
        raise InputError(where, "empty page")
    warc_date = _header(record.rec_headers, "WARC-Date")[:10] or None
    return html_document(data, doc_id, where=where, path=archive, date=date,
                         charset=_charset(_header(record.http_headers, "Content-Type")), url=uri,
                         fallback_date=warc_date, fallback_date_label="WARC-Date", lang=lang)


def iter_warc(path: PathArg, *, max_bytes: int = DEFAULT_MAX_BYTES, date: str | None = None,
              on_skip: Callable[[Skipped], None] | None = None, lang: str | None = None
              ) -> Iterator[Document | InputError]:
    """Yield a ``Document`` per HTML page of a WARC archive, an ``InputError`` per page or record
    that cannot be read; the records passed over go to ``on_skip``.

    The publication date is the page's own (from its metadata); when the page has none, the
    record's ``WARC-Date`` (the capture day) is used instead; ``date`` overrides both. See the
    module docstring for what is read, skipped and reported. Never raises for a bad archive.
    """
    where = os.fspath(path)
    skip = on_skip or (lambda _s: None)
    try:
        st = _stat_regular(where, Path(where))
        if st.st_size == 0:
            raise InputError(where, "empty file")
        f = open(where, "rb")
    except InputError as e:
        yield e
        return
    except OSError as e:
        yield InputError(where, f"cannot read file ({e.strerror or e})")
        return
    seen: dict[str, int] = {}
    found = 0

    def handle(number: int, offset: int, record: Any) -> Document | InputError | None:
        nonlocal found
        found += 1
        uri = _header(record.rec_headers, "WARC-Target-URI")
        label = f"{where}, record {number} at byte {offset}"
        named = f"{label} ({uri})" if uri else label
        if not _header(record.rec_headers, "Content-Length"):  # warcio reads a header cut short all the same
            return InputError(label, "record cut off or corrupt (its WARC header has no Content-Length)")
        reason = _skip_reason(record)
        if reason is not None:
            skip(Skipped(named, reason))
            return None
        if not uri:
            return InputError(label, "response record without a WARC-Target-URI")
        doc_id = document_id(uri)
        if doc_id in seen:
            skip(Skipped(named, f"another capture of a URL already read (record {seen[doc_id]})"))
            return None
        seen[doc_id] = number
        try:
            return _page(named, record, uri, doc_id, where, max_bytes, date, lang)
        except InputError as e:
            return e

    with f:
        failed = False
        for item in _read_archive(where, f, st.st_size, where.lower().endswith(".gz"), handle):
            failed = failed or isinstance(item, InputError)
            yield item
        if found == 0 and not failed:
            yield InputError(where, "no WARC records found in the file")
    log.debug("%s: %d records, %d pages", where, found, len(seen))
