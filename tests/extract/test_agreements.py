"""Agreements signed or adopted: count, instrument, parties and status."""
from __future__ import annotations

import pytest

from .helpers import extract_detected, events, events_between, only

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text, a, b, count, instrument",
    [
        pytest.param("À l'issue des entretiens, le Chili et l'Argentine ont signé sept accords de coopération "
                     "dans les domaines de l'énergie, des mines et de la défense.",
                     "CHL", "ARG", 7, "agreement", id="sept-accords"),
        pytest.param("L'Indonésie et la Malaisie ont signé une dizaine de mémorandums d'entente dans les "
                     "domaines du commerce et de l'énergie.",
                     "IDN", "MYS", 10, "mou", id="dizaine-de-memorandums"),
        pytest.param("Le Nigeria et le Ghana ont signé 12 mémorandums d'entente portant sur le commerce, "
                     "l'agriculture et la sécurité.",
                     "NGA", "GHA", 12, "mou", id="12-memorandums"),
        pytest.param("Le Japon et les Philippines ont signé mardi un accord d'accès réciproque permettant le "
                     "déploiement de troupes sur leurs territoires respectifs.",
                     "JPN", "PHL", None, "agreement", id="un-accord"),
        pytest.param("Le Japon et les Philippines ont adopté une déclaration conjointe sur la sécurité "
                     "maritime en mer de Chine méridionale.",
                     "JPN", "PHL", None, "joint_statement", id="declaration-conjointe"),
        pytest.param("La Norvège et l'Islande ont signé un plan d'action pour la période 2024-2027.",
                     "NOR", "ISL", None, "plan", id="plan-d-action"),
    ],
)
def test_agreement_count_and_instrument(extract_text, text, a, b, count, instrument):
    facts = extract_text(text, "2024-04-09")
    ag = only(events_between(facts, "agreement", a, b), f"agreement {a}-{b}")
    assert ag.status == "happened"
    assert ag.count == count
    assert ag.instrument == instrument


def test_agreement_is_dated_from_its_sentence(extract_text):
    facts = extract_text("Le Chili et l'Argentine ont signé le 4 mars 2024 à Buenos Aires sept accords de "
                         "coopération.", "2024-03-06")
    ag = only(events_between(facts, "agreement", "CHL", "ARG"))
    assert ag.date_start == "2024-03-04"
    assert ag.count == 7


def test_agreements_signed_during_a_visit_take_its_dates(extract_text):
    facts = extract_text(
        "Le président chilien Gabriel Boric a effectué une visite d'État en Argentine du 3 au 5 mars 2024. "
        "Les deux présidents ont signé sept accords de coopération.", "2024-03-06")
    ag = only(events_between(facts, "agreement", "CHL", "ARG"))
    assert ag.count == 7
    assert ag.date_start == "2024-03-03" and ag.date_end == "2024-03-05"


def test_past_agreements_described_are_not_new_agreements(extract_text):
    # the signing the participle recalls is told with its own date (as annotators record past events), never as
    # a signing of the article's day
    facts = extract_text("Les deux ministres ont passé en revue la mise en œuvre des accords signés l'an dernier "
                         "entre le Pérou et la Bolivie.", "2024-06-12")
    assert [a.date_start for a in events(facts, "agreement", status="happened")] == ["2023"]
    facts = extract_text("Les deux ministres ont passé en revue la mise en œuvre des accords signés entre le Pérou "
                         "et la Bolivie.", "2024-06-12")
    assert events(facts, "agreement", status="happened") == []


def test_agreement_in_force_since_a_year_is_not_a_new_agreement(extract_text):
    facts = extract_text("L'accord de libre-échange entre le Chili et l'Argentine, en vigueur depuis 2019, a "
                         "permis de doubler les échanges de services.", "2024-06-12")
    assert events(facts, "agreement", status="happened") == []


@pytest.mark.parametrize(
    "text, a, b, status",
    [
        pytest.param("Le Nigeria et le Ghana devraient signer un accord de libre-échange lors de la visite du "
                     "président ghanéen à Abuja.", "NGA", "GHA", "planned", id="devraient-signer"),
        pytest.param("Le ministre italien des Affaires étrangères est arrivé lundi à Tunis. Les deux pays "
                     "signeront un mémorandum d'entente sur l'énergie à l'issue de la visite.",
                     "ITA", "TUN", "planned", id="signeront"),
        pytest.param("L'Italie et la Tunisie envisagent la signature d'un accord sur l'interconnexion "
                     "électrique.", "ITA", "TUN", "hypothetical", id="envisagent-la-signature"),
        pytest.param("Le Japon et les Philippines n'ont pas signé l'accord sur la pêche attendu par les deux "
                     "parties.", "JPN", "PHL", "negated", id="n-ont-pas-signe"),
    ],
)
def test_agreement_status(extract_text, text, a, b, status):
    facts = extract_text(text, "2024-09-02")
    ag = only(events_between(facts, "agreement", a, b), f"agreement {a}-{b}")
    assert ag.status == status


def test_agreement_signed_in_the_presence_of_leaders(extract_text):
    facts = extract_text("Le président chilien Gabriel Boric et son homologue argentin Javier Milei ont assisté à la "
                         "signature de trois accords sur l'énergie et les mines.", "2024-04-17")
    ag = only(events_between(facts, "agreement", "CHL", "ARG"))
    assert ag.count == 3
    assert ag.title is not None and ag.title.endswith("l'énergie et les mines")
    assert {p.country for p in ag.participants} == {"CHL", "ARG"}


