"""``X called THING WHAT``, no quotation marks (the ``named`` rule): the thing named may
be a longer noun phrase, with a preposition, a name or a possessive in it (``called the
closure of the old pier in Marlow Bay a mistake``), but no clause or purpose; a second verb
of the sentence's subject after ``and`` or ``but`` names for that subject (lite
annotator; sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from newslens_quotes import Quote, find_quotes

import newslens

OneQuote = Callable[..., Quote]  # the one_quote fixture (conftest.py)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The mayor called the closure of the old pier in Marlow Bay a mistake.",
         "the closure of the old pier in Marlow Bay a mistake", "The mayor"),
        ("Residents called the new toll on Ruiz's bridge a tax on the poor.",
         "the new toll on Ruiz's bridge a tax on the poor", "Residents"),
        ("She called the police shootings across the country a moment of reckoning.",
         "the police shootings across the country a moment of reckoning", "She"),
        # as before: a short thing
        ("Ruiz called the levy a mistake.", "the levy a mistake", "Ruiz"),
    ],
)
def test_a_longer_thing_named_and_what_it_is_called(
    text: str, content: str, speaker: str, one_quote: OneQuote
) -> None:
    quote = one_quote(text, content, "called", speaker, kind="indirect")
    assert quote.how == "named"


@pytest.mark.parametrize(
    "text",
    [
        "She recently called in to a radio show about the pier.",
        "The council called the harbour master to a hearing in May.",
        "Ruiz called Yahoo News to ask for a retraction.",
        "He called the pier that the council built a disgrace.",
    ],
)
def test_a_call_with_a_clause_or_a_purpose_names_nothing(text: str) -> None:
    found = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [q for q in found if q.how == "named"] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ruiz said the levy was high and called it a mistake.", "it a mistake"),
        ("Ruiz toured the pier but called the repairs a waste of money.",
         "the repairs a waste of money"),
    ],
)
def test_a_second_verb_of_the_subject_names_for_it(text: str, content: str) -> None:
    found = find_quotes(newslens.annotate(text, backend="lite")).quotes
    named = [q for q in found if q.how == "named"]
    assert [(q.text.rstrip("."), q.speaker and q.speaker.text) for q in named] == [
        (content, "Ruiz")
    ]


def test_half_a_dozen_is_no_name_given() -> None:
    found = find_quotes(newslens.annotate(
        "Fiorina called half a dozen directors on Monday.", backend="lite"
    )).quotes
    assert found == ()


@pytest.mark.parametrize(
    "text",
    [
        "The truce was renewed by both sides and hailed by the council as a step forward.",
        "Ruiz called off a merger on Monday.",
    ],
)
def test_a_particle_after_the_cue_names_nothing(text: str) -> None:
    found = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [q for q in found if q.how == "named"] == []
