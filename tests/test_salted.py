"""Prose salted with web text is analysed as the prose alone (lite annotator).

The strategies of newslens.testing.strategies make prose and the same prose
with URLs, handles, IDs, markup, embedded posts and boilerplate lines put in;
the analysis of the noisy text, read on the prose's own spans, must be the
analysis of the prose.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslens import Document, webtext
from newslens.annotators.lite import LiteAnnotator
from newslens.testing.strategies import (
    SaltedText,
    boilerplate_lines,
    salted_texts,
    web_noise,
)

LITE = LiteAnnotator()


def prose_view(doc: Document, salted: SaltedText | None = None) -> dict[str, Any]:
    """The analysis of *doc* on the prose's spans (mapped to the clean text when salted)."""
    skip = [(p.start, p.end) for p in doc.boilerplate]

    def mapped(start: int, end: int) -> tuple[int, int]:
        if salted is None:
            return start, end
        span = salted.clean_span(start, end)
        assert span is not None, f"prose token {doc.text[start:end]!r} is not from the prose"
        return span

    prose = [i for i, t in enumerate(doc.tokens)
             if t.kind is None and not webtext.in_spans(skip, t.start)]
    spans = {i: mapped(doc.tokens[i].start, doc.tokens[i].end) for i in prose}
    sentences = [tuple(spans[i] for i in range(s.token_start, s.token_end) if i in spans)
                 for s in doc.sentences]
    paragraphs = [tuple(span for i, span in spans.items() if p.start <= doc.tokens[i].start < p.end)
                  for p in doc.paragraphs]
    return {
        "tokens": [(spans[i], doc.tokens[i].text) for i in prose],
        "sentences": [s for s in sentences if s],
        "paragraphs": [p for p in paragraphs if p],
        "entities": [(*mapped(e.start, e.end), e.label) for e in doc.entities],
    }


@settings(max_examples=150, deadline=None)
@given(salted_texts())
def test_lite_reads_salted_prose_as_the_prose(salted: SaltedText) -> None:
    clean = LITE.annotate(Document.create(salted.clean))
    noisy = LITE.annotate(Document.create(salted.noisy))
    assert not clean.tokens.has("kind") and not clean.boilerplate
    assert prose_view(noisy, salted) == prose_view(clean)


@settings(max_examples=60, deadline=None)
@given(salted_texts())
def test_every_piece_put_in_is_web_text_or_boilerplate(salted: SaltedText) -> None:
    noisy = LITE.annotate(Document.create(salted.noisy))
    skip = [(p.start, p.end) for p in noisy.boilerplate]
    for token in noisy.tokens:
        if salted.clean_span(token.start, token.end) is None:
            assert token.kind is not None or webtext.in_spans(skip, token.start), token


@settings(max_examples=60, deadline=None)
@given(web_noise())
def test_web_noise_is_one_token_with_a_kind(piece: str) -> None:
    doc = LITE.annotate(Document.create(f"The council met. {piece} It voted."))
    assert [t.text for t in doc.tokens if t.kind] == [piece]


@settings(max_examples=60, deadline=None)
@given(boilerplate_lines())
def test_boilerplate_lines_are_found_whole(line: str) -> None:
    body = f"The council met.\n{line}\nIt voted."
    assert [body[s:e] for s, e, _ in webtext.find_boilerplate(body)] == [line]


def test_web_noise_refuses_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        web_noise(("url", "gif"))


@given(st.data())
def test_web_noise_of_one_kind_gives_tokens_of_that_kind(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(webtext.TOKEN_KINDS))
    piece = data.draw(web_noise((kind,)))
    doc = LITE.annotate(Document.create(f"They met. {piece} Then left."))
    assert [t.kind for t in doc.tokens if t.kind] == [kind]


def test_clean_span_maps_copied_text_only() -> None:
    salted = SaltedText("Ab. Cd.", "Ab. @x Cd.", ((0, 0, 4), (4, 7, 3)))
    assert salted.clean_span(7, 10) == (4, 7)
    assert salted.clean_span(4, 6) is None
    assert salted.clean_span(0, 8) is None


@settings(max_examples=60, deadline=None)
@given(salted_texts())
def test_not_prose_spans_hold_the_noise_and_no_prose(salted: SaltedText) -> None:
    noisy = LITE.annotate(Document.create(salted.noisy))
    spans = noisy.not_prose_spans()
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))  # sorted, apart
    assert all(start < end for start, end in spans)
    for token in noisy.tokens:
        inside = webtext.in_spans(spans, token.start)
        if salted.clean_span(token.start, token.end) is None:
            assert inside, token  # every piece put in is left out...
        elif token.kind is None and not webtext.in_spans(
            [(p.start, p.end) for p in noisy.boilerplate], token.start
        ):
            assert not inside, token  # ...and no word of the prose is


def test_not_prose_spans_join_touching_stretches() -> None:
    text = "Ask <b>@ana</b> and #tag now."
    doc = LITE.annotate(Document.create(text))
    assert [text[s:e] for s, e in doc.not_prose_spans()] == ["<b>@ana</b>", "#tag"]
    assert LITE.annotate(Document.create("Plain words only.")).not_prose_spans() == ()
