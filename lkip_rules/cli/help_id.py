"""The Indonesian of every help text of ``lkip``, keyed by its English (``inspect.cleandoc``-ed).

A test walks every command and option and fails on a help text missing here, so a new option
cannot ship with English help in an Indonesian screen.
"""

from __future__ import annotations

METAVARS_ID = {
    "INTEGER RANGE": "BILANGAN",
    "INTEGER": "BILANGAN",
    "PATH": "LOKASI",
    "FILE": "BERKAS",
    "DIRECTORY": "FOLDER",
    "TEXT": "TEKS",
    "CATALOG": "KATALOG",
    "SOURCE": "SUMBER",
    "ASSIGNMENTS": "NILAI",
}

_DATA = (
    "Figures to use: a TOML data file or folder, a CSV or XLSX (input, year, quarter, value), "
    "or a form made by lkip template."
)

HELP_ID: dict[str, str] = {
    # the group and click's own options
    "lkip-rules: exact, explained SAKIP / LKIP performance measurement.\n\n"
    "Without a CATALOG argument the bundled catalog of the LKIP 2025 of Dinas Koperasi UKM\n"
    "Kota Bekasi is used.": (
        "lkip-rules: pengukuran kinerja SAKIP / LKIP yang eksak dan dapat dijelaskan.\n\n"
        "Tanpa argumen KATALOG, dipakai katalog contoh LKIP 2025 Dinas Koperasi UKM\n"
        "Kota Bekasi."
    ),
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    # shared options
    "Language of labels, numbers and sentences.": "Bahasa label, angka, dan kalimat (id atau en).",
    _DATA: (
        "Angka yang dipakai: berkas atau folder data TOML, CSV atau XLSX (input, tahun, triwulan, nilai), "
        "atau formulir buatan lkip template."
    ),
    "The year to evaluate [default: the latest year with data].": (
        "Tahun yang dinilai [bawaan: tahun terakhir yang punya angka]."
    ),
    "Up to this quarter (triwulan), against the Rencana Aksi's targets.": (
        "Sampai triwulan ini, dibandingkan dengan target Rencana Aksi."
    ),
    "Column naming the agency.": "Kolom nama instansi.",
    "Column of the year.": "Kolom tahun.",
    "Column of the quarter, for quarterly rows.": "Kolom triwulan, untuk baris per triwulan.",
    # check
    "Validate CATALOG and its data (and --data FILE); exit 1 on any error.": (
        "Periksa KATALOG dan datanya (dan --data BERKAS); keluar dengan kode 1 jika ada galat."
    ),
    # evaluate
    "Realisation, achievement and category of every indicator (like Tabel 3.1).": (
        "Realisasi, capaian, dan kategori setiap indikator (seperti Tabel 3.1)."
    ),
    "Write to this file.": "Tulis ke berkas ini.",
    "Output format.": "Format keluaran.",
    "Every column, as wide as it takes (the default table fits the terminal).": (
        "Semua kolom, selebar yang diperlukan (tabel bawaan muat di lebar terminal)."
    ),
    # explain
    "Every step behind indicator ID, and one sentence ready for the report.": (
        "Setiap langkah perhitungan indikator ID, dan satu kalimat siap tempel untuk laporan."
    ),
    # audit
    "Check every figure the report printed against the right one; list the wrong ones with causes.\n\n"
    "Exit 1 when a printed figure is wrong; findings of severity info alone exit 0.": (
        "Periksa setiap angka yang dicetak laporan terhadap angka yang benar; daftar yang keliru beserta "
        "penyebabnya.\n\n"
        "Keluar dengan kode 1 jika ada angka tercetak yang keliru; jika hanya ada catatan (info), kode 0."
    ),
    "Leave out findings of severity info (right at fewer decimals).": (
        "Jangan tampilkan catatan (info): angka yang benar tetapi dicetak dengan desimal lebih sedikit."
    ),
    # tree
    "The cascade tujuan → sasaran → IKU → program → kegiatan → sub kegiatan, with achievement and absorption.": (
        "Pohon kinerja tujuan → sasaran → IKU → program → kegiatan → sub kegiatan, dengan capaian dan serapan."
    ),
    # pk
    "The Perjanjian Kinerja of a year: sasaran, indicators and targets, and the programs' budget.": (
        "Perjanjian Kinerja satu tahun: sasaran, indikator dan target, serta anggaran program."
    ),
    # chart
    "Charts like the report's Gambar 3.1-3.6 (PNG at 300 dpi, or SVG): target and realisation, last year,\n"
    "end target, the trend over the years, and every achievement against 100%.": (
        "Grafik seperti Gambar 3.1-3.6 laporan (PNG 300 dpi, atau SVG): target dan realisasi, tahun lalu,\n"
        "target akhir, tren antartahun, dan setiap capaian terhadap 100%."
    ),
    "Folder for the chart files.": "Folder untuk berkas grafik.",
    "png: 300 dpi pictures for Word; svg: drawings that scale; both: one of each.": (
        "png: gambar 300 dpi untuk Word; svg: gambar vektor yang tetap tajam; both: keduanya."
    ),
    # sql and bulk
    "Print the SQL that evaluates CATALOG over a table of (entity, year[, quarter], inputs...).\n\n"
    "Declared inputs the table lacks are read as missing; a column named like an indicator is a\n"
    "realisation given directly. Without --columns-from, every declared input is assumed present.\n"
    "Rows come out ordered by entity, year, quarter and the catalog's order of indicators.": (
        "Cetak SQL yang menilai KATALOG atas tabel (instansi, tahun[, triwulan], input...).\n\n"
        "Input yang dinyatakan tetapi tidak ada di tabel dibaca sebagai kosong; kolom yang bernama seperti\n"
        "indikator adalah realisasi yang diberikan langsung. Tanpa --columns-from, semua input dianggap ada.\n"
        "Baris keluaran berurutan menurut instansi, tahun, triwulan, lalu urutan indikator di katalog."
    ),
    "The SQL dialect of the engine that will run the query.": "Dialek SQL mesin yang akan menjalankan kueri.",
    "The table or view to read.": "Tabel atau view yang dibaca.",
    "A Parquet or CSV file whose columns the table has (default: every declared input).": (
        "Berkas Parquet atau CSV yang kolomnya sama dengan tabel (bawaan: semua input yang dinyatakan)."
    ),
    "Evaluate CATALOG over many agencies and years at once; one output row per indicator.": (
        "Nilai KATALOG untuk banyak instansi dan tahun sekaligus; satu baris keluaran per indikator."
    ),
    "Parquet or CSV: one row per (entity, year[, quarter]), one column per input (Spark: Parquet, "
    "a file or a folder).": (
        "Parquet atau CSV: satu baris per (instansi, tahun[, triwulan]), satu kolom per input (Spark: Parquet, "
        "satu berkas atau satu folder)."
    ),
    "Parquet file to write (Spark: a folder of Parquet parts).": (
        "Berkas Parquet yang ditulis (Spark: folder berisi bagian-bagian Parquet)."
    ),
    "Query engine: DuckDB streams the file, Polars takes a few agencies at a time, Spark runs on a local session.": (
        "Mesin kueri: DuckDB membaca berkas secara bertahap, Polars mengolah beberapa instansi sekaligus, "
        "Spark berjalan pada sesi lokal."
    ),
    # formula
    "Evaluate formula TEXT on values given as NAME=VALUE or NAME:YEAR=VALUE.\n\n"
    "\b\n"
    "Example:\n"
    '  lkip formula "jumlah_nib / koperasi_aktif * 100" jumlah_nib=60 koperasi_aktif=982\n'
    '  lkip formula "growth(volume_usaha)" volume_usaha:2024=100 volume_usaha:2025=125 --year 2025': (
        "Hitung rumus TEKS dengan nilai yang diberikan sebagai NAMA=NILAI atau NAMA:TAHUN=NILAI.\n\n"
        "\b\n"
        "Contoh:\n"
        '  lkip formula "jumlah_nib / koperasi_aktif * 100" jumlah_nib=60 koperasi_aktif=982\n'
        '  lkip formula "growth(volume_usaha)" volume_usaha:2024=100 volume_usaha:2025=125 --year 2025'
    ),
    "The year N, for references such as x[N-1].": "Tahun N, untuk rujukan seperti x[N-1].",
    # report
    "The chapter of the LKIP (Bab III) for a year: every sasaran and its indicators, the\n"
    "analysis to start from, the efficiency of resources and the budget realisation.\n\n"
    "\b\n"
    "Example:\n"
    "  lkip report --year 2025 --output bab-3.docx": (
        "Bab LKIP (Bab III) satu tahun: setiap sasaran dan indikatornya, awal analisis,\n"
        "efisiensi sumber daya, dan realisasi anggaran.\n\n"
        "\b\n"
        "Contoh:\n"
        "  lkip report --year 2025 --output bab-3.docx"
    ),
    "docx (Word), html (one web page), md (Markdown, charts beside it), xlsx (a sheet per table).": (
        "docx (Word), html (satu halaman web), md (Markdown, grafik di sebelahnya), xlsx (satu lembar per tabel)."
    ),
    "The file to write; its extension gives the format when --format is not given.": (
        "Berkas yang ditulis; ekstensinya menentukan format bila --format tidak diberikan."
    ),
    # template and import
    "Write the Excel form a planner fills in with the year's figures; read it back with --data.": (
        "Tulis formulir Excel yang diisi perencana dengan angka satu tahun; bacakan kembali dengan --data."
    ),
    "The year the form is for.": "Tahun formulir itu.",
    "Quarter columns (Triwulan I-IV) for inputs with a rollup.": (
        "Kolom triwulan (Triwulan I-IV) untuk input yang punya aturan rekap (rollup)."
    ),
    "The workbook to write (.xlsx).": "Workbook yang ditulis (.xlsx).",
    "Write the figures of SOURCE (a form, a CSV, a TOML data file) into a catalog's data file.": (
        "Tulis angka dari SUMBER (formulir, CSV, atau berkas data TOML) ke berkas data katalog."
    ),
    "The data file to write.": "Berkas data yang ditulis.",
    "Write figures over the file's different ones (each is listed).": (
        "Timpa angka berkas yang berbeda (setiap perubahan didaftar)."
    ),
}
