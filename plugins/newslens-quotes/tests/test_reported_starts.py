"""Where a reported content starts (lite annotator): a statement inside the content of a
statement found after it (``Y told her that Z, according to X``) is part of that content,
as PolNeAR gives it: one content of the outer source."""

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
        ("The council told the builders that the permit had lapsed, according to city records.",
         "The council told the builders that the permit had lapsed"),
        ("Harlan said the bridge would close in June, according to two aides.",
         "Harlan said the bridge would close in June"),
        ("Most of the tenants say they want the landlord to fix the boiler, the agency said.",
         "Most of the tenants say they want the landlord to fix the boiler"),
    ],
)
def test_an_inner_statement_belongs_to_the_outer_content(text: str, content: str) -> None:
    found = quotes(text)
    assert [q.text.rstrip(".,") for q in found] == [content]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # the inner statement's cue lies outside the closing attribution's content
        ("Harlan said the bridge would close. The repairs will take a year, according to "
         "the city.", ["the bridge would close", "The repairs will take a year"]),
        # a noun with its owner is a statement of its own
        ("Ortiz repeated his warning that the dam could fail, according to the minutes.",
         None),
    ],
)
def test_statements_outside_or_owned_stay(text: str, contents: list[str] | None) -> None:
    found = quotes(text)
    if contents is not None:
        assert [q.text.rstrip(".,") for q in found] == contents
    else:  # the owned noun's statement stays beside the closing attribution
        assert any(q.text.startswith("that the dam could fail") for q in found)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["Harlan", "The mayor", "Two of the inspectors"]),
    st.sampled_from(["said", "told reporters", "warned"]),
    st.sampled_from(["the shelter was full", "prices had risen", "the road was unsafe"]),
    st.sampled_from(["according to the report", "according to officials",
                     "officials said", "the agency said"]),
)
def test_no_content_starts_inside_a_closing_attributions_content(
    speaker: str, cue: str, clause: str, closing: str
) -> None:
    text = f"{speaker} {cue} that {clause}, {closing}."
    found = [q for q in quotes(text) if q.kind != "direct"]
    assert found
    outer = found[0]
    assert outer.start == 0
    assert clause in outer.text
    # nothing else is found inside the outer content
    assert all(not (outer.start < q.start < outer.end) for q in found[1:])


@pytest.mark.parametrize(
    ("text", "subject", "rest"),
    [
        ("The race seemed to tighten after the debate.", "The race",
         "to tighten after the debate"),
        ("But the council seems to have changed its mind on the levy.", "the council",
         "to have changed its mind on the levy"),
    ],
)
def test_seem_before_its_infinitive_starts_the_content_at_its_subject(
    text: str, subject: str, rest: str
) -> None:
    found = quotes(text)
    assert len(found) == 1
    assert found[0].how == "clause" and found[0].speaker is None
    assert [p.text for p in found[0].parts] == [subject, rest]


@pytest.mark.parametrize(
    "text", ["Becker seemed tired after the meeting.", "The council seems a sensible body."]
)
def test_seem_without_an_infinitive_is_no_statement(text: str) -> None:
    assert quotes(text) == []


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["The mayor", "Most of the voters", "The new plan", "Harlan"]),
    st.sampled_from(["seemed", "seems", "seem"]),
    st.sampled_from(["to waver on the levy", "to favour a second bridge",
                     "to have lost the vote"]),
)
def test_a_seem_clause_starts_at_the_sentence_start(subject: str, cue: str, rest: str) -> None:
    found = quotes(f"{subject} {cue} {rest}.")
    assert [(q.how, q.start) for q in found] == [("clause", 0)]
    assert found[0].parts[0].text == subject


