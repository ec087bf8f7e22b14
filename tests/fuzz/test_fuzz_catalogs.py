"""Catalogs mutated at TOML and byte level, and made from scratch, through
load_catalog -> validate -> evaluate -> explain -> audit: results or LkipError, never a crash."""

from __future__ import annotations

from hypothesis import given

from tests.fuzz import checks, gen
from tests.fuzz.gen import FilesCase, fuzz_settings


@fuzz_settings(30)
@given(gen.mutated_catalogs)
def test_bundled_catalog_mutated_as_toml(case: FilesCase) -> None:
    checks.run(case)


@fuzz_settings(20)
@given(gen.byte_catalogs)
def test_bundled_catalog_mutated_as_bytes(case: FilesCase) -> None:
    checks.run(case)


@fuzz_settings(40)
@given(gen.scratch_catalogs)
def test_generated_catalogs(case: FilesCase) -> None:
    checks.run(case)


@fuzz_settings(10)
@given(gen.torture_catalogs)
def test_chains_cycles_and_deep_nesting(case: FilesCase) -> None:
    checks.run(case)


def test_seed_catalog_is_untouched() -> None:
    """Cases are written to temporary folders; the repository's catalog must never change."""
    root = gen.bundled_dir()
    assert {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.toml")} == gen.seed_files()
