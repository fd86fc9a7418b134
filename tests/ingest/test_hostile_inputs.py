"""Hostile inputs: every input string is cleaned or refused at ingest, never a crash further on.

Cleaned (the document is read): lone surrogates (U+FFFD), NUL and other control characters (a
space or a line break), bidirectional formatting characters (dropped), a UTF-8 file cut in the
middle of a character (U+FFFD), an encoded lone surrogate in a file.
Refused (one ``InputError`` naming the file, and the line of a ``.jsonl``): binary data, a paragraph
of a megabyte, a text of numbers, markup nested 10,000 deep.

The first part checks ingest alone; the second runs the real pipeline and the command line over
one folder holding every hostile input next to good articles. Every text is written for these tests.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import communique
from communique.errors import InputError, ModelNotInstalled
from communique.ingest import decode_bytes, iter_documents
from communique.ingest.safety import MAX_PARAGRAPH_CHARS, make_safe, refusal
from communique.records import Document

VISIT = (
    "Le ministre uruguayen des Affaires étrangères s'est rendu à Helsinki le 12 février 2025 pour une "
    "visite officielle de deux jours. Il a été reçu par son homologue finlandaise, avec qui il a évoqué la "
    "coopération forestière et les échanges universitaires."
)
TALKS = (
    "La présidente islandaise a reçu le 8 avril 2025 à Reykjavik le Premier ministre néo-zélandais. "
    "Les deux dirigeants ont signé un accord de coopération sur la géothermie et la pêche durable."
)
UPGRADE = (
    "Le Kenya et le Portugal ont décidé le 3 juin 2024 d'élever leurs relations au rang de partenariat "
    "stratégique, a annoncé le ministère kényan des Affaires étrangères à l'issue des consultations."
)

#: characters no document text may hold after ingest
UNSAFE_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def jsonl_line(doc_id: str, text: str, **fields: str) -> str:
    # ensure_ascii: a lone surrogate is written as the escape "\ud800", as scraped feeds hold it
    return json.dumps({"id": doc_id, "text": text, "date": "2025-02-14", **fields}, ensure_ascii=True)


def read(paths) -> tuple[list[Document], list[InputError]]:
    docs, errors = [], []
    for item in iter_documents(paths):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def read_one_line(tmp_path: Path, text: str, **fields: str) -> Document | InputError:
    """The result of a .jsonl line holding ``text`` between two good lines (which must be read)."""
    path = write(tmp_path / "flux.jsonl", "\n".join([jsonl_line("avant", VISIT), jsonl_line("x", text, **fields),
                                                     jsonl_line("apres", TALKS)]) + "\n")
    docs, errors = read([path])
    assert [d.id for d in docs if d.id != "x"] == ["avant", "apres"]
    if errors:
        [err] = errors
        assert (err.path, err.line) == (str(path), 2)
        assert str(err).startswith(f"{path}:2: ")
        return err
    [doc] = [d for d in docs if d.id == "x"]
    assert UNSAFE_RE.search(doc.text) is None
    doc.text.encode("utf-8")  # every writer of the later stages can write it
    return doc


# ---------------------------------------------------------------------------------- cleaned


def test_ingest_lone_surrogate_becomes_a_replacement_character(tmp_path):
    doc = read_one_line(tmp_path, VISIT.replace(" Il a", " \ud800 Il a"))
    assert doc.text == VISIT.replace(" Il a", " \ufffd Il a")


def test_ingest_surrogate_pair_is_the_character_it_encodes(tmp_path):
    doc = read_one_line(tmp_path, VISIT + " \U0001F1EB\U0001F1EE")  # written as two pairs of escapes
    assert doc.text == VISIT + " \U0001F1EB\U0001F1EE"


@pytest.mark.parametrize("lone", ["\ud800", "\udbff", "\udc00", "\udfff", "\ude00\ud83d"])
def test_ingest_every_kind_of_lone_surrogate_is_replaced(tmp_path, lone):
    doc = read_one_line(tmp_path, f"{lone}{VISIT}{lone}")
    assert doc.text == f"{chr(0xFFFD) * len(lone)}{VISIT}{chr(0xFFFD) * len(lone)}"


def test_ingest_lone_surrogates_in_id_title_and_url_are_replaced(tmp_path):
    path = write(tmp_path / "flux.jsonl",
                 jsonl_line("id\udc80", VISIT, title="Visite\ud800 à Helsinki", url="https://exemple.org/\udfff") + "\n")
    [doc], [] = read([path])
    assert (doc.id, doc.title, doc.url) == ("id\ufffd", "Visite\ufffd à Helsinki", "https://exemple.org/\ufffd")


def test_ingest_error_message_does_not_repeat_unsafe_characters(tmp_path):
    err = read_one_line(tmp_path, VISIT, lang="de\u202e\ud800\x00")
    assert err.problem.startswith('written in German ("lang" is "de\ufffd ";')


def test_ingest_nul_and_control_characters_become_spaces(tmp_path):
    text = VISIT.replace("Helsinki", "Helsinki\x00").replace(" Il a", "\x07\x1b[0m Il a\x7f\x9c")
    doc = read_one_line(tmp_path, text)
    assert doc.text == VISIT.replace("Helsinki", "Helsinki ").replace(" Il a", "  [0m Il a  ")
    assert len(doc.text) == len(text)


def test_ingest_tab_newline_carriage_return_and_form_feed_are_kept(tmp_path):
    text = f"{TALKS}\r\n\t{VISIT}\x0c{UPGRADE}"
    assert read_one_line(tmp_path, text).text == text


def test_ingest_controls_read_as_line_breaks_stay_line_breaks(tmp_path):
    text = f"{TALKS}\x0b{VISIT}\x1e{UPGRADE}\x85"
    assert read_one_line(tmp_path, text).text == f"{TALKS}\n{VISIT}\n{UPGRADE}\n"


@pytest.mark.parametrize("bidi", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
                                  "\u2069", "\u200e", "\u200f", "\u061c"])
def test_ingest_bidi_formatting_characters_are_dropped(tmp_path, bidi):
    doc = read_one_line(tmp_path, VISIT.replace("Helsinki", f"{bidi}Hel{bidi}sinki{bidi}"))
    assert doc.text == VISIT


def test_ingest_truncated_utf8_file_ends_with_a_replacement_character(tmp_path):
    data = (VISIT + " Les délégations").encode("utf-8") + "é".encode("utf-8")[:1]
    [doc], [] = read([write(tmp_path / "coupe.txt", data)])
    assert doc.text == VISIT + " Les délégations\ufffd"
    assert doc.encoding == "utf-8"


def test_ingest_cp1252_file_ending_with_its_only_accent_is_not_taken_for_cut_utf8(tmp_path):
    text = ("Le ministre a dit que les deux pays vont signer un accord sur le commerce du cafe et du the, "
            "selon le texte du communique qui sera publie")
    [doc], [] = read([write(tmp_path / "fin.txt", (text + "é").encode("cp1252"))])
    assert doc.text == text + "é"


def test_ingest_encoded_lone_surrogate_in_a_file_is_replaced(tmp_path):
    # WTF-8 / CESU-8: a lone surrogate, then a pair written as two surrogates of three bytes each
    data = VISIT.encode("utf-8") + b" \xed\xa0\x80 \xed\xa0\xbd\xed\xb8\x80"
    [doc], [] = read([write(tmp_path / "wtf8.txt", data)])
    assert doc.text == VISIT + " \ufffd \U0001F600"


def test_ingest_nul_late_in_an_html_page_is_cleaned(tmp_path):
    filler = "<!-- " + "commentaire " * 1000 + "-->"  # the NUL lies beyond the binary probe
    page = f"<html><head><title>Visite</title></head><body>{filler}<article><p>{VISIT}\x00</p></article></body></html>"
    [doc], [] = read([write(tmp_path / "page.html", page)])
    assert VISIT in doc.text and UNSAFE_RE.search(doc.text) is None


# ---------------------------------------------------------------------------------- refused


def test_ingest_text_made_of_control_characters_is_refused(tmp_path):
    err = read_one_line(tmp_path, VISIT + "\x00\x01\x02" * 1000)
    assert err.problem.startswith("binary data in the text (3000 control characters)")


def test_ingest_short_text_with_a_stray_nul_is_cleaned(tmp_path):
    path = write(tmp_path / "flux.jsonl", jsonl_line("court", "Visite du ministre malien à Dakar.\x00\x00") + "\n")
    [doc], [] = read([path])
    assert doc.text == "Visite du ministre malien à Dakar.  "


def test_ingest_cleaning_is_logged_with_file_and_line(tmp_path, caplog):
    caplog.set_level("INFO", logger="communique.ingest")
    read_one_line(tmp_path, f"\ud800{VISIT}\u202e\x00")
    [message] = [r.getMessage() for r in caplog.records if r.name == "communique.ingest"]
    assert message == (f"{tmp_path / 'flux.jsonl'}:2: 1 lone surrogate replaced by U+FFFD, 1 control character "
                       "replaced by a space or a line break, 1 bidirectional formatting character dropped")


def test_ingest_id_made_of_formatting_characters_is_refused(tmp_path):
    path = write(tmp_path / "flux.jsonl", jsonl_line("\u202e\u202c", VISIT) + "\n" + jsonl_line("b", TALKS) + "\n")
    docs, [err] = read([path])
    assert [d.id for d in docs] == ["b"]
    assert (err.line, err.problem.split(" (")[0]) == (1, "no usable id")


def test_ingest_one_megabyte_line_of_jsonl_is_refused(tmp_path):
    err = read_one_line(tmp_path, (VISIT + " ") * (1_000_000 // len(VISIT)))
    assert err.problem.startswith("paragraph too long for an article (")


def test_ingest_one_megabyte_line_of_text_file_is_refused(tmp_path):
    path = write(tmp_path / "ligne.txt", VISIT + "\n\n" + (TALKS + " ") * (1_000_000 // len(TALKS)))
    [], [err] = read([path])
    assert (err.path, err.line) == (str(path), None)
    assert err.problem.startswith("paragraph too long for an article (")


def test_ingest_long_text_in_paragraphs_is_read(tmp_path):
    text = "\n\n".join([VISIT, TALKS, UPGRADE] * 400)  # 240 KB, no paragraph near the limit
    [doc], [] = read([write(tmp_path / "long.txt", text)])
    assert doc.text == text


def test_ingest_paragraph_at_the_limit_is_read(tmp_path):
    text = (VISIT + " ") * (MAX_PARAGRAPH_CHARS // (len(VISIT) + 1))
    assert len(text) <= MAX_PARAGRAPH_CHARS
    [doc], [] = read([write(tmp_path / "limite.txt", text)])
    assert doc.text == text


@pytest.mark.parametrize("sep", [" ", "\n", ", "], ids=["spaces", "lines", "commas"])
def test_ingest_text_of_a_hundred_thousand_numbers_is_refused(tmp_path, sep):
    numbers = "".join(f"{n}{sep if n % 20 else chr(10)}" for n in range(100_000))
    err = read_one_line(tmp_path, f"{VISIT}\n{numbers}")
    assert re.fullmatch(r"mostly numbers, not article text \(100,002 numbers for \d+ words\)", err.problem)


def test_ingest_text_file_of_numbers_is_refused(tmp_path):
    path = write(tmp_path / "chiffres.txt", VISIT + "\n" + "\n".join(" ".join(str(n) for n in range(k, k + 10))
                                                                     for k in range(0, 100_000, 10)))
    [], [err] = read([path])
    # the 100,000 numbers and the two of the first paragraph (12 février 2025)
    assert re.fullmatch(r"mostly numbers, not article text \(100,002 numbers for \d+ words\)", err.problem)


def test_ingest_article_rich_in_figures_is_read(tmp_path):
    text = ("Les échanges entre le Kenya et le Portugal ont atteint 1,25 milliard d'euros en 2024, soit 12,5 % de "
            "plus qu'en 2023, dont 450 millions d'euros d'exportations kényanes et 3 200 tonnes de thé. ") * 30
    [doc], [] = read([write(tmp_path / "chiffres.txt", text)])
    assert doc.text == text


def test_ingest_html_nested_ten_thousand_deep_is_refused(tmp_path):
    page = ("<html><head><title>Visite</title></head><body>" + "<div>" * 10_000 + f"<p>{VISIT}</p>"
            + "</div>" * 10_000 + "</body></html>")
    path = write(tmp_path / "imbrique.html", page)
    [], [err] = read([path])
    assert err.path == str(path)
    assert err.problem.startswith("markup nested too deeply (over 255 levels")


def test_ingest_html_nested_two_hundred_deep_is_read(tmp_path):
    page = "<html><body>" + "<div>" * 200 + f"<article><p>{VISIT}</p><p>{TALKS}</p></article>" + "</div>" * 200
    [doc], [] = read([write(tmp_path / "profond.html", page + "</body></html>")])
    assert VISIT in doc.text


@pytest.mark.parametrize("name", ["binaire.txt", "binaire.html", "binaire.htm", "binaire.jsonl"])
def test_ingest_binary_file_is_refused(tmp_path, name):
    path = write(tmp_path / name, b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
    [], [err] = read([path])
    assert str(err) == f"{path}: binary file (not text)"


@pytest.mark.parametrize("data", [b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xed\xbf\xbf\xc3",
                                  b"\xff\xfe\x00\xd8", b"\xfe\xff\xd8\x00"])
def test_decode_bytes_then_make_safe_gives_writable_text_or_a_value_error(data):
    for raw in (data, "Le texte de l’accord ".encode("utf-8") + data):
        try:
            text, _ = decode_bytes(raw)
        except ValueError:
            continue
        make_safe(text)[0].encode("utf-8")


def test_refusal_accepts_an_ordinary_article():
    assert refusal("\n\n".join([VISIT, TALKS, UPGRADE])) is None


# ------------------------------------------------------------------- the pipeline and the CLI

GOOD = {"visite": VISIT, "entretien": TALKS, "partenariat": UPGRADE}
#: the documents read from the folder below, in input order (folder files in sorted order)
EXPECTED_DOCS = ["coupe", "entretien", "bidi", "surrogate-titre\ufffd", "bon", "surrogate", "nul", "partenariat",
                 "visite"]
#: the inputs refused, with their line and the kind of problem
EXPECTED_ERRORS = [
    ("binaire.html", None, "binary file"),
    ("binaire.txt", None, "binary file"),
    ("flux.jsonl", 6, "binary data in the text"),
    ("flux.jsonl", 7, "paragraph too long for an article"),
    ("flux.jsonl", 8, "mostly numbers, not article text"),
    ("imbrique.html", None, "markup nested too deeply"),
    ("ligne.txt", None, "paragraph too long for an article"),
]


def hostile_folder(root: Path) -> Path:
    """Good articles and every hostile input, side by side in one folder."""
    folder = root / "entrees"
    lines = [
        jsonl_line("bidi", VISIT.replace("Helsinki", "\u2066Hel\u202esinki\u2069")),
        jsonl_line("surrogate-titre\udc80", TALKS, title="Entretien \ud800 à Reykjavik"),
        jsonl_line("bon", UPGRADE),
        jsonl_line("surrogate", VISIT.replace(" Il a", " \ud800 Il a")),
        jsonl_line("nul", TALKS.replace("Reykjavik", "Reykjavik\x00").replace(" Les deux", "\x1b Les deux")),
        jsonl_line("binaire", VISIT + "\x00" * 1000),
        jsonl_line("megaoctet", (UPGRADE + " ") * (1_000_000 // len(UPGRADE))),
        jsonl_line("nombres", VISIT + "\n" + "\n".join(str(n) for n in range(100_000))),
    ]
    write(folder / "flux.jsonl", "\n".join(lines) + "\n")
    write(folder / "entretien.txt", TALKS)
    write(folder / "coupe.txt", (VISIT + " Les délégations").encode("utf-8") + "é".encode("utf-8")[:1])
    write(folder / "visite.html", f"<html><head><title>Visite officielle</title></head><body><article><p>{VISIT}"
                                  "</p></article></body></html>")
    write(folder / "partenariat.txt", f"date 2024-06-04\n{UPGRADE}")
    write(folder / "binaire.txt", bytes(range(256)) * 16)
    write(folder / "binaire.html", b"<html><meta charset='utf-8'>" + bytes(range(256)) * 16)
    write(folder / "imbrique.html", "<html><body>" + "<div>" * 10_000 + f"<p>{VISIT}</p>" + "</body></html>")
    write(folder / "ligne.txt", (TALKS + " ") * (1_000_000 // len(TALKS)))
    return folder


@pytest.fixture(scope="module")
def pipeline():
    try:
        pipeline = communique._pipeline("fr")  # the process-wide Pipeline the CLI uses too
        pipeline.nlp  # noqa: B018
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")
    return pipeline


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return hostile_folder(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def processed(pipeline, folder):
    errors: list[InputError] = []
    facts = list(pipeline.process_paths([str(folder)], on_error=errors.append))
    return facts, errors


def facts_of(pipeline, doc_id: str, text: str):
    [facts] = pipeline.process_documents([Document(doc_id, text, date="2025-02-14")])
    return facts


def summary(facts) -> list[tuple]:
    return sorted((e.type, tuple(sorted(e.countries)), e.date_start) for e in facts.events)


@pytest.mark.model
def test_pipeline_reads_every_good_and_cleaned_document_of_a_hostile_run(processed):
    facts, _ = processed
    assert [f.document.id for f in facts] == EXPECTED_DOCS


@pytest.mark.model
def test_pipeline_reports_each_refused_input_once_with_file_and_line(processed, folder):
    _, errors = processed
    assert all(type(e) is InputError for e in errors)
    assert [(Path(e.path).name, e.line, e.problem.split(" (")[0].split(":")[0]) for e in errors] == EXPECTED_ERRORS
    for e in errors:
        where = f"{folder / Path(e.path).name}" + (f":{e.line}" if e.line else "")
        assert str(e).startswith(f"{where}: ")


@pytest.mark.model
def test_pipeline_sources_of_cleaned_documents_point_into_their_text(processed):
    facts, _ = processed
    for f in facts:
        assert UNSAFE_RE.search(f.document.text) is None
        records = f.to_records()
        json.dumps(records, ensure_ascii=False).encode("utf-8")  # writable, as the CLI writes it
        for rec in records:
            for src in rec["sources"]:
                assert f.document.text[src["start"]:src["end"]] == src["text"]


@pytest.mark.model
def test_pipeline_cleaned_documents_give_the_facts_of_the_clean_text(processed, pipeline):
    facts, _ = processed
    by_id = {f.document.id: f for f in facts}
    expected = {name: summary(facts_of(pipeline, name, text)) for name, text in GOOD.items()}
    assert expected["visite"] and expected["entretien"] and expected["partenariat"]
    assert summary(by_id["bidi"]) == expected["visite"]  # the bidi controls hid "Helsinki"
    assert summary(by_id["surrogate"]) == expected["visite"]
    assert summary(by_id["nul"]) == expected["entretien"]
    assert summary(by_id["surrogate-titre\ufffd"]) == expected["entretien"]
    assert summary(by_id["coupe"]) == expected["visite"]


@pytest.fixture
def cli(pipeline):
    from communique.cli import app

    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.model
def test_cli_extract_lone_surrogate_line_does_not_stop_the_run(cli, tmp_path):
    """The reported crash: a surrogate escape in one line ended `extract` with a traceback."""
    feed = write(tmp_path / "flux.jsonl", "\n".join([jsonl_line("a", VISIT), jsonl_line("b", TALKS + " \ud800"),
                                                     jsonl_line("c", UPGRADE)]) + "\n")
    out = tmp_path / "faits.jsonl"
    result = cli("extract", feed, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc"] for r in records} == {"a", "b", "c"}


@pytest.mark.model
def test_cli_extract_hostile_folder_one_error_line_each_and_every_good_document(cli, folder, tmp_path):
    out = tmp_path / "faits.jsonl"
    result = cli("extract", folder, "-o", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines[-1].startswith(f"failed: {len(EXPECTED_ERRORS)} inputs")
    expected = [f"error: {folder / name}" + (f":{line}" if line else "") + f": {problem}"
                for name, line, problem in EXPECTED_ERRORS]
    assert len(lines[:-1]) == len(expected)
    for got, want in zip(lines[:-1], expected):
        assert got.startswith(want), (got, want)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc"] for r in records} == set(EXPECTED_DOCS)
