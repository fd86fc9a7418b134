"""Whether an event happened, is planned, hypothetical or negated (PLOVER's modality flags).

In: the trigger token of an event candidate. Out: a status string. Cues come from
``lang/<code>/modality.yaml``: negation particles, future and conditional morphology, governing
verbs ("doit se rendre", "envisagent de signer"), and modifiers ("les prochaines visites").
"""
from __future__ import annotations

from ..lang import Lexicon, fold

# dependency relations through which a governing verb's tense or meaning passes to the event
# ("prep", "pcomp": the English parse's labels the conversion to UD leaves on a preposition heading a clause: "On the
# possibility of signing an agreement")
# (the agent of a passive too: "would be preceded by the signing of agreements" is a signing to come)
_PASS_UP = {"xcomp", "obj", "obl", "obl:arg", "obl:mod", "ccomp", "nmod", "acl", "advcl", "ROOT", "conj", "nsubj:pass",
            "prep", "pcomp", "obl:agent"}


_FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient")


def _future_form(tok) -> bool:
    """Future or conditional by its form ("signeront", "rendrait"), which the tagger sometimes misses."""
    lemma, text = tok.lemma_.lower(), tok.text.lower()
    if lemma.endswith(("er", "ir")):
        stem = lemma
    elif lemma.endswith("re"):
        stem = lemma[:-1]
    else:
        return False
    return text.startswith(stem) and text[len(stem):] in _FUTURE_ENDINGS


def _compound_past(tok) -> bool:
    """A past participle with a tense auxiliary in the indicative present or past ("a rencontré", "avait
    signé", "s'est rendu"): passé composé or plus-que-parfait."""
    if "Part" not in tok.morph.get("VerbForm") or "Past" not in tok.morph.get("Tense"):
        return False
    def tense_aux(c) -> bool:
        return "Fin" in c.morph.get("VerbForm") and "Ind" in c.morph.get("Mood") and "Fut" not in c.morph.get("Tense")

    if any(c.dep_ == "aux:tense" and tense_aux(c) for c in tok.children):
        return True
    # "avait au préalable rencontré", "a ensuite rencontré": the auxiliary a few adverbial words before, which
    # the parser may hang elsewhere
    for k in range(tok.i - 1, max(tok.i - 5, -1), -1):
        x = tok.doc[k]
        if x.dep_ == "aux:tense" and x.pos_ == "AUX":
            return tense_aux(x)
        if x.pos_ not in ("ADV", "ADP", "NOUN", "DET") or x.is_punct:
            return False
    return False


def _progressive_past(tok) -> bool:
    """"was visiting", "were holding talks": a progressive with a finite auxiliary in a past."""
    return "Prog" in tok.morph.get("Aspect") and any(
        c.dep_.startswith("aux") and "Past" in c.morph.get("Tense") and "Fin" in c.morph.get("VerbForm")
        for c in tok.children)


def _because_of(tok) -> bool:
    """"arrived ... in a surprise visit due to a trade crisis": "due to" before a noun is a cause, not a date to
    come ("is due to visit")."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to" and doc[tok.i + 2].pos_ not in ("VERB", "AUX")


def _noun_before_infinitive(tok) -> str | None:
    """The noun right before an infinitive and its linking word ("intention de rencontrer", "invitation à se rendre",
    "intention to meet"), folded; None when the infinitive follows no such noun."""
    if "Inf" not in tok.morph.get("VerbForm"):
        return None
    doc, k = tok.doc, tok.i - 1
    while k > 0 and doc[k].pos_ == "PRON" and doc[k].head.i == tok.i:
        k -= 1  # "de se rendre", "de lui rendre visite"
    if k < 1 or doc[k].pos_ not in ("ADP", "PART", "SCONJ"):
        return None
    if doc[k - 1].pos_ == "NOUN":
        return fold(doc[k - 1].lemma_)
    # the one invited named between the noun and its infinitive ("une invitation au président X à se rendre",
    # "an invitation to President X to visit"): a preposition right after the noun opens that span
    for j in range(k - 2, max(k - 10, 0), -1):
        x = doc[j]
        if x.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or (x.is_punct and x.text != ","):
            return None
        if x.pos_ == "ADP" and doc[j - 1].pos_ == "NOUN":
            return fold(doc[j - 1].lemma_)
    return None


def _opening_participle(tok) -> bool:
    """A past participle with no auxiliary that opens its sentence, hung on the main clause ("Arrivé lundi à Tanger,
    le président ...", "Reçu par le roi, X a ...")."""
    return tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense") \
        and tok.dep_ in ("advcl", "acl") and tok.i == tok.sent.start and not any(
            c.dep_.startswith("aux") for c in tok.children)


