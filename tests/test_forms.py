"""The Excel form of a catalog (``lkip template``), filled in and read back (``--data``), and ``lkip import``.

A form is made with the command, filled with openpyxl as a planner fills it (by the id column, never
by position), and read back; the expected figures are the ones typed in, and the results must be
those of the same figures written as a TOML data file.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import lkip_rules
from lkip_rules import datafiles
from lkip_rules.catalog import load_data
from lkip_rules.cli import main
from lkip_rules.errors import CatalogError

D = Decimal
openpyxl = pytest.importorskip("openpyxl")


# -- helpers ------------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def template(catalog: Path | None, out: Path, year: int, *more: str) -> Path:
    code, output = run(
        "template", *([str(catalog)] if catalog else []), "--year", str(year), "--output", str(out), *more
    )
    assert code == 0, output
    return out


def columns(sheet: Any) -> dict[str, int]:
    """Header label -> column number, from row 4."""
    return {cell.value: cell.column for cell in sheet[4] if cell.value is not None}


def fill(path: Path, sheet_name: str, rows: Mapping[str, Mapping[str, object]]) -> None:
    """Type ``rows`` (id -> {header label: value}) into the sheet, finding each row by its id."""
    book = openpyxl.load_workbook(path)
    sheet = book[sheet_name]
    where = columns(sheet)
    found = {sheet.cell(row=r, column=where["id"]).value: r for r in range(5, sheet.max_row + 1)}
    for key, cells in rows.items():
        for label, value in cells.items():
            sheet.cell(row=found[key], column=where[label]).value = value
    book.save(path)


def typed(value: Decimal) -> int | float:
    """A figure as Excel stores what a planner types."""
    return int(value) if value == value.to_integral_value() else float(value)


def plain(value: Decimal) -> Decimal:
    """The figure Excel gives back for ``value`` typed in: trailing zeros of the decimals dropped."""
    return Decimal(format(value.normalize(), "f"))


def as_toml(
    year: int, inputs: Mapping[str, Any], budget: Mapping[str, Mapping[str, Decimal]], marked: set[str] = frozenset()
) -> str:
    """The figures as a data file; the ones in ``marked`` sementara."""
    lines = [f"year = {year}", "[inputs]"]
    for name, value in inputs.items():
        status = ', status = "sementara"' if name in marked else ""
        if isinstance(value, Mapping):
            value = "{ " + ", ".join(f"q{q} = {v}" for q, v in sorted(value.items())) + status + " }"
        elif status:
            value = f"{{ value = {value}{status} }}"
        lines.append(f"{name} = {value}")
    for name, fields in budget.items():
        lines += [f"[budget.{name}]", *(f"{field} = {v}" for field, v in fields.items())]
        lines += ['status = "sementara"'] if name in marked else []
    return "\n".join(lines) + "\n"


def results(catalog: lkip_rules.Catalog, extra: Path, year: int, quarter: int | None = None) -> str:
    data = catalog.data.merge(datafiles.read(extra))
    text = json.dumps(catalog.evaluate(year, data, quarter=quarter).to_dict(), sort_keys=True)
    # "realisation given in <the sources>": the same figures, from other files
    return re.sub(r'given in [^"]*"', 'given in SOURCES"', text)


def error(path: Path) -> str:
    with pytest.raises(CatalogError) as caught:
        datafiles.read(path)
    return str(caught.value)


# -- the bundled catalog, yearly ------------------------------------------------------------------

BUNDLED_2025 = tomllib.loads((lkip_rules.BUNDLED_CATALOG / "data" / "2025.toml").read_text("utf-8"), parse_float=D)
FIGURES = {name: plain(D(value)) for name, value in BUNDLED_2025["inputs"].items()}
BUDGET = {name: {k: plain(D(v)) for k, v in fields.items()} for name, fields in BUNDLED_2025["budget"].items()}
GIVEN = "year = 2025\n[realisations]\nkoperasi_berkualitas = 20.06\npeningkatan_volume_umkm = 1.23\n"
BUDGET_LABELS = {"pagu_murni": "Pagu murni (Rp)", "pagu": "Pagu (Rp)", "realisasi": "Realisasi (Rp)"}


@pytest.fixture
def bekasi(tmp_path: Path) -> Path:
    """The bundled catalog with 2024's figures and, for 2025, only the realisations it gives directly."""
    folder = tmp_path / "bekasi-diskopukm"
    shutil.copytree(lkip_rules.BUNDLED_CATALOG, folder)
    (folder / "data" / "2025.toml").write_text(GIVEN, "utf-8")
    return folder


