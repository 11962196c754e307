"""The enricher, the JSON section, the text report, the pure API and the formula hook."""

from __future__ import annotations

import math
from typing import Any

import newslens_readability
import pluggy
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslens_readability import REPORT, Formula, count_syllables, readability, score_text
from newslens_readability.counts import Counts

import newslens
from newslens import hookimpl
from newslens.testing import check_enricher
from newslens.testing.plugin import DocumentFactory
from newslens.testing.strategies import articles

BODY = (
    "WASHINGTON (AP) — The council approved the harbour budget on Tuesday.\n"
    "“We will rebuild the bridge,” Mayor Ana Ruiz said. “It is old and unsafe.”\n"
    "Opponents said the administration's extraordinary expenditure was irresponsible."
)


def test_contract() -> None:
    assert check_enricher(readability, [BODY, "Just one word"]) > 0


def test_plugin_is_installed(newslens_plugin_manager: pluggy.PluginManager) -> None:
    assert newslens_plugin_manager.get_plugin("readability") is newslens_readability
    assert hasattr(newslens_plugin_manager.hook, "newslens_readability_formulas")


def test_body_excludes_headline_byline_and_dateline(make_document: DocumentFactory) -> None:
    doc = make_document(BODY, headline="Council backs harbour plan", byline="By Tom Park")
    report = readability(doc)[REPORT]
    alone = readability(make_document(BODY.replace("WASHINGTON (AP) — ", "", 1)))[REPORT]
    assert report.body.counts == alone.body.counts
    assert report.headline is not None and report.headline.counts.words == 4
    assert report.headline["flesch_kincaid_grade"] is not None
    assert report.body.counts.sentences == 4


def test_quoted_speech_is_scored_apart(make_document: DocumentFactory) -> None:
    report = readability(make_document(BODY))[REPORT]
    assert report.quoted is not None and report.narration is not None
    assert report.quoted.counts.words == 10  # We will rebuild the bridge / It is old and unsafe
    assert report.quoted.counts.words + report.narration.counts.words == report.body.counts.words
    assert report.quoted["flesch_kincaid_grade"] < report.narration["flesch_kincaid_grade"]


def test_hard_words_and_reasons(make_document: DocumentFactory) -> None:
    report = readability(make_document(BODY))[REPORT]
    hard = {h.word: h for h in report.hard_words}
    assert "complex" in hard["extraordinary"].reasons
    assert "long" in hard["extraordinary"].reasons
    assert "ruiz" not in hard  # a proper name is neither complex nor unfamiliar
    assert hard["extraordinary"].text == "extraordinary"


def test_per_sentence_and_paragraph(make_document: DocumentFactory) -> None:
    doc = make_document(BODY)
    report = readability(doc)[REPORT]
    assert sum(s.scores.counts.words for s in report.per_sentence) == report.body.counts.words
    assert sum(p.scores.counts.words for p in report.per_paragraph) == report.body.counts.words
    assert len(report.per_paragraph) == 3
    for item in report.per_sentence:
        assert doc.text[item.start : item.end] == item.text


def test_json_section_and_text_report(lite_pipeline: newslens.Pipeline) -> None:
    doc = lite_pipeline(BODY, headline="Council backs harbour plan")
    section = doc.to_dict()["readability"]
    for key in ("sentences", "words", "syllables", "flesch_reading_ease", "flesch_kincaid_grade",
                "gunning_fog", "smog_index", "coleman_liau_index", "automated_readability_index",
                "dale_chall", "spache", "linsear_write", "forcast", "lix", "rix", "headline",
                "per_sentence", "per_paragraph", "hard_words", "warnings"):
        assert key in section
    assert list(section)[:4] == ["verdict", "sentences", "words", "syllables"]
    assert section["verdict"] == doc[REPORT].verdict
    assert any("only" in w and "words" in w for w in section["warnings"])
    assert doc.output is not None
    (block,) = [b for b in doc.output.blocks if b.plugin == "readability"]
    (table,) = block.tables
    assert table.columns == ("Measure", "Body", "Headline", "Quoted", "Narration")
    assert block.rows[0] == ("Verdict", doc[REPORT].verdict)
    rows = {row[0]: row[1:] for row in table.rows}
    grade = doc[REPORT].body["flesch_kincaid_grade"]
    assert rows["Flesch-Kincaid grade"][0] == f"{grade:.1f}"
    assert block.notes == doc[REPORT].warnings
    # every scored body sentence is marked with its grade, grouped by band of difficulty
    sentences = doc[REPORT].per_sentence
    assert [(m.start, m.end) for m in block.marks] == [(s.start, s.end) for s in sentences]
    for mark, sentence in zip(block.marks, sentences, strict=True):
        grade = dict(sentence.scores.values)["flesch_kincaid_grade"]
        band = newslens_readability.verdict.grade_band(grade)
        assert mark.group == f"difficulty: {band.name}"
        assert mark.label == f"sentence: {band.name} (grade {grade:.1f})"


