"""A catalog is freed when dropped (no reference cycles), and the collector is paused only
while a catalog is built, validated or evaluated (lkip_rules._gc)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import lkip_rules
from lkip_rules._gc import PROMOTE_AFTER, paused

BEKASI = Path(__file__).parent.parent / "indicators" / "bekasi-diskopukm"
DINKES = Path(__file__).parent / "agencies" / "dinkes"


def _use(path: Path) -> None:
    catalog = lkip_rules.load_catalog(path)
    catalog.validate()
    for _ in range(12):  # past the warm-up, so formulas are compiled too
        catalog.evaluate(2025)
        catalog.assess(2025)


@pytest.mark.parametrize("path", [BEKASI, DINKES / "catalog.toml"], ids=["bekasi", "dinkes"])
def test_a_dropped_catalog_leaves_no_cycle_for_the_collector(path: Path) -> None:
    _use(path)  # the modules imported on first use leave some cycles of their own
    gc.collect()
    gc.disable()
    try:
        _use(path)  # everything made is dropped on return
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_the_collector_is_paused_inside_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the caller's choice is kept
    finally:
        gc.enable()


def test_loading_and_evaluating_pause_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real_load = lkip_rules.api.load

    def spying_load(path: Path) -> object:
        seen.append(gc.isenabled())
        return real_load(path)

    monkeypatch.setattr(lkip_rules.api, "load", spying_load)
    lkip_rules.load_catalog(BEKASI).evaluate(2025)
    assert seen == [False] and gc.isenabled()


def test_what_a_pause_made_counts_as_long_lived_and_a_programs_freeze_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    with paused():
        made = [[n] for n in range(PROMOTE_AFTER + 1)]
    assert gc.get_count()[0] < 700 and gc.get_freeze_count() == 0  # no scan of `made` is due
    freezes: list[None] = []
    with monkeypatch.context() as patched:
        patched.setattr(gc, "freeze", lambda: freezes.append(None))
        with paused():
            few = [[n] for n in range(1000)]
    assert few and not freezes  # a small pause's objects stay young
    gc.freeze()  # as a server does before forking its workers
    frozen = gc.get_freeze_count()
    try:
        with paused():
            made += [[n] for n in range(PROMOTE_AFTER + 1)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
