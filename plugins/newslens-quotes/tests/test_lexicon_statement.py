"""The second round of cues the lexicon lacked (``polnear-train frequency`` rows of
``data/cues.tsv``): verbs of giving a statement (the ``statement`` frame), ``reportedly``,
``sum up`` and verbs of disputing; each fires in its frame and stays quiet where the word
is no statement (lite annotator; example sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import FRAMES, Quote, builtin_cues, find_quotes

import newslens

OneQuote = Callable[..., Quote]  # the one_quote fixture (conftest.py)


def quotes(text: str) -> tuple[Quote, ...]:
    return find_quotes(newslens.annotate(text, backend="lite")).quotes


def only(text: str) -> Quote:
    found = quotes(text)
    assert len(found) == 1, found
    return found[0]


GROUPS = {
    "statement": ("offer", "deliver", "share", "issue", "voice", "extend", "air", "lodge"),
    "clause": ("reportedly",),
    "speech": ("sum up", "dispute", "refute", "contradict"),
}


def test_the_rows_are_in_the_lexicon_in_their_frame() -> None:
    assert "statement" in FRAMES
    rows = {" ".join(cue.words): cue for cue in builtin_cues()}
    for frame, group in GROUPS.items():
        for words in group:
            assert rows[words].frame == frame, rows[words]
            assert rows[words].source.startswith("polnear-train frequency"), rows[words]


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("The governor offered his thoughts on the new budget.",
         "the new budget", "offered", "The governor"),  # PolNeAR: what the thoughts are on
        ("Ana Ruiz offered the crowd a blunt assessment of the race.",
         "the crowd a blunt assessment of the race", "offered", "Ana Ruiz"),
        ("The fire chief shared her concerns about the old ferry.",
         "the old ferry", "shared", "The fire chief"),
        ("Tom Becker voiced doubts about the new toll.", "the new toll",
         "voiced", "Tom Becker"),
        ("The harbour master issued a warning about the storm.",
         "a warning about the storm", "issued", "The harbour master"),
        ("The mayor delivered a sharp rebuke to the council.", "a sharp rebuke to the council",
         "delivered", "The mayor"),
    ],
)
def test_a_verb_of_giving_a_statement_fires(
    text: str, content: str, cue: str, speaker: str, one_quote: OneQuote
) -> None:
    one_quote(text, content, cue, speaker, kind="indirect")


@pytest.mark.parametrize(
    "text",
    [
        # a thing given, not a statement
        "The store offered a discount on shoes.",
        "The council offered residents a free bus pass.",
        "She shared a photo of the ferry with friends.",
        "The courier delivered the mail on Monday.",
        "The city issued new parking permits.",
        # the occasion of a statement, whose words come elsewhere
        "The senator delivered a speech in Ohio.",
        "The party issued a statement on Tuesday.",
        # the noun after a preposition: no statement given
        "The bank offered loans for the repair of old houses with leaky roofs.",
    ],
)
def test_a_verb_of_giving_a_thing_gives_no_quote(text: str) -> None:
    assert quotes(text) == ()


def test_reportedly_reads_the_clause_around_it() -> None:
    quote = only("The mayor reportedly wants to close the pier.")
    assert quote.kind == "indirect"
    assert quote.cue is not None and quote.cue.text == "reportedly"
    assert quote.speaker is None
    assert quote.parts is not None
    assert [p.text for p in quote.parts] == ["The mayor", "wants to close the pier"]
    assert quote.how == "clause"


def test_reportedly_with_nothing_before_it_gives_no_quote() -> None:
    assert quotes("Reportedly, the talks broke down.") == ()


def test_sum_up_fires_with_its_content() -> None:
    quote = only("Ana Ruiz summed up the debate as a draw.")
    assert quote.text.rstrip(".") == "the debate as a draw"
    assert quote.cue is not None and quote.cue.text == "summed up"
    assert quote.speaker is not None and quote.speaker.text == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Ana Ruiz disputed the figures in the report.", "the figures in the report",
         "disputed", "Ana Ruiz"),
        ("The council refuted the claim that the pier was unsafe.",
         "the claim that the pier was unsafe", "refuted", "The council"),
        ("Tom Becker contradicted his own spokesman on the toll.",
         "his own spokesman on the toll", "contradicted", "Tom Becker"),
        ("She disputes that the pier is unsafe.", "that the pier is unsafe", "disputes", "She"),
    ],
)
def test_a_verb_of_disputing_fires(text: str, content: str, cue: str, speaker: str) -> None:
    quote = only(text)
    assert quote.text.rstrip(".") == content
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The contract dispute lasted months.",  # the bare noun
        "Labor disputes are common here.",
        "The dispute over the pier dragged on.",
    ],
)
def test_a_dispute_as_a_noun_gives_no_quote(text: str) -> None:
    assert quotes(text) == ()


WORDS = (
    "The", "mayor", "offered", "shared", "voiced", "issued", "delivered", "his", "her",
    "thoughts", "concerns", "a", "warning", "discount", "speech", "reportedly", "summed",
    "up", "on", "the", "plan", "Ruiz", ",", ".", "said", "\"", "that", "she", "dispute",
    "disputed", "contract",
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_new_cues_give_well_formed_quotes_on_any_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    doc = newslens.annotate(text, backend="lite")
    for quote in find_quotes(doc).quotes:
        assert quote.text == doc.text[quote.start : quote.end]
        assert quote.text.strip()
        if quote.cue is not None and quote.cue.text in ("offered", "shared", "voiced"):
            # a statement cue fires only with a noun of what is said after it
            after = doc.text[quote.cue.end :].split()[:6]
            assert any(w in ("thoughts", "concerns", "warning") for w in after), text


@pytest.mark.parametrize(
    "text",
    ["mayor reportedly", "The ferry reportedly.", "The ferry reportedly. It was late."],
)
def test_a_clause_cue_with_nothing_after_it_reports_nothing(text: str) -> None:
    # found by the word-salad property: a clause cue ending its text used to raise
    assert quotes(text) == ()


def test_a_clause_cue_reports_the_clause_that_follows_it() -> None:
    quote = only("The ferry reportedly left the harbour at dawn.")
    assert quote.cue is not None and quote.cue.text == "reportedly"
    assert quote.text.endswith("left the harbour at dawn")
