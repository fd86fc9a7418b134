"""The words of page furniture, per language, as the line patterns of the cleaner.

What comes in: a language code; its phrases from ``lang/<code>/furniture.yaml`` (related-content
markers, share and print buttons, tag labels, publication stamps, bylines, source labels, caption
words, breadcrumb heads), written in a small markup that keeps them readable (see the YAML file).

What goes out: a ``Furniture`` of compiled regular expressions. Teaser markers come from the page's
own language only (a marker cuts every line after it, so a phrase of another language that heads a
part of the article would lose text); every other pattern holds the phrases of every language, since
sites mix them (a French page with English share buttons). What is not a word of a language (social
networks, agencies, URLs, arrows, dates) stays in ``communique.clean``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from communique.errors import LexiconError
from communique.lang import DATA_DIR, fold_char, language_file

__all__ = ["BULLET", "Furniture", "furniture_for", "phrase_pattern", "read_furniture"]

#: a list bullet that may open a line of furniture ("- 6 mars", "• 4 min read", "| 05/06/2024")
BULLET = r"(?:[-–—•·|]\s*)?"

FILE_NAME = "furniture.yaml"
KEYS = ("teaser_markers", "alone", "openers", "tag_labels", "publication_cues", "publication_links",
        "byline_words", "correspondents", "source_labels", "signoff_words", "caption_labels",
        "caption_phrases", "caption_brackets", "caption_marks", "home_crumbs", "share_targets")


def phrase_pattern(phrase: str) -> str:
    """A regular expression (no groups that capture) for one phrase of the markup: a space is any
    whitespace, an apostrophe ' or ’, a hyphen a hyphen, a space or nothing, an accented letter also its
    plain form; "(a|b)" a choice, "(x)" optional, "(a|b|)" an optional choice."""
    out, _ = _parse(phrase, 0, phrase)
    return out


def _parse(phrase: str, pos: int, whole: str) -> tuple[str, int]:
    branches: list[str] = []
    current: list[str] = []
    while pos < len(phrase):
        c = phrase[pos]
        if c == "(":
            inner, pos = _parse(phrase, pos + 1, whole)
            if pos >= len(phrase) or phrase[pos] != ")":
                raise LexiconError(f"unclosed '(' in the furniture phrase {whole!r}", "close every bracket")
            alternatives = inner.split("\x00")
            optional = len(alternatives) == 1 or "" in alternatives
            body = "|".join(a for a in alternatives if a)
            current.append(f"(?:{body})" + ("?" if optional else ""))
            pos += 1
            continue
        if c == ")":
            break
        if c == "|":
            branches.append("".join(current))
            current = []
        elif c == " ":
            current.append(r"\s+" if not current or current[-1] != r"\s+" else "")
        elif c in "'’":
            current.append("['’]")
        elif c == "-":
            current.append(r"[-\s]?")
        else:
            plain = fold_char(c)
            current.append(f"[{re.escape(c.lower())}{re.escape(plain)}]" if plain != c.lower() else re.escape(c))
        pos += 1
    branches.append("".join(current))
    return "\x00".join(branches), pos


def _union(phrases: list[str]) -> str:
    # longest first, so that "imprimer l'article" wins over "imprimer" where both could match
    return "(?:" + "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p))) + ")"


@lru_cache(maxsize=None)
def _words(lang: str) -> dict[str, list[str]]:
    path = DATA_DIR / lang / FILE_NAME
    return read_furniture(path) if path.exists() else {k: [] for k in KEYS}


def read_furniture(path: Path) -> dict[str, list[str]]:
    """The phrases of one ``furniture.yaml``, by key; ``LexiconError`` naming the file for a key that is
    not known, a value that is not a list of phrases, or a phrase whose brackets do not close."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML ({exc})", "fix the file") from exc
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise LexiconError(f"{path}: unknown keys {', '.join(unknown)}", "known keys: " + ", ".join(KEYS))
    words = {}
    for k in KEYS:
        values = data.get(k) or []
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise LexiconError(f"{path}: {k} must be a list of phrases (quote words YAML reads otherwise, "
                               "such as no, on, yes)", "fix the file")
        words[k] = [v.strip() for v in values]
        for v in words[k]:
            try:
                re.compile(phrase_pattern(v))
            except (LexiconError, re.error) as exc:
                raise LexiconError(f"{path}: {k}: the phrase {v!r} cannot be read ({exc})", "fix the phrase") from exc
    return words


