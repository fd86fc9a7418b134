"""Checks on the language data files in communique/lang/ (fast, no spaCy).

The files are read with a small local reader: the project's loader is tested elsewhere.
"""
from __future__ import annotations

import gettext
import importlib.util
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANG = ROOT / "communique" / "lang"
SCRIPT = ROOT / "scripts" / "build_country_lexicon.py"

COUNTRY_TYPES = {"name", "long_name", "demonym", "capital", "prefix_adj"}
ORG_TYPES = {"name", "acronym"}
ROLES = {
    "head_of_state", "head_of_government", "deputy_head_of_government", "party_general_secretary",
    "foreign_minister", "deputy_foreign_minister", "parliament_speaker", "minister", "ambassador",
    "other",
}
EXTRA_CODES = {"XKX", "SUN", "YUG", "CSK", "DDR", "VDR", "SCG"}
HISTORICAL = {"SUN", "YUG", "CSK", "DDR", "VDR", "SCG"}
ISO = {c.alpha_3 for c in pycountry.countries}
VALID_CODES = ISO | EXTRA_CODES

# ISO 3166-1 entries that are not UN member states (territories, dependencies, observers, ...).
NOT_UN_MEMBERS = {
    "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW",
    "CXR", "CYM", "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD",
    "IMN", "IOT", "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN",
    "PRI", "PSE", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "TWN", "UMI",
    "VAT", "VGB", "VIR", "WLF",
}
UN_MEMBERS = ISO - NOT_UN_MEMBERS
UN_OBSERVERS = {"PSE", "VAT"}

COUNTRY_FLAG = re.compile(r"^(ambiguous:[A-Za-z_]+(\|[A-Za-z_]+)+|language|historical|after=[a-z]+|usual=[A-Z]{3})$")
ORG_FLAG = re.compile(r"^(ambiguous(:[A-Z0-9_]+(\|[A-Z0-9_]+)+)?|historical)$")
TITLE_FLAG = re.compile(r"^(?:[a-z_]+(:[a-z_]+)?|of:[A-Z]{3})$")  # "of:VAT": the one country that has the office


# --------------------------------------------------------------------------- reader


def read_tsv(path: Path) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """(comment lines, header, rows as dicts); '#' lines before the header are comments."""
    comments: list[str] = []
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if header is None and line.startswith("#"):
            comments.append(line)
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        assert len(cells) == len(header), f"{path.name}:{lineno}: {len(cells)} cells: {line!r}"
        rows.append(dict(zip(header, cells)))
    assert header is not None, f"{path}: no header row"
    return comments, header, rows


@lru_cache(maxsize=None)
def countries(lang: str) -> list[dict[str, str]]:
    return read_tsv(LANG / lang / "countries.tsv")[2]


@lru_cache(maxsize=None)
def organisations(lang: str) -> list[dict[str, str]]:
    return read_tsv(LANG / lang / "organisations.tsv")[2]


@lru_cache(maxsize=None)
def titles() -> list[dict[str, str]]:
    return read_tsv(LANG / "fr" / "titles.tsv")[2]


def flags(note: str) -> list[str]:
    return [f for f in note.split(";") if f] if note else []


def lookup(rows, form: str, type_: str | None = None) -> set[str]:
    return {r["code"] for r in rows if r["form"] == form and (type_ is None or r["type"] == type_)}


def by_code(rows) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        out[r["code"]][r["type"]].append(r["form"])
    return out


ALL_FILES = [
    (LANG / "fr" / "countries.tsv", ["code", "type", "form", "note"]),
    (LANG / "en" / "countries.tsv", ["code", "type", "form", "note"]),
    (LANG / "fr" / "organisations.tsv", ["code", "type", "form", "note"]),
    (LANG / "en" / "organisations.tsv", ["code", "type", "form", "note"]),
    (LANG / "fr" / "titles.tsv", ["role", "form", "note"]),
]

# --------------------------------------------------------------------------- all files


