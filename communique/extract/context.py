"""Per-document view of the analysed text: sentences with their place, organisation, title and date
mentions, in absolute offsets.

In: ``Document`` + its ``AnalysedSegment``s (from ``nlp``). Out: ``DocContext`` with ``Sentence``
records, the document's focal country, and helpers shared by the extractors.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span

from ..lang import Lexicon, fold, words
from ..lang.cities import countries_with_city
from ..nlp import AnalysedSegment
from ..nlp.gazetteer import SPAN_KEY
from ..records import Document
from ..names import PATRONYMIC_LINKS
from .dates import DateExpr, DateGrammar

PLACE_LABELS = ("COUNTRY", "DEMONYM", "CAPITAL", "PREFIX")


def _place_noun(doc, i: int, j: int, label: str, lex) -> bool:
    """"(dans|à|en) la capitale <demonym>", "... capitale du <pays>", "in the Indonesian capital", "in the
    capital of Kenya": the mention names a place."""
    k = i - 1
    if label == "COUNTRY":
        while k >= 0 and doc[k].pos_ == "DET" and fold(doc[k].text) != "du":  # ("de la Corée du Sud")
            k -= 1
    if label == "COUNTRY" and k >= 0 and fold(doc[k].text).rstrip("'") in ("de", "du", "d", "of"):
        k -= 1
    if k >= 0 and fold(doc[k].text) in lex.place_nouns:
        k -= 1
    elif not (label == "DEMONYM" and j < len(doc) and fold(doc[j].text) in lex.place_nouns):
        return False
    while k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    # (or the object of a verb of arrival: "a foulé le sol sud-coréen")
    return k >= 0 and (fold(doc[k].text).rstrip("'") in lex.location_preps or doc[k].pos_ == "VERB" and fold(
        doc[k].lemma_) in lex.triggers.get("visit", {}).get("arrival_verbs", ()))


@dataclass
class CountryMention:
    code: str
    label: str  # COUNTRY, DEMONYM, CAPITAL, PREFIX
    i: int  # token range in the segment doc
    j: int
    start: int  # absolute character offsets
    end: int
    text: str
    prep: str | None  # folded preposition right before the mention ("au", "en", "de", ...)
    located: bool = False  # that preposition is one of a place ("à", "en", "in", "to": places.yaml)
    ambiguous: bool = False
    place_noun: bool = False  # "dans la capitale indonésienne", "à la capitale du pays"

    @property
    def is_location(self) -> bool:
        return (self.label in ("COUNTRY", "CAPITAL", "CITY") and self.located) or self.place_noun


@dataclass
class OrgMention:
    code: str
    i: int
    j: int
    text: str


@dataclass
class TitleMention:
    role: str
    i: int
    j: int
    text: str
    also: list[str] = field(default_factory=list)  # further roles the same title holds
    plural: bool = False  # "Foreign Ministers X and Y": the title of several people
    held_in: str | None = None  # the one country that has the office ("le pape": VAT; titles.tsv flag "of:")


@dataclass
class Sentence:
    index: int
    seg: AnalysedSegment
    span: Span
    start: int
    end: int
    text: str
    kind: str  # segment kind: title, heading, body
    countries: list[CountryMention] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    cities: list[CountryMention] = field(default_factory=list)  # places only, never a party
    # places where someone lives ("avec résidence à Dakar", "based in Nairobi"): neither where events happen nor parties
    residences: list[CountryMention] = field(default_factory=list)
    # (country code, city) of the agency dateline the sentence follows ("BELGRADE, March 12 (Tanjug) - ..."): the first
    # sentence of the paragraph it opens only
    dateline: tuple[str, str] | None = None

    @property
    def doc(self):
        return self.span.doc

    @property
    def ents(self) -> tuple:
        """The entities of the sentence, read once (spaCy builds ``Span.ents`` anew at every access)."""
        cached = self.__dict__.get("_ents")
        if cached is None:
            cached = self.__dict__["_ents"] = tuple(self.span.ents)
        return cached

    def abs(self, token) -> int:
        return self.seg.offset + token.idx

    def codes(self) -> list[str]:
        out = []
        for c in self.countries:
            if c.code not in out:
                out.append(c.code)
        return out


