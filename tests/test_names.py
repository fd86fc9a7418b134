"""Name keys: one key for the spellings of one name."""
from __future__ import annotations

import pytest

from communique.names import name_key


@pytest.mark.parametrize("a, b", [
    ("Denis Sassou N'Guesso", "Denis Sassou Nguesso"),
    ("Denis Sassou N’Guesso", "Denis Sassou Nguesso"),
    ("Macky M'Baye", "Macky Mbaye"),
])
def test_a_capital_and_an_apostrophe_opening_a_word_is_one_word(a, b):
    assert name_key(a) == name_key(b)


def test_a_lower_case_particle_keeps_its_apostrophe():
    # "d'Estaing" is a particle and a name: the particle is no letter of the name
    assert name_key("Valéry Giscard d'Estaing") != name_key("Valéry Giscard Destaing")


@pytest.mark.parametrize("a, b, same", [
    ("Abdullah bin Abdulaziz Al Saud", "Abdullah bin Mohammed bin Abdulaziz Al Saud", False),  # son, grandson
    ("Salman bin Abdulaziz", "Salman bin Abdulaziz Al Saud", True),
    ("Mohammed bin Salman", "Mohammed bin Salman bin Abdulaziz Al Saud", True),
])
def test_a_name_joins_a_longer_one_only_when_the_father_named_first_is_the_same(a, b, same):
    from communique.names import same_in_document
    assert same_in_document(name_key(a), name_key(b)) is same
