"""What the ``lkip`` command itself says — errors, notes, usage mistakes — in the user's language.

The language is the command line's (``--lang``, else ``LKIP_LANG``, else Indonesian), read by
``help.Command`` into the click context, so these helpers need no argument for it. Messages of
the library (a ``Text``) are said in that language too; click's own usage messages are put into
Indonesian by the patterns below (click writes them in English only).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import click

from lkip_rules.locale import message

LANG_KEY = "lkip.lang"  # where a command keeps its language, in click's context meta

WORDS: dict[str, tuple[str, str]] = {
    "error": ("error: {text}", "galat: {text}"),
    "note": ("note: {text}", "catatan: {text}"),
    "cannot_use": ("error: cannot use{where}: {reason}{hint}", "galat: tidak dapat memakai{where}: {reason}{hint}"),
    "open_elsewhere": (" (is it open in another program?)", " (apakah sedang dibuka program lain?)"),
    "bug": (
        "internal error: {kind}: {text}\nthis is a bug in lkip-rules; please report it with the command and the "
        "files that caused it",
        "galat internal: {kind}: {text}\nini kesalahan di lkip-rules; mohon laporkan beserta perintah dan berkas "
        "yang menyebabkannya",
    ),
    "replaced": ("{path} (replaced the earlier file)", "{path} (menggantikan berkas sebelumnya)"),
    "no_figures": (
        "note: there are no figures for {year} (years with figures: {known})",
        "catatan: tidak ada angka untuk tahun {year} (tahun yang punya angka: {known})",
    ),
    "none": ("none", "tidak ada"),
    "rows": ("{path}: {rows} rows ({count} indicators){note}", "{path}: {rows} baris ({count} indikator){note}"),
    "evaluating": ("{engine}: evaluating {name}", "{engine}: menilai {name}"),
    "usage_error": ("Error: {text}", "Galat: {text}"),
    "usage_hint": ("Try '{command} -h' for help.", "Coba '{command} -h' untuk bantuan."),
}

# click's usage messages (English only in click) and ours, into Indonesian; the first match wins
_USAGE_ID: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"No such option: (\S+)"), r"tidak ada opsi \1"),
    (re.compile(r"No such option '([^']+)'"), r"tidak ada opsi '\1'"),
    (re.compile(r"No such command '([^']+)'\."), r"tidak ada perintah '\1'."),
    (re.compile(r"Missing option '([^']+)'\."), r"opsi '\1' wajib diberikan."),
    (re.compile(r"Missing argument '([^']+)'\."), r"argumen '\1' wajib diberikan."),
    (re.compile(r"Option '([^']+)' requires an argument\."), r"opsi '\1' memerlukan nilai."),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)"), r"argumen tambahan yang tidak dikenal (\1)"),
    (re.compile(r"Invalid value for '([^']+)': "), r"nilai tidak sah untuk '\1': "),
    (re.compile(r"'([^']*)' is not a valid integer\."), r"'\1' bukan bilangan bulat."),
    (re.compile(r"'([^']*)' is not one of (.*)\."), r"'\1' bukan salah satu dari \2."),
    (re.compile(r"'([^']*)' is not (.*)\."), r"'\1' bukan \2."),
    (re.compile(r"(.*) is not in the range (.*)\."), r"\1 di luar rentang \2."),
    (re.compile(r"Path '([^']*)' does not exist\."), r"lokasi '\1' tidak ada."),
    (re.compile(r"File '([^']*)' is a directory\."), r"'\1' adalah folder."),
    (re.compile(r"\(Possible options: (.*)\)"), r"(opsi yang mungkin: \1)"),
    (re.compile(r"Did you mean one of:? (.*)\?"), r"Maksud Anda salah satu dari \1?"),
    (re.compile(r"Did you mean (.*)\?"), r"Maksud Anda \1?"),
    (re.compile(r"--output (\S+) is a folder; give a file name"), r"--output \1 adalah folder; berikan nama berkas"),
    (
        re.compile(r"--output (\S+): the folder (\S+) does not exist; create it first"),
        r"--output \1: folder \2 tidak ada; buat dulu",
    ),
    (
        re.compile(r"--output writes (?:a )?(\w+): name it (\S+), not (\S+)"),
        r"--output menulis \1: beri nama \2, bukan \3",
    ),
    (re.compile(r"--format xlsx needs --output FILE\.xlsx"), "--format xlsx memerlukan --output BERKAS.xlsx"),
    (re.compile(r"the catalog has no data; give --year"), "katalog belum punya data; berikan --year"),
    (re.compile(r"give at most CATALOG and ID"), "berikan paling banyak KATALOG dan ID"),
    (
        re.compile(r"give the indicator id after the catalog: lkip explain (\S+) ID"),
        r"berikan id indikator sesudah katalog: lkip explain \1 ID",
    ),
    (
        re.compile(r"'([^']*)' is not an indicator of (\S+?)(?:; did you mean '([^']*)'\?)?$"),
        lambda m: f"'{m[1]}' bukan indikator {m[2]}" + (f"; mungkin maksud Anda '{m[3]}'?" if m[3] else ""),
    ),
    (
        re.compile(r"give --format docx, html, md or xlsx: the name (\S+) does not tell which"),
        r"berikan --format docx, html, md atau xlsx: nama \1 tidak menunjukkan formatnya",
    ),
]


def current_lang() -> str:
    """The language of the command being run ("id" outside a command)."""
    ctx = click.get_current_context(silent=True)
    return str(ctx.meta.get(LANG_KEY, "id")) if ctx is not None else "id"


def say(key: str, **values: object) -> str:
    """One of the command's own sentences, in the command line's language."""
    english, indonesian = WORDS[key]
    return (english if current_lang() == "en" else indonesian).format(**values)


def library(text: object) -> str:
    """A message of the library (a Text, an error, an issue, or plain text) in the command line's language."""
    return message(text, "en" if current_lang() == "en" else "id")


def usage(text: str, lang: str) -> str:
    """A usage message (click's or ours) in ``lang``."""
    if lang == "en":
        return text
    for pattern, replacement in _USAGE_ID:
        text = pattern.sub(replacement, text)
    return text
