"""The shape of catalog and data files: each key's checker, and one function that applies them.

A checker takes the raw TOML value and returns the typed value, or raises CatalogError
naming the file, the key path, the line and what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from lkip_rules import numbers
from lkip_rules._suggest import closest
from lkip_rules.catalog.toml import locate
from lkip_rules.errors import CatalogError, CatalogErrors
from lkip_rules.formula.climb import KEYWORDS
from lkip_rules.locale.text import Items, Text
from lkip_rules.scales import Band

ID = re.compile(r"[a-z_][a-z0-9_]*")
SCALE_ID = re.compile(r"[a-z0-9_][a-z0-9_-]*")
YEARS = range(1900, 2201)
YEAR_TEXT = re.compile(r"[0-9]{4}")

Path = tuple[str, ...]


@attrs.frozen
class Context:
    """Where values come from: the file as shown to users, and its text for line numbers."""

    file: str
    text: str

    def error(self, path: Path, message: str, hint: str | None = None) -> CatalogError:
        return CatalogError(message, file=self.file, key_path=".".join(path), lineno=locate(self.text, path), hint=hint)


Checker = Callable[[Any, Context, Path], Any]


def did_you_mean(suggestion: str) -> Text:
    return Text("load.did-you-mean", name=suggestion)


def _write(example: str) -> Text:
    return Text("load.write", example=example)


def _kind(value: object) -> str:
    """What a value is, for "expected ..., got the text '100'"."""
    if isinstance(value, bool):
        return Text("kind.boolean")
    if isinstance(value, (int, Decimal)):
        return Text("kind.number", value=str(value))  # as written in the file
    if isinstance(value, str):
        return Text("kind.text", value=repr(value))
    if isinstance(value, list):
        return Text("kind.list")
    if isinstance(value, dict):
        return Text("kind.table")
    return type(value).__name__


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value: Any, ctx: Context, path: Path) -> str:
    if not isinstance(value, str):
        raise ctx.error(path, Text("load.expected-text", got=_kind(value)), Text("load.write-in-quotes"))
    found = _CONTROL.search(value)
    if found:  # invisible, and no workbook or document can carry it
        raise ctx.error(path, Text("load.control-character", code=f"{ord(found[0]):04X}"), Text("load.delete-it"))
    return value


def formula_text(value: Any, ctx: Context, path: Path) -> str:
    found = text(value, ctx, path)
    if not found.strip():
        raise ctx.error(path, Text("load.empty-formula"))
    return found


def identifier(value: Any, ctx: Context, path: Path) -> str:
    found = text(value, ctx, path)
    if not ID.fullmatch(found):
        raise ctx.error(path, Text("load.not-an-id", found=repr(found)))
    if found in KEYWORDS:
        raise ctx.error(path, Text("load.keyword-id", found=found), Text("load.call-it", found=found))
    return found


def scale_id(value: Any, ctx: Context, path: Path) -> str:
    found = text(value, ctx, path)
    if not SCALE_ID.fullmatch(found):
        raise ctx.error(path, Text("load.not-a-scale-id", found=repr(found)))
    return found


def identifiers(value: Any, ctx: Context, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ctx.error(path, Text("load.expected-ids", got=_kind(value)), Text("load.write-list"))
    return tuple(identifier(item, ctx, (*path, str(i))) for i, item in enumerate(value))


def number(value: Any, ctx: Context, path: Path) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        hint = quoted_number_hint(value) if isinstance(value, str) else None
        raise ctx.error(path, Text("load.expected-number", got=_kind(value)), hint)
    found = Decimal(value)
    problem = numbers.problem(found)
    if problem is not None:
        raise ctx.error(path, problem)
    return found


def positive(value: Any, ctx: Context, path: Path) -> Decimal:
    found = number(value, ctx, path)
    if found <= 0:
        raise ctx.error(path, Text("load.expected-positive", got=str(found)))
    return found


_ID_THOUSANDS = re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3})+")
_ID_DECIMAL = re.compile(r"-?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+),\d+")


def quoted_number_hint(raw: str) -> str:
    """What to write instead of a number in quotes, reading it the way Indonesians write numbers."""
    core = raw.strip()
    if _ID_THOUSANDS.fullmatch(core):
        whole = core.replace(".", "")
        return Text("load.quoted-thousands", core=core, whole=whole, grouped=f"{int(whole):_}")
    if _ID_DECIMAL.fullmatch(core):
        return Text("load.quoted-decimal", plain=core.replace(".", "").replace(",", "."))
    return Text("load.quoted-number")


def year(value: Any, ctx: Context, path: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in YEARS:
        raise ctx.error(path, Text("load.expected-year", got=_kind(value)))
    return value


def whole(low: int, high: int) -> Checker:
    def check(value: Any, ctx: Context, path: Path) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ctx.error(path, Text("load.expected-whole", low=low, high=high, got=_kind(value)))
        return value

    return check


def choice(*options: str) -> Checker:
    def check(value: Any, ctx: Context, path: Path) -> str:
        if value not in options:
            suggestion = closest(str(value), options)
            hint = Text("load.did-you-mean", name=suggestion) if suggestion else None
            listed = ", ".join(f'"{o}"' for o in options)
            raise ctx.error(path, Text("load.expected-one-of", options=listed, got=_kind(value)), hint)
        return str(value)

    return check


def period(value: Any, ctx: Context, path: Path) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2:
        raise ctx.error(path, Text("load.expected-period", got=_kind(value)), _write("[2025, 2029]"))
    first, last = year(value[0], ctx, (*path, "0")), year(value[1], ctx, (*path, "1"))
    if first > last:
        raise ctx.error(path, Text("load.period-backwards", first=first, last=last))
    return first, last


def target(value: Any, ctx: Context, path: Path) -> Decimal | tuple[Decimal, Decimal]:
    if isinstance(value, list):
        if len(value) != 2:
            raise ctx.error(path, Text("load.range-shape"))
        low, high = number(value[0], ctx, (*path, "0")), number(value[1], ctx, (*path, "1"))
        if low > high:
            raise ctx.error(
                path, Text("load.range-upside-down", low=str(low), high=str(high)), _write(f"[{high}, {low}]")
            )
        return low, high
    return number(value, ctx, path)


def targets(value: Any, ctx: Context, path: Path) -> dict[int, Decimal | tuple[Decimal, Decimal]]:
    if not isinstance(value, dict):
        raise ctx.error(path, Text("load.expected-targets", got=_kind(value)), _write("{ 2025 = 20 }"))
    found = {}
    for key, item in value.items():
        if not (YEAR_TEXT.fullmatch(key) and int(key) in YEARS):
            raise ctx.error((*path, key), Text("load.not-a-year", key=repr(key)), _write("{ 2025 = 20, 2026 = 22 }"))
        found[int(key)] = target(item, ctx, (*path, key))
    return found


def by_year(check: Checker, example: str) -> Checker:
    """A table ``{ year = value }`` whose values ``check`` reads."""

    def read(value: Any, ctx: Context, path: Path) -> dict[int, Any]:
        if not isinstance(value, dict):
            raise ctx.error(path, Text("load.expected-by-year", got=_kind(value)), _write(example))
        found = {}
        for key, item in value.items():
            if not (YEAR_TEXT.fullmatch(key) and int(key) in YEARS):
                raise ctx.error((*path, key), Text("load.not-a-year", key=repr(key)), _write(example))
            found[int(key)] = check(item, ctx, (*path, key))
        return found

    return read


def quarters(value: Any, ctx: Context, path: Path) -> tuple[Any, ...]:
    """The four cumulative targets of a year's Rencana Aksi: [q1, q2, q3, q4], each a number or [lo, hi]."""
    if not isinstance(value, list) or len(value) != 4:
        raise ctx.error(path, Text("load.expected-quarters", got=_kind(value)), _write("[25, 50, 75, 100]"))
    return tuple(target(item, ctx, (*path, str(i))) for i, item in enumerate(value))


