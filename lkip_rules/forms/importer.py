"""``lkip import``: a year's figures — from a form, a CSV or a TOML data file — written into a catalog's
data file with tomlkit, keeping its comments and layout (see :mod:`lkip_rules.forms.figures`).

A cell the file lacks is added at the end of its table; a cell the file has with the same value is
left alone; a cell the file has with a different value is refused — every one listed, nothing
written — unless ``replace`` is given, when each change is listed. A figure's status follows the
source (a form's Status column) without ``replace``, and each change of status is listed. The file
written is read back and checked against what was meant before it takes the old one's place.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from lkip_rules.catalog import schema
from lkip_rules.catalog.data import read_year
from lkip_rules.catalog.model import Data, YearData
from lkip_rules.errors import CatalogError, CatalogValidationError, LkipError
from lkip_rules.forms import tomlwrite
from lkip_rules.forms.figures import BUDGET_FIELDS, Cell, Diff, diff
from lkip_rules.locale.text import Items, Said, Text, say

if TYPE_CHECKING:
    from lkip_rules.api import Catalog


@attrs.frozen
class Change:
    """One figure written: added (``old`` None), changed, or given another status."""

    name: str
    new: str
    old: str | None = None

    def __str__(self) -> str:
        return f"{self.name} = {self.new}" if self.old is None else f"{self.name}: {self.old} → {self.new}"


@attrs.frozen
class Imported:
    """What :func:`import_figures` wrote into ``path`` (nothing, when ``written`` is False)."""

    path: Path
    year: int
    created: bool
    added: tuple[Change, ...]
    changed: tuple[Change, ...]
    marked: tuple[Change, ...]
    unchanged: int

    @property
    def written(self) -> bool:
        return bool(self.added or self.changed or self.marked)


class ImportConflictError(LkipError):
    """Figures the data file already has with other values; ``conflicts`` lists them."""

    def __init__(self, path: Path, conflicts: list[str]) -> None:
        self.path = path
        self.conflicts = conflicts
        super().__init__(self.said("en"))

    def said(self, lang: str) -> str:
        count = len(self.conflicts)
        figures = Text("import.figure" if count == 1 else "import.figures", count=count)
        lines = [say(Text("import.conflicts", path=str(self.path), count=figures), lang)]
        lines += [f"  {say(line, lang)}" for line in self.conflicts]
        lines.append(say(Text("import.replace-hint"), lang))
        return "\n".join(lines)


def import_figures(data: Data, into: Path, *, replace: bool = False, catalog: Catalog | None = None) -> Imported:
    """Write the one year of ``data`` into the data file ``into`` (made when missing, with
    ``year = Y``); with ``catalog``, figures it cannot place are refused first."""
    source = _one_year(data)
    existing, text, created = _target(into, source.year)
    if catalog is not None:
        _check_against(catalog, data)
    editor = tomlwrite.Editor(text)
    default = str(editor.doc.get("status", "tetap"))
    found = diff(existing, source, default)
    conflicts = [cell for cell in found.cells if cell.conflict]
    if conflicts and not replace:
        raise ImportConflictError(into, [_conflict_line(cell, existing, data) for cell in conflicts])
    result = _result(into, source.year, created, found)
    if result.written:
        for entry in found.entries:
            entry.write(editor)
        _write(into, editor.result(), (existing, source))
    return result


def _one_year(data: Data) -> YearData:
    if len(data.years) != 1:
        years = Items(str(year) for year in sorted(data.years)) if data.years else Text("import.none")
        raise LkipError(Text("import.one-year", years=years))
    year_data = next(iter(data.years.values()))
    if year_data.benchmarks:
        raise LkipError(Text("import.no-benchmarks"))
    return year_data


def _target(into: Path, year: int) -> tuple[YearData, str, bool]:
    """The file's figures as read (checked like any data file), its text, and whether it is new."""
    if into.suffix.lower() != ".toml":
        raise LkipError(Text("import.toml-only", into=str(into)))
    if not into.exists():
        named = int(into.stem) if schema.YEAR_TEXT.fullmatch(into.stem) else year
        if named != year:
            raise LkipError(Text("import.named-other", year=year, name=into.name))
        text = f"# Figures for {year}, first written by lkip import.\n\nyear = {year}\n"
        return YearData(year, str(into), text), text, True
    existing = read_year(into)
    if existing.year != year:
        raise LkipError(Text("import.holds-other", year=year, into=str(into), other=existing.year))
    return existing, existing.text, False


