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

from typing import TYPE_CHECKING

import attrs

from lkip_rules.errors import ArgumentError
from lkip_rules.explain.sentence import sentence
from lkip_rules.explain.steps import steps_of
from lkip_rules.explain.words import WORDS
from lkip_rules.locale import Lang

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.catalog.model import Data

__all__ = ["Explanation", "explain"]


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
    steps = tuple(steps_of(catalog, result, lang))
    return Explanation(indicator_id, year, steps, sentence(catalog, results, result, lang))
