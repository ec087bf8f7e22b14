"""Input generators for the fuzzers, written once for two drivers.

Every generator takes a :class:`Chooser` (``base``) and makes all its random choices through
it: the pytest tests drive them with Hypothesis, ``run_long.py`` with ``random.Random``.
Generators build *cases* (``cases``: plain, picklable data) so that a failing case can be
saved and replayed.

- ``base``: the drivers, and the settings of the pytest tests.
- ``cases``: the case types, one per input kind.
- ``formulas``: formula text; ``formula_cases``: formula text with values, and arithmetic.
- ``toml``: writing TOML, and damaging documents and bytes.
- ``seed``: the bundled catalog as seed.
- ``catalogs``: catalogs mutated, and torture shapes; ``scratch``: catalogs made from scratch.
- ``datafiles``: TOML, CSV and XLSX data files.
- ``commands``: ``lkip`` command lines and public API calls.

This module is the registry: one generator per input kind for ``run_long.py``, and the
Hypothesis strategies of the pytest tests. It also exports the case types, and the values
with evaluable reprs (``FrozenMapping``, ``SubDecimal``) that pickled reproducers hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.fuzz.gen.base import Chooser, DrawChooser, RandomChooser, fuzz_settings, strategy
from tests.fuzz.gen.cases import ApiCase, ArithCase, CliCase, Figure, FilesCase, FormulaCase
from tests.fuzz.gen.catalogs import catalog_case, torture_case
from tests.fuzz.gen.commands import api_case, cli_case
from tests.fuzz.gen.datafiles import data_case
from tests.fuzz.gen.formula_cases import FrozenMapping, SubDecimal, arith_case, formula_case
from tests.fuzz.gen.seed import bundled_dir, seed_files

__all__ = [
    "GENERATORS",
    "ApiCase",
    "ArithCase",
    "Chooser",
    "CliCase",
    "DrawChooser",
    "Figure",
    "FilesCase",
    "FormulaCase",
    "FrozenMapping",
    "RandomChooser",
    "SubDecimal",
    "api_catalog_calls",
    "api_data_calls",
    "api_formula_calls",
    "api_path_calls",
    "arithmetic",
    "bundled_dir",
    "byte_catalogs",
    "cli_cases",
    "csv_data",
    "deep_formulas",
    "fuzz_settings",
    "grammar_formulas",
    "mutated_catalogs",
    "mutated_formulas",
    "scratch_catalogs",
    "seed_files",
    "toml_data",
    "torture_catalogs",
    "xlsx_data",
]

GENERATORS: dict[str, Callable[[Chooser], Any]] = {
    "formula": formula_case,
    "arith": arith_case,
    "catalog": lambda c: torture_case(c) if c.chance(10) else catalog_case(c),
    "data": lambda c: data_case(c, "toml"),
    "csv": lambda c: data_case(c, "csv"),
    "xlsx": lambda c: data_case(c, "xlsx"),
    "cli": cli_case,
    "api": api_case,
}
"""One generator per input kind, for run_long.py."""

grammar_formulas = strategy(lambda c: formula_case(c, "grammar"))
mutated_formulas = strategy(lambda c: formula_case(c, "mutated"))
deep_formulas = strategy(lambda c: formula_case(c, "deep"))
arithmetic = strategy(arith_case)
mutated_catalogs = strategy(lambda c: catalog_case(c, "toml"))
byte_catalogs = strategy(lambda c: catalog_case(c, "bytes"))
scratch_catalogs = strategy(lambda c: catalog_case(c, "scratch"))
torture_catalogs = strategy(torture_case)
toml_data = strategy(lambda c: data_case(c, "toml"))
csv_data = strategy(lambda c: data_case(c, "csv"))
xlsx_data = strategy(lambda c: data_case(c, "xlsx"))
cli_cases = strategy(cli_case)
api_catalog_calls = strategy(lambda c: api_case(c, "catalog"))
api_formula_calls = strategy(lambda c: api_case(c, "formula"))
api_data_calls = strategy(lambda c: api_case(c, "data"))
api_path_calls = strategy(lambda c: api_case(c, "paths"))
