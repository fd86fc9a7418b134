"""Stage 1, ingest: read input files into ``Document`` records.

What comes in: paths given by the user. Each path is one of these:

- a ``.txt`` file: one article. A leading ``date YYYY-MM-DD`` / ``date YYYY-MM`` / ``date YYYY``
  token gives the publication date; the title may follow it on the same line.
- an ``.html`` / ``.htm`` page: trafilatura extracts the main text (menus, footers and related
  articles marked up as such are dropped); title and date come from the page metadata, with
  htmldate's extensive search off, so a date seen only in teaser text is never taken.
- a ``.jsonl`` file: one article per line, ``{"id", "text", "date"?, "url"?, "title"?, "lang"?}``.
  It is read line by line, so the size limit applies to each line, not to the whole file.
  ``.jsonl.gz``, ``.jsonl.bz2`` and ``.jsonl.xz`` files are decompressed as they are read, with the
  same rules; a compressed stream cut off or corrupt is one more error saying how many records
  were read before it.
- a ``.warc`` / ``.warc.gz`` web archive: each HTML page answered with HTTP 200 is read like an
  ``.html`` page, the other records are skipped (see ``ingest.archives``).
- a folder: the files with those extensions inside it (recursively by default, in sorted order,
  hidden files and folders skipped). Other files in a folder are skipped, each reported to the
  ``on_skip`` callback of ``iter_documents`` as a ``Skipped`` (path and reason); a sub-folder that
  cannot be read is an error; a file of another type named explicitly is an error.

What goes out: ``iter_documents`` yields one ``Document`` per article, with ``text`` the decoded
original text made safe (offsets of all later stages refer to it; for HTML it is the extracted
main text, paragraphs on separate lines, with the page title as its first line), ``encoding``,
``date``, ``title``, ``url`` when known, and ``lang="fr"``. An input that cannot be read is
yielded as an ``InputError`` (never raised), one clear line naming the file (and line) and the
problem, so the caller can report it and go on.

Hostile text (``safety``): lone surrogates become U+FFFD, control characters a space (or a line
break), bidirectional formatting characters are dropped, in the text and in the id, title and
URL, before the ``Document`` is built; the text is otherwise not normalised. A text that is
binary data, holds a paragraph of over 100,000 characters or is mostly numbers is refused, as is
a page whose markup is nested deeper than the HTML parser reads.

Encodings: UTF-8 (a BOM is dropped; a multi-byte character cut off by the end of the file becomes
U+FFFD, an encoded lone surrogate too), UTF-16 with a BOM, mostly-UTF-8 text with a few stray
CP1252 bytes ("utf-8+cp1252"), CP1252, then Latin-1. Text is checked to be French with a cheap
test: the share of French function words among the first 2,000 characters.
"""
from __future__ import annotations

import bz2
import codecs
import datetime as _dt
import gzip
import json
import logging
import lzma
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from communique.errors import InputError
from communique.records import Document

