"""Words and number formats for Bahasa Indonesia (the default) and English.

Messages of the core are :class:`~lkip_rules.locale.text.Text` (see ``text.py``); their
templates in both languages are in ``messages.py``.
"""

from __future__ import annotations

from typing import Literal

from lkip_rules.locale.text import Text as Text  # re-exported: messages of the core
from lkip_rules.locale.text import number as number  # re-exported: figures in either language

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

# A result's status as a face shows it (docs/language.md): "terhitung" — computed, with an
# achievement — rather than "ok", which is no Indonesian word; the other three name the reason.
STATUS = {
    "id": {"ok": "terhitung", "missing-data": "data belum lengkap", "undefined": "tidak terdefinisi", "error": "galat"},
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


def label(text: str, lang: Lang) -> str:
    """A category label in the language asked for (scales are written in Indonesian)."""
    return LABELS_EN.get(text, text) if lang == "en" else text


def message(text: object, lang: Lang) -> str:
    """A message in the language asked for: a Text — or an error, an issue, anything with
    ``said(lang)`` — in its own words; plain text (a planner's, or another library's) as it is."""
    said = getattr(text, "said", None)
    return str(said(lang)) if callable(said) else str(text)
