"""The results: :class:`Timex` (one expression) and :class:`TimexResult` (a document's)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

TYPES = ("DATE", "TIME", "DURATION", "SET")
"""TIMEX3 types."""


@attrs.frozen
class Timex:
    """One temporal expression, normalised to a TIMEX3 value.

    Its fields:

    ``start``, ``end``, ``text``
        Character offsets in the text, and ``text[start:end]``.
    ``type``
        ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
    ``value``
        The TIMEX3 value (``2024-03-14``, ``2024-W11``, ``P7Y``, ``PRESENT_REF``;
        ``XXXX-WXX-4`` when no creation time was known).
    ``mod``
        The TIMEX3 ``mod`` (``START``, ``END``, ``APPROX``, ``MORE_THAN``...), or ``None``.
    ``anchor``
        What a relative value was counted from: ``"dct"`` (the document creation time),
        the ``tid`` of an earlier expression, or ``None`` for values that need no
        reference (``1998``, ``P7Y``).
    ``tid``
        This expression's identifier (``t1``, ``t2``... in text order).
    ``freq``
        A recurrence's TIMEX3 ``freq``, how often in each period (``2X``: "twice a
        week", value ``P1W``), or ``None``.
    """

    start: int
    end: int
    text: str
    type: str = attrs.field(validator=attrs.validators.in_(TYPES))
    value: str
    mod: str | None = None
    anchor: str | None = None
    tid: str | None = None
    freq: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: ``start``, ``end``, ``text``, ``type``, ``value``, ``mod``,
        ``anchor``, ``tid`` and ``freq``."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "anchor": self.anchor,
            "tid": self.tid,
            "freq": self.freq,
        }


def _timexes(value: Any) -> tuple[Timex, ...]:
    return tuple(value)


def _notes(value: Any) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class TimexResult:
    """A document's temporal expressions, and the creation time they were resolved against.

    Attributes:
        timexes: The expressions in text order.
        dct: The document creation time used, or ``None``.
        dct_source: Where it came from: ``"published"``, ``"byline"``, ``"dateline"``,
            ``"argument"`` (given to :func:`~newslens_dates.find_timexes`), or ``"none"``.
        notes: Why some values are underspecified, when they are.
    """

    timexes: tuple[Timex, ...] = attrs.field(converter=_timexes)
    dct: dt.date | None = None
    dct_source: str = "none"
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)

    def __iter__(self) -> Any:
        return iter(self.timexes)

    def __len__(self) -> int:
        return len(self.timexes)
