"""The documentation covers the API: hooks, public names, the JSON format, the examples.

In the spirit of datasette's and pytest's own tests: a hook or a public name
added without documentation fails here, before anyone builds the docs.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import json
import os
import pkgutil
import re
import runpy
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newslens
import newslens.io
from newslens import hookspecs
from newslens.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
PAGES = sorted(DOCS.glob("*.rst"))

HOOKS = sorted(
    name
    for name, value in vars(hookspecs).items()
    if name.startswith("newslens_") and inspect.isfunction(value)
)
FIRST_RESULT = re.compile(r"first (non-none )?result wins", re.IGNORECASE)


def _source() -> str:
    return "\n".join(page.read_text(encoding="utf-8") for page in PAGES)


def test_docs_pages_exist() -> None:
    names = {page.stem for page in PAGES}
    wanted = {"index", "quickstart", "cli", "model", "annotators", "plugins", "hooks", "json"}
    assert wanted | {"api", "design"} <= names


# -- hooks --------------------------------------------------------------------------------------


def test_there_are_hooks() -> None:
    assert "newslens_register_enrichers" in HOOKS and len(HOOKS) >= 5


@pytest.mark.parametrize("name", HOOKS)
def test_hook_has_a_docstring_that_says_whether_the_first_result_wins(name: str) -> None:
    function = getattr(hookspecs, name)
    doc = " ".join((inspect.getdoc(function) or "").split())
    assert len(doc.split()) >= 10, f"{name} needs a docstring saying when it is called"
    options = getattr(function, "newslens_spec", None)
    assert options is not None, f"{name} is not marked with @hookspec"
    if options.get("firstresult"):
        assert FIRST_RESULT.search(doc), f"{name} is firstresult: say 'the first result wins'"
    else:
        assert not FIRST_RESULT.search(doc), f"{name} is not firstresult, but says it is"
    for parameter in inspect.signature(function).parameters:
        assert f"{parameter}:" in doc, f"{name} does not describe its parameter {parameter!r}"


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_in_the_hook_reference(name: str) -> None:
    page = (DOCS / "hooks.rst").read_text(encoding="utf-8")
    pattern = rf"^\.\. autofunction:: (newslens\.hookspecs\.)?{name}$"
    assert re.search(pattern, page, re.MULTILINE), f"docs/hooks.rst does not document {name}"


def test_hook_reference_lists_no_stale_hooks() -> None:
    page = (DOCS / "hooks.rst").read_text(encoding="utf-8")
    listed = re.findall(r"^\.\. autofunction:: (?:newslens\.hookspecs\.)?(\w+)$", page, re.M)
    assert sorted(listed) == HOOKS


PLUGIN_HOOKSPECS = {
    "newslens_quotes.hookspecs": "quotes",
    "newslens_readability.hookspecs": "readability",
    "newslens_contradictions.hookspecs": "contradictions",
}


@pytest.mark.parametrize(("module_name", "page"), sorted(PLUGIN_HOOKSPECS.items()))
def test_plugin_hooks_are_listed_and_documented(module_name: str, page: str) -> None:
    module = pytest.importorskip(module_name)
    hooks = [
        name
        for name, value in vars(module).items()
        if name.startswith("newslens_") and inspect.isfunction(value)
    ]
    assert hooks, f"{module_name} specifies no hook"
    reference = (DOCS / "hooks.rst").read_text(encoding="utf-8")
    plugin_page = (DOCS / "plugins" / f"{page}.rst").read_text(encoding="utf-8")
    directive = rf"^\.\. automodule:: {re.escape(module_name)}\n   :members:$"
    assert re.search(directive, plugin_page, re.M), f"docs/plugins/{page}.rst lacks {directive}"
    for name in hooks:
        assert f":func:`~{module_name}.{name}`" in reference, f"docs/hooks.rst does not list {name}"
        assert f"``{name}``" in plugin_page, f"docs/plugins/{page}.rst does not explain {name}"


# -- public names -------------------------------------------------------------------------------


def _documented_targets() -> set[str]:
    """Return the full names that the pages' autodoc and py: directives document."""
    targets: set[str] = set()
    directive = re.compile(r"^\s*\.\. (auto\w+|py:\w+|currentmodule|module):: (\S+)\s*$")
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").splitlines()
        current = ""
        for index, line in enumerate(lines):
            match = directive.match(line)
            if not match:
                continue
            kind, target = match.groups()
            options = []
            for following in lines[index + 1 :]:
                if not re.match(r"^\s+:[\w-]+:", following):
                    break
                options.append(following.strip())
            if kind in ("currentmodule", "module"):
                current = target
                continue
            module = next((o.split()[1] for o in options if o.startswith(":module:")), current)
            if kind == "automodule":
                current = target
                targets.add(target)
                if ":members:" in options:
                    targets.update(f"{target}.{name}" for name in _public_names(target))
                continue
            if "." not in target and module:
                target = f"{module}.{target}"
            targets.add(target)
    return targets


def _public_names(module_name: str) -> list[str]:
    module = importlib.import_module(module_name)
    names = getattr(module, "__all__", None)
    if names is not None:
        return list(names)
    return [
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == module_name
    ]


