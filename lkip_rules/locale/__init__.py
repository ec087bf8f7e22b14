"""Words and number formats for Bahasa Indonesia (the default) and English.

Messages of the core are :class:`~lkip_rules.locale.text.Text` (see ``text.py``); their
templates in both languages are in ``messages.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from lkip_rules.locale.text import Text

Lang = Literal["id", "en"]

LABELS_EN = {
    "Sangat Baik": "Very good",
    "Baik": "Good",
    "Cukup": "Fair",
    "Kurang": "Poor",
    "Sangat Tinggi": "Very high",
    "Tinggi": "High",
    "Sedang": "Medium",
    "Rendah": "Low",
    "Sangat Rendah": "Very low",
    "Sangat Memuaskan": "Excellent",
    "Memuaskan": "Satisfactory",
    "Sangat Kurang": "Very poor",
}

STATUS = {
    "id": {"ok": "ok", "missing-data": "data belum lengkap", "undefined": "tidak terdefinisi", "error": "galat"},
    "en": {"ok": "ok", "missing-data": "missing data", "undefined": "undefined", "error": "error"},
}

HEADERS = {
    "id": {
        "sasaran": "Sasaran / Induk",
        "indicator": "Indikator Kinerja",
        "unit": "Satuan",
        "target": "Target",
        "realisation": "Realisasi",
        "achievement": "Capaian (%)",
        "category": "Kategori",
        "status": "Status",
        "previous": "Realisasi Tahun Lalu",
        "previous_achievement": "Capaian Tahun Lalu (%)",
        "end_target": "Target Akhir Renstra",
        "end_achievement": "Capaian thd Renstra (%)",
        "benchmark": "Pembanding",
        "pagu": "Pagu (Rp)",
        "realisasi": "Realisasi Anggaran (Rp)",
        "serapan": "Serapan (%)",
        "id": "Kode",
        "level": "Tingkat",
    },
    "en": {
        "sasaran": "Objective / Parent",
        "indicator": "Indicator",
        "unit": "Unit",
        "target": "Target",
        "realisation": "Realisation",
        "achievement": "Achievement (%)",
        "category": "Category",
        "status": "Status",
        "previous": "Last year's realisation",
        "previous_achievement": "Last year's achievement (%)",
        "end_target": "Renstra end target",
        "end_achievement": "Against end target (%)",
        "benchmark": "Benchmark",
        "pagu": "Budget (Rp)",
        "realisasi": "Spent (Rp)",
        "serapan": "Absorption (%)",
        "id": "Id",
        "level": "Level",
    },
}


def number(value: Decimal | None, lang: Lang, places: int | None = None) -> str:
    """1.234,56 in Indonesian, 1,234.56 in English; ``places`` fixes the decimals."""
    if value is None:
        return "-"
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    text = format(value, ",f")
    if lang == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def label(text: str, lang: Lang) -> str:
    """A category label in the language asked for (scales are written in Indonesian)."""
    return LABELS_EN.get(text, text) if lang == "en" else text


_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}

# Messages in results are written in English by the core; these put the common ones into
# Bahasa Indonesia for the faces. A message that matches none is shown as it is.
_MESSAGES_ID: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"no value for '([^']+)' for (\d{4})"), r"tidak ada nilai '\1' untuk tahun \2"),
    (re.compile(r"no value for '([^']+)'"), r"tidak ada nilai '\1'"),
    (re.compile(r"no target for (\d{4})"), r"tidak ada target untuk tahun \1"),
    (
        re.compile(r"no Rencana Aksi target for q(\d) of (\d{4}): a quarter is never scored against the year's"),
        lambda m: (
            f"tidak ada target Rencana Aksi untuk triwulan {_ROMAN[m.group(1)]} tahun {m.group(2)}: capaian "
            "sampai suatu triwulan tidak dihitung terhadap target setahun"
        ),
    ),
    (re.compile(r"realisation given in (.+?)(?=;|$)"), r"realisasi diberikan di \1"),
    (
        re.compile(
            r"the target is 0, so the achievement is undefined; declare zero_target = \"met\" "
            r"to score 100 when the target is met"
        ),
        'target 0, sehingga capaian tidak terdefinisi; nyatakan zero_target = "met" agar bernilai 100 jika tercapai',
    ),
    (re.compile(r"division by zero: the divisor (.+?) is 0"), r"pembagian dengan nol: pembagi \1 bernilai 0"),
    (re.compile(r"cannot aggregate \((\w+)\): "), r"tidak dapat diagregasi (\1): "),
    (
        re.compile(r"not computed because of an error in the catalog \((.*)\); run 'lkip check'", re.DOTALL),
        r"tidak dihitung karena ada kesalahan dalam katalog (\1); jalankan 'lkip check'",
    ),
    (
        re.compile(r"it is computed from '([^']+)', which cannot be computed"),
        r"dihitung dari '\1', yang tidak dapat dihitung",
    ),
    (re.compile(r"realisation is 0: T / R is undefined"), "realisasi 0: T / R tidak terdefinisi"),
    (re.compile(r"capped at ([\d.]+)"), r"dibatasi paling tinggi \1"),
    (re.compile(r"floored at ([\d.]+)"), r"dibatasi paling rendah \1"),
    (re.compile(r"\b(missing-data|undefined|error)\b"), lambda m: STATUS["id"][m.group(1)]),
    (re.compile(r"(\w+) is blank\b"), r"\1 kosong"),
    (re.compile(r"(q\d(?:, q\d)*) are blank\b"), r"\1 kosong"),
]


def message(text: str, lang: Lang) -> str:
    """A message in the language asked for: a Text in its own words; an older plain message
    through the patterns above."""
    if isinstance(text, Text):
        return text.said(lang)
    if lang == "en" or not text:
        return text
    for pattern, replacement in _MESSAGES_ID:
        text = pattern.sub(replacement, text)
    return text
