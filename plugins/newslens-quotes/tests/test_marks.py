"""Pairing quotation marks: newslens_quotes.marks.find_quoted on its own."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslens_quotes.marks import Quoted, _within, find_quoted


def lines(text: str) -> list[tuple[int, int]]:
    """One paragraph per line, as the annotators split a plain body."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def spans(text: str) -> list[Quoted]:
    return find_quoted(text, lines(text))


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        '"Crews worked all night," she said.',
        "“Crews worked all night,” she said.",
        "“Crews worked all night,\" she said.",  # curly opening, straight closing
        "‘Crews worked all night,’ she said.",
        "'Crews worked all night,' she said.",
        "«Crews worked all night,» she said.",
    ],
)
def test_straight_curly_and_single_marks(text: str) -> None:
    (quoted,) = spans(text)
    assert text[quoted.start : quoted.end] == "Crews worked all night,"
    assert quoted.closed
    assert text[quoted.open] in "\"“‘'«"
    assert quoted.close == quoted.end and text[quoted.close] in "\"”’'»"


def test_single_marks_are_flagged_single() -> None:
    (double,) = spans('"Crews worked all night," she said.')
    (single,) = spans("‘Crews worked all night,’ she said.")
    assert not double.single and single.single


def test_two_quotations_in_one_sentence() -> None:
    text = '"Hold the line," she said, "until the trucks arrive."'
    assert contents(text) == ["Hold the line,", "until the trucks arrive."]


@pytest.mark.parametrize(
    "text",
    [
        '"He told me \'the vault is empty\' this morning," she said.',
        "“He told me ‘the vault is empty’ this morning,” she said.",
    ],
)
def test_nested_single_marks_are_part_of_the_double_quotation(text: str) -> None:
    (quoted,) = spans(text)
    assert not quoted.single
    assert "the vault is empty" in text[quoted.start : quoted.end]
    assert text[quoted.start : quoted.end].startswith("He told me")
    assert text[quoted.start : quoted.end].endswith("this morning,")


@pytest.mark.parametrize(
    "text",
    [
        "“Nobody trusts a council that calls every cut “temporary” and never restores one.”",
        '"Nobody trusts a council that calls every cut "temporary" and never restores one."',
        "“Nobody trusts a council that calls every cut “temporary,” and never restores one.”",
    ],
)
def test_nested_double_marks_are_part_of_the_outer_quotation(text: str) -> None:
    (quoted,) = spans(text + " the mayor said.")
    content = (text + " the mayor said.")[quoted.start : quoted.end]
    assert content.startswith("Nobody trusts") and content.endswith("restores one.")
    assert "temporary" in content and "mayor" not in content


def test_nested_double_marks_in_a_quote_whose_attribution_comes_first() -> None:
    text = "The captain wrote: “Passengers saw the sign “Closed” and went home. We lost a day.”"
    (quoted,) = spans(text)
    assert text[quoted.start : quoted.end].endswith("We lost a day.")
    assert quoted.closed


@pytest.mark.parametrize(
    "text",
    [
        # the first quotation is never closed: the second one stands on its own
        'She said "the ferry was late. Then "nothing" happened, and the pier emptied.',
        # two quotations in a row, not nested
        '"The pier is closed," she said, and "the ferry is late."',
    ],
)
def test_an_opening_mark_that_nothing_closes_twice_is_no_nesting(text: str) -> None:
    found = contents(text)
    assert "nothing" in found or "The pier is closed," in found
    assert all(len(c) < 40 for c in found)


@given(
    st.text(alphabet="abc ,.", min_size=1, max_size=12),
    st.text(alphabet="abc ,.", min_size=1, max_size=12),
    st.text(alphabet="abc ,.", min_size=0, max_size=12),
    st.sampled_from(['"', "“", "”"]),
)
def test_any_nesting_gives_spans_in_order_inside_their_paragraph(
    a: str, b: str, c: str, mark: str
) -> None:
    text = f"He wrote: {mark}{a} {mark}{b}{mark} {c}{mark} and left.\nNext {mark}line."
    found = spans(text)
    first_end = text.index("\n")
    assert [q.open for q in found] == sorted(q.open for q in found)
    for q in found:
        assert 0 <= q.open < q.close <= len(text)
        assert (q.close <= first_end) == (q.open < first_end)  # no pair across the line
    double = [q for q in found if not q.single]
    for x, y in itertools.pairwise(double):
        assert x.close < y.open  # nested marks are inside one span, never a span of their own


