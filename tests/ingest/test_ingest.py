"""Stage 1, ingest: files in, Documents (or InputErrors) out. Hand-written French text only."""
from __future__ import annotations

import builtins
import json
import os
from pathlib import Path

import pytest

import communique.ingest as ingest
from communique.errors import InputError
from communique.ingest import (
    DEFAULT_MAX_BYTES,
    decode_bytes,
    french_share,
    is_french,
    iter_documents,
    iter_jsonl,
    parse_date,
    read_text_file,
)
from communique.records import Document

# A fictional article, written for these tests.
TITLE = "Le Chili et la Norvège renforcent leur coopération maritime"
BODY = (
    "La ministre chilienne des Affaires étrangères s’est rendue mardi à Oslo, où elle a été reçue par "
    "son homologue norvégien pour une journée d’entretiens.\n\n"
    "Les deux ministres ont signé un accord sur la protection des océans et ont convenu de lancer "
    "un dialogue annuel sur l’énergie. Ils se sont félicités de la hausse des échanges commerciaux.\n\n"
    "Selon le communiqué final, une visite du président chilien en Norvège est prévue au printemps."
)
ARTICLE = f"{TITLE}\n\n{BODY}\n"

ENGLISH = (
    "The Chilean foreign minister travelled to Oslo on Tuesday, where she was received by her Norwegian "
    "counterpart for a day of talks. The two ministers signed an agreement on ocean protection and agreed "
    "to launch an annual dialogue on energy."
)
GERMAN = (
    "Die chilenische Außenministerin reiste am Dienstag nach Oslo, wo sie von ihrem norwegischen Amtskollegen "
    "zu einem Tag der Gespräche empfangen wurde. Die beiden Minister unterzeichneten ein Abkommen zum Schutz "
    "der Ozeane und vereinbarten einen jährlichen Dialog über Energie."
)
VIETNAMESE = (
    "Bộ trưởng Ngoại giao Chile đã đến Oslo vào thứ Ba, nơi bà được người đồng cấp Na Uy tiếp đón trong "
    "một ngày hội đàm. Hai bộ trưởng đã ký một thỏa thuận về bảo vệ đại dương và nhất trí khởi động "
    "một cuộc đối thoại thường niên về năng lượng."
)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def run(paths, **kw) -> tuple[list[Document], list[InputError]]:
    docs, errors = [], []
    for item in iter_documents(paths, **kw):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


# ------------------------------------------------------------------------------ text files


def test_ingest_txt_file_gives_one_document(tmp_path):
    path = write(tmp_path / "chili-norvege.txt", ARTICLE)
    docs, errors = run([path])
    assert errors == []
    [doc] = docs
    assert doc.id == "chili-norvege"
    assert doc.text == ARTICLE
    assert doc.path == str(path)
    assert doc.lang == "fr"
    assert doc.encoding == "utf-8"
    assert doc.date is None


def test_ingest_accepts_a_single_path_argument(tmp_path):
    path = write(tmp_path / "seul.txt", ARTICLE)
    docs, errors = run(str(path))
    assert [d.id for d in docs] == ["seul"] and errors == []


@pytest.mark.parametrize(
    "data, encoding",
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("cp1252"), "cp1252"),  # "é" and the "’" of s’est (0x92)
        (ARTICLE.replace("’", "'").encode("latin-1"), "latin-1"),
        (ARTICLE.encode("utf-16"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "latin-1", "utf-16-bom"],
)
def test_ingest_decodes_each_encoding(tmp_path, data, encoding):
    path = write(tmp_path / "art.txt", data)
    [doc] = run([path])[0]
    expected = ARTICLE if encoding != "latin-1" else ARTICLE.replace("’", "'")
    assert doc.text == expected  # BOM dropped, nothing else changed
    assert doc.encoding == encoding


def test_ingest_reads_stray_cp1252_bytes_in_utf8_text(tmp_path):
    data = ARTICLE.encode("utf-8") + "Il l’a dit.".encode("cp1252")
    [doc] = run([write(tmp_path / "mixte.txt", data)])[0]
    assert doc.text == ARTICLE + "Il l’a dit."
    assert doc.encoding == "utf-8+cp1252"