def test_agreement_title_is_kept(extract_text):
    facts = extract_text("Le Japon et les Philippines ont signé mardi un accord d'accès réciproque.",
                         "2024-07-09")
    ag = only(events_between(facts, "agreement", "JPN", "PHL"))
    assert ag.title is not None and "accès réciproque" in ag.title


def test_an_instrument_signed_yesterday_is_reported_with_that_day(extract_text):
    facts = extract_text("Le Bhoutan et l'Estonie ont noué des relations diplomatiques, comme l'indique un communiqué "
                         "commun signé hier à New York.", "2022-09-22")
    ag = only(events_between(facts, "agreement", "BTN", "EST"))
    assert ag.date_start == "2022-09-21" and ag.instrument == "joint_statement"
    assert only(events_between(facts, "upgrade", "BTN", "EST")).date_start == "2022-09-21"


def test_an_instrument_signed_in_a_city_is_a_signature_whatever_the_main_verb(extract_text):
    facts = extract_text("Les deux voisins veulent développer leurs liaisons ferroviaires, d'après une déclaration "
                         "conjointe de la Russie et de la Mongolie signée à Oulan-Bator.", "2019-09-04")
    ag = only(events_between(facts, "agreement", "RUS", "MNG"))
    assert ag.status == "happened" and ag.instrument == "joint_statement"


def test_an_instrument_to_be_signed_in_a_city_is_planned(extract_text):
    facts = extract_text("La Chine et la Mongolie signeront un accord qui sera signé à Oulan-Bator.", "2014-08-22")
    assert events(facts, "agreement", status="happened") == []


def test_a_set_of_agreements_told_again_is_one_signing(extract_text):
    # the set ("plusieurs accords"), told again in other words and by one of its texts, is one event
    text = ("Le président ghanéen a signé lundi à Lomé plusieurs accords de coopération avec son homologue "
            "togolais. Les présidents du Togo et du Ghana ont signé de nouveaux accords bilatéraux pour "
            "renforcer leurs échanges. L'accord sur le transit des marchandises par le port de Lomé a été "
            "signé en leur présence.")
    facts = extract_text(text, "2024-03-05")
    only(events_between(facts, "agreement", "GHA", "TGO", status="happened"), "agreement GHA-TGO")


def test_two_particular_texts_of_one_day_stay_two(extract_text):
    text = ("Le Togo et le Ghana ont signé lundi un accord sur le transit des marchandises. Les deux pays ont "
            "également signé un accord sur la pêche dans le golfe de Guinée.")
    facts = extract_text(text, "2024-03-05")
    assert len(events_between(facts, "agreement", "GHA", "TGO", status="happened")) == 2


def test_generic_titles_by_the_language_data(extract_text):
    from communique.extract.events import EventRules
    from communique.lang import load_lexicon

    fr, en = EventRules(load_lexicon("fr")), EventRules(load_lexicon("en"))
    assert fr.generic_title("plusieurs accords de coopération") and fr.generic_title("6 documents")
    assert fr.generic_title("accords, notamment le traité sur la frontière maritime")
    assert not fr.generic_title("accord sur le transit des marchandises")
    assert en.generic_title("several new bilateral agreements")
    assert en.generic_title("agreements, including a treaty on the maritime boundary")
    assert not en.generic_title("agreement on the peaceful use of nuclear energy")


def test_a_joint_statement_told_in_passing_is_an_agreement(extract_text):
    facts = extract_text(
        "Les présidents du Ghana et du Togo ont décidé de rouvrir leur frontière commune, ont-ils annoncé mardi "
        "dans une déclaration commune lue à Lomé.", "2024-06-12")
    a = only(events_between(facts, "agreement", "GHA", "TGO"), "agreement GHA-TGO")
    assert a.instrument == "joint_statement"
    assert a.title == "déclaration commune"


def test_a_joint_statement_in_a_list_of_links_names_no_party(extract_text):
    facts = extract_text(
        "Le président ghanéen a reçu mardi son homologue togolais à Accra.\n\n12 juin 2024 Déclaration conjointe "
        "sur la pêche.", "2024-06-12")
    assert events(facts, "agreement") == []


def test_an_instrument_described_as_signed_in_a_month_is_a_past_signing(extract_text):
    facts = extract_text("Un mémorandum d'entente signé entre la Suède et la Tunisie en novembre 2015 prévoit des "
                         "consultations politiques.", "2016-03-10")
    a = only(events_between(facts, "agreement", "SWE", "TUN"))
    assert (a.date_start, a.instrument, a.status) == ("2015-11", "mou", "happened")


def test_pacts_are_agreements(extract_text):
    facts = extract_text("L'Inde et le Japon ont signé samedi huit pactes de coopération économique.", "2014-01-27")
    a = only(events_between(facts, "agreement", "IND", "JPN"))
    assert (a.count, a.instrument) == (8, "agreement")


def test_an_instrument_recalled_by_a_participle_makes_no_meeting(extract_text):
    facts = extract_text("Sitôt arrivé à Vientiane le 6 mars, le Premier ministre cambodgien Hun Manet a eu des "
                         "entretiens avec son homologue laotien Sonexay Siphandone. Les deux chefs de gouvernement ont "
                         "passé en revue la mise en œuvre des accords conclus en 2022.", "2024-03-07")
    assert not [e for e in facts.events if e.type == "meeting" and e.date_start == "2022"]
    assert only(events_between(facts, "meeting", "KHM", "LAO")).date_start == "2024-03-06"


