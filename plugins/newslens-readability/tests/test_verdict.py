"""The verdict in words, its bands, and the warnings where a figure means little."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslens_readability import REPORT, readability, score_text
from newslens_readability.verdict import (
    BANDS,
    LONG_SENTENCE,
    NEWS_GRADES,
    describe_grade,
    grade_band,
    long_sentence_warnings,
    news_comparison,
    verdict,
)

from newslens.testing.plugin import DocumentFactory

NEWS = (
    "The city council approved a budget of $4.5 million for the harbour bridge on Tuesday, "
    "ending a dispute that had lasted for more than two years. Mayor Ana Ruiz said the "
    "repairs would begin in the spring and take about eighteen months. Opponents argued "
    "that the money should have gone to schools, and several residents spoke against the "
    "plan at a meeting that ran late into the evening. The bridge, which opened in 1962, "
    "carries about 30,000 vehicles a day. Engineers found cracks in two of its supports "
    "last year, and heavy lorries have been banned from it since then. The council will "
    "ask for bids from builders next month."
)


@pytest.mark.parametrize(
    ("grade", "name", "reader"),
    [
        (-3.0, "very easy", "an 11-year-old"),
        (5.99, "very easy", "an 11-year-old"),
        (6.0, "easy", "a 12-year-old"),
        (6.99, "easy", "a 12-year-old"),
        (7.0, "fairly easy", "a 13-year-old"),
        (7.99, "fairly easy", "a 13-year-old"),
        (8.0, "standard", "a 14- or 15-year-old"),
        (9.99, "standard", "a 14- or 15-year-old"),
        (10.0, "fairly hard", "a high-school reader"),
        (12.99, "fairly hard", "a high-school reader"),
        (13.0, "hard", "a college reader"),
        (15.99, "hard", "a college reader"),
        (16.0, "very hard", "a graduate"),
        (187.8, "very hard", "a graduate"),
    ],
)
def test_band_boundaries(grade: float, name: str, reader: str) -> None:
    band = grade_band(grade)
    assert (band.name, band.reader) == (name, reader)


def test_bands_are_in_order() -> None:
    limits = [band.below for band in BANDS]
    assert limits == sorted(limits) and math.isinf(limits[-1])


@pytest.mark.parametrize(
    ("grade", "comparison"),
    [
        (10.99, "easier than most news"),
        (NEWS_GRADES[0], "about as hard as most news"),
        (12.5, "about as hard as most news"),
        (NEWS_GRADES[1], "about as hard as most news"),
        (14.01, "harder than most news"),
    ],
)
def test_news_comparison_boundaries(grade: float, comparison: str) -> None:
    assert news_comparison(grade) == comparison


def test_describe_grade() -> None:
    assert describe_grade(14.6) == (
        "hard: a college reader; harder than most news (Flesch-Kincaid grade 14.6)"
    )
    assert describe_grade(5.0) == (
        "very easy: an 11-year-old; easier than most news (Flesch-Kincaid grade 5.0)"
    )
    assert describe_grade(None) == "no verdict: there is nothing to score"
    assert describe_grade(float("nan")) == "no verdict: there is nothing to score"


@given(st.floats(allow_nan=True, allow_infinity=True) | st.none())
def test_describe_grade_never_fails(grade: float | None) -> None:
    assert describe_grade(grade)


def test_verdict_is_doubtful_when_a_warning_says_so() -> None:
    plain = verdict(12.0)
    assert not plain.endswith("see the warnings")
    assert verdict(12.0, ["only 40 words: scores are unreliable under 100 words"]) == (
        plain + "; doubtful: see the warnings"
    )
    assert verdict(12.0, ["smog_index: low confidence: 3 sentences"]) == plain


def test_long_sentence_warnings() -> None:
    assert long_sentence_warnings([(LONG_SENTENCE, "fine")], 300) == ()
    (one,) = long_sentence_warnings([(480, "a b c d e f g h i j")], 480)
    assert one == (
        "one sentence has 480 words (“a b c d e f g h…”): the text may lack punctuation; "
        "the grade levels are not meaningful"
    )
    (two,) = long_sentence_warnings([(120, "x y"), (150, "p q")], 2000)
    assert two.startswith(f"2 sentences have more than {LONG_SENTENCE} words, the longest 150")
    assert two.endswith("the grade levels may be too high")


def test_unpunctuated_text_warns_and_its_verdict_is_doubtful() -> None:
    words = "the council said it would rebuild the old harbour bridge after complaints"
    text = " ".join([words] * 40)  # 480 words, no punctuation
    report = score_text(text)
    assert report.body.counts.sentences == 1
    assert any(
        w.startswith("one sentence has 480 words (“the council said it would rebuild the old…”)")
        and w.endswith("the grade levels are not meaningful")
        for w in report.warnings
    )
    assert report.verdict.startswith("very hard: a graduate; harder than most news")
    assert report.verdict.endswith("; doubtful: see the warnings")


def test_news_text_gets_a_verdict_and_no_such_warning(make_document: DocumentFactory) -> None:
    report = readability(make_document(NEWS))[REPORT]
    assert not any("lack punctuation" in w for w in report.warnings)
    grade = report.body["flesch_kincaid_grade"]
    assert grade is not None
    assert report.verdict == describe_grade(grade)
    assert report.to_dict()["verdict"] == report.verdict


def test_empty_text_has_no_verdict() -> None:
    assert score_text("   ").verdict == "no verdict: there is nothing to score"
