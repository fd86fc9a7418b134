"""French date expressions, resolved against the document date.

In: a sentence's text (with its offset) and the document's publication date. Out: ``DateExpr``
records: where the expression is and the span it denotes, as SCHEMA.md date strings
(``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or yearless ``--MM-DD`` / ``--MM`` when the year cannot be known).

dateparser does not parse ranges ("du 5 au 12 mai 2025", "les 26 et 27 janvier"), "juin dernier" or
yearless dates without inventing a year (dependency probe, section 2), so the grammar is here; the
month names come from ``lang/<code>/months.yaml``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..lang import Lexicon, fold


_SMALL = ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze")


@dataclass
class DateExpr:
    start: int
    end: int
    date_start: str
    date_end: str | None = None
    relative: bool = False  # resolved from the document date ("en août", "juin dernier")
    since: bool = False  # "depuis juin 2022", "depuis 1992": a starting point, not when something happened
    ahead: str | None = None  # a weekday read forwards ("rencontrera jeudi"): the next such day, for events to come

    @property
    def precision(self) -> str:
        s = self.date_start.lstrip("-")
        return {10: "day", 7: "month", 5: "day", 2: "month", 4: "year"}.get(len(s), "unknown")


def parse_doc_date(value: str | None) -> tuple[int | None, int | None, int | None]:
    if not value:
        return None, None, None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip()[:10])
    if not m:
        return None, None, None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def fmt(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        if month is None:
            return ""
        return f"--{month:02d}" + (f"-{day:02d}" if day else "")
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _valid(year, month, day) -> bool:
    if not (1 <= month <= 12):
        return False
    if day is None:
        return True
    last = calendar.monthrange(year or 2000, month)[1]  # 2000: leap year, lets 29 Feb stand
    return 1 <= day <= last


class DateGrammar:
    """Finds and resolves date expressions in French text (see module docstring)."""

    def __init__(self, lex: Lexicon):
        names = sorted(lex.months, key=len, reverse=True)
        self.months = {**lex.months, **lex.month_abbreviations}
        abbr = sorted(lex.month_abbreviations, key=len, reverse=True)
        mon = ("(?P<{}>" + "|".join(re.escape(n) for n in names) + "|"
               + "|".join(re.escape(a) + r"(?=\.)" for a in abbr) + r")\.?")
        day = r"(?P<{}>[0-3]?\d)(?:er)?"
        year = r"(?P<{}>(?:1[89]|20|21)\d\d)"
        yr = rf"(?:\s+(?:de\s+l'an(?:nee)?\s+)?{year.format('y')})?"
        # all patterns run on folded text (lower case, no diacritics): "fevrier", "aout", "decembre"
        self.patterns = [
            ("year_part", re.compile(
                r"\b(?:au|du|le|pendant\s+le|sur\s+le|au\s+cours\s+du)\s+(?P<part>"
                + "|".join(re.escape(k) for k in sorted(lex.year_parts, key=len, reverse=True))
                + rf")(?:\s+(?:de\s+l'annee\s+)?{year.format('y')}|(?P<thisyear>\s+de\s+l'annee))?")),
            ("first_months", re.compile(
                r"\b(?:les|des|aux|sur\s+les|au\s+cours\s+des|pendant\s+les)\s+(?P<n>\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze)"
                rf"\s+premiers\s+mois(?:\s+de\s+l'annee)?(?:\s+(?:de\s+)?{year.format('y')})?")),
            ("range_xmonth", re.compile(
                rf"\b(?:du\s+)?{day.format('d1')}\s+{mon.format('m1')}\s*(?:au|-|–)\s*{day.format('d2')}\s+{mon.format('m2')}{yr}\b")),
            ("range", re.compile(
                rf"\b(?:du\s+|les\s+)?{day.format('d1')}\s*(?:au|et|-|–)\s*{day.format('d2')}\s+{mon.format('m1')}{yr}\b")),
            ("month_range", re.compile(
                rf"\b(?:entre|de)\s+{mon.format('m1')}\s+(?:et|a)\s+{mon.format('m2')}"
                rf"(?P<thisyear>\s+de\s+l'annee(?:\s+en\s+cours)?)?{yr}\b")),
            ("day", re.compile(rf"\b{day.format('d1')}\s+{mon.format('m1')}{yr}\b")),
            ("month", re.compile(
                rf"\b(?:en|au\s+mois\s+de|(?:au\s+)?(?:debut|fin|mi)[\s-]+|courant|depuis|d'ici)?\s*"
                rf"{mon.format('m1')}(?:\s+(?P<rel>dernier|derniere|prochain|prochaine))?{yr}\b")),
            ("year", re.compile(rf"\b(?:en|depuis|de|d'ici(?:\s+a)?|a\s+l'horizon|l'annee|des|au\s+cours\s+de"
                                rf"|remonte(?:nt)?\s+a|remontant\s+a|datant\s+de|date\s+de)\s+{year.format('y')}\b")),
            # "il y a 46 ans", "21 ans plus tôt": counted back from the article's year
            ("years_ago", re.compile(r"\b(?:il\s+y\s+a\s+(?P<n1>\d{1,3})\s+ans|(?P<n2>\d{1,3})\s+ans\s+plus\s+tot)\b")),
            ("last_year", re.compile(r"\b(?:l'an|l'annee)\s+(?P<rel>dernier|derniere|passee|prochain|prochaine)\b")),
            # "le mois dernier", "au cours du mois passé", "le mois prochain": from the publication month
            ("last_month", re.compile(r"\b(?:le|au\s+cours\s+du|durant\s+le|pendant\s+le|courant|depuis\s+le)\s+"
                                      r"mois\s+(?P<rel>dernier|passe|prochain)\b")),
            ("weekday", re.compile(
                r"\b(?P<wd>" + "|".join(sorted(lex.weekdays, key=len, reverse=True)) + r")(?!\s+\d)(?:\s+dernier)?\b")),
        ]
        if lex.deictic_days:
            self.patterns.append(("deictic", re.compile(
                r"(?<![\w-])(?P<dd>" + "|".join(re.escape(k) for k in sorted(lex.deictic_days, key=len, reverse=True))
                + r")(?![\w-])")))
        self.deictic = lex.deictic_days
        self.weekdays = lex.weekdays
        self.year_parts = lex.year_parts

    def find(self, text: str, offset: int = 0, doc_date: str | None = None,
             ref_date: str | None = None) -> list[DateExpr]:
        """Date expressions of ``text``; ``ref_date`` (a full date, e.g. from an agency dateline)
        resolves weekdays ("a reçu mercredi")."""
        folded = fold(text)
        taken: list[tuple[int, int]] = []
        out: list[DateExpr] = []
        dy, dm, _ = parse_doc_date(doc_date)
        self._ref = ref_date
        for kind, rx in self.patterns:
            for m in rx.finditer(folded):
                s, e = m.span()
                while s < e and folded[s].isspace():
                    s += 1
                if any(s < te and ts < e for ts, te in taken):
                    continue
                expr = self._resolve(kind, m, dy, dm)
                if expr is None:
                    continue
                expr.start, expr.end = offset + s, offset + e
                expr.since = folded[s:e].startswith("depuis") or folded[max(0, s - 12):s].rstrip().endswith(
                    ("depuis", "depuis le", "depuis l'", "depuis la"))
                taken.append((s, e))
                out.append(expr)
        return sorted(out, key=lambda x: x.start)

    def _month(self, m, group) -> int:
        return self.months[m.group(group)]

    def _year_for(self, month: int, day: int | None, dy, dm, rel: str | None) -> int | None:
        """The year of a yearless date, from the document date; None when it cannot be known."""
        if dy is None:
            return None
        if rel and rel.startswith("prochain"):
            return dy if dm is None or month > dm else dy + 1
        if rel and rel.startswith("dernier"):
            return dy if dm is not None and month < dm else dy - 1
        if dm is None:
            return dy
        # news reports the recent past: a month after the publication month is last year's
        return dy if month <= dm else dy - 1

    def _resolve(self, kind, m, dy, dm) -> DateExpr | None:
        g = m.groupdict()
        year = int(g["y"]) if g.get("y") else None
        if kind in ("range", "range_xmonth"):
            m1 = self._month(m, "m1")
            m2 = self._month(m, "m2") if kind == "range_xmonth" else m1
            d1, d2 = int(g["d1"]), int(g["d2"])
            y2 = year if year is not None else self._year_for(m2, d2, dy, dm, None)
            y1 = y2 - 1 if (y2 is not None and m1 > m2) else y2
            if year is None and not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
                y1 = y2 = None  # "les 28 et 29 février" in a year without one: the year cannot be known
            if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)) or (m1 == m2 and d1 > d2):
                return None
            return DateExpr(0, 0, fmt(y1, m1, d1), fmt(y2, m2, d2), relative=year is None)
        if kind == "day":
            m1, d1 = self._month(m, "m1"), int(g["d1"])
            y = year if year is not None else self._year_for(m1, d1, dy, dm, None)
            if year is None and not _valid(y, m1, d1):
                y = None  # "le 29 février" in a year without one: the year cannot be known
            if not _valid(y, m1, d1):
                return None
            return DateExpr(0, 0, fmt(y, m1, d1), relative=year is None)
        if kind == "month_range":
            m1, m2 = self._month(m, "m1"), self._month(m, "m2")
            if year is None and g.get("thisyear"):
                year = dy
            y2 = year if year is not None else self._year_for(m2, None, dy, dm, None)
            if g.get("thisyear") is None and year is None and y2 is not None:
                y2 = self._year_for(m2, None, dy, dm, None)
            y1 = y2 - 1 if (y2 is not None and m1 > m2) else y2
            return DateExpr(0, 0, fmt(y1, m1), fmt(y2, m2), relative=year is None)
        if kind == "month":
            m1 = self._month(m, "m1")
            if year is None and not m.group(0).strip().startswith(("en", "au", "debut", "fin", "mi", "courant", "depuis", "d'ici")) \
                    and not g.get("rel"):
                # a bare month name ("mai") without "en"/"dernier" or a year is too weak a date
                return None
            y = year if year is not None else self._year_for(m1, None, dy, dm, g.get("rel"))
            return DateExpr(0, 0, fmt(y, m1), relative=year is None)
        if kind == "year":
            return DateExpr(0, 0, fmt(year))
        if kind in ("year_part", "first_months"):
            if kind == "year_part":
                m1, m2 = self.year_parts[g["part"]]
            else:
                n = g["n"]
                n = int(n) if n.isdigit() else _SMALL.index(n) + 2
                m1, m2 = 1, n
                if not 1 <= n <= 12:
                    return None
            y = year if year is not None else (dy if dy is not None and (dm is None or m2 <= dm or g.get("thisyear"))
                                               else (dy - 1 if dy is not None else None))
            return DateExpr(0, 0, fmt(y, m1), fmt(y, m2), relative=year is None)
        if kind == "weekday":
            ry, rm, rd = parse_doc_date(self._ref)
            if rd is None:
                return None
            ref = dt.date(ry, rm, rd)
            day = ref - dt.timedelta(days=(ref.weekday() - self.weekdays[g["wd"]]) % 7)
            ahead = ref + dt.timedelta(days=(self.weekdays[g["wd"]] - ref.weekday()) % 7)
            return DateExpr(0, 0, day.isoformat(), relative=True, ahead=ahead.isoformat())
        if kind == "deictic":
            ry, rm, rd = parse_doc_date(self._ref)
            if rd is None:
                return None
            day = dt.date(ry, rm, rd) + dt.timedelta(days=self.deictic[g["dd"]])
            return DateExpr(0, 0, day.isoformat(), relative=True)
        if kind == "years_ago":
            if dy is None:
                return None
            return DateExpr(0, 0, fmt(dy - int(g["n1"] or g["n2"])), relative=True)
        if kind == "last_month":
            if dy is None or dm is None:
                return None
            n = dy * 12 + dm - 1 + (1 if g["rel"] == "prochain" else -1)
            return DateExpr(0, 0, fmt(n // 12, n % 12 + 1), relative=True)
        if kind == "last_year":
            if dy is None:
                return None
            rel = g["rel"]
            return DateExpr(0, 0, fmt(dy + 1 if rel.startswith("prochain") else dy - 1), relative=True)
        return None


def span_of(start: str | None, end: str | None = None) -> tuple[str, str] | None:
    """Comparable (first day, last day) strings of a date or span; yearless dates compare as MM-DD."""
    if not start:
        return None

    def bounds(s: str) -> tuple[str, str]:
        if s.startswith("--"):
            p = s[2:].split("-")
            mo = p[0]
            return (f"{mo}-{p[1]}", f"{mo}-{p[1]}") if len(p) > 1 else (f"{mo}-01", f"{mo}-31")
        p = s.split("-")
        if len(p) == 3:
            return s, s
        if len(p) == 2:
            return f"{s}-01", f"{s}-31"
        return f"{s}-01-01", f"{s}-12-31"

    a = bounds(start)
    b = bounds(end) if end else a
    return a[0], b[1]


def overlaps(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Whether two date spans can be the same time; unknown is compatible with anything."""
    if a is None or b is None:
        return True
    if len(a[0]) != len(b[0]):  # one yearless: compare month-day only
        a = (a[0][-5:], a[1][-5:])
        b = (b[0][-5:], b[1][-5:])
    return not (a[1] < b[0] or b[1] < a[0])


def width(start: str | None, end: str | None = None) -> int:
    """Rough width in days of a date or span (for choosing the most precise one); unknown is widest."""
    s = span_of(start, end)
    if s is None:
        return 10 ** 6
    if start.startswith("--"):
        return 400 + (0 if len(start) > 4 else 30)
    y0, m0, d0 = (int(x) for x in s[0].split("-"))
    y1, m1, d1 = (int(x) for x in s[1].split("-"))
    return (y1 - y0) * 372 + (m1 - m0) * 31 + (d1 - d0)
