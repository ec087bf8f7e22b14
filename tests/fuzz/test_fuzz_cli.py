"""``lkip`` commands with fuzzed catalogs, data and options, in-process (click's CliRunner):
exit code 0, 1 or 2 with a message, never a traceback."""

from __future__ import annotations

from hypothesis import given

from tests.fuzz import checks, strategies
from tests.fuzz.strategies import CliCase, fuzz_settings


@fuzz_settings(60)
@given(strategies.cli_cases)
def test_cli_commands(case: CliCase) -> None:
    checks.run(case)
