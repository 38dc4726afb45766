"""How the hand-labelled AllSides sets match system output (evaluate/handsets.py)."""

from __future__ import annotations

from types import SimpleNamespace

from newsgraph.evaluate.handsets import OVERLAP, _content_overlap
from newsgraph.model import Span


def test_a_partial_quote_matches_by_its_clause_or_by_its_quoted_words():
    text = "He called the long list of changes in the deal “remarkable” on Monday."
    words = text.index("remarkable"), text.index("remarkable") + len("remarkable")
    clause = Span.of(text, text.index("the long"), text.index("” on") + 1)
    q = SimpleNamespace(start=words[0], end=words[1], clause=clause)
    assert _content_overlap(q, words) >= OVERLAP  # a gold span of the quoted words alone
    assert _content_overlap(q, (clause.start, clause.end)) >= OVERLAP  # a gold span of the whole clause
    assert _content_overlap(q, (0, 2)) < OVERLAP  # "He": neither


def test_a_quote_without_a_clause_matches_by_its_own_span():
    q = SimpleNamespace(start=10, end=40, clause=None)
    assert _content_overlap(q, (12, 40)) >= OVERLAP and _content_overlap(q, (60, 90)) == 0
