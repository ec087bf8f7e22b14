"""The parts of an XLSX file, read with the standard library before openpyxl sees any of them.

Each part read is walked with expat within a size limit, counting XML elements and refusing a DTD.
A worksheet is also pre-scanned: rows and cells in order and not repeated (openpyxl would silently
drop them), no formula, no value past column Z, at most MAX_SHEET_ROWS rows; the scan notes the last
column holding a value, so openpyxl never pads rows out to column XFD.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from xml.parsers import expat

from lkip_rules.datafiles.cells import letters, show
from lkip_rules.errors import CatalogError
from lkip_rules.locale.text import Grouped, Text

MAX_SHEET_ROWS = 20_000  # a workbook row of four cells takes ~50 µs
MAX_PART_BYTES = 16 * 1024 * 1024  # uncompressed, each workbook part read
MAX_ELEMENTS = 250_000  # sheets and shared strings together: 20,000 rows of four cells need ~220,000
MAX_STYLE_ELEMENTS = 5_000  # openpyxl spends ~40 µs on each; a new workbook's styles have ~100
LAST_COLUMN = 26  # Z: a value further right is refused before openpyxl pads rows out to it
REPACK_HINT = Text("xlsx.repack")  # copy the four columns (input, year, quarter, value) into a new workbook
SPLIT_HINT = Text("xlsx.split")  # split the figures over several files, or save them as CSV
SAVE_AGAIN = Text("xlsx.save-file-again")  # open the file in Excel and save it again

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types "
RELS = "http://schemas.openxmlformats.org/package/2006/relationships "
_ROW, _V, _F, _IS = MAIN + "row", MAIN + "v", MAIN + "f", MAIN + "is"
_R_ID = "http://schemas.openxmlformats.org/officeDocument/2006/relationships id"
_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml."
WORKBOOK_TYPES = (
    _OFFICE + "sheet.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    _OFFICE + "template.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
)
STRINGS_TYPE = _OFFICE + "sharedStrings+xml"
_REF = re.compile(r"([A-Za-z]{1,3})([0-9]+)")
_CHUNK = 1 << 16


class Parts:
    """The parts of a workbook file, read within the limits."""

    def __init__(self, source: zipfile.ZipFile, file: str) -> None:
        self.source = source
        self.file = file
        self.names = set(source.namelist())
        self.types = self.elements("[Content_Types].xml", {TYPES + "Override": 2, TYPES + "Default": 2})

    def elements(self, name: str, wanted: dict[str, int]) -> list[tuple[str, dict[str, str]]]:
        """The elements named in ``wanted`` at their depth (the root is 1), with their attributes."""
        if name not in self.names:
            raise self.damaged(Text("xlsx.no-part", name=name))
        scan = _Collect(self.file, Budget(MAX_ELEMENTS, name), wanted)
        for _ in self.scan(name, scan):
            pass
        return scan.found

    def worksheets(self) -> tuple[list[tuple[str, str]], bool]:
        """(name, part) of each worksheet in order (chartsheets are skipped), and whether dates count
        from 1904."""
        book = self.workbook()
        found = self.elements(book, {MAIN + "sheet": 3, MAIN + "workbookPr": 2})
        date1904 = any(attrs.get("date1904", "").lower() in ("1", "true") for _, attrs in found)
        relationships = self.relationships(book)
        sheets = []
        for tag, attrs in found:
            if tag != MAIN + "sheet":
                continue
            kind, target = relationships.get(attrs.get(_R_ID, ""), ("", ""))
            if not target or (target not in self.names and "chartsheet" not in kind):
                raise self.damaged(Text("xlsx.sheet-missing", sheet=show(attrs.get("name", ""))))
            if "chartsheet" not in kind:
                sheets.append((attrs.get("name", ""), target))
        if not sheets:
            raise CatalogError(Text("xlsx.no-worksheet"), file=self.file, hint=Text("xlsx.figures-first"))
        return sheets, date1904

    def workbook(self) -> str:
        overrides = [attrs for tag, attrs in self.types if tag == TYPES + "Override"]
        for attrs in overrides:
            if attrs.get("ContentType") in WORKBOOK_TYPES:
                return attrs.get("PartName", "").lstrip("/")
        if any(attrs.get("ContentType") in WORKBOOK_TYPES for _, attrs in self.types):
            return "xl/workbook.xml"  # a Default for the .xml extension, as some writers give
        raise self.damaged(Text("xlsx.no-workbook-part"))

    def shared_strings(self) -> str | None:
        for tag, attrs in self.types:
            if tag == TYPES + "Override" and attrs.get("ContentType") == STRINGS_TYPE:
                name = attrs.get("PartName", "").lstrip("/")
                return name if name in self.names else None
        return None

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part) of ``part``; targets resolved as openpyxl does."""
        folder, base = posixpath.split(part)
        found = self.elements(posixpath.join(folder, "_rels", base + ".rels"), {RELS + "Relationship": 2})
        resolved: dict[str, tuple[str, str]] = {}
        for _, attrs in found:
            target = attrs.get("Target", "")
            if attrs.get("TargetMode") != "External":
                target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                resolved[attrs.get("Id", "")] = (attrs.get("Type", ""), target)
        return resolved

    def copy(self, name: str, target: zipfile.ZipFile, as_name: str, scan: Scan) -> None:
        """Part ``name``, checked by ``scan``, into ``target`` as ``as_name``."""
        with target.open(as_name, "w") as writing:
            for chunk in self.scan(name, scan):
                writing.write(chunk)

    def scan(self, name: str, scan: Scan) -> Iterator[bytes]:
        """Part ``name`` chunk by chunk, each checked by ``scan`` first, within the size limit."""
        info = self.source.getinfo(name)
        if info.file_size > MAX_PART_BYTES:  # zipfile never inflates past the size it declares
            size, limit = Grouped(info.file_size), Grouped(MAX_PART_BYTES)
            message = Text("xlsx.part-too-large", name=name, size=size, limit=limit)
            raise CatalogError(message, file=self.file, hint=REPACK_HINT)
        parser = scan.parser()
        with self.source.open(info) as reading:
            while chunk := reading.read(_CHUNK):
                self.feed(parser, chunk, name)
                yield chunk
        self.feed(parser, b"", name, final=True)

    def feed(self, parser: expat.XMLParserType, chunk: bytes, name: str, *, final: bool = False) -> None:
        try:
            parser.Parse(chunk, final)
        except expat.ExpatError as exc:
            raise self.damaged(Text("xlsx.not-xml", name=name, detail=str(exc))) from None

    def damaged(self, why: str) -> CatalogError:
        return CatalogError(Text("xlsx.damaged", why=why), file=self.file, hint=Text("xlsx.save-again"))


