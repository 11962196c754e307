"""The plugin in newslens: contract, JSON section, report block, option, and the NLI hook."""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import newslens_contradictions
import newslens_dates
import newslens_quotes
import pluggy
import pytest
from newslens_contradictions import (
    CONTRADICTIONS,
    KINDS,
    SCOPES,
    THRESHOLD_OPTION,
    ContradictionResult,
    Finding,
    make_enricher,
    nli_of,
)

import newslens
from newslens import Document, OptionError, hookimpl, plugins
from newslens.cli import EXIT_OK, EXIT_USAGE, main
from newslens.io.writers import TextWriter
from newslens.plugins import PluginError, new_plugin_manager
from newslens.schema import check_span_texts, validate
from newslens.testing import check_enricher

HEADLINE = "Council approves budget"
BODY = (
    "The city council did not approve the budget on Monday, officials said.\n"
    "Shares of Acme Foods rose sharply in Tuesday trading. "
    "Acme Foods shares fell sharply in Tuesday trading, brokers said.\n"
    '"The new factory in Brill opened in May," said Ann Lee, the plant manager.'
)
CLEAN_HEADLINE = "Ferris library reopens after renovation"
CLEAN = (
    "The Ferris county library reopened on Saturday after a two-year renovation. "
    "About 400 visitors came on the first day, the librarian said. "
    "The building now has a reading garden and a children's wing."
)
# Two sentences sharing two content words (harbour, ferry) that no rule can compare:
# no negation, antonym, number or date between them.
FERRY_A = "The harbour ferry leaves Port Ellen at noon"
FERRY_B = "The harbour ferry was painted blue in the spring"
FERRY = f"{FERRY_A}. {FERRY_B}."
TOLD = "The council did not approve the budget."
SPAN_KEYS = {"start", "end", "text"}


def analyze(
    body: str = BODY, headline: str | None = HEADLINE, options: Mapping[str, Any] | None = None
) -> Document:
    if options:
        return newslens.Pipeline(backend="lite", options=options)(
            Document.create(body, headline=headline)
        )
    return newslens.analyze(body, headline=headline, backend="lite")


def result_of(doc: Document) -> ContradictionResult:
    result = doc[CONTRADICTIONS]
    assert isinstance(result, ContradictionResult)
    return result


def squash(text: str) -> str:
    """*text* without whitespace or box-drawing characters (a wrapped report cell, joined)."""
    return "".join(ch for ch in text if not ch.isspace() and not "\u2500" <= ch <= "\u257f")


# -- installation and contract ---------------------------------------------------------


def test_plugin_is_installed(newslens_plugin_manager: pluggy.PluginManager) -> None:
    assert newslens_plugin_manager.get_plugin("contradictions") is newslens_contradictions
    caller = newslens_plugin_manager.hook.newslens_contradictions_nli
    assert caller.spec is not None
    assert caller.spec.opts["firstresult"] is True
    assert caller.get_hookimpls() == []  # no model is shipped


def test_the_option_is_declared() -> None:
    declared = {o.name: o for o in plugins.collect_options(plugins.get_plugin_manager()).items}
    option = declared[THRESHOLD_OPTION.name]
    assert option.plugin == "contradictions"
    assert option.default == 0.5


def test_contract() -> None:
    assert check_enricher(make_enricher(), [BODY, FERRY, CLEAN, TOLD, "No. Not never."],
                          max_examples=25) > 0


def test_contract_after_dates_and_quotes() -> None:
    upstream = [newslens_dates.make_enricher(), newslens_quotes.make_enricher()]
    assert check_enricher(make_enricher(threshold=0.0), [BODY, FERRY, CLEAN],
                          upstream=upstream, max_examples=10) > 0


def test_pipeline_stores_a_result() -> None:
    result = result_of(analyze())
    assert result.threshold == 0.5
    assert result.pairs >= len(result.findings) > 0
    kinds = {f.kind for f in result.findings}
    assert "negation" in kinds
    assert all(isinstance(f, Finding) for f in result)