@dataclass
class DocContext:
    document: Document
    lex: Lexicon
    sentences: list[Sentence]
    focal: str | None = None
    ref_date: str | None = None  # a full date to read weekdays against (agency dateline)
    filed_date: str | None = None  # the dateline's day, days before the publication date (``filing_day``)
    story_date: tuple[str, str | None] | None = None  # the day(s) the lead reports
    story_index: int = 0  # the sentence that tells it: events told before it are not dated by it

    def main_countries(self, n: int | None = 2) -> list[str]:
        """The countries the article names most, the most named first (all of them with ``n=None``)."""
        return [c for c, _ in _country_counts(self).most_common(n)]

    def other_main_country(self, code: str) -> str | None:
        """The other side of the story for ``code``, one of the article's two most named countries: the other
        of those two, unless a third country is named beside ``code`` in more sentences (a report of China and
        São Tomé restoring relations that speaks of Taiwan in sentences of their own: São Tomé)."""
        top = self.main_countries()
        if len(top) < 2 or code not in top:
            return None
        other = next(c for c in top if c != code)
        beside = self._named_beside().get(code, Counter())
        best = max(beside, key=lambda c: (beside[c], c == other), default=other)
        return best if beside[best] > beside[other] else other

    def _named_beside(self) -> dict[str, Counter[str]]:
        """For each country, in how many sentences each other country is named beside it (read once)."""
        cached = self.__dict__.get("_beside")
        if cached is None:
            cached = self.__dict__["_beside"] = {}
            for s in self.sentences:
                codes = set(s.codes())
                for code in codes:
                    cached.setdefault(code, Counter()).update(codes - {code})
        return cached

    def pair_for(self, s: Sentence, have: list[str], back: int = 6) -> list[str]:
        """Complete a list of parties from the sentence and those before it (a heading, the previous
        paragraph), then the focal country: "les échanges bilatéraux" after a paragraph on Laos."""
        if have:
            return self._complete(s, have, back)
        return self._pair(s, back)

    def _complete(self, s: Sentence, have: list[str], back: int) -> list[str]:
        """Add one party to ``have``: the nearest other country mentioned before, or the focal one."""
        # a party named as such before a place where something happened ("une rencontre tenue à Pékin")
        for places in (False, True):
            for prev in reversed(self.sentences[max(0, s.index - back):s.index + 1]):
                for c in prev.countries:
                    if c.code not in have and (places or not c.is_location):
                        return have + [c.code]
            if places is False and self.focal and self.focal not in have:
                break
        return have + [self.focal] if self.focal and self.focal not in have else list(have)

    def _pair(self, s: Sentence, back: int) -> list[str]:
        """Two parties from the sentence and those before it, then the focal country."""
        codes: list[str] = []
        for places in (False, True):
            # parties named as such first; places where things happened only when they are too few
            codes = []
            for prev in reversed(self.sentences[max(0, s.index - back):s.index + 1]):
                for c in prev.countries:
                    if c.code not in codes and (places or not c.is_location):
                        codes.append(c.code)
                if len(codes) >= 2:
                    break
            if len(codes) >= 2 or (codes and self.focal and self.focal not in codes):
                break
        if len(codes) == 1 and self.focal and self.focal not in codes:
            codes.insert(0, self.focal)
        if len(codes) > 2 and self.focal in codes:
            codes = [self.focal] + [c for c in codes if c != self.focal][:1]
        return codes[:2]

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


def _language_use(doc, span, lex: Lexicon) -> bool:
    """A demonym used as the name of a language: "en russe", "la langue russe", "apprendre le russe", "to promote the
    Spanish language" (the words around it are places.yaml's ``language_*``)."""
    if fold(span.text) not in lex.language_forms:
        return False
    if span.end < len(doc) and fold(doc[span.end].text) in lex.language_nouns_after:
        return True
    if span.text[:1].isupper():
        return False
    prev = fold(doc[span.start - 1].text) if span.start > 0 else ""
    prev2 = fold(doc[span.start - 2].text) if span.start > 1 else ""
    if prev in lex.language_cues_before or prev2 in lex.language_cues_before and prev in lex.language_cue_articles:
        return True
    # "le russe" as a noun (not "le président russe"): an article right before, no noun it qualifies
    return (prev in lex.language_articles and span.root.pos_ == "NOUN"
            and span.root.dep_ in ("obj", "obl", "nmod", "nsubj"))


