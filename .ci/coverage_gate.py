"""Fail CI when the branch coverage of the core falls below its bar (issue 8: 95%).

Reads coverage.json (``python -m coverage json``) and prints the coverage of each part of the
core, statements and branches together, as coverage.py counts them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BAR = 95.0
PARTS = {
    "formula/": "lkip_rules/formula/",
    "catalog/": "lkip_rules/catalog/",
    "scoring.py": "lkip_rules/scoring.py",
    "evaluation/": "lkip_rules/evaluation/",
    "validation/": "lkip_rules/validation/",
    "audit/": "lkip_rules/audit/",
}


def main() -> int:
    files = json.loads(Path("coverage.json").read_text("utf-8"))["files"]
    failed = False
    for name, prefix in PARTS.items():
        summaries = [data["summary"] for path, data in files.items() if path.startswith(prefix)]
        covered = sum(s["covered_lines"] + s.get("covered_branches", 0) for s in summaries)
        total = sum(s["num_statements"] + s.get("num_branches", 0) for s in summaries)
        percent = 100.0 * covered / total if total else 100.0
        failed |= percent < BAR
        print(f"{name:15} {percent:6.2f}%{'  below ' + str(BAR) + '%' if percent < BAR else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
