"""Numbers written in words or digits, and the TIMEX3 values of durations (``P7Y``).

Used by the context checks (a duration of an absurd number of units is no duration)
and by the normalisers of durations, recurrences and shifts (``three years ago``).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from newslens_dates import lexicon as lx


def parse_number(text: str | None) -> Fraction | None:
    """Return the value of a written or digit number (``twenty-four``, ``5 1/2``, ``a``).

    Returns ``None`` for text that is not a number known to the lexicon.
    """
    if text is None:
        return None
    lower = " ".join(text.lower().replace("-", " ").split())
    if lower in lx.NUMBERS:
        return Fraction(lx.NUMBERS[lower])
    half = lower.endswith(" 1/2")
    core = lower.removesuffix(" 1/2").replace(",", "")
    try:
        return Fraction(core) + (Fraction(1, 2) if half else 0)
    except (ValueError, ZeroDivisionError):
        pass
    pieces = lower.split(" ")
    if len(pieces) == 2 and pieces[0] in lx.TENS and pieces[1] in lx.DIGITS:
        return Fraction(lx.TENS[pieces[0]] + lx.DIGITS[pieces[1]])
    return None


def unit_of(groups: dict[str, str | None]) -> str:
    """Return the singular unit a match names, in its ``unit`` or its ``units`` group."""
    if groups.get("unit"):
        return (groups["unit"] or "").lower()
    return lx.UNIT_PLURALS[(groups.get("units") or "").lower()]


def _amount(number: Fraction) -> str:
    if number.denominator == 1:
        return str(number.numerator)
    return f"{float(number):g}"


SMALLER_UNIT: Final = {
    "year": ("M", 12), "week": ("D", 7), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60),
}  # fmt: skip
"""A unit, the code of the next smaller one and how many of those make one: a fraction
of a unit is written in the smaller one when it comes out whole (``P2Y6M``)."""


def duration_value(number: Fraction | None, unit: str) -> str:
    """Return a TIMEX3 duration (``P7Y``, ``PT4H``; ``PXY`` when *number* is unknown)."""
    code = lx.UNITS[unit]
    if unit == "fortnight":
        number, code = (None if number is None else number * 2), "W"
    if unit == "quarter":
        number, code = (None if number is None else number * 3), "M"
    if unit == "weekend":
        number, code = (None if number is None else number * 2), "D"
    if unit in ("decade", "century", "millennium") and number is not None:
        number, code = number * {"decade": 10, "century": 100, "millennium": 1000}[unit], "Y"
    if number is not None and number.denominator != 1 and unit in SMALLER_UNIT:
        whole, part = divmod(number, 1)
        smaller_code, per = SMALLER_UNIT[unit]
        smaller = part * per
        if smaller.denominator == 1:  # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
            head = f"{int(whole)}{code}" if whole else ""
            tail = f"{int(smaller)}{smaller_code}"
            if unit == "day":
                return f"P{head}T{tail}"
            return ("PT" if unit in lx.TIME_UNITS else "P") + head + tail
    amount = "X" if number is None else _amount(number)
    return ("PT" if unit in lx.TIME_UNITS else "P") + amount + code
