# ruff: noqa: RUF005  (concatenating layers with tuples is what some tests check)
"""The plugin host: faults stay with their plugin, options, report blocks, shared documents.

Broken plugins are installed the way a user installs one: a distribution's
``.dist-info`` folder with an ``entry_points.txt`` on the path, found through
the ``newslens`` entry-point group.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newslens
import newslens.schema
from newslens import (
    Block,
    Document,
    Key,
    Mark,
    Option,
    OptionError,
    Pipeline,
    PipelineError,
    PluginError,
    enricher,
    hookimpl,
    layers,
)
from newslens.cli import EXIT_PLUGIN, EXIT_STRICT, EXIT_USAGE, main
from newslens.io.writers import open_writer
from newslens.model import Deferred, TokenTable
from newslens.plugins import list_plugins, new_plugin_manager

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = str(ROOT / "examples" / "articles" / "harbour-bridge.txt")

# -- installing plugins through a test entry point ----------------------------------------


def install_distribution(
    site: Path, name: str, entry_points: dict[str, str], modules: dict[str, str]
) -> Path:
    """Write a distribution (metadata, entry points, modules) into the folder *site*."""
    info = site / f"{name.replace('-', '_')}-0.1.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8"
    )
    lines = "".join(f"{key} = {value}\n" for key, value in entry_points.items())
    (info / "entry_points.txt").write_text("[newslens]\n" + lines, encoding="utf-8")
    for module, source in modules.items():
        (site / f"{module}.py").write_text(source, encoding="utf-8")
    return site


BROKEN = {
    "importfails": "newslens_test_importfails",
    "ghost": "newslens_test_fine:no_such_thing",
    "misspelt": "newslens_test_misspelt",
    "badargs": "newslens_test_badargs",
    "fine": "newslens_test_fine",
}

MODULES = {
    "newslens_test_importfails": "raise ImportError('this plugin needs libquux')\n",
    "newslens_test_fine": (
        "from newslens import Key, enricher, layers\n"
        "FINE = Key('fine.count', int, doc='Tokens.')\n"
        "@enricher(name='fine.count', requires=[layers.TOKENS], provides=[FINE])\n"
        "def count(doc):\n"
        "    return {FINE: len(doc.tokens)}\n"
        "def newslens_register_enrichers(register):\n"
        "    register(count)\n"
        "def newslens_json_section(doc):\n"
        "    return {'fine': doc.get(FINE)}\n"
    ),
    "newslens_test_misspelt": (
        "def newslens_json_sectoin(doc):\n    return {'never': 1}\n"
    ),
    "newslens_test_badargs": (
        "def newslens_json_section(document):\n    return {'never': 1}\n"
    ),
}


@pytest.fixture
def broken_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Install the broken and the fine test plugins on ``sys.path`` (and ``PYTHONPATH``)."""
    site = install_distribution(tmp_path / "site", "newslens-testplugins", BROKEN, MODULES)
    monkeypatch.syspath_prepend(str(site))
    return site


def test_each_broken_plugin_is_recorded_and_the_others_load(broken_site: Path) -> None:
    pm = new_plugin_manager()
    failures = {failure.plugin: failure for failure in pm.failures}
    assert set(failures) == {"importfails", "ghost", "misspelt", "badargs"}
    assert failures["importfails"].stage == "load"
    assert "ImportError: this plugin needs libquux" in failures["importfails"].message
    assert failures["ghost"].stage == "load" and "no_such_thing" in failures["ghost"].message
    assert failures["misspelt"].stage == "hooks"
    assert "'newslens_json_sectoin'" in failures["misspelt"].message
    assert "did you mean 'newslens_json_section'" in failures["misspelt"].message
    assert failures["badargs"].stage == "register" and "document" in failures["badargs"].message
    assert failures["importfails"].distribution == "newslens-testplugins"
    assert pm.has_plugin("fine") and not pm.has_plugin("misspelt")
    assert pm.get_plugin("readability") is not None  # the real plugins still load


def test_documents_carry_one_diagnostic_per_failed_plugin(broken_site: Path) -> None:
    pipeline = Pipeline("lite", plugins=new_plugin_manager())
    doc = pipeline("Ms. Chen said it rained.")
    errors = [d for d in doc.diagnostics if d.level == "error"]
    assert sorted(d.plugin for d in errors) == ["badargs", "ghost", "importfails", "misspelt"]
    data = doc.to_dict()
    assert data["fine"] == len(doc.tokens) and "readability" in data and "never" not in data


