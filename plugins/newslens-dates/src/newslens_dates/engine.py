"""Finding expressions with the grammar and normalising them to TIMEX3 values."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Final

import attrs
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from newslens_dates import grammar
from newslens_dates import lexicon as lx
from newslens_dates.calendar import Point, closest, placeholder, season_of, season_point
from newslens_dates.model import Timex
from newslens_dates.tense import FUTURE, PAST, UNKNOWN, Word, clause_tense, words_from_text

_WEEKDAY_FUNCS: Final = (MO, TU, WE, TH, FR, SA, SU)
_LEFT_CHARS: Final = 160  # how much text before an expression its clause may span
_RIGHT_CHARS: Final = 60
_NEAR_CHARS: Final = 40
_MAX_SHIFT: Final = 10_000  # units; beyond this a number is not a time span we can place


@attrs.frozen
class Candidate:
    """A grammar match before normalisation."""

    start: int
    end: int
    rule: grammar.Rule
    groups: dict[str, str | None]
    mod: str | None = None
    shift: str | None = None
    approx: bool = False


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


class _Unresolvable(Exception):
    """The expression has no sensible value; drop it."""


# -- numbers -------------------------------------------------------------------------


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


def _unit_of(groups: dict[str, str | None]) -> str:
    if groups.get("unit"):
        return (groups["unit"] or "").lower()
    return lx.UNIT_PLURALS[(groups.get("units") or "").lower()]


def _amount(number: Fraction) -> str:
    if number.denominator == 1:
        return str(number.numerator)
    return f"{float(number):g}"


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
    if number is not None and number.denominator != 1 and unit in _SMALLER_UNIT:
        whole, part = divmod(number, 1)
        smaller_code, per = _SMALLER_UNIT[unit]
        smaller = part * per
        if smaller.denominator == 1:  # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
            head = f"{int(whole)}{code}" if whole else ""
            tail = f"{int(smaller)}{smaller_code}"
            if unit == "day":
                return f"P{head}T{tail}"
            return ("PT" if unit in lx.TIME_UNITS else "P") + head + tail
    amount = "X" if number is None else _amount(number)
    return ("PT" if unit in lx.TIME_UNITS else "P") + amount + code


_SMALLER_UNIT: Final = {
    "year": ("M", 12), "week": ("D", 7), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60),
}  # fmt: skip
"""A unit, the code of the next smaller one and how many of those make one: a fraction
of a unit is written in the smaller one when it comes out whole (``P2Y6M``)."""


# -- the engine --------------------------------------------------------------------------


@attrs.define
class Context:
    """One text being read: its words, its creation time, and the dates seen so far.

    Attributes:
        text: The text.
        dct: The document creation time, or ``None``.
        words: The text's words (with tags) when an annotator gave them; ``None`` to
            split only the text around each expression, when it is needed.
    """

    text: str
    dct: dt.date | None
    words: Sequence[Word] | None
    starts: list[int] = attrs.field(init=False)
    last_day: Point | None = None
    last_point: Point | None = None
    last_anchor: str | None = None
    last_end: int | None = None
    last_day_end: int | None = None

    def __attrs_post_init__(self) -> None:
        self.starts = [w.start for w in self.words or ()]

    def around(self, start: int, end: int) -> tuple[Sequence[Word], list[int]]:
        """Return the words (and their starts) to look at for ``[start, end)``."""
        if self.words is not None:
            return self.words, self.starts
        words = words_from_text(self.text, max(0, start - _LEFT_CHARS), end + _RIGHT_CHARS)
        return words, [w.start for w in words]

    def near(self, offset: int) -> tuple[Sequence[Word], list[int]]:
        """Return the words (and their starts) a few words either side of *offset*."""
        if self.words is not None:
            return self.words, self.starts
        words = words_from_text(self.text, max(0, offset - _NEAR_CHARS), offset + _NEAR_CHARS)
        return words, [w.start for w in words]

    def tense(self, start: int, end: int, strong: bool = False) -> int:
        """Return the tense of the clause around ``[start, end)`` (see ``clause_tense``)."""
        words, starts = self.around(start, end)
        if not words:
            return UNKNOWN
        return clause_tense(words, starts, start, end, strong)

    def word_before(self, start: int) -> Word | None:
        """Return the word just before *start*, or ``None``, with its clause number."""
        words, starts = self.near(start)
        index = bisect.bisect_left(starts, start) - 1
        return words[index] if index >= 0 else None

    def same_clause(self, start: int) -> bool:
        """Whether the word before *start* is in the clause of the word at *start*."""
        words, starts = self.near(start)
        index = bisect.bisect_left(starts, start)
        return 0 < index < len(words) and words[index - 1].clause == words[index].clause

    def previous_word(self, start: int) -> str:
        """Return the word just before *start* (lower case, ``""`` at the beginning)."""
        word = self.word_before(start)
        return word.text.lower() if word is not None else ""

    def next_word(self, end: int) -> str:
        """Return the word just after *end* (lower case, ``""`` at the end)."""
        words, starts = self.near(end)
        index = bisect.bisect_left(starts, end)
        return words[index].text.lower() if index < len(words) else ""


def _month(name: str | None) -> int:
    return lx.MONTHS[(name or "").lower().rstrip(".")]


def _is_capitalised(text: str | None) -> bool:
    return bool(text) and (text or "")[:1].isupper()


# Context checks: a match that fails its rule's check is not an expression.


def _accept(c: Candidate, ctx: Context) -> bool:
    g, name = c.groups, c.rule.name
    text = ctx.text[c.start : c.end]
    if g.get("month") and not _is_capitalised(g["month"]):
        return False
    if g.get("weekday") and not _is_capitalised(g["weekday"]):
        return False
    if name == "month":
        month = (g["month"] or "").lower()
        if month not in lx.AMBIGUOUS_MONTHS:
            return len(month) > 3
        previous = ctx.previous_word(c.start)
        # "May" and "March" alone: the month after a lower-case word ("from May to July"),
        # never at the start of a sentence, nor after a name ("Theresa May").
        if month in ("may", "march") and previous in _MONTH_PREPOSITIONS and ctx.same_clause(
            c.start
        ):
            return True
        return month in ("may", "march") and previous[:1].isalpha() and _lower_before(c, ctx)
    if name == "weekday":
        return (g["weekday"] or "").lower() in lx.FULL_WEEKDAYS
    if name in ("month_day", "day_month") and (g.get("month") or "").lower() == "may":
        return True
    if name == "year":
        previous, following = ctx.previous_word(c.start), ctx.next_word(c.end)
        if following == "-" and not re.match(r"-\s*\d", ctx.text[c.end : c.end + 4]):
            following = ""  # a dash ("in 1984 -- part of"), not a range or a compound
        if following == "to" and previous in ("in", "from", "since") and _year_to(c, ctx):
            following = ""  # "from 1991 to 1997", "in 1980 to more than 300,000"
        if following in lx.NOT_YEAR_FOLLOWERS or previous in ("$", "no", "number", "#", "flight"):
            return False
        year = int(g["year"] or 0)
        if previous in lx.YEAR_CONTEXT or text.lower().startswith("the year"):
            return 1000 <= year <= 2100
        return 1900 <= year <= 2050
    if name == "season":
        has_year = bool(g.get("year"))
        previous = ctx.previous_word(c.start)
        if has_year:
            return True
        if ctx.next_word(c.end) == "of":  # "the fall of the regime"
            return False
        if previous in ("early", "late", "mid"):  # "the early summer"
            return True
        return text.lower().startswith("the ") and previous in lx.SEASON_CONTEXT
    if name == "set_word" and ctx.next_word(c.end) in lx.RATE_NOUNS:
        return False
    if name == "set_rate":
        previous = ctx.previous_word(c.start)
        return previous in ("times", "once", "twice", "thrice") or bool(
            re.fullmatch(r"\d[\d.,]*|million|billion|thousand|hundred|cents?|dollars?", previous)
        )
    if name == "reference":
        ref = (g["reference"] or "").lower()
        if ref == "current":  # "current" as an adjective of a time noun or a role
            return ctx.next_word(c.end) not in ("account", "accounts", "events", "affairs",
                                                "flows", "flow", "assets", "liabilities")
        if ref == "future":
            return ctx.previous_word(c.start) in ("the", "near", "foreseeable", "in", "for")
        if ref == "once":
            return False
    if name == "vague_units":
        if g.get("vdir") or ctx.next_word(c.end) == "ago":
            return True
        return ctx.previous_word(c.start) in ("for", "in", "over", "within", "take", "took")
    if name == "the_quarter":
        return (
            (g.get("period") or "").lower() in ("quarter", "weekend")
            or ctx.previous_word(c.start) in _THE_PERIOD_CONTEXT
            or _PART_OF.search(ctx.text, max(0, c.start - 20), c.start) is not None
        )
    if name == "this_pod" and (g.get("pdir") or "").lower() == "the":
        # "the night of Oct. 23", "the night the plane went down": the part of a day named
        # by what follows (a date, or a clause), which the article alone cannot place
        return ctx.next_word(c.end) not in _DEFINED_AFTER
    if name == "clock_oclock":
        return True
    if name == "duration" and re.match(r"(?:-|\s+)old\b", ctx.text[c.end : c.end + 6]):
        return False  # an age ("a 6-year-old boy"), not a duration
    if name == "duration" and g.get("number"):
        number = parse_number(g["number"])
        return number is not None and number <= _MAX_SHIFT
    return True


_PART_OF: Final = re.compile(
    r"\b(?:end|beginning|start|middle|rest|remainder|close|course|balance) of\s+$", re.I
)
"""A part of a period before it: "the end of |the month"."""

_DEFINED_AFTER: Final = frozenset(
    {"of", "the", "a", "an", "that", "when", "he", "she", "they", "we", "i", "it", "his",
     "her", "their", "its", "our", "my", "before", "after"}
)  # fmt: skip
"""Words after "the night" (or another part of the day) that say which day it is."""

_THE_PERIOD_CONTEXT: Final = frozenset({"this", "during", "earlier", "later", "in", "for", "all"})
"""Words before "the week" or "the month" that make it the current one."""

_MONTH_PREPOSITIONS: Final = frozenset(
    {"in", "since", "until", "till", "by", "from", "through", "during", "early", "late", "mid",
     "last", "next", "this", "before", "after"}
)  # fmt: skip
"""Words after which "May" and "March" are months, even at the start of a sentence."""


_TO_AMOUNT: Final = re.compile(r"\s*to\s+[\d,.]+\s+(?P<noun>[\w-]+)")


def _year_to(c: Candidate, ctx: Context) -> bool:
    """Whether a number of a year's shape before *to* is a year: a likely year, not
    followed by an amount of something (``from 1200 to 1500 people``)."""
    if not 1900 <= int(c.groups.get("year") or 0) <= 2050:
        return False
    amount = _TO_AMOUNT.match(ctx.text, c.end, c.end + 40)
    return amount is None or amount.group("noun").lower() not in lx.NOT_YEAR_FOLLOWERS


def _lower_before(c: Candidate, ctx: Context) -> bool:
    word = ctx.word_before(c.start)
    if word is None or not ctx.same_clause(c.start):
        return False
    return word.text[:1].islower() and word.text.lower() not in ("i", "you", "we", "they", "he",
                                                                  "she", "it")


def _starts(text: str) -> list[int]:
    """Return the offsets where a rule may match, in text order."""
    starts: list[int] = []
    for trigger in grammar.TRIGGER.finditer(text):
        start = trigger.start()
        lead = grammar.LEADING_BEFORE.search(text, max(0, start - 12), start)
        if lead is not None and (not starts or starts[-1] < lead.start()):
            starts.append(lead.start())
        if not starts or starts[-1] < start:
            starts.append(start)
    return starts


def matches(text: str, exhaustive: bool = False) -> set[tuple[int, int, str]]:
    """Return ``(start, end, rule name)`` of every rule match in *text* (before any check).

    Args:
        text: The text.
        exhaustive: Try every rule at every offset, instead of only where
            :data:`newslens_dates.grammar.TRIGGER` points (slow; for tests).
    """
    offsets = range(len(text)) if exhaustive else _starts(text)
    found = set()
    for start in offsets:
        if not exhaustive and grammar.ANY_RULE.match(text, start) is None:
            continue
        for compiled in grammar.COMPILED:
            match = compiled.pattern.match(text, start)
            if match is not None:
                found.add((start, match.end(), compiled.rule.name))
    return found


def find_candidates(ctx: Context) -> list[Candidate]:
    """Run every rule over the text; return accepted, non-overlapping matches in text order.

    Longer matches win over shorter ones they overlap; among equally long ones the rule
    with the higher priority wins.
    """
    found: list[Candidate] = []
    for start in _starts(ctx.text):
        if grammar.ANY_RULE.match(ctx.text, start) is None:
            continue
        for compiled in grammar.COMPILED:
            match = compiled.pattern.match(ctx.text, start)
            if match is not None:
                candidate = Candidate(start, match.end(), compiled.rule, match.groupdict())
                if _accept(candidate, ctx):
                    found.append(candidate)
    found.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken: list[Candidate] = []
    starts: list[int] = []
    for candidate in found:
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and taken[index - 1].end > candidate.start:
            continue
        if index < len(taken) and taken[index].start < candidate.end:
            continue
        taken.insert(index, candidate)
        starts.insert(index, candidate.start)
    return taken


def extend(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Take in modifiers before and shift words after each candidate (``more than``, ``ago``)."""
    result: list[Candidate] = []
    for index, c in enumerate(candidates):
        floor = result[-1].end if result else 0
        ceiling = candidates[index + 1].start if index + 1 < len(candidates) else len(ctx.text)
        before = ctx.text[max(floor, c.start - 30) : c.start]
        kind = c.rule.type
        if c.rule.name == "duration" and not c.groups.get("ddir") and c.groups.get("unit"):
            lead = re.match(r"the\s+", ctx.text[c.start : c.end], re.I)
            if lead:  # "the four-hour session": the article belongs to the noun
                c = attrs.evolve(c, start=c.start + lead.end())
        if kind in ("DURATION", "TIME") or c.rule.name in ("set_every",):
            match = grammar.DURATION_MOD_BEFORE.search(before)
            if match and not (kind == "TIME" and match.group("mod").lower() == "about"):
                mod = lx.DURATION_MODS[" ".join(match.group("mod").lower().split())]
                c = attrs.evolve(c, start=c.start - len(before) + match.start("mod"), mod=mod)
        if kind == "DURATION":
            after = ctx.text[c.end : min(ceiling, c.end + 20)]
            shift = grammar.SHIFT_AFTER.match(after)
            if shift:
                word = " ".join(shift.group("shift").lower().split())
                rest = ctx.text[c.end + shift.end() : c.end + shift.end() + 3]
                if word in ("before", "after") and not re.match(r"\s*(?:[,.;)]|$)", rest):
                    shift = None
                if shift:
                    c = attrs.evolve(c, end=c.end + shift.end(), shift=word)
        if kind == "DATE" and c.rule.name not in ("decade", "century", "reference"):
            before = ctx.text[max(floor, c.start - 30) : c.start]
            match = grammar.POINT_MOD_BEFORE.search(before)
            if match:
                word = " ".join(match.group("mod").lower().split())
                if word in lx.EXTENT_POINT_MODS:
                    start = c.start - len(before) + match.start("mod")
                    c = attrs.evolve(c, start=start, mod=lx.POINT_MODS[word])
        after = ctx.text[c.end : min(ceiling, c.end + 12)]
        or_so = grammar.OR_SO_AFTER.match(after)
        if or_so:
            c = attrs.evolve(c, end=c.end + or_so.end(), approx=True)
        result.append(c)
    return result


