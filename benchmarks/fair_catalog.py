"""The generated catalog of the bulk and assessment benchmarks, whose every rule can be written by hand.

SASARAN sasaran, each the mean of IKU percentage indicators (numerator / denominator x 100), half
of them negative (2T - R) / T x 100, half rounded half-up and half down, with a cap of 150 and a
floor of 0, scored on the four-band scale.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import lkip_rules

SASARAN, IKU = 2, 10  # 22 indicators, as the bundled catalog had
FIRST_YEAR, CAP, FLOOR = 2025, 150, 0
BANDS = (("SB", 100), ("B", 80), ("C", 55))  # above each bound; else K


def kind(i: int) -> tuple[str, str]:
    """(polarity, rounding) of IKU number ``i``."""
    return ("positive" if i % 2 == 0 else "negative"), ("half-up" if i % 4 < 2 else "down")


def target(i: int, year: int) -> int:
    return 60 + (i * 7 + year) % 40


def write_catalog(root: Path, years: int) -> None:
    lines = ['[catalog]\nid = "fair"\nname = "Fair"\n', f"period = [{FIRST_YEAR}, {FIRST_YEAR + years - 1}]\n"]
    for s in range(SASARAN):
        lines.append(f'[indicators.s{s}]\nname = "Sasaran {s}"\nlevel = "sasaran"\n')
    for s in range(SASARAN):
        for k in range(IKU):
            i = s * IKU + k
            polarity, rounding = kind(i)
            targets = ", ".join(f"{y} = {target(i, y)}" for y in range(FIRST_YEAR, FIRST_YEAR + years))
            lines.append(
                f'[indicators.i{i}]\nname = "IKU {i}"\nlevel = "iku"\nparent = "s{s}"\nunit = "%"\n'
                f'numerator = "n{i}"\ndenominator = "d{i}"\nmultiplier = 100\npolarity = "{polarity}"\n'
                f'rounding = "{rounding}"\ncap = {CAP}\nfloor = {FLOOR}\ntargets = {{ {targets} }}\n'
            )
    for i in range(SASARAN * IKU):
        lines.append(f'[inputs.n{i}]\nname = "N {i}"\n[inputs.d{i}]\nname = "D {i}"\n')
    (root / "catalog.toml").write_text("\n".join(lines), "utf-8")


def catalog_for(years: int) -> lkip_rules.Catalog:
    with tempfile.TemporaryDirectory() as tmp:
        write_catalog(Path(tmp), years)
        catalog = lkip_rules.load_catalog(Path(tmp))
    assert not [i for i in catalog.validate(lkip_rules.Data()) if i.severity == "error"]
    return catalog
