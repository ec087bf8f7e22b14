"""The numbers lkip-rules accepts: exact, finite, and of a size exact arithmetic can carry.

Every reader — catalog and data TOML, CSV, XLSX, ``Data.from_values``, formula literals and
values — checks each number here, so a figure too large or too fine is refused where it is
written (with the file, key or cell) instead of failing later inside the arithmetic.

The bounds: at most 16 digits before the decimal point (9,999 trillion — above any budget of
the Republic) and at most 12 after it; with the 28 significant digits of Python's default
decimal context, sums of such numbers stay exact.
"""

from __future__ import annotations

from decimal import Decimal

from lkip_rules.locale.text import Text

MAX_INTEGER_DIGITS = 16
MAX_FRACTION_DIGITS = 12
LIMIT = Decimal(10) ** MAX_INTEGER_DIGITS


def problem(value: Decimal) -> str | None:
    """Why ``value`` cannot be accepted as a figure, or None when it can."""
    if not value.is_finite():
        return Text("num.not-finite", value=str(value))
    if not value:
        return None
    if value.adjusted() >= MAX_INTEGER_DIGITS:
        return Text("num.too-large", value=_short(value), digits=MAX_INTEGER_DIGITS)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > MAX_FRACTION_DIGITS and _fraction_digits(value) > MAX_FRACTION_DIGITS:  # trailing zeros aside
        return Text("num.too-precise", value=_short(value), digits=MAX_FRACTION_DIGITS)
    return None


def _fraction_digits(value: Decimal) -> int:
    """Digits after the point, trailing zeros left out (1.50 has 1)."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= 0:
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing)


def _short(value: Decimal) -> str:
    """A number for a message, as written (a point for decimals): never thousands of digits long."""
    text = format(value, "f")  # 0.0000000000001, never 1E-13
    return text if len(text) <= 40 else Text("num.cut", head=text[:20], tail=text[-8:], count=len(text))
