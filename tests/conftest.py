"""Shared fixtures. Tests that need ../shared skip when it is absent (as on a user's machine)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# the dashboard's browser tests share one Chromium per module and a screenshot folder
from browser_kit import browser, shots  # noqa: F401  (fixtures, available to every test module)

ROOT = Path(__file__).resolve().parents[1]
# the hostile-input generators (tests/fuzz/hostile.py) are shared with the API and browser tests
sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
DEV = SHARED / "data" / "dev"
EXAMPLES = ROOT / "examples"


def need_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test when it is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not available")
    return p


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline, loaded once for the whole session."""
    from newsgraph import config
    from newsgraph.nlp import load_model

    return load_model(config.load()["nlp"]["model"])


@pytest.fixture(scope="session")
def pipeline():
    from newsgraph.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def seed_analysis(pipeline):
    """The founding article read with its publication date (skips without ../shared)."""
    from newsgraph.model import RawDocument

    path = need_shared("seed", "csto_summit.txt")
    return pipeline(RawDocument(text=path.read_text("utf-8"), published="2022-05-17", source=str(path)))
