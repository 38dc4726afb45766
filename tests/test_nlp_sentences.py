"""A question or exclamation mark ends a sentence only when a sentence follows it.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "“Leave the square now!” the officer shouted at the crowd.",
    "She kept asking why? and nobody on the board answered her.",
    "The essay, Who Pays for Roads?, says tolls are unfair.",
    "Wahoo! reported higher profits for the quarter.",
])
def test_a_mark_followed_by_a_comma_or_a_lower_case_word_ends_no_sentence(nlp, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize("text, n", [
    ("Did the levy work? No. The mayor dropped it.", 3),
    ("“Did the levy work?” The mayor said it did not.", 2),
    ("We won! Then the rain came.", 2),
])
def test_a_mark_before_a_capitalised_word_still_ends_the_sentence(nlp, text: str, n: int) -> None:
    assert len(list(nlp(text).sents)) == n
