"""Figures: numbers stated about the relations (trade volume and growth, targets, investment,
tourist arrivals, number of strategic partners).

In: ``DocContext``. Out: ``Figure`` records. A quantity becomes a figure when its sentence says what it
measures (cues in ``lang/<code>/numbers.yaml``); its countries come from the sentence or, for
"les échanges bilatéraux", from the sentences before it; its period from a date expression of the
sentence; a percentage after a rise/fall word is its year-on-year change. The words that tell a period
("cette année", "a year earlier"), a target year ("d'ici la fin de 2030") or a conversion ("soit environ")
come from ``numbers.yaml`` too (``period``, ``conversion``, ``metrics.trade_target``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from babel.numbers import get_currency_name

from ..lang import fold, words
from ..records import Figure, Source
from .context import DocContext, Sentence
from .numbers import QuantityReader, currencies_of


def _alt(forms) -> str:
    """An alternation of folded phrases, longest first; a space matches any run of spaces; "" when none."""
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted({fold(str(x)) for x in forms or []},
                                                                        key=len, reverse=True))


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> int:
    """Index of the first occurrence of the word sequence ``needle`` in ``hay``, or -1."""
    n = len(needle)
    for i in range(len(hay) - n + 1):
        if hay[i:i + n] == needle:
            return i
    return -1


#: the currency an amount restated in it is kept in (the one trade figures are compared in)
REPORTING_CURRENCY = "USD"


class FigureExtractor:
    def __init__(self, ctx: DocContext, quantities: QuantityReader | None = None):
        self.ctx = ctx
        num = ctx.lex.numbers
        self.q = quantities or QuantityReader(ctx.lex)
        self._currency_forms: set[str] | None = None  # built at the first amount that needs it
        m = num.get("metrics") or {}
        self.cues = {k: [words(c) for c in (v.get("cues") or [])] for k, v in m.items()}
        target = m.get("trade_target") or {}
        self.by_year = sorted((fold(w) for w in target.get("by_year", [])), key=len, reverse=True)
        self.by_year_words = [tuple(words(w)) for w in self.by_year]
        self.by_relative_year = sorted(((fold(k), int(v)) for k, v in (target.get("by_relative_year") or {}).items()),
                                       key=lambda kv: -len(kv[0]))
        # "d'ici (la fin de) 2030", "by the end of 2030": words between a by-year word and the year
        links = _alt(target.get("by_year_links"))
        self.by_year_link = rf"(?:(?:{links})\s+)?" if links else ""
        # ", et ...", ", but ...": another clause, whose year is not the amount's target
        nxt = _alt(target.get("next_clause"))
        # (also after a bracket: "29 milliards de dollars (23,9 milliards d'euros) et les deux gouvernements ...")
        self.rx_clause_end = re.compile(r"[;.]" + (rf"|[,)]\s+(?:{nxt})\b" if nxt else ""))
        # (for a deadline, a decimal point ends nothing: "US$15 billion (approximately Rp224.7 trillion) by 2028")
        self.rx_deadline_clause_end = re.compile(r";|(?<!\d)\.|\.(?!\d)" + (rf"|[,)]\s+(?:{nxt})\b" if nxt else ""))
        self.anaphora = [words(w) for w in num.get("anaphora") or []]
        self.pronouns = {fold(w) for w in num.get("anaphora_pronouns") or []}
        self.count_nouns = {fold(w) for w in (m.get("strategic_partner_count") or {}).get("count_nouns") or []}
        #: "entre", "between": the words before the pair an amount is exchanged between (triggers.yaml, meeting)
        self.between_words = {fold(w) for w in ctx.lex.triggers.get("meeting", {}).get("between_words", [])}
        per = num.get("period") or {}
        ft = per.get("from_to") or {}
        self.from_words = {fold(w) for w in ft.get("from") or []}
        self.to_words = {fold(w) for w in ft.get("to") or []}
        span = _alt(per.get("span_before"))
        self.rx_span = re.compile(r"\s*" + (rf"(?:(?:{span})\s+)?" if span else "")
                                  + r"((?:19|20)\d\d)\s*[-/]\s*((?:19|20)\d\d)\b")
        ytd, this_year = _alt(per.get("year_to_date")), _alt(per.get("this_year"))
        # "depuis janvier 2020" is no year to date: a year after the phrase names another year
        self.rx_year_to_date = re.compile(rf"\b(?:{ytd})(?!\s+(?:19|20)\d\d)\b") if ytd else None
        self.rx_this_year = re.compile(rf"\b(?:{this_year})\b") if this_year else None
        parts = _alt(per.get("year_parts"))
        self.rx_bare_year = re.compile(r"\s*,?\s*" + (rf"(?:(?:{parts})\s*)?" if parts else "") + r"((?:19|20)\d\d)\b")
        before, same = _alt(per.get("year_before")), _alt(per.get("same_year"))
        self.rx_year_before = re.compile(rf"\s*(?:,\s*)?(?:{before})") if before else None
        self.rx_same_year = re.compile(rf"\b(?:{same})\b") if same else None
        conv = num.get("conversion") or {}
        markers, approx, per_year = _alt(conv.get("markers")), _alt(conv.get("approximate")), _alt(conv.get("per_year"))
        approx_opt = rf"(?:(?:{approx})\s+)?" if approx else ""
        # (an opening bracket, an approximation inside it too: "500 billion shillings (about $4.9 billion)")
        self.rx_restated = re.compile(r"\s*(?:\(\s*" + approx_opt + (rf"|,?\s*(?:{markers})\s+{approx_opt}" if markers
                                                                   else "") + r")\s*")
        self.rx_restated_approx = re.compile(
            r"\s*" + (rf"(?:(?:{per_year})\s*)?" if per_year else "") + rf",\s*(?:{approx})\s*") if approx else None
        self._has_cache: dict = {}
        self._folded_for: tuple[int, str] = (-1, "")
        self._cues_for: tuple[int, list] = (-1, [])
        self.raise_verbs = {fold(w) for w in target.get("raise_verbs", [])}
        #: one-word cues of a target ("target", "objectif"): the nouns an amount can qualify
        self.target_nouns = {c[0] for c in self.cues.get("trade_target", []) if len(c) == 1}
        #: how a number hangs on the noun it qualifies ("a $1 billion target": nummod; "$": nmod)
        self.noun_modifier_deps = {"nummod", "compound", "nmod", "amod", "advmod", "quantmod"}
        self.comparison = [words(w) for w in target.get("comparison_markers", [])]
        self.comparison_nouns = {fold(w) for w in target.get("comparison_nouns", [])}
        self.reach_verbs = {fold(w) for w in target.get("reach_verbs", [])}
        self.modal_auxiliaries = {fold(w) for w in target.get("unreal_auxiliaries", [])}
        self.expectation_verbs = {fold(w) for w in target.get("expectation_verbs", [])}
        self.obligation_verbs = {fold(w) for w in target.get("obligation_verbs", [])}
        self.one_way = {fold(w) for w in num.get("one_way") or []}
        leads = sorted(num.get("breakdown_leads") or [], key=len, reverse=True)
        self.breakdown = re.compile(r",\s*(?:" + "|".join(map(re.escape, leads)) + r")\b", re.IGNORECASE) if leads else None
        financing = num.get("financing") or {}
        self.financing = {fold(w) for w in financing.get("words") or []}
        self.financing_leads = {fold(w).rstrip("'") for w in financing.get("leads") or []}
        self.date_words = {fold(w) for w in [*ctx.lex.months, *ctx.lex.month_abbreviations, *ctx.lex.weekdays]}
        difference = num.get("difference") or {}
        self.difference_after = [words(w) for w in difference.get("after") or []]
        self.difference_before = {fold(w) for w in difference.get("before") or []}
        self.difference_not_followed_by = {fold(w) for w in difference.get("not_followed_by") or []}
        self.cue_rx = {k: [re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in cue) + r"(?!\w)") for cue in v]
                       for k, v in self.cues.items()}
        ch = num.get("change") or {}
        self.up = {fold(w) for w in ch.get("up", [])}
        self.down = {fold(w) for w in ch.get("down", [])}
        self.base_markers = [words(str(m)) for m in ch.get("base_markers", [])]

    def _folded(self, s: Sentence) -> str:
        """The folded text of a sentence, computed once (asked for each amount it holds)."""
        if self._folded_for[0] != s.start:
            self._folded_for = (s.start, fold(s.text))
        return self._folded_for[1]

    def _has(self, ws, metric) -> bool:
        # asked once per amount: a sentence of thousands of numbers must not rescan its words each time
        key = (ws, metric)
        if key not in self._has_cache:
            if len(self._has_cache) > 64:
                self._has_cache.clear()
            self._has_cache[key] = any(_contains(ws, c) >= 0 for c in self.cues.get(metric, []))
        return self._has_cache[key]

    def _target_year(self, s: Sentence, q, hi: int | None = None) -> int | None:
        """"5 milliards de dollars (d'échanges commerciaux) d'ici 2030": the year, within the clause (up to
        the next amount: "12 milliards (...) et ils visent 20 milliards d'ici 2030" dates the second)."""
        rest = fold(self.ctx.document.text[q.end:min(q.end + 90, hi or s.end)])
        rest = self.rx_deadline_clause_end.split(rest)[0]
        for w in self.by_year:
            m = re.search(rf"(?:^|\s){re.escape(w)}\s+{self.by_year_link}((?:19|20)\d\d)\b", rest)
            if m:
                return int(m.group(1))
        year = (self.ctx.document.date or "")[:4]
        if year.isdigit():
            for w, delta in self.by_relative_year:
                if re.search(rf"(?:^|\s){re.escape(w)}", rest):
                    return int(year) + delta
        return None

    def _after_by_year(self, before: str) -> bool:
        """The text before a year ends with a word of a deadline ("by", "d'ici")."""
        ws = tuple(words(before))
        return any(ws[-len(w):] == w for w in self.by_year_words)

    def _counted_deadline(self, s: Sentence, q, hi: int | None = None) -> int | None:
        """"raise trade to $18 billion within the next three years", "d'ici trois ans": of an amount already read as a
        target, the deadline counted that many years from the year the sentence sets its goal in ("En 2015, ils se
        sont fixé l'objectif ... d'ici cinq ans": 2020), else from the article's."""
        end = min(q.end + 90, hi or s.end)
        counted = next((d for d in s.dates if d.deadline and d.counted and len(d.date_start) == 4
                        and d.date_start.isdigit() and q.end <= d.start <= end), None)
        today = (self.ctx.document.date or "")[:4]
        if counted is None or not today.isdigit():
            return None
        said = [d for d in s.dates if d.start < q.start and not d.deadline and not d.counted and d.date_start[:4].isdigit()
                and len(d.date_start) == 4]
        base = int(said[-1].date_start) if said else int(today)
        return base + int(counted.date_start) - int(today)

    def extract(self) -> list[Figure]:
        out: list[Figure] = []
        last_year: str | None = None
        last_currency: str | None = None
        previous: Sentence | None = None
        for s in self.ctx.sentences:
            qs = self.q.find(s.text, s.start)
            if not qs:
                previous = s
                continue
            ws = words(s.text)
            if previous is not None and (any(_contains(ws, a) >= 0 for a in self.anaphora)
                                         or self._pronoun_subject(s, qs)):
                # "Ce chiffre a atteint 700 millions": the noun the sentence before measured
                ws = ws + tuple(w for m in ("trade_volume", "investment", "tourist_arrivals")
                                if self._has(words(previous.text), m) for w in self.cues[m][0])
            money = [q.unit for q in qs if q.unit not in (None, "persons", "percent")]
            last_currency = money[-1] if money else last_currency
            here: list[Figure] = []
            made_from: dict[int, Figure] = {}  # the figure each amount made
            for q in qs:
                if q.unit == "percent":
                    continue
                if q.unit is None and q.scaled and q.value >= 1e6 and (money or last_currency) \
                        and not self._counts_a_noun(s, q):
                    # "50 milliards de dollars d'ici 2025 puis 80 milliards d'ici 2030": the currency said once
                    q.unit = money[0] if money else last_currency
                converted = self._conversion(s, q, qs)
                if converted is not None:
                    # "12 milliards de dollars (11 milliards d'euros)": the same amount again; told in US dollars
                    # after another currency, the dollar amount is a figure too (the unit figures are compared in:
                    # "110 billion Danish kroner (16.11 billion US dollars)")
                    first = made_from.get(id(converted))
                    if first is not None and q.unit == REPORTING_CURRENCY != first.unit:
                        again = replace(first, value=q.value, unit=q.unit, approximate=q.approximate,
                                        quote=q.text, sources=list(first.sources))
                        here.append(again)
                        out.append(again)
                    continue
                fig = self._figure(s, ws, q, qs)
                if fig is None:
                    continue
                self._relative_period(s, q, fig, here, last_year)
                made_from[id(q)] = fig
                here.append(fig)
                out.append(fig)
            # "la même année" names the last year the text wrote, not one worked out ("un an plus tôt")
            years = [d.date_start[:4] for d in s.dates if d.date_start[:4].isdigit() and not d.since]
            last_year = years[-1] if years else last_year
            previous = s
        return _restatements_joined(_without_heading_repeats(out, self.ctx))

    def _story_pair(self) -> list[str]:
        """The two countries the article names most (parties, not places), when two stand out."""
        from collections import Counter

        counts = Counter(c.code for x in self.ctx.sentences for c in x.countries if not c.is_location)
        top = counts.most_common(3)
        if len(top) < 2 or (len(top) == 3 and top[2][1] == top[1][1]):
            return []
        return [top[0][0], top[1][0]]

    # ------------------------------------------------------------------ what a number measures
    def _clause(self, s: Sentence, q, qs) -> tuple[int, int]:
        """Offsets (in the document) of the stretch of the sentence that belongs to ``q``: from the end of
        the amount before it (or a ';') to the start of the amount after it (a conversion of an amount is
        none)."""
        # the same amount in another currency ("US$15 billion (550 billion baht) per year by 2025") ends no clause
        money = [p for p in qs if p.unit != "percent" and p is not q and self._conversion(s, p, qs) is None]
        lo = max([p.end for p in money if p.end <= q.start] + [s.start])
        hi = min([p.start for p in money if p.start >= q.end] + [s.end])
        text = self.ctx.document.text
        semi = text.rfind(";", lo, q.start)
        return (semi + 1 if semi >= 0 else lo), hi

    def _cue_between(self, s: Sentence, metric: str, lo: int, hi: int) -> bool:
        folded = fold(self.ctx.document.text[lo:hi])
        return any(rx.search(folded) for rx in self.cue_rx.get(metric, []))

    def _nearest_cue(self, s: Sentence, q, ws) -> str:
        """The metric whose cue stands nearest the amount ("L'investissement russe au Vietnam ... 2,93
        milliards", even when trade is named elsewhere in the sentence); "other" when none is named."""
        if self._cues_for[0] != s.start:
            folded = self._folded(s)
            self._cues_for = (s.start, [(metric, s.start + m.start(), s.start + m.end())
                                        for metric in ("trade_volume", "investment")
                                        for rx in self.cue_rx.get(metric, []) for m in rx.finditer(folded)])
        best, best_d = "other", None
        for metric, a, b in self._cues_for[1]:
            d = q.start - b if b <= q.start else a - q.end
            d = abs(d) + (0 if b <= q.start else 20)  # a cue before the amount reads more naturally
            if best_d is None or d < best_d:
                best, best_d = metric, d
        if best == "other" and self._has(ws, "trade_volume"):
            return "trade_volume"  # "ce chiffre": the cue lent by the sentence before
        return best

    def _token_of(self, s: Sentence, q):
        span = s.doc.char_span(q.start - s.seg.offset, q.end - s.seg.offset, alignment_mode="expand")
        return span.root if span is not None else None

    def _aimed(self, s: Sentence, q) -> bool:
        """"porter les échanges à 5 milliards", "atteindra 100 milliards", "voir le volume atteindre 1
        milliard": an amount to be reached, told by the verb it depends on."""
        tok = self._token_of(s, q)
        for _ in range(4):
            if tok is None or tok.head.i == tok.i:
                return False
            tok = tok.head
            lemma = fold(tok.lemma_)
            form = tok.morph.get("VerbForm")
            # (a present participle is no past when it names an aim, "the challenge of increasing trade to $5 billion";
            # it is when it tells how a past change went, "doubled in 2014, increasing to $5 billion")
            past = "Past" in tok.morph.get("Tense") or "Part" in form and (
                "Pres" not in tok.morph.get("Tense") or tok.dep_ in ("advcl", "conj", "xcomp"))
            if lemma in self.raise_verbs and not past and not any(c.dep_.startswith("expl") for c in tok.children):
                return True  # "porter à", "élever à"; "s'élever à" is "to amount to"
            if lemma in self.obligation_verbs or any(c.dep_.startswith("aux") and fold(c.lemma_) in self.obligation_verbs
                                                     for c in tok.children):
                return True  # "Ce montant doit être au minimum de 100 millions", "it must reach $1 billion": an aim
            if lemma in self.reach_verbs:
                mood = tok.morph.get("Mood")
                if "Inf" in form:
                    if any(c.dep_.startswith("aux") and fold(c.text) in self.modal_auxiliaries for c in tok.children):
                        return True  # "it is projected that trade will hit $10 billion": its own auxiliary says
                    # "ont progressé de 8 % pour atteindre 24 milliards": the result of a past rise;
                    # "souhaite voir le volume atteindre 1 milliard": an aim
                    head = tok.head
                    if fold(head.lemma_) in self.expectation_verbs:
                        return True  # "trade is expected to reach $10 billion": a participle of what is awaited
                    return not ("Past" in head.morph.get("Tense") or "Part" in head.morph.get("VerbForm"))
                return "Fut" in tok.morph.get("Tense") or "Sub" in mood or "Cnd" in mood
            if tok.pos_ == "VERB":
                return False
        return False

    def _names_a_target(self, s: Sentence, q) -> bool:
        """"a $1 billion bilateral trade target": the amount qualifies a noun of aiming (a cue of ``trade_target``
        the parser takes as the noun the amount hangs on, through at most two nouns or adjectives)."""
        tok = self._token_of(s, q)
        for _ in range(3):
            if tok is None or tok.head.i == tok.i or tok.dep_ not in self.noun_modifier_deps:
                return False
            tok = tok.head
            if tok.pos_ == "NOUN" and fold(tok.text) in self.target_nouns:
                return True
            if tok.pos_ not in ("NOUN", "NUM", "ADJ", "SYM"):
                return False
        return False

    def _reached(self, s: Sentence, q) -> bool:
        """"aimed at bolstering trade, which reached $59 billion last year": an amount that a verb of reaching in a
        past tense governs directly is a level reached, whatever aim the sentence tells before it."""
        tok = self._token_of(s, q)
        if tok is None or tok.head.i == tok.i:
            return False
        verb = tok.head
        if verb.pos_ not in ("VERB", "AUX") or fold(verb.lemma_) not in self.reach_verbs:
            return False
        if any(c.dep_.startswith("aux") and fold(c.text) in self.modal_auxiliaries for c in verb.children):
            return False  # "would have reached", "aurait atteint": a level not reached
        if "Fin" in verb.morph.get("VerbForm"):
            mood = verb.morph.get("Mood")
            return "Past" in verb.morph.get("Tense") and (not mood or "Ind" in mood)  # (English tags no mood)
        return "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and any(
            c.dep_.startswith("aux") and "Fut" not in c.morph.get("Tense") and "Cnd" not in c.morph.get("Mood")
            for c in verb.children)

    def _pronoun_subject(self, s: Sentence, qs) -> bool:
        """"Sur les six premiers mois, il a atteint 3 milliards": the subject of the verb an
        amount depends on is a pronoun standing for what the sentence before measured."""
        for q in qs:
            tok = self._token_of(s, q)
            verb = tok
            while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb is not None and any(c.dep_.startswith("nsubj") and fold(c.text) in self.pronouns
                                        for c in verb.children):
                return True
        return False

    def _compared(self, s: Sentence, q) -> bool:
        """"à 2 milliards d'ici 2028, contre 1,2 milliard en 2023": an amount introduced by a word of
        comparison (``numbers.yaml``, ``comparison_markers``), possibly with a qualifier ("contre près de")."""
        lead = words(self.ctx.document.text[max(s.start, q.start - 45):q.start])
        # ("from the current figure of $3.5 billion": past the words naming the level)
        lead = tuple(w for w in lead if w not in self.comparison_nouns)
        for marker in self.comparison:
            n = len(marker)
            for k in range(max(0, len(lead) - n - 3), len(lead) - n + 1):
                if lead[k:k + n] == marker and not (k and lead[k - 1] in self.one_way):
                    return True  # (not "exports from India at $492 million": the origin of one direction)
        return False

    def _financing(self, s: Sentence, q) -> bool:
        """"two lines of credit worth $200 million", "a $50 million loan", "un prêt de 50 millions": money lent or
        given, named among the three words before the amount or by the first word after it (past the leads of
        numbers.yaml financing: "a $400 million line of credit")."""
        text = self.ctx.document.text
        before = words(text[max(s.start, q.start - 40):q.start])[-3:]
        after = words(re.split(r"[,;:()]", text[q.end:min(s.end, q.end + 40)])[0])
        while after and after[0] in self.financing_leads:
            after = after[1:]  # "a $400 million line of credit": past the noun the money comes in
        return bool(self.financing.intersection(before + after[:1]))

    def _one_way(self, s: Sentence, q) -> bool:
        text = self.ctx.document.text
        # "US$1.1 billion of exports and US$34.8 million of imports": the direction named right after the amount
        # (not "$1.2 billion, exports exceeding imports": both named there)
        # (up to a colon that opens a breakdown: "31 million USD (+118%): export - 30,4 million USD")
        tail = raw = re.split(r"[:;]", text[q.end:min(s.end, q.end + 40)])[0]
        if self.breakdown is not None and (m := self.breakdown.search(tail)):
            tail = tail[:m.start()]  # "500 millions de DH, dont 300 MDH d'exportations": its parts' directions
        after = words(tail)
        # "$106.2 mln ($19.6 mln of export and $86.6 mln of import)": a breakdown in brackets after the amount
        # tells its parts' directions, not its own
        tail = re.sub(r"^\s*\([^)]*\d[^)]*(?:\)|$)", "", tail)
        right_after = set(after[:3]) & self.one_way
        both = {w[:6] for w in set(after[:6]) & self.one_way}
        if right_after and len(both) < 2:
            return True
        # "export - 30,4 million USD (+129,9%), import – 466 thousands USD": the direction named right before it
        right_before = set(words(text[max(s.start, q.start - 25):q.start])[-3:]) & self.one_way
        if right_before and len({w[:6] for w in right_before}) == 1:
            return True
        # (up to a comma or another clause: "RM451 million (US$94 million), with exports to X amounting to RM449 million
        # (US$93.6 million) and imports amounting to ...": another amount's)
        own = self.rx_clause_end.split(fold(raw))[0].split(",")[0]
        near = set(words(text[max(s.start, q.start - 60):q.end] + own))
        ways = near & self.one_way
        exports = {w for w in ways if w.startswith("export")}
        imports = {w for w in ways if w.startswith("import")}
        return bool(exports) != bool(imports)

    def _difference(self, s: Sentence, q) -> bool:
        """"soit quelque 200 millions supplémentaires", "$2 billion more", "un excédent de 532 millions": an amount
        gained or lacked, not a volume."""
        text = self.ctx.document.text
        after = tuple(words(re.split(r"[,;:.()]", text[q.end:min(s.end, q.end + 30)])[0]))  # ("..., de plus, ...")
        if any(after[:len(w)] == w and not self.difference_not_followed_by.intersection(after[len(w):len(w) + 1])
               for w in self.difference_after):
            return True  # (not "$16 billion more or less")
        # the words before, up to a comma ("trade, in which China runs a surplus, reached $41 billion": the volume)
        before = words(re.split(r"[,;:()]", text[max(s.start, q.start - 40):q.start])[-1])[-4:]
        return bool(self.difference_before.intersection(before))

    def _counts_a_noun(self, s: Sentence, q) -> bool:
        """"300 million inhabitants", "1,4 milliard d'habitants": an amount right before a noun (through its linker)
        counts that noun; it takes no currency from the amounts around it."""
        doc = s.doc
        tok = next((t for t in s.span if s.seg.offset + t.idx >= q.end), None)
        if tok is not None and fold(tok.text).rstrip("'’") in self.q.linker_words:
            tok = doc[tok.i + 1] if tok.i + 1 < s.span.end else None
        if tok is None or tok.pos_ != "NOUN":
            return False
        if self._currency_forms is None:
            self._currency_forms = {f for f, _ in self.q.currencies}
        return fold(tok.text) not in self._currency_forms and fold(tok.text) not in self.q.multipliers

    def _change_base(self, q, d) -> bool:
        """"USD 3.8 billion, an increase of 25 per cent over the previous year": a date after a rise or fall told of
        the amount is the year it is compared with, not its period."""
        if d.start < q.end:
            return False
        gap = self.ctx.document.text[q.end:d.start]
        between = words(gap)
        if not set(between) & (self.up | self.down):
            # "$3.900bn (26.4% over the total in 2010)": a percentage measured against the year after a base word
            return "%" in gap and any(tuple(between[k:k + len(m)]) == m for m in self.base_markers
                                      for k in range(len(between)))
        return any(between[-len(m):] == m for m in self.base_markers if len(m) <= len(between))

    def _conversion(self, s: Sentence, q, qs):
        """"12 milliards de dollars (11 milliards d'euros)", "2 milliards d'euros, soit environ 6 milliards
        de dinars": the same amount in another currency; the amount ``q`` restates, or None."""
        if q.unit in (None, "persons", "percent"):
            return None
        before = [p for p in qs if p.end <= q.start and p.unit not in (None, "persons", "percent")]
        if not before:
            return None
        gap = fold(self.ctx.document.text[before[-1].end:q.start])
        if self.rx_restated.fullmatch(gap):
            return before[-1]
        # "1 milliard de dollars par an, environ 560 milliards de francs CFA": an approximate amount in another
        # currency right after the first one
        approx = q.unit != before[-1].unit and bool(self.rx_restated_approx and self.rx_restated_approx.fullmatch(gap))
        return before[-1] if approx else None

    def _opens_clause(self, s: Sentence, d, q, qs) -> bool:
        """Whether a verb stands between the date ``d`` (after amount ``q``) and the next amount."""
        nxt = min((p.start for p in qs if p is not q and p.start > d.start), default=None)
        if nxt is None:
            return False
        return any(t.pos_ in ("VERB", "AUX") for t in s.span
                   if d.end <= s.seg.offset + t.idx < nxt)

    def _period(self, s: Sentence, q, qs, target_year) -> str | None:
        """The period of an amount: the date right after it in its clause ("3,1 milliards en 2019, contre
        2,8 milliards en 2018"), else a bare year or a span of years after it ("2,7 milliards de dollars
        2016", "pour 2015-2016"), else the nearest date before it, else the article's year for "cette
        année", "vers la fin de l'année"."""
        text = self.ctx.document.text
        ends = self._from_to_years(s, q, qs)
        if ends is not None:
            return ends
        # "200 millions de plus que 2015 (261,8 millions)", "up from 2015 ($261.8 million)": an amount in brackets
        # right after a date is that date's
        bracketed = re.search(r"(?<![\d/.,-])((?:19|20)\d\d)\s*\(\s*$", text[max(s.start, q.start - 12):q.start])
        if bracketed:
            return bracketed.group(1)
        _, hi = self._clause(s, q, qs)
        after_text = text[q.end:min(hi, q.end + 60)]
        m = self.rx_span.match(fold(after_text))
        if m:
            return f"{m.group(1)}/{m.group(2)}"
        # "in 2007 totaled $1.4 billion, in 2006 the parameter made $703 million": a date past a comma that opens a
        # clause of its own (a verb before the next amount) is that amount's; "$1.2 billion, as of December 2019,
        # with exports worth $800 million" is the first one's
        # (a deadline counted ahead, "within three years", is no period: a target's, or of no amount)
        # (nor a deadline of the sentence's target the amount is no part of: "to $5 billion by 2016 from the current
        # $3.5 billion")
        dates = [d for d in s.dates if not (d.deadline and (d.counted or not target_year)) and not (
            d.start >= q.start and d.start - q.end < 20 and target_year) and not (
            d.start >= q.end and any(c in text[q.end:d.start] for c in ",;") and self._opens_clause(s, d, q, qs))
            and not self._change_base(q, d)]
        # (not past another change with its own period: "dropped by 16 percent in 2013 to $1.6 billion and by
        # another 13 percent in the first half of this year")
        after = [d for d in dates if q.end <= d.start < min(hi, q.end + 40)
                 and not any(p.unit == "percent" and q.end <= p.start < d.start for p in qs)]
        if after:
            d = after[0]
            return d.date_start if not d.date_end else f"{d.date_start}/{d.date_end}"
        m = self.rx_bare_year.match(fold(after_text))
        if m:
            return m.group(1)
        if dates:
            d = min(dates, key=lambda d: abs(d.start - q.start))
            return d.date_start if not d.date_end else f"{d.date_start}/{d.date_end}"
        lo, _ = self._clause(s, q, qs)
        # (not the year of a deadline: "to $5 billion by 2016 from the current $3.5 billion")
        bare = [m.group(1) for m in re.finditer(r"(?<![\d/.,-])((?:19|20)\d\d)(?![\d/.,-]?\d)", text[lo:q.start])
                if not self._after_by_year(text[max(lo, lo + m.start() - 30):lo + m.start()])]
        if bare and not target_year:
            return bare[-1]  # "Nous terminons 2005 avec près de 2,5 milliards", "closed 2023 with $4 billion"
        year = (self.ctx.document.date or "")[:4]
        month = (self.ctx.document.date or "")[5:7]
        if year.isdigit() and month.isdigit() and self.rx_year_to_date and self.rx_year_to_date.search(self._folded(s)):
            return f"{year}-01/{year}-{month}"  # the year to date, as of the article
        if year.isdigit() and self.rx_this_year and self.rx_this_year.search(self._folded(s)):
            return year
        return None

    def _from_to_years(self, s: Sentence, q, qs) -> str | None:
        """"est passé de 397 millions à 898 millions pour la période 2013-2018", "rose from $1 billion to $2 billion
        in 2015-2020": of two amounts told as a change from one to the other, with a span of years after the second,
        the first is of the span's first year and the second of its last (numbers.yaml period.from_to)."""
        if not self.from_words or not self.to_words:
            return None
        text = self.ctx.document.text
        money = [p for p in qs if p.unit not in (None, "percent", "persons")]
        for a, b in zip(money, money[1:]):
            if q is not a and q is not b:
                continue
            between = words(text[a.end:b.start])
            before = words(text[max(s.start, a.start - 12):a.start])
            if len(between) != 1 or between[0] not in self.to_words or not before or before[-1] not in self.from_words:
                return None
            m = self.rx_span.match(fold(text[b.end:min(s.end, b.end + 60)]))
            if m is None:
                return None
            return m.group(1) if q is a else m.group(2)
        return None

    def _relative_period(self, s: Sentence, q, fig: Figure, here: list[Figure], last_year: str | None) -> None:
        """"12,8 milliards en 2023, contre 11,9 milliards un an plus tôt": a year before the other value;
        "les investissements réalisés la même année": the year of the figure before."""
        after = fold(self.ctx.document.text[q.end:min(q.end + 40, s.end)])
        if self.rx_year_before and self.rx_year_before.match(after):
            prior = next((f.period for f in reversed(here) if f.period and f.period[:4].isdigit()), None)
            if prior:
                fig.period = f"{int(prior[:4]) - 1:04d}"
                return
        if fig.period is None and last_year and self.rx_same_year and self.rx_same_year.search(self._folded(s)):
            fig.period = last_year

    def _designation(self, q) -> bool:
        """"a Boeing 747-400", "un Airbus 380": a number right after a capitalised word inside a sentence (not a month
        or a weekday: "welcomed in January 150,000 tourists"), or joined by a hyphen to such a number, names a model,
        not a count of people."""
        text = self.ctx.document.text
        start = q.start
        joined = re.search(r"\d+-$", text[max(0, start - 12):start])
        if joined:
            start -= len(joined.group(0))  # the first number of "747-400"
        name = re.search(r"(?<![\w-])([A-Z][\w-]*) $", text[max(0, start - 40):start])
        if name is None or fold(name.group(1)) in self.date_words:
            return False
        opening = text[:start - len(name.group(0))].rstrip(" ")
        return bool(opening) and opening[-1] not in ".!?:;\n«\"“"

    def _figure(self, s: Sentence, ws, q, qs) -> Figure | None:
        metric, unit, target_year = None, q.unit, None
        if q.unit not in (None, "persons"):  # money
            lo, hi = self._clause(s, q, qs)
            target_year = self._target_year(s, q, hi)
            # a target is announced before its amount ("l'objectif de 50 milliards"), not after it
            if self._compared(s, q):
                metric = self._nearest_cue(s, q, ws)  # "..., contre 1,2 milliard en 2023": the level of then
            elif target_year is not None or self._aimed(s, q) or self._names_a_target(s, q) or (
                    self._cue_between(s, "trade_target", lo, q.start) and not self._reached(s, q)):
                metric = "trade_target"
                target_year = target_year or self._counted_deadline(s, q, hi)
            elif self._one_way(s, q) or self._difference(s, q) or self._financing(s, q):
                metric = "other"  # "40 millions d'euros à l'exportation": one direction of trade; a difference
            else:
                metric = self._nearest_cue(s, q, ws)
        else:
            if self._has(ws, "strategic_partner_count") and self.count_nouns.intersection(ws) and q.unit is None \
                    and q.value < 500:
                metric, unit = "strategic_partner_count", "count"
            elif self._has(ws, "tourist_arrivals") and q.value >= 100 and not self._designation(q):
                metric, unit = "tourist_arrivals", "persons"
            else:
                return None
        # "lors du sommet de l'OTAN à Bruxelles": where something was said is no party to the figure
        parties = [c for c in s.countries if not (c.is_location and c.label in ("CAPITAL", "CITY"))]
        codes = list(dict.fromkeys(c.code for c in parties))
        if len(codes) > 2 and q.unit not in (None, "persons"):
            # "les échanges entre A et B s'élevaient à X, quatre fois moins que ceux entre C et B (Y)": an amount whose
            # own clause names a pair after "entre" / "between" before it is that pair's (not "La France et
            # l'Allemagne ont annoncé une aide de 500 millions au Niger": two donors are no pair)
            lo, hi = self._clause(s, q, qs)
            text = self.ctx.document.text
            between = [lo + m.start() for m in re.finditer(r"\w+", text[lo:q.start])
                       if fold(m.group()) in self.between_words]
            paired = list(dict.fromkeys(c.code for c in parties
                                        if between and between[-1] < c.start and c.end <= q.start))
            # else the two countries of the amount's own clause ("et 7 du Cambodge, de plus de 6,2 millions de dollars,
            # sont opérationnels au Vietnam"), never two named together before it
            own = list(dict.fromkeys(c.code for c in parties if lo <= c.start and c.end <= hi))
            codes = paired if len(paired) == 2 else own if len(own) == 2 else codes
        if metric == "strategic_partner_count":
            countries = [self.ctx.focal] if self.ctx.focal in codes or not codes else codes[:1]
        else:
            countries = codes if len(codes) >= 2 else self.ctx.pair_for(s, codes)
            if len(countries) > 2:
                focal = self.ctx.focal
                countries = ([focal] if focal in countries else []) + [c for c in countries if c != focal]
                countries = countries[:2]
        if len(set(countries)) < 2 and metric != "strategic_partner_count":
            # "les échanges bilatéraux ont baissé de 42 %": the two countries the article is about
            top = self._story_pair()
            countries = list(dict.fromkeys([*countries, *top]))[:2] if len(top) == 2 else countries
        if len(set(countries)) < 2 and metric != "strategic_partner_count":
            return None  # a bilateral amount whose second country the text never names
        period = None
        if metric != "trade_target":
            period = self._period(s, q, qs, target_year)
        change = None
        after = [p for p in qs if p.unit == "percent" and p.start > q.end and p.start - q.end < 80]
        before_q = [p for p in qs if p.unit == "percent" and p.end < q.start and q.start - p.end < 60]
        # "soit une hausse de 26,1 %" after the value, or "ont progressé de 8 % pour atteindre" before it
        for p in (after[:1] or before_q[-1:]):
            lead = words(self.ctx.document.text[max(s.start, p.start - 40):p.start])
            if self.up.intersection(lead):
                change = p.value
            elif self.down.intersection(lead):
                change = -p.value
        if unit and not (len(unit) == 3 and unit.isupper()) and unit not in ("persons", "count"):
            unit = local_currency(unit, countries, self.ctx.lex.lang, self.ctx.document.date) or unit
        fig = Figure(doc=self.ctx.document.id, metric=metric, countries=countries, value=q.value, unit=unit,
                     period=period, change_pct=change, target_year=target_year if metric == "trade_target" else None,
                     approximate=q.approximate, quote=q.text)
        fig.sources = [Source(self.ctx.document.id, s.start, s.end, s.text)]
        return fig