def test_an_option_of_a_plugin_that_failed_to_load_says_so(broken_site: Path) -> None:
    with pytest.raises(OptionError, match="plugin 'importfails' failed to load"):
        Pipeline("lite", plugins=new_plugin_manager(), options={"importfails.x": 1})


def test_strict_turns_a_broken_plugin_into_an_error(broken_site: Path) -> None:
    with pytest.raises(PluginError, match="plugin 'badargs': cannot be registered"):
        new_plugin_manager(strict=True)  # entry points load in name order
    with pytest.raises(PluginError, match="libquux"):
        Pipeline("lite", plugins=new_plugin_manager(), strict=True)


def test_list_plugins_shows_failed_plugins(broken_site: Path) -> None:
    infos = {info.name: info for info in list_plugins(new_plugin_manager())}
    assert not infos["importfails"].ok and infos["importfails"].version == "0.1"
    assert infos["fine"].ok and infos["fine"].enrichers[0].name == "fine.count"


def _run_cli(*args: str, site: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    return subprocess.run(
        [sys.executable, "-m", "newslens", *args],
        env=env, capture_output=True, text=True, cwd=cwd, timeout=120,
    )


def test_cli_lists_broken_plugins_and_still_analyses(broken_site: Path, tmp_path: Path) -> None:
    listed = _run_cli("plugins", "--format", "json", site=broken_site)
    assert listed.returncode == 0, listed.stderr
    status = {p["name"]: p["status"] for p in json.loads(listed.stdout)}
    assert status["importfails"] == "failed" and status["readability"] == "ok"
    text = _run_cli("plugins", site=broken_site)
    assert text.returncode == 0 and "libquux" in text.stdout and "Traceback" not in text.stderr

    out = tmp_path / "out.json"
    done = _run_cli("analyze", ARTICLE, "-b", "lite", "-o", str(out), site=broken_site)
    assert done.returncode == EXIT_PLUGIN, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "readability" in data and "timexes" in data and "fine" in data
    strict = _run_cli("analyze", ARTICLE, "-b", "lite", "--strict", site=broken_site)
    assert strict.returncode == EXIT_STRICT and "libquux" in strict.stderr
    assert "Traceback" not in strict.stderr


# -- requirements ---------------------------------------------------------------------------

TAGS = Key("host.tags", tuple, doc="POS tags.")
COUNTED = Key("host.counted", int, doc="Tags counted.")
WORDS = Key("host.words", int, doc="Tokens counted.")


@enricher(name="host.tags", requires=[layers.POS], provides=[TAGS])
def tags(doc: Document) -> dict[Key[Any], Any]:
    return {TAGS: tuple(doc.tokens.column("upos"))}


@enricher(name="host.counted", requires=[TAGS], provides=[COUNTED])
def counted(doc: Document) -> dict[Key[Any], Any]:
    return {COUNTED: len(doc[TAGS])}


@enricher(name="host.words", requires=[layers.TOKENS], provides=[WORDS])
def words(doc: Document) -> dict[Key[Any], Any]:
    return {WORDS: len(doc.tokens)}


class Registers:
    def __init__(self, *items: Any) -> None:
        self.items = items

    def newslens_register_enrichers(self, register: Callable[[Any], None]) -> None:
        for item in self.items:
            register(item)


def test_a_missing_layer_disables_that_enricher_and_its_dependants_only() -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[Registers(tags, counted, words)])
    pipeline = Pipeline("lite", plugins=pm)
    assert [e.name for e in pipeline.enrichers] == ["host.words"]
    reasons = dict((item.name, reason) for item, reason in pipeline.disabled)
    assert "layer 'pos'" in reasons["host.tags"] and "--backend stanza" in reasons["host.tags"]
    assert "'host.tags'" in reasons["host.counted"]
    doc = pipeline("It rained.")
    assert doc[WORDS] == 3
    messages = [d.message for d in doc.diagnostics if d.level == "error"]
    assert len(messages) == 2 and any("layer 'pos'" in m for m in messages)
    with pytest.raises(newslens.MissingEnrichmentError, match="failed or was skipped"):
        doc[COUNTED]
    with pytest.raises(PipelineError, match="layer 'pos'"):
        Pipeline("lite", plugins=pm, strict=True)


# -- output and report hooks ------------------------------------------------------------


