"""The views as briefings for a terminal: what the CLI's report commands print.

In: the views of ``views`` (a ``DyadReport``, timeline events, conflicts) and the actors of the
resolve stage. Out: Rich renderables (headings, tables with column headers, lines), worded by
``wording``: country names with their codes, levels and roles in words, dates as an analyst writes
them, amounts with their unit, text cut at a word with "…", "none" for an empty section, every
fact with the documents it comes from. Every piece of record text goes in as ``Text``, never as
markup, so a document id such as ``[article]`` prints as written.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .views import DyadReport
from .wording import Wording, wording

HEADING = "bold"
NONE = Text("  none", style="dim")


#: short columns that read badly when wrapped; the others share the rest of the width
_SHORT = {"date", "event", "countries", "how", "figure", "period", "change", "domain", "kind", "by",
          "verdict", "role", "as of", "documents", "value"}


def _table(*columns: str, **widths: int) -> Table:
    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 2, 0, 0), expand=True)
    for c in columns:
        short = c in _SHORT
        t.add_column(c, overflow="fold", max_width=widths.get(c.replace(" ", "_")), no_wrap=short,
                     ratio=None if short else 1)
    return t


def _row(t: Table, *cells: Any) -> None:
    t.add_row(*(c if isinstance(c, Text) else Text(str(c) if c is not None else "", overflow="fold") for c in cells))


def _section(title: str, body: RenderableType | None, count: int | None = None) -> Iterator[RenderableType]:
    yield Text("")
    yield Text(title + (f" ({count})" if count else ""), style=HEADING)
    yield Padding(body, (0, 0, 0, 2)) if body is not None else NONE


def _who(event: dict, w: Wording, limit: int = 60) -> str:
    names = [p.get("name") for p in event.get("participants") or [] if p.get("name")]
    return w.shorten(", ".join(names), limit)


def _parties(event: dict, w: Wording) -> str:
    if event.get("type") == "visit" and event.get("guest") and event.get("host"):
        return f"{w.country(event['guest'])} → {w.country(event['host'])}"
    return w.pair(event.get("countries"), " – ")


def _what(event: dict, w: Wording) -> str:
    label = w.event_type(event)
    status = event.get("status")
    if status not in (None, "happened"):
        label += f" ({w.label('status', status)})"
    return label


def _detail(event: dict, w: Wording, limit: int = 60) -> str:
    if event.get("type") == "upgrade":
        return w.label("level", event.get("level"))
    if event.get("type") == "agreement":
        kind = w.label("instrument", event.get("instrument")) if event.get("instrument") else ""
        title = w.shorten(event.get("title"), limit)
        if title:
            return title
        return f"{event['count']} × {kind or 'agreement'}" if (event.get("count") or 0) > 1 else kind
    if event.get("type") == "meeting" and event.get("counterpart"):
        return "with the " + w.label("role", event.get("counterpart"))
    return ""


# ---------------------------------------------------------------------------------------- timeline

def _codes(event: dict) -> str:
    if event.get("type") == "visit" and event.get("guest") and event.get("host"):
        return f"{event['guest']} → {event['host']}"
    return " – ".join(event.get("countries") or []) or "?"


def _legend(codes: Iterable[str], w: Wording) -> Text:
    """"Countries: BRA Brazil, CHN China": the names of the codes a table used, once."""
    names = [f"{c} {w.country(c).rsplit(' (', 1)[0]}" for c in sorted(set(codes))]
    return Text("Countries: " + ", ".join(names), style="dim")


def timeline(events: list[dict], w: Wording | None = None) -> list[RenderableType]:
    """Events in date order: a table with a header row, one event a row (countries by code, their
    names in a legend below), its sources last."""
    w = w or wording()
    if not events:
        return [Text("no events")]
    t = _table("date", "event", "countries", "details", "sources")
    codes: list[str] = []
    for e in events:
        codes += [c for c in e.get("countries") or [] if c]
        details = "; ".join(x for x in (_detail(e, w, 70), _who(e, w, 80)) if x)
        _row(t, w.date_range(e.get("date_start"), e.get("date_end")), _what(e, w), _codes(e), details,
             w.sources(e.get("sources")))
    return [t, _legend(codes, w), Text(f"{len(events)} event{'s' * (len(events) != 1)}", style="dim")]


# ---------------------------------------------------------------------------------------- dyad

def dyad(r: DyadReport, w: Wording | None = None, commitments: int = 15) -> list[RenderableType]:
    """The relationship of two countries as a briefing: level and history, contacts, agreements,
    figures, targets against later figures, commitments, conflicts; "none" where nothing is known."""
    w = w or wording()
    out: list[RenderableType] = [Text(w.pair(r.countries), style=HEADING)]
    if r.level:
        since = [h for h in r.history if h["level"] == r.level and h.get("date")]
        when = f", since {w.date(since[0]['date'])}" if since else ""
        out.append(Text(f"Level: {w.label('level', r.level)}{when}"))
    else:
        out.append(Text("Level: none stated in the sources"))

    hist = None
    if r.history:
        hist = _table("date", "level", "how", "sources")
        for h in r.history:
            how = ("established" if h["how"] == "upgrade" and h["level"] == "diplomatic_relations"
                   else "raised" if h["how"] == "upgrade" else "stated")
            _row(hist, w.date(h.get("date")) if h.get("date") else "not dated", w.label("level", h["level"]),
                 how, w.sources(h.get("sources")))
    out += _section("Level history", hist)

    contacts = [e for evs in r.visits_by_year.values() for e in evs]
    table = None
    if contacts:
        table = _table("date", "event", "countries", "who", "sources", who=40, sources=30)
        for e in contacts:
            _row(table, w.date_range(e.get("date_start"), e.get("date_end")), _what(e, w) + (
                 " " + _detail(e, w) if _detail(e, w) else ""), _codes(e), _who(e, w), w.sources(e.get("sources")))
    out += _section("Visits, talks and calls", table, len(contacts))

    table = None
    if r.agreements:
        table = _table("date", "agreement", "signed by", "sources", agreement=60, signed_by=40, sources=30)
        for e in r.agreements:
            _row(table, w.date_range(e.get("date_start"), e.get("date_end")), _detail(e, w, 90) or "agreement",
                 _who(e, w), w.sources(e.get("sources")))
    out += _section("Agreements", table, len(r.agreements))

    figures = [f for f in r.figures if f.get("metric") != "trade_target"]
    table = None
    if figures:
        table = _table("figure", "period", "value", "change", "sources", sources=30)
        for f in figures:
            _row(table, w.label("metric", f.get("metric")), w.date(f.get("period")) if f.get("period") else "period not stated",
                 ("about " if f.get("approximate") else "") + w.amount(f.get("value"), f.get("unit")),
                 w.percent(f.get("change_pct")), w.sources(f.get("sources")))
    out += _section("Figures", table, len(figures))

    table = None
    if r.targets:
        table = _table("target", "by", "verdict", "checked against", "sources", sources=30)
        for t in r.targets:
            against = (f"{w.amount(t.against.get('value'), t.against.get('unit'))} in {w.date(t.against.get('period'))}"
                       if t.against else "")
            _row(table, w.amount(t.target.get("value"), t.target.get("unit")),
                 str(t.target["target_year"]) if t.target.get("target_year") else "no deadline given",
                 w.label("verdict", t.verdict) if t.verdict != "unknown" else "cannot be checked",
                 against or ("no later figure yet" if t.verdict == "pending" else ""), w.sources(t.target.get("sources")))
    out += _section("Targets", table, len(r.targets))

    table = None
    if r.commitments:
        table = _table("domain", "commitment", "sources", commitment=90, sources=30)
        for m in r.commitments[:commitments]:
            _row(table, w.label("domain", m.get("domain")), w.shorten(m.get("text"), 160), w.sources(m.get("sources")))
    out += _section("Commitments", table, len(r.commitments))
    if len(r.commitments) > commitments:
        out.append(Text(f"  … and {len(r.commitments) - commitments} more (all of them with --json)", style="dim"))

    if r.conflicts:
        out += _section("Conflicts between sources", Text(
            f"{len(r.conflicts)}: see `communique conflicts`, which shows both sentences of each"), len(r.conflicts))
    else:
        out += _section("Conflicts between sources", None)
    return out


# ---------------------------------------------------------------------------------------- conflicts

def _conflict_values(x: dict, w: Wording) -> str:
    values = x.get("values") or []
    if x.get("about") == "figure":
        shown = [w.amount(v, x.get("unit")) for v in values]
    elif x.get("field") == "date":
        shown = [_date_value(v, w) for v in values]
    elif x.get("field") == "role":
        shown = [w.label("role", v) for v in values]
    else:
        shown = [str(v) for v in values]
    return " vs ".join(shown)


def _date_value(v: Any, w: Wording) -> str:
    text = str(v)
    if ".." in text:
        a, b = text.split("..", 1)
        return w.date_range(a, b)
    return w.date(text)


def conflicts(found: list[dict], w: Wording | None = None, limit: int = 240) -> list[RenderableType]:
    """Each contradiction: what it is about, the values side by side, then each source's sentence."""
    w = w or wording()
    if not found:
        return [Text("no conflicts between sources")]
    out: list[RenderableType] = []
    for i, x in enumerate(found):
        if i:
            out.append(Text(""))
        about = x.get("about")
        if about == "figure":
            what = w.label("metric", x.get("metric")) + (f", {w.date(x['period'])}" if x.get("period") else "")
        elif about == "event":
            what = w.event_type({"type": x.get("type"), "level": x.get("level")})
        else:
            what = x.get("name") or "person"
        where = w.pair(x.get("countries")) if x.get("countries") else (w.country(x["country"]) if x.get("country") else "")
        head = Text()
        head.append(f"{w.label('conflict_about', about).capitalize()} — {what}", style=HEADING)
        if where:
            head.append(f" ({where})")
        out.append(head)
        out.append(Text(f"  {w.label('field', x.get('field'))}: {_conflict_values(x, w)}"))
        for s in x.get("sources") or []:
            line = Text("  ")
            line.append(str(s.get("doc") or "unknown document"), style="cyan")
            line.append(": " + (w.shorten(s.get("text"), limit) or "(sentence not stored)"))
            out.append(line)
    out.append(Text(""))
    out.append(Text(f"{len(found)} conflict{'s' * (len(found) != 1)}", style="dim"))
    return out


