"""lkip report in every format, the marks on its cells, and its command line.

The web page is opened in a real browser (headless Chromium): a script run on load counts the
tables and the pictures the browser could draw. The marks are checked on a small catalog made
here, whose figures are worked by hand: a provisional input, a revised target, a range target, a
negative indicator, the unspent budget as its efficiency.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkip_rules import BUNDLED_CATALOG, load_catalog, load_data
from lkip_rules.cli import main
from lkip_rules.reports.chapter import make_report
from lkip_rules.reports.model import Number, Range, Report, Table

docx = pytest.importorskip("docx")

CHROMIUM = next(
    (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None
)

PROBE = """<script>
window.addEventListener("load", () => {
  const images = Array.from(document.images);
  const probe = document.createElement("div");
  probe.id = "probe";
  const drawn = images.filter((image) => image.complete && image.naturalWidth > 0).length;
  const cells = document.querySelectorAll("td").length;
  const tables = document.querySelectorAll("table").length;
  probe.textContent = `tables=${tables} images=${images.length} drawn=${drawn} cells=${cells}`;
  document.body.appendChild(probe);
});
</script>"""


@pytest.fixture(scope="module")
def bekasi_report() -> Report:
    return make_report(load_catalog(BUNDLED_CATALOG), 2025)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "bab-3.html"
    ran = CliRunner().invoke(main, ["report", "--year", "2025", "--output", str(path)])  # the format from .html
    assert ran.exit_code == 0, ran.output
    return path


def test_the_web_page_stands_alone(page: Path, bekasi_report: Report) -> None:
    text = page.read_text("utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", text)  # nothing fetched
    assert "@import" not in text and "url(" not in text
    assert text.count("<table>") == len(bekasi_report.tables())
    assert text.count('src="data:image/svg+xml;base64,') == len(bekasi_report.figures())
    assert '<html lang="id">' in text and "Tabel 3.1 " in text and "Gambar 3.1 " in text


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)")
def test_the_web_page_renders_in_a_browser(page: Path, bekasi_report: Report, tmp_path: Path) -> None:
    probed = tmp_path / "probe.html"
    probed.write_text(page.read_text("utf-8").replace("</body>", PROBE + "</body>"), "utf-8")
    assert CHROMIUM is not None
    ran = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=20000",
            "--dump-dom",
            probed.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    found = re.search(r'<div id="probe">tables=(\d+) images=(\d+) drawn=(\d+) cells=(\d+)</div>', ran.stdout)
    assert found, ran.stderr[-2000:]
    tables, images, drawn, cells = map(int, found.groups())
    assert tables == len(bekasi_report.tables())
    assert images == drawn == len(bekasi_report.figures()) > 0
    assert cells == sum(
        len(row.cells) if row.kind != "group" or any(row.cells[1:]) else 1
        for t in bekasi_report.tables()
        for row in t.rows
    )


def test_markdown_with_its_pictures_beside_it(tmp_path: Path, bekasi_report: Report) -> None:
    path = tmp_path / "bab-3.md"
    ran = CliRunner().invoke(main, ["report", "--year", "2025", "--format", "md", "--output", str(path)])
    assert ran.exit_code == 0, ran.output
    text = path.read_text("utf-8")
    pictures = sorted((tmp_path / "bab-3_files").glob("*.png"))
    assert len(pictures) == len(bekasi_report.figures())
    for picture in pictures:
        assert f"](bab-3_files/{picture.name})" in text
        assert picture.read_bytes().startswith(b"\x89PNG")
    assert ran.output.splitlines()[0] == str(path) and len(ran.output.splitlines()) == 1 + len(pictures)
    assert "| **Jumlah** | **13.479.433.500** | **12.545.556.074** |" in text  # Tabel 2.4, line 644
    assert "| Persentase Koperasi yang Berkualitas | % | 20 | 20,06 | 100,30\u2020 | Sangat Baik |" in text


def test_english_on_request(tmp_path: Path) -> None:
    path = tmp_path / "chapter.html"
    ran = CliRunner().invoke(main, ["report", "--year", "2025", "--lang", "en", "--output", str(path)])
    assert ran.exit_code == 0, ran.output
    text = path.read_text("utf-8")
    assert '<html lang="en">' in text and "Table 3.1 " in text and "Figure 3.1 " in text
    assert "12,545,556,074" in text and "<caption>Tabel " not in text and "<td>Jumlah</td>" not in text


# -- the marks, on a catalog worked by hand ------------------------------------------------------

CATALOG = """
[catalog]
id = "contoh"
name = "Dinas Contoh"
period = [2024, 2026]
efficiency = "unspent"

