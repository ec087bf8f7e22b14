"""One printed row (a ``[reported]`` entry) of the audit: the record every field is checked on,
and the small helpers the indicator fields and the money fields share.

Fields are taken in order — targets and amounts, then realisations, then what is computed from
them (achievements, serapan, sisa), then categories — so a figure computed from a wrong figure
printed beside it can name that figure as its root instead of counting as a mistake of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from lkip_rules import scoring
from lkip_rules.audit.compare import show
from lkip_rules.audit.finding import Finding, Severity, Unchecked
from lkip_rules.catalog.model import Data, Reported
from lkip_rules.locale.text import Filled, Text
from lkip_rules.results import Results

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

Printed = Mapping[str, tuple[Reported, ...]]
Why = str | Callable[[], str]  # a reason, or how to say it: most rows never need to (their field is not printed)
NOTHING_TO_COMPARE = Text("audit.nothing-to-compare")
NO_BUDGET_LINE = Text("audit.no-budget-line")
NUMERIC = ("target", "realisation", "achievement", "end_target", "end_achievement")
MONEY = ("pagu", "pagu_murni", "realisasi", "serapan", "sisa")
SERAPAN_DECIMALS, SERAPAN_ROUNDING = 2, "half-up"


class Row:
    """The audit of one printed row; ``findings`` and ``checked`` after :meth:`run`."""

    def __init__(
        self,
        catalog: Catalog,
        data: Data,
        results: Results,
        subject: str,
        entry: Reported,
        printed: Printed,
        realised: Callable[[str], Mapping[int, Decimal]],
    ) -> None:
        self.catalog = catalog
        self.data = data
        self.results = results
        self._realised = realised  # an indicator's printed realisation in every year with data
        self.printed = printed  # every row the report printed, to tell what a printed total adds up
        self.subject = subject
        self.entry = entry
        self.found: dict[str, Finding] = {}
        self.done: set[str] = set()  # the fields compared with a right figure
        self.skipped: dict[str, Why] = {}  # field -> why it could not be

    @property
    def checked(self) -> int:
        return len(self.done)

    def check(self, field: str) -> None:
        self.done.add(field)

    def skip(self, field: str, why: Why) -> None:
        """``field`` could not be compared; ``why`` is said only when the row printed that field."""
        self.skipped.setdefault(field, why)

    def unchecked(self) -> list[Unchecked]:
        """Printed figures of the row that had nothing to be compared with, and why."""
        present = [f for f in (*NUMERIC, "category", *MONEY) if getattr(self.entry, f) is not None]
        return [
            Unchecked(
                self.subject,
                f,
                self.entry.year,
                self.entry.where,
                said_why(self.skipped.get(f, NOTHING_TO_COMPARE)),
            )
            for f in present
            if f not in self.done
        ]

    def malformed(self) -> None:
        """Printed text that is no number ("63.129.00"): a finding of its own, whatever the field."""
        for field in (*NUMERIC, *MONEY):
            if isinstance(getattr(self.entry, field), str):
                self.check(field)
                text = getattr(self.entry, field)
                self.add(field, text, "", "malformed", Text("audit.malformed", text=text))

    def add(
        self,
        field: str,
        printed: object,
        computed: object,
        cause: str,
        why: str,
        severity: Severity = "error",
        root: str | None = None,
    ) -> None:
        follows = self.found[root].key if root is not None else None
        self.found[field] = Finding(
            self.subject,
            field,
            self.entry.year,
            show(printed),
            show(computed),
            cause,
            why,
            (self.entry.where,),
            severity,
            follows,
        )

    def realised(self, indicator_id: str) -> dict[int, Decimal]:
        """The indicator's printed realisation in the other years with data."""
        return {year: value for year, value in self._realised(indicator_id).items() if year != self.entry.year}

    def number(self, field: str) -> Decimal | None:
        value = getattr(self.entry, field)
        return value if isinstance(value, Decimal) else None


def said_why(why: Why) -> str:
    return why() if callable(why) else why


def decimals_text(count: int) -> Text:
    return Text("audit.decimal" if count == 1 else "audit.decimals", count=count)


def no_target(field: str, year: int) -> Text:
    """Why a printed target, or what is worked from it, has nothing to be compared with."""
    return Text("audit.no-end-target" if field == "end_target" else "audit.no-target", year=year)


def figure(printed: str) -> object:
    """A figure a finding keeps as text, back to a number to be said in the language."""
    try:
        return Decimal(printed) if printed else printed
    except ArithmeticError:
        return printed


def worked(rule: str, real: Decimal, target: Decimal) -> Filled:
    """The polarity rule with the printed numbers put in: "(2 x 3 - 2.79) / 3 x 100"."""
    if isinstance(rule, Text):  # a range's rule: the polarity rule used in it; a zero target's: as it is
        if "rule" not in rule.params:
            return Filled("{rule}", rule=rule)
        rule = str(rule.params["rule"])
    worked = rule.replace("2T", "2 x {t}").replace("R/T", "{r}/{t}")
    return Filled(worked.replace("R", "{r}").replace("T", "{t}"), r=real, t=target)


def same_target(printed: object, right: scoring.Target) -> bool:
    if isinstance(printed, tuple) and isinstance(right, tuple):
        return bool(printed[0] == right[0] and printed[1] == right[1])
    return isinstance(printed, Decimal) and isinstance(right, Decimal) and printed == right


def names_band(printed: str, code: str, label: str) -> bool:
    return printed.strip().lower() in (code.lower(), label.lower())