class Budget:
    """XML elements left to read in some parts; openpyxl's time grows with them."""

    def __init__(self, limit: int, what: str) -> None:
        self.left = self.limit = limit
        self.what = what

    def spend(self, file: str) -> None:
        self.left -= 1
        if self.left < 0:
            message = Text("xlsx.too-many-elements", limit=Grouped(self.limit), what=self.what)
            raise CatalogError(message, file=file, hint=REPACK_HINT)


class Scan:
    """Walks one XML part with expat: counts its elements and refuses a DTD (no OOXML part has one,
    and its entities could blow a small part up into a huge one)."""

    def __init__(self, file: str, budget: Budget) -> None:
        self.file = file
        self.budget = budget
        self.depth = 0

    def parser(self) -> expat.XMLParserType:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.StartDoctypeDeclHandler = self._doctype
        return parser

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        self.budget.spend(self.file)
        self.depth += 1
        self.start(tag, attrs)

    def _end(self, tag: str) -> None:
        self.end()
        self.depth -= 1

    def _doctype(self, *_: object) -> None:
        raise CatalogError(Text("xlsx.dtd"), file=self.file, hint=REPACK_HINT)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        """An element opens at ``self.depth``."""

    def end(self) -> None:
        """The element at ``self.depth`` closes."""


class _Collect(Scan):
    def __init__(self, file: str, budget: Budget, wanted: dict[str, int]) -> None:
        super().__init__(file, budget)
        self.wanted = wanted
        self.found: list[tuple[str, dict[str, str]]] = []

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if self.wanted.get(tag) == self.depth:
            self.found.append((tag, attrs))


class SheetScan(Scan):
    """Checks a sheet before openpyxl reads it: rows in order and at most MAX_SHEET_ROWS, cells in
    order, no formula, no value past column Z; notes the last column holding a value.

    Like openpyxl, every ``row`` element is a row and every child of a row is a cell. ``sheet`` is
    "sheet Input, " for a sheet of a form (the prefix of every message), "" for the long layout."""

    def __init__(self, file: str, budget: Budget, sheet: str = "") -> None:
        super().__init__(file, budget)
        self.sheet = sheet
        self.row = self.column = self.last_column = 0
        self.row_depth = self.cell_depth = 0  # 0: not inside one

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if self.cell_depth and self.depth == self.cell_depth + 1:
            self.cell_child(tag)
        elif self.row_depth and self.depth == self.row_depth + 1:
            self.cell(attrs.get("r"))
        if tag == _ROW:
            self.open_row(attrs.get("r"))

    def end(self) -> None:
        if self.depth == self.cell_depth:
            self.cell_depth = 0
        elif self.depth == self.row_depth:
            self.row_depth = 0

    def open_row(self, ref: str | None) -> None:
        if self.row_depth:
            raise self.error(Text("xlsx.row-in-row", row=self.row))
        try:
            number = self.row + 1 if ref is None else int(ref)
        except ValueError:
            raise self.error(Text("xlsx.not-row-number", row=self.row, ref=show(ref))) from None
        if number <= self.row:
            raise self.error(Text("xlsx.rows-order", row=number, before=self.row))
        if number > MAX_SHEET_ROWS:
            raise self.error(Text("xlsx.too-many-rows", row=number, limit=Grouped(MAX_SHEET_ROWS)), hint=SPLIT_HINT)
        self.row, self.column, self.row_depth = number, 0, self.depth

    def cell(self, ref: str | None) -> None:
        column = self.column + 1
        if ref is not None:
            match = _REF.fullmatch(ref)
            if match is None or int(match[2]) != self.row:
                raise self.error(Text("xlsx.cell-ref", row=self.row, ref=show(ref)))
            column = sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(match[1].upper())))
        if column <= self.column:
            raise self.error(Text("xlsx.cells-order", cell=f"{letters(column)}{self.row}"))
        self.column, self.cell_depth = column, self.depth

    def cell_child(self, tag: str) -> None:
        here = f"{letters(self.column)}{self.row}"
        if tag == _F:
            raise self.error(Text("xlsx.formula", cell=here), hint=Text("xlsx.paste-values"))
        if tag in (_V, _IS) and self.column > self.last_column:
            if self.column > LAST_COLUMN:
                raise self.error(Text("xlsx.past", cell=here, why=self.past()), hint=None)
            self.last_column = self.column

    def past(self) -> str:
        if self.sheet:
            return Text("xlsx.past-z")
        return Text("xlsx.past-fourth")

    def error(self, message: str, hint: str | None = SAVE_AGAIN) -> CatalogError:
        return CatalogError(Text("prefixed", prefix=self.sheet, text=message), file=self.file, hint=hint)
