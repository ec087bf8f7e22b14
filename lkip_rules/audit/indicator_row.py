"""The fields of a printed row about an indicator: target, realisation, achievement, end target, category."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

import attrs

from lkip_rules import scoring
from lkip_rules.audit.compare import MODE_WORDS, other_rounding, places, said, short, verdict
from lkip_rules.audit.rows import (
    Row,
    decimals_text,
    figure,
    names_band,
    no_target,
    same_target,
    worked,
)
from lkip_rules.locale.text import Filled, Text
from lkip_rules.results import IndicatorResult


class IndicatorRow:
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
            self.row.skip(field, partial(no_target, field, self.entry.year))
        if printed is None or isinstance(printed, str) or right is None:
            return
        self.row.check(field)
        if same_target(printed, right):
            return
        what = Text("audit.what-end-target" if field == "end_target" else "audit.what-target")
        if self.entry.quarter is not None and field == "target":
            what = Text("audit.what-quarter-target", quarter=Text(f"quarter.{self.entry.quarter}"))
        signed = self.ind.initial_target(self.entry.year) if field == "target" else None
        if signed is not None and same_target(printed, signed):
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
            self.row.skip(field, partial(no_target, target_field, self.entry.year))
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
                real=figure(real.printed),
                worked=worked,
                computed=figure(real.computed),
                right=right,
                band=self._band_change(printed, right),
            )
            return cause, why, "realisation"
        aim = self.row.found.get(target_field)
        if aim is not None:
            why = Text(
                "audit.follows-target",
                printed=printed,
                target=figure(aim.printed),
                computed=figure(aim.computed),
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
        return worked(score.rule, real, bound), score

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
                    decimals=decimals_text(decimals),
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
        if names_band(printed, band.code, band.label):
            return
        achievement = self.row.found.get("achievement")
        shown = self.row.number("achievement")
        if achievement is not None and shown is not None:
            printed_band = scale.category(shown)
            if names_band(printed, printed_band.code, printed_band.label):
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
        shown = decimals_text(places(printed))
        return Text("audit.shorter", printed=shown, declared=decimals_text(self.policy.decimals), right=right)

    def _rule(self) -> Text:
        return Text("audit.catalog-rule", mode=MODE_WORDS[self.policy.rounding])
