"""Property tests of catalogs: generated catalogs round-trip through TOML text, and any
TOML document either loads or raises CatalogError — never anything else."""

from __future__ import annotations

import contextlib
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import lkip_rules
import lkip_rules.scoring
from lkip_rules import LkipError
from tests import toml_writer

# Ids a catalog may declare: not the words of the formula language (those are refused, see test_loading).
ids = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True).filter(lambda i: i not in {"and", "or", "not"})
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
amounts = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)
years = st.integers(2025, 2029)
policy = st.fixed_dictionaries(
    {},
    optional={
        "polarity": st.sampled_from(["positive", "negative", "stable"]),
        "negative_method": st.sampled_from(["mirror", "inverse"]),
        "zero_target": st.sampled_from(["undefined", "met"]),
        "basis": st.sampled_from(["rounded", "exact"]),
        "decimals": st.integers(0, 4),
        "rounding": st.sampled_from(["half-up", "down", "half-even"]),
        "cap": amounts,
    },
)


@st.composite
def catalogs(draw: st.DrawFn) -> dict[str, Any]:
    """A valid catalog: inputs, then indicators whose formulas use only declared names."""
    inputs = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    indicator_ids = draw(st.lists(ids.filter(lambda i: i not in inputs), min_size=1, max_size=5, unique=True))
    indicators = {}
    for position, ind_id in enumerate(indicator_ids):
        names = inputs + indicator_ids[:position]  # only earlier indicators: no cycles
        a, b = draw(st.sampled_from(names)), draw(st.sampled_from(inputs))
        formula = draw(st.sampled_from([f"{a} + {b}", f"pct({a}, {b})", f"growth({b})", f"avg({a}, {b}, 1)"]))
        entry = {
            "name": draw(texts.filter(bool)),
            "level": draw(st.sampled_from(["iku", "program", "kegiatan"])),
            "formula": formula,
            "targets": {str(y): draw(amounts.filter(bool)) for y in draw(st.sets(years, max_size=3))},
            **draw(policy),
        }
        indicators[ind_id] = entry
    return {
        "catalog": {"id": draw(ids), "name": draw(texts.filter(bool)), "period": [2025, 2029], **draw(policy)},
        "inputs": {i: {"name": draw(texts.filter(bool)), "unit": draw(texts)} for i in inputs},
        "indicators": indicators,
    }


def _load(document: dict[str, Any]) -> lkip_rules.Catalog:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.toml"
        path.write_text(toml_writer.dumps(document), "utf-8")
        return lkip_rules.load_catalog(path)


@given(catalogs())
def test_generated_catalogs_round_trip_through_toml(document: dict[str, Any]) -> None:
    catalog = _load(document)
    assert catalog.info.id == document["catalog"]["id"]
    assert catalog.info.name == document["catalog"]["name"]
    assert list(catalog.inputs) == list(document["inputs"])
    assert list(catalog.indicators) == list(document["indicators"])
    defaults = document["catalog"]
    for ind_id, expected in document["indicators"].items():
        got = catalog.indicators[ind_id]
        assert (got.name, got.level, got.formula_text) == (expected["name"], expected["level"], expected["formula"])
        assert dict(got.targets) == {int(y): t for y, t in expected["targets"].items()}
        for key in ("polarity", "negative_method", "zero_target", "basis", "decimals", "rounding", "cap"):
            wanted = expected.get(key, defaults.get(key, getattr(lkip_rules.scoring.Policy(), key)))
            assert getattr(got.policy, key) == wanted, key
    assert [i.code for i in catalog.validate() if i.severity == "error"] == []


toml_values = st.recursive(
    st.one_of(
        st.integers(-(10**6), 10**6),
        amounts,
        st.booleans(),
        texts,
        st.sampled_from(["positive", "iku", "lkip-4", "x + 1", "pct(a, b)", "(", "2025"]),
    ),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(texts, children, max_size=3)),
    max_leaves=8,
)
keys = st.one_of(
    texts,
    st.sampled_from(
        [
            "catalog",
            "indicators",
            "inputs",
            "scales",
            "id",
            "name",
            "period",
            "level",
            "formula",
            "targets",
            "bands",
            "numerator",
            "denominator",
            "polarity",
        ]
    ),
)
documents = st.dictionaries(
    st.sampled_from(["catalog", "indicators", "inputs", "scales"]) | keys,
    st.dictionaries(keys, st.dictionaries(keys, toml_values, max_size=4) | toml_values, max_size=4),
    max_size=4,
)


@given(documents)
def test_any_toml_document_loads_or_raises_catalog_error(document: dict[str, Any]) -> None:
    try:
        catalog = _load(document)
        catalog.validate()
        catalog.evaluate(2025)
    except LkipError:
        pass


@given(st.binary(max_size=200) | texts.map(str.encode))
def test_any_bytes_load_or_raise_catalog_error(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.toml"
        path.write_bytes(raw)
        with contextlib.suppress(LkipError):
            lkip_rules.load_catalog(path)


data_sections = st.sampled_from(["inputs", "realisations", "benchmarks", "reported", "year", "source"]) | keys


@given(st.dictionaries(data_sections, st.dictionaries(keys, toml_values, max_size=4) | toml_values, max_size=4))
def test_any_data_file_loads_or_raises_catalog_error(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "2025.toml"
        path.write_text(toml_writer.dumps(document), "utf-8")
        with contextlib.suppress(LkipError):
            lkip_rules.load_data(path)


def test_writer_sanity() -> None:
    assert toml_writer.dumps({"a": {"b": {"c": Decimal("1.50")}}}) == "\n[a.b]\nc = 1.50\n"
