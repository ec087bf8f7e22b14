"""What importing a year's figures into a data file changes, cell by cell, before anything is written.

A cell is one figure: an input for the year or a quarter of it, a given realisation, one field of
a budget line, one field of a printed record. An entry is what the file writes as one key — an
input with its quarters, a budget line with its fields — and carries one status: it is sementara
when any of its figures is (the ones the source gives, with the source's status; the ones the file
keeps, with the file's), so a provisional mark is never lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from lkip_rules.catalog.model import BudgetFigures, CellPath, InputValue, Reported, YearData
from lkip_rules.forms import tomlwrite
from lkip_rules.locale.text import Text

BUDGET_FIELDS = ("pagu_murni", "pagu", "realisasi")
PRINTED_FIELDS = (
    "where", "target", "realisation", "achievement", "category", "end_target", "end_achievement",
    "pagu", "pagu_murni", "realisasi", "serapan", "sisa", "note",
)  # fmt: skip
_FIGURE_KEYS = ("value", "q1", "q2", "q3", "q4", "status")


@attrs.frozen
class Cell:
    path: CellPath
    name: str  # for people: "koperasi_aktif", "penjualan q2", "p_izin pagu", "printed x (Tabel 3.1) target"
    new: Any
    old: Any = None  # None: the file does not have it
    printed: bool = False  # a printed figure: compared as printed (75.80 is not 75.8)

    @property
    def conflict(self) -> bool:
        if self.old is None:
            return False
        return show(self.old) != show(self.new) if self.printed else bool(self.old != self.new)

    @property
    def new_text(self) -> str:
        return show(self.new)

    @property
    def old_text(self) -> str:
        return show(self.old)


@attrs.frozen
class Mark:
    """A figure whose status changes: tetap -> sementara or back."""

    name: str
    new: str
    old: str


@attrs.frozen
class Entry:
    """One key of the data file to write: an input, a realisation or a budget line."""

    section: str
    name: str
    values: tuple[tuple[str, Decimal], ...]  # final (key, value): ("value", ..) or quarters or budget fields
    kept: frozenset[str]  # keys whose value is the file's own, written as the file writes it
    status: str | None  # written explicitly; None: the file's default says it

    def write(self, editor: tomlwrite.Editor) -> None:
        path = (self.section, self.name)
        raw = editor.raw(path) if editor.find(path) is not None else {}
        values = self.values
        if self.section == "budget":  # a line's fields as the file orders them, new ones after
            values = tuple(sorted(values, key=lambda item: list(raw).index(item[0]) if item[0] in raw else len(raw)))
        pairs = [(key, raw[key] if key in self.kept and key in raw else tomlwrite.number(v)) for key, v in values]
        if self.status is not None:
            pairs.append(("status", tomlwrite.text(self.status)))
        plain = self.section != "budget"
        droppable = _FIGURE_KEYS if plain else ("status", *BUDGET_FIELDS)
        tomlwrite.write_entry(editor, path, pairs, plain=plain, droppable=droppable)


@attrs.frozen
class Record:
    """A printed record to add (``index`` None) or to update (the ``index``-th of its id)."""

    name: str
    index: int | None
    fields: tuple[tuple[str, tomlwrite.Value], ...]

    def write(self, editor: tomlwrite.Editor) -> None:
        pairs = [(key, tomlwrite.text(value)) for key, value in self.fields]
        if self.index is None:
            tomlwrite.add_record(editor, self.name, pairs)
        else:
            tomlwrite.edit_table(editor, tomlwrite.record_path(editor, self.name, self.index), pairs, ())


@attrs.define
class Diff:
    cells: list[Cell] = attrs.field(factory=list)
    marks: list[Mark] = attrs.field(factory=list)
    entries: list[Entry | Record] = attrs.field(factory=list)


def show(value: Any) -> str:
    """A figure for people and for comparing printed text: 982, q1 = 10, q2 = 12, 7 - 8."""
    if isinstance(value, Mapping):
        return ", ".join(f"q{q} = {show(v)}" for q, v in sorted(value.items()))
    if isinstance(value, tuple):
        return f"{show(value[0])} - {show(value[1])}"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def diff(existing: YearData, source: YearData, default: str) -> Diff:
    """The cells ``source`` gives against the file's, and the entries to write; ``default`` is the
    file's own status (``status = ...`` at its top, else tetap)."""
    found = Diff()
    for section in ("inputs", "realisations"):
        for name, value in getattr(source, section).items():
            _figure(found, section, name, value, (existing, source), default)
    for name, figures in source.budget.items():
        _budget_line(found, name, figures, (existing, source), default)
    for name, records in source.reported.items():
        for entry in records:
            _record(found, name, entry, existing)
    return found


Sides = tuple[YearData, YearData]  # (the file, the source)


