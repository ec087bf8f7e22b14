"""A small TOML writer for the tests (the standard library reads TOML but does not write it)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any


def value(item: Any) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, Decimal)):
        # Decimals keep their digits; a whole Decimal is written as a TOML float ("20.0")
        # only when it has a fraction, which is how the reader gives it back.
        return format(item, "f") if isinstance(item, Decimal) else str(item)
    if isinstance(item, str):
        return json.dumps(item, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(item, list):
        return "[" + ", ".join(value(v) for v in item) + "]"
    if isinstance(item, dict):
        return "{ " + ", ".join(f"{key(k)} = {value(v)}" for k, v in item.items()) + " }"
    raise TypeError(type(item))


def key(name: str) -> str:
    return name if name and all(c.isalnum() or c in "_-" for c in name) and name.isascii() else json.dumps(name)


def dumps(document: dict[str, Any]) -> str:
    """Top-level plain keys first, then one [a.b] table per second-level table."""
    lines = [f"{key(k)} = {value(v)}" for k, v in document.items() if not isinstance(v, dict)]
    for name, section in document.items():
        if not isinstance(section, dict):
            continue
        plain = {k: v for k, v in section.items() if not isinstance(v, dict)}
        if plain or not section:
            lines.append(f"\n[{key(name)}]")
            lines += [f"{key(k)} = {value(v)}" for k, v in plain.items()]
        for sub, table in section.items():
            if isinstance(table, dict):
                lines.append(f"\n[{key(name)}.{key(sub)}]")
                lines += [f"{key(k)} = {value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"
