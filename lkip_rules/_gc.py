"""Pause Python's cyclic garbage collector while a large structure is built.

The collector runs every few hundred new container objects and, as the heap grows, scans all
of it again and again; loading and evaluating a catalog of ten thousand indicators creates a
few hundred thousand long-lived objects and no garbage cycles (a test holds that a dropped
catalog leaves none), and spent a quarter of its time in those scans (measured with
``gc.callbacks``: 7 full collections, 0.6 s of 2.3 s). Mercurial pauses the collector for the
same reason (``util.nogc``). Reference counting still frees everything that is not a cycle, so
memory does not grow; the collector resumes when the pause ends, and is never turned on if the
caller had turned it off. The collector is global to the process: another thread's pause may
end while this one runs, which costs only time.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic collector off inside, as it was after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            _survived()
            gc.enable()


PROMOTE_AFTER = 50_000
"""New objects a pause must leave behind before they are counted as long-lived at once."""


def _survived() -> None:
    """Count what a large pause made as long-lived, so the collector does not scan it twice
    more (young, then middle-aged) as soon as it resumes: gc.freeze() then gc.unfreeze() moves
    every tracked object to the oldest generation and sets the count of new ones to 0, without
    a scan (0.1 s of 1.5 s at ten thousand indicators). Only after a large pause — a catalog of
    thousands of indicators — so a program evaluating small catalogs in a loop keeps its young
    garbage collected as young; and never when the program froze objects itself (a server
    forking workers does, to share memory pages with them): unfreezing would undo its freeze."""
    if gc.get_count()[0] > PROMOTE_AFTER and gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def without_collector(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run with the cyclic collector paused."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return function(*args, **kwargs)

    return run
