"""lkip report: the chapter (Bab III) as Word, read back with python-docx, every number of every
table against the Results.

The expected rows are worked here from the Results, the catalog and its data — what each table
must show — with their own Indonesian number format, never by calling the builder; a few totals
are the reference report's own (Tabel 2.4, 3.15, the efficiency of line 1084).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

import pytest
from click.testing import CliRunner

from lkip_rules import BUNDLED_CATALOG, load_catalog
from lkip_rules.api import Catalog
from lkip_rules.audit import audit
from lkip_rules.cli import main
from lkip_rules.results import IndicatorResult, Results

docx = pytest.importorskip("docx")

YEAR = 2025
DASH = "\u2013"
MARKS = "*\u2020\u2021"
Rows = list[list[str]]


# -- an Indonesian number, written here once more ----------------------------------------------


def idn(value: Decimal | None, places: int | None = None) -> str:
    """1.234.567,89: a point between thousands, a comma before decimals; "-" for nothing."""
    if value is None:
        return "-"
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, fraction = format(abs(value), "f").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + (f",{fraction}" if fraction else "")


def shown_target(target: object) -> str:
    if isinstance(target, tuple):
        return f"{idn(target[0])}{DASH}{idn(target[1])}"
    assert target is None or isinstance(target, Decimal)
    return idn(target)


def money(value: Decimal | None) -> str:
    return idn(value, 0)


def pct(value: Decimal | None) -> str:
    return idn(value, 2)


# -- the document, read back ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def bekasi() -> tuple[Catalog, Results, Results]:
    catalog = load_catalog(BUNDLED_CATALOG)
    return catalog, catalog.evaluate(YEAR), catalog.evaluate(YEAR - 1)


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> object:
    path = tmp_path_factory.mktemp("report") / "bab-3.docx"
    ran = CliRunner().invoke(main, ["report", "--year", str(YEAR), "--format", "docx", "--output", str(path)])
    assert ran.exit_code == 0, ran.output
    assert ran.output.strip() == str(path)
    return docx.Document(str(path))


def captioned(document: object) -> list[tuple[str, Rows]]:
    """Every table with the caption above it, its cells as text (a merged row: one cell)."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    found: list[tuple[str, Rows]] = []
    caption = ""
    for element in document.element.body.iterchildren():  # type: ignore[attr-defined]
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)  # type: ignore[arg-type]
            if paragraph.style is not None and paragraph.style.name == "Caption":
                caption = paragraph.text
        elif element.tag == qn("w:tbl"):
            table = Table(element, document)  # type: ignore[arg-type]
            rows = []
            for row in table.rows:
                cells = [cell.text for cell in row.cells]
                rows.append(cells[:1] + [""] * (len(cells) - 1) if len(set(cells)) == 1 else cells)
            found.append((caption, rows))
            caption = ""
    return found


def plain(rows: Rows) -> Rows:
    """The rows without the marks of flagged figures."""
    return [[cell.rstrip(MARKS) for cell in row] for row in rows]


@pytest.fixture(scope="module")
def tables(document: object) -> list[tuple[str, Rows]]:
    return captioned(document)


def titled(tables: list[tuple[str, Rows]], start: str) -> list[tuple[str, Rows]]:
    """The tables whose title (after "Tabel 3.n ") starts with ``start``."""
    return [(c, rows) for c, rows in tables if c.split(" ", 2)[2].startswith(start)]


# -- what the chapter shows, worked from the catalog ----------------------------------------------


def groups(catalog: Catalog, results: Results) -> list[tuple[IndicatorResult, list[IndicatorResult]]]:
    """Each sasaran of the year and its IKU, in catalog order."""
    found = []
    for ind in catalog.indicators.values():
        if ind.level == "sasaran" and ind.period[0] <= YEAR <= ind.period[1]:
            members = [c for c in catalog.children(ind.id) if c.level == "iku" and c.period[0] <= YEAR <= c.period[1]]
            found.append((results[ind.id], [results[c.id] for c in members]))
    return found


def label(result: IndicatorResult) -> str:
    return result.category.label if result.category else "-"


def figures(result: IndicatorResult) -> list[str]:
    return [shown_target(result.target), idn(result.realisation, 2), idn(result.achievement, 2), label(result)]


def indicator_row(result: IndicatorResult) -> list[str]:
    return [result.name, result.unit, *figures(result)]


def sasaran_name(catalog: Catalog, results: Results, sasaran: IndicatorResult) -> str:
    same = [s for s, _ in groups(catalog, results) if s.name == sasaran.name]
    first, last = catalog.indicators[sasaran.id].period
    return f"{sasaran.name} (Renstra {first}{DASH}{last})" if len(same) > 1 else sasaran.name


