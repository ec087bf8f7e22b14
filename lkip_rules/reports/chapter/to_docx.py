"""The chapter as a Word document (python-docx, the ``word`` extra, imported only here).

Everything uses Word's built-in styles, so a planner edits the document as any other: the
chapter's title is Heading 1, its parts Heading 2, each sasaran Heading 3 and each indicator
Heading 4; text is Normal; captions are Caption, with a SEQ field so Word renumbers them and
builds a list of tables or figures; tables are "Table Grid". A4, 2 cm side margins, the page
number in the footer. Charts are 300 dpi PNGs at the width of the text.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from lkip_rules._optional import require
from lkip_rules.reports.chapter import pictures
from lkip_rules.reports.chapter.show import (
    NUMERIC,
    clean,
    indented,
    marks,
    spans,
    top_of_tree,
    value_text,
)
from lkip_rules.reports.chapter.words import when, word
from lkip_rules.reports.model import Column, Figure, Paragraph, Report, Row, Section, Table

if TYPE_CHECKING:
    from docx.document import Document
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.table import Table as DocTable
    from docx.table import _Cell, _Row
    from docx.text.paragraph import Paragraph as DocParagraph

TEXT_WIDTH_CM = 17.0  # A4 (21 cm) less 2 cm on each side
FIGURE_WIDTH_CM = 16.0
TABLE_FONT_PT = 8.5
NOTE_FONT_PT = 8.0
HEADER_FILL = "D9D9D9"
GROUP_FILL = "F2F2F2"
# Widths of the columns that hold short things (cm); text columns share what is left.
WIDTH_BY_KEY = {"unit": 1.7, "year": 1.5, "trend": 1.9, "code": 1.8}
WIDTH_BY_KIND = {"number": 2.2, "percent": 2.3, "money": 2.9, "category": 2.3, "status": 2.3}
MIN_TEXT_CM = 3.0
LANDSCAPE_TEXT_WIDTH_CM = 25.7  # A4 on its side, the same margins
NARROW_TEXT_CM = 4.5  # a table whose names would be narrower than this is printed on a landscape page


def write_docx(report: Report, path: Path) -> Path:
    """Write ``report`` to ``path`` as a .docx file; the path written."""
    require("docx", "word")
    path.write_bytes(docx_bytes(report))
    return path


def docx_bytes(report: Report) -> bytes:
    """The document as the bytes of a .docx file."""
    require("docx", "word")
    import docx

    document = docx.Document()
    _page(document)
    _normal(document)
    document.add_heading(clean(report.title), level=1)
    subtitle = document.add_paragraph(clean(f"{report.agency} \u2014 {_when(report)}"))
    subtitle.alignment = _align("center")
    for section in report.sections:
        _section(document, section, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _when(report: Report) -> str:
    return when(report.year, report.quarter, report.lang)


def _page(document: Document) -> None:
    from docx.shared import Cm

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = _align("center")
    _field(footer, "PAGE", "1")


def _normal(document: Document) -> None:
    """Normal text in Arial 11 with room after each paragraph, as LKIP documents are written."""
    from docx.shared import Pt

    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)


def _section(document: Document, section: Section, report: Report) -> None:
    _turn(document, landscape=_wide_section(section))
    document.add_heading(clean(section.title), level=min(section.level + 1, 9))
    for block in section.blocks:
        if isinstance(block, Section):
            _section(document, block, report)
        elif isinstance(block, Table):
            _table(document, block, report)
        elif isinstance(block, Figure):
            _figure(document, block, report)
        else:
            _paragraph(document, block)


def _paragraph(document: Document, block: Paragraph) -> None:
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(6)  # clear of a table above
    run = paragraph.add_run(clean(block.text))
    if block.style == "placeholder":  # where the planner writes: highlighted, to be replaced
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.italic = True
    elif block.style == "note":
        run.italic = True
    else:
        paragraph.alignment = _align("justify")


def _caption(document: Document, label: str, number: str, title: str) -> DocParagraph:
    """ "Tabel 3.12 <title>" in the Caption style; the 12 is a SEQ field Word keeps counting."""
    from docx.shared import Pt

    chapter, _, sequence = number.rpartition(".")
    paragraph = document.add_paragraph(style="Caption")
    paragraph.paragraph_format.space_before = Pt(10)
    paragraph.add_run(f"{label} {chapter}." if chapter else f"{label} ")
    _field(paragraph, f"SEQ {label} \\* ARABIC", sequence)
    paragraph.add_run(clean(f" {title}"))
    return paragraph


def _field(paragraph: DocParagraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, SEQ) with the text it shows until Word updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _notes(document: Document, notes: tuple[str, ...]) -> None:
    from docx.shared import Pt

    for note in notes:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(clean(note))
        run.font.size = Pt(NOTE_FONT_PT)
        paragraph.paragraph_format.space_after = Pt(2)


def _figure(document: Document, figure: Figure, report: Report) -> None:
    """The chart, then its caption; the chart itself prints its notes (what has no figure)."""
    from docx.shared import Cm

    picture = document.add_paragraph()
    picture.alignment = _align("center")
    picture.paragraph_format.keep_with_next = True
    png = pictures.draw(figure, "png", report.lang)
    picture.add_run().add_picture(io.BytesIO(png), width=Cm(FIGURE_WIDTH_CM))
    caption = _caption(document, word("figure", report.lang), figure.number, figure.title)
    caption.alignment = _align("center")


def _table(document: Document, table: Table, report: Report) -> None:
    landscape = _wide(table)
    _turn(document, landscape)
    widths = column_widths(table.columns, LANDSCAPE_TEXT_WIDTH_CM if landscape else TEXT_WIDTH_CM)
    caption = _caption(document, word("table", report.lang), table.number, table.title)
    caption.paragraph_format.keep_with_next = True
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = document.styles["Table Grid"]
    grid.autofit = False
    header = grid.rows[0]
    _keep_row(header, repeat=True)
    for cell, column in zip(header.cells, table.columns, strict=True):
        _write(cell, clean(column.title), bold=True, align="center")
        _fill(cell, HEADER_FILL)
    name_column = indented(table)
    for row in table.rows:
        added = grid.add_row()
        _keep_row(added, repeat=False)
        _row(added.cells, row, table, report, name_column)
    for position, width in enumerate(widths):
        _width(grid, position, width)
    _notes(document, table.notes)


def _wide(table: Table) -> bool:
    """Whether the table's names would be squeezed upright: long names beside many figures."""
    widths = column_widths(table.columns)
    return any(width < NARROW_TEXT_CM for width, c in zip(widths, table.columns, strict=True) if _shares(c))