def test_nothing_to_report_without_a_report(make_document: DocumentFactory) -> None:
    doc: Any = make_document("Nothing.")
    assert newslens_readability.newslens_json_section(doc) is None
    assert newslens_readability.newslens_report_blocks(doc) is None


def test_empty_text_gives_none_with_reasons() -> None:
    report = score_text("   ")
    assert report.body.counts.words == 0
    assert report.body["flesch_reading_ease"] is None
    assert any(w.startswith("flesch_reading_ease: not computed") for w in report.warnings)


class ExtraFormulas:
    """A plugin that adds one formula and tries to define ``lix`` again."""

    @hookimpl
    def newslens_readability_formulas(self) -> list[Formula]:
        return [
            Formula("words_per_sentence", "Words per sentence", lambda c: c.words / c.sentences),
            Formula("lix", "LIX again", lambda c: 0.0),
        ]


def test_formula_hook() -> None:
    from newslens import plugins

    pm = plugins.new_plugin_manager(
        entry_points=False, plugins=[newslens_readability, ExtraFormulas()]
    )
    report = newslens.Pipeline(backend="lite", plugins=pm)(BODY)[REPORT]
    assert report.body["words_per_sentence"] == pytest.approx(
        report.body.counts.words / report.body.counts.sentences
    )
    assert report.body["lix"] != 0.0
    assert any("'lix' is defined twice" in w for w in report.warnings)


def test_formulas_come_from_the_pipelines_plugin_manager() -> None:
    from newslens import plugins

    with_extra = plugins.new_plugin_manager(
        entry_points=False, plugins=[newslens_readability, ExtraFormulas()]
    )
    without = plugins.new_plugin_manager(entry_points=False, plugins=[newslens_readability])
    assert plugins.get_plugin_manager().get_plugin("ExtraFormulas") is None
    extra = newslens.Pipeline(backend="lite", plugins=with_extra)
    plain = newslens.Pipeline(backend="lite", plugins=without)
    section = extra(BODY).to_dict()["readability"]
    assert section["words_per_sentence"] == pytest.approx(section["words"] / section["sentences"],
                                                          abs=0.01)
    assert all("words_per_sentence" in item for item in section["per_sentence"])
    assert "words_per_sentence" not in plain(BODY).to_dict()["readability"]
    alone = readability(extra.annotator.annotate(newslens.Document.create(BODY)))[REPORT]
    assert "words_per_sentence" not in dict(alone.body.values)  # built-in formulas only


def test_pure_api() -> None:
    assert count_syllables("guarantees") == 3
    counts = newslens_readability.counts_for_text("The cat sat. The dog ran far away.")
    assert isinstance(counts, Counts)
    assert (counts.sentences, counts.words) == (2, 8)


@given(articles())
def test_any_article_gives_finite_numbers_or_reasons(doc: newslens.Document) -> None:
    report = score_text(doc.body, headline=doc.headline)
    for scores in (report.body, *(s.scores for s in report.per_sentence)):
        for name, value in scores.values:
            assert (value is not None and math.isfinite(value)) or any(
                w.startswith(name) for w in scores.warnings
            )


VOCABULARY = (
    "the council approved a new budget for harbour bridge repairs on Tuesday after "
    "extraordinary debate about municipal expenditure and safety"
)
words = st.sampled_from(VOCABULARY.split(" "))
sentences = st.lists(words, min_size=1, max_size=15).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
bodies = st.lists(sentences, min_size=1, max_size=8).map(" ".join)
# Spache counts different words; Linsear Write reads the first 100 words only.
RATIO_FORMULAS = [
    f.name for f in newslens_readability.FORMULAS if f.name not in ("spache", "linsear_write")
]


@given(bodies, st.sampled_from([" ", "\n", "  \n\t "]))
def test_trailing_whitespace_changes_nothing(body: str, tail: str) -> None:
    assert score_text(body).body == score_text(body + tail).body


@given(bodies)
def test_repeating_the_text_keeps_the_ratios(body: str) -> None:
    once, twice = score_text(body).body, score_text(body + "\n\n" + body).body
    assert twice.counts.words == 2 * once.counts.words
    for name in RATIO_FORMULAS:
        a, b = once[name], twice[name]
        assert a is not None and b is not None and math.isclose(a, b, abs_tol=1e-9), name