from .language import MIN_SHARE, PROBE_CHARS
from .language import detect as detect_language
from .language import language_name
from .language import share as language_share
from .language import supported as supported_languages
from .safety import MAX_CONTROL_SHARE, make_safe, refusal, safe_field

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DATE_TOKEN_RE",
    "SUPPORTED_SUFFIXES",
    "Skipped",
    "iter_documents",
    "read_text_file",
    "read_html_file",
    "html_document",
    "COMPRESSED_JSONL_SUFFIXES",
    "WARC_SUFFIXES",
    "iter_jsonl",
    "make_document",
    "decode_bytes",
    "parse_date",
    "french_share",
    "is_french",
]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
#: JSON Lines files decompressed as they are read
COMPRESSED_JSONL_SUFFIXES = (".jsonl.gz", ".jsonl.bz2", ".jsonl.xz")
#: web archives (read by ``ingest.archives``)
WARC_SUFFIXES = (".warc", ".warc.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + COMPRESSED_JSONL_SUFFIXES + WARC_SUFFIXES

#: the leading ``date YYYY-MM(-DD)`` token of a text file; group 1 is the date
DATE_TOKEN_RE = re.compile(r"\A[ \t\ufeff]*date[ \t]+([0-9]{4}(?:-[0-9]{2}){0,2})(?=\s|\Z)")

#: bytes looked at to decide whether a file is binary
BINARY_PROBE_BYTES = 8192
#: characters looked at by the language check, and the share of a language's function words it needs
#: (``language.PROBE_CHARS``, ``language.MIN_SHARE``: one setting for both checks)
LANGUAGE_PROBE_CHARS = PROBE_CHARS
FRENCH_MIN_SHARE = MIN_SHARE

#: a JSON Lines file whose first lines are all bad is given up after this many
MAX_LEADING_BAD_LINES = 10

_SIZE_HINT = "raise it with --max-size"
_DATE_FORMATS = "expected YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date"
_SUPPORTED_TEXT = ".txt, .html, .htm, .jsonl (or .jsonl.gz, .jsonl.bz2, .jsonl.xz), .warc and .warc.gz"

PathArg = Union[str, "os.PathLike[str]"]


# --------------------------------------------------------------------------- small helpers


def parse_date(value: str, *, what: str | None = None) -> str:
    """Check a date written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and return it.

    Raises ``ValueError`` with a plain message when it is malformed or not a calendar date;
    ``what`` says where the date was read ("the \"date\" field").
    """
    where = f" in {what}" if what else ""
    problem = f"bad date {value!r}{where} ({_DATE_FORMATS})"
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", value.strip()):
        raise ValueError(problem)
    value = value.strip()
    parts = [int(p) for p in value.split("-")]
    try:
        _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(problem) from None
    return value


def _human_size(n: int) -> str:
    mb = 1024 * 1024
    if n >= mb:
        return f"{n / mb:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def _human_limit(n: int) -> str:
    mb = 1024 * 1024
    if n >= mb and n % mb == 0:
        return f"{n // mb} MB"
    if n >= mb:
        return f"{n / mb:.1f} MB"
    if n >= 1024 and n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n} bytes"


def _too_big(where: str, size: int, max_bytes: int, line: int | None = None, what: str = "file") -> InputError:
    return InputError(where, f"{what} is {_human_size(size)}, over the {_human_limit(max_bytes)} limit",
                      line=line, hint=_SIZE_HINT)


# --------------------------------------------------------------------------- language check

def french_share(text: str, probe_chars: int = LANGUAGE_PROBE_CHARS) -> tuple[float, int]:
    """Share of French function words among the words of the first ``probe_chars`` characters.

    Returns ``(share, number_of_words)``; see ``language.share``.
    """
    return language_share(text, "fr", probe_chars)


#: what a refusal of an article in another language adds
_READS = "communique reads French and English articles"


def is_french(text: str) -> bool:
    """True when the text reads as French (a short French title passes; English, Vietnamese fail)."""
    share, n = french_share(text)
    return n > 0 and share >= FRENCH_MIN_SHARE and share * n >= 1


# --------------------------------------------------------------------------- decoding

_C0_CONTROLS = frozenset(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) | {127}
_C1_RE = re.compile("[\x80-\x9f]")
_SURROGATE_RE = re.compile("[\udc80-\udcff]")
_CP1252_ONLY = frozenset(range(0x80, 0xA0))


class _DecodeError(ValueError):
    pass


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _C0_CONTROLS)
    return controls / len(head) > 0.05


def _byte_as_cp1252(m: re.Match[str]) -> str:
    b = bytes([ord(m.group()) - 0xDC00])
    try:
        return b.decode("cp1252")
    except UnicodeDecodeError:
        return b.decode("latin-1")


