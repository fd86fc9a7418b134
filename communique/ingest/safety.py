"""Make every input string safe for the later stages, or say why a text is no article.

What comes in: a decoded text (the body of an article, or a short field: id, title, URL).

What goes out:

- ``make_safe(text)``: the text with the characters that break or mislead later stages cleaned
  away, and a count of what was cleaned (``Cleaned``). It runs before the ``Document`` is built,
  so the cleaned text *is* the document text every offset of every later stage refers to.

  - lone surrogates (``"\\ud800"`` in a JSON string, ``ED A0 80`` in a file), which spaCy, SQLite,
    PostgreSQL and every UTF-8 writer refuse: each becomes U+FFFD (a surrogate *pair* becomes the
    one character it encodes);
  - control characters: NUL, the other C0 controls, DEL and the C1 controls each become a space
    (PostgreSQL refuses NUL; the others are noise from a bad conversion), except tab, line feed,
    carriage return and form feed, which stay, and the controls that Python and spaCy read as
    line breaks (VT, FS, GS, RS, NEL), which become a line feed;
  - bidirectional formatting characters (embeddings and overrides U+202A–U+202E, isolates
    U+2066–U+2069, and the marks U+200E, U+200F, U+061C): dropped. French text needs none of them,
    and inside a word they hide it from the gazetteer ("Vi\\u202eetnam").

- ``same_length_safe(text)``: for a text that did not come through ingest (a ``Document`` built by
  hand): lone surrogates and control characters replaced one for one, so that offsets into the
  text stay valid; ``clean.segment`` applies it.

- ``refusal(text)``: why a (made safe) text cannot be read as an article, or ``None``:

  - more than ``MAX_CONTROL_SHARE`` of its characters (and more than 16) were control characters:
    binary data;
  - a paragraph longer than ``MAX_PARAGRAPH_CHARS`` characters without a line break (a minified
    dump, a concatenation; the extractors are slow on sentences that never end);
  - more than ``MAX_NUMBERS_PER_WORD`` numbers per word (and more than 100): a table or a list of
    numbers, not prose.

Everything here is linear in the length of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "MAX_CONTROL_SHARE",
    "MAX_NUMBERS_PER_WORD",
    "MAX_PARAGRAPH_CHARS",
    "Cleaned",
    "make_safe",
    "refusal",
    "safe_field",
    "same_length_safe",
]

#: a text of which more than this share were control characters is binary data, not text
MAX_CONTROL_SHARE = 0.05
#: ... when they are more than this many (a short text with one stray NUL is cleaned, not refused)
_MIN_CONTROLS = 16
#: no article has a paragraph this long without a line break
MAX_PARAGRAPH_CHARS = 100_000
#: a text with more numbers than this per word is a table or a list of numbers ...
MAX_NUMBERS_PER_WORD = 2.0
#: ... when they are more than this many
_MIN_NUMBERS = 100

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
#: controls read as line breaks by str.splitlines (and so by clean): kept as line breaks
_LINE_BREAK_CONTROLS = "\x0b\x1c\x1d\x1e\x85"
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BIDI_RE = re.compile(f"[{_BIDI}]")
_UNSAFE_RE = re.compile(f"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")

_WORD_RE = re.compile(r"[^\W\d_]+")
_NUMBER_RE = re.compile(r"\d+")


@dataclass
class Cleaned:
    """What ``make_safe`` changed: characters replaced or dropped, by kind."""

    surrogates: int = 0
    controls: int = 0
    bidi: int = 0

    def __bool__(self) -> bool:
        return bool(self.surrogates or self.controls or self.bidi)

    def describe(self) -> str:
        """'2 lone surrogates replaced by U+FFFD, 1 control character replaced by a space'."""
        parts = []
        if self.surrogates:
            parts.append(f"{_n(self.surrogates, 'lone surrogate')} replaced by U+FFFD")
        if self.controls:
            parts.append(f"{_n(self.controls, 'control character')} replaced by a space or a line break")
        if self.bidi:
            parts.append(f"{_n(self.bidi, 'bidirectional formatting character')} dropped")
        return ", ".join(parts)


def _n(count: int, what: str) -> str:
    return f"{count} {what}" if count == 1 else f"{count} {what}s"


def _control(m: re.Match[str]) -> str:
    return "\n" if m.group() in _LINE_BREAK_CONTROLS else " "


def make_safe(text: str) -> tuple[str, Cleaned]:
    """The text made safe for every later stage (see the module docstring), and what was cleaned."""
    cleaned = Cleaned()
    if _UNSAFE_RE.search(text) is None:  # the usual case: nothing to do, no copy
        return text, cleaned
    if _SURROGATE_RE.search(text):
        replacements = text.count("\ufffd")
        # UTF-16 joins each high-low pair into its character and replaces each lone one by U+FFFD
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        cleaned.surrogates = text.count("\ufffd") - replacements
    text, cleaned.controls = _CONTROL_RE.subn(_control, text)
    text, cleaned.bidi = _BIDI_RE.subn("", text)
    return text, cleaned


def same_length_safe(text: str) -> str:
    """Lone surrogates (each code point) replaced by U+FFFD and control characters by a space or a line
    break, one for one: the same length, so every offset into ``text`` still holds. Bidirectional
    formatting characters are kept (they break nothing, and dropping them would move offsets).
    Returns ``text`` itself when there is nothing to replace."""
    if _SURROGATE_RE.search(text) is None and _CONTROL_RE.search(text) is None:
        return text
    return _CONTROL_RE.sub(_control, _SURROGATE_RE.sub("\ufffd", text))


def safe_field(value: str | None) -> str | None:
    """A short field (id, title, URL) made safe the same way."""
    if value is None:
        return None
    return make_safe(value)[0]


def refusal(text: str, cleaned: Cleaned | None = None) -> str | None:
    """Why ``text`` (already made safe) is no article text, or ``None`` when it may be read.

    ``cleaned`` is what ``make_safe`` reported for it (its control characters are counted).
    """
    if cleaned is not None and cleaned.controls > max(_MIN_CONTROLS, len(text) * MAX_CONTROL_SHARE):
        return f"binary data in the text ({_n(cleaned.controls, 'control character')})"
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > MAX_PARAGRAPH_CHARS:
        return (f"paragraph too long for an article ({longest:,} characters without a line break, "
                f"over the {MAX_PARAGRAPH_CHARS:,} limit)")
    numbers = sum(1 for _ in _NUMBER_RE.finditer(text))
    if numbers > _MIN_NUMBERS:
        words = sum(1 for _ in _WORD_RE.finditer(text))
        if numbers > MAX_NUMBERS_PER_WORD * max(words, 1):
            return f"mostly numbers, not article text ({numbers:,} numbers for {words:,} words)"
    return None
