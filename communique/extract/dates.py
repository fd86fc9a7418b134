"""Date expressions ("le 3 mai 2024", "du 3 au 5 mai", "May 3, 2024", "last Tuesday", "the first half of
2023"), resolved against the document date.

In: a sentence's text (with its offset) and the document's publication date. Out: ``DateExpr``
records: where the expression is and the span it denotes, as SCHEMA.md date strings
(``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or yearless ``--MM-DD`` / ``--MM`` when the year cannot be known).

dateparser does not parse ranges ("du 5 au 12 mai 2025", "les 26 et 27 janvier"), "juin dernier" or
yearless dates without inventing a year (dependency probe, section 2), so the grammar is here. What a
language decides comes from ``lang/<code>/months.yaml``: month and weekday names, parts of a year, days
named from the article's day, and under ``grammar`` the words around them (what may stand before a
year or a month, how a range is linked, "dernier" after the month or "last" before it, the order
"3 mai" or "May 3", ordinal suffixes). All of it is read from the ``Lexicon`` (``date_grammar`` is the
``grammar`` mapping, every key given by the loader: a key the file lacks is none, and the patterns that
need it are not made), so the code holds no word of any language.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..lang import Lexicon, fold


def _alt(forms) -> str:
    """An alternation of folded phrases, longest first; a space matches any run of spaces."""
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted({fold(str(x)) for x in forms}, key=len, reverse=True))


def _template(phrase: str, n: str) -> str:
    """"il y a {n} ans" as a pattern whose number is the group ``n``."""
    left, _, right = fold(phrase).partition("{n}")
    return _alt([left.strip()]) + (r"\s+" if left.strip() else "") + n + (r"\s+" if right.strip() else "") \
        + (_alt([right.strip()]) if right.strip() else "")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip())


def _ends_with_word(text: str, words: tuple[str, ...]) -> bool:
    """``text`` ends with one of ``words``, as whole words ("stand-by" does not end with "by")."""
    return any(text.endswith(w) and (len(text) == len(w) or not text[-len(w) - 1].isalnum()) for w in words)


@dataclass
class DateExpr:
    start: int
    end: int
    date_start: str
    date_end: str | None = None
    relative: bool = False  # resolved from the document date ("en août", "juin dernier")
    since: bool = False  # "depuis juin 2022", "depuis 1992": a starting point, not when something happened
    deadline: bool = False  # "by 2020", "d'ici 2030": a target's deadline, not when something happened
    ahead: str | None = None  # a weekday read forwards ("rencontrera jeudi"): the next such day, for events to come
    # counted from the document's date ("mardi", "hier", "cette semaine", "le mois dernier", "il y a deux ans"),
    # not written out: a written date beside it ("this week (March 10-12)") says more
    counted: bool = False
    until: bool = False  # a weekday after "jusqu'à" / "until": the end of a span

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
    """Finds and resolves date expressions (see module docstring)."""

    def __init__(self, lex: Lexicon):
        g = self.grammar = lex.date_grammar
        self.named_days = {fold(k): tuple(int(x) for x in v.split("-")) for k, v in (g.get("named_days") or {}).items()}
        # "en 2015 et 2017", "in 1999, 2003 and 2008": bare years continuing a list after a year written as a date,
        # joined by a comma or a word that joins years (not "en 2019, les 1800 soldats": a number before a noun)
        links = "|".join(re.escape(w) for w in sorted(lex.year_list_links, key=len, reverse=True))
        self._year_list = re.compile(rf"\s*(?:,|(?:,\s*)?(?:{links}))\s+((?:1[89]|20|21)\d\d)\b(?![.,]?\d)") \
            if links else None
        # what follows a listed year ends the list or continues it: a stop, another link and year (not a noun)
        self._year_list_end = re.compile(rf"\s*(?:$|[,.;:)»\]]|(?:{links})\s+(?:1[89]|20|21)\d\d\b)")
        names = sorted(lex.months, key=len, reverse=True)
        self.months = {**lex.months, **lex.month_abbreviations}
        abbr = sorted(lex.month_abbreviations, key=len, reverse=True)
        dot = r"(?=\.)" if g["abbreviation_dot"] == "required" else r"\b"
        mon = ("(?P<{}>" + "|".join([*(re.escape(n) for n in names), *(re.escape(a) + dot for a in abbr)])
               + r")\.?")
        self.month_names = "|".join(re.escape(n) for n in names)
        sfx = "|".join(re.escape(fold(x)) for x in g["day_suffixes"])
        day = r"(?P<{}>[0-3]?\d)" + (rf"(?:{sfx})?" if sfx else "")
        year = r"(?P<{}>(?:1[89]|20|21)\d\d)"
        links = _alt(g["year_links"])
        link = rf"(?:(?:{links})\s+)?" if links else ""
        # " 2024", " de l'an 2024"; ", 2024" where a comma may stand before the year ("May 3, 2024")
        yr = rf"(?:{',?' if g['comma_before_year'] else ''}\s+{link}{year.format('y')})?"
        dm_link = _alt(g["day_month_links"])
        dm = rf"\s+(?:(?:{dm_link})\s+)?" if dm_link else r"\s+"
        md_day = r"(?![,.]\d)\b"  # "May 3" but not "May 30,000"

        def before(forms, required: bool = False) -> str:
            # (a form ending in an apostrophe runs into the next word: "à l'été 2017", "de l'automne")
            spaced = _alt([f for f in forms if not str(f).endswith("'")])
            elided = _alt([f for f in forms if str(f).endswith("'")])
            a = "|".join(x for x in (rf"(?:{spaced})\s+" if spaced else "", rf"(?:{elided})\s*" if elided else "") if x)
            if not a:
                return ""
            return rf"(?:{a})" if required else rf"(?:{a})?"

        yp, fm = g["year_part"], g["first_months"]
        dr, xr, mr, mo = g["day_range"], g["cross_month_range"], g["month_range"], g["month"]
        self.small = [fold(w) for w in fm["numbers"]]
        mon_after = rf"(?!\s+(?:{_alt(yp['year_links'])})\s+(?:{self.month_names}))" if yp["year_links"] else ""
        first = _template(fm["phrase"], r"(?P<n>\d{1,2}" + "".join("|" + re.escape(w) for w in self.small) + ")")
        mon_before = _alt(mo["before"])
        mon_hyph = _alt(mo["before_hyphen"])
        prefix = "|".join(x for x in (mon_before, rf"(?:{mon_hyph})[\s-]+" if mon_hyph else "") if x)
        self.month_rel = {fold(k): int(v) for k, v in {**mo["relative_before"], **mo["relative_after"]}.items()}
        relb = rf"(?:(?P<relb>{_alt(mo['relative_before'])})\s+)?" if mo["relative_before"] else ""
        rela = rf"(?:\s+(?P<rel>{_alt(mo['relative_after'])}))?" if mo["relative_after"] else ""
        # a bare month name ("mai") needs a word before it ("en", "depuis", "last"), a year, or "dernier"
        self.month_starts = tuple(fold(str(w)).split()[0] for w in [*mo["before"], *mo["before_hyphen"]])
        wd = g["weekday"]
        self.weekday_rel = {fold(k): int(v) for k, v in {**wd["relative_before"], **wd["relative_after"]}.items()}
        self.weekday_before = {fold(k) for k in wd["relative_before"]}
        wd_not = r"(?!,?\s+(?:\d|" + self.month_names + "))" if g["month_day"] and names else r"(?!\s+\d)"
        wd_before = rf"(?:(?P<wrel>{_alt(wd['relative_before'])})\s+)?" if wd["relative_before"] else ""
        wd_after = rf"(?:\s+(?:{_alt(wd['relative_after'])}))?" if wd["relative_after"] else ""
        self.relative_years = {_norm(fold(k)): int(v) for k, v in g["relative_years"].items()}
        rm = g["relative_months"]
        self.relative_months = {_norm(fold(k)): int(v) for k, v in rm["phrases"].items()}
        self.relative_weeks = {_norm(fold(k)): int(v) for k, v in g["relative_weeks"].items()}
        # "il y a 46 ans", "il y a deux ans", "three days ago": counted back from the reference year or day (a
        # number or a word)
        small = r"\d{1,3}" + "".join("|" + re.escape(w) for w in self.small)
        ago = "|".join(_template(t, rf"(?P<n{i}>{small})") for i, t in enumerate(g["years_ago"], 1))
        # "d'ici trois ans", "within the next three years": a deadline that many years after the reference year
        ahead = "|".join(_template(t, rf"(?P<a{i}>{small})") for i, t in enumerate(g.get("years_ahead") or [], 1))
        self.days_ago = list((g.get("days_ago") or {}).values())
        days_ago = "|".join(_template(t, rf"(?P<dn{i}>{small})") for i, t in enumerate(g.get("days_ago") or {}))
        has_months = bool(self.months)
        links_x, links_d, links_m = _alt(xr["links"]), _alt(dr["links"]), _alt(mr["links"])
        parts = "|".join(re.escape(k) for k in sorted(lex.year_parts, key=len, reverse=True))
        weekdays = "|".join(sorted(lex.weekdays, key=len, reverse=True))
        md = g["month_day"]
        # (kind, pattern, made): a pattern is made only when the language gives the words it needs (a range
        # needs its linking words, a year a word before it, ...): an empty alternation would match anywhere.
        # All patterns run on folded text (lower case, no diacritics): "fevrier", "aout", "decembre".
        table = [
            ("year_part", lambda: (
                r"\b" + before(yp["before"], required=True) + r"(?P<part>" + parts
                + rf"){mon_after}(?:\s+{before(yp['year_links'])}{year.format('y')}"
                + (rf"|(?P<thisyear>\s+(?:{_alt(yp['this_year'])}))" if yp["this_year"] else "") + ")?"), parts),
            ("first_months", lambda: (
                r"\b" + before(fm["before"], required=True) + first
                + (rf"(?:\s+(?:{_alt(fm['this_year'])}))?" if fm["this_year"] else "")
                + rf"(?:\s+{before(fm['year_links'])}{year.format('y')})?"), fm["phrase"]),
            ("range_xmonth", lambda: (
                rf"\b{before(xr['before'])}{day.format('d1')}{dm}{mon.format('m1')}\s*(?:{links_x})\s*"
                rf"{day.format('d2')}{dm}{mon.format('m2')}{yr}\b"), has_months and links_x),
            ("range_xmonth", lambda: (
                rf"\b{before(xr['before'])}{mon.format('m1')}\s+{day.format('d1')}\s*(?:{links_x})\s*"
                rf"{mon.format('m2')}\s+{day.format('d2')}{md_day}{yr}\b"), has_months and links_x and md),
            ("range", lambda: (
                rf"\b{before(dr['before'])}{day.format('d1')}\s*(?:{links_d})\s*{day.format('d2')}{dm}"
                rf"{mon.format('m1')}{yr}\b"), has_months and links_d),
            ("range", lambda: (
                rf"\b{before(dr['before'])}{mon.format('m1')}\s+{day.format('d1')}\s*(?:{links_d})\s*"
                rf"{day.format('d2')}{md_day}{yr}\b"), has_months and links_d and md),
            ("month_range", lambda: (
                rf"\b{before(mr['before'], required=True)}{mon.format('m1')}\s+(?:{links_m})\s+{mon.format('m2')}"
                + (rf"(?P<thisyear>\s+(?:{_alt(mr['this_year'])}))?" if mr["this_year"] else "") + rf"{yr}\b"),
             has_months and links_m),
            ("month_range", lambda: (
                rf"\b{mon.format('m1')}\s*(?:{_alt(mr['joined_by'])})\s*{mon.format('m2')}{yr}\b"),
             has_months and mr["joined_by"]),
            ("day", lambda: rf"\b{day.format('d1')}{dm}{mon.format('m1')}{yr}\b", has_months),
            ("day", lambda: rf"\b{mon.format('m1')}\s+{day.format('d1')}{md_day}{yr}\b", has_months and md),
            ("month", lambda: rf"\b(?:{prefix})?\s*{relb}{mon.format('m1')}{rela}{yr}\b", has_months),
            ("year", lambda: rf"\b(?:{_alt(g['year_before'])})\s+{year.format('y')}\b", g["year_before"]),
            # "il y a 46 ans", "21 ans plus tôt": counted back from the article's year
            ("years_ago", lambda: rf"\b(?:{ago})\b", ago),
            ("years_ahead", lambda: rf"\b(?:{ahead})\b", ahead),
            ("days_ago", lambda: rf"\b(?:{days_ago})\b", days_ago),
            # "earlier this year": from January to the publication month
            ("year_to_date", lambda: rf"\b(?:{_alt(g['year_to_date'])})\b", g["year_to_date"]),
            # "on Christmas Eve", "le jour de l'An 2010": a feast of a fixed date
            ("named_day", lambda: rf"\b(?P<nd>{_alt(self.named_days)}){yr}\b", g["named_days"]),
            ("last_week", lambda: rf"\b(?P<rel>{_alt(self.relative_weeks)})\b", self.relative_weeks),
            ("last_year", lambda: rf"\b(?P<rel>{_alt(self.relative_years)})\b", self.relative_years),
            # "le mois dernier", "au cours du mois passé", "last month": from the publication month
            ("last_month", lambda: rf"\b{before(rm['before'], required=True)}(?P<rel>{_alt(self.relative_months)})\b",
             self.relative_months),
            ("weekday", lambda: rf"\b{wd_before}(?P<wd>{weekdays}){wd_not}{wd_after}\b", weekdays),
            ("deictic", lambda: (
                r"(?<![\w-])(?P<dd>" + "|".join(re.escape(k) for k in sorted(lex.deictic_days, key=len, reverse=True))
                + r")(?![\w-])"), lex.deictic_days),
        ]
        self.patterns = [(kind, re.compile(make())) for kind, make, made in table if made]
        self.deictic = lex.deictic_days
        self.weekdays = lex.weekdays
        self.year_parts = lex.year_parts
        self.capitalised = bool(g["capitalised_months"])
        self.lowercase_months = frozenset(fold(w) for w in g.get("lowercase_months") or [])
        self.since = tuple(fold(w) for w in g["since"])
        self.since_window = max([12] + [len(w) + 3 for w in self.since])
        self.until = tuple(fold(w) for w in g.get("until") or [])
        self.until_window = max([12] + [len(w) + 3 for w in self.until])
        self.deadline = tuple(fold(w) for w in g.get("deadline") or [])
        self.deadline_window = max([12] + [len(w) + 3 for w in self.deadline])

    def find(self, text: str, offset: int = 0, doc_date: str | None = None,
             ref_date: str | None = None) -> list[DateExpr]:
        """Date expressions of ``text``; ``ref_date`` (a full date, e.g. from an agency dateline or the
        publication date) resolves weekdays ("a reçu mercredi", "last Tuesday") and days ("hier")."""
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
                if self.capitalised and any(
                        m.groupdict().get(k) and not text[m.start(k)].isupper()
                        and fold(m.group(k)) not in self.lowercase_months for k in ("m1", "m2")):
                    continue  # "may 3", "march on": a verb, not a month
                expr = self._resolve(kind, m, dy, dm)
                if expr is None:
                    continue
                expr.start, expr.end = offset + s, offset + e
                expr.since = bool(self.since) and (folded[s:e].startswith(self.since) or _ends_with_word(
                    folded[max(0, s - self.since_window):s].rstrip(), self.since))
                expr.deadline = expr.deadline or bool(self.deadline) and (
                    folded[s:e].startswith(self.deadline) or _ends_with_word(
                        folded[max(0, s - self.deadline_window):s].rstrip(), self.deadline))
                # "jusqu'à samedi", "until Saturday": the end of what the clause tells (for a stay under way, the
                # coming such day: the events decide, by their verb's tense)
                expr.until = bool(expr.ahead) and bool(self.until) and _ends_with_word(
                    folded[max(0, s - self.until_window):s].rstrip(), self.until)
                taken.append((s, e))
                out.append(expr)
        out += self._listed_years(folded, offset, out, taken)
        return sorted(out, key=lambda x: x.start)

    def _listed_years(self, folded: str, offset: int, found: list[DateExpr], taken: list[tuple[int, int]]
                      ) -> list[DateExpr]:
        """"s'est rendu en Inde en 2015 et 2017": the bare years listed right after a year written as a date are
        dates too (each joined by a comma or the language's list words)."""
        out: list[DateExpr] = []
        if self._year_list is None:
            return out
        for expr in sorted(found, key=lambda x: x.start):
            if len(expr.date_start) != 4 or expr.date_end or expr.relative or expr.since or expr.deadline:
                continue
            end = expr.end - offset
            while (m := self._year_list.match(folded, end)) is not None:
                s, e = m.span(1)
                if any(s < te and ts < e for ts, te in taken):
                    break
                if not self._year_list_end.match(folded, e):
                    break
                out.append(DateExpr(offset + s, offset + e, m.group(1)))
                taken.append((s, e))
                end = e
        return out

    def _month(self, m, group) -> int:
        return self.months[m.group(group)]

    def _year_for(self, month: int, day: int | None, dy, dm, rel: int | None) -> int | None:
        """The year of a yearless date, from the document date; None when it cannot be known.
        ``rel``: 1 for "prochain" / "next", -1 for "dernier" / "last"."""
        if dy is None:
            return None
        if rel and rel > 0:
            return dy if dm is None or month > dm else dy + 1
        if rel and rel < 0:
            return dy if dm is not None and month < dm else dy - 1
        if dm is None:
            return dy
        # news reports the recent past: a month after the publication month is last year's
        return dy if month <= dm else dy - 1

    def _ref_day(self) -> dt.date | None:
        ry, rm, rd = parse_doc_date(self._ref)
        return dt.date(ry, rm, rd) if rd is not None else None

    def _small_number(self, n: str) -> int:
        """A count written in figures or as one of the grammar's small number words ("deux", "three": from 2 on)."""
        return int(n) if n.isdigit() else self.small.index(n) + 2

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
        if kind == "named_day":
            m1, d1 = self.named_days[" ".join(m.group("nd").split())]
            y = year if year is not None else self._year_for(m1, d1, dy, dm, None)
            return DateExpr(0, 0, fmt(y, m1, d1), relative=year is None) if _valid(y, m1, d1) else None
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
            rel = g.get("rel") or g.get("relb")
            if year is None and not m.group(0).strip().startswith(self.month_starts) and not rel:
                # a bare month name ("mai") without "en"/"dernier" or a year is too weak a date
                return None
            y = year if year is not None else self._year_for(m1, None, dy, dm, self.month_rel.get(rel) if rel else None)
            return DateExpr(0, 0, fmt(y, m1), relative=year is None)
        if kind == "year":
            return DateExpr(0, 0, fmt(year))
        if kind in ("year_part", "first_months"):
            if kind == "year_part":
                m1, m2 = self.year_parts[g["part"]]
            else:
                n = g["n"]
                n = self._small_number(n)
                m1, m2 = 1, n
                if not 1 <= n <= 12:
                    return None
            y = year if year is not None else (dy if dy is not None and (dm is None or m2 <= dm or g.get("thisyear"))
                                               else (dy - 1 if dy is not None else None))
            return DateExpr(0, 0, fmt(y, m1), fmt(y, m2), relative=year is None)
        if kind == "weekday":
            ref = self._ref_day()
            if ref is None:
                return None
            target = self.weekdays[g["wd"]]
            day = ref - dt.timedelta(days=(ref.weekday() - target) % 7)
            ahead = ref + dt.timedelta(days=(target - ref.weekday()) % 7)
            wrel = g.get("wrel")
            if wrel and wrel in self.weekday_before:
                # "last Tuesday" / "next Tuesday" said on a Tuesday: a week before / after
                if self.weekday_rel[wrel] < 0:
                    day = day - dt.timedelta(days=7) if day == ref else day
                    return DateExpr(0, 0, day.isoformat(), relative=True, counted=True)
                ahead = ahead + dt.timedelta(days=7) if ahead == ref else ahead
                return DateExpr(0, 0, ahead.isoformat(), relative=True, ahead=ahead.isoformat(), counted=True)
            return DateExpr(0, 0, day.isoformat(), relative=True, ahead=ahead.isoformat(), counted=True)
        if kind == "deictic":
            ref = self._ref_day()
            if ref is None:
                return None
            day = ref + dt.timedelta(days=self.deictic[g["dd"]])
            return DateExpr(0, 0, day.isoformat(), relative=True, counted=True)
        if kind == "days_ago":
            ref = self._ref_day()
            if ref is None:
                return None
            i, n = next((int(k[2:]), v) for k, v in g.items() if v and re.fullmatch(r"dn\d+", k))
            n = self._small_number(n)
            day = ref - dt.timedelta(days=n * int(self.days_ago[i]))
            return DateExpr(0, 0, day.isoformat(), relative=True, counted=True)
        if kind == "years_ago":
            if dy is None:
                return None
            n = next(v for k, v in g.items() if v and re.fullmatch(r"n\d+", k))
            n = self._small_number(n)
            return DateExpr(0, 0, fmt(dy - n), relative=True, counted=True)
        if kind == "years_ahead":
            if dy is None:
                return None
            n = next(v for k, v in g.items() if v and re.fullmatch(r"a\d+", k))
            n = self._small_number(n)
            return DateExpr(0, 0, fmt(dy + n), relative=True, counted=True, deadline=True)
        if kind == "last_month":
            if dy is None or dm is None:
                return None
            n = dy * 12 + dm - 1 + self.relative_months[_norm(g["rel"])]
            return DateExpr(0, 0, fmt(n // 12, n % 12 + 1), relative=True, counted=True)
        if kind == "last_week":
            ref = self._ref_day()
            if ref is None:
                return None
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=self.relative_weeks[_norm(g["rel"])])
            return DateExpr(0, 0, monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), relative=True, counted=True)
        if kind == "year_to_date":
            if dy is None:
                return None
            return DateExpr(0, 0, fmt(dy, 1), fmt(dy, dm), relative=True) if dm else DateExpr(0, 0, fmt(dy), relative=True)
        if kind == "last_year":
            if dy is None:
                return None
            return DateExpr(0, 0, fmt(dy + self.relative_years[_norm(g["rel"])]), relative=True)
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


def years_before(start: str | None, end: str | None, when: str | None) -> bool:
    """Whether a date or span ended more than a year before ``when`` (the article's date; given as a year or a month
    only, counted from its first day)."""
    span = span_of(start, end)
    if span is None or not when or len(span[1]) < 10 or len(when) < 4 or not when[:4].isdigit():
        return False
    return span[1] < f"{int(when[:4]) - 1:04d}{(when[4:10] + '-01')[:6] if len(when) > 4 else '-01-01'}"


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
