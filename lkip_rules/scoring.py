"""Scoring: realisation and target → achievement (capaian) → category. Pure functions.

Every policy is a parameter (see docs/achievement.md for the why of each default):
polarity positive / negative (mirror or inverse) / stable, range targets, cap and floor,
what a zero target means, the basis (printed or exact realisation), decimals and rounding.
Printed numbers are rounded exactly, from integers, never through a float.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Literal

import attrs

from lkip_rules import numbers
from lkip_rules.locale.text import Items, Text, joined
from lkip_rules.scales import Band, Scale

Target = Decimal | tuple[Decimal, Decimal]
Polarity = Literal["positive", "negative", "stable"]
Status = Literal["ok", "missing-data", "undefined", "error"]

ROUNDING_MODES = {"half-up": ROUND_HALF_UP, "down": ROUND_DOWN, "half-even": ROUND_HALF_EVEN}
HUNDRED = Decimal(100)


@attrs.frozen
class Policy:
    """How one indicator turns a realisation into an achievement."""

    polarity: Polarity = "positive"
    negative_method: Literal["mirror", "inverse"] = "mirror"
    zero_target: Literal["undefined", "met"] = "undefined"
    basis: Literal["rounded", "exact"] = "rounded"
    decimals: int = 2
    rounding: Literal["half-up", "down", "half-even"] = "half-up"
    cap: Decimal | None = None
    floor: Decimal | None = Decimal(0)


@attrs.frozen
class Score:
    """An achievement and how it was reached."""

    status: Status
    achievement_exact: Decimal | None
    achievement: Decimal | None  # rounded as printed
    rule: str  # the rule used, e.g. "(2T - R) / T x 100"
    message: str = ""


def round_value(value: Decimal, decimals: int, rounding: str) -> Decimal:
    """``value`` rounded to ``decimals`` places with the named rounding mode."""
    quantum = _QUANTA.get(decimals)
    if quantum is None:
        quantum = Decimal(1).scaleb(-decimals)
    return value.quantize(quantum, rounding=ROUNDING_MODES[rounding])


_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(13)}  # 1, 0.1, ... 1E-12


def divide_rounded(numerator: Decimal, denominator: Decimal, decimals: int, rounding: str) -> Decimal:
    """``numerator / denominator`` rounded exactly (from integers, no intermediate rounding)."""
    a, b = numerator.as_integer_ratio()  # exact: numerator = a / b, denominator = c / d
    c, d = denominator.as_integer_ratio()
    negative = (a < 0) != (c < 0) and a != 0  # -0.00 when a negative quotient rounds to 0, as printed
    # numerator / denominator * 10**decimals = a * d * 10**decimals / (b * c)
    top, bottom = abs(a) * d * 10**decimals, b * abs(c)
    quotient, remainder = divmod(top, bottom)
    if remainder:
        twice = 2 * remainder
        if rounding == "half-up":
            quotient += twice >= bottom
        elif rounding == "half-even":
            quotient += twice > bottom or (twice == bottom and quotient % 2 == 1)
    return Decimal(f"{'-' if negative else ''}{quotient}E-{decimals}")  # from text: exact at any length


def achievement(realisation: Decimal, target: Target, policy: Policy) -> Score:
    """The achievement of ``realisation`` against ``target`` under ``policy``."""
    used = realisation
    if policy.basis == "rounded":
        used = round_value(realisation, policy.decimals, policy.rounding)
    if isinstance(target, tuple):
        ratio = _range_ratio(used, target, policy)
    else:
        ratio = _single_ratio(used, target, policy.polarity, policy)
    if isinstance(ratio, Score):
        return ratio
    numerator, denominator, rule = ratio
    exact = numerator * HUNDRED / denominator
    if exact.adjusted() >= numbers.MAX_INTEGER_DIGITS:  # beyond any figure that can be printed
        return Score("error", None, None, rule, Text("score.too-large", value=f"{exact:.4E}"))
    printed = divide_rounded(numerator * HUNDRED, denominator, policy.decimals, policy.rounding)
    return _clamped(exact, printed, rule, policy)


Ratio = tuple[Decimal, Decimal, str]  # achievement = numerator / denominator x 100


def _single_ratio(r: Decimal, t: Decimal, polarity: str, policy: Policy) -> Ratio | Score:
    if not t:
        return _zero_target(r, polarity, policy)
    if polarity == "positive":
        return r, t, "R / T x 100"
    if polarity == "negative":
        if policy.negative_method == "inverse":
            if not r:
                return Score("undefined", None, None, "T / R x 100", Text("score.inverse-zero"))
            return t, r, "T / R x 100"
        return 2 * t - r, t, "(2T - R) / T x 100"
    # stable: (1 - |1 - R/T|) x 100, written over |T| so it holds for a negative T too
    return abs(t) - abs(t - r), abs(t), "(1 - |1 - R/T|) x 100"


def _range_ratio(r: Decimal, target: tuple[Decimal, Decimal], policy: Policy) -> Ratio | Score:
    low, high = target
    if low <= r <= high:
        return Decimal(1), Decimal(1), Text("rule.inside-range", low=low, high=high)
    below = r < low
    bound = low if below else high
    polarity = policy.polarity
    if polarity == "stable":  # leaving the range: the rule of the bound crossed
        polarity = "positive" if below else "negative"
    ratio = _single_ratio(r, bound, polarity, policy)
    if isinstance(ratio, Score):
        return ratio
    side = "rule.below-range" if below else "rule.above-range"
    return ratio[0], ratio[1], Text(side, low=low, high=high, rule=ratio[2], bound=bound)


def _zero_target(r: Decimal, polarity: str, policy: Policy) -> Score:
    if policy.zero_target == "undefined":
        return Score("undefined", None, None, Text("rule.zero-undefined"), Text("score.zero-target"))
    met = r >= 0 if polarity == "positive" else r <= 0 if polarity == "negative" else r == 0
    value = HUNDRED if met else Decimal(0)
    return _clamped(value, round_value(value, policy.decimals, policy.rounding), Text("rule.zero-met"), policy)


def _clamped(exact: Decimal, printed: Decimal, rule: str, policy: Policy) -> Score:
    notes = []
    if policy.cap is not None and exact > policy.cap:
        exact, printed = policy.cap, round_value(policy.cap, policy.decimals, policy.rounding)
        notes.append(Text("score.capped", cap=policy.cap))
    if policy.floor is not None and exact < policy.floor:
        exact, printed = policy.floor, round_value(policy.floor, policy.decimals, policy.rounding)
        notes.append(Text("score.floored", floor=policy.floor))
    return Score("ok", exact, printed, rule, joined(notes) if notes else "")


def category(scale: Scale, printed_achievement: Decimal) -> Band:
    """The band of the achievement as printed, so print and category never disagree."""
    return scale.category(printed_achievement)


def aggregate(achievements: Sequence[Decimal], method: str, weights: Sequence[Decimal | None] = ()) -> Decimal | None:
    """A parent's achievement from its children's (None when weights add up to 0)."""
    if method == "min":
        return min(achievements)
    if method == "weighted":
        total = sum((w for w in weights if w is not None), Decimal(0))
        if not total:
            return None
        return sum((a * (w or 0) for a, w in zip(achievements, weights, strict=True)), Decimal(0)) / total
    return sum(achievements, Decimal(0)) / len(achievements)


def roll_up(quarters: Mapping[int, Decimal], method: str, upto: int = 4) -> tuple[Decimal | None, str]:
    """The value of quarters 1..``upto`` rolled up; (None, why) when a needed quarter is blank.

    A blank quarter is missing, never 0. ``last`` takes the last filled quarter; the others
    need every quarter up to ``upto``.
    """
    wanted = range(1, upto + 1)
    if method == "last":
        filled = [q for q in wanted if q in quarters]
        if not filled:
            return None, Text("rollup.none-filled", quarter=Text(f"quarter.{upto}"))
        return quarters[filled[-1]], ""
    blank = [Text(f"quarter.{q}") for q in wanted if q not in quarters]
    if blank:
        return None, Text("rollup.blank-one" if len(blank) == 1 else "rollup.blank-many", quarters=Items(blank))
    values = [quarters[q] for q in wanted]
    if method == "sum":
        return sum(values, Decimal(0)), ""
    if method == "avg":
        return sum(values, Decimal(0)) / len(values), ""
    if method == "max":
        return max(values), ""
    return min(values), ""