class Output:
    """A plugin with a working section and block, used beside raising ones."""

    @hookimpl
    def newslens_json_section(self, doc: Document) -> dict[str, Any]:
        return {"good": len(doc.text)}

    @hookimpl
    def newslens_report_blocks(self, doc: Document) -> list[Block]:
        return [Block("Good", rows=[("length", str(len(doc.text)))],
                      marks=[Mark(0, 2, "first two")])]


class Raising:
    @hookimpl
    def newslens_json_section(self, doc: Document) -> dict[str, Any]:
        raise ValueError("section broke")

    @hookimpl
    def newslens_report_blocks(self, doc: Document) -> list[Block]:
        raise KeyError("block broke")


def test_a_raising_output_hook_loses_only_its_own_section() -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[Output(), Raising()])
    doc = Pipeline("lite", plugins=pm)("It rained.")
    data = doc.to_dict()
    assert data["good"] == len(doc.text) and data["tokens"]
    (problem,) = [d for d in data["diagnostics"] if d["level"] == "error"]
    assert "ValueError: section broke" in problem["message"]
    newslens.schema.validate(data)


def test_a_raising_report_hook_loses_only_its_own_block() -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[Output(), Raising()])
    doc = Pipeline("lite", plugins=pm)("It rained.")
    out = io.StringIO()
    with open_writer("text", out, pm) as writer:
        writer.write(doc)
    report = out.getvalue()
    assert "Good" in report and "first two" in report and "It" in report
    assert "KeyError" in report and "block broke" in report


def test_raising_output_hooks_raise_under_strict() -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[Raising()])
    doc = Pipeline("lite", plugins=pm, strict=True)("It rained.")
    assert doc.output is not None
    with pytest.raises(PluginError, match="section broke"):
        doc.to_dict()
    with pytest.raises(PluginError, match="block broke"):
        _ = doc.output.blocks


def test_cli_writes_the_rest_and_exits_5_when_an_output_hook_raises(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[Output(), Raising()])
    monkeypatch.setattr(newslens.plugins, "_default", pm)
    assert main(["analyze", ARTICLE, "-b", "lite", "-f", "jsonl"]) == EXIT_PLUGIN
    data = json.loads(capsys.readouterr().out)
    assert data["good"] > 0
    assert main(["analyze", ARTICLE, "-b", "lite", "-f", "jsonl", "--strict"]) == EXIT_STRICT
    assert "section broke" in capsys.readouterr().err


def test_a_wrapper_implementation_wraps_the_hook_call() -> None:
    seen: list[str] = []

    class Wrapper:
        @hookimpl(wrapper=True)
        def newslens_json_section(self, doc: Document) -> Iterator[None]:
            seen.append("before")
            result = yield
            seen.append("after")
            return result  # type: ignore[no-any-return]

    pm = new_plugin_manager(entry_points=False, plugins=[Output(), Wrapper()])
    data = Pipeline("lite", plugins=pm)("It rained.").to_dict()
    assert data["good"] == 10 and seen == ["before", "after"]


def test_a_document_is_written_with_the_plugins_of_its_own_pipeline() -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[Output()])
    assert newslens.get_plugin_manager().get_plugin("Output") is None
    doc = Pipeline("lite", plugins=pm)("It rained.")
    assert doc.to_dict()["good"] == 10
    again = pickle.loads(pickle.dumps(doc))  # the output travels as values
    assert again.to_dict()["good"] == 10 and again.output is not None
    assert again.output.blocks[0].title == "Good" and again == doc


# -- options ---------------------------------------------------------------------------------

LIMIT = Key("host.limit", int, doc="The limit in force.")


class Configurable:
    """Declares options and builds its enricher from their values."""

    @hookimpl
    def newslens_options(self) -> list[Option]:
        return [
            Option("host.limit", int, 30, doc="A limit.", minimum=1),
            Option("host.mode", str, "fast", doc="A mode.", choices=("fast", "careful")),
            Option("host.loud", bool, False, doc="Say more."),
            Option("host.share", float, 0.5, doc="A share.", minimum=0.0, maximum=1.0),
        ]

    @hookimpl
    def newslens_register_enrichers(self, register: Any, options: Any) -> None:
        limit = options["host.limit"]

        @enricher(name="host.limit", provides=[LIMIT])
        def report_limit(doc: Document) -> dict[Key[Any], Any]:
            return {LIMIT: limit}

        register(report_limit)

    @hookimpl
    def newslens_json_section(self, doc: Document) -> dict[str, Any]:
        return {"host": {"limit": doc.get(LIMIT)}}


