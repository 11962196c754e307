"""The shortcuts that make reading fast find what the plain ways find.

Each shortcut is checked against the slow way it replaces: the rules tried by first
character against every rule at every offset, and the words read from token columns
against a list of :class:`~newslens_dates.tense.Word` made for every token.
"""

from __future__ import annotations

import re
import string
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_dates import _document_words, _outside, grammar
from newslens_dates.candidates import (
    _ANY_RULE_IN_LOWER_CASE,
    _CASE_FOLDS,
    _in_lower_case,
    matches,
    trigger_offsets,
)
from newslens_dates.context import Context
from newslens_dates.grammar import COMPILED, FIRST_WORDS, RULES_BY_FIRST, first_characters
from newslens_dates.prose import overlaps
from newslens_dates.tense import Word, WordColumns

import newslens
from newslens import Document
from newslens.testing.strategies import news_texts

# -- which rules can begin with a character -------------------------------------------


@pytest.mark.parametrize(
    ("source", "flags", "expected"),
    [
        ("ab|c", 0, "ac"),
        ("ab|[Cd]", re.I, "aAcCdD"),
        ("(?:x)?y", 0, "xy"),
        ("(?<![a-z])(?=q)[0-3]", 0, "0123"),  # lookarounds take no character
        ("(?:the )*day", 0, "td"),
        ("(?P<a>e)?(?(a)f|g)", 0, "efg"),
        ("[^\\W\\d_]", 0, "".join(chr(c) for c in range(128) if chr(c).isalpha())),
        ("[^\\w\\s]x", 0, "".join(chr(c) for c in range(128) if not re.match(r"[\w\s]", chr(c)))),
    ],
)
def test_first_characters(source: str, flags: int, expected: str) -> None:
    assert first_characters(re.compile(source, flags)) == frozenset(expected)


@pytest.mark.parametrize("source", ["a?", "(?:the )?", ".b", "[^x]y", "(a)?\\1x"])
def test_first_characters_of_anything(source: str) -> None:
    # a pattern that matches the empty string, or a piece not read: any character
    assert first_characters(re.compile(source)) is None


def test_every_rule_is_read_and_tried_where_it_can_begin() -> None:
    for compiled in COMPILED:
        first = first_characters(compiled.pattern)
        assert first, compiled.rule.name  # each rule begins with a few characters only
        for char, rules in RULES_BY_FIRST.items():
            assert (compiled in rules) == (char in first)


def test_every_fragment_has_a_stand_in() -> None:
    # RULES_BY_FIRST reads each rule from its template with a character class in place of
    # each fragment (quicker to parse); the test above checks it against the patterns
    stand_ins = {name: grammar._fragment_stand_in(text) for name, text in grammar.FRAGMENTS.items()}
    assert all(stand_ins.values()), stand_ins
    assert grammar._fragment_stand_in("(?:the )?") is None  # it may match nothing
    assert grammar._fragment_stand_in("(?P<x>ab|Cd)") == "(?:[ACac])"


CASED_WORDS = [
    *sorted(FIRST_WORDS), "1998", "12", "3:30", "p.m.", "ago", "of", "'90s", "quarter",
    "weeks", "night", "Jan.", "Friday", "May", "5", "mid-", "GMT", "EST", "FY2024", "o'clock",
]  # fmt: skip


def cased_texts(max_words: int) -> st.SearchStrategy[str]:
    """Texts of up to *max_words* of :data:`CASED_WORDS`, each in lower, upper or title
    case, joined by one kind of glue."""
    words = st.lists(
        st.builds(lambda word, case: case(word), st.sampled_from(CASED_WORDS),
                  st.sampled_from([str.lower, str.upper, str.title])),
        max_size=max_words,
    )
    return st.builds(str.join, st.sampled_from([" ", "-", ", ", " (", "\n"]), words)


@settings(max_examples=300)
@given(cased_texts(10))
def test_rules_tried_by_first_character_find_every_match(text: str) -> None:
    assert matches(text) == matches(text, exhaustive=True)


