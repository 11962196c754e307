"""Which way a bare date points: the tense of the clause around it.

"He met them on Friday" means the last Friday; "he will meet them on Friday" the next.
:func:`clause_tense` reads the words of the clause around an expression: part-of-speech
tags and morphology when the annotator gives them (``VBD``, ``Tense=Past``, modal
``will``), else the word lists of :mod:`newslens_dates.lexicon` (``will``, ``said``,
*-ed* forms).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

import attrs

from newslens_dates import lexicon as lx

PAST: Final = -1
FUTURE: Final = 1
UNKNOWN: Final = 0

_WORDS: Final = re.compile(r"\w+(?:[.'’]\w+)*|[^\w\s]|\n")
_SENTENCE_END: Final = frozenset({".", "!", "?", "\n"})
_PASSIVE: Final = frozenset({"be", "been", "being", "to", "will", "would", "'s", "has", "have"})
_LEFT_WINDOW: Final = 12
_RIGHT_WINDOW: Final = 4
_PLAN_VERBS: Final = frozenset({"plan", "plans", "planned", "planning", "intend", "intends",
                                "intended", "hopes", "hoped", "hope", "aims", "aimed"})
"""Verbs of intention: before an infinitive (``planned to leave``) they point forward."""
_NOUN_CUES: Final = frozenset({"tomorrow"})
"""Cue words that keep their meaning when an annotator tags them as nouns."""
_RIGHT_STOPS: Final = frozenset(
    {"that", "and", "but", "because", "when", "while", "after", "before"}
)


@attrs.frozen
class Word:
    """A word with its offsets, tags when known, and the number of its clause."""

    start: int
    end: int
    text: str
    clause: int
    xpos: str | None = None
    feats: str | None = None


def words_from_text(text: str, start: int = 0, end: int | None = None) -> tuple[Word, ...]:
    """Split *text* (or its slice ``[start, end)``) into words and clauses, without an annotator.

    A clause ends at sentence punctuation, a newline, or a mark in
    :data:`newslens_dates.lexicon.CLAUSE_BREAKS`. Offsets are offsets into *text*.
    """
    result: list[Word] = []
    clause = 0
    for match in _WORDS.finditer(text, start, len(text) if end is None else end):
        token = match.group()
        if token == "." and result and result[-1].end == match.start():
            previous = result[-1].text.lower()
            if len(previous) == 1 or previous in lx.ABBREVIATIONS:
                continue  # "U.S.", "Mr.", "Sept.": not the end of a sentence
        if token in _SENTENCE_END or token in lx.CLAUSE_BREAKS:
            clause += 1
            continue
        result.append(Word(match.start(), match.end(), token, clause))
    return tuple(result)


def _cue(
    word: Word, previous: Word | None, strong: bool = False, following: Word | None = None
) -> int:
    lower = word.text.lower()
    if word.xpos is not None and word.xpos.startswith("NN") and lower not in _NOUN_CUES:
        return UNKNOWN  # tagged as a noun: "the plan", "the set", "a hit" say nothing of tense
    before = previous.text.lower() if previous is not None else ""
    if lower == "next" and following is not None and following.text.lower() == "to":
        return UNKNOWN  # "next to the embassy": a place, not the future
    to_follows = following is not None and following.text.lower() == "to"
    if lower in _PLAN_VERBS and to_follows and before not in ("had", "been"):
        return FUTURE  # "planned to leave on Thursday": a plan looks ahead
    if lower in lx.STRONG_FUTURE_CUES and before in ("been", "had"):
        return PAST  # "had been scheduled to expire Friday": a plan in the past
    if lower in lx.FUTURE_CUES and before == "to" and lower not in lx.PAST_CUES:
        return FUTURE  # "set to resume Monday", "plans to meet Monday"
    if strong and lower not in lx.STRONG_FUTURE_CUES and lower in lx.FUTURE_CUES:
        return UNKNOWN
    if word.xpos == "MD" and strong and lower not in lx.STRONG_FUTURE_CUES:
        return UNKNOWN
    if word.xpos == "MD" or lower in lx.FUTURE_CUES:
        if lower in ("could", "might", "may", "should", "must") and word.xpos not in (None, "MD"):
            return UNKNOWN
        return FUTURE
    after_aux = previous is not None and previous.text.lower() in _PASSIVE
    if word.xpos is not None:
        if word.xpos == "VBD" or (word.xpos.startswith("VB") and "Tense=Past" in (word.feats or "")
                                  and "VerbForm=Fin" in (word.feats or "")):
            return PAST
        if word.xpos in ("VBZ", "VBP") and lower not in ("has", "have", "'s"):
            return UNKNOWN
        return PAST if lower in lx.PAST_CUES and word.xpos.startswith("VB") else UNKNOWN
    if lower in lx.PAST_CUES:
        return PAST
    if (
        lower.endswith("ed")
        and len(lower) > 4
        and lower not in lx.NOT_PAST_ED
        and not after_aux
        and word.text[:1].islower()
    ):
        return PAST
    return UNKNOWN


def clause_tense(
    words: Sequence[Word], starts: Sequence[int], start: int, end: int, strong: bool = False
) -> int:
    """Return :data:`PAST`, :data:`FUTURE` or :data:`UNKNOWN` for the span ``[start, end)``.

    Looks left from the expression (nearest word first, within its clause) and then
    right, and returns the first cue found.

    Args:
        words: The document's words in text order.
        starts: ``[w.start for w in words]`` (for bisection).
        start: Start of the expression.
        end: End of the expression.
        strong: Count only strong future cues (``will``, ``scheduled``), for weekdays.
    """
    left = bisect.bisect_left(starts, start)
    right = bisect.bisect_left(starts, end)
    clause = words[left].clause if left < len(words) else None
    if left > 0 and (clause is None or words[left - 1].clause == clause):
        clause = words[left - 1].clause
    for index in range(left - 1, max(-1, left - 1 - _LEFT_WINDOW), -1):
        word = words[index]
        if word.clause != clause:
            break
        cue = _cue(word, words[index - 1] if index > 0 else None, strong, _after(words, index))
        if cue:
            return cue
    for index in range(right, min(len(words), right + _RIGHT_WINDOW)):
        word = words[index]
        if word.clause != clause or word.text.lower() in _RIGHT_STOPS:
            break
        cue = _cue(word, words[index - 1] if index > 0 else None, strong, _after(words, index))
        if cue:
            return cue
    return UNKNOWN


def _after(words: Sequence[Word], index: int) -> Word | None:
    return words[index + 1] if index + 1 < len(words) else None
