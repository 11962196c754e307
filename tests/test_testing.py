"""Tests of newslens.testing: the checks catch bad enrichers, pass good ones; fixtures work."""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping
from typing import Any

import attrs
import pluggy
import pytest
from hypothesis import find, given
from hypothesis import strategies as st

from newslens import (
    DIAGNOSTICS,
    Document,
    Key,
    Pipeline,
    PipelineError,
    enricher,
    hookimpl,
    layers,
)
from newslens.model import Paragraph, Sentence, Span, Token
from newslens.plugins import get_plugin_manager, new_plugin_manager
from newslens.testing import EDGE_CASES, check_document, check_enricher, run_enricher
from newslens.testing.plugin import DocumentFactory
from newslens.testing.strategies import (
    TRICKY_CHARACTERS,
    annotated_documents,
    articles,
    news_texts,
    texts,
)

pytest_plugins = ["pytester"]

WORDS = Key("testing.words", tuple, doc="Token texts.")
COUNT = Key("testing.count", int, doc="Number of tokens.")
ITEMS = Key("testing.items", list, doc="A mutable list, to tempt downstream enrichers.")
SPANS = Key("testing.spans", tuple, doc="Spans.")


@enricher(name="testing.words", requires=[layers.TOKENS], provides=[WORDS])
def words(doc: Document) -> Mapping[Key[Any], Any]:
    return {WORDS: tuple(token.text for token in doc.tokens)}


@enricher(name="testing.count", requires=[WORDS], provides=[COUNT])
def count(doc: Document) -> Mapping[Key[Any], Any]:
    return {COUNT: len(doc[WORDS])}


@enricher(name="testing.items", provides=[ITEMS])
def items(doc: Document) -> Mapping[Key[Any], Any]:
    return {ITEMS: [len(doc.text)]}


# -- good enrichers pass ---------------------------------------------------------------


def test_good_enricher_passes_on_edge_cases_given_and_generated_documents() -> None:
    checked = check_enricher(words, ["One more text.", Document.create("")], max_examples=20)
    assert checked == len(EDGE_CASES) + 2 + 20


def test_max_examples_zero_checks_only_fixed_documents() -> None:
    assert check_enricher(words, max_examples=0) == len(EDGE_CASES)


def test_required_keys_come_from_upstream() -> None:
    with pytest.raises(PipelineError, match="testing.words"):
        check_enricher(count, max_examples=0)
    assert check_enricher(count, upstream=[words, items], max_examples=10) > 0


def test_required_keys_come_from_a_pipeline() -> None:
    class Plugin:
        @hookimpl
        def newslens_register_enrichers(self, register: Any) -> None:
            register(words)
            register(count)

    pm = new_plugin_manager(entry_points=False, plugins=[Plugin()])
    pipeline = Pipeline(backend="lite", plugins=pm)
    assert check_enricher(count, pipeline=pipeline, max_examples=10) > 0


def test_run_enricher_runs_upstream_and_stores_the_result() -> None:
    doc = run_enricher(count, "Ms. Chen left.", upstream=[words], headline="Exit")
    assert doc.headline == "Exit"
    assert doc[COUNT] == len(doc.tokens) == len(doc[WORDS])


# -- bad enrichers fail ----------------------------------------------------------------


def test_undeclared_key_is_caught() -> None:
    @enricher(name="testing.bad", provides=[WORDS])
    def bad(doc: Document) -> Mapping[Key[Any], Any]:
        return {WORDS: (), COUNT: 1}

    with pytest.raises(AssertionError, match="undeclared key 'testing.count'"):
        check_enricher(bad, max_examples=0)


def test_wrong_type_is_caught() -> None:
    @enricher(name="testing.bad", provides=[WORDS])
    def bad(doc: Document) -> Mapping[Key[Any], Any]:
        return {WORDS: [token.text for token in doc.tokens]}

    with pytest.raises(AssertionError, match="must be tuple, got list"):
        check_enricher(bad, max_examples=0)


