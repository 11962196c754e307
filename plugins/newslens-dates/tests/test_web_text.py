"""Web text is no prose: dates in markup, URLs, IDs, boilerplate and names are not read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from newslens_dates import (
    TIMEXES,
    TimexResult,
    find_document_timexes,
    find_timexes,
    find_timexes_in,
)
from newslens_dates.prose import overlaps, text_spans

from newslens import Document, webtext
from newslens.annotators.lite import LiteAnnotator
from newslens.io.loaders import parse_txt
from newslens.testing.strategies import SaltedText, salted_texts

LITE = LiteAnnotator()
DCT = "2024-03-15"


def found(text: str, **kwargs: Any) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, DCT, **kwargs)]


def view(result: TimexResult, salted: SaltedText | None = None) -> list[tuple[Any, ...]]:
    """The timexes on the prose's spans (mapped to the clean text when salted)."""
    out = []
    for t in result.timexes:
        span = (t.start, t.end) if salted is None else salted.clean_span(t.start, t.end)
        out.append((span, t.text, t.type, t.value, t.mod, t.anchor, t.tid))
    return out


def document_timexes(text: str) -> TimexResult:
    doc = LITE.annotate(Document.create(text, published=DCT))
    result = find_document_timexes(doc)[TIMEXES]
    assert isinstance(result, TimexResult)
    return result


@settings(max_examples=80, deadline=None)
@given(salted_texts())
def test_salted_prose_has_the_timexes_of_the_prose(salted: SaltedText) -> None:
    assert view(document_timexes(salted.noisy), salted) == view(document_timexes(salted.clean))


@settings(max_examples=80, deadline=None)
@given(salted_texts())
def test_plain_text_leaves_web_text_out_too(salted: SaltedText) -> None:
    noisy, clean = find_timexes(salted.noisy, DCT), find_timexes(salted.clean, DCT)
    assert view(noisy, salted) == view(clean)


MARKUP = '<tweet id="747986907162877952" author="@ana" datetime="2016-06-29">'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{MARKUP}The vote was held on Friday.</tweet>", [("Friday", "DATE", "2024-03-15")]),
        ("See https://example.com/2016-06-29/vote: the vote was held on Friday.",
         [("Friday", "DATE", "2024-03-15")]),
        ("Rain fell on Friday.\n— Ana Ruiz (@anaruiz) June 28, 2016\nIt stopped.",
         [("Friday", "DATE", "2024-03-15")]),
    ],
)
def test_dates_in_web_text_are_not_read(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected
    everything = find_timexes_in(text, dt.date(2024, 3, 15))
    assert len(everything.timexes) > len(expected)  # read when nothing is left out
    assert [(t.text, t.type, t.value) for t in document_timexes(text).timexes] == expected


def test_a_left_out_date_is_no_anchor() -> None:
    text = f"{MARKUP}Two days later the rain stopped.</tweet>"
    everything = find_timexes_in(text, dt.date(2024, 3, 15))
    assert [t.value for t in everything.timexes][-1] == "2016-07-01"
    assert found(text) == [("Two days later", "DATE", "2024-03-17")]


@pytest.mark.parametrize(
    "text",
    ["The Daily Beast reported the vote.", "He wrote for the Weekly Standard.",
     "Daily Mail editors met.", "A piece in The Monthly Review ran."],
)
def test_set_words_in_names_are_not_sets(text: str) -> None:
    assert found(text) == []
    assert document_timexes(text).timexes == ()


@pytest.mark.parametrize(
    ("text", "word"),
    [("The paper comes out daily.", "daily"), ("Weekly, the council meets.", "Weekly"),
     ("Markets Open Daily\n", "Daily")],
)
def test_set_words_outside_names_are_sets(text: str, word: str) -> None:
    headline = text.endswith("\n")
    assert [(t.text, t.type) for t in find_timexes(text, DCT, headline=headline)] == [(word, "SET")]


def test_spans() -> None:
    spans = webtext.joined_spans([(5, 10), (0, 3), (9, 12)])
    assert spans == ((0, 3), (5, 12))
    assert not overlaps(spans, 3, 5) and overlaps(spans, 4, 6) and not overlaps(spans, 12, 14)
    text = "Mail desk@example.com about #VoteNow by Friday."
    assert [text[s:e] for s, e in text_spans(text)] == ["desk@example.com", "#VoteNow"]


NOISY = sorted((Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "noisy").glob("*.txt"))


def test_there_are_noisy_articles() -> None:
    assert len(NOISY) == 20


@pytest.mark.parametrize("path", NOISY, ids=lambda p: p.stem)
def test_the_noisy_article_has_the_timexes_of_the_clean_one(path: Path) -> None:
    salted = SaltedText.from_marked(path.read_text(encoding="utf-8"))
    clean, noisy = (LITE.annotate(parse_txt(text)) for text in (salted.clean, salted.noisy))
    clean_result, noisy_result = (find_document_timexes(d)[TIMEXES] for d in (clean, noisy))
    assert view(noisy_result, salted) == view(clean_result)
    assert clean_result.timexes  # every article has dates


@pytest.mark.parametrize(
    "text",
    [
        "She left in 2019. Workers stayed.",
        "The plant closed in 2019. Police said nothing.",
        "It opened in 2019; troops left a year later.",
        "They met in 2019, people said.",
    ],
)
def test_a_year_ending_its_clause_is_read_whatever_word_comes_next(text: str) -> None:
    # the next clause's first word ("Workers", "Police") is no unit after the year
    assert ("2019", "DATE", "2019") in found(text)
    assert "2019" in [t.text for t in find_timexes(text, DCT).timexes]


@pytest.mark.parametrize("text", ["They hired 2019 workers.", "A crowd of 2019 people came."])
def test_a_year_before_a_noun_of_amounts_is_still_no_year(text: str) -> None:
    assert found(text) == []
