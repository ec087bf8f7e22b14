"""The steps of an explanation: one line for each stage from the values to the category."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from lkip_rules.locale import STATUS, Lang, label, message, number
from lkip_rules.locale.text import Text, say
from lkip_rules.results import IndicatorResult

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
from lkip_rules.explain.words import name_of, progress, target_text, upper_first, when

STEPS = {
    "id": {
        "indicator": "Indikator: {name} [{id}], {level}, satuan {unit}, polaritas {polarity}",
        "aggregated": "Agregasi: {rule}",
        "formula": "Rumus: {formula}",
        "exact": "Realisasi, eksak: {value}",
        "printed": "Realisasi, dicetak: {value} ({decimals} desimal, {rounding})",
        "target": "Target {when}{kind}: {target}",
        "signed": "Target Perjanjian Kinerja awal: {target}",
        "provisional": "Angka sementara: {items}",
        "rule": "Aturan ({polarity}, {basis}): {rule}",
        "rounded": "realisasi dicetak",
        "exact_basis": "realisasi eksak",
        "achievement_exact": "Capaian, eksak: {value}",
        "achievement_printed": "Capaian, dicetak: {value}%",
        "category": "Kategori ({scale}): {code} {label} — {band}",
        "status": "Status: {status}",
        "previous": "Tahun sebelumnya {year}: realisasi {realisation}, capaian {achievement}, tren {trend}",
        "end": "Target akhir Renstra ({year}): {target}, capaian {achievement}",
        "budget": "Anggaran: pagu Rp {pagu}, realisasi Rp {spent}, serapan {serapan}%, efisiensi {efficiency} poin",
    },
    "en": {
        "indicator": "Indicator: {name} [{id}], {level}, unit {unit}, polarity {polarity}",
        "aggregated": "Aggregated: {rule}",
        "formula": "Formula: {formula}",
        "exact": "Realisation, exact: {value}",
        "printed": "Realisation, printed: {value} ({decimals} decimals, {rounding})",
        "target": "Target {when}{kind}: {target}",
        "signed": "Signed in the Perjanjian Kinerja: {target}",
        "provisional": "Provisional figures: {items}",
        "rule": "Rule ({polarity}, {basis}): {rule}",
        "rounded": "printed realisation",
        "exact_basis": "exact realisation",
        "achievement_exact": "Achievement, exact: {value}",
        "achievement_printed": "Achievement, printed: {value}%",
        "category": "Category ({scale}): {code} {label} — {band}",
        "status": "Status: {status}",
        "previous": "Previous year {year}: realisation {realisation}, achievement {achievement}, trend {trend}",
        "end": "Renstra end target ({year}): {target}, achievement {achievement}",
        "budget": "Budget: pagu Rp {pagu}, spent Rp {spent}, absorption {serapan}%, efficiency {efficiency} points",
    },
}
TRENDS = {
    "id": {"improved": "membaik", "declined": "memburuk", "unchanged": "tetap"},
    "en": {"improved": "improved", "declined": "declined", "unchanged": "unchanged"},
}


def steps_of(catalog: Catalog, result: IndicatorResult, lang: Lang) -> list[str]:
    words = STEPS[lang]
    ind = catalog.indicators[result.id]
    polarity = say(Text(f"polarity.{result.polarity}"), lang)
    steps = [
        words["indicator"].format(
            name=result.name, id=result.id, level=result.level, unit=result.unit or "-", polarity=polarity
        )
    ]
    if ind.aggregated:
        steps.append(words["aggregated"].format(rule=say(result.rule, lang)))
    elif result.realisation_given:
        steps.append(upper_first(say(result.message, lang)))
    else:
        steps.append(words["formula"].format(formula=result.formula))
        for name, value in result.values.items():
            base = name.split("[")[0]
            steps.append(f"  {name} = {number(value, lang)}  ({name_of(base, catalog)})")
    if result.realisation_exact is not None:
        rounding = say(Text(f"mode.{ind.policy.rounding}"), lang)
        steps.append(words["exact"].format(value=number(result.realisation_exact, lang)))
        steps.append(
            words["printed"].format(
                value=number(result.realisation, lang), decimals=ind.policy.decimals, rounding=rounding
            )
        )
    if result.target is not None:
        kind = " (Rencana Aksi)" if result.quarter else ""
        steps.append(words["target"].format(when=when(result, lang), kind=kind, target=target_text(result, lang)))
    if result.target_initial is not None:
        signed = target_text(attrs.evolve(result, target=result.target_initial), lang)
        steps.append(words["signed"].format(target=signed))
    if result.year_progress is not None:
        steps.append(upper_first(progress(result, lang)))
    if result.provisional:
        steps.append(words["provisional"].format(items=", ".join(result.provisional)))
    if result.rule and not ind.aggregated:
        basis = words["rounded" if ind.policy.basis == "rounded" else "exact_basis"]
        steps.append(words["rule"].format(polarity=polarity, basis=basis, rule=say(result.rule, lang)))
    if result.achievement_exact is not None:
        steps.append(words["achievement_exact"].format(value=number(result.achievement_exact, lang)))
        steps.append(words["achievement_printed"].format(value=number(result.achievement, lang)))
    if result.category is not None:
        steps.append(_category_step(catalog, result, lang))
    if result.status != "ok" or (result.message and not result.realisation_given):  # given: said above
        shown = STATUS[lang][result.status]
        why = f": {message(result.message, lang)}" if result.message else ""
        steps.append(words["status"].format(status=shown + why))
    if result.previous is not None:
        p = result.previous
        steps.append(
            words["previous"].format(
                year=p.year,
                realisation=number(p.realisation, lang),
                achievement=number(p.achievement, lang),
                trend=TRENDS[lang].get(p.trend or "", "-"),
            )
        )
    if result.end_target is not None:
        e = result.end_target
        end = target_text(attrs.evolve(result, target=e.target), lang)
        steps.append(words["end"].format(year=e.year, target=end, achievement=number(e.achievement, lang)))
    if result.budget is not None and result.budget.serapan is not None:
        b = result.budget
        steps.append(
            words["budget"].format(
                pagu=number(b.pagu, lang),
                spent=number(b.realisasi, lang),
                serapan=number(b.serapan, lang),
                efficiency=number(b.efficiency, lang),
            )
        )
    return steps


def _category_step(catalog: Catalog, result: IndicatorResult, lang: Lang) -> str:
    """The band and the bound that puts the achievement in it: "SB Sangat Baik — di atas 100"."""
    assert result.category is not None
    scale = catalog.scales[catalog.indicators[result.id].scale]
    band = scale.category(result.achievement) if result.achievement is not None else None
    bound = "-"
    if band is not None:
        kind = "above" if band.above is not None else "min" if band.min is not None else "rest"
        bound = say(Text(f"band.{kind}-bound", bound=band.bound if band.bound is not None else ""), lang)
    return STEPS[lang]["category"].format(
        scale=scale.id, code=result.category.code, label=label(result.category.label, lang), band=bound
    )
