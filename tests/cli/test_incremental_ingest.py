"""`communique ingest` keeps the merged record incrementally (only the merge groups new facts touch are
merged again): after every run, in whatever order and batches the articles come, the stored record is
the one a whole recompute gives. Real articles (samples/corpus and the dev articles of ../shared/eval),
each also as a second outlet's copy under another id, so that reports merge across documents."""
from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from communique.store import open_store
from communique.store.merged import compute_merged, merged_rows

from .conftest import SAMPLES

pytestmark = pytest.mark.model

SEED = int(os.environ.get("COMMUNIQUE_TEST_SEED", "0")) or random.randrange(1, 10 ** 6)


def stored_and_expected(db: Path) -> tuple[tuple[list, list], tuple[list, list]]:
    """The stored merged record and the one a whole recompute of the stored documents gives, as
    comparable data: sorted ``(kind, key, record, n_sources)`` and ``(about, key, record)``."""
    import sqlalchemy as sa

    with open_store(db, create=False) as store:
        # the whole records (those whose sources are written apart put together)
        rows = sorted((k, key, json.loads(r), n) for k, key, r, n in store.merged_table())
        with store.engine.connect() as conn:
            conf = sorted((k, key, json.loads(r)) for k, key, r in conn.execute(
                sa.text("SELECT kind, key, record FROM conflicts")))
        record, _n = compute_merged(store)
    merged, conflicts = merged_rows(record)
    # through JSON, as stored (tuples become lists)
    expected = sorted((kind, key, json.loads(json.dumps(rec, ensure_ascii=False)), n) for kind, rs in merged.items()
                      for key, rec, n in rs)
    expected_conf = sorted((about, key, json.loads(json.dumps(rec, ensure_ascii=False)))
                           for about, key, rec in conflicts)
    return (rows, conf), (expected, expected_conf)


def inputs(tmp_path: Path, dev_dir: Path) -> list[Path]:
    """The sample corpus's files, the dev articles, and for each .txt article a second outlet's copy
    (another id, a line of its own at the end) as a .jsonl file of one line."""
    files = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
    files += sorted(dev_dir.glob("*.txt"))
    copies = tmp_path / "copies"
    copies.mkdir()
    for p in [f for f in files if f.suffix == ".txt"]:
        line = {"id": f"{p.stem}-bis", "text": p.read_text(encoding="utf-8").rstrip() + "\n\nNote de la rédaction.\n"}
        target = copies / f"{p.stem}-bis.jsonl"
        target.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
        files.append(target)
    return files


def test_ingest_runs_in_any_order_keep_the_record_of_a_whole_recompute(run, tmp_path, dev_dir):
    rng = random.Random(SEED)
    files = inputs(tmp_path, dev_dir)
    rng.shuffle(files)
    db = tmp_path / "inc.db"
    i = runs = 0
    while i < len(files):
        n = rng.randint(1, 6)
        result = run("ingest", *files[i:i + n], "--db", db, "-q")
        assert result.exit_code == 0, result.stderr
        i, runs = i + n, runs + 1
        stored, expected = stored_and_expected(db)
        assert stored == expected, f"seed {SEED}, after run {runs}"
    # the copies did merge with their originals: many merged records have two documents
    assert sum(1 for _k, _key, _rec, n in stored[0] if n >= 2) > 20
    # a second ingest of the same files stores nothing and merges nothing again
    again = run("merge", "--db", db)
    assert again.exit_code == 0 and "0 merge groups recomputed, 0 new facts" in again.stdout
    # and `merge --full` recomputes whole to the very same rows
    full = run("merge", "--db", db, "--full")
    assert full.exit_code == 0 and "recomputed whole" in full.stdout
    assert stored_and_expected(db)[0] == stored
