"""The explain sentence says the computation the formula does.

The property: take a random formula, evaluate it through a catalog, take the sentence and
read it back with a small reader written here (words back to operators, "nilai A sebesar
5 orang" back to 5, parentheses kept). Read strictly left to right, and read with the usual
precedence, it must give the formula's value, and that value rounded as the indicator
prints it must be the realisation the sentence states.

Formulas with if, coalesce or comparisons are quoted, not worded ("rumus ... dengan a = 1");
they are left out of the property (``worded_trees`` does not make them) and have an example.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import lkip_rules
from lkip_rules import Catalog, Data
from lkip_rules.explain import explain
from lkip_rules.formula import ast
from lkip_rules.formula.unparse import unparse
from lkip_rules.locale import Lang
from lkip_rules.scoring import round_value
from tests import toml_writer
from tests.strategies import EVAL_YEAR, worded_trees

D = Decimal

BASE: dict[str, Any] = {
    "catalog": {"id": "explain", "name": "Dinas Uji", "period": [2024, 2026]},
    "inputs": {
        "a": {"name": "Nilai A", "unit": "orang"},
        "b": {"name": "Dana B", "unit": "Rp"},
        "c": {"name": "Rasio C", "unit": "%"},
        "hari_rawat": {"name": "Jumlah hari rawat", "unit": "hari"},
        "tempat_tidur": {"name": "Jumlah tempat tidur", "unit": "unit"},
    },
    "indicators": {
        # Indicators other formulas use. Their values are exact at their own decimals, so the
        # printed figure is the figure used, whichever basis the evaluation takes them at.
        "p": {"name": "Indeks P", "level": "program", "unit": "indeks", "formula": "a * 2", "targets": {"2025": 10}},
        "q": {
            "name": "Persen Q",
            "level": "program",
            "unit": "%",
            "decimals": 4,
            "formula": "c / 4",
            "targets": {"2025": 10},
        },
    },
}
NAMES = ["a", "b", "c", "p", "q"]


def write_catalog(folder: Path, formula: str, extra: dict[str, Any] | None = None, **policy: object) -> Catalog:
    """The base catalog plus the indicator under test, ``dinilai``, with ``formula`` (and ``extra``
    indicators)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "catalog.toml").write_text(toml_writer.dumps(BASE), "utf-8")
    tested = {"name": "Indikator Uji", "level": "iku", "formula": formula, "targets": {"2025": 10}, **policy}
    indicators = {"dinilai": tested, **(extra or {})}
    (folder / "dinilai.toml").write_text(toml_writer.dumps({"indicators": indicators}), "utf-8")
    return lkip_rules.load_catalog(folder)


# -- the reader ---------------------------------------------------------------------------------


@attrs.frozen
class Vocabulary:
    ops: dict[str, str]
    funcs: dict[str, str]
    negation: str
    rounding: str  # a regex with the digits as its group
    separator: str
    number: str  # a number as the sentence prints one
    thousands: str
    point: str
    named: str  # between a name and its value
    growth: str  # a regex with {name} and {value} for the name and the two values
    gives: str


VOCABULARIES = {
    "id": Vocabulary(
        ops={"ditambah": "+", "dikurangi": "-", "dikali": "*", "dibagi": "/"},
        funcs={
            "rata-rata dari": "avg",
            "jumlah dari": "sum",
            "nilai terkecil dari": "min",
            "nilai terbesar dari": "max",
            "nilai mutlak dari": "abs",
        },
        negation="negatif",
        rounding=r"dibulatkan ke (\d+) desimal",
        separator=r",|dan\b",
        number=r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?",
        thousands=".",
        point=",",
        named=r"(?: tahun \d{4})? (?:sebanyak|sebesar) ",
        growth=r"pertumbuhan {name} dari {value} pada tahun \d{{4}} menjadi {value} pada tahun \d{{4}}",
        gives=" menghasilkan angka ",
    ),
    "en": Vocabulary(
        ops={"plus": "+", "minus": "-", "times": "*", "divided by": "/"},
        funcs={
            "the average of": "avg",
            "the sum of": "sum",
            "the smallest of": "min",
            "the largest of": "max",
            "the absolute value of": "abs",
        },
        negation="negative",
        rounding=r"rounded to (\d+) decimals",
        separator=r",|and\b",
        number=r"-?\d{1,3}(?:,\d{3})*(?:\.\d+)?",
        thousands=",",
        point=".",
        named=r"(?: year \d{4})? of ",
        growth=r"the growth of {name} from {value} in \d{{4}} to {value} in \d{{4}}",
        gives=" gives ",
    ),
}


