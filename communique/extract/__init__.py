"""Stage extract: facts from one analysed document.

In: a ``Document`` and its ``AnalysedSegment``s (from ``nlp``). Out: ``DocumentFacts``: persons (one per
person of the document), events (deduplicated within the document, undated ones dated from the trip
they belong to or from the publication date), figures, relations and commitments, each with the
sentence it was read from.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..lang import Lexicon, fold, load_lexicon, words
from ..nlp import AnalysedSegment
from ..offices import OfficeHolders
from ..records import Document, DocumentFacts, Event, Participant, Person, Relation, Role, Source
from .commitments import CommitmentExtractor
from .context import DocContext, build_context, dominant_country, focal_country
from .dates import DateGrammar, overlaps, parse_doc_date, span_of, width, years_before
from .events import LEADER_TITLE_ROLES, Candidate, EventExtractor, EventRules, is_subject, passive_voice, relative_of, set_codes
from .figures import FigureExtractor
from .organisations import OrganisationExtractor
from .persons import PersonEntity, PersonFinder, country_of, family_name_hint, without_initials
from .relations import RANK, RelationExtractor

__all__ = ["Extractor"]


class Extractor:
    """Reads the facts of analysed documents; language data is loaded once."""

    def __init__(self, lang: str = "fr", lexicon: Lexicon | None = None, offices: OfficeHolders | None = None):
        """``offices``: who held which office when (default: the data shipped with the package), for
        names without a title and titles without a name."""
        self.lex = lexicon or load_lexicon(lang)
        self.offices = OfficeHolders.builtin() if offices is None else offices
        self.dates = DateGrammar(self.lex)
        self.rules = EventRules(self.lex)

    def extract(self, document: Document, segments: list[AnalysedSegment]) -> DocumentFacts:
        facts = DocumentFacts(document)
        if not segments:
            return facts
        ctx = build_context(document, segments, self.lex, self.dates, self.offices)
        finder = PersonFinder(ctx, self.offices)
        mentions, entities = finder.find()
        _settle_by_persons(ctx, mentions, self.lex)
        doc_codes = {c.code for s in ctx.sentences for c in s.countries}
        _family_names(entities, self.lex, doc_codes)
        extractor = EventExtractor(ctx, mentions, segments[0].doc.vocab, self.rules)
        candidates = extractor.extract()
        # the relatives of people placed by the events they took part in ("King X of Bhutan arrived ...")
        _family_names(entities, self.lex, doc_codes)
        _placed_by_talks(candidates)  # (before the article's country is lent: the place of the talks says more)
        dominant = _home_country(ctx, entities) or dominant_country(ctx)
        spoken_from = {fold(w) for w in self.lex.persons.get("speaking_place_prepositions", [])}
        for e in entities:
            if _of_organisation(e):
                continue  # "le secrétaire général de l'ONU": an organisation's official, of no country
            place = _speaking_place(e, spoken_from) if e.country is None and e.roles else None
            if place is not None:
                e.country, e.country_source = place, "speaking_place"
            # an official named with a bare title ("le secrétaire général X") belongs to the article's country,
            # when the article has one
            if e.country is None and e.roles and dominant:
                e.country, e.country_source = dominant, "focal"
        # "King Abdullah" placed in Jordan by the events he took part in: the holder of that office then
        finder.name_by_office(entities)
        _headline_participants(candidates, ctx, mentions)
        _anaphoric_participants(candidates, mentions, extractor)
        _delegation_participants(candidates, mentions)
        for c in candidates:
            c.event.participants = _participants(c)
            if c.event.type in ("meeting", "call"):
                _fix_parties(c)
        events = [c for c in candidates if len(set(c.event.countries)) >= 2]
        _anaphoric_talks(events, self.lex)
        if ctx.story_date is None:
            _date_lead_sequels(events, document)
        _date_from_context(events, document, ctx.story_date, ctx.story_index, ctx.filed_date)
        _ongoing_visits_from_talks(events, document.date)
        _talks_told_as_call(events, self.lex, self.rules.ontology)
        _date_titles_of_past_events(events, document)
        events += _meetings_of_signings(events, self.rules.ontology, document.date)
        events += _visits_of_meetings(events, self.rules.ontology, self.lex)
        facts.events = _dedupe(events, self.rules.generic_title, self.rules.other_texts)
        _participants_of_the_talks(facts.events)
        facts.figures = FigureExtractor(ctx, self.rules.quantities).extract()
        facts.relations = _with_upgrades(RelationExtractor(ctx, self.rules.levels, self.rules.modality).extract(),
                                         facts.events, document.id, document.date)
        facts.commitments = CommitmentExtractor(ctx, facts.figures).extract()
        facts.organisations = OrganisationExtractor(ctx).extract()
        # a person the article places in no country acts for no side of a relation (a painter, a reporter,
        # a building the model took for a name): they stay in the events they take part in, without a record
        facts.persons = [_person(e, document) for e in entities if not e.inferred and e.country]
        return facts


def _settle_by_persons(ctx: DocContext, mentions: list, lex: Lexicon) -> None:
    """"le président congolais Denis Sassou Nguesso": a form naming one of several countries ("congolais": COD or
    COG) that describes a person of one of them, named right after or before it, names that person's country."""
    forms = lex.ambiguous_countries
    if not forms:
        return
    settled = False
    for s in ctx.sentences:
        for c in s.countries:
            codes = forms.get(words(c.text))
            if not codes or c.label != "DEMONYM":
                continue  # (a name is a place: "Tshisekedi est arrivé au Congo lundi")
            near = [country_of(m) for m in mentions
                    if m.sentence is s and (0 <= m.i - c.j <= 3 or 0 <= c.i - m.j <= 3 or m.i <= c.i < m.j)]
            fits = {x for x in near if x in codes}
            if len(fits) == 1 and c.code not in fits:
                c.code = fits.pop()
                settled = True
    if settled:
        ctx.focal = focal_country(ctx)  # (read from the forms' first readings before)


#: offices whose holder meeting another country's leaders in that country is visiting it (not ambassadors,
#: who live there)
TRAVELLING_ROLES = {"head_of_state", "head_of_government", "deputy_head_of_government", "foreign_minister",
                    "deputy_foreign_minister", "parliament_speaker", "party_general_secretary", "minister"}
#: of those, the offices of a state's own government or parliament (not a party's or an organisation's secretary
#: general, nor a spokesman): whose holder a sentence opening with a place places there
STATE_ROLES = TRAVELLING_ROLES - {"party_general_secretary"}


def _speaking_place(e: PersonEntity, prepositions: set[str]) -> str | None:
    """"À Taipei, le ministre des Affaires étrangères X a expliqué ...", "In Taipei, Foreign Minister X said": the city
    or country a sentence opens with, set off by a comma, is where an official of a state it names after it speaks
    from (his country, when his title names none)."""
    if not {r for r, _ in e.roles} & STATE_ROLES:
        return None  # ("In Brussels, Secretary General X said", "À Genève, le porte-parole X": no state's office)
    for m in e.mentions:
        s = m.sentence
        start = s.span.start
        if fold(s.doc[start].text) not in prepositions:
            continue
        place = next((c for c in [*s.countries, *s.cities] if start < c.i <= start + 2
                      and c.label in ("COUNTRY", "CAPITAL", "CITY") and c.j < s.span.end and s.doc[c.j].text == ","), None)
        # (no other country named before the person: "À Paris, le ministre sénégalais des Affaires étrangères X")
        if place is not None and m.i > place.j and place.code and all(
                c.code == place.code for c in s.countries if c.i < m.i):
            return place.code
    return None


def _of_organisation(e: PersonEntity) -> bool:
    """Whether a title names the person an organisation's official ("le secrétaire général de l'ONU", persons.py)."""
    return any((m.office_country or "").startswith("org:") for m in e.mentions)


