"""Optional dependencies, imported only by the faces that need them.

``require("openpyxl", "excel")`` returns the module, or raises MissingDependencyError
telling the user which extra to install, instead of a ModuleNotFoundError traceback.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from lkip_rules.errors import MissingDependencyError

WHAT = {
    "excel": "Excel workbooks need",
    "charts": "Charts need",
    "bulk": "Bulk evaluation needs",
    "word": "Word documents need",
    "spark": "Spark needs",
}
DISTRIBUTIONS = {"docx": "python-docx"}  # what pip calls a module whose name differs


def require(module: str, extra: str) -> ModuleType:
    """The module ``module``, or an error naming the extra ``extra`` that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        top = DISTRIBUTIONS.get(top, top)
        raise MissingDependencyError(
            f"{WHAT.get(extra, extra + ' needs')} the package '{top}', which is not installed; "
            f"install it with: pip install 'lkip-rules[{extra}]'"
        ) from None
