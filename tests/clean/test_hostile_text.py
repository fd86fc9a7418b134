"""A ``Document`` built by hand (not read by ingest) with lone surrogates or control characters:
``segment`` replaces them one for one, so spaCy and the writers take it and offsets stay valid."""
from __future__ import annotations

import json

import pytest

import communique
from communique.clean import segment
from communique.errors import ModelNotInstalled
from communique.records import Document

TEXT = ("La Première ministre néo-zélandaise s'est rendue à Séoul le 14 mai 2025 pour une visite de travail. "
        "Elle s'est entretenue avec le président sud-coréen des échanges agricoles.")


def test_clean_replaces_lone_surrogates_and_controls_one_for_one():
    text = TEXT.replace(" pour", "\ud800 pour").replace(" Elle", "\x00\x1e Elle")
    doc = segment(Document("d\udc80", text, title="Titre\x07"))
    assert doc.text == TEXT.replace(" pour", "\ufffd pour").replace(" Elle", " \n Elle")
    assert len(doc.text) == len(text)
    assert (doc.id, doc.title) == ("d\ufffd", "Titre ")
    for seg in doc.segments:
        doc.text[seg.start:seg.end].encode("utf-8")


def test_clean_leaves_a_safe_text_as_it_is():
    text = TEXT + "\u202e\t\r\n\x0c"
    doc = segment(Document("d", text))
    assert doc.text is text


@pytest.mark.model
def test_pipeline_reads_a_hand_built_document_with_a_lone_surrogate():
    try:
        pipeline = communique._pipeline("fr")
        pipeline.nlp  # noqa: B018
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")
    docs = [Document("a", TEXT, date="2025-05-15"), Document("b", TEXT.replace(" pour", " \ud800pour"), date="2025-05-15"),
            Document("c", TEXT.replace("Séoul", "Séoul\x00"), date="2025-05-15")]
    facts = list(pipeline.process_documents(docs))
    assert [f.document.id for f in facts] == ["a", "b", "c"]
    for f in facts:
        assert any(e.type == "visit" for e in f.events)
        records = f.to_records()
        json.dumps(records, ensure_ascii=False).encode("utf-8")
        for rec in records:
            for src in rec["sources"]:
                assert f.document.text[src["start"]:src["end"]] == src["text"]
