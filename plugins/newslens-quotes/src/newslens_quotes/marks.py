"""Quotation marks paired into quoted spans, the way news text uses them.

Double marks (straight ``"`` and curly ``“ ”``, also ``„``, ``« »`` and two
apostrophes ``''``, as some newspapers' archives write them) are
paired across the whole body; single marks (``‘ ’`` and straight ``'``) only
inside one paragraph and outside double ones, since the same character is
also an apostrophe. A mark's direction comes from its neighbours (a mark after
a space that touches a word opens) and, for curly marks, from its shape, so
that a straight mark, a curly mark typed the wrong way round and an unbalanced
mark are all read sensibly:

* a closing mark with nothing open is left alone, but a paragraph's first character
  opens whatever its shape (a ``”`` typed for ``“``);
* a mark standing alone between spaces pairs with nothing, unless a quotation is open
  and the text before the space ends a clause (``... 'outreach,' " he said``);
* a paragraph that ends inside a quotation, followed by a paragraph that opens
  with a quotation mark of the same kind (straight after straight, curly after curly),
  continues the same quotation (the news convention for a quote running over several
  paragraphs); a straight mark left open in one paragraph before a paragraph that opens
  with a curly one (or the other way round) is not continued: it is a stray mark (once
  an excerpt has run over paragraphs opened with its own kind of mark, a paragraph
  opened with the other kind goes on in it, as a quotation nested in the excerpt);
* a paragraph that ends inside a quotation otherwise closes it at its end
  (marked ``closed=False``), unless the quotation is one paragraph opened with a straight
  mark in a text that types curly marks: a stray mark, pasted with an excerpt, that
  quotes nothing;
* three apostrophes after a word (``country,''' said``) close a nested single quotation
  and then the double one (the last two are the double mark);
* nested single marks inside a double quotation are part of its content, and so are
  nested double marks, when a mark opens while a quotation is open and the marks after it
  in the paragraph close both (``“If you care, you hold even “your team” to account.”``);
  an opening mark that nothing closes twice drops the earlier one instead (it was never
  closed).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Final

import attrs

DOUBLE_MARK: Final = re.compile("\"|“|”|„|«|»|''")
"""A double quotation mark: straight, curly, low, a guillemet, or two apostrophes (one
literal a branch, so that the search skips to the marks' characters instead of trying
the pattern at every offset)."""
_SINGLE: Final = re.compile("['‘’]")
_OPENERS: Final = "“„«‘"
_CLOSERS: Final = "”»’"
# What may stand right before an opening mark, and right after a closing one.
_BEFORE_OPEN: Final = frozenset("([{—–-/:;,\u2014\u2013")
_AFTER_CLOSE: Final = frozenset(".,;:!?)]}—–-…\u2014\u2013")

OPEN, CLOSE, EITHER, STRAY = 1, 2, 3, 4


@attrs.frozen
class Quoted:
    """A span of text between quotation marks.

    Attributes:
        open: Offset of the opening mark.
        close: Offset of the closing mark, or the end of the paragraph when the
            quotation is never closed.
        closed: Whether a closing mark was found.
        single: Whether the marks are single ones.
        paragraphs: How many paragraphs the quotation runs over.
        width: How many characters the opening mark takes (2 for ``''``).
    """

    open: int
    close: int
    closed: bool = True
    single: bool = False
    paragraphs: int = 1
    width: int = 1

    @property
    def start(self) -> int:
        """Offset of the first character inside the marks."""
        return self.open + self.width

    @property
    def end(self) -> int:
        """Offset after the last character inside the marks."""
        return self.close

    def content(self, text: str) -> tuple[int, int]:
        """``(start, end)`` of what is inside the marks, without white space at either end."""
        start, end = self.start, self.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end


def _invisible(char: str) -> bool:
    """Whether *char* is a format character that shows nothing (a left-to-right mark, a
    zero-width space, a soft hyphen), read as white space next to a quotation mark."""
    return not char.isascii() and unicodedata.category(char) == "Cf"  # none is ASCII


def _blank(char: str) -> bool:
    """Whether *char* shows nothing: white space or an invisible character."""
    return char.isspace() or _invisible(char)


def _seen(text: str, k: int, lo: int, hi: int) -> str:
    """The character at *k* as a mark's neighbour: a space outside the paragraph
    ``text[lo:hi]`` or for an invisible one."""
    return text[k] if lo <= k < hi and not _invisible(text[k]) else " "


def _role(text: str, i: int, lo: int, hi: int, width: int = 1) -> int:
    """Whether the mark at *i* (in the paragraph ``text[lo:hi]``) opens, closes, or either."""
    before = _seen(text, i - 1, lo, hi)
    after = _seen(text, i + width, lo, hi)
    opening = (before.isspace() or before in _BEFORE_OPEN or before in "\"“”") and not (
        after.isspace()
    )
    closing = not before.isspace() and (
        after.isspace() or after in _AFTER_CLOSE or after in "\"“”'’"
    )
    char = text[i]
    if i == lo or (_blank(text[lo]) and all(_blank(ch) for ch in text[lo:i])):
        return OPEN  # a paragraph's first character opens, whatever its shape ("” ... he said,”")
    if char in _OPENERS:
        return CLOSE if closing and not opening else OPEN
    if char in _CLOSERS:
        return OPEN if opening and not closing else CLOSE
    if opening and not closing:
        return OPEN
    if closing and not opening:
        return CLOSE
    if before.isspace() and after.isspace():
        return STRAY  # a mark standing alone between spaces pairs with nothing
    return EITHER


def _closes_after_space(text: str, i: int, lo: int) -> bool:
    """Whether a mark standing alone at *i* closes an open quotation: the text before the
    space ends it (``... 'outreach,' " he said``, ``... to go. " She``)."""
    k = i - 1
    while k > lo and text[k] == " ":
        k -= 1
    return k >= lo and text[k] in ".,?!…'’"


def _continues(text: str, lo: int, hi: int) -> int | None:
    """The offset of the opening mark a paragraph starts with, if it starts with one."""
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    match = DOUBLE_MARK.match(text, i) if i < hi else None
    if match is not None and _role(text, i, lo, hi, match.end() - i) in (OPEN, EITHER):
        return i
    return None


def _kind(char: str) -> int:
    """A double mark's kind: straight, two apostrophes, or typographic (curly, low,
    guillemets): a writer continues a quotation over paragraphs with the same kind."""
    return '"\''.find(char)


def _goes_on(text: str, opened: int, following: int, crossed: int) -> bool:
    """Whether the quotation open at *opened* goes on into the paragraph that opens with the
    mark at *following*: a mark of the same kind, or any once it has run over paragraphs."""
    return crossed > 1 or _kind(text[following]) == _kind(text[opened])


def _stray(text: str, opened: int, crossed: int, curly: bool) -> bool:
    """Whether a quotation left open at the end of its paragraph is a stray mark: one
    paragraph, opened with a straight mark in a text that types curly ones."""
    return curly and crossed == 1 and text[opened] == '"'


def _paragraph_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _inside(spans: Sequence[tuple[int, int]], i: int) -> bool:
    """Whether offset *i* is in one of *spans* (in order, apart)."""
    k = bisect.bisect_right(spans, (i, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def _nested_close(
    text: str, at: int, lo: int, hi: int, skip: Sequence[tuple[int, int]]
) -> int | None:
    """The offset of the mark that closes an open quotation holding another one that has
    just opened (the marks from *at* on, in the paragraph ``text[lo:hi]``, close the inner
    quotation and then the outer one), else ``None``: a mark that opens again before both
    are closed, or the end of the paragraph, means the outer mark was never closed."""
    depth = 2
    for match in DOUBLE_MARK.finditer(text, at, hi):
        i = match.start()
        if skip and _inside(skip, i):
            continue
        role = _role(text, i, lo, hi, match.end() - i)
        if role == OPEN:
            return None
        if role == STRAY and not _closes_after_space(text, i, lo):
            continue
        depth -= 1
        if depth == 0:
            return i
    return None


def _mark(text: str, start: int, end: int, lo: int) -> tuple[int, int]:
    """``(start, end)`` of the double mark matched at ``text[start:end]``: of three
    apostrophes after a word (``country,''' said``: a nested single mark closing, then
    the double one), the last two."""
    if end - start == 2 and text.startswith("'''", start) and start > lo and not (
        text[start - 1].isspace()
    ):
        return start + 1, end + 1
    return start, end