@pytest.mark.parametrize("path,columns", ALL_FILES, ids=lambda p: getattr(p, "name", None))
def test_file_format(path: Path, columns: list[str]) -> None:
    raw = path.read_bytes()
    raw.decode("utf-8")  # strict UTF-8
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    assert b"\r" not in raw, "LF line endings"
    comments, header, rows = read_tsv(path)
    assert header == columns
    text = "\n".join(comments).lower()
    assert comments and "curat" in text and "mit" in text, "header says source, date and licence"
    assert re.search(r"20\d\d-\d\d-\d\d", text)
    seen = set()
    for r in rows:
        for k, v in r.items():
            assert v == v.strip(), f"stray space in {r}"
            assert "\u2019" not in v, f"curly apostrophe in {r}"
            assert unicodedata.normalize("NFC", v) == v, f"not NFC: {r}"
        assert r["form"], r
        key = tuple(r.values())[:-1]
        assert key not in seen, f"duplicate row {r}"
        seen.add(key)


def test_readme_describes_every_file() -> None:
    text = (LANG / "README.md").read_text(encoding="utf-8")
    for name in ("countries.tsv", "organisations.tsv", "titles.tsv", "build_country_lexicon.py",
                 "pycountry", "CLDR", "Babel", "LGPL", "Unicode"):
        assert name in text


# --------------------------------------------------------------------------- countries


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_country_codes_types_and_notes(lang: str) -> None:
    for r in countries(lang):
        assert r["code"] in VALID_CODES, r
        assert r["type"] in COUNTRY_TYPES, r
        for f in flags(r["note"]):
            assert COUNTRY_FLAG.match(f), r
            if f.startswith("ambiguous:"):
                alts = f.split(":", 1)[1].split("|")
                codes = [a for a in alts if a.isupper()]
                assert all(c in VALID_CODES for c in codes), r
                assert r["code"] in codes, f"an ambiguity list names its own row's code: {r}"
            if f.startswith("usual="):
                assert any(g.startswith("ambiguous:") and f[6:] in g for g in flags(r["note"])), \
                    f"the usual country of a form is one of those it may name: {r}"
        if r["type"] == "prefix_adj":
            assert r["form"].endswith("-"), r
        if r["code"] in HISTORICAL:
            assert "historical" in flags(r["note"]), r


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_iso_country_has_a_name(lang: str) -> None:
    table = by_code(countries(lang))
    missing = sorted(c for c in VALID_CODES if not table[c]["name"])
    assert not missing


def test_un_member_list_is_193() -> None:
    assert len(UN_MEMBERS) == 193


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_un_members_and_observers_are_complete(lang: str) -> None:
    table = by_code(countries(lang))
    for code in sorted(UN_MEMBERS | UN_OBSERVERS):
        t = table[code]
        assert t["name"], f"{lang} {code}: no name"
        assert t["capital"], f"{lang} {code}: no capital"
        if code != "VAT" or lang == "fr":
            assert t["demonym"], f"{lang} {code}: no demonym"


def test_french_demonyms_have_all_genders_and_numbers() -> None:
    table = by_code(countries("fr"))
    for code in sorted(UN_MEMBERS):
        dem = set(table[code]["demonym"])
        # every demonym set holds at least one plural form (masc. plural or feminine plural)
        assert any(d.endswith(("s", "x", "z")) for d in dem), f"{code}: no plural in {dem}"
    # regular inflection of the examples in the brief
    for code, forms in {
        "KAZ": ["kazakh", "kazakhe", "kazakhs", "kazakhes", "kazakhstanais", "kazakhstanaise",
                "kazakhstanaises"],
        "AZE": ["azerbaïdjanais", "azerbaïdjanaise", "azerbaïdjanaises", "azéri", "azérie",
                "azéris", "azéries"],
        "BLR": ["biélorusse", "biélorusses"],
        "VNM": ["vietnamien", "vietnamienne", "vietnamiens", "vietnamiennes"],
        "RUS": ["russe", "russes"],
        "USA": ["américain", "américaine", "américains", "américaines"],
        "GRC": ["grec", "grecque", "grecs", "grecques"],
        "TUR": ["turc", "turque", "turcs", "turques"],
        "BFA": ["burkinabè", "burkinabé"],
    }.items():
        assert set(forms) <= set(table[code]["demonym"]), code


def test_french_demonyms_are_lower_case() -> None:
    bad = [r["form"] for r in countries("fr") if r["type"] == "demonym" and r["form"] != r["form"].lower()]
    assert not bad