def weight(value: Any, ctx: Context, path: Path) -> Decimal | dict[int, Decimal]:
    """A weight for every year (``2``), or per year (``{ 2025 = 2, 2026 = 3 }``)."""
    if isinstance(value, dict):
        return by_year(positive, "{ 2025 = 2, 2026 = 3 }")(value, ctx, path)  # type: ignore[no-any-return]
    return positive(value, ctx, path)


def status(value: Any, ctx: Context, path: Path) -> str:
    """A figure's mark: provisional (sementara) or final (tetap)."""
    return choice("sementara", "tetap")(value, ctx, path)  # type: ignore[no-any-return]


BAND_FIELDS = {"code": text, "label": text, "above": number, "min": number}


def bands(value: Any, ctx: Context, path: Path) -> tuple[Band, ...]:
    if not isinstance(value, list) or not value:
        raise ctx.error(path, Text("load.expected-bands"))
    found = []
    for i, item in enumerate(value):
        where = (*path, str(i))
        if not isinstance(item, dict):
            raise ctx.error(where, Text("load.expected-band", got=_kind(item)))
        fields = check_table(item, BAND_FIELDS, {"code", "label"}, ctx, where)
        if "above" in fields and "min" in fields:
            raise ctx.error(where, Text("load.above-and-min"))
        found.append(Band(fields["code"], fields["label"], fields.get("above"), fields.get("min")))
    return tuple(found)


def check_table(
    raw: Mapping[str, Any],
    fields: Mapping[str, Checker],
    required: set[str],
    ctx: Context,
    path: Path,
) -> dict[str, Any]:
    """Check every key of ``raw`` against ``fields``; unknown keys are errors with a suggestion."""
    if not isinstance(raw, dict):
        raise ctx.error(path, Text("load.expected-table", got=_kind(raw)))
    checked = {}
    problems: list[CatalogError] = []  # every bad key of the table, not only the first
    for key, value in raw.items():
        checker = fields.get(key)
        if checker is None:
            suggestion = closest(key, fields)
            hint = did_you_mean(suggestion) if suggestion else Text("load.valid-keys", keys=Items(fields))
            problems.append(ctx.error((*path, key), Text("load.unknown-key", key=key), hint))
            continue
        try:
            checked[key] = checker(value, ctx, (*path, key))
        except CatalogError as exc:
            problems.append(exc)
    missing = sorted(required - checked.keys() - raw.keys())
    problems += [ctx.error(path, Text("load.missing-key", key=key)) for key in missing]
    CatalogErrors.raise_all(problems)
    return checked


