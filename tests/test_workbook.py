"""Excel like the report (docs/excel.md): the workbook of ``lkip evaluate --format xlsx`` and of a
report model, read back with openpyxl and checked against the Results, the catalog and the data.

Expected figures come from the Results, the catalog and the data files, never from the writer;
totals are checked by summing the cells their ``=SUM(...)`` names.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import lkip_rules
from lkip_rules import BUNDLED_CATALOG, LkipError
from lkip_rules.reports.evaluation_tables import evaluation_tables
from lkip_rules.reports.model import Column, Number, Range, Report, Row, Section, Table
from lkip_rules.reports.workbook import sheet_names, write_tables, write_workbook, xlsx

openpyxl = pytest.importorskip("openpyxl")
MergedCell = pytest.importorskip("openpyxl.cell.cell").MergedCell

DINKES = Path(__file__).parent / "agencies" / "dinkes"
HEADER, FIRST = 2, 3  # the header row and the first row of figures
NUMBER_FORMAT = re.compile(r'#,##0(\.(0+))?("[^"]*")?')


@pytest.fixture(scope="module")
def bekasi(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Any, Any]:
    catalog = lkip_rules.load_catalog(BUNDLED_CATALOG)
    results = catalog.evaluate(2025)
    path = tmp_path_factory.mktemp("bekasi") / "capaian.xlsx"
    xlsx(catalog, results, "id", path)
    return catalog, catalog.data, results, openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def dinkes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Any, Any]:
    catalog = lkip_rules.load_catalog(DINKES / "catalog.toml")
    data = lkip_rules.load_data(DINKES / "data")
    results = catalog.evaluate(2025, data)
    path = tmp_path_factory.mktemp("dinkes") / "capaian.xlsx"
    xlsx(catalog, results, "id", path, data)
    return catalog, data, results, openpyxl.load_workbook(path)


@pytest.fixture(params=["bekasi", "dinkes"])
def made(request: pytest.FixtureRequest) -> tuple[Any, Any, Any, Any]:
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


def header(sheet: Any) -> list[str]:
    return [cell.value for cell in sheet[HEADER]]


def body(sheet: Any) -> list[tuple[Any, ...]]:
    """Rows of the table (groups, figures, totals), up to the blank row before the notes."""
    rows = []
    for row in sheet.iter_rows(min_row=FIRST):
        if all(cell.value is None for cell in row):
            break
        rows.append(row)
    return rows


def exact(value: Any) -> Decimal:
    """A cell's number as the Decimal it was written from (a float's shortest repr is that Decimal)."""
    assert isinstance(value, int | float) and not isinstance(value, bool), value
    return Decimal(repr(value))


def places(cell: Any) -> int:
    """The decimals a cell's number format shows."""
    found = NUMBER_FORMAT.fullmatch(cell.number_format)
    assert found, f"{cell.coordinate}: {cell.number_format!r}"
    return len(found.group(2) or "")


def summed(sheet: Any, formula: str) -> Decimal:
    """What ``=SUM(D3,D9:D12)`` gives: the sum of the numbers in the cells it names."""
    found = re.fullmatch(r"=SUM\((.+)\)", formula)
    assert found, formula
    total = Decimal(0)
    for part in found.group(1).split(","):
        cells = sheet[part] if ":" in part else ((sheet[part],),)
        for row in cells:
            for cell in row if isinstance(row, tuple) else (row,):
                if isinstance(cell.value, int | float):
                    total += exact(cell.value)
    return total


# -- what every sheet has -----------------------------------------------------------------------


def test_no_numeric_cell_is_in_the_general_format(made: tuple[Any, ...]) -> None:
    book = made[3]
    numbers = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, int | float) or cell.data_type == "f"
    ]
    assert len(numbers) > 100
    assert [cell.coordinate for cell in numbers if cell.number_format == "General"] == []
    assert all(NUMBER_FORMAT.fullmatch(cell.number_format) for cell in numbers)