def _nearly_utf8(data: bytes) -> str | None:
    """UTF-8 text, also when a multi-byte character is cut off by the end of the data (it becomes
    U+FFFD) or a lone surrogate is encoded in it (as WTF-8 / CESU-8 writers do; ``make_safe``
    replaces it later); ``None`` when the data is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        cut = e.reason == "unexpected end of data" and e.end == len(data) and len(data) - e.start < 4
        head = data[:e.start] if cut else data
    try:
        text = head.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    if cut:
        if text.isascii():
            return None  # one non-ASCII byte at the very end: CP1252 text as much as cut UTF-8
        text += "\ufffd"
    return text


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes; return ``(text, encoding)``.

    Raises ``ValueError`` when the bytes are binary or not UTF-8, CP1252 or Latin-1 text.
    The BOM of UTF-8 (``utf-8-sig``) and UTF-16 is dropped.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and not data.startswith(b"\xff\xfe\x00\x00"):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise _DecodeError("cannot decode text (starts like UTF-16 but is not)") from None
    if _looks_binary(data[:BINARY_PROBE_BYTES]):
        raise _DecodeError("binary file (not text)")
    label = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data, label = data[3:], "utf-8-sig"
    nearly = _nearly_utf8(data)
    if nearly is not None:
        return nearly, label
    # Not clean UTF-8. Mostly UTF-8 with a few stray single-byte characters (a ’ pasted from
    # Windows): keep the UTF-8 and read each stray byte as CP1252.
    loose = data.decode("utf-8", errors="surrogateescape")
    stray = len(_SURROGATE_RE.findall(loose))
    good = sum(1 for ch in loose if ord(ch) > 127) - stray
    if good > stray:
        return _SURROGATE_RE.sub(_byte_as_cp1252, loose), "utf-8+cp1252"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        # bytes undefined in CP1252 are C1 control characters in Latin-1: real text has none
        c1 = len(_C1_RE.findall(text))
        if c1 > max(1, len(text) // 1000):
            raise _DecodeError("cannot decode text (not UTF-8, CP1252 or Latin-1)") from None
        return text, "latin-1"
    # CP1252 and Latin-1 agree outside 0x80-0x9F: name CP1252 only when one of those is used
    if any(b in _CP1252_ONLY for b in data):
        return text, "cp1252"
    return text, "latin-1"


# --------------------------------------------------------------------------- documents


def make_document(
    text: str,
    doc_id: str,
    *,
    where: str | None = None,
    line: int | None = None,
    path: str | None = None,
    date: str | None = None,
    meta_date: str | None = None,
    meta_date_label: str = "metadata",
    url: str | None = None,
    title: str | None = None,
    encoding: str | None = None,
    lang: str | None = None,
) -> Document:
    """Check an article's text and metadata and build its ``Document``.

    ``date`` overrides every other date (the CLI's ``--date``); otherwise ``meta_date`` (JSONL
    field, page metadata), otherwise a leading ``date YYYY-MM(-DD)`` token of the text.
    The text, id, title, URL and path are made safe first (``safety.make_safe``: what is cleaned is
    logged at INFO level). Raises ``InputError`` (naming ``where`` and ``line``) for empty or
    non-French text, text that is no article (``safety.refusal``) and bad dates.
    """
    where = where if where is not None else (path or doc_id)
    text, cleaned = make_safe(text)
    problem = refusal(text, cleaned)
    if problem is not None:
        raise InputError(where, problem, line=line)
    if cleaned:
        log.info("%s: %s", where if line is None else f"{where}:{line}", cleaned.describe())
    doc_id, title, url, path = (safe_field(v) for v in (doc_id, title, url, path))
    if not doc_id or not doc_id.strip():
        raise InputError(where, "no usable id (it is made of control or formatting characters only)", line=line)
    if not text.strip():
        raise InputError(where, "no text", line=line)
    token = DATE_TOKEN_RE.match(text)
    if token and not text[token.end():].strip():
        raise InputError(where, "no text (only a date line)", line=line)
    try:
        if date is not None:
            chosen = parse_date(date, what="--date")
        elif meta_date is not None:
            chosen = parse_date(meta_date, what=f"the {meta_date_label}")
        elif token:
            chosen = parse_date(token.group(1), what="the leading 'date' token")
        else:
            chosen = None
    except ValueError as e:
        raise InputError(where, str(e), line=line) from None
    if lang is None:
        lang = detect_language(text)
        if lang is None:
            raise InputError(where, f"no language communique reads (too few French or English words; {_READS})",
                             line=line)
    if lang not in supported_languages():
        raise InputError(where, f"written in {language_name(lang)} ({_READS})", line=line)
    return Document(id=doc_id, text=text, path=path, date=chosen, url=url, title=title, lang=lang,
                    encoding=encoding)


def _stat_regular(where: str, p: Path) -> os.stat_result:
    """stat a path that must be an existing regular file; raise InputError otherwise."""
    try:
        st = os.stat(p)
    except FileNotFoundError:
        if os.path.islink(p):
            raise InputError(where, "no such file (broken symbolic link)") from None
        raise InputError(where, "no such file") from None
    except PermissionError:
        raise InputError(where, "cannot read file (permission denied)") from None
    except OSError as e:
        raise InputError(where, f"cannot read file ({e.strerror or e})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(where, "is a folder")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(where, "not a regular file")
    return st


def _read_bytes(where: str, p: Path, max_bytes: int) -> bytes:
    """Read a whole file after checking (by stat, before reading) that it is not too big."""
    st = _stat_regular(where, p)
    if st.st_size > max_bytes:
        raise _too_big(where, st.st_size, max_bytes)
    if st.st_size == 0:
        raise InputError(where, "empty file")
    try:
        with open(p, "rb") as f:
            data = f.read(max_bytes + 1)
    except PermissionError:
        raise InputError(where, "cannot read file (permission denied)") from None
    except OSError as e:
        raise InputError(where, f"cannot read file ({e.strerror or e})") from None
    if len(data) > max_bytes:  # grew since stat
        raise _too_big(where, len(data), max_bytes)
    if not data:
        raise InputError(where, "empty file")
    return data


def _decode(where: str, data: bytes) -> tuple[str, str]:
    try:
        return decode_bytes(data)
    except _DecodeError as e:
        raise InputError(where, str(e)) from None


def read_text_file(path: PathArg, *, max_bytes: int = DEFAULT_MAX_BYTES, date: str | None = None,
                   lang: str | None = None) -> Document:
    """Read one ``.txt`` article. Raises ``InputError``."""
    where = os.fspath(path)
    p = Path(where)
    text, encoding = _decode(where, _read_bytes(where, p, max_bytes))
    return make_document(text, p.stem, where=where, path=where, date=date, encoding=encoding, lang=lang)


# ------------------------------------------------------------------------------------ HTML

_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_LATIN1_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "iso-8859-15"}


def _charset_label(label: str) -> str:
    label = label.strip().strip("\"'").lower()
    return "cp1252" if label in _LATIN1_LABELS else label  # what browsers do


def _decode_html(where: str, data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Decode a page: a BOM first, then ``charset`` (from an HTTP header), then the charset the page
    declares in its markup, then the guesses of ``decode_bytes``."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or _looks_binary(data[:BINARY_PROBE_BYTES]):
        return _decode(where, data)
    m = _META_CHARSET_RE.search(data[:4096])
    labels = [charset] if charset else []
    if m:
        labels.append(m.group(1).decode("ascii"))
    for label in map(_charset_label, labels):
        # a page that declares UTF-16/32 in its own (ASCII-readable) markup is not UTF-16/32
        if label.startswith(("utf-16", "utf16", "utf-32", "utf32")):
            continue
        try:
            return data.decode(label), codecs.lookup(label).name
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode(where, data)


#: lxml (libxml2) stops reading a page at this depth of nested elements
_HTML_MAX_DEPTH = 255


def _nested_too_deeply(html: str) -> bool:
    """Whether lxml gave up on the page because its elements are nested too deeply."""
    from lxml import etree

    parser = etree.HTMLParser()
    try:
        etree.fromstring(html, parser)
    except (etree.LxmlError, ValueError):
        return False
    return any("excessive depth" in e.message.lower() for e in parser.error_log)


def _extract_html(html: str) -> tuple[str, str | None, str | None, str | None]:
    """Main text, title, date and URL of a page, through trafilatura and htmldate."""
    import trafilatura  # imported lazily: it is slow to import

    date_params = {
        "original_date": True,
        "extensive_search": False,  # never take a date seen only in the text (teasers)
        "max_date": _dt.date.today().isoformat(),
    }
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=date_params,
    )
    if result is None:
        return "", None, None, None
    text = getattr(result, "text", None) or ""
    title = getattr(result, "title", None) or None
    date = getattr(result, "date", None) or None
    url = getattr(result, "url", None) or None
    return text, title, date, url


def read_html_file(path: PathArg, *, max_bytes: int = DEFAULT_MAX_BYTES, date: str | None = None,
                   lang: str | None = None) -> Document:
    """Read one ``.html`` / ``.htm`` page. Raises ``InputError``."""
    where = os.fspath(path)
    p = Path(where)
    return html_document(_read_bytes(where, p, max_bytes), p.stem, where=where, path=where, date=date, lang=lang)


def html_document(data: bytes, doc_id: str, *, where: str, path: str | None, date: str | None = None,
                  charset: str | None = None, url: str | None = None, fallback_date: str | None = None,
                  fallback_date_label: str = "fallback date", lang: str | None = None) -> Document:
    """The ``Document`` of the HTML page ``data`` (bytes, of any size the caller accepted).

    trafilatura extracts the main text, the title (put first in the text) and the publication date
    from the page metadata. ``charset`` is the one an HTTP header declared (tried before the page's
    own); ``url`` replaces the URL the page gives of itself; ``fallback_date`` is taken only when the
    page has no date (``date``, the CLI's ``--date``, overrides both). Raises ``InputError``
    naming ``where``.
    """
    html, encoding = _decode_html(where, data, charset)
    html, cleaned = make_safe(html)  # lxml refuses NUL and lone surrogates
    if cleaned.controls > len(html) * MAX_CONTROL_SHARE:
        raise InputError(where, "binary file (not text)")
    if not html.strip():
        raise InputError(where, "no text")
    try:
        text, title, meta_date, page_url = _extract_html(html)
    except Exception as e:  # lxml / trafilatura failures on broken markup
        raise InputError(where, f"cannot parse the HTML page ({type(e).__name__}: {e})") from None
    if not text.strip():
        if _nested_too_deeply(html):
            raise InputError(where, f"markup nested too deeply (over {_HTML_MAX_DEPTH} levels, more than the HTML "
                                    "parser reads): no article text found in the page")
        raise InputError(where, "no article text found in the page")
    if title:
        title = " ".join(title.split())
        first = text.lstrip().split("\n", 1)[0].strip()
        if first != title:
            text = f"{title}\n\n{text}"
    label = "page metadata"
    if meta_date:
        meta_date = meta_date[:10]
    elif fallback_date:
        meta_date, label = fallback_date, fallback_date_label
    return make_document(text, doc_id, where=where, path=path, date=date, meta_date=meta_date,
                         meta_date_label=label, url=url or page_url, title=title, encoding=encoding, lang=lang)


# ----------------------------------------------------------------------------------- JSONL

_ISO_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _skip_rest_of_line(f: Any) -> tuple[int, bool]:
    """Read on to the end of the current line: (bytes skipped, whether a newline ended it)."""
    skipped = 0
    while True:
        chunk = f.readline(1 << 20)
        skipped += len(chunk)
        if not chunk:
            return skipped, False
        if chunk.endswith(b"\n"):
            return skipped - 1, True


def _record_document(where: str, line: int, raw: bytes, ended: bool, date: str | None,
                     lang: str | None = None) -> Document:
    try:
        text_line, encoding = decode_bytes(raw)
    except _DecodeError as e:
        raise InputError(where, str(e), line=line) from None
    text_line = text_line.lstrip("\ufeff")
    try:
        rec = json.loads(text_line)
    except json.JSONDecodeError as e:
        if not ended and text_line.lstrip()[:1] in "{[\"" and e.msg != "Extra data":
            raise InputError(where, "truncated JSON (the file seems cut off)", line=line) from None
        raise InputError(where, f"not valid JSON ({e.msg} at column {e.colno})", line=line) from None
    except RecursionError:
        raise InputError(where, "not valid JSON (nested too deeply)", line=line) from None
    if not isinstance(rec, dict):
        kind = {list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(type(rec), "a number")
        raise InputError(where, f"not a JSON object (it is {kind})", line=line,
                         hint='each line must be one {"id": ..., "text": ...} object')
    if "id" not in rec or rec["id"] is None:
        raise InputError(where, 'no "id" field', line=line)
    doc_id = rec["id"]
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError(where, '"id" must be a non-empty string', line=line)
    if "text" not in rec or rec["text"] is None:
        raise InputError(where, 'no "text" field', line=line)
    text = rec["text"]
    if not isinstance(text, str):
        raise InputError(where, '"text" must be a string', line=line)
    if not text.strip():
        raise InputError(where, '"text" is empty', line=line)
    fields: dict[str, str | None] = {}
    for key in ("date", "url", "title", "lang"):
        value = rec.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(where, f'"{key}" must be a string', line=line)
        fields[key] = value.strip() if isinstance(value, str) and value.strip() else None
    meta_date = fields["date"]
    if meta_date and _ISO_DATETIME_RE.match(meta_date):
        meta_date = meta_date[:10]
    field_lang = fields["lang"]
    if lang is None and field_lang:
        code = re.match(r"[a-z]*", safe_field(field_lang).strip().lower()).group(0)  # "en-GB", "fr_FR": "en", "fr"
        if code not in supported_languages():
            raise InputError(where, f'written in {language_name(code)} ("lang" is "{safe_field(field_lang)}"; '
                                    f'{_READS})', line=line)
        lang = code
    return make_document(text, doc_id.strip(), where=where, line=line, path=where, date=date,
                         meta_date=meta_date, meta_date_label='"date" field', url=fields["url"],
                         title=fields["title"], encoding=encoding, lang=lang)


def iter_jsonl(path: PathArg, *, max_bytes: int = DEFAULT_MAX_BYTES,
               date: str | None = None, lang: str | None = None) -> Iterator[Document | InputError]:
    """Read a JSON Lines file, one article per line; yield a ``Document`` or an ``InputError`` per line.

    A ``.jsonl.gz``, ``.jsonl.bz2`` or ``.jsonl.xz`` file is decompressed as it is read, line by line
    (never whole). ``max_bytes`` limits each (decompressed) line. A problem with the file itself is
    yielded as one ``InputError``; so is a compressed stream that is cut off or corrupt, after the
    records before it (the error says how many were read).
    """
    for _, item in _iter_jsonl_lines(path, max_bytes=max_bytes, date=date, lang=lang):
        yield item


#: decompressors of JSON Lines files, by suffix: (name in messages, file class)
_COMPRESSIONS: dict[str, tuple[str, Callable[..., Any]]] = {
    ".gz": ("gzip", lambda f: gzip.GzipFile(fileobj=f, mode="rb")),
    ".bz2": ("bzip2", lambda f: bz2.BZ2File(f, mode="rb")),
    ".xz": ("xz", lambda f: lzma.LZMAFile(f, mode="rb")),
}
#: what a cut-off or corrupt compressed stream raises
_STREAM_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)


def _stream_problem(e: BaseException) -> str:
    detail = str(e) or type(e).__name__
    return f"{type(e).__name__}: {detail}" if str(e) else detail


def _iter_jsonl_lines(path: PathArg, *, max_bytes: int,
                      date: str | None, lang: str | None = None) -> Iterator[tuple[int | None, Document | InputError]]:
    where = os.fspath(path)
    p = Path(where)
    compression = _COMPRESSIONS.get(p.suffix.lower()) if where.lower().endswith(COMPRESSED_JSONL_SUFFIXES) else None
    try:
        st = _stat_regular(where, p)
        if st.st_size == 0:
            raise InputError(where, "empty file")
        raw = open(p, "rb")
    except InputError as e:
        yield None, e
        return
    except OSError as e:
        yield None, InputError(where, f"cannot read file ({e.strerror or e})")
        return
    with raw:
        if compression is None:
            yield from _jsonl_lines(where, raw, max_bytes, date, lang=lang)
            return
        name, opener = compression
        try:
            with opener(raw) as f:
                yield from _jsonl_lines(where, f, max_bytes, date, name, lang=lang)
        except _STREAM_ERRORS as e:  # closing a corrupt stream
            yield None, InputError(where, f"cannot read the {name} file ({_stream_problem(e)})")


def _jsonl_lines(where: str, f: Any, max_bytes: int, date: str | None,
                 compression: str | None = None, *, lang: str | None = None
                 ) -> Iterator[tuple[int | None, Document | InputError]]:
    """The results of the lines of an open JSON Lines file ``f`` (a decompressing one when
    ``compression`` names its format)."""
    stream_errors = _STREAM_ERRORS if compression else ()
    try:
        head = f.read(BINARY_PROBE_BYTES)
        f.seek(0)
    except stream_errors as e:
        yield None, InputError(where, f"not a {compression} file, or a corrupt one ({_stream_problem(e)})")
        return
    except OSError as e:
        yield None, InputError(where, f"cannot read file ({e.strerror or e})")
        return
    if not head and compression:
        yield None, InputError(where, f"empty file (nothing in the {compression} stream)")
        return
    if _looks_binary(head) and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield None, InputError(where, "binary file (not text)")
        return
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield None, InputError(where, "cannot decode text (UTF-16 JSON Lines are not supported; save it as UTF-8)")
        return
    line_no = 0
    records = 0
    read = 0
    while True:
        try:
            raw = f.readline(max_bytes + 1)
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                skipped, ended = _skip_rest_of_line(f)
                raw_size = len(raw) + skipped
            else:
                raw_size = None
        except stream_errors as e:
            n = records
            yield None, InputError(
                where, f"truncated or corrupt {compression} data ({_stream_problem(e)}); {n} record{'s' * (n != 1)} "
                       f"read before it, up to line {line_no}", hint="the rest of the file cannot be read")
            return
        except OSError as e:
            yield line_no + 1, InputError(where, f"cannot read file ({e.strerror or e})", line=line_no + 1)
            return
        if not raw:
            break
        line_no += 1
        if raw_size is not None:
            yield line_no, _too_big(where, raw_size, max_bytes, line=line_no, what="line")
            if not ended:
                break
            continue
        ended = raw.endswith(b"\n")
        if not raw.strip():
            continue
        records += 1
        try:
            doc = _record_document(where, line_no, raw, ended, date, lang)
        except InputError as e:
            yield line_no, e
            if read == 0 and records >= MAX_LEADING_BAD_LINES:
                yield None, InputError(where, f"the first {records} lines are all bad; the rest of the file is "
                                              "skipped", hint='is it a JSON Lines file of {"id", "text"} articles?')
                return
            continue
        read += 1
        yield line_no, doc
    if records == 0:
        yield None, InputError(where, "no records (only blank lines)")


# ---------------------------------------------------------------------------------- driver


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


@dataclass(frozen=True)
class Skipped:
    """A file or folder that a folder walk passed over, and why (not an error: it was not named)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _skip_reason(name: str) -> str | None:
    """Why a file met in a folder is not read (None: it is read)."""
    if _is_hidden(name):
        return "hidden file"
    if not name.lower().endswith(SUPPORTED_SUFFIXES):
        suffix = Path(name).suffix or "(no extension)"
        return f"unsupported file type {suffix}"
    return None


def _walk_folder(root: str, recursive: bool, on_skip: Callable[[Skipped], None] | None = None,
                 errors: list[InputError] | None = None) -> list[str]:
    """The readable files under ``root``, sorted; the others go to ``on_skip``, sub-folders that
    cannot be listed to ``errors``."""
    skip = on_skip or (lambda _s: None)
    found: list[tuple[tuple[str, ...], str]] = []
    if recursive:
        def unreadable(e: OSError) -> None:
            if errors is not None and e.filename != root:
                errors.append(InputError(e.filename, f"cannot read folder ({e.strerror or e})"))

        for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
            for d in sorted(dirnames):
                full = os.path.join(dirpath, d)
                if _is_hidden(d):
                    skip(Skipped(full, "hidden folder"))
                elif os.path.islink(full):
                    skip(Skipped(full, "symbolic link to a folder (not followed)"))
            dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d))
            rel = os.path.relpath(dirpath, root)
            parts = () if rel == os.curdir else tuple(Path(rel).parts)
            for name in sorted(filenames):
                full = os.path.join(dirpath, name)
                reason = _skip_reason(name)
                if reason is None:
                    found.append(((*parts, name), full))
                else:
                    skip(Skipped(full, reason))
    else:
        try:
            names = os.listdir(root)
        except OSError:
            names = []
        for name in sorted(names):
            full = os.path.join(root, name)
            if os.path.isdir(full):
                skip(Skipped(full, "folder (not read without recursion)"))
                continue
            reason = _skip_reason(name)
            if reason is None:
                found.append(((name,), full))
            else:
                skip(Skipped(full, reason))
    found.sort()
    return [full for _, full in found]


