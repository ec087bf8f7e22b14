"""One printed row (a ``[reported]`` entry): each figure in it against the right one.

Fields are taken in order — targets and amounts, then realisations, then what is computed from
them (achievements, serapan, sisa), then categories — so a figure computed from a wrong figure
printed beside it can name that figure as its root instead of counting as a mistake of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING

import attrs

from lkip_rules import scoring
from lkip_rules.audit.compare import MODE_WORDS, other_rounding, places, said, short, show, verdict
from lkip_rules.audit.finding import Finding, Severity, Unchecked, table_of
from lkip_rules.budget import absorption
from lkip_rules.catalog.model import Data, Reported
from lkip_rules.locale.text import Filled, Items, Text
from lkip_rules.results import IndicatorResult, Results

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

Printed = Mapping[str, tuple[Reported, ...]]
Why = str | Callable[[], str]  # a reason, or how to say it: most rows never need to (their field is not printed)
_NOTHING_TO_COMPARE = Text("audit.nothing-to-compare")
_NO_BUDGET_LINE = Text("audit.no-budget-line")
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
                _said(self.skipped.get(f, _NOTHING_TO_COMPARE)),
            )
            for f in present
            if f not in self.done
        ]

    def run(self) -> list[Finding]:
        for field in (*NUMERIC, *MONEY):
            if isinstance(getattr(self.entry, field), str):
                self.check(field)
                text = getattr(self.entry, field)
                self.add(field, text, "", "malformed", Text("audit.malformed", text=text))
        if self.subject in self.catalog.indicators:
            _IndicatorRow(self).run()
        _MoneyRow(self).run()
        return list(self.found.values())

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


class _IndicatorRow:
    def __init__(self, row: Row) -> None:
        self.row = row
        self.entry = row.entry
        self.result: IndicatorResult = row.results[row.subject]
        self.ind = row.catalog.indicators[row.subject]
        self.policy = self.ind.policy

    def run(self) -> None:
        self.target("target", self.result.target)
        end = self.result.end_target
        self.target("end_target", end.target if end is not None else None)
        self.realisation()
        self.achievement("achievement", self.result.target, "target")
        self.achievement("end_achievement", end.target if end is not None else None, "end_target")
        self.category()

    def _not_computed(self) -> str:
        why = Text("audit.no-figure", status=Text(f"status.{self.result.status}"))
        return Text("with-detail", text=why, detail=self.result.message) if self.result.message else why

    def target(self, field: str, right: scoring.Target | None) -> None:
        printed = getattr(self.entry, field)
        if right is None:
            self.row.skip(field, partial(_no_target, field, self.entry.year))
        if printed is None or isinstance(printed, str) or right is None:
            return
        self.row.check(field)
        if _same_target(printed, right):
            return
        what = Text("audit.what-end-target" if field == "end_target" else "audit.what-target")
        if self.entry.quarter is not None and field == "target":
            what = Text("audit.what-quarter-target", quarter=Text(f"quarter.{self.entry.quarter}"))
        signed = self.ind.initial_target(self.entry.year) if field == "target" else None
        if signed is not None and _same_target(printed, signed):
            why = Text("audit.signed-target", printed=said(printed), right=said(right))
        else:
            shown = {"printed": said(printed), "right": said(right)}
            why = Text("audit.scored-against", what=what, year=self.entry.year, **shown)
        self.row.add(field, printed, right, "two-targets", why)

    def realisation(self) -> None:
        printed, exact, right = self.row.number("realisation"), self.result.realisation_exact, self.result.realisation
        if printed is None or exact is None or right is None:
            self.row.skip("realisation", self._not_computed)
            return
        self.row.check("realisation")
        found = verdict(printed, exact, right, self.policy.decimals, self.policy.rounding)
        if found == "right":
            return
        if found == "shorter":
            self.row.add("realisation", printed, right, "precision", self._shorter(printed, right), "info")
            return
        mode = other_rounding(printed, exact, self.policy.rounding)
        copied = [year for year, value in self.row.realised(self.ind.id).items() if value == printed]
        why: str
        if mode is not None:
            cause, why = "rounding", self._rounding(exact, mode, printed, right)
        elif copied:
            cause = "copied"
            why = Text("audit.copied-realisation", other=copied[0], year=self.entry.year, right=right)
        elif self.row.number("achievement") == printed:
            cause, why = "arithmetic", Text("audit.achievement-as-realisation", right=right)
        else:
            cause, why = "arithmetic", Text("audit.figures-give", exact=short(exact), right=right)
        self.row.add("realisation", printed, right, cause, why)

    def achievement(self, field: str, target: scoring.Target | None, target_field: str) -> None:
        printed = self.row.number(field)
        if printed is not None and self.ind.aggregated and field == "achievement":
            self._aggregated(printed)  # a parent: its achievement comes from its children
            return
        if target is None:
            self.row.skip(field, partial(_no_target, target_field, self.entry.year))
        if printed is None or target is None or self.result.realisation_exact is None:
            self.row.skip(field, self._not_computed)
            return
        score = scoring.achievement(self.result.realisation_exact, target, self.policy)
        right, exact = score.achievement, score.achievement_exact
        if right is None or exact is None:
            status = Text(f"status.{score.status}")
            self.row.skip(field, partial(Text, "audit.achievement-not-ok", status=status, why=score.message))
            return
        self.row.check(field)
        found = verdict(printed, exact, right, self.policy.decimals, self.policy.rounding)
        if found == "shorter":
            self.row.add(field, printed, right, "precision", self._shorter(printed, right), "info")
        elif found == "wrong":
            cause, why, root = self._why_achievement(printed, right, exact, target, target_field)
            self.row.add(field, printed, right, cause, why, root=root)

    def _aggregated(self, printed: Decimal) -> None:
        right, exact = self.result.achievement, self.result.achievement_exact
        if right is None or exact is None:
            self.row.skip("achievement", self._not_computed)
            return
        self.row.check("achievement")
        found = verdict(printed, exact, right, self.policy.decimals, self.policy.rounding)
        if found == "shorter":
            self.row.add("achievement", printed, right, "precision", self._shorter(printed, right), "info")
        elif found == "wrong":
            why = Text("audit.aggregate-gives", rule=self.result.rule, right=right)
            self.row.add("achievement", printed, right, "arithmetic", why)

    def _why_achievement(
        self, printed: Decimal, right: Decimal, exact: Decimal, target: scoring.Target, target_field: str
    ) -> tuple[str, str, str | None]:
        own = self._from_printed(target_field)
        if own is not None:
            worked, score = own
            assert score.achievement is not None and score.achievement_exact is not None
            if verdict(printed, score.achievement_exact, score.achievement, self.policy.decimals, "half-up") != "wrong":
                return self._follows(printed, right, worked, target_field)
            mode = other_rounding(printed, score.achievement_exact, self.policy.rounding)
            if mode is not None:
                why = Text(
                    "audit.rounding-worked",
                    worked=worked,
                    exact=short(score.achievement_exact),
                    mode=MODE_WORDS[mode],
                    printed=printed,
                    rule=self._rule(),
                    right=right,
                )
                return "rounding", why, None
        mode = other_rounding(printed, exact, self.policy.rounding)
        if mode is not None:
            return "rounding", self._rounding(exact, mode, printed, right), None
        shortened = self._shortened(printed, target)
        if shortened is not None:
            return "precision", shortened, None
        if own is not None:
            beside = Text("audit.right-achievement-beside", right=right, worked=own[0], given=own[1].achievement)
            return "arithmetic", beside, None
        return "arithmetic", Text("audit.right-achievement", right=right), None

    def _rounding(self, exact: Decimal, mode: str, printed: Decimal, right: Decimal) -> str:
        """The exact figure rounded another way gives the printed one."""
        return Text(
            "audit.rounding", exact=short(exact), mode=MODE_WORDS[mode], printed=printed, rule=self._rule(), right=right
        )

    def _follows(
        self, printed: Decimal, right: Decimal, worked: object, target_field: str
    ) -> tuple[str, str, str | None]:
        real = self.row.found.get("realisation")
        if real is not None:
            cause = "precision" if real.cause == "precision" else "follows"
            key = "audit.follows-short-realisation" if cause == "precision" else "audit.follows-wrong-realisation"
            why = Text(
                key,
                printed=printed,
                real=_figure(real.printed),
                worked=worked,
                computed=_figure(real.computed),
                right=right,
                band=self._band_change(printed, right),
            )
            return cause, why, "realisation"
        aim = self.row.found.get(target_field)
        if aim is not None:
            why = Text(
                "audit.follows-target",
                printed=printed,
                target=_figure(aim.printed),
                computed=_figure(aim.computed),
                right=right,
            )
            return "follows", why, target_field
        basis = "audit.by-rules-exact" if self.policy.basis == "exact" else "audit.by-rules-printed"
        return "arithmetic", Text(basis, worked=worked, right=right), None

    def _from_printed(self, target_field: str) -> tuple[Filled, scoring.Score] | None:
        """The achievement the row's own printed realisation and target give, worked out."""
        real, target = self.row.number("realisation"), getattr(self.entry, target_field)
        if target is None and target_field == "target":
            target = self.result.target
        if real is None or target is None or isinstance(target, str):
            return None
        policy = attrs.evolve(self.policy, basis="exact")
        score = scoring.achievement(real, target, policy)
        if score.achievement is None:
            return None
        bound = target if not isinstance(target, tuple) else target[0 if real < target[0] else 1]
        return _worked(score.rule, real, bound), score

    def _shortened(self, printed: Decimal, target: scoring.Target) -> str | None:
        """Does the printed achievement follow from the realisation shortened to fewer decimals?"""
        exact = self.result.realisation_exact
        assert exact is not None
        for decimals in range(self.policy.decimals):
            shortened = scoring.round_value(exact, decimals, self.policy.rounding)
            score = scoring.achievement(shortened, target, attrs.evolve(self.policy, basis="exact"))
            if score.achievement is None or score.achievement_exact is None:
                continue
            if verdict(printed, score.achievement_exact, score.achievement, self.policy.decimals, "half-up") != "wrong":
                return Text(
                    "audit.shortened",
                    shortened=shortened,
                    decimals=_decimals(decimals),
                    realisation=self.result.realisation,
                    achievement=self.result.achievement,
                    band=self._band_change(printed, self.result.achievement),
                )
        return None

    def category(self) -> None:
        printed = self.entry.category
        right = self.result.achievement
        scale = self.row.catalog.scales.get(self.ind.scale)
        if printed is None or right is None or scale is None:
            self.row.skip("category", self._not_computed)
            return
        self.row.check("category")
        band = scale.category(right)
        if _names(printed, band.code, band.label):
            return
        achievement = self.row.found.get("achievement")
        shown = self.row.number("achievement")
        if achievement is not None and shown is not None:
            printed_band = scale.category(shown)
            if _names(printed, printed_band.code, printed_band.label):
                why = Text("audit.category-follows", shown=shown, right=right, band=band.describe())
                self.row.add("category", printed, band.code, "follows", why, root="achievement")
                return
        why = Text("audit.category-scale", scale=scale.id, right=right, band=band.describe())
        self.row.add("category", printed, band.code, "category", why)

    def _band_change(self, printed: Decimal, right: Decimal | None) -> str:
        scale = self.row.catalog.scales.get(self.ind.scale)
        if scale is None or right is None:
            return ""
        before, after = scale.category(printed), scale.category(right)
        if before == after:
            return ""
        return Text("audit.band-change", code=after.code, label=after.label, before=before.code)

    def _shorter(self, printed: Decimal, right: Decimal) -> str:
        shown = _decimals(places(printed))
        return Text("audit.shorter", printed=shown, declared=_decimals(self.policy.decimals), right=right)

    def _rule(self) -> Text:
        return Text("audit.catalog-rule", mode=MODE_WORDS[self.policy.rounding])


