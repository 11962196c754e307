"""Quotations inside reported contents, and quotations that go on past a participle in
their attribution sentence (newslens_quotes.engine)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import QuoteResult, find_quotes

import newslens


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, backend="lite"))


# -- a partial quotation inside a reported content, then a participle ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Governor Ann Lee insisted that the levy has “saved the harbour fund,” claiming "
        "that the port would have closed without it.",
        "The mayor said the pier was “a danger to everyone,” adding that repairs start soon.",
        "Ortega argued that the merger would be “a bad deal for workers,” referring to the "
        "layoffs announced in May.",
        "Ruiz told reporters the bridge plan was ''reckless,'' noting that costs had doubled.",
    ],
)
def test_a_quotation_inside_a_content_is_no_quote_of_the_participle(text: str) -> None:
    quotes = find(text).quotes
    # the quotation stays in the outer content and is not a quote of its own
    assert not [q for q in quotes if q.kind == "direct" and q.how == "after-quote"], quotes
    opening = min(text.index(m) for m in ("“", "''") if m in text)
    assert any(q.kind == "mixed" and q.start < opening < q.end for q in quotes), quotes


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # the participle's sentence has its own subject: the quotation is its quote
        ("“The pier is a danger to everyone,” the mayor said, adding that repairs start soon.",
         "said"),
        # a quotation with no content around it before the participle
        ("“We will not back down,” Ruiz said Tuesday, referring to the strike.", "said"),
        # no reported content holds the quotation: it stands after a full stop
        ("The vote is on Monday. “This plan is reckless,” claiming the costs had doubled.",
         "claiming"),
    ],
)
def test_a_quotation_of_its_own_keeps_its_cue(text: str, cue: str) -> None:
    direct = [q for q in find(text).quotes if q.kind == "direct"]
    assert len(direct) == 1, direct
    assert direct[0].cue is not None and direct[0].cue.text == cue


# -- a quotation that goes on past a participle of its attribution ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“We need more ferries,” said Dana Whitfield, referring to the winter timetable. "
        "“Give us the boats and we will run them.”",
        "''The ferry fares went up twice,'' Mr. Ortega said, citing the spring figures. "
        "''Nobody on the island can keep paying that much.''",
        "“The pier is not safe for children,” the engineer told the council, pointing to the "
        "cracked pillars. “Nobody should walk on it until it is fixed.”",
    ],
)
def test_two_quotations_around_a_participle_are_one_quote(text: str) -> None:
    quotes = find(text).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1, quotes
    assert len(direct[0].parts) == 2
    first, second = direct[0].parts
    assert text[first.start - 1] in "“'" and text[second.start - 1] in "“'"
    # the participle's own content is still reported, as a quote of its own
    assert any(q.kind == "indirect" for q in quotes) or len(quotes) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the participle's content is a clause of its own, which the next quotation goes on
        "“We need more ferries,” Dana Whitfield said, adding that the winter timetable was "
        "too thin. “Give us the boats and we will run them.”",
        "“The pier is not safe,” the engineer said, explaining how the pillars had cracked. "
        "“Nobody should walk on it until it is fixed.”",
    ],
)
def test_a_clause_between_keeps_the_quotations_apart(text: str) -> None:
    direct = [q for q in find(text).quotes if q.kind == "direct"]
    assert len(direct) == 2, direct
    assert all(len(q.parts) == 1 for q in direct)


_SUBJECTS = st.sampled_from(["Ana Ruiz", "The mayor", "Mr. Ortega", "The council"])
_WORDS = st.lists(st.sampled_from(["harbour", "levy", "pier", "fund", "timetable", "budget"]),
                  min_size=1, max_size=4)


@settings(max_examples=30, deadline=None)
@given(_SUBJECTS, _WORDS, st.sampled_from(["claiming", "adding", "noting", "referring to"]))
def test_no_quote_inside_a_content_has_a_participle_cue(
    subject: str, words: list[str], participle: str
) -> None:
    phrase = " ".join(words)
    text = (f"{subject} insisted that the plan would be “a disaster for the {phrase},” "
            f"{participle} the costs.")
    quotes = find(text).quotes
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.kind == "direct":
            assert q.cue is None or q.cue.text != participle, quotes
    assert any("a disaster for the" in q.text for q in quotes), quotes


@pytest.mark.parametrize(("text", "mixed", "participle"), [
    ("Speaking on Tuesday, Ruiz insisted that she has “saved the harbour fund,” claiming "
     "that she is responsible for the new pier.",
     "that she has “saved the harbour fund,”", "that she is responsible for the new pier"),
    ("Ruiz hailed the vote as “fantastic,” telling reporters that she thinks it is a great "
     "thing.", "the vote as “fantastic,”", "that she thinks it is a great thing"),
    ("Ruiz blamed her delay on a “bad phone line,” claiming she had already paid the levy.",
     "her delay on a “bad phone line,”", "she had already paid the levy"),
])
def test_a_participle_after_a_mixed_quote_s_closing_mark_reports_its_own_content(
    text: str, mixed: str, participle: str
) -> None:
    quotes = find(text).quotes
    assert [q.text for q in quotes] == [mixed, participle]
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["Ruiz", "Ruiz"]


# -- a quotation that runs on inside a mixed content is no second quote --------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Dana Whitfield says she admired the crew through what she calls a “long and bitter "
         "fight with the weather.”", "long and bitter fight"),
        ("The union said it would fight what it calls “a reckless tax on every worker in the "
         "port.”", "a reckless tax"),
        ("Ortega said that he was “very comfortable with every part of the harbour plan,” the "
         "Gazette reported.", "very comfortable"),
    ],
)
def test_a_quotation_running_on_inside_a_mixed_content_is_part_of_it(
    text: str, quoted: str
) -> None:
    quotes = find(text).quotes
    assert [q.kind for q in quotes] == ["mixed"], quotes
    assert quoted in quotes[0].text


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz described the choice she faced: “Build the pier now or lose the harbour.”",
        "The mayor said the pier was safe, adding, “We will open it again on Monday.”",
    ],
)
def test_a_quotation_set_off_by_punctuation_stays_a_quote(text: str) -> None:
    assert [q.kind for q in find(text).quotes][-1] == "direct"


# -- a paragraph that is only a quotation in single marks is a section heading ------------


def test_a_paragraph_of_one_single_quoted_phrase_is_a_heading() -> None:
    text = (
        "''We don't have silver bullets,'' the mayor said. ''We have a plan.''\n\n"
        "'A change of course.'\n\n"
        "The council met on Monday to vote on the harbour levy and the budget."
    )
    quotes = find(text).quotes
    assert not [q for q in quotes if "change of course" in q.content], quotes
    assert len(quotes) == 1, quotes


def test_a_double_quoted_paragraph_still_inherits() -> None:
    text = (
        "''We don't have silver bullets,'' the mayor said.\n\n"
        "''A change of course is what the harbour needs now.''"
    )
    quotes = find(text).quotes
    assert any("change of course" in q.content for q in quotes), quotes


_SPEAKERS = st.sampled_from(["Dana Whitfield", "The union", "Ortega", "The mayor"])
_PHRASES = st.sampled_from([
    "a reckless tax on every worker in the port", "long and bitter fight with the weather",
    "the worst plan this harbour has ever seen",
])


@settings(max_examples=24, deadline=None)
@given(_SPEAKERS, _PHRASES, st.sampled_from(["calls", "called"]))
def test_what_a_speaker_calls_a_quotation_is_one_mixed_quote(
    speaker: str, phrase: str, verb: str
) -> None:
    text = f"{speaker} said it would fight what it {verb} “{phrase}.”"
    quotes = find(text).quotes
    assert [q.kind for q in quotes] == ["mixed"], quotes
