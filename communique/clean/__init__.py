"""Stage 2, clean: tell the article body from everything else on the page.

What comes in: a ``Document`` from ingest, its ``text`` the decoded original text made safe (a
``Document`` built by hand gets its lone surrogates and control characters replaced one for one).

What goes out: the same ``Document`` with ``segments`` filled: regions ``[start, end)`` of
``doc.text``, each within one line (of a hard-wrapped text, one paragraph: see ``unwrap``), stripped of
surrounding whitespace, with their kind (``records.SegmentKind``):

- ``dateline``: the leading ``date YYYY-MM(-DD)`` token, or an agency dateline such as
  ``Moscou (VNA) -`` at the start of a paragraph;
- ``title``: the first line when it is short and has no final sentence punctuation (after a
  ``date`` token, the rest of that line);
- ``heading``: a short line inside the body without final punctuation (a sub-heading);
- ``caption``: photo captions ("Photo :", "(Photo ...)", "Crédit photo", "ảnh 1" image markers,
  "| Photo", ...), and lines repeating an earlier caption;
- ``source``: "Source : ...", agency sign-offs standing alone ("- VNA", "VNA/VI");
- ``boilerplate``: comment counters, share / print / tag lines, bare URLs, bylines, lines of
  symbols, and related-content marker lines ("Voir plus", "Lire aussi", ...);
- ``teaser``: every line after a related-content marker, and every non-boilerplate line after
  a "Source :" line that follows the body (they belong to other articles); an inline
  "Lire aussi : <title>" line is a teaser on its own;
- ``body``: everything else.

The words of furniture are the language's (``lang/<code>/furniture.yaml``, compiled by
``furniture.py``): related-content markers of the page's own language, the other furniture words of
every language.

Segments longer than ``max_segment_chars`` are cut (after sentence punctuation where possible,
else at whitespace, else hard) so later stages work in bounded time. Everything here is linear
in the length of the text: regular expressions are anchored or bounded, and the long-line
checks look at bounded windows only.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from communique.ingest import DATE_TOKEN_RE
from communique.ingest.language import share as language_share
from communique.ingest.language import supported as supported_languages
from communique.ingest.safety import same_length_safe
from communique.records import Document, Segment, SegmentKind

from .furniture import BULLET, Furniture, furniture_for

__all__ = ["DEFAULT_MAX_SEGMENT_CHARS", "segment", "body_end", "iter_lines", "publication_date", "segment_text"]

DEFAULT_MAX_SEGMENT_CHARS = 4000

#: a title is shorter than this
TITLE_MAX_CHARS = 200
#: a sub-heading is at most this long
HEADING_MAX_CHARS = 150
#: lines longer than this are never captions, markers or boilerplate (they are text)
SHORT_LINE_MAX_CHARS = 400
#: a body line of fewer words is a label, not yet the article's prose
PROSE_MIN_WORDS = 6
#: a line of at least this many words, of two sentences or more, is a paragraph of an article
PARAGRAPH_MIN_WORDS = 40

# whitespace (what str.isspace() accepts) plus zero-width characters and the BOM
_STRIP = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
)

_AGENCIES = (
    r"VNA|AFP|AP|Reuters|Xinhua|TTXVN|CVN|VOV|VNS|VietnamPlus|Sputnik|TASS|RIA|Interfax|dpa|DPA|ANSA|EFE|"
    r"Kyodo|Yonhap|Bernama|Antara|PTI|KUNA|WAM|SPA|APS|MAP|TAP|Anadolu|BelTA|Kazinform|AKIpress|Trend|"
    r"Azertac|APA|KPL|AKP|PNA|Lusa|Prensa Latina|Belga|ATS|Keystone|Notimex|Agerpres|ČTK|CTK|PAP|MTI|BTA|"
    r"ANA-MPA|MENA|IRNA|Jiji|NHK|AAP|CNA|Bloomberg"
)
_AGENCY = rf"(?:{_AGENCIES}|[A-Z]{{2,5}})"

# ----------------------------------------------------------------------------- line patterns

# Words of a language (related-content markers, buttons, bylines, stamps, captions) are in
# lang/<code>/furniture.yaml (``furniture.furniture_for``); what is here is no language's words.

#: share buttons by the networks' names ("Facebook | Twitter | WhatsApp"); the words of a language
#: ("courriel", "copy link") come from its furniture file
_SOCIAL = r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|zalo|messenger|pinterest|reddit|rss)"
#: a calendar date inside a dateline: "17/06/2009", "2009-06-17", "25 janvier 2012", "1er mars 2024"
_NUMERIC_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?!\d)|(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"
                              r"|(?<![\d-])(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)(?!\d)")
_WORDED_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})(?:er)?\s+([^\W\d_]+)\.?,?\s+((?:19|20)\d\d)(?!\d)"
                             r"|(?<![\w])([^\W\d_]+)\s+(\d{1,2}),\s+((?:19|20)\d\d)(?!\d)")
#: a bare time stamp line: "10h12 - 05/06/2024", "05/06/2024 | 10:12", "Mardi 5 juin 2024 - 10h12"
_TIMESTAMP_RE = re.compile(
    BULLET + r"(?:[^\W\d_]+,?\s+)?(?:\d{1,2}\s*[h:]\s*\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+[^\W\d_]+\s+\d{4})"
    r"(?:\s*(?:[-|,•·]|à|a|le)?\s*(?:\d{1,2}\s*[h:]\s*\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+[^\W\d_]+\s+\d{4})){0,2}\s*(?:GMT|UTC|HNE)?(?:[+-]\d{1,2})?",
    re.I,
)
#: a breadcrumb trail: "Accueil >> Monde", "Accueil › Actualités › Asie", "Home / World / Asia"
_CRUMB = r"[^\W\d_][\w'’&.-]*(?:\s+[\w'’&.-]+){0,4}"
_BREADCRUMB_RE = re.compile(rf"{_CRUMB}(?:\s*(?:>>|»|›|>|/|\\|→)\s*{_CRUMB}){{1,7}}\s*(?:>>|»|›|>)?")
#: a list of tags: "#visite #Vietnam #diplomatie"
_HASHTAGS_RE = re.compile(r"(?:#[\w-]+[\s,;|]*){2,}")
#: a line that introduces another article: ">> Le Vietnam et ...", "► À lire", "→ Voir"
_RELATED_ARROW_RE = re.compile(r"(?:>>|»|►|▶|→|⇒|➤|➜)\s*\S")
#: frequent English function words: a line made of them is not the article (a French site's English
#: summary, a quote left untranslated)
_URL_ONLY_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
_NO_WORD_RE = re.compile(r"[\W_]*")
# the name of an image or a file left where a picture was ("Nicolas-Sarkozy-et-Serge2_m", "IMG_2034.jpg"): one
# word with an underscore or a file extension, no space
_FILE_NAME_RE = re.compile(r"[\w.-]*(?:_[\w.-]*|\.(?:jpe?g|png|gif|webp|pdf|docx?))", re.I)

#: an agency sign-off standing alone: "- VNA", "VNA/VI", "(selon VNA)" (the words before the agency
#: are the language's ``signoff_words``)
_SIGNOFF = rf"[-–—]?\s*\(?\s*(?:{{words}}\s+)?{_AGENCY}(?:\s*[/,-]\s*{_AGENCY})*\s*\)?\s*\.?"
#: an agency sign-off ending a paragraph: "... à Moscou. - VNA"
_TRAILING_SIGNOFF_RE = re.compile(rf"(?<=[.!?»\"”…])\s+[-–—]\s*{_AGENCY}(?:\s*/\s*{_AGENCY})*\s*\Z")
#: an agency dateline opening a paragraph: "Moscou (VNA) - ...", "HANOI (Reuters) - ..."
# "Jakarta, 7 septembre (Agence) –": any short capitalised name in the parentheses, since outlets
# name their own service there
_DATELINE_AGENCY = r"(?:[A-Z][\w.&-]{1,14}(?:\s[A-Z][\w.&-]{1,14})?)"
_AGENCY_DATELINE_RE = re.compile(
    rf"[^\W\d_][^()\n.!?]{{0,60}}?\(\s*(?:{_AGENCY}|{_DATELINE_AGENCY})(?:\s*/\s*{_AGENCY})?\s*\)\s*[-–—]"
)
#: a dateline naming its outlet after a comma: "Ankara, Asharq Al-Awsat – ...", "NAIROBI, Daily Nation — ..."
#: (a place of one to three capitalised words, the outlet's of one to four, a dash set off by spaces)
_CAP_WORD = r"[A-ZÀ-Ý][\w'’.&-]*"
#: the sentence after it starting with a capital and no second dash in the line: "Lundi, Emmanuel Macron – en
#: visite au Maroc – a rencontré ..." and "President X, Prime Minister Y – the two leaders ..." are sentences
_COMMA_DATELINE_RE = re.compile(
    rf"{_CAP_WORD}(?:\s{_CAP_WORD}){{0,2}},\s{_CAP_WORD}(?:\s(?:{_CAP_WORD}|de|du|al|el)){{0,3}}\s[-–—]\s"
    r"(?=[A-ZÀ-Ý«\"“])(?![^\n]*\s[-–—]\s)"
)

#: captions by their marks (the words of captions are the language's, in ``Furniture.caption``):
#: "Photo/Reuters", "Photo AFP", VNA's image markers "ảnh 1"
_CAPTION_MARKS_RE = re.compile(
    r"\b(?-i:Photos?\s*/\s*[A-Z])"
    rf"|\b(?-i:[Pp]hotos?\s+(?:{_AGENCIES})\b)"
    r"|\bảnh\s*\d+"
    # a photographer's credit: "REUTERS/Charles Platiau", "AFP/Ludovic Marin", "(Xinhua/Huang Jingwen)"
    rf"|^\(?\s*(?:{_AGENCIES}|REUTERS|GETTY\s+IMAGES|Getty\s+Images|EPA|AFP\s+PHOTO)\s*/\s*[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){{0,3}}\s*\)?$",
    re.I,
)
#: an image marker that separates text before it (title) from the caption after it
_IMAGE_MARKER_RE = re.compile(r"\s*\bảnh\s*\d+\s*")

_FINAL_PUNCT = frozenset(".:;,…")

#: A hard-wrapped text (a wire's or a mailing list's fixed-width lines, a forum's quoted copy) breaks its
#: sentences wherever the width runs out: at least ``WRAP_MIN_CUTS`` lines, and at least ``WRAP_MIN_SHARE``
#: of its lines of ``WRAP_MIN_LINE`` characters or more, end mid-sentence just before the next line, and nine
#: lines in ten are at most ``WRAP_MAX_WIDTH`` wide (a page's paragraphs are wider; its headings are shorter
#: or end the text above a blank line), and some of them go on in small letters (a list of headlines does not).
WRAP_MIN_CUTS = 4
WRAP_MIN_SHARE = 0.4
WRAP_MIN_LINE = 40
WRAP_MAX_WIDTH = 110
#: and at least this share of those cut lines go on with a word in small letters
WRAP_MIN_RUN_ON = 0.25
#: one line break and blanks, between two lines of a paragraph
_ONE_LINE_BREAK_RE = re.compile(r"[^\S\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*\r?\n[^\S\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*")
#: a paragraph of a hard-wrapped text ends at a line ending so
_PARAGRAPH_END = frozenset(".:;…?!")
_CLOSERS = "»\"”’')]"
_SENTENCE_END_RE = re.compile(r"[.!?][»\"”’')\]]*(?=\s|$)")
_BULLETS = frozenset("-–—•·*▪►>+")


# ----------------------------------------------------------------------------- helpers


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Bounds ``(start, end)`` of each non-blank line of ``text[start:end]``, stripped of whitespace."""
    end = len(text) if end is None else end
    pos = start
    for raw in text[start:end].splitlines(keepends=True):
        line_start, line_end = pos, pos + len(raw)
        pos = line_end
        body = raw.strip(_STRIP)
        if body:
            s = line_start + (len(raw) - len(raw.lstrip(_STRIP)))
            yield s, s + len(body)


