"""Reading TOML exactly (numbers as Decimal) and finding where a key is written.

``read`` refuses what tomllib cannot take with a positioned message that says what to do (a
byte-order mark, ``2,5`` for 2.5, a number too long, tables nested too deep). ``locate``
answers "on which line is ``indicators.x.polarity``?" from an index of every key built in one
pass over the text, once per text, so reporting thousands of issues stays linear.
"""

from __future__ import annotations

import functools
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkip_rules.errors import CatalogError
from lkip_rules.locale.text import Grouped, Text

MAX_BYTES = 20 * 1024 * 1024
"""Largest catalog or data file read: far above any real one (the bundled data file is 45 KB)."""

_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_COMMA_DECIMAL = re.compile(r"=\s*-?\d+,\d+\s*(?:#.*)?$")
_BOM = "\ufeff"


def read(path: Path, shown: str) -> tuple[dict[str, Any], str]:
    """The document at ``path`` (floats as exact Decimal) and its text; ``shown`` names it in errors."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CatalogError(
                Text("load.too-large", size=Grouped(size), limit=Grouped(MAX_BYTES)),
                file=shown,
                hint=Text("load.split-it"),
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogError(Text("load.cannot-read", reason=exc.strerror or str(exc)), file=shown) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(Text("load.not-utf8", byte=exc.start), file=shown, hint=Text("load.save-utf8")) from None
    return parse(text, shown), text


def parse(text: str, shown: str) -> dict[str, Any]:
    if text.startswith(_BOM):
        raise CatalogError(Text("load.bom"), file=shown, lineno=1, hint=Text("load.save-without-bom"))
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise _decode_error(str(exc), text, shown) from None
    except RecursionError:
        raise CatalogError(Text("load.too-deep"), file=shown, hint=Text("load.few-levels")) from None
    except ValueError as exc:  # Python refuses to convert integers of more than 4,300 digits
        raise CatalogError(
            Text("load.number-too-long", detail=str(exc)), file=shown, hint=Text("load.sixteen-digits")
        ) from None


def _decode_error(message: str, text: str, shown: str) -> CatalogError:
    found = _POSITION.search(message)
    lineno, colno = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
    lines = text.splitlines()
    line_text = lines[lineno - 1] if 0 < lineno <= len(lines) else None
    hint = None
    if line_text is not None and _COMMA_DECIMAL.search(line_text):
        hint = Text("load.toml-decimal-point")
    return CatalogError(
        Text("load.not-toml", detail=_POSITION.sub("", message).strip()),
        file=shown,
        lineno=lineno,
        colno=colno,
        line_text=line_text,
        hint=hint,
    )


def locate(text: str, path: tuple[str, ...]) -> int:
    """The 1-based line where the key ``path`` is written, or where its nearest written parent
    is; 0 if none of it is written (or the text is no valid TOML)."""
    lines = _index(text)
    for size in range(len(path), 0, -1):
        found = lines.get(path[:size])
        if found:
            return found
    return 0


@functools.lru_cache(maxsize=32)
def _index(text: str) -> dict[tuple[str, ...], int]:
    # Keyed by the text itself: Python caches a string's hash, so a repeated look-up is cheap.
    indexer = _Indexer(text)
    try:
        return indexer.run()
    except RecursionError:  # lists nested hundreds deep: the keys found so far still tell lines
        return indexer.lines


class _Indexer:
    """One pass over a valid TOML text, recording the line of every key, table and list item."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[tuple[str, ...], int] = {}
        self.arrays: dict[tuple[str, ...], int] = {}  # [[array]] path -> items seen

    def run(self) -> dict[tuple[str, ...], int]:
        table: tuple[str, ...] = ()
        while self.pos < len(self.text):
            start = self.pos
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                break
            if self.text[self.pos] == "[":
                table = self.header()
            else:
                self.key_value(table)
            if self.pos == start:  # only on text tomllib refused: give up rather than loop
                break
        return self.lines

    # -- characters ---------------------------------------------------------------------------

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip_blank(self, newlines: bool) -> None:
        found = (_BLANK_LINES if newlines else _BLANK).match(self.text, self.pos)
        assert found is not None  # both patterns match the empty string
        if newlines:
            self.line += self.text.count("\n", self.pos, found.end())
        self.pos = found.end()

    def record(self, path: tuple[str, ...]) -> None:
        self.lines.setdefault(path, self.line)

    # -- structure ----------------------------------------------------------------------------

    def header(self) -> tuple[str, ...]:
        array = self.text.startswith("[[", self.pos)
        self.pos += 2 if array else 1
        path = self.keys()
        self.pos += 2 if array else 1
        if array:
            index = self.arrays.get(path, 0)
            self.arrays[path] = index + 1
            self.record(path)
            path = (*path, str(index))
        self.record(path)
        return path

    def key_value(self, table: tuple[str, ...]) -> None:
        path = (*table, *self.keys())
        self.record(path)
        self.pos += 1  # "="
        self.skip_blank(newlines=False)
        self.value(path)

    def keys(self) -> tuple[str, ...]:
        parts = []
        while True:
            self.skip_blank(newlines=False)
            parts.append(self.key())
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return tuple(parts)
            self.pos += 1

    def key(self) -> str:
        if self.peek() in "\"'":
            return self.string()
        found = _BARE.match(self.text, self.pos)
        if found is None:
            return ""
        self.pos = found.end()
        return found.group()

    def value(self, path: tuple[str, ...]) -> None:
        char = self.peek()
        if char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        elif char in "\"'":
            self.string()
        else:  # numbers, dates, booleans: up to a delimiter
            found = _SCALAR.match(self.text, self.pos)
            assert found is not None  # matches the empty string
            self.pos = found.end()

    def array(self, path: tuple[str, ...]) -> None:
        self.pos += 1
        index = 0
        while True:
            self.skip_blank(newlines=True)
            if self.peek() in ("]", ""):
                self.pos += 1
                return
            start = self.pos
            item = (*path, str(index))
            self.record(item)
            self.value(item)
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.pos += 1
                index += 1
            elif self.pos == start:  # only on text tomllib refused
                self.pos += 1

    def inline_table(self, path: tuple[str, ...]) -> None:
        self.pos += 1
        while True:
            self.skip_blank(newlines=True)
            if self.peek() in ("}", ""):
                self.pos += 1
                return
            if self.peek() == ",":
                self.pos += 1
                continue
            start = self.pos
            inner = (*path, *self.keys())
            if self.pos == start:  # only on text tomllib refused
                self.pos += 1
                continue
            self.record(inner)
            self.pos += 1  # "="
            self.skip_blank(newlines=False)
            self.value(inner)

    def string(self) -> str:
        quote = self.text[self.pos]
        multi = self.text.startswith(quote * 3, self.pos)
        pattern = _STRINGS[(quote, multi)]
        found = pattern.match(self.text, self.pos)
        if found is None:  # only on text tomllib refused: the rest is this string
            self.pos = len(self.text)
            return ""
        self.line += found.group(1).count("\n")
        self.pos = found.end()
        body = found.group(1)
        while multi and self.peek() == quote:  # up to two quotes may close a multi-line string
            body += quote
            self.pos += 1
        return body


_BLANK = re.compile(r"(?:[ \t\r]+|#[^\n]*)*")
_BLANK_LINES = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR = re.compile(r"[^,\]}\n#]*")
_STRINGS = {
    ('"', False): re.compile(r'"((?:[^"\\\n]|\\.)*)"'),
    ("'", False): re.compile(r"'([^'\n]*)'"),
    ('"', True): re.compile(r'"""((?:[^\\]|\\.)*?)"""', re.DOTALL),
    ("'", True): re.compile(r"\'\'\'(.*?)\'\'\'", re.DOTALL),
}