def test_french_long_names_from_iso() -> None:
    """Each ISO official name, in its French form, is in the file (as long_name or name)."""
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    forms = defaultdict(set)
    for r in countries("fr"):
        forms[r["code"]].add(r["form"])
    missing = []
    for c in pycountry.countries:
        official = getattr(c, "official_name", None)
        if not official or c.alpha_3 == "TWN":
            continue
        form = fr(official).replace("\u2019", "'")
        form = re.sub(r"^L'", "", form)
        form = form[0].upper() + form[1:]
        if form not in forms[c.alpha_3]:
            missing.append((c.alpha_3, form))
    assert not missing


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_form_maps_to_two_codes_unless_ambiguous(lang: str) -> None:
    rows_by_form: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in countries(lang):
        rows_by_form[r["form"]].append(r)
    for form, rows in rows_by_form.items():
        codes = {r["code"] for r in rows}
        if len(codes) < 2:
            continue
        for r in rows:
            amb = [f for f in flags(r["note"]) if f.startswith("ambiguous:")]
            assert amb, f"{lang}: {form!r} maps to {sorted(codes)} without an ambiguous note"
            assert codes <= set(amb[0].split(":", 1)[1].split("|")), (form, codes, r["note"])


FR_SPOT = [
    # (form, type, code) - none of these comes from the reference articles
    ("ivoirien", "demonym", "CIV"),
    ("ivoiriennes", "demonym", "CIV"),
    ("néo-zélandaise", "demonym", "NZL"),
    ("Pays-Bas", "name", "NLD"),
    ("Ouagadougou", "capital", "BFA"),
    ("sud-africaines", "demonym", "ZAF"),
    ("saoudien", "demonym", "SAU"),
    ("émirien", "demonym", "ARE"),
    ("émiratis", "demonym", "ARE"),
    ("Émirats arabes unis", "name", "ARE"),
    ("Emirats arabes unis", "name", "ARE"),
    ("Russie", "name", "RUS"),
    ("Fédération de Russie", "long_name", "RUS"),
    ("Biélorussie", "name", "BLR"),
    ("Bélarus", "name", "BLR"),
    ("République de Biélorussie", "long_name", "BLR"),
    ("Vietnam", "name", "VNM"),
    ("Viêt Nam", "name", "VNM"),
    ("Viet Nam", "name", "VNM"),
    ("République socialiste du Vietnam", "long_name", "VNM"),
    ("République du Kazakhstan", "long_name", "KAZ"),
    ("République d'Azerbaïdjan", "long_name", "AZE"),
    ("République populaire de Chine", "long_name", "CHN"),
    ("République de Corée", "long_name", "KOR"),
    ("République arabe syrienne", "long_name", "SYR"),
    ("République démocratique populaire lao", "long_name", "LAO"),
    ("États-Unis", "name", "USA"),
    ("Etats-Unis", "name", "USA"),
    ("Corée du Sud", "name", "KOR"),
    ("Corée du Nord", "name", "PRK"),
    ("Royaume-Uni", "name", "GBR"),
    ("Laos", "name", "LAO"),
    ("Birmanie", "name", "MMR"),
    ("Myanmar", "name", "MMR"),
    ("Turquie", "name", "TUR"),
    ("Türkiye", "name", "TUR"),
    ("Tchéquie", "name", "CZE"),
    ("République tchèque", "name", "CZE"),
    ("Côte d'Ivoire", "name", "CIV"),
    ("RDC", "name", "COD"),
    ("République démocratique du Congo", "name", "COD"),
    ("EAU", "name", "ARE"),
    ("Moscou", "capital", "RUS"),
    ("Hanoï", "capital", "VNM"),
    ("Hanoi", "capital", "VNM"),
    ("Astana", "capital", "KAZ"),
    ("Nour-Soultan", "capital", "KAZ"),
    ("Bakou", "capital", "AZE"),
    ("Minsk", "capital", "BLR"),
    ("Le Caire", "capital", "EGY"),
    ("Pékin", "capital", "CHN"),
    ("Canberra", "capital", "AUS"),
    ("vietnamo-", "prefix_adj", "VNM"),
    ("sino-", "prefix_adj", "CHN"),
    ("franco-", "prefix_adj", "FRA"),
    ("russo-", "prefix_adj", "RUS"),
    ("germano-", "prefix_adj", "DEU"),
    ("nippo-", "prefix_adj", "JPN"),
    ("américano-", "prefix_adj", "USA"),
    ("indo-", "prefix_adj", "IND"),
    ("kazakhstanaise", "demonym", "KAZ"),
    ("azéries", "demonym", "AZE"),
    ("guatémaltèque", "demonym", "GTM"),
    ("bissau-guinéenne", "demonym", "GNB"),
    ("Union soviétique", "name", "SUN"),
    ("URSS", "name", "SUN"),
    ("ex-Union soviétique", "name", "SUN"),
    ("Union des républiques socialistes soviétiques", "long_name", "SUN"),
    ("Yougoslavie", "name", "YUG"),
    ("Tchécoslovaquie", "name", "CSK"),
    ("RDA", "name", "DDR"),
    ("Allemagne de l'Est", "name", "DDR"),
    ("Kosovo", "name", "XKX"),
    ("Palestine", "name", "PSE"),
    ("Taïwan", "name", "TWN"),
    ("Saint-Siège", "name", "VAT"),
]


