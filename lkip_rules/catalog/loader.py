"""Loading a catalog: a folder of TOML files (or one file) into typed records.

Structural problems (bad TOML, unknown keys, wrong types) raise CatalogError at once.
Problems of meaning (a formula that does not parse, a duplicate id across files) are
kept as issues for validation, so a user sees all of them together.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkip_rules._suggest import closest
from lkip_rules.catalog import schema, toml
from lkip_rules.catalog.model import BudgetLine, CatalogInfo, Indicator, Input, Source
from lkip_rules.errors import CatalogError, CatalogErrors, FormulaError
from lkip_rules.formula import Formula, parse_formula, ratio_formula
from lkip_rules.issues import Issue
from lkip_rules.locale.text import Items, Said, Text
from lkip_rules.scales import SHIPPED, Scale
from lkip_rules.scoring import Policy

SECTIONS = ("catalog", "indicators", "inputs", "budget", "scales")
RESERVED = {"total"}  # in [reported], the whole agency's budget
DEFAULTS: dict[str, Any] = {
    "scale": "lkip-4",
    "polarity": "positive",
    "negative_method": "mirror",
    "zero_target": "undefined",
    "basis": "rounded",
    "decimals": 2,
    "rounding": "half-up",
    "aggregate": "mean",
    "cap": None,
    "floor": Decimal(0),
}


class Loaded:
    """What the loader gathers before the Catalog is built."""

    def __init__(self) -> None:
        self.info: CatalogInfo | None = None
        self.defaults: dict[str, Any] = dict(DEFAULTS)
        self.raw_indicators: dict[str, tuple[dict[str, Any], schema.Context]] = {}
        self.inputs: dict[str, Input] = {}
        self.budget: dict[str, BudgetLine] = {}
        self.scales: dict[str, Scale] = dict(SHIPPED)
        self.declared_scales: dict[str, str] = {}  # id -> file
        self.sources: dict[str, Source] = {}
        self.issues: list[Issue] = []
        self.seen: dict[str, str] = {}  # id -> file, for duplicates across files
        self.declared_defaults: set[str] = set()  # policy keys set in [catalog]
        self.problems: list[CatalogError] = []  # structural errors, reported together


def catalog_files(path: Path) -> tuple[list[Path], Path | None]:
    """The TOML files of a catalog and its data folder (if any)."""
    if path.is_dir():
        main = path / "catalog.toml"
        if not main.exists():
            raise CatalogError(Text("load.no-catalog-toml"), file=_shown(path))
        others = sorted(p for p in path.glob("*.toml") if p.name != "catalog.toml")
        data = path / "data"
        return [main, *others], data if data.is_dir() else None
    if not path.exists():
        raise CatalogError(Text("load.no-such-catalog"), file=_shown(path))
    return [path], None


def load(path: Path) -> tuple[Loaded, list[Indicator], Path | None]:
    """Read every file; every structural error of the run is reported together (CatalogErrors)."""
    files, data_dir = catalog_files(path)
    loaded = Loaded()
    for file in files:
        with _collected(loaded):
            _read_file(file, loaded, is_main=file == files[0])
    if loaded.info is None:
        CatalogErrors.raise_all(loaded.problems)
        hint = Text("load.add-catalog-table")
        raise CatalogError(Text("load.no-catalog-table"), file=_shown(files[0]), hint=hint)
    indicators = []
    for key, (raw, ctx) in loaded.raw_indicators.items():
        try:  # as _collected does, written out: this loop runs once an indicator
            indicators.append(_indicator(key, raw, ctx, loaded))
        except CatalogError as exc:
            loaded.problems.append(exc)
    CatalogErrors.raise_all(loaded.problems)
    return loaded, indicators, data_dir


@contextlib.contextmanager
def _collected(loaded: Loaded) -> Iterator[None]:
    """Record a CatalogError and go on, so one run shows every structural error."""
    try:
        yield
    except CatalogError as exc:
        loaded.problems.append(exc)


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else str(path)


def _read_file(file: Path, loaded: Loaded, is_main: bool) -> None:
    shown = _shown(file)
    doc, text = toml.read(file, shown)
    ctx = schema.Context(shown, text)
    loaded.sources[shown] = Source(shown, text)
    for key in doc:
        if key not in SECTIONS:
            suggestion = closest(key, SECTIONS)
            hint = schema.did_you_mean(suggestion) if suggestion else Text("load.sections", sections=Items(SECTIONS))
            loaded.problems.append(ctx.error((key,), Text("load.unknown-section", key=key), hint))
    if "catalog" in doc:
        with _collected(loaded):
            _catalog_table(doc["catalog"], ctx, loaded, is_main)
    for key, raw in _section(doc, "scales", ctx, loaded).items():
        with _collected(loaded):
            fields = schema.check_table(raw, schema.SCALE_FIELDS, {"name", "bands"}, ctx, ("scales", key))
            schema.scale_id(key, ctx, ("scales", key))
            loaded.scales[key] = Scale(key, fields["name"], fields["bands"], fields.get("description", ""))
            loaded.declared_scales[key] = shown
    for key, fields in _entries(doc, "inputs", schema.INPUT_FIELDS, {"name"}, ctx, loaded):
        loaded.inputs[key] = Input(id=key, file=shown, **fields)
    for key, fields in _entries(doc, "budget", schema.BUDGET_FIELDS, {"name", "level"}, ctx, loaded):
        loaded.budget[key] = BudgetLine(id=key, file=shown, **fields)
    for key, fields in _entries(doc, "indicators", schema.INDICATOR_FIELDS, {"name", "level"}, ctx, loaded):
        loaded.raw_indicators[key] = (fields, ctx)


def _catalog_table(raw: Any, ctx: schema.Context, loaded: Loaded, is_main: bool) -> None:
    if not is_main:
        raise ctx.error(("catalog",), Text("load.catalog-elsewhere"))
    fields = schema.check_table(raw, schema.CATALOG_FIELDS, {"id", "name", "period"}, ctx, ("catalog",))
    loaded.info = CatalogInfo(
        fields.pop("id"),
        fields.pop("name"),
        fields.pop("period"),
        fields.pop("description", ""),
        fields.pop("source", ""),
        fields.pop("efficiency", "points"),
    )
    loaded.defaults.update(fields)
    loaded.declared_defaults = set(fields)


def _entries(
    doc: Mapping[str, Any],
    section: str,
    fields: Mapping[str, schema.Checker],
    required: set[str],
    ctx: schema.Context,
    loaded: Loaded,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The checked tables of ``[section.<id>]`` whose id is not taken yet (ids share one namespace)."""
    for key, raw in _section(doc, section, ctx, loaded).items():
        path = (section, key)
        try:
            schema.identifier(key, ctx, path)
            checked = schema.check_table(raw, fields, required, ctx, path)
            claimed = _claim(key, ctx.file, ctx, path, loaded)
        except CatalogError as exc:
            loaded.problems.append(exc)
            continue
        if claimed:
            yield key, checked


