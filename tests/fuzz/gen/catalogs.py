"""Catalogs mutated: as TOML documents (generic and catalog-aware operations), as bytes, and as
whole files; and torture shapes aimed at recursion and size (long chains, deep nesting, cycles)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tests.fuzz.gen.base import Chooser
from tests.fuzz.gen.cases import FilesCase
from tests.fuzz.gen.formulas import FormulaGen, mutate_text
from tests.fuzz.gen.scratch import scratch_docs
from tests.fuzz.gen.seed import bundled_ids, seed_docs, seed_files
from tests.fuzz.gen.toml import (
    DEPTHS,
    Docs,
    Raw,
    deep_array,
    deep_table,
    encode,
    mutate_bytes,
    mutate_doc,
    odd_toml_value,
    short,
    toml_dumps,
    value_slots,
)


def _indicators(docs: Docs) -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for rel, doc in docs.items():
        table = doc.get("indicators")
        if isinstance(table, dict):
            found += [(rel, key, value) for key, value in table.items() if isinstance(value, dict)]
    return found


def _catalog_table(docs: Docs) -> dict[str, Any]:
    table = docs.get("catalog.toml", {}).get("catalog")
    return table if isinstance(table, dict) else {}


def op_parent_cycle(c: Chooser, docs: Docs) -> str:
    """A ring of one to four indicators naming each other as parent (one: its own parent)."""
    found = _indicators(docs)
    ring = [c.pick(found) for _ in range(c.integer(1, 4))]
    for (_, _, table), (_, target, _) in zip(ring, ring[1:] + ring[:1], strict=True):
        table["parent"] = target
    return "parent cycle " + " -> ".join(key for _, key, _ in ring)


def op_formula_cycle(c: Chooser, docs: Docs) -> str:
    """A ring of indicators whose formulas use each other."""
    found = _indicators(docs)
    ring = [c.pick(found) for _ in range(c.integer(1, 3))]
    for (_, _, table), (_, target, _) in zip(ring, ring[1:] + ring[:1], strict=True):
        for key in ("numerator", "denominator", "multiplier"):
            table.pop(key, None)
        table["formula"] = f"{target} + 1"
    return "formula cycle " + " -> ".join(key for _, key, _ in ring)


def op_weights(c: Chooser, docs: Docs) -> str:
    """Weighted aggregation with weights 0, negative, huge, 1e400."""
    _catalog_table(docs)["aggregate"] = "weighted"
    weights = []
    for _, _, table in _indicators(docs):
        if "parent" in table and c.chance(70):
            table["weight"] = c.pick([0, -1, 1, Decimal("0.5"), Raw("1e400"), 10**30, Decimal("-0.0")])
            weights.append(short(table["weight"]))
    return f"aggregate weighted with weights {weights}"


def op_floor_cap(c: Chooser, docs: Docs) -> str:
    """A floor above the cap, or both at extremes."""
    target = _catalog_table(docs) if c.chance(50) else c.pick(_indicators(docs))[2]
    target["floor"], target["cap"] = c.pick([(100, 50), (0, 0), (Raw("1e400"), -1), (-(10**30), 10**30)])
    return f"floor {short(target['floor'])} and cap {short(target['cap'])}"


def op_keyword_id(c: Chooser, docs: Docs) -> str:
    """An indicator renamed to a formula keyword, a function, 'total' or a non-id, sometimes with its uses."""
    rel, key, _ = c.pick(_indicators(docs))
    new = c.pick(["or", "and", "not", "total", "n", "sum", "if", "N", "x.y", "Upper", "1a", "", "growth"])
    docs[rel]["indicators"][new] = docs[rel]["indicators"].pop(key)
    if c.chance(50):
        for _, _, other in _indicators(docs):
            for name in ("formula", "numerator", "denominator", "parent"):
                if isinstance(other.get(name), str):
                    other[name] = re.sub(rf"\b{re.escape(key)}\b", new, other[name])
    return f"renamed indicator {key} to {new!r}"


def op_formula(c: Chooser, docs: Docs) -> str:
    """A generated (sometimes damaged) formula over the catalog's names in place of one indicator's."""
    _, key, table = c.pick(_indicators(docs))
    inputs, indicators = bundled_ids()
    gen = FormulaGen(c, inputs + indicators + [k for _, k, _ in _indicators(docs)])
    text = gen.text() if c.chance(70) else mutate_text(c, gen.text())
    for name in ("numerator", "denominator", "multiplier"):
        table.pop(name, None)
    table["formula"] = text
    return f"formula of {key} = {short(text)}"


def op_targets(c: Chooser, docs: Docs) -> str:
    """Targets keyed by odd years, with upside-down ranges, 1e400, text."""
    _, key, table = c.pick(_indicators(docs))
    years = c.pick([["2025"], ["2024", "2025"], ["1899"], ["20250"], ["2025.0"], ["N"], ["0"]])
    odd: list[Any] = [0, -5, [5, 1], [1, 5, 9], [], Raw("1e400"), "20", [Raw("-inf"), 1], 10**40, Decimal("1E-30")]
    table["targets"] = {year: c.pick(odd) for year in years}
    return f"targets of {key} = {short(table['targets'])}"


def op_data_value(c: Chooser, docs: Docs) -> str:
    """An input of a data file set to a huge or odd number, or to quarters with odd keys."""
    data = [rel for rel in docs if rel.startswith("data/")] or sorted(docs)
    rel = c.pick(data)
    table = docs[rel].setdefault("inputs", {})
    if not isinstance(table, dict):
        return "inputs is not a table"
    name = c.pick(sorted(table) or ["koperasi_aktif"])
    quarters = {c.pick(["q1", "q2", "q4", "q5", "Q1", "1"]): odd_toml_value(c) for _ in range(c.integer(1, 3))}
    table[name] = quarters if c.chance(30) else c.pick([10**30, Raw("9" * 60), Raw("1e400"), 0, -1, odd_toml_value(c)])
    return f"{rel}: inputs.{name} = {short(table[name])}"


def op_deep(c: Chooser, docs: Docs) -> str:
    """A value replaced by a table or array nested 10 to 5000 deep."""
    rel = c.pick(sorted(docs))
    slots = value_slots(docs[rel])
    depth = c.pick(DEPTHS)
    raw = c.pick([deep_table, deep_array])(depth)
    if slots:
        container, key, path = c.pick(slots)
        container[key] = raw
        return f"{rel}: {path} nested {depth} deep"
    docs[rel]["deep"] = raw
    return f"{rel}: deep = nested {depth} deep"


DOMAIN_OPS = [op_formula, op_parent_cycle, op_formula_cycle, op_weights, op_floor_cap, op_keyword_id,
              op_targets, op_data_value, op_deep]  # fmt: skip


def mutate_docs(c: Chooser, docs: Docs, rounds: int) -> tuple[set[str], list[str]]:
    """Generic and catalog-aware mutations; returns the files touched and what was done."""
    touched: set[str] = set()
    notes: list[str] = []
    for _ in range(rounds):
        if c.chance(55) and _indicators(docs):
            notes.append(c.pick(DOMAIN_OPS)(c, docs))
            touched.update(docs)
        else:
            rel = c.pick(sorted(docs))
            notes.append(f"{rel}: {mutate_doc(c, docs[rel])}")
            touched.add(rel)
    return touched, notes


def serialise(docs: Docs, touched: set[str], originals: Mapping[str, bytes]) -> dict[str, bytes]:
    """Touched documents written as TOML, the others kept byte for byte (comments and all)."""
    return {rel: encode(toml_dumps(doc)) if rel in touched or rel not in originals else originals[rel]
            for rel, doc in docs.items()}  # fmt: skip


def file_ops(c: Chooser, files: dict[str, bytes], notes: list[str]) -> str:
    """Whole-file damage; returns the entry to load (the folder, or one file)."""
    op = c.integer(0, 9)
    if op == 0 and files:
        gone = c.pick(sorted(files))
        del files[gone]
        notes.append(f"removed {gone}")
    elif op == 1:
        name = c.pick(["notes.toml", "data/abc.toml", "data/2025.TOML", "data/20250.toml", "data/1899.toml", "x.txt"])
        files[name] = c.pick([b"", b"\x00\xff", b"[indicators.x]\nname = 1\n", b"year = 2025\n[inputs]\nq = 1\n"])
        notes.append(f"added {name}")
    elif op == 2:
        merged = _merge_docs({rel: tomllib.loads(files[rel].decode("utf-8", "replace"), parse_float=Decimal)
                              for rel in files if not rel.startswith("data/") and _parses(files[rel])})  # fmt: skip
        try:
            text = toml_dumps(merged)
        except RecursionError:  # a value nested hundreds deep: this writer recurses too; keep the folder
            return "."
        notes.append("one-file catalog")
        return _single(files, text)
    return "."


def _parses(data: bytes) -> bool:
    try:
        tomllib.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return False
    return True


def _merge_docs(docs: Docs) -> dict[str, Any]:
    """The sections of several files in one document, for a one-file catalog."""
    merged: dict[str, Any] = {}
    for doc in docs.values():
        for section, table in doc.items():
            if isinstance(table, dict) and isinstance(merged.get(section), dict):
                merged[section].update(table)
            else:
                merged[section] = table
    return merged


def _single(files: dict[str, bytes], text: str) -> str:
    """Replace the catalog's files (not its data) by one file; returns its name."""
    for rel in [rel for rel in files if not rel.startswith("data/")]:
        del files[rel]
    files["single.toml"] = encode(text)
    return "single.toml"


