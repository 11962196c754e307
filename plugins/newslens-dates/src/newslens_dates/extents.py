"""Step 3 of reading a text: the final extent of each candidate.

A modifier before it is taken in (``more than |seven years``, ``early |next year``),
and so is a shift word after a duration (``three years| ago``) and ``or so``; an
article before a duration used as an adjective is left out (``the |four-hour
session``). A range of years (``2009-2010``) becomes two years, as TimeML asks.
Extending never crosses into the expression before or after.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import attrs

from newslens_dates import grammar
from newslens_dates import lexicon as lx
from newslens_dates.candidates import Candidate
from newslens_dates.context import Context

_BEFORE_CHARS: Final = 30  # how far back a modifier may start
_SHIFT_CHARS: Final = 20  # how far after a duration its shift word may end
_OR_SO_CHARS: Final = 12
_ARTICLE: Final = re.compile(r"the\s+", re.I)
_END_OF_PHRASE: Final = re.compile(r"\s*(?:[,.;)]|$)")

_NO_POINT_MOD: Final = frozenset({"decade", "century", "reference"})
"""DATE rules that take no point modifier before them (their own rule reads ``early``)."""


def extend(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Take in modifiers before and shift words after each candidate (``more than``, ``ago``)."""
    result: list[Candidate] = []
    for index, c in enumerate(candidates):
        floor = result[-1].end if result else 0
        noise = bisect.bisect_left(ctx.leave_out, (c.start,)) - 1  # none taken in from noise
        if noise >= 0:
            floor = max(floor, min(ctx.leave_out[noise][1], c.start))
        ceiling = candidates[index + 1].start if index + 1 < len(candidates) else len(ctx.text)
        result.append(_extended(c, ctx, floor, ceiling))
    return result


def _extended(c: Candidate, ctx: Context, floor: int, ceiling: int) -> Candidate:
    """Return *c* extended between *floor* (the end of the expression before) and
    *ceiling* (the start of the next one)."""
    before = ctx.text[max(floor, c.start - _BEFORE_CHARS) : c.start]  # before the match
    bare = _without_article(c, ctx)
    # "more than the four-hour session": the mod is the session's, and is not taken in
    c = _with_duration_mod(c, before) if bare is c else bare
    c = _with_shift(c, ctx, ceiling)
    c = _with_point_mod(c, ctx, floor)
    return _with_or_so(c, ctx, ceiling)


def _without_article(c: Candidate, ctx: Context) -> Candidate:
    """"the four-hour session": the article belongs to the noun, not to the duration."""
    if c.rule.name != "duration" or c.groups.get("ddir") or not c.groups.get("unit"):
        return c
    lead = _ARTICLE.match(ctx.text[c.start : c.end])
    return attrs.evolve(c, start=c.start + lead.end()) if lead else c


def _with_duration_mod(c: Candidate, before: str) -> Candidate:
    """``more than``, ``about``, ``at least`` before a duration, a time or a recurrence
    (``about`` is not taken before a time: "at about 10 a.m.", nor ``over`` before
    "the past two years", where it means *during*).

    *before* is the text just before the match. Not called for a duration used as an
    adjective after an article ("more than the four-hour session"): a modifier before
    the article belongs to the noun phrase, and the duration keeps its own extent.
    """
    kind = c.rule.type
    if kind not in ("DURATION", "TIME") and c.rule.name != "set_every":
        return c
    match = grammar.DURATION_MOD_BEFORE.search(before)
    if not match or (kind == "TIME" and match.group("mod").lower() == "about"):
        return c
    word = " ".join(match.group("mod").lower().split())
    if word == "over" and c.groups.get("ddir"):  # "over the past two years": during them
        return c
    mod = lx.DURATION_MODS[word]
    return attrs.evolve(c, start=c.start - len(before) + match.start("mod"), mod=mod)


def _with_shift(c: Candidate, ctx: Context, ceiling: int) -> Candidate:
    """A shift word after a duration (``ago``, ``later``, ``earlier``); ``before`` and
    ``after`` only at the end of a phrase ("two days before," not "two days before the
    vote")."""
    if c.rule.type != "DURATION":
        return c
    shift = grammar.SHIFT_AFTER.match(ctx.text[c.end : min(ceiling, c.end + _SHIFT_CHARS)])
    if not shift:
        return c
    word = " ".join(shift.group("shift").lower().split())
    rest = ctx.text[c.end + shift.end() : c.end + shift.end() + 3]
    if word in ("before", "after") and not _END_OF_PHRASE.match(rest):
        return c
    return attrs.evolve(c, end=c.end + shift.end(), shift=word)


def _with_point_mod(c: Candidate, ctx: Context, floor: int) -> Candidate:
    """``early``, ``late``, ``mid``, ``the end of`` before a date."""
    if c.rule.type != "DATE" or c.rule.name in _NO_POINT_MOD:
        return c
    before = ctx.text[max(floor, c.start - _BEFORE_CHARS) : c.start]
    match = grammar.POINT_MOD_BEFORE.search(before)
    if not match:
        return c
    word = " ".join(match.group("mod").lower().split())
    if word not in lx.EXTENT_POINT_MODS:
        return c
    start = c.start - len(before) + match.start("mod")
    return attrs.evolve(c, start=start, mod=lx.POINT_MODS[word])


def _with_or_so(c: Candidate, ctx: Context, ceiling: int) -> Candidate:
    """``or so`` after an expression: approximate."""
    or_so = grammar.OR_SO_AFTER.match(ctx.text[c.end : min(ceiling, c.end + _OR_SO_CHARS)])
    return attrs.evolve(c, end=c.end + or_so.end(), approx=True) if or_so else c


def split_range(c: Candidate, ctx: Context) -> list[Candidate]:
    """Return a range of years (``2009-2010``, ``1998-99``) as two ``year`` candidates,
    none when it is no range (the second year not after the first, or a century on);
    any other candidate alone."""
    if c.rule.name != "year_range":
        return [c]
    first_year = c.groups["year"] or ""
    end_text = c.groups["year_end"] or ""
    first_end = c.start + ctx.text[c.start : c.end].index(first_year) + len(first_year)
    second_start = c.end - len(end_text)
    year_rule = next(r.rule for r in grammar.COMPILED if r.rule.name == "year")
    second = int(end_text) if len(end_text) == 4 else int(first_year[:2] + end_text)
    if second <= int(first_year) or second - int(first_year) > 100:
        return []
    return [
        Candidate(c.start, first_end, year_rule, {"year": first_year}),
        Candidate(second_start, c.end, year_rule, {"year": f"{second:04d}"}),
    ]
