"""What a normaliser returns (a :class:`Reading`), and the two ways it can give up.

A normaliser raises :class:`Unresolvable` when a match has no sensible value
(31 February: not an expression), and :class:`NeedsDct` when its value depends on a
creation time the text does not have (the expression is kept, underspecified).
"""

from __future__ import annotations

import datetime as dt

import attrs

from newslens_dates.calendar import Point, placeholder
from newslens_dates.context import Context


@attrs.frozen
class Reading:
    """What an expression means: type, value, mod, and what it was counted from."""

    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    point: Point | None = None
    comparison: bool = False
    """A year-ago comparison point ("a year earlier"): it does not become the date that
    later relative expressions count from."""
    freq: str | None = None
    """A recurrence's TIMEX3 ``freq`` (``2X``: "twice a week")."""


class Unresolvable(Exception):
    """The expression has no sensible value; drop it."""


class NeedsDct(Exception):
    """The value depends on the creation time, which is unknown.

    Attributes:
        value: The underspecified value to give instead (``XXXX-WXX-4``).
    """

    def __init__(self, grain: str, value: str | None = None) -> None:
        super().__init__(grain)
        self.value = value or placeholder(grain)


def need_dct(ctx: Context, grain: str, value: str | None = None) -> dt.date:
    """Return the creation time of *ctx*.

    Args:
        ctx: The text being read.
        grain: The granularity of the value that needs it (for its placeholder).
        value: The underspecified value to give without one, when it is not just the
            placeholder of *grain* (``XXXX-WXX-4`` keeps the weekday).

    Raises:
        NeedsDct: when the text has no creation time.
    """
    if ctx.dct is None:
        raise NeedsDct(grain, value)
    return ctx.dct