def _wide_section(section: Section) -> bool:
    """A section of text and wide tables only (the efficiency, the budget realisation) is printed
    on landscape pages whole, its heading with its tables."""
    tables = [block for block in section.blocks if isinstance(block, Table)]
    others = [block for block in section.blocks if isinstance(block, (Section, Figure))]
    return bool(tables) and not others and all(_wide(table) for table in tables)


def _turn(document: Document, landscape: bool) -> None:
    """Go on on a new page turned the other way, when the page is not already so (A4 on its side
    for wide tables, upright for the rest); the footer goes on."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm

    wanted = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if document.sections[-1].orientation == wanted:
        return
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = wanted
    long, short = Cm(29.7), Cm(21)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def _row(cells: tuple[_Cell, ...] | list[_Cell], row: Row, table: Table, report: Report, name_column: int) -> None:
    bold = row.kind in ("group", "total") or top_of_tree(table, row)
    if spans(row):
        merged = cells[0].merge(cells[-1])
        _write(merged, value_text(row.cells[0], table.columns[0], report.lang), bold=True)
        _fill(merged, GROUP_FILL)
        return
    for position, (cell, value, column) in enumerate(zip(cells, row.cells, table.columns, strict=True)):
        numeric = column.kind in NUMERIC
        indent = row.depth if position == name_column else 0
        shown = value_text(value, column, report.lang, row)
        _write(cell, shown, bold, "right" if numeric else "left", indent, marks(value))
        if row.kind == "group":
            _fill(cell, GROUP_FILL)


def _write(cell: _Cell, text: str, bold: bool = False, align: str = "left", indent: int = 0, mark: str = "") -> None:
    from docx.shared import Cm, Pt

    paragraph = cell.paragraphs[0]
    paragraph.alignment = _align(align)
    paragraph.paragraph_format.space_after = Pt(0)
    if indent:
        paragraph.paragraph_format.left_indent = Cm(0.35 * indent)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(TABLE_FONT_PT)
    if mark:
        sign = paragraph.add_run(mark)
        sign.font.superscript = True
        sign.font.size = Pt(TABLE_FONT_PT)


def column_widths(columns: tuple[Column, ...], page: float = TEXT_WIDTH_CM) -> list[float]:
    """Each column's width in cm: short things fixed, text sharing the rest, within ``page``."""
    fixed = [None if _shares(c) else WIDTH_BY_KEY.get(c.key, WIDTH_BY_KIND.get(c.kind, 2.0)) for c in columns]
    texts = sum(1 for width in fixed if width is None)
    left = page - sum(width for width in fixed if width is not None)
    share = max(MIN_TEXT_CM, left / texts) if texts else 0.0
    widths = [width if width is not None else share for width in fixed]
    scale = min(1.0, page / sum(widths))
    return [width * scale for width in widths]


def _shares(column: Column) -> bool:
    """A column of names, which takes the width the short columns leave."""
    return column.kind == "text" and column.key not in WIDTH_BY_KEY


def _width(grid: DocTable, position: int, width_cm: float) -> None:
    from docx.shared import Cm

    grid.columns[position].width = Cm(width_cm)
    for cell in grid.columns[position].cells:
        cell.width = Cm(width_cm)


def _keep_row(row: _Row, repeat: bool) -> None:
    """No row breaks across pages; the header row is repeated on every page the table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader") if repeat else ("w:cantSplit",):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)


def _fill(cell: _Cell, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _align(name: str) -> WD_PARAGRAPH_ALIGNMENT:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[name]
