"""The text being read: its words around an offset, its creation time, and the dates seen so far.

Every stage of the pipeline (:mod:`newslens_dates.engine`) reads the text through one
:class:`Context`: the context checks ask it for the word before or after a match, the
normalisers for the tense of a clause and for the last date mentioned, which
:func:`newslens_dates.engine.read` updates after each expression.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from typing import Final

import attrs

from newslens_dates.calendar import Point
from newslens_dates.tense import (
    NOT_WORDS,
    TOKENS,
    UNKNOWN,
    Word,
    WordColumns,
    clause_tense,
    words_from_text,
)

_LEFT_CHARS: Final = 160  # how much text before an expression its clause may span
_RIGHT_CHARS: Final = 60
_NEAR_CHARS: Final = 40


@attrs.define
class Context:
    """One text being read: its words, its creation time, and the dates seen so far.

    Attributes:
        text: The text.
        dct: The document creation time, or ``None``.
        words: The text's words (with tags) when an annotator gave them; ``None`` to
            split only the text around each expression, when it is needed.
        last_day: The last day mentioned (without its part of the day).
        last_point: The last date or time mentioned, at its own granularity.
        last_anchor: The ``tid`` of the expression that gave :attr:`last_point`.
        last_end: Where that expression ends.
        last_day_end: Where the expression that gave :attr:`last_day` ends.
        headline_end: Where the text's headline ends (``0``: the text has none); the
            tense of the headline is read by the headline's rules.
        leave_out: The stretches of the text that are not prose (in order, apart; see
            :mod:`newslens_dates.prose`): no expression overlapping one is read.
    """

    text: str
    dct: dt.date | None
    words: Sequence[Word] | None
    starts: list[int] = attrs.field(init=False)
    last_day: Point | None = None
    last_point: Point | None = None
    last_anchor: str | None = None
    last_end: int | None = None
    last_day_end: int | None = None
    headline_end: int = 0
    leave_out: tuple[tuple[int, int], ...] = ()

    def __attrs_post_init__(self) -> None:
        if isinstance(self.words, WordColumns):
            self.starts = self.words.starts
        else:
            self.starts = [w.start for w in self.words or ()]

    def prose_between(self, start: int, end: int) -> str:
        """Return ``text[start:end]`` without the stretches :attr:`leave_out`."""
        if not self.leave_out:
            return self.text[start:end]
        pieces, at = [], start
        for lo, hi in self.leave_out:
            if hi <= at:
                continue
            if lo >= end:
                break
            pieces.append(self.text[at:max(at, lo)])
            at = max(at, hi)
        pieces.append(self.text[at:end])
        return "".join(pieces)

    def around(self, start: int, end: int) -> tuple[Sequence[Word], list[int]]:
        """Return the words (and their starts) to look at for ``[start, end)``."""
        if self.words is not None:
            return self.words, self.starts
        words = words_from_text(self.text, max(0, start - _LEFT_CHARS), end + _RIGHT_CHARS)
        return words, [w.start for w in words]

    def near(self, offset: int) -> tuple[Sequence[Word], list[int]]:
        """Return the words (and their starts) a few words either side of *offset*."""
        if self.words is not None:
            return self.words, self.starts
        words = words_from_text(self.text, max(0, offset - _NEAR_CHARS), offset + _NEAR_CHARS)
        return words, [w.start for w in words]

    def tense(self, start: int, end: int, strong: bool = False) -> int:
        """Return the tense of the clause around ``[start, end)`` (see ``clause_tense``)."""
        words, starts = self.around(start, end)
        if not words:
            return UNKNOWN
        return clause_tense(words, starts, start, end, strong, self.headline_end)

    def word_before(self, start: int) -> Word | None:
        """Return the word just before *start*, or ``None``, with its clause number."""
        words, starts = self.near(start)
        index = bisect.bisect_left(starts, start) - 1
        return words[index] if index >= 0 else None

    def same_clause(self, start: int) -> bool:
        """Whether the word before *start* is in the clause of the word at *start*."""
        words, starts = self.near(start)
        index = bisect.bisect_left(starts, start)
        return 0 < index < len(words) and words[index - 1].clause == words[index].clause

    def previous_word(self, start: int) -> str:
        """Return the word just before *start* (lower case, ``""`` at the beginning)."""
        if self.words is None:  # the same word, without making Word objects
            # typed: mypyc cannot reverse a list[Any]
            tokens: list[str] = TOKENS.findall(self.text, max(0, start - _NEAR_CHARS), start)
            return next((t.lower() for t in reversed(tokens) if t not in NOT_WORDS), "")
        word = self.word_before(start)
        return word.text.lower() if word is not None else ""

    def next_word(self, end: int) -> str:
        """Return the word just after *end* (lower case, ``""`` at the end)."""
        if self.words is None:
            tokens = TOKENS.findall(self.text, end, end + _NEAR_CHARS)
            return next((t.lower() for t in tokens if t not in NOT_WORDS), "")
        words, starts = self.near(end)
        index = bisect.bisect_left(starts, end)
        return words[index].text.lower() if index < len(words) else ""