def test_result_that_is_not_a_mapping_is_caught() -> None:
    @enricher(name="testing.bad", provides=[WORDS])
    def bad(doc: Document) -> Any:
        return [(WORDS, ())]

    with pytest.raises(AssertionError, match="returned list, not a mapping"):
        check_enricher(bad, max_examples=0)


def test_string_keys_are_caught() -> None:
    @enricher(name="testing.bad", provides=[WORDS])
    def bad(doc: Document) -> Any:
        return {"testing.words": ()}

    with pytest.raises(AssertionError, match="not a newslens.Key"):
        check_enricher(bad, max_examples=0)


def test_missing_key_is_caught_unless_allowed() -> None:
    @enricher(name="testing.sometimes", requires=[layers.TOKENS], provides=[WORDS])
    def sometimes(doc: Document) -> Mapping[Key[Any], Any]:
        return {WORDS: ("x",)} if doc.tokens else {}

    with pytest.raises(AssertionError, match="did not return 'testing.words'"):
        check_enricher(sometimes, max_examples=0)
    assert check_enricher(sometimes, max_examples=5, allow_missing=True) > 0


def test_mutating_an_upstream_value_is_caught() -> None:
    @enricher(name="testing.mutator", requires=[ITEMS], provides=[COUNT])
    def mutator(doc: Document) -> Mapping[Key[Any], Any]:
        doc[ITEMS].append(0)
        return {COUNT: len(doc[ITEMS])}

    with pytest.raises(AssertionError, match=r"mutated its input: enrichment 'testing.items'"):
        check_enricher(mutator, upstream=[items], max_examples=0)


def test_mutating_metadata_is_caught() -> None:
    @enricher(name="testing.tagger", provides=[COUNT])
    def tagger(doc: Document) -> Mapping[Key[Any], Any]:
        tags = doc.meta.get("tags")
        if isinstance(tags, list):
            tags.append("seen")
        return {COUNT: 0}

    tagged = Document.create("Text.", meta={"tags": []})
    with pytest.raises(AssertionError, match="field 'meta' changed"):
        check_enricher(tagger, [tagged], max_examples=0)


def test_nondeterminism_is_caught() -> None:
    @enricher(name="testing.random", provides=[COUNT])
    def dice(doc: Document) -> Mapping[Key[Any], Any]:
        return {COUNT: random.randrange(1_000_000_000)}

    with pytest.raises(AssertionError, match="not deterministic.*testing.count"):
        check_enricher(dice, max_examples=0)


def test_hidden_state_between_calls_is_caught() -> None:
    calls = itertools.count()

    @enricher(name="testing.counter", provides=[COUNT])
    def counter(doc: Document) -> Mapping[Key[Any], Any]:
        return {COUNT: next(calls)}

    with pytest.raises(AssertionError, match="not deterministic"):
        check_enricher(counter, max_examples=0)


def test_shared_mutable_result_is_caught() -> None:
    cache: list[int] = []

    @enricher(name="testing.cache", provides=[ITEMS])
    def cached(doc: Document) -> Mapping[Key[Any], Any]:
        cache.append(len(doc.text))
        return {ITEMS: cache}

    with pytest.raises(AssertionError, match="shares mutable state"):
        check_enricher(cached, max_examples=0)


def test_raising_on_generated_input_is_caught() -> None:
    @enricher(name="testing.fragile", provides=[COUNT])
    def fragile(doc: Document) -> Mapping[Key[Any], Any]:
        if "\n" in doc.body.strip():
            raise ValueError("cannot handle two paragraphs")
        return {COUNT: 1}

    with pytest.raises(AssertionError, match="raised ValueError: cannot handle two paragraphs"):
        check_enricher(fragile, max_examples=100)


