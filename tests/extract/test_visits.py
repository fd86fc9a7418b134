"""Visits: who travels (guest), where to (host), what kind, when, and whether it happened."""
from __future__ import annotations

import pytest

from .helpers import extract_detected, events, events_between, only, participant_named, visits

pytestmark = pytest.mark.model


# ----------------------------------------------------------------------------- kinds of visit

@pytest.mark.parametrize(
    "text, date, guest, host, kind, start, end, name",
    [
        pytest.param(
            "Le président chilien Gabriel Boric a effectué une visite d'État en Argentine du 3 au 5 mars 2024.",
            "2024-03-06", "CHL", "ARG", "state", "2024-03-03", "2024-03-05", "Boric", id="state"),
        pytest.param(
            "Le ministre italien des Affaires étrangères, Antonio Tajani, a effectué une visite officielle "
            "en Tunisie les 17 et 18 janvier 2024.",
            "2024-01-19", "ITA", "TUN", "official", "2024-01-17", "2024-01-18", "Tajani", id="official"),
        pytest.param(
            "Le Premier ministre malaisien Anwar Ibrahim a effectué le 8 janvier 2024 une visite de travail "
            "en Indonésie.",
            "2024-01-09", "MYS", "IDN", "working", "2024-01-08", None, "Anwar", id="working"),
        pytest.param(
            "Le président nigérian Bola Tinubu est arrivé lundi à Accra pour une visite officielle d'amitié "
            "au Ghana, du 10 au 12 juin 2024.",
            "2024-06-10", "NGA", "GHA", "official", "2024-06-10", "2024-06-12", "Tinubu",
            id="official-friendship"),
    ],
)
def test_visit_kind_dates_and_guest(extract_text, text, date, guest, host, kind, start, end, name):
    facts = extract_text(text, date)
    v = only(visits(facts, guest, host), f"visit {guest}->{host}")
    assert v.visit_kind == kind
    assert v.date_start == start
    assert v.date_end == end
    assert v.status == "happened"
    assert set(v.countries) == {guest, host}
    p = participant_named(v, name)
    assert p is not None, v.participants
    assert p.country == guest


def test_visit_without_kind_is_unspecified(extract_text):
    facts = extract_text("La ministre péruvienne des Affaires étrangères a effectué le 2 mai 2024 une visite "
                         "en Bolivie.", "2024-05-03")
    v = only(visits(facts, "PER", "BOL"))
    assert v.visit_kind == "unspecified"


@pytest.mark.parametrize(
    "text, guest, host",
    [
        pytest.param("Le président chilien s'est rendu en Argentine le 3 mars.", "CHL", "ARG", id="president-en"),
        pytest.param("Le président ghanéen s'est rendu au Nigeria le 3 mars.", "GHA", "NGA", id="president-au"),
        pytest.param("Le ministre chilien s'est rendu en Argentine le 3 mars.", "CHL", "ARG", id="minister-en"),
        pytest.param("La Première ministre thaïlandaise s'est rendue au Laos le 3 mars.", "THA", "LAO",
                     id="feminine-title"),
    ],
)
def test_unnamed_official_visit(extract_text, text, guest, host):
    facts = extract_text(text, "2025-03-10")
    v = only(visits(facts, guest, host), f"visit {guest}->{host}")
    assert v.date_start == "2025-03-03"
    assert v.status == "happened"


# ----------------------------------------------------------------------------- host from a capital

def test_rendu_a_capital_makes_the_capital_country_host(extract_text):
    facts = extract_text(
        "Le ministre chilien des Affaires étrangères, Alberto van Klaveren, s'est rendu à Buenos Aires "
        "le 15 avril pour des consultations politiques.", "2024-04-17")
    v = only(visits(facts, "CHL", "ARG"))
    assert v.date_start == "2024-04-15"
    assert v.location == {"country": "ARG", "city": "Buenos Aires"}
    assert participant_named(v, "Klaveren") is not None


def test_capital_only_host_with_the_guest_from_the_person(extract_text):
    facts = extract_text("Le Premier ministre japonais Fumio Kishida s'est rendu à Manille le 9 novembre 2023.",
                         "2023-11-10")
    v = only(visits(facts, "JPN", "PHL"))
    assert v.date_start == "2023-11-09"
    assert (v.location or {}).get("city") == "Manille"


# ----------------------------------------------------------------------------- tours

def test_tour_of_three_countries_gives_three_visits(extract_text):
    facts = extract_text(
        "Le président indonésien Joko Widodo a entamé le 5 juin 2023 une tournée en Malaisie, à Singapour "
        "et en Thaïlande.", "2023-06-06")
    hosts = sorted(v.host for v in events(facts, "visit") if v.guest == "IDN")
    assert hosts == ["MYS", "SGP", "THA"]
    for v in events(facts, "visit"):
        assert v.guest == "IDN"
        assert participant_named(v, "Widodo") is not None


def test_tour_with_a_kind_per_country(extract_text):
    facts = extract_text(
        "Le président philippin effectuera une visite d'État au Japon et une visite officielle en Malaisie "
        "du 4 au 9 février 2025.", "2025-01-20")
    japan = only(visits(facts, "PHL", "JPN"))
    malaysia = only(visits(facts, "PHL", "MYS"))
    assert japan.visit_kind == "state"
    assert malaysia.visit_kind == "official"
    assert japan.status == malaysia.status == "planned"


# ----------------------------------------------------------------------------- the guest

def test_guest_from_the_demonym_of_the_person(extract_text):
    # the host is mentioned more often than the guest: the guest must come from "ghanéen"
    facts = extract_text(
        "Le président ghanéen John Mahama est arrivé mardi à Abuja, la capitale du Nigeria, pour une visite "
        "de deux jours au Nigeria.", "2025-03-12")
    v = only(visits(facts, "GHA", "NGA"))
    assert participant_named(v, "Mahama").country == "GHA"


def test_guest_from_a_national_delegation(extract_text):
    facts = extract_text(
        "Une délégation chilienne s'est rendue le 2 mai 2024 en Argentine, où elle a rencontré des "
        "responsables argentins du secteur du lithium.", "2024-05-04")
    v = only(visits(facts, "CHL", "ARG"))
    assert v.date_start == "2024-05-02"
    assert not visits(facts, "ARG", "CHL")


def test_host_who_receives_is_not_the_guest(extract_text):
    facts = extract_text(
        "Le Premier ministre thaïlandais a accueilli à Bangkok son homologue laotien Sonexay Siphandone, "
        "en visite officielle en Thaïlande du 14 au 16 mars 2024.", "2024-03-16")
    v = only(visits(facts, "LAO", "THA"))
    assert v.visit_kind == "official"
    assert v.date_start == "2024-03-14" and v.date_end == "2024-03-16"
    assert not visits(facts, "THA", "LAO")


# ----------------------------------------------------------------------------- status

@pytest.mark.parametrize(
    "text, date, guest, host, status",
    [
        pytest.param("Le président argentin Javier Milei effectuera une visite d'État au Chili en avril.",
                     "2025-01-15", "ARG", "CHL", "planned", id="future-tense"),
        pytest.param("Le Premier ministre thaïlandais doit se rendre au Laos la semaine prochaine pour "
                     "inaugurer un pont sur le Mékong.",
                     "2024-08-02", "THA", "LAO", "planned", id="doit-se-rendre"),
        pytest.param("Le président péruvien a accepté l'invitation de son homologue bolivien à se rendre "
                     "en Bolivie au cours du second semestre.",
                     "2024-05-20", "PER", "BOL", "planned", id="accepted-invitation"),
        pytest.param("Le ministre islandais des Affaires étrangères se rendra à Oslo le 3 octobre.",
                     "2024-09-25", "ISL", "NOR", "planned", id="se-rendra"),
        pytest.param("Le Premier ministre norvégien envisage de se rendre en Islande l'année prochaine.",
                     "2024-09-25", "NOR", "ISL", "hypothetical", id="envisage"),
        pytest.param("Le président nigérian a annulé sa visite au Ghana en raison de la situation "
                     "sécuritaire dans le nord du pays.",
                     "2024-07-01", "NGA", "GHA", "negated", id="annule"),
        pytest.param("La ministre japonaise des Affaires étrangères n'a pas pu se rendre à Manille en raison "
                     "d'un typhon.",
                     "2024-10-30", "JPN", "PHL", "negated", id="n-a-pas-pu"),
        pytest.param("La visite du président tunisien en Italie, prévue la semaine prochaine, a été reportée "
                     "à une date ultérieure.",
                     "2024-04-10", "TUN", "ITA", "negated", id="reportee"),
    ],
)
def test_visit_status(extract_text, text, date, guest, host, status):
    facts = extract_text(text, date)
    v = only(visits(facts, guest, host), f"visit {guest}->{host}")
    assert v.status == status


def test_planned_visit_is_not_also_reported_as_happened(extract_text):
    facts = extract_text("Le président argentin Javier Milei effectuera une visite d'État au Chili en avril.",
                         "2025-01-15")
    assert not visits(facts, "ARG", "CHL", status="happened")


# ----------------------------------------------------------------------------- not visits

@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Le Premier ministre thaïlandais a visité mardi une usine japonaise de pièces automobiles "
                     "dans la province de Chonburi.", id="factory"),
        pytest.param("La ministre chilienne des Mines a visité une exposition consacrée au lithium argentin "
                     "à Santiago.", id="exhibition"),
        pytest.param("Les touristes japonais sont de plus en plus nombreux à visiter les Philippines.",
                     id="tourists"),
    ],
)
def test_non_diplomatic_visit_gives_no_visit(extract_text, text):
    facts = extract_text(text, "2024-06-01")
    assert events(facts, "visit") == []


@pytest.mark.parametrize("text, guest, host, city", [
    ("Le président brésilien Lula est arrivé mercredi 12 avril 2023 à Shanghai pour une visite d'État.",
     "BRA", "CHN", "Shanghai"),
    ("Le Premier ministre japonais s'est rendu le 9 juillet 2014 à Perth pour une visite de travail.",
     "JPN", "AUS", "Perth"),
    ("Le chancelier allemand est arrivé le 4 mars 2024 à Cracovie pour une visite officielle.",
     "DEU", "POL", "Cracovie"),
])
def test_visit_to_a_city_that_is_not_a_capital(extract_text, text, guest, host, city):
    v = only(visits(extract_text(text, "2024-12-01"), guest, host), f"visit {guest}->{host}")
    assert v.location == {"country": host, "city": city}


def test_a_name_that_is_also_a_city_stays_a_name(extract_text):
    facts = extract_text("Le Premier ministre japonais Shinzo Abe s'est rendu à Canberra le 8 juillet 2014.",
                         "2014-07-09")
    assert any(p.name == "Shinzo Abe" for p in facts.persons)


# ----------------------------------------------------------------------------- tours and earlier visits in lists

def test_a_tour_of_countries_listed_in_brackets_is_one_visit_each(extract_text):
    facts = extract_text("Le Premier ministre indien a conclu samedi sa tournée de six jours (3-8 novembre) dans cinq "
                         "pays africains (Kenya, Tanzanie, Mozambique, Zambie et Namibie).", "2016-11-12")
    for host in ("KEN", "TZA", "MOZ", "ZMB", "NAM"):
        v = only(visits(facts, "IND", host))
        assert (v.date_start, v.date_end) == ("2016-11-03", "2016-11-08")


def test_a_tour_of_countries_listed_after_a_colon(extract_text):
    facts = extract_text("Le Premier ministre japonais entame une tournée dans trois pays : le Laos, le Cambodge "
                         "et la Thaïlande.", "2019-03-02")
    for host in ("LAO", "KHM", "THA"):
        only(visits(facts, "JPN", host))


def test_earlier_visits_listed_by_traveller_and_year(extract_text):
    facts = extract_text("Le président chilien est arrivé mardi à Pékin, après les visites de Ricardo Lagos en 2001 "
                         "et de Michelle Bachelet en 2008 et 2010.", "2012-05-02")
    dates = sorted(v.date_start for v in visits(facts, "CHL", "CHN"))
    assert dates == ["2001", "2008", "2010", "2012-05-01"]
    current = only([v for v in visits(facts, "CHL", "CHN") if v.date_start == "2012-05-01"])
    assert not participant_named(current, "Lagos") and not participant_named(current, "Bachelet")


def test_earlier_visits_after_a_pronoun_leave_the_current_one_undated_by_them(extract_text):
    facts = extract_text("Il s'agit de la troisième visite d'un président chilien en Chine, après celles de "
                         "Ricardo Lagos en 2001 et de Michelle Bachelet en 2008.", "2012-05-02")
    dates = sorted(v.date_start for v in visits(facts, "CHL", "CHN"))
    assert dates == ["2001", "2008", "2012-05-02"]
    # "un président chilien" is no one in particular
    current = only([v for v in visits(facts, "CHL", "CHN") if v.date_start == "2012-05-02"])
    assert current.participants == []


@pytest.mark.parametrize("text, dates", [
    ("Cette visite à Bamako fait suite à celle effectuée du 4 au 6 mars dernier par le président Macky Sall à Tunis.",
     [("2019-03-04", "2019-03-06")]),
    ("Cette visite fait suite à celles effectuées en 2014 et en 2016 par le président Macky Sall en Tunisie.",
     [("2014", None), ("2016", None)]),
])
def test_earlier_visits_after_a_pronoun_dated_before_their_traveller(extract_text, text, dates):
    facts = extract_text(text, "2019-06-20")
    assert sorted((v.date_start, v.date_end) for v in visits(facts, "SEN", "TUN")) == dates

def test_the_first_of_numbered_visits_is_its_own_dated_visit(extract_text):
    facts = extract_text("Le président vietnamien Truong Tan Sang effectue actuellement sa deuxième visite d'Etat au "
                         "Japon, la première ayant eu lieu en mars 2012.", "2014-03-17")
    assert sorted(v.date_start for v in visits(facts, "VNM", "JPN")) == ["2012-03", "2014-03-17"]


def test_the_last_visit_dated_by_remonter_a(extract_text):
    facts = extract_text("Le précédent séjour officiel d'un monarque belge aux Pays-Bas remonte à 2004, quand Albert II "
                         "avait été reçu par la reine Beatrix.", "2016-11-28")
    assert [v.date_start for v in visits(facts, "BEL", "NLD")] == ["2004"]


def test_a_date_of_the_phrase_opened_by_depuis_is_no_date_of_the_visit(extract_text):
    facts = extract_text("La présidente tanzanienne Samia Suluhu Hassan a commencé mardi 4 mai une visite d'État de "
                         "48 heures au Kenya, son deuxième déplacement à l'étranger depuis son accession à la "
                         "magistrature suprême en mars dernier, à la suite du décès du président John Magufuli.",
                         "2021-05-05")
    v = only(visits(facts, "TZA", "KEN"))
    assert v.date_start == "2021-05-04"
    # the late president is spoken of, not a traveller
    assert not participant_named(v, "Magufuli")


def test_a_return_to_power_dates_no_talks(extract_text):
    facts = extract_text("Le chancelier allemand Olaf Scholz s'est rendu mardi à Varsovie pour des consultations, "
                         "signe du dégel entre les deux voisins depuis le retour au pouvoir de Donald Tusk en "
                         "décembre dernier.", "2024-07-02")
    assert all(e.date_start != "2023-12" for e in facts.events)


def test_depuis_a_place_is_where_the_traveller_comes_from(extract_text):
    facts = extract_text("Arrivé depuis Pékin le 1er juillet, le ministre chilien a rencontré son homologue argentin "
                         "à Buenos Aires.", "2024-07-02")
    assert only(events(facts, "meeting")).date_start == "2024-07-01"


# ----------------------------------------------------------------------------- people spoken of

@pytest.mark.parametrize(
    "text, guest, host, absent",
    [
        pytest.param("Le Premier ministre du Bhoutan, Karma Dorji, a effectué une visite officielle en Inde les 11 "
                     "et 12 janvier, sa première depuis sa prise de fonctions en août, lorsqu'il a succédé à son "
                     "père, Pema Dorji.", "BTN", "IND", "Pema Dorji", id="succede-a-son-pere"),
        pytest.param("Le président gabonais Jean Obame, qui a remplacé Paul Ndong en mars, a effectué lundi une "
                     "visite officielle au Cameroun.", "GAB", "CMR", "Paul Ndong", id="a-remplace"),
        pytest.param("Le président gabonais Jean Obame, comme son prédécesseur Paul Ndong, a effectué lundi une "
                     "visite officielle au Cameroun.", "GAB", "CMR", "Paul Ndong", id="son-predecesseur"),
    ],
)
def test_relative_or_predecessor_is_not_a_participant(extract_text, text, guest, host, absent):
    facts = extract_text(text, "2024-01-27")
    v = only(visits(facts, guest, host))
    assert participant_named(v, absent) is None
    assert len(v.participants) == 1