[inputs.kasus]
name = "Jumlah kasus"
unit = "kasus"

[inputs.hari]
name = "Lama layanan"
unit = "hari"

[indicators.layanan]
name = "Meningkatnya Layanan"
level = "sasaran"

[indicators.angka_kasus]
name = "Angka Kasus"
level = "iku"
parent = "layanan"
unit = "kasus"
polarity = "negative"
formula = "kasus"
targets = { 2024 = 60, 2025 = 50, 2026 = 45 }
targets_initial = { 2025 = 55 }

[indicators.lama_layanan]
name = "Lama Layanan"
level = "iku"
parent = "layanan"
unit = "hari"
polarity = "stable"
formula = "hari"
targets = { 2025 = [7, 8] }

[budget.p_layanan]
name = "Program Layanan"
level = "program"
code = "1.02.01"
supports = ["angka_kasus"]

[budget.k_layanan]
name = "Kegiatan Layanan"
level = "kegiatan"
parent = "p_layanan"
code = "1.02.01.2.01"
"""

DATA_2025 = """
[inputs]
kasus = { value = 40, status = "sementara" }
hari = 7.5

[budget.p_layanan]
pagu_murni = 1_000_000
pagu = 800_000
realisasi = 600_000

[budget.k_layanan]
pagu = 800_000
realisasi = 600_000
"""

DATA_2024 = """
[inputs]
kasus = 48
hari = 9

