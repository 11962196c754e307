"""TokenTable: tokens stored by column, read like a tuple of Token."""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslens import Document, Token, TokenTable
from newslens.annotators.lite import LiteAnnotator

_TAGS = st.none() | st.sampled_from(["NOUN", "VERB", "PROPN"])


@st.composite
def token_lists(draw: st.DrawFn) -> list[Token]:
    """Tokens with increasing offsets and some optional fields set."""
    tokens = []
    position = 0
    for _ in range(draw(st.integers(0, 12))):
        position += draw(st.integers(0, 3))
        length = draw(st.integers(0, 6))
        tokens.append(
            Token(
                position,
                position + length,
                draw(st.text(max_size=6)),
                lemma=draw(st.none() | st.text(max_size=4)),
                upos=draw(_TAGS),
                head=draw(st.none() | st.integers(0, 20)),
            )
        )
        position += length
    return tokens


@given(token_lists())
def test_a_table_reads_like_the_tuple_it_was_made_from(tokens: list[Token]) -> None:
    table = TokenTable(tokens)
    assert len(table) == len(tokens)
    assert table == tuple(tokens) and table == tokens and tuple(tokens) == table
    assert list(table) == tokens
    for index in range(-len(tokens), len(tokens)):
        assert table[index] == tokens[index]
    for name in ("start", "text", "lemma", "upos", "head", "ner"):
        assert table.column(name) == tuple(getattr(t, name) for t in tokens)


@given(token_lists(), st.integers(-15, 15), st.integers(-15, 15), st.sampled_from([1, 2, -1]))
def test_slices_are_tables_of_the_same_tokens(
    tokens: list[Token], start: int, stop: int, step: int
) -> None:
    table = TokenTable(tokens)
    fresh = TokenTable.from_columns(
        start=table.column("start"),
        end=table.column("end"),
        text=table.column("text"),
        lemma=table.column("lemma"),
        upos=table.column("upos"),
        head=table.column("head"),
    )
    for source in (table, fresh):  # with and without Token objects made already
        part = source[start:stop:step]
        assert isinstance(part, TokenTable)
        assert list(part) == tokens[start:stop:step]
        assert part.column("text") == tuple(t.text for t in tokens[start:stop:step])


@given(token_lists())
def test_columns_and_tokens_give_equal_hashable_picklable_tables(tokens: list[Token]) -> None:
    by_tokens = TokenTable(tokens)
    by_columns = TokenTable.from_columns(
        start=[t.start for t in tokens],
        end=[t.end for t in tokens],
        text=[t.text for t in tokens],
        lemma=[t.lemma for t in tokens],
        upos=[t.upos for t in tokens],
        head=[t.head for t in tokens],
    )
    assert by_tokens == by_columns
    assert hash(by_tokens) == hash(by_columns)
    copy = pickle.loads(pickle.dumps(by_columns))
    assert copy == by_tokens and list(copy) == tokens
    assert by_columns.has("upos") == any(t.upos is not None for t in tokens)


def test_tables_differing_in_one_field_are_unequal() -> None:
    one = TokenTable([Token(0, 3, "Ann", upos="PROPN")])
    other = TokenTable([Token(0, 3, "Ann", upos="NOUN")])
    assert one != other
    assert one != (Token(0, 3, "Ann"),)
    assert one != "Ann"


def test_a_table_cannot_be_changed() -> None:
    table = TokenTable([Token(0, 3, "Ann")])
    with pytest.raises(AttributeError, match="immutable"):
        table._length = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        table[0] = Token(0, 1, "A")  # type: ignore[index]


