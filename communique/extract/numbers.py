"""Quantities: "4,58 milliards de dollars", "800 millions", "150 000", "une soixantaine",
"hausse de 99 %", "sept accords"; in English "$4.58 billion", "USD 10bn", "Rs 5,000 crore",
"nearly half a billion dollars", "more than 50,000 tourists".

In: text (a sentence) or a token. Out: ``Quantity`` records (value in base units, unit, whether
approximate, character span). Everything a language decides comes from ``lang/<code>/numbers.yaml``:
multipliers, collectives ("soixantaine"), currencies (and which may stand before the number: "$4.58"),
the decimal and thousands separators, the linking words ("de", "of"), the articles a qualifier may
stand before, the spelled numbers and the percent words. Spelled-out integers ("cent cinquante mille",
"twenty-five") go through text2num in the lexicon's language. ``text2num.alpha2digit`` is not run over
whole sentences: it turns "4,58 milliards" into "4,58 1000000000" (dependency probe, section 3).
The reader takes these keys from the ``Lexicon`` only (the loader gives every one of them; a key the file
lacks is none: no such words, false), so the code holds no word of any language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from ..lang import Lexicon, fold, load_lexicon

_YEAR = re.compile(r"(?:19|20)\d\d")  # a year written in digits counts nothing


def _number_pattern(decimal: list[str], thousands: list[str]) -> str:
    """A number written with these separators: grouped thousands ("150 000", "50,000") or plain ("4,58", "4.58");
    one pattern, whichever are given."""
    group = "".join(re.escape(c) for c in thousands)
    dec = "".join(re.escape(c) for c in decimal)
    dec_grouped = "".join(re.escape(c) for c in decimal if c not in thousands)
    grouped = rf"\d{{1,3}}(?:[{group}]\d{{3}})+" + (rf"(?:[{dec_grouped}]\d+)?" if dec_grouped else "")
    plain = r"\d+" + (rf"(?:[{dec}]\d+)?" if dec else "")
    return f"{grouped}|{plain}" if group else plain


def _alternation(forms, spaced: bool = True) -> str:
    """Longest first; a space in a form matches any run of spaces when ``spaced``."""
    out = []
    for f in sorted(set(forms), key=lambda f: (-len(f), f)):
        e = re.escape(f)
        out.append(e.replace(r"\ ", r"\s+") if spaced else e)
    return "|".join(out)


def _linker(words: list[str]) -> str:
    """"de " / "d'" / "of ": a word then spaces, or a word ending in an apostrophe glued to the next."""
    alts = [re.escape(w) if w.endswith("'") else re.escape(w) + r"\s+" for w in sorted(words, key=len, reverse=True)]
    return "(?:" + "|".join(alts) + ")" if alts else ""


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


def parse_number(s: str, decimal: list[str] | tuple[str, ...] | None = None,
                 thousands: list[str] | tuple[str, ...] | None = None) -> float | None:
    """A written number as a float, with the language's separators (by default those of the default
    language of ``load_lexicon``, French: "1 234,5"); None when it is not one."""
    if decimal is None or thousands is None:
        seps = load_lexicon().numbers["separators"]
        decimal = [str(c) for c in seps["decimal"]] if decimal is None else decimal
        thousands = [str(c) for c in seps["thousands"]] if thousands is None else thousands
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    group = [" " if c in ("\u00a0", "\u202f") else c for c in thousands]
    dec_grouped = "".join(re.escape(c) for c in decimal if c not in group)
    cls = "".join(re.escape(c) for c in dict.fromkeys(group))
    if cls and re.fullmatch(rf"\d{{1,3}}(?:[{cls}]\d{{3}})+" + (rf"(?:[{dec_grouped}]\d+)?" if dec_grouped else ""), s):
        s = re.sub(f"[{cls}]", "", s)
    for c in decimal:
        if c != ".":
            s = s.replace(c, ".")
    try:
        return float(s)
    except ValueError:
        return None


def currencies_of(country: str, when: str | None = None) -> list[str]:
    """The currencies of a country (ISO 4217) on a day (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; today when
    None), from CLDR through Babel: KEN → KES, FRA in 1999 → FRF."""
    import datetime

    import pycountry
    from babel.numbers import get_territory_currencies

    rec = pycountry.countries.get(alpha_3=country)
    if rec is None:
        return []
    day = datetime.date.today()
    if when and when[:4].isdigit():
        parts = [int(x) for x in when.split("-")[:3] if x.isdigit()]
        day = datetime.date(parts[0], *(parts[1:] + [1, 1])[:2])
    return list(get_territory_currencies(rec.alpha_2, day) or [])


def _currency_of(country: str) -> str | None:
    """The currency of a country (ISO 4217), from CLDR through Babel: KEN → KES, CAN → CAD."""
    found = currencies_of(country)
    return found[0] if found else None


class QuantityReader:
    def __init__(self, lex: Lexicon):
        # the grammar keys (separators, linkers, ...) are all there: the loader gives a missing one as none
        n = g = lex.numbers
        self.lang = lex.lang
        self.decimal = [str(c) for c in g["separators"]["decimal"]]
        self.thousands = [str(c) for c in g["separators"]["thousands"]]
        number = _number_pattern(self.decimal, self.thousands)
        self.multipliers = {fold(k): float(v) for k, v in (n.get("multipliers") or {}).items()}
        mult = "|".join(sorted((re.escape(k) for k in self.multipliers), key=len, reverse=True))
        pct = _alternation((fold(w) for w in g["percent"]), spaced=False).replace(r"\ ", r"\s*")
        glued = rf"|(?=(?:{mult}|{pct})\b)" if g["glued_multipliers"] and mult else ""
        num = rf"(?<![\w,.])(?P<num>{number})(?:(?![\w]){glued})"
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
        self.any_demonym = {fold(e.form) for e in lex.countries if e.type == "demonym"}
        self.demonym_before = g["currency_demonym"] == "before"
        self.currencies.sort(key=lambda x: -len(x[0]))
        self.persons = {fold(w) for w in n.get("persons") or []}
        q = n.get("qualifiers") or {}
        self.approx = sorted((fold(w) for w in q.get("approximate", [])), key=len, reverse=True)
        self.lower = sorted((fold(w) for w in q.get("lower_bound", [])), key=len, reverse=True)
        self.upper = sorted((fold(w) for w in q.get("upper_bound", [])), key=len, reverse=True)
        self.rx_article = re.compile(r"(?:\s|^)(?:" + _alternation(fold(w) for w in g["articles"]) + r")$") \
            if g["articles"] else None
        self.linkers = [fold(w) for w in g["linkers"]]
        self.linker_words = set(self.linkers) | {w.rstrip("'") for w in self.linkers}
        self.spelled = frozenset(fold(w) for w in g["spelled"])
        self.needs_currency = {fold(w) for w in g["multipliers_needing_currency"]}
        link = _linker(self.linkers)
        opt_link = f"{link}?" if link else ""
        req_link = link if g["linker_required"] else opt_link
        coll = "|".join(sorted((re.escape(k) for k in self.collectives), key=len, reverse=True))
        cur = "|".join(re.escape(f) for f, _ in self.currencies)
        # "10 billion Canadian dollars": a demonym may stand between the amount and the currency noun
        dems = _alternation(d for d in self.demonyms) if self.demonym_before and self.demonyms else ""
        dem = rf"(?:(?P<dem>{dems})\s+)?" if dems else ""
        self.rx_amount = re.compile(
            rf"{num}(?:\s*(?P<mult>{mult})\b)?(?:\s*{opt_link}{dem}(?P<cur>{cur})(?![\w]))?")
        # "$4.58 billion", "US$4.58bn", "USD 10bn", "Rs 5,000 crore", "¥3 trillion"
        first = _alternation((fold(str(f)) for f in g["currency_first"]), spaced=False)
        # (the number may be glued to a currency of letters: "RM451.1 million", "Rp5 trillion")
        glued_num = rf"(?P<num>{number})(?:(?![\w]){glued})"
        self.rx_first = re.compile(rf"(?<![\w$])(?P<cur>{first})\s*{glued_num}(?:\s*(?P<mult>{mult})\b)?") \
            if first else None
        arts = _alternation(fold(w) for w in g["collective_articles"])
        self.rx_collective = (re.compile(
            rf"\b(?:(?:{arts})\s+)?(?P<coll>{coll})s?\s+{req_link}" if arts else rf"\b(?P<coll>{coll})s?\s+{req_link}")
            if coll else None)
        self.rx_percent = re.compile(rf"{num}\s*(?:{pct})") if pct else None
        self.scaled = {fold(k): (v[0], float(v[1])) for k, v in (n.get("scaled_currencies") or {}).items()}
        sc = "|".join(sorted((re.escape(k) for k in self.scaled), key=len, reverse=True))
        self.rx_scaled = re.compile(rf"{num}\s*(?P<sc>{sc})(?![\w])") if sc else None
        self.word_amounts = {fold(k): float(v) for k, v in (n.get("word_amounts") or {}).items()}
        wa = _alternation(self.word_amounts, spaced=False)
        spelled = "|".join(sorted((re.escape(w) for w in self.spelled), key=len, reverse=True))
        persons = "|".join(sorted((re.escape(w) for w in self.persons), key=len, reverse=True))
        not_after = "|".join(re.escape(fold(w)) for w in g["not_after_linker"])
        self.rx_counted = re.compile(rf"\s*{link}" + (rf"(?!(?:{not_after})\b|(?:{not_after})$)" if not_after else "")
                                     + r"([\w-]+)") if link else None
        # "le demi-milliard de dollars", "près d'un milliard de dollars", "deux millions de touristes",
        # "nearly half a billion dollars", "two billion euros"
        self.rx_words = re.compile(
            rf"(?<![\w-])(?:(?P<spelled>(?:{spelled})(?:[\s-](?:{spelled}))*)\s+)?(?P<word>{wa})"
            rf"\s+{req_link}{dem}(?:(?P<cur>{cur})|(?P<pers>{persons}))(?![\w])") if wa else None
        # "ont dépassé le demi-million", "passed the half-million mark": an amount word after an article, counting
        # what the sentence names (no currency, no noun after it)
        arts = _alternation(fold(w) for w in g["articles"]) if g["articles"] else None
        self.rx_words_bare = re.compile(
            rf"(?<![\w-])(?:{arts})\s+(?P<word>{wa})(?![\w-])(?!\s+{link})") if wa and arts and link else None

    def parse(self, s: str) -> float | None:
        """A number written with this language's separators."""
        return parse_number(s, self.decimal, self.thousands)

    def _currency(self, form: str) -> str | None:
        return next((code for f, code in self.currencies if f == form), None)

    def _qualifier(self, folded: str, start: int) -> tuple[bool, str | None]:
        before = folded[max(0, start - 30):start].rstrip()
        # "a dépassé le demi-milliard", "près d'un milliard": the qualifier stands before the article
        if self.rx_article is not None:
            before = self.rx_article.sub("", before).rstrip()
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

    def _local_currency(self, dem: str | None) -> str | None:
        country = self.demonyms.get(dem) if dem else None
        return _currency_of(country) if country else None

    def find(self, text: str, offset: int = 0) -> list[Quantity]:
        """Amounts (with currency or multiplier), percentages, and counts of persons."""
        folded = fold(text)
        out: list[Quantity] = []
        pct_spans = []
        for m in self.rx_percent.finditer(folded) if self.rx_percent else ():
            v = self.parse(m.group("num"))
            if v is not None:
                out.append(Quantity(offset + m.start(), offset + m.end(), v, "percent", text=text[m.start():m.end()]))
                pct_spans.append(m.span())
        scaled_spans = []
        for m in self.rx_scaled.finditer(folded) if self.rx_scaled else ():
            v = self.parse(m.group("num"))
            if v is not None:
                code, factor = self.scaled[m.group("sc")]
                approx, bound = self._qualifier(folded, m.start())
                out.append(Quantity(offset + m.start(), offset + m.end(), v * factor, code, approx, bound,
                                    text[m.start():m.end()], scaled=True))
                scaled_spans.append(m.span())
        for m in self.rx_first.finditer(folded) if self.rx_first else ():
            # "$4.58 billion", "USD 10bn": the currency before the number
            if any(a <= m.start("num") < b for a, b in pct_spans + scaled_spans):
                continue
            v = self.parse(m.group("num"))
            if v is None:
                continue
            if m.group("mult"):
                v *= self.multipliers[m.group("mult")]
            unit = self._currency(m.group("cur")) or m.group("cur")
            approx, bound = self._qualifier(folded, m.start())
            out.append(Quantity(offset + m.start(), offset + m.end(), v, unit, approx, bound, text[m.start():m.end()],
                                scaled=bool(m.group("mult"))))
            scaled_spans.append(m.span())
        for m in self.rx_amount.finditer(folded):
            if any(a <= m.start() < b for a, b in pct_spans + scaled_spans):
                continue
            v = self.parse(m.group("num"))
            if v is None:
                continue
            mult = m.group("mult")
            cur = m.group("cur")
            if mult in self.needs_currency and not cur:
                if m.end("num") == m.start("mult"):
                    continue  # "5m": five metres, not a number before a word
                mult = None  # "5 m": metres; "25,1 M EUR": millions of euros
            if mult:
                v *= self.multipliers[mult]
            unit = self._currency(cur) if cur else None
            end = m.end() if (mult or cur) else m.end("num")
            if cur and self.demonym_before:
                # "Canadian dollars", "Kenyan shillings": the demonym before the noun names the currency
                local = self._local_currency(m.groupdict().get("dem"))
                if local and (unit is None or cur.split()[0] in self.currency_nouns):
                    unit = local
                elif unit is None:
                    unit = cur  # a currency noun that names no single currency ("shillings")
            elif cur:
                # "dollars canadiens", "shillings kényans": the demonym names the currency
                nxt = re.match(r"\s+([\w-]+)", folded[end:end + 30])
                local = self._local_currency(nxt.group(1) if nxt else None)
                if local and (unit is None or cur.split()[0] in self.currency_nouns):
                    unit, end = local, end + nxt.end()
                elif unit is None:
                    unit = cur  # a currency noun that names no single currency ("shillings")
            counted = None
            if unit is None:
                # "150 000 touristes", "atteignant 150 000": the word after says what is counted
                after = folded[end:end + 30].split()
                counted = self.rx_counted.match(folded[end:end + 40]) if self.rx_counted else None
                if counted:  # "2,5 millions de touristes", "1,5 million d'habitants": what is counted
                    after = [counted.group(1)]
                elif self.demonym_before and len(after) > 1 and after[0] in self.any_demonym:
                    after = after[1:]  # "50,000 Chinese tourists"
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
                    v *= float(text2num(m.group("spelled").replace(" ", "-"), self.lang))
                except ValueError:
                    continue
            if m.group("cur"):
                unit = self._currency(m.group("cur")) or m.group("cur")
                local = self._local_currency(m.groupdict().get("dem"))
                if local and m.group("cur").split()[0] in self.currency_nouns:
                    unit = local
            else:
                unit = "persons"
            approx, bound = self._qualifier(folded, m.start())
            out.append(Quantity(offset + m.start(), offset + m.end(), v, unit, approx, bound, text[m.start():m.end()],
                                scaled=True))
        taken = [(q.start - offset, q.end - offset) for q in out]
        for m in self.rx_words_bare.finditer(folded) if self.rx_words_bare else ():
            if any(a < m.end() and m.start() < b for a, b in taken) or m.group("word").endswith("s"):
                continue
            approx, bound = self._qualifier(folded, m.start("word"))
            out.append(Quantity(offset + m.start("word"), offset + m.end(), self.word_amounts[m.group("word")], None,
                                approx, bound, text[m.start("word"):m.end()], scaled=True))
        for m in self.rx_collective.finditer(folded) if self.rx_collective else ():
            out.append(Quantity(offset + m.start(), offset + m.end("coll") + 1, self.collectives[m.group("coll")],
                                None, True, None, text[m.start():m.end("coll")]))
        return sorted(out, key=lambda q: q.start)

    def count_before(self, head) -> float | None:
        """The number counting a noun: "sept accords", "une soixantaine d'accords", "15 documents"."""
        doc = head.doc
        for c in head.children:
            # the count stands before its noun; "the 2015 agreement", "a programme for 2011-2016": years
            if (c.dep_ == "nummod" or c.like_num) and c.i < head.i and not _YEAR.fullmatch(c.text):
                v = self._token_number(c.text)
                if v is not None:
                    return v
        # "une soixantaine d'accords": the collective is the head and the noun its complement
        k = head.i - 1
        while k >= 0 and doc[k].text.lower() in self.linker_words:
            k -= 1
        if k >= 0 and fold(doc[k].text).rstrip("s") in self.collectives:
            return self.collectives[fold(doc[k].text).rstrip("s")]
        if k >= 0 and (doc[k].like_num and not _YEAR.fullmatch(doc[k].text) or fold(doc[k].text) in self.spelled):
            return self._token_number(doc[k].text)
        return None

    def _token_number(self, t: str) -> float | None:
        v = self.parse(t)
        if v is not None:
            return v
        try:
            return float(text2num(fold(t), self.lang))
        except ValueError:
            return None
