"""Paragraphs: the one way every built-in annotator cuts a document into paragraphs.

The lite and the stanza annotators both call :func:`paragraph_regions` (or
:func:`paragraph_spans`), so they agree on every document:

- Each part is split on its own; parts are never mixed. The headline and the
  byline are one paragraph each. Text outside every part (there is none in a
  document made by :meth:`Document.create <newslens.Document.create>`) is split
  like a body; a document without parts is all body. A part that lies inside
  another (the ``dateline`` lies inside the ``body``) adds no paragraph.
- A body with a blank line in it is split into the blocks between blank
  lines; a body without one, at every line break. A line break is ``\\n``,
  ``\\r\\n`` or a lone ``\\r``; a blank line is a line with nothing but spaces
  and tabs (or other white space that is not a line break) on it.
- Paragraphs are trimmed: each runs from its first to its last character
  that is not white space, and white space alone is no paragraph.
- A ``boilerplate`` part (:mod:`newslens.webtext`) is a paragraph of its own:
  the region around it is cut there, so that no paragraph, and so no
  sentence, of the body runs into it. The pieces of a region are split as the
  whole region would be (blocks or lines, by whether the region has a blank line).

Example:
    >>> split_paragraphs("One.\\r\\nTwo.\\r\\n \\r\\nThree.")
    [(0, 10), (15, 21)]
"""

from __future__ import annotations

import re
from typing import Final

from newslens.model import Document, Paragraph
from newslens.webtext import BOILERPLATE

WHOLE_PARTS: Final = frozenset({"headline", "byline"})
"""Parts that are one paragraph each, whatever line breaks they hold."""

CUTTING_PARTS: Final = frozenset({BOILERPLATE})
"""Parts inside another that are paragraphs of their own, cut out of the region around them."""

# A paragraph: a line, or lines with no blank line between them; trimmed either way.
# Without carriage returns, the same is found four times faster with ".", which the
# regex engine runs to the end of a line without testing a character class.
_LINE_RE: Final = re.compile(r"\S(?:[^\r\n]*\S)?")
_BLOCK_RE: Final = re.compile(
    r"\S(?:[^\r\n]*\S)?(?:[^\S\r\n]*+(?:\r\n|\r|\n)[^\S\r\n]*+\S(?:[^\r\n]*\S)?)*+"
)
_LF_LINE_RE: Final = re.compile(r"\S(?:.*\S)?")
_LF_BLOCK_RE: Final = re.compile(r"\S(?:.*\S)?(?:[^\S\n]*+\n[^\S\n]*+\S(?:.*\S)?)*+")
_HAS_BLANK_LINE_RE: Final = re.compile(r"(?>\r\n|\r|\n)[^\S\r\n]*+(?>\r\n|\r|\n)")

Region = tuple[int, int, bool]
"""A stretch of text to split: ``(start, end, whole)``; *whole* means one paragraph."""


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_paragraphs(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    whole: bool = False,
    blocks: bool | None = None,
) -> list[tuple[int, int]]:
    """Return the trimmed paragraph spans of ``text[start:end]``, as offsets into *text*.

    Paragraphs are the blocks between blank lines when the region has a blank
    line, else its lines (see the module's documentation). A regular
    expression finds them directly, already trimmed.

    Args:
        text: The whole text.
        start: Where the region starts.
        end: Where it ends (default: the end of *text*).
        whole: Take the region as one paragraph (a headline, a byline).
        blocks: Split into blocks (``True``) or lines (``False``); by default,
            blocks when the region has a blank line.
    """
    end = len(text) if end is None else end
    if whole:
        span = _trimmed(text, start, end)
        return [span] if span else []
    if blocks is None:
        blocks = _HAS_BLANK_LINE_RE.search(text, start, end) is not None
    if text.find("\r", start, end) < 0:
        pattern = _LF_BLOCK_RE if blocks else _LF_LINE_RE
    else:
        pattern = _BLOCK_RE if blocks else _LINE_RE
    return [match.span() for match in pattern.finditer(text, start, end)]


def part_regions(doc: Document) -> list[Region]:
    """Return the regions of *doc* to split, in text order: its parts and any text outside them.

    A part that lies inside an earlier one (the ``dateline`` in the ``body``)
    adds nothing; parts that overlap are cut where the earlier one ends.
    ``boilerplate`` parts are left out here (see :func:`paragraph_regions`).
    """
    parts = sorted(
        (p for p in doc.parts if p.name not in CUTTING_PARTS), key=lambda p: (p.start, -p.end)
    )
    regions: list[Region] = []
    pos = 0
    for part in parts:
        start, end = max(part.start, pos), min(part.end, len(doc.text))
        if start > pos:
            regions.append((pos, start, False))
        if end > start:
            regions.append((start, end, part.name in WHOLE_PARTS))
        pos = max(pos, end)
    if pos < len(doc.text):
        regions.append((pos, len(doc.text), False))
    return regions


def _cut(start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Return ``[start, end)`` cut at *cuts* (in order): ``(start, end, is_a_cut)`` pieces."""
    pieces: list[tuple[int, int, bool]] = []
    pos = start
    for cut_start, cut_end in cuts:
        if cut_end <= pos or cut_start >= end:
            continue
        cut_start, cut_end = max(cut_start, pos), min(cut_end, end)
        if cut_start > pos:
            pieces.append((pos, cut_start, False))
        pieces.append((cut_start, cut_end, True))
        pos = cut_end
    if pos < end:
        pieces.append((pos, end, False))
    return pieces


def paragraph_regions(doc: Document) -> list[list[tuple[int, int]]]:
    """Return the paragraph spans of *doc*, one list per region to annotate apart.

    The regions are those of :func:`part_regions`, cut at the ``boilerplate``
    parts, each of which is a region (and a paragraph) of its own.
    """
    text = doc.text
    cuts = sorted((p.start, p.end) for p in doc.parts if p.name in CUTTING_PARTS)
    if not cuts:
        return [split_paragraphs(text, s, e, whole=whole) for s, e, whole in part_regions(doc)]
    out: list[list[tuple[int, int]]] = []
    for s, e, whole in part_regions(doc):
        blocks = whole or _HAS_BLANK_LINE_RE.search(text, s, e) is not None
        for start, end, cut in _cut(s, e, cuts):
            out.append(split_paragraphs(text, start, end, whole=whole or cut, blocks=blocks))
    return out


def paragraph_spans(doc: Document) -> tuple[Paragraph, ...]:
    """Return the paragraphs of *doc*, in text order (see the module's documentation)."""
    return tuple(Paragraph(s, e) for spans in paragraph_regions(doc) for s, e in spans)