def _cut_mid_sentence(text: str, line: tuple[int, int], after: tuple[int, int]) -> bool:
    """True when ``line`` is long, ends without a sentence's final mark, and ``after`` is the very next line
    (no blank line between) and does not open a list item or an aside in brackets."""
    start, end = line
    if end - start < WRAP_MIN_LINE or not _ONE_LINE_BREAK_RE.fullmatch(text, end, after[0]):
        return False
    tail = text[start:end].rstrip(_CLOSERS + _STRIP)
    return bool(tail) and tail[-1] not in _PARAGRAPH_END and text[after[0]] not in _BULLETS and text[after[0]] != "("


def unwrap(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines of a hard-wrapped text joined into its paragraphs (the others unchanged).

    A paragraph runs on while its line is cut mid-sentence (``_cut_mid_sentence``); the first line, a
    title, is not run into a next line that opens with a capital. The joined bounds keep their line
    breaks: ``nlp.normalise`` reads them as spaces, one for one, so offsets stay those of the text.
    """
    long = [ln for ln in lines if ln[1] - ln[0] >= WRAP_MIN_LINE]
    cuts = [_cut_mid_sentence(text, lines[k], lines[k + 1]) for k in range(len(lines) - 1)]
    if sum(cuts) < max(WRAP_MIN_CUTS, WRAP_MIN_SHARE * len(long)):
        return lines
    # a sentence cut by the width runs on in a small letter now and then ("a new\nstage"); a list of headlines,
    # each a line of its own, never does
    run_on = sum(1 for k, cut in enumerate(cuts) if cut and text[lines[k + 1][0]].islower())
    if run_on < WRAP_MIN_RUN_ON * sum(cuts):
        return lines
    widths = sorted(e - s for s, e in lines)
    if widths[int(0.9 * (len(widths) - 1))] > WRAP_MAX_WIDTH:
        return lines
    out = [lines[0]]
    for k in range(1, len(lines)):
        opens_upper = text[lines[k][0]].isupper()
        if cuts[k - 1] and not (k == 1 and opens_upper):
            out[-1] = (out[-1][0], lines[k][1])
        else:
            out.append(lines[k])
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to exclude surrounding whitespace."""
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip(_STRIP))
    right = len(piece) - len(piece.rstrip(_STRIP))
    if left >= len(piece):
        return start, start
    return start + left, end - right