def _after_era_prefix(doc, i: int, prefixes: frozenset[str]) -> bool:
    """Whether the word at ``i`` follows a prefix and its hyphen ("post-Soviet", read as "post", "-", "Soviet"), or
    carries them ("post-soviétique" as one word)."""
    word = fold(doc[i].text)
    if any(word.startswith(p + "-") for p in prefixes):
        return True
    return i >= 2 and doc[i - 1].text == "-" and fold(doc[i - 2].text) in prefixes


OPENING_QUOTES = frozenset({"«", "“", '"', "‹"})
CLOSING_QUOTES = frozenset({"»", "”", '"', "›"})


def _facility_place(doc, i: int, lex: Lexicon) -> bool:
    """"à l'aéroport d'Addis-Abeba", "at the airport of Addis Ababa": a city after a facility noun and "de"/"of",
    itself after a place preposition, is a place."""
    k = i - 1
    while k > 1 and fold(doc[k].text) in lex.place_articles:
        k -= 1  # "au palais de l'Élysée"
    if k < 1 or fold(doc[k].text).rstrip("'") not in lex.facility_preps:
        return False
    noun = doc[k - 1]
    if noun.text in CLOSING_QUOTES:
        # "à l'aéroport international « Léopold Sédar Senghor » de Dakar": the building's own name, quoted
        opening = next((x for x in reversed(doc[max(0, noun.i - 10):noun.i]) if x.text in OPENING_QUOTES), None)
        if opening is None or opening.i == 0:
            return False
        noun = doc[opening.i - 1]
    while noun.pos_ == "ADJ" and noun.i > 0 and fold(noun.text) not in lex.facility_nouns:
        noun = doc[noun.i - 1]  # "à l'aéroport international de Beyrouth", "au palais présidentiel de Kigali"
    return fold(noun.text) in lex.facility_nouns and _prep_before(doc, noun.i, lex.place_articles) in lex.location_preps


def _apposed_place(doc, i: int, j: int, lex: Lexicon) -> bool:
    """"at the State House, Abuja, on Tuesday", "au palais de Koulouba, Bamako,": a city set off by commas after
    a named building ("the Casa Rosada", "Zhongnanhai") or a building noun (places.yaml building_nouns,
    facility_nouns) after a place preposition is where that building is. The words between the preposition and the
    comma are a short noun phrase ("in the talks, Abuja insisted" is no place: the city is followed by a verb, not
    by punctuation); not a gathering ("at the Munich Security Conference, Washington, Beijing and Brussels said":
    the capitals, listed, stand for governments)."""
    if i < 3 or doc[i - 1].text != "," or (j < len(doc) and not doc[j].is_punct):
        return False
    k = i - 2
    phrase = []
    while k >= 0 and len(phrase) <= 5 and doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET") \
            and fold(doc[k].text).rstrip("'") not in lex.location_preps:
        phrase.append(doc[k])
        k -= 1
    words_ = [x for x in phrase if x.pos_ != "DET"]
    if k < 0 or not words_ or fold(doc[k].text).rstrip("'") not in lex.location_preps:
        return False
    if any(fold(x.text) in lex.gathering_nouns for x in words_):
        return False
    # "Washington, Beijing and Brussels said": a list of capitals standing for governments
    if j + 1 < len(doc) and doc[j].text == "," and (doc[j + 1].pos_ == "PROPN" or fold(doc[j + 1].text) in ("and", "et")):
        return False
    return any(x.text[:1].isupper() or fold(x.text) in lex.facility_nouns | lex.building_nouns for x in words_)


def _country_of_city_before(doc, i: int, spans, lex: Lexicon) -> bool:
    """"in Addis Ababa, Ethiopia", "à Nassau, Bahamas": a country set off by a comma right after a city named as a
    place is where that city lies, a place as the city is."""
    if i < 2 or doc[i - 1].text != ",":
        return False
    return any(c.end == i - 1 and c.label_ in ("CITY", "CAPITAL")
               and _prep_before(doc, c.start, lex.place_articles) in lex.location_preps for c in spans)


