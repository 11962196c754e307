"""A stance on a name and what it owns (``endorsed Lee's bid``): the content runs through
the ``'s`` to the owned thing's words in lower case, not only to the name; its holder may
stand before an aside (``Ruiz, the mayor, endorsed Lee``) (lite annotator;
sentences written for these tests)."""

from __future__ import annotations

import pytest
from newslens_quotes import find_quotes

import newslens


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ruiz endorsed Lee's bid for mayor.", "Lee's bid"),
        ("Senator Ruiz is endorsing Ana Lee's presidential campaign.",
         "Ana Lee's presidential campaign"),
        # a name alone, as before
        ("Ruiz endorsed Lee on Monday.", "Lee"),
    ],
)
def test_a_stance_takes_the_thing_a_name_owns(text: str, content: str) -> None:
    found = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [q.text for q in found if q.how == "stance"] == [content]


@pytest.mark.parametrize(
    "text",
    ["Ruiz, the mayor, endorsed Lee on Monday.", "Ruiz, who leads the board, endorsed Lee."],
)
def test_a_stance_holder_before_an_aside(text: str) -> None:
    found = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert [(q.text, q.speaker and q.speaker.text) for q in found if q.how == "stance"] == [
        ("Lee", "Ruiz")
    ]


def test_a_share_of_people_is_no_stance_holder_through_an_aside() -> None:
    found = find_quotes(newslens.annotate(
        "Of the delegates polled, 449 back Clinton, while only 19 support Sanders.",
        backend="lite",
    )).quotes
    assert [q for q in found if q.how == "stance"] == []
