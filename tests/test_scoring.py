"""Scoring policies with hand-worked values, and properties against a Fraction oracle."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkip_rules import scoring
from lkip_rules.scales import SHIPPED
from lkip_rules.scoring import Policy, achievement, roll_up

D = Decimal


def score(r: str, t: str | tuple[str, str], **policy: object) -> Decimal | None:
    target = (D(t[0]), D(t[1])) if isinstance(t, tuple) else D(t)
    return achievement(D(r), target, Policy(**policy)).achievement  # type: ignore[arg-type]


# -- polarity, worked by hand -----------------------------------------------------------------


def test_positive_is_r_over_t() -> None:
    assert score("13.98", "8.5") == D("164.47")  # 1398/8.5 = 164.4705...
    assert score("20.06", "20") == D("100.30")


def test_negative_mirror_is_two_t_minus_r_over_t() -> None:
    assert score("6", "8", polarity="negative") == D("125.00")  # (16 - 6) / 8
    assert score("10", "8", polarity="negative") == D("75.00")  # (16 - 10) / 8


def test_negative_mirror_is_floored_at_zero_by_default() -> None:
    assert score("20", "8", polarity="negative") == D("0.00")  # (16 - 20) / 8 = -50 -> floor 0
    assert score("20", "8", polarity="negative", floor=None) == D("-50.00")


def test_negative_inverse_is_t_over_r() -> None:
    assert score("10", "8", polarity="negative", negative_method="inverse") == D("80.00")
    result = achievement(D(0), D(8), Policy(polarity="negative", negative_method="inverse"))
    assert result.status == "undefined" and result.achievement is None


def test_stable_single_target() -> None:
    assert score("90", "100", polarity="stable") == D("90.00")  # 1 - |1 - 0.9|
    assert score("110", "100", polarity="stable") == D("90.00")  # 1 - |1 - 1.1|
    assert score("100", "100", polarity="stable") == D("100.00")


def test_range_targets_permenpan_8_2021_example() -> None:
    # A 7-8 month target, lower is better: 6.5 months gives 107.14%, 9 months 87.5%.
    assert score("6.5", ("7", "8"), polarity="negative") == D("107.14")
    assert score("9", ("7", "8"), polarity="negative") == D("87.50")
    assert score("7.5", ("7", "8"), polarity="negative") == D("100.00")


def test_range_positive_and_stable() -> None:
    assert score("6", ("8", "10")) == D("75.00")  # 6 / 8
    assert score("12", ("8", "10")) == D("120.00")  # 12 / 10
    assert score("6", ("8", "10"), polarity="stable") == D("75.00")  # below: positive rule, 6 / 8
    assert score("12", ("8", "10"), polarity="stable") == D("80.00")  # above: mirror (20 - 12) / 10


def test_cap() -> None:
    assert score("30", "20", cap=D(120)) == D("120.00")


@pytest.mark.parametrize(
    ("polarity", "realisation", "expected"),
    [
        ("positive", "0", "100.00"),
        ("positive", "3", "100.00"),
        ("positive", "-1", "0.00"),
        ("negative", "0", "100.00"),
        ("negative", "2", "0.00"),
        ("stable", "0", "100.00"),
        ("stable", "1", "0.00"),
    ],
)
def test_zero_target_met(polarity: str, realisation: str, expected: str) -> None:
    assert score(realisation, "0", polarity=polarity, zero_target="met") == D(expected)


@pytest.mark.parametrize("polarity", ["positive", "negative", "stable"])
def test_zero_target_undefined_is_a_status_not_a_number(polarity: str) -> None:
    result = achievement(D(5), D(0), Policy(polarity=polarity))  # type: ignore[arg-type]
    assert result.status == "undefined"
    assert result.achievement is None and "target is 0" in result.message


def test_basis_rounded_versus_exact() -> None:
    # 60 / 982 * 100 = 6.10997...; printed 6.11; 6.11 / 2.5 = 244.40; exact basis 244.399... -> 244.40
    r = D(6000) / D(982)
    assert achievement(r, D("2.5"), Policy()).achievement == D("244.40")
    # 412 / 2946 * 100 = 13.98506...: rounded basis 13.99 / 8.5 = 164.588... ; exact 164.530...
    r = D(41200) / D(2946)
    assert achievement(r, D("8.5"), Policy()).achievement == D("164.59")
    assert achievement(r, D("8.5"), Policy(basis="exact")).achievement == D("164.53")


def test_rounding_down_truncates() -> None:
    r = D(41200) / D(2946)  # 13.98506...
    assert scoring.round_value(r, 2, "down") == D("13.98")  # what the report printed
    assert scoring.round_value(r, 2, "half-up") == D("13.99")


# -- categories ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("100.30", "SB"),
        ("100.01", "SB"),
        ("100.00", "B"),
        ("80.01", "B"),
        ("80.00", "C"),
        ("55.01", "C"),
        ("55.00", "K"),
        ("54.99", "K"),
        ("0", "K"),
        ("-5", "K"),
    ],
)
def test_lkip_4_bands(value: str, code: str) -> None:
    assert SHIPPED["lkip-4"].category(D(value)).code == code


@pytest.mark.parametrize(
    ("value", "code"),
    [("91", "ST"), ("90.99", "T"), ("76", "T"), ("75.99", "S"), ("66", "S"), ("51", "R"), ("50.99", "SR")],
)
def test_permendagri_86_bands(value: str, code: str) -> None:
    assert SHIPPED["permendagri-86"].category(D(value)).code == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("90.01", "AA"),
        ("90", "A"),
        ("80.5", "A"),
        ("70.01", "BB"),
        ("65", "B"),
        ("55", "CC"),
        ("30.01", "C"),
        ("30", "D"),
    ],
)
def test_akip_bands(value: str, code: str) -> None:
    assert SHIPPED["akip"].category(D(value)).code == code


# -- aggregation and quarterly roll-up --------------------------------------------------------


def test_aggregate() -> None:
    values = [D("100.30"), D("110.00")]
    assert scoring.aggregate(values, "mean") == D("105.15")
    assert scoring.aggregate(values, "min") == D("100.30")
    assert scoring.aggregate(values, "weighted", [D(3), D(1)]) == D("102.725")  # (300.9 + 110) / 4
    assert scoring.aggregate(values, "weighted", [D(0), D(0)]) is None


QUARTERS = {1: D(10), 2: D(0), 4: D(7)}  # q3 blank; q2 is a real 0


@pytest.mark.parametrize(
    ("method", "upto", "expected"),
    [
        ("sum", 2, "10"),
        ("avg", 2, "5"),
        ("max", 2, "10"),
        ("min", 2, "0"),
        ("last", 2, "0"),
        ("last", 3, "0"),
        ("last", 4, "7"),
        ("last", 1, "10"),
    ],
)
def test_roll_up(method: str, upto: int, expected: str) -> None:
    assert roll_up(QUARTERS, method, upto) == (D(expected), "")


@pytest.mark.parametrize("method", ["sum", "avg", "max", "min"])
def test_roll_up_blank_quarter_is_missing_not_zero(method: str) -> None:
    value, why = roll_up(QUARTERS, method, 4)
    assert value is None and why == "q3 is blank"


def test_roll_up_last_with_nothing_filled() -> None:
    assert roll_up({}, "last", 2) == (None, "no quarter up to q2 is filled")


# -- properties -------------------------------------------------------------------------------

values = st.decimals(min_value=-10_000, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
targets = st.decimals(min_value="0.01", max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
policies = st.builds(
    Policy,
    negative_method=st.sampled_from(["mirror", "inverse"]),
    basis=st.sampled_from(["rounded", "exact"]),
    floor=st.none(),
)


@given(values, values, targets)
def test_positive_never_decreases_as_realisation_grows(a: Decimal, b: Decimal, t: Decimal) -> None:
    low, high = sorted((a, b))
    assert achievement(low, t, Policy(floor=None)).achievement <= achievement(high, t, Policy(floor=None)).achievement  # type: ignore[operator]


@given(values, values, targets, st.sampled_from(["mirror", "inverse"]))
def test_negative_never_increases_as_realisation_grows(a: Decimal, b: Decimal, t: Decimal, method: str) -> None:
    low, high = sorted((a, b))
    if method == "inverse" and (low <= 0 <= high):
        return  # T / R is undefined at 0 and not monotone across it
    policy = Policy(polarity="negative", negative_method=method, floor=None)  # type: ignore[arg-type]
    assert achievement(low, t, policy).achievement >= achievement(high, t, policy).achievement  # type: ignore[operator]


@given(targets, policies, st.sampled_from(["positive", "negative", "stable"]))
def test_every_polarity_gives_100_at_its_target(t: Decimal, policy: Policy, polarity: str) -> None:
    policy = Policy(polarity=polarity, negative_method=policy.negative_method, basis=policy.basis)  # type: ignore[arg-type]
    assert achievement(t, t, policy).achievement == 100


@given(targets, targets, values, st.sampled_from(["positive", "negative", "stable"]))
def test_inside_a_range_is_100(a: Decimal, b: Decimal, r: Decimal, polarity: str) -> None:
    low, high = sorted((a, b))
    if low <= r <= high:
        assert achievement(r, (low, high), Policy(polarity=polarity)).achievement == 100  # type: ignore[arg-type]


@given(values, values, st.sampled_from(sorted(SHIPPED)))
def test_category_is_monotone_and_every_value_has_one_band(a: Decimal, b: Decimal, scale_id: str) -> None:
    scale = SHIPPED[scale_id]
    low, high = sorted((a, b))
    rank = [band.code for band in scale.bands]
    assert rank.index(scale.category(low).code) >= rank.index(scale.category(high).code)
    # Read as intervals, band i holds the values it admits and no band above it admits.
    holders = [
        i
        for i, band in enumerate(scale.bands)
        if band.admits(a) and not any(upper.admits(a) for upper in scale.bands[:i])
    ]
    assert len(holders) == 1


def _oracle_round(q: Fraction, places: int, mode: str) -> Fraction:
    scaled = abs(q) * 10**places
    whole, rest = divmod(scaled, 1)
    if mode == "half-up" and rest >= Fraction(1, 2):
        whole += 1
    if mode == "half-even" and (rest > Fraction(1, 2) or (rest == Fraction(1, 2) and whole % 2 == 1)):
        whole += 1
    return (whole if q >= 0 else -whole) / Fraction(10**places)


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False),
    st.decimals(min_value="0.001", max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
    st.integers(0, 4),
    st.sampled_from(["half-up", "down", "half-even"]),
)
def test_rounding_agrees_with_a_fraction_oracle(n: Decimal, d: Decimal, places: int, mode: str) -> None:
    expected = _oracle_round(Fraction(n) / Fraction(d), places, mode)
    assert Fraction(scoring.divide_rounded(n, d, places, mode)) == expected
    assert Fraction(scoring.round_value(n, places, mode)) == _oracle_round(Fraction(n), places, mode)