def test_three_apostrophes_close_a_nested_single_quotation_and_then_the_double_one() -> None:
    text = "''She asked me, 'Is the pier open?''' the ferryman said. ''It was not.''"
    found = spans(text)
    assert [text[q.start : q.end] for q in found if not q.single] == [
        "She asked me, 'Is the pier open?'",
        "It was not.",
    ]
    assert all(q.width == 2 for q in found)


@given(st.text(alphabet="abc ,", min_size=1, max_size=10))
def test_three_apostrophes_after_a_word_always_end_the_double_quotation(inner: str) -> None:
    text = f"''He said, 'x{inner}y,''' she recalled."
    double = [q for q in spans(text) if not q.single]
    assert len(double) == 1
    assert text[double[0].close :].startswith("'' she recalled")


@pytest.mark.parametrize(
    "text",
    [
        "Residents don't agree with the plan.",
        "O'Brien's shop stayed shut on Monday.",
        "The players' union met the owners' lawyers.",
        "Rents doubled in the '90s, she recalled.",
        "It’s the town’s oldest bakery.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    assert spans(text) == []


def test_an_apostrophe_does_not_pair_with_a_real_single_quotation() -> None:
    text = "The players' union said 'no deal' on Monday."
    assert contents(text) == ["no deal"]


def test_a_closing_mark_with_nothing_open_is_left_alone() -> None:
    text = "It rained all day.” The ferry ran late. He said, “Fine.”"
    assert contents(text) == ["Fine."]


def test_an_unclosed_quotation_stops_at_the_end_of_its_paragraph() -> None:
    text = 'The chief said: "We lost the library.\nThe rain stopped.\nThe ferry ran late.'
    (quoted,) = spans(text)
    assert not quoted.closed
    assert text[quoted.start : quoted.end] == "We lost the library."
    assert quoted.paragraphs == 1


def test_a_stray_mark_does_not_swallow_the_article() -> None:
    text = 'The sign read " Closed.\nThe ferry ran late.\nThe bridge reopened on Monday.'
    first_paragraph_end = text.index("\n")
    for quoted in spans(text):
        assert quoted.end <= first_paragraph_end


def test_a_stray_mark_does_not_swallow_the_next_paragraphs_quote() -> None:
    text = 'A stray " mark sits here.\n"The ferry ran on time," she said.'
    assert "The ferry ran on time," in contents(text)


def test_a_quotation_continues_into_a_paragraph_that_opens_with_a_mark() -> None:
    text = (
        'The chief said: "We lost the library.\n'
        '"The books can be replaced, but not the building."\n'
        "The rain stopped."
    )
    (quoted,) = spans(text)
    content = text[quoted.start : quoted.end]
    assert quoted.closed and quoted.paragraphs == 2
    assert content.startswith("We lost the library.")
    assert content.endswith("but not the building.")
    assert "rain" not in content


def test_a_quotation_runs_over_three_paragraphs() -> None:
    text = (
        "“We lost the library.\n"
        "“We lost the gym.\n"
        "“But nobody was hurt,” the chief said.\n"
        "The rain stopped."
    )
    (quoted,) = spans(text)
    assert quoted.paragraphs == 3
    assert text[quoted.start : quoted.end].endswith("But nobody was hurt,")


def test_spans_are_in_text_order_and_inside_the_text() -> None:
    text = (
        "“We will rebuild,” she said of the ‘old’ bridge.\n"
        '"It is unsafe," he said. O\'Brien\'s crew agreed: "Close it."'
    )
    found = spans(text)
    assert len(found) == 4
    assert [q.open for q in found] == sorted(q.open for q in found)
    for q in found:
        assert 0 <= q.open < q.start <= q.end <= len(text)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("\"We were told about the 'fast lane,' \" she said. \"Nobody came.\"",
         ["We were told about the 'fast lane,' ", "Nobody came."]),
        ('"The crews will stay. " Then she left. "Maybe," he said.',
         ["The crews will stay. ", "Maybe,"]),
        ("“They call it ‘the pit.’ ” The tour ended there.", ["They call it ‘the pit.’ "]),
    ],
)
def test_a_closing_mark_after_a_space_closes_an_open_quotation(
    text: str, inside: list[str]
) -> None:
    assert contents(text) == inside


