"""The third round of cues the lexicon lacked (``polnear-train frequency`` rows of
``data/cues.tsv``): verbs of threat, ruling, learning, understanding, pushing for,
reprimanding and weighing in, each in its frame; and the same words where they are no
statement (lite annotator; example sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import Quote, builtin_cues, find_quotes

import newslens

OneQuote = Callable[..., Quote]  # the one_quote fixture (conftest.py)

ROWS = {
    "threaten": "complement", "ruled": "that", "learn": "that", "push for": "opinion",
    "muse": "speech", "come out against": "speech", "reprimand": "speech", "weigh in on": "speech",
    "hint at": "speech", "understood": "that",
}


def quotes(text: str) -> tuple[Quote, ...]:
    return find_quotes(newslens.annotate(text, backend="lite")).quotes


def test_the_rows_are_in_the_lexicon_in_their_frame() -> None:
    rows = {" ".join(cue.words): cue for cue in builtin_cues()}
    for words, frame in ROWS.items():
        assert rows[words].frame == frame, rows[words]
        assert rows[words].source.startswith("polnear-train frequency"), rows[words]


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("The union threatened to strike if the ferry closes.",
         "to strike if the ferry closes", "threatened", "The union"),
        ("The appeals court ruled that the toll was unlawful.",
         "that the toll was unlawful", "ruled", "The appeals court"),
        ("Reporters learned that the pier would close in May.",
         "that the pier would close in May", "learned", "Reporters"),
        ("Residents have pushed for a second ferry to the island.",
         "a second ferry to the island", "pushed for", "Residents"),
        ("The governor mused about a run for the Senate.", "about a run for the Senate",
         "mused", "The governor"),
        ("The fishermen's union came out against the new quota.", "the new quota",
         "came out against", "The fishermen's union"),
        ("The board reprimanded the harbour master for the delay.",
         "the harbour master for the delay", "reprimanded", "The board"),
        ("The senator weighed in on the toll dispute.", "the toll dispute", "weighed in on",
         "The senator"),
        ("The chief engineer hinted at a delay in the works.", "a delay in the works",
         "hinted at", "The chief engineer"),
        ("The council understood that the repairs would take a year.",
         "that the repairs would take a year", "understood", "The council"),
    ],
)
def test_a_new_cue_fires_in_its_frame(
    text: str, content: str, cue: str, speaker: str, one_quote: OneQuote
) -> None:
    one_quote(text, content, cue, speaker, kind="indirect")


@pytest.mark.parametrize(
    "text",
    [
        "Rising water threatens the old pier.",  # "threaten" only before a clause
        "The union threatened a strike.",
        "The court will rule on the toll in May.",  # only "ruled", only before "that"
        "The new rules took effect in May.",
        "The pier was ruled unsafe.",
        "She learned to sail as a child.",  # "learn" only before "that"
    ],
)
def test_the_same_words_are_quiet_where_they_report_nothing(text: str) -> None:
    assert quotes(text) == ()


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["Ruiz", "The mayor", "Residents", "The union"]),
       st.sampled_from(["reprimanded", "weighed in on", "hinted at", "came out against"]),
       st.sampled_from(["the plan", "the new toll", "the council's budget"]))
def test_the_content_is_what_follows_the_cue(speaker: str, cue: str, thing: str) -> None:
    found = quotes(f"{speaker} {cue} {thing}.")
    assert [(q.text, q.cue and q.cue.text) for q in found] == [(thing, cue)]