class Unreadable(Exception):
    """The sentence cannot be read back, or could be read two ways."""


def _figure(text: str, words: Vocabulary) -> Decimal:
    return D(text.replace(words.thousands, "").replace(words.point, "."))


def _substitute(spoken: str, catalog: Catalog, words: Vocabulary) -> str:
    """Names with their values become «value»; a growth phrase becomes ⟪its value⟫."""
    named = [(i.name, i.unit) for i in catalog.inputs.values()] + [
        (i.name, i.unit) for i in catalog.indicators.values()
    ]
    name = "(?:" + "|".join(re.escape(n) for n, _ in sorted(named, key=lambda n: -len(n[0]))) + ")"
    units = {unit for _, unit in named} - {"", "%", "Rp"}
    value = r"(?:Rp )?(-?[\d.,]*\d)(?:%|" + "|".join(" " + re.escape(u) for u in units) + ")?"

    def growth(match: re.Match[str]) -> str:
        before, now = _figure(match[1], words), _figure(match[2], words)
        return f"⟪{(now - before) / before * 100}⟫"  # (name[N] - name[N-1]) / name[N-1] x 100

    spoken = re.sub(words.growth.format(name=name, value=value), growth, spoken, flags=re.I)
    return re.sub(name + words.named + value, lambda m: f"«{_figure(m[1], words)}»", spoken, flags=re.I)


def tokens(spoken: str, catalog: Catalog, words: Vocabulary) -> list[tuple[str, str]]:
    text = _substitute(spoken, catalog, words)
    alternatives = {
        "value": r"«[^»]*»",
        "phrase": r"⟪[^⟫]*⟫",
        "open": r"\(",
        "close": r"\)",
        "func": "|".join(re.escape(f) for f in words.funcs),
        "op": "|".join(re.escape(o) + r"\b" for o in words.ops),
        "neg": words.negation + r"\b",
        "round": words.rounding,
        "sep": words.separator,
        "num": words.number,
    }
    pattern = re.compile(r"\s*(?:" + "|".join(f"(?P<{k}>{v})" for k, v in alternatives.items()) + ")", re.I)
    found: list[tuple[str, str]] = []
    at = 0
    while at < len(text):
        match = pattern.match(text, at)
        if match is None or match.lastgroup is None:
            raise Unreadable(f"cannot read {text[at:]!r} in {text!r}")
        found.append((match.lastgroup, match[match.lastgroup]))
        at = match.end()
    return found


ARITHMETIC: dict[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": lambda x, y: x + y,
    "-": lambda x, y: x - y,
    "*": lambda x, y: x * y,
    "/": lambda x, y: x / y,
}


