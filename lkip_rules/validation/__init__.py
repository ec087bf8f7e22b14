"""Validation: small rules that each collect Issues; ``Catalog.check()`` raises on errors.

Each rule is a function returning Issues, so a new check is one new function added to a
tuple: :data:`CATALOG_RULES` look at the catalog alone (and are computed once per catalog),
:data:`DATA_RULES` at figures against the catalog. Issues carry the file, the key path and
the line. :func:`touched` tells which indicators an error spoils, so evaluation never shows
them as ``ok``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from lkip_rules.issues import SEVERITY_ID, CatalogRule, DataRule, Issue, Severity
from lkip_rules.locale.text import Text
from lkip_rules.validation.catalog_rules import CATALOG_RULES
from lkip_rules.validation.data_rules import DATA_RULES
from lkip_rules.validation.year_rules import YEAR_RULES

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.catalog.model import Data

__all__ = ["SEVERITY_ID", "CatalogRule", "DataRule", "Issue", "Severity", "catalog_issues", "data_issues"]


def catalog_issues(catalog: Catalog) -> list[Issue]:
    """Every issue of the catalog itself, whatever the figures."""
    return [issue for rule in (*CATALOG_RULES, *YEAR_RULES) for issue in rule(catalog)]


def data_issues(catalog: Catalog, data: Data) -> list[Issue]:
    """Every issue of ``data`` read against the catalog."""
    return [issue for rule in DATA_RULES for issue in rule(catalog, data)]


def ordered(issues: Iterable[Issue]) -> list[Issue]:
    """Errors first, then in file order."""
    return sorted(issues, key=lambda i: (i.severity != "error", i.file, i.line))


def data_files(catalog: Catalog, data: Data) -> list[Issue]:
    """The data issues only (figures the catalog cannot place or cannot be right)."""
    return data_issues(catalog, data)


def touched(catalog: Catalog, issues: Iterable[Issue]) -> dict[str, str]:
    """Indicator id -> why it cannot be computed: the errors among ``issues`` that name it, its
    inputs or its scale, and everything computed from it (referencing formulas, parents)."""
    direct: dict[str, str] = {}
    for issue in issues:
        if issue.severity == "error":
            for ind_id in _named(catalog, issue):
                direct.setdefault(ind_id, _cause(issue))
    return _spread(catalog, direct)


def touched_lines(catalog: Catalog, issues: Iterable[Issue]) -> dict[str, str]:
    """Budget line id -> the catalog error that keeps its figures from being used."""
    found: dict[str, str] = {}
    for issue in issues:
        section, _, rest = issue.key_path.partition(".")
        if issue.severity == "error" and section == "budget":
            for line in {rest.split(".")[0], *issue.affects} & set(catalog.budget):
                found.setdefault(line, _cause(issue))
    return found


def _cause(issue: Issue) -> str:
    """The error behind a result that is not computed: "code: message"."""
    return Text("labelled", name=issue.code, text=issue.message)


def _named(catalog: Catalog, issue: Issue) -> set[str]:
    section, _, rest = issue.key_path.partition(".")
    name = rest.split(".")[0]
    found = {i for i in issue.affects if i in catalog.indicators}
    if section == "indicators" and name in catalog.indicators:
        found.add(name)
    elif section == "scales":
        found |= {ind.id for ind in catalog.indicators.values() if ind.scale == name}
    return found


def _spread(catalog: Catalog, direct: Mapping[str, str]) -> dict[str, str]:
    if not direct:  # a valid catalog: nothing to spread, and no graph of users to build
        return {}
    users: dict[str, list[str]] = {}
    for ind in catalog.indicators.values():
        parent = catalog.indicators.get(ind.parent or "")
        if parent is not None and parent.aggregated:
            users.setdefault(ind.id, []).append(parent.id)  # a child's trouble spoils the parent's mean
        if ind.formula is not None:
            for name in ind.formula.names:
                users.setdefault(name, []).append(ind.id)
    found = dict(direct)
    queue = list(direct)
    while queue:
        current = queue.pop()
        for user in users.get(current, ()):
            if user not in found:
                found[user] = Text("realise.computed-from", name=current, why=found[current])
                queue.append(user)
    return found


def validate(catalog: Catalog, data: Data) -> list[Issue]:
    """Every issue every rule finds, errors first, in file order."""
    return ordered([*catalog.catalog_issues(), *data_issues(catalog, data)])
