"""Web text is no prose: its quotation marks are not paired, it is never a speaker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from newslens_quotes import QuoteResult, TextSpan, find_quotes
from newslens_quotes.marks import find_quoted, trimmed

from newslens import Document
from newslens.annotators.lite import LiteAnnotator
from newslens.io.loaders import parse_txt
from newslens.testing.strategies import SaltedText, salted_texts

LITE = LiteAnnotator()


def quotes(text: str) -> QuoteResult:
    return find_quotes(LITE.annotate(Document.create(text)))


def view(result: QuoteResult, salted: SaltedText | None = None) -> list[tuple[Any, ...]]:
    """Each quote with its cue and speaker spans (mapped to the clean text when salted)."""

    def span(value: TextSpan | None) -> Any:
        if value is None:
            return None
        return (value.start, value.end) if salted is None else salted.clean_span(
            value.start, value.end
        )

    return [
        (span(q), q.kind, span(q.cue), span(q.speaker), q.speaker_name, q.confidence, q.how,
         [span(p) for p in q.parts])
        for q in result.quotes
    ]


def speakers(result: QuoteResult) -> list[tuple[str, str, int]]:
    return [(s.name, s.kind, s.quotes) for s in result.speakers]


@settings(max_examples=80, deadline=None)
@given(salted_texts())
def test_salted_prose_has_the_quotes_of_the_prose(salted: SaltedText) -> None:
    noisy, clean = quotes(salted.noisy), quotes(salted.clean)
    assert view(noisy, salted) == view(clean)
    assert speakers(noisy) == speakers(clean)


MARKUP = '<tweet id="747986907162877952" author="@ana" datetime="2016-06-29">'


@pytest.mark.parametrize(
    "text",
    [
        f'{MARKUP}Rain fell, the mayor said.</tweet> "We will rebuild the bridge," he said.',
        'See <a href="https://example.org/x">the plan</a>. "We will rebuild," she said.',
        'Read https://example.org/a"b"c now. "We will rebuild," she said.',
    ],
)
def test_marks_in_web_text_are_not_paired(text: str) -> None:
    found = [text[q.start:q.end] for q in quotes(text).quotes if q.kind == "direct"]
    assert found == ["We will rebuild the bridge,"] if "bridge" in text else ["We will rebuild,"]
    everything = find_quoted(text, [(0, len(text))])
    assert len(everything) > 1  # read when nothing is left out


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the bridge next year," said @anaruiz.',
        '"We will rebuild the bridge next year," said https://t.co/Ab12cd.',
        '"We will rebuild the bridge next year," said 747986907162877952.',
    ],
)
def test_web_text_is_never_a_speaker(text: str) -> None:
    result = quotes(text)
    assert result.quotes  # the quote is found ...
    assert all(q.speaker is None for q in result.quotes)  # ... with no speaker
    assert result.speakers == ()


def test_a_handle_is_no_subject() -> None:
    text = "@anaruiz said the council would rebuild the bridge next year."
    assert all("@" not in (q.speaker.text if q.speaker else "") for q in quotes(text).quotes)
    assert quotes("Ana Ruiz said the council would rebuild the bridge next year.").quotes


def test_a_handle_after_a_speaker_is_left_out() -> None:
    text = "As one city engineer @anaruiz pointed out, the bridge is old and needs repairs."
    (quote,) = quotes(text).quotes
    assert quote.speaker is not None and quote.speaker.text == "one city engineer"


def test_a_quote_does_not_run_into_a_tag() -> None:
    text = f'The mayor spoke.\n"We will rebuild the bridge next year. {MARKUP}'
    (quote,) = quotes(text).quotes
    assert text[quote.start:quote.end] == "We will rebuild the bridge next year."


def test_trimmed() -> None:
    text = "@ana Rain fell. <b>"
    assert trimmed(text, 0, len(text), [(0, 4), (16, 19)]) == (5, 15)
    assert trimmed(text, 0, len(text), []) == (0, len(text))
    assert trimmed(text, 0, 4, [(0, 4)]) == (4, 4)


NOISY = sorted((Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "noisy").glob("*.txt"))


def test_there_are_noisy_articles() -> None:
    assert len(NOISY) == 20


@pytest.mark.parametrize("path", NOISY, ids=lambda p: p.stem)
def test_the_noisy_article_has_the_quotes_of_the_clean_one(path: Path) -> None:
    salted = SaltedText.from_marked(path.read_text(encoding="utf-8"))
    clean, noisy = (find_quotes(LITE.annotate(parse_txt(text)))
                    for text in (salted.clean, salted.noisy))
    assert view(noisy, salted) == view(clean)
    assert speakers(noisy) == speakers(clean)
    assert clean.quotes  # every article has quotes


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('"Proud of my friend @ana_ruiz for fixing the pier," she wrote.',
         "Proud of my friend @ana_ruiz for fixing the pier,"),
        # web text at either end stays out of the content
        ("“Thank you Ostend! #HarbourDays” the mayor tweeted on Friday.", "Thank you Ostend!"),
        ('"Read the plan at https://example.org/plan before the vote," Ortega said.',
         "Read the plan at https://example.org/plan before the vote,"),
        ('".@ana_ruiz put the pier ahead of the school budget," Lee tweeted.',
         ".@ana_ruiz put the pier ahead of the school budget,"),
    ],
)
def test_a_quotation_runs_over_a_handle_a_hashtag_or_a_url(text: str, content: str) -> None:
    found = [q for q in quotes(text).quotes if q.kind == "direct"]
    assert [text[q.start:q.end] for q in found] == [content]
    assert found[0].speaker is not None and "@" not in found[0].speaker.text


def test_markup_still_cuts_a_quotation() -> None:
    text = '"We will rebuild <b class="x">the bridge," she said.'
    tag = (text.index("<"), text.index(">") + 1)
    spans = find_quoted(text, [(0, len(text))], [tag])
    assert spans and all(not (q.open < tag[0] < q.close) for q in spans)
    assert any(q.open < tag[0] < q.close for q in find_quoted(text, [(0, len(text))]))
