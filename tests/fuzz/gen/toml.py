"""TOML: writing documents (odd literals included), and damaging them as documents and as bytes."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tests.fuzz.gen.base import Chooser

Docs = dict[str, dict[str, Any]]
"""Parsed TOML files by relative path: a catalog folder as documents."""


class Raw(str):
    """Text written into TOML exactly as it is: 1e400, inf, a table nested 300 deep."""


ODD_STRINGS = [
    "", " ", "or", "and", "not", "total", "2,5", "1.234,56", "63.129.00", "Rp 1.000,-", "١٢٣", "x" * 5000,
    "\u0000", "😀", "=HYPERLINK(\"http://x\",\"y\")", "\ud800", "a\nb", "[", "{", "\\",
]  # fmt: skip


def deep_table(depth: int) -> Raw:
    """An inline table nested ``depth`` deep: TOML readers recurse, and Python's stack does not."""
    return Raw("{ a = " * depth + "1" + " }" * depth)


def deep_array(depth: int) -> Raw:
    """An array nested ``depth`` deep, for the same reason."""
    return Raw("[" * depth + "1" + "]" * depth)


DEPTHS = [10, 100, 300, 333, 500, 1000, 5000]


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def toml_value(item: Any) -> str:
    """``item`` as TOML text; a :class:`Raw` is written as it is, so odd literals get through."""
    if isinstance(item, Raw):
        return str(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, Decimal):
        return format(item, "f") if item.is_finite() else ("nan" if item.is_nan() else f"{'-' if item < 0 else ''}inf")
    if isinstance(item, float):
        return repr(item)  # nan, inf and -inf are TOML too
    if isinstance(item, str):
        return json.dumps(item, ensure_ascii=False)
    if isinstance(item, (dt.date, dt.time)):
        return item.isoformat()
    if isinstance(item, list):
        return "[" + ", ".join(toml_value(v) for v in item) + "]"
    if isinstance(item, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in item.items()) + " }"
    raise TypeError(f"cannot write {type(item).__name__} as TOML")


def toml_dumps(doc: Mapping[str, Any]) -> str:
    """Plain keys, then one ``[table]`` per nested table; lists of tables are written inline."""
    lines: list[str] = []
    _emit(lines, (), doc)
    return "\n".join(lines) + "\n"


def _emit(lines: list[str], path: tuple[str, ...], table: Mapping[str, Any]) -> None:
    plain = [(k, v) for k, v in table.items() if not isinstance(v, dict)]
    tables = [(k, v) for k, v in table.items() if isinstance(v, dict)]
    if path and (plain or not tables):
        lines.append(f"\n[{'.'.join(toml_key(part) for part in path)}]")
    lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in plain]
    for key, sub in tables:
        _emit(lines, (*path, key), sub)


def encode(text: str) -> bytes:
    """UTF-8, keeping lone surrogates as the invalid bytes a broken editor would write."""
    return text.encode("utf-8", "surrogatepass")


def odd_toml_value(c: Chooser) -> Any:
    """A value to put where the schema expects something else: huge, 1e400, dates, empty, deep."""
    pools: list[list[Any]] = [
        [0, -1, 1, 100, Decimal("0.0"), Decimal("2.5"), 10**30, -(10**18), 2**64, Decimal("1E+26")],
        [Raw("9" * 5000), Raw("1e400"), Raw("-1e400"), Raw("1e-400"), Raw("inf"), Raw("-inf"), Raw("nan"),
         Raw("1_000"), Raw("0x10"), Raw("+5"), Raw("-0.0"), Decimal("0." + "0" * 40 + "1"), Decimal("9" * 500)],
        [Raw("1979-05-27T07:32:00Z"), Raw("1979-05-27"), Raw("07:32:00"), True, False, [], [1, "a"], {},
         {"a": 1}, [[1, 2]], Raw('"""multi\nline"""')],
        ODD_STRINGS,
    ]  # fmt: skip
    form = c.integer(0, len(pools))
    if form == len(pools):
        return c.pick([deep_table, deep_array])(c.pick(DEPTHS))
    return c.pick(pools[form])


SCHEMA_KEYS = [
    "name", "level", "parent", "supports", "unit", "formula", "numerator", "denominator", "multiplier", "targets",
    "end_target", "period", "weight", "polarity", "negative_method", "zero_target", "basis", "decimals",
    "rounding", "cap", "floor", "scale", "aggregate", "rollup", "bands", "code", "label", "above", "min", "id",
    "year", "source", "inputs", "realisations", "benchmarks", "budget", "reported", "pagu", "realisasi",
    "pagu_murni", "target", "realisation", "achievement", "category", "where", "q1", "q4", "catalog",
    "indicators", "scales", "description",
]  # fmt: skip
WEIRD_KEYS = [
    "or", "and", "not", "total", "N", "", " ", "Polarity", "polarty", "a.b", "é", "x" * 300, "1", "2025",
    "q5", "Q1", "__proto__", "sum", "if",
]  # fmt: skip


