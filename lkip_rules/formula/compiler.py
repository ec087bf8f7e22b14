"""Compile a checked, lowered tree into a Python function, once per shape, for fast evaluation.

The generated source is built from our own tree only: operators come from a fixed set, and
names, numbers and periods are never written into it: a name is a placeholder constant that
the formula's own name replaces in the code object, a number or a period a global (``_c0``,
``_p0``). No text the user wrote reaches ``compile``. So formulas that differ
only in their names and numbers — ``(a) / (b) * 100`` and ``(c) / (d) * 100`` — have one
shape and share one code object; each formula gets its own function over it (a dict of its
constants, a microsecond or two), so a catalog of ten thousand ratio formulas compiles once.

The fast path assumes all goes well. Any surprise — a value that is not a Decimal, a
missing value, a zero divisor, a decimal signal — hands the call to the reference
interpreter, which then raises the precise error (or returns, if a lazily evaluated
branch made the value unnecessary). So the compiled code never has to explain anything.
"""

from __future__ import annotations

from decimal import Decimal
from types import CodeType, FunctionType
from typing import Any, NamedTuple, Protocol

from lkip_rules.errors import EvaluationError
from lkip_rules.formula import ast, interpreter, values
from lkip_rules.formula.functions import maximum, mean, minimum, round_half_up, total


class Evaluator(Protocol):
    def __call__(self, values: values.Values, /, year: int | None = None) -> Decimal: ...


class _Fallback(Exception):
    """Leave the fast path; the reference interpreter will take over."""


# What sends a call from the fast path to the reference interpreter: our marker, a decimal
# signal, an evaluation error, a missing key or year, a value of an unexpected type.
_LEAVE_FAST_PATH = (_Fallback, ArithmeticError, EvaluationError, LookupError, TypeError, AttributeError)


_NO_YEAR = object()  # a key no values by year hold: a look-up by year without a year finds nothing


def _fallback() -> Any:
    raise _Fallback


def _slow(vals: values.Values, name: str, period: ast.Period, year: int | None) -> Decimal:
    found = values.resolve(vals, name, period, year)
    if isinstance(found, values.Missing):
        raise _Fallback
    return found


def _year_expr(period: ast.Period) -> str:
    if period.year is not None:
        return str(period.year)
    if period.offset == 0:
        return "key"
    return f"key {'+' if period.offset > 0 else '-'} {abs(period.offset)}"


class Skeleton(NamedTuple):
    """A tree as its shape (``key``: nodes in walk order, each name by its first place, no
    numbers) and what fills the shape: the names in first-use order, the numbers in walk order."""

    key: tuple[object, ...]
    names: tuple[str, ...]
    numbers: tuple[Decimal, ...]


def skeleton(node: ast.Node) -> Skeleton:
    """The shape of ``node`` and its names and numbers, in one :func:`ast.walk` (parents before
    children, left to right: the order in which the compiler meets the numbers)."""
    key: list[object] = []
    names: dict[str, int] = {}
    numbers: list[Decimal] = []
    for current in ast.walk(node):
        if isinstance(current, ast.Binary):
            key.append(current.op)
        elif isinstance(current, ast.Ref):
            key.append((names.setdefault(current.name, len(names)), current.period))
        elif isinstance(current, ast.Number):
            numbers.append(current.value)
            key.append(0)
        elif isinstance(current, ast.Call):
            key.append((current.func, len(current.args)))
        else:
            key.append(("unary", current.op))
    return Skeleton(tuple(key), tuple(names), tuple(numbers))


class Shape:
    """The code shared by the formulas of one shape, and how often they were evaluated."""

    __slots__ = ("base", "calls", "code", "failed", "name_keys", "number_keys")

    def __init__(self) -> None:
        self.calls = 0
        self.code: CodeType | None = None
        self.failed = False  # Python's compiler refused the shape: its formulas stay on the interpreter
        self.base: dict[str, Any] = {}
        self.name_keys: tuple[str, ...] = ()
        self.number_keys: tuple[str, ...] = ()

    @property
    def ready(self) -> bool:
        """Whether a formula of this shape gets its compiled function without compiling."""
        return self.code is not None or self.failed


MAX_SHAPES = 4096
"""Shapes kept; when more are seen the cache starts again (a catalog has a few dozen)."""

_SHAPES: dict[tuple[object, ...], Shape] = {}


def shape_of(found: Skeleton) -> Shape:
    """The one Shape for the key of ``found``."""
    shape = _SHAPES.get(found.key)
    if shape is None:
        if len(_SHAPES) >= MAX_SHAPES:
            _SHAPES.clear()
        shape = _SHAPES[found.key] = Shape()
    return shape