def lines_under(catalog: Catalog, tops: list[str]) -> Iterator[str]:
    """Budget lines, each followed by the lines under it, in catalog order."""
    for line in catalog.budget.values():
        if line.id in tops:
            yield line.id
            yield from lines_under(catalog, [c.id for c in catalog.budget.values() if c.parent == line.id])


# -- the tables ------------------------------------------------------------------------------------


def test_every_kind_of_table_is_there(tables: list[tuple[str, Rows]]) -> None:
    kinds = [
        "Skala Kategori Capaian Kinerja",
        "Perjanjian Kinerja Tahun",
        "Program dan Anggaran Perjanjian Kinerja",
        "Capaian Kinerja Dinas Koperasi",
        "Capaian Indikator Kinerja",
        "Realisasi dan Capaian",
        "Perbandingan Realisasi",
        "Perbandingan \u201c",
        "Indikator Program Pendukung",
        "Alokasi dan Realisasi Anggaran",
        "Efisiensi Sumber Daya Sasaran",
        "Pagu dan Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
        "Perbandingan Pagu dan Realisasi Anggaran per Program",
    ]
    for kind in kinds:
        assert titled(tables, kind), kind
    numbers = [caption.split(" ")[1] for caption, _ in tables]
    assert numbers == [f"3.{n}" for n in range(1, len(tables) + 1)]  # "Tabel 3.1", "Tabel 3.2", ...
    assert all(caption.startswith("Tabel 3.") for caption, _ in tables)


def test_the_scale_reads_as_the_reference_prints_it(tables: list[tuple[str, Rows]]) -> None:
    # lines 679-682: above 100 SB, above 80 to 100 B, above 55 to 80 C, the rest K (55 included)
    [(_, rows)] = titled(tables, "Skala Kategori Capaian Kinerja")
    assert rows[1:] == [
        ["SB", "Sangat Baik", "di atas 100"],
        ["B", "Baik", "di atas 80 s.d. 100"],
        ["C", "Cukup", "di atas 55 s.d. 80"],
        ["K", "Kurang", "55 atau kurang"],
    ]


def test_the_perjanjian_kinerja(tables: list[tuple[str, Rows]], bekasi: tuple[Catalog, Results, Results]) -> None:
    catalog, results, _ = bekasi
    [(_, rows)] = titled(tables, "Perjanjian Kinerja Tahun")
    expected = []
    for sasaran, members in groups(catalog, results):
        expected.append([sasaran_name(catalog, results, sasaran), "", ""])
        expected += [[r.name, r.unit, shown_target(catalog.indicators[r.id].targets[YEAR])] for r in members]
    assert rows[0] == ["Sasaran Strategis / Indikator Kinerja", "Satuan", "Target 2025"]
    assert plain(rows[1:]) == expected
    [(_, programs)] = titled(tables, "Program dan Anggaran Perjanjian Kinerja")
    figures = catalog.data.years[YEAR].budget
    tops = [line for line in catalog.budget.values() if line.parent is None]
    assert plain(programs[1:-1]) == [
        [line.name, money(figures[line.id].pagu_murni), money(figures[line.id].pagu)] for line in tops
    ]
    assert programs[-1] == ["Jumlah", "13.479.433.500", "12.545.556.074"]  # Tabel 2.4, line 644


def test_the_summary_of_achievements(tables: list[tuple[str, Rows]], bekasi: tuple[Catalog, Results, Results]) -> None:
    catalog, results, _ = bekasi
    [(_, rows)] = titled(tables, "Capaian Kinerja Dinas Koperasi")
    expected = []
    for sasaran, members in groups(catalog, results):
        name = sasaran_name(catalog, results, sasaran)
        expected.append([name, "", "", "", idn(sasaran.achievement, 2), label(sasaran)])
        expected += [indicator_row(r) for r in members]
    assert plain(rows[1:]) == expected
    assert ["Persentase Koperasi yang Berkualitas", "%", "20", "20,06", "100,30", "Sangat Baik"] in plain(rows)


def test_each_indicator_this_year(tables: list[tuple[str, Rows]], bekasi: tuple[Catalog, Results, Results]) -> None:
    catalog, results, _ = bekasi
    found = titled(tables, "Capaian Indikator Kinerja")
    members = [r for _, group in groups(catalog, results) for r in group]
    assert [plain(rows[1:]) for _, rows in found] == [[indicator_row(r)] for r in members]


