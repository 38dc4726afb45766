"""newsgraph's knowledge base: countries, people with dated offices, organisations, memberships.

Built reproducibly from ``shared/data/kb`` plus the curated files in ``kb/curated`` by
``python -m newsgraph.kb.build``; the built file ships in ``kb/data``. Nothing is loaded at
import time: :func:`get_kb` loads once (well under a second) and caches the result.

    >>> from newsgraph.kb import get_kb
    >>> kb = get_kb()
    >>> [h.name for h in kb.who("President", "KAZ", "2022-05-16")]
    ['Kassym-Jomart Tokayev']
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.kb.types import Country, Entity, Holding, Membership, Phrase

if TYPE_CHECKING:
    from newsgraph.kb.store import KB

_LOCK = threading.Lock()
_CACHE: dict[str, KB] = {}


def get_kb(path: str | Path | None = None, aliases: str | Path | None = None) -> KB:
    """The knowledge base, loaded on first call and cached (per path); ``aliases`` adds a user's
    alias table (``[kb] extra_aliases``), checked whole before use."""
    from newsgraph.kb.store import DATA_FILE, KB

    key = f"{path or DATA_FILE}|{aliases or ''}"
    kb = _CACHE.get(key)
    if kb is None:
        base = _CACHE.get(f"{path or DATA_FILE}|")
        with _LOCK:
            kb = _CACHE.get(key)
            if kb is None:
                if base is None:
                    base = KB.load(path or DATA_FILE)
                    _CACHE[f"{path or DATA_FILE}|"] = base
                kb = base.with_aliases(aliases) if aliases else base
                _CACHE[key] = kb
    return kb


def clear_cache() -> None:
    """Forget loaded KBs (tests that rebuild the data use this)."""
    _CACHE.clear()


def __getattr__(name: str):  # lazy access to the KB class without importing it at package import
    if name == "KB":
        from newsgraph.kb.store import KB

        return KB
    raise AttributeError(name)


__all__ = ["KB", "Country", "Entity", "Holding", "Membership", "Phrase", "clear_cache", "get_kb"]
