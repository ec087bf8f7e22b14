"""Messages the core writes once and the faces show in either language.

The core knows no language: a result's reason, a validation issue, an audit explanation is a
:class:`Text` — a ``str`` holding the English sentence, so code that reads messages as text
keeps working — that also remembers its key and values. A face that prints in Bahasa
Indonesia calls :func:`say`, which fills the Indonesian template of the same key with the same
values, numbers written the Indonesian way. Templates live in ``locale/messages.py``, one entry
per key with both languages side by side, so a translator reads them together and a test
checks every key has both, with the same placeholders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from lkip_rules.locale.messages import MESSAGES

Lang = str  # "id" or "en"; the Literal lives in lkip_rules.locale, which imports this module


class Text(str):
    """A message: the English text, plus the key and values to say it in another language."""

    key: str
    params: Mapping[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Text:
        self = super().__new__(cls, _fill(MESSAGES[key][0], params, "en"))
        self.key = key
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled as key and values, not as English text
        return (_remade, (self.key, dict(self.params)))

    def said(self, lang: Lang) -> str:
        """The message in ``lang``."""
        if lang == "en":
            return str(self)
        return _fill(MESSAGES[self.key][1], self.params, lang)


class Items:
    """Several values shown as one, joined by ``sep`` ("a, b, c"); each item said in the language."""

    def __init__(self, items: Iterable[Any], sep: str = ", ") -> None:
        self.items = tuple(items)
        self.sep = sep

    def __repr__(self) -> str:
        return f"Items({self.items!r}, sep={self.sep!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Items) and (self.items, self.sep) == (other.items, other.sep)

    def __hash__(self) -> int:
        return hash((self.items, self.sep))


def joined(parts: Iterable[str], sep: str = "; ") -> str:
    """Messages joined into one that stays translatable (a plain str when none is a Text)."""
    found = [part for part in parts if part]
    if not any(isinstance(part, Text) for part in found):
        return sep.join(found)
    return Text("joined", items=Items(found, sep))


def say(text: str, lang: Lang) -> str:
    """``text`` in ``lang``: a Text in its own words, anything else as it stands."""
    return text.said(lang) if isinstance(text, Text) else text


def _remade(key: str, params: dict[str, Any]) -> Text:
    return Text(key, **params)


def _fill(template: str, params: Mapping[str, Any], lang: Lang) -> str:
    return template.format_map({name: _shown(value, lang) for name, value in params.items()})


def _shown(value: Any, lang: Lang) -> str:
    """A value inside a message: Texts said in the language, Decimals in its number format."""
    if isinstance(value, Text):
        return value.said(lang)
    if isinstance(value, Items):
        return value.sep.join(_shown(item, lang) for item in value.items)
    if isinstance(value, Decimal):
        if lang == "en":
            return format(value, "f")
        from lkip_rules.locale import number

        return number(value, "id")
    return str(value)
