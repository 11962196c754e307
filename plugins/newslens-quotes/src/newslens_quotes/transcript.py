"""Turns of a transcript: paragraphs that open with a speaker's label in capitals.

News articles often print part of an interview or a debate as a transcript, each turn a
paragraph that starts with its speaker's name in capitals and a colon, often inside
quotation marks that the convention for quotes running over paragraphs leaves open::

    "HOST: Will the mayor be there tomorrow?

    "RUIZ: She will. We have asked for a full hearing.

    "And we expect one.

Read by the quotation marks alone, that is one long quotation. :func:`turns` reads it as
turns instead: each is a direct quote of its label's speaker, the colon its cue, running
over the paragraphs after it that carry no label (``"And we expect one.``), up to the next
label, a stage direction in brackets (``(CROSSTALK)``), a paragraph with no letters, or a
closing line (``Follow ... on Twitter``). In a transcript without quotation marks a turn
runs over unlabelled paragraphs only when another turn follows them (the last turn of an
unmarked transcript may be followed by the article's own text).

A document holds a transcript only when at least two different labels open paragraphs
(``HOST``, ``RUIZ``): one ``CORRECTION:`` or ``UPDATE:`` is no dialogue, and such
headings (:data:`NOT_SPEAKERS`) are no speakers, though they end the turn before them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from newslens_quotes.marks import DOUBLE_MARK

_OPENING: Final = re.compile(r"[ \t\u00a0]*(?:\"|“|„|''|«)?[ \t\u00a0]*")
_LABEL: Final = re.compile(
    r"([A-Z][A-Z.'’\-]*(?:[ \u00a0][A-Z][A-Z.'’\-]*){0,2}):[ \t\u00a0]+(?=\S)"
)
_CLOSING_MARKS: Final = ('"', "”", "''", "»")
_FOOTER: Final = re.compile(r"Follow\b.{0,60}\b(?:on|at) (?:Twitter|Facebook|Instagram)", re.I)

NOT_SPEAKERS: Final = frozenset({
    "AUDIO", "BREAKING", "CLARIFICATION", "CORRECTION", "CREDIT", "EDITOR'S NOTE",
    "EDITOR’S NOTE", "EXCLUSIVE", "NOTE", "PHOTO", "PHOTOS", "PREVIOUSLY", "READ MORE",
    "RELATED", "SEE ALSO", "SOURCE", "SOURCES", "UPDATE", "UPDATED", "VIDEO", "WATCH",
})
"""Labels in capitals that head a paragraph without naming a speaker."""

MIN_LETTERS: Final = 3
"""Letters a label holds at least (``Q:`` and ``A:`` name no one)."""


@attrs.frozen
class Turn:
    """One turn of a transcript: the speaker's label, the colon after it, and the
    stretches of text said (one for each paragraph of the turn), all character offsets."""

    label: tuple[int, int]
    colon: int
    parts: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        """Where the turn's words start."""
        return self.parts[0][0]

    @property
    def end(self) -> int:
        """Where the turn's words end."""
        return self.parts[-1][1]


@attrs.frozen
class _Line:
    """A paragraph read for a transcript: where its words start (after an opening mark)
    and end (before white space; a closing mark is taken off where a turn uses the line,
    :func:`_said`), whether a mark opens it, and its label, if any."""

    start: int
    end: int
    marked: bool
    label: tuple[int, int] | None


def _read(text: str, lo: int, hi: int) -> _Line:
    lead = _OPENING.match(text, lo, hi)
    start = lead.end() if lead is not None else lo
    marked = start > lo and any(ch in "\"“„'«" for ch in text[lo:start])
    end = hi
    while end > start and text[end - 1].isspace():
        end -= 1
    label = _LABEL.match(text, start, end)
    if label is not None and marked:  # read again without the closing mark
        label = _LABEL.match(text, start, _said(text, start, end, marked))
    if label is None or sum(ch.isalpha() for ch in label.group(1)) < MIN_LETTERS:
        return _Line(start, end, marked, None)
    return _Line(label.end(), end, marked, (label.start(1), label.end(1)))


def _said(text: str, start: int, end: int, marked: bool) -> int:
    """Where the words of a line that runs from *start* to *end* end: before a closing
    mark when a mark opens the line, unless that mark closes a quotation inside
    (:data:`~newslens_quotes.marks.DOUBLE_MARK`), and before white space."""
    if not marked:
        return end
    for mark in _CLOSING_MARKS:
        if text.endswith(mark, start, end) and len(
            DOUBLE_MARK.findall(text, start, end - len(mark))
        ) % 2 == 0:
            end -= len(mark)
            break
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _stops(text: str, line: _Line) -> bool:
    """Whether *line* ends the turn before it without a label: a stage direction in
    brackets, a paragraph with no letters, a closing line."""
    words = text[line.start : line.end]
    return (
        words[:1] in ("(", "[") or not any(ch.isalpha() for ch in words)
        or _FOOTER.match(words) is not None
    )


def _names(text: str, lines: Sequence[_Line]) -> set[str]:
    """The labels of *lines* that name a speaker (not a heading of :data:`NOT_SPEAKERS`)."""
    return {text[slice(*line.label)] for line in lines if line.label is not None} - NOT_SPEAKERS


def turns(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Turn]:
    """The turns of the transcript in *text*, whose paragraphs are *paragraphs*
    (``(start, end)`` offsets, in order); none when fewer than two different speakers'
    labels open paragraphs.

    Example:
        >>> text = 'HOST: Will you run?\\n\\nRUIZ: I will.'
        >>> found = turns(text, [(0, 19), (21, 34)])
        >>> [(text[slice(*t.label)], text[t.start:t.end]) for t in found]
        [('HOST', 'Will you run?'), ('RUIZ', 'I will.')]
    """
    # a label ends at a colon of its paragraph: the paragraphs with none are read only
    # when the labels of the others name two speakers (most articles: none do)
    if len(_names(text, [
        _read(text, lo, hi) for lo, hi in paragraphs if text.find(":", lo, hi) >= 0
    ])) < 2:
        return []
    lines = [_read(text, lo, hi) for lo, hi in paragraphs]
    found: list[Turn] = []
    for n, line in enumerate(lines):
        if line.label is None or text[slice(*line.label)] in NOT_SPEAKERS:
            continue
        parts = [(line.start, _said(text, line.start, line.end, line.marked))]
        for k in range(n + 1, len(lines)):
            after = lines[k]
            if after.label is not None or _stops(text, after) or after.marked != line.marked:
                break
            if not line.marked and not any(x.label is not None for x in lines[k + 1 :]):
                break  # the article's own text may follow an unmarked transcript
            parts.append((after.start, _said(text, after.start, after.end, after.marked)))
        found.append(Turn(line.label, line.label[1], tuple(p for p in parts if p[1] > p[0])))
    return [t for t in found if t.parts]
