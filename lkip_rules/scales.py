"""Category scales: ordered bands that give an achievement its name (kategori).

A scale is a list of bands from the top. Each band but the last has a lower bound, given
as ``above`` (strictly greater) or ``min`` (greater or equal); the last band has no bound
and catches everything else, so no value can fall into a hole.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from lkip_rules.locale.text import Text


@attrs.frozen
class Band:
    code: str
    label: str
    above: Decimal | None = None  # value > above
    min: Decimal | None = None  # value >= min

    @property
    def bound(self) -> Decimal | None:
        return self.above if self.above is not None else self.min

    def admits(self, value: Decimal) -> bool:
        if self.above is not None:
            return value > self.above
        if self.min is not None:
            return value >= self.min
        return True

    def describe(self) -> str:
        """ "SB (Sangat Baik): above 100", a Text the faces say in their language."""
        if self.above is not None:
            return Text("band.above", code=self.code, label=self.label, bound=self.above)
        if self.min is not None:
            return Text("band.min", code=self.code, label=self.label, bound=self.min)
        return Text("band.rest", code=self.code, label=self.label)


@attrs.frozen
class Scale:
    id: str
    name: str
    bands: tuple[Band, ...]
    description: str = ""

    def category(self, value: Decimal) -> Band:
        """The band ``value`` falls in; the first band, from the top, that admits it."""
        for band in self.bands:
            if band.admits(value):
                return band
        return self.bands[-1]  # validation guarantees the last band is unbounded


def _band(code: str, label: str, *, above: int | None = None, min: int | None = None) -> Band:
    return Band(
        code,
        label,
        above=None if above is None else Decimal(above),
        min=None if min is None else Decimal(min),
    )


SHIPPED: dict[str, Scale] = {
    scale.id: scale
    for scale in (
        Scale(
            "lkip-4",
            "Skala capaian LKIP (4 kategori)",
            (
                _band("SB", "Sangat Baik", above=100),
                _band("B", "Baik", above=80),
                _band("C", "Cukup", above=55),
                _band("K", "Kurang"),
            ),
            "The scale of the reference report (LKIP 2025 Diskopukm Kota Bekasi): above 100% Sangat "
            "Baik, above 80% to 100% Baik, above 55% to 80% Cukup, below 55% Kurang. The report "
            "leaves exactly 55% in no band; this scale puts it in K (Kurang).",
        ),
        Scale(
            "permendagri-86",
            "Skala Permendagri 86/2017",
            (
                _band("ST", "Sangat Tinggi", min=91),
                _band("T", "Tinggi", min=76),
                _band("S", "Sedang", min=66),
                _band("R", "Rendah", min=51),
                _band("SR", "Sangat Rendah"),
            ),
            "Permendagri 86/2017 evaluation scale: 91 or more Sangat Tinggi, 76 Tinggi, 66 Sedang, "
            "51 Rendah, below 51 Sangat Rendah.",
        ),
        Scale(
            "akip",
            "Skala nilai AKIP",
            (
                _band("AA", "Sangat Memuaskan", above=90),
                _band("A", "Memuaskan", above=80),
                _band("BB", "Sangat Baik", above=70),
                _band("B", "Baik", above=60),
                _band("CC", "Cukup", above=50),
                _band("C", "Kurang", above=30),
                _band("D", "Sangat Kurang"),
            ),
            "SAKIP evaluation grades for an AKIP score (0-100).",
        ),
    )
}