def pair_double(
    text: str, paragraphs: Sequence[tuple[int, int]], skip: Sequence[tuple[int, int]] = ()
) -> list[Quoted]:
    """Pair the double quotation marks of *text*, paragraph after paragraph (leaving out
    the marks inside the *skip* spans)."""
    found: list[Quoted] = []
    opened: int | None = None  # offset of the pending opening mark
    crossed, width = 1, 1
    continuation = -1  # a continuation mark, already accounted for
    resume = -1  # the marks before it are nested in a quotation already found
    curly = "“" in text or "”" in text  # then a straight mark left open is a stray one
    for n, (lo, hi) in enumerate(paragraphs):
        for match in DOUBLE_MARK.finditer(text, lo, hi):
            i, mark_end = _mark(text, match.start(), match.end(), lo)
            if i == continuation or i < resume or (skip and _inside(skip, i)):
                continue
            role = _role(text, i, lo, hi, mark_end - i)
            if role == STRAY:
                if opened is None or not _closes_after_space(text, i, lo):
                    continue
                role = CLOSE
            if opened is None:
                if role != CLOSE:
                    opened, crossed, width = i, 1, mark_end - i
            elif role == OPEN and i > opened + width:
                outer = _nested_close(text, mark_end, lo, hi, skip)
                if outer is not None:  # a quotation nested in the open one: both close
                    found.append(Quoted(opened, outer, paragraphs=crossed, width=width))
                    opened, resume = None, outer + 1
                    continue
                # the earlier mark was never closed: drop it
                opened, crossed, width = i, 1, mark_end - i
            elif role != OPEN:
                found.append(Quoted(opened, i, paragraphs=crossed, width=width))
                opened = None
        if opened is None:
            continue
        following = _continues(text, *paragraphs[n + 1]) if n + 1 < len(paragraphs) else None
        if following is not None and _goes_on(text, opened, following, crossed):
            continuation, crossed = following, crossed + 1
            continue
        end = _paragraph_end(text, lo, hi)
        if end > opened + width and not _stray(text, opened, crossed, curly):
            found.append(Quoted(opened, end, closed=False, paragraphs=crossed, width=width))
        opened = None
    return found


