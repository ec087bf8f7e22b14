"""The report-ready sentence: the formula's computation in words (see the package's rules)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from lkip_rules.formula import ast
from lkip_rules.locale import STATUS, Lang, label, message, number
from lkip_rules.results import IndicatorResult, Results
from lkip_rules.scoring import round_value

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
from lkip_rules.explain.words import (
    ROMAN,
    WORDS,
    lower_first,
    name_of,
    progress,
    target_text,
    unit_of,
    upper_first,
    with_unit,
)


def sentence(catalog: Catalog, results: Results, result: IndicatorResult, lang: Lang) -> str:
    words = WORDS[lang]
    if result.achievement is None:
        why = message(result.message, lang) or STATUS[lang][result.status]
        when = str(words["not_yet_quarter" if result.quarter else "not_yet_year"]).format(
            year=result.year, roman=ROMAN.get(result.quarter or 0, "")
        )
        text = str(words["not_yet"]).format(name=result.name, when=when, why=why)
        return text[:-1] + f"; {progress(result, lang)}." if result.year_progress is not None else text
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
    realisation = with_unit(number(result.realisation, lang), result.unit)
    target = target_text(result, lang)
    of = f"{words['of_target']} {str(words['quarter']).format(roman=ROMAN[result.quarter])}" if result.quarter else ""
    tail = f"{words['achievement']} {value}% {of or words['of_target']} {target}{band}"
    if result.polarity in ("negative", "stable"):
        tail += f", {words[result.polarity]}"
    tree = catalog.indicators[result.id].formula
    if result.realisation_given or tree is None or isinstance(tree.tree, ast.Ref):
        head = str(words["given"]).format(name=lower_first(result.name, lang), value=realisation)
        return f"{head}; {tail}."
    if _worded(tree.tree):
        spoken = _Speaker(catalog, result, lang).whole(tree.tree)
    else:
        spoken = _fallback(tree.tree, catalog, result, lang)
    return f"{upper_first(spoken)} {words['gives']} {realisation}; {tail}."


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
            name=lower_first(name_of(ref.name, self.catalog), self.lang),
            before=self.value(before),
            now=self.value(ref),
            y0=now_year - 1,
            y1=now_year,
        )

    def ref(self, node: ast.Ref) -> str:
        words = WORDS[self.lang]
        name = name_of(node.name, self.catalog)
        when = "" if node.period == ast.CURRENT else f" {words['year']} {node.period.resolve(self.result.year)}"
        unit = unit_of(node.name, self.catalog)
        kind = "count" if unit and unit not in ("%", "Rp", "rp") and self.lang == "id" else "amount"
        return f"{lower_first(name, self.lang)}{when} {words[kind]} {self.value(node)}"

    def value(self, node: ast.Ref) -> str:
        """The value ``node`` stood for, with its unit, as printed."""
        at = node.period.resolve(self.result.year)
        key = node.name if node.period == ast.CURRENT else f"{node.name}[{at}]"
        value = self.result.values.get(key)
        if value is None and node.period != ast.CURRENT:
            value = self.result.values.get(node.name) if at == self.result.year else None
        shown = number(_printed(node.name, value, self.catalog), self.lang)
        return with_unit(shown, unit_of(node.name, self.catalog))


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
