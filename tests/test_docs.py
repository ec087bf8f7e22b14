"""The examples in the docs run and print what the docs say.

The ``>>>`` examples of each page run in order, in one namespace, like a reader would.
"""

from __future__ import annotations

import doctest
import re
from decimal import Decimal
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
PAGES = [path for path in [DOCS.parent / "README.md", *sorted(DOCS.glob("*.md"))] if ">>>" in path.read_text("utf-8")]


@pytest.mark.parametrize("page", PAGES, ids=[path.name for path in PAGES])
def test_doc_examples(page: Path) -> None:
    text = "\n".join(BLOCK.findall(page.read_text("utf-8")))
    test = doctest.DocTestParser().get_doctest(text, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert test.examples, "a page with >>> must have examples"
    assert runner.failures == 0


def test_the_tutorial_catalog_works(tmp_path: Path) -> None:
    """The tutorial's catalog.toml, input.toml, indikator.toml and data blocks, as a reader types them."""
    import lkip_rules

    blocks = re.findall(r"```toml\n(.*?)```", (DOCS / "tutorial-id.md").read_text("utf-8"), re.DOTALL)
    catalog, inputs, indicators, data = blocks[0], blocks[1], blocks[2], blocks[4]
    (tmp_path / "data").mkdir()
    (tmp_path / "catalog.toml").write_text(catalog, "utf-8")
    (tmp_path / "input.toml").write_text(inputs, "utf-8")
    (tmp_path / "indikator.toml").write_text(indicators, "utf-8")
    (tmp_path / "data" / "2025.toml").write_text(data, "utf-8")
    found = lkip_rules.load_catalog(tmp_path)
    assert found.validate() == []
    results = found.evaluate(2025)
    assert results["koperasi_nib"].achievement == lkip_rules.parse_formula("244.40").evaluate({})
    assert results["daya_saing"].achievement == results["koperasi_nib"].achievement


def test_the_sakip_year_example_of_the_catalog_format(tmp_path: Path) -> None:
    """The Rencana Aksi / PK / weight example, in a catalog around it, loads, validates and scores."""
    import lkip_rules

    page = (DOCS / "catalog-format.md").read_text("utf-8")
    block = next(b for b in re.findall(r"```toml\n(.*?)```", page, re.DOTALL) if "quarter_targets" in b)
    around = (
        '[catalog]\nid = "d"\nname = "D"\nperiod = [2025, 2026]\n'
        '[inputs.ikm_nilai]\nname = "IKM"\nunit = "indeks"\nrollup = "last"\n'
        '[indicators.induk]\nname = "Induk"\nlevel = "sasaran"\naggregate = "weighted"\n'
    )
    (tmp_path / "catalog.toml").write_text(around + block.replace('level = "iku"', 'level = "iku"\nparent = "induk"'))
    catalog = lkip_rules.load_catalog(tmp_path)
    assert catalog.validate() == []
    data = lkip_rules.Data.from_values({"ikm_nilai": {2025: {"q1": 70, "q2": 79}}})
    result = catalog.evaluate(2025, data, quarter=2)["ikm"]
    assert (result.target, result.achievement, result.target_initial) == (78, Decimal("101.28"), 80)  # 79 / 78


def test_the_sakip_year_of_the_tutorial(tmp_path: Path) -> None:
    """Section 6 of the tutorial: its Rencana Aksi gives the 108,33% it promises, and no quarter
    without one is scored against the year's target."""
    import lkip_rules

    blocks = re.findall(r"```toml\n(.*?)```", (DOCS / "tutorial-id.md").read_text("utf-8"), re.DOTALL)
    year = next(b for b in blocks if "quarter_targets" in b)
    head = '[catalog]\nid = "d"\nname = "D"\nperiod = [2025, 2029]\n'
    (tmp_path / "catalog.toml").write_text(head + year, "utf-8")
    catalog = lkip_rules.load_catalog(tmp_path)
    assert catalog.validate() == []
    data = lkip_rules.Data.from_values({"kasus_ditangani": {2025: {"q1": 25, "q2": 40}}, "nilai_ikm": {2025: 0}})
    results = catalog.evaluate(2025, data, quarter=2)
    assert results["kasus"].achievement == Decimal("108.33")  # 65 / 60
    assert results["kasus"].target_initial == 100
