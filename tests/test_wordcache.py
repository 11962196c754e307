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
    if len(set(words)) <= limit:  # everything fits: each word is computed once
        assert sorted(calls) == sorted(set(words))
    cache.cache_clear()
    assert len(cache) == 0


def test_a_function_returning_none_or_a_bad_limit_is_refused() -> None:
    with pytest.raises(TypeError, match="returned None for 'x'"):
        WordCache(lambda word: None)("x")
    with pytest.raises(ValueError, match="limit must be at least 1, got 0"):
        WordCache(len, limit=0)
