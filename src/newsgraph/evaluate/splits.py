"""Tune/check splits of every annotated development set: the one place they are defined.

Every item of an annotated set falls, for good, into one of two parts:

* **tune** (about 70%): read its errors, fit rules and models to it, list its misses;
* **check** (about 30%): a number to report, never a list to browse. Error listings refuse it.

The part is a pure function of the set's name and the item's stable id, so it never changes
when files are re-read in another order, when items are added, or on another machine:
``sha256("newsgraph-split/1:<set>:<id>")``, its first 8 bytes read as an integer, divided by
2**64; below ``TUNE_SHARE`` is tune. The ids, per set:

=============  =====================================================================
set            stable id
=============  =====================================================================
polnear        the article's file stem (train and dev folders are pooled first)
plover         the record's ``id``
conflibert     the sentence with all white space removed (so the class file and the
               tokenised NER file, which share sentences, put a sentence in the same part)
ngec           the story text with all white space removed (the rows carry no id)
allsides       the article's ``id`` (for sets labelled by hand: label only ``check``
               articles, read output on ``tune`` articles only)
allsides_pairs a pair of AllSides articles (same story or not): ``"<a_id>|<b_id>"``, the
               two ids sorted (``evaluate/gold/allsides_story_pairs.tsv``)
wikinews       the article's URL
petrarch       the sentence id
=============  =====================================================================

Changing the salt or the share would mix tune and check: do not. A new set gets a new name.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

Split = Literal["tune", "check"]
SPLITS: tuple[Split, ...] = ("tune", "check")
TUNE_SHARE = 0.7
SALT = "newsgraph-split/1"
SETS = ("polnear", "plover", "conflibert", "ngec", "allsides", "allsides_pairs", "wikinews", "petrarch")

T = TypeVar("T")

_SPACE = re.compile(r"\s+")


def text_id(text: str) -> str:
    """The stable id of an item known only by its text: the text without white space (a tokenised
    copy of a sentence, ``a , b``, has the id of ``a, b``)."""
    return _SPACE.sub("", text)


def fraction(dataset: str, item_id: str) -> float:
    """Where the item falls in [0, 1): a hash of the set name and the item's id."""
    digest = hashlib.sha256(f"{SALT}:{dataset}:{item_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_of(dataset: str, item_id: str) -> Split:
    """``"tune"`` or ``"check"`` for one item of one set."""
    if dataset not in SETS:
        raise ValueError(f"unknown development set {dataset!r}; known: {', '.join(SETS)}")
    return "tune" if fraction(dataset, item_id) < TUNE_SHARE else "check"


def select(dataset: str, items: Iterable[T], key: Callable[[T], str], split: str | None) -> list[T]:
    """The items of ``split`` (``None`` or ``"all"``: every item), in their input order."""
    if split in (None, "all"):
        return list(items)
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use tune, check or all")
    return [it for it in items if split_of(dataset, key(it)) == split]


def check_refusal(what: str) -> str:
    """The message an error listing gives when asked for the check part."""
    return (f"{what} lists errors on the tune split only: the check split is a number to report, "
            "not a list to read (reading it would turn it into tuning data)")


__all__ = ["SETS", "SPLITS", "TUNE_SHARE", "Split", "check_refusal", "fraction", "select", "split_of", "text_id"]
