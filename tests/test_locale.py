"""Messages in two languages: every template has both, with the same values; a Text says itself
in either language, survives pickling, and reads as its English text."""

from __future__ import annotations

import pickle
import string
from decimal import Decimal

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
    from lkip_rules.locale import msg_audit, msg_catalog, msg_results

    areas = [msg_results.MESSAGES, msg_catalog.MESSAGES, msg_audit.MESSAGES]
    assert sum(len(area) for area in areas) + 1 == len(MESSAGES)