# -- JSON section ------------------------------------------------------------------------


def check_span(span: Any, text: str) -> None:
    assert set(span) >= SPAN_KEYS
    assert 0 <= span["start"] <= span["end"] <= len(text)
    assert span["text"] == text[span["start"] : span["end"]]


def test_json_section() -> None:
    doc = analyze()
    data = doc.to_dict()
    validate(data)
    check_span_texts(data)
    section = data["contradictions"]
    assert isinstance(section, list)
    assert len(section) == len(result_of(doc).findings) > 0
    for item in section:
        assert set(item) == {"kind", "scope", "a", "b", "confidence", "explanation", "pieces",
                             "detector"}
        assert item["kind"] in KINDS
        assert item["scope"] in SCOPES
        check_span(item["a"], data["text"])
        check_span(item["b"], data["text"])
        assert item["a"]["start"] < item["b"]["start"]
        assert 0 < item["confidence"] <= 1
        assert isinstance(item["explanation"], str) and item["explanation"]
        assert isinstance(item["pieces"], list) and len(item["pieces"]) == 2
        assert isinstance(item["detector"], str) and item["detector"]
    first = section[0]
    assert (first["kind"], first["scope"]) == ("negation", "headline_body")
    assert first["a"]["text"] == HEADLINE
    json.dumps(data)  # JSON-ready


def test_json_section_of_a_clean_article_is_empty() -> None:
    data = analyze(CLEAN, headline=CLEAN_HEADLINE).to_dict()
    assert data["contradictions"] == []
    validate(data)


def test_no_section_or_block_without_the_enrichment() -> None:
    doc = newslens.annotate(TOLD, headline=HEADLINE, backend="lite")
    assert newslens_contradictions.newslens_json_section(doc) is None
    assert newslens_contradictions.newslens_report_blocks(doc) is None


# -- report block --------------------------------------------------------------------------


def test_report_block_lists_and_marks_the_findings() -> None:
    doc = analyze()
    result = result_of(doc)
    (block,) = newslens_contradictions.newslens_report_blocks(doc) or []
    assert block.title == "Contradictions"
    rows = dict(block.rows)
    assert rows["findings"] == str(len(result.findings))
    values = [value for _, value in block.rows]
    marks = {(m.start, m.end, m.label): m for m in block.marks}
    for n, finding in enumerate(result.findings, 1):
        assert finding.explanation in values
        for side, name in ((finding.a, "a"), (finding.b, "b")):
            mark = marks[(side.start, side.end, f"contradiction {n}{name}: {finding.kind}")]
            assert mark.note == finding.explanation
            assert mark.group == f"contradiction-{n}"
    assert [m.start for m in block.marks] == sorted(m.start for m in block.marks)
    assert all(0 <= m.start <= m.end <= len(doc.text) for m in block.marks)


def test_report_block_of_a_clean_article() -> None:
    (block,) = newslens_contradictions.newslens_report_blocks(
        analyze(CLEAN, headline=CLEAN_HEADLINE)) or []
    assert dict(block.rows) == {"findings": "0"}
    assert block.marks == ()


def test_report_block_reaches_the_document_output() -> None:
    doc = analyze()
    assert doc.output is not None
    blocks = [b for b in doc.output.blocks if b.title == "Contradictions"]
    assert len(blocks) == 1 and blocks[0].plugin == "contradictions"


def test_text_report_includes_the_explanation() -> None:
    doc = analyze()
    stream = io.StringIO()
    TextWriter(stream, width=1000).write(doc)
    report = stream.getvalue()
    assert "Contradictions" in report
    for finding in result_of(doc).findings:
        assert finding.explanation in report


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "budget.txt"
    path.write_text(f"{HEADLINE}\n\n{BODY}\n", encoding="utf-8")
    return path


