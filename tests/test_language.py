"""One language per output: every ``--lang id`` output of the bundled catalog has no English word
in it, and every ``--lang en`` output no Indonesian one (docs/language.md).

What the planner wrote in the catalog and its data — names, units, sources, notes, formulas — is
the planner's own text in the planner's language, so it is cut out of an output before the scan.
So are ids, codes, file names, option names and quoted settings (``zero_target = "met"``): words
a planner types as they are. What is left is what lkip-rules writes, and must be one language.

The word lists hold the function words of each language (the, of, and / yang, dan, dari), which
no sentence of any length goes without, and the words lkip-rules used to leak; the allowed lists
hold the domain terms both languages use as they are (target, input, pagu, Renstra, ...).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from click.testing import CliRunner

import lkip_rules
from lkip_rules.cli import main


def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


CATALOG = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
YEAR = 2025
QUARTER = 2

ENGLISH = _listed(
    """
    a an the is are was be been it its this that these those which who what when where why how
    of and or not nor but so if then else for with without from to into onto in on at by as than
    above below under over between up down more less most least only also both either neither
    has have had do does did can cannot could should must may will would no yes any every each all
    mean average sum weighted children child positive negative stable missing error errors warning
    warnings undefined printed print line lines column columns row rows prose value values given
    gives give write rounded rounding truncated half even exact realisation achievement category
    absorption budget spent efficiency previous year years quarter indicator indicators formula rule
    rules weight checked check figures figure wrong right info note catalog file files sheet cell
    help usage options show exit default unknown provisional improved declined unchanged trend points
    rest ok none number numbers decimal decimals against range computed compute
    """
)
"""English words no Indonesian output should carry (function words, and what used to leak)."""

ALLOWED_IN_INDONESIAN = _listed(
    """
    target input program status total data audit info rp id iku pk lkip sakip renstra tabel bab no
    """
)
"""Words Indonesian planners use as they are, even where they look English: "no." is nomor, and
"info" (KBBI) glosses the audit's notes as --hide-info names them."""

INDONESIAN = _listed(
    """
    yang dan tidak dari untuk dengan tahun capaian belum ada adalah atau pada di ke ini itu akan
    dapat harus sebesar sebanyak dibagi dikali ditambah dikurangi menghasilkan angka bukan sudah
    masih kategori rumus baris kolom naskah galat peringatan terhitung lengkap terdefinisi catatan
    anggaran sementara tercetak seharusnya penyebab penjelasan letak pokok isian diperiksa salah
    membaik memburuk tetap satuan polaritas aturan eksak dicetak desimal dibulatkan dipotong agregasi
    rata tertimbang indikator efisiensi serapan poin tren sampai triwulan berkas tulis bawaan
    opsi perintah bantuan keluar tampilkan penggunaan nilai induk bawahnya menurut
    """
)
"""Indonesian words no English output should carry."""

ALLOWED_IN_ENGLISH = _listed(
    """
    pagu realisasi serapan sisa murni renstra iku sasaran tujuan program kegiatan subkegiatan sub
    perjanjian kinerja rencana aksi pk perubahan lkip sakip tabel bab gambar rp triwulan
    """
)
"""Domain terms English outputs keep as the field names them: the budget's pagu, realisasi and
serapan (the data file's own keys), the levels of the cascade, the SAKIP documents, and
"triwulan" where English glosses the planner's word ("quarter (triwulan)")."""


# -- what the catalog itself says -----------------------------------------------------------------


FREE_TEXT = ("name", "unit", "description", "owner", "source", "code", "label", "note")
"""The fields a planner writes in words; the others (polarity, rounding, level, ...) are codes,
whose words an output must still say in its language."""


def _free_text(item: Any) -> Iterator[str]:
    for field in FREE_TEXT:
        value = getattr(item, field, None)
        if isinstance(value, str):
            yield value


@functools.cache
def planners_text() -> re.Pattern[str]:
    """The catalog's and the data's own text, longest first, as whole words where it has them."""
    found: set[str] = set(_free_text(CATALOG.info))
    for section in (CATALOG.indicators, CATALOG.inputs, CATALOG.budget, CATALOG.scales):
        for item in section.values():
            found.update(_free_text(item))
    for scale in CATALOG.scales.values():
        found.update(band.label for band in scale.bands)
    found.update(str(ind.formula) for ind in CATALOG.indicators.values() if ind.formula is not None)
    for year_data in CATALOG.data.years.values():
        found.add(year_data.file)
        for entries in year_data.reported.values():
            found.update(text for entry in entries for text in _free_text(entry))
        for benchmark in year_data.benchmarks.values():
            found.update(_free_text(benchmark))
    found |= {line for text in found for line in text.splitlines()}  # a long text shown over several lines
    kept = sorted({text.strip() for text in found if len(text.strip()) > 1}, key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(text)}(?!\w)" for text in kept))


