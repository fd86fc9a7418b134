"""Who held which office when: heads of state and government, foreign ministers, parliament speakers
and ruling-party leaders of the UN member states since 2000.

In: the data files shipped in ``data/officeholders/*.tsv`` (see the README there for their sources),
and optionally terms declared in the user's knowledge base, which override them. Out: look-ups by
office and date ("le président russe" in a 2010 article is Dmitry Medvedev) and by name (the country
and offices of a person an article names without a title or a demonym).

Shared by the extract stage (countries of untitled names, title-only mentions) and the resolve stage
(the user's knowledge base layered on top); it imports nothing from either.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Iterable

from .names import PATRONYMIC_LINKS, name_key

__all__ = ["NAMES_LANGUAGE", "OFFICES", "OfficeDataError", "OfficeHolders", "Term", "date_bounds"]

#: the offices the data files record (SCHEMA.md role codes)
OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "parliament_speaker",
           "party_general_secretary", "other")
#: offices no title names (Iran's Supreme Leader, whom the press calls by name): a term of these gives a person a
#: country, never the holder of a title ("the Iranian president" is the President, not the Leader)
UNTITLED_OFFICES = frozenset({"other"})
COLUMNS = ("country", "office", "name", "from", "to", "aliases")
#: the language whose press writes the ``name`` column's spelling (the usual international one): in articles
#: of that language, the data's name is the person's name; elsewhere the text's own spelling is kept
NAMES_LANGUAGE = "en"

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")


class OfficeDataError(ValueError):
    """A line of an office-holder file that cannot be read (``path:line: message``)."""


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day a date of precision year, month or day covers; ``None`` if not a date."""
    m = _DATE.match(value or "")
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if mo is None:
            return date(y, 1, 1), date(y, 12, 31)
        month = int(mo)
        if d is None:
            first = date(y, month, 1)
            return first, date.fromordinal(date(y + (month == 12), month % 12 + 1, 1).toordinal() - 1)
        day = date(y, month, int(d))
        return day, day
    except ValueError:
        return None