def test_a_signing_told_without_people_is_the_work_of_that_days_talks(extract_text):
    facts = extract_text("Le président sénégalais Macky Sall a reçu mardi à Dakar son homologue mauritanien Mohamed "
                         "Ould Ghazouani. Les deux pays ont signé mardi trois accords de coopération.", "2021-06-02")
    a = only(events_between(facts, "agreement", "SEN", "MRT"))
    assert {p.name for p in a.participants} == {"Macky Sall", "Mohamed Ould Ghazouani"}


def test_a_text_of_the_world_described_as_signed_in_a_year_is_no_signing_of_the_parties(extract_text):
    facts = extract_text("La France et l'Inde ont réaffirmé lundi leur attachement à l'accord de Paris signé en 2015.",
                         "2020-06-15")
    assert events(facts, "agreement") == []


def test_a_text_named_an_agreement_then_a_treaty_on_the_same_subject_is_one_signing(extract_text):
    facts = extract_text("La Norvège a signé lundi avec le Chili un accord de libre-échange. Le traité de "
                         "libre-échange commercial a été signé lundi à Santiago par la Première ministre norvégienne.",
                         "2031-04-08")
    assert len(events_between(facts, "agreement", "NOR", "CHL")) == 1


def test_two_legal_texts_on_two_subjects_stay_two(extract_text):
    facts = extract_text("La Norvège et le Chili ont signé lundi une convention sur la pêche côtière. Ils ont aussi "
                         "conclu lundi un traité sur l'extradition.", "2031-04-08")
    assert len(events_between(facts, "agreement", "NOR", "CHL")) == 2


def test_the_place_of_a_signing_is_no_part_of_the_title(extract_text):
    facts = extract_text("Norway and Chile signed an agreement on fisheries on Monday. Prime Minister Erna Solberg and "
                         "President Gabriel Boric signed the agreement in Santiago.", "2031-04-08")
    a = only(events_between(facts, "agreement", "NOR", "CHL"), "agreement NOR–CHL")
    assert "Santiago" not in (a.title or "")


def test_texts_of_the_two_countries_signed_at_the_talks_are_theirs(extract_text):
    # the sentence before speaks of two other countries; "des deux pays" are the parties of the talks told
    facts = extract_text("Le président chilien Gabriel Boric et le Premier ministre norvégien Jonas Gahr Store se sont "
                         "rencontrés mardi à Oslo. Ils ont évoqué les crises vénézuélienne et haïtienne. Six accords "
                         "ont été signés au cours de la réunion, notamment sur la formation des diplomates des deux "
                         "pays.", "2031-06-05")
    assert events_between(facts, "agreement", "CHL", "NOR")
    assert not events_between(facts, "agreement", "VEN", "HTI")


@pytest.mark.parametrize("text", [
    "Dans une déclaration commune rendue publique mardi, les présidents chilien et norvégien se sont engagés à "
    "renforcer leur coopération maritime.",
    "Les présidents du Chili et de la Norvège ont décidé de relancer leur dialogue politique, ont-ils annoncé dans "
    "une déclaration commune lue mardi à Oslo.",
])
def test_a_joint_statement_issued_happened_whatever_it_commits_to(extract_text, text):
    facts = extract_text(text, "2031-06-05")
    a = only(events_between(facts, "agreement", "CHL", "NOR"), "agreement CHL–NOR")
    assert a.status == "happened"


def test_a_joint_statement_to_be_issued_stays_to_come(extract_text):
    facts = extract_text("Les présidents chilien et norvégien publieront mardi une déclaration commune sur la pêche.",
                         "2031-06-05")
    assert all(a.status != "happened" for a in events_between(facts, "agreement", "CHL", "NOR"))


@pytest.mark.parametrize("text, lang_date, counts", [
    ("Le Koweït et la Turquie ont procédé mardi à la signature d'une convention et de deux mémorandums d'entente.",
     "2017-11-15", [3]),
    # a joint statement signed with them stays an event of its own
    ("Le Koweït et la Turquie ont signé mardi une déclaration conjointe ainsi qu'un accord sur le sport.",
     "2017-11-15", [None, None]),
    # texts of a kind named "multiple" ("memorandum of understandings") name no subject
    ("Kuwait and Turkey signed agreements with the Gulf kingdom on Tuesday. Multiple Memorandum of Understandings "
     "including a railway project were signed between Kuwait and Turkey on Tuesday.", "2017-11-15", [None]),
])
def test_texts_signed_together_are_one_signing(extract_text, text, lang_date, counts):
    facts = extract_text(text, lang_date)
    signed = events_between(facts, "agreement", "KWT", "TUR", status="happened")
    assert sorted((e.count for e in signed), key=str) == counts


@pytest.mark.parametrize("text, level", [
    ("La Serbie et la Hongrie ont signé mardi un accord de partenariat stratégique.", "strategic_partnership"),
    ("La Serbie et la Hongrie ont signé mardi un communiqué conjoint portant établissement des relations "
     "diplomatiques.", "diplomatic_relations"),
    # a text carrying an existing partnership out sets no level up
    ("La Serbie et la Hongrie ont signé mardi le plan d'action de leur partenariat stratégique.", None),
])
def test_a_text_setting_a_level_up_is_an_upgrade_as_it_is_signed(extract_text, text, level):
    facts = extract_text(text, "2023-03-16")
    assert events_between(facts, "agreement", "SRB", "HUN")
    ups = events_between(facts, "upgrade", "SRB", "HUN")
    assert [(u.level, u.date_start) for u in ups] == ([(level, "2023-03-14")] if level else [])


def test_a_joint_statement_quoted_again_is_the_statement_told(extract_text):
    facts = extract_text("Le président mexicain Enrique Peña Nieto a signé lundi à Tokyo une déclaration commune avec le "
                         "Premier ministre japonais Shinzo Abe. Dans la déclaration commune, les deux dirigeants ont "
                         "exhorté la Corée du Nord à cesser ses provocations.", "2013-04-09")
    signed = only([e for e in facts.events if e.type == "agreement"])
    assert set(signed.countries) == {"MEX", "JPN"} and len(signed.sources) == 2


