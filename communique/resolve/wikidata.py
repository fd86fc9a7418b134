"""Office holders exported from Wikidata → a knowledge-base file (``communique kb import``).

In: the CSV that the Wikidata Query Service returns for ``WIKIDATA_QUERY`` (columns ``person``,
``personLabel``, ``country``, ``office``, ``start``, ``end``, ``aliases``). Out: a knowledge-base CSV
(docs/knowledge-base.md): one ``person`` line per person, ``alias`` lines for the other labels and a
``role`` line per term of office, which ``--kb`` then layers over the office holders shipped with the
package. Lines that cannot be used are reported as ``FILE:LINE: message`` and the others go through.
"""
from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CommuniqueError
from ..names import name_key
from ..offices import OFFICES, date_bounds

__all__ = ["WIKIDATA_QUERY", "ImportReport", "WikidataImportError", "import_officeholders", "read_officeholders_csv"]

#: The query whose CSV result ``import_officeholders`` reads (run it at https://query.wikidata.org/ and
#: choose "Download → CSV file"). P1906 / P1313: the office a state's head of state / head of government
#: holds; P39: position held, with its start (P580) and end (P582) qualifiers; P298: ISO 3166-1 alpha-3;
#: Q1065: the United Nations. Foreign ministers: positions that are a subclass of "minister of foreign
#: affairs" (Q7330070) and apply to the state (P1001). Speakers: positions directing (P2389) the state's
#: legislature (P194) or one of its houses (P527).
WIKIDATA_QUERY = """\
SELECT ?person ?personLabel ?country ?office ?start ?end
       (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="|") AS ?aliases)
WHERE {
  ?state wdt:P463 wd:Q1065 ; wdt:P298 ?country .
  {
    ?state wdt:P1906 ?position . BIND("head_of_state" AS ?office)
  } UNION {
    ?state wdt:P1313 ?position . BIND("head_of_government" AS ?office)
  } UNION {
    ?position wdt:P279 wd:Q7330070 ; wdt:P1001 ?state . BIND("foreign_minister" AS ?office)
  } UNION {
    ?state wdt:P194 ?legislature .
    { ?position wdt:P2389 ?legislature } UNION { ?legislature wdt:P527 ?house . ?position wdt:P2389 ?house }
    BIND("parliament_speaker" AS ?office)
  }
  ?person p:P39 ?held . ?held ps:P39 ?position .
  OPTIONAL { ?held pq:P580 ?start }
  OPTIONAL { ?held pq:P582 ?end }
  FILTER(!BOUND(?end) || ?end >= "2000-01-01T00:00:00Z"^^xsd:dateTime)
  OPTIONAL { ?person skos:altLabel ?alias . FILTER(LANG(?alias) IN ("fr", "en")) }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "fr,en". }
}
GROUP BY ?person ?personLabel ?country ?office ?start ?end
ORDER BY ?country ?office ?start
"""

REQUIRED = ("person", "personLabel", "country", "office", "start")
_WIKIDATA_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T[\d:]+Z?)?$")
_QID_ONLY = re.compile(r"^Q\d+$")


class WikidataImportError(CommuniqueError):
    """The export cannot be read at all (not found, not CSV, columns missing, nothing usable)."""

    code = "E520"


@dataclass
class _Person:
    label: str
    countries: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    terms: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (office, from, to)


@dataclass
class ImportReport:
    """What an import read: persons and terms kept, and one message per line that was skipped."""

    persons: int = 0
    terms: int = 0
    skipped: list[str] = field(default_factory=list)


def _day(value: str, path: str, line: int, what: str, report: ImportReport) -> tuple[bool, str | None]:
    value = (value or "").strip()
    if not value:
        return True, None
    m = _WIKIDATA_DATE.match(value)
    if not m or date_bounds(f"{m.group(1)}-{m.group(2)}-{m.group(3)}") is None:
        report.skipped.append(f"{path}:{line}: {what} {value!r} is not a date (expected 2004-05-07 or "
                              "2004-05-07T00:00:00Z)")
        return False, None
    return True, f"{m.group(1)}-{m.group(2)}-{m.group(3)}"