def _ends_like_sentence(line: str) -> bool:
    tail = line.rstrip(_CLOSERS + _STRIP)
    if not tail:
        return False
    return tail[-1] in _FINAL_PUNCT


def _reads_as_paragraph(line: str) -> bool:
    return (len(line.split()) >= PARAGRAPH_MIN_WORDS and _ends_like_sentence(line)
            and len(_SENTENCE_END_RE.findall(line)) >= 2)


def _has_letter(line: str) -> bool:
    return any(ch.isalpha() for ch in line[:200])


def _starts_upper(line: str) -> bool:
    for ch in line[:5]:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
        if ch in "«\"“'‘(":
            continue
        return False
    return False


def _titleish(line: str) -> bool:
    return (len(line) < TITLE_MAX_CHARS and _has_letter(line) and not _ends_like_sentence(line)
            and line[0] not in _BULLETS)


_DOMAIN_RE = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.I)


def _site_name_cut(line: str) -> int | None:
    """Where a site's name set after a bar ends a line ("Title | Alog News", "... | www.example.com"): the offset
    of that bar, when the name is a few capitalised words or figures (no clock time) or a domain, after words."""
    k = line.rfind(" | ")
    if k <= 0 or not line[:k].strip():
        return None
    tail = line[k + 3:].strip()
    parts = tail.split()
    if _DOMAIN_RE.fullmatch(tail):
        return k
    if not 1 <= len(parts) <= 6 or ":" in tail or not any(w[0].isupper() and len(w) > 1 for w in parts):
        return None
    if len(parts) >= len(line[:k].split()):
        return None  # "Sochi | Erdogan Meets Putin To Discuss Syria": a headline in title case after a place
    return k if all(w[0].isupper() or w[0].isdigit() or w[0] in "-–(&" for w in parts) else None