class _MoneyRow:
    """pagu, pagu murni, realisasi, serapan and sisa of a budget line, an indicator or the total."""

    def __init__(self, row: Row) -> None:
        self.row = row
        self.entry = row.entry

    def run(self) -> None:
        figures = _budget_figures(self.row)
        if figures is None:
            for field in MONEY:
                self.row.skip(field, _NO_BUDGET_LINE)
            return
        pagu, realisasi, murni, kind = figures
        for field, right in (("pagu", pagu), ("pagu_murni", murni), ("realisasi", realisasi)):
            printed = self.row.number(field)
            if right is None:
                named = Text(f"field.{field}")
                self.row.skip(field, partial(Text, "audit.no-amount", field=named, year=self.entry.year))
            if printed is None or right is None:
                continue
            self.row.check(field)
            if printed != right:
                cause, why = _why_amount(self.row, field, printed, right, kind)
                self.row.add(field, printed, right, cause, why)
        if pagu and realisasi is not None:
            self.serapan(pagu, realisasi)
        if pagu is not None and realisasi is not None:
            self.sisa(pagu - realisasi)

    def serapan(self, pagu: Decimal, realisasi: Decimal) -> None:
        printed = self.row.number("serapan")
        if printed is None:
            return
        self.row.check("serapan")
        right, exact = absorption(pagu, realisasi), realisasi * 100 / pagu
        found = verdict(printed, exact, right, SERAPAN_DECIMALS, SERAPAN_ROUNDING)
        if found == "right":
            return
        if found == "shorter":
            why = Text("audit.serapan-shorter", printed=_decimals(places(printed)), right=right)
            self.row.add("serapan", printed, right, "precision", why, "info")
            return
        row_pagu = self.row.number("pagu") or pagu
        row_real = self.row.number("realisasi") or realisasi
        roots = [field for field in ("realisasi", "pagu") if field in self.row.found]
        if (
            row_pagu
            and roots
            and verdict(printed, row_real * 100 / row_pagu, absorption(row_pagu, row_real), 2, SERAPAN_ROUNDING)
            != "wrong"
        ):
            why = Text(
                "audit.serapan-follows",
                printed=printed,
                field=Text(f"field.{roots[0]}"),
                root=_figure(self.row.found[roots[0]].printed),
                realisasi=realisasi,
                pagu=pagu,
                right=right,
            )
            self.row.add("serapan", printed, right, "follows", why, root=roots[0])
            return
        mode = other_rounding(printed, exact, SERAPAN_ROUNDING)
        if mode is not None:
            why = Text(
                "audit.serapan-rounding",
                realisasi=realisasi,
                pagu=pagu,
                exact=short(exact),
                mode=MODE_WORDS[mode],
                printed=printed,
                right=right,
            )
            self.row.add("serapan", printed, right, "rounding", why)
        else:
            why = Text("audit.serapan-arithmetic", realisasi=realisasi, pagu=pagu, right=right)
            self.row.add("serapan", printed, right, "arithmetic", why)

    def sisa(self, right: Decimal) -> None:
        printed = self.row.number("sisa")
        if printed is None:
            return
        self.row.check("sisa")
        if printed == right:
            return
        pagu, realisasi = self.row.number("pagu"), self.row.number("realisasi")
        roots = [field for field in ("realisasi", "pagu") if field in self.row.found]
        if pagu is not None and realisasi is not None and pagu - realisasi == printed and roots:
            why = Text("audit.sisa-follows", field=Text(f"field.{roots[0]}"), right=right)
            self.row.add("sisa", printed, right, "follows", why, root=roots[0])
        else:
            self.row.add("sisa", printed, right, "arithmetic", Text("audit.sisa-arithmetic", right=right))


