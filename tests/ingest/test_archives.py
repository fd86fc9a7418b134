"""Stage 1, ingest: news archives (compressed JSON Lines, WARC) read as streams.

Every archive is built by the test itself; the article texts are fictional, written for these tests.
"""
from __future__ import annotations

import builtins
import bz2
import gzip
import hashlib
import io
import json
import logging
import lzma
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.errors import InputError, ModelNotInstalled
from communique.ingest import Skipped, iter_documents
from communique.ingest.archives import document_id
from communique.records import Document

GHANA_TITLE = "Le président ghanéen en visite officielle au Portugal"
GHANA = [
    "Le président ghanéen est arrivé lundi à Lisbonne pour une visite officielle de trois jours, la première "
    "d’un chef d’État ghanéen au Portugal depuis dix ans.",
    "Il a été reçu par le président portugais au palais de Belém, où les deux dirigeants se sont entretenus de "
    "la coopération portuaire et de l’énergie solaire.",
    "Les deux pays ont signé un accord sur la formation des marins et annoncé une liaison aérienne directe "
    "entre Accra et Lisbonne.",
]
URUGUAY_TITLE = "La ministre uruguayenne des Affaires étrangères reçue à Hanoï"
URUGUAY = [
    "La ministre uruguayenne des Affaires étrangères s’est rendue mercredi au Vietnam pour une visite de deux "
    "jours.",
    "Elle a rencontré son homologue vietnamien à Hanoï, où les deux ministres ont évoqué les exportations de "
    "viande et de riz.",
    "Selon le ministère vietnamien, les deux pays vont ouvrir des négociations sur un accord de libre-échange.",
    "Une visite du président uruguayen au Vietnam est envisagée pour l’an prochain.",
]
SPANISH = [  # a language communique does not read: refused, naming it
    "El presidente de Ghana llegó el lunes a Lisboa para una visita oficial de tres días, la primera de un "
    "jefe de Estado ghanés a Portugal en diez años.",
    "Fue recibido por el presidente portugués y los dos dirigentes hablaron de la cooperación portuaria.",
]

GHANA_URI = "https://www.exemple-presse.fr/monde/afrique/2025/03/03/le-president-ghaneen-en-visite-a-lisbonne.html"
URUGUAY_URI = "https://actu.exemple.org/diplomatie/uruguay-vietnam?page=1"
SPANISH_URI = "https://noticias.example.com/mundo/ghana-portugal-visita"


def page(title: str, paragraphs: list[str], date: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html lang="fr"><head><meta charset="utf-8"><title>{title}</title>{meta}</head><body>'
            f"<nav><a href='/'>Accueil</a></nav><article><h1>{title}</h1>{body}</article></body></html>").encode()


def response(uri: str, payload: bytes, *, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
             warc_date: str = "2025-04-10T08:30:00Z") -> tuple:
    return ("response", uri, payload, StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1"),
            warc_date)


def request(uri: str) -> tuple:
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "exemple.org")], is_http_request=True)
    return ("request", uri, b"", http, "2025-04-10T08:30:00Z")


def write_warc(path: Path, records: list[tuple], gz: bool = True) -> Path:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "communique tests"}))
        for kind, uri, payload, http, warc_date in records:
            writer.write_record(writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=http,
                                                          warc_headers_dict={"WARC-Date": warc_date}))
    return path


def sample_records() -> list[tuple]:
    """Two French pages, one Spanish page, a 404, an image and a request (in that order after warcinfo)."""
    return [
        request(GHANA_URI),
        response(GHANA_URI, page(GHANA_TITLE, GHANA, date="2025-03-03")),
        response(URUGUAY_URI, page(URUGUAY_TITLE, URUGUAY)),  # no date in the page: the WARC-Date is taken
        response(SPANISH_URI, page("Ghana y Portugal", SPANISH)),
        response("https://www.exemple-presse.fr/introuvable", b"<html><body>Page introuvable</body></html>",
                 status="404 Not Found"),
        response("https://www.exemple-presse.fr/photo.jpg", b"\xff\xd8\xff\xe0" + bytes(200), ctype="image/jpeg"),
    ]


