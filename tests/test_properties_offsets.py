"""Property of the whole pipeline: for documents generated from French sentence templates (visits,
talks, calls, agreements, upgrades, trade figures, targets), with the typography and the stray
characters of real feeds, every fact's sources point into the document text:
``source.text == document.text[start:end]``. The templates are written for this test."""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import communique
from communique.errors import InputError, ModelNotInstalled
from communique.ingest.safety import make_safe

pytestmark = pytest.mark.model

SPACY = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: (the country, in the country, capital, demonym, feminine demonym)
COUNTRIES = [
    ("le Chili", "au Chili", "Santiago", "chilien", "chilienne"),
    ("la Norvège", "en Norvège", "Oslo", "norvégien", "norvégienne"),
    ("le Kenya", "au Kenya", "Nairobi", "kényan", "kényane"),
    ("le Portugal", "au Portugal", "Lisbonne", "portugais", "portugaise"),
    ("le Vietnam", "au Vietnam", "Hanoï", "vietnamien", "vietnamienne"),
    ("l'Indonésie", "en Indonésie", "Jakarta", "indonésien", "indonésienne"),
    ("le Maroc", "au Maroc", "Rabat", "marocain", "marocaine"),
    ("le Canada", "au Canada", "Ottawa", "canadien", "canadienne"),
    ("la Pologne", "en Pologne", "Varsovie", "polonais", "polonaise"),
    ("le Japon", "au Japon", "Tokyo", "japonais", "japonaise"),
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]

TITLES = [
    "{A} et {B} renforcent leur partenariat",
    "Visite du président {a} {in_b}",
    "Coopération : nouvel élan entre {A} et {B}",
]
SENTENCES = [
    "Le président {a} s'est rendu {in_b} le {date} pour une visite d'État de {n} jours.",
    "Le ministre {a} des Affaires étrangères a été reçu à {cap_b} par son homologue {b} le {date}.",
    "La Première ministre {af} s'est entretenue par téléphone avec son homologue {bf} le {date}.",
    "{A} et {B} ont signé {n} accords de coopération dans les domaines de l'énergie et de l'éducation.",
    "Les échanges commerciaux entre les deux pays ont atteint {amount} en {year}, en hausse de {pct} %.",
    "Les deux parties se sont engagées à porter ces échanges à {amount} d'ici {target}.",
    "{A} et {B} ont décidé d'élever leurs relations au rang de partenariat stratégique global.",
    "Le chef du gouvernement {b} a salué cette visite, la première d'un chef d'État {a} depuis {year}.",
    "Selon le communiqué conjoint, la prochaine commission mixte se tiendra {in_a} en {month} {target}.",
    "Les deux dirigeants ont passé en revue la coopération bilatérale et les questions régionales.",
    "Environ {n} 000 touristes {a}s ont visité {B} l'an dernier, selon l'office du tourisme.",
]
#: characters of real feeds mixed in at sentence boundaries: ingest cleans them
STRAY = ["", "", "", " \ud800", "\x00", "\u202e", "\u2066", "\u200f", "\x1b", " \ufffd", "\u00a0"]


def cap(s: str) -> str:
    return s[0].upper() + s[1:]


def french_amount(value: float, unit: str) -> str:
    whole, frac = f"{value:.2f}".split(".")
    frac = frac.rstrip("0")
    return f"{whole}{',' + frac if frac else ''} {unit}"


@st.composite
def articles(draw) -> str:
    a, b = draw(st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True))
    day = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2025, 12, 31)))
    slots = {
        "A": cap(a[0]), "B": b[0], "in_a": a[1], "in_b": b[1], "cap_b": b[2], "a": a[3], "b": b[3], "af": a[4],
        "bf": b[4], "year": day.year - draw(st.integers(0, 5)), "target": day.year + draw(st.integers(1, 6)),
        "date": f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}",
        "month": MONTHS[draw(st.integers(0, 11))], "n": draw(st.integers(2, 12)), "pct": draw(st.integers(1, 60)),
        "amount": french_amount(draw(st.floats(0.1, 999, allow_nan=False)),
                                draw(st.sampled_from(["milliards de dollars", "millions d'euros", "milliard USD"]))),
    }
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        sentences = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4))
        paragraph = "".join(s.format(**slots) + draw(st.sampled_from(STRAY)) + " " for s in sentences).strip()
        if draw(st.booleans()):  # agency dateline
            paragraph = f"{slots['cap_b'].upper()} (Agence) - {paragraph}"
        paragraphs.append(paragraph)
    if draw(st.booleans()):
        paragraphs.insert(0, draw(st.sampled_from(TITLES)).format(**slots))
    text = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"])).join(paragraphs)
    if draw(st.booleans()):  # the typography of many sites
        text = text.replace("'", "’").replace(" %", "\u202f%").replace(" :", "\u00a0:")
    return text


@pytest.fixture(scope="module")
def pipeline():
    try:
        pipeline = communique._pipeline("fr")
        pipeline.nlp  # noqa: B018
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")
    return pipeline


@SPACY
@given(st.lists(articles(), min_size=1, max_size=3), st.sampled_from([None, "2025-12-31"]))
def test_every_source_of_every_fact_is_the_document_text_at_its_offsets(pipeline, texts, date):
    errors: list[InputError] = []
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "flux.jsonl"
        lines = [json.dumps({"id": f"doc{i}", "text": t, **({"date": date} if date else {})}, ensure_ascii=True)
                 for i, t in enumerate(texts)]
        feed.write_text("\n".join(lines) + "\n", encoding="ascii")
        results = list(pipeline.process_paths([str(feed)], on_error=errors.append))
    assert errors == []
    assert [f.document.id for f in results] == [f"doc{i}" for i in range(len(texts))]
    for facts, text in zip(results, texts):
        document = facts.document
        assert document.text == make_safe(text)[0]
        for record in facts.to_records():
            json.dumps(record, ensure_ascii=False).encode("utf-8")
            assert record["sources"], record
            for source in record["sources"]:
                assert source["doc"] == document.id
                assert 0 <= source["start"] < source["end"] <= len(document.text)
                assert document.text[source["start"]:source["end"]] == source["text"], record
