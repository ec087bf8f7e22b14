"""The layout of a catalog's Excel form (``lkip template``), shared by its writer
(:mod:`lkip_rules.forms`) and its reader (:mod:`lkip_rules.datafiles.form`).

Layout version 1. A form is a workbook with a sheet named ``lkip`` (hidden): its column A holds keys,
column B their values — the marker, the layout version, the catalog id and the year. The data sheets
``Input``, ``Anggaran`` and ``Tercetak`` each have their header on row 4 and one row per item below
it, keyed by the id in the column headed ``id``; the reader finds every column by its header, so
what each column means is written on the sheet itself.
"""

from __future__ import annotations

VERSION = 1
MARKER_SHEET = "lkip"
MARKER = "lkip-rules isian"  # key of the version, in A1 of the marker sheet
CATALOG_KEY, YEAR_KEY, QUARTERLY_KEY, MADE_BY_KEY = "katalog", "tahun", "triwulan", "dibuat dengan"

GUIDE, INPUTS, BUDGET, PRINTED = "Petunjuk", "Input", "Anggaran", "Tercetak"
DATA_SHEETS = (INPUTS, BUDGET, PRINTED)
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1

ID = "id"
LABEL = ""  # a column that describes the row (name, unit, last year's figure): never read
STATUS = "status"
STATUSES = ("sementara", "tetap")
QUARTERS = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")


def year_label(year: int) -> str:
    return f"Angka {year}"


def reference_label(year: int) -> str:
    """Last year's figure, beside this year's for reference."""
    return f"Angka {year - 1} (acuan)"


def budget_reference_label(year: int) -> str:
    return f"Realisasi {year - 1} (acuan)"


def columns(sheet: str, year: int) -> dict[str, str]:
    """Header label -> field of the ``sheet`` of a form for ``year``; LABEL for a column never read.

    Fields: Input ``value`` (the year's figure), ``q1``..``q4``; Anggaran ``pagu_murni``, ``pagu``,
    ``realisasi``; Tercetak the keys of ``[reported]``; every sheet ``status`` (not Tercetak) and ``id``.
    """
    if sheet == INPUTS:
        return {
            "Nama": LABEL,
            "Satuan": LABEL,
            "Sumber": LABEL,
            "Status": STATUS,
            "Rekap triwulan": LABEL,
            year_label(year): "value",
            **{label: f"q{number}" for number, label in enumerate(QUARTERS, start=1)},
            reference_label(year): LABEL,
            "id": ID,
        }
    if sheet == BUDGET:
        return {
            "Kode": LABEL,
            "Nama": LABEL,
            "Tingkat": LABEL,
            "Pagu murni (Rp)": "pagu_murni",
            "Pagu (Rp)": "pagu",
            "Realisasi (Rp)": "realisasi",
            "Status": STATUS,
            budget_reference_label(year): LABEL,
            "id": ID,
        }
    return dict(PRINTED_COLUMNS)


PRINTED_COLUMNS = {
    "Nama": LABEL,
    "Tingkat": LABEL,
    "Letak": "where",
    "Target": "target",
    "Realisasi": "realisation",
    "Capaian (%)": "achievement",
    "Kategori": "category",
    "Pagu (Rp)": "pagu",
    "Realisasi anggaran (Rp)": "realisasi",
    "Serapan (%)": "serapan",
    "Sisa (Rp)": "sisa",
    "id": ID,
}
"""The Tercetak sheet: the place and figures a report printed, for an indicator or a budget line."""


ROLLUPS = {"sum": "dijumlah", "last": "triwulan terakhir", "avg": "dirata-rata", "max": "tertinggi", "min": "terendah"}
"""How an input's quarters make its year, as the form says it (Rekap triwulan)."""

LEVELS = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "iku": "IKU",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "subkegiatan": "Sub Kegiatan",
}
