"""Cues the lexicon lacked, counted on PolNeAR's training split (``polnear-train frequency``
rows of ``data/cues.tsv``): each group fires in its frame and stays quiet where the word is
no statement (lite annotator; example sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import Quote, builtin_cues, find_quotes

import newslens

OneQuote = Callable[..., Quote]  # the one_quote fixture (conftest.py)


def quotes(text: str) -> tuple[Quote, ...]:
    return find_quotes(newslens.annotate(text, backend="lite")).quotes


def only(text: str) -> Quote:
    found = quotes(text)
    assert len(found) == 1, found
    return found[0]


FREQUENCY = "polnear-train frequency"

GROUPS = {
    # verbs of criticism: the criticised thing or the claim is the content
    "criticism": ("rail against", "rebuke", "take aim at"),
    # verbs that set out a view or a memory
    "setting out": (
        "lay out", "underscore", "speculate", "hint", "open up about", "envision",
    ),
    # only before "that" (a memory of a thing is no statement: remember the flood)
    "that": ("remember",),
    # a vote as a stand on a measure
    "vote": ("vote against",),
    # an addressee brought round to an act (like persuade)
    "object": ("convince",),
    # views and forecasts; imagine only with a named holder and a clause
    "views": ("extol", "foresee", "posit", "balk at"),
    "complement": ("imagine",),
}

FRAME_OF_GROUP = {"that": "that", "object": "object", "complement": "complement"}


def test_every_group_row_is_in_the_lexicon_with_its_source() -> None:
    rows = {" ".join(cue.words): cue for cue in builtin_cues()}
    for name, group in GROUPS.items():
        for words in group:
            assert words in rows, words
            assert rows[words].source.startswith(FREQUENCY), rows[words]
            assert rows[words].frame == FRAME_OF_GROUP.get(name, "speech"), rows[words]


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("The senator railed against the new toll on the ferry.",
         "the new toll on the ferry", "railed against", "The senator"),
        ("Ana Ruiz rebuked the council for closing the library.",
         "the council for closing the library", "rebuked", "Ana Ruiz"),
        ("Tom Becker took aim at the port authority over the delays.",
         "the port authority over the delays", "took aim at", "Tom Becker"),
    ],
)
def test_criticism_cues_fire(
    text: str, content: str, cue: str, speaker: str, one_quote: OneQuote
) -> None:
    one_quote(text, content, cue, speaker, kind="indirect")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The chief laid out a plan to rebuild the pier.", "a plan to rebuild the pier",
         "laid out"),
        ("Ana Ruiz underscored that the shelter was full.", "that the shelter was full",
         "underscored"),
        ("The engineer speculated that the cable had snapped in the cold.",
         "that the cable had snapped in the cold", "speculated"),
        ("The mayor hinted that she would run again.", "that she would run again", "hinted"),
        ("Tom Becker opened up about his years on the council.",
         "his years on the council", "opened up about"),
        ("The fire chief remembered that the alarm never rang.",
         "that the alarm never rang", "remembered"),
        ("The planner envisioned a park along the whole river front.",
         "a park along the whole river front", "envisioned"),
    ],
)
def test_setting_out_cues_fire(text: str, content: str, cue: str) -> None:
    quote = only(text)
    assert quote.kind == "indirect"
    assert quote.text.rstrip(".") == content
    assert quote.cue is not None and quote.cue.text == cue


def test_vote_against_fires_with_the_measure_as_content() -> None:
    quote = only("Councillor Dana Whitfield voted against the new parking fees.")
    assert quote.text.rstrip(".") == "the new parking fees"
    assert quote.cue is not None and quote.cue.text == "voted against"
    assert quote.speaker is not None and "Whitfield" in quote.speaker.text


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("The mayor convinced the council to delay the vote.",
         "the council to delay the vote", "convinced", "The mayor"),
        ("Ana Ruiz extols the new ferry schedule.", "the new ferry schedule", "extols",
         "Ana Ruiz"),
        ("The union imagines that the strike will be short.",
         "that the strike will be short", "imagines", "The union"),
        ("Tom Becker foresees a long fight over the budget.",
         "a long fight over the budget", "foresees", "Tom Becker"),
        ("The economist posited that rents would fall.", "that rents would fall", "posited",
         "The economist"),
        ("The council balked at the cost of the repairs.", "the cost of the repairs",
         "balked at", "The council"),
    ],
)
def test_views_and_addressee_cues_fire(
    text: str, content: str, cue: str, speaker: str, one_quote: OneQuote
) -> None:
    one_quote(text, content, cue, speaker, kind="indirect")


@pytest.mark.parametrize(
    "text",
    [
        # convince, imagine as no statement: a state, a command, an adjective
        "She was convinced.",
        "Imagine a city without cars.",
        "The evidence was convincing.",
        "Volunteers painted the school as a gift.",  # paint (as): measured, left out
        # the same words as no statement: a rail, a cable laid, a vote for someone, a hint
        "The storm ripped the roof off the old barn.",  # rip: measured, left out
        "She held the rail of the ferry against the wind.",
        "The crew laid the cable along the river bed.",
        "Residents voted for a new school board on Tuesday.",
        "The cat lashed its tail.",
        "The hint of rain kept the crowds away.",
        "A memorial helps people remember the flood.",
    ],
)
def test_the_words_without_a_statement_give_no_quote(text: str) -> None:
    assert quotes(text) == ()


WORDS = (
    "The", "mayor", "railed", "against", "rebuked", "took", "aim", "at",
    "out", "laid", "underscored", "speculated", "hinted", "opened", "up", "about",
    "remembered", "envisioned", "voted", "convinced", "extols", "imagines", "foresees",
    "posited", "balked", "that", "the", "plan", "Ruiz", ",", ".", "said",
    "\"", "no", "she",
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_new_cues_give_well_formed_quotes_on_any_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    doc = newslens.annotate(text, backend="lite")
    for quote in find_quotes(doc).quotes:
        assert quote.text == doc.text[quote.start : quote.end]
        assert quote.text.strip()
        if quote.cue is not None:
            assert not (quote.start < quote.cue.end and quote.cue.start < quote.end) or quote.parts
