"""The plugin manager: hook call order, blocking, tracing, listing."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from newslens import (
    Block,
    Config,
    Document,
    Enricher,
    Key,
    Option,
    Pipeline,
    PluginError,
    hookimpl,
    hookspecs,
)
from newslens.io.writers import open_writer
from newslens.plugins import blocked_plugins, list_plugins, new_plugin_manager

HOOKS = sorted(name for name in dir(hookspecs) if name.startswith("newslens_"))
COUNT = Key("recorder.count", int, doc="How many tokens the recorder saw.")


class Recorder:
    """Implements every hook once and records the calls in order."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    @hookimpl
    def newslens_add_hookspecs(self, pluginmanager: Any) -> None:
        self.calls.append("newslens_add_hookspecs")

    @hookimpl
    def newslens_make_annotator(self, config: Config) -> None:
        self.calls.append("newslens_make_annotator")

    @hookimpl
    def newslens_register_enrichers(self, register: Any) -> None:
        self.calls.append("newslens_register_enrichers")
        register(Enricher("recorder.count", self.count, requires=("tokens",), provides=(COUNT,)))

    def count(self, doc: Document) -> Mapping[Key[Any], Any]:
        self.calls.append("enricher")
        return {COUNT: len(doc.tokens)}

    @hookimpl
    def newslens_load_document(self, source: str, config: Config) -> None:
        self.calls.append("newslens_load_document")

    @hookimpl
    def newslens_json_section(self, doc: Document) -> dict[str, Any]:
        self.calls.append("newslens_json_section")
        return {"recorder": {"count": doc.get(COUNT)}}

    @hookimpl
    def newslens_report_blocks(self, doc: Document) -> list[Block]:
        self.calls.append("newslens_report_blocks")
        return [Block("Recorder", rows=[("tokens", str(doc.get(COUNT)))])]

    @hookimpl
    def newslens_options(self) -> list[Option]:
        self.calls.append("newslens_options")
        return [Option("recorder.limit", int, 3, doc="A limit.")]

    @hookimpl
    def newslens_output_formats(self) -> list[Any]:
        self.calls.append("newslens_output_formats")
        return []


def test_recorder_implements_every_hook() -> None:
    implemented = sorted(name for name in dir(Recorder) if name.startswith("newslens_"))
    assert implemented == HOOKS


def test_hook_call_order(tmp_path: Path) -> None:
    recorder = Recorder()
    pm = new_plugin_manager(entry_points=False, plugins=[recorder])
    config = Config(backend="lite")
    pipeline = Pipeline(config=config, plugins=pm)
    path = tmp_path / "a.json"
    path.write_text('{"text": "Hello there. Bye."}', encoding="utf-8")
    (loaded,) = list(pm.hook.newslens_load_document(source=str(path), config=config))
    assert isinstance(loaded, Document)
    doc = pipeline(loaded)
    data = doc.to_dict()
    assert doc.output is not None
    (block,) = doc.output.blocks
    open_writer("json", io.StringIO(), pm).close()
    assert recorder.calls == [
        "newslens_add_hookspecs",
        "newslens_options",
        "newslens_make_annotator",
        "newslens_register_enrichers",
        "newslens_load_document",
        "enricher",
        "newslens_json_section",
        "newslens_report_blocks",
        "newslens_output_formats",
    ]
    assert data["recorder"] == {"count": len(doc.tokens)}
    assert block == Block("Recorder", rows=[("tokens", str(len(doc.tokens)))], plugin=block.plugin)
    assert block.plugin == pm.get_name(recorder)


def test_a_plugin_annotator_wins_over_the_builtin() -> None:
    from newslens.annotators.lite import LiteAnnotator

    class Custom(LiteAnnotator):
        name = "custom"

    class Provides:
        @hookimpl
        def newslens_make_annotator(self, config: Config) -> Any:
            return Custom() if config.backend == "custom" else None

    pm = new_plugin_manager(entry_points=False, plugins=[Provides()])
    assert Pipeline("custom", plugins=pm).annotator.name == "custom"
    assert Pipeline("lite", plugins=pm).annotator.name == "lite"