# ----------------------------------------------------------------------------- past visits told in lists

def test_listed_past_visits_in_both_directions_take_the_other_country_of_the_pair(extract_text):
    facts = extract_text("Le Pérou et l'Équateur ont signé lundi un accord frontalier. Les liens se sont resserrés "
                         "grâce aux visites de haut niveau, comme celles effectuées par le président péruvien "
                         "Tomas Quispe en 2011, 2013 et 2016 et le président équatorien Andres Villacis en 2012.",
                         "2017-03-08")
    assert sorted(v.date_start for v in visits(facts, "PER", "ECU")) == ["2011", "2013", "2016"]
    v = only(visits(facts, "ECU", "PER"))
    assert v.date_start == "2012" and v.status == "happened"
    assert participant_named(v, "Villacis")


def test_listed_past_visits_by_titled_travellers_with_months_and_a_relative_clause(extract_text):
    facts = extract_text("Le Kenya et la Tanzanie ont renforcé leur coopération. Les visites du ministre kényan du "
                         "Commerce, Joseph Mwangi, en mars 2022 et celles de la ministre tanzanienne de l'Industrie, "
                         "Neema Mollel, qui a présidé le 12 juin dernier la commission mixte, ont préparé l'accord.",
                         "2022-09-01")
    assert [v.date_start for v in visits(facts, "KEN", "TZA")] == ["2022-03"]
    assert [v.date_start for v in visits(facts, "TZA", "KEN")] == ["2022-06-12"]


def test_a_visit_standing_for_a_listed_one_takes_its_place_and_date(extract_text):
    facts = extract_text("Ce déplacement fait suite à celui effectué par le Premier ministre portugais Rui Tavares "
                         "en Angola en mai dernier.", "2019-11-20")
    assert [v.date_start for v in visits(facts, "PRT", "AGO")] == ["2019-05"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("C'est la première visite du chef de l'État ghanéen au Togo depuis la formation du "
                     "gouvernement togolais dirigé par Koffi Amegah en mai 2015.", id="depuis"),
        pytest.param("Les deux pays ont salué la visite officielle du président ghanéen au Togo en juin dernier et "
                     "les entretiens téléphoniques entre le ministre togolais Koffi Amegah et son homologue "
                     "ghanéen Kwame Boateng en août.", id="other-event"),
        pytest.param("Les deux ministres ont évoqué une éventuelle visite de M. Amegah au Ghana en août.",
                     id="possible-visit"),
    ],
)
def test_a_date_of_another_event_in_a_visit_sentence_makes_no_listed_visit(extract_text, text):
    facts = extract_text(text, "2019-11-20")
    dated = {v.date_start for v in events(facts, "visit", "happened")}
    assert not dated & {"2015-05", "2019-08"}


def test_a_stay_with_a_visit_as_its_purpose_is_a_visit_there(extract_text):
    # "être à" / "se trouver à" + "pour une visite": the place is the clause's, not the visit noun's
    for text in ("La présidente tanzanienne Samia Suluhu Hassan est à Séoul pour une visite d'État.",
                 "La présidente tanzanienne Samia Suluhu Hassan se trouve à Séoul pour une visite officielle."):
        facts = extract_text(text, "2024-06-03")
        v = only(visits(facts, "TZA", "KOR"), "visit TZA→KOR")
        assert v.status == "happened"


def test_the_day_of_something_else_does_not_date_the_visit(extract_text):
    facts = extract_text(
        "AGENCE, 2 mai -- Le président kényan a salué la visite d'État au Kenya du président ghanéen et sa "
        "participation aux cérémonies de la Fête du 12 décembre.", "2023-05-02")
    v = only(visits(facts, "GHA", "KEN"), "visit GHA→KEN")
    assert v.date_start != "2022-12-12"


def test_a_visit_during_which_a_text_was_signed_happened_whatever_the_main_clause(extract_text):
    facts = extract_text(
        "Les deux pays porteront leurs échanges à 5 milliards de dollars, selon un communiqué conjoint signé "
        "mardi à Lima durant la visite d'État du président chilien au Pérou.", "2022-09-08")
    v = only(visits(facts, "CHL", "PER"), "visit CHL→PER")
    assert v.status == "happened"


@pytest.mark.parametrize("text, guest, host", [
    ("La Première ministre danoise est à Nairobi.", "DNK", "KEN"),
    ("Le ministre kényan des Affaires étrangères se trouve en Éthiopie depuis lundi.", "KEN", "ETH"),
])
def test_a_leader_present_in_a_foreign_place_is_visiting_it(extract_text, text, guest, host):
    facts = extract_text(text, "2023-03-15")
    v = only(visits(facts, guest, host), f"visit {guest}→{host}")
    assert v.status == "happened"


@pytest.mark.parametrize("text", [
    "Le siège de l'organisation est à Genève.",
    "L'ambassade du Japon est à Hanoï depuis 1973.",
    "Le président français était à Berlin quand la nouvelle est tombée.",
])
def test_presence_of_no_one_or_in_the_past_is_no_visit(extract_text, text):
    assert not events(extract_text(text, "2023-03-15"), "visit")


def test_a_stay_takes_the_kind_of_the_visit_it_is_for(extract_text):
    facts = extract_text("Le président sénégalais est à Pékin pour une visite d'État.", "2023-03-15")
    assert only(visits(facts, "SEN", "CHN")).visit_kind == "state"


def test_il_se_rend_is_the_trip_of_the_person_named_last(extract_text):
    facts = extract_text("Le président suisse Didier Martin a rencontré lundi à Berlin le chancelier allemand. Le soir, "
                         "il se rend à Paris pour un entretien avec le ministre français des Affaires étrangères.",
                         "2014-02-18")
    assert visits(facts, "CHE", "FRA") and not visits(facts, "DEU", "FRA")


def test_an_arrival_in_a_capital_is_a_visit(extract_text):
    facts = extract_text("Dès son arrivée à Rabat, le président ivoirien s'est entretenu avec le roi.", "2015-06-02")
    assert visits(facts, "CIV", "MAR")


def test_a_written_date_beside_a_counted_one_dates_the_visit(extract_text):
    facts = extract_text("Le président zambien Hakainde Hichilema a effectué cette semaine, du 4 au 5 juin, une visite "
                         "officielle en Namibie.", "2025-06-12")
    v = only(visits(facts, "ZMB", "NAM"))
    assert (v.date_start, v.date_end) == ("2025-06-04", "2025-06-05")


def test_the_second_day_of_a_visit_dates_its_start(extract_text):
    facts = extract_text("Vendredi, deuxième jour de la visite d'État du président ghanéen au Togo, les deux "
                         "dirigeants ont tenu des entretiens à Lomé.", "2025-06-14")
    v = only(visits(facts, "GHA", "TGO"))
    assert (v.date_start, v.date_end) == ("2025-06-12", "2025-06-13")


def test_a_capital_opening_a_paragraph_as_its_dateline_is_a_place(extract_text):
    facts = extract_text("ACCRA : Le président togolais Faure Gnassingbé a eu mardi des entretiens avec son homologue "
                         "ghanéen John Mahama, au premier jour d'une visite de travail dans le pays.", "2025-06-11")
    # "dans le pays": the country of the place the story is told from
    only(visits(facts, "TGO", "GHA"))


@pytest.mark.parametrize("place", ["dans le Royaume", "au Royaume", "dans le pays"])
def test_a_visit_in_the_kingdom_is_to_the_kingdom_of_the_story(extract_text, place):
    # the kind of state stands for the host, as "le pays" does
    facts = extract_text("Le Maroc et le Tchad ont signé mardi trois accords de coopération. Le président tchadien "
                         f"Mahamat Idriss Déby, en visite de travail {place} depuis lundi, a visité mercredi une usine "
                         "d'engrais.", "2024-03-15")
    v = only(visits(facts, "TCD", "MAR"))
    assert participant_named(v, "Déby")


def test_a_visit_to_the_united_kingdom_is_not_one_to_the_kingdom_of_the_story(extract_text):
    facts = extract_text("Le Maroc et le Tchad ont signé mardi trois accords de coopération. Le président tchadien "
                         "Mahamat Idriss Déby était la veille en visite au Royaume-Uni.", "2024-03-15")
    only(visits(facts, "TCD", "GBR"))
    assert not visits(facts, "TCD", "MAR")


def test_a_guest_received_while_on_a_visit_is_the_traveller_past_an_adverb(extract_text):
    # the one "en visite" is the one received, even with an adverb between the comma and the visit
    facts = extract_text("Le roi du Maroc Mohammed VI a reçu jeudi le président tchadien Mahamat Idriss Déby, "
                         "actuellement en visite dans le pays.", "2024-03-15")
    v = only(visits(facts, "TCD", "MAR"))
    assert participant_named(v, "Déby")
    assert not visits(facts, "MAR", "TCD")


def test_an_arrival_at_the_airport_of_a_capital_is_a_visit(extract_text):
    facts = extract_text("Dès son arrivée à l'aéroport de Nairobi, le président ougandais Yoweri Museveni a été "
                         "accueilli par son homologue kényan.", "2024-05-15")
    only(visits(facts, "UGA", "KEN"))


def test_a_visit_naming_its_traveller_took_place_where_the_clause_did(extract_text):
    facts = extract_text("Les accords ont été signés à Lilongwe, au Malawi, lors de la visite de travail de la "
                         "présidente tanzanienne Samia Suluhu Hassan le 3 mars.", "2025-03-06")
    v = only(visits(facts, "TZA", "MWI"), "visite TZA->MWI")
    assert v.date_start == "2025-03-03"


def test_an_arrival_at_a_named_international_airport_is_a_visit(extract_text):
    facts = extract_text("Le ministre turc des Affaires étrangères Hakan Fidan est arrivé lundi à l'aéroport "
                         "international de Nairobi.", "2024-06-12")
    only(visits(facts, "TUR", "KEN"), "visite TUR->KEN")


def test_a_visit_to_the_kingdom_of_a_country(extract_text):
    facts = extract_text("Le roi Philippe de Belgique poursuivait mardi sa visite d'État au royaume de Norvège.",
                         "2024-06-12")
    only(visits(facts, "BEL", "NOR"), "visite BEL->NOR")


def test_rd_congolais_is_the_democratic_republic(extract_text):
    facts = extract_text("Arrivé jeudi à Luanda, le chef de l'État rd congolais a rencontré son homologue angolais.",
                         "2024-06-12")
    only(visits(facts, "COD", "AGO"), "visite COD->AGO")


def test_conclure_sa_visite_signs_nothing(extract_text):
    facts = extract_text("Le 9 mars, le Premier ministre népalais a conclu une visite de trois jours au Sri Lanka.",
                         "2025-03-12")
    v = only(visits(facts, "NPL", "LKA"), "visite NPL->LKA")
    assert v.date_end == "2025-03-09"
    assert events(facts, "agreement") == []


def test_quitter_un_pays_pour_un_autre_est_un_voyage_vers_lui(extract_text):
    facts = extract_text("Le président ivoirien Alassane Ouattara a quitté Abidjan mardi pour Accra.", "2024-02-14")
    v = only(visits(facts, "CIV", "GHA"), "visite CIV->GHA")
    assert v.date_start == "2024-02-13"
    facts = extract_text("Le ministre a quitté ses fonctions mardi.", "2024-02-14")
    assert events(facts, "visit") == []


def test_a_visit_chez_a_foreign_leader_is_to_his_country(extract_text):
    facts = extract_text("Le président chilien Gabriel Boric, en visite chez le président argentin Alberto "
                         "Fernández, a promis mardi de travailler avec ses voisins.", "2022-04-06")
    v = only(visits(facts, "CHL", "ARG"))
    assert participant_named(v, "Boric") is not None


def test_taking_office_is_no_arrival_and_lends_no_date(extract_text):
    facts = extract_text("Le président chilien, en visite en Argentine pour son premier voyage à l'étranger depuis "
                         "son arrivée au pouvoir le mois dernier, a promis de travailler avec ses voisins.",
                         "2022-04-06")
    v = only(visits(facts, "CHL", "ARG"))
    assert v.date_start == "2022-04-06"


def test_a_city_followed_by_its_country_is_in_that_country(extract_text):
    # "Puno" is also another spelling of a much larger Indian city: the country after the comma decides
    facts = extract_text("Le président bolivien Evo Morales est arrivé mardi à Puno, au Pérou, pour une réunion "
                         "avec son homologue péruvien.", "2015-06-24")
    v = only(visits(facts, "BOL", "PER"))
    assert v.location["country"] == "PER" and v.location["city"] == "Puno"


def test_a_city_in_a_list_of_countries_keeps_its_own_country(extract_text):
    facts = extract_text("Le président sénégalais Macky Sall effectuera une tournée qui le mènera à Bouaké, au Ghana "
                         "et au Togo.", "2020-06-15")
    assert {e.host for e in facts.events if e.type == "visit"} == {"CIV", "GHA", "TGO"}


def test_a_visit_chez_soldiers_is_no_visit_to_their_country(extract_text):
    facts = extract_text("La ministre malienne Fatou Exemple, en visite chez les soldats français déployés dans le "
                         "nord, a salué leur travail.", "2020-06-15")
    assert visits(facts, "MLI", "FRA") == []


def test_several_times_is_no_resumption_that_takes_the_visits_date(extract_text):
    facts = extract_text("Le président sud-africain s'est rendu au Chili à trois reprises, la dernière fois en mai "
                         "2018.", "2023-04-15")
    v = only(visits(facts, "ZAF", "CHL"))
    assert v.date_start == "2018-05"


def test_another_travellers_dated_trip_is_another_visit(extract_text):
    # the article's own visit is undated (its weekday cannot be read against a year): the other trip keeps its date
    facts = extract_text("Le Premier ministre malien Boubou Cissé entame ce lundi une visite officielle au Sénégal. "
                         "En avril 2019, le ministre malien des Affaires étrangères Tiébilé Dramé s'est rendu au "
                         "Sénégal.", "2019")
    trips = visits(facts, "MLI", "SEN")
    assert len(trips) == 2, trips
    assert only([v for v in trips if participant_named(v, "Dramé")]).date_start == "2019-04"


@pytest.mark.parametrize("text, guest, host, leader, other", [
    pytest.param("La visite officielle de la délégation parlementaire ghanéenne conduite par le président du Parlement "
                 "Alban Bagbin au Togo a commencé. Elle prolonge la visite du président ghanéen John Mahama, effectuée "
                 "à la fin du mois de mars 2025. La délégation s'est entretenue avec le président togolais Faure "
                 "Gnassingbé.", "GHA", "TGO", "Bagbin", "Mahama", id="fr"),
    pytest.param("The official visit of the Kenyan parliamentary delegation led by Speaker Moses Wetangula to Tanzania "
                 "has begun. It follows the visit of Kenyan President William Ruto, which took place at the end of March "
                 "2025. The delegation met Tanzanian President Samia Suluhu Hassan.", "KEN", "TZA", "Wetangula", "Ruto",
                 id="en"),
])
def test_another_travellers_recent_trip_dates_neither_the_visit_nor_its_talks(pipeline, text, guest, host, leader, other):
    # the trip of the month before, by another traveller, is recalled: the visit under way and the talks it opens
    # are the article's, of its month
    facts = extract_detected(pipeline, text, "2025-04")
    trips = visits(facts, guest, host)
    assert only([v for v in trips if participant_named(v, leader)]).date_start == "2025-04"
    assert only([v for v in trips if participant_named(v, other)]).date_start == "2025-03"
    assert only(events_between(facts, "meeting", guest, host)).date_start == "2025-04"


@pytest.mark.parametrize("text, lang_date, guest, host", [
    ("Mardi, une mission commerciale belge conduite par Pieter De Crem, secrétaire d'État au Commerce extérieur, était "
     "de passage à Istanbul.", "2015-04-29", "BEL", "TUR"),
    ("Lors de son passage à Dakar, le Premier ministre malien Choguel Maïga a rencontré le président Macky Sall.",
     "2021-06-08", "MLI", "SEN"),
    ("Le président ivoirien Alassane Ouattara a fait une escale à Rabat lundi.", "2015-04-29", "CIV", "MAR"),
    ("During a stopover in Paris on Monday, Malian Prime Minister Choguel Maiga met French President Emmanuel Macron.",
     "2021-06-08", "MLI", "FRA"),
])
def test_a_stay_in_passing_or_a_stopover_is_a_visit(pipeline, text, lang_date, guest, host):
    only(visits(extract_detected(pipeline, text, lang_date), guest, host))


