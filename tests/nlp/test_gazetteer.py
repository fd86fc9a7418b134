"""Gazetteer: countries by name, long form, demonym (every gender and number), capital and prefix,
and the common words and first names that must not be read as countries.

``PhraseIndex`` is tested directly (no spaCy); the spaCy component through ``nlp(text).spans``.
"""
from __future__ import annotations

import pytest

from communique.lang import load_lexicon
from communique.nlp.gazetteer import SPAN_KEY, PhraseIndex


@pytest.fixture(scope="module")
def places() -> PhraseIndex:
    return PhraseIndex(load_lexicon("fr").countries)


def _codes(index: PhraseIndex, text: str) -> list[tuple[str, str, str]]:
    """(surface text, code, type) of each match."""
    return [(text[s:e], entries[0].code, entries[0].type) for s, e, entries in index.find(text)]


def _spans(nlp, text: str, labels=("COUNTRY", "DEMONYM", "CAPITAL", "PREFIX")) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(sp.text, sp.kb_id_, sp.label_) for sp in doc.spans[SPAN_KEY] if sp.label_ in labels]


# ----------------------------------------------------------------------------- PhraseIndex

@pytest.mark.parametrize(
    "text, surface, code, type_",
    [
        pytest.param("Le Chili a voté.", "Chili", "CHL", "name", id="name"),
        pytest.param("La République du Chili a voté.", "République du Chili", "CHL", "long_name", id="long-name"),
        pytest.param("Le Royaume de Norvège a voté.", "Royaume de Norvège", "NOR", "long_name",
                     id="long-name-kingdom"),
        pytest.param("L'État plurinational de Bolivie a voté.", "État plurinational de Bolivie", "BOL",
                     "long_name", id="long-name-plurinational"),
        pytest.param("Le ministre chilien a voté.", "chilien", "CHL", "demonym", id="demonym-m-sg"),
        pytest.param("La ministre chilienne a voté.", "chilienne", "CHL", "demonym", id="demonym-f-sg"),
        pytest.param("Les entreprises chiliennes ont voté.", "chiliennes", "CHL", "demonym", id="demonym-f-pl"),
        pytest.param("Les investisseurs chiliens ont voté.", "chiliens", "CHL", "demonym", id="demonym-m-pl"),
        pytest.param("Les autorités ghanéennes ont voté.", "ghanéennes", "GHA", "demonym", id="demonym-ghana"),
        pytest.param("Les autorites ghaneennes ont vote.", "ghaneennes", "GHA", "demonym",
                     id="demonym-without-accents"),
        pytest.param("Les experts nippons ont voté.", "nippons", "JPN", "demonym", id="demonym-nippon"),
        pytest.param("Il est arrivé à Buenos Aires.", "Buenos Aires", "ARG", "capital", id="capital-two-words"),
        pytest.param("Il est arrivé à Accra.", "Accra", "GHA", "capital", id="capital"),
        pytest.param("Il est arrivé à Reykjavík.", "Reykjavík", "ISL", "capital", id="capital-diacritic"),
        pytest.param("Il est arrivé à Santiago du Chili.", "Santiago du Chili", "CHL", "capital",
                     id="capital-longest-match"),
        pytest.param("Le NIGERIA a voté.", "NIGERIA", "NGA", "name", id="upper-case"),
        pytest.param("Le roi est arrivé au Grand-Duché mardi.", "Grand-Duché", "LUX", "long_name",
                     id="periphrase"),
        pytest.param("Les exportations vers l'Empire du Milieu ont crû.", "Empire du Milieu", "CHN", "long_name",
                     id="periphrase-three-words"),
    ],
)
def test_phrase_index_finds_one_country(places, text, surface, code, type_):
    assert _codes(places, text) == [(surface, code, type_)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("la coopération sino-argentine", [("sino", "CHN"), ("argentine", "ARG")], id="sino"),
        pytest.param("le sommet franco-italien", [("franco", "FRA"), ("italien", "ITA")], id="franco"),
        pytest.param("les relations nippo-philippines", [("nippo", "JPN"), ("philippines", "PHL")], id="nippo"),
        pytest.param("le partenariat Chili-Argentine", [("Chili", "CHL"), ("Argentine", "ARG")], id="pair"),
        pytest.param("la frontière Pérou–Bolivie", [("Pérou", "PER"), ("Bolivie", "BOL")], id="pair-en-dash"),
        pytest.param("les relations italo-tunisiennes", [("italo", "ITA"), ("tunisiennes", "TUN")],
                     id="italo"),
    ],
)
def test_phrase_index_hyphenated_pairs(places, text, expected):
    assert [(s, c) for s, c, _ in _codes(places, text)] == expected


# ----------------------------------------------------------------------------- spaCy component

