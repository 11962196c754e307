"""Where a reported content ends (lite annotator): a verb of thought joined to the content
by a bare ``and`` is the content's own, a cue after ``, and`` or a speech verb is not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import Quote, find_quotes

import newslens


def quotes(text: str) -> list[Quote]:
    return list(find_quotes(newslens.annotate(text, backend="lite")).quotes)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor says she is proud of her crews and expects to finish the bridge.",
         "she is proud of her crews and expects to finish the bridge"),
        ("Whitfield said the crews were tired and hoped the rain would stop soon.",
         "the crews were tired and hoped the rain would stop soon"),
        ("The coach said the team played well and plans to rest the starters.",
         "the team played well and plans to rest the starters"),
    ],
)
def test_a_thought_verb_after_a_bare_and_stays_in_the_content(text: str, content: str) -> None:
    found = quotes(text)
    assert [q.text.rstrip(".") for q in found] == [content]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a speech verb after "and" is a new attribution of the same speaker
        ("Whitfield said the crews were tired and added that the rain would stop soon.",
         "the crews were tired"),
        # after ", and" the thought is the speaker's, not the content's
        ("The coach said the team played well, and hopes the starters will rest.",
         "the team played well"),
    ],
)
def test_the_content_still_stops_before_another_attribution(text: str, first: str) -> None:
    found = quotes(text)
    assert found and found[0].text.rstrip(".,") == first


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["said", "says", "told reporters"]),
    st.sampled_from(["the shelter was full", "prices had risen", "she was not surprised"]),
    st.sampled_from(["expects", "hopes", "wants", "believes"]),
    st.sampled_from(["to reopen in May", "the vote will be close", "to see the report"]),
)
def test_the_coordinated_thought_ends_inside_one_content(
    cue: str, clause: str, thought: str, rest: str
) -> None:
    text = f"The mayor {cue} {clause} and {thought} {rest}."
    found = quotes(text)
    assert len(found) == 1
    assert found[0].text.startswith(clause) and found[0].text.rstrip(".").endswith(rest)


# -- a noun-phrase content stops before the cue's setting ------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Whitfield discussed her budget on her weekly radio show.", "her budget"),
        ("The mayor praised the firefighters at a press conference on Monday.",
         "the firefighters"),
        ("The governor defended his decision in an interview with local television.",
         "his decision"),
    ],
)
def test_a_noun_phrase_content_leaves_the_setting_out(text: str, content: str) -> None:
    assert [q.text for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a clause keeps its own times and places
        ("Dana Whitfield said the plan would pass at the meeting on Monday.",
         "the plan would pass at the meeting on Monday"),
        ("The chief said the crews worked in the rain at the station.",
         "the crews worked in the rain at the station"),
    ],
)
def test_a_clause_content_keeps_its_setting(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["praised", "defended", "discussed", "criticized"]),
    st.sampled_from(["the new budget", "his own record", "their plan for the port"]),
    st.sampled_from(["at a press conference", "on his radio show", "in an interview on Friday",
                     "during a town hall meeting"]),
)
def test_the_setting_after_an_object_is_never_in_the_content(
    cue: str, thing: str, setting: str
) -> None:
    found = quotes(f"Senator Ana Ruiz {cue} {thing} {setting}.")
    assert [q.text for q in found] == [thing]


# -- a participle inside a noun compound is no cue --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rivera has won 412 pledged delegates in the county so far.",
        "The county counted 40 reported cases in the spring.",
    ],
)
def test_a_participle_before_its_noun_is_no_cue(text: str) -> None:
    assert quotes(text) == []


def test_the_same_participle_as_a_verb_is_a_cue() -> None:
    found = quotes("The mayor pledged to rebuild the pier before the summer.")
    assert [q.text.rstrip(".") for q in found] == ["to rebuild the pier before the summer"]


# -- a clause with a pronoun subject keeps its coordinated predicate ------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Officers say he ignored the warning and refused to leave the pier.",
         "he ignored the warning and refused to leave the pier"),
        ("The harbour master said she inspected the crane and defended the repairs.",
         "she inspected the crane and defended the repairs"),
        ("The chief says they reviewed the plan and rejected the second bid.",
         "they reviewed the plan and rejected the second bid"),
    ],
)
def test_a_pronoun_clause_keeps_its_second_verb(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a verb that reports its own content is a second statement of the speaker
        ("The chief said she inspected the crane and told reporters it was unsafe.",
         "she inspected the crane"),
        ("The chief said she inspected the crane and suggested that the pier close.",
         "she inspected the crane"),
        ("The chief said she inspected the crane and called it \"a disgrace\".",
         "she inspected the crane"),
        # a noun subject: the verb after "and" may be the speaker's
        ("The chief said the crane was old and asked the crew to stop work.",
         "the crane was old"),
    ],
)
def test_a_verb_with_its_own_content_still_starts_a_statement(text: str, first: str) -> None:
    found = quotes(text)
    assert found and found[0].text.rstrip(".,") == first


# -- a content in a fronted subordinate clause ends at its dash as at its comma ------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("When the mayor noted that the pier was closed \u2014 as it has been since May \u2014 "
         "the council voted to reopen it.", "that the pier was closed"),
        ("While some residents say the fee is too high - a common complaint - others "
         "have paid it.", "the fee is too high"),
        ("When she publicly opposed the harbour levy \u2013 a rare break with her party \u2013 "
         "it surprised the council.", "the harbour levy"),
    ],
)
def test_a_fronted_clause_content_ends_at_its_dash(text: str, content: str) -> None:
    assert [q.text for q in quotes(text)][:1] == [content]


# -- a noun-phrase object stops before the writer's clause or the subject's next verb -------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The chief declined the new harbour post and has since left the department.",
         "the new harbour post"),
        ("Whitfield praised the volunteer crews but also had to delay the opening.",
         "the volunteer crews"),
        ("The mayor blamed the ferry operator and ordered a review of the pier.",
         "the ferry operator"),
        ("The mayor rejected the toll proposal while the council debated the budget.",
         "the toll proposal"),
        ("Officials praised Mr. Ruiz's work on the pier but also had to delay the opening.",
         "Mr. Ruiz's work on the pier"),
    ],
)
def test_a_noun_phrase_object_leaves_the_sentence_s_next_verb_out(text: str, content: str) -> None:
    assert [q.text for q in quotes(text)][:1] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a clause: its subject's verbs are the content's
        ("Whitfield said the ferry operator was late and ignored the warnings.",
         "the ferry operator was late and ignored the warnings"),
        # a subject with a verb of its own after "and"
        ("Whitfield said the heat and humid weather could last all week.",
         "the heat and humid weather could last all week"),
        # a list after a comma
        ("The mayor praised the crews, the volunteers and visited the new pier.",
         "the crews, the volunteers and visited the new pier"),
    ],
)
def test_a_clause_or_a_list_keeps_what_follows_and(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)][:1] == [content]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["praised", "criticized", "blamed", "rejected"]),
    st.sampled_from(["the ferry operator", "the new toll plan", "his harbour crews"]),
    st.sampled_from(["and later", "but also", "and"]),
    st.sampled_from(["defended the budget", "visited the pier", "cancelled the vote"]),
)
def test_the_object_ends_before_any_second_verb(
    cue: str, obj: str, joint: str, rest: str
) -> None:
    found = quotes(f"The mayor {cue} {obj} {joint} {rest}.")
    assert found and found[0].text == obj


# -- an interrupted content ends where a reported clause ends --------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The new pier, the council said, was its largest yet, although the costs are "
         "still being counted.", "The new pier, the council said, was its largest yet"),
        ("The ferry, the captain said, will run again on Monday, but the fares will rise.",
         "The ferry, the captain said, will run again on Monday"),
    ],
)
def test_an_interrupted_content_leaves_the_writer_s_contrast_out(text: str, content: str) -> None:
    found = [q for q in quotes(text) if q.how == "interrupted"]
    assert [q.text for q in found] == [content]


# -- a list of names is no aside on its first name -------------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Whitfield said the fund honours the sailor Ada Moss, the pilot Ben Ruiz and the "
         "engineer Carla Hart.",
         "the fund honours the sailor Ada Moss, the pilot Ben Ruiz and the engineer Carla Hart"),
        ("Whitfield said the harbour differs from Port Ellis, the northern marina and the "
         "old ferry dock.",
         "the harbour differs from Port Ellis, the northern marina and the old ferry dock"),
    ],
)
def test_a_list_of_names_stays_in_the_content(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


def test_an_aside_on_the_last_name_is_still_left_out() -> None:
    text = ("Whitfield said the plan was drafted by Ben Ruiz, a harbour official overseeing "
            "the docks and the marina.")
    assert [q.text for q in quotes(text)] == ["the plan was drafted by Ben Ruiz"]


# -- a content ends before the bracket that closes around its sentence ----------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The pier is closed. (The mayor said the repairs would take a month.)",
         "the repairs would take a month"),
        ("The pier is closed (the mayor said the repairs would take a month).",
         "the repairs would take a month"),
        # a bracket opened inside the content stays
        ("The mayor said the repairs (the second this year) would take a month.",
         "the repairs (the second this year) would take a month"),
    ],
)
def test_a_content_leaves_out_a_bracket_opened_before_it(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor rejected the toll plan - while the council debated it.", "the toll plan"),
        ("The mayor was expected to win the vote and, if all goes well, the next one too.",
         "to win the vote"),
    ],
)
def test_a_content_ends_with_no_dangling_dash_or_and(text: str, content: str) -> None:
    found = quotes(text)
    assert found and found[0].text.endswith(content)


# -- after "according to X," an aside on X is not the rest of the content --------------------


@pytest.mark.parametrize(
    "aside",
    [
        "a research group based in the port city",
        "which ran the survey of harbour users",
        "but the council disputes those figures",
        "compared with four in ten last year",
    ],
)
def test_an_aside_after_according_to_is_left_out(aside: str) -> None:
    text = f"Most residents back the new ferry, according to Harbour Watch, {aside}."
    found = [q for q in quotes(text) if q.how == "according-to"]
    assert [q.text for q in found] == ["Most residents back the new ferry"]


def test_a_content_still_resumes_after_according_to() -> None:
    text = "Notably absent, according to two aides, was any mention of the ferry budget."
    found = [q for q in quotes(text) if q.how == "according-to"]
    assert len(found) == 1 and len(found[0].parts) == 2
    assert found[0].parts[1].text == "was any mention of the ferry budget"


# -- ", but" goes on with the same subject's next verb or after "not just" -------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Whitfield said she liked the levy at first, but later dropped her support.",
         "she liked the levy at first, but later dropped her support"),
        ("Whitfield said the toll was fair, but wants a discount for residents.",
         "the toll was fair, but wants a discount for residents"),
        ("Whitfield said the closure was not just a delay, but a disaster for the port.",
         "the closure was not just a delay, but a disaster for the port"),
    ],
)
def test_but_goes_on_with_the_same_subject(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


def test_but_with_a_new_subject_still_ends_the_content() -> None:
    text = "Whitfield said the toll was fair, but the council disagreed."
    assert [q.text for q in quotes(text)] == ["the toll was fair"]


# -- names joined by "and" before a cue are a subject inside the content ---------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The chief noted that Ruiz, Moss and Hart had mentioned the leak to the council.",
         "that Ruiz, Moss and Hart had mentioned the leak to the council"),
        ("The chief noted that both Ruiz and Hart were referring to the old pier.",
         "that both Ruiz and Hart were referring to the old pier"),
    ],
)
def test_names_joined_by_and_stay_in_the_content(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)][:1] == [content]


def test_a_name_after_and_still_starts_a_new_attribution() -> None:
    text = "The chief said the pier was safe and Hart said it was not."
    assert [q.text for q in quotes(text)][:1] == ["the pier was safe"]


# -- a "that" clause that opens with a subordinate clause goes on past its comma -------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Hart said that if the council opted to hold one, it should have asked the voters.",
         "that if the council opted to hold one, it should have asked the voters"),
        ("Hart said that when the pier reopens, she will tell the ferry crews first.",
         "that when the pier reopens, she will tell the ferry crews first"),
    ],
)
def test_a_that_clause_goes_on_after_its_fronted_clause(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


def test_an_object_that_a_colon_explains_keeps_the_explanation_with_its_while() -> None:
    text = ("So he suggested a cheaper way for parents to pay: Draw on savings now while you "
            "can, and put the money in a fund.")
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [q.text for q in quotes] == [
        "a cheaper way for parents to pay: Draw on savings now while you can, and put the "
        "money in a fund"
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Two aides confirmed the meeting on the condition of anonymity because they were "
         "not allowed to speak.", "the meeting"),
        ("An officer discussed the harbour patrols only on condition of anonymity.",
         "the harbour patrols"),
        ("Mr. Hale denied the charges through his lawyer.", "the charges"),
        ("The mayor rejected the accusations through a spokeswoman on Friday.",
         "the accusations"),
    ],
)
def test_how_the_speaker_spoke_is_left_out_of_the_content(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


def test_a_condition_inside_the_content_stays() -> None:
    text = "The mayor said the pier would reopen on the condition that the crews finish."
    assert [q.text.rstrip(".") for q in quotes(text)] == [
        "the pier would reopen on the condition that the crews finish"
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor expressed deep concern about the cost of the new bridge.",
         "the cost of the new bridge"),
        ("Two council members voiced doubts over the harbour plan.", "the harbour plan"),
        ("Ms. Hale offered her thoughts on the ferry schedule.", "the ferry schedule"),
        ("The senator expressed concern about Whitfield.", "Whitfield"),
    ],
)
def test_a_feeling_that_is_expressed_leaves_what_it_is_about(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


def test_a_defense_that_is_offered_stays_in_the_content() -> None:
    text = "The mayor offered a defense of the new bridge tolls."
    assert [q.text.rstrip(".") for q in quotes(text)] == ["a defense of the new bridge tolls"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Donors who want to give more could shell out thousands of dollars.", "to give more"),
        ("His refusal to fix the pier made the delay much worse.", "to fix the pier"),
        ("Residents who plan to attend the meeting include two former mayors.",
         "to attend the meeting"),
    ],
)
def test_an_infinitive_content_ends_before_the_sentence_s_verb(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor wants to make sure the pier is safe.",
        "The mayor hopes to show the plan will pass.",
        "The mayor wants to know who will pay for the new pier.",
        "The mayor hopes to reopen the pier in May.",
    ],
)
def test_an_infinitive_keeps_a_clause_of_its_own(text: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [text.split(" ", 3)[3].rstrip(".")]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said that the turmoil after the vote underscores a need for calm.",
        "Local media reported that during the visit this week, the governor repeated his "
        "request.",
    ],
)
def test_a_that_clause_runs_on_to_its_own_verb(text: str) -> None:
    content = text[text.index("that") :].rstrip(".")
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


def test_a_that_with_a_noun_still_ends_before_a_participle() -> None:
    found = quotes("The mayor acknowledged that mistake, saying the crews were tired.")
    assert found and found[0].text.rstrip(".,") == "that mistake"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor sought to rally older, rural and working-class voters.",
        "The mayor refused to back the levy, the bridge toll or the ferry fee.",
    ],
)
def test_an_infinitive_content_runs_through_a_list(text: str) -> None:
    content = text[text.index(" to ") + 1 :].rstrip(".")
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor hoped to finish the pier, with the crews working overtime.",
        "The mayor wanted to fix the pier, the crews and the council agreed.",
    ],
)
def test_an_infinitive_content_still_ends_at_a_comma_before_no_list(text: str) -> None:
    content = text[text.index(" to ") + 1 : text.index(",")]
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


def test_an_infinitive_content_goes_on_after_an_aside_between_dashes() -> None:
    text = "The mayor pledged to ban all trucks — about a thousand a day — from entering the town."
    assert [q.text.rstrip(".") for q in quotes(text)] == [
        "to ban all trucks — about a thousand a day — from entering the town"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor wants to cut 200 jobs — the first wave of layoffs — as the city moves work "
        "abroad.",
        "The mayor wants to cut 200 jobs — the first wave of layoffs.",
    ],
)
def test_an_infinitive_content_ends_at_a_dash_that_the_writer_s_words_follow(text: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == ["to cut 200 jobs"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor told conservative radio host Dana Hale on Wednesday that the pier was safe.",
        "The mayor told The Gazette's editorial board that the pier was safe.",
        "The mayor told ABC's “Good Morning America” that the pier was safe.",
    ],
)
def test_a_told_content_starts_at_that_after_a_longer_addressee(text: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == ["that the pier was safe"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor criticized Ruiz during a rally on Friday.", "Ruiz"),
        ("The judge rejected that argument in a ruling released Thursday.", "that argument"),
        ("The senator mocked Hale on Twitter.", "Hale"),
    ],
)
def test_a_short_content_leaves_out_the_setting_of_its_cue(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor argued against the new toll.", "the new toll"),
        ("The mayor warned against raising the fee.", "raising the fee"),
    ],
)
def test_the_cue_s_preposition_is_left_out_of_the_content(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


def test_a_quantity_after_the_cue_keeps_its_about() -> None:
    found = quotes("Officials said about 12 percent of the crews were sick.")
    assert [q.text.rstrip(".") for q in found] == ["about 12 percent of the crews were sick"]


def test_an_asked_content_ends_with_the_quotation_its_comma_closes() -> None:
    text = ("When asked whether Ruiz “has the integrity to serve as mayor,” 75 percent of "
            "voters said yes.")
    asked = [q for q in quotes(text) if q.how == "asked"]
    assert [q.text for q in asked] == ["whether Ruiz “has the integrity to serve as mayor,”"]


def test_an_asked_content_runs_past_a_comma_inside_its_quotation() -> None:
    text = "When asked whether “the levy, the toll and the fee” were fair, Ruiz said no."
    asked = [q for q in quotes(text) if q.how == "asked"]
    assert [q.text for q in asked] == ["whether “the levy, the toll and the fee” were fair"]


def test_a_content_resumes_after_according_to_with_quoted_words_in_it() -> None:
    text = "Over the long term, according to the budget office, the rise in debt ''is mainly " \
        "due to the pier.''"
    found = quotes(text)
    assert [(q.how, len(q.parts)) for q in found] == [("according-to", 2)]
    assert found[0].parts[1].text.startswith("the rise in debt")


def test_a_quotation_right_after_according_to_is_not_resumed() -> None:
    text = "Over the long term, according to the budget office, ''the debt will rise.''"
    assert all(len(q.parts) <= 1 for q in quotes(text) if q.how == "according-to")


def test_no_content_resumes_after_how_the_speaker_spoke() -> None:
    text = ("He was unable to find a single taker, he said, on condition of anonymity to speak "
            "freely about the pier.")
    assert [q.text for q in quotes(text)] == ["He was unable to find a single taker"]


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_a_contrast_after_a_dash_is_the_writer_s(dash: str) -> None:
    text = (f"Democrats have pointed out that the review also found 12 messages on the account "
            f"of the former mayor {dash} though none reached the top level.")
    assert [q.text for q in quotes(text)] == [
        "that the review also found 12 messages on the account of the former mayor"
    ]


def test_but_after_a_dash_stays_in_the_content() -> None:
    text = "The mayor said the pier was safe - but only in summer."
    assert [q.text.rstrip(".") for q in quotes(text)] == ["the pier was safe - but only in summer"]


def test_a_noun_phrase_object_stops_before_comma_and_its_subject_s_next_verb() -> None:
    text = "The mayor praised the harbour crews, and has since left the council."
    assert [q.text for q in quotes(text)] == ["the harbour crews"]


@pytest.mark.parametrize(("text", "content"), [
    ("Ruiz noted that at the first meeting of the board, in May, she voted against the levy.",
     "that at the first meeting of the board, in May, she voted against the levy"),
    ("Hale said that on May 5, after the storm, he closed the pier.",
     "that on May 5, after the storm, he closed the pier"),
])
def test_the_month_may_is_no_verb_of_a_that_clause(text: str, content: str) -> None:
    # "in May" gives the clause no verb: the speaker and cue after it are the clause's own
    found = quotes(text)
    assert [q.text for q in found] == [content]