@pytest.mark.parametrize("text", ["Le passage à l'euro de la Croatie a eu lieu en 2023.",
                                  "Le passage de témoin entre les présidents sénégalais a eu lieu à Dakar."])
def test_a_passage_to_no_place_is_no_visit(extract_text, text):
    assert events(extract_text(text, "2024-01-10"), "visit") == []


def test_two_days_of_one_visit_with_two_travellers_are_one_visit(extract_text):
    facts = extract_text("Le Premier ministre malien Choguel Maïga est arrivé à Dakar mercredi 6 mars pour une visite "
                         "officielle au Sénégal. Vendredi 8 mars, le ministre malien des Affaires étrangères Abdoulaye "
                         "Diop, membre de la délégation, s'est rendu à Saint-Louis au Sénégal.", "2024-03-12")
    v = only(visits(facts, "MLI", "SEN"))
    assert (v.date_start, v.date_end) == ("2024-03-06", "2024-03-08")


def test_legs_of_a_tour_told_in_a_clause_of_the_future_are_to_come(extract_text):
    facts = extract_text("Le président ghanéen est arrivé dimanche à Lomé, première étape d'une tournée dans la région "
                         "qui le conduira au Bénin puis au Nigeria.", "2023-03-06")
    assert visits(facts, "GHA", "TGO", "happened")
    assert visits(facts, "GHA", "BEN", "planned") and visits(facts, "GHA", "NGA", "planned")
    assert not visits(facts, "GHA", "BEN", "happened") and not visits(facts, "GHA", "NGA", "happened")


@pytest.mark.parametrize("text", [
    "La visite du président ghanéen, qui devrait renforcer les liens, l'a conduit au Togo le 3 avril.",
    "La tournée du président ghanéen, qui s'achèvera vendredi, l'a déjà conduit au Togo et au Bénin.",
])
def test_a_clause_of_the_future_about_the_trip_itself_leaves_its_legs_done(extract_text, text):
    facts = extract_text(text, "2020-05-01")
    assert visits(facts, "GHA", "TGO", "happened")


def test_talks_held_in_the_course_of_a_visit_make_it_no_less_a_fact(extract_text):
    # "au cours de sa visite": the setting of the talks; "discuter" governs no wish of the visit's
    facts = extract_text("Au cours de sa visite à Lima, le ministre chilien des Affaires étrangères Heraldo Muñoz a "
                         "discuté avec son homologue péruvien de la frontière maritime.", "2015-06-01")
    assert only(visits(facts, "CHL", "PER")).status == "happened"


def test_a_country_named_as_an_earlier_leg_is_not_the_traveller(extract_text):
    facts = extract_text("Après la France, le chef de l'Etat est en visite officielle en Éthiopie depuis jeudi. Le "
                         "président djiboutien Ismaïl Omar Guelleh y rencontrera le Premier ministre.", "2017-03-20")
    assert not visits(facts, "FRA", "ETH")


def test_the_people_of_an_opening_clause_on_another_leg_are_not_the_traveller(extract_text):
    facts = extract_text("Après s'être déjà rendu en Espagne le 3 mai pour y rencontrer le président du gouvernement "
                         "Pedro Sánchez, le Premier ministre Narendra Modi est en visite officielle du 5 au 7 mai en "
                         "France.", "2018-05-05")
    assert not visits(facts, "ESP", "FRA")
    assert only(visits(facts, "IND", "FRA")).date_start == "2018-05-05"


def test_a_guest_received_at_a_seat_of_power_visits_its_country(extract_text):
    # lang/fr/seats.tsv: "l'Élysée", "le Kremlin" are their country's capital
    facts = extract_text("Le président sénégalais Macky Sall a été reçu mardi au Kremlin par Vladimir Poutine.",
                         "2018-05-01")
    assert only(visits(facts, "SEN", "RUS")).location["country"] == "RUS"
    facts = extract_text("Le président ghanéen John Mahama a été reçu au palais de l'Élysée ce lundi par le président "
                         "François Hollande.", "2014-05-01")
    assert visits(facts, "GHA", "FRA")


@pytest.mark.parametrize("text, guest, host", [
    ("Le Premier ministre néo-zélandais, Jacinda Ardern, a assisté jeudi à Tokyo à la signature d'un accord "
     "de coopération avec le Japon.", "NZL", "JPN"),
    ("Le président kényan William Ruto a scellé lundi à Addis-Abeba le rapprochement de son pays avec "
     "l'Éthiopie en signant six accords avec le Premier ministre éthiopien, Abiy Ahmed.", "KEN", "ETH"),
    ("Le président chilien et son homologue péruvien se sont retrouvés à Lima, où les deux chefs d'État "
     "ont signé neuf accords de coopération.", "CHL", "PER"),
    ("Kenyan President William Ruto attended the signing of five agreements with Ethiopia in Addis Ababa on "
     "Monday.", "KEN", "ETH"),
])
def test_a_signing_attended_in_the_other_countrys_city_is_a_visit(extract_text, text, guest, host):
    facts = extract_text(text, "2024-03-08")
    v = only(visits(facts, guest, host), f"visit {guest}→{host}")
    assert v.status == "happened" and v.date_start


@pytest.mark.parametrize("text", [
    # signed in a third country: a summit's host, nobody's visit to the other
    "Le président kényan William Ruto a signé lundi à Genève un accord avec l'Éthiopie.",
    # a place in the agreement's name is no place of the signing
    "Le président kényan William Ruto a signé lundi l'accord d'Addis-Abeba avec l'Éthiopie.",
    # agreed at home, not where the other side is
    "Le président kényan William Ruto a signé lundi à Nairobi un accord avec l'Éthiopie.",
    # signed from afar (a reviewer's counter-examples)
    "In Addis Ababa, Prime Minister Abiy Ahmed signed a cooperation agreement with Kenyan President William Ruto "
    "via video link from his office.",
    "Ethiopian Foreign Minister Taye Atske Selassie signed the treaty in Addis Ababa on Tuesday; Kenyan President "
    "William Ruto had signed it in Nairobi a day earlier.",
])
def test_a_signing_elsewhere_or_a_place_in_a_name_is_no_visit(extract_text, text):
    facts = extract_text(text, "2024-03-08")
    assert not visits(facts, "KEN", "ETH")


def test_a_subject_the_parser_made_the_root_still_meets_and_visits(extract_text):
    # a long subject with its apposition, a verb in the present: the parser hangs the verb on the subject's noun
    facts = extract_text("La Première ministre de la Norvège, Erna Solberg, rencontre ce mardi 4 juin son "
                         "homologue indien, Narendra Modi, à New Delhi.", "2019-06-04")
    m = only(events_between(facts, "meeting", "NOR", "IND"), "meeting NOR–IND")
    assert participant_named(m, "Solberg") and participant_named(m, "Modi")
    v = only(visits(facts, "NOR", "IND"), "visit NOR→IND")
    assert v.date_start == "2019-06-04"


def test_talks_after_which_something_may_happen_are_not_yet_a_fact(extract_text):
    facts = extract_text("Les sanctions pourraient être levées après des pourparlers entre les ministres russe et "
                         "ukrainien des Affaires étrangères.", "2022-03-01")
    assert all(m.status != "happened" for m in events(facts, "meeting"))


def test_a_bare_title_on_a_visit_is_no_one_of_the_articles_other_country(extract_text):
    # a reviewer's counter-example of a reverted rule: the Prime Minister is some third country's
    facts = extract_text("La Russie a lancé de nouvelles frappes sur l'Ukraine. Kiev accuse Moscou de viser ses "
                         "infrastructures énergétiques. Le Premier ministre est en visite en Ukraine depuis lundi.",
                         "2024-03-12")
    assert not visits(facts, "RUS", "UKR")


def test_talks_placed_in_one_sentence_and_peopled_in_another_are_a_visit(extract_text):
    # the sentence with the place names no one; the same talks name their people in the next one
    facts = extract_text("La deuxième réunion de haut niveau entre le Kenya et l'Éthiopie s'est achevée mercredi à "
                         "Addis-Abeba. À l'issue de la réunion, le président kényan William Ruto et le Premier "
                         "ministre éthiopien Abiy Ahmed ont salué des relations excellentes.", "2031-10-03")
    assert only(visits(facts, "KEN", "ETH"), "visit KEN→ETH").status == "happened"


def test_a_place_in_the_clause_told_at_the_talks_is_not_theirs(extract_text):
    # "à l'Éthiopie" is to whom the oil goes, not where the press conference was
    facts = extract_text("Le président kényan William Ruto a expliqué, au cours d'une conférence de presse commune "
                         "avec le Premier ministre éthiopien Abiy Ahmed, qu'il s'était engagé à fournir à l'Éthiopie "
                         "150 000 barils par mois.", "2031-10-03")
    assert not visits(facts, "KEN", "ETH")
    assert all(not e.location for e in events(facts, "meeting"))


def test_a_visit_spoken_of_in_the_past_is_not_made(extract_text):
    # "ont évoqué une éventuelle visite": the past verb speaks of the visit, it does not make it
    facts = extract_text("Les deux parties ont également évoqué une éventuelle visite du président chilien Gabriel "
                         "Boric en Norvège dans le courant de l'année.", "2031-06-05")
    assert all(v.status != "happened" for v in visits(facts, "CHL", "NOR"))


@pytest.mark.parametrize("text, place", [
    # a reviewer's counter-examples: a clause told of the talks keeps their place
    ("Les pourparlers entre la Russie et l'Ukraine, qui se déroulent depuis lundi en Turquie, n'ont pas abouti.",
     "TUR"),
    ("La rencontre entre Emmanuel Macron et Abdelmadjid Tebboune, organisée vendredi à Alger, a permis de relancer "
     "la relation.", "DZA"),
    ("Le président sénégalais Macky Sall s'est entretenu avec son homologue gambien Adama Barrow au palais "
     "présidentiel, après avoir atterri à Banjul dans la matinée.", "GMB"),
    # talks with no place of their own, in the sentence of the arrival in the other side's city
    ("Le président guinéen Alpha Condé s'est entretenu avec son homologue malien Ibrahim Boubacar Keïta au palais "
     "de Koulouba, peu après être arrivé à Bamako.", "MLI"),
])
def test_a_clause_told_of_the_talks_keeps_their_place(extract_text, text, place):
    facts = extract_text(text, "2022-08-27")
    assert [(m.location or {}).get("country") for m in events(facts, "meeting")] == [place]


@pytest.mark.parametrize("text, guest, host", [
    ("Ugandan President Yoweri Museveni signed the pipeline agreement with Kenyan President William Ruto in Kampala "
     "on Tuesday.", "KEN", "UGA"),
    ("Le ministre marocain des Affaires étrangères Nasser Bourita a signé l'accord mardi à Rabat en présence de son "
     "homologue espagnol José Manuel Albares.", "ESP", "MAR"),
    ("Uganda and Kenya signed in Kampala an agreement on cross-border mobile phone roaming, Kenyan President William "
     "Ruto said.", "KEN", "UGA"),
])
def test_a_signer_named_by_the_signing_verb_was_at_its_place(extract_text, text, guest, host):
    facts = extract_text(text, "2023-05-09")
    assert visits(facts, guest, host)


def test_talks_held_elsewhere_the_same_day_lend_no_traveller(extract_text):
    facts = extract_text("Egyptian President Abdel Fattah al-Sisi met Ethiopian Prime Minister Abiy Ahmed in Cairo on "
                         "Tuesday. On the same day, technical talks between Egypt and Ethiopia on the dam were held "
                         "in Addis Ababa.", "2020-01-15")
    assert not visits(facts, "EGY", "ETH")


# ----------------------------------------------------------------------------- met in unseen articles (blind batches)

def test_a_pronoun_subject_of_a_landing_is_the_person_named_before(extract_text):
    # the tagger does not always mark "Il" as a personal pronoun; "atterrir" is a verb of arrival
    facts = extract_text("Le président colombien Gustavo Petro est arrivé en Europe dimanche. Il a atterri lundi "
                         "matin à Madrid pour une visite d'État.", "2023-05-03")
    v = only(visits(facts, "COL", "ESP"))
    assert v.visit_kind == "state" and v.date_start == "2023-05-01"


def test_a_city_set_off_by_commas_after_a_named_building_is_the_place(extract_text):
    facts = extract_text("President Nana Akufo-Addo hosted President Patrice Talon of Benin at the Jubilee House, "
                         "Accra, on Monday.", "2022-06-08")
    assert only(visits(facts, "BEN", "GHA")).date_start == "2022-06-06"


def test_a_city_after_a_comma_and_followed_by_a_verb_is_no_place(extract_text):
    facts = extract_text("In the negotiations, Accra insisted on the border with Togo, Ghanaian officials said.",
                         "2022-06-08")
    assert not events(facts, "visit")


def test_countries_listed_after_a_comma_as_many_as_counted(extract_text):
    facts = extract_text("Le président turc, au terme d'une tournée qui l'a déjà conduit dans trois pays d'Afrique "
                         "de l'Ouest, le Ghana, le Togo, le Bénin, est arrivé ce jeudi 4 mai 2023 à Abuja.",
                         "2023-05-04")
    for host in ("GHA", "TGO", "BEN", "NGA"):
        assert visits(facts, "TUR", host), host


def test_a_visit_under_way_began_on_the_day_of_its_talks(extract_text):
    facts = extract_text("Indonesian President Joko Widodo is on a state visit to Vietnam.\n\nOn Tuesday, 9 January, "
                         "the summit talks between President Joko Widodo and President of Vietnam Vo Van Thuong took "
                         "place in Hanoi.", "2024-01-10")
    v = only(visits(facts, "IDN", "VNM"))
    assert (v.date_start, v.date_end) == ("2024-01-09", "2024-01-10")


def test_a_visit_one_arrived_for_happened_whatever_it_is_expected_to_do(extract_text):
    facts = extract_text("Jordanian Prime Minister Bisher Khasawneh arrived in Baghdad on Sunday for a two-day "
                         "official visit expected to focus on energy and transport links.", "2021-11-15")
    assert visits(facts, "JOR", "IRQ") and not visits(facts, "JOR", "IRQ", status="planned")


@pytest.mark.parametrize("text, guest, host", [
    ("The two presidents have signed two such declarations this year. The first, signed in March during Tokayev's "
     "visit to Uzbekistan, set up a council. President Kassym-Jomart Tokayev of Kazakhstan met President Shavkat "
     "Mirziyoyev of Uzbekistan in Astana on Friday.", "KAZ", "UZB"),
    ("Le président kazakh Kassym-Jomart Tokaïev a reçu vendredi à Astana son homologue ouzbek Shavkat Mirziyoyev. "
     "La première déclaration, signée en mars lors de la visite de Tokaïev en Ouzbékistan, a créé un conseil.",
     "KAZ", "UZB"),
])
def test_a_visit_framing_a_dated_verb_took_place_then(extract_text, text, guest, host):
    facts = extract_text(text, "2023-09-16")
    assert [v.date_start for v in visits(facts, guest, host)] == ["2023-03"]


@pytest.mark.parametrize("text, visit", [
    ("Le président Cyril Ramaphosa a tenu un sommet avec le président Joao Lourenço le 12 juin en Angola.", True),
    ("Lors du sommet sur l'océan à Lisbonne, le président Cyril Ramaphosa a rencontré le Premier ministre portugais "
     "António Costa.", False),
])
def test_a_summit_of_the_two_sides_is_no_gathering(extract_text, text, visit):
    facts = extract_text(text, "2022-06-14")
    assert bool(visits(facts, "ZAF", "AGO") or visits(facts, "ZAF", "PRT")) is visit


def test_debarquer_with_an_object_is_no_arrival(extract_text):
    # "débarquer" is also "to sack": not a verb of arrival
    facts = extract_text("Le président tunisien Kaïs Saïed a débarqué mardi son ambassadeur à Paris, selon un décret "
                         "publié au Journal officiel.", "2021-05-20")
    assert not events(facts, "visit")


