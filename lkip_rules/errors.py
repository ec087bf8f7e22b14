"""The errors lkip-rules raises, all under one root, :class:`LkipError`.

Formula errors carry the formula's source text and the span of the offending part,
and render a caret under it; catalog errors (added by the catalog layer) carry the
file and key path. Every message says where and, when we can tell, what to do.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from lkip_rules.locale.text import Grouped, Text, phrase, say

__all__ = [
    "ArgumentError",
    "ArityError",
    "CatalogError",
    "CatalogErrors",
    "CatalogValidationError",
    "DivisionByZeroError",
    "EvaluationError",
    "FormulaError",
    "FormulaLimitError",
    "FormulaSyntaxError",
    "FormulaTypeError",
    "InvalidValueError",
    "LkipError",
    "MissingDependencyError",
    "MissingValueError",
    "NumericError",
    "UnknownIdError",
    "UnknownNameError",
    "YearRequiredError",
    "render_caret",
]

Span = tuple[int, int]


class LkipError(Exception):
    """Root of every error lkip-rules raises on bad input.

    ``str(error)`` is the message in English; :meth:`said` gives it in Bahasa Indonesia ("id") or
    English ("en") — every part written as a :class:`~lkip_rules.locale.text.Text` in that
    language, anything else as it stands.
    """

    def said(self, lang: str) -> str:
        """The message in ``lang``."""
        return say(self.args[0], lang) if len(self.args) == 1 and isinstance(self.args[0], str) else str(self)


class ArgumentError(LkipError, TypeError, ValueError):
    """An argument of the wrong type or out of range (a year given as text, quarter 5, ...).

    Also a TypeError and a ValueError, so code written for Python's own errors still catches it.
    """


class UnknownIdError(LkipError, KeyError):
    """An indicator, input or budget line id that the catalog does not have; says the nearest one."""

    def __init__(self, message: str, *, id: str, suggestion: str | None = None) -> None:
        self.id = id
        self.suggestion = suggestion
        text = (
            Text("with-hint", text=message, hint=Text("hint.did-you-mean", name=suggestion)) if suggestion else message
        )
        super().__init__(text)

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])


class MissingDependencyError(LkipError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


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
    column = start - line_start
    width = max(1, min(end, line_end) - start)
    if len(line) > WINDOW:  # a long line is shown around the span, never whole
        left = max(0, column - WINDOW // 2)
        shown = line[left : left + WINDOW]
        prefix, suffix = ("…" if left else ""), ("…" if left + WINDOW < len(line) else "")
        line, column = prefix + shown + suffix, column - left + len(prefix)
        width = min(width, WINDOW - (column - len(prefix)))
    return f"    {line}\n    {' ' * column}{'^' * max(1, width)}"


WINDOW = 80
"""Characters of a long formula line shown around the part an error points at."""


class _SourceError(LkipError):
    """An error located in a formula's source text."""

    def __init__(self, message: str, *, source: str = "", span: Span | None = None, hint: str | None = None) -> None:
        self.message = message
        self.source = source
        self.span = span
        self.hint = hint
        self.location: str | None = None  # "file.toml, indicators.x.formula", set by the catalog
        if span is not None:
            self.lineno, self.colno = line_and_column(source, span[0])
        else:
            self.lineno, self.colno = 0, 0
        super().__init__(message)  # rendered when shown: evaluation makes many it never shows

    def __str__(self) -> str:
        return self._render("en")

    def at(self, location: str) -> _SourceError:
        """Return this error with ``location`` (file and key path) in its message."""
        self.location = location
        return self

    def said(self, lang: str) -> str:
        return self._render(lang)

    def _render(self, lang: str) -> str:
        head = say(self.message, lang)
        if self.span is not None:
            where = phrase("where.line-column", lang, line=self.lineno, column=self.colno)
            if self.location:
                where = f"{self.location}, {where}"
            head = f"{where}: {head}\n{render_caret(self.source, self.span)}"
        elif self.location:
            head = f"{self.location}: {head}"
        if self.hint:
            head = f"{head}\n{say(self.hint, lang)}"
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
        hint = Text("load.did-you-mean", name=suggestion) if suggestion else None
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


class CatalogError(LkipError):
    """A catalog or data file that cannot be read: bad TOML, unknown key, wrong type.

    Carries the ``file``, the ``key_path`` (``indicators.x.polarity``) and, when known, the
    ``lineno`` and ``colno`` in the file.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str = "",
        key_path: str = "",
        lineno: int = 0,
        colno: int = 0,
        hint: str | None = None,
        line_text: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.key_path = key_path
        self.lineno = lineno
        self.colno = colno
        self.hint = hint
        self.line_text = line_text
        super().__init__(self.said("en"))

    def said(self, lang: str) -> str:
        where = ", ".join(part for part in (self.file, self.key_path) if part)
        if self.lineno:
            line = self.lineno
            where = (
                phrase("where.in-line", lang, where=where, line=line)
                if where
                else phrase("where.line", lang, line=line)
            )
        text = f"{where}: {say(self.message, lang)}" if where else say(self.message, lang)
        if self.line_text is not None and self.colno:
            text += f"\n    {self.line_text}\n    {' ' * (self.colno - 1)}^"
        if self.hint:
            text += f"\n{say(self.hint, lang)}"
        return text


class CatalogErrors(CatalogError):
    """Several CatalogErrors found in one run, all reported at once; ``errors`` lists them.

    Its own ``file``, ``key_path`` and ``lineno`` are those of the first.
    """

    errors: list[CatalogError]

    def __init__(self, errors: list[CatalogError]) -> None:
        flat = [item for error in errors for item in (error.errors if isinstance(error, CatalogErrors) else [error])]
        self.errors = flat
        first = flat[0]
        self.message, self.file, self.key_path = first.message, first.file, first.key_path
        self.lineno, self.colno, self.hint, self.line_text = first.lineno, first.colno, first.hint, first.line_text
        LkipError.__init__(self, self.said("en"))

    def said(self, lang: str) -> str:
        head = say(Text("errors.count", count=len(self.errors)), lang)
        return "\n".join([head, *_listed([error.said(lang) for error in self.errors], lang)])

    @staticmethod
    def raise_all(errors: list[CatalogError]) -> None:
        """Raise the one error, or all of them together; nothing when there are none."""
        if len(errors) == 1 and not isinstance(errors[0], CatalogErrors):
            raise errors[0]
        if errors:
            raise CatalogErrors(errors)


class CatalogValidationError(LkipError):
    """Raised by ``Catalog.check()`` when validation found errors; ``issues`` lists them all."""

    def __init__(self, issues: list[object]) -> None:
        self.issues = issues
        super().__init__(self.said("en"))

    def said(self, lang: str) -> str:
        count = len(self.issues)
        head = say(Text("errors.problem" if count == 1 else "errors.problems", count=count), lang)
        return "\n".join([head, *_listed([_said(issue, lang) for issue in self.issues], lang)])


SHOWN = 50
"""Errors a message lists; the rest are counted (the exception's list keeps them all)."""


def _listed(lines: list[str], lang: str = "en") -> list[str]:
    if len(lines) <= SHOWN:
        return lines
    more = say(Text("errors.more", count=Grouped(len(lines) - SHOWN)), lang)
    return [*lines[:SHOWN], more]


def _said(item: object, lang: str) -> str:
    """An issue (or anything that says itself) in ``lang``."""
    said = getattr(item, "said", None)
    return str(said(lang)) if callable(said) else str(item)
