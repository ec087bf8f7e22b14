"""An independent implementation of the documented scoring rules, with fractions.Fraction.

Written from docs/achievement.md and docs/catalog-format.md only (not from lkip_rules): rounding
half-up / down / half-even to a number of decimals, the achievement rules (positive, negative
mirror, negative inverse, stable), range targets, zero targets ("undefined" / "met"), cap and floor,
the categories of the shipped scales lkip-4 and permendagri-86, and the aggregation of a parent
(mean / weighted / min of its children's printed achievements, then rounded).

make_expected.py uses it to generate expected.toml; the test never imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

Rounding = Literal["half-up", "down", "half-even"]
Polarity = Literal["positive", "negative", "stable"]
Target = Fraction | tuple[Fraction, Fraction]

HUNDRED = Fraction(100)


def to_fraction(value: Decimal | int | str) -> Fraction:
    """An exact Fraction of a TOML number (read with parse_float=Decimal)."""
    return Fraction(Decimal(value)) if not isinstance(value, int) else Fraction(value)


def round_to(x: Fraction, decimals: int, rounding: Rounding) -> Fraction:
    """x rounded to `decimals` places: half away from zero, towards zero, or half to even."""
    scale = 10**decimals
    scaled = abs(x) * scale
    whole = scaled.numerator // scaled.denominator
    rest = scaled - whole
    if rounding == "half-up":
        whole += 1 if rest >= Fraction(1, 2) else 0
    elif rounding == "half-even":
        if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and whole % 2 == 1):
            whole += 1
    elif rounding != "down":
        raise ValueError(rounding)
    return Fraction(-whole if x < 0 else whole, scale)


def fmt(x: Fraction, decimals: int) -> str:
    """x (a multiple of 10**-decimals) written with exactly `decimals` decimals: 107.28, 86.780, 0."""
    scaled = x * 10**decimals
    if scaled.denominator != 1:
        raise ValueError(f"{x} has more than {decimals} decimals")
    digits = str(abs(scaled.numerator)).rjust(decimals + 1, "0")
    sign = "-" if scaled.numerator < 0 else ""
    if decimals == 0:
        return sign + digits
    return f"{sign}{digits[:-decimals]}.{digits[-decimals:]}"


def decimals_of(printed: Decimal) -> int:
    """The number of decimals a printed figure was written with (TOML keeps 99.60 as two)."""
    exponent = printed.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


@dataclass(frozen=True)
class Policy:
    polarity: Polarity = "positive"
    negative_method: Literal["mirror", "inverse"] = "mirror"
    zero_target: Literal["undefined", "met"] = "undefined"
    basis: Literal["rounded", "exact"] = "rounded"
    decimals: int = 2
    rounding: Rounding = "half-up"
    cap: Fraction | None = None
    floor: Fraction | None = Fraction(0)
    scale: str = "lkip-4"
    aggregate: Literal["mean", "weighted", "min"] = "mean"

    def round(self, x: Fraction) -> Fraction:
        return round_to(x, self.decimals, self.rounding)

    def fmt(self, x: Fraction) -> str:
        return fmt(x, self.decimals)


class Undefined(Exception):
    """The achievement has no meaning (zero target under "undefined", inverse with R = 0)."""


def _single(r: Fraction, t: Fraction, policy: Policy, polarity: Polarity) -> Fraction:
    """The achievement against one target value, by polarity (docs/achievement.md, Polarity)."""
    if t == 0:
        if policy.zero_target == "undefined":
            raise Undefined("zero target")
        met = {"positive": r >= 0, "negative": r <= 0, "stable": r == 0}[polarity]
        return HUNDRED if met else Fraction(0)
    if polarity == "positive":
        return r / t * HUNDRED
    if polarity == "negative":
        if policy.negative_method == "mirror":
            return (2 * t - r) / t * HUNDRED
        if r == 0:
            raise Undefined("inverse with R = 0")
        return t / r * HUNDRED
    return (1 - abs(1 - r / t)) * HUNDRED


def achievement_exact(r: Fraction, target: Target, policy: Policy) -> Fraction:
    """The unrounded achievement of realisation r (already on the policy's basis), capped and floored."""
    if isinstance(target, tuple):
        lo, hi = target
        if lo <= r <= hi:
            value = HUNDRED
        elif r < lo:
            # below the range: positive and stable use the positive rule against lo
            value = _single(r, lo, policy, "negative" if policy.polarity == "negative" else "positive")
        else:
            # above the range: stable leaves it by the mirror rule against hi
            if policy.polarity == "stable":
                value = _single(r, hi, Policy(negative_method="mirror"), "negative")
            else:
                value = _single(r, hi, policy, policy.polarity)
    else:
        value = _single(r, target, policy, policy.polarity)
    if policy.cap is not None and value > policy.cap:
        value = policy.cap
    if policy.floor is not None and value < policy.floor:
        value = policy.floor
    return value


SCALES: dict[str, list[tuple[str, str, str | None, Fraction | None]]] = {
    # (code, label, "above" / "min" / None for the last band, bound)
    "lkip-4": [
        ("SB", "Sangat Baik", "above", Fraction(100)),
        ("B", "Baik", "above", Fraction(80)),
        ("C", "Cukup", "above", Fraction(55)),
        ("K", "Kurang", None, None),
    ],
    "permendagri-86": [
        ("ST", "Sangat Tinggi", "min", Fraction(91)),
        ("T", "Tinggi", "min", Fraction(76)),
        ("S", "Sedang", "min", Fraction(66)),
        ("R", "Rendah", "min", Fraction(51)),
        ("SR", "Sangat Rendah", None, None),
    ],
}


def category(printed_achievement: Fraction, scale: str) -> tuple[str, str]:
    """The (code, label) of the band the printed achievement falls in."""
    for code, label, kind, bound in SCALES[scale]:
        if kind is None or bound is None:
            return code, label
        if (kind == "above" and printed_achievement > bound) or (kind == "min" and printed_achievement >= bound):
            return code, label
    raise AssertionError("the last band has no bound")


def aggregate_exact(children: list[tuple[Fraction, Fraction | None]], method: str) -> Fraction:
    """children: (printed achievement, weight). The unrounded mean / weighted mean / min."""
    values = [a for a, _ in children]
    if method == "mean":
        return sum(values, Fraction(0)) / len(values)
    if method == "min":
        return min(values)
    weights = [w for _, w in children]
    assert all(w is not None for w in weights)
    total = sum((w for w in weights if w is not None), Fraction(0))
    return sum((a * w for a, w in children if w is not None), Fraction(0)) / total


def serapan(realisasi: Fraction, pagu: Fraction) -> Fraction:
    """Absorption, realisasi / pagu x 100, rounded half-up to two decimals."""
    return round_to(realisasi / pagu * HUNDRED, 2, "half-up")


def rollup(quarters: dict[int, Fraction], rule: str, upto: int) -> Fraction | None:
    """The value of quarters 1..upto by the input's rule; None when a needed quarter is blank."""
    given = [quarters.get(q) for q in range(1, upto + 1)]
    if rule == "last":
        filled = [v for v in given if v is not None]
        return filled[-1] if filled else None
    if any(v is None for v in given):
        return None
    values = [v for v in given if v is not None]
    if rule == "sum":
        return sum(values, Fraction(0))
    if rule == "avg":
        return sum(values, Fraction(0)) / len(values)
    if rule == "max":
        return max(values)
    if rule == "min":
        return min(values)
    raise ValueError(rule)