@pytest.mark.parametrize(
    "module", ["", ".syllables", ".estimator", ".wordlists", ".counts", ".formulas"]
)
def test_docstring_examples(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module("newslens_readability" + module))
    assert result.failed == 0 and result.attempted > 0


def test_a_paragraph_of_thousands_of_quotations_takes_linear_time() -> None:
    import time

    from newslens_readability.report import analyse

    from newslens.annotators.lite import LiteAnnotator

    # Not a benchmark: matching every sentence against every quotation of its
    # paragraph once cost minutes here; one pass takes about a second.
    body = '"It is fine," Mr. Lee said. ' * 30_000
    doc = LiteAnnotator().annotate(newslens.Document.create(body))
    began = time.perf_counter()
    report = analyse(doc)
    elapsed = time.perf_counter() - began
    assert report.quoted is not None and report.quoted.counts.words == 90_000
    assert elapsed < 30, f"{elapsed:.1f} s for {len(body):,} characters"


def test_the_min_words_option_sets_when_a_report_warns() -> None:
    text = "The council met on Tuesday. It approved the harbour plan. Nobody objected."
    default = newslens.Pipeline("lite")(text)[REPORT]
    assert any("scores are unreliable under 100 words" in w for w in default.warnings)
    relaxed = newslens.Pipeline("lite", options={"readability.min_words": 5})(text)[REPORT]
    assert not any("unreliable" in w for w in relaxed.warnings)
    assert relaxed.body.values == default.body.values
    with pytest.raises(newslens.OptionError, match="readability.min_words"):
        newslens.Pipeline("lite", options={"readability.min_words": 0})


paragraphs = st.lists(bodies, min_size=1, max_size=5).map("\n\n".join)


@given(st.one_of(paragraphs, st.builds(lambda doc: doc.body, articles())))
def test_a_paragraph_of_one_sentence_has_that_sentences_scores(body: str) -> None:
    """The scores of a one-sentence paragraph are taken from its sentence's: the same
    as scoring the paragraph afresh (as the report did before it took them)."""
    from newslens_readability import report as module

    taken = score_text(body)
    speech = module._speech
    try:  # score every paragraph afresh
        module._speech = lambda *args: speech(*args[:10])  # type: ignore[assignment]
        fresh = score_text(body)
    finally:
        module._speech = speech
    assert taken == fresh
    for paragraph in taken.per_paragraph:
        if paragraph.scores.counts.sentences == 1:
            match = [s for s in taken.per_sentence if paragraph.start <= s.start < paragraph.end]
            assert [s.scores for s in match] == [paragraph.scores]


def _spans(items: Any) -> list[tuple[int, int, str, Any, dict[str, Any]]]:
    """Each span's place, text, counts and built-in scores."""
    from newslens_readability.formulas import FORMULAS

    builtin = {formula.name for formula in FORMULAS}
    return [
        (item.start, item.end, item.text, item.scores.counts,
         {k: v for k, v in item.scores.values if k in builtin})
        for item in items
    ]


def test_sentence_and_paragraph_scores_are_worked_out_when_first_read() -> None:
    """The default JSON output does not read them: they are not computed for it."""
    from newslens_readability.report import analyse

    from newslens.annotators.lite import LiteAnnotator

    doc = LiteAnnotator().annotate(newslens.Document.create(BODY))
    report = analyse(doc)
    assert isinstance(report.per_sentence, newslens.Deferred)
    assert isinstance(report.per_paragraph, newslens.Deferred)
    standard = report.to_dict("standard")
    assert "per_sentence" not in standard
    assert not report.per_sentence.computed and not report.per_paragraph.computed
    full = report.to_dict("full")
    assert report.per_sentence.computed and report.per_paragraph.computed
    assert len(full["per_sentence"]) == len(report.per_sentence) == 4
    assert [p["text"] for p in full["per_paragraph"][1:]] == BODY.split("\n")[1:]


@given(articles())
def test_deferred_scores_equal_those_worked_out_at_once(doc: newslens.Document) -> None:
    """With a formula of another plugin, the scores are worked out in the enricher;
    with the built-ins alone, when read: the same spans, counts and built-in scores."""
    from newslens_readability.formulas import FORMULAS
    from newslens_readability.report import analyse

    from newslens.annotators.lite import LiteAnnotator

    extra = Formula("words_per_sentence", "Words per sentence",
                    lambda c: c.words / c.sentences)
    annotated = LiteAnnotator().annotate(doc)
    later = analyse(annotated)
    at_once = analyse(annotated, [*FORMULAS, extra])
    assert isinstance(at_once.per_sentence, tuple) and isinstance(at_once.per_paragraph, tuple)
    assert _spans(later.per_paragraph) == _spans(at_once.per_paragraph)
    assert _spans(later.per_sentence) == _spans(at_once.per_sentence)
