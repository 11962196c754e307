"""Part C of the reported-speech rules (lite annotator): verbs of thought and intention
under the ``complement`` frame (a named thinker and a clause after the cue)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import QuoteResult, builtin_cues, find_quotes

import newslens


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, backend="lite"))


def contents(text: str) -> list[str]:
    return [q.text.rstrip(".") for q in find(text).quotes]


# -- complement cues: think, want, expect, seem -----------------------------------------------


def test_the_complement_cues_are_rows_of_the_lexicon() -> None:
    frames = {cue.words: cue.frame for cue in builtin_cues()}
    for lemma in ("think", "want", "expect", "seem"):
        assert frames[(lemma,)] == "complement", lemma


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The senator thinks that the tax plan is a mistake.",
         "that the tax plan is a mistake", "The senator"),
        ("Marisol Ortega thinks she can win the primary in June.",
         "she can win the primary in June", "Marisol Ortega"),
        ("The union wants to reopen the contract talks, and a strike is possible.",
         "to reopen the contract talks", "The union"),
        ("Governor Halvorsen expects the budget to pass easily.", None, None),
        ("The council expects that the road will reopen by spring.",
         "that the road will reopen by spring", "The council"),
        ("He wants to cut the sales tax before the election.",
         "to cut the sales tax before the election", "He"),
    ],
)
def test_a_complement_cue_with_a_named_thinker_and_a_clause(
    text: str, content: str | None, speaker: str | None
) -> None:
    found = [q for q in find(text).quotes if q.cue is not None and q.cue.text != "said"]
    if content is None:  # "expects the budget": a noun phrase after the cue, nothing
        assert found == []
        return
    assert len(found) == 1, found
    assert found[0].text.rstrip(".") == content
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The mayor thinks about the bridge every day.",  # no clause after the cue
        "Residents want new sidewalks on Elm Street.",  # a noun phrase
        "The family wants it back before winter.",  # "it": an object, no subject
        "Wanting to leave early, the crowd thinned out.",  # nobody named before the cue
        "The board, wanting to save money, closed the pool.",  # a participle after a comma
        "The plan seems fine to the mayor.",  # no clause
        "The Expect To Win tour opened in Ohio on Friday.",  # no verb at all
    ],
)
def test_a_complement_cue_without_its_frame_reports_nothing(text: str) -> None:
    assert not find(text).quotes


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["thinks", "wants", "expects", "seems"]),
       st.sampled_from(["the plan", "money", "a new road", "nothing", "it"]))
def test_a_complement_cue_before_a_noun_phrase_never_reports(verb: str, obj: str) -> None:
    assert not find(f"The committee {verb} {obj} this year.").quotes


# -- stance cues: endorse, support, oppose ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Governor Halvorsen endorsed Marisol Ortega on Tuesday.", "Marisol Ortega",
         "Governor Halvorsen"),
        ("The teachers' union supports Ortega, and the police union is undecided.",
         "Ortega", "The teachers' union"),
        ("Most voters who oppose Halvorsen live in the city.", "Halvorsen", "who"),
        ("She has endorsed Dana Whitfield for mayor.", "Dana Whitfield", "She"),
    ],
)
def test_a_stance_cue_with_a_named_speaker_and_a_name_after_it(
    text: str, content: str, speaker: str
) -> None:
    found = [q for q in find(text).quotes if q.cue is not None and q.cue.text != "said"]
    assert len(found) == 1, found
    assert found[0].text.rstrip(".") == content
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Ortega was endorsed by the teachers' union.",  # passive: the endorser comes after
        "The union supports the new contract.",  # no name after the cue
        "Supporting Ortega, the union marched downtown.",  # nobody named before the cue
        "Both parties oppose him strongly.",  # a pronoun, not a name
        "Support for Ortega grew in the suburbs.",  # a noun
    ],
)
def test_a_stance_cue_without_its_frame_reports_nothing(text: str) -> None:
    assert not find(text).quotes


# -- a poll or a study that shows, finds, suggests without "that" --------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("For the first time, a new poll shows Ortega leading in the suburbs.",
         "Ortega leading in the suburbs", "a new poll"),
        ("A county survey of landlords found most renters behind on payments.",
         "most renters behind on payments", "A county survey of landlords"),
        ("While a state study showed fewer crashes on the bridge, drivers stayed away.",
         "fewer crashes on the bridge, drivers stayed away", "a state study"),
    ],
)
def test_a_poll_reports_its_finding_without_that(text: str, content: str, speaker: str) -> None:
    found = find(text).quotes
    assert len(found) == 1, found
    assert found[0].text.rstrip(".") == content
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The mayor showed reporters the new bridge.",  # no poll in the subject
        "Volunteers found a lost dog near the river.",  # no poll
        "The pollsters showed up late to the meeting.",  # "pollsters" is no poll word
        "Polls, he found, are often wrong about turnout.",  # the poll is no subject of the cue
    ],
)
def test_no_finding_without_a_poll_subject(text: str) -> None:
    assert not [q for q in find(text).quotes if q.cue is not None and q.cue.text != "found"]
    assert not [q for q in find(text).quotes if q.speaker is not None and "oll" in q.speaker.text]


# -- passive attributions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("It was reported that the mayor would resign.", "that the mayor would resign", None),
        ("It has been announced that the library will close.",
         "that the library will close", None),
        ("Ortega was quoted as saying the plan would fail.", "the plan would fail", "Ortega"),
        ("The fire chief was quoted as saying that crews were exhausted.",
         "that crews were exhausted", "The fire chief"),
        ("Halvorsen was cited as saying he had no regrets.", "he had no regrets", "Halvorsen"),
    ],
)
def test_a_passive_attribution(text: str, content: str, speaker: str | None) -> None:
    found = find(text).quotes
    assert len(found) == 1, found
    assert found[0].text.rstrip(".") == content
    assert found[0].how == "passive"
    assert (found[0].speaker.text if found[0].speaker is not None else None) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was reported to be unsafe.",  # no "it ... that"
        "The mayor was told about the closure.",  # an addressee in the passive
        "It was announced on a sign near the gate.",  # no "that" after the cue
        "The plan, it was said, failed.",  # no "that"
    ],
)
def test_a_passive_cue_without_its_frame_reports_nothing(text: str) -> None:
    assert not [q for q in find(text).quotes if q.how == "passive"]


# -- a cue of quotations reports speech when "that" follows it ---------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The council wrote that the road would stay closed.", "that the road would stay closed"),
        ("Ortega tweeted that the vote had been rigged.", "that the vote had been rigged"),
    ],
)
def test_a_quotation_cue_before_that_reports_speech(text: str, content: str) -> None:
    found = find(text).quotes
    assert len(found) == 1, found
    assert found[0].text.rstrip(".") == content


@pytest.mark.parametrize(
    "text",
    [
        "The council wrote a letter to the governor.",
        "Ortega continued to campaign in the north.",
    ],
)
def test_a_quotation_cue_without_that_reports_nothing(text: str) -> None:
    assert not find(text).quotes
