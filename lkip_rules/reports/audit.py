"""The audit for people: a summary line and a table with each finding under its root, in the
language asked for — fields, causes and explanations in its words, figures in its number format,
and the common words of a location ("prose line 726") said in it too."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from rich.table import Table

from lkip_rules.audit import Audit, Finding
from lkip_rules.locale import Lang, number
from lkip_rules.locale.text import Text

HEADERS = {
    "en": ("Where", "Subject", "Field", "Printed", "Right", "Cause", "Explanation"),
    "id": ("Letak", "Pokok", "Isian", "Tercetak", "Seharusnya", "Penyebab", "Penjelasan"),
}


def summary(report: Audit, lang: Lang, width: int = 0) -> str:
    """How many printed figures were checked, and how many are wrong: never a bare "no differences".
    Lines are wrapped at ``width`` when one is given."""
    if not report.checked:
        return Text("audit.nothing-printed", year=report.year).said(lang)
    counts = {
        "checked": Decimal(report.checked),
        "errors": Decimal(len(report.errors)),
        "infos": Decimal(len(report.infos)),
    }
    head = Text("audit.summary", catalog=report.catalog, year=report.year, **counts).said(lang)
    skipped = len(report.unchecked)
    tail = Text("audit.summary-unchecked", count=Decimal(skipped)).said(lang) if skipped else "."
    lines = [head + tail]
    lines += [
        f"  {u.subject} {field(u.field, lang)} {u.year} ({place(u.where, lang)}): {_said(u.why, lang)}"
        for u in report.unchecked
    ]
    if width:
        lines = [_wrap(line, width, line[: len(line) - len(line.lstrip())], "    ") for line in lines]
    return "\n".join(lines)


def table(report: Audit, findings: Sequence[Finding], lang: Lang) -> Table:
    """One row per finding; a finding that follows from another is indented under it."""
    grid = Table(title=f"Audit {report.catalog} {report.year}")
    for header in HEADERS[lang]:
        grid.add_column(header, overflow="fold")
    for f in findings:
        where = "; ".join(place(w, lang) for w in f.where) + (f" [{f.year}]" if f.year != report.year else "")
        subject = f"  ↳ {f.subject}" if f.root is not None else f.subject
        grid.add_row(
            where,
            subject,
            field(f.field, lang),
            figure(f.printed, lang),
            figure(f.computed, lang),
            cause(f, lang),
            _said(f.explanation, lang),
        )
    return grid


def blocks(report: Audit, findings: Sequence[Finding], lang: Lang, width: int) -> str:
    """The findings for a narrow terminal: a numbered block each, no line wider than ``width``
    (a seven-column table at 80 columns folds every word); a finding that follows from another
    is indented under it."""
    where_h, _, _, printed_h, right_h, cause_h, _ = HEADERS[lang]
    out: list[str] = []
    for n, f in enumerate(findings, start=1):
        indent = "      " if f.root is not None else "    "
        where = "; ".join(place(w, lang) for w in f.where) + (f" [{f.year}]" if f.year != report.year else "")
        mark = "↳ " if f.root is not None else ""
        lines = [
            f"{indent[:-4]}{n:>2}. {mark}{f.subject}, {field(f.field, lang)}",
            f"{where_h}: {where}",
            f"{printed_h}: {figure(f.printed, lang) or '-'}; {right_h.lower()}: {figure(f.computed, lang) or '-'}; "
            f"{cause_h.lower()}: {cause(f, lang)}",
            _said(f.explanation, lang),
        ]
        out.append(_wrap(lines[0], width, "", indent + "  "))
        out.extend(_wrap(line, width, indent, indent) for line in lines[1:] if line)
    return "\n".join(out)


def _wrap(text: str, width: int, first: str, rest: str) -> str:
    return textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)


def field(name: str, lang: Lang) -> str:
    """A printed row's field: its code in English ("end_target"), words in Indonesian."""
    return Text(f"field.{name}").said(lang) if f"field.{name}" in _FIELDS else name


def cause(finding: Finding, lang: Lang) -> str:
    """The likely cause, marked when it is a note (severity info) rather than a mistake."""
    said = Text(f"cause.{finding.cause}") if f"cause.{finding.cause}" in _FIELDS else finding.cause
    return Text("cause.info", cause=said).said(lang) if finding.severity == "info" else _said(said, lang)


def figure(text: str, lang: Lang) -> str:
    """A figure as the finding keeps it (exact digits as text), in the language's number format:
    914028030 as 914.028.030; a range [7, 8] as 7–8; text that is no number as it was printed."""
    if lang == "en" or not text:
        return text
    if text.startswith("[") and text.endswith("]"):
        parts = text[1:-1].split(", ")
        return "–".join(figure(part, lang) for part in parts) if len(parts) == 2 else text
    if ", " in text:  # several targets: "0, 7"
        return "; ".join(figure(part, lang) for part in text.split(", "))
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    return number(value, lang) if value.is_finite() else text


# The data file says where each printed figure is; the bundled catalog writes it with a handful of
# words ("Tabel 3.9 no. 1 (line 905), 2024 columns", "prose line 726"). A location made of those
# words only is said in Indonesian; any other text (a note, an indicator's source) is the
# planner's own and shown as written, never half translated.
_LOCATION_WORDS = frozenset(
    [
        "prose",
        "line",
        "lines",
        "row",
        "columns",
        "target",
        "sentence",
        "worked",
        "computation",
        "no",
        "program",
        "kegiatan",
        "sub",
    ]
)
_PLACE_ID: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bprose lines? "), "naskah baris "),
    (re.compile(r"\blines? (?=\d)"), "baris "),
    (re.compile(r"\b(\d{4}) columns\b"), r"kolom \1"),
    (re.compile(r"\brow ([IVX]+)\b"), r"baris \1"),
    (re.compile(r"\b([A-Z]\w*(?: [A-Z]\w*)*) row\b"), r"baris \1"),
    (re.compile(r"\btarget sentence\b"), "kalimat target"),
    (re.compile(r"\bworked computation\b"), "uraian perhitungan"),
)


def place(where: str, lang: Lang) -> str:
    """Where a figure was printed, its common words in the language asked for."""
    if lang == "en" or not set(re.findall(r"\b[a-z]+\b", where)) <= _LOCATION_WORDS:
        return where
    for pattern, replacement in _PLACE_ID:
        where = pattern.sub(replacement, where)
    return where


def _said(text: str, lang: Lang) -> str:
    return text.said(lang) if isinstance(text, Text) else text


def _keys() -> frozenset[str]:
    from lkip_rules.locale.messages import MESSAGES

    return frozenset(key for key in MESSAGES if key.startswith(("field.", "cause.")))


_FIELDS = _keys()
