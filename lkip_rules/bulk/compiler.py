"""One catalog, compiled for columnar engines: the semantics of the scalar path, engine-free.

Every indicator becomes two column expressions — its realisation (a float) and an error code
(null when fine, else MISSING or UNDEFINED) — built left to right exactly as the reference
interpreter evaluates, so the first problem met decides the status, as it does row by row.
Scoring (rounding, polarity, ranges, zero targets, cap, floor, categories) is then written as
CASE expressions over those columns. A Backend turns the abstract operations into Polars
expressions or SQL text; this module knows neither.

Numbers: the engines compute in float64. Every printed number is rounded with the declared
mode by one formula written here, so Polars and DuckDB run the same IEEE operations and agree
bit for bit; the rounding lets a value within a relative 1e-9 of a rounding tie count as the
tie, which absorbs float noise (0.145 * 100 is 14.499999999999998), so the printed figures
agree with the exact scalar path unless a true value lies that close to a tie without being
one (see docs/bulk.md). Outputs are cast to DECIMAL(38, d) at the very end.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

import attrs

from lkip_rules.errors import LkipError
from lkip_rules.formula import ast

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.catalog.model import Indicator
    from lkip_rules.scoring import Target

E = TypeVar("E")

MISSING, UNDEFINED, ERROR = 1, 2, 3


class BulkError(LkipError):
    """A catalog feature the bulk engines do not support, or a frame that does not fit."""


Stages = list[list[tuple[str, E]]]
"""Named column expressions; each stage may use the columns of the stages before it."""


class Backend(Protocol[E]):
    def col(self, name: str) -> E: ...
    def num(self, value: Decimal | int) -> E: ...
    def text(self, value: str) -> E: ...
    def null(self) -> E: ...
    def op(self, op: str, left: E, right: E) -> E: ...  # + - * / < <= > >= == != and or
    def neg(self, value: E) -> E: ...
    def not_(self, value: E) -> E: ...
    def abs_(self, value: E) -> E: ...
    def is_null(self, value: E) -> E: ...
    def coalesce(self, values: Sequence[E]) -> E: ...
    def case(self, branches: Sequence[tuple[E, E]], otherwise: E) -> E: ...
    def least(self, values: Sequence[E]) -> E: ...
    def greatest(self, values: Sequence[E]) -> E: ...
    def floor(self, value: E) -> E: ...
    def sign(self, value: E) -> E: ...


@attrs.frozen
class Lag:
    """An input needed at another year: ``name`` at N + offset, or at an absolute year."""

    name: str
    period: ast.Period

    @property
    def column(self) -> str:
        if self.period.year is not None:
            return f"{self.name}__y{self.period.year}"
        return (
            f"{self.name}__lag{-self.period.offset}"
            if self.period.offset < 0
            else f"{self.name}__lead{self.period.offset}"
        )


def realisation_column(indicator_id: str) -> str:
    return f"{indicator_id}__real"


def error_column(indicator_id: str) -> str:
    return f"{indicator_id}__err"


TIE = Decimal("1e-9")
"""Relative closeness to a rounding tie that counts as the tie (float noise is ~1e-16)."""


def printed(b: Backend[E], value: E, decimals: int, rounding: str) -> E:
    """``value`` rounded to ``decimals`` places as the scalar path does, in float operations."""
    scale = b.num(Decimal(10) ** decimals)
    shifted = b.abs_(b.op("*", value, scale))
    nudge = b.op("*", b.op("+", shifted, b.num(1)), b.num(TIE))
    if rounding == "half-up":
        whole = b.floor(b.op("+", b.op("+", shifted, b.num(Decimal("0.5"))), nudge))
    elif rounding == "down":
        whole = b.floor(b.op("+", shifted, nudge))
    else:  # half-even: a tie goes to the even neighbour
        low = b.floor(shifted)
        distance = b.abs_(b.op("-", b.op("-", shifted, low), b.num(Decimal("0.5"))))
        tie = b.op("<=", distance, nudge)
        odd = b.op("==", b.op("-", low, b.op("*", b.floor(b.op("/", low, b.num(2))), b.num(2))), b.num(1))
        whole = b.case(
            [(b.op("and", tie, odd), b.op("+", low, b.num(1))), (tie, low)],
            b.floor(b.op("+", shifted, b.num(Decimal("0.5")))),
        )
    return b.op("/", b.op("*", b.sign(value), whole), scale)


class Compiler(Generic[E]):
    """Compiles the catalog's indicators against one backend."""

    def __init__(
        self, catalog: Catalog, backend: Backend[E], year_column: str = "year", quarter_column: str | None = None
    ) -> None:
        self.catalog = catalog
        self.b = backend
        self.year = year_column
        self.quarter = quarter_column  # rows up to a quarter are scored against the quarter's targets
        self.lags: dict[tuple[str, ast.Period], Lag] = {}

    # -- realisation -------------------------------------------------------------------------

    def realisation(self, ind: Indicator) -> tuple[E, E]:
        """(value, error code) of an indicator with a formula; ERROR when the formula is broken."""
        if ind.formula is None or not set(ind.formula.names) <= self.catalog.names():
            return self.b.null(), self.b.num(ERROR)  # broken, or a name that is nowhere: see `lkip check`
        return self.node(ind.formula.lowered)

    def node(self, node: ast.Node) -> tuple[E, E]:
        b = self.b
        if isinstance(node, ast.Number):
            return b.num(node.value), b.null()
        if isinstance(node, ast.Ref):
            value = self.ref(node)
            return value, b.case([(b.is_null(value), b.num(MISSING))], b.null())
        if isinstance(node, ast.Unary):
            value, err = self.node(node.operand)
            if node.op == "-":
                return b.neg(value), err
            return (b.not_(value) if node.op == "not" else value), err
        if isinstance(node, ast.Call):
            return self.call(node)
        left, left_err = self.node(node.left)
        right, right_err = self.node(node.right)
        if node.op == "/":
            zero = b.op("==", right, b.num(0))
            value = b.case([(zero, b.null())], b.op("/", left, right))
            return value, self.first(left_err, right_err, b.case([(zero, b.num(UNDEFINED))], b.null()))
        if node.op in ("and", "or"):
            # The right side is only evaluated when the left does not decide the answer.
            decides = left if node.op == "or" else b.not_(left)
            err = self.first(left_err, b.case([(decides, b.null())], right_err))
            return b.op(node.op, left, right), err
        return b.op(node.op, left, right), self.first(left_err, right_err)

    def first(self, *errors: E) -> E:
        """The first error met, in evaluation order: the first that is not null."""
        return self.b.coalesce(errors)

    def ref(self, node: ast.Ref) -> E:
        referenced = self.catalog.indicators.get(node.name)
        if referenced is not None:
            if node.period != ast.CURRENT:
                raise BulkError(f"'{node.name}[{node.period}]': bulk evaluation supports other indicators only at N")
            # As the scalar path: an indicator stands for its printed realisation unless its basis is exact.
            if referenced.policy.basis == "rounded":
                return self.b.col(f"{node.name}__real_rounded")
            return self.b.col(realisation_column(node.name))
        if node.period == ast.CURRENT:
            return self.b.col(node.name)
        lag = self.lags.setdefault((node.name, node.period), Lag(node.name, node.period))
        return self.b.col(lag.column)

    def call(self, node: ast.Call) -> tuple[E, E]:
        b = self.b
        parts = [self.node(arg) for arg in node.args]
        if node.func == "if":
            (cond, cond_err), (then, then_err), (other, other_err) = parts
            value = b.case([(cond, then)], other)
            return value, self.first(cond_err, b.case([(cond, then_err)], other_err))
        if node.func == "coalesce":
            return self.coalesce(parts)
        errors = [err for _, err in parts]
        values = [value for value, _ in parts]
        if node.func == "abs":
            return b.abs_(values[0]), errors[0]
        if node.func == "round":
            digits = node.args[1]
            assert isinstance(digits, ast.Number)
            return printed(b, values[0], int(digits.value), "half-up"), errors[0]
        if node.func in ("sum", "avg"):
            added = _added(b, values)
            return (added if node.func == "sum" else b.op("/", added, b.num(len(values)))), self.first(*errors)
        combine = b.least if node.func == "min" else b.greatest
        return combine(values), self.first(*errors)

    def coalesce(self, parts: list[tuple[E, E]]) -> tuple[E, E]:
        b = self.b
        value, err = parts[-1]
        for first_value, first_err in reversed(parts[:-1]):
            missing = b.op("==", first_err, b.num(MISSING))
            value = b.case([(b.is_null(first_err), first_value), (missing, value)], b.null())
            err = b.case([(b.is_null(first_err), b.null()), (missing, err)], first_err)
        return value, err

    # -- scoring -----------------------------------------------------------------------------

    def _in_force(self, ind: Indicator) -> list[tuple[int, int | None, Target]]:
        """(year, quarter or None, target) of every target a row may be scored against: the
        years', or on quarterly rows the Rencana Aksi's quarters' (never the year's)."""
        if self.quarter is None:
            return [(year, None, target) for year, target in sorted(ind.targets.items())]
        found: list[tuple[int, int | None, Target]] = [
            (y, q + 1, t) for y, four in sorted(ind.quarter_targets.items()) for q, t in enumerate(four)
        ]
        # Up to the fourth quarter is the whole year: without a Rencana Aksi, the year's target.
        found += [(y, 4, t) for y, t in sorted(ind.targets.items()) if y not in ind.quarter_targets]
        return found

    def targets(self, ind: Indicator) -> tuple[E, E, E]:
        """The low and high target of the row (equal for a single target; null if none), and
        whether that target is a range (1) or a single value (0)."""
        b = self.b
        year = b.col(self.year)
        lows, highs, ranged = [], [], []
        for target_year, quarter, target in self._in_force(ind):
            low, high = target if isinstance(target, tuple) else (target, target)
            is_year = b.op("==", year, b.num(target_year))
            if quarter is not None and self.quarter is not None:
                is_year = b.op("and", is_year, b.op("==", b.col(self.quarter), b.num(quarter)))
            lows.append((is_year, b.num(low)))
            highs.append((is_year, b.num(high)))
            ranged.append((is_year, b.num(1 if isinstance(target, tuple) else 0)))
        if not lows:
            return b.null(), b.null(), b.num(0)
        return b.case(lows, b.null()), b.case(highs, b.null()), b.case(ranged, b.num(0))

    def score(self, ind: Indicator, value: E, err: E) -> Stages[E]:
        """Columns, stage by stage, ending in ``{id}__printed_real``, ``__printed_ach``,
        ``__category`` and ``__status``. Intermediate results are columns, so no expression
        is repeated inside another."""
        b, policy, c = self.b, ind.policy, _Columns(ind.id, self.b)
        low, high, ranged = self.targets(ind)
        printed_real = printed(b, value, policy.decimals, policy.rounding)
        first = [(c.name("real_rounded"), printed_real), (c.name("low"), low)]
        has_ranges = any(isinstance(t, tuple) for _, _, t in self._in_force(ind))
        if has_ranges:  # most indicators have single targets: no second bound to carry
            first += [(c.name("high"), high), (c.name("ranged"), ranged)]
        upper = c("high") if has_ranges else c("low")
        used = c("real_rounded") if policy.basis == "rounded" else value
        second = [(c.name("used"), used)]
        third = [(c.name("below"), b.op("<", c("used"), c("low"))), (c.name("above"), b.op(">", c("used"), upper))]
        bound = b.case([(c("below"), c("low"))], upper) if has_ranges else c("low")
        is_range = b.op("==", c("ranged"), b.num(1)) if has_ranges else b.op("==", b.num(0), b.num(1))
        ratio, undefined = self._ratio(ind, c("used"), is_range, c("below"), c("above"), bound)
        fourth = [(c.name("ratio"), ratio), (c.name("undefined"), undefined)]
        printed_ach = printed(b, self._clamp(ind, c("ratio")), policy.decimals, policy.rounding)
        status = b.case(
            [
                (b.op("==", err, b.num(MISSING)), b.text("missing-data")),
                (b.op("==", err, b.num(UNDEFINED)), b.text("undefined")),
                (b.op("==", err, b.num(ERROR)), b.text("error")),
                (b.is_null(c("low")), b.text("missing-data")),
                (c("undefined"), b.text("undefined")),
            ],
            b.text("ok"),
        )
        fifth = [(c.name("ach_rounded"), printed_ach), (c.name("status"), status)]
        ok = b.op("==", c("status"), b.text("ok"))
        sixth = [
            (c.name("printed_real"), b.case([(b.is_null(err), c("real_rounded"))], b.null())),
            (c.name("printed_ach"), b.case([(ok, c("ach_rounded"))], b.null())),
            (c.name("category"), b.case([(ok, self._category(ind, c("ach_rounded")))], b.null())),
        ]
        return [first, second, third, fourth, fifth, sixth]

    def _ratio(self, ind: Indicator, r: E, is_range: E, below: E, above: E, t: E) -> tuple[E, E]:
        """The achievement (float, x 100) and the condition under which it is undefined.

        As the scalar path: a range is 100 inside and scored against the bound crossed
        outside; a single target is never "inside", it goes straight to its rule."""
        b, policy = self.b, ind.policy
        hundred = b.num(100)
        inside = b.op("and", is_range, b.op("and", b.not_(below), b.not_(above)))
        zero = b.op("==", t, b.num(0))
        polarity = policy.polarity
        positive = b.op("*", b.op("/", r, t), hundred)
        inverse = policy.negative_method == "inverse"
        if inverse:
            negative = b.case([(b.op("==", r, b.num(0)), b.null())], b.op("*", b.op("/", t, r), hundred))
        else:
            negative = b.op("*", b.op("/", b.op("-", b.op("*", b.num(2), t), r), t), hundred)
        # Where the negative rule applies, for the undefined T / 0 of the inverse method.
        negative_applies: E = b.op("==", b.num(0), b.num(1))
        if polarity == "positive":
            rule = positive
        elif polarity == "negative":
            rule = negative
            negative_applies = b.op("==", b.num(0), b.num(0))
        else:  # stable: a single target by |T|; a range by the rule of the bound crossed
            single = b.op("*", b.op("/", b.op("-", b.abs_(t), b.abs_(b.op("-", t, r))), b.abs_(t)), hundred)
            rule = b.case([(b.op("and", is_range, below), positive), (is_range, negative)], single)
            negative_applies = b.op("and", is_range, b.not_(below))
        if policy.zero_target == "met":
            at_least, at_most = b.op(">=", r, b.num(0)), b.op("<=", r, b.num(0))
            if polarity == "stable":  # a range takes the rule of the bound it crossed
                met = b.case([(b.op("and", is_range, below), at_least), (is_range, at_most)], b.op("==", r, b.num(0)))
            else:
                met = at_least if polarity == "positive" else at_most
            on_zero = b.case([(met, hundred)], b.num(0))
            undefined = b.op("and", b.not_(inside), b.op("!=", zero, zero))  # never: a zero target is met or not
        else:
            on_zero = b.null()
            undefined = b.op("and", b.not_(inside), zero)
        value = b.case([(inside, hundred), (zero, on_zero)], rule)
        if inverse:
            outside_nonzero = b.op("and", b.not_(inside), b.not_(zero))
            at_zero = b.op("and", negative_applies, b.op("==", r, b.num(0)))
            undefined = b.op("or", undefined, b.op("and", outside_nonzero, at_zero))
        return value, undefined

    def _clamp(self, ind: Indicator, value: E) -> E:
        b, policy = self.b, ind.policy
        if policy.cap is not None:
            value = b.case([(b.op(">", value, b.num(policy.cap)), b.num(policy.cap))], value)
        if policy.floor is not None:
            value = b.case([(b.op("<", value, b.num(policy.floor)), b.num(policy.floor))], value)
        return value

    def _category(self, ind: Indicator, shown: E) -> E:
        b = self.b
        scale = self.catalog.scales[ind.scale]
        branches = []
        for band in scale.bands[:-1]:
            if band.above is not None:
                branches.append((b.op(">", shown, b.num(band.above)), b.text(band.code)))
            elif band.min is not None:
                branches.append((b.op(">=", shown, b.num(band.min)), b.text(band.code)))
        return b.case(branches, b.text(scale.bands[-1].code))

    def _weight(self, parent: Indicator, child: Indicator) -> E:
        """A child's weight in the row's year: 1 for a mean, the declared one (per year or for all)
        for a weighted parent, none (null) for a budget-weighted one or a year without a weight."""
        b = self.b
        if parent.aggregate in ("mean", "min"):
            return b.num(1)
        if parent.aggregate == "budget-weighted":
            return b.null()
        default = b.num(child.weight) if child.weight is not None else b.null()
        year = b.col(self.year)
        by_year = [(b.op("==", year, b.num(y)), b.num(w)) for y, w in sorted(child.weights.items())]
        return b.case(by_year, default) if by_year else default

    def aggregate(self, ind: Indicator, children: Sequence[Indicator]) -> Stages[E]:
        """A parent without a formula: its children's printed achievements, combined."""
        b, policy, c = self.b, ind.policy, _Columns(ind.id, self.b)
        if not children:
            return [failed(ind.id, b)]
        values: list[E] = [b.col(f"{child.id}__printed_ach") for child in children]
        weights = [self._weight(ind, child) for child in children]
        if ind.aggregate == "min":
            combined = b.least(values)
        else:
            total = _added(b, [b.op("*", value, weight) for value, weight in zip(values, weights, strict=True)])
            combined = b.op("/", total, _added(b, weights))
        # As the scalar path: "error" if any child has one, else the first child's other status;
        # then a weight the row's year lacks is an error. The budget behind children (pagu per
        # line) is no column of a bulk input, so a budget-weighted parent lacks data in bulk, as
        # the scalar path without budget figures.
        statuses = [b.col(f"{child.id}__status") for child in children]
        branches = [(b.op("==", s, b.text("error")), b.text("error")) for s in statuses]
        branches += [(b.op("!=", s, b.text("ok")), s) for s in statuses]
        lacking = b.text("missing-data" if ind.aggregate == "budget-weighted" else "error")
        branches += [(b.is_null(weight), lacking) for weight in weights]
        first = [
            (c.name("ach_rounded"), printed(b, combined, policy.decimals, policy.rounding)),
            (c.name("status"), b.case(branches, b.text("ok"))),
        ]
        ok = b.op("==", c("status"), b.text("ok"))
        second = [
            (c.name("printed_real"), b.null()),
            (c.name("printed_ach"), b.case([(ok, c("ach_rounded"))], b.null())),
            (c.name("category"), b.case([(ok, self._category(ind, c("ach_rounded")))], b.null())),
        ]
        return [first, second]


def failed(indicator_id: str, b: Backend[E]) -> list[tuple[str, E]]:
    """The columns of an indicator that cannot be computed: status error, no figures."""
    c = _Columns(indicator_id, b)
    nothing = [(c.name(part), b.null()) for part in ("real_rounded", "printed_real", "printed_ach", "category")]
    return [*nothing, (c.name("status"), b.text("error"))]


def _added(b: Backend[E], values: Sequence[E]) -> E:
    """a + b + ... from left to right; a long list as a balanced tree, so no engine meets an
    expression thousands of levels deep (float sums differ only in the last bits, well below
    the rounding tolerance)."""
    if len(values) <= 32:
        found = values[0]
        for value in values[1:]:
            found = b.op("+", found, value)
        return found
    middle = len(values) // 2
    return b.op("+", _added(b, values[:middle]), _added(b, values[middle:]))


class _Columns(Generic[E]):
    """Names and references of an indicator's intermediate columns."""

    def __init__(self, indicator_id: str, backend: Backend[E]) -> None:
        self.prefix = indicator_id
        self.b = backend

    def name(self, part: str) -> str:
        return f"{self.prefix}__{part}"

    def __call__(self, part: str) -> E:
        return self.b.col(self.name(part))
