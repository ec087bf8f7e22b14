"""Issues: what validation finds, with the file, the key path and the line of the cause.

The model layer: the loader records the issues it meets while reading, the validation rules
(lkip_rules.validation) add theirs; both speak this one type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Literal

import attrs

from lkip_rules._suggest import closest
from lkip_rules.locale.text import Text

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.catalog.model import Data

Severity = Literal["error", "warning"]
SEVERITY_ID = {"error": "galat", "warning": "peringatan"}


@attrs.frozen
class Issue:
    severity: Severity
    code: str
    message: str
    file: str = ""
    key_path: str = ""
    line: int = 0
    affects: tuple[str, ...] = ()  # indicators it spoils, beyond the one its key path names

    def __str__(self) -> str:
        return self.said("en")

    def said(self, lang: str) -> str:
        """``file:line: severity [code] key.path: message``, in ``lang`` ("id" or "en")."""
        from lkip_rules.locale import message

        where = f"{self.file}:{self.line}" if self.line else self.file
        head = f"{where}: " if where else ""
        path = f" {self.key_path}:" if self.key_path else ""
        severity = self.severity if lang == "en" else SEVERITY_ID[self.severity]
        return f"{head}{severity} [{self.code}]{path} {message(self.message, 'id' if lang == 'id' else 'en')}"


CatalogRule = Callable[["Catalog"], Iterable[Issue]]
DataRule = Callable[["Catalog", "Data"], Iterable[Issue]]


def issue_at(
    catalog: Catalog,
    severity: Severity,
    code: str,
    message: str,
    file: str,
    *path: str,
    affects: tuple[str, ...] = (),
) -> Issue:
    """An issue at the key ``path`` of ``file``, with its line found in the catalog's sources."""
    return Issue(severity, code, message, file, ".".join(path), catalog.line_of(file, path), affects)


def hint(word: str, options: Iterable[str]) -> str:
    """ "did you mean 'x'?" for the closest of ``options``, or nothing."""
    suggestion = closest(word, options)
    return Text("hint.did-you-mean", name=suggestion) if suggestion else ""
