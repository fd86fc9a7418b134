"""Views of the merged record (see the package docstring)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import UnknownCountry
from ..extract.successors import Successors
from ..merge import MergedRecord
from ..resolve.countries import resolve_country

LEVELS = ["diplomatic_relations", "comprehensive_partnership", "strategic_partnership",
          "comprehensive_strategic_partnership"]


def _year(value: str | None) -> int | None:
    m = re.match(r"(\d{4})", value or "")
    return int(m.group(1)) if m else None


def _pair(rec: dict, succ: Successors) -> frozenset:
    return frozenset(succ.canonical(c) for c in rec.get("countries") or [])


@dataclass
class TargetCheck:
    """A target and what later figures say of it: met, missed, or not yet known."""

    target: dict
    verdict: str  # met, missed, pending, unknown
    against: dict | None = None  # the figure it was checked against

    def to_record(self) -> dict:
        return {"target": self.target, "verdict": self.verdict, "against": self.against}


@dataclass
class DyadReport:
    countries: tuple[str, str]
    level: str | None = None
    history: list[dict] = field(default_factory=list)  # upgrades and stated levels, dated, with sources
    visits_by_year: dict[str, list[dict]] = field(default_factory=dict)  # year -> visits, meetings, calls
    agreements: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    targets: list[TargetCheck] = field(default_factory=list)
    commitments: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)

    def to_record(self) -> dict:
        return {"countries": list(self.countries), "level": self.level, "history": self.history,
                "visits_by_year": self.visits_by_year, "agreements": self.agreements, "figures": self.figures,
                "targets": [t.to_record() for t in self.targets], "commitments": self.commitments,
                "conflicts": self.conflicts}


def country_code(value: str) -> str:
    """The ISO alpha-3 code of a country given by code or name ("VNM", "VN", "Viêt Nam", "Russia");
    raises ``UnknownCountry`` rather than answer with an empty report."""
    code = resolve_country(value) if value else None
    if code is None:
        raise UnknownCountry(value)
    return code


def dyad(merged: MergedRecord, a: str, b: str) -> DyadReport:
    """The relationship of two countries (codes or names): level and its history, contacts by year,
    agreements, figures over time, targets checked against later figures, commitments."""
    a, b = country_code(a), country_code(b)
    succ = Successors.load()
    pair = frozenset((succ.canonical(a), succ.canonical(b)))
    rep = DyadReport((a, b))
    mine = [e for e in merged.events if _pair(e, succ) == pair]
    for e in mine:
        if e.get("status") not in (None, "happened"):
            continue
        if e["type"] == "upgrade":
            rep.history.append({"date": e.get("date_start"), "level": e.get("level"), "how": "upgrade",
                                "sources": e.get("sources", [])})
        elif e["type"] in ("visit", "meeting", "call"):
            rep.visits_by_year.setdefault(str(_year(e.get("date_start")) or "undated"), []).append(e)
        elif e["type"] == "agreement":
            rep.agreements.append(e)
    for r in merged.relations:
        if _pair(r, succ) == pair:
            rep.history.append({"date": None, "level": r.get("level"), "how": "stated",
                                "sources": r.get("sources", [])})
    rep.history.sort(key=lambda h: (h["date"] is None, h["date"] or "", LEVELS.index(h["level"])
                                    if h["level"] in LEVELS else -1))
    stated = [h["level"] for h in rep.history if h["level"] in LEVELS]
    rep.level = max(stated, key=LEVELS.index) if stated else None
    rep.figures = sorted((f for f in merged.figures if _pair(f, succ) == pair),
                         key=lambda f: (f.get("metric") or "", f.get("period") or ""))
    rep.targets = [check_target(t, rep.figures) for t in rep.figures if t.get("metric") == "trade_target"]
    rep.commitments = [c for c in merged.commitments if _pair(c, succ) == pair]
    rep.conflicts = [c for c in merged.conflicts if frozenset(c.get("countries") or []) == pair]
    rep.visits_by_year = dict(sorted(rep.visits_by_year.items()))
    return rep


def check_target(target: dict, figures: list[dict]) -> TargetCheck:
    """"10 milliards de dollars d'ici 2020" against the trade figures of 2020 or later: met when one
    reaches it, missed when the latest known does not, pending when none is that late yet."""
    year = target.get("target_year")
    later = [f for f in figures if f.get("metric") == "trade_volume" and f.get("unit") == target.get("unit")
             and _year(f.get("period")) is not None and year is not None and _year(f.get("period")) >= year]
    if year is None:
        return TargetCheck(target, "unknown")
    if not later:
        return TargetCheck(target, "pending")
    reached = [f for f in later if float(f.get("value") or 0) >= float(target.get("value") or 0)]
    if reached:
        return TargetCheck(target, "met", min(reached, key=lambda f: f.get("period") or ""))
    return TargetCheck(target, "missed", max(later, key=lambda f: f.get("period") or ""))


def timeline(merged: MergedRecord, country: str | None = None, start: str | None = None, end: str | None = None,
             type: str | None = None) -> list[dict]:
    """Events in date order (undated last), filtered by country, period (YYYY, YYYY-MM or YYYY-MM-DD
    bounds, inclusive) and type."""
    succ = Successors.load()
    country = country_code(country) if country else None
    out = []
    for e in merged.events:
        if country and succ.canonical(country) not in _pair(e, succ):
            continue
        if type and e.get("type") != type:
            continue
        d = e.get("date_start") or ""
        if start and (not d or d.startswith("--") or d[:len(start)] < start):
            continue
        if end and (not d or d.startswith("--") or d[:len(end)] > end):
            continue
        out.append(e)
    return sorted(out, key=lambda e: (not e.get("date_start") or e["date_start"].startswith("--"),
                                      e.get("date_start") or "", e.get("type") or ""))
