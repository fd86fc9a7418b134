"""Properties of cleaning (``communique/clean``): ``segment`` reads any text without raising, and its
segments always point into the original text: each non-empty, stripped, within one line, in order,
no longer than the limit, of a known kind. The text is left as it is but for lone surrogates and
control characters, replaced one for one."""
from __future__ import annotations

import typing

from hypothesis import example, given, settings
from hypothesis import strategies as st

from communique.clean import WRAP_MIN_LINE, DEFAULT_MAX_SEGMENT_CHARS, iter_lines, segment
from communique.ingest.safety import same_length_safe
from communique.records import Document, SegmentKind

PURE = settings(max_examples=200, deadline=None)

#: any character, lone surrogates included (hypothesis leaves them out unless asked)
ANY_CHAR = st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=()))

KINDS = set(typing.get_args(SegmentKind))

#: lines of the kinds the segmenter tells apart, written for these tests
LINES = [
    "date 2024-05-06", "Le Chili et la Norvège signent un accord sur la pêche",
    "La ministre chilienne s'est rendue mardi à Oslo, où elle a été reçue par son homologue.",
    "Oslo (AFP) - Les deux pays ont convenu de lancer un dialogue annuel.", "Photo : la ministre à Oslo.",
    "(Photo d'illustration)", "Source : Agence fictive", "- AFP", "Lire aussi :", "Lire aussi : La Suède au Pérou",
    "Voir plus", "Partager sur Facebook", "Commentaires (3)", "Publié le 24/11/2016 à 21h05",
    "Accueil > Monde > Europe", "#pêche #Chili #Norvège", "Par Jeanne Fictive", "https://exemple.org/article",
    "The two ministers signed an agreement on ocean protection and agreed to meet again.", "Tô Lâm ảnh 1 Hà Nội",
    "Un dialogue sur l'énergie", ">> Le Pérou et la Suède renforcent leurs liens", "© Le Journal fictif",
    "Mis à jour le 3 mars 2024", "10h12 - 05/06/2024", "septembre 21, 2023", "", "   ", "\t",
]
#: separators between lines: every kind of line break Python knows, and blank lines
BREAKS = ["\n", "\n\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", " \n \n"]
#: characters stripped or special around lines
EDGES = ["", " ", "\u00a0", "\u200b", "\ufeff", "\u202f", "\t", "« ", " »", ".", "…", "?"]


@st.composite
def pages(draw) -> str:
    """A page: lines of known kinds, arbitrary text and long runs, joined by arbitrary line breaks."""
    parts = draw(st.lists(st.one_of(
        st.sampled_from(LINES),
        st.text(ANY_CHAR, max_size=40),
        st.builds(lambda s, n: s * n, st.sampled_from(["mot ", "Le Chili, ", "1 ", ". ", "x"]), st.integers(1, 2500)),
    ), max_size=12))
    out = []
    for part in parts:
        out.append(draw(st.sampled_from(EDGES)) + part + draw(st.sampled_from(EDGES)))
        out.append(draw(st.sampled_from(BREAKS)))
    return "".join(out)


def check_segments(original: str, doc: Document, limit: int) -> None:
    text = doc.text
    assert text == same_length_safe(original) and len(text) == len(original)
    text.encode("utf-8")
    previous_end = 0
    for seg in doc.segments:
        assert seg.kind in KINDS
        assert previous_end <= seg.start < seg.end <= len(text)  # in order, not overlapping, non-empty
        previous_end = seg.end
        piece = text[seg.start:seg.end]
        assert piece.strip() == piece
        assert len(piece) <= limit
        # within one line, or one paragraph of a hard-wrapped text: lines cut mid-sentence, "\n" between them
        lines = piece.split("\n")
        assert len(lines) == len(piece.splitlines())
        assert all(len(line.strip()) >= WRAP_MIN_LINE for line in lines[:-1])
    if doc.title is not None:
        assert isinstance(doc.title, str)
    if doc.date is not None:
        assert len(doc.date) == 10


@PURE
@given(pages(), st.sampled_from([None, "2024-05-06"]))
@example("date 2024-13-45 Titre\n\nCorps du texte.", None)
@example("Publié le 31/02/2024\nLe texte.", None)
@example("x" * 9000, None)
def test_segment_never_raises_and_segments_point_into_the_text(text, date):
    doc = segment(Document("p", text, date=date))
    check_segments(text, doc, DEFAULT_MAX_SEGMENT_CHARS)


@PURE
@given(st.text(ANY_CHAR), st.integers(2, 300))
def test_segment_of_arbitrary_text_with_any_limit(text, limit):
    doc = segment(Document("p", text), max_segment_chars=limit)
    check_segments(text, doc, max(limit, 2))


@PURE
@given(st.one_of(pages(), st.text(ANY_CHAR)))
def test_iter_lines_gives_stripped_lines_in_order(text):
    previous_end = 0
    for start, end in iter_lines(text):
        assert previous_end <= start < end <= len(text)
        previous_end = end
        piece = text[start:end]
        assert piece.strip() == piece and len(piece.splitlines()) == 1