def _placed_by_talks(cands: list[Candidate]) -> None:
    """"Smith arrived in Seoul ... and met with Prime Minister Chung Un-chan": an office holder of no stated country
    met in one party's country by an official of the other is of the country the talks were held in."""
    for c in cands:
        e = c.event
        host = (e.location or {}).get("country")
        if e.type != "meeting" or e.status != "happened" or host not in e.countries or len(set(e.countries)) != 2:
            continue
        if not any(m.entity is not None and m.entity.country not in (None, host) for m in c.mentions):
            continue  # (no one of the other party takes part)
        for m in c.mentions:
            ent = m.entity
            # (those met, named after the trigger: not the guest's own delegate named beside him in the subject)
            if ent is not None and ent.country is None and ent.role in TRAVELLING_ROLES \
                    and not _of_organisation(ent) and m.sentence is c.trigger.sentence and m.i > c.trigger.token.i:
                ent.country, ent.country_source = host, "talks_place"


def _family_names(entities: list[PersonEntity], lex: Lexicon, doc_codes: set[str]) -> None:
    for e in entities:
        if e.country is None:
            hint = family_name_hint(e, lex, doc_codes, entities)
            if hint:
                e.country, e.country_source = hint, "family_name"


def _home_country(ctx, entities) -> str | None:
    """The country an article on two countries is written from, when it shows: it names the officials of the other
    with their country ("the Minister of Agriculture of Hungary, X"), at least two, and none of its own (a Serbian
    communiqué says "the Minister of Economy, Y"). Its officials named with a bare title are of it."""
    from collections import Counter
    main = ctx.main_countries()
    if len(main) < 2:
        return None
    stated = Counter(e.country for e in entities if e.country_source == "stated" and e.roles)
    marked = [c for c in main if stated[c] >= 2]
    unmarked = [c for c in main if stated[c] == 0]
    return unmarked[0] if len(marked) == 1 and len(unmarked) == 1 else None


def _visits_of_meetings(cands: list[Candidate], ontology: dict, lex: Lexicon) -> list[Candidate]:
    """"Putin meets el-Sissi in Sochi", "X held talks with President Y on April 5 in Khiva", "X received his
    counterpart in the Peruvian capital", "X a assisté à Pékin à la signature d'un traité": talks held, or a signing
    attended, in one party's country, with an office holder of the other party taking part, are that holder's visit
    there (one per article, when the article tells no such visit)."""
    from ..lang import fold

    gatherings = lex.gathering_nouns
    press = {fold(w) for w in lex.triggers["meeting"].get("press_words", [])}
    visiting = {fold(w) for w in lex.triggers["visit"].get("visiting_words", [])}

    setting = {fold(w) for w in lex.triggers["meeting"].get("gathering_setting_words", [])}
    reception = {fold(w) for w in lex.triggers["meeting"].get("reception_verbs", [])}
    counterpart_nouns = {fold(w) for w in lex.persons.get("counterpart_nouns", [])}
    bodies = {fold(w) for w in lex.triggers["meeting"].get("assembly_nouns", [])}

    def gathering(x) -> bool:  # "at the summit"; not "at a joint press conference", "conférence de presse"
        # (a capitalised assembly with a word setting talks at it: not a body's name, "les présidents des chambres de
        # l'Assemblée fédérale")
        if fold(x.text) not in gatherings:
            return False
        doc = x.doc
        before = fold(doc[x.i - 1].text) if x.i > 0 else ""
        after = fold(doc[x.i + 2].text) if x.i + 2 < len(doc) and doc[x.i + 1].pos_ == "ADP" else ""
        return before not in press and after not in press and (
            x.text[:1].islower() or fold(x.text) not in bodies or any(
                fold(y.text) in setting for y in doc[max(0, x.i - 4):x.i]))
    meeting_words = lex.triggers["meeting"]
    pair_words = {fold(w) for k in ("with_words", "between_words", "two_party_words") for w in meeting_words.get(k, [])}

    def own_summit(x, trigger) -> bool:  # "a tenu un sommet avec X", "a bilateral summit": the two sides' talks
        # (not "the summit between African leaders and South Korea": a group on one side)
        if x.i != trigger.i:
            return False
        after = x.doc[x.i + 1:min(len(x.doc), x.i + 5)]
        return any(fold(y.text) in pair_words for y in after[:2]) and not any(
            y.pos_ == "NOUN" and "Plur" in y.morph.get("Number") for y in after)
    out: list[Candidate] = []
    for c in cands:
        e = c.event
        if e.type not in ("meeting", "agreement") or e.status != "happened" or len(set(e.countries)) != 2:
            continue
        if e.type == "agreement" and not e.location:
            continue  # a signing is a visit only where the text says it took place
        s = c.trigger.sentence
        # (the summit that is itself the two sides' talks is no gathering: "a tenu un sommet avec le prince
        # héritier ... aux Émirats arabes unis")
        # (an organisation named in someone's office is no gathering: "le Président de la République et Président
        # de l'Union africaine ... a reçu au Palais présidentiel de Nouakchott")
        if any(not _org_of_office(s, o) for o in s.orgs) or any(
                gathering(x) for x in s.span if not own_summit(x, c.trigger.token)):
            continue  # "lors du sommet pour un nouveau pacte financier, à Paris": a gathering's host
        if e.location:
            host = e.location.get("country")
            if host not in e.countries:
                continue
            guest = next(x for x in e.countries if x != host)
        else:
            # "Wen met visiting Sri Lankan President X": the one called visiting is the guest of the other side
            guest = next((country_of(m) for m in c.mentions if m.sentence is s and country_of(m) in e.countries
                          and any(fold(x.text) in visiting for x in s.doc[max(s.span.start, m.i - 5):m.i])), None)
            if guest is None and e.type == "meeting":
                guest = _received_guest(c, reception, counterpart_nouns)
                receiver = next((x for x in e.countries if x != guest), None)
                if guest is not None and any(o.event.type == "visit" and o.event.guest == receiver
                                             and o.event.host == guest and o.event.status == "happened"
                                             and e.date_start and len(e.date_start) == 10
                                             and _under_way(o.event, e.date_start) for o in cands):
                    # "au deuxième jour de sa visite à Doha, ... a reçu le ministre qatarien": abroad (a trip begun a
                    # few days before too; not one of another year, "Tshisekedi last visited Nairobi in 2022")
                    guest = None
            if guest is None:
                continue
            host = next(x for x in e.countries if x != guest)
        if e.type == "agreement" and c.present_at_place is not None and guest not in c.present_at_place:
            continue  # "Lavrov signed the treaty in Moscow": the other side's signer is not told to be there
        travellers = [p for p in e.participants if p.country == guest and p.role in TRAVELLING_ROLES]
        if not travellers and e.type == "meeting":
            # "The second meeting ... ended on Wednesday in Rabat": talks the article names its people in another
            # sentence (the ones the same talks merge with)
            travellers = list({p.name: p for o in cands if o is not c and o.event.type == "meeting"
                               and _compatible(o.event, e) and (o.event.location or {}).get("country") in (None, host)
                               for p in o.event.participants
                               if p.country == guest and p.role in TRAVELLING_ROLES}.values())
        if not travellers or any(o.event.type == "visit" and o.event.guest == guest and o.event.host == host
                                 and o.event.status == "happened" and _same_time(o.event, e) for o in [*cands, *out]):
            continue
        v = Event(doc=e.doc, type="visit", countries=[guest, host], guest=guest, host=host, visit_kind="unspecified",
                  date_start=e.date_start, date_end=e.date_end, location=dict(e.location or {}) or None,
                  participants=travellers,
                  sources=list(e.sources), status="happened", trigger=e.trigger)
        set_codes(v, ontology)
        out.append(Candidate(c.trigger, v, [m for m in c.mentions if (m.entity.country if m.entity else m.country)
                                            == guest]))
    return out


