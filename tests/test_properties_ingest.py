"""Properties of ingest: any bytes in a file, any string in a ``.jsonl`` field, give a ``Document``
whose strings are safe or one ``InputError``, never an exception and never the safety net's
"looks like a bug" error."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from communique.errors import InputError
from communique.ingest import decode_bytes, iter_documents, make_document
from communique.ingest.safety import make_safe, refusal
from communique.records import Document

PURE = settings(max_examples=200, deadline=None)
FILES = settings(max_examples=60, deadline=None)  # each example writes and reads a file

UNSAFE_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
ANY_CHAR = st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=()),
                     st.sampled_from(["\x00", "\x1b", "\x85", "\u202e", "\u2066", "\u200f", "\ufffd", "\ufeff"]))
FRENCH = ("Le ministre malien des Affaires étrangères a été reçu jeudi à Dakar par son homologue sénégalais. "
          "Les deux pays ont signé un accord sur le transport fluvial.")
#: French text with arbitrary characters mixed in, so that it passes the language check often
frenchish = st.lists(st.one_of(st.text(ANY_CHAR, max_size=5), st.just(FRENCH)), max_size=8).map("".join)


def safe(s: str | None) -> bool:
    """No unsafe character, and writable as UTF-8."""
    if s is None:
        return True
    s.encode("utf-8")
    return UNSAFE_RE.search(s) is None


@PURE
@given(st.text(ANY_CHAR))
@example("\ud83d\ude00\ud800\x00\u202e")
def test_make_safe_leaves_nothing_unsafe_and_is_idempotent(text):
    out, cleaned = make_safe(text)
    assert safe(out)
    assert make_safe(out) == (out, make_safe(out)[1]) and not make_safe(out)[1]
    if not re.search("[\ud800-\udfff]", text):
        assert len(out) == len(text) - cleaned.bidi  # controls replaced one for one, bidi dropped
    assert refusal(out, cleaned) is None or isinstance(refusal(out, cleaned), str)


@PURE
@given(st.binary(max_size=300))
@example(b"\xef\xbb\xbf\xed\xa0\x80")
@example(b"\xff\xfe\x00\xd8")
@example("Le café".encode("utf-8")[:-1])
def test_decode_bytes_gives_text_or_a_value_error(data):
    try:
        text, encoding = decode_bytes(data)
    except ValueError:
        return
    assert isinstance(text, str) and isinstance(encoding, str)


@PURE
@given(frenchish, st.text(ANY_CHAR, min_size=1, max_size=10), st.one_of(st.none(), st.text(ANY_CHAR, max_size=20)))
def test_make_document_gives_a_safe_document_or_an_input_error(text, doc_id, title):
    try:
        doc = make_document(text, doc_id, where="x.jsonl", line=3, title=title)
    except InputError as e:
        assert (e.path, e.line) == ("x.jsonl", 3)
        return
    assert isinstance(doc, Document)
    assert safe(doc.text) and safe(doc.id) and safe(doc.title) and doc.id.strip()


def read_file(name: str, data: bytes) -> list[Document | InputError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(iter_documents([path]))


def check(items: list[Document | InputError]) -> None:
    for item in items:
        if isinstance(item, InputError):
            assert "looks like a bug" not in str(item), item
        else:
            assert safe(item.text) and safe(item.id) and safe(item.title) and safe(item.url)


@FILES
@given(st.one_of(st.binary(max_size=400), frenchish.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       st.sampled_from(["a.txt", "a.html", "a.jsonl"]))
def test_any_bytes_in_a_file_give_documents_or_input_errors(data, name):
    check(read_file(name, data))


@FILES
@given(st.lists(st.fixed_dictionaries({"id": st.text(ANY_CHAR, max_size=8), "text": frenchish},
                                      optional={"title": st.text(ANY_CHAR, max_size=12),
                                                "url": st.text(ANY_CHAR, max_size=12)}), min_size=1, max_size=4))
def test_any_strings_in_jsonl_fields_give_safe_documents_or_input_errors(records):
    lines = "\n".join(json.dumps(r, ensure_ascii=True) for r in records) + "\n"
    items = read_file("flux.jsonl", lines.encode("ascii"))
    check(items)
    assert len(items) >= 1
