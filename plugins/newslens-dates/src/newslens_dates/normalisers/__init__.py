"""Step 4 of reading a text: the TIMEX3 value of each expression, by its grammar rule.

:data:`NORMALISERS` gives the normaliser of each rule of
:data:`newslens_dates.grammar.RULES`, by rule name; each is a function of the
:class:`~newslens_dates.candidates.Candidate` and the
:class:`~newslens_dates.context.Context` that returns a
:class:`~newslens_dates.reading.Reading`. They are grouped by kind:

* :mod:`~newslens_dates.normalisers.dates`: written dates, months, weekdays, years,
  decades, centuries, holidays, seasons;
* :mod:`~newslens_dates.normalisers.times`: days and parts of days, clock times;
* :mod:`~newslens_dates.normalisers.relative`: ``last week``, ``the next day``,
  ``a year ago``, quarters, references (``now``);
* :mod:`~newslens_dates.normalisers.spans`: durations and recurrences.

Their shared arithmetic (which year, which way, counted from what) is in
:mod:`newslens_dates.anchoring`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from newslens_dates.candidates import Candidate
from newslens_dates.context import Context
from newslens_dates.normalisers import dates, relative, spans, times
from newslens_dates.reading import Reading, Unresolvable

Normaliser = Callable[[Candidate, Context], Reading]
"""A normaliser: the reading of a match of its rule."""

NORMALISERS: Final[dict[str, Normaliser]] = {
    # Calendar dates.
    "iso": dates.iso,
    "slash": dates.slash,
    "month_day": dates.month_day,
    "day_month": dates.month_day,
    "month_year": dates.month_day,
    "month": dates.month_day,
    "month_rel_year": dates.month_rel_year,
    "weekday": dates.weekday,
    "weekday_pod": dates.weekday,
    "year": dates.year,
    "written_year": dates.written_year,
    "fiscal": dates.fiscal,
    "year_end": dates.year_end,
    "decade": dates.decade,
    "written_decade": dates.written_decade,
    "century": dates.century,
    "holiday": dates.holiday,
    "season": dates.season,
    # Days, parts of days and clock times.
    "dayword": times.dayword,
    "tonight": times.tonight,
    "this_pod": times.this_pod,
    "clock": times.clock,
    "clock_oclock": times.clock_oclock,
    "clock_weekday": times.clock_weekday,
    "clock_date": times.clock_date,
    # References and relative dates.
    "reference": relative.reference,
    "relative": relative.relative,
    "same": relative.same,
    "anchored": relative.anchored,
    "day_before": relative.anchored,
    "year_ago": relative.year_ago,
    "the_period": relative.the_period,
    "the_quarter": relative.the_quarter,
    "the_year": relative.the_year,
    "quarter": relative.quarter,
    # Durations and recurrences.
    "duration": spans.duration,
    "half_unit": spans.half_unit,
    "vague_units": spans.vague_units,
    "set_word": spans.set_word,
    "set_every": spans.set_every,
    "set_rate": spans.set_rate,
    "weekday_set": spans.weekday_set,
}
"""The normaliser of each grammar rule, by rule name (``year_range`` is split into two
``year`` matches before normalisation, by :func:`newslens_dates.extents.split_range`)."""


def normalise(c: Candidate, ctx: Context) -> Reading:
    """Compute the TIMEX3 reading of one candidate with its rule's normaliser.

    Raises:
        newslens_dates.reading.NeedsDct: when the value depends on a creation time the
            text does not have.
        newslens_dates.reading.Unresolvable: when the match has no sensible value
            (31 February), or its rule has no normaliser.
    """
    normaliser = NORMALISERS.get(c.rule.name)
    if normaliser is None:
        raise Unresolvable
    return normaliser(c, ctx)
