"""Reading TOML exactly (numbers as Decimal) and finding where a key is written."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkip_rules.errors import CatalogError

_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def read(path: Path, shown: str) -> tuple[dict[str, Any], str]:
    """The document at ``path`` (floats as exact Decimal) and its text; ``shown`` names it in errors."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read the file: {exc.strerror or exc}", file=shown) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"the file is not UTF-8 text (byte {exc.start})", file=shown, hint="save it as UTF-8"
        ) from None
    return parse(text, shown), text


def parse(text: str, shown: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _POSITION.search(message)
        lineno, colno = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
        lines = text.splitlines()
        line_text = lines[lineno - 1] if 0 < lineno <= len(lines) else None
        raise CatalogError(
            f"not valid TOML: {_POSITION.sub('', message).strip()}",
            file=shown,
            lineno=lineno,
            colno=colno,
            line_text=line_text,
        ) from None


def locate(text: str, path: tuple[str, ...]) -> int:
    """Best-effort 1-based line where the key ``path`` is written, 0 if not found.

    Finds the deepest ``[table]`` header that is a prefix of the path, then the first line
    after it that assigns the next key of the path.
    """
    lines = text.splitlines()
    start, rest = 0, path
    for size in range(len(path), 0, -1):
        header = _header(path[:size])
        for number, line in enumerate(lines):
            if header.match(line):
                start, rest = number + 1, path[size:]
                if not rest:
                    return number + 1
                break
        else:
            continue
        break
    line_no = 0
    for key in rest:
        assign = re.compile(r"^\s*(?:[\w.\"'-]+\.)?" + _key(key) + r"\s*=|[{,]\s*" + _key(key) + r"\s*=")
        for number in range(start, len(lines)):
            if lines[number].lstrip().startswith("[") and number > start and not line_no:
                break
            if assign.search(lines[number]):
                line_no, start = number + 1, number
                break
    return line_no


def _key(key: str) -> str:
    return rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"


def _header(path: tuple[str, ...]) -> re.Pattern[str]:
    dotted = r"\s*\.\s*".join(_key(part) for part in path)
    return re.compile(r"^\s*\[\[?\s*" + dotted + r"\s*\]\]?\s*(?:#.*)?$")