def test_cli_text_report_includes_the_explanation(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    status = main(["analyze", str(article), "--backend", "lite", "--format", "text",
                   "-o", str(out)])
    assert status == EXIT_OK
    report = out.read_text("utf-8")
    assert "Contradictions" in report
    expected = result_of(analyze()).findings[0].explanation
    assert squash(expected) in squash(report)  # the 100-column report wraps it


def test_cli_json_has_the_section(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    status = main(["analyze", str(article), "--backend", "lite", "--format", "json",
                   "-o", str(out)])
    assert status == EXIT_OK
    data = json.loads(out.read_text("utf-8"))
    validate(data)
    assert [f["kind"] for f in data["contradictions"]][:1] == ["negation"]


# -- the threshold option ------------------------------------------------------------------


def test_a_high_threshold_drops_the_findings_below_it() -> None:
    low = result_of(analyze(options={"contradictions.threshold": 0.0}))
    high = result_of(analyze(options={"contradictions.threshold": 0.95}))
    assert high.threshold == 0.95
    assert any(f.confidence < 0.95 for f in low.findings)
    assert all(f.confidence >= 0.95 for f in high.findings)
    assert set(high.findings) <= set(low.findings)
    assert high.findings == ()  # no built-in rule is that sure


@pytest.mark.parametrize("value", [0, 1, "0.7", 0.25])
def test_thresholds_in_range_are_accepted(value: Any) -> None:
    result = result_of(analyze(options={"contradictions.threshold": value}))
    assert result.threshold == float(value)
    assert all(f.confidence >= float(value) for f in result.findings)


@pytest.mark.parametrize("value", ["abc", "", True])
def test_a_threshold_that_is_no_number_is_an_option_error(value: Any) -> None:
    with pytest.raises(OptionError, match="contradictions.threshold"):
        newslens.Pipeline(backend="lite", options={"contradictions.threshold": value})


@pytest.mark.parametrize("value", [2, -0.1, "1.5", "nan"])
def test_a_threshold_out_of_range_is_an_option_error(value: Any) -> None:
    with pytest.raises(OptionError, match="contradictions.threshold"):
        newslens.Pipeline(backend="lite", options={"contradictions.threshold": value})


@pytest.mark.parametrize("value", [2, -0.1, "nan"])
def test_a_threshold_out_of_range_is_reported_naming_the_option(value: Any) -> None:
    """What a user sees today: an error naming the option, one way or another."""
    with pytest.raises((OptionError, PluginError), match="contradictions.threshold"):
        newslens.Pipeline(backend="lite", strict=True,
                          options={"contradictions.threshold": value})
    try:
        pipeline = newslens.Pipeline(backend="lite", options={"contradictions.threshold": value})
    except OptionError as exc:
        assert "contradictions.threshold" in str(exc)
        return
    doc = pipeline(Document.create(TOLD, headline=HEADLINE))
    errors = [d for d in doc.diagnostics if d.level == "error" and d.plugin == "contradictions"]
    assert errors and all("contradictions.threshold" in d.message for d in errors)
    assert CONTRADICTIONS not in doc


def test_cli_rejects_a_threshold_that_is_no_number(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["analyze", str(article), "--backend", "lite", "-O",
                   "contradictions.threshold=abc", "-o", str(tmp_path / "out.json")])
    assert status == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("newslens: error: ") and "contradictions.threshold" in err
    assert "Traceback" not in err


def test_cli_rejects_a_threshold_out_of_range(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["analyze", str(article), "--backend", "lite", "-O",
                   "contradictions.threshold=2", "-o", str(tmp_path / "out.json")])
    assert status == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("newslens: error: ") and "contradictions.threshold" in err


# -- the NLI hook ----------------------------------------------------------------------------

Scorer = Callable[[str, str], "Mapping[str, float] | None"]


class ModelNLI:
    """A stand-in for a natural-language-inference model: *score* decides, calls are kept."""

    def __init__(self, score: Scorer) -> None:
        self.score = score
        self.calls: list[tuple[str, str]] = []

    @hookimpl
    def newslens_contradictions_nli(
        self, premise: str, hypothesis: str
    ) -> Mapping[str, float] | None:
        self.calls.append((premise, hypothesis))
        return self.score(premise, hypothesis)


def on_pair(first: str, second: str, answer: Mapping[str, float]) -> Scorer:
    """A scorer that answers for the pair (*first*, *second*) and abstains elsewhere."""

    def score(premise: str, hypothesis: str) -> Mapping[str, float] | None:
        return answer if (premise, hypothesis) == (first, second) else None

    return score


def manager(*extra: object) -> pluggy.PluginManager:
    return new_plugin_manager(
        entry_points=False,
        plugins=[newslens_dates, newslens_quotes, newslens_contradictions, *extra],
    )


def run(pm: pluggy.PluginManager, body: str, headline: str | None = None,
        options: Mapping[str, Any] | None = None) -> Document:
    pipeline = newslens.Pipeline(backend="lite", plugins=pm, options=options)
    return pipeline(Document.create(body, headline=headline, published="2024-03-08"))


def test_without_an_implementation_the_hook_is_not_used() -> None:
    pm = manager()
    assert pm.hook.newslens_contradictions_nli.has_spec()
    assert nli_of(pm) is None
    assert nli_of(None) is None
    assert nli_of(new_plugin_manager(entry_points=False)) is None  # no spec at all
    assert result_of(run(pm, FERRY)).findings == ()


def test_nli_of_calls_the_hook() -> None:
    model = ModelNLI(lambda p, h: {"contradiction": 0.25})
    score = nli_of(manager(model))
    assert score is not None
    assert score("It rained.", "It did not rain.") == {"contradiction": 0.25}
    assert model.calls == [("It rained.", "It did not rain.")]


def test_the_model_finds_what_no_rule_does() -> None:
    assert result_of(run(manager(), FERRY)).findings == ()
    model = ModelNLI(on_pair(FERRY_A, FERRY_B, {"contradiction": 0.9, "neutral": 0.1}))
    doc = run(manager(model), FERRY)
    (finding,) = result_of(doc).findings
    assert (finding.kind, finding.scope, finding.detector) == ("other", "body", "nli")
    assert finding.confidence == pytest.approx(0.9)
    assert (finding.a.text, finding.b.text) == (FERRY_A, FERRY_B)
    assert finding.pieces == ("", "")
    assert model.calls == [(FERRY_A, FERRY_B)]  # the earlier statement is the premise
    (item,) = doc.to_dict()["contradictions"]
    assert (item["kind"], item["detector"], item["confidence"]) == ("other", "nli", 0.9)


def test_a_model_below_the_threshold_finds_nothing() -> None:
    model = ModelNLI(on_pair(FERRY_A, FERRY_B, {"contradiction": 0.4}))
    assert result_of(run(manager(model), FERRY)).findings == ()
    assert model.calls


def test_a_high_threshold_keeps_a_surer_model() -> None:
    model = ModelNLI(on_pair(FERRY_A, FERRY_B, {"contradiction": 0.97}))
    doc = run(manager(model), FERRY, options={"contradictions.threshold": 0.95})
    assert [f.confidence for f in result_of(doc).findings] == [pytest.approx(0.97)]


def test_the_model_is_averaged_with_a_rule() -> None:
    (rule,) = result_of(run(manager(), TOLD, HEADLINE)).findings
    assert (rule.kind, rule.detector) == ("negation", "negation")
    premise, hypothesis = rule.a.text, rule.b.text
    model = ModelNLI(on_pair(premise, hypothesis, {"contradiction": 0.4}))
    (both,) = result_of(run(manager(model), TOLD, HEADLINE)).findings
    assert (both.kind, both.detector, both.a, both.b) == ("negation", "negation", rule.a, rule.b)
    assert both.confidence == pytest.approx((rule.confidence + 0.4) / 2)
    assert model.calls == [(premise, hypothesis)]


@pytest.mark.parametrize("answer", [None, {}, {"entailment": 0.9, "neutral": 0.1}])
def test_a_model_that_abstains_changes_nothing(answer: Mapping[str, float] | None) -> None:
    body = f"{FERRY}\n{BODY}"
    plain = result_of(run(manager(), body, HEADLINE))
    model = ModelNLI(lambda p, h: answer)
    abstained = result_of(run(manager(model), body, HEADLINE))
    assert model.calls  # asked, and said nothing
    assert abstained.findings == plain.findings
    assert plain.findings


def test_the_first_model_that_answers_wins() -> None:
    silent = ModelNLI(lambda p, h: None)
    sure = ModelNLI(on_pair(FERRY_A, FERRY_B, {"contradiction": 0.8}))
    (finding,) = result_of(run(manager(sure, silent), FERRY)).findings
    assert finding.confidence == pytest.approx(0.8)
    assert silent.calls and sure.calls


def test_the_model_is_asked_only_about_pairs_sharing_two_words() -> None:
    model = ModelNLI(lambda p, h: None)
    doc = run(manager(model), "The mayor opened the bridge. The budget was large.",
              "Council approves budget")
    assert model.calls == []
    assert result_of(doc).findings == ()


def crash(premise: str, hypothesis: str) -> Mapping[str, float] | None:
    raise RuntimeError("the model crashed")


def test_a_model_that_raises_spares_the_rules_and_the_other_plugins() -> None:
    body = f'{BODY}\n"The work will be finished by spring," Ana Ruiz said on Tuesday.'
    pm = manager(ModelNLI(crash))
    doc = run(pm, body, HEADLINE)
    plain = run(manager(), body, HEADLINE)
    # the rules' findings stand: the section is the one made without any model
    assert doc[CONTRADICTIONS].findings == plain[CONTRADICTIONS].findings
    assert doc[CONTRADICTIONS].findings  # (the headline is contradicted in the body)
    assert doc[newslens_dates.TIMEXES] == plain[newslens_dates.TIMEXES]
    assert doc[newslens_quotes.QUOTES] == plain[newslens_quotes.QUOTES]
    assert doc.to_dict()["contradictions"] == plain.to_dict()["contradictions"]
    assert not [d for d in doc.diagnostics if d.level == "error"]
    (warning,) = [d for d in doc.diagnostics if d.level == "warning"]
    assert warning.plugin == "contradictions"
    assert "RuntimeError('the model crashed')" in warning.message
    assert "rules alone" in warning.message


def test_a_model_that_raises_does_not_fail_a_strict_pipeline() -> None:
    pipeline = newslens.Pipeline(backend="lite", plugins=manager(ModelNLI(crash)), strict=True)
    doc = pipeline(Document.create(FERRY))
    assert CONTRADICTIONS in doc
    assert any("the model crashed" in d.message for d in doc.diagnostics)


def test_model_scores_are_read_as_floats() -> None:
    model = ModelNLI(on_pair(FERRY_A, FERRY_B, {"contradiction": 1}))
    (finding,) = result_of(run(manager(model), FERRY)).findings
    assert isinstance(finding.confidence, float) and math.isclose(finding.confidence, 1.0)


@pytest.mark.parametrize("score", [math.nan, 1.7])
def test_a_model_score_outside_0_1_makes_no_bad_finding(score: float) -> None:
    model = ModelNLI(on_pair(FERRY_A, FERRY_B, {"contradiction": score}))
    for finding in result_of(run(manager(model), FERRY)).findings:
        assert 0 < finding.confidence <= 1


def test_a_model_sure_there_is_no_contradiction_makes_no_finding() -> None:
    model = ModelNLI(on_pair(FERRY_A, FERRY_B, {"contradiction": 0.0, "entailment": 1.0}))
    doc = run(manager(model), FERRY, options={"contradictions.threshold": 0.0})
    assert result_of(doc).findings == ()
