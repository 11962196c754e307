"""Inflected forms of a cue that the lemmatiser reduces to a wrong stem (``extolled`` to
``extoll``) still find their row of the lexicon, and only where they are verbs (lite
annotator; example sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import Quote, builtin_cues, find_quotes
from newslens_quotes.lexicon import Cue, CueIndex, inflections

import newslens

OneQuote = Callable[..., Quote]  # the one_quote fixture (conftest.py)


def quotes(text: str) -> tuple[Quote, ...]:
    return find_quotes(newslens.annotate(text, backend="lite")).quotes


INDEX = CueIndex.build(builtin_cues())


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("say", {"says", "sayed", "saying"}),  # irregular "said" is the lemmatiser's
        ("plan", {"plans", "planned", "planning"}),  # one syllable: doubled only
        ("label", {"labels", "labeled", "labelled", "labeling", "labelling"}),
        ("deny", {"denies", "denied", "denying"}),
        ("note", {"notes", "noted", "noting"}),
        ("agree", {"agrees", "agreed", "agreeing"}),
        ("push", {"pushes", "pushed", "pushing"}),
        ("to", set()),
    ],
)
def test_inflections_are_the_regular_forms(word: str, forms: set[str]) -> None:
    assert inflections(word) == forms


@pytest.mark.parametrize(
    ("lemma", "lower", "row"),
    [
        ("extoll", "extolled", "extol"),
        ("labell", "labelled", "label"),
        ("preferr", "preferred", "prefer"),
        ("proclaim", "proclaimed", "proclaim"),  # a right lemma stays the way in
    ],
)
def test_a_wrong_stem_still_finds_its_row(lemma: str, lower: str, row: str) -> None:
    cue = INDEX.match(("she", lemma, "that"), ("she", lower, "that"), 1)
    assert cue is not None and cue.words == (row,)


@pytest.mark.parametrize(
    ("lemma", "lower"),
    [
        ("seed", "seed"),  # kept as it is by the lemmatiser: no form of "see"
        ("extoll", "extoller"),  # no regular form of a row
        ("planer", "planed"),  # "plan" doubles its consonant: "planned"
    ],
)
def test_a_word_that_is_no_form_of_a_row_finds_none(lemma: str, lower: str) -> None:
    assert INDEX.match(("she", lemma), ("she", lower), 1) is None


def test_an_ing_form_after_a_bare_word_is_a_noun() -> None:
    lemmas, lowers = ("the", "new", "thinke", "that"), ("the", "new", "thinking", "that")
    assert INDEX.match(lemmas, lowers, 2) is None
    lemmas, lowers = ("she", "be", "thinke", "that"), ("she", "was", "thinking", "that")
    cue = INDEX.match(lemmas, lowers, 2)
    assert cue is not None and cue.words == ("think",)


def test_a_form_that_is_a_row_of_its_own_keeps_its_row() -> None:
    index = CueIndex.build([Cue(("warn",)), Cue(("warning",), "that")])
    assert "warning" not in index.forms
    cue = index.match(("warning", "that"), ("warning", "that"), 0)
    assert cue is not None and cue.frame == "that"


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("The mayor extolled the virtues of the new ferry.",
         "the virtues of the new ferry", "extolled", "The mayor"),
        ('The council labelled the plan "a costly mistake".',
         'the plan "a costly mistake"', "labelled", "The council"),
        ("She was thinking that the vote would fail.", "that the vote would fail",
         "thinking", "She"),
    ],
)
def test_wrongly_stemmed_cues_fire(
    text: str, content: str, cue: str, speaker: str, one_quote: OneQuote
) -> None:
    one_quote(text, content, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The new thinking that followed the vote changed little.",
        "Critical thinking that helps students is rare.",
        "The council labelled the boxes with red tape.",
        "The farmers seed the fields in spring.",
    ],
)
def test_the_forms_give_no_quote_where_they_are_no_statement(text: str) -> None:
    assert quotes(text) == ()


_FIRST_WORDS = sorted({c.words[0] for c in builtin_cues() if len(c.words) == 1})


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_FIRST_WORDS), st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=8))
def test_any_form_finds_only_its_own_row(word: str, stem: str) -> None:
    for form in inflections(word):
        cue = INDEX.match(("they", stem or "x", "it"), ("they", form, "it"), 1)
        if cue is not None and (stem or "x") not in INDEX.by_first:
            assert form in inflections(cue.words[0]) or form in (cue.words[0],)
    # a word the lemmatiser kept as it is never goes through the forms
    if stem and stem not in INDEX.by_first:
        assert INDEX.match((stem,), (stem,), 0) is None
