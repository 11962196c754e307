"""A subject and its aside between commas, then an auxiliary or an adverb before the cue
(``Ruiz, who has led the board since 2010, has said ...``): the subject speaks, as it does
without the auxiliary, and holds the opinion of a verb of thought (``Ruiz, the mayor,
plans to ...``); and a quantifier standing alone as the subject after an opening
clause and its comma (``When asked, most said ...``), or floating after it (``They both
said``); a name's parenthesis and a time before the cue (``Rep. Ann Lee (D-Ohio) on
Monday said``); more nouns of people as holders (``Democratic politicians oppose``) (lite
annotator; sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from newslens_quotes import Quote, find_quotes

import newslens

OneQuote = Callable[..., Quote]  # the one_quote fixture (conftest.py)


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Ruiz, who has led the board since 2010, has said the pier should reopen.",
         "the pier should reopen", "said", "Ruiz"),
        ("Ruiz, a former mayor, has repeatedly said the pier should reopen.",
         "the pier should reopen", "said", "Ruiz"),
        ("The city, in a long effort to fix the pier, has said it would reopen the pier.",
         "it would reopen the pier", "said", "The city"),
        ("Tom Becker, who owns two boats, also criticized the new toll.",
         "the new toll", "criticized", "Tom Becker"),
        # without the auxiliary, as before
        ("Ruiz, who has led the board since 2010, said the pier should reopen.",
         "the pier should reopen", "said", "Ruiz"),
    ],
)
def test_the_subject_before_the_aside_speaks_past_an_auxiliary(
    text: str, content: str, cue: str, speaker: str, one_quote: OneQuote
) -> None:
    one_quote(text, content, cue, speaker, kind="indirect")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Although residents were upset, many said that the pier should reopen.",
         "that the pier should reopen", "many"),
        ("When asked, most said the pier should reopen.", "the pier should reopen", "most"),
    ],
)
def test_a_quantifier_after_an_opening_clause_speaks(
    text: str, content: str, speaker: str, one_quote: OneQuote
) -> None:
    one_quote(text, content, "said", speaker, kind="indirect")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("They both said the pier should reopen.", "the pier should reopen", "They"),
        ("The three senators all said the pier was unsafe.", "the pier was unsafe",
         "three senators"),
        ("Ruiz and Hart have both argued that the toll is too high.",
         "that the toll is too high", "Hart"),
    ],
)
def test_a_quantifier_floating_after_the_subject_is_no_noun_determiner(
    text: str, content: str, speaker: str
) -> None:
    (quote,) = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert quote.text.rstrip(".") == content
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Rep. Ann Lee (D-Ohio) on Monday said the pier should reopen.",
         "the pier should reopen", "said", "Rep. Ann Lee"),
        ("Sen. Tom Hart (R-Maine) on Saturday criticized the climate accord.",
         "the climate accord", "criticized", "Sen. Tom Hart"),
    ],
)
def test_a_parenthesis_then_a_time_before_the_cue(
    text: str, content: str, cue: str, speaker: str, one_quote: OneQuote
) -> None:
    one_quote(text, content, cue, speaker, kind="indirect")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Ruiz, the mayor, plans to close the pier.", "to close the pier", "plans"),
        ("Ruiz, the mayor, believes the pier is safe.", "the pier is safe", "believes"),
        ("Ruiz, who leads the board, hopes to close the pier.", "to close the pier", "hopes"),
    ],
)
def test_a_holder_with_an_aside_holds_the_opinion(
    text: str, content: str, cue: str, one_quote: OneQuote
) -> None:
    one_quote(text, content, cue, "Ruiz", kind="indirect")


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Democratic politicians oppose the toll.", "the toll", "oppose",
         "Democratic politicians"),
        ("His advisers believe the pier is safe.", "the pier is safe", "believe",
         "His advisers"),
        ("Several strategists fear the toll will fail.", "the toll will fail", "fear",
         "Several strategists"),
        ("The fishing community has opposed the toll.", "the toll", "opposed",
         "The fishing community"),
        ("A Democratic strategist believes the toll will fail.", "the toll will fail",
         "believes", "A Democratic strategist"),
        ("The party leadership fears that the toll will fail.", "that the toll will fail",
         "fears", "The party leadership"),
    ],
)
def test_more_nouns_of_people_hold_opinions(
    text: str, content: str, cue: str, speaker: str, one_quote: OneQuote
) -> None:
    one_quote(text, content, cue, speaker, kind="indirect")
