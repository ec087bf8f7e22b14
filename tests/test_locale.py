"""Messages in two languages: every template has both, with the same values; a Text says itself
in either language, survives pickling, and reads as its English text."""

from __future__ import annotations

import pickle
import string
from decimal import Decimal
from typing import Any

import pytest

from lkip_rules.locale import message
from lkip_rules.locale.messages import MESSAGES
from lkip_rules.locale.text import Text, joined, say


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_use_the_same_values(key: str) -> None:
    english, indonesian = MESSAGES[key]
    assert english and indonesian
    assert _names(english) == _names(indonesian)


def test_a_text_is_its_english_and_says_itself_in_indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MESSAGES, "test", ("{n} units of {what}", "{n} unit {what}"))
    monkeypatch.setitem(MESSAGES, "word", ("cooperatives", "koperasi"))
    text = Text("test", n=Decimal("1982.5"), what=Text("word"))
    assert text == "1982.5 units of cooperatives"
    assert say(text, "id") == message(text, "id") == "1.982,5 unit koperasi"
    assert pickle.loads(pickle.dumps(text)).said("id") == "1.982,5 unit koperasi"
    both = joined([text, "plain"])
    assert (both, say(both, "id")) == ("1982.5 units of cooperatives; plain", "1.982,5 unit koperasi; plain")
    assert joined(["a", "", "b"]) == "a; b" and not isinstance(joined(["a", "b"]), Text)


def test_no_key_is_written_in_two_areas() -> None:
    from lkip_rules.locale import msg_audit, msg_catalog, msg_formula, msg_results

    areas = [msg_results.MESSAGES, msg_catalog.MESSAGES, msg_audit.MESSAGES, msg_formula.MESSAGES]
    assert sum(len(area) for area in areas) + 1 == len(MESSAGES)


# -- the messages the core writes, end to end: English as it always was, Indonesian in full -----

CATALOG = """
[catalog]
id = "uji"
name = "Dinas Uji"
period = [2025, 2026]

[inputs.a]
name = "A"
[inputs.b]
name = "B"
[inputs.c]
name = "C"
[inputs.q]
name = "Q"
rollup = "sum"

[indicators.triwulan]
name = "Triwulan"
level = "iku"
parent = "induk"
formula = "q"
targets = { 2025 = 10 }

[indicators.nol]
name = "Nol"
level = "iku"
parent = "induk"
formula = "a / (b - c)"
targets = { 2025 = 10 }

[indicators.diberi]
name = "Diberi"
level = "iku"
formula = "a"
targets = { 2025 = 10 }

[indicators.rentang]
name = "Rentang"
level = "iku"
formula = "a"
targets = { 2025 = [7.5, 8] }

[indicators.induk]
name = "Induk"
level = "sasaran"
"""


@pytest.fixture(scope="module")
def results() -> Any:
    import tempfile
    from pathlib import Path

    import lkip_rules
    from lkip_rules import Data

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "catalog.toml").write_text(CATALOG, "utf-8")
        catalog = lkip_rules.load_catalog(folder)
    values = {"a": {2025: 6, 2026: 5}, "b": {2025: 2}, "c": {2025: 2}, "q": {2025: {"q1": 1, "q2": 2, "q4": 4}}}
    data = Data.from_values(values, realisations={"diberi": {2026: 5}})
    return {year: catalog.evaluate(year, data) for year in (2025, 2026)}


@pytest.mark.parametrize(
    ("year", "indicator", "english", "indonesian"),
    [
        (
            2025,
            "triwulan",
            "no value for 'q' for 2025 (q3 is blank)",
            "tidak ada nilai 'q' untuk tahun 2025 (triwulan III kosong)",
        ),
        (
            2025,
            "nol",
            "division by zero: the divisor b - c is 0 (b = 2, c = 2)",
            "pembagian dengan nol: pembagi b - c bernilai 0 (b = 2, c = 2)",
        ),
        (
            2025,
            "induk",
            "cannot aggregate (mean): triwulan: missing-data; nol: undefined",
            "tidak dapat diagregasi (rata-rata): triwulan: data belum lengkap; nol: tidak terdefinisi",
        ),
        (
            2026,
            "diberi",
            "realisation given in values; no target for 2026",
            "realisasi diisi langsung di values; tidak ada target untuk tahun 2026",
        ),
    ],
)
def test_the_core_writes_english_and_the_faces_say_it_in_indonesian(
    results: Any, year: int, indicator: str, english: str, indonesian: str
) -> None:
    written = results[year][indicator].message
    assert (written, message(written, "en"), message(written, "id")) == (english, english, indonesian)


def test_a_rule_and_a_range_read_in_each_language(results: Any) -> None:
    rule = results[2025]["rentang"].rule
    assert rule == "below the range [7.5, 8]: R / T x 100 with T = 7.5"
    assert say(rule, "id") == "di bawah rentang 7,5–8: R / T x 100 dengan T = 7,5"


def test_an_error_says_itself_and_a_plain_message_stands() -> None:
    import lkip_rules

    with pytest.raises(lkip_rules.LkipError) as caught:
        lkip_rules.parse_formula("a ^ 2")
    assert str(caught.value).startswith("line 1, column 3: expected an operator or the end of the formula")
    assert message(caught.value, "id").startswith("baris 1, kolom 3: seharusnya operator atau akhir rumus")
    assert message("something no template knows", "id") == "something no template knows"


def test_an_issue_holding_a_formula_error_pickles_and_says_itself(tmp_path: Any) -> None:
    import lkip_rules

    (tmp_path / "catalog.toml").write_text(
        '[catalog]\nid = "k"\nname = "K"\nperiod = [2025, 2026]\n[inputs.c]\nname = "C"\n'
        '[indicators.d]\nname = "D"\nlevel = "iku"\nformula = "cc * 2"\ntargets = { 2025 = 1 }\n',
        "utf-8",
    )
    issues = lkip_rules.load_catalog(tmp_path).validate()
    again = pickle.loads(pickle.dumps(issues))
    assert again == issues
    assert "in the formula, line 1, column 1: unknown name 'cc'" in str(again[0])
    assert "pada rumus, baris 1, kolom 1: nama 'cc' tidak dikenal" in again[0].said("id")