def _within(spans: Sequence[Quoted]) -> Callable[[int], bool]:
    """A test of whether an offset is in one of *spans* (from its opening mark to just
    after its closing one): a binary search when they are in order and apart, as
    :func:`pair_double` gives them, else a look at each."""
    opens = [q.open for q in spans]
    if all(q.open <= q.close for q in spans) and all(
        a.close < b.open for a, b in itertools.pairwise(spans)
    ):
        def search(i: int) -> bool:
            k = bisect.bisect_right(opens, i) - 1
            return k >= 0 and i <= spans[k].close + 1

        return search
    return lambda i: any(q.open <= i <= q.close + 1 for q in spans)


def pair_single(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    inside: Sequence[Quoted],
    skip: Sequence[tuple[int, int]] = (),
) -> list[Quoted]:
    """Pair single quotation marks within each paragraph, outside the *inside* spans (and
    leaving out the marks inside the *skip* spans)."""
    found: list[Quoted] = []
    within = _within(inside)
    for lo, hi in paragraphs:
        opened: int | None = None
        for match in _SINGLE.finditer(text, lo, hi):
            i = match.start()
            before = text[i - 1] if i > lo else " "
            after = text[i + 1] if i + 1 < hi else " "
            if before == "'" or after == "'":
                continue  # half of a double mark written as two apostrophes
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe inside a word (don't, O'Brien)
            if within(i) or (skip and _inside(skip, i)):
                continue
            if opened is None:
                if text[i] != "’" and not before.isalnum() and after.isalnum():
                    opened = i
            elif text[i] != "‘" and before not in " \t" and not after.isalnum():
                found.append(Quoted(opened, i, single=True))
                opened = None
    return found