def test_bundled_form_read_back_gives_the_results_of_the_same_figures_in_toml(bekasi: Path, tmp_path: Path) -> None:
    form = template(bekasi, tmp_path / "isian-2025.xlsx", 2025)
    fill(form, "Input", {name: {"Angka 2025": typed(value)} for name, value in FIGURES.items()})
    budget_cells = {name: {BUDGET_LABELS[k]: typed(v) for k, v in fields.items()} for name, fields in BUDGET.items()}
    fill(form, "Anggaran", budget_cells)
    toml = tmp_path / "angka-2025.toml"
    toml.write_text(as_toml(2025, FIGURES, BUDGET), "utf-8")

    read = datafiles.read(form).years[2025]
    assert dict(read.inputs) == FIGURES
    assert {
        name: {k: v for k, v in vars_of(line).items() if v is not None} for name, line in read.budget.items()
    } == BUDGET
    assert read.provisional == frozenset()
    catalog = lkip_rules.load_catalog(bekasi)
    assert results(catalog, form, 2025) == results(catalog, toml, 2025)
    assert catalog.evaluate(2025, catalog.data.merge(datafiles.read(form)))["sdm_koperasi_meningkat"].realisation == D(
        "13.99"
    )  # 412 / 2946 x 100, from the figures typed in


def vars_of(line: Any) -> dict[str, Decimal | None]:
    return {"pagu_murni": line.pagu_murni, "pagu": line.pagu, "realisasi": line.realisasi}


def test_the_command_line_reads_the_form_like_the_toml(bekasi: Path, tmp_path: Path) -> None:
    form = template(bekasi, tmp_path / "isian.xlsx", 2025)
    fill(form, "Input", {name: {"Angka 2025": typed(value)} for name, value in FIGURES.items()})
    toml = tmp_path / "angka.toml"
    toml.write_text(as_toml(2025, FIGURES, {}), "utf-8")
    outputs = [
        run("evaluate", str(bekasi), "--year", "2025", "--format", "csv", "--data", str(p)) for p in (form, toml)
    ]
    assert outputs[0] == outputs[1] and outputs[0][0] == 0
    code, out = run("check", str(bekasi), "--data", str(form))
    assert code == 0 and out.endswith("0 galat, 1 peringatan\n")


def test_the_bundled_form_without_a_catalog_argument(tmp_path: Path) -> None:
    form = template(None, tmp_path / "isian.xlsx", 2026)
    book = openpyxl.load_workbook(form)
    assert book.sheetnames == ["Petunjuk", "Input", "Anggaran", "Tercetak", "lkip"]
    sheet = book["Input"]
    where = columns(sheet)
    assert list(where) == ["Nama", "Satuan", "Sumber", "Status", "Angka 2026", "Angka 2025 (acuan)", "id"]
    row = next(
        r for r in range(5, sheet.max_row + 1) if sheet.cell(row=r, column=where["id"]).value == "koperasi_aktif"
    )
    assert sheet.cell(row=row, column=where["Nama"]).value == "Jumlah koperasi aktif"
    assert sheet.cell(row=row, column=where["Angka 2025 (acuan)"]).value == 982  # last year's, for reference
    assert sheet.cell(row=row, column=where["Angka 2025 (acuan)"]).protection.locked
    assert not sheet.cell(row=row, column=where["Angka 2026"]).protection.locked
    assert sheet.cell(row=row, column=where["Nama"]).protection.locked
    assert datafiles.read(form).years[2026].inputs == {}  # an empty form gives no figure, never 0


# -- the form's make-up --------------------------------------------------------------------------

QUARTERLY = """\
[catalog]
id = "uji-triwulan"
name = "Dinas Uji Triwulan"
period = [2025, 2029]

[inputs.penjualan]
name = "Nilai penjualan UMKM binaan"
unit = "Rp"
rollup = "sum"
source = "laporan triwulan"

[inputs.peserta]
name = "Jumlah peserta pelatihan (kumulatif)"
unit = "orang"
rollup = "last"

[inputs.sasaran_peserta]
name = "Jumlah sasaran peserta"
unit = "orang"

[inputs.indeks]
name = '=HYPERLINK("http://x","indeks kepuasan")'
unit = "indeks"

[indicators.cakupan]
name = "Cakupan pelatihan"
level = "iku"
unit = "%"
formula = "peserta / sasaran_peserta * 100"
targets = { 2025 = 80 }
quarter_targets = { 2025 = [20, 40, 60, 80] }

[indicators.penjualan_umkm]
name = "Penjualan UMKM binaan"
level = "iku"
unit = "Rp"
formula = "penjualan"
targets = { 2025 = 1000 }

[indicators.kepuasan]
name = "Indeks kepuasan"
level = "iku"
unit = "indeks"
formula = "indeks"
targets = { 2025 = 80 }

[budget.p_uji]
name = "Program Uji"
level = "program"
code = "2.17.03"
supports = ["cakupan"]

[budget.k_uji]
name = "Kegiatan Uji"
level = "kegiatan"
parent = "p_uji"
code = "2.17.03.1.01"
"""
QUARTERS = {"Triwulan I": 1, "Triwulan II": 2, "Triwulan III": 3, "Triwulan IV": 4}


