"""Normalisers of days and times: ``today``, ``tonight``, ``this morning``, clock times.

A clock time is on the day mentioned just before it, else on the weekday named just
after it, else on the creation day. Its value is the day with ``THH:MM`` (a part of
the day is ``TMO``, ``TNI``...).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from newslens_dates import lexicon as lx
from newslens_dates.anchoring import day_or_month, month_number, recent_day, weekday_point
from newslens_dates.calendar import Point
from newslens_dates.candidates import Candidate
from newslens_dates.context import Context
from newslens_dates.reading import Reading, Unresolvable, need_dct


def clock_value(g: dict[str, str | None]) -> str:
    """Return ``HH:MM`` (24 hours) of a clock time's groups (``10:35 a.m.``, ``noon``)."""
    if g.get("clock_word"):
        return lx.CLOCK_WORDS[(g["clock_word"] or "").lower()]
    if g.get("hh"):
        return f"{int(g['hh'] or 0):02d}:{g['mm']}"
    hour = int(g.get("hour") or 0)
    minute = g.get("minute") or "00"
    ampm = (g.get("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute}"


def dayword(c: Candidate, ctx: Context) -> Reading:
    """``yesterday``, ``today``, ``tomorrow evening``."""
    g = c.groups
    offset = lx.DAY_WORDS[(g["dayword"] or "").lower()]
    pod = lx.PARTS_OF_DAY[(g["pod"] or "").lower()] if g.get("pod") else None
    reference = need_dct(ctx, "day", "XXXX-XX-XX" + (f"T{pod}" if pod else ""))
    point = Point(reference + relativedelta(days=offset), "day", pod=pod)
    return Reading("TIME" if pod else "DATE", point.value(), c.mod, "dct", point)


def tonight(c: Candidate, ctx: Context) -> Reading:
    """``tonight``, ``overnight``: the creation day's night."""
    reference = need_dct(ctx, "day", "XXXX-XX-XXTNI")
    point = Point(reference, "day", pod="NI")
    return Reading("TIME", point.value(), c.mod, "dct", point)


def this_pod(c: Candidate, ctx: Context) -> Reading:
    """``this morning``, ``last night`` (the night before), ``the evening`` (of the last
    day mentioned, else the creation day)."""
    g = c.groups
    pod = lx.PARTS_OF_DAY[(g["pod"] or "").lower()]
    pdir = (g.get("pdir") or "").lower()
    reference = need_dct(ctx, "day", f"XXXX-XX-XXT{pod}")
    if pdir == "last":
        reference = reference - relativedelta(days=1) if pod != "NI" else reference
        if pod == "NI":
            reference -= relativedelta(days=1)
    elif pdir == "the" and ctx.last_day is not None:
        reference = ctx.last_day.date
    point = Point(reference, "day", pod=pod)
    return Reading("TIME", point.value(), c.mod, "dct", point)


_DAY_AFTER_CLOCK: Final = re.compile(
    r"[^.;!?\n]{0,24}?\b(" + "|".join(n for n in lx.WEEKDAYS if len(n) > 4) + r")\b",
    re.IGNORECASE,
)
"""A full weekday name shortly after a clock time, in the same sentence:
"at about 10:35 a.m. (0735 GMT) Friday" is on that Friday."""


def _day_after(ctx: Context, c: Candidate) -> dt.date | None:
    """Return the weekday named just after the clock time *c*, resolved, if there is one."""
    match = _DAY_AFTER_CLOCK.match(ctx.text, c.end)
    if match is None or ctx.dct is None:
        return None
    return weekday_point(c, ctx, lx.WEEKDAYS[match.group(1).lower()], None).date


def clock(c: Candidate, ctx: Context) -> Reading:
    """``10:35 a.m.``, ``noon``: on the day mentioned just before, else on the weekday
    named just after, else on the creation day."""
    g = c.groups
    reference = (
        recent_day(ctx, c)
        or _day_after(ctx, c)
        or need_dct(ctx, "day", f"XXXX-XX-XXT{clock_value(g)}")
    )
    point = Point(reference, "day", pod=clock_value(g))
    return Reading("TIME", point.value(), c.mod, "dct", point)


def clock_oclock(c: Candidate, ctx: Context) -> Reading:
    """``ten o'clock``: on the day mentioned just before, else the creation day."""
    word = (c.groups.get("hour_word") or "").lower()
    hour = int(word) if word.isdigit() else lx.NUMBERS.get(word, 0)
    if not 0 <= hour <= 24:
        raise Unresolvable
    reference = recent_day(ctx, c) or need_dct(ctx, "day", f"XXXX-XX-XXT{hour:02d}:00")
    point = Point(reference, "day", pod=f"{hour:02d}:00")
    return Reading("TIME", point.value(), c.mod, "dct", point)


def clock_weekday(c: Candidate, ctx: Context) -> Reading:
    """``10 a.m. Friday``: the clock time on that weekday."""
    g = c.groups
    day = weekday_point(c, ctx, lx.WEEKDAYS[(g["weekday"] or "").lower()], None)
    point = attrs.evolve(day, pod=clock_value(g))
    return Reading("TIME", point.value(), c.mod, "dct", point)


def clock_date(c: Candidate, ctx: Context) -> Reading:
    """``10 a.m. on Oct. 23``: the clock time on that day."""
    g = c.groups
    day = day_or_month(c, ctx, month_number(g["month"]), int(g["day"] or 0))
    point = attrs.evolve(day, pod=clock_value(g))
    return Reading("TIME", point.value(), c.mod, None if g.get("year") else "dct", point)
