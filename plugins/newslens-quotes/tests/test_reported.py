"""Reported speech (indirect and mixed quotes) and what is not a quote, on the lite annotator."""

from __future__ import annotations

import pytest
from newslens_quotes import Quote, QuoteResult, find_quotes

import newslens


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, backend="lite"))


def one(text: str) -> Quote:
    quotes = find(text).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


def check_reported(text: str, content: str, cue: str, speaker: str) -> None:
    quote = one(text)
    assert quote.kind == "indirect"
    assert quote.text.rstrip(".") == content
    assert quote.text == text[quote.start : quote.end]
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.speaker_name is not None


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("The mayor said that the bridge will reopen.", "that the bridge will reopen", "said",
         "The mayor"),
        ("The mayor said the bridge will reopen next week.", "the bridge will reopen next week",
         "said", "The mayor"),
        ("Dana Whitfield said on Tuesday that the shelter was full.", "that the shelter was full",
         "said", "Dana Whitfield"),
        ("The coach told reporters the team would travel on Friday.",
         "the team would travel on Friday", "told", "The coach"),
        ("The governor warned that the storm could cut power for days.",
         "that the storm could cut power for days", "warned", "The governor"),
        ("Critics denied that the vote was rigged.", "that the vote was rigged", "denied",
         "Critics"),
        ("Becker insisted the books were in order.", "the books were in order", "insisted",
         "Becker"),
        ("The minister pointed out that the deal had not been signed.",
         "that the deal had not been signed", "pointed out", "The minister"),
        ("The minister noted that prices had fallen.", "that prices had fallen", "noted",
         "The minister"),
        ("The opposition leader claimed the election was rigged.", "the election was rigged",
         "claimed", "The opposition leader"),
        ("The driver fled the scene, police said.", "The driver fled the scene", "said",
         "police"),
        ("The shelter was full and more beds were coming, said Dana Whitfield.",
         "The shelter was full and more beds were coming", "said", "Dana Whitfield"),
    ],
)
def test_reported_speech(text: str, content: str, cue: str, speaker: str) -> None:
    check_reported(text, content, cue, speaker)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("According to the harbour police, the driver fled the scene.",
         "the driver fled the scene", "the harbour police"),
        ("The driver fled the scene, according to Dana Whitfield.", "The driver fled the scene",
         "Dana Whitfield"),
        pytest.param(
            "According to police, the driver fled the scene.", "the driver fled the scene",
            "police",

        ),
        pytest.param(
            "The road will stay closed until Friday, according to officials.",
            "The road will stay closed until Friday", "officials",

        ),
    ],
)
def test_according_to(text: str, content: str, speaker: str) -> None:
    quote = one(text)
    assert quote.kind == "indirect"
    assert quote.text.rstrip(".") == content
    assert quote.cue is not None and quote.cue.text.lower() == "according to"
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_a_cue_added_to_the_lexicon_is_found_through_its_lemma() -> None:
    from newslens_quotes import Cue, builtin_cues

    text = "The mayor opined that the bridge was safe."
    doc = newslens.annotate(text, backend="lite")
    assert find_quotes(doc).quotes == ()
    (quote,) = find_quotes(doc, cues=(*builtin_cues(), Cue(("opine",)))).quotes
    assert quote.cue is not None and quote.cue.text == "opined"
    assert quote.text.rstrip(".") == "that the bridge was safe"


def test_only_the_given_cues_are_looked_for() -> None:
    from newslens_quotes import Cue

    text = "The mayor muttered that the bridge was safe. The chief said the budget was small."
    quotes = find_quotes(newslens.annotate(text, backend="lite"), cues=[Cue(("mutter",))]).quotes
    assert [q.cue.text for q in quotes if q.cue is not None] == ["muttered"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('Dana Whitfield said the crews were "exhausted but proud" after the fire.',
         '"exhausted but proud"'),
        ('The mayor said the department was "doing everything it can to keep people safe" '
         "this week.", '"doing everything it can to keep people safe"'),
        ("Tom Becker told reporters that the deal was “dead in the water” for now.",
         "“dead in the water”"),
    ],
)
def test_mixed_quote_holds_its_quoted_part(text: str, quoted: str) -> None:
    quote = one(text)  # the quoted words are not a direct quote of their own
    assert quote.kind == "mixed"
    assert quoted in quote.text
    assert quote.text == text[quote.start : quote.end]
    assert quote.cue is not None and quote.speaker is not None
    # the content starts with the reported clause, with its "that" (as PolNeAR marks it)
    assert quote.text.split()[0] in ("the", "that")


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "reform" left many families worse off.',
        'The "Blue Line" project opened on Monday.',
        'She has read "Harbour Lights" twice this summer.',
        'Fans packed the hall for "Songs of the Sea" on Friday.',
        "The ferry, nicknamed ‘the tortoise’, left late again.",
        'Locals know it as "the old road" even now.',
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(text: str) -> None:
    assert find(text).quotes == ()


def test_a_longer_title_is_not_a_quote() -> None:
    assert find('Tickets for "The Night We Lost the Pier" sold out in an hour.').quotes == ()


@pytest.mark.parametrize(
    "text",
    [
        "The ferry left at noon.",
        "The report on the fire is due in June.",
        "His claims were never tested in court.",
        "Nobody was hurt.",
        "",
    ],
)
def test_no_reported_speech(text: str) -> None:
    assert find(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("BRENNICK (Northwire) — The council will close the pier next month, officials said.",
         "The council will close the pier next month"),
        ("TARROW, Maine — The pier will stay shut until spring, the harbour master said.",
         "The pier will stay shut until spring"),
        ("LONDON (Reuters) - Prices rose again in May, the statistics office said on Monday.",
         "Prices rose again in May"),
    ],
)
def test_a_dateline_is_no_part_of_the_content_after_it(text: str, content: str) -> None:
    doc = newslens.annotate(text, backend="lite")
    assert doc.part("dateline") is not None
    (quote,) = find_quotes(doc).quotes
    assert quote.text == content
    assert quote.text == doc.text[quote.start : quote.end]


@pytest.mark.parametrize(
    "text",
    [
        "US and Russia agree to hold talks",
        "The two leaders agreed to hold talks in Geneva next month.",
        "Union and rail operator agree to end the strike on Friday.",
    ],
)
def test_agreeing_to_do_something_is_no_statement(text: str) -> None:
    assert find(text).quotes == ()


def test_agreeing_that_something_is_so_is_a_statement() -> None:
    quote = one("The council agreed that the pier should reopen in spring.")
    assert (quote.text, quote.cue and quote.cue.text) == (
        "that the pier should reopen in spring", "agreed"
    )
