"""Explain one indicator's result: every step, and one sentence ready for the report.

The sentence follows the reference report's own style ("... sebanyak 60 unit dibagi ...
sebanyak 982 unit dikali 100 menghasilkan angka 6,11%"), in Bahasa Indonesia or English,
and says the computation the formula does: read back, it gives the formula's value.

Wording rules (the formula as written, so pct, growth, sum and avg keep their words):

- Operators: ``+ - * /`` are "ditambah", "dikurangi", "dikali", "dibagi" ("plus",
  "minus", "times", "divided by").
- Grouping: a left operand of lower precedence than its operator is bracketed,
  "(a dikurangi b) dibagi a"; a right operand that is an operation is always bracketed,
  "hari rawat dibagi (tempat tidur dikali 365) dikali 100". So reading left to right and
  reading with the usual precedence both give the formula's value.
- A name reads "<name> sebanyak <value> <unit>" (a count) or "<name> sebesar <value>"
  ("<name> of <value>"), with "tahun 2024" ("year 2024") for another year. Inputs print as
  given; another indicator prints at its own decimals and rounding (6,11, never 28 digits).
- Phrases: "rata-rata dari", "jumlah dari", "nilai terkecil dari", "nilai terbesar dari"
  (list "a, b dan c"), "nilai mutlak dari x", "x dibulatkan ke 2 desimal", "pertumbuhan
  <name> dari <before> pada tahun <y0> menjadi <now> pada tahun <y1>", and pct as
  "a dibagi b dikali 100". An argument that is not a single figure is bracketed:
  "rata-rata dari (a ditambah b) dan c". A phrase used as an operand is bracketed:
  "(rata-rata dari a dan b) dikali 2".
- Minus sign: "-5" on a number; otherwise "negatif x" ("negative x"), bracketed as an
  operand and around a non-figure: "a ditambah (negatif (b dikali c))". A plus sign is
  not spoken.
- What has no words (if, coalesce, comparisons, and/or/not) is quoted whole:
  "rumus <formula> dengan a = 1, b = 2".
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from lkip_rules.errors import ArgumentError
from lkip_rules.formula import ast
from lkip_rules.locale import STATUS, Lang, label, message, number
from lkip_rules.locale.text import Text, say
from lkip_rules.results import IndicatorResult, Results
from lkip_rules.scoring import round_value

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
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
        "quarter": "triwulan {roman}",
        "progress": "progres terhadap target tahunan {target}: {value}%",
        "year": "tahun",
        "growth": "pertumbuhan {name} dari {before} pada tahun {y0} menjadi {now} pada tahun {y1}",
        "avg": "rata-rata dari {items}",
        "sum": "jumlah dari {items}",
        "min": "nilai terkecil dari {items}",
        "max": "nilai terbesar dari {items}",
        "abs": "nilai mutlak dari {item}",
        "round": "{item} dibulatkan ke {digits} desimal",
        "neg": "negatif {item}",
        "and": "dan",
        "formula": "rumus {formula} dengan {values}",
        "given": "Realisasi {name} sebesar {value}",
        "negative": "makin rendah makin baik",
        "stable": "makin dekat ke target makin baik",
        "aggregate": "Capaian {name} adalah {method} capaian indikator di bawahnya ({items}), yaitu {value}%",
        "methods": {
            "mean": "rata-rata",
            "weighted": "rata-rata tertimbang",
            "budget-weighted": "rata-rata tertimbang (bobot pagu)",
            "min": "nilai terendah",
        },
        "not_yet": "Capaian {name} {when} belum dapat dihitung: {why}.",
        "not_yet_year": "tahun {year}",
        "not_yet_quarter": "s.d. triwulan {roman} {year}",
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
        "quarter": "quarter {roman}",
        "progress": "progress toward the yearly target of {target}: {value}%",
        "year": "year",
        "growth": "the growth of {name} from {before} in {y0} to {now} in {y1}",
        "avg": "the average of {items}",
        "sum": "the sum of {items}",
        "min": "the smallest of {items}",
        "max": "the largest of {items}",
        "abs": "the absolute value of {item}",
        "round": "{item} rounded to {digits} decimals",
        "neg": "negative {item}",
        "and": "and",
        "formula": "the formula {formula} with {values}",
        "given": "The realisation of {name} is {value}",
        "negative": "lower is better",
        "stable": "closer to the target is better",
        "aggregate": "The achievement of {name} is the {method} of the achievements below it ({items}): {value}%",
        "methods": {
            "mean": "mean",
            "weighted": "weighted mean",
            "budget-weighted": "budget-weighted mean",
            "min": "lowest",
        },
        "not_yet": "The achievement of {name} {when} cannot be computed yet: {why}.",
        "not_yet_year": "for {year}",
        "not_yet_quarter": "up to quarter {roman} of {year}",
    },
}


@attrs.frozen
class Explanation:
    indicator: str
    year: int
    steps: tuple[str, ...]
    sentence: str


def explain(
    catalog: Catalog,
    indicator_id: str,
    year: int,
    *,
    lang: Lang = "id",
    data: Data | None = None,
    quarter: int | None = None,
) -> Explanation:
    """Steps and a report-ready sentence for one indicator in ``year`` (up to ``quarter``)."""
    if lang not in WORDS:
        raise ArgumentError(f"lang must be 'id' or 'en', not {lang!r}")
    results = catalog.evaluate(year, data, quarter=quarter)
    result = results[indicator_id]
    steps = tuple(_steps(catalog, result, lang))
    return Explanation(indicator_id, year, steps, _sentence(catalog, results, result, lang))


# -- the sentence ------------------------------------------------------------------------------


def _sentence(catalog: Catalog, results: Results, result: IndicatorResult, lang: Lang) -> str:
    words = WORDS[lang]
    if result.achievement is None:
        why = message(result.message, lang) or STATUS[lang][result.status]
        when = str(words["not_yet_quarter" if result.quarter else "not_yet_year"]).format(
            year=result.year, roman=ROMAN.get(result.quarter or 0, "")
        )
        text = str(words["not_yet"]).format(name=result.name, when=when, why=why)
        return text[:-1] + f"; {_progress(result, lang)}." if result.year_progress is not None else text
    value = number(result.achievement, lang)
    band = f" ({label(result.category.label, lang)})" if result.category else ""
    if catalog.indicators[result.id].aggregated:
        children = [
            f"{child.name} {number(child.achievement, lang)}%"
            for child in (results[c.id] for c in catalog.children(result.id))
        ]
        method = words["methods"][catalog.indicators[result.id].aggregate]  # type: ignore[index]
        return (
            str(words["aggregate"]).format(name=result.name, method=method, items="; ".join(children), value=value)
            + band
            + "."
        )
    realisation = _with_unit(number(result.realisation, lang), result.unit)
    target = _target(result, lang)
    of = f"{words['of_target']} {str(words['quarter']).format(roman=ROMAN[result.quarter])}" if result.quarter else ""
    tail = f"{words['achievement']} {value}% {of or words['of_target']} {target}{band}"
    if result.polarity in ("negative", "stable"):
        tail += f", {words[result.polarity]}"
    tree = catalog.indicators[result.id].formula
    if result.realisation_given or tree is None or isinstance(tree.tree, ast.Ref):
        head = str(words["given"]).format(name=_lower_first(result.name, lang), value=realisation)
        return f"{head}; {tail}."
    if _worded(tree.tree):
        spoken = _Speaker(catalog, result, lang).whole(tree.tree)
    else:
        spoken = _fallback(tree.tree, catalog, result, lang)
    return f"{_upper_first(spoken)} {words['gives']} {realisation}; {tail}."


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _when(result: IndicatorResult, lang: Lang) -> str:
    """2025, or "triwulan II 2025" up to a quarter."""
    if result.quarter is None:
        return str(result.year)
    return f"{str(WORDS[lang]['quarter']).format(roman=ROMAN[result.quarter])} {result.year}"


def _progress(result: IndicatorResult, lang: Lang) -> str:
    shown = _target(attrs.evolve(result, target=result.year_target), lang)
    return str(WORDS[lang]["progress"]).format(target=shown, value=number(result.year_progress, lang))


def _target(result: IndicatorResult, lang: Lang) -> str:
    """The target with its unit; a range as "7–8 hari" (an en dash, the unit once, after)."""
    target = result.target
    if isinstance(target, tuple):
        return _with_unit(f"{number(target[0], lang)}–{number(target[1], lang)}", result.unit)
    return _with_unit(number(target, lang), result.unit)


def _with_unit(text: str, unit: str) -> str:
    """A figure, as written, with its unit: 6,11%, Rp 1.000, 412 orang."""
    if unit.strip() in ("%", "persen", "Persen"):
        return f"{text}%"
    if unit.strip().lower() in ("rp", "rupiah"):
        return f"Rp {text}"
    return f"{text} {unit}".strip()


def _lower_first(text: str, lang: Lang) -> str:
    """A name inside an Indonesian sentence: its first letter in lower case ("jumlah pengurus
    koperasi"), unless the name is written as a title — most of its longer words capitalised,
    "Persentase Koperasi yang Berkualitas" — which keeps its capitals, never half of them."""
    if lang != "id" or not text[:2].istitle():
        return text
    words = [word for word in text.split()[1:] if len(word) > 3 and word.isalpha() and not word.isupper()]
    titled = [word for word in words if word[0].isupper()]
    return text if words and 2 * len(titled) >= len(words) else text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    """The sentence's first letter in upper case, also behind an opening parenthesis."""
    at = len(text) - len(text.lstrip("("))
    return text[:at] + text[at : at + 1].upper() + text[at + 1 :]


# Arithmetic the sentence puts into words; anything else is quoted as a formula.
_PRECEDENCE: dict[str, int] = {"+": 1, "-": 1, "*": 2, "/": 2}
_WORDED_CALLS = frozenset({"pct", "growth", "avg", "sum", "min", "max", "abs", "round"})


def _worded(tree: ast.Node) -> bool:
    """Whether every part of ``tree`` has words (if, coalesce, comparisons and logic have none)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Binary) and node.op not in _PRECEDENCE:
            return False
        if isinstance(node, ast.Unary) and node.op == "not":
            return False
        if isinstance(node, ast.Call) and node.func not in _WORDED_CALLS:
            return False
        if isinstance(node, ast.Call) and node.func == "growth" and not isinstance(node.args[0], ast.Ref):
            return False
    return True


def _bare(node: ast.Node) -> ast.Node:
    """``node`` without leading unary plus signs, which change nothing and have no words."""
    while isinstance(node, ast.Unary) and node.op == "+":
        node = node.operand
    return node


def _negative_literal(node: ast.Node) -> bool:
    return isinstance(node, ast.Unary) and node.op == "-" and isinstance(_bare(node.operand), ast.Number)


def _is_atom(node: ast.Node) -> bool:
    """A figure that reads as one piece: a number (-5 included) or a name with its value."""
    node = _bare(node)
    return isinstance(node, (ast.Number, ast.Ref)) or _negative_literal(node)


def _needs_parentheses(node: ast.Node, parent: str, right: bool) -> bool:
    """Whether ``node`` as an operand of ``parent`` must be bracketed for both readings to agree.

    A left operand of lower precedence is bracketed; a right operand that is an operation
    always is, so reading strictly left to right gives the formula's value too. Phrases
    (functions, negation) are bracketed so their end is never in doubt.
    """
    node = _bare(node)
    if _is_atom(node):
        return False
    if isinstance(node, ast.Binary):
        return right or _PRECEDENCE[node.op] < _PRECEDENCE[parent]
    return True


@attrs.frozen
class _Speaker:
    """Puts a formula tree (as written, so pct, growth, sum and avg keep their words) into words."""

    catalog: Catalog
    result: IndicatorResult
    lang: Lang

    def whole(self, node: ast.Node) -> str:
        """``node`` spoken on its own, without outer parentheses."""
        words = WORDS[self.lang]
        node = _bare(node)
        if isinstance(node, ast.Number):
            return number(node.value, self.lang)
        if isinstance(node, ast.Ref):
            return self.ref(node)
        if isinstance(node, ast.Unary):  # a minus: the plus signs are gone
            if _negative_literal(node):
                return f"-{self.whole(node.operand)}"
            return str(words["neg"]).format(item=self.item(node.operand))
        if isinstance(node, ast.Binary):
            left = self.operand(node.left, node.op, right=False)
            right = self.operand(node.right, node.op, right=True)
            return f"{left} {words[node.op]} {right}"
        return self.call(node)

    def operand(self, node: ast.Node, parent: str, *, right: bool) -> str:
        text = self.whole(node)
        return f"({text})" if _needs_parentheses(node, parent, right) else text

    def item(self, node: ast.Node) -> str:
        """An argument of a phrase: bracketed unless it is one figure."""
        text = self.whole(node)
        return text if _is_atom(node) else f"({text})"

    def call(self, node: ast.Call) -> str:
        words = WORDS[self.lang]
        if node.func == "pct":  # the report's own wording: "... dibagi ... dikali 100"
            ratio = ast.Binary("/", node.args[0], node.args[1])
            return self.whole(ast.Binary("*", ratio, ast.Number(Decimal(100))))
        if node.func == "growth":
            assert isinstance(node.args[0], ast.Ref)
            return self.growth(node.args[0])
        if node.func == "round":
            digits = _bare(node.args[1])
            assert isinstance(digits, ast.Number)
            return str(words["round"]).format(item=self.item(node.args[0]), digits=int(digits.value))
        if node.func == "abs":
            return str(words["abs"]).format(item=self.item(node.args[0]))
        parts = [self.item(arg) for arg in node.args]
        items = ", ".join(parts[:-1]) + f" {words['and']} {parts[-1]}" if len(parts) > 1 else parts[0]
        return str(words[node.func]).format(items=items)

    def growth(self, ref: ast.Ref) -> str:
        now_year = ref.period.resolve(self.result.year)
        before = ast.Ref(ref.name, ref.period.shifted(-1))
        return str(WORDS[self.lang]["growth"]).format(
            name=_lower_first(_name_of(ref.name, self.catalog), self.lang),
            before=self.value(before),
            now=self.value(ref),
            y0=now_year - 1,
            y1=now_year,
        )

    def ref(self, node: ast.Ref) -> str:
        words = WORDS[self.lang]
        name = _name_of(node.name, self.catalog)
        when = "" if node.period == ast.CURRENT else f" {words['year']} {node.period.resolve(self.result.year)}"
        unit = _unit_of(node.name, self.catalog)
        kind = "count" if unit and unit not in ("%", "Rp", "rp") and self.lang == "id" else "amount"
        return f"{_lower_first(name, self.lang)}{when} {words[kind]} {self.value(node)}"

    def value(self, node: ast.Ref) -> str:
        """The value ``node`` stood for, with its unit, as printed."""
        at = node.period.resolve(self.result.year)
        key = node.name if node.period == ast.CURRENT else f"{node.name}[{at}]"
        value = self.result.values.get(key)
        if value is None and node.period != ast.CURRENT:
            value = self.result.values.get(node.name) if at == self.result.year else None
        shown = number(_printed(node.name, value, self.catalog), self.lang)
        return _with_unit(shown, _unit_of(node.name, self.catalog))


def _printed(name: str, value: Decimal | None, catalog: Catalog) -> Decimal | None:
    """An indicator's value at its own printed precision (6,11, not 28 digits); inputs as given."""
    ind = catalog.indicators.get(name)
    if ind is None or value is None:
        return value
    return round_value(value, ind.policy.decimals, ind.policy.rounding)


def _fallback(tree: ast.Node, catalog: Catalog, result: IndicatorResult, lang: Lang) -> str:
    """The formula quoted with the values it used, for what has no words (if, coalesce, ...)."""
    from lkip_rules.formula.unparse import unparse

    values = ", ".join(
        f"{key} = {number(_printed(key.split('[')[0], value, catalog), lang)}" for key, value in result.values.items()
    )
    return str(WORDS[lang]["formula"]).format(formula=unparse(tree), values=values)


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


# -- the steps ---------------------------------------------------------------------------------

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


def _steps(catalog: Catalog, result: IndicatorResult, lang: Lang) -> list[str]:
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
        steps.append(_upper_first(say(result.message, lang)))
    else:
        steps.append(words["formula"].format(formula=result.formula))
        for name, value in result.values.items():
            base = name.split("[")[0]
            steps.append(f"  {name} = {number(value, lang)}  ({_name_of(base, catalog)})")
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
        steps.append(words["target"].format(when=_when(result, lang), kind=kind, target=_target(result, lang)))
    if result.target_initial is not None:
        signed = _target(attrs.evolve(result, target=result.target_initial), lang)
        steps.append(words["signed"].format(target=signed))
    if result.year_progress is not None:
        steps.append(_upper_first(_progress(result, lang)))
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
        end = _target(attrs.evolve(result, target=e.target), lang)
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