def test_a_mark_alone_between_words_still_pairs_with_nothing() -> None:
    assert contents('Gate 4 " is closed, "the sign" says.') == ["the sign"]


@pytest.mark.parametrize("first", ["”", "“", '"'])
def test_a_paragraph_starting_with_a_mark_of_any_shape_opens_a_quotation(first: str) -> None:
    text = f"The reviews were in.\n{first}… a calm and steady hand on every question,” she wrote."
    (quoted,) = spans(text)
    assert text[quoted.start : quoted.end] == "… a calm and steady hand on every question,"
    assert quoted.closed


@pytest.mark.parametrize("invisible", ["\u202a", "\u200b", "\ufeff", "\u00ad"])
def test_an_invisible_character_next_to_a_mark_reads_as_white_space(invisible: str) -> None:
    text = f"{invisible}”The pier is safe,” said Ana Ruiz. Then {invisible}\"we wait,\" she said."
    contents = [text[q.start:q.end] for q in find_quoted(text, [(0, len(text))])]
    assert contents == ["The pier is safe,", "we wait,"]


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=8),
    st.booleans(),
    st.integers(-2, 80),
)
def test_the_search_for_a_mark_inside_a_quotation_agrees_with_a_look_at_each(
    pairs: list[tuple[int, int]], in_order: bool, offset: int
) -> None:
    spans = [Quoted(a, a + n) for a, n in pairs]
    if in_order:  # as pair_double gives them: in order and apart (the binary search)
        spans, at = [], 0
        for a, n in pairs:
            spans.append(Quoted(at + a, at + a + n))
            at += a + n + 1
    expected = any(q.open <= offset <= q.close + 1 for q in spans)
    assert _within(spans)(offset) is expected


@pytest.mark.parametrize(("stray", "curly"), [('"', "“"), ("“", '"'), ("''", "“")])
def test_a_mark_left_open_is_not_continued_by_a_paragraph_opening_with_another_kind(
    stray: str, curly: str
) -> None:
    close = "”" if curly == "“" else curly
    text = (
        f"{stray}Dana thought the plan was absurd. She was calm, though.\n"
        f"{curly}I never doubted it,{close} she said, smiling."
    )
    found = contents(text)
    assert "I never doubted it," in found
    assert all("absurd" not in piece or "doubted" not in piece for piece in found)


@given(st.sampled_from(['"', "“", "''"]), st.sampled_from(['"', "“", "''"]))
def test_a_quotation_goes_on_into_the_next_paragraph_only_with_the_same_kind_of_mark(
    first: str, second: str
) -> None:
    close = "”" if second == "“" else second
    text = f"{first}The pier is safe.\n{second}We reopen it on Monday,{close} she said."
    found = spans(text)
    continued = [q for q in found if q.paragraphs == 2]
    same = (first == second) or (first in "“" and second in "“")
    assert bool(continued) is same


def test_an_excerpt_opened_with_straight_marks_goes_on_over_a_curly_paragraph() -> None:
    text = (
        '"The council met late on Tuesday.\n'
        '"Members asked the chief about the flooding.\n'
        "“We are still counting the damage,” the chief said.\"\n"
        "The rain stopped."
    )
    (first, *_) = spans(text)
    assert first.paragraphs == 3


def test_a_straight_mark_left_open_in_a_text_with_curly_marks_quotes_nothing() -> None:
    text = (
        "“The pier is safe,” she said.\n"
        '"Dana thought the plan was absurd. She was calm, though.\n'
        "The ferry left at noon."
    )
    assert contents(text) == ["The pier is safe,"]


def test_a_straight_mark_left_open_in_a_text_of_straight_marks_still_quotes() -> None:
    text = (
        '"The pier is safe," she said.\n'
        '"Dana thought the plan was absurd. She was calm, though.\n'
        "The ferry left at noon."
    )
    found = spans(text)
    assert [text[q.start : q.end] for q in found][1].startswith("Dana thought")
    assert not found[1].closed