def _without(
    paragraphs: Sequence[tuple[int, int]], leave_out: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The stretches of *paragraphs* outside *leave_out* (both in order, apart): each
    paragraph cut where a left-out stretch lies in it."""
    out: list[tuple[int, int]] = []
    k = 0
    for lo, hi in paragraphs:
        while k < len(leave_out) and leave_out[k][1] <= lo:
            k += 1
        j, at = k, lo
        while j < len(leave_out) and leave_out[j][0] < hi:
            if leave_out[j][0] > at:
                out.append((at, leave_out[j][0]))
            at = max(at, leave_out[j][1])
            j += 1
        if at < hi:
            out.append((at, hi))
    return out


def _cuts(text: str, start: int, end: int) -> bool:
    """Whether the left-out stretch ``[start, end)`` cuts its paragraph: markup and
    stretches with white space do; a handle, a hashtag or a URL inside a sentence (one word
    of web text, as a quoted tweet has them) does not."""
    piece = text[start:end]
    return piece.startswith("<") or any(ch.isspace() for ch in piece)


def find_quoted(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    leave_out: Sequence[tuple[int, int]] = (),
) -> list[Quoted]:
    """Return every quoted span of *text*, in text order.

    Args:
        text: The document's text.
        paragraphs: ``(start, end)`` of each paragraph, in order (the headline
            is a paragraph of its own).
        leave_out: ``(start, end)`` of the stretches that are not prose (tokens
            with a kind: markup, URLs, handles, IDs; in order, apart): their
            quotation marks are never paired, and a quotation does not run
            over markup or a stretch with white space in it (each cuts its
            paragraph in two), while it does run over a handle, a hashtag or a
            URL (``"Proud of my friend @ana_ruiz," she wrote``).

    Example:
        >>> text = '"We will rebuild," she said of the \\'old\\' bridge.'
        >>> [text[q.start:q.end] for q in find_quoted(text, [(0, len(text))])]
        ['We will rebuild,', 'old']
    """
    cuts: list[tuple[int, int]] = []
    words: list[tuple[int, int]] = []
    for a, b in leave_out:
        (cuts if _cuts(text, a, b) else words).append((a, b))
    if cuts:
        paragraphs = _without(paragraphs, cuts)
    double = pair_double(text, paragraphs, words)
    single = pair_single(text, paragraphs, double, words)
    return sorted(double + single, key=lambda q: q.open)


def trimmed(
    text: str, start: int, end: int, leave_out: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """``[start, end)`` without the stretches of *leave_out* (in order, apart) and the white
    space at either end: a quote or speaker span neither starts nor ends in web text."""
    if not leave_out:
        return start, end
    moved = True
    while moved and start < end:
        moved = False
        k = bisect.bisect_right(leave_out, (start, float("inf"))) - 1
        if k >= 0 and leave_out[k][0] <= start < leave_out[k][1]:
            start, moved = min(leave_out[k][1], end), True
        k = bisect.bisect_left(leave_out, (end,)) - 1
        if k >= 0 and leave_out[k][1] >= end > leave_out[k][0] and end > start:
            end, moved = max(leave_out[k][0], start), True
        while start < end and text[start].isspace():
            start, moved = start + 1, True
        while end > start and text[end - 1].isspace():
            end, moved = end - 1, True
    return start, end