def _residence_place(doc, i: int, lex: Lexicon) -> bool:
    """A place named after a word of residence and its preposition: "avec résidence à Dakar", "based in Nairobi"."""
    if not lex.residence_words:
        return False
    k = _prep_index(doc, i, lex.place_articles)
    if k < 1 or fold(doc[k].text).rstrip("'") not in lex.location_preps:
        return False
    last = fold(doc[k - 1].text)  # (the phrase's last word first: most places follow none)
    return any((not p or p[-1] == last) and k >= len(p) and tuple(fold(x.text) for x in doc[k - len(p):k]) == p
               for p in lex.residence_words)


def _prep_index(doc, i: int, articles: frozenset[str]) -> int:
    """Where the preposition governing a place mention stands: the token before it, skipping articles (-1: none)."""
    k = i - 1
    while k >= 0 and fold(doc[k].text) in articles:
        k -= 1
    return k


def _prep_before(doc, i: int, articles: frozenset[str]) -> str | None:
    """The preposition governing a place mention: the token before it, skipping articles."""
    k = _prep_index(doc, i, articles)
    return fold(doc[k].text).rstrip("'") if k >= 0 else None


def reference_date(document: Document, dates: DateGrammar) -> str | None:
    """The day the article was filed: a full publication date, or the day of its agency dateline
    ("Jakarta, 7 septembre (Agence) –") in the publication month."""
    if document.date and len(document.date) == 10:
        return document.date
    return _dateline_day(document, dates)


def filing_day(document: Document, dates: DateGrammar) -> str | None:
    """The day of the agency dateline ("Bujumbura, 30 mai (Agence) –") when it falls in the week before a full
    publication date: a page put online the next morning tells of that day what it tells without a date ("est en
    visite"). (Weekdays are still read against the publication date: a dispatch updated the next day says "mardi"
    of that day.)"""
    if not (document.date and len(document.date) == 10):
        return None
    filed = _dateline_day(document, dates)
    published, day = _ordinal(document.date), _ordinal(filed) if filed else None
    return filed if published is not None and day is not None and 0 < published - day <= FILED_DAYS else None


#: how many days before its publication date an article's dateline may give the day it was filed
FILED_DAYS = 7


def _dateline_day(document: Document, dates: DateGrammar) -> str | None:
    """The first full date of the document's dateline segments."""
    for seg in document.segments:
        if seg.kind != "dateline":
            continue
        for d in dates.find(document.text[seg.start:seg.end], seg.start, document.date):
            if len(d.date_start) == 10 and d.date_end is None:
                return d.date_start
    return None


def lead_date(document: Document, segments: list[AnalysedSegment], dates: DateGrammar) -> str | None:
    """With no publication date, the first full date of the lead ("est arrivé vendredi 15 mars 2013")
    anchors the year of the article's yearless dates ("samedi 16 mars")."""
    for seg in segments[:4]:
        for d in dates.find(document.text[seg.segment.start:seg.segment.end], seg.segment.start, None):
            if len(d.date_start) == 10 and not d.since:
                return d.date_start
    return None


#: words before a country name that make it the country ("la Hollande", "en Hollande"), not a surname
_PLACE_DETERMINERS = {"la", "le", "l", "les", "en", "de", "du", "d", "des", "au", "aux", "a", "vers", "toute"}


def _surnames_of_holders(segments: list[AnalysedSegment], offices, when: str | None) -> set[str]:
    """Country names, demonyms and capitals written as part of an office holder's name in this document ("François
    Hollande", "Bill English", "Joseph Muscat"): elsewhere in it, the same word without an article ("Hollande a
    déclaré") is that person; a capital, only after the same first name."""
    out: set[str] = set()
    if not offices:
        return out
    for seg in segments:
        sdoc = seg.doc
        for sp in sdoc.spans[SPAN_KEY] if SPAN_KEY in sdoc.spans else []:
            if sp.label_ in ("COUNTRY", "DEMONYM", "CAPITAL") and sp.start > 0:
                prev = sdoc[sp.start - 1]
                # ("Joseph Muscat" in 2010, three years before he held office: a name of the data at any date)
                if prev.text[:1].isupper() and prev.is_alpha and (
                        offices.terms_of(f"{prev.text} {sp.text}", when) or offices.terms_of(f"{prev.text} {sp.text}")):
                    # a capital only with the first name it was written with ("Joseph Muscat", not a headline's
                    # "Arrives In Muscat")
                    out.add(fold(f"{prev.text} {sp.text}") if sp.label_ == "CAPITAL" else fold(sp.text))
    return out


