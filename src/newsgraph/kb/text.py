"""Small text and date helpers shared by the KB build and the KB loader.

Kept free of heavy imports so that ``get_kb()`` stays fast: both the build script and the
runtime fold names the same way, which is what makes a name written in a curated file, a
Factbook entry and a news article meet on the same key.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from newsgraph import errors

EARLIEST = date(1900, 1, 1)

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9

# Letters that NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                          "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
                          "’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})


@lru_cache(maxsize=1 << 16)  # pure, and called on the same names over and over
def ascii_fold(text: str) -> str:
    """Remove diacritics ("Erdoğan" -> "Erdogan") so diacritic-free variants exist for every name."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lookup key: ASCII, lower case, punctuation to spaces, single spaces ("the  Élysée" -> "the elysee")."""
    text = ascii_fold(text).lower().replace("'", "")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def fold_nothe(text: str) -> str:
    """Like :func:`fold` but without a leading article, so "the Kremlin" and "Kremlin" share a key."""
    key = fold(text)
    return key[4:] if key.startswith("the ") else key


def slug(text: str) -> str:
    """Stable lowercase id for a person ("Vladimir Putin" -> "vladimir-putin")."""
    return fold(text).replace(" ", "-")


def to_date(value: date | str | None, *, what: str = "date", allow_future: bool = False,
            today: date | None = None) -> date | None:
    """Parse a query date (``date`` or "YYYY-MM-DD"), rejecting dates outside 1900..today.

    Raises :class:`errors.BadDate` with a message that says what is accepted, so a user who
    passes "16/05/2022" or an article from 1850 learns the rule at once.
    """
    if value is None:
        return None
    if isinstance(value, date):
        parsed = value
    else:
        text = str(value).strip()
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
        if not m:
            raise errors.BadDate(f"{what} {text!r} is not a date", hint="write it as YYYY-MM-DD, e.g. 2022-05-16")
        try:
            parsed = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise errors.BadDate(f"{what} {text!r} is not a calendar date: {exc}",
                                 hint="write it as YYYY-MM-DD, e.g. 2022-05-16") from None
    if parsed < EARLIEST:
        raise errors.BadDate(f"{what} {parsed.isoformat()} is before 1900-01-01",
                             hint="the knowledge base covers 1900 to today")
    limit = today or date.today()
    if not allow_future and parsed > limit:
        raise errors.BadDate(f"{what} {parsed.isoformat()} is in the future (today is {limit.isoformat()})",
                             hint="give a date up to today")
    return parsed


def parse_text_date(text: str) -> tuple[str, str] | None:
    """Parse "7 May 2012", "May 2012", "2012" or "5 Sep 2025" into (ISO date, precision).

    The Factbook writes start dates in these forms; month and year precision are kept so a
    caller can tell an exact date from a guessed first day.
    """
    text = text.strip().rstrip(".,")
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", text)
    if m and m[2].lower() in _MONTHS:
        try:
            return date(int(m[3]), _MONTHS[m[2].lower()], int(m[1])).isoformat(), "day"
        except ValueError:
            return None
    m = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", text)
    if m and m[1].lower() in _MONTHS:
        try:
            return date(int(m[3]), _MONTHS[m[1].lower()], int(m[2])).isoformat(), "day"
        except ValueError:
            return None
    m = re.fullmatch(r"([A-Za-z]+)\s+(\d{4})", text)
    if m and m[1].lower() in _MONTHS:
        return date(int(m[2]), _MONTHS[m[1].lower()], 1).isoformat(), "month"
    m = re.fullmatch(r"(\d{4})", text)
    if m:
        return date(int(m[1]), 1, 1).isoformat(), "year"
    return None


__all__ = ["EARLIEST", "ascii_fold", "fold", "fold_nothe", "parse_text_date", "slug", "to_date"]
