"""Event coding: who did what to whom, in PLOVER and CAMEO, with evidence, date and place.

The ``events.coder`` component (the default ``events`` step) reads the spaCy parse, the actors,
quotes and places found before it, and fills ``analysis.events``. See :mod:`.coder` for the method,
:mod:`.learned` for the learned detector beside the rules, :mod:`.dictionary` for the verb-pattern
format users extend through ``[events] extra_verbs``, and :mod:`.codebook` for CAMEO/PLOVER lookups.
Config (``[events]``): ``detector`` runs the learned detector (``detector_path``: its artefact,
default the shipped one); ``one_sided`` keeps events with only one side; ``extra_verbs`` names a user
TSV merged over the built-in patterns; ``keep_negated`` keeps negated and denied acts (flagged);
``infer_sides = false`` turns off the sides the coder infers beyond the sentence's syntax (earlier
events, a crowd's location, the coercer's own country). The ``events.rules`` component is the rule
coder alone whatever ``detector`` says, so the two can be compared.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..model import Analysis
from ..pipeline import Context, component


@cache
def _coder(extra_verbs: str, one_sided: bool, keep_negated: bool, infer_sides: bool = True,
           detector: bool = False, detector_path: str = "") -> Any:
    """One compiled coder per configuration (the dictionary is compiled once per process; the
    detector's artefact is read here, so a missing or damaged one fails when the coder is built)."""
    from .coder import Coder
    from .detect import load_detector
    from .dictionary import load_dictionary

    det = load_detector(detector_path or None) if detector else None
    return Coder(load_dictionary(extra_verbs), one_sided=one_sided, keep_negated=keep_negated,
                 infer_sides=infer_sides, detector=det)


def coder_for(config: dict[str, dict[str, Any]], *, rules_only: bool = False) -> Any:
    """The :class:`~newsgraph.events.coder.Coder` for a configuration dict (``rules_only``: without
    the learned detector, whatever ``[events] detector`` says)."""
    cfg = config.get("events", {})
    use_detector = bool(cfg.get("detector", False)) and not rules_only
    return _coder(str(cfg.get("extra_verbs") or ""), bool(cfg.get("one_sided", False)),
                  bool(cfg.get("keep_negated", False)), bool(cfg.get("infer_sides", True)),
                  use_detector, str(cfg.get("detector_path") or "") if use_detector else "")


@component("events.coder")
def events_coder(analysis: Analysis, ctx: Context) -> Analysis:
    """Fill ``analysis.events`` from the parse, actors, quotes and places (with the learned
    detector when ``[events] detector`` is on)."""
    if analysis.doc is None:
        return analysis
    analysis.events = coder_for(ctx.config).events(analysis)
    return analysis


@component("events.rules")
def events_rules(analysis: Analysis, ctx: Context) -> Analysis:
    """The rule coder alone (no learned detector), for comparison with ``events.coder``."""
    if analysis.doc is None:
        return analysis
    analysis.events = coder_for(ctx.config, rules_only=True).events(analysis)
    return analysis


# built when the pipeline is built: a missing or damaged detector artefact is an error at start-up
events_coder.prepare = coder_for  # type: ignore[attr-defined]
events_rules.prepare = lambda config: coder_for(config, rules_only=True)  # type: ignore[attr-defined]

__all__ = ["coder_for", "events_coder", "events_rules"]