def _read_one(where: str, max_bytes: int, date: str | None, on_skip: Callable[[Skipped], None] | None = None,
              lang: str | None = None) -> Iterator[tuple[int | None, Document | InputError]]:
    """Read one file; yield (JSONL line number or None, Document or InputError)."""
    name = where.lower()
    suffix = Path(name).suffix
    if name.endswith(JSONL_SUFFIXES + COMPRESSED_JSONL_SUFFIXES):
        yield from _iter_jsonl_lines(where, max_bytes=max_bytes, date=date, lang=lang)
        return
    if name.endswith(WARC_SUFFIXES):
        from .archives import iter_warc  # imported lazily: warcio is only needed for archives

        for item in iter_warc(where, max_bytes=max_bytes, date=date, on_skip=on_skip, lang=lang):
            yield None, item
        return
    try:
        if suffix in HTML_SUFFIXES:
            yield None, read_html_file(where, max_bytes=max_bytes, date=date, lang=lang)
        else:
            yield None, read_text_file(where, max_bytes=max_bytes, date=date, lang=lang)
    except InputError as e:
        yield None, e


def _as_path_list(paths: PathArg | Iterable[PathArg]) -> list[str]:
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # type: ignore[list-item]
    out = []
    for p in paths:  # type: ignore[union-attr]
        out.append(os.fsdecode(p) if isinstance(p, bytes) else os.fspath(p))
    return out


