"""Reported speech whose content comes ahead of its attribution (``content-ahead``) and cues
whose subject the noun-phrase reader does not take (``long-subject``): :mod:`newslens_quotes.ahead`
on the lite annotator."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from newslens_quotes import Quote, QuoteResult, find_quotes

import newslens


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, headline="Town news", backend="lite"))


def by_rule(text: str, how: str) -> list[Quote]:
    return [q for q in find(text).quotes if q.how == how]


# -- CONTENT, SPEAKER CUE [ADDRESSEE] [ADJUNCT]. ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The ferry will stay docked until May, a harbour engineer told the Daily Ledger.",
         "The ferry will stay docked until May", "a harbour engineer"),
        ("The mill is losing money on every shipment, its owner told reporters on Monday.",
         "The mill is losing money on every shipment", "its owner"),
        ("The levy was never put to a vote, current and former councillors said.",
         "The levy was never put to a vote", "current and former councillors"),
        ("The pool will close for the winter, a source close to the mayor said.",
         "The pool will close for the winter", "a source close to the mayor"),
        ("Rents rose faster than wages, people familiar with the study say.",
         "Rents rose faster than wages", "people familiar with the study"),
        ("The tunnel flooded twice last spring, she and another inspector wrote.",
         "The tunnel flooded twice last spring", "she and another inspector"),
        ("The orchard lost half its trees, the growers' association said in a statement.",
         "The orchard lost half its trees", "the growers' association"),
        ("The depot would move north, Ms. Okafor told the council when asked about the plan.",
         "The depot would move north", "Ms. Okafor"),
    ],
)
def test_a_closing_attribution_names_any_speaker(text: str, content: str, speaker: str) -> None:
    [quote] = by_rule(text, "content-ahead")
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.kind == "indirect"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The pier will reopen in June, said the port's chief engineer, Dana Whitfield.",
         "The pier will reopen in June", "the port's chief engineer"),
        ("Ticket prices will not rise, wrote the festival's director on Friday.",
         "Ticket prices will not rise", "the festival's director"),
    ],
)
def test_a_closing_attribution_with_its_speaker_after_the_cue(
    text: str, content: str, speaker: str
) -> None:
    [quote] = by_rule(text, "content-ahead")
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_a_closing_attribution_keeps_the_quoted_words_of_its_content() -> None:
    text = 'The budget rests on "fantasy numbers" from last year, a council member told the Ledger.'
    [quote] = by_rule(text, "content-ahead")
    assert quote.kind == "mixed"
    assert quote.text == 'The budget rests on "fantasy numbers" from last year'



@pytest.mark.parametrize(
    "text",
    [
        # an object or an infinitive after the cue: the cue reports what follows it
        "In his speech, Whitfield urged drivers to slow down near the school.",
        "Through a spokesman, the mayor declined to comment on the audit.",
        "In Ashford, the candidate reminded voters of the years she lived there.",
        # the words before the cue are no speaker: a relative, a clause, an object
        "The ferry ran late again, a delay the mayor regretted.",
        "The pier was closed, which the harbour master denied.",
        "He left the hall early, as the mayor said.",
        "The hearing ended at noon, cutting off a fisher who asked.",
        # a participle and its object
        "The ferry ran late, echoing the strike of last year.",
        # the attribution goes on: another statement follows its comma
        "The pier, the engineer said on Monday, will reopen in June.",
        # an apposition before the cue, not a statement
        "Dana Whitfield, the port's engineer, noted the delay in a memo last week.",
        # a quotation after the cue is the cue's own
        'The vote was close, the mayor said, "but we won."',
    ],
)
def test_no_closing_attribution(text: str) -> None:
    assert by_rule(text, "content-ahead") == []


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["a harbour engineer", "its owner", "two inspectors", "the council"]),
    st.sampled_from(["said", "told reporters", "wrote", "said on Monday", "told the Ledger"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=0, max_size=20),
)
@example(speaker="a harbour engineer", cue="said", filler="but")
def test_a_closing_attribution_content_is_the_sentence_before_its_comma(
    speaker: str, cue: str, filler: str
) -> None:
    statement = f"The ferry will stay docked {filler.strip()}".strip()
    text = f"{statement}, {speaker} {cue}."
    doc = newslens.annotate(text, headline="Town news", backend="lite")
    found = [q for q in find_quotes(doc).quotes if q.how == "content-ahead"]
    # a content keeps no dangling coordinator at its end ("... docked but")
    expected = re.sub(r"(?:\s+(?:and|or|but))+$", "", statement)
    for quote in found:
        assert doc.text[quote.start:quote.end] == quote.text
        assert quote.text == expected
        assert quote.speaker is not None and quote.speaker.text == speaker


# -- a subject the noun-phrase reader does not take: long-subject ----------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Former and current tenants of the tower said they had complained for years.",
         "they had complained for years", "Former and current tenants of the tower"),
        ("Her campaign staff here said they have knocked on every door in the county.",
         "they have knocked on every door in the county", "Her campaign staff here"),
        # an aside between dashes is left out of the speaker, as one between commas is
        ("The engineer -- who has inspected the pier twice -- said she regretted her remarks.",
         "she regretted her remarks", "The engineer"),
    ],
)
def test_a_long_subject_speaks(text: str, content: str, speaker: str) -> None:
    quotes = [q for q in find(text).quotes if q.text.rstrip(".") == content]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        # no clause after the cue: a noun phrase is what was said, not who said it
        "Residents of the valley who lost power said nothing.",
        # a quotation before the cue: the quote rules' work
        "The words “never again” said it all.",
    ],
)
def test_no_long_subject(text: str) -> None:
    assert by_rule(text, "long-subject") == []


# -- where a reported clause ends: content_stop ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the same subject's next verb after "but": what was said goes on
        ("The mayor said the pier would reopen in June, but could not say when.",
         "the pier would reopen in June, but could not say when"),
        ("The engineer said that the tunnel was safe, but that the lights were not.",
         "that the tunnel was safe, but that the lights were not"),
        ("Whitfield said she backs the levy, but not the new toll on the bridge.",
         "she backs the levy, but not the new toll on the bridge"),
        # a writer's addition after a comma ends it
        ("The mayor said the ferry will keep its winter route, a promise she made last year.",
         "the ferry will keep its winter route"),
        ("The mayor said the tunnel had flooded twice, which the engineers called a design flaw.",
         "the tunnel had flooded twice"),
        # ... but not a list, nor a relative clause with no subject of its own
        ("The mayor said the council would buy a bus, a van, and two ferries.",
         "the council would buy a bus, a van, and two ferries"),
        ("The mayor said the city dropped the case against the ferry company, which was costly.",
         "the city dropped the case against the ferry company, which was costly"),
    ],
)
def test_where_a_reported_clause_ends(text: str, content: str) -> None:
    quotes = [q for q in find(text).quotes if q.cue is not None and q.cue.text == "said"]
    assert [q.text.rstrip(".") for q in quotes] == [content]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["a", "an"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=0, max_size=30),
)
def test_an_apposition_to_the_clause_is_never_in_the_content(
    article: str, noun: str, rest: str
) -> None:
    text = f"The mayor said the ferry will keep its winter route, {article} {noun} {rest}."
    doc = newslens.annotate(text, headline="Town news", backend="lite")
    mayor_said = doc.text.index("said")
    for quote in find_quotes(doc).quotes:
        assert doc.text[quote.start:quote.end] == quote.text
        if quote.cue is not None and quote.cue.start == mayor_said:
            # (a rest such as "said" makes a closing attribution of its own, with its own cue)
            assert quote.text == "the ferry will keep its winter route"


# -- cues that did not fire ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The levy is widely expected to pass in March.", "is widely expected",
         ["The levy", "to pass in March"]),
        ("Turnout is not expected to top 40 percent.", "is not expected",
         ["Turnout", "to top 40 percent"]),
        ("The vote is still expected to be close.", "is still expected",
         ["The vote", "to be close"]),
    ],
)
def test_a_be_cue_with_an_adverb_inside(text: str, cue: str, content: list[str]) -> None:
    [quote] = by_rule(text, "clause")
    assert quote.cue is not None and quote.cue.text == cue
    assert [p.text for p in quote.parts] == content


@pytest.mark.parametrize(
    "text", ["He is not sure about the levy.", "The levy is widely seen as fair."]
)
def test_no_be_cue_without_its_participle(text: str) -> None:
    assert by_rule(text, "clause") == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The Daily Ledger reports that the ferry will stop in May.", "The Daily Ledger",
         "that the ferry will stop in May"),
        ("Tenant groups note that the rent rose twice last year.", "Tenant groups",
         "that the rent rose twice last year"),
        ("Both lawsuits claim that the council broke its own rules.", "Both lawsuits",
         "that the council broke its own rules"),
    ],
)
def test_a_bare_noun_cue_before_that_is_a_verb(text: str, speaker: str, content: str) -> None:
    [quote] = find(text).quotes
    assert quote.text.rstrip(".") == content
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The reports that the ferry will stop were wrong.",  # a determiner: a noun
        "His claims that the council broke its rules were denied.",
    ],
)
def test_a_bare_noun_after_a_determiner_stays_a_noun(text: str) -> None:
    assert all(q.cue is None or q.cue.text.lower() not in ("reports", "claims")
               for q in find(text).quotes)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a cue of the content's own words does not swallow the closing attribution
        ("The pier's budget and schedule are worrying, Whitfield said.",
         "The pier's budget and schedule are worrying", "Whitfield"),
        # a bare noun cue that closes the sentence after a name
        ("The ferry will stop in May, the Daily Ledger reports.",
         "The ferry will stop in May", "the Daily Ledger"),
        # a semicolon ends the attribution's sentence
        ("The ferry will stop in May, harbour officials say; the bus will run instead.",
         "The ferry will stop in May", "harbour officials"),
        # an apposition with a relative clause after a speaker named after the cue
        ("The ferry will stop in May, said the harbour's manager, Dana Whitfield, who runs it.",
         "The ferry will stop in May", "the harbour's manager"),
    ],
)
def test_more_closing_attributions(text: str, content: str, speaker: str) -> None:
    [quote] = by_rule(text, "content-ahead")
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_a_title_case_headline_word_is_no_closing_cue() -> None:
    text = "The ferry will stop in May, Harbour Reports."
    assert by_rule(text, "content-ahead") == []


# -- a cue after "to": infinitive --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Voters are more likely to say the levy is too high.", "the levy is too high",
         "Voters"),
        ("The late vote led councillors to say that the mayor was hiding the costs.",
         "that the mayor was hiding the costs", "councillors"),
        ("Ms. Okafor was quick to say she had never seen the memo.",
         "she had never seen the memo", "Ms. Okafor"),
        ("Ms. Okafor went down to the harbour to say that the ferry would stop.",
         "that the ferry would stop", "Ms. Okafor"),
    ],
)
def test_a_cue_after_to(text: str, content: str, speaker: str) -> None:
    [quote] = by_rule(text, "infinitive")
    assert quote.text.rstrip(".") == content
    assert quote.speaker is not None and speaker in quote.speaker.text


@pytest.mark.parametrize(
    "text",
    [
        "It is too soon to say whether the levy will pass.",  # nobody's statement
        "The council wants to say goodbye to the old ferry.",  # no clause after the cue
    ],
)
def test_no_cue_after_to(text: str) -> None:
    assert by_rule(text, "infinitive") == []


@pytest.mark.parametrize("text", ["said to", "The mayor said to", "Prices will rise, he said to"])
def test_a_text_ending_in_a_cue_and_to_is_read_without_error(text: str) -> None:
    # "to" as the last word once read the word after it (an IndexError)
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert all(q.text == text[q.start:q.end] for q in quotes)


def test_a_noun_phrase_before_the_comma_is_no_closing_statement() -> None:
    # "X's aide, Ann Lee, said the man who ...": the subject and its apposition, no statement
    text = ("Mr. Hale's former campaign manager, Ann Lee, said the staff member who replaced "
            "her, Tom Hart, should be fired.")
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert all(q.how != "content-ahead" for q in quotes)
    assert [q.text for q in quotes] == [
        "the staff member who replaced her, Tom Hart, should be fired"
    ]