def _org_of_office(s, org) -> bool:
    """An organisation named as part of someone's office, right after the title ("Président de l'Union africaine",
    "Chairman of the African Union"), past only articles and prepositions."""
    doc = s.doc
    for t in s.titles:
        if t.i <= org.i < t.j:
            return True
        if t.j <= org.i <= t.j + 3 and all(x.pos_ in ("ADP", "DET") or x.is_punct and x.text in "'’"
                                           for x in doc[t.j:org.i]):
            return True
    return False


def _received_guest(c: Candidate, reception: set[str], counterpart_nouns: set[str]) -> str | None:
    """"Emmanuel Macron a reçu mardi le président d'Ouzbékistan": a head of state or government receiving a foreign
    leader, the verb's object, does so at home (no gathering named: checked before); the country of the one
    received, or None (not "received a phone call from", "receives a bouquet of flowers"; a passive is left to the
    welcomes on arrival)."""
    tok = c.trigger.token
    talks_received = c.trigger.sub == "noun" and tok.dep_ in ("obj", "dobj") and tok.head.pos_ == "VERB" \
        and fold(tok.head.lemma_) in reception
    if talks_received:
        tok = tok.head  # "received a courtesy call from X": the talks the verb receives carry the guest
    if fold(tok.lemma_) not in reception or tok.pos_ != "VERB" or passive_voice(tok):
        return None
    s = c.trigger.sentence
    subj = {x.i for ch in tok.children if ch.dep_.startswith("nsubj") for x in ch.subtree}
    named = [m for m in c.mentions if m.sentence is s and m.i in subj and country_of(m)]
    if len({country_of(m) for m in named}) != 1 or len(set(c.event.countries)) != 2:
        return None
    side = country_of(named[0])
    if side not in c.event.countries:
        return None
    other = next(x for x in c.event.countries if x != side)
    receiver = named[0].entity.role if named[0].entity is not None else named[0].role
    received = [m for m in c.mentions if m.sentence is s and m.i > tok.i and m.i not in subj and country_of(m) == other]
    if receiver not in LEADER_TITLE_ROLES or not received:  # (those who receive foreign guests at home)
        return None
    if talks_received:
        return other
    # the verb's object is the person: the first word after the verb that is no date, article, adjective or comma
    # opens that person's title or name ("a reçu, mardi 22 novembre, le président d'Ouzbékistan, X"; not "received a
    # phone call from X", "receives a bouquet of flowers as his host X looks on")
    dated = {k for d in s.dates for k in range(d.start, d.end)}
    starts = {t.i for t in s.titles} | {m.i for m in received}
    doc = s.doc

    def in_date(x) -> bool:  # ("mardi 22 novembre": the weekday before the date read)
        return any(s.seg.offset + y.idx in dated for y in doc[x.i:min(x.i + 2, s.span.end)])
    for x in doc[tok.i + 1:received[0].i + 1]:
        if x.is_punct or x.pos_ in ("DET", "ADJ", "NUM", "ADV", "ADP", "PRON") or in_date(x):
            continue
        return other if x.i in starts or fold(x.text) in counterpart_nouns else None
    return None


def _months_apart(a: Event, b: Event) -> bool:
    """Two events dated more than a month apart (by their months; those undated, dated by a year only or without a
    year are not)."""
    ma, mb = (_month_index(x.date_start) if x.date_start and len(x.date_start) >= 7 and not x.date_start.startswith(
        "-") else None for x in (a, b))
    return ma is not None and mb is not None and abs(ma - mb) > 1


def _same_time(a: Event, b: Event) -> bool:
    """Whether two events may be of the same time: either undated, or their spans overlap ("in July 2019" and a visit
    of November 2019 are two trips)."""
    sa, sb = span_of(a.date_start, a.date_end), span_of(b.date_start, b.date_end)
    return sa is None or sb is None or overlaps(sa, sb)


def _participants_of_the_talks(events: list[Event]) -> None:
    """"Eight agreements were signed", "the two countries agreed to raise their ties to a strategic
    partnership", told without the people of one side or both: a signing or an upgrade of the day of talks between
    the same two countries is the work of the people of those talks (one such meeting that day)."""
    talks = [e for e in events if e.type in ("meeting", "call") and e.status == "happened" and e.participants]
    for e in events:
        sides = {p.country for p in e.participants} & set(e.countries)
        if e.type not in ("agreement", "upgrade") or e.status != "happened" or len(sides) == 2 or not e.date_start:
            continue
        same = [t for t in talks if set(t.countries) == set(e.countries) and t.date_start == e.date_start]
        if len(same) == 1 and len({p.country for p in same[0].participants} & set(e.countries)) == 2:
            # a side the signing or upgrade names no one of ("le président malien ... et les deux chefs d'État ont
            # convenu"): that side's people of the talks
            e.participants += [replace(p) for p in same[0].participants if p.country not in sides]


def _meetings_of_signings(cands: list[Candidate], ontology: dict, when: str | None) -> list[Candidate]:
    """"X signed several agreements with his counterpart Y": people of both sides signing together met. One
    meeting per signing whose parties the article tells of no talks at that time (not a signing in a third
    country, such as two ministers at the United Nations)."""
    out: list[Candidate] = []
    talks = [c.event for c in cands if c.event.type in ("meeting", "call") and c.event.status == "happened"]
    for c in cands:
        e = c.event
        if e.type != "agreement" or e.status != "happened" or len(set(e.countries)) != 2:
            continue
        if len({p.country for p in e.participants if p.country in e.countries}) < 2:
            continue
        tok = c.trigger.token
        if c.trigger.sub == "verb" and tok.dep_ in ("acl", "amod") and not any(
                x.dep_ in ("obl:agent", "agent") for x in tok.children):
            continue  # "la mise en œuvre des accords conclus en 2023": an instrument recalled, nobody signing it here
        if e.location and e.location.get("country") not in e.countries or c.signed_in and c.signed_in not in e.countries:
            continue  # (signed in a third country: "ont signé lundi à New York une déclaration conjointe")
        if years_before(e.date_start, e.date_end, when):
            continue  # "they signed a framework in November 2002" in a 2016 report: a signing recalled
        span = span_of(e.date_start, e.date_end)
        if any(set(t.countries) == set(e.countries) and (span is None or span_of(t.date_start, t.date_end) is None
                                                          or overlaps(span, span_of(t.date_start, t.date_end)))
               for t in talks + [o.event for o in out]):
            continue
        m = Event(doc=e.doc, type="meeting", countries=list(e.countries), date_start=e.date_start,
                  date_end=e.date_end, location=dict(e.location) if e.location and (
                      c.present_at_place is None or set(e.countries) <= c.present_at_place) else None,
                  participants=list(e.participants), sources=list(e.sources), status="happened", trigger=e.trigger)
        set_codes(m, ontology)
        out.append(Candidate(c.trigger, m, list(c.mentions)))
    return out


def _anaphoric_talks(cands: list[Candidate], lex: Lexicon) -> None:
    """"Les deux ministres ont aussi abordé lors de l'entretien ...": talks named with a definite article after a
    phone call between the same parties are that call, not a meeting in person (the determiners: triggers.yaml
    call.told_determiners)."""
    told = {fold(w) for w in lex.triggers["call"].get("told_determiners", [])}
    calls: list[Candidate] = []
    for c in cands:
        e, tok = c.event, c.trigger.token
        if e.type == "call":
            calls.append(c)
        elif e.type == "meeting" and c.trigger.sub == "noun" and any(
                x.dep_ == "det" and fold(x.text) in told for x in tok.children):
            call = next((k.event for k in calls if set(k.event.countries) == set(e.countries)
                         and k.event.status == e.status), None)
            if call is not None and (e.location or c.explicit_date and (e.date_start, e.date_end) != (
                    call.date_start, call.date_end)):
                continue  # "la dernière réunion ..., tenue le 9 avril à Paris": talks of their own day and place
            if call is not None:
                e.type, e.cameo, e.plover, e.plover_mode = "call", call.cameo, call.plover, call.plover_mode