def compile_tree(node: ast.Node, source: str, found: Skeleton | None = None) -> Evaluator:
    """A function ``evaluate(values, year=None) -> Decimal`` for ``node`` (its shape compiled once)."""
    found = found or skeleton(node)
    shape = shape_of(found)
    reference = _reference(node, source)
    if not shape.ready:
        _build(shape, node, found)
    if shape.code is None:
        return reference
    # The shape's code holds a placeholder constant for each name; this formula's names take
    # their places (a constant is loaded faster than a global; 0.6 µs a formula). Numbers are
    # globals: Python would fold an operation on two constants into one.
    own = dict(zip(shape.name_keys, found.names, strict=True))
    consts = tuple([own.get(c, c) if c.__class__ is str else c for c in shape.code.co_consts])
    namespace = dict(shape.base)
    namespace.update(zip(shape.number_keys, found.numbers, strict=True))
    namespace["_reference"] = reference
    evaluate: Evaluator = FunctionType(shape.code.replace(co_consts=consts), namespace, "evaluate", (None,))
    return evaluate


def _reference(node: ast.Node, source: str) -> Evaluator:
    def reference(vals: values.Values, year: int | None = None) -> Decimal:
        return interpreter.evaluate(node, vals, year, source)

    return reference


def _build(shape: Shape, node: ast.Node, found: Skeleton) -> None:
    compiler = _Compiler(node, found)
    try:
        shape.code, shape.base = compiler.build()
    except (SyntaxError, RecursionError, MemoryError):
        # Python's own compiler has limits (about 200 nested parentheses) that a formula within
        # ours can reach; such a formula stays on the reference interpreter, with the same results.
        shape.failed = True
        return
    if compiler.numbers != list(found.numbers):  # pragma: no cover - both must walk in one order
        raise AssertionError("the compiler and the skeleton disagree on the order of numbers")
    shape.name_keys = tuple(_placeholder("n", index) for index in range(len(found.names)))
    shape.number_keys = tuple(f"_c{index}" for index in range(len(found.numbers)))


def _placeholder(kind: str, index: int) -> str:
    """A string constant no generated code uses otherwise (it starts with NUL)."""
    return f"\0{kind}{index}"