def value_slots(doc: Any) -> list[tuple[Any, Any, str]]:
    """Every (container, key, dotted path) of a parsed document, without recursion."""
    found: list[tuple[Any, Any, str]] = []
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:
        node, where = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            path = f"{where}.{key}" if where else str(key)
            found.append((node, key, path))
            if isinstance(value, (dict, list)):
                stack.append((value, path))
    return found


def mutate_doc(c: Chooser, doc: dict[str, Any]) -> str:
    """One structural mutation somewhere in ``doc``; returns what it did."""
    slots = value_slots(doc)
    if not slots:
        doc[c.pick(SCHEMA_KEYS)] = odd_toml_value(c)
        return "added a key to an empty document"
    container, key, path = c.pick(slots)
    op = c.integer(0, 5)
    if op == 0:
        del container[key]
        return f"deleted {path}"
    if op == 1 and isinstance(container, dict):
        new = c.pick(SCHEMA_KEYS + WEIRD_KEYS)
        container[new] = container.pop(key)
        return f"renamed {path} to {new!r}"
    if op == 3:
        container[key] = _retyped(c, container[key])
        return f"changed the type of {path} to {type(container[key]).__name__}"
    if op == 4 and isinstance(container, dict):
        new = c.pick(SCHEMA_KEYS + WEIRD_KEYS)
        container[new] = odd_toml_value(c)
        return f"inserted {new!r} = {short(container[new])} beside {path}"
    if op == 5 and isinstance(container, dict):
        new = c.pick(["copy", "or", "not", "total", "x"])
        container[new] = copy.deepcopy(container[key])
        return f"copied {path} to {new!r}"
    container[key] = odd_toml_value(c)
    return f"set {path} = {short(container[key])}"


def _retyped(c: Chooser, value: Any) -> Any:
    """The same value as another TOML type (text for a number, a list for text...)."""
    if isinstance(value, str):
        return c.pick([Decimal("2.5"), 0, [value], {"value": value}, True])
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return c.pick([str(value), [value], {"value": value}, Raw(f'"{value}"'.replace(".", ","))])
    if isinstance(value, list):
        return c.pick([{str(i): v for i, v in enumerate(value)}, "list", len(value)])
    return c.pick([[value], "table", 1])


def short(value: Any) -> str:
    """A value as TOML, cut short for notes."""
    text = toml_value(value) if not isinstance(value, (set, complex, bytes)) else repr(value)
    return text if len(text) <= 60 else f"{text[:40]}...({len(text)} chars)"


BYTE_POOL = [b"\x00", b"\xff", b"\xc3(", b"\r", b"\n", b'"', b"[", b"=", b"\\", b"\xef\xbb\xbf", b"#", b"'''", b"\t"]


def mutate_bytes(c: Chooser, data: bytes) -> tuple[bytes, str]:
    """Byte-level damage as editors and copy-paste cause it."""
    op = c.integer(0, 9)
    at = c.integer(0, len(data))
    if op == 0:
        return b"\xef\xbb\xbf" + data, "a BOM in front"
    if op == 1:
        junk = c.pick(BYTE_POOL)
        return data[:at] + junk + data[at:], f"inserted {junk!r} at byte {at}"
    if op == 2:
        span = c.integer(1, 40)
        return data[:at] + data[at + span :], f"deleted {span} bytes at {at}"
    if op == 3:
        return data[:at], f"truncated at byte {at}"
    if op == 4:
        return re.sub(rb"(\d)\.(\d)", rb"\1,\2", data), "decimal commas: 2,5"
    if op == 5:
        return data.replace(b"\n", b"\r\n"), "CRLF line ends"
    if op == 6:
        lines = data.split(b"\n")
        i, j = c.integer(0, len(lines) - 1), c.integer(0, len(lines) - 1)
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines), f"swapped lines {i + 1} and {j + 1}"
    if op == 7:
        return data.decode("utf-8", "replace").encode("utf-16"), "saved as UTF-16"
    if op == 8 and data:
        at = min(at, len(data) - 1)
        return data[:at] + bytes([c.integer(0, 255)]) + data[at + 1 :], f"changed byte {at}"
    lines = data.split(b"\n")
    i = c.integer(0, len(lines) - 1)
    return b"\n".join([*lines[: i + 1], lines[i], *lines[i + 1 :]]), f"duplicated line {i + 1}"
