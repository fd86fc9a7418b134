"""Blocking keys: which per-document records can ever be merged together, so that the merged record can
be recomputed for the records a new document touches only (``store.merged.update_merged``).

In: per-document SCHEMA.md records. Out: for each record its *link keys* (two records that can merge,
or meet in a conflict, always share a key, or one holds a ``*`` key of the other's block), and for an
event the *participant keys* of the persons it names (to find the events a change of persons touches).
The keys are strings; ``components`` groups records into the connected components of that relation.

Why nothing mergeable is split (each rule below is read off the merge code it mirrors):

- events (``events.EventMerger.same_kind``, ``compatible``, ``_date_conflicts``): two reports merge or
  conflict only if they have the same type, status, parties (successor states folded: SUN counts as
  RUS), for a visit the same guest and host, for an upgrade the same level — that is the *block*
  ``e|[type, status, parties, guest, host, level]``. Within a block, two dated reports merge only if
  their spans overlap, and conflict only if their starts are at most ``CONFLICT_WINDOW_DAYS`` apart: so
  each dated report gets one key per month its span touches, widened by 32 days on each side; two
  reports that merge or conflict share a month. A report without a date, with a date without a year
  (``--05-05``, which meets that day of every year), or with a date this module does not read as
  ``YYYY-MM-DD`` gets the key ``block|*``, which meets every report of its block.
- figures (``facts.merge_figures``): same metric, parties and unit (the block), then overlapping
  periods (merge) or the same period (conflict): one key per month of the period; a figure without a
  period merges only with one with the same (missing) period; an unreadable period gets ``*``.
- relations and commitments are grouped on an exact key (countries and level; countries, domain and
  words): that key. Organisations: their registry key (code, else folded name).
- persons (``resolve.ActorRegistry``): a spelling joins a person only through one of four rules, each
  of which needs a shared key: the same words in any order (``p|s``), the same family name and given
  names with the same consonants (``p|v``), a surname alone and a longer name holding it after its first
  word (``p|w``), one letter apart (``p|d``: the spelling with one letter deleted, or whole; two strings
  one edit apart share one of these). The registry adds documents in document-id order and takes the
  first person a rule finds; every person a rule can find shares that rule's key with the spelling, so
  the persons of one component are built exactly as when every document is added.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache

from ..extract.dates import span_of
from ..extract.successors import Successors
from ..lang import words
from ..names import fold_name, name_key, skeleton

#: how far (days) a dated event's span is widened on each side for the months where reports that may
#: conflict with it are looked for: more than ``events.CONFLICT_WINDOW_DAYS``
CONFLICT_REACH_DAYS = 32
#: a span touching more months than this gets the ``*`` key of its block instead
MAX_MONTHS = 36
#: the key that meets every record of its block
STAR = "*"

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _j(*parts) -> str:
    return json.dumps(parts, ensure_ascii=False, separators=(",", ":"))


def _months(first: str, last: str, widen: int) -> tuple[str, ...] | None:
    """The months ``YYYY-MM`` of the days first..last widened by ``widen`` days; None when unreadable. (Computed
    once per span: most reports of an event, and of the events of one day, have the same.)"""
    if not (isinstance(first, str) and isinstance(last, str)):
        return _months_of(first, last, widen)
    return _cached_months(first, last, widen)


@lru_cache(maxsize=8192)
def _cached_months(first: str, last: str, widen: int) -> tuple[str, ...] | None:
    return _months_of(first, last, widen)


def _months_of(first: str, last: str, widen: int) -> tuple[str, ...] | None:
    if not (_DAY.match(first) and _DAY.match(last)):
        return None
    try:
        a = _day(first) - dt.timedelta(days=widen)
        b = _day(last) + dt.timedelta(days=widen)
    except (ValueError, OverflowError):
        return None
    if b < a:
        return None
    out = []
    y, m = a.year, a.month
    while (y, m) <= (b.year, b.month):
        out.append(f"{y:04d}-{m:02d}")
        if len(out) > MAX_MONTHS:
            return None
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


def _day(s: str) -> dt.date:
    y, m, d = (int(x) for x in s.split("-"))
    if not 1 <= m <= 12:
        raise ValueError(s)
    for day in range(min(d, 31), 0, -1):  # "2025-02-31" (a month's last day, as span_of writes it)
        try:
            return dt.date(y, m, day)
        except ValueError:
            continue
    raise ValueError(s)


def _canonical_countries(codes, succ: Successors) -> list[str]:
    return sorted({succ.canonical(c) for c in codes or [] if isinstance(c, str)})


def event_block(rec: dict, succ: Successors | None = None) -> str:
    """The block of an event report: its fields as ``Event.from_record`` reads them (type, status, countries, guest,
    host, level; read from the record, without making the whole event: its sources and participants)."""
    succ = succ or Successors.load()
    typ, status = rec.get("type", "meeting"), rec.get("status") or "happened"
    guest = host = level = None
    if typ == "visit":
        guest, host = succ.canonical(rec.get("guest") or ""), succ.canonical(rec.get("host") or "")
    if typ == "upgrade":
        level = rec.get("level")
    return "e|" + _j(typ, status, _canonical_countries(list(rec.get("countries") or []), succ), guest, host, level)


def _event_keys(rec: dict, succ: Successors, widen: int = 0, block: str | None = None) -> list[str]:
    block = block or event_block(rec, succ)
    span = span_of(rec.get("date_start"), rec.get("date_end"))
    months = _months(span[0], span[1], widen) if span is not None else None
    if months is None:
        return [f"{block}|{STAR}"]
    return [f"{block}|{m}" for m in months]


def conflict_probes(rec: dict, succ: Successors | None = None, block: str | None = None) -> list[str]:
    """The keys under which the reports that may be in a date conflict with an event report are found:
    its block's months widened by ``CONFLICT_REACH_DAYS`` (``*`` for a report without a readable day:
    its component is its whole block already); [] for another kind of record. ``block``: the report's
    ``event_block`` when known (``block_of`` any of its link keys), not computed again."""
    if rec.get("kind") != "event":
        return []
    return _event_keys(rec, succ or Successors.load(), CONFLICT_REACH_DAYS, block)


def _figure_keys(rec: dict, succ: Successors) -> list[str]:
    block = "f|" + _j(rec.get("metric"), _canonical_countries(rec.get("countries"), succ), rec.get("unit"))
    period = rec.get("period")
    if not period:
        return [f"{block}|none:{json.dumps(period)}"]
    a, _, b = str(period).partition("/")
    span = span_of(a, b or None)
    months = _months(span[0], span[1], 0) if span is not None else None
    if months is None:
        return [f"{block}|{STAR}"]
    return [f"{block}|{m}" for m in months]


def person_keys(name: str, *, deletions: bool = True) -> set[str]:
    """The link keys of one spelling (module docstring), without the ``p|`` prefix's kind letter
    changed: ``p|s|...``, ``p|v|...``, ``p|w|...`` and (``deletions``) ``p|d|...``."""
    return set(_person_keys(name, deletions))


@lru_cache(maxsize=1 << 12)  # (a spelling's keys: some twenty strings; at most a few MB held)
def _person_keys(name: str, deletions: bool) -> frozenset[str]:
    """``person_keys``, computed once per spelling (the same persons are named in thousands of records)."""
    key = name_key(name)
    out = {"p|s|" + " ".join(sorted(key))}
    if len(key) >= 2:
        out.add("p|v|" + _j(key[-1], [skeleton(g) for g in key[:-1]]))
        out.update("p|w|" + w for w in key[1:])
        if deletions:
            flat = " ".join(key)
            out.add(f"p|d|{len(key)}|{flat}")
            out.update(f"p|d|{len(key)}|{flat[:i]}{flat[i + 1:]}" for i in range(len(flat)))
    elif key:
        out.add("p|w|" + key[0])
    return frozenset(out)


def participant_keys(rec: dict) -> set[str]:
    """The keys under which ``ActorRegistry.match`` (exact, variant, surname: the rules it uses without
    roles) can find the persons an event names, as ``q|...`` (the ``p|...`` key with ``q``)."""
    out: set[str] = set()
    for p in rec.get("participants") or []:
        if isinstance(p, dict) and isinstance(p.get("name"), str):
            out |= _participant_keys(p["name"])
    return out


@lru_cache(maxsize=1 << 14)
def _participant_keys(name: str) -> frozenset[str]:
    """The ``q|...`` keys of one participant's name (``participant_keys``), computed once per name."""
    key = name_key(name)
    keys = {"p|s|" + " ".join(sorted(key))}
    if len(key) >= 2:
        keys.add("p|v|" + _j(key[-1], [skeleton(g) for g in key[:-1]]))
    elif key:
        keys.add("p|w|" + key[0])
    return frozenset("q" + k[1:] for k in keys)