class Reader:
    """Reads the tokens of a worded computation, left to right or with the usual precedence.

    Strict: a phrase (a function, a negation, a rounding) next to an operator, or as an
    argument or operand of another phrase, must be in parentheses, else it is ambiguous.
    """

    def __init__(self, found: list[tuple[str, str]], words: Vocabulary, *, left_to_right: bool) -> None:
        self.tokens = found
        self.at = 0
        self.words = words
        self.left_to_right = left_to_right

    def read(self) -> Decimal:
        value = self.expression()
        if self.at != len(self.tokens):
            raise Unreadable(f"left over: {self.tokens[self.at :]}")
        return value

    def peek(self) -> str:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else ""

    def take(self) -> tuple[str, str]:
        if self.at >= len(self.tokens):
            raise Unreadable("the sentence ends too early")
        self.at += 1
        return self.tokens[self.at - 1]

    def expression(self) -> Decimal:
        operands = [self.operand()]
        ops: list[str] = []
        while self.peek() == "op":
            ops.append(self.words.ops[self.take()[1].lower()])
            operands.append(self.operand())
        if ops and any(phrase for _, phrase in operands):
            raise Unreadable("a phrase next to an operator without parentheses")
        values = [value for value, _ in operands]
        return _left_to_right(values, ops) if self.left_to_right else _by_precedence(values, ops)

    def operand(self) -> tuple[Decimal, bool]:
        """A value, and whether it is a phrase."""
        value, phrase = self.primary()
        while self.peek() == "round":
            if phrase:
                raise Unreadable("rounding a phrase without parentheses")
            match = re.fullmatch(self.words.rounding, self.take()[1], re.I)
            assert match is not None
            value, phrase = value.quantize(D(1).scaleb(-int(match[1])), rounding=ROUND_HALF_UP), True
        return value, phrase

    def primary(self) -> tuple[Decimal, bool]:
        kind, text = self.take()
        if kind == "value":
            return D(text[1:-1]), False
        if kind == "num":
            return _figure(text, self.words), False
        if kind == "phrase":
            return D(text[1:-1]), True
        if kind == "open":
            value = self.expression()
            if self.take()[0] != "close":
                raise Unreadable("an unclosed parenthesis")
            return value, False
        if kind == "neg":
            return -self.argument(), True
        if kind == "func":
            return self.function(self.words.funcs[text.lower()]), True
        raise Unreadable(f"unexpected {text!r}")

    def argument(self) -> Decimal:
        value, phrase = self.operand()
        if phrase:
            raise Unreadable("a phrase inside a phrase without parentheses")
        return value

    def function(self, name: str) -> Decimal:
        items = [self.argument()]
        while name != "abs" and self.peek() == "sep":
            self.take()
            items.append(self.argument())
        if name in ("sum", "avg"):
            total = items[0]
            for item in items[1:]:
                total += item
            return total if name == "sum" else total / D(len(items))
        if name == "abs":
            return abs(items[0])
        return min(items) if name == "min" else max(items)


def _left_to_right(values: list[Decimal], ops: list[str]) -> Decimal:
    result = values[0]
    for op, value in zip(ops, values[1:], strict=True):
        result = ARITHMETIC[op](result, value)
    return result


def _by_precedence(values: list[Decimal], ops: list[str]) -> Decimal:
    terms, signs = [values[0]], []
    for op, value in zip(ops, values[1:], strict=True):
        if op in "*/":
            terms[-1] = ARITHMETIC[op](terms[-1], value)
        else:
            signs.append(op)
            terms.append(value)
    return _left_to_right(terms, signs)


def read_back(sentence: str, catalog: Catalog, lang: Lang) -> Iterator[tuple[str, Decimal, Decimal]]:
    """(reading, value of the worded computation, realisation the sentence states), per reading."""
    words = VOCABULARIES[lang]
    spoken, _, rest = sentence.partition(words.gives)
    printed = re.match(words.number, rest)
    assert printed is not None, sentence
    stated = _figure(printed[0], words)
    found = tokens(spoken, catalog, words)
    for left_to_right in (True, False):
        value = Reader(found, words, left_to_right=left_to_right).read()
        yield ("left to right" if left_to_right else "precedence"), value, stated


# -- the property -------------------------------------------------------------------------------

