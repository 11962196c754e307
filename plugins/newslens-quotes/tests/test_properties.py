"""Properties of find_quotes and find_quoted on arbitrary text (hypothesis, bounded by the
project's profile)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import KINDS, QuoteResult, TextSpan, find_quotes
from newslens_quotes.marks import find_quoted
from newslens_quotes.words import (
    Words,
    is_verb,
    sentence_subject,
    speaker_before,
    speaker_with_apposition,
    subject_phrase,
)

from newslens import Document
from newslens.testing.strategies import annotated_documents, news_texts, texts

MARKS = ('"', "“", "”", "‘", "’", "'", "«", "»", "„", "''", "``")
WORDS = (
    "said", "says", "told", "reporters", "added", "adding", "warned", "according", "to",
    "that", "she", "he", "they", "the", "mayor", "spokeswoman", "officials", "Dana",
    "Whitfield", "President", "Alvarez", "O'Brien", "don't", "players'", "we", "will",
    "rebuild", "—", ",", ".", ":", "?", "\n", "\n\n", "  ", "(D-Ohio)", "(", ")", "62",
    "the fire chief,", "who", "an engineer for the county",
)


@st.composite
def quote_texts(draw: st.DrawFn) -> str:
    """Text made of news words and quotation marks of every kind, with line breaks."""
    pieces = draw(st.lists(st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS)),
                           max_size=60))
    spaces = draw(st.lists(st.sampled_from(["", " ", " ", "\n"]), min_size=len(pieces),
                           max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, spaces, strict=True))


BODIES = st.one_of(quote_texts(), news_texts(max_paragraphs=3), texts(max_size=80))
DOCUMENTS = annotated_documents(body=BODIES)


def check_span(span: TextSpan, doc: Document) -> None:
    assert 0 <= span.start <= span.end <= len(doc.text)
    assert span.text == doc.text[span.start : span.end]


def check_result(result: QuoteResult, doc: Document) -> None:
    starts = [q.start for q in result.quotes]
    assert starts == sorted(starts)
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= len(doc.text)
        if len(quote.parts) <= 1:  # a quote in parts is checked in test_direct
            assert quote.text == doc.text[quote.start : quote.end]
        for span in (*quote.parts, quote.cue, quote.speaker):
            if span is not None:
                check_span(span, doc)
        assert quote.kind in KINDS
        assert 0.0 <= quote.confidence <= 1.0
    names = [s.name for s in result.speakers]
    assert len(names) == len(set(names))
    for quote in result.quotes:
        assert quote.speaker_name is None or quote.speaker_name in names
    with_name = Counter(q.speaker_name for q in result.quotes if q.speaker_name is not None)
    assert sum(len(s.quotes) for s in result.speakers) == sum(with_name.values())
    for speaker in result.speakers:
        assert len(speaker.quotes) == with_name[speaker.name]
        for mention in speaker.mentions:
            check_span(mention, doc)
    for cluster in result.clusters:
        for mention in cluster.mentions:
            check_span(mention, doc)


@settings(deadline=None)
@given(DOCUMENTS)
def test_find_quotes_keeps_its_invariants(doc: Document) -> None:
    check_result(find_quotes(doc), doc)


@settings(deadline=None)
@given(DOCUMENTS)
def test_find_quotes_without_inheritance_keeps_its_invariants(doc: Document) -> None:
    check_result(find_quotes(doc, inherit=False), doc)


@st.composite
def paragraphed(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.one_of(quote_texts(), texts(max_size=80)))
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return text, spans


@settings(deadline=None)
@given(paragraphed())
def test_find_quoted_spans_are_ordered_and_in_the_text(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    text, paragraphs = case
    found = find_quoted(text, paragraphs)
    assert [q.open for q in found] == sorted(q.open for q in found)
    for quoted in found:
        assert 0 <= quoted.open < quoted.start <= quoted.end <= len(text)
        assert quoted.paragraphs >= 1
        if quoted.closed:
            assert text[quoted.close] in "\"“”‘’'«»„"
        if quoted.single:
            assert quoted.paragraphs == 1 and "\n" not in text[quoted.start : quoted.end]


@settings(deadline=None)
@given(DOCUMENTS, st.data())
def test_speakers_before_a_cue_lie_between_the_bound_and_the_cue(
    doc: Document, data: st.DataObject
) -> None:
    words = Words(doc)
    if not len(words):
        return
    cue = data.draw(st.integers(0, len(words) - 1))
    lo = data.draw(st.integers(0, cue))
    for finder in (speaker_before, speaker_with_apposition):
        found = finder(words, cue, lo)
        if found is not None:
            first, end = found
            assert lo <= first < end <= cue
            assert not words.is_punct(first)
    named = speaker_with_apposition(words, cue, lo)
    if named is not None:
        assert named[0] == lo and "," in words.text[named[1] : cue]


@settings(deadline=None)
@given(DOCUMENTS, st.data())
def test_subjects_lie_inside_the_sentence_before_the_cue(
    doc: Document, data: st.DataObject
) -> None:
    words = Words(doc)
    if not len(words):
        return
    before = data.draw(st.integers(0, len(words)))
    lo = data.draw(st.integers(0, before))
    for found in (sentence_subject(words, lo, before), subject_phrase(words, lo, before)
                  if lo < before else None):
        if found is not None:
            assert lo <= found[0] < found[1] <= before
    for k in range(len(words)):
        assert is_verb(words, k) in (True, False)