@pytest.mark.parametrize("text", [
    "Ukraine and Poland on Tuesday signed a memorandum on the creation of a strategic partnership council in Kyiv.",
    "Kenya and China signed an agreement establishing a joint committee on the comprehensive strategic cooperative "
    "partnership in Nairobi on Monday.",
    "Vietnam and the United States signed a joint statement on the 28th anniversary of establishing diplomatic "
    "relations in Hanoi on Monday.",
    "L'Égypte et la Grèce ont signé un accord de partenariat stratégique global dans le secteur de l'énergie.",
])
def test_a_text_naming_a_level_for_something_else_sets_no_level_up(pipeline, text):
    facts = extract_detected(pipeline, text, "2023-05-10")
    assert events(facts, "agreement") and not events(facts, "upgrade")


def test_accent_variants_are_what_the_accent_free_pattern_matches():
    import re
    from communique.extract.events import _accent_free, _accent_variants
    for word in ("déclaration", "communiqué", "Déclaration", "conjointe"):
        variants = _accent_variants(word)
        rx = re.compile(_accent_free(word))
        assert variants and all(rx.match(v) for v in variants)
        assert "declaration" in variants or "communique" in variants or "conjointe" in variants
    assert "déclaration" in _accent_variants("declaration") and _accent_variants("e" * 20) is None


def test_texts_signed_during_a_visit_months_before_the_article_take_its_dates(extract_text):
    facts = extract_text("Le Premier ministre népalais a effectué une visite en Inde du 31 mai au 3 juin 2023. Samedi, les "
                         "deux Premiers ministres se sont entretenus au téléphone. En outre, sept accords ont été signés "
                         "entre les deux pays lors de la visite du Premier ministre népalais.", "2023-08-05")
    a = only(events_between(facts, "agreement", "NPL", "IND"))
    assert (a.date_start, a.date_end) == ("2023-05-31", "2023-06-03")


def test_talks_by_telephone_of_the_two_are_a_call_and_lend_their_day_to_no_signing_during_a_visit(extract_text):
    # "au téléphone" is no object of the talks; the signing told after them "lors de la visite" keeps the visit's days
    facts = extract_text("Le Premier ministre malaisien a effectué une visite en Indonésie du 8 au 10 janvier 2024. "
                         "Samedi, les deux Premiers ministres se sont entretenus au téléphone. En outre, cinq accords "
                         "ont été signés entre les deux pays lors de la visite du Premier ministre malaisien.",
                         "2024-03-16")
    assert only(events_between(facts, "call", "MYS", "IDN")).date_start == "2024-03-16"
    a = only(events_between(facts, "agreement", "MYS", "IDN"))
    assert (a.date_start, a.date_end) == ("2024-01-08", "2024-01-10")


def test_a_signing_ceremony_held_is_a_signing_of_unnamed_texts(extract_text):
    facts = extract_text("Le Ghana et le Togo ont tenu lundi à Lomé une cérémonie de signature.", "2019-06-04")
    assert events_between(facts, "agreement", "GHA", "TGO")
    facts = extract_text("Le Ghana et le Togo ont tenu lundi une cérémonie de signature. Les deux pays ont signé un "
                         "accord sur le commerce.", "2019-06-04")
    assert len(events_between(facts, "agreement", "GHA", "TGO")) == 1


def test_a_signing_by_the_two_leaders_is_of_the_day_of_their_talks_told_just_before(extract_text):
    facts = extract_text("Le président équatorien achève ce samedi sa visite officielle en France. Il a été reçu jeudi à "
                         "l'Élysée par le président français. Les deux chefs d'État ont signé un accord de coopération "
                         "universitaire.", "2013-11-09")
    assert [a.date_start for a in events_between(facts, "agreement", "ECU", "FRA")] == ["2013-11-07"]
    assert [m.date_start for m in events_between(facts, "meeting", "ECU", "FRA")] == ["2013-11-07"]


def test_a_signing_dated_by_its_own_sentence_keeps_its_date(extract_text):
    facts = extract_text("Le président équatorien a été reçu jeudi à l'Élysée par le président français. En juin 2012, "
                         "lors d'une visite à Quito, ils avaient signé un accord de coopération universitaire.", "2013-11-09")
    assert [a.date_start for a in events_between(facts, "agreement", "ECU", "FRA")] == ["2012-06"]


def test_talks_recalled_in_the_sentence_before_do_not_date_the_two_leaders_signing(extract_text):
    facts = extract_text("Le président chinois a reçu mardi à Pékin son homologue français. Les deux hommes s'étaient "
                         "rencontrés pour la dernière fois en juin 2019 à Osaka. Les deux chefs d'État ont signé un accord "
                         "sur le climat.", "2019-11-07")
    assert [a.date_start for a in events_between(facts, "agreement", "CHN", "FRA")] == ["2019-11-05"]


def test_the_same_count_of_texts_signed_the_same_day_told_again_is_one_signing(extract_text):
    facts = extract_text("Quatre accords de coopération ont été signés hier entre le Ghana et la Chine par le ministre des "
                         "Affaires étrangères. Quatre mémorandums d'entente qui ont été signés hier portent sur le "
                         "commerce.", "2018-09-03")
    a = only(events_between(facts, "agreement", "GHA", "CHN"))
    assert a.count == 4 and a.date_start == "2018-09-02"