@pytest.fixture
def quarterly(tmp_path: Path) -> Path:
    folder = tmp_path / "uji-triwulan"
    (folder / "data").mkdir(parents=True)
    (folder / "catalog.toml").write_text(QUARTERLY, "utf-8")
    (folder / "data" / "2024.toml").write_text("[inputs]\npenjualan = { q1 = 1, q2 = 2, q3 = 3, q4 = 4 }\n", "utf-8")
    return folder


def quarterly_form(folder: Path, tmp_path: Path) -> Path:
    form = template(folder, tmp_path / "isian-triwulan.xlsx", 2025, "--quarterly")
    fill(
        form,
        "Input",
        {
            "penjualan": {"Triwulan I": 250, "Triwulan II": 300.5, "Triwulan III": 0, "Status": "sementara"},
            "peserta": {"Triwulan I": 20, "Triwulan II": 45, "Triwulan III": 70, "Triwulan IV": 96},
            "sasaran_peserta": {"Angka 2025": 120},
            "indeks": {"Angka 2025": 82.5},
        },
    )
    fill(
        form,
        "Anggaran",
        {
            "p_uji": {"Pagu murni (Rp)": 150_000_000, "Pagu (Rp)": 120_000_000, "Realisasi (Rp)": 98_500_000.5},
            "k_uji": {"Pagu (Rp)": 120_000_000, "Realisasi (Rp)": 98_500_000.5, "Status": "sementara"},
        },
    )
    return form


QUARTERLY_INPUTS = {
    "penjualan": {1: D(250), 2: D("300.5"), 3: D(0)},  # q4 left empty: missing, never 0
    "peserta": {1: D(20), 2: D(45), 3: D(70), 4: D(96)},
    "sasaran_peserta": D(120),
    "indeks": D("82.5"),
}
QUARTERLY_BUDGET = {
    "p_uji": {"pagu_murni": D(150_000_000), "pagu": D(120_000_000), "realisasi": D("98500000.5")},
    "k_uji": {"pagu": D(120_000_000), "realisasi": D("98500000.5")},
}


def test_quarterly_form_reads_quarters_budget_and_status(quarterly: Path, tmp_path: Path) -> None:
    form = quarterly_form(quarterly, tmp_path)
    data = datafiles.read(form)
    read = data.years[2025]
    assert dict(read.inputs) == QUARTERLY_INPUTS
    assert read.provisional == {
        ("inputs", "penjualan", "q1"),
        ("inputs", "penjualan", "q2"),
        ("inputs", "penjualan", "q3"),
        ("budget", "k_uji", "pagu"),
        ("budget", "k_uji", "realisasi"),
    }
    assert {name: {k: v for k, v in vars_of(line).items() if v is not None} for name, line in read.budget.items()} == (
        QUARTERLY_BUDGET
    )
    inputs_part = next(part for part in data.sources() if part.file.endswith("sheet Input"))
    sheet = openpyxl.load_workbook(form)["Input"]
    id_column = columns(sheet)["id"]
    row = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(row=r, column=id_column).value == "peserta")
    assert inputs_part.rows[("inputs", "peserta", "q3")] == row


def test_quarterly_form_gives_the_results_of_the_same_figures_in_toml(quarterly: Path, tmp_path: Path) -> None:
    form = quarterly_form(quarterly, tmp_path)
    toml = tmp_path / "angka.toml"
    toml.write_text(as_toml(2025, QUARTERLY_INPUTS, QUARTERLY_BUDGET, {"penjualan", "k_uji"}), "utf-8")
    catalog = lkip_rules.load_catalog(quarterly)
    for quarter in (None, 2, 4):
        assert results(catalog, form, 2025, quarter) == results(catalog, toml, 2025, quarter)
    assert catalog.evaluate(2025, datafiles.read(form), quarter=2)["cakupan"].realisation == D("37.5")  # 45/120


