"""Confidence: each rule's measured precision (data/confidence.tsv), and the
``quotes.min_confidence`` option that filters on it."""

from __future__ import annotations

import math
from importlib import resources
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslens_quotes import KINDS, MIN_CONFIDENCE_OPTION, QUOTES, find_quotes, make_enricher
from newslens_quotes.confidence import confidence, cue_key, table
from newslens_quotes.engine import check_confidence

import newslens
from newslens import OptionError
from newslens.cli import main
from newslens.testing.strategies import news_texts

ARTICLE = (
    '"We will rebuild the pier before the summer season," said Dana Whitfield, the chief. '
    "The pier opened in 1950.\n"
    '"The money is already there and the work starts next month."\n'
    "Mayor Tom Becker said the school would reopen on Monday.\n\n"
    '"An odd thing to say at a funeral, all things considered, for anyone."\n'
)


def _rows() -> list[list[str]]:
    text = resources.files("newslens_quotes").joinpath("data", "confidence.tsv").read_text()
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def test_the_table_holds_measured_precisions() -> None:
    rows = _rows()
    assert len(rows) >= 20
    pooled_n: dict[str, int] = {}
    pooled_hits: dict[str, int] = {}
    for how, _, _, _, _, predicted, matched in rows:
        pooled_n[how] = pooled_n.get(how, 0) + int(predicted)
        pooled_hits[how] = pooled_hits.get(how, 0) + int(matched)
    overall = sum(pooled_hits.values()) / sum(pooled_n.values())
    for how, speaker, kind, cue, value, predicted, matched in rows:
        assert speaker in ("yes", "no")
        assert kind in KINDS
        assert cue == "*" or cue == cue.lower().strip()
        assert 0 < float(value) < 1
        n, hits = int(predicted), int(matched)
        assert 0 <= hits <= n
        # smoothed: between the row's precision, its rule's and all rules' (rounding aside)
        bounds = (hits / n, pooled_hits[how] / pooled_n[how], overall)
        assert min(bounds) - 0.006 <= float(value) <= max(bounds) + 0.006, how
        if n >= 300:  # enough predictions: the confidence is the precision itself
            assert abs(float(value) - hits / n) <= 0.011, how


def test_the_table_is_read_by_rule_speaker_and_cue() -> None:
    rows = {
        (how, speaker == "yes", kind, cue): float(value)
        for how, speaker, kind, cue, value, *_ in _rows()
    }
    assert table() == rows
    after = ("after-quote", True, "direct", "*")
    assert confidence("after-quote", True, "direct", 0.1) == rows[after]
    assert confidence("after-quote", False, "direct", 0.1) == rows[("after-quote", False,
                                                                     "direct", "*")]
    assert confidence("after-quote", True, "direct", 0.1, "say") == rows[after]
    assert confidence("reported", True, "indirect", 0.1, "want") == rows[
        ("reported", True, "indirect", "want")
    ]
    assert confidence("reported", True, "mixed", 0.1) != confidence("reported", True,
                                                                      "indirect", 0.1)
    assert confidence("no-such-rule", True, "direct", 0.33) == 0.33  # the rule's own estimate
    assert cue_key(["Call", "for"]) == "call for"


@pytest.mark.parametrize("text", [
    "The union wants to strike before the end of the month.",
    "Ortega wanted the council to wait until the audit was done.",
    "She wants to run for the Senate seat next year.",
])
def test_a_frame_measured_apart_has_its_own_confidence(text: str) -> None:
    (quote,) = find_quotes(newslens.annotate(text)).quotes
    assert quote.how == "reported"
    assert quote.confidence == table()[("reported", True, "indirect", "want")]
    assert quote.confidence < table()[("reported", True, "indirect", "*")]


def test_a_quote_carries_its_rules_confidence() -> None:
    result = find_quotes(newslens.annotate(ARTICLE))
    by_how = {q.how: q for q in result.quotes}
    assert {"after-quote", "reported", "inherited"} <= set(by_how)
    for q in result.quotes:
        named = q.speaker is not None or q.speaker_name is not None
        assert q.confidence == table()[(q.how, named, q.kind, "*")]
    assert by_how["after-quote"].confidence > by_how["reported"].confidence
    assert by_how["reported"].confidence > by_how["inherited"].confidence