# -- normalisers -------------------------------------------------------------------------


def _no_dct(grain: str) -> Reading:
    raise _NeedsDct(grain)


class _NeedsDct(Exception):
    def __init__(self, grain: str, value: str | None = None) -> None:
        super().__init__(grain)
        self.value = value or placeholder(grain)


def _dct(ctx: Context, grain: str, value: str | None = None) -> dt.date:
    if ctx.dct is None:
        raise _NeedsDct(grain, value)
    return ctx.dct


def _year_of(text: str | None, ctx: Context) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    base = ctx.dct.year if ctx.dct else 2000
    year = (base // 100) * 100 + int(digits)
    return year - 100 if year > base + 20 else year


def _direction(c: Candidate, ctx: Context, default: int, strong: bool = False) -> int:
    tense = ctx.tense(c.start, c.end, strong)
    return tense if tense != UNKNOWN else default


def _day_or_month(c: Candidate, ctx: Context, month: int, day: int | None) -> Point:
    year = _year_of(c.groups.get("year"), ctx)
    grain = "month" if day is None else "day"
    if year is None:
        reference = _dct(ctx, grain, f"XXXX-{month:02d}" + ("" if day is None else f"-{day:02d}"))
        year = _year_without_one(reference, month, day, _direction(c, ctx, UNKNOWN))
    try:
        return Point(dt.date(year, month, day or 1), grain)
    except ValueError:
        raise _Unresolvable from None


_FAR_DAYS: Final = 90
"""A day of a month this many days or fewer from the creation time is taken in the
nearest year whatever the tense of its clause (``payable Dec. 15``)."""

_NEAR_FUTURE_MONTHS: Final = 4
"""A month alone in a clause of unknown tense is taken in the future only this close."""


def _year_without_one(reference: dt.date, month: int, day: int | None, tense: int) -> int:
    """Return the year of a month (or a day of a month) written without one.

    A day is put in the nearest year, unless that is more than :data:`_FAR_DAYS` away
    against the tense of its clause (``the year ended March 31`` in November is the
    March before). A month follows the tense of its clause; in a clause of unknown
    tense it is the latest such month up to the creation time, or the next one when
    that is at most :data:`_NEAR_FUTURE_MONTHS` ahead (news reports mostly the past).
    """
    years = (reference.year - 1, reference.year, reference.year + 1)
    if day is not None:
        options = []
        for y in years:
            try:
                options.append(dt.date(y, month, day))
            except ValueError:
                continue
        if not options:
            raise _Unresolvable
        nearest = closest(options, reference, 0)
        if abs((nearest - reference).days) > _FAR_DAYS and (
            (tense == PAST and nearest > reference) or (tense == FUTURE and nearest < reference)
        ):
            return closest(options, reference, tense).year
        return nearest.year
    ahead = (month - reference.month) % 12
    if tense == PAST:
        return reference.year - (1 if month > reference.month else 0)
    if tense == FUTURE:
        return reference.year + (1 if month < reference.month else 0)
    if ahead == 0 or ahead > _NEAR_FUTURE_MONTHS:
        return reference.year - (1 if month > reference.month else 0)
    return reference.year + (1 if month < reference.month else 0)


def _weekday_point(c: Candidate, ctx: Context, weekday: int, pod: str | None) -> Point:
    iso = weekday + 1
    reference = _dct(ctx, "day", f"XXXX-WXX-{iso}" + (f"T{pod}" if pod else ""))
    if _direction(c, ctx, PAST, strong=True) == FUTURE:  # the next one, after the reference
        chosen = reference + relativedelta(days=1, weekday=_WEEKDAY_FUNCS[weekday](+1))
    else:  # the last one, on or before the reference day
        chosen = reference + relativedelta(weekday=_WEEKDAY_FUNCS[weekday](-1))
    return Point(chosen, "day", pod=pod)


def _relative_unit(
    ctx: Context, c: Candidate, offset: int, unit: str, anchored: bool
) -> tuple[Point, str]:
    grain = {"weekend": "weekend", "fortnight": "week"}.get(unit, unit)
    if grain not in ("day", "week", "weekend", "month", "quarter", "year", "decade", "century"):
        raise _Unresolvable
    base, anchor = _reference(ctx, grain, anchored)
    if grain == "quarter" and offset == 0 and not anchored:
        return Point(base - relativedelta(days=45), "quarter"), anchor
    return Point(base, grain).shift(offset, grain), anchor


def _reference(ctx: Context, grain: str, anchored: bool) -> tuple[dt.date, str]:
    if anchored and ctx.last_day is not None and grain in ("day", "week", "weekend"):
        return ctx.last_day.date, ctx.last_anchor or "dct"
    if anchored and ctx.last_point is not None:
        return ctx.last_point.date, ctx.last_anchor or "dct"
    return _dct(ctx, grain), "dct"


def _shift_point(c: Candidate, ctx: Context, number: Fraction | None, unit: str) -> Reading:
    word = c.shift or "ago"
    sign = lx.SHIFT_WORDS[word]
    grain = {"fortnight": "week", "weekend": "week", "second": "day", "minute": "day",
             "hour": "day"}.get(unit, unit)  # fmt: skip
    if unit in ("second", "minute", "hour"):
        grain = "time"
    from_dct = word in lx.DCT_SHIFTS
    if number is not None and number.denominator != 1 and unit in _SMALLER_UNIT:
        # "a minute and a half later": no calendar point to shift; the span is what it says
        return Reading("DURATION", duration_value(number, unit), c.mod)
    if number is None or number.denominator != 1:
        if from_dct or ctx.last_point is None:
            return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", c.mod, "dct")
        # "a few days later": no point to count to; the span is what it says
        return Reading("DURATION", duration_value(number, unit), c.mod)
    comparison = unit == "year"
    if not from_dct and (ctx.last_point is not None):
        base = ctx.last_point
        anchor = ctx.last_anchor or "dct"
        if _finer(grain, base.grain):
            base = attrs.evolve(base, grain=grain if grain != "time" else "day", pod=None)
        elif grain != "time":
            base = attrs.evolve(base, pod=None)  # "this morning ... a year earlier": a day
        amount = int(number) * sign
        shifted = _shift_by(base, amount, unit)
        return Reading("DATE", shifted.value(), c.mod, anchor, shifted, comparison)
    reference = _dct(ctx, grain if grain != "time" else "day")
    base = Point(reference, grain if grain != "time" else "day")
    period = _period_in_focus(ctx, c)
    if unit == "year" and period is not None:  # "a year ago" beside "the third quarter"
        shifted = period.shift(int(number) * sign, "year")
        return Reading("DATE", shifted.value(), c.mod, ctx.last_anchor, shifted, comparison)
    shifted = _shift_by(base, int(number) * sign, unit)
    return Reading("DATE", shifted.value(), c.mod, "dct", shifted, comparison)


_FOCUS_CHARS: Final = 400
_DAY_FOCUS_CHARS: Final = 250


def _recent_day(ctx: Context, c: Candidate) -> dt.date | None:
    """Return the day mentioned just before *c* (a clock time is on that day), if any."""
    if ctx.last_day is None or ctx.last_day_end is None:
        return None
    return ctx.last_day.date if c.start - ctx.last_day_end <= _DAY_FOCUS_CHARS else None


def _period_in_focus(ctx: Context, c: Candidate) -> Point | None:
    """Return the quarter or half under discussion just before *c*, if there is one."""
    point = ctx.last_point
    if point is None or point.grain not in ("quarter", "half") or ctx.last_end is None:
        return None
    return point if c.start - ctx.last_end <= _FOCUS_CHARS else None


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


def _quarter(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    ordinal = lx.ORDINALS[(g.get("ordinal") or "").lower()]
    part = (g.get("part") or "quarter").lower()
    count = {"quarter": 4, "half": 2, "trimester": 3}[part]
    if ordinal == -1:
        ordinal = count
    if not 1 <= ordinal <= count:
        raise _Unresolvable
    year: int | None = _year_of(g.get("year") or g.get("qyear"), ctx) if (
        g.get("year") or (g.get("qyear") or "")[:1].isdigit()
    ) else None
    anchor = None
    code = {"quarter": "Q", "half": "H", "trimester": "T"}[part]
    if year is None:
        relative = (g.get("qrel") or g.get("qyear") or "").lower()
        shift = -1 if relative.startswith("last") else 1 if relative.startswith("next") else 0
        reference = _dct(ctx, "quarter", f"XXXX-{code}{ordinal}")
        anchor = "dct"
        year = reference.year + shift
        if not relative:
            current = (reference.month - 1) // (12 // count) + 1
            if ordinal > current and _direction(c, ctx, PAST) == PAST:
                year -= 1
    return Reading("DATE", f"{year:04d}-{code}{ordinal}", c.mod, anchor,
                   Point(dt.date(year, (ordinal - 1) * (12 // count) + 1, 1), "quarter"))


def _set_every(c: Candidate) -> Reading:
    g = c.groups
    if g.get("weekday"):
        iso = lx.WEEKDAYS[(g["weekday"] or "").lower()] + 1
        return Reading("SET", f"XXXX-WXX-{iso}")
    if g.get("pod"):
        return Reading("SET", f"TXX{lx.PARTS_OF_DAY[(g['pod'] or '').lower()]}")
    number = parse_number(g.get("number")) or Fraction(1)
    return Reading("SET", duration_value(number, _unit_of(g)))


def _n_iso(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    day = dt.date(int(g["year"] or 0), int(g["mnum"] or 0), int(g["dnum"] or 0))
    return Reading(kind, day.isoformat(), c.mod, None, Point(day))


def _n_slash(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    year = _year_of(g["yy"], ctx) or 0
    day = dt.date(year, int(g["mnum"] or 0), int(g["dnum"] or 0))
    return Reading(kind, day.isoformat(), c.mod, None, Point(day))


def _n_month_day(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    day_number = int(g["day"] or 0) if g.get("day") else None
    point = _day_or_month(c, ctx, _month(g["month"]), day_number)
    anchor = None if g.get("year") else "dct"
    return Reading(kind, point.value(), c.mod, anchor, point)


def _n_month_rel_year(c: Candidate, ctx: Context) -> Reading:
    """``January this year``, ``June 5 last year``: the month (or day) in that year."""
    g = c.groups
    month = _month(g["month"])
    day = int(g["day"] or 0) if g.get("day") else None
    grain = "month" if day is None else "day"
    placeholder_value = f"XXXX-{month:02d}" + ("" if day is None else f"-{day:02d}")
    offset = lx.RELATIVE_DIRECTIONS[(g["ryear"] or "").lower()]
    year = _dct(ctx, grain, placeholder_value).year + offset
    try:
        point = Point(dt.date(year, month, day or 1), grain)
    except ValueError:
        raise _Unresolvable from None
    return Reading(c.rule.type, point.value(), c.mod, "dct", point)


def _n_weekday(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    pod = lx.PARTS_OF_DAY[(g["pod"] or "").lower()] if g.get("pod") else None
    point = _weekday_point(c, ctx, lx.WEEKDAYS[(g["weekday"] or "").lower()], pod)
    return Reading("TIME" if pod else "DATE", point.value(), c.mod, "dct", point)


def _n_clock_weekday(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    day = _weekday_point(c, ctx, lx.WEEKDAYS[(g["weekday"] or "").lower()], None)
    point = attrs.evolve(day, pod=_clock(g))
    return Reading("TIME", point.value(), c.mod, "dct", point)


def _n_clock_date(c: Candidate, ctx: Context) -> Reading:
    day = _day_or_month(c, ctx, _month(c.groups["month"]), int(c.groups["day"] or 0))
    point = attrs.evolve(day, pod=_clock(c.groups))
    return Reading("TIME", point.value(), c.mod, None if c.groups.get("year") else "dct", point)


def _n_written_year(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    if g.get("wmill"):
        year = 2000 + int(parse_number(g.get("wunit")) or 0)
    else:
        tail = (g.get("wyear") or "").lower()
        year = (1900 if (g.get("wcent") or "").lower() == "nineteen" else 1800) + (
            0 if tail == "hundred" else int(parse_number(tail) or 0)
        )
    return Reading(kind, f"{year:04d}", c.mod, None, Point(dt.date(year, 1, 1), "year"))


def _n_year(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    year = int(g["year"] or 0)
    return Reading(kind, f"{year:04d}", c.mod, None, Point(dt.date(year, 1, 1), "year"))


def _n_decade(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    if not g.get("decade"):
        reference = ctx.dct.year if ctx.dct else 2000
        tens = int(g.get("decade_short") or 0)
        century = reference // 100
        decade = century * 10 + tens // 10
        if decade * 10 > reference:
            decade -= 10
    else:
        decade = int(g["decade"] or 0) // 10
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((g.get("dmod") or "").lower())
    return Reading(kind, f"{decade:03d}", mod or c.mod, None,
                   Point(dt.date(decade * 10, 1, 1), "decade"))


def _n_written_decade(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    tens = lx.WRITTEN_DECADES[(g["wdecade"] or "").lower()]
    decade = 190 + tens
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((g.get("dmod") or "").lower())
    return Reading(c.rule.type, f"{decade:03d}", mod or c.mod, None,
                   Point(dt.date(decade * 10, 1, 1), "decade"))


def _n_year_end(c: Candidate, ctx: Context) -> Reading:
    point = Point(_dct(ctx, "year"), "year")
    return Reading(c.rule.type, point.value(), c.mod or "END", "dct", point)


def _n_century(c: Candidate, ctx: Context) -> Reading:
    g, kind = c.groups, c.rule.type
    ordinal = lx.ORDINALS[(g["ordinal"] or "").lower()]
    if ordinal < 1:
        raise _Unresolvable
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((g.get("dmod") or "").lower())
    return Reading(kind, f"{ordinal - 1:02d}", mod or c.mod, None,
                   Point(dt.date(max(1, (ordinal - 1) * 100), 1, 1), "century"))


def _n_holiday(c: Candidate, ctx: Context) -> Reading:
    return _holiday(c, ctx)


def _n_dayword(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    offset = lx.DAY_WORDS[(g["dayword"] or "").lower()]
    pod = lx.PARTS_OF_DAY[(g["pod"] or "").lower()] if g.get("pod") else None
    reference = _dct(ctx, "day", "XXXX-XX-XX" + (f"T{pod}" if pod else ""))
    point = Point(reference + relativedelta(days=offset), "day", pod=pod)
    return Reading("TIME" if pod else "DATE", point.value(), c.mod, "dct", point)


def _n_tonight(c: Candidate, ctx: Context) -> Reading:
    reference = _dct(ctx, "day", "XXXX-XX-XXTNI")
    point = Point(reference, "day", pod="NI")
    return Reading("TIME", point.value(), c.mod, "dct", point)


def _n_this_pod(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    pod = lx.PARTS_OF_DAY[(g["pod"] or "").lower()]
    direction = (g.get("pdir") or "").lower()
    reference = _dct(ctx, "day", f"XXXX-XX-XXT{pod}")
    if direction == "last":
        reference = reference - relativedelta(days=1) if pod != "NI" else reference
        if pod == "NI":
            reference -= relativedelta(days=1)
    elif direction == "the" and ctx.last_day is not None:
        reference = ctx.last_day.date
    point = Point(reference, "day", pod=pod)
    return Reading("TIME", point.value(), c.mod, "dct", point)


_DAY_AFTER_CLOCK: Final = re.compile(
    r"[^.;!?\n]{0,24}?\b(" + "|".join(n for n in lx.WEEKDAYS if len(n) > 4) + r")\b",
    re.IGNORECASE,
)
"""A full weekday name shortly after a clock time, in the same sentence:
"at about 10:35 a.m. (0735 GMT) Friday" is on that Friday."""


def _day_after(ctx: Context, c: Candidate) -> dt.date | None:
    """Return the weekday named just after the clock time *c*, resolved, if there is one."""
    match = _DAY_AFTER_CLOCK.match(ctx.text, c.end)
    if match is None or ctx.dct is None:
        return None
    return _weekday_point(c, ctx, lx.WEEKDAYS[match.group(1).lower()], None).date


def _n_clock(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    reference = (
        _recent_day(ctx, c)
        or _day_after(ctx, c)
        or _dct(ctx, "day", f"XXXX-XX-XXT{_clock(g)}")
    )
    point = Point(reference, "day", pod=_clock(g))
    return Reading("TIME", point.value(), c.mod, "dct", point)


def _n_clock_oclock(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    word = (g.get("hour_word") or "").lower()
    hour = int(word) if word.isdigit() else lx.NUMBERS.get(word, 0)
    if not 0 <= hour <= 24:
        raise _Unresolvable
    reference = _recent_day(ctx, c) or _dct(ctx, "day", f"XXXX-XX-XXT{hour:02d}:00")
    point = Point(reference, "day", pod=f"{hour:02d}:00")
    return Reading("TIME", point.value(), c.mod, "dct", point)


def _n_reference(c: Candidate, ctx: Context) -> Reading:
    kind = c.rule.type
    lower = ctx.text[c.start : c.end].lower()
    return Reading(kind, lx.REFERENCES[" ".join(lower.split())], c.mod, None)


def _n_relative(c: Candidate, ctx: Context) -> Reading:
    return _relative(c, ctx)


def _n_year_ago(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    unit = (g.get("ago_unit") or "").lower()
    reference = _dct(ctx, "year")
    period = _period_in_focus(ctx, c)
    if unit in ("quarter", "period") or (not unit and period is not None):
        base = period or Point(reference - relativedelta(days=45), "quarter")
    elif unit == "month":
        base = Point(reference, "month")
    else:
        base = Point(reference, "year")
    point = base.shift(-1, "year")
    return Reading(kind, point.value(), c.mod, "dct", point, comparison=True)


def _n_the_period(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    period = (g.get("period") or "").lower()
    reference = _dct(ctx, "quarter" if period != "year" else "year")
    if period == "year" and (g.get("qadj") or "").lower() == "fiscal":
        return Reading("DURATION", "P1Y", c.mod)  # as "the fiscal year" in the_year
    if period == "year":
        point = Point(reference, "year")
    else:
        focus = _quarter_in_focus(ctx, c)
        if focus is not None and (g.get("qadj") or "").lower() not in ("current",):
            return Reading(kind, focus.value(), c.mod, ctx.last_anchor, focus)
        point = Point(reference - relativedelta(days=45), "quarter")
    return Reading(kind, point.value(), c.mod, "dct", point)


def _quarter_in_focus(ctx: Context, c: Candidate) -> Point | None:
    """Return the quarter under discussion just before *c* ("the quarter" then means it)."""
    period = _period_in_focus(ctx, c)
    return period if period is not None and period.grain == "quarter" else None


def _n_the_quarter(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    period = (g.get("period") or "").lower()
    grain = {"quarter": "quarter", "week": "week", "month": "month",
             "weekend": "weekend"}[period]  # fmt: skip
    reference = _dct(ctx, grain)
    if grain == "quarter":
        focus = _quarter_in_focus(ctx, c)
        if focus is not None:
            return Reading(kind, focus.value(), c.mod, ctx.last_anchor, focus)
        point = Point(reference - relativedelta(days=45), "quarter")
    elif grain == "weekend" and ctx.last_day is not None:
        point = Point(ctx.last_day.date, "weekend")
    else:
        point = Point(reference, grain)
    return Reading(kind, point.value(), c.mod, "dct", point)


def _n_the_year(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    if g.get("year_ended") or (g.get("yadj") or "").lower() == "fiscal":
        return Reading("DURATION", "P1Y", c.mod)
    point = Point(_dct(ctx, "year"), "year")
    return Reading(kind, point.value(), c.mod, "dct", point)


def _n_quarter(c: Candidate, ctx: Context) -> Reading:
    return _quarter(c, ctx)


def _n_fiscal(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    year = _year_of(g.get("fyear"), ctx) or 0
    return Reading(kind, f"{year:04d}", c.mod, None, Point(dt.date(year, 1, 1), "year"))


def _n_season(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    code = lx.SEASONS[(g["season"] or "").lower()]
    if g.get("year"):
        year = int(g["year"] or 0)
        point = season_point(year, code)
        return Reading(kind, point.value(), c.mod, None, point)
    reference = _dct(ctx, "season", f"XXXX-{code}")
    options = [season_point(y, code).date for y in range(reference.year - 1, reference.year + 2)]
    chosen = closest(options, reference, _direction(c, ctx, 0))
    point = season_point(chosen.year, code)
    return Reading(kind, point.value(), c.mod, "dct", point)


def _n_same(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    unit = (g["same_unit"] or "").lower()
    if unit in lx.PARTS_OF_DAY:
        if ctx.last_day is None:
            raise _Unresolvable
        point = attrs.evolve(ctx.last_day, pod=lx.PARTS_OF_DAY[unit])
        return Reading("TIME", point.value(), c.mod, ctx.last_anchor, point)
    point, anchor = _relative_unit(ctx, c, 0, unit, anchored=True)
    return Reading(kind, point.value(), c.mod, anchor, point)


def _n_anchored(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    unit = (g["aunit"] or "").lower()
    direction = (g["adir"] or "").lower()
    offset = 1 if direction in ("next", "following", "after") else -1
    if unit in lx.PARTS_OF_DAY:
        base, anchor = _reference(ctx, "day", anchored=True)
        days = offset if unit == "morning" else 0 if offset > 0 else -1
        point = Point(base + relativedelta(days=days), "day", pod=lx.PARTS_OF_DAY[unit])
        return Reading("TIME", point.value(), c.mod, anchor, point)
    anchored = direction != "next" or ctx.last_day is not None
    point, anchor = _relative_unit(ctx, c, offset, unit, anchored=anchored)
    return Reading(kind, point.value(), c.mod, anchor, point)


def _n_duration(c: Candidate, ctx: Context) -> Reading:
    return _duration(c, ctx)


def _n_half_unit(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    unit = (g["unit"] or "").lower()
    value = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "minute": "PT30S",
             "century": "P50Y", "decade": "P5Y", "week": "P3.5D", "month": "P0.5M"}
    if unit not in value:
        raise _Unresolvable
    return Reading(kind, value[unit], c.mod)


def _n_vague_units(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    unit = lx.UNIT_PLURALS[(g["units"] or "").lower()]
    if c.shift:
        return _shift_point(c, ctx, None, unit)
    return Reading(kind, duration_value(None, unit), c.mod)


def _n_set_word(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    return Reading(kind, lx.SET_WORDS[(g["set_word"] or "").lower()])


def _n_set_every(c: Candidate, ctx: Context) -> Reading:
    return _set_every(c)


def _n_set_rate(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    return Reading(kind, duration_value(Fraction(1), (g["unit"] or "").lower()))


def _n_weekday_set(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    kind = c.rule.type
    iso = lx.WEEKDAYS[(g["wplural"] or "").lower()[:-1]] + 1
    return Reading(kind, f"XXXX-WXX-{iso}")


Normaliser = Callable[[Candidate, Context], Reading]

NORMALISERS: Final[dict[str, Normaliser]] = {
    "holiday": _n_holiday,
    "dayword": _n_dayword,
    "tonight": _n_tonight,
    "this_pod": _n_this_pod,
    "clock": _n_clock,
    "clock_oclock": _n_clock_oclock,
    "reference": _n_reference,
    "relative": _n_relative,
    "year_ago": _n_year_ago,
    "the_period": _n_the_period,
    "the_quarter": _n_the_quarter,
    "the_year": _n_the_year,
    "quarter": _n_quarter,
    "fiscal": _n_fiscal,
    "season": _n_season,
    "same": _n_same,
    "anchored": _n_anchored,
    "day_before": _n_anchored,
    "duration": _n_duration,
    "half_unit": _n_half_unit,
    "vague_units": _n_vague_units,
    "set_word": _n_set_word,
    "set_every": _n_set_every,
    "set_rate": _n_set_rate,
    "weekday_set": _n_weekday_set,
    "iso": _n_iso,
    "slash": _n_slash,
    "month_day": _n_month_day,
    "day_month": _n_month_day,
    "month_year": _n_month_day,
    "month_rel_year": _n_month_rel_year,
    "month": _n_month_day,
    "weekday": _n_weekday,
    "weekday_pod": _n_weekday,
    "clock_weekday": _n_clock_weekday,
    "clock_date": _n_clock_date,
    "written_year": _n_written_year,
    "year": _n_year,
    "decade": _n_decade,
    "century": _n_century,
    "written_decade": _n_written_decade,
    "year_end": _n_year_end,
}
"""The normaliser of each grammar rule, by rule name."""


def normalise(c: Candidate, ctx: Context) -> Reading:
    """Compute the TIMEX3 reading of one candidate with its rule's normaliser.

    Raises:
        _NeedsDct: when the value depends on a creation time the text does not have.
        _Unresolvable: when the match has no sensible value (31 February).
    """
    normaliser = NORMALISERS.get(c.rule.name)
    if normaliser is None:
        raise _Unresolvable
    return normaliser(c, ctx)


def _clock(g: dict[str, str | None]) -> str:
    if g.get("clock_word"):
        return lx.CLOCK_WORDS[(g["clock_word"] or "").lower()]
    if g.get("hh"):
        return f"{int(g['hh'] or 0):02d}:{g['mm']}"
    hour = int(g.get("hour") or 0)
    minute = g.get("minute") or "00"
    ampm = (g.get("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute}"


def _holiday(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    key = " ".join((g["holiday"] or "").lower().replace("’", "'").split())
    explicit = _year_of(g.get("year"), ctx)
    reference = None if explicit else _dct(ctx, "day")

    def on(year: int) -> dt.date:
        if key in lx.HOLIDAYS:
            month, day = lx.HOLIDAYS[key]
            return dt.date(year, month, day)
        month, weekday, nth = lx.FLOATING_HOLIDAYS[key]
        first = dt.date(year, month, 1)
        if nth > 0:
            found: dt.date = first + relativedelta(weekday=_WEEKDAY_FUNCS[weekday](nth))
        else:
            found = first + relativedelta(day=31, weekday=_WEEKDAY_FUNCS[weekday](-1))
        return found

    if explicit is not None:
        day = on(explicit)
        return Reading("DATE", day.isoformat(), c.mod, None, Point(day))
    assert reference is not None
    options = [on(y) for y in (reference.year - 1, reference.year, reference.year + 1)]
    day = closest(options, reference, _direction(c, ctx, 0))
    return Reading("DATE", day.isoformat(), c.mod, "dct", Point(day))


def _relative(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    direction = " ".join((g["direction"] or "").lower().split())
    offset = lx.RELATIVE_DIRECTIONS[direction]
    anchored = direction in lx.ANCHORED_DIRECTIONS
    if g.get("weekday"):
        iso = lx.WEEKDAYS[(g["weekday"] or "").lower()] + 1
        reference = _dct(ctx, "day", f"XXXX-WXX-{iso}")
        weekday = _WEEKDAY_FUNCS[iso - 1]
        if offset < 0:
            day = reference + relativedelta(days=-1, weekday=weekday(-1))
        elif offset > 0:
            day = reference + relativedelta(days=+1, weekday=weekday(+1))
        else:
            day = reference + relativedelta(weekday=weekday(0)) - relativedelta(
                days=7 if _direction(c, ctx, PAST) == PAST and reference.weekday() < iso - 1
                else 0
            )
        return Reading("DATE", day.isoformat(), c.mod, "dct", Point(day))
    if g.get("month"):
        month = _month(g["month"])
        reference = _dct(ctx, "month", f"XXXX-{month:02d}")
        year = reference.year
        if offset < 0:
            year -= 1 if month >= reference.month else 0
        elif offset > 0:
            year += 1 if month <= reference.month else 0
        point = Point(dt.date(year, month, 1), "month")
        return Reading("DATE", point.value(), c.mod, "dct", point)
    if g.get("season"):
        code = lx.SEASONS[(g["season"] or "").lower()]
        reference = _dct(ctx, "season", f"XXXX-{code}")
        current = season_of(reference)
        point = season_point(reference.year, code)
        if offset < 0 and (point.date > reference or code == current):
            point = season_point(reference.year - 1, code)
        elif offset > 0 and (point.date <= reference or code == current):
            point = season_point(reference.year + 1, code)
        return Reading("DATE", point.value(), c.mod, "dct", point)
    unit = "weekend" if g.get("weekend") else (g.get("unit") or "").lower()
    if direction in ("the next", "the coming") or (
        direction in ("past", "the past", "the last") and unit != "year"
    ):  # "the past week" is the span up to now, "the past year" mostly the year before
        kind = "DURATION"
        return Reading(kind, duration_value(Fraction(1), unit), c.mod)
    if unit in ("hour", "minute", "second"):
        return Reading("DURATION", duration_value(Fraction(1), unit), c.mod)
    point, anchor = _relative_unit(ctx, c, offset, unit, anchored=anchored)
    return Reading("DATE", point.value(), c.mod, anchor, point)


def _duration(c: Candidate, ctx: Context) -> Reading:
    g = c.groups
    unit = _unit_of(g)
    number = None if g.get("vague") else parse_number(g.get("number"))
    text = ctx.text[c.start : c.end].lower()
    if " and a half" in text and number is not None:
        number += Fraction(1, 2)
    if c.shift:
        return _shift_point(c, ctx, number, unit)
    value = duration_value(number, unit)
    if number == 0:
        raise _Unresolvable
    mod = c.mod or ("APPROX" if c.approx else None)
    return Reading("DURATION", value, mod)


# -- the whole text ------------------------------------------------------------------------

_AS_DAY: Final = frozenset({"day"})


def read(ctx: Context) -> tuple[tuple[Timex, ...], tuple[str, ...]]:
    """Find and normalise every expression in ``ctx.text``.

    Returns:
        The timexes in text order, and notes about values left underspecified.
    """
    timexes: list[Timex] = []
    notes: list[str] = []
    underspecified = 0
    for candidate in extend(find_candidates(ctx), ctx):
        for part in _split_range(candidate, ctx):
            tid = f"t{len(timexes) + 1}"
            try:
                reading = normalise(part, ctx)
            except (_Unresolvable, ValueError, OverflowError):
                continue  # no sensible value (31 February, year 0): not an expression
            except _NeedsDct as missing:
                underspecified += 1
                reading = Reading(part.rule.type, missing.value, part.mod, None)
            mod = reading.mod or ("APPROX" if part.approx else None)
            timexes.append(
                Timex(
                    start=part.start,
                    end=part.end,
                    text=ctx.text[part.start : part.end],
                    type=reading.type,
                    value=reading.value,
                    mod=mod,
                    anchor=reading.anchor,
                    tid=tid,
                )
            )
            point = reading.point
            if point is not None and reading.type in ("DATE", "TIME") and not reading.comparison:
                ctx.last_point = point
                ctx.last_anchor = tid
                ctx.last_end = part.end
                if point.grain in _AS_DAY:
                    ctx.last_day = attrs.evolve(point, pod=None)
                    ctx.last_day_end = part.end
    if underspecified:
        notes.append(
            f"{underspecified} expression(s) left underspecified: no document creation time "
            "(give a published date, or a date in the byline or dateline)"
        )
    return tuple(timexes), tuple(notes)


def _split_range(c: Candidate, ctx: Context) -> list[Candidate]:
    if c.rule.name != "year_range":
        return [c]
    first_year = c.groups["year"] or ""
    end_text = c.groups["year_end"] or ""
    first_end = c.start + ctx.text[c.start : c.end].index(first_year) + len(first_year)
    second_start = c.end - len(end_text)
    year_rule = next(r.rule for r in grammar.COMPILED if r.rule.name == "year")
    second = int(end_text) if len(end_text) == 4 else int(first_year[:2] + end_text)
    if second <= int(first_year) or second - int(first_year) > 100:
        return []
    return [
        Candidate(c.start, first_end, year_rule, {"year": first_year}),
        Candidate(second_start, c.end, year_rule, {"year": f"{second:04d}"}),
    ]


def make_context(text: str, dct: dt.date | None, words: Sequence[Word] | None = None) -> Context:
    """Return a :class:`Context` for reading *text* against *dct*."""
    return Context(text, dct, words)

