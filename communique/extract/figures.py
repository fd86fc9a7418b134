"""Figures: numbers stated about the relations (trade volume and growth, targets, investment,
tourist arrivals, number of strategic partners).

In: ``DocContext``. Out: ``Figure`` records. A quantity becomes a figure when its sentence says what it
measures (cues in ``lang/<code>/numbers.yaml``); its countries come from the sentence or, for
"les échanges bilatéraux", from the sentences before it; its period from a date expression of the
sentence; a percentage after a rise/fall word is its year-on-year change.
"""
from __future__ import annotations

import re

from ..lang import fold, words
from ..records import Figure, Source
from .context import DocContext, Sentence
from .numbers import QuantityReader


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> int:
    """Index of the first occurrence of the word sequence ``needle`` in ``hay``, or -1."""
    n = len(needle)
    for i in range(len(hay) - n + 1):
        if hay[i:i + n] == needle:
            return i
    return -1


class FigureExtractor:
    def __init__(self, ctx: DocContext, quantities: QuantityReader | None = None):
        self.ctx = ctx
        num = ctx.lex.numbers
        self.q = quantities or QuantityReader(ctx.lex)
        m = num.get("metrics") or {}
        self.cues = {k: [words(c) for c in (v.get("cues") or [])] for k, v in m.items()}
        target = m.get("trade_target") or {}
        self.by_year = sorted((fold(w) for w in target.get("by_year", [])), key=len, reverse=True)
        self.by_relative_year = sorted(((fold(k), int(v)) for k, v in (target.get("by_relative_year") or {}).items()),
                                       key=lambda kv: -len(kv[0]))
        self.anaphora = [words(w) for w in num.get("anaphora") or []]
        ch = num.get("change") or {}
        self.up = {fold(w) for w in ch.get("up", [])}
        self.down = {fold(w) for w in ch.get("down", [])}

    def _has(self, ws, metric) -> bool:
        return any(_contains(ws, c) >= 0 for c in self.cues.get(metric, []))

    def _target_year(self, s: Sentence, q) -> int | None:
        """"5 milliards de dollars (d'échanges commerciaux) d'ici 2030": the year, within the clause."""
        rest = fold(self.ctx.document.text[q.end:min(q.end + 90, s.end)])
        rest = re.split(r"[;.]|,\s+(?:et|mais|tandis|alors)\b", rest)[0]
        for w in self.by_year:
            m = re.search(rf"(?:^|\s){re.escape(w)}\s+(?:l'an\s+|l'annee\s+|la\s+fin\s+(?:de\s+)?)?((?:19|20)\d\d)\b",
                          rest)
            if m:
                return int(m.group(1))
        year = (self.ctx.document.date or "")[:4]
        if year.isdigit():
            for w, delta in self.by_relative_year:
                if re.search(rf"(?:^|\s){re.escape(w)}", rest):
                    return int(year) + delta
        return None

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
            if previous is not None and any(_contains(ws, a) >= 0 for a in self.anaphora):
                # "Ce chiffre a atteint 700 millions": the noun the sentence before measured
                ws = ws + tuple(w for m in ("trade_volume", "investment", "tourist_arrivals")
                                if self._has(words(previous.text), m) for w in self.cues[m][0])
            money = [q.unit for q in qs if q.unit not in (None, "persons", "percent")]
            last_currency = money[-1] if money else last_currency
            here: list[Figure] = []
            for q in qs:
                if q.unit == "percent":
                    continue
                if q.unit is None and q.scaled and q.value >= 1e6 and (money or last_currency):
                    # "50 milliards de dollars d'ici 2025 puis 80 milliards d'ici 2030": the currency said once
                    q.unit = money[0] if money else last_currency
                fig = self._figure(s, ws, q, qs)
                if fig is None:
                    continue
                self._relative_period(s, q, fig, here, last_year)
                here.append(fig)
                out.append(fig)
            # "la même année" names the last year the text wrote, not one worked out ("un an plus tôt")
            years = [d.date_start[:4] for d in s.dates if d.date_start[:4].isdigit() and not d.since]
            last_year = years[-1] if years else last_year
            previous = s
        return out

    def _relative_period(self, s: Sentence, q, fig: Figure, here: list[Figure], last_year: str | None) -> None:
        """"12,8 milliards en 2023, contre 11,9 milliards un an plus tôt": a year before the other value;
        "les investissements réalisés la même année": the year of the figure before."""
        after = fold(self.ctx.document.text[q.end:min(q.end + 40, s.end)])
        if re.match(r"\s*(?:,\s*)?(?:un an plus tot|un an auparavant|l'annee precedente|l'annee d'avant)", after):
            prior = next((f.period for f in reversed(here) if f.period and f.period[:4].isdigit()), None)
            if prior:
                fig.period = f"{int(prior[:4]) - 1:04d}"
                return
        if fig.period is None and last_year and re.search(r"\b(?:la meme annee|cette annee-la|la meme periode)\b",
                                                          fold(s.text)):
            fig.period = last_year

    def _figure(self, s: Sentence, ws, q, qs) -> Figure | None:
        metric, unit, target_year = None, q.unit, None
        if q.unit not in (None, "persons"):  # money
            target_year = self._target_year(s, q)
            if target_year is not None or self._has(ws, "trade_target"):
                metric = "trade_target"
            elif self._has(ws, "investment") and not self._has(ws, "trade_volume"):
                metric = "investment"
            elif self._has(ws, "trade_volume"):
                metric = "trade_volume"
            else:
                metric = "other"
        else:
            if self._has(ws, "strategic_partner_count") and "nombre" in ws and q.unit is None and q.value < 500:
                metric, unit = "strategic_partner_count", "count"
            elif self._has(ws, "tourist_arrivals") and q.value >= 100:
                metric, unit = "tourist_arrivals", "persons"
            else:
                return None
        codes = s.codes()
        if metric == "strategic_partner_count":
            countries = [self.ctx.focal] if self.ctx.focal in codes or not codes else codes[:1]
        else:
            countries = codes if len(codes) >= 2 else self.ctx.pair_for(s, codes)
            if len(countries) > 2:
                focal = self.ctx.focal
                countries = ([focal] if focal in countries else []) + [c for c in countries if c != focal]
                countries = countries[:2]
        period = None
        if metric != "trade_target":
            dates = [d for d in s.dates if not (d.start >= q.start and d.start - q.end < 20 and target_year)]
            if dates:
                d = min(dates, key=lambda d: abs(d.start - q.start))
                period = d.date_start if not d.date_end else f"{d.date_start}/{d.date_end}"
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
        fig = Figure(doc=self.ctx.document.id, metric=metric, countries=countries, value=q.value, unit=unit,
                     period=period, change_pct=change, target_year=target_year if metric == "trade_target" else None,
                     approximate=q.approximate, quote=q.text)
        fig.sources = [Source(self.ctx.document.id, s.start, s.end, s.text)]
        return fig
