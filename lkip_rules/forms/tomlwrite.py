"""Editing a TOML data file line by line, so that every line not edited stays as it was.

A whole-document round trip is not safe for data files: tomlkit regroups the records of an array of
tables that are interleaved with other tables (``[[reported.a]]``, ``[[reported.b]]``, ``[[reported.a]]``
— the bundled 2025.toml comes back with 1,340 lines moved). So each edit touches the lines of one
statement: tomlkit parses that statement, to split its value from its comment and to write strings,
and the value is replaced with the comment kept in its column; a new key goes after the last
statement of its table, a new table after the last table of its kind, a new printed record at the
end. Lines are found with :func:`lkip_rules.catalog.toml.locate`; a statement ends where the lines
from its first one parse as TOML. Values the editor cannot place (a table written with dotted keys,
a value over several lines) are refused with the line to edit by hand, never written wrong.

New numbers are written from their exact decimal text (``93.10`` stays ``93.10``), whole numbers of
five digits or more with ``_`` between thousands, as the bundled data files write them
(``357_122_775_671``); a number the file already has keeps the text it has.
"""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Any

import tomlkit
from tomlkit import items

from lkip_rules.catalog.toml import locate
from lkip_rules.errors import LkipError
from lkip_rules.locale.text import Text

Value = Decimal | str | tuple[Decimal, Decimal]
Pairs = Sequence[tuple[str, str]]  # (key, TOML text of its value), in order
Path = tuple[str, ...]
_MAX_STATEMENT_LINES = 400  # a statement longer than this is no figure (a long note is some dozens)


def number(value: Decimal) -> str:
    text = format(value, "f")
    whole, point, fraction = text.partition(".")
    digits = whole.lstrip("-")
    if len(digits) >= 5:
        whole = whole[: len(whole) - len(digits)] + f"{int(digits):_}"
    return whole + point + fraction


def text(value: Value) -> str:
    """``value`` as TOML: a number, a range ``[7, 8]``, or a string."""
    if isinstance(value, Decimal):
        return number(value)
    if isinstance(value, tuple):
        return f"[{number(value[0])}, {number(value[1])}]"
    return str(tomlkit.string(value).as_string())


def inline(pairs: Pairs) -> str:
    return "{ " + ", ".join(f"{key} = {value}" for key, value in pairs) + " }"