def _section(doc: Mapping[str, Any], name: str, ctx: schema.Context, loaded: Loaded) -> dict[str, Any]:
    section = doc.get(name, {})
    if not isinstance(section, dict):
        loaded.problems.append(ctx.error((name,), Text("load.table-of-tables", name=name)))
        return {}
    return section


def _claim(key: str, file: str, ctx: schema.Context, path: schema.Path, loaded: Loaded) -> bool:
    """Record ``key`` as taken; a second definition becomes an issue and is ignored."""
    if key in RESERVED:
        raise ctx.error(path, Text("load.reserved", key=key))
    if key in loaded.seen:
        loaded.issues.append(
            Issue(
                "error",
                "duplicate-id",
                Text("issue.duplicate-id", id=key, file=loaded.seen[key]),
                file,
                ".".join(path),
                toml.locate(ctx.text, path),
            )
        )
        return False
    loaded.seen[key] = file
    return True


def _indicator(key: str, fields: dict[str, Any], ctx: schema.Context, loaded: Loaded) -> Indicator:
    assert loaded.info is not None
    settings = {name: fields.get(name, loaded.defaults[name]) for name in DEFAULTS}
    policy = Policy(
        polarity=settings["polarity"],
        negative_method=settings["negative_method"],
        zero_target=settings["zero_target"],
        basis=settings["basis"],
        decimals=settings["decimals"],
        rounding=settings["rounding"],
        cap=settings["cap"],
        floor=settings["floor"],
    )
    text, where, formula = _formula_text(key, fields, ctx, loaded)
    if text is not None and where == "formula":
        formula = _parse(text, key, where, ctx, loaded)
    return Indicator(
        id=key,
        name=fields["name"],
        level=fields["level"],
        file=ctx.file,
        period=fields.get("period", loaded.info.period),
        policy=policy,
        scale=settings["scale"],
        aggregate=settings["aggregate"],
        parent=fields.get("parent"),
        supports=fields.get("supports", ()),
        unit=fields.get("unit", ""),
        description=fields.get("description", ""),
        owner=fields.get("owner", ""),
        source=fields.get("source", ""),
        formula_text=text,
        formula_key=where,
        formula=formula,
        formula_parts=tuple((k, fields[k]) for k in ("formula", "numerator", "denominator") if k in fields),
        multiplier_defaulted="numerator" in fields and "multiplier" not in fields,
        targets=fields.get("targets", {}),
        targets_initial=fields.get("targets_initial", {}),
        quarter_targets=fields.get("quarter_targets", {}),
        end_target=fields.get("end_target"),
        weight=weight if not isinstance(weight := fields.get("weight"), dict) else None,
        weights=weight if isinstance(weight, dict) else {},
        zero_target_declared="zero_target" in fields or "zero_target" in loaded.declared_defaults,
    )


