"""Shared fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def dev_dir() -> Path:
    """The five dev articles, read from the shared folder beside the repository."""
    path = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"
    if not path.is_dir():
        pytest.skip("../shared/eval/dev not found: the dev articles are read from the shared folder beside the repository")
    return path