@pytest.mark.parametrize("form,type_,code", FR_SPOT)
def test_french_spot_checks(form: str, type_: str, code: str) -> None:
    assert code in lookup(countries("fr"), form, type_)


EN_SPOT = [
    ("Russia", "name", "RUS"),
    ("Russian Federation", "long_name", "RUS"),
    ("Russian", "demonym", "RUS"),
    ("Kazakh", "demonym", "KAZ"),
    ("Kazakhstani", "demonym", "KAZ"),
    ("Azerbaijani", "demonym", "AZE"),
    ("Azeri", "demonym", "AZE"),
    ("Belarusian", "demonym", "BLR"),
    ("Vietnamese", "demonym", "VNM"),
    ("Ivory Coast", "name", "CIV"),
    ("Democratic People's Republic of Korea", "long_name", "PRK"),
    ("Republic of Korea", "long_name", "KOR"),
    ("Kyiv", "capital", "UKR"),
    ("Hanoi", "capital", "VNM"),
    ("New Zealanders", "demonym", "NZL"),
    ("Saudis", "demonym", "SAU"),
    ("Emirati", "demonym", "ARE"),
    ("Sino-", "prefix_adj", "CHN"),
    ("Soviet Union", "name", "SUN"),
    ("Kosovo", "name", "XKX"),
]


@pytest.mark.parametrize("form,type_,code", EN_SPOT)
def test_english_spot_checks(form: str, type_: str, code: str) -> None:
    assert code in lookup(countries("en"), form, type_)


@pytest.mark.parametrize("lang,form,codes", [
    ("fr", "coréen", {"KOR", "PRK"}),
    ("fr", "congolais", {"COD", "COG"}),
    ("fr", "guinéen", {"GIN", "GNB", "GNQ"}),
    ("fr", "chinois", {"CHN", "TWN"}),
    ("fr", "américain", {"USA"}),
    ("fr", "indien", {"IND"}),
    ("fr", "Congo", {"COG", "COD"}),
    ("en", "Georgia", {"GEO"}),
    ("en", "Korean", {"KOR", "PRK"}),
    ("en", "American", {"USA"}),
])
def test_ambiguous_forms_are_flagged(lang: str, form: str, codes: set[str]) -> None:
    rows = [r for r in countries(lang) if r["form"] == form]
    assert rows
    for r in rows:
        amb = [f for f in flags(r["note"]) if f.startswith("ambiguous:")]
        assert amb, r
        alts = set(amb[0].split(":", 1)[1].split("|"))
        assert codes <= alts and len(alts) >= 2, r


@pytest.mark.parametrize("form", ["russe", "français", "vietnamien", "chinois", "allemand"])
def test_language_flag_on_masculine_demonyms(form: str) -> None:
    rows = [r for r in countries("fr") if r["form"] == form]
    assert rows and all("language" in flags(r["note"]) for r in rows)
    # ... and not on the feminine / plural forms
    assert not any("language" in flags(r["note"]) for r in countries("fr") if r["form"] == form + "s")


