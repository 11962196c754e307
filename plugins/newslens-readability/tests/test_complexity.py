"""No function of the plugin is too branchy to read: radon's cyclomatic complexity at most 25."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newslens_readability
from radon.complexity import cc_visit  # the dev extra installs radon

LIMIT = 25
PACKAGE = Path(newslens_readability.__file__).parent


def _functions(blocks: list[Any]) -> Iterator[Any]:
    """Yield every function of radon's *blocks*: methods, nested functions, inner classes'."""
    for block in blocks:
        if hasattr(block, "methods"):  # a class
            yield from _functions([*block.methods, *block.inner_classes])
        else:
            yield block
            yield from _functions(block.closures)


def _too_complex(source: str) -> list[str]:
    """Return ``name (complexity)`` of every function or method of *source* above :data:`LIMIT`."""
    found = {
        (f.lineno, f"{f.fullname} ({f.complexity})")
        for f in _functions(cc_visit(source))
        if f.complexity > LIMIT
    }
    return [name for _, name in sorted(found)]


def test_the_check_sees_a_branchy_function() -> None:
    branches = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(LIMIT))
    assert _too_complex(f"def f(x):\n{branches}    return -1\n") == [f"f ({LIMIT + 1})"]
    method = "class A:\n    def m(self, x):\n" + branches.replace("    ", "        ")
    assert _too_complex(method + "        return -1\n") == [f"A.m ({LIMIT + 1})"]
    nested = "def g():\n    def f(x):\n" + branches.replace("    ", "        ")
    assert _too_complex(nested + "        return -1\n    return f\n") == [f"f ({LIMIT + 1})"]


def test_no_function_of_the_plugin_is_above_the_limit() -> None:
    found = {
        path.name: _too_complex(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.glob("*.py"))
    }
    assert {name: blocks for name, blocks in found.items() if blocks} == {}
