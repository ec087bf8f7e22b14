"""The words of explanations in both languages, and the small phrases the sentence and the steps share."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from lkip_rules.locale import Lang, number
from lkip_rules.results import IndicatorResult

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

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


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def when(result: IndicatorResult, lang: Lang) -> str:
    """2025, or "triwulan II 2025" up to a quarter."""
    if result.quarter is None:
        return str(result.year)
    return f"{str(WORDS[lang]['quarter']).format(roman=ROMAN[result.quarter])} {result.year}"


def progress(result: IndicatorResult, lang: Lang) -> str:
    shown = target_text(attrs.evolve(result, target=result.year_target), lang)
    return str(WORDS[lang]["progress"]).format(target=shown, value=number(result.year_progress, lang))


def target_text(result: IndicatorResult, lang: Lang) -> str:
    """The target with its unit; a range as "7–8 hari" (an en dash, the unit once, after)."""
    target = result.target
    if isinstance(target, tuple):
        return with_unit(f"{number(target[0], lang)}–{number(target[1], lang)}", result.unit)
    return with_unit(number(target, lang), result.unit)


def with_unit(text: str, unit: str) -> str:
    """A figure, as written, with its unit: 6,11%, Rp 1.000, 412 orang."""
    if unit.strip() in ("%", "persen", "Persen"):
        return f"{text}%"
    if unit.strip().lower() in ("rp", "rupiah"):
        return f"Rp {text}"
    return f"{text} {unit}".strip()


def lower_first(text: str, lang: Lang) -> str:
    """A name inside an Indonesian sentence: its first letter in lower case ("jumlah pengurus
    koperasi"), unless the name is written as a title — most of its longer words capitalised,
    "Persentase Koperasi yang Berkualitas" — which keeps its capitals, never half of them."""
    if lang != "id" or not text[:2].istitle():
        return text
    words = [word for word in text.split()[1:] if len(word) > 3 and word.isalpha() and not word.isupper()]
    titled = [word for word in words if word[0].isupper()]
    return text if words and 2 * len(titled) >= len(words) else text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """The sentence's first letter in upper case, also behind an opening parenthesis."""
    at = len(text) - len(text.lstrip("("))
    return text[:at] + text[at : at + 1].upper() + text[at + 1 :]


def name_of(name: str, catalog: Catalog) -> str:
    if name in catalog.inputs:
        return catalog.inputs[name].name
    if name in catalog.indicators:
        return catalog.indicators[name].name
    return name


def unit_of(name: str, catalog: Catalog) -> str:
    if name in catalog.inputs:
        return catalog.inputs[name].unit.strip()
    if name in catalog.indicators:
        return catalog.indicators[name].unit.strip()
    return ""