def test_widths_fit_between_10_and_60_characters(made: tuple[Any, ...]) -> None:
    for sheet in made[3].worksheets:
        letters = [cell.column_letter for cell in sheet[HEADER]]
        widths = [sheet.column_dimensions[letter].width for letter in letters]
        assert all(10 <= width <= 60 for width in widths), (sheet.title, widths)
        names = widths[header(sheet).index("Indikator Kinerja")] if "Indikator Kinerja" in header(sheet) else None
        assert names in (None, 60)  # long names wrap at the widest


def test_every_sheet_has_a_frozen_header_and_a_filter(made: tuple[Any, ...]) -> None:
    for sheet in made[3].worksheets:
        assert sheet.freeze_panes == f"A{FIRST}"
        assert all(cell.font.bold for cell in sheet[HEADER])
        assert sheet.auto_filter.ref.startswith(f"A{HEADER}:")
        assert sheet.print_title_rows == f"${HEADER}:${HEADER}"  # the header on every printed page


def test_cells_have_borders_and_long_names_wrap(bekasi: tuple[Any, ...]) -> None:
    sheet = bekasi[3].worksheets[0]
    for row in body(sheet):
        for cell in row:
            assert cell.border.top.style == "thin" and cell.border.bottom.style == "thin"
            if not isinstance(cell, MergedCell):  # inside a merged group row there is no left edge
                assert cell.border.left.style == cell.border.right.style == "thin"
        if isinstance(row[0].value, str):
            assert row[0].alignment.wrap_text


# -- the achievement sheet ----------------------------------------------------------------------


def _indicator_rows(catalog: Any, results: Any, sheet: Any, data: Any) -> list[tuple[str, Any]]:
    """(indicator id, sheet row) for every figure row: the model table names the row's indicator."""
    table = evaluation_tables(catalog, results, "id", data)[0]
    rows = body(sheet)
    assert len(rows) == len(table.rows)
    return [(model.ref, row) for model, row in zip(table.rows, rows, strict=True) if model.kind == "body"]


def test_one_row_per_indicator_grouped_under_its_parent(made: tuple[Any, ...]) -> None:
    catalog, data, results, book = made
    sheet = book.worksheets[0]
    found = _indicator_rows(catalog, results, sheet, data)
    assert sorted(ref for ref, _ in found) == sorted(results.indicators)
    headings = [row[0].value for row in body(sheet) if row[0].value and row[0].font.bold]
    assert len(headings) == len({r.parent for r in results if r.parent})  # each parent heads one group
    merged = {str(r).split(":")[0] for r in sheet.merged_cells.ranges}
    for row in body(sheet):
        if row[0].font.bold:
            assert row[0].coordinate in merged
    for ref, row in found:  # each indicator sits under its own parent's heading
        parent = results[ref].parent
        if parent is not None:
            above = next(r for r in reversed(body(sheet)[: row[0].row - FIRST]) if r[0].font.bold)
            assert above[0].value.endswith(catalog.indicators[parent].name)


def test_numbers_equal_the_results_with_the_indicators_decimals(made: tuple[Any, ...]) -> None:
    catalog, data, results, book = made
    sheet = book.worksheets[0]
    heads = header(sheet)
    realisation, achievement = heads.index("Realisasi"), heads.index("Capaian (%)")
    previous = heads.index("Realisasi Tahun Lalu")
    checked = 0
    for ref, row in _indicator_rows(catalog, results, sheet, data):
        result, decimals = results[ref], catalog.indicators[ref].policy.decimals
        for column, expected in (
            (realisation, result.realisation),
            (achievement, result.achievement),
            (previous, result.previous.realisation if result.previous else None),
        ):
            cell = row[column]
            if expected is None:
                assert cell.value == "-" and cell.data_type == "s"
                continue
            assert exact(cell.value) == expected, (ref, heads[column])
            assert places(cell) == decimals, (ref, heads[column], cell.number_format)
            checked += 1
    assert checked > 40


