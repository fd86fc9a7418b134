"""Letter case restored in segments written in capitals: rules on our own lines."""
from __future__ import annotations

from communique.nlp.casing import restore_case, shouting


def test_a_headline_in_capitals_takes_the_case_of_the_body():
    head = "GHANAIAN PRESIDENT KWAME ASANTE VISITS TOGO"
    body = "Ghanaian President Kwame Asante arrived in Lomé on Monday for a visit to Togo."
    out = restore_case([head, body])
    assert out == ["Ghanaian President Kwame Asante visits Togo", body]


def test_every_word_keeps_its_length_and_acronyms_stay_capitals():
    head = "LE PRÉSIDENT SÉNÉGALAIS A REÇU LE SECRÉTAIRE GÉNÉRAL DE L'ONU"
    body = "Le président sénégalais a reçu mardi le secrétaire général de l'ONU au palais."
    [new, _] = restore_case([head, body])
    assert len(new) == len(head)
    assert new == "Le président sénégalais a reçu le secrétaire général de l'ONU"


def test_a_word_the_body_never_writes_is_read_as_a_name():
    [new, _] = restore_case(["TALKS WITH OKONJO IN ABUJA", "The talks were held in Abuja on Friday."],
                            frozenset({"with", "in", "the", "on"}))
    assert new == "Talks with Okonjo in Abuja"


def test_mixed_case_and_short_lines_are_left_alone():
    assert not shouting("Talks in Abuja on Friday")
    assert not shouting("UN, EU, AU")  # too few letters to tell
    texts = ["Visit of the President of Ghana to Togo", "The visit took place on Monday."]
    assert restore_case(texts) is texts
