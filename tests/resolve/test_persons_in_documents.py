"""Persons within one document, as the pipeline outputs them (no registry involved).

- ``DocumentFacts.persons[*].name`` is the canonical spelling of the document: the full name, with full
  diacritics when the document gives them anywhere; ``aliases`` lists the spellings seen.
- Event participants carry that same canonical name.
- A surname alone ("M. Lavrov") after a full mention is the same person.
- Every role read from a title is kept, each with ``as_of`` = the document date.
- A bare title ("le président ouzbek") names the one person of the document holding that title for that
  country, and nobody when two persons of that country hold it.

The documents are processed once for the module.
"""
from __future__ import annotations

import pytest

from communique.lang import fold
from communique.records import DocumentFacts, Event, Person

pytestmark = pytest.mark.model

DOCS = [
    # a Vietnamese name first written without diacritics, then with them
    ("vnm-chn-2023", "2023-12-13",
     "Le secrétaire général du Parti communiste du Vietnam, Nguyen Phu Trong, a reçu mardi à Hanoï le "
     "président chinois Xi Jinping. Nguyễn Phú Trọng a salué les progrès des relations entre les deux partis."),
    # with diacritics first, then an honorific and the plain spelling
    ("vnm-hun-2023", "2023-06-20",
     "Le président de l'Assemblée nationale du Vietnam, Vương Đình Huệ, a reçu mardi à Hanoï le président du "
     "Parlement hongrois, László Kövér. M. Vuong Dinh Hue a souligné l'amitié traditionnelle entre les deux pays."),
    # a surname alone after the full name; two Laotians sharing a family name
    ("rus-lao-2024", "2024-10-09",
     "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a reçu lundi à Moscou son homologue laotien "
     "Thongsavan Phomvihane. M. Lavrov a déclaré que la Russie soutenait le développement du Laos. Lavrov s'est "
     "ensuite entretenu avec le président du Parlement laotien, Saysomphone Phomvihane."),
    # two roles in one title
    ("srb-hun-2019", "2019-10-08",
     "Le vice-Premier ministre et ministre des Affaires étrangères de Serbie, Ivica Dačić, a reçu mardi à "
     "Belgrade son homologue hongrois Péter Szijjártó."),
    # two Vietnamese leaders whose names share two words
    ("vnm-cub-2022", "2022-09-14",
     "Le Premier ministre vietnamien Pham Minh Chinh et le vice-Premier ministre permanent Pham Binh Minh ont "
     "reçu mercredi à Hanoï le Premier ministre cubain Manuel Marrero Cruz."),
    # a bare title naming the one Uzbek president of the article
    ("uzb-title-2024", "2024-11-19",
     "Le président ouzbek Chavkat Mirziyoïev a reçu lundi à Tachkent le ministre mongol des Affaires "
     "étrangères, Battsetseg Batmunkh. Le président ouzbek s'est ensuite entretenu par téléphone avec le "
     "président kirghize Sadyr Japarov."),
    # a bare title shared by two Uzbek deputy prime ministers of the article: ambiguous
    ("uzb-title-ambiguous-2025", "2025-02-26",
     "Le vice-Premier ministre ouzbek Jamshid Khodjaïev a reçu mardi une délégation turque à Tachkent. Le même "
     "jour, le vice-Premier ministre ouzbek Bakhrom Achrafkhanov a présidé une réunion sur l'énergie. Mercredi, "
     "le vice-Premier ministre ouzbek a reçu le ministre turc du Commerce, Ömer Bolat."),
]


@pytest.fixture(scope="module")
def facts(run_documents) -> dict[str, DocumentFacts]:
    return {f.document.id: f for f in run_documents(DOCS)}


def spellings(p: Person) -> set[str]:
    return {fold(p.name), *(fold(a) for a in p.aliases)}


def persons_spelled(f: DocumentFacts, spelling: str) -> list[Person]:
    """Persons of ``f`` whose name or one alias is ``spelling`` (folded, whole name)."""
    return [p for p in f.persons if fold(spelling) in spellings(p)]


def one_person(f: DocumentFacts, spelling: str) -> Person:
    found = persons_spelled(f, spelling)
    assert len(found) == 1, f"expected one person spelled {spelling!r} in {f.document.id}, got " \
                            f"{[(p.name, p.aliases) for p in f.persons]}"
    return found[0]


def events_of(f: DocumentFacts, type: str, *codes: str) -> list[Event]:
    return [e for e in f.events if e.type == type and set(e.countries) == set(codes)]


def one_event(f: DocumentFacts, type: str, *codes: str) -> Event:
    found = events_of(f, type, *codes)
    assert len(found) == 1, f"expected one {type} {codes} in {f.document.id}, got " \
                            f"{[(e.type, e.countries, [p.name for p in e.participants]) for e in f.events]}"
    return found[0]


