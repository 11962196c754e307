"""Normalisers of durations and recurrences: ``seven years``, ``half an hour``,
``several weeks``, ``three years ago``, ``annual``, ``every week``, ``$5 million a year``.

A duration followed by a shift word (``ago``, ``later``) is a point, read by
:func:`newslens_dates.anchoring.shift_point`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from newslens_dates import lexicon as lx
from newslens_dates.anchoring import shift_point
from newslens_dates.candidates import Candidate
from newslens_dates.context import Context
from newslens_dates.quantities import duration_value, parse_number, unit_of
from newslens_dates.reading import Reading, Unresolvable


def duration(c: Candidate, ctx: Context) -> Reading:
    """``seven years``, ``four-hour``, ``two and a half hours`` (``two-and-a-half``),
    ``several weeks``
    (``PXW``); with a shift word, the point it gives (``three years ago``)."""
    g = c.groups
    unit = unit_of(g)
    number = None if g.get("vague") else parse_number(g.get("number"))
    text = ctx.text[c.start : c.end].lower().replace("-", " ")
    if " and a half" in text and number is not None:
        number += Fraction(1, 2)
    if c.shift:
        return shift_point(c, ctx, number, unit)
    value = duration_value(number, unit)
    if number == 0:
        raise Unresolvable
    mod = c.mod or ("APPROX" if c.approx else None)
    return Reading("DURATION", value, mod)


_HALF_UNITS: Final = {
    "hour": "PT30M", "day": "PT12H", "year": "P6M", "minute": "PT30S", "century": "P50Y",
    "decade": "P5Y", "week": "P3.5D", "month": "P0.5M",
}  # fmt: skip
"""The value of half a unit."""


def half_unit(c: Candidate, ctx: Context) -> Reading:
    """``half an hour`` -> ``PT30M``."""
    unit = (c.groups["unit"] or "").lower()
    if unit not in _HALF_UNITS:
        raise Unresolvable
    return Reading(c.rule.type, _HALF_UNITS[unit], c.mod)


def vague_units(c: Candidate, ctx: Context) -> Reading:
    """``years``, ``recent months`` (``PXM``); ``years ago`` (``PAST_REF``)."""
    unit = lx.UNIT_PLURALS[(c.groups["units"] or "").lower()]
    if c.shift:
        return shift_point(c, ctx, None, unit)
    return Reading(c.rule.type, duration_value(None, unit), c.mod)


def set_word(c: Candidate, ctx: Context) -> Reading:
    """``annual`` -> ``P1Y``, ``daily`` -> ``P1D``."""
    return Reading(c.rule.type, lx.SET_WORDS[(c.groups["set_word"] or "").lower()])


def set_every(c: Candidate, ctx: Context) -> Reading:
    """``every week`` -> ``P1W``, ``every other week`` -> ``P2W``, ``every Monday`` ->
    ``XXXX-WXX-1``, ``each morning`` -> ``XXXX-XX-XXTMO``, ``every summer`` ->
    ``XXXX-SU``."""
    g = c.groups
    if g.get("weekday"):
        iso = lx.WEEKDAYS[(g["weekday"] or "").lower()] + 1
        return Reading("SET", f"XXXX-WXX-{iso}")
    if g.get("pod"):
        return Reading("SET", f"XXXX-XX-XXT{lx.PARTS_OF_DAY[(g['pod'] or '').lower()]}")
    if g.get("season"):
        return Reading("SET", f"XXXX-{lx.SEASONS[(g['season'] or '').lower()]}")
    number = parse_number(g.get("number")) or Fraction(1)
    if g.get("other"):  # "every other week": every second one
        number *= 2
    return Reading("SET", duration_value(number, unit_of(g)))


_FREQ_WORDS: Final = {"once": 1, "twice": 2, "thrice": 3}
_FREQ_UNITS: Final = {"times": "X", "days": "D", "nights": "D", "hours": "H"}
"""The letter of ``freq``: ``2X`` (twice), ``6D`` (six days a week), ``24H``."""


def set_freq(c: Candidate, ctx: Context) -> Reading:
    """``twice a week`` -> ``P1W`` with ``freq`` ``2X``; ``three times a year`` -> ``P1Y``,
    ``3X``; ``six days a week`` -> ``P1W``, ``6D``."""
    g = c.groups
    word = (g.get("freq") or "").lower()
    count = Fraction(_FREQ_WORDS[word]) if word in _FREQ_WORDS else parse_number(g.get("number"))
    if count is None or count <= 0 or count.denominator != 1:
        raise Unresolvable
    what = _FREQ_UNITS[(g.get("fwhat") or "times").lower()]
    return Reading("SET", duration_value(Fraction(1), unit_of(g)), freq=f"{int(count)}{what}")


def set_rate(c: Candidate, ctx: Context) -> Reading:
    """``a year`` after an amount (``$5 million a year``) -> ``P1Y``; with a count,
    :func:`set_freq`."""
    if c.groups.get("freq"):
        return set_freq(c, ctx)
    return Reading(c.rule.type, duration_value(Fraction(1), (c.groups["unit"] or "").lower()))


def weekday_set(c: Candidate, ctx: Context) -> Reading:
    """``Mondays`` -> ``XXXX-WXX-1``."""
    iso = lx.WEEKDAYS[(c.groups["wplural"] or "").lower()[:-1]] + 1
    return Reading(c.rule.type, f"XXXX-WXX-{iso}")
