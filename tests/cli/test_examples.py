"""Every example the commands' --help gives works as written on the demo database (``make demo``)."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app

from .conftest import SAMPLES

pytestmark = pytest.mark.model

#: commands whose example runs until stopped, or needs the output of another run first: each is
#: checked by its own tests (tests/serve, tests/cli/test_scale_cli.py)
LONG_RUNNING = {"serve", "load"}
EMPTY = ("no events", "no actors", "no actor named", "Level: none stated")


def _examples() -> list[tuple[str, list[str]]]:
    out = []
    for command in app.registered_commands:
        doc = command.callback.__doc__ or ""
        for m in re.finditer(r"Example: communique (.+)", doc):
            words = shlex.split(m.group(1))
            out.append((command.callback.__name__, words))
    return out


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, pipeline_ready) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLES), "--db", str(path), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return path


def test_every_command_has_an_example():
    named = {name for name, _ in _examples()}
    for command in app.registered_commands:
        assert command.callback.__name__ in named, f"`communique {command.callback.__name__} --help` has no example"


@pytest.mark.parametrize("name,words", _examples(), ids=lambda x: x if isinstance(x, str) else "")
def test_example_works_as_written(name, words, demo_db, tmp_path, monkeypatch):
    if name in LONG_RUNNING:
        pytest.skip(f"`communique {name}` runs until stopped; tests/serve starts it")
    monkeypatch.chdir(tmp_path)
    words = [str(demo_db) if w == "demo.db" else str(SAMPLES) if w == "samples/corpus" else w for w in words]
    monkeypatch.setenv("COLUMNS", "160")
    result = CliRunner().invoke(app, words, catch_exceptions=False)
    assert result.exit_code == 0, (words, result.stdout, result.stderr)
    shown = result.stdout + "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir() if p.is_file())
    assert shown.strip(), words
    assert not any(e in result.stdout for e in EMPTY), (words, result.stdout)
