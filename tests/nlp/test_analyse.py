"""``nlp.analyse``: the segments of documents through the model, each with the text it was given."""
from __future__ import annotations

from communique.clean import segment
from communique.nlp import analyse
from communique.records import Document


def test_the_text_kept_with_each_analysed_segment_is_the_model_s(nlp, dev_dir):
    # (read once instead of spaCy's Doc.text, which joins the tokens at every call: it must be that very text)
    docs = [segment(Document(p.stem, p.read_text(encoding="utf-8"))) for p in sorted(dev_dir.glob("*.txt"))]
    segs = [seg for _, ss in analyse(docs, nlp) for seg in ss]
    assert len(segs) > 20
    assert all(seg.analysed_text is not None and seg.text == seg.doc.text for seg in segs)
