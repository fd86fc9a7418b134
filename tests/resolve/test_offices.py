"""Office holders: the data shipped with the package, look-ups by office and date and by name, the
user's knowledge base layered on top, and the Wikidata import."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from communique.offices import OFFICES, OfficeDataError, OfficeHolders, parse_tsv
from communique.resolve.kb import check_kb, load_kbs, office_holders
from communique.resolve.wikidata import WIKIDATA_QUERY, WikidataImportError, import_officeholders

DATA = Path(__file__).parent / "data"
HEADER = "country\toffice\tname\tfrom\tto\taliases\n"

SMALL = HEADER + (
    "RUS\thead_of_state\tDmitry Medvedev\t2008-05-07\t2012-05-07\tDmitri Medvedev;Medvedev\n"
    "RUS\thead_of_state\tVladimir Putin\t2012-05-07\t\tVladimir Poutine;Poutine\n"
    "RUS\thead_of_government\tVladimir Putin\t2008-05-08\t2012-05-07\tVladimir Poutine;Poutine\n"
    "KAZ\thead_of_state\tKassym-Jomart Tokayev\t2019-03-20\t\tKassym-Jomart Tokaïev;Tokaïev\n"
    "CHN\tparty_general_secretary\tXi Jinping\t2012-11-15\t\t\n"
)


# ------------------------------------------------------------------ look-ups

def test_holder_on_a_date():
    oh = OfficeHolders.from_tsv(SMALL, "small")
    assert oh.holder("RUS", "head_of_state", "2010-05").name == "Dmitry Medvedev"
    assert oh.holder("RUS", "head_of_state", "2015").name == "Vladimir Putin"
    assert oh.holder("RUS", "head_of_government", "2010-01-03").name == "Vladimir Putin"
    # a year in which the office changed hands names no one
    assert oh.holder("RUS", "head_of_state", "2012") is None
    assert oh.holder("RUS", "head_of_state", None) is None
    assert oh.holder("FRA", "head_of_state", "2010") is None


def test_holders_of_an_office_in_every_country_on_a_date():
    oh = OfficeHolders.from_tsv(SMALL, "small")
    assert {t.name for t in oh.holders_anywhere("head_of_state", "2020")} == {"Vladimir Putin",
                                                                              "Kassym-Jomart Tokayev"}
    assert [t.name for t in oh.holders_anywhere("head_of_state", "2010")] == ["Dmitry Medvedev"]
    assert oh.holders_anywhere("head_of_state", None) == []


def test_person_by_any_spelling_and_by_surname():
    oh = OfficeHolders.from_tsv(SMALL, "small")
    country, terms = oh.person("Kassym Jomart Tokaïev", "2024-06")
    assert country == "KAZ" and {t.office for t in terms} == {"head_of_state"}
    assert oh.person("Poutine", "2015")[0] == "RUS"
    assert oh.person("Xi", "2020")[0] == "CHN"  # the family name comes first
    assert oh.role_on(oh.person("Poutine", "2010-03")[1], "2010-03") == "head_of_government"
    # far from every term of that name: not this person
    assert oh.person("Tokayev", "2005") is None
    assert oh.person("Jean Dupont", "2020") is None


def test_knowledge_base_overrides_the_shipped_data(tmp_path):
    kb_file = tmp_path / "kb.yaml"
    kb_file.write_text("persons:\n  - name: Ivan Exemplov\n    country: RUS\n"
                       "    roles:\n      - {role: head_of_state, from: 2010-01-01, to: 2010-12-31}\n",
                       encoding="utf-8")
    base = OfficeHolders.from_tsv(SMALL, "small")
    merged = base.overridden_by(
        [t for t in office_holders(load_kbs([kb_file])).terms if t.origin.endswith("kb.yaml")])
    assert merged.holder("RUS", "head_of_state", "2010-06").name == "Ivan Exemplov"
    # outside the analyst's term the shipped data still answers
    assert merged.holder("RUS", "head_of_state", "2015").name == "Vladimir Putin"
    # and office_holders() does the same on top of the shipped files
    assert office_holders(load_kbs([kb_file])).holder("RUS", "head_of_state", "2010-06").name == "Ivan Exemplov"


@pytest.mark.parametrize("line, message", [
    ("Russia\thead_of_state\tX\t2000\t\t", "not an ISO 3166-1 alpha-3"),
    ("RUS\tpresident\tX\t2000\t\t", "not one of"),
    ("RUS\thead_of_state\t\t2000\t\t", "no name"),
    ("RUS\thead_of_state\tX\t2000-13\t\t", "not a date"),
    ("RUS\thead_of_state\tX\t2005\t2001\t", "ends (2001) before it starts"),
    ("RUS\thead_of_state\tX\t2005\t\ta\tb", "7 cells"),
])
def test_bad_lines_are_named(line, message):
    with pytest.raises(OfficeDataError) as exc:
        parse_tsv(HEADER + "# comment\n" + line + "\n", "f.tsv")
    assert str(exc.value).startswith("f.tsv:3: ") and message in str(exc.value)


def test_header_is_required():
    with pytest.raises(OfficeDataError, match="f.tsv:1: the header"):
        parse_tsv("RUS\thead_of_state\tX\t2000\t\t\n", "f.tsv")


# ------------------------------------------------------------------ the shipped data

def test_shipped_files_parse_and_cover_the_world():
    oh = OfficeHolders.builtin()
    heads = {t.country for t in oh.terms if t.office == "head_of_state"}
    govs = {t.country for t in oh.terms if t.office == "head_of_government"}
    fms = {t.country for t in oh.terms if t.office == "foreign_minister"}
    assert len(heads) >= 150, sorted(heads)
    assert len(govs | heads) >= 170
    assert len(fms) >= 120
    assert {t.office for t in oh.terms} == set(OFFICES)


def test_shipped_data_knows_taiwans_office_holders():
    # not a UN member, but the other side of many bilateral reports (its diplomatic allies)
    oh = OfficeHolders.builtin()
    assert oh.holder("TWN", "head_of_state", "2015-03").name == "Ma Ying-jeou"
    assert oh.person("Ma Ying-jeou", "2015-03")[0] == "TWN"


def test_shipped_data_has_one_spelling_per_person():
    """A person is written the same way on each of their lines (same diacritics), so their terms join up."""
    from communique.lang import fold

    oh = OfficeHolders.builtin()
    by_key: dict[tuple, set[str]] = {}
    for t in oh.terms:
        by_key.setdefault((t.country, fold(t.name)), set()).add(t.name)
    assert not [names for names in by_key.values() if len(names) > 1]


@pytest.mark.parametrize("country, office, when, expected", [
    ("RUS", "head_of_state", "2010-05", "Medvedev"),
    ("RUS", "head_of_state", "2020-05", "Putin"),
    ("FRA", "head_of_state", "2014-03", "Hollande"),
    ("USA", "head_of_state", "2010-03", "Obama"),
    ("CHN", "party_general_secretary", "2008-06", "Hu Jintao"),
    ("IND", "head_of_government", "2010-06", "Singh"),
    ("DEU", "head_of_government", "2016-02", "Merkel"),
    ("SEN", "head_of_state", "2015-01", "Sall"),
    ("BRA", "head_of_state", "2009-09", "Lula"),
    ("JPN", "head_of_government", "2015-09", "Abe"),
    ("IRN", "head_of_state", "2010-06", "Ahmadinejad"),  # "le président iranien": the President, not the Leader
    ("IRN", "head_of_state", "2024-10", "Pezeshkian"),
])
def test_well_known_holders(country, office, when, expected):
    term = OfficeHolders.builtin().holder(country, office, when)
    assert term is not None and expected in term.name


def test_an_office_no_title_names_places_a_person_but_holds_no_title():
    holders = OfficeHolders.builtin()
    assert holders.person("Ali Khamenei", "2015-01")[0] == "IRN"
    assert holders.holders("IRN", "other", "2015-01") == [] and holders.holder("IRN", "other", "2015-01") is None


# ------------------------------------------------------------------ Wikidata import

def test_wikidata_import_writes_a_valid_knowledge_base(tmp_path):
    out = tmp_path / "wikidata-kb.csv"
    report = import_officeholders(DATA / "wikidata-officeholders.csv", out)
    assert report.persons == 3 and report.terms == 5
    assert check_kb(out) == []
    kb = load_kbs([out])
    medvedev = kb.find_person("Dmitry Medvedev", "RUS")
    assert medvedev is not None and medvedev.name == "Dmitri Medvedev"
    assert [(r.role, r.start, r.end) for r in medvedev.roles] == [
        ("head_of_state", "2008-05-07", "2012-05-07"), ("head_of_government", "2012-05-08", "2020-01-16")]
    assert "Dmitri Anatolievitch Medvedev" in medvedev.aliases
    # the imported file overrides the shipped holders
    assert office_holders(kb).holder("RUS", "head_of_state", "2009").name == "Dmitri Medvedev"


def test_wikidata_import_names_each_skipped_line(tmp_path):
    report = import_officeholders(DATA / "wikidata-officeholders.csv", tmp_path / "kb.csv")
    skipped = "\n".join(report.skipped)
    assert "wikidata-officeholders.csv:6: the person has no French or English label" in skipped
    assert ":7: country 'FRANCE' is not an ISO 3166-1 alpha-3 code" in skipped
    assert ":8: office 'roi' is not one of" in skipped
    assert ":9: start 'hier' is not a date" in skipped
    assert ":10: the term ends (2009-01-01) before it starts (2010-01-01)" in skipped
    assert len(report.skipped) == 5


def test_wikidata_import_refuses_what_is_not_an_export(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country\nX,RUS\n", encoding="utf-8")
    with pytest.raises(WikidataImportError, match="bad.csv: columns person, personLabel, office, start missing"):
        import_officeholders(bad, tmp_path / "out.csv")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("person,personLabel,country,office,start\nQ1,Fran\xe7ois,FRA,head_of_state,2012-05-15\n"
                       .encode("latin-1"))
    with pytest.raises(WikidataImportError, match="latin1.csv:2: not UTF-8"):
        import_officeholders(latin1, tmp_path / "out.csv")
    with pytest.raises(WikidataImportError, match="cannot be read"):
        import_officeholders(tmp_path / "missing.csv", tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()


def test_the_documented_query_returns_the_columns_the_import_reads():
    head = WIKIDATA_QUERY.split("WHERE")[0]
    for column in ("?person", "?personLabel", "?country", "?office", "?start", "?end", "?aliases"):
        assert column in head
    with open(DATA / "wikidata-officeholders.csv", encoding="utf-8") as f:
        assert next(csv.reader(f)) == ["person", "personLabel", "country", "office", "start", "end", "aliases"]