def test_quarterly_form_layout(quarterly: Path, tmp_path: Path) -> None:
    form = template(quarterly, tmp_path / "isian.xlsx", 2025, "--quarterly")
    book = openpyxl.load_workbook(form)
    sheet = book["Input"]
    where = columns(sheet)
    assert list(where) == [
        "Nama", "Satuan", "Sumber", "Status", "Rekap triwulan", "Angka 2025",
        "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Angka 2024 (acuan)", "id",
    ]  # fmt: skip
    rows = {sheet.cell(row=r, column=where["id"]).value: r for r in range(5, sheet.max_row + 1)}

    def locked(key: str, label: str) -> bool:
        return bool(sheet.cell(row=rows[key], column=where[label]).protection.locked)

    assert locked("penjualan", "Angka 2025") and not locked("penjualan", "Triwulan IV")  # a rollup: by quarter
    assert not locked("sasaran_peserta", "Angka 2025") and locked("sasaran_peserta", "Triwulan I")
    assert sheet.cell(row=rows["penjualan"], column=where["Rekap triwulan"]).value == "dijumlah"
    assert sheet.cell(row=rows["peserta"], column=where["Rekap triwulan"]).value == "triwulan terakhir"
    assert sheet.cell(row=rows["penjualan"], column=where["Angka 2024 (acuan)"]).value == 10  # 1+2+3+4, summed
    title = sheet.cell(row=rows["indeks"], column=where["Nama"])
    assert (title.value, title.data_type) == ('=HYPERLINK("http://x","indeks kepuasan")', "s")  # text, never a formula
    cells = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert all(ws.protection.sheet for ws in book.worksheets)
    assert book["lkip"].sheet_state == "hidden"
    assert sheet.freeze_panes == "B5"
    kinds = {check.type for check in sheet.data_validations.dataValidation}
    assert kinds == {"list", "decimal", "whole"}  # status; rupiah and indices; counts of orang
    budget = book["Anggaran"]
    assert [budget.cell(row=r, column=1).value for r in (5, 6)] == ["2.17.03", "2.17.03.1.01"]
    assert budget.cell(row=6, column=2).alignment.indent == 1  # the kegiatan under its program


def test_quarterly_flag_without_any_rollup_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    (folder / "data").mkdir(parents=True)
    text = QUARTERLY.replace('rollup = "sum"\n', "").replace('rollup = "last"\n', "")
    (folder / "catalog.toml").write_text(text, "utf-8")
    result = CliRunner().invoke(
        main,
        [
            "template",
            str(folder),
            "--year",
            "2025",
            "--quarterly",
            "--output",
            str(tmp_path / "f.xlsx"),
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 0
    assert "note: no input declares a rollup" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2025", "--output", "isian.csv", "--lang", "en"], "--output writes a workbook: name it .xlsx"),
        (["--year", "2025", "--output", "nowhere/isian.xlsx", "--lang", "en"], "the folder nowhere does not exist"),
        (["--output", "isian.xlsx", "--lang", "en"], "Missing option '--year'"),
        (["--year", "2025", "--output", "isian.csv"], "--output menulis workbook: beri nama .xlsx"),
        (["--output", "isian.xlsx"], "opsi '--year' wajib diberikan"),
    ],
)
def test_template_usage_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = run("template", *args)
    assert code == 2 and message in out


# -- the printed figures (Tercetak) ----------------------------------------------------------------


def test_printed_figures_are_read_as_printed(quarterly: Path, tmp_path: Path) -> None:
    form = template(quarterly, tmp_path / "isian.xlsx", 2025)
    fill(
        form,
        "Tercetak",
        {
            "cakupan": {
                "Letak": "Tabel 3.1 no. 1",
                "Target": "80",
                "Realisasi": "80,00",
                "Capaian (%)": "100,00",
                "Kategori": "Baik",
            },
            "kepuasan": {"Target": "7 - 8", "Realisasi": 82.5},
            "p_uji": {
                "Letak": "Tabel 3.16",
                "Pagu (Rp)": "1.205.908.800",
                "Realisasi anggaran (Rp)": "63.129.00",
                "Serapan (%)": "75,80",
            },
            "total": {"Sisa (Rp)": "2.127.016.598"},
        },
    )
    reported = datafiles.read(form).years[2025].reported
    cakupan, kepuasan, program, total = (reported[k][0] for k in ("cakupan", "kepuasan", "p_uji", "total"))
    assert (cakupan.where, cakupan.target, cakupan.realisation, cakupan.achievement, cakupan.category) == (
        "Tabel 3.1 no. 1", D(80), D("80.00"), D("100.00"), "Baik",
    )  # fmt: skip
    assert str(cakupan.realisation) == "80.00"  # the printed precision is kept, for the audit
    assert (kepuasan.target, kepuasan.realisation) == ((D(7), D(8)), D("82.5"))
    assert (program.pagu, program.realisasi, program.serapan) == (D(1_205_908_800), "63.129.00", D("75.80"))
    assert total.sisa == D(2_127_016_598) and total.year == 2025


def test_a_place_without_a_printed_figure_is_refused(quarterly: Path, tmp_path: Path) -> None:
    form = template(quarterly, tmp_path / "isian.xlsx", 2025)
    fill(form, "Tercetak", {"cakupan": {"Letak": "Tabel 3.1"}})
    assert "sheet Tercetak, cell C6: a place (Letak) with no printed figure" in error(form)


