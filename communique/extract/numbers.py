"""French quantities: "4,58 milliards de dollars", "800 millions", "150 000", "une soixantaine",
"hausse de 99 %", "sept accords".

In: text (a sentence) or a token. Out: ``Quantity`` records (value in base units, unit, whether
approximate, character span). Multipliers, collectives ("soixantaine") and currencies come from
``lang/<code>/numbers.yaml``; spelled-out integers ("cent cinquante mille") go through text2num.
``text2num.alpha2digit`` is not run over whole sentences: it turns "4,58 milliards" into
"4,58 1000000000" (dependency probe, section 3).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from ..lang import Lexicon, fold

_NUM = r"(?<![\w,.])(?P<num>\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?)(?![\w])"
_SPELLED = ("un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
            "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante",
            "cent", "cents", "mille")


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    unit: str | None  # ISO currency, "persons", "percent" or None (a bare count)
    approximate: bool = False
    bound: str | None = None  # "lower" ("plus de"), "upper" ("moins de")
    text: str = ""
    scaled: bool = False  # written with a multiplier ("80 milliards"): an amount even with no unit


def parse_number(s: str) -> float | None:
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?", s):
        s = re.sub(r"[ .]", "", s)
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _currency_of(country: str) -> str | None:
    """The currency of a country (ISO 4217), from CLDR through Babel: KEN → KES, CAN → CAD."""
    import datetime

    import pycountry
    from babel.numbers import get_territory_currencies

    rec = pycountry.countries.get(alpha_3=country)
    if rec is None:
        return None
    found = get_territory_currencies(rec.alpha_2, datetime.date.today())
    return found[0] if found else None


class QuantityReader:
    def __init__(self, lex: Lexicon):
        n = lex.numbers
        self.multipliers = {fold(k): float(v) for k, v in (n.get("multipliers") or {}).items()}
        self.collectives = {fold(k): float(v) for k, v in (n.get("collectives") or {}).items()}
        self.currencies = []
        for code, forms in (n.get("currencies") or {}).items():
            for f in forms:
                self.currencies.append((fold(str(f)), code))
        self.currency_nouns = {fold(k): v for k, v in (n.get("currency_nouns") or {}).items()}
        for noun, code in self.currency_nouns.items():
            if noun not in {f for f, _ in self.currencies}:
                self.currencies.append((noun, code))
        self.demonyms = {}
        for e in lex.countries:
            if e.type == "demonym" and not e.ambiguous:
                self.demonyms.setdefault(fold(e.form), e.code)
        self.currencies.sort(key=lambda x: -len(x[0]))
        self.persons = {fold(w) for w in n.get("persons") or []}
        q = n.get("qualifiers") or {}
        self.approx = sorted((fold(w) for w in q.get("approximate", [])), key=len, reverse=True)
        self.lower = sorted((fold(w) for w in q.get("lower_bound", [])), key=len, reverse=True)
        self.upper = sorted((fold(w) for w in q.get("upper_bound", [])), key=len, reverse=True)
        mult = "|".join(sorted((re.escape(k) for k in self.multipliers), key=len, reverse=True))
        coll = "|".join(sorted((re.escape(k) for k in self.collectives), key=len, reverse=True))
        cur = "|".join(re.escape(f) for f, _ in self.currencies)
        self.rx_amount = re.compile(
            rf"{_NUM}(?:\s*(?P<mult>{mult})\b)?(?:\s*(?:de\s+|d')?(?P<cur>{cur})(?![\w]))?")
        self.rx_collective = re.compile(rf"\b(?:une\s+|la\s+)?(?P<coll>{coll})s?\s+(?:de\s+|d')")
        self.rx_percent = re.compile(rf"{_NUM}\s*(?:%|pour\s*cent|pour-cent)")
        self.scaled = {fold(k): (v[0], float(v[1])) for k, v in (n.get("scaled_currencies") or {}).items()}
        sc = "|".join(sorted((re.escape(k) for k in self.scaled), key=len, reverse=True))
        self.rx_scaled = re.compile(rf"{_NUM}\s*(?P<sc>{sc})(?![\w])") if sc else None
        self.word_amounts = {fold(k): float(v) for k, v in (n.get("word_amounts") or {}).items()}
        wa = "|".join(sorted((re.escape(k) for k in self.word_amounts), key=len, reverse=True))
        spelled = "|".join(sorted(_SPELLED, key=len, reverse=True))
        persons = "|".join(sorted((re.escape(w) for w in self.persons), key=len, reverse=True))
        # "le demi-milliard de dollars", "près d'un milliard de dollars", "deux millions de touristes"
        self.rx_words = re.compile(
            rf"(?<![\w-])(?:(?P<spelled>(?:{spelled})(?:[\s-](?:{spelled}))*)\s+)?(?P<word>{wa})"
            rf"\s+(?:de\s+|d')(?:(?P<cur>{cur})|(?P<pers>{persons}))(?![\w])") if wa else None

    def _qualifier(self, folded: str, start: int) -> tuple[bool, str | None]:
        before = folded[max(0, start - 30):start].rstrip()
        # "a dépassé le demi-milliard", "près d'un milliard": the qualifier stands before the article
        before = re.sub(r"(?:\s|^)(?:le|la|les|au|aux|du)$", "", before).rstrip()
        for w in self.approx:
            if before.endswith(w):
                return True, None
        for w in self.lower:
            if before.endswith(w):
                return False, "lower"
        for w in self.upper:
            if before.endswith(w):
                return False, "upper"
        return False, None

    def find(self, text: str, offset: int = 0) -> list[Quantity]:
        """Amounts (with currency or multiplier), percentages, and counts of persons."""
        folded = fold(text)
        out: list[Quantity] = []
        pct_spans = []
        for m in self.rx_percent.finditer(folded):
            v = parse_number(m.group("num"))
            if v is not None:
                out.append(Quantity(offset + m.start(), offset + m.end(), v, "percent", text=text[m.start():m.end()]))
                pct_spans.append(m.span())
        scaled_spans = []
        for m in self.rx_scaled.finditer(folded) if self.rx_scaled else ():
            v = parse_number(m.group("num"))
            if v is not None:
                code, factor = self.scaled[m.group("sc")]
                approx, bound = self._qualifier(folded, m.start())
                out.append(Quantity(offset + m.start(), offset + m.end(), v * factor, code, approx, bound,
                                    text[m.start():m.end()], scaled=True))
                scaled_spans.append(m.span())
        for m in self.rx_amount.finditer(folded):
            if any(a <= m.start() < b for a, b in pct_spans + scaled_spans):
                continue
            v = parse_number(m.group("num"))
            if v is None:
                continue
            mult = m.group("mult")
            cur = m.group("cur")
            if mult == "m" and not cur:
                mult = None  # "5 m": metres; "25,1 M EUR": millions of euros
            if mult:
                v *= self.multipliers[mult]
            unit = next((code for f, code in self.currencies if f == cur), None) if cur else None
            end = m.end() if (mult or cur) else m.end("num")
            if cur:
                # "dollars canadiens", "shillings kényans": the demonym names the currency
                nxt = re.match(r"\s+([\w-]+)", folded[end:end + 30])
                country = self.demonyms.get(nxt.group(1)) if nxt else None
                local = _currency_of(country) if country else None
                if local and (unit is None or cur.split()[0] in self.currency_nouns):
                    unit, end = local, end + nxt.end()
                elif unit is None:
                    unit = cur  # a currency noun that names no single currency ("shillings")
            counted = None
            if unit is None:
                # "150 000 touristes", "atteignant 150 000": the word after says what is counted
                after = folded[end:end + 30].split()
                counted = re.match(r"\s*(?:de\s+|d')(?!ici\b|ici$)([\w-]+)", folded[end:end + 40])
                if counted:  # "2,5 millions de touristes", "1,5 million d'habitants": what is counted
                    after = [counted.group(1)]
                if after and after[0].strip(",.;") in self.persons:
                    unit = "persons"
                elif not mult and re.fullmatch(r"(1[89]|20)\d\d", m.group("num")):
                    continue  # a year, not an amount
            approx, bound = self._qualifier(folded, m.start())
            out.append(Quantity(offset + m.start(), offset + end, v, unit, approx, bound, text[m.start():end],
                                scaled=bool(mult) and not (unit is None and counted is not None)))
        taken = [(q.start - offset, q.end - offset) for q in out]
        for m in self.rx_words.finditer(folded) if self.rx_words else ():
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            v = self.word_amounts[m.group("word")]
            if m.group("word").endswith("s") and not m.group("spelled"):
                continue  # "des millions de personnes": no number
            if m.group("spelled"):
                try:
                    v *= float(text2num(m.group("spelled").replace(" ", "-"), "fr"))
                except ValueError:
                    continue
            if m.group("cur"):
                unit = next((code for f, code in self.currencies if f == m.group("cur")), None) or m.group("cur")
            else:
                unit = "persons"
            approx, bound = self._qualifier(folded, m.start())
            out.append(Quantity(offset + m.start(), offset + m.end(), v, unit, approx, bound, text[m.start():m.end()],
                                scaled=True))
        for m in self.rx_collective.finditer(folded):
            out.append(Quantity(offset + m.start(), offset + m.end("coll") + 1, self.collectives[m.group("coll")],
                                None, True, None, text[m.start():m.end("coll")]))
        return sorted(out, key=lambda q: q.start)

    def count_before(self, head) -> float | None:
        """The number counting a noun: "sept accords", "une soixantaine d'accords", "15 documents"."""
        doc = head.doc
        for c in head.children:
            if c.dep_ == "nummod" or c.like_num:
                v = self._token_number(c.text)
                if v is not None:
                    return v
        # "une soixantaine d'accords": the collective is the head and the noun its complement
        k = head.i - 1
        while k >= 0 and doc[k].text.lower() in ("d'", "de", "d"):
            k -= 1
        if k >= 0 and fold(doc[k].text).rstrip("s") in self.collectives:
            return self.collectives[fold(doc[k].text).rstrip("s")]
        if k >= 0 and (doc[k].like_num or fold(doc[k].text) in _SPELLED):
            return self._token_number(doc[k].text)
        return None

    @staticmethod
    def _token_number(t: str) -> float | None:
        v = parse_number(t)
        if v is not None:
            return v
        try:
            return float(text2num(fold(t), "fr"))
        except ValueError:
            return None
