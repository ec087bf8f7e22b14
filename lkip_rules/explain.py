"""Explain one indicator's result: every step, and one sentence ready for the report.

The sentence follows the reference report's own style ("... sebanyak 60 unit dibagi ...
sebanyak 982 unit dikali 100 menghasilkan angka 6,11%"), in Bahasa Indonesia or English.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from lkip_rules.formula import ast
from lkip_rules.locale import STATUS, Lang, label, message, number
from lkip_rules.results import IndicatorResult

if TYPE_CHECKING:
    from lkip_rules.catalog import Catalog
    from lkip_rules.catalog.model import Data

WORDS = {
    "id": {
        "/": "dibagi",
        "*": "dikali",
        "+": "ditambah",
        "-": "dikurangi",
        "count": "sebanyak",
        "amount": "sebesar",
        "gives": "menghasilkan angka",
        "achievement": "capaian",
        "of_target": "dari target",
        "year": "tahun",
        "growth": "pertumbuhan {name} dari {before} pada tahun {y0} menjadi {now} pada tahun {y1}",
        "avg": "rata-rata dari {items}",
        "sum": "jumlah dari {items}",
        "min": "nilai terkecil dari {items}",
        "max": "nilai terbesar dari {items}",
        "and": "dan",
        "formula": "rumus {formula} dengan {values}",
        "given": "Realisasi {name} sebesar {value}",
        "negative": "makin rendah makin baik",
        "stable": "makin dekat ke target makin baik",
        "aggregate": "Capaian {name} adalah {method} capaian indikator di bawahnya ({items}), yaitu {value}%",
        "methods": {"mean": "rata-rata", "weighted": "rata-rata tertimbang", "min": "nilai terendah"},
        "not_yet": "Capaian {name} tahun {year} belum dapat dihitung: {why}.",
    },
    "en": {
        "/": "divided by",
        "*": "times",
        "+": "plus",
        "-": "minus",
        "count": "of",
        "amount": "of",
        "gives": "gives",
        "achievement": "an achievement of",
        "of_target": "against the target of",
        "year": "year",
        "growth": "the growth of {name} from {before} in {y0} to {now} in {y1}",
        "avg": "the average of {items}",
        "sum": "the sum of {items}",
        "min": "the smallest of {items}",
        "max": "the largest of {items}",
        "and": "and",
        "formula": "the formula {formula} with {values}",
        "given": "The realisation of {name} is {value}",
        "negative": "lower is better",
        "stable": "closer to the target is better",
        "aggregate": "The achievement of {name} is the {method} of the achievements below it ({items}): {value}%",
        "methods": {"mean": "mean", "weighted": "weighted mean", "min": "lowest"},
        "not_yet": "The achievement of {name} for {year} cannot be computed yet: {why}.",
    },
}


POLARITY_ID = {"positive": "positif", "negative": "negatif", "stable": "stabil"}
TREND_ID = {"improved": "membaik", "declined": "memburuk", "unchanged": "tetap"}


@attrs.frozen
class Explanation:
    indicator: str
    year: int
    steps: tuple[str, ...]
    sentence: str


def explain(
    catalog: Catalog, indicator_id: str, year: int, *, lang: Lang = "id", data: Data | None = None
) -> Explanation:
    """Steps and a report-ready sentence for one indicator in ``year``."""
    result = catalog.evaluate(year, data)[indicator_id]
    return Explanation(indicator_id, year, tuple(_steps(catalog, result, lang)), _sentence(catalog, result, lang))


# -- the sentence ------------------------------------------------------------------------------


def _sentence(catalog: Catalog, result: IndicatorResult, lang: Lang) -> str:
    words = WORDS[lang]
    if result.achievement is None:
        why = message(result.message, lang) or result.status
        return str(words["not_yet"]).format(name=result.name, year=result.year, why=why)
    value = number(result.achievement, lang)
    band = f" ({label(result.category.label, lang)})" if result.category else ""
    if catalog.indicators[result.id].aggregated:
        children = [
            f"{child.name} {number(child.achievement, lang)}%"
            for child in (catalog.evaluate(result.year)[c.id] for c in catalog.children(result.id))
        ]
        method = words["methods"][result.rule.split(" ")[0]]  # type: ignore[index]
        return (
            str(words["aggregate"]).format(name=result.name, method=method, items="; ".join(children), value=value)
            + band
            + "."
        )
    realisation = _with_unit(result.realisation, result.unit, lang)
    target = _target(result, lang)
    tail = f"{words['achievement']} {value}% {words['of_target']} {target}{band}"
    if result.polarity in ("negative", "stable"):
        tail += f", {words[result.polarity]}"
    tree = catalog.indicators[result.id].formula
    if result.realisation_given or tree is None or isinstance(tree.tree, ast.Ref):
        head = str(words["given"]).format(name=_lower_first(result.name, lang), value=realisation)
        return f"{head}; {tail}."
    spoken = _speak(tree.tree, catalog, result, lang)
    return f"{spoken[0].upper()}{spoken[1:]} {words['gives']} {realisation}; {tail}."


def _target(result: IndicatorResult, lang: Lang) -> str:
    target = result.target
    if isinstance(target, tuple):
        return f"{_with_unit(target[0], result.unit, lang)} - {_with_unit(target[1], result.unit, lang)}"
    return _with_unit(target, result.unit, lang)


def _with_unit(value: Decimal | None, unit: str, lang: Lang) -> str:
    text = number(value, lang)
    if unit.strip() in ("%", "persen", "Persen"):
        return f"{text}%"
    if unit.strip().lower() in ("rp", "rupiah"):
        return f"Rp {text}"
    return f"{text} {unit}".strip()


def _lower_first(text: str, lang: Lang) -> str:
    return text[:1].lower() + text[1:] if lang == "id" and text[:2].istitle() else text


def _speak(node: ast.Node, catalog: Catalog, result: IndicatorResult, lang: Lang) -> str:
    words = WORDS[lang]
    if isinstance(node, ast.Number):
        return number(node.value, lang)
    if isinstance(node, ast.Ref):
        return _speak_ref(node, catalog, result, lang)
    if isinstance(node, ast.Binary) and node.op in ("+", "-", "*", "/"):
        left = _speak(node.left, catalog, result, lang)
        right = _speak(node.right, catalog, result, lang)
        return f"{left} {words[node.op]} {right}"
    if isinstance(node, ast.Call):
        return _speak_call(node, catalog, result, lang)
    return _fallback(node, result, lang)


def _speak_call(node: ast.Call, catalog: Catalog, result: IndicatorResult, lang: Lang) -> str:
    words = WORDS[lang]
    if node.func == "pct":
        parts = [_speak(arg, catalog, result, lang) for arg in node.args]
        return f"{parts[0]} {words['/']} {parts[1]} {words['*']} 100"
    if node.func == "growth" and isinstance(node.args[0], ast.Ref):
        ref = node.args[0]
        now_year = ref.period.resolve(result.year)
        before = ast.Ref(ref.name, ref.period.shifted(-1))
        return str(words["growth"]).format(
            name=_lower_first(_name_of(ref.name, catalog), lang),
            before=_value_of(before, catalog, result, lang),
            now=_value_of(ref, catalog, result, lang),
            y0=now_year - 1,
            y1=now_year,
        )
    if node.func in ("avg", "sum", "min", "max"):
        parts = [_speak(arg, catalog, result, lang) for arg in node.args]
        items = ", ".join(parts[:-1]) + f" {words['and']} {parts[-1]}" if len(parts) > 1 else parts[0]
        return str(words[node.func]).format(items=items)
    return _fallback(node, result, lang)


def _fallback(node: ast.Node, result: IndicatorResult, lang: Lang) -> str:
    from lkip_rules.formula.unparse import unparse

    values = ", ".join(f"{name} = {number(value, lang)}" for name, value in result.values.items())
    return str(WORDS[lang]["formula"]).format(formula=unparse(node), values=values)


def _speak_ref(node: ast.Ref, catalog: Catalog, result: IndicatorResult, lang: Lang) -> str:
    words = WORDS[lang]
    name = _name_of(node.name, catalog)
    when = "" if node.period == ast.CURRENT else f" {words['year']} {node.period.resolve(result.year)}"
    unit = _unit_of(node.name, catalog)
    kind = "count" if unit and unit not in ("%", "Rp", "rp") and lang == "id" else "amount"
    return f"{_lower_first(name, lang)}{when} {words[kind]} {_value_of(node, catalog, result, lang)}"


def _name_of(name: str, catalog: Catalog) -> str:
    if name in catalog.inputs:
        return catalog.inputs[name].name
    if name in catalog.indicators:
        return catalog.indicators[name].name
    return name


def _unit_of(name: str, catalog: Catalog) -> str:
    if name in catalog.inputs:
        return catalog.inputs[name].unit.strip()
    if name in catalog.indicators:
        return catalog.indicators[name].unit.strip()
    return ""


def _value_of(node: ast.Ref, catalog: Catalog, result: IndicatorResult, lang: Lang) -> str:
    at = node.period.resolve(result.year)
    key = node.name if node.period == ast.CURRENT else f"{node.name}[{at}]"
    value = result.values.get(key)
    if value is None and node.period != ast.CURRENT:
        value = result.values.get(node.name) if at == result.year else None
    return _with_unit(value, _unit_of(node.name, catalog), lang)


# -- the steps ---------------------------------------------------------------------------------


def _steps(catalog: Catalog, result: IndicatorResult, lang: Lang) -> list[str]:
    en = lang == "en"
    ind = catalog.indicators[result.id]
    polarity = result.polarity if en else POLARITY_ID.get(result.polarity, result.polarity)
    steps = [
        f"{'Indicator' if en else 'Indikator'}: {result.name} [{result.id}], {result.level}, "
        f"{'unit' if en else 'satuan'} {result.unit or '-'}, {'polarity' if en else 'polaritas'} {polarity}"
    ]
    if ind.aggregated:
        steps.append(f"{'Aggregated' if en else 'Agregasi'}: {result.rule}")
    elif result.realisation_given:
        steps.append(f"{'Realisation given in the data' if en else 'Realisasi diberikan dalam data'}: {result.message}")
    else:
        steps.append(f"{'Formula' if en else 'Rumus'}: {result.formula}")
        for name, value in result.values.items():
            base = name.split("[")[0]
            steps.append(f"  {name} = {number(value, lang)}  ({_name_of(base, catalog)})")
    if result.realisation_exact is not None:
        steps.append(f"{'Realisation, exact' if en else 'Realisasi, eksak'}: {result.realisation_exact:f}")
        steps.append(
            f"{'Realisation, printed' if en else 'Realisasi, dicetak'}: {number(result.realisation, lang)} "
            f"({ind.policy.decimals} {'decimals' if en else 'desimal'}, {ind.policy.rounding})"
        )
    if result.target is not None:
        steps.append(f"Target {result.year}: {_target(result, lang)}")
    if result.rule and not ind.aggregated:
        basis = "printed realisation" if ind.policy.basis == "rounded" else "exact realisation"
        if not en:
            basis = "realisasi dicetak" if ind.policy.basis == "rounded" else "realisasi eksak"
        steps.append(f"{'Rule' if en else 'Aturan'} ({result.polarity}, {basis}): {result.rule}")
    if result.achievement_exact is not None:
        steps.append(f"{'Achievement, exact' if en else 'Capaian, eksak'}: {result.achievement_exact:f}")
        steps.append(f"{'Achievement, printed' if en else 'Capaian, dicetak'}: {number(result.achievement, lang)}%")
    if result.category is not None:
        scale = catalog.scales[ind.scale]
        band = scale.category(result.achievement) if result.achievement is not None else None
        detail = f" — {band.describe()}" if band else ""
        steps.append(
            f"{'Category' if en else 'Kategori'} ({scale.id}): {result.category.code} "
            f"{label(result.category.label, lang)}{detail}"
        )
    if result.status != "ok" or result.message:
        shown = result.status if en else STATUS["id"][result.status]
        steps.append(f"Status: {shown}{': ' + message(result.message, lang) if result.message else ''}")
    if result.previous is not None:
        p = result.previous
        trend = (p.trend if en else TREND_ID.get(p.trend or "", p.trend)) or "-"
        steps.append(
            f"{'Previous year' if en else 'Tahun sebelumnya'} {p.year}: "
            f"{'realisation' if en else 'realisasi'} {number(p.realisation, lang)}, "
            f"{'achievement' if en else 'capaian'} {number(p.achievement, lang)}, trend {trend}"
        )
    if result.end_target is not None:
        e = result.end_target
        end = attrs.evolve(result, target=e.target)
        steps.append(
            f"{'Renstra end target' if en else 'Target akhir Renstra'} ({e.year}): {_target(end, lang)}, "
            f"{'achievement' if en else 'capaian'} {number(e.achievement, lang)}"
        )
    if result.budget is not None and result.budget.serapan is not None:
        b = result.budget
        steps.append(
            f"{'Budget' if en else 'Anggaran'}: pagu Rp {number(b.pagu, lang)}, "
            f"{'spent' if en else 'realisasi'} Rp {number(b.realisasi, lang)}, "
            f"{'absorption' if en else 'serapan'} {number(b.serapan, lang)}%, "
            f"{'efficiency' if en else 'efisiensi'} {number(b.efficiency, lang)}"
        )
    return steps