def _headingish(line: str) -> bool:
    if len(line) > HEADING_MAX_CHARS or not _has_letter(line) or line[0] in _BULLETS:
        return False
    if _ends_like_sentence(line) or line.rstrip(_CLOSERS)[-1:] in "?!":
        return False
    return _starts_upper(line)


@dataclass(frozen=True)
class _LinePatterns:
    """The line patterns for pages of one language: its furniture words joined with the marks that are
    no language's (networks' names, agencies)."""

    words: Furniture
    share_buttons: re.Pattern
    signoff: re.Pattern


@lru_cache(maxsize=None)
def _line_patterns(lang: str) -> _LinePatterns:
    words = furniture_for(lang)
    button = rf"(?:{_SOCIAL}|{words.share_targets})"
    return _LinePatterns(
        words=words,
        share_buttons=re.compile(rf"{button}(?:[\s|,/·•-]+{button})*", re.I),
        signoff=re.compile(_SIGNOFF.replace("{words}", words.signoff_words)),
    )


def _is_boilerplate(line: str, p: _LinePatterns) -> bool:
    if _URL_ONLY_RE.fullmatch(line) or _NO_WORD_RE.fullmatch(line) or _FILE_NAME_RE.fullmatch(line):
        return True
    if len(line) > SHORT_LINE_MAX_CHARS:
        return False
    return bool(p.words.boilerplate.fullmatch(line) or p.share_buttons.fullmatch(line)
                or p.words.byline.fullmatch(line) or _HASHTAGS_RE.fullmatch(line) or _is_breadcrumb(line, p))


