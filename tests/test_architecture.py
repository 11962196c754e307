"""The shape of the code: what plugins may import, how complex a function may be.

* First-party plugins and the example plugin import from ``newslens`` only
  what ``newslens.__all__`` exports, as a third-party plugin must.
* The model imports nothing of the plugin host, the pipeline or the I/O layer.
* No function of the core or of a first-party plugin is above cyclomatic
  complexity 25 (radon's measure).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from radon.complexity import cc_visit
from radon.visitors import Function

import newslens

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "src" / "newslens"
PLUGIN_SOURCES = sorted(
    path
    for folder in ("plugins", "examples")
    for path in (ROOT / folder).glob("*/src/*/**/*.py")
)
MAX_COMPLEXITY = 25


def _imports(path: Path) -> list[tuple[str, tuple[str, ...], int]]:
    """``(module, names, line)`` of every import in *path* (names empty for ``import x``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, tuple(a.name for a in node.names), node.lineno))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, (), node.lineno) for alias in node.names)
    return found


def test_there_are_plugin_sources_to_check() -> None:
    assert len(PLUGIN_SOURCES) > 10


@pytest.mark.parametrize("path", PLUGIN_SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_plugins_import_only_what_newslens_exports(path: Path) -> None:
    for module, names, line in _imports(path):
        where = f"{path.relative_to(ROOT)}:{line}"
        if module == "newslens":
            private = [n for n in names if n not in newslens.__all__]
            assert not private, f"{where} imports {private} (not in newslens.__all__)"
        else:
            assert not module.startswith("newslens."), f"{where} imports {module}"


def test_the_model_imports_no_layer_above_it() -> None:
    above = ("newslens.io", "newslens.plugins", "newslens.pipeline", "newslens.cli",
             "newslens.enrichers", "newslens.annotators", "newslens.hookspecs")
    for name in ("model.py", "enrichments.py", "blocks.py", "options.py", "_frozen.py"):
        for module, _, line in _imports(CORE / name):
            assert not module.startswith(above), f"{name}:{line} imports {module}"


def too_complex(source: str, limit: int = MAX_COMPLEXITY) -> list[tuple[str, int]]:
    """``(name, complexity)`` of every function or method of *source* above *limit*."""
    return [
        (block.fullname, block.complexity)
        for block in cc_visit(source)
        if isinstance(block, Function) and block.complexity > limit
    ]


def test_no_function_is_above_the_complexity_limit() -> None:
    sources = [*sorted(CORE.rglob("*.py")), *PLUGIN_SOURCES]
    offenders = {
        f"{path.relative_to(ROOT)}:{name}": complexity
        for path in sources
        for name, complexity in too_complex(path.read_text("utf-8"))
    }
    assert offenders == {}


def test_the_complexity_check_finds_functions_and_methods() -> None:
    def chain(indent: str, branches: int) -> str:
        body = "".join(f"{indent}if x == {i}:\n{indent}    return {i}\n" for i in range(branches))
        return body + f"{indent}return -1\n"

    source = (
        "def flat(x):\n" + chain("    ", 30)
        + "class C:\n    def method(self, x):\n" + chain("        ", 25)
        + "def small(x):\n" + chain("    ", 24)
    )  # fmt: skip
    assert too_complex(source) == [("flat", 31), ("C.method", 26)]
