"""Rules about loops: formulas that need each other (in one year, or across years back to the
same year) and parents in a loop. Each rule is a function ``(catalog) -> Iterable[Issue]``,
listed in CATALOG_RULES."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lkip_rules.formula import Period
from lkip_rules.issues import Issue
from lkip_rules.issues import issue_at as _issue
from lkip_rules.locale.text import Text

if TYPE_CHECKING:
    from lkip_rules.api import Catalog


def cycles(catalog: Catalog) -> Iterator[Issue]:
    """Indicators whose formulas reference each other in a loop, or parents in a loop."""
    for label, edges in (("formula", _formula_edges(catalog)), ("parent", _parent_edges(catalog))):
        for loop in find_cycles(edges):
            first = catalog.indicators[loop[0]]
            key = "parent" if label == "parent" else first.formula_key
            yield _issue(
                catalog,
                "error",
                "cycle",
                Text(
                    f"issue.cycle-{'parents' if label == 'parent' else 'formulas'}", path=" -> ".join([*loop, loop[0]])
                ),
                first.file,
                "indicators",
                first.id,
                key,
                affects=tuple(loop),
            )


def year_cycles(catalog: Catalog) -> Iterator[Issue]:
    """Formulas that need each other across years and come back to the same year: with
    ``a = coalesce(b[N+1], 1)`` and ``b = a[N-1] + 1``, a of 2025 needs b of 2026, which needs a
    of 2025. A loop that moves on in time (``kumulatif[N-1] + baru``) is a series, not a cycle;
    a loop within one year is reported by cycles(); a loop through an absolute year
    (``a[2025]``) is caught when evaluating."""
    edges = _offset_edges(catalog)
    for component in _components({node: [to for to, _ in targets] for node, targets in edges.items()}):
        inside = {node: [(to, by) for to, by in edges[node] if to in component] for node in component}
        offsets = {by for targets in inside.values() for _, by in targets}
        if min(offsets) >= 0 or max(offsets) <= 0:
            continue  # never back in time (or never forward): only a same-year loop, which cycles() has
        walk = _zero_walk(sorted(component), inside)
        if walk is None:
            continue
        first = catalog.indicators[walk[0][0]]
        path = " -> ".join([walk[0][0], *(f"{to}[{Period(offset=by)}]" for to, by in walk[1:])])
        yield _issue(
            catalog,
            "error",
            "cycle",
            Text("issue.cycle-years", path=path),
            first.file,
            "indicators",
            first.id,
            first.formula_key,
            affects=tuple(sorted({node for node, _ in walk})),
        )


MAX_YEAR_SEARCH = 50_000
"""States (indicator, years moved) the search for a cycle across years may visit in one group of
indicators, whatever it starts from; a larger tangle of references forward and back in time is
left to the evaluation, which catches any cycle."""


def _offset_edges(catalog: Catalog) -> dict[str, list[tuple[str, int]]]:
    """Indicator -> (indicator its formula names, years from N) for every relative reference."""
    edges: dict[str, list[tuple[str, int]]] = {}
    for ind in catalog.indicators.values():
        if ind.formula is None:
            continue
        names = ind.formula.names.items()
        found = {(n, p.offset) for n, periods in names if n in catalog.indicators for p in periods if p.year is None}
        edges[ind.id] = sorted(found)
    return edges


def _zero_walk(component: list[str], edges: dict[str, list[tuple[str, int]]]) -> list[tuple[str, int]] | None:
    """A closed walk from some indicator back to it in the same year that moves in time on the
    way, as [(start, 0), (next, offset), ...]; None if there is none (breadth first over
    (indicator, years moved, moved yet), bounded by the offsets that can add up)."""
    bound = sum(abs(by) for targets in edges.values() for _, by in targets)
    budget = MAX_YEAR_SEARCH
    for start in component:
        came: dict[tuple[str, int, bool], tuple[tuple[str, int, bool], int] | None] = {(start, 0, False): None}
        queue = [(start, 0, False)]
        for state in queue:
            budget -= 1
            if budget < 0:
                return None
            node, moved_by, moved = state
            for to, by in edges[node]:
                reached = (to, moved_by + by, moved or by != 0)
                if abs(reached[1]) > bound or reached in came:
                    continue
                came[reached] = (state, by)
                if reached == (start, 0, True):
                    return _walk_to(reached, came)
                queue.append(reached)
    return None


def _walk_to(
    end: tuple[str, int, bool], came: dict[tuple[str, int, bool], tuple[tuple[str, int, bool], int] | None]
) -> list[tuple[str, int]]:
    steps: list[tuple[str, int]] = []
    state: tuple[str, int, bool] | None = end
    while state is not None:
        link = came[state]
        steps.append((state[0], link[1] if link else 0))
        state = link[0] if link else None
    return steps[::-1]


def _components(edges: dict[str, list[str]]) -> list[set[str]]:
    """The strongly connected components with a loop in them (Tarjan's, written iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[set[str]] = []
    for root in edges:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges.get(node, ()):
                    found.append(component)
    return found


def _formula_edges(catalog: Catalog) -> dict[str, list[str]]:
    """Indicator -> the indicators its formula needs in the same year. A reference to another
    year (``kumulatif[N-1] + baru``) is a series, not a cycle; a same-year loop through an
    absolute year is caught when evaluating that year."""
    return {ind.id: catalog.same_year_needs(ind) for ind in catalog.indicators.values()}


def _parent_edges(catalog: Catalog) -> dict[str, list[str]]:
    return {
        ind.id: [ind.parent]
        for ind in catalog.indicators.values()
        if ind.parent is not None and ind.parent in catalog.indicators
    }


def find_cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Each elementary cycle once (iterative DFS; colours: 0 new, 1 on stack, 2 done)."""
    colour: dict[str, int] = {}
    found: list[list[str]] = []
    for root in edges:
        if colour.get(root):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(edges.get(root, ())))]
        colour[root] = 1
        path = [root]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = 2
                stack.pop()
                path.pop()
            elif colour.get(child, 0) == 0:
                colour[child] = 1
                stack.append((child, iter(edges.get(child, ()))))
                path.append(child)
            elif colour[child] == 1:
                found.append(path[path.index(child) :])
    return found
