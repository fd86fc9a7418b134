"""``fold``: the same folding for a word (kept in a bounded cache) and for a long text (not kept)."""
from communique.lang import _fold_word, fold


def test_fold_is_the_same_for_short_and_long_texts():
    word = "Élysée"
    text = "Le président de la République a reçu à l'Élysée son homologue sénégalais, M. Macky Sall."
    assert fold(word) == "elysee"
    assert fold(text).startswith("le president de la republique a recu a l'elysee")
    assert len(fold(text)) == len(text)
    assert fold(text) == " ".join(fold(w) for w in text.split(" "))


def test_only_short_texts_are_kept():
    _fold_word.cache_clear()
    fold("Tadjikistan")
    fold("x" * 500)
    assert _fold_word.cache_info().currsize == 1