@pytest.mark.parametrize("text, guest, host, first", [
    ("C'est la deuxième fois que le président ghanéen Nana Akufo-Addo effectue une visite au Togo. La première "
     "remonte à mars 2017, quelques semaines après son investiture.", "GHA", "TGO", "2017-03"),
    ("It is the second time that Ghanaian President Nana Akufo-Addo has visited Togo. The first was in March 2017, "
     "weeks after he took office.", "GHA", "TGO", "2017-03"),
])
def test_the_first_of_visits_counted_by_occasion_is_a_visit_of_its_own(extract_text, text, guest, host, first):
    facts = extract_text(text, "2019-06-10")
    assert first in [v.date_start for v in visits(facts, guest, host)]


@pytest.mark.parametrize("text, status", [
    ("Mme Example sera la deuxième présidente du Ghana à effectuer une visite d'État au Japon.", "planned"),
    ("Mme Example était la deuxième présidente du Ghana à effectuer une visite d'État au Japon.", "happened"),
])
def test_a_nominal_predicate_carries_its_tense_on_its_copula(extract_text, text, status):
    facts = extract_text(text, "2018-05-31")
    v = only(visits(facts, "GHA", "JPN"))
    assert v.status == status


def test_leaving_a_capital_for_another_is_a_trip_there(extract_text):
    facts = extract_text("Le président haïtien a laissé Port-au-Prince dimanche à destination de Brasilia, où il "
                         "assiste lundi à une conférence régionale.", "2010-04-26")
    v = only(visits(facts, "HTI", "BRA"))
    assert v.status == "happened" and v.date_start == "2010-04-25"


def test_leaving_something_is_no_trip(extract_text):
    facts = extract_text("Le président haïtien a laissé la porte ouverte à une coopération avec le Brésil.",
                         "2010-04-26")
    assert not events(facts, "visit")


def test_a_relative_pronoun_after_a_day_stands_for_the_person_named_last(extract_text):
    # the parser hangs "who arrived" on "Sunday"; the traveller is the guest received, not his host
    facts = extract_text("Ghanaian President Kwame Example received Togolese President Kofi Example at the Castle "
                         "in Accra on Sunday, who arrived in Ghana for a two-day visit.", "2018-02-12")
    assert not visits(facts, "GHA", "TGO")
    v = only(visits(facts, "TGO", "GHA"))
    assert participant_named(v, "Kofi")


@pytest.mark.parametrize("text, guest, host, month", [
    ("Le ministre danois des Affaires étrangères a séjourné au Ghana du 8 au 9 juin 2016 en provenance du Togo.",
     "DNK", "TGO", "2016-06"),
    ("Durant sa visite entamée vendredi 13 février à Dakar, où il est arrivé en provenance du Mali, le président "
     "chinois n'a tenu aucun discours public.", "CHN", "MLI", "2009-02"),
])
def test_the_country_a_traveller_comes_from_is_a_leg_of_his_trip(extract_text, text, guest, host, month):
    facts = extract_text(text, "2009-02-14" if "chinois" in text else "2016-06-12")
    leg = only(visits(facts, guest, host))
    assert (leg.status, leg.date_start) == ("happened", month)


def test_coming_home_is_no_leg(extract_text):
    facts = extract_text("Le ministre danois des Affaires étrangères est arrivé mardi 7 juin à Accra en provenance du "
                         "Danemark.", "2016-06-12")
    assert not visits(facts, "DNK", "DNK")
    assert [v.host for v in events(facts, "visit")] == ["GHA"]


@pytest.mark.parametrize("text, date, day", [
    ("Le ministre danois Lars Exemple a séjourné au Ghana du 8 au 9 juin 2016. Au lendemain de cette courte visite, il "
     "rencontrait à "
     "Copenhague le ministre togolais des Affaires étrangères.", "2016-06-12", "2016-06-10"),
    ("The Danish minister visited Ghana from June 8 to 9, 2016. The day after the visit, he met Togo's foreign "
     "minister in Copenhagen.", "2016-06-12", "2016-06-10"),
])
def test_the_day_after_an_event_told_before(extract_text, text, date, day):
    facts = extract_text(text, date)
    m = only(events_between(facts, "meeting", "DNK", "TGO"))
    assert m.date_start == day


@pytest.mark.parametrize("text, start, end", [
    ("The Fijian Prime Minister returned home yesterday after a successful two week visit to Australia.",
     "2011-08-09", "2011-08-22"),
    ("Le Premier ministre fidjien est rentré hier à Suva après une visite de trois jours en Australie.",
     "2011-08-20", "2011-08-22"),
])
def test_a_visit_after_which_the_traveller_returned_ended_that_day(extract_text, text, start, end):
    facts = extract_text(text, "2011-08-23")
    v = only(visits(facts, "FJI", "AUS"))
    assert (v.date_start, v.date_end) == (start, end)


def test_a_place_pronoun_stands_for_the_capital_named_before(extract_text):
    facts = extract_text("Lomé, la capitale du Togo, a réservé un accueil chaleureux au président ghanéen Kwame "
                         "Exemple, qui y a séjourné les 17 et 18 septembre 2018 dans le cadre d'une visite de travail.",
                         "2018-09-19")
    v = only(visits(facts, "GHA", "TGO"))
    assert (v.date_start, v.date_end) == ("2018-09-17", "2018-09-18")


# ----------------------------------------------------------------------------- a reviewer's counter-examples

@pytest.mark.parametrize("text", [
    # the visit is the subject of the future predicate, not in its clause; "serait" reports, it does not plan
    "La visite effectuée lundi à Paris par le président sénégalais Amadou Diallo sera le point de départ d'une "
    "nouvelle coopération entre la France et le Sénégal.",
    "Le président sénégalais Macky Diop, dont la visite lundi en France serait la première depuis son élection, a "
    "rencontré le président Paul Durand.",
])
def test_a_future_predicate_does_not_plan_its_subject_nor_a_reported_conditional(extract_text, text):
    facts = extract_text(text, "2023-05-10")
    v = only(visits(facts, "SEN", "FRA"))
    assert (v.status, v.date_start) == ("happened", "2023-05-08")


@pytest.mark.parametrize("lang_text", [
    "Kenyan President John Otieno began a visit to China on Monday, two weeks after the Chinese foreign minister "
    "visited Nairobi.",
    "Le président kényan John Otieno a entamé lundi une visite en Chine, deux semaines après la visite du ministre "
    "chinois des Affaires étrangères à Nairobi.",
])
def test_weeks_before_or_after_a_visit_are_not_its_length(extract_text, lang_text):
    facts = extract_text(lang_text, "2023-05-10")
    v = only(visits(facts, "KEN", "CHN"))
    assert (v.date_start, v.date_end) == ("2023-05-08", None)


@pytest.mark.parametrize("text", [
    "Le président nigérien Mahamane Ousmane a laissé la France pour la Russie comme partenaire militaire, selon le "
    "ministre nigérien de la Défense Issa Moussa.",
])
def test_leaving_a_partner_for_another_is_no_trip(extract_text, text):
    assert not events(extract_text(text, "2023-05-10"), "visit")


def test_the_city_a_traveller_comes_from_is_not_a_leg(extract_text):
    facts = extract_text("Le ministre sénégalais Amadou Ndiaye est arrivé lundi à Rabat en provenance de Paris, où il "
                         "réside depuis dix ans.", "2023-05-10")
    assert not visits(facts, "SEN", "FRA")


def test_the_eve_of_another_visit_lends_no_date(extract_text):
    facts = extract_text("Le président ivoirien Alassane Kone a effectué du 2 au 4 mai une visite d'État au Japon. À la "
                         "veille de sa visite en Chine, prévue la semaine prochaine, il a reçu l'ambassadeur chinois Li "
                         "Wei à Abidjan.", "2023-05-10")
    assert all(m.date_start != "2023-05-03" for m in events(facts, "meeting"))


def test_which_after_a_place_is_no_person(extract_text):
    facts = extract_text("Prime Minister Raj Kumar met Japanese Foreign Minister Kenji Sato in New Delhi on Monday, "
                         "which will host the G20 summit in September.", "2023-05-10")
    assert len(events(facts, "meeting")) == 1


# ----------------------------------------------------------------------------- a second reviewer's counter-examples

@pytest.mark.parametrize("text, date", [
    ("Le président malien a laissé un message à destination de la Chine lundi.", "2015-06-10"),
    ("Lors de sa visite en Turquie lundi, la chancelière allemande Angela Merkel a évoqué les réfugiés en provenance "
     "de Syrie.", "2015-06-10"),
    ("Un diplomate du Niger a confié lundi qu'il y a eu une visite secrète du président burkinabè.", "2015-06-10"),
])
def test_no_trip_to_a_place_only_spoken_of(extract_text, text, date):
    facts = extract_text(text, date)
    assert not [v for v in events(facts, "visit") if v.host in ("CHN", "SYR", "NER")]


@pytest.mark.parametrize("text, start, end", [
    ("US Secretary of State John Kerry arrived in Israel on Monday for his second visit in two weeks.",
     "2015-06-08", None),
    ("After a three-day visit to China that began on June 3, Senegalese President Macky Sall arrived in Tokyo on "
     "Monday.", "2015-06-03", "2015-06-05"),
])
def test_a_visit_keeps_its_own_days(extract_text, text, start, end):
    facts = extract_text(text, "2015-06-10")
    v = next(v for v in events(facts, "visit") if v.host in ("ISR", "CHN"))
    assert (v.date_start, v.date_end) == (start, end)


@pytest.mark.parametrize("text, day", [
    ("Le président sénégalais Macky Sall a effectué du 3 au 5 juin une visite d'État en Chine. Au lendemain de son "
     "arrivée, il a rencontré le Premier ministre chinois Li Keqiang.", "2015-06-04"),
    ("Le président sénégalais Macky Sall a effectué les 3 et 4 mai une visite en Chine. À la veille de sa visite "
     "d'État du 10 juin, il s'est entretenu au téléphone avec le président français François Hollande.", None),
])
def test_the_day_next_to_an_arrival_or_to_an_event_with_its_own_day(extract_text, text, day):
    facts = extract_text(text, "2015-06-10")
    talks = [e for e in facts.events if e.type in ("meeting", "call") and e.status == "happened"]
    assert talks
    if day is None:
        assert all(e.date_start != "2015-05-03" for e in talks)
    else:
        assert talks[0].date_start == day


def test_a_call_before_a_future_first_meeting_happened(extract_text):
    facts = extract_text("Le Premier ministre japonais Shinzo Abe sera le premier dirigeant étranger à rencontrer le "
                         "président élu américain, après s'être entretenu au téléphone avec lui jeudi.", "2015-06-10")
    call = only(events(facts, "call"))
    assert (call.status, call.date_start) == ("happened", "2015-06-04")


@pytest.mark.parametrize("text, dates", [
    ("Le président gabonais s'est rendu en Chine en octobre 1999, en juin 2003 et en mai 2007.",
     {"1999-10", "2003-06", "2007-05"}),
    ("Le chef de l'État gabonais s'est rendu en Chine à plusieurs reprises : février 2001 ; - novembre 2004 ;"
     " - août 2008.", {"2001-02", "2004-11", "2008-08"}),
    ("Le président gabonais s'est rendu en Chine en 1999 puis en 2003.", {"1999", "2003"}),
    # the days of one stay, a span and another verb's date: one visit
    ("Le président gabonais s'est rendu en Chine les 12 et 13 mai 2005.", {"2005-05-12"}),
    ("Le président gabonais s'est rendu en Chine de 1999 à 2003.", {"1999"}),
    ("Le président gabonais s'est rendu en Chine en 1999 et a reçu le Premier ministre chinois en 2003.", {"1999"}),
])
def test_a_visit_dated_by_a_list_of_dates_happened_at_each(extract_text, text, dates):
    facts = extract_text(text, "2010-01-10")
    assert {v.date_start for v in visits(facts, "GAB", "CHN")} == dates
    assert len(visits(facts, "GAB", "CHN")) == len(dates)


def test_the_person_a_first_visit_is_counted_from_made_the_same_trip(extract_text):
    facts = extract_text("Premier chef de gouvernement canadien à se rendre au Mexique depuis Brian Mulroney en 1990, "
                         "Justin Trudeau s'entretiendra jeudi avec le président mexicain.", "2016-06-27")
    earlier = [v for v in visits(facts, "CAN", "MEX") if v.date_start == "1990"]
    assert len(earlier) == 1 and participant_named(earlier[0], "Mulroney")
    assert not any(participant_named(v, "Mulroney") for v in visits(facts, "CAN", "MEX") if v.date_start != "1990")


@pytest.mark.parametrize("text, lang", [
    ("Le président djiboutien Ismail Omar Guelleh a reçu lundi le ministre japonais de la Défense, Gen Nakatani, en "
     "visite officielle dans la région.", "fr"),
    ("Djibouti's President Ismail Omar Guelleh received Japan's Defence Minister Gen Nakatani, on an official visit "
     "to the region, on Monday.", "en"),
])
def test_a_guest_received_on_a_visit_is_visiting_the_receivers_country(pipeline, text, lang):
    facts = extract_detected(pipeline, text, "2025-08-20")
    assert facts.document.lang == lang
    v = only(visits(facts, "JPN", "DJI"))
    assert v.visit_kind == "official" and participant_named(v, "Nakatani")


@pytest.mark.parametrize("text, lang", [
    ("La présidente argentine Cristina Kirchner est arrivée en Inde pour une visite d'État. Le Premier ministre "
     "indien Narasimha Rao avait effectué une visite retour en 1994.", "fr"),
    ("Argentine President Cristina Fernandez de Kirchner arrived in India for a five-day state visit. A reciprocal "
     "visit by Indian Prime Minister Narasimha Rao took place in 1994.", "en"),
])
def test_a_return_visit_is_to_the_other_country_of_the_story(pipeline, text, lang):
    facts = extract_detected(pipeline, text, "2009-10-15")
    assert facts.document.lang == lang
    back = only(visits(facts, "IND", "ARG"))
    assert back.date_start == "1994" and participant_named(back, "Rao")


@pytest.mark.parametrize("text, lang, expected", [
    # a date of another clause after the list words is that clause's
    ("Kenyan President Uhuru Kenyatta visited China in 2015, and in 2018 Beijing financed the new railway.", "en",
     {("KEN", "CHN", "2015")}),
    ("Le président ivoirien Alassane Ouattara s'est rendu à Accra en janvier, et en février le Ghana a fermé sa "
     "frontière.", "fr", {("CIV", "GHA", "2023-01")}),
    # a receiver told to be elsewhere does not host the guest's visit
    ("Le chef de l'État sénégalais, qui séjourne à Paris, a reçu lundi le Premier ministre malien, en visite de "
     "travail.", "fr", set()),
    # a return visit announced is not made
    ("Chinese Premier Li Qiang visited Australia on Monday. A return visit by Australian Prime Minister Anthony "
     "Albanese is expected later this year.", "en", {("CHN", "AUS", "2023-05-08")}),
    # meetings held one by one in the guest's host country: the guest's visit
    ("Indian External Affairs Minister S. Jaishankar held meetings with Sri Lankan President Ranil Wickremesinghe and "
     "Prime Minister Dinesh Gunawardena in Colombo on Friday.", "en", {("IND", "LKA", "2023-05-05")}),
])
def test_visits_not_made_by_other_clauses_announcements_or_stays(pipeline, text, lang, expected):
    facts = extract_detected(pipeline, text, "2023-05-10")
    assert facts.document.lang == lang
    assert {(v.guest, v.host, v.date_start) for v in events(facts, "visit", "happened")} == expected


@pytest.mark.parametrize("text", [
    "La visite du président angolais João Lourenço au Portugal, prévue le 12 mars, a été reportée à une date "
    "ultérieure.",
    "La visite du président angolais João Lourenço au Portugal en mars a été annulée.",
])
def test_a_visit_called_off_is_not_remembered_as_made(extract_text, text):
    facts = extract_text(text, "2023-04-01")
    assert not visits(facts, "AGO", "PRT", status="happened")
    assert visits(facts, "AGO", "PRT", status="negated")


def test_a_visit_told_again_after_an_aside_on_its_first_date_happened_at_each(extract_text):
    facts = extract_text("Le président hondurien s'était rendu au Japon une première fois en mars 2011 en tant que "
                         "président du Congrès, puis à nouveau en avril 2016 en tant que chef de l'État.", "2018-05-02")
    assert sorted(v.date_start for v in visits(facts, "HND", "JPN")) == ["2011-03", "2016-04"]
    # a verb of its own in the aside tells another clause: its date is not the visit's
    facts = extract_text("Le président hondurien s'était rendu au Japon en mars 2011, où il a signé un accord, puis à "
                         "nouveau en avril 2016.", "2018-05-02")
    assert "2011-03" in [v.date_start for v in visits(facts, "HND", "JPN")]