@pytest.mark.parametrize("text, happened", [
    ("L'Éthiopie et le Kenya ont convenu d'un accord stratégique pour renforcer leur coopération.", True),
    ("Le Kenya et l'Éthiopie sont convenus de signer un accord de défense.", False),
    ("Le Kenya et l'Éthiopie ont tenu des échanges, à l'issue desquels il a été convenu de la signature de quatre "
     "accords.", False),
])
def test_a_text_agreed_on_is_an_agreement_only_as_the_verb_s_own_complement(extract_text, text, happened):
    facts = extract_text(text, "2016-12-07")
    done = [e for e in events(facts, "agreement") if e.status == "happened"]
    assert bool(done) == happened


@pytest.mark.parametrize("text, lang, happened", [
    ("Ghana and Togo in March revised the decade-old Air Services Agreement to open direct flights.", "en", True),
    ("Le Ghana et le Togo ont renouvelé en mars leur accord de pêche.", "fr", True),
    ("Le Ghana et le Togo ont révisé leurs prévisions de croissance.", "fr", False),
    ("The two countries agreed on Monday to revise the Air Services Agreement.", "en", False),
])
def test_a_text_made_anew_is_an_agreement(pipeline, text, lang, happened):
    facts = extract_detected(pipeline, text, "2016-04-07")
    assert facts.document.lang == lang
    done = [e for e in events(facts, "agreement") if e.status == "happened"]
    assert bool(done) == happened


@pytest.mark.parametrize("clause", [
    "grâce au traité de libre-échange que les deux pays ont signé en 2012",
    "grâce à l'Accord de Partenariat Économique (APE) que les deux pays ont signé en 2012",
])
def test_a_text_signed_in_a_relative_clause_is_its_object(extract_text, clause):
    facts = extract_text("Le président péruvien est arrivé lundi au Maroc. Pour lui, le Maroc est la porte de "
                         f"l'Afrique {clause}.", "2016-02-02")
    a = only(events_between(facts, "agreement", "PER", "MAR"))
    assert a.date_start == "2012"


def test_a_text_said_to_be_signed_is_no_relative_object(extract_text):
    facts = extract_text("Le président péruvien est arrivé lundi au Maroc. Le ministre a déclaré que les deux pays "
                         "ont signé en 2012.", "2016-02-02")
    assert not events(facts, "agreement")


def test_en_conclusion_is_no_agreement(extract_text):
    facts = extract_text("En conclusion, le Kenya et l'Éthiopie restent attachés à leur accord de paix.", "2016-12-07")
    assert not events(facts, "agreement")


@pytest.mark.parametrize("text", [
    "Huit accords de coopération signés entre le Burundi et la Tanzanie lors de la visite d'État de la présidente",
    "Eight cooperation agreements signed between Burundi and Tanzania during the state visit of the president",
])
def test_a_headline_telling_texts_signed_between_two_countries_reports_the_signing(pipeline, text):
    facts = extract_detected(pipeline, text, "2021-07-17")
    a = only(events_between(facts, "agreement", "BDI", "TZA"))
    assert a.count == 8 and a.status == "happened"


def test_texts_described_as_signed_between_two_countries_in_a_sentence_are_no_new_signing(extract_text):
    facts = extract_text("Les accords signés entre le Burundi et la Tanzanie restent lettre morte, selon le ministre.",
                         "2021-07-17")
    assert not events(facts, "agreement")


def test_the_same_count_of_texts_on_other_subjects_the_same_day_are_two_signings(pipeline):
    facts = extract_detected(pipeline, "Senegal and Morocco signed two agreements on fisheries on Monday. They also "
                                       "signed two memorandums of understanding on education on Monday.", "2015-06-03")
    assert len(events_between(facts, "agreement", "SEN", "MAR")) == 2


@pytest.mark.parametrize("text, date, title_word", [
    ("Vladimir Poutine et Noursoultan Nazarbaïev ont signé un protocole modifiant l'Accord d'amitié, de coopération "
     "et d'assistance mutuelle du 25 mai 1992.", "1992-05-25", "amitié"),
    ("Russia and Kazakhstan amended on Thursday the Treaty of Friendship and Cooperation of May 25, 1992.",
     "1992-05-25", "Friendship"),
])
def test_a_text_named_with_its_own_date_was_signed_then(pipeline, text, date, title_word):
    facts = extract_detected(pipeline, text, "2012-06-07")
    dated = [e for e in events_between(facts, "agreement", "RUS", "KAZ") if e.date_start == date]
    assert len(dated) == 1 and dated[0].status == "happened" and title_word in dated[0].title


@pytest.mark.parametrize("text", [
    "La France et l'Inde ont réaffirmé leur attachement à l'accord de Paris du 12 décembre 2015.",
    "France and India reaffirmed their commitment to the Paris Agreement of December 12, 2015.",
])
def test_a_text_of_the_world_named_after_a_place_with_its_date_is_no_signing_of_the_parties(pipeline, text):
    facts = extract_detected(pipeline, text, "2020-06-15")
    assert not events(facts, "agreement")


@pytest.mark.parametrize("text", [
    "Le Sénégal et la Gambie ont convenu lundi de la mise en œuvre de l'accord de libre circulation.",
    "Les accords de défense signés entre la France et le Sénégal dénoncés par l'opposition",
    "Japan and India began talks on Monday aimed at the conclusion of a civil nuclear cooperation agreement.",
])
def test_no_signing_from_texts_spoken_of(pipeline, text):
    facts = extract_detected(pipeline, text, "2015-06-03")
    assert not [e for e in events(facts, "agreement") if e.status == "happened" and e.date_start == "2015-06-01"
                or e.status == "happened" and e.date_start == "2015-06-03"]


