"""English dates: ``DateGrammar`` with the English lexicon (``lang/en/months.yaml`` and its ``grammar``),
on our own sentences, resolved against the publication date as the French ones are (``test_dates.py``)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.extract.dates import DateGrammar
from communique.lang import load_lexicon

#: a Wednesday
PUBLISHED = "2024-05-22"


@pytest.fixture(scope="module")
def grammar() -> DateGrammar:
    return DateGrammar(load_lexicon("en"))


def _found(grammar, text, doc_date=PUBLISHED, ref_date=PUBLISHED):
    return [(text[d.start:d.end], d.date_start, d.date_end) for d in grammar.find(text, 0, doc_date, ref_date)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("The talks were held on May 3, 2024 in Hanoi.", ("May 3, 2024", "2024-05-03", None), id="us-style"),
        pytest.param("The ministers met on 3 May 2024 in Hanoi.", ("3 May 2024", "2024-05-03", None), id="british-style"),
        pytest.param("The accord was signed on Jan. 15, 2023.", ("Jan. 15, 2023", "2023-01-15", None), id="ap-abbreviation"),
        pytest.param("The accord was signed on 15 Jan 2023.", ("15 Jan 2023", "2023-01-15", None),
                     id="abbreviation-without-dot"),
        pytest.param("The summit opened on the 3rd of May.", ("3rd of May", "2024-05-03", None), id="ordinal-of"),
        pytest.param("The forum runs May 3-5 in Baku.", ("May 3-5", "2024-05-03", "2024-05-05"), id="month-day-range"),
        pytest.param("The forum ran 3-5 May in Baku.", ("3-5 May", "2024-05-03", "2024-05-05"), id="day-month-range"),
        pytest.param("He toured the region between May 3 and 5.", ("between May 3 and 5", "2024-05-03", "2024-05-05"),
                     id="between-and"),
        pytest.param("She stayed in Lima from April 28 to May 2.",
                     ("from April 28 to May 2", "2024-04-28", "2024-05-02"), id="cross-month"),
        pytest.param("She stayed in Lima from 28 December to 2 January 2024.",
                     ("from 28 December to 2 January 2024", "2023-12-28", "2024-01-02"), id="cross-year"),
        pytest.param("Trade fell in the first half of 2023.", ("in the first half of 2023", "2023-01", "2023-06"),
                     id="first-half"),
        pytest.param("Exports grew in the first quarter.", ("in the first quarter", "2024-01", "2024-03"),
                     id="first-quarter-this-year"),
        pytest.param("Exports grew in the fourth quarter.", ("in the fourth quarter", "2023-10", "2023-12"),
                     id="fourth-quarter-last-year"),
        pytest.param("Investment doubled in the first ten months of 2023.",
                     ("in the first ten months of 2023", "2023-01", "2023-10"), id="first-ten-months"),
        pytest.param("Trade grew between January and April this year.",
                     ("between January and April this year", "2024-01", "2024-04"), id="month-range-this-year"),
        pytest.param("The two countries established ties in 2019.", ("in 2019", "2019", None), id="in-year"),
        pytest.param("He last visited Cairo in september 2014.", ("in september 2014", "2014-09", None),
                     id="lower-case-month-that-is-no-other-word"),
        pytest.param("They aim to double trade by 2030.", ("by 2030", "2030", None), id="by-year"),
        pytest.param("He visited Accra in March.", ("in March", "2024-03", None), id="in-month"),
        pytest.param("He visited Accra in August.", ("in August", "2023-08", None), id="in-later-month-is-last-year"),
        pytest.param("He visited Accra last June.", ("last June", "2023-06", None), id="last-june"),
        pytest.param("He will visit Accra next March.", ("next March", "2025-03", None), id="next-march"),
        pytest.param("He visited Accra in mid-April.", ("in mid-April", "2024-04", None), id="mid-month"),
        pytest.param("Trade fell last month.", ("last month", "2024-04", None), id="last-month"),
        pytest.param("The envoy will return next week.", ("next week", "2024-05-27", "2024-06-02"), id="next-week"),
        pytest.param("The envoy came last week.", ("last week", "2024-05-13", "2024-05-19"), id="last-week"),
        pytest.param("Trade fell last year.", ("last year", "2023", None), id="last-year"),
        pytest.param("He met the king earlier this year.", ("earlier this year", "2024-01", "2024-05"),
                     id="earlier-this-year"),
        pytest.param("The two countries set up ties 30 years ago.", ("30 years ago", "1994", None), id="years-ago"),
        pytest.param("The two ministers last met three years ago.", ("three years ago", "2021", None),
                     id="years-ago-in-words"),
        pytest.param("The envoy came to Accra a year ago.", ("a year ago", "2023", None), id="a-year-ago"),
        pytest.param("The minister met him on Tuesday.", ("Tuesday", "2024-05-21", None), id="on-tuesday"),
        pytest.param("They met last Tuesday.", ("last Tuesday", "2024-05-21", None), id="last-tuesday"),
        pytest.param("They met last Wednesday.", ("last Wednesday", "2024-05-15", None),
                     id="last-wednesday-said-on-a-wednesday"),
        pytest.param("They will meet next Tuesday.", ("next Tuesday", "2024-05-28", None), id="next-tuesday"),
        pytest.param("The accord was signed yesterday.", ("yesterday", "2024-05-21", None), id="yesterday"),
        pytest.param("The accord is signed today.", ("today", "2024-05-22", None), id="today"),
    ],
)
def test_english_dates(grammar, text, expected):
    assert _found(grammar, text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Relations have grown since January.", ("since January", "2024-01", None), id="since-month"),
        pytest.param("The embassy has been open since 1992.", ("since 1992", "1992", None), id="since-year"),
    ],
)
def test_english_since_is_a_starting_point(grammar, text, expected):
    (d,) = grammar.find(text, 0, PUBLISHED, PUBLISHED)
    assert (text[d.start:d.end], d.date_start, d.date_end) == expected
    assert d.since


@pytest.mark.parametrize("text, deadline", [
    ("Trade should reach $5 billion by 2030.", True),
    ("They hope to finish by the end of 2025.", True),
    ("The talks were held in 2024.", False),
])
def test_english_by_a_date_is_a_deadline(grammar, text, deadline):
    (d,) = grammar.find(text, 0, PUBLISHED, PUBLISHED)
    assert d.deadline is deadline


def test_english_weekday_ahead_is_the_coming_day(grammar):
    (d,) = grammar.find("The minister will meet him on Tuesday.", 0, PUBLISHED, PUBLISHED)
    assert (d.date_start, d.ahead) == ("2024-05-21", "2024-05-28")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Prices may 3 times exceed the cap.", id="may-the-verb"),
        pytest.param("Troops march 20 kilometres a day.", id="march-the-verb"),
        pytest.param("The two sides signed 7 agreements.", id="a-count"),
        pytest.param("Turnout was 52% of voters.", id="a-percentage"),
        pytest.param("The ministers will meet in May.", id="no-doc-date-no-guess"),
    ],
)
def test_english_non_dates_and_no_guessed_year(grammar, text):
    found = grammar.find(text, 0, None, None)
    assert all(d.date_start.startswith("--") for d in found)


def test_english_yearless_without_publication_date(grammar):
    assert _found(grammar, "The ministers met on May 3.", None, None) == [("May 3", "--05-03", None)]
    assert _found(grammar, "They met on Tuesday.", None, None) == []


def test_english_weekday_before_a_date_is_not_read_twice(grammar):
    assert _found(grammar, "On Monday, May 20, the envoy arrived.") == [("May 20", "2024-05-20", None)]


def test_english_offsets(grammar):
    text = "The minister arrived on May 14 in Accra."
    (d,) = grammar.find(text, 100, PUBLISHED)
    assert text[d.start - 100:d.end - 100] == "May 14"


def test_french_grammar_is_unchanged_by_the_english_data():
    fr = DateGrammar(load_lexicon("fr"))
    found = fr.find("Il a séjourné à Oslo du 30 avril au 2 mai 2023, puis en juin dernier.", 0, "2024-02-10")
    assert [(d.date_start, d.date_end) for d in found] == [("2023-04-30", "2023-05-02"), ("2023-06", None)]


@settings(max_examples=150, deadline=None)
@given(text=st.lists(st.one_of(st.text(max_size=6), st.sampled_from(
    ["May", "may", "Jan.", "Sept", "3", "30", "31", "2024", ", ", "-", " and ", " to ", "from ", "between ", "last ",
     "next ", "Tuesday", "in ", "since ", "the first half", " of ", "yesterday", "week", "month", "years ago"])),
    max_size=25).map("".join),
    doc_date=st.one_of(st.none(), st.sampled_from(["2024", "2024-02", "2024-02-29", "2023-12-31"])))
def test_english_grammar_never_raises_and_spans_point_into_the_text(grammar, text, doc_date):
    ref = doc_date if doc_date and len(doc_date) == 10 else None
    for d in grammar.find(text, 5, doc_date, ref):
        assert 5 <= d.start < d.end <= 5 + len(text)


@pytest.mark.parametrize("text, expected", [
    ("He visited Mauritania two weeks ago.", "2024-05-08"),
    ("The ministers spoke 3 days ago.", "2024-05-19"),
])
def test_english_days_counted_back_from_the_reference_day(grammar, text, expected):
    (d,) = grammar.find(text, 0, PUBLISHED, PUBLISHED)
    assert (d.date_start, d.counted) == (expected, True)


def test_english_until_a_weekday_ends_a_span(grammar):
    # PUBLISHED is a Wednesday: "until Saturday" ends a span, on the coming Saturday for a stay under way (the
    # events choose by their verb's tense)
    (d,) = grammar.find("The president is in Ghana until Saturday.", 0, PUBLISHED, PUBLISHED)
    assert d.until and d.ahead == "2024-05-25"
    (d,) = grammar.find("The president met him on Saturday.", 0, PUBLISHED, PUBLISHED)
    assert not d.until
