"""English quantities: ``QuantityReader`` with the English lexicon (``lang/en/numbers.yaml``), on our own
sentences. The separators, linking words, currencies written before the number and the demonym before
a currency noun all come from the language data; the French reading is tested in ``test_figures.py``
and ``tests/test_properties_numbers.py``."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.extract.numbers import QuantityReader, parse_number
from communique.lang import load_lexicon


@pytest.fixture(scope="module")
def reader() -> QuantityReader:
    return QuantityReader(load_lexicon("en"))


def _read(reader, text):
    return [(q.text, q.value, q.unit, q.approximate, q.bound) for q in reader.find(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Two-way trade reached $4.58 billion last year.",
                     ("$4.58 billion", 4.58e9, "USD", False, None), id="dollar-sign-billion"),
        pytest.param("The bank approved a loan of US$4.58bn on Friday.",
                     ("US$4.58bn", 4.58e9, "USD", False, None), id="us-dollar-glued-bn"),
        pytest.param("The fund will hold USD 10bn in bonds.", ("USD 10bn", 10e9, "USD", False, None), id="usd-code-first"),
        pytest.param("Beijing pledged 10 billion U.S. dollars in credit lines.",
                     ("10 billion U.S. dollars", 10e9, "USD", False, None), id="us-dollars-after"),
        pytest.param("The swap line is worth 1.2 trillion yuan.",
                     ("1.2 trillion yuan", 1.2e12, "CNY", False, None), id="trillion-yuan"),
        pytest.param("Exports were worth nearly half a billion dollars.",
                     ("half a billion dollars", 0.5e9, "USD", True, None), id="nearly-half-a-billion"),
        pytest.param("The deals are worth about $700 million in total.",
                     ("$700 million", 700e6, "USD", True, None), id="about-700-million"),
        pytest.param("The island welcomed more than 50,000 tourists from the mainland.",
                     ("50,000", 50_000.0, "persons", False, "lower"), id="more-than-50000-tourists"),
        pytest.param("Brussels set aside two billion euros for the corridor.",
                     ("two billion euros", 2e9, "EUR", False, None), id="two-billion-euros"),
        pytest.param("The state will invest Rs 5,000 crore in the port.",
                     ("Rs 5,000 crore", 5e10, "INR", False, None), id="rupees-crore"),
        pytest.param("Lenders set aside Rs 50 lakh for the school.", ("Rs 50 lakh", 5e6, "INR", False, None),
                     id="rupees-lakh"),
        pytest.param("Tokyo offered ¥3 trillion over five years.", ("¥3 trillion", 3e12, "JPY", False, None),
                     id="yen-sign-trillion"),
        pytest.param("Ottawa lent 10 billion Canadian dollars to the utility.",
                     ("10 billion Canadian dollars", 10e9, "CAD", False, None), id="demonym-before-currency"),
        pytest.param("The farm sold 3,000 Kenyan shillings of tea.",
                     ("3,000 Kenyan shillings", 3000.0, "KES", False, None), id="kenyan-shillings"),
        pytest.param("Britain pledged £300m for the grid.", ("£300m", 300e6, "GBP", False, None), id="pound-glued-m"),
        pytest.param("Bilateral trade stood at 1,234.5 million euros.",
                     ("1,234.5 million euros", 1234.5e6, "EUR", False, None), id="grouped-with-decimal-point"),
        pytest.param("The agency disbursed less than $2bn last year.", ("$2bn", 2e9, "USD", False, "upper"),
                     id="less-than"),
        pytest.param("They signed deals worth more than a billion dollars.",
                     ("a billion dollars", 1e9, "USD", False, "lower"), id="more-than-a-billion"),
        pytest.param("Over 2.5 million visitors came last year.",
                     ("2.5 million", 2.5e6, "persons", False, "lower"), id="million-visitors"),
        pytest.param("Some 40,000 Chinese workers are employed there.",
                     ("40,000", 40_000.0, "persons", True, None), id="demonym-before-persons"),
    ],
)
def test_english_amounts(reader, text, expected):
    assert _read(reader, text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Trade rose 12.5% to a record.", [("12.5%", 12.5, "percent", False, None)], id="percent-sign"),
        pytest.param("Investment grew 7 percent in May.", [("7 percent", 7.0, "percent", False, None)], id="percent-word"),
        pytest.param("Prices fell 3.2 per cent.", [("3.2 per cent", 3.2, "percent", False, None)], id="per-cent"),
        pytest.param("The two sides signed 7 agreements.", [("7", 7.0, None, False, None)], id="bare-count"),
        pytest.param("The ministers signed a dozen agreements.", [("a dozen", 12.0, None, True, None)],
                     id="a-dozen"),
    ],
)
def test_english_percentages_and_counts(reader, text, expected):
    assert _read(reader, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The bridge is 5m wide.", id="metres-not-millions"),
        pytest.param("Relations were established in 2019.", id="a-year-is-no-amount"),
        pytest.param("Millions of people watched the parade.", id="millions-without-a-number"),
    ],
)
def test_english_non_amounts(reader, text):
    assert reader.find(text) == []


def test_english_offsets_point_into_the_text(reader):
    text = "Trade hit $4.58 billion, up 9%."
    found = reader.find(text, 200)
    assert [text[q.start - 200:q.end - 200] for q in found] == ["$4.58 billion", "9%"]


@pytest.mark.parametrize(
    "written, value",
    [("4.58", 4.58), ("50,000", 50_000.0), ("1,234,567.5", 1_234_567.5), ("12", 12.0)],
)
def test_english_separators_come_from_the_lexicon(reader, written, value):
    assert reader.parse(written) == value


def test_french_separators_are_the_default_of_parse_number():
    assert parse_number("1 234,5") == 1234.5
    assert parse_number("50,000") == 50.0  # a French decimal comma
    assert parse_number("50,000", ["."], [","]) == 50_000.0


def test_the_same_figure_reads_the_same_in_both_languages(reader):
    fr = QuantityReader(load_lexicon("fr"))
    (q_fr,) = fr.find("Les échanges ont atteint 4,58 milliards de dollars.")
    (q_en,) = reader.find("Trade reached $4.58 billion.")
    assert (q_fr.value, q_fr.unit, q_fr.scaled) == (q_en.value, q_en.unit, q_en.scaled)


def test_english_count_words_go_through_text2num(reader):
    assert reader._token_number("seven") == 7.0
    assert reader._token_number("1,500") == 1500.0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=6), st.sampled_from(
    ["$", "US$", "USD ", "Rs ", "¥", "4.58", "50,000", "1,2", "bn", "m", " billion", " crore", " lakh", " dollars",
     " Canadian", " tourists", "half a billion", "two", "nearly ", "%", " per cent", "a dozen", "2024"])),
    max_size=25).map("".join))
def test_english_reader_never_raises_and_spans_point_into_the_text(reader, text):
    for q in reader.find(text, 7):
        assert 7 <= q.start < q.end <= 7 + len(text)
        assert text[q.start - 7:q.end - 7].startswith(q.text)
        assert math.isfinite(q.value) or q.value == math.inf
