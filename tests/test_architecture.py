"""The house: no import circle among the package's modules, and the layers import one way.

Imports are read from the source (module level and inside functions alike; ``TYPE_CHECKING``
blocks are for the type checker only and left out). Importing ``a.b.c`` also runs the packages
``a`` and ``a.b``, so those count as imported too — except a package's own modules, which Python
imports while the package is being set up.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lkip_rules"

# Lower layers never import higher ones. The model is what a catalog and its figures are; the
# engines compute with it; the API ties them; the faces show the results.
LAYERS = [
    ["errors", "numbers", "_suggest", "_optional", "_gc", "locale", "formula", "scales", "scoring"],
    ["catalog", "issues", "budget", "results"],
    ["validation", "evaluation", "bulk", "audit", "explain"],
    ["api"],
    ["reports", "forms", "datafiles", "cli", "__main__"],
]


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str:
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name if name in MODULES else ""


def _imported(module: str, path: Path) -> set[str]:
    """The package's modules ``module`` imports at run time."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import):
                names.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - child.level + 1] + ([base] if base else []))
                names.update(
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in child.names
                )
            visit(child)

    visit(ast.parse(path.read_text("utf-8")))
    targets = {_resolve(name) for name in names if name.startswith("lkip_rules")} - {"", module}
    for target in list(targets):  # importing a.b.c runs a and a.b first
        while "." in target:
            target = target.rsplit(".", 1)[0]
            if target in MODULES and not module.startswith(target + "."):
                targets.add(target)
    return targets - {module}


GRAPH = {module: _imported(module, path) for module, path in MODULES.items()}


def _cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in GRAPH:
        if root in index:
            continue
        work = [(root, iter(sorted(GRAPH[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            step = next(targets, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(GRAPH[step]))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_the_graph_sees_the_imports() -> None:
    """A check of the checker: it finds imports at module level, in functions and of packages."""
    assert "lkip_rules.evaluation" in GRAPH["lkip_rules.api"]
    assert "lkip_rules.bulk" in GRAPH["lkip_rules.api"]  # inside Catalog.evaluate_frame
    assert "lkip_rules.catalog" in GRAPH["lkip_rules.budget"]  # via lkip_rules.catalog.model


def test_no_import_circle() -> None:
    assert _cycles() == []


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else ""
    return next((n for n, names in enumerate(LAYERS) if top in names), -1)


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if m != "lkip_rules"))
def test_layers_import_downward(module: str) -> None:
    assert _layer(module) >= 0, f"{module} is in no layer: add it to LAYERS"
    upward = sorted(t for t in GRAPH[module] if t != "lkip_rules" and _layer(t) > _layer(module))
    assert upward == [], f"{module} imports a higher layer"


def test_importing_the_package_loads_no_heavy_module() -> None:
    """`import lkip_rules` loads its names on first use: no parser, engine or writer before."""
    import subprocess
    import sys

    code = (
        "import sys, lkip_rules; print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pyparsing', 'polars', 'duckdb', 'openpyxl', 'matplotlib', 'docx', 'pyspark', 'sqlglot', 'attrs', "
        "'lkip_rules')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['lkip_rules']"
    code = "import lkip_rules; print(lkip_rules.Catalog.__module__, lkip_rules.LkipError.__module__)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["lkip_rules.api", "lkip_rules.errors"]


def test_a_valid_catalog_loads_without_pyparsing() -> None:
    """pyparsing reads only formulas that are wrong (to explain them); the bundled catalog has none."""
    import subprocess
    import sys

    code = (
        "import sys, lkip_rules; lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG).evaluate(2025); "
        "print('pyparsing' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
