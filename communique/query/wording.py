"""How the record is worded for people: the codes of the record turned into an analyst's words.

In: values of the record (ISO codes, role and level codes, ISO dates, amounts with their unit,
sentences). Out: short strings ("Vietnam (VNM)", "comprehensive strategic partnership",
"11–12 December 2023", "15.1 billion USD", a sentence cut at a word with "…"). The CLI reports and
the web pages use the same wording; the words live in ``lang/<code>/labels.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import LexiconError
from ..resolve.countries import country_name

_LANG_DIR = Path(__file__).resolve().parents[1] / "lang"
_ISO_DATE = re.compile(r"^(?P<y>\d{4}|-)-?(?P<m>\d{2})?(?:-(?P<d>\d{2}))?$")


@lru_cache(maxsize=None)
def _labels(lang: str) -> dict[str, Any]:
    path = _LANG_DIR / lang / "labels.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise LexiconError(f"cannot read the report labels {path}: {e}") from e
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping of label groups")
    return data


class Wording:
    """The words of one language for every code a report shows (``lang/<lang>/labels.yaml``)."""

    def __init__(self, lang: str = "en"):
        self.lang = lang
        self.labels = _labels(lang)
        self.months: list[str] = list(self.labels.get("months") or [])
        self.scale: list[tuple[float, str]] = [(float(n), w) for n, w in self.labels.get("scale") or []]

    # ------------------------------------------------------------------ codes
    def label(self, group: str, code: str | None) -> str:
        """The words for ``code`` in a label group ("level", "role", ...); unknown codes lose their
        underscores rather than show as internals."""
        if not code:
            return ""
        found = (self.labels.get(group) or {}).get(code)
        return found if found is not None else str(code).replace("_", " ")

    def country(self, code: str | None) -> str:
        """"Vietnam (VNM)": the name and the code, so both the reader and a later query can use it."""
        if not code:
            return "country unknown"
        name = country_name(code, self.lang)
        return code if name == code else f"{name} ({code})"

    def pair(self, codes: list[str] | tuple[str, ...] | None, sep: str = " – ") -> str:
        return sep.join(self.country(c) for c in codes or []) or "countries unknown"

    def event_type(self, event: dict) -> str:
        """"state visit", "relations established", "upgrade", "meeting" ..."""
        typ = event.get("type")
        if typ == "upgrade" and event.get("level") == "diplomatic_relations":
            return self.labels.get("establishment") or "relations established"
        if typ == "visit":
            return self.label("visit_kind", event.get("visit_kind") or "unspecified")
        return self.label("event_type", typ)

    # ------------------------------------------------------------------ dates
    def date(self, value: str | None) -> str:
        """"2023-04-14" → "14 April 2023", "2023-04" → "April 2023", "--12-11" → "11 December (year not
        stated)", nothing → "date unknown"."""
        if not value:
            return "date unknown"
        m = _ISO_DATE.match(value.strip())
        if not m:
            return value
        y, mo, d = m.group("y"), m.group("m"), m.group("d")
        year = "" if y == "-" else y
        month = self.months[int(mo) - 1] if mo and 1 <= int(mo) <= 12 and self.months else mo
        parts = [str(int(d))] if d else []
        if month:
            parts.append(month)
        if year:
            parts.append(year)
        text = " ".join(parts)
        return text + (" (year not stated)" if not year else "")

    def month(self, value: str | None) -> str:
        """"2018-07-27" → "Jul 2018": the month a thing was seen, short, for crowded columns."""
        m = _ISO_DATE.match(value or "")
        if not m or not m.group("m"):
            return self.date(value)
        short = self.labels.get("months_short") or [x[:3] for x in self.months]
        name = short[int(m.group("m")) - 1] if 1 <= int(m.group("m")) <= 12 else m.group("m")
        return f"{name} {m.group('y')}" if m.group("y") != "-" else name

    def date_range(self, start: str | None, end: str | None) -> str:
        """"11–12 December 2023", "30 March – 2 April 2022", or one date when there is no end."""
        if not end or end == start:
            return self.date(start)
        if not start:
            return "until " + self.date(end)
        a, b = _ISO_DATE.match(start), _ISO_DATE.match(end)
        if a and b and a.group("d") and b.group("d") and a.group("y") == b.group("y"):
            if a.group("m") == b.group("m"):
                return f"{int(a.group('d'))}–{self.date(end)}"
            first = self.date(start)
            if a.group("y") != "-":
                first = first[: -len(a.group("y"))].rstrip()
            else:
                first = first.replace(" (year not stated)", "")
            return f"{first} – {self.date(end)}"
        return f"{self.date(start)} – {self.date(end)}"

    # ------------------------------------------------------------------ numbers
    def amount(self, value: Any, unit: str | None = None) -> str:
        """"15.1 billion USD", "850 million USD", "520,000": a figure as a briefing writes it."""
        if value is None:
            return "amount unknown"
        try:
            v = float(value)
        except (TypeError, ValueError):
            return str(value)
        words = ""
        for size, word in self.scale:
            if abs(v) >= size:
                v, words = v / size, word
                break
        number = f"{v:,.2f}".rstrip("0").rstrip(".")
        return " ".join(x for x in (number, words, unit or "") if x)

    def percent(self, value: Any) -> str:
        if value is None:
            return ""
        return f"{float(value):+g} %"

    # ------------------------------------------------------------------ text
    @staticmethod
    def tidy(text: str | None) -> str:
        """One line of text with the spacing of the language: no space before a comma or a full
        stop, none around a hyphen inside a word ("germano - polonais" → "germano-polonais")."""
        t = re.sub(r"\s+", " ", text or "").strip()
        t = re.sub(r"(?<=\w) - (?=\w)", "-", t)
        t = re.sub(r" ([,.)])", r"\1", t)
        t = re.sub(r"\( ", "(", t)
        t = re.sub(r"(?<=\w)' (?=\w)", "'", t)
        return t

    @classmethod
    def shorten(cls, text: str | None, limit: int) -> str:
        """``text`` tidied and cut at the last word that fits, with "…" when something was cut."""
        t = cls.tidy(text)
        if len(t) <= limit:
            return t
        cut = t[: max(1, limit - 1)]
        if " " in cut and not t[len(cut)].isspace():
            cut = cut[: cut.rfind(" ")]
        return cut.rstrip(" ,;:–-") + "…"

    @staticmethod
    def sources(sources: list[dict] | None, limit: int = 3) -> str:
        """The documents of a fact's sources, each once: "doc-a, doc-b and 2 more"."""
        docs: list[str] = []
        for s in sources or []:
            d = s.get("doc") if isinstance(s, dict) else getattr(s, "doc", None)
            if d and d not in docs:
                docs.append(d)
        if not docs:
            return "no source"
        shown = ", ".join(docs[:limit])
        return shown + (f" and {len(docs) - limit} more" if len(docs) > limit else "")


@lru_cache(maxsize=None)
def wording(lang: str = "en") -> Wording:
    """The process-wide ``Wording`` of a language (its labels are read once)."""
    return Wording(lang)
