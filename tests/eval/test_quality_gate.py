"""Quality gate: `communique extract` on real articles, scored by the project's contract (score.py).

Runs the CLI end to end on the five dev articles (read from ../shared/eval/dev, never copied here)
and on the sample corpus (samples/), scores the output with ../shared/eval/score.py, and fails when
a score drops under its floor in tests/eval/baseline.json (trafilatura's eval_gate idea).
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "eval"
BASELINE = json.loads((Path(__file__).with_name("baseline.json")).read_text(encoding="utf-8"))

pytestmark = pytest.mark.model


def _score_module():
    path = SHARED / "score.py"
    if not path.exists():
        pytest.skip(f"{path} not found: the scorer is read from the shared folder beside the repository")
    spec = importlib.util.spec_from_file_location("communique_contract_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _extract(run, inputs: list[Path], tmp_path: Path) -> Path:
    out = tmp_path / "facts.jsonl"
    result = run("extract", *inputs, "--output", out)
    assert result.exit_code == 0, result.stderr
    return out


def _report(score, gold: Path, pred: Path, docs: Path) -> dict:
    gold_recs, _ = score.load_jsonl(gold)
    pred_recs, bad = score.load_jsonl(pred)
    assert bad == 0, "extract wrote lines that are not JSON objects"
    return score.score(gold_recs, pred_recs, str(docs))


def _check(report: dict, floors: dict) -> list[str]:
    failures = []
    for key, floor in floors.items():
        value = report["participant_recall"] if key == "participant_recall" else report[key]["f1"]
        if value is None or value < floor:
            failures.append(f"{key}: {value} < floor {floor}")
    return failures


@pytest.fixture(scope="module")
def run(pipeline_ready):
    """The real CLI, in-process (the spaCy model is loaded once per test session)."""
    from typer.testing import CliRunner

    from communique.cli import app

    def invoke(*args):
        return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture(scope="module")
def dev_report(tmp_path_factory, run):
    score = _score_module()
    dev = SHARED / "dev"
    if not dev.is_dir():
        pytest.skip(f"{dev} not found: the dev articles are read from the shared folder beside the repository")
    gold = dev / "gold.jsonl"
    pred = _extract(run, sorted(dev.glob("*.txt")), tmp_path_factory.mktemp("dev"))
    return gold, _report(score, gold, pred, dev)


@pytest.fixture(scope="module")
def samples_report(tmp_path_factory, run):
    score = _score_module()
    corpus = ROOT / "samples" / "corpus"
    gold = ROOT / "samples" / "gold.jsonl"
    pred = _extract(run, [corpus], tmp_path_factory.mktemp("samples"))
    return gold, _report(score, gold, pred, corpus)


@pytest.fixture(scope="module")
def pipeline_ready():
    import communique
    from communique.errors import ModelNotInstalled

    try:
        communique._pipeline("fr").nlp  # noqa: B018
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")


def test_quality_gate_dev_gold_is_the_one_pinned(dev_report):
    gold, _ = dev_report
    assert _sha256(gold) == BASELINE["dev"]["gold_sha256"], \
        "the dev gold changed: re-measure and re-pin tests/eval/baseline.json"


def test_quality_gate_dev_meets_the_issue_thresholds(dev_report):
    _, report = dev_report
    assert _check(report, BASELINE["dev"]["issue_thresholds"]) == []


def test_quality_gate_dev_does_not_regress(dev_report):
    _, report = dev_report
    assert _check(report, BASELINE["dev"]["floors"]) == []


def test_quality_gate_samples_gold_is_the_one_pinned(samples_report):
    gold, _ = samples_report
    assert _sha256(gold) == BASELINE["samples"]["gold_sha256"], \
        "samples/gold.jsonl changed: re-measure and re-pin tests/eval/baseline.json"


def test_quality_gate_samples_do_not_regress(samples_report):
    _, report = samples_report
    assert _check(report, BASELINE["samples"]["floors"]) == []


# ------------------------------------------------------------------------------------------- merged

@pytest.fixture(scope="module")
def merged_dev(tmp_path_factory, run):
    """The five dev articles ingested in two different orders, exported merged."""
    score = _score_module()
    dev = SHARED / "dev"
    if not dev.is_dir():
        pytest.skip(f"{dev} not found: the dev articles are read from the shared folder beside the repository")
    files = sorted(dev.glob("*.txt"))
    outs = []
    for n, order in enumerate((files, list(reversed(files)))):
        tmp = tmp_path_factory.mktemp(f"merged{n}")
        db, out = tmp / "dev.db", tmp / "merged.jsonl"
        for f in order:  # one article per command: ingestion is incremental
            assert run("ingest", f, "--db", db, "-q").exit_code == 0
        assert run("export", "--db", db, "--merged", "--output", out).exit_code == 0
        outs.append(out)
    gold_recs, _ = score.load_jsonl(dev / "gold.jsonl")
    pred, _ = score.load_jsonl(outs[0])
    return outs, score.score(gold_recs, pred, str(dev), merged=True)["merged"]


def test_quality_gate_merged_dev_events_and_persons(merged_dev):
    _, rep = merged_dev
    floors = BASELINE["dev_merged"]
    assert rep["event"]["f1"] >= floors["event_f1"]
    assert rep["event"]["duplicates"] == 0 and rep["person"]["duplicates"] == 0
    assert rep["event"]["source_recall"] >= floors["event_source_recall"]
    assert rep["person"]["f1"] >= floors["person_f1"]


def test_quality_gate_merged_export_does_not_depend_on_ingestion_order(merged_dev):
    (a, b), _ = merged_dev
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def heldout_report(tmp_path_factory, run):
    score = _score_module()
    corpus = ROOT / "samples" / "heldout" / "corpus"
    gold = ROOT / "samples" / "heldout" / "gold.jsonl"
    pred = _extract(run, [corpus], tmp_path_factory.mktemp("heldout"))
    return gold, _report(score, gold, pred, corpus)


def test_quality_gate_heldout_gold_is_the_one_pinned(heldout_report):
    gold, _ = heldout_report
    assert _sha256(gold) == BASELINE["heldout"]["gold_sha256"]


def test_quality_gate_heldout_does_not_regress(heldout_report):
    _, report = heldout_report
    assert _check(report, BASELINE["heldout"]["floors"]) == []


# ------------------------------------------------------------------------------------------- real news

REALNEWS = ROOT / "samples" / "realnews"


def _realnews_texts() -> list[Path]:
    """The cached texts of samples/realnews, or a skip saying why they cannot be scored here."""
    import csv

    with open(REALNEWS / "sources.tsv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r.get("id")]
    texts = [REALNEWS / "cache" / f"{r['id']}.txt" for r in rows]
    missing = [t for t in texts if not t.exists()]
    if missing:
        pytest.skip(f"the real-news cache holds {len(texts) - len(missing)} of {len(texts)} texts "
                    "(published articles are not in the repository: see samples/realnews/README.md)")
    changed = [r["id"] for r, t in zip(rows, texts) if _sha256(t) != r["sha256"]]
    if changed:
        pytest.skip(f"{len(changed)} cached texts differ from the annotated ones ({changed[0]}, ...)")
    return texts


@pytest.fixture(scope="module")
def realnews_report(tmp_path_factory, run):
    score = _score_module()
    texts = _realnews_texts()
    gold = REALNEWS / "gold.jsonl"
    pred = _extract(run, texts, tmp_path_factory.mktemp("realnews"))
    return gold, _report(score, gold, pred, REALNEWS / "cache")


def test_quality_gate_realnews_gold_is_the_one_pinned():
    assert _sha256(REALNEWS / "gold.jsonl") == BASELINE["realnews"]["gold_sha256"], \
        "samples/realnews/gold.jsonl changed: re-measure and re-pin tests/eval/baseline.json"


def test_quality_gate_realnews_does_not_regress(realnews_report):
    """Runs where the cache of published articles is present (a developer's machine), skipped elsewhere."""
    _, report = realnews_report
    assert _check(report, BASELINE["realnews"]["floors"]) == []


@pytest.mark.parametrize("folder", ["realnews", "realnews-en"])
def test_realnews_gold_holds_facts_not_the_publishers_sentences(folder):
    """The published texts stay out of the repository: a gold record points at its sentence by offsets only
    (a source's ``text`` would copy the publisher's words into the repository)."""
    with open(ROOT / "samples" / folder / "gold.jsonl", encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    quoting = [(r["doc"], r["kind"]) for r in records for s in r.get("sources") or [] if "text" in s]
    assert quoting == [], f"{len(quoting)} gold sources of samples/{folder} quote their sentence, e.g. {quoting[:3]}"
    unplaced = [(r["doc"], r["kind"]) for r in records for s in r.get("sources") or []
                if not (isinstance(s.get("start"), int) and isinstance(s.get("end"), int))]
    assert unplaced == [], f"gold sources without offsets: {unplaced[:3]}"


def test_realnews_script_says_skipped_without_the_cache(tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "realnews.py"), "score", "--cache", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("skipped: the real-news cache holds 0 of ")
