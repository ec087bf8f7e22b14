"""The examples in the docs run and print what the docs say.

The ``>>>`` examples of each page run in order, in one namespace, like a reader would.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
PAGES = [path for path in [DOCS.parent / "README.md", *sorted(DOCS.glob("*.md"))] if ">>>" in path.read_text("utf-8")]


@pytest.mark.parametrize("page", PAGES, ids=[path.name for path in PAGES])
def test_doc_examples(page: Path) -> None:
    text = "\n".join(BLOCK.findall(page.read_text("utf-8")))
    test = doctest.DocTestParser().get_doctest(text, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert test.examples, "a page with >>> must have examples"
    assert runner.failures == 0