# ---------------------------------------------------------------------------------------- actors

def _roles(actor, w: Wording) -> str:
    """"head of state (July 2018, April 2023)": each role once, with the months it was seen."""
    seen: dict[str, list[str]] = {}
    for r in actor.roles:
        dates = seen.setdefault(r.role, [])
        if r.as_of and r.as_of[:7] not in dates:
            dates.append(r.as_of[:7])
    return "; ".join(w.label("role", role) + (f" ({', '.join(w.month(d) for d in sorted(ds))})" if ds else "")
                     for role, ds in seen.items())


def _also(actor, limit: int = 3) -> str:
    others = [a for a in actor.aliases if a != actor.name]
    return ", ".join(others[:limit]) + (f" +{len(others) - limit} more" if len(others) > limit else "")


def actors(found: Iterable, w: Wording | None = None) -> list[RenderableType]:
    """One actor a row: what it is, its name, country, roles with when they were seen, documents,
    and the other spellings seen in the texts."""
    w = w or wording()
    found = list(found)
    if not found:
        return [Text("no actors")]
    t = _table("kind", "name", "country", "roles", "documents", "also written", roles=40, also_written=30)
    for a in found:
        country = a.kind == "country"
        _row(t, w.label("actor_kind", a.kind), w.country(a.country) if country else a.name,
             w.country(a.country) if a.country and not country else "",
             _roles(a, w), len(set(a.docs)), _also(a))
    return [t, Text(f"{len(found)} actor{'s' * (len(found) != 1)}", style="dim")]


