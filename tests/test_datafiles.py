"""Planners' CSV and XLSX figures (lkip_rules.datafiles) and the exported tables (reports.tables).

Expected values are written out by hand: the figures typed into each file, the message a planner
must see, the numbers Excel shows. Workbooks with defects Excel never writes (a stale dimension,
rows out of order, a cell far to the right) are made by editing the sheet XML inside the zip.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

import lkip_rules
from lkip_rules import datafiles
from lkip_rules.errors import ArgumentError, CatalogError, LkipError, MissingDependencyError
from lkip_rules.reports import tables
from lkip_rules.reports.workbook import xlsx

D = Decimal
SHEET = "xl/worksheets/sheet1.xml"
HEAD = "input,year,quarter,value\n"


# -- helpers ------------------------------------------------------------------------------------


def write_csv(tmp_path: Path, text: str, name: str = "angka.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def workbook(tmp_path: Path, *rows: list[object], name: str = "angka.xlsx") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["input", "year", "quarter", "value"])
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def edit_part(path: Path, part: str, edit: Callable[[str], str]) -> Path:
    """Rewrite one part of the zip at ``path`` with ``edit``; the others are copied as they are."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = edit(parts.get(part, b"").decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def sheet_data(path: Path, rows_xml: str) -> Path:
    """Replace the rows of the first sheet of ``path`` with ``rows_xml``."""
    return edit_part(
        path,
        SHEET,
        lambda xml: re.sub(
            r"<sheetData>.*</sheetData>|<sheetData ?/>", f"<sheetData>{rows_xml}</sheetData>", xml, flags=re.S
        ),
    )


def error(path: Path) -> str:
    with pytest.raises(CatalogError) as caught:
        datafiles.read(path)
    assert str(path) in str(caught.value)
    return str(caught.value)


def inputs(path: Path, year: int = 2025) -> dict[str, object]:
    return dict(datafiles.read(path).years[year].inputs)


HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>input</t></is></c><c r="B1" t="inlineStr"><is><t>year</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>quarter</t></is></c><c r="D1" t="inlineStr"><is><t>value</t></is></c></row>'
)


def figure_row(number: int, name: str, value: str) -> str:
    return (
        f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>{name}</t></is></c>'
        f'<c r="B{number}"><v>2025</v></c><c r="D{number}"><v>{value}</v></c></row>'
    )


# -- 1. nothing past the fourth column is dropped ---------------------------------------------


def test_csv_cell_past_the_layout_is_an_error(tmp_path: Path) -> None:
    message = error(write_csv(tmp_path, HEAD + "koperasi_usp_nib,2025,,75\nkoperasi_aktif,2025,,982,5\n"))
    assert "row 3, column 5: '5' is past the fourth column" in message
    assert "input,year,quarter,value" in message


def test_csv_header_with_an_extra_column_is_an_error(tmp_path: Path) -> None:
    message = error(write_csv(tmp_path, "input,year,quarter,value,catatan\nkoperasi_aktif,2025,,982\n"))
    assert "row 1, column 5: the header has a column 'catatan' after value" in message
    assert "the layout is four columns, input,year,quarter,value, and an optional fifth, status" in message


def test_csv_empty_trailing_cells_are_fine(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "input,year,quarter,value,,\nkoperasi_aktif,2025,,982,, \n,,,,\n")
    assert inputs(path) == {"koperasi_aktif": D(982)}


def test_xlsx_cell_past_the_layout_is_an_error(tmp_path: Path) -> None:
    path = workbook(tmp_path, ["koperasi_aktif", 2025, None, 982], ["koperasi_usp_nib", 2025, None, 60, "cek"])
    assert "cell E3: 'cek' is past the fourth column" in error(path)


def test_xlsx_value_far_to_the_right_is_an_error(tmp_path: Path) -> None:
    path = sheet_data(
        workbook(tmp_path),
        HEADER_ROW + figure_row(2, "koperasi_aktif", "982").replace("</row>", '<c r="AA2"><v>1</v></c></row>'),
    )
    assert "cell AA2: a value past the fourth column" in error(path)


# -- 2. every row of a workbook, whatever its stored dimension says --------------------------