#: the offices whose holders "the two leaders", "both presidents", "ils" stand for
LEADER_ROLES = ("head_of_state", "head_of_government", "foreign_minister")


def _anaphoric_participants(cands: list[Candidate], mentions, extractor: EventExtractor) -> None:
    """"As the leaders met", "les deux dirigeants ont signé", "both presidents participated": talks or a
    signature whose subject stands for the parties take, for each party without a participant, the leader of
    that country the article named last before."""
    for c in cands:
        e, s = c.event, c.trigger.sentence
        if e.type not in ("meeting", "call", "agreement") or len(set(e.countries)) != 2 or c.trigger.sub != "verb":
            continue  # a verb whose subject stands for the parties, not a noun of talks in general
        if years_before(e.date_start, e.date_end, extractor.ctx.document.date):
            continue  # "they signed a framework in 2002" in a 2016 report: the leaders named are today's
        subject = {x.i for x in s.span if x.dep_.startswith("nsubj")}
        subject |= {k.i for x in s.span if x.dep_.startswith("nsubj") for k in x.subtree}
        if not extractor._anaphoric(s, subject) and not any(
                fold(s.doc[i].lemma_) in extractor.group_nouns and "Plur" in s.doc[i].morph.get("Number")
                for i in subject):
            continue
        have = {(m.entity.country if m.entity else m.country) for m in c.mentions}
        for code in e.countries:
            if code in have:
                continue
            earlier = [m for m in mentions if m.sentence.index <= s.index and m.entity is not None
                       and m.entity.country == code and {r for r, _ in m.entity.roles} & set(LEADER_ROLES)
                       and not extractor._spoken_of(m)]  # (not "son frère, le président X": named, not there)
            if earlier:
                c.mentions.append(max(earlier, key=lambda m: (m.sentence.index, m.i)))


def _headline_participants(cands: list[Candidate], ctx: DocContext, mentions) -> None:
    """A headline event without names ("Le Vietnam et la Russie se consultent") is the one the lead
    tells: its participants are the people the first paragraphs name together as the subject of a verb
    ("X et Y ont exprimé ...") when they come from the event's countries."""
    for c in cands:
        s = c.trigger.sentence
        if s.kind != "title" or c.mentions or c.event.type not in ("meeting", "call"):
            continue
        parties = set(c.event.countries)
        body = [x for x in ctx.sentences if x.kind == "body"][:4]
        for b in body:
            subj = [m for m in mentions if m.sentence is b and not m.title_only and is_subject(m)]
            countries = {m.entity.country if m.entity else m.country for m in subj}
            if len(subj) >= 2 and countries == parties:
                c.mentions = subj
                break


def _delegation_participants(cands: list[Candidate], mentions) -> None:
    """"X paid an official visit to Y. He was accompanied by A, Minister of ..., and B": the members of the
    traveller's delegation (``persons`` gave them the traveller's country) take part in the visit told in the
    same sentence or the two before."""
    members = [m for m in mentions if m.entity is not None and m.entity.country_source == "delegation"]
    if not members:
        return
    for c in cands:
        e = c.event
        if e.type != "visit" or e.status != "happened" or c.later:
            continue
        here = c.trigger.sentence.index
        for m in members:
            if m.entity.country == e.guest and 0 <= m.sentence.index - here <= 2 and m not in c.mentions:
                c.mentions.append(m)


def _participants(c: Candidate) -> list[Participant]:
    seen, out = set(), []
    for m in c.mentions:
        ent = m.entity
        key = ent.key if ent is not None else m.name
        if key in seen:
            continue
        seen.add(key)
        country = ent.country if ent is not None and ent.country else m.country
        out.append(Participant(ent.name if ent else m.name, country, ent.role if ent else m.role))
    return out


def _fix_parties(c: Candidate) -> None:
    """Countries of a meeting follow its participants once their countries are all known."""
    e = c.event
    pc = [p.country for p in e.participants if p.country]
    for code in pc:
        if code not in e.countries:
            e.countries.append(code)


def _month_index(value: str) -> int | None:
    y, m, _ = parse_doc_date(value)
    if y is None:
        return None
    return y * 12 + (m or 12)