@settings(max_examples=200)
@given(cased_texts(8))
def test_any_rule_names_the_first_rule_that_may_match(text: str) -> None:
    """Where ANY_RULE matches, no rule before the one its ``lastindex`` names matches;
    where it does not, no rule does (so the rules before it need not be tried)."""
    for start in range(len(text)):
        found = grammar.ANY_RULE.match(text, start)
        first = len(COMPILED) if found is None else found.lastindex - 1
        assert found is None or 0 <= first < len(COMPILED)
        assert not any(c.pattern.match(text, start) for c in COMPILED[:first])


def test_any_rule_has_one_group_a_rule() -> None:
    assert grammar.ANY_RULE.groups == len(grammar.RULES)
    names = [rule.name for rule in grammar.RULES]
    found = grammar.ANY_RULE.match("Friday")
    assert found is not None
    assert names[found.lastindex - 1] == "weekday"  # month_day needs a month after it
    found = grammar.ANY_RULE.match("Friday, March 3")
    assert found is not None
    assert names[found.lastindex - 1] == "month_day"


# -- words read from token columns ----------------------------------------------------------

_MARKS = frozenset({";", ":", "“", "”", '"', "(", ")"})


def _plain_words(doc: Document, leave_out: tuple[tuple[int, int], ...]) -> list[Word]:
    """The words as the rules read them, one :class:`Word` made for every token."""
    words, clause = [], 0
    for sentence in doc.sentences:
        clause += 1
        for token in doc.tokens[sentence.token_start : sentence.token_end]:
            if token.text in _MARKS:
                clause += 1
            elif any(ch.isalnum() for ch in token.text) and not (
                leave_out and overlaps(leave_out, token.start, token.end)
            ):
                words.append(
                    Word(token.start, token.end, token.text, clause, token.xpos, token.feats)
                )
    return words


@settings(max_examples=40, deadline=None)
@given(news_texts())
def test_words_from_columns_are_the_words_of_the_tokens(text: str) -> None:
    doc = newslens.annotate(text, backend="lite")
    leave_out = doc.not_prose_spans()
    words = _document_words(doc, leave_out)
    expected = _plain_words(doc, leave_out)
    assert list(words) == expected
    assert words.starts == [w.start for w in expected]
    assert words[1:3] == tuple(expected[1:3])
    if expected:
        assert words[-1] == expected[-1]
    assert Context(text, None, words).starts == [w.start for w in expected]


def test_words_from_columns_leave_out_web_text_and_count_clauses() -> None:
    text = "He said: see https://example.com/2024/03/05 today (on Friday)."
    doc = newslens.annotate(text, backend="lite")
    words = _document_words(doc, doc.not_prose_spans())
    assert [w.text for w in words] == ["He", "said", "see", "today", "on", "Friday"]
    assert [w.clause for w in words] == [1, 1, 2, 2, 3, 3]


@st.composite
def words_and_stretches(
    draw: st.DrawFn,
) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """Tokens' starts and ends (in order and apart, or drawn at random), and stretches
    in order and apart, as :meth:`newslens.Document.not_prose_spans` gives them."""
    if draw(st.booleans()):
        cuts = sorted(draw(st.sets(st.integers(0, 200), max_size=40)))
        starts, ends = cuts[0::2], cuts[1::2]
        starts = starts[: len(ends)]
    else:
        pairs = draw(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 8)), max_size=20))
        starts, ends = [a for a, _ in pairs], [a + n for a, n in pairs]
    edges = sorted(draw(st.sets(st.integers(0, 210), max_size=10)))
    return starts, ends, list(zip(edges[0::2], edges[1::2], strict=False))