def test_bad_columns_are_refused_with_the_problem_named() -> None:
    with pytest.raises(ValueError, match="'text' has 1 values, 'start' has 2"):
        TokenTable.from_columns(start=[0, 4], end=[3, 8], text=["Ann"])
    with pytest.raises(ValueError, match="token 1 has start 4 and end 2"):
        TokenTable.from_columns(start=[0, 4], end=[3, 2], text=["Ann", "x"])
    with pytest.raises(ValueError, match="token 0 has start -1"):
        TokenTable.from_columns(start=[-1], end=[3], text=["Ann"])
    with pytest.raises(TypeError, match="no field 'colour'"):
        TokenTable.from_columns(start=[0], end=[3], text=["Ann"], colour=["red"])
    with pytest.raises(TypeError, match="token 1 is a str, not a Token"):
        TokenTable([Token(0, 1, "A"), "B"])  # type: ignore[list-item]
    with pytest.raises(KeyError, match="no field 'colour'"):
        TokenTable().column("colour")
    with pytest.raises(IndexError, match="token index 2 out of range for 1 tokens"):
        TokenTable.from_columns(start=[0], end=[1], text=["A"])[2]


def test_documents_convert_any_iterable_of_tokens() -> None:
    doc = Document.create("Ann left.")
    tokens = [Token(0, 3, "Ann"), Token(4, 8, "left"), Token(8, 9, ".")]
    made = attrs.evolve(doc, tokens=iter(tokens))
    assert isinstance(made.tokens, TokenTable)
    assert made.tokens == tokens
    assert made == attrs.evolve(doc, tokens=TokenTable(tokens))


def test_the_lite_annotator_fills_columns_without_making_tokens() -> None:
    doc = LiteAnnotator().annotate(Document.create("Mr. Lee said no. He left."))
    assert doc.tokens.column("lemma")[:3] == ("mr.", "lee", "say")
    assert not doc.tokens.has("upos")
    assert doc.tokens._tokens is None  # nothing asked for a Token yet
    assert doc.tokens[2] == Token(8, 12, "said", lemma="say")


def test_a_derived_column_is_worked_out_once_when_first_read() -> None:
    calls: list[tuple[str, ...]] = []

    def lower(texts: tuple[str, ...]) -> list[str]:
        calls.append(texts)
        return [t.lower() for t in texts]

    table = TokenTable.from_columns(
        start=[0, 4, 9], end=[3, 8, 10], text=["Ann", "Left", "."], derived={"lemma": lower}
    )
    assert calls == []
    assert table.column("text") == ("Ann", "Left", ".") and calls == []
    part = table[1:]
    assert part.column("lemma") == ("left", ".")  # a slice derives its own rows
    assert table.column("lemma") == ("ann", "left", ".")
    assert table[0].lemma == "ann" and table.has("lemma")
    assert calls == [("Left", "."), ("Ann", "Left", ".")]
    assert table == TokenTable.from_columns(
        start=[0, 4, 9], end=[3, 8, 10], text=["Ann", "Left", "."], lemma=["ann", "left", "."]
    )


def test_a_pickled_table_holds_derived_values_not_the_function() -> None:
    table = TokenTable.from_columns(
        start=[0], end=[3], text=["Ann"], derived={"lemma": lambda texts: ["ann"] * len(texts)}
    )
    copy = pickle.loads(pickle.dumps(table))  # a lambda cannot be pickled: values must be
    assert copy.column("lemma") == ("ann",)


def test_a_derived_column_must_fit_the_table() -> None:
    table = TokenTable.from_columns(
        start=[0, 4], end=[3, 8], text=["Ann", "left"], derived={"lemma": lambda texts: ["x"]}
    )
    with pytest.raises(ValueError, match="derived column 'lemma' has 1 values for 2 tokens"):
        table.column("lemma")
    with pytest.raises(TypeError, match="'lemma' is given both as values and as derived"):
        TokenTable.from_columns(
            start=[0], end=[3], text=["Ann"], lemma=["ann"], derived={"lemma": list}
        )
    with pytest.raises(TypeError, match="no field 'colour'"):
        TokenTable.from_columns(start=[0], end=[3], text=["Ann"], derived={"colour": list})