def _name_use(sdoc, sp, holders: set[str]) -> bool:
    """A country name, demonym or capital that is here a person's (part of) name: "François Hollande", "M. Hollande",
    "Prime Minister English" where Bill English holds that office, "Joseph Muscat"."""
    if sp.label_ not in ("COUNTRY", "DEMONYM", "CAPITAL"):
        return False
    prev = sdoc[sp.start - 1] if sp.start > 0 else None
    if sp.label_ == "CAPITAL":
        return prev is not None and fold(f"{prev.text} {sp.text}") in holders
    if fold(sp.text) not in holders:
        return False
    if sp.label_ == "DEMONYM":
        # the adjective stands before its noun ("the English language"); the surname after a capitalised word
        return prev is not None and prev.text[:1].isupper() and prev.is_alpha
    return prev is None or fold(prev.text).rstrip("'’") not in _PLACE_DETERMINERS


def build_context(document: Document, segments: list[AnalysedSegment], lex: Lexicon,
                  dates: DateGrammar, offices=None) -> DocContext:
    """``offices``: the office holders (``communique.offices``), to tell a surname from a country name."""
    sentences: list[Sentence] = []
    holders = _surnames_of_holders(segments, offices, document.date)
    currency_nouns = {fold(k) for k in (lex.numbers.get("currency_nouns") or {})}
    state_nouns = lex.member_state_nouns
    ref = reference_date(document, dates)
    anchor = document.date or lead_date(document, segments, dates)
    datelines = _dateline_places(document, lex)
    for seg in segments:
        sdoc = seg.doc
        opened_by = datelines.get(seg.segment.start)
        spans = list(sdoc.spans[SPAN_KEY]) if SPAN_KEY in sdoc.spans else []
        in_titles = {k for sp in spans if sp.label_ == "TITLE" for k in range(sp.start, sp.end)}
        for sent in sdoc.sents:
            start = seg.offset + sent.start_char
            end = seg.offset + sent.end_char
            s = Sentence(len(sentences), seg, sent, start, end, document.text[start:end], seg.segment.kind)
            if opened_by and sent.start == 0:
                s.dateline = opened_by
            for sp in spans:
                if sp.start < sent.start or sp.end > sent.end:
                    continue
                if sp.label_ == "DEMONYM" and _language_use(sdoc, sp, lex):
                    continue  # "traduit en russe", "la langue russe", "apprendre le russe": a language
                if sp.label_ == "DEMONYM" and _after_era_prefix(sdoc, sp.start, lex.era_prefixes):
                    continue  # "the post-Soviet area", "l'espace post-soviétique": an era or a region
                if _name_use(sdoc, sp, holders):
                    continue  # "François Hollande": a person, not the Netherlands
                if sp.label_ == "DEMONYM" and _region_of_named_country(sdoc, sp, spans, lex):
                    continue  # "the Central African country, Equatorial Guinea": where the country named lies
                if sp.label_ == "DEMONYM" and sp.start > 0 and fold(sdoc[sp.start - 1].text) in currency_nouns:
                    continue  # "dollars américains", "francs suisses": a currency, not a party
                if sp.label_ == "DEMONYM" and words(sp.text) in lex.historical_demonyms and _describes_state(
                        sdoc, sp, state_nouns):
                    continue  # "ex-république soviétique", "a former Soviet republic": what a country was, not a party
                    # (not "la capitale yougoslave", "l'État soviétique": the state itself)
                if sp.label_ in ("COUNTRY", "DEMONYM") and sp.end < len(sdoc) and (
                        fold(sdoc[sp.end].text) in currency_nouns and sp.end not in in_titles or sdoc[sp.end].text[:1] in "$€£¥"
                        or seg.text[sp.end_char:sp.end_char + 1] in ("$", "€", "£", "¥")):
                    continue  # "US$20 billion", "Canadian dollars": a currency, not a party
                if sp.label_ in ("COUNTRY", "CAPITAL", "CITY") and _residence_place(sdoc, sp.start, lex):
                    # "avec résidence à Dakar", "based in Nairobi": where someone lives, neither a place of the events
                    # nor a party (kept apart, so that no one takes it for a name)
                    s.residences.append(CountryMention(sp.kb_id_, sp.label_, sp.start, sp.end,
                                                       seg.offset + sp.start_char, seg.offset + sp.end_char, sp.text,
                                                       _prep_before(sdoc, sp.start, lex.place_articles)))
                    continue
                dateline = _dateline_place(sdoc, sent, sp)
                if sp.label_ == "CITY":
                    # a city only where a place is expected ("à Shanghai"): elsewhere the same word is
                    # too often part of a name ("Lê Thi Thu Hang", "Shinzo Abe")
                    facility = _facility_place(sdoc, sp.start, lex) or _apposed_place(sdoc, sp.start, sp.end, lex)
                    if _prep_before(sdoc, sp.start, lex.place_articles) not in lex.location_preps and not dateline and not facility:
                        continue
                    # "Puno, Peru", "à Puno, au Pérou": the country the text names after the city is the city's, whichever
                    # country's city of that name is larger
                    # ("à Oyo au Congo-Brazzaville": no comma before the country's preposition either)
                    named = next((c.kb_id_ for c in spans if c.label_ == "COUNTRY" and (sdoc[sp.end].text == "," and (
                        c.start == sp.end + 1 or c.start == sp.end + 2 and fold(sdoc[sp.end + 1].text)
                        in lex.location_preps) or c.start == sp.end + 1 and fold(sdoc[sp.end].text)
                        in lex.location_preps)), None) if sp.end + 1 < len(sdoc) else None
                    if named and named not in countries_with_city(sp.text):
                        named = None  # "à Bouaké, au Ghana et au Togo": a list of places, not the city's country
                    s.cities.append(CountryMention(
                        named or sp.kb_id_, "CITY", sp.start, sp.end, seg.offset + sp.start_char, seg.offset + sp.end_char,
                        sp.text, _prep_before(sdoc, sp.start, lex.place_articles), located=True))
                    continue
                if sp.label_ in PLACE_LABELS:
                    s.countries.append(CountryMention(
                        sp.kb_id_, sp.label_, sp.start, sp.end, seg.offset + sp.start_char,
                        seg.offset + sp.end_char, sp.text, _prep_before(sdoc, sp.start, lex.place_articles),
                        located=_prep_before(sdoc, sp.start, lex.place_articles) in lex.location_preps - (
                            lex.topic_preps if sp.label_ == "COUNTRY" else frozenset()) or (
                            dateline and sp.label_ in ("CAPITAL", "COUNTRY")) or (
                            sp.label_ == "CAPITAL" and (_facility_place(sdoc, sp.start, lex)
                                                        or _apposed_place(sdoc, sp.start, sp.end, lex))) or (
                            sp.label_ == "COUNTRY" and _country_of_city_before(sdoc, sp.start, spans, lex)) or (
                            sp.label_ == "COUNTRY" and _named_after_country_noun(sdoc, sp.start, lex)),
                        place_noun=sp.label_ in ("DEMONYM", "COUNTRY") and _place_noun(sdoc, sp.start, sp.end, sp.label_, lex)))
                elif sp.label_ == "ORG":
                    s.orgs.append(OrgMention(sp.kb_id_, sp.start, sp.end, sp.text))
                elif sp.label_ == "TITLE":
                    if sp.end < len(sdoc) and len(sp) == 1 and _patronymic(sdoc[sp.end].text) and sp.start > 0 \
                            and any(t.end == sp.start for t in spans if t.label_ == "TITLE"):
                        continue  # "Crown Prince Sultan bin Abdulaziz": a given name after a title, its father's next
                    roles, _, held_in = sp.kb_id_.partition("@")
                    role, *also = roles.split("|")
                    s.titles.append(TitleMention(role, sp.start, sp.end, sp.text, also,
                                                 plural=words(sp.text) in lex.plural_titles, held_in=held_in or None))
            s.dates = dates.find(s.text, start, anchor, ref)
            sentences.append(s)
    _settle_ambiguous(sentences, lex)
    ctx = DocContext(document, lex, sentences, ref_date=ref, filed_date=filing_day(document, dates))
    ctx.focal = focal_country(ctx)
    ctx.story_date, ctx.story_index = story_date(ctx)
    return ctx


