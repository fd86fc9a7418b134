"""spaCy component ``communique_gazetteer``: marks countries, demonyms, capitals, organisations and
titles from the language's data files.

In: a spaCy ``Doc``. Out: the same Doc with ``doc.spans["gazetteer"]``: spans labelled ``COUNTRY``
(short or long name), ``DEMONYM``, ``CAPITAL``, ``CITY``, ``PREFIX`` ("vietnamo-"), ``ORG`` and ``TITLE``, each
with ``kb_id_`` = ISO 3166-1 alpha-3 code, organisation code or role code; and ``NAMED_AFTER_PLACE``, a city
naming a text ("the Vienna Convention", "l'accord de Paris"), which is no place.

Matching is on folded words (no case, no diacritics, hyphens and apostrophes as separators), so it
does not depend on how the tokenizer split "ex-Union" or "Kassym-Jomart"; acronyms must match case.
Longest match wins. Patterns are built once when the component is created, not at import.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lang import Entry, fold, load_lexicon, words
from ..lang.cities import city_entries

SPAN_KEY = "gazetteer"
_WORD = re.compile(r"\w+", re.UNICODE)
_LABELS = {"name": "COUNTRY", "long_name": "COUNTRY", "demonym": "DEMONYM", "capital": "CAPITAL", "city": "CITY",
           "prefix_adj": "PREFIX", "acronym": "ORG", "title": "TITLE"}


_ENT_LABELS = {"COUNTRY": "LOC", "CAPITAL": "LOC", "ORG": "ORG"}
#: the word before "de"/"d'" right before a place's name ("Convention de Vienne", "accord d'Alger")
PROPER_TYPES = ("name", "long_name", "capital", "org", "not_place", "city")


class PhraseIndex:
    """Folded word tuples -> entries, with greedy longest-match search over a text."""

    def __init__(self, entries: list[Entry], place_words: frozenset[str] = frozenset()):
        # the words after which a form that is also a first name names the place ("Ambassador to Jordan Murat X")
        self.place_words = place_words
        self.index: dict[tuple[str, ...], list[Entry]] = {}
        for e in entries:
            key = words(e.form)
            if key:
                self.index.setdefault(key, []).append(e)
        self.max_len = max((len(k) for k in self.index), default=0)
        # the longest key starting with each first word: most words start none, and are passed at once
        self.longest_from: dict[str, int] = {}
        for k in self.index:
            self.longest_from[k[0]] = max(self.longest_from.get(k[0], 0), len(k))

    def _accept(self, e: Entry, surface: str, text: str, start: int, end: int) -> bool:
        for flag in e.note.split(";"):
            # "la Réunion", not "la première Réunion de Haut Niveau": a form that is also a common noun, capitalised
            # in a title, names the place only right after the word its note gives
            if flag.startswith("after=") and fold(text[max(0, start - 40):start]).split()[-1:] != [flag[6:]]:
                return False
        if e.case_sensitive:
            return e.form.replace("’", "'") == surface
        if e.type in PROPER_TYPES:
            # every capitalised word of the name must be capitalised in the text: "la réunion" and
            # "La réunion s'est tenue" are not La Réunion
            fw, sw = _WORD.findall(e.form), _WORD.findall(surface)
            if len(fw) == len(sw) and any(a[:1].isupper() and not b[:1].isupper() for a, b in zip(fw, sw)):
                return False
            if e.type != "not_place" and not surface[:1].isupper():
                return False
        if "person" in e.note:
            # "Maurice Dupont": a first name here, not Mauritius (but "Ambassador to Jordan Murat Karagoz": a place
            # right after a preposition of place)
            nxt = text[end:end + 2]
            if nxt[:1] == " " and nxt[1:2].isupper() and fold(text[max(0, start - 12):start]).split()[-1:] not in [
                    [w] for w in self.place_words]:
                return False
        return True

    def find(self, text: str) -> list[tuple[int, int, list[Entry]]]:
        """(start, end, entries) for each longest non-overlapping match, left to right."""
        folded = fold(text)
        toks = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]
        words = [t[0] for t in toks]
        out = []
        i = 0
        while i < len(toks):
            longest = self.longest_from.get(words[i], 0)
            for n in range(min(longest, len(toks) - i), 0, -1):
                key = tuple(words[i:i + n])
                cands = self.index.get(key)
                if not cands:
                    continue
                start, end = toks[i][1], toks[i + n - 1][2]
                surface = text[start:end].replace("’", "'")
                cands = [e for e in cands if self._accept(e, surface, text, start, end)]
                if cands:
                    out.append((start, end, cands))
                    i += n
                    break
            else:
                i += 1
        return out


class Gazetteer:
    """Marks gazetteer entries of one language as spans (see module docstring)."""

    def __init__(self, nlp: Language, name: str = "communique_gazetteer", *, lang: str = "fr"):
        self.name = name
        lex = load_lexicon(lang)
        places = [e for e in lex.countries] + [Entry("", "not_place", f) for f in lex.not_places] + [
            # "au Caire", "du Caire": capitals and names whose article merges with a preposition; "la" merges with
            # none, so the name without "La" is one only right after it ("de la Réunion", "à la Paz"; not "la
            # première Réunion de Haut Niveau", "Octavio Paz")
            Entry(e.code, e.type, e.form.split(" ", 1)[1] if " " in e.form else e.form[2:],
                  ";".join(filter(None, [e.note, "after=la" if e.form.startswith("La ") else ""])))
            for e in lex.countries if e.type in ("capital", "name") and re.match(r"(?:Le|La|Les) |L'", e.form)] + [
            Entry(e.code, "acronym" if e.type == "acronym" else "org", e.form, e.note) for e in lex.organisations]
        # cities other than capitals, from GeoNames (lang/cities.py), after the language's own names
        places += list(city_entries())
        # (not French "à", which also brings a person: "a remis une lettre à Maurice Kamto")
        self.places = PhraseIndex(places, frozenset(lex.location_preps) - {"a"})
        # "a 300-million-U.S.-dollar agreement", "Hong Kong dollars": a place right before a currency noun names the
        # currency (numbers.yaml currency_after_place)
        nouns = sorted(lex.numbers.get("currency_after_place") or [], key=len, reverse=True)
        self.currency_after = re.compile(r"(?:\.?-| )(?:" + "|".join(map(re.escape, nouns)) + r")\b") if nouns else None
        self.titles = PhraseIndex(lex.titles)
        self.instrument_after = lex.instrument_nouns_after_place
        self.instrument_before = lex.instrument_nouns_before_place
        # "la Convention de Vienne", "l'accord d'Alger", "the Treaty of Rome": the noun, a link word, the city
        links = sorted(lex.instrument_place_links, key=len, reverse=True)
        self.instrument_before_re = re.compile(
            r"(\w+) (?:" + "|".join(re.escape(w) + ("" if w[-1:] in "'’" else " ") for w in links) + r")\Z",
            re.IGNORECASE) if links else None

    def _names_an_instrument(self, text: str, start: int, end: int) -> bool:
        """A city naming an instrument: "the Vienna Convention", "la Convention de Vienne", "l'accord d'Alger"."""
        after = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
        if after and fold(after.group()) in self.instrument_after:
            # "the Hanoi Convention Centre": a capitalised word after the noun names a venue, not a text
            venue = _WORD.match(text, after.end() + 1) if text[after.end():after.end() + 1] == " " else None
            return not (venue and venue.group()[:1].isupper())
        before = self.instrument_before_re and self.instrument_before_re.search(text, max(0, start - 40), start)
        return bool(before) and fold(before.group(1)) in self.instrument_before

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.text
        for index in (self.places, self.titles):
            if index is self.titles:
                # "le ministre russe des Affaires étrangères": read the title without its demonym
                chars = list(doc.text)
                for sp in spans:
                    if sp.label_ == "DEMONYM":
                        chars[sp.start_char:sp.end_char] = " " * (sp.end_char - sp.start_char)
                text = "".join(chars)
            for start, end, entries in index.find(text):
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                e = entries[0]
                if e.type == "not_place":
                    continue  # "mer de Chine méridionale": a sea, not China
                if index is self.places and (doc.text[end:end + 1] == "$" or self.currency_after is not None
                                             and self.currency_after.match(doc.text, end)):
                    continue  # "US$15 billion", "NZ$5 million", "U.S.-dollar": a currency, not a place
                if e.type in ("capital", "city") and self._names_an_instrument(doc.text, start, end):
                    # the name of a text ("the Paris Agreement"): no place of the article's, but a text of the world
                    spans.append(Span(doc, span.start, span.end, label="NAMED_AFTER_PLACE", kb_id=e.code))
                    continue
                if "upper" in e.note.split(";") and (not doc.text[start:end].isupper()
                                                     or doc.text[:start].rstrip()[-1:].isdigit()):
                    continue  # "PM Modi" is a title, "at 3 pm", "11:43 PM" are hours
                label = _LABELS.get(e.type, "ORG")
                kb = e.code
                also = [n[5:] for n in e.note.split(";") if n.startswith("also:")]
                if label == "TITLE" and also:
                    kb = "|".join([e.code, *also])  # "vice-premier ministre et ministre des AE": both roles
                held_in = next((n[3:] for n in e.note.split(";") if n.startswith("of:")), None)
                if label == "TITLE" and held_in:
                    kb = f"{kb}@{held_in}"  # "le pape", "the Grand Duke": an office of one country only
                spans.append(Span(doc, span.start, span.end, label=label, kb_id=kb))
        doc.spans[SPAN_KEY] = sorted(spans, key=lambda s: (s.start, -s.end))
        # like an EntityRuler placed after "ner" with overwrite_ents=False (dependency probe, section 1):
        # places and organisations the model missed become entities carrying their code; the model's
        # own entities are kept, so its longer ORG spans ("Parti communiste du Vietnam") are not cut
        coded = {(x.start, x.end): x.kb_id_ for x in spans if x.label_ in _ENT_LABELS}
        ents = [Span(doc, e.start, e.end, label=e.label_, kb_id=coded.get((e.start, e.end), e.kb_id_))
                for e in doc.ents]
        taken = {i for e in ents for i in range(e.start, e.end)}
        ents += [Span(doc, sp.start, sp.end, label=_ENT_LABELS[sp.label_], kb_id=sp.kb_id_)
                 for sp in filter_spans([x for x in spans if x.label_ in _ENT_LABELS])
                 if not taken.intersection(range(sp.start, sp.end))]
        doc.ents = sorted(ents, key=lambda e: e.start)
        return doc


@Language.factory("communique_gazetteer", default_config={"lang": "fr"})
def make_gazetteer(nlp: Language, name: str, lang: str) -> Gazetteer:
    return Gazetteer(nlp, name, lang=lang)
