"""The ``opinion`` cues and the ``asked`` rule of :mod:`newslens_quotes.reported` (lite
annotator): reported speech without quotation marks, introduced by verbs of opinion and
intention or by a question put to someone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import Quote, builtin_cues, find_quotes
from stanza.utils.conll import CoNLL

import newslens
from newslens import Document
from newslens.annotators.stanza import from_stanza


def found(text: str, how: str) -> list[Quote]:
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    return [q for q in quotes if q.how == how]


def test_the_opinion_cues_are_rows_of_the_lexicon() -> None:
    frames = {cue.words: cue.frame for cue in builtin_cues()}
    for lemma in ("believe", "hope", "plan", "consider", "oppose", "fear", "demand"):
        assert frames[(lemma,)] == "opinion", lemma
    for lemma in ("see", "view", "regard"):
        assert frames[(lemma,)] == "as", lemma


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Councilwoman Dana Whitfield believes the levy will fail.",
         "the levy will fail", "Councilwoman Dana Whitfield"),
        ("The teachers' union plans to strike in March.", "to strike in March",
         "The teachers' union"),
        ("Most residents oppose the new toll, the survey found.", "the new toll",
         "Most residents"),
        ("She hopes to finish the bridge before winter.", "to finish the bridge before winter",
         "She"),
        ("Marisol Ortega is demanding a recount of the ballots.",
         "a recount of the ballots", "Marisol Ortega"),
        ("Most voters see Halvorsen as the stronger candidate.",
         "Halvorsen as the stronger candidate", "Most voters"),
        ("Farmers who oppose Halvorsen met in Dover on Monday.", "Halvorsen", "who"),
        ("They fear that the clinic will close.", "that the clinic will close", "They"),
        ("Mayor Lin has repeatedly questioned the cost of the stadium.",
         "the cost of the stadium", "Mayor Lin"),
    ],
)
def test_an_opinion_cue_with_its_holder_and_its_content(
    text: str, content: str, speaker: str
) -> None:
    quotes = found(text, "opinion")
    assert len(quotes) == 1, quotes
    assert quotes[0].text.rstrip(".") == content
    assert quotes[0].kind == "indirect"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The city's transit plan would cost two billion dollars.",  # a noun
        "A government plan similar to the old one failed.",  # a noun before no "to"
        "The Clean Power Plan rules were challenged in court.",  # a name
        "The senator hopes about nothing.",  # a preposition after the cue
        "A super PAC demanding votes spent heavily in Iowa.",  # a participle describing
        "The crowd saw the fire from the bridge.",  # "see" with no "as": a sight
        "Nobody believes the levy will pass.",  # no one's opinion
        'Dana Whitfield saw the fire as "a warning to every town."',  # a partial quote's
        "The bridge plans to reopen in May.",  # a thing cannot plan
        "It was the outcome the voters believe is fair.",  # the content lost its subject
        "Hoping to win, the crowd cheered.",  # nobody named before the cue
        "The old policies oppose nothing.",  # a thing, and no content
    ],
)
def test_an_opinion_cue_without_its_frame_reports_nothing(text: str) -> None:
    assert found(text, "opinion") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor said she believes the levy will fail.", "she believes the levy will fail"),
        ("Whitfield said the council wants to close the pool.",
         "the council wants to close the pool"),
        ("Officials said the chief told them the station would close.",
         "the chief told them the station would close"),
    ],
)
def test_a_statement_inside_a_statement_is_part_of_it(text: str, content: str) -> None:
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [q.text.rstrip(".") for q in quotes] == [content]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["plans", "hopes", "fears", "views"]),
       st.sampled_from(["the road", "money", "a new park", "nothing"]))
def test_a_noun_form_before_a_noun_phrase_never_reports(word: str, obj: str) -> None:
    assert found(f"The city {word} {obj} this year.", "opinion") == []


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["She", "The union", "Dana Whitfield", "Most voters", "They"]),
       st.sampled_from(["plans", "hopes"]),
       st.sampled_from(["to build a park", "to win the seat", "to cut the budget"]))
def test_a_holder_and_an_infinitive_always_report(holder: str, verb: str, rest: str) -> None:
    if holder in ("Most voters", "They"):
        verb = verb[:-1]  # plural agreement: "They plan"
    quotes = found(f"{holder} {verb} {rest} next year.", "opinion")
    assert len(quotes) == 1
    assert quotes[0].text == f"{rest} next year"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == holder


# -- Asked whether ..., X said --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Asked whether the bridge would reopen, the mayor said she did not know.",
         "whether the bridge would reopen"),
        ("When asked about the budget gap, Whitfield shrugged.", "the budget gap"),
        ("Asked if he would run again, Halvorsen smiled.", "if he would run again"),
        ("The chief, asked why the station closed, blamed the budget.",
         "why the station closed"),
        ("The chief was asked whether the station would close.",
         "whether the station would close"),
        ("Asked specifically what went wrong, Whitfield blamed the pumps.",
         "specifically what went wrong"),
    ],
)
def test_a_question_put_to_someone_is_reported(text: str, content: str) -> None:
    quotes = found(text, "asked")
    assert len(quotes) == 1, quotes
    assert quotes[0].text.rstrip(".") == content
    assert quotes[0].speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "Asked to leave, the protesters stayed.",  # a request, no question word
        "The clerk asked the crowd to wait.",  # the asker is named: the speech rules'
        "Nobody asked.",  # nothing after the cue
        "She was asked to resign.",  # a request
    ],
)
def test_the_asked_rule_needs_a_question(text: str) -> None:
    assert found(text, "asked") == []


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc ,.?;-")), max_size=40))
def test_the_asked_rule_on_any_text_keeps_to_the_sentence(tail: str) -> None:
    text = f"Asked whether {tail}"
    doc = newslens.annotate(text, backend="lite")
    for quote in find_quotes(doc).quotes:
        assert quote.text == doc.text[quote.start:quote.end]
        if quote.how == "asked":
            assert quote.start >= len("Asked ")
            assert not any(mark in quote.text for mark in ",?")


# -- where a reported clause ends -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("The mayor said the bridge will reopen in May, but the council gave no date.",
         ["the bridge will reopen in May"]),
        ("The clerk said the count was over; the losers left the hall.",
         ["the count was over"]),
        ("Officials said turnout was unusually high, compared with the last election.",
         ["turnout was unusually high"]),
        ("Half the voters said the plan was fair, and a third said it was not.",
         ["the plan was fair", "it was not"]),
        ("The chief said the station, which opened in 1990, will close.",
         ["the station, which opened in 1990, will close"]),
        ("Whitfield said the levy was dead in an interview with the Harbour Gazette.",
         ["the levy was dead"]),
        ("The mayor said the deal was signed by Dana Whitfield, who chairs the board.",
         ["the deal was signed by Dana Whitfield"]),
        ("The mayor said the deal was signed by the board, which meets on Mondays.",
         ["the deal was signed by the board, which meets on Mondays"]),
    ],
)
def test_a_reported_clause_ends_before_the_writer_s_next_clause(
    text: str, contents: list[str]
) -> None:
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [q.text.rstrip(".") for q in quotes] == contents


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator thinks the levy will fail.", "the levy will fail"),
        ("Dana Whitfield thinks the county budget is too small.",
         "the county budget is too small"),
        ("Most residents expect the new bridge would ease traffic.",
         "the new bridge would ease traffic"),
    ],
)
def test_a_complement_cue_before_a_clause_with_a_noun_subject(text: str, content: str) -> None:
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [q.text.rstrip(".") for q in quotes] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The senator thinks the levy, mostly, is fair.",  # punctuation before the verb
        "Residents expect the new bridge to ease traffic on Elm Street.",  # no finite verb
    ],
)
def test_no_clause_after_a_complement_cue(text: str) -> None:
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert quotes == ()


# -- speakers further back: counts of people, a subject with its aside -------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Six in 10 say the mayor is doing well.", "the mayor is doing well", "Six in 10"),
        ("Voters said the levy is fair, and three-quarters said the same of the park.",
         "the same of the park", "three-quarters"),
        ("Whitfield, who has led the council since 2019, said the pool will reopen.",
         "the pool will reopen", "Whitfield"),
        ("Councilman Ray Ortega, a former teacher, said the school needs more staff.",
         "the school needs more staff", "Councilman Ray Ortega"),
    ],
)
def test_a_speaker_further_back(text: str, content: str, speaker: str) -> None:
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    last = quotes[-1]
    assert last.text.rstrip(".") == content
    assert last.speaker is not None and last.speaker.text == speaker


def test_two_asides_name_no_speaker_further_back() -> None:
    text = "Whitfield, who chairs the board, and Ortega, who runs the clinic, said nothing."
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert all(q.speaker is None or q.speaker.text != "Whitfield" for q in quotes)


# -- X called Y Z, without quotation marks -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Councilman Ray Ortega called him reckless.", "him reckless", "Councilman Ray Ortega"),
        ("Sixty percent call Halvorsen competent.", "Halvorsen competent", "Sixty percent"),
        ("The union struck back, calling Halvorsen a bully.", "Halvorsen a bully",
         "The union"),
        ("They called it a waste of money.", "it a waste of money", "They"),
    ],
)
def test_a_naming_cue_reports_whom_it_names_and_how(
    text: str, content: str, speaker: str
) -> None:
    quotes = found(text, "named")
    assert len(quotes) == 1, quotes
    assert quotes[0].text == content
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "She called him on Tuesday.",  # a telephone call
        "A group called Safe Streets met on Monday.",  # a thing's name
        'The mayor called Ortega a "bully" again.',  # quotation marks: a mixed quote
        "They called it off.",  # a particle
        "He called them to the stage.",  # a preposition
    ],
)
def test_a_naming_cue_without_its_frame_names_nothing(text: str) -> None:
    assert found(text, "named") == []


def test_a_naming_cue_with_quotation_marks_stays_a_mixed_quote() -> None:
    quotes = find_quotes(
        newslens.annotate('The mayor called Ortega a "bully" on Monday.', backend="lite")
    ).quotes
    assert [(q.kind, q.how) for q in quotes] == [("mixed", "reported")]


# -- what records show -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("New filings show the campaign has little cash left.",
         "the campaign has little cash left", "New filings"),
        ("The council spent twice its budget, city records show.",
         "The council spent twice its budget", "city records"),
    ],
)
def test_records_show_what_they_report(text: str, content: str, speaker: str) -> None:
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [q.text.rstrip(".") for q in quotes] == [content]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


def test_records_shown_alone_report_nothing() -> None:
    quotes = find_quotes(newslens.annotate("The records show.", backend="lite")).quotes
    assert quotes == ()


@pytest.mark.parametrize(
    "text",
    [
        "The new park added to the city's debt.",  # "add to" a thing
        "The delay added to the confusion at the polls.",
        "A super PAC supporting Halvorsen spent heavily.",  # a describing participle
        "Voters backing Ortega crowded the hall.",
        "The mayor may want to check the figures again.",  # advice, nobody's view
        "If you want to understand the levy, read the report.",  # a generic "you"
    ],
)
def test_a_verb_in_its_other_sense_reports_nothing(text: str) -> None:
    assert find_quotes(newslens.annotate(text, backend="lite")).quotes == ()


def test_added_before_a_clause_still_reports() -> None:
    quotes = find_quotes(
        newslens.annotate("The mayor added that the park would open in May.", backend="lite")
    ).quotes
    assert [q.text.rstrip(".") for q in quotes] == ["that the park would open in May"]


def test_a_poll_with_a_long_name_is_the_source_of_its_sentence() -> None:
    text = "In a Harbour Gazette and City Radio poll released Monday, half the voters chose Ortega."
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [(q.how, q.text.rstrip(".")) for q in quotes] == [
        ("poll", "half the voters chose Ortega")
    ]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.text == "a Harbour Gazette and City Radio poll released Monday"


@pytest.mark.parametrize(
    ("headline", "content", "speaker"),
    [
        ("Dr. Dana Whitfield: The Clinic Will Stay Open", "The Clinic Will Stay Open",
         "Dr. Dana Whitfield"),
        ("Ortega to Harbour Voters: The Bridge Comes First", "The Bridge Comes First", "Ortega"),
        ("Mayor Lin at City Hall: No New Taxes This Year", "No New Taxes This Year", "Mayor Lin"),
    ],
)
def test_a_headline_names_its_speaker_and_where_it_spoke(
    headline: str, content: str, speaker: str
) -> None:
    doc = newslens.annotate("The council met on Monday.", headline=headline, backend="lite")
    quotes = [q for q in find_quotes(doc).quotes if q.how == "colon"]
    assert [q.text for q in quotes] == [content]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


@pytest.mark.parametrize(
    "headline",
    [
        "The Latest: Council Meets on Monday",  # a label
        "Budget talks to resume at noon: What We Know",  # no name
    ],
)
def test_a_headline_colon_after_no_name_names_no_speaker(headline: str) -> None:
    doc = newslens.annotate("The council met on Monday.", headline=headline, backend="lite")
    assert [q for q in find_quotes(doc).quotes if q.how == "colon"] == []


def test_according_to_between_commas_splits_its_content() -> None:
    text = "The new pool, according to two council aides, will cost twice the estimate."
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert len(quotes) == 1
    assert [p.text.rstrip(".") for p in quotes[0].parts] == [
        "The new pool", "will cost twice the estimate"
    ]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "two council aides"


def test_according_to_at_the_end_keeps_one_part() -> None:
    text = "The new pool will cost twice the estimate, according to two council aides."
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [q.text for q in quotes] == ["The new pool will cost twice the estimate"]
    assert len(quotes[0].parts) <= 1


# -- on stanza tags (CoNLL-U written by hand: "plans" as a verb, then as a noun) -----------------


OPINION = "Dana Whitfield plans to close the pool. The city plans cost too much."


def test_an_opinion_cue_on_stanza_tags() -> None:
    sdoc = CoNLL.conll2doc(
        input_str=(Path(__file__).parent / "fixtures" / "opinion.conllu").read_text("utf-8")
    )
    sdoc.text = OPINION
    doc = from_stanza(Document.create(OPINION), [(0, sdoc)])
    assert doc.backend == "stanza"
    quotes = find_quotes(doc).quotes
    assert [(q.how, q.text.rstrip(".")) for q in quotes] == [("opinion", "to close the pool")]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Dana Whitfield"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Ruiz hopes the plan will work.", "the plan will work", "Ruiz"),
    ("The mayor fears the pier will collapse this winter.", "the pier will collapse this winter",
     "The mayor"),
    ("Officials fear the pier will collapse.", "the pier will collapse", "Officials"),
    ("She hopes the council can find the money.", "the council can find the money", "She"),
])
def test_hopes_and_fears_are_verbs_between_a_holder_and_a_clause(
    text: str, content: str, speaker: str
) -> None:
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [(q.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        (content, speaker)
    ]


@pytest.mark.parametrize("text", [
    "Her hopes the plan would work were dashed.",
    "The party's plans were never published.",
    "Ruiz's fears about the pier were justified.",
])
def test_hopes_and_fears_as_nouns_report_nothing(text: str) -> None:
    assert find_quotes(newslens.annotate(text, backend="lite")).quotes == ()


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The mayor backed a plan that he believes was drafted by the council.",
     "was drafted by the council", "he"),
    ("The crews fear the levy, which Lind thinks will lead to job losses.",
     "will lead to job losses", "Lind"),
    ("The board named a chair whom many members believed was too close to the mayor.",
     "was too close to the mayor", "many members"),
])
def test_an_opinion_inside_a_relative_clause_reports_the_relative_s_verb(
    text: str, content: str, speaker: str
) -> None:
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [(q.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        (content, speaker)
    ]


def test_an_opinion_verb_before_a_verb_without_a_relative_reports_nothing() -> None:
    # "the builders they thought were the cheapest": a verb whose subject went before
    text = "Lind thought were the cheapest builders in town."
    assert find_quotes(newslens.annotate(text, backend="lite")).quotes == ()