def test_a_day_set_off_after_a_since_phrase_is_the_reference_points(extract_text):
    facts = extract_text("Le président hondurien, dont c'est la deuxième visite au Japon, est le premier chef d'État à "
                         "effectuer une visite officielle depuis l'investiture du Premier ministre japonais, le 20 mai "
                         "dernier.", "2016-10-03")
    assert all(v.date_start != "2016-05-20" for v in visits(facts, "HND", "JPN"))


def test_a_state_described_by_what_it_was_is_no_party(extract_text):
    facts = extract_text("Il s'agit de la première visite à l'étranger de M. Tokaïev depuis qu'il a été élu à la tête du "
                         "Kazakhstan, ex-république soviétique d'Asie centrale. Il a rencontré jeudi à Moscou le "
                         "président Vladimir Poutine.", "2019-04-04")
    assert not [e for e in facts.events if "SUN" in e.countries]
    assert events_between(facts, "meeting", "KAZ", "RUS")


def test_an_invitation_to_travel_parsed_without_its_verb_is_a_plan(extract_text):
    facts = extract_text("M. Japarov a en outre invité M. Poutine à se rendre au Kirghizstan.", "2021-02-25")
    assert not visits(facts, "RUS", "KGZ", status="happened")


def test_talks_abroad_months_before_another_visit_are_a_visit_of_their_own(extract_text):
    facts = extract_text("Le ministre bahreïni des Affaires étrangères a effectué mercredi une visite de travail à Moscou. "
                         "En juillet 2019, la présidente du Conseil des représentants bahreïni, Fawzia Zainal, avait "
                         "rencontré à Moscou les présidents des chambres de l'Assemblée fédérale russe.", "2019-11-21")
    assert sorted(v.date_start for v in visits(facts, "BHR", "RUS", status="happened")) == ["2019-07", "2019-11-20"]


def test_a_number_of_nationals_is_no_traveller_but_the_number_one_is(extract_text):
    assert not events(extract_text("Plus de 200 000 Thaïlandais se sont rendus au Vietnam en 2016.", "2017-08-15"),
                      "visit")
    facts = extract_text("Ce mardi 19 janvier, le numéro 1 béninois Patrice Talon s'est rendu à Abuja.", "2021-01-20")
    assert visits(facts, "BEN", "NGA")


def test_a_city_of_kosovo_is_placed_in_kosovo(extract_text):
    facts = extract_text("Le Premier ministre albanais et son homologue kosovar ont signé samedi à Prizren un accord de "
                         "coopération.", "2014-01-13")
    v = only(visits(facts, "ALB", "XKX"))
    assert v.location == {"country": "XKX", "city": "Prizren"}



def test_the_capital_of_a_state_that_is_no_more_is_that_state(extract_text):
    facts = extract_text("Le président indien a rappelé qu'Indira Gandhi s'était rendue dans la capitale yougoslave en "
                         "1971 pour rencontrer le maréchal Tito.", "2022-06-10")
    assert visits(facts, "IND", "YUG")
    facts = extract_text("En 1971, le Premier ministre indien avait signé à New Delhi un traité d'amitié avec l'Etat "
                         "soviétique.", "2022-06-10")
    assert events_between(facts, "agreement", "IND", "SUN")


def test_a_wish_in_a_relative_clause_does_not_make_the_trip_s_talks_a_wish(extract_text):
    facts = extract_text("Le ministre japonais qui appelait au dialogue s'est rendu lundi à Séoul pour rencontrer son "
                         "homologue sud-coréen.", "2022-06-10")
    assert [m.status for m in events_between(facts, "meeting", "JPN", "KOR")] == ["happened"]


def test_talks_before_a_forum_opens_are_no_visit_to_its_host(extract_text):
    facts = extract_text("Le président sénégalais a rencontré jeudi à Abidjan son homologue ivoirien, avant l'ouverture "
                         "du Forum de Paix.", "2022-06-10")
    assert not visits(facts, "SEN", "CIV")


def test_a_place_said_between_the_light_verb_and_the_visit_noun_is_the_visit_s(extract_text):
    facts = extract_text("La présidente péruvienne Dina Boluarte a effectué lundi à Quito sa première visite officielle "
                         "à l'étranger.", "2023-05-09")
    v = only(visits(facts, "PER", "ECU"))
    assert v.location == {"country": "ECU", "city": "Quito"}
    assert v.date_start == "2023-05-08"


def test_a_visit_of_one_received_in_the_passive_is_to_the_receiver_s_country(extract_text):
    facts = extract_text("Le président malien, venu pour une visite de travail, a été reçu lundi au palais par le roi "
                         "Mohammed VI.", "2014-02-18")
    assert only(visits(facts, "MLI", "MAR")).visit_kind == "working"


def test_a_place_inside_an_aside_before_the_visit_noun_is_not_the_visit_s(extract_text):
    facts = extract_text("Le président malien a effectué samedi, de retour d'un sommet à Addis-Abeba, une visite à Kidal.",
                         "2015-06-01")
    assert not visits(facts, "MLI", "ETH")


def test_the_neighbouring_country_is_another_than_the_story_s(extract_text):
    facts = extract_text("Le Premier ministre indien est arrivé samedi au Sri Lanka. Il se rendra lundi dans le pays "
                         "voisin, les Maldives.", "2015-06-01")
    assert not [v for v in visits(facts, "IND", "LKA") if v.status == "planned"]


def test_ryad_is_a_french_spelling_of_the_saudi_capital(extract_text):
    facts = extract_text("Le président sénégalais Macky Sall est arrivé lundi à Ryad pour une visite officielle.",
                         "2016-04-04")
    assert only(visits(facts, "SEN", "SAU")).location == {"country": "SAU", "city": "Ryad"}


def test_the_country_chosen_for_a_first_trip_is_its_host(extract_text):
    facts = extract_text("Élu en mars, le président paraguayen a choisi le Brésil pour effectuer son premier déplacement à "
                         "l'étranger.", "2023-05-09")
    assert visits(facts, "PRY", "BRA")
    facts = extract_text("Pour sa première visite en Asie centrale, le ministre italien des Affaires étrangères a choisi "
                         "le Kazakhstan.", "2023-05-09")
    assert visits(facts, "ITA", "KAZ")


def test_this_visit_is_the_trip_of_the_talks_told_before(extract_text):
    # the talks just told were held in the host's capital: "cette visite" is that trip, on their day
    facts = extract_text("Le président malien s'est entretenu le 3 mars 2015 à Nouakchott avec son homologue "
                         "mauritanien, avant l'ouverture du sommet régional. Le président mauritanien s'est réjoui de "
                         "cette visite, la première d'un chef d'État malien en Mauritanie depuis dix ans.", "2015-04-20")
    assert [v.date_start for v in visits(facts, "MLI", "MRT")] == ["2015-03-03"]


def test_this_visit_after_a_visit_told_is_the_same_visit(extract_text):
    facts = extract_text("Le président malien s'est entretenu le 3 mars 2015 à Nouakchott avec son homologue "
                         "mauritanien. Le président mauritanien s'est réjoui de cette visite.", "2015-04-20")
    assert [v.date_start for v in visits(facts, "MLI", "MRT")] == ["2015-03-03"]


def test_a_stay_told_in_the_imperfect_is_a_visit_only_with_its_visit_noun(extract_text):
    facts = extract_text("Le président ghanéen était à Lomé dans le cadre d'une tournée régionale.", "2017-12-21")
    assert visits(facts, "GHA", "TGO")
    facts = extract_text("Le président ghanéen était à Lomé quand la crise a éclaté.", "2017-12-21")
    assert not visits(facts, "GHA", "TGO")


def test_a_bare_noun_with_a_demonstrative_is_the_trip_just_told(extract_text):
    facts = extract_text("Le président ghanéen était à Lomé dans le cadre d'une tournée régionale. Cette tournée permettra "
                         "au Ghana de diversifier son économie après que le Nigeria a fermé ses frontières.", "2017-12-21")
    assert {(v.guest, v.host) for v in events(facts, "visit")} == {("GHA", "TGO")}


def test_a_clause_of_time_in_the_past_is_not_what_was_agreed(extract_text):
    facts = extract_text("Pendant que le président mexicain visitait l'Uruguay, les deux parties ont convenu de créer un "
                         "fonds.", "2009-08-15")
    assert only(visits(facts, "MEX", "URY")).status == "happened"


@pytest.mark.parametrize("text", [
    "Le Premier ministre turc a déclaré que des entretiens fructueux avaient été tenus dans le cadre de sa visite en "
    "Azerbaïdjan.",
    "Le Premier ministre turc a déclaré que des entretiens fructueux avaient été tenus lors de sa visite en Azerbaïdjan.",
])
def test_talks_held_during_a_visit_tell_that_visit(extract_text, text):
    # the subject of "tenir" (the talks) is no traveller: the visit is the one of the person who speaks
    assert visits(extract_text(text, "2010-05-17"), "TUR", "AZE")


def test_a_light_verb_the_lemmatiser_left_as_written_places_the_visit(extract_text):
    facts = extract_text("Le président ivoirien entame ce 29 août à Pékin, en Chine, une visite d'État.", "2018-08-29")
    assert only(visits(facts, "CIV", "CHN")).location == {"country": "CHN", "city": "Pékin"}


def test_a_stay_in_the_imperfect_is_no_visit_by_another_s_visit_noun(extract_text):
    facts = extract_text("Le président russe était à Pékin lorsque la visite du secrétaire d'État américain a été annulée.",
                         "2019-11-07")
    assert not visits(facts, "RUS", "CHN")


def test_an_international_official_travelling_with_a_leader_takes_no_country_from_him(extract_text):
    facts = extract_text("Emmanuel Macron s'est rendu mercredi à Pékin avec la présidente de la Commission européenne, "
                         "Ursula von der Leyen.", "2019-11-07")
    assert all(p.country != "FRA" for p in facts.persons if "Macron" not in p.name)


def test_a_country_a_relative_clause_says_was_visited_is_the_host(extract_text):
    facts = extract_text("Le Maroc, que le président Sarkozy a visité lundi, a acheté le TGV.", "2007-10-26")
    assert [v.date_start for v in visits(facts, "FRA", "MAR")] == ["2007-10-22"]
    # a thing visited in a capital is no visit of the country
    assert not visits(extract_text("C'est le musée que le président Sarkozy a visité à Rabat.", "2007-10-26"), "FRA", "MAR")


def test_a_place_pronoun_stands_for_the_place_the_sentence_before_went_to(extract_text):
    facts = extract_text("Le Président chinois Xi Jinping arrivera en Belgique ce 30 mars. Il s'y était déjà rendu en visite "
                         "officielle en octobre 2009, alors qu'il était vice-président.", "2014-03-20")
    assert [v.date_start for v in visits(facts, "CHN", "BEL", "happened")] == ["2009-10"]


def test_going_on_a_visit_in_the_past_is_no_plan(extract_text):
    facts = extract_text("Le roi des Belges est allé en visite officielle en Chine en 2005.", "2014-03-20")
    assert only(visits(facts, "BEL", "CHN")).status == "happened"
    facts = extract_text("Le roi des Belges va signer un accord avec la Chine.", "2014-03-20")
    assert not events(facts, "agreement", "happened")


def test_a_country_named_after_a_leader_of_its_namesake_stays_a_place(extract_text):
    facts = extract_text("Le président Félix Tshisekedi est arrivé au Congo lundi pour une visite de travail de deux jours.",
                         "2020-05-05")
    assert only(visits(facts, "COD", "COG")).participants


def test_countries_after_a_trip_noun_are_earlier_legs_not_those_of_a_comparison(extract_text):
    facts = extract_text("Le président turc Abdullah Gül est arrivé lundi à Nairobi, dernière étape de sa tournée après le "
                         "Cameroun et le Ghana.", "2009-02-17")
    assert visits(facts, "TUR", "CMR") and visits(facts, "TUR", "GHA")
    facts = extract_text("Le président turc Abdullah Gül est arrivé lundi en Inde, le pays à la croissance la plus "
                         "rapide au monde après la Chine.", "2009-02-17")
    assert not visits(facts, "TUR", "CHN")


def test_a_departure_for_two_listed_countries_goes_to_each_of_the_traveller(extract_text):
    facts = extract_text("Le président chinois Xi Jinping est arrivé dimanche à Dakar. Il rencontrera également les membres "
                         "de la communauté chinoise lors d'une réception organisée en son honneur à Dakar le 24 juillet, "
                         "avant de partir pour le Rwanda et la Tanzanie.", "2018-07-22")
    assert visits(facts, "CHN", "RWA") and visits(facts, "CHN", "TZA")
    assert not visits(facts, "TZA", "RWA")


def test_the_country_said_of_a_tour_of_several_is_the_one_named_last(extract_text):
    facts = extract_text("Le président chinois Xi Jinping est en visite cette semaine dans trois pays : le Sénégal, le "
                         "Rwanda et la Tanzanie. Première étape de la tournée, le Sénégal et sa capitale, Dakar. Pour "
                         "cette première visite d'un dirigeant chinois dans le pays, les autorités sénégalaises ont mis "
                         "les petits plats dans les grands.", "2018-07-22")
    assert not [e for e in facts.events if e.type == "visit" and e.guest == "SEN"]
    assert visits(facts, "CHN", "SEN")


@pytest.mark.parametrize("text", [
    "Senegalese President Macky Sall left for Gambia from Senegal on Tuesday.",
    "Senegalese President Macky Sall left for Gambia from Guinea on Tuesday.",
    "Le président sénégalais Macky Sall s'est envolé mardi pour la Gambie depuis Dakar.",
])
def test_the_place_a_traveller_leaves_from_is_no_second_destination(pipeline, text):
    facts = extract_detected(pipeline, text, "2015-06-03")
    assert visits(facts, "SEN", "GMB")
    assert {e.host for e in facts.events if e.type == "visit"} == {"GMB"}


@pytest.mark.parametrize("text", [
    "Indian Prime Minister Narendra Modi arrived in Washington on Tuesday for a visit after China and Russia warned "
    "against new sanctions.",
    "Indian Prime Minister Narendra Modi arrived in Washington on Tuesday for a visit after Japan's decision to cut "
    "tariffs.",
])
def test_countries_of_a_clause_or_a_noun_after_a_trip_noun_are_no_earlier_legs(pipeline, text):
    facts = extract_detected(pipeline, text, "2015-06-03")
    assert {e.host for e in facts.events if e.type == "visit"} == {"USA"}


@pytest.mark.parametrize("text, start", [
    ("Le président géorgien était en visite en Arménie de jeudi jusqu'à samedi.", "2015-05-28"),
    ("Le président géorgien a séjourné en Arménie jusqu'à samedi.", "2015-05-30"),
    ("The Georgian president stayed in Armenia until Saturday, when he flew back to Tbilisi.", "2015-05-30"),
])
def test_a_stay_told_in_the_past_until_a_weekday_ended_on_the_last_one(pipeline, text, start):
    facts = extract_detected(pipeline, text, "2015-06-01")
    v = only(visits(facts, "GEO", "ARM"))
    assert v.date_start == start and (v.date_end or v.date_start) <= "2015-06-01"


def test_a_stay_under_way_until_a_weekday_runs_to_the_coming_one(pipeline):
    facts = extract_detected(pipeline, "The Ugandan president is in Kenya until Friday on a state visit.", "2015-06-03")
    v = only(visits(facts, "UGA", "KEN"))
    assert (v.date_start, v.date_end) == ("2015-06-03", "2015-06-05")


def test_a_ranked_subject_s_infinitive_tells_a_trip_made(pipeline):
    facts = extract_detected(pipeline, "The first Kenyan president to visit Uganda in a decade", "2015-06-03")
    assert visits(facts, "KEN", "UGA") and all(v.status == "happened" for v in visits(facts, "KEN", "UGA"))


def test_an_exchange_of_visits_is_no_trip(extract_text):
    facts = extract_text("Selon l'ambassadeur, les relations entre le Maroc et la Zambie se sont renforcées par l'échange "
                         "de visites à tous les niveaux et par l'ouverture d'une ambassade du Maroc à Lusaka.", "2020-10-01")
    assert not events(facts, "visit")


def test_the_first_visit_since_a_year_tells_one_made_then_in_french(extract_text):
    facts = extract_text("C'est la première visite d'un chef d'État chinois au Sénégal depuis 2009.", "2018-07-21")
    assert "2009" in {v.date_start for v in visits(facts, "CHN", "SEN", status="happened")}