def _date_from_context(cands: list[Candidate], document: Document, story: tuple | None = None,
                       story_index: int = 0, reference: str | None = None) -> None:
    """Date undated events from the visit they took place during, else from the day the article
    reports (``story``, told in sentence ``story_index``), else from the day it was filed (``reference``:
    its dateline's, see ``context.filing_day``) or published.

    A lead with no date of its own is not dated by a day named further down ("Dans son discours
    d'investiture samedi, ..." after the summit's undated announcement): news is told first, with its day.

    A meeting, agreement or upgrade between the guest and the host of a dated visit in the same
    article happened during that visit, unless the visit is months older than the article.
    """
    doc_idx = _month_index(document.date) if document.date else None
    # the day dates the events told before it when its sentence tells one of them ("X a discuté, mardi,
    # avec Y" under the headline), not when it tells something else ("dans son discours d'investiture samedi")
    story_told = [c.event for c in cands if c.trigger.sentence.index == story_index and c.explicit_date]
    visits = [c.event for c in cands if c.event.type == "visit" and c.event.date_start
              and c.event.status == "happened"]
    undated_visits = [c.event for c in cands if c.event.type == "visit" and not c.event.date_start
                      and c.event.status == "happened"]

    def recent(v: Event) -> bool:
        if doc_idx is None:
            return True
        vi = _month_index(v.date_end or v.date_start) if not v.date_start.startswith("--") else None
        return vi is not None and doc_idx - vi <= 1

    for c in cands:
        # "Le président X reçoit son homologue Y" as a headline, "X a reçu hier Y" in the text: the headline
        # tells the text's event, in the present of headlines; it takes that event's date
        e = c.event
        if e.date_start or c.trigger.sentence.kind not in ("title", "heading") or e.status != "happened" \
                or e.type not in ("meeting", "call", "visit", "agreement"):
            continue
        told = next((o.event for o in cands if o.trigger.sentence.kind == "body" and o.explicit_date
                     and o.event.type == e.type and set(o.event.countries) == set(e.countries)
                     and o.event.status == "happened" and o.event.date_start
                     and (doc_idx is None or ((_month_index(o.event.date_start) or -99) >= doc_idx - 1))), None)
        if told is not None:
            e.date_start, e.date_end = told.date_start, told.date_end
    for n, c in enumerate(cands):
        e = c.event
        if not e.date_start and not c.later and e.status == "planned" and e.type in ("meeting", "agreement"):
            # "During his visit, the President will have talks with X": talks to come between the guest and the
            # host of a visit under way on the article's day take place within that visit
            under_way = [v for v in visits if {v.guest, v.host} == set(e.countries) and document.date
                         and len(document.date) == 10 and _under_way(v, document.date)]
            # (not talks placed elsewhere, "will meet again at the SADC summit in Kinshasa", nor those of another
            # trip the sentence tells, "is expected to pay a return visit to Lusaka and hold talks there")
            held = {(o.event.location or {}).get("country") for o in cands if o.trigger.sentence is c.trigger.sentence
                    and o.event.type == e.type and set(o.event.countries) == set(e.countries)} - {None}
            under_way = [v for v in under_way if held <= {v.host} and not any(
                o.event.type == "visit" and o.trigger.sentence is c.trigger.sentence and o.event.host != v.host
                and o.event.guest != v.guest for o in cands)]  # (the guest's next leg is no return visit)
            if len({v.date_start for v in under_way}) == 1:  # (tellings of one visit: the one that says its length)
                v = max(under_way, key=lambda v: v.date_end or v.date_start)
                e.date_start, e.date_end = v.date_start, v.date_end
            continue
        if e.date_start or c.later or e.status in ("planned", "hypothetical"):
            continue  # an event to come, or told as coming after the story's, has no date of the story
        if c.same_day:
            # "Le même jour": the day of the event reported just before
            prev = [o for o in cands[:n] if o.event.date_start and o.event.status == "happened"
                    and len(o.event.date_start.lstrip("-")) in (5, 10)]
            # the day of an event of the same story: one sharing a party ("Reçu le jour même par le président
            # Kagame" after the arrival in Kigali, not after a third country's leader's departure)
            prev = [o for o in prev if set(o.event.countries) == set(e.countries)] or [
                o for o in prev if set(o.event.countries) & set(e.countries)] or prev
            if prev:
                # the day its sentence told, not the span counted from it ("Mubarak wrapped up yesterday a two-day
                # visit ... Later in the day, he arrived in X": yesterday)
                e.date_start = prev[-1].told_day or prev[-1].event.date_start
                continue
        if c.same_time:
            # "En 2017, l'émir du Qatar avait effectué une visite à Conakry. À l'époque, la Guinée et le Qatar avaient
            # signé des accords": the date of the event the sentence before told, whatever its precision
            prev = [o for o in cands[:n] if o.event.date_start and o.event.status == "happened" and o.explicit_date
                    and o.trigger.sentence.index == c.trigger.sentence.index - 1]
            prev = [o for o in prev if set(o.event.countries) & set(e.countries)] or prev
            if prev:
                e.date_start, e.date_end = prev[-1].event.date_start, prev[-1].event.date_end
                continue
        if e.type == "agreement":
            # "signed four agreements on Aug. 7 ... X and Y signed a defence deal": one of the texts counted
            counted = [o.event for o in cands[:n] if o.event.type == "agreement" and (o.event.count or 0) > 1
                       and o.explicit_date and o.event.status == "happened" and set(o.event.countries) == set(e.countries)]
            if counted:
                e.date_start, e.date_end = counted[-1].date_start, counted[-1].date_end
                continue
        # "Dans l'après-midi du 9 juillet, X s'est entretenu avec Y. Il a également rencontré Z.": an
        # undated event right after a dated one of the same paragraph took place the same day
        s = c.trigger.sentence
        # (or a sentence or two before, in the same paragraph: "L'émir a été reçu ce matin au Quirinal par X. Y était
        # également présent. Au début des entretiens, X a déclaré ...")
        prev = [o.event for o in cands[:n] if o.explicit_date and o.event.status == "happened"
                and o.trigger.sentence.seg is s.seg and s.index - 3 <= o.trigger.sentence.index < s.index
                and len((o.event.date_start or "").lstrip("-")) in (5, 10) and not o.event.date_end
                and o.event.type in ("meeting", "call", "visit", "agreement")]
        if prev and e.type in ("meeting", "call", "agreement") and set(prev[-1].countries) == set(e.countries) \
                and not any(v.visit_kind in c.visit_kinds_around for v in visits) and not c.during_visit:
            # (unless its sentence names a visit of the article's it took place during: "During the State visit",
            # "sept accords ont été signés lors de la visite du Premier ministre")
            e.date_start = prev[-1].date_start
            continue
        parties = set(e.countries)
        chosen = None
        # "During the State visit, X held talks with Y": the visit of the kind the sentence names, when the
        # article tells several ("coming just after the Working Visit")
        # (a visit of another kind is not the one named: "lors d'une visite officielle" was not the state visit of the
        # year before that the next sentence recalls)
        pool = [v for v in visits if v.visit_kind in c.visit_kinds_around] or [
            v for v in visits if not c.visit_kinds_around or v.visit_kind == "unspecified"]
        # "The visit of the delegation led by X has begun. It follows the visit of Prime Minister Y, held at the end
        # of April": the trip of another traveller dates neither X's visit nor, while X's is undated, the talks
        pool = [v for v in pool if not (_other_travellers(v, e) if e.type == "visit" else any(
            (u.guest, u.host) == (v.guest, v.host) and _other_travellers(v, u) for u in undated_visits))]
        # the most precise visit between the parties: the leg of a tour rather than the whole tour; the one
        # of the day the article reports before one it recalls ("coming just after the Working Visit of 16 April")
        # (not a visit to the other side: talks held in Doha did not take place during a visit to Khartoum)
        held = _held_in(e)
        # (a visit known only by its year is not one of the story's day for what was done during a visit)
        for v in sorted(pool, key=lambda v: (not (_on_story_day(v, story) and not (
                c.during_visit and width(v.date_start, v.date_end) > 31)), width(v.date_start, v.date_end))):
            if {v.guest, v.host} <= parties and (recent(v) or c.during_visit) and (e.type != "visit" or v.host == e.host) \
                    and (held is None or held == v.host):
                if len(parties) == 2 or e.type == "agreement":
                    chosen = v
                    break
        if chosen is None and len(parties) > 2:
            # an agreement of the whole trip: every party is the guest or a host of one dated tour
            spans = {}
            for v in visits:
                spans.setdefault((v.date_start, v.date_end), set()).update({v.guest, v.host})
            for (ds, de), cs in spans.items():
                if parties <= cs:
                    chosen = Event(doc=None, date_start=ds, date_end=de)
                    break
        told_day = _day_told_elsewhere(c, cands, document.date) if chosen is None else None
        if told_day is not None:
            # (no visit to date it by: the day the article gives to the same talks, rather than the story's)
            e.date_start, e.date_end = told_day
        elif chosen is not None and (chosen.date_start and (recent(chosen) or c.during_visit) if chosen.guest else True):
            e.date_start, e.date_end = chosen.date_start, chosen.date_end
            if story is not None and story[1] is None and e.type != "visit" and not c.during_visit and _story_in_visit(
                    story, chosen, [v for v in visits if {v.guest, v.host} <= parties and recent(v)], visits, parties):
                e.date_start, e.date_end = story
        elif story is not None and (c.trigger.sentence.index >= story_index or any(
                set(o.countries) == set(e.countries) for o in story_told)) and not _during_visit_elsewhere(
                e, story[0], visits):
            # told before the day's sentence, an event takes its day when that sentence tells something of the
            # same countries ("X a discuté, mardi, avec Y" under the headline), not another story ("his visit to
            # Saint-Louis with his French counterpart last Saturday" after "X is in Nouakchott")
            e.date_start, e.date_end = story
        elif reference or document.date:
            e.date_start = reference or document.date


#: how many days before the article an event it tells without a date may have taken place
RECENT_DAYS = 7
#: how many days before the article a visit still under way on its day may have begun
VISIT_DAYS = 4


def _date_lead_sequels(cands: list[Candidate], document: Document) -> None:
    """No day near the filing date (a feature or a supplement printed months later): the events named back with a
    definite or possessive article ("The bilateral meeting between the two Presidents", "After their bilateral
    meeting, ... witnessed the signing") between the parties of the event the lead tells with its date, in the year
    before, took place that day, not on the issue's."""
    body = [c for c in cands if c.trigger.sentence.kind == "body"]
    if not body or not document.date or len(document.date) != 10:
        return
    first = min(c.trigger.sentence.index for c in body)
    lead = None
    for c in body:
        e = c.event
        if c.trigger.sentence.index != first or not c.explicit_date or e.status != "happened" \
                or not e.date_start or len(e.date_start) != 10:
            continue
        try:
            before = (date.fromisoformat(document.date) - date.fromisoformat(e.date_start)).days
        except ValueError:
            continue
        if 10 < before <= 366:
            lead = e
            break
    if lead is None:
        return
    for c in body:
        e, tok = c.event, c.trigger.token
        if e.date_start or c.later or e.status != "happened" or set(e.countries) != set(lead.countries) \
                or c.trigger.sub != "noun":
            continue
        if any(x.dep_ == "nmod:poss" or x.dep_ == "det" and (
                "Def" in x.morph.get("Definite") or "Yes" in x.morph.get("Poss")) for x in tok.children):
            e.date_start, e.date_end = lead.date_start, lead.date_end


