"""The quotes plugin on real stanza output (tags, lemmas, heads, entities), built from CoNLL-U.

stanza builds its ``Document`` from CoNLL-U without any model; the core's stanza
backend converts it, so these tests run the plugin on what the stanza backend gives.
The fixtures are analyses written by hand for these sentences.
"""

from __future__ import annotations

from pathlib import Path

from newslens_quotes import QuoteResult, find_quotes
from stanza.utils.conll import CoNLL

import newslens
from newslens import Document
from newslens.annotators.stanza import from_stanza

FIXTURES = Path(__file__).parent / "fixtures"
REPORTED = "The mayor said that the bridge will reopen."
ARTICLE = (
    "“The bridge will reopen in May,” said Dana Whitfield, the fire chief. "
    "She added that crews had worked through the night. "
    "The report on the fire is due in June."
)


def stanza_document(name: str, text: str) -> Document:
    sdoc = CoNLL.conll2doc(input_str=(FIXTURES / name).read_text("utf-8"))
    sdoc.text = text
    return from_stanza(Document.create(text), [(0, sdoc)])


def kinds_and_texts(result: QuoteResult) -> list[tuple[str, str]]:
    return [(q.kind, q.text.rstrip(".")) for q in result.quotes]


def test_fixtures_are_stanza_documents() -> None:
    doc = stanza_document("article.conllu", ARTICLE)
    assert doc.backend == "stanza"
    assert doc.tokens.column("upos")[:3] == ("PUNCT", "DET", "NOUN")
    assert [e.text for e in doc.entities if e.label == "PERSON"] == ["Dana Whitfield"]


def test_reported_speech_on_stanza() -> None:
    doc = stanza_document("reported.conllu", REPORTED)
    (quote,) = find_quotes(doc).quotes
    assert quote.kind == "indirect"
    assert quote.text.rstrip(".") == "that the bridge will reopen"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text == "The mayor"


def test_direct_quote_and_reported_speech_on_stanza() -> None:
    doc = stanza_document("article.conllu", ARTICLE)
    result = find_quotes(doc)
    direct, reported = result.quotes  # "The report on the fire" is a noun, not a cue
    assert direct.kind == "direct"
    assert direct.text == "The bridge will reopen in May,"
    assert direct.cue is not None and direct.cue.text == "said"
    assert direct.speaker is not None and direct.speaker.text.startswith("Dana Whitfield")
    assert reported.kind == "indirect"
    assert reported.text.rstrip(".") == "that crews had worked through the night"
    assert reported.cue is not None and reported.cue.text == "added"
    assert reported.speaker is not None and reported.speaker.text == "She"
    for quote in result.quotes:
        for span in (quote.cue, quote.speaker):
            assert span is not None and span.text == doc.text[span.start : span.end]


def test_canonical_speaker_on_stanza() -> None:
    result = find_quotes(stanza_document("article.conllu", ARTICLE))
    assert [q.speaker_name for q in result.quotes] == ["Dana Whitfield", "Dana Whitfield"]
    (speaker,) = result.speakers
    assert (speaker.name, len(speaker.quotes), speaker.kind) == ("Dana Whitfield", 2, "person")


def test_stanza_and_lite_find_the_same_quotes() -> None:
    for name, text in (("reported.conllu", REPORTED), ("article.conllu", ARTICLE)):
        tagged = find_quotes(stanza_document(name, text))
        lite = find_quotes(newslens.annotate(text, backend="lite"))
        assert kinds_and_texts(tagged) == kinds_and_texts(lite)


UNLISTED = (
    "“Not this year,” Tom Becker shot back. "
    "In a statement, the chief turned to the board, saying: “We will rebuild.”"
)


def test_speakers_from_tags_on_stanza() -> None:
    # a verb outside the lexicon after a quote, told by its tag; a sentence subject past an
    # opening adjunct (ADP) for a cue with no speaker of its own
    doc = stanza_document("unlisted.conllu", UNLISTED)
    first, second = find_quotes(doc).quotes
    assert first.text == "Not this year,"
    assert first.cue is not None and first.cue.text == "shot back"
    assert first.speaker is not None and first.speaker.text == "Tom Becker"
    assert second.text == "We will rebuild."
    assert second.cue is not None and second.cue.text == "saying"
    assert second.speaker is not None and second.speaker.text == "the chief"
    lite = find_quotes(newslens.annotate(UNLISTED, backend="lite"))
    assert [(q.cue and q.cue.text, q.speaker and q.speaker.text) for q in lite.quotes] == [
        ("shot back", "Tom Becker"), ("saying", "the chief")
    ]


PARTIAL = "The senator depicted the audit as “a fishing trip.” Protesters chanted “Save the pier!”"


def test_partial_quotes_on_stanza() -> None:
    doc = stanza_document("partial.conllu", PARTIAL)
    characterised, uttered = find_quotes(doc).quotes
    assert (characterised.kind, characterised.how) == ("mixed", "characterised")
    assert characterised.text == "the audit as “a fishing trip.”"
    assert characterised.cue is not None and characterised.cue.text == "depicted"
    assert characterised.speaker is not None and characterised.speaker.text == "The senator"
    assert (uttered.kind, uttered.how, uttered.text) == ("direct", "uttered", "Save the pier!")
    assert uttered.speaker is not None and uttered.speaker.text == "Protesters"


AHEAD = (
    "The ferry will stay docked until May, a harbour engineer told reporters. "
    "Former tenants of the tower said they had complained for years."
)


def test_closing_attribution_and_long_subject_on_stanza() -> None:
    doc = stanza_document("ahead.conllu", AHEAD)
    found = {q.how: q for q in find_quotes(doc).quotes}
    closing = found["content-ahead"]
    assert closing.text == "The ferry will stay docked until May"
    assert closing.speaker is not None and closing.speaker.text == "a harbour engineer"
    assert closing.cue is not None and closing.cue.text == "told"
    reported = [q for q in find_quotes(doc).quotes if q.cue is not None and q.cue.text == "said"]
    assert [q.text.rstrip(".") for q in reported] == ["they had complained for years"]
    assert reported[0].speaker is not None and "tenants" in reported[0].speaker.text