def test_the_audit_reads_the_printed_figures_of_a_form(quarterly: Path, tmp_path: Path) -> None:
    form = quarterly_form(quarterly, tmp_path)
    fill(form, "Tercetak", {"cakupan": {"Letak": "Tabel 3.1", "Realisasi": "80,00"}})  # 96 / 120 x 100 = 80
    code, out = run("audit", str(quarterly), "--year", "2025", "--data", str(form))
    assert code == 0, out
    fill(form, "Tercetak", {"cakupan": {"Letak": "Tabel 3.1", "Realisasi": "75,00"}})
    code, out = run("audit", str(quarterly), "--year", "2025", "--data", str(form))
    assert code == 1 and "Tabel 3.1" in out


# -- a damaged or wrongly filled form is our error, naming sheet and cell --------------------------


def edit(path: Path, change: Any) -> Path:
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b["Input"].cell(row=5, column=6, value="abc"), "sheet Input, cell F5: 'abc' is not a number"),
        (lambda b: b["Input"].cell(row=5, column=6, value="1.982"), "sheet Input, cell F5: '1.982' may be 1982"),
        (lambda b: b["Input"].cell(row=5, column=6, value="=1+2"), "sheet Input, cell F5: the cell holds a formula"),
        (lambda b: b["Input"].cell(row=5, column=4, value="final"), "sheet Input, cell D5: 'final' is not a status"),
        (
            lambda b: b["Input"].cell(row=4, column=6, value="Angka 2026"),
            "sheet Input, cell F4: the header 'Angka 2026'",
        ),
        (lambda b: setattr(b["Input"]["L4"], "value", None), "sheet Input, row 4: the header has no column 'id'"),
        (
            lambda b: b["Input"].cell(row=6, column=12, value="penjualan"),
            "sheet Input, cell L6: the id 'penjualan' is also",
        ),
        (lambda b: b["Input"].cell(row=6, column=12, value="Bad Id"), "sheet Input, cell L6: 'Bad Id' is not an id"),
        (
            lambda b: b["Anggaran"].cell(row=20, column=5, value=1),
            "sheet Anggaran, cell E20: a figure in a row without",
        ),
        (lambda b: b["Anggaran"].cell(row=5, column=30, value=1), "sheet Anggaran, cell AD5: a value past column Z"),
        (lambda b: b.remove(b["Anggaran"]), "it has no sheet 'Anggaran'"),
        (lambda b: b["lkip"].cell(row=1, column=2, value=2), "sheet lkip: the form has layout version 2"),
        (lambda b: b["lkip"].cell(row=1, column=1, value="x"), "sheet lkip: the form's marker"),
        (lambda b: b["lkip"].cell(row=3, column=2, value="dua ribu"), "sheet lkip: the form's year:"),
    ],
)
def test_a_damaged_form_is_our_error(quarterly: Path, tmp_path: Path, change: Any, message: str) -> None:
    form = template(quarterly, tmp_path / "isian.xlsx", 2025, "--quarterly")
    assert "isian.xlsx" in error(edit(form, change))
    assert message in error(form)


def test_both_the_year_and_quarters_of_one_input(quarterly: Path, tmp_path: Path) -> None:
    form = template(quarterly, tmp_path / "isian.xlsx", 2025)  # yearly form: the year's cell is open too
    fill(form, "Input", {"penjualan": {"Angka 2025": 10, "Triwulan II": 3}})
    assert "sheet Input, cell F5: 'penjualan' has both the year's figure and quarters" in error(form)


def test_an_unknown_id_is_the_undeclared_input_of_validation(quarterly: Path, tmp_path: Path) -> None:
    form = quarterly_form(quarterly, tmp_path)
    edit(form, lambda b: b["Input"].cell(row=7, column=12, value="sasaran_pesrta"))
    code, out = run("check", str(quarterly), "--data", str(form), "--lang", "en")
    assert code == 1
    assert "isian-triwulan.xlsx, sheet Input:7: error [undeclared-input] inputs.sasaran_pesrta" in out
    assert "did you mean 'sasaran_peserta'?" in out


def test_a_form_figure_given_differently_elsewhere_names_the_sheet_and_row(quarterly: Path, tmp_path: Path) -> None:
    form = quarterly_form(quarterly, tmp_path)
    (quarterly / "data" / "2025.toml").write_text("[inputs]\nsasaran_peserta = 100\n", "utf-8")
    code, out = run("evaluate", str(quarterly), "--data", str(form), "--lang", "en")
    assert code == 1
    assert "100 in" in out and "120 in " in out and "isian-triwulan.xlsx, sheet Input (row 7)" in out