class Editor:
    """Edits to one TOML text, applied together by :meth:`result`."""

    def __init__(self, source: str) -> None:
        self.source = source if not source or source.endswith("\n") else source + "\n"
        self.lines = self.source.splitlines(keepends=True)
        self.doc = tomllib.loads(self.source, parse_float=Decimal)
        self.edits: list[tuple[int, int, int, list[str]]] = []  # (line index, lines removed, order, new lines)
        self.order = itertools.count()
        self.new_sections: dict[str, list[str]] = {}  # [inputs] / [realisations] the file lacks: their keys
        self.tail: list[str] = []  # new tables and records, after everything

    # -- reading ------------------------------------------------------------------------------

    def find(self, path: Path) -> Any:
        """The value at ``path`` in the document (list items by their index), or None."""
        found: Any = self.doc
        for key in path:
            if isinstance(found, list) and key.isdigit() and int(key) < len(found):
                found = found[int(key)]
            elif isinstance(found, dict) and key in found:
                found = found[key]
            else:
                return None
        return found

    def start(self, path: Path) -> int:
        """The index of the line where ``path`` (present in the document) is written."""
        return locate(self.source, path) - 1

    def is_header(self, path: Path) -> bool:
        """Whether ``path`` is a table written with its own header (``[budget.x]``, ``[[reported.x]]``)."""
        line = self.lines[self.start(path)].lstrip()
        return line.startswith("[")

    def end(self, first: int) -> int:
        """The index of the last line of the statement starting at line ``first``."""
        if self.lines[first].lstrip().startswith("["):
            return first
        for last in range(first, min(len(self.lines), first + _MAX_STATEMENT_LINES)):
            try:
                tomllib.loads("".join(self.lines[first : last + 1]))
            except tomllib.TOMLDecodeError:
                continue
            return last
        raise self.refused(first, Text("toml.too-long"))

    def table_end(self, path: Path) -> int:
        """The index of the last line of the table at ``path`` (a header table): its last key's end."""
        header = self.start(path)
        table = self.find(path)
        ends = [header]
        for key, value in table.items() if isinstance(table, dict) else ():
            inner = (*path, key)
            if isinstance(value, dict | list) and self.find(inner) is not None and self._own_header(inner):
                continue  # a sub-table written under its own header, after this table's keys
            ends.append(self.end(self.start(inner)))
        return max(ends)

    def _own_header(self, path: Path) -> bool:
        return self.lines[self.start(path)].lstrip().startswith("[")

    def raw(self, path: Path) -> dict[str, str]:
        """The TOML text of each value at ``path`` as the file writes it: an inline table's or a header
        table's keys, or a lone value as ``value``."""
        if self.is_header(path):
            table = self.find(path)
            return {key: self._item(self.start((*path, key)))[1].as_string().strip() for key in table}
        _, item = self._item(self.start(path))
        if isinstance(item, items.InlineTable):
            return {inner.key: value.as_string().strip() for inner, value in item.value.body if inner is not None}
        return {"value": item.as_string().strip()}

    def _item(self, first: int) -> tuple[str, Any]:
        """The key and tomlkit item of the statement starting at line ``first``."""
        statement = "".join(self.lines[first : self.end(first) + 1])
        try:
            body = [(key, item) for key, item in tomlkit.parse(statement).body if key is not None]
        except Exception:  # tomlkit raises its own kinds; tomllib read the same text, so this is rare
            raise self.refused(first, Text("toml.unreadable")) from None
        if len(body) != 1 or isinstance(body[0][1], items.Table | items.AoT):
            raise self.refused(first, Text("toml.dotted"))
        return str(body[0][0].key), body[0][1]

    def refused(self, index: int, why: str) -> LkipError:
        return LkipError(Text("toml.refused", line=index + 1, why=why))

    # -- editing ------------------------------------------------------------------------------

    def set(self, path: Path, value: str) -> None:
        """Give the statement at ``path`` the value ``value``, its comment kept in its column."""
        first = self.start(path)
        if self.end(first) != first:
            raise self.refused(first, Text("toml.several-lines"))
        _, item = self._item(first)
        line = self.lines[first]
        body = line.rstrip("\r\n")
        old, gap, comment = item.as_string(), item.trivia.comment_ws, item.trivia.comment
        core, stripped = (old + gap + comment).rstrip(), body.rstrip()
        if not stripped.endswith(core):
            raise self.refused(first, Text("toml.no-split"))
        prefix = stripped[: len(stripped) - len(core)]
        if comment:  # the comment stays in its column, or close after a longer value
            room = len(old) + len(gap) - len(value)
            value += " " * (room if room >= 1 else max(1, min(len(gap), 2))) + comment
        self._edit(first, 1, [f"{prefix}{value}{line[len(body) :]}"])

    def delete(self, path: Path) -> None:
        first = self.start(path)
        self._edit(first, self.end(first) - first + 1, [])

    def insert_after(self, index: int, lines: Sequence[str]) -> None:
        self._edit(index + 1, 0, list(lines))

    def append(self, lines: Sequence[str]) -> None:
        """A block of lines (a table, a record) at the end of the file, after a blank line."""
        self.tail += ["\n", *lines]

    def add_to_new_section(self, section: str, line: str) -> None:
        """A key of a table the file lacks (``[inputs]``), written at the end with its header."""
        self.new_sections.setdefault(section, []).append(line)

    def header_to_array(self, path: Path) -> None:
        """``[reported.x]`` becomes ``[[reported.x]]``, so that a second record can follow."""
        first = self.start(path)
        line = self.lines[first]
        opening = line.index("[")
        closing = line.index("]", opening)
        self._edit(first, 1, [f"{line[:opening]}[{line[opening : closing + 1]}]{line[closing + 1 :]}"])

    def _edit(self, index: int, removed: int, lines: list[str]) -> None:
        self.edits.append((index, removed, next(self.order), lines))

    def result(self) -> str:
        lines = list(self.lines)
        for index, removed, _, new in sorted(self.edits, key=lambda edit: (edit[0], edit[2]), reverse=True):
            lines[index : index + removed] = new
        for section, keys in self.new_sections.items():
            lines += ["\n", f"[{section}]\n", *keys]
        lines += self.tail
        while len(lines) > 1 and not lines[-1].strip() and not lines[-2].strip():
            lines.pop()  # no run of blank lines at the end
        return "".join(lines)


