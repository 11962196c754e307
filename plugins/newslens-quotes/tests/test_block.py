"""Block quotations: a paragraph in no quotation marks after ``X added:``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import QuoteResult, find_quotes

import newslens

BLOCK = "It is typical of the council. It knows nothing, but it says the levy is fair."


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, backend="lite"))


@pytest.mark.parametrize("lead", ["The governor added:", "In a post on Monday, Rosa Lind wrote:",
                                  "Mayor Ana Ruiz told reporters:"])
def test_a_paragraph_after_a_cue_and_its_colon_is_a_block_quotation(lead: str) -> None:
    text = f"The levy passed on Monday.\n\n{lead}\n\n{BLOCK}\n\nThe council did not respond."
    quotes = find(text).quotes
    (block,) = [q for q in quotes if q.how == "block"]
    assert block.text == BLOCK and block.kind == "direct"
    assert block.speaker is not None and block.speaker.text in lead
    assert block.cue is not None and block.cue.text in lead
    # what the rules would find inside it (it says the levy is fair) is part of it
    assert [q for q in quotes if q.start < block.end and block.start < q.end] == [block]


@pytest.mark.parametrize("lead", [
    "The report lists three tasks:",            # no cue
    "The governor added:",                       # a cue, but the paragraph is quoted
    "The governor added that the council knew:",  # the cue's own content comes first
])
def test_no_block_quotation_without_a_cue_right_before_the_colon_and_prose_after(
    lead: str
) -> None:
    after = f'"{BLOCK}"' if lead == "The governor added:" else BLOCK
    text = f"The levy passed on Monday.\n\n{lead}\n\n{after}"
    assert not any(q.how == "block" for q in find(text).quotes)


@settings(deadline=None, max_examples=40)
@given(st.text(alphabet=st.characters(codec="ascii", categories=["L", "Zs", "P"]),
               min_size=1, max_size=60))
def test_a_block_quotation_is_its_whole_paragraph(words: str) -> None:
    body = words.strip()
    text = f"The governor added:\n\n{body}"
    for q in find(text).quotes:
        if q.how == "block":
            assert q.text == body and q.start == len(text) - len(body)
