"""The terminal table: within the width, no figure split, each indicator once under its parent."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rich.console import Group
from rich.table import Table

import lkip_rules
from lkip_rules.cli import main
from lkip_rules.locale import number
from lkip_rules.reports.terminal import evaluation_table

CATALOG = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
RESULTS = CATALOG.evaluate(2025)


def _figures(result: lkip_rules.IndicatorResult) -> list[str]:
    """The figures of a row as the Indonesian table prints them."""
    found = [number(v, "id") for v in (result.realisation, result.achievement) if v is not None]
    if result.target is not None and not isinstance(result.target, tuple):
        found.append(number(result.target, "id"))
    return found


@pytest.mark.parametrize("columns", ["80", "100", "120"])
def test_the_table_fits_the_width_and_never_splits_a_figure(columns: str) -> None:
    run = CliRunner().invoke(main, ["evaluate", "--year", "2025"], env={"COLUMNS": columns})
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    cells = {cell.strip() for line in lines for cell in line.split("│")}
    for result in RESULTS:
        for figure in _figures(result):
            assert figure in cells, (result.id, figure)  # whole, in a cell of its own
    # and no cell holds a piece of a figure: a number-like cell is one of the figures printed
    printed = {f for r in RESULTS for f in _figures(r)}
    pieces = {c for c in cells if re.fullmatch(r"[\d.,]+", c)} - printed
    assert pieces == set()


def test_a_pipe_without_columns_gets_80_and_the_wide_table_every_column() -> None:
    run = CliRunner().invoke(main, ["evaluate", "--year", "2025"], env={"COLUMNS": None})
    assert max(len(line) for line in run.output.splitlines()) == 80
    wide = CliRunner().invoke(main, ["evaluate", "--year", "2025", "--wide"], env={"COLUMNS": "80"})
    head = "".join(wide.output.splitlines()[:4])
    for title in ("Satuan", "Realisasi Tahun Lalu", "Target Akhir Renstra", "Pembanding", "Status"):
        assert title in head


def test_each_indicator_once_right_under_its_parent() -> None:
    shown = evaluation_table(CATALOG, RESULTS, "id")
    table = shown.renderables[0] if isinstance(shown, Group) else shown
    assert isinstance(table, Table)
    assert table.row_count == len(RESULTS)  # no sasaran printed a second time as a heading
    from lkip_rules.reports.terminal import _in_tree_order

    order = [result.id for result, _ in _in_tree_order(CATALOG, RESULTS)]
    assert sorted(order) == sorted(RESULTS.indicators)
    for result in RESULTS:
        if result.parent is not None:
            assert order.index(result.parent) < order.index(result.id)


def test_what_is_not_ok_is_marked_and_said_below() -> None:
    run = CliRunner().invoke(main, ["evaluate", "--year", "2025"], env={"COLUMNS": "80"})
    text = " ".join(run.output.split())
    assert "[1] Proporsi PDRB Perdagangan: data belum lengkap: tidak ada nilai 'pdrb_perdagangan_proporsi'" in text


@pytest.mark.parametrize("command", [["audit"], ["tree"], ["pk"], ["audit", "--lang", "en"]])
def test_audit_tree_and_pk_fit_80_columns_in_a_pipe(command: list[str]) -> None:
    run = CliRunner().invoke(main, command, env={"COLUMNS": ""})
    assert run.exit_code in (0, 1), run.output
    assert max(len(line) for line in run.output.splitlines()) <= 80


def test_the_narrow_audit_is_a_block_per_finding_and_the_wide_one_a_table() -> None:
    from lkip_rules.audit import audit

    report = audit(CATALOG, 2025)
    narrow = CliRunner().invoke(main, ["audit", "--lang", "en"], env={"COLUMNS": "80"}).output
    numbered = re.findall(r"^ *(\d+)\. (↳ )?(\S+), ", narrow, flags=re.MULTILINE)
    assert [int(n) for n, _, _ in numbered] == list(range(1, len(report.findings) + 1))
    assert [s for _, _, s in numbered] == [f.subject for f in report.findings]
    follows = [bool(mark) for _, mark, _ in numbered]
    assert follows == [f.root is not None for f in report.findings] and any(follows)
    assert "Printed: 2.56.124.062; right: -; cause: malformed" in narrow
    wide = CliRunner().invoke(main, ["audit", "--lang", "en"], env={"COLUMNS": "200"}).output
    assert "┃ Where" in wide and "Printed:" not in wide


def test_a_range_target_reads_7_5_to_8_with_an_en_dash_and_stays_two_numbers_in_csv() -> None:
    from decimal import Decimal
    from pathlib import Path

    from lkip_rules.reports import tables

    assert tables.text((Decimal("7.5"), Decimal(8)), "id") == "7,5–8"
    assert tables.text((Decimal("7.5"), Decimal(8)), "en") == "7.5–8"
    dinkes = lkip_rules.load_catalog(Path(__file__).parent / "agencies" / "dinkes" / "catalog.toml")
    results = dinkes.evaluate(2025)
    assert "| 95–100 |" in tables.markdown(dinkes, results, "id")
    assert ",95 - 100," in tables.csv_text(dinkes, results, "id")
