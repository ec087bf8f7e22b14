"""The bundled catalog as seed: its files, parsed once, and its ids (read only: cases copy them)."""

from __future__ import annotations

import copy
import functools
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import lkip_rules


def bundled_dir() -> Path:
    """The repository's copy of the bundled catalog (read only: cases copy it to a tmp dir)."""
    here = Path(__file__).resolve().parents[3] / "indicators" / "bekasi-diskopukm"
    return here if here.is_dir() else lkip_rules.BUNDLED_CATALOG


@functools.cache
def seed_files() -> dict[str, bytes]:
    """The bundled catalog's TOML files by relative path (cached; cases copy, never write)."""
    root = bundled_dir()
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.toml"))}


@functools.cache
def parsed_seed_docs() -> dict[str, dict[str, Any]]:
    """The seed files parsed once (numbers as Decimal, as the library reads them); shared, so copy to change."""
    return {rel: tomllib.loads(data.decode(), parse_float=Decimal) for rel, data in seed_files().items()}


def seed_docs() -> dict[str, dict[str, Any]]:
    """A private copy of the parsed seeds, for a case to mutate."""
    return copy.deepcopy(parsed_seed_docs())


@functools.cache
def bundled_ids() -> tuple[list[str], list[str]]:
    """The bundled catalog's input ids and indicator ids."""
    inputs: list[str] = []
    indicators: list[str] = []
    for rel, doc in parsed_seed_docs().items():
        if not rel.startswith("data/"):
            inputs += list(doc.get("inputs", {}))
            indicators += list(doc.get("indicators", {}))
    return inputs, indicators
