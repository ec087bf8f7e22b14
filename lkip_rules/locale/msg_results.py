"""Results and explain: statuses' reasons, rules, evaluation, scoring, budget.

Wording: a status inside a message is the code in English ("missing-data", as the JSON has it)
and the planner's words in Indonesian ("data belum lengkap"); a quarter is "q2" in English and
"triwulan II" in Indonesian; a range is "[7, 8]" in English and "7–8" in Indonesian (a comma
inside brackets would read as a decimal comma).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- pieces other messages put together ---------------------------------------------------
    "status.ok": ("ok", "terhitung"),
    "status.missing-data": ("missing-data", "data belum lengkap"),
    "status.undefined": ("undefined", "tidak terdefinisi"),
    "status.error": ("error", "galat"),
    "quarter.1": ("q1", "triwulan I"),
    "quarter.2": ("q2", "triwulan II"),
    "quarter.3": ("q3", "triwulan III"),
    "quarter.4": ("q4", "triwulan IV"),
    "labelled": ("{name}: {text}", "{name}: {text}"),
    "with-detail": ("{text} ({detail})", "{text} ({detail})"),
    "assigned": ("{name} = {value}", "{name} = {value}"),
    # -- realisations ---------------------------------------------------------------------------
    "realise.cycle": ("'{id}' depends on itself (a cycle)", "'{id}' bergantung pada dirinya sendiri (siklus)"),
    "realise.too-deep": (
        "indicators reference each other too deeply",
        "rantai rujukan antarindikator terlalu dalam",
    ),
    "realise.given": ("realisation given in {file}", "realisasi diisi langsung di {file}"),
    "realise.formula-errors": ("the formula has errors", "rumusnya mengandung kesalahan"),
    "realise.too-large": (
        "the realisation {value} has more than {digits} digits before the decimal point; check the figures",
        "realisasi {value} memiliki lebih dari {digits} angka di depan koma desimal; periksa angka-angkanya",
    ),
    "realise.no-year": (
        "{year} is outside the period of '{id}' and has no figures",
        "tahun {year} di luar periode '{id}' dan tidak ada datanya",
    ),
    "realise.no-value": ("no value for '{name}'", "tidak ada nilai '{name}'"),
    "realise.no-value-year": ("no value for '{name}' for {year}", "tidak ada nilai '{name}' untuk tahun {year}"),
    "realise.blocked": (
        "not computed because of an error in the catalog ({why}); run 'lkip check'",
        "tidak dihitung karena ada kesalahan dalam katalog ({why}); jalankan 'lkip check'",
    ),
    "realise.computed-from": (
        "it is computed from '{name}', which cannot be computed ({why})",
        "dihitung dari '{name}', yang tidak dapat dihitung ({why})",
    ),
    # -- quarters rolled up ---------------------------------------------------------------------
    "rollup.none-filled": ("no quarter up to {quarter} is filled", "belum ada triwulan yang terisi sampai {quarter}"),
    "rollup.blank-one": ("{quarters} is blank", "{quarters} kosong"),
    "rollup.blank-many": ("{quarters} are blank", "{quarters} kosong"),
    "rollup.no-rule": (
        "quarterly values but no rollup rule",
        "ada nilai per triwulan tetapi tidak ada aturan rollup",
    ),
    # -- scoring --------------------------------------------------------------------------------
    "score.no-target": ("no target for {year}", "tidak ada target untuk tahun {year}"),
    "score.no-quarter-target": (
        "no Rencana Aksi target for {quarter} of {year}: a quarter is never scored against the year's",
        "tidak ada target Rencana Aksi untuk {quarter} tahun {year}: capaian sampai suatu triwulan tidak dihitung "
        "terhadap target setahun",
    ),
    "score.zero-target": (
        'the target is 0, so the achievement is undefined; declare zero_target = "met" to score 100 when the '
        "target is met",
        'target bernilai 0 sehingga capaian tidak terdefinisi; nyatakan zero_target = "met" agar capaian bernilai '
        "100 jika target tercapai",
    ),
    "score.inverse-zero": ("realisation is 0: T / R is undefined", "realisasi 0: T / R tidak terdefinisi"),
    "score.too-large": (
        "the achievement {value}% is too large to print; check the target and the realisation",
        "capaian {value}% terlalu besar untuk dicetak; periksa target dan realisasinya",
    ),
    "score.capped": ("capped at {cap}", "dibatasi paling tinggi {cap}"),
    "score.floored": ("floored at {floor}", "dibatasi paling rendah {floor}"),
    # -- the rules of polarity ------------------------------------------------------------------
    "rule.inside-range": ("inside the target range [{low}, {high}]: 100", "di dalam rentang target {low}–{high}: 100"),
    "rule.below-range": (
        "below the range [{low}, {high}]: {rule} with T = {bound}",
        "di bawah rentang {low}–{high}: {rule} dengan T = {bound}",
    ),
    "rule.above-range": (
        "above the range [{low}, {high}]: {rule} with T = {bound}",
        "di atas rentang {low}–{high}: {rule} dengan T = {bound}",
    ),
    "rule.zero-undefined": ("zero_target = undefined", 'zero_target = "undefined": capaian tidak terdefinisi'),
    "rule.zero-met": (
        "zero_target = met: 100 when the target of 0 is met, else 0",
        'zero_target = "met": 100 jika target 0 tercapai, selain itu 0',
    ),
    "polarity.positive": ("positive", "positif"),
    "polarity.negative": ("negative", "negatif"),
    "polarity.stable": ("stable", "stabil"),
    # -- the bands of a category scale -----------------------------------------------------------
    "band.above": ("{code} ({label}): above {bound}", "{code} ({label}): di atas {bound}"),
    "band.min": ("{code} ({label}): {bound} or more", "{code} ({label}): {bound} atau lebih"),
    "band.rest": ("{code} ({label}): the rest", "{code} ({label}): selebihnya"),
    "band.above-bound": ("above {bound}", "di atas {bound}"),
    "band.min-bound": ("{bound} or more", "{bound} atau lebih"),
    "band.rest-bound": ("the rest", "selebihnya"),
    # -- parents from their children ------------------------------------------------------------
    "method.mean": ("mean", "rata-rata"),
    "method.weighted": ("weighted", "rata-rata tertimbang"),
    "method.budget-weighted": ("budget-weighted", "rata-rata tertimbang (bobot pagu)"),
    "method.min": ("min", "nilai terendah"),
    "aggregate.rule": ("{method} of the children ({children})", "{method} capaian indikator di bawahnya ({children})"),
    "aggregate.cannot": ("cannot aggregate ({method}): {why}", "tidak dapat diagregasi ({method}): {why}"),
    "aggregate.no-children": ("it has no children", "tidak ada indikator di bawahnya"),
    "aggregate.no-weight": ("no weight for {year} on {children}", "tidak ada bobot tahun {year} pada {children}"),
    "aggregate.no-pagu": (
        "no budget line with a pagu for {year} supports {children}",
        "tidak ada baris anggaran berpagu tahun {year} yang mendukung {children}",
    ),
    "aggregate.zero-weights": ("the children's weights add up to 0", "jumlah bobot indikator di bawahnya 0"),
    # -- budget ---------------------------------------------------------------------------------
    "budget.no-pagu": ("no pagu for this line", "pagu baris ini belum diisi"),
    "budget.no-realisasi": ("no realisasi for this line", "realisasi baris ini belum diisi"),
    "budget.zero-pagu": ("pagu is 0: absorption is undefined", "pagu 0: serapan tidak terdefinisi"),
    "budget.not-adding-up": (
        "its children add up to pagu {children_pagu} and realisasi {children_realisasi}, not {pagu} and {realisasi}",
        "rincian di bawahnya berjumlah pagu {children_pagu} dan realisasi {children_realisasi}, bukan {pagu} dan "
        "{realisasi}",
    ),
    # -- a formula evaluated on figures ---------------------------------------------------------
    "eval.division-by-zero": (
        "division by zero: the divisor {divisor} is 0",
        "pembagian dengan nol: pembagi {divisor} bernilai 0",
    ),
    "eval.division-by-zero-values": (
        "division by zero: the divisor {divisor} is 0 ({values})",
        "pembagian dengan nol: pembagi {divisor} bernilai 0 ({values})",
    ),
}