def test_same_count_told_again_by_instrument_only_is_one_signing(pipeline):
    facts = extract_detected(pipeline, "Kenya and Uganda signed two agreements on fisheries and energy in Nairobi on "
                                       "Monday. The two memorandums were signed on Monday by the foreign ministers of "
                                       "the two countries.", "2015-06-03")
    assert len(events_between(facts, "agreement", "KEN", "UGA")) == 1


def test_texts_signed_in_the_plural_are_named_by_their_instrument(extract_text):
    facts = extract_text("À l'issue des entretiens, la Suisse et l'Inde ont signé diverses déclarations d'intention.",
                         "2019-09-14")
    assert events_between(facts, "agreement", "CHE", "IND", status="happened")


def test_texts_signed_the_same_day_by_the_same_parties_are_one_signing(extract_text):
    facts = extract_text("Le Sénégal et le Japon ont signé lundi à Dakar trois accords de coopération. Un mémorandum "
                         "d'entente sur la pêche a également été signé lundi par les deux ministres.", "2019-05-14")
    a = only(events_between(facts, "agreement", "SEN", "JPN"))
    assert a.count == 3 and a.date_start == "2019-05-13"
    # a joint statement issued that day stays an event of its own
    facts = extract_text("Le Sénégal et le Japon ont signé lundi à Dakar trois accords de coopération et adopté une "
                         "déclaration conjointe.", "2019-05-14")
    assert {a.instrument for a in events_between(facts, "agreement", "SEN", "JPN")} >= {"joint_statement"}
    assert len(events_between(facts, "agreement", "SEN", "JPN")) == 2
    # texts signed in two cities are two signings
    facts = extract_text("Le Sénégal et la Mauritanie ont signé lundi à Nouakchott un accord sur la pêche. Le même jour, "
                         "à Dakar, les ministres de l'Energie des deux pays ont signé un protocole d'accord.", "2024-05-14")
    assert len(events_between(facts, "agreement", "SEN", "MRT")) == 2
    # texts told as others than those signed before are another signing
    facts = extract_text("Le Sénégal et le Japon ont signé lundi à Dakar trois accords de coopération. Deux autres "
                         "mémorandums d'entente ont été signés lundi par les deux ministres.", "2019-05-14")
    assert len(events_between(facts, "agreement", "SEN", "JPN")) == 2


@pytest.mark.parametrize("text", [
    "Prime Minister Sheikh Hasina of Bangladesh is on an official visit to Thailand from April 24 to 29. Two documents "
    "were signed by the foreign ministers. This is in addition to three other documents that were signed during the "
    "visit.",
    "Le Premier ministre du Bangladesh est en visite officielle en Thaïlande du 24 au 29 avril. Deux documents ont été "
    "signés par les ministres des Affaires étrangères. Trois autres documents ont été signés pendant la visite.",
])
def test_texts_told_as_others_are_a_signing_of_their_own(pipeline, text):
    signings = events(extract_detected(pipeline, text, "2024-04-27"), "agreement")
    assert sorted(e.count for e in signings) == [2, 3]


def test_a_gerund_after_a_preposition_signs_with_its_clause_s_subject(pipeline):
    facts = extract_detected(pipeline, "Uzbek President Shavkat Mirziyoyev said after signing several agreements with "
                                       "Latvian President Egils Levits in Riga on Tuesday that ties were growing.",
                             "2019-11-12")
    signing = only(events_between(facts, "agreement", "UZB", "LVA"))
    assert {p.name for p in signing.participants} >= {"Shavkat Mirziyoyev", "Egils Levits"}
    assert events_between(facts, "meeting", "UZB", "LVA")


@pytest.mark.parametrize("text", [
    "Le président russe Vladimir Poutine a reçu mercredi son homologue argentin Alberto Fernández. Dans leur déclaration "
    "commune, adoptée à l'issue de la rencontre, les deux dirigeants ont souligné leur volonté de coopérer.",
    "Russian President Vladimir Putin received his Argentine counterpart Alberto Fernandez on Wednesday. In their joint "
    "statement, adopted at the end of the meeting, the two leaders stressed their will to cooperate.",
])
def test_a_text_adopted_at_the_talks_told_is_signed_then(pipeline, text):
    # (a participle saying at which talks it happened is a report, as a date or a place makes it)
    facts = extract_detected(pipeline, text, "2022-02-03")
    assert events_between(facts, "agreement", "RUS", "ARG")
    assert len(events_between(facts, "meeting", "RUS", "ARG")) == 1


def test_the_subject_of_a_bare_past_participle_is_what_was_signed(pipeline):
    # (the parser makes "signed" the root and "deals" its subject)
    facts = extract_detected(pipeline, "Kazakh President Kassym-Jomart Tokayev traveled to Qatar last week. The bilateral "
                                       "deals signed at the conclusion of the October 3 visit covered energy and tourism.",
                             "2022-10-10")
    assert "2022-10-03" in [a.date_start for a in events_between(facts, "agreement", "KAZ", "QAT")]


def test_a_demonym_before_the_noun_language_names_a_language_not_a_party(pipeline):
    facts = extract_detected(pipeline, "Morocco and Brazil have signed a letter of intent to promote the Portuguese "
                                       "language.", "2015-02-10")
    assert [sorted(a.countries) for a in events(facts, "agreement")] == [["BRA", "MAR"]]