@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("La République du Chili et l'Argentine ont signé un accord.",
                     [("République du Chili", "CHL", "COUNTRY"), ("Argentine", "ARG", "COUNTRY")],
                     id="long-name-and-name"),
        pytest.param("Les entreprises chiliennes investissent à Buenos Aires.",
                     [("chiliennes", "CHL", "DEMONYM"), ("Buenos Aires", "ARG", "CAPITAL")],
                     id="demonym-and-capital"),
        pytest.param("Le commerce sino-argentin progresse.",
                     [("sino-", "CHN", "PREFIX"), ("argentin", "ARG", "DEMONYM")], id="sino-argentin"),
        pytest.param("Le sommet franco-italien s'est tenu à Rome.",
                     [("franco-", "FRA", "PREFIX"), ("italien", "ITA", "DEMONYM"), ("Rome", "ITA", "CAPITAL")],
                     id="franco-italien"),
        pytest.param("Le forum d'affaires Chili-Argentine s'est ouvert.",
                     [("Chili", "CHL", "COUNTRY"), ("Argentine", "ARG", "COUNTRY")], id="hyphen-pair"),
        pytest.param("La délégation argentine est arrivée en Argentine.",
                     [("argentine", "ARG", "DEMONYM"), ("Argentine", "ARG", "COUNTRY")], id="argentine-twice"),
        pytest.param("La République argentine et la République tunisienne ont voté.",
                     [("République argentine", "ARG", "COUNTRY"), ("République tunisienne", "TUN", "COUNTRY")],
                     id="long-names-with-adjective"),
        pytest.param("Les Philippines et les entreprises philippines ont voté.",
                     [("Philippines", "PHL", "COUNTRY"), ("philippines", "PHL", "DEMONYM")],
                     id="philippines-name-and-demonym"),
        pytest.param("Le président ghanéen est arrivé à Abuja.",
                     [("ghanéen", "GHA", "DEMONYM"), ("Abuja", "NGA", "CAPITAL")], id="demonym-capital"),
        pytest.param("Le géant sud-américain et les pays latino-américains ont voté avec le Ghana.",
                     [("Ghana", "GHA", "COUNTRY")], id="regions-of-the-americas-are-not-the-usa"),
        pytest.param("Son homologue papou-néo-guinéen est arrivé.", [("papou-néo-guinéen", "PNG", "DEMONYM")],
                     id="papua-new-guinean-is-not-guinean"),
    ],
)
@pytest.mark.model
def test_gazetteer_spans(nlp, text, expected):
    got = _spans(nlp, text)
    # spans cover whole tokens: "sino-argentin" may stay one token holding both the prefix and the demonym
    assert [(c, lab) for _, c, lab in got] == [(c, lab) for _, c, lab in expected]
    for (surface, _, _), (want, _, _) in zip(got, expected):
        assert want.rstrip("-") in surface


@pytest.mark.model
def test_gazetteer_spans_are_ordered_and_cover_whole_tokens(nlp):
    doc = nlp("Les autorités ghanéennes et nigérianes se sont réunies à Accra avec des experts du Nigeria.")
    spans = [sp for sp in doc.spans[SPAN_KEY]]
    assert spans == sorted(spans, key=lambda s: (s.start, -s.end))
    assert [(sp.text, sp.kb_id_) for sp in spans if sp.label_ != "TITLE"] == [
        ("ghanéennes", "GHA"), ("nigérianes", "NGA"), ("Accra", "GHA"), ("Nigeria", "NGA")]


@pytest.mark.model
def test_titles_are_marked_with_their_role(nlp):
    doc = nlp("Le ministre des Affaires étrangères du Ghana a reçu le Premier ministre du Nigeria.")
    titles = [(sp.text, sp.kb_id_) for sp in doc.spans[SPAN_KEY] if sp.label_ == "TITLE"]
    assert titles == [("ministre des Affaires étrangères", "foreign_minister"),
                      ("Premier ministre", "head_of_government")]


# ----------------------------------------------------------------------------- not countries