def _settle_ambiguous(sentences: list[Sentence], lex: Lexicon) -> None:
    """"son homologue congolais" in an article datelined Brazzaville: a form that names one of several countries
    names the one the document otherwise names (by an unambiguous name, capital or city) when only one of them is
    so named."""
    forms = lex.ambiguous_countries
    if not forms:
        return
    doubtful = [(c, forms[k]) for s in sentences for c in s.countries if (k := words(c.text)) in forms]
    if not doubtful:
        return
    named = [(c.code, words(c.text)) for s in sentences for c in [*s.countries, *s.cities] if words(c.text) not in forms]
    for c, codes in doubtful:
        form = words(c.text)
        usual = lex.usual_countries.get(form)
        # "North Korea" beside a bare "Korea": the qualified name sets its country apart from the bare one's
        found = [x for x in codes if any(code == x and not (usual and usual != x and _contains(name, form))
                                         for code, name in named)]
        if len(found) == 1:
            c.code = found[0]
        elif usual and not found:
            c.code = usual


def _patronymic(word: str) -> bool:
    return word.lower() in PATRONYMIC_LINKS


def _contains(name: tuple[str, ...], form: tuple[str, ...]) -> bool:
    """Whether the words of ``form`` come in a row among those of ``name``."""
    return any(name[i:i + len(form)] == form for i in range(len(name) - len(form) + 1))