YEARS = [2023, 2024, 2025]
LANGS: list[Lang] = ["id", "en"]
figures = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
counts = st.integers(0, 1000).map(D)  # a counts orang: whole numbers only
inputs = st.fixed_dictionaries(
    {
        name: st.fixed_dictionaries({y: kind for y in YEARS})
        for name, kind in (("a", counts), ("b", figures), ("c", figures))
    }
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("explain")


@given(
    tree=worded_trees(NAMES),
    values=inputs,
    lang=st.sampled_from(LANGS),
    decimals=st.integers(0, 4),
    rounding=st.sampled_from(["half-up", "down", "half-even"]),
)
def test_the_worded_computation_read_back_gives_the_formulas_value(
    folder: Path, tree: ast.Node, values: dict[str, dict[int, Decimal]], lang: Lang, decimals: int, rounding: str
) -> None:
    assume(not isinstance(tree, ast.Ref))  # a bare name is "Realisasi ... sebesar ...": nothing computed
    catalog = write_catalog(folder, unparse(tree), decimals=decimals, rounding=rounding)
    data = Data.from_values(values)
    result = catalog.evaluate(EVAL_YEAR, data)["dinilai"]
    assume(result.status == "ok" and result.realisation_exact is not None)
    sentence = explain(catalog, "dinilai", EVAL_YEAR, lang=lang, data=data).sentence
    for reading, value, stated in read_back(sentence, catalog, lang):
        assert value == result.realisation_exact, (reading, sentence)
        assert round_value(value, decimals, rounding) == stated == result.realisation, (reading, sentence)


# -- examples -----------------------------------------------------------------------------------


def sentence_for(
    tmp_path: Path, formula: str, lang: Lang = "id", extra: dict[str, Any] | None = None, **values: object
) -> str:
    """The sentence for ``formula`` on ``values`` (for 2024 and 2025), checked to read back."""
    catalog = write_catalog(tmp_path, formula, extra)
    data = Data.from_values({name: {2025: value, 2024: value} for name, value in values.items()})
    text = explain(catalog, "dinilai", 2025, lang=lang, data=data).sentence
    for reading, value, stated in read_back(text, catalog, lang):
        assert round_value(value, 2, "half-up") == stated, (reading, text)
    return text


def test_the_report_sentence_stays_word_for_word() -> None:
    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    assert explain(catalog, "sdm_koperasi_meningkat", 2025).sentence == (
        "Jumlah pengurus koperasi yang difasilitasi Pendidikan dan pelatihan sebanyak 412 orang dibagi jumlah "
        "total pengurus koperasi sebanyak 2.946 orang dikali 100 menghasilkan angka 13,99%; capaian 164,59% "
        "dari target 8,5% (Sangat Baik)."
    )


def test_a_divisor_in_parentheses_keeps_them(tmp_path: Path) -> None:
    grouped = sentence_for(tmp_path, "hari_rawat / (tempat_tidur * 365) * 100", hari_rawat=40000, tempat_tidur=200)
    assert grouped.startswith(
        "Jumlah hari rawat sebanyak 40.000 hari dibagi (jumlah tempat tidur sebanyak 200 unit dikali 365) "
        "dikali 100 menghasilkan angka 54,79; "
    )
    flat = sentence_for(tmp_path, "hari_rawat / tempat_tidur * 365 * 100", hari_rawat=40000, tempat_tidur=200)
    assert flat.startswith(
        "Jumlah hari rawat sebanyak 40.000 hari dibagi jumlah tempat tidur sebanyak 200 unit dikali 365 "
        "dikali 100 menghasilkan angka 7.300.000,00; "
    )


def test_a_difference_divided_is_bracketed(tmp_path: Path) -> None:
    text = sentence_for(tmp_path, "(a - b) / a", a=50, b=20)
    assert text.startswith(
        "(Nilai A sebanyak 50 orang dikurangi dana B sebesar Rp 20) dibagi nilai A sebanyak 50 orang"
    )
    assert "menghasilkan angka 0,60;" in text
    english = sentence_for(tmp_path, "(a - b) / a", lang="en", a=50, b=20)
    assert english.startswith("(Nilai A of 50 orang minus Dana B of Rp 20) divided by Nilai A of 50 orang gives 0.60;")


def test_growth_and_pct_are_phrases_bracketed_as_operands(tmp_path: Path) -> None:
    catalog = write_catalog(tmp_path, "growth(a) * 2 + pct(b, c)")
    data = Data.from_values({"a": {2024: 40, 2025: 50}, "b": {2025: 3}, "c": {2025: 4}})
    text = explain(catalog, "dinilai", 2025, data=data).sentence
    assert text.startswith(
        "(Pertumbuhan nilai A dari 40 orang pada tahun 2024 menjadi 50 orang pada tahun 2025) dikali 2 ditambah "
        "(dana B sebesar Rp 3 dibagi rasio C sebesar 4% dikali 100) menghasilkan angka 125,00;"
    )
    assert [value for _, value, _ in read_back(text, catalog, "id")] == [D(125), D(125)]


def test_pct_of_a_sum_and_the_average_of_sums(tmp_path: Path) -> None:
    pct = sentence_for(tmp_path, "pct(a + b, c)", a=1, b=2, c=4)
    assert pct.startswith(
        "(Nilai A sebanyak 1 orang ditambah dana B sebesar Rp 2) dibagi rasio C sebesar 4% dikali 100 "
    )
    avg = sentence_for(tmp_path, "avg(a + b, sum(c, 1), c)", a=1, b=2, c=4)
    assert avg.startswith(
        "Rata-rata dari (nilai A sebanyak 1 orang ditambah dana B sebesar Rp 2), (jumlah dari rasio C sebesar 4% "
        "dan 1) dan rasio C sebesar 4% menghasilkan angka 4,00;"
    )


def test_minus_signs_abs_and_round(tmp_path: Path) -> None:
    text = sentence_for(tmp_path, "-(a + b) * 2 - -3 + abs(a - b) + round(a / 3, 1)", a=1, b=2)
    assert text.startswith(
        "(Negatif (nilai A sebanyak 1 orang ditambah dana B sebesar Rp 2)) dikali 2 dikurangi -3 ditambah "
        "(nilai mutlak dari (nilai A sebanyak 1 orang dikurangi dana B sebesar Rp 2)) ditambah "
        "((nilai A sebanyak 1 orang dibagi 3) dibulatkan ke 1 desimal) menghasilkan angka -1,70;"
    )


def test_a_referenced_indicator_is_printed_at_its_decimals(tmp_path: Path) -> None:
    ratio = {"r": {"name": "Rasio R", "level": "program", "unit": "%", "formula": "a / b * 100"}}
    # 3.125 prints 3,13; plus 1 it is 4,13 whether r enters the formula exact or as printed.
    text = sentence_for(tmp_path, "r + 1", extra=ratio, a=1, b=32)
    assert text.startswith("Rasio R sebesar 3,13% ditambah 1 menghasilkan angka 4,13;")
    # 60 / 982 x 100 is 6.1099796...: it enters the formula as printed, 6.11, and is worded so.
    text = sentence_for(tmp_path, "r + 1", extra=ratio, a=60, b=982)
    assert text.startswith("Rasio R sebesar 6,11% ditambah 1 menghasilkan angka 7,11;") and "6,1099" not in text


def test_what_has_no_words_is_quoted_with_its_values(tmp_path: Path) -> None:
    catalog = write_catalog(tmp_path, "if(a > b, a, b) + p")
    data = Data.from_values({"a": {2025: 5}, "b": {2025: D("2.5")}})
    text = explain(catalog, "dinilai", 2025, data=data).sentence
    assert text.startswith("Rumus if(a > b, a, b) + p dengan a = 5, b = 2,5, p = 10,00 menghasilkan angka 15,00;")


def test_a_realisation_given_in_the_catalogs_data_names_the_file_as_the_planner_knows_it() -> None:
    """'data/2025.toml', relative to the catalog's folder, not the absolute path of this machine."""
    import lkip_rules

    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    steps = explain(catalog, "koperasi_berkualitas", 2025, lang="en").steps
    assert "realisation given in data/2025.toml" in "\n".join(steps).lower()
    assert str(lkip_rules.BUNDLED_CATALOG) not in "\n".join(steps)
