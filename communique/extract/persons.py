"""Persons: named people, their titles (roles) and countries, one entity per person in a document.

In: ``DocContext`` (sentences with title, place and organisation mentions, spaCy entities).
Out: ``PersonMention``s (each occurrence of a name) grouped into ``PersonEntity``s.

A name is found (1) after a title and its complement ("le président du Kazakhstan, Kassym-Jomart
Tokaïev", "le vice-Premier ministre et ministre des Affaires étrangères, Bui Thanh Son"), (2) after a
counterpart noun or an honorific ("son homologue russe Sergueï Lavrov", "M. Lavrov"), (3) as a
statistical PER entity of two words or more, then (4) everywhere else the same name or its surname
recurs. Roles come from the title lexicon; the country from a demonym or a "de <pays>" complement.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..lang import fold, words
from ..names import PATRONYMIC_LINKS, diacritic_weight, edit_distance, name_key, same_in_document
from ..nlp import CAPITALS, PERSON_LABELS
from ..offices import NAMES_LANGUAGE, OfficeHolders, date_bounds
from .context import OPENING_QUOTES, DocContext, Sentence, TitleMention

MAX_TITLE_GAP = 16  # tokens allowed between a title and the name it introduces
# capitalised function words that start sentences but, after a name has begun, are part of it
_FUNCTION_WORDS = {"Le", "La", "Les", "Son", "Sa", "Ses", "Ce", "Cet", "Cette", "Ces", "Un", "Une", "Au", "Du"}
_DASHES = ("–", "—", "-", "‐")  # a spaced one joins the links of a route: "Hanoï – Lang Son"
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{1,3}|V)")  # "Mohammed VI", "Charles III"
_INITIALS = re.compile(r"(?:[A-Z]\.\s?){1,3}")


#: a form of address glued to the name after it ("M.Foued Mebazaa")
_GLUED_HONORIFIC = re.compile(r"(\w{1,4})\.(?=[A-ZÀ-Ý])")
#: a word in capitals glued to a capitalised word ("JIABAOWen"): the capital that opens the second word
_GLUED_REPEAT = re.compile(r"(?<=[A-ZÀ-Ý]{2})[A-ZÀ-Ý](?=[a-zà-ÿ])")


@dataclass
class PersonMention:
    sentence: Sentence
    i: int
    j: int
    name: str
    start: int
    end: int
    role: str | None = None
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role, title words)
    country: str | None = None
    anchored: bool = False  # introduced by a title, honorific or counterpart noun
    counterpart: bool = False  # introduced as "son homologue", "son hôte"
    title_only: bool = False  # "le président ouzbek": no name, resolved to the one person it can be
    honorific: bool = False  # "Mme Samia", "M. Lavrov": a name after a courtesy title
    # the one country of the office its title names ("le pape François": VAT), or "org:" and the code of the
    # organisation whose office it is ("le secrétaire général de l'ONU": org:UN), which places its holder nowhere
    office_country: str | None = None
    role_date: str | None = None  # the date its title held, when not the article's ("lors de la visite du
    # Premier ministre X en 2012", "le décès du président Y en mars"); None: the article's date
    entity: "PersonEntity | None" = None


@dataclass
class PersonEntity:
    key: int
    mentions: list[PersonMention] = field(default_factory=list)
    country: str | None = None
    country_source: str | None = None  # stated, counterpart, office, family_name, focal, talks_place
    office_role: str | None = None  # the office the office-holder data gives at the article's date
    inferred: str | None = None  # named by no mention: the office holder a title-only mention designates
    canonical: str | None = None  # the office-holder data's name for the person: an alias joining languages
    # the name the text gives is a misspelling or a part of the office holder's ("Sadyr Zhaparov", "Queen
    # Elizabeth", "Prime Minister Hailemariam"): the person is named by the canonical name
    named_by_office: bool = False

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.mentions if not m.title_only]

    @property
    def name(self) -> str:
        """The fullest spelling, preferring the one with fewest words in capitals (not a headline's "Wen JIABAO")
        and with diacritics (Tô Lâm over To Lam)."""
        if not self.names and self.inferred:
            return self.inferred
        if self.named_by_office and self.canonical:
            return self.canonical
        longest = max(len(words(n)) for n in self.names)
        full = [n for n in self.names if len(words(n)) == longest]
        counts = Counter(full)
        best = max(full, key=lambda n: (-sum(w.isupper() and len(w) > 1 for w in n.split()), diacritic_weight(n),
                                        counts[n], -full.index(n)))
        if self.canonical and any(w.isupper() and len(w) > 1 for w in best.split()) \
                and name_key(self.canonical) == name_key(best):
            return self.canonical  # "Wen JIABAO" of a heading, "Wen Jiabao" in the office-holder data
        return best

    @property
    def roles(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for m in self.mentions:
            for r in m.roles:
                if r[0] not in [x[0] for x in out]:
                    out.append(r)
        if not out and self.office_role:
            out.append((self.office_role, ""))
        return out

    def dated_roles(self, when: str | None) -> list[tuple[str, str | None, str]]:
        """(role, as_of, title words): as of ``when`` (the article's date) when some mention gives the title
        for the present, else as of the latest date a mention gives it for (a past event, a death)."""
        out: list[tuple[str, str | None, str]] = []
        for role, title in self.roles:
            dates = [m.role_date for m in self.mentions if any(r == role for r, _ in m.roles)]
            past = [d for d in dates if d]
            as_of = max(past) if dates and len(past) == len(dates) else when
            out.append((role, as_of, title))
        return out

    @property
    def role(self) -> str | None:
        rs = self.roles
        # the most specific role first: a deputy PM who is also foreign minister acts as foreign minister
        order = ["party_general_secretary", "head_of_state", "head_of_government", "foreign_minister",
                 "parliament_speaker", "deputy_head_of_government", "deputy_foreign_minister", "minister",
                 "ambassador", "other"]
        codes = [r[0] for r in rs]
        for o in order:
            if o in codes:
                return o
        return codes[0] if codes else None


def _by_first_word(phrases: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases as word tuples, by their first word (a sentence is then read once, not once a phrase)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if w := words(p):
            out.setdefault(w[0], []).append(w)
    return out


class PersonFinder:
    def __init__(self, ctx: DocContext, offices: OfficeHolders | None = None):
        self.ctx = ctx
        self.offices = offices
        self.when = ctx.document.date or (ctx.story_date[0] if ctx.story_date else None)
        lex = ctx.lex
        self.stop = lex.name_stopwords
        self.counterparts = {fold(w) for w in lex.persons.get("counterpart_nouns", [])}
        self.same_office = {fold(w) for w in lex.persons.get("same_office_nouns", [])}
        self.portfolio_words = {fold(w).rstrip("'") for w in lex.persons.get("portfolio_words", [])}
        self.charge_words = {fold(w) for w in lex.persons.get("charge_words", [])}
        self.portfolio_nouns = {fold(w) for w in lex.persons.get("portfolio_nouns", [])}
        self.and_words = {fold(w) for w in lex.persons.get("and_words", [])}
        self.aide_nouns = {fold(w) for w in lex.persons.get("aide_nouns", [])}
        self.home_return_markers = [words(w) for w in lex.persons.get("home_return_markers", [])]
        self.credit_words = tuple(lex.persons.get("credit_words", []))
        self.list_openers = {fold(w) for w in lex.persons.get("list_openers", [])}
        self.co_signing_verbs = {w.lower() for w in lex.persons.get("co_signing_verbs", [])}
        self.enumeration_conjunctions = {fold(w) for w in lex.persons.get("enumeration_conjunctions", [])}
        self.route_nouns = {fold(w) for w in lex.persons.get("route_nouns", [])}
        self.honorifics = {fold(w) for w in lex.persons.get("honorifics", [])}
        self.honorific_place_preps = {fold(w) for w in lex.persons.get("honorific_place_preps", [])}
        self.title_country_preps = {fold(w) for w in lex.persons.get("title_country_prepositions", [])}
        self.country_before_title = bool(lex.persons.get("country_before_title"))
        self.institution_nouns = {fold(w) for w in lex.persons.get("institution_nouns", [])}
        self.private_occupations = {fold(w) for w in lex.persons.get("private_occupations", [])}
        self.presidency_words = {fold(w) for w in lex.persons.get("presidency_words", [])}
        self.place_nouns_before = {fold(w) for w in lex.persons.get("place_nouns_before_name", [])}
        self.delegation_markers = _by_first_word(lex.persons.get("delegation_markers", []))
        self.delegation_led_markers = _by_first_word(lex.persons.get("delegation_led_markers", []))
        self.delegation_list_openers = {fold(w) for w in lex.persons.get("delegation_list_openers", [])}
        self.delegation_closing_markers = _by_first_word(lex.persons.get("delegation_closing_markers", []))
        self.delegation_subject_markers = _by_first_word(lex.persons.get("delegation_subject_markers", []))
        self.companion_preps = [words(p) for p in lex.persons.get("companion_prepositions", [])]
        self.reception_verbs = {fold(w) for w in lex.triggers.get("meeting", {}).get("reception_verbs", [])}
        # "De retour de Paris", "back from Paris": a place left, not the place of a welcome
        self.origin_markers = [words(w) for w in [*lex.persons.get("return_markers", []),
                                                  *lex.triggers.get("visit", {}).get("origin_markers", [])]]
        visit = lex.triggers.get("visit", {})
        self.travel_verbs = frozenset(v for k in ("verbs", "motion_verbs", "reflexive_verbs", "arrival_verbs",
                                                  "departure_verbs") for v in visit.get(k, []))
        self.particles = {fold(w) for w in lex.persons.get("particles", [])}
        self._not_current = {fold(w) for w in lex.persons.get("not_current", [])}
        self._death_nouns = {fold(w) for w in lex.persons.get("death_nouns", [])}
        self._indefinite = {fold(w) for w in lex.persons.get("indefinite", [])}
        self._anchoring: set[tuple[int, int]] = set()  # (sentence, title token) of titles followed by a name
        self._marker_words: dict[int, tuple[list[int], list[str]]] = {}  # sentence -> (its words but adverbs, folded)

    # ---------------------------------------------------------------- tokens
    def _blocked(self, s: Sentence) -> set[int]:
        """Tokens inside place, organisation or title mentions: never part of a name."""
        out: set[int] = set()
        for m in [*s.countries, *s.orgs, *s.titles, *s.residences]:
            out.update(range(m.i, m.j))
        # "appointed foreign minister in May 2022": a month written with its day or year is no name after a title
        # (a month alone may be one: "Theresa May")
        text = s.seg.text
        for d in s.dates:
            a, b = d.start - s.seg.offset, d.end - s.seg.offset
            if any(c.isdigit() for c in text[a:b]):
                out.update(t.i for t in s.span if a <= t.idx < b and not t.like_num)
        return out

    def is_name_token(self, tok, blocked: set[int], inside: bool = False) -> bool:
        """Whether a token can be part of a personal name; ``inside`` a name already started,
        function words ("Son" in "Bùi Thanh Sơn" written without diacritics) are name parts."""
        t = tok.text
        if not t or not t[0].isupper() or tok.i in blocked or tok.like_num:
            return False
        if (t in self.stop or t.rstrip(".'") in self.stop) and not (inside and t in _FUNCTION_WORDS):
            return False
        if self.is_honorific(t):
            return False  # "Hon. Mr. X", "Shri Y": forms of address, not names
        if not inside and tok.is_sent_start and tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") \
                and "Pres" in tok.morph.get("Tense"):
            return False  # "Greeting Edward X, the speaker said", "Saluant X, ...": the clause's verb opens it
        if t.isupper() and len(t) > 1 and len(t) <= 5 and not (inside and len(t) >= 3 and t.isalpha()):
            return False  # acronyms (PCV, ONU, VNA); inside a name, a surname in capitals ("Alpha CONDE")
        return any(c.isalpha() for c in t)

    def _one_word_run(self, doc, i: int, end: int, blocked: set[int]) -> bool:
        """The name starting at token i is one word (a hyphenated one too: "Ying-jeou")."""
        j = self.name_run(doc, i, end, blocked)
        return j > i and sum(1 for x in doc[i:j] if x.text not in ("-", "‐") and x.text[:1].isalpha()
                             and not (x.i > i and doc[x.i - 1].text in ("-", "‐") and not doc[x.i - 1].whitespace_)) == 1

    def is_honorific(self, text: str) -> bool:
        """A form of address as the data lists it, dot included: "Eng." is one, "Eng" a name ("Ng Eng Hen")."""
        return fold(text) in self.honorifics

    def name_run(self, doc, i: int, end: int, blocked: set[int], after_title: bool = False) -> int:
        """End (exclusive) of the name starting at token i, or i when none starts there; ``after_title``: right after
        a person's title, where a short word in capitals opens a name written in capitals ("le Premier ministre ABE
        SHINZO", "son homologue, MA Ying-jeou"), not an acronym."""
        if i >= end or not doc[i].text[:1].isupper():
            return i  # (every name, initial and surname in capitals below opens with a capital)
        # "Samdech HUN Sen", "M. CONDE Alpha": a surname in capitals right after a form of address, which an
        # acronym never follows
        caps_after_address = (i > 0 and doc[i].text.isupper() and doc[i].text.isalpha() and 2 <= len(doc[i].text) <= 5
                              and self.is_honorific(doc[i - 1].text) and i not in blocked
                              and i + 1 < end and self.is_name_token(doc[i + 1], blocked, inside=True))
        # "K.P. Sharma Oli", "W. S. Parera": initials opening a name, which an acronym never does before a name
        initials = bool(_INITIALS.fullmatch(doc[i].text)) and not self.is_honorific(doc[i].text) and i not in blocked \
            and i + 1 < end and not self.is_honorific(doc[i].text + doc[i + 1].text) and (
            self.is_name_token(doc[i + 1], blocked, inside=True) or bool(_INITIALS.fullmatch(doc[i + 1].text)))
        caps_after_title = after_title and doc[i].text.isupper() and doc[i].text.isalpha() and len(doc[i].text) >= 2 \
            and not (i > 0 and doc[i - 1].pos_ == "ADP") \
            and i not in blocked and doc[i].text not in self.stop and not self.is_honorific(doc[i].text) and i + 1 < end \
            and self.is_name_token(doc[i + 1], blocked, inside=True) and doc[i + 1].text[:1].isalpha() and (
                # the family name in capitals right after the title, its country or a comma, then the given name in
                # capitals or in one word ("HUN Sen", "MA Ying-jeou"; not "le Premier ministre UK Rishi Sunak": an
                # abbreviation before a whole name; nor "minister of state at HM Treasury")
                doc[i + 1].text.isupper() or self._one_word_run(doc, i + 1, end, blocked))
        if not caps_after_address and not initials and not caps_after_title and not self.is_name_token(doc[i], blocked):
            return i
        if any(doc[i].lower_.startswith(w) and doc[i].text[len(w):len(w) + 1].isupper() for w in self.credit_words):
            return i  # "ReutersPresidents Hugo Chavez": a credit glued to the next word by a lost line break
        j = i + 1

        def name_words(k: int) -> int:  # "Sabah al-Ahmed al-Jaber al-Sabah" is four words, eleven tokens
            return sum(1 for x in doc[i:k] if x.text not in ("-", "‐") and fold(x.text) not in self.particles)

        while j < end and name_words(j) < 7 and j - i < 16:
            tok = doc[j]
            if _ROMAN.fullmatch(tok.text) and tok.i not in blocked:
                j += 1
                if j < end and (doc[j].text.isupper() or doc.user_data.get(CAPITALS)):
                    break  # "MOHAMMED VI JOHN MAGUFULI": in a line of capitals, the regnal number ends the name
                continue  # ("Carl XVI Gustaf", "Abdallah II Ibn Al-Hussein")
            if self.is_name_token(tok, blocked, inside=True):
                j += 1
            elif _INITIALS.fullmatch(tok.text) and not self.is_honorific(tok.text) and tok.i not in blocked and j + 1 < end \
                    and self.is_name_token(doc[j + 1], blocked, inside=True):
                j += 1  # "W. S. Parera": the second initial
            elif tok.is_space and j + 1 < end and self.is_name_token(doc[j + 1], blocked, inside=True):
                j += 2  # "Gabriel  Podiougou": the tokenizer keeps the second space as a token of its own
            elif tok.text in ("-", "–", "‐") and tok.whitespace_ and doc[j - 1].whitespace_ and j + 1 < end \
                    and doc[j - 1].text.isupper() and doc[j + 1].text.isupper() and doc[j + 1].text.isalpha() \
                    and len(doc[j + 1].text) >= 3 and self.is_name_token(doc[j + 1], blocked, inside=True):
                j += 2  # "Marcel AMON – TANOH": a double family name in capitals, its hyphen spaced as a dash
            elif tok.text in ("'", "’") and not doc[j - 1].whitespace_ and tok.whitespace_ and j + 1 < end \
                    and doc[j + 1].text[:1].isupper() and self.is_name_token(doc[j + 1], blocked, inside=True):
                j += 2  # "Mohammed Shia' Al Sudani": a letter of the transliteration (an ayn), not a possessive
            elif len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] in "'’" and not tok.whitespace_ \
                    and j + 1 < end and self.is_name_token(doc[j + 1], blocked, inside=True):
                j += 2  # "Bah N'Daw", "Macky N'Diaye", "Conor O'Brien"
            elif tok.text in ("-", "‐") and doc[j - 1].whitespace_ == "" and j + 1 < end \
                    and doc[j + 1].text.islower() and len(doc[j + 1].text) <= 5 and not doc[j].whitespace_:
                j += 2  # "Moon Jae-in", "Kim Yo-jong"
            elif fold(tok.text) in self.particles and tok.text.islower() and j + 2 < end \
                    and doc[j + 1].text in ("-", "‐") and self.is_name_token(doc[j + 2], blocked):
                j += 3  # "Abdel Fattah al-Sissi"
            elif tok.text in ("-", "‐") and doc[j - 1].whitespace_ == "" and j + 1 < end \
                    and self.is_name_token(doc[j + 1], blocked):
                j += 2
            elif fold(tok.text) in self.particles and tok.text.islower() and j + 1 < end \
                    and self.is_name_token(doc[j + 1], blocked):
                j += 2  # "Ursula von der Leyen", "Juan Ramón de la Fuente"
            elif fold(tok.text) in self.particles and tok.text.islower() and j + 2 < end \
                    and fold(doc[j + 1].text) in ("la", "le", "los", "las") and self.is_name_token(doc[j + 2], blocked):
                j += 3
            elif fold(tok.text) in self.particles and tok.text[:1].isupper() and tok.i not in blocked \
                    and j + 1 < end and self.is_name_token(doc[j + 1], blocked, inside=tok.text.isupper()):
                j += 2  # "Alexander De Croo", "Ursula Von der Leyen" written with a capital, "Khalid AL FALIH" in capitals
            else:
                break
        return j

    # ---------------------------------------------------------------- anchors
    def _after_title(self, s: Sentence, blocked: set[int], title_start: dict[int, object]) -> list[PersonMention]:
        doc, end = s.doc, s.span.end
        out = []
        consumed: set[int] = set()
        for t in s.titles:
            if t.i in consumed:
                continue
            if self._aide_of(s, t):
                continue  # "Adviser to the Prime Minister on Commerce X": X advises; the office is another's
            roles = [(t.role, t.text)] + [(r, t.text) for r in t.also]
            # "le ministre russe des Affaires étrangères": the demonym sits inside the title
            inner = [c for c in s.countries if t.i <= c.i < t.j and c.label == "DEMONYM"]
            country = inner[0].code if inner else None
            if country is None:
                # "Turkish Defense Minister X", "Japan's Foreign Minister X", "Fiji Foreign Minister X" (English
                # order): the country right before the title
                country = next((c.code for c in s.countries if c.label in ("DEMONYM", "PREFIX") and c.j == t.i
                                or c.label == "COUNTRY" and c.j + 1 == t.i and doc[c.j].lower_ in ("'s", "’s", "'")
                                or c.label == "COUNTRY" and c.j == t.i and self.country_before_title
                                and not c.located), None) or self._possessor_of_portfolio(s, t)
            k, commas = t.j, 0
            aide = bool(words(t.text)) and words(t.text)[-1] in self.aide_nouns
            # inside the name of the title's ministry ("Minister of Agriculture, Fisheries and Food")
            portfolio = any(fold(x.text) in self.portfolio_words for x in doc[t.i + 1:t.j])
            small_portfolio = False
            found = None
            while k < end and k - t.j < MAX_TITLE_GAP:
                tok = doc[k]
                if k in title_start:
                    nt = title_start[k]
                    if not aide:  # "Adviser to the Prime Minister on Trade X": the second office is the principal's
                        roles.append((nt.role, nt.text))
                        roles.extend((r, nt.text) for r in nt.also)
                    consumed.add(k)
                    k = nt.j
                    continue
                cm = next((c for c in s.countries if c.i <= k < c.j), None)
                if cm is not None:
                    if country is None and (cm.label in ("DEMONYM", "PREFIX") or cm.prep in ("de", "du", "d", "des", "of")
                                            or cm.i < k):
                        country = cm.code
                    k = cm.j
                    continue
                om = next((o for o in s.orgs if o.i <= k < o.j), None)
                if om is not None:
                    k = om.j
                    continue
                tm = next((x for x in s.titles if x.i < k < x.j), None)
                if tm is not None:
                    k = tm.j
                    continue
                w = fold(tok.text)
                if tok.tag_ == "POS" or _clitic_s(tok):
                    break  # "the President's News", "the Prime Minister's Office": the title's, not a name
                if tok.text == "," or tok.text in ("--", "—", "–") and not doc[k - 1].whitespace_:
                    # "Foreign Ministers--A and B": a dash glued to the title sets the names off too (a spaced one
                    # opens an aside: "the Prime Minister – X was away – in Paris")
                    rest = self._portfolio_rest(s, k + 1, title_start, blocked) if portfolio else None
                    if rest is not None:
                        k = rest  # ", Fisheries and Food, Luis Planas": the ministry's name goes on
                        continue
                    commas += 1
                    if commas > 1:
                        break
                    k += 1
                    continue
                if tok.text == "(":
                    close = next((x.i for x in doc[k:end] if x.text == ")"), None)
                    if close is None:
                        break
                    k = close + 1
                    continue
                j = self.name_run(doc, k, end, blocked, after_title=True)
                b = k - 1  # "Minister of Pacific Island Affairs": capitalised common words inside the ministry's name
                while b > t.j and doc[b].text[:1].isupper() and doc[b].text in self.stop:
                    b -= 1
                if j > k and fold(doc[b].text).rstrip("'’") in self.portfolio_words and not commas:
                    # "la ministre des Mines, X": the ministry's name, not a person; "Minister for Planning X Y": up
                    # to where the model sees a person's name begin
                    k, portfolio = self._after_portfolio(s, k, j), True
                    continue
                if j > k and j + 1 < end and _clitic_s(doc[j]) and doc[j + 1].text[:1].isupper():
                    # "Chairman of the Chinese People's Political Consultative Conference X": a body's name, up to where
                    # the model sees a person begin
                    e = j + 1
                    while e < end and doc[e].text[:1].isupper():
                        e += 1
                    k = _person_start(s, j + 1, e)
                    continue
                if j > k:
                    h = j + 1 if j + 1 < end and doc[j + 1].text == "." else j
                    if j < end and self.is_honorific(doc[j].text) and self.name_run(doc, h + 1, end, blocked) > h + 1:
                        # "Alhaji Dr Mahamudu Bawumia": a form of address inside the run; the name follows it
                        k, j = h + 1, self.name_run(doc, h + 1, end, blocked)
                    found = (k, j)
                    break
                if self.is_honorific(tok.text):
                    # "Senator the Hon Arthur Sinodinos", "Minister of Pacific Island Affairs Hon. X"
                    k += 2 if k + 1 < end and doc[k + 1].text == "." and not tok.whitespace_ else 1
                    continue
                if commas and tok.pos_ == "DET" and k + 1 < end and self.is_honorific(doc[k + 1].text):
                    k += 1  # "Le chef de l'État centrafricain, le professeur X": an article before a form of address
                    continue
                if commas:
                    break  # after "titre du pays," only the name may follow
                if w in self.charge_words and k + 1 < end and \
                        fold(doc[k + 1].text).rstrip("'’") in self.portfolio_words:
                    k += 1  # "... aux Affaires étrangères chargé de la Médiation, X": the portfolio goes on
                    continue
                if tok.pos_ in ("VERB", "AUX") or tok.is_punct:
                    break
                if w in self.and_words:
                    nxt = k + 1
                    if nxt in title_start or any(c.i == nxt and c.label == "DEMONYM" for c in s.countries):
                        k += 1
                        continue
                    if portfolio:  # "ministre de l'Industrie et des Mines X": the article of the second portfolio
                        while nxt < end and doc[nxt].text.islower() and fold(doc[nxt].text) in self.portfolio_words:
                            nxt += 1
                    run = self.name_run(doc, nxt, end, blocked) if portfolio and not commas else nxt
                    if run > nxt:
                        rest = self._after_portfolio(s, nxt, run)
                        if rest < end and (doc[rest].text == "," or rest in title_start or rest != run or (
                                doc[rest].text.islower() and fold(doc[rest].text) in self.portfolio_words
                                and self._country_then_comma(s, rest + 1))):
                            # "Minister for Work and Social Economy, X", "Minister of Technology and Innovation of
                            # Hungary, X"
                            k = rest
                            continue
                    if self._lower_portfolio_then_comma(s, nxt, end, title_start):
                        k = nxt  # "le ministre des hydrocarbures et de l'énergie, X": a second portfolio in small letters
                        continue
                    if small_portfolio and nxt < end and doc[nxt].text.islower() \
                            and fold(doc[nxt].text) in self.portfolio_nouns:
                        k = nxt  # "minister for energy and industry X": a second portfolio in small letters
                        continue
                    break
                if tok.text[:1].isupper() and tok.text not in self.stop:
                    break
                if tok.text.islower() and w.rstrip("'’") in self.portfolio_words:
                    small_portfolio = True  # "minister for energy ...": the ministry's name in small letters
                k += 1
            if found:
                self._anchoring.add((s.index, t.i))
                if self._former(s, t):
                    roles = []  # "l'ancienne présidente Dilma Rousseff": not her office at the article's date
                died = self._dead(s, t, found)
                if died is not None and not died:
                    roles = []  # "à la suite du décès du président X": an office held until an unknown date
                if t.plural and not _person_like(s, *found):
                    continue  # "Cabinet Ministers, Business people", "les présidents des 2 Chambres": groups
                if country is None:
                    # "Prime Minister Hun Sen of Cambodia": the country named right after the name
                    country = next((c.code for c in s.countries if c.label == "COUNTRY" and not c.located
                                    and found[1] < c.i <= found[1] + 2 and c.prep in self.title_country_preps
                                    and fold(doc[found[1]].text) in self.title_country_preps), None)
                held_in = self._held_in(s, t)
                if country is None and held_in:
                    country = held_in  # "le pape François": an office only one country has
                org = _organisation_of(s, t)
                m = self._mention(s, *found, roles=roles, country=None if org else country)
                m.role_date = died or None
                m.office_country = held_in or org
                out.append(m)
                more = self._enumeration(s, found[1], roles, blocked)
                if t.plural and not more:
                    more = self._plural_names(s, found[1], roles, blocked)
                out.extend(more)
        return out

    @staticmethod
    def _lower_portfolio_then_comma(s: Sentence, k: int, end: int, title_start: dict) -> bool:
        """After "et" / "and" in a title: a preposition ("de", "des", "of"), words in small letters only, no other
        title nor country but the ministry's demonym, then a comma (the second portfolio of a ministry written in small
        letters, the name after the comma: "de la coopération et de l'action humanitaire luxembourgeoise, X"; not "le
        chef de l'État et le président péruvien, X": another person's title)."""
        doc = s.doc
        if k >= end or doc[k].pos_ != "ADP" or not doc[k].text.islower() or k + 1 < end and doc[k + 1].pos_ == "ADJ":
            return False  # (not "et de hauts responsables du gouvernement, X": people, not a ministry)
        m = k
        while m < end and doc[m].text != ",":
            if not (doc[m].text.islower() or doc[m].text in ("'", "’", "-")) or m - k > 8 or m in title_start \
                    or any(c.i <= m < c.j and c.label != "DEMONYM" for c in s.countries):
                return False
            m += 1
        return m < end and m > k + 1

    @staticmethod
    def _country_then_comma(s: Sentence, k: int) -> bool:
        """A country named at k, past its articles, and a comma right after it: "... of Hungary, X" (not "of Hungary
        and Serbian Prime Minister X", another person's title)."""
        while k < s.span.end and s.doc[k].pos_ == "DET":
            k += 1
        c = next((c for c in s.countries if c.i == k and c.label == "COUNTRY"), None)
        return c is not None and c.j < s.span.end and s.doc[c.j].text == ","

    def _after_portfolio(self, s: Sentence, k: int, j: int) -> int:
        """Where the person's name begins inside the capitalised run doc[k:j] after "Minister of": where the model sees
        a person begin, else after the portfolio nouns opening the run ("Minister of Innovation László Palkovics",
        which the model reads as one organisation), when a name of two words or more is left."""
        start = _person_start(s, k, j)
        if start < j:
            return start
        b = k
        while b < j and (fold(s.doc[b].text) in self.portfolio_nouns or fold(s.doc[b].text) in self.and_words):
            b += 1
        return b if k < b <= j - 2 and fold(s.doc[b - 1].text) in self.portfolio_nouns else j

    def _plural_names(self, s: Sentence, k: int, roles, blocked) -> list[PersonMention]:
        """"Foreign Ministers Santiago Cafiero and Julio César Arriola", "Interior Ministers, X and Y": the further
        names after a plural title's first one, joined by commas and "and"."""
        doc, end = s.doc, s.span.end
        out = []
        while k < end:
            nxt = k + 1 if doc[k].text == "," else k
            last = nxt < end and fold(doc[nxt].text) in self.and_words
            nxt += 1 if last else 0
            j = self.name_run(doc, nxt, end, blocked) if nxt > k else nxt
            if j == nxt or not _person_like(s, nxt, j):
                break
            out.append(self._mention(s, nxt, j, roles=roles, country=None))
            if last:
                break  # "Presidents A and B, C and D": the title's list ends with its "and"
            k = j
        return out

    def _portfolio_rest(self, s: Sentence, k: int, title_start: dict, blocked: set[int]) -> int | None:
        """Where the rest of a ministry's name listed after a comma ends ("Fisheries and Food" in "Minister of
        Agriculture, Fisheries and Food, X"; "Innovation and Science" before "Senator X"): the comma or title that
        follows it, or None when what follows the comma is not such a list (a person's name)."""
        doc, end = s.doc, s.span.end
        joined = False
        runs = 0
        while k < end:
            if k in title_start:
                return k if joined and runs else None
            cm = next((x for x in [*s.orgs, *s.countries] if x.i == k), None)
            j = cm.j if cm is not None else self.name_run(doc, k, end, blocked)
            if joined and runs == 0 and cm is None and k < _person_start(s, k, j) < j:
                return _person_start(s, k, j)  # "Minister of Police, Prisons and Fire Service Toleafoa Faafisi"
            # a run that ends with a portfolio's noun names a portfolio, whatever the model reads in it ("Diaspora
            # Affairs": the run stops before the capitalised common word)
            while cm is None and j > k and j < end and doc[j].text[:1].isupper() \
                    and fold(doc[j].text) in self.portfolio_nouns:
                j += 1
            portfolio_end = cm is None and j > k and fold(doc[j - 1].text) in self.portfolio_nouns
            if j == k or not portfolio_end and _person_like(s, k, j, model_only=True):
                return None
            runs += 1
            k = j
            if k >= end:
                return None
            if doc[k].text == "," and joined:
                return k
            if doc[k].text == ",":
                k += 1
            elif fold(doc[k].text) in self.and_words and not joined:
                joined, runs = True, 0
                k += 1
            elif k in title_start and joined:
                return k
            elif joined and runs and fold(doc[k].text) in self.portfolio_words and any(
                    c.i == k + 1 and c.j < end and doc[c.j].text == "," for c in s.countries):
                return k  # "Minister of External Affairs, International Trade and Diaspora Affairs of Saint Lucia, X"
            else:
                return None
        return None

    def _title_after_name(self, s: Sentence, m: PersonMention) -> None:
        """"Mohammad Ansari, the Vice-President of India", "M. X, ministre des Affaires étrangères du Ghana":
        a title in apposition right after a name no title introduced gives that person its office and the
        country it names. A title already introducing a name of its own is not an apposition."""
        doc, end = s.doc, s.span.end
        k = m.j
        if k >= end or doc[k].text != "," and not any(t.i == k for t in s.titles):
            return  # (a title right after the name may have no comma: "X vice-Président de la République du Mali")
        comma = doc[k].text == ","
        k += comma
        while k < end and doc[k].pos_ == "DET":
            k += 1
        before = next((c for c in s.countries if c.i == k and c.label in ("DEMONYM", "PREFIX")), None)
        if before is not None:
            k = before.j  # "X, Indian Vice-President"
        t = next((t for t in s.titles if t.i == k), None)
        if t is None or t.role is None or (s.index, t.i) in self._anchoring or self._aide_of(s, t):
            return
        if comma and doc[t.i:t.j].root.dep_.startswith("nsubj"):
            return  # "Selon Jean Exemple, le président ghanéen se rendra ...": the next clause's subject
        org = _organisation_of(s, t)
        country = before.code if before is not None else None if org else self._title_country(s, t)
        if not self._former(s, t):
            m.roles = [(t.role, t.text)] + [(r, t.text) for r in t.also]
            m.role = t.role
        m.country = m.country or country
        m.office_country = self._held_in(s, t) or org
        self._anchoring.add((s.index, t.i))

    def _aide_of(self, s: Sentence, t) -> bool:
        """"Adviser to the Prime Minister", "conseiller du président", "spokesman for the President": a title
        governed by a noun of someone serving its holder."""
        doc, k = s.doc, t.i - 1
        while k > s.span.start and doc[k].pos_ == "DET":
            k -= 1
        if k <= s.span.start or doc[k].pos_ != "ADP" and fold(doc[k].text) not in ("du", "des", "au", "aux"):
            return False
        return fold(doc[k - 1].text) in self.aide_nouns

    def _dead(self, s: Sentence, t, found: tuple[int, int]) -> str | None:
        """For a title under a noun of death ("à la suite du décès du président X", "les obsèques de l'ancien
        roi Y"): the date of the sentence before the article's date the office was held until (may be ""
        when the sentence gives none); None when the person is not spoken of as dead."""
        doc = s.doc
        under = False
        for start in (doc[t.i:t.j].root, doc[found[0]:found[1]].root):
            tok = start
            for _ in range(4):
                if tok.head.i == tok.i or tok.dep_ not in ("nmod", "appos", "flat:name", "obl:arg", "obl:mod"):
                    break
                tok = tok.head
                if fold(tok.lemma_) in self._death_nouns or fold(tok.text) in self._death_nouns:
                    under = True
        if not under:
            k = t.i - 1  # "feu le président X", "le défunt roi Y"
            while k >= s.span.start and doc[k].pos_ in ("DET", "ADJ"):
                if fold(doc[k].text) in self._death_nouns:
                    under = True
                k -= 1
        if not under:
            return None
        when = self.ctx.document.date
        before = [d for d in s.dates if when and d.date_start[:len(when)] < when[:len(d.date_start)]
                  and d.date_start[:4].isdigit()]
        if not before:
            return ""
        near = min(before, key=lambda d: abs(d.start - (s.seg.offset + doc[t.i].idx)))
        return near.date_start

    def _former(self, s: Sentence, t) -> bool:
        """Whether a title is a former (or future) one: "l'ancien président", "l'ex-Premier ministre"."""
        return bool({fold(x.text) for x in s.doc[max(t.i - 2, s.span.start):t.j]} & self._not_current) or \
            fold(s.doc[t.i].text).startswith("ex-")

    def _enumeration(self, s: Sentence, k: int, roles, blocked) -> list[PersonMention]:
        """"les présidents kazakh X, azerbaïdjanais Y et russe Z": demonym + name, repeated."""
        doc, end = s.doc, s.span.end
        out = []
        while k + 1 < end and doc[k].text in (",", "et"):
            if doc[k].text == "," and doc[k + 1].text == "et":
                k += 1  # "turc, X, et syrien Y"
            cm = next((c for c in s.countries if c.i == k + 1 and c.label == "DEMONYM"), None)
            if cm is None:
                break
            j = self.name_run(doc, cm.j, end, blocked)
            if j == cm.j or any(t.i == j for t in s.titles):
                break  # "and Senegalese Armed Forces Minister X": words of the next title, not a name
            out.append(self._mention(s, cm.j, j, roles=roles, country=cm.code))
            k = j
        return out

    def _after_marker(self, s: Sentence, blocked: set[int]) -> list[PersonMention]:
        doc, end = s.doc, s.span.end
        out = []
        for tok in s.span:
            w = fold(tok.text)
            if w in self.counterparts:
                k, country = tok.i + 1, None
                cm = next((c for c in s.countries if c.i == k and c.label in ("DEMONYM",)), None)
                if cm is not None:
                    country, k = cm.code, cm.j
                else:
                    # "his Japanese counterpart Nobuo Kishi": the demonym before the noun (English order)
                    country = next((c.code for c in s.countries if c.j == tok.i and c.label == "DEMONYM"), None)
                k = self._after_address(s, k)  # "son homologue malien, le colonel X"
                j = self.name_run(doc, k, end, blocked, after_title=True)
                if j > k:
                    # "le président chilien ... son homologue argentin X": X holds the same office
                    title = self._counterpart_of(s, tok) if w in self.same_office else None
                    roles = [(title.role, tok.text)] if title is not None else []
                    m = self._mention(s, k, j, roles=roles, country=country)
                    m.counterpart = True
                    out.append(m)
            elif w in self.honorifics or (w.rstrip(".") in self.honorifics and tok.text[:1].isupper()):
                if tok.i > s.span.start and fold(doc[tok.i - 1].text) in self.honorific_place_preps:
                    continue  # "à Colonel Diaz": a town named after someone (persons.yaml honorific_place_preps)
                k = tok.i + 1
                if k < end and doc[k].text == ".":
                    k += 1
                j = self.name_run(doc, k, end, blocked)
                if j > k:
                    m = self._mention(s, k, j, roles=[], country=None)
                    m.honorific = True
                    out.append(m)
        return out

    @staticmethod
    def _spaced_dash(doc, k: int) -> bool:
        """A dash with a space beside it ("Hanoï – Lang Son"), not a hyphen inside a name ("Minh-Ville")."""
        return doc[k].text in _DASHES and bool(doc[k - 1].whitespace_ or doc[k].whitespace_) if k > 0 else False

    def _chain_step(self, doc, k: int, lo: int, hi: int, step: int) -> int | None:
        """From the token ``k`` next to a name, past a spaced dash and the capitalised words of the next link
        of a chain of names (``step`` -1: leftwards, 1: rightwards); the link's outer token, or None."""
        if not (lo < k < hi - 1) or not self._spaced_dash(doc, k):
            return None
        n = k + step
        if not doc[n].text[:1].isupper():
            return None
        while lo <= n + step < hi and not self._spaced_dash(doc, n + step) and (
                doc[n + step].text[:1].isupper() or doc[n + step].text in _DASHES):
            n += step
        return n

    def _in_place_chain(self, s: Sentence, i: int, j: int) -> bool:
        """Whether a name is a link of a chain of place names joined by spaced dashes ("l'autoroute Hanoï –
        Lang Son – Huu Nghi", "la ligne Santiago – Valparaiso"): three links or more, or two after a noun of
        a route or a piece of infrastructure (``persons.yaml``, ``route_nouns``)."""
        doc, lo, hi = s.doc, s.span.start, s.span.end
        links, first = 1, i
        k = i - 1
        while (n := self._chain_step(doc, k, lo, hi, -1)) is not None:
            links, first, k = links + 1, n, n - 1
        k = j
        while (n := self._chain_step(doc, k, lo, hi, 1)) is not None:
            links, k = links + 1, n + 1
        if links >= 3:
            return True
        if links == 2:
            before = [x for x in doc[max(lo, first - 4):first] if x.pos_ not in ("DET", "ADJ", "ADP", "PUNCT")]
            return bool(before) and (fold(before[-1].text) in self.route_nouns
                                     or fold(before[-1].lemma_) in self.route_nouns)
        return False

    @staticmethod
    def _clause_verb(tok):
        """The nearest verb above a token (the token itself when it is one), or None."""
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX"):
                return tok
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def _counterpart_of(self, s: Sentence, marker):
        """The title of the person "son homologue" is the counterpart of: a title before the marker in the
        subject of the same clause ("Le ministre des Affaires étrangères X, qui accompagnait le président,
        s'est entretenu avec son homologue": the minister's, not the president's of the relative clause).
        None when the clause names no such title: the counterpart's office is then unknown."""
        verb = self._clause_verb(marker)
        if verb is None:
            return None
        subject = set()
        for v in [verb, *([verb.head] if verb.dep_ in ("conj", "xcomp", "advcl") else [])]:
            for c in v.children:
                if c.dep_.startswith("nsubj"):
                    # the subject's own words, not those of a clause inside it ("qui accompagnait le président")
                    inner = {x.i for d in c.subtree if d.dep_ in ("acl:relcl", "acl", "advcl") and d.i != c.i
                             for x in d.subtree}
                    subject |= {x.i for x in c.subtree} - inner
            if subject:
                break
        found = [x for x in s.titles if x.j <= marker.i and s.doc[x.i:x.j].root.i in subject]
        return found[0] if found else None

    def _from_ner(self, s: Sentence, blocked: set[int]) -> list[PersonMention]:
        out = []
        for ent in s.ents:
            if ent.label_ not in PERSON_LABELS:
                continue
            k = ent.start
            while k < ent.end and not self.is_name_token(ent.doc[k], blocked):
                k += 1
            j = self.name_run(ent.doc, k, s.span.end, blocked)
            j = min(j, max(ent.end, k))
            if j - k >= 2 and len(words(ent.doc[k:j].text)) >= 2:
                out.append(self._mention(s, k, j, roles=[], country=None, anchored=False))
        return out

    @staticmethod
    def _body_capitals(body: list[Sentence]) -> set[str]:
        """Words written with a capital in the sentences that are not headlines (a first word only when the model
        tags it a proper noun: "Otieno told reporters")."""
        out: set[str] = set()
        for s in body:
            out.update(fold(t.text) for t in s.span if t.is_alpha and t.text[0].isupper()
                       and (t.i > s.span.start or t.pos_ == "PROPN"))
        return out

    def _from_offices(self, s: Sentence, blocked: set[int]) -> list[PersonMention]:
        """Full names of office holders (the model took "Kassym-Jomart Tokaïev" for a place); and a surname alone the
        model takes for a person's ("congratulated Tinubu on ...") that is the name of the one holder of an office,
        on the article's date, of a country the article names."""
        out: list[PersonMention] = []
        if not self.offices:
            return out
        doc, k = s.doc, s.span.start
        while k < s.span.end:
            j = self.name_run(doc, k, s.span.end, blocked)
            if j - k >= 2 and len(words(doc[k:j].text)) >= 2 and self.offices.terms_of(doc[k:j].text):
                out.append(self._mention(s, k, j, roles=[], country=None, anchored=False))
            k = max(j, k + 1)
        if self.when and len(self.when) >= 7:
            named = text = None
            gazetteered = {k for c in [*s.countries, *s.cities] for k in range(c.i, c.j)}
            # (a surname the model reads as a nationality, "Pezeshkian is visiting Baghdad", when no gazetteer form
            # is: a sentence's first word then only as the subject of the verb right after it)
            norp = [doc[x.start:x.end] for x in s.ents if x.label_ == "NORP" and len(x) == 1 and x.start not in gazetteered
                    and len(x.text) >= 4 and x.text.isalpha() and x.text[:1].isupper() and not x.text.isupper()
                    and (x.start > s.span.start or x.end < s.span.end and doc[x.end].pos_ in ("AUX", "VERB"))]
            for ent in [*s.ents, *norp]:
                if ent.label_ not in PERSON_LABELS and ent not in norp or len(ent) != 1 \
                        or not self.is_name_token(ent[0], blocked) \
                        or len(ent.text) < 3 or not ent.text[:1].isupper() or ent.start == s.span.start and ent not in norp:
                    continue
                found = self.offices.person(ent.text, self.when, 0)
                if found is None or not any(t.covers(date_bounds(self.when)) for t in found[1]):
                    continue
                if text is None:
                    text = fold(self.ctx.document.text)
                if any(len(name_key(n)) >= 2 and fold(n) in text for t in found[1] for n in t.spellings()):
                    continue  # ("Jokowi" beside "Joko Widodo": the full name's mentions are the person's)
                if named is None:
                    named = {c for x in self.ctx.sentences for c in x.codes()}
                if found[0] in named:
                    out.append(self._mention(s, ent.start, ent.end, roles=[], country=None, anchored=False))
        return out

    def _mention(self, s: Sentence, i: int, j: int, roles, country, anchored: bool = True) -> PersonMention:
        doc = s.doc
        span = doc[i:j]
        start = s.seg.offset + span.start_char
        end = s.seg.offset + span.end_char
        # "Gabriel  Podiougou", a hard-wrapped "Mahinda\nRajapakse": one space between the words of a name
        name = " ".join(self.ctx.document.text[start:end].split())
        if "(" in name and name.index("(") > 0:
            # a photo caption's position glued to the name ("Johanna Sigurdardottir(3rd L back)"): the name ends there
            name = name[:name.index("(")].rstrip()
            raw = self.ctx.document.text[start:end]
            end = start + len(raw[:raw.index("(")].rstrip())
        glued = _GLUED_HONORIFIC.match(name)
        if glued and (fold(glued.group(1)) in self.honorifics or fold(glued.group(1)) + "." in self.honorifics):
            # "M.Foued Mebazaa": a form of address glued to the first name by a lost space
            start += glued.end()
            name = name[glued.end():]
        repeat = _GLUED_REPEAT.search(name)
        if repeat:
            # "Wen JIABAOWen Jiabao": a heading in capitals glued to its repeat in running case by a lost line break;
            # the name ends where the capitals do
            end = start + len(self.ctx.document.text[start:end][:repeat.start()].rstrip())
            name = name[:repeat.start()]
        if name[-1:] in "-–—" and len(name) > 1:
            # a dash of an aside glued to the name ("le fils du Président, Abdoulaye Wade- qui a séjourné")
            end -= len(name) - len(name.rstrip("-–— "))
            name = name.rstrip("-–— ")
        return PersonMention(s, i, j, name, start, end, roles[0][0] if roles else None, list(roles), country,
                             anchored)

    # ---------------------------------------------------------------- document
    def _cut_off(self, m: PersonMention, cut_at: int | None) -> bool:
        """A one-word name that ends a text cut off in mid-sentence (``cut_at``: where such a text ends; "... après
        Paris, le Président Moh", the stored opening of a page): it may be a part of a word, no name (a longer one is
        kept: "accueilli par Alain Joyandet" is more likely whole)."""
        return cut_at is not None and m.end >= cut_at and len(words(self.ctx.document.text[m.start:m.end])) == 1

    def find(self) -> tuple[list[PersonMention], list[PersonEntity]]:
        mentions: list[PersonMention] = []
        text = self.ctx.document.text.rstrip()
        cut_at = None if text.endswith((".", "!", "?", "…", "»", '"', "”", ")", "'", "’")) else len(text)
        headlines = {s.index for s in self.ctx.sentences if _title_cased(s)}
        body_words = self._body_capitals([s for s in self.ctx.sentences if s.index not in headlines])
        for s in self.ctx.sentences:
            blocked = self._blocked(s)
            title_start = {t.i: t for t in s.titles}
            found = self._after_title(s, blocked, title_start)
            spans = {(m.i, m.j) for m in found}
            found += [m for m in self._after_marker(s, blocked) if (m.i, m.j) not in spans]  # "Minister the Hon X"
            named = self._from_ner(s, blocked)
            if body_words and s.index in headlines:
                # "Crown Prince Invites Prime Minister To Visit ...": in a headline every word is capitalised, so a
                # name there is one the body writes with capitals too
                found, named = ([m for m in ms if _person_like(s, m.i, m.j, model_only=True)
                                 or all(w in body_words for w in _capitalised_words(m))] for ms in (found, named))
            taken = {k for m in found for k in range(m.i, m.j)}
            for m in named + self._from_offices(s, blocked):
                if self._in_place_chain(s, m.i, m.j):
                    continue  # "l'autoroute Ville A – Ville B – Ville C": places, not people
                if not taken.intersection(range(m.i, m.j)):
                    found.append(m)
                    taken.update(range(m.i, m.j))
            for m in found:
                if not m.roles:
                    self._title_after_name(s, m)
            # "Consular House", "Security Secretariat", "Pacific Island Affairs": a place or an institution
            mentions.extend(m for m in found if not self._institution_name(s, m) and not self._cut_off(m, cut_at)
                            and not self._private_person(s, m))
        self._sides(mentions)
        self._respectively(mentions)
        self._enumerations(mentions)
        entities = self._cluster(mentions)
        mentions.extend(self._recurrences(entities, mentions))
        entities = self._cluster(mentions)
        self._office_countries(entities)
        self._family_countries(entities)
        self._enumerated_before(mentions)
        self._of_the_presidency(entities)
        entities = self._join_placed_alike(entities)
        self._portfolio_list(mentions)
        self._employers(mentions)
        self._counterparts(mentions, entities)
        self._delegations(mentions)
        self._companions(mentions)
        self._welcomers(mentions)
        mentions.extend(self._title_only(mentions, entities))
        self._office_by_title(entities)  # roles and countries a title after the name gave ("X, Prime Minister of Y")
        return sorted(mentions, key=lambda m: m.start), entities

    @staticmethod
    def _join_placed_alike(entities: list[PersonEntity]) -> list[PersonEntity]:
        """Two people of one full name kept apart for the countries their titles seemed to give ("son homologue
        congolais X" and "le président de la RCA auprès du médiateur X") are one once the office-holder data
        places them in the same country."""
        out: list[PersonEntity] = []

        def keys_of(e: PersonEntity) -> set:
            # (the data's name too: "Sheikh Mohamed" read as Mohamed bin Zayed Al Nahyan is the one named in full)
            return {k for n in [*e.names, *([e.canonical] if e.canonical else [])] if len(k := name_key(n)) >= 2}

        for e in entities:
            keys = keys_of(e)
            into = next((o for o in out if e.country and o.country == e.country and "office" in (
                e.country_source, o.country_source) and keys & keys_of(o)), None)
            if into is None:
                out.append(e)
                continue
            for m in e.mentions:
                m.entity = into
            into.mentions = sorted(into.mentions + e.mentions, key=lambda m: m.start)
            into.canonical = into.canonical or e.canonical
        return out

    def _office_countries(self, entities: list[PersonEntity]) -> None:
        """A name no title or demonym places ("Vladimir Poutine a déclaré ..."): the country and office of
        the one office holder of that name. A full name is looked up over all the years of the data (a
        person keeps their nationality); a lone surname only around the article's date or the years its
        sentences name ("en 2003, quand Albert II ..."). A full name the data gives to one country wins over
        a country read from a title that the data does not give that person (a Canadian
        leader named right after "le président français")."""
        if not self.offices:
            return
        for e in entities:
            # ties in reading order; "M. Najib Tun Razak" looked up as "Najib Tun Razak" too
            names = sorted(dict.fromkeys([*e.names, *filter(None, map(without_initials, e.names))]),
                           key=lambda n: -len(words(n)))
            if not names:
                continue
            years = sorted({d.date_start[:4] for m in e.mentions for d in m.sentence.dates
                            if d.date_start[:4].isdigit() and not d.since})
            # the years the person's sentences name, exactly; then the article's date, give or take
            lookups = [(y, 0) for y in years] + [(self.when, 2)]
            whens = [self.when] + years
            found = None
            held = {r for r, _ in e.roles}
            full = [n for n in names if len(words(n)) >= 2]
            for n in full or names:  # a lone surname only when the article never gives the full name
                # the years of the article first ("Albert II" in 2003 is Belgium's), then all years for a
                # full name (a person keeps their nationality)
                found = next((f for f in (self.offices.person(n, w, margin) for w, margin in lookups if w) if f), None)
                if found is None and held and e.country is None:
                    # "le président Aziz" in 2010: of the holders of that name then, the one of that office
                    found = next((f for f in (self.offices.person(n, w, margin, held) for w, margin in lookups
                                              if w) if f), None)
                if found is None and held and (e.country is None or e.country_source in ("focal", "talks_place")):
                    found = self._holder_of_country_named(e, n, held, lookups)
                if found is None and len(words(n)) >= 2:
                    found = self.offices.person(n, None)
                if found:
                    break
            if found is None and held and e.country is None and full and self.when:
                # "Prime Minister Josaia Vorege Bainimarama" (the data: "Frank Bainimarama", "Voreqe Bainimarama"):
                # a titled name whose spelling the data misses, placed by no demonym, is the one holder of that
                # office then whose family name it ends with
                # (not a father's name: "Emir Tamim bin Hamad" is no King Hamad; nor another given name before the
                # family name: "Amadou Camara" is no "Amadou Damaro Camara")
                found = next((f for n in full if not PATRONYMIC_LINKS & set(name_key(n))
                              for f in [self.offices.person(n.split()[-1], self.when, 0, held)]
                              if f and len(n.split()[-1]) >= 4 and _last_two_agree(name_key(n), f[1])), None)
            if found is None and not full and self.when and any(m.honorific for m in e.mentions):
                found = self._leader_by_first_name(e)
            turned = False
            if found is None and self.when:
                # "SEM Issoufou Mahamadou": two words written family name first, in office around the article's date,
                # for a person titled with that office whose country nothing else gives ("Egyptian Minister of Trade
                # Abbas Mahmoud" is no Mahmoud Abbas); kept as written, the data's order an alias. So too a name with
                # no title at all whose country was only guessed ("était à Abuja pour rencontrer Jonathan Goodluck")
                # (in office on the article's date, then: a common name read backwards is no leader of years before)
                guessed = not held and (e.country is None or e.country_source in ("focal", "talks_place"))
                found = next((f for n in full if len(n.split()) == 2
                              for f in [self.offices.person(" ".join(n.split()[::-1]), self.when, 0 if guessed else 2)]
                              if f and (e.country is None or e.country == f[0] or guessed)
                              and (held & {t.office for t in f[1]} or guessed)), None)
                turned = found is not None
            if found is None:
                if e.country is None:
                    self._child_of_holder(e, full, lookups)
                continue
            country, terms = found
            if any(m.office_country and m.office_country != country for m in e.mentions):
                continue  # "le pape François" is no "François" of another country's offices
            if e.country is None or (e.country != country and e.country_source != "office"
                                     and not any(t.country == e.country for t in self.offices.terms_of(names[0]))):
                e.country, e.country_source = country, "office"
            if e.country == country:
                e.canonical = terms[0].name
                # "Sadyr Zhaparov", "Alassane Ouattarra" in an English article: the data's spelling, unless the
                # text gives a fuller name ("Nana Addo Dankwa Akufo-Addo") or a correct one of two words or more
                # without the middle ones ("Gbehzohngar Findley" for "Gbehzohngar Milton Findley")
                e.named_by_office = not turned and self.ctx.lex.lang == NAMES_LANGUAGE and _named_short(e.name,
                                                                                                      e.canonical)
            if e.country == country and not e.roles:
                near = [t for w in whens if w for t in terms if t in self.offices.terms_of(terms[0].name, w)]
                e.office_role = self.offices.role_on(near or terms, self.when) if near else None

    def _leader_by_first_name(self, e: PersonEntity):
        """"His Highness Sheikh Mohamed", "Sheikh Tamim": a first name alone after a courtesy title is the one head of
        state or government, on the article's date, of the person's country (else of the article's two main
        countries) whose name begins with it; ``(country, terms)`` or None."""
        keys = {name_key(n) for n in e.names}
        if any(len(k) != 1 for k in keys):
            return None
        # (the head of state first: the UAE's "Sheikh Mohamed" is its president, not Mohammed bin Rashid, its prime
        # minister)
        for office in ("head_of_state", "head_of_government"):
            people = {}
            for country in [e.country] if e.country else self.ctx.main_countries():
                for t in self.offices.holders(country, office, self.when):
                    first = name_key(t.name)[:1]
                    if first and any(edit_distance(first[0], k[0], 1) <= 1 and first[0][:3] == k[0][:3] for k in keys):
                        people.setdefault(name_key(t.name), []).append(t)
            if len(people) == 1:
                terms = next(iter(people.values()))
                return terms[0].country, terms
            if people:
                return None
        return None

    @staticmethod
    def _family_countries(entities: list[PersonEntity]) -> None:
        """"King Abdullah bin Abdulaziz Al Saud ... Prince Salman bin Abdulaziz, Governor of Riyadh": a name whose
        father, after the patronymic link, is the father another person of the article is named after is of that
        person's country (a brother's, a royal family's), when those so named are all of one country."""
        placed = [(f, e.country) for e in entities if e.country for n in e.names if (f := _father(name_key(n)))]
        for e in entities:
            if e.country:
                continue
            fathers = {f for n in e.names if (f := _father(name_key(n)))}
            found = {c for f in fathers for g, c in placed if g[:len(f)] == f or f[:len(g)] == g}
            if len(found) == 1:
                e.country, e.country_source = found.pop(), "family_name"

    def _child_of_holder(self, e: PersonEntity, full: list[str], lookups) -> None:
        """"Crown Prince Al Hussein bin Abdullah II", "Cheikh Mohammed ben Zayed": a name whose father's name, after
        the patronymic link, is that of an office holder then is of that holder's country (a royal family's)."""
        for n in full:
            father = " ".join(_father(name_key(n)))
            if not father:
                continue
            found = next((f for f in (self.offices.person(father, w, margin) for w, margin in lookups if w) if f), None)
            if found is not None:
                e.country, e.country_source = found[0], "family_name"
                return

    def _holder_of_country_named(self, e: PersonEntity, name: str, held: set[str], lookups):
        """"se rendre en Arabie Saoudite, pour une visite auprès du roi Abdallah": of the holders of that office and
        name then (Saudi Arabia's and Jordan's King Abdullah in 2012), the one of a country the person's sentences
        name; ``(country, terms)`` or None."""
        named = {c.code for m in e.mentions for c in m.sentence.countries}
        for when, margin in lookups:
            if not when:
                continue
            terms = [t for t in self.offices.terms_of(name, when, margin) if t.office in held and t.country in named]
            if len({(t.country, name_key(t.name)) for t in terms}) == 1:
                return terms[0].country, terms
        return None

    def name_by_office(self, entities: list[PersonEntity]) -> None:
        """Once more, for the people whose country only the events gave: see ``_office_by_title``."""
        self._office_by_title(entities)

    def _office_by_title(self, entities: list[PersonEntity]) -> None:
        """A person whose title and country the text gives ("President Sadyr Zhaparov", "Queen Elizabeth",
        "Prime Minister Hailemariam") but whose spelling the office-holder data does not know: the holder of
        that office at the article's date, when the names agree word by word (each word of the text's name
        close to a word of the holder's, in order)."""
        if not self.offices or not self.when:
            return
        for e in entities:
            if e.canonical or not e.names:
                continue
            key = name_key(e.name)
            for role, _ in e.roles:
                term = self.offices.holder(e.country, role, self.when) if e.country else None
                if term is not None and any(_words_agree(key, name_key(sp)) for sp in term.spellings()):
                    e.canonical, e.named_by_office = term.name, _named_short(e.name, term.name)
                    break
                if term is not None and len(key) == 2 and any(_words_agree(key[::-1], name_key(sp))
                                                              for sp in term.spellings()):
                    # "le 1er Ministre Japonais ABE SHINZO": written family name first, as the text keeps it (the
                    # data's order among the spellings, joining the two)
                    e.canonical, e.named_by_office = term.name, False
                    break
                if e.country_source not in (None, "counterpart", "family_name", "focal") or len(key) < 2:
                    continue
                # "Premier Wen Jiaobao" whose country the text does not tell (or only guessed): the one holder
                # of that office anywhere at that date whose name agrees word by word
                found = {t.country: t for t in self.offices.holders_anywhere(role, self.when)
                         if any(_agrees_whole_or_surname(key, name_key(sp)) or _middle_name_added(key, name_key(sp))
                                for sp in t.spellings())}
                if len(found) == 1:
                    (country, term), = found.items()
                    e.country, e.country_source = country, "office"
                    e.canonical, e.named_by_office = term.name, _named_short(e.name, term.name)
                    break

    def _title_only(self, mentions: list[PersonMention], entities: list[PersonEntity]) -> list[PersonMention]:
        """"Le président ouzbek a ensuite ...": a title with a country and no name names the one person of
        the document who holds that office for that country; with two candidates it names no one."""
        out = []
        taken = {(m.sentence.index, k) for m in mentions for k in range(m.i, m.j)}
        for s in self.ctx.sentences:
            for t in s.titles:
                if (s.index, t.i) in self._anchoring or (s.index, t.i) in taken:
                    continue
                country = self._title_country(s, t)
                if t.i > s.span.start and fold(s.doc[t.i - 1].text) in self._indefinite:
                    continue  # "la troisième visite d'un président chilien": no one in particular
                if country is None:
                    e = self._bare_title_referent(s, t, mentions)
                    if e is None:
                        continue
                    m = self._mention(s, t.i, t.j, roles=[(t.role, t.text)], country=e.country, anchored=False)
                    m.title_only, m.entity = True, e
                    e.mentions.append(m)
                    out.append(m)
                    continue
                cands = [e for e in entities if e.country == country and t.role in {r for r, _ in e.roles}]
                if not cands:
                    cands = self._office_holder(s, t, country, entities)
                if len(cands) != 1:
                    continue
                m = self._mention(s, t.i, t.j, roles=[(t.role, t.text)], country=country, anchored=False)
                m.title_only, m.entity = True, cands[0]
                cands[0].mentions.append(m)
                out.append(m)
            for t, country in self._unnamed_counterparts(s, taken):
                cands = [e for e in entities if e.country == country and t.role in {r for r, _ in e.roles}] \
                    or self._office_holder(s, t, country, entities)
                if len(cands) != 1:
                    continue
                m = self._mention(s, t.i, t.j, roles=[(t.role, t.text)], country=country, anchored=False)
                m.title_only, m.counterpart, m.entity = True, True, cands[0]
                cands[0].mentions.append(m)
                out.append(m)
        return out

    def _bare_title_referent(self, s: Sentence, t, mentions: list[PersonMention]) -> PersonEntity | None:
        """"The prime minister has visited several countries": a bare title with a definite article names the one
        person of that office the article named before; as a subject, the one who was the subject of the last
        sentence naming a holder of that office ("X a quitté Port-au-Prince ... convoqué par le Président Y. Le chef
        de l'État est accompagné de ...": X), when that is the sentence right before."""
        det = s.doc[t.i - 1] if t.i > s.span.start else None
        if det is None or det.pos_ != "DET" or "Def" not in det.morph.get("Definite"):
            return None
        earlier = [m for m in mentions if m.sentence.index < s.index and m.entity is not None
                   and t.role in {r for r, _ in m.entity.roles}]
        before = {m.entity.key for m in earlier}
        home = self._returned_home_to(s)
        if len(before) > 1 and home is not None and len({m.entity.key for m in earlier if m.entity.country == home}) == 1:
            # "À son retour à Port-au-Prince, le chef de l'État a fourni des détails de sa visite au Venezuela": the
            # one of them whose country he came back to
            before = {m.entity.key for m in earlier if m.entity.country == home}
        if len(before) > 1 and not t.plural and "Plur" not in det.morph.get("Number") \
                and _subject_like(s.doc[t.i:t.j].root):
            # (an active subject: "Mahama was received at the palace. The President then hosted a banquet" is the host)
            subjects = [m for m in earlier if _subject_like(m.sentence.doc[m.i:m.j].root, active=True)]
            if any(m.sentence.index == s.index - 1 for m in subjects):  # the sentence right before only
                before = {m.entity.key for m in subjects if m.sentence.index == s.index - 1}
            else:
                # "King Abdullah received ... a letter from King Salman. King Abdullah asked ... Also on Wednesday, the
                # King received ...": the one the story has acting, the subject of more of its sentences than any other
                acting = Counter(m.entity.key for m in subjects)
                ranked = acting.most_common(2)
                if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                    before = {ranked[0][0]}
        if len(before) != 1:
            return None
        return next(m.entity for m in earlier if m.entity.key in before)

    def _returned_home_to(self, s: Sentence) -> str | None:
        """The country of the place a phrase of coming home names ("à son retour à Port-au-Prince", "on his return to
        Abuja"; persons.yaml home_return_markers)."""
        folded = [fold(x.text) for x in s.span]
        for marker in self.home_return_markers:
            n = len(marker)
            for k in range(len(folded) - n):
                if tuple(folded[k:k + n]) != marker:
                    continue
                at = s.span.start + k + n
                while at < s.span.end and s.doc[at].pos_ == "DET":
                    at += 1
                place = next((c for c in [*s.countries, *s.cities] if c.i == at and c.code
                              and c.label in ("COUNTRY", "CAPITAL", "CITY")), None)
                if place is not None:
                    return place.code
        return None

    def _referent_country(self, s: Sentence, t, mentions: list[PersonMention]) -> str | None:
        e = self._bare_title_referent(s, t, mentions)
        return e.country if e is not None else None

    def _unnamed_counterparts(self, s: Sentence, taken: set) -> list[tuple[TitleMention, str]]:
        """"le président ghanéen a rencontré son homologue ivoirien", "spoke with his Vietnamese counterpart": a
        counterpart noun with a demonym and no name holds, for that country, the office of the title it is the
        counterpart of."""
        out = []
        doc = s.doc
        for marker in s.span:
            k = marker.i
            if fold(marker.text) not in self.same_office or (s.index, k) in taken:
                continue
            after = next((c for c in s.countries if c.label == "DEMONYM" and c.i == k + 1), None)
            before = next((c for c in s.countries if c.label == "DEMONYM" and c.j == k), None)
            dem = after or before
            if dem is None:
                continue
            first = min(k, dem.i)
            if first <= s.span.start or not possessive(doc[first - 1]):
                continue
            last = max(k + 1, dem.j)
            if any((s.index, x) in taken for x in range(last, min(last + 2, s.span.end))):
                continue  # "son homologue russe Sergueï Lavrov": named
            if (s.index, self._after_address(s, last)) in taken:
                continue  # "son homologue malien, le colonel X": named, whoever the records say held the office
            title = self._counterpart_of(s, marker)
            if title is None or title.role is None:
                continue
            out.append((TitleMention(title.role, first - 1, last, doc[first - 1:last].text), dem.code))
        return out

    def _after_address(self, s: Sentence, k: int) -> int:
        """Where a name set off after a title would begin: past a comma, an article and forms of address (", le
        colonel", ", Colonel", ", Dr.")."""
        doc, end = s.doc, s.span.end
        if k >= end or doc[k].text != ",":
            return k
        k += 1
        if k < end and doc[k].pos_ == "DET":
            k += 1
        while k < end and self.is_honorific(doc[k].text):
            k += 2 if k + 1 < end and doc[k + 1].text == "." and not doc[k].whitespace_ else 1
        return k

    def _office_holder(self, s: Sentence, t, country: str, entities: list[PersonEntity]) -> list[PersonEntity]:
        """"le président russe" named nowhere in the article: whoever held that office at the article's
        date (an entity of the document when one bears that name, else an unnamed one, which gives events
        a participant but no person record). Former and future holders ("l'ancien président") are not
        the current one."""
        if not self.offices or not self.when or t.role is None:
            return []
        if self._former(s, t):  # "l'ancien président"
            return []
        term = self.offices.holder(country, t.role, self.when)
        if term is None:
            return []
        keys = [name_key(n) for n in term.spellings()]
        for e in entities:
            if any(same_in_document(k, name_key(n)) for k in keys for n in e.names if len(name_key(n)) > 1):
                if e.country in (None, country):
                    e.country = e.country or country
                    return [e]
        # "Omar al-Bashir" in the records, "Omer Hassan al-Bashir" in the article: the one person of that country
        # (or of none yet) whose name ends with the holder's family name and begins with the holder's first
        # name spelt one letter apart
        # (not someone the text gives another office: "Prime Minister Sheikh Sabah Al-Khalid Al-Sabah" is not the
        # Emir Sabah Al-Ahmad Al-Sabah)
        loose = [e for e in entities if e.country in (None, country) and all(r == t.role for r, _ in e.roles) and any(
            _spelt_alike(k, name_key(n)) for k in keys for n in e.names)]
        if len(loose) == 1:
            loose[0].country = loose[0].country or country
            return loose
        e = PersonEntity(len(entities), country=country, country_source="office", office_role=t.role,
                         inferred=term.name)
        entities.append(e)
        return [e]

    @staticmethod
    def _held_in(s: Sentence, t) -> str | None:
        """The one country of an office its title names ("le pape", "the Grand Duke"), unless words qualify the title
        into another office: an adjective or a complement right after it ("le pape copte", "le président de la
        Confédération africaine de football", "President of the Confederation of Indian Industry"), an adjective or
        a name right before it ("Coptic Pope") — not that country's own demonym ("la Confédération suisse")."""
        if not t.held_in:
            return None
        doc = s.doc
        own = {c.i for c in s.countries if c.code == t.held_in}
        after = doc[t.j] if t.j < s.span.end else None
        before = doc[t.i - 1] if t.i > s.span.start else None
        if after is not None and after.i not in own and after.pos_ in ("ADJ", "ADP"):
            return None
        if before is not None and before.i not in own and before.pos_ in ("ADJ", "PROPN") and before.text[:1].isupper():
            return None
        return t.held_in

    def _title_country(self, s: Sentence, t) -> str | None:
        """The country a bare title names: its demonym ("le ministre russe des Affaires étrangères", "le
        président ouzbek") or its complement ("le président du Kazakhstan"); an office only one country has ("le
        pape") names that country."""
        held_in = self._held_in(s, t)
        if held_in:
            return held_in
        for c in s.countries:
            if t.i <= c.i < t.j and c.label == "DEMONYM":
                return c.code
            if c.i == t.j and c.label == "DEMONYM":
                return c.code
            if c.label == "COUNTRY" and t.j <= c.i <= t.j + 3 and c.prep in self.title_country_preps:
                return c.code
            if c.label == "COUNTRY" and t.i < c.i < t.j < c.j:
                return c.code  # "vice-Président de la République de Côte d'Ivoire": the country's long name ends it
            if self.country_before_title and (c.j == t.i and c.label == "DEMONYM" or c.label == "COUNTRY" and (
                    c.j + 1 == t.i and _clitic_s(s.doc[c.j]))):
                return c.code  # "the Egyptian president", "Egypt's president"
        return self._possessor_of_portfolio(s, t)

    def _possessor_of_portfolio(self, s: Sentence, t) -> str | None:
        """"India's foreign ministry secretary", "Nepal's Culture, Tourism and Civil Aviation Secretary", "Azerbaijani
        Defense Industry Minister": the country whose possessive or demonym opens the portfolio words before the title
        (English order)."""
        if not self.country_before_title:
            return None
        return next((c.code for c in s.countries if c.label == "COUNTRY" and c.j + 1 < t.i <= c.j + 7
                     and _clitic_s(s.doc[c.j]) and self._portfolio_words(s, c.j + 1, t.i)
                     or c.label in ("DEMONYM", "PREFIX") and c.j < t.i <= c.j + 6
                     and self._portfolio_words(s, c.j, t.i)), None)

    @staticmethod
    def _portfolio_words(s: Sentence, i: int, j: int) -> bool:
        """doc[i:j] are only the words of a portfolio ("foreign ministry", "Culture, Tourism and Civil Aviation"):
        nouns, adjectives, conjunctions and commas, no preposition ("'s request to Governor X"), verb, name, place
        or other title."""
        return all((x.is_alpha or x.text == ",") and x.pos_ in ("NOUN", "PROPN", "ADJ", "CCONJ", "PUNCT")
                   and x.ent_type_ not in PERSON_LABELS for x in s.doc[i:j]) \
            and not any(i <= c.i < j for c in s.countries) and not any(i <= x.i < j for x in s.titles)

    def _respectively(self, mentions: list[PersonMention]) -> None:
        """"their Foreign Ministers A and B of Liberia and Guinea respectively", "les ministres A et B, respectivement
        du Libéria et de la Guinée": as many people as countries, given in the same order, pair up."""
        words_ = {fold(w) for w in self.ctx.lex.persons.get("respectively_words", [])}
        if not words_:
            return
        for s in self.ctx.sentences:
            r = next((x.i for x in s.span if fold(x.text) in words_), None)
            if r is None:
                continue
            people = sorted((m for m in mentions if m.sentence is s and m.i < r), key=lambda m: m.i)
            if len(people) < 2:
                continue
            countries = [c for c in s.countries if c.label in ("COUNTRY", "DEMONYM")]
            # the list of countries right before the word ("... of Liberia and Guinea respectively") or right after
            # it ("respectivement du Libéria et de la Guinée"), nothing but links between them
            before = self._country_run([c for c in countries if people[-1].j <= c.i < r], s, r, backwards=True)
            after = self._country_run([c for c in countries if c.i > r], s, r + 1)
            listed = before or after
            people = people[-len(listed):] if listed else []
            if len(listed) < 2 or len(people) != len(listed) or len({c.code for c in listed}) != len(listed):
                continue
            if any(s.doc[k].pos_ in ("VERB", "AUX") for k in range(people[0].j, people[-1].i)):
                continue  # the people are not one list
            for m, c in zip(people, listed):
                if m.country in (None, c.code):
                    m.country = c.code

    @staticmethod
    def _country_run(countries: list, s: Sentence, edge: int, backwards: bool = False) -> list:
        """The countries that follow each other from ``edge`` (or end at it), with only links (punctuation,
        conjunctions, prepositions, articles) between them."""
        def links(i: int, j: int) -> bool:
            return all(x.is_punct or x.pos_ in ("CCONJ", "ADP", "DET") for x in s.doc[i:j])
        run: list = []
        if backwards:
            for c in reversed(countries):
                if not links(c.j, run[0].i if run else edge):
                    break
                run.insert(0, c)
        else:
            for c in countries:
                if not links(run[-1].j if run else edge, c.i):
                    break
                run.append(c)
        return run

    def _sides(self, mentions: list[PersonMention]) -> None:
        """"pour la partie marocaine, par le ministre X, et, pour la partie sénégalaise, par Y": each person
        after a side phrase belongs to that side, until the next one."""
        side_nouns = {fold(w) for w in self.ctx.lex.persons.get("side_nouns", [])}
        for s in self.ctx.sentences:
            marks = [c for c in s.countries if self._names_a_side(s, c, side_nouns)]
            if not marks:
                continue
            for m in (m for m in mentions if m.sentence is s and m.country is None):
                before = [c for c in marks if c.j <= m.i]
                if before:
                    m.country = before[-1].code

    @staticmethod
    def _names_a_side(s: Sentence, c, side_nouns: set[str]) -> bool:
        """The country names a side: "la partie marocaine", "the Moroccan side", "Hungary's delegation", "la
        délégation de la Hongrie"."""
        doc = s.doc
        if c.label == "DEMONYM":
            return c.i > s.span.start and fold(doc[c.i - 1].text) in side_nouns or (
                c.j < s.span.end and fold(doc[c.j].text) in side_nouns)
        if c.label != "COUNTRY":
            return False
        if c.j + 1 < s.span.end and _clitic_s(doc[c.j]) and fold(doc[c.j + 1].text) in side_nouns:
            return True
        k = c.i - 1
        while k > s.span.start and doc[k].pos_ in ("DET", "ADP") and c.i - k <= 2:
            k -= 1
        return k < c.i - 1 and fold(doc[k].text) in side_nouns

    def _enumerations(self, mentions: list[PersonMention]) -> None:
        """"le Premier ministre sénégalais, X, ainsi que le président de l'Assemblée nationale, Y": an official
        named in the same enumeration as a compatriot, without a country of his own, shares it."""
        links = {fold(w) for w in self.ctx.lex.persons.get("enumeration_links", [])}
        sides = None
        for ms in _by_sentence(mentions):
            for prev, m in zip(ms, ms[1:]):
                if m.country or not prev.country or not m.roles or (prev.counterpart and not _coordinated(prev, m)):
                    # (after a counterpart, only the official the parser coordinates with him: "son homologue
                    # rwandaise X et le ministre de la Justice Y", not "..., et le Premier ministre Z a offert")
                    continue
                s = m.sentence
                title_toks = {k for t in s.titles for k in range(t.i, t.j)}
                between = [x for x in s.doc[prev.j:m.i] if x.i not in title_toks]
                sides = sides or self.ctx.main_countries()
                other = next((c for c in sides if c != prev.country), None) if len(sides) == 2 \
                    and prev.country in sides else None
                if other and any(x.pos_ == "CCONJ" for x in between) and not any(
                        x.pos_ in ("VERB", "AUX") for x in s.doc[prev.j:m.i]) and self._co_signing(s, prev, m) \
                        and not any((x.country == other or x.entity and x.entity.country == other)
                                    and (x.i > m.i or self._co_signing(s, x, m)) for x in ms if x is not m):
                    # "signed by the Minister of Foreign Affairs of Hungary, X, and the Minister of European
                    # Integration, Y": one signs for each side, so Y is of the article's other main country (unless
                    # that side has its own signer of the same text or a mention after: "... with the French
                    # minister Z"; not a signer of another text told before, "A and B signed ..., and X and Y signed")
                    m.country = other
                elif all(fold(x.text) in links or x.pos_ in ("DET", "ADP") or x.is_punct for x in between) \
                        and any(fold(x.text) in self.enumeration_conjunctions for x in between):
                    m.country = prev.country

    def _of_the_presidency(self, entities: list[PersonEntity]) -> None:
        """"Le porte-parole de la présidence, X", "presidential spokesman X": an official of the presidency, whose country
        nothing else gives, is of the country of the one head of state the article names."""
        if not self.presidency_words:
            return
        heads = {e.country for e in entities if e.country and any(r == "head_of_state" for r, _ in e.roles)}
        if len(heads) != 1:
            return
        for e in entities:
            if e.country or not e.roles:
                continue
            for m in e.mentions:
                s, doc = m.sentence, m.sentence.doc
                near = {fold(x.text) for x in doc[max(s.span.start, m.i - 6):m.i]}
                if near & self.presidency_words:
                    e.country, e.country_source = next(iter(heads)), "presidency"
                    break

    def _enumerated_before(self, mentions: list[PersonMention]) -> None:
        """"avec le sous-secrétaire d'État aux affaires africaines, X, et le secrétaire d'État Y": an official with no
        country of his own, joined by a conjunction to the next one named, whose country the office-holder data
        gave, shares it (the enumeration read forward before the data was looked up, ``_enumerations``)."""
        links = {fold(w) for w in self.ctx.lex.persons.get("enumeration_links", [])}
        for ms in _by_sentence(mentions):
            for m, nxt in zip(ms, ms[1:]):
                if m.entity is None or m.entity.country or m.country or not m.roles or nxt.entity is None \
                        or not nxt.entity.country:
                    continue
                s = m.sentence
                title_toks = {k for t in s.titles for k in range(t.i, t.j)}
                between = [x for x in s.doc[m.j:nxt.i] if x.i not in title_toks]
                if all(fold(x.text) in links or x.pos_ in ("DET", "ADP") or x.is_punct for x in between) \
                        and any(fold(x.text) in self.enumeration_conjunctions for x in between):
                    m.entity.country, m.entity.country_source = nxt.entity.country, "enumeration"

    def _portfolio_list(self, mentions: list[PersonMention]) -> None:
        """"une délégation de six ministres qui sont A (Affaires étrangères), B (Transports), C (Énergie)": the names
        listed with a portfolio in brackets right after a plural title hold that title and the country of those
        listed whose country is told or known from the records (nothing when none is, or two countries are)."""
        for ms in _by_sentence(mentions):
            s = ms[0].sentence
            doc = s.doc
            for t in [t for t in s.titles if t.plural and t.role]:
                listed = []
                at = t.j
                bracketed: set[tuple[int, int]] = set()
                for m in ms:
                    if m.i < at or m.i > at + (5 if not listed else 2):
                        continue
                    # right after the title, past "qui sont", ":" (persons.yaml list_openers); then commas and "et"
                    gap = doc[at:m.i]
                    if any(not (x.is_punct and x.text in (",", ":") or fold(x.text) in self.list_openers
                                or fold(x.text) in self.and_words) for x in gap):
                        break
                    if m.j >= s.span.end or doc[m.j].text != "(":
                        break
                    close = next((k for k in range(m.j, min(m.j + 12, s.span.end)) if doc[k].text == ")"), None)
                    if close is None:
                        break
                    listed.append(m)
                    bracketed.add((m.j + 1, close))
                    at = close + 1
                # (a portfolio in the brackets, not a country or an organisation: "Lavrov (Russie)", "X (IMF)"; a
                # portfolio may name one: "(Intégration africaine et Burkinabè de l'extérieur)")
                if len(listed) < 2 or any((c.i, c.j) in bracketed for c in [*s.countries, *s.orgs]):
                    continue
                # the country of one listed whose country is told or known from the records, not guessed
                countries = {m.entity.country for m in listed if m.entity is not None
                             and m.entity.country_source in ("office", "stated")} - {None}
                if len(countries) != 1:
                    continue  # (no one of the list placed: a title alone would let a later step guess their side)
                for m in listed:
                    if not m.roles and not (m.entity is not None and m.entity.office_role):
                        m.roles = [(t.role, t.text)]  # (not over the office the records know: "Alpha Barry")
                    if m.entity is not None and m.entity.country is None:
                        m.entity.country, m.entity.country_source = next(iter(countries)), "enumeration"

    def _co_signing(self, s: Sentence, a: PersonMention, b: PersonMention) -> bool:
        """Both named as the agents of one signing verb (co_signing_verbs): "X and Y signed", "signed by X and Y"."""
        def signing_verb(m: PersonMention):
            tok = s.doc[m.i:m.j].root
            for _ in range(9):
                if tok.pos_ in ("VERB", "AUX"):
                    return tok if tok.lemma_.lower() in self.co_signing_verbs else None
                if tok.head.i == tok.i or tok.dep_ not in ("nsubj", "nsubj:pass", "obl:agent", "conj", "appos",
                                                           "flat:name", "flat", "compound", "nmod", "obl"):
                    return None
                tok = tok.head
            return None
        verb, other = signing_verb(a), signing_verb(b)
        return verb is not None and other is not None and verb.i == other.i

    def _employers(self, mentions: list[PersonMention]) -> None:
        """"Assad's political and media adviser X", "the king's spokesman X": someone named as another person's aide,
        with no country of his own, serves that person's country. Read on the words: the possessive "'s" right
        after the other's name, then at most five words, one of them an aide's noun, and no punctuation."""
        by_end = {(m.sentence.index, m.j): m for m in mentions}
        for m in mentions:
            if m.entity is None or m.entity.country or m.country:
                continue
            s, doc = m.sentence, m.sentence.doc
            if not _person_like(s, m.i, m.j, model_only=True):
                continue  # "Lee's presidential office Cheong Wa Dae": an institution
            aide = False
            for k in range(m.i - 1, max(s.span.start, m.i - 7), -1):
                if doc[k].is_punct or fold(doc[k].text) in self.institution_nouns:
                    break
                # the words between name an aide ("political and media adviser"), not a thing ("phone call with")
                aide = aide or fold(doc[k].text) in self.aide_nouns or fold(doc[k].lemma_) in self.aide_nouns
                owner = by_end.get((s.index, k)) if _clitic_s(doc[k]) else None
                country = country_of(owner) if owner is not None and owner is not m and aide else None
                if country:
                    m.entity.country, m.entity.country_source = country, "employer"
                    break

    def _counterparts(self, mentions: list[PersonMention], entities: list[PersonEntity]) -> None:
        """"son homologue X": X is from the other of the article's two main countries than the officials
        around him."""
        top = self.ctx.main_countries()
        if len(top) < 2:
            return
        for m in mentions:
            if not m.counterpart or m.entity is None or m.entity.country:
                continue
            s = m.sentence
            known = {x.entity.country if x.entity else x.country for x in mentions
                     if x.sentence is s and x is not m and (x.entity and x.entity.country or x.country)}
            known |= {c.code for c in s.countries if c.label == "DEMONYM" and c.i not in range(m.i, m.j)}
            known &= set(top)
            if len(known) == 1:
                other = self.ctx.other_main_country(next(iter(known)))
                m.entity.country, m.entity.country_source = other, "counterpart"

    def _private_person(self, s: Sentence, m: PersonMention) -> bool:
        """"met Korean-born New Zealand golfer Danny Lee", "le chanteur sénégalais X": a name right after the noun of a
        private occupation (past a demonym or a country's name) is no state's actor."""
        places = {k for c in s.countries for k in range(c.i, c.j)}
        k = m.i - 1
        while k >= s.span.start and k >= m.i - 4 and (k in places or s.doc[k].text in ("-", "‐")):
            k -= 1
        return k >= s.span.start and fold(s.doc[k].text) in self.private_occupations

    def _institution_name(self, s: Sentence, m: PersonMention) -> bool:
        """A capitalised name right before an institution or place noun, or made of one ("Consular House",
        "Security Secretariat", "Island")."""
        nxt = s.doc[m.j] if m.j < s.span.end else None
        if nxt is not None and nxt.text[:1].isupper() and fold(nxt.text) in self.institution_nouns:
            return True
        if self._named_place_before(s, m, nxt):
            return True
        return any(fold(x.text) in self.institution_nouns for x in s.doc[m.i:m.j])

    def _named_place_before(self, s: Sentence, m: PersonMention, nxt) -> bool:
        """"à l'aéroport international, Houari Boumediène par le président ...", "le stade Félix Houphouët-Boigny": a
        place noun right before the name (adjectives between, a quotation mark, and a comma when the name is no subject of a verb
        after it: "Au palais, Macky Sall a reçu ..." is the president)."""
        doc, k, comma = s.doc, m.i - 1, False
        if k > s.span.start and doc[k].text in OPENING_QUOTES:
            k -= 1  # "à l'aéroport international « Félix Houphouët-Boigny »": the building's name, quoted
        while k > s.span.start and (doc[k].pos_ == "ADJ" or doc[k].text == "," and not comma):
            comma = comma or doc[k].text == ","
            k -= 1
        if k < s.span.start or fold(doc[k].text) not in self.place_nouns_before:
            return False
        return not comma or not (nxt is not None and nxt.pos_ in ("VERB", "AUX")
                                 or doc[m.i:m.j].root.dep_.startswith("nsubj"))

    def _marker_at(self, s: Sentence, markers: dict[str, list[tuple]]) -> int | None:
        """The token where one of ``markers`` (by their first word) starts in the sentence (an adverb inside it
        passed over: "est accompagné notamment de", "are also on tour with him")."""
        if s.index not in self._marker_words:
            # (and a place with its preposition: "will be accompanied to Egypt by", "accompagné en Égypte par")
            placed = {k for c in [*s.countries, *s.cities] if c.is_location for k in range(c.i, c.j)}
            placed |= {k - 1 for k in placed if k - 1 >= s.span.start and s.doc[k - 1].pos_ == "ADP"}
            kept = [x.i for x in s.span if (x.pos_ != "ADV" or x.i == s.span.start) and x.i not in placed]
            self._marker_words[s.index] = (kept, [fold(s.doc[i].text).rstrip("'") for i in kept])
        kept, toks = self._marker_words[s.index]
        return next((kept[k] for k, w in enumerate(toks) for p in markers.get(w, ())
                     if tuple(toks[k:k + len(p)]) == p), None)

    @staticmethod
    def _named_before(s: Sentence, mentions: list[PersonMention]) -> tuple[list[PersonMention], list[PersonMention]]:
        """The people named before the sentence, the last first, and those of them named as a subject."""
        before = sorted((m for m in mentions if m.sentence.index < s.index),
                        key=lambda m: (m.sentence.index, m.i), reverse=True)
        return before, [m for m in before if m.sentence.doc[m.i:m.j].root.dep_.startswith("nsubj")]

    def _pronoun_leader(self, s: Sentence, mentions: list[PersonMention]) -> str | None:
        """The country of whom a pronoun of the sentence stands for: the subject named last before the
        sentence, else the person named last (with a country)."""
        before, subjects = self._named_before(s, mentions)
        return next((c for m in subjects + before for c in [country_of(m)] if c), None)

    def _delegations(self, mentions: list[PersonMention]) -> None:
        """"X was accompanied by A, Minister of ...; B, ...", "she and her delegation including A and B": the
        people named after the marker, whose country nothing else gives, are of the country of the person
        they accompany — the person (or title naming a country) nearest before the marker, else, for a
        pronoun ("He was accompanied by"), the person last named with a country before the sentence.
        "Among those accompanying President X are A and B" (``delegation_led_markers``): the leader is named
        right after the marker. "A and B are also on tour with him" (``delegation_closing_markers``): the
        members come before the marker, the leader is whom the pronoun stands for."""
        if not (self.delegation_markers or self.delegation_led_markers or self.delegation_closing_markers
                or self.delegation_subject_markers):
            return
        for s in self.ctx.sentences:
            ms = sorted((m for m in mentions if m.sentence is s), key=lambda m: m.i)
            if self._led_delegation(s, ms) or self._closed_delegation(s, ms, mentions) \
                    or self._delegation_listed(s, ms, mentions):
                continue
            at = self._marker_at(s, self.delegation_markers)
            if at is None:
                continue
            # the list ends where the sentence's main verb comes after it ("X, accompagné d'une délégation ...,
            # a été accueilli par Y": Y is the host)
            root = s.span.root
            stop = root.i if root.i > at else s.span.end
            members = [m for m in ms if at < m.i and m.j <= stop and not m.counterpart]
            if not members:
                continue
            leader = next((c for m in reversed([m for m in ms if m.j <= at]) for c in [country_of(m)] if c), None)
            if leader is None and root.i > at:
                # "Accompagné de six ministres ..., le président X a fait le déplacement": the main verb's subject
                subj = {x.i for c in root.children if c.dep_.startswith("nsubj") for x in c.subtree}
                leader = next((c for m in ms if m.i > at and subj.intersection(range(m.i, m.j)) and m not in members
                               for c in [country_of(m)] if c), None)
            if leader is None:
                leader = next((c for t in reversed([t for t in s.titles if t.j <= at])
                               for c in [self._title_country(s, t) or self._referent_country(s, t, mentions)]
                               if c), None)
            if leader is None and any(x.pos_ == "PRON" for x in s.doc[max(s.span.start, at - 3):at]):
                # "He was accompanied by": the subject named last before ("X paid a visit ... at the invitation
                # of Y. He was accompanied by" is X's delegation), else the person named last
                leader = self._pronoun_leader(s, mentions)
            if leader is None:
                continue
            for m in members:
                if country_of(m) is None:
                    _join_delegation(m, leader)

    def _delegation_listed(self, s: Sentence, ms: list[PersonMention], mentions: list[PersonMention]) -> bool:
        """"La délégation présidentielle comprend A, B et C", "The delegation includes A and B": the people named after
        the marker, whose country nothing else gives, are of the traveller's country, the subject named last before
        the sentence (no one of the sentence leads it)."""
        at = self._marker_at(s, self.delegation_subject_markers) if self.delegation_subject_markers else None
        if at is None:
            return False
        members = [m for m in ms if m.i > at and not m.counterpart and country_of(m) is None]
        # (the subject named last before, only if its country is known: not the next person who has one)
        _, subjects = self._named_before(s, mentions)
        leader = country_of(subjects[0]) if members and subjects else None
        for m in members if leader else ():
            _join_delegation(m, leader)
        return True

    def _led_delegation(self, s: Sentence, ms: list[PersonMention]) -> bool:
        """"Among those accompanying President X are A, Minister of ...; B, ...", "A, accompanying President X":
        the leader is the person named right after the marker; those named before the marker, or after it in a list
        it opens, whose country nothing else gives, are of the leader's country."""
        at = self._marker_at(s, self.delegation_led_markers) if self.delegation_led_markers else None
        if at is None:
            return False
        leader = next((m for m in ms if at < m.i <= at + 4), None)
        country = country_of(leader) if leader is not None else None
        if country is None:
            return False
        # the people named after the leader only in a list the marker opens ("Among those accompanying X are ...";
        # not "Ministers accompanying X held talks with Y": Y is met)
        listed = any(fold(x.text) in self.delegation_list_openers for x in s.doc[max(s.span.start, at - 3):at])
        for m in ms:
            if m is not leader and not m.counterpart and country_of(m) is None and (m.i < at or listed):
                _join_delegation(m, country)
        return True

    def _closed_delegation(self, s: Sentence, ms: list[PersonMention], mentions: list[PersonMention]) -> bool:
        """"Information Minister A and Interior Minister B are also on tour with him": the people named before the
        marker, whose country nothing else gives, are of the country of whom the pronoun stands for (a person
        named before them in the sentence, else the subject named last before it)."""
        at = self._marker_at(s, self.delegation_closing_markers) if self.delegation_closing_markers else None
        if at is None:
            return False
        # (the subject of the marker's own verb, a finite one: not "met the ministers accompanying him", "X said the
        # ministers who accompany him will ...", nor a host greeting the guest earlier in the sentence)
        verb = s.doc[at]
        for _ in range(3):  # up to the marker's verb ("are also on tour with him", "l'accompagnent", "sont du voyage")
            if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "cop" or verb.head.i == verb.i:
                break
            verb = verb.head
        subject = {x.i for ch in verb.children if ch.dep_.startswith("nsubj") for x in ch.subtree}
        if verb.dep_ in ("acl", "acl:relcl", "relcl") or not subject:
            return False
        members = [m for m in ms if m.j <= at and not m.counterpart and country_of(m) is None
                   and subject.intersection(range(m.i, m.j))]
        if not members:
            return False
        leader = next((c for m in reversed([m for m in ms if m.j <= members[0].i]) for c in [country_of(m)] if c),
                      None) or self._pronoun_leader(s, mentions)
        if leader is None:
            return False
        for m in members:
            _join_delegation(m, leader)
        return True

    def _companions(self, mentions: list[PersonMention]) -> None:
        """"X s'est rendu en Bulgarie avec le secrétaire d'État Y", "X travelled to Sofia with his minister Y": a
        person travelling with the subject of a verb of the trip, whose country nothing else gives, is of the
        traveller's country (his delegation), not of the host's."""
        if not self.companion_preps or not self.travel_verbs:
            return
        for m in mentions:
            if country_of(m) is not None or m.counterpart:
                continue
            doc = m.sentence.doc
            head = doc[m.i:m.j].root
            while head.dep_ in ("appos", "flat", "flat:name") and head.head.i != head.i:
                head = head.head  # "le secrétaire d'État aux Affaires européennes, Y": the title's phrase
            verb = head.head
            if verb.i == head.i or verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in self.travel_verbs:
                continue
            opening = tuple(fold(x.text).rstrip("'") for x in doc[head.left_edge.i:head.left_edge.i + 4])
            if not any(opening[:len(p)] == p for p in self.companion_preps):
                continue
            if any(head.left_edge.i <= o.i < m.i for o in m.sentence.orgs):
                continue  # "avec la présidente de la Commission européenne, X": an organisation's, no state's
            subjects = {x.i for c in verb.children if c.dep_.startswith("nsubj") for x in c.subtree}
            leader = next((c for o in mentions if o.sentence is m.sentence and subjects.intersection(range(o.i, o.j))
                           for c in [country_of(o)] if c), None)
            if leader is not None:
                _join_delegation(m, leader)

    def _welcomers(self, mentions: list[PersonMention]) -> None:
        """"Upon her arrival in Abuja, she was welcomed by the FCT Minister, X", "il a été accueilli par le ministre
        Y": who receives a guest, named after "by"/"par" and whose country nothing else gives, is of the host
        country — the place the sentence names (not one left, "De retour de Paris"; the guest's own country when he
        comes home), else the other of the article's two main countries."""
        if not self.reception_verbs:
            return
        top = self.ctx.main_countries()
        for m in mentions:
            if country_of(m) is not None or m.counterpart or not m.roles:
                continue  # (an official: a spouse at the welcome is nobody's official)
            s, doc = m.sentence, m.sentence.doc
            head = doc[m.i:m.j].root
            while head.dep_ in ("appos", "flat", "flat:name", "conj") and head.head.i != head.i:
                head = head.head  # "by Foreign Minister A and Minister of Defence B": the first of the agents
            if head.dep_ == "obl:agent":
                verb = head.head
            elif head.dep_ == "pobj" and head.head.dep_ == "agent":
                verb = head.head.head
            else:
                continue
            if fold(verb.lemma_) not in self.reception_verbs:
                continue
            guest = self._guest_of(verb, m, mentions)
            if guest is None:
                continue
            places = [c for c in [*s.countries, *s.cities] if c.is_location and not any(
                words(doc[max(s.span.start, c.i - len(w)):c.i].text) == w for w in self.origin_markers)]
            # the place of the welcome verb's own phrase first ("accueilli à l'aéroport de Dakar" on the way home: a
            # welcome by the guest's own people), else the first other place of the sentence
            own = [c for c in places if any(a.i == verb.i for a in doc[c.i].ancestors)]
            host = own[0].code if own else next((c.code for c in places if c.code != guest), None)
            if host is None and len(top) == 2 and guest in top:
                host = next(c for c in top if c != guest)
            if host is not None:
                m.country = host
                if m.entity is not None:
                    m.entity.country, m.entity.country_source = host, "host"

    @staticmethod
    def _guest_of(verb, m: PersonMention, mentions: list[PersonMention]) -> str | None:
        """The country of who a verb of welcome receives: its passive subject ("she was welcomed by", of a verb
        joined to another, that verb's), the noun its participle describes ("X, welcomed by"), or for a pronoun
        the person last named with a country."""
        s = m.sentence
        holder = verb
        if not any(c.dep_.startswith("nsubj") for c in verb.children) and verb.dep_ == "conj":
            holder = verb.head  # "she inspected a guard of honour and was welcomed by"
        subj = [c for c in holder.children if c.dep_.startswith("nsubj")]
        if not subj and verb.dep_ in ("acl", "acl:relcl") and verb.head.i != verb.i:
            subj = [verb.head]
        if not subj:
            return None
        tokens = {x.i for c in subj for x in c.subtree}
        found = next((c for o in mentions if o.sentence is s and o is not m and tokens.intersection(range(o.i, o.j))
                      for c in [country_of(o)] if c), None)
        if found is None and any(c.pos_ == "PRON" for c in subj):
            before = sorted((o for o in mentions if o.sentence.index < s.index or (
                o.sentence is s and o.j <= subj[0].i)), key=lambda o: (o.sentence.index, o.i), reverse=True)
            found = next((c for o in before for c in [country_of(o)] if c), None)
        return found

    def _recurrences(self, entities: list[PersonEntity], known: list[PersonMention]) -> list[PersonMention]:
        """Later (or earlier) occurrences of a known full name, of its surname, or of its first word when it
        is no one's later word (a family name written first)."""
        full = {}
        surnames: dict[tuple[str, ...], list[PersonEntity]] = {}
        for e in entities:
            for n in e.names:
                full[name_key(n)] = e
            key = name_key(e.name)
            # any word but the first can be used alone: "Lavrov", "Lula" (of Luiz Inácio Lula da Silva)
            for w in set(key[1:]):
                # (a family name of three letters too, as the name's last word: "Abe" of Shinzo Abe)
                if len(w) >= 4 or len(w) == 3 and w == key[-1] and w not in self.particles:
                    surnames.setdefault((w,), []).append(e)
        taken = {(m.sentence.index, k) for m in known for k in range(m.i, m.j)}
        out = []
        for s in self.ctx.sentences:
            blocked = self._blocked(s)
            doc, k = s.doc, s.span.start
            while k < s.span.end:
                if (s.index, k) in taken:
                    k += 1
                    continue
                j = self.name_run(doc, k, s.span.end, blocked)
                if j == k:
                    k += 1
                    continue
                key = name_key(doc[k:j].text)
                target = full.get(key)
                if target is None and len(key) == 1 and len(surnames.get(key, [])) == 1:
                    target = surnames[key][0]
                if target is None and len(key) == 1:
                    # "Lee's trip" after "Lee Myung-bak", "said Li" after "Li Keqiang": a family name written first
                    owner, later = _first_word_owner(key, entities)
                    target = owner if not later else None
                if target is None and _INITIALS.fullmatch(doc[k].text):
                    k += 1  # "J. Kabila" after "Joseph Kabila": the surname past the initial
                    continue
                if target is not None and not any((s.index, x) in taken for x in range(k, j)):
                    out.append(self._mention(s, k, j, roles=[], country=None, anchored=False))
                k = j
        return out

    @staticmethod
    def _misspelt_repeat(key, m: PersonMention, entities: list[PersonEntity]) -> PersonEntity | None:
        """A full name written again with a slip in one word ("Hu Jinato" after "Hu Jintao"): the same
        person, when exactly one person of the article is that close and no country says otherwise."""
        if len(key) == 1:
            # "Delcy Rodrígue ... la Chancelière Rodríguez": a surname alone, one letter from the last word of the full
            # name of exactly one person (long words only: short names differ by a letter and are others')
            alone = words(m.name)
            close = [e for e in entities if len(alone) == 1 and len(alone[0]) >= 6 and any(
                len(words(n)) >= 2 and len(words(n)[-1]) >= 6 and edit_distance(alone[0], words(n)[-1], 1) == 1
                # ("Aliyeva" beside "Ilham Aliyev": a feminine form, another person of the family)
                and not (alone[0].endswith("a") and alone[0][:-1] == words(n)[-1]
                         or words(n)[-1].endswith("a") and words(n)[-1][:-1] == alone[0])
                for n in set(e.names)) and not (m.country and e.country and m.country != e.country)]
            return close[0] if len(close) == 1 else None
        close = [e for e in entities if any(_one_word_off(key, name_key(n)) for n in set(e.names))
                 and not (m.country and e.country and m.country != e.country)]
        return close[0] if len(close) == 1 else None

    def _cluster(self, mentions: list[PersonMention]) -> list[PersonEntity]:
        for m in mentions:
            m.entity = None
        entities: list[PersonEntity] = []
        # full names first so that surnames attach to them
        for m in sorted(mentions, key=lambda m: (-len(name_key(m.name)), m.start)):
            key = name_key(m.name)
            match = None
            if len(key) == 1:
                # "Mme Samia": a courtesy title before a first name names the one person who bears it;
                # "le président Hu", "said Li": the first word of "Hu Jintao", "Li Keqiang" (family name first),
                # when no one of the article bears it as a later word
                owner, later = _first_word_owner(key, entities, {fold(t) for _, t in m.roles if t})
                # (a name given in full before, or a headline's: "His Highness Sheikh Mohamed" in the lead is not the
                # "Sheikh Mohammed bin Hamad" listed further down)
                if owner is not None and (m.honorific or m.anchored and m.roles or not later) \
                        and not (m.country and owner.country and m.country != owner.country) \
                        and (m.sentence.kind in ("title", "heading") or any(x.start < m.start for x in owner.mentions)):
                    match = owner
                    match.mentions.append(m)
                    m.entity = match
                    continue
            found = [e for e in entities if any(same_in_document(key, name_key(n)) for n in set(e.names))
                     and not (m.country and e.country and m.country != e.country)]
            if len(found) > 1 and m.roles:
                # "President Rajapaksa" after "Mahinda Rajapaksa" and "First Lady Shiranthi Wikaramasinghe Rajapaksa":
                # the surname two people share names the one who holds the title it is written with
                titled = [e for e in found if {r for r, _ in m.roles} & {r for x in e.mentions for r, _ in x.roles}]
                found = titled or found
            match = found[0] if found else None
            if match is None:
                match = self._misspelt_repeat(key, m, entities)
            if match is None:
                match = PersonEntity(len(entities))
                entities.append(match)
            match.mentions.append(m)
            m.entity = match
            if m.country and not match.country:
                match.country, match.country_source = m.country, "stated"
        # a surname shared by two entities is ambiguous: leave it attached to the first, as found
        for e in entities:
            e.mentions.sort(key=lambda m: m.start)
        return entities


def _first_word_owner(key: tuple[str, ...], entities: list[PersonEntity],
                      titles: set[str] = frozenset()) -> tuple[PersonEntity | None, bool]:
    """The one person of the article whose name of two words or more begins with the one word ``key`` (None
    when none or several), and whether anyone bears that word later in a name (then it may be a surname). Of
    several, the one titled as the mention is ("King Abdullah": King Abdullah bin Abdulaziz, not President
    Abdullah Gül)."""
    owners = [e for e in entities if any(name_key(n)[:1] == key and len(name_key(n)) > 1 for n in e.names)]
    if len(owners) > 1 and titles:
        titled = [e for e in owners if any(fold(t) in titles for _, t in e.roles if t)]
        owners = titled if len(titled) == 1 else owners
    later = any(key[0] in name_key(n)[1:] for e in entities for n in e.names)
    return (owners[0] if len(owners) == 1 else None), later


def _agrees_whole_or_surname(key: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """A name as written agrees with a known one word for word ("wen jiaobao" / "wen jiabao"), or is its last words
    ("johnson sirleaf" / "ellen johnson sirleaf"), or its first three words or more, a dynasty's or family's name
    left off ("abdullah bin abdulaziz" / "abdullah bin abdulaziz al saud"); a first and a last name with a middle
    one left out ("amadou camara" / "amadou damaro camara") may be someone else's."""
    if len(key) == len(known):
        return _words_agree(key, known)
    # (the first words within an edit: "salman bin abdualaziz" / "salman bin abdulaziz al saud")
    return len(key) < len(known) and (known[-len(key):] == key or (len(key) >= 3 and (
        known[:len(key)] == key or key[0] == known[0] and _words_agree(key, known[:len(key)]))))


def _middle_name_added(key: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """The text gives a middle name the known spelling leaves out ("rodrigo roa duterte" / "rodrigo duterte"): the
    first and last names agree (of the one holder of an office at a date, no one else)."""
    return len(known) >= 2 and len(key) == len(known) + 1 and key[0] == known[0] and key[-1] == known[-1]


def _by_sentence(mentions: list[PersonMention]) -> list[list[PersonMention]]:
    """The mentions of each sentence, in the order of the text."""
    groups: dict[int, list[PersonMention]] = {}
    for m in mentions:
        groups.setdefault(m.sentence.index, []).append(m)
    return [sorted(ms, key=lambda m: m.i) for ms in groups.values()]


def _organisation_of(s: Sentence, t) -> str | None:
    """"le secrétaire général de l'ONU, X", "President of the European Commission X": the office of an organisation
    (one named inside the title or right after it, past its link words), which places its holder in no country; as
    ``office_country`` (``org:`` and its code), it keeps the office-holder data from giving them the country of another
    office they held."""
    doc = s.doc
    for o in s.orgs:
        if t.i <= o.i < t.j or t.j <= o.i <= t.j + 3 and all(x.pos_ in ("ADP", "DET") for x in doc[t.j:o.i]):
            return f"org:{o.code}"
    return None


def _named_short(name: str, full: str) -> bool:
    """The text names the office holder by a part of the data's name ("Prime Minister Hailemariam", "Queen
    Elizabeth") or by the data's name after a word that is none of it, not cut short in a way that names them well
    enough (``_kept_as_written``): the data's name is the person's. A name of as many words is the same name in
    another spelling ("Berdimuhamedov" for "Berdimuhamedow", "Hannah" for "Hanna"): the text's spelling is kept, the
    data's an alias; but the very name in other letters ("DMITRY MEDVEDEV", "Erdogan" for "Erdoğan") is written as
    the data writes it."""
    if fold(name) == fold(full):
        return True
    w, f = words(name), words(full)
    if len(f) >= 2 and len(w) > len(f) and w[-len(f):] == f:
        return True  # "Head of Seimas Loreta Graužinienė": a word before the full name is none of it
    return len(w) < len(f) and not _kept_as_written(name, full)


def _kept_as_written(name: str, full: str) -> bool:
    """The text's spelling names the person well enough to be kept: ``full`` without some middle words, or its first
    words as a given name and a father's ("Salman bin Abdulaziz" for "Salman bin Abdulaziz Al Saud": the dynasty
    left out; "Luiz Inácio Lula" for "Luiz Inácio Lula da Silva", "Madhav Kumar" for "Madhav Kumar Nepal" are names
    cut short)."""
    short, long_ = name_key(name), name_key(full)
    return _shortened(name, full) or (3 <= len(short) < len(long_) and long_[:len(short)] == short
                                      and short[-2] in PATRONYMIC_LINKS)


def _shortened(name: str, full: str) -> bool:
    """``name`` is ``full`` without some of its middle words: two words or more, each one of ``full``'s, in order,
    the first and the last its own ("Madhav Kumar" is not "Madhav Kumar Nepal" shortened but cut)."""
    short, long_ = name_key(name), name_key(full)
    if len(short) < 2 or len(short) >= len(long_) or short[0] != long_[0] or short[-1] != long_[-1]:
        return False
    k = 0
    for w in short:
        while k < len(long_) and long_[k] != w:
            k += 1
        if k == len(long_):
            return False
        k += 1
    return True


def _words_agree(text: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """Each word of a name as written matches a word of a known name, in order, exactly or (for words of
    five letters and more) within an edit or two: "sadyr zhaparov" / "sadir japarov", "hailemriam" /
    "hailemariam desalegn", "elizabeth" / "elizabeth ii"."""
    if not text or not known:
        return False
    k = 0
    for w in text:
        while k < len(known) and not (w == known[k] or (min(len(w), len(known[k])) >= 5 and edit_distance(
                w, known[k], 2) <= (1 if min(len(w), len(known[k])) < 8 else 2))):
            k += 1
        if k == len(known):
            return False
        k += 1
    return True


def _title_cased(s: Sentence) -> bool:
    """A headline written in title case: every word capitalised but articles, prepositions and conjunctions, and at
    least four words of four letters or more."""
    long_words = [t.text for t in s.span if t.is_alpha and len(t.text) >= 4]
    return len(long_words) >= 4 and all(
        t.text[0].isupper() or t.pos_ in ("DET", "ADP", "CCONJ", "SCONJ", "PART") for t in s.span if t.is_alpha)


def _clitic_s(tok) -> bool:
    """The English possessive "'s" ("Egypt's president", "the President's News")."""
    return tok.text in ("'s", "’s")


def _person_like(s: Sentence, i: int, j: int, model_only: bool = False) -> bool:
    """A name the model reads as a person's, or (unless ``model_only``) one of two words or more."""
    return not model_only and len([t for t in s.doc[i:j] if t.is_alpha]) >= 2 or any(
        e.label_ in PERSON_LABELS and e.start < j and i < e.end for e in s.ents)


def _coordinated(a: PersonMention, b: PersonMention) -> bool:
    """The parser coordinates ``b`` (its name or its title) with ``a`` (or a's title, a few words before)."""
    doc = b.sentence.doc
    return any(x.dep_ == "conj" and a.i - 4 <= x.head.i < a.j for x in doc[a.j:b.j])


def subject_through(tok, links: tuple[str, ...], hops: int, active: bool = False) -> bool:
    """The word is the subject of its clause, or hangs on it through ``links`` (at most ``hops`` words up);
    ``active``: the subject of an active verb."""
    for _ in range(hops):
        if tok.dep_.startswith("nsubj"):
            if any(c.dep_ == "case" and c.pos_ == "ADP" for c in tok.children):
                return False  # "... et par le ministre X, a constaté un journaliste": an agent the parser made a subject
            return not (active and tok.dep_ in ("nsubj:pass", "nsubjpass"))
        if tok.dep_ not in links or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _subject_like(tok, active: bool = False) -> bool:
    """The word, or the name or title it is part of, is the subject of its clause (``active``: of an active verb)."""
    return subject_through(tok, ("flat:name", "flat", "appos", "compound"), 4, active)


def without_initials(name: str) -> str | None:
    """"M. Najib Tun Razak" is also "Najib Tun Razak": the name past its leading initials, when two words or more
    remain (None otherwise)."""
    m = re.match(r"(?:[A-Z]\.\s?)+", name)
    rest = name[m.end():].strip() if m else ""
    return rest if m and len(words(rest)) >= 2 else None


def _person_start(s: Sentence, k: int, j: int) -> int:
    """Where, inside the capitalised run doc[k:j], the model sees a person's name begin (j when nowhere)."""
    return min((e.start for e in s.ents if e.label_ in PERSON_LABELS and k < e.start < j), default=j)


def _capitalised_words(m: PersonMention) -> list[str]:
    """The folded words of a mention written with a capital."""
    return [fold(t.text) for t in m.sentence.doc[m.i:m.j] if t.is_alpha and t.text[0].isupper()]


def _join_delegation(m: PersonMention, country: str) -> None:
    """A person placed in the delegation of a country (accompanying its leader, travelling with him)."""
    m.country = country
    if m.entity is not None:
        m.entity.country, m.entity.country_source = country, "delegation"


def country_of(m: PersonMention) -> str | None:
    """A mention's country: its person's, else the one the mention's own words give."""
    return m.entity.country if m.entity is not None and m.entity.country else m.country


def possessive(tok) -> bool:
    """"son", "sa", "leur", "his", "her", "their": a possessive determiner."""
    return "Yes" in tok.morph.get("Poss") or fold(tok.text) in ("son", "sa", "leur", "his", "her", "their")


def _spelt_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same family name (last word, four letters or more) and first names one letter apart, whatever
    middle names either adds ("Omar al-Bashir" / "Omer Hassan al-Bashir")."""
    return len(a) >= 2 and len(b) >= 2 and a[-1] == b[-1] and len(a[-1]) >= 4 and min(len(a[0]), len(b[0])) >= 3 \
        and edit_distance(a[0], b[0]) <= 1


def _father(key: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a name key after its first patronymic link ("salman bin abdulaziz al saud": "abdulaziz al saud"),
    or none when it has no link between two words."""
    link = next((k for k, w in enumerate(key) if w in PATRONYMIC_LINKS and 0 < k < len(key) - 1), None)
    return key[link + 1:] if link is not None else ()


def _last_two_agree(key: tuple[str, ...], terms) -> bool:
    """The last two words of a name are those of a spelling of the holder's, the one before the family name at most
    a letter off ("Josaia Vorege Bainimarama" / "Voreqe Bainimarama")."""
    if len(key) < 2:
        return False
    for t in terms:
        for sp in t.spellings():
            k = name_key(sp)
            if len(k) >= 2 and k[-1] == key[-1] and edit_distance(k[-2], key[-2], 1) <= 1:
                return True
    return False


def _one_word_off(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same words but one, and that one misspelt by at most two letters ("Hu Jintao" / "Hu Jinato")."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) == 1 and any(w in PATRONYMIC_LINKS for w in a) and diff[0][0] == a[0] \
            and edit_distance(*diff[0]) > 1:
        return False  # "Sultan bin Abdulaziz" / "Salman bin Abdulaziz": two sons of one father, not a misspelling
    return len(diff) == 1 and min(len(diff[0][0]), len(diff[0][1])) >= 4 and edit_distance(*diff[0]) <= 2


def family_name_hint(entity: PersonEntity, lex, candidates: set[str],
                     others: list[PersonEntity] = ()) -> str | None:
    """A country for a person from their family name, chosen only among ``candidates``: the family names of the
    language data, else the country of the only others of the article who bear it with another word of the name
    ("the crown prince Jigme Khesar Namgyel Wangchuck" beside King Jigme Singye Wangchuck)."""
    ws = words(entity.name)
    if not ws:
        return None
    hits = set()
    for w in (ws[0], ws[-1]):
        hits |= lex.family_names.get(w, set())
    hits &= candidates
    if not hits and len(ws) >= 2 and len(ws[-1]) > 3:
        # the family name and one more word of the name ("Jigme ... Wangchuck", "... Al Sabah"): a surname
        # alone is shared by strangers
        hits = {o.country for o in others if o is not entity and o.country and words(o.name)[-1:] == ws[-1:]
                and len(set(words(o.name)) & set(ws)) >= 2} & candidates
    return next(iter(hits)) if len(hits) == 1 else None
