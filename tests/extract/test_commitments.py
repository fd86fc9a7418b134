"""Commitments: the clause the parties agreed or pledged, as readable text, with its domain."""
from __future__ import annotations

import pytest

from .helpers import only

pytestmark = pytest.mark.model


def test_commitment_text_is_the_clause_with_its_subject_and_verb(extract_text):
    facts = extract_text("Le Chili et l'Argentine ont signé mardi un accord. Les deux pays sont convenus de renforcer "
                         "la coopération dans l'énergie.", "2024-05-08")
    c = only(facts.commitments)
    assert c.text == "Les deux pays sont convenus de renforcer la coopération dans l'énergie"
    assert c.domain == "energy"
    assert set(c.countries) == {"CHL", "ARG"}


def test_coordinated_infinitives_are_one_commitment_each(extract_text):
    facts = extract_text("Le Pérou et l'Équateur ont signé lundi trois accords. Les deux parties ont aussi convenu de "
                         "recourir à leurs monnaies nationales dans leurs transactions commerciales et de lancer "
                         "ensemble un satellite d'observation.", "2024-05-08")
    texts = {c.text: c.domain for c in facts.commitments}
    assert texts == {
        "Les deux parties ont aussi convenu de recourir à leurs monnaies nationales dans leurs transactions "
        "commerciales": "trade",
        "Les deux parties ont aussi convenu de lancer ensemble un satellite d'observation": "science_technology",
    }


@pytest.mark.parametrize(
    "text, domain",
    [
        pytest.param("Les deux gouvernements se sont engagés à harmoniser les contrôles sanitaires imposés aux "
                     "chauffeurs routiers.", "health", id="first-domain-word-wins"),
        pytest.param("Les deux gouvernements ont convenu d'accélérer l'interconnexion des réseaux routiers.",
                     "transport", id="plural-form"),
        pytest.param("Les deux gouvernements se sont engagés à protéger les forêts tropicales du bassin amazonien.",
                     "environment", id="forests"),
        pytest.param("Les échanges commerciaux ont atteint 800 millions de dollars en 2023. Les deux gouvernements se "
                     "sont engagés à les porter à 2 milliards d'ici 2030.", "trade", id="amount-of-a-trade-target"),
    ],
)
def test_commitment_domain_from_the_language_data(extract_text, text, domain):
    facts = extract_text("La Bolivie et le Brésil ont signé lundi trois accords. " + text, "2024-05-08")
    assert only(facts.commitments).domain == domain
