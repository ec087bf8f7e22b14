"""The audit for people: a summary line and a table with each finding under its root."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from lkip_rules.audit import Audit, Finding
from lkip_rules.locale import Lang

HEADERS = {
    "en": ("Where", "Subject", "Field", "Printed", "Right", "Cause", "Explanation"),
    "id": ("Letak", "Pokok", "Isian", "Tercetak", "Seharusnya", "Penyebab", "Penjelasan"),
}


def summary(report: Audit, lang: Lang) -> str:
    """How many printed figures were checked, and how many are wrong: never a bare "no differences"."""
    en = lang == "en"
    if not report.checked:
        return (
            f"No printed figures for {report.year} to check: add what the report printed under [reported] "
            "in the year's data file."
            if en
            else f"Tidak ada angka tercetak tahun {report.year} untuk diperiksa: catat angka yang dicetak "
            "laporan di bagian [reported] berkas data tahun itu."
        )
    errors, infos, skipped = len(report.errors), len(report.infos), len(report.unchecked)
    if en:
        head = (
            f"Audit {report.catalog} {report.year}: {report.checked} printed figures checked, {errors} wrong, "
            f"{infos} info"
        )
        tail = f"; {skipped} could not be checked:" if skipped else "."
    else:
        head = (
            f"Audit {report.catalog} {report.year}: {report.checked} angka tercetak diperiksa, {errors} salah, "
            f"{infos} catatan (info)"
        )
        tail = f"; {skipped} tidak dapat diperiksa:" if skipped else "."
    lines = [head + tail]
    lines += [f"  {u.subject} {u.field} {u.year} ({u.where}): {u.why}" for u in report.unchecked]
    return "\n".join(lines)


def table(report: Audit, findings: Sequence[Finding], lang: Lang) -> Table:
    """One row per finding; a finding that follows from another is indented under it."""
    grid = Table(title=f"Audit {report.catalog} {report.year}")
    for header in HEADERS[lang]:
        grid.add_column(header, overflow="fold")
    for f in findings:
        where = "; ".join(f.where) + (f" [{f.year}]" if f.year != report.year else "")
        subject = f"  ↳ {f.subject}" if f.root is not None else f.subject
        cause = f"{f.cause} (info)" if f.severity == "info" else f.cause
        grid.add_row(where, subject, f.field, f.printed, f.computed, cause, f.explanation)
    return grid
