"""Commitments: what the parties agreed or pledged to do ("ont convenu de renforcer la coopération
dans la défense", "se sont engagés à promouvoir l'exploration pétrolière").

In: ``DocContext`` (and the document's figures). Out: ``Commitment`` records: parties, domain
(``lang/<code>/domains.tsv``), the clause as text, and the date of the document.

The text is the clause as the sentence gives it: the subject, the verb of agreement with its auxiliaries
and the infinitive with its complements ("les deux pays sont convenus de renforcer la coopération dans
l'énergie"). Coordinated infinitives ("de recourir à ... et de développer ...") are one commitment each,
with the shared subject and verb. The domain is the one whose word comes first in the infinitive's
complements; an amount the figure step read as trade makes it trade.
"""
from __future__ import annotations

import re

from ..lang import fold, words
from ..records import Commitment, Figure, Source
from .context import DocContext, Sentence

DEPS = ("xcomp", "ccomp", "obl", "obl:arg", "obj")
#: children of the verb of agreement kept with it: "se sont", "ont aussi", "n'ont pas"
_VERB_GROUP = ("aux", "aux:tense", "aux:pass", "expl", "expl:comp", "expl:pv", "expl:subj", "cop")
_TRADE_METRICS = ("trade_volume", "trade_target")


_DOMAIN_FORMS: dict[int, tuple[object, tuple]] = {}


def _domain_forms(lex) -> tuple[list, dict]:
    """The domains' forms as singular word tuples, longest first, and those forms by their first word (with their
    rank): built once per lexicon (kept alive with it), not once per document."""
    if id(lex) not in _DOMAIN_FORMS:
        # (a form without words names nothing)
        forms = sorted(((e.code, f) for e in lex.domains if (f := tuple(_singular(w) for w in words(e.form)))),
                       key=lambda d: -len(d[1]))
        by_first: dict[str, list] = {}
        for k, (code, form) in enumerate(forms):
            by_first.setdefault(form[0], []).append((k, code, form))
        _DOMAIN_FORMS[id(lex)] = (lex, (forms, by_first))
    return _DOMAIN_FORMS[id(lex)][1]


