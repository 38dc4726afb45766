"""The ``actors`` step: mentions -> canonical actors from the knowledge base, with coreference.

``actors.kb`` is the strong component (see :mod:`newsgraph.actors.resolve`); the first version,
``actors.ner``, lives in :mod:`newsgraph.baseline`.
"""

from __future__ import annotations

from ..model import Analysis
from ..pipeline import Context, component
from .resolve import resolve


@component("actors.kb")
def actors_kb(analysis: Analysis, ctx: Context) -> Analysis:
    actors, unresolved = resolve(analysis, ctx.kb)
    analysis.actors = actors
    analysis.scratch["unresolved_mentions"] = unresolved
    return analysis


__all__ = ["actors_kb", "resolve"]
