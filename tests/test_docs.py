"""The examples in the docs run and print what the docs say."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _examples() -> list[object]:
    found = []
    for path in sorted(DOCS.glob("*.md")):
        for number, block in enumerate(BLOCK.findall(path.read_text("utf-8"))):
            if ">>>" in block:
                found.append(pytest.param(block, id=f"{path.name}-{number}"))
    return found


@pytest.mark.parametrize("block", _examples())
def test_doc_example(block: str) -> None:
    test = doctest.DocTestParser().get_doctest(block, {}, "doc", None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0
    assert runner.tries > 0