def test_the_years_side_by_side(tables: list[tuple[str, Rows]], bekasi: tuple[Catalog, Results, Results]) -> None:
    catalog, results, _ = bekasi
    found = {caption.split("\u201c")[1].split("\u201d")[0]: rows for caption, rows in titled(tables, "Realisasi dan")}
    members = [r for _, group in groups(catalog, results) for r in group]
    with_years = [r for r in members if sum(1 for y in r.history if y.realisation or y.target) >= 2]
    assert sorted(found) == sorted(r.name for r in with_years)
    for result in with_years:
        expected, before = [], None
        for year in result.history:
            trend = ""
            if before is not None and year.realisation is not None and before.realisation is not None:
                trend = "membaik" if year.realisation > before.realisation else "menurun"  # all are positive
            band = next((b.label for b in catalog.scales["lkip-4"].bands if b.code == year.category), "-")
            row = [str(year.year), shown_target(year.target), idn(year.realisation, 2), idn(year.achievement, 2)]
            expected.append([*row, band, trend])
            before = year
        assert plain(found[result.name][1:]) == expected
    assert plain(found["Nilai AKIP Diskopukm"][1:])[0][:3] == ["2024", "-", "78,19"]  # line 694: 78.19 in 2024


def test_against_the_end_target_and_the_benchmark(
    tables: list[tuple[str, Rows]], bekasi: tuple[Catalog, Results, Results]
) -> None:
    catalog, results, _ = bekasi
    ends = titled(tables, "Perbandingan Realisasi")
    members = [r for _, group in groups(catalog, results) for r in group if r.end_target is not None]
    assert [plain(rows[1:]) for _, rows in ends] == [
        [
            [
                r.name,
                r.unit,
                shown_target(r.target),
                idn(r.realisation, 2),
                shown_target(r.end_target.target if r.end_target else None),
                idn(r.end_target.achievement if r.end_target else None, 2),
            ]
        ]
        for r in members
    ]
    [(caption, rows)] = titled(tables, "Perbandingan \u201c")
    quality = results["koperasi_berkualitas"]
    assert "Persentase Koperasi yang Berkualitas" in caption
    bench = quality.benchmark
    assert bench is not None
    assert plain(rows[1:]) == [
        [bench.source, "2024", "7,5", "10,87", "144,93"],  # Tabel 3.5, line 789
        [f"{quality.name} ({catalog.info.name})", "2025", "20", "20,06", "100,30"],
    ]


def test_the_supporting_programs(tables: list[tuple[str, Rows]], bekasi: tuple[Catalog, Results, Results]) -> None:
    catalog, results, _ = bekasi
    found = titled(tables, "Indikator Program Pendukung")
    members = [r for _, group in groups(catalog, results) for r in group if catalog.children(r.id)]
    assert [plain(rows[1:]) for _, rows in found] == [
        [indicator_row(results[child.id]) for child in catalog.children(r.id)] for r in members
    ]


def test_the_budget_behind_each_indicator(
    tables: list[tuple[str, Rows]], bekasi: tuple[Catalog, Results, Results]
) -> None:
    catalog, results, _ = bekasi
    found = titled(tables, "Alokasi dan Realisasi Anggaran")
    members = [r for _, group in groups(catalog, results) for r in group if r.budget is not None]
    assert len(found) == len(members)
    for (_, rows), result in zip(found, members, strict=True):
        assert result.budget is not None
        expected = []
        for line_id in lines_under(catalog, list(result.budget.lines)):
            line, spent = catalog.budget[line_id], results.budget[line_id]
            supported = [results[i] for i in line.supports if i in results.indicators]
            first = supported[0] if supported else None
            expected.append(
                [
                    line.name,
                    first.name if first else "",
                    idn(first.achievement, 2) if first else "-",
                    money(spent.pagu),
                    money(spent.realisasi),
                    pct(spent.serapan),
                ]
            )
            expected += [["", r.name, idn(r.achievement, 2), "-", "-", "-"] for r in supported[1:]]
        summary = result.budget
        expected.append(["Jumlah", "", "-", money(summary.pagu), money(summary.realisasi), pct(summary.serapan)])
        assert plain(rows[1:]) == expected
    quality = plain(found[0][1])[-1]
    assert quality[3] == "1.205.908.800"  # Tabel 3.7 row I, line 844 (its realisasi, 914.028.030, is wrong: F-audit)


