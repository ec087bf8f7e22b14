"""The words of the chapter, in Bahasa Indonesia and in English, side by side.

Titles, column headers and the few sentences the builder writes. Placeholders in braces are
filled with ``str.format``; numbers are formatted before they go in (1.234,56 in Indonesian).
"""

from __future__ import annotations

from lkip_rules.locale import Lang

WORDS: dict[str, tuple[str, str]] = {
    # -- the chapter and its parts ----------------------------------------------------------
    "chapter": ("BAB III AKUNTABILITAS KINERJA", "CHAPTER III PERFORMANCE ACCOUNTABILITY"),
    "part_performance": ("3.1 Capaian Kinerja Organisasi", "3.1 Organisational performance"),
    "part_budget": ("3.2 Realisasi Anggaran", "3.2 Budget realisation"),
    "table": ("Tabel", "Table"),
    "figure": ("Gambar", "Figure"),
    "when_year": ("Tahun {year}", "in {year}"),
    "when_quarter": ("s.d. Triwulan {roman} Tahun {year}", "up to quarter {roman} of {year}"),
    "sasaran": ("Sasaran Strategis: {name}", "Strategic objective: {name}"),
    "sasaran_period": ("{name} (Renstra {first}\u2013{last})", "{name} (Renstra {first}\u2013{last})"),
    "orphans": ("Indikator Kinerja tanpa Sasaran", "Indicators without an objective"),
    "indicator": ("Indikator Kinerja {n}: {name}", "Indicator {n}: {name}"),
    "efficiency_part": ("Efisiensi Sumber Daya", "Efficiency of resources"),
    # -- sentences --------------------------------------------------------------------------
    "intro": (
        "Pengukuran kinerja membandingkan realisasi setiap indikator kinerja dengan targetnya. Capaian "
        "kinerja dinyatakan dalam persen dan diberi kategori menurut skala pada tabel berikut.",
        "Performance is measured by comparing each indicator's realisation with its target. The "
        "achievement is a percentage, named by the scale in the table below.",
    ),
    "intro_pk": (
        "Target yang diukur adalah target Perjanjian Kinerja {when} berikut.",
        "The targets measured are those of the Performance Agreement {when} below.",
    ),
    "intro_summary": (
        "Capaian seluruh Indikator Kinerja Utama {when}, dikelompokkan menurut sasaran strategis:",
        "The achievement of every key performance indicator {when}, by strategic objective:",
    ),
    "no_indicators": (
        "Tidak ada sasaran atau indikator kinerja yang periodenya mencakup tahun {year}.",
        "No objective or indicator has a period that covers {year}.",
    ),
    "no_previous": (
        "Belum ada data tahun sebelumnya untuk dibandingkan.",
        "There are no figures of earlier years to compare with.",
    ),
    "no_end_target": (
        "Indikator ini tidak memiliki target akhir Renstra.",
        "This indicator has no Renstra end target.",
    ),
    "end_target_sentence": (
        "Terhadap target akhir Renstra tahun {year} sebesar {target}, realisasi {now} memberikan capaian {value}%.",
        "Against the Renstra end target of {target} for {year}, the realisation of {now} is an achievement "
        "of {value}%.",
    ),
    "no_benchmark": (
        "Belum ada pembanding nasional atau provinsi untuk indikator ini.",
        "There is no national or provincial benchmark for this indicator yet.",
    ),
    "placeholder_causes": (
        "[Diisi oleh perencana: uraikan penyebab keberhasilan atau kegagalan pencapaian kinerja, upaya "
        "yang telah dilakukan, faktor pendukung dan penghambat, serta rencana tindak lanjut.]",
        "[To be written by the planner: the causes of success or failure, the efforts made, the "
        "supporting and hindering factors, and the follow-up plan.]",
    ),
    "no_budget": (
        "Belum ada program atau kegiatan dengan anggaran yang dinyatakan mendukung indikator ini.",
        "No program or activity with a budget is declared to support this indicator.",
    ),
    "budget_sentence": (
        "Total anggaran {agency} {when} sebesar Rp {pagu} dengan realisasi Rp {realisasi} ({serapan}%) "
        "dan sisa anggaran Rp {sisa}.",
        "The total budget of {agency} {when} is Rp {pagu}, of which Rp {realisasi} was spent ({serapan}%), "
        "leaving Rp {sisa}.",
    ),
    "budget_changed": (
        "Pagu murni (APBD) sebesar Rp {murni} berubah pada perubahan anggaran (P-APBD) menjadi Rp {pagu}.",
        "The original budget (APBD) of Rp {murni} became Rp {pagu} at the budget change (P-APBD).",
    ),
    "no_previous_budget": (
        "Belum ada data anggaran tahun {year} untuk dibandingkan.",
        "There are no budget figures for {year} to compare with.",
    ),
    "no_budget_figures": (
        "Belum ada data pagu dan realisasi anggaran tahun {year}.",
        "There are no budget figures for {year} yet.",
    ),
    "no_budget_lines": (
        "Katalog belum memuat program, kegiatan, dan sub kegiatan beserta anggarannya.",
        "The catalog declares no programs, activities and sub-activities with their budget.",
    ),
    "efficiency_points": (
        "Efisiensi dihitung sebagai capaian kinerja dikurangi serapan anggaran, dalam poin persentase: "
        "angka positif berarti capaian lebih tinggi daripada anggaran yang terserap.",
        "Efficiency is the achievement minus the budget absorption, in percentage points: a positive "
        "figure means more was achieved than the share of the budget spent.",
    ),
    "efficiency_unspent": (
        "Efisiensi dinyatakan sebagai sisa anggaran: pagu dikurangi realisasi, dalam rupiah dan dalam "
        "persen pagu (100 dikurangi serapan).",
        "Efficiency is the unspent budget: the budget minus what was spent, in rupiah and as a share of "
        "the budget (100 minus the absorption).",
    ),
    "no_efficiency": (
        "Sasaran ini dan indikatornya belum memiliki anggaran yang dinyatakan, sehingga efisiensinya belum "
        "dapat dihitung.",
        "This objective and its indicators have no declared budget, so their efficiency cannot be computed.",
    ),
    "provisional_note": (
        "{mark} Angka sementara (belum final): {names}.",
        "{mark} Provisional figure (not final): {names}.",
    ),
    "revised_note": (
        "{mark} {name}: target setelah perubahan Perjanjian Kinerja; target awal {signed}.",
        "{mark} {name}: the target after the revision of the Performance Agreement; signed target {signed}.",
    ),
    "audit_note": (
        "{mark} {what} {name}{year}: laporan mencetak {printed}, yang benar {computed}. {why}",
        "{mark} {what} of {name}{year}: the report printed {printed}, the right one is {computed}. {why}",
    ),
    "audit_malformed": (
        "{mark} {what} {name}{year}: laporan mencetak {printed}, yang bukan angka yang sah.",
        "{mark} {what} of {name}{year}: the report printed {printed}, which is no valid number.",
    ),
    "audit_year": (" tahun {year}", " for {year}"),
    # -- table titles -----------------------------------------------------------------------
    "t_scale": ("Skala Kategori Capaian Kinerja: {name}", "Achievement categories: {name}"),
    "t_pk": ("Perjanjian Kinerja {when}", "Performance Agreement {when}"),
    "t_pk_budget": ("Program dan Anggaran Perjanjian Kinerja {when}", "Programs and budget of the agreement {when}"),
    "t_summary": ("Capaian Kinerja {agency} {when}", "Performance of {agency} {when}"),
    "t_indicator": ("Capaian Indikator Kinerja “{name}” {when}", "Achievement of “{name}” {when}"),
    "t_years": (
        "Realisasi dan Capaian “{name}” dari Tahun ke Tahun",
        "Realisation and achievement of “{name}” over the years",
    ),
    "t_end": (
        "Perbandingan Realisasi “{name}” dengan Target Akhir Renstra",
        "“{name}” against the Renstra end target",
    ),
    "t_benchmark": ("Perbandingan “{name}” dengan Pembanding", "“{name}” against the benchmark"),
    "t_supporting": (
        "Indikator Program Pendukung “{name}”",
        "Program indicators supporting “{name}”",
    ),
    "t_allocation": (
        "Alokasi dan Realisasi Anggaran untuk “{name}”",
        "Budget allocated to and spent for “{name}”",
    ),
    "t_efficiency": ("Efisiensi Sumber Daya Sasaran “{name}”", "Efficiency of resources for “{name}”"),
    "t_budget": (
        "Pagu dan Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan {when}",
        "Budget and spending by program, activity and sub-activity {when}",
    ),
    "t_budget_years": (
        "Perbandingan Pagu dan Realisasi Anggaran per Program Tahun {year} dan {previous}",
        "Budget and spending by program, {year} and {previous}",
    ),
    # -- column headers ---------------------------------------------------------------------
    "c_code": ("Kode", "Code"),
    "c_category_code": ("Kode", "Code"),
    "c_category": ("Kategori", "Category"),
    "c_range": ("Rentang Capaian (%)", "Achievement range (%)"),
    "c_indicator": ("Indikator Kinerja", "Indicator"),
    "c_sasaran_indicator": ("Sasaran Strategis / Indikator Kinerja", "Objective / indicator"),
    "c_unit": ("Satuan", "Unit"),
    "c_target": ("Target", "Target"),
    "c_target_year": ("Target {year}", "Target {year}"),
    "c_signed": ("Target Awal (PK)", "Signed target"),
    "c_realisation": ("Realisasi", "Realisation"),
    "c_realisation_year": ("Realisasi {year}", "Realisation {year}"),
    "c_achievement": ("Capaian (%)", "Achievement (%)"),
    "c_year_target": ("Target Tahunan", "Yearly target"),
    "c_year_progress": ("Progres thd Target Tahunan (%)", "Progress to the yearly target (%)"),
    "c_year": ("Tahun", "Year"),
    "c_trend": ("Tren", "Trend"),
    "c_end_target": ("Target Akhir Renstra ({year})", "Renstra end target ({year})"),
    "c_end_achievement": ("Capaian thd Target Akhir (%)", "Against the end target (%)"),
    "c_benchmark": ("Pembanding", "Compared with"),
    "c_line": ("Program / Kegiatan / Sub Kegiatan", "Program / activity / sub-activity"),
    "c_program": ("Program", "Program"),
    "c_pagu_murni": ("Pagu Murni (Rp)", "Original budget (Rp)"),
    "c_pagu": ("Pagu (Rp)", "Budget (Rp)"),
    "c_pagu_year": ("Pagu {year} (Rp)", "Budget {year} (Rp)"),
    "c_realisasi": ("Realisasi (Rp)", "Spent (Rp)"),
    "c_realisasi_year": ("Realisasi {year} (Rp)", "Spent {year} (Rp)"),
    "c_serapan": ("Serapan (%)", "Absorption (%)"),
    "c_serapan_year": ("Serapan {year} (%)", "Absorption {year} (%)"),
    "c_sisa": ("Sisa Anggaran (Rp)", "Unspent (Rp)"),
    "c_sisa_percent": ("Sisa (%)", "Unspent (%)"),
    "c_efficiency": ("Efisiensi (poin)", "Efficiency (points)"),
    "c_kinerja": ("Capaian Kinerja (%)", "Achievement (%)"),
    "total": ("Jumlah", "Total"),
    "agency_row": ("{name} ({agency})", "{name} ({agency})"),
    # -- words in cells ---------------------------------------------------------------------
    "improved": ("membaik", "improved"),
    "declined": ("menurun", "declined"),
    "unchanged": ("tetap", "unchanged"),
    "above": ("di atas {low}", "above {low}"),
    "at_least": ("{low} atau lebih", "{low} or more"),
    "above_to": ("di atas {low} s.d. {high}", "above {low} up to {high}"),
    "above_below": ("di atas {low} dan di bawah {high}", "above {low} and below {high}"),
    "at_least_to": ("{low} s.d. {high}", "{low} to {high}"),
    "at_least_below": ("{low} s.d. di bawah {high}", "{low} to below {high}"),
    "up_to": ("{high} atau kurang", "{high} or less"),
    "below": ("di bawah {high}", "below {high}"),
    "any": ("semua nilai", "any value"),
    # -- what an audited figure is ----------------------------------------------------------
    "f_target": ("Target", "The target"),
    "f_realisation": ("Realisasi", "The realisation"),
    "f_achievement": ("Capaian", "The achievement"),
    "f_category": ("Kategori", "The category"),
    "f_end_target": ("Target akhir", "The end target"),
    "f_end_achievement": ("Capaian terhadap target akhir", "The achievement against the end target"),
    "f_pagu": ("Pagu", "The budget"),
    "f_pagu_murni": ("Pagu murni", "The original budget"),
    "f_realisasi": ("Realisasi anggaran", "The spending"),
    "f_serapan": ("Serapan", "The absorption"),
    "f_sisa": ("Sisa anggaran", "The unspent budget"),
    "the_total": ("seluruh program", "all programs"),
}

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def word(key: str, lang: Lang, **values: object) -> str:
    """The text of ``key`` in ``lang``, with ``values`` filled in."""
    text = WORDS[key][0 if lang == "id" else 1]
    return text.format(**values) if values else text


def when(year: int, quarter: int | None, lang: Lang) -> str:
    """ "Tahun 2025", or "s.d. Triwulan II Tahun 2025" up to a quarter."""
    if quarter is None:
        return word("when_year", lang, year=year)
    return word("when_quarter", lang, year=year, roman=ROMAN[quarter])