def _other_travellers(a: Event, b: Event) -> bool:
    """Two visits whose named travellers (the people of the guest's side) are all others: two trips."""
    na = {p.name for p in a.participants if p.country == a.guest}
    nb = {p.name for p in b.participants if p.country == b.guest}
    return bool(na and nb and not na & nb)


def _held_in(e: Event) -> str | None:
    """The country where talks or a signing were held, as the text places them (a visit's place is its host)."""
    return (e.location or {}).get("country") if e.type != "visit" else None


def _during_visit_elsewhere(e: Event, day: str | None, visits: list[Event]) -> bool:
    """Talks held in one country (their location) on a day the article gives to a visit between the same two
    countries hosted by the other: that day belongs to the other talks."""
    held = _held_in(e)
    return bool(held and day) and any(v.date_start == day and v.host != held and {v.guest, v.host} == set(e.countries)
                                      for v in visits)


def _talks_told_as_call(cands: list[Candidate], lex: Lexicon, ontology: dict) -> None:
    """"Échange téléphonique entre Herzog et Erdogan" as the headline, "Erdogan s'est entretenu lundi avec son
    homologue israélien" in the text: talks told by a verb that a call uses too (triggers.yaml call.verbs; not a
    noun such as "meeting": "the annual meeting last month" stays talks), held nowhere the article says, between
    two countries that the article tells a call of and no visit of, are that call (on the talks' day when the call
    has none of its own)."""
    words_ = {fold(w) for w in lex.triggers["call"].get("verbs", [])}
    during = [" ".join(words(w)) for w in lex.triggers["call"].get("during_relatives", [])]
    calls = [c for c in cands if c.event.type == "call" and c.event.status == "happened"]
    if not calls:
        return
    for c in cands:
        e = c.event
        # "received a telephone call from X during which both leaders discussed ...": talks told in a relative
        # clause of the call noun itself are the call, whatever their verb
        inside = any(k.trigger.sentence is c.trigger.sentence and k.trigger.sub == "noun"
                     and k.trigger.token.i < c.trigger.token.i and relative_of(k.trigger.token, c.trigger.token, during)
                     for k in calls)
        # "X met with Y. During their conversation, which took place via videolink, ...": the call told right after
        # as theirs is the talks themselves
        people = {p.name for p in e.participants}
        told_next = any(k.trigger.sentence.index == c.trigger.sentence.index + 1 and set(k.event.countries) == set(
            e.countries) and (k.anaphoric or people and {p.name for p in k.event.participants} == people) for k in calls)
        # "Au cours de leur entretien, qui s'est tenu par visioconférence, ils ont évoqué ...": talks of the same two
        # sides on the same day in the sentence that tells them held from afar are that call
        # (the same people: not "spoke by phone with X, shortly after receiving Y")
        discussed = people and any(
            k.trigger.sentence is c.trigger.sentence and set(k.event.countries) == set(e.countries)
            and (k.event.date_start, k.event.date_end) == (e.date_start, e.date_end)
            and {p.name for p in k.event.participants} == people for k in calls)
        if e.type != "meeting" or e.status != "happened" or e.location or not inside and not told_next \
                and not discussed and (
                fold(c.trigger.token.lemma_) not in words_ and fold(c.trigger.token.text) not in words_):
            continue
        pair = set(e.countries)
        if any(o.event.type == "visit" and {o.event.guest, o.event.host} == pair for o in cands):
            continue
        # (the call told in the headline, or on the talks' own day: "talked on the sidelines of their summit in
        # October" beside a call on Monday is other talks)
        same = [k for k in calls if set(k.event.countries) == pair
                and (k.trigger.sentence.kind in ("title", "heading") and not k.explicit_date
                     or (k.event.date_start, k.event.date_end) == (e.date_start, e.date_end))]
        if not same:
            continue
        e.type = "call"
        set_codes(e, ontology)
        for k in same:
            if not k.explicit_date and c.explicit_date:
                k.event.date_start, k.event.date_end = e.date_start, e.date_end


def _under_way(v: Event, today: str) -> bool:
    """A visit dated to the day (or days) that reach the article's day, or began at most VISIT_DAYS before it."""
    import datetime as dt

    start, end = v.date_start or "", v.date_end or v.date_start or ""
    if len(start) != 10 or len(end) != 10:
        return False
    day = dt.date.fromisoformat(today)
    return start <= today and 0 <= (day - dt.date.fromisoformat(end)).days <= 1 \
        or 0 <= (day - dt.date.fromisoformat(start)).days <= VISIT_DAYS and end >= today


def _ongoing_visits_from_talks(cands: list[Candidate], today: str | None) -> None:
    """"X is on a state visit to Y. On Wednesday, the talks between X and Z took place in Astana": a visit the
    article tells without a day of its own, dated by the day of the article, was under way on the days of the
    talks, signings and calls between its guest and host that the article dates in the days before: it runs from
    the first of them to the article's day."""
    import datetime as dt

    if not today or len(today) != 10:
        return
    day = dt.date.fromisoformat(today)
    for c in cands:
        v = c.event
        if v.type != "visit" or c.explicit_date or v.status != "happened" or v.date_start != today or v.date_end:
            continue
        earlier = [o.event.date_start for o in cands
                   if o.event.type in ("meeting", "agreement") and o.event.status == "happened"
                   and set(o.event.countries) == {v.guest, v.host} and len(o.event.date_start or "") == 10
                   and not o.event.date_end and 0 < (day - dt.date.fromisoformat(o.event.date_start)).days <= VISIT_DAYS]
        if earlier:
            v.date_start, v.date_end = min(earlier), today


def _day_told_elsewhere(c: Candidate, cands: list[Candidate], today: str | None) -> tuple | None:
    """"X et Y se sont rencontrés ... Cette rencontre a débouché sur la signature de 10 accords" and, further
    down, "lors de la réunion tenue à Ankara le 26 novembre": talks (or the texts signed at them) told once
    without a date take the one day the article gives to the talks of the same two countries, days before it."""
    import datetime as dt

    e = c.event
    if e.type not in ("meeting", "call", "agreement") or not today or len(today) != 10:
        return None
    kinds = ("meeting", "agreement") if e.type == "agreement" else (e.type,)
    held = _held_in(e)
    # (not the day of talks held during a visit to a country other than where these were held)
    elsewhere = {v.event.date_start for v in cands if v.event.type == "visit" and v.event.status == "happened"
                 and held and v.event.host != held and {v.event.guest, v.event.host} == set(e.countries)}
    days = {(o.event.date_start, o.event.date_end) for o in cands
            if o is not c and o.explicit_date and o.event.status == "happened" and o.event.type in kinds
            and set(o.event.countries) == set(e.countries) and len(o.event.date_start or "") == 10
            and (not held or _held_in(o.event) in (None, held))
            and o.event.date_start not in elsewhere}
    if len(days) != 1:
        return None
    (start, end), = days
    gap = (dt.date.fromisoformat(today) - dt.date.fromisoformat(start)).days
    return (start, end) if 0 <= gap <= RECENT_DAYS else None


def _on_story_day(v: Event, story: tuple | None) -> bool:
    return story is not None and story[0] is not None and not v.date_start.startswith("--") and overlaps(
        span_of(*story), span_of(v.date_start, v.date_end))