def test_the_efficiency_of_resources(tables: list[tuple[str, Rows]], bekasi: tuple[Catalog, Results, Results]) -> None:
    catalog, results, _ = bekasi
    assert catalog.info.efficiency == "both"
    found = titled(tables, "Efisiensi Sumber Daya Sasaran")
    with_money = [(s, m) for s, m in groups(catalog, results) if any(r.budget for r in [s, *m])]
    assert len(found) == len(with_money)
    for (_, rows), (sasaran, members) in zip(found, with_money, strict=True):
        expected = []
        for result in [sasaran, *members]:
            money_behind = result.budget
            if money_behind is None:
                continue
            assert money_behind.pagu is not None and money_behind.realisasi is not None
            assert money_behind.serapan is not None and result.achievement is not None
            expected.append(
                [
                    result.name,
                    idn(result.achievement, 2),
                    money(money_behind.pagu),
                    money(money_behind.realisasi),
                    pct(money_behind.serapan),
                    pct(result.achievement - money_behind.serapan),
                    money(money_behind.pagu - money_behind.realisasi),
                    pct(100 - money_behind.serapan),
                ]
            )
        assert plain(rows[1:]) == expected
    # the whole agency stands behind the RPJMD sasaran: line 1084, Rp 2.127.016.598 or 16,95% unspent
    assert plain(found[0][1])[1][-2:] == ["2.127.016.598", "16,95"]


def test_the_budget_realisation(tables: list[tuple[str, Rows]], bekasi: tuple[Catalog, Results, Results]) -> None:
    catalog, results, previous = bekasi
    [(_, rows)] = titled(tables, "Pagu dan Realisasi Anggaran per Program, Kegiatan")
    figures = catalog.data.years[YEAR].budget
    expected = []
    for line_id in lines_under(catalog, [line.id for line in catalog.budget.values() if line.parent is None]):
        spent = results.budget[line_id]
        murni = figures[line_id].pagu_murni if line_id in figures else None
        assert spent.pagu is not None and spent.realisasi is not None
        expected.append(
            [
                catalog.budget[line_id].name,
                money(murni),
                money(spent.pagu),
                money(spent.realisasi),
                pct(spent.serapan),
                money(spent.pagu - spent.realisasi),
            ]
        )
    assert rows[0] == [
        "Program / Kegiatan / Sub Kegiatan",
        "Pagu Murni (Rp)",
        "Pagu (Rp)",
        "Realisasi (Rp)",
        "Serapan (%)",
        "Sisa Anggaran (Rp)",
    ]
    assert plain(rows[1:-1]) == expected
    # Tabel 2.4 and 3.15 (lines 644, 1185): the total pagu murni, pagu, realisasi and serapan
    assert plain(rows[-1:]) == [
        ["Jumlah", "13.479.433.500", "12.545.556.074", "10.418.539.476", "83,05", "2.127.016.598"]
    ]
    [(_, years)] = titled(tables, "Perbandingan Pagu dan Realisasi Anggaran per Program")
    tops = [line for line in catalog.budget.values() if line.parent is None]
    assert plain(years[1:-1]) == [
        [line.name, *(cell for r in (results, previous) for cell in budget_cells(r, line.id))] for line in tops
    ]
    # Tabel 3.16, line 1202: the 2024 total
    assert plain(years)[-1][4:] == ["12.785.258.830", "11.002.960.494", "86,06"]


def budget_cells(results: Results, line_id: str) -> list[str]:
    spent = results.budget[line_id]
    return [money(spent.pagu), money(spent.realisasi), pct(spent.serapan)]


def test_the_audit_findings_are_marked(
    tables: list[tuple[str, Rows]], bekasi: tuple[Catalog, Results, Results]
) -> None:
    catalog, results, _ = bekasi
    findings = [f for f in audit(catalog, YEAR) if f.severity == "error"]
    [(_, rows)] = titled(tables, "Capaian Kinerja Dinas Koperasi")
    by_name = {row[0]: row for row in rows}
    for finding in findings:
        if finding.subject in results.indicators and finding.field in ("achievement", "category"):
            row = by_name.get(results[finding.subject].name)
            if row is not None:
                assert row[4].endswith("\u2020"), finding
    # the report printed B for 100,30 (line 745): the cell is marked, its note says so
    assert by_name["Persentase Koperasi yang Berkualitas"][4] == "100,30\u2020"
    [(_, budget)] = titled(tables, "Pagu dan Realisasi Anggaran per Program, Kegiatan")
    copied = {f.subject for f in findings if f.cause == "copied"}
    marked = {row[0] for row in budget if row[3].endswith("\u2020")}
    assert {catalog.budget[s].name for s in copied} <= marked
