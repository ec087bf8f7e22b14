"""Help in the user's language: Bahasa Indonesia by default, English with ``--lang en``.

Help is printed before the options are parsed, so the language is read from the raw arguments
(``--lang en`` or ``--lang=en`` anywhere on the line) or from ``LKIP_LANG``. The help texts are
written in English next to the code; ``help_id.HELP_ID`` holds the Indonesian of each, keyed by
the English text, and a test checks that every text the commands show has one. Click's own
words (Usage, Options, [default: ...], metavars such as INTEGER) are put into Indonesian here.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import click

from lkip_rules.cli.help_id import HELP_ID, METAVARS_ID
from lkip_rules.cli.words import LANG_KEY, usage


def language_of(args: Sequence[str]) -> str:
    """The language asked for on a command line: ``--lang X`` / ``--lang=X``, else LKIP_LANG, else id."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "id"
        if arg.startswith("--lang="):
            return "en" if arg.partition("=")[2] == "en" else "id"
    return "en" if os.environ.get("LKIP_LANG") == "en" else "id"


def indonesian(text: str | None) -> str | None:
    """The Indonesian of an English help text (the English itself when none is written yet)."""
    if not text:
        return text
    return HELP_ID.get(inspect.cleandoc(text), text)


class Command(click.Command):
    """A command whose help speaks the language of the command line."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta.setdefault(LANG_KEY, language_of(args))
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if ctx.meta.get(LANG_KEY, "id") == "en":
            super().format_help(ctx, formatter)
            return
        with _in_indonesian(self, ctx):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if ctx.meta.get(LANG_KEY, "id") == "en":
            super().format_usage(ctx, formatter)
            return
        with _in_indonesian(self, ctx):
            formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="Penggunaan: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if ctx.meta.get(LANG_KEY, "id") == "en":
            super().format_options(ctx, formatter)
            return
        records = [_record_in_indonesian(record) for p in self.get_params(ctx) if (record := p.get_help_record(ctx))]
        if records:
            with formatter.section("Opsi"):
                formatter.write_dl(records)


class Group(click.Group, Command):
    """The ``lkip`` group: its own help, and every command it makes, in the command line's language."""

    command_class = Command

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        """As click's standalone main, but a usage mistake is told in the command line's language."""
        if extra.get("standalone_mode", True) is False:
            return super().main(args, prog_name, **extra)
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.ClickException as exc:
            _show(exc, language_of(sys.argv[1:] if args is None else list(args)))
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo(
                "Aborted!" if language_of(sys.argv[1:] if args is None else list(args)) == "en" else "Dibatalkan.",
                err=True,
            )
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        Command.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if ctx.meta.get(LANG_KEY, "id") == "en":
            super().format_commands(ctx, formatter)
            return
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                short = indonesian(command.short_help or command.help) or ""
                rows.append((name, _first_sentence(short, formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Perintah"):
                formatter.write_dl(rows)


def _first_sentence(text: str, limit: int) -> str:
    """The first sentence, cut at a word with an ellipsis when longer than ``limit``, as click does."""
    first = inspect.cleandoc(text).split("\n\n")[0].replace("\n", " ")
    first = first.split(". ")[0].rstrip(".")
    if len(first) <= limit:
        return first
    return first[: max(limit - 3, 10)].rsplit(" ", 1)[0] + "..."


@contextlib.contextmanager
def _in_indonesian(command: click.Command, ctx: click.Context) -> Iterator[None]:
    """The command's help and its arguments' names in Indonesian while the help is written."""
    saved: list[tuple[Any, str, Any]] = [(command, "help", command.help)]
    saved.append((command, "options_metavar", command.options_metavar))
    command.help = indonesian(command.help)
    command.options_metavar = "[OPSI]"
    if isinstance(command, click.Group):
        saved.append((command, "subcommand_metavar", command.subcommand_metavar))
        command.subcommand_metavar = "PERINTAH [ARG]..."
    for param in command.get_params(ctx):
        if isinstance(param, click.Argument):
            saved.append((param, "metavar", param.metavar))
            name = param.make_metavar(ctx) if _takes_ctx() else param.make_metavar()  # type: ignore[call-arg]
            param.metavar = _metavar(name)
    try:
        yield
    finally:
        for owner, attribute, value in reversed(saved):
            setattr(owner, attribute, value)


def _takes_ctx() -> bool:
    return "ctx" in inspect.signature(click.Argument.make_metavar).parameters


def _metavar(text: str) -> str:
    for english, indonesian_word in METAVARS_ID.items():
        text = text.replace(english, indonesian_word)
    return text


def _record_in_indonesian(record: tuple[str, str]) -> tuple[str, str]:
    """One option's line: its metavar and help in Indonesian, click's [default: ...] too."""
    names, text = record
    help_text, bracket, extra = text.partition("  [")
    if not bracket and text.startswith("["):  # an option with no help of its own, only [default: ...]
        help_text, extra, bracket = "", text[1:], "["
    said = indonesian(help_text) or ""
    if bracket:
        extra = extra.replace("default: ", "bawaan: ").replace("required", "wajib")
        said = f"{said}  [{extra}" if said else f"[{extra}"
    return _metavar(names), said


def _show(exc: click.ClickException, lang: str) -> None:
    """A click error as click shows it, in ``lang``: usage, a hint to the help, the message."""
    en = lang == "en"
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        ctx.meta.setdefault(LANG_KEY, lang)
        hint = f"Try '{ctx.command_path} -h' for help." if en else f"Coba '{ctx.command_path} -h' untuk bantuan."
        click.echo(f"{ctx.get_usage()}\n{hint}", err=True)
    said = usage(exc.format_message(), lang)
    click.echo(f"Error: {said}" if en else f"Galat: {said}", err=True)