def _expand(path: str, recursive: bool,
            on_skip: Callable[[Skipped], None] | None = None) -> Iterator[str | InputError]:
    """Files to read for one path named by the user (errors for what cannot be read)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            yield InputError(path, "no such file (broken symbolic link)")
        else:
            yield InputError(path, "no such file")
        return
    except OSError as e:
        yield InputError(path, f"cannot read ({e.strerror or e})")
        return
    if stat.S_ISDIR(st.st_mode):
        errors: list[InputError] = []
        files = _walk_folder(path, recursive, on_skip, errors)
        yield from errors
        if not files:
            yield InputError(path, "folder has no .txt, .html, .htm, .jsonl or .warc files (nor their compressed forms "
                                  ".jsonl.gz, .jsonl.bz2, .jsonl.xz, .warc.gz)")
        yield from files
        return
    if not stat.S_ISREG(st.st_mode):
        yield InputError(path, "not a regular file")
        return
    if not path.lower().endswith(SUPPORTED_SUFFIXES):
        suffix = Path(path).suffix or "(no extension)"
        yield InputError(path, f"unsupported file type {suffix} (communique reads {_SUPPORTED_TEXT} files)")
        return
    yield path


def iter_documents(
    paths: PathArg | Iterable[PathArg],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    date: str | None = None,
    recursive: bool = True,
    on_skip: Callable[[Skipped], None] | None = None,
    lang: str | None = None,
) -> Iterator[Document | InputError]:
    """Yield a ``Document`` per article found in ``paths``, and an ``InputError`` per bad input.

    Files of a folder that are not read (hidden, of another type) go to ``on_skip``, one ``Skipped``
    each (hidden folders and links to folders once, not their contents).

    Never raises for a bad input. ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) overrides the
    date of every document; a bad one is reported once as an ``InputError`` for ``--date`` and
    nothing is read. A file named twice is read once; a second, different input with an id
    already seen is an ``InputError``.
    """
    if date is not None:
        try:
            date = parse_date(date)
        except ValueError as e:
            yield InputError("--date", str(e), hint="nothing was read")
            return
    seen_files: set[str] = set()
    seen_ids: dict[str, str] = {}
    for arg in _as_path_list(paths):
        for item in _expand(arg, recursive, on_skip):
            if isinstance(item, InputError):
                yield item
                continue
            real = os.path.realpath(item)
            if real in seen_files:
                continue
            seen_files.add(real)
            try:
                for line, result in _read_one(item, max_bytes, date, on_skip, lang):
                    if isinstance(result, Document):
                        here = item if line is None else f"{item}:{line}"
                        first = seen_ids.setdefault(result.id, here)
                        if first != here:
                            problem = f'duplicate document id "{result.id}" (already read from {first})'
                            result = InputError(item, problem, line=line)
                    yield result
            except Exception as e:  # safety net: a bad input must never stop the run
                yield InputError(item, f"could not be read ({type(e).__name__}: {e})",
                                 hint="this looks like a bug in communique; please report it")
