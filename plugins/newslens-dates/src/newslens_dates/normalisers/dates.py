"""Normalisers of calendar dates: written dates, months, weekdays, years, decades,
centuries, holidays and seasons.

Each function reads one kind of grammar match (its name is the rule's, see
:data:`newslens_dates.normalisers.NORMALISERS`). A date with a year is absolute
(no anchor); one without is placed against the creation time (anchor ``"dct"``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from newslens_dates import lexicon as lx
from newslens_dates.anchoring import (
    WEEKDAY_FUNCS,
    day_or_month,
    direction,
    month_number,
    weekday_point,
    year_of,
)
from newslens_dates.calendar import Point, closest, season_point
from newslens_dates.candidates import Candidate
from newslens_dates.context import Context
from newslens_dates.quantities import parse_number
from newslens_dates.reading import Reading, Unresolvable, need_dct

_DECADE_MODS = {"early": "START", "mid": "MID", "late": "END"}


def iso(c: Candidate, ctx: Context) -> Reading:
    """``1998-01-05``."""
    g = c.groups
    day = dt.date(int(g["year"] or 0), int(g["mnum"] or 0), int(g["dnum"] or 0))
    return Reading(c.rule.type, day.isoformat(), c.mod, None, Point(day))


def slash(c: Candidate, ctx: Context) -> Reading:
    """``8/7/98``: month first."""
    g = c.groups
    year = year_of(g["yy"], ctx) or 0
    day = dt.date(year, int(g["mnum"] or 0), int(g["dnum"] or 0))
    return Reading(c.rule.type, day.isoformat(), c.mod, None, Point(day))


def month_day(c: Candidate, ctx: Context) -> Reading:
    """``Aug. 7, 1998``, ``7 August``, ``June 1998``, ``June``: a day or a month, in the
    year written or else the one :func:`~newslens_dates.anchoring.year_without_one` gives."""
    g = c.groups
    day_number = int(g["day"] or 0) if g.get("day") else None
    point = day_or_month(c, ctx, month_number(g["month"]), day_number)
    anchor = None if g.get("year") else "dct"
    return Reading(c.rule.type, point.value(), c.mod, anchor, point)


def month_rel_year(c: Candidate, ctx: Context) -> Reading:
    """``January this year``, ``June 5 last year``: the month (or day) in that year."""
    g = c.groups
    month = month_number(g["month"])
    day = int(g["day"] or 0) if g.get("day") else None
    grain = "month" if day is None else "day"
    placeholder_value = f"XXXX-{month:02d}" + ("" if day is None else f"-{day:02d}")
    offset = lx.RELATIVE_DIRECTIONS[(g["ryear"] or "").lower()]
    year = need_dct(ctx, grain, placeholder_value).year + offset
    try:
        point = Point(dt.date(year, month, day or 1), grain)
    except ValueError:
        raise Unresolvable from None
    return Reading(c.rule.type, point.value(), c.mod, "dct", point)


def weekday(c: Candidate, ctx: Context) -> Reading:
    """``Thursday``, ``Monday night``: the day the tense of the clause points to."""
    g = c.groups
    pod = lx.PARTS_OF_DAY[(g["pod"] or "").lower()] if g.get("pod") else None
    point = weekday_point(c, ctx, lx.WEEKDAYS[(g["weekday"] or "").lower()], pod)
    return Reading("TIME" if pod else "DATE", point.value(), c.mod, "dct", point)


def year(c: Candidate, ctx: Context) -> Reading:
    """``1998``, ``the year 1492``."""
    number = int(c.groups["year"] or 0)
    return Reading(c.rule.type, f"{number:04d}", c.mod, None, Point(dt.date(number, 1, 1), "year"))


def written_year(c: Candidate, ctx: Context) -> Reading:
    """``nineteen ninety-six``, ``two thousand and one``."""
    g = c.groups
    if g.get("wmill"):
        number = 2000 + int(parse_number(g.get("wunit")) or 0)
    else:
        tail = (g.get("wyear") or "").lower()
        number = (1900 if (g.get("wcent") or "").lower() == "nineteen" else 1800) + (
            0 if tail == "hundred" else int(parse_number(tail) or 0)
        )
    return Reading(c.rule.type, f"{number:04d}", c.mod, None, Point(dt.date(number, 1, 1), "year"))


def fiscal(c: Candidate, ctx: Context) -> Reading:
    """``fiscal 1989``, ``FY'98``: the year."""
    number = year_of(c.groups.get("fyear"), ctx) or 0
    return Reading(c.rule.type, f"{number:04d}", c.mod, None, Point(dt.date(number, 1, 1), "year"))


def year_end(c: Candidate, ctx: Context) -> Reading:
    """``year-end``, ``year's end``: the creation time's year, ``END``."""
    point = Point(need_dct(ctx, "year"), "year")
    return Reading(c.rule.type, point.value(), c.mod or "END", "dct", point)


def decade(c: Candidate, ctx: Context) -> Reading:
    """``the 1990s``, ``the late '80s`` (the latest such decade up to the creation time)."""
    g = c.groups
    if not g.get("decade"):
        reference = ctx.dct.year if ctx.dct else 2000
        tens = int(g.get("decade_short") or 0)
        century = reference // 100
        number = century * 10 + tens // 10
        if number * 10 > reference:
            number -= 10
    else:
        number = int(g["decade"] or 0) // 10
    mod = _DECADE_MODS.get((g.get("dmod") or "").lower())
    return Reading(c.rule.type, f"{number:03d}", mod or c.mod, None,
                   Point(dt.date(number * 10, 1, 1), "decade"))


