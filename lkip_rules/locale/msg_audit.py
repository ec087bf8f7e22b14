"""The audit: findings, causes, explanations, what could not be checked.

A field is named by its code in English ("achievement", "pagu_murni", as the data file's
[reported] rows write it) and in words in Indonesian ("capaian", "pagu murni"); a cause likewise
("rounding" / "pembulatan"). "Realisasi" alone is an indicator's realisation; the money spent is
"realisasi anggaran".
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- fields of a printed row ----------------------------------------------------------------
    "field.target": ("target", "target"),
    "field.realisation": ("realisation", "realisasi"),
    "field.achievement": ("achievement", "capaian"),
    "field.category": ("category", "kategori"),
    "field.end_target": ("end_target", "target akhir Renstra"),
    "field.end_achievement": ("end_achievement", "capaian thd target akhir"),
    "field.pagu": ("pagu", "pagu"),
    "field.pagu_murni": ("pagu_murni", "pagu murni"),
    "field.realisasi": ("realisasi", "realisasi anggaran"),
    "field.serapan": ("serapan", "serapan"),
    "field.sisa": ("sisa", "sisa anggaran"),
    # -- likely causes (lkip_rules.audit.CAUSES) ------------------------------------------------
    "cause.arithmetic": ("arithmetic", "salah hitung"),
    "cause.rounding": ("rounding", "pembulatan"),
    "cause.precision": ("precision", "kurang desimal"),
    "cause.rollup": ("rollup", "jumlah rincian"),
    "cause.copied": ("copied", "tersalin"),
    "cause.category": ("category", "kategori"),
    "cause.two-targets": ("two-targets", "dua target"),
    "cause.malformed": ("malformed", "angka rusak"),
    "cause.follows": ("follows", "akibat angka lain"),
    "cause.info": ("{cause} (info)", "{cause} (catatan)"),
    # -- ways of rounding, as a sentence says them ----------------------------------------------
    "mode.down": ("truncated", "dipotong"),
    "mode.half-up": ("rounded half-up", "dibulatkan setengah ke atas"),
    "mode.half-even": ("rounded half-even", "dibulatkan setengah ke genap"),
    "audit.catalog-rule": ("{mode} (the catalog's rule)", "{mode} (aturan katalog)"),
    "audit.cut": ("{value}…", "{value}…"),
    "audit.decimal": ("{count} decimal", "{count} desimal"),
    "audit.decimals": ("{count} decimals", "{count} desimal"),
    # -- what could not be checked --------------------------------------------------------------
    "audit.nothing-to-compare": ("nothing to compare it with", "tidak ada pembandingnya"),
    "audit.no-figure": ("the catalog gives no figure: {status}", "katalog tidak menghasilkan angka: {status}"),
    "audit.no-target": ("the catalog has no target for {year}", "katalog tidak memiliki target untuk tahun {year}"),
    "audit.no-end-target": (
        "the catalog has no end target for {year}",
        "katalog tidak memiliki target akhir Renstra untuk tahun {year}",
    ),
    "audit.achievement-not-ok": ("the achievement is {status}: {why}", "capaian {status}: {why}"),
    "audit.no-budget-line": (
        "no budget line of the catalog stands behind it",
        "tidak ada baris anggaran katalog yang mendasarinya",
    ),
    "audit.no-amount": ("the data gives no {field} for {year}", "data tidak memuat {field} tahun {year}"),
    # -- explanations of wrong figures ----------------------------------------------------------
    "audit.malformed": ("'{text}' is not a well-formed number", "'{text}' bukan angka yang ditulis dengan benar"),
    "audit.what-target": ("target", "target"),
    "audit.what-end-target": ("end target", "target akhir Renstra"),
    "audit.what-quarter-target": ("Rencana Aksi target for {quarter}", "target Rencana Aksi {quarter}"),
    "audit.scored-against": (
        "the catalog's {what} for {year} is {right}; the same indicator is scored here against {printed}",
        "{what} tahun {year} menurut katalog adalah {right}; indikator yang sama di sini dihitung terhadap {printed}",
    ),
    "audit.signed-target": (
        "{printed} is the target signed in the Perjanjian Kinerja (targets_initial); the target in force after "
        "its revision (PK perubahan) is {right}",
        "{printed} adalah target yang ditandatangani dalam Perjanjian Kinerja (targets_initial); target yang "
        "berlaku setelah revisi (PK perubahan) adalah {right}",
    ),
    "audit.rounding": (
        "{exact} {mode} gives {printed}; {rule} it is {right}",
        "{exact} {mode} menjadi {printed}; {rule} hasilnya {right}",
    ),
    "audit.rounding-worked": (
        "{worked} = {exact}: {mode} to {printed}; {rule} {right}",
        "{worked} = {exact}: {mode} menjadi {printed}; {rule} {right}",
    ),
    "audit.copied-realisation": (
        "equal to the {other} realisation; {year} gives {right}",
        "sama dengan realisasi tahun {other}; tahun {year} menghasilkan {right}",
    ),
    "audit.achievement-as-realisation": (
        "the achievement is printed as the realisation, which is {right}",
        "capaian tercetak sebagai realisasi; realisasinya {right}",
    ),
    "audit.figures-give": (
        "the figures give {exact}, which is printed {right}",
        "angka-angkanya menghasilkan {exact}, yang dicetak {right}",
    ),
    "audit.aggregate-gives": ("the {rule} gives {right}", "{rule} menghasilkan {right}"),
    "audit.right-achievement": ("the right achievement is {right}", "capaian yang benar adalah {right}"),
    "audit.right-achievement-beside": (
        "the right achievement is {right}; the figures printed beside it give {worked} = {given}",
        "capaian yang benar adalah {right}; angka yang tercetak di sampingnya menghasilkan {worked} = {given}",
    ),
    "audit.follows-short-realisation": (
        "{printed} follows from the printed realisation {real} ({worked}), which is printed with too few decimals; "
        "the realisation {computed} gives {right}{band}",
        "{printed} mengikuti realisasi tercetak {real} ({worked}), yang dicetak dengan desimal terlalu sedikit; "
        "realisasi {computed} menghasilkan {right}{band}",
    ),
    "audit.follows-wrong-realisation": (
        "{printed} follows from the printed realisation {real} ({worked}), which is itself wrong; the realisation "
        "{computed} gives {right}{band}",
        "{printed} mengikuti realisasi tercetak {real} ({worked}), yang juga salah; realisasi {computed} "
        "menghasilkan {right}{band}",
    ),
    "audit.follows-target": (
        "{printed} follows from the printed target {target}; against {computed} it is {right}",
        "{printed} mengikuti target tercetak {target}; terhadap {computed} hasilnya {right}",
    ),
    "audit.by-rules-exact": (
        "{worked}; by the catalog's rules (basis: the exact realisation) it is {right}",
        "{worked}; menurut aturan katalog (dasar: realisasi eksak) hasilnya {right}",
    ),
    "audit.by-rules-printed": (
        "{worked}; by the catalog's rules (basis: the printed realisation) it is {right}",
        "{worked}; menurut aturan katalog (dasar: realisasi tercetak) hasilnya {right}",
    ),
    "audit.shortened": (
        "it follows from the realisation shortened to {shortened} ({decimals}); the figures give {realisation}, "
        "so the achievement is {achievement}{band}",
        "capaian ini mengikuti realisasi yang dipendekkan menjadi {shortened} ({decimals}); angka-angkanya "
        "menghasilkan {realisation}, sehingga capaiannya {achievement}{band}",
    ),
    "audit.band-change": (
        "; the category is {code} ({label}), not {before}",
        "; kategorinya {code} ({label}), bukan {before}",
    ),
    "audit.category-follows": (
        "it follows from the printed achievement {shown}; at {right} it is {band}",
        "kategori ini mengikuti capaian tercetak {shown}; pada {right} kategorinya {band}",
    ),
    "audit.category-scale": ("on scale {scale}, {right} is {band}", "pada skala {scale}, {right} termasuk {band}"),
    "audit.shorter": (
        "printed with {printed} where the catalog prints {declared}: {right} (right at that precision)",
        "dicetak dengan {printed}, padahal katalog mencetak {declared}: {right} (benar pada ketelitian itu)",
    ),
    "audit.serapan-shorter": (
        "printed with {printed} where serapan has 2: {right} (right at that precision)",
        "dicetak dengan {printed}, padahal serapan memakai 2 desimal: {right} (benar pada ketelitian itu)",
    ),
    "audit.serapan-follows": (
        "{printed}% follows from the printed {field} {root}, which is itself wrong; realisasi {realisasi} of pagu "
        "{pagu} gives {right}%",
        "{printed}% mengikuti {field} tercetak {root}, yang juga salah; realisasi {realisasi} dari pagu {pagu} "
        "menghasilkan {right}%",
    ),
    "audit.serapan-rounding": (
        "{realisasi} / {pagu} x 100 = {exact}: {mode} to {printed}, rounded half-up {right}",
        "{realisasi} / {pagu} x 100 = {exact}: {mode} menjadi {printed}, dibulatkan setengah ke atas {right}",
    ),
    "audit.serapan-arithmetic": ("{realisasi} / {pagu} x 100 = {right}", "{realisasi} / {pagu} x 100 = {right}"),
    "audit.sisa-follows": (
        "it follows from the printed {field}, which is itself wrong; the right sisa is {right}",
        "sisa ini mengikuti {field} tercetak, yang juga salah; sisa anggaran yang benar {right}",
    ),
    "audit.sisa-arithmetic": ("pagu - realisasi = {right}", "pagu - realisasi = {right}"),
    "audit.copied-amount": (
        "equal to the {other} {field} of the same line; {year} has {right}",
        "sama dengan {field} tahun {other} pada baris yang sama; tahun {year} bernilai {right}",
    ),
    "audit.lines-add-up": (
        "the budget lines under it add up to {right}, not {printed}{left_out}",
        "baris anggaran di bawahnya berjumlah {right}, bukan {printed}{left_out}",
    ),
    "audit.left-out": (
        "; the rows printed in {table} add up to {printed} only when {skipped} is left out",
        "; baris yang tercetak di {table} berjumlah {printed} hanya jika {skipped} tidak dihitung",
    ),
    "audit.line-amount": (
        "the {field} of this line is {right} in the data",
        "{field} baris ini dalam data adalah {right}",
    ),
    "audit.rollup": (
        "the lines under it add up to {children}, not {own} (a difference of {difference})",
        "baris di bawahnya berjumlah {children}, bukan {own} (selisih {difference})",
    ),
    "audit.two-targets": (
        "one measure, {formula}, is scored against two targets: {listed}",
        "satu ukuran, {formula}, dihitung terhadap dua target: {listed}",
    ),
    "audit.against": ("{id} against {target} ({achievement})", "{id} terhadap {target} ({achievement})"),
    # -- the audit's face (lkip audit) ----------------------------------------------------------
    "audit.nothing-printed": (
        "No printed figures for {year} to check: add what the report printed under [reported] in the year's data file.",
        "Tidak ada angka tercetak tahun {year} untuk diperiksa: catat angka yang dicetak laporan di bagian "
        "[reported] berkas data tahun itu.",
    ),
    "audit.summary": (
        "Audit {catalog} {year}: {checked} printed figures checked, {errors} wrong, {infos} info",
        "Audit {catalog} {year}: {checked} angka tercetak diperiksa, {errors} salah, {infos} catatan",
    ),
    "audit.summary-unchecked": ("; {count} could not be checked:", "; {count} tidak dapat diperiksa:"),
}
