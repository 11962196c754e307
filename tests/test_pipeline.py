"""Enricher ordering, construction errors, typed storage and fault isolation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslens import (
    Document,
    Enricher,
    EnricherError,
    Key,
    MissingEnrichmentError,
    Pipeline,
    PipelineError,
    PluginError,
    enricher,
    hookimpl,
    layers,
)
from newslens.enrichers import order_enrichers
from newslens.plugins import new_plugin_manager

A = Key("test.a", int, doc="Number of characters.")
B = Key("test.b", str, doc="A string made from A.")
C = Key("test.c", tuple, doc="Made from A and B.")
UNPROVIDED = Key("nobody.here", int)


def make(
    name: str,
    requires: tuple[Any, ...] = (),
    provides: tuple[Key[Any], ...] = (),
    optional: tuple[Any, ...] = (),
    value: Any = None,
) -> Enricher:
    def func(doc: Document) -> Mapping[Key[Any], Any]:
        return {key: value for key in provides}

    return Enricher(name, func, requires=requires, provides=provides, optional=optional)


class Registrar:
    """A plugin object registering the given enrichers."""

    def __init__(self, *enrichers: Enricher) -> None:
        self.enrichers = enrichers

    @hookimpl
    def newslens_register_enrichers(self, register: Any) -> None:
        for item in self.enrichers:
            register(item)


def pipeline_with(*enrichers: Enricher, strict: bool = False) -> Pipeline:
    pm = new_plugin_manager(entry_points=False, plugins=[Registrar(*enrichers)])
    return Pipeline("lite", strict=strict, plugins=pm)


def test_order_follows_requirements_and_breaks_ties_by_name() -> None:
    items = [
        make("z.last", requires=(C,)),
        make("m.c", requires=(A, B), provides=(C,)),
        make("y.b", requires=(A,), provides=(B,)),
        make("x.a", provides=(A,)),
        make("a.free"),
    ]
    names = [e.name for e in order_enrichers(items, layers=[])]
    assert names == ["a.free", "x.a", "y.b", "m.c", "z.last"]


@given(st.permutations(range(6)))
def test_order_does_not_depend_on_registration_order(perm: list[int]) -> None:
    items = [
        make("p.a", provides=(A,)),
        make("p.b", requires=(A,), provides=(B,)),
        make("q.one"),
        make("q.two", optional=(B,)),
        make("r.c", requires=(B,), provides=(C,)),
        make("b.early", optional=(C,)),
    ]
    shuffled = [items[i] for i in perm]
    baseline = [e.name for e in order_enrichers(items, layers=[])]
    assert [e.name for e in order_enrichers(shuffled, layers=[])] == baseline
    assert baseline.index("b.early") > baseline.index("r.c")
    assert baseline.index("q.two") > baseline.index("p.b")


def test_unmet_requirements_are_listed_with_what_is_available() -> None:
    items = [
        make("x.needs", requires=(UNPROVIDED, layers.DEPENDENCIES)),
        make("x.a", provides=(A,)),
    ]
    with pytest.raises(PipelineError) as info:
        order_enrichers(items, layers=[layers.TOKENS])
    message = str(info.value)
    assert "'nobody.here'" in message
    assert "layer 'dependencies'" in message
    assert "layers available: tokens" in message
    assert "keys available: test.a" in message


def test_two_providers_of_one_key_clash() -> None:
    with pytest.raises(PipelineError, match="'test.a' is provided by both 'p.one'"):
        order_enrichers([make("p.one", provides=(A,)), make("p.two", provides=(A,))], [])


def test_two_keys_with_the_same_name_are_the_same_key() -> None:
    assert Key("test.a", str) == A
    with pytest.raises(PipelineError, match="provided by both"):
        order_enrichers(
            [make("p.one", provides=(A,)), make("p.two", provides=(Key("test.a", str),))], []
        )


def test_cycle_is_reported() -> None:
    items = [
        make("c.one", requires=(B,), provides=(A,)),
        make("c.two", requires=(A,), provides=(B,)),
    ]
    with pytest.raises(PipelineError, match="requirements of c.one, c.two form a cycle"):
        order_enrichers(items, [])


def test_duplicate_enricher_names() -> None:
    with pytest.raises(PipelineError, match="two enrichers are named 'd.same'"):
        order_enrichers([make("d.same"), make("d.same")], [])


def test_key_names_must_be_namespaced() -> None:
    with pytest.raises(ValueError, match="dotted"):
        Key("quotes", tuple)


def test_pipeline_runs_enrichers_and_stores_typed_values() -> None:
    @enricher(name="t.length", provides=[A], requires=[layers.TOKENS])
    def length(doc: Document) -> Mapping[Key[Any], Any]:
        return {A: len(doc.tokens)}

    @enricher(name="t.text", provides=[B], requires=[A])
    def text(doc: Document) -> Mapping[Key[Any], Any]:
        return {B: f"{doc[A]} tokens"}

    pipeline = pipeline_with(text, length)
    doc = pipeline("One two three.")
    assert doc[A] == len(doc.tokens)
    assert doc[B] == f"{len(doc.tokens)} tokens"
    assert A in doc and doc.get(C) is None
    with pytest.raises(MissingEnrichmentError, match="no installed plugin provides it"):
        doc[C]
    with pytest.raises(MissingEnrichmentError, match="read by Key, not by name: 'test.a'"):
        doc.enrichments["test.a"]  # type: ignore[index]
    with pytest.raises(MissingEnrichmentError, match="no installed plugin provides it"):
        doc.enrichments["test.nothing"]  # type: ignore[index]


def test_wrong_type_and_undeclared_keys_become_diagnostics() -> None:
    pipeline = pipeline_with(
        make("w.type", provides=(A,), value="not an int"),
        Enricher("w.undeclared", lambda doc: {B: "x"}, provides=()),
    )
    doc = pipeline("Text.")
    messages = {d.message for d in doc.diagnostics if d.level == "error"}
    assert any("'test.a' must be int" in m for m in messages)
    assert any("undeclared keys: test.b" in m for m in messages)
    assert A not in doc and B not in doc


def boom(doc: Document) -> Mapping[Key[Any], Any]:
    raise RuntimeError("kaput")


def test_fault_isolation_keeps_other_results_and_skips_dependants() -> None:
    pipeline = pipeline_with(
        Enricher("f.fails", boom, provides=(A,)),
        make("f.dependant", requires=(A,), provides=(B,), value="b"),
        make("f.grandchild", requires=(B,), provides=(C,), value=()),
        make("f.independent", provides=(Key("other.value", int),), value=7),
    )
    doc = pipeline("Text here.")
    assert doc[Key("other.value", int)] == 7
    errors = [d for d in doc.diagnostics if d.level == "error"]
    assert len(errors) == 1
    assert errors[0].exception == "RuntimeError"
    assert "kaput" in errors[0].message
    skipped = [d.message for d in doc.diagnostics if d.level == "warning"]
    assert any("'f.dependant' skipped" in m for m in skipped)
    assert any("'f.grandchild' skipped" in m for m in skipped)
    with pytest.raises(MissingEnrichmentError, match="failed or was skipped"):
        doc[A]


def test_strict_reraises_with_the_cause() -> None:
    pipeline = pipeline_with(Enricher("f.fails", boom, provides=(A,)), strict=True)
    with pytest.raises(EnricherError, match="f.fails") as info:
        pipeline("Text.")
    assert isinstance(info.value.__cause__, RuntimeError)


def test_enrichers_are_stamped_with_their_plugin() -> None:
    pipeline = pipeline_with(make("s.one"))
    assert [e.plugin for e in pipeline.enrichers] == [
        pipeline.plugins.get_name(
            next(p for p in pipeline.plugins.get_plugins() if isinstance(p, Registrar))
        )
    ]


def test_register_rejects_non_enrichers() -> None:
    class Bad:
        @hookimpl
        def newslens_register_enrichers(self, register: Any) -> None:
            register(lambda doc: {})

    pm = new_plugin_manager(entry_points=False, plugins=[Bad()])
    pipeline = Pipeline("lite", plugins=pm)
    (failure,) = pipeline.failures
    assert failure.stage == "enrichers" and "not a newslens.Enricher" in failure.message
    assert any("not a newslens.Enricher" in d.message for d in pipeline("x").diagnostics)
    with pytest.raises(PluginError, match="not a newslens.Enricher"):
        Pipeline("lite", plugins=pm, strict=True)


def test_pipe_keeps_order_and_applies_default_published() -> None:
    from newslens import Config

    pm = new_plugin_manager(entry_points=False)
    pipeline = Pipeline(config=Config(backend="lite", published="2024-01-02"), plugins=pm)
    texts = [f"Article number {i}." for i in range(70)]
    docs = list(pipeline.pipe(texts, batch_size=8))
    assert [d.body for d in docs] == texts
    assert {str(d.published) for d in docs} == {"2024-01-02"}


def test_size_limit_is_a_clear_input_error() -> None:
    from newslens import Config, InputError

    pm = new_plugin_manager(entry_points=False)
    pipeline = Pipeline(config=Config(backend="lite", max_chars=10), plugins=pm)
    with pytest.raises(InputError, match="over the limit of 10"):
        pipeline("This text is longer than ten characters.")
    docs = list(pipeline.pipe(["Short.", "Far too long for it.", "Tiny."], batch_size=2))
    assert [d.body for d in docs] == ["Short.", "Far too long for it.", "Tiny."]
    assert [d.backend for d in docs] == ["lite", None, "lite"]
    (error,) = docs[1].diagnostics
    assert error.level == "error"
    assert "not analysed" in error.message
    assert "over the limit of 10" in error.message


def test_unknown_backend_is_named() -> None:
    from newslens import AnnotatorError

    with pytest.raises(AnnotatorError, match="unknown backend 'spacy'"):
        Pipeline("spacy", plugins=new_plugin_manager(entry_points=False))


def test_keyword_settings_override_the_config() -> None:
    from newslens import Config

    pm = new_plugin_manager(entry_points=False)
    base = Config(backend="stanza", strict=False, download=False, max_chars=50)
    pipeline = Pipeline("lite", strict=True, download=True, config=base, plugins=pm)
    assert (pipeline.config.backend, pipeline.config.strict, pipeline.config.download) == (
        "lite",
        True,
        True,
    )
    assert pipeline.config.max_chars == 50


def test_the_collector_is_back_on_whenever_caller_code_runs() -> None:
    import gc

    seen: list[bool] = []

    @enricher(name="gc.probe", provides=[A])
    def probe(doc: Document) -> Mapping[Key[Any], Any]:
        seen.append(gc.isenabled())
        return {A: 1}

    pipeline = pipeline_with(probe)
    assert gc.isenabled()
    for _doc in pipeline.pipe(["One.", "Two.", "Three."], batch_size=2):
        assert gc.isenabled()
    assert seen == [False, False, False]
    gc.disable()
    try:
        pipeline("Four.")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_enrichers_report_diagnostics_without_declaring_them() -> None:
    from newslens import DIAGNOSTICS, Diagnostic

    @enricher(name="n.notes", provides=[A])
    def notes(doc: Document) -> Mapping[Key[Any], Any]:
        return {
            A: 1,
            DIAGNOSTICS: (("warning", "no date"), Diagnostic("elsewhere", "info", "hello")),
        }

    @enricher(name="n.bad", provides=[B])
    def bad(doc: Document) -> Mapping[Key[Any], Any]:
        return {B: "x", DIAGNOSTICS: ("not a pair",)}

    doc = pipeline_with(notes, bad)("Text.")
    assert doc[A] == 1
    assert DIAGNOSTICS not in doc
    (failure,) = [d for d in doc.diagnostics if d.level == "error"]
    assert "n.bad" in failure.message and "(level, message) pairs" in failure.message
    assert B not in doc
    reported = [(d.plugin, d.level, d.message) for d in doc.diagnostics if d.level != "error"]
    assert reported == [
        (failure.plugin, "warning", "no date"),
        ("elsewhere", "info", "hello"),
    ]


def test_an_unknown_backend_is_its_own_error() -> None:
    from newslens import AnnotatorError, UnknownBackendError

    with pytest.raises(UnknownBackendError, match="unknown backend 'quantum'") as info:
        Pipeline("quantum")
    assert isinstance(info.value, AnnotatorError)