def test_raising_upstream_is_named() -> None:
    @enricher(name="testing.broken", provides=[ITEMS])
    def broken(doc: Document) -> Mapping[Key[Any], Any]:
        raise RuntimeError("boom")

    @enricher(name="testing.user", requires=[ITEMS], provides=[COUNT])
    def user(doc: Document) -> Mapping[Key[Any], Any]:
        return {COUNT: 1}

    with pytest.raises(AssertionError, match="upstream enricher 'testing.broken' raised"):
        check_enricher(user, upstream=[broken], max_examples=0)


def test_span_outside_the_text_is_caught() -> None:
    @enricher(name="testing.overrun", provides=[SPANS])
    def overrun(doc: Document) -> Mapping[Key[Any], Any]:
        return {SPANS: (Span(0, len(doc.text) + 1),)}

    with pytest.raises(AssertionError, match=r"span \[0, 1\) at testing.spans\[0\]"):
        check_enricher(overrun, max_examples=0)
    assert check_enricher(overrun, max_examples=0, check_spans=False) == len(EDGE_CASES)


def test_span_text_that_differs_from_the_document_is_caught() -> None:
    @attrs.frozen
    class Quote:
        start: int
        end: int
        text: str

    @enricher(name="testing.quotes", provides=[SPANS])
    def quotes(doc: Document) -> Mapping[Key[Any], Any]:
        return {SPANS: tuple(Quote(t.start, t.end, t.text.upper()) for t in doc.tokens)}

    with pytest.raises(AssertionError, match="with text 'QUIET', but the document has 'Quiet'"):
        check_enricher(quotes, max_examples=0)


# -- check_document ----------------------------------------------------------------------


@given(annotated_documents())
def test_lite_documents_are_consistent(doc: Document) -> None:
    assert doc.backend == "lite"
    check_document(doc)


def _doc(text: str, tokens: list[Token], sentences: list[Sentence], **kw: Any) -> Document:
    return Document(
        text,
        layers={layers.TOKENS, layers.SENTENCES},
        tokens=tokens,
        sentences=sentences,
        **kw,
    )


def test_token_text_must_be_the_slice() -> None:
    doc = _doc("Hi there.", [Token(0, 2, "Ho")], [])
    with pytest.raises(AssertionError, match=r"token 0 \[0, 2\) has text 'Ho'.*'Hi'"):
        check_document(doc)


def test_spans_must_be_in_bounds() -> None:
    doc = _doc("Hi.", [Token(0, 9, "Hi.")], [])
    with pytest.raises(AssertionError, match=r"token 0 \[0, 9\) is outside the text \(length 3\)"):
        check_document(doc)


def test_tokens_must_be_sorted() -> None:
    doc = _doc("a b", [Token(2, 3, "b"), Token(0, 1, "a")], [Sentence(0, 3, 0, 2)])
    with pytest.raises(AssertionError, match="tokens are not in text order"):
        check_document(doc)


def test_sentence_token_range_must_fit() -> None:
    doc = _doc("a b", [Token(0, 1, "a"), Token(2, 3, "b")], [Sentence(0, 3, 0, 5)])
    with pytest.raises(AssertionError, match="outside the document's 2 tokens"):
        check_document(doc)


def test_every_token_belongs_to_a_sentence() -> None:
    doc = _doc("a b", [Token(0, 1, "a"), Token(2, 3, "b")], [Sentence(0, 1, 0, 1)])
    with pytest.raises(AssertionError, match="tokens 1-1 belong to no sentence"):
        check_document(doc)


def test_tokens_lie_inside_their_sentence() -> None:
    doc = _doc("a b", [Token(0, 1, "a"), Token(2, 3, "b")], [Sentence(0, 1, 0, 2)])
    with pytest.raises(AssertionError, match=r"token 1 'b' \[2, 3\) lies outside sentence 0"):
        check_document(doc)


def test_heads_stay_in_their_sentence() -> None:
    tokens = [Token(0, 1, "a", head=1), Token(2, 3, "b")]
    doc = _doc("a b", tokens, [Sentence(0, 1, 0, 1), Sentence(2, 3, 1, 2)])
    with pytest.raises(AssertionError, match="token 0 'a' has head 1, outside its sentence 0"):
        check_document(doc)