@pytest.mark.parametrize("name", newslens.__all__)
def test_public_name_is_documented(name: str) -> None:
    assert re.search(rf"\b{re.escape(name)}\b", _source()), f"{name} is not in docs/*.rst"
    value = getattr(newslens, name)
    candidates = {f"newslens.{name}"}
    if isinstance(value, ModuleType):
        candidates.add(value.__name__)
    elif getattr(value, "__module__", None):
        candidates.add(f"{value.__module__}.{name}")
    assert candidates & _documented_targets(), f"no autodoc or py: directive documents {name}"


def test_json_page_describes_every_core_field() -> None:
    page = (DOCS / "json.rst").read_text(encoding="utf-8")
    for field in load_schema()["properties"]:
        assert f"``{field}``" in page, f"docs/json.rst does not describe the field {field!r}"


def test_cli_page_documents_exit_statuses_and_environment() -> None:
    page = (DOCS / "cli.rst").read_text(encoding="utf-8")
    for status in ("0", "1", "2", "3", "4", "5"):
        assert f"``{status}``" in page
    for variable in (
        "NEWSLENS_BLOCK_PLUGINS",
        "NEWSLENS_DISABLE_PLUGIN_AUTOLOAD",
        "NEWSLENS_TRACE",
    ):
        assert variable in page


def test_literalincludes_point_at_files() -> None:
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for path in re.findall(r"^\s*\.\. literalinclude:: (\S+)", text, re.MULTILINE):
            assert (page.parent / path).is_file(), f"{page.name} includes missing {path}"


# -- docstring examples -------------------------------------------------------------------------


def _modules() -> list[str]:
    found = [info.name for info in pkgutil.walk_packages(newslens.__path__, prefix="newslens.")]
    return ["newslens", *sorted(found)]


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, name):
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} docstring example(s) in {name} fail"


# -- Sphinx configuration ------------------------------------------------------------------------


def _conf(monkeypatch: pytest.MonkeyPatch, value: str | None) -> dict[str, Any]:
    if value is None:
        monkeypatch.delenv("NEWSLENS_INTERSPHINX", raising=False)
    else:
        monkeypatch.setenv("NEWSLENS_INTERSPHINX", value)
    return runpy.run_path(str(DOCS / "conf.py"))


def test_intersphinx_is_off_unless_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    offline = _conf(monkeypatch, None)
    assert "sphinx.ext.intersphinx" not in offline["extensions"]
    assert offline["html_theme"] == "furo"
    assert {"sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.doctest"} <= set(
        offline["extensions"]
    )
    online = _conf(monkeypatch, "1")
    assert "sphinx.ext.intersphinx" in online["extensions"]
    assert "python" in online["intersphinx_mapping"]


PROTECT = runpy.run_path(str(DOCS / "conf.py"))["_protect_inline_colon"]


@pytest.mark.parametrize(
    ("first", "protected"),
    [
        ("Largest article processed by default: 1 MB of text.", True),
        ("What an enricher wraps: a function from a document.", True),
        ("int: The number of tokens.", False),
        ("dict[str, int]: Counts by name.", False),
        ("str | None: The headline.", False),
        ("A sentence without a colon.", False),
        ("Uses ``a: b`` in code only.", False),
        ("A scorer: ``(premise, hypothesis) -> probabilities``", True),
    ],
)
def test_constant_docstrings_keep_their_colons(first: str, protected: bool) -> None:
    lines = [first, "", "More."]
    PROTECT(None, "data", "x", None, None, lines)
    assert (lines[:2] == ["..", ""]) is protected
    assert lines[-3:] == [first, "", "More."]


@given(st.lists(st.text(max_size=40), max_size=5), st.sampled_from(["data", "function", "class"]))
def test_protecting_colons_only_ever_prepends_a_comment(lines: list[str], what: str) -> None:
    before = list(lines)
    PROTECT(None, what, "x", None, None, lines)
    assert lines in (before, ["..", "", *before])
    if what != "data":
        assert lines == before


# -- examples ------------------------------------------------------------------------------


def test_example_articles_follow_the_txt_rules() -> None:
    articles = sorted((EXAMPLES / "articles").glob("*.txt"))
    assert EXAMPLES / "articles" / "harbour-bridge.txt" in articles and len(articles) >= 2
    for path in articles:
        docs = list(newslens.io.load(str(path)))
        assert len(docs) == 1 and isinstance(docs[0], newslens.Document), docs
        doc = docs[0]
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[1].startswith("By ")
        assert doc.headline == lines[0] and doc.byline == lines[1].removeprefix("By ")
        assert len(doc.body.splitlines()) >= 3
        assert doc.id == path.stem


def test_example_batch_is_json_lines_of_articles() -> None:
    path = EXAMPLES / "articles" / "batch.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 2
    for record in records:
        assert {"id", "headline", "published", "text"} <= set(record)
    docs = list(newslens.io.load(str(path)))
    assert [doc.id for doc in docs if isinstance(doc, newslens.Document)] == [
        record["id"] for record in records
    ]


def test_example_script_runs() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "analyze_articles.py")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    path = EXAMPLES / "articles" / "batch.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["id"] in result.stdout
    assert "sentences" in result.stdout and "first sentence:" in result.stdout


def test_make_demo_article_analyses(capsys: pytest.CaptureFixture[str]) -> None:
    from newslens.cli import main

    path = EXAMPLES / "articles" / "harbour-bridge.txt"
    assert main(["analyze", str(path), "--format", "json", "--backend", "lite",
                 "--detail", "full"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "harbour-bridge"
    assert [part["name"] for part in data["parts"]] == ["headline", "byline", "body", "dateline"]
    assert len(data["paragraphs"]) >= 6 and data["entities"]
