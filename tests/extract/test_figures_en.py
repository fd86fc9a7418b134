"""English figures: the words that give a figure its period ("a year earlier", "this year", "since the start of
the year"), its target year ("before the end of 2028") or tell a conversion ("or about"), read from
``lang/en/numbers.yaml`` (``period``, ``conversion``, ``metrics.trade_target``) as the French ones are from
``lang/fr/numbers.yaml``. Sentences of our own.

The first tests read the phrases with the ``FigureExtractor``'s own patterns (no model); the others go
through the whole pipeline with the English model.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from communique.clean import segment
from communique.extract.figures import FigureExtractor
from communique.lang import fold, load_lexicon
from communique.records import Document

from .helpers import close, extract_detected, figures, only


@pytest.fixture(scope="module")
def en():
    return FigureExtractor(SimpleNamespace(lex=load_lexicon("en")), quantities=object())


@pytest.fixture(scope="module")
def fr():
    return FigureExtractor(SimpleNamespace(lex=load_lexicon("fr")), quantities=object())


@pytest.mark.parametrize("text", ["trade reached that level since the start of the year",
                                  "since the beginning of this year", "so far this year", "since January"])
def test_the_year_to_date_phrases_are_english_data(en, fr, text):
    assert en.rx_year_to_date.search(fold(text)) and not fr.rx_year_to_date.search(fold(text))


def test_the_year_to_date_is_not_a_phrase_followed_by_a_year(en):
    assert not en.rx_year_to_date.search(fold("since January 2020"))


@pytest.mark.parametrize("text", ["this year", "by the end of the year", "in the current year"])
def test_the_article_year_phrases_are_english_data(en, fr, text):
    assert en.rx_this_year.search(fold(text)) and not fr.rx_this_year.search(fold(text))


@pytest.mark.parametrize("after", [" a year earlier.", ", a year earlier", " the previous year", " a year ago"])
def test_a_year_earlier_is_english_data(en, fr, after):
    assert en.rx_year_before.match(fold(after)) and not fr.rx_year_before.match(fold(after))


@pytest.mark.parametrize("gap", [", or about ", ", or ", " (", " (about ", " or roughly ", ", equivalent to "])
def test_a_restated_amount_is_told_by_english_words(en, gap):
    assert en.rx_restated.fullmatch(fold(gap))


def test_an_approximate_amount_in_another_currency_after_a_comma(en):
    assert en.rx_restated_approx.fullmatch(" a year, about ") and en.rx_restated_approx.fullmatch(", roughly ")
    assert not en.rx_restated_approx.fullmatch(", and ")


def test_the_french_phrases_stay_french(fr, en):
    assert fr.rx_year_to_date.search(fold("depuis le début de l'année")) and fr.rx_this_year.search("cette annee")
    assert fr.rx_year_before.match(fold(" un an plus tôt")) and fr.rx_restated.fullmatch(", soit environ ")
    assert not en.rx_restated.fullmatch(", soit environ ")


# ------------------------------------------------------------------ through the pipeline (English model)
@pytest.fixture(scope="module")
def extract_en(pipeline):
    def extract(text: str, date: str | None = None):
        [facts] = list(pipeline.process_documents([segment(Document("en", text, date=date))]))
        assert facts.document.lang == "en"
        return facts

    return extract


@pytest.mark.model
def test_a_year_earlier_is_the_year_before_the_other_figure(extract_en):
    facts = extract_en("Trade between Vietnam and India reached $15 billion in 2023, up from $12 billion a year "
                       "earlier.", "2024-03-01")
    periods = {f.value: f.period for f in figures(facts, "trade_volume")}
    assert periods == {15e9: "2023", 12e9: "2022"}


@pytest.mark.model
def test_a_span_of_years_after_the_amount(extract_en):
    facts = extract_en("Indian investment in Vietnam was $2.7 billion for 2015-2016.", "2017-03-01")
    f = only(figures(facts, "investment"))
    assert close(f.value, 2.7e9) and f.period == "2015/2016"


@pytest.mark.model
def test_before_the_end_of_a_year_is_a_target_year(extract_en):
    facts = extract_en("Vietnam and India want to raise bilateral trade to $20 billion before the end of 2028.",
                       "2024-03-01")
    f = only(figures(facts, "trade_target"))
    assert f.value == 20e9 and f.target_year == 2028


@pytest.mark.model
def test_a_target_year_in_the_next_clause_is_not_the_amount_s(extract_en):
    facts = extract_en("Trade between Vietnam and India reached $15 billion last year, and both sides hope for "
                       "much more by 2030.", "2024-03-01")
    f = only(figures(facts))
    assert (f.metric, f.value, f.period, f.target_year) == ("trade_volume", 15e9, "2023", None)


@pytest.mark.model
def test_the_same_amount_in_another_currency_is_no_second_figure(extract_en):
    facts = extract_en("France will invest 2.2 billion dollars, or about 2 billion euros, in Vietnam over five years.",
                       "2024-03-01")
    f = only(figures(facts))
    assert (f.value, f.unit) == (2.2e9, "USD")


@pytest.mark.model
def test_the_same_amount_in_dollars_is_a_figure_in_dollars_too(extract_en):
    # (annotators of real articles wrote the dollar equivalent as a figure of its own three times in five)
    facts = extract_en("France will invest 2 billion euros, or about $2.2 billion, in Vietnam over five years.",
                       "2024-03-01")
    assert sorted((f.value, f.unit) for f in figures(facts)) == [(2e9, "EUR"), (2.2e9, "USD")]


@pytest.mark.model
def test_the_same_year_is_the_year_named_before(extract_en):
    facts = extract_en("Trade between Vietnam and India reached $15 billion in 2023. Indian investment in Vietnam "
                       "reached $1 billion the same year.", "2024-06-01")
    f = only(figures(facts, "investment"))
    assert f.value == 1e9 and f.period == "2023"


@pytest.mark.model
def test_a_pronoun_subject_continues_the_measure_of_the_sentence_before(extract_en):
    facts = extract_en("Bilateral trade between Vietnam and India grew strongly in 2023. In the first half of 2024, "
                       "it reached $8 billion.", "2024-08-01")
    f = only([f for f in figures(facts) if f.value == 8e9])
    assert f.metric == "trade_volume" and f.period == "2024-01/2024-06"


def test_a_year_past_a_comma_before_the_next_amount_is_that_amounts(extract_en):
    facts = extract_en("Trade between Uzbekistan and Kazakhstan in 2019 totaled $3.3 billion, in 2018 the figure was "
                       "$3 billion.", "2020-04-21")
    periods = {f.value: f.period for f in facts.figures if f.metric == "trade_volume"}
    assert periods == {3.3e9: "2019", 3e9: "2018"}, periods


def test_a_date_between_commas_with_no_clause_of_its_own_is_the_amounts(extract_en):
    facts = extract_en("Bilateral trade between Kenya and Uganda stood at $1.2 billion, as of December 2019, with "
                       "Kenyan exports worth $800 million.", "2020-04-21")
    assert only([f for f in facts.figures if f.metric == "trade_volume"]).period == "2019-12"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Trade between Ghana and Togo last year closed at $3.900bn (26.4% over the total in 2010).",
])
def test_a_percentage_over_a_year_names_the_base_not_the_period(extract_en, text):
    f = only(figures(extract_en(text, "2012-04-23"), "trade_volume"))
    assert f.period == "2011"


@pytest.mark.parametrize("written, value", [("30,4", 30.4), ("50,000", 50000.0), ("1,500,000", 1500000.0),
                                            ("4.58", 4.58), ("1,234.5", 1234.5)])
def test_english_numbers_with_a_decimal_comma_or_thousands(written, value):
    from communique.extract.numbers import parse_number

    seps = load_lexicon("en").numbers["separators"]
    assert parse_number(written, seps["decimal"], seps["thousands"]) == value


@pytest.mark.model
def test_a_breakdown_after_a_colon_leaves_the_total_a_trade_volume(extract_en):
    facts = extract_en("In 2021 trade between Ghana and Togo made 31 million USD (+118%): export - 30,4 million USD "
                       "(+129,9%), import – 466 thousand USD (-50,3%).", "2022-06-01")
    metrics = {f.value: f.metric for f in facts.figures}
    assert metrics == {31e6: "trade_volume", 30.4e6: "other", 466e3: "other"}, metrics


@pytest.mark.model
def test_a_date_past_another_change_is_that_changes_period(extract_en):
    facts = extract_en("Bilateral trade between Ghana and Togo dropped by almost 16 percent in 2013 to $1.6 billion and "
                       "by another 13 percent in the first half of this year.", "2014-09-03")
    assert only(figures(facts, "trade_volume")).period == "2013"


@pytest.mark.model
def test_an_amount_qualifying_the_noun_target_is_a_target(extract_en):
    facts = extract_en("Kenya and Uganda set a $3 billion bilateral trade target.", "2022-06-01")
    f = only(figures(facts, "trade_target"))
    assert close(f.value, 3e9) and not figures(facts, "trade_volume")


@pytest.mark.model
def test_a_breakdown_in_brackets_does_not_make_the_whole_one_way(extract_en):
    facts = extract_en("In 2021, trade turnover between Georgia and Armenia made $78.4 mln ($20.2 mln of export and "
                       "$58.2 mln of import).", "2022-06-01")
    f = only(figures(facts, "trade_volume"))
    assert close(f.value, 78.4e6) and f.period == "2021"


@pytest.mark.model
def test_a_rise_from_one_amount_to_another_over_a_span_of_years(extract_en):
    facts = extract_en("Trade between India and Guinea rose from $310 million to $820 million over the period 2012-2017.",
                       "2018-05-01")
    assert {(f.value, f.period) for f in figures(facts, "trade_volume")} == {(310e6, "2012"), (820e6, "2017")}


def test_a_gain_or_a_surplus_is_no_volume_and_a_bracketed_amount_is_of_the_year_before_it(extract_en):
    facts = extract_en("Trade between Kenya and India reached $3.2 billion in 2022, some $400 million more than in 2021 "
                       "($2.8 billion), with a surplus of $2.1 billion in India's favour.", "2023-04-11")
    assert {(f.value, f.period) for f in figures(facts, "trade_volume")} == {(3.2e9, "2022"), (2.8e9, "2021")}


@pytest.mark.parametrize("text", [
    "Bilateral trade between China and Kazakhstan, in which China runs a large surplus, reached $41 billion in 2023.",
    "Bilateral trade between China and Kazakhstan reached $41 billion more or less in 2023.",
])
def test_a_surplus_in_another_clause_or_more_or_less_leaves_a_volume(extract_en, text):
    assert [f.value for f in figures(extract_en(text, "2024-05-10"), "trade_volume")] == [41e9]


@pytest.mark.model
@pytest.mark.parametrize("text, metric", [
    ("Trade between Chile and Vietnam is expected to reach $3 billion.", "trade_target"),
    ("Trade between Chile and Vietnam is projected to hit $3 billion next year.", "trade_target"),
    ("Trade between Chile and Vietnam will jump to $3 billion.", "trade_target"),
    ("Trade between Chile and Vietnam jumped to $3 billion in 2023.", "trade_volume"),
    ("Trade between Chile and Vietnam rose by 8 percent to reach $3 billion last year.", "trade_volume"),
])
def test_an_expected_or_future_rise_is_a_target_a_past_one_a_volume(extract_en, text, metric):
    f = only(figures(extract_en(text, "2024-02-01")))
    assert f.metric == metric and close(f.value, 3e9)


@pytest.mark.parametrize("text", [
    "Chinese President Hu Jintao arrived in Windhoek on Monday. A Boeing 747-400 carrying the visitors touched down at "
    "noon.",
    "Chinese President Hu Jintao arrived in Windhoek on Monday, his visitors flying in on an Airbus 380 of the "
    "Chinese carrier.",
])
def test_a_model_number_is_no_count_of_visitors(pipeline, text):
    assert not figures(extract_detected(pipeline, text, "2007-02-05"), "tourist_arrivals")


@pytest.mark.parametrize("text, lent, traded", [
    ("India extended a $400 million line of credit to Rwanda, whose trade with India reached $100 million.", 400e6,
     100e6),
    ("Les échanges entre le Sénégal et la Chine ont atteint 2 milliards de dollars, et Pékin a accordé un prêt de 300 "
     "millions de dollars.", 300e6, 2e9),
])
def test_money_lent_is_no_trade(pipeline, text, lent, traded):
    facts = extract_detected(pipeline, text, "2018-07-24")
    assert [f.value for f in figures(facts, "trade_volume")] == [traded]
    assert lent in [f.value for f in figures(facts, "other")]


@pytest.mark.parametrize("text, values", [
    ("Tourist arrivals from China to Thailand reached 300,000-350,000 in March.", [300000, 350000]),
    ("Vietnam welcomed in January 150,000 tourists from South Korea.", [150000]),
])
def test_a_range_or_a_month_before_a_count_of_tourists_is_no_model_number(pipeline, text, values):
    assert [f.value for f in figures(extract_detected(pipeline, text, "2024-05-10"), "tourist_arrivals")] == values


def test_a_word_of_aid_after_the_verb_of_trade_leaves_it_trade(pipeline):
    facts = extract_detected(pipeline, "Bilateral trade between India and Nepal stood at $8 billion despite aid cuts.",
                             "2024-05-10")
    assert [f.value for f in figures(facts, "trade_volume")] == [8e9]


def test_an_amount_trade_must_be_is_a_target(extract_en):
    facts = extract_en("Trade between Chad and Turkey is estimated at $60 million. This amount must be at least $100 "
                       "million, Erdogan said.", "2019-02-28")
    assert sorted((f.metric, f.value) for f in facts.figures) == [("trade_target", 1e8), ("trade_volume", 6e7)]


def test_an_amount_glued_to_a_currency_of_letters_and_a_direction_past_a_comma(extract_en):
    # "RM451.1 million": the ringgit's letters before the number; the exports named after a comma are another amount's
    # (nor the imports named after it, in another clause)
    facts = extract_en("In 2023, total trade between Malaysia and Chile was RM451.1 million (US$94.03 million), with "
                       "exports to Chile amounting to RM449 million (US$93.6 million) and imports amounting to RM2.1 "
                       "million (US$0.44 million).", "2024-07-10")
    assert sorted((f.unit, f.value) for f in figures(facts, "trade_volume")) == [("MYR", 451.1e6), ("USD", 94.03e6)]


@pytest.mark.parametrize("text", [
    "The two sides agreed to lift trade between Italy and Peru to 5 billion dollars by 2016 from the current figure "
    "of 3.5 billion dollars.",
    "Le Maroc et le Pérou ont décidé de porter leurs échanges à 5 milliards de dollars d'ici 2016, contre le niveau "
    "actuel de 3,5 milliards de dollars.",
])
def test_the_level_compared_with_a_target_is_a_volume_of_no_deadline(pipeline, text):
    facts = extract_detected(pipeline, text, "2014-06-10")
    target = only(figures(facts, "trade_target"))
    volume = only(figures(facts, "trade_volume"))
    assert (target.value, target.target_year) == (5e9, 2016)
    assert (volume.value, volume.period) == (3.5e9, None)


def test_the_challenge_of_increasing_trade_to_an_amount_is_a_target(extract_en):
    facts = extract_en("The Chilean president said that Chile and Turkey set the common challenge of increasing "
                       "bilateral trade to five billion USD.", "2015-11-16")
    assert [(f.metric, f.value) for f in facts.figures] == [("trade_target", 5e9)]


@pytest.mark.parametrize("text", [
    "Trade between Chile and Turkey doubled in 2014, increasing to $5 billion.",
    "Le commerce entre le Chili et la Turquie, en augmentant à 5 milliards de dollars en 2014, a doublé.",
])
def test_a_participle_telling_how_a_past_change_went_is_no_target(pipeline, text):
    facts = extract_detected(pipeline, text, "2015-11-16")
    assert [(f.metric, f.value) for f in facts.figures] == [("trade_volume", 5e9)]


def test_a_target_restated_in_another_currency_with_a_decimal_keeps_its_deadline(extract_en):
    # our own sentence: the decimal point of the restated amount ends no clause
    facts = extract_en("Indonesia and Vietnam held talks in Jakarta. The two ministers discussed setting a new trade target "
                       "of US$15 billion (approximately Rp224.7 trillion) by 2028.", "2022-07-21")
    target = next(f for f in facts.figures if f.metric == "trade_target" and f.unit == "USD")
    assert target.value == 15e9 and target.target_year == 2028
