"""TIMEX3 values in plain English words: :func:`describe`.

    >>> from newslens_dates import describe
    >>> describe("2024-02-16")
    'Friday 16 February 2024'
    >>> describe("196"), describe("P1Y6M", "DURATION"), describe("P1Y", "SET")
    ('the 1960s', '1 year and 6 months', 'every year')
    >>> describe("XXXX-WXX-4"), describe("P3D", "DURATION", "MORE_THAN")
    ('a Thursday', 'more than 3 days')

Every value shape the plugin's normalisers write is read (see the table in the
plugin's documentation); anything else, and any value that does not make sense
(``2024-02-30``), comes back as the code itself.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

__all__ = ["describe"]

MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
"""Month names (not the locale's: the words are always English)."""

WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Weekday names, ISO order (Monday is 1)."""

PARTS_OF_DAY: Final = {
    "MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "MI": "midday",
    "DT": "daytime",
}  # fmt: skip
"""TIMEX3 parts of the day."""

SEASONS: Final = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
"""TIMEX3 seasons."""

REFERENCES: Final = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
"""TIMEX3 vague references."""

_PARTS: Final = {"Q": ("quarter", 4), "H": ("half", 2), "T": ("trimester", 3)}
_ORDINALS: Final = ("first", "second", "third", "fourth")
_UNITS: Final = {
    "Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "TM": "minute", "S": "second",
}  # fmt: skip
_UNKNOWN: Final = {
    "XXXX-XX-XX": "an unknown day", "XXXX-WXX": "an unknown week",
    "XXXX-WXX-WE": "an unknown weekend", "XXXX-XX": "an unknown month",
    "XXXX-QX": "an unknown quarter", "XXXX-HX": "an unknown half-year",
    "XXXX": "an unknown year", "XXX": "an unknown decade", "XX": "an unknown century",
}  # fmt: skip
"""The placeholders of values that needed a creation time the text did not have."""

_NUMBER: Final = r"(?:\d+(?:\.\d+)?|X)"
_DURATION: Final = re.compile(
    rf"P(?:(?P<Y>{_NUMBER})Y)?(?:(?P<M>{_NUMBER})M)?(?:(?P<W>{_NUMBER})W)?(?:(?P<D>{_NUMBER})D)?"
    rf"(?:T(?:(?P<H>{_NUMBER})H)?(?:(?P<TM>{_NUMBER})M)?(?:(?P<S>{_NUMBER})S)?)?"
)
_TIME: Final = re.compile(
    r"(?P<day>.+?)T(?P<time>[A-Z]{2}|\d\d:\d\d(?::\d\d)?)(?P<zone>Z|[+-]\d\d(?::\d\d)?)?"
)
_CLOCK: Final = re.compile(r"(\d\d):(\d\d)(?::(\d\d))?")

_MODS: Final = {
    "MORE_THAN": "more than {}", "LESS_THAN": "less than {}", "EQUAL_OR_MORE": "at least {}",
    "EQUAL_OR_LESS": "at most {}", "APPROX": "about {}", "BEFORE": "before {}",
    "AFTER": "after {}", "ON_OR_BEFORE": "on or before {}", "ON_OR_AFTER": "on or after {}",
}  # fmt: skip
"""The mods written before the words as they are."""

_PHASES: Final = {"START": ("early ", "early in"), "END": ("late ", "late in"),
                  "MID": ("mid-", "in the middle of")}  # fmt: skip
"""``START``, ``END``, ``MID``: the word before a year, month or season, and before
anything else."""


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _full_date(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _plural(unit: str) -> str:
    return {"century": "centuries", "millennium": "millennia"}.get(unit, unit + "s")


def _amount(number: str, unit: str) -> str:
    if number == "X":
        return f"some {_plural(unit)}"
    return f"{number} " + (unit if number == "1" else _plural(unit))


_LONG_UNITS: Final = {"DE": "decade", "CE": "century", "ML": "millennium"}
"""Units of vague durations only (``PXDE``: decades); a number of them is in years."""


def _duration(value: str) -> list[tuple[str, str]] | None:
    """``(number, unit)`` of each part of a duration (``P1Y6M``), or ``None``."""
    long = re.fullmatch(r"P(\d+|X)(DE|CE|ML)", value)
    if long is not None:
        return [(long.group(1), _LONG_UNITS[long.group(2)])]
    match = _DURATION.fullmatch(value)
    if match is None:
        return None
    parts = [(number, _UNITS[key]) for key, number in match.groupdict().items() if number]
    return parts or None


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _describe_duration(value: str) -> str | None:
    parts = _duration(value)
    return None if parts is None else _join([_amount(number, unit) for number, unit in parts])


def _describe_set(value: str) -> str | None:
    parts = _duration(value)
    if parts is not None:
        if len(parts) == 1:
            number, unit = parts[0]
            if number == "1":
                return f"every {unit}"
            if number == "X":
                return f"every few {_plural(unit)}"
        return "every " + _join([_amount(number, unit) for number, unit in parts])
    for prefix in ("TXX", "XXXX-XX-XXT"):  # every morning
        if value.startswith(prefix) and value[len(prefix):] in PARTS_OF_DAY:
            return f"every {PARTS_OF_DAY[value[len(prefix):]]}"
    match = re.fullmatch(r"XXXX-WXX-([1-7])", value)
    if match:
        return f"every {WEEKDAYS[int(match.group(1)) - 1]}"
    words = _describe_point(value)
    return None if words is None else f"every {words}"


def _describe_day(value: str) -> str | None:
    """A day: ``2024-02-16``, ``XXXX-02-16``, ``XXXX-WXX-4``, ``XXXX-XX-XX``."""
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    if match:
        return _full_date(dt.date(*map(int, match.groups())))
    match = re.fullmatch(r"(\d{4})-W(\d\d)-([1-7])", value)
    if match:
        return _full_date(dt.date.fromisocalendar(*map(int, match.groups())))
    match = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value)
    if match:
        month, day = map(int, match.groups())
        dt.date(2000, month, day)  # a leap year: 29 February is a day, 30 February is not
        return f"{day} {MONTHS[month - 1]}, year unknown"
    match = re.fullmatch(r"XXXX-WXX-([1-7])", value)
    if match:
        return f"a {WEEKDAYS[int(match.group(1)) - 1]}"
    if value == "XXXX-XX-XX":
        return "an unknown day"
    return None


def _zone_words(zone: str | None) -> str:
    """`` UTC`` for ``Z``, `` UTC+08:00`` for ``+08``; nothing without a zone."""
    if not zone:
        return ""
    if zone == "Z":
        return " UTC"
    return f" UTC{zone}" + ("" if ":" in zone else ":00")


def _describe_time(day: str, time: str, zone: str | None = None) -> str | None:
    """A day with a clock time (``14:30``, ``14:30Z``) or a part of the day (``MO``)."""
    words = _describe_day(day)
    if words is None:
        return None
    clock = _CLOCK.fullmatch(time)
    if clock is not None:
        hours, minutes, seconds = clock.groups()
        if int(hours) > 24 or int(minutes) > 59 or int(seconds or 0) > 59:
            return None
        if words == "an unknown day":
            return f"{time}{_zone_words(zone)}, date unknown"
        return f"{words}, {time}{_zone_words(zone)}"
    if zone or time not in PARTS_OF_DAY:
        return None
    part = PARTS_OF_DAY[time]
    if words.startswith("a "):  # "a Thursday" -> "a Thursday night"
        return f"{words} {part}"
    if words == "an unknown day":
        return f"{'an' if part[0] in 'aeiou' else 'a'} {part}, date unknown"
    return f"the {part} of {words}"


def _describe_point(value: str) -> str | None:
    """A DATE or TIME value; ``None`` when it cannot be read."""
    if value in REFERENCES:
        return REFERENCES[value]
    if value in _UNKNOWN:
        return _UNKNOWN[value]
    time = _TIME.fullmatch(value)
    if time is not None:
        return _describe_time(time.group("day"), time.group("time"), time.group("zone"))
    day = _describe_day(value)
    if day is not None:
        return day
    if re.fullmatch(r"\d{4}", value):
        return str(int(value))
    if re.fullmatch(r"\d{3}", value):
        return f"the {int(value) * 10}s"
    if re.fullmatch(r"\d\d", value):
        return f"the {_ordinal(int(value) + 1)} century"
    match = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)", value)
    if match:
        year, month = match.groups()
        if not 1 <= int(month) <= 12:
            return None
        name = MONTHS[int(month) - 1]
        return f"{name}, year unknown" if year == "XXXX" else f"{name} {int(year)}"
    match = re.fullmatch(r"(\d{4}|XXXX)-W(\d\d|XX)(-WE)?", value)
    if match:
        year, week, weekend = match.groups()
        if year == "XXXX" or week == "XX":
            return None
        if weekend:
            saturday = dt.date.fromisocalendar(int(year), int(week), 6)
            return f"the weekend of {_full_date(saturday)}"
        dt.date.fromisocalendar(int(year), int(week), 1)  # week 54 is no week
        return f"week {int(week)} of {int(year)}"
    match = re.fullmatch(r"(\d{4}|XXXX)-([QHT])([1-4X])", value)
    if match:
        year, letter, number = match.groups()
        name, count = _PARTS[letter]
        if number == "X":
            return f"a {name}, year unknown"
        if int(number) > count:
            return None
        where = ", year unknown" if year == "XXXX" else f" of {int(year)}"
        return f"the {_ORDINALS[int(number) - 1]} {name}{where}"
    match = re.fullmatch(r"(\d{4}|XXXX)-(SP|SU|FA|WI)", value)
    if match:
        year, season = match.groups()
        name = SEASONS[season]
        return f"{name}, year unknown" if year == "XXXX" else f"{name} {int(year)}"
    if value.startswith("TXX") and value[3:] in PARTS_OF_DAY:
        part = PARTS_OF_DAY[value[3:]]
        return f"{'an' if part[0] in 'aeiou' else 'a'} {part}"
    return None


def _with_mod(words: str, value: str, mod: str) -> str:
    if mod in _MODS:
        return _MODS[mod].format(words)
    if mod in _PHASES:
        before, otherwise = _PHASES[mod]
        if re.fullmatch(r"the \d+s|the \d+\w\w century", words):  # the early 1960s
            return f"the {before}{words[4:]}"
        if re.fullmatch(r"\d{4}|[A-Z][a-z]+ \d{4}|(spring|summer|autumn|winter) \d{4}", words):
            return f"{before}{words}"  # early 2024, mid-February 2024
        if words.split(" ", 1)[0] in WEEKDAYS and mod != "MID":
            return f"{otherwise[:-3]} on {words}"  # late on Friday 16 February 2024
        return f"{otherwise} {words}"
    return f"{words} ({mod})"


def _with_freq(words: str, freq: str) -> str:
    """"every week" with ``2X`` -> "twice a week"."""
    match = re.fullmatch(r"(\d+)X", freq)
    if match is None or not words.startswith("every "):
        return f"{words} ({freq})"
    count = int(match.group(1))
    times = {1: "once", 2: "twice"}.get(count, f"{count} times")
    period = words.removeprefix("every ")
    article = "an" if period[:1] in "aeiou" else "a"
    return f"{times} {article} {period}" if not period[:1].isdigit() else f"{times} every {period}"


def describe(
    value: str, type: str = "DATE", mod: str | None = None, freq: str | None = None
) -> str:
    """Return a TIMEX3 value in plain English words.

    Args:
        value: The TIMEX3 value (the ``value`` of a :class:`~newslens_dates.Timex`).
        type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``: ``P1Y`` is ``1 year`` as a
            duration and ``every year`` as a set.
        mod: The TIMEX3 ``mod``, or ``None``: ``MORE_THAN`` gives ``more than ...``,
            ``APPROX`` ``about ...``, ``START``/``MID``/``END`` ``early``/``mid-``/``late``
            (``the early 1960s``, ``late 2024``, ``early in the first quarter of 2024``).
        freq: A recurrence's TIMEX3 ``freq``, or ``None``: ``P1W`` with ``2X`` is
            ``twice a week``.

    Returns:
        The words: ``Friday 16 February 2024``, ``16 February 2024, 14:30`` (with its
        weekday), ``the morning of Friday 16 February 2024``, ``February 2024``,
        ``2024``, ``the 1960s``, ``the 20th century``, ``week 11 of 2024``, ``the
        weekend of Saturday 16 March 2024``, ``summer 2024``, ``the first quarter of
        2024``, ``a Thursday``, ``16 February, year unknown``, ``an unknown day``,
        ``3 days``, ``1 year and 6 months``, ``some weeks`` (``PXW``), ``every year``,
        ``twice a week``, ``every Monday``, ``every morning``, ``now``, ``the past``,
        ``the future``. A value it cannot read comes back as the code itself; it never
        raises.
    """
    try:
        if not isinstance(value, str) or not value.strip():
            return str(value).strip() or "no value"
        if value in REFERENCES:
            words: str | None = REFERENCES[value]
        elif value.startswith("P") and type != "SET":
            words = _describe_duration(value)
        elif type == "SET":
            words = _describe_set(value)
        else:
            words = _describe_point(value)
        if words is None:
            return value
        if freq and type == "SET":
            words = _with_freq(words, freq)
        return _with_mod(words, value, mod) if mod else words
    except Exception:  # a value such as 2024-02-30 or week 54: shown as written
        return value if isinstance(value, str) and value.strip() else "no value"
