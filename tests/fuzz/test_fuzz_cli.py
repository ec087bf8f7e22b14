"""``lkip`` commands with fuzzed catalogs, data and options, in-process (click's CliRunner):
exit code 0, 1 or 2 with a message, never a traceback."""

from __future__ import annotations

from hypothesis import given

from tests.fuzz import checks, gen
from tests.fuzz.gen import CliCase, fuzz_settings


@fuzz_settings(60)
@given(gen.cli_cases)
def test_cli_commands(case: CliCase) -> None:
    checks.run(case)