def _budget_figures(row: Row) -> tuple[Decimal | None, Decimal | None, Decimal | None, str] | None:
    """The right pagu, realisasi and pagu murni of the row's subject, and what kind of subject it is."""
    catalog, subject, year = row.catalog, row.subject, row.entry.year
    year_data = row.data.years.get(year)
    if subject in catalog.budget:
        line = row.results.budget.get(subject)
        murni = year_data.budget[subject].pagu_murni if year_data and subject in year_data.budget else None
        return (line.pagu, line.realisasi, murni, "line") if line else None
    if subject == "total":
        summary, kind = row.results.budget_total, "total"
    elif subject in catalog.indicators:
        summary, kind = row.results[subject].budget, "indicator"
    else:
        return None
    if summary is None:
        return None
    murni = None
    if subject == "total" and year_data is not None:
        values = [year_data.budget[i].pagu_murni for i in summary.lines if i in year_data.budget]
        if values and all(v is not None for v in values):
            murni = sum((v for v in values if v is not None), Decimal(0))
    return summary.pagu, summary.realisasi, murni, kind


def _why_amount(row: Row, field: str, printed: Decimal, right: Decimal, kind: str) -> tuple[str, str]:
    for other_year, other in sorted(row.data.years.items()):
        figures = other.budget.get(row.subject)
        if other_year != row.entry.year and figures is not None and getattr(figures, field) == printed:
            named = Text(f"field.{field}")
            return "copied", Text(
                "audit.copied-amount", other=other_year, field=named, year=row.entry.year, right=right
            )
    if kind in ("indicator", "total"):
        left_out = _left_out(row, field, printed)
        return "rollup", Text("audit.lines-add-up", right=right, printed=printed, left_out=left_out)
    return "arithmetic", Text("audit.line-amount", field=Text(f"field.{field}"), right=right)


