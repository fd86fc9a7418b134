"""Properties of the quantity grammar (``extract/numbers.py``): it reads any string without raising,
its spans point into the text, and numbers written the French way read back as the number written."""
from __future__ import annotations

import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from communique.extract.numbers import QuantityReader, parse_number
from communique.lang import load_lexicon

PURE = settings(max_examples=200, deadline=None)

#: characters the grammar treats specially, mixed into arbitrary text so that it meets them often
SPECIAL = list("0123456789 ,.%$€£\u00a0\u202f'’-") + ["milliards", "millions", "million", "mille", "de ", "d'",
                                                       "dollars", "euros", "MMDH", "pour cent", "une dizaine",
                                                       "demi-milliard", "deux millions", "touristes", "près de",
                                                       "plus de", "canadiens", "shillings", "kényans", "M", "2024"]
texty = st.lists(st.one_of(st.text(max_size=8), st.sampled_from(SPECIAL)), max_size=30).map("".join)


@pytest.fixture(scope="module")
def reader() -> QuantityReader:
    return QuantityReader(load_lexicon("fr"))


@PURE
@given(st.text())
@example("1 2")
@example("1.234.567,89")
@example("9" * 400)
def test_parse_number_never_raises(s):
    value = parse_number(s)
    assert value is None or isinstance(value, float)


@PURE
@given(text=texty, offset=st.integers(min_value=0, max_value=10_000))
@example(text="\ud800 4,58 milliards de dollars \udfff", offset=0)
@example(text="1" * 5000 + " millions", offset=3)
def test_quantity_reader_never_raises_and_spans_point_into_the_text(reader, text, offset):
    found = reader.find(text, offset)
    starts = [q.start for q in found]
    assert starts == sorted(starts)
    for q in found:
        assert offset <= q.start < q.end <= offset + len(text)
        assert text[q.start - offset:q.end - offset].startswith(q.text)
        assert math.isfinite(q.value) or q.value == math.inf  # "9" * 400 is a float overflow, not a crash


# ------------------------------------------------------------------------------ round trip

#: separators of thousands in French text: space, no-break space, narrow no-break space, dot
GROUPS = [" ", "\u00a0", "\u202f", "."]
#: (how the multiplier is written, its value)
MULTIPLIERS = [("", 1.0), (" millions", 1e6), (" milliards", 1e9), (" mille", 1e3), (" Mds", 1e9)]
#: (how the currency is written, its code)
CURRENCIES = [("", None), (" de dollars", "USD"), (" d'euros", "EUR"), (" dollars", "USD"), (" euros", "EUR"),
              (" de yuans", "CNY"), (" USD", "USD"), (" €", "EUR")]


def french(value: float, decimals: int, group: str) -> str:
    """``value`` written the French way: thousands grouped by ``group``, a decimal comma."""
    whole, frac = f"{value:.{decimals}f}".partition(".")[::2]
    digits = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        digits.insert(0, tail)
    number = group.join([whole, *digits])
    return f"{number},{frac}" if decimals else number


@st.composite
def amounts(draw):
    decimals = draw(st.integers(0, 2))
    value = draw(st.floats(min_value=0, max_value=10 ** 9, allow_nan=False, allow_infinity=False))
    value = round(value, decimals)
    if decimals and value == int(value):
        decimals = 0  # "12,0" is written "12"
    group = draw(st.sampled_from(GROUPS))
    mult, factor = draw(st.sampled_from(MULTIPLIERS))
    cur, code = draw(st.sampled_from(CURRENCIES))
    written = french(value, decimals, group) + mult + cur
    return written, value * factor, code, 10 ** -decimals * factor


@PURE
@given(amounts(), st.sampled_from(["Les échanges ont atteint {} en 2024.", "{}", "Un prêt de {}, a-t-il dit.",
                                   "Le montant ({}) a été confirmé."]))
@example(("4,58 milliards de dollars", 4.58e9, "USD", 1e7), "{}")
@example(("1 200 millions", 1.2e9, None, 1e6), "{}")
@example(("150 000", 150_000.0, None, 1.0), "Ils sont {} à avoir voté.")
def test_numbers_written_in_french_read_back(reader, amount, template):
    written, value, code, step = amount
    text = template.format(written)
    at = text.index(written)
    found = [q for q in reader.find(text) if q.start == at]
    assert len(found) == 1, (text, found)
    [q] = found
    assert abs(q.value - value) <= step / 2 + 1e-9 * max(1.0, value), (written, q.value, value)
    assert q.unit == code
    assert q.text == text[q.start:q.end]


@PURE
@given(st.floats(min_value=0, max_value=10 ** 12, allow_nan=False), st.integers(0, 3), st.sampled_from(GROUPS))
def test_parse_number_reads_french_grouping_and_decimal_comma(value, decimals, group):
    written = french(value, decimals, group)
    parsed = parse_number(written)
    assert parsed is not None
    assert abs(parsed - float(f"{value:.{decimals}f}")) <= 1e-9 * max(1.0, value)
