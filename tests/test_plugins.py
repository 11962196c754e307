"""The plugin manager: hook call order, blocking, tracing, listing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from newslens import Config, Document, Enricher, Key, Pipeline, hookimpl, hookspecs
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
    def newslens_text_report(self, doc: Document, console: Any) -> None:
        self.calls.append("newslens_text_report")


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
    data = doc.to_dict(pm)
    pm.hook.newslens_text_report(doc=doc, console=None)
    assert recorder.calls == [
        "newslens_add_hookspecs",
        "newslens_make_annotator",
        "newslens_register_enrichers",
        "newslens_load_document",
        "enricher",
        "newslens_json_section",
        "newslens_text_report",
    ]
    assert data["recorder"] == {"count": len(doc.tokens)}


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


def test_json_section_clashes_are_errors() -> None:
    from newslens import NewslensError

    class One:
        @hookimpl
        def newslens_json_section(self, doc: Document) -> dict[str, Any]:
            return {"same": 1}

    class Two(One):
        pass

    class Core:
        @hookimpl
        def newslens_json_section(self, doc: Document) -> dict[str, Any]:
            return {"text": "overwrite"}

    doc = Document.create("x")
    with pytest.raises(NewslensError, match="'same' returned by both"):
        doc.to_dict(new_plugin_manager(entry_points=False, plugins=[One(), Two()]))
    with pytest.raises(NewslensError, match="core JSON field 'text'"):
        doc.to_dict(new_plugin_manager(entry_points=False, plugins=[Core()]))


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