def test_the_first_visit_since_taking_office_tells_no_earlier_visit(extract_text):
    facts = extract_text("C'est la première visite du président chinois au Sénégal depuis son élection en 2013.",
                         "2018-07-21")
    assert "2013" not in {v.date_start for v in visits(facts, "CHN", "SEN")}


def test_a_place_in_a_clause_of_its_own_after_the_trip_is_no_host(extract_text):
    facts = extract_text("En février, le président allemand Frank-Walter Steinmeier a dû écourter sa visite au Sénégal, "
                         "quand des combats avaient éclaté en Ukraine.", "2022-05-23")
    assert visits(facts, "DEU", "SEN")
    assert not visits(facts, "DEU", "UKR")


def test_a_leader_received_by_a_head_of_state_came_to_his_country(extract_text):
    facts = extract_text("Le président sénégalais Macky Sall a reçu mardi son homologue gambien Adama Barrow.",
                         "2019-03-13")
    v = only(visits(facts, "GMB", "SEN", status="happened"))
    assert participant_named(v, "Barrow")


def test_a_trip_noun_whose_verb_says_where_it_goes_on(extract_text):
    facts = extract_text("La visite du Premier ministre indien Narendra Modi s'achèvera vendredi à Athènes.", "2024-05-02")
    assert visits(facts, "IND", "GRC")
    facts = extract_text("La tournée du président Emmanuel Macron se poursuit ce mardi au Gabon, après une étape en Angola.",
                         "2024-03-12")
    assert visits(facts, "FRA", "GAB") and visits(facts, "FRA", "AGO")


def test_the_first_trip_abroad_since_a_date_was_no_trip_to_this_country(extract_text):
    facts = extract_text("Le président chinois Xi Jinping est arrivé mercredi au Kazakhstan pour son premier déplacement à "
                         "l'étranger depuis janvier 2020.", "2022-09-15")
    assert [v.date_start for v in visits(facts, "CHN", "KAZ")] == ["2022-09-14"]


def test_statements_published_apart_are_no_joint_text(extract_text):
    facts = extract_text("Le Sénégal et la Gambie ont publié des déclarations séparées après la rencontre.", "2024-03-12")
    assert not events(facts, "agreement")


def test_where_a_trip_caused_something_is_no_destination(extract_text):
    facts = extract_text("La présidente chilienne Michelle Bachelet s'est rendue à Cuba la semaine dernière. Son "
                         "déplacement a provoqué une polémique au Chili.", "2009-02-14")
    assert visits(facts, "CHL", "CUB") and not visits(facts, "CUB", "CHL")


def test_a_tour_of_a_continent_is_no_trip_to_a_city_of_that_name(extract_text):
    # GeoNames keeps "Africa" as an old name of a Tunisian city
    facts = extract_text("Egyptian Foreign Minister Sameh Shoukry started a tour in Africa on Monday, where he first "
                         "visited South Sudan.", "2018-03-13")
    assert not [e for e in facts.events if "TUN" in e.countries]
    assert visits(facts, "EGY", "SSD")


def test_a_clause_describing_the_place_visited_that_names_it_still_gives_it(extract_text):
    # (a rule taking out of such clauses the countries named before the verb was tried and left out: it lost Vietnam
    # in "the fifth U.S. president to visit the Southeast Asian nation, which Vietnam's communist party has ruled")
    facts = extract_text("President Bill Clinton in 2000 became the first U.S. president to visit the country, which "
                         "reunified North and South Vietnam in 1976.", "2005-06-22")
    assert only(visits(facts, "USA", "VNM")).date_start == "2000"


def test_a_day_in_a_clause_of_the_place_arrived_at_does_not_date_the_arrival(extract_text):
    # "où elle participera lundi": a clause of the place (to come), whatever the parser hangs it on
    facts = extract_text("La présidente brésilienne Ana Modèle est arrivée dimanche en Belgique. Le Premier ministre "
                         "belge l'a reçue en début de soirée, peu après son arrivée à Bruxelles où elle participera "
                         "lundi au sommet UE-Brésil.", "2014-02-23")
    assert all(v.date_start == "2014-02-23" for v in visits(facts, "BRA", "BEL"))


@pytest.mark.parametrize("text, date, guest, host, when", [
    ("Le Grand-Duc Henri a entamé lundi une visite d'État au Japon. La précédente visite d'un chef d'État "
     "luxembourgeois remonte à avril 1999.", "2017-11-28", "LUX", "JPN", "1999-04"),
    ("Kenyan President William Ruto began a state visit to Japan on Monday. The previous visit by a Kenyan head of "
     "state dates back to 2006.", "2024-02-05", "KEN", "JPN", "2006"),
])
def test_an_earlier_visit_with_no_host_named_is_to_the_other_country_of_the_story(extract_text, text, date, guest,
                                                                                  host, when):
    earlier = only([v for v in visits(extract_text(text, date), guest, host) if v.date_start == when])
    assert not earlier.participants  # "un chef d'État", "a head of state": no one in particular


def test_a_first_trip_abroad_is_no_visit_to_the_other_country_of_the_story(extract_text):
    facts = extract_text("Kenyan President William Ruto began a state visit to Japan on Monday. It is his first visit "
                         "abroad since he took office.", "2024-02-05")
    assert len(visits(facts, "KEN", "JPN")) == 1


@pytest.mark.parametrize("text, lang_date, guest, host, not_host", [
    # a city of two countries' names, followed by the country it is in, with no comma between
    ("La visite du président burkinabè Roch Exemple à Oyo au Congo-Brazzaville les 9 et 10 août 2016 s'est achevée.",
     "2016-08-11", "BFA", "COG", "NGA"),
])
def test_a_city_followed_by_its_country_without_a_comma_is_in_that_country(extract_text, text, lang_date, guest, host,
                                                                            not_host):
    facts = extract_text(text, lang_date)
    assert visits(facts, guest, host) and not visits(facts, guest, not_host)


@pytest.mark.parametrize("text", [
    "Indian Prime Minister Narendra Modi arrived in Male on Tuesday. Modi's last foreign visit was in March.",
    "German Chancellor Olaf Scholz arrived in Beijing on Sunday. His previous visit to Asia was in 2023.",
    "Le président Emmanuel Macron est arrivé mardi à Abidjan. Sa précédente visite sur le continent africain remonte à "
    "mars 2023.",
    "US Secretary of State Antony Blinken arrived in Nairobi on Tuesday. Russian Foreign Minister Sergei Lavrov's "
    "previous visit was in 2022.",
    "Argentine President Javier Milei met Spanish Prime Minister Pedro Sanchez in Madrid on Monday. Milei's last visit "
    "ended in a diplomatic row.",
])
def test_an_earlier_trip_abroad_or_to_a_region_or_a_third_countrys_is_no_visit_to_the_story_country(extract_text, text):
    facts = extract_text(text, "2024-05-10")
    assert all(v.date_start and v.date_start.startswith("2024-05") for v in events(facts, "visit"))


@pytest.mark.parametrize("text, date, guest, host", [
    ("In January 2025, President Julius Maada Bio of Sierra Leone attended President Mahama's inauguration in Accra.",
     "2025-03-10", "SLE", "GHA"),
    ("Le président congolais Denis Sassou Nguesso a pris part le 3 juin à Ankara à la cérémonie d'investiture du "
     "président Recep Tayyip Erdoğan.", "2023-06-05", "COG", "TUR"),
])
def test_a_state_ceremony_attended_in_another_country_is_a_visit(extract_text, text, date, guest, host):
    assert visits(extract_text(text, date), guest, host)


@pytest.mark.parametrize("text", [
    "Kenyan President William Ruto attended the African Union summit in Addis Ababa on Sunday.",
    "Le président ghanéen John Mahama a assisté samedi à Abuja au sommet de la CEDEAO.",
    "Ghanaian President John Mahama will attend the inauguration of President Bola Tinubu in Abuja on Monday.",
])
def test_a_summit_attended_or_a_ceremony_to_come_is_no_ceremony_visit(extract_text, text):
    facts = extract_text(text, "2023-05-27")
    assert not [v for v in events(facts, "visit") if v.status == "happened" and v.trigger in ("attended", "assisté", "attend")]


def test_a_place_of_residence_is_no_destination(extract_text):
    facts = extract_text("À part quelques séjours dans notre pays de l'ambassadeur de la Corée du Sud en Guinée avec "
                         "résidence à Dakar, cette délégation est la première mission officielle de Séoul à Conakry.",
                         "2011-06-16")
    assert not visits(facts, "KOR", "SEN")
    assert not any(p.name == "Dakar" for e in facts.events for p in e.participants)


@pytest.mark.parametrize("place", ["the Latin American country", "the small South American country"])
def test_a_visit_to_the_country_told_with_qualifiers_of_qualifiers_is_to_the_other_party(pipeline, place):
    text = ("India will extend a line of credit to Suriname after President Kovind held talks with his Surinamese "
            f"counterpart Desire Delano Bouterse. President Kovind, who is on a three-day visit to {place}, "
            "announced a solar project.")
    facts = extract_detected(pipeline, text, "2018-06-20")
    assert only(visits(facts, "IND", "SUR")).participants[0].name == "Ram Nath Kovind"


@pytest.mark.parametrize("text, date, guest, host", [
    ("Le président sénégalais Macky Sall est rentré samedi de Pékin, où il a participé à un forum.", "2024-07-21",
     "SEN", "CHN"),
    ("Le président sénégalais Macky Sall est revenu du Japon et de la Corée du Sud.", "2024-07-21", "SEN", "KOR"),
    ("Papua New Guinea Prime Minister James Marape returned today from Tokyo, Japan, where he attended a summit.",
     "2024-07-20", "PNG", "JPN"),
])
def test_coming_back_from_a_place_tells_the_trip_made_there(pipeline, text, date, guest, host):
    v = only(visits(extract_detected(pipeline, text, date), guest, host))
    assert v.status == "happened"


@pytest.mark.parametrize("text", [
    "Le président sénégalais Macky Sall est rentré de Dakar.",  # home
    "Le président sénégalais est rentré au pays après le sommet.",
    "The Senegalese president returned to power in 2019 after an election in Senegal.",
])
def test_coming_back_home_or_to_power_is_no_trip(pipeline, text):
    assert not events(extract_detected(pipeline, text, "2024-07-21"), "visit")


@pytest.mark.parametrize("text", [
    "Le président sénégalais Macky Sall a signé lundi un accord avec la Gambie, deux jours après avoir quitté le Mali.",
    "Senegalese President Macky Sall signed an agreement with Gambia on Monday after he had left Mali.",
    "Senegalese President Macky Sall signed an agreement with Gambia on Monday, two days after leaving Mali.",
])
def test_a_clause_of_an_earlier_event_names_no_party_of_the_event(pipeline, text):
    [agreement] = events(extract_detected(pipeline, text, "2016-12-27"), "agreement")
    assert sorted(agreement.countries) == ["GMB", "SEN"]


@pytest.mark.parametrize("text", [
    "March 5, 2016\nA visit to Ghana by Togolese President Faure Gnassingbé concluded as his delegation departed on the "
    "evening of March 4.",
    "5 mars 2016\nLa visite au Ghana du président togolais Faure Gnassingbé s'est achevée lorsque sa délégation a quitté "
    "Accra le 4 mars au soir.",
])
def test_a_trip_ended_when_its_delegation_left_is_dated_by_that_departure(pipeline, text):
    # (the page's own date line says the day after: the departure's day is the trip's)
    v = only(visits(extract_detected(pipeline, text, "2016-03-05"), "TGO", "GHA"))
    assert v.date_start == "2016-03-04"


@pytest.mark.parametrize("text", [
    "Le sommet entre Joseph Kabila et Yoweri Museveni s'est ouvert vendredi après l'arrivée des chefs d'Etat congolais "
    "et ougandais à Arusha.",
    "The summit opened on Friday after the arrival of the Congolese and Ugandan heads of state in Arusha.",
])
def test_the_arrival_of_leaders_of_several_countries_is_a_trip_of_each(pipeline, text):
    facts = extract_detected(pipeline, text, "2007-09-08")
    assert visits(facts, "COD", "TZA") and visits(facts, "UGA", "TZA")


@pytest.mark.parametrize("text", [
    "France recalled its ambassador to Algeria, who returned from Algiers on Monday for consultations.",
    "L'ambassadeur de France au Niger est rentré de Niamey vendredi, après son expulsion.",
])
def test_an_ambassador_back_from_his_post_made_no_trip(pipeline, text):
    assert not events(extract_detected(pipeline, text, "2024-05-10"), "visit")


def test_a_clause_of_time_set_off_by_commas_leaves_the_parties_after_it(pipeline):
    facts = extract_detected(pipeline, "Le président sénégalais Macky Sall a signé, après avoir consulté ses ministres, "
                                       "un accord de coopération avec la Gambie.", "2024-05-10")
    [agreement] = events(facts, "agreement")
    assert sorted(agreement.countries) == ["GMB", "SEN"]


@pytest.mark.parametrize("text, date_start", [
    ("Le président ivoirien Alassane Ouattara est au Togo depuis samedi. Le président ivoirien était déjà à Lomé en "
     "juillet dernier.", "2013-07"),
    ("Ghanaian President John Mahama was already in Lomé in July for talks.", "2013-07"),
])
def test_a_stay_told_in_the_past_with_its_own_date_was_a_visit_then(pipeline, text, date_start):
    facts = extract_detected(pipeline, text, "2013-09-29")
    assert date_start in [v.date_start for v in events(facts, "visit")]


def test_a_stay_that_frames_another_event_is_no_visit(pipeline):
    facts = extract_detected(pipeline, "Le président ivoirien Alassane Ouattara était à Lomé le 3 juillet quand la "
                                       "crise a éclaté au Mali.", "2013-09-29")
    assert not events(facts, "visit")


def test_a_visiting_verb_with_no_subject_of_its_own_travels_with_its_clause_s_subject(pipeline):
    facts = extract_detected(pipeline, "Chinese Vice President Xi Jinping arrived in Botswana on Saturday, the last stop "
                                       "on his Africa tour, after visiting Angola and South Africa.", "2010-11-22")
    assert visits(facts, "CHN", "AGO") and visits(facts, "CHN", "ZAF") and visits(facts, "CHN", "BWA")


@pytest.mark.parametrize("text", [
    "La visite d'État du président kényan, Uhuru Kenyatta, a été couronnée de succès pour l'Éthiopie. Addis-Abeba et "
    "Nairobi ont signé trois accords. Le Kenya et l'Éthiopie veulent doubler leurs échanges.",
    "The state visit of Kenyan President Uhuru Kenyatta was a success for Ethiopia. Addis Ababa and Nairobi signed "
    "three agreements. Kenya and Ethiopia want to double their trade.",
])
def test_a_trip_noun_naming_its_traveller_and_no_host_is_a_trip_to_the_other_country_of_the_story(pipeline, text):
    facts = extract_detected(pipeline, text, "2018-02-20")
    assert visits(facts, "KEN", "ETH")


def test_a_trip_noun_naming_its_traveller_is_the_trip_told_before_not_a_country_spoken_of(pipeline):
    facts = extract_detected(pipeline, "Le président kényan Uhuru Kenyatta est arrivé lundi à Addis-Abeba pour une visite "
                                       "d'État. Le voyage du président Kenyatta coïncide avec des tensions avec la "
                                       "Somalie.", "2018-02-20")
    assert visits(facts, "KEN", "ETH") and not visits(facts, "KEN", "SOM")


def test_a_trip_noun_naming_its_traveller_after_a_tour_of_several_countries_is_no_new_trip(pipeline):
    facts = extract_detected(pipeline, "Le président kényan Uhuru Kenyatta s'est rendu en Éthiopie lundi, puis en "
                                       "Ouganda mercredi. Le voyage du président Kenyatta a renforcé les relations avec "
                                       "ces pays. L'Éthiopie salue ce voyage.", "2018-02-20")
    assert {(v.guest, v.host) for v in events(facts, "visit")} == {("KEN", "ETH"), ("KEN", "UGA")}


@pytest.mark.parametrize("text", [
    "Kenyan President William Ruto is back again in Addis Ababa with a large delegation.",
    "Le président kényan William Ruto est aussi encore à Addis-Abeba avec une délégation.",
])
def test_a_presence_with_adverbs_between_verb_and_place_is_a_visit(pipeline, text):
    assert visits(extract_detected(pipeline, text, "2023-07-04"), "KEN", "ETH")