[budget.p_layanan]
pagu = 900_000
realisasi = 900_000
"""


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("contoh")
    (folder / "data").mkdir()
    (folder / "catalog.toml").write_text(CATALOG, "utf-8")
    (folder / "data" / "2025.toml").write_text(DATA_2025, "utf-8")
    (folder / "data" / "2024.toml").write_text(DATA_2024, "utf-8")
    return folder


def table(report: Report, key: str) -> Table:
    return next(t for t in report.tables() if t.key == key)


def row_of(found: Table, ref: str) -> dict[str, object]:
    row = next(r for r in found.rows if r.ref == ref)
    return {column.key: cell for column, cell in zip(found.columns, row.cells, strict=True)}


def test_provisional_revised_and_range_figures_are_marked(made: Path) -> None:
    report = make_report(load_catalog(made), 2025)
    summary = table(report, "achievement")
    kasus = row_of(summary, "angka_kasus")
    # negative polarity, mirror: (2 x 50 - 40) / 50 x 100 = 120
    assert kasus["realisation"] == Number(Decimal("40"), 2, ("provisional",))
    assert kasus["achievement"] == Number(Decimal("120.00"), 2, ("provisional",))
    assert kasus["target"] == Number(Decimal("50"), None, ("revised",))
    assert any(n.startswith("* ") and "Jumlah kasus (2025)" in n for n in summary.notes)
    assert any(n.startswith("\u2021 Angka Kasus") and "55" in n for n in summary.notes)
    hari = row_of(summary, "lama_layanan")
    assert hari["target"] == Range(Decimal("7"), Decimal("8"))
    assert hari["achievement"] == Number(Decimal("100.00"), 2)  # inside the range
    pk = table(report, "pk")
    assert [c.key for c in pk.columns][-1] == "signed"
    assert row_of(pk, "angka_kasus")["signed"] == Number(Decimal("55"))


def test_the_years_and_the_trend_of_a_negative_indicator(made: Path) -> None:
    report = make_report(load_catalog(made), 2025)
    years = {t.rows[0].ref: t for t in report.tables() if t.key == "years"}
    assert sorted(years) == ["angka_kasus", "lama_layanan"]  # both have figures in 2024 and 2025
    kasus = [
        dict(zip([c.key for c in years["angka_kasus"].columns], r.cells, strict=True))
        for r in years["angka_kasus"].rows
    ]
    assert [r["year"] for r in kasus] == ["2024", "2025"]
    assert kasus[0]["achievement"] == Number(Decimal("120.00"), 2)  # (2 x 60 - 48) / 60 x 100
    assert kasus[0]["trend"] is None
    assert kasus[1]["trend"] == "membaik"  # 40 cases after 48: lower is better
    assert kasus[1]["realisation"] == Number(Decimal("40"), 2, ("provisional",))
    stable = [r.cells[-1] for r in years["lama_layanan"].rows]
    assert stable == [None, None]  # a stable indicator has no direction to improve in


def test_efficiency_as_the_unspent_budget(made: Path) -> None:
    report = make_report(load_catalog(made), 2025)
    found = table(report, "efficiency")
    assert [c.key for c in found.columns][-2:] == ["sisa", "sisa_percent"]
    assert "efficiency" not in [c.key for c in found.columns]
    kasus = row_of(found, "angka_kasus")
    assert kasus["sisa"] == Number(Decimal("200000"), 0)  # 800.000 - 600.000
    assert kasus["sisa_percent"] == Number(Decimal("25.00"), 2)  # 100 - 75,00
    budget = table(report, "budget")
    assert [c.key for c in budget.columns][:2] == ["code", "line"]
    assert row_of(budget, "k_layanan")["code"] == "1.02.01.2.01"
    years = table(report, "budget_years")
    assert row_of(years, "p_layanan")["serapan_previous"] == Number(Decimal("100.00"), 2)


def test_a_quarter_shows_the_yearly_target_beside(made: Path) -> None:
    report = make_report(load_catalog(made), 2025, quarter=2)
    assert report.quarter == 2
    summary = table(report, "achievement")
    assert [c.key for c in summary.columns][-2:] == ["year_target", "year_progress"]
    assert "s.d. Triwulan II Tahun 2025" in summary.title


def tiny_png() -> bytes:
    """A 1 x 1 white PNG, standing in for a chart where the drawing is not what is tested."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def test_another_agency_in_every_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Dinas Kesehatan catalog (tests/agencies) runs with no change; its 25 charts are stood in for."""
    monkeypatch.setattr("lkip_rules.reports.chapter.pictures.draw", lambda figure, fmt, lang: tiny_png())
    here = Path(__file__).parent / "agencies" / "dinkes"
    for name in ("bab-3.docx", "bab-3.html", "bab-3.md"):
        args = [str(here / "catalog.toml"), "--data", str(here / "data"), "--year", "2025"]
        ran = CliRunner().invoke(main, ["report", *args, "--output", str(tmp_path / name)])
        assert ran.exit_code == 0, ran.output
    document = docx.Document(str(tmp_path / "bab-3.docx"))
    report = make_report(load_catalog(here / "catalog.toml"), 2025, data=load_data(here / "data"))
    assert len(document.tables) == len(report.tables()) > 10
    assert len(document.inline_shapes) == len(report.figures()) > 10
    efficiency = next(t for t in report.tables() if t.key == "efficiency")  # no key: the default, points
    assert [c.key for c in efficiency.columns][-1] == "efficiency" and "sisa" not in [c.key for c in efficiency.columns]


# -- the command line -----------------------------------------------------------------------------


def test_a_file_name_that_tells_no_format() -> None:
    ran = CliRunner().invoke(main, ["report", "--year", "2025", "--output", "bab-3.pdf"])
    assert ran.exit_code == 2
    assert "--format" in ran.output and "bab-3.pdf" in ran.output


def test_an_output_folder_that_is_not_there(tmp_path: Path) -> None:
    ran = CliRunner().invoke(main, ["report", "--year", "2025", "--output", str(tmp_path / "tidak" / "a.docx")])
    assert ran.exit_code == 2 and str(tmp_path / "tidak") in ran.output


def test_without_python_docx_the_message_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now fails, as when it is not installed
    ran = CliRunner().invoke(main, ["report", "--year", "2025", "--output", str(tmp_path / "a.docx")])
    assert ran.exit_code == 1
    assert "pip install 'lkip-rules[word]'" in ran.output and "python-docx" in ran.output
    assert "Traceback" not in ran.output and not (tmp_path / "a.docx").exists()
