"""Calendar points at a granularity, and their TIMEX3 values.

A :class:`Point` is a date plus how much of it is meant (a day, a week, a quarter...).
Arithmetic is done by :mod:`dateutil.relativedelta`; nothing here knows about leap years.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

GRANULARITIES: Final = (
    "day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century",
)  # fmt: skip
"""Granularities a :class:`Point` can have, finest first."""

_SEASON_MONTH: Final = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@attrs.frozen
class Point:
    """A calendar point: the period of granularity *grain* that contains *date*.

    Attributes:
        date: Any day inside the period.
        grain: One of :data:`GRANULARITIES`.
        season: The season code (``SU``...) when *grain* is ``season``.
        pod: A part-of-day code (``MO``, ``NI``...) or a clock time ``HH:MM`` on a day.
    """

    date: dt.date
    grain: str = "day"
    season: str | None = None
    pod: str | None = None

    def value(self) -> str:
        """Return the TIMEX3 value (``2024-03-11``, ``2024-W11``, ``2024-Q1``, ``199``...)."""
        d = self.date
        if self.grain == "day":
            base = d.isoformat()
            if self.pod is None:
                return base
            return f"{base}T{self.pod}"
        if self.grain in ("week", "weekend"):
            year, week, _ = d.isocalendar()
            return f"{year}-W{week:02d}" + ("-WE" if self.grain == "weekend" else "")
        if self.grain == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if self.grain == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.grain == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if self.grain == "season":
            return f"{d.year:04d}-{self.season or 'XX'}"
        if self.grain == "decade":
            return f"{d.year // 10:03d}"
        if self.grain == "century":
            return f"{d.year // 100:02d}"
        return f"{d.year:04d}"

    def shift(self, amount: int, unit: str) -> Point:
        """Return the point *amount* units later (earlier when negative).

        Args:
            amount: How many units.
            unit: ``day``, ``week``, ``weekend``, ``month``, ``quarter``, ``half``,
                ``season``, ``year``, ``decade`` or ``century``.
        """
        months = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12,
                  "decade": 120, "century": 1200}  # fmt: skip
        if unit in ("day",):
            delta = relativedelta(days=amount)
        elif unit in ("week", "weekend"):
            delta = relativedelta(weeks=amount)
        else:
            delta = relativedelta(months=amount * months.get(unit, 12))
        return attrs.evolve(self, date=self.date + delta)


def season_point(year: int, code: str) -> Point:
    """Return the season *code* (``SU``...) of *year* as a :class:`Point`."""
    return Point(dt.date(year, _SEASON_MONTH.get(code, 1), 1), "season", season=code)


def season_of(day: dt.date) -> str:
    """Return the (northern) season code of *day*."""
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU",
            8: "SU"}.get(day.month, "FA")  # fmt: skip


def placeholder(grain: str) -> str:
    """Return the underspecified TIMEX3 value of a *grain* point without a reference date."""
    return {
        "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
        "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX",
        "decade": "XXX", "century": "XX",
    }.get(grain, "XXXX")  # fmt: skip


def closest(candidates: list[dt.date], reference: dt.date, direction: int) -> dt.date:
    """Pick the candidate that *direction* points to, from *reference*.

    Args:
        candidates: Possible dates (for example a weekday in three weeks).
        reference: The date counted from.
        direction: -1: the latest candidate on or before *reference*; 1: the
            earliest after it; 0: the nearest one (the earlier on a tie).

    Returns:
        The chosen candidate (the nearest one when none lies in *direction*).
    """
    if direction < 0:
        before = [c for c in candidates if c <= reference]
        if before:
            return max(before)
    elif direction > 0:
        after = [c for c in candidates if c > reference]
        if after:
            return min(after)
    return min(candidates, key=lambda c: (abs((c - reference).days), c))