def _story_in_visit(story: tuple, chosen: Event, pair_visits: list[Event], visits: list[Event], parties: set) -> bool:
    """The day the story reports falls within the visit chosen, or within another telling of the same
    visit (the arrival day is the most precise, "arrivé mercredi à Shanghai", the story's day a later one of
    the stay), and on no leg of the traveller's in a third country ("achève ce vendredi en Afrique du
    Sud une tournée ... au Rwanda": Friday is not a day of the Rwandan leg)."""
    day = span_of(*story)
    if not overlaps(day, span_of(chosen.date_start, chosen.date_end)) and not any(
            overlaps(day, span_of(v.date_start, v.date_end)) for v in pair_visits):
        return False
    return not any(v.guest in parties and v.host not in parties and overlaps(day, span_of(v.date_start, v.date_end))
                   for v in visits)


def _date_titles_of_past_events(cands: list[Candidate], document: Document) -> None:
    """"lors de la visite du Premier ministre X à Rio en 2012": a title given to a participant of an event
    more than a year older than the article held on that event's date, not necessarily on the article's."""
    if not document.date:
        return
    for c in cands:
        e = c.event
        if e.status != "happened" or not e.date_start or e.date_start.startswith("--") \
                or _recent(e.date_start, document.date) or e.date_start > document.date:
            continue
        for m in c.mentions:
            if m.roles and not m.title_only and m.role_date is None and m.sentence is c.trigger.sentence:
                m.role_date = e.date_start


def _compatible(a: Event, b: Event, generic_title=None) -> bool:
    if a.type != b.type or a.status != b.status or set(a.countries) != set(b.countries):
        return False
    if a.type == "visit" and (a.guest, a.host) != (b.guest, b.host):
        return False
    if a.type == "upgrade" and a.level != b.level:
        return False
    if a.type == "agreement" and a.count and a.count > 1 and a.count == b.count and a.date_start \
            and (a.date_start, a.date_end) == (b.date_start, b.date_end) and generic_title is not None and (
                generic_title(a.title or "") or generic_title(b.title or "") or _same_subject(a.title or "", b.title or "")):
        # "Quatre accords de coopération ont été signés hier [...] Quatre mémorandums qui ont été signés hier": the
        # same texts, counted alike on the same day, told again under another name (not when both name subjects and
        # the subjects differ: "two agreements on fisheries", "two memorandums on education")
        return True
    same_subject = a.type == "agreement" and a.title and b.title and _same_subject(a.title, b.title)
    if a.type == "agreement" and a.instrument and b.instrument and a.instrument != b.instrument and not (
            same_subject and {a.instrument, b.instrument} <= LEGAL_INSTRUMENTS):
        return False  # "l'accord de libre-échange" and "le traité de libre-échange commercial" are one text
    if a.type == "agreement" and a.title and b.title and not _same_title(a.title, b.title) and not same_subject \
            and not (
            generic_title is not None and a.instrument not in (None, "other") and a.instrument == b.instrument
            and (generic_title(a.title) or generic_title(b.title))):
        # "une feuille de route sur la défense" and "une lettre d'intention sur l'espace" are two texts;
        # "plusieurs accords de coopération" and "l'accord sur le transit" told of one signing are one event
        # (not the catch-all "other": "documents de coopération" and a "procès-verbal" are two texts)
        return False
    if not overlaps(span_of(a.date_start, a.date_end), span_of(b.date_start, b.date_end)):
        # one article telling two days of one visit ("arrivé mercredi à Shanghai", "reçu vendredi à Pékin")
        if not (a.type == "visit" and _days_apart(a, b) is not None and _days_apart(a, b) <= VISIT_GAP_DAYS):
            return False
    if a.type == "visit" and a.date_start != b.date_start and not (
            len(a.date_start or "") == len(b.date_start or "") == 10):
        # "X begins a visit to the United States (dated by its year only); in April 2017, the deputy prime minister
        # went to the United States": a trip of another traveller of the same side, told with a date of its own, is
        # another visit (two tellings dated to the day are one visit when their days are close: above)
        if _other_travellers(a, b):
            return False
    if a.type in ("meeting", "call") and _other_counterparts(a, b):
        return False  # "a rencontré le président, puis le président du Sénat": two meetings
    if a.type in ("meeting", "call") and _other_people(a, b):
        return False  # two talks of one side with different counterparts of the same country are two events
    return True


def _other_counterparts(a: Event, b: Event) -> bool:
    """Talks with an office named without its holder ("le Premier ministre") and talks with another office
    (named or not) are two meetings."""
    for x, y in ((a, b), (b, a)):
        if not x.counterpart:
            continue
        if y.counterpart and y.counterpart != x.counterpart:
            return True
        if any(p.role and p.role != x.counterpart for p in y.participants
               if p.country and p.country not in {q.country for q in x.participants}):
            return True
    return False


#: instruments a reporter names one for another ("accord", "traité", "convention"); a declaration or a memorandum
#: is another kind of text
LEGAL_INSTRUMENTS = frozenset({"agreement", "treaty", "convention"})


def _same_subject(a: str, b: str) -> bool:
    """Two titles of texts on one subject: the words that tell the subject in the shorter one (after its first
    word, the instrument; words of four letters or more, compared on their first five) all in the longer one
    ("accord de libre-échange" / "traité de libre-échange commercial", "traité frontalier" / "traité sur leur
    frontière commune"; not "coopération économique" / "coopération culturelle")."""

    def stems(t: str) -> set[str]:
        return {w[:5] for w in words(t)[1:] if len(w) >= 4 and w.isalpha()}

    sa, sb = stems(a), stems(b)
    short, long_ = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return bool(short) and short <= long_


def _same_title(a: str, b: str) -> bool:
    from ..lang import words
    wa, wb = words(a)[:3], words(b)[:3]
    return wa[:1] == wb[:1] and (set(wa) <= set(words(b)) or set(wb) <= set(words(a)))


VISIT_GAP_DAYS = 7  # within one article, two dated mentions of one guest's visit to one host this close are one visit


def _days_apart(a: Event, b: Event) -> int | None:
    import datetime as dt

    try:
        da = [dt.date.fromisoformat(x) for x in (a.date_start, a.date_end or a.date_start)]
        db = [dt.date.fromisoformat(x) for x in (b.date_start, b.date_end or b.date_start)]
    except (TypeError, ValueError):
        return None
    return max(0, (db[0] - da[1]).days, (da[0] - db[1]).days)


def _merge_into(a: Event, b: Event) -> None:
    for s in b.sources:
        if s not in a.sources:
            a.sources.append(s)
    names = {p.name for p in a.participants}
    a.participants += [p for p in b.participants if p.name not in names]
    if a.type == "visit" and a.date_start and b.date_start and len(a.date_start) == len(b.date_start) == 10:
        # two days of one visit ("arrivé mardi", "a achevé vendredi"): the visit spans both
        start = min(a.date_start, b.date_start)
        end = max(a.date_end or a.date_start, b.date_end or b.date_start)
        a.date_start, a.date_end = start, (end if end != start else None)
    elif width(b.date_start, b.date_end) < width(a.date_start, a.date_end):
        a.date_start, a.date_end = b.date_start, b.date_end
    if a.visit_kind in (None, "unspecified") and b.visit_kind not in (None, "unspecified"):
        a.visit_kind = b.visit_kind
    if b.location and not a.location:
        a.location = b.location
    if b.count and (not a.count or b.count > a.count):
        a.count = b.count
    if b.instrument and (not a.instrument or a.instrument == "other"):
        a.instrument = b.instrument
    if b.title and not a.title:
        a.title = b.title