def test_a_visit_to_a_qualified_republic_is_to_the_other_country_of_the_story(pipeline):
    facts = extract_detected(pipeline, "Mauritius and Ghana signed two agreements on Monday. Prime Minister Pravind "
                                       "Jugnauth of Mauritius spoke to reporters alongside Ghana's President Nana Akufo-Addo, "
                                       "who is on a state visit to the island Republic.", "2019-07-22")
    assert visits(facts, "GHA", "MUS")


@pytest.mark.parametrize("text, lang_date", [
    ("Le Premier ministre thaïlandais Prayut Chan-o-cha a reçu son homologue Anwar Ibrahim. Il a pris cet engagement "
     "lors de la visite officielle d'un jour de ce dernier en Thaïlande le 9 février.", "2023-02-10"),
    ("Thai Prime Minister Prayut Chan-o-cha received his counterpart Anwar Ibrahim. He made the pledge during the "
     "latter's one-day official visit to Thailand on February 9.", "2023-02-10"),
])
def test_the_latter_named_as_a_trip_noun_s_traveller_is_the_person_named_last(pipeline, text, lang_date):
    facts = extract_detected(pipeline, text, lang_date)
    assert "2023-02-09" in [v.date_start for v in visits(facts, "MYS", "THA")]


def test_a_country_after_a_preposition_of_topic_is_no_leg_of_the_trip(pipeline):
    facts = extract_detected(pipeline, "Le président argentin Alberto Fernández a effectué son premier voyage officiel "
                                       "à Moscou, en pleine crise sur l'Ukraine.", "2022-02-03")
    assert visits(facts, "ARG", "RUS") and not visits(facts, "ARG", "UKR")


def test_a_day_told_at_the_end_of_a_visit_of_some_days_is_its_last(extract_text):
    facts = extract_text("Le président ivoirien est rentré mercredi à Abidjan, à l'issue d'une visite de trois jours "
                         "au Ghana.", "2024-03-15")
    v = only(visits(facts, "CIV", "GHA"))
    assert (v.date_start, v.date_end) == ("2024-03-11", "2024-03-13")


def test_a_stay_the_event_told_before_took_place_during_is_of_its_day(extract_text):
    # "à la faveur du séjour": the stay is the setting of the clause, whose subject is no traveller; "L'événement"
    # is the establishment told just before, and lends its day
    facts = extract_text("Le Japon a établi le 14 mars 2005 des relations diplomatiques avec le Bhoutan. L'événement a "
                         "eu lieu à la faveur du séjour à Tokyo d'une délégation conduite par le ministre bhoutanais "
                         "des Affaires étrangères.", "2006-01-10")
    v = only(visits(facts, "BTN", "JPN"))
    assert v.date_start == "2005-03-14"


@pytest.mark.parametrize("text, host", [
    ("Le ministre malien des Affaires étrangères a effectué le déplacement de Niamey pour la commission mixte.", "NER"),
    ("Le ministre malien des Affaires étrangères a fait le voyage de Dakar pour la commission mixte.", "SEN"),
])
def test_a_trip_made_of_a_capital_goes_there(extract_text, text, host):
    facts = extract_text(text, "2018-07-13")
    only(visits(facts, "MLI", host))


def test_a_trip_of_a_person_names_no_place(extract_text):
    facts = extract_text("Le ministre malien a salué le déplacement de son collègue nigérien.", "2018-07-13")
    assert not visits(facts, "MLI", "NER")


@pytest.mark.parametrize("text, ok", [
    ("Le président philippin Rodrigo Duterte s'envole ce lundi à Moscou pour rencontrer Vladimir Poutine.", True),
    ("Le président philippin Rodrigo Duterte est parti lundi en Russie.", True),
    ("Le président philippin Rodrigo Duterte est parti lundi à 10 heures.", False),
])
def test_a_flight_to_a_place_after_a_preposition_of_place_is_a_trip(extract_text, text, ok):
    facts = extract_text(text, "2017-05-22")
    assert bool(visits(facts, "PHL", "RUS")) is ok


@pytest.mark.parametrize("text, guest", [
    ("Maldivian President Abdulla Yameen also extended an invitation to Pakistani President Mamnoon Hussain to visit "
     "the Maldives.", "Mamnoon Hussain"),
    ("Le président maldivien Abdulla Yameen a également adressé une invitation au président pakistanais Mamnoon "
     "Hussain à se rendre aux Maldives.", "Mamnoon Hussain"),
])
def test_the_person_an_invitation_is_extended_to_is_the_guest_not_an_inviter(extract_text, text, guest):
    facts = extract_text(text, "2015-07-01")
    [v] = visits(facts, "PAK", "MDV")
    assert [p.name for p in v.participants] == [guest]


def test_an_inviter_after_the_participle_of_the_invitation_is_on_the_receiving_side(extract_text):
    facts = extract_text("Kenyan President William Ruto arrived in Berlin on Monday at the invitation extended by "
                         "businessman John Smith.", "2023-03-07")
    [v] = visits(facts, "KEN", "DEU")
    assert [p.name for p in v.participants] == ["William Ruto"]


@pytest.mark.parametrize("text", [
    "Le ministre sénégalais a remis une invitation au président rwandais Paul Kagame à se rendre au Sénégal.",
    "Macky Sall a adressé une invitation à son homologue rwandais Paul Kagame à effectuer une visite officielle au "
    "Sénégal.",
    "The Senegalese minister conveyed an invitation to Rwandan President Paul Kagame to visit Senegal.",
])
def test_an_invitation_to_someone_named_before_the_infinitive_is_a_visit_to_come(extract_text, text):
    facts = extract_text(text, "2021-03-10")
    assert [v.status for v in visits(facts, "RWA", "SEN")] == ["planned"]


@pytest.mark.parametrize("text", [
    "Le ministre ghanéen des Affaires étrangères est arrivé lundi au Burkina Faso, qui partage une longue frontière "
    "avec le Mali.",
    "Ghana's foreign minister arrived on Monday in Burkina Faso, which is a member of the Alliance and also a "
    "neighbour to Mali.",
    "Ghana's foreign minister is on a working visit to Ouagadougou to mark the anniversary of relations between "
    "Ghana and Burkina Faso, which is also a neighbour to Mali.",
])
def test_what_a_clause_says_of_the_destination_names_no_other_destination(extract_text, text):
    facts = extract_text(text, "2019-05-14")
    assert {(v.guest, v.host) for v in events(facts, "visit")} == {("GHA", "BFA")}


@pytest.mark.parametrize("text", [
    "Le président ghanéen Kwame Asante est venu souvent au Togo. C'est ainsi qu'il a visité le Togo en mai 2012 et "
    "en juin 2015.",
    "Le président ghanéen Kwame Asante est venu souvent au Togo. Il a, au plan bilatéral, visité le Togo en mai 2012 "
    "et en juin 2015.",
])
def test_visits_told_by_a_pronoun_in_a_cleft_or_past_an_inserted_phrase(extract_text, text):
    facts = extract_text(text, "2019-05-14")
    assert sorted(v.date_start for v in visits(facts, "GHA", "TGO")) == ["2012-05", "2015-06"]


def test_a_past_participle_opening_the_sentence_tells_an_arrival_done(extract_text):
    facts = extract_text("Arrivé lundi à Lomé pour sa première visite officielle au Togo, le président ghanéen Kwame "
                         "Asante devait être l'hôte d'un dîner officiel mardi soir.", "2019-05-14")
    assert [v.status for v in visits(facts, "GHA", "TGO")] == ["happened"]


def test_an_expected_arrival_opening_the_sentence_is_still_to_come(extract_text):
    facts = extract_text("Attendu lundi à Lomé pour sa première visite officielle au Togo, le président ghanéen Kwame "
                         "Asante doit être l'hôte d'un dîner officiel mardi soir.", "2019-05-10")
    assert {v.status for v in visits(facts, "GHA", "TGO")} <= {"planned"}


def test_a_pronoun_after_a_name_joined_to_a_pronoun_is_the_traveller_told_of(extract_text):
    facts = extract_text("Kwame Asante, le président ghanéen, a achevé sa tournée au Bénin. Le 3 mai, il était en visite "
                         "officielle au Togo, visite au cours de laquelle Faure Gnassingbé, le président togolais, et lui "
                         "ont inauguré un pont. Puis, le lendemain, il s'est rendu au Bénin.", "2012-05-10")
    assert {(v.guest, v.host) for v in events(facts, "visit")} == {("GHA", "TGO"), ("GHA", "BEN")}


def test_a_visit_noun_after_a_demonstrative_and_a_copula_keeps_the_traveller_named_after_it(extract_text):
    facts = extract_text("Le président togolais a reçu lundi le ministre ghanéen des Affaires étrangères, Kofi Mensah. "
                         "C'est la première visite officielle effectuée à Lomé par ce dernier depuis sa nomination.",
                         "2012-05-10")
    assert ("GHA", "TGO") in {(v.guest, v.host) for v in events(facts, "visit")}


@pytest.mark.parametrize("text, host", [
    ("Ghanaian President Kwame Asante visited Togo on Monday. He then headed to the Central African country, Equatorial "
     "Guinea.", "GNQ"),
    ("Le président ghanéen Kwame Asante s'est ensuite rendu dans le pays voisin, le Togo.", "TGO"),
])
def test_a_destination_named_after_a_noun_of_country(extract_text, text, host):
    facts = extract_text(text, "2020-01-10")
    assert host in {v.host for v in visits(facts, "GHA", host)}


def test_a_city_after_an_airport_named_in_quotation_marks_is_where_the_guest_arrived(extract_text):
    # the airport's own name, quoted, stands between the building noun and "de Dakar"
    facts = extract_text("Arrivé pour une visite de travail, le 3 mars 2015, à l'aéroport international « Blaise "
                         "Diagne » de Dakar, le président togolais Faure Gnassingbé a été accueilli par le président "
                         "sénégalais Macky Sall.", "2015-03-04")
    assert [(v.guest, v.host) for v in events(facts, "visit")] == [("TGO", "SEN")]


@pytest.mark.parametrize("text, lang, date, guest, host", [
    pytest.param("Une visite de travail a été effectuée à Dakar par le président togolais Faure Gnassingbé.", "fr",
                 "2015-03-04", "TGO", "SEN", id="fr"),
    pytest.param("A two-day working visit was paid to Dakar by Togolese President Faure Gnassingbe.", "en",
                 "2015-03-04", "TGO", "SEN", id="en"),
])
def test_a_visit_paid_in_the_passive_has_its_agent_for_traveller(pipeline, text, lang, date, guest, host):
    facts = extract_detected(pipeline, text, date)
    assert [(v.guest, v.host) for v in events(facts, "visit")] == [(guest, host)]


@pytest.mark.parametrize("text, lang, date, guest", [
    pytest.param("Le président chinois Hu Jintao est arrivé lundi à Lusaka. Sa tournée africaine l'a conduit "
                 "auparavant au Cameroun et au Liberia.", "fr", "2007-02-06", "CHN", id="fr"),
    pytest.param("Japanese Prime Minister Shinzo Abe arrived in Kuala Lumpur on Thursday night for a three-day visit. "
                 "It is his first official visit to Malaysia and part of an Asian tour that earlier took him to "
                 "Indonesia and India.", "en", "2007-08-25", "JPN", id="en"),
])
def test_the_pronoun_a_tour_carries_is_its_traveller(pipeline, text, lang, date, guest):
    facts = extract_detected(pipeline, text, date)
    legs = [(v.guest, v.host) for v in events(facts, "visit") if v.host in ("CMR", "LBR", "IDN", "IND")]
    assert legs and all(g == guest for g, _ in legs)


@pytest.mark.parametrize("text, date, guest, host", [
    pytest.param("BELGRADE, 4 mars (Tanjug) - Le ministre serbe des Affaires étrangères, Milan Petrović, a reçu "
                 "mercredi son homologue grec Nikos Andreou.", "2009-03-05", "GRC", "SRB", id="fr-reception"),
    pytest.param("BELGRADE, March 4 (Tanjug) - Serbian Foreign Minister Milan Petrovic received his Greek counterpart "
                 "Nikos Andreou on Wednesday.", "2009-03-05", "GRC", "SRB", id="en-reception"),
    pytest.param("Vientiane (KPL) - Le Premier ministre vietnamien Tran Van Minh s'est entretenu lundi avec son "
                 "homologue laotien Somsak Vongsa.", "2012-06-12", "VNM", "LAO", id="fr-foreigner-talks"),
    # talks held "here" by one of the dateline's country are there too, whatever the verb
    pytest.param("DAKAR, 3 mai (APS) - Le président sénégalais Macky Sall a eu des entretiens ici vendredi avec le "
                 "Premier ministre indien Narendra Modi.", "2019-05-04", "IND", "SEN", id="fr-here"),
    pytest.param("ADDIS ABABA, Oct 7 (ENA) - Ethiopian Prime Minister Meles Zenawi held talks with US Secretary of "
                 "State Condoleezza Rice here on Friday.", "2005-10-08", "USA", "ETH", id="en-here"),
    # the dateline's place in brackets after its date
    pytest.param("Oct 7, 2005 (ADDIS ABABA) - Ethiopian Prime Minister Meles Zenawi held talks with US Secretary of "
                 "State Condoleezza Rice here on Friday.", "2005-10-08", "USA", "ETH", id="en-bracketed-place"),
])
def test_talks_told_right_after_an_agency_dateline_standing_apart_took_place_there(pipeline, text, date, guest, host):
    # the dateline is a segment of its own (agency in brackets): its city is where the receiver receives
    facts = extract_detected(pipeline, text, date)
    v = only(visits(facts, guest, host))
    assert v.location and v.location["country"] == host
    assert only(events_between(facts, "meeting", guest, host)).location["country"] == host


@pytest.mark.parametrize("text, date", [
    # a dateline of a third country places no one: the minister may receive anywhere
    pytest.param("PARIS, March 4 (AFP) - Serbian Foreign Minister Milan Petrovic received his Greek counterpart "
                 "Nikos Andreou on Wednesday.", "2009-03-05", id="third-country"),
    # the one received is at home: the guest of the dateline's country is the subject, passive
    pytest.param("BELGRADE, March 4 (Tanjug) - Serbian Foreign Minister Milan Petrovic was received by Greek "
                 "Prime Minister Nikos Andreou on Wednesday.", "2009-03-05", id="passive"),
])
def test_a_dateline_does_not_place_a_reception_it_cannot_tell(pipeline, text, date):
    facts = extract_detected(pipeline, text, date)
    assert not visits(facts, "GRC", "SRB")
    assert not visits(facts, "GRC", "FRA") and not visits(facts, "SRB", "FRA")


@pytest.mark.parametrize("text, lang", [
    pytest.param("Cet entretien s'inscrit dans la continuité de la visite d'État de Kwame Asante au Brésil en 2019.",
                 "fr", id="fr"),
    pytest.param("The talks follow the state visit of Kwame Asante to Brazil in 2019.", "en", id="en"),
])
def test_a_recalled_visit_keeps_the_kind_its_noun_names(pipeline, text, lang):
    facts = extract_detected(pipeline, "Le président ghanéen Kwame Asante s'est entretenu avec Lula. " + text
                             if lang == "fr" else "Ghanaian President Kwame Asante held talks with Lula. " + text,
                             "2021-03-02")
    assert [v.visit_kind for v in visits(facts, "GHA", "BRA") if v.date_start == "2019"] == ["state"]


@pytest.mark.parametrize("text", [
    pytest.param("Le président ghanéen Kwame Asante a été reçu par son homologue brésilien Lula au palais de l'Alvorada "
                 "lors d'une visite officielle. Cette rencontre fait suite à la visite d'État de Kwame Asante au Brésil "
                 "en 2019.", id="fr"),
    pytest.param("Ghanaian President Kwame Asante was received by his Brazilian counterpart Lula at the Alvorada Palace "
                 "during an official visit. The meeting follows the state visit of Kwame Asante to Brazil in "
                 "2019.", id="en"),
])
def test_talks_during_an_official_visit_are_not_dated_by_a_state_visit_of_another_year(pipeline, text):
    facts = extract_detected(pipeline, text, "2021-03-02")
    assert only(events_between(facts, "meeting", "GHA", "BRA")).date_start == "2021-03-02"
    assert {v.date_start for v in visits(facts, "GHA", "BRA")} == {"2019", "2021-03-02"}


