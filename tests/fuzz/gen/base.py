"""The drivers every generator is written for: one :class:`Chooser`, two sources of choices.

Every generator takes a :class:`Chooser` and makes all its random choices through it. The
pytest tests drive them with Hypothesis (``DrawChooser``: choices are draws, so failures
shrink); ``run_long.py`` drives them with ``random.Random`` (``RandomChooser``: no engine
overhead, millions of examples). Choices are ordered so that the first option, and a
``chance`` that comes out False, are the plainest: that is where Hypothesis shrinks to.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from random import Random
from typing import Any, TypeVar

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

T = TypeVar("T")


class Chooser:
    """The one source of randomness of every generator; subclasses supply ``integer``."""

    def integer(self, low: int, high: int) -> int:
        raise NotImplementedError

    def chance(self, percent: int) -> bool:
        """True about ``percent`` times in a hundred; shrinks to False."""
        return self.integer(0, 99) >= 100 - percent

    def pick(self, options: Sequence[T]) -> T:
        """One of ``options``; shrinks to the first."""
        return options[self.integer(0, len(options) - 1)]


class DrawChooser(Chooser):
    """Choices as Hypothesis draws, so failing inputs shrink."""

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self.draw = draw

    def integer(self, low: int, high: int) -> int:
        return int(self.draw(st.integers(low, high)))


class RandomChooser(Chooser):
    """Choices from ``random.Random``: cheap, for the long runs."""

    def __init__(self, seed: object) -> None:
        self.random = Random(str(seed))

    def integer(self, low: int, high: int) -> int:
        return self.random.randint(low, high)

    def chance(self, percent: int) -> bool:
        return self.random.random() * 100 < percent


def strategy(generate: Callable[[Chooser], T]) -> st.SearchStrategy[T]:
    """A Hypothesis strategy from a generator."""

    @st.composite
    def build(draw: Callable[[st.SearchStrategy[Any]], Any]) -> T:
        return generate(DrawChooser(draw))

    return build()


SCALE = float(os.environ.get("LKIP_FUZZ_EXAMPLES", "1"))
"""Multiplies every test's number of examples: ``LKIP_FUZZ_EXAMPLES=20`` for a longer run by hand."""


def fuzz_settings(examples: int) -> settings:
    """Deterministic, quick settings local to one fuzz test.

    Shrinking is off unless LKIP_FUZZ_SHRINK=1: a failure that takes seconds (a hang) would
    otherwise be replayed hundreds of times, and the CI run must stay under a minute.
    """
    phases = [Phase.explicit, Phase.generate]
    if os.environ.get("LKIP_FUZZ_SHRINK") == "1":
        phases.append(Phase.shrink)
    return settings(
        max_examples=max(1, round(examples * SCALE)),
        derandomize=True,
        database=None,
        deadline=None,
        phases=phases,
        suppress_health_check=list(HealthCheck),
    )


def digits(c: Chooser, count: int) -> str:
    """``count`` digits, not starting with 0, from two choices (cheap for Hypothesis)."""
    block = str(c.integer(10**8, 10**9 - 1))
    return (str(c.integer(1, 9)) + block * (count // 9 + 1))[:count]