def test_xlsx_with_a_stale_dimension_is_read_to_its_last_row(tmp_path: Path) -> None:
    names = [f"input_{i}" for i in range(1, 10)]
    path = workbook(tmp_path, *([name, 2025, None, i * 10] for i, name in enumerate(names, start=1)))
    with zipfile.ZipFile(path) as book:
        assert '<dimension ref="A1:D10"' in book.read(SHEET).decode()
    edit_part(path, SHEET, lambda xml: xml.replace('<dimension ref="A1:D10"', '<dimension ref="A1:D3"'))
    assert inputs(path) == {name: D(i * 10) for i, name in enumerate(names, start=1)}


def test_xlsx_rows_out_of_order_are_an_error_not_dropped(tmp_path: Path) -> None:
    rows = HEADER_ROW + figure_row(5, "a", "1") + figure_row(3, "b", "2")
    assert "row 3: the rows are out of order or repeated (row 3 after row 5)" in error(
        sheet_data(workbook(tmp_path), rows)
    )


def test_xlsx_repeated_cell_is_an_error_not_dropped(tmp_path: Path) -> None:
    rows = HEADER_ROW + figure_row(2, "a", "1").replace("</row>", '<c r="D2"><v>2</v></c></row>')
    assert "cell D2: the cells of the row are out of order or repeated" in error(sheet_data(workbook(tmp_path), rows))


RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def test_xlsx_first_worksheet_after_a_chartsheet(tmp_path: Path) -> None:
    path = workbook(tmp_path, ["koperasi_aktif", 2025, None, 982])
    chart = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet"
    edit_part(
        path,
        "xl/workbook.xml",
        # the prefix declared on the element itself: openpyxl declares it on the root only without lxml
        lambda xml: re.sub(
            r"<sheets>",
            f'<sheets><sheet xmlns:r="{RELATIONSHIPS}" name="Grafik" sheetId="9" r:id="rId99"/>',
            xml,
        ),
    )
    edit_part(
        path,
        "xl/_rels/workbook.xml.rels",
        lambda xml: xml.replace(
            "</Relationships>",
            f'<Relationship Id="rId99" Type="{chart}" Target="/xl/chartsheets/sheet1.xml"/></Relationships>',
        ),
    )
    assert inputs(path) == {"koperasi_aktif": D(982)}


def test_rows_of_each_figure_are_kept_for_messages(tmp_path: Path) -> None:
    path = write_csv(tmp_path, HEAD + "\nkoperasi_aktif,2025,,982\npenjualan,2025,2,10\n")
    year = datafiles.read(path).years[2025]
    assert year.rows == {("inputs", "koperasi_aktif"): 3, ("inputs", "penjualan", "q2"): 4}


# -- 3. a damaged workbook is our error, naming the file ----------------------------------------


def test_workbook_without_sheets(tmp_path: Path) -> None:
    path = edit_part(
        workbook(tmp_path), "xl/workbook.xml", lambda xml: re.sub(r"<sheets>.*</sheets>", "<sheets/>", xml)
    )
    assert "the workbook has no worksheet" in error(path)


def _not_a_zip(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 not really a zip")


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:700])