# ------------------------------------------------------------------ canonical spelling in a document
@pytest.mark.parametrize(
    "doc, plain, full",
    [
        pytest.param("vnm-chn-2023", "Nguyen Phu Trong", "Nguyễn Phú Trọng", id="plain-first"),
        pytest.param("vnm-hun-2023", "Vuong Dinh Hue", "Vương Đình Huệ", id="diacritics-first"),
    ],
)
def test_canonical_name_keeps_the_diacritics_the_document_gives(facts, doc, plain, full):
    p = one_person(facts[doc], full)
    assert p.name == full
    assert plain in p.aliases
    assert p.country == "VNM"


@pytest.mark.parametrize(
    "doc, full, codes",
    [
        pytest.param("vnm-chn-2023", "Nguyễn Phú Trọng", ("VNM", "CHN"), id="plain-in-the-event-sentence"),
        pytest.param("vnm-hun-2023", "Vương Đình Huệ", ("VNM", "HUN"), id="full-in-the-event-sentence"),
    ],
)
def test_event_participants_carry_the_canonical_name(facts, doc, full, codes):
    e = one_event(facts[doc], "meeting", *codes)
    names = [p.name for p in e.participants]
    assert full in names
    assert not [n for n in names if fold(n) == fold(full) and n != full], names


def test_every_participant_is_named_as_a_person_of_the_document(facts):
    for f in facts.values():
        canonical = {p.name for p in f.persons}
        for e in f.events:
            for part in e.participants:
                assert part.name in canonical, (f.document.id, part.name, sorted(canonical))


# ------------------------------------------------------------------ one person per person
def test_surname_after_the_full_name_is_the_same_person(facts):
    f = facts["rus-lao-2024"]
    lavrovs = [p for p in f.persons if "lavrov" in fold(p.name) or any("lavrov" in fold(a) for a in p.aliases)]
    assert len(lavrovs) == 1, [(p.name, p.aliases) for p in f.persons]
    assert lavrovs[0].name == "Sergueï Lavrov"
    assert lavrovs[0].country == "RUS"


def test_event_named_by_the_surname_only_has_the_full_name_as_participant(facts):
    f = facts["rus-lao-2024"]
    talks = [e for e in events_of(f, "meeting", "RUS", "LAO")
             if any("Saysomphone" in p.name for p in e.participants)]
    assert talks, [(e.countries, [p.name for p in e.participants]) for e in f.events]
    assert "Sergueï Lavrov" in [p.name for p in talks[0].participants]


def test_two_people_sharing_a_family_name_stay_two_in_a_document(facts):
    f = facts["rus-lao-2024"]
    a = one_person(f, "Thongsavan Phomvihane")
    b = one_person(f, "Saysomphone Phomvihane")
    assert a is not b
    assert a.country == b.country == "LAO"


def test_two_vietnamese_sharing_name_words_stay_two_in_a_document(facts):
    f = facts["vnm-cub-2022"]
    chinh = one_person(f, "Pham Minh Chinh")
    minh = one_person(f, "Pham Binh Minh")
    assert chinh is not minh
    assert "head_of_government" in {r.role for r in chinh.roles}
    assert "deputy_head_of_government" in {r.role for r in minh.roles}


# ------------------------------------------------------------------ roles
def test_deputy_prime_minister_and_foreign_minister_keeps_both_roles(facts):
    p = one_person(facts["srb-hun-2019"], "Ivica Dačić")
    assert p.country == "SRB"
    assert {"deputy_head_of_government", "foreign_minister"} <= {r.role for r in p.roles}


@pytest.mark.parametrize("doc", [d[0] for d in DOCS])
def test_roles_are_as_of_the_document_date(facts, doc):
    f = facts[doc]
    roles = [r for p in f.persons for r in p.roles]
    assert roles, f"no role read in {doc}"
    assert {r.as_of for r in roles} == {f.document.date}


# ------------------------------------------------------------------ bare titles
def test_bare_title_names_the_one_person_holding_it(facts):
    f = facts["uzb-title-2024"]
    one_person(f, "Chavkat Mirziyoïev")
    call = one_event(f, "call", "UZB", "KGZ")
    names = [p.name for p in call.participants]
    assert "Chavkat Mirziyoïev" in names
    assert "Sadyr Japarov" in names
    uzb = next(p for p in call.participants if p.name == "Chavkat Mirziyoïev")
    assert uzb.country == "UZB"
    assert uzb.role == "head_of_state"


def test_bare_title_does_not_add_a_person(facts):
    f = facts["uzb-title-2024"]
    uzbeks = [p for p in f.persons if p.country == "UZB"]
    assert [p.name for p in uzbeks] == ["Chavkat Mirziyoïev"]


def test_bare_title_shared_by_two_persons_names_nobody(facts):
    f = facts["uzb-title-ambiguous-2025"]
    one_person(f, "Jamshid Khodjaïev")
    one_person(f, "Bakhrom Achrafkhanov")
    talks = [e for e in events_of(f, "meeting", "UZB", "TUR")
             if any(p.name == "Ömer Bolat" for p in e.participants)]
    assert talks, [(e.countries, [p.name for p in e.participants]) for e in f.events]
    for e in talks:
        names = [p.name for p in e.participants]
        assert "Jamshid Khodjaïev" not in names and "Bakhrom Achrafkhanov" not in names, names