def test_ingest_keeps_the_original_text_unnormalised(tmp_path):
    text = f"  {TITLE}\r\n\r\n{BODY}\u00a0\r\n"
    [doc] = run([write(tmp_path / "crlf.txt", text)])[0]
    assert doc.text == text


@pytest.mark.parametrize(
    "head, date",
    [(" date 2025-02 ", "2025-02"), ("date 2024-11-24 ", "2024-11-24"), ("date 2023\n", "2023")],
)
def test_ingest_reads_the_leading_date_token(tmp_path, head, date):
    text = head + ARTICLE
    [doc] = run([write(tmp_path / "d.txt", text)])[0]
    assert doc.date == date
    assert doc.text == text  # the token stays in the text: later offsets refer to it


@pytest.mark.parametrize("bad", ["2025-13", "2025-02-30", "2025-00"])
def test_ingest_rejects_a_bad_leading_date(tmp_path, bad):
    path = write(tmp_path / "d.txt", f" date {bad} {ARTICLE}")
    docs, [err] = run([path])
    assert docs == []
    assert err.path == str(path) and bad in err.problem


def test_ingest_date_argument_overrides_the_file_date(tmp_path):
    path = write(tmp_path / "d.txt", f" date 2025-02 {ARTICLE}")
    [doc] = run([path], date="2024-06-15")[0]
    assert doc.date == "2024-06-15"


def test_ingest_bad_date_argument_is_one_error(tmp_path):
    path = write(tmp_path / "d.txt", ARTICLE)
    docs, [err] = run([path, path], date="2024-02-31")
    assert docs == []
    assert err.path == "--date" and "2024-02-31" in err.problem


@pytest.mark.parametrize("value", ["2024", "2024-02", "2024-02-29", "1999-12-31"])
def test_parse_date_accepts(value):
    assert parse_date(value) == value


@pytest.mark.parametrize("value", ["2023-02-29", "2024-13", "24-02-01", "2024/02/01", "hier", "2024-2-1", ""])
def test_parse_date_rejects(value):
    with pytest.raises(ValueError, match="bad date"):
        parse_date(value)


# ------------------------------------------------------------------------------ bad inputs


def _undecodable() -> bytes:
    # bytes 0x81 0x8D 0x8F 0x90 0x9D are undefined in CP1252 and control characters in Latin-1
    return b"Le ministre \x81\x8d a \x8f\x90 dit \x9d\x81 que les \x8d\x90 accords \x9d\x8f sont pr\x81ts.\n" * 20


