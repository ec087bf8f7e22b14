"""What every part of the chapter reads: the catalog, the year's results, last year's, the audit."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from lkip_rules.audit import Finding
from lkip_rules.catalog.model import Data
from lkip_rules.locale import Lang, label
from lkip_rules.reports.chapter.cells import FindingKey, Marks
from lkip_rules.reports.chapter.words import when, word
from lkip_rules.reports.model import Figure, Paragraph, Section, Table
from lkip_rules.results import IndicatorResult, Results

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

Block = Section | Table | Figure | Paragraph

_PROVISIONAL = re.compile(r"(?P<id>.*) \((?P<year>\d{4})\)")  # how results name a provisional figure


@attrs.frozen
class Context:
    """The year's figures and the report's language, read by every part as it lays out its tables."""

    catalog: Catalog
    results: Results
    data: Data
    previous: Results | None  # last year's results, for the budget beside this year's
    findings: Mapping[FindingKey, tuple[Finding, ...]]
    lang: Lang
    names: Mapping[str, str]  # every indicator, budget line and input by id: its name (see names_of)

    @property
    def year(self) -> int:
        return self.results.year

    @property
    def when(self) -> str:
        """ "Tahun 2025", or "s.d. Triwulan II Tahun 2025"."""
        return when(self.results.year, self.results.quarter, self.lang)

    def word(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)

    def marks(self) -> Marks:
        """A fresh collector of marks and notes for one table."""
        return Marks(self.lang, self.findings, self.names, self.year)

    def result(self, indicator_id: str) -> IndicatorResult:
        return self.results[indicator_id]

    def decimals(self, indicator_id: str) -> int:
        """The decimals the indicator's realisation and achievement are printed with."""
        return self.catalog.indicators[indicator_id].policy.decimals

    def category(self, indicator_id: str, code: str | None) -> str | None:
        """The label of band ``code`` of the indicator's scale, in the report's language."""
        if code is None:
            return None
        scale = self.catalog.scales.get(self.catalog.indicators[indicator_id].scale)
        band = next((b for b in scale.bands if b.code == code), None) if scale is not None else None
        return label(band.label, self.lang) if band is not None else code

    def provisional(self, names: tuple[str, ...]) -> list[str]:
        """Provisional figures as people read them: "Jumlah koperasi aktif (2025)"."""
        shown = []
        for item in names:
            found = _PROVISIONAL.fullmatch(item)
            if found is None:
                shown.append(item)
                continue
            shown.append(f"{self.names.get(found['id'], found['id'])} ({found['year']})")
        return shown


def names_of(catalog: Catalog) -> dict[str, str]:
    """Every indicator, budget line and input of the catalog by id: its name, for the notes."""
    found = {ind.id: ind.name for ind in catalog.indicators.values()}
    found.update({line.id: line.name for line in catalog.budget.values()})
    found.update({item.id: item.name for item in catalog.inputs.values()})
    return found
