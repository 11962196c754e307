"""Part C of the reported-speech rules (lite annotator): verbs of thought and intention
under the ``complement`` frame (a named thinker and a clause after the cue)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
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
        "Supporting Ortega, the union marched downtown.",  # nobody named before the cue
        "Both parties oppose him strongly.",  # a pronoun, not a name
        "Support for Ortega grew in the suburbs.",  # a noun
    ],
)
def test_a_stance_cue_without_its_frame_reports_nothing(text: str) -> None:
    assert not find(text).quotes


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The nurses' union, which endorsed Mr. Okafor in March, held a rally.", "Mr. Okafor",
         "which"),
        ("Former governor Ana Ruiz endorsed Sen. Dana Whitfield on Friday.",
         "Sen. Dana Whitfield", "Former governor Ana Ruiz"),
        ("Mayor Lindqvist endorsed her on Monday, ending months of silence.", "her",
         "Mayor Lindqvist"),
        ("The firefighters' union endorsed him.", "him", "The firefighters' union"),
    ],
)
def test_a_stance_cue_takes_a_titled_name_or_a_whole_object_pronoun(
    text: str, content: str, speaker: str
) -> None:
    found = [q for q in find(text).quotes if q.how == "stance"]
    assert [q.text.rstrip(".") for q in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Lindqvist endorsed her proposal for a new library.",  # "her" is a possessive
        "The council backed her on Monday.",  # "back" is no stance cue (train precision .18)
        "Mayor Lindqvist endorsed Mr. on the ballot.",  # a title with no name
        "The committee supports them financially.",  # no sign that the pronoun is the object
    ],
)
def test_a_stance_cue_leaves_a_possessive_or_a_bare_title(text: str) -> None:
    assert [q for q in find(text).quotes if q.how == "stance"] == []


_NOT_NAMES = frozenset({
    "she", "her", "hers", "him", "his", "its", "they", "them", "their", "theirs", "who",
    "whom", "whose", "you", "your", "our", "ours", "and", "but", "nor", "yet", "for",
})


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["Mr.", "Sen.", "Gov.", "Dr."]),
    # a name, not a pronoun or a conjunction ("Mr. She", "Mr. And" are no one's names)
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).filter(
        lambda word: word not in _NOT_NAMES
    ),
    st.sampled_from(["endorsed", "supports", "endorses"]),
)
def test_a_stance_content_is_the_titled_name_itself(title: str, name: str, verb: str) -> None:
    who = f"{title} {name.capitalize()}"
    text = f"Governor Halvorsen {verb} {who} in the race."
    found = [q for q in find(text).quotes if q.how == "stance"]
    assert [q.text for q in found] == [who]
    assert all(text[q.start:q.end] == q.text for q in found)


# -- a poll or a study that shows, finds, suggests without "that" --------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("For the first time, a new poll shows Ortega leading in the suburbs.",
         "Ortega leading in the suburbs", "a new poll"),
        ("A county survey of landlords found most renters behind on payments.",
         "most renters behind on payments", "A county survey of landlords"),
        # the content ends with the opening clause of "While"
        ("While a state study showed fewer crashes on the bridge, drivers stayed away.",
         "fewer crashes on the bridge", "a state study"),
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


# -- nouns of statement with their owner: "his promise to ...", "Murphy's opposition to ..." ----


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Voters cheered his promise to repave every road in the county, but few believed it.",
         "to repave every road in the county", "his"),
        ("Ortega's opposition to the new toll cost her the suburbs.",
         "the new toll cost her the suburbs", "Ortega"),
        ("The board ignored Sen. Dana Whitfield's criticism of the budget, as before.",
         "of the budget", "Sen. Dana Whitfield"),
        ("Halvorsen's claim to be the outsider in the race drew laughs.",
         "to be the outsider in the race drew laughs", "Halvorsen"),
    ],
)
def test_an_owned_noun_reports_what_its_owner_stands_for(
    text: str, content: str, speaker: str
) -> None:
    found = [q for q in find(text).quotes if q.how == "owned-noun"]
    assert [q.text.rstrip(".") for q in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The party's opposition to the toll grew.",  # a thing owns it, not a named speaker
        "His promise to the voters was broken.",  # "to" and a noun phrase: no infinitive
        "A promise to repave the roads was made.",  # no owner
        "A decision to run surprised nobody.",  # no owner
        "Ortega's support for the toll grew.",  # "support for" fell below .6 on train
    ],
)
def test_an_owned_noun_outside_its_frame_reports_nothing(text: str) -> None:
    assert [q for q in find(text).quotes if q.how == "owned-noun"] == []


@settings(max_examples=40, deadline=None)
@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9),
    st.sampled_from(["promise to", "claim to", "opposition to", "criticism of"]),
    st.lists(st.sampled_from(["cut", "the", "levy", "new", "roads", "taxes"]), min_size=1,
             max_size=6),
)
@example("forecast", "promise to", ["cut"])  # a cue's word as the owner: a name, not a cue
@example("warn", "claim to", ["cut", "taxes"])
def test_an_owned_noun_content_is_a_span_of_the_text_after_its_noun(
    owner: str, noun: str, rest: list[str]
) -> None:
    text = f"The crowd booed {owner.capitalize()}'s {noun} {' '.join(rest)}, and left."
    quotes = find(text).quotes
    if noun.endswith("to") and rest[0] == "cut":  # an infinitive: the rule must fire
        assert [q.how for q in quotes].count("owned-noun") == 1
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.how == "owned-noun":
            assert q.start > text.index("'s ") and q.end <= text.index(", and")
            assert q.speaker is not None and q.speaker.text == owner.capitalize()


# -- "want" with an object and its infinitive: "wants her crew to work faster" -----------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Governor Halvorsen wants the county board to delay the vote.",
         "the county board to delay the vote", "Governor Halvorsen"),
        ("Most farmers want Ortega to keep the subsidy in place.",
         "Ortega to keep the subsidy in place", "Most farmers"),
    ],
)
def test_want_takes_an_object_and_its_infinitive(text: str, content: str, speaker: str) -> None:
    found = [q for q in find(text).quotes if q.cue is not None and q.cue.text.startswith("want")]
    assert [q.text.rstrip(".") for q in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Halvorsen wants it to end soon.",  # "it": as often a thing already said
        "Halvorsen wants the money, and the board wants to wait.",  # punctuation first
        "Halvorsen wants a seat at the table.",  # no infinitive after the object
        "Halvorsen wants the bridge to the island.",  # "to" before a noun phrase
    ],
)
def test_want_without_an_object_and_infinitive_reports_no_object(text: str) -> None:
    wanted = [q for q in find(text).quotes if q.cue is not None and q.cue.text == "wants"
              and q.text.startswith(("it", "the money", "a seat", "the bridge"))]
    assert wanted == []


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(["the", "county", "new", "board", "voters", "Ortega"]), min_size=1,
             max_size=4),
    st.sampled_from(["delay", "pass", "keep", "stop"]),
)
def test_a_wanted_object_and_infinitive_is_the_content(obj: list[str], verb: str) -> None:
    text = f"Governor Halvorsen wants {' '.join(obj)} to {verb} the levy."
    found = [q for q in find(text).quotes if q.cue is not None and q.cue.text == "wants"]
    assert [q.text.rstrip(".") for q in found] == [f"{' '.join(obj)} to {verb} the levy"]
    assert all(text[q.start:q.end] == q.text for q in found)


# -- an "object" cue's content starts at the "that" after its addressee ------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Halvorsen has been telling donors privately that the levy will pass.",
         "that the levy will pass"),
        ("Ortega told her supporters on Tuesday that the count was fair.",
         "that the count was fair"),
        ("The mayor is telling residents across the city that the water is safe.",
         "that the water is safe"),
    ],
)
def test_an_object_cue_content_starts_at_that_after_the_addressee(
    text: str, content: str
) -> None:
    assert contents(text) == [content]


def test_an_object_cue_keeps_a_second_noun_phrase_with_its_relative_that() -> None:
    # "that" after a second noun phrase is a relative pronoun, inside what was told
    assert contents("Ortega told reporters the bill that passed was flawed.") == [
        "the bill that passed was flawed"
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(["donors", "privately", "on", "Monday", "voters", "again"]),
             min_size=1, max_size=4),
)
def test_an_object_cue_content_never_holds_its_addressee(addressee: list[str]) -> None:
    text = f"Halvorsen told {' '.join(addressee)} that the levy will pass."
    assert contents(text) == ["that the levy will pass"]


# -- a one-word object of a cue of speech: "Becker blasted Ruiz." -------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Governor Halvorsen blasted Ortega.", "Ortega", "Governor Halvorsen"),
        ("The mayor praised them.", "them", "The mayor"),
        ("Last week, Dana Whitfield criticized Halvorsen.", "Halvorsen", "Dana Whitfield"),
    ],
)
def test_a_speech_cue_takes_a_person_as_its_whole_object(
    text: str, content: str, speaker: str
) -> None:
    found = [q for q in find(text).quotes if q.how == "object-only"]
    assert [q.text for q in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Don't blame Ortega.",  # an imperative with a negation: nobody's words
        "Halvorsen will say Thursday.",  # a day, after "say": when, not what
        "Halvorsen praised Ortega's budget.",  # more than one word: the usual rule
        "Halvorsen criticized it.",  # "it": a thing said before, not a person
    ],
)
def test_a_one_word_object_outside_its_frame_is_no_object_only_quote(text: str) -> None:
    assert [q for q in find(text).quotes if q.how == "object-only"] == []


@settings(max_examples=40, deadline=None)
@given(
    # a surname's shape: a random word alone may be an abbreviation ("Inc.") or a month
    st.from_regex(r"[A-Z][a-z]{2,8}(son|ez|ski|ova)", fullmatch=True),
    st.sampled_from(["blasted", "praised", "criticized", "slammed"]),
)
def test_a_named_whole_object_is_the_content(who: str, verb: str) -> None:
    text = f"Governor Halvorsen {verb} {who}."
    found = [q for q in find(text).quotes if q.how == "object-only"]
    assert [q.text for q in found] == [who]
    assert text[found[0].start:found[0].end] == who


@pytest.mark.parametrize(
    "text",
    [
        "Do you support Marisol Ortega? Like the page.",  # a question to the reader
        "Halvorsen would endorse Ortega if she wins the primary.",  # a stand to come
        "Asked whether he will support Ortega, Halvorsen smiled.",
    ],
)
def test_a_stance_after_a_modal_or_from_you_is_no_stand(text: str) -> None:
    assert [q for q in find(text).quotes if q.how == "stance"] == []


def test_a_stance_without_a_modal_still_counts() -> None:
    assert [q.text for q in find("Halvorsen endorsed Ortega.").quotes if q.how == "stance"] == [
        "Ortega"
    ]