def _bad_xml(path: Path) -> None:
    edit_part(path, SHEET, lambda xml: xml[: len(xml) // 2])


def _missing_string(path: Path) -> None:
    edit_part(
        path,
        SHEET,
        lambda xml: xml.replace(
            '<c r="A2" t="inlineStr"><is><t>koperasi_aktif</t></is></c>', '<c r="A2" t="s"><v>99</v></c>'
        ),
    )


def _bad_date(path: Path) -> None:
    edit_part(
        path, SHEET, lambda xml: xml.replace('<c r="D2" t="n"><v>982</v></c>', '<c r="D2" t="d"><v>not a date</v></c>')
    )


def _no_workbook_part(path: Path) -> None:
    edit_part(path, "[Content_Types].xml", lambda xml: re.sub(r'<Override PartName="/xl/workbook.xml"[^>]*/>', "", xml))


def _dtd(path: Path) -> None:
    edit_part(path, SHEET, lambda xml: '<!DOCTYPE w [<!ENTITY e "x">]>' + xml.split("?>", 1)[-1])


def _nan(path: Path) -> None:
    edit_part(path, SHEET, lambda xml: xml.replace("<v>982</v>", "<v>nan</v>"))


@pytest.mark.parametrize(
    "damage", [_not_a_zip, _truncated, _bad_xml, _missing_string, _bad_date, _no_workbook_part, _dtd, _nan]
)
def test_damaged_workbook_is_a_catalog_error(tmp_path: Path, damage: Callable[[Path], None]) -> None:
    path = workbook(tmp_path, ["koperasi_aktif", 2025, None, 982])
    damage(path)
    error(path)


def test_not_a_regular_file_and_no_file(tmp_path: Path) -> None:
    assert "no such data file" in error(tmp_path / "nothing.xlsx")
    assert "no such data file" in error(tmp_path / "nul\x00.csv")
    os.mkfifo(tmp_path / "pipe.csv")  # opening it to read would wait for a writer forever
    assert "not a regular file" in error(tmp_path / "pipe.csv")
    assert "cannot read '.ods' files" in error(write_csv(tmp_path, "", name="angka.ods"))


@pytest.mark.parametrize("argument", [5, None, b"angka.csv"])
def test_a_path_that_is_not_a_path(argument: object) -> None:
    with pytest.raises(ArgumentError, match="a data file is given by its path"):
        datafiles.read(argument)  # type: ignore[arg-type]


# -- 4. no small file makes reading slow or large -----------------------------------------------


def _measured(path: Path) -> tuple[str, int]:
    """The error reading ``path``, and the peak memory it took (time is measured by the fuzz runs and
    benchmarks, never asserted in a test)."""
    tracemalloc.start()
    try:
        message = error(path)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return message, peak


def test_one_cell_at_xfd20000_is_refused_at_once(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["input", "year", "quarter", "value"])
    book.active.append(["koperasi_aktif", 2025, None, 982])
    book.active["XFD20000"] = 1
    path = tmp_path / "xfd.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    message, peak = _measured(path)
    assert "cell XFD20000: a value past the fourth column" in message
    assert peak < 100 * 2**20


def test_fifty_megabyte_string_in_a_small_workbook_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path, ["koperasi_aktif", 2025, None, 982])
    huge = "x" * 50_000_000
    sheet_data(path, HEADER_ROW + f'<row r="2"><c r="A2" t="inlineStr"><is><t>{huge}</t></is></c></row>')
    del huge
    assert path.stat().st_size < 100_000
    message, peak = _measured(path)
    assert "the workbook part xl/worksheets/sheet1.xml is 50,000," in message
    assert "bytes uncompressed; the limit is 16,777,216" in message
    assert peak < 100 * 2**20


def test_long_text_in_a_cell_is_refused_with_its_place(tmp_path: Path) -> None:
    path = write_csv(tmp_path, HEAD + "koperasi_aktif,2025,," + "9" * 300 + "\n")
    assert "row 2, column 4: the cell holds 300 characters; a cell of this layout holds at most 256" in error(path)


def test_too_many_rows(tmp_path: Path) -> None:
    path = sheet_data(workbook(tmp_path), HEADER_ROW + figure_row(20_001, "a", "1"))
    assert "row 20001: a data sheet holds at most 20,000 rows" in error(path)
    lines = HEAD + "".join(f"a{i},2025,,{i}\n" for i in range(50_000))
    assert "row 50001: a CSV data file holds at most 50,000 rows" in error(write_csv(tmp_path, lines))


def test_too_many_shared_strings(tmp_path: Path) -> None:
    path = workbook(tmp_path, ["koperasi_aktif", 2025, None, 982])
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    edit_part(path, "xl/sharedStrings.xml", lambda _: f'<sst xmlns="{ns}">' + "<si><t>a</t></si>" * 130_000 + "</sst>")
    edit_part(
        path,
        "[Content_Types].xml",
        lambda xml: xml.replace(
            "</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{strings_type}"/></Types>'
        ),
    )
    message, _ = _measured(path)
    assert "more than 250,000 XML elements in its first sheet and its shared strings" in message


def test_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "besar.csv"
    path.write_bytes(b"x" * (10 * 1024 * 1024 + 1))
    assert "the file is 10,485,761 bytes; the limit is 10,485,760" in error(path)


def test_a_megabyte_csv_reads_in_full(tmp_path: Path) -> None:
    lines = HEAD + "".join(f"input_{i},2025,,{i}.25\n" for i in range(49_000))
    path = write_csv(tmp_path, lines)
    assert path.stat().st_size > 1_000_000
    found = inputs(path)
    assert len(found) == 49_000 and found["input_48999"] == D("48999.25")


# -- 5. numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.5", D("1234.5")),
        ("1234,5", D("1234.5")),
        ("0.125", D("0.125")),
        ("-5,25", D("-5.25")),
        ("0,125", D("0.125")),
        ("1234,567", D("1234.567")),
        ("982", D(982)),
        ("12.345.678", D(12345678)),
        ("13.210.000.000", D(13210000000)),
        ("1.234,56", D("1234.56")),
        ("12,345,678", D(12345678)),
        ("1,234.56", D("1234.56")),
        ("-1.000.000,5", D("-1000000.5")),
        ("-0", D(0)),
        (" 7 ", D(7)),
    ],
)
def test_plain_numbers_in_text(tmp_path: Path, text: str, expected: Decimal) -> None:
    assert inputs(write_csv(tmp_path, HEAD + f'koperasi_aktif,2025,,"{text}"\n')) == {"koperasi_aktif": expected}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1.982",
            "'1.982' may be 1982 (the point grouping thousands) or 1.982 (a decimal point); write 1982 for "
            "the first, 1.9820 for the second",
        ),
        ("1,982", "'1,982' may be 1982 (the comma grouping thousands) or 1.982 (a decimal comma)"),
        ("100.000", "'100.000' may be 100000 (the point grouping thousands) or 100.000 (a decimal point)"),
        ("-2.500", "'-2.500' may be -2500 (the point grouping thousands) or -2.500 (a decimal point)"),
        ("1.23.456", "'1.23.456' is not a number: write 1234.5 or 1234,5; points or commas between thousands"),
        ("12.34,5", "'12.34,5' is not a number"),
        ("1,234,56", "'1,234,56' is not a number"),
        ("0.125.000", "'0.125.000' is not a number"),
        ("1 234", "'1 234' is not a number"),
        ("Rp 1.000", "'Rp 1.000' is not a number"),
        ("1.234.5", "'1.234.5' is not a number: write 1234.5 or 1234,5"),
        ("=A1*2", "'=A1*2' is a formula, not a number"),
        ("#N/A", "the cell shows the Excel error #N/A"),
        ("12345678901234567", "12345678901234567 is too large: at most 16 digits before the decimal point"),
        ("0.0000000000001", "0.0000000000001 is too precise: at most 12 digits after the decimal point"),
        ("", "the value is empty"),
    ],
)
def test_numbers_refused_in_text(tmp_path: Path, text: str, message: str) -> None:
    assert f"row 2, column 4: {message}" in error(write_csv(tmp_path, HEAD + f'koperasi_aktif,2025,,"{text}"\n'))