def test_committed_countries_are_the_build_output() -> None:
    """The committed TSVs are exactly what scripts/build_country_lexicon.py writes."""
    comments = read_tsv(LANG / "fr" / "countries.tsv")[0]
    head = "\n".join(comments)
    if f"pycountry {version('pycountry')}" not in head or f"Babel {version('babel')}" not in head:
        pytest.skip("installed pycountry/Babel differ from the versions the files were built with")
    spec = importlib.util.spec_from_file_location("build_country_lexicon", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    for lang in ("fr", "en"):
        assert mod.render(lang) == (LANG / lang / "countries.tsv").read_text(encoding="utf-8"), lang


def test_inflection_rules() -> None:
    spec = importlib.util.spec_from_file_location("build_country_lexicon", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    assert mod.inflect_fr("russe") == ["russe", "russes"]
    assert mod.inflect_fr("français") == ["français", "française", "françaises"]
    assert mod.inflect_fr("coréen") == ["coréen", "coréenne", "coréens", "coréennes"]
    assert mod.inflect_fr("afghan") == ["afghan", "afghane", "afghans", "afghanes"]
    assert mod.inflect_en("Chinese") == ["Chinese"]
    assert mod.inflect_en("Russian") == ["Russian", "Russians"]
    assert mod.uninvert("Russie, Fédération de") == "Fédération de Russie"
    assert mod.uninvert("Iran, République islamique d'") == "République islamique d'Iran"
    assert mod.uninvert("Lao, République démocratique populaire") == "République démocratique populaire lao"
    assert mod.uninvert("Salomon, Îles") == "Îles Salomon"
    assert mod.uninvert("Bonaire, Saint-Eustache et Saba") == "Bonaire, Saint-Eustache et Saba"


# --------------------------------------------------------------------------- organisations


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_organisation_rows(lang: str) -> None:
    rows = organisations(lang)
    assert len({r["code"] for r in rows}) >= 50
    for r in rows:
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", r["code"]), r
        assert r["type"] in ORG_TYPES, r
        for f in flags(r["note"]):
            assert ORG_FLAG.match(f), r
    by_form: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        by_form[r["form"]].add(r["code"])
    for form, codes in by_form.items():
        if len(codes) > 1:
            notes = [r["note"] for r in rows if r["form"] == form]
            assert all("ambiguous" in n for n in notes), (form, codes)


def test_organisation_codes_are_shared_across_languages() -> None:
    assert {r["code"] for r in organisations("fr")} == {r["code"] for r in organisations("en")}


@pytest.mark.parametrize("lang,form,code", [
    ("fr", "ONU", "UN"),
    ("fr", "Nations unies", "UN"),
    ("fr", "Organisation des Nations unies", "UN"),
    ("fr", "OTSC", "CSTO"),
    ("fr", "ANASE", "ASEAN"),
    ("fr", "ASEAN", "ASEAN"),
    ("fr", "UEE", "EAEU"),
    ("fr", "UEEA", "EAEU"),
    ("fr", "EAEU", "EAEU"),
    ("fr", "Union économique eurasienne", "EAEU"),
    ("fr", "Union économique eurasiatique", "EAEU"),
    ("fr", "OCS", "SCO"),
    ("fr", "CEI", "CIS"),
    ("fr", "OMC", "WTO"),
    ("fr", "UA", "AU"),
    ("fr", "OTAN", "NATO"),
    ("fr", "UE", "EU"),
    ("fr", "Ligue arabe", "LAS"),
    ("fr", "Organisation internationale de la Francophonie", "OIF"),
    ("fr", "Pacte de Varsovie", "WARSAW_PACT"),
    ("fr", "CAEM", "COMECON"),
    ("fr", "AIEA", "IAEA"),
    ("fr", "OMS", "WHO"),
    ("en", "UN", "UN"),
    ("en", "Eurasian Economic Union", "EAEU"),
    ("en", "Shanghai Cooperation Organisation", "SCO"),
    ("en", "Collective Security Treaty Organization", "CSTO"),
])
def test_organisation_spot_checks(lang: str, form: str, code: str) -> None:
    assert lookup(organisations(lang), form) == {code}


def test_organisation_word_acronyms_are_flagged() -> None:
    rows = {r["form"]: r for r in organisations("en")}
    assert "ambiguous" in rows["WHO"]["note"]


# --------------------------------------------------------------------------- titles


def test_title_rows() -> None:
    rows = titles()
    assert 80 <= len(rows) <= 300
    forms = [r["form"] for r in rows]
    assert len(forms) == len(set(forms)), "a phrase has one role"
    for r in rows:
        assert r["role"] in ROLES, r
        assert r["form"] == r["form"].lower(), r
        for f in flags(r["note"]):
            assert TITLE_FLAG.match(f), r
    assert {r["role"] for r in rows} == ROLES


def longest_title(text: str) -> tuple[str, str] | None:
    """Longest title phrase starting at a word boundary of the lower-cased text."""
    text = text.lower()
    best: tuple[str, str] | None = None
    for r in titles():
        for m in re.finditer(r"(?<![\w-])" + re.escape(r["form"]) + r"(?![\w-])", text):
            if best is None or len(r["form"]) > len(best[1]):
                best = (r["role"], r["form"])
    return best


@pytest.mark.parametrize("text,role", [
    ("vice-premier ministre", "deputy_head_of_government"),
    ("le vice-premier ministre permanent Pham Binh Minh", "deputy_head_of_government"),
    ("la vice-première ministre", "deputy_head_of_government"),
    ("le Premier ministre", "head_of_government"),
    ("la première ministre", "head_of_government"),
    ("le chancelier allemand", "head_of_government"),
    ("le président de la République", "head_of_state"),
    ("la présidente", "head_of_state"),
    ("le roi", "head_of_state"),
    ("le chef de l'État", "head_of_state"),
    ("le chef d'état-major des armées", "other"),
    ("le secrétaire général du Parti", "party_general_secretary"),
    ("le secrétaire général du Comité central du Parti communiste", "party_general_secretary"),
    ("le secrétaire général de l'ONU", "other"),
    ("le ministre des Affaires étrangères", "foreign_minister"),
    ("la ministre de l'Europe et des Affaires étrangères", "foreign_minister"),
    ("le chef de la diplomatie", "foreign_minister"),
    ("le chef de la diplomatie européenne", "other"),
    ("le vice-ministre des Affaires étrangères", "deputy_foreign_minister"),
    ("le premier vice-ministre des Affaires étrangères", "deputy_foreign_minister"),
    ("le secrétaire d'État aux Affaires étrangères", "deputy_foreign_minister"),
    ("le président de l'Assemblée nationale", "parliament_speaker"),
    ("le président de la Douma", "parliament_speaker"),
    ("la présidente de la Chambre", "parliament_speaker"),
    ("le vice-président", "other"),
    ("la vice-présidente de la République", "other"),
    ("le ministre de la Défense", "minister"),
    ("l'ambassadrice", "ambassador"),
    ("l'ambassadeur de bonne volonté", "other"),
    ("le gouverneur", "other"),
    ("le président du gouvernement espagnol", "head_of_government"),
    ("le président du Conseil des ministres", "head_of_government"),
    ("le vice-président du Conseil des ministres", "deputy_head_of_government"),
])
def test_title_longest_match(text: str, role: str) -> None:
    found = longest_title(text)
    assert found is not None and found[0] == role, (text, found)


def test_title_notes_from_the_brief() -> None:
    notes = {r["form"]: r["note"] for r in titles()}
    assert notes["secrétaire général"] == "party_if_context"
    assert notes["vice-ministre"] == "deputy_if_foreign_context"


def test_no_yaml_word_is_read_as_a_boolean():
    # YAML 1.1 reads a bare no, yes, on, off as booleans: a word list must quote them ("no", "on")
    import glob

    import yaml

    from communique.lang import DATA_DIR

    def leaves(x, path, in_list=False):
        # words: the items of lists and the keys of mappings (a mapping's value may be a true flag)
        if isinstance(x, dict):
            for k, v in x.items():
                yield from leaves(k, path, True)
                yield from leaves(v, f"{path}/{k}")
        elif isinstance(x, list):
            for v in x:
                yield from leaves(v, path, True)
        elif in_list:
            yield path, x

    for p in sorted(glob.glob(str(DATA_DIR / "*.yaml")) + glob.glob(str(DATA_DIR / "*" / "*.yaml"))):
        data = yaml.safe_load(open(p, encoding="utf-8"))
        bools = [path for path, v in leaves(data, p) if isinstance(v, bool)]
        assert not bools, f"booleans where words are expected: {bools}"
