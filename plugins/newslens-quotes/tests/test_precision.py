"""Shapes where the weakest rules were wrong most often on PolNeAR's training split, and
their must-fire counterparts (lite annotator)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import QuoteResult, find_quotes

import newslens


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, backend="lite"))


# -- reported-after: the content before ", X said" must read as a clause ----------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The ferry was late again, the captain said, adding that the crew was tired.",
         "The ferry was late again", "the captain"),
        ("Rents have doubled since 2019, Ana Ruiz said, adding that tenants were angry.",
         "Rents have doubled since 2019", "Ana Ruiz"),
    ],
)
def test_a_clause_before_the_attribution_is_reported(
    text: str, content: str, speaker: str
) -> None:
    first = find(text).quotes[0]
    assert (first.how, first.text) == ("reported-after", content)
    assert first.speaker is not None and first.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "For her part, Ruiz declined.",
        "Through a spokesman, Becker declined.",
        "Until Friday, however, the council refused.",
        "On Sunday, the ministry disclosed.",
    ],
)
def test_an_opening_phrase_is_no_content(text: str) -> None:
    assert [q for q in find(text).quotes if q.how == "reported-after"] == []


_OPENINGS = st.sampled_from(["For", "Through", "Until", "On", "In", "After", "Like"])
_NOUNS = st.sampled_from(["her part", "a spokesman", "Friday", "the harbour", "the vote"])
_NAMES = st.sampled_from(["Ruiz", "Becker", "the council", "the mayor"])
_CUES = st.sampled_from(["declined", "refused", "recalled", "objected", "praised"])


@settings(max_examples=30, deadline=None)
@given(_OPENINGS, _NOUNS, _NAMES, _CUES)
def test_no_verb_before_the_attribution_reports_nothing(
    opening: str, noun: str, name: str, cue: str
) -> None:
    text = f"{opening} {noun}, {name} {cue}."
    assert not any(q.how == "reported-after" for q in find(text).quotes), text


# -- "state" after a capitalised word is a noun: a place or a name --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Battleground state Florida is nearly 3% Polish American.",
        "Most Southern states that will hold contests in March have large harbours.",
        "Florida isn't a Super Tuesday state, but both candidates had reasons to be there.",
    ],
)
def test_state_after_a_capitalised_word_is_no_cue(text: str) -> None:
    cues = [q.cue.text.lower() for q in find(text).quotes if q.cue is not None]
    assert not [c for c in cues if "state" in c], cues


def test_a_cue_after_state_as_a_noun_reports_its_clause() -> None:
    (quote,) = find(
        "The New York state attorney general is confirming that the ferry company is not "
        "registered."
    ).quotes
    assert quote.text == "that the ferry company is not registered"
    assert quote.cue is not None and quote.cue.text == "confirming"


def test_state_after_a_pronoun_is_a_cue() -> None:
    (quote,) = find("They state that the ferry will run again in June.").quotes
    assert quote.text == "that the ferry will run again in June"


# -- a stranded preposition or the particle "up" after the cue is no content --------------


@pytest.mark.parametrize(
    "text",
    [
        "Customers got credit cards in the mail they never asked for or just were confused.",
        "In all, those promises add up to more than $8.5 million.",
        "The deficits would add up to $1.5 trillion over ten years.",
    ],
)
def test_a_stranded_preposition_or_up_starts_no_content(text: str) -> None:
    assert find(text).quotes == (), find(text).quotes


def test_a_preposition_with_its_object_still_starts_a_content() -> None:
    (quote,) = find("Ruiz asked for a new vote on the harbour levy.").quotes
    assert quote.text == "for a new vote on the harbour levy"


_PREPOSITIONS = st.sampled_from(["for", "about", "with"])
_AFTER = st.sampled_from(["or just were confused", "and never got", "or wanted"])


@settings(max_examples=20, deadline=None)
@given(_PREPOSITIONS, _AFTER)
def test_a_stranded_preposition_is_never_a_content(preposition: str, after: str) -> None:
    text = f"They got cards in the mail they never asked {preposition} {after}."
    assert not [q for q in find(text).quotes if q.text.startswith(preposition)]


# -- a closing attribution around a whole statement of speech is not a second quote --------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Lind also said the videos do not show whether the driver had anything in his hands, "
         "the footage showed.", "the videos do not show"),
        ("''I am better with my hands than with my brain,'' said Robin Maynard, half joking.",
         "I am better with my hands"),
        ("Sources told the Gazette, however, that the mayor did chime in, a point Ruiz also "
         "acknowledged.", "that the mayor did chime in"),
    ],
)
def test_a_closing_attribution_around_a_statement_is_dropped(text: str, kept: str) -> None:
    quotes = find(text).quotes
    assert [q.how for q in quotes if q.how == "reported-after"] == [], quotes
    assert any(kept in q.text for q in quotes), quotes


# -- "to" and a bare verb after the cue is its complement, not a closing attribution's adjunct


def test_an_infinitive_after_the_cue_is_its_content() -> None:
    (quote,) = find(
        "Still, in a sign of how her rivals tread gingerly around her, Ms. Ruiz declined to "
        "criticize the mayor."
    ).quotes
    assert (quote.how, quote.text) == ("reported", "to criticize the mayor")


@pytest.mark.parametrize("adjunct", ["to reporters", "to the crowd", "to me"])
def test_to_and_an_addressee_after_the_cue_stays_an_adjunct(adjunct: str) -> None:
    (quote,) = find(f"The ferry was late again, the captain said {adjunct}.").quotes
    assert quote.text == "The ferry was late again"


# -- "went on to" a verb that is no cue, and "or" after a cue, report nothing --------------


@pytest.mark.parametrize(
    "text",
    [
        "Reagan went on to win that year in a landslide.",
        "The mayor went on to lose the vote that spring.",
        "Stock market declines or a bunch of these things at once can ruin the plan.",
    ],
)
def test_went_on_to_win_and_a_content_opening_with_or_report_nothing(text: str) -> None:
    assert find(text).quotes == (), find(text).quotes


def test_went_on_to_say_still_reports() -> None:
    quotes = find(
        "Sanders said the debate was insane, going on to say that the country has spent years "
        "fighting racism."
    ).quotes
    assert [q.text for q in quotes] == [
        "the debate was insane", "that the country has spent years fighting racism",
    ]


# -- a plural noun that is also a cue, right before a finite auxiliary, is its subject -----


def test_a_plural_noun_before_an_auxiliary_is_no_cue() -> None:
    assert find("Health worries have dogged the mayor since she collapsed in May.").quotes == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ruiz worries the pier will not open in time.", "the pier will not open in time"),
        ("She worries the ferry will be late again.", "the ferry will be late again"),
        ("The fears were unfounded, the harbour master concluded on Monday.",
         "The fears were unfounded"),
    ],
)
def test_the_verb_worries_and_a_plural_subject_still_report(text: str, content: str) -> None:
    assert [q.text for q in find(text).quotes] == [content]
