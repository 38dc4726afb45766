"""Stage 6, confidence (legacy fixed values; replaced by the calibrated table)."""

from __future__ import annotations

from .parsed import Attribution

_FIXED = {"post-frame": 0.95, "pre-frame": 0.9, "colon-paragraph": 0.85, "split-quote": 0.9,
          "previous-subject": 0.5, "question": 0.5, "unattributed": 0.3, "object": 0.5, "clause-fallback": 0.6,
          "parenthetical": 0.7, "according-to": 0.8, "speech-noun": 0.6, "colon-name": 0.7}


def assign(attributions: list[Attribution]) -> None:
    for a in attributions:
        if a.rule == "floating":
            src = a.inherits
            a.confidence = 0.8 * (src.confidence if src is not None else 0.0)
        elif a.rule in ("clause", "label", "document-clause"):
            base = {"direct": 0.85, "partial": 0.85, "indirect": 0.75}[a.kind]
            a.confidence = base * (0.8 if a.rule == "document-clause" else 1.0)
        else:
            a.confidence = _FIXED.get(a.rule, 0.5)
