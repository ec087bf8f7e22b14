"""The sheet Petunjuk of a form: how to fill it in and read it back, in Bahasa Indonesia."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import lkip_rules
from lkip_rules._optional import require
from lkip_rules.datafiles import formlayout as layout
from lkip_rules.forms.sheet import FONT, wrapped_lines

if TYPE_CHECKING:
    from lkip_rules.api import Catalog


def sections(catalog: Catalog, year: int, name: str, quarters: bool) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of the guide; ``name`` is the form's file name, for the commands."""
    folder = f"indicators/{catalog.info.id}"  # the documented place of a catalog; the note says so
    quarter_text = (
        " Input yang direkap per triwulan diisi di kolom Triwulan I sampai IV (angka triwulan itu sendiri); kolom "
        "Rekap triwulan menyebut cara angka tahunannya dihitung: dijumlah, triwulan terakhir, dirata-rata, "
        "tertinggi atau terendah. Isi angka tahun atau angka triwulan, jangan keduanya."
        if quarters
        else ""
    )
    return [
        (
            "Yang diisi",
            [
                f"Sheet Input: angka mentah tahun {year}, satu baris untuk setiap input katalog. Isi kolom "
                f"{layout.year_label(year)}.{quarter_text} Kolom {layout.reference_label(year)} hanya pembanding "
                "dan tidak dibaca.",
                "Sheet Anggaran: pagu murni (APBD murni), pagu (setelah perubahan / P-APBD) dan realisasi setiap "
                "program, kegiatan dan sub kegiatan, dalam rupiah.",
                "Sheet Tercetak (boleh dikosongkan): angka persis seperti tercetak di laporan (LKIP), beserta "
                "letaknya (mis. Tabel 3.1 no. 1), untuk diperiksa dengan lkip audit.",
                "Kolom Status: pilih sementara bila angka belum final; kosong berarti tetap.",
            ],
        ),
        (
            "Cara menulis angka",
            [
                "Hanya sel berwarna kuning yang dapat diisi. Sel abu-abu tidak berlaku untuk baris itu.",
                "Ketik angkanya saja: tanpa rumus, tanpa Rp, tanpa %, tanpa satuan. Sel berisi rumus ditolak "
                "saat dibaca; bila angka disalin dari lembar lain, tempel dengan Paste Special > Values.",
                "Sel kosong berarti angka belum ada, bukan nol. Tulis 0 bila angkanya memang nol.",
                "Tanda desimal mengikuti pengaturan Excel Anda (pada pengaturan Indonesia: koma, 12,5). Angka "
                "yang menghitung sesuatu (unit, orang, koperasi ...) harus bilangan bulat.",
                "Di sheet Tercetak, ketik angka persis seperti tercetak, termasuk titik dan koma: 1.205.908.800, "
                "75,80, dan rentang target sebagai 7 - 8. Angka yang salah cetak tetap ditulis apa adanya.",
            ],
        ),
        (
            "Yang tidak boleh diubah",
            [
                "Jangan mengubah nama sheet, judul kolom dan kolom id, dan jangan menyisipkan atau menghapus baris "
                "atau kolom. Setiap baris dikenali dari id-nya (kolom paling kanan), bukan dari namanya.",
                "Lembar dilindungi tanpa kata sandi, hanya supaya label tidak terubah tanpa sengaja; lebar kolom "
                "dan tinggi baris tetap dapat diubah.",
                "Perlu input atau baris anggaran baru? Ubah katalognya, lalu buat formulir baru dengan "
                f"lkip template --year {year}.",
            ],
        ),
        (
            "Membaca kembali",
            [
                f"Periksa isian: lkip check {folder} --data {name}",
                f"Hitung capaian: lkip evaluate {folder} --year {year} --data {name}",
                f"Periksa angka tercetak: lkip audit {folder} --year {year} --data {name}",
                f"Simpan ke berkas data katalog: lkip import {name} --into {folder}/data/{year}.toml",
                f"({folder} adalah folder katalog; sesuaikan bila katalog Anda di tempat lain.)",
            ],
        ),
    ]


def write_guide(book: Any, catalog: Catalog, year: int, name: str, quarters: bool) -> None:
    styles = require("openpyxl.styles", "excel")
    sheet = book.create_sheet(layout.GUIDE)
    sheet.column_dimensions["A"].width = 4
    sheet.column_dimensions["B"].width = 100
    row = _line(sheet, 1, f"Petunjuk pengisian — isian angka tahun {year}", styles.Font(name=FONT, bold=True, size=14))
    row = _line(sheet, row, catalog.info.name, styles.Font(name=FONT, size=11))
    row += 1
    wrap = styles.Alignment(wrap_text=True, vertical="top")
    for heading, paragraphs in sections(catalog, year, name, quarters):
        row = _line(sheet, row, heading, styles.Font(name=FONT, bold=True, size=12, color="1F4E78"))
        for number, paragraph in enumerate(paragraphs, start=1):
            mark = sheet.cell(row=row, column=1, value=f"{number}." if not paragraph.startswith("(") else None)
            mark.alignment, mark.font = wrap, styles.Font(name=FONT)
            cell = sheet.cell(row=row, column=2)
            cell.value, cell.data_type, cell.alignment, cell.font = paragraph, "s", wrap, styles.Font(name=FONT)
            sheet.row_dimensions[row].height = 15 * wrapped_lines(paragraph, 100) + 3
            row += 1
        row += 1
    made = (
        f"Formulir dibuat dengan lkip-rules {lkip_rules.__version__} untuk katalog {catalog.info.id}, "
        f"tahun {year}, tata letak versi {layout.VERSION}."
    )
    _line(sheet, row, made, styles.Font(name=FONT, italic=True, size=9, color="808080"))
    sheet.protection.sheet = True
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _line(sheet: Any, row: int, text: str, font: Any) -> int:
    cell = sheet.cell(row=row, column=1)
    cell.value, cell.data_type, cell.font = text, "s", font
    return row + 1