def _named_after_country_noun(doc, i: int, lex) -> bool:
    """"headed to the Central African country, Equatorial Guinea", "s'est rendu dans le pays voisin, le Togo": a
    country named after a noun of country that a preposition of place governs is that place."""
    k = i - 1
    while k >= 0 and fold(doc[k].text) in lex.place_articles:
        k -= 1
    if k < 1 or doc[k].text != ",":
        return False
    k -= 1
    while k > 0 and doc[k].pos_ == "ADJ":  # (French puts the adjective after the noun: "le pays voisin")
        k -= 1
    if fold(doc[k].text) not in lex.country_nouns:
        return False
    k -= 1
    while k >= 0 and (doc[k].pos_ in ("ADJ", "PROPN") or fold(doc[k].text) in lex.place_articles):
        k -= 1
    return k >= 0 and fold(doc[k].text).rstrip("'") in lex.location_preps


def _region_of_named_country(doc, sp, spans, lex) -> bool:
    """A demonym before a noun of country set off by a comma from another country's name ("the Central African
    country, Equatorial Guinea", "the West African nation, Guinea"): the region the named country lies in."""
    k = sp.end
    if k + 1 >= len(doc) or fold(doc[k].text) not in lex.country_nouns or doc[k + 1].text != ",":
        return False
    return any(o.label_ == "COUNTRY" and o.start == k + 2 and o.kb_id_ != sp.kb_id_ for o in spans)


def _describes_state(sdoc, sp, state_nouns: frozenset[str]) -> bool:
    """A demonym right after or before a noun of member states ("république soviétique", "Soviet republic")."""
    before = sdoc[sp.start - 1] if sp.start > 0 else None
    after = sdoc[sp.end] if sp.end < len(sdoc) else None
    return any(t is not None and fold(t.text).split("-")[-1] in state_nouns for t in (before, after))


#: the place opening an agency dateline: up to three words before its comma, bracket or dash
_DATELINE_PLACE_RE = re.compile(r"\s*([^\W\d_][^\W\d_'’.-]*(?:[ -][^\W\d_][^\W\d_'’.-]*){0,2})\s*(?:[,(]|[-–—:]\s)")


