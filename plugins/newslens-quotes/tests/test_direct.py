"""Direct quotes on the lite annotator: marks, attribution after, before and inside the quote."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslens_quotes import Quote, QuoteResult, find_quotes
from newslens_quotes.engine import is_title

import newslens


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, backend="lite"))


def one(text: str) -> Quote:
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ('"The roof will be fixed by June," she said.', "The roof will be fixed by June,",
         "said", "she"),
        ("“The roof will be fixed by June,” she said.", "The roof will be fixed by June,",
         "said", "she"),
        ('He said: "We have no plans to close the library."',
         "We have no plans to close the library.", "said", "He"),
        ("“Nobody was hurt in the blaze,” Dana Whitfield told reporters.",
         "Nobody was hurt in the blaze,", "told", "Dana Whitfield"),
        ('"We expect delays," the mayor warned on Tuesday.', "We expect delays,", "warned",
         "the mayor"),
    ],
)
def test_attribution_with_a_cue(text: str, content: str, cue: str, speaker: str) -> None:
    quote = one(text)
    assert quote.kind == "direct"
    assert quote.text == content == text[quote.start : quote.end]
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_said_then_name_and_apposition() -> None:
    text = '"Nobody was hurt in the blaze," said Dana Whitfield, the fire chief.'
    quote = one(text)
    assert quote.text == "Nobody was hurt in the blaze,"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text.startswith("Dana Whitfield")
    assert quote.speaker_name == "Dana Whitfield"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an apposition with a plural's possessive in it
        ("“The count puts us on pace,” Paul Hart, the Rovers’ club manager, said.",
         "Paul Hart"),
        # an apposition with an abbreviation's period in it
        ('"Let me be quite plain about this," Senator Ann Lee, R-Ore., said.', "Senator Ann Lee"),
        # a description, then the name
        ("“She was a mother of three,” another friend, Mariam Osei told reporters.",
         "Mariam Osei"),
        # a name, then an apposition whose closing comma is missing
        ("“We will consider our options,” Sam Oduya, a spokesman for the mayor told reporters.",
         "Sam Oduya"),
    ],
)
def test_a_name_with_an_apposition_after_the_quote(text: str, speaker: str) -> None:
    quote = one(text)
    assert quote.how == "after-quote"
    assert quote.speaker is not None and quote.speaker.text == speaker


@given(
    st.sampled_from(["Paul Hart", "Ana Ruiz", "Senator Ann Lee"]),
    st.sampled_from(["the Rangers’ manager", "a spokesman for the mayor", "R-Ore.", "62"]),
    st.sampled_from(["said", "told reporters", "said in a statement"]),
)
def test_any_name_and_apposition_after_the_quote_is_the_speaker(
    name: str, apposition: str, cue: str
) -> None:
    quote = one(f"“The count puts us on pace,” {name}, {apposition}, {cue}.")
    assert quote.speaker is not None and quote.speaker.text == name


@pytest.mark.parametrize(
    "text",
    [
        # a headline in title case: no name, no apposition
        "Mayor ‘The Builder’ Could Fix the Pier, Ann Lee Says",
        # no cue after the two phrases
        "“The count puts us on pace,” Paul Hart, the club manager, in a tweet.",
    ],
)
def test_no_apposition_speaker_without_a_name_and_a_cue(text: str) -> None:
    assert all(q.how != "after-quote" for q in find(text).quotes)


def test_said_then_title_and_name() -> None:
    quote = one('"The plant will close in May," said spokeswoman Laila Brandt.')
    assert quote.speaker is not None and quote.speaker.text.endswith("Laila Brandt")
    assert quote.speaker_name == "Laila Brandt"


@pytest.mark.parametrize("dash", ["—", "–", "--"])
def test_dash_attribution(dash: str) -> None:
    quote = one(f'"Every household will get a refund." {dash} Dana Whitfield')
    assert quote.text == "Every household will get a refund."
    assert quote.cue is None
    assert quote.speaker is not None and quote.speaker.text == "Dana Whitfield"
    assert quote.speaker_name == "Dana Whitfield"


def test_adding_introduces_a_second_quote_of_the_same_speaker() -> None:
    text = '"The budget is balanced," the mayor said, adding "we will not raise taxes this year."'
    first, second = find(text).quotes
    assert first.text == "The budget is balanced,"
    assert second.text == "we will not raise taxes this year."
    assert first.cue is not None and first.cue.text == "said"
    assert second.cue is not None and second.cue.text == "adding"
    assert first.speaker_name is not None
    assert second.speaker_name == first.speaker_name


def test_the_content_leaves_out_the_outer_marks_but_keeps_nested_ones() -> None:
    text = "“He told me ‘the vault is empty’ and then he left,” said Dana Whitfield."
    quote = one(text)
    assert quote.text == "He told me ‘the vault is empty’ and then he left,"
    assert quote.speaker_name == "Dana Whitfield"


def test_nested_double_marks_stay_inside_the_quote_of_their_speaker() -> None:
    text = (
        "Ana Ruiz of the tenants' union wrote, “If you expect people to trust you, show it when "
        "“your own side” breaks the rules. Anything else rings hollow.” The council did not reply."
    )
    quote = one(text)
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text == "wrote"
    assert quote.speaker is not None and quote.speaker.text.startswith("Ana Ruiz")
    assert quote.text.startswith("If you expect") and quote.text.endswith("rings hollow.")
    assert "“your own side”" in quote.text


def test_a_scare_quote_inside_a_quote_is_not_a_quote_of_its_own() -> None:
    quote = one('"It was a \'temporary\' fix, nothing more," said Dana Whitfield.')
    assert quote.text == "It was a 'temporary' fix, nothing more,"


def test_one_quote_across_paragraphs() -> None:
    text = (
        'Dana Whitfield said: "We lost the library.\n'
        '"The books can be replaced, but the building is a hundred years old."\n'
        "The rain stopped on Friday."
    )
    quote = one(text)
    assert quote.text.startswith("We lost the library.")
    assert quote.text.endswith("a hundred years old.")
    assert quote.text == text[quote.start : quote.end]
    assert quote.speaker_name == "Dana Whitfield"


def test_stray_closing_mark_does_not_disturb_other_quotes() -> None:
    text = (
        'The council met on Tuesday. "We will rebuild the pier," said Dana Whitfield.\n'
        "It rained all day.” The ferry ran late.\n"
        '"The money is already there," Tom Becker said.'
    )
    found = {q.text: q.speaker_name for q in find(text).quotes}
    assert found["We will rebuild the pier,"] == "Dana Whitfield"
    assert found["The money is already there,"] == "Tom Becker"


def test_unclosed_quote_does_not_swallow_the_article() -> None:
    text = (
        '"The council met on Tuesday without the mayor present.\n'
        "The ferry ran late again.\n"
        "Tom Becker said the money was already there."
    )
    quotes = find(text).quotes
    becker = [q for q in quotes if q.speaker_name == "Tom Becker"]
    assert [q.text for q in becker] == ["the money was already there"]
    assert all("ferry" not in q.text for q in quotes)


def test_stray_opening_mark_does_not_swallow_the_next_quote() -> None:
    text = (
        '"We will rebuild the pier," said Dana Whitfield.\n'
        'A stray " mark sits here. The ferry resumed service on Monday.\n'
        '"The money is already there," Tom Becker said.'
    )
    found = {q.text: q.speaker_name for q in find(text).quotes}
    assert found.get("The money is already there,") == "Tom Becker"


def test_quotes_are_in_text_order_with_confidence() -> None:
    text = (
        '"The roof will be fixed by June," said Dana Whitfield. Tom Becker said the '
        'money was there. He added: "Nobody should worry about the cost."'
    )
    quotes = find(text).quotes
    assert len(quotes) == 3
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert [q.kind for q in quotes] == ["direct", "indirect", "direct"]
    assert all(0.0 <= q.confidence <= 1.0 for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        '"Hold the line," she said, "until the trucks arrive."',
        '"We will rebuild the pier before summer," said Dana Whitfield. "The money is already '
        'there and the work starts soon."',
        '"We will rebuild the pier before summer," said Dana Whitfield, a lawyer for the harbour '
        'board who has worked on the case since the storm in 2019. "The money is there."',
        '"We will rebuild the pier," Dana Whitfield said, pointing at the wreck from the shore, '
        '"and the money is already there."',
        '"Hold the line," Tom Becker (D-Ohio), the union leader, told them. "Trucks are coming."',
    ],
)
def test_a_quote_interrupted_by_its_attribution_is_one_quote_in_parts(text: str) -> None:
    (quote,) = find(text).quotes
    assert len(quote.parts) == 2
    assert quote.content == " ".join(part.text for part in quote.parts)
    assert quote.text == text[quote.start : quote.end]
    assert (quote.start, quote.end) == (quote.parts[0].start, quote.parts[-1].end)
    for part in quote.parts:
        assert part.text == text[part.start : part.end]
        assert '"' not in part.text


def test_a_quote_in_one_piece_is_the_document_text_at_its_offsets() -> None:
    text = 'Then "We left the docks at dawn and never looked back," the captain said.'
    (quote,) = find(text).quotes
    assert quote.text == text[quote.start : quote.end] == quote.parts[0].text


def test_parts_of_a_quote_are_spans_of_the_text() -> None:
    text = '"Hold the line," she said, "until the trucks arrive."'
    for quote in find(text).quotes:
        assert "Hold the line" in text[quote.start : quote.end]
        for part in quote.parts:
            assert part.text == text[part.start : part.end]
            assert quote.start <= part.start <= part.end <= quote.end


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        ('"The bridge stays shut," Rep. Ann Lee (D-Ohio) said.', "Rep. Ann Lee", "Ann Lee"),
        ("“The bridge stays shut,” Sen. Tom Becker (R-Ind.) told reporters.", "Sen. Tom Becker",
         "Tom Becker"),
        ('"The bridge stays shut," Dana Whitfield, the fire chief, said on Monday.',
         "Dana Whitfield", "Dana Whitfield"),
        ('"The bridge stays shut," Tom Becker, 62, told me.', "Tom Becker", "Tom Becker"),
        ('"The bridge stays shut," Laila Brandt, an engineer for the county, one of three '
         'inspectors who walked the span last week, said in an interview.', "Laila Brandt",
         "Laila Brandt"),
        ("“The bridge stays shut,” the mayor, who has held the post since 2019, said.",
         "the mayor", None),
    ],
)
def test_speaker_before_the_cue_past_a_parenthesis_or_an_apposition(
    text: str, speaker: str, name: str | None
) -> None:
    quote = one(text)
    assert quote.text == "The bridge stays shut,"
    assert quote.how == "after-quote"
    assert quote.speaker is not None and quote.speaker.text == speaker
    if name is not None:
        assert quote.speaker_name == name


def test_an_apposition_does_not_reach_past_the_quote() -> None:
    # the cue's speaker must start right after the quote: a name inside it does not count
    quote = one('"Ask Dana Whitfield, the fire chief, about it," the letter said.')
    assert quote.speaker is not None and quote.speaker.text == "the letter"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('He said "budget reforms" and new fees would pay for the bridge.',
         '"budget reforms" and new fees would pay for the bridge'),
        ("The council claimed “record savings” on the road budget this year.",
         "“record savings” on the road budget this year"),
        ('Officials warned "heavy delays" were likely on the coast road.',
         '"heavy delays" were likely on the coast road'),
    ],
)
def test_a_quote_that_runs_on_into_the_clause_is_a_mixed_quote(text: str, content: str) -> None:
    quote = one(text)
    assert quote.kind == "mixed"
    assert quote.text == content
    assert quote.cue is not None


@pytest.mark.parametrize(
    "text",
    [
        'He said "the bridge will stay shut until May."',
        'He said, "The bridge will stay shut until May."',
        'He said: "The bridge will stay shut until May," and left.',
    ],
)
def test_a_quote_that_ends_its_clause_stays_direct(text: str) -> None:
    quote = one(text)
    assert quote.kind == "direct"
    assert quote.text.lower().startswith("the bridge will stay shut until may")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The new pier "will not survive another winter," she said.',
         'The new pier "will not survive another winter,"'),
        ("Most of the crews “worked through the night,” Dana Whitfield told reporters.",
         "Most of the crews “worked through the night,”"),
        ("Using the old ferry ''is a waste of money,'' said Tom Becker.",
         "Using the old ferry ''is a waste of money,''"),
    ],
)
def test_a_quote_opening_inside_its_sentence_takes_the_words_before_it(
    text: str, content: str
) -> None:
    quote = one(text)
    assert quote.kind == "mixed"
    assert quote.text == content == text[quote.start : quote.end]
    assert quote.cue is not None and quote.speaker is not None


@pytest.mark.parametrize(
    "text",
    [
        'But "the pier will not survive another winter," she said.',
        'Still: "the pier will not survive another winter," she said.',
        'He paused — "the pier will not survive another winter," she said.',
    ],
)
def test_a_quote_after_an_opening_word_colon_or_dash_stays_direct(text: str) -> None:
    quote = one(text)
    assert quote.kind == "direct"
    assert quote.text == "the pier will not survive another winter,"


def test_an_attribution_inside_the_sentence_makes_a_mixed_quote_in_two_parts() -> None:
    text = 'When the firm sold the mill, Mr. Becker said, "we were stunned."'
    quote = one(text)
    assert quote.kind == "mixed"
    assert [p.text for p in quote.parts] == ["When the firm sold the mill", "we were stunned."]
    assert quote.speaker is not None and quote.speaker.text == "Mr. Becker"


@pytest.mark.parametrize(
    "text",
    [
        'In a statement on Monday, Mr. Becker said, "we were stunned."',
        'On Tuesday, Mr. Becker said, "we were stunned."',
    ],
)
def test_a_setting_before_the_attribution_is_not_part_of_the_quote(text: str) -> None:
    quote = one(text)
    assert quote.kind == "direct"
    assert quote.text == "we were stunned."


def test_a_quote_after_a_narration_sentence_is_not_joined() -> None:
    text = ('"We will rebuild the pier," said Dana Whitfield. The storm hit the coast on a '
            'Sunday night. "The money is already there and the work starts soon."')
    quotes = find(text).quotes
    assert len(quotes) == 2
    assert all(len(q.parts) <= 1 for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        'The mayor spoke on "Coast Watch Tonight." The show airs weekly.',
        'Dana Whitfield joined the "Fund for the Harbour," a local charity.',
        "The council backed the “Contract with the Coast.” Nobody voted against it.",
        '"We will rebuild the pier," she said. "Harbour Lights Are Back." The sign went up.',
    ],
)
def test_a_title_with_punctuation_inside_its_marks_is_not_a_quote(text: str) -> None:
    found = find(text).quotes
    assert not any(
        t in q.text for q in found
        for t in ("Coast Watch", "Fund for", "Contract with", "Harbour Lights")
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Meet the Harbour,", True),
        ("Contract with America.", True),
        ("The Night We Lost the Pier", True),
        ("Harbour Lights Are Back.", True),
        ("We will rebuild the pier.", False),
        ("Absolutely.", False),
        ("Tom Becker lied to us.", False),
        ("", False),
    ],
)
def test_is_title(text: str, title: bool) -> None:
    assert is_title(text) is title


@given(st.text(max_size=80))
def test_is_title_takes_any_text(text: str) -> None:
    assert is_title(text) in (True, False)
    if is_title(text):
        assert len(text.split()) >= 2


@pytest.mark.parametrize(
    "second",
    ["He added, “The money is already there.”", "Tom Becker agreed: “The money is there.”",
     'She then said, "The money is there."'],
)
def test_a_cue_that_introduces_the_next_quote_is_not_the_previous_ones(second: str) -> None:
    text = f"Dana Whitfield said, “We will rebuild the pier before the summer.” {second}"
    result = find(text)
    first = next(q for q in result.quotes if "rebuild" in q.text)
    assert first.cue is not None and first.cue.text == "said"
    assert first.speaker is not None and first.speaker.text == "Dana Whitfield"
    assert len(first.parts) <= 1
    assert any("money" in q.text and q.start > first.end for q in result.quotes)


def test_a_quote_ending_its_sentence_takes_the_attribution_sentence_after_it() -> None:
    quote = one('"We will rebuild the pier before the summer." Dana Whitfield said.')
    assert quote.speaker is not None and quote.speaker.text == "Dana Whitfield"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("Laila Brandt tweeted: “We will not stop until the pier is open again.”", "tweeted",
         "Laila Brandt"),
        ('The harbour board wrote on Monday:\n\n"The council is broke and the mayor knows it."',
         "wrote", "The harbour board"),
        ("Whitfield: “We Will Rebuild the Pier Before Summer.”", None, "Whitfield"),
        # past appositions between the subject and its verb
        ("Eileen Marsh, 71, who crosses twice a week, put it bluntly: “I need the boat.”",
         "put", "Eileen Marsh"),
        ("Tom Becker, an analyst at Harbour Capital, agreed: “They have a great brand.”",
         "agreed", "Tom Becker"),
    ],
)
def test_a_colon_after_a_subject_and_its_verb_introduces_a_quote(
    text: str, cue: str | None, speaker: str
) -> None:
    quote = one(text)
    assert quote.kind == "direct" and quote.how == "before-quote"
    assert (quote.cue.text if quote.cue is not None else None) == cue
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    ['Here is the plan: "Build the pier and the road."', 'One word: "never."'],
)
def test_a_colon_after_no_speaker_introduces_nothing(text: str) -> None:
    assert all(q.speaker is None for q in find(text).quotes)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor says fishers are “right to be upset,” but also weary of what she calls "
        "“empty promises.”",
        "Dana Whitfield refers to the ferry as “the tortoise,” while her aide calls it “the "
        "slow boat.”",
    ],
)
def test_a_cue_later_in_the_sentence_is_not_the_attribution_of_a_quote(text: str) -> None:
    for quote in find(text).quotes:
        assert not (quote.cue is not None and quote.cue.text == "calls"
                    and ("upset" in quote.text or "tortoise" in quote.text))


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the pier before summer," Dana Whitfield said on Monday.\n\n'
        '"The money is already there and the work starts soon."',
        '"We will rebuild the pier before summer," said Dana Whitfield, the fire chief.\n\n'
        '"The money is already there and the work starts soon."',
        '"We will rebuild the pier before summer," Dana Whitfield said. "The crews are ready."'
        '\n\n"The money is already there and the work starts soon."',
    ],
)
def test_the_next_quote_paragraph_of_the_same_speaker_joins_the_quote(text: str) -> None:
    (quote,) = find(text).quotes
    assert quote.speaker_name == "Dana Whitfield"
    assert quote.parts[0].text.startswith("We will rebuild")
    assert quote.parts[-1].text.startswith("The money is already there")


def test_a_quote_paragraph_after_narration_is_not_joined() -> None:
    text = ('"We will rebuild the pier before summer," Dana Whitfield said.\n\n'
            "The council meets on Thursday.\n\n"
            '"The money is already there and the work starts soon."')
    assert len(find(text).quotes) == 2


def test_a_clause_after_the_cue_is_no_inverted_speaker_of_the_quote_before() -> None:
    # '..., citing "...," said the levy could be cut': "the levy" is the subject of the
    # cue's own clause, not the quotation's speaker
    text = 'Mr. Hale, citing "the old harbour rules," said the levy could be cut.'
    quotes = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert all(q.speaker is None or q.speaker.text != "the levy" for q in quotes)
    (plain,) = find_quotes(newslens.annotate(
        '"The rules are old," said the harbour master.', backend="lite")).quotes
    assert plain.speaker is not None and plain.speaker.text == "the harbour master"


def test_a_stray_straight_mark_does_not_pull_narration_into_the_next_curly_quote() -> None:
    text = (
        'The clinic sent her home.\n\n"Dana thought the whole thing was absurd. She was calm, '
        "though.\n\n“I never doubted myself,” she said months later."
    )
    quotes = [q for q in find(text).quotes if "doubted" in q.text]
    assert [q.text for q in quotes] == ["I never doubted myself,"]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ('Ferries are "a lifeline" and "a bargain for every family," Ana Ruiz said.',
         "a bargain for every family,"),
        ("Nobody should use words like “soon” and “shortly”, the mayor told reporters.",
         "shortly"),
        ('Voters just pick "red," or "blue," the pollster said on Monday.', "blue,"),
    ],
)
def test_the_last_quotation_of_a_list_is_not_a_direct_quote_on_its_own(
    text: str, last: str
) -> None:
    assert all(q.text != last for q in find(text).quotes)
