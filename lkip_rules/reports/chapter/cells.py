"""Cells of the chapter's tables, with their marks and the notes the marks need.

A figure resting on a provisional (sementara) figure, a target revised after the Perjanjian
Kinerja, and a figure the printed report got wrong (an audit finding of severity error) carry a
:data:`~lkip_rules.reports.model.Flag`; the table gets one note per mark saying what it means.
Findings of severity info (a right figure printed with fewer decimals) are not marked: the
chapter prints the figure in full.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

import attrs

from lkip_rules.audit import Audit, Finding
from lkip_rules.locale import Lang, message, number
from lkip_rules.reports.chapter.words import word
from lkip_rules.reports.model import MARKS, Flag, Number, Range
from lkip_rules.scoring import Target

FindingKey = tuple[str, str, int]  # subject, field, year
HUNDRED = Decimal(100)
EN_DASH = "\u2013"  # between the ends of a range: "7\u20138 hari"


def findings_by_cell(report: Audit | None) -> dict[FindingKey, tuple[Finding, ...]]:
    """The audit's errors by the cell they concern: (subject, field, year)."""
    found: dict[FindingKey, list[Finding]] = {}
    for finding in report or ():
        if finding.severity == "error":
            found.setdefault((finding.subject, finding.field, finding.year), []).append(finding)
    return {key: tuple(items) for key, items in found.items()}


def figure(value: Decimal | None, decimals: int | None = None, flags: tuple[Flag, ...] = ()) -> Number | None:
    """A figure, or nothing."""
    return None if value is None else Number(value, decimals, flags)


def money(value: Decimal | None, flags: tuple[Flag, ...] = ()) -> Number | None:
    """Rupiah: whole."""
    return figure(value, 0, flags)


def target(value: Target | None, flags: tuple[Flag, ...] = ()) -> Number | Range | None:
    """A target as declared: a figure, or a range (low to high)."""
    if isinstance(value, tuple):
        return Range(value[0], value[1], None, flags)
    return figure(value, None, flags)


@attrs.define
class Marks:
    """The flags of one table's cells and the notes under it, gathered while its rows are made.

    Mutable on purpose: one collector lives while one table is built, so each note is written
    once however many cells share it, in the order the cells come.
    """

    lang: Lang
    findings: Mapping[FindingKey, tuple[Finding, ...]]
    names: Mapping[str, str]  # subject id -> its name, for the notes
    year: int
    notes: list[str] = attrs.field(factory=list)

    def audit(self, subject: str, fields: Iterable[str], year: int | None = None) -> tuple[Flag, ...]:
        """ "audit" when the report printed any of ``fields`` of ``subject`` wrong."""
        at = self.year if year is None else year
        found = [f for field in fields for f in self.findings.get((subject, field, at), ())]
        for finding in found:
            self._note(self._audit_note(finding))
        return ("audit",) if found else ()

    def provisional(self, names: Iterable[str]) -> tuple[Flag, ...]:
        """ "provisional" when the figure rests on provisional figures (named in the note)."""
        listed = ", ".join(names)
        if not listed:
            return ()
        self._note(word("provisional_note", self.lang, mark=MARKS["provisional"], names=listed))
        return ("provisional",)

    def revised(self, name: str, signed: Target | None) -> tuple[Flag, ...]:
        """ "revised" when the target in force is not the one signed in the Perjanjian Kinerja."""
        if signed is None:
            return ()
        shown = show_target(signed, self.lang)
        self._note(word("revised_note", self.lang, mark=MARKS["revised"], name=name, signed=shown))
        return ("revised",)

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def _audit_note(self, finding: Finding) -> str:
        name = self.names.get(finding.subject, finding.subject)
        if finding.subject == "total":
            name = word("the_total", self.lang)
        at = word("audit_year", self.lang, year=finding.year) if finding.year != self.year else ""
        what = word(f"f_{finding.field}", self.lang) if f"f_{finding.field}" in _FIELDS else finding.field
        printed = _printed(finding.printed, self.lang)
        if not finding.computed:  # no number to compare: the print is malformed
            return word(
                "audit_malformed", self.lang, mark=MARKS["audit"], what=what, name=name, year=at, printed=printed
            )
        why = _sentence(message(finding.explanation, self.lang))
        computed = _printed(finding.computed, self.lang)
        return word(
            "audit_note",
            self.lang,
            mark=MARKS["audit"],
            what=what,
            name=name,
            year=at,
            printed=printed,
            computed=computed,
            why=why,
        ).strip()


_FIELDS = frozenset(
    f"f_{field}"
    for field in (
        "target",
        "realisation",
        "achievement",
        "category",
        "end_target",
        "end_achievement",
        "pagu",
        "pagu_murni",
        "realisasi",
        "serapan",
        "sisa",
    )
)


def show_target(value: Target, lang: Lang) -> str:
    """A target in words: "20", or a range "7\u20138" (an en dash)."""
    if isinstance(value, tuple):
        return f"{number(value[0], lang)}{EN_DASH}{number(value[1], lang)}"
    return number(value, lang)


def _printed(text: str, lang: Lang) -> str:
    """A printed or computed figure of a finding in the report's number format; text as it stands."""
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return f"“{text}”"
    return number(value, lang) if value.is_finite() else f"“{text}”"


def _sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
