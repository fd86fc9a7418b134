"""Charts drawn on the server as SVG: no script, no library to fetch, every mark a link to its source.

In: the views of ``query`` (a dyad's level history, events, figures and targets; the network of a
period). Out: SVG markup, every piece of record text escaped. Each mark (a ``circle`` or ``rect``
with class ``point``) links to the page of its event or to the sentence it was read from.
"""
from __future__ import annotations

import math
import re
from html import escape
from urllib.parse import quote

from ..query.views import LEVELS
from ..query.wording import Wording, wording

TYPE_ROWS = ("visit", "meeting", "call", "agreement", "upgrade")
LEVEL_COLOURS = {None: "#9aa5b1", "diplomatic_relations": "#7b8794", "comprehensive_partnership": "#3e7cb1",
                 "strategic_partnership": "#e07a1f", "comprehensive_strategic_partnership": "#c2185b"}
VERDICT_COLOURS = {"met": "#2e7d32", "missed": "#c62828", "pending": "#6d6d6d", "unknown": "#9e9e9e"}


def _year_frac(date: str | None) -> float | None:
    """"2023-04-14" → 2023.28; "2023" → 2023.5 (mid-year); yearless or missing → None."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date or "")
    if not m:
        return None
    year = int(m.group(1))
    if not m.group(2):
        return year + 0.5
    month = int(m.group(2))
    day = int(m.group(3) or 15)
    return year + (month - 1) / 12 + (day - 1) / 365


def _source_link(sources: list[dict] | None) -> str:
    s = (sources or [{}])[0]
    if not s.get("doc"):
        return "#"
    return f"/documents/{quote(s['doc'], safe='')}?s={int(s.get('start') or 0)}-{int(s.get('end') or 0)}"


class _Axis:
    def __init__(self, lo: float, hi: float, left: float, right: float):
        if hi - lo < 1:
            lo, hi = lo - 0.5, hi + 0.5
        self.lo, self.hi, self.left, self.right = lo, hi, left, right

    def __call__(self, v: float) -> float:
        return self.left + (v - self.lo) / (self.hi - self.lo) * (self.right - self.left)

    def ticks(self, most: int = 8) -> list[int]:
        span = self.hi - self.lo
        step = max(1, math.ceil(span / most))
        first = math.ceil(self.lo)
        return list(range(first, math.floor(self.hi) + 1, step))


def _frame(width: int, height: int, label: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
            f'width="100%" role="img" aria-label="{escape(label)}">' + "".join(body) + "</svg>")


def _year_axis(x: _Axis, y: float, top: float) -> list[str]:
    out = [f'<line class="axis" x1="{x.left:.1f}" y1="{y:.1f}" x2="{x.right:.1f}" y2="{y:.1f}"/>']
    for t in x.ticks():
        out.append(f'<line class="grid" x1="{x(t):.1f}" y1="{top:.1f}" x2="{x(t):.1f}" y2="{y:.1f}"/>'
                   f'<text class="tick" x="{x(t):.1f}" y="{y + 14:.1f}" text-anchor="middle">{t}</text>')
    return out


def levels_chart(history: list[dict], w: Wording | None = None, width: int = 720, height: int = 190) -> str:
    """The level of a relationship over time as a step line; a point per dated step, linked to its
    sentence. Levels stated without a date are listed beside the chart, not drawn."""
    w = w or wording()
    dated = sorted((h for h in history if _year_frac(h.get("date")) is not None and h.get("level") in LEVELS),
                   key=lambda h: _year_frac(h["date"]))
    if not dated:
        return ""
    xs = [_year_frac(h["date"]) for h in dated]
    x = _Axis(min(xs) - 1, max(max(xs), _this_year()) + 1, 240, width - 20)
    ys = {lvl: 20 + (len(LEVELS) - 1 - i) * (height - 60) / (len(LEVELS) - 1) for i, lvl in enumerate(LEVELS)}
    body = _year_axis(x, height - 25, 10)
    for lvl, yy in ys.items():
        body.append(f'<text class="label" x="232" y="{yy + 4:.1f}" text-anchor="end">{escape(w.label("level", lvl))}</text>')
    path, best = [], -1
    for h, xv in zip(dated, xs):
        best = max(best, LEVELS.index(h["level"]))
        yy = ys[LEVELS[best]]
        path.append(f"M{x(xv):.1f} {yy:.1f}" if not path else f"H{x(xv):.1f} V{yy:.1f}")
    path.append(f"H{x.right:.1f}")
    body.append(f'<path class="step" d="{" ".join(path)}"/>')
    best = -1
    for h, xv in zip(dated, xs):
        best = max(best, LEVELS.index(h["level"]))
        title = f'{w.date(h["date"])}: {w.label("level", h["level"])}'
        body.append(f'<a href="{escape(_source_link(h.get("sources")))}"><circle class="point level" '
                    f'cx="{x(xv):.1f}" cy="{ys[LEVELS[best]]:.1f}" r="6" fill="{LEVEL_COLOURS[h["level"]]}">'
                    f'<title>{escape(title)}</title></circle></a>')
    return _frame(width, height, "level of the relationship over time", body)


def _this_year() -> int:
    import datetime

    return datetime.date.today().year


def timeline_chart(events: list[dict], w: Wording | None = None, width: int = 720, height: int = 170) -> str:
    """Visits, meetings, calls, agreements and upgrades as dots on a time axis, a row per type; each dot
    opens its event."""
    w = w or wording()
    dated = [(e, _year_frac(e.get("date_start"))) for e in events]
    dated = [(e, xv) for e, xv in dated if xv is not None and e.get("type") in TYPE_ROWS]
    if not dated:
        return ""
    xs = [xv for _, xv in dated]
    x = _Axis(min(xs) - 0.5, max(xs) + 0.5, 90, width - 20)
    row = {t: 18 + i * (height - 50) / (len(TYPE_ROWS) - 1) for i, t in enumerate(TYPE_ROWS)}
    body = _year_axis(x, height - 22, 8)
    for t, yy in row.items():
        body.append(f'<text class="label" x="82" y="{yy + 4:.1f}" text-anchor="end">{escape(w.label("event_type", t))}</text>')
    for e, xv in dated:
        title = f'{w.date_range(e.get("date_start"), e.get("date_end"))}: {w.event_type(e)}'
        names = ", ".join(p.get("name", "") for p in e.get("participants") or [])
        if names:
            title += f" ({names})"
        href = f"/events/{quote(e['id'], safe='')}" if e.get("id") else _source_link(e.get("sources"))
        body.append(f'<a href="{escape(href)}"><circle class="point event type-{escape(e["type"])}" '
                    f'data-type="{escape(e["type"])}" cx="{x(xv):.1f}" cy="{row[e["type"]]:.1f}" r="5">'
                    f'<title>{escape(title)}</title></circle></a>')
    return _frame(width, height, "contacts over time", body)


def trade_chart(figures: list[dict], targets: list, w: Wording | None = None, width: int = 720,
                height: int = 230) -> str:
    """Trade by year (points joined by a line, one currency: the most used) and the targets drawn
    against it (a diamond at the target year, coloured met / missed / pending)."""
    w = w or wording()
    trade = [f for f in figures if f.get("metric") == "trade_volume" and f.get("value") and _year_frac(f.get("period"))]
    units = [f.get("unit") for f in trade]
    unit = max(set(units), key=units.count) if units else None
    trade = sorted((f for f in trade if f.get("unit") == unit), key=lambda f: _year_frac(f["period"]))
    goals = [t for t in targets if t.target.get("target_year") and t.target.get("value")
             and (unit is None or t.target.get("unit") == unit)]
    if not trade and not goals:
        return ""
    xs = [_year_frac(f["period"]) for f in trade] + [t.target["target_year"] + 0.5 for t in goals]
    vs = [float(f["value"]) for f in trade] + [float(t.target["value"]) for t in goals]
    x = _Axis(min(xs) - 0.5, max(xs) + 0.5, 110, width - 20)
    top = max(vs) * 1.1 or 1
    y = lambda v: (height - 30) - v / top * (height - 50)  # noqa: E731
    body = _year_axis(x, height - 30, 10)
    for frac in (0.5, 1.0):
        v = top * frac / 1.1
        body.append(f'<text class="tick" x="104" y="{y(v) + 4:.1f}" text-anchor="end">{escape(w.amount(v, unit))}</text>')
    if len(trade) > 1:
        pts = " ".join(f"{x(_year_frac(f['period'])):.1f},{y(float(f['value'])):.1f}" for f in trade)
        body.append(f'<polyline class="trade" points="{pts}"/>')
    for f in trade:
        title = f"{w.label('metric', 'trade_volume')} {w.date(f['period'])}: {w.amount(f['value'], f.get('unit'))}"
        body.append(f'<a href="{escape(_source_link(f.get("sources")))}"><circle class="point trade" '
                    f'cx="{x(_year_frac(f["period"])):.1f}" cy="{y(float(f["value"])):.1f}" r="5">'
                    f'<title>{escape(title)}</title></circle></a>')
    for t in goals:
        cx, cy = x(t.target["target_year"] + 0.5), y(float(t.target["value"]))
        title = (f"target {w.amount(t.target['value'], t.target.get('unit'))} by {t.target['target_year']}: "
                 f"{w.label('verdict', t.verdict)}")
        body.append(f'<a href="{escape(_source_link(t.target.get("sources")))}"><rect class="point target '
                    f'verdict-{escape(t.verdict)}" x="{cx - 6:.1f}" y="{cy - 6:.1f}" width="12" height="12" '
                    f'transform="rotate(45 {cx:.1f} {cy:.1f})" fill="{VERDICT_COLOURS.get(t.verdict, "#999")}">'
                    f'<title>{escape(title)}</title></rect></a>')
    return _frame(width, height, "trade by year and targets", body)


def network_chart(net, w: Wording | None = None, size: int = 640) -> str:
    """Countries on a circle, most active first; an edge per pair with contacts, its width the number
    of contacts and its colour the level of the relationship. Each country links to its page."""
    w = w or wording()
    if not net.nodes:
        return ""
    n = len(net.nodes)
    cx = cy = size / 2
    r = size / 2 - 60
    pos = {}
    for i, node in enumerate(net.nodes):
        a = 2 * math.pi * i / n - math.pi / 2
        pos[node["code"]] = (cx + r * math.cos(a), cy + r * math.sin(a), a)
    most = max((e["contacts"] for e in net.edges), default=1)
    body = []
    for e in net.edges:
        (x1, y1, _), (x2, y2, _) = pos[e["a"]], pos[e["b"]]
        stroke = 1 + 5 * e["contacts"] / most
        title = (f'{w.country(e["a"])} – {w.country(e["b"])}: {e["contacts"]} contact{"s" * (e["contacts"] != 1)}'
                 + (f', {w.label("level", e["level"])}' if e.get("level") else ""))
        body.append(f'<a href="/dyads/{quote(e["a"])}/{quote(e["b"])}"><line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" '
                    f'x2="{x2:.1f}" y2="{y2:.1f}" stroke="{LEVEL_COLOURS.get(e.get("level"), "#9aa5b1")}" '
                    f'stroke-width="{stroke:.1f}"><title>{escape(title)}</title></line></a>')
    for node in net.nodes:
        x, y, a = pos[node["code"]]
        lx, ly = x + 18 * math.cos(a), y + 18 * math.sin(a)
        anchor = "start" if math.cos(a) > 0.2 else "end" if math.cos(a) < -0.2 else "middle"
        body.append(f'<a href="/countries/{quote(node["code"])}"><circle class="point node" cx="{x:.1f}" cy="{y:.1f}" '
                    f'r="{4 + min(10, node["contacts"] ** 0.5):.1f}"><title>{escape(w.country(node["code"]))}: '
                    f'{node["contacts"]} contacts</title></circle>'
                    f'<text class="label" x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}">{escape(node["code"])}</text></a>')
    return _frame(size, size, "network of countries", body)
