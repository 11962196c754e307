"""Normalisers of relative dates: ``last week``, ``next Monday``, ``the next day``,
``a year ago``, ``the quarter``, ``the third quarter``, and vague references (``now``).

``last``/``next``/``this`` count from the creation time (anchor ``"dct"``); ``the
next day``, ``the following week`` and ``that day`` from the last date mentioned
(anchor: its ``tid``); ``the quarter`` and ``a year ago`` mean the quarter under
discussion when there is one.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from newslens_dates import lexicon as lx
from newslens_dates.anchoring import (
    WEEKDAY_FUNCS,
    direction,
    month_number,
    period_in_focus,
    quarter_in_focus,
    reference_date,
    relative_unit,
    year_of,
)
from newslens_dates.calendar import Point, season_of, season_point
from newslens_dates.candidates import Candidate
from newslens_dates.context import Context
from newslens_dates.quantities import duration_value
from newslens_dates.reading import Reading, Unresolvable, need_dct
from newslens_dates.tense import PAST


def reference(c: Candidate, ctx: Context) -> Reading:
    """``now`` -> ``PRESENT_REF``, ``recently`` -> ``PAST_REF``, ``the future``..."""
    lower = ctx.text[c.start : c.end].lower()
    return Reading(c.rule.type, lx.REFERENCES[" ".join(lower.split())], c.mod, None)


# -- last/next/this + weekday, month, season or unit ------------------------------------


def relative(c: Candidate, ctx: Context) -> Reading:
    """``last Monday``, ``next March``, ``this summer``, ``last week``, ``the past year``."""
    g = c.groups
    words = " ".join((g["direction"] or "").lower().split())
    offset = lx.RELATIVE_DIRECTIONS[words]
    if g.get("weekday"):
        return _relative_weekday(c, ctx, offset)
    if g.get("month"):
        return _relative_month(c, ctx, offset)
    if g.get("season"):
        return _relative_season(c, ctx, offset)
    return _relative_period(c, ctx, words, offset)


def _relative_weekday(c: Candidate, ctx: Context, offset: int) -> Reading:
    """``last Monday`` (before the creation day), ``next Monday`` (after it), ``this
    Monday`` (in its week; the week before when the clause is past and it is ahead)."""
    iso = lx.WEEKDAYS[(c.groups["weekday"] or "").lower()] + 1
    reference = need_dct(ctx, "day", f"XXXX-WXX-{iso}")
    weekday = WEEKDAY_FUNCS[iso - 1]
    if offset < 0:
        day = reference + relativedelta(days=-1, weekday=weekday(-1))
    elif offset > 0:
        day = reference + relativedelta(days=+1, weekday=weekday(+1))
    else:
        day = reference + relativedelta(weekday=weekday(0)) - relativedelta(
            days=7 if direction(c, ctx, PAST) == PAST and reference.weekday() < iso - 1
            else 0
        )
    return Reading("DATE", day.isoformat(), c.mod, "dct", Point(day))


def _relative_month(c: Candidate, ctx: Context, offset: int) -> Reading:
    """``last March`` (the latest March before this month), ``next March`` (after it)."""
    month = month_number(c.groups["month"])
    reference = need_dct(ctx, "month", f"XXXX-{month:02d}")
    year = reference.year
    if offset < 0:
        year -= 1 if month >= reference.month else 0
    elif offset > 0:
        year += 1 if month <= reference.month else 0
    point = Point(dt.date(year, month, 1), "month")
    return Reading("DATE", point.value(), c.mod, "dct", point)


def _relative_season(c: Candidate, ctx: Context, offset: int) -> Reading:
    """``last summer`` (the one before this season), ``next summer`` (after it)."""
    code = lx.SEASONS[(c.groups["season"] or "").lower()]
    reference = need_dct(ctx, "season", f"XXXX-{code}")
    current = season_of(reference)
    point = season_point(reference.year, code)
    if offset < 0 and (point.date > reference or code == current):
        point = season_point(reference.year - 1, code)
    elif offset > 0 and (point.date <= reference or code == current):
        point = season_point(reference.year + 1, code)
    return Reading("DATE", point.value(), c.mod, "dct", point)


def _relative_period(c: Candidate, ctx: Context, words: str, offset: int) -> Reading:
    """``last week``, ``next month``: a point; ``the past week``, ``the next month`` and
    any hour or minute: a span. "the past year" is mostly the year before, a point,
    but "for the past year" is a span."""
    g = c.groups
    unit = "weekend" if g.get("weekend") else (g.get("unit") or "").lower()
    spans = words in ("past", "the past", "the last") and (
        unit != "year" or ctx.previous_word(c.start) == "for"
    )
    if words in ("the next", "the coming") or spans:
        # "the past week" is the span up to now, "the past year" mostly the year before,
        # but "for the past year" the span
        return Reading("DURATION", duration_value(Fraction(1), unit), c.mod)
    if unit in ("hour", "minute", "second"):
        return Reading("DURATION", duration_value(Fraction(1), unit), c.mod)
    anchored = words in lx.ANCHORED_DIRECTIONS
    point, anchor = relative_unit(ctx, c, offset, unit, anchored=anchored)
    return Reading("DATE", point.value(), c.mod, anchor, point)


# -- counted from the last date mentioned --------------------------------------------------


def same(c: Candidate, ctx: Context) -> Reading:
    """``that day``, ``the same week``, ``that night``: the last date mentioned."""
    unit = (c.groups["same_unit"] or "").lower()
    if unit in lx.PARTS_OF_DAY:
        if ctx.last_day is None:
            raise Unresolvable
        point = attrs.evolve(ctx.last_day, pod=lx.PARTS_OF_DAY[unit])
        return Reading("TIME", point.value(), c.mod, ctx.last_anchor, point)
    point, anchor = relative_unit(ctx, c, 0, unit, anchored=True)
    return Reading(c.rule.type, point.value(), c.mod, anchor, point)


def anchored(c: Candidate, ctx: Context) -> Reading:
    """``the next day``, ``the week before``, ``the following morning``: one unit after
    (or before) the last date mentioned."""
    g = c.groups
    unit = (g["aunit"] or "").lower()
    adir = (g["adir"] or "").lower()
    offset = 1 if adir in ("next", "following", "after") else -1
    if unit in lx.PARTS_OF_DAY:
        base, anchor = reference_date(ctx, "day", anchored=True)
        days = offset if unit == "morning" else 0 if offset > 0 else -1
        point = Point(base + relativedelta(days=days), "day", pod=lx.PARTS_OF_DAY[unit])
        return Reading("TIME", point.value(), c.mod, anchor, point)
    from_last = adir != "next" or ctx.last_day is not None
    point, anchor = relative_unit(ctx, c, offset, unit, anchored=from_last)
    return Reading(c.rule.type, point.value(), c.mod, anchor, point)


# -- quarters, halves and the period under discussion ------------------------------------


def _last_quarter(reference: dt.date) -> Point:
    """The quarter that news of *reference* reports on: the one 45 days before it."""
    return Point(reference - relativedelta(days=45), "quarter")


def year_ago(c: Candidate, ctx: Context) -> Reading:
    """``the year-ago quarter``, ``year-earlier``: the period under discussion (or the
    last quarter, month or year) a year before; a comparison, not an anchor."""
    unit = (c.groups.get("ago_unit") or "").lower()
    reference = need_dct(ctx, "year")
    period = period_in_focus(ctx, c)
    if unit in ("quarter", "period") or (not unit and period is not None):
        base = period or _last_quarter(reference)
    elif unit == "month":
        base = Point(reference, "month")
    else:
        base = Point(reference, "year")
    point = base.shift(-1, "year")
    return Reading(c.rule.type, point.value(), c.mod, "dct", point, comparison=True)


def the_period(c: Candidate, ctx: Context) -> Reading:
    """``the latest quarter``, ``the current fiscal year`` (this year), ``the fiscal
    year`` (a span of a year)."""
    g = c.groups
    period = (g.get("period") or "").lower()
    now = need_dct(ctx, "quarter" if period != "year" else "year")
    if period == "year" and (g.get("qadj") or "").lower() == "fiscal":
        return Reading("DURATION", "P1Y", c.mod)  # as "the fiscal year" in the_year
    if period == "year":
        point = Point(now, "year")
    else:
        focus = quarter_in_focus(ctx, c)
        if focus is not None and (g.get("qadj") or "").lower() not in ("current",):
            return Reading(c.rule.type, focus.value(), c.mod, ctx.last_anchor, focus)
        point = _last_quarter(now)
    return Reading(c.rule.type, point.value(), c.mod, "dct", point)


def the_quarter(c: Candidate, ctx: Context) -> Reading:
    """``the quarter`` (under discussion, else the last one), ``the week``, ``the
    month``, ``the weekend`` (of the last day mentioned, else this one)."""
    grain = (c.groups.get("period") or "").lower()  # the rule allows only these four
    now = need_dct(ctx, grain)
    if grain == "quarter":
        focus = quarter_in_focus(ctx, c)
        if focus is not None:
            return Reading(c.rule.type, focus.value(), c.mod, ctx.last_anchor, focus)
        point = _last_quarter(now)
    elif grain == "weekend" and ctx.last_day is not None:
        point = Point(ctx.last_day.date, "weekend")
    else:
        point = Point(now, grain)
    return Reading(c.rule.type, point.value(), c.mod, "dct", point)


def the_year(c: Candidate, ctx: Context) -> Reading:
    """``the year`` (this one); ``the fiscal year`` and ``the year ended`` are spans."""
    g = c.groups
    if g.get("year_ended") or (g.get("yadj") or "").lower() == "fiscal":
        return Reading("DURATION", "P1Y", c.mod)
    point = Point(need_dct(ctx, "year"), "year")
    return Reading(c.rule.type, point.value(), c.mod, "dct", point)


_PARTS: Final[dict[str, tuple[int, str]]] = {
    "quarter": (4, "Q"), "half": (2, "H"), "trimester": (3, "T"),
}  # fmt: skip
"""How many of each part make a year, and its TIMEX3 letter."""


def quarter(c: Candidate, ctx: Context) -> Reading:
    """``the third quarter``, ``the first half of 1998``, ``last year's fourth quarter``.

    Without a year, it is the creation time's year (last or next year's, when said);
    a quarter still ahead in a clause of past or unknown tense is last year's.
    """
    g = c.groups
    ordinal = lx.ORDINALS[(g.get("ordinal") or "").lower()]
    count, code = _PARTS[(g.get("part") or "quarter").lower()]
    if ordinal == -1:
        ordinal = count
    if not 1 <= ordinal <= count:
        raise Unresolvable
    written = g.get("year") or (g.get("qyear") or "")[:1].isdigit()
    number: int | None = year_of(g.get("year") or g.get("qyear"), ctx) if written else None
    anchor = None
    if number is None:
        number = _year_of_quarter(c, ctx, ordinal, count, f"XXXX-{code}{ordinal}")
        anchor = "dct"
    return Reading("DATE", f"{number:04d}-{code}{ordinal}", c.mod, anchor,
                   Point(dt.date(number, (ordinal - 1) * (12 // count) + 1, 1), "quarter"))


def _year_of_quarter(c: Candidate, ctx: Context, ordinal: int, count: int, value: str) -> int:
    """The year of a quarter (or half) written without one; see :func:`quarter`."""
    relative = (c.groups.get("qrel") or c.groups.get("qyear") or "").lower()
    shift = -1 if relative.startswith("last") else 1 if relative.startswith("next") else 0
    reference = need_dct(ctx, "quarter", value)
    number = reference.year + shift
    if not relative:
        current = (reference.month - 1) // (12 // count) + 1
        if ordinal > current and direction(c, ctx, PAST) == PAST:
            number -= 1
    return number