def test_range_targets_are_two_numbers(dinkes: tuple[Any, ...]) -> None:
    catalog, data, results, book = dinkes
    sheet = book.worksheets[0]
    heads = header(sheet)
    low, high = heads.index("Target (bawah)"), heads.index("Target (atas)")
    ranges = 0
    for ref, row in _indicator_rows(catalog, results, sheet, data):
        target = catalog.indicators[ref].targets.get(2025)
        if target is None:
            assert row[low].value == row[high].value == "-"
            continue
        both = target if isinstance(target, tuple) else (target, target)  # a single target is both ends
        assert (exact(row[low].value), exact(row[high].value)) == both, ref
        ranges += isinstance(target, tuple)
    assert ranges == 3  # waktu tunggu [30, 60], kepesertaan JKN [95, 100], and [3, 6] in the catalog


def test_bekasi_has_one_target_column_without_ranges(bekasi: tuple[Any, ...]) -> None:
    heads = header(bekasi[3].worksheets[0])
    assert "Target" in heads and not any("(bawah)" in head for head in heads)
    assert "Indikator Kinerja" in heads and "Sasaran / Induk" not in heads  # the parent heads its group


# -- the budget sheet ---------------------------------------------------------------------------


def _budget(book: Any) -> tuple[Any, list[str], list[Any], Any]:
    sheet = book.worksheets[1]
    rows = body(sheet)
    total = rows[-1]
    return sheet, header(sheet), rows[:-1], total


def test_totals_are_sum_formulas_that_give_our_totals(made: tuple[Any, ...]) -> None:
    catalog, data, results, book = made
    sheet, heads, _, total = _budget(book)
    figures = data.years[2025].budget
    programs = [line.id for line in catalog.budget.values() if line.parent is None]
    by_hand = {  # the programs' money from the data file, added up here
        field: sum((getattr(figures[p], field) for p in programs), Decimal(0))
        for field in ("pagu_murni", "pagu", "realisasi")
    }
    assert by_hand["pagu"] == results.budget_total.pagu and by_hand["realisasi"] == results.budget_total.realisasi
    expected = {
        "Pagu Murni (Rp)": by_hand["pagu_murni"],
        "Pagu (Rp)": results.budget_total.pagu,
        "Realisasi (Rp)": results.budget_total.realisasi,
        "Sisa (Rp)": results.budget_total.pagu - results.budget_total.realisasi,
    }
    assert total[heads.index("Program / Kegiatan / Sub Kegiatan")].value == "Jumlah"
    for title, figure in expected.items():
        cell = total[heads.index(title)]
        assert cell.data_type == "f", title
        assert summed(sheet, cell.value) == figure, title
        assert places(cell) == 0 and cell.font.bold
    serapan = total[heads.index("Serapan (%)")]
    assert exact(serapan.value) == results.budget_total.serapan and places(serapan) == 2


def test_budget_lines_equal_the_results(made: tuple[Any, ...]) -> None:
    catalog, _, results, book = made
    _, heads, rows, _ = _budget(book)
    name = heads.index("Program / Kegiatan / Sub Kegiatan")
    by_name = {}
    for line in catalog.budget.values():
        by_name.setdefault(line.name, []).append(results.budget[line.id])
    assert len(rows) == len(catalog.budget)
    for row in rows:
        line = by_name[row[name].value].pop(0)
        for title, expected in (
            ("Pagu (Rp)", line.pagu),
            ("Realisasi (Rp)", line.realisasi),
            ("Serapan (%)", line.serapan),
            ("Sisa (Rp)", line.sisa),
        ):
            cell = row[heads.index(title)]
            assert exact(cell.value) == expected, (line.id, title)
            assert places(cell) == (2 if title == "Serapan (%)" else 0)