def run(paths, **kw) -> tuple[list[Document], list[InputError], list[Skipped]]:
    docs, errors, skipped = [], [], []
    for item in iter_documents(paths, on_skip=skipped.append, **kw):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors, skipped


def offsets(path: Path) -> list[int]:
    """Byte offsets of the records of a WARC, as warcio reports them."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as f:
        it = ArchiveIterator(f)
        return [it.get_record_offset() for _ in it]


# ------------------------------------------------------------------------------------ WARC


@pytest.mark.parametrize("name,gz", [("archive.warc.gz", True), ("archive.warc", False)])
def test_warc_reads_the_french_html_responses(tmp_path, name, gz):
    path = write_warc(tmp_path / name, sample_records(), gz=gz)
    docs, errors, skipped = run([path])
    assert [d.url for d in docs] == [GHANA_URI, URUGUAY_URI]
    ghana, uruguay = docs
    # the end of the path (60 characters at most, from a word start), then the hash of the whole URI
    assert ghana.id == ("exemple-presse.fr_2025-03-03-le-president-ghaneen-en-visite-a-lisbonne_"
                        + hashlib.sha1(GHANA_URI.encode()).hexdigest()[:10])
    assert uruguay.id.startswith("actu.exemple.org_diplomatie-uruguay-vietnam_")
    assert ghana.date == "2025-03-03"  # the page's own date, not the capture day
    assert uruguay.date == "2025-04-10"  # the page has none: the WARC-Date
    assert ghana.title == GHANA_TITLE and ghana.text.startswith(GHANA_TITLE + "\n")
    assert GHANA[1] in ghana.text and "Accueil" not in ghana.text
    assert all(d.path == str(path) and d.lang == "fr" for d in docs)
    [spanish] = errors
    assert spanish.path == f"{path}, record 5 at byte {offsets(path)[4]} ({SPANISH_URI})"
    assert spanish.problem.startswith("written in Spanish")


def test_warc_skips_the_other_records_and_says_why(tmp_path):
    path = write_warc(tmp_path / "archive.warc.gz", sample_records())
    _, _, skipped = run([path])
    at = offsets(path)
    assert [(s.path, s.reason) for s in skipped] == [
        (f"{path}, record 1 at byte 0", "WARC warcinfo record"),
        (f"{path}, record 2 at byte {at[1]} ({GHANA_URI})", "WARC request record"),
        (f"{path}, record 6 at byte {at[5]} (https://www.exemple-presse.fr/introuvable)", "HTTP status 404"),
        (f"{path}, record 7 at byte {at[6]} (https://www.exemple-presse.fr/photo.jpg)",
         "not an HTML page (image/jpeg)"),
    ]


def test_warc_revisits_and_second_captures_are_skipped(tmp_path):
    path = tmp_path / "archive.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for record in [response(GHANA_URI, page(GHANA_TITLE, GHANA)), response(GHANA_URI, page(GHANA_TITLE, GHANA))]:
            _, uri, payload, http, _ = record
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=http))
        writer.write_record(writer.create_revisit_record(GHANA_URI, "sha1:AAAA", GHANA_URI, "2025-04-09T00:00:00Z"))
    docs, errors, skipped = run([path])
    assert len(docs) == 1 and errors == []
    assert [s.reason for s in skipped] == ["another capture of a URL already read (record 1)", "WARC revisit record"]


def test_warc_date_argument_overrides_page_and_capture_dates(tmp_path):
    path = write_warc(tmp_path / "archive.warc.gz", sample_records())
    docs, _, _ = run([path], date="2024-12")
    assert [d.date for d in docs] == ["2024-12", "2024-12"]


def test_warc_uses_the_charset_of_the_http_header(tmp_path):
    html = page(URUGUAY_TITLE, URUGUAY).decode().replace('<meta charset="utf-8">', "").encode("cp1252")
    path = write_warc(tmp_path / "archive.warc.gz", [response(URUGUAY_URI, html, ctype="text/html; charset=windows-1252")])
    [doc], [], _ = run([path])
    assert URUGUAY[0] in doc.text and doc.encoding == "cp1252"


def test_warc_page_over_the_size_limit_is_an_error_and_the_rest_goes_on(tmp_path):
    big = page(GHANA_TITLE, GHANA * 200)
    path = write_warc(tmp_path / "archive.warc.gz",
                      [response(GHANA_URI, big), response(URUGUAY_URI, page(URUGUAY_TITLE, URUGUAY))])
    docs, [err], _ = run([path], max_bytes=20 * 1024)
    assert [d.url for d in docs] == [URUGUAY_URI]
    assert err.path.startswith(f"{path}, record 2 at byte ") and GHANA_URI in err.path
    assert err.problem == f"page is {len(big) / 1024:.1f} KB, over the 20 KB limit"


def corrupt_member(path: Path, record_index: int, how: str) -> int:
    """Spoil one record of a .warc.gz in place; return its offset."""
    at = offsets(path)
    data = path.read_bytes()
    start = at[record_index]
    if how == "header":  # a gzip member whose text is no WARC header, put before the record
        data = data[:start] + gzip.compress(b"NOT A WARC HEADER\r\nfoo: bar\r\n\r\n") + data[start:]
    else:  # bytes flipped inside the compressed data
        spoilt = bytearray(data)
        for i in range(start + 40, start + 60):
            spoilt[i] ^= 0x5A
        data = bytes(spoilt)
    path.write_bytes(data)
    return start


@pytest.mark.parametrize("how,problem", [
    ("header", "corrupt WARC record (ArchiveLoadFailed: "),
    ("bytes", "corrupt WARC record (gzip data that cannot be decompressed ("),
])
def test_warc_corrupt_record_is_one_error_and_the_rest_goes_on(tmp_path, how, problem):
    path = write_warc(tmp_path / "archive.warc.gz", sample_records())
    start = corrupt_member(path, 3, how)  # before (or inside) the Uruguayan page
    docs, errors, skipped = run([path])
    assert errors[0].path == f"{path}, record 4 at byte {start}"
    assert errors[0].problem.startswith(problem) and errors[0].problem.endswith("reading goes on at the next record")
    expected = [GHANA_URI, URUGUAY_URI] if how == "header" else [GHANA_URI]
    assert [d.url for d in docs] == expected
    assert [e.problem.split(" (")[0] for e in errors[1:]] == ["written in Spanish"]  # the Spanish page, after it
    assert [s.reason for s in skipped][-2:] == ["HTTP status 404", "not an HTML page (image/jpeg)"]


def test_warc_corrupt_header_in_an_uncompressed_archive(tmp_path):
    path = write_warc(tmp_path / "archive.warc", sample_records(), gz=False)
    at = offsets(path)
    data = path.read_bytes()
    path.write_bytes(data[:at[3]] + b"WARC/9.9 spoilt" + data[at[3] + len(b"WARC/1.0"):])
    docs, errors, _ = run([path])
    assert errors[0].path == f"{path}, record 4 at byte {at[3]}"
    assert "Invalid WARC record, first line: WARC/9.9 spoilt" in errors[0].problem
    assert [d.url for d in docs] == [GHANA_URI]
    assert "written in Spanish" in errors[1].problem


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("cut,named", [(60, False), (-30, True)])  # in the WARC header; near the end of the page
def test_warc_cut_off_archive(tmp_path, gz, cut, named):
    path = write_warc(tmp_path / ("archive.warc.gz" if gz else "archive.warc"), sample_records(), gz=gz)
    at = offsets(path)
    path.write_bytes(path.read_bytes()[:(at[3] if cut > 0 else at[4]) + cut])  # in the Uruguayan page
    docs, [err], _ = run([path])
    assert [d.url for d in docs] == [GHANA_URI]
    assert err.path == f"{path}, record 4 at byte {at[3]}" + (f" ({URUGUAY_URI})" if named else "")
    assert err.problem.startswith("record cut off")


def test_warc_compressed_as_one_gzip_stream_is_one_error(tmp_path):
    plain = write_warc(tmp_path / "plain.warc", sample_records(), gz=False)
    path = tmp_path / "archive.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    _, [err], _ = run([path])
    assert err.path == str(path) and "one gzip stream" in err.problem and "warcio recompress" in err.hint


def test_warc_file_that_is_no_archive(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("Ceci n’est pas une archive.\n" * 10, encoding="utf-8")
    _, [err], _ = run([path])
    assert err.path == f"{path}, record 1 at byte 0"
    assert err.problem.startswith("not a WARC file, or its first record is corrupt")


def test_warc_is_streamed(tmp_path, monkeypatch):
    filler = [response(f"https://www.exemple-presse.fr/photo-{i}.jpg", hashlib.sha256(str(i).encode()).digest() * 300,
                       ctype="image/jpeg") for i in range(200)]  # incompressible, about 2 MB
    path = write_warc(tmp_path / "archive.warc.gz", [response(GHANA_URI, page(GHANA_TITLE, GHANA)), *filler])
    opened = spy_on_open(monkeypatch, path)
    items = iter_documents([path])
    first = next(items)
    assert isinstance(first, Document)
    assert opened[0].tell() < path.stat().st_size // 4
    assert sum(1 for _ in items) == 0


@pytest.mark.parametrize("uri,expected", [
    ("https://www.exemple.fr/monde/visite-a-oslo.html", "exemple.fr_monde-visite-a-oslo_"),
    ("http://Exemple.FR:8080/Monde/Visite%20d%C3%A9tat/", "exemple.fr_monde-visite-detat_"),
    ("https://exemple.fr/", "exemple.fr_"),
    ("https://exemple.fr/" + "tres-long-" * 20 + "fin", "exemple.fr_long-" + "tres-long-" * 5 + "fin_"),
])
def test_warc_document_id_is_readable(uri, expected):
    doc_id = document_id(uri)
    assert doc_id == expected + hashlib.sha1(uri.encode()).hexdigest()[:10]
    assert document_id(uri) == doc_id  # stable


def test_warc_document_id_differs_by_query():
    assert document_id("https://exemple.fr/a?id=1") != document_id("https://exemple.fr/a?id=2")


# ----------------------------------------------------------------------- compressed JSONL


def jsonl(*records: dict) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


GOOD = {"id": "ghana-portugal", "text": " ".join(GHANA), "date": "2025-03-03", "url": GHANA_URI}
OTHER = {"id": "uruguay-vietnam", "text": " ".join(URUGUAY)}
COMPRESSORS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_compressed_jsonl_reads_like_jsonl(tmp_path, suffix):
    data = jsonl(GOOD, {"id": "espagnol", "text": " ".join(SPANISH)}, OTHER)
    path = tmp_path / f"depeches.jsonl{suffix}"
    path.write_bytes(COMPRESSORS[suffix](data))
    docs, [err], _ = run([path])
    assert [(d.id, d.date, d.url) for d in docs] == [("ghana-portugal", "2025-03-03", GHANA_URI),
                                                      ("uruguay-vietnam", None, None)]
    assert err.path == str(path) and err.line == 2 and err.problem.startswith("written in Spanish")


def test_compressed_jsonl_line_over_the_size_limit(tmp_path):
    path = tmp_path / "depeches.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(GOOD, {"id": "long", "text": "la visite " * 5000}, OTHER)))
    docs, [err], _ = run([path], max_bytes=10_000)
    assert [d.id for d in docs] == ["ghana-portugal", "uruguay-vietnam"]
    assert err.line == 2 and err.problem.startswith("line is ") and "over the" in err.problem


def test_truncated_gzip_keeps_the_records_before_it(tmp_path):
    records = [dict(OTHER, id=f"depeche-{i}", text=f"{OTHER['text']} Dépêche numéro {i}.") for i in range(2000)]
    whole = gzip.compress(jsonl(*records))
    path = tmp_path / "depeches.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    docs, errors, _ = run([path])
    *line_errors, err = errors
    assert line_errors == [] and 0 < len(docs) < 2000
    assert [d.id for d in docs] == [f"depeche-{i}" for i in range(len(docs))]
    assert err.path == str(path) and err.line is None
    assert err.problem.startswith("truncated or corrupt gzip data (EOFError: ")
    assert err.problem.endswith(f"; {len(docs)} records read before it, up to line {len(docs)}")


@pytest.mark.parametrize("data,problem", [
    (b"{\"id\": \"x\"}\n", "not a gzip file, or a corrupt one (BadGzipFile: "),
    (gzip.compress(b""), "empty file (nothing in the gzip stream)"),
    (gzip.compress(b"\n\n"), "no records (only blank lines)"),
])
def test_compressed_jsonl_file_level_errors(tmp_path, data, problem):
    path = tmp_path / "depeches.jsonl.gz"
    path.write_bytes(data)
    _, [err], _ = run([path])
    assert err.path == str(path) and err.problem.startswith(problem)


def spy_on_open(monkeypatch, path: Path) -> list:
    """The file objects ``open`` returns for ``path`` (to see how far they were read)."""
    opened = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        f = real_open(file, *args, **kwargs)
        if str(file) == str(path):
            opened.append(f)
        return f

    monkeypatch.setattr(builtins, "open", spy)
    return opened


def test_compressed_jsonl_is_streamed(tmp_path, monkeypatch):
    n = 20_000
    records = ({"id": f"d{i}", "text": f"La visite du ministre à Oslo a eu lieu le jour {i}. Réf. "
                                       f"{hashlib.sha256(str(i).encode()).hexdigest()}"} for i in range(n))
    path = tmp_path / "gros.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    opened = spy_on_open(monkeypatch, path)
    items = iter_documents([path])
    first = next(items)
    assert isinstance(first, Document) and first.id == "d0"
    [raw] = opened
    assert raw.tell() < path.stat().st_size // 4  # the first document came before most of the file was read
    rest = [item.id for item in items]
    assert len(rest) == n - 1 and rest[-1] == f"d{n - 1}"


# ------------------------------------------------------------------------------- folders


def test_folder_walk_reads_archives(tmp_path):
    (tmp_path / "a").mkdir()
    write_warc(tmp_path / "a" / "archive.warc.gz", [response(GHANA_URI, page(GHANA_TITLE, GHANA))])
    (tmp_path / "b.jsonl.xz").write_bytes(lzma.compress(jsonl(OTHER)))
    (tmp_path / "c.warc.bz2").write_bytes(b"x")
    docs, errors, skipped = run([tmp_path])
    assert errors == [] and sorted(d.id for d in docs) == sorted([document_id(GHANA_URI), "uruguay-vietnam"])
    assert [(Path(s.path).name, s.reason) for s in skipped] == [("c.warc.bz2", "unsupported file type .bz2"),
                                                                ("archive.warc.gz, record 1 at byte 0",
                                                                 "WARC warcinfo record")]


# ---------------------------------------------------------------------------------- CLI


@pytest.mark.model
def test_cli_ingest_warc_stores_the_facts_of_its_pages(tmp_path):
    from typer.testing import CliRunner

    import communique
    from communique.cli import app
    from communique.store import open_store

    try:
        communique._pipeline("fr").nlp  # noqa: B018
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")
    records = [r for r in sample_records() if r[1] != SPANISH_URI]
    archive = write_warc(tmp_path / "archive.warc.gz", records)
    db = tmp_path / "tmp.db"
    logger = logging.getLogger("communique")
    level, handlers = logger.level, list(logger.handlers)
    try:
        result = CliRunner().invoke(app, ["ingest", str(archive), "--db", str(db)], catch_exceptions=False)
    finally:
        logger.setLevel(level)
        logger.handlers[:] = handlers
    assert result.exit_code == 0, result.output
    assert "2 stored, 0 already present, 0 failed" in result.stdout
    # the records not read are counted as archive records, not as files of a folder
    assert "skipped: 4 archive records (" in result.stderr and "in folders" not in result.stderr
    with open_store(db, create=False) as store:
        for uri in (GHANA_URI, URUGUAY_URI):
            doc = store.document(document_id(uri))
            assert doc is not None and doc.url == uri
            assert store.document_records(doc.id), f"no facts stored for {uri}"
