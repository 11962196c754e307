"""Where a text is not prose: the stretches the dates plugin leaves out.

Web text carries dates that are not the story's: a markup attribute
(``<tweet datetime="2016-06-29">``), a URL (``/2024/03/05/``), an ID, and the
sign-off of an embedded post (``— Ana Ruiz (@ana) May 2, 2024``). An expression
that overlaps a token with a :attr:`~newslens.Token.kind` or lies in a
``boilerplate`` part (see :mod:`newslens.webtext`) is not read, and never
becomes the date later expressions count from.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from newslens import webtext

Spans = tuple[tuple[int, int], ...]
"""``(start, end)`` stretches of a text, in order, apart."""


def text_spans(text: str) -> Spans:
    """The stretches of a plain *text* that are not prose, found as the annotators find
    them: URLs, addresses, handles, hashtags, markup, IDs and boilerplate."""
    found: list[tuple[int, int]] = [(s, e) for s, e in webtext.id_candidates(text)]
    if webtext.may_hold_noise(text):
        found.extend((s, e) for s, e, _ in webtext.find_noise(text))
    found.extend((s, e) for s, e, _ in webtext.find_boilerplate(text))
    return webtext.joined_spans(found)


def overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of *spans* (in order, apart)."""
    i = bisect.bisect_left(spans, (end,)) - 1  # the last span starting before end
    return i >= 0 and spans[i][1] > start