def _check_against(catalog: Catalog, data: Data) -> None:
    """Figures the catalog cannot place are refused, named by their sheet and row (or file and line)."""
    from lkip_rules.validation import data_files

    problems = [issue for issue in data_files(catalog, data) if issue.severity == "error"]
    if problems:
        raise CatalogValidationError(list(problems))


def _conflict_line(cell: Cell, existing: YearData, data: Data) -> str:
    line = existing.line_of(cell.path)  # the file has the cell: its line, or its record's
    here = Text("import.at-line", file=existing.file, line=line) if line else existing.file
    there = next((_place(part, cell) for part in data.sources() if _gives(part, cell)), Text("import.the-source"))
    return Text("import.conflict", name=cell.name, old=cell.old_text, here=here, new=cell.new_text, there=there)


def _gives(part: YearData, cell: Cell) -> bool:
    section, name = cell.path[:2]
    return name in getattr(part, section)


def _place(part: YearData, cell: Cell) -> str:
    row = part.line_of(cell.path) or part.line_of(cell.path[:2])
    return Text("import.at-row" if part.rows else "import.at-line", file=part.file, line=row) if row else part.file


def _result(into: Path, year: int, created: bool, found: Diff) -> Imported:
    added = tuple(Change(cell.name, cell.new_text) for cell in found.cells if cell.old is None)
    changed = tuple(Change(cell.name, cell.new_text, cell.old_text) for cell in found.cells if cell.conflict)
    marked = tuple(Change(mark.name, mark.new, mark.old) for mark in found.marks)
    unchanged = sum(1 for cell in found.cells if cell.old is not None and not cell.conflict)
    return Imported(into, year, created, added, changed, marked, unchanged)


def _write(path: Path, text: str, sides: tuple[YearData, YearData]) -> None:
    """Write ``text`` to ``path`` whole or not at all, once it reads back as meant."""
    if not path.parent.is_dir():
        raise LkipError(Text("import.no-folder", path=str(path), folder=str(path.parent)))
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        _verify(Path(temporary), path, sides)
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _verify(written: Path, path: Path, sides: tuple[YearData, YearData]) -> None:
    """The new file gives every figure of the source, keeps the file's others and every provisional
    mark; else it is a bug of ours, and the old file stays as it was."""
    existing, source = sides
    try:
        with tempfile.TemporaryDirectory() as folder:  # read under the file's own name, which may give the year
            named = Path(folder) / path.name
            named.write_bytes(written.read_bytes())
            back = read_year(named)
    except CatalogError as exc:
        raise LkipError(Text("import.not-read-back", path=str(path), error=Said(exc))) from None
    wrong = [
        name
        for section in ("inputs", "realisations")
        for name, value in getattr(source, section).items()
        if getattr(back, section).get(name) != _merged(getattr(existing, section).get(name), value)
    ]
    wrong += [
        name
        for name, figures in source.budget.items()
        for field in BUDGET_FIELDS
        if getattr(figures, field) not in (None, getattr(back.budget.get(name), field, None))
    ]
    wrong += [name for name in existing.inputs if name not in back.inputs]
    wrong += [Text("import.provisional", name=cell[1]) for cell in source.provisional if cell not in back.provisional]
    if wrong:
        raise LkipError(Text("import.does-not-give", path=str(path), names=Items(wrong)))


def _merged(old: object, new: object) -> object:
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return {**old, **new}
    return new


def catalog_of(into: Path) -> Catalog | None:
    """The catalog whose ``data/`` folder holds ``into``, when there is one."""
    folder = into.parent
    if folder.name != "data" or not (folder.parent / "catalog.toml").is_file():
        return None
    from lkip_rules.api import load_catalog

    return load_catalog(folder.parent)


def report(result: Imported) -> list[str]:
    """What was written, for people: a count, then one line per figure added, changed or marked
    (Texts: a face says them in its language)."""
    path: str = str(result.path)
    if result.created and result.written:
        path = Text("import.new-file", path=path)
    if not result.written:
        return [Text("import.nothing", path=path, unchanged=result.unchanged)]
    counts = {"added": len(result.added), "changed": len(result.changed), "marked": len(result.marked)}
    lines: list[str] = [Text("import.counts", path=path, unchanged=result.unchanged, **counts)]
    lines += [Text("import.added", change=str(change)) for change in result.added]
    lines += [Text("import.changed", change=str(change)) for change in result.changed]
    lines += [Text("import.marked", change=str(change)) for change in result.marked]
    return lines
