"""Event coding: who did what to whom, in PLOVER and CAMEO, with evidence, date and place.

The ``events.coder`` component (the default ``events`` step) reads the spaCy parse, the actors,
quotes and places found before it, and fills ``analysis.events``. See :mod:`.coder` for the method,
:mod:`.dictionary` for the verb-pattern format users extend through ``[events] extra_verbs``, and
:mod:`.codebook` for CAMEO/PLOVER lookups. Config (``[events]``): ``one_sided`` keeps events with
only one side; ``extra_verbs`` names a user TSV merged over the built-in patterns; ``keep_negated``
keeps negated and denied acts (flagged); ``infer_sides = false`` turns off the sides the coder infers
beyond the sentence's syntax (earlier events, a crowd's location, the coercer's own country).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..model import Analysis
from ..pipeline import Context, component


@cache
def _coder(extra_verbs: str, one_sided: bool, keep_negated: bool, infer_sides: bool = True) -> Any:
    """One compiled coder per configuration (the dictionary is compiled once per process)."""
    from .coder import Coder
    from .dictionary import load_dictionary

    return Coder(load_dictionary(extra_verbs), one_sided=one_sided, keep_negated=keep_negated,
                 infer_sides=infer_sides)


def coder_for(config: dict[str, dict[str, Any]]) -> Any:
    """The :class:`~newsgraph.events.coder.Coder` for a configuration dict."""
    cfg = config.get("events", {})
    return _coder(str(cfg.get("extra_verbs") or ""), bool(cfg.get("one_sided", False)),
                  bool(cfg.get("keep_negated", False)), bool(cfg.get("infer_sides", True)))


@component("events.coder")
def events_coder(analysis: Analysis, ctx: Context) -> Analysis:
    """Fill ``analysis.events`` from the parse, actors, quotes and places."""
    if analysis.doc is None:
        return analysis
    analysis.events = coder_for(ctx.config).events(analysis)
    return analysis


__all__ = ["coder_for", "events_coder"]