def test_kode_comes_from_the_catalog_and_names_are_indented_by_level(dinkes: tuple[Any, ...]) -> None:
    catalog, _, _, book = dinkes
    _, heads, rows, _ = _budget(book)
    assert heads[:3] == ["Kode", "Program / Kegiatan / Sub Kegiatan", "Tingkat"]
    declared = sorted((line.code, line.name) for line in catalog.budget.values())
    assert sorted((row[0].value, row[1].value) for row in rows) == declared
    assert rows[0][0].value == "1.02.01" and rows[0][0].data_type == "s"  # text, never the number 1.02
    depth = {"Program": 0, "Kegiatan": 1, "Sub Kegiatan": 2}
    assert all(row[1].alignment.indent == depth[row[2].value] for row in rows)
    assert all(row[0].alignment.indent == 0 for row in rows)


def test_no_kode_column_when_the_catalog_declares_none(bekasi: tuple[Any, ...]) -> None:
    _, heads, _, _ = _budget(bekasi[3])
    assert heads[0] == "Program / Kegiatan / Sub Kegiatan" and "Kode" not in heads


# -- the writer on report-model tables ----------------------------------------------------------


def _table(rows: tuple[Row, ...], columns: tuple[Column, ...] | None = None, **kw: Any) -> Table:
    columns = columns or (Column("name", "Nama"), Column("pagu", "Pagu (Rp)", "money", total=True))
    return Table(kw.pop("number", "3.15"), kw.pop("title", "Pagu"), columns, rows, **kw)