def _misparsed_name(tok) -> bool:
    """A capitalised word inside a sentence that the tagger took for a verb is a proper name."""
    return tok.pos_ in ("VERB", "AUX") and tok.text[:1].isupper() and not tok.is_sent_start


class ModalityReader:
    def __init__(self, lex: Lexicon):
        m = lex.modality
        self.planned_verbs = set(m.get("planned", {}).get("governing_verbs", []))
        self.infinitive_only = set(m.get("planned", {}).get("infinitive_only", []))
        self.scheduled_passives = set(m.get("planned", {}).get("scheduled_passives", []))
        self.planned_mods = {fold(w) for w in m.get("planned", {}).get("modifiers", [])}
        self.agreed_verbs = set(m.get("planned", {}).get("agreed_verbs", []))
        self.agreed_reflexive = set(m.get("planned", {}).get("agreed_reflexive", []))
        self.planned_nouns = {fold(w) for w in m.get("planned", {}).get("nouns", [])}
        self.hypo_verbs = set(m.get("hypothetical", {}).get("governing_verbs", []))
        self.hypo_nouns = {fold(w) for w in m.get("hypothetical", {}).get("nouns", [])}
        self.hypo_mods = {fold(w) for w in m.get("hypothetical", {}).get("modifiers", [])}
        self.condition_marks = {fold(w) for w in m.get("hypothetical", {}).get("condition_marks", [])}
        self.neg_particles = {fold(w) for w in m.get("negated", {}).get("particles", [])}
        self.neg_verbs = set(m.get("negated", {}).get("verbs", []))
        self.neg_markers = {fold(w) for w in m.get("negated", {}).get("markers", [])}
        self.neg_before_infinitive = {fold(w) for w in m.get("negated", {}).get("before_infinitive", [])}
        self.circumstance_preps = {fold(w) for w in m.get("circumstance_prepositions", [])}
        self.reference_preps = {fold(w) for w in m.get("reference_prepositions", [])}
        self.time_relatives = {fold(w) for w in m.get("time_relatives", [])}
        self.time_marks = {fold(w) for w in m.get("time_marks", [])}
        self.reporting_verbs = {fold(w) for w in m.get("reporting_verbs", [])}
        self.future_auxiliaries = {fold(w) for w in m.get("future_auxiliaries", [])}
        self.occurrence_verbs = {fold(w) for w in m.get("occurrence_verbs", [])}
        self.headline_infinitive = {fold(w) for w in m.get("planned", {}).get("headline_infinitive", [])}
        self.headline_rank_words = {fold(w) for w in m.get("planned", {}).get("headline_rank_words", [])}
        self.aim_copulas = set(m.get("planned", {}).get("aim_copulas", []))
        self.aim_nouns = {fold(w) for w in m.get("planned", {}).get("aim_nouns", [])}
        self.commemorated = {fold(w) for w in m.get("commemorated", [])}
        # the verbs that do the event their object names ("held talks", "a effectué une visite"), not those that
        # speak of it ("ont évoqué une éventuelle visite")
        self.doing_verbs = set((lex.triggers.get("visit") or {}).get("light_verbs", []))

    def commemorated_event(self, trigger) -> bool:
        """"à l'occasion du 65e anniversaire de l'établissement de leurs relations": a past event recalled."""
        h = trigger
        for _ in range(2):
            if h.head.i == h.i:
                return False
            h = h.head
            if fold(h.lemma_) in self.commemorated or fold(h.text) in self.commemorated:
                return True
        return False

    def _negated(self, verb, via=None) -> bool:
        """Whether ``verb`` is denied; ``via``, the word below it the event was reached through: a determiner that
        denies another of its arguments denies that one only ("No details were available on the meeting")."""
        doc = verb.doc
        if any(fold(c.text) in self.neg_before_infinitive and c.i + 1 < len(doc) and doc[c.i + 1].dep_ == "aux"
               and doc[c.i + 1].pos_ == "PART" for c in verb.children):
            return True  # "have yet to forge"
        kids = [fold(c.text) for c in verb.children]
        # "no agreement was signed", "aucun accord n'a été signé", "n'a signé aucun accord": the determiner of the
        # verb's subject or object denies it
        kids += [fold(d.text) for c in verb.children if (c.dep_.startswith("nsubj") or c.dep_ in ("obj", "dobj"))
                 and (via is None or c.i == via.i) for d in c.children if d.dep_ == "det"]
        # French needs "ne" with its particle ("n'a pas"); English "not" alone
        return (not self.neg_markers or bool(self.neg_markers.intersection(kids))) and bool(
            self.neg_particles.intersection(kids))

    def status(self, trigger, event_type: str) -> str:
        if trigger.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "det" and fold(c.text) in self.neg_particles for c in trigger.children) and (
                not self.neg_markers or any(fold(c.text) in self.neg_markers for c in trigger.head.children)):
            return "negated"  # "aucune signature n'a été annoncée", "no talks were held"
        if trigger.dep_.startswith("nsubj") and (self._negated(trigger.head) or trigger.head.lemma_ in self.neg_verbs):
            return "negated"  # "la visite, prévue la semaine prochaine, a été reportée"
        # modifiers on the trigger itself: "les prochaines visites", "la future visite"
        for c in trigger.children:
            if (fold(c.text) in self.planned_mods or fold(c.lemma_) in self.planned_mods) and not _because_of(c):
                return "planned"
            if c.dep_ == "amod" and fold(c.text) in self.hypo_mods:
                return "hypothetical"  # "une éventuelle visite", "a possible visit"
        if trigger.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "acl" and fold(c.lemma_) in self.occurrence_verbs and "Part" in c.morph.get("VerbForm")
                and "Past" in c.morph.get("Tense") and c.i > trigger.i for c in trigger.children):
            # "in a telephone conversation held on 8 February", "lors de l'entretien tenu lundi": the noun's own
            # participle of taking place tells it was held, whatever the clause it sits in hopes for
            return "happened"
        if _opening_participle(trigger) and trigger.lemma_ not in self.planned_verbs \
                and trigger.lemma_ not in self.hypo_verbs:
            # "Arrivé lundi 15 mars à Tanger, le président ... devait être l'hôte d'un dîner": a past participle
            # opening the sentence tells what is done, whatever the main clause plans
            return "happened"
        tok, hops, dep = trigger, 0, None
        below = None  # the word the walk came up from
        circumstance = False  # "at our meeting we discussed ...": the event is the setting of the verb above
        through_advcl = False  # in a clause of circumstance ("après s'être entretenu au téléphone avec lui jeudi")
        # an event under way in a past ("pendant que X visitait", "while X was visiting"): an imperfect or a past
        # progressive, not a past participle ("once a treaty was signed" is a future seen from the past)
        told_past = trigger.pos_ in ("VERB", "AUX") and (
            "Imp" in trigger.morph.get("Tense") or _progressive_past(trigger))
        while hops < 5:
            if tok is not trigger and _misparsed_name(tok):
                break  # "Narendra" tagged as a future verb: a name, not a tense
            if tok.pos_ in ("VERB", "AUX") or tok is trigger:
                # (not a clause past a semicolon: "L'aide au menu des discussions ; Haïti ne peut pas absorber ...")
                if self._negated(tok, via=below) and not circumstance and not _across_semicolon(trigger, tok):
                    # (not the setting of what was denied: "no agreement was signed during the visit")
                    return "negated"
                lemma = tok.lemma_
                if tok is not trigger and not circumstance:
                    if lemma in self.neg_verbs:
                        return "negated"
                    if lemma in self.hypo_verbs and not (dep in ("obj", "dobj") and any(
                            c.dep_ in ("xcomp", "oprd") and c.pos_ in ("NOUN", "PROPN", "ADJ") for c in tok.children)):
                        # (not a verb that names or judges its object, the event: "calling X's visit a milestone",
                        # "considered the talks a success": no call for a visit, no talks considered)
                        return "hypothetical"
                    # ("Pendant que X visitait l'Uruguay, les deux parties ont convenu de créer un fonds": a verb of
                    # agreeing or planning governs what is agreed or planned, not a clause of time told in a past)
                    aside = through_advcl and told_past
                    if lemma in self.agreed_verbs and not aside and (lemma not in self.agreed_reflexive or any(
                            fold(c.text) in ("se", "s'", "s", "nous", "vous") for c in tok.children)):
                        return "happened" if event_type == "upgrade" else "planned"
                    if lemma in self.planned_verbs and not aside and not (
                            lemma in self.infinitive_only and dep in ("obl", "obl:mod", "obl:arg", "nmod")):
                        return "planned"
                if tok.pos_ in ("VERB", "AUX") and (dep is None or dep != "nsubj"):
                    morph = tok.morph
                    noun = _noun_before_infinitive(tok) if not circumstance else None
                    if noun is not None and noun in self.hypo_nouns:
                        # "a annoncé son intention de rencontrer X", "announced her intention to meet X": the noun
                        # governs the infinitive, however the parser hangs it
                        return "hypothetical"
                    if noun is not None and noun in self.planned_nouns:
                        return "planned"  # "a accepté l'invitation à se rendre en Chine"
                    aux_fut = any(c.dep_.startswith("aux") and ("Fut" in c.morph.get("Tense") or "Cnd" in c.morph.get("Mood"))
                                  for c in tok.children)
                    if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood") or aux_fut or _future_form(tok):
                        return "planned"
                    modal = {c.lemma_.lower() for c in tok.children if c.dep_ == "aux"}
                    if "Inf" in morph.get("VerbForm") and tok.dep_ == "xcomp" and not circumstance \
                            and tok.head.lemma_ in self.aim_copulas and tok.head.i < tok.i and not any(
                                x.pos_ in ("NOUN", "PROPN", "PRON") for x in tok.doc[tok.head.i + 1:tok.i]) and any(
                                c.dep_.startswith("nsubj") and fold(c.lemma_) in self.aim_nouns for c in tok.head.children):
                        # (not "Vietnam is the third nation to establish ...": the infinitive describes a noun; nor
                        # "the main result of the talks was to upgrade ties": what they achieved)
                        return "planned"  # "the key item is to raise ties", "l'objectif est de hisser": an aim
                    if "Inf" in morph.get("VerbForm") and modal & self.headline_infinitive and (
                            tok.dep_ == "ROOT" or _headline_subject(tok, self.headline_rank_words)):
                        return "planned"  # "Kenyan President to visit Uganda": a headline's coming event
                    if modal & self.planned_verbs:
                        return "planned"  # "will visit", "shall sign": a modal auxiliary of the future
                    if modal & self.hypo_verbs:
                        return "hypothetical"  # "could sign", "may visit"
                    # the verb whose object a noun trigger is states it too: "X, on his first visit abroad,
                    # held talks with Y", whatever the clause above hopes for
                    light = tok is not trigger and hops == 1 and dep == "obj" and trigger.pos_ == "NOUN" \
                        and tok.lemma_ in self.doing_verbs
                    # ("while X was visiting Y": under way then)
                    progressive = tok is trigger and _progressive_past(tok)
                    if (tok is trigger or light) and (_compound_past(tok) or progressive or (
                            "Fin" in morph.get("VerbForm") and "Past" in morph.get("Tense") and not modal
                            and not any(c.dep_ == "mark" and fold(c.text) in self.condition_marks
                                        for c in tok.children))):
                        # "X a rencontré lundi Y, s'engageant à ...", "agreed to form a council and signed an
                        # agreement": a verb in a past of the indicative states its own modality, whatever the
                        # parser hangs it on
                        return "happened"
                    if tok is not trigger and tok.dep_ == "acl" and "Past" in morph.get("Tense") and (
                            "Part" in morph.get("VerbForm") or not any(c.dep_.startswith("nsubj") for c in tok.children)):
                        # "une déclaration signée jeudi durant la visite": the participle dates the trigger
                        # to something done, whatever the tense of the clause the noun sits in (a past with no
                        # subject of its own is such a participle the tagger took for a finite verb: "a partnership
                        # agreed during X's visit")
                        return "happened"
            elif fold(tok.lemma_) in self.hypo_nouns or fold(tok.text) in self.hypo_nouns:
                return "hypothetical"
            elif tok is not trigger and dep == "acl" and not through_advcl and any(
                    c.dep_ in ("cop", "aux") and "Fut" in c.morph.get("Tense") for c in tok.children):
                # a nominal predicate carries its tense on its copula: "X sera le deuxième président à
                # effectuer une visite d'État en Inde" is still to come (the event in the clause of the
                # predicate's noun; not the predicate's subject, "la visite de lundi sera le point de départ")
                return "planned"
            elif tok is not trigger and fold(tok.text) in self.planned_nouns and not circumstance:
                # (not a noun the event is the setting of: "the invitation extended during her visit to Bahrain in
                # May 2012", "l'invitation lancée lors de sa visite")
                return "planned"
            if tok.head.i == tok.i:
                break
            dep = tok.dep_
            through_advcl = through_advcl or dep == "advcl"
            if dep in ("obl", "obl:mod", "nmod") and any(
                    c.dep_ == "case" and (fold(c.text) in self.circumstance_preps
                                          # "au cours de sa visite": the preposition is its case and the noun
                                          or fold(f"{c.text} {tok.text}") in self.circumstance_preps)
                    for c in tok.children):
                circumstance = True
            if dep not in _PASS_UP and not dep.startswith("nsubj"):
                break
            if dep in ("prep", "pcomp") and tok.head.pos_ not in ("NOUN", "PROPN"):
                break  # a governing noun only ("the possibility of"), not a verb's ("did not comment on meeting X")
            if dep.startswith("nsubj") and tok.head.pos_ in ("VERB", "AUX"):
                # the event is the subject: only negation of the head counts ("la visite n'a pas eu lieu"), and the
                # future of a verb of its taking place ("the meeting will be held in Beijing", "se tiendra")
                head = tok.head
                if (self._negated(head) or head.lemma_ in self.neg_verbs) and not _across_semicolon(trigger, head):
                    return "negated"
                if tok is trigger and dep == "nsubj:pass" and head.lemma_ in self.scheduled_passives:
                    return "planned"  # "la signature de plusieurs accords est prévue", "the signing is scheduled"
                if fold(head.lemma_) in self.occurrence_verbs and tok is trigger and (
                        "Fut" in head.morph.get("Tense") or "Cnd" in head.morph.get("Mood") or any(
                            c.dep_.startswith("aux") and fold(c.text) in self.future_auxiliaries for c in head.children)):
                    return "planned"
                break
            below, tok = tok, tok.head
            hops += 1
        if "Inf" in trigger.morph.get("VerbForm") and trigger.pos_ == "VERB":
            # "a en outre invité M. X à se rendre au Y", "will lead a delegation to visit X", parsed with no verb above
            # the infinitive: the verb of planning or wishing written before it, in the same clause
            for k in range(trigger.i - 1, max(trigger.sent.start, trigger.i - 10) - 1, -1):
                x = trigger.doc[k]
                if x.is_punct and x.text in (",", ";", ":", ".", "(", ")", "«", "»", "\""):
                    break  # (a hyphen is inside a word: "a high-level delegation to visit")
                if x.lemma_ in self.planned_verbs:
                    return "planned"
                if x.lemma_ in self.hypo_verbs:
                    return "hypothetical"
                if x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm"):
                    break  # another clause's verb: "the minister who wanted closer ties flew to Seoul to meet"
        return "happened"


def _across_semicolon(a, b) -> bool:
    """A semicolon between two words: another clause, whatever the parser hangs on what."""
    return any(x.text == ";" for x in a.doc[min(a.i, b.i):max(a.i, b.i)])


def _headline_subject(verb, rank_words: set[str]) -> bool:
    """"Ethiopia's PM to visit Sudan for meetings": the parser may make the headline's subject its root and the
    infinitive a clause on it; no finite verb in the sentence."""
    head = verb.head
    # (not "The first Kenyan president to visit Uganda in a decade": a rank describes who made a trip)
    ranked = any("Ord" in c.morph.get("NumType") or c.tag_ == "JJS" or fold(c.text) in rank_words
                 for c in head.children if c.i < head.i)
    return verb.dep_ in ("acl", "acl:relcl") and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") \
        and head.i < verb.i and not ranked and not any("Fin" in x.morph.get("VerbForm") for x in verb.sent)