def _left_out(row: Row, field: str, printed: Decimal) -> str:
    """Why a printed total is short: the rows printed beside it that its sum leaves out."""
    table = table_of(row.entry.where)
    if table is None:
        return ""
    lines = [line for line in row.catalog.budget.values() if line.parent is None]
    printed_rows = [
        (line.id, getattr(entry, field))
        for line in lines
        for entry in row.printed.get(line.id, ())
        if entry.year == row.entry.year and entry.where.startswith(table) and getattr(entry, field) is not None
    ]
    numbers = [value for _, value in printed_rows if isinstance(value, Decimal)]
    skipped = [f"{value}" for _, value in printed_rows if isinstance(value, str)]
    if printed_rows and sum(numbers, Decimal(0)) == printed and skipped:
        return Text("audit.left-out", table=table, printed=printed, skipped=Items(skipped))
    return ""


def _said(why: Why) -> str:
    return why() if callable(why) else why


def _decimals(count: int) -> Text:
    return Text("audit.decimal" if count == 1 else "audit.decimals", count=count)


def _no_target(field: str, year: int) -> Text:
    """Why a printed target, or what is worked from it, has nothing to be compared with."""
    return Text("audit.no-end-target" if field == "end_target" else "audit.no-target", year=year)


def _figure(printed: str) -> object:
    """A figure a finding keeps as text, back to a number to be said in the language."""
    try:
        return Decimal(printed) if printed else printed
    except ArithmeticError:
        return printed


def _worked(rule: str, real: Decimal, target: Decimal) -> Filled:
    """The polarity rule with the printed numbers put in: "(2 x 3 - 2.79) / 3 x 100"."""
    if isinstance(rule, Text):  # a range's rule: the polarity rule used in it; a zero target's: as it is
        if "rule" not in rule.params:
            return Filled("{rule}", rule=rule)
        rule = str(rule.params["rule"])
    worked = rule.replace("2T", "2 x {t}").replace("R/T", "{r}/{t}")
    return Filled(worked.replace("R", "{r}").replace("T", "{t}"), r=real, t=target)


def _same_target(printed: object, right: scoring.Target) -> bool:
    if isinstance(printed, tuple) and isinstance(right, tuple):
        return bool(printed[0] == right[0] and printed[1] == right[1])
    return isinstance(printed, Decimal) and isinstance(right, Decimal) and printed == right


def _names(printed: str, code: str, label: str) -> bool:
    return printed.strip().lower() in (code.lower(), label.lower())
