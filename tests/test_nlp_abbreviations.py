"""Abbreviated titles and ranks are one token and never end a sentence.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, title, name", [
    ("Reporters learned that officers knew where Sgt. Ray Colton was held for a month.", "Sgt.", "Ray"),
    ("Sens. Ann Vole and Tom Reed said the bill was dead.", "Sens.", "Ann"),
    ("The brigade was led by Lt. Col. Ana Ruiz until the spring.", "Col.", "Ana"),
    ("A letter signed by Reps. Dana Bell and Omar Frey asked for hearings.", "Reps.", "Dana"),
    ("The base commander, Capt. Lena Holt, said the drill went well.", "Capt.", "Lena"),
])
def test_a_rank_before_a_name_is_one_token_inside_the_sentence(nlp, text: str, title: str, name: str) -> None:
    doc = nlp(text)
    assert title in [t.text for t in doc]
    assert len(list(doc.sents)) == 1
    assert not next(t for t in doc if t.text == name).is_sent_start


def test_a_full_stop_after_an_ordinary_word_still_ends_the_sentence(nlp) -> None:
    doc = nlp("The colonel spoke to the staff. Ray Colton listened from the back.")
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize("text, pieces", [
    ("Fresh U.S.-China talks opened in Geneva on Monday.", ["U.S.", "-", "China"]),
    ("Guards patrol the U.S.-Mexico border at night.", ["U.S.", "-", "Mexico"]),
])
def test_an_abbreviation_hyphenated_to_a_name_is_split(nlp, text: str, pieces: list[str]) -> None:
    """ "U.S.-China" is three tokens, as "US-China" is: the states on either side can be seen."""
    words = [t.text for t in nlp(text)]
    i = words.index(pieces[0])
    assert words[i:i + 3] == pieces


def test_an_abbreviation_hyphenated_to_a_common_word_stays_one_word(nlp) -> None:
    assert "U.S.-backed" in [t.text for t in nlp("U.S.-backed forces took the bridge.")]