def catalog_case(c: Chooser, mode: str = "any") -> FilesCase:
    """The bundled catalog mutated (TOML level or bytes), or a small catalog made from scratch."""
    if mode == "any":
        mode = c.pick(["toml", "bytes", "scratch"])
    notes: list[str] = []
    if mode == "bytes":
        files = dict(seed_files())
        for _ in range(c.integer(1, 3)):
            rel = c.pick(sorted(files))
            files[rel], note = mutate_bytes(c, files[rel])
            notes.append(f"{rel}: {note}")
        return FilesCase("catalog", files, ".", notes)
    if mode == "scratch":
        docs = scratch_docs(c, notes)
        touched, more = mutate_docs(c, docs, c.integer(1, 2)) if c.chance(30) else (set(docs), [])
        files = serialise(docs, set(docs), {})
        notes += more
    else:
        docs = seed_docs()
        touched, notes = mutate_docs(c, docs, c.integer(1, 3))
        files = serialise(docs, touched, seed_files())
    entry = file_ops(c, files, notes) if c.chance(15) else "."
    return FilesCase("catalog", files, entry, notes)


def torture_case(c: Chooser) -> FilesCase:
    """Shapes aimed at recursion and size: long parent or formula chains, deep TOML, cycles."""
    shape = c.integer(0, 3)
    notes: list[str] = []
    docs = scratch_docs(c, notes)
    if shape <= 1:
        n = c.pick([50, 120, 400, 1001, 1100, 5000])  # past the recursion limit; 5000 finds quadratic work
        year = docs["catalog.toml"]["catalog"]["period"][0]
        docs["chain.toml"] = {"indicators": _chain(n, by_parent=shape == 0, year=year)}
        notes.append(f"{'parent' if shape == 0 else 'formula'} chain of {n} indicators")
    elif shape == 2:
        notes.append(op_deep(c, docs))
    else:
        notes.append(op_parent_cycle(c, docs))
        notes.append(op_formula_cycle(c, docs))
    return FilesCase("catalog", serialise(docs, set(docs), {}), ".", notes)


def _chain(n: int, *, by_parent: bool, year: int = 2025) -> dict[str, Any]:
    """``n`` indicators in a line, by parent (aggregated) or by formula (each uses the one before),
    with a target for ``year`` (the first of the catalog's period, so the catalog stays valid)."""
    chain: dict[str, Any] = {}
    for i in range(n):
        table: dict[str, Any] = {"name": f"chain {i}", "level": "iku", "targets": {str(year): 1}}
        if by_parent:
            if i:
                table["parent"] = f"ch{i - 1}"
            if i == n - 1:
                table["formula"] = "in0"
        else:
            table["formula"] = f"ch{i - 1} + 1" if i else "in0"
        chain[f"ch{i}"] = table
    return chain
