"""Is a printed figure right? Compared at the precision it was printed with, by the catalog's rules.

A figure printed with ``k`` decimals is right when the exact value, rounded to ``k`` decimals
with the indicator's declared rounding, gives it (13.98 is right for 13.9850… under
``rounding = "down"``, wrong under half-up). Printed with fewer decimals than the catalog
declares and right at that precision (6.1 for 6.11, 244 for 244.40), it is ``shorter``: a
finding of severity info. A figure numerically equal to the right one is right however it is
written (994 for 994.00, 100.3 for 100.30).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from lkip_rules.locale.text import Text
from lkip_rules.scoring import ROUNDING_MODES, round_value

Verdict = Literal["right", "shorter", "wrong"]


def places(value: Decimal) -> int:
    """Decimals as printed: 2 for 13.98, 0 for 244."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def verdict(printed: Decimal, exact: Decimal, right: Decimal, decimals: int, rounding: str) -> Verdict:
    """How ``printed`` compares with the ``right`` figure (``exact`` before rounding)."""
    if printed == right:
        return "right"
    shown = places(printed)
    if round_value(exact, shown, rounding) == printed:
        return "right" if shown >= decimals else "shorter"
    if shown < decimals and round_value(right, shown, rounding) == printed:
        return "shorter"  # the printed figure, shortened: 0.11 shown as 0.1
    return "wrong"


def other_rounding(printed: Decimal, exact: Decimal, rounding: str) -> str | None:
    """The rounding mode (not the declared one) that turns ``exact`` into ``printed``, if any."""
    shown = places(printed)
    for mode in ROUNDING_MODES:
        if mode != rounding and round_value(exact, shown, mode) == printed:
            return mode
    return None


MODE_WORDS = {mode: Text(f"mode.{mode}") for mode in ROUNDING_MODES}  # "truncated", "rounded half-up", ...


def show(value: object) -> str:
    """A figure for a finding: exact digits, ranges as [low, high], nothing as ''."""
    if isinstance(value, tuple):
        return f"[{show(value[0])}, {show(value[1])}]"
    if isinstance(value, Decimal):
        return format(value, "f")
    return "" if value is None else str(value)


def short(value: Decimal) -> Decimal | Text:
    """An exact value cut for a sentence: 13.985064…"""
    text = format(value, "f")
    whole, _, fraction = text.partition(".")
    return Text("audit.cut", value=Decimal(f"{whole}.{fraction[:6]}")) if len(fraction) > 6 else Decimal(text)


def said(value: object) -> object:
    """A figure inside a message: a range as [low, high] (7–8 in Indonesian), a number said in the
    language, printed text (not a number) as it was printed."""
    if isinstance(value, tuple):
        return Text("target.range", low=said(value[0]), high=said(value[1]))
    return value
