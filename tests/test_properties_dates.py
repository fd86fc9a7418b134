"""Properties of the date grammar (``extract/dates.py``): it reads any string without raising, its
expressions point into the text, do not overlap and denote real calendar dates, and dates written
the French way read back as the date written."""
from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from communique.extract.dates import DateGrammar, span_of
from communique.lang import load_lexicon

PURE = settings(max_examples=200, deadline=None)

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
#: words and pieces the grammar reacts to, mixed into arbitrary text so that it meets them often
SPECIAL = MONTHS + ["janv.", "févr.", "sept.", "Déc.", "1er", "du ", "au ", "les ", " et ", "-", "–", "en ", "de ",
                    "entre ", "dernier", "prochaine", "l'an", "l'année", "premiers mois", "premier semestre",
                    "3e trimestre", "mardi", "dimanche dernier", "hier", "avant-hier", "demain", "depuis ", "d'ici ",
                    "à l'horizon ", "mi-", "fin ", "début ", " ", " ", "0", "1", "2", "3", "9", "29", "31", "00",
                    "2024", "1999", "2100", "1800"]
texty = st.lists(st.one_of(st.text(max_size=6), st.sampled_from(SPECIAL)), max_size=30).map("".join)

DAY = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
#: publication dates as ingest gives them: a day, a month, a year, or none
DOC_DATE = st.one_of(st.none(), DAY.map(dt.date.isoformat), DAY.map(lambda d: d.isoformat()[:7]),
                     DAY.map(lambda d: d.isoformat()[:4]))
REF_DATE = st.one_of(st.none(), DAY.map(dt.date.isoformat))

DATE_RE = re.compile(r"(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})(?:-(\d{2}))?)")


@pytest.fixture(scope="module")
def grammar() -> DateGrammar:
    return DateGrammar(load_lexicon("fr"))


def assert_calendar_date(value: str) -> None:
    m = DATE_RE.fullmatch(value)
    assert m, value
    year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
    if month:
        assert 1 <= int(month) <= 12, value
    if day:
        last = calendar.monthrange(int(year) if year else 2000, int(month))[1]
        assert 1 <= int(day) <= last, value


@PURE
@given(text=texty, offset=st.integers(0, 10_000), doc_date=DOC_DATE, ref_date=REF_DATE)
@example(text="du 31 au 1 février 2024, les 29 et 30 février, le 0 mai 2024, \ud800 hier", offset=0,
         doc_date="2024-03", ref_date="2024-03-01")
@example(text="entre décembre et janvier, au premier semestre de l'année, les 13 premiers mois", offset=0,
         doc_date="1900", ref_date=None)
def test_date_grammar_never_raises_and_expressions_are_calendar_dates(grammar, text, offset, doc_date, ref_date):
    found = grammar.find(text, offset, doc_date=doc_date, ref_date=ref_date)
    previous_end = offset
    for expr in found:
        assert previous_end <= expr.start < expr.end <= offset + len(text)  # in order, not overlapping
        previous_end = expr.end
        assert_calendar_date(expr.date_start)
        if expr.date_end is not None:
            assert_calendar_date(expr.date_end)
            if not expr.date_start.startswith("--"):  # a yearless span may run over the new year
                first, last = span_of(expr.date_start, expr.date_end)
                assert first <= last, (expr, text[expr.start - offset:expr.end - offset])


# ------------------------------------------------------------------------------ round trip


def day_words(d: int) -> str:
    return "1er" if d == 1 else str(d)


@PURE
@given(DAY, st.sampled_from(["Le ministre est arrivé le {} à Lima.", "{}", "Signé à Quito le {}, l'accord entre en vigueur."]))
@example(dt.date(2024, 2, 29), "{}")
@example(dt.date(2023, 8, 1), "{}")
def test_full_dates_read_back(grammar, day, template):
    written = f"{day_words(day.day)} {MONTHS[day.month - 1]} {day.year}"
    text = template.format(written)
    found = grammar.find(text, doc_date="2025-01-15")
    [expr] = [e for e in found if e.start <= text.index(written) < e.end]
    assert (expr.date_start, expr.date_end) == (day.isoformat(), None)
    assert text[expr.start:expr.end].endswith(written)


@PURE
@given(DAY, st.integers(1, 27), st.sampled_from(["du {} au {}", "les {} et {}", "{}-{}"]))
def test_day_ranges_read_back(grammar, day, length, form):
    last_day = calendar.monthrange(day.year, day.month)[1]
    first = min(day.day, last_day - 1)
    last = min(first + length, last_day)
    written = form.format(day_words(first), last) + f" {MONTHS[day.month - 1]} {day.year}"
    [expr] = grammar.find(f"La visite a eu lieu {written}.", doc_date="2025-01-15")
    month = f"{day.year:04d}-{day.month:02d}"
    assert (expr.date_start, expr.date_end) == (f"{month}-{first:02d}", f"{month}-{last:02d}")


@PURE
@given(DAY, st.sampled_from(["en {}", "au mois de {}", "fin {}", "début {}", "courant {}"]))
def test_months_read_back(grammar, day, form):
    written = form.format(f"{MONTHS[day.month - 1]} {day.year}")
    [expr] = grammar.find(f"Le sommet se tiendra {written} à Dakar.", doc_date="2025-01-15")
    assert expr.date_start == f"{day.year:04d}-{day.month:02d}"


@PURE
@given(publication=DAY, day=st.integers(1, 31), month=st.integers(1, 12))
@example(publication=dt.date(2000, 1, 1), day=29, month=2)
def test_yearless_dates_take_the_latest_year_not_after_the_publication_month(grammar, publication, day, month):
    day = min(day, calendar.monthrange(2000, month)[1])  # 29 February stands without a year
    text = f"Il s'est rendu à Hanoï le {day_words(day)} {MONTHS[month - 1]} pour deux jours."
    [expr] = grammar.find(text, doc_date=publication.isoformat())
    year = publication.year if month <= publication.month else publication.year - 1
    if (month, day) == (2, 29) and not calendar.isleap(year):
        assert expr.date_start == "--02-29"  # that year had none: the year cannot be known
    else:
        assert expr.date_start == f"{year:04d}-{month:02d}-{day:02d}"
