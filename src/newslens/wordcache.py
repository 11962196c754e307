"""A per-word cache that answers for a whole column of words at once.

Annotators and enrichers compute many things per word (a lemma, a syllable
count, a flag) and meet the same words again and again. :class:`WordCache`
keeps each answer and, given a whole column of words (such as
``doc.tokens.column("text")``), looks them all up with one C-level
``map(dict.get, words)``: several times faster than calling an
:func:`functools.lru_cache` function once per word, which matters when a
document has thousands of tokens.

Its memory is bounded: the words are kept in two generations of at most half
the limit each. When the young one is full it becomes the old one (the
previous old one is dropped) and a new young one starts; a word found only in
the old generation is moved back into the young one. Words in use stay, words
no longer met go, and the cache never holds more than its limit, however many
documents a long-running process reads.

Example:
    >>> from newslens.wordcache import WordCache
    >>> lengths = WordCache(len)
    >>> lengths.many(["the", "harbour", "the"])
    [3, 7, 3]
    >>> lengths("bridge")
    6
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress, islice, repeat
from operator import is_
from typing import Generic, TypeVar

V = TypeVar("V")

DEFAULT_LIMIT = 200_000
"""How many words a :class:`WordCache` keeps unless told otherwise (a few MiB)."""


class WordCache(Generic[V]):
    """Answers of a function of one word, kept and looked up in bulk.

    Args:
        compute: The function; it must not return ``None`` (``None`` means
            "not known yet").
        limit: How many words to keep at most (see the module documentation:
            two generations of half as many each), so that memory stays
            bounded in a long-running process.

    Raises:
        ValueError: when *limit* is not positive.
    """

    __slots__ = ("_compute", "_half", "_old", "_values", "limit")

    def __init__(self, compute: Callable[[str], V], limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit}")
        self._compute = compute
        self._values: dict[str, V] = {}
        self._old: dict[str, V] = {}
        self._half = max(1, limit // 2)
        self.limit = limit

    def _answer(self, word: str) -> V:
        value = self._old.get(word)
        if value is not None:
            return value
        value = self._compute(word)
        if value is None:
            raise TypeError(f"{self._compute!r} returned None for {word!r}")
        return value

    def _keep(self, fresh: dict[str, V]) -> None:
        if len(self._values) + len(fresh) > self._half:
            # the young generation is full: it becomes the old one (none when the
            # limit is 1), and the words of this call start the new one
            self._old = self._values if self.limit > 1 else {}
            self._values = {}
            if len(fresh) > self._half:
                fresh = dict(islice(fresh.items(), self._half))
        self._values.update(fresh)

    def __call__(self, word: str) -> V:
        """Return the answer for *word*, computing it the first time."""
        value = self._values.get(word)
        if value is None:
            value = self._answer(word)
            if len(self._values) < self._half:  # room in the young generation: _keep's case
                self._values[word] = value
            else:
                self._keep({word: value})
        return value

    def many(self, words: Sequence[str]) -> list[V]:
        """Return the answer for each of *words*, in order."""
        found: list[V | None] = list(map(self._values.get, words))
        if None in found:
            missing = list(compress(range(len(found)), map(is_, found, repeat(None))))
            fresh = {word: self._answer(word) for word in {words[i] for i in missing}}
            for i in missing:
                found[i] = fresh[words[i]]
            self._keep(fresh)
        return found  # type: ignore[return-value]  # every None was filled in

    def __len__(self) -> int:
        """How many words are kept (in both generations; a word may be in both)."""
        return len(self._values) + len(self._old)

    def cache_clear(self) -> None:
        """Forget every answer (named as :func:`functools.lru_cache` names it)."""
        self._values.clear()
        self._old = {}