def test_sentences_do_not_cross_paragraphs() -> None:
    tokens = [Token(0, 1, "a"), Token(2, 3, "b")]
    doc = _doc(
        "a\nb", tokens, [Sentence(0, 3, 0, 2)], paragraphs=[Paragraph(0, 1), Paragraph(2, 3)]
    )
    with pytest.raises(AssertionError, match="crosses a paragraph boundary"):
        check_document(doc)


# -- strategies ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "wanted",
    ["", "\u200f", "😀", "\x00", "\u2028", "ש"],
    ids=["empty", "rlm", "emoji", "nul", "ls", "rtl"],
)
def test_texts_reach_hostile_characters(wanted: str) -> None:
    assert wanted in find(texts(), lambda s: wanted in s)


def test_tricky_characters_are_single_strings() -> None:
    assert all(isinstance(c, str) and c for c in TRICKY_CHARACTERS)


@given(news_texts())
def test_news_texts_look_like_articles(text: str) -> None:
    assert text.strip() == text
    assert all(line.endswith(".") for line in text.split("\n"))
    assert any(c.isupper() for c in text)


@given(articles())
def test_articles_are_unannotated_documents_made_by_create(doc: Document) -> None:
    assert doc.backend is None and not doc.tokens
    body = doc.part("body")
    assert body is not None and doc.parts[-1] == body
    assert body.end == len(doc.text)


@given(st.data())
def test_annotated_documents_accept_a_body_strategy(data: st.DataObject) -> None:
    doc = data.draw(annotated_documents(body=st.just("Ms. Haddad said so.")))
    assert doc.body == "Ms. Haddad said so."
    assert doc.tokens


# -- fixtures ---------------------------------------------------------------------------


def test_make_document_fixture(make_document: DocumentFactory) -> None:
    doc = make_document("Mr. Ruiz spoke.", headline="Talks", published="2024-01-02")
    assert doc.backend == "lite"
    assert doc.headline == "Talks" and doc.body == "Mr. Ruiz spoke."
    assert doc.published is not None and doc.published.isoformat() == "2024-01-02"
    assert doc.tokens
    check_document(doc)


def test_lite_pipeline_fixture(lite_pipeline: Pipeline) -> None:
    assert lite_pipeline.annotator.name == "lite"
    assert lite_pipeline("A short text.").backend == "lite"


def test_newslens_plugin_manager_fixture(newslens_plugin_manager: pluggy.PluginManager) -> None:
    assert newslens_plugin_manager is not get_plugin_manager()
    assert newslens_plugin_manager.has_plugin("newslens.builtins")


def test_run_enricher_fixture(run_enricher: Any) -> None:
    doc = run_enricher(words, "Two words.")
    assert doc[WORDS] == ("Two", "words", ".")


def test_fixtures_load_without_a_conftest(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_uses_fixtures(make_document, newslens_plugin_manager):
            doc = make_document("It works.", byline="By Li Chen")
            assert doc.byline == "Li Chen"
            assert doc.tokens[-1].text == "."
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_run_enricher_puts_diagnostics_with_the_documents_not_in_its_enrichments() -> None:
    @enricher(name="testing.noisy", requires=["tokens"], provides=[WORDS])
    def noisy(doc: Document) -> dict[Key[Any], Any]:
        texts = tuple(doc.tokens.column("text"))
        return {WORDS: texts, DIAGNOSTICS: (("warning", "counted in a hurry"),)}

    done = run_enricher(noisy, "Two words.")
    assert done[WORDS] == ("Two", "words", ".")
    assert DIAGNOSTICS not in done
    assert [(d.plugin, d.level, d.message) for d in done.diagnostics] == [
        ("testing.noisy", "warning", "counted in a hurry")
    ]