def _formula_text(
    key: str, fields: Mapping[str, Any], ctx: schema.Context, loaded: Loaded
) -> tuple[str | None, str, Formula | None]:
    """The formula as text, the key it is written under, and the formula if it is a ratio."""
    path = ("indicators", key)
    ratio = [name for name in ("numerator", "denominator") if name in fields]
    if "formula" in fields:
        if ratio or "multiplier" in fields:
            raise ctx.error(path, Text("load.formula-and-ratio"))
        return fields["formula"], "formula", None
    if not ratio:
        if "multiplier" in fields:
            raise ctx.error((*path, "multiplier"), Text("load.multiplier-alone"))
        return None, "formula", None
    if len(ratio) == 1:
        missing = "denominator" if ratio == ["numerator"] else "numerator"
        raise ctx.error(path, Text("load.needs-other", given=ratio[0], missing=missing))
    numerator, denominator = fields["numerator"], fields["denominator"]
    multiplier = fields.get("multiplier", Decimal(1))
    text = f"({numerator}) / ({denominator}) * {multiplier}"
    try:
        return text, "numerator", ratio_formula(numerator, denominator, multiplier)
    except FormulaError as exc:
        # Each part is parsed on its own, so the error's source tells which key has it.
        part = "numerator" if exc.source == numerator else "denominator"
        _record(exc, key, part, ctx, loaded)
        return text, part, None


def _parse(text: str, key: str, where: str, ctx: schema.Context, loaded: Loaded) -> Formula | None:
    try:
        return parse_formula(text)
    except FormulaError as exc:
        _record(exc, key, where, ctx, loaded)
        return None


def _record(exc: FormulaError, key: str, where: str, ctx: schema.Context, loaded: Loaded) -> None:
    path = ("indicators", key, where)
    message = Text("issue.formula", error=Said(exc))
    loaded.issues.append(Issue("error", "formula", message, ctx.file, ".".join(path), toml.locate(ctx.text, path)))