def _is_breadcrumb(line: str, p: _LinePatterns) -> bool:
    """A navigation trail: short items between '>' or '/' marks, starting at the home page, or three
    items and more; never a sentence."""
    if len(line) > 200 or _ends_like_sentence(line) or not _BREADCRUMB_RE.fullmatch(line):
        return False
    marks = len(re.findall(r">>|»|›|>|/|\\|→", line))
    return marks >= 2 or p.words.home.match(line) is not None


def _is_foreign(line: str, lang: str = "fr") -> bool:
    """A line in another language than the article's: mostly non-Latin letters (Chinese, Russian, Arabic),
    many Vietnamese letters, or another language's function words and none of the article's."""
    letters = [c for c in line[:400] if c.isalpha()]
    if len(letters) < 12:
        return False
    non_latin = sum(1 for c in letters if ord(c) > 0x24F and not 0x1E00 <= ord(c) <= 0x1EFF)
    if non_latin > len(letters) / 2:
        return True
    own, n = language_share(line[:400], lang)
    # Vietnamese: its stacked diacritics (ạ ề ơ ư đ) are rare in French names (Tô Lâm has none of them)
    vietnamese = sum(1 for c in letters if 0x1EA0 <= ord(c) <= 0x1EF9 or c in "ơưđƠƯĐăĂ")
    if vietnamese >= 4 and vietnamese > len(letters) / 10 and own == 0:
        return True
    if n < 6 or own > 0:
        return False
    for other in supported_languages():
        if other != lang:
            share, _ = language_share(line[:400], other)
            if share * n >= 2 and share >= 1 / 8:
                return True  # "Read more in English: ..." under a French article, and the other way round
    return False


#: a line this long with a bracketed photo mark inside it is running text with an inline note ("La présidente
#: argentine, X (photo à ...), a signé jeudi ..."), not a caption
INLINE_NOTE_MIN_CHARS = 200


def _is_caption(line: str, p: _LinePatterns) -> bool:
    if len(line) > SHORT_LINE_MAX_CHARS:
        return False
    words = p.words.caption.search(line)
    if words is not None and words.group().lstrip()[:1] in "(|" and words.start() > 0 \
            and len(line) >= INLINE_NOTE_MIN_CHARS and _CAPTION_MARKS_RE.search(line) is None \
            and p.words.caption.search(line, words.end()) is None:
        return False
    return words is not None or _CAPTION_MARKS_RE.search(line) is not None