def written_decade(c: Candidate, ctx: Context) -> Reading:
    """``the nineties``, ``the late nineteen-seventies``: a decade of the 1900s."""
    g = c.groups
    number = 190 + lx.WRITTEN_DECADES[(g["wdecade"] or "").lower()]
    mod = _DECADE_MODS.get((g.get("dmod") or "").lower())
    return Reading(c.rule.type, f"{number:03d}", mod or c.mod, None,
                   Point(dt.date(number * 10, 1, 1), "decade"))


def century(c: Candidate, ctx: Context) -> Reading:
    """``the 20th century`` -> ``19``."""
    g = c.groups
    ordinal = lx.ORDINALS[(g["ordinal"] or "").lower()]
    if ordinal < 1:
        raise Unresolvable
    mod = _DECADE_MODS.get((g.get("dmod") or "").lower())
    return Reading(c.rule.type, f"{ordinal - 1:02d}", mod or c.mod, None,
                   Point(dt.date(max(1, (ordinal - 1) * 100), 1, 1), "century"))


def _holiday_on(key: str, year: int) -> dt.date:
    """Return the day of the holiday *key* in *year*: a fixed day, the n-th weekday of a
    month, or a number of days from Easter Sunday (:func:`dateutil.easter.easter`)."""
    if key in lx.HOLIDAYS:
        month, day = lx.HOLIDAYS[key]
        return dt.date(year, month, day)
    if key in lx.EASTER_HOLIDAYS:
        return easter(year) + dt.timedelta(days=lx.EASTER_HOLIDAYS[key])
    month, weekday, nth = lx.FLOATING_HOLIDAYS[key]
    first = dt.date(year, month, 1)
    if nth > 0:
        found: dt.date = first + relativedelta(weekday=WEEKDAY_FUNCS[weekday](nth))
    else:
        found = first + relativedelta(day=31, weekday=WEEKDAY_FUNCS[weekday](-1))
    return found + dt.timedelta(days=lx.HOLIDAY_SHIFTS.get(key, 0))


_YEAR_AFTER: Final = re.compile(
    r",?\s+(?:in\s+(?P<year>1[0-9]\d\d|20\d\d)(?![\d-])|(?P<rel>last|this|next)\s+year\b)", re.I
)
"""A year named right after a holiday: "Christmas Day in 2016", "Christmas Eve last year"."""


def _year_after(c: Candidate, ctx: Context) -> int | None:
    """The year :data:`_YEAR_AFTER` names after *c*, if any (``last year`` counts from the
    creation time)."""
    match = _YEAR_AFTER.match(ctx.text, c.end)
    if match is None:
        return None
    if match.group("year"):
        return int(match.group("year"))
    return need_dct(ctx, "year").year + _HOLIDAY_YEARS[match.group("rel").lower()]


_HOLIDAY_YEARS: Final = {"last": -1, "this": 0, "next": 1}
_HOLIDAY_NEAR_DAYS: Final = 14
"""A holiday this many days or fewer from the creation time is that one, whatever the
tense ("as Easter week began", a few days before Easter)."""
"""``last Christmas``, ``this Easter``, ``next year's Thanksgiving``."""


def holiday(c: Candidate, ctx: Context) -> Reading:
    """``Christmas``, ``Thanksgiving 1998``, ``Easter``, ``next Christmas``; ``Easter
    week``: the week of that day.

    In the year written (also just after it: "Christmas Day in 2016", "Christmas Eve
    last year"); ``last``/``next`` Christmas is the one before or after the
    creation time, ``last year's``/``next year's`` the one in that year, and ``this``
    the one of the creation time's year; otherwise the nearest one when it is at most
    two weeks away, else the one the tense of the clause points to (in a headline, by
    the headline's rules), the nearest without a cue.
    """
    g = c.groups
    key = " ".join((g["holiday"] or "").lower().replace("’", "'").split())
    written = year_of(g.get("year"), ctx)
    explicit = written or _year_after(c, ctx)
    if explicit is not None:
        day = _holiday_on(key, explicit)
        point = Point(day, "week" if g.get("hweek") else "day")
        anchor = None if written or ctx.text[c.end : c.end + 12].strip(" ,")[:2] == "in" else "dct"
        return Reading("DATE", point.value(), c.mod, anchor, point)
    reference = need_dct(ctx, "day")
    hdir = (g.get("hdir") or "").lower()
    options = [_holiday_on(key, y) for y in range(reference.year - 1, reference.year + 2)]
    if hdir.endswith("'s") or hdir == "this":
        day = options[1 + _HOLIDAY_YEARS[hdir.split(" ")[0]]]
    elif hdir:
        day = closest(options, reference - dt.timedelta(days=1 if hdir == "last" else 0),
                      _HOLIDAY_YEARS[hdir])
    else:
        day = closest(options, reference, 0)
        if abs((day - reference).days) > _HOLIDAY_NEAR_DAYS:
            day = closest(options, reference, direction(c, ctx, 0))
    point = Point(day, "week" if g.get("hweek") else "day")
    return Reading("DATE", point.value(), c.mod, "dct", point)


def season(c: Candidate, ctx: Context) -> Reading:
    """``the summer of 2025``; ``the summer``: the one the tense points to, or the nearest."""
    g = c.groups
    code = lx.SEASONS[(g["season"] or "").lower()]
    if g.get("year"):
        point = season_point(int(g["year"] or 0), code)
        return Reading(c.rule.type, point.value(), c.mod, None, point)
    reference = need_dct(ctx, "season", f"XXXX-{code}")
    options = [season_point(y, code).date for y in range(reference.year - 1, reference.year + 2)]
    chosen = closest(options, reference, direction(c, ctx, 0))
    point = season_point(chosen.year, code)
    return Reading(c.rule.type, point.value(), c.mod, "dct", point)