def test_text_that_starts_like_a_formula_stays_text(tmp_path: Path) -> None:
    texts = ['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "=1+1"]
    rows = tuple(Row((text, Number(Decimal(1), 0))) for text in texts)
    path = tmp_path / "t.xlsx"
    write_tables([_table(rows, title="=EVIL()")], path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    found = [row[0] for row in body(sheet)]
    assert [cell.value for cell in found] == texts
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in found)
    assert sheet["A1"].data_type == "s" and sheet["A1"].value == "Tabel 3.15 =EVIL()"
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []  # no total row, no formula at all


def test_control_characters_are_refused_naming_the_cell(tmp_path: Path) -> None:
    rows = (Row(("ok", None)), Row(("bad\x07name", None)))
    with pytest.raises(LkipError, match=r"sheet '3.15 Pagu', row 4, column 'Nama'.*U\+0007"):
        write_tables([_table(rows)], tmp_path / "t.xlsx")


def test_a_total_over_a_tree_sums_the_top_rows_only(tmp_path: Path) -> None:
    rows = (
        Row(("Program A", Number(Decimal(300), 0))),
        Row(("Kegiatan A1", Number(Decimal(100), 0)), depth=1),
        Row(("Kegiatan A2", Number(Decimal(200), 0)), depth=1),
        Row(("Program B", Number(Decimal(50), 0))),
        Row(("Jumlah", Number(Decimal(350), 0)), kind="total"),
    )
    path = tmp_path / "t.xlsx"
    write_tables([_table(rows)], path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    total = sheet["B7"]
    assert total.value == "=SUM(B3,B6)" and summed(sheet, total.value) == 350
    assert sheet["A4"].alignment.indent == 1 and sheet["A3"].alignment.indent == 0


def test_a_total_the_rows_do_not_give_is_written_as_a_figure(tmp_path: Path) -> None:
    rows = (Row(("A", Number(Decimal(1), 0))), Row(("Jumlah", Number(Decimal(5), 0)), kind="total"))
    path = tmp_path / "t.xlsx"
    write_tables([_table(rows)], path)
    total = openpyxl.load_workbook(path).worksheets[0]["B4"]
    assert total.data_type == "n" and total.value == 5  # never a SUM giving another figure


def test_ranges_flags_and_notes_in_a_report(tmp_path: Path) -> None:
    columns = (Column("indicator", "Indikator"), Column("target", "Target", "number"), Column("r", "Realisasi"))
    rows = (
        Row(("Sasaran: Meningkatnya X",), kind="group"),
        Row(("Lama proses", Range(Decimal(7), Decimal(8)), Number(Decimal("6.50"), 2, ("provisional",))), depth=1),
        Row(("Cakupan", Number(Decimal(20)), Number(Decimal("20.06"), 2, ("audit",)))),
    )
    table = Table("3.2", "Capaian", columns, rows, notes=("Sumber: data olahan",))
    report = Report("BAB III", "Dinas X", 2025, None, "id", (Section("A", (table, table)),))
    path = tmp_path / "r.xlsx"
    write_workbook(report, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["3.2 Capaian", "3.2 Capaian (2)"]
    sheet = book.worksheets[0]
    assert header(sheet) == ["Indikator", "Target (bawah)", "Target (atas)", "Realisasi"]
    assert [c.value for c in sheet[4]] == ["Lama proses", 7, 8, 6.5]
    assert [c.value for c in sheet[5]] == ["Cakupan", 20, 20, 20.06]
    assert sheet["D4"].number_format == '#,##0.00"*"' and sheet["D4"].comment is not None
    assert sheet["D5"].number_format == '#,##0.00"†"'
    assert "A3:D3" in {str(r) for r in sheet.merged_cells.ranges}  # the group row spans the table
    notes = [sheet.cell(row=n, column=1).value for n in (7, 8)]
    assert notes[0] == "Sumber: data olahan"
    assert notes[1].startswith("Tanda: * angka sementara") and "†" in notes[1] and "‡" not in notes[1]


def test_sheet_names_are_short_unique_and_allowed() -> None:
    def table(number: str, title: str) -> Table:
        return Table(number, title, (), ())

    names = sheet_names(
        [
            table("3.7", "Alokasi dan Realisasi Anggaran untuk Indikator Kinerja Utama Persentase Koperasi"),
            table("3.7", "Alokasi dan Realisasi Anggaran untuk Indikator Kinerja Utama Persentase UMKM"),
            table("", "Pagu [Rp] / Realisasi: *?\\"),
            table("", "History"),
            table("", "'''"),
            table("", "Capaian Kinerja 2025 — Dinas Koperasi, Usaha Kecil dan Menengah"),
        ]
    )
    assert names == [
        "3.7 Alokasi dan Realisasi",
        "3.7 Alokasi dan Realisasi (2)",
        "Pagu Rp Realisasi",
        "History (2)",
        "Tabel 5",
        "Capaian Kinerja 2025",
    ]
    assert all(len(name) <= 31 for name in names)


def test_a_report_without_tables_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    write_workbook(Report("BAB III", "Dinas X", 2025, None, "en", ()), path)
    assert openpyxl.load_workbook(path).sheetnames == ["No tables"]


def test_an_unwritable_path_is_our_error(tmp_path: Path) -> None:
    with pytest.raises(LkipError, match="cannot write the workbook"):
        write_tables([_table(())], tmp_path / "no" / "such" / "t.xlsx")


def test_a_mark_the_notes_explain_gets_no_second_legend_and_a_group_with_figures_is_not_merged(
    tmp_path: Path,
) -> None:
    columns = (Column("indicator", "Indikator"), Column("a", "Capaian (%)", "percent"))
    rows = (
        Row(("Sasaran A", Number(Decimal("105.15"), 2, ("audit",))), kind="group"),
        Row(("IKU 1", Number(Decimal("100.30"), 2, ("provisional",))), depth=1),
    )
    note = "† Capaian Sasaran A: laporan mencetak 100, yang benar 105,15."
    path = tmp_path / "t.xlsx"
    write_tables([Table("3.4", "Capaian", columns, rows, notes=(note,))], path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:B1", "A6:B6", "A7:B7"}  # title and notes only
    assert sheet["A3"].font.bold and sheet["B3"].value == 105.15 and sheet["B3"].font.bold
    assert [sheet.cell(row=n, column=1).value for n in (6, 7, 8)] == [
        note,
        "Tanda: * angka sementara (belum final).",  # † is explained by the table's own note
        None,
    ]
