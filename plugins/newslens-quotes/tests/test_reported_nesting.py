"""Nested statements and contents that started too late (lite annotator): a cue with its
clause of ``that`` whose speaker stands further back than the noun-phrase reader looks
(``Okafor, who chairs the board, also noted that ...``) reports that clause, so the
statement inside the clause no longer stands alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import Quote, find_quotes

import newslens


def quotes(text: str) -> list[Quote]:
    return list(find_quotes(newslens.annotate(text, backend="lite")).quotes)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Ms. Okafor, who chairs the parks board, also noted that the fountain had been "
         "dry since May.", "that the fountain had been dry since May", "Ms. Okafor"),
        ("The harbour master, for his part, has denied that the ferry left without its crew.",
         "that the ferry left without its crew", "The harbour master"),
        ("Dana Perino, a host of the late show, refused to go along with the plan.",
         "to go along with the plan", "Dana Perino"),
        ("The ferry operator, which runs six boats, has promised to add a night crossing.",
         "to add a night crossing", "The ferry operator"),
        # the inner statement ("had mocked") is part of the outer content, not a quote alone
        ("Mr. Lund, who rarely speaks to the press, also noted that the mayor had mocked "
         "the plan.", "that the mayor had mocked the plan", "Mr. Lund"),
    ],
)
def test_a_that_clause_reports_for_the_sentence_subject(
    text: str, content: str, speaker: str
) -> None:
    found = quotes(text)
    assert [q.text for q in found] == [content]
    assert found[0].how == "reported"
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "It is important to note that the levy failed twice.",
        "It was widely noted that the ferry left late.",
        "There is no evidence that the ferry left late.",
        "The buses, old and slow, were expected to run late.",
        "The trucks, loaded with grain, continued to roll in.",
    ],
)
def test_no_statement_without_someone_to_make_it(text: str) -> None:
    assert quotes(text) == []


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["Ms. Okafor", "The fire chief", "Dana Whitfield"]),
    st.sampled_from([", who chairs the board,", ", for her part,", ", in a long letter,"]),
    st.sampled_from(["also noted", "has denied", "insisted"]),
    st.sampled_from(["the shelter was full", "the council had ignored the warnings",
                     "prices had risen"]),
)
def test_the_clause_is_one_content_of_the_subject(
    speaker: str, aside: str, cue: str, clause: str
) -> None:
    text = f"{speaker}{aside} {cue} that {clause}."
    found = [q for q in quotes(text) if q.kind != "direct"]
    assert len(found) == 1
    assert found[0].text == f"that {clause}"
    assert found[0].speaker is not None and speaker in found[0].speaker.text


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The council thanked Dana Whitfield, who has publicly vowed to repair the pier by "
         "June.", "to repair the pier by June"),
        ("Residents cheered the new chief, who had already said the station would reopen.",
         "the station would reopen"),
    ],
)
def test_who_speaks_past_auxiliaries_and_adverbs(text: str, content: str) -> None:
    found = quotes(text)
    assert [q.text for q in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.text == "who"


@pytest.mark.parametrize(
    "text",
    [
        "The engineer, who has long worked on the pier, retired in May.",
        "The mayor, who has rarely spoken since May, left the hall.",
        "The crew, which was repeatedly told to wait, stayed on the dock.",
    ],
)
def test_a_relative_clause_without_a_content_is_no_statement(text: str) -> None:
    assert quotes(text) == []


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["has", "had", "has publicly", "had already", "has repeatedly"]),
    st.sampled_from(["vowed to close the pier", "said the pier would close",
                     "promised to close the pier"]),
)
def test_the_relative_pronoun_speaks_through_its_auxiliary(words: str, rest: str) -> None:
    text = f"The board thanked Ana Ruiz, who {words} {rest}."
    found = quotes(text)
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.text == "who"
    assert "close" in found[0].text and "who" not in found[0].text


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["had quietly", "have privately", "has openly", "had"]),
    st.sampled_from(["hoped", "wanted"]),
)
def test_who_holds_an_opinion_through_its_auxiliary(words: str, cue: str) -> None:
    text = f"Riders thanked the drivers, who {words} {cue} to keep the night route."
    found = quotes(text)
    assert [q.text for q in found] == ["to keep the night route"]
    assert found[0].speaker is not None and found[0].speaker.text == "who"


@pytest.mark.parametrize(
    "text",
    [
        "The crews, who had hoped for rain, went home.",
        "The old pier, which has long needed repairs, closed.",
    ],
)
def test_who_without_an_opinion_is_no_holder(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize("text", ["Ruiz reportedly", "The mayor reportedly.", "reportedly"])
def test_a_clause_cue_ending_the_text_is_no_statement(text: str) -> None:
    # a clause cue with nothing after it used to index past the last token
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("As Ruiz spoke about how the pier had collapsed, the crowd fell silent.",
         "how the pier had collapsed"),
        ("When the mayor said the levy would pass, few believed her.", "the levy would pass"),
        ("Although Becker insisted that the fund was safe, the auditors found a gap.",
         "that the fund was safe"),
        # an opening phrase of a preposition or a participle ends the same way
        ("With the council denying claims of waste, the mayor left.", "claims of waste"),
        ("Having said that, some economists argue that the levy is too low.",
         "that the levy is too low"),
        # a clause that a subordinator opens after a comma or a semicolon
        ("The levy matters, and while the mayor said she would hold a vote, it is unlikely to "
         "pass without a new site.", "she would hold a vote"),
        ("The pier closed, though Becker insisted that the fund was safe, and the auditors "
         "left.", "that the fund was safe"),
    ],
)
def test_a_content_in_an_opening_clause_ends_with_it(text: str, content: str) -> None:
    assert [q.text for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        # the opening clause ends before the cue: the comma inside the content stays
        "When asked, Ruiz said the pier, which is old, would close.",
        # no opening clause
        "The mayor said the pier, which is old, would close.",
        # "when" after a comma opens a trailing clause of time, not an opening one
        "The ferry ran late, when Ruiz said the pier, which is old, would close.",
    ],
)
def test_a_content_after_the_opening_clause_keeps_its_commas(text: str) -> None:
    assert [q.text for q in quotes(text)] == ["the pier, which is old, would close"]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["As", "When", "While", "Because", "If"]),
    st.sampled_from(["Ruiz said", "the mayor warned", "Becker argued that"]),
    st.sampled_from(["the fund was empty", "the pier would close", "fares had risen"]),
    st.sampled_from(["the council met again", "riders stayed home", "nobody spoke"]),
)
def test_the_main_clause_is_never_in_the_opening_clauses_content(
    opener: str, attribution: str, clause: str, main: str
) -> None:
    text = f"{opener} {attribution} {clause}, {main}."
    found = [q for q in quotes(text) if q.kind != "direct"]
    assert found
    assert found[0].text.removeprefix("that ") == clause
    assert all(main not in q.text for q in found)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a plural noun in "-ings" is no verb: the that-clause has none before the comma
        ("Ruiz noted that at one of her first council meetings, she supported a plan to "
         "close the pier.",
         "that at one of her first council meetings, she supported a plan to close the pier",
         "Ruiz"),
        ("Ruiz noted that during the hearings, Okafor said the pier was unsafe.",
         "that during the hearings, Okafor said the pier was unsafe", "Ruiz"),
        # a word in "-s" after an article is a plural noun: the subject of the clause
        ("Okafor argued that the results in Denton and Marlow show voters want a new bridge.",
         "that the results in Denton and Marlow show voters want a new bridge", "Okafor"),
    ],
)
def test_a_plural_noun_is_no_verb_of_the_that_clause(
    text: str, content: str, speaker: str
) -> None:
    found = quotes(text)
    assert [q.text for q in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["at one of her first council meetings", "during the hearings",
                     "in the briefings last week", "after the readings"]),
    st.sampled_from(["she supported a plan to close the pier",
                     "the mayor said the pier was unsafe",
                     "the crews backed a plan to close the pier"]),
)
def test_a_fronted_phrase_with_a_plural_keeps_the_clause_whole(setting: str, clause: str) -> None:
    text = f"Ms. Okafor noted that {setting}, {clause}."
    found = [q for q in quotes(text) if q.kind != "direct"]
    assert [q.text for q in found] == [f"that {setting}, {clause}"]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["let them know", "help voters understand", "make the crews feel",
                     "let everyone know"]),
    st.sampled_from(['that "the pier will open."', "that the pier will open"]),
)
def test_a_causative_verb_and_its_object_are_no_speaker_inside_a_content(
    causative: str, clause: str
) -> None:
    # "let them" is no speaker of "know": the content goes on through the coordinated verb
    text = f"The mayor said she wanted to meet the crews and {causative} {clause}."
    found = [q for q in quotes(text) if q.kind != "direct"]
    inner = clause.rstrip(".")
    assert [q.text for q in found] == [f"she wanted to meet the crews and {causative} {inner}"]
    assert found[0].speaker is not None and found[0].speaker.text == "The mayor"


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["she", "he", "they"]),
    st.sampled_from(["knows", "believes", "thinks", "fears"]),
    st.sampled_from(["hopes to win the county", "wants a second term"]),
)
def test_a_thought_after_but_and_the_same_subject_is_one_content(
    pronoun: str, thought: str, first: str
) -> None:
    # "Ruiz says she hopes ..., but she knows that ...": the same speaker's thought goes on
    if pronoun == "they":
        thought = thought[:-1]
        first = first.replace("hopes", "hope").replace("wants", "want")
    text = f"Ruiz says {pronoun} {first}, but {pronoun} {thought} that the race is close."
    found = [q for q in quotes(text) if q.kind != "direct"]
    assert [q.text for q in found] == [f"{pronoun} {first}, but {pronoun} {thought} that the "
                                       "race is close"]
    assert found[0].speaker is not None and found[0].speaker.text == "Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        # a verb of speech is a second statement
        "Ruiz said she would back the plan, but she warned that the cost was high.",
        # another subject after "but"
        "Ruiz says she hopes to win the county, but Okafor believes that the race is close.",
    ],
)
def test_a_statement_after_but_stays_apart(text: str) -> None:
    found = [q for q in quotes(text) if q.kind != "direct"]
    assert len(found) == 2


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["hoping to", "seeking to", "trying to", "aiming to"]),
    st.sampled_from(["win the county", "deprive the mayor of a majority"]),
)
def test_a_participle_of_an_aim_goes_on_the_content(aim: str, rest: str) -> None:
    # "..., hoping to ...": the aim of the clause's subject, no statement of its own
    text = f"Aides said that the campaign raised more money in May, {aim} {rest}."
    found = [q for q in quotes(text) if q.kind != "direct"]
    assert [q.text for q in found] == [f"that the campaign raised more money in May, {aim} {rest}"]
    assert found[0].speaker is not None and found[0].speaker.text == "Aides"


def test_a_participle_of_speech_still_ends_the_content() -> None:
    found = quotes("Aides said the council backed the plan, saying it would help the pier.")
    assert [q.text for q in found] == ["the council backed the plan", "it would help the pier"]
