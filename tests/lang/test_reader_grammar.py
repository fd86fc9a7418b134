"""The grammar keys of numbers.yaml and months.yaml: on the Lexicon, from the data folder the loader was
given, the same keys in every language, and a missing key read as none (or a clear LexiconError).

Fast checks, no spaCy.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from communique.errors import LexiconError
from communique.extract.dates import DateGrammar
from communique.extract.numbers import QuantityReader, parse_number
from communique.lang import _DATE_GRAMMAR, _NUMBER_GRAMMAR, DATA_DIR, load_lexicon

#: mappings whose keys are data (words), not structure: compared as a whole, not key by key
DATA_MAPS = {"multipliers", "collectives", "word_amounts", "currencies", "currency_nouns", "scaled_currencies",
             "by_relative_year", "relative_years", "relative_weeks", "days_ago", "relative_before", "relative_after",
             "phrases", "months", "abbreviations", "weekdays", "year_parts", "deictic", "next_to_event", "named_days"}


def _key_paths(d: dict, prefix: str = "") -> set[str]:
    out = set()
    for k, v in d.items():
        out.add(f"{prefix}{k}")
        if isinstance(v, dict) and k not in DATA_MAPS:
            out |= _key_paths(v, f"{prefix}{k}.")
    return out


def _yaml(lang: str, name: str) -> dict:
    return yaml.safe_load((DATA_DIR / lang / name).read_text(encoding="utf-8"))


def _write(tmp_path: Path, lang: str, name: str, data: dict) -> str:
    folder = tmp_path / lang
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize("name", ["numbers.yaml", "months.yaml"])
def test_french_and_english_files_have_the_same_keys(name):
    fr, en = _key_paths(_yaml("fr", name)), _key_paths(_yaml("en", name))
    assert fr == en, f"only French: {sorted(fr - en)}; only English: {sorted(en - fr)}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_grammar_key_is_written_in_the_files(lang):
    # the loader reads a missing key as none: the committed languages say every one of them
    months = _yaml(lang, "months.yaml")["grammar"]
    assert _key_paths(months) >= _key_paths(_DATE_GRAMMAR)
    numbers = _yaml(lang, "numbers.yaml")
    assert set(_NUMBER_GRAMMAR) <= set(numbers)
    assert set(numbers["separators"]) == {"decimal", "thousands"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_date_grammar_is_on_the_lexicon(lang):
    lex = load_lexicon(lang)
    assert set(lex.date_grammar) == set(_DATE_GRAMMAR)
    assert lex.date_grammar["month"]["before"] == _yaml(lang, "months.yaml")["grammar"]["month"]["before"]
    assert DateGrammar(lex).grammar is lex.date_grammar


def test_french_words_are_data():
    g = load_lexicon("fr").date_grammar
    assert g["month"]["relative_after"]["dernier"] == -1 and "d'ici" in g["year_before"]
    n = load_lexicon("fr").numbers
    assert n["linkers"] == ["de", "d'"] and n["linker_required"] is True and n["currency_demonym"] == "after"
    assert n["separators"]["thousands"] == [" ", "\u00a0", "\u202f", "."]


def test_parse_number_defaults_to_the_separators_of_the_default_language():
    seps = load_lexicon().numbers["separators"]
    assert parse_number("1 234,5") == parse_number("1 234,5", seps["decimal"], seps["thousands"]) == 1234.5


def test_dates_read_the_grammar_of_the_data_dir_given(tmp_path):
    # a copy of the French months.yaml whose months take no "dernier" after them: "juin dernier" is no date
    months = _yaml("fr", "months.yaml")
    months["grammar"]["month"]["relative_after"] = {}
    custom = load_lexicon("fr", _write(tmp_path, "fr", "months.yaml", months))
    text = "Il est venu à Oslo en juin dernier, puis juin dernier encore."
    assert [d.date_start for d in DateGrammar(load_lexicon("fr")).find(text, 0, "2024-02-10")] == ["2023-06", "2023-06"]
    assert [d.date_start for d in DateGrammar(custom).find(text, 0, "2024-02-10")] == ["2023-06"]  # "en juin" only


def test_numbers_read_the_separators_of_the_data_dir_given(tmp_path):
    numbers = _yaml("fr", "numbers.yaml")
    numbers["separators"] = {"decimal": ["."], "thousands": [","]}
    reader = QuantityReader(load_lexicon("fr", _write(tmp_path, "fr", "numbers.yaml", numbers)))
    assert reader.parse("50,000") == 50_000.0 and QuantityReader(load_lexicon("fr")).parse("50,000") == 50.0


def test_a_file_without_grammar_reads_none(tmp_path):
    # month names only: a day and a month date still read; nothing that needs words around them does
    data_dir = _write(tmp_path, "xx", "months.yaml", {"months": {"mai": 5}, "weekdays": {"lundi": 0}})
    lex = load_lexicon("xx", data_dir)
    assert lex.date_grammar["year_before"] == [] and lex.date_grammar["month"]["relative_after"] == {}
    assert lex.date_grammar["abbreviation_dot"] is None and lex.date_grammar["month_day"] is False
    grammar = DateGrammar(lex)
    found = grammar.find("signé le 3 mai 2024, en 2024, il y a 3 ans, lundi et l'an dernier", 0, "2024-06-01",
                         "2024-06-01")
    assert [(d.date_start, d.date_end) for d in found] == [("2024-05-03", None), ("2024-05-27", None)]
    # no numbers.yaml: no separator, multiplier, currency or percent word; bare integers are counts
    found = QuantityReader(lex).find("4,58 milliards de dollars, 99 %")
    assert [(q.value, q.unit, q.scaled) for q in found] == [(4.0, None, False), (99.0, None, False)]


def test_a_numbers_file_without_grammar_reads_plain_integers(tmp_path):
    data_dir = _write(tmp_path, "xx", "numbers.yaml", {"currencies": {"USD": ["$"]}, "currency_demonym": "before"})
    lex = load_lexicon("xx", data_dir)
    assert lex.numbers["separators"] == {"decimal": [], "thousands": []} and lex.numbers["linkers"] == []
    reader = QuantityReader(lex)
    assert reader.parse("4,58") is None and reader.parse("458") == 458.0
    assert [(q.value, q.unit) for q in reader.find("paid 458 $ and 99 %")] == [(458.0, "USD"), (99.0, None)]


@pytest.mark.parametrize("name, data, key", [
    ("months.yaml", {"abbreviations": {"janv": 1}}, "grammar.abbreviation_dot"),
    ("months.yaml", {"grammar": {"abbreviation_dot": "sometimes"}}, "grammar.abbreviation_dot"),
    ("months.yaml", {"grammar": {"month": {"before": "en"}}}, "grammar.month.before"),
    ("months.yaml", {"grammar": {"month_before": ["en"]}}, "grammar.month_before"),
    ("months.yaml", {"grammar": {"month": {"befor": ["en"]}}}, "grammar.month.befor"),
    ("numbers.yaml", {"currency_nouns": {"dollar": "USD"}}, "currency_demonym"),
    ("numbers.yaml", {"separators": {"decimal": ","}}, "separators.decimal"),
    ("numbers.yaml", {"linker_required": "yes please"}, "linker_required"),
])
def test_a_malformed_grammar_is_a_lexicon_error_naming_file_and_key(tmp_path, name, data, key):
    with pytest.raises(LexiconError) as err:
        load_lexicon("xx", _write(tmp_path, "xx", name, data))
    assert name in str(err.value) and key in str(err.value)
