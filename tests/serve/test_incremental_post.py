"""POST /api/documents keeps the merged record incrementally (only the merge groups the new article's facts
touch are merged again): after every article, in whatever order they come, the stored record is the one a
whole recompute gives. Real articles (the .txt of samples/corpus and the dev articles of ../shared/eval),
each also as a second outlet's copy under another id, so that reports merge across documents."""
from __future__ import annotations

import json
import os
import random

import pytest

from communique.store import open_store
from communique.store.merged import compute_merged, merged_rows

from .conftest import SAMPLES

pytestmark = pytest.mark.model

SEED = int(os.environ.get("COMMUNIQUE_TEST_SEED", "0")) or random.randrange(1, 10 ** 6)


def stored_and_expected(url: str) -> tuple[tuple[list, list], tuple[list, list]]:
    import sqlalchemy as sa

    with open_store(url, create=False) as store:
        # the whole records (those whose sources are written apart put together)
        rows = sorted((k, key, json.loads(r), n) for k, key, r, n in store.merged_table())
        with store.engine.connect() as conn:
            conf = sorted((k, key, json.loads(r)) for k, key, r in conn.execute(
                sa.text("SELECT kind, key, record FROM conflicts")))
        record, _n = compute_merged(store)
    merged, conflicts = merged_rows(record)
    expected = sorted((kind, key, json.loads(json.dumps(rec, ensure_ascii=False)), n) for kind, rs in merged.items()
                      for key, rec, n in rs)
    expected_conf = sorted((about, key, json.loads(json.dumps(rec, ensure_ascii=False)))
                           for about, key, rec in conflicts)
    return (rows, conf), (expected, expected_conf)


def test_posted_articles_in_any_order_keep_the_record_of_a_whole_recompute(tmp_path, corpus_facts, dev_dir):
    from fastapi.testclient import TestClient

    from communique.serve import create_app

    rng = random.Random(SEED)
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(dev_dir.glob("*.txt"))]
    articles = [{"id": i, "text": t} for i, t in texts]
    articles += [{"id": f"{i}-bis", "text": t.rstrip() + "\n\nNote de la rédaction.\n"} for i, t in texts]
    rng.shuffle(articles)
    db = str(tmp_path / "post.db")
    open_store(db).close()
    with TestClient(create_app(db, token="s3cret")) as c:
        for n, article in enumerate(articles, 1):
            r = c.post("/api/documents", json=article, headers={"Authorization": "Bearer s3cret"})
            assert r.status_code == 201 and r.json()["stored"] is True, r.text
            if n % 3 == 0 or n == len(articles):
                stored, expected = stored_and_expected(db)
                assert stored == expected, f"seed {SEED}, after {n} articles"
    assert sum(1 for _k, _key, _rec, n in stored[0] if n >= 2) > 20