def link_keys(rec: dict, succ: Successors | None = None) -> list[str]:
    """The link keys of a per-document record (module docstring); [] for a kind that is not merged."""
    succ = succ or Successors.load()
    kind = rec.get("kind")
    if kind == "event":
        return _event_keys(rec, succ)
    if kind == "figure":
        return _figure_keys(rec, succ)
    if kind == "relation":
        return ["r|" + _j(_canonical_countries(rec.get("countries"), succ), rec.get("level"))]
    if kind == "commitment":
        body = _j(_canonical_countries(rec.get("countries"), succ), rec.get("domain"),
                  " ".join(words(rec.get("text") or "")))
        return ["c|" + hashlib.sha1(body.encode("utf-8")).hexdigest()]
    if kind == "organisation" and rec.get("name"):
        return ["o|" + (rec.get("code") or fold_name(rec["name"]))]
    if kind == "person" and rec.get("name"):
        keys: set[str] = set()
        for n in [rec["name"], *(rec.get("aliases") or [])]:
            if isinstance(n, str):
                keys |= person_keys(n)
        return sorted(keys)
    return []


def is_star(key: str) -> bool:
    return key.endswith("|" + STAR)


def block_of(key: str) -> str:
    """The block of a time key (``e|...|2025-05`` -> ``e|...``); the key itself for the others."""
    return key.rsplit("|", 1)[0] if key[:2] in ("e|", "f|") else key