#: the place of a dateline written after its date, in brackets: "Oct 7, 2005 (ADDIS ABABA) —"
_BRACKETED_PLACE_RE = re.compile(r"\(\s*([^\W\d_][^\W\d_'’.-]*(?:[ -][^\W\d_][^\W\d_'’.-]*){0,2})\s*\)")


def _dateline_places(document: Document, lex: Lexicon) -> dict[int, tuple[str, str]]:
    """Where each agency dateline was filed ("BELGRADE, March 12 (Tanjug) -", "Dakar, 3 mai (APS) -"): the offset at
    which the paragraph after it starts -> (country code, city), for a capital or a city of the gazetteer."""
    out: dict[int, tuple[str, str]] = {}
    for k, seg in enumerate(document.segments):
        if seg.kind != "dateline" or k + 1 >= len(document.segments):
            continue
        m = _DATELINE_PLACE_RE.match(document.text, seg.start, seg.end)
        code = lex.place_codes.get(words(m.group(1))) if m else None
        if code is None:
            # "Oct 7, 2005 (ADDIS ABABA) —": the place in brackets after the date
            m = _BRACKETED_PLACE_RE.search(document.text, seg.start, seg.end)
            code = lex.place_codes.get(words(m.group(1))) if m else None
        if m is None:
            continue
        nxt = document.segments[k + 1]
        if code and nxt.kind == "body" and not document.text[seg.end:nxt.start].count("\n"):
            out[nxt.start] = (code, m.group(1).title() if m.group(1).isupper() else m.group(1))
    return out


def _dateline_place(sdoc, sent, sp) -> bool:
    """A place opening a paragraph as its dateline ("MUSCAT - ...", "VARSOVIE : ...", "NAIROBI, March 3 -"):
    where the story is told from, a place like one after "à"/"in"."""
    if sp.start != sent.start or sp.end >= len(sdoc):
        return False
    after = sdoc[sp.end].text
    return after in ("-", "–", "—", "--", ":") or (after == "," and sp.text.isupper() and len(sp.text) > 2)


def _ordinal(day: str) -> int | None:
    import datetime as dt
    try:
        return dt.date.fromisoformat(day).toordinal()
    except ValueError:
        return None


def story_date(ctx: DocContext) -> tuple[tuple[str, str | None] | None, int]:
    """The day (or days) the article reports, and the sentence telling it: the first day-precise date of
    its text that lies within ten days of the filing date, or in the publication month; with no
    publication date, the first day-precise date. Undated events of the lead ("les deux dirigeants ont
    eu un entretien") took place then."""
    ref = _ordinal(ctx.ref_date) if ctx.ref_date else None
    month = ctx.document.date[:7] if ctx.document.date and len(ctx.document.date) >= 7 else None
    for s in ctx.sentences:
        for d in s.dates:
            if len(d.date_start.lstrip("-")) not in (5, 10):
                continue
            if ref is not None:
                o = _ordinal(d.date_start)
                if o is None or abs(o - ref) > 10:
                    continue
            elif month is not None:
                if not (d.date_start.startswith(month) or (d.date_end or "").startswith(month)):
                    continue
            elif ctx.document.date:
                continue
            return (d.date_start, d.date_end), s.index
    return None, 0


def dominant_country(ctx: DocContext, margin: float = 1.5) -> str | None:
    """The focal country when the article names it clearly more often than any other (``margin`` times the next):
    in a report on two countries named about as often, which one it is written from is a coin toss."""
    counts = _country_counts(ctx)
    top = counts.most_common(2)
    if not top or ctx.focal is None:
        return None
    if len(top) > 1 and counts[ctx.focal] < margin * max(n for code, n in top if code != ctx.focal):
        return None
    return ctx.focal


def focal_country(ctx: DocContext) -> str | None:
    """The country the article is written from or about most: most mentions, first mention breaks ties."""
    counts = _country_counts(ctx)
    if not counts:
        return None
    first: dict[str, int] = {}
    for s in ctx.sentences:
        for c in s.countries:
            first.setdefault(c.code, c.start)
    return max(counts, key=lambda c: (counts[c], -first[c]))


def _country_counts(ctx: DocContext) -> Counter[str]:
    """How often the article names each country."""
    return Counter(c.code for s in ctx.sentences for c in s.countries)
