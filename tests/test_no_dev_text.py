"""No development text in the project: no 8-word run of a ../shared development text appears in
src/, tests/, benchmarks/, scripts/, docs/ or examples/ (names and knowledge-base facts are exempt:
see tests/dev_shingles.py for what is scanned). Skips when ../shared is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

import dev_shingles

SHARED = dev_shingles.ROOT.parent / "shared"

pytestmark = [pytest.mark.shared,
              pytest.mark.skipif(not (SHARED / "data" / "dev").is_dir(), reason="../shared/data/dev is absent")]


def test_no_development_text_in_the_project():
    hits = dev_shingles.find(SHARED)
    listing = "\n".join(f"{h.file}:{h.line}: {h.shingle!r} (from {h.source})" for h in hits[:50])
    assert not hits, f"{len(hits)} 8-word runs of development text in the project:\n{listing}"


def test_a_pasted_development_sentence_is_caught(tmp_path: Path):
    """The scanner finds a run of 8 words copied from a development text into a test file."""
    source, text = next(t for t in dev_shingles.dev_texts(SHARED) if len(dev_shingles.words(t[1])) > 40)
    tokens = text.split()
    pasted = " ".join(tokens[10:30])
    (tmp_path / "tests").mkdir()
    target = tmp_path / "tests" / "test_pasted.py"
    target.write_text(f'"""A test."""\n\nSENTENCE = {pasted!r}\n', "utf-8")
    index = dev_shingles.ProjectIndex([target], tmp_path)
    hits = list(index.scan([(source, text)]))
    assert hits and hits[0].file == "tests/test_pasted.py" and hits[0].line == 3


def test_own_words_are_not_caught(tmp_path: Path):
    target = tmp_path / "own.py"
    target.write_text("NOTE = 'the quick brown heron outpaced seven sleepy badgers near the old mill'\n", "utf-8")
    index = dev_shingles.ProjectIndex([target], tmp_path)
    assert not list(index.scan(list(dev_shingles.dev_texts(SHARED))[:200]))