def test_a_form_saved_again_by_libreoffice_reads_the_same(quarterly: Path, tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    import subprocess

    form = quarterly_form(quarterly, tmp_path)
    out = tmp_path / "lo"
    done = subprocess.run(
        [office, "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(form)],
        capture_output=True,
        timeout=240,
        check=False,
    )
    if done.returncode != 0 or not (out / form.name).exists():
        pytest.skip(f"LibreOffice could not convert: {done.stderr[-200:]!r}")
    again = datafiles.read(out / form.name).years[2025]
    assert dict(again.inputs) == QUARTERLY_INPUTS
    assert again.provisional == datafiles.read(form).years[2025].provisional


# -- lkip import ---------------------------------------------------------------------------------

DATA_2025 = """\
# Angka 2025 Dinas Uji Triwulan: the planner's own notes stay where they are.
year = 2025

[inputs]
# sasaran from the Renstra
sasaran_peserta = 120        # Renstra p. 12
indeks = 80.00   # survey, provisional

[budget.p_uji]   # DPA 2025
pagu_murni = 150_000_000

[[reported.cakupan]]
where = "Tabel 3.1"
target = 80

[[reported.kepuasan]]
where = "Tabel 3.2"
target = 80

[[reported.cakupan]]
where = "Tabel 3.3"
target = 80
"""


def comments(text: str) -> list[str]:
    return [line[line.index("#") :] for line in text.splitlines() if "#" in line]


def test_import_adds_the_form_figures_and_keeps_the_file(quarterly: Path, tmp_path: Path) -> None:
    form = quarterly_form(quarterly, tmp_path)
    target = quarterly / "data" / "2025.toml"
    target.write_text(DATA_2025.replace("indeks = 80.00", "indeks = 82.50"), "utf-8")
    code, out = run("import", "--lang", "en", str(form), "--into", str(target))
    assert code == 0, out
    text = target.read_text("utf-8")
    assert comments(text) == comments(DATA_2025)
    assert "indeks = 82.50" in text  # the same figure (82.5 in the form): left as the file writes it
    assert 'penjualan = { q1 = 250, q2 = 300.5, q3 = 0, status = "sementara" }' in text
    assert "[budget.k_uji]" in text and text.index("[budget.k_uji]") < text.index("[[reported.cakupan]]")
    read = load_data(target).years[2025]
    assert dict(read.inputs) == QUARTERLY_INPUTS
    assert {("inputs", "penjualan", "q1"), ("budget", "k_uji", "pagu")} <= read.provisional
    assert read.budget["p_uji"].pagu_murni == D(150_000_000) and read.budget["p_uji"].realisasi == D("98500000.5")
    assert len(read.reported["cakupan"]) == 2  # untouched records
    assert "added    penjualan q1 = 250" in out and "added    p_uji pagu = 120000000" in out
    assert out.splitlines()[0].endswith(": 11 added, 0 changed, 0 with a new status, 3 unchanged")
    code, again = run("import", "--lang", "en", str(form), "--into", str(target))
    assert code == 0 and "nothing to write" in again
    assert target.read_text("utf-8") == text


def test_import_refuses_a_different_figure_and_lists_all_of_them(quarterly: Path, tmp_path: Path) -> None:
    form = quarterly_form(quarterly, tmp_path)
    target = quarterly / "data" / "2025.toml"
    target.write_text(DATA_2025.replace("sasaran_peserta = 120 ", "sasaran_peserta = 125 ").replace(
        "pagu_murni = 150_000_000", "pagu_murni = 160_000_000"), "utf-8")  # fmt: skip
    before = target.read_bytes()
    code, out = run("import", "--lang", "en", str(form), "--into", str(target))
    assert code == 1
    assert "3 figures already there with another value; nothing was written" in out
    assert "indeks: 80.00 in " in out and "82.5 in " in out
    assert "sasaran_peserta: 125 in " in out and "120 in " in out and "sheet Input (row 7)" in out
    assert "p_uji pagu_murni: 160000000 in " in out
    assert target.read_bytes() == before
    code, out = run("import", "--lang", "en", str(form), "--into", str(target), "--replace")
    assert code == 0, out
    assert "changed  sasaran_peserta: 125 → 120" in out and "changed  p_uji pagu_murni: 160000000 → 150000000" in out
    text = target.read_text("utf-8")
    assert "sasaran_peserta = 120        # Renstra p. 12" in text  # the comment stays in its column
    assert comments(text) == comments(DATA_2025)


def test_import_creates_a_missing_file(quarterly: Path, tmp_path: Path) -> None:
    form = quarterly_form(quarterly, tmp_path)
    target = quarterly / "data" / "2025.toml"
    code, out = run("import", "--lang", "en", str(form), "--into", str(target))
    assert code == 0 and out.startswith(f"{target} (new file): ")
    text = target.read_text("utf-8")
    assert text.startswith("# Figures for 2025") and "\nyear = 2025\n" in text
    assert dict(load_data(target).years[2025].inputs) == QUARTERLY_INPUTS


def test_import_writes_printed_records(quarterly: Path, tmp_path: Path) -> None:
    form = template(quarterly, tmp_path / "isian.xlsx", 2025)
    fill(form, "Tercetak", {"cakupan": {"Letak": "Tabel 3.3", "Realisasi": "80,00"},
                            "kepuasan": {"Letak": "Tabel 3.9", "Target": "7 - 8"}})  # fmt: skip
    target = quarterly / "data" / "2025.toml"
    target.write_text(DATA_2025, "utf-8")
    code, out = run("import", "--lang", "en", str(form), "--into", str(target))
    assert code == 0, out
    reported = load_data(target).years[2025].reported
    assert [(r.where, r.target, r.realisation) for r in reported["cakupan"]] == [
        ("Tabel 3.1", D(80), None),
        ("Tabel 3.3", D(80), D("80.00")),  # the same place: the record gets the new field
    ]
    assert [(r.where, r.target) for r in reported["kepuasan"]] == [("Tabel 3.2", D(80)), ("Tabel 3.9", (D(7), D(8)))]
    assert "added    printed kepuasan (Tabel 3.9) = target = 7 - 8" in out


def test_import_into_the_bundled_data_file_changes_only_the_lines_it_must(tmp_path: Path) -> None:
    folder = tmp_path / "bekasi-diskopukm"
    shutil.copytree(lkip_rules.BUNDLED_CATALOG, folder)
    target = folder / "data" / "2025.toml"
    original = target.read_text("utf-8")
    form = template(folder, tmp_path / "isian.xlsx", 2025)
    fill(
        form,
        "Input",
        {"koperasi_aktif": {"Angka 2025": 990, "Status": "sementara"}, "koperasi_usp_nib": {"Angka 2025": 60}},
    )
    fill(form, "Tercetak", {"koperasi_berkualitas": {"Letak": "Lampiran 1", "Capaian (%)": "100,30"}})
    code, out = run("import", "--lang", "en", str(form), "--into", str(target), "--replace")
    assert code == 0, out
    assert "changed  koperasi_aktif: 982 → 990" in out and "status   koperasi_aktif: tetap → sementara" in out
    before, after = original.splitlines(), target.read_text("utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=False) if a != b]
    assert changed == [
        (
            "koperasi_aktif = 982                         # lines 825, 826, 829, 1076",
            'koperasi_aktif = { value = 990, status = "sementara" }  # lines 825, 826, 829, 1076',
        )
    ]
    assert after[len(before) :] == [
        "",
        "[[reported.koperasi_berkualitas]]",
        'where = "Lampiran 1"',
        "achievement = 100.30",
    ]


def test_import_a_csv_and_refusals(quarterly: Path, tmp_path: Path) -> None:
    csv = tmp_path / "angka.csv"
    csv.write_text("indikator/input;tahun;triwulan;nilai;status\nsasaran_peserta;2025;;1.200;sementara\n", "utf-8")
    target = quarterly / "data" / "2025.toml"
    code, out = run("import", "--lang", "en", str(csv), "--into", str(target))
    assert code == 0, out
    assert 'sasaran_peserta = { value = 1200, status = "sementara" }' in target.read_text("utf-8")
    code, out = run("import", "--lang", "en", str(csv), "--into", str(quarterly / "data" / "2024.toml"))
    assert code == 1 and "the figures are for 2025, but" in out
    csv.write_text("input,year,quarter,value\nsasaran_pesrta,2025,,1\n", "utf-8")
    code, out = run("import", "--lang", "en", str(csv), "--into", str(target))
    assert code == 1 and "did you mean 'sasaran_peserta'?" in out
    two = tmp_path / "dua.csv"
    two.write_text("input,year,quarter,value\nindeks,2024,,1\nindeks,2025,,2\n", "utf-8")
    code, out = run("import", "--lang", "en", str(two), "--into", str(target))
    assert code == 1 and "the figures given are for 2024, 2025" in out
    code, out = run("import", "--lang", "en", str(csv), "--into", str(tmp_path / "x.json"))
    assert code == 1 and "import writes a TOML data file" in out


# -- the line editor on the ways a data file may be written ---------------------------------------


def imported(tmp_path: Path, text: str, csv: str, *, replace: bool = False) -> tuple[str, Any]:
    """Import the long-layout ``csv`` into a data file holding ``text``; the new text and its figures."""
    from lkip_rules.forms import import_figures

    target = tmp_path / "2025.toml"
    target.write_text(text, "utf-8")
    source = tmp_path / "angka.csv"
    source.write_text("input;year;quarter;value;status\n" + csv, "utf-8")
    import_figures(datafiles.read(source), target, replace=replace)
    return target.read_text("utf-8"), load_data(target).years[2025]


def test_inputs_written_as_tables_and_a_file_wide_status(tmp_path: Path) -> None:
    text = 'year = 2025\nstatus = "sementara"\n\n[inputs.penjualan]   # per quarter\nq1 = 10\n\n[inputs.lain]\nq1 = 1\n'
    new, read = imported(tmp_path, text, "penjualan;2025;2;12;\npenjualan;2025;3;9;sementara\nbaru;2025;;5;tetap\n")
    assert new.startswith('year = 2025\nstatus = "sementara"\n\n[inputs.penjualan]   # per quarter\nq1 = 10\nq2 = 12\n')
    assert read.inputs["penjualan"] == {1: D(10), 2: D(12), 3: D(9)}
    assert read.inputs["baru"] == D(5) and ("inputs", "baru") not in read.provisional  # tetap, said explicitly
    assert ("inputs", "penjualan", "q2") in read.provisional  # the whole input stays sementara


def test_a_status_comes_off_and_goes_on(tmp_path: Path) -> None:
    text = 'year = 2025\n\n[inputs]\na = { value = 5, status = "sementara" }  # draft\nb = 7\n'
    new, read = imported(tmp_path, text, "a;2025;;5;tetap\nb;2025;;7;sementara\n")
    assert "a = 5" in new and "# draft" in new and 'b = { value = 7, status = "sementara" }' in new
    assert read.provisional == {("inputs", "b")}


def test_a_yearly_figure_against_quarters_is_a_conflict(tmp_path: Path) -> None:
    from lkip_rules.forms.importer import ImportConflictError

    text = "year = 2025\n\n[inputs]\na = 5\n"
    with pytest.raises(ImportConflictError, match=r"a: 5 in .*, q1 = 1 in "):
        imported(tmp_path, text, "a;2025;1;1;\n")
    new, read = imported(tmp_path, text, "a;2025;1;1;\n", replace=True)
    assert read.inputs["a"] == {1: D(1)} and "a = { q1 = 1 }" in new


def test_budget_written_inline_and_printed_records_as_one_table(tmp_path: Path) -> None:
    from lkip_rules.forms import import_figures

    text = (
        "year = 2025\n\n[budget]\np = { pagu = 1_000, realisasi = 900 }  # DPA\n\n"
        '[reported.total]\nwhere = "Tabel 3.16"\nnote = """\ndua\nbaris"""\n'
    )
    target = tmp_path / "2025.toml"
    target.write_text(text, "utf-8")
    data = lkip_rules.Data.from_values(
        budget={"p": {2025: {"pagu_murni": "1200"}}},
        reported={"total": {2025: [{"where": "Tabel 3.16", "serapan": "90.00"}, {"where": "Bab IV", "pagu": "1000"}]}},
    )
    result = import_figures(data, target)
    new = target.read_text("utf-8")
    assert "p = { pagu = 1_000, realisasi = 900, pagu_murni = 1200 }  # DPA" in new
    assert '[[reported.total]]\nwhere = "Tabel 3.16"\nnote = """\ndua\nbaris"""\nserapan = 90.00\n' in new
    assert new.endswith('[[reported.total]]\nwhere = "Bab IV"\npagu = 1000\n')
    read = load_data(target).years[2025]
    assert [(r.where, r.serapan, r.pagu) for r in read.reported["total"]] == [
        ("Tabel 3.16", D("90.00"), None),
        ("Bab IV", None, D(1000)),
    ]
    assert [str(change) for change in result.added] == [
        "p pagu_murni = 1200",
        "printed total (Tabel 3.16) serapan = 90.00",
        "printed total (Bab IV) = pagu = 1000",
    ]


def test_what_the_editor_cannot_place_is_refused_with_the_line(tmp_path: Path) -> None:
    from lkip_rules.errors import LkipError

    text = "year = 2025\n\n[inputs]\na = [\n  1,\n]\n"  # no data file writes a figure so; tomllib reads it
    target = tmp_path / "2025.toml"
    target.write_text(text, "utf-8")
    with pytest.raises(CatalogError):  # the reader refuses it first: a list is no figure
        load_data(target)
    text = "year = 2025\ninputs.a = 5\n"
    with pytest.raises(LkipError, match=r"\[inputs\] is written with dotted keys; add b by hand"):
        imported(tmp_path, text, "b;2025;;1;\n")
    assert (tmp_path / "2025.toml").read_text("utf-8") == text


def test_numbers_are_written_as_the_data_files_write_them() -> None:
    from lkip_rules.forms.tomlwrite import number, text

    assert [number(D(v)) for v in ("982", "357122775671", "-12345.50", "93.10", "0.125")] == [
        "982", "357_122_775_671", "-12_345.50", "93.10", "0.125",
    ]  # fmt: skip
    assert text((D(7), D(8))) == "[7, 8]" and text('a "b"') == '"a \\"b\\""'


def test_import_speaks_indonesian_by_default(quarterly: Path, tmp_path: Path) -> None:
    form = quarterly_form(quarterly, tmp_path)
    target = quarterly / "data" / "2025.toml"
    target.unlink(missing_ok=True)
    code, out = run("import", str(form), "--into", str(target))
    assert code == 0 and "(berkas baru)" in out and "ditambahkan" in out