def _figure(found: Diff, section: str, name: str, value: InputValue, sides: Sides, default: str) -> None:
    existing, source = sides
    old: InputValue | None = getattr(existing, section).get(name)
    if old is not None and isinstance(old, Mapping) != isinstance(value, Mapping):
        cells = [Cell((section, name), name, value, old)]  # a yearly figure against quarters
        final, kept = dict(_keyed(value)), frozenset[str]()
    else:
        new, before = dict(_keyed(value)), dict(_keyed(old)) if old is not None else {}
        cells = [Cell((section, name, *_quarter(key)), _label(name, key), v, before.get(key)) for key, v in new.items()]
        final, kept = {**before, **new}, frozenset(before.keys() - new.keys())
    paths = {key: (section, name, *_quarter(key)) for key in final}
    provisional = any(paths[key] in (existing.provisional if key in kept else source.provisional) for key in final)
    ordered = tuple(sorted(final.items(), key=lambda item: _FIGURE_KEYS.index(item[0])))
    _entry(found, cells, Entry(section, name, ordered, kept, None), (old, existing, provisional), default)


def _budget_line(found: Diff, name: str, figures: BudgetFigures, sides: Sides, default: str) -> None:
    existing, source = sides
    old = existing.budget.get(name)
    new = {field: getattr(figures, field) for field in BUDGET_FIELDS if getattr(figures, field) is not None}
    before = {field: getattr(old, field) for field in BUDGET_FIELDS if getattr(old, field, None) is not None}
    cells = [Cell(("budget", name, field), f"{name} {field}", v, before.get(field)) for field, v in new.items()]
    final, kept = {**before, **new}, frozenset(before.keys() - new.keys())
    provisional = any(
        ("budget", name, field) in (existing.provisional if field in kept else source.provisional) for field in final
    )
    ordered = tuple((field, final[field]) for field in BUDGET_FIELDS if field in final)
    _entry(found, cells, Entry("budget", name, ordered, kept, None), (old, existing, provisional), default)


def _entry(found: Diff, cells: list[Cell], entry: Entry, state: tuple[Any, YearData, bool], default: str) -> None:
    """Record the cells, the status change and, when anything changes, the entry to write."""
    old, existing, provisional = state
    status = "sementara" if provisional else "tetap"
    before = None if old is None else ("sementara" if existing.is_provisional(entry.section, entry.name) else "tetap")
    found.cells += cells
    if before is not None and before != status:
        found.marks.append(Mark(entry.name, status, before))
    if before != status or any(cell.old is None or cell.conflict for cell in cells):
        found.entries.append(attrs.evolve(entry, status=None if status == default else status))


def _keyed(value: InputValue) -> list[tuple[str, Decimal]]:
    if isinstance(value, Mapping):
        return [(f"q{q}", v) for q, v in sorted(value.items())]
    return [("value", value)]


def _quarter(key: str) -> tuple[str, ...]:
    return (key,) if key.startswith("q") else ()


def _label(name: str, key: str) -> str:
    return name if key == "value" else f"{name} {key}"


def _record(found: Diff, name: str, entry: Reported, existing: YearData) -> None:
    """A printed record: new where the file has none at its place, else merged field by field."""
    given = [(field, getattr(entry, field)) for field in PRINTED_FIELDS if getattr(entry, field) not in (None, "")]
    if entry.year != existing.year:
        given.insert(1, ("year", Decimal(entry.year)))
    if entry.quarter is not None:
        given.insert(1, ("quarter", Decimal(entry.quarter)))
    place = (
        Text("import.printed-at", name=name, where=entry.where) if entry.where else Text("import.printed", name=name)
    )
    olds = existing.reported.get(name, ())
    index = next((i for i, old in enumerate(olds) if _same_place(old, entry)), None)
    before = attrs.asdict(olds[index], recurse=False) if index is not None else {}
    cells = [
        Cell(
            ("reported", name, str(index or 0), field),
            Text("import.printed-field", place=place, field=field),
            value,
            before.get(field),
            printed=True,
        )
        for field, value in given
        if field != "where" and field not in ("year", "quarter")
    ]
    if index is None:  # a new record: one cell, listed as one line
        shown = ", ".join(f"{field} = {show(value)}" for field, value in given if field != "where")
        found.cells.append(Cell(("reported", name), place, shown))
        found.entries.append(Record(name, None, tuple(given)))
        return
    found.cells += cells
    if index is None:
        found.entries.append(Record(name, None, tuple(given)))
    else:
        changed = tuple((cell.path[-1], cell.new) for cell in cells if cell.old is None or cell.conflict)
        if changed:
            found.entries.append(Record(name, index, changed))


def _same_place(old: Reported, new: Reported) -> bool:
    return (old.where, old.year, old.quarter) == (new.where, new.year, new.quarter)
