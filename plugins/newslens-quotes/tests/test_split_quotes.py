"""One statement found as two quotes, and quotes found where nobody is quoted: the shapes
behind PolNeAR false positives (newslens_quotes.engine; lite annotator)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import QuoteResult, find_quotes

import newslens


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, backend="lite"))


# -- a quotation that goes on after "he said, but" ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“I like the new ferry timetable,” the mayor said, but “the fares are far too high "
        "for the families on the island.”",
        "''The pier needs work,'' Ana Ruiz said, and ''the council has known it for years.''",
    ],
)
def test_a_quotation_after_a_conjunction_goes_on_the_quote(text: str) -> None:
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    assert quotes[0].kind == "direct" and len(quotes[0].parts) == 2
    assert quotes[0].cue is not None and quotes[0].cue.text == "said"


_SPEAKERS = st.sampled_from(["the mayor", "Ana Ruiz", "Mr. Ortega", "the engineer"])
_NOUNS = st.lists(st.sampled_from(["pier", "levy", "ferry", "budget", "harbour", "fund"]),
                  min_size=1, max_size=3)


@settings(max_examples=30, deadline=None)
@given(_SPEAKERS, _NOUNS, st.sampled_from(["and", "but"]))
def test_one_speaker_one_quote_around_a_conjunction(
    speaker: str, nouns: list[str], conjunction: str
) -> None:
    things = " and the ".join(nouns)
    text = (f"“We looked at the {things} again,” {speaker} said, {conjunction} “nobody on "
            f"the island will pay for the {things} this year.”")
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    assert [text[p.start - 1] for p in quotes[0].parts] == ["“", "“"]


# -- an opening subordinate clause is no content of ", X refused" ----------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("When his family moved back to the island, his mother refused to teach him Dutch.",
         "to teach him Dutch"),
        ("As the storm approached the coast, the mayor pledged to open every shelter in town.",
         "to open every shelter"),
        ("Once the fares come down, will the islanders still want to take the old boat?",
         "to take the old boat"),
    ],
)
def test_an_opening_clause_is_not_reported(text: str, content: str) -> None:
    quotes = find(text).quotes
    assert not any(q.how == "reported-after" for q in quotes), quotes
    assert [q.text for q in quotes] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry will run again on Friday, the mayor said.",
        "While the pier is closed, the ferry stops at the beach, the captain said.",
    ],
)
def test_a_clause_before_the_attribution_is_still_reported(text: str) -> None:
    quotes = find(text).quotes
    assert len(quotes) == 1 and quotes[0].text == text[: text.rindex(", the ")], quotes


_CLAUSE_OPENERS = st.sampled_from(["When", "As", "Once", "While", "Although", "Because"])
_EVENTS = st.sampled_from(["the ferry left the harbour", "the council met on Monday",
                           "the fares went up again"])


@settings(max_examples=30, deadline=None)
@given(_CLAUSE_OPENERS, _EVENTS, _SPEAKERS, st.sampled_from(["refused", "declined", "vowed"]))
def test_a_subordinate_clause_then_a_speaker_reports_nothing_before(
    opener: str, event: str, speaker: str, cue: str
) -> None:
    text = f"{opener} {event}, {speaker} {cue} to comment."
    assert not any(q.how == "reported-after" for q in find(text).quotes), text


# -- a name in quotation marks inside the subject of a cue -----------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The producers of “The Night Ferry” wrote that the show would return in May.",
         "The Night Ferry"),
        ("Critics of the “super levy” argued that the fund was empty.", "super levy"),
        ("The council’s “harbour plan” stated that the pier would close.", "harbour plan"),
    ],
)
def test_a_name_in_the_subject_is_no_quote(text: str, name: str) -> None:
    quotes = find(text).quotes
    assert not any(q.kind == "direct" and q.text == name for q in quotes), quotes


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("“Absolutely not,” she said.", "Absolutely not,"),
        ("The mayor was asked about the fares. “Far too high,” she said.", "Far too high,"),
    ],
)
def test_a_short_quotation_with_its_speaker_stays(text: str, content: str) -> None:
    quotes = find(text).quotes
    assert ("after-quote", content, "she") in [
        (q.how, q.text, q.speaker and q.speaker.text) for q in quotes
    ], quotes


_TERMS = st.lists(st.sampled_from(["harbour", "levy", "ferry", "Tide", "Night", "plan"]),
                  min_size=1, max_size=3)


@settings(max_examples=30, deadline=None)
@given(_TERMS, st.sampled_from(["argued", "wrote", "stated", "suggested"]))
def test_no_short_term_in_a_subject_is_a_quote(terms: list[str], cue: str) -> None:
    term = " ".join(terms)
    text = f"Critics of the “{term}” {cue} that the fund was empty."
    quotes = find(text).quotes
    assert not any(q.kind == "direct" for q in quotes), quotes


# -- a quotation right after a content whose attribution follows it (content-ahead) ----------


@pytest.mark.parametrize(
    "text",
    [
        "''I admire the boats'' of the new fleet, Mr. Ortega said. ''They are faster than the "
        "old ones. But I worry about the fares for the families.''",
        "The council may wait until the vote is over, Ruiz said. \"The other thing the council "
        "may be weighing is whether the ferry would look like a gift to the mayor.\"",
    ],
)
def test_a_quotation_after_a_content_ahead_goes_on_it(text: str) -> None:
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    assert quotes[0].how == "content-ahead" and len(quotes[0].parts) == 2
    assert quotes[0].speaker is not None and quotes[0].speaker.text in ("Mr. Ortega", "Ruiz")


@settings(max_examples=30, deadline=None)
@given(_SPEAKERS, _NOUNS)
def test_one_speaker_one_content_ahead_and_its_quotation(speaker: str, nouns: list[str]) -> None:
    things = " and the ".join(nouns)
    text = (f"The island will need the {things} by May, {speaker} said. “Nobody here can wait "
            f"for the {things} until the winter is over.”")
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    assert len(quotes[0].parts) == 2


# -- ", say," brings in an example --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The new ferry costs more than, say, a second pier on the north shore.",
        "Even if the council narrows the gap to, say, single digits, the vote is lost.",
    ],
)
def test_say_between_commas_reports_nothing(text: str) -> None:
    assert find(text).quotes == (), find(text).quotes


def test_a_speaker_who_says_between_commas_still_speaks() -> None:
    text = "In the long run, many islanders say, the ferry will pay for itself."
    quotes = find(text).quotes
    assert len(quotes) == 1 and quotes[0].speaker is not None, quotes
    assert quotes[0].speaker.text == "many islanders"


@settings(max_examples=30, deadline=None)
@given(_NOUNS, st.sampled_from(["than", "like", "to", "against"]))
def test_no_statement_after_an_aside_say(nouns: list[str], word: str) -> None:
    things = " and the ".join(nouns)
    text = f"The plan is harder {word}, say, the {things} on the island."
    assert not any(q.cue is not None and q.cue.text == "say" for q in find(text).quotes)


# -- the attribution after a quotation that ends its sentence ---------------------------------


def test_a_sentence_with_its_own_clause_is_no_attribution_of_the_quote_before() -> None:
    text = ("''Our fares are far too high,'' Mr. Ortega said. ''One of the big problems is the "
            "ferry, and that is my wheelhouse.'' He said, twice, that he would go back to work "
            "on Wednesday.")
    quotes = find(text).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1 and len(direct[0].parts) == 2, quotes
    assert any(q.text.endswith("go back to work on Wednesday") for q in quotes), quotes


@pytest.mark.parametrize("verb", ["answered", "replied", "shrugged"])
def test_the_next_paragraph_does_not_attribute_a_quotation(verb: str) -> None:
    text = ("“Would the ferry run at night?” Hannity pressed. “Maybe twice a week, if the crews "
            f"agree?”\n\n“Not before May,” Ruiz {verb}. “We will work out a timetable.”\n")
    quotes = find(text).quotes
    question = next(q for q in quotes if "twice a week" in q.content)
    assert question.speaker is not None and question.speaker.text == "Hannity", quotes


# -- "X, who ..., said Y's plan did not ...": the clause after the cue is the content ----------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Conservative economist Ana Ruiz, who studies tax policy at the institute, said "
         "Dana Whitfield's statement didn't clarify the matter.",
         "Dana Whitfield's statement didn't clarify the matter"),
        ("One of the authors of the harbour report, Tom Becker, said the council's plan will "
         "test the figures.", "the council's plan will test the figures"),
    ],
)
def test_a_possessive_clause_after_the_cue_is_no_speaker(text: str, content: str) -> None:
    quotes = find(text).quotes
    assert not any(q.how == "content-ahead" for q in quotes), quotes
    assert [q.text for q in quotes] == [content]


def test_a_possessive_speaker_after_the_cue_still_speaks() -> None:
    text = "The pier will close in May, said the city's chief engineer."
    quotes = find(text).quotes
    assert [(q.how, q.text, q.speaker and q.speaker.text) for q in quotes] == [
        ("content-ahead", "The pier will close in May", "the city's chief engineer")
    ]


# -- a quotation ending in a comma, an attribution the rules do not read, a quotation ---------


@pytest.mark.parametrize(
    "attribution",
    [
        "the two engineers write",
        "read the statement",
        "Becker is quoted as saying",
    ],
)
def test_two_quotations_around_an_unread_attribution_are_one_quote(attribution: str) -> None:
    text = (f"“The ferry will run again in May,” {attribution}. “Nobody should expect it "
            "before then.”")
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    assert [text[p.start - 1] for p in quotes[0].parts] == ["“", "“"]


def test_a_quotation_ending_in_a_full_stop_stays_apart() -> None:
    text = ("“The ferry will run again in May.” The two engineers write for the island paper. "
            "“Nobody should expect it before then.”")
    quotes = find(text).quotes
    assert all(len(q.parts) < 2 for q in quotes), quotes


# -- an adverb before the cue names nobody ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The council almost immediately disclosed the figures to the paper.", "The council"),
        ("As you very aptly pointed out, the ferry is late again.", "you"),
        ("The harbour board indeed announced that the ferry would stop.", "The harbour board"),
    ],
)
def test_an_adverb_is_not_part_of_the_speaker(text: str, speaker: str) -> None:
    quotes = find(text).quotes
    assert [q.speaker.text if q.speaker else None for q in quotes] == [speaker], quotes


def test_please_is_no_speaker() -> None:
    quotes = find("Please know that the ferry is late again.").quotes
    assert not any(q.speaker is not None and q.speaker.text == "Please" for q in quotes), quotes


# -- "Everything X says is ...": the cue is inside the subject ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Everything the mayor says is a lie unless proven otherwise.",
        "Everything Dana Whitfield says is a lie unless proven otherwise.",
        "Not everything Ana Ruiz says is true, the paper found.",
    ],
)
def test_everything_someone_says_is_no_statement_of_theirs(text: str) -> None:
    quotes = find(text).quotes
    assert not any(q.text.startswith("is ") for q in quotes), quotes


def test_someone_who_says_everything_still_speaks() -> None:
    quotes = find("The mayor says everything is fine at the harbour.").quotes
    assert [(q.text, q.speaker and q.speaker.text) for q in quotes] == [
        ("everything is fine at the harbour", "The mayor")
    ]
