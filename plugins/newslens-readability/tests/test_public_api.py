"""The plugin uses newslens as a third-party plugin would: only what ``newslens`` exports."""

from __future__ import annotations

import ast
from pathlib import Path

import newslens_readability
from newslens_readability import score_text
from newslens_readability.report import analyse

import newslens

PACKAGE = Path(newslens_readability.__file__).parent

NOT_YET_EXPORTED = {"newslens.wordcache"}
"""Core modules the plugin still imports because ``newslens`` does not export them yet.

``WordCache`` (:mod:`newslens.wordcache`) is needed by ``counts``; remove it
from here once the core exports it.
"""


def _newslens_imports(source: str) -> set[str]:
    """Return every module under ``newslens`` that *source* imports from or imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(n for n in names if n == "newslens" or n.startswith("newslens."))
    return found


def test_the_import_scanner_sees_submodules() -> None:
    source = "import newslens.model\nfrom newslens.plugins import x\nfrom newslens import y\n"
    assert _newslens_imports(source) == {"newslens", "newslens.model", "newslens.plugins"}


def test_the_plugin_imports_only_the_public_newslens_package() -> None:
    modules = {
        path.name: _newslens_imports(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.glob("*.py"))
    }
    private = {
        name: sorted(found - {"newslens"} - NOT_YET_EXPORTED)
        for name, found in modules.items()
        if found - {"newslens"} - NOT_YET_EXPORTED
    }
    assert private == {}


def test_score_text_reads_like_the_lite_annotator() -> None:
    from newslens.annotators.lite import LiteAnnotator

    text = "WASHINGTON (AP) — The U.S. council met. “It is fine,” Mr. Lee said on Tuesday."
    doc = LiteAnnotator().annotate(
        newslens.Document.create(text, headline="Council meets", byline="By Ana Ruiz")
    )
    expected = analyse(doc, newslens_readability.all_formulas()).to_dict()
    assert score_text(text, headline="Council meets", byline="By Ana Ruiz").to_dict() == expected