def test_xlsx_floats_are_read_as_excel_shows_them(tmp_path: Path) -> None:
    # The <v> texts Excel writes: 17 significant digits of the binary float.
    stored = {"a": "0.30000000000000004", "b": "1234.5", "c": "1E+15", "d": "666.66666666666663", "e": "-0"}
    rows = "".join(figure_row(n, name, value) for n, (name, value) in enumerate(stored.items(), start=2))
    assert inputs(sheet_data(workbook(tmp_path), HEADER_ROW + rows)) == {
        "a": D("0.3"),  # 0.1 + 0.2
        "b": D("1234.5"),
        "c": D(1_000_000_000_000_000),
        "d": D("666.666666666667"),  # 2000/3 to 15 significant digits, as Excel shows it
        "e": D(0),
    }


def test_xlsx_float_beyond_twelve_decimals_is_refused(tmp_path: Path) -> None:
    # 1/3 shows as 0.333333333333333: 15 digits after the point, more than lkip_rules.numbers allows.
    path = workbook(tmp_path, ["a", 2025, None, 1 / 3])
    assert "cell D2: 0.333333333333333 is too precise" in error(path)


def test_xlsx_number_out_of_bounds_names_the_cell(tmp_path: Path) -> None:
    path = workbook(tmp_path, ["a", 2025, None, 10**17])
    assert "cell D2: 100000000000000000 is too large" in error(path)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (datetime.datetime(2025, 3, 1), "cell D2: 2025-03-01 00:00:00 is a date or time, not a number"),
        (True, "cell D2: TRUE is a yes/no value, not a number"),
        ("=1+2", "cell D2: the cell holds a formula"),
        ("1.982", "cell D2: '1.982' may be 1982 (the point grouping thousands) or 1.982"),
    ],
)
def test_xlsx_value_that_is_not_a_figure(tmp_path: Path, cell: object, message: str) -> None:
    assert message in error(workbook(tmp_path, ["koperasi_aktif", 2025, None, cell]))


