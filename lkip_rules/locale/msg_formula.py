"""The formula language: syntax, names, arity, types, limits, values (lkip_rules.formula).

A formula, its names and the functions (``if``, ``pct``, ``round``, ``and``, ``not``) are code and
stay as they are written; the sentences around them are said in the language.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- reading the text -----------------------------------------------------------------------
    "formula.not-text": ("a formula is text, not {kind}", "rumus berupa teks, bukan {kind}"),
    "formula.too-long": (
        "the formula is {length} characters long; the limit is {limit}",
        "rumus ini {length} karakter; batasnya {limit}",
    ),
    "formula.split": (
        "split it into several indicators that reference each other",
        "pecah menjadi beberapa indikator yang saling merujuk",
    ),
    "formula.too-many-operations": (
        "the formula nests more than {depth} operations deep",
        "rumus ini bersarang lebih dari {depth} operasi",
    ),
    "formula.use-sum": (
        "use sum(...) or avg(...) for long lists, or split the formula",
        "pakai sum(...) atau avg(...) untuk daftar panjang, atau pecah rumusnya",
    ),
    "formula.too-deep": (
        "the formula is nested more than {levels} levels deep",
        "rumus ini bersarang lebih dari {levels} tingkat",
    ),
    "formula.simplify": (
        "simplify it, or split it into indicators that reference each other",
        "sederhanakan, atau pecah menjadi indikator yang saling merujuk",
    ),
    "formula.expected": ("expected {expected}, found {found}", "seharusnya {expected}, tertulis {found}"),
    "formula.an-operand": ("a number, a name, a function call or '('", "angka, nama, pemanggilan fungsi, atau '('"),
    "formula.an-operator": ("an operator or the end of the formula", "operator atau akhir rumus"),
    "formula.a-whole-number": ("a whole number", "bilangan bulat"),
    "formula.the-end": ("the end of the formula", "akhir rumus"),
    "formula.hint-percent": (
        "there is no '%' operator: write part / whole * 100, or pct(part, whole)",
        "tidak ada operator '%': tulis bagian / keseluruhan * 100, atau pct(bagian, keseluruhan)",
    ),
    "formula.hint-power": (
        "there is no power operator: multiply, e.g. x * x",
        "tidak ada operator pangkat: kalikan, misalnya x * x",
    ),
    "formula.hint-equals": ("compare with '==', not '='", "bandingkan dengan '==', bukan '='"),
    "formula.hint-comma": (
        "use a point for decimals (1.5) and commas only between function arguments",
        "pakai titik untuk desimal (1.5) dan koma hanya di antara argumen fungsi",
    ),
    "formula.hint-times": ("multiply with '*'", "kalikan dengan '*'"),
    "formula.hint-colon": ("divide with '/'", "bagi dengan '/'"),
    "formula.hint-semicolon": ("separate function arguments with ','", "pisahkan argumen fungsi dengan ','"),
    "formula.hint-space": (
        "this is a special space (often copied from a document); type an ordinary space instead",
        "ini spasi khusus (sering terbawa dari dokumen); ketik spasi biasa sebagai gantinya",
    ),
    "formula.lower-case": (
        "names are written in lower case: jumlah_koperasi, not Jumlah_Koperasi",
        "nama ditulis dengan huruf kecil: jumlah_koperasi, bukan Jumlah_Koperasi",
    ),
    "formula.chained": (
        "comparisons do not chain; join them with 'and'",
        "perbandingan tidak dapat dirangkai; gabungkan dengan 'and'",
    ),
    "formula.bracket-not": ("put 'not ...' in parentheses here", "beri tanda kurung pada 'not ...' di sini"),
    # -- checking the tree ----------------------------------------------------------------------
    "formula.gives-condition": (
        "the formula gives a condition (true or false), not a number",
        "rumus ini menghasilkan kondisi (benar atau salah), bukan angka",
    ),
    "formula.wrap-in-if": (
        "wrap it in if(condition, value_if_true, value_if_false)",
        "bungkus dengan if(kondisi, nilai_jika_benar, nilai_jika_salah)",
    ),
    "formula.needs-number": (
        "{user} needs a number here, but this is a condition (true or false)",
        "{user} memerlukan angka di sini, tetapi ini kondisi (benar atau salah)",
    ),
    "formula.make-number": ("turn it into a number with if(condition, 1, 0)", "jadikan angka dengan if(kondisi, 1, 0)"),
    "formula.needs-condition": (
        "{user} needs a condition here, such as x > 0, but this is a number",
        "{user} memerlukan kondisi di sini, misalnya x > 0, tetapi ini angka",
    ),
    "formula.compare-it": ("compare it: x > 0, x == 100, ...", "bandingkan: x > 0, x == 100, ..."),
    "formula.unknown-name": ("unknown name '{name}'", "nama '{name}' tidak dikenal"),
    "formula.year-outside": ("year {year} is outside {first}..{last}", "tahun {year} di luar {first}..{last}"),
    "formula.offset": (
        "a year offset of {offset} reaches too far; the limit is N-{limit}..N+{limit}",
        "selisih tahun {offset} terlalu jauh; batasnya N-{limit}..N+{limit}",
    ),
    "formula.unknown-function": ("unknown function '{name}'", "fungsi '{name}' tidak dikenal"),
    "formula.arity-one": ("{func}() takes 1 argument, got {count}", "{func}() memerlukan 1 argumen, diberi {count}"),
    "formula.arity": ("{func}() takes {n} arguments, got {count}", "{func}() memerlukan {n} argumen, diberi {count}"),
    "formula.arity-at-least": (
        "{func}() takes at least {n} arguments, got {count}",
        "{func}() memerlukan paling sedikit {n} argumen, diberi {count}",
    ),
    "formula.growth-name": (
        "growth() takes a name, such as growth(volume_usaha)",
        "growth() memerlukan nama, misalnya growth(volume_usaha)",
    ),
    "formula.growth-expression": (
        "for growth of an expression, write (x - x_before) / x_before * 100",
        "untuk pertumbuhan suatu ekspresi, tulis (x - x_before) / x_before * 100",
    ),
    "formula.round-digits": (
        "round() takes a whole number of digits from 0 to {max} as written, such as 2",
        "round() memerlukan jumlah digit berupa bilangan bulat 0 sampai {max} yang ditulis langsung, misalnya 2",
    ),
    # -- evaluating on values -------------------------------------------------------------------
    "formula.result-too-large": (
        "the result is too large or too precise for exact arithmetic ({kind})",
        "hasilnya terlalu besar atau terlalu rinci untuk aritmetika eksak ({kind})",
    ),
    "formula.result-not-finite": (
        "the result is {result}, not a finite number",
        "hasilnya {result}, bukan angka terhingga",
    ),
    "formula.zero-hint": (
        "declare what a zero should mean, e.g. if(x == 0, 0, y / x), or fix the data",
        "nyatakan arti nol, misalnya if(x == 0, 0, y / x), atau perbaiki datanya",
    ),
    "formula.no-value-for": (
        "no value for {label}: '{name}' has no value",
        "tidak ada nilai {label}: '{name}' tidak bernilai",
    ),
    "formula.no-value-in": (
        "no value for {label}: '{name}' has no value for {year}",
        "tidak ada nilai {label}: '{name}' tidak bernilai untuk tahun {year}",
    ),
    "formula.year-needed": (
        "{name}[{period}] needs to know the year N, and no year was given",
        "{name}[{period}] perlu mengetahui tahun N, tetapi tahun tidak diberikan",
    ),
    "formula.pass-year": (
        "pass the year: formula.evaluate(values, year=2025)",
        "berikan tahunnya: formula.evaluate(values, year=2025)",
    ),
    "formula.value-problem": ("{what}: {problem}", "{what}: {problem}"),
    "formula.value-not-finite": (
        "{what} is {raw}, not a finite number",
        "{what} bernilai {raw}, bukan angka terhingga",
    ),
    "formula.value-yes-no": (
        "{what} is {raw}: a yes/no value, not a number",
        "{what} bernilai {raw}: nilai ya/tidak, bukan angka",
    ),
    "formula.value-float": (
        "{what} is the float {raw}, which is not exact",
        "{what} adalah float {raw}, yang tidak eksak",
    ),
    "formula.pass-text": (
        "pass it as text or Decimal instead: '{raw}' or Decimal('{raw}')",
        "berikan sebagai teks atau Decimal: '{raw}' atau Decimal('{raw}')",
    ),
    "formula.value-not-number": (
        "{what} is {shown}, which is not a number such as '1234.5'",
        "{what} bernilai {shown}, yang bukan angka seperti '1234.5'",
    ),
}
