"""Checks of ``lkip`` command lines (in-process) and of public API calls with odd arguments."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from lkip_rules import Data, LkipError, load_catalog, load_data, parse_formula
from tests.fuzz.checks.base import FuzzFailure, assert_finite, bundled_catalog, materialise, merged_data
from tests.fuzz.gen import ApiCase, CliCase

# -- the command line ---------------------------------------------------------------------------

# The one formula an export may carry: a total's SUM over cells of its own column (docs/excel.md).
OUR_TOTAL = re.compile(r"=SUM\((?P<c>[A-Z]{1,3})\d+(:(?P=c)\d+)?(,(?P=c)\d+(:(?P=c)\d+)?)*\)")


def run_cli(argv: list[str]) -> int:
    """Run ``lkip`` in-process; a crash re-raises its exception, a traceback or odd exit fails,
    and what ``evaluate`` exports is checked (JSON that parses, no live spreadsheet formulas)."""
    from click.testing import CliRunner

    from lkip_rules.cli import main

    result = CliRunner().invoke(main, argv, catch_exceptions=True)
    error = result.exception
    if error is not None and not isinstance(error, SystemExit):
        assert result.exc_info is not None
        raise error.with_traceback(result.exc_info[2])
    text = result.output
    context = f"lkip {' '.join(argv)[:500]}\n{text[-1500:]}"
    if "Traceback" in text:
        raise FuzzFailure("the command printed a traceback", context)
    if result.exit_code not in (0, 1, 2):
        raise FuzzFailure(f"exit code {result.exit_code}", context)
    if result.exit_code and not text.strip():
        raise FuzzFailure("the command failed without a message", context)
    if result.exit_code == 0 and argv[:1] == ["evaluate"]:
        check_export(argv, result.stdout, context)
    return result.exit_code


def _option(argv: list[str], name: str, default: str | None = None) -> str | None:
    return argv[argv.index(name) + 1] if name in argv[:-1] else default


def check_export(argv: list[str], stdout: str, context: str) -> None:
    """``evaluate`` output: JSON parses; CSV and XLSX cells never start a live formula."""
    fmt, output = _option(argv, "--format", "table"), _option(argv, "--output")
    if output is not None and fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(Path(output).read_bytes()))  # whatever the file is named
        cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
        if any(cell.data_type == "f" and not OUR_TOTAL.fullmatch(str(cell.value)) for cell in cells):
            raise FuzzFailure("the xlsx export carries a live formula other than a total's SUM", context)
        return
    text = Path(output).read_text("utf-8") if output is not None else stdout
    if fmt == "json":
        try:
            json.loads(text)
        except ValueError as exc:
            raise FuzzFailure("evaluate --format json printed text that is not JSON", f"{exc}\n{context}") from None
    if fmt == "csv" and any(cell.startswith("=") for row in csv.reader(io.StringIO(text)) for cell in row):
        raise FuzzFailure("the csv export carries a cell starting with '='", context)


def check_cli(case: CliCase, root: Path) -> str:
    """One command line, its ``{root}`` replaced by the case's folder."""
    materialise(case.files, root)
    argv = [arg.replace("{root}", str(root)) for arg in case.argv]
    return "lkip" if run_cli(argv) else "ok"


# -- API arguments ------------------------------------------------------------------------------


def _data_argument(spec: tuple[Any, ...]) -> dict[str, Any]:
    """The ``data`` keyword for a spec: omitted, None, empty, from values, or junk."""
    if spec[0] == "default":
        return {}
    if spec[0] == "none":
        return {"data": None}
    if spec[0] == "empty":
        return {"data": Data()}
    if spec[0] == "values":
        return {"data": Data.from_values(spec[1])}
    return {"data": spec[1]}


def _api_call(case: ApiCase, root: Path) -> Any:
    """Make the call the case describes."""
    from lkip_rules.audit import audit
    from lkip_rules.datafiles import read
    from lkip_rules.explain import explain

    p = case.params
    catalog = bundled_catalog()
    if case.op in ("load_catalog", "load_data", "read"):
        path = p["path"].replace("{root}", str(root)) if isinstance(p["path"], str) else p["path"]
        return {"load_catalog": load_catalog, "load_data": load_data, "read": read}[case.op](path)
    if case.op == "parse":
        return parse_formula(p["text"], known_names=p["known"])
    if case.op == "from_values":
        return catalog.evaluate(2025, Data.from_values(p["values"], realisations=p["realisations"]))
    if case.op == "formula_values":
        return parse_formula("koperasi_aktif + koperasi_usp_nib[N-1]").evaluate(p["values"], year=p["year"])
    data: dict[str, Any] = _data_argument(p["data"])
    if case.op == "assess":
        return catalog.assess(p["year"], quarter=p["quarter"], **data)
    if case.op in ("evaluate", "to_dict"):
        results = catalog.evaluate(p["year"], quarter=p["quarter"], **data)
        return results.to_dict() if case.op == "to_dict" else results
    if case.op == "explain":
        return explain(catalog, p["id"], p["year"], lang=p["lang"], **data)
    if case.op == "audit":
        return audit(catalog, p["year"], **data)
    if case.op == "merge":
        return merged_data(catalog.data, data.get("data"))
    return getattr(catalog, case.op)(**data)


def check_api(case: ApiCase, root: Path) -> str:
    """A public call with odd arguments: a result, or an LkipError."""
    materialise(case.files, root)
    try:
        found = _api_call(case, root)
    except LkipError:
        return "lkip"
    assert_finite(found)
    return "ok"
