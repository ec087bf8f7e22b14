"""The lkip command, driven through click's runner and as a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import lkip_rules
from lkip_rules.cli import main


def test_demo_command_evaluates_a_formula() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "lkip_rules",
            "formula",
            "jumlah_nib / koperasi_aktif * 100",
            "jumlah_nib=60",
            "koperasi_aktif=982",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"jumlah_nib / koperasi_aktif * 100 = {Decimal(6000) / Decimal(982)}"


def test_demo_command_reports_errors_with_exit_1() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lkip_rules", "formula", "a / (b * )", "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "expected a number" in done.stderr and "^" in done.stderr


def test_check_command_on_the_bundled_catalog_and_a_broken_one(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from lkip_rules.cli import main

    ok = CliRunner().invoke(main, ["check", "indicators/bekasi-diskopukm"])
    assert ok.exit_code == 0 and ok.output.endswith("0 galat, 1 peringatan\n")  # Indonesian by default
    ok = CliRunner().invoke(main, ["check", "indicators/bekasi-diskopukm", "--lang", "en"])
    assert ok.exit_code == 0 and ok.output.endswith("0 errors, 1 warning\n")
    broken = tmp_path / "c.toml"
    broken.write_text(
        '[catalog]\nid = "x"\nname = "x"\nperiod = [2025, 2029]\n[indicators.a]\nname = "A"\n'
        'level = "iku"\nformula = "b +"\ntargets = { 2025 = 1 }\n',
        "utf-8",
    )
    bad = CliRunner().invoke(main, ["check", str(broken), "--lang", "en"])
    assert bad.exit_code == 1
    assert "error [formula] indicators.a.formula" in bad.output and bad.output.endswith("1 error, 0 warnings\n")


# -- the planner's commands on the bundled catalog ------------------------------------------------

CATALOG = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_evaluate_with_no_arguments_shows_2025_in_indonesian() -> None:
    code, out = run("evaluate")
    assert code == 0
    assert "Capaian Kinerja 2025" in out
    assert "164,59" in out and "13,99" in out  # 412 / 2946 -> 13.99; 13.99 / 8.5 -> 164.59


def test_evaluate_in_english_and_by_quarter() -> None:
    code, out = run("evaluate", "--lang", "en", "--year", "2025", "--quarter", "4")
    assert code == 0 and "Performance 2025 up to quarter 4" in out and "164.59" in out


def test_evaluate_markdown_csv_json() -> None:
    _, markdown = run("evaluate", "--format", "markdown")
    assert markdown.splitlines()[0].startswith("| Sasaran / Induk | Indikator Kinerja |")
    _, text = run("evaluate", "--format", "csv")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["sdm_koperasi_meningkat"]["Capaian (%)"] == "164.59"
    assert rows["umkm_naik_kelas"]["Kategori"] == "SB (Sangat Baik)"
    _, raw = run("evaluate", "--format", "json")
    data = json.loads(raw)
    by_id = {item["id"]: item for item in data["indicators"]}
    assert by_id["koperasi_nib_simpan_pinjam"]["realisation_exact"] == str(Decimal(6000) / Decimal(982))
    assert data["budget_total"]["serapan"] == "83.05"


def test_evaluate_xlsx_reads_back(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "capaian.xlsx"
    code, _ = run("evaluate", "--format", "xlsx", "--output", str(target))
    assert code == 0
    book = load_workbook(target)
    sheet = book.worksheets[0]  # title on row 1, header on row 2 (docs/excel.md)
    header = [cell.value for cell in sheet[2]]
    rows: dict[str, dict[str, Any]] = {}
    for row in sheet.iter_rows(min_row=3, values_only=True):  # the IKU comes before its program namesake
        rows.setdefault(row[0], dict(zip(header, row, strict=True)))
    assert rows["Persentase SDM koperasi yang meningkat kapasitasnya"]["Capaian (%)"] == pytest.approx(164.59)
    budget = {row[0]: row for row in book.worksheets[1].iter_rows(min_row=3, values_only=True)}
    assert budget["Program Pelayanan Izin Usaha Simpan Pinjam"][3:6] == (60_121_800, 41_125_500, pytest.approx(68.40))


def test_xlsx_needs_an_output_file() -> None:
    code, out = run("evaluate", "--format", "xlsx")
    assert code == 2 and "--output" in out


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("indicator", sorted(CATALOG.indicators))
def test_explain_every_indicator(indicator: str, lang: str) -> None:
    code, out = run("explain", indicator, "--lang", lang)
    assert code == 0
    steps, sentence = out.rstrip("\n").rsplit("\n\n", 1)
    assert steps.startswith("Indicator:" if lang == "en" else "Indikator:")
    assert sentence.endswith(".") and "\n" not in sentence
    result = CATALOG.evaluate(2025)[indicator]
    if result.achievement is not None:
        shown = format(result.achievement, "f")
        assert (shown if lang == "en" else shown.replace(".", ",")) in sentence


def test_explain_sentence_in_the_reports_own_words() -> None:
    _, out = run("explain", "koperasi_nib_simpan_pinjam")
    assert out.rstrip().endswith(
        "Jumlah koperasi aktif yang usaha simpan pinjamnya terdaftar di NIB sebanyak 60 unit dibagi jumlah koperasi "
        "aktif sebanyak 982 unit dikali 100 menghasilkan angka 6,11%; capaian 244,40% dari target 2,5% (Sangat Baik)."
    )


def test_explain_unknown_indicator_suggests() -> None:
    code, out = run("explain", "koperasi_nib_simpan_pinjem", "--lang", "en")
    assert code == 2 and "did you mean 'koperasi_nib_simpan_pinjam'" in out


def test_tree_and_check() -> None:
    code, out = run("tree")
    assert code == 0
    assert "tujuan Proporsi PDRB Perdagangan" in out and "subkegiatan" in out and "serapan 89,72%" in out
    code, out = run("check")
    assert code == 0 and out.endswith("0 galat, 1 peringatan\n") and "[missing-target] indicators.nilai_akip" in out


def test_charts_are_pngs_that_are_not_blank(tmp_path: Path) -> None:
    import matplotlib.image

    code, out = run("chart", "--output", str(tmp_path))
    assert code == 0
    paths = [Path(line) for line in out.splitlines()]
    assert Path(tmp_path / "capaian.png") in paths and Path(tmp_path / "sdm_koperasi_meningkat.png") in paths
    for path in paths:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        pixels = matplotlib.image.imread(path)
        assert pixels.shape[0] > 200 and pixels.shape[1] > 400
        assert len({tuple(p) for p in pixels.reshape(-1, pixels.shape[2])[::97]}) > 5  # more than a blank canvas


def bundled_without(tmp_path: Path, *inputs: str) -> Path:
    """A copy of the bundled catalog whose 2025 data file lacks ``inputs``."""
    folder = tmp_path / "catalog"
    shutil.copytree(lkip_rules.BUNDLED_CATALOG, folder)
    data = folder / "data" / "2025.toml"
    lines = data.read_text("utf-8").splitlines(keepends=True)
    data.write_text("".join(line for line in lines if line.split(" = ")[0] not in inputs), "utf-8")
    return folder


def test_data_from_csv_fills_the_cells_the_catalog_lacks(tmp_path: Path) -> None:
    catalog = bundled_without(tmp_path, "koperasi_usp_nib")
    sheet = tmp_path / "angka.csv"
    sheet.write_text("input,year,quarter,value\nkoperasi_usp_nib,2025,,75\n", "utf-8")
    _, text = run("evaluate", str(catalog), "--format", "csv", "--data", str(sheet))
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    # 75 / 982 * 100 = 7.637... -> 7.64; 7.64 / 2.5 * 100 = 305.60
    assert (rows["koperasi_nib_simpan_pinjam"]["Realisasi"], rows["koperasi_nib_simpan_pinjam"]["Capaian (%)"]) == (
        "7.64",
        "305.60",
    )


def test_data_from_two_sources_that_disagree_names_both(tmp_path: Path) -> None:
    sheet = tmp_path / "angka.csv"
    sheet.write_text("input,year,quarter,value\nkoperasi_aktif,2025,,982\nkoperasi_usp_nib,2025,,75\n", "utf-8")
    code, out = run("evaluate", "--data", str(sheet), "--lang", "en")
    assert code == 1
    assert "input 'koperasi_usp_nib' for 2025 is given twice with different values" in out
    lines = (lkip_rules.BUNDLED_CATALOG / "data" / "2025.toml").read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if text.startswith("koperasi_usp_nib = 60"))
    assert "60 in " in out and f"data/2025.toml (line {line})" in out and f"75 in {sheet} (row 3)" in out
    assert "koperasi_aktif" not in out.split("given twice")[0]  # 982 in both: they agree


def test_data_from_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    catalog = bundled_without(tmp_path, "koperasi_usp_nib", "pengurus_dilatih")
    book = Workbook()
    book.active.append(["input", "year", "quarter", "value"])
    book.active.append(["koperasi_usp_nib", 2025, None, 75])
    book.active.append(["pengurus_dilatih", 2025, None, "500,0"])
    path = tmp_path / "angka.xlsx"
    book.save(path)
    _, text = run("evaluate", str(catalog), "--format", "csv", "--data", str(path))
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["koperasi_nib_simpan_pinjam"]["Realisasi"] == "7.64"
    assert rows["sdm_koperasi_meningkat"]["Realisasi"] == "16.97"  # 500 / 2946 * 100 = 16.972...


def test_bad_csv_cell_is_positioned(tmp_path: Path) -> None:
    sheet = tmp_path / "angka.csv"
    sheet.write_text("input,year,quarter,value\nkoperasi_aktif,2025,,982\nkoperasi_usp_nib,2025,,1.234.5\n", "utf-8")
    code, out = run("evaluate", "--data", str(sheet), "--lang", "en")
    assert code == 1
    assert f"{sheet}: row 3, column 4: '1.234.5' is not a number" in out


def test_bad_xlsx_cell_is_positioned(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["input", "year", "quarter", "value"])
    book.active.append(["koperasi_aktif", 2025, 5, 982])
    path = tmp_path / "angka.xlsx"
    book.save(path)
    code, out = run("evaluate", "--data", str(path), "--lang", "en")
    assert code == 1 and "cell C2: 5 is not a quarter" in out


def test_undeclared_input_in_a_csv_is_reported_by_check(tmp_path: Path) -> None:
    sheet = tmp_path / "angka.csv"
    sheet.write_text("input,year,quarter,value\nkoperasi_aktf,2025,,982\n", "utf-8")
    code, out = run("check", "--data", str(sheet), "--lang", "en")
    assert code == 1 and "did you mean 'koperasi_aktif'?" in out


def test_first_readme_command_as_a_real_process() -> None:
    done = subprocess.run([sys.executable, "-m", "lkip_rules", "evaluate"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Capaian Kinerja 2025" in done.stdout and "Sangat" not in done.stderr
