"""Stage 7, confidence: each quote's confidence is the measured precision of its rule in its context.

A quote's confidence is how often quotes found the same way were right (content matched and
speaker right) on the PolNeAR *tune* split, so that keeping the quotes with confidence 0.8 or more
keeps quotes that are right about 8 times in 10. "The same way" is a key of three parts:

* the rule **family** (``post-frame``, ``clause``, ``object``, ``floating`` ... : the rule name
  before ``+`` and ``:``);
* the quote's **kind** (``direct``, ``partial``, ``indirect``);
* the speaker **context** (:func:`context_of`): ``named`` (a name or a linked mention),
  ``pronoun`` (he, she, they, I, we), ``description`` (a generic or anonymous source: *officials*,
  *a source familiar with*), ``back`` (no speaker in the cue's syntax: taken from an earlier
  speaker or sentence subject), ``none`` (no speaker at all).

The counts are data (``reliability.json``, made by ``scripts/quote_reliability.py``; the table is
printed in ``benchmarks/quote_reliability.md``). A key with few quotes is pulled toward its parent
(family and kind, then family, then all quotes) by :data:`PRIOR` pseudo-counts, so a rare context
borrows the precision of its rule rather than claiming 0 or 1 from a handful of cases.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .parsed import Attribution

TABLE = Path(__file__).resolve().parent / "reliability.json"
PRIOR = 5.0  # pseudo-counts of the parent's precision given to each key
CONTEXTS = ("named", "pronoun", "description", "back", "none")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "us", "me"})
_BACK = ("+previous-speaker", "+previous-subject")


def family(rule: str) -> str:
    """The rule name without its speaker suffixes: ``clause+recent-person:agent`` -> ``clause``."""
    return rule.split("+", 1)[0].split(":", 1)[0]


def context_of(rule: str, mention: str | None, speaker_kind: str | None) -> str:
    """The speaker context of a quote (see the module docstring)."""
    if mention is None:
        return "none"
    if family(rule) == "previous-subject" or any(b in rule for b in _BACK):
        return "back"
    if mention.strip().lower() in _PRONOUNS:
        return "pronoun"
    if speaker_kind in ("generic", "anonymous"):
        return "description"
    return "named"


def key(rule: str, kind: str, context: str) -> str:
    return f"{family(rule)}|{kind}|{context}"


@cache
def _counts() -> dict[str, tuple[int, int]]:
    try:
        data = json.loads(TABLE.read_text("utf-8"))
    except (OSError, ValueError):  # pragma: no cover - the table ships with the package
        return {}
    return {k: (int(v[0]), int(v[1])) for k, v in data.get("counts", {}).items()}


@cache
def _sums() -> dict[tuple[str, ...], tuple[int, int]]:
    """Quotes and right quotes for every prefix of every key (``()``, ``(family,)``, ``(family,
    kind)``, ``(family, kind, context)``), summed once."""
    out: dict[tuple[str, ...], tuple[int, int]] = {}
    for k, (n, r) in _counts().items():
        parts = tuple(k.split("|"))
        for level in range(4):
            pn, pr = out.get(parts[:level], (0, 0))
            out[parts[:level]] = (pn + n, pr + r)
    return out


@cache
def estimate(fam: str, kind: str, context: str) -> float:
    """The smoothed precision of ``fam|kind|context`` (see the module docstring)."""
    sums = _sums()
    n, r = sums.get((), (0, 0))
    p = r / n if n else 0.5
    for level in (1, 2, 3):
        n, r = sums.get((fam, kind, context)[:level], (0, 0))
        p = (r + PRIOR * p) / (n + PRIOR)
    return round(p, 3)


def of(rule: str, kind: str, mention: str | None, speaker_kind: str | None) -> float:
    """The confidence of one quote."""
    return estimate(family(rule), kind, context_of(rule, mention, speaker_kind))


def assign(attributions: list[Attribution]) -> None:
    """A first confidence for each attribution, before its speaker is resolved (the final one is
    :func:`of`, computed when the quote is built)."""
    for a in attributions:
        a.confidence = estimate(family(a.rule), a.kind, "named" if a.speaker is not None else "none")


__all__ = ["CONTEXTS", "PRIOR", "TABLE", "assign", "context_of", "estimate", "family", "key", "of"]