def test_json_section_clashes_leave_that_section_out_with_a_diagnostic() -> None:
    class One:
        @hookimpl
        def newslens_json_section(self, doc: Document) -> dict[str, Any]:
            return {"same": 1, "own": "one"}

    class Two:
        @hookimpl
        def newslens_json_section(self, doc: Document) -> dict[str, Any]:
            return {"same": 2}

    class Core:
        @hookimpl
        def newslens_json_section(self, doc: Document) -> dict[str, Any]:
            return {"text": "overwrite"}

    pm = new_plugin_manager(entry_points=False, plugins=[One(), Two(), Core()])
    names = {type(p).__name__: pm.get_name(p) for _, p in pm.list_name_plugin()}
    data = Pipeline("lite", plugins=pm)("x").to_dict()
    assert data["text"] == "x" and data["own"] == "one"
    messages = [d["message"] for d in data["diagnostics"] if d["level"] == "error"]
    assert data["same"] in (1, 2)
    assert sum("'same'" in m and "already returned" in m for m in messages) == 1
    assert any("core JSON field 'text'" in m for m in messages)
    assert any(names["Core"] in d["plugin"] for d in data["diagnostics"])


def test_json_section_clash_is_an_error_under_strict() -> None:
    class Core:
        @hookimpl
        def newslens_json_section(self, doc: Document) -> dict[str, Any]:
            return {"tokens": []}

    pm = new_plugin_manager(entry_points=False, plugins=[Core()])
    doc = Pipeline("lite", plugins=pm, strict=True)("x")
    with pytest.raises(PluginError, match="core JSON field 'tokens'"):
        doc.to_dict()


def test_blocked_plugins_from_environment() -> None:
    assert blocked_plugins({"NEWSLENS_BLOCK_PLUGINS": " a, b ,,"}) == {"a", "b"}
    assert blocked_plugins({}) == frozenset()


def test_blocking_a_plugin_by_name() -> None:
    recorder = Recorder()
    pm = new_plugin_manager(entry_points=False, block=["rec"])
    assert pm.register(recorder, name="rec") is None
    assert pm.is_blocked("rec")


def test_list_plugins_shows_enrichers_with_requires_and_provides() -> None:
    pm = new_plugin_manager(entry_points=False)
    pm.register(Recorder(), name="recorder")
    infos = {info.name: info for info in list_plugins(pm)}
    assert "newslens.builtins" in infos
    (item,) = infos["recorder"].enrichers
    assert item.requires == ("tokens",)
    assert item.provides == (COUNT,)
    assert infos["recorder"].version is None
    (option,) = infos["recorder"].options
    assert (option.name, option.default, option.plugin) == ("recorder.limit", 3, "recorder")
    assert infos["recorder"].ok


def test_tracing_writes_hook_calls_to_stderr() -> None:
    code = "import newslens; newslens.Pipeline('lite')"
    env = {**os.environ, "NEWSLENS_TRACE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert "newslens_make_annotator" in result.stderr
    assert "newslens_register_enrichers" in result.stderr


def test_autoload_can_be_disabled() -> None:
    code = (
        "import newslens.plugins as p; pm = p.get_plugin_manager(); "
        "print(sorted(n for n, _ in pm.list_name_plugin()))"
    )
    env = {**os.environ, "NEWSLENS_DISABLE_PLUGIN_AUTOLOAD": "1"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['newslens.builtins']"


def test_register_enrichers_can_ask_for_the_plugin_manager() -> None:
    seen: list[Any] = []

    class WantsManager:
        @hookimpl
        def newslens_register_enrichers(self, register: Any, pluginmanager: Any) -> None:
            seen.append(pluginmanager)

    pm = new_plugin_manager(entry_points=False, plugins=[WantsManager()])
    Pipeline("lite", plugins=pm)
    assert seen == [pm]
