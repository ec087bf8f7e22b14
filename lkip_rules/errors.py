"""The errors lkip-rules raises, all under one root, :class:`LkipError`.

Formula errors carry the formula's source text and the span of the offending part,
and render a caret under it; catalog errors (added by the catalog layer) carry the
file and key path. Every message says where and, when we can tell, what to do.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

__all__ = [
    "ArityError",
    "DivisionByZeroError",
    "EvaluationError",
    "FormulaError",
    "FormulaLimitError",
    "FormulaSyntaxError",
    "FormulaTypeError",
    "InvalidValueError",
    "LkipError",
    "MissingValueError",
    "NumericError",
    "UnknownNameError",
    "YearRequiredError",
    "render_caret",
]

Span = tuple[int, int]


class LkipError(Exception):
    """Root of every error lkip-rules raises on bad input."""


def line_and_column(source: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``source``."""
    offset = max(0, min(offset, len(source)))
    lineno = source.count("\n", 0, offset) + 1
    colno = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return lineno, colno


def render_caret(source: str, span: Span) -> str:
    """The source line holding ``span`` with carets under the span."""
    start, end = span
    start = max(0, min(start, len(source)))
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", start)
    if line_end == -1:
        line_end = len(source)
    line = source[line_start:line_end]
    width = max(1, min(end, line_end) - start)
    return f"    {line}\n    {' ' * (start - line_start)}{'^' * width}"


class _SourceError(LkipError):
    """An error located in a formula's source text."""

    def __init__(
        self, message: str, *, source: str = "", span: Span | None = None, hint: str | None = None
    ) -> None:
        self.message = message
        self.source = source
        self.span = span
        self.hint = hint
        self.location: str | None = None  # "file.toml, indicators.x.formula", set by the catalog
        if span is not None:
            self.lineno, self.colno = line_and_column(source, span[0])
        else:
            self.lineno, self.colno = 0, 0
        super().__init__(self._render())

    def at(self, location: str) -> _SourceError:
        """Return this error with ``location`` (file and key path) in its message."""
        self.location = location
        self.args = (self._render(),)
        return self

    def _render(self) -> str:
        head = self.message
        if self.span is not None:
            where = f"line {self.lineno}, column {self.colno}"
            if self.location:
                where = f"{self.location}, {where}"
            head = f"{where}: {head}\n{render_caret(self.source, self.span)}"
        elif self.location:
            head = f"{self.location}: {head}"
        if self.hint:
            head = f"{head}\n{self.hint}"
        return head


class FormulaError(_SourceError):
    """A formula that cannot be built: bad syntax, names, arity, types or size."""


class FormulaSyntaxError(FormulaError):
    """The text is not a formula of the language."""


class UnknownNameError(FormulaError):
    """A name or function the formula uses is not known."""

    def __init__(
        self,
        message: str,
        *,
        name: str,
        suggestion: str | None = None,
        source: str = "",
        span: Span | None = None,
    ) -> None:
        self.name = name
        self.suggestion = suggestion
        hint = f"did you mean '{suggestion}'?" if suggestion else None
        super().__init__(message, source=source, span=span, hint=hint)


class ArityError(FormulaError):
    """A function called with the wrong number or kind of arguments."""


class FormulaTypeError(FormulaError):
    """A number used where a condition is needed, or the other way round."""


class FormulaLimitError(FormulaError):
    """A formula too long or nested too deeply to be accepted."""


class EvaluationError(_SourceError):
    """A formula that was built but cannot be evaluated on the given values."""


class MissingValueError(EvaluationError):
    """A name has no value for the year the formula needs."""

    def __init__(
        self,
        message: str,
        *,
        name: str,
        year: int | None,
        source: str = "",
        span: Span | None = None,
        hint: str | None = None,
    ) -> None:
        self.name = name
        self.year = year
        super().__init__(message, source=source, span=span, hint=hint)


class YearRequiredError(EvaluationError):
    """A year reference was used but no year was given to evaluate()."""


class DivisionByZeroError(EvaluationError):
    """A divisor evaluated to zero."""

    def __init__(
        self,
        message: str,
        *,
        divisor: str,
        values: Mapping[str, Decimal],
        source: str = "",
        span: Span | None = None,
        hint: str | None = None,
    ) -> None:
        self.divisor = divisor
        self.values = dict(values)
        super().__init__(message, source=source, span=span, hint=hint)


class InvalidValueError(EvaluationError):
    """A value given to evaluate() is not an exact finite number."""


class NumericError(EvaluationError):
    """A result too large, or too precise, for exact decimal arithmetic."""
