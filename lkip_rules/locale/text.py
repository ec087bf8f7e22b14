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


def number(value: Decimal | None, lang: Lang, places: int | None = None) -> str:
    """1.234,56 in Indonesian, 1,234.56 in English; ``places`` fixes the decimals."""
    if value is None:
        return "-"
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    text = format(value, ",f")
    if lang == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


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
    """Several values shown as one, joined by ``sep`` ("a, b, c"); each item said in the language.

    ``sep_id`` joins them in Indonesian when that must differ: decimals listed with ", " would
    read as one number there ("2,5, 5"), so a list of numbers takes "; " ("2,5; 5").
    """

    def __init__(self, items: Iterable[Any], sep: str = ", ", sep_id: str | None = None) -> None:
        self.items = tuple(items)
        self.sep = sep
        self.sep_id = sep if sep_id is None else sep_id

    def __repr__(self) -> str:
        return f"Items({self.items!r}, sep={self.sep!r}, sep_id={self.sep_id!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Items) and (self.items, self.sep, self.sep_id) == (
            other.items,
            other.sep,
            other.sep_id,
        )

    def __hash__(self) -> int:
        return hash((self.items, self.sep, self.sep_id))

    def joined_in(self, lang: Lang) -> str:
        return (self.sep if lang == "en" else self.sep_id).join(_shown(item, lang) for item in self.items)


class Grouped:
    """A number shown with its thousands grouped, as a count or a size reads best: 1,234,567 in
    English, 1.234.567 in Indonesian (a bare Decimal is written plainly in English: 1234567)."""

    def __init__(self, value: int | Decimal) -> None:
        self.value = value

    def __repr__(self) -> str:
        return f"Grouped({self.value!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Grouped) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


class Said:
    """Something that says itself — an error inside a message — kept as its words in both
    languages, so the message holding it pickles and compares as plain data."""

    def __init__(self, thing: Any) -> None:
        self.words = {lang: str(thing.said(lang)) for lang in ("en", "id")}

    def __repr__(self) -> str:
        return f"Said({self.words['en']!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Said) and self.words == other.words

    def __hash__(self) -> int:
        return hash(self.words["en"])


class Filled:
    """A value shown by filling a template that is the same in every language — a formula with
    its numbers put in, "(2 x {t} - {r}) / {t} x 100" — its values said in the language."""

    def __init__(self, template: str, /, **values: Any) -> None:
        self.template = template
        self.values = values

    def __repr__(self) -> str:
        return f"Filled({self.template!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Filled) and (self.template, self.values) == (other.template, other.values)

    def __hash__(self) -> int:
        return hash(self.template)

    def __str__(self) -> str:
        return _fill(self.template, self.values, "en")


def joined(parts: Iterable[str], sep: str = "; ") -> str:
    """Messages joined into one that stays translatable (a plain str when none is a Text)."""
    found = [part for part in parts if part]
    if not any(isinstance(part, Text) for part in found):
        return sep.join(found)
    if len(found) == 1:
        return found[0]
    return Text("joined", items=Items(found, sep))


def say(text: str, lang: Lang) -> str:
    """``text`` in ``lang``: a Text in its own words, anything else as it stands."""
    return text.said(lang) if isinstance(text, Text) else text


def _remade(key: str, params: dict[str, Any]) -> Text:
    return Text(key, **params)


def phrase(key: str, lang: Lang, /, **params: Any) -> str:
    """The template ``key`` filled in ``lang`` at once, without making a Text: for words that are
    part of a rendering (an error's "line 3, column 5"), never kept as a message of their own."""
    return _fill(MESSAGES[key][0 if lang == "en" else 1], params, lang)


def _fill(template: str, params: Mapping[str, Any], lang: Lang) -> str:
    if not params and "{" not in template:  # most pieces: a word or a sentence with no values
        return template
    return template.format_map({name: _shown(value, lang) for name, value in params.items()})


def _shown(value: Any, lang: Lang) -> str:
    """A value inside a message: Texts said in the language, Decimals in its number format."""
    if type(value) is str or type(value) is int:  # ids, names, years: the most common, as they are
        return str(value)
    if isinstance(value, Text):
        return value.said(lang)
    if isinstance(value, Items):
        return value.joined_in(lang)
    if isinstance(value, Said):
        return value.words["en" if lang == "en" else "id"]
    if isinstance(value, Grouped):
        return number(Decimal(value.value), "en" if lang == "en" else "id")
    if isinstance(value, Filled):
        return _fill(value.template, value.values, lang)
    if callable(getattr(value, "said", None)):  # an error or an issue inside a message
        return str(value.said(lang))
    if isinstance(value, Decimal):
        if lang == "en":
            return format(value, "f")
        return number(value, "id")
    return str(value)
