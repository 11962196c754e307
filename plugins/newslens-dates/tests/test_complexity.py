"""No function of newslens-dates is too complex to follow: radon's cyclomatic complexity."""

from __future__ import annotations

from pathlib import Path

import newslens_dates
from radon.complexity import cc_visit
from radon.visitors import Function

MAX_COMPLEXITY = 25
"""The highest cyclomatic complexity a function (or method) of the plugin may have."""


def too_complex(source: str, limit: int = MAX_COMPLEXITY) -> list[tuple[str, int]]:
    """Return ``(name, complexity)`` of every function or method of *source* above *limit*."""
    return [
        (block.fullname, block.complexity)
        for block in cc_visit(source)
        if isinstance(block, Function) and block.complexity > limit
    ]


def test_no_function_of_the_plugin_is_above_the_limit() -> None:
    package = Path(newslens_dates.__file__).parent
    modules = sorted(package.rglob("*.py"))
    assert modules
    offenders = {
        f"{path.relative_to(package)}:{name}": complexity
        for path in modules
        for name, complexity in too_complex(path.read_text("utf-8"))
    }
    assert offenders == {}


def _chain(indent: str, branches: int) -> str:
    body = "".join(f"{indent}if x == {i}:\n{indent}    return {i}\n" for i in range(branches))
    return body + f"{indent}return -1\n"


def test_the_check_finds_complex_functions_and_methods() -> None:
    source = (
        "def flat(x):\n" + _chain("    ", 30)
        + "class C:\n    def method(self, x):\n" + _chain("        ", 25)
        + "def small(x):\n" + _chain("    ", 24)
    )  # fmt: skip
    assert too_complex(source) == [("flat", 31), ("C.method", 26)]
