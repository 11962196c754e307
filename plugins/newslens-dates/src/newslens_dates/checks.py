"""The context checks: a rule match that fails its rule's check is not an expression.

A check looks only at the match and the words around it, never at other matches.
Every match must first pass :func:`names_are_capitalised` (``may``, ``sun`` and
``march`` in lower case are words, not dates); then the check of its rule in
:data:`RULE_CHECKS`, if the rule has one. Rules without a check are always accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from newslens_dates import lexicon as lx
from newslens_dates.candidates import Candidate
from newslens_dates.context import Context
from newslens_dates.quantities import parse_number

Check = Callable[[Candidate, Context], bool]
"""A context check: whether a match of its rule is an expression here."""

_MAX_SHIFT: Final = 10_000  # units; beyond this a number is not a time span we can place


def _is_capitalised(text: str | None) -> bool:
    return bool(text) and (text or "")[:1].isupper()


def names_are_capitalised(c: Candidate, ctx: Context) -> bool:
    """A month or weekday name in the match is capitalised (checked for every rule)."""
    month, weekday = c.groups.get("month"), c.groups.get("weekday")
    return (not month or _is_capitalised(month)) and (not weekday or _is_capitalised(weekday))


# -- months and weekdays alone ----------------------------------------------------------

_MONTH_PREPOSITIONS: Final = frozenset(
    {"in", "since", "until", "till", "by", "from", "through", "during", "early", "late", "mid",
     "last", "next", "this", "before", "after"}
)  # fmt: skip
"""Words after which "May" and "March" are months, even at the start of a sentence."""

_MONTHS_ALONE_IN_CONTEXT: Final = frozenset({"may", "march"})
"""Ambiguous month words that can still be a month alone, in the right context."""

_PRONOUNS: Final = frozenset({"i", "you", "we", "they", "he", "she", "it"})


def _lower_before(c: Candidate, ctx: Context) -> bool:
    """Whether the word before *c*, in its clause, is a lower-case word (not a pronoun)."""
    word = ctx.word_before(c.start)
    if word is None or not ctx.same_clause(c.start):
        return False
    return word.text[:1].islower() and word.text.lower() not in _PRONOUNS


def month_alone(c: Candidate, ctx: Context) -> bool:
    """A month without a day or year: a full name, or "May"/"March" in a date context.

    "May" and "March" alone are the month after a preposition of time in their clause
    ("in May"), or after a lower-case word ("from May to July"); never at the start of
    a sentence, nor after a name ("Theresa May"). "Jan", "Jun" and "Mar" alone never are.
    """
    month = (c.groups["month"] or "").lower()
    if month not in lx.AMBIGUOUS_MONTHS:
        return len(month) > 3
    if month not in _MONTHS_ALONE_IN_CONTEXT:
        return False
    previous = ctx.previous_word(c.start)
    if previous in _MONTH_PREPOSITIONS and ctx.same_clause(c.start):
        return True
    return previous[:1].isalpha() and _lower_before(c, ctx)


def weekday_alone(c: Candidate, ctx: Context) -> bool:
    """A weekday alone is a full name ("Wednesday"), not an abbreviation ("Wed")."""
    return (c.groups["weekday"] or "").lower() in lx.FULL_WEEKDAYS


# -- years ----------------------------------------------------------------------------

_TO_AMOUNT: Final = re.compile(r"\s*to\s+[\d,.]+\s+(?P<noun>[\w-]+)")

_NOT_YEAR_PRECEDERS: Final = frozenset({"$", "no", "number", "#", "flight"})
"""Words before a number that make it an amount or a name, not a year."""


def _year_to(c: Candidate, ctx: Context) -> bool:
    """Whether a number of a year's shape before *to* is a year: a likely year, not
    followed by an amount of something (``from 1200 to 1500 people``)."""
    if not 1900 <= int(c.groups.get("year") or 0) <= 2050:
        return False
    amount = _TO_AMOUNT.match(ctx.text, c.end, c.end + 40)
    return amount is None or amount.group("noun").lower() not in lx.NOT_YEAR_FOLLOWERS


_PUNCTUATION_AFTER: Final = re.compile(r"\s*(?:[.!?;:,](?!\d)|[)\]}])")


def _word_after_year(c: Candidate, ctx: Context, previous: str) -> str:
    """The word after a year, or ``""`` when that word says nothing against a year.

    Punctuation that ends a clause or a sentence ("in 2019. Police ...", "in 2019, police")
    leaves nothing after the year. A dash that is no range nor compound ("in 1984 --
    part of") says nothing, nor does *to* after *in*, *from* or *since* before another
    year ("from 1991 to 1997").
    """
    if _PUNCTUATION_AFTER.match(ctx.text, c.end):
        return ""  # "left in 2019. Police said": the next sentence's first word says nothing
    following = ctx.next_word(c.end)
    if following == "-" and not re.match(r"-\s*\d", ctx.text[c.end : c.end + 4]):
        return ""
    if following == "to" and previous in ("in", "from", "since") and _year_to(c, ctx):
        return ""
    return following


def year_alone(c: Candidate, ctx: Context) -> bool:
    """A number of a year's shape is a year unless its neighbours make it an amount.

    Not before a unit or a noun of amounts (``1984 people``), nor after ``$``, ``no``
    or ``flight``. It must lie in 1900-2050, or in 1000-2100 after a word that asks for
    a year (``in``, ``since``...) or in ``the year 1492``.
    """
    previous = ctx.previous_word(c.start)
    following = _word_after_year(c, ctx, previous)
    if following in lx.NOT_YEAR_FOLLOWERS or previous in _NOT_YEAR_PRECEDERS:
        return False
    year = int(c.groups["year"] or 0)
    if previous in lx.YEAR_CONTEXT or ctx.text[c.start : c.end].lower().startswith("the year"):
        return 1000 <= year <= 2100
    return 1900 <= year <= 2050


# -- seasons, recurrences, references ---------------------------------------------------


def season(c: Candidate, ctx: Context) -> bool:
    """A season with a year; or one not followed by *of* ("the fall of the regime") and
    after *early*/*late*/*mid*, or written "the summer" after a word of time context."""
    if c.groups.get("year"):
        return True
    if ctx.next_word(c.end) == "of":
        return False
    previous = ctx.previous_word(c.start)
    if previous in ("early", "late", "mid"):  # "the early summer"
        return True
    return ctx.text[c.start : c.end].lower().startswith("the ") and previous in lx.SEASON_CONTEXT


_CAPITAL_AFTER: Final = re.compile(r"[ \t]+[A-Z]")
_CAPITAL_BEFORE: Final = re.compile(r"(?<![\w.'’])[A-Z][\w'’&-]*[ \t]+$")


def in_name(c: Candidate, ctx: Context) -> bool:
    """Whether the capitalised match is a word of a proper name outside the headline: a
    capitalised word follows it ("Weekly Standard") or stands right before it ("The Daily
    Beast")."""
    text = ctx.text
    if not text[c.start].isupper() or c.start < ctx.headline_end:
        return False
    return _CAPITAL_AFTER.match(text, c.end) is not None or (
        _CAPITAL_BEFORE.search(text, max(0, c.start - 30), c.start) is not None
    )


def set_word(c: Candidate, ctx: Context) -> bool:
    """"annual" or "daily" before a noun of amounts ("annual sales") is a rate, not a SET;
    nor is a word of a name ("The Daily Beast", see :func:`in_name`)."""
    return ctx.next_word(c.end) not in lx.RATE_NOUNS and not in_name(c, ctx)


_RATE_BEFORE: Final = re.compile(r"\d[\d.,]*|million|billion|thousand|hundred|cents?|dollars?")
"""An amount before "a year" that makes it a rate ("$5 million a year")."""


def set_rate(c: Candidate, ctx: Context) -> bool:
    """"a year" is a recurrence after an amount ("$5 million a year", "twice a week");
    "three times a year" always is."""
    if c.groups.get("freq"):
        return True
    previous = ctx.previous_word(c.start)
    return previous in ("times", "once", "twice", "thrice") or bool(
        _RATE_BEFORE.fullmatch(previous)
    )


_NOT_CURRENT_TIME: Final = frozenset(
    {"account", "accounts", "events", "affairs", "flows", "flow", "assets", "liabilities"}
)
"""Nouns after "current" that make it an adjective of something else than time."""


def _current(c: Candidate, ctx: Context) -> bool:
    return ctx.next_word(c.end) not in _NOT_CURRENT_TIME


def _future(c: Candidate, ctx: Context) -> bool:
    return ctx.previous_word(c.start) in ("the", "near", "foreseeable", "in", "for")


def _never(c: Candidate, ctx: Context) -> bool:
    return False


_REFERENCE_CHECKS: Final[dict[str, Check]] = {
    "current": _current,  # "current" as an adjective of a time noun or a role
    "future": _future,  # "the future", "in the near future"
    "once": _never,  # a count or a conjunction ("once a week", "once he left")
}
"""The checks of reference words that are often something else; others are accepted."""


def reference(c: Candidate, ctx: Context) -> bool:
    """A reference word ("now", "recently") that is also an ordinary word must be in its
    time sense: see :data:`_REFERENCE_CHECKS`."""
    check = _REFERENCE_CHECKS.get((c.groups["reference"] or "").lower())
    return check is None or check(c, ctx)


# -- spans and periods ------------------------------------------------------------------


def vague_units(c: Candidate, ctx: Context) -> bool:
    """"years" alone is a span with a direction ("recent years", "years ago") or after a
    word that asks for a span ("for years", "took months")."""
    if c.groups.get("vdir") or ctx.next_word(c.end) == "ago":
        return True
    return ctx.previous_word(c.start) in ("for", "in", "over", "within", "take", "took")


_PART_OF: Final = re.compile(
    r"\b(?:end|beginning|start|middle|rest|remainder|close|course|balance) of\s+$", re.I
)
"""A part of a period before it: "the end of |the month"."""

_THE_PERIOD_CONTEXT: Final = frozenset({"this", "during", "earlier", "later", "in", "for", "all"})
"""Words before "the week" or "the month" that make it the current one."""


def the_quarter(c: Candidate, ctx: Context) -> bool:
    """"the quarter" and "the weekend" always; "the week" and "the month" after a word
    that makes them the current one ("during the week"), or a part of them ("the end of")."""
    return (
        (c.groups.get("period") or "").lower() in ("quarter", "weekend")
        or ctx.previous_word(c.start) in _THE_PERIOD_CONTEXT
        or _PART_OF.search(ctx.text, max(0, c.start - 20), c.start) is not None
    )


_DEFINED_AFTER: Final = frozenset(
    {"of", "the", "a", "an", "that", "when", "he", "she", "they", "we", "i", "it", "his",
     "her", "their", "its", "our", "my", "before", "after"}
)  # fmt: skip
"""Words after "the night" (or another part of the day) that say which day it is."""


def this_pod(c: Candidate, ctx: Context) -> bool:
    """"the night" is not an expression when what follows says which night it is.

    "the night of Oct. 23", "the night the plane went down": the part of a day named
    by what follows (a date, or a clause), which the article alone cannot place.
    "this morning" and "last night" are always accepted.
    """
    if (c.groups.get("pdir") or "").lower() != "the":
        return True
    return ctx.next_word(c.end) not in _DEFINED_AFTER


_AGE_AFTER: Final = re.compile(r"(?:-|\s+)old\b")


_AFTER_A_SECOND: Final = frozenset(
    {*lx.PREPOSITIONS, *lx.SHIFT_WORDS, "and", "or", "than", "ahead", "longer", "more"}
)
"""Words after "a second" that leave it a span ("for a second or two", "a second later")."""


def _ordinal_second(c: Candidate, ctx: Context) -> bool:
    """"a second quake", "a second time": the ordinal before a noun, not a span."""
    if (c.groups.get("unit") or "").lower() != "second":
        return False
    following = ctx.next_word(c.end)
    return following.isalpha() and following not in _AFTER_A_SECOND


_AMOUNT_BEFORE: Final = re.compile(
    r"(?:\d[\d.,]*|million|billion|thousand|hundred|cents?|dollars?)\s+$", re.I
)
"""An amount right before "a day" (looked for in a few characters before it)."""


def _a_unit_after_an_amount(c: Candidate, ctx: Context) -> bool:
    """"$10 a day": a rate (:func:`set_rate`), unless a shift word follows ("$5 million
    a year ago" is a date)."""
    if (c.groups.get("number") or "").lower() not in ("a", "an"):
        return False
    if len(ctx.text[c.start : c.end].split()) != 2:
        return False
    if not _AMOUNT_BEFORE.search(ctx.text, max(0, c.start - 12), c.start):
        return False
    return ctx.next_word(c.end) not in lx.SHIFT_WORDS


def duration(c: Candidate, ctx: Context) -> bool:
    """Not an age ("a 6-year-old boy"), nor "a second quake" (an ordinal), nor a rate
    ("$10 a day": a recurrence), nor more units than a span we can place."""
    if _AGE_AFTER.match(ctx.text[c.end : c.end + 6]) or _ordinal_second(c, ctx):
        return False
    if _a_unit_after_an_amount(c, ctx):
        return False
    if not c.groups.get("number"):
        return True
    number = parse_number(c.groups["number"])
    return number is not None and number <= _MAX_SHIFT


RULE_CHECKS: Final[dict[str, Check]] = {
    "month": month_alone,
    "weekday": weekday_alone,
    "year": year_alone,
    "season": season,
    "set_word": set_word,
    "set_rate": set_rate,
    "reference": reference,
    "vague_units": vague_units,
    "the_quarter": the_quarter,
    "this_pod": this_pod,
    "duration": duration,
}
"""The context check of each grammar rule that has one, by rule name."""


def accept(c: Candidate, ctx: Context) -> bool:
    """Whether the match *c* is an expression in its context."""
    if not names_are_capitalised(c, ctx):
        return False
    check = RULE_CHECKS.get(c.rule.name)
    return check is None or check(c, ctx)