def test_options_from_python_reach_the_enricher() -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[Configurable()])
    plugin = pm.get_name(next(p for _, p in pm.list_name_plugin() if isinstance(p, Configurable)))
    assert Pipeline("lite", plugins=pm)("x")[LIMIT] == 30
    pipeline = Pipeline("lite", plugins=pm, options={"host.limit": 40, "host.loud": "yes"})
    assert pipeline("x")[LIMIT] == 40
    assert pipeline.options["host.loud"] is True and pipeline.options.given == {
        "host.limit", "host.loud"}
    assert pipeline.options.declared["host.limit"].plugin == plugin


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"host.limit": "many"}, "option 'host.limit' of plugin .* expects int >= 1, got 'many'"),
        ({"host.limit": 0}, "expects int >= 1, got 0"),
        ({"host.mode": "slow"}, r"expects str \(one of 'fast', 'careful'\)"),
        ({"host.share": "1.5"}, "option 'host.share' of plugin .* expects float from 0 to 1"),
        ({"host.share": -0.1}, "expects float from 0 to 1, got -0.1"),
        ({"host.share": "nan"}, "expects float from 0 to 1, got 'nan'"),
        ({"host.limti": 3}, "unknown option 'host.limti': plugin 'host' has: host.limit"),
        ({"nobody.x": 3}, "no installed plugin declares options under 'nobody'"),
    ],
)
def test_a_bad_option_is_a_clear_error(given: dict[str, Any], message: str) -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[Configurable()])
    with pytest.raises(OptionError, match=message):
        Pipeline("lite", plugins=pm, options=given)


@pytest.fixture
def configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[Configurable()])
    monkeypatch.setattr(newslens.plugins, "_default", pm)


def _limit(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    assert main(["analyze", ARTICLE, "-b", "lite", "-f", "jsonl", *argv]) == 0
    return json.loads(capsys.readouterr().out)["host"]["limit"]


def test_options_from_a_file_then_the_command_line(
    configurable: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _limit([], capsys) == 30
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.newslens.options.host]\nlimit = 50\n', encoding="utf-8"
    )
    assert _limit([], capsys) == 50  # the nearest pyproject.toml
    assert _limit(["-O", "host.limit=60"], capsys) == 60  # the command line wins
    other = tmp_path / "settings.toml"
    other.write_text('backend = "lite"\n[options.host]\nlimit = 70\n', encoding="utf-8")
    assert _limit(["--config", str(other)], capsys) == 70
    assert _limit(["--config", str(other), "--option", "host.limit=80"], capsys) == 80


@pytest.mark.parametrize(
    ("argv", "contents", "message"),
    [
        (["-O", "host.limit=lots"], None, "expects int >= 1, got 'lots'"),
        (["-O", "host.limit"], None, "is not of the form PLUGIN.OPTION=VALUE"),
        (["-O", "host.nope=1"], None, "unknown option 'host.nope'"),
        (["--config", "{file}"], "[options.host]\nlimit = 'ten'\n", "got 'ten'"),
        (["--config", "{file}"], "colour = 'red'\n", "unknown setting 'colour'"),
        (["--config", "{file}"], "[options\n", "not valid TOML"),
        (["--config", "{file}.missing"], None, "cannot read the configuration"),
    ],
)
def test_bad_options_on_the_command_line_are_usage_errors(
    configurable: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    contents: str | None,
    message: str,
) -> None:
    file = tmp_path / "bad.toml"
    if contents is not None:
        file.write_text(contents, encoding="utf-8")
    argv = [arg.replace("{file}", str(file)) for arg in argv]
    assert main(["analyze", ARTICLE, "-b", "lite", *argv]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_plugins_command_lists_options_with_defaults(
    configurable: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plugins", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (plugin,) = [p for p in data if p["options"]]
    assert plugin["options"][0] == {
        "name": "host.limit", "type": "int >= 1", "default": 30, "doc": "A limit."
    }
    assert main(["plugins"]) == 0
    assert "host.mode" in capsys.readouterr().out


def test_two_plugins_declaring_one_option_fail_the_second() -> None:
    class Again:
        @hookimpl
        def newslens_options(self) -> list[Option]:
            return [Option("host.limit", int, 1)]

    pm = new_plugin_manager(entry_points=False, plugins=[Configurable(), Again()])
    pipeline = Pipeline("lite", plugins=pm)
    (failure,) = pipeline.failures
    assert failure.stage == "options" and "already declared" in failure.message
    assert pipeline.options["host.limit"] == 30


# -- --omit ------------------------------------------------------------------------------------


def test_omit_leaves_sections_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", ARTICLE, "-b", "lite", "-f", "jsonl", "--detail", "full", "--omit",
                 "tokens,paragraphs", "--omit", "readability"]) in (0, EXIT_PLUGIN)
    data = json.loads(capsys.readouterr().out)
    assert not {"tokens", "paragraphs", "readability"} & set(data)
    assert {"sentences", "entities", "text"} <= set(data)
    assert main(["analyze", ARTICLE, "-b", "lite", "-f", "json", "--omit", "compact"]) in (
        0, EXIT_PLUGIN)
    captured = capsys.readouterr()
    compact = json.loads(captured.out)
    assert not {"tokens", "sentences", "paragraphs"} & set(compact)
    assert main(["analyze", ARTICLE, "-b", "lite", "-f", "jsonl", "--omit", "tokns"]) in (
        0, EXIT_PLUGIN)
    assert "--omit tokns: no document had" in capsys.readouterr().err
    assert main(["analyze", ARTICLE, "-b", "lite", "--omit", "schema"]) == EXIT_USAGE