BAD_INPUTS = [
    ("a.txt", b"", "empty file"),
    ("b.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file (not text)"),
    ("c.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 40 + ARTICLE.encode(), "binary file (not text)"),
    ("d.txt", _undecodable(), "cannot decode text (not UTF-8, CP1252 or Latin-1)"),
    ("whitespace.txt", b"  \n\t\n\r\n   \n", "no text"),
    ("doc.txt", GERMAN.encode(), "written in German (communique reads French and English articles)"),
    ("viet.txt", VIETNAMESE.encode(), "written in Vietnamese (communique reads French and English articles)"),
    ("chiffres.txt", b"12 345 678 910 -- 2024 / 2025 : 7,5 %",
     "no language communique reads (too few French or English words; communique reads French and English articles)"),
    ("date-seule.txt", b" date 2025-02\n\n", "no text (only a date line)"),
    ("notes.md", ARTICLE.encode(), "unsupported file type .md (communique reads .txt, .html, .htm, .jsonl (or "
                                   ".jsonl.gz, .jsonl.bz2, .jsonl.xz), .warc and .warc.gz files)"),
]


@pytest.mark.parametrize("name, data, problem", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_ingest_bad_input_is_one_error_and_others_still_read(tmp_path, name, data, problem):
    bad = write(tmp_path / "in" / name, data)
    good = write(tmp_path / "in" / "good.txt", ARTICLE)
    docs, errors = run([bad, good])
    assert [d.id for d in docs] == ["good"]
    [err] = errors
    assert err.path == str(bad) and err.line is None
    assert err.problem == problem
    assert str(err) == f"{bad}: {problem}"


def test_ingest_missing_file(tmp_path):
    docs, [err] = run([tmp_path / "missing.txt", write(tmp_path / "ok.txt", ARTICLE)])
    assert str(err) == f"{tmp_path / 'missing.txt'}: no such file"
    assert len(docs) == 1


def test_ingest_broken_symlink(tmp_path):
    link = tmp_path / "lien.txt"
    link.symlink_to(tmp_path / "absent.txt")
    _, [err] = run([link])
    assert err.problem == "no such file (broken symbolic link)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("name", ["pipe", "pipe.txt"])
def test_ingest_named_pipe_is_not_a_regular_file(tmp_path, name):
    folder = tmp_path / "dir"
    folder.mkdir()
    pipe = folder / name
    os.mkfifo(pipe)
    _, [err] = run([pipe])
    assert str(err) == f"{pipe}: not a regular file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_ingest_named_pipe_with_text_suffix_inside_a_folder_is_reported(tmp_path):
    os.mkfifo(tmp_path / "tube.txt")
    write(tmp_path / "ok.txt", ARTICLE)
    docs, [err] = run([tmp_path])
    assert err.problem == "not a regular file" and err.path == str(tmp_path / "tube.txt")
    assert [d.id for d in docs] == ["ok"]


def test_ingest_refuses_a_big_file_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(int(52.3 * 1024 * 1024))  # sparse: no disk space used
    opened: list[str] = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(os.fspath(file) if not isinstance(file, int) else str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    docs, [err] = run([big])
    monkeypatch.undo()
    assert docs == []
    assert str(err) == f"{big}: file is 52.3 MB, over the 10 MB limit (raise it with --max-size)"
    assert str(big) not in opened


def test_ingest_size_limit_can_be_raised(tmp_path):
    path = write(tmp_path / "art.txt", ARTICLE)
    _, [err] = run([path], max_bytes=100)
    assert "over the 100 bytes limit" in err.problem and err.hint == "raise it with --max-size"
    docs, errors = run([path], max_bytes=DEFAULT_MAX_BYTES)
    assert len(docs) == 1 and errors == []


def test_read_text_file_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="empty file"):
        read_text_file(write(tmp_path / "vide.txt", b""))


# ------------------------------------------------------------------------------ folders


def test_ingest_folder_is_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "sous" / "c.txt", ARTICLE)
    write(tmp_path / "sous" / "plus" / "d.htm", _page())
    write(tmp_path / "sous" / "e.jsonl", json.dumps({"id": "e1", "text": ARTICLE}) + "\n")
    write(tmp_path / "notes.md", "ignoré")  # other files in a folder are skipped silently
    write(tmp_path / "image.png", b"\x89PNG\x00\x00")
    write(tmp_path / ".cache" / "x.txt", ARTICLE)  # hidden folders are skipped
    docs, errors = run([tmp_path])
    assert errors == []
    # sorted by path: sous/c.txt < sous/e.jsonl < sous/plus/d.htm
    assert [d.id for d in docs] == ["a", "b", "c", "e1", "d"]


def test_ingest_folder_not_recursive(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "sous" / "c.txt", ARTICLE)
    docs, errors = run([tmp_path], recursive=False)
    assert [d.id for d in docs] == ["a"] and errors == []


def test_ingest_folder_without_articles_is_an_error(tmp_path):
    write(tmp_path / "notes.md", "rien")
    docs, [err] = run([tmp_path])
    assert docs == [] and "folder has no .txt, .html, .htm, .jsonl or .warc files" in err.problem


def test_ingest_same_file_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    docs, errors = run([path, tmp_path])
    assert [d.id for d in docs] == ["a"] and errors == []


def test_ingest_duplicate_id_from_another_file_is_an_error(tmp_path):
    first = write(tmp_path / "un" / "a.txt", ARTICLE)
    second = write(tmp_path / "deux" / "a.txt", ARTICLE)
    docs, [err] = run([first, second])
    assert [d.path for d in docs] == [str(first)]
    assert err.path == str(second) and 'duplicate document id "a"' in err.problem


# ------------------------------------------------------------------------------ JSONL


def _jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def test_ingest_jsonl_ids_dates_and_metadata(tmp_path):
    path = write(tmp_path / "lot.jsonl", _jsonl(
        {"id": "cl-1", "text": ARTICLE, "date": "2024-03-05", "url": "https://exemple.org/a", "title": TITLE,
         "lang": "fr"},
        {"id": "cl-2", "text": BODY},
        {"id": 3, "text": BODY, "date": "2024-03-06T08:30:00Z"},
    ))
    docs, errors = run([path])
    assert errors == []
    assert [(d.id, d.date) for d in docs] == [("cl-1", "2024-03-05"), ("cl-2", None), ("3", "2024-03-06")]
    assert docs[0].url == "https://exemple.org/a" and docs[0].title == TITLE
    assert docs[0].text == ARTICLE and docs[0].path == str(path) and docs[0].lang == "fr"


def test_ingest_jsonl_date_argument_overrides(tmp_path):
    path = write(tmp_path / "lot.jsonl", _jsonl({"id": "x", "text": BODY, "date": "2024-03-05"}))
    [doc] = run([path], date="2022")[0]
    assert doc.date == "2022"


JSONL_BAD_LINES = [
    ('{"id": "z", "text": ', "not valid JSON"),
    ("[1, 2, 3]", "not a JSON object (it is a list)"),
    ('"du texte"', "not a JSON object (it is a string)"),
    (json.dumps({"id": "z"}), 'no "text" field'),
    (json.dumps({"id": "z", "text": 42}), '"text" must be a string'),
    (json.dumps({"id": "z", "text": "   "}), '"text" is empty'),
    (json.dumps({"text": BODY}), 'no "id" field'),
    (json.dumps({"id": "", "text": BODY}), '"id" must be a non-empty string'),
    (json.dumps({"id": "z", "text": BODY, "date": "2024-02-30"}), "bad date '2024-02-30'"),
    (json.dumps({"id": "z", "text": GERMAN}), "written in German"),
    (json.dumps({"id": "z", "text": BODY, "lang": "de"}), 'written in German ("lang" is "de";'),
    (json.dumps({"id": "z", "text": BODY, "url": 7}), '"url" must be a string'),
]


@pytest.mark.parametrize("line, problem", JSONL_BAD_LINES, ids=[p for _, p in JSONL_BAD_LINES])
def test_ingest_jsonl_bad_line_is_one_error_with_its_line_number(tmp_path, line, problem):
    path = write(tmp_path / "x.jsonl", _jsonl({"id": "a", "text": BODY}, "", line, {"id": "b", "text": BODY}))
    docs, errors = run([path])
    assert [d.id for d in docs] == ["a", "b"]
    [err] = errors
    assert err.path == str(path) and err.line == 3
    assert err.problem.startswith(problem)
    assert str(err).startswith(f"{path}:3: ")


def test_ingest_jsonl_truncated_last_line(tmp_path):
    text = _jsonl({"id": "a", "text": BODY}) + '{"id": "b", "text": "Les deux minis'
    path = write(tmp_path / "x.jsonl", text)
    docs, [err] = run([path])
    assert [d.id for d in docs] == ["a"]
    assert str(err) == f"{path}:2: truncated JSON (the file seems cut off)"


def test_ingest_jsonl_last_line_without_newline_is_fine(tmp_path):
    path = write(tmp_path / "x.jsonl", _jsonl({"id": "a", "text": BODY}).rstrip("\n"))
    docs, errors = run([path])
    assert [d.id for d in docs] == ["a"] and errors == []


def test_ingest_jsonl_line_over_the_size_limit(tmp_path):
    path = write(tmp_path / "x.jsonl", _jsonl({"id": "a", "text": BODY}, {"id": "b", "text": BODY * 20},
                                              {"id": "c", "text": BODY}))
    docs, [err] = run([path], max_bytes=2000)
    assert [d.id for d in docs] == ["a", "c"]
    assert err.line == 2 and "line is" in err.problem and "over the" in err.problem


def test_ingest_jsonl_duplicate_id(tmp_path):
    path = write(tmp_path / "x.jsonl", _jsonl({"id": "a", "text": BODY}, {"id": "a", "text": BODY}))
    docs, [err] = run([path])
    assert len(docs) == 1 and err.line == 2 and "duplicate" in err.problem


def test_ingest_jsonl_that_is_not_articles_is_given_up(tmp_path):
    path = write(tmp_path / "autre.jsonl", _jsonl(*[{"kind": "x", "n": i} for i in range(50)]))
    _, errors = run([path])
    assert len(errors) == ingest.MAX_LEADING_BAD_LINES + 1
    assert "rest of the file is skipped" in errors[-1].problem


@pytest.mark.parametrize("data, problem", [(b"", "empty file"), (b"\n\n  \n", "no records (only blank lines)"),
                                           (b"\x00\x01\x02" * 10, "binary file (not text)")])
def test_ingest_jsonl_file_level_errors(tmp_path, data, problem):
    path = write(tmp_path / "x.jsonl", data)
    assert [str(e) for e in iter_jsonl(path)] == [f"{path}: {problem}"]


# ------------------------------------------------------------------------------ HTML


def _page(meta_date: str | None = "2023-04-12T10:00:00+02:00", charset: str = "utf-8") -> str:
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="{charset}">
<title>{TITLE} | Le Journal fictif</title>{meta}
<meta property="og:title" content="{TITLE}"></head>
<body><header><nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/eco">Économie</a></nav></header>
<main><article><h1>{TITLE}</h1>
<p>La ministre chilienne des Affaires étrangères s’est rendue mardi à Oslo, où elle a été reçue par son homologue
norvégien pour une journée d’entretiens.</p>
<p>Les deux ministres ont signé un accord sur la protection des océans et ont convenu de lancer un dialogue annuel
sur l’énergie.</p>
<h2>Un dialogue sur l’énergie</h2>
<p>Ils se sont félicités de la hausse des échanges commerciaux, qui ont atteint un niveau record l’an dernier.</p>
<p>Selon le communiqué final, une visite du président chilien en Norvège est prévue au printemps.</p>
</article>
<aside class="related"><h3>Lire aussi</h3><ul>
<li><a href="/a">Le roi du Maroc reçu au Japon le 10 septembre 2024</a></li>
<li><a href="/b">La Suède et le Pérou signent un accord minier</a></li></ul></aside></main>
<footer><p>© Le Journal fictif — Mentions légales — 12 rue Imaginaire, Lyon</p></footer></body></html>"""


def test_ingest_html_main_text_title_and_meta_date(tmp_path):
    path = write(tmp_path / "page-chili.html", _page())
    [doc] = run([path])[0]
    assert doc.id == "page-chili"
    assert doc.date == "2023-04-12"
    assert doc.title == TITLE
    assert doc.text.split("\n")[0] == TITLE
    assert "reçue par son homologue" in doc.text and "prévue au printemps" in doc.text
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    assert len(lines) >= 5  # paragraphs kept on separate lines
    for leaked in ("Maroc", "Pérou", "Lire aussi", "Accueil", "Mentions légales", "Imaginaire"):
        assert leaked not in doc.text


def test_ingest_html_date_only_in_teaser_text_is_not_taken(tmp_path):
    path = write(tmp_path / "sans-date.htm", _page(meta_date=None))
    [doc] = run([path])[0]
    assert doc.date is None


def test_ingest_html_date_argument_overrides(tmp_path):
    [doc] = run([write(tmp_path / "p.html", _page())], date="2020-01-02")[0]
    assert doc.date == "2020-01-02"


def test_ingest_html_declared_charset(tmp_path):
    path = write(tmp_path / "p.html", _page(charset="windows-1252").encode("cp1252"))
    [doc] = run([path])[0]
    assert "s’est rendue" in doc.text and "Norvège" in doc.text
    assert doc.encoding == "cp1252"


@pytest.mark.parametrize(
    "page", ["<html><head><script>var x = 1;</script></head><body><div></div></body></html>", "<html></html>"]
)
def test_ingest_html_without_article_text(tmp_path, page):
    path = write(tmp_path / "vide.html", page)
    _, [err] = run([path])
    assert err.path == str(path) and err.problem in ("no article text found in the page", "no text")


def test_ingest_html_extractor_failure_is_an_input_error(tmp_path, monkeypatch):
    def boom(html):
        raise ValueError("arbre invalide")

    monkeypatch.setattr(ingest, "_extract_html", boom)
    path = write(tmp_path / "p.html", _page())
    docs, [err] = run([path, write(tmp_path / "ok.txt", ARTICLE)])
    assert "cannot parse the HTML page" in err.problem and [d.id for d in docs] == ["ok"]


def test_ingest_unexpected_failure_does_not_stop_the_run(tmp_path, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("imprévu")

    monkeypatch.setattr(ingest, "read_text_file", boom)
    docs, [err] = run([write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "b.htm", _page())])
    assert err.path == str(tmp_path / "a.txt") and "imprévu" in err.problem
    assert [d.id for d in docs] == ["b"]


# ------------------------------------------------------------------------------ decoding / language


def test_decode_bytes_rejects_undecodable():
    with pytest.raises(ValueError, match="cannot decode text"):
        decode_bytes(_undecodable())


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        TITLE,
        "Visite du président chilien en Norvège",
        "Le Premier ministre portugais s’est rendu mardi à Brasilia.",
        "L’Argentine et l’Inde signent un accord sur le lithium",
    ],
)
def test_french_check_passes_french(text):
    assert is_french(text)


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        VIETNAMESE,
        "Hai bo truong ngoai giao da gap nhau tai Ha Noi de thao luan ve hop tac thuong mai va nang luong.",
        "Los dos ministros se reunieron el lunes en Santiago para hablar de comercio y energía.",
        "Die beiden Minister trafen sich am Montag in Oslo, um über Handel und Energie zu sprechen.",
        "12 345 678 910",
        "Oslo Santiago Lima Quito",
    ],
)
def test_french_check_fails_other_text(text):
    assert not is_french(text)


def test_french_share_has_a_wide_margin():
    fr, _ = french_share(ARTICLE)
    en, _ = french_share(ENGLISH)
    assert fr >= 2 * ingest.FRENCH_MIN_SHARE and en < ingest.FRENCH_MIN_SHARE / 2


# ------------------------------------------------------------------------------- languages

def test_ingest_reads_english_and_tells_each_documents_language(tmp_path):
    docs, errors = run([write(tmp_path / "fr.txt", ARTICLE), write(tmp_path / "en.txt", ENGLISH)])
    assert errors == []
    assert {d.id: d.lang for d in docs} == {"fr": "fr", "en": "en"}


def test_ingest_honours_the_jsonl_lang_field_and_a_forced_language(tmp_path):
    path = write(tmp_path / "x.jsonl", _jsonl({"id": "a", "text": ENGLISH, "lang": "en-GB"},
                                              {"id": "b", "text": BODY, "lang": "fr_FR"}))
    docs, errors = run([path])
    assert errors == [] and [(d.id, d.lang) for d in docs] == [("a", "en"), ("b", "fr")]
    forced = [d for d in ingest.iter_documents([tmp_path / "x.jsonl"], lang="fr") if isinstance(d, Document)]
    assert [d.lang for d in forced] == ["fr", "fr"]


def test_language_detection_prefers_a_language_communique_reads():
    from communique.ingest.language import detect

    assert detect(ENGLISH) == "en" and detect(ARTICLE) == "fr" and detect(GERMAN) == "de"
    assert detect("Visite du président chilien en Norvège") == "fr"
    assert detect("Chilean president visits Norway for talks on trade") == "en"
    assert detect("12 345 678 910") is None