@pytest.mark.parametrize(
    "text",
    [
        pytest.param("La réunion s'est tenue à Lima en présence des deux ministres.", id="reunion-subject"),
        pytest.param("Les deux ministres ont tenu une réunion de travail à Lima.", id="reunion-object"),
        pytest.param("Lors de la réunion, les délégations péruvienne et bolivienne ont signé un accord.",
                     id="lors-de-la-reunion"),
        # capitalised in the name of a meeting, after an adjective rather than the article
        pytest.param("Le ministre a présidé la première Réunion de Haut Niveau entre le Pérou et la Bolivie.",
                     id="reunion-in-a-title"),
    ],
)
@pytest.mark.model
def test_common_noun_reunion_is_not_the_country(nlp, text):
    assert all(code != "REU" for _, code, _ in _spans(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("L'ambassadeur Maurice Dubreuil a présenté ses lettres de créance à Lima.", id="maurice-name"),
        pytest.param("Le chercheur ghanéen Maurice Owusu a présenté une étude sur le commerce.",
                     id="maurice-after-demonym"),
    ],
)
def test_maurice_as_a_first_name_is_not_a_country(nlp, text):
    assert all(code != "MUS" for _, code, _ in _spans(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize(
    "text, code",
    [
        pytest.param("Le Premier ministre de Maurice est arrivé à New Delhi.", "MUS", id="maurice-country"),
        pytest.param("L'île Maurice a signé un accord avec l'Inde.", "MUS", id="ile-maurice"),
        pytest.param("Le préfet de La Réunion a reçu une délégation mauricienne.", "REU", id="la-reunion"),
        pytest.param("Le ministre mauricien s'est rendu à la Réunion lundi.", "REU", id="a-la-reunion"),
        pytest.param("Le ministre chilien est arrivé à La Paz lundi, puis à la Paz de nouveau.", "BOL", id="la-paz"),
    ],
)
def test_maurice_and_reunion_as_places_are_kept(nlp, text, code):
    assert code in [c for _, c, _ in _spans(nlp, text)]


@pytest.mark.model
def test_a_capital_without_its_article_la_is_no_place(nlp):
    # the name of "La Paz" without its article is a surname: "la" merges with no preposition, so the bare name is one
    # only right after it
    assert "BOL" not in [c for _, c, _ in _spans(nlp, "Le poète Octavio Paz a reçu le prix à Stockholm.")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, code",
    [
        pytest.param("Le ministre a évoqué la Guinée-Bissau.", "GNB", id="guinee-bissau"),
        pytest.param("Le ministre a évoqué la Guinée équatoriale.", "GNQ", id="guinee-equatoriale"),
        pytest.param("Le ministre a évoqué le Niger et le Nigeria.", "NER", id="niger"),
    ],
)
def test_longest_or_exact_country_name(nlp, text, code):
    got = [c for _, c, _ in _spans(nlp, text)]
    assert got[0] == code
    assert "GIN" not in got


@pytest.mark.model
def test_gazetteer_entities_carry_codes_and_keep_the_model_entities(nlp):
    doc = nlp("Le secrétaire général du Parti socialiste du Chili a reçu à Santiago le ministre bolivien, "
              "membre de l'OTSC et de l'ONU, venu de l'État plurinational de Bolivie.")
    ents = {e.text: (e.label_, e.kb_id_) for e in doc.ents}
    assert ents["Santiago"] == ("LOC", "CHL")
    assert ents["ONU"] == ("ORG", "UN")
    assert ents["OTSC"] == ("ORG", "CSTO")
    # the model's longer organisation span is not cut by the country inside it
    assert not any(e.text == "Chili" for e in doc.ents if e.start > 0 and doc[e.start - 1].text == "du")


@pytest.mark.parametrize("text, kept", [
    ("Les deux pays s'en tiennent à la Convention de Vienne sur les relations diplomatiques.", []),
    ("Ils ont rappelé les accords de Minsk et le protocole de Kyoto.", []),
    ("Les ministres ont signé l'accord d'Alger.", []),
    ("Les ministres se sont rencontrés à Vienne puis à Alger.", ["Vienne", "Alger"]),
    ("Un accord a été signé à Vienne.", ["Vienne"]),
    # an airport's code among a city's alternate names is no city ("PAR", "AUX")
    ("Par ailleurs, les ministres se sont rendus aux Émirats puis à Vienne.", ["Vienne"]),
])
def test_a_city_naming_an_instrument_is_no_place(nlp, text, kept):
    assert [t for t, _, _ in _spans(nlp, text, labels=("CAPITAL", "CITY"))] == kept


@pytest.fixture(scope="module")
def nlp_en():
    from communique.nlp import load_pipeline
    return load_pipeline("en")


@pytest.mark.parametrize("text, kept", [
    ("Both sides abide by the Vienna Convention on Diplomatic Relations.", []),
    ("They recalled the Minsk agreements and the Paris Agreement.", []),
    # the noun before the city, linked by 'of' (not_places.yaml instrument_place_links)
    ("Both states signed the Treaty of Rome and the Charter of Paris.", []),
    ("The treaty was signed in Rome.", ["Rome"]),
    ("The ministers met in Vienna and then flew to Paris.", ["Vienna", "Paris"]),
    # a city's abbreviation in capitals is kept (as written only); a venue named "Convention Centre" is a place
    ("The ministers met in HCMC and then at the Hanoi Convention Centre.", ["HCMC", "Hanoi"]),
])
def test_an_english_city_naming_an_instrument_is_no_place(nlp_en, text, kept):
    assert [t for t, _, _ in _spans(nlp_en, text, labels=("CAPITAL", "CITY"))] == kept
