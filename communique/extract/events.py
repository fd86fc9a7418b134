"""Events: visits, meetings, calls, agreements signed and relation upgrades.

In: ``DocContext`` and the document's person mentions. Out: ``Event`` records (one per real event
stated in a sentence; a trip to four countries gives four visits, talks with three counterparts
from three countries give three meetings), with participants, countries, dates, location,
visit kind, status (happened / planned / hypothetical / negated), CAMEO and PLOVER codes.

Triggers are found with spaCy's ``Matcher`` on lemmas (``lang/<code>/triggers.yaml``). Each trigger
owns a *window*: from the trigger to the next trigger of the sentence. Arguments are read from that
window and from the grammatical subject of the governing verb.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import get_args

import yaml

from ..lang import fold, words
from ..nlp.gazetteer import SPAN_KEY
from ..nlp.matching import AnchoredMatcher
from ..records import Event, EventType, Source
from .context import CountryMention, DocContext, Sentence
from .dates import years_before
from .successors import Successors
from .levels import LevelFinder, LevelMention
from .modality import ModalityReader, _compound_past
from .numbers import QuantityReader
from .persons import PersonMention, country_of, possessive, subject_through

_ONTOLOGY = Path(__file__).resolve().parent.parent / "data" / "ontology.yaml"


def unlabelled_subject(verb) -> set[int]:
    """"lorsque le Premier ministre X s'était entretenu": a name left of the verb that the parser hangs on it with
    no function ("dep") is its subject, with the name's first words, which the parser may hang elsewhere."""
    c = next((c for c in verb.children if c.dep_ == "dep" and c.i < verb.i and c.pos_ == "PROPN"), None)
    if c is None:
        return set()
    out = {t.i for t in c.subtree}
    k = c.left_edge.i - 1
    while k >= 0 and verb.doc[k].pos_ == "PROPN":
        out.add(k)
        k -= 1
    return out


def noun_root_subject(verb) -> set[int]:
    """"La Première ministre du Bangladesh, X, rencontre ce mardi son homologue": after a subject long with its
    apposition the parser may make the subject's noun the sentence's root and hang the finite verb on it as a
    modifier ("acl"), which a finite verb with no relative pronoun cannot be; the words of that noun left of the
    verb are its subject (a participle, "le président reçu par", is a real modifier and stays one)."""
    head = verb.head
    if (verb.dep_ != "acl" or "Fin" not in verb.morph.get("VerbForm") or head.dep_ != "ROOT"
            or head.pos_ not in ("NOUN", "PROPN") or head.i > verb.i):
        return set()
    return {t.i for t in head.subtree if t.i < verb.i}


def _began_on(span, own: int, since_words: set[str], light_verbs: frozenset[str] = frozenset()) -> bool:
    """"la visite qu'il effectue à Rome depuis mardi", "qui séjourne depuis lundi": a date that is itself the
    object of "depuis" on the event's own verb (the trigger, the verb whose object it is, or the clause told of
    it) is the day the event began, not a point of reference (the phrases "depuis son élection en mai" keep
    theirs)."""
    tok, trigger = span.root, span.doc[own]
    verb = tok.head
    if not any(c.dep_ == "case" and fold(c.text) in since_words for c in tok.children) or verb.pos_ not in ("VERB", "AUX"):
        return False
    # the verb whose object the trigger is only when it does the event ("effectue depuis mardi une visite"), not
    # when it asks for it ("Kiev réclame depuis le 1er février une visite")
    return verb.i == own or (trigger.head.i == verb.i and verb.lemma_ in light_verbs) or (
        verb.dep_ == "acl:relcl" and verb.head.i == own)


def _tenses(verb) -> set[str]:
    """The tenses of a verb and of its auxiliaries ("a signé": Pres and Past)."""
    return set(verb.morph.get("Tense")) | {x for c in verb.children if c.dep_.startswith("aux")
                                           for x in c.morph.get("Tense")}


def clause_mark(verb, start: int, words: set[str]):
    """The conjunction among ``words`` ("lorsque", "when") that opens the verb's clause: its child, or, since the
    parser may hang it on a word of the subject ("depuis 2004, lorsque le Premier ministre X s'était entretenu"),
    the nearest one left of the verb with no other clause's verb between them."""
    mark = next((c for c in verb.children if c.i < verb.i and fold(c.text) in words), None)
    if mark is not None:
        return mark
    for k in range(verb.i - 1, start - 1, -1):
        x = verb.doc[k]
        if fold(x.text) in words and x.pos_ in ("SCONJ", "ADV"):
            return x
        if x.pos_ in ("VERB", "AUX") and x.head.i != verb.i or x.text in (";", ":"):
            return None
    return None


@dataclass
class Trigger:
    type: str
    token: object  # spaCy Token
    sentence: Sentence
    window_end: int = 0  # token index (exclusive) where the next trigger starts
    sub: str | None = None  # finer kind: "motion" verb, "noun", "verb"


@dataclass
class Candidate:
    trigger: Trigger
    event: Event
    mentions: list[PersonMention] = field(default_factory=list)
    explicit_date: bool = False
    same_day: bool = False  # "le même jour": dated like the event reported before it
    same_time: bool = False  # "à l'époque", "at the time": dated like the event of the sentence before
    told_day: str | None = None  # the date its sentence gave, before a length counted a span from it
    relative_date: bool = False  # the year was not written but taken from the publication date
    ahead_date: str | None = None  # the same weekday read forwards, for an event to come ("rencontrera jeudi")
    until_date: str | None = None  # "jusqu'à samedi": the coming such day, the end of a stay under way
    later: bool = False  # told as coming after the story's event ("avant de gagner Y", "se rendra ensuite à X")
    present_at_place: set[str] | None = None  # a signing's: the countries of those the text puts at its place
    signed_in: str | None = None  # a signing's: the country of the place it was signed at, a party's or not
    anaphoric: bool = False  # refers back to an event already reported ("les textes", "ces accords")
    leg_to_come: bool = False  # a leg told in a clause of the future ("une tournée qui le conduira au Tchad")
    # the kinds of the visits its sentence names ("During the State visit, X held talks with Y": {"state"})
    visit_kinds_around: frozenset = frozenset()
    # told as done during a visit its sentence names ("sept accords ont été signés lors de la visite de X"): dated by
    # that visit however long before the article it was
    during_visit: bool = False
    # named by a noun in a phrase of circumstance ("During the discussions, ..."): the frame of its sentence, whose
    # date the events told inside it do not give
    framing: bool = False
    # "marking the 70th year of the establishment of diplomatic ties": the year an anniversary counts back to, its date
    # whatever the sentence's
    counted_back: str | None = None
    # an establishment recalled by the relations held since, or going back to, its year ("dont les relations
    # diplomatiques datent de 1994"): like one counted back, it lends no date to the events around it
    recalled: bool = False


#: instruments signed together as one set of texts: one signing ("une convention et deux mémorandums d'entente")
SIGNED_TOGETHER = frozenset({"agreement", "mou", "treaty"})


#: the offices of a state (not of an international body): whose holder receives a guest in his country
STATE_OFFICES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "minister", "parliament_speaker",
                           "party_general_secretary"})


#: the marks that close a clause or open an aside: a call's marker after one belongs to another clause
CLAUSE_STOPS = [",", ".", ";", ":", "!", "?", "(", ")", "\"", "«", "»", "“", "”"]


class EventRules:
    """The compiled rules of event extraction for one language: trigger lexicons, the Matcher (one per
    spaCy vocabulary), the ontology codes and the readers of levels, modality and quantities. Built
    once per ``Extractor``, not once per document."""

    def __init__(self, lex):
        tr = lex.triggers
        self.tr = tr
        self.levels = LevelFinder(lex)
        self.modality = ModalityReader(lex)
        self.quantities = QuantityReader(lex)
        self.ontology = yaml.safe_load(_ONTOLOGY.read_text(encoding="utf-8"))
        # the word sets an EventExtractor folds from the language data, made by the first one and shared after
        self.word_sets: dict | None = None
        self.call_markers = {fold(w) for w in tr["call"]["markers"]}
        self.instruments = sorted(((kind, words(f)) for kind, forms in tr["agreement"]["instruments"].items()
                                   for f in forms), key=lambda x: -len(x[1]))
        self.visit_kinds = [(k, words(f)) for k, forms in tr["visit"]["kinds"].items() for f in forms]
        self.not_diplomatic = {fold(w) for w in tr["visit"].get("not_diplomatic", [])}
        self.courtesy = {" ".join(words(w)) for w in tr["visit"].get("courtesy", [])}
        self.rank_nouns = {fold(w) for w in tr["upgrade"]["rank_nouns"]}
        self.successors = Successors.load()
        ag = tr["agreement"]
        self._generic_words = {w for f in ag.get("generic_words", []) for w in words(f)} | {
            w for forms in ag["instruments"].values() for f in forms for w in words(f)}
        self._generic_cut = [f for f in ag.get("generic_cut", []) if f.strip()]
        self.other_text_words = frozenset(fold(w) for w in ag.get("other_words", []))
        self._matchers: dict[int, tuple[object, AnchoredMatcher]] = {}

    def other_texts(self, c: Candidate) -> bool:
        """"Sept autres documents de coopération ont été échangés", "two other agreements were signed": texts told as
        others than those named before (triggers.yaml agreement.other_words before the noun of the texts)."""
        if c.event.type != "agreement":
            return False
        span = c.trigger.sentence.span
        tok = c.trigger.token
        texts = {y.i for y in tok.subtree}
        if tok.dep_ in ("acl", "acl:relcl", "relcl"):
            texts.add(tok.head.i)  # "three other documents that were signed during the visit": the noun the verb tells of
        return any(fold(x.text) in self.other_text_words and x.head.pos_ == "NOUN" and 0 < x.head.i - x.i <= 2
                   and x.head.i in texts for x in span)

    def generic_title(self, title: str | None) -> bool:
        """A title that names no particular text ("plusieurs accords de coopération", "new bilateral deals",
        "agreements, including the boundary treaty"): instrument words and words of number or kind only,
        up to the words that start naming the texts one by one."""
        if not title:
            return True
        head = title
        for cut in self._generic_cut:
            k = head.find(cut) if not cut.isalpha() else next(
                (m.start() for m in re.finditer(rf"\b{re.escape(cut)}\b", head, re.I)), -1)
            if k >= 0:
                head = head[:k]
        ws = words(head)
        return bool(ws) and all(w in self._generic_words or w.isdigit() for w in ws)

    def matcher(self, vocab) -> AnchoredMatcher:
        key = id(vocab)
        if key not in self._matchers:
            self._matchers[key] = (vocab, build_matcher(vocab, self.tr))  # the vocab is kept alive with it
        return self._matchers[key][1]


#: the leaders' offices: whose holder welcoming a guest on arrival meets him, and receives foreign leaders at home
LEADER_TITLE_ROLES = ("head_of_state", "head_of_government")

class EventExtractor:
    def __init__(self, ctx: DocContext, mentions: list[PersonMention], vocab, rules: EventRules | None = None):
        self.ctx = ctx
        self.lex = ctx.lex
        self.mentions = mentions
        rules = rules or EventRules(ctx.lex)
        self.tr = rules.tr
        self.levels, self.modality, self.quantities = rules.levels, rules.modality, rules.quantities
        self.ontology = rules.ontology
        self._phrase_start: dict[int, int] = {}  # an instrument's head -> the first word of its phrase
        # the words of the language data, folded into sets once per language and shared by every document
        if rules.word_sets is None:
            before = set(self.__dict__)
            self._read_lexicon(ctx)
            rules.word_sets = {k: v for k, v in self.__dict__.items() if k not in before}
        self.__dict__.update(rules.word_sets)
        self.matcher = rules.matcher(vocab)
        self.call_markers, self.instruments, self.visit_kinds = rules.call_markers, rules.instruments, rules.visit_kinds
        self.not_diplomatic, self.courtesy, self.rank_nouns = rules.not_diplomatic, rules.courtesy, rules.rank_nouns
        self.successors = rules.successors
        self._visits: list[Candidate] = []
        self._last_parties: list[str] = []
        self._last_parties_at = -1  # the sentence that told them
        self._guest_words: set[int] = set()  # "visiting" before a guest's title read as the trip's only word
        self._last_of_type: dict[str, list[str]] = {}  # the parties of the last talks of each type reported
        self._last_statement: list[str] = []  # the parties of the last joint statement reported
        self._last_signing: tuple[int, list[str]] = (-1, [])  # the sentence and parties of the last signing reported

    def _read_lexicon(self, ctx: DocContext) -> None:
        """The word sets of the language data the rules read (shared by every document: never changed after)."""
        self.spoken_of = {fold(w) for w in ctx.lex.persons.get("not_participants_under", [])}
        self.credential_words = {fold(w) for w in ctx.lex.persons.get("credential_words", [])}
        self.sent_by_nouns = {fold(w) for w in ctx.lex.persons.get("sent_by_nouns", [])}
        self.encounter_verbs = frozenset(self.tr["meeting"].get("encounter_verbs", []))
        self.with_verbs = frozenset(self.tr["meeting"].get("with_verbs", []))
        self.sequel_openers = [words(p) for p in self.tr["meeting"].get("sequel_openers", [])]
        self.statement_nouns = [words(p) for p in self.tr["agreement"].get("statement_nouns", [])]
        self.agent_words = {fold(w) for w in self.tr["meeting"].get("agent_words", [])}
        self.welcome_verbs = frozenset(self.tr["meeting"].get("welcome_verbs", []))
        self.reception_verbs = frozenset(fold(w) for w in self.tr["meeting"].get("reception_verbs", []))
        self.origin_verbs = frozenset(fold(w) for w in ctx.lex.levels.get("origin_verbs", []))
        self.since_verbs = frozenset(fold(w) for w in ctx.lex.levels.get("since_verbs", []))
        self.since_copulas = frozenset(fold(w) for w in ctx.lex.levels.get("since_copulas", []))
        self.arrival_words = {fold(w) for w in self.tr["meeting"].get("arrival_words", [])}
        self._talks_words = {fold(w) for k in ("nouns", "verbs") for w in self.tr["meeting"].get(k, [])} - \
            {fold(w) for w in self.tr["meeting"].get("welcome_verbs", [])}
        self.call_topic_words = {fold(w) for w in self.tr["call"].get("topic_words", [])}
        self.call_nouns = {fold(w) for w in self.tr["call"]["nouns"]}
        self.gathering_setting_words = {fold(w) for w in self.tr["meeting"].get("gathering_setting_words", [])}
        self.frame_phrases = [" ".join(words(p)) for p in self.tr["meeting"].get("frame_phrases", [])]
        self.hosting_nouns = {fold(w) for w in self.tr["meeting"].get("hosting_nouns", [])}
        self.topic_words = {fold(w) for w in self.tr["meeting"].get("topic_words", [])}
        persons = ctx.lex.persons
        self.anaphors = {fold(w) for w in persons.get("anaphors", [])}
        self.two_words = {fold(w) for w in persons.get("two_words", [])}
        self.pair_nouns = {fold(w) for w in persons.get("pair_nouns", [])}
        self.event_nouns = {fold(w) for w in persons.get("event_nouns", [])}
        self.event_pronouns = {fold(w).rstrip("'") for w in persons.get("event_pronouns", [])}
        self.copulas = {fold(w) for w in self.modality.aim_copulas}
        self.personal_pronouns = {fold(w) for w in persons.get("personal_pronouns", [])}
        self.cleft_pronouns = {fold(w) for w in persons.get("cleft_pronouns", [])}
        self.coordinated_pronouns = {fold(w) for w in persons.get("coordinated_pronouns", [])}
        self.latter_words = {" ".join(words(w)) for w in persons.get("latter_words", [])}
        self.group_nouns = {fold(w) for w in persons.get("group_nouns", [])}  # compared with folded lemmas
        self.counterpart_nouns = {fold(w) for w in persons.get("counterpart_nouns", [])}
        self.anaphoric_determiners = {fold(w) for w in persons.get("anaphoric_determiners", [])}
        self.definite_articles = {fold(w) for w in persons.get("definite_articles", [])}
        self.demonstratives = {fold(w) for w in persons.get("demonstratives", [])}
        self.name_preps = {fold(w) for w in persons.get("title_country_prepositions", [])}  # "accord de ..."
        self.visit_verbs = frozenset(self.tr["visit"]["verbs"])
        self.departure_verbs = frozenset(self.tr["visit"].get("departure_verbs", []))
        self.return_verbs = frozenset(self.tr["visit"].get("return_verbs", []))
        self.back_verbs = frozenset(fold(w) for w in self.tr["visit"].get("back_verbs", []))
        self.return_preps = {fold(w) for w in self.tr["visit"].get("return_prepositions", [])}
        self.upgrade_object_verbs = frozenset(self.tr["upgrade"].get("object_verbs", []))
        self.complement_only_agreement = {fold(w) for w in self.tr["agreement"].get("complement_only", [])}
        self.date_links = {fold(w) for w in self.tr["agreement"].get("date_links", [])}
        self.agreement_verbs = frozenset(self.tr["agreement"].get("verbs", []))
        self.phrase_departure_verbs = frozenset(self.tr["visit"].get("phrase_departure_verbs", []))
        self.place_departure_verbs = frozenset(self.tr["visit"].get("place_departure_verbs", []))
        self.visit_length_links = {fold(w) for w in self.tr["visit"].get("length_links", [])}
        self.destination_preps = {fold(w) for w in self.tr["visit"].get("destination_prepositions", [])}
        self.host_preps = {fold(w) for w in self.tr["visit"].get("host_prepositions", [])}
        self.person_visit_verbs = {fold(v): {fold(w) for w in ws} for v, ws in (
            self.tr["visit"].get("person_visit_verbs") or {}).items()}
        self.state_preps = {fold(w) for w in self.tr["visit"].get("state_prepositions", [])}
        self.separate_meeting_nouns = {fold(w) for w in self.tr["meeting"].get("separate_nouns", [])}
        self.besides_words = [words(w) for w in self.tr["meeting"].get("besides_words", [])]
        self.witness_words = [words(w) for w in self.tr["meeting"].get("witness_words", [])]
        self.witness_joins = {fold(w) for w in ctx.lex.persons.get("and_words", [])} | {","}
        self.exchange_nouns = {fold(w) for w in self.tr["visit"].get("exchange_nouns", [])}
        self.first_words = {fold(w) for w in self.tr["visit"].get("first_words", [])}
        self.agent_words = {fold(w) for w in self.tr["visit"].get("agent_words", [])}
        self.genitive_agent_words = {fold(w) for w in self.tr["visit"].get("genitive_agent_words", [])}
        self.abroad_words = {fold(w) for w in self.tr["visit"].get("abroad_words", [])}
        self.attend_phrases = [words(w) for w in self.tr["visit"].get("attend_verbs", [])]
        self.state_ceremony_nouns = {fold(w) for w in self.tr["visit"].get("state_ceremony_nouns", [])}
        # ("previous", "précédente": not "first", which tells the visit under way is the first)
        self.earlier_visit_markers = {fold(w) for w in self.tr["visit"].get("earlier_markers", [])} - self.first_words
        self.honorific_words = {fold(w) for w in ctx.lex.persons.get("honorifics", [])}
        self.other_sense_preps: dict[str, set[str]] = {}
        for phrase in self.tr["meeting"].get("other_senses") or []:
            verb, prep = phrase.split()
            self.other_sense_preps.setdefault(verb, set()).add(fold(prep))
        self.carrying_verbs = {fold(w) for w in self.tr["visit"].get("carrying_verbs", [])}
        self.course_verbs = self.carrying_verbs | {fold(w) for w in self.tr["visit"].get("course_verbs", [])}
        self.leg_nouns = {fold(w) for w in self.tr["visit"].get("leg_nouns", [])}
        self.host_nouns = {fold(w) for w in self.tr["visit"].get("host_nouns", [])}
        self.heading_participles = {fold(w) for w in self.tr["visit"].get("heading_participles", [])}
        self.itinerary_verbs = {fold(w) for w in self.tr["visit"].get("itinerary_verbs", [])}
        self.return_visit_words = {fold(w) for w in self.tr["visit"].get("return_words", [])}
        self.here_words = {fold(w) for w in self.tr["visit"].get("here_words", [])}
        self.made_trip_links = {fold(w).rstrip("'") for w in self.tr["visit"].get("made_trip_links", [])}
        self.expected_words = {fold(w) for w in self.tr["visit"].get("expected_words", [])}
        self.content_preps = {fold(w) for w in self.tr["agreement"].get("content_prepositions", [])}
        self.level_subject_preps = {fold(w) for w in self.tr["agreement"].get("level_subject_prepositions", [])}
        self.content_dets = {fold(w) for w in self.tr["agreement"].get("content_determiners", [])}
        self.honorifics = {fold(w) for w in self.lex.persons.get("honorifics", [])}
        self.means_prepositions = {fold(w) for w in self.tr["call"].get("means_prepositions", [])}
        self.body_nouns = [" ".join(words(b)) for b in self.tr["meeting"].get("body_nouns", [])]
        self.body_session_words = {fold(w) for w in self.tr["meeting"].get("body_session_words", [])}
        self.between_words = {fold(w) for w in self.tr["meeting"].get("between_words", [])}
        visit, meeting = self.tr["visit"], self.tr["meeting"]
        self.light_verbs = set(visit.get("light_verbs", []))
        self.future_verbs = set(visit.get("future_verbs", []))
        self.choice_verbs = {fold(w) for w in visit.get("choice_verbs", [])}
        self.ceremony_nouns = {fold(w) for w in self.tr["agreement"].get("ceremony_nouns", [])}
        self.stay_verbs = set((visit.get("stay") or {}).get("verbs", []))
        self.ending_verbs = set(visit.get("ending_verbs", []))
        self.visit_ending_nouns = {fold(w) for w in visit.get("ending_nouns", [])}
        self.origin_markers = [" ".join(words(m)) for m in visit.get("origin_markers", [])]
        self.origin_prepositions = {fold(w) for w in visit.get("origin_prepositions", [])}
        self.leg_markers = {fold(m) for m in visit.get("leg_markers", [])}
        self.earlier_leg_markers = {fold(m) for m in visit.get("earlier_leg_markers", [])}
        self.attendance_verbs = {fold(v) for v in meeting.get("attendance_verbs", [])}
        self.joint_verbs = {fold(v) for v in meeting.get("joint_verbs", [])}
        self.media_words = {fold(v) for v in meeting.get("media_words", [])}
        self.never_interview_nouns = {fold(v) for v in meeting.get("never_interview_nouns", [])}
        self.interview_participles = {fold(v) for v in meeting.get("interview_participles", [])}
        self.separate_words = {fold(v) for v in meeting.get("separate_words", [])}
        self.counterpart_words = {fold(v) for v in self.lex.persons.get("same_office_nouns", [])}
        self.purpose_prepositions = {fold(w) for w in visit.get("purpose_prepositions", [])}
        self.invitation_nouns = {fold(w) for w in visit.get("invitation_nouns", [])}
        self.inviter_preps = {fold(w) for w in visit.get("inviter_prepositions", [])}
        self.inviter_links = {fold(w) for w in visit.get("inviter_links", [])}
        self.specific_markers = [" ".join(words(m)) for m in meeting.get("specific_markers", [])]
        # (by their number of words: the words before a noun are read once for each length)
        self.circumstance_phrases: dict[int, set[tuple[str, ...]]] = {}
        for p in self.modality.circumstance_preps:
            self.circumstance_phrases.setdefault(len(words(p)), set()).add(words(p))
        self.with_words = {fold(w) for w in meeting.get("with_words", [])}
        self.group_of_states_nouns = {fold(w) for w in self.tr["agreement"].get("group_of_states_nouns", [])}
        self.visit_day_words = {fold(w) for w in self.tr["visit"].get("day_words", [])}
        self.visit_week_words = {fold(w) for w in self.tr["visit"].get("week_words", [])}
        self.visit_day_ordinals = {fold(k): int(v) for k, v in (self.tr["visit"].get("day_ordinals") or {}).items()}
        self.country_anaphora = [" ".join(words(p)) for p in self.tr["visit"].get("country_anaphora", [])]
        self.anaphora_nouns = {p.split()[-1] for p in self.country_anaphora}  # "country", "kingdom", "pays"...
        self.other_country_words = {fold(w) for w in self.tr["visit"].get("other_country_words", [])}
        self.visiting_words = {fold(w) for w in self.tr["visit"].get("visiting_words", [])}
        self.encounter_phrase_verbs = {p.split()[0] for p in self.tr["meeting"].get("encounter_phrases", [])}
        self.level_prepositions = {fold(w) for w in self.tr["upgrade"].get("level_prepositions", [])}
        restoring = self.tr["upgrade"].get("restoring", {})
        self.restoring_verbs = {fold(w) for w in restoring.get("verbs", [])}
        self.restoring_prefixes = {fold(w) for w in restoring.get("prefixes", [])}
        self.relation_nouns = {fold(w) for w in restoring.get("relation_nouns", [])}
        self.restored_qualifiers = {fold(w) for w in restoring.get("qualifiers", [])}
        self.restoring_partner_preps = {fold(w) for w in restoring.get("partner_prepositions", [])}
        self.rupture_verbs = {fold(w) for w in restoring.get("rupture_verbs", [])}
        self.multiparty_words = {fold(w) for w in self.tr["meeting"].get("multiparty_words", [])}
        self.non_state_words = {fold(w) for w in self.tr["meeting"].get("non_state_words", [])}
        self.two_party_words = {fold(w) for w in self.tr["meeting"].get("two_party_words", [])}
        self.previous_words = {fold(w) for w in self.tr["visit"].get("previous_words", [])}
        self.hospitality_nouns = {fold(w) for w in self.tr["visit"].get("hospitality_nouns", [])}
        self.thanks_words = {fold(w) for w in self.tr["visit"].get("thanks_words", [])}
        self.thanks_preps = {fold(w) for w in self.tr["visit"].get("thanks_prepositions", [])}
        self.of_words = {fold(w).rstrip("'") for w in self.tr["visit"].get("received_of_words", [])}
        # "en qualité de Premier ministre": a capacity, not a place ("en tant que" is one fixed preposition)
        self.as_words = {fold(w) for w in self.tr["visit"].get("capacity_words", [])}
        self.during_relatives = [" ".join(words(w)) for w in self.tr["call"].get("during_relatives", [])]
        self.later_adverbs = {fold(w) for w in self.tr["visit"].get("later_adverbs", [])}
        self.fronted_participles = {fold(w) for w in self.tr["upgrade"].get("fronted_participles", [])}
        self.relative_nouns = {fold(w) for w in ctx.lex.persons.get("relative_nouns", [])}
        self.spoken_of = self.spoken_of | self.relative_nouns
        self.replaced_by = {fold(w) for w in ctx.lex.persons.get("not_participants_after_verbs", [])}
        self.anniversary_nouns = {fold(w) for w in ctx.lex.levels.get("anniversary_nouns", [])}
        self.duration_nouns = {fold(w) for w in ctx.lex.levels.get("duration_nouns", [])}
        self.duration_links = {fold(w).rstrip("'") for w in ctx.lex.levels.get("duration_links", [])}
        self.duration_after_links = {fold(w) for w in ctx.lex.levels.get("duration_after_links", [])}
        self.duration_ahead_words = {fold(w) for w in ctx.lex.levels.get("duration_ahead_words", [])}
        self.duration_approximate_words = {fold(w) for w in ctx.lex.levels.get("duration_approximate_words", [])}
        self.duration_broken_words = {fold(w) for w in ctx.lex.levels.get("duration_broken_words", [])}
        self.ordinals = {fold(k): int(v) for k, v in (ctx.lex.levels.get("ordinals") or {}).items()}
        self.anniversary_words = {fold(k): int(v) for k, v in (ctx.lex.levels.get("anniversary_words") or {}).items()}
        self.upgrade_nouns = {fold(w) for w in self.tr["upgrade"].get("nouns", [])}
        self.visit_nouns = {fold(w) for w in self.tr["visit"].get("nouns", [])}
        self.level_setting_words = {fold(w) for k in ("verbs", "nouns", "set_up_words")
                                    for w in self.tr["upgrade"].get(k, [])}
        self.carried_out_words = {fold(w) for w in self.tr["upgrade"].get("carried_out_words", [])}
        self.definite_determiners = self.anaphoric_determiners - self.demonstratives

    # ------------------------------------------------------------ triggers
    def triggers(self, s: Sentence) -> list[Trigger]:
        found: dict[int, Trigger] = {}
        guest_words: list[Trigger] = []  # "visiting" before a guest's title, kept when nothing else tells the trip
        for match_id, start, end in self.matcher(s.span):
            label = self.matcher.vocab.strings[match_id]
            typ, sub = label.split(":")
            span = s.doc[start:end]
            if sub == "reflexive":
                tok = next((x for x in span if x.pos_ == "VERB"), span[-1])
                sub = "verb"
            elif sub == "stay":
                tok = span[0]
            elif sub == "spoken":
                # "spoke about phone scams", "a parlé des appels téléphoniques": the marker is the topic, not the
                # means, when a topic word opens its phrase (past an article or adjective); "the Emir of Qatar by
                # phone" is a call
                k = end - 2
                if k > start and s.doc[k].pos_ == "NOUN":
                    k -= 1  # "des appels téléphoniques": the noun the marker qualifies
                while k > start and s.doc[k].pos_ in ("DET", "ADJ"):
                    k -= 1
                if fold(s.doc[k].text) in self.call_topic_words:
                    continue
                tok, sub = span[0], "verb"
            elif sub == "phrase":
                tok, sub = span.root, "noun"  # "courtesy call", "séance de travail": the phrase's head noun
            else:
                tok = next((x for x in span if x.pos_ != "AUX"), span[0])  # "a téléphoné": the verb
            if typ in ("meeting", "call") and any(c.i <= tok.i < c.j for c in s.countries):
                continue  # "REUNION DES MINISTRES": La Réunion, whatever the folded noun says
            if sub == "marked":
                # the noun of the call ("telephone meeting", "entretien téléphonique"): a meeting read from the same
                # noun gives way to it
                tok = next((x for x in span if fold(x.lemma_) in self.call_nouns or fold(x.text) in self.call_nouns), tok)
                sub = "noun"
            if typ == "visit" and sub == "noun" and " ".join(
                    fold(x.text) for x in s.doc[tok.i + 1:tok.i + 3]) in self.courtesy:
                typ = "meeting"  # "une visite de courtoisie au secrétaire général": a call on someone
            if typ == "call" and sub == "noun" and self._courtesy_call(s, tok):
                continue  # "received a courtesy call from the ambassador": a call in person, the meeting's word
            if typ == "visit" and fold(tok.text) in self.visiting_words and tok.i + 1 < s.span.end and (
                    any(x.i == tok.i + 1 for x in s.titles) or any(
                        x.i == tok.i + 1 and x.label == "DEMONYM" and (any(ti.i == x.j for ti in s.titles) or (
                            x.j < s.span.end and fold(s.doc[x.j].lemma_) in self.counterpart_nouns))
                        for x in s.countries)
                    or fold(s.doc[tok.i + 1].lemma_) in self.counterpart_nouns
                    or any(m.i == tok.i + 1 for m in self.mentions if m.sentence is s)) and not (
                    sub == "verb" and self._opens_phrase(s, tok)):
                # "met visiting Sri Lankan President X", "welcomes her visiting Mozambican counterpart, X": a word on
                # the guest, not a trip of its own (which the talks tell); opening the sentence or a subject ("Visiting
                # Bhutanese King X witnessed the signing") it is the only word of the trip
                guest_words.append(Trigger(typ, tok, s, sub=sub))
                continue
            if typ == "visit" and sub == "verb" and any(
                    c.dep_.startswith("nsubj") and fold(c.lemma_) in self.visit_nouns for c in tok.children):
                continue  # "the visit comes amid tensions", "his visit comes on the eve of": the trip is the noun's
            if typ == "visit" and sub == "verb" and self._heads_party(tok):
                continue  # "the delegation headed by Prime Minister X to Mauritania": who leads it, no trip of its own
            if typ == "meeting" and sub == "verb" and self._other_sense(s, tok):
                continue  # "confers an honour on President X": no talks (not "conferred with X on trade", "on Tuesday")
            if typ == "visit" and sub == "noun" and "Plur" in tok.morph.get("Number") and any(
                    fold(x.text) in self.exchange_nouns for x in s.doc[max(s.span.start, tok.i - 3):tok.i]):
                continue  # "l'échange de visites à tous les niveaux": visits in general, no trip
            if typ == "visit" and sub == "noun" and self._not_diplomatic_after(s, tok):
                continue  # "une visite d'usine", "son arrivée au pouvoir": no trip, nor a date to lend one
            # (for an audience, the outlet it is granted to, further on: "une audience accordée lundi par X au
            # quotidien Le Soleil")
            granted = fold(tok.text) in self.never_interview_nouns
            media = self.media_words - self.interview_participles if granted else self.media_words
            if typ == "meeting" and sub == "noun" and any(
                    fold(x.text) in media for x in s.doc[tok.i + 1:min(tok.i + (10 if granted else 4), s.span.end)]):
                continue  # "dans un entretien au quotidien The Hindu": an interview to the press, not talks
            if typ == "visit" and sub == "verb" and tok.lemma_ in self.phrase_departure_verbs and not any(
                    tok.i < c.i <= tok.i + 3 for c in [*s.countries, *s.cities]):
                continue  # "a laissé un message à destination de la Chine": a thing left, not a place
            if typ == "visit" and sub == "verb" and tok.lemma_ in self.future_verbs and any(
                    c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and tok.i < c.i <= tok.i + 2 for c in tok.children):
                continue  # "the system we are going to supply to Syria": the verb tells the future, not a trip
            if typ == "visit" and sub == "verb" and tok.lemma_ in self.departure_verbs and not any(
                    self._destination_ends(s, k, tok.i + 1, tok) for k in range(tok.i + 1, min(s.span.end, tok.i + 8))):
                continue  # "the only country left out", "a quitté ses fonctions": no trip, nor a window's bound
            if typ == "visit" and sub == "verb" and tok.lemma_ in self.return_verbs and not self._returned_from(s, tok):
                continue  # "returned to power", "est rentré au pays": no trip told
            if typ == "meeting" and sub == "verb" and fold(tok.lemma_) in self.welcome_verbs and self._welcomed_thing(s, tok):
                continue  # "welcomed the signing of the treaty", "a salué les progrès": a thing welcomed, no guest
            if typ == "meeting" and tok.lemma_ in self.welcome_verbs and any(
                    fold(x.lemma_) in self.arrival_words or fold(x.text) in self.arrival_words for x in s.span) \
                    and not self._welcomed_by_leader(s, tok):
                continue  # a welcome on arrival is the visit's, not talks (nor a word that bounds their window)
            prev = found.get(tok.i)
            # a call outranks the meeting read from the same word ("entretien téléphonique"); a word that is
            # both a noun and a verb ("visit") is what the tagger says it is
            if prev is None or (typ == "call" and prev.type == "meeting") or (
                    # "des documents ont été échangés": an agreement word outranks a talks verb's other sense, when
                    # something is exchanged ("a échangé avec le président X": talks)
                    typ == "agreement" and prev.type == "meeting" and tok.lemma_ in self.with_verbs and any(
                        c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass") for c in tok.children)) or (
                    prev.type == typ and prev.sub == "noun" and sub == "verb" and tok.pos_ == "VERB"):
                found[tok.i] = Trigger(typ, tok, s, sub=sub)
        # "met this morning with his counterpart X for talks that focused on ...": talks the meeting verb governs are
        # its own (not talks with the countries of what they focused on)
        for i, t in list(found.items()):
            head = found.get(t.token.head.i)
            # (a gathering stays: "accueillera le sommet de la Francophonie" is no talks of two)
            if t.type == "meeting" and t.sub == "noun" and head is not None and head is not t \
                    and head.type == "meeting" and head.sub == "verb" and t.token.dep_ in ("obl", "nmod", "obj", "dobj") \
                    and not self._gathering_word(t.token):
                if t.token.dep_ in ("obj", "dobj") and fold(head.token.lemma_) in self.reception_verbs:
                    # "received a courtesy call from X": the talks received are the noun's, its complement the guest
                    del found[head.token.i]
                else:
                    del found[i]
        for i, t in list(found.items()):
            if t.type == "meeting" and t.sub == "verb" and any(
                    k.type in ("meeting", "call") and k.sub == "noun" and k.token.i < i
                    and self._relative_of_noun(k.token, t.token) for k in found.values()):
                # "held a meeting with his counterpart X in which they discussed ...": the talks the noun tells
                del found[i]
        if guest_words and not any(t.type in ("visit", "meeting", "call") for t in found.values()):
            # "Ethiopian Prime Minister X on Sunday assured visiting Japanese Premier Y that ...": no talks nor trip
            # told besides, the word on the guest is the only word of the trip
            found[guest_words[0].token.i] = guest_words[0]
            self._guest_words.add(guest_words[0].token.i)
        # "concluded a four-day visit", "a conclu sa visite": a verb of agreeing whose object is a visit or talks
        # ends them; it signs nothing (nor takes the day the sentence gives the visit)
        for i, t in list(found.items()):
            # (or whose subject they are: "the session of the joint commission concluded on Monday")
            if t.type == "agreement" and t.sub == "verb" and t.token.lemma_ in self.ending_verbs and any(
                    c.dep_ in ("obj", "dobj", "nsubj") and any(
                        k in found and found[k].type in ("visit", "meeting") for k in (c.i, *(x.i for x in c.subtree)))
                    for c in t.token.children):
                del found[i]
        # "ont conclu un partenariat stratégique": a verb of agreeing whose object is a relation level establishes
        # that level; it signs no text
        for i, t in list(found.items()):
            if t.type == "agreement" and t.sub == "verb" and t.token.lemma_ in self.upgrade_object_verbs and any(
                    self._level_right_after(s, t.token, lv) for lv in self.levels.find(s)):
                # (states or their people concluding it; not "Safaricom concluded a strategic partnership")
                subj = self.subject_tokens(t.token)
                if any(c.i in subj and c.label in ("COUNTRY", "CAPITAL") for c in s.countries) or any(
                        m.i in subj for m in self.mentions if m.sentence is s):
                    found[i] = Trigger("upgrade", t.token, s, sub="verb")
        # "a joint statement signed in Ulaanbaatar", "ont signé une déclaration conjointe": the verb tells the
        # statement; the phrase is a trigger of its own only when no verb of agreeing governs it or hangs on it
        for i, t in list(found.items()):
            if t.type == "agreement" and t.sub == "noun" and self._statement_noun(s, t.token):
                # (the trigger may be the phrase's adjective: "signed a joint communique", "joint" on "communique")
                noun = t.token if t.token.pos_ in ("NOUN", "PROPN") or t.token.head.i == t.token.i else t.token.head
                # "ont signé une déclaration conjointe", "signed a joint communique": the verb whose object the noun is
                # (not one the parser hangs it on otherwise: "In their joint statement, adopted at the end of the
                # talks" is read from the noun)
                phrase = {x.i for x in t.token.subtree} | {t.token.head.i} | (
                    {noun.head.i} if noun.dep_ in ("obj", "dobj", "nsubj:pass") else set())
                if any(o.type == "agreement" and o.sub == "verb" and o.token.i in phrase for o in found.values()):
                    del found[i]
        # "la réunion de la commission mixte", "the session of the joint commission": the talks noun tells the
        # meeting; the standing body named after it is no trigger of its own
        for i, t in list(found.items()):
            if t.type == "meeting" and t.sub == "noun" and self._standing_body(s, t.token) and any(
                    o.type in ("meeting", "call") and o.token.i != i and o.token.i in {a.i for a in t.token.ancestors}
                    for o in found.values()):
                del found[i]
        # "il était en visite officielle au Togo, visite au cours de laquelle ...": a trip noun repeating the one it is
        # set beside (naming no place of its own) is the same trip
        places = {i for c in [*s.countries, *s.cities] if c.label != "DEMONYM" for i in range(c.i, c.j)}
        for i, t in list(found.items()):
            head = found.get(t.token.head.i)
            if t.type == "visit" and t.sub == "noun" and t.token.dep_ in ("appos", "conj") and head is not None \
                    and head.type == "visit" and head.sub == "noun" and head.token.i < t.token.i \
                    and fold(head.token.lemma_) == fold(t.token.lemma_) and not any(
                        x.i in places for x in t.token.subtree):
                del found[i]
        if not any(t.type in ("meeting", "call") for t in found.values()):
            joint = self._joint_subjects_verb(s)
            if joint is not None and joint.i not in found:
                found[joint.i] = Trigger("meeting", joint, s, sub="verb")
        trigs = sorted(found.values(), key=lambda t: t.token.i)
        for n, t in enumerate(trigs):
            end = trigs[n + 1].token.i if n + 1 < len(trigs) else s.span.end
            t.window_end = self._earlier_event_clause(s, t.token.i, end)
        s._triggers = trigs  # the kind, length and date helpers look at sibling triggers
        return trigs

    def _earlier_event_clause(self, s: Sentence, start: int, end: int) -> int:
        """Where a clause of time after an earlier event opens between a trigger and ``end`` (``end`` when none
        does): "a signé un accord avec la Gambie, deux jours après avoir quitté le Mali", "signed an agreement
        with Gambia after leaving Mali", "after he had left Mali". What it names (Mali, its day) belongs to that
        earlier event, not to the trigger's. Only a clause with its own verb: "se poursuit au Gabon, après une
        étape en Angola" names a leg of the same tour, "a reçu après la cérémonie son homologue" a moment."""
        doc = s.doc
        for k in range(start + 1, end - 1):
            if fold(doc[k].text) not in self.modality.time_marks:
                continue
            n, conjunction = k + 1, doc[k].dep_ == "mark"
            while n < end and doc[n].pos_ in ("PRON", "SCONJ"):
                conjunction |= doc[n].pos_ == "SCONJ"
                n += 1
            if n < end and doc[n].pos_ in ("VERB", "AUX") and (
                    conjunction or "Fin" not in doc[n].morph.get("VerbForm")):
                # (not a clause set off between commas, the trigger's words going on after it: "a signé, après
                # avoir consulté ses ministres, un accord avec la Gambie")
                closing = next((x.i for x in doc[n:end] if x.text in (",", ";")), None)
                if closing is not None and any(not x.is_punct for x in doc[closing + 1:end]):
                    continue
                return k
        return end

    def _received_at_home(self, s: Sentence, tok, people: list, home: str) -> bool:
        """"BELGRADE, March 12 (Tanjug) - Serbian Foreign Minister X received his Greek counterpart": one who receives a
        foreigner, told right after a dateline of his own country, does so there (not a passive, "was received by",
        whose guest the welcomes on arrival place)."""
        if tok.pos_ != "VERB" or fold(tok.lemma_) not in self.reception_verbs or passive_voice(tok):
            return False
        subj = self.subject_tokens(tok)
        hosts = {self.person_country(m) for m in people if m.i in subj}
        guests = {self.person_country(m) for m in people if m.i > tok.i and m.i not in subj}
        return hosts == {home} and bool(guests - {home, None})

    def _specific_setting(self, s: Sentence) -> bool:
        """The sentence places its talks in a gathering ("en marge du sommet", "on the sidelines of", "during the
        European Council summit"): triggers.yaml meeting.specific_markers."""
        flat = " ".join(words(s.text))
        return any(f" {m} " in f" {flat} " for m in self.specific_markers if len(m.split()) > 1)

    def _joint_subjects_verb(self, s: Sentence):
        """"Le président brésilien X et son homologue mexicain Y ont appelé lundi à une alliance", "South Korean
        President X and his Vietnamese counterpart Y agreed Wednesday to upgrade ties": a verb of a joint stand
        (triggers.yaml meeting.joint_verbs) whose subject names two people of two countries tells talks between
        them."""
        if any(fold(x.text) in self.separate_words for x in s.span):
            return None  # "in separate statements", "dans des communiqués distincts"
        for tok in s.span:
            if tok.pos_ != "VERB" or fold(tok.lemma_) not in self.joint_verbs:
                continue
            subj = self.subject_tokens(tok)
            # "X and his counterpart Y": the two are named as each other's counterparts, in a stand already taken
            if not any(fold(s.doc[i].text) in self.counterpart_words for i in subj):
                continue
            if not (_compound_past(tok) or "Past" in tok.morph.get("Tense") and "Fin" in tok.morph.get("VerbForm")) \
                    or self.modality._negated(tok):
                continue
            people = self.persons_in(s, subj)
            if len({self.person_country(m) for m in people if self.person_country(m)}) >= 2:
                return tok
        return None

    # ------------------------------------------------------------ arguments
    def governing_verb(self, tok):
        """The verb a noun trigger depends on ("effectuer une visite"), or the trigger if it is a verb."""
        if tok.pos_ in ("VERB", "AUX") or any(c.dep_.startswith("nsubj") for c in tok.children):
            return tok  # "a téléphoné", sometimes tagged as a noun, still has its subject
        h = tok
        for _ in range(4):
            if h.head.i == h.i:
                return None
            h = h.head
            if h.pos_ in ("VERB", "AUX"):
                return h
            # "a eu avec son hôte des entretiens": the parser may hang the trigger on a nearby noun; "ont passé en
            # revue ... lors d'une réunion": or on the noun of a verbal phrase ("en revue", a complement of "passer")
            if h.pos_ in ("NOUN", "PROPN") and h.dep_ not in ("conj", "appos", "obl", "obl:arg", "obl:mod", "nmod",
                                                                "xcomp"):
                return None
        return None

    def subject_tokens(self, verb) -> set[int]:
        out: set[int] = set()
        if verb is None:
            return out
        subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
        if len(subjects) > 1:
            # "C'est ainsi qu'il a visité le Cameroun": the cleft's pronoun beside the subject is none
            subjects = [c for c in subjects if not (c.pos_ == "PRON" and fold(c.text) in self.cleft_pronouns)]
        for c in verb.children:
            if c.dep_.startswith("nsubj") and c in subjects:
                out.update(t.i for t in c.subtree)
                if verb.dep_ == "acl:relcl" and ("Rel" in c.morph.get("PronType") or c.tag_ in ("WP", "WDT")):
                    # "Abe, who is visiting India", "le président, qui effectue une visite": the relative
                    # pronoun stands for the noun the clause hangs on
                    inner = {t.i for t in verb.subtree}
                    antecedent = {t.i for t in verb.head.subtree if t.i not in inner}
                    named = [m for m in self.mentions if m.sentence.span.start <= c.i < m.sentence.span.end
                             and m.j <= c.i]
                    if named and not any(m.i in antecedent for m in named) and verb.head.pos_ != "NOUN" \
                            and c.tag_ == "WP" and not any(x.pos_ in ("VERB", "AUX") or x.pos_ == "NOUN" and x.dep_ in (
                                "obj", "dobj") for x in verb.doc[named[-1].j:c.i]):
                        # ("who", not "which": "in New Delhi on Monday, which will host"; the person the verb
                        # received, not its subject: "received a delegation of senators on Sunday, who later flew")
                        # "received Prime Minister X at the palace on Sunday, who arrived ...": the clause hangs
                        # on a day or a place the parser chose; the pronoun stands for the person named last
                        antecedent = set(range(named[-1].i, named[-1].j))
                    out.update(antecedent)
        if not out:
            out = unlabelled_subject(verb)
        if not out:
            out = noun_root_subject(verb)
        # coordinated verbs share the subject of the first ("s'est entretenu ... et a rencontré"), and an
        # infinitive has its governor's subject ("les deux dirigeants ... avant de tenir des entretiens")
        if not out and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            return self.subject_tokens(verb.head)
        if not out and verb.dep_ == "ccomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
                and verb.head.head.pos_ in ("VERB", "AUX"):
            # "X said after signing several agreements with Y": a gerund after a preposition has its clause's subject
            return self.subject_tokens(verb.head.head)
        return out

    def persons_in(self, s: Sentence, tokens: set[int]) -> list[PersonMention]:
        return [m for m in self.mentions if m.sentence is s and m.i in tokens and not self._spoken_of(m)]

    def _spoken_of(self, m: PersonMention) -> bool:
        """"à la suite du décès du président X", "le père de X", "succédé à son père, X", "il a remplacé X":
        named, not taking part."""
        doc, start = m.sentence.doc, m.sentence.span.start
        # "son père, X", "son prédécesseur malien X": the name in apposition to a relative or predecessor
        # (read on the words: the parser often hangs such a name elsewhere)
        k = m.i - 1
        title = next((t for t in m.sentence.titles if t.j == m.i or t.j == k), None)
        if title is not None:
            # "son frère, le président X": past the name's own title and its article
            k = title.i - 1
            while k >= start and doc[k].pos_ == "DET":
                k -= 1
        if k >= start and doc[k].text == ",":
            k -= 1
        while k >= start:
            if fold(doc[k].lemma_) in self.relative_nouns or fold(doc[k].text) in self.relative_nouns:
                return True
            if doc[k].pos_ != "ADJ" and not any(c.i <= k < c.j for c in m.sentence.countries):
                break
            k -= 1
        tok = doc[m.i:m.j].root
        for _ in range(4):
            if tok.head.i != tok.i and tok.dep_ in ("obj", "obl:arg") and fold(tok.head.lemma_) in self.replaced_by:
                return True  # "il a succédé à X", "qui remplace X"
            if tok.head.i == tok.i or tok.dep_ not in ("nmod", "appos", "flat:name", "obl:arg", "obl:mod"):
                break
            tok = tok.head
        tok = doc[m.i:m.j].root
        for _ in range(4):
            # ("une lettre adressée par le président X": through the participle describing the noun)
            if tok.head.i == tok.i or tok.dep_ not in ("nmod", "appos", "flat:name", "obl:arg", "obl:mod", "obl:agent",
                                                       "acl"):
                return False
            into = tok.dep_
            tok = tok.head
            if fold(tok.lemma_) in self.spoken_of or fold(tok.text) in self.spoken_of:
                return True
            if into in ("nmod", "obl:agent", "acl") and fold(tok.lemma_) in self.sent_by_nouns and not any(
                    fold(c.lemma_) in self.credential_words for c in tok.children):
                # "un émissaire de Paul Biya", "a letter from President X": the sender, not there (not the envoy
                # himself, "l'envoyé spécial X", nor "les lettres de créance de X", the letters X presents)
                return True
        return False

    def window(self, t: Trigger) -> set[int]:
        return set(range(t.token.i, t.window_end))

    @staticmethod
    def person_country(m: PersonMention) -> str | None:
        return country_of(m)

    def dates_in(self, s: Sentence, tokens: set[int]):
        doc = s.doc
        out = []
        for d in s.dates:
            span = doc.char_span(d.start - s.seg.offset, d.end - s.seg.offset, alignment_mode="expand")
            # a day, not a month or a year ("n'a pas rencontré X depuis février 2022", "négocient depuis mars
            # 2019": a point of reference), on a verb not negated
            began = d.since and span is not None and tokens and len(d.date_start) == 10 \
                and not self.modality._negated(span.root.head) \
                and _began_on(span, min(tokens), self.modality.reference_preps, self.light_verbs)
            if d.since and not began:
                continue  # "sa première visite depuis juin 2022": a point of reference, not the event's date
            today = self.ctx.document.date
            if began and d.date_end is None and today and len(today) == 10 and d.date_start < today \
                    and "Pres" in span.root.head.morph.get("Tense"):
                # "qu'il effectue depuis mardi": begun that day and still going on the day of the report
                d = replace(d, date_end=today)
            if d.deadline and span is not None and not self._date_of_trigger_verb(span, min(tokens)):
                continue  # "held talks ... and vowed to double trade by 2030": another verb's deadline
            if self._date_gone_back_to(s, d):
                continue
            if span is not None and span.start in tokens and (began or not self._in_since_phrase(s, span, min(tokens))):
                out.append(d)
        return out

    def _date_gone_back_to(self, s: Sentence, d) -> bool:
        """A year something goes back to ("dont les relations remontent à 1965", "ties dating back to 1965"): the
        origin of what the verb's subject names, no date of the events told beside it."""
        span = s.doc.char_span(d.start - s.seg.offset, d.end - s.seg.offset, alignment_mode="expand")
        if span is None or not self.origin_verbs:
            return False
        verb = _year_verb(span, d, through_advmod=True)
        if fold(verb.lemma_) not in self.origin_verbs:
            return False
        # what goes back: relations of a level (not "la première visite remonte à mars 2016", a visit's own date)
        going = [c for c in verb.children if c.dep_.startswith("nsubj")] + ([verb.head] if verb.dep_ == "acl" else [])
        return any(lv.i <= x.i < lv.j for x in going for lv in self.levels.find(s))

    def _date_of_trigger_verb(self, span, own: int) -> bool:
        """The verb a date hangs on is the trigger's own ("By the end of April, they had signed five agreements")."""
        verb = span.root.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        trigger = span.doc[own]
        governing = self.governing_verb(trigger)
        return verb.i == trigger.i or (governing is not None and verb.i == governing.i)

    @staticmethod
    def _in_since_phrase(s: Sentence, span, own: int) -> bool:
        """A date inside a phrase opened by "depuis" ("depuis son accession au pouvoir en mars dernier",
        "depuis le retour au pouvoir de X en décembre"): the reference point, not the event's date. Read on
        the tree, and on the words since the last comma (the parser often hangs such a date on the verb);
        "depuis Pékin" (a place) is where a traveller comes from, not a phrase of time. A phrase that holds
        the event's own word ("depuis l'établissement des relations le 30 janvier 1950") dates that event."""
        doc = s.doc
        k = span.start - 1
        while k > s.span.start and doc[k].pos_ == "DET":
            k -= 1
        if k > s.span.start and doc[k].text == "," and not k < own:
            # "une visite depuis la prise de fonctions de la présidente, le 20 mai dernier": the day set off after the
            # phrase is the reference point's
            while k > max(s.span.start, own) and doc[k - 1].text not in (",", ";", ":"):
                k -= 1
                if fold(doc[k].text) == "depuis":
                    return True
        tok = span.root
        for _ in range(4):
            if tok.i == own:
                return False
            if any(c.dep_ == "case" and fold(c.text) == "depuis" for c in tok.children):
                return True
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                break
            tok = tok.head
        k = span.start - 1
        while k > s.span.start and doc[k].text not in (",", ";", ":"):
            if fold(doc[k].text) == "depuis" and not k < own < span.start:
                nxt = next((x for x in doc[k + 1:span.start] if x.pos_ != "DET"), None)
                if nxt is not None and not any(c.i <= nxt.i < c.j for c in [*s.countries, *s.cities]) \
                        and fold(nxt.text) != "que" and not any(x.pos_ == "VERB" for x in doc[k + 1:span.start]):
                    return True
            k -= 1
        return False

    def _day_of_other_noun(self, s: Sentence, span, d, trigger) -> bool:
        """"sa participation aux célébrations de la Journée de la Victoire du 3 septembre": a day introduced by
        "du"/"de" as the complement of a noun that is not the trigger (nor a person, title or place) is the
        day of that thing, not of the event."""
        tok = span.root
        h = tok.head
        return tok.dep_ == "nmod" and h.pos_ in ("NOUN", "PROPN") and h.i != trigger.i and d.date_end is None \
            and span.start > s.span.start and fold(s.doc[span.start - 1].text) in ("du", "de") \
            and not any(o.token.i == h.i for o in getattr(s, "_triggers", [])) \
            and not (fold(h.text) in self.ctx.lex.day_parts and h.text[:1].islower()) \
            and not any(x.i <= h.i < x.j for x in [*s.titles, *s.countries, *s.cities]) \
            and not any(m.i <= h.i < m.j for m in self.mentions if m.sentence is s)

    def _date_of_report(self, s: Sentence, d, trigger) -> bool:
        """A date on a verb of the report ("ont rapporté le 26 janvier des médias locaux", "media reported on
        Tuesday") other than the trigger's own verb: the day the news was told, not the event's."""
        span = s.doc.char_span(d.start - s.seg.offset, d.end - s.seg.offset, alignment_mode="expand")
        if span is None:
            return False
        own = self.governing_verb(trigger)
        tok = span.root
        for _ in range(4):
            if tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return fold(tok.lemma_) in self.modality.reporting_verbs and tok.i != trigger.i and (
                    own is None or tok.i != own.i)
        return False

    def _detached(self, s: Sentence, d, trigger) -> bool:
        """A date inside a clause of its own ("Donald Tusk, revenu au pouvoir en décembre 2023"): the
        nearest verb above it is neither the trigger nor the verb the trigger depends on."""
        span = s.doc.char_span(d.start - s.seg.offset, d.end - s.seg.offset, alignment_mode="expand")
        if span is None:
            return False
        own_verb = self.governing_verb(trigger)
        tok = span.root
        if tok.pos_ in ("VERB", "AUX") and tok.head.i != tok.i and not any(c.dep_ == "mark" for c in tok.children) \
                and not any(o is not d and not o.since for o in s.dates):
            # "il y a un an" parsed as a clause of its own: the date of what that clause hangs on (not one compared,
            # "a reçu lundi ..., comme il y a un an": the sentence's other date is the event's)
            tok = tok.head
        if self._day_of_other_noun(s, span, d, trigger):
            return True
        head = span.root.head
        if span.root.dep_ == "compound" and head.i == span.end and head.pos_ == "NOUN" and head.i != trigger.i \
                and fold(head.text) not in self.ctx.lex.day_parts:
            # "on the heels of a 29 January demonstration": the day of the noun it qualifies (not "on Tuesday
            # evening": a part of that day)
            return True
        for k in range(trigger.i + 1, span.start - 1):
            # "sa première visite depuis son arrivée au pouvoir le mois dernier": a date after a noun of reference
            # ("depuis", "since") in the same stretch of words is that thing's (read on the words: parsers hang
            # such dates anywhere); "depuis lundi", the date right after the preposition, is the event's own
            if fold(s.doc[k].text) in self.modality.reference_preps and not any(
                    x.is_punct for x in s.doc[k + 1:span.start]):
                return True
        in_trigger = {x.i for x in trigger.subtree}
        # "trigger in tok.subtree" is "tok is the trigger or above it", read once
        above_trigger = {trigger.i} | {a.i for a in trigger.ancestors}
        for _ in range(10):
            if tok.i == trigger.i or (own_verb is not None and tok.i == own_verb.i):
                return False
            if tok.head.i == trigger.i and trigger.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("acl", "acl:relcl") \
                    and not any(fold(c.text) in self.lex.relative_place_words for c in tok.children):
                # "the visit, concluded on Tuesday", "la visite entamée lundi": the clause tells of it (not "son
                # arrivée à Bruxelles où elle participera lundi au sommet": a clause of the place, wherever it hangs)
                return False
            if trigger.pos_ in ("NOUN", "PROPN") and _participle(tok) and tok.i - 1 in in_trigger:
                return False  # "X's visit to Sri Lanka concluded on Tuesday", however the parser hangs the participle
            if tok.pos_ == "VERB" and tok.dep_ == "advcl" and tok.lemma_ in self.departure_verbs and own_verb is not None \
                    and tok.head.i == own_verb.i and own_verb.lemma_ in self.ending_verbs:
                return False  # "the visit concluded as the delegation departed on October 12": the day it ended
            if tok.pos_ == "VERB" and tok.dep_ in ("acl", "acl:relcl", "advcl") and tok.i not in above_trigger:
                return True
            if tok.pos_ == "VERB" and tok.dep_ == "ccomp" and (tok.tag_ == "VBG" or "Ger" in tok.morph.get("VerbForm")) \
                    and tok.i not in above_trigger:
                return True  # "congratulated him on assuming the presidency earlier this year": the gerund's own time
            if tok is not trigger and "Part" in tok.morph.get("VerbForm") and "Pres" not in tok.morph.get("Tense") \
                    and tok.i > 0 and tok.doc[tok.i - 1].text == "," and tok.i not in above_trigger:
                # "leurs relations diplomatiques, rompues le mois dernier", "relations, broken off in 2008": a past
                # participle set off by a comma tells another time, whatever the parser hangs it on
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _time_clause_date(self, s: Sentence, tok):
        """"in 1992, when diplomatic ties were established", "en 1992, lorsque les relations ont été établies": the
        date right before the conjunction that opens the trigger's clause (a date of reference "since 1992" too)."""
        verb = self.governing_verb(tok)
        if verb is None:
            return None
        mark = clause_mark(verb, s.span.start, self.modality.time_relatives)
        if mark is None or mark.i - 1 < s.span.start:
            return None
        before = s.doc[mark.i - 2] if s.doc[mark.i - 1].text == "," and mark.i - 2 >= s.span.start else s.doc[mark.i - 1]
        end = s.seg.offset + before.idx + len(before.text)
        return next((d for d in s.dates if d.end == end), None)

    def event_date(self, t: Trigger, claimed: set[int]):
        s = t.sentence
        told = self._time_clause_date(s, t.token)
        if told is not None:
            return told, True
        scope = self.window(t)
        ending = self._ending_participle(s, t.token) if t.type == "visit" else None
        if ending is not None:
            scope = scope | {x.i for x in ending.subtree}  # "... visit to Sri Lanka concluded on Tuesday"
        own = [d for d in self.dates_in(s, scope) if not self._detached(s, d, t.token)
               and not self._date_of_report(s, d, t.token)]
        if own:
            # "achève ce vendredi ... une tournée ... du 23 au 27 juillet 2018": a written span or full date
            # says more than a weekday read against the publication date
            return min(own, key=lambda d: (d.counted, d.date_end is None, d.relative)), True
        # a date elsewhere in the sentence that no other trigger claims ("Le 24 novembre, X a reçu Y")
        free = [d for d in self.dates_in(s, set(range(s.span.start, s.span.end)) - claimed)
                if not self._detached(s, d, t.token) and not self._date_of_report(s, d, t.token)]
        # a date outside every window belongs to the trigger it is nearest to ("devenu en 1993 le premier
        # pays avec lequel la Chine a noué ...": 1993 is the partnership's, not a later visit's)
        others = [o.token for o in getattr(s, "_triggers", []) if o.token is not t.token]

        def dist(d, tok):
            return abs(d.start - (s.seg.offset + tok.idx))

        free = [d for d in free if all(dist(d, t.token) <= dist(d, o) for o in others)]
        if free:
            return min(free, key=lambda d: dist(d, t.token)), True
        return None, False

    # ------------------------------------------------------------ per type
    def extract(self) -> list[Candidate]:
        out: list[Candidate] = []
        for s in self.ctx.sentences:
            trigs = self.triggers(s)
            claimed = set()
            for t in trigs:
                claimed |= self.window(t)
            made_here: list[Candidate] = []
            barren: set[int] = set()  # the triggers that made no event
            for t in trigs:
                if self.modality.commemorated_event(t.token):
                    continue
                other_windows = set().union(*(self.window(o) for o in trigs if o is not t)) if len(trigs) > 1 else set()
                made = getattr(self, f"_{t.type}")(t, other_windows)
                if not made and t.type == "visit":
                    made = self._previous_trip(t, out)
                if not made:
                    barren.add(id(t))
                if t.type == "meeting" and self._attended(t):
                    for c in made:
                        c.anaphoric = True  # "The meeting was also attended by X": the talks reported before
                for c in made:
                    if c.event.date_start is None:
                        d, explicit = self.event_date(t, other_windows)
                        if d is not None:
                            c.event.date_start, c.event.date_end, c.explicit_date = d.date_start, d.date_end, explicit
                            c.told_day = d.date_start if not d.date_end else None
                            c.relative_date, c.ahead_date = d.relative, d.ahead
                            c.until_date = d.ahead if d.until else None
                            if c.event.type == "visit":
                                self._duration(t, c.event)
                        elif any(f" {m} " in f" {' '.join(words(s.text))} " for m in self.lex.same_day_phrases):
                            c.same_day = True
                        elif any(f" {' '.join(words(s.text))} ".startswith(f" {m} ") for m in self.lex.same_time_phrases):
                            c.same_time = True
                    self._finish(c)
                    if c.event.type in ("meeting", "call") and self._talks_told_before(t, c):
                        c.anaphoric = True
                    c.visit_kinds_around = frozenset(
                        k for k in (self._visit_kind(o) for o in trigs if o.type == "visit" and o is not t)
                        if k != "unspecified")
                    c.framing = t.sub == "noun" and self._in_circumstance(t.token)
                    c.during_visit = c.event.type != "visit" and any(
                        o.type == "visit" and o.sub == "noun" and o is not t and self._in_circumstance(o.token)
                        for o in trigs)
                    if c.event.type in ("meeting", "call", "visit") and c.event.status == "happened":
                        self._last_parties, self._last_parties_at = list(c.event.countries), s.index
                        self._last_of_type[c.event.type] = list(c.event.countries)
                made_here.extend(made)
            self._date_of_barren_window(s, trigs, made_here, barren)
            made_here.extend(self._thanks_for_welcome(s, made_here))
            made_here.extend(self._anniversaries(s, made_here))
            made_here.extend(self._relations_since(s, made_here))
            self._arrived_for(made_here)
            self._met_where_arrived(made_here)
            trigger_dates = [(t, self.event_date(t, set())[0]) for t in trigs]
            # (a visit framing the sentence lends its date only when that is no later than the article)
            framing = {t.token.i for t, d in trigger_dates if t.type == "visit" and t.sub == "noun" and d is not None
                       and d.date_start[:10] <= (self.ctx.document.date or "9999") and self._in_circumstance(t.token)}
            _share_dates(made_here, trigger_dates, framing)
            self._date_of_framing_verb(made_here, trigs)
            self._date_of_marked_clause(made_here)
            self._date_of_gathering(made_here, trigs)
            self._day_next_to_event(made_here, trigs, out)
            for c in made_here:
                if c.counted_back:
                    c.event.date_start, c.event.date_end, c.explicit_date = c.counted_back, None, True
            made_here.extend(self._dates_listed(s, made_here, trigs))
            # after the dates are shared: the years of earlier visits are not the current visit's
            made_here.extend(self._past_visits(s, made_here))
            made_here.extend(self._earlier_visit(s, made_here))
            made_here.extend(self._visit_since_person(s, made_here))
            made_here.extend(self._ceremonies_attended(s, made_here))
            made_here.extend(self._leg_before(s, made_here))
            made_here.extend(self._legs_listed_before(s, made_here))
            made_here.extend(self._dated_texts(s, made_here))  # (after the dates are shared: its date is its own)
            made_here.extend(self._texts_agreed_on(s, made_here))
            for c in made_here:
                if c.event.type == "visit":
                    self._duration(c.trigger, c.event)
            self._date_of_scene_before(s, made_here)
            self._date_of_sequel(s, made_here, out)
            out.extend(made_here)
            if not trigs:
                self._date_told_after(s, out)
            for c in made_here:
                if c.event.type in ("meeting", "call", "visit") and c.event.status == "happened":
                    self._last_parties, self._last_parties_at = list(c.event.countries), s.index
        for k, c in enumerate(out):
            if c.event.type == "visit":
                self._visit_told_before(c, out[:k])
            elif c.event.type in ("agreement", "meeting"):
                self._pair_told_before(c, out[:k])
            self._event_named_before(c, out[:k])
        return out

    def _date_of_scene_before(self, s: Sentence, made: list[Candidate]) -> None:
        """"On Wednesday morning, X was greeted by a 21-gun salute outside Parliament House. He met with Y for talks
        ...": talks told with no date right after a sentence that tells no event but gives one day take that day (not
        the day of the trip told further back)."""
        if s.index == 0 or s.dates or not made:
            return
        prev = self.ctx.sentences[s.index - 1]
        if getattr(prev, "_triggers", None) or not any(x.pos_ == "VERB" for x in prev.span):
            return  # (a scene told by a verb: not a dateline, "(Rome 27 novembre 2031).", whose day is the report's)
        days = [d for d in prev.dates if not d.since and not d.deadline]
        if len(days) != 1 or len(days[0].date_start) != 10 or days[0].date_end:
            return
        for c in made:
            e = c.event
            if e.type in ("meeting", "call") and e.status == "happened" and e.date_start is None and not c.anaphoric:
                e.date_start, c.explicit_date = days[0].date_start, True

    def _date_of_sequel(self, s: Sentence, made: list[Candidate], out: list[Candidate]) -> None:
        """"Le 27 février, le roi a eu des entretiens avec le président. Par la suite, les deux chefs d'État ont présidé
        la signature de 14 accords": events told with no date of their own in a sentence opening with a word of what
        followed (triggers.yaml meeting.sequel_openers) took place on the day of the events of the sentence before,
        when those are dated to one day (not the first day of the trip the story tells)."""
        if s.index == 0 or s.dates or not made or not self.sequel_openers:
            return
        opening = words(" ".join(x.text for x in s.span[:5]))
        if not any(opening[:len(p)] == p for p in self.sequel_openers):
            return
        days = {c.event.date_start or "" for c in out if c.trigger.sentence.index == s.index - 1 and c.explicit_date
                and c.event.status == "happened" and not c.event.date_end}
        if len(days) != 1 or len(day := next(iter(days))) != 10:
            return
        for c in made:
            e = c.event
            if e.type in ("meeting", "call", "agreement") and e.status == "happened" and e.date_start is None:
                e.date_start, c.explicit_date = day, True

    def _date_told_after(self, s: Sentence, out: list[Candidate]) -> None:
        """"... six mois après la dernière visite d'État du président Biya en Chine. C'était du 22 au 24 mars 2018.": a
        sentence that tells only a date, its subject a pronoun standing for what was just told (persons.yaml
        event_pronouns) and its verb a copula, dates the events of the sentence before that have no day of their own
        (or a coarser one that holds it)."""
        dates = [d for d in s.dates if not d.since and not d.deadline]
        if len(dates) != 1 or not self.event_pronouns:
            return
        d, copulas = dates[0], self.copulas
        rest = [x for x in s.span if not (d.start <= s.abs(x) < d.end) and not x.is_punct]
        if not any(fold(x.text).rstrip("'") in self.event_pronouns for x in rest) or not any(
                fold(x.lemma_) in copulas for x in rest) or not all(
                fold(x.text).rstrip("'") in self.event_pronouns or fold(x.lemma_) in copulas
                or x.pos_ in ("ADV", "ADP", "DET", "AUX") for x in rest):
            return
        for c in out:
            e = c.event
            if c.trigger.sentence.index != s.index - 1 or e.status != "happened":
                continue
            held = e.date_start and len(e.date_start) < len(d.date_start) and d.date_start.startswith(e.date_start)
            if not c.explicit_date or held:
                e.date_start, e.date_end, c.explicit_date = d.date_start, d.date_end, True

    def _event_named_before(self, c: Candidate, before: list[Candidate]) -> None:
        """"La Corée du Sud a établi le 28 août 2006 des relations diplomatiques avec la Guinée. L'événement a eu lieu à
        la faveur du séjour à Séoul d'une délégation guinéenne": an event with no date of its own, in a clause whose
        subject is a noun standing for an event (persons.yaml event_nouns), with a definite or demonstrative article,
        is of the day of the event of the same parties told, dated, in the sentence just before."""
        t = c.trigger
        if c.explicit_date or c.event.status != "happened" or c.event.date_start not in (None, self.ctx.document.date):
            return
        verb = t.token if t.sub == "verb" else self.governing_verb(t.token)
        if verb is None:
            return
        articles = self.anaphoric_determiners | self.definite_articles
        if not any(fold(x.lemma_) in self.event_nouns and any(d.dep_ == "det" and fold(d.text) in articles
                                                              for d in x.children)
                   for x in (t.sentence.doc[i] for i in self.subject_tokens(verb))):
            return
        last = _last_told(before, get_args(EventType), c)
        if last is not None and last.explicit_date and last.event.date_start \
                and last.trigger.sentence.index == t.sentence.index - 1 \
                and not _in_relative_clause_without(last.trigger.token, t.token):
            # (not an event told in a relative clause, a description: "Palau, which established relations with
            # Taiwan in 1999, is one of its allies. The ceremony was followed by a meeting")
            c.event.date_start, c.event.date_end = last.event.date_start, last.event.date_end

    def _pair_told_before(self, c: Candidate, before: list[Candidate]) -> None:
        """"Il a été reçu jeudi à l'Élysée par X. Les deux chefs d'État ont signé un pacte": a signing or talks with
        no date of their own, whose parties are referred to ("les deux chefs d'État", "the two leaders"), are of the
        day of the talks or visit between those parties told, dated, in the sentence just before."""
        t = c.trigger
        if c.explicit_date or c.event.status != "happened" or c.event.date_start not in (None, self.ctx.document.date):
            return  # (dated by its sentence, or by an event it is told in: "during a visit in June 2022, ...")
        verb = t.token if t.sub == "verb" else self.governing_verb(t.token)
        subject = [t.sentence.doc[i] for i in sorted(self.subject_tokens(verb))] if verb is not None else []
        # a personal pronoun or "the two leaders", not a demonstrative of things ("Ces accords ont été signés")
        if not any(self._personal_pronoun(x) or fold(x.text) in self.two_words and x.i + 1 < len(x.doc) and fold(
                x.doc[x.i + 1].lemma_) in self.group_nouns | self.pair_nouns for x in subject):
            return
        last = _last_told(before, ("meeting", "visit", "call"), c)
        if last is None or not last.explicit_date or last.trigger.sentence.index != t.sentence.index - 1 \
                or len(last.event.date_start or "") != 10 or self._recalled(last.trigger.token):
            return  # (not "ils s'étaient rencontrés pour la dernière fois en juin 2019": talks recalled, or of a month)
        where = (last.event.location or {}).get("country") or (last.event.host if last.event.type == "visit" else None)
        if c.event.location and c.event.location.get("country") not in (None, where):
            return  # "They signed a climate deal in Beijing" after talks in Paris
        c.event.date_start, c.event.date_end = last.event.date_start, last.event.date_end

    def _recalled(self, tok) -> bool:
        """The trigger's verb is in a past before the story's ("s'étaient rencontrés", "had met"): a pluperfect."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else self.governing_verb(tok)
        return verb is not None and any(
            c.dep_.startswith("aux") and ("Imp" in c.morph.get("Tense") or fold(c.lemma_) == "have"
                                          and "Past" in c.morph.get("Tense")) for c in verb.children)

    def _in_circumstance(self, tok) -> bool:
        """A noun opened by a preposition of circumstance a few words before it ("lors de la récente visite",
        "during his visit")."""
        # (at most three articles, adjectives, possessives or prepositions between the phrase and the noun: "dans le
        # cadre de sa visite", "lors de la récente visite", "as part of his visit"; not "as part of preparations for
        # the visit", the setting of something else)
        doc, k = tok.doc, tok.i - 1
        while k >= tok.sent.start and k >= tok.i - 3 and (doc[k].pos_ in ("DET", "ADJ", "ADP", "NUM", "PRON")
                                                           or doc[k].dep_ == "compound"):  # "his state visit"
            k -= 1
        ends = range(max(k, tok.sent.start), tok.i)
        return any(words(doc[max(tok.sent.start, j + 1 - n):j + 1].text) in phrases
                   for j in ends for n, phrases in self.circumstance_phrases.items())

    def _talks_told_before(self, t: Trigger, c: Candidate) -> bool:
        """"Ces entretiens se sont déroulés en présence de X", "The talks were held in a warm atmosphere": talks
        named by a noun with a demonstrative, or with a definite article as the subject of its clause or alone, and
        no date of their own, between the parties of the last talks of that kind, are those talks (whoever else the
        sentence names: attendees, a spokesman)."""
        last = self._last_of_type.get(c.event.type)
        if t.sub != "noun" or not last or set(last) != set(c.event.countries):
            return False
        dets = _determiners(t.token)
        if dets & self.demonstratives:
            return True
        if dets & self.definite_determiners and t.token.dep_.startswith("nsubj") and not c.explicit_date:
            return True
        # a bare noun with the definite article anywhere ("leur déclaration commune, adoptée à l'issue de la rencontre")
        # ("the talks here": the place of the story)
        return bool(dets & self.definite_articles) and not c.explicit_date and all(
            x.dep_ in ("det", "case", "punct") or fold(x.text) in self.here_words for x in t.token.children)

    def _thanks_for_welcome(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"X a exprimé sa gratitude envers le Président français Y pour l'accueil réservé à l'Élysée", "X thanked Y for
        the warm hospitality extended to him": a guest thanking a leader for the welcome or hospitality received was
        his guest, at home (a visit of the thanker's country to the thanked one's) and met him there."""
        if not self.hospitality_nouns or any(c.event.type == "visit" for c in made):
            return []
        doc = s.doc
        for tok in s.span:
            if fold(tok.lemma_) not in self.hospitality_nouns and fold(tok.text) not in self.hospitality_nouns:
                continue
            if not any(fold(x.text) in self.thanks_preps for x in doc[max(s.span.start, tok.i - 4):tok.i]):
                continue
            if any(c.dep_.startswith("nmod") and any(g.dep_ == "case" and fold(g.text).rstrip("'") in self.of_words
                                                     for g in c.children) for c in tok.children):
                continue  # "pour l'accueil des réfugiés": what was received, not the guest's welcome
            thanks = next((x for x in doc[max(s.span.start, tok.i - 14):tok.i]
                           if fold(x.lemma_) in self.thanks_words or fold(x.text) in self.thanks_words), None)
            if thanks is None:
                continue
            verb = thanks if thanks.pos_ in ("VERB", "AUX") else self.governing_verb(thanks)
            subj = self.subject_tokens(verb) if verb is not None else set()
            guests = [m for m in self.persons_in(s, subj) if self.person_country(m)]
            hosts = [m for m in self.persons_in(s, set(range(thanks.i + 1, tok.i)))
                     if self.person_country(m) and m not in guests]
            if not guests or not hosts:
                continue
            guest, host = self.person_country(guests[0]), self.person_country(hosts[0])
            if guest == host:
                continue
            d, explicit = self.event_date(Trigger("visit", tok, s, sub="noun"), set())
            out = []
            for typ, people in (("visit", guests[:1]), ("meeting", [guests[0], hosts[0]])):
                e = Event(doc=None, type=typ, countries=[guest, host])
                if typ == "visit":
                    e.guest, e.host, e.visit_kind = guest, host, "unspecified"
                c = Candidate(Trigger(typ, tok, s, sub="noun"), e, list(people))
                if d is not None:
                    e.date_start, e.date_end, c.explicit_date = d.date_start, d.date_end, explicit
                self._finish(c)
                out.append(c)
            return out
        return []

    def _date_of_barren_window(self, s: Sentence, trigs: list[Trigger], made: list[Candidate], barren: set[int]) -> None:
        """"welcomed the signing of the Treaty establishing their Maritime Boundaries ... in New York, on 6 March 2018": a
        word read as a trigger that made no event ("establishing") bounds the window of the one before it; the date in
        its window, which no event claims, is that one's."""
        for c in made:
            if c.event.type != "agreement" or c.event.date_start or c.trigger not in trigs:
                continue
            k = trigs.index(c.trigger)
            following = []
            for o in trigs[k + 1:]:
                if id(o) not in barren:
                    break
                following.append(o)
            if not following:
                continue
            scope = set().union(*(self.window(o) for o in following))
            own = [d for d in self.dates_in(s, scope) if not d.deadline and not d.since
                   and not self._detached(s, d, c.trigger.token) and not self._date_of_report(s, d, c.trigger.token)
                   and not self._after_publication(d.date_start)]
            if len(own) == 1:
                d = own[0]
                c.event.date_start, c.event.date_end, c.explicit_date = d.date_start, d.date_end, True
                c.told_day = d.date_start if not d.date_end else None

    def _previous_trip(self, t: Trigger, before: list[Candidate]) -> list[Candidate]:
        """"X est arrivé à Beyrouth. Il s'agit de sa première visite ..., après sa précédente visite en septembre 2015", "his
        previous visit, in 2015": a visit noun marked as an earlier one (triggers.yaml visit.previous_words), with a
        possessive, its own date before the article's and no place of its own, is an earlier trip of the traveller of
        the visit told before to the same host."""
        s, tok = t.sentence, t.token
        if t.sub != "noun" or not any(fold(c.text) in self.previous_words for c in tok.children if c.dep_ in ("amod", "advmod")) \
                or not any(possessive(c) for c in tok.children if c.dep_ in ("det", "nmod:poss", "poss")):
            return []
        dated = self._dated(s, tok.children)
        if any(c.dep_.startswith(("nmod", "obl")) and c.i not in dated and fold(c.text) not in self.as_words and any(
                g.dep_ == "case" and fold(g.text) in self.lex.location_preps and not any(
                    f.dep_ == "fixed" for f in g.children) for g in c.children) for c in tok.children):
            return []  # "sa précédente visite sur le continent africain", "his previous visit to Asia": a place of its own
        own = [d for d in self.dates_in(s, self.window(t)) if not d.since and not d.deadline]
        if not own or own[0].date_start.startswith("-") or own[0].date_start[:4] >= (self.ctx.document.date or "0")[:4]:
            return []  # (dated, in a year before the article's: not "sa précédente visite" of the same week)
        trip = next((o for o in reversed(before) if o.event.type == "visit" and o.event.status == "happened"
                     and o.event.guest and o.event.host), None)
        if trip is None:
            return []
        e = Event(doc=None, type="visit", countries=[trip.event.guest, trip.event.host], guest=trip.event.guest,
                  host=trip.event.host, visit_kind=self._visit_kind(t))
        return [Candidate(t, e, list(trip.mentions))]

    def _visit_told_before(self, c: Candidate, before: list[Candidate]) -> None:
        """"Le président s'est félicité de cette visite", "this visit": a visit named by a noun with a demonstrative
        and no date of its own is the trip told before between the same two countries: the visit reported (one
        event), or else the one the last talks between them, dated and not held elsewhere, were held in (its date is
        theirs)."""
        t = c.trigger
        if t.sub != "noun" or c.explicit_date or c.event.status != "happened" or not c.event.guest or not c.event.host:
            return
        if not _determiners(t.token) & self.demonstratives:
            return
        trip = next((o for o in reversed(before) if o.event.type == "visit" and o.event.status == "happened"
                     and o.trigger.sentence.index < t.sentence.index), None)
        if trip is not None and set(trip.event.countries) != set(c.event.countries) and not c.mentions and all(
                x.dep_ in ("det", "amod", "punct") for x in t.token.children):
            # "Cette tournée constitue une stratégie ... après que l'Arabie saoudite a rompu": a bare noun with a
            # demonstrative is the trip just told, whatever countries its sentence names
            c.event.countries = list(trip.event.countries)
            c.event.guest, c.event.host = trip.event.guest, trip.event.host
            c.anaphoric = True
            return
        last = _last_told(before, ("visit", "meeting"), c)
        if last is None or last.event.date_start is None:
            return
        if last.event.type == "visit" and last.event.guest == c.event.guest:
            c.anaphoric = True
        elif last.event.type == "meeting" and (last.explicit_date or last.event.date_start != c.event.date_start) and (
                not last.event.location or last.event.location.get("country") in (None, c.event.host)):
            c.event.date_start, c.event.date_end = last.event.date_start, last.event.date_end
            c.relative_date = last.relative_date

    def _dates_listed(self, s: Sentence, made: list[Candidate], trigs: list[Trigger]) -> list[Candidate]:
        """"X se rend en Chine en octobre 1974, juin 1975 et mai 1977", "they met in 2019 and again in 2021":
        an event dated by one date of a list (dates joined only by commas, brackets and the language's list
        words) happened once at each date of the list. Not an upgrade (a level is reached once), not the days of
        one stay ("les 12 et 13 mai"), not a date another trigger of the sentence stands before."""
        links = self.ctx.lex.date_list_links
        repeats = sorted((fold(w) for w in self.ctx.lex.date_repeat_words), key=len, reverse=True)
        if not links or len(s.dates) < 2:
            return []
        off, text = s.seg.offset, s.seg.text
        dates = sorted((d for d in s.dates if not d.since and not d.deadline), key=lambda d: d.start)

        def only_links(between: str) -> bool:
            return all(fold(w) in links for w in re.split(r"[\s,;:()\[\]•·\-–—]+", between) if w)

        def joined(a, b) -> bool:
            between = text[a.end - off:b.start - off]
            if between.strip() in ("-", "–", "—", "/", "à", "au", "to"):
                return False  # "1974-1975": one span, not two dates
            if len(between) <= 30 and only_links(between):
                return True
            # "en septembre 2010 en tant que président du Congrès, puis à nouveau en juillet 2015": an aside with no
            # verb of its own, then the event told again
            aside, comma, tail = between.rpartition(",")
            said_again = next((w for w in repeats if f" {w} " in f" {fold(tail)} "), None)
            if not comma or said_again is None or len(between) > 90 or not only_links(
                    f" {fold(tail)} ".replace(f" {said_again} ", " ")):
                return False
            span = s.doc.char_span(a.end - off, a.end - off + len(aside), alignment_mode="expand")
            return span is not None and not any(x.pos_ in ("VERB", "AUX") for x in span)

        def opens_clause(d) -> bool:
            # "visited China in 2015, and in 2018 Beijing financed ...": a finite verb right after the date (up to
            # a stop) tells another clause, whose date it is
            span = s.doc.char_span(d.start - off, d.end - off, alignment_mode="expand")
            if span is None:
                return False
            for x in s.doc[span.end:min(span.end + 5, s.span.end)]:
                if x.text in (".", ";", ",", ":"):
                    return False
                if x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm"):
                    return True
            return False

        def one_stay(a, b) -> bool:
            if len(a.date_start) < 10 or len(b.date_start) < 10:
                return False
            return abs((date.fromisoformat(a.date_start) - date.fromisoformat(b.date_start)).days) <= 7

        out: list[Candidate] = []
        for c in [c for c in made if c.explicit_date and c.event.type != "upgrade"]:
            own = [n for n, d in enumerate(dates) if (d.date_start, d.date_end) == (c.event.date_start, c.event.date_end)]
            if not own:
                continue
            here = c.trigger.token.idx + off
            # the one in the trigger's own window first ("visited India in 2015 and 2017, and met X in 2017 and
            # 2019": the talks' 2017 is the second), else the nearest
            win = self.window(c.trigger)
            spans = {n: s.doc.char_span(dates[n].start - off, dates[n].end - off, alignment_mode="expand") for n in own}
            inside = [n for n in own if spans[n] is not None and spans[n].start in win]
            n = min(inside or own, key=lambda n: abs(dates[n].start - here))
            # the tokens a later trigger of the sentence stands before: its dates are its own
            later = [t.token.idx + off for t in trigs if t.token.i > c.trigger.token.i]
            bound = min(later, default=None)
            chain = [dates[n]]
            for step in (1, -1):
                k = n
                while 0 <= k + step < len(dates):
                    a, b = (dates[k], dates[k + step]) if step == 1 else (dates[k + step], dates[k])
                    nxt = dates[k + step]
                    if not joined(a, b) or one_stay(a, b) or (bound is not None and nxt.start > bound) \
                            or opens_clause(nxt):
                        break
                    chain.append(nxt)
                    k += step
            seen = {(c.event.date_start, c.event.date_end)}
            for d in chain[1:]:
                if (d.date_start, d.date_end) in seen:
                    continue
                seen.add((d.date_start, d.date_end))
                ev = replace(c.event, date_start=d.date_start, date_end=d.date_end,
                             participants=list(c.event.participants), sources=list(c.event.sources))
                out.append(replace(c, event=ev, mentions=list(c.mentions)))
        return out

    def _day_next_to_event(self, made: list[Candidate], trigs: list[Trigger], earlier: list[Candidate]) -> None:
        """"Au lendemain de cette visite, X rencontrait à Bruxelles Y", "on the eve of the talks": an undated event
        of the sentence took place the day after (before) the last day of the event named, told before with
        its days."""
        phrases = self.ctx.lex.days_next_to_event
        for t2 in trigs:
            if t2.sub != "noun" or t2.type not in ("visit", "meeting", "call"):
                continue
            k = t2.token.i - 1
            while k >= t2.sentence.span.start and t2.token.doc[k].pos_ in ("DET", "PRON", "ADJ"):
                k -= 1  # "cette", "sa", "the", "d'une importante visite"
            doc = t2.token.doc
            shift = next((v for n in (4, 3, 2) if k + 1 - n >= t2.sentence.span.start
                          for v in [phrases.get(" ".join(fold(x.text) for x in doc[k + 1 - n:k + 1]))]
                          if v is not None), None)
            if shift is None:
                continue
            phrase = {x.i for x in t2.token.subtree}
            if any(c.i in phrase for c in [*t2.sentence.countries, *t2.sentence.cities]) or self._dated(
                    t2.sentence, t2.token.subtree) or any(
                    fold(c.text) in self.modality.planned_mods for c in t2.token.children):
                # "à la veille de sa visite en Chine", "de sa visite d'État du 10 juin", "sa prochaine visite":
                # another event, with its own place, day or future
                continue
            told = [c.event for c in earlier if c.event.type == t2.type and c.event.status == "happened"
                    and len(c.event.date_end or c.event.date_start or "") == 10]
            if not told:
                continue
            # "au lendemain de son arrivée": the day after the first day, not the last
            arrival = fold(t2.token.lemma_) in self.arrival_words
            last = date.fromisoformat(told[-1].date_start if arrival or not told[-1].date_end else told[-1].date_end) \
                + timedelta(days=shift)
            for c in made:
                if c.trigger is not t2 and c.event.date_start is None:
                    c.event.date_start, c.event.date_end = last.isoformat(), None
                    c.explicit_date = True

    def _date_of_framing_verb(self, made: list[Candidate], trigs: list[Trigger]) -> None:
        """"The first text, signed in January during Saakashvili's visit to Ukraine": a visit that is the
        circumstance ("during", "lors de") of another trigger's verb took place when that verb did, even when the
        verb made no event of its own."""
        for c in made:
            tok = c.trigger.token
            if c.event.type != "visit" or c.event.date_start or c.later or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if not any(ch.dep_ == "case" and fold(ch.text) in self.modality.circumstance_preps for ch in tok.children):
                continue
            verb = self.governing_verb(tok)
            framing = next((t for t in trigs if verb is not None and t.token.i == verb.i and t is not c.trigger), None)
            if framing is None:
                continue
            d = self.event_date(framing, set())[0]
            if d is not None:
                c.event.date_start, c.event.date_end = d.date_start, d.date_end

    def _date_of_marked_clause(self, made: list[Candidate]) -> None:
        """"a-t-elle affirmé mardi soir à l'issue d'une rencontre avec son homologue", "said on Tuesday after talks
        with X": talks with no date of their own, named after a marker of their time (triggers.yaml meeting
        specific_markers), were held the day the verb of the clause is dated."""
        for c in made:
            tok = c.trigger.token
            if c.event.type not in ("meeting", "call") or c.event.date_start or c.later or c.trigger.sub != "noun":
                continue
            s = c.trigger.sentence
            # ("à l'issue d'une rencontre": the marker's "de" elided)
            before = " ".join("de" if w == "d" else w for w in words(s.doc[max(s.span.start, tok.i - 6):tok.i].text))
            if not any(f" {m} " in f" {before} " for m in self.specific_markers):
                continue
            verb = self.governing_verb(tok)
            if verb is None:
                continue
            own = [d for d in s.dates if not d.since and not d.deadline and (span := s.doc.char_span(
                d.start - s.seg.offset, d.end - s.seg.offset, alignment_mode="expand")) is not None
                   and span.root.head.i == verb.i and span.root.i not in {x.i for x in tok.subtree}
                   and (0 < span.start - verb.i <= 3 or 0 <= verb.i - span.end <= 2)]  # next to the verb
            if len(own) == 1:
                c.event.date_start, c.event.date_end = own[0].date_start, own[0].date_end
                c.explicit_date = True

    def _date_of_gathering(self, made: list[Candidate], trigs: list[Trigger]) -> None:
        """"the bilateral meeting between X and Y on the sidelines of the G20 Summit in Hamburg on Saturday", "en marge
        du sommet de l'UA, samedi": talks with no date of their own held at a gathering named after them (after a
        word of setting) took place on the gathering's date."""
        made_by = {id(c.trigger) for c in made}
        for c in made:
            if c.event.type not in ("meeting", "call") or c.event.date_start or c.later:
                continue
            s, tok = c.trigger.sentence, c.trigger.token
            doc = s.doc
            for o in trigs:
                x = o.token
                if o is c.trigger or id(o) in made_by or x.i < tok.i or not self._gathering_set(doc, x, tok.i + 1):
                    continue
                if any(fold(y.text) in self.modality.reference_preps for y in doc[tok.i + 1:x.i]):
                    break  # "un entretien, le premier depuis leur rencontre lors du sommet de décembre": another day
                d = self.event_date(o, set())[0]
                if d is not None and not d.since:
                    c.event.date_start, c.event.date_end = d.date_start, d.date_end
                    c.explicit_date = True
                break

    def _gathering_set(self, doc, x, lo: int) -> bool:
        """``x`` is a gathering named after a word of setting ("at the summit", "lors du sommet", "on the sideline
        of the G20 Summit"), looked for no further back than token ``lo``."""
        return fold(x.text) in self.lex.gathering_nouns and any(
            fold(y.text) in self.gathering_setting_words for y in doc[max(lo, x.i - 4):x.i])

    def _met_where_arrived(self, made: list[Candidate]) -> None:
        """"X s'est entretenu avec Y au palais présidentiel, après avoir atterri à Banjul": talks with no place of
        their own, told in the sentence of the trip that brought one side to the other's city, were held there;
        not talks told as before or after it ("est arrivé à Dakar, deux semaines après s'être entretenu avec Y"),
        nor talks at a gathering ("at the ECOWAS summit")."""
        for c in made:
            e = c.event
            if e.type != "meeting" or e.location or e.status != "happened":
                continue
            s, tok = c.trigger.sentence, c.trigger.token
            doc = s.doc
            # (talks at a gathering, "lors du sommet de la Cédéao", not "ahead of the ECOWAS summit")
            if any(self._gathering_set(doc, x, s.span.start) for x in s.span) or self._in_time_clause(tok):
                continue
            # (the trip told by its verb or by an arrival noun, "dès son arrivée à Dakar": a visit noun may be another
            # trip, "neuf mois après sa visite à La Havane")
            trips = [o.event for o in made if o.event.type == "visit" and o.event.status == "happened" and not o.later
                     and (o.trigger.sub == "verb" or fold(o.trigger.token.lemma_) in self.arrival_words)
                     and o.event.location and set(o.event.countries) == set(e.countries)]
            if len({(v.location or {}).get("city") for v in trips}) == 1:
                e.location = dict(trips[0].location)

    def _place_of_pronoun(self, s: Sentence, verb) -> list[str]:
        """"Accra, la capitale du Ghana, ... au président X, qui y a séjourné les 17 et 18 septembre": the verb's
        place pronoun stands for the last country or capital named before it in the sentence."""
        if verb is None or verb.lemma_ == "avoir" or not any(
                fold(c.text) in self.lex.place_pronouns and c.pos_ == "PRON" for c in verb.children):
            # (not "il y a eu une visite": there is, not there; nor the preposition "en" of "en début de soirée")
            return []
        before = [c for c in [*s.countries, *s.cities] if c.j <= verb.i and c.label in ("COUNTRY", "CAPITAL", "CITY")]
        if not before and s.index > 0:
            # "X arrivera en Belgique ce 30 mars. Il s'y était déjà rendu en octobre 2009": the place the sentence
            # before went to
            prev = self.ctx.sentences[s.index - 1]
            before = [c for c in [*prev.countries, *prev.cities] if c.is_location
                      and c.label in ("COUNTRY", "CAPITAL", "CITY")]
        return [max(before, key=lambda c: c.i).code] if before else []

    def _dated(self, s: Sentence, tokens) -> set[int]:
        """The tokens among ``tokens`` that lie inside a date the sentence names, with the weekday right before
        a date of that day ("ont établi ce lundi 26 décembre des relations": the date read is "26 décembre")."""
        starts = {d.start for d in s.dates}
        return {x.i for x in tokens for d in s.dates if d.start <= s.seg.offset + x.idx < d.end} | {
            x.i for x in tokens if fold(x.text) in self.lex.weekdays and x.i + 1 < len(x.doc)
            and s.seg.offset + x.doc[x.i + 1].idx in starts}

    def _level_right_after(self, s: Sentence, verb, level) -> bool:
        """"ont établi un partenariat stratégique", "ont établi vendredi un « partenariat stratégique »": whatever
        the parser hangs the level on, a level right after the verb, past a determiner, a day or quotes, is its
        object."""
        between = s.doc[verb.i + 1:level.i]
        dated = self._dated(s, between)
        quotes = {x.i for x in between if x.is_quote}
        if level.j < s.span.end and any(form[0] == fold(s.doc[level.j].text) for _, form in self.instruments):
            return False  # "concluded a strategic partnership agreement": the level names the text signed
        # (a partitive article the parser took for a preposition once a date came between: "ont rétabli le 6 août
        # 2006 des relations diplomatiques")
        article = {x.i for x in between if x.i == level.i - 1 and dated and x.pos_ == "ADP" and x.dep_ == "case"
                   and level.i <= x.head.i < level.j}
        return verb.i < level.i <= verb.i + 3 + len(dated) + len(quotes) + len(article) and all(
            x.pos_ in ("DET", "ADV", "ADJ") or x.i in dated or x.i in quotes or x.i in article for x in between)

    def _travellers_of(self, s: Sentence, verb) -> tuple[set[int], list[PersonMention]]:
        """The words of the one leaving or coming back (the verb's subject, else the words before it) and the people
        named there."""
        doers = self.subject_tokens(verb) or set(range(s.span.start, verb.i))
        return doers, self.persons_in(s, doers)

    def _returned_from(self, s: Sentence, verb) -> list:
        """The places a verb of coming back names right after its preposition of origin, past a day or an adverb
        ("returned today from Tokyo, Japan", "est rentré samedi de Pékin", "est revenu du Japon et de Corée"):
        where the trip was."""
        places = sorted((c for c in [*s.countries, *s.cities] if verb.i < c.i <= verb.i + 8
                         and c.label in ("COUNTRY", "CAPITAL", "CITY")), key=lambda c: c.i)
        found = []
        for c in places:
            k = c.i - 1
            while k > verb.i and s.doc[k].pos_ in ("DET", "ADJ"):
                k -= 1
            between = s.doc[verb.i + 1:k]
            if k > verb.i and fold(s.doc[k].text) in self.return_preps and all(
                    x.pos_ in ("ADV", "NOUN", "NUM", "PROPN", "DET", "ADP") or x.text == "," for x in between):
                found.append(c)
            elif found and self._joined(s.doc, found[-1].j - 1, c.i):
                found.append(c)  # "Tokyo, Japan", "du Japon et de la Corée"
            elif found:
                break
        return found

    def _destination_ends(self, s: Sentence, k: int, lo: int, verb=None) -> bool:
        """A preposition of destination ends at token ``k`` ("pour", "for", "à destination de"), none of its
        words before ``lo``; after a verb that names a trip only with a phrase of destination ("a laissé
        Port-au-Prince à destination de Brasilia", not "a laissé la France pour la Russie comme partenaire"),
        one of several words."""
        phrase_only = verb is not None and verb.lemma_ in self.phrase_departure_verbs
        if verb is not None and verb.lemma_ in self.place_departure_verbs and k >= lo \
                and fold(s.doc[k].text).rstrip("'") in self.lex.location_preps:
            return True  # "s'envole à Moscou", "est parti en Chine"
        return any(" ".join(fold(x.text) for x in s.doc[max(lo, k + 1 - len(p.split())):k + 1]) == p
                   for p in self.destination_preps if not phrase_only or " " in p)

    def _in_time_clause(self, tok) -> bool:
        """The trigger's clause is one of time after another event ("deux semaines après s'être entretenu avec",
        "two weeks after he met"): told as earlier than the main clause (modality.yaml time_marks; "before holding
        talks" after an arrival is later, in the city reached)."""
        marks = self.modality.time_marks
        verb = tok if tok.pos_ in ("VERB", "AUX") else self.governing_verb(tok)
        for x in ([verb] if verb is not None else []) + ([tok] if verb is None or tok.i != verb.i else []):
            if any(c.dep_ in ("mark", "case", "advmod") and fold(c.text) in marks for c in x.children):
                return True
        k = (verb or tok).i - 1
        while k >= 0 and k >= (verb or tok).i - 4 and tok.doc[k].pos_ in ("PRON", "AUX", "ADV", "SCONJ", "ADP"):
            if fold(tok.doc[k].text) in marks:
                return True
            k -= 1
        return False

    def _arrived_for(self, made: list[Candidate]) -> None:
        """"X arrived in Kuwait on Wednesday for a one-day official visit expected to focus on ...": the visit noun
        under a verb of the trip that happened is that trip, whatever its own modifiers hope for."""
        for c in made:
            if c.event.type != "visit" or c.event.status != "planned" or c.trigger.sub != "noun":
                continue
            verb = self.governing_verb(c.trigger.token)
            if verb is not None and any(o.event.type == "visit" and o.event.status == "happened"
                                        and o.trigger.token.i == verb.i and o.event.host == c.event.host
                                        and o.event.guest == c.event.guest for o in made):
                c.event.status = "happened"

    def _finish(self, c: Candidate) -> None:
        e, t = c.event, c.trigger
        s = t.sentence
        e.doc = self.ctx.document.id
        e.sources = [Source(e.doc, s.start, s.end, s.text)]
        e.trigger = t.token.text
        e.status = self.modality.status(t.token, e.type)
        tok = t.token
        if e.type == "meeting" and t.sub == "noun" and tok.dep_.startswith("nsubj") \
                and tok.head.pos_ in ("VERB", "AUX") and self._standing_body(s, tok):
            e.status = self.modality.status(tok.head, e.type)  # "la commission mixte se réunira": its sitting's
        if e.status in ("planned", "hypothetical") and e.type == "agreement" and tok.dep_ in ("acl", "amod") \
                and "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense"):
            # "selon un communiqué commun signé à Lima": the participle reports a signature
            # made, whatever the main verb wishes
            e.status = "happened"
        elif e.status in ("planned", "hypothetical") and e.type == "agreement" and t.sub == "noun" \
                and self._statement_noun(s, tok) and any(
                    c.dep_ == "acl" and "Part" in c.morph.get("VerbForm") and "Past" in c.morph.get("Tense")
                    for c in tok.children):
            # "se sont engagés à ... dans une déclaration commune rendue publique", "ont annoncé dans une
            # déclaration commune lue à Santa Marta": the statement was issued, whatever it commits them to
            e.status = "happened"
        c.later = self._told_as_later(t.token)
        if c.later and e.status == "happened" and self._main_not_past(t.token):
            e.status = "planned"  # "le président est au Vietnam jusqu'à mardi, avant de gagner le Laos"
        if c.leg_to_come and e.status == "happened":
            e.status = "planned"
        if e.status == "happened" and self._after_publication(e.date_start) and not self._told_in_past(t.token):
            # "is going to Damascus next week": what is dated after the article has not happened (a verb in the
            # past, "visited Moscow on June 5", says the date is what was misread)
            e.status = "planned"
        pub = self.ctx.document.date or ""
        if e.status == "happened" and c.relative_date and e.date_start and len(e.date_start) == 7 and len(pub) >= 7 \
                and e.date_start[5:7] > pub[5:7] and e.date_start[:4] == f"{int(pub[:4]) - 1:04d}" \
                and self._in_present(t.token):
            # "the President is visiting Kathmandu in the first week of March", written in February: a month of the
            # year told in the present is the coming one (read as last year's by the date grammar)
            e.date_start, e.status = _later(e.date_start, self.ctx.document.date), "planned"
        if e.status == "happened" and c.until_date and self._present_stay(t.token):
            # "se trouve jusqu'à samedi en Géorgie", "is in Georgia until Saturday": from the day of reference to the
            # coming such day (not "a séjourné jusqu'à samedi", a stay that ended on the last one)
            e.date_start, e.date_end = (self.ctx.ref_date or self.ctx.document.date or c.until_date)[:10], c.until_date
        if e.status == "planned" and c.ahead_date:
            if e.date_end and len(e.date_end) == 10 and len(e.date_start or "") == 10:
                # "will begin a two-day visit on Saturday": the span counted from the last Saturday moves with it
                shift = date.fromisoformat(c.ahead_date) - date.fromisoformat(e.date_start)
                e.date_end = (date.fromisoformat(e.date_end) + shift).isoformat()
            e.date_start = c.ahead_date  # "il rencontrera jeudi": the coming Thursday, not the last one
        elif e.status == "planned" and c.relative_date:
            start, end = _later(e.date_start, self.ctx.document.date), _later(e.date_end, self.ctx.document.date)
            if not (start and end and not start.startswith("-") and not end.startswith("-") and start > end):
                e.date_start, e.date_end = start, end  # never a span that ends before it starts
        set_codes(e, self.ontology)
        # participants are written by the document step once every person's country is known

    def _told_in_past(self, tok) -> bool:
        """Whether the verb of the trigger (itself, or the one governing a noun) is in a past tense."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else self.governing_verb(tok)
        if verb is None:
            return False
        return bool(_tenses(verb) & {"Past", "Imp"}) and not any(
            c.dep_.startswith("aux") and "Pres" in c.morph.get("Tense") and "Part" not in verb.morph.get("VerbForm")
            for c in verb.children)

    def _in_present(self, tok) -> bool:
        """Whether the verb of the trigger (itself, or the one governing a noun) is in the present, and in no other
        tense ("is visiting", "se rend"; not "a visité", "has visited", "visited")."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else self.governing_verb(tok)
        return verb is not None and _tenses(verb) == {"Pres"} and (
            "Part" not in verb.morph.get("VerbForm") or "Prog" in verb.morph.get("Aspect"))

    def _after_publication(self, date: str | None) -> bool:
        """Whether ``date`` (a day, month or year) begins after the article's day of publication."""
        pub = self.ctx.document.date
        if not (pub and len(pub) == 10 and date and not date.startswith("-")):
            return False
        return date[:10] > pub[:len(date[:10])]

    def _relative_of_noun(self, noun, verb) -> bool:
        """"a meeting and a luncheon with X in which they discussed ...", "un entretien au cours duquel ils ont évoqué":
        ``verb`` opens a relative clause of time or setting on ``noun``'s phrase."""
        if not verb.dep_.endswith("relcl") or verb.head.i not in {x.i for x in noun.subtree}:
            return False
        first = min(x.i for x in verb.subtree)
        opening = " ".join(words(verb.doc[first:verb.i].text))
        return any(opening.startswith(m) for m in self.during_relatives)

    def _welcomed_thing(self, s: Sentence, tok) -> bool:
        """The object of a verb of welcoming is a thing (a common noun with no person, title, country or delegation in
        its phrase), not a guest."""
        objs = [c for c in tok.children if c.dep_ in ("obj", "dobj")]
        if not objs or any(o.pos_ != "NOUN" for o in objs):
            return False
        phrase = {x.i for o in objs for x in o.subtree}
        return not (any(m.sentence is s and m.i in phrase for m in self.mentions)
                    or any(t.i in phrase for t in s.titles) or any(c.i in phrase for c in s.countries)
                    or any({fold(s.doc[i].lemma_), fold(s.doc[i].text)} & (self.counterpart_nouns | self.group_nouns
                                                                           | self.pair_nouns) for i in phrase))

    def _courtesy_call(self, s: Sentence, tok) -> bool:
        """"a courtesy call from X", "paid a courtesy call on Y": a call noun with a courtesy word right before it is
        a call on someone in person, unless a word of telephone or video says otherwise ("a courtesy phone call")."""
        before = s.doc[max(s.span.start, tok.i - 2):tok.i]
        if not any(fold(x.text) in self.courtesy for x in before):
            return False
        near = {fold(x.text) for x in s.doc[max(s.span.start, tok.i - 3):min(s.span.end, tok.i + 4)]}
        return not self.call_markers.intersection(near)

    def _later_clause(self, tok):
        """The verb of the infinitive clause introduced by "avant de" that holds ``tok``, or None."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else self.governing_verb(tok)
        if verb is None or "Inf" not in verb.morph.get("VerbForm"):
            return None
        marks = [fold(c.text).rstrip("'’") for c in verb.children if c.dep_ == "mark" or c.dep_ == "case"]
        k = verb.i - 1
        while k >= 0 and verb.doc[k].pos_ in ("PRON", "ADV", "AUX"):
            k -= 1  # "avant de se rendre", "avant de s'y rendre"
        before = [fold(x.text).rstrip("'’") for x in verb.doc[max(0, k - 1):k + 1]]
        if "avant" in marks or before[-2:] == ["avant", "de"] or before[-2:] == ["avant", "d"]:
            return verb
        return None

    def _told_as_later(self, tok) -> bool:
        """"avant de gagner le Laos", "il se rendra ensuite au Cambodge", "puis gagnera Vientiane": an event
        that follows the one the story reports, which lends it neither its date nor the story's."""
        if self._later_clause(tok) is not None:
            return True
        verb = tok if tok.pos_ in ("VERB", "AUX") else self.governing_verb(tok)
        if verb is None:
            return False
        return any(fold(c.text) in self.later_adverbs for c in verb.children if c.dep_ in ("advmod", "cc")) and (
            "Fut" in verb.morph.get("Tense") or any("Fut" in c.morph.get("Tense") for c in verb.children
                                                    if c.dep_.startswith("aux")))

    def _present_stay(self, tok) -> bool:
        """The trigger's clause is in the present ("se trouve", "is in Georgia", "est en visite"), no past nor
        imperfect in its verb or auxiliaries."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else self.governing_verb(tok)
        if verb is None:
            return False
        tenses = _tenses(verb) | {x for c in verb.children if c.dep_ == "cop" for x in c.morph.get("Tense")}
        return tenses == {"Pres"} and "Part" not in verb.morph.get("VerbForm")

    def _main_not_past(self, tok) -> bool:
        """Whether the clause an "avant de" infinitive depends on is in the present or future: the event
        that comes after it is still to come."""
        verb = self._later_clause(tok)
        if verb is None or verb.head.i == verb.i:
            return False
        main = verb.head
        while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
            main = main.head
        tenses = _tenses(main)
        if "Past" in tenses or "Imp" in tenses or "Part" in main.morph.get("VerbForm"):
            return False
        return bool(tenses)

    def _ceremony_of(self, s: Sentence, tok):
        """The ceremony noun a signing noun qualifies ("signing ceremony", "cérémonie de signature"), or None."""
        doc = s.doc
        if tok.i + 1 < s.span.end and fold(doc[tok.i + 1].lemma_) in self.ceremony_nouns:
            return doc[tok.i + 1]
        if tok.i - 2 >= s.span.start and fold(doc[tok.i - 2].lemma_) in self.ceremony_nouns \
                and fold(doc[tok.i - 1].text).rstrip("'") in self.lex.facility_preps:
            return doc[tok.i - 2]
        return None

    def _chosen_country(self, s: Sentence, tok) -> list[str]:
        """"a choisi l'Argentine pour effectuer son premier déplacement à l'étranger", "For his first trip abroad, the
        new president chose Argentina": a visit noun in the purpose of a verb of choosing goes to the country chosen."""
        h = tok
        for _ in range(3):
            if h.head.i == h.i:
                return []
            h = h.head
            if fold(h.lemma_) in self.choice_verbs:
                obj = {x.i for c in h.children if c.dep_ in ("obj", "dobj") for x in c.subtree}
                return list(dict.fromkeys(c.code for c in s.countries if c.i in obj and c.label in ("COUNTRY", "CAPITAL")))[:1]
            if h.pos_ in ("VERB", "AUX") and fold(h.lemma_) not in self.light_verbs:
                return []
        return []

    def _story_country_said(self, s: Sentence, tok, end: int) -> bool:
        """Whether the words from ``tok`` to ``end`` name the country the story is in ("dans le pays", "to the
        country"), a word qualifying the noun before it passed over ("to the Nordic country", "to the Gulf kingdom");
        not another country ("the other country of the trip", "the next country", "le petit pays voisin")."""
        span = s.doc[tok.i:end]
        if any(fold(x.text) in self.other_country_words and (
                fold(x.head.text) in self.anaphora_nouns or fold(s.doc[max(x.i - 1, 0)].text) in self.anaphora_nouns)
               for x in span):
            return False
        if any(fold(x.text) in self.anaphora_nouns and x.i + 2 < end and (
                fold(s.doc[x.i + 1].text) in self.lex.facility_preps or fold(s.doc[x.i + 1].text) in ("du", "des"))
               and s.doc[x.i + 2].text[:1].isupper() for x in span):
            return False  # "au pays de Bolivar", "le pays du Cèdre": a country named by a figure of speech

        def qualifies(x) -> bool:  # (through a qualifier of a qualifier: "to the Latin American country", "to the
            # twin island Republic")
            while x.dep_ in ("amod", "compound", "flat:name") and (x.pos_ in ("ADJ", "PROPN") or x.dep_ == "compound") \
                    and x.i < x.head.i < end:
                if fold(x.head.text) in self.anaphora_nouns:
                    return True
                x = x.head
            return False

        # whole words ("dans le pays", not "dans le paysage"), apostrophes as the phrases' ("dans l'émirat")
        said = " " + " ".join(w for x in span if not qualifies(x) for w in words(x.text)) + " "
        return any(f" {p} " in said for p in self.country_anaphora)

    def _light_verb_place(self, tok) -> set[int]:
        """"a effectué dimanche à Alger sa première visite officielle", "entame ce 29 août à Beijing, en Chine, une
        visite d'État": a visit noun that is the object of a light verb names its place in the verb's own
        complement, said between the verb and the noun (after the noun it is in the trigger's window)."""
        head = tok.head
        if tok.dep_ in ("nmod", "appos") and head.i < tok.i and head.dep_ in ("obl", "obl:mod") \
                and head.head.lemma_ in self.light_verbs and head.head.i < head.i \
                and not any(c.dep_ in ("obj", "dobj") for c in head.head.children):
            # "a débuté, hier, à Conakry en Guinée, une visite de travail": the parser hangs the object the verb
            # lacks on the place said before it; the place is the verb's complement all the same
            return {x.i for x in (head, *(y for y in head.children if y.dep_ in (
                "flat", "flat:name", "compound", "fixed", "nmod") and y.i < tok.i))}
        if head.lemma_ not in self.light_verbs:
            return set()
        if tok.dep_ in ("nsubj:pass", "nsubjpass") and head.i > tok.i:
            # "Une visite de travail a été effectuée à Alger par le président X", "a visit was paid to Ghana by X":
            # the passive's complements of place, after the verb
            lo, hi = head.i, len(tok.doc)
        elif head.i < tok.i and (tok.dep_ == "obj" or tok.dep_ in ("obl", "obl:mod") and not any(
                c.dep_ == "case" for c in tok.children) and not any(c.dep_ in ("obj", "dobj") for c in head.children)):
            # (a noun phrase with no preposition the parser hangs on the verb as a complement is its object:
            # "a entamé, lundi, à Bamako, une visite")
            lo, hi = head.i, tok.i
        else:
            return set()
        # (the complement's own words, not a place inside another phrase: "de retour d'un sommet à Addis-Abeba")
        return {x.i for c in head.children if c.dep_ in ("obl", "obl:mod", "obl:arg", "iobj", "prep") and lo < c.i < hi
                for x in (c, *(y for y in c.children if y.dep_ in ("flat", "flat:name", "compound", "fixed", "pobj")))}

    def _locations(self, s: Sentence, tokens: set[int]):
        """Places where something happens: countries, capitals and other cities after "à", "en", "au"..."""
        return sorted((c for c in [*s.countries, *s.cities] if c.i in tokens and c.is_location), key=lambda c: c.i)

    def _listed_countries(self, s: Sentence, win: set[int]) -> list[str]:
        """"dans quatre pays d'Amérique latine (Chili, Pérou, Colombie et Équateur)", "dans trois pays : le Laos, le
        Cambodge et la Thaïlande": the countries listed after the word "pays" of the trip's window."""
        doc = s.doc
        for x in s.span:
            if x.i not in win or fold(x.text) != "pays":
                continue
            k = x.i + 1
            while k < s.span.end and k <= x.i + 6 and doc[k].text not in ("(", ":", ","):
                k += 1
            if k >= s.span.end or doc[k].text not in ("(", ":", ","):
                continue
            if doc[k].text == ",":
                # "dans deux pays d'Afrique francophone, le Sénégal, la Côte d'Ivoire": after a comma, only as
                # many countries as the number before "pays" says, listed one after the other
                count = self.quantities.count_before(x)
                listed = self._run_of_countries(s, k)
                if count is not None and count >= 2 and len(listed) >= count:
                    return list(dict.fromkeys(listed[:int(count)]))
                continue
            close = next((j for j in range(k + 1, s.span.end) if doc[j].text in (")", ";", ".")), s.span.end)
            listed = [c.code for c in s.countries if k < c.i < close and c.label in ("COUNTRY", "CAPITAL")]
            if len(listed) >= 2:
                return list(dict.fromkeys(listed))
        return []

    def _run_of_countries(self, s: Sentence, k: int) -> list[str]:
        """The countries named one after the other from token k on, with only commas, "et"/"and" and articles
        between them."""
        doc, out, at = s.doc, [], k + 1
        for c in sorted((c for c in s.countries if c.i > k and c.label in ("COUNTRY", "CAPITAL")), key=lambda c: c.i):
            if any(not (x.is_punct and x.text == "," or x.pos_ in ("DET", "CCONJ")) for x in doc[at:c.i]):
                break
            out.append(c.code)
            at = c.j
        return out

    def _stop_of_trip(self, s: Sentence, tok) -> list[str]:
        """"Maurice était la dernière étape du voyage de X", "Rwanda is the second leg of the President's tour": the
        place that is (copula) a stop (visit.leg_nouns) whose complement is the trip noun."""
        leg = tok.head
        if tok.dep_ != "nmod" or leg.i == tok.i or fold(leg.lemma_) not in self.leg_nouns:
            return []
        subjects = [c for c in leg.children if c.dep_.startswith("nsubj")] if any(
            c.dep_ == "cop" for c in leg.children) else [c for c in leg.head.children if c.dep_.startswith("nsubj")] \
            if leg.dep_ in ("obj", "attr") and leg.head.pos_ == "AUX" else []
        return list(dict.fromkeys(c.code for c in [*s.countries, *s.cities] for x in subjects
                                  if c.i <= x.i < c.j and c.label in ("COUNTRY", "CAPITAL", "CITY") and c.code))

    @staticmethod
    def _nationals(x) -> bool:
        """A demonym written as a plural noun ("des Canadiens", "Canadians", "les Français"): the people of a country,
        not its state or one of its leaders ("les présidents canadien et mexicain", "the Canadian side")."""
        return x.pos_ in ("NOUN", "PROPN") and x.dep_ not in ("amod", "compound", "flat", "flat:name") and (
            "Plur" in x.morph.get("Number") or x.text[-1:] in ("s", "x") and x.text[:1].isupper())

    def _visit(self, t: Trigger, other_windows: set[int]) -> list[Candidate]:
        s, tok = t.sentence, t.token
        # (not the places of a clause of its own told after it: "a écourté sa visite au Sénégal, quand des bruits de
        # bottes résonnaient en Ukraine")
        full_win = self.window(t)
        win = full_win - self._subordinate_clauses(s, tok) - self._place_described(s, tok)
        place_win = win
        if t.sub == "noun" and tok.dep_.startswith("nsubj") and tok.head.pos_ in ("VERB", "AUX") \
                and tok.head.lemma_ not in self.visit_verbs and tok.head.i > tok.i \
                and not tok.head.text[:1].isupper():  # ("Narendra" tagged as the verb: a name, not a verb)
            # a trip noun subject of its clause's verb: "se déroulera à Rabat", "will include stops in Kenya", "the tour
            # took him to Togo" tell where it goes (visit.course_verbs), not the places of a clause describing another
            # noun ("comes on the eve of a conference to be held in Tokyo"); other verbs tell something else, where
            # the trip's own words say it goes ("Son déplacement a provoqué une polémique au Chili")
            place_win = win - self._describing_clauses(s, tok) if fold(tok.head.lemma_) in self.course_verbs \
                else win & {x.i for x in tok.subtree}
        if t.sub == "stay":
            return self._stay(t)
        hosts = []
        anaphoric_host = agent_host = earlier_visit = False
        visited = self._visited_person_country(s, tok) if t.sub == "noun" else []
        locs = [c for c in self._locations(s, place_win) if not self._left_from(s, c, tok)] if not visited else []
        hosts = list(visited)
        if t.sub == "noun" and tok.dep_.startswith("nsubj") and fold(tok.head.lemma_) in self.itinerary_verbs:
            # "the tour also included Saudi Arabia and Qatar", "la tournée comprenait le Qatar": the countries the
            # trip's verb of itinerary has for object (and those listed with them) are its stops
            # (the object itself or one listed with it, not a country spoken of inside it: "included talks on Qatar")
            objects, todo = set(), [ch for ch in tok.head.children if ch.dep_ in ("obj", "dobj")]
            while todo:  # (down names and lists only: "l'Arabie saoudite et le Qatar" hangs Qatar on "saoudite")
                x = todo.pop()
                objects.add(x.i)
                todo += [y for y in x.children if y.dep_ in ("conj", "flat", "flat:name", "compound", "appos")]
            locs += [c for c in s.countries if c.label in ("COUNTRY", "CAPITAL") and s.doc[c.i:c.j].root.i in objects
                     and c not in locs and not c.is_location]
        for c in locs:
            if c.code not in hosts:
                hosts.append(c.code)
            # "Lee's trip to the United States and Japan": a country coordinated with the place is a place too
            conj = {x.i for x in s.doc[c.i:c.j].root.conjuncts}
            for o in s.countries:
                if o.label in ("COUNTRY", "CAPITAL") and o.code not in hosts and o.i < t.window_end and \
                        s.doc[o.i:o.j].root.i in conj:
                    hosts.append(o.code)
        if not hosts and t.sub == "noun":
            # "his Japan visit", "Bainimarama ends PNG state visit": a country's name compounded onto the visit noun
            # is where the visit goes (a demonym there is the traveller's: "the Indian state visit")
            hosts = list(dict.fromkeys(c.code for c in s.countries if c.label in ("COUNTRY", "CAPITAL")
                                       and _compounded_on(s.doc[c.i:c.j].root, tok)))
        if t.sub == "verb" and tok.lemma_ in self.departure_verbs and tok.lemma_ not in self.visit_verbs:
            # "left Turkey for Germany", "s'est envolé pour Paris": the trip is to the place after the destination
            # preposition, none without one ("left the room", "a quitté ses fonctions")
            def after_destination(i: int) -> bool:  # "for Germany", "for neighbouring Guyana", "pour la Chine"
                k = i - 1
                while k > tok.i and s.doc[k].pos_ in ("DET", "ADJ"):
                    k -= 1
                if k - 1 > tok.i and s.doc[k].text == "," and fold(s.doc[k - 1].text) in self.lex.country_nouns:
                    # "headed to the Central African country, Equatorial Guinea": past the noun the name is set by
                    k -= 2
                    while k > tok.i and s.doc[k].pos_ in ("DET", "ADJ", "PROPN"):
                        k -= 1
                return self._destination_ends(s, k, tok.i + 1, tok)

            places = sorted((c for c in [*s.countries, *s.cities] if tok.i < c.i < t.window_end
                             and c.label in ("COUNTRY", "CAPITAL", "CITY")), key=lambda c: c.i)
            chosen = []
            for c in places:
                # "avant de partir pour la Gambie et la Guinée": a place listed right after a destination is one too
                if after_destination(c.i) or chosen and self._joined(s.doc, chosen[-1].j - 1, c.i):
                    chosen.append(c)
            hosts = list(dict.fromkeys(c.code for c in chosen))
            if not hosts:
                return []
            _, travellers = self._travellers_of(s, tok)
            inviting = self._inviters(s)  # ("X, on an invitation of Chinese President Y, left for China": not Y's trip)
            if any(self.person_country(m) in hosts for m in travellers if m.i not in inviting):
                return []  # "President Zhaparov left for Bishkek": going home
        if t.sub == "verb" and tok.lemma_ in self.return_verbs and tok.lemma_ not in self.visit_verbs:
            hosts = list(dict.fromkeys(c.code for c in self._returned_from(s, tok)))
            doers, travellers = self._travellers_of(s, tok)
            if not hosts or any(self.person_country(m) in hosts for m in travellers):
                return []  # "returned from Paris" said of a French official: no trip abroad told
            if tok.dep_ in ("acl:relcl", "relcl"):
                # the title the relative clause follows: "its ambassador to Algeria, who returned from Algiers"
                k = min(x.i for x in tok.subtree)
                before = max((tm for tm in s.titles if tm.j <= k), key=lambda tm: tm.j, default=None)
                doers = doers | (set(range(before.i, before.j)) if before is not None and k - before.j <= 5 else set())
            if any(tm.role == "ambassador" and doers & set(range(tm.i, tm.j)) for tm in s.titles) or any(
                    "ambassador" in {m.role, *(r for r, _ in m.roles)} for m in travellers):
                return []  # "l'ambassadeur de France est rentré de Niamey": back from his post, no visit
        clause = tok if t.sub == "verb" else self.governing_verb(tok)
        antecedent = False
        if not hosts and clause is not None and clause.dep_ == "acl:relcl":
            # "Kigali, où M. Modi est arrivé le 23 juillet", "de Chine, où il avait effectué une visite
            # d'État": the place the relative clause hangs on
            hosts = [c.code for c in [*s.countries, *s.cities] if c.i <= clause.head.i < c.j
                     and c.label in ("CAPITAL", "COUNTRY", "CITY")]
            # (the place itself, not one modifying another noun: "the pavilion of Japan, which X visited")
            antecedent = bool(hosts) and clause.head.dep_ not in ("nmod", "pobj", "compound", "nmod:poss", "poss")
        if not hosts:
            hosts = self._listed_countries(s, place_win)
        placed = self._light_verb_place(tok) if t.sub == "noun" else set()
        if not hosts and t.sub == "noun":
            hosts = [c.code for c in self._locations(s, self._stay_place(tok) | placed)]
        if not hosts and t.sub == "noun":
            hosts = self._stop_of_trip(s, tok)
        if not hosts and t.sub == "noun":
            hosts = self._trip_made_to(s, tok)
        if not hosts and t.sub == "noun":
            hosts = self._place_of_travellers_visit(s, tok)
        if not hosts and t.sub == "noun":
            hosts = self._host_person_country(s, tok)
        if not hosts and t.sub == "noun":
            hosts = self._chosen_country(s, tok)
        received: list[PersonMention] = []  # the guests a reception names before a visit noun of their state
        if not hosts and t.sub == "noun":
            hosts, received = self._receiver_country(s, tok)
        if not hosts:
            hosts = self._place_of_pronoun(s, tok if t.sub == "verb" else self.governing_verb(tok))
        if not hosts and self._story_country_said(s, tok, t.window_end):
            # "une visite de deux jours dans le pays", "visit to the country": the country the story is in
            v = next((c.event for c in reversed(self._visits) if c.trigger.sentence.index <= s.index), None)
            if v is not None:
                hosts = [self._host_named_last(s, v)]
            else:  # "... on Monday in Rabat, ... marking the president's visit to the country": the place named
                hosts = list(dict.fromkeys(c.code for c in [*s.countries, *s.cities] if c.is_location))[:1]
            if not hosts:
                # "the Lao Prime Minister's two-day official visit to the kingdom": the other country of the story,
                # once the traveller's is known
                anaphoric_host = True
        relative_object = tok.dep_ == "acl:relcl" and any(
            c.dep_ in ("obj", "mark", "dobj") and ("Rel" in c.morph.get("PronType") or c.tag_ in ("WP", "WDT"))
            for c in tok.children)
        if t.sub == "verb" and tok.lemma_ in self.visit_verbs and not (relative_object and antecedent):
            # "a visité le Japon" is a visit; "a visité une exposition à Santiago" is not ("au Maroc que le président
            # a visité": the place the relative clause hangs on, found above)
            objs = [c for c in tok.children if c.dep_ == "obj"]
            place_words = self.lex.country_nouns | self.lex.place_nouns
            of_words = self.lex.facility_preps  # "de", "of"
            obj = {x.i for c in objs for x in c.subtree}
            # "a visité le Japon et la Corée"; "has visited several countries, including A, B and C"
            heads = {c.i for c in objs} | {k.i for c in objs for k in c.conjuncts}
            if any(fold(c.lemma_) in self.lex.country_nouns for c in objs):
                heads |= obj
            hosts = list(dict.fromkeys(c.code for c in s.countries if c.label in ("COUNTRY", "CAPITAL") and c.i in obj
                                       and any(c.i <= h < c.j for h in heads)
                                       # "visited the Brazilian state", "a visité le royaume chérifien"
                                       or c.label == "DEMONYM" and c.i in obj and any(
                                           h in (c.i - 1, c.j) and fold(s.doc[h].lemma_) in place_words
                                           # (not "the Brazilian state of Roraima": a state of the country)
                                           and not (h + 1 < len(s.doc) and fold(s.doc[h + 1].text) in of_words)
                                           for h in heads)))
            if not hosts and obj:
                # "was visiting Uruguay's President Tabare Vazquez": a call on a leader, in that leader's country (not
                # on an ambassador: "visited Chinese Ambassador X" in London)
                hosts = [c for m in self.persons_in(s, obj) for c in [self.person_country(m)] if c and (
                    {m.role, *(r for r, _ in m.roles)} & set(LEADER_TITLE_ROLES))][:1]
        if not hosts and t.sub == "noun" and any(
                fold(c.text) in ("sa", "son", "leur") or c.dep_ == "nmod:poss" and "Yes" in c.morph.get("Poss")
                for c in tok.children if c.dep_ in ("det", "nmod:poss")):
            # "le chef de l'État français avait entamé sa visite jeudi à Jaipur": the visit under way
            subj0 = self.subject_tokens(self.governing_verb(tok))
            sides = [self.person_country(m) for m in self.persons_in(s, subj0) if self.person_country(m)]
            sides += [c.code for c in s.countries if c.i in subj0]
            host = self._current_host(s, sides[0]) if sides else None
            if host and self._visit_guest(s, host) == sides[0]:
                hosts = [host]
            elif sides and host is None and self._in_circumstance(tok):
                # "X has signed MOUs with Angola during his current state visit": the with-party of the sentence
                withs = [c.code for c in s.countries if not c.is_location and c.code != sides[0] and c.i > 0
                         and fold(s.doc[c.i - 1].text) in self.with_words]
                hosts = withs[:1] if len(set(withs)) == 1 else []
        if not hosts and t.sub == "noun" and (back := self.governing_verb(tok)) is not None \
                and fold(back.lemma_) in self.back_verbs:
            # "est retourné à Rabat après un bref séjour en août 2024": the earlier stay was where the traveller went
            # back
            hosts = [c.event.host for c in self._visits if c.trigger.sentence is s and c.trigger.token.i == back.i
                     and c.event.host][:1]
        if not hosts and t.sub == "noun" and any(
                fold(c.text) in self.return_visit_words for c in tok.children if c.dep_ in ("amod", "compound", "nmod")) \
                and not self._announced(s):
            # "a reciprocal visit by the Indian prime minister", "une visite retour": to the other country of the story
            anaphoric_host = True
        if not hosts and t.sub == "noun" and any(
                fold(c.text) in self.earlier_visit_markers for c in tok.children if c.dep_ == "amod") and not any(
                fold(x.text) in self.abroad_words for x in s.doc[max(s.span.start, tok.i - 3):min(s.span.end, tok.i + 8)]) \
                and not any(fold(x.text) in self.lex.location_preps for x in s.doc[tok.i + 1:min(s.span.end, tok.i + 3)]) \
                and any(d.date_start < (self.ctx.document.date or "0000")[:len(d.date_start)] and not d.since
                        for d in s.dates) \
                and not self._announced(s):
            # "La précédente visite d'un chef d'État luxembourgeois remonte à avril 1999", "the previous visit by a
            # Kenyan head of state dates back to 2006": to the other country of the story, whether the traveller is
            # named or not, when the sentence dates it before the article (not "his last foreign visit", "sa
            # précédente visite sur le continent africain": a place the words give, or none at all)
            anaphoric_host = earlier_visit = True
        if not hosts and t.sub == "noun" and any(fold(x.text) in self.here_words and not any(
                y.is_punct and y.text != "-" for y in s.doc[x.i:tok.i]) for x in s.doc[max(s.span.start, tok.i - 8):tok.i]):
            # "Uzbek President X, who is here on a two-day visit": where the story is told, the other country of it
            anaphoric_host = True
        if not hosts and t.sub == "noun" and not anaphoric_host and (self._in_circumstance(tok) or any(
                c.dep_ == "case" and fold(c.text) in self.modality.circumstance_preps for c in tok.children)) and any(
                any(fold(k.text) in self.agent_words for k in c.children if k.dep_ == "case")
                and any(m.sentence is s and c.left_edge.i <= m.i <= c.right_edge.i for m in self.mentions)
                for c in tok.children if c.i > tok.i):
            # "The agreement was reached during a three-day visit by Singaporean Prime Minister X": the traveller named
            # after "by", no host, in a clause setting the news: the other country of the story (a traveller of one
            # of its two countries: not "Egypt and Sudan signed ... during a visit by US Secretary of State X")
            anaphoric_host = agent_host = True
        attributive = self._attributive_visitor(s, tok) if t.sub == "verb" and not locs else None
        if attributive is not None:
            # "Visiting Bhutanese King X witnessed the signing", "the visiting Prime Minister": a traveller in the
            # country the story is told from, its other country (not one of a person the parser made the object)
            hosts, anaphoric_host = [], True
        genitive_host = False
        if not hosts and t.sub == "noun" and not anaphoric_host and self._genitive_traveller(s, tok):
            # "La visite d'État du président chinois, X, accueilli par son homologue américain, a porté ses fruits":
            # the traveller named as the trip noun's complement, no host named: the trip under way, else one to the
            # other country of the story (a traveller of one of its two countries)
            anaphoric_host = agent_host = genitive_host = True
        if not hosts and not anaphoric_host:
            return []
        verb = self.governing_verb(tok)
        subj = self.subject_tokens(verb)
        if t.sub == "noun" and verb is not None and verb.lemma_ in self.light_verbs and tok.i in subj and any(
                c.dep_ in ("obl:agent", "agent") for c in verb.children):
            # "Une visite de travail a été effectuée à Alger par le président X", "a visit was paid by X": the trip
            # noun is the passive's subject, the traveller its agent
            subj = {x.i for c in verb.children if c.dep_ in ("obl:agent", "agent") for x in c.subtree}
        # ("talks were held during his visit": the subject of a light verb is no traveller of a visit framing it)
        # ("a move which concludes Mr Chen's visit": the named possessor of the trip noun is its traveller)
        named_possessor = t.sub == "noun" and any(c.dep_ in ("nmod:poss", "poss") and c.pos_ == "PROPN"
                                                  for c in tok.children)
        visitor_subject = attributive is None and (t.sub == "verb" or (
            verb is not None and verb.lemma_ in self.light_verbs and not self._in_circumstance(tok)
            and not named_possessor) or (
            # "il était en visite officielle au Venezuela", "he was on a visit to": the subject of the copula (not
            # "C'est la première visite effectuée à Djibouti par ce dernier", "This is the first visit": no traveller)
            verb is tok and any(c.dep_ == "cop" for c in tok.children) and any(
                c.dep_.startswith("nsubj") and (c.pos_ != "PRON" or self._personal_pronoun(c)) for c in tok.children)))
        if visitor_subject and not subj and t.sub == "verb" and (
                {"Ger", "Inf"} & set(tok.morph.get("VerbForm")) or tok.tag_ == "VBG"):
            # "arrived in Botswana, the last stop of his tour, after visiting Angola", "après avoir visité l'Angola":
            # a verb with no subject of its own travels with the subject of the clause it hangs in
            above = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and self.subject_tokens(a)), None)
            subj = self.subject_tokens(above) if above is not None else subj
        if visitor_subject and not subj and verb is not None and tok.lemma_ in self.visit_verbs:
            # no subject in the parse ("près de 520 000 touristes japonais avaient visité"): the words of
            # the clause before the verb stand for it
            k = verb.i - 1
            while k > s.span.start and s.doc[k].text not in (",", ";", ":"):
                k -= 1
            subj = set(range(k, verb.i))
        if visitor_subject and subj and not self.persons_in(s, subj) and not any(
                fold(s.doc[i].lemma_) in self.group_nouns or s.doc[i].pos_ == "PROPN" for i in subj) \
                and not any(c.i in subj for c in s.countries if c.label in ("COUNTRY", "CAPITAL")) \
                and not any(ti.i in subj for ti in s.titles) \
                and not any(self._personal_pronoun(s.doc[i]) for i in subj):
            # (a personal pronoun, "he has paid state visits to ...", is the person named before)
            return []  # "520 000 touristes japonais ont visité l'Indonésie": not a diplomatic visit
        doers = subj | ({verb.head.i} if visitor_subject and verb is not None and verb.dep_ == "acl" else set())
        if visitor_subject and any(
                x.pos_ != "ADJ" and any(c.i <= x.i < c.j for c in s.countries if c.label == "DEMONYM") and any(
                    (ch.dep_ == "nummod" or ch.like_num) and fold(ch.text) not in ("1", "un", "une", "one")
                    for ch in x.children) for x in (s.doc[i] for i in doers)):  # (not "le numéro 1 béninois")
            return []  # "over 200,000 Thais travelling to Viet Nam": a number of nationals, not a state's visit
        if visitor_subject and not self.persons_in(s, doers) and not any(ti.i in doers for ti in s.titles) and any(
                self._nationals(s.doc[c.i:c.j].root) for c in s.countries if c.label == "DEMONYM" and c.i in doers):
            return []  # "le nombre croissant de Canadiens qui visitent la Jamaïque": nationals, not their state
        # the inviters ("À l'invitation du président X") and the hosts of the other legs of the trip
        # are on the receiving side
        inviting = self._inviters(s)
        trip_hosts = set(hosts)
        people = [m for m in self.persons_in(s, win | subj) if m.i not in inviting]
        # "Après s'être rendu en Allemagne pour y rencontrer la chancelière X, le Premier ministre Y est en visite
        # en France": the people of an opening clause about another leg are not the traveller
        leg = set(self._leg_clause(s))
        in_leg = tok.i in leg
        if in_leg:
            leg = set()  # "After the Nigerian delegation arrived in Accra, ...": the clause tells this trip
        guests = [m for m in people if self.person_country(m) not in trip_hosts]
        guests = [m for m in guests if m.i not in leg] or guests
        if not guests and received:
            guests = received
        if attributive is not None:
            guests = [attributive]
        if not guests:
            left = set(range(s.span.start, tok.i)) - other_windows - inviting
            guests = [m for m in self.persons_in(s, left) if self.person_country(m) not in trip_hosts]
        if leg and all(m.i in leg for m in guests):
            # the clause's trigger claims the words after it: the traveller is named between the clause and ours
            after = [m for m in self.persons_in(s, set(range(max(leg) + 1, tok.i)) - inviting)
                     if self.person_country(m) not in trip_hosts]
            guests = after or guests
        gcountries = [self.person_country(m) for m in guests if self.person_country(m)]
        # the most named country, the first named on a tie (not a set's order, which changes from run to run)
        guest = max(dict.fromkeys(gcountries), key=gcountries.count) if gcountries else None
        if guest is None and guests and len(hosts) == 1:
            # "Sa Majesté le Roi Mohammed VI est arrivé à Dakar": the traveller comes from the article's
            # other main country
            guest = self.ctx.other_main_country(hosts[0])
            if guest is not None:
                for m in guests:
                    if m.entity is not None and m.entity.country is None:
                        m.entity.country, m.entity.country_source = guest, "visit"
        owner = next((m for c in tok.children if c.dep_ == "nmod:poss" for m in self.mentions
                      if m.sentence is s and m.i <= c.i < m.j and self.person_country(m)), None) \
            if t.sub == "noun" else None
        if guest is None and owner is not None and self.person_country(owner) not in trip_hosts:
            guest, guests = self.person_country(owner), [owner]  # "President Buhari's two-day visit"
        pronoun_subject = (t.sub != "noun" or visitor_subject) and (subj and all(
            self._personal_pronoun(s.doc[i]) for i in subj) or not subj and any(
            # (within the clause, past its auxiliaries and adverbs: "Il s'est auparavant rendu aux ...")
            fold(x.text) in self.personal_pronouns and not any(y.is_punct for y in s.doc[x.i:tok.i])
            for x in s.doc[max(s.span.start, tok.i - 5):tok.i]))
        if guest is None and (pronoun_subject or t.sub == "noun" and any(
                c.dep_ in ("det", "nmod:poss") and "Yes" in c.morph.get("Poss") for c in tok.children)
                or t.sub == "noun" and (self._latter_traveller(tok) or self._carried_pronoun(tok))):
            # "his visit to Tehran", "sa visite à Pékin", "le soir, il se rend à Paris": the traveller is the
            # person the text names last
            named = [m for m in self.mentions if (m.sentence.index < s.index or m.sentence is s and m.i < tok.i)
                     and self.person_country(m) and self.person_country(m) not in trip_hosts]
            if named:
                # the subject of a clause before ("X a rencontré Y. Le soir, il se rend ..." is X's trip), else
                # the person named last
                # (not one named beside a pronoun, "Hugo Chavez et lui ont inauguré": the pronoun is the one told of)
                subjects = [m for m in named if is_subject(m, through_apposition=True)
                            and not self._beside_pronoun(m)]
                last = max(subjects or named, key=lambda m: (m.sentence.index, m.i))
                guest = self.person_country(last)
                guests = guests or [last]
        if guest is None and visitor_subject and subj and all(s.doc[i].pos_ == "PRON" for i in subj):
            return []  # "He heads to New York next ... G77+China": a pronoun no one named before stands for
        # "l'arrivée des chefs d'État congolais et ougandais à Arusha": a trip for each demonym the trip noun's
        # complement lists, whoever else the clause names
        listed = [c for c in s.countries if c.label == "DEMONYM" and c.code not in trip_hosts and not c.is_location
                  and c.i in _complement_tokens(tok)] if t.sub == "noun" else []
        for n in range(1, len(listed)):
            if not self._joined(s.doc, listed[n - 1].j - 1, listed[n].i):
                listed = listed[:n]
                break
        listed_guests = [c.code for c in listed] if len({c.code for c in listed}) > 1 else []
        if listed_guests:
            guest = listed_guests[0]
        if guest is None:
            dem = [c for c in s.countries if c.label in ("DEMONYM", "COUNTRY") and c.code not in trip_hosts
                   and not c.is_location and c.i not in inviting and not self._origin(s, c, legs=not in_leg)
                   and c.i not in leg]
            in_subject = [c for c in dem if c.i in subj]
            # "Pour cette première visite d'un dirigeant indien dans le pays, les autorités béninoises ...": the
            # visit noun's own complement names the traveller before the subject of the clause it sits in
            own = [c for c in dem if c.i in _complement_tokens(tok)] if t.sub == "noun" else []
            if own:
                guest = own[0].code
            elif in_subject:
                guest = in_subject[0].code  # "le président cubain ... est arrivé": the subject's country
            elif dem:
                guest = min(dem, key=lambda c: abs(c.i - tok.i)).code
        if guest is None and self.ctx.focal and self.ctx.focal not in trip_hosts and not any(
                c.code == self.ctx.focal and self._origin(s, c, legs=not in_leg)
                for c in s.countries):
            guest = self.ctx.focal  # (not a country the sentence names as another leg: "Après la France, ...")
        if guest is None:
            return []
        if not hosts:
            # only for a traveller the sentence names ("the Lao Prime Minister X's visit to the kingdom")
            named = [m for m in guests if self.person_country(m) == guest]
            top = self.top_countries()[:2]
            if (agent_host or earlier_visit) and guest not in top:
                return []  # (a traveller of the story's two countries only: not a third country's minister)
            if genitive_host:
                # "Le voyage du président X coïncide avec des tensions avec les États-Unis": the trip told before,
                # not a country the sentence speaks of; none when the traveller went to several ("le voyage du
                # secrétaire général a renouvelé les relations avec ces pays": a tour)
                before = {c.event.host for c in self._visits if c.event.guest == guest and c.event.status == "happened"
                          and c.trigger.sentence.index <= s.index}
                if len(before) > 1:
                    return []
                hosts = list(before) or [c for c in [self.ctx.other_main_country(guest)] if c]
            else:
                hosts = [c for c in self.ctx.pair_for(s, [guest]) if c != guest][:1] if named or earlier_visit else []
            if not hosts and named and guest in top:
                hosts = [c for c in top if c != guest]  # a lead naming no other country: the story's other one
            if not hosts:
                return []
        kind = self._visit_kind(t)
        if kind == "unspecified" and t.sub == "verb":
            nxt = next((o for o in getattr(s, "_triggers", []) if o.type == "visit" and o.sub == "noun"
                        and 0 < o.token.i - tok.i <= 8), None)
            if nxt is not None:
                kind = self._visit_kind(nxt)  # "arrivé lundi ... pour une visite officielle"
        out = []
        cities = {}
        for c in sorted(self._locations(s, full_win | placed), key=lambda c: c.text in self.lex.seats):
            if c.label in ("CAPITAL", "CITY"):
                cities.setdefault(c.code, c.text)  # "au palais de l'Élysée, à Paris": the city, then the seat
        to_come = self._hosts_to_come(t, [c for c in [*s.countries, *s.cities] if c.code in hosts and c.i >= tok.i])
        for g, h in ((g, h) for g in dict.fromkeys([guest, *listed_guests]) for h in hosts):
            if h == g:
                continue
            e = Event(doc=None, type="visit", countries=[g, h], guest=g, host=h, visit_kind=kind)
            if h in cities:
                e.location = {"country": h, "city": cities[h]}
            # (a previous visit "by a Kenyan head of state" is no visit of the one in office now)
            out.append(Candidate(t, e, [m for m in guests if self.person_country(m) in (g, None)
                                        and not (earlier_visit and m.title_only)], leg_to_come=h in to_come))
        self._visits.extend(out)
        return out

    def _beside_pronoun(self, m: PersonMention) -> bool:
        """"Hugo Chavez, le président vénézuélien, et lui ont inauguré": a name joined to a stressed pronoun before
        their verb (persons.yaml coordinated_pronouns), however the parser hangs the pronoun."""
        doc, end = m.sentence.doc, m.sentence.span.end
        for k in range(m.j, min(m.j + 8, end - 1)):
            if doc[k].pos_ in ("VERB", "AUX"):
                return False
            if doc[k].pos_ == "CCONJ" and fold(doc[k + 1].text) in self.coordinated_pronouns:
                return True
        return False

    def _carried_pronoun(self, tok) -> bool:
        """"an Asian tour that earlier took him to Indonesia", "la tournée l'a conduit en Zambie": a trip noun whose
        verb of carrying (triggers.yaml visit.carrying_verbs) has a personal pronoun for object: the traveller is the
        person that pronoun stands for."""
        verbs = [c for c in tok.children if c.dep_ in ("acl:relcl", "relcl")]
        if tok.dep_.startswith("nsubj") and tok.head.pos_ in ("VERB", "AUX"):
            verbs.append(tok.head)
        return any(fold(v.lemma_) in self.carrying_verbs and any(
            o.dep_ in ("obj", "dobj") and self._personal_pronoun(o) for o in v.children) for v in verbs)

    def _personal_pronoun(self, tok) -> bool:
        """"il", "he": the tagger does not always mark a subject pronoun as personal ("Il a atterri ..."), so the
        words of persons.yaml personal_pronouns count too."""
        return tok.pos_ == "PRON" and ("Prs" in tok.morph.get("PronType") or fold(tok.text) in self.personal_pronouns)

    def _hosts_to_come(self, t: Trigger, places) -> set[str]:
        """"une tournée (dans la région) qui le conduira au Tchad puis en Tunisie", "a tour that will take him to
        Chad": places of a trip whose own verb, after the trip noun, opens with a relative pronoun and is in the
        future or the conditional ("la visite, qui devrait renforcer les liens, l'a conduit au Tchad": not so)."""
        if t.sub != "noun":
            return set()
        out = set()
        for c in places:
            verb = t.sentence.doc[c.i:c.j].root
            while verb.head.i != verb.i and (verb.pos_ not in ("VERB", "AUX") or verb.i == c.i):
                verb = verb.head
            # (a relative of the trip's course, not of what is done during it: "au cours de laquelle il parlera")
            if verb.i <= t.token.i or verb.pos_ not in ("VERB", "AUX") or not any(
                    "Rel" in x.morph.get("PronType") and x.i < verb.i and not _relative_after_preposition(x)
                    for x in verb.children):
                continue
            forms = [verb, *(x for x in verb.children if x.dep_.startswith("aux"))]
            if any("Fut" in x.morph.get("Tense") or "Cnd" in x.morph.get("Mood")
                   or fold(x.lemma_) in self.modality.future_auxiliaries for x in forms):
                out.add(c.code)
        return out

    def _not_diplomatic_after(self, s: Sentence, tok) -> bool:
        after = " " + " ".join(fold(x.text) for x in s.doc[tok.i + 1:min(tok.i + 4, s.span.end)]) + " "
        return any(f" {w} " in after for w in self.not_diplomatic)

    def _visited_person_country(self, s: Sentence, tok) -> list[str]:
        """"a rendu visite au Premier ministre barbadien X", "le Premier ministre X, à qui Harper a rendu visite": a
        light verb whose bare visit noun takes a person (triggers.yaml visit.person_visit_verbs) goes to that person's
        country, whatever place the sentence names for another leg ("avant d'arriver en Haïti")."""
        verb = tok.head
        preps = self.person_visit_verbs.get(fold(verb.lemma_), set())
        if not preps or verb.i > tok.i or any(c.dep_ == "det" for c in tok.children):
            return []
        doc, end = s.doc, s.span.end
        if tok.i + 1 < end and fold(doc[tok.i + 1].text) in preps:
            near = set(range(tok.i + 2, min(tok.i + 10, end)))
            people = sorted(self.persons_in(s, near), key=lambda m: m.i)
        else:
            # the relative clause of the person: "X, à qui Y a rendu visite"
            rel = next((x for x in doc[max(s.span.start + 1, verb.i - 8):verb.i] if "Rel" in x.morph.get("PronType")
                        and fold(doc[x.i - 1].text) in preps), None)
            people = [m for m in self.mentions if m.sentence is s and rel is not None and m.j <= rel.i - 1
                      and rel.i - 1 - m.j <= 1][-1:]
        return [c for m in people[:1] for c in [self.person_country(m)] if c]

    def _host_person_country(self, s: Sentence, tok) -> list[str]:
        """"en visite chez le président argentin Alberto Fernández", "en visite chez son homologue ivoirien": a
        visit whose host is named by a person after a preposition of the host (not a place): that person's
        country."""
        end = s.span.end
        for k in range(tok.i + 1, min(tok.i + 4, end)):
            if fold(s.doc[k].text) not in self.host_preps:
                continue
            near = set(range(k + 1, min(k + 8, end)))
            for m in sorted(self.persons_in(s, near), key=lambda m: m.i):
                country = self.person_country(m)
                if country:
                    return [country]
            # "chez son homologue ivoirien", "chez le président argentin": the demonym of an office, not of any
            # noun ("chez les soldats français")
            offices = {i for tm in s.titles if tm.i in near for i in range(tm.i, tm.j + 1)} | {
                x.i + 1 for x in s.doc[k + 1:min(k + 8, end)] if fold(x.text) in self.counterpart_nouns}
            return [c.code for c in s.countries if c.i in offices and c.label == "DEMONYM"][:1]
        return []

    def _latter_traveller(self, tok) -> bool:
        """Whether a trip noun's complement is a word standing for the person named last ("la visite officielle d'un
        jour de ce dernier au Cambodge", "the latter's visit"): a complement of the noun or of one of its
        complements."""
        for c in _near_complements(tok, ("nmod", "poss")):
            said = " ".join(words(" ".join(x.text for x in c.subtree if x.dep_ != "case")))
            if said in self.latter_words:
                return True
        return False

    def _attributive_visitor(self, s: Sentence, tok) -> PersonMention | None:
        """"Visiting Bhutanese King X", "the visiting Prime Minister X": a participle of visiting used as an adjective
        (visit.visiting_words) opening its noun phrase, and the person its words name right after it (however the
        parser reads it: English parsers make "Visiting" a gerund whose object is the person)."""
        if fold(tok.text) not in self.visiting_words or not (self._opens_phrase(s, tok) or tok.i in self._guest_words):
            return None
        m = min((m for m in self.mentions if m.sentence is s and tok.i < m.i <= tok.i + 8), key=lambda m: m.i,
                default=None)
        if m is None or not all(x.pos_ in ("ADJ", "PROPN", "NOUN") for x in s.doc[tok.i + 1:m.i]):
            return None
        return m

    def _trip_made_to(self, s: Sentence, tok) -> list[str]:
        """"a effectué le déplacement de Ouagadougou", "fait le voyage de Pékin": a trip noun, the object of a light
        verb, whose complement right after a link word (visit.made_trip_links) is a country or capital goes there."""
        verb = self.governing_verb(tok)
        k = tok.i + 1
        if verb is None or verb.lemma_ not in self.light_verbs or tok.dep_ != "obj" or k >= s.span.end \
                or fold(s.doc[k].text).rstrip("'") not in self.made_trip_links:
            return []
        return [c.code for c in s.countries if c.i == k + 1 and c.label in ("CAPITAL", "COUNTRY")][:1]

    @staticmethod
    def _opens_phrase(s: Sentence, tok) -> bool:
        """Whether ``tok`` opens the sentence or a noun phrase ("Visiting King X ...", "the visiting President")."""
        return tok.i == s.span.start or s.doc[tok.i - 1].pos_ == "DET"

    def _genitive_traveller(self, s: Sentence, tok) -> bool:
        """Whether a trip noun's complement names its traveller ("la visite d'État du président chinois, X", "the
        visit of President X"): a complement of the noun, or of a complement of it, opened by a genitive word, with a
        named person of known country in it or apposed right after it (the parser may hang the name on the verb; not
        a title alone, "une visite secrète du président burkinabè": a trip whose destination nobody says)."""
        for c in _near_complements(tok, ("nmod",)):
            if c.i < tok.i or not any(fold(k.text) in self.genitive_agent_words for k in c.children if k.dep_ == "case"):
                continue
            edge = c.right_edge.i
            if any(m.sentence is s and c.left_edge.i <= m.i <= edge + 2 and self.person_country(m) and not m.title_only
                   and not any(x.pos_ in ("VERB", "AUX") for x in s.doc[tok.i:m.i]) for m in self.mentions):
                return True
            if any(fold(x.text) in self.host_nouns for x in s.span) and any(
                    c.left_edge.i <= d.i <= edge and d.label == "DEMONYM" and not d.is_location for d in s.countries):
                return True  # "X and his Kenyan host, ..., at the conclusion of a state visit of the Ghanaian leader"
        return False

    def _announced(self, s: Sentence) -> bool:
        """The sentence tells something to come ("a return visit is expected", "une visite retour est prévue")."""
        planned = self.modality.planned_mods
        return any(fold(x.text) in planned or fold(x.lemma_) in planned or fold(x.lemma_) in self.expected_words
                   for x in s.span)

    def _receiver_country(self, s: Sentence, tok) -> tuple[list[str], list[PersonMention]]:
        """"X a reçu ... le ministre japonais de la Défense, M. Y, en visite officielle (dans la région)", "received
        ... Y, on an official visit": a visit noun telling a guest's state, after a reception told before it in
        the sentence, is to the country of the one who received the guest (the subject of that verb)."""
        received = self._visit_received(s, tok)
        if received[0]:
            return received
        received = self._reception_on_visit(s, tok)
        if received[0]:
            return received
        k = tok.i - 1
        while k > s.span.start and s.doc[k].pos_ in ("DET", "ADJ"):
            k -= 1
        comma = k - 1
        while comma > s.span.start and s.doc[comma].pos_ == "ADV":  # "Y, actuellement en visite dans le Royaume"
            comma -= 1
        if fold(s.doc[k].text) not in self.state_preps or k == 0 or s.doc[comma].text != ",":
            return self._passive_receiver_country(s, tok)
        places = {c.code for c in [*s.countries, *s.cities] if c.is_location}
        for o in getattr(s, "_triggers", []):
            if o.type != "meeting" or o.sub != "verb" or o.token.i >= tok.i:
                continue
            subj = self.subject_tokens(o.token)
            codes = [self.person_country(m) for m in self.persons_in(s, subj) if self.person_country(m)]
            codes += [c.code for c in s.countries if c.i in subj and not c.is_location]
            guests = [m for m in self.persons_in(s, set(range(o.token.i + 1, tok.i)))
                      if self.person_country(m) and self.person_country(m) not in codes[:1]]
            if codes and guests and not places - {codes[0]}:
                # (not a receiver told to be elsewhere: "X, qui séjourne à Paris, a reçu Y, en visite de travail")
                return codes[:1], guests
        return self._passive_receiver_country(s, tok)

    def _reception_on_visit(self, s: Sentence, tok) -> tuple[list[str], list[PersonMention]]:
        """"X a accueilli son homologue koweïtien à l'occasion d'une visite officielle", "received his counterpart Y
        during an official visit": a visit noun in a phrase of circumstance of a verb of receiving is the trip of
        the one received (its object) to the country of the one receiving (its subject)."""
        before = fold(s.doc[max(s.span.start, tok.i - 6):tok.i].text)
        if not any(f" {p} " in f" {before} " or f" {p} d" in f" {before}" for p in self.modality.circumstance_preps):
            return [], []
        verb = self.governing_verb(tok)
        if verb is None or fold(verb.lemma_) not in self.reception_verbs or not any(
                o.type == "meeting" and o.token.i == verb.i for o in getattr(s, "_triggers", [])):
            return [], []
        if passive_voice(verb):
            return [], []  # "X a été reçu par le président du Mozambique dans le cadre de sa visite": X is the guest
        subj = self.subject_tokens(verb)
        codes = [self.person_country(m) for m in self.persons_in(s, subj) if self.person_country(m)]
        codes += [c.code for c in s.countries if c.i in subj and not c.is_location]
        # (those named between the verb and the phrase: the parser may hang an apposed name elsewhere)
        objs = {x.i for c in verb.children if c.dep_ in ("obj", "dobj") for x in c.subtree} | set(range(verb.i + 1, tok.i))
        guests = [m for m in self.persons_in(s, objs - subj) if self.person_country(m) not in (None, *codes[:1])]
        return (codes[:1], guests) if codes and guests else ([], [])

    def _visit_received(self, s: Sentence, tok) -> tuple[list[str], list[PersonMention]]:
        """"X a reçu jeudi la visite du président gambien Y", "X received the visit of the president of Paraguay, Y": a
        visit noun that is the object of a verb of talks is to the country of that verb's subject; its guests are the
        people of another country its complement names."""
        verb = tok.head
        if tok.dep_ != "obj" or verb.i == tok.i or not any(
                o.type == "meeting" and o.sub == "verb" and o.token.i == verb.i for o in getattr(s, "_triggers", [])):
            return [], []
        subj = self.subject_tokens(verb)
        codes = [self.person_country(m) for m in self.persons_in(s, subj) if self.person_country(m)]
        guests = [m for m in self.persons_in(s, _complement_tokens(tok)) if self.person_country(m) not in (None, *codes[:1])]
        return (codes[:1], guests) if codes and guests else ([], [])

    def _passive_receiver_country(self, s: Sentence, tok) -> tuple[list[str], list[PersonMention]]:
        """"President X, who arrived at the Royal Palace for an official visit, was received by Sultan Y": a visit
        noun told of the subject of a passive reception is to the country of the one by whom it was received."""
        if any(c.is_location and c.label in ("COUNTRY", "CAPITAL", "CITY") for c in [*s.countries, *s.cities]):
            return [], []  # (a place named is the visit's own business, not the reception's)
        for o in getattr(s, "_triggers", []):
            if o.type != "meeting" or o.sub != "verb" or o.token.i <= tok.i:
                continue
            subject = {x.i for c in o.token.children if c.dep_ in ("nsubj:pass", "nsubjpass") for x in c.subtree}
            at = self._passive_agent(s, o.token)
            if tok.i not in subject or at is None:
                continue
            # (a state's office holder, not an international one's: "received by NATO Secretary General X")
            receivers = [m for m in self.mentions if m.sentence is s and at <= m.j - 1 and m.i <= at + 3
                         and self.person_country(m) and m.role in STATE_OFFICES and not any(
                             org.i <= at + 3 and org.j >= at - 1 for org in s.orgs)]
            guests = [m for m in self.persons_in(s, subject) if self.person_country(m)]
            if receivers and guests and self.person_country(receivers[0]) not in {self.person_country(m) for m in guests}:
                return [self.person_country(receivers[0])], guests
        return [], []

    def _place_of_travellers_visit(self, s: Sentence, tok) -> list[str]:
        """"The agreements were signed in Harare, Zimbabwe, during President Hichilema's working visit": a
        visit noun naming its traveller but no place took place where the sentence's clause did, in a
        country other than the traveller's."""
        inside = {x.i for x in tok.subtree}
        travellers = [m for m in self.mentions if m.sentence is s and m.i in inside and self.person_country(m)]
        if not travellers:
            return []
        own = {self.person_country(m) for m in travellers}
        places = [c for c in [*s.countries, *s.cities] if c.is_location and c.i not in inside
                  and c.label in ("COUNTRY", "CAPITAL", "CITY") and c.code not in own]
        return list(dict.fromkeys(c.code for c in places))[:1]

    def _stay(self, t: Trigger) -> list[Candidate]:
        """"Le Président russe est à Pékin": a person of one country, the subject of a verb of presence in the
        present (or a compound past) with a foreign country or capital right after it, is visiting there."""
        s, tok = t.sentence, t.token
        # (further when the noun hangs on the verb itself: "who is in the United Arab Emirates on a working visit")
        noun = next((o for o in getattr(s, "_triggers", []) if o.type == "visit" and o.sub == "noun"
                     and (0 < o.token.i - tok.i <= 8 or 0 < o.token.i - tok.i <= 12 and o.token.head.i == tok.i)), None)
        own_noun = noun is not None and _in_clause_of(noun.token, tok.head if tok.dep_ == "cop" else tok)
        dated_past = "Imp" in tok.morph.get("Tense") and self._dated_stay(s, tok)
        if "Cnd" in tok.morph.get("Mood") or "Imp" in tok.morph.get("Tense") and not own_noun and not dated_past:
            # "il était à Pékin quand ...": a circumstance, not the story's visit ("était à Dakar dans le cadre d'une
            # tournée": the trip its own visit noun names; not "était à Pékin lorsque la visite de X a été annulée")
            return []
        place = next((c for c in s.countries if tok.i + 1 <= c.i <= tok.i + 4 and c.is_location
                      and c.label in ("COUNTRY", "CAPITAL")), None)
        if place is None:
            return []
        k = tok.i - 1
        while k > s.span.start and not (s.doc[k].is_punct and s.doc[k].text not in ("-", "'", "’")):
            k -= 1
        clause = set(range(k, tok.i))
        pred = tok.head if tok.dep_ == "cop" else tok  # "qui est à Moscou en visite": the place is the predicate
        own_noun_of_place = noun is not None and (noun.token.head.i in (tok.i, pred.i) or pred.i < noun.token.i and all(
            x.pos_ in ("ADP", "DET") for x in s.doc[pred.i + 1:noun.token.i]))
        if pred.dep_ == "acl:relcl" and own_noun_of_place and any(
                "Rel" in s.doc[i].morph.get("PronType") or s.doc[i].tag_ in ("WP", "WDT") for i in clause):
            # "Ilham Aliyev, who was in Tashkent on a state visit": the one the clause tells of (English tags its
            # relative pronouns only; a stay with no visit noun, "qui séjourne à Paris", is no visit)
            # (the mention the parse hangs the clause on, or the one right before its comma: "Presidents X and Y, who")
            clause |= {x for m in self.mentions if m.sentence is s and (m.i <= pred.head.i < m.j or m.j == k)
                       for x in range(m.i, m.j)}
        people = [m for m in self.persons_in(s, clause) if self.person_country(m) not in (None, place.code)]
        if not people and any(self._personal_pronoun(c) for c in pred.children if c.dep_.startswith("nsubj")):
            # "Auparavant, elle avait séjourné au Liberia": the traveller of the trip told before, elsewhere
            before = next((c for c in reversed(self._visits) if c.trigger.sentence.index <= s.index
                           and c.event.status == "happened" and c.mentions and c.event.host != place.code), None)
            people = [m for m in before.mentions if self.person_country(m) not in (None, place.code)] if before else []
        if not people:
            return []
        guest = self.person_country(people[0])
        e = Event(doc=None, type="visit", countries=[guest, place.code], guest=guest, host=place.code,
                  visit_kind=self._visit_kind(noun) if noun is not None else "unspecified")
        if place.label == "CAPITAL":
            e.location = {"country": place.code, "city": place.text}
        c = Candidate(t, e, [m for m in people if self.person_country(m) == guest])
        self._visits.append(c)
        return [c]

    def _dated_stay(self, s: Sentence, tok) -> bool:
        """"Le président ivoirien était déjà à Lomé en juillet dernier": a stay told in the imperfect with a past
        date of its own and no clause of time of another event ("quand", "lorsque") is a visit made then."""
        if any(x.pos_ == "SCONJ" or fold(x.text) in self.modality.time_relatives for x in s.doc[tok.i:s.span.end]):
            return False
        today = self.ctx.document.date or ""
        return any(d.date_start and (not today or d.date_start < today) and not d.since and not d.deadline
                   for d in self.dates_in(s, set(range(tok.i, s.span.end))))

    def _stay_place(self, tok) -> set[int]:
        """"X est à Pékin pour une visite d'État", "se trouve à Hanoï pour une visite": a visit noun giving
        the purpose ("pour") of a stay names no place itself; the place is the clause's own — the
        predicate of "être à" or a locative complement of the verb."""
        if not any(c.dep_ == "case" and fold(c.text) in self.purpose_prepositions for c in tok.children):
            return set()
        head = tok.head
        if head.i != tok.i and any(c.dep_ == "cop" for c in head.children):
            return {head.i}
        if head.i != tok.i and head.pos_ in ("VERB", "AUX"):
            return {x.i for c in head.children if c.dep_ in ("obl", "obl:arg", "obl:mod") and c.i != tok.i
                    for x in c.subtree}
        # a parse that makes no clause of it: the words of the clause before "pour", when they hold a verb
        # of presence ("est à Séoul pour une visite")
        doc, k, clause = tok.doc, tok.i - 1, []
        while k >= 0 and not doc[k].is_punct and not doc[k].is_sent_start:
            clause.append(k)
            k -= 1
        return set(clause) if any(doc[x].lemma_ in self.stay_verbs for x in clause) else set()

    def _coordinated_subject_states(self, s: Sentence, verb) -> list[str]:
        """The countries named as the verb's subject and its conjuncts ("Israel and Bahrain signed"), not those of an
        apposition or a complement inside the subject."""
        heads = [c for c in verb.children if c.dep_.startswith("nsubj")]
        roots = {h.i for h in heads} | {k.i for h in heads for k in h.conjuncts}
        return list(dict.fromkeys(c.code for c in s.countries if c.label in ("COUNTRY", "CAPITAL")
                                  and s.doc[c.i:c.j].root.i in roots))

    def _left_from(self, s: Sentence, c, tok) -> bool:
        """A place in a phrase the trip sets off from ("flew from Ben Gurion airport in Tel Aviv", "depuis Paris"):
        the place or a noun above it, below the trigger, opened by an origin preposition."""
        x = s.doc[c.i:c.j].root
        for _ in range(4):
            if x.i == tok.i:
                break
            if any(k.dep_ == "case" and fold(k.text) in self.origin_prepositions for k in x.children):
                return True
            if x.head.i == x.i:
                break
            x = x.head
        # (however the parser hangs the place: the words before it back to the preposition are the place's phrase,
        # "from Kotoka airport in Accra")
        # (not past another place, "from Accra to Lome", nor past another preposition than the place's own and "of")
        places = {i for p in [*s.countries, *s.cities] if p is not c for i in range(p.i, p.j)}
        k = c.i - 1
        while k > tok.i and k not in places and fold(s.doc[k].text) not in self.origin_prepositions and (
                s.doc[k].pos_ in ("DET", "PROPN", "NOUN", "ADJ") or s.doc[k].pos_ == "ADP" and (
                    k == c.i - 1 or fold(s.doc[k].text) in self.lex.facility_preps)):
            k -= 1
        return k > tok.i and fold(s.doc[k].text) in self.origin_prepositions

    def _origin(self, s: Sentence, c, legs: bool = True) -> bool:
        """"en provenance de Chine", "venant du Japon": where a traveller comes from, not who travels; "après la
        France", "after China": another leg of the trip (``legs``: unless the trip told is in that phrase's clause,
        "After the Nigerian delegation arrived in Accra")."""
        before = " ".join(words(s.doc[max(s.span.start, c.i - 4):c.i].text))
        if any(before.endswith(m) or f"{m} " in before for m in self.origin_markers):
            return True
        if not legs:
            return False
        k = c.i - 1
        while k >= s.span.start and s.doc[k].pos_ == "DET":
            k -= 1
        return k >= s.span.start and fold(s.doc[k].text) in self.leg_markers

    def _attended(self, t: Trigger) -> bool:
        """A talks noun with a definite article under a verb of attendance ("The meeting was also attended by X",
        "Ont participé aux discussions X"): talks already told, which more people are said to take part in."""
        tok = t.token
        if t.sub != "noun" or self._last_of_type.get("meeting") is None or t.sentence.dates:
            return False  # (a day of its own: "On Wednesday, X attended the meeting with Y" may be other talks)
        if any(c.dep_ in ("nmod", "acl", "acl:relcl") and not any(x.pos_ == "PROPN" for x in c.subtree)
               for c in tok.children):
            return False  # "the meeting of the joint commission": talks of their own (not the attendee the parser
            # may hang on the noun: "aux discussions le Premier ministre X")
        if not any(c.dep_ in ("det", "case") and ("Def" in c.morph.get("Definite") or c.lower_ == "the")
                   for c in tok.children):
            return False
        return self._under_attendance_verb(tok)

    def _under_attendance_verb(self, tok) -> bool:
        """``tok`` is what a verb of attendance governs ("a participé au sommet", "took part in the talks")."""
        verb = self.governing_verb(tok)
        # (a verb and its noun: "a pris part aux entretiens", "took part in the talks")
        return verb is not None and (fold(verb.lemma_) in self.attendance_verbs or any(
            c.dep_ in ("obj", "dobj") and f"{fold(verb.lemma_)} {fold(c.text)}" in self.attendance_verbs
            for c in verb.children))

    def _leg_clause(self, s: Sentence) -> range:
        """The words of a sentence's opening clause or phrase about another leg of a trip, up to its first comma:
        "Après s'être rendu en Allemagne ...,", "After meeting X in Paris,"."""
        k = s.span.start
        while k < s.span.end and s.doc[k].is_punct:
            k += 1
        if k >= s.span.end or fold(s.doc[k].text) not in self.leg_markers:
            return range(0)
        end = next((x.i for x in s.doc[k:s.span.end] if x.text == ","), None)
        return range(k, end) if end is not None else range(0)

    def _inviters(self, s: Sentence) -> set[int]:
        """Tokens of the people named in "À l'invitation du président X, du président Y et de Z":
        each is introduced by "de/du/des" or, in "des présidents kazakh X, russe Y", by a demonym."""
        doc = s.doc
        start = next((x.i for x in s.span if fold(x.lemma_) in self.invitation_nouns), None)
        if start is None:
            return set()
        out: set[int] = set()
        k = start + 1
        for m in sorted((m for m in self.mentions if m.sentence is s and m.i > start), key=lambda m: m.i):
            lead = [x for x in doc[k:m.i] if fold(x.text) not in self.inviter_links]
            first = fold(lead[0].text) if lead else ""
            demonym = lead and any(c.i == lead[0].i and c.label == "DEMONYM" for c in s.countries)
            if k == start + 1:
                # the first inviter follows the noun, its adjectives or participle and a preposition ("à l'invitation
                # officielle du président X", "the invitation extended by X"; not "Cette invitation intervient après
                # la visite du président X")
                opener = next((x for x in lead if x.pos_ != "ADJ" and not (
                    x.pos_ == "VERB" and "Part" in x.morph.get("VerbForm"))), None)
                if opener is not None and fold(opener.text) not in self.inviter_preps:
                    break
            if k == start + 1 or first in self.inviter_preps or demonym:
                out.update(range(k, m.j))
                k = m.j
            else:
                break
        return out

    def _duration(self, t: Trigger, e: Event) -> None:
        """"une visite de trois jours" with one dated day: the span, counted back from a day on which
        it ended ("a achevé vendredi"), forward from one on which it began ("arrivé mardi")."""
        s, tok = t.sentence, t.token
        if not e.date_start or e.date_end or len(e.date_start) != 10:
            return
        # "arrivé lundi en Australie pour une visite officielle de trois jours": the length may sit in the
        # phrase of a sibling trigger, a few words on
        day = date.fromisoformat(e.date_start)
        day_words = self.visit_day_words
        before = [fold(x.text) for x in s.doc[max(s.span.start, tok.i - 8):tok.i]]
        for a, b in zip(before, before[1:]):
            if a in self.visit_day_ordinals and b in day_words and self.visit_day_ordinals[a] > 1:
                # "vendredi, deuxième jour de la visite", "on Friday, the second day of the visit"
                e.date_start = (day - timedelta(days=self.visit_day_ordinals[a] - 1)).isoformat()
                e.date_end = day.isoformat()
                return
        ws = [fold(x.text) for x in s.doc[tok.i:min(s.span.end, tok.i + 20)]]
        n = None
        # weeks only as the visit's own length, right by the noun ("une visite de deux semaines", "a two week
        # visit"), not a time before or after it ("two weeks after", "il y a deux semaines")
        weeks = self.visit_week_words
        for k, (a, b) in enumerate(zip(ws, ws[1:])):
            if b in day_words or (b in weeks and k == 2 and ws[1] in self.visit_length_links):
                n = self.quantities._token_number(a)
                n = n * 7 if n and b in weeks else n
                break
        if n is None:
            # "a three-day visit", "a two day official visit", "a two week visit": the length before the noun
            parts = [p for w in before for p in re.split(r"(-)", w) if p]
            for k, w in enumerate(parts):
                if (w in day_words or (w in weeks and k >= len(parts) - 3)) and k >= 1:
                    prev = parts[k - 2] if parts[k - 1] == "-" and k >= 2 else parts[k - 1]
                    n = self.quantities._token_number(prev)
                    n = n * 7 if n and w in weeks else n
        if not n or not 1 < n < 31:
            return
        if any(c.dep_ == "case" and fold(c.text) in self.modality.time_marks for c in tok.children) \
                and not self._dated(s, tok.subtree) or (
                    fold(tok.head.lemma_) in self.visit_ending_nouns and tok.head.i < tok.i
                    and not self._dated(s, tok.head.subtree)):
            # "returned home yesterday after a two week visit", "returned on July 30, following the conclusion of a
            # three-day visit", "à l'issue de sa visite de trois jours, mercredi": the day told is the visit's last
            e.date_start, e.date_end = (day - timedelta(days=int(n) - 1)).isoformat(), day.isoformat()
            return
        verb = self.governing_verb(tok)
        if verb is None:  # "a achevé vendredi une visite": the parser may hang the visit on the day
            verb = next((x for x in reversed(s.doc[max(s.span.start, tok.i - 6):tok.i]) if x.pos_ == "VERB"), None)
        ending = self._ending_participle(s, tok)
        if ending is not None:
            verb = ending
        if verb is not None and verb.lemma_ in self.ending_verbs and not self._leaves_for(verb):
            e.date_start, e.date_end = (day - timedelta(days=int(n) - 1)).isoformat(), day.isoformat()
        else:
            e.date_end = (day + timedelta(days=int(n) - 1)).isoformat()

    def _leaves_for(self, verb) -> bool:
        """"left for China on May 26 for a four-day visit": a verb of leaving with a destination after it
        (triggers.yaml visit.destination_prepositions) tells the trip's first day, not its last."""
        return verb.lemma_ in self.departure_verbs and any(
            c.dep_ in ("obl", "prep", "nmod") and any(fold(k.text) in self.destination_preps
                                                    for k in (c, *c.children) if k.dep_ in ("case", "prep") or k is c)
            and c.i > verb.i and c.pos_ in ("PROPN", "ADP") for c in verb.children)

    def _ending_participle(self, s: Sentence, tok):
        """"the visit ... ending on Thursday", "X's visit to Sri Lanka concluded on Tuesday": an ending
        participle right after a visit noun's phrase, or None."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        sub = {x.i for x in tok.subtree}
        return next((x for x in s.doc[tok.i + 1:min(s.span.end, tok.i + 12)] if x.lemma_ in self.ending_verbs
                     and _participle(x) and (x.head.i == tok.i or x.i - 1 in sub)), None)

    def _visit_kind(self, t: Trigger) -> str:
        s, tok = t.sentence, t.token
        nxt = tuple(fold(x.text).strip("'") for x in s.doc[tok.i + 1: min(tok.i + 5, s.span.end)])
        flat = words(" ".join(nxt))
        conj = next((x.i for x in s.doc[tok.i + 2:min(tok.i + 5, s.span.end)] if x.pos_ == "CCONJ"), None)
        coordinated = words(" ".join(fold(x.text).strip("'") for x in s.doc[conj + 1:conj + 4])) \
            if conj is not None else ()
        for kind, form in self.visit_kinds:
            if flat[:len(form)] == form:
                return kind
            # "visite officielle d'amitié", "visite de travail officielle": look one word further
            if flat[1:1 + len(form)] == form and kind != "working":
                return kind
            # "visite d'amitié et de travail": the kind coordinated with a qualifier of no kind
            if coordinated and coordinated[:len(form)] == form:
                return kind
        # "a state visit", "an official goodwill visit" (English order): the words right before the noun
        prev = words(" ".join(x.text for x in s.doc[max(s.span.start, tok.i - 4):tok.i]))
        for kind, form in self.visit_kinds:
            if form and prev[-len(form):] == form or (len(prev) > len(form) and prev[-len(form) - 1:-1] == form
                                                        and kind != "working"):
                return kind
        return "unspecified"

    def _parties(self, t: Trigger, other_windows: set[int]):
        """Participants and party countries of a meeting, call or agreement."""
        s, tok = t.sentence, t.token
        verb = self.governing_verb(tok)
        subj = self.subject_tokens(verb)
        scope = self.window(t) | subj
        if t.sub == "verb":
            # "met with Brazil's president one day after Brazil was announced as Ahmadinejad's first visit": a clause
            # of the verb with a subject of its own tells something else, its people are not those met
            scope -= {x.i for c in tok.children if c.dep_ == "advcl" and c.i > tok.i and any(
                g.dep_.startswith("nsubj") for g in c.children) for x in c.subtree}
        if t.sub == "noun" and verb is None:
            scope |= {x.i for x in tok.subtree}
        if t.sub == "noun" and verb is not None:
            # "accueilli par le président hôte pour un entretien": the agent of the verb is a party of the talks
            scope |= {x.i for c in verb.children if c.dep_ == "obl:agent" for x in c.subtree}
        people = self.persons_in(s, scope)
        # a name the parser only partly makes the subject ("le Premier ministre japonais Junichiro Koizumi" with
        # "Junichiro" hung on the title) is the subject's, whichever trigger's window its first word is in
        people = sorted(people + [m for m in self.mentions if m.sentence is s and m not in people and m.i not in scope
                                  and subj.intersection(range(m.i, m.j)) and not self._spoken_of(m)],
                        key=lambda m: m.i)
        # (those who witness a signing are on its record: the leaders it is signed before)
        witnessed = self._witnesses(s) if t.type in ("meeting", "call") else set()
        sides = {self.person_country(m) for m in people if m.i not in witnessed} | {
            c.code for c in s.countries if c.i in scope and c.i not in witnessed and not c.is_location} - {None} \
            if witnessed else set()
        if sides:
            # "in the presence of the emir of Qatar": a third country's witness is no party; the parties' own
            # ministers present are theirs ("in the presence of Kenya's foreign minister X and Uganda's ... Y"; when
            # the sentence names no party besides, "The talks took place in the presence of ...", they are all kept)
            scope -= witnessed
            people = [m for m in people if m.i not in witnessed or self.person_country(m) in sides | {None}]
        if not people and t.sub == "verb":
            left = set(range(s.span.start, tok.i)) - other_windows
            people = self.persons_in(s, left)[-1:]
        elif t.sub == "verb" and not any(m.i in subj for m in people) and any(
                c.dep_ in ("aux:pass", "auxpass") for c in tok.children):
            # "..., Mouammar Kadhafi a été reçu au palais par le président français" with the subject hung
            # elsewhere by the parser: the person named last before the passive verb is the one received
            left = set(range(s.span.start, tok.i)) - other_windows
            people = self.persons_in(s, left)[-1:] + people
        if not people and self._anaphoric(s, scope | set(range(max(s.span.start, tok.i - 4), tok.i))):
            # "les deux dirigeants ont eu un entretien", "ils ont signé": the people named just before
            people = self.persons_in(s, set(range(s.span.start, s.span.end)))
            # "les deux dirigeants": the last sentence (up to three back) naming people of two countries; not for
            # what the sentence dates years back ("they signed a framework in 2002" in a 2016 report: other leaders)
            when, _ = self.event_date(t, set())
            recalled = when is not None and not when.since and years_before(when.date_start, when.date_end,
                                                                            self.ctx.document.date)
            for prev in reversed(self.ctx.sentences[max(0, s.index - 3):s.index] if not recalled else []):
                if people:
                    break
                named = self.persons_in(prev, set(range(prev.span.start, prev.span.end)))
                if len({self.person_country(m) for m in named if self.person_country(m)}) >= 2:
                    people = named
        explicit = [c for c in s.countries if c.i in scope and not c.is_location]
        return people, explicit, scope

    def _standing_body(self, s: Sentence, tok) -> bool:
        """The trigger names a standing body of two countries ("commission mixte", "joint commission")."""
        text = " ".join(fold(x.text) for x in s.doc[tok.i:tok.i + 4])
        return any(text.startswith(b) for b in self.body_nouns)

    def _in_session(self, tok) -> bool:
        """The body is told in session: the complement of a session noun ("la session de la commission mixte",
        "les travaux de"), or the subject or object of a verb of sitting ("s'est tenue", "met", "co-présidée")."""
        if any(c.dep_ in ("acl", "acl:relcl") and fold(c.lemma_) in self.body_session_words for c in tok.children):
            return True  # "la commission mixte ministérielle, co-présidée avec son homologue"
        x = tok
        for _ in range(3):
            if x.head.i == x.i:
                break
            x = x.head
            if fold(x.lemma_) in self.body_session_words or fold(x.text) in self.body_session_words:
                return True
            if x.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _two_countries(self, s: Sentence) -> bool:
        """"... ont été signés, concernant ... la formation diplomatique des deux pays": the sentence names its
        parties only as the two countries, those of the talks just told (not countries spoken of just before)."""
        return not any(c.label in ("COUNTRY", "DEMONYM") for c in s.countries) and self._two_countries_in(
            s, set(range(s.span.start, s.span.end)))

    def _two_countries_in(self, s: Sentence, idxs: set[int]) -> bool:
        """"the two countries", "our two nations", "les deux pays": a phrase among ``idxs`` that names the parties by
        their number, not by name."""
        doc = s.doc
        return any(fold(doc[i].text) in self.two_words and i + 1 < s.span.end and i + 1 in idxs
                   and fold(doc[i + 1].lemma_) in self.lex.country_nouns for i in idxs)

    def _story_pair(self, s: Sentence) -> list[str]:
        """The two countries a phrase such as "the two countries" stands for: those of the events just told, else
        the story's."""
        if len(set(self._last_parties)) == 2:
            return list(dict.fromkeys(self._last_parties))
        return self.context_pair(s, [])

    def _anaphoric(self, s: Sentence, scope: set[int]) -> bool:
        """Whether the parties are referred to, not named: "ils", "les deux dirigeants", "leur entretien"."""
        for x in s.span:
            if x.i in scope or x.dep_.startswith("nsubj"):
                w = fold(x.text)
                # (the noun's form too: "parties" may be lemmatised as the verb "partir")
                if w in self.anaphors or (w in self.two_words and x.i + 1 < len(s.doc) and {
                        fold(s.doc[x.i + 1].lemma_), fold(s.doc[x.i + 1].text)} & (self.group_nouns | self.pair_nouns)):
                    return True
                if w in self.two_words and x.dep_.startswith("nsubj") and any(c.dep_ == "det" for c in x.children):
                    return True  # "The two met last in Damascus", "les deux se sont rencontrés": the number alone
        return False

    def _gathering_word(self, x) -> bool:
        """A noun of many countries' gatherings ("sommet", "summit", "forum": triggers.yaml), by its lemma or its form."""
        return fold(x.lemma_) in self.lex.gathering_nouns or fold(x.text) in self.lex.gathering_nouns

    def _bilateral(self, t: Trigger, typ: str, other_windows: set[int]) -> list[Candidate]:
        s, tok = t.sentence, t.token
        if t.sub == "noun" and self._generic(tok, self.window(t), s):
            return []
        near = [*s.doc[max(s.span.start, tok.i - 1):min(s.span.end, tok.i + 2)], *tok.children]
        if t.sub == "noun" and any(fold(x.text) in self.multiparty_words for x in near) and not any(
                fold(x.text) in self.two_party_words for x in (*near, *s.doc[max(s.span.start, tok.i - 3):tok.i])):
            return []  # "une réunion trilatérale avec ses homologues égyptien et érythréen": no talks of two
        if t.sub == "noun" and self._frame_only(t):
            return []
        if typ == "meeting" and t.sub == "noun" and self._standing_body(s, tok) and not self._in_session(tok):
            return []  # "the joint commission was set up in 1995": the body, not one of its sessions
        if typ == "meeting" and self._non_state_side(t):
            return []  # "during a meeting with business leaders": no talks between states
        if typ == "meeting" and t.sub == "verb" and fold(tok.lemma_) in self.reception_verbs and any(
                ch.dep_ in ("obj", "dobj") and fold(ch.lemma_) in self.visit_nouns for ch in tok.children) and any(
                ch.dep_.startswith("nsubj") and any(c.i <= ch.i < c.j for c in s.countries) for ch in tok.children):
            # "La Tunisie a reçu lundi la visite officielle du ministre belge": a country received the visit, no one
            # an audience (not "le président X a reçu la visite de Y", a call on him)
            return []
        if typ == "meeting" and tok.lemma_ in self.encounter_verbs and not self._has_party_object(s, tok) \
                and not self._plural_parties_meet(t) and not self._has_with_party(s, tok):
            return []  # "meets with Croatian counterpart": the with-word's person is the object
        if typ == "meeting" and tok.lemma_ in self.welcome_verbs and not self._welcomed_party(s, tok):
            return []  # "welcomes the appointment of Prime Minister X": a decision welcomed, not a guest
        if typ == "meeting" and t.sub == "verb" and tok.lemma_ in self.with_verbs and tok.lemma_ not in \
                self.encounter_verbs and not self._has_with_party(s, tok) and not self._plural_subject(tok):
            return []  # "discuter de la situation", "talk about trade": a topic, not talks with someone
        if typ == "meeting" and t.sub == "verb" and tok.lemma_ not in self.encounter_verbs \
                and tok.lemma_ in self.encounter_phrase_verbs:
            # "called on President X" is a visit to X; "called on the international community to" is not
            nxt = tok.i + 2
            # "called on the President", "called on H.E. Smt. X": articles and forms of address before the person
            doc = s.doc
            while nxt < s.span.end and (doc[nxt].pos_ == "DET" or fold(doc[nxt].text) in self.honorifics or (
                    doc[nxt].text == "." and fold(doc[nxt - 1].text) + "." in self.honorifics) or (
                    len(doc[nxt].text) == 2 and doc[nxt].text[0].isupper() and doc[nxt].text[1] == ".")):
                nxt += 1  # "H. E. Smt." read as letters and dots
            # the person may start a word or two later than the parser's name ("Pratibha" left out of it)
            named = any(m.i <= nxt < m.j or (nxt < m.i <= nxt + 2 and all(x.pos_ == "PROPN" for x in doc[nxt:m.i]))
                        for m in self.mentions if m.sentence is s)
            if not (any(x.i == nxt for x in s.titles) or named):
                return []
        if typ == "meeting":
            near = [fold(x.text) for x in s.doc[tok.i:min(t.window_end, tok.i + 10)]]
            if self.call_markers.intersection(near):
                typ = "call"  # "se sont entretenus pour la première fois au téléphone"
            else:
                # "during their conversation, which took place via videolink, they discussed": the talks noun (the
                # trigger, or the one framing the verb) with a relative clause telling they were held from afar
                nouns = [tok] if t.sub == "noun" else [
                    c for c in tok.children if c.dep_ in ("obl", "obl:mod", "nmod") and c.i < tok.i
                    and fold(c.lemma_) in self.call_nouns]
                if any(self.call_markers.intersection(fold(x.text) for c in n.children
                                                      if c.dep_ in ("acl:relcl", "relcl") for x in c.subtree)
                       for n in nouns):
                    typ = "call"
        people, explicit, scope = self._parties(t, other_windows)
        topic: set[int] = set()
        if typ == "meeting" and t.sub == "verb" and tok.lemma_ in self.with_verbs:
            topic = self._topic_of(tok)
            explicit = [c for c in explicit if c.i not in topic]
        elif typ == "meeting" and t.sub == "noun" and (gv := self.governing_verb(tok)) is not None \
                and gv.i != tok.i and gv.lemma_ in self.with_verbs:
            # "Lors de leur rencontre, les deux leaders ont échangé leurs vues sur la crise du Myanmar et le conflit
            # entre la Russie et l'Ukraine": what the talks were about names no party of them, unless it is the
            # parties' own relations ("lors de la réunion, les deux parties ont discuté des relations entre le Chili
            # et la Norvège" after talks of those two)
            topic = self._topic_of(gv) - {k for c in s.countries if c.code in (self._last_parties or ())
                                          for k in range(c.i, c.j)}
            explicit = [c for c in explicit if c.i not in topic]
        between = self._between(t)
        head = set(sorted(between)[:4])
        if head and self._last_of_type.get(typ) and self._anaphoric(s, head) and not self.persons_in(s, head):
            # "L'appel téléphonique entre les deux présidents intervient ...": the talks of that kind just
            # reported, not new ones with whoever else the sentence names
            c = Candidate(t, Event(doc=None, type=typ, countries=list(self._last_of_type[typ])), [])
            c.anaphoric = True
            return [c]
        if between:
            # "une réunion entre la ministre chilienne X et le ministre péruvien Y, à Lima": the
            # parties are the two named after "entre", whatever else the sentence mentions
            inside = [m for m in people if m.i in between] or self.persons_in(s, between)
            codes = {self.person_country(m) for m in inside if self.person_country(m)}
            codes |= {c.code for c in s.countries if c.i in between and not c.is_location}
            if len(codes) >= 2:
                people = inside
                explicit = [c for c in s.countries if c.i in between and not c.is_location]
        own_subject = self.subject_tokens(self.governing_verb(tok))
        subj = own_subject | set(range(max(s.span.start, tok.i - 4), tok.i))
        traveller = None
        if not any(m.i in subj for m in people) and any(fold(s.doc[i].text) in self.personal_pronouns for i in subj) \
                and not self._gathering_word(tok):  # (not "where he arrived from the summit in Havana")
            # "Il s'y est entretenu avec le président X": "il" is the traveller of the visit under way
            traveller = next((c for c in reversed(self._visits) if c.trigger.sentence.index <= s.index
                              and c.event.status == "happened"), None)
        elif t.sub == "verb" and not people and not own_subject:
            # "Lors de son séjour au Sénégal, X, président de ..., a rencontré le Premier ministre": the parser hung
            # the subject on the trip's place, and the verb has none; it is the traveller of the trip this sentence
            # told before the verb
            traveller = next((c for c in reversed(self._visits) if c.trigger.sentence is s and c.trigger.token.i < tok.i
                              and c.event.status == "happened" and c.mentions), None)
        pronoun = next((i for i in sorted(own_subject) if fold(s.doc[i].text) in self.personal_pronouns), None)
        if traveller is None and (t.sub == "verb" or tok.dep_ in ("obj", "dobj")) and pronoun is not None \
                and not any(m.i in subj for m in people):
            # "Macri's tour, in which he met with President X and King Y": with no trip under way, the pronoun stands
            # for the first person the sentence named before it (who is none of those met)
            antecedent = next((m for m in self.mentions if m.sentence is s and m.j <= pronoun and self.person_country(m)
                               and m not in people), None)
            if antecedent is not None:
                people = [antecedent, *people]
                own_subject = set(range(antecedent.i, antecedent.j))
        if traveller is not None:
            if not any(c.code == traveller.event.guest for c in explicit):
                explicit = explicit + [CountryMention(traveller.event.guest, "COUNTRY", -1, -1, -1, -1, "", None)]
            people = people + [m for m in traveller.mentions if m not in people]
            own_subject = {k for m in traveller.mentions if m.sentence is s for k in range(m.i, m.j)}
        # "X s'est entretenu avec le prince Y, le ministre des finances et ...": an office named among those met is not
        # the subject's own, whatever the title alone was read as ("Ministre des finances, X, ...")
        own = {id(m.entity) for m in people if m.i in subj and m.entity is not None}
        people = [m for m in people if not (m.title_only and m.i not in subj and id(m.entity) in own)]
        self._infer_counterparts(people, s, [c.code for c in explicit])
        by_country: dict[str, list[PersonMention]] = {}
        for m in people:
            c = self.person_country(m)
            if c:
                by_country.setdefault(c, []).append(m)
        countries = list(by_country)
        for c in explicit:
            if c.code not in countries:
                countries.append(c.code)
        gathering_noun = t.sub == "noun" and self._gathering_word(tok)
        if gathering_noun and self._under_attendance_verb(tok) and not any(
                fold(c.text) in self.two_party_words for c in tok.children):
            # "Il a pris part au sommet sur la sécurité maritime", "a participé au sommet de Paris", "attended the
            # summit": taking part in a gathering is no talks of two (not with the other country of the story, nor
            # with the gathering's host; "a bilateral summit" is)
            return []
        if not countries and not gathering_noun:
            # "le dirigeant saoudien a été reçu ..., où se sont tenus des entretiens": the sentence's parties (not
            # for a summit or a forum named with no one of its own: "cooperation within the Shanghai Summit" is
            # no summit of the first two countries the sentence names)
            countries = list(dict.fromkeys(c.code for c in s.countries if not c.is_location and c.label in (
                "DEMONYM", "COUNTRY") and c.i not in topic))[:2]
        if not countries and self._last_parties and self._anaphoric(s, scope | {x.i for x in tok.children}):
            countries = list(self._last_parties)  # "après leurs entretiens, les deux dirigeants ont signé"
        if not countries and t.sub == "verb" and self._plural_parties_meet(t):
            countries = self.ctx.pair_for(s, [])  # "As the leaders met, ...": the two the story is about
        elif not countries and topic and self._plural_subject(tok) and s.index > 0:
            # "les premiers ministres ont discuté de la guerre menée par la Russie": the two the story is
            # about so far, not the countries of the topic; the parties of talks or a trip the sentence before told
            # first ("The two prime ministers met. The delegations discussed ...", whoever else a heading named)
            countries = list(self._last_parties) if self._last_parties_at >= s.index - 1 and len(
                self._last_parties) == 2 else self.ctx.pair_for(self.ctx.sentences[s.index - 1], [])
        last = self._last_of_type.get(typ)
        if len(countries) == 1 and people and last and countries[0] in last and len(set(last)) == 2 and (
                self._attended(t) or t.sub == "noun" and any(fold(c.text) in self.anaphoric_determiners
                                                             for c in tok.children if c.dep_ == "det")):
            # "X, Y and Z attended the meeting": the talks just told, with their other party (not a country the
            # talks were about, "the Palestinian cause")
            countries += [c for c in last if c != countries[0]][:1]
        elif len(countries) == 1 and people:
            # "s'est entretenu avec son hôte / son homologue": the other party of the story
            host = self._current_host(s, countries[0])
            pair = [host] if host else [c for c in self.ctx.pair_for(s, countries) if c not in countries]
            if not pair and not s.orgs and not self._specific_setting(s) and not any(
                    self._gathering_word(x) for x in s.span):
                # "X a été accueilli lundi à Abidjan": talks with no other side named nor told before, in another
                # country's capital or in that country, are with that country (not a gathering's host)
                pair = [c.code for c in self._locations(s, self.window(t)) if c.code != countries[0]
                        and c.label in ("COUNTRY", "CAPITAL")][:1]
            countries += pair[:1]
        countries = [c for c in countries if c]
        listed = self._listed_counterparts(t, countries, by_country) if len(countries) > 2 else []
        if listed:
            # "le président cubain a reçu les chefs d'État du Chili, d'Argentine et du Panama": one meeting each
            location = self._location_of([c for c in self._locations(s, self.window(t))
                                          if not self._in_inner_clause(s, c, tok)])
            return [Candidate(t, Event(doc=None, type=typ, countries=[side, c],
                                       location=dict(location) if location else None),
                              by_country.get(side, []) + by_country.get(c, [])) for side, c in listed]
        if len(countries) > 2:
            # "JOHANNESBURG, Afrique du Sud - Carney a rencontré le premier ministre norvégien": countries named
            # only as places or in passing are no parties when two others have their people in the talks
            with_people = [c for c in countries if by_country.get(c)]
            if len(with_people) >= 2:
                countries = with_people
            elif gathering_noun:
                # "The Summit was held in Astana with the participation of the presidents of Russia, China,
                # Kazakhstan, ...": a gathering of many, no talks of two
                return []
            elif len(with_people) == 1:
                # talks are between two sides: the one whose people take part, and the other side of the story
                # among the countries named ("cette rencontre a permis de dire à M. Ahmadinejad que vouloir rayer
                # Israël de la carte ...": Israel is spoken of)
                pair = [c for c in self.ctx.pair_for(s, with_people) if c != with_people[0] and c in countries]
                countries = with_people + (pair or [c for c in countries if c != with_people[0]])[:1]
            else:
                return []  # many countries, nobody's talks: a gathering or a list, not bilateral talks
        if len(countries) < 2:
            return []
        locs = [c for c in self._locations(s, self.window(t)) if not self._in_inner_clause(s, c, tok)] or \
            self._fronted_places(s, tok)
        location = self._location_of(locs)
        if not locs and typ == "meeting" and people and self.person_country(people[0]) and not any(
                o.type == "visit" for o in getattr(s, "_triggers", [])) and not self._specific_setting(s):
            # "HANOI, Oct. 21 (Yonhap) -- X held talks with Y": talks told right after a dateline took place there,
            # when the one who holds them is a foreigner there or receives a foreigner at home, and the sentence
            # tells no trip or summit elsewhere ("NAIROBI -- the Kenyan President, on a state visit to China, held
            # talks ..."); the dateline opens the sentence, or stands apart before it ("BELGRADE, March 12 (Tanjug) -")
            # (or holds them "here", the dateline's place: "ADDIS ABABA, Oct 7 (ENA) - the Prime Minister held talks
            # with the US envoy here on Friday")
            here = any(fold(x.text) in self.here_words for x in s.span)

            def there(code: str) -> bool:
                return code in countries and (code != self.person_country(people[0]) or here
                                              or self._received_at_home(s, tok, people, code))
            locs = [c for c in [*s.countries, *s.cities] if c.i == s.span.start and c.is_location
                    and c.label in ("CAPITAL", "CITY") and there(c.code)]
            location = self._location_of(locs)
            if not locs and s.dateline and there(s.dateline[0]):
                location = {"country": s.dateline[0], "city": s.dateline[1]}
        first = self.person_country(people[0]) if people and self.person_country(people[0]) else countries[0]
        others = [c for c in countries if c != first]
        subj = self.subject_tokens(self.governing_verb(tok))
        objects = [m for m in people if m.i > tok.i and m.i not in subj and not self._spoken_of(m)]
        obj_keys = {m.entity.key if m.entity else m.name for m in objects}
        obj_countries = {self.person_country(m) for m in objects}
        obj_countries.discard(None)  # a counterpart whose country nothing gives names no side
        # "In addition to his Slovenian counterpart, X, the minister also met A and B": met besides them
        # (whatever the parser makes of the phrase: it may hang it on the subject)
        besides = [m for m in people if m.i < tok.i and self.person_country(m) in obj_countries and self._besides(s, m)]
        subj = subj - {k for m in besides for k in range(m.i, m.j)}
        objects[:0] = besides
        obj_keys = {m.entity.key if m.entity else m.name for m in objects}
        # (a welcome by several people is one: "accueilli par l'émir, en compagnie de son Premier ministre")
        separate = t.sub == "verb" and tok.lemma_ not in self.welcome_verbs or (
            t.sub == "noun" and "Plur" in tok.morph.get("Number") and fold(tok.lemma_) in self.separate_meeting_nouns)
        if separate and len(obj_keys) >= 2 and len(obj_countries) == 1 and len(countries) == 2 \
                and not any(self.person_country(m) in obj_countries for m in people if m.i in subj):
            # "X a rencontré le Premier ministre A, puis le président de l'Assemblée B", "held meetings with A, B and
            # C": one meeting each
            side = next(iter(obj_countries))
            other = next(c for c in countries if c != side)
            subject_people = [m for m in people if m not in objects]
            out, seen = [], set()
            for m in objects:
                key = m.entity.key if m.entity else m.name
                if key in seen:
                    continue
                seen.add(key)
                e = Event(doc=None, type=typ, countries=[other, side], location=dict(location) if location else None)
                out.append(Candidate(t, e, subject_people + [m]))
            return out
        subject_countries = list(dict.fromkeys(self.person_country(m) for m in people if m.i in subj
                                               and m not in objects and self.person_country(m)))
        if t.sub == "verb" and len(subject_countries) >= 2 and len(obj_countries) == 1 \
                and not obj_countries & set(subject_countries):
            # "A et B ont rencontré C à Pékin", "A and B met C": each subject met the object, not each other
            side = next(iter(obj_countries))
            return [Candidate(t, Event(doc=None, type=typ, countries=[c, side], location=dict(location) if location
                                       else None), by_country.get(c, []) + by_country.get(side, []))
                    for c in subject_countries]
        holders = list({(m.entity.key if m.entity else m.name): m for m in people if m.i in subj and m not in objects
                        and self.person_country(m) and (m.role or (m.entity and m.entity.role)) not in (
                            None, "other")}.values()) if t.sub == "verb" and separate else []
        if len(holders) >= 2 and len(subject_countries) == 1 \
                and len(obj_countries) == 1 and not obj_countries & set(subject_countries) and len(countries) == 2 \
                and all(any(x.pos_ == "CCONJ" for x in s.doc[a.j:b.i]) and not any(x.pos_ in ("VERB", "AUX") for x in
                        s.doc[a.j:b.i]) for a, b in zip(holders, holders[1:])):
            # "State President A and National Assembly Chairman B met visiting Prime Minister C": each office holder
            # of the one side met the guest, one meeting each (as "C met A and B")
            side = next(iter(obj_countries))
            return [Candidate(t, Event(doc=None, type=typ, countries=[subject_countries[0], side],
                                       location=dict(location) if location else None), [m, *objects])
                    for m in holders]
        if t.sub == "verb" and len(obj_keys) < 2 and len(countries) == 2:
            split = self._titled_counterparts(t, typ, countries, people, subj | own_subject)
            if split:
                return split
        if len(others) > 1 and by_country.get(first) and sum(1 for c in others if by_country.get(c)) > 1:
            # one side meeting several counterparts: one bilateral event per counterpart country
            out = []
            for c in others:
                if not by_country.get(c):
                    continue
                e = Event(doc=None, type=typ, countries=[first, c], location=location)
                out.append(Candidate(t, e, by_country[first] + by_country[c]))
            return out
        e = Event(doc=None, type=typ, countries=countries, location=location)
        return [Candidate(t, e, people)]

    def _witnesses(self, s: Sentence) -> set[int]:
        """The tokens naming who witnessed the talks: the people named right after "en présence de", "in the presence
        of" (triggers.yaml meeting.witness_words), each a title with its country and name or a name, joined by "et" /
        "and" or set off by commas ("en présence de l'émir du Qatar X", not the guest after it: "a reçu en présence du
        Premier ministre le ministre malien X")."""
        out: set[int] = set()
        if not self.witness_words:
            return out
        doc, end = s.doc, s.span.end
        toks = [fold(x.text) for x in s.span]
        for w in self.witness_words:
            for k0 in range(len(toks) - len(w) + 1):
                if toks[k0:k0 + len(w)] != list(w):
                    continue
                start = k = s.span.start + k0 + len(w)
                while k < end:
                    k = self._witness_phrase(s, k)
                    if k < end and doc[k].text == "," and k + 1 < end and any(
                            m.sentence is s and m.i == k + 1 for m in self.mentions):
                        k = self._witness_phrase(s, k + 1)  # ", Ahmed Ouyahia": the name set off after the title
                    out.update(range(start, k))
                    # (after a comma, only a phrase opened by a preposition: "en présence du ministre X, du ministre
                    # Y et ..."; not the guest the comma sets off: ", le Premier ministre burkinabè X")
                    if k < end and fold(doc[k].text) in self.witness_joins and k + 1 < end and (
                            doc[k].text != "," or doc[k + 1].pos_ == "ADP"):
                        nxt = self._witness_phrase(s, k + 1)
                        if nxt > k + 1:
                            start, k = k, nxt
                            out.update(range(start, k))
                            continue
                    break
        return out

    def _witness_phrase(self, s: Sentence, k: int) -> int:
        """The end of one witness's phrase from token k (articles and prepositions, a title, its country, a name), or k
        when none starts there."""
        doc, end, k0 = s.doc, s.span.end, k
        while k < end and doc[k].pos_ in ("DET", "ADP") and doc[k].text != ",":
            k += 1
        lead = next((c for c in s.countries if c.i == k), None)  # "Togolese President X", "Qatar's emir X"
        if lead is not None and (lead.j < end and any(t.i == lead.j for t in s.titles) or lead.j + 1 < end
                                 and doc[lead.j].tag_ == "POS" and any(t.i == lead.j + 1 for t in s.titles)):
            k = lead.j + (1 if doc[lead.j].tag_ == "POS" else 0)
        t = next((t for t in s.titles if t.i == k), None)
        if t is not None:
            k = t.j
            while True:
                c = next((c for c in s.countries if c.i == k or c.i == k + 1 and doc[k].pos_ == "ADP"), None)
                if c is None:
                    break
                k = c.j
        while k < end and (fold(doc[k].text) in self.honorific_words or fold(doc[k].text) + "." in self.honorific_words):
            k += 1  # "Ethiopian Prime Minister Dr Abiy Ahmed", "Prime Minister Sheikh Hasina"
        m = next((m for m in self.mentions if m.sentence is s and m.i == k), None)
        if m is not None:
            k = m.j
        return k if (t is not None or m is not None) else k0

    def _other_sense(self, s: Sentence, tok) -> bool:
        """A talks verb used in another sense (triggers.yaml meeting.other_senses): no complement after "with", and one
        after the verb's other preposition that names a person ("conferred the Nishan-e-Pakistan on President X")."""
        preps = self.other_sense_preps.get(tok.lemma_)
        if not preps or any(fold(p.text) in self.with_words for c in tok.children for p in [c, *c.children]):
            return False
        for c in tok.children:
            for p in [c, *c.children]:
                if p.dep_ not in ("prep", "case") or fold(p.text) not in preps:
                    continue
                # (UD hangs the preposition on its noun; spaCy's English scheme hangs the noun on the preposition)
                noun = c if p is not c else next((o for o in c.children if o.dep_ == "pobj"), c)
                tree = {x.i for x in noun.subtree}
                if any(m.sentence is s and m.i in tree for m in self.mentions) or any(t.i in tree for t in s.titles):
                    return True
        return False

    def _besides(self, s: Sentence, m) -> bool:
        """A person named within a few words after "in addition to", "outre" (triggers.yaml meeting.besides_words)."""
        lead = [fold(x.text) for x in s.doc[max(s.span.start, m.i - 7):m.i]]
        return any(lead[k:k + len(w)] == list(w) for w in self.besides_words for k in range(len(lead) - len(w) + 1))

    def _headline_signing(self, t: Trigger) -> bool:
        """"Huit accords de coopération signés entre le Burundi et la Tanzanie lors de la visite d'État de la
        présidente": a headline (no finite verb) telling texts signed between the parties on a trip or at talks
        reports that signing (not "Les accords signés entre la France et le Sénégal dénoncés par l'opposition")."""
        s, tok = t.sentence, t.token
        return self._parties_beside(s, tok) and not any("Fin" in x.morph.get("VerbForm") for x in s.span) and any(
            o.type in ("visit", "meeting") and o.sub == "noun" and o.token.i > tok.i for o in getattr(s, "_triggers", []))

    def _texts_agreed_on(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"L'Éthiopie et le Kenya ont convenu d'un accord stratégique", "agreed on a roadmap": a verb of agreeing
        whose own complement is a text (not "sont convenus de signer un accord", a signing to come, nor "ont convenu
        de la mise en œuvre de l'accord"). Read after the triggers: as a trigger, the verb would bound the windows of
        the events around it ("a reçu, comme convenu, son homologue")."""
        out = []
        for tok in s.span:
            if fold(tok.lemma_) not in self.complement_only_agreement or tok.pos_ not in ("VERB", "AUX"):
                continue
            # (a text's name may be tagged a proper noun: "revised the decade-long Air Services Agreement")
            heads = [c for c in tok.children
                     if c.dep_ in ("obj", "obl", "obl:arg", "dobj") and c.pos_ in ("NOUN", "PROPN")]
            found = next(((k, h) for c in heads for k, h in [self._instrument(s, {c.i})] if h is not None), None)
            if found is None or any(c.event.type == "agreement" for c in made):
                continue
            kind, head = found
            codes = self.context_pair(s, [])
            if len(codes) < 2:
                continue
            t = Trigger("agreement", tok, s, sub="verb")
            e = Event(doc=None, type="agreement", countries=list(codes[:2]), instrument=kind,
                      title=_text_title(head.subtree))
            count = self.quantities.count_before(head)  # "a débouché sur sept accords"
            if count and count > 1:
                e.count = int(count)
            c = Candidate(t, e, [])
            d, explicit = self.event_date(t, set())
            if d is not None:
                e.date_start, e.date_end, c.explicit_date = d.date_start, d.date_end, explicit
            self._finish(c)
            out.append(c)
        return out

    def _location_of(self, locs: list) -> dict | None:
        """The location of talks held at the places ``locs``: the country of the first, the city before a seat of
        power named with it."""
        if not locs:
            return None
        cap = next((c for c in sorted(locs, key=lambda c: c.text in self.lex.seats)
                    if c.label in ("CAPITAL", "CITY")), None)
        return {"country": locs[0].code, "city": cap.text if cap else None}

    def _listed_counterparts(self, t: Trigger, countries: list[str], by_country: dict) -> list[tuple[str, str]]:
        """"a reçu les chefs d'État du Chili, d'Argentine et du Panama", "received the presidents of Chile and
        Panama": the verb's object lists two countries or more, joined together, and its subject is one side; (side,
        counterpart) pairs, one per country listed (none at a gathering: "met the leaders of A, B and C at the summit")."""
        s, tok = t.sentence, t.token
        if t.sub != "verb" or self._specific_setting(s) or any(self._gathering_word(x) for x in s.span):
            return []
        obj = {x.i for c in tok.children if c.dep_ == "obj" for x in c.subtree}
        subj = self.subject_tokens(tok)
        listed = [c for c in s.countries if c.i in obj and c.label == "COUNTRY" and not c.is_location]
        codes = list(dict.fromkeys(c.code for c in listed))
        if len(codes) < 2 or not all(self._joined(s.doc, a.i, b.i) for a, b in zip(listed, listed[1:])):
            return []
        sides = {self.person_country(m) for ms in by_country.values() for m in ms if m.i in subj}
        sides |= {c.code for c in s.countries if c.i in subj and c.label in ("DEMONYM", "COUNTRY")}
        sides.discard(None)
        if len(sides) != 1 or next(iter(sides)) in codes or not set(codes) <= set(countries):
            return []
        side = next(iter(sides))
        return [(side, c) for c in codes]

    @staticmethod
    def _joined(doc, i: int, j: int) -> bool:
        """Tokens i < j are items of one list: only commas, "et"/"and"/"ou", articles and prepositions between them,
        a comma or a conjunction among them ("pour la Gambie depuis Dakar", "for Gambia from Guinea": no list)."""
        between = doc[i + 1:j]
        return all(x.is_punct and x.text == "," or x.pos_ in ("CCONJ", "DET", "ADP") for x in between) and any(
            x.text == "," or x.pos_ == "CCONJ" for x in between)

    def _with_group_of_states(self, s: Sentence, tok) -> bool:
        """"a signé un accord avec les grandes puissances", "a deal with world powers": a with-word after the trigger,
        then, within four words, a noun of a group of states (triggers.yaml agreement.group_of_states_nouns)."""
        end = min(s.span.end, tok.i + 12)
        at = self._with_word_after(s, tok)
        return at is not None and any(fold(s.doc[k].text) in self.group_of_states_nouns
                                      for k in range(at + 1, min(end, at + 5)))

    def _with_word_after(self, s: Sentence, tok) -> int | None:
        """The first with-word ("avec", "with") within twelve words after the trigger, or None."""
        return next((k for k in range(tok.i + 1, min(s.span.end, tok.i + 12)) if fold(s.doc[k].text) in self.with_words),
                    None)

    def _with_organisation(self, s: Sentence, tok) -> bool:
        """"New Zealand and Australia signed a free-trade agreement with the ASEAN grouping": a with-word after the
        trigger, then, within six words, an organisation: the texts are with it, not between the states of the
        subject."""
        at = self._with_word_after(s, tok)
        return at is not None and any(at < o.i <= at + 6 for o in s.orgs) and not any(
            at < c.i <= at + 6 for c in s.countries if not c.is_location)

    def _non_state_side(self, t: Trigger) -> bool:
        """"a meeting with business leaders", "met with investors", "une rencontre avec des hommes d'affaires": the
        first words after the with-word (after a verb, its object) name no one and are the language's words of
        people who are no state's."""
        s, tok = t.sentence, t.token
        seq = []
        for k in range(tok.i + 1, min(s.span.end, tok.i + 9)):
            if s.doc[k].is_punct:
                break
            seq.append(k)
        if not seq:
            return False
        if t.sub == "verb":
            # "met with investors", "met investors": the object right after the verb, not a with-phrase further on
            start = 1 if fold(s.doc[seq[0]].text) in self.with_words else 0
        else:
            start = next((n + 1 for n, k in enumerate(seq) if fold(s.doc[k].text) in self.with_words), None)
            if start is None:
                return False
        # a person, an office or a country anywhere in the object is a state's side ("business leaders and Prime
        # Minister X")
        rest, first = set(seq[start:]), set(seq[start:start + 4])
        if any(m.i in rest for m in self.mentions if m.sentence is s) or any(x.i in rest for x in s.titles) or any(
                x.i in first for x in s.countries if x.label != "DEMONYM"):
            return False  # a country further on is where the people live ("la communauté ... résidant en Angola")
        return any(fold(s.doc[k].text) in self.non_state_words for k in seq[start:start + 4])

    def _said_bilateral(self, s: Sentence, tok) -> bool:
        """A gathering noun said to be of two ("sommet bilatéral", "the Geneva summit between X and Y"): none of the
        rules of gatherings of many apply."""
        near = {fold(x.text) for x in s.doc[max(s.span.start, tok.i - 2):min(s.span.end, tok.i + 7)]}
        return bool(near & (self.two_party_words | self.between_words))

    def _frame_only(self, t: Trigger) -> bool:
        """"En marge du sommet de l'Union africaine, le président X a rencontré son homologue": a gathering
        of an organisation, or the setting of a meeting the sentence tells with its own verb, is the
        frame of that meeting, not a meeting of the countries the sentence names."""
        s, tok = t.sentence, t.token
        after = s.doc[tok.i + 1:min(tok.i + 4, s.span.end)]
        if after and fold(after[0].text) in ("de", "du", "des", "d'") and any(
                tok.i < o.i <= tok.i + 3 for o in s.orgs):
            return True  # "le sommet de l'UA", "la réunion du G20": a multilateral gathering
        if fold(tok.text) in self.lex.gathering_nouns and not self._said_bilateral(s, tok):
            if after and fold(after[0].text) in self.lex.facility_preps | {"du", "d'"} and any(
                    c.i == after[0].i + 1 and c.label in ("CITY", "CAPITAL") for c in s.cities + s.countries):
                return True  # "le sommet de Riyad", "the summit of Riyadh": a gathering named by its city
            if any(tok.i < o.i <= tok.i + 15 for o in s.orgs):
                # "le premier sommet que le roi du Maroc et les dirigeants des pays membres du CCG ont tenu": the
                # gathering of an organisation's members
                return True
        # (five words: "on the sidelines of the", "à l'occasion du" hold the phrase and the noun's article)
        before = " " + " ".join(w for x in s.doc[max(s.span.start, tok.i - 5):tok.i] for w in words(x.text)) + " "
        if any(f" {p} " in before for p in self.frame_phrases):
            # a gathering in whose margins the sentence sets something ("en marge du sommet Afrique-Monde arabe et de
            # la rencontre sur la Libye") is its frame, whatever it names
            return fold(tok.text) in self.lex.gathering_nouns or any(
                o is not t and o.sub == "verb" and o.type in ("meeting", "call") for o in getattr(s, "_triggers", []))
        return False

    def _between(self, t: Trigger) -> set[int]:
        """Tokens of the "entre A et B" phrase right after a talks noun, or an empty set."""
        s, tok = t.sentence, t.token
        if t.sub != "noun":
            return set()
        # "une réunion entre", "l'appel téléphonique entre", "talks between": right after the noun or its
        # adjective
        at = next((k for k in range(tok.i + 1, min(tok.i + 3, s.span.end)) if fold(s.doc[k].text) in self.between_words
                   and all(s.doc[j].pos_ == "ADJ" for j in range(tok.i + 1, k))), None)
        if at is None:
            return set()
        end = at + 1
        while end < min(s.span.end, tok.i + 60) and s.doc[end].text not in (";", ".") and not (
                s.doc[end].text == "," and end + 1 < s.span.end and fold(s.doc[end + 1].text) in ("a", "au", "en", "le", "la")
                and any(c.i == end + 2 for c in [*s.countries, *s.cities])):
            end += 1
        return set(range(at + 1, end))

    def _titled_counterparts(self, t: Trigger, typ: str, countries: list[str], people: list[PersonMention],
                             subj: set[int]) -> list[Candidate]:
        """"il a rencontré le Premier ministre, le président et le président de l'Assemblée nationale":
        offices listed as the object, named or not, each one a meeting with the other side."""
        s, tok = t.sentence, t.token
        # the parser sometimes hangs the second office of the list as a modifier ("obl:mod")
        obj = {x.i for c in tok.children if c.dep_ in ("obj", "obl:arg", "iobj", "obl:mod") and c.i > tok.i
               for x in c.subtree}
        obj &= set(range(tok.i + 1, t.window_end or s.span.end))
        # (not one spoken of, nor the title before his name: "porteur d'un message du président X")
        spoken_of = [m for m in self.mentions if m.sentence is s and self._spoken_of(m)]
        spoken = {k for m in spoken_of for tm in s.titles if tm.j <= m.i <= tm.j + 1 for k in range(tm.i, m.j)}
        titles = [x for x in s.titles if x.i in obj and x.i not in spoken]
        # a title followed by a name is one person with it ("le président X"): count persons, not words
        named = [m for m in people if m.i in obj and m not in spoken_of]
        counterparts: list[tuple[int, PersonMention | None]] = []
        starts = {x.i for x in titles}
        # (a title set after a name by a comma is that person's: "le prince X, deuxième vice-Premier ministre, ...")
        titles = [x for x in titles if not any(
            m.j < x.i <= m.j + 3 and s.doc[m.j].text == ","
            and all(y.pos_ in ("ADJ", "DET", "NUM") for y in s.doc[m.j + 1:x.i]) for m in named)]
        for x in titles:
            m = next((m for m in named if m.i <= x.i < m.j), None) or next(
                (m for m in named if x.j <= m.i <= x.j + 3 and not starts & set(range(x.j, m.j))), None)
            if all(m is None or m is not other for _, other in counterparts):
                counterparts.append((x.i, m))
        if len({i for i, _ in counterparts}) < 2:
            return []
        subject_people = [m for m in people if m.i in subj]
        side_codes = {self.person_country(m) for m in subject_people if self.person_country(m)}
        side = next((c for c in countries if c not in side_codes), countries[1])
        other = next(c for c in countries if c != side)
        out = []
        for title_i, m in counterparts:
            role = next(x.role for x in titles if x.i == title_i)
            e = Event(doc=None, type=typ, countries=[other, side], location=None,
                      counterpart=None if m is not None else role)
            out.append(Candidate(t, e, subject_people + ([m] if m is not None else [])))
        return out

    def _generic(self, tok, window: set[int] | None = None, s: Sentence | None = None) -> bool:
        """Habitual or generic mentions: "des rencontres à haut niveau", "les échanges de délégations"."""
        if window and any(m.i in window for m in self.mentions if m.sentence.doc is tok.doc):
            return False
        if s is not None:
            subj = self.subject_tokens(self.governing_verb(tok))
            if subj and (self.persons_in(s, subj) or self._anaphoric(s, subj)):
                return False  # "les deux dirigeants ont tenu des entretiens": these leaders' talks
        nxt = fold(tok.doc[tok.i + 1].text) if tok.i + 1 < len(tok.doc) else ""
        if nxt in self.between_words or nxt in self.with_words:
            return False
        before = " ".join(words(tok.doc[max(0, tok.i - 4):tok.i].text))
        if any(m in before for m in self.specific_markers):
            return False  # "lors de pourparlers ...", "à l'issue des entretiens": particular talks
        verb = self.governing_verb(tok)
        if verb is not None and ("Past" in verb.morph.get("Tense") or any(
                c.dep_.startswith("aux") for c in verb.children)):
            return False  # "se sont tenus des entretiens": talks that took place
        dets = [fold(c.text) for c in tok.children if c.dep_ == "det"]
        plural = "Plur" in tok.morph.get("Number")
        if plural and (not dets or dets[0] in ("des", "de", "d'")):
            return True
        following = words(" ".join(x.text for x in tok.doc[tok.i + 1: tok.i + 6]))
        return following[:3] in (("a", "haut", "niveau"), ("a", "tous", "les")) and plural

    def _plural_subject(self, verb) -> bool:
        """"the two presidents discussed ...", "le président égyptien et le prince saoudien ont discuté ...":
        the verb's subject is the parties themselves."""
        return any("Plur" in c.morph.get("Number") and (fold(c.lemma_) in self.group_nouns or fold(c.text) in
                                                        self.anaphors)
                   or any(k.dep_ == "conj" for k in c.children)
                   # "les deux hommes ont négocié", "both men discussed" (not "both parliaments discussed", nor
                   # "both men discussed Taiwan in separate interviews")
                   or fold(c.lemma_) in self.pair_nouns and any(fold(k.text) in self.two_words for k in c.children)
                   and not any(fold(x.text) in self.separate_words for x in verb.sent)
                   for c in verb.children if c.dep_ == "nsubj") or any(
            # "The two met on Tuesday", "Les deux se sont rencontrés": the word for two, right after an article (which
            # the parser may hang elsewhere)
            c.dep_.startswith("nsubj") and fold(c.text) in self.two_words and c.i > 0
            and fold(c.doc[c.i - 1].text) in self.definite_articles for c in verb.children) or sum(
            # "La présidente X et le président sénégalais Y ont discuté": two subjects the parser left side by side
            c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) >= 2

    def _plural_parties_meet(self, t: Trigger) -> bool:
        """"As the leaders met", "the two presidents met in Ankara": a meeting verb without an object whose
        subject is the parties themselves."""
        tok = t.token
        if any(c.dep_ in ("obj", "iobj") or c.dep_ == "obl:arg" and not any(
                k.dep_ == "case" and fold(k.text) in self.lex.location_preps for k in c.children) for c in tok.children):
            return False  # (not a place the parser made an argument: "se sont rencontrés mardi au palais")
        if self._plural_subject(tok):
            return True  # "the Egyptian president and the Saudi prince met"
        if any(c.dep_.startswith("nsubj") for c in tok.children):
            return False
        # "According to X, A and B last met in June 2008": two people joined right before a verb the parser gave no
        # subject (it hung them on the phrase before)
        s, doc = t.sentence, t.sentence.doc
        k = tok.i - 1
        while k > s.span.start and doc[k].pos_ in ("ADV", "AUX", "PART"):
            k -= 1
        ends = {m.j - 1: m for m in self.mentions if m.sentence is s}
        second = ends.get(k)
        if second is None:
            return False
        k = second.i - 1
        return k - 1 in ends and doc[k].pos_ == "CCONJ"

    def _topic_of(self, verb) -> set[int]:
        """The words of what a talks verb is about: its object ("discussed regional issues") and its
        phrases opened by a topic word ("ont discuté de la guerre", "talked about trade")."""
        out: set[int] = set()
        for c in verb.children:
            if c.dep_ in ("obj", "dobj", "obl:arg") or (c.pos_ == "ADP" and fold(c.text) in self.topic_words) or any(
                    k.dep_ == "case" and fold(k.text) in self.topic_words for k in c.children):
                out.update(x.i for x in c.subtree)
        # "a discuté des questions migratoires avec son homologue péruvien": the partner is no topic
        for h in verb.subtree:
            if h.i in out and any((k.dep_ == "case" or k.pos_ == "ADP") and fold(k.text) in self.with_words
                                  for k in h.children):
                out.difference_update(x.i for x in h.subtree)
        return out

    def _has_with_party(self, s: Sentence, verb) -> bool:
        """"a discuté mardi avec l'émir du Koweït", "talked with his counterpart": a person, a group of
        officials or a country after a with-word hung on the verb (a French case marker or an English
        preposition)."""
        # ("The issue was discussed between Karzai and Singh": the people between whom the verb's talks were held)
        links = self.with_words | self.between_words
        for h in verb.subtree:
            if h.pos_ == "ADP" or not any(
                    (k.dep_ == "case" or k.pos_ == "ADP") and fold(k.text) in links for k in h.children) \
                    and not (h.dep_ == "pobj" and fold(h.head.text) in links):
                continue
            # "a discuté des questions régionales avec son homologue": the with-phrase may hang on the topic,
            # not on another verb of the sentence
            up = h.head
            while up.i != verb.i and up.head.i != up.i and up.pos_ not in ("VERB", "AUX"):
                up = up.head
            if up.i != verb.i:
                continue
            # a country on the topic is the topic's ("a discuté de la coopération avec la Chine"); a person is
            # the other side of the talks
            on_verb = (h.head.head if h.dep_ == "pobj" else h.head).i == verb.i
            if any(m.i <= h.i < m.j for m in self.mentions if m.sentence is s) \
                    or any(x.i <= h.i < x.j for x in (*s.titles, *(s.countries if on_verb else ()))) \
                    or fold(h.lemma_) in self.group_nouns:
                return True
        return False

    def _has_party_object(self, s: Sentence, verb) -> bool:
        """"a reçu le ministre", "a rencontré son homologue": the object is a person or a country
        (``s``: the verb's sentence)."""
        for c in verb.children:
            if c.dep_ in ("obj", "obl:arg", "obl:agent", "nsubj:pass") or (c.dep_ == "obl" and c.pos_ != "NOUN"):
                # the object itself must be a person, a group of officials or a country ("a reçu le prix
                # de la Fondation pour la coopération avec la Bolivie" is no meeting)
                if any(m.i <= c.i < m.j for m in self.mentions if m.sentence is s):
                    return True
                if fold(c.lemma_) in self.group_nouns:
                    return True
                if any(cm.i <= c.i < cm.j for cm in s.countries):
                    return True
                if any(tm.i <= c.i < tm.j for tm in s.titles):
                    return True
                if c.dep_ == "obj" and fold(c.lemma_) in self.visit_nouns:
                    # "a reçu la visite du président gambien X", "received the visit of the president of Paraguay":
                    # the visitor named in the noun's complement is the party received
                    inside = _complement_tokens(c)
                    if any(m.i in inside for m in self.mentions if m.sentence is s) or any(
                            tm.i in inside for tm in s.titles):
                        return True
            elif c.dep_ == "obl:mod" and c.i > verb.i:
                # "a rencontré mardi à Hanoï le Premier ministre": the parser takes the day for the object
                # and the person for a modifier; only a person or an office counts then, not a place
                if any(m.i <= c.i < m.j for m in self.mentions if m.sentence is s) \
                        or any(tm.i <= c.i < tm.j for tm in s.titles):
                    return True
            if c.i > verb.i and c.dep_ in ("obl", "obl:arg", "obl:mod"):
                # "a reçu au palais présidentiel le ministre turc": the parser may hang the person on the
                # place, as its apposition
                for a in c.children:
                    if a.dep_ == "appos" and a.i > c.i and (
                            any(m.i <= a.i < m.j for m in self.mentions if m.sentence is s)
                            or any(tm.i <= a.i < tm.j for tm in s.titles)):
                        return True
        # "a rencontré lundi à Pékin le président kazakh X": the parser may hang the object on another
        # word; an office or a named person right after the verb, past a day and a place, is the object
        k = verb.i + 1
        if k < s.span.end and fold(verb.doc[k].text) in self.visiting_words:
            k += 1  # "met visiting Sri Lankan President X": the guest is the object, the word says he is visiting
        others = {o.token.i for o in getattr(s, "_triggers", [])}
        last = min(s.span.end, verb.i + 16)
        in_dates = self._dated(s, verb.doc[k:last])
        while k < last and k not in others:  # "received a call from X": a call
            x = verb.doc[k]
            if x.dep_ == "obj" and x.head.i == verb.i and x.pos_ == "NOUN" and k not in in_dates \
                    and fold(x.lemma_) not in self.hosting_nouns:
                break  # "a reçu lundi le prix de la Fondation ...", "a reçu l'ordre José Marti": a thing received
            at = k + 1 if x.pos_ == "DET" or x.text == "," else k
            if at < s.span.end and (verb.doc[at].pos_ == "DET" or fold(verb.doc[at].text) in self.honorifics):
                at += 1
            if any(tm.i == at for tm in s.titles) or any(m.i == at for m in self.mentions if m.sentence is s):
                # "a reçu mardi soir 23 novembre au palais présidentiel à Nouakchott, M. X, ministre malien":
                # past the day and the place, after their comma
                return True
            if (x.pos_ not in ("ADP", "DET", "NOUN", "PROPN", "NUM", "ADV", "ADJ") or x.is_punct) and not any(
                    c.i <= k < c.j for c in (*s.countries, *s.cities)):
                break  # (a place's name, whatever the tagger makes of it: "à Accra" tagged as a verb)
            k += 1
        if self._passive_agent(s, verb) is not None:
            return True
        return False

    def _welcomed_party(self, s: Sentence, verb) -> bool:
        """A welcome is a meeting only when its object itself is a person, an office, a delegation or a
        country ("welcomed the President of the Slovak Republic"), or when it is passive with such an agent
        ("accueilli par le président tchèque"); not "welcomed the appointment of Prime Minister X"."""
        if self._passive_agent(s, verb) is not None:
            return True
        for c in verb.children:
            if c.dep_ in ("obj", "dobj", "nsubj:pass", "obl:agent"):
                if any(m.i <= c.i < m.j for m in self.mentions if m.sentence is s) \
                        or any(x.i <= c.i < x.j for x in (*s.titles, *s.countries)) or fold(c.lemma_) in self.group_nouns:
                    return True
        # "welcomed on Friday the President of Malawi": past a day and a place, the first noun phrase is the guest
        for k in range(verb.i + 1, min(s.span.end, verb.i + 8)):
            x = verb.doc[k]
            if any(tm.i == k for tm in s.titles) or any(m.i == k for m in self.mentions if m.sentence is s):
                return True
            if fold(x.text) in self.visiting_words:
                continue  # "welcomed visiting Iranian President X", which the parser may read as a verb
            if x.is_punct or x.pos_ in ("VERB", "AUX") or (x.pos_ == "NOUN" and fold(x.lemma_) not in self.group_nouns):
                return False
        return False

    def _host_named_last(self, s: Sentence, v: Event) -> str:
        """The host of the trip told last, or, when its sentence listed several hosts of one traveller ("en visite
        dans trois pays : le Bénin, la Gambie et la Guinée"), the one of them the text named last before ``s`` ("Le
        Bénin et ses deux capitales. [...] Pour cette première visite d'un dirigeant indien dans le pays")."""
        told = next(c for c in reversed(self._visits) if c.event is v)
        hosts = {c.event.host for c in self._visits if c.trigger.sentence is told.trigger.sentence
                 and c.event.guest == v.guest}
        if len(hosts) < 2:
            return v.host
        named = [c.code for x in self.ctx.sentences[told.trigger.sentence.index:s.index] for c in x.countries
                 if c.code in hosts]
        return named[-1] if named else v.host

    def _welcomed_by_leader(self, s: Sentence, verb) -> bool:
        """"accueilli à l'aéroport par son homologue X", "Abiy a accueilli son hôte en personne à l'aéroport": a welcome
        on arrival by the host's head of state or government is the two leaders' meeting (one by a minister or an
        ambassador is the visit's protocol; talks the sentence tells besides are the meeting: "a eu avec lui un
        entretien le lendemain")."""
        talks = self._talks_words
        if any(x.i != verb.i and (fold(x.lemma_) in talks or fold(x.text) in talks) for x in s.span):
            return False
        passive = any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children) or verb.tag_ == "VBN" or (
            verb.dep_ == "ROOT" and "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")) or (
            # "a souligné X à sa descente d'avion, accueilli par le président du Faso": a participle set off
            # with its agent
            "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
            and any(c.dep_ == "obl:agent" for c in verb.children))
        if passive:  # the agent: "par son homologue rwandais Paul Kagame", "by President X"
            k = next((x.i for x in s.doc[verb.i + 1:min(s.span.end, verb.i + 15)] if fold(x.text) in self.agent_words),
                     None)
            if k is None:
                return False
            # up to the end of the phrase, a name in apposition included ("par son homologue algérien, X,")
            stops = [x.i for x in s.doc[k + 1:min(s.span.end, k + 10)] if x.is_punct and x.text != "-"]
            end = stops[1] if len(stops) > 1 and s.doc[stops[0]].text == "," else (stops or [min(s.span.end, k + 10)])[0]
            who = set(range(k + 1, end))
        else:
            who = self.subject_tokens(verb)
        # the welcomer is of another country than the guest: "accueilli à l'aéroport d'Abidjan par son Premier
        # ministre Daniel Kablan Duncan" is a leader back home (the guest: the persons outside the welcomer's phrase)
        welcomers = [m for m in self.mentions if m.sentence is s and m.i in who and not self._own_official(s, m.i, who)]
        guest_codes = {self.person_country(m) for m in self.mentions if m.sentence is s and m.i not in who}
        guest_codes.discard(None)
        welcomers = [m for m in welcomers if self.person_country(m) not in guest_codes]
        # (a title followed by its holder's name: the name decides, with its country)
        named = {m.i for m in self.mentions if m.sentence is s}
        return any(tm.i in who and tm.role in LEADER_TITLE_ROLES and not self._own_official(s, tm.i, who)
                   and not named & set(range(tm.j, tm.j + 3)) for tm in s.titles) or any(
            any(r in LEADER_TITLE_ROLES for r, _ in [(m.role, ""), *m.roles, *(m.entity.roles if m.entity else [])])
            for m in welcomers)

    def _own_official(self, s: Sentence, i: int, phrase: set[int]) -> bool:
        """The title or name at ``i`` follows a possessive with only its title between ("son Premier ministre X",
        "his prime minister"): an official of the guest's own side, unless a counterpart ("son homologue X")."""
        for k in range(i - 1, max(s.span.start, i - 5) - 1, -1):
            if k not in phrase:
                return False
            if possessive(s.doc[k]):
                return not any(fold(x.text) in self.counterpart_words for x in s.doc[k:i + 1])
            if not any(tm.i <= k < tm.j for tm in s.titles) and s.doc[k].pos_ not in ("ADJ", "PROPN", "NOUN"):
                return False
        return False

    def _passive_agent(self, s: Sentence, verb) -> int | None:
        """"a été reçu au palais de l'Elysée ce lundi après-midi par le président français": the office or
        person after the agent word of a passive verb, in its clause, however the parser hung it (the token
        index of that title or mention)."""
        if not any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children) and verb.tag_ != "VBN":
            return None
        for k in range(verb.i + 1, min(s.span.end, verb.i + 15)):
            x = verb.doc[k]
            if x.text in (",", ";", ":", ".") or (x.pos_ == "VERB" and x.dep_ not in ("acl",)) and k > verb.i + 1 \
                    and x.text[:1].islower() and "-" not in x.text:
                return None
            if fold(x.text) in self.agent_words:
                for at in range(k + 1, min(s.span.end, k + 4)):
                    if any(tm.i == at for tm in s.titles) or any(m.i == at for m in self.mentions if m.sentence is s):
                        return at
                return None
        return None

    def _visit_guest(self, s: Sentence, host: str) -> str | None:
        for c in reversed(self._visits):
            if c.trigger.sentence.index <= s.index and c.event.host == host:
                return c.event.guest
        return None

    def _current_host(self, s: Sentence, side: str) -> str | None:
        """The other side of the latest visit reported up to this sentence in which ``side`` is the
        guest or the host: the counterpart of "son hôte", "les deux dirigeants"."""
        for c in reversed(self._visits):
            if c.trigger.sentence.index <= s.index and c.event.status == "happened":
                if c.event.guest == side:
                    return c.event.host
                if c.event.host == side:
                    return c.event.guest
        return None

    def _known_right_before(self, people: list[PersonMention], m: PersonMention) -> PersonMention | None:
        """The person of known country named last before ``m`` in its sentence, at most twelve words before m or the
        title m holds ("..., et le Ministre d'État aux Affaires étrangères chargé de la Médiation, Y")."""
        start = _title_start(m)
        before = [o for o in people if o.sentence is m.sentence and o.j <= start and self.person_country(o)
                  and start - o.j <= 12]
        return max(before, key=lambda o: o.j, default=None)

    def _infer_counterparts(self, people: list[PersonMention], s: Sentence, sides: list[str] | None = None) -> None:
        """Two people meet, one's country is known and the other's not: during a visit the other is
        from the host country; in an article about two countries, from the other one."""
        for m in people:
            if m.entity is not None and m.entity.country is None and (own := self._apposition_country(m)):
                # "attended by Omar Suleiman, the chief of the Egyptian intelligence agency": the phrase set by the
                # name says its side
                m.entity.country, m.entity.country_source = own, "apposition"
        by_person = {self.person_country(m) for m in people if self.person_country(m)}
        known = by_person | set(sides or [])
        unknown = [m for m in people if not self.person_country(m)]
        listed_around = self._listed_around(people, unknown) if unknown and len(by_person) == 1 else None
        if listed_around is not None:
            # "Also taking part were A; B; the Foreign Minister, X; C ...": the people listed around the one of known
            # country are of his delegation, not of the other side
            country = self.person_country(listed_around)
            for m in unknown:
                if m.sentence is listed_around.sentence and m.entity is not None and m.entity.country is None:
                    m.entity.country, m.entity.country_source = country, "delegation"
            return
        if unknown and len(by_person) == 1 and len(known) == 2:
            # "sa rencontre avec son homologue vietnamien X, le vice-ministre Y ... la Russie": Y is the other side
            other = next(iter(known - by_person))
            for m in unknown:
                if m.entity is not None and m.entity.country is None:
                    m.entity.country, m.entity.country_source = other, "counterpart"
            return
        if not known and unknown and self._visits:
            v = next((c.event for c in reversed(self._visits) if c.trigger.sentence.index <= s.index
                      and c.event.status == "happened"), None)
            received = any(fold(x.text) == "par" for x in s.span) and any(
                x.lemma_ in ("recevoir", "accueillir") for x in s.span)
            if v is not None and received:
                # "Reçu le jour même par le président Paul Kagame": the one receiving is the host
                for m in unknown:
                    if m.entity is not None and m.entity.country is None:
                        m.entity.country, m.entity.country_source = v.host, "visit"
            return
        if unknown and len(by_person) == 2:
            # "rencontrer le président de la Chambre des représentants, A (known), et le président de la Chambre des
            # conseillers, B": a person listed right after one of known country, no verb between, is of that side; so is
            # one listed right before one of known country, when a colon opens the list ("pour accueillir X : le
            # président du Conseil de la Nation, A, le président de l'Assemblée populaire nationale, B")
            for m in unknown:
                if m.entity is None or m.entity.country is not None or not m.roles:
                    continue
                doc = m.sentence.doc
                o = self._known_right_before(people, m)
                if o is not None and _listed(doc[o.j:_title_start(m)]) and not _subject_of_its_own(doc[m.i]):
                    # (not "..., et le Premier ministre Y a offert un dîner": the subject of a clause of its own)
                    m.entity.country, m.entity.country_source = self.person_country(o), "counterpart"
                    continue
                opened = o is not None and any(x.text == ":" for x in doc[o.j:m.i])
                after = [o for o in people if o.sentence is m.sentence and o.i >= m.j and self.person_country(o)
                         and o.i - m.j <= 12]
                o = min(after, key=lambda o: o.i, default=None)
                if opened and o is not None and _listed(doc[m.j:o.i]):
                    m.entity.country, m.entity.country_source = self.person_country(o), "counterpart"
            return
        if len(known) != 1 or not unknown:
            return
        k = next(iter(known))
        other = self._current_host(s, k)
        if other is None:
            other = self.ctx.other_main_country(k)
        if other is None:
            return
        for m in unknown:
            if m.entity is None or m.entity.country is not None:
                continue
            doc = m.sentence.doc
            o = self._known_right_before(people, m)
            # (not after one marked by a country of his own, "Togolese Ambassador X and Deputy Minister Y": Y is no
            # Togolese for that)
            if o is not None and self.person_country(o) == k and not o.country and _listed(doc[o.j:m.i]) \
                    and any(x.pos_ == "CCONJ" for x in doc[o.j:m.i]) and not _subject_of_its_own(doc[m.i]):
                # "paid a courtesy call on former Prime Minister Hun Sen and Senate President Say Chhum": one listed
                # with a person of known country, joined by "and", is of that side
                m.entity.country, m.entity.country_source = k, "counterpart"
                continue
            m.entity.country, m.entity.country_source = other, "counterpart"

    def _apposition_country(self, m: PersonMention) -> str | None:
        """The one country named (as a name or a demonym) in a noun phrase set by commas right after a person's name
        ("X, the chief of the Egyptian intelligence agency,", "X, chef des services de renseignement égyptiens")."""
        s, doc = m.sentence, m.sentence.doc
        k = m.j
        if k >= s.span.end or doc[k].text != ",":
            return None
        end = k + 1
        while end < s.span.end and doc[end].text not in (",", ";", ":", ".", "(", ")") and end - k <= 10:
            end += 1
        head = next((x for x in doc[k + 1:end] if x.pos_ not in ("DET", "ADJ")), None)
        if head is None or head.pos_ not in ("NOUN", "PROPN") or any(x.pos_ in ("VERB", "AUX") for x in doc[k + 1:end]):
            return None  # (a clause of its own, "X, who met ...")
        if any(o.sentence is s and k < o.i < end and not o.title_only for o in self.mentions):
            return None  # (another person listed: "X, Togolese Ambassador Y and ..."; not "Adviser to the UAE President")
        codes = {c.code for c in s.countries if k < c.i and c.j <= end and c.label in ("DEMONYM", "COUNTRY")}
        return next(iter(codes)) if len(codes) == 1 else None

    @staticmethod
    def _listed_around(people: list[PersonMention], unknown: list[PersonMention]) -> PersonMention | None:
        """The person of known country named inside a list of the others, some before and some after in one sentence;
        known only by the office-holder data, not by words of his own ("Algerian Ambassador X" among Russian deputy
        ministers is marked as the one apart)."""
        return next((m for m in people if m not in unknown and m.country is None
                     and any(u.sentence is m.sentence and u.i < m.i for u in unknown)
                     and any(u.sentence is m.sentence and u.i > m.i for u in unknown)), None)

    def top_countries(self) -> list[str]:
        return self.ctx.main_countries(None)

    def _meeting(self, t, other_windows):
        return self._bilateral(t, "meeting", other_windows)

    def _call(self, t, other_windows):
        return self._bilateral(t, "call", other_windows)

    def _placed(self, s: Sentence, tok) -> bool:
        """Whether a participle says where it happened ("signé à Lima"): a report, not a description."""
        own = {x.i for c in tok.children if c.dep_.startswith("obl") for x in c.subtree}
        return any(c.i in own and c.label in ("CAPITAL", "CITY") for c in [*s.countries, *s.cities])

    def _statement_noun(self, s: Sentence, tok) -> bool:
        """Whether the trigger opens one of the joint-statement phrases ("joint statement", "déclaration commune")."""
        seq = [w for x in s.doc[tok.i:min(s.span.end, tok.i + 4)] for w in words(x.text)]
        return any(tuple(seq[:len(p)]) == tuple(p) for p in self.statement_nouns)

    def _instrument(self, s: Sentence, tokens: set[int]):
        """The first agreement noun among ``tokens`` ("mémorandum d'entente", "procès-verbal") and its
        kind; compared word by word, so that hyphenated tokens match hyphenated forms."""
        seq = [(w, x) for x in s.span if x.i in tokens for w in words(x.text)]
        flat = [w for w, _ in seq]
        for n in range(len(seq)):
            for kind, form in self.instruments:
                if tuple(flat[n:n + len(form)]) == form:
                    # the phrase's own head: "statement" in "joint statement", "mémorandum" in "mémorandum d'entente"
                    toks = {x.i: x for _, x in seq[n:n + len(form)]}
                    head = next((x for x in toks.values() if x.head.i not in toks or x.head.i == x.i), seq[n][1])
                    self._phrase_start[head.i] = min(toks)
                    return kind, head
        return None, None

    def _parties_beside(self, s: Sentence, tok) -> bool:
        """"signé entre la Suède et la Tunisie en novembre 2015", "signed by Turkey with Iraq", "signé entre les
        deux pays": the participle names who signed (not "l'accord de Paris signé en 2015", a text of the world)."""
        inside = {x.i for x in tok.subtree} - {tok.i}
        party_nouns = self.lex.country_nouns | self.group_nouns
        return any(c.i in inside for c in s.countries if not c.is_location) \
            or any(m.i in inside for m in self.mentions if m.sentence is s) \
            or any(fold(s.doc[i].lemma_) in party_nouns for i in inside)

    @staticmethod
    def _named_after_place(s: Sentence, tok) -> bool:
        """"l'accord de Paris signé en 2015": the text the participle describes bears a place's name, a text
        of the world rather than one of the parties'."""
        noun = tok.head
        before = {x.i for x in noun.subtree if x.i < tok.i}
        named = [x for x in s.doc.spans.get(SPAN_KEY, []) if x.label_ == "NAMED_AFTER_PLACE"]
        return any(c.i in before for c in [*s.countries, *s.cities]) or any(x.start in before for x in named)

    @staticmethod
    def _at_talks(s: Sentence, tok) -> bool:
        """Whether a participle says at which talks or visit it happened ("leur déclaration commune, adoptée à
        l'issue de la rencontre", "the agreements signed during the visit"): a report, as a date or a place makes it."""
        own = {x.i for c in tok.children if c.dep_.startswith("obl") for x in c.subtree}
        return any(o.sub == "noun" and o.type in ("meeting", "visit", "call") and o.token.i in own
                   for o in getattr(s, "_triggers", ()))

    @staticmethod
    def _relative_antecedent(s: Sentence, verb):
        """The noun a clause's relative word tagged a conjunction stands for: the noun (or the bracket closing its
        phrase) right before the word opening the clause ("le Traité de Libre Commerce (TLC) que les deux pays ont
        signé"), or None."""
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.i < verb.i), None)
        if mark is None or mark.i <= s.span.start:
            return None
        prev = s.doc[mark.i - 1]
        noun = prev if prev.pos_ in ("NOUN", "PROPN") else prev.head if prev.is_punct and prev.text in ")]" else None
        return noun if noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.i < mark.i else None

    def _agreement(self, t: Trigger, other_windows: set[int]) -> list[Candidate]:
        s, tok = t.sentence, t.token
        win = self.window(t)
        participle = t.sub == "verb" and tok.dep_ in ("acl", "amod", "acl:relcl") and not any(
            c.dep_.startswith("nsubj") for c in tok.children)
        at_talks = participle and self._at_talks(s, tok)
        if participle and not self.dates_in(s, win) and not self._placed(s, tok) and not self._headline_signing(t) \
                and not at_talks:
            # "les accords signés": a past agreement described; "le communiqué publié mercredi" is reported
            return []
        if participle and tok.dep_ in ("acl", "amod") and (self._placed(s, tok) or at_talks or any(
                len(d.date_start) == 10 for d in self.dates_in(s, win)) or (
                self.dates_in(s, win) and (self._parties_beside(s, tok) or not self._named_after_place(s, tok)))):
            # "un communiqué conjoint signé hier", "un communiqué commun signé à Lima", "un mémorandum signé
            # en novembre 2015", "an agreement signed in April": the noun the participle describes is the
            # instrument
            kind, head = self._instrument(s, {x.i for x in tok.head.subtree if x.i <= tok.i})
            if head is None:  # the parser hung the participle on the last complement of the noun
                kind, head = self._instrument(s, set(range(max(s.span.start, tok.i - 12), tok.i)))
        elif t.sub == "verb":
            obj = {x.i for c in tok.children if c.dep_ in ("obj", "nsubj:pass") for x in c.subtree}
            if tok.dep_ == "acl:relcl" and obj and all(s.doc[i].tag_ == "WDT" or "Rel" in s.doc[i].morph.get(
                    "PronType") or s.doc[i].pos_ == "SCONJ" for i in obj):
                # "the Bilateral Trade Agreement which was signed in December 2005": the relative pronoun stands for
                # the noun the clause hangs on (so does "que", however it is tagged)
                obj = {x.i for x in tok.head.subtree if x.i < tok.i and x.i not in obj}
            elif not obj and (antecedent := self._relative_antecedent(s, tok)) is not None:
                # "le traité de libre-échange que les deux pays ont signé en 2011": the relative word, tagged a
                # conjunction, stands for the noun right before it (whatever the parser hangs the clause on)
                # (and the words right before it: the parser may split the noun's phrase, "traité de libre-échange")
                obj = {x.i for x in antecedent.subtree if x.i < tok.i and x.head.i != tok.i} | set(
                    range(max(s.span.start, antecedent.i - 5), antecedent.i + 1))
            elif participle and not obj and self._headline_signing(t):
                obj = {x.i for x in tok.head.subtree if x.i < tok.i}  # "Huit accords de coopération signés entre ..."
            elif not obj and tok.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in tok.children):
                # "The bilateral deals signed at the conclusion of the visit encompassed ...", parsed with the
                # participle as the root: the subject of a past participle with no auxiliary is what was signed
                obj = {x.i for c in tok.children if c.dep_ == "nsubj" for x in c.subtree}
            kind, head = self._instrument(s, obj or win)
            if head is None and obj and tok.dep_ not in ("acl", "amod", "acl:relcl"):
                # "a signé lundi à Lomé plusieurs accords": the parser may take the place for the object; the texts are
                # further on in the verb's own window
                kind, head = self._instrument(s, {i for i in win if i > tok.i and i not in obj})
        else:
            kind, head = self._instrument(s, win)
            if head is not None and head.i > tok.i and head.i not in {x.i for x in tok.subtree} and any(
                    x.pos_ == "VERB" for x in s.doc[tok.i + 1:head.i]):
                # "seized on the signing ceremony to push lawmakers to pass similar accords": a text another verb
                # governs is not the one signed
                kind, head = None, None
        ceremony = False
        if head is None and t.sub == "noun":
            # "a signing ceremony was held", "une cérémonie de signature": texts were signed, whatever they are (no
            # instrument nor title: the signing is one with the texts another sentence names, and merges with it)
            # (a ceremony told in the past only: "will attend the signing ceremony" is another clause's plan)
            head = self._ceremony_of(s, tok)
            if head is not None and not self._told_in_past(head):
                head = None
            kind, ceremony = None, head is not None
        if head is None:
            return []
        people, explicit, scope = self._parties(t, other_windows)
        at, signed = self._last_signing
        if ceremony and signed and at >= s.index - 1 and any(
                c.dep_ == "det" and fold(c.text) in self.definite_articles for c in head.children):
            # "They signed a free trade agreement. X seized on the signing ceremony to push for similar accords with
            # A and B": the ceremony just told, not one with the countries the sentence speaks of
            c = Candidate(t, Event(doc=None, type="agreement", countries=list(signed)),
                          [m for m in people if self.person_country(m) in signed])
            c.anaphoric = True
            return [c]
        countries = []
        for m in people:
            c = self.person_country(m)
            if c and c not in countries:
                countries.append(c)
        for c in explicit:
            if c.code not in countries:
                countries.append(c.code)
        subject_states = self._coordinated_subject_states(s, tok) if t.sub == "verb" else []
        if t.sub == "verb" and self._with_organisation(s, tok):
            return []  # "X and Y signed a free-trade agreement with the ASEAN grouping": no text of the two
        subject = self.subject_tokens(tok) if t.sub == "verb" else set()
        if len(subject_states) < 2 and subject and self._two_countries_in(s, subject):
            # "The two countries signed a security pact in 2022, an agreement that alarmed the United States and
            # Australia": the pair the subject stands for, not the countries the sentence goes on to speak of
            pair = self._story_pair(s)
            if len(pair) == 2:
                subject_states = pair
        if len(subject_states) == 2:
            # "Israel and Bahrain, host to the US Navy's Fifth Fleet, signed ... at a White House ceremony": the
            # states the subject names are the parties (not a state named in an aside or as the place)
            countries = subject_states
        if len(countries) < 2 and self._last_parties and (self._anaphoric(s, scope | set(range(s.span.start, tok.i)))
                                                          or self._two_countries(s)):
            # "Huit accords ont été signés à l'issue de ces discussions": the parties of those talks
            countries = list(dict.fromkeys(countries + self._last_parties))
        if len(countries) < 2:
            for c in s.countries:
                if c.code not in countries and not c.is_location and c.i in (scope | win):
                    countries.append(c.code)
        statement = t.sub == "noun" and self._statement_noun(s, tok)
        if statement and self._last_statement and self._statement_quoted(tok):
            # "In the joint statement, the two leaders urged North Korea to ...": what the statement told before says,
            # not another text (nor one with the countries it speaks of)
            c = Candidate(t, Event(doc=None, type="agreement", countries=list(self._last_statement),
                                   instrument="joint_statement"), [])
            c.anaphoric = True
            return [c]
        if len(countries) < 2 and statement:
            # "according to a joint statement issued by Lee and Triet": the sentence names the parties, and a
            # joint statement told on its own names them ("Déclaration conjointe sur le Groenland" in a list of
            # links is nobody's of the story)
            whole = set(range(s.span.start, s.span.end))
            for m in self.persons_in(s, whole):
                if self.person_country(m) and self.person_country(m) not in countries:
                    people = people + [m]
                    countries.append(self.person_country(m))
            located = {c.code for c in s.countries if c.is_location}  # "à New York, aux États-Unis (USA)"
            for c in s.countries:
                if c.code not in countries and not c.is_location and c.code not in located:
                    countries.append(c.code)
            if len(countries) == 1:
                countries = self.context_pair(s, countries)
        elif len(countries) < 2 and self._with_group_of_states(s, tok):
            return []  # "Téhéran a signé un accord avec les grandes puissances": many parties, no pair
        elif len(countries) < 2:
            countries = self.context_pair(s, countries)
            if len(set(countries)) < 2 and len(set(self._last_parties)) == 2 and self._last_parties_at >= s.index - 2:
                # "X a eu un tête-à-tête avec son homologue tanzanienne Y. Deux accords ont été signés": the parties of
                # the talks just told, when the text names too few countries to give them
                countries = list(dict.fromkeys(self._last_parties))
        if len(countries) < 2:
            return []
        heads = [(kind, head)]
        # "une déclaration conjointe ..., ainsi qu'un communiqué commun": one event per instrument
        for conj in head.conjuncts:
            k2, h2 = self._instrument(s, {x.i for x in conj.subtree if x.i <= conj.i + 3})
            if h2 is not None and h2.i == conj.i and h2.i != head.i:
                heads.append((k2, h2))
        out = []
        found = self._act_place(s, tok)
        remote = self._remote(s)  # "signed via video link"
        where, present = (found[0], self._present_at(s, found[1])) if found and not remote else (None, None)
        places = {k for x in [*s.countries, *s.cities] if x.is_location for k in range(x.i, x.j)}
        named_places = set(places)
        # "the signing of the agreement at the Kenyan mission": a phrase of place says where, not which
        places |= {c.i for c in head.children if any(
            g.dep_ == "case" and fold(g.text) in self.lex.location_preps for g in c.children)}
        anaphoric = len(heads) == 1 and any(fold(c.text) in self.anaphoric_determiners for c in head.children
                                            if c.dep_ == "det") and not any(c.dep_ in ("nmod", "nummod", "amod")
                                                                            and c.i not in places
                                                                            for c in head.children)
        for kind, head in heads:
            e = Event(doc=None, type="agreement", countries=list(countries), instrument=kind)
            if where is not None and where.code in countries:
                e.location = {"country": where.code, "city": where.text if where.label in ("CAPITAL", "CITY") else None}
            count = self.quantities.count_before(head)
            if count and count > 1:
                e.count = int(count)
            others = {x.i for _, h in heads if h is not head for x in h.subtree}
            # the words before the noun that qualify it ("joint statement"), not a clause telling what was
            # done with it ("issued by the two presidents", "lue à Santa Marta")
            start = min(head.i, self._phrase_start.get(head.i, head.i))
            told = {x.i for c in head.rights if c.dep_ in ("acl", "acl:relcl") and c.tag_ in ("VBN", "VBD") or (
                c.dep_ == "acl" and "Part" in c.morph.get("VerbForm") and "Past" in c.morph.get("Tense")) or (
                # "mémorandums d'entente qui ont été signés hier": the clause telling the signing
                c.dep_ == "acl:relcl" and c.lemma_ in self.agreement_verbs) for x in c.subtree}
            # "the agreement in Murmansk": where it was signed is no part of its title
            where_words = {x.i for c in head.children if c.i in named_places for x in c.subtree}
            # "plusieurs accords de coopération avec son homologue togolais": the partner is no part of the title
            partner_words = {x.i for c in head.children if c.dep_.startswith("nmod") and any(
                g.dep_ == "case" and fold(g.text) in self.with_words for g in c.children) for x in c.subtree}
            sub = [x for x in head.subtree if x.i >= start and x.i not in others and x.i not in told
                   and x.i not in where_words and x.i not in partner_words]
            e.title = None if ceremony else _text_title(sub)
            level = self._level_set_up_by(s, head, kind)
            if level is not None and e.countries and not anaphoric:
                # "signed a strategic partnership agreement", "a joint communiqué establishing diplomatic relations":
                # the text sets the level up; the pair reaches it as it is signed
                up = Candidate(t, Event(doc=None, type="upgrade", countries=list(countries), level=level), people)
                out.append(up)
            own_party = any(c.i in {x.i for x in head.subtree} for c in s.countries if not c.is_location)
            bundle = None if own_party else next((o for o in out if o.event.type == "agreement"
                                                  and {o.event.instrument, kind} <= SIGNED_TOGETHER), None)
            if bundle is not None:
                # "la signature d'une convention et de deux mémorandums d'entente": one signing of several texts
                # (a joint statement, a plan or a record of minutes stays an event of its own)
                b = bundle.event
                # "22 agreements and memorandums": the number counts both nouns
                b.count = (b.count or 1) + e.count if e.count else (b.count or 2)
                b.title = ", ".join(x for x in (b.title, e.title) if x) or None
                continue
            c = Candidate(t, e, people)
            c.anaphoric = anaphoric  # "Les textes ont été signés par ...": the agreements just reported
            c.present_at_place = present
            c.signed_in = where.code if where is not None else None
            out.append(c)
            if len(set(countries)) == 2:
                self._last_signing = (s.index, list(countries))
            if kind == "joint_statement":
                self._last_statement = list(countries)
        return out

    def _statement_quoted(self, tok) -> bool:
        """"In the joint statement, ...", "Dans la déclaration commune, ...": a statement named with a definite or
        demonstrative article after a preposition of content (triggers.yaml agreement content_prepositions and
        content_determiners)."""
        while tok.dep_ in ("amod", "compound") and tok.head.i > tok.i:
            tok = tok.head  # "joint" of "the joint statement": the noun
        return any(c.dep_ == "det" and fold(c.text) in self.content_dets for c in tok.children) and any(
            c.dep_ == "case" and fold(c.text) in self.content_preps for c in tok.children)

    def _level_set_up_by(self, s: Sentence, head, kind: str | None) -> str | None:
        """The level a signed text sets up: named right before its noun ("a strategic partnership agreement"), right
        after it and a preposition of its name ("accord de partenariat stratégique"), or after an establishing word
        of its phrase ("a memorandum on the forming of a strategic partnership", "un communiqué conjoint portant
        établissement des relations diplomatiques"); not a text carrying an existing partnership out ("the
        strategic partnership action plan"), nor a plan."""
        if kind == "plan":
            return None
        doc = s.doc
        phrase = {x.i for x in head.subtree}
        setting, carried, anniversary = self.level_setting_words, self.carried_out_words, self.anniversary_nouns
        for lv in self.levels.find(s):
            after = {fold(x.text) for x in doc[lv.j:min(lv.j + 4, s.span.end)]} | {
                fold(x.lemma_) for x in doc[lv.j:min(lv.j + 4, s.span.end)]}
            if after & carried:
                continue
            if lv.j < s.span.end and doc[lv.j].pos_ in ("NOUN", "PROPN") and lv.j != head.i:
                continue  # "a strategic partnership council": the level names another thing
            if any(fold(x.text) in anniversary or fold(x.lemma_) in anniversary for x in doc[head.i + 1:lv.i]):
                continue  # "a joint statement on the 28th anniversary of establishing diplomatic relations"
            if lv.j == head.i:
                return lv.level  # "a strategic partnership agreement"
            if lv.i == head.i + 2 and fold(doc[head.i + 1].text) in self.name_preps:
                return lv.level  # "accord de partenariat stratégique"
            if head.i < lv.i <= head.i + 3 and fold(doc[head.i + 1].text) in self.level_subject_preps and all(
                    x.pos_ == "DET" for x in doc[head.i + 2:lv.i]):
                return lv.level  # "an agreement for strategic partnership", "un accord sur le partenariat stratégique"
            # (the parser may hang the complement on the verb: the words up to the level are then one phrase, with
            # no stop and no finite verb)
            joined = lv.i in phrase or not any(x.is_punct or "Fin" in x.morph.get("VerbForm") for x in doc[head.i + 1:lv.i])
            setter = next((x for x in doc[head.i + 1:lv.i] if fold(x.lemma_) in setting or fold(x.text) in setting), None)
            # (the establishing word sets up the level itself: only articles, prepositions and adjectives between,
            # not "establishing a joint committee on the ... partnership")
            if lv.i > head.i and joined and lv.i - head.i <= 8 and setter is not None and all(
                    x.pos_ in ("DET", "ADP", "ADJ", "NUM", "CCONJ") or x.is_punct for x in doc[setter.i + 1:lv.i]):
                return lv.level  # "... on the forming of a strategic partnership", "establishing diplomatic relations"
        return None

    def _remote(self, s: Sentence) -> bool:
        """Done from afar: a phone or video marker after a preposition of means ("via video link", "by phone",
        "par visioconférence"), not one in a text's subject ("mobile phone roaming") or another event ("a week
        after a phone call")."""
        text = " ".join(fold(x.text) for x in s.span)
        return any(f" {p} {d}{m} " in f" {text} " for m in self.call_markers for p in self.means_prepositions
                   for d in ("", "a ", "an ", "the ", "une ", "un ", "la ", "le "))

    @staticmethod
    def _clauses_without(s: Sentence, tok, heads) -> set[int]:
        """The tokens of the clauses headed by the tokens ``heads`` picks out that do not hold ``tok``."""
        out: set[int] = set()
        for x in s.span:
            if heads(x):
                tree = {y.i for y in x.subtree}
                if tok.i not in tree:
                    out |= tree
        return out

    def _describing_clauses(self, s: Sentence, tok) -> set[int]:
        """The tokens of clauses hung on another noun than ``tok`` ("a conference to be held in Tokyo", "un sommet qui
        se tiendra à Paris"): what they tell takes place elsewhere than the trip, maybe."""
        # (not the clause naming who heads the travelling party: "the delegation led by Speaker X to Tanzania")
        return self._clauses_without(s, tok, lambda x: x.dep_ in ("acl", "acl:relcl", "relcl") and x.pos_ in (
            "VERB", "AUX") and x.head.i != tok.i and x.head.pos_ in ("NOUN", "PROPN") and not self._heads_party(x))

    def _heads_party(self, tok) -> bool:
        """A participle naming who heads a travelling party, with its agent ("the delegation led by Speaker X",
        "conduite par le Premier ministre"; triggers.yaml visit.heading_participles)."""
        return fold(tok.lemma_) in self.heading_participles and any(
            c.dep_ in ("agent", "obl:agent") for c in tok.children)

    def _place_described(self, s: Sentence, tok) -> set[int]:
        """The tokens of relative clauses after ``tok`` hung on a place ("to Azerbaijan, which is a neighbour to
        Iran", "au Tchad, qui partage une frontière avec le Soudan"): what they say of the place names no other
        destination."""
        places = [c for c in [*s.countries, *s.cities] if c.label in ("COUNTRY", "CAPITAL", "CITY")]
        doc = s.doc

        def on_place(x) -> bool:
            # (or on the place right before it, which the parser may pass over: "relations between Israel and
            # Azerbaijan, which is ...", hung on "relations")
            k = min(y.i for y in x.subtree) - 1
            while k > s.span.start and doc[k].is_punct:
                k -= 1
            return any(c.i <= x.head.i < c.j or c.i <= k < c.j for c in places)

        return self._clauses_without(s, tok, lambda x: x.dep_ in ("acl:relcl", "relcl") and x.i > tok.i and on_place(x))

    def _subordinate_clauses(self, s: Sentence, tok) -> set[int]:
        """The tokens of the clauses after ``tok`` opened by a conjunction ("quand", "when", "while") with a subject of
        their own, that do not hold ``tok``: another state of affairs, told beside the event."""
        out = self._clauses_without(s, tok, lambda x: x.i > tok.i and x.dep_ == "advcl" and any(
            c.dep_ == "mark" for c in x.children) and any(c.dep_.startswith("nsubj") for c in x.children))
        # "une visite en France au cours de laquelle il parlera de l'aide à Haïti", "a visit to France during which he
        # will discuss aid to Haiti": a relative clause opened by a preposition, with a subject of its own, tells what
        # is done during the trip, not where it goes (read on the words: the parser hangs it anywhere)
        for x in s.doc[tok.i + 2:s.span.end]:
            if _relative_after_preposition(x):
                verb = x.head
                if verb.pos_ in ("VERB", "AUX") and verb.i > x.i and any(
                        c.dep_.startswith("nsubj") and c.i != x.i for c in verb.children):
                    # (to the sentence's end: the parser often hangs the clause's last complements on the trip noun)
                    end = next((y.i for y in s.doc[x.i:s.span.end] if y.text == ";"), s.span.end)
                    out |= {y.i for y in verb.subtree if y.i > x.i} | set(range(x.i + 1, end))
                    break
        return out

    def _fronted_places(self, s: Sentence, tok) -> list:
        """"À Doha, le ministre X a rencontré Y", "In Doha, X met Y": the places of a phrase of place that opens the
        sentence, set off by a comma, are where the events of the clause after it took place."""
        doc = s.doc
        comma = next((x.i for x in doc[s.span.start:min(s.span.start + 8, s.span.end)] if x.text == ","), None)
        if comma is None or tok.i < comma or fold(doc[s.span.start].text) not in self.lex.location_preps:
            return []
        places = [c for c in [*s.countries, *s.cities] if s.span.start < c.i < comma and c.is_location
                  and c.label in ("COUNTRY", "CAPITAL", "CITY")]
        # (a place and its country only: "A Doha au Qatar,"; not "In the talks on Gaza,")
        covered = {k for c in places for k in range(c.i, c.j)}
        if not places or any(x.i not in covered and x.pos_ not in ("ADP", "DET") and fold(x.text) not in
                             self.lex.location_preps for x in doc[s.span.start:comma]):
            return []
        return sorted(places, key=lambda c: c.i)

    def _in_inner_clause(self, s: Sentence, c, tok) -> bool:
        """A place in another clause than the trigger's, with a verb of its own ("a expliqué, au cours d'une
        conférence de presse commune, qu'il s'était engagé à fournir à la Bolivie", "held talks hours before X
        was due to meet Y in Jordan"): that verb's complement, not where the talks were."""
        own = self.governing_verb(tok)
        x = s.doc[c.i]
        for _ in range(6):
            if x.i == tok.i or (own is not None and x.i == own.i) or x.head.i == x.i:
                return False
            x = x.head
            if x.pos_ == "VERB" and x.i != tok.i and (own is None or x.i != own.i):
                # a complement clause (what was said or promised), not a clause told of the talks themselves
                # ("les pourparlers, qui se déroulent en Turquie", "held in Muscat", "après avoir atterri à Banjul")
                return x.dep_ in ("ccomp", "xcomp")
        return False

    def _act_place(self, s: Sentence, tok):
        """Where the act of ``tok`` took place, when a place is a complement of its verb ("a assisté le 7 avril à
        Pékin à la signature", "a scellé hier à Kiev ... en signant", "à Buenos Aires, où les deux chefs d'État ont
        signé") — not a place named elsewhere in the sentence (the origin of a traveller, a place spoken of)."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else self.governing_verb(tok)
        verbs = []
        while verb is not None and len(verbs) < 3:
            verbs.append(verb)
            # "en signant" hangs on the verb of the sentence, which its place complement also describes
            verb = verb.head if verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i else None
        if not verbs:
            return None
        places = [c for c in [*s.countries, *s.cities] if c.is_location]
        for c in sorted(places, key=lambda c: c.text in self.lex.seats):
            x = s.doc[c.i]
            for _ in range(4):
                if x.pos_ in ("VERB", "AUX") or x.head.i == x.i:
                    break
                x = x.head
            v = next((v for v in verbs if x.i == v.i), None)
            if v is not None:
                return c, v
        v = verbs[0]
        if v.dep_ == "acl:relcl" and any(fold(c.text) in self.lex.relative_place_words for c in v.children):
            c = next((c for c in places if c.i <= v.head.i < c.j), None)
            return (c, v) if c is not None else None
        return None

    def _present_at(self, s: Sentence, verb) -> set[str] | None:
        """The countries of the people the verb that carries a place has as its subject ("Lavrov signed the
        treaty in Moscow; Moallem had signed it in Damascus": only Lavrov was in Moscow), or None when its
        subject names no one in particular ("les deux chefs d'État ont signé", a passive): anyone of the
        signing may have been there."""
        subj = self.subject_tokens(verb)
        if any(fold(s.doc[i].text) in self.two_words or fold(s.doc[i].lemma_) in self.group_nouns
               and "Plur" in s.doc[i].morph.get("Number") for i in subj):
            return None  # "les deux chefs d'État", "the ministers"
        # the subject and the people the verb's own phrases name ("signed the agreement with X", "en présence de
        # son homologue X"), not those of another clause
        def own_phrase(i: int) -> bool:
            x = s.doc[i]
            for _ in range(8):
                if x.i == verb.i:
                    return True
                if x.head.i == x.i or (x.pos_ in ("VERB", "AUX") and x.i != i):
                    return False
                x = x.head
            return False
        near = subj | {m.i for m in self.mentions if m.sentence is s and own_phrase(m.i)}
        countries = {self.person_country(m) for m in self.persons_in(s, near)} - {None}
        return countries or None

    def _upgrade(self, t: Trigger, other_windows: set[int]) -> list[Candidate]:
        s, tok = t.sentence, t.token
        win = self.window(t)
        if t.sub == "noun":
            phrase = {x.i for x in tok.subtree}
            win = win & phrase
            # "announced the elevation of bilateral relations to a comprehensive strategic partnership": the parser
            # may hang "to a ... partnership" on the verb; a level right after the noun's phrase, brought by a
            # preposition of level, is the one it reaches
            k = max(phrase) + 1
            if k < s.span.end and fold(s.doc[k].text) in self.level_prepositions:
                win |= set(range(k, min(k + 4, t.window_end, s.span.end)))
        if t.sub == "verb" and any(c.dep_ in ("obj", "dobj") and fold(c.lemma_) in self.upgrade_nouns
                                   for c in tok.children):
            return []  # "ont annoncé l'établissement d'un partenariat": the noun tells the upgrade
        verb0 = self.governing_verb(tok)
        args = {x.i for c in (verb0.children if verb0 is not None else []) if c.dep_ in ("obj", "nsubj:pass", "nsubj")
                for x in c.subtree} if t.sub == "verb" else set()
        if t.sub == "verb":
            win |= self._past_described_level(s, t)
        levels = [lv for lv in self.levels.find(s) if lv.i in win or lv.i in args]
        if t.sub == "verb":
            # "ont établi des relations diplomatiques en 1974 et mis en place un partenariat stratégique en 1993": a
            # level in the clause of a verb joined to this one is that verb's
            joined = {x.i for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" for x in c.subtree}
            levels = [lv for lv in levels if lv.i not in joined] or levels
        if not levels and t.sub != "verb":
            return []
        restored = False
        if not levels:
            levels = self._restored_relations(s, tok)
            restored = bool(levels)
        if tok.lemma_ == "porter" and (not levels or not any(
                fold(x.text) in self.rank_nouns for x in s.doc[tok.i:levels[0].i])):
            return []
        own = self._levels_described_by(s, tok)
        participle_of_level = bool(own) and t.sub == "verb"
        if participle_of_level and not levels:
            levels = own
        if not levels:
            return []
        if t.sub == "verb" and participle_of_level and self.dates_in(s, win):
            # "leurs relations diplomatiques, nouées le 19 décembre 1950": dated, reported; a participle of
            # establishing is of the level it describes, not of one the clause raises them to further on ("...,
            # nouées en 1995, au niveau d'un partenariat stratégique"); one of raising, of the level it reaches
            # ("élevées en 2007 au rang de partenariat stratégique")
            if tok.lemma_ in self.upgrade_object_verbs:
                levels = own
        elif t.sub == "verb":
            if tok.dep_ in ("acl", "amod") and not any(c.dep_.startswith("nsubj") for c in tok.children) \
                    and not self.dates_in(s, win) and not self.rank_nouns & {fold(x.text) for x in s.doc[tok.i:t.window_end]}:
                return []  # "le partenariat établi": a level described, not an upgrade reported
            between = {fold(x.text) for x in s.doc[min(tok.i, levels[0].i):max(tok.i, levels[0].i)]}
            # "ont élevé leurs relations diplomatiques au rang de partenariat stratégique": the rank noun before a
            # later level
            ranked = between | {fold(x.text) for lv in levels[1:] for x in s.doc[max(tok.i, levels[0].j):lv.i]}
            if tok.lemma_ in self.upgrade_object_verbs:
                # the level is the object itself ("ont repris leurs relations diplomatiques"), not a word inside it
                # ("ont repris les discussions sur leur partenariat", "set out the priorities of their partnership")
                obj = {i for c in tok.children if c.dep_ in ("obj", "nsubj:pass")
                       for i in (c.i, *(x.i for x in c.children if x.dep_ in ("amod", "det", "flat", "compound")))}
                if levels[0].i not in obj and not self._level_right_after(s, tok, levels[0]) \
                        and not self.rank_nouns & between:
                    return []
            elif not self.rank_nouns & ranked and not self._reached_level(s, levels[0], tok) and not any(
                    self._reached_level(s, lv, tok) and all(
                        x.pos_ in ("DET", "ADP") or x.is_quote or fold(x.text) in self.level_prepositions | self.rank_nouns
                        for x in s.doc[levels[0].j:lv.i]) for lv in levels[1:]):
                # "élever les relations à la hauteur de leur partenariat": no new level ("elevated their diplomatic
                # ties to a strategic partnership": the level reached right after the relations raised, not one
                # further on, "rehaussé leurs relations conformément au partenariat stratégique signé en 2021")
                return []
        if not levels:
            return []
        # "élever leurs relations du partenariat global au partenariat stratégique": the level reached is
        # the one introduced by "au", "à" or a rank noun, not the one they start from
        reached = [lv for lv in levels if {fold(x.text) for x in s.doc[max(s.span.start, lv.i - 4):lv.i]}
                   & (self.level_prepositions | self.rank_nouns)]
        level = (reached or levels)[0].level
        verb = self.governing_verb(tok)
        subj = self.subject_tokens(verb)
        # partners: "avec le Kazakhstan, l'Azerbaïdjan et le Bélarus", "entre le Vietnam et le Kazakhstan"
        scope = win | subj | args
        if restored:
            # relations restored: the parties are the subject's and those the relations are with, not any place
            # the clause names ("re-establish ties ..., at a summit in Guyana")
            scope = subj | {x.i for x in s.doc[levels[0].i].subtree} | {
                x.i for c in tok.children if c.dep_.startswith("obl") and any(
                    fold(y.text) in self.restoring_partner_preps for y in c.children if y.dep_ == "case")
                for x in c.subtree}
        partners = [c.code for c in s.countries if c.i in scope]
        subj_codes = [c.code for c in s.countries if c.i in subj]
        people = self.persons_in(s, subj)
        subj_codes += [self.person_country(m) for m in people if self.person_country(m)]
        if verb is None and not subj_codes:
            # "La Chine et le Panama ont signé un communiqué sur l'établissement de relations diplomatiques": a noun
            # inside the object of a verb whose subject lists two countries; they are the parties, not the
            # article's most named country with each of them
            above = next((h for h in list(tok.ancestors)[:4] if h.pos_ in ("VERB", "AUX")), None)
            joint = list(dict.fromkeys(c.code for c in s.countries if c.i in self.subject_tokens(above)
                                       and not c.is_location)) if above is not None else []
            if len(joint) >= 2:
                subj_codes = joint
        if restored and len(set(subj_codes)) < 2:
            # "quelques mois après que l'Iran et l'Arabie saoudite ont repris leurs relations", however the parser
            # reads the subject (here as the main clause's, "la décision de Djibouti"): the countries listed in the
            # clause before the verb
            k = tok.i - 1
            while k >= s.span.start and s.doc[k].text not in (",", ";", ":") and s.doc[k].pos_ != "SCONJ":
                k -= 1
            listed = list(dict.fromkeys(c.code for c in s.countries if k < c.i < tok.i and not c.is_location))
            if len(listed) >= 2 and not any(k < i < tok.i for i in subj):
                subj_codes, partners = listed, []
        if not partners and not subj_codes:
            partners = [c.code for c in s.countries if not (restored and c.is_location)]
        if len(set(partners + subj_codes)) < 2 and not restored:
            # "les deux dirigeants ont passé en revue le partenariat établi en 1997 entre leurs deux pays"
            partners += [self.person_country(m) for m in self.mentions if m.sentence is s and self.person_country(m)]
        if not subj_codes and t.sub == "noun" and self._two_countries_in(s, {x.i for x in tok.subtree}):
            # "the normalization of diplomatic ties between our two countries as well as X's accession to ...": the
            # pair the phrase stands for, not another country named in the noun's phrase
            pair = self._story_pair(s)
            if len(pair) == 2:
                subj_codes, partners = pair, []
        codes = []
        for c in subj_codes + partners:
            if c not in codes:
                codes.append(c)
        if len(codes) < 2:
            codes = self.context_pair(s, codes)
        if len(codes) < 2:
            return []
        codes = self.successors.collapse(codes)
        if len(codes) < 2:
            return []
        out = []
        if not subj_codes and self.ctx.focal and self.ctx.focal not in codes and len(codes) >= 1:
            codes.insert(0, self.ctx.focal)  # "Nous avons élevé nos relations ... avec X": the article's country
        anchor = subj_codes[0] if subj_codes else (self.ctx.focal if self.ctx.focal in codes else codes[0])
        others = [c for c in codes if c != anchor]
        def deciders(pair):  # "X and Y agreed to forge a strategic partnership": the subject's people of the pair
            return [m for m in people if self.person_country(m) in pair]

        if len(others) > 1 and level != "diplomatic_relations" or len(others) > 1 and anchor == self.ctx.focal:
            for c in others:
                out.append(Candidate(t, Event(doc=None, type="upgrade", countries=[anchor, c], level=level),
                                     deciders((anchor, c))))
        else:
            out.append(Candidate(t, Event(doc=None, type="upgrade", countries=[anchor, others[0]], level=level),
                                 deciders((anchor, others[0]))))
        return out

    def _levels_described_by(self, s: Sentence, tok) -> list:
        """"leurs relations diplomatiques, nouées le 19 décembre 1950": the levels a participle describes (attached
        to it by the parser, or right after it and a comma, or set before the clause whose subject it is)."""
        return [lv for lv in self.levels.find(s) if lv.i <= tok.head.i < lv.j and tok.dep_ in ("acl", "amod")
                and tok.i >= lv.j or lv.j <= tok.i <= lv.j + 1 and all(x.text == "," for x in s.doc[lv.j:tok.i])
                or self._fronted_participle_of(tok, lv)]

    def _past_described_level(self, s: Sentence, t: Trigger) -> set[int]:
        """"ont élevé leurs relations diplomatiques, nouées en 1995, au niveau d'un partenariat stratégique": a
        participle describing the level this verb raises ends the verb's window but not its clause; what follows the
        participle's phrase, up to the next trigger, is the verb's again (read by position: the parser may cut such
        a sentence in two)."""
        after = next((o for o in getattr(s, "_triggers", ()) if o.token.i == t.window_end), None)
        if after is None or after.type != "upgrade" or after.sub != "verb" \
                or after.token.lemma_ not in self.upgrade_object_verbs:
            return set()
        if not any(t.token.i < lv.i and lv.j <= t.window_end for lv in self._levels_described_by(s, after.token)):
            return set()
        described = {x.i for x in after.token.subtree}
        return set(range(max(described) + 1, after.window_end))

    def _restored_relations(self, s: Sentence, tok) -> list[LevelMention]:
        """"Ethiopia and Eritrea restored relations last year", "ont rétabli leurs relations", "agreed to
        re-establish ties": relations, unqualified, that a verb of restoring takes as its object are diplomatic ones
        (broken before); not "restored trade relations"."""
        doc = s.doc
        lemma = fold(tok.lemma_)
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and fold(doc[tok.i - 2].text) in self.restoring_prefixes:
            lemma = fold(doc[tok.i - 2].text) + lemma  # "re-establish"
        if lemma not in self.restoring_verbs:
            return []
        for c in tok.children:
            if c.dep_ not in ("obj", "nsubj:pass") or fold(c.text) not in self.relation_nouns:
                continue
            # unqualified: no "trade", no "of trust"/"d'amitié" (a complement only with the other party, "with
            # Israel"), no "damaged by the dispute" (only a word of the break, "broken off two years ago")
            if all(fold(x.text) in self.restored_qualifiers for x in c.children if x.dep_ in ("amod", "compound")) \
                    and not any(x.dep_.startswith("nmod") and not any(
                        fold(y.text) in self.restoring_partner_preps for y in x.children if y.dep_ == "case")
                                and x.i not in self._dated(s, [x])  # ("leurs relations en mars": a day, no qualifier)
                                for x in c.children) \
                    and all(fold(x.lemma_) in self.rupture_verbs for x in c.children if x.dep_.startswith("acl")):
                return [LevelMention("diplomatic_relations", c.i, c.i + 1)]
        return []

    def _reached_level(self, s: Sentence, lv, verb=None) -> bool:
        """"elevated their ties to a comprehensive strategic partnership", "élevé leurs relations à un partenariat
        stratégique": the level is introduced by the preposition of the level reached (past a determiner; past
        adjectives too when the level hangs on ``verb``, not on another clause's: "agreed to raise trade, which will add
        momentum to the close strategic partnership")."""
        k = lv.i - 1
        # (past words qualifying the level too: "to the extensive strategic partnership", "to a long-term and
        # strategic partnership")
        def qualifying(i: int) -> bool:  # an adjective, or a word of a hyphenated one ("long-term")
            doc = s.doc
            return doc[i].pos_ == "ADJ" or doc[i].text == "-" or doc[i - 1].text == "-" or doc[i + 1].text == "-"

        # (past a determiner, and the quotation marks of a level quoted: 'to a "strategic cooperative partnership"')
        while k > s.span.start and (s.doc[k].pos_ == "DET" or s.doc[k].is_quote):
            k -= 1
        if k >= s.span.start and fold(s.doc[k].text) in self.level_prepositions:
            return True
        if verb is None or not self._hangs_on(s.doc[lv.i:lv.j].root, verb):
            return False
        while k > s.span.start and (s.doc[k].pos_ == "DET" or qualifying(k) or
                                    s.doc[k].pos_ == "CCONJ" and qualifying(k - 1)):
            k -= 1
        return k >= s.span.start and fold(s.doc[k].text) in self.level_prepositions

    @staticmethod
    def _hangs_on(tok, verb) -> bool:
        """Whether ``verb`` is among the heads of ``tok`` with no other verb between (whatever it is tagged)."""
        h = tok
        while h.head.i != h.i:
            h = h.head
            if h.i == verb.i:
                return True
            if h.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _fronted_participle_of(self, tok, lv) -> bool:
        """"Établi en 1998, le partenariat stratégique ... a été approfondi": a participle set before the
        clause whose subject is the level (the tagger may take it for a name at the start of a sentence)."""
        participle = "Part" in tok.morph.get("VerbForm") or fold(tok.text) in self.fronted_participles
        if tok.dep_ not in ("advcl", "dep") or not participle or tok.head.i == tok.i or tok.i > lv.i:
            return False
        return any(c.dep_.startswith("nsubj") and lv.i <= c.i < lv.j for c in tok.head.children)

    def _past_visits(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"après les visites de Ricardo Lagos en 2001 et de Michelle Bachelet en 2008 et 2010", "les visites
        de haut niveau, comme celles effectuées par le président X en 2003 et les présidents Y en 1998 et Z
        en 2005": one visit per traveller and date written after the traveller (up to the next one). The host
        is the place named in the traveller's part, else that of the visit the sentence reports, else the
        other country of the article's pair. Those travellers and dates are taken away from the reported visit.
        The list runs from its head (a visit noun, or a pronoun standing for visits) to the verb of the main
        clause: "les visites de X en mars ... ont renforcé ..."."""
        heads = {fold(w) for w in self.tr["visit"].get("past_list_heads", [])}
        pronouns = {fold(w) for w in self.tr["visit"].get("past_list_pronouns", [])}
        nouns = self.visit_nouns
        modal = self.modality.planned_mods | {fold(w) for w in self.tr["visit"].get("not_past_modifiers", [])}
        doc = s.doc
        ms = sorted((m for m in self.mentions if m.sentence is s), key=lambda m: m.i)
        out: list[Candidate] = []
        k = s.span.start
        for x in s.span:
            w = fold(x.text)
            if x.i < k or w not in heads or not any(m.i > x.i for m in ms):
                continue
            if w in pronouns and not any(fold(y.lemma_) in nouns for y in doc[max(s.span.start, x.i - 20):x.i]):
                continue  # "celles de X en 2001" stands for visits only after a visit noun
            if any(fold(c.text) in modal for c in x.children if c.dep_ in ("amod", "advmod")
                   or c.dep_ == "acl" and "Past" in c.morph.get("Tense")):
                continue  # "une éventuelle visite de X en 2022", "la visite de X, prévue le 12 mars": not remembered
            if x.dep_.startswith("nsubj") and x.head.lemma_ in self.modality.neg_verbs:
                continue  # "la visite de X en mars a été reportée": called off, not remembered
            k = self._list_end(s, x)
            if w not in pronouns:
                # "Cette visite fait suite à celles effectuées en 2012 par X": a pronoun standing for other visits opens
                # a list of its own
                k = next((y.i for y in doc[x.i + 1:k] if fold(y.text) in pronouns), k)
            out += self._listed_visits(s, made, ms, x, k, out, pronouns)
        # "un voyage ... à la suite de celui effectué par X en Chine en octobre": an undated visit whose only
        # travellers are listed ones is one of the listed visits, not another
        listed = {(c.event.guest, c.event.host, m.entity.key if m.entity else m.name) for c in out for m in c.mentions}
        for c in [c for c in made if c.event.type == "visit" and not c.explicit_date and c.mentions]:
            if all((c.event.guest, c.event.host, m.entity.key if m.entity else m.name) in listed for m in c.mentions):
                made.remove(c)
        return out

    def _listed_visits(self, s: Sentence, made: list[Candidate], ms: list[PersonMention], head, end: int,
                       before: list[Candidate], pronouns: set[str]) -> list[Candidate]:
        """The visits of the list that runs from ``head`` to ``end`` (see ``_past_visits``; ``pronouns``: its
        ``past_list_pronouns``, folded)."""
        doc = s.doc
        current = next((c for c in made if c.event.type == "visit" and c.trigger.token.i <= head.i
                        and c.event.status == "happened"), None) \
            or next((c for c in made if c.event.type == "visit" and c.trigger.token.i <= head.i), None)
        listed = [m for m in ms if head.i < m.i < end and self.person_country(m) and not self._spoken_of(m)]
        top = self.top_countries()[:2]
        out: list[Candidate] = []  # the visits of this list
        taken_dates, taken_people = set(), set()
        # "la visite de X en juin, les entretiens téléphoniques entre Y et X en août": a person after the
        # trigger of another kind of event belongs to that event
        trigs = [t for t in getattr(s, "_triggers", []) if t.token.i > head.i]
        others = [t.token.i for t in trigs if t.type != "visit"]
        for n, m in enumerate(listed):
            last = max((t for t in trigs if t.token.i < m.i), key=lambda t: t.token.i, default=None)
            if last is not None and last.type != "visit":
                continue
            stop = min([listed[n + 1].i if n + 1 < len(listed) else end] + [o for o in others if o > m.i])
            part = set(range(m.j, stop))
            if n == 0 and fold(head.text) in pronouns:
                # "celle effectuée du 15 au 17 octobre par le président X à Jakarta": after a pronoun, the first
                # traveller's dates and places may come before him
                part |= set(range(head.i + 1, m.i))
            # "X à Paris en juillet 2023, où il a été l'invité du 14 juillet": a date told in a relative clause
            # of the traveller's part counts only when the part has none before it
            rel = next((x.i for x in doc[m.j:stop] if fold(x.text) in ("qui", "ou", "dont", "lorsque")
                        and x.pos_ == "PRON"), None)
            if rel is not None and any(d.start < s.seg.offset + doc[rel].idx and self._date_start_token(s, d) in part
                                       and not d.since for d in s.dates):
                part = set(range(m.j, rel))
            dates = []
            for d in s.dates:
                k = self._date_start_token(s, d)
                span = doc.char_span(d.start - s.seg.offset, d.end - s.seg.offset, alignment_mode="expand")
                if k in part and not d.since and not (span is not None and self._day_of_other_noun(s, span, d, head)):
                    dates.append((k, d.date_start, d.date_end))
            covered = {k for k, _, _ in dates}
            # "en 2000, 2006 et 2008": the bare years after the first
            for x in doc[m.j:stop]:
                if re.fullmatch(r"(?:19|20)\d\d", x.text) and not any(
                        self._date_start_token(s, d) <= x.i < self._date_start_token(s, d) + 4 for d in s.dates
                        if d.date_start.startswith(x.text)) and x.i not in covered:
                    dates.append((x.i, x.text, None))
            guest = self.person_country(m)
            if not dates or guest is None:
                continue
            places = [c.code for c in self._locations(s, part) if c.code != guest]
            if places:
                host = places[0]
            elif current is not None and current.event.host != guest:
                host = current.event.host
            elif guest in top and len(top) == 2:
                host = next(c for c in top if c != guest)
            else:
                continue
            if host == guest:
                continue
            for _, start, end_ in sorted(dict.fromkeys(dates), key=lambda d: d[0]):
                if any(c.event.guest == guest and c.event.host == host and c.event.date_start == start
                       for c in [*before, *out]):
                    continue
                trigger = Trigger("visit", head, s, sub="noun")
                # ("les visites d'État de X en 1999 et de Y en 2003": the kind the list's noun names is each one's)
                e = Event(doc=None, type="visit", countries=[guest, host], guest=guest, host=host,
                          visit_kind=self._visit_kind(trigger), date_start=start, date_end=end_)
                c = Candidate(trigger, e, [m])
                c.explicit_date = True
                self._finish(c)
                e.status = "happened"  # remembered, whatever the main clause says
                out.append(c)
                taken_dates.add(start)
            taken_people.add(m.entity.key if m.entity else m.name)
        if out and current is not None and current.trigger.token.i == head.i and current.event.host == out[0].event.host \
                and not any(fold(x.text) in pronouns for x in doc[head.i + 1:listed[0].i]):
            # "la visite officielle de son homologue X en octobre, et celle de Y hier": the trigger's own
            # visit is the first of the list
            made.remove(current)
        elif out and current is not None:
            if current.event.date_start in taken_dates:
                current.event.date_start = current.event.date_end = None
                current.explicit_date = False
            current.mentions = [x for x in current.mentions
                                if (x.entity.key if x.entity else x.name) not in taken_people]
        return out

    @staticmethod
    def _list_end(s: Sentence, head) -> int:
        """Where a list opened at ``head`` ends: at the finite verb of a main clause (a relative clause,
        "qui a présidé ...", belongs to the list), at a semicolon or "depuis", or at the bracket closing
        one the list opened in."""
        doc = s.doc
        depth = 0
        for x in doc[head.i + 1:s.span.end]:
            if x.text == "(":
                depth += 1
            elif x.text == ")":
                if depth == 0:
                    return x.i
                depth -= 1
            elif x.text == ";" or fold(x.text) == "depuis":
                return x.i  # "la première visite ... depuis que X a pris ses fonctions en mai": no list
            elif x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm"):
                verb = x if x.pos_ == "VERB" or x.head.i == x.i else x.head
                if verb.dep_ not in ("acl:relcl", "acl") and not any(
                        fold(c.text) in ("qui", "que", "ou", "dont", "lorsque", "quand") for c in verb.children):
                    return x.i
        return s.span.end

    @staticmethod
    def _date_start_token(s: Sentence, d) -> int:
        """Index of the first token of a date expression, or -1 when it does not fall on tokens."""
        span = s.doc.char_span(d.start - s.seg.offset, d.end - s.seg.offset, alignment_mode="expand")
        return span.start if span is not None else -1

    def _earlier_visit(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"la troisième visite du président chilien au Japon, la première ayant eu lieu en mai 2009":
        the visit numbered is not the first; the first, dated, is a visit of its own."""
        markers = {fold(w) for w in self.tr["visit"].get("earlier_markers", [])}
        occasions = {fold(w) for w in self.tr["visit"].get("occasion_nouns", [])}
        ordinal_re = r"(?:deuxieme|second|seconde|troisieme|quatrieme|cinquieme|third|fourth|fifth|\d+e|\d+eme|\d+(?:nd|rd|th))"
        doc = s.doc
        out = []
        nxt = self.ctx.sentences[s.index + 1] if s.index + 1 < len(self.ctx.sentences) else None
        for c in [c for c in made if c.event.type == "visit" and c.trigger.sub in ("noun", "verb")]:
            tok = c.trigger.token
            ordinal = c.trigger.sub == "noun" and any(
                re.fullmatch(ordinal_re, fold(x.text)) for x in tok.children if x.dep_ in ("amod", "nummod"))
            # "c'est la deuxième fois que X effectue une visite", "the second time X has visited": counted by occasion
            counted = any(fold(x.text) in occasions and x.i > s.span.start and re.fullmatch(ordinal_re, fold(doc[x.i - 1].text))
                          for x in doc[s.span.start:tok.i])
            if not ordinal and not counted:
                continue
            # the first told in the same sentence, or opening the next one ("La première remonte à mars 2016")
            places = [(s, x) for x in doc[tok.i + 1:s.span.end]
                      if fold(x.text) in markers and fold(doc[x.i - 1].text) in ("la", "le", ",", "the")]
            if nxt is not None:
                first = [x for x in nxt.span if not x.is_punct][:2]
                if len(first) == 2 and fold(first[0].text) in ("la", "le", "the") and fold(first[1].text) in markers:
                    places.append((nxt, first[1]))
            for where, x in places:
                d = next((d for d in where.dates if not d.since and x.i < self._date_start_token(where, d) <= x.i + 8), None)
                if d is None:
                    continue
                out.append(self._same_trip_then(c, Trigger("visit", x, where, sub="noun"), d, []))
                if c.event.date_start == d.date_start:
                    c.event.date_start = c.event.date_end = None
                    c.explicit_date = False
                break
        return out

    def _first_of_kind(self, s: Sentence, tok) -> bool:
        """The trip is told as the first of its kind to this country: "the first visit by ...", "first Indian leader to
        visit", "la première visite d'un" (triggers.yaml visit.first_words, within the few words before the trigger;
        not "his first trip abroad since 2020", "premier déplacement à l'étranger": the one before went elsewhere)."""
        before = [fold(x.text) for x in s.doc[max(s.span.start, tok.i - 6):tok.i]]
        after = [fold(x.text) for x in s.doc[tok.i:min(s.span.end, tok.i + 4)]]
        return any(w in self.first_words for w in before) and not any(w in self.abroad_words for w in before + after)

    def _same_trip_then(self, c: Candidate, trigger: Trigger, d, mentions: list[PersonMention]) -> Candidate:
        """The trip of visit ``c`` (same guest and host) made earlier, on date ``d``: a visit that happened."""
        e = Event(doc=None, type="visit", countries=list(c.event.countries), guest=c.event.guest, host=c.event.host,
                  visit_kind="unspecified", date_start=d.date_start, date_end=d.date_end)
        earlier = Candidate(trigger, e, mentions)
        earlier.explicit_date = True
        self._finish(earlier)
        e.status = "happened"
        return earlier

    def _ceremonies_attended(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"President X of Sierra Leone attended President Y's inauguration in Accra", "X a pris part, le 3 juin à
        Ankara, à la cérémonie d'investiture du président Y": a person attending a state ceremony of another country
        (visit.state_ceremony_nouns: an inauguration, a funeral, a coronation; not a summit), held in that country, made a
        visit there."""
        if not self.attend_phrases or not self.state_ceremony_nouns:
            return []
        doc = s.doc
        out = []
        for tok in s.span:
            if tok.pos_ != "VERB":
                continue
            said = tuple(fold(x.lemma_ if n == 0 else x.text) for n, x in enumerate(doc[tok.i:tok.i + 2]))
            if not any(said[:len(p)] == p for p in self.attend_phrases):
                continue
            if not any(x.i > tok.i and fold(x.lemma_) in self.state_ceremony_nouns for x in tok.subtree):
                continue
            if self.modality.status(tok, "visit") != "happened":
                continue
            subj = self.subject_tokens(tok)
            guests = [m for m in self.mentions if m.sentence is s and subj.intersection(range(m.i, m.j))
                      and self.person_country(m)] or [
                # ("Plusieurs chefs d'État, dont X du Congo, ont pris part ...": the names before the verb)
                m for m in self.mentions if m.sentence is s and m.j <= tok.i and self.person_country(m)]
            sides = {self.person_country(m) for m in guests}
            if len(sides) != 1:
                continue
            guest = next(iter(sides))
            places = list(dict.fromkeys(c.code for c in [*s.countries, *s.cities] if c.is_location and c.i > tok.i
                                        and c.code != guest))
            if len(places) != 1 or any(c.event.type == "visit" and c.event.guest == guest and c.event.host == places[0]
                                       for c in made):
                continue
            host = places[0]
            t = Trigger("visit", tok, s, sub="verb")
            d, explicit = self.event_date(t, set())
            e = Event(doc=None, type="visit", countries=[guest, host], guest=guest, host=host, visit_kind="unspecified",
                      date_start=d.date_start if d else None, date_end=d.date_end if d else None)
            city = next((c.text for c in s.cities if c.is_location and c.code == host and c.i > tok.i), None)
            if city:
                e.location = {"country": host, "city": city}
            c = Candidate(t, e, guests)
            c.explicit_date = bool(d and explicit)
            self._finish(c)
            e.status = "happened"
            out.append(c)
        return out

    def _visit_since_person(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"premier dirigeant canadien à visiter Cuba depuis Jean Chrétien en 1998", "the first Canadian leader to
        visit Cuba since Jean Chrétien in 1998": the person named right after "depuis"/"since", with a date right
        after the name, made the same trip then; a visit of its own, and no traveller of the visit reported."""
        doc = s.doc
        out = []
        for c in [c for c in made if c.event.type == "visit" and c.event.guest and c.event.host]:
            tok = c.trigger.token
            end = min(c.trigger.window_end or s.span.end, s.span.end)
            for k in range(tok.i + 1, end):
                if fold(doc[k].text) not in self.modality.reference_preps:
                    continue
                m = next((m for m in self.mentions if m.sentence is s and k < m.i <= k + 3
                          and all(x.pos_ in ("DET", "NOUN", "ADJ", "PROPN") for x in doc[k + 1:m.i])), None)
                if m is None and self._first_of_kind(s, tok):
                    # "the first visit by an Indian Prime Minister to the country since 1999": one was made then
                    # (a year or a month: "since October 7" is more often the day of another event)
                    d = next((d for d in s.dates if self._date_start_token(s, d) in (k, k + 1) and d.date_start[:1] != "-"
                              and d.precision in ("year", "month") and not d.date_end), None)
                    if d is not None:
                        out.append(self._same_trip_then(c, Trigger("visit", tok, s, sub=c.trigger.sub), d, []))
                        break
                if m is None or (self.person_country(m) or c.event.guest) != c.event.guest:
                    continue
                d = next((d for d in s.dates if not d.since and m.j <= self._date_start_token(s, d) <= m.j + 2), None)
                if d is None:
                    continue
                out.append(self._same_trip_then(c, Trigger("visit", tok, s, sub=c.trigger.sub), d, [m]))
                if m in c.mentions:
                    c.mentions.remove(m)
                if (c.event.date_start, c.event.date_end) == (d.date_start, d.date_end):
                    c.event.date_start = c.event.date_end = None
                    c.explicit_date = False
                break
        return out

    def _leg_before(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"X a séjourné au Rwanda du 8 au 9 juin en provenance de la Tanzanie", "arrived in Dakar from Mali, the
        first leg of his tour": the traveller was in the country he came from, a leg of the same trip (in the
        month it began), unless it is his own."""
        out = []
        for c in made:
            e = c.event
            if e.type != "visit" or e.status != "happened" or not e.guest or c.later:
                continue
            for x in s.countries:
                # (a country, not a city: "en provenance de Paris, où il réside" is where he lives)
                if x.label != "COUNTRY" or x.code in (e.guest, e.host) or x.i < c.trigger.token.i \
                        or not self._origin(s, x, legs=False) or any(o.event.host == x.code for o in out):
                    continue
                # the origin of the traveller's own motion ("est arrivé ... en provenance du Mali"), not of people
                # or goods spoken of ("les réfugiés en provenance de Syrie")
                verb = self.governing_verb(s.doc[x.i])
                if verb is None or not any(o.trigger.token.i == verb.i for o in made if o.event.type == "visit") \
                        and fold(verb.lemma_) not in self.arrival_words:
                    continue
                leg = Event(doc=None, type="visit", countries=[e.guest, x.code], guest=e.guest, host=x.code,
                            visit_kind="unspecified", date_start=e.date_start[:7] if e.date_start else None,
                            participants=[p for p in e.participants if p.country == e.guest])
                cand = Candidate(Trigger("visit", s.doc[x.i], s, sub="noun"), leg, list(c.mentions))
                cand.explicit_date = True
                self._finish(cand)
                leg.status = "happened"
                out.append(cand)
        return out

    def _legs_listed_before(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"the wrap-up part of his Latin American tour after Venezuela, Cuba and Nicaragua", "dernière étape de sa
        tournée après le Pérou et le Brésil": countries listed right after a word of an earlier leg, after the trip told
        in the sentence, are legs of that trip the traveller made before (in the month it began)."""
        out = []
        doc = s.doc
        trip_nouns = [t for t in getattr(s, "_triggers", []) if t.type == "visit" and t.sub == "noun"]
        nouns = {t.token.i for t in trip_nouns}
        trips = [c for c in made if c.event.type == "visit"]
        if not trips:
            # "It is the last leg of his African tour after Cameroon and Ghana": a trip noun of its own, the trip
            # told last
            last = next((c for c in reversed(self._visits) if c.trigger.sentence.index < s.index), None)
            if trip_nouns and last is not None:
                trips = [Candidate(trip_nouns[0], last.event, list(last.mentions))]
        for c in trips:
            e = c.event
            if e.status != "happened" or not e.guest or c.later:
                continue
            for k in range(c.trigger.token.i + 1, s.span.end):
                # the word right after a trip noun ("tour after", "tournée après"), not "la croissance la plus
                # rapide au monde, après la Chine"
                if fold(doc[k].text) not in self.earlier_leg_markers or k - 1 not in nouns:
                    continue
                listed = []
                for x in sorted(s.countries, key=lambda x: x.i):
                    if x.i <= k or x.label != "COUNTRY" or x.is_location and x.prep not in (None, *self.earlier_leg_markers):
                        continue
                    if not listed:
                        # the word governs the country ("tour after Venezuela"), not a clause or a noun after it
                        # ("a visit after China and Russia warned ...", "after Japan's decision")
                        root = doc[x.i:x.j].root
                        if not all(y.pos_ == "DET" for y in doc[k + 1:x.i]) or not (
                                any(ch.i == k and ch.dep_ in ("case", "prep") for ch in root.children)
                                or root.head.i == k) or x.j < s.span.end and doc[x.j].text in ("'s", "’s"):
                            break
                        listed.append(x)
                        continue
                    if x.i < listed[-1].j or not self._joined(doc, listed[-1].j - 1, x.i):
                        break
                    listed.append(x)
                for x in listed:
                    if x.code in (e.guest, e.host) or any(o.event.host == x.code for o in out):
                        continue
                    leg = Event(doc=None, type="visit", countries=[e.guest, x.code], guest=e.guest, host=x.code,
                                visit_kind="unspecified", date_start=e.date_start[:7] if e.date_start else None,
                                participants=[p for p in e.participants if p.country == e.guest])
                    cand = Candidate(Trigger("visit", doc[x.i], s, sub="noun"), leg, list(c.mentions))
                    cand.explicit_date = True
                    self._finish(cand)
                    leg.status = "happened"
                    out.append(cand)
                break
        return out

    def _anniversaries(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"le 60e anniversaire des relations diplomatiques entre le Chili et la Corée": diplomatic
        relations established that many years before the sentence's year (else the article's), unless the
        sentence dates the establishment itself ("..., nouées le 19 décembre 1950")."""
        told = [c for c in made if c.event.type == "upgrade" and c.event.level == "diplomatic_relations"]
        nouns, ordinals, upgrade_nouns = self.anniversary_nouns, self.ordinals, self.upgrade_nouns
        out = []
        doc = s.doc
        for lv in self.levels.find(s):
            if lv.level != "diplomatic_relations":
                continue
            before = [x for x in doc[max(s.span.start, lv.i - 8):lv.i]]
            k, years, lasting = None, None, False
            for n, x in enumerate(before):  # the noun after an ordinal ("This year marks the 45th anniversary")
                # and nothing but links, names and "establishment" between it and the level ("In the 2nd year of
                # his presidency, Kenya established ...": the year is of something else)
                # ("70 years after the launch of diplomatic relations": a noun of setting them up too)
                if any(y.pos_ in ("VERB", "AUX") or y.pos_ == "NOUN" and fold(y.lemma_) not in upgrade_nouns
                       and fold(y.text) not in upgrade_nouns and fold(y.text) not in self.level_setting_words
                       and "-" not in (y.text, doc[y.i + 1].text)  # "re-establishment"
                       for y in before[n + 1:]):
                    continue
                if fold(x.text) in self.anniversary_words:
                    k, years = n, self.anniversary_words[fold(x.text)]  # "le cinquantenaire de l'établissement des ..."
                    break
                if n and fold(x.text) in nouns:
                    ordinal = fold(before[n - 1].text)
                    m = re.fullmatch(r"(\d{1,3})(?:e|er|eme|ieme|è|ème|ième|st|nd|rd|th)?", ordinal)
                    k, years = n, int(m.group(1)) if m else ordinals.get(ordinal)
                    if years:
                        break
                if n and fold(x.text) in self.duration_nouns and n + 1 < len(before) and (
                        fold(before[n + 1].text).rstrip("'") in self.duration_links
                        or fold(before[n + 1].text) in self.duration_after_links and not any(
                            "Past" in a.morph.get("Tense") for a in x.ancestors if a.pos_ in ("VERB", "AUX"))):
                    # "celebrate 40 years of diplomatic relations", "153 ans de relations diplomatiques": as long
                    # as they have lasted, counted back from the article's year (another year of the sentence is
                    # of something else: "initiées ... quand Pétion a soutenu Bolívar en 1816")
                    # (a count, not a year: "2015 years" is none; "two hundred years": the words of the number)
                    found = next(((m, v) for m in (3, 2, 1) if n - m >= 0 for v in [self.quantities._token_number(
                        " ".join(y.text for y in before[n - m:n]))] if v), None)
                    m, count = found or (0, None)
                    ahead = n - m - 1 >= 0 and fold(before[n - m - 1].text) in self.duration_ahead_words
                    # ("in almost 40 years", "près de 40 ans": a round count; "plus de" too)
                    ahead = ahead or any(fold(y.text) in self.duration_approximate_words
                                         for y in before[max(0, n - m - 2):n - m])
                    # ("after 12 years of broken diplomatic relations", "12 ans de relations diplomatiques rompues":
                    # how long they were broken)
                    broken = any(fold(y.lemma_) in self.rupture_verbs or fold(y.text) in self.duration_broken_words
                                 for y in doc[before[n].i:min(lv.j + 2, s.span.end)])
                    if count and count == int(count) and 0 < count < 300 and not ahead and not broken:
                        k, years, lasting = n, int(count), True
                        break
            if k is None:
                continue
            # "marking the 70th year of the establishment of diplomatic ties": the establishment told inside the
            # anniversary is the one it counts back to, not an establishment on the day of the sentence
            inside = [c for c in told if before[k].i < c.trigger.token.i < lv.i]
            if any(c.event.date_start for c in told if c not in inside):
                continue  # the sentence dates the establishment itself ("..., nouées le 19 décembre 1950")
            stated = sorted(d.date_start[:4] for d in s.dates if d.date_start[:4].isdigit() and not d.since)
            if lasting:
                # (from a year the sentence states when it is of these years, "celebrated 60 years of relations in
                # 2017", not one of their history, "initiées quand Pétion a soutenu Bolívar en 1816")
                today = (self.ctx.document.date or "")[:4]
                stated = [y for y in stated if not today.isdigit() or int(today) - 10 <= int(y) <= int(today) + 10]
            if not stated and not lasting:
                # "said 2024 would see the 30th anniversary": a year standing alone before the anniversary, which the
                # date grammar reads only after a preposition
                stated = [x.text for x in s.doc[s.span.start:before[k].i] if re.fullmatch(r"(?:19|20)\d\d", x.text)]
            ref = stated[-1] if stated else (self.ctx.document.date or "")[:4]
            if not years or not ref.isdigit():
                continue
            if inside:  # (its parties are the ones its trigger found)
                for c in inside:
                    c.counted_back = f"{int(ref) - years:04d}"
                    c.event.status = "happened"
                continue
            codes = list(dict.fromkeys(self.successors.collapse([c.code for c in s.countries])))
            if len(codes) < 2:
                codes = self.context_pair(s, codes)
            if len(codes) != 2:
                continue
            t = Trigger("upgrade", before[k], s, sub="noun")
            e = Event(doc=None, type="upgrade", countries=codes, level="diplomatic_relations",
                      date_start=f"{int(ref) - years:04d}")
            c = Candidate(t, e, [])
            c.explicit_date, c.counted_back = True, e.date_start
            self._finish(c)
            e.status = "happened"  # whatever is said of the celebration, the establishment is past
            out.append(c)
        return out

    def _dated_texts(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"un protocole modifiant l'Accord d'amitié et de coopération du 25 mai 1992", "the Treaty of Friendship of
        May 25, 1992": a treaty, agreement, convention or memorandum named with its own date (a day or a month) as
        its complement was signed then, by the story's two countries (not a text of the world named after a place,
        "l'accord de Paris du 12 décembre 2015")."""
        out = []
        doc = s.doc
        links = self.date_links
        named = [x for x in doc.spans.get(SPAN_KEY, []) if x.label_ == "NAMED_AFTER_PLACE"]
        published = self.ctx.document.date or "9999"
        for d in s.dates:
            if len(d.date_start) < 7 or not d.date_start[:4].isdigit() or d.since or d.deadline or d.relative \
                    or d.date_start > published[:len(d.date_start)]:
                continue  # (a text dated after the article is no signing told)
            span = doc.char_span(d.start - s.seg.offset, d.end - s.seg.offset, alignment_mode="expand")
            if span is None or span.start <= s.span.start or fold(doc[span.start - 1].text) not in links:
                continue
            kind, head = self._instrument(s, set(range(max(s.span.start, span.start - 16), span.start - 1)))
            # the date is the text's own complement: in its phrase, or after it with no verb or clause between
            # ("l'Accord d'amitié, de coopération et d'aide mutuelle du 25 mai 1992", however the parser hangs it)
            if head is None or kind not in ("agreement", "treaty", "convention", "mou") or (
                    span.root.i not in {x.i for x in head.subtree} and span.root.head.i != head.i and any(
                        x.pos_ in ("VERB", "AUX", "PRON") or x.is_punct and x.text != "," for x in doc[head.i:span.start])):
                continue
            start = min(head.i, self._phrase_start.get(head.i, head.i))
            own = {x.i for x in head.subtree if x.i < span.start} | set(range(start, span.start))
            if any(c.i in own for c in [*s.countries, *s.cities]) or any(x.start in own for x in named):
                continue  # a text of the world named after a place, or a text of other parties
            if any(c.event.type == "agreement" and c.event.date_start == d.date_start for c in [*made, *out]):
                continue
            # the story's two countries, else those of what the sentence tells ("X et Y ont signé un protocole
            # modifiant l'Accord ... du 25 mai 1992")
            codes = self.context_pair(s, []) or next((list(c.event.countries) for c in made
                                                      if len(set(c.event.countries)) == 2), [])
            if len(codes) < 2:
                continue
            e = Event(doc=None, type="agreement", countries=list(codes[:2]), instrument=kind,
                      date_start=d.date_start, date_end=d.date_end, title=_text_title(doc[start:span.start - 1]))
            c = Candidate(Trigger("agreement", head, s, sub="noun"), e, [])
            c.explicit_date = True
            self._finish(c)
            e.status = "happened"  # a text dated in the past is one signed then
            out.append(c)
        return out

    def _relations_since(self, s: Sentence, made: list[Candidate]) -> list[Candidate]:
        """"Le Gabon et le Maroc entretiennent des relations diplomatiques depuis 1961", "have had diplomatic
        ties since 1963", "is a strategic partnership since 2016": relations (of any level) held since a year (the
        year itself after "depuis"/"since", on the verb of having or keeping them, levels.yaml since_verbs, or on the
        level as a predicate, since_copulas), or that go back to it ("remontent à 1963", "dating back to 1963":
        origin_verbs), were established at that level that year."""
        verbs, copulas = self.since_verbs, self.since_copulas
        out = []
        doc = s.doc
        for lv in self.levels.find(s):
            if any(c.event.type == "upgrade" and c.event.level == lv.level for c in made):
                continue
            head = doc[lv.i:lv.j].root
            verb = head.head if head.dep_ in ("obj", "nsubj") or head.dep_.startswith("nsubj") else None
            if verb is not None and fold(verb.lemma_) in copulas and head.dep_ not in ("obj", "attr"):
                verb = None  # (the level as the copula's subject: "relations have been cordial since 1990")
            copular = head.dep_ == "attr" or any(c.dep_ == "cop" and fold(c.lemma_) in copulas for c in head.children)
            predicate = copular or verb is not None and fold(verb.lemma_) in copulas
            if copular:
                # "which since 2016 is a comprehensive strategic partnership", "est, depuis 2016, un partenariat
                # stratégique global": the level the relations are, the predicate (or its copula) the year hangs on
                verb = head.head if head.dep_ == "attr" else head
            origin = next((c for c in head.children if c.dep_ == "acl" and fold(c.lemma_) in self.origin_verbs), None)
            if origin is None and verb is not None and head.dep_.startswith("nsubj") \
                    and fold(verb.lemma_) in self.origin_verbs:
                origin = verb
            if origin is not None:
                # "leurs relations diplomatiques remontant à 1963", "diplomatic ties that date back to 1963": the
                # year they go back to, whatever its preposition
                verb = origin
            elif verb is None or fold(verb.lemma_) not in verbs | copulas and verb is not head \
                    or self.modality._negated(verb):
                continue
            # "strained diplomatic relations since 2017", "des relations diplomatiques tendues depuis 2021", "no
            # diplomatic relations since 1980": since then of a quality, or absent, not established
            told = set(range(lv.i, lv.j)) | ({origin.i} if origin is not None else set())
            if any(c.i not in told and (c.pos_ in ("ADJ", "VERB") and c.dep_ in ("amod", "acl")
                                        or c.dep_ == "det" and fold(c.text) in self.modality.neg_particles)
                   for c in head.children):
                continue
            years = [d for d in s.dates if (d.since or origin is not None) and len(d.date_start) == 4
                     and d.date_start.isdigit()]
            for d in years:
                span = doc.char_span(d.start - s.seg.offset, d.end - s.seg.offset, alignment_mode="expand")
                on = _year_verb(span, d, through_advmod=origin is not None) if span is not None else None
                if on is None or on.i != verb.i or span.start < lv.j and not predicate:
                    continue  # (a predicate's year may come first: "which since 2016 is a strategic partnership")
                codes = list(dict.fromkeys(self.successors.collapse(
                    [c.code for c in s.countries if not c.is_location])))
                if len(codes) < 2:
                    codes = self.context_pair(s, codes)
                if len(codes) != 2:
                    continue
                t = Trigger("upgrade", verb, s, sub="verb")
                c = Candidate(t, Event(doc=None, type="upgrade", countries=codes, level=lv.level,
                                       date_start=d.date_start), [])
                c.explicit_date, c.recalled = True, True
                self._finish(c)
                c.event.status = "happened"  # held since then: established then, whatever the tense
                out.append(c)
                break
        return out[:1]

    def context_pair(self, s: Sentence, have: list[str]) -> list[str]:
        return self.ctx.pair_for(s, have)


def _year_verb(span, d, through_advmod: bool):
    """The word the year of the date read in ``span`` hangs on (the date read may hold the verb: "dating back to
    1963"); with ``through_advmod``, past an adverb of the verb ("date back to 1963": "back")."""
    year = next((x for x in span if x.text == d.date_start), span.root)
    return year.head.head if through_advmod and year.head.dep_ == "advmod" else year.head


def _participle(tok) -> bool:
    """A participle, or a past form without a subject of its own (the tagger reads "visit ... concluded on
    Tuesday" as a past tense)."""
    if "Part" in tok.morph.get("VerbForm"):
        return True
    return tok.pos_ == "VERB" and "Past" in tok.morph.get("Tense") and not any(
        c.dep_.startswith("nsubj") for c in tok.children)


def set_codes(e: Event, ontology: dict) -> None:
    """The CAMEO and PLOVER codes of an event's type (``data/ontology.yaml``; a visit's CAMEO code is the guest's)."""
    onto = ontology.get(e.type, {})
    cameo = onto.get("cameo")
    e.cameo = cameo.get("guest") if isinstance(cameo, dict) else cameo
    e.plover, e.plover_mode = onto.get("plover"), onto.get("plover_mode")


def is_subject(m, through_apposition: bool = False) -> bool:
    """Whether a person mention is (part of) the subject of its clause: "X et Y ont exprimé ..." ("Lê Thi Thu
    Hang et Andreï Roudenko": the conjunct hangs on a word of the first name); with ``through_apposition``,
    also a name in apposition to the subject."""
    links = ("conj", "flat:name", "flat", "appos") if through_apposition else ("conj", "flat:name", "flat")
    return subject_through(m.sentence.doc[m.i:m.j].root, links, 5)


def _later(value: str | None, doc_date: str | None) -> str | None:
    """A date of an announced event read as last year's ("se rendra au Chili le 3 mars", written in
    January) is next occurrence: the same day a year later."""
    if not value or not doc_date or value.startswith("--") or value[:len(doc_date)] >= doc_date[:len(value)]:
        return value
    return f"{int(value[:4]) + 1:04d}{value[4:]}"


def _text_title(tokens) -> str | None:
    """The title of a text from the words naming it: spaces joined, apostrophes closed up ("accord d'amitié"), at most
    160 characters, no trailing comma or stop."""
    title = " ".join(x.text for x in tokens if not x.is_space)[:160]
    return title.replace(" '", "'").replace("' ", "'").strip(" ,.") or None


def _determiners(tok) -> set[str]:
    """The folded determiners of a noun ("cette", "the")."""
    return {fold(x.text) for x in tok.children if x.dep_ == "det"}


def _near_complements(noun, deps: tuple[str, ...]):
    """The complements of a noun and of its complements ("la visite officielle d'un jour de ce dernier": "jour",
    "dernier"), of the dependency kinds ``deps`` (prefixes)."""
    return (c for c in noun.subtree if c.i != noun.i and c.dep_.startswith(deps)
            and (c.head.i == noun.i or c.head.head.i == noun.i))


def _complement_tokens(noun) -> set[int]:
    """The tokens of a noun's complements ("la visite du président gambien X": "du président gambien X")."""
    return {x.i for a in noun.children if a.dep_ in ("nmod", "nmod:poss") for x in a.subtree}


def _last_told(before: list[Candidate], types: tuple[str, ...], c: Candidate) -> Candidate | None:
    """The last event of ``types`` told as having happened, between the countries of ``c``, in a sentence before
    ``c``'s."""
    pair, index = set(c.event.countries), c.trigger.sentence.index
    return next((o for o in reversed(before) if o.event.type in types and o.event.status == "happened"
                 and set(o.event.countries) == pair and o.trigger.sentence.index < index), None)


def _in_clause_of(tok, head) -> bool:
    """``tok`` hangs on ``head`` through nouns and prepositions only, in no clause of its own ("était à Dakar dans le
    cadre d'une tournée"; not "était à Pékin lorsque la visite de X a été annulée")."""
    x = tok
    for step in range(6):
        if x.i == head.i:
            return True
        if x.head.i == x.i or (step > 0 and x.pos_ in ("VERB", "AUX")):
            return False
        x = x.head
    return False


def _compounded_on(x, noun) -> bool:
    """``x`` is a modifier compounded onto ``noun``, directly or through another ("PNG state visit")."""
    for _ in range(3):
        if x.dep_ != "compound" or x.head.i == x.i:
            return False
        x = x.head
        if x.i == noun.i:
            return True
    return False


def _title_start(m: PersonMention) -> int:
    """Where a mention is named from: the title it holds, when the text gives it before the name ("le Ministre
    d'État aux Affaires étrangères chargé de la Médiation, Y"), else the name."""
    held = {text for _, text in m.roles}
    return max((t.i for t in m.sentence.titles if t.j <= m.i <= t.j + 16 and m.sentence.doc[t.i:t.j].text in held),
               default=m.i)


def _listed(gap) -> bool:
    """The words between two people of a list: a comma or "and", and no verb nor colon (a clause of its own)."""
    return not any(x.pos_ in ("VERB", "AUX") or x.text in (":", ";") for x in gap) and any(
        x.text == "," or x.pos_ == "CCONJ" for x in gap)


def _subject_of_its_own(tok) -> bool:
    """A name that is (or is in apposition to) the subject of a verb: climbing names, appositions and titles up to the
    first verb, a subject on the way."""
    for _ in range(8):
        if tok.dep_.startswith("nsubj") and tok.head.pos_ in ("VERB", "AUX"):
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i or tok.dep_ not in (
                "appos", "flat", "flat:name", "compound", "nmod", "amod"):
            return False
        tok = tok.head
    return False


def relative_of(noun, verb, during: list[str]) -> bool:
    """Whether ``verb`` opens with a relative of time ("during which", "au cours duquel") that follows ``noun``'s own
    phrase (past its complements: "un appel du président X, au cours duquel ..."), with no other noun's clause
    between."""
    doc = noun.doc
    end = max(x.i for x in noun.subtree) + 1
    while end < verb.i and doc[end].is_punct:
        end += 1
    opening = " ".join(words(doc[end:verb.i].text))
    return any(opening.startswith(m) for m in during)


def passive_voice(verb) -> bool:
    """A verb in the passive: a passive auxiliary or subject among its children ("a été reçu", "was received")."""
    return any(ch.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for ch in verb.children)


def _in_relative_clause_without(tok, other) -> bool:
    """"a rencontré X pour redynamiser la coopération, qui remonte à l'accord signé en 1998": ``tok`` is told in a
    relative clause describing a noun, which does not hold ``other`` (the agreement of 1998 is no date of the talks)."""
    for a in [tok, *tok.ancestors]:
        if a.dep_ in ("acl:relcl", "relcl"):
            return other.doc is not tok.doc or other.i not in {x.i for x in a.subtree}
    return False


def _share_dates(cands: list[Candidate], trigger_dates: list | None = None, framing_visits: set[int] = frozenset()
                 ) -> None:
    """Within one sentence, an undated event takes the date of a coordinated event of the same type
    ("une visite d'État au Kazakhstan, une visite officielle en Russie ... du 5 au 12 mai") or of an
    event between the same parties ("lors de sa visite en Russie, X s'est entretenu le 24 novembre"), or of the
    visit noun in a phrase of circumstance that frames it (``framing_visits``: "Lors d'une visite à Quito en juin
    2012, ils avaient signé ...", a visit whose traveller no event named)."""
    for c in cands:
        if c.event.date_start or c.later:
            continue
        # (an establishment counted back from an anniversary lends no date: "à l'occasion du 100e anniversaire des
        # relations diplomatiques, ils ont discuté" took place now)
        cands_dated = [o for o in cands if not o.counted_back and not o.recalled]
        same_type = [o for o in cands_dated if o is not c and o.event.type == c.event.type and o.event.date_start
                     and o.trigger is not c.trigger]
        # an upgrade lends its date only to what follows it ("instauré en juillet 2007, lors de la visite
        # de ..."), not to talks that mention it ("lors de leurs entretiens, ... depuis l'établissement
        # des relations le 3 février 1950")
        same_parties = sorted((o for o in cands_dated if o is not c and o.event.date_start
                               and (o.event.type != "upgrade" or o.trigger.token.i < c.trigger.token.i)
                               # "During the discussions, they recalled the visit of X in November 2015" (an event
                               # told after the frame; not "In 2007, the King granted X an audience during an
                               # official visit": the event the frame sets is told first)
                               and not (c.framing and o.trigger.sub == "noun" and not o.framing
                                        and o.trigger.token.i > c.trigger.token.i)
                               and not _in_relative_clause_without(o.trigger.token, c.trigger.token)
                               and set(o.event.countries) == set(c.event.countries)),
                              key=lambda o: abs(o.trigger.token.i - c.trigger.token.i))
        after = [o for o in same_type if o.trigger.token.i > c.trigger.token.i]
        pick = (after[0] if after else same_type[-1]) if same_type else (same_parties[0] if same_parties else None)
        if pick is not None:
            c.event.date_start, c.event.date_end = pick.event.date_start, pick.event.date_end
            continue
        # "où M. Modi est arrivé le 23 juillet pour une visite d'État": the date of a sibling trigger
        # of the same type that made no event of its own
        for t2, d in trigger_dates or []:
            if d is not None and t2 is not c.trigger and t2.type == "visit" and (
                    c.event.type == "visit" or t2.token.i in framing_visits):
                c.event.date_start, c.event.date_end = d.date_start, d.date_end
                break


_ACCENTS = {"a": "aàâä", "e": "eéèêë", "i": "iîï", "o": "oôö", "u": "uùûü", "c": "cç"}


def _accent_free(word: str) -> str:
    """A regular expression matching ``word`` (folded) with or without its accents."""
    return "^" + "".join(f"[{_ACCENTS[ch]}]" if ch in _ACCENTS else re.escape(ch) for ch in fold(word)) + "$"


def _accent_variants(word: str, limit: int = 4096) -> list[str] | None:
    """Every spelling of ``word`` (folded) with or without its accents, as ``_accent_free`` matches them; None when
    there would be more than ``limit``."""
    from itertools import product
    options = [_ACCENTS.get(ch, ch) for ch in fold(word)]
    count = 1
    for o in options:
        count *= len(o)
    if count > limit:
        return None
    return sorted("".join(p) for p in product(*options))


def build_matcher(vocab, tr: dict) -> AnchoredMatcher:
    """The trigger patterns of a language, from its ``triggers.yaml`` (lemmas as its spaCy model gives them)."""
    m = AnchoredMatcher(vocab)
    refl = {"LOWER": {"IN": ["se", "s'", "s"]}}
    aux = {"POS": {"IN": ["AUX", "ADV", "PRON"]}, "OP": "*"}

    def nouns(xs):
        # (headlines often drop the accent of a capital: "Echange", "Reunion")
        return [[{"LEMMA": {"IN": xs}, "POS": {"IN": ["NOUN", "PROPN"]}}],
                [{"LOWER": {"IN": sorted(set(xs) | {fold(x) for x in xs})}}]]

    def phrases(xs):
        return [[{"LOWER": w} for w in x.lower().split()] for x in xs]

    def accent_free_phrases(xs):
        # every accented spelling listed (a set look-up per token, not a regular expression)
        return [[{"LOWER": {"IN": v}} if (v := _accent_variants(w)) else {"LOWER": {"REGEX": _accent_free(w)}}
                 for w in words(x)] for x in xs]

    def verb_phrases(xs):
        # a verb and its particles: "call on", "touch down"
        return [[{"LEMMA": verb, "POS": "VERB"}, *({"LOWER": w} for w in rest)] for verb, *rest in map(str.split, xs)]

    def single(xs):
        return [w for w in xs if " " not in w]

    v = tr["visit"]
    m.add("visit:noun", nouns(v["nouns"]))
    m.add("visit:verb", [[{"LEMMA": {"IN": v["verbs"]}, "POS": "VERB"}]])
    if v.get("reflexive_verbs"):
        rv = v["reflexive_verbs"]
        m.add("visit:reflexive", [[refl, aux, {"LEMMA": {"IN": rv}}],
                                  [refl, aux, {"POS": {"IN": ["ADP", "DET", "ADJ", "NOUN", "ADV"]}, "OP": "?"},
                                   {"POS": {"IN": ["ADP", "DET", "ADJ", "NOUN", "ADV"]}, "OP": "?"},
                                   {"POS": {"IN": ["ADP", "DET", "ADJ", "NOUN", "ADV"]}, "OP": "?"}, {"LEMMA": {"IN": rv}}]])
    if v.get("arrival_verbs"):
        m.add("visit:verb", [[{"LEMMA": {"IN": v["arrival_verbs"]}, "POS": "VERB"}]])
    if v.get("arrival_phrases"):
        m.add("visit:verb", verb_phrases(v["arrival_phrases"]))  # "touched down in"
    if v.get("return_verbs"):
        m.add("visit:verb", [[{"LEMMA": {"IN": v["return_verbs"]}, "POS": "VERB"}]])
    if v.get("departure_verbs"):
        m.add("visit:verb", [[{"LEMMA": {"IN": v["departure_verbs"]}, "POS": "VERB"}]])
    stay = v.get("stay") or {}
    if stay:
        # ("était déjà à Lomé", "was already in Lomé", "is back again in Baku": adverbs between)
        # ("séjourne depuis hier aux Émirats", "is since Monday in Beijing": a time phrase of a word or two between)
        since = stay.get("since_words", [])
        m.add("visit:stay", [[{"LEMMA": {"IN": stay["verbs"]}, "POS": {"IN": ["AUX", "VERB"]}}, {"POS": "ADV", "OP": "?"},
                              {"POS": "ADV", "OP": "?"}, {"LOWER": {"IN": stay["prepositions"]}}]]
              + ([[{"LEMMA": {"IN": stay["verbs"]}, "POS": {"IN": ["AUX", "VERB"]}}, {"LOWER": {"IN": since}},
                   {"POS": {"IN": ["ADV", "NOUN", "PROPN", "NUM"]}}, {"POS": {"IN": ["NOUN", "NUM"]}, "OP": "?"},
                   {"LOWER": {"IN": stay["prepositions"]}}]] if since else []))
    mt = tr["meeting"]
    m.add("meeting:noun", nouns(single(mt["nouns"])))
    if any(" " in x for x in mt["nouns"]):
        m.add("meeting:phrase", accent_free_phrases([x for x in mt["nouns"] if " " in x]))  # "courtesy call"
    if mt.get("body_nouns"):
        m.add("meeting:noun", accent_free_phrases(mt["body_nouns"]))
    if mt.get("joint_nouns"):
        m.add("meeting:noun", accent_free_phrases(mt["joint_nouns"]))
    if mt.get("encounter_verbs"):
        m.add("meeting:verb", [[{"LEMMA": {"IN": mt["encounter_verbs"]}, "POS": "VERB"}]])
    if mt.get("with_verbs"):
        m.add("meeting:verb", [[{"LEMMA": {"IN": mt["with_verbs"]}, "POS": "VERB"}]])
    # "called on President X" (a courtesy call in person): a verb and its particle
    if mt.get("encounter_phrases"):
        m.add("meeting:verb", verb_phrases(mt["encounter_phrases"]))
    between = {"POS": {"IN": ["ADP", "ADV", "AUX", "PRON", "DET", "NOUN"]}, "OP": "?"}
    if mt.get("reflexive_verbs"):
        rm = mt["reflexive_verbs"]
        m.add("meeting:reflexive", [[refl, aux, {"LEMMA": {"IN": rm}}],
                                    [refl, aux, between, between, between, {"LEMMA": {"IN": rm}}]])
    c = tr["call"]
    markers = single(c["markers"])
    # "entretien téléphonique" (French order) and "phone call" (English order)
    m.add("call:marked", [[{"LEMMA": {"IN": c["nouns"]}}, {"LOWER": {"IN": markers}}],
                          [{"LOWER": {"IN": sorted({fold(x) for x in c["nouns"]})}}, {"LOWER": {"IN": markers}}],
                          [{"LOWER": {"IN": markers}}, {"LEMMA": {"IN": c["nouns"]}, "POS": {"IN": ["NOUN", "PROPN"]}}]])
    if c.get("standalone_nouns"):
        m.add("call:noun", phrases(c["standalone_nouns"]))
    if c.get("phone_verbs"):
        m.add("call:verb", [[{"LEMMA": {"IN": c["phone_verbs"]}, "POS": "VERB"}],
                            [{"POS": "AUX"}, {"LOWER": {"IN": [w.lower() for w in c.get("phone_participles", [])]}}]])
    if c.get("reflexive_verbs"):
        m.add("call:reflexive", [[refl, aux, {"LEMMA": {"IN": c["reflexive_verbs"]}},
                                  {"POS": {"IN": ["ADV", "ADP", "DET"]}, "OP": "*"}, {"LOWER": {"IN": markers}}]])
    if c.get("marked_verbs"):
        # "spoke by phone", "held a phone call", "talked over the telephone": the verb is the trigger
        # the person spoken to may come between ("a parlé à Narendra Modi au téléphone", "spoke with Xi by phone"),
        # whatever the tagger makes of a foreign name ("Moon Jae-in"), within the clause (no stop or bracket)
        m.add("call:spoken", [[{"LEMMA": {"IN": c["marked_verbs"]}, "POS": "VERB"},
                               {"ORTH": {"NOT_IN": CLAUSE_STOPS}, "OP": "{0,10}"},
                               {"LOWER": {"IN": markers}}]])
    a = tr["agreement"]
    m.add("agreement:verb", [[{"LEMMA": {"IN": a["verbs"]}, "POS": {"IN": ["VERB", "ADJ"]}}]])
    m.add("agreement:noun", nouns(a["nouns"]))
    if a.get("statement_nouns"):
        # compared without accents: "Joint Communiqué" in English, "declaration commune" typed without them
        m.add("agreement:noun", accent_free_phrases(a["statement_nouns"]))
    u = tr["upgrade"]
    m.add("upgrade:verb", [[{"LEMMA": {"IN": u["verbs"]}, "POS": {"IN": ["VERB", "ADJ", "NOUN"]}}],
                           # participles the lemmatiser leaves as adjectives: "une relation élevée en 2012"
                           [{"LOWER": {"IN": u.get("participles", [])}}],
                           [{"IS_SENT_START": True, "LOWER": {"IN": u.get("fronted_participles", [])}}],
                           *([{"LEMMA": p.split()[0], "POS": "VERB"}, *({"LOWER": w} for w in p.split()[1:])]
                             for p in u.get("phrase_verbs", []))])
    m.add("upgrade:noun", nouns(u["nouns"]))
    return m


def _relative_after_preposition(x) -> bool:
    """A relative pronoun opened by a preposition ("au cours de laquelle", "during which"): a clause of what is done
    then, not of the course of what it hangs on."""
    return ("Rel" in x.morph.get("PronType") or x.tag_ in ("WDT", "WP")) and x.i > 0 and x.doc[x.i - 1].pos_ == "ADP"