@pytest.mark.parametrize("text", [
    "Azerbaijani President Ilham Aliyev visited Ukraine. There are few countries in the post-Soviet area with which "
    "Azerbaijan has such relations. Their legal basis is the agreement on friendship of 16 March 2000 between the two "
    "countries.",
    "Le président azerbaïdjanais Ilham Aliyev a visité l'Ukraine. Il y a peu de pays dans l'espace post-soviétique avec "
    "lesquels l'Azerbaïdjan a de telles relations. Leur base est l'accord d'amitié du 16 mars 2000 entre les deux pays.",
])
def test_a_demonym_after_an_era_prefix_names_no_party(pipeline, text):
    facts = extract_detected(pipeline, text, "2008-05-20")
    assert [sorted(a.countries) for a in events(facts, "agreement")] == [["AZE", "UKR"]]


@pytest.mark.parametrize("text", [
    "Le président iranien Hassan Rohani est en visite à Cuba. Téhéran a signé l'année dernière un accord avec les "
    "grandes puissances occidentales permettant d'alléger les sanctions.",
    "Iranian President Hassan Rouhani is visiting Cuba. Tehran signed a deal with world powers last year to ease the "
    "sanctions.",
])
def test_an_agreement_with_a_group_of_powers_is_no_pair_with_the_storys_other_country(extract_text, text):
    facts = extract_text(text, "2016-09-20")
    assert not events(facts, "agreement")


@pytest.mark.parametrize("text", [
    "US President George W. Bush and Peruvian President Alan Garcia on Friday signed a free trade agreement. Bush "
    "seized on the signing ceremony to push lawmakers to pass similar accords with Panama and Colombia.",
    "Le président américain George W. Bush et le président péruvien Alan Garcia ont signé vendredi un accord de "
    "libre-échange. Bush a profité de la cérémonie de signature pour pousser les parlementaires à adopter des accords "
    "similaires avec le Panama et la Colombie.",
])
def test_a_signing_ceremony_told_again_is_not_one_of_the_texts_a_clause_after_it_wishes_for(extract_text, text):
    facts = extract_text(text, "2007-12-15")
    happened = [a for a in events(facts, "agreement") if a.status == "happened"]
    assert {frozenset(a.countries) for a in happened} == {frozenset({"USA", "PER"})}


@pytest.mark.parametrize("text", [
    "La signature de plusieurs accords entre le Ghana et le Togo est également prévue mercredi.",
    "The signing of several agreements between Ghana and Togo is also scheduled for Wednesday.",
])
def test_a_signing_said_to_be_scheduled_is_to_come(pipeline, text):
    facts = extract_detected(pipeline, text, "2025-04-15")
    assert [a.status for a in events_between(facts, "agreement", "GHA", "TGO")] == ["planned"]


@pytest.mark.parametrize("text, lang, date, day", [
    pytest.param("Arrivé pour une visite officielle de travail, le 3 mars 2015, à l’aéroport international de Dakar, "
                 "le président togolais Faure Gnassingbé a été accueilli par le président sénégalais, Macky Sall, qui "
                 "était accompagné de la Première Dame.\n\nLe 5 mars 2015, le président Faure Gnassingbé a eu, au "
                 "palais présidentiel, des entretiens en tête à tête avec le président sénégalais, Monsieur Macky Sall, "
                 "portant sur de nombreux sujets.\n\nPar la suite, les deux Chefs d’Etat ont présidé la signature de "
                 "six accords bilatéraux pour renforcer leur partenariat.",
                 "fr", "2015-03-08", "2015-03-05", id="fr"),
    pytest.param("Togolese President Faure Gnassingbe arrived in Dakar on March 3, 2015 for a working visit.\n\n"
                 "On March 5, 2015, he held talks with Senegalese President Macky Sall.\n\nAfterwards, the two "
                 "presidents witnessed the signing of six cooperation agreements.",
                 "en", "2015-03-06", "2015-03-05", id="en"),
])
def test_a_signing_told_as_following_dated_talks_takes_their_day(pipeline, text, lang, date, day):
    facts = extract_detected(pipeline, text, date)
    assert [a.date_start for a in events_between(facts, "agreement", "TGO", "SEN")] == [day]


def test_a_signing_after_talks_with_a_date_of_its_own_keeps_it(extract_text):
    facts = extract_text("Le 5 mars 2015, le président togolais Faure Gnassingbé a eu des entretiens à Dakar avec le "
                         "président sénégalais Macky Sall.\n\nPar la suite, le 7 mars, les deux ministres ont signé "
                         "un accord de coopération.", "2015-03-08")
    assert [a.date_start for a in events_between(facts, "agreement", "TGO", "SEN")] == ["2015-03-07"]


def test_an_agreement_on_a_level_sets_it_up(extract_text):
    facts = extract_text("L'Inde et l'Afghanistan ont signé mardi un accord sur le partenariat stratégique.", "2011-10-05")
    assert [u.level for u in events_between(facts, "upgrade", "IND", "AFG")] == ["strategic_partnership"]


@pytest.mark.parametrize("text", [
    "Aucune signature de contrat n'a été annoncée lors de la visite du président chilien au Pérou.",
    "Aucun accord n'a été signé lors de la visite du président chilien au Pérou.",
    "Le président chilien n'a signé aucun accord lors de sa visite au Pérou.",
    "No agreement was signed during the visit of the Chilean president to Peru.",
    "The Chilean president signed no agreement during his visit to Peru.",
])
def test_a_signing_denied_by_its_determiner_is_negated_and_the_visit_it_was_set_in_happened(pipeline, text):
    facts = extract_detected(pipeline, text, "2016-03-08")
    assert [e.status for e in events(facts, "agreement")] == ["negated"]
    assert [e.status for e in events(facts, "visit")] == ["happened"]