POLICY_FIELDS: dict[str, Checker] = {
    "scale": scale_id,
    "polarity": choice("positive", "negative", "stable"),
    "negative_method": choice("mirror", "inverse"),
    "zero_target": choice("undefined", "met"),
    "basis": choice("rounded", "exact"),
    "decimals": whole(0, 10),
    "rounding": choice("half-up", "down", "half-even"),
    "aggregate": choice("mean", "weighted", "budget-weighted", "min"),
    "cap": number,
    "floor": number,
}

EFFICIENCY_METHODS = ("points", "unspent", "both")
"""How the report measures the efficiency of resources: capaian minus serapan in percentage
points, the unspent budget (sisa anggaran), or both (docs/report.md)."""

CATALOG_FIELDS: dict[str, Checker] = {
    "id": text,
    "name": text,
    "period": period,
    "description": text,
    "source": text,
    "efficiency": choice(*EFFICIENCY_METHODS),
    **POLICY_FIELDS,
}

LEVELS = ("tujuan", "sasaran", "iku", "program", "kegiatan", "subkegiatan")

INDICATOR_FIELDS: dict[str, Checker] = {
    "name": text,
    "level": choice(*LEVELS),
    "parent": identifier,
    "supports": identifiers,
    "unit": text,
    "description": text,
    "owner": text,
    "source": text,
    "formula": formula_text,
    "numerator": formula_text,
    "denominator": formula_text,
    "multiplier": number,
    "targets": targets,
    "targets_initial": targets,
    "quarter_targets": by_year(quarters, "{ 2025 = [25, 50, 75, 100] }"),
    "end_target": target,
    "period": period,
    "weight": weight,
    **POLICY_FIELDS,
}


def boolean(value: Any, ctx: Context, path: Path) -> bool:
    if not isinstance(value, bool):
        raise ctx.error(path, Text("load.expected-boolean", got=_kind(value)))
    return value


INPUT_FIELDS: dict[str, Checker] = {
    "name": text,
    "unit": text,
    "count": boolean,
    "description": text,
    "source": text,
    "rollup": choice("sum", "last", "avg", "max", "min"),
}

SCALE_FIELDS: dict[str, Checker] = {"name": text, "description": text, "bands": bands}

BUDGET_LEVELS = ("program", "kegiatan", "subkegiatan")

BUDGET_FIELDS: dict[str, Checker] = {
    "name": text,
    "level": choice(*BUDGET_LEVELS),
    "parent": identifier,
    "supports": identifiers,
    "code": text,
    "description": text,
    "source": text,
}

BUDGET_DATA_FIELDS: dict[str, Checker] = {
    "pagu": number,
    "realisasi": number,
    "pagu_murni": number,
    "status": status,
}

_THOUSANDS = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_COMMA_DECIMAL = re.compile(r"-?\d+(?:,\d+)?")
_POINT_DECIMAL = re.compile(r"-?\d+\.\d+")


def read_printed(raw: str) -> Decimal | str:
    """A number as a report printed it, or the text itself when it is no well-formed number.

    "1.205.908.800" (dots between thousands, optionally ",50"), "75,80" and "75.80" are
    numbers; "Rp", ",-" and "%" are ignored. Anything else ("63.129.00") is kept as text, so
    the audit can call it malformed instead of guessing.
    """
    core = raw.strip().removeprefix("Rp.").removeprefix("Rp").removesuffix(",-").removesuffix("%").strip()
    if _THOUSANDS.fullmatch(core):
        return Decimal(core.replace(".", "").replace(",", "."))
    if _COMMA_DECIMAL.fullmatch(core):
        return Decimal(core.replace(",", "."))
    if _POINT_DECIMAL.fullmatch(core):
        return Decimal(core)
    return raw


def printed(value: Any, ctx: Context, path: Path) -> Decimal | str:
    """A reported figure: a number, or the text as printed (kept when malformed)."""
    if isinstance(value, str):
        return read_printed(value)
    return number(value, ctx, path)


def printed_target(value: Any, ctx: Context, path: Path) -> Decimal | tuple[Decimal, Decimal] | str:
    return printed(value, ctx, path) if isinstance(value, str) else target(value, ctx, path)


BENCHMARK_FIELDS: dict[str, Checker] = {
    "source": text,
    "year": year,
    "target": target,
    "realisation": number,
    "achievement": number,
    "note": text,
}

REPORTED_FIELDS: dict[str, Checker] = {
    "where": text,
    "year": year,
    "quarter": whole(1, 4),
    "target": printed_target,
    "realisation": printed,
    "achievement": printed,
    "category": text,
    "end_target": printed_target,
    "end_achievement": printed,
    "pagu": printed,
    "pagu_murni": printed,
    "realisasi": printed,
    "serapan": printed,
    "sisa": printed,
    "note": text,
}