class CommitmentExtractor:
    def __init__(self, ctx: DocContext, figures: list[Figure] | None = None):
        self.ctx = ctx
        planned = ctx.lex.modality.get("planned", {})
        self.verbs = set(planned.get("agreed_verbs", []))
        self.reflexive_only = set(planned.get("agreed_reflexive", []))
        self.domains = _domain_forms(ctx.lex)
        self.trade_amounts = [(f.sources[0].start, f.quote) for f in figures or []
                              if f.metric in _TRADE_METRICS and f.sources and f.quote]

    def _domain(self, ws: tuple[str, ...]) -> str:
        """The domain whose form comes first in ``ws`` (the longer form at one place: "transition
        énergétique" before a shorter one), singular and plural alike; "other" when none occurs."""
        ws = tuple(_singular(w) for w in ws)
        forms, by_first = self.domains
        for i, w in enumerate(ws):
            # (at the first place a form occurs, the first form in the order of ``forms``: the longest)
            found = [(k, code) for k, code, form in by_first.get(w, ()) if ws[i:i + len(form)] == form]
            if found:
                return min(found)[1]
        return "other"

    @staticmethod
    def _subject(s: Sentence, verb) -> list:
        """The subject of the verb of agreement, or of the verb it is coordinated with or depends on; when
        the parse gives none, the words from the start of the sentence to the verb if no other verb is
        among them ("Les deux parties ont par ailleurs convenu")."""
        for v in (verb, verb.head):
            # the parser sometimes hangs the subject on the auxiliary ("Les deux parties ont ... convenu")
            holders = [v] + [a for a in v.children if a.dep_.startswith("aux")]
            subj = [x for h in holders for c in h.children if c.dep_.startswith("nsubj") for x in c.subtree]
            if subj:
                return subj
            if v.dep_ not in ("conj", "xcomp", "advcl") or v.head.i == v.i:
                break
        before = list(s.doc[s.span.start:verb.i])
        if before and len(before) <= 15 and not any(x.pos_ == "VERB" and not x.dep_.startswith("aux") for x in before):
            return before
        return []

    def _verb_group(self, verb, subject: list, first: int) -> list:
        """The verb with its auxiliaries, reflexive pronoun, negation and the single adverbs between the
        subject and the infinitive ("ont aussi promis", "se sont engagés", "n'ont pas convenu")."""
        lo = max((x.i for x in subject), default=verb.i - 1)
        out = [verb]
        for c in verb.children:
            if c.dep_ in _VERB_GROUP or (c.dep_ == "advmod" and lo < c.i < first and len(list(c.subtree)) == 1):
                out.append(c)
        if verb.dep_ == "conj" and not any(c.dep_.startswith("aux") for c in verb.children):
            # "ont signé un accord ... et décidé de ...": the auxiliary of the first verb serves both
            out.extend(c for c in verb.head.children if c.dep_.startswith("aux"))
        # an auxiliary the parser hung elsewhere ("X et son homologue Y ont décidé"): the words right before
        k = verb.i - 1
        while k > lo and verb.doc[k].pos_ in ("AUX", "PRON", "ADV") and len(list(verb.doc[k].subtree)) == 1:
            out.append(verb.doc[k])
            k -= 1
        return out

    def _agrees(self, tok) -> bool:
        if tok.lemma_ not in self.verbs or tok.pos_ != "VERB":
            return False
        # "se sont accordés sur", "se sont engagés à" (but "a accordé une audience" is no pledge)
        return tok.lemma_ not in self.reflexive_only or any(
            fold(c.text) in ("se", "s'", "s", "nous", "vous") for c in tok.children)

    def _text(self, s: Sentence, tokens: list) -> str:
        """The words of ``tokens`` as the document writes them: each run of consecutive tokens as one
        stretch of the original text, runs joined by a space."""
        toks = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
        while toks and toks[-1].is_punct:
            toks.pop()
        runs: list[list] = []
        for t in toks:
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        doc_text = self.ctx.document.text
        parts = [doc_text[s.abs(r[0]):s.abs(r[-1]) + len(r[-1].text)] for r in runs]
        text = re.sub(r"\s+", " ", " ".join(parts)).strip(" ,;:")
        text = re.sub(r"\s+([,.;:])", r"\1", text)
        return text[:1].upper() + text[1:] if text else text

    def extract(self) -> list[Commitment]:
        out = []
        for s in self.ctx.sentences:
            for tok in s.span:
                if not self._agrees(tok):
                    continue
                for c in tok.children:
                    if c.dep_ not in DEPS or c.pos_ != "VERB":
                        continue
                    # "de recourir à ... et de développer ...": one commitment per coordinated infinitive
                    heads = [c] + [x for x in c.conjuncts if x.i > c.i and x.pos_ == "VERB"
                                   and "Inf" in x.morph.get("VerbForm")]
                    subject = self._subject(s, tok)
                    conj = {x.i for h in heads[1:] for x in h.subtree}
                    for head in heads:
                        if head is c:  # the first infinitive, without those coordinated to it
                            clause = [x for x in head.subtree if x.i not in conj]
                        else:  # "et de développer ...", without its "et" nor the infinitives after it
                            later = {x.i for h in heads if h.i > head.i for x in h.subtree}
                            clause = [x for x in head.subtree if x.i not in later
                                      and not (x.dep_ == "cc" and x.head.i == head.i)]
                        while clause and clause[0].is_punct:
                            clause = clause[1:]  # "ont convenu, de renforcer"
                        if not clause:
                            continue
                        first = min(x.i for x in clause)
                        text = self._text(s, subject + self._verb_group(tok, subject, first) + clause)
                        own = self._text(s, clause)
                        out.append(self._commitment(s, text, own, clause))
        return out

    def _commitment(self, s: Sentence, text: str, own: str, clause: list) -> Commitment:
        codes = s.codes()
        countries = codes if len(codes) >= 2 else self.ctx.pair_for(s, codes)
        domain = self._domain(words(own))
        lo, hi = s.abs(clause[0]), s.abs(clause[-1]) + len(clause[-1].text)
        if domain == "other" and any(start == s.start and quote in self.ctx.document.text[lo:hi]
                                     for start, quote in self.trade_amounts):
            domain = "trade"  # "se sont engagés à le porter à 2 milliards d'ici 2030": a trade target
        return Commitment(doc=self.ctx.document.id, countries=countries, domain=domain, text=text,
                          date=self.ctx.document.date,
                          sources=[Source(self.ctx.document.id, s.start, s.end, s.text)])


def _singular(w: str) -> str:
    """A folded word without its plural ending: "commerciales" and "commerciale", "réseaux" and "réseau"."""
    return w[:-1] if len(w) > 3 and w[-1] in "sx" else w
