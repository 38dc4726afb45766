"""The time budget of one article (``[input] max_seconds``): a cooperative deadline.

How an article is stopped, and why this way. Pure-Python work cannot be interrupted safely from
outside: an exception injected into a thread (``PyThreadState_SetAsyncExc``) or raised from a
signal handler lands wherever the interpreter happens to be, in the middle of a cache update or a
spaCy call, and can leave shared state (memo tables, the knowledge base's lazy indexes) half
written for the next article. So the pipeline stops an article *between* units of work:

- the runner checks the deadline before every component and, for a long text, before every
  section (:mod:`newsgraph.sections`: at most ~50,000 characters each, so one unit of work is a
  few seconds at most);
- components check it inside their own long loops (``limits.check()``; quotes, places, cleaning);
- a text is never handed to a stage in one piece larger than a section, and the stages newsgraph
  owns are near-linear, so the time between two checks stays small whatever the input.

An article over its budget raises :class:`~newsgraph.errors.AnalysisTimeout` (NG301): a batch
records it in the failures table and goes on with the next article. Where analysis runs in a
process that can be killed, a hard stop backs the cooperative one up: worker processes of
``newsgraph ingest --workers N`` exit when an article overruns its budget by half again (the
batch then isolates the article, see :mod:`newsgraph.batch`), and the API's analysis processes
are killed at their time limit (:mod:`newsgraph.service`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar

from .errors import AnalysisTimeout


class Deadline:
    """A budget of ``seconds`` (None or 0: no limit) for the article ``item``, started now."""

    __slots__ = ("end", "item", "seconds", "started")

    def __init__(self, seconds: float | None, item: str | None = None):
        self.seconds = float(seconds) if seconds else None
        self.item = item
        self.started = time.monotonic()
        self.end = self.started + self.seconds if self.seconds else None

    def pardon(self, seconds: float) -> None:
        """Do not charge ``seconds`` of shared work (spaCy's batched parse) to this article."""
        if self.end is not None:
            self.end += seconds

    def left(self) -> float | None:
        """Seconds of budget left (None without a limit)."""
        return None if self.end is None else self.end - time.monotonic()

    def overrun(self) -> float:
        """Seconds past the deadline (0 while within it, or without a limit)."""
        return max(0.0, time.monotonic() - self.end) if self.end is not None else 0.0

    def expired(self) -> bool:
        return self.end is not None and time.monotonic() > self.end

    def check(self, where: str | None = None) -> None:
        """Raise :class:`AnalysisTimeout` when the budget is spent."""
        if self.end is not None and time.monotonic() > self.end:
            at = f" (stopped {where})" if where else ""
            raise AnalysisTimeout(
                f"the analysis took longer than the {self.seconds:g} s budget{at}",
                hint="split the text, or raise [input] max_seconds (NEWSGRAPH_INPUT_MAX_SECONDS)",
                item=self.item)


_CURRENT: ContextVar[Deadline | None] = ContextVar("newsgraph_deadline", default=None)
# the deadline of the article this process is analysing now, for a watchdog thread (which does not
# see the analysing thread's context variables); None between articles
_ACTIVE: Deadline | None = None


@contextlib.contextmanager
def running(deadline: Deadline) -> Iterator[Deadline]:
    """Make ``deadline`` the current one for :func:`check` (and the watchdog) inside the block."""
    global _ACTIVE
    token = _CURRENT.set(deadline)
    outer, _ACTIVE = _ACTIVE, deadline
    try:
        yield deadline
    finally:
        _CURRENT.reset(token)
        _ACTIVE = outer


def current() -> Deadline | None:
    return _CURRENT.get()


def check(where: str | None = None) -> None:
    """Raise :class:`AnalysisTimeout` when the current article is over its budget (cheap: call it
    in any loop whose length grows with the text)."""
    d = _CURRENT.get()
    if d is not None and d.end is not None and time.monotonic() > d.end:
        d.check(where)


def active() -> Deadline | None:
    """The deadline of the article being analysed in this process right now (any thread)."""
    return _ACTIVE


__all__ = ["Deadline", "active", "check", "current", "running"]