def _is_source(line: str, p: _LinePatterns) -> bool:
    if p.words.source.match(line):
        return True
    return len(line) <= 40 and p.signoff.fullmatch(line) is not None


def _split_long(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """Cut [start, end) into pieces of at most ``limit`` characters.

    Cuts after sentence punctuation followed by whitespace in the second half of the window,
    else at the last whitespace of the window, else hard. Each step looks at one window and
    moves on by at least a part of it, so the whole is linear.
    """
    limit = max(limit, 2)
    pos = start
    while end - pos > limit:
        window = text[pos:pos + limit]
        cut = -1
        half = limit // 2
        for m in _SENTENCE_CUT_RE.finditer(window, half):
            cut = m.start() + 1 + len(m.group(1))
        if cut <= 0:
            ws = max(window.rfind(" "), window.rfind("\t"), window.rfind("\xa0"))
            cut = ws if ws > 0 else limit
        s, e = _trim(text, pos, pos + cut)
        if e > s:
            yield s, e
        pos += cut
        # skip the whitespace the next piece would start with
        while pos < end and text[pos] in _STRIP:
            pos += 1
    s, e = _trim(text, pos, end)
    if e > s:
        yield s, e


_SENTENCE_CUT_RE = re.compile(r"[.!?…]([»\"”’)\]]{0,3})[ \t\xa0]")


# ----------------------------------------------------------------------------- segmentation


class _Segmenter:
    def __init__(self, doc: Document, max_chars: int):
        self.doc = doc
        self.text = doc.text
        self.max_chars = max_chars
        self.out: list[Segment] = []
        self.title_pending = True
        self.title_text: str | None = None
        self.body_seen = False
        #: a body line that reads as prose (a sentence, not a stray label such as a share button in a
        #: language we do not read): only after one does a "Source :" line close the article
        self.prose_seen = False
        self.in_teaser = False
        self.after_source = False
        self.captions: set[str] = set()
        self.patterns = _line_patterns(doc.lang or "fr")

    def add(self, start: int, end: int, kind: SegmentKind) -> None:
        start, end = _trim(self.text, start, end)
        if end <= start:
            return
        if end - start <= self.max_chars:
            self.out.append(Segment(start, end, kind))
        else:
            self.out.extend(Segment(s, e, kind) for s, e in _split_long(self.text, start, end, self.max_chars))
        if kind == "body":
            self.body_seen = True
            self.title_pending = False
            if len(self.text[start:end].split()) >= PROSE_MIN_WORDS:
                self.prose_seen = True
        elif kind == "heading":
            self.title_pending = False

    def run(self) -> list[Segment]:
        text = self.text
        pos = 0
        m = DATE_TOKEN_RE.match(text)
        if m:
            token = m.group(0)
            self.add(m.end() - len(token.lstrip(_STRIP)), m.end(), "dateline")
            pos = m.end()
        for start, end in unwrap(text, list(iter_lines(text, pos))):
            self.line(start, end)
        return self.out

    def line(self, start: int, end: int) -> None:
        text = self.text
        line = text[start:end]
        # related-content markers and boilerplate hold anywhere
        p = self.patterns
        if len(line) <= SHORT_LINE_MAX_CHARS and p.words.teaser_marker.fullmatch(line):
            self.add(start, end, "boilerplate")
            self.in_teaser = True
            return
        if _is_boilerplate(line, p):
            self.add(start, end, "boilerplate")
            return
        cut = _site_name_cut(line)
        if cut is not None:
            # "King X pays state visit to Turkey | OUTLET English Archive": the page's title, then its site's name
            self.line(start, start + cut)
            self.add(start + cut, end, "boilerplate")
            return
        if len(line) <= SHORT_LINE_MAX_CHARS and _RELATED_ARROW_RE.match(line):
            self.add(start, end, "teaser")  # a link to another article, on its own line
            return
        if _is_foreign(line, self.doc.lang or "fr"):
            self.add(start, end, "boilerplate")
            return
        if self.in_teaser and (self.prose_seen or not _reads_as_paragraph(line)):
            self.add(start, end, "teaser")
            return
        # a related-content list in the page's header, before any prose, ends where the article's first
        # paragraph begins (a teaser is a title or a truncated summary, not paragraphs of sentences)
        self.in_teaser = False
        if len(line) <= 80 and any(ch.isdigit() for ch in line) and (
                p.words.published.fullmatch(line) or _TIMESTAMP_RE.fullmatch(line) or p.words.day_stamp.fullmatch(line)):
            self.add(start, end, "dateline")
            return
        if _is_source(line, p):
            self.add(start, end, "source")
            if self.prose_seen and p.words.source.match(line):
                self.after_source = True
            return
        if self.after_source:
            self.add(start, end, "teaser")
            return
        if len(line) <= SHORT_LINE_MAX_CHARS and p.words.teaser_inline.match(line):
            self.add(start, end, "teaser")
            return
        if line in self.captions:
            self.add(start, end, "caption")
            return
        if _is_caption(line, p):
            self.caption_line(start, end, line)
            return
        if self.title_text is not None and line == self.title_text:
            self.add(start, end, "title")
            return
        if self.title_pending and _titleish(line):
            self.set_title(start, end)
            return
        self.text_line(start, end, line)

    def set_title(self, start: int, end: int) -> None:
        self.add(start, end, "title")
        self.title_pending = False
        if self.title_text is None:
            self.title_text = self.text[start:end]

    def caption_line(self, start: int, end: int, line: str) -> None:
        self.captions.add(line)
        marker = _IMAGE_MARKER_RE.search(line)
        if marker and marker.start() > 0:
            before_end = start + marker.start()
            before = self.text[start:before_end].strip(_STRIP)
            if before and not _is_caption(before, self.patterns):
                if (self.title_text is not None and before == self.title_text) or (
                        self.title_pending and _titleish(before)):
                    if self.title_text is None:
                        self.set_title(start, before_end)
                    else:
                        self.add(start, before_end, "title")
                else:
                    self.text_line(start, before_end, before)
                self.add(start + marker.end(), end, "caption")
                return
        self.add(start, end, "caption")

    def text_line(self, start: int, end: int, line: str) -> None:
        """A line of the article: heading or body (with its agency dateline and sign-off)."""
        signoff = None
        line_end = end
        if len(line) > 40:
            tail = _TRAILING_SIGNOFF_RE.search(line, len(line) - 40)
            if tail:
                signoff = end - (len(line) - tail.start())
                end = signoff
                line = line[:tail.start()]
        if (self.body_seen or self.title_text is not None) and _headingish(line):
            self.add(start, end, "heading")
        else:
            m = (_AGENCY_DATELINE_RE.match(line) or _COMMA_DATELINE_RE.match(line)) if len(line) > 20 else None
            if m and m.end() < len(line):
                self.add(start, start + m.end(), "dateline")
                start += m.end()
            self.add(start, end, "body")
        if signoff is not None:
            self.add(signoff, line_end, "source")


def segment(doc: Document, *, max_segment_chars: int = DEFAULT_MAX_SEGMENT_CHARS) -> Document:
    """Fill ``doc.segments`` (replacing any) and return ``doc``.

    Also sets ``doc.title`` from the first title segment when the document has none. A document that
    did not come through ingest and still holds lone surrogates or control characters (which spaCy
    and the writers refuse) in its text, id, title or URL has them replaced one for one first
    (``ingest.safety.same_length_safe``), so offsets into the text stay valid.
    """
    doc.text = same_length_safe(doc.text)
    doc.id, doc.title, doc.url = (v if v is None else same_length_safe(v) for v in (doc.id, doc.title, doc.url))
    doc.segments = _Segmenter(doc, max_segment_chars).run()
    if doc.date is None:
        doc.date = publication_date(doc)
    if doc.title is None:
        for seg in doc.segments:
            if seg.kind == "title":
                doc.title = doc.text[seg.start:seg.end]
                break
    return doc


def publication_date(doc: Document) -> str | None:
    """The page's publication date as ``YYYY-MM-DD``, or ``None``: the date of the first dateline line
    ("Publié le 17/06/2009", "Mis à jour le 3 mars 2024 à 10h12") that comes before any teaser; else a
    date after a publication cue in the page's head, even run into other furniture ("Français>>Chine
    Mise à jour 25.03.2012 09h13"); else the first full date of the lines before the article's body
    ("| Mardi 21 Mars 2006 à 17:29")."""
    first_body = next((seg.start for seg in doc.segments if seg.kind == "body"), len(doc.text))
    for seg in doc.segments:
        if seg.kind == "teaser":
            break
        if seg.kind == "dateline" and seg.end - seg.start <= 120:
            found = _date_in(doc, doc.text[seg.start:seg.end])
            if found:
                return found
    head = doc.text[:min(first_body, 1500)]
    for m in _line_patterns(doc.lang or "fr").words.publication_cue.finditer(head):
        found = _date_in(doc, head[m.end():m.end() + 40], anchored=True)
        if found:
            return found
    for seg in doc.segments:
        if seg.start >= first_body:
            break
        if seg.kind in ("boilerplate", "dateline", "title", "heading", "caption") and seg.end - seg.start <= 200:
            found = _date_in(doc, doc.text[seg.start:seg.end])
            if found:
                return found
    # "Jeudi, 4 mars 2010 (Agence) - Les deux pays ...": a dated dateline
    # opening the first paragraph
    lead = re.match(r"[^\W\d_]*,?\s*", doc.text[first_body:first_body + 60])
    if first_body < len(doc.text) and lead is not None:
        return _date_in(doc, doc.text[first_body + lead.end():first_body + 60], anchored=True)
    return None


_MONTHS: dict[str, dict[str, int]] = {}


def _date_in(doc: Document, text: str, anchored: bool = False) -> str | None:
    """The first full calendar date written in ``text`` (at its start when ``anchored``)."""
    import datetime

    from communique.lang import fold, load_lexicon

    found = None
    m = _NUMERIC_DATE_RE.match(text) if anchored else _NUMERIC_DATE_RE.search(text)
    if m:
        if m.group(1):
            d, mo, y = m.group(1, 2, 3)
        elif m.group(4):
            y, mo, d = m.group(4, 5, 6)
        else:
            d, mo, y = m.group(7, 8, 9)
        d, mo = int(d), int(mo)
        if mo > 12 >= d:
            d, mo = mo, d  # "10/22/2009", "05-27-2008": the month first, as American sites write it
        found = (int(y), mo, d)
    else:
        m = _WORDED_DATE_RE.search(text[:30] if anchored else text)
        if m:
            # "21 mars 2006", or "septembre 21, 2023" as some sites write it; the page's language first, then the
            # others: a French site's furniture may date it in English ("Posted on Tuesday, May 1, 2018")
            day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
            first = doc.lang or "fr"
            mo = None
            for lang in [first, *sorted(set(supported_languages()) - {first})]:
                if lang not in _MONTHS:
                    lex = load_lexicon(lang)
                    _MONTHS[lang] = {**lex.months, **lex.month_abbreviations}
                mo = _MONTHS[lang].get(fold(month))
                if mo:
                    break
            found = (int(year), mo, int(day)) if mo else None
    if found:
        try:
            return datetime.date(*found).isoformat()
        except ValueError:
            return None
    return None


def segment_text(doc: Document, seg: Segment) -> str:
    """The text of a segment."""
    return doc.text[seg.start:seg.end]


def body_end(doc: Document) -> int:
    """Offset just after the last body or heading segment (0 when there is none).

    Text after it is captions, sources, boilerplate or teasers of other articles.
    """
    ends = [s.end for s in doc.segments if s.kind in ("body", "heading")]
    return max(ends) if ends else 0