def test_xlsx_year_as_a_date_and_quarter_zero(tmp_path: Path) -> None:
    assert "cell B2: 2025-01-01 00:00:00 is a date or time" in error(
        workbook(tmp_path, ["a", datetime.datetime(2025, 1, 1), None, 1])
    )
    # A numeric 0 was read as "no quarter" before, making the figure a yearly one.
    assert "cell C2: 0 is not a quarter" in error(workbook(tmp_path, ["a", 2025, 0, 1]))


def test_xlsx_error_and_infinite_values(tmp_path: Path) -> None:
    path = workbook(tmp_path, ["koperasi_aktif", 2025, None, 982])
    edit_part(
        path, SHEET, lambda xml: xml.replace('<c r="D2" t="n"><v>982</v></c>', '<c r="D2" t="e"><v>#DIV/0!</v></c>')
    )
    assert "cell D2: the cell shows the Excel error #DIV/0!" in error(path)
    edit_part(path, SHEET, lambda xml: xml.replace('<c r="D2" t="e"><v>#DIV/0!</v></c>', '<c r="D2"><v>1e999</v></c>'))
    assert "cell D2: inf is not a finite number" in error(path)


# -- 6. exports never carry a live formula ------------------------------------------------------

INJECTION_CATALOG = """\
[catalog]
id = "uji"
name = "Dinas Uji"
period = [2025, 2029]

[inputs.a]
name = "A"
[inputs.b]
name = "B"

[indicators.selisih]
name = '=HYPERLINK("http://x","y")'
level = "iku"
unit = "@SUM(1)"
formula = "a - b"
targets = { 2025 = 10 }

[budget.p_uji]
name = '=WEBSERVICE("http://x")'
level = "program"
supports = ["selisih"]
"""
INJECTION_DATA = "year = 2025\n[inputs]\na = 1\nb = 6.25\n[budget.p_uji]\npagu = 100\nrealisasi = 40\n"


def _catalog(tmp_path: Path, text: str = INJECTION_CATALOG) -> lkip_rules.Catalog:
    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "catalog.toml").write_text(text, "utf-8")
    (tmp_path / "data" / "2025.toml").write_text(INJECTION_DATA, "utf-8")
    return lkip_rules.load_catalog(tmp_path)


def test_xlsx_export_writes_formula_like_text_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    catalog = _catalog(tmp_path)
    out = tmp_path / "capaian.xlsx"
    xlsx(catalog, catalog.evaluate(2025), "en", out)
    book = load_workbook(out)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    formulas = {(cell.parent.title, cell.coordinate, cell.value) for cell in cells if cell.data_type == "f"}
    budget = book.worksheets[1].title  # the only formulas: the budget total's SUM over its own rows
    assert formulas == {(budget, "C4", "=SUM(C3)"), (budget, "D4", "=SUM(D3)"), (budget, "F4", "=SUM(F3)")}
    injected = {'=HYPERLINK("http://x","y")', "@SUM(1)", '=WEBSERVICE("http://x")'}
    assert {cell.value: cell.data_type for cell in cells if cell.value in injected} == dict.fromkeys(injected, "s")
    realisation = book.worksheets[0]["D3"]  # title on row 1, header on row 2 (docs/excel.md)
    assert (realisation.value, realisation.data_type) == (-5.25, "n")  # 1 - 6.25


