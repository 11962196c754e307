"""WordCache: a per-word cache looked up a column at a time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslens.wordcache import WordCache

_WORDS = st.lists(st.sampled_from(["a", "bb", "ccc", "dddd", "", "é"]), max_size=30)


@given(_WORDS, st.integers(1, 4))
def test_answers_like_its_function_and_stays_bounded(words: list[str], limit: int) -> None:
    calls: list[str] = []

    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    cache = WordCache(length, limit=limit)
    assert cache.many(words) == [len(w) for w in words]
    assert cache.many(words) == [len(w) for w in words]
    assert [cache(w) for w in words] == [len(w) for w in words]
    assert len(cache) <= limit
    if len(set(words)) <= max(1, limit // 2):  # all fit in one generation: computed once
        assert sorted(calls) == sorted(set(words))
    cache.cache_clear()
    assert len(cache) == 0


def test_a_function_returning_none_or_a_bad_limit_is_refused() -> None:
    with pytest.raises(TypeError, match="returned None for 'x'"):
        WordCache(lambda word: None)("x")
    with pytest.raises(ValueError, match="limit must be at least 1, got 0"):
        WordCache(len, limit=0)


def test_words_in_use_stay_and_words_no_longer_met_go() -> None:
    calls: list[str] = []

    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    cache = WordCache(upper, limit=4)  # two generations of two words
    assert cache.many(["a", "b", "a"]) == ["A", "B", "A"]
    assert cache.many(["c"]) == ["C"]  # the young generation was full: it is now the old one
    assert cache("a") == "A"  # found in the old generation, not computed again
    assert cache.many(["d", "a"]) == ["D", "A"]  # "b", unused, went with the oldest words
    assert cache.many(["b", "a", "c"]) == ["B", "A", "C"]
    assert sorted(calls[:2]) == ["a", "b"] and calls[2:] == ["c", "d", "b"]
    assert len(cache) <= 4


@given(st.lists(st.text(max_size=3), max_size=200), st.integers(1, 9))
def test_never_more_words_than_the_limit(words: list[str], limit: int) -> None:
    cache = WordCache(len, limit=limit)
    for start in range(0, len(words), 7):
        assert cache.many(words[start:start + 7]) == [len(w) for w in words[start:start + 7]]
        assert len(cache) <= limit
    assert [cache(w) for w in words] == [len(w) for w in words]
    assert len(cache) <= limit


@given(st.lists(st.sampled_from("abcdefg"), max_size=60), st.integers(1, 9))
def test_one_word_at_a_time_keeps_what_a_column_of_one_word_keeps(
    words: list[str], limit: int
) -> None:
    # __call__ stores a new word in place when the young generation has room, and
    # otherwise goes through the same step as many(): both keep the same words
    one, column = WordCache(str.upper, limit=limit), WordCache(str.upper, limit=limit)
    for word in words:
        assert one(word) == column.many([word])[0] == word.upper()
        assert (one._values, one._old) == (column._values, column._old)
