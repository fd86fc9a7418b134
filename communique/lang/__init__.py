"""Language data: gazetteers and lexicons read from the data files of ``lang/<code>/``.

In: a language code. Out: a ``Lexicon`` (countries, organisations, titles, event triggers,
relation levels, number words and their grammar, months and the words around dates, modality cues),
loaded once per process. The readers take everything from the ``Lexicon``, never from the files, so that
a ``data_dir`` given to ``load_lexicon`` is what they read.
Adding a language is adding a folder of the same files; see ``lang/README.md``.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from ..errors import LexiconError

DATA_DIR = Path(__file__).resolve().parent

_FOLD_EXTRA = {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "’": "'", "‘": "'"}


def fold_char(c: str) -> str:
    """One character without its diacritics, lower-cased; always one character (offsets stay put)."""
    if c in _FOLD_EXTRA:
        return _FOLD_EXTRA[c].lower()
    base = unicodedata.normalize("NFD", c)[0]
    low = base.lower()
    return low if len(low) == 1 else c


class _FoldTable(dict):
    """``str.translate`` table of ``fold_char``, filled as characters are met (each is computed once)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case and strip diacritics, keeping the length of ``text`` (so offsets still apply)."""
    if len(text) <= 40:
        return _fold_word(text)  # the rules fold the same words millions of times a corpus
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=1 << 16)
def _fold_word(text: str) -> str:
    return text.translate(_FOLD_TABLE)


_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> tuple[str, ...]:
    """The folded words of a phrase: the key under which gazetteer forms are looked up."""
    return tuple(_WORD.findall(fold(text)))


@dataclass(frozen=True)
class Entry:
    code: str
    type: str  # name, long_name, demonym, capital, prefix_adj, acronym, title, ...
    form: str
    note: str = ""

    @property
    def ambiguous(self) -> bool:
        return self.note.startswith("ambiguous")

    @property
    def case_sensitive(self) -> bool:
        # a city's name in capitals is an abbreviation ("HCMC"): read as written only, not as a word
        return self.type == "acronym" or (self.type == "city" and self.form.isupper())


@dataclass
class Lexicon:
    lang: str
    countries: list[Entry] = field(default_factory=list)
    organisations: list[Entry] = field(default_factory=list)
    titles: list[Entry] = field(default_factory=list)  # code = role
    triggers: dict = field(default_factory=dict)
    levels: dict = field(default_factory=dict)
    numbers: dict = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    deictic_days: dict[str, int] = field(default_factory=dict)  # "hier": -1
    days_next_to_event: dict[str, int] = field(default_factory=dict)  # "au lendemain de": 1 (of the event named)
    date_list_links: frozenset = frozenset()  # words joining the dates of one list: "en 1999, 2003 et 2008"
    year_list_links: frozenset = frozenset()  # of those, the words that join bare years: "en 2015 et 2017"
    date_repeat_words: frozenset = frozenset()  # "à nouveau", "again": a date after an aside told again
    same_day_phrases: tuple[str, ...] = ()  # "le même jour", "later that day": the day of the event told before
    same_time_phrases: tuple[str, ...] = ()  # "à l'époque", "at the time": the date of the event told just before
    month_abbreviations: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    year_parts: dict[str, tuple[int, int]] = field(default_factory=dict)
    day_parts: frozenset[str] = frozenset()
    date_grammar: dict = field(default_factory=dict)  # months.yaml ``grammar``: the words around dates
    location_preps: frozenset[str] = frozenset()  # "à", "au", "in", "to": before a place (places.yaml)
    topic_preps: frozenset[str] = frozenset()  # "sur": before a country's name, what is spoken of (places.yaml)
    era_prefixes: frozenset[str] = frozenset()  # "post": before a demonym, an era or a region (places.yaml)
    language_nouns_after: frozenset[str] = frozenset()  # "language": after a demonym, a language (places.yaml)
    language_cues_before: frozenset[str] = frozenset()  # "traduit en": before a lower-case demonym, a language
    language_cue_articles: frozenset[str] = frozenset()  # "le", "du": between such a cue and the demonym
    language_articles: frozenset[str] = frozenset()  # "le russe": an article that makes a demonym the language
    relative_place_words: frozenset[str] = frozenset()  # "où", "where": a clause told of the place before it
    residence_words: frozenset[tuple[str, ...]] = frozenset()  # "based": the place after them is where one lives
    place_pronouns: frozenset[str] = frozenset()  # "y": the place named before ("qui y a séjourné")
    place_nouns: frozenset[str] = frozenset()  # "capitale", "capital": a demonym after them names a place
    member_state_nouns: frozenset[str] = frozenset()  # "république", "republic": "ex-république soviétique"
    country_nouns: frozenset[str] = frozenset()  # "pays", "countries": "a visité plusieurs pays : A, B"
    modality: dict = field(default_factory=dict)
    domains: list[Entry] = field(default_factory=list)  # code = domain
    name_stopwords: frozenset[str] = frozenset()
    persons: dict = field(default_factory=dict)
    facility_nouns: frozenset[str] = frozenset()  # "aéroport", "palais": "à l'aéroport d'Addis-Abeba" (places.yaml)
    building_nouns: frozenset[str] = frozenset()  # "at the State House, Abuja,": a city after a building (places.yaml)
    gathering_nouns: frozenset[str] = frozenset()  # "sommet", "forum": many countries' gatherings (triggers.yaml)
    facility_preps: frozenset[str] = frozenset()  # "de", "of" between such a noun and the city
    place_articles: frozenset[str] = frozenset()  # "la", "the" between a preposition and a place's name
    not_places: list[str] = field(default_factory=list)
    instrument_nouns_after_place: frozenset[str] = frozenset()  # "the Vienna Convention" (not_places.yaml)
    instrument_nouns_before_place: frozenset[str] = frozenset()  # "la Convention de Vienne"
    instrument_place_links: tuple[str, ...] = ()  # "de", "d'": between such a noun and the city
    seats: set[str] = field(default_factory=set)  # "Élysée", "Kremlin": seats of power (seats.tsv), read as capitals
    family_names: dict[str, set[str]] = field(default_factory=dict)  # folded family name -> countries
    plural_titles: frozenset[tuple[str, ...]] = frozenset()  # folded words of the titles made plural

    @cached_property
    def place_codes(self) -> dict[tuple[str, ...], str]:
        """Capitals (not seats of power) and the cities of one country, by their folded words: their country
        ("BELGRADE" opening a dateline: SRB)."""
        from .cities import city_entries  # (here: cities reads Entry from this module)
        out = {words(e.form): e.code for e in city_entries()}
        out.update({words(e.form): e.code for e in self.countries if e.type == "capital" and e.note != "seat"})
        return out

    @cached_property
    def language_forms(self) -> frozenset[str]:
        """Demonyms that are also names of languages ("russe", "français")."""
        return frozenset(fold(e.form) for e in self.countries if e.type == "demonym" and "language" in e.note)

    @cached_property
    def ambiguous_countries(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """The forms that name one of several countries ("congolais": COD or COG), by their folded words: the
        countries they may name, when the note lists countries only."""
        out = {}
        for e in self.countries:
            if not e.ambiguous:
                continue
            codes = tuple(next(n for n in e.note.split(";") if n.startswith("ambiguous:"))[10:].split("|"))
            if len(codes) > 1 and all(len(c) == 3 and c.isupper() for c in codes):
                out[words(e.form)] = codes
        return out

    @cached_property
    def usual_countries(self) -> dict[tuple[str, ...], str]:
        """Of the ambiguous forms, those the press uses bare for one country ("Korea": South Korea; its note
        ``usual=KOR``), by their folded words."""
        return {words(e.form): n[6:] for e in self.countries if e.ambiguous
                for n in e.note.split(";") if n.startswith("usual=")}

    @cached_property
    def historical_demonyms(self) -> frozenset[tuple[str, ...]]:
        """The folded words of the demonyms of states that are no more ("soviétique", "Yugoslav")."""
        return frozenset(words(e.form) for e in self.countries
                         if e.type == "demonym" and "historical" in e.note.split(";"))

    def country_names(self, code: str) -> list[str]:
        return [e.form for e in self.countries if e.code == code and e.type in ("name", "long_name")]


def _read_tsv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.exists():
        return []
    rows = []
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = None
    for n, row in enumerate(reader, 1):
        if header is None:
            header = [h.strip() for h in row]
            missing = [c for c in columns if c not in header]
            if missing:
                raise LexiconError(f"{path}: header lacks column(s) {', '.join(missing)}",
                                   "the first non-comment row names the columns, tab-separated")
            continue
        rec = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        if not all(rec.get(c) for c in columns[:2]):
            raise LexiconError(f"{path}: row {n} is missing {columns[0]} or {columns[1]}: {row!r}")
        rows.append(rec)
    return rows


def _read_yaml(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    return data


def language_file(lang: str, name: str) -> dict:
    """One YAML file of a language's data (``lang/<code>/<name>``), read alone: empty when the language has none (a
    spaCy component needs a file or two, not the whole lexicon)."""
    return _read_yaml(DATA_DIR / lang / name)


#: The grammar keys the date and number readers need (``extract/dates.py``, ``extract/numbers.py``) and the
#: kind of each value: ``list`` (of words), ``dict`` (words to values), ``bool`` (a flag), ``str`` (a
#: template), a tuple (one of these choices) or a nested mapping of such keys. A key a file does not give
#: means none: an empty list or mapping, false, an empty template; a choice has no "none", so a file that
#: gives what the choice is about (``_CHOICE_NEEDS``) must make it. Only the words are data: which keys
#: exist is the readers' structure, the same for every language.
_DATE_GRAMMAR: dict = {
    "abbreviation_dot": ("required", "optional"),
    "capitalised_months": bool,
    "lowercase_months": list,
    "day_suffixes": list,
    "day_month_links": list,
    "month_day": bool,
    "year_links": list,
    "comma_before_year": bool,
    "day_range": {"before": list, "links": list},
    "cross_month_range": {"before": list, "links": list},
    "month_range": {"before": list, "links": list, "this_year": list, "joined_by": list},
    "month": {"before": list, "before_hyphen": list, "relative_before": dict, "relative_after": dict},
    "year_before": list,
    "year_part": {"before": list, "year_links": list, "this_year": list},
    "first_months": {"before": list, "phrase": str, "this_year": list, "year_links": list, "numbers": list},
    "years_ago": list,
    "years_ahead": list,
    "days_ago": dict,
    "relative_years": dict,
    "relative_months": {"before": list, "phrases": dict},
    "relative_weeks": dict,
    "year_to_date": list,
    "named_days": dict,
    "weekday": {"relative_before": dict, "relative_after": dict},
    "since": list,
    "deadline": list,
    "until": list,
}
_NUMBER_GRAMMAR: dict = {
    "separators": {"decimal": list, "thousands": list},
    "linkers": list,
    "linker_required": bool,
    "not_after_linker": list,
    "articles": list,
    "collective_articles": list,
    "spelled": list,
    "percent": list,
    "currency_first": list,
    "currency_demonym": ("before", "after"),
    "multipliers_needing_currency": list,
    "glued_multipliers": bool,
}
#: a choice key and the key of the same file that makes it needed
_CHOICE_NEEDS = {"abbreviation_dot": "abbreviations", "currency_demonym": "currency_nouns"}


def _grammar(given, schema: dict, path: Path, where: str, data: dict) -> dict:
    """``given`` checked against ``schema`` (see ``_DATE_GRAMMAR``), every key present: a missing key is none."""
    if given is None:
        given = {}
    if not isinstance(given, dict):
        raise LexiconError(f"{path}: {where or 'the grammar'} must be a mapping")
    unknown = sorted(set(given) - set(schema))
    if unknown and where:  # the grammar mapping of months.yaml, or one of its sub-mappings
        raise LexiconError(f"{path}: unknown key(s) {', '.join(f'{where}.{k}' for k in unknown)}",
                           "known: " + ", ".join(schema))
    out = {}
    for key, kind in schema.items():
        name = f"{where}.{key}" if where else key
        value = given.get(key)
        if isinstance(kind, dict):
            out[key] = _grammar(value, kind, path, name, data)
        elif isinstance(kind, tuple):
            if value is None and data.get(_CHOICE_NEEDS.get(key, "")):
                raise LexiconError(f"{path}: key {name} is missing",
                                   f"say {' or '.join(kind)} (the file gives {_CHOICE_NEEDS[key]})")
            if value is not None and value not in kind:
                raise LexiconError(f"{path}: key {name} is {value!r}", f"say {' or '.join(kind)}")
            out[key] = value
        elif value is None:
            out[key] = kind()
        elif not isinstance(value, kind):
            raise LexiconError(f"{path}: key {name} must be a {kind.__name__}, not {type(value).__name__}")
        else:
            out[key] = value
    return out


def _with_plural_titles(titles: list[Entry], plurals: dict, links) -> tuple[list[Entry], frozenset[tuple[str, ...]]]:
    """The titles and their plurals ("foreign ministers", "ministers of foreign affairs", "deputy prime ministers",
    "premiers ministres"): the head of a title is its last word before a linking word (``links``, persons.yaml
    ``portfolio_words``); it takes its plural form from ``plurals`` (``plural_title_words``), and, as a second form,
    so does every listed word before it ("premiers ministres"). A title whose head is not listed ("chief executive")
    gets none; a plural that is already a title of its own is left to that one."""
    plurals = {fold(k): str(v) for k, v in plurals.items()}
    links = {fold(w).rstrip("'’") for w in links}
    known = {words(e.form) for e in titles}
    out, made = list(titles), set()
    for e in titles:
        if "upper" in e.note.split(";"):
            continue  # "PM": an abbreviation
        parts = e.form.split(" ")
        end = next((n for n, p in enumerate(parts) if fold(p).rstrip("'’") in links), len(parts))
        head = end - 1
        if head < 0:
            continue
        last = parts[head].rsplit("-", 1)  # "vice-président": the word after the hyphen
        if fold(last[-1]) not in plurals:
            continue
        headed = parts[:head] + ["-".join(last[:-1] + [plurals[fold(last[-1])]])] + parts[head + 1:]
        every = [plurals.get(fold(p), p) for p in headed[:head]] + headed[head:]
        for form in (" ".join(headed), " ".join(every)):
            key = words(form)
            if key in known or key in made:
                continue
            made.add(key)
            out.append(Entry(e.code, e.type, form, e.note))
    return out, frozenset(made)


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "fr", data_dir: str | None = None) -> Lexicon:
    base = Path(data_dir) if data_dir else DATA_DIR
    folder = base / lang
    if not folder.is_dir():
        raise LexiconError(f"no language data for {lang!r} in {base}", "available: "
                           + ", ".join(sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("_"))))
    lex = Lexicon(lang=lang)
    for r in _read_tsv(folder / "countries.tsv", ("code", "type", "form")):
        lex.countries.append(Entry(r["code"], r["type"], r["form"], r.get("note", "")))
    if (folder / "seats.tsv").exists():
        # "reçu à l'Élysée", "the Kremlin said": a seat of power is read as its country's capital
        for r in _read_tsv(folder / "seats.tsv", ("code", "form")):
            lex.countries.append(Entry(r["code"], "capital", r["form"], "seat"))
            lex.seats.add(r["form"])
    for r in _read_tsv(folder / "organisations.tsv", ("code", "type", "form")):
        lex.organisations.append(Entry(r["code"], r["type"], r["form"], r.get("note", "")))
    for r in _read_tsv(folder / "titles.tsv", ("role", "form")):
        lex.titles.append(Entry(r["role"], "title", r["form"], r.get("note", "")))
    lex.levels = _read_yaml(folder / "levels.yaml")
    for r in _read_tsv(folder / "domains.tsv", ("domain", "form")):
        lex.domains.append(Entry(r["domain"], "domain", r["form"], r.get("note", "")))
    lex.triggers = _read_yaml(folder / "triggers.yaml")
    lex.gathering_nouns = frozenset(fold(w) for w in (lex.triggers.get("meeting") or {}).get("multilateral_nouns") or [])
    numbers = _read_yaml(folder / "numbers.yaml")
    lex.numbers = {**numbers, **_grammar(numbers, _NUMBER_GRAMMAR, folder / "numbers.yaml", "", numbers)}
    lex.modality = _read_yaml(folder / "modality.yaml")
    months = _read_yaml(folder / "months.yaml")
    lex.months = {fold(k): int(v) for k, v in (months.get("months") or {}).items()}
    lex.month_abbreviations = {fold(k): int(v) for k, v in (months.get("abbreviations") or {}).items()}
    lex.weekdays = {fold(k): int(v) for k, v in (months.get("weekdays") or {}).items()}
    lex.deictic_days = {fold(k): int(v) for k, v in (months.get("deictic") or {}).items()}
    lex.days_next_to_event = {fold(k): int(v) for k, v in (months.get("next_to_event") or {}).items()}
    lex.date_list_links = frozenset(fold(w) for w in months.get("list_links") or [])
    lex.year_list_links = frozenset(fold(w) for w in months.get("year_list_links") or [])
    lex.date_repeat_words = frozenset(fold(w) for w in months.get("repeat_words") or [])
    lex.same_day_phrases = tuple(" ".join(words(w)) for w in months.get("same_day") or [])
    lex.same_time_phrases = tuple(" ".join(words(w)) for w in months.get("same_time") or [])
    lex.year_parts = {fold(k): (int(v[0]), int(v[1])) for k, v in (months.get("year_parts") or {}).items()}
    lex.day_parts = frozenset(fold(w) for w in months.get("day_parts") or [])
    lex.date_grammar = _grammar(months.get("grammar"), _DATE_GRAMMAR, folder / "months.yaml", "grammar", months)
    lex.persons = _read_yaml(folder / "persons.yaml")
    lex.titles, lex.plural_titles = _with_plural_titles(lex.titles, lex.persons.get("plural_title_words") or {},
                                                        lex.persons.get("portfolio_words") or [])
    places = _read_yaml(folder / "places.yaml") if (folder / "places.yaml").exists() else {}
    lex.location_preps = frozenset(fold(w) for w in places.get("location_prepositions") or [])
    lex.topic_preps = frozenset(fold(w) for w in places.get("topic_prepositions") or [])
    lex.era_prefixes = frozenset(fold(w) for w in places.get("era_prefixes") or [])
    lex.language_nouns_after = frozenset(fold(w) for w in places.get("language_nouns_after") or [])
    lex.language_cues_before = frozenset(fold(w) for w in places.get("language_cues_before") or [])
    lex.language_cue_articles = frozenset(fold(w) for w in places.get("language_cue_articles") or [])
    lex.language_articles = frozenset(fold(w) for w in places.get("language_articles") or [])
    lex.place_nouns = frozenset(fold(w) for w in places.get("place_nouns") or [])
    lex.member_state_nouns = frozenset(fold(w) for w in places.get("member_state_nouns") or [])
    lex.country_nouns = frozenset(fold(w) for w in places.get("country_nouns") or [])
    lex.facility_nouns = frozenset(fold(w) for w in places.get("facility_nouns") or [])
    lex.building_nouns = frozenset(fold(w) for w in places.get("building_nouns") or [])
    lex.facility_preps = frozenset(fold(w).rstrip("'") for w in places.get("facility_prepositions") or [])
    lex.place_articles = frozenset(fold(w) for w in places.get("place_articles") or [])
    lex.relative_place_words = frozenset(fold(w) for w in places.get("relative_place_words") or [])
    lex.residence_words = frozenset(words(w) for w in places.get("residence_words") or [])
    lex.place_pronouns = frozenset(fold(w) for w in places.get("place_pronouns") or [])
    not_places = _read_yaml(folder / "not_places.yaml")
    lex.not_places = list(not_places.get("not_places") or [])
    lex.instrument_nouns_after_place = frozenset(fold(w) for w in not_places.get("instrument_nouns_after_place") or [])
    lex.instrument_nouns_before_place = frozenset(fold(w) for w in not_places.get("instrument_nouns_before_place") or [])
    lex.instrument_place_links = tuple(str(w) for w in not_places.get("instrument_place_links") or [])
    for r in _read_tsv(base / "names" / "family_names.tsv", ("country", "family_name")):
        lex.family_names.setdefault(fold(r["family_name"]), set()).add(r["country"])
    sw = folder / "name_stopwords.txt"
    if sw.exists():
        lex.name_stopwords = frozenset(
            ln.strip() for ln in sw.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#"))
    return lex