def test_csv_export_quotes_formula_like_text(tmp_path: Path) -> None:
    catalog = _catalog(tmp_path)
    text = tables.csv_text(catalog, catalog.evaluate(2025), "en")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["Indicator"] == '\'=HYPERLINK("http://x","y")'
    assert row["Unit"] == "'@SUM(1)"
    assert (row["Realisation"], row["Target"]) == ("-5.25", "10")  # our numbers stay plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1", "'=1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\t1", "'\t1"),
        ("\r1", "'\r1"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_inert(text: str, expected: str) -> None:
    assert tables.inert(text) == expected


def test_text_a_workbook_cannot_hold_is_refused_at_load_or_export(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"the text holds the control character U\+0007"):
        _catalog(tmp_path, INJECTION_CATALOG.replace("@SUM(1)", "persen\\u0007"))
    catalog = _catalog(tmp_path / "long", INJECTION_CATALOG.replace("@SUM(1)", "x" * 40_000))
    with pytest.raises(LkipError, match=r"row 3, column 'Unit': the text 'x+' holds 40,000 characters"):
        xlsx(catalog, catalog.evaluate(2025), "en", tmp_path / "out.xlsx")


def test_xlsx_export_to_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    catalog = _catalog(tmp_path)
    with pytest.raises(LkipError, match="cannot write the workbook"):
        xlsx(catalog, catalog.evaluate(2025), "en", tmp_path / "no" / "out.xlsx")


# -- 7. openpyxl is optional --------------------------------------------------------------------


def test_without_openpyxl_workbooks_need_the_excel_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path, ["koperasi_aktif", 2025, None, 982])
    catalog = _catalog(tmp_path)
    results = catalog.evaluate(2025)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    monkeypatch.setitem(sys.modules, "openpyxl.styles", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'lkip-rules\[excel\]'"):
        datafiles.read(path)
    with pytest.raises(MissingDependencyError, match=r"pip install 'lkip-rules\[excel\]'"):
        xlsx(catalog, results, "en", tmp_path / "out.xlsx")
    assert inputs(write_csv(tmp_path, HEAD + "koperasi_aktif,2025,,982\n")) == {"koperasi_aktif": D(982)}


def test_importing_the_readers_and_writers_leaves_openpyxl_alone() -> None:
    import subprocess

    code = "import sys, lkip_rules.datafiles, lkip_rules.reports.tables; print('openpyxl' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# -- 8. the module docstring documents the format ---------------------------------------------


def test_docstring_example_reads_as_documented(tmp_path: Path) -> None:
    doc = datafiles.__doc__ or ""
    example = doc.split("one figure a row:\n\n", 1)[1].split("\n\n", 1)[0]
    path = write_csv(tmp_path, "\n".join(line.strip() for line in example.splitlines()) + "\n")
    assert inputs(path) == {"koperasi_aktif": D(982), "penjualan": {1: D(10)}}


def test_docstring_states_the_limits() -> None:
    doc = " ".join((datafiles.__doc__ or "").split())
    for shown in (
        "10 MiB",
        "50,000 rows in a CSV",
        "20,000 in a workbook",
        "256 characters",
        "16 MiB",
        "250,000 XML elements",
        "5,000 in the styles",
        "column Z",
    ):
        assert shown in doc
    from lkip_rules.datafiles import cells, csvfile
    from lkip_rules.datafiles import xlsxparts as xlsx

    assert (csvfile.MAX_FILE_BYTES, csvfile.MAX_CSV_ROWS, xlsx.MAX_SHEET_ROWS, cells.MAX_TEXT) == (
        10 * 2**20,
        50_000,
        20_000,
        256,
    )
    assert (xlsx.MAX_PART_BYTES, xlsx.MAX_ELEMENTS, xlsx.MAX_STYLE_ELEMENTS, xlsx.LAST_COLUMN) == (
        16 * 2**20,
        250_000,
        5_000,
        26,
    )


# -- 9. Indonesian sheets: headers, semicolons, number text, status ------------------------------


def test_semicolon_file_reads_indonesian_numbers(tmp_path: Path) -> None:
    # What Excel with Indonesian settings saves as CSV: semicolons, a decimal comma, thousands points.
    text = (
        "indikator/input;tahun;triwulan;nilai\n"
        "koperasi_aktif;2025;;1.982\n"
        "volume_usaha;2025;;13.210.000.000\n"
        "rasio;2025;;1.234,56\n"
        "persen;2025;;12,5\n"
        "kecil;2025;;1,982\n"
        "titik;2025;;93.10\n"
    )
    assert inputs(write_csv(tmp_path, text)) == {
        "koperasi_aktif": D(1982),
        "volume_usaha": D(13_210_000_000),
        "rasio": D("1234.56"),
        "persen": D("12.5"),
        "kecil": D("1.982"),  # the comma is this file's decimal mark
        "titik": D("93.10"),  # a point before two digits can only be a decimal point
    }


def test_comma_file_refuses_what_reads_two_ways_and_reads_the_rest(tmp_path: Path) -> None:
    message = error(write_csv(tmp_path, HEAD + 'koperasi_aktif,2025,,"1.982"\n'))
    assert "row 2, column 4: '1.982' may be 1982 (the point grouping thousands) or 1.982 (a decimal point)" in message
    path = write_csv(tmp_path, HEAD + 'a,2025,,"13.210.000.000"\nb,2025,,"1.234,56"\nc,2025,,"1234,5"\n')
    assert inputs(path) == {"a": D(13_210_000_000), "b": D("1234.56"), "c": D("1234.5")}


def test_byte_order_mark_indonesian_header_and_status(tmp_path: Path) -> None:
    text = (
        "\ufeffINDIKATOR/INPUT;Tahun;Triwulan;Nilai;Status\n"
        "penjualan;2025;I;10;sementara\n"
        "penjualan;2025;IV;9;\n"
        "koperasi_aktif;2025;;982;tetap\n"
        "pengurus;2025;;412;SEMENTARA\n"
    )
    found = datafiles.read(write_csv(tmp_path, text)).years[2025]
    assert dict(found.inputs) == {
        "penjualan": {1: D(10), 4: D(9)},
        "koperasi_aktif": D(982),
        "pengurus": D(412),
    }
    assert found.provisional == {("inputs", "penjualan", "q1"), ("inputs", "pengurus")}
    assert found.rows[("inputs", "pengurus")] == 5


def test_english_header_with_status_and_a_mixed_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "input,tahun,quarter,nilai,status\nkoperasi_aktif,2025,,982,sementara\n")
    assert datafiles.read(path).years[2025].provisional == {("inputs", "koperasi_aktif")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("input;year;quarter;value;status\na;2025;;1;final\n", "row 2, column 5: 'final' is not a status"),
        ("input;year;quarter;value\na;2025;;1;sementara\n", "row 2, column 5: 'sementara' is past the fourth column"),
        ("input;year;quarter;value;status\na;2025;;1;;x\n", "row 2, column 6: 'x' is past the fifth (status) column"),
        (
            "input;year;quarter;value;status;catatan\n",
            "row 1, column 6: the header has a column 'catatan' after status",
        ),
        ("kode;tahun;triwulan;nilai\n", "row 1: the header must be input,year,quarter,value (or indikator/input,"),
        ("input;year;quarter;value\na;2025;V;1\n", "row 2, column 3: 'V' is not a quarter"),
    ],
)
def test_indonesian_layout_errors(tmp_path: Path, text: str, message: str) -> None:
    assert message in error(write_csv(tmp_path, text))


