"""XLSX workbooks, read safely: every part checked with the standard library before openpyxl sees it.

The workbook is opened with zipfile and each part read is checked (:mod:`.xlsxparts`); the sheets
read are then repacked alone with their shared strings and styles, so openpyxl (extra ``excel``)
parses nothing else and never more than the limits allow. The sheets read are the first worksheet
(the long layout), or — in a catalog's form, recognised by its sheet ``lkip`` — the form's data
sheets and that marker sheet, each checked like the first worksheet of the long layout.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lkip_rules._optional import require
from lkip_rules.catalog.model import Data
from lkip_rules.datafiles import formlayout
from lkip_rules.datafiles.cells import cell_place, short
from lkip_rules.datafiles.form import REMAKE, Row, form_data
from lkip_rules.datafiles.layout import collect
from lkip_rules.datafiles.xlsxparts import (
    MAIN,
    MAX_ELEMENTS,
    MAX_STYLE_ELEMENTS,
    RELS,
    STRINGS_TYPE,
    TYPES,
    WORKBOOK_TYPES,
    Budget,
    Parts,
    Scan,
    SheetScan,
)
from lkip_rules.errors import CatalogError
from lkip_rules.locale.text import Items, Text

FORM_SHEETS = (*formlayout.DATA_SHEETS, formlayout.MARKER_SHEET)
FIRST = "data"  # the repacked name of the first worksheet, in the long layout
Sheets = list[tuple[str, int]]  # (name, columns to read) of each sheet repacked, in order


def xlsx_data(path: Path, file: str) -> Data:
    """The figures of a workbook: a catalog's form, or the long layout on its first sheet."""
    package, sheets = _repack(path, file)
    rows = _read(package, sheets, file)
    if FIRST in rows:
        return collect(file, rows[FIRST], cell_place)
    return form_data(file, rows)


def _read(package: io.BytesIO, sheets: Sheets, file: str) -> dict[str, list[Row]]:
    openpyxl = require("openpyxl", "excel")
    found: dict[str, list[Row]] = {}
    name, rows = FIRST, []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about parts it does not need, such as a missing style
        try:
            book = openpyxl.load_workbook(package, read_only=True, data_only=True)
            for name, columns in sheets:
                rows = found.setdefault(name, [])
                sheet = book[name]
                sheet.reset_dimensions()  # a stale <dimension> would cut the last rows off
                for cells in sheet.iter_rows(min_row=1, min_col=1, max_col=columns, values_only=True):
                    rows.append((len(rows) + 1, cells))
            book.close()
        except Exception as exc:  # openpyxl raises many kinds for a damaged part
            where = Text("xlsx.sheet-prefix", sheet=name) if name != FIRST else ""
            after = Text("xlsx.after-row", row=len(rows)) if rows else ""
            raise _unreadable(file, exc, Text("prefixed", prefix=where, text=after)) from None
    return found


def _unreadable(file: str, exc: Exception, where: str = "") -> CatalogError:
    if isinstance(exc, zipfile.BadZipFile):
        return CatalogError(Text("xlsx.not-a-workbook", detail=str(exc)), file=file, hint=Text("xlsx.save-as-xlsx"))
    detail = short(str(exc) or type(exc).__name__, 200)
    return CatalogError(
        Text("xlsx.cannot-read", where=where, detail=detail), file=file, hint=Text("xlsx.save-again-xlsx")
    )


def _repack(path: Path, file: str) -> tuple[io.BytesIO, Sheets]:
    """A workbook of the sheets read alone, with their shared strings and styles, every part checked
    (size, XML elements, no DTD) on the way; and how many columns of each sheet to read."""
    try:
        with zipfile.ZipFile(path) as source:
            parts = Parts(source, file)
            worksheets, date1904 = parts.worksheets()
            chosen = _chosen(worksheets, file)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as target:
                what = Text("xlsx.first-sheet" if chosen[0][0] == FIRST else "xlsx.sheets")
                budget = Budget(MAX_ELEMENTS, what)
                sheets: Sheets = []
                for number, (name, part) in enumerate(chosen, start=1):
                    scan = SheetScan(file, budget, Text("xlsx.sheet-prefix", sheet=name) if name != FIRST else "")
                    parts.copy(part, target, f"xl/worksheets/sheet{number}.xml", scan)
                    sheets.append((name, max(4, scan.last_column)))
                strings = parts.shared_strings()
                if strings is not None:
                    parts.copy(strings, target, "xl/sharedStrings.xml", Scan(file, budget))
                if "xl/styles.xml" in parts.names:  # where openpyxl looks for them
                    styles = Scan(file, Budget(MAX_STYLE_ELEMENTS, Text("xlsx.styles")))
                    parts.copy("xl/styles.xml", target, "xl/styles.xml", styles)
                _skeleton(target, [name for name, _ in sheets], strings is not None, date1904)
    except CatalogError:
        raise
    except Exception as exc:  # zipfile and expat raise many kinds for a damaged file
        raise _unreadable(file, exc) from None
    out.seek(0)
    return out, sheets


def _chosen(worksheets: list[tuple[str, str]], file: str) -> list[tuple[str, str]]:
    """(name, part) of the sheets to read: a form's (when it has the marker sheet), else the first
    worksheet, named FIRST."""
    by_name = dict(worksheets)
    if formlayout.MARKER_SHEET not in by_name:
        return [(FIRST, worksheets[0][1])]
    missing = [name for name in FORM_SHEETS if name not in by_name]
    if missing:
        listed = Items(repr(name) for name in missing)
        message = Text("xlsx.form-without-sheets", marker=repr(formlayout.MARKER_SHEET), missing=listed)
        raise CatalogError(message, file=file, hint=REMAKE)
    return [(name, by_name[name]) for name in FORM_SHEETS]


def _skeleton(target: zipfile.ZipFile, names: list[str], strings: bool, date1904: bool) -> None:
    """The package parts around the copied ones: one workbook of the sheets, named as they were."""
    strings_type = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{STRINGS_TYPE}"/>' if strings else ""
    target.writestr(
        "[Content_Types].xml",
        f'<Types xmlns="{TYPES.strip()}">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{WORKBOOK_TYPES[0]}"/>{strings_type}</Types>',
    )
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    numbers = range(1, len(names) + 1)
    target.writestr(
        "xl/_rels/workbook.xml.rels",
        f'<Relationships xmlns="{RELS.strip()}">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="{office}/worksheet" Target="worksheets/sheet{n}.xml"/>' for n in numbers
        )
        + "</Relationships>",
    )
    sheets = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>' for n, name in zip(numbers, names, strict=True)
    )
    target.writestr(
        "xl/workbook.xml",
        f'<workbook xmlns="{MAIN.strip()}" xmlns:r="{office}">'
        + ('<workbookPr date1904="1"/>' if date1904 else "")
        + f"<sheets>{sheets}</sheets></workbook>",
    )
