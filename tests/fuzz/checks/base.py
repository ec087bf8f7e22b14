"""What every check stands on: failures and hangs, the time limit, steps that count refusals,
reprs safe for any case, a case's files on disk, and the bundled catalog loaded once."""

from __future__ import annotations

import contextlib
import functools
import reprlib
import signal
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import Any

import attrs

import lkip_rules
from lkip_rules import Data, LkipError, load_catalog


class FuzzFailure(AssertionError):
    """A promise broken without an exception: ``tag`` is stable (for counting), ``detail`` is not."""

    def __init__(self, tag: str, detail: str = "") -> None:
        super().__init__(f"{tag}\n{detail}" if detail else tag)
        self.tag = tag


class Hang(BaseException):
    """Raised by the timer inside library code; a BaseException so ``except Exception`` lets it through."""


FIRED = {"timer": False}
"""Set when the timer went off: an engine that catches the signal itself (DuckDB raises
'Query interrupted') turns the Hang into its own error, which is still a hang."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` wherever the code is after ``seconds`` of CPU time (main thread only).

    CPU time, not wall time, so that a busy machine does not turn slowness into hangs (code
    that waits without computing is caught by run_long.py's wall-clock watchdog). The timer
    repeats every quarter second, because an exception raised inside a ``__del__`` is
    swallowed by Python and one alarm alone could be lost.
    """

    def alarm(signum: int, frame: FrameType | None) -> None:
        FIRED["timer"] = True
        raise Hang(f"still running after {seconds:g} s of CPU time")

    FIRED["timer"] = False
    previous = signal.signal(signal.SIGPROF, alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds, 0.25)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


class Steps:
    """Runs library calls one after another, counting refusals (LkipError); the rest escapes."""

    def __init__(self) -> None:
        self.refused = 0

    def run(self, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return call(*args, **kwargs)
        except LkipError:
            self.refused += 1
            return None
        except BaseException as exc:
            exc.add_note(f"fuzz step: {getattr(call, '__qualname__', call)}{short_repr(args)[:300]}")
            raise

    @property
    def outcome(self) -> str:
        return "lkip" if self.refused else "ok"


class _Repr(reprlib.Repr):
    """repr() that survives ints past Python's 4300-digit limit (shown as evaluable hex)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.maxstring = self.maxother = self.maxlong = limit
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = limit // 10
        self.maxlevel = 12

    def repr_int(self, x: int, level: int) -> str:
        try:
            return repr(x)
        except ValueError:
            return f"int({hex(x)!r}, 16)"


def safe_repr(value: object, limit: int = 100_000) -> str:
    """repr() for reproducers and messages, safe for any value a case holds."""
    return _Repr(limit).repr(value)


def short_repr(value: object) -> str:
    """safe_repr() cut short, for the notes and messages of failures."""
    return safe_repr(value, 400)


def materialise(files: Mapping[str, bytes], root: Path) -> Path:
    """Write a case's files under ``root`` (a fresh temporary folder) and return it."""
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def assert_finite(found: object, where: str = "results") -> None:
    """Every Decimal in ``found`` (attrs records, mappings, sequences) is finite."""
    stack: list[tuple[object, str]] = [(found, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, Decimal):
            if not item.is_finite():
                raise FuzzFailure("a non-finite number in the results", f"{path} = {item}")
        elif attrs.has(type(item)):
            stack += [(getattr(item, a.name), f"{path}.{a.name}") for a in attrs.fields(type(item))]  # type: ignore[arg-type]
        elif isinstance(item, Mapping):
            stack += [(value, f"{path}[{key!r}]") for key, value in item.items()]
        elif isinstance(item, (list, tuple)):
            stack += [(value, f"{path}[{i}]") for i, value in enumerate(item)]


def merged_data(base: Data, extra: Any) -> Data:
    """``extra`` laid over ``base``: ``Data.merge`` (``overlay`` in older versions of the library)."""
    combine = getattr(base, "merge", None) or base.overlay  # type: ignore[attr-defined]
    return combine(extra)  # type: ignore[no-any-return]


@functools.cache
def bundled_catalog() -> lkip_rules.Catalog:
    """The bundled catalog, loaded once per process (evaluation does not change it)."""
    return load_catalog(lkip_rules.BUNDLED_CATALOG)