def _dedupe(cands: list[Candidate], generic_title=None, other_texts=None) -> list[Event]:
    out: list[Event] = []
    told_by: dict[int, Candidate] = {}
    dated_upgrades = {(frozenset(c.event.countries), c.event.level): c.event for c in cands
                      if c.event.type == "upgrade" and c.event.status == "happened" and c.explicit_date}
    for c in cands:
        e = c.event
        first = dated_upgrades.get((frozenset(e.countries), e.level)) if e.type == "upgrade" else None
        if first is not None and first is not e and not c.explicit_date and e.status == "happened":
            # "dans le contexte où les 2 pays ont établi un partenariat stratégique" after "l'établissement du
            # partenariat stratégique en juillet 2007": a pair reaches a level once; the dated telling dates it
            first.sources.extend(src for src in e.sources if src not in first.sources)
            continue
        e = c.event
        # ("three other documents that were signed during the visit": texts told as others are a signing of their own)
        told_as_others = other_texts is not None and e.type == "agreement" and other_texts(c)
        target = None if told_as_others else next((o for o in out if _compatible(o, e, generic_title)), None)
        if target is None and c.anaphoric and not told_as_others:
            # "Les textes ont été signés par ...": the agreement reported just before, between the same parties
            # (a statement quoted again, "Dans la déclaration commune, ils ont exhorté X à ...", whatever the mood of
            # what it says)
            # (not talks months apart: "ces discussions" of the day after "rencontré pour la dernière fois en octobre")
            target = next((o for o in reversed(out) if o.type == e.type and set(o.countries) == set(e.countries)
                           and (o.status == e.status or e.instrument == o.instrument == "joint_statement")
                           and not _months_apart(o, e)), None)
        if target is None:
            out.append(e)
            told_by[id(e)] = c
        else:
            _merge_into(target, e)
    others = {id(e) for e in out if other_texts is not None and id(e) in told_by and other_texts(told_by[id(e)])}
    return _one_signing(_one_sided_talks(out, told_by), generic_title, others)


def _definite(noun) -> bool:
    """A noun with a definite or demonstrative determiner and no complement naming anything ("the meeting", "ces
    entretiens"; not "the meeting of the joint committee", "the call with Washington"): talks told before."""
    return any(d.dep_ == "det" and ("Def" in d.morph.get("Definite") or "Dem" in d.morph.get("PronType"))
               for d in noun.children) and not any(
        ch.dep_ in ("nmod", "prep", "obl", "acl", "relcl", "compound") and any(
            x.pos_ in ("NOUN", "PROPN", "PRON") for x in ch.subtree) for ch in noun.children)


def _one_sided_talks(events: list[Event], told_by: dict) -> list[Event]:
    """"Malaysian Ambassador X assessed the meeting as ...": talks named by a definite noun whose people are all of
    one side, on the day of talks between the same parties that name both sides, are those talks (a commentator, a
    spokesman reading the communiqué), not talks of their own."""
    out: list[Event] = []
    for e in events:
        c = told_by.get(id(e))
        sides = {p.country for p in e.participants if p.country}
        target = None
        if e.type in ("meeting", "call") and e.status == "happened" and c is not None and c.trigger.sub == "noun" \
                and _definite(c.trigger.token) and len(sides) <= 1 and e.date_start:
            target = next((o for o in out if o.type == e.type and o.status == "happened"
                           and set(o.countries) == set(e.countries) and o.date_start == e.date_start
                           and len({p.country for p in o.participants if p.country} & set(e.countries)) == 2), None)
        if target is None:
            out.append(e)
        else:
            _merge_into(target, e)
    return out


def _one_signing(events: list[Event], generic_title=None, others: set[int] = frozenset()) -> list[Event]:
    """"Four agreements were signed on Monday ... a memorandum on fisheries was also signed": the texts one article
    says the same two parties signed on the same date are one signing (one event, its texts counted), whatever
    instrument each is called, unless two of them name their subjects ("two agreements on fisheries", "two memorandums
    on education"), were signed by other people of a side ("the two leaders signed the minutes; in their presence, the
    two ministers signed the plan") or in another place, or the texts are told as others (``others``: "seven other
    documents were exchanged"); a joint statement stays an event of its own (it is issued, not signed), and so do texts
    of three parties or more ("signed a defence agreement with Qatar and a memorandum with Kuwait": two signings)."""
    out: list[Event] = []
    titles: dict[int, list[str]] = {}
    for e in events:
        target = None
        if e.type == "agreement" and e.status == "happened" and e.date_start and e.instrument != "joint_statement" \
                and len(set(e.countries)) == 2 and id(e) not in others:
            target = next((o for o in out if o.type == "agreement" and o.status == "happened"
                           and o.instrument != "joint_statement" and set(o.countries) == set(e.countries)
                           and (o.date_start, o.date_end) == (e.date_start, e.date_end)
                           and not (_subject_named(e.title, generic_title) and any(
                               _subject_named(t, generic_title) for t in titles.get(id(o), [])))
                           and not _other_people(o, e)
                           and not _other_places(o.location, e.location)), None)
        if target is None:
            out.append(e)
            titles[id(e)] = [e.title] if e.title else []
        else:
            _merge_into(target, e)
            titles[id(target)] += [e.title] if e.title else []
    return out


def _other_places(a: dict | None, b: dict | None) -> bool:
    """Two places that differ: another country, or another city of it (a country alone differs from none of its
    cities)."""
    if not a or not b:
        return False
    return a.get("country") != b.get("country") or bool(a.get("city") and b.get("city") and a["city"] != b["city"])


def _other_people(a: Event, b: Event) -> bool:
    """Two events whose people of one side are others (two talks, two signings)."""
    for code in set(a.countries):
        na = {p.name for p in a.participants if p.country == code}
        nb = {p.name for p in b.participants if p.country == code}
        if na and nb and not na & nb:
            return True
    return False


def _subject_named(title: str | None, generic_title=None) -> bool:
    """A title that names the text's subject, not only its kind ("memorandum on fisheries", not "four agreements")."""
    return bool(title) and generic_title is not None and not generic_title(title)


def _with_upgrades(relations, events, doc_id, doc_date: str | None = None):
    """An upgrade that happened states the level the relation has reached; diplomatic relations
    established in the news of the day (not decades ago) are the level of a pair that has no other."""
    by_pair = {frozenset(r.countries): r for r in relations}
    for e in events:
        if e.type != "upgrade" or e.status != "happened":
            continue
        if e.level == "diplomatic_relations" and not _recent(e.date_start, doc_date):
            continue
        pair = frozenset(e.countries)
        r = by_pair.get(pair)
        if r is None or RANK.index(e.level) > RANK.index(r.level):
            by_pair[pair] = Relation(doc=doc_id, countries=sorted(pair), level=e.level, sources=list(e.sources))
    return list(by_pair.values())


def _recent(when: str | None, doc_date: str | None) -> bool:
    """Whether an event dated ``when`` is the news of an article of ``doc_date`` (within a year)."""
    if not when or not doc_date:
        return not when and not doc_date
    a, b = _month_index(when), _month_index(doc_date)
    return a is not None and b is not None and abs(a - b) <= 12


def _person(e: PersonEntity, document: Document) -> Person:
    sources, seen = [], set()
    for m in e.mentions:
        s = m.sentence
        if s.index in seen:
            continue
        seen.add(s.index)
        sources.append(Source(document.id, s.start, s.end, s.text))
    # "Mouammar Kadhafi" read in French, "Muammar Gaddafi" in English: the office-holder data's name among the
    # aliases, so that the merged record joins reports in any language and spelling
    aliases = set(e.names) | ({e.canonical} if e.canonical else set())
    aliases |= {short for n in e.names if (short := without_initials(n))}  # "M. Najib Tun Razak": "Najib Tun Razak"
    return Person(doc=document.id, name=e.name, aliases=sorted(aliases), country=e.country,
                  roles=[Role(r, when, t) for r, when, t in e.dated_roles(document.date)], sources=sources)
