"""Page furniture read from lang/<code>/furniture.yaml: the phrase markup, English pages, and which
language's words apply to which page."""
from __future__ import annotations

import re

import pytest

from communique.clean import segment
from communique.clean.furniture import furniture_for, phrase_pattern, read_furniture
from communique.errors import LexiconError
from communique.lang import DATA_DIR
from communique.records import Document

EN_TITLE = "Chile and Norway deepen their maritime cooperation"
EN_P1 = ("Chile's foreign minister travelled to Oslo on Tuesday, where she was received by her Norwegian "
         "counterpart.")
EN_P2 = "The two ministers signed an agreement on the protection of the oceans."
FR_TITLE = "Le Chili et la Norvège renforcent leur coopération maritime"
FR_P1 = ("La ministre chilienne des Affaires étrangères s’est rendue mardi à Oslo, où elle a été reçue "
         "par son homologue norvégien.")
FR_P2 = "Les deux ministres ont signé un accord sur la protection des océans."


def kinds(text: str, lang: str) -> dict[str, list[str]]:
    doc = segment(Document(id="t", text=text, lang=lang))
    out: dict[str, list[str]] = {}
    for s in doc.segments:
        out.setdefault(doc.text[s.start:s.end], []).append(s.kind)
    return out


@pytest.mark.parametrize("phrase, matches, misses", [
    ("(à )lire (aussi|également)", ["lire aussi", "À lire également", "a  lire egalement"], ["lire", "à lire"]),
    ("article(s) lié(e)(s)", ["articles liés", "article lie", "Articles liées"], ["articles"]),
    ("suivez-nous", ["suivez-nous", "suivez nous", "suiveznous"], ["suivez"]),
    ("plus d'articles", ["plus d'articles", "plus d’articles"], ["plus articles"]),
    ("(last )update(d)", ["Last updated", "update"], ["last"]),
    ("(our |the |)correspondent", ["our correspondent", "correspondent"], ["a correspondent"]),
])
def test_furniture_phrase_markup(phrase, matches, misses):
    pattern = re.compile(phrase_pattern(phrase), re.I)
    for text in matches:
        assert pattern.fullmatch(text), (phrase, text)
    for text in misses:
        assert not pattern.fullmatch(text), (phrase, text)


def test_furniture_every_phrase_of_every_language_compiles():
    files = sorted(DATA_DIR.glob("*/furniture.yaml"))
    assert {p.parent.name for p in files} >= {"fr", "en"}
    for path in files:
        words = read_furniture(path)
        assert words["teaser_markers"] and words["alone"] and words["publication_cues"], path


@pytest.mark.parametrize("body, problem", [
    ("teaser_markers: [read also]\nshout: [x]\n", "unknown keys shout"),
    ("publication_links: [on, at]\n", "must be a list of phrases"),
    ("alone: ['(share']\n", "cannot be read"),
])
def test_furniture_bad_file_names_the_file_and_the_problem(tmp_path, body, problem):
    path = tmp_path / "furniture.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        read_furniture(path)
    assert str(path) in str(exc.value) and problem in str(exc.value)


@pytest.mark.parametrize("line, kind", [
    ("Last updated: Monday, 10 March 2008, 22:36 GMT", "dateline"),
    ("Published on 3 March 2024", "dateline"),
    ("By Jane Example", "boilerplate"),
    ("From our special correspondent in Santiago, Pablo Example", "boilerplate"),
    ("Share on Facebook", "boilerplate"),
    ("Facebook | Twitter | Copy link", "boilerplate"),
    ("Back to top", "boilerplate"),
    ("Topics: Chile, Norway, oceans", "boilerplate"),
    ("Home > World > Americas", "boilerplate"),
    ("File photo: the harbour of Valparaiso", "caption"),
    ("Photo credit: Jane Example", "caption"),
])
def test_furniture_english_page_lines(line, kind):
    got = kinds(f"{EN_TITLE}\n{line}\n{EN_P1}\n{EN_P2}", "en")
    assert got[line] == [kind]
    assert got[EN_P1] == ["body"] and got[EN_P2] == ["body"]


def test_furniture_english_related_marker_cuts_what_follows():
    other = "Norway and Iceland sign a fisheries deal"
    got = kinds(f"{EN_TITLE}\n{EN_P1}\n{EN_P2}\nRelated Articles\n{other}", "en")
    assert got[other] == ["teaser"] and got[EN_P2] == ["body"]
    got = kinds(f"{EN_TITLE}\n{EN_P1}\nRead also: {other}\n{EN_P2}", "en")
    assert got[f"Read also: {other}"] == ["teaser"] and got[EN_P2] == ["body"]


def test_furniture_teaser_markers_only_of_the_page_language():
    # a French marker on an English page (a quoted menu, a heading) does not cut the article, nor the
    # other way round; buttons and stamps of either language are furniture on both
    assert furniture_for("en").teaser_marker.fullmatch("Related articles")
    assert not furniture_for("fr").teaser_marker.fullmatch("Related articles")
    got = kinds(f"{EN_TITLE}\n{EN_P1}\nLire aussi\n{EN_P2}", "en")
    assert got[EN_P2] == ["body"]
    got = kinds(f"{FR_TITLE}\n{FR_P1}\nRelated articles\n{FR_P2}", "fr")
    assert got[FR_P2] == ["body"]
    got = kinds(f"{FR_TITLE}\n{FR_P1}\nShare on Facebook\nPublié le 24/11/2016 à 21h05\n{FR_P2}", "fr")
    assert got["Share on Facebook"] == ["boilerplate"] and got["Publié le 24/11/2016 à 21h05"] == ["dateline"]


def test_furniture_publication_date_from_an_english_stamp():
    doc = segment(Document(id="t", text=f"{EN_TITLE}\nLast updated: 10 March 2008\n{EN_P1}", lang="en"))
    assert doc.date == "2008-03-10"


@pytest.mark.parametrize("stamp, date", [("Thu, 10/22/2009 - 11:27", "2009-10-22"), ("05-27-2008", "2008-05-27"),
                                         ("27-05-2008", "2008-05-27"), ("Published 03/04/2012", "2012-04-03")])
def test_furniture_publication_date_from_a_numeric_stamp_month_first_when_it_can_only_be(stamp, date):
    # ("03/04/2012" stays day first: the first number is the month only when the second cannot be one)
    doc = segment(Document(id="t", text=f"{EN_TITLE}\n{stamp}\n{EN_P1}", lang="en"))
    assert doc.date == date