def actor(a, w: Wording | None = None, sentences: int = 10) -> list[RenderableType]:
    """One actor: names, country, roles over time with the document each was read in, sentences."""
    w = w or wording()
    head = Text()
    head.append(a.name, style=HEADING)
    head.append(f" — {w.label('actor_kind', a.kind)}" + (f", {w.country(a.country)}" if a.country and a.kind != "country" else ""))
    out: list[RenderableType] = [head]
    others = [x for x in a.aliases if x != a.name]
    out.append(Text("Also written: " + (", ".join(others) if others else "no other spelling seen")))
    docs = len(set(a.docs))
    out.append(Text(f"Named in {docs} document{'s' * (docs != 1)} ({a.mentions} mention{'s' * (a.mentions != 1)})"))
    table = None
    if a.roles:
        table = _table("role", "as of", "read in")
        for r in a.roles:
            _row(table, w.label("role", r.role), w.date(r.as_of) if r.as_of else "date not stated",
                 getattr(r, "doc", None) or (r.title if r.title == "knowledge base" else "") or "")
    out += _section("Roles", table, len(a.roles))
    table = None
    if a.sources:
        table = _table("document", "sentence")
        for s in a.sources[:sentences]:
            _row(table, s.doc, w.shorten(s.text, 220))
    out += _section("Sentences", table, len(a.sources))
    return out


# ---------------------------------------------------------------------------------------- ingest

def summary(where: str, stored: int, present: int, failed: int, s, w: Wording | None = None) -> list[RenderableType]:
    """What a run of ``ingest`` did and what the database now holds, on one screen."""
    w = w or wording()
    run = Text("This run: ")
    run.append(str(stored), style=HEADING)
    run.append(" stored, ")
    run.append(str(present), style=HEADING)
    run.append(" already present, ")
    run.append(str(failed), style="bold red" if failed else HEADING)
    run.append(" failed")
    db = Text(f"In {where}: ")
    db.append(str(s.documents), style=HEADING)
    db.append(f" document{'' if s.documents == 1 else 's'}")

    def table(title: str, rows: list[tuple[str, int]], first: str, second: str) -> Table:
        t = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", min_width=22, show_edge=False)
        t.add_column(first)
        t.add_column(second, justify="right")
        for name, n in rows:
            _row(t, name, n)
        if not rows:
            _row(t, "none", "")
        return t

    grid = Table.grid(padding=(0, 3))
    grid.add_row(
        table(f"Events ({s.events})", [(w.label("event_type", k), n) for k, n in s.events_by_type.items()],
              "type", "events"),
        table("Countries", [(w.country(k), n) for k, n in s.countries.items()], "country", "events"),
        table("Other facts", [("figures", s.figures), ("persons", s.persons), ("relation levels", s.relations),
                              ("commitments", s.commitments)], "kind", "count"),
    )
    return [run, db, grid]
