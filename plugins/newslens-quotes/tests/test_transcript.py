"""Transcripts: paragraphs that open with a speaker's label in capitals are turns, each a
direct quote of its speaker."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import QuoteResult, find_quotes
from newslens_quotes.transcript import turns

import newslens

MARKED = (
    "The mayor spoke to a radio host on Sunday about the harbour levy.\n\n"
    '"HOST: Will you be at the hearing tomorrow? The council says it is “closed.”\n\n'
    '"RUIZ: I will. We have asked for a full hearing.\n\n'
    '"And we expect one before the budget vote.\n\n'
    '"(CROSSTALK)\n\n'
    '"HOST: Thank you, Mayor.\n\n'
    '"Follow Ana Ruiz on Twitter @ana_ruiz."'
)

UNMARKED = (
    "Mayor Ana Ruiz was asked about the levy on the morning show.\n\n"
    "DANA WHITFIELD: Is the levy fair to the fishing crews?\n\n"
    "RUIZ: It is. Every crew pays the same rate.\n\n"
    "And the fund repairs their pier.\n\n"
    "WHITFIELD: Thank you.\n\n"
    "The council votes on the levy next week."
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for piece in text.split("\n\n"):
        spans.append((at, at + len(piece)))
        at += len(piece) + 2
    return spans


def find(text: str) -> QuoteResult:
    return find_quotes(newslens.annotate(text, backend="lite"))


def said(text: str) -> list[tuple[str, list[str]]]:
    return [
        (text[slice(*t.label)], [text[a:b] for a, b in t.parts])
        for t in turns(text, paragraphs(text))
    ]


def test_each_labelled_paragraph_of_a_marked_transcript_is_a_turn() -> None:
    assert said(MARKED) == [
        ("HOST", ["Will you be at the hearing tomorrow? The council says it is “closed.”"]),
        ("RUIZ", ["I will. We have asked for a full hearing.",
                  "And we expect one before the budget vote."]),
        ("HOST", ["Thank you, Mayor."]),
    ]


def test_an_unmarked_transcript_runs_over_paragraphs_only_between_turns() -> None:
    assert said(UNMARKED) == [
        ("DANA WHITFIELD", ["Is the levy fair to the fishing crews?"]),
        ("RUIZ", ["It is. Every crew pays the same rate.", "And the fund repairs their pier."]),
        ("WHITFIELD", ["Thank you."]),  # the article's own paragraph after it is not hers
    ]


def test_one_label_or_headings_make_no_transcript() -> None:
    for text in (
        "CORRECTION: An earlier version misspelt the mayor's name.\n\n"
        "UPDATE: The council met on Monday.",
        "RUIZ: The levy is fair.\n\nRUIZ: The fund repairs the pier.",
        "Q: Is the levy fair?\n\nA: It is.",
        "Ruiz: the levy is fair.\n\nHale: it is not.",
    ):
        assert turns(text, paragraphs(text)) == [], text


def test_turns_are_direct_quotes_of_their_labels_linked_to_the_full_name() -> None:
    result = find(MARKED.replace("The mayor spoke", "Mayor Ana Ruiz spoke"))
    by_speaker = [(q.speaker.text if q.speaker else None, q.speaker_name, q.how)
                  for q in result.quotes if q.how == "transcript"]
    assert by_speaker == [
        ("HOST", "HOST", "transcript"),
        ("RUIZ", "Ana Ruiz", "transcript"),
        ("HOST", "HOST", "transcript"),
    ]
    ruiz = [q for q in result.quotes if q.speaker_name == "Ana Ruiz" and q.how == "transcript"]
    assert [p.text for p in ruiz[0].parts] == [
        "I will. We have asked for a full hearing.",
        "And we expect one before the budget vote.",
    ]
    assert all(q.kind == "direct" and q.cue is not None and q.cue.text == ":"
               for q in result.quotes if q.how == "transcript")


def test_no_other_quote_is_made_of_a_turn() -> None:
    result = find(MARKED)
    turns_found = [q for q in result.quotes if q.how == "transcript"]
    for q in result.quotes:
        if q.how != "transcript":
            assert all(q.end <= t.start - 6 or q.start >= t.end for t in turns_found), q
    assert not any("Follow" in q.text for q in result.quotes)


_CAPS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=9)
_LINE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1, max_size=40,
).filter(lambda s: s.strip() and "\n" not in s)


@settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(st.one_of(st.none(), _CAPS), st.booleans(), _LINE),
                min_size=1, max_size=8))
def test_turns_lie_in_their_paragraphs_after_a_label_in_capitals(
    lines: list[tuple[str | None, bool, str]]
) -> None:
    text = "\n\n".join(
        ('"' if marked else "") + (f"{label}: " if label else "") + words
        for label, marked, words in lines
    )
    spans = paragraphs(text)
    found = turns(text, spans)
    for t in found:
        name = text[slice(*t.label)]
        assert name.replace(" ", "").replace(".", "").isupper()
        assert text[t.colon] == ":"
        for a, b in t.parts:
            assert a < b
            assert any(lo <= a and b <= hi for lo, hi in spans)
        assert t.parts[0][0] > t.colon
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert len({lab for lab, _, _ in lines if lab}) >= 2 or not found
    find(text)  # the whole plugin reads it without failing
