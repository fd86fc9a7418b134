"""Fixtures of the CLI tests: a CliRunner, sample articles, bad inputs, and a clean logging state.

Commands run in-process through ``typer.testing.CliRunner``; the spaCy pipeline is cached per
process (``communique._pipeline``), so the model is loaded once for the whole test session.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

import communique
from communique.cli import app
from communique.errors import ModelNotInstalled

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"


@pytest.fixture(scope="session")
def pipeline_ready() -> None:
    """Skip (with the reason) when the spaCy model is missing; otherwise load it once."""
    try:
        communique._pipeline("fr").nlp  # noqa: B018
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")


@pytest.fixture
def run(pipeline_ready) -> Callable[..., Result]:
    """``run("extract", "x.txt")``: the CLI in-process; stdout and stderr apart."""
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def run_no_model() -> Callable[..., Result]:
    """The same, for commands that never load the model."""
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def article() -> Path:
    """A sample article known to yield facts."""
    return SAMPLES / "01_indonesie-japon-partenariat.txt"


@pytest.fixture
def articles() -> list[Path]:
    """Two sample articles (a .txt and the .jsonl holding two documents)."""
    return [SAMPLES / "01_indonesie-japon-partenariat.txt", SAMPLES / "12_asie-pacifique-depeches.jsonl"]


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    """An empty file, a binary file and a file that does not exist."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    return {"empty": empty, "binary": binary, "missing": tmp_path / "missing.txt"}


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """The CLI sets the level and a handler of the ``communique`` logger: undo it after each test."""
    logger = logging.getLogger("communique")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers
