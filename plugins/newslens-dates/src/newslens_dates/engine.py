"""Reading a text: the pipeline that turns it into :class:`~newslens_dates.model.Timex` objects.

:func:`read` runs the steps in order, each in a module of its own:

1. :mod:`newslens_dates.candidates`: where the rules of :mod:`newslens_dates.grammar`
   match (only where :data:`~newslens_dates.grammar.TRIGGER` finds a first word);
2. :mod:`newslens_dates.selection`: the matches that pass their rule's context check
   (:mod:`newslens_dates.checks`), longest first, without overlaps;
3. :mod:`newslens_dates.extents`: modifiers before and shift words after taken in,
   ranges of years split in two;
4. :mod:`newslens_dates.normalisers`: the TIMEX3 value of each, by its rule, with the
   arithmetic of :mod:`newslens_dates.anchoring` (against the creation time, or the
   last date mentioned, which :func:`read` keeps in the
   :class:`~newslens_dates.context.Context` after each expression).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import attrs

from newslens_dates.candidates import Candidate, matches
from newslens_dates.context import Context
from newslens_dates.extents import extend, split_range
from newslens_dates.model import Timex
from newslens_dates.normalisers import normalise
from newslens_dates.quantities import parse_number
from newslens_dates.reading import NeedsDct, Reading, Unresolvable
from newslens_dates.selection import find_candidates
from newslens_dates.tense import Word

__all__ = ["Context", "make_context", "matches", "parse_number", "read"]
# matches and parse_number live in candidates and quantities; kept importable from here.

_AS_DAY: Final = frozenset({"day"})


def make_context(
    text: str,
    dct: dt.date | None,
    words: Sequence[Word] | None = None,
    headline_end: int = 0,
    leave_out: Sequence[tuple[int, int]] = (),
) -> Context:
    """Return a :class:`~newslens_dates.context.Context` for reading *text* against *dct*
    (its headline, if any, ending at *headline_end*; the stretches *leave_out*, in order
    and apart, are not prose and hold no expression)."""
    return Context(text, dct, words, headline_end=headline_end, leave_out=tuple(leave_out))


def read(ctx: Context) -> tuple[tuple[Timex, ...], tuple[str, ...]]:
    """Find and normalise every expression in ``ctx.text``.

    Returns:
        The timexes in text order, and notes about values left underspecified.
    """
    timexes: list[Timex] = []
    underspecified = 0
    for candidate in extend(find_candidates(ctx), ctx):
        for part in split_range(candidate, ctx):
            tid = f"t{len(timexes) + 1}"
            try:
                reading = normalise(part, ctx)
            except (Unresolvable, ValueError, OverflowError):
                continue  # no sensible value (31 February, year 0): not an expression
            except NeedsDct as missing:
                underspecified += 1
                reading = Reading(part.rule.type, missing.value, part.mod, None)
            timexes.append(_timex(part, reading, tid, ctx))
            _remember(ctx, reading, tid, part.end)
    notes: list[str] = []
    if underspecified:
        notes.append(
            f"{underspecified} expression(s) left underspecified: no document creation time "
            "(give a published date, or a date in the byline or dateline)"
        )
    return tuple(timexes), tuple(notes)


def _timex(part: Candidate, reading: Reading, tid: str, ctx: Context) -> Timex:
    mod = reading.mod or ("APPROX" if part.approx else None)
    return Timex(
        start=part.start,
        end=part.end,
        text=ctx.text[part.start : part.end],
        type=reading.type,
        value=reading.value,
        mod=mod,
        anchor=reading.anchor,
        tid=tid,
        freq=reading.freq,
    )


def _remember(ctx: Context, reading: Reading, tid: str, end: int) -> None:
    """Keep a date or time (not a year-ago comparison) as the one later expressions
    count from ("two days later", "that day")."""
    point = reading.point
    if point is None or reading.type not in ("DATE", "TIME") or reading.comparison:
        return
    ctx.last_point = point
    ctx.last_anchor = tid
    ctx.last_end = end
    if point.grain in _AS_DAY:
        ctx.last_day = attrs.evolve(point, pod=None)
        ctx.last_day_end = end
