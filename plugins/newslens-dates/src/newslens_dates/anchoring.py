"""What relative expressions count from, and which way they point.

The shared arithmetic of the normalisers (:mod:`newslens_dates.normalisers`): the
year of a date written without one, the weekday a bare "Friday" means, "the next
week" counted from the last date mentioned, "three years ago" counted from the
creation time, and the quarter under discussion ("a year ago" after "the third
quarter"). The direction of a bare date comes from the tense of its clause
(:mod:`newslens_dates.tense`).
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from typing import Final

import attrs
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from newslens_dates import lexicon as lx
from newslens_dates.calendar import Point, closest
from newslens_dates.candidates import Candidate
from newslens_dates.context import Context
from newslens_dates.quantities import SMALLER_UNIT, duration_value
from newslens_dates.reading import Reading, Unresolvable, need_dct
from newslens_dates.tense import FUTURE, PAST, UNKNOWN

WEEKDAY_FUNCS: Final = (MO, TU, WE, TH, FR, SA, SU)
"""The :mod:`dateutil.relativedelta` weekdays, Monday first (index = ``lexicon.WEEKDAYS``)."""


def month_number(name: str | None) -> int:
    """Return the number of the month *name* (``Sept.`` -> 9)."""
    return lx.MONTHS[(name or "").lower().rstrip(".")]


def year_of(text: str | None, ctx: Context) -> int | None:
    """Return the year written as *text* (``1998``, ``'98``), or ``None`` without one.

    A two-digit year is put in the century of the creation time (of 2000 without one),
    or the century before when that would be more than 20 years after it.
    """
    if not text:
        return None
    digits = text.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    base = ctx.dct.year if ctx.dct else 2000
    year = (base // 100) * 100 + int(digits)
    return year - 100 if year > base + 20 else year


def direction(c: Candidate, ctx: Context, default: int, strong: bool = False) -> int:
    """Return the tense of the clause of *c* (``PAST``, ``FUTURE``), or *default*."""
    tense = ctx.tense(c.start, c.end, strong)
    return tense if tense != UNKNOWN else default


# -- dates without a year -----------------------------------------------------------------

_FAR_DAYS: Final = 90
"""A day of a month this many days or fewer from the creation time is taken in the
nearest year whatever the tense of its clause (``payable Dec. 15``)."""

_NEAR_FUTURE_MONTHS: Final = 4
"""A month alone in a clause of unknown tense is taken in the future only this close."""


def day_or_month(c: Candidate, ctx: Context, month: int, day: int | None) -> Point:
    """Return the day (or the month, when *day* is ``None``) of *c*, in the year it
    names or else the year :func:`year_without_one` gives."""
    year = year_of(c.groups.get("year"), ctx)
    grain = "month" if day is None else "day"
    if year is None:
        reference = need_dct(
            ctx, grain, f"XXXX-{month:02d}" + ("" if day is None else f"-{day:02d}")
        )
        year = year_without_one(reference, month, day, direction(c, ctx, UNKNOWN))
    try:
        return Point(dt.date(year, month, day or 1), grain)
    except ValueError:
        raise Unresolvable from None


def year_without_one(reference: dt.date, month: int, day: int | None, tense: int) -> int:
    """Return the year of a month (or a day of a month) written without one.

    A day is put in the nearest year, unless that is more than :data:`_FAR_DAYS` away
    against the tense of its clause (``the year ended March 31`` in November is the
    March before). A month follows the tense of its clause; in a clause of unknown
    tense it is the latest such month up to the creation time, or the next one when
    that is at most :data:`_NEAR_FUTURE_MONTHS` ahead (news reports mostly the past).
    """
    if day is not None:
        return _year_of_day(reference, month, day, tense)
    return _year_of_month(reference, month, tense)


def _year_of_day(reference: dt.date, month: int, day: int, tense: int) -> int:
    options = []
    for y in (reference.year - 1, reference.year, reference.year + 1):
        try:
            options.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not options:
        raise Unresolvable
    nearest = closest(options, reference, 0)
    if abs((nearest - reference).days) > _FAR_DAYS and (
        (tense == PAST and nearest > reference) or (tense == FUTURE and nearest < reference)
    ):
        return closest(options, reference, tense).year
    return nearest.year


def _year_of_month(reference: dt.date, month: int, tense: int) -> int:
    ahead = (month - reference.month) % 12
    if tense == PAST:
        return reference.year - (1 if month > reference.month else 0)
    if tense == FUTURE:
        return reference.year + (1 if month < reference.month else 0)
    if ahead == 0 or ahead > _NEAR_FUTURE_MONTHS:
        return reference.year - (1 if month > reference.month else 0)
    return reference.year + (1 if month < reference.month else 0)


_FORWARD_BEFORE: Final = re.compile(
    r"(?<![\w'’])(?:" + "|".join(sorted(lx.FORWARD_PREPOSITIONS)) + r")\s+$", re.I
)
"""One of :data:`newslens_dates.lexicon.FORWARD_PREPOSITIONS` right before an expression."""


def forward_preposition(c: Candidate, ctx: Context) -> int | None:
    """Return where a preposition that points ahead starts, when one stands just before
    *c* ("until Friday", "by Monday": :data:`newslens_dates.lexicon.FORWARD_PREPOSITIONS`),
    else ``None``."""
    match = _FORWARD_BEFORE.search(ctx.text, max(0, c.start - 8), c.start)
    if match is None or ctx.text[c.end : c.end + 2] in ("'s", "’s"):  # "by Monday's vote"
        return None
    return match.start()


def _weekday_tense(c: Candidate, ctx: Context) -> tuple[int, bool]:
    """The tense a bare weekday follows, and whether it came after *until*/*by*.

    After *until*, *till* or *by* the clause before the preposition decides, any
    future cue counting ("said it would stay shut until Friday"), and without a past
    cue the weekday is ahead; otherwise only a strong future cue sends it forward.
    """
    preposition = forward_preposition(c, ctx)
    if preposition is None:
        return direction(c, ctx, PAST, strong=True), False
    tense = ctx.tense(preposition, c.end)
    return (PAST if tense == PAST else FUTURE), True


def weekday_point(c: Candidate, ctx: Context, weekday: int, pod: str | None) -> Point:
    """Return the day a bare weekday means: the last one on or before the creation
    time, or the next one after it when its clause has a strong future cue, or when
    it follows *until*, *till* or *by* in a clause without a past cue ("closed until
    Friday", "by Monday": the coming one, the creation day itself included; but "was
    closed until Friday" is the Friday before)."""
    iso = weekday + 1
    reference = need_dct(ctx, "day", f"XXXX-WXX-{iso}" + (f"T{pod}" if pod else ""))
    tense, forward = _weekday_tense(c, ctx)
    if tense == FUTURE:
        # the next one after the reference ("until Thursday" on a Thursday: that day)
        chosen = reference + relativedelta(
            days=0 if forward else 1, weekday=WEEKDAY_FUNCS[weekday](+1)
        )
    else:  # the last one, on or before the reference day
        chosen = reference + relativedelta(weekday=WEEKDAY_FUNCS[weekday](-1))
    return Point(chosen, "day", pod=pod)


# -- counted from the last date mentioned, or from the creation time ----------------------


def relative_unit(
    ctx: Context, c: Candidate, offset: int, unit: str, anchored: bool
) -> tuple[Point, str]:
    """Return the *unit* (``week``, ``month``...) *offset* units from the reference date,
    and the anchor it was counted from (see :func:`reference_date`)."""
    grain = {"weekend": "weekend", "fortnight": "week"}.get(unit, unit)
    if grain not in ("day", "week", "weekend", "month", "quarter", "year", "decade", "century"):
        raise Unresolvable
    base, anchor = reference_date(ctx, grain, anchored)
    if grain == "quarter" and offset == 0 and not anchored:
        return Point(base - relativedelta(days=45), "quarter"), anchor
    return Point(base, grain).shift(offset, grain), anchor


def reference_date(ctx: Context, grain: str, anchored: bool) -> tuple[dt.date, str]:
    """Return the date a relative expression counts from, and its anchor.

    An *anchored* expression ("the next day") counts from the last day mentioned (for
    days and weeks) or the last date mentioned; otherwise from the creation time.
    """
    if anchored and ctx.last_day is not None and grain in ("day", "week", "weekend"):
        return ctx.last_day.date, ctx.last_anchor or "dct"
    if anchored and ctx.last_point is not None:
        return ctx.last_point.date, ctx.last_anchor or "dct"
    return need_dct(ctx, grain), "dct"


_SHIFT_GRAINS: Final = {
    "fortnight": "week", "weekend": "week", "second": "time", "minute": "time", "hour": "time",
}  # fmt: skip
"""The granularity of the point a shift by a unit gives, when it is not the unit itself
(``time``: a clock time, on the day)."""


def shift_point(c: Candidate, ctx: Context, number: Fraction | None, unit: str) -> Reading:
    """Read a duration with a shift word: "three years ago", "two days later".

    "ago" and "from now" count from the creation time; "later" and "earlier" from the
    last date mentioned, or the creation time before any. A span without a whole
    number ("a few days ago") has no point to count to (see :func:`_uncounted_shift`).
    """
    word = c.shift or "ago"
    sign = lx.SHIFT_WORDS[word]
    from_dct = word in lx.DCT_SHIFTS
    if number is None or number.denominator != 1:
        return _uncounted_shift(c, ctx, number, unit, sign < 0, from_dct)
    grain = _SHIFT_GRAINS.get(unit, unit)
    amount = int(number) * sign
    if not from_dct and ctx.last_point is not None:
        return _shift_from_last_point(c, ctx, ctx.last_point, amount, unit, grain)
    return _shift_from_dct(c, ctx, amount, unit, grain)


def _uncounted_shift(
    c: Candidate, ctx: Context, number: Fraction | None, unit: str, back: bool, from_dct: bool
) -> Reading:
    """A shift by a vague or fractional number of units.

    "a minute and a half later" and "a few days later" are the spans they say (there is
    no calendar point to count to); "a few days ago", or "later" before any date, is
    the past (or future) in general.
    """
    if number is not None and unit in SMALLER_UNIT:
        return Reading("DURATION", duration_value(number, unit), c.mod)
    if from_dct or ctx.last_point is None:
        return Reading("DATE", "PAST_REF" if back else "FUTURE_REF", c.mod, "dct")
    return Reading("DURATION", duration_value(number, unit), c.mod)


def _shift_from_last_point(
    c: Candidate, ctx: Context, base: Point, amount: int, unit: str, grain: str
) -> Reading:
    """"two days later": *base*, the last date mentioned, at the shift's granularity if
    finer ("this morning ... a year earlier" is a day), shifted."""
    anchor = ctx.last_anchor or "dct"
    if _finer(grain, base.grain):
        base = attrs.evolve(base, grain=grain if grain != "time" else "day", pod=None)
    elif grain != "time":
        base = attrs.evolve(base, pod=None)  # "this morning ... a year earlier": a day
    shifted = _shift_by(base, amount, unit)
    return Reading("DATE", shifted.value(), c.mod, anchor, shifted, unit == "year")


def _shift_from_dct(c: Candidate, ctx: Context, amount: int, unit: str, grain: str) -> Reading:
    """"three years ago": the creation time shifted; "a year ago" beside "the third
    quarter" is that quarter a year earlier."""
    day_grain = grain if grain != "time" else "day"
    base = Point(need_dct(ctx, day_grain), day_grain)
    period = period_in_focus(ctx, c)
    if unit == "year" and period is not None:  # "a year ago" beside "the third quarter"
        shifted = period.shift(amount, "year")
        return Reading("DATE", shifted.value(), c.mod, ctx.last_anchor, shifted, True)
    shifted = _shift_by(base, amount, unit)
    return Reading("DATE", shifted.value(), c.mod, "dct", shifted, unit == "year")


def _finer(grain: str, other: str) -> bool:
    order = ("time", "day", "week", "weekend", "month", "quarter", "half", "season", "year",
             "decade", "century")  # fmt: skip
    return order.index(grain) < order.index(other) if other in order else False


def _shift_by(point: Point, amount: int, unit: str) -> Point:
    if unit in ("second", "minute", "hour"):
        return Point(point.date, "day")
    if unit == "fortnight":
        return point.shift(amount * 2, "week")
    if unit == "weekend":
        return point.shift(amount, "week")
    if unit == "millennium":
        return point.shift(amount * 10, "century")
    return point.shift(amount, unit)


# -- what is under discussion ---------------------------------------------------------------

_FOCUS_CHARS: Final = 400
_DAY_FOCUS_CHARS: Final = 250


def recent_day(ctx: Context, c: Candidate) -> dt.date | None:
    """Return the day mentioned just before *c* (a clock time is on that day), if any."""
    if ctx.last_day is None or ctx.last_day_end is None:
        return None
    return ctx.last_day.date if c.start - ctx.last_day_end <= _DAY_FOCUS_CHARS else None


_SENTENCE_BREAK: Final = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]*[A-Z]|\n")
"""The end of a sentence in the text between two expressions."""


def day_in_sentence(ctx: Context, c: Candidate) -> dt.date | None:
    """Return the day mentioned earlier in the sentence of *c*, if any: a time without a
    day ("8 PM", "tonight") is on it ("On March 3, the fans queued until 8 PM")."""
    if ctx.last_day is None or ctx.last_day_end is None or ctx.last_day_end > c.start:
        return None
    if _SENTENCE_BREAK.search(ctx.prose_between(ctx.last_day_end, c.start)):
        return None
    return ctx.last_day.date


def period_in_focus(ctx: Context, c: Candidate) -> Point | None:
    """Return the quarter or half under discussion just before *c*, if there is one."""
    point = ctx.last_point
    if point is None or point.grain not in ("quarter", "half") or ctx.last_end is None:
        return None
    return point if c.start - ctx.last_end <= _FOCUS_CHARS else None


def quarter_in_focus(ctx: Context, c: Candidate) -> Point | None:
    """Return the quarter under discussion just before *c* ("the quarter" then means it)."""
    period = period_in_focus(ctx, c)
    return period if period is not None and period.grain == "quarter" else None
