"""Loading and validating catalogs and data: load errors, validation issues (lkip check).

TOML keys, section names and settings (``zero_target = "met"``, ``[inputs.x]``, ``multiplier``)
stay as they are written in the file in both languages: they are what the planner must type.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- pieces ---------------------------------------------------------------------------------
    "hint.did-you-mean": ("; did you mean '{name}'?", "; mungkin maksud Anda '{name}'?"),
    "target.range": ("[{low}, {high}]", "{low}–{high}"),
    "count.whole-things": ("whole things", "satuan utuh"),
    "with-hint": ("{text}{hint}", "{text}{hint}"),
    "error.not-an-indicator": ("{id} is not an indicator of {catalog}", "{id} bukan indikator {catalog}"),
    # -- errors and where they are --------------------------------------------------------------
    "where.line": ("line {line}", "baris {line}"),
    "where.in-line": ("{where} (line {line})", "{where} (baris {line})"),
    "where.line-column": ("line {line}, column {column}", "baris {line}, kolom {column}"),
    "errors.count": ("{count} errors:", "{count} galat:"),
    "errors.problem": ("{count} problem in the catalog:", "{count} masalah dalam katalog:"),
    "errors.problems": ("{count} problems in the catalog:", "{count} masalah dalam katalog:"),
    "errors.more": (
        "... and {count} more ('lkip check' lists them all)",
        "... dan {count} lagi ('lkip check' menampilkan semuanya)",
    ),
    # -- reading a TOML file ----------------------------------------------------------------------
    "load.too-large": ("the file is {size} bytes; the limit is {limit}", "berkas ini {size} bita; batasnya {limit}"),
    "load.split-it": ("split it into several files", "pecah menjadi beberapa berkas"),
    "load.cannot-read": ("cannot read the file: {reason}", "berkas tidak dapat dibaca: {reason}"),
    "load.not-utf8": ("the file is not UTF-8 text (byte {byte})", "berkas ini bukan teks UTF-8 (bita ke-{byte})"),
    "load.save-utf8": ("save it as UTF-8", "simpan sebagai UTF-8"),
    "load.bom": (
        "the file starts with a byte-order mark (BOM), which TOML does not allow",
        "berkas diawali penanda urutan bita (BOM), yang tidak diizinkan TOML",
    ),
    "load.save-without-bom": (
        'save it as "UTF-8" without BOM (in Notepad: Save As, Encoding: UTF-8)',
        'simpan sebagai "UTF-8" tanpa BOM (di Notepad: Save As, Encoding: UTF-8)',
    ),
    "load.too-deep": ("tables or lists are nested too deeply to read", "tabel atau daftar bersarang terlalu dalam"),
    "load.few-levels": ("a catalog needs a few levels at most", "katalog cukup beberapa tingkat saja"),
    "load.number-too-long": ("a number is too long to read ({detail})", "ada angka yang terlalu panjang ({detail})"),
    "load.sixteen-digits": ("numbers have at most 16 digits", "angka paling banyak 16 digit"),
    "load.toml-decimal-point": (
        "TOML numbers use a point for decimals: write 2.5, not 2,5 (and no thousands separators)",
        "angka TOML memakai titik untuk desimal: tulis 2.5, bukan 2,5 (dan tanpa pemisah ribuan)",
    ),
    "load.not-toml": ("not valid TOML: {detail}", "bukan TOML yang sah: {detail}"),
    # -- the shape of a catalog or data file --------------------------------------------------
    "load.no-catalog-toml": (
        "a catalog folder needs a catalog.toml with a [catalog] table",
        "folder katalog memerlukan catalog.toml dengan tabel [catalog]",
    ),
    "load.no-such-catalog": ("no such catalog file or folder", "berkas atau folder katalog ini tidak ada"),
    "load.no-catalog-table": ("no [catalog] table", "tidak ada tabel [catalog]"),
    "load.add-catalog-table": ("add [catalog] with id, name, period", "tambahkan [catalog] dengan id, name, period"),
    "load.unknown-section": ("unknown section '{key}'", "bagian '{key}' tidak dikenal"),
    "load.sections": ("sections: {sections}", "bagian yang ada: {sections}"),
    "load.catalog-elsewhere": ("[catalog] belongs in catalog.toml", "[catalog] tempatnya di catalog.toml"),
    "load.table-of-tables": ("[{name}] must be a table of tables", "[{name}] harus berupa tabel berisi tabel"),
    "load.reserved": (
        "'{key}' is reserved (in [reported] it means the whole agency); choose another id",
        "'{key}' adalah kata khusus (di [reported] artinya seluruh instansi); pilih id lain",
    ),
    "load.formula-and-ratio": (
        "give either formula, or numerator and denominator, not both",
        "berikan formula, atau numerator dan denominator, jangan keduanya",
    ),
    "load.multiplier-alone": (
        "multiplier goes with numerator and denominator",
        "multiplier hanya dipakai bersama numerator dan denominator",
    ),
    "load.needs-other": ("'{given}' needs a '{missing}'", "'{given}' memerlukan '{missing}'"),
    "load.did-you-mean": ("did you mean '{name}'?", "mungkin maksud Anda '{name}'?"),
    "load.valid-keys": ("valid keys: {keys}", "kunci yang sah: {keys}"),
    "load.unknown-key": ("unknown key '{key}'", "kunci '{key}' tidak dikenal"),
    "load.missing-key": ("missing required key '{key}'", "kunci wajib '{key}' tidak ada"),
    "load.expected-text": ("expected text, got {got}", "seharusnya teks, tertulis {got}"),
    "load.write-in-quotes": ('write it in quotes: "..."', 'tulis di antara tanda kutip: "..."'),
    "load.control-character": (
        "the text holds the control character U+{code}",
        "teks ini memuat karakter kontrol U+{code}",
    ),
    "load.delete-it": ("delete it", "hapus karakter itu"),
    "load.empty-formula": ("the formula is empty", "rumusnya kosong"),
    "load.not-an-id": (
        "{found} is not an id: use lower case letters, digits and _",
        "{found} bukan id: pakai huruf kecil, angka, dan _",
    ),
    "load.keyword-id": (
        "'{found}' is a word of the formula language, so it cannot be an id",
        "'{found}' adalah kata dalam bahasa rumus, jadi tidak dapat menjadi id",
    ),
    "load.call-it": ("call it {found}_ or {found}_1", "beri nama {found}_ atau {found}_1"),
    "load.not-a-scale-id": (
        "{found} is not a scale id: use lower case letters, digits, _ and -",
        "{found} bukan id skala: pakai huruf kecil, angka, _, dan -",
    ),
    "load.expected-ids": ("expected a list of ids, got {got}", "seharusnya daftar id, tertulis {got}"),
    "load.write-list": ('write ["a", "b"]', 'tulis ["a", "b"]'),
    "load.expected-number": ("expected a number, got {got}", "seharusnya angka, tertulis {got}"),
    "load.expected-positive": ("expected a number above 0, got {got}", "seharusnya angka di atas 0, tertulis {got}"),
    "load.quoted-thousands": (
        "numbers are written without quotes and without thousands separators: if '{core}' means {whole}, write "
        "{whole} (or {grouped}); if it means {core} with decimals, write {core} without quotes",
        "angka ditulis tanpa tanda kutip dan tanpa pemisah ribuan: jika '{core}' berarti {whole}, tulis {whole} "
        "(atau {grouped}); jika berarti {core} dengan desimal, tulis {core} tanpa tanda kutip",
    ),
    "load.quoted-decimal": (
        "numbers are written without quotes, with a point for decimals: write {plain}",
        "angka ditulis tanpa tanda kutip, dengan titik untuk desimal: tulis {plain}",
    ),
    "load.quoted-number": (
        "write a number without quotes, with a point for decimals: 1234.5",
        "tulis angka tanpa tanda kutip, dengan titik untuk desimal: 1234.5",
    ),
    "load.expected-year": ("expected a year such as 2025, got {got}", "seharusnya tahun seperti 2025, tertulis {got}"),
    "load.expected-whole": (
        "expected a whole number from {low} to {high}, got {got}",
        "seharusnya bilangan bulat dari {low} sampai {high}, tertulis {got}",
    ),
    "load.expected-one-of": (
        "expected one of {options}, got {got}",
        "seharusnya salah satu dari {options}, tertulis {got}",
    ),
    "load.expected-period": (
        "expected [first year, last year], got {got}",
        "seharusnya [tahun awal, tahun akhir], tertulis {got}",
    ),
    "load.write": ("write {example}", "tulis {example}"),
    "load.period-backwards": (
        "the period starts after it ends: [{first}, {last}]",
        "periode dimulai setelah berakhir: [{first}, {last}]",
    ),
    "load.range-shape": ("a target range is [low, high]", "rentang target ditulis [bawah, atas]"),
    "load.range-upside-down": ("the range [{low}, {high}] is upside down", "rentang [{low}, {high}] terbalik"),
    "load.expected-targets": (
        "expected a table of year = target, got {got}",
        "seharusnya tabel tahun = target, tertulis {got}",
    ),
    "load.not-a-year": ("{key} is not a year", "{key} bukan tahun"),
    "load.expected-by-year": (
        "expected a table of year = value, got {got}",
        "seharusnya tabel tahun = nilai, tertulis {got}",
    ),
    "load.expected-quarters": (
        "expected four targets, one per quarter, got {got}",
        "seharusnya empat target, satu per triwulan, tertulis {got}",
    ),
    "load.expected-bands": (
        "expected a list of bands: [{{ code = ..., label = ..., above = ... }}, ...]",
        "seharusnya daftar kategori: [{{ code = ..., label = ..., above = ... }}, ...]",
    ),
    "load.expected-band": (
        "expected a table {{ code, label, above or min }}, got {got}",
        "seharusnya tabel {{ code, label, above atau min }}, tertulis {got}",
    ),
    "load.above-and-min": (
        "a band has either 'above' or 'min', not both",
        "kategori memakai 'above' atau 'min', jangan keduanya",
    ),
    "load.expected-table": ("expected a table, got {got}", "seharusnya tabel, tertulis {got}"),
    "load.expected-boolean": ("expected true or false, got {got}", "seharusnya true atau false, tertulis {got}"),
    "kind.boolean": ("true/false", "true/false"),
    "kind.number": ("the number {value}", "angka {value}"),
    "kind.text": ("the text {value}", "teks {value}"),
    "kind.list": ("a list", "daftar"),
    "kind.table": ("a table", "tabel"),
    # -- data files -----------------------------------------------------------------------------
    "load.no-such-data": ("no such data file or folder", "berkas atau folder data ini tidak ada"),
    "load.year-unknown": ("the year is unknown", "tahunnya tidak diketahui"),
    "load.name-after-year": (
        "name the file after its year (2025.toml) or add year = 2025",
        "beri nama berkas sesuai tahunnya (2025.toml) atau tambahkan year = 2025",
    ),
    "load.year-mismatch": (
        "year = {stated}, but the file is named {name}",
        "year = {stated}, tetapi nama berkasnya {name}",
    ),
    "load.expected-plain-table": ("expected a table", "seharusnya tabel"),
    "load.next-to-value": ("'{key}' next to 'value'", "'{key}' di samping 'value'"),
    "load.yearly-or-quarters": ("give a yearly value or quarters", "berikan nilai setahun atau nilai per triwulan"),
    "load.unknown-quarter": ("unknown quarter '{key}'", "triwulan '{key}' tidak dikenal"),
    "load.quarter-keys": (
        "quarters are q1, q2, q3, q4 (or value, status)",
        "triwulan ditulis q1, q2, q3, q4 (atau value, status)",
    ),
    "load.given-twice": (
        "{name} for {year} is given twice with different values: {first} and {second}",
        "{name} tahun {year} diberikan dua kali dengan nilai berbeda: {first} dan {second}",
    ),
    "load.given-at": ("{value} in {file}", "{value} di {file}"),
    "load.given-at-line": ("{value} in {file} (line {line})", "{value} di {file} (baris {line})"),
    "load.given-at-row": ("{value} in {file} (row {line})", "{value} di {file} (baris {line})"),
    "load.one-place": (
        "give each figure in one place, or make both sources agree",
        "berikan tiap angka di satu tempat saja, atau samakan kedua sumbernya",
    ),
    "load.named-input": ("input '{name}'", "input '{name}'"),
    "load.named-realisation": ("the realisation of '{name}'", "realisasi '{name}'"),
    "load.named-budget": ("budget line '{name}'", "baris anggaran '{name}'"),
    "load.named-other": ("{section} '{name}'", "{section} '{name}'"),
    "load.named-part": ("{what} {part}", "{what} {part}"),
    "load.quarters": ("quarters {values}", "triwulan {values}"),
    # -- numbers any reader accepts (lkip_rules.numbers) -------------------------------------
    "num.not-finite": ("{value} is not a finite number", "{value} bukan angka terhingga"),
    "num.too-large": (
        "{value} is too large: at most {digits} digits before the decimal point",
        "{value} terlalu besar: paling banyak {digits} digit di depan koma desimal",
    ),
    "num.too-precise": (
        "{value} is too precise: at most {digits} digits after the decimal point",
        "{value} terlalu rinci: paling banyak {digits} digit di belakang koma desimal",
    ),
    "num.cut": ("{head}…{tail} ({count} characters)", "{head}…{tail} ({count} karakter)"),
    # -- data in sheets: CSV, XLSX, the form (lkip_rules.datafiles) -----------------------------
    "data.cannot-read-kind": ("cannot read '{suffix}' files", "berkas '{suffix}' tidak dapat dibaca"),
    "data.give-kind": ("give a .toml, .csv or .xlsx file", "berikan berkas .toml, .csv, atau .xlsx"),
    "data.no-such-file": ("no such data file", "berkas data ini tidak ada"),
    "data.not-regular": ("not a regular file", "bukan berkas biasa"),
    "data.split": (
        "split the figures over several files, or keep only the four columns",
        "pecah angka-angkanya ke beberapa berkas, atau sisakan empat kolom itu saja",
    ),
    "cell.cut": ("{head}… ({count} characters)", "{head}… ({count} karakter)"),
    "cell.row-column": ("row {row}, column {column}", "baris {row}, kolom {column}"),
    "cell.at": ("cell {cell}", "sel {cell}"),
    "cell.no-input-id": ("the input id is empty", "id input kosong"),
    "cell.not-input-id": (
        "{cell} is not an input id (lower case letters, digits and _)",
        "{cell} bukan id input (huruf kecil, angka, dan _)",
    ),
    "cell.no-year": ("the year is empty", "tahunnya kosong"),
    "cell.not-year": ("{cell} is not a year from 1900 to 2200", "{cell} bukan tahun antara 1900 dan 2200"),
    "cell.not-quarter": (
        "{cell} is not a quarter: leave it empty for the year, or write 1, 2, 3 or 4 (or I-IV)",
        "{cell} bukan triwulan: kosongkan untuk nilai setahun, atau tulis 1, 2, 3, atau 4 (atau I–IV)",
    ),
    "cell.no-value": (
        "the value is empty: write the figure, or delete the row",
        "nilainya kosong: tulis angkanya, atau hapus barisnya",
    ),
    "cell.yes-no": ("{cell} is a yes/no value, not a number", "{cell} adalah nilai ya/tidak, bukan angka"),
    "cell.date": (
        "{cell} is a date or time, not a number: format the cell as Number and type the figure",
        "{cell} adalah tanggal atau waktu, bukan angka: format sel sebagai Number lalu ketik angkanya",
    ),
    "cell.not-a-number": ("{cell} is not a number", "{cell} bukan angka"),
    "cell.formula": (
        "{cell} is a formula, not a number: type the figure itself",
        "{cell} adalah rumus, bukan angka: ketik angkanya langsung",
    ),
    "cell.excel-error": (
        "the cell shows the Excel error {error}: type the figure itself",
        "sel menampilkan galat Excel {error}: ketik angkanya langsung",
    ),
    "cell.how-to-write": (
        "write 1234.5 or 1234,5; points or commas between thousands only in groups of three (1.234.567)",
        "tulis 1234.5 atau 1234,5; titik atau koma pemisah ribuan hanya dalam kelompok tiga angka (1.234.567)",
    ),
    "cell.not-number-text": ("{cell} is not a number: {how}", "{cell} bukan angka: {how}"),
    "mark.point": ("point", "titik"),
    "mark.comma": ("comma", "koma"),
    "cell.two-readings": (
        "{text} may be {thousands} (the {mark} grouping thousands) or {decimal} (a decimal {mark}); write "
        "{thousands} for the first, {decimal}0 for the second",
        "{text} bisa berarti {thousands} ({mark} sebagai pemisah ribuan) atau {decimal} ({mark} desimal); tulis "
        "{thousands} untuk yang pertama, {decimal}0 untuk yang kedua",
    ),
    "cell.not-status": (
        "{cell} is not a status: write sementara (provisional) or tetap (final), or leave it empty",
        "{cell} bukan status: tulis sementara atau tetap, atau biarkan kosong",
    ),
    "cell.too-long": (
        "the cell holds {count} characters; a cell of this layout holds at most {limit}",
        "sel ini berisi {count} karakter; sel pada tata letak ini paling banyak {limit}",
    ),
    "csv.too-many-rows": (
        "row {row}: a CSV data file holds at most {limit} rows",
        "baris {row}: berkas data CSV paling banyak {limit} baris",
    ),
    "csv.cannot-read": ("row {row}: cannot read the CSV: {detail}", "baris {row}: CSV tidak dapat dibaca: {detail}"),
    "csv.too-large": ("the file is more than {limit} bytes", "berkas ini lebih dari {limit} bita"),
    "csv.not-utf8": ("line {line}: the file is not UTF-8 text", "baris {line}: berkas ini bukan teks UTF-8"),
    "csv.save-utf8": (
        "save it as 'CSV UTF-8 (Comma delimited)' (or 'CSV UTF-8' with semicolons)",
        "simpan sebagai 'CSV UTF-8 (Comma delimited)' (atau 'CSV UTF-8' dengan titik koma)",
    ),
    "sheet.empty": ("the file is empty", "berkas ini kosong"),
    "sheet.header-first": (
        "the first row is the header: input,year,quarter,value",
        "baris pertama adalah judul kolom: input,year,quarter,value",
    ),
    "sheet.bad-header": (
        "row {row}: the header must be input,year,quarter,value (or indikator/input,tahun,triwulan,nilai), not {shown}",
        "baris {row}: judul kolom harus input,year,quarter,value (atau indikator/input,tahun,triwulan,nilai), "
        "bukan {shown}",
    ),
    "sheet.empty-row": ("an empty row", "baris kosong"),
    "sheet.status-column": (
        "an optional fifth column, status, marks figures sementara or tetap",
        "kolom kelima (boleh ada), status, menandai angka sementara atau tetap",
    ),
    "sheet.layout": (
        "the layout is four columns, input,year,quarter,value, and an optional fifth, status",
        "tata letaknya empat kolom, input,year,quarter,value, dan kolom kelima (boleh ada), status",
    ),
    "sheet.extra-header": (
        "{place}: the header has a column {cell} after {after}; {layout}: delete the other columns",
        "{place}: judul kolom memuat kolom {cell} setelah {after}; {layout}: hapus kolom lainnya",
    ),
    "sheet.past-column": (
        "{place}: {cell} is past the {last} column; {layout}, and the cells after it must be empty: delete it, or "
        "give the figure a row of its own",
        "{place}: {cell} berada setelah kolom {last}; {layout}, dan sel sesudahnya harus kosong: hapus, atau beri "
        "angka itu baris tersendiri",
    ),
    "sheet.fifth": ("fifth (status)", "kelima (status)"),
    "sheet.fourth": ("fourth", "keempat"),
    "sheet.given-twice": (
        "row {row}: '{name}' for {year} is given twice",
        "baris {row}: '{name}' tahun {year} diberikan dua kali",
    ),
    "sheet.given-both": (
        "row {row}: '{name}' for {year} is given both as quarters and as a yearly value",
        "baris {row}: '{name}' tahun {year} diberikan per triwulan sekaligus sebagai nilai setahun",
    ),
    "sheet.yearly-and-quarters": (
        "row {row}: '{name}' for {year} has both a yearly value and quarters",
        "baris {row}: '{name}' tahun {year} memiliki nilai setahun sekaligus nilai per triwulan",
    ),
    "sheet.quarter-twice": (
        "row {row}: '{name}' for {year} {quarter} is given twice",
        "baris {row}: '{name}' tahun {year} {quarter} diberikan dua kali",
    ),
    "form.remake": (
        "make a new form with 'lkip template' and copy the figures into it",
        "buat formulir baru dengan 'lkip template' lalu salin angka-angkanya ke sana",
    ),
    "form.sheet": ("sheet {sheet}: {message}", "lembar {sheet}: {message}"),
    "form.source": ("{file}, sheet {sheet}", "{file}, lembar {sheet}"),
    "form.cell": ("sheet {sheet}, cell {cell}: {message}", "lembar {sheet}, sel {cell}: {message}"),
    "form.no-marker": (
        "the form's marker ({marker} in column A) is missing",
        "penanda formulir ({marker} di kolom A) tidak ada",
    ),
    "form.version": (
        "the form has layout version {version}; this lkip-rules reads version {expected}: update lkip-rules, or "
        "make the form again with this one",
        "formulir ini bertata letak versi {version}; lkip-rules ini membaca versi {expected}: perbarui lkip-rules, "
        "atau buat ulang formulirnya dengan versi ini",
    ),
    "form.year": ("the form's year: {why}", "tahun formulir: {why}"),
    "form.unknown-header": (
        "the header {cell} is not one of this form's",
        "judul kolom {cell} bukan milik formulir ini",
    ),
    "form.no-id-column": (
        "sheet {sheet}, row {row}: the header has no column 'id'",
        "lembar {sheet}, baris {row}: judul kolom tidak memuat kolom 'id'",
    ),
    "form.figure-without-id": (
        "a figure in a row without an id: the form's rows were changed",
        "ada angka di baris tanpa id: baris-baris formulir telah diubah",
    ),
    "form.id-twice": ("the id '{name}' is also on row {row}", "id '{name}' juga ada di baris {row}"),
    "form.not-an-id": (
        "{cell} is not an id (lower case letters, digits and _)",
        "{cell} bukan id (huruf kecil, angka, dan _)",
    ),
    "form.year-and-quarters": (
        "'{name}' has both the year's figure and quarters: give one or the other",
        "'{name}' memiliki angka setahun sekaligus angka per triwulan: berikan salah satunya",
    ),
    "form.place-alone": (
        "a place (Letak) with no printed figure: type the figures, or clear it",
        "ada Letak tanpa angka tercetak: ketik angkanya, atau kosongkan",
    ),
    "xlsx.sheet-prefix": ("sheet {sheet}, ", "lembar {sheet}, "),
    "xlsx.after-row": ("after row {row}: ", "setelah baris {row}: "),
    "xlsx.not-a-workbook": ("this is not an Excel workbook: {detail}", "ini bukan buku kerja Excel: {detail}"),
    "xlsx.save-as-xlsx": ("save it as .xlsx in Excel", "simpan sebagai .xlsx di Excel"),
    "xlsx.cannot-read": ("{where}cannot read the workbook: {detail}", "{where}buku kerja tidak dapat dibaca: {detail}"),
    "xlsx.save-again-xlsx": (
        "open it in Excel and save it again as .xlsx",
        "buka di Excel lalu simpan ulang sebagai .xlsx",
    ),
    "xlsx.form-without-sheets": (
        "the workbook is a form of lkip-rules (it has a sheet {marker}) but it has no sheet {missing}",
        "buku kerja ini formulir lkip-rules (ada lembar {marker}) tetapi tidak ada lembar {missing}",
    ),
    "xlsx.first-sheet": ("first sheet and its shared strings", "lembar pertama dan teks bersamanya"),
    "xlsx.sheets": ("sheets and shared strings", "lembar-lembar dan teks bersamanya"),
    "xlsx.styles": ("styles", "gaya"),
    "xlsx.no-part": ("it has no part {name}", "tidak ada bagian {name}"),
    "xlsx.sheet-missing": ("its sheet {sheet} is missing", "lembar {sheet}-nya tidak ada"),
    "xlsx.no-worksheet": ("the workbook has no worksheet", "buku kerja ini tidak memiliki lembar kerja"),
    "xlsx.figures-first": (
        "put the figures on the first sheet of the workbook",
        "letakkan angka-angkanya di lembar pertama buku kerja",
    ),
    "xlsx.no-workbook-part": ("it has no workbook part", "tidak ada bagian workbook"),
    "xlsx.part-too-large": (
        "the workbook part {name} is {size} bytes uncompressed; the limit is {limit}",
        "bagian {name} buku kerja ini {size} bita setelah dibuka; batasnya {limit}",
    ),
    "xlsx.not-xml": (
        "its part {name} is not well-formed XML ({detail})",
        "bagian {name}-nya bukan XML yang utuh ({detail})",
    ),
    "xlsx.damaged": ("the workbook is damaged: {why}", "buku kerja ini rusak: {why}"),
    "xlsx.save-again": ("open it in Excel and save it again", "buka di Excel lalu simpan ulang"),
    "xlsx.too-many-elements": (
        "the workbook is too large to read: more than {limit} XML elements in its {what}",
        "buku kerja ini terlalu besar untuk dibaca: lebih dari {limit} elemen XML pada {what}",
    ),
    "xlsx.dtd": (
        "the workbook is damaged: a part declares a DTD",
        "buku kerja ini rusak: ada bagian yang menyatakan DTD",
    ),
    "xlsx.repack": (
        "copy the four columns (input, year, quarter, value) into a new workbook",
        "salin keempat kolom (input, year, quarter, value) ke buku kerja baru",
    ),
    "xlsx.split": (
        "split the figures over several files, or save them as CSV",
        "pecah angka-angkanya ke beberapa berkas, atau simpan sebagai CSV",
    ),
    "xlsx.row-in-row": ("row {row}: a row inside a row", "baris {row}: ada baris di dalam baris"),
    "xlsx.not-row-number": (
        "after row {row}: {ref} is not a row number",
        "setelah baris {row}: {ref} bukan nomor baris",
    ),
    "xlsx.rows-order": (
        "row {row}: the rows are out of order or repeated (row {row} after row {before})",
        "baris {row}: urutan baris salah atau berulang (baris {row} setelah baris {before})",
    ),
    "xlsx.too-many-rows": (
        "row {row}: a data sheet holds at most {limit} rows",
        "baris {row}: lembar data paling banyak {limit} baris",
    ),
    "xlsx.cell-ref": (
        "row {row}: a cell of this row is marked {ref}",
        "baris {row}: ada sel baris ini yang bertanda {ref}",
    ),
    "xlsx.cells-order": (
        "cell {cell}: the cells of the row are out of order or repeated",
        "sel {cell}: urutan sel dalam baris ini salah atau berulang",
    ),
    "xlsx.formula": (
        "cell {cell}: the cell holds a formula; type the figures as values",
        "sel {cell}: sel ini berisi rumus; ketik angkanya sebagai nilai",
    ),
    "xlsx.paste-values": (
        "copy the cells, then Paste Special > Values",
        "salin sel-selnya, lalu Paste Special > Values",
    ),
    "xlsx.past": ("cell {cell}: {why}", "sel {cell}: {why}"),
    "xlsx.past-z": (
        "a value past column Z, where the form has no column: delete it",
        "ada nilai setelah kolom Z, padahal formulir tidak punya kolom di sana: hapus",
    ),
    "xlsx.past-fourth": (
        "a value past the fourth column; the layout is four columns, input,year,quarter,value, and an optional "
        "fifth, status; the cells after it must be empty: delete it, or give the figure a row of its own",
        "ada nilai setelah kolom keempat; tata letaknya empat kolom, input,year,quarter,value, dan kolom kelima "
        "(boleh ada), status; sel sesudahnya harus kosong: hapus, atau beri angka itu baris tersendiri",
    ),
    "xlsx.save-file-again": ("open the file in Excel and save it again", "buka berkas di Excel lalu simpan ulang"),
    "prefixed": ("{prefix}{text}", "{prefix}{text}"),
    # -- lkip template and lkip import (lkip_rules.forms) ---------------------------------------
    "import.figure": ("{count} figure", "{count} angka"),
    "import.figures": ("{count} figures", "{count} angka"),
    "import.conflicts": (
        "{path}: {count} already there with another value; nothing was written:",
        "{path}: {count} sudah ada dengan nilai lain; tidak ada yang ditulis:",
    ),
    "import.replace-hint": (
        "correct the source, or give --replace to write its figures over the file's",
        "perbaiki sumbernya, atau berikan --replace untuk menimpa angka di berkas",
    ),
    "import.none": ("none", "tidak ada"),
    "import.one-year": (
        "a data file holds one year; the figures given are for {years}: import one year at a time",
        "berkas data memuat satu tahun; angka yang diberikan untuk tahun {years}: impor satu tahun setiap kali",
    ),
    "import.no-benchmarks": (
        "import writes inputs, realisations, budget and printed figures; copy [benchmarks] by hand",
        "import menulis input, realisasi, anggaran, dan angka tercetak; salin [benchmarks] secara manual",
    ),
    "import.toml-only": (
        "--into {into}: import writes a TOML data file; name it <year>.toml",
        "--into {into}: import menulis berkas data TOML; beri nama <tahun>.toml",
    ),
    "import.named-other": (
        "the figures are for {year}, but the new file is named {name}",
        "angkanya untuk tahun {year}, tetapi berkas barunya bernama {name}",
    ),
    "import.holds-other": (
        "the figures are for {year}, but {into} holds the figures of {other}",
        "angkanya untuk tahun {year}, tetapi {into} memuat angka tahun {other}",
    ),
    "import.conflict": ("{name}: {old} in {here}, {new} in {there}", "{name}: {old} di {here}, {new} di {there}"),
    "import.at-line": ("{file} (line {line})", "{file} (baris {line})"),
    "import.at-row": ("{file} (row {line})", "{file} (baris {line})"),
    "import.the-source": ("the source", "sumbernya"),
    "import.no-folder": (
        "--into {path}: the folder {folder} does not exist; create it first",
        "--into {path}: folder {folder} tidak ada; buat dulu",
    ),
    "import.not-read-back": (
        "{path}: the file written does not read back ({error}); it was left as it was",
        "{path}: berkas yang ditulis tidak terbaca kembali ({error}); berkas dibiarkan seperti semula",
    ),
    "import.does-not-give": (
        "{path}: the file written does not give {names}; it was left as it was",
        "{path}: berkas yang ditulis tidak memuat {names}; berkas dibiarkan seperti semula",
    ),
    "import.provisional": ("{name} (sementara)", "{name} (sementara)"),
    "import.new-file": ("{path} (new file)", "{path} (berkas baru)"),
    "import.nothing": (
        "{path}: nothing to write; the file has every figure already ({unchanged} unchanged)",
        "{path}: tidak ada yang ditulis; berkas sudah memuat semua angka ({unchanged} tidak berubah)",
    ),
    "import.counts": (
        "{path}: {added} added, {changed} changed, {marked} with a new status, {unchanged} unchanged",
        "{path}: {added} ditambahkan, {changed} diubah, {marked} berganti status, {unchanged} tidak berubah",
    ),
    "import.added": ("  added    {change}", "  ditambahkan  {change}"),
    "import.changed": ("  changed  {change}", "  diubah       {change}"),
    "import.marked": ("  status   {change}", "  status       {change}"),
    "import.printed": ("printed {name}", "tercetak {name}"),
    "import.printed-at": ("printed {name} ({where})", "tercetak {name} ({where})"),
    "import.printed-field": ("{place} {field}", "{place} {field}"),
    "toml.refused": (
        "line {line}: {why}; write this figure by hand (the file was not changed)",
        "baris {line}: {why}; tulis angka ini secara manual (berkas tidak diubah)",
    ),
    "toml.too-long": ("the statement is too long to edit", "pernyataannya terlalu panjang untuk disunting"),
    "toml.unreadable": ("tomlkit cannot read this statement", "tomlkit tidak dapat membaca pernyataan ini"),
    "toml.dotted": ("the value is written with dotted keys", "nilainya ditulis dengan kunci bertitik"),
    "toml.several-lines": ("the value is written over several lines", "nilainya ditulis dalam beberapa baris"),
    "toml.no-split": (
        "the line cannot be split into key, value and comment",
        "baris ini tidak dapat dipisah menjadi kunci, nilai, dan komentar",
    ),
    "toml.section-dotted": (
        "[{section}] is written with dotted keys; add {name} by hand",
        "[{section}] ditulis dengan kunci bertitik; tambahkan {name} secara manual",
    ),
    "toml.reported-inline": (
        "reported.{name} is written inline; add its new record by hand",
        "reported.{name} ditulis sebaris; tambahkan catatan barunya secara manual",
    ),
    "toml.reported-inline-list": (
        "reported.{name} is written as an inline list; add its new record by hand",
        "reported.{name} ditulis sebagai daftar sebaris; tambahkan catatan barunya secara manual",
    ),
    "toml.reported-inline-change": (
        "reported.{name} is written inline; change its record by hand",
        "reported.{name} ditulis sebaris; ubah catatannya secara manual",
    ),
    "form.text-too-long": (
        "sheet {sheet}: the text {text}… is longer than an Excel cell holds",
        "lembar {sheet}: teks {text}… lebih panjang daripada isi sel Excel",
    ),
    "form.no-rollup": (
        "no input declares a rollup, so every input is filled for the whole year (quarters need one)",
        "tidak ada input yang menyatakan rollup, jadi setiap input diisi untuk setahun penuh (triwulan memerlukannya)",
    ),
    "form.cannot-write": (
        "{path}: cannot write the workbook: {reason}",
        "{path}: buku kerja tidak dapat ditulis: {reason}",
    ),
    # -- the catalog itself (lkip check) --------------------------------------------------------
    "issue.unknown-name": ("in the formula, {error}", "pada rumus, {error}"),
    "issue.cycle-formulas": (
        "formulas form a cycle: {path}; break it by removing one reference",
        "rumus membentuk siklus: {path}; putuskan dengan menghapus salah satu rujukan",
    ),
    "issue.cycle-years": (
        "formulas form a cycle across years: {path} comes back to the same year; break it by removing one reference",
        "rumus membentuk siklus antartahun: {path} kembali ke tahun yang sama; "
        "putuskan dengan menghapus salah satu rujukan",
    ),
    "issue.cycle-parents": (
        "parents form a cycle: {path}; break it by removing one reference",
        "induk membentuk siklus: {path}; putuskan dengan menghapus salah satu rujukan",
    ),
    "issue.missing-parent": ("parent '{parent}' is not an indicator{hint}", "induk '{parent}' bukan indikator{hint}"),
    "issue.supports-unknown": (
        "supports '{target}', which is not an indicator{hint}",
        "mendukung '{target}', yang bukan indikator{hint}",
    ),
    "issue.unknown-scale": (
        "scale '{scale}' is neither shipped nor declared{hint}",
        "skala '{scale}' bukan skala bawaan dan tidak dinyatakan dalam katalog{hint}",
    ),
    "issue.no-formula": (
        "has no formula, no numerator/denominator and no children to aggregate",
        "tidak memiliki rumus, pembilang/penyebut (numerator/denominator), maupun indikator di bawahnya untuk "
        "diagregasi",
    ),
    "issue.missing-weight": (
        "'{parent}' aggregates weighted, so this child needs a weight",
        "'{parent}' diagregasi dengan rata-rata tertimbang (weighted), jadi indikator ini memerlukan bobot (weight)",
    ),
    "issue.target-outside-period": (
        "a target for {year} lies outside the period {first}-{last}; set the indicator's period if it belongs to "
        "another Renstra",
        "target tahun {year} berada di luar periode {first}–{last}; atur period indikator ini jika ia milik Renstra "
        "lain",
    ),
    "issue.zero-target": (
        "the target for {year} is 0 and zero_target is not declared, so the achievement will be undefined; "
        'declare zero_target = "met" or "undefined"',
        "target tahun {year} bernilai 0 dan zero_target belum dinyatakan, sehingga capaian akan tidak terdefinisi; "
        'nyatakan zero_target = "met" atau "undefined"',
    ),
    "issue.multiplier": (
        "the unit is % but there is no multiplier, so the ratio is not multiplied by 100; did you mean "
        "multiplier = 100?",
        "satuannya % tetapi tidak ada multiplier, sehingga rasio tidak dikali 100; mungkin maksud Anda "
        "multiplier = 100?",
    ),
    "issue.no-targets": (
        "has no targets, so no achievement can be computed",
        "belum memiliki target, sehingga capaian tidak dapat dihitung",
    ),
    "issue.floor-above-cap": (
        "the floor {floor} is above the cap {cap}, so no achievement fits between them; lower the floor or raise "
        "the cap (here or in [catalog])",
        "batas bawah (floor) {floor} melebihi batas atas (cap) {cap}, sehingga tidak ada capaian yang muat di "
        "antaranya; turunkan floor atau naikkan cap (di sini atau di [catalog])",
    ),
    "issue.scale-duplicate-code": ("band code '{code}' is used twice", "kode kategori '{code}' dipakai dua kali"),
    "issue.scale-bounded-last": (
        "the last band '{code}' has a bound, so values below it fall in no band; remove its 'above'/'min'",
        "kategori terakhir '{code}' memiliki batas, sehingga nilai di bawahnya tidak masuk kategori mana pun; "
        "hapus 'above'/'min'-nya",
    ),
    "issue.scale-unbounded-band": (
        "band '{code}' has no bound but is not the last one",
        "kategori '{code}' tidak memiliki batas padahal bukan kategori terakhir",
    ),
    "issue.scale-order": (
        "bands are out of order: '{upper}' ({upper_bound}) must be above '{lower}' ({lower_bound}); list bands "
        "from the top",
        "urutan kategori salah: '{upper}' ({upper_bound}) harus di atas '{lower}' ({lower_bound}); susun kategori "
        "dari yang tertinggi",
    ),
    "issue.budget-missing-parent": (
        "parent '{parent}' is not a budget line{hint}",
        "induk '{parent}' bukan baris anggaran{hint}",
    ),
    "issue.budget-level": (
        "a {level} cannot sit under a {parent_level} ('{parent}')",
        "{level} tidak dapat berada di bawah {parent_level} ('{parent}')",
    ),
    "issue.budget-orphan": ("a {level} without a parent program", "{level} tanpa program induk"),
    "issue.budget-own-parent": (
        "is its own parent; a line sits under one other line",
        "menjadi induk bagi dirinya sendiri; satu baris anggaran berada di bawah satu baris lain",
    ),
    "issue.budget-cycle": (
        "parents form a cycle: {path}; a line sits under one other line",
        "induk membentuk siklus: {path}; satu baris anggaran berada di bawah satu baris lain",
    ),
    "issue.unused-input": (
        "declared but used by no formula",
        "dideklarasikan tetapi tidak dipakai oleh rumus mana pun",
    ),
    "issue.duplicate-id": (
        "'{id}' is already defined in {file}; indicators and inputs share one namespace, so rename one of them",
        "'{id}' sudah didefinisikan di {file}; indikator dan input berbagi satu ruang nama, jadi ganti nama salah "
        "satunya",
    ),
    "issue.formula": ("in the formula, {error}", "pada rumus, {error}"),
    # -- the SAKIP year: Perjanjian Kinerja, Rencana Aksi ---------------------------------------
    "issue.key-outside-period": (
        "{key} for {year} lies outside the period {first}-{last}",
        "{key} tahun {year} berada di luar periode {first}–{last}",
    ),
    "issue.quarters-without-year": (
        "quarterly targets for {year} but no yearly target: add targets = {{ {year} = ... }}",
        "ada target triwulan tahun {year} tetapi tidak ada target tahunan: tambahkan targets = {{ {year} = ... }}",
    ),
    "issue.fourth-quarter": (
        "the fourth quarter's target {fourth} is not the year's {yearly}: up to the fourth quarter is the whole year",
        "target triwulan IV {fourth} tidak sama dengan target tahunan {yearly}: sampai triwulan IV berarti setahun "
        "penuh",
    ),
    "issue.quarters-go-down": (
        "the quarterly targets {targets} go down; a positive indicator's targets up to each quarter are cumulative, "
        "so each is at least the one before",
        "target triwulan {targets} menurun; target indikator positif sampai tiap triwulan bersifat kumulatif, jadi "
        "tiap target paling sedikit sama dengan target sebelumnya",
    ),
    "issue.budget-weight": (
        "'{parent}' aggregates budget-weighted, so a budget line must support this child: add '{child}' to the "
        "supports of its program, kegiatan or sub kegiatan",
        "'{parent}' diagregasi dengan rata-rata tertimbang pagu (budget-weighted), jadi indikator ini harus "
        "didukung suatu baris anggaran: tambahkan '{child}' ke supports program, kegiatan, atau sub kegiatannya",
    ),
    # -- figures against the catalog ------------------------------------------------------------
    "issue.indicator-not-input": (
        "'{name}' is an indicator, not an input; put it under [realisations]",
        "'{name}' adalah indikator, bukan input; letakkan di bawah [realisations]",
    ),
    "issue.undeclared-input": (
        "'{name}' is not a declared input{hint}",
        "'{name}' bukan input yang dideklarasikan{hint}",
    ),
    "issue.missing-rollup": (
        'quarterly values need a roll-up rule: add rollup = "sum" (or last, avg, max, min) to [inputs.{name}]',
        'nilai per triwulan memerlukan aturan rollup: tambahkan rollup = "sum" (atau "last", "avg", "max", "min") '
        "pada [inputs.{name}]",
    ),
    "issue.not-an-indicator": ("'{name}' is not an indicator{hint}", "'{name}' bukan indikator{hint}"),
    "issue.not-a-budget-line": ("'{name}' is not a budget line{hint}", "'{name}' bukan baris anggaran{hint}"),
    "issue.not-reportable": (
        "'{name}' is not an indicator, a budget line or 'total'{hint}",
        "'{name}' bukan indikator, baris anggaran, maupun 'total'{hint}",
    ),
    "issue.fractional-count": (
        "'{name}' counts {unit}, so {figure} cannot be right: {why}",
        "'{name}' menghitung {unit}, jadi {figure} tidak mungkin benar: {why}",
    ),
    "issue.thousands-point": (
        "{figure} — did you mean {whole}? write {whole} or {grouped} (numbers have no thousands separators); if it "
        "is not a count, declare count = false on the input",
        "{figure} — mungkin maksud Anda {whole}? tulis {whole} atau {grouped} (angka ditulis tanpa pemisah "
        "ribuan); jika ini bukan hitungan, nyatakan count = false pada input-nya",
    ),
    "issue.not-whole": (
        "a count is a whole number; if this input is no count, declare count = false on it",
        "hitungan selalu bilangan bulat; jika input ini bukan hitungan, nyatakan count = false padanya",
    ),
    "issue.implausible-percentage": (
        "in {year} the figures give {share}%, a part of {part} against a whole of {whole}: a percentage of counts "
        "should lie from 0 to 100; check {names} in {file}",
        "pada tahun {year} angka-angkanya menghasilkan {share}%, bagian {part} terhadap keseluruhan {whole}: "
        "persentase dari hitungan seharusnya antara 0 dan 100; periksa {names} di {file}",
    ),
    "issue.missing-target": (
        "there are figures for {year}, within the period {first}-{last}, but no target for it",
        "ada angka untuk tahun {year}, di dalam periode {first}–{last}, tetapi tidak ada targetnya",
    ),
}