def test_min_confidence_leaves_out_the_less_sure_quotes() -> None:
    doc = newslens.annotate(ARTICLE)
    everything = find_quotes(doc)
    assert len(everything.quotes) >= 3
    threshold = sorted({q.confidence for q in everything.quotes})[1]
    kept = find_quotes(doc, min_confidence=threshold)
    assert kept.quotes == tuple(q for q in everything.quotes if q.confidence >= threshold)
    assert 0 < len(kept.quotes) < len(everything.quotes)
    assert [(c.name, c.mentions) for c in kept.clusters] == [
        (c.name, c.mentions) for c in everything.clusters
    ]
    for cluster in kept.clusters:  # the numbers are those of the quotes left
        assert all(kept.quotes[n].speaker_name == cluster.name for n in cluster.quotes)
    for speaker in kept.speakers:
        assert speaker.quotes
        assert all(kept.quotes[n].speaker_name == speaker.name for n in speaker.quotes)
    assert find_quotes(doc, min_confidence=1.0).quotes == ()
    assert find_quotes(doc, min_confidence=0.0) == everything


def test_a_speaker_with_no_quote_left_is_dropped() -> None:
    doc = newslens.annotate(ARTICLE)
    everything = find_quotes(doc)
    becker = [q for q in everything.quotes if q.speaker_name == "Tom Becker"]
    assert becker and any(s.name == "Tom Becker" for s in everything.speakers)
    above = max(q.confidence for q in becker) + 0.001
    kept = everything.at_least(above)
    assert all(s.name != "Tom Becker" for s in kept.speakers)
    assert any(s.name == "Tom Becker" for s in kept.clusters)


@pytest.mark.parametrize("value", [-0.1, 1.5, math.nan, True, "high", None])
def test_a_bad_threshold_is_a_value_error(value: Any) -> None:
    with pytest.raises(ValueError, match="from 0 to 1"):
        check_confidence(value)
    with pytest.raises(ValueError, match="from 0 to 1"):
        find_quotes(newslens.annotate("She said no."), min_confidence=value)
    with pytest.raises(ValueError, match="from 0 to 1"):
        make_enricher(min_confidence=value)


@pytest.mark.parametrize("value", ["-0.5", "1.01", "nan", "often", 2])
def test_a_bad_option_value_is_an_option_error(value: Any) -> None:
    with pytest.raises(OptionError, match="quotes.min_confidence"):
        newslens.Pipeline(backend="lite", options={"quotes.min_confidence": value})


def test_the_option_filters_the_pipelines_quotes() -> None:
    plain = newslens.Pipeline(backend="lite")(ARTICLE)[QUOTES]
    threshold = sorted({q.confidence for q in plain.quotes})[-1]
    strict = newslens.Pipeline(backend="lite", options={"quotes.min_confidence": str(threshold)})
    quotes = strict(ARTICLE)[QUOTES].quotes
    assert quotes and all(q.confidence >= threshold for q in quotes)
    assert len(quotes) < len(plain.quotes)
    assert MIN_CONFIDENCE_OPTION.default == 0.0


def test_the_option_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "quotes.min_confidence" in out
    assert "float from 0 to 1" in out


@given(news_texts(), st.floats(min_value=0, max_value=1))
def test_filtering_keeps_exactly_the_quotes_at_or_above(text: str, threshold: float) -> None:
    doc = newslens.annotate(text)
    everything = find_quotes(doc)
    kept = everything.at_least(threshold)
    assert kept.quotes == tuple(q for q in everything.quotes if q.confidence >= threshold)
    assert all(0 <= q.confidence <= 1 for q in everything.quotes)
    counted = sorted(n for s in kept.speakers for n in s.quotes)
    named = [n for n, q in enumerate(kept.quotes) if q.speaker_name is not None]
    assert counted == named