@dataclass(frozen=True)
class Term:
    """One person's term in one office. ``start``/``end`` are ``YYYY(-MM(-DD))``; ``end`` is ``None``
    while the office is held. ``origin`` names the file the term was read from."""

    country: str
    office: str
    name: str
    start: str | None
    end: str | None = None
    aliases: tuple[str, ...] = ()
    origin: str = ""

    @property
    def span(self) -> tuple[date, date]:
        lo = date_bounds(self.start)
        hi = date_bounds(self.end)
        return (lo[0] if lo else date.min, hi[1] if hi else date.max)

    def covers(self, when: tuple[date, date]) -> bool:
        """Whether the term overlaps the period ``when``."""
        a, b = self.span
        return a <= when[1] and when[0] <= b

    def holds_throughout(self, when: tuple[date, date]) -> bool:
        a, b = self.span
        return a <= when[0] and when[1] <= b

    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class OfficeHolders:
    """An index of terms of office, by office and by any spelling of the holder's name."""

    def __init__(self, terms: Iterable[Term] = ()):
        self.terms: list[Term] = list(terms)
        self._by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
        self._by_key: dict[tuple[str, ...], list[Term]] = defaultdict(list)
        self._by_word: dict[str, list[Term]] = defaultdict(list)
        for t in self.terms:
            self._by_office[(t.country, t.office)].append(t)
            for spelling in t.spellings():
                key = name_key(spelling)
                if not key:
                    continue
                self._by_key[key].append(t)
                if len(key) > 1:
                    # a surname alone ("Poutine", "M. Xi"): the first or the last word of a full name
                    for w in {key[0], key[-1]}:
                        if len(w) > 2:
                            self._by_word[w].append(t)

    def __len__(self) -> int:
        return len(self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)

    # ------------------------------------------------------------------ loading
    @classmethod
    def builtin(cls) -> "OfficeHolders":
        """The terms shipped with the package (read once per process)."""
        return _builtin()

    @classmethod
    def from_tsv(cls, text: str, origin: str = "") -> "OfficeHolders":
        return cls(parse_tsv(text, origin))

    def overridden_by(self, terms: Iterable[Term]) -> "OfficeHolders":
        """These terms plus ``terms``; a term of ``terms`` replaces every term of the same country and
        office whose period it overlaps (the analyst's knowledge base wins over the shipped data)."""
        extra = list(terms)
        if not extra:
            return self
        kept = [t for t in self.terms
                if not any(u.country == t.country and u.office == t.office and u.covers(t.span) for u in extra)]
        return OfficeHolders([*kept, *extra])

    # ------------------------------------------------------------------ look-ups
    def holders(self, country: str, office: str, when: str | None) -> list[Term]:
        """Every term of that office overlapping the date ``when`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)."""
        bounds = date_bounds(when)
        if bounds is None or office in UNTITLED_OFFICES:
            return []
        return [t for t in self._by_office.get((country, office), []) if t.covers(bounds)]

    def holders_anywhere(self, office: str, when: str | None) -> list[Term]:
        """Every term of that office, in any country, overlapping the date ``when``."""
        bounds = date_bounds(when)
        if bounds is None or office in UNTITLED_OFFICES:
            return []
        return [t for (_, o), terms in self._by_office.items() if o == office for t in terms if t.covers(bounds)]

    def holder(self, country: str, office: str, when: str | None) -> Term | None:
        """The one person holding that office on that date; ``None`` when unknown or when the date
        covers a change of holder (a year-precise date in an election year)."""
        terms = self.holders(country, office, when)
        persons = {name_key(t.name) for t in terms}
        if len(persons) == 1:
            return terms[0]
        bounds = date_bounds(when)
        whole = [t for t in terms if bounds and t.holds_throughout(bounds)]
        return whole[0] if len({name_key(t.name) for t in whole}) == 1 else None

    def terms_of(self, name: str, when: str | None = None, margin: int = 2) -> list[Term]:
        """The terms of the person a name designates: a full spelling, or a lone surname when exactly
        one holder bears it. With a date, only terms held around that date (``margin`` years either side:
        an article may name a former or future office holder) are kept."""
        key = name_key(name)
        if not key:
            return []
        found = list(self._by_key.get(key, []))
        if not found and len(key) == 1:
            found = list(self._by_word.get(key[0], []))
        if not found and len(key) > 2 and not any(w in PATRONYMIC_LINKS for w in key[:-2]):
            # "Luiz Inácio Lula da Silva" written "Lula da Silva": the name's last words (not the father's name
            # after "bin": "Al Hussein bin Abdullah II" is not Abdullah II)
            found = [t for t in self._by_key.get(key[-2:], [])]
        bounds = date_bounds(when)
        if bounds is not None:
            near = (date(max(bounds[0].year - margin, 1), 1, 1), date(min(bounds[1].year + margin, 9999), 12, 31))
            found = [t for t in found if t.covers(near)]
        return found

    def person(self, name: str, when: str | None = None, margin: int = 2,
               offices: set[str] | None = None) -> tuple[str, list[Term]] | None:
        """``(country, terms)`` of the one person a name designates, or ``None`` when the name is unknown
        or could be several people. ``offices``: only holders of these offices ("le président Aziz": not a
        speaker of parliament of that name)."""
        terms = self.terms_of(name, when, margin)
        if offices:
            terms = [t for t in terms if t.office in offices]
        people = {(t.country, name_key(t.name)) for t in terms}
        if len(people) > 1 and offices and when:
            # "King Abdullah" in March 2024: of the holders of that office around the year, the one in office on
            # the day (Malaysia's King Abdullah had left office in January)
            bounds = date_bounds(when)
            on_day = [t for t in terms if bounds and t.covers(bounds)]
            if len({(t.country, name_key(t.name)) for t in on_day}) == 1:
                terms, people = on_day, {(on_day[0].country, name_key(on_day[0].name))}
        if len(people) != 1:
            return None
        return terms[0].country, terms

    def role_on(self, terms: list[Term], when: str | None) -> str | None:
        """The office a person's terms give on a date (the highest one when several are held)."""
        bounds = date_bounds(when)
        held = [t for t in terms if bounds is None or t.covers(bounds)]
        for office in ("party_general_secretary", "head_of_state", "head_of_government", "foreign_minister",
                       "parliament_speaker"):
            if any(t.office == office for t in held):
                return office
        return None


def parse_tsv(text: str, origin: str = "") -> list[Term]:
    """Terms of an office-holder file: ``#`` comments, a header ``country office name from to aliases``,
    then one tab-separated line per term. Raises ``OfficeDataError`` naming the line of a bad one."""
    terms: list[Term] = []
    header_seen = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise OfficeDataError(f"{origin}:{n}: the header must be {' '.join(COLUMNS)} (tab-separated)")
            header_seen = True
            continue
        cells += [""] * (len(COLUMNS) - len(cells))
        if len(cells) > len(COLUMNS):
            raise OfficeDataError(f"{origin}:{n}: {len(cells)} cells, expected {len(COLUMNS)}")
        country, office, name, start, end, aliases = cells
        if not _COUNTRY.match(country):
            raise OfficeDataError(f"{origin}:{n}: country {country!r} is not an ISO 3166-1 alpha-3 code")
        if office not in OFFICES:
            raise OfficeDataError(f"{origin}:{n}: office {office!r} is not one of {', '.join(OFFICES)}")
        if not name:
            raise OfficeDataError(f"{origin}:{n}: no name")
        for value in (start, end):
            if value and date_bounds(value) is None:
                raise OfficeDataError(f"{origin}:{n}: {value!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD")
        if start and end and date_bounds(end)[1] < date_bounds(start)[0]:
            raise OfficeDataError(f"{origin}:{n}: the term ends ({end}) before it starts ({start})")
        alias_list = tuple(a.strip() for a in aliases.split(";") if a.strip() and a.strip() != name)
        terms.append(Term(country, office, name, start or None, end or None, alias_list, f"{origin}:{n}"))
    return terms


@lru_cache(maxsize=1)
def _builtin() -> OfficeHolders:
    folder = resources.files("communique") / "data" / "officeholders"
    terms: list[Term] = []
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".tsv"):
                terms.extend(parse_tsv(entry.read_text(encoding="utf-8"), f"officeholders/{entry.name}"))
    return OfficeHolders(terms)
