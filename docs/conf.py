"""Sphinx configuration of the newslens documentation.

Build with ``sphinx-build -W -n -b html docs docs/_build/html`` (and ``-b doctest``
to run the examples). The build needs no network: intersphinx is off unless the
environment variable ``NEWSLENS_INTERSPHINX=1`` is set (for a published build),
and references to other projects' types that cannot resolve offline are listed
in ``nitpick_ignore_regex``.
"""

from __future__ import annotations

import builtins
import os
import re
import sys
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

project = "newslens"
author = "The newslens developers"
copyright = "2024, The newslens developers"
try:
    release = dist_version("newslens")
except PackageNotFoundError:
    release = "0+unknown"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]

INTERSPHINX = os.environ.get("NEWSLENS_INTERSPHINX") == "1"
if INTERSPHINX:
    extensions.append("sphinx.ext.intersphinx")
    intersphinx_mapping = {
        "python": ("https://docs.python.org/3", None),
        "attrs": ("https://www.attrs.org/en/stable/", None),
        "pluggy": ("https://pluggy.readthedocs.io/en/stable/", None),
        "rich": ("https://rich.readthedocs.io/en/stable/", None),
        "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", None),
        "pytest": ("https://docs.pytest.org/en/stable/", None),
        "jsonschema": ("https://python-jsonschema.readthedocs.io/en/stable/", None),
        "dask": ("https://docs.dask.org/en/stable/", None),
        "distributed": ("https://distributed.dask.org/en/stable/", None),
    }

exclude_patterns = ["_build"]
nitpicky = True

# Types of the standard library and of other projects: without intersphinx
# (the default, offline build) their references cannot resolve.
_EXTERNAL = (
    r"(abc|argparse|builtins|collections|collections\.abc|copy|datetime|dt|enum|graphlib|multiprocessing|"
    r"functools|importlib|io|json|os|pathlib|re|types|typing|typing_extensions|"
    r"attr|attrs|pluggy|rich|hypothesis|st|"
    r"jsonschema|pytest|_pytest|stanza|torch|trafilatura|simplemma|dask|distributed|db|dd)(\..+)?"
)
nitpick_ignore_regex = [
    (r"py:.*", _EXTERNAL),
    # Type variables and bare names of the standard library in annotations.
    (r"py:.*", r"(.+\.)?(T|D|P|R|V)"),
    (
        r"py:.*",
        r"(Any|Callable|Iterable|Iterator|Mapping|Sequence|MappingProxyType|TextIO|IO|"
        r"Path|date|datetime|Final|ClassVar|NoReturn|TracebackType|Self|DrawFn|"
        r"SearchStrategy|PluginManager|Console|Namespace|ArgumentParser|Attribute)",
    ),
    # Private names (``_load_pipeline``) are not documented on purpose.
    (r"py:.*", r"(.+\.)?_[A-Za-z]\w*"),
]
# Built-in functions (``isinstance``); Sphinx already ignores built-in classes.
nitpick_ignore = [("py:func", name) for name in dir(builtins) if not name.startswith("_")]
if INTERSPHINX:
    nitpick_ignore_regex = nitpick_ignore_regex[1:]

# -- autodoc and napoleon -------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autoclass_content = "class"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = False

# -- doctest --------------------------------------------------------------------------------
doctest_global_setup = """
import newslens
"""
# Examples in docstrings run under pytest (tests/test_docs.py), in their module's
# namespace as doctest intends; here, the pages' own ``.. doctest::`` blocks run.
doctest_test_doctest_blocks = ""

# -- HTML -----------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"newslens {release}"
html_static_path: list[str] = []


# -- two small fixes to how docstrings are read ---------------------------------------------

# napoleon reads the first line of a constant's docstring as "type: description"
# when it has a colon, so "Largest article processed by default: 1 MB." would
# make "Largest article processed by default" a type. Only a first line whose
# part before the colon looks like a type (no spaces outside brackets, or a
# union) is left to napoleon; otherwise an empty comment goes first.
_TYPE_LIKE = re.compile(r"^\s*[\w.]+(\[[^\]]*\])?(\s*\|\s*[\w.]+(\[[^\]]*\])?)*\s*$")


def _protect_inline_colon(
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    if what not in {"data", "attribute", "property"} or not lines:
        return
    first = next((line for line in lines if line.strip()), "")
    head, colon, _ = re.sub(r"``.*?``|`.*?`", "", first).partition(": ")
    # what follows the colon may be only code ("A scorer: ``(a, b) -> c``")
    rest = re.sub(r"``.*?``|`.*?`", "x", first).partition(": ")[2]
    if colon and rest and not _TYPE_LIKE.match(head):
        lines[:0] = ["..", ""]


# Docstrings across the project write :attr:`Document.text` from any module; a
# reference that does not resolve where it is written is looked up once more
# by its ending (as Sphinx does for ".name" references), and resolved when
# exactly one documented object matches.
def _resolve_by_suffix(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") != "py" or node.get("refspecific"):
        return None
    target = node.get("reftarget", "").lstrip("~.")
    if not target:
        return None
    domain = env.domains["py"]
    found = domain.find_obj(env, None, None, target, node.get("reftype"), 1)
    # An object documented under its public name is also registered under its
    # canonical one (newslens.Key and newslens.enrichments.Key): one target.
    targets = {(entry.docname, entry.node_id): (name, entry) for name, entry in found}
    if len(targets) != 1:
        return None
    from sphinx.util.nodes import make_refnode

    name, entry = next(iter(targets.values()))
    return make_refnode(app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, name)


def setup(app: Any) -> dict[str, Any]:
    """Connect the docstring fixes above (before napoleon reads the docstrings)."""
    app.connect("autodoc-process-docstring", _protect_inline_colon, priority=400)
    app.connect("missing-reference", _resolve_by_suffix, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