@pytest.mark.parametrize("text", [
    "Le président ghanéen Kwame Asante a foulé le sol sud-coréen le 2 juin 2024.",
    "Le président ghanéen Kwame Asante a foulé le sol de la Corée du Sud le 2 juin 2024.",
])
def test_treading_a_countrys_ground_is_arriving_there(pipeline, text):
    facts = extract_detected(pipeline, text, "2024-06-03")
    assert [(v.guest, v.host, v.date_start) for v in events(facts, "visit")] == [("GHA", "KOR", "2024-06-02")]


def test_ground_spoken_of_is_no_trip(pipeline):
    facts = extract_detected(pipeline, "Le président ghanéen Kwame Asante a dit que le Ghana ne cédera rien de son sol.",
                             "2024-06-03")
    assert not events(facts, "visit")


@pytest.mark.parametrize("text", [
    pytest.param("Ghanaian President Kwame Asante's three-day tour of the Gulf also included Saudi Arabia and Qatar.",
                 id="en"),
    pytest.param("La tournée du président ghanéen Kwame Asante dans le Golfe comprenait aussi l'Arabie saoudite et le "
                 "Qatar.", id="fr"),
])
def test_the_countries_a_tour_includes_are_its_stops(pipeline, text):
    facts = extract_detected(pipeline, text, "2023-07-20")
    assert sorted(v.host for v in events(facts, "visit")) == ["QAT", "SAU"]


@pytest.mark.parametrize("text", [
    pytest.param("Ghanaian President Kwame Asante's visit to the UAE included talks on Qatar and Iran.", id="en"),
    pytest.param("La visite du président ghanéen Kwame Asante aux Émirats comprenait des entretiens sur le Qatar et "
                 "l'Iran.", id="fr"),
])
def test_countries_spoken_of_in_what_a_visit_includes_are_no_stops(pipeline, text):
    facts = extract_detected(pipeline, text, "2023-07-20")
    assert [v.host for v in events(facts, "visit")] == ["ARE"]


@pytest.mark.parametrize("text", [
    pytest.param("Ghanaian President Kwame Asante signed the accord today in a move which concludes Mr Asante's three-day "
                 "visit to Lome.", id="en-relative"),
    pytest.param("The accord concluded Ghanaian President Kwame Asante's three-day visit to Lome.", id="en"),
])
def test_a_trip_noun_with_a_named_possessor_is_the_possessors_visit(pipeline, text):
    # the subject of the verb that ends the trip ("a move", "the accord") is no traveller
    facts = extract_detected(pipeline, text, "2005-01-31")
    v = only(visits(facts, "GHA", "TGO"))
    assert participant_named(v, "Asante")


@pytest.mark.parametrize("text, host", [
    ("Le président ghanéen Kwame Asante séjourne depuis hier aux Émirats arabes unis.", "ARE"),
    ("Le président ghanéen Kwame Asante est depuis lundi à Abou Dhabi.", "ARE"),
])
def test_a_stay_begun_at_a_time_told_before_the_place_is_a_visit(pipeline, text, host):
    facts = extract_detected(pipeline, text, "2020-02-06")
    assert [(v.guest, v.host) for v in events(facts, "visit")] == [("GHA", host)]


def test_a_time_in_office_before_a_place_noun_is_no_stay(pipeline):
    facts = extract_detected(pipeline, "Le président ghanéen Kwame Asante est depuis 2017 à la tête du Ghana.",
                             "2020-02-06")
    assert not events(facts, "visit")


@pytest.mark.parametrize("text, guest, host, kind, start", [
    # the parser hangs the visit noun on the place said before it ("à Conakry ..., une visite")
    pytest.param("Le Premier ministre malien, Moussa Mara, a débuté, dimanche 9 mars 2014, à Conakry en République "
                 "de Guinée, une visite de travail.", "MLI", "GIN", "working", "2014-03-09", id="noun-on-the-place"),
    pytest.param("Le roi du Maroc, Mohammed VI, a entamé, mardi 4 mars 2014, à Conakry en République de Guinée, une "
                 "visite officielle de trois jours.", "MAR", "GIN", "official", "2014-03-04", id="noun-on-the-place-2"),
    # or on the verb as a complement with no preposition
    pytest.param("Le président nigérien Mahamadou Issoufou a entamé, hier lundi 3 mars 2014, à Bamako en République "
                 "du Mali, une visite d’amitié et de travail de 48 heures.", "NER", "MLI", "working", "2014-03-03",
                 id="noun-as-complement"),
])
def test_a_light_verb_with_its_place_before_its_visit_noun(extract_text, text, guest, host, kind, start):
    v = only(visits(extract_text(text, "2014-03-10"), guest, host))
    assert (v.visit_kind, v.date_start) == (kind, start)


@pytest.mark.parametrize("text, kind", [
    ("La présidente chilienne effectue une visite d'amitié et de travail en Bolivie.", "working"),
    ("La présidente chilienne effectue une visite d'amitié et de coopération en Bolivie.", "unspecified"),
])
def test_a_visit_kind_coordinated_with_a_qualifier_of_no_kind(extract_text, text, kind):
    assert only(visits(extract_text(text, "2014-07-18"), "CHL", "BOL")).visit_kind == kind


def test_going_back_to_a_place_is_a_visit_and_the_stay_before_an_earlier_one(extract_text):
    facts = extract_text("La Première ministre danoise est retournée ce jeudi 5 juin à Dakar, la capitale du Sénégal, "
                         "après un court séjour en mars 2023, pour parler de la pêche.", "2025-06-06")
    assert sorted(v.date_start for v in visits(facts, "DNK", "SEN")) == ["2023-03", "2025-06-05"]


def test_going_back_home_is_no_visit(extract_text):
    facts = extract_text("La Première ministre danoise est retournée jeudi à Copenhague après sa visite au Sénégal.",
                         "2025-06-06")
    assert [(v.guest, v.host) for v in events(facts, "visit")] == [("DNK", "SEN")]


@pytest.mark.parametrize("text", [
    "La ministre norvégienne s'est entretenue le 20 mai avec le ministre chilien des Affaires étrangères, Pablo "
    "Soto, qui est à Oslo en visite de travail.",
    "Le ministre chilien des Affaires étrangères, Pablo Soto, qui est à Oslo en visite de travail, s'est entretenu "
    "le 20 mai avec son homologue norvégien.",
])
def test_a_relative_clause_of_presence_with_its_visit_noun_is_the_visit_of_the_one_it_follows(pipeline, text):
    # the French parser makes the place the predicate of "qui est à Oslo" and hangs the visit noun on it
    facts = extract_detected(pipeline, text, "2022-05-21")
    v = only(visits(facts, "CHL", "NOR"))
    assert v.visit_kind == "working" and participant_named(v, "Soto")


def test_a_visit_noun_right_after_the_place_of_a_relative_clause_is_its_own(pipeline):
    # the parser hangs the visit noun on a noun of the title far before ("de la coopération")
    facts = extract_detected(pipeline, "Le ministre des affaires étrangères de la Chine Wang Yi s'est entretenu le 3 juin "
                             "avec le ministre des affaires étrangères et de la coopération internationale du Tchad "
                             "Mahamat Zene Cherif, qui est à Pékin en visite de travail.", "2017-06-04")
    assert only(visits(facts, "TCD", "CHN")).visit_kind == "working"


@pytest.mark.parametrize("text", [
    "Cuba's first vice-president Raúl Castro received Angolan President José Eduardo dos Santos, who has been "
    "carrying out an official visit to the island since Thursday.",
    "Le premier vice-président cubain Raúl Castro a reçu le président angolais José Eduardo dos Santos, qui effectue "
    "depuis jeudi une visite officielle sur l'île.",
])
def test_a_visit_to_the_island_is_to_the_island_country_of_the_story(pipeline, text):
    v = only(visits(extract_detected(pipeline, text, "2007-09-22"), "AGO", "CUB"))
    assert v.visit_kind == "official"


@pytest.mark.parametrize("text", [
    "La ministre norvégienne Inger Dahl est arrivée mardi soir au Togo. Auparavant, elle avait séjourné au Ghana pour "
    "la cérémonie d'investiture du président ghanéen.",
    "Norwegian minister Inger Dahl arrived in Togo on Tuesday evening. Earlier, she had stayed in Ghana for the "
    "inauguration of the Ghanaian president.",
])
def test_a_stay_told_by_a_pronoun_is_the_traveller_s_of_the_trip_told_before(pipeline, text):
    facts = extract_detected(pipeline, text, "2012-01-18")
    assert [v.host for v in events(facts, "visit") if v.guest == "NOR"] == ["TGO", "GHA"]


def test_touching_down_in_a_capital_is_an_arrival(pipeline):
    facts = extract_detected(pipeline, "Peruvian President Alan Garcia touched down in New Delhi on Monday, with a "
                                       "delegation of ministers and business leaders.", "2005-03-22")
    assert only(visits(facts, "PER", "IND")).location == {"country": "IND", "city": "New Delhi"}


@pytest.mark.parametrize("text", [
    "Les deux dirigeants ont salué le nombre croissant de Canadiens qui visitent la Jamaïque chaque année.",
    "The two leaders welcomed the growing number of Canadians who visit Jamaica every year.",
])
def test_nationals_visiting_a_country_are_no_visit_of_their_state(pipeline, text):
    assert not events(extract_detected(pipeline, text, "2012-10-10"), "visit")


@pytest.mark.parametrize("text", [
    "Maurice était la dernière étape du voyage de Xi Jinping dans cinq pays. Il s'est auparavant rendu au Sénégal et "
    "au Rwanda.",
    "Mauritius was the last stop of Xi Jinping's tour of five nations. He had earlier travelled to Senegal and "
    "Rwanda.",
])
def test_a_place_that_is_a_stop_of_a_trip_and_the_legs_told_by_a_pronoun_are_the_traveller_s(pipeline, text):
    facts = extract_detected(pipeline, text, "2018-07-30")
    assert {v.host for v in events(facts, "visit") if v.guest == "CHN"} == {"MUS", "SEN", "RWA"}
    assert not [v for v in events(facts, "visit") if v.guest == "MUS"]


@pytest.mark.parametrize("text", [
    "Le président dominicain Leonel Fernandez entame ce mercredi une visite officielle en France au cours de laquelle "
    "il parlera avec son homologue des questions commerciales et de l'aide humanitaire à Haïti.",
    "Dominican President Leonel Fernandez began an official visit to France on Wednesday during which he will "
    "discuss trade and humanitarian aid to Haiti.",
])
def test_a_place_in_a_relative_clause_of_what_is_done_during_a_visit_is_no_leg_of_it(pipeline, text):
    facts = extract_detected(pipeline, text, "2009-12-02")
    v = only(events(facts, "visit"))
    assert (v.guest, v.host, v.status) == ("DOM", "FRA", "happened")


def test_a_country_named_by_a_figure_of_speech_is_not_the_place_the_sentence_names(pipeline):
    facts = extract_detected(pipeline, "Jovenel Moïse a été reçu à Caracas ce lundi par le président vénézuélien "
                             "Nicolas Maduro. À son retour à Port-au-Prince en début de soirée, le chef de l'État a "
                             "fourni des détails de sa courte visite au pays de Bolivar.", "2017-11-14")
    assert [(v.guest, v.host) for v in events(facts, "visit")] == [("HTI", "VEN")]


def test_a_visit_to_come_on_a_weekday_keeps_its_length(pipeline):
    facts = extract_detected(pipeline, "President Hosni Mubarak met officials in Cairo. On Saturday, Mubarak will "
                                       "begin a two-day visit to Italy, the news agency reported.", "2009-10-13")
    v = only(visits(facts, "EGY", "ITA"))
    assert (v.date_start, v.date_end, v.status) == ("2009-10-17", "2009-10-18", "planned")


@pytest.mark.parametrize("text", [
    "President John Mahama and his Kenyan host, President Uhuru Kenyatta, oversaw the signing of seven agreements "
    "at the end of a three-day state visit of the Ghanaian leader.",
    "Le président John Mahama et son hôte kényan, le président Uhuru Kenyatta, ont supervisé la signature de sept "
    "accords au terme d'une visite d'État de trois jours du dirigeant ghanéen.",
])
def test_a_visit_of_a_leader_named_by_his_country_beside_his_host_is_to_the_host_s_country(pipeline, text):
    v = only(visits(extract_detected(pipeline, text, "2014-12-05"), "GHA", "KEN"))
    assert v.visit_kind == "state" and participant_named(v, "Mahama")


@pytest.mark.parametrize("text, day", [
    ("Ghana and Qatar signed several agreements. The signings took place on Christmas Eve, when the Emir of Qatar "
     "visited Ghana.", "2017-12-24"),
    ("Le Ghana et le Qatar ont signé plusieurs accords. Les signatures ont eu lieu le jour de l'An, lors de la visite "
     "de l'émir du Qatar au Ghana.", "2018-01-01"),
])
def test_a_feast_of_a_fixed_date_dates_the_event(pipeline, text, day):
    facts = extract_detected(pipeline, text, "2018-01-04")
    assert only(visits(facts, "QAT", "GHA")).date_start == day


@pytest.mark.parametrize("text", [
    "Le Premier ministre canadien Stephen Harper a rendu visite au Premier ministre barbadien Owen Arthur avant "
    "d'arriver en Haïti.",
    "Haïti ne peut pas absorber l'aide, a estimé le Premier ministre barbadien Owen Arthur, à qui le Premier ministre "
    "canadien Stephen Harper a rendu visite jeudi.",
])
def test_paying_a_visit_to_a_leader_is_a_visit_to_his_country(pipeline, text):
    facts = extract_detected(pipeline, text, "2007-07-20")
    assert only(visits(facts, "CAN", "BRB")).status == "happened"


def test_un_hote_qui_accueille_a_l_occasion_d_une_visite_recoit_le_voyageur(extract_text):
    # our own sentence: the visit noun in a phrase of circumstance of "accueillir" is the trip of the one received
    facts = extract_text("Le ministre tunisien des Affaires étrangères, Mohamed Ali Nafti, a accueilli mercredi son "
                         "homologue koweïtien, Abdullah Al-Yahya, à l'occasion d'une visite officielle.", "2024-11-21")
    v = only(visits(facts, "KWT", "TUN"))
    assert v.visit_kind == "official" and v.date_start == "2024-11-20"


def test_sa_precedente_visite_datee_est_un_voyage_anterieur_chez_le_meme_hote(extract_text):
    # our own sentences: the earlier trip has its own date and no place of its own
    facts = extract_text("Le ministre britannique des Affaires étrangères David Cameron est arrivé jeudi à Beyrouth. Il "
                         "s'agit de sa première visite officielle en tant que ministre, après sa précédente visite en tant "
                         "que Premier ministre en septembre 2015, et de sa quatrième visite dans la région.", "2024-02-02")
    assert sorted(v.date_start for v in visits(facts, "GBR", "LBN")) == ["2015-09", "2024-02-01"]


def test_a_previous_visit_with_no_date_of_its_own_is_no_other_trip(extract_text):
    facts = extract_text("Le ministre britannique des Affaires étrangères David Cameron est arrivé jeudi à Beyrouth. Sa "
                         "précédente visite avait été brève.", "2024-02-02")
    assert len(visits(facts, "GBR", "LBN")) == 1


def test_la_gratitude_pour_l_accueil_recu_dit_la_visite_et_la_rencontre(extract_text):
    # our own sentence: thanking a leader for his welcome tells the thanker's visit and their meeting
    facts = extract_text("Le président sénégalais Bassirou Diomaye Faye a exprimé sa gratitude envers le président français "
                         "Emmanuel Macron pour l'accueil reçu mercredi matin à l'Élysée.", "2025-08-28")
    assert [v.date_start for v in visits(facts, "SEN", "FRA")] == ["2025-08-27"]
    assert only(events_between(facts, "meeting", "SEN", "FRA"))


def test_des_remerciements_pour_l_accueil_de_refugies_ne_disent_aucune_visite(extract_text):
    facts = extract_text("Le président sénégalais a remercié le Premier ministre gambien pour l'accueil des réfugiés.",
                         "2025-08-28")
    assert not events(facts, "visit")


def test_un_visiteur_recu_au_passif_dans_le_cadre_de_sa_visite_reste_le_visiteur(extract_text):
    # our own sentence: the passive subject is the guest, the agent the host
    facts = extract_text("Le ministre algérien des Affaires étrangères, Ahmed Attaf, a été reçu mardi à Maputo par le "
                         "président du Mozambique, Daniel Chapo, dans le cadre de sa visite officielle.", "2025-02-19")
    assert not visits(facts, "MOZ", "DZA")
    assert only(visits(facts, "DZA", "MOZ"))