@pytest.mark.parametrize(
    "text",
    [
        "The mayor continued to insist that the levy would pass.",
        "Ortiz went on to explain that the dam was safe.",
    ],
)
def test_two_cues_of_one_content_give_one_statement(text: str) -> None:
    found = quotes(text)
    assert len(found) == 1
    assert found[0].text.startswith("that ")


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["The mayor", "Harlan", "Two of the inspectors"]),
    st.sampled_from(["continued to insist", "went on to explain", "declined to say",
                     "said", "told reporters"]),
    st.sampled_from(["the shelter was full", "prices had risen", "the road was unsafe"]),
)
def test_no_two_statements_share_a_content(speaker: str, cue: str, clause: str) -> None:
    found = [q for q in quotes(f"{speaker} {cue} that {clause}.") if q.kind != "direct"]
    spans = [(q.start, q.end) for q in found]
    assert found and len(spans) == len(set(spans))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ortiz: I Think Voters Will Reject the Levy\n\nThe mayor spoke on Monday.",
         "I Think Voters Will Reject the Levy"),
        ("Ortiz: Voters Will Say No to the Levy\n\nThe mayor spoke on Monday.",
         "Voters Will Say No to the Levy"),
    ],
)
def test_a_headline_statement_takes_in_the_cues_inside_it(text: str, content: str) -> None:
    found = quotes(text)
    assert [(q.how, q.text) for q in found] == [("colon", content)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Harlan said the plan failed because the mayor refused to fund it.",
         "the plan failed because the mayor refused to fund it"),
        ("Harlan said the toll was dropped when Ortiz announced the new budget.",
         "the toll was dropped when Ortiz announced the new budget"),
    ],
)
def test_a_subordinate_clause_with_a_cue_stays_in_the_content(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # the writer's time line: "after" opens no clause of the content
        ("Harlan said the bridge closed in January after Ortiz said it was unsafe.",
         ["the bridge closed in January", "it was unsafe"]),
        # a comma before the subordinator: the writer's clause
        ("Harlan said the plan failed, because the mayor refused to fund it.",
         ["the plan failed", "to fund it"]),
    ],
)
def test_after_or_a_comma_still_ends_the_content(text: str, contents: list[str]) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == contents


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["Harlan", "The mayor", "Two of the inspectors"]),
    st.sampled_from(["the toll was dropped", "the bridge would close", "prices rose"]),
    st.sampled_from(["when", "because", "if", "until", "since"]),
    st.sampled_from(["Ortiz announced the budget", "the council said it would",
                     "the agency reported a loss"]),
)
def test_one_content_through_a_subordinate_clause(
    speaker: str, clause: str, link: str, inner: str
) -> None:
    found = quotes(f"{speaker} said {clause} {link} {inner}.")
    assert len(found) == 1
    assert found[0].text.startswith(clause) and inner in found[0].text


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Becker told The Harbour Gazette he was not ready to back the levy.",
         "he was not ready to back the levy"),
        ("Several delegates told the Gazette they were leaning toward Ortiz.",
         "they were leaning toward Ortiz"),
        ("She told Ortiz the levy would fail.", "the levy would fail"),
    ],
)
def test_a_content_after_an_addressee_starts_at_its_subject(text: str, content: str) -> None:
    assert [q.text.rstrip(".") for q in quotes(text)] == [content]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["The Washington Post", "the Gazette", "a news conference", "Ortiz"]),
    st.sampled_from(["he", "she", "they", "we"]),
    st.sampled_from(["was not ready", "would vote for the levy", "had left the party"]),
)
def test_the_subject_pronoun_after_an_addressee_opens_the_content(
    addressee: str, pronoun: str, rest: str
) -> None:
    found = quotes(f"Harlan told {addressee} {pronoun} {rest}.")
    assert [q.text.rstrip(".") for q in found] == [f"{pronoun} {rest}"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He told colleagues the city would review the budget in May.",
         "the city would review the budget in May"),
        ("She told residents they could return on Monday.", "they could return on Monday"),
        ("The mayor told neighbours a new ferry was coming.", "a new ferry was coming"),
    ],
)
def test_a_bare_plural_addressee_is_not_in_the_content(text: str, content: str) -> None:
    (quote,) = quotes(text)
    assert quote.cue is not None and quote.cue.text == "told"
    assert quote.text.rstrip(".") == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("She told residents to leave the pier.", "residents to leave the pier"),
        ("He told the press the plan was dead.", "the plan was dead"),
    ],
)
def test_other_addressees_are_read_as_before(text: str, content: str) -> None:
    (quote,) = quotes(text)
    assert quote.text.rstrip(".") == content


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["colleagues", "residents", "voters", "officials", "stories", "grass"]),
    st.sampled_from(["the city", "they", "a ferry", "that the city", "to the city"]),
)
def test_a_told_content_never_starts_inside_a_word_pair(noun: str, rest: str) -> None:
    text = f"The mayor told {noun} {rest} would wait."
    doc = newslens.annotate(text, backend="lite")
    for quote in find_quotes(doc).quotes:
        assert quote.text == doc.text[quote.start:quote.end]
        # the content starts at the addressee or right after it, never later
        assert quote.start <= text.index(rest)


@pytest.mark.parametrize("dateline", ["MARLOW BAY", "NEW YORK", "PARIS (Reuters)"])
def test_a_dateline_is_not_in_the_content(dateline: str) -> None:
    text = (f"Bridge stays shut\n\n{dateline} — The bridge will stay closed until May, city "
            "engineers said on Tuesday, a week after the mayor promised drivers it would reopen.")
    found = [q for q in quotes(text) if "bridge" in q.text]
    assert found and all(q.text.startswith("The bridge will stay closed") for q in found)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The UN — a body of states — said the plan was fine.", "the plan was fine"),
        ("Officials said the plan — a costly one — was fine.",
         "the plan — a costly one — was fine"),
        ("US aid — all of it — will stop in May, officials said.",
         "US aid — all of it — will stop in May"),
    ],
)
def test_capitals_before_a_dash_inside_a_sentence_stay(text: str, content: str) -> None:
    (quote,) = quotes(text)
    assert quote.text == content
