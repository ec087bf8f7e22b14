"""Help in both languages: every help text has its Indonesian, and each screen speaks one language."""

from __future__ import annotations

import inspect

import click
import pytest
from click.testing import CliRunner

from lkip_rules.cli import main
from lkip_rules.cli.help import language_of
from lkip_rules.cli.help_id import HELP_ID

COMMANDS = sorted(main.commands)


def _help_texts() -> list[tuple[str, str]]:
    found = [("lkip", inspect.cleandoc(main.help or ""))]
    for name, command in sorted(main.commands.items()):
        found.append((name, inspect.cleandoc(command.help or "")))
        for param in command.params:
            if isinstance(param, click.Option):
                found.append((f"{name} {param.opts[0]}", inspect.cleandoc(param.help or "")))
    return found


@pytest.mark.parametrize(("where", "text"), _help_texts(), ids=[where for where, _ in _help_texts()])
def test_every_help_text_has_its_indonesian(where: str, text: str) -> None:
    assert text, f"{where} has no help"
    assert text in HELP_ID, f"{where}: no Indonesian for {text!r} in lkip_rules/cli/help_id.py"


def test_no_translation_is_left_over() -> None:
    used = {text for _, text in _help_texts()} | {"Show the version and exit.", "Show this message and exit."}
    assert set(HELP_ID) - used == set()


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_indonesian_by_default_and_english_on_request(command: str) -> None:
    args = [command] if command else []
    indonesian = CliRunner().invoke(main, [*args, "--help"], prog_name="lkip")
    assert indonesian.exit_code == 0, indonesian.output
    assert indonesian.output.startswith("Penggunaan: lkip") and "\nOpsi:\n" in indonesian.output
    assert "Usage" not in indonesian.output and "[default" not in indonesian.output and "Show " not in indonesian.output
    asked = [*args, "--help", "--lang", "en"] if command else ["--help"]  # the group has no --lang: LKIP_LANG
    english = CliRunner().invoke(main, asked, env={"LKIP_LANG": "en"}, prog_name="lkip")
    assert english.output.startswith("Usage: lkip") and "\nOptions:\n" in english.output


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        (["evaluate", "--lang", "en"], None, "en"),
        (["--lang=en"], None, "en"),
        (["--lang", "id"], "en", "id"),
        ([], "en", "en"),
        ([], None, "id"),
        (["--lang"], None, "id"),
    ],
)
def test_the_language_of_a_command_line(
    args: list[str], env: str | None, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if env is None:
        monkeypatch.delenv("LKIP_LANG", raising=False)
    else:
        monkeypatch.setenv("LKIP_LANG", env)
    assert language_of(args) == lang
