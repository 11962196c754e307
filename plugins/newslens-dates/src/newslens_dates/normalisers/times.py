"""Normalisers of days and times: ``today``, ``tonight``, ``this morning``, clock times.

A clock time is on the weekday named right after it, else on the day mentioned earlier
in its sentence, else on the creation day. Its value is the day with ``THH:MM`` (a part of
the day is ``TMO``, ``TNI``...), and the time zone the text gives, as ISO 8601 writes
it: ``12:00 UTC`` -> ``...T12:00Z``, ``6:40 p.m. (GMT +8)`` -> ``...T18:40+08``,
``5 p.m. EST`` -> ``...T17:00-05`` (:func:`zone_suffix`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from newslens_dates import lexicon as lx
from newslens_dates.anchoring import (
    day_in_sentence,
    day_or_month,
    month_number,
    recent_day,
    weekday_point,
)
from newslens_dates.calendar import Point
from newslens_dates.candidates import Candidate
from newslens_dates.context import Context
from newslens_dates.grammar import COMPILED
from newslens_dates.reading import Reading, Unresolvable, need_dct


def clock_value(g: dict[str, str | None]) -> str:
    """Return ``HH:MM`` (24 hours) of a clock time's groups (``10:35 a.m.``, ``noon``)."""
    if g.get("clock_word"):
        return lx.CLOCK_WORDS[(g["clock_word"] or "").lower()]
    if g.get("hh"):
        return f"{int(g['hh'] or 0):02d}:{g['mm']}"
    if g.get("mh"):  # "2200 GMT"
        return f"{g['mh']}:{g['mmin']}"
    hour = int(g.get("hour") or 0)
    minute = g.get("minute") or "00"
    ampm = (g.get("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute}"


def _offset(minutes: int) -> str:
    """``+08``, ``-05``, ``+05:30``; ``Z`` for UTC itself."""
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}" + (f":{rest:02d}" if rest else "")


def _zone_key(word: str) -> str:
    lower = " ".join(word.lower().split())
    return lower if lower in lx.TIMEZONES else word.upper()


def zone_suffix(g: dict[str, str | None], day: dt.date, clock: str) -> str:
    """Return the time zone a clock time's groups give, as its value ends with it.

    A zone word gives its offset (:data:`newslens_dates.lexicon.TIMEZONES`); ``GMT +8``
    and ``UTC-05:30`` the offset written; a zone that changes with the season (``ET``)
    its offset on *day* at *clock*, from the time zone database that ``dateutil``
    ships; ``local time``, or no zone, nothing.
    """
    word = g.get("tz")
    if not word:
        return ""
    zone = lx.TIMEZONES.get(_zone_key(word))
    if zone is None:
        return ""
    if zone == "Z" and g.get("tzh"):
        minutes = int(g["tzh"] or 0) * 60 + int(g.get("tzm") or 0)
        return _offset(-minutes if g.get("tzsign") in ("-", "−") else minutes)
    if "/" not in zone:
        return zone
    from dateutil import tz as dateutil_tz  # here: the database is rarely needed (5 ms to import)

    info = dateutil_tz.gettz(zone)
    hour, minute = (int(part) for part in clock.split(":"))
    moment = dt.datetime.combine(day, dt.time(min(hour, 23), minute), tzinfo=info)
    offset = moment.utcoffset()
    return "" if offset is None else _offset(int(offset.total_seconds()) // 60)


def dayword(c: Candidate, ctx: Context) -> Reading:
    """``yesterday``, ``today``, ``tomorrow evening``."""
    g = c.groups
    offset = lx.DAY_WORDS[(g["dayword"] or "").lower()]
    pod = lx.PARTS_OF_DAY[(g["pod"] or "").lower()] if g.get("pod") else None
    reference = need_dct(ctx, "day", "XXXX-XX-XX" + (f"T{pod}" if pod else ""))
    point = Point(reference + relativedelta(days=offset), "day", pod=pod)
    return Reading("TIME" if pod else "DATE", point.value(), c.mod, "dct", point)


def tonight(c: Candidate, ctx: Context) -> Reading:
    """``tonight``, ``overnight``: the night of the day mentioned earlier in the sentence
    (:func:`~newslens_dates.anchoring.day_in_sentence`), else of the creation day."""
    day = day_in_sentence(ctx, c)
    if day is not None:
        point = Point(day, "day", pod="NI")
        return Reading("TIME", point.value(), c.mod, ctx.last_anchor, point)
    reference = need_dct(ctx, "day", "XXXX-XX-XXTNI")
    point = Point(reference, "day", pod="NI")
    return Reading("TIME", point.value(), c.mod, "dct", point)


def this_pod(c: Candidate, ctx: Context) -> Reading:
    """``this morning`` (of the day mentioned earlier in the sentence, else of the creation
    day), ``last night`` (the night before), ``the evening`` (of the last day
    mentioned, else the creation day)."""
    g = c.groups
    pod = lx.PARTS_OF_DAY[(g["pod"] or "").lower()]
    pdir = (g.get("pdir") or "").lower()
    day = day_in_sentence(ctx, c) if pdir == "this" else None
    if day is not None:  # "On Monday, ... this morning": that Monday's morning
        point = Point(day, "day", pod=pod)
        return Reading("TIME", point.value(), c.mod, ctx.last_anchor, point)
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
    r",?\s*(?:\([^()\n]{0,20}\)\s*)?,?\s*(?:on\s+)?("
    + "|".join(n for n in lx.WEEKDAYS if len(n) > 4)
    + r")\b",
    re.IGNORECASE,
)
"""A full weekday name right after a clock time, after at most a parenthesis and *on*:
"at about 10:35 a.m. (0735 GMT) Friday" and "from 6 a.m. on Thursday" are on that day
("at 6 p.m. and stay closed until Monday" is not)."""


_DAYWORD_AFTER_CLOCK: Final = re.compile(
    r",?\s+(" + "|".join(lx.DAY_WORDS) + r")\b", re.IGNORECASE
)
_DATE_AFTER_CLOCK: Final = re.compile(r",?\s*(?:\([^()\n]{0,20}\)\s*)?,?\s*(?:on\s+)?")
_MONTH_DAY: Final = next(r for r in COMPILED if r.rule.name == "month_day")


def _day_after(ctx: Context, c: Candidate) -> dt.date | None:
    """Return the day named just after the clock time *c*, resolved, if there is one: a
    weekday ("10 a.m. Friday"), ``today``/``tomorrow``/``yesterday`` ("10 a.m.
    tomorrow") or a day of a month ("17:02 UTC on April 8")."""
    if ctx.dct is None:
        return None
    match = _DAY_AFTER_CLOCK.match(ctx.text, c.end)
    if match is not None:
        return weekday_point(c, ctx, lx.WEEKDAYS[match.group(1).lower()], None).date
    word = _DAYWORD_AFTER_CLOCK.match(ctx.text, c.end)
    if word is not None:  # "10 a.m. tomorrow"
        return ctx.dct + dt.timedelta(days=lx.DAY_WORDS[word.group(1).lower()])
    lead = _DATE_AFTER_CLOCK.match(ctx.text, c.end)
    date = _MONTH_DAY.pattern.match(ctx.text, lead.end()) if lead else None
    if date is None or not date.group("month")[:1].isupper():
        return None
    after = Candidate(date.start(), date.end(), _MONTH_DAY.rule, date.groupdict())
    try:
        return day_or_month(after, ctx, month_number(date.group("month")),
                            int(date.group("day"))).date
    except Unresolvable:
        return None


def clock(c: Candidate, ctx: Context) -> Reading:
    """``10:35 a.m.``, ``8 PM``, ``noon``: on the day named right after it (``Friday``,
    ``on April 8``), else on
    the day mentioned earlier in its sentence, else on the creation day (a day named in
    an earlier sentence, or in the headline, is not the clock time's)."""
    g = c.groups
    after = _day_after(ctx, c)
    same_sentence = None if after is not None else day_in_sentence(ctx, c)
    reference = (
        after
        or same_sentence
        or need_dct(ctx, "day", f"XXXX-XX-XXT{clock_value(g)}")
    )
    value = clock_value(g)
    point = Point(reference, "day", pod=value + zone_suffix(g, reference, value))
    anchor = ctx.last_anchor if same_sentence is not None else "dct"
    return Reading("TIME", point.value(), c.mod, anchor, point)


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
    value = clock_value(g)
    point = attrs.evolve(day, pod=value + zone_suffix(g, day.date, value))
    return Reading("TIME", point.value(), c.mod, "dct", point)


def clock_date(c: Candidate, ctx: Context) -> Reading:
    """``10 a.m. on Oct. 23``: the clock time on that day."""
    g = c.groups
    day = day_or_month(c, ctx, month_number(g["month"]), int(g["day"] or 0))
    value = clock_value(g)
    point = attrs.evolve(day, pod=value + zone_suffix(g, day.date, value))
    return Reading("TIME", point.value(), c.mod, None if g.get("year") else "dct", point)