# -- documents shared between threads -----------------------------------------------------------


def _hammer(read: Callable[[], Any], threads: int = 8) -> list[Any]:
    start = threading.Barrier(threads)
    results: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        start.wait()
        try:
            results.append(read())
        except BaseException as exc:  # the test reports every failure
            errors.append(exc)

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors, errors
    return results


def test_a_derived_column_is_computed_once_under_many_threads() -> None:
    for _ in range(5):
        calls: list[int] = []

        def slow(texts: tuple[str, ...], calls: list[int] = calls) -> list[str]:
            calls.append(1)
            time.sleep(0.01)
            return [t.lower() for t in texts]

        table = TokenTable.from_columns(
            start=[0, 4], end=[3, 8], text=["Ann", "Left"], derived={"lemma": slow}
        )
        results = _hammer(lambda table=table: table.column("lemma"))  # type: ignore[misc]
        assert results == [("ann", "left")] * 8 and calls == [1]


def test_a_deferred_layer_and_the_output_are_computed_once_under_many_threads() -> None:
    calls: list[int] = []

    def slow() -> list[int]:
        calls.append(1)
        time.sleep(0.01)
        return [1, 2]

    deferred = Deferred(slow)
    assert _hammer(lambda: deferred + ()) == [(1, 2)] * 8 and calls == [1]
    pm = new_plugin_manager(entry_points=False, plugins=[Output()])
    doc = Pipeline("lite", plugins=pm)("Ann left. It rained on Tuesday.")
    outputs = _hammer(lambda: (doc.to_json(), doc.tokens.column("lemma"), tuple(doc.entities)))
    assert len(set(outputs)) == 1


def test_layers_concatenate_like_tuples() -> None:
    doc = newslens.analyze("Ms. Chen met Mr. Ruiz in Paris.", backend="lite")
    assert isinstance(doc.entities + (), tuple) and len(doc.entities + ()) == len(doc.entities)
    assert () + doc.entities == tuple(doc.entities)
    assert doc.tokens + () == tuple(doc.tokens)


@given(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-10, 10), st.floats(0, 10),
)
def test_a_bounded_option_takes_exactly_the_numbers_between_its_bounds(
    value: float, low: float, width: float
) -> None:
    """A float option with a minimum and a maximum converts the numbers inside them (from
    numbers and from the text a command line gives) and refuses the rest, NaN included."""
    option = Option("host.share", float, low, minimum=low, maximum=low + width)
    inside = low <= value <= low + width
    for text in (value, repr(value)):
        if inside:
            assert option.convert(text) == value
        else:
            with pytest.raises(OptionError, match="expects float from"):
                option.convert(text)


def test_an_option_bound_on_one_side_says_which() -> None:
    assert Option("host.most", int, 3, maximum=5).describe_type() == "int <= 5"
    with pytest.raises(ValueError, match="default of option 'host.most' is not valid"):
        Option("host.most", int, 6, maximum=5)