_CODE = [
    re.compile(r"\b\w+(?:\.\w+)+\b"),  # key paths and numbers: indicators.x.targets, 3.14
    re.compile(r"'[^'\n]*'|\"[^\"\n]*\""),  # quoted: ids, settings, what the planner typed
    re.compile(r"(?<![\w-])--?[a-z][\w-]*"),  # options: --lang, -h
    re.compile(r"\[[\w|.\- ]+\|[\w|.\- ]+\]"),  # choices: [id|en]
    re.compile(r"\[(?:default|bawaan): [^\]]*\]"),  # an option's default value: a code
    re.compile(r"\S*[/\\]\S*"),  # paths
    re.compile(r"\b\w*[_\d]\w*\b"),  # ids and numbers: koperasi_aktif, q2, 2025
    re.compile(r"\b[a-z]+(?:-[a-z]+)+\b"),  # codes: half-up, lkip-4, missing-data
]


def words(output: str) -> list[str]:
    """The words lkip-rules wrote: the planner's text, codes and paths cut out."""
    text = planners_text().sub(" ", output)
    for pattern in _CODE:
        text = pattern.sub(" ", text)
    return [word.lower() for word in re.findall(r"[^\W\d_]+", text)]


def leaks(output: str, lang: str) -> list[str]:
    found = words(output)
    if lang == "id":
        return sorted({word for word in found if word in ENGLISH and word not in ALLOWED_IN_INDONESIAN})
    return sorted({word for word in found if word in INDONESIAN and word not in ALLOWED_IN_ENGLISH})


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "5000"}, prog_name="lkip")
    assert result.exit_code in (0, 1), result.output
    return result.output


# -- the outputs ----------------------------------------------------------------------------------

LANGS = ["id", "en"]
INDICATORS = sorted(CATALOG.indicators)
HELP = ["", *sorted(main.commands)]


def _line_by_line(output: str, lang: str) -> list[tuple[str, list[str]]]:
    """Each line that leaks, with its words: the failure shows where to look."""
    return [(line, found) for line in output.splitlines() if (found := leaks(line, lang))]


def scanned(output: str, lang: str) -> None:
    assert output.strip()
    assert _line_by_line(output, lang) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["evaluate"],
        ["evaluate", "--format", "markdown"],
        ["evaluate", "--format", "csv"],
        ["evaluate", "--quarter", str(QUARTER), "--format", "markdown"],
        ["audit"],
        ["tree"],
        ["pk"],
        ["pk", "--format", "markdown"],
        ["pk", "--format", "csv"],
    ],
    ids=" ".join,
)
def test_a_command_speaks_one_language(args: list[str], lang: str) -> None:
    scanned(run(*args, "--lang", lang), lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("indicator", INDICATORS)
def test_explain_speaks_one_language(indicator: str, lang: str) -> None:
    scanned(run("explain", indicator, "--lang", lang), lang)
    scanned(run("explain", indicator, "--quarter", str(QUARTER), "--lang", lang), lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("command", HELP, ids=lambda c: c or "lkip")
def test_help_speaks_one_language(command: str, lang: str) -> None:
    """Command names and the values an option takes (--format both) are codes, typed as they are."""
    import click

    args = [command] if command else []
    asked = CliRunner().invoke(main, [*args, "--help"], env={"LKIP_LANG": lang, "COLUMNS": "400"}, prog_name="lkip")
    params = main.commands[command].params if command else []
    choices = {str(value) for p in params if isinstance(p.type, click.Choice) for value in p.type.choices}
    codes = "|".join(map(re.escape, sorted({*main.commands, *choices}, key=len, reverse=True)))
    scanned(re.sub(rf"(?<![\w-])(?:lkip )?(?:{codes})(?![\w-])", " ", asked.output), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_figures_speak_one_language(lang: str) -> None:
    from lkip_rules.reports.figures import chart_figures

    results = CATALOG.evaluate(YEAR)
    texts: list[str] = []
    for figure in chart_figures(results, lang, catalog=CATALOG):  # type: ignore[arg-type]
        texts += [figure.title, *figure.notes, *(p.series for p in figure.points)]
        texts += [category.label for category in figure.categories]
    scanned("\n".join(texts), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_speaks_one_language(lang: str) -> None:
    try:
        from lkip_rules.reports.chapter import make_report
        from lkip_rules.reports.chapter.to_markdown import markdown_text
    except ImportError:  # pragma: no cover - until lkip report lands
        pytest.skip("lkip report is not built yet")
    report = make_report(CATALOG, YEAR, lang=lang)  # type: ignore[arg-type]
    scanned(markdown_text(report), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_json_messages_speak_english_as_data(lang: str) -> None:
    """JSON is data: statuses are codes and messages English, whatever --lang says (documented)."""
    import json

    data = json.loads(run("evaluate", "--format", "json", "--lang", lang))
    messages = [item["message"] for item in data["indicators"] if item["message"]]
    assert messages and not any(leaks(text, "en") for text in messages)


# -- the scan itself can fail ------------------------------------------------------------------------


def test_the_scan_finds_a_leak_and_lets_the_planners_text_be() -> None:
    assert leaks("Status: data belum lengkap: no value for 'x'", "id") == ["for", "value"]
    name = CATALOG.indicators["koperasi_berkualitas"].name  # Indonesian by nature
    assert leaks(f"The achievement of {name} is 100.30%", "en") == []
    assert leaks("capaian 100,30% dari target", "en") == ["capaian", "dari"]
    assert leaks('nyatakan zero_target = "met" agar capaian bernilai 100', "id") == []
    assert leaks(str(Decimal("1.5")), "id") == []