def write_entry(editor: Editor, path: Path, pairs: Pairs, *, plain: bool, droppable: Collection[str]) -> None:
    """Make the entry at ``path`` (``("inputs", "x")``, ``("budget", "p")``) hold ``pairs``; a lone
    ``value`` is written as a plain number when ``plain``."""
    if editor.find(path) is None:
        _new_entry(editor, path, pairs, plain=plain)
    elif editor.is_header(path):
        edit_table(editor, path, pairs, droppable)
    else:
        lone = plain and [key for key, _ in pairs] == ["value"]
        editor.set(path, pairs[0][1] if lone else inline(pairs))


def edit_table(editor: Editor, path: Path, pairs: Pairs, droppable: Collection[str]) -> None:
    have = editor.raw(path)
    missing = []
    for key, value in pairs:
        if key not in have:
            missing.append(f"{key} = {value}\n")
        elif have[key] != value:
            editor.set((*path, key), value)
    if missing:
        editor.insert_after(editor.table_end(path), missing)
    for key in [key for key in have if key in droppable and key not in dict(pairs)]:
        editor.delete((*path, key))


def _new_entry(editor: Editor, path: Path, pairs: Pairs, *, plain: bool) -> None:
    section, name = path
    lone = plain and [key for key, _ in pairs] == ["value"]
    if plain:  # an input or a realisation: a key of [inputs] / [realisations]
        line = f"{name} = {pairs[0][1] if lone else inline(pairs)}\n"
        if locate(editor.source, (section,)) and editor.is_header((section,)):
            editor.insert_after(editor.table_end((section,)), [line])
        elif all(editor.is_header((section, other)) for other in editor.find((section,)) or {}):
            editor.add_to_new_section(section, line)  # no [inputs] yet, or only [inputs.x] tables
        else:
            raise LkipError(Text("toml.section-dotted", section=section, name=name))
        return
    block = [f"[{section}.{name}]\n", *(f"{key} = {value}\n" for key, value in pairs)]
    written = [(section, other) for other in editor.find((section,)) or {}]
    tables = [entry for entry in written if locate(editor.source, entry) and editor.is_header(entry)]
    if tables:
        editor.insert_after(max(editor.table_end(entry) for entry in tables), ["\n", *block])
    else:
        editor.append(block)


def add_record(editor: Editor, name: str, pairs: Pairs) -> None:
    """One more printed record for ``name``, at the end of the file."""
    found = editor.find(("reported", name))
    if isinstance(found, dict):
        if not editor.is_header(("reported", name)):
            raise LkipError(Text("toml.reported-inline", name=name))
        editor.header_to_array(("reported", name))
    elif isinstance(found, list) and not editor.is_header(("reported", name, "0")):
        raise LkipError(Text("toml.reported-inline-list", name=name))
    editor.append([f"[[reported.{name}]]\n", *(f"{key} = {value}\n" for key, value in pairs)])


def record_path(editor: Editor, name: str, index: int) -> Path:
    """The path of the ``index``-th printed record of ``name`` (a table, or one of an array)."""
    found = editor.find(("reported", name))
    path = ("reported", name, str(index)) if isinstance(found, list) else ("reported", name)
    if not editor.is_header(path):
        raise LkipError(Text("toml.reported-inline-change", name=name))
    return path
