"""The ``lkip`` command: the group, its shared options, and how it reports errors.

Exit codes: 0 all well, 1 findings (validation errors, audit differences, a catalog that
cannot be read), 2 usage, 3 a bug of ours (reported as such, never a bare traceback).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from lkip_rules import BUNDLED_CATALOG, LkipError, load_catalog
from lkip_rules.api import Catalog
from lkip_rules.catalog.model import Data
from lkip_rules.cli.help import Group
from lkip_rules.cli.words import library, say

F = TypeVar("F", bound=Callable[..., Any])
LANG = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Language of labels, numbers and sentences.",
)
DATA = click.option(
    "--data",
    "data_file",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help=(
        "Figures to use: a TOML data file or folder, a CSV or XLSX (input, year, quarter, value), "
        "or a form made by lkip template."
    ),
)
YEAR = click.option("--year", type=int, default=None, help="The year to evaluate [default: the latest year with data].")
QUARTER = click.option(
    "--quarter",
    type=click.IntRange(1, 4),
    default=None,
    help="Up to this quarter (triwulan), against the Rencana Aksi's targets.",
)


def console(*, wide: bool = False) -> Console:
    """Where tables are printed: a terminal at its own width; a pipe or file at the width COLUMNS
    gives, else 80; a table asked to be wide, as wide as it takes."""
    if wide:  # every column at its natural width; a terminal scrolls, or use less -S
        return Console(file=sys.stdout, width=1000)
    terminal = Console(file=sys.stdout)
    if terminal.is_terminal or os.environ.get("COLUMNS", "").isdigit():
        return terminal  # rich reads COLUMNS itself
    return Console(file=sys.stdout, width=80)


def reports_errors(command: F) -> F:
    """Print our errors plainly and exit 1, a file that cannot be read or written likewise; anything
    else is a bug of ours, said so in one line (exit 3), never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except LkipError as exc:
            click.echo(say("error", text=library(exc)), err=True)
            sys.exit(1)
        except BrokenPipeError:  # the reader stopped early (`lkip audit | head`): nothing to say
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush stays quiet
            sys.exit(1)
        except OSError as exc:
            where = f" {exc.filename}" if exc.filename else ""
            hint = say("open_elsewhere") if isinstance(exc, PermissionError) else ""
            click.echo(say("cannot_use", where=where, reason=exc.strerror or exc, hint=hint), err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: one line for the user, the details for the report
            click.echo(say("bug", kind=type(exc).__name__, text=exc), err=True)
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


def target_file(path: Path) -> bool:
    """Check that ``path`` can be written as a file; True when it exists (and will be replaced)."""
    if path.is_dir():
        raise click.UsageError(f"--output {path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise click.UsageError(f"--output {path}: the folder {path.parent} does not exist; create it first")
    return path.exists()


def written(path: Path, replaced: bool) -> None:
    click.echo(say("replaced", path=path) if replaced else f"{path}")


def open_catalog(catalog: str | None, data_file: Path | None) -> tuple[Catalog, Data]:
    """The catalog and its figures (with --data laid over them). Figures the catalog cannot
    place — an undeclared input, an unknown id, quarters without a roll-up — stop the command,
    so a typo never leaves a stale or missing figure behind silently."""
    from lkip_rules.errors import CatalogValidationError
    from lkip_rules.validation import data_files

    found = load_catalog(catalog if catalog is not None else BUNDLED_CATALOG)
    data = found.data
    if data_file is not None:
        from lkip_rules.datafiles import read

        data = data.merge(read(data_file))
    problems = [issue for issue in data_files(found, data) if issue.severity == "error"]
    if problems:
        raise CatalogValidationError(list(problems))
    return found, data


def is_path(text: str) -> bool:
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # a name too long, or with a NUL, is no file
        return False


def pick_year(data: Data, year: int | None) -> int:
    if year is not None:
        if year not in data.years:
            known = ", ".join(map(str, sorted(data.years))) or say("none")
            click.echo(say("no_figures", year=year, known=known), err=True)
        return year
    if not data.years:
        raise click.UsageError("the catalog has no data; give --year")
    return max(data.years)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lkip-rules")
def main() -> None:
    """lkip-rules: exact, explained SAKIP / LKIP performance measurement.

    Without a CATALOG argument the bundled catalog of the LKIP 2025 of Dinas Koperasi UKM
    Kota Bekasi is used.
    """