def test_no_fewer_than_is_no_negation(pipeline):
    facts = extract_detected(pipeline, "The presidents of Chile and Peru signed no fewer than 12 agreements in Lima on "
                                       "Monday.", "2016-03-08")
    assert [e.status for e in events(facts, "agreement")] == ["happened"]


@pytest.mark.parametrize("text", [
    "Le voyage du président chilien au Pérou a débouché sur sept accords de coopération entre les deux pays.",
    "Le voyage du président chilien au Pérou a abouti à sept accords de coopération entre les deux pays.",
    "The Chilean president's trip to Peru resulted in seven cooperation agreements between the two countries.",
])
def test_texts_a_trip_resulted_in_were_signed(pipeline, text):
    assert only(events_between(extract_detected(pipeline, text, "2012-07-12"), "agreement", "CHL", "PER")).count == 7


@pytest.mark.parametrize("text", [
    "Les discussions entre le Chili et le Pérou ont débouché sur une meilleure compréhension.",
    "The talks between Chile and Peru resulted in a better understanding.",
])
def test_an_outcome_that_is_no_text_is_no_agreement(pipeline, text):
    assert not events(extract_detected(pipeline, text, "2012-07-12"), "agreement")


def test_les_deux_pays_sujet_sont_la_paire_du_recit_pas_les_pays_evoques(extract_text):
    # our own sentences: "les deux pays" stands for the pair of the talks just told
    facts = extract_text("Le Premier ministre des Îles Salomon a rencontré lundi à Pékin le Premier ministre chinois Li "
                         "Qiang. Les deux pays avaient signé un pacte de sécurité en avril 2022, un accord qui a inquiété "
                         "les États-Unis et l'Australie.", "2023-07-11")
    assert only(events_between(facts, "agreement", "SLB", "CHN")).date_start == "2022-04"
    assert not [e for e in facts.events if "USA" in e.countries or "AUS" in e.countries]


def test_la_coree_seule_est_la_coree_du_sud_a_cote_de_la_coree_du_nord(extract_text):
    facts = extract_text("Le président Moon Jae-in a rencontré vendredi à Phnom Penh le Premier ministre Hun Sen. Le "
                         "Cambodge et la Corée ont établi des relations diplomatiques en 1997. La Corée du Nord est "
                         "restée à l'écart du forum.", "2019-03-15")
    assert not [e for e in facts.events if "PRK" in e.countries]
    assert only(events_between(facts, "upgrade", "KHM", "KOR")).date_start == "1997"


def test_a_l_epoque_date_la_signature_comme_l_evenement_de_la_phrase_d_avant(extract_text):
    # our own sentences: "à l'époque" is the time of the visit just told, not the day of the article
    facts = extract_text("Le président guinéen a eu mardi une conversation téléphonique avec l'émir du Qatar. En 2017, "
                         "l'émir du Qatar avait effectué une visite à Conakry. À l'époque, la Guinée et le Qatar avaient "
                         "signé des accords de coopération.", "2021-09-02")
    assert [e.date_start for e in events_between(facts, "agreement", "GIN", "QAT")] == ["2017"]


@pytest.mark.parametrize("texts", ["Deux accords", "Deux mémoranda d'entente"])
def test_des_textes_signes_sans_parties_nommees_sont_ceux_des_entretiens_racontes(extract_text, texts):
    # our own sentences: the text names one country only; the texts signed are those of the talks just told
    facts = extract_text("Félix Tshisekedi a eu un tête-à-tête dimanche avec son homologue tanzanienne Samia Suluhu "
                         f"Hassan. {texts} ont été signés à cette occasion.", "2022-10-24")
    assert only(events_between(facts, "agreement", "COD", "TZA")).count == 2


def test_memoranda_au_pluriel_savant_sont_des_memorandums(extract_text):
    facts = extract_text("La RDC et la Tanzanie ont signé dimanche à Dar es Salaam deux mémoranda d'entente.", "2022-10-24")
    assert only(events_between(facts, "agreement", "COD", "TZA")).instrument == "mou"


def test_deux_etats_qui_signent_avec_une_organisation_ne_signent_pas_entre_eux(extract_text):
    facts = extract_text("La Nouvelle-Zélande et l'Australie ont signé vendredi un accord de libre-échange avec l'ASEAN en "
                         "Thaïlande.", "2009-03-04")
    assert not events_between(facts, "agreement", "AUS", "NZL")


def test_des_accords_signes_apres_un_lieu_pris_pour_l_objet_sont_lus(extract_text):
    # our own sentence: the parser takes "à Accra" for the object of "signé"; the texts come after it
    facts = extract_text("Le Kenya et le Ghana ont signé lundi à Accra trois accords de coopération.", "2023-05-16")
    agreement = only(events_between(facts, "agreement", "KEN", "GHA"))
    assert agreement.count == 3 and agreement.date_start == "2023-05-15"


def test_une_declaration_signee_dans_un_pays_tiers_est_un_accord_sans_rencontre(extract_text):
    facts = extract_text("Le ministre angolais des Affaires étrangères et son homologue salvadorienne ont signé lundi à "
                         "New York une déclaration conjointe sur la coopération.", "2023-09-19")
    assert only(events_between(facts, "agreement", "AGO", "SLV")).instrument == "joint_statement"
    assert not events_between(facts, "meeting", "AGO", "SLV")


def test_le_partenaire_d_un_texte_n_est_pas_dans_son_titre(extract_text):
    facts = extract_text("Le président rwandais a signé mardi à Kigali un accord de coopération avec son homologue "
                         "burundais.", "2024-05-15")
    assert only(events_between(facts, "agreement", "RWA", "BDI")).title == "accord de coopération"
