"""The money of a printed row: pagu, pagu murni, realisasi, serapan and sisa of a line, an indicator or the total."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from lkip_rules.audit.compare import MODE_WORDS, other_rounding, places, short, verdict
from lkip_rules.audit.finding import table_of
from lkip_rules.audit.rows import (
    MONEY,
    NO_BUDGET_LINE,
    SERAPAN_DECIMALS,
    SERAPAN_ROUNDING,
    Row,
    decimals_text,
    figure,
)
from lkip_rules.budget import absorption
from lkip_rules.locale.text import Items, Text


class MoneyRow:
    """pagu, pagu murni, realisasi, serapan and sisa of a budget line, an indicator or the total."""

    def __init__(self, row: Row) -> None:
        self.row = row
        self.entry = row.entry

    def run(self) -> None:
        figures = _budget_figures(self.row)
        if figures is None:
            for field in MONEY:
                self.row.skip(field, NO_BUDGET_LINE)
            return
        pagu, realisasi, murni, kind = figures
        for field, right in (("pagu", pagu), ("pagu_murni", murni), ("realisasi", realisasi)):
            printed = self.row.number(field)
            if right is None:
                named = Text(f"field.{field}")
                self.row.skip(field, partial(Text, "audit.no-amount", field=named, year=self.entry.year))
            if printed is None or right is None:
                continue
            self.row.check(field)
            if printed != right:
                cause, why = _why_amount(self.row, field, printed, right, kind)
                self.row.add(field, printed, right, cause, why)
        if pagu and realisasi is not None:
            self.serapan(pagu, realisasi)
        if pagu is not None and realisasi is not None:
            self.sisa(pagu - realisasi)

    def serapan(self, pagu: Decimal, realisasi: Decimal) -> None:
        printed = self.row.number("serapan")
        if printed is None:
            return
        self.row.check("serapan")
        right, exact = absorption(pagu, realisasi), realisasi * 100 / pagu
        found = verdict(printed, exact, right, SERAPAN_DECIMALS, SERAPAN_ROUNDING)
        if found == "right":
            return
        if found == "shorter":
            why = Text("audit.serapan-shorter", printed=decimals_text(places(printed)), right=right)
            self.row.add("serapan", printed, right, "precision", why, "info")
            return
        row_pagu = self.row.number("pagu") or pagu
        row_real = self.row.number("realisasi") or realisasi
        roots = [field for field in ("realisasi", "pagu") if field in self.row.found]
        if (
            row_pagu
            and roots
            and verdict(printed, row_real * 100 / row_pagu, absorption(row_pagu, row_real), 2, SERAPAN_ROUNDING)
            != "wrong"
        ):
            why = Text(
                "audit.serapan-follows",
                printed=printed,
                field=Text(f"field.{roots[0]}"),
                root=figure(self.row.found[roots[0]].printed),
                realisasi=realisasi,
                pagu=pagu,
                right=right,
            )
            self.row.add("serapan", printed, right, "follows", why, root=roots[0])
            return
        mode = other_rounding(printed, exact, SERAPAN_ROUNDING)
        if mode is not None:
            why = Text(
                "audit.serapan-rounding",
                realisasi=realisasi,
                pagu=pagu,
                exact=short(exact),
                mode=MODE_WORDS[mode],
                printed=printed,
                right=right,
            )
            self.row.add("serapan", printed, right, "rounding", why)
        else:
            why = Text("audit.serapan-arithmetic", realisasi=realisasi, pagu=pagu, right=right)
            self.row.add("serapan", printed, right, "arithmetic", why)

    def sisa(self, right: Decimal) -> None:
        printed = self.row.number("sisa")
        if printed is None:
            return
        self.row.check("sisa")
        if printed == right:
            return
        pagu, realisasi = self.row.number("pagu"), self.row.number("realisasi")
        roots = [field for field in ("realisasi", "pagu") if field in self.row.found]
        if pagu is not None and realisasi is not None and pagu - realisasi == printed and roots:
            why = Text("audit.sisa-follows", field=Text(f"field.{roots[0]}"), right=right)
            self.row.add("sisa", printed, right, "follows", why, root=roots[0])
        else:
            self.row.add("sisa", printed, right, "arithmetic", Text("audit.sisa-arithmetic", right=right))


def _budget_figures(row: Row) -> tuple[Decimal | None, Decimal | None, Decimal | None, str] | None:
    """The right pagu, realisasi and pagu murni of the row's subject, and what kind of subject it is."""
    catalog, subject, year = row.catalog, row.subject, row.entry.year
    year_data = row.data.years.get(year)
    if subject in catalog.budget:
        line = row.results.budget.get(subject)
        murni = year_data.budget[subject].pagu_murni if year_data and subject in year_data.budget else None
        return (line.pagu, line.realisasi, murni, "line") if line else None
    if subject == "total":
        summary, kind = row.results.budget_total, "total"
    elif subject in catalog.indicators:
        summary, kind = row.results[subject].budget, "indicator"
    else:
        return None
    if summary is None:
        return None
    murni = None
    if subject == "total" and year_data is not None:
        values = [year_data.budget[i].pagu_murni for i in summary.lines if i in year_data.budget]
        if values and all(v is not None for v in values):
            murni = sum((v for v in values if v is not None), Decimal(0))
    return summary.pagu, summary.realisasi, murni, kind


def _why_amount(row: Row, field: str, printed: Decimal, right: Decimal, kind: str) -> tuple[str, str]:
    for other_year, other in sorted(row.data.years.items()):
        figures = other.budget.get(row.subject)
        if other_year != row.entry.year and figures is not None and getattr(figures, field) == printed:
            named = Text(f"field.{field}")
            return "copied", Text(
                "audit.copied-amount", other=other_year, field=named, year=row.entry.year, right=right
            )
    if kind in ("indicator", "total"):
        left_out = _left_out(row, field, printed)
        return "rollup", Text("audit.lines-add-up", right=right, printed=printed, left_out=left_out)
    return "arithmetic", Text("audit.line-amount", field=Text(f"field.{field}"), right=right)


def _left_out(row: Row, field: str, printed: Decimal) -> str:
    """Why a printed total is short: the rows printed beside it that its sum leaves out."""
    table = table_of(row.entry.where)
    if table is None:
        return ""
    lines = [line for line in row.catalog.budget.values() if line.parent is None]
    printed_rows = [
        (line.id, getattr(entry, field))
        for line in lines
        for entry in row.printed.get(line.id, ())
        if entry.year == row.entry.year and entry.where.startswith(table) and getattr(entry, field) is not None
    ]
    numbers = [value for _, value in printed_rows if isinstance(value, Decimal)]
    skipped = [f"{value}" for _, value in printed_rows if isinstance(value, str)]
    if printed_rows and sum(numbers, Decimal(0)) == printed and skipped:
        return Text("audit.left-out", table=table, printed=printed, skipped=Items(skipped))
    return ""