@given(words_and_stretches())
def test_words_outside_the_stretches_are_those_no_stretch_overlaps(
    drawn: tuple[list[int], list[int], list[tuple[int, int]]],
) -> None:
    starts, ends, leave_out = drawn
    index = list(range(len(starts)))
    clauses = [i // 3 for i in index]
    kept = [i for i in index if not overlaps(leave_out, starts[i], ends[i])]
    assert _outside(leave_out, starts, ends, index, clauses) == (kept, [i // 3 for i in kept])


def test_word_columns_check_their_lengths() -> None:
    with pytest.raises(ValueError, match="one value per word"):
        WordColumns(((0,), (2,), ("He",), (None,), (None,)), [0], [])


# -- triggers found in the lower-case text ----------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [grammar.TRIGGER.pattern + grammar.LEADING_BEFORE.pattern, _ANY_RULE_IN_LOWER_CASE.pattern],
    ids=["triggers", "any rule"],
)
def test_lower_case_triggers_compare_characters_as_ignorecase_does(pattern: str) -> None:
    """Over every character: where ``re.IGNORECASE`` and ``str.lower`` disagree on the
    characters of TRIGGER and LEADING_BEFORE, or of ANY_RULE in lower case (letters, digits, marks,
    ``\\w``, ``\\s``), the text is read the slow way."""
    alphabet = {ch for ch in pattern if ch.isalnum() or ch in "'’-."} | set(string.ascii_lowercase)
    ignorecase = re.compile("[" + re.escape("".join(sorted(alphabet))) + "]", re.I).fullmatch
    word, digit, space = (re.compile(c).fullmatch for c in (r"\w", r"\d", r"\s"))
    differ = set()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lower = char.lower()
        if len(lower) != 1:
            continue  # the text's length changes: read the slow way
        same = all(bool(test(char)) == bool(test(lower)) for test in (word, digit, space))
        same = same and (char in "'’") == (lower in "'’")
        if ignorecase(char) or lower in alphabet:
            same = same and all(
                bool(re.fullmatch(re.escape(letter), char, re.I)) == (lower == letter)
                for letter in alphabet
            )
        if not same:
            differ.add(char)
    assert differ == set(_CASE_FOLDS)


def test_any_rule_in_lower_case_changes_no_escape() -> None:
    """Lower case changes only ANY_RULE's letters: no escape of it is in upper case."""
    assert not re.search(r"\\[A-Z]", grammar.ANY_RULE.pattern)
    assert _ANY_RULE_IN_LOWER_CASE.pattern == grammar.ANY_RULE.pattern.lower()
    assert not _ANY_RULE_IN_LOWER_CASE.flags & re.I


@settings(max_examples=200)
@given(cased_texts(8))
def test_any_rule_in_lower_case_matches_as_any_rule(text: str) -> None:
    """On a text read in lower case, the gate in lower case matches where ANY_RULE does,
    as far, and names the same first rule."""
    lowered = _in_lower_case(text)
    if lowered is None:
        return
    for start in range(len(text)):
        found = grammar.ANY_RULE.match(text, start)
        fast = _ANY_RULE_IN_LOWER_CASE.match(lowered, start)
        assert (found is None) == (fast is None)
        if found is not None and fast is not None:
            assert (found.end(), found.lastindex) == (fast.end(), fast.lastindex)


def _triggers_ignoring_case(text: str) -> list[int]:
    """``trigger_offsets`` as it was: TRIGGER (``re.IGNORECASE``) on the text as written."""
    starts: list[int] = []
    for trigger in grammar.TRIGGER.finditer(text):
        start = trigger.start()
        lead = grammar.LEADING_BEFORE.search(text, max(0, start - 12), start)
        if lead is not None:
            first = grammar.LEADING_BEFORE.search(text, max(0, lead.start() - 12), lead.start())
            if first is not None and (not starts or starts[-1] < first.start()):
                starts.append(first.start())
            if not starts or starts[-1] < lead.start():
                starts.append(lead.start())
        if not starts or starts[-1] < start:
            starts.append(start)
    return starts


_PIECES = [*"aAkKsSiI19 '’-.,\u0130\u0131\u017f\u212a", "the ", "May ", "mid-", "Ago ", "TODAY"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_lower_case_triggers_are_the_triggers(text: str) -> None:
    assert trigger_offsets(text) == _triggers_ignoring_case(text)


@settings(max_examples=30, deadline=None)
@given(news_texts())
def test_lower_case_triggers_are_the_triggers_in_news(text: str) -> None:
    assert trigger_offsets(text) == _triggers_ignoring_case(text)
