"""Speaker and content read from a dependency parse, when the annotator gives one (stanza).

A cue verb's subject (``nsubj``) is its speaker, and its clausal complement
(``ccomp``, or ``parataxis`` in ``"...," she said``) its content; the speaker of
``according to X`` is the noun ``according`` is attached to. Spans are the
contiguous token range of the dependent's subtree. Where the parse has nothing,
the token patterns of :mod:`newslens_quotes.attribution` decide.
"""

from __future__ import annotations

from typing import Final

from newslens_quotes.words import Words

_SUBJECTS: Final = ("nsubj", "nsubj:pass")
_COMPLEMENTS: Final = ("ccomp", "parataxis")


def _children(words: Words, head: int, lo: int, hi: int) -> list[int]:
    heads = words.head
    assert heads is not None
    return [k for k in range(lo, hi) if heads[k] == head]


def _subtree(words: Words, root: int, lo: int, hi: int) -> tuple[int, int]:
    """The token range covered by *root* and everything under it, within ``[lo, hi)``."""
    heads = words.head
    assert heads is not None
    first = last = root
    for k in range(lo, hi):
        j: int | None = k
        steps = 0
        while j is not None and j != root and steps < hi - lo:
            j, steps = heads[j], steps + 1
        if j == root:
            first, last = min(first, k), max(last, k)
    return first, last + 1


def _relation(words: Words, k: int) -> str:
    assert words.deprel is not None
    return (words.deprel[k] or "").lower()


def subject(words: Words, cue: int) -> tuple[int, int] | None:
    """The subtree of the cue's subject, or ``None`` (no parse, or no subject)."""
    if words.head is None or words.deprel is None:
        return None
    lo, hi = words.sentence_bounds(cue)
    for k in _children(words, cue, lo, hi):
        if _relation(words, k) in _SUBJECTS:
            first, end = _subtree(words, k, lo, hi)
            end = end if end <= cue or first > cue else cue
            comma = next((j for j in range(first + 1, end) if words.text[j] == ","), end)
            return (first, comma)  # without an apposition: "Dana Whitfield, the fire chief"
    return None


def complement(words: Words, cue: int) -> tuple[int, int] | None:
    """The subtree of the cue's clausal complement that follows it, or ``None``."""
    if words.head is None or words.deprel is None:
        return None
    lo, hi = words.sentence_bounds(cue)
    for k in _children(words, cue, lo, hi):
        if _relation(words, k) in _COMPLEMENTS and k > cue:
            first, end = _subtree(words, k, lo, hi)
            return (first, end) if end - first >= 2 else None
    return None
