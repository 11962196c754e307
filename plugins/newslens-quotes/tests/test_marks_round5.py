"""Quotations with marks that the cue lexicon leaves unattributed, a fifth round
(newslens_quotes.partial): words named as a term someone uses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import QuoteResult, find_quotes

import newslens


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, backend="lite"))


# -- termed: a short quotation named as a phrase, a term, a slogan ---------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ('Ana Ruiz has used the phrase "harbour first" in every speech since May.',
         "harbour first", "Ana Ruiz"),
        ("Dana Whitfield campaigned on the slogan “Fix the Pier” in 2019 and won.", "Fix the Pier",
         "Dana Whitfield"),
        ("Tom Becker coined the term ''ferry tax'' during the budget fight.", "ferry tax",
         "Tom Becker"),
        ("Tom Becker dislikes the word “ferrygate.”", "ferrygate.", "Tom Becker"),
    ],
)
def test_a_short_quotation_named_as_a_term_is_a_direct_quote(
    text: str, content: str, speaker: str
) -> None:
    quotes = [q for q in find(text).quotes if q.how == "termed"]
    assert len(quotes) == 1, find(text).quotes
    quote = quotes[0]
    assert quote.kind == "direct" and quote.text == content
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        # "in her words": an attribution of what follows, not a term
        "She promised to fix the pier because, in her words, “she knows how to do it.”",
        # a long quotation after "words": someone's statement, not a term
        'He chose his words carefully: "We will rebuild the pier and the ferry dock, and we '
        'will do it before the winter storms arrive."',
        # no noun of words before the quotation: a scare quote stays out
        "The “old” timetable returns in May.",
    ],
)
def test_no_term_without_a_short_quotation_named_as_one(text: str) -> None:
    assert all(q.how != "termed" for q in find(text).quotes)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["Ana Ruiz", "The mayor", "Two councillors"]),
    st.sampled_from(["used the phrase", "avoided the term", "dropped the slogan",
                     "dropped the words"]),
    st.sampled_from(["“harbour first”", '"Fix the Pier"', "“ferry tax”"]),
    st.sampled_from(["", " again", " on Monday", " at the rally"]),
)
def test_termed_whatever_the_phrasing(speaker: str, frame: str, quoted: str, tail: str) -> None:
    text = f"{speaker} {frame} {quoted}{tail}."
    quotes = [q for q in find(text).quotes if q.how == "termed"]
    assert [q.text for q in quotes] == [quoted[1:-1]]
    assert quotes[0].kind == "direct"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


# -- a mixed content cut short runs on to a quotation nothing else attributes -----------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Ana Ruiz said that the fund was "nearly empty" in May and the crews were "left '
         'unpaid for weeks."',
         'that the fund was "nearly empty" in May and the crews were "left unpaid for weeks."'),
        ('Ana Ruiz said the levy was "unfair," but that the ferry was "a fine boat."',
         'the levy was "unfair," but that the ferry was "a fine boat."'),
        ("Tom Becker called the toll “a blunder,” pushed through by “people who never ride the "
         "ferry.”", "the toll “a blunder,” pushed through by “people who never ride the ferry.”"),
    ],
)
def test_a_cut_content_runs_on_to_a_quotation_of_its_clause(text: str, content: str) -> None:
    quotes = find(text).quotes
    assert [q.text for q in quotes] == [content], quotes
    assert quotes[0].kind == "mixed"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # another attribution of its own: a participle, a cue of the lexicon
        ('Ana Ruiz called the plan "reckless," telling reporters the vote was "rushed."',
         'the plan "reckless,"'),
        ('Ana Ruiz said the pier was "unsafe" and Tom Becker said it was "fine."',
         'the pier was "unsafe"'),
        # a semicolon, a dash: the writer's next clause
        ('Ana Ruiz said the pier was "unsafe"; the crews were "unpaid for weeks."',
         'the pier was "unsafe"'),
        ('Ana Ruiz said the pier was "unsafe" — a claim the crews called "nonsense."',
         'the pier was "unsafe"'),
        # "and" with another predicate in -ed, a comma before a new subject
        ('Ana Ruiz called the levy "a scandal" and ranked the ferry as "the worst in years."',
         'the levy "a scandal"'),
    ],
)
def test_no_run_on_past_another_clause(text: str, first: str) -> None:
    quotes = find(text).quotes
    assert quotes and quotes[0].text == first, quotes


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["“unfair”", '"far too high"', "“a cruel joke”"]),
    st.sampled_from([" and", ", but", " but"]),
    st.sampled_from(["the crews were", "renters are", "that the ferry was"]),
    st.sampled_from(["“left unpaid”", '"priced out"', "“a fine boat”"]),
    st.sampled_from(["", " for weeks", " by May"]),
)
def test_run_on_keeps_the_quotations_in_one_content(
    first: str, link: str, clause: str, second: str, tail: str
) -> None:
    text = f"Senator Ann Lee said the levy was {first}{link} {clause} {second}{tail}."
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    whole = f"the levy was {first}{link} {clause} {second}"
    assert quotes[0].text in (whole, whole + tail)  # the rule ends it at the mark; uncut, later
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Senator Ann Lee"


# -- colon_lead: a clause of the cue before the colon and its quotation ----------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Ana Ruiz said she knows what the job needs: "Patience, and a thick skin."',
         'she knows what the job needs: "Patience, and a thick skin."'),
        ("Tom Becker said there is a simple reason: “The ferry costs too much.”",
         "there is a simple reason: “The ferry costs too much.”"),
        ('The mayor warned that the islands face a hard winter: "Pay the levy or lose the boat."',
         'that the islands face a hard winter: "Pay the levy or lose the boat."'),
    ],
)
def test_a_clause_before_the_colon_is_part_of_the_content(text: str, content: str) -> None:
    quotes = find(text).quotes
    assert [(q.kind, q.text) for q in quotes] == [("mixed", content)], quotes


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Ana Ruiz said in a statement on Monday: "We will rebuild the pier."',
         "We will rebuild the pier."),
        ('Tom Becker put it this way: "The ferry costs too much for the islands."',
         "The ferry costs too much for the islands."),
        ('Ana Ruiz said: "We will rebuild the pier."', "We will rebuild the pier."),
    ],
)
def test_a_setting_or_an_object_before_the_colon_stays_out(text: str, content: str) -> None:
    quotes = find(text).quotes
    assert [(q.kind, q.text) for q in quotes] == [("direct", content)], quotes


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["she", "he", "they"]),
    st.sampled_from(["had one message", "has the answer", "knew the risk well"]),
    st.sampled_from(["“Fix the pier.”", '"Save the ferry now."', "“Nobody rides it.”"]),
)
def test_colon_lead_whatever_the_clause(pronoun: str, clause: str, quoted: str) -> None:
    text = f"Ana Ruiz said {pronoun} {clause}: {quoted}"
    quotes = find(text).quotes
    assert [q.text for q in quotes] == [f"{pronoun} {clause}: {quoted}"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Ana Ruiz"


# -- own_clause_before_colon: another clause's quotation after a colon -----------------------


@pytest.mark.parametrize(
    "subject", ["Ana Ruiz is", "she is", "Ana Ruiz has been", "they are"]
)
def test_a_content_stops_before_another_clause_and_its_colon(subject: str) -> None:
    text = ("With the harbour board worried about empty seats on the late ferry, "
            f'{subject} pushing a blunt reminder: "Ride it or lose it."')
    quotes = find(text).quotes
    assert [q.text for q in quotes] == [
        "about empty seats on the late ferry", "Ride it or lose it."
    ], quotes
    assert quotes[0].kind == "indirect" and quotes[0].cue is not None
    assert quotes[0].cue.text == "worried"


@pytest.mark.parametrize(
    "text",
    [
        # no clause of its own before the colon: the cue's quotation
        'Ana Ruiz said that the islands face a hard winter: "Pay the levy or lose the boat."',
        # a comma, but no subject and verb after it
        'Ana Ruiz said the ferry, late again, had one message for riders: "Stay home."',
    ],
)
def test_a_quotation_after_the_cue_s_own_colon_stays_in_the_content(text: str) -> None:
    quotes = find(text).quotes
    assert len(quotes) == 1 and quotes[0].kind == "mixed", quotes
    assert quotes[0].cue is not None and quotes[0].cue.text == "said"


# -- relative: a quotation in the clause of "that says", "which said" -----------------------


@pytest.mark.parametrize(
    ("text", "kind", "content"),
    [
        ('Ana Ruiz pinned up a note from the harbour engineer that says the pier is "sound '
         'again" after the repairs.', "mixed", 'the pier is "sound again" after the repairs'),
        ('Volunteers handed out flyers that said, "Ferries first!"', "direct", "Ferries first!"),
        ("The board adopted a charter which states the ferry is “a lifeline” for the "
         "islands.", "mixed", "the ferry is “a lifeline” for the islands"),
    ],
)
def test_a_quotation_after_that_says_is_the_relative_s(text: str, kind: str, content: str) -> None:
    quotes = [q for q in find(text).quotes if q.how == "relative"]
    assert [(q.kind, q.text) for q in quotes] == [(kind, content)], find(text).quotes
    assert quotes[0].speaker is not None and quotes[0].speaker.text in ("that", "which")


@pytest.mark.parametrize(
    "text",
    [
        # "read" after a thing with words on it is the inscription rule's
        'Protesters held a sign that read "Save the pier!" outside the hall.',
        # no verb of saying after the relative
        'The levy that passed in May is "a disaster," Ana Ruiz said.',
        # a dash between the verb and the quotation: another clause
        'She wrote a letter that said little - and then a "farewell" note.',
    ],
)
def test_no_relative_quote_without_a_verb_of_saying_before_it(text: str) -> None:
    assert all(q.how != "relative" for q in find(text).quotes)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["a letter", "a statement from the board", "the memo", "a banner"]),
    st.sampled_from(["that says", "which said", "that states"]),
    st.sampled_from(["“Fix the pier.”", '"Ferries, not fences."', "“We are open.”"]),
)
def test_relative_words_whatever_the_thing(thing: str, verb: str, quoted: str) -> None:
    text = f"Volunteers handed out {thing} {verb}, {quoted}"
    quotes = find(text).quotes  # "said," before a quotation: the cue's own rule, or this one
    assert [(q.kind, q.text) for q in quotes] == [("direct", quoted[1:-1])]
    assert quotes[0].how in ("relative", "before-quote")


# -- every rule of the round on arbitrary text ------------------------------------------------

_PIECES = (
    '"', "“", "”", "''", ",", ":", ".", " — ", "\n\n", "said", "says", "that", "which",
    "states", "the phrase", "the slogan", "and", "but", "she", "Ana Ruiz", "the levy was",
    "called", "the crews were", "worried about", "is trying a reminder", "left unpaid",
    "to", "in her words", "there is", "harbour first",
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_the_round_s_rules_keep_the_spans_in_the_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for quote in find(text).quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        spans = [(p.start, p.end) for p in quote.parts]
        assert spans == sorted(spans) and all(a <= b for a, b in spans)
        assert all(text[p.start:p.end] == p.text for p in quote.parts)
        for span in (quote.cue, quote.speaker):
            assert span is None or text[span.start:span.end] == span.text