def read_officeholders_csv(path: str | os.PathLike[str]) -> tuple[dict[str, _Person], ImportReport]:
    """The persons of a Wikidata export, keyed by their item URI, and the lines that were skipped."""
    path = str(path)
    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise WikidataImportError(f"{path}: is a folder, not a CSV file") from None
    except OSError as e:
        raise WikidataImportError(f"{path}: cannot be read ({e.strerror or e})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise WikidataImportError(f"{path}:{line}: not UTF-8; download the result again as CSV") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise WikidataImportError(
            f"{path}: column{'s' if len(missing) > 1 else ''} {', '.join(missing)} missing; run the query of "
            "`communique kb query` and download its result as CSV")
    report = ImportReport()
    persons: dict[str, _Person] = {}
    for row in reader:
        line = reader.line_num
        label = (row.get("personLabel") or "").strip()
        country = (row.get("country") or "").strip().upper()
        office = (row.get("office") or "").strip()
        if not label or _QID_ONLY.match(label):
            report.skipped.append(f"{path}:{line}: the person has no French or English label")
            continue
        if not re.fullmatch(r"[A-Z]{3}", country):
            report.skipped.append(f"{path}:{line}: country {country!r} is not an ISO 3166-1 alpha-3 code")
            continue
        if office not in OFFICES:
            report.skipped.append(f"{path}:{line}: office {office!r} is not one of {', '.join(OFFICES)}")
            continue
        ok_start, start = _day(row.get("start") or "", path, line, "start", report)
        ok_end, end = _day(row.get("end") or "", path, line, "end", report)
        if not (ok_start and ok_end):
            continue
        if start and end and end < start:
            report.skipped.append(f"{path}:{line}: the term ends ({end}) before it starts ({start})")
            continue
        key = (row.get("person") or "").strip() or f"{label}|{country}"
        p = persons.setdefault(key, _Person(label))
        p.countries[country] += 1
        p.aliases.update(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        if (office, start, end) not in p.terms:
            p.terms.append((office, start, end))
    return persons, report


def import_officeholders(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> ImportReport:
    """Write the knowledge-base CSV of a Wikidata export (see ``WIKIDATA_QUERY``) to ``target``,
    atomically. Raises ``WikidataImportError`` when nothing in the export can be used."""
    persons, report = read_officeholders_csv(source)
    rows: list[list[str]] = []
    seen: dict[tuple, str] = {}
    alias_owner: dict[tuple, str] = {}
    for uri, p in sorted(persons.items(), key=lambda kv: (kv[1].label, kv[0])):
        country = max(sorted(p.countries), key=lambda c: p.countries[c])
        ident = (name_key(p.label), country)
        if ident in seen:  # two items with one label and country: a namesake the resolver cannot tell apart
            report.skipped.append(f"{source}: {p.label} ({country}) is two Wikidata items ({seen[ident]}, {uri}); "
                                  "the second is left out")
            continue
        seen[ident] = uri
        rows.append(["person", p.label, "", country, "", "", ""])
        for alias in sorted(p.aliases):
            akey = (name_key(alias), country)
            if not name_key(alias) or name_key(alias) == ident[0] or akey in alias_owner:
                continue
            alias_owner[akey] = p.label
            rows.append(["alias", p.label, alias, country, "", "", ""])
        for office, start, end in sorted(p.terms, key=lambda t: (t[1] or "", t[0])):
            rows.append(["role", p.label, "", country, office, start or "", end or ""])
            report.terms += 1
        report.persons += 1
    # an alias that is another person's name names two people: the knowledge base refuses it
    names = {(name_key(r[1]), r[3]) for r in rows if r[0] == "person"}
    rows = [r for r in rows if not (r[0] == "alias" and (name_key(r[2]), r[3]) in names)]
    if not report.persons:
        raise WikidataImportError(f"{source}: no usable office holder in the file "
                                  f"({len(report.skipped)} line{'s' if len(report.skipped) != 1 else ''} skipped)")
    _write_atomically(target, rows, source)
    return report


def _write_atomically(target: str | os.PathLike[str], rows: list[list[str]], source) -> None:
    from ..export_formats import write_file_atomically

    target = Path(target)
    if target.is_dir():
        raise WikidataImportError(f"cannot write {target}: it is a folder")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WikidataImportError(f"cannot write {target}: folder {folder} does not exist")

    def write(f) -> None:
        text = io.StringIO()
        text.write(f"# office holders imported from Wikidata by `communique kb import {Path(source).name}`\n")
        text.write("# (Wikidata content is CC0); check with `communique actors --check FILE`\n")
        w = csv.writer(text, lineterminator="\n")
        w.writerow(["action", "name", "value", "country", "role", "from", "to"])
        w.writerows(rows)
        f.write(text.getvalue().encode("utf-8"))

    write_file_atomically(target, write)
