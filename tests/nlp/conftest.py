"""The spaCy pipeline with communique's components, loaded once for the nlp tests."""
from __future__ import annotations

import pytest

from communique.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline("fr")
