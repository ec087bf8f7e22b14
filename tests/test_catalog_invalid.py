"""Golden invalid catalogs (tomli style): each file under golden/catalogs/invalid is refused with
the message its ``# expect:`` lines give (their line numbers count those comment lines too)."""

from __future__ import annotations

from pathlib import Path

import pytest

import lkip_rules
from lkip_rules.errors import CatalogError

FOLDER = Path(__file__).parent / "golden" / "catalogs" / "invalid"
FILES = sorted(FOLDER.glob("*.toml"))


def expected(path: Path) -> str:
    lines = path.read_text("utf-8").splitlines()
    return "\n".join(line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: "))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_an_invalid_catalog_is_refused_with_its_message(path: Path) -> None:
    with pytest.raises(CatalogError) as caught:
        lkip_rules.load_catalog(path)
    assert expected(path) in str(caught.value)


def test_there_are_golden_files() -> None:
    assert len(FILES) >= 25


def test_catalog_table_outside_catalog_toml(tmp_path: Path) -> None:
    (tmp_path / "catalog.toml").write_text('[catalog]\nid = "t"\nname = "T"\nperiod = [2025, 2029]\n', "utf-8")
    (tmp_path / "lain.toml").write_text('[catalog]\nid = "u"\n', "utf-8")
    with pytest.raises(CatalogError, match=r"lain.toml, catalog \(line 1\): \[catalog\] belongs in catalog.toml"):
        lkip_rules.load_catalog(tmp_path)


def test_a_catalog_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no such catalog file or folder"):
        lkip_rules.load_catalog(tmp_path / "tidak-ada")
    with pytest.raises(CatalogError, match=r"a catalog folder needs a catalog\.toml"):
        lkip_rules.load_catalog(tmp_path)