def test_separator_is_the_one_the_header_uses(tmp_path: Path) -> None:
    from lkip_rules.datafiles.csvfile import separator

    assert separator("input;year;quarter;value\r\na;2025;;1,5\r\n") == ";"
    assert separator('input,year,quarter,value\na,2025,,"1;5"\n') == ","
    assert separator("") == ","


def test_xlsx_with_an_indonesian_header_and_status(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Indikator/Input", "Tahun", "Triwulan", "Nilai", "Status"])
    book.active.append(["koperasi_aktif", 2025, None, 982, "sementara"])
    book.active.append(["penjualan", 2025, 2, "1.234,5", None])
    path = tmp_path / "angka.xlsx"
    book.save(path)
    found = datafiles.read(path).years[2025]
    assert dict(found.inputs) == {"koperasi_aktif": D(982), "penjualan": {2: D("1234.5")}}
    assert found.provisional == {("inputs", "koperasi_aktif")}


def test_the_number_rule_is_in_one_place() -> None:
    from lkip_rules.datafiles.cells import number_text

    assert number_text("1.982", decimal=",") == D(1982)
    assert number_text("1,982", decimal=",") == D("1.982")
    assert number_text("1,982", decimal=".") == D(1982)
    with pytest.raises(Exception, match="may be 1982"):
        number_text("1,982")


def test_the_documented_indonesian_example_reads_as_documented(tmp_path: Path) -> None:
    page = (Path(__file__).parent.parent / "docs" / "catalog-format.md").read_text("utf-8")
    section = page.split("### Figures as CSV or XLSX", 1)[1]
    example = section.split("```\n", 2)[1]
    found = datafiles.read(write_csv(tmp_path, example)).years[2025]
    assert dict(found.inputs) == {
        "koperasi_aktif": D(1982),
        "volume_usaha_koperasi": D(357_122_775_671),
        "penjualan": {1: D("10.5")},
    }
    assert found.provisional == {("inputs", "koperasi_aktif")}