@lru_cache(maxsize=4096)
def _currencies_named(alpha3: str, lang: str, when: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The currencies of a country at a date with the words of their names in a language (CLDR, via Babel)."""
    out = []
    for code in currencies_of(alpha3, when):
        try:
            name = get_currency_name(code, locale=lang)
        except (ValueError, LookupError):
            continue
        out.append((code, tuple(_singular(w) for w in words(name))))
    return tuple(out)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def local_currency(noun: str, countries: list[str], lang: str, when: str | None = None) -> str | None:
    """"28,2 milliards de francs" in a report on Switzerland and Germany: the one currency of the figure's
    countries, at the article's date, that bears that name (CHF; FRF in a French report of 1999); None when
    none or several do."""
    key = _singular(fold(noun).split()[0]) if noun.strip() else ""
    found = {code for c in countries for code, name in _currencies_named(c, lang, when) if key and key in name}
    return found.pop() if len(found) == 1 else None


def _restatements_joined(figures: list[Figure]) -> list[Figure]:
    """"... le souhait de porter les échanges à 1 milliard de dollars. «Nous voulons les porter à 1 milliard
    de dollars», a-t-il dit": the same amount of the same measure between the same countries for the same
    period, told twice in one article, is one figure with both sentences as its sources."""
    kept: dict[tuple, Figure] = {}
    out = []
    for f in figures:
        key = (f.metric, frozenset(f.countries), f.value, f.unit, f.period, f.target_year)
        first = kept.get(key)
        if first is None and f.metric == "trade_target":
            # ("a target of $50 billion within the next five years ... the $50 billion target": one target, the
            # telling with its year dating it)
            first = next((o for k, o in kept.items() if k[:5] == key[:5] and None in (k[5], f.target_year)), None)
            if first is not None and first.target_year is None:
                first.target_year = f.target_year
        if first is None:
            kept[key] = f
            out.append(f)
        else:
            first.sources.extend(src for src in f.sources if src not in first.sources)
    return out


def _without_heading_repeats(figures: list[Figure], ctx: DocContext) -> list[Figure]:
    """A heading or title that repeats an amount of the body ("Objectif : 15 milliards de dollars") is not
    another figure: the body's sentence, which says more, is kept."""
    kinds = {s.start: s.kind for s in ctx.sentences}

    def key(f: Figure):
        return round(f.value or 0, 3), f.unit, frozenset(f.countries)

    in_body = {key(f) for f in figures if kinds.get(f.sources[0].start) == "body"}
    return [f for f in figures if kinds.get(f.sources[0].start) == "body" or key(f) not in in_body]
