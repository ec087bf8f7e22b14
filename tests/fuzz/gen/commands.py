"""Command lines for ``lkip``, and calls of the public API, with what a careless user passes."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.fuzz.gen.base import Chooser
from tests.fuzz.gen.cases import ApiCase, CliCase, FilesCase
from tests.fuzz.gen.catalogs import catalog_case, serialise
from tests.fuzz.gen.datafiles import data_case
from tests.fuzz.gen.formulas import FormulaGen
from tests.fuzz.gen.scratch import scratch_docs
from tests.fuzz.gen.seed import bundled_ids, seed_files
from tests.fuzz.gen.toml import encode

# -- the command line ---------------------------------------------------------------------------


COMMANDS = ["evaluate", "check", "explain", "audit", "tree", "sql", "formula", "chart", "bulk", "help", "pk", "report"]
YEARS_ARG = ["2025", "2024", "0", "-1", "1899", "2201", "99999", "1" + "0" * 30, "abc", "2025.5", ""]
OUTPUTS = ["{root}/out.x", "{root}/out.xlsx", "{root}/nodir/out.csv", "{root}", "{root}/cat", "{root}/note.txt"]


def _cli_catalog(c: Chooser, files: dict[str, bytes], notes: list[str]) -> tuple[list[str], list[str], bool]:
    """Catalog arguments, the indicator ids it has, and whether it is small (for charts)."""
    mode = c.integer(0, 3)
    if mode == 0:
        return [], bundled_ids()[1], False
    if mode == 3:
        docs = scratch_docs(c, notes)
        case = FilesCase("catalog", serialise(docs, set(docs), {}), ".")
        ids = list(docs["indicators.toml"]["indicators"])
    else:
        case = catalog_case(c, "toml") if mode == 2 else FilesCase("catalog", dict(seed_files()), ".")
        ids = bundled_ids()[1]
        notes += case.notes
    files.update({f"cat/{rel}": data for rel, data in case.files.items()})
    return [f"{{root}}/cat/{case.entry}".removesuffix("/.")], ids, mode == 3


def _options(c: Chooser, command: str) -> list[str]:
    """--year, --lang, --quarter, --format and --output as a planner might type them, right and wrong."""
    found: list[str] = []
    if command != "sql" and c.chance(50):
        found += ["--year", c.pick(YEARS_ARG[:2]) if c.chance(60) else c.pick(YEARS_ARG)]
    if command in ("evaluate", "explain", "audit", "tree", "chart", "pk", "report") and c.chance(30):
        found += ["--lang", c.pick(["id", "en", "fr"])]
    if command == "evaluate":
        if c.chance(20):
            found += ["--quarter", c.pick(["1", "4", "0", "5", "x"])]
        fmt = c.pick(["table", "markdown", "csv", "json", "xlsx", "pdf"])
        found += ["--format", fmt]
        if fmt == "xlsx" or c.chance(25):
            found += ["--output", c.pick(OUTPUTS)]
    if command == "chart":
        found += ["--output", c.pick(["{root}/charts", "{root}/note.txt", "{root}/charts/deeper"])]
    if command == "pk" and c.chance(50):
        found += ["--format", c.pick(["table", "markdown", "csv", "docx"])]
    if command == "report":
        found += ["--format", c.pick(["docx", "html", "md", "pdf"]), "--output", c.pick(OUTPUTS)]
    return found


ODD_COLUMNS = ["lkip_input", "x; drop table y", 'a"b', "'", "", "schema.t", "😀", "year", "entity"]
BULK_ROWS = ["x,2025,982,60", "y,2025,abc,", "z,abc,1,2", "x,2025,982,60", "w,2025," + "9" * 400 + ",1",
             "v,2025,1e400,1", ",,,", "u,2025,-0,0", "t,1899,1,1", "s,2025,1.5,2,extra"]  # fmt: skip


def _key_options(c: Chooser, options: Sequence[str]) -> list[str]:
    """Column-name options with names that are SQL, quotes, emoji or empty."""
    found: list[str] = []
    for option in options:
        if c.chance(30):
            found += [option, c.pick(ODD_COLUMNS)]
    return found


def _bulk_options(c: Chooser, files: dict[str, bytes]) -> list[str]:
    """``lkip bulk`` over a small CSV of (entity, year, inputs...), with junk rows and odd columns."""
    header = c.pick(["entity,year,koperasi_aktif,koperasi_usp_nib", "entity,year", "a,a,a,a", "entity,year,😀,x"])
    rows = [c.pick(BULK_ROWS[:1]) if c.chance(60) else c.pick(BULK_ROWS) for _ in range(c.integer(0, 4))]
    files["in.csv"] = encode("\n".join([header, *rows]) + "\n")
    files["in.parquet"] = b"PAR1\x00\x00PAR1"
    source = c.pick(["{root}/in.csv", "{root}/in.parquet", "{root}/note.txt"])
    output = c.pick(["{root}/out.parquet", "{root}/out.csv", "{root}/nodir/out.parquet", "{root}/cat"])
    engine = ["--engine", c.pick(["duckdb", "polars"])]
    return ["--input", source, "--output", output, *engine, *_key_options(c, ("--entity", "--year-column"))]


def _sql_options(c: Chooser, files: dict[str, bytes]) -> list[str]:
    """``lkip sql`` options, sometimes with a --columns-from CSV whose header is odd."""
    found: list[str] = []
    for option in ("--source", "--entity", "--year-column", "--quarter-column"):
        if c.chance(30):
            found += [option, c.pick(ODD_COLUMNS)]
    if c.chance(30):
        header = c.pick(["entity,year,koperasi_aktif", "entity,year", "", "a,a,a", "entity,year,ind0,😀"])
        files["cols.csv"] = encode(header + "\nx,2025,1\n")
        found += ["--columns-from", "{root}/cols.csv"]
    return found


def cli_case(c: Chooser) -> CliCase:
    """One ``lkip`` command line over a bundled, mutated or generated catalog, maybe with --data."""
    files: dict[str, bytes] = {"note.txt": b"not a folder\n"}
    notes: list[str] = []
    command = c.pick(COMMANDS)
    if command == "help":
        return CliCase(files, c.pick([["--help"], ["evaluate", "--help"], ["--version"], [], ["nope"]]), notes)
    if command == "formula":
        text = FormulaGen(c).text()
        pairs = [c.pick(["a=1", "b:2024=5", "c=abc", "a=1e999999", "x.y=2", "a:2025=0", "a=", "=1"])
                 for _ in range(c.integer(0, 3))]  # fmt: skip
        return CliCase(files, ["formula", text, *pairs, *(["--year", c.pick(YEARS_ARG)] if c.chance(40) else [])])
    catalog, ids, small = _cli_catalog(c, files, notes)
    if command in ("chart", "report") and not small:
        command = "tree" if command == "chart" else "pk"  # the full catalog's charts take longer than the timeout
    argv = [command, *catalog]
    if command == "explain":
        argv.append(c.pick(ids) if c.chance(75) else c.pick(["", "x", "../cat", "Koperasi", "or", "🙂", "a" * 300]))
    if command in ("sql", "bulk"):
        argv += _sql_options(c, files) if command == "sql" else _bulk_options(c, files)
    else:
        argv += _options(c, command)
    if command not in ("sql", "bulk") and c.chance(35):
        data = data_case(c)
        name = "data" + Path(data.entry).suffix
        files[name] = next(iter(data.files.values()))
        notes += [f"--data {name}: {note}" for note in data.notes]
        argv += ["--data", f"{{root}}/{name}"]
    return CliCase(files, argv, notes)


# -- API arguments ------------------------------------------------------------------------------


API_YEARS: list[Any] = [2025, 2024, "2025", 2025.0, True, None, Decimal("2025"), 10**20, -1, 0, 1899, [2025]]
API_DATA: list[Any] = [("default",), ("none",), ("empty",), ("values",), ("junk", "x"), ("junk", {2025: {}}),
                       ("junk", 5), ("junk", {"koperasi_aktif": 5})]  # fmt: skip
API_PATHS = ["{root}", "{root}/none", "", "\x00", "{root}/note.txt", "{root}/x.CSV", "{root}/x.xls",
             "{root}/dir.xlsx", "{root}/dir.toml", "{root}/empty.xlsx", None, 5, b"/tmp", ["a"]]  # fmt: skip
API_FILES = {"note.txt": b"hello\n", "x.CSV": b"input,year,quarter,value\nkoperasi_aktif,2025,,1\n",
             "x.xls": b"\xd0\xcf\x11\xe0", "dir.xlsx/a": b"", "dir.toml/a": b"", "empty.xlsx": b""}  # fmt: skip


def api_values(c: Chooser) -> Any:
    """A Data.from_values mapping with str years, unknown names, floats or nesting."""
    inputs, _ = bundled_ids()
    name = c.pick([*inputs[:3], "unknown", "Koperasi_Aktif", 5, None])
    by_year = c.pick([{2025: 5}, {"2025": 5}, {2025: 0.5}, {2025: "1.234,56"}, {2025: [1]}, 5, None, [1, 2],
                      {2025: {2025: 1}}, {2025.0: 1}, {None: 1}, {2025: Decimal("NaN")}, {2025: 10**30}])  # fmt: skip
    return {name: by_year}


API_OPS = {
    "catalog": ["evaluate", "assess", "explain", "audit", "validate", "check", "to_dict"],
    "formula": ["parse", "formula_values"],
    "data": ["from_values", "merge"],
    "paths": ["load_catalog", "load_data", "read"],
}
"""The public calls by family: one test each, so one family's bug does not hide another's."""


def api_case(c: Chooser, family: str = "any") -> ApiCase:
    """A public function called with wrong types, unknown ids and junk data."""
    ops = [op for name, group in API_OPS.items() if family in ("any", name) for op in group]
    op = c.pick(ops)
    _, ids = bundled_ids()
    data = c.pick(API_DATA)
    if data == ("values",):
        data = ("values", api_values(c))
    params: dict[str, Any] = {"year": c.pick(API_YEARS), "data": data}
    if op in ("evaluate", "assess", "to_dict"):
        params["quarter"] = c.pick([None, 1, 4, 0, 5, "1", True, 2.0])
    elif op == "explain":
        params.update(id=c.pick([*ids[:3], "unknown", "", None, 5, ("a",)]), lang=c.pick(["id", "en", "fr", None, 5]))
    elif op == "parse":
        params.update(
            text=c.pick(["a + b", None, 5, b"a + b", ["a"], "a" * 20000, Decimal(1), "sum(a)"]),
            known=c.pick([None, 5, "abc", [1, None], {"a": 1}, b"ab", {"a", "b"}, 2.5, ["a", ["b"]]]),
        )
    elif op in ("from_values", "formula_values"):
        params.update(
            values=c.pick([api_values(c), None, [], "abc", 5, {1: 2}, {"a": {"2025": 1}}]),
            realisations=c.pick([None, {}, {"koperasi_berkualitas": {2025: "x"}}, 5, {"x": {2025: 1}}]),
        )
    elif op in ("load_catalog", "load_data", "read"):
        params["path"] = c.pick(API_PATHS)
    return ApiCase(op, params, dict(API_FILES))