class _Compiler:
    def __init__(self, node: ast.Node, found: Skeleton) -> None:
        self.node = node
        self.name_index = {name: index for index, name in enumerate(found.names)}
        self.slots: dict[ast.Ref, int] = {}  # (name, period) → slot; spans do not matter
        self.numbers: list[Decimal] = []  # in walk order (each formula's own)
        self.periods: dict[str, object] = {}  # _p0, _p1, … (part of the shape)

    def build(self) -> tuple[CodeType, dict[str, Any]]:
        body = self.expr(self.node)
        # A year that is no whole number is the reference interpreter's to refuse; with no year,
        # a look-up by year finds nothing (never a value stored under None) and falls back too.
        # The usual call has no year or an int: one identity test. The year is looked up (as
        # "key") only where a value is given by year. (The year may also be given by position:
        # a keyword-only argument costs every call about 20 ns on CPython 3.11.)
        lines = ["def evaluate(values, year=None):", "    try:"]
        lines.append("        if year is not None and year.__class__ is not int: _fallback()")
        # Values are looked up by subscript only in a plain dict: a subclass may answer a name
        # it does not hold (defaultdict, Counter) where the interpreter's .get finds nothing.
        lines.append("        if values.__class__ is not dict: _fallback()")
        lines += self.plain_path(body)
        lines += self.fetch_all()
        lines += [
            f"        if not ({self.all_finite()}): _fallback()",
            f"        return {body}",
            "    except _LEAVE_FAST_PATH:",
            "        pass",  # outside the except block, so the fallback's error is not chained
            "    return _reference(values, year)",
        ]
        namespace: dict[str, Any] = {
            "_D": Decimal,
            "_Fallback": _Fallback,
            "_fallback": _fallback,
            "_LEAVE_FAST_PATH": _LEAVE_FAST_PATH,
            "_slow": _slow,
            "_min": minimum,
            "_max": maximum,
            "_finite": Decimal.is_finite,  # as a function: TypeError for anything but a Decimal
            "_NO_YEAR": _NO_YEAR,
            "_sum": total,
            "_avg": mean,
            "_round": round_half_up,
            **self.periods,
        }
        module = compile("\n".join(lines), "<lkip formula>", "exec")
        exec(module, namespace)  # noqa: S102 - code generated from our own tree, see module doc
        code: CodeType = namespace.pop("evaluate").__code__
        return code, namespace

    def name(self, name: str) -> str:
        return repr(_placeholder("n", self.name_index[name]))

    def period(self, period: ast.Period) -> str:
        key = f"_p{len(self.periods)}"
        self.periods[key] = period
        return key

    def all_finite(self) -> str:
        """A test that every value is a finite Decimal.

        ``Decimal.is_finite`` called as a function raises TypeError for anything but a Decimal
        (or a subclass, taken as the Decimal it is), so one call checks the kind and refuses
        Infinity and NaN, which the reference interpreter refuses where it meets them.
        """
        return " and ".join(f"_finite(s{slot})" for slot in self.slots.values()) or "True"

    def plain_path(self, body: str) -> list[str]:
        """Lines for the usual call of a formula on plain values: one Decimal under each name.

        Decided by the first value; any other value that is not a finite Decimal (a dict of
        values by year among plain ones, an int, text) leaves the fast path.
        """
        if not self.slots or any(ref.period != ast.CURRENT for ref in self.slots):
            return []
        (first, slot), *others = self.slots.items()
        lines = [f"        s{slot} = values[{self.name(first.name)}]", f"        if s{slot}.__class__ is _D:"]
        lines += [f"            s{other} = values[{self.name(ref.name)}]" for ref, other in others]
        # The first value is known to be a Decimal: its own method is the cheaper test.
        finite = " and ".join([f"s{slot}.is_finite()", *(f"_finite(s{other})" for _, other in others)])
        lines += [f"            if {finite}: return {body}", "            _fallback()"]
        return lines

    def fetch_all(self) -> list[str]:
        """Lines that put every referenced value in its local ``s<slot>``.

        Fast cases: a Decimal under the name, or a dict of Decimals by year. Anything
        else (ints, text, other mappings) takes ``_slow``; a missing key or year leaves
        the fast path altogether.
        """
        by_name: dict[str, list[tuple[ast.Period, int]]] = {}
        for ref, slot in self.slots.items():
            by_name.setdefault(ref.name, []).append((ref.period, slot))
        lines: list[str] = []
        for name, uses in by_name.items():
            if [period for period, _ in uses] == [ast.CURRENT]:
                lines += self.fetch_current(name, uses[0][1])
            else:
                lines += self.fetch_series(name, uses)
        return lines

    def slow(self, name: str, period: ast.Period) -> str:
        return f"_slow(values, {self.name(name)}, {self.period(period)}, year)"

    def fetch_current(self, name: str, slot: int) -> list[str]:
        var, slow = f"s{slot}", self.slow(name, ast.CURRENT)
        return [
            f"        {var} = values[{self.name(name)}]",
            f"        if {var}.__class__ is not _D:",
            f"            {var} = {var}[_NO_YEAR if year is None else year] if {var}.__class__ is dict else {slow}",
        ]

    def fetch_series(self, name: str, uses: list[tuple[ast.Period, int]]) -> list[str]:
        # One look-up of the name, then one subscript per year it is used at.
        series = f"n{uses[0][1]}"
        lines = [f"        {series} = values[{self.name(name)}]", f"        if {series}.__class__ is dict:"]
        lines.append("            key = _NO_YEAR if year is None else year")
        lines += [f"            s{slot} = {series}[{_year_expr(period)}]" for period, slot in uses]
        lines.append("        else:")  # a plain number (the value for year N) or another mapping
        lines += [f"            s{slot} = {self.slow(name, period)}" for period, slot in uses]
        return lines

    def expr(self, node: ast.Node) -> str:
        if isinstance(node, ast.Number):
            self.numbers.append(node.value)
            return f"_c{len(self.numbers) - 1}"
        if isinstance(node, ast.Ref):
            key = ast.Ref(node.name, node.period)
            return f"s{self.slots.setdefault(key, len(self.slots))}"
        if isinstance(node, ast.Unary):
            op = "not " if node.op == "not" else node.op
            return f"({op}{self.expr(node.operand)})"
        if isinstance(node, ast.Call):
            return self.call(node)
        left, right = self.expr(node.left), self.expr(node.right)
        if node.op == "/":
            # A zero (or -0) divisor is falsy: leave the fast path to report it.
            return f"({left} / ({right} or _fallback()))"
        return f"({left} {node.op} {right})"

    def call(self, node: ast.Call) -> str:
        args = [self.expr(arg) for arg in node.args]
        if node.func == "if":
            return f"({args[1]} if {args[0]} else {args[2]})"
        if node.func == "coalesce":
            # Missing values make the fast path fall back, where coalesce is exact.
            return args[0]
        if node.func == "abs":
            return f"abs({args[0]})"
        if node.func == "round":
            return f"_round({args[0]}, int({args[1]}))"
        target = {"min": "_min", "max": "_max", "sum": "_sum", "avg": "_avg"}[node.func]
        return f"{target}({', '.join(args)})"