def _day_stamp(langs: tuple[str, ...]) -> re.Pattern:
    """A line made of a day and a month of any of ``langs`` (their ``months.yaml``), a bullet and a weekday before
    them maybe: never a sentence of the article."""
    names: set[str] = set()
    for code in langs:
        data = language_file(code, "months.yaml")
        for key in ("months", "abbreviations"):
            names.update(str(k) for k in (data.get(key) or {}))
    if not names:
        return re.compile(r"(?!x)x")
    month = "(?:" + "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))) + r")\.?"
    return re.compile(rf"{BULLET}(?:[^\W\d_]+,?\s+)?(?:\d{{1,2}}(?:er|st|nd|rd|th)?\s+{month}|{month}\s+\d{{1,2}})",
                      re.I)


def _languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in DATA_DIR.iterdir() if (p / FILE_NAME).exists()))


@dataclass(frozen=True)
class Furniture:
    """The compiled line patterns of page furniture for pages in one language."""

    lang: str
    #: a related-content marker alone on its line: every following line is a teaser
    teaser_marker: re.Pattern
    #: "Lire aussi : <title of another article>" on one line: that line only is a teaser
    teaser_inline: re.Pattern
    #: a whole line of furniture words: buttons, counters, tags, "follow us …", copyright
    boilerplate: re.Pattern
    #: a publication stamp: "Publié le 24/11/2016 à 21h05", "Updated on March 3, 2024"
    published: re.Pattern
    #: a date alone on its line, without its year ("- 6 mars", "March 6", "lundi 6 mars"): a page's date stamp
    day_stamp: re.Pattern
    #: a publication cue before a date in a page's head (searched, not matched whole)
    publication_cue: re.Pattern
    #: a byline: "Par Jeanne Exemple", "De notre envoyée spéciale, …"
    byline: re.Pattern
    #: "Source :" opening a line
    source: re.Pattern
    #: what goes before an agency in a sign-off ("selon", "according to")
    signoff_words: str
    #: words of photo captions
    caption: re.Pattern
    #: the home item opening a breadcrumb trail
    home: re.Pattern
    #: share buttons named by words ("courriel", "copy link"), as a pattern to join with the networks' names
    share_targets: str


@lru_cache(maxsize=None)
def furniture_for(lang: str | None) -> Furniture:
    """The furniture patterns for pages written in ``lang`` (teaser markers of that language, the rest of
    every language with a ``furniture.yaml``)."""
    langs = _languages()
    own = _words(lang or "fr")
    every = {k: [p for code in langs for p in _words(code)[k]] for k in KEYS}
    teasers = _union(own["teaser_markers"]) if own["teaser_markers"] else r"(?!x)x"
    alone, openers = _union(every["alone"]), _union(every["openers"])
    tags = _union(every["tag_labels"])
    # (a bullet may open the line: "- 2 min de lecture" in a page's list of metadata)
    boilerplate = (rf"{BULLET}(?:\d+\s+)?{alone}\s*(?:\(\d+\))?\s*:?\W{{0,5}}"
                   rf"|{openers}\b.{{0,100}}|{tags}\s*:.{{0,300}}|(?:©|copyright|\(c\)).{{0,150}}")
    cues, links = _union(every["publication_cues"]), _union(every["publication_links"])
    byline = (rf"{_union(every['byline_words'])}\s+[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:de\s+|d['’])?[A-ZÀ-Ý][\w'’.-]*){{0,4}}"
              rf"|\W{{0,4}}{_union(every['correspondents'])}\b.{{0,90}}")
    labels = _union(every["caption_labels"])
    caption = (rf"\b{labels}\s*(?::|[-–—/]\s)|\b{_union(every['caption_phrases'])}\b"
               rf"|[(|]\s*{_union(every['caption_marks'])}\b|\(\s*{_union(every['caption_brackets'])}\s*\)")
    return Furniture(
        lang=lang or "fr",
        teaser_marker=re.compile(rf"{teasers}\s*[:»>.…→]*", re.I),
        teaser_inline=re.compile(rf"{teasers}\s*[:|»>→-]", re.I),
        boilerplate=re.compile(boilerplate, re.I),
        published=re.compile(rf"{cues}\s*(?:{links}|:)?\s*[\w/.,:|'’-]{{1,14}}(?:\s+[\w/.,:|'’-]{{1,14}}){{0,7}}", re.I),
        day_stamp=_day_stamp(langs),
        publication_cue=re.compile(rf"{cues}\s*(?:{links}|:)?\s*", re.I),
        byline=re.compile(byline, re.I),
        source=re.compile(rf"\(?\s*{_union(every['source_labels'])}\s*:", re.I),
        signoff_words=_union(every["signoff_words"]),
        caption=re.compile(caption, re.I),
        home=re.compile(rf"{_union(every['home_crumbs'])}\b", re.I),
        share_targets=_union(every["share_targets"]),
    )
