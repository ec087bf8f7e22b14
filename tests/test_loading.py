"""Reading catalogs and data files: every error of a run at once, positioned, with what to do;
numbers bounded where they are written; ids that are words of the language refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import lkip_rules
from lkip_rules.catalog import toml
from lkip_rules.errors import CatalogError, CatalogErrors

HEAD = '[catalog]\nid = "t"\nname = "T"\nperiod = [2025, 2029]\n'
INDICATOR = '[inputs.a]\nname = "A"\n[indicators.i]\nname = "I"\nlevel = "iku"\nformula = "a"\n'


def catalog_at(tmp_path: Path, body: str, data: str | None = None, head: str = HEAD) -> Path:
    (tmp_path / "catalog.toml").write_text(head + body, "utf-8")
    if data is not None:
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "data" / "2025.toml").write_text(data, "utf-8")
    return tmp_path


def load_error(path: Path) -> CatalogError:
    with pytest.raises(CatalogError) as caught:
        lkip_rules.load_catalog(path)
    return caught.value


def test_every_structural_error_of_a_run_is_reported_with_a_count(tmp_path: Path) -> None:
    body = """
[inputs.a]
name = "A"
[indicators.i]
name = "I"
level = "iku"
polarty = "positive"
formula = "a"
[indicators.j]
name = "J"
level = "progam"
formula = "a"
"""
    error = load_error(catalog_at(tmp_path, body))
    assert isinstance(error, CatalogErrors) and len(error.errors) == 2
    text = str(error)
    assert text.startswith("2 errors:")
    assert "indicators.i.polarty (line 11): unknown key 'polarty'\ndid you mean 'polarity'?" in text
    assert "indicators.j.level (line 15): expected one of" in text and "did you mean 'program'?" in text


@pytest.mark.parametrize("word", ["or", "and", "not"])
def test_an_id_that_is_a_word_of_the_formula_language_is_refused_where_it_is_declared(
    tmp_path: Path, word: str
) -> None:
    error = load_error(catalog_at(tmp_path, f'[inputs.{word}]\nname = "x"\n'))
    assert error.key_path == f"inputs.{word}" and error.lineno == 5
    assert "is a word of the formula language" in str(error) and f"call it {word}_" in str(error)


def test_a_byte_order_mark_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "catalog.toml").write_bytes(b"\xef\xbb\xbf" + HEAD.encode())
    error = load_error(tmp_path)
    assert "byte-order mark" in str(error) and 'save it as "UTF-8" without BOM' in str(error)


def test_a_decimal_comma_says_to_write_a_point(tmp_path: Path) -> None:
    error = load_error(catalog_at(tmp_path, "cap = 2,5\n"))
    assert error.lineno == 5 and "write 2.5, not 2,5" in str(error)


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("1e26", "too large: at most 16 digits before the decimal point"),
        ("1e-30", "too precise: at most 12 digits after the decimal point"),
        ("1e400", "too large"),
        ("1e-5000", "too precise"),
        ("12345678901234567", "too large"),
        ("0.0000000000001", "too precise"),
    ],
)
def test_numbers_beyond_the_bounds_are_refused_where_they_are_written(
    tmp_path: Path, written: str, problem: str
) -> None:
    body = INDICATOR + f"targets = {{ 2025 = {written} }}\n"
    error = load_error(catalog_at(tmp_path, body))
    assert error.key_path == "indicators.i.targets.2025" and error.lineno == 11
    assert problem in str(error)


def test_a_number_of_thousands_of_digits_is_our_error(tmp_path: Path) -> None:
    error = load_error(catalog_at(tmp_path, "cap = " + "9" * 4301 + "\n"))
    assert "too long" in str(error)


def test_tables_nested_hundreds_deep_are_our_error(tmp_path: Path) -> None:
    error = load_error(catalog_at(tmp_path, "x = " + "[" * 1000 + "]" * 1000 + "\n"))
    assert "nested too deeply" in str(error)
    # Deep enough to read, and every error about it still located.
    error = load_error(catalog_at(tmp_path, "x = " + "{ a = " * 300 + "1" + " }" * 300 + "\n"))
    assert error.key_path == "catalog.x" and error.lineno == 5


def test_a_quoted_indonesian_number_gets_both_readings(tmp_path: Path) -> None:
    body = INDICATOR + 'targets = { 2025 = "1.982" }\n'
    text = str(load_error(catalog_at(tmp_path, body)))
    assert "if '1.982' means 1982, write 1982 (or 1_982)" in text
    assert "if it means 1.982 with decimals, write 1.982 without quotes" in text


def test_weights_must_be_above_zero(tmp_path: Path) -> None:
    body = '[inputs.a]\nname = "A"\n[indicators.i]\nname = "I"\nlevel = "iku"\nformula = "a"\nweight = 0\n'
    assert "expected a number above 0, got 0" in str(load_error(catalog_at(tmp_path, body)))


def test_data_errors_of_every_file_are_reported_together(tmp_path: Path) -> None:
    catalog_at(tmp_path, '[inputs.a]\nname = "A"\n', data="year = 2025\n[inputs]\na = 1\nb = [1]\n")
    (tmp_path / "data" / "revisi.toml").write_text('year = 2025\nsumber = "x"\n', "utf-8")
    with pytest.raises(CatalogErrors) as caught:
        _ = lkip_rules.load_catalog(tmp_path).data
    assert len(caught.value.errors) == 2
    assert {e.key_path for e in caught.value.errors} == {"inputs.b", "sumber"}


def test_the_key_index_is_built_once_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 3,000 undeclared inputs give 3,000 issues, each with its line; the text is indexed once.
    names = [f"x{i}" for i in range(3000)]
    catalog_at(tmp_path, "", data="year = 2025\n[inputs]\n" + "".join(f"{n} = {i}\n" for i, n in enumerate(names)))
    built = []
    real = toml._Indexer.run

    def counting(self: toml._Indexer) -> dict[tuple[str, ...], int]:
        built.append(1)
        return real(self)

    toml._index.cache_clear()
    monkeypatch.setattr(toml._Indexer, "run", counting)
    issues = [i for i in lkip_rules.load_catalog(tmp_path).validate() if i.code == "undeclared-input"]
    assert len(issues) == 3000 and issues[-1].line == 3002 and len(built) == 1  # data/2025.toml, once


def test_locate_finds_keys_in_arrays_of_tables_and_inline_tables() -> None:
    text = 'a = 1\n[[r.x]]\nwhere = "p"\n[[r.x]]\nwhere = "q"\n[t]\nk = { m = 1,\n  n = 2 }\nl = [\n  1,\n  2,\n]\n'
    assert toml.locate(text, ("r", "x", "1", "where")) == 5
    assert toml.locate(text, ("t", "k", "n")) == 8
    assert toml.locate(text, ("t", "l", "1")) == 11
    assert toml.locate(text, ("t", "nothing")) == 6  # the nearest written parent
    assert toml.locate(text, ("absent",)) == 0
