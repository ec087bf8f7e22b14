"""The lkip command, driven through click's runner and as a real subprocess."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path


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
        [sys.executable, "-m", "lkip_rules", "formula", "a / (b * )"],
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
    assert (ok.exit_code, ok.output) == (0, "0 errors, 0 warnings\n")
    broken = tmp_path / "c.toml"
    broken.write_text(
        '[catalog]\nid = "x"\nname = "x"\nperiod = [2025, 2029]\n[indicators.a]\nname = "A"\n'
        'level = "iku"\nformula = "b +"\n',
        "utf-8",
    )
    bad = CliRunner().invoke(main, ["check", str(broken)])
    assert bad.exit_code == 1
    assert "error [formula] indicators.a.formula" in bad.output and bad.output.endswith("1 error, 0 warnings\n")