def probes(key: str) -> tuple[list[str], list[str]]:
    """What a key meets besides itself: ``(keys, prefixes)``. A month key meets its block's ``*``; a
    ``*`` key meets every key of its block (the prefix ``block|``)."""
    if key[:2] not in ("e|", "f|"):
        return [], []
    block = block_of(key)
    if is_star(key):
        return [], [block + "|"]
    return [f"{block}|{STAR}"], []


def components(keys_of: dict[int, Iterable[str]]) -> list[list[int]]:
    """The connected components of facts (``id -> link keys``): two facts are linked when they share a
    key, or one has the ``*`` key of a block the other has a key of. Each component sorted, the list
    sorted by its first id."""
    parent: dict[int, int] = {f: f for f in keys_of}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first: dict[str, int] = {}
    star_blocks: set[str] = set()
    for f, keys in keys_of.items():
        for k in keys:
            if k in first:
                union(first[k], f)
            else:
                first[k] = f
            if is_star(k):
                star_blocks.add(block_of(k))
    for k, f in first.items():
        if k[:2] in ("e|", "f|"):
            b = block_of(k)
            if b in star_blocks:
                union(first[f"{b}|{STAR}"], f)
    groups: dict[int, list[int]] = {}
    for f in keys_of:
        groups.setdefault(find(f), []).append(f)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


__all__ = ["CONFLICT_REACH_DAYS", "MAX_MONTHS", "STAR", "block_of", "components", "conflict_probes", "event_block",
           "is_star", "link_keys", "participant_keys", "person_keys", "probes"]
