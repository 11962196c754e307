"""Quantities in news text, found and normalised so that two of them can be compared.

:func:`find_quantities` reads "3,000", "three thousand", "more than 5,000", "$1.2bn",
"5 per cent", "between 3 and 5" and "a dozen" as :class:`Quantity` values with a number,
a unit (percent, a currency, or ``None`` for a count) and a bound ("more than", "about"
...); :func:`compatible` says whether two of them can both be true of the same thing::

    >>> from newslens_contradictions.numbers import compatible, find_quantities
    >>> a, b = find_quantities("More than 5,000 died, not three thousand.")
    >>> (a.value, a.bound, b.value, b.bound)
    (5000.0, 'more_than', 3000.0, 'exact')
    >>> compatible(a, b)
    False

The whole text is read by one compiled regular expression; each match is then checked
and normalised on its own, so the cost grows with the length of the text and the number
of quantities in it, never with their product.

Choices made (a detector of contradictions should rather miss one than invent one):

* "about", "around", "roughly", "some", "approximately", "an estimated", "close to",
  "~", and also "nearly" and "almost", allow 10% either side of the number (a range:
  10% below its low end and 10% above its high end). "Nearly 300" is not read as
  "below 300": writers use it loosely, and the symmetric reading invents no
  contradiction with "300".
* "More than"/"less than" exclude the number itself (``math.nextafter``), "at least"/
  "at most" include it.
* A range ("between 3 and 5", "3-5", "3 to 5", "two or three") is one quantity whose
  ``value`` is its low end and ``high`` its high end; a scale word written once applies
  to both ends when the low end is the smaller number ("3 to 5 million"). "From 3 to 5"
  is not a range (it is usually a change: "rose from 3% to 5%"), so it gives two
  quantities. A range written high to low ("a 5-4 ruling", "won 3-1") is a score and is
  skipped.
* "Dozens", "hundreds", "thousands", "millions" (of ...) are too vague and are skipped;
  "a dozen" is 12 and "two dozen" 24. "Half a million" is 500,000; other fractions
  ("half", "two-thirds") are skipped.
* "one" alone is skipped (in news it is nearly always "one official said"); "one
  hundred", "one million", "one or two" and "one percent" are read.
* Not quantities: years (a four-digit number from 1800 to 2100 written without a comma,
  a scale or a unit, also in "2015-16" and with a bound such as "about 2000"; "2,016
  people" is a quantity), decades ("the 1990s"), dates ("Jan. 5", "5 January",
  "March 3, 2024", "15/03/2024", "2024-03-15"), times ("5 p.m.", "5pm", "10:30",
  "5 o'clock"), ordinals ("3rd", "first", "twenty-first"), phone numbers ("555-1234",
  "555-123-4567", "+44 20 7946 0000"), numbers inside words or identifiers ("COVID-19",
  "F-35", "G7", "A320", "4G", "24/7"), and numbers that name rather than count after a
  word such as "Article 5", "Section 230", "Flight 370", "No. 10", "Route 66",
  "page 5", "FTSE 100" (these are labels; comparing them would only invent
  contradictions).
* "40m", "5k", "3b" (a bare letter after the digits) are read as million, thousand and
  billion only with a currency ("£40m", "$5k", "40m euros"): without one they are as
  often metres or kilometres ("the 100m final", "a 5k run") and are skipped. "bn",
  "mn", "mln", "bln" and "tn" are read with or without a currency.
* An age or a duration ("a 5-year-old", "three-year deal") is kept as a count (unit
  ``None``): which noun a number counts is the detector's business, not this module's.
* Units: "percent" ("5%", "5 percent", "5 per cent", "5 pct"), "points" ("5 percentage
  points"), "basis points" ("50 basis points", "50bps"), "USD" ("$", "US$", "USD",
  "dollars"), "EUR" ("€", "EUR", "euros"), "GBP" ("£", "GBP", "pounds", "sterling").

Not handled (known limits):

* Fractions other than "half a dozen/million/billion/trillion" ("two-thirds", "one and
  a half", "3 1/2"); vague amounts ("dozens", "a few", "several", "a couple"); "no",
  "none" and "zero" as 0; "minus five" in words (read as 5).
* Word numbers of a million and more with a remainder: "two million five hundred
  thousand" gives two quantities (2,000,000 and 500,000).
* Times written with a dot ("at 11.30" is read as 11.3); scores written low to high
  ("lost 1-3" is a range); model numbers and names after a word not in the list of
  labels ("a 737 jet", "the Four Seasons", "7-Eleven").
* "Over" and "under" are always bounds ("over two days" is more than 2).
* Other currencies: "5 million yen" is a count, "A$5" is skipped, and "Canadian
  dollars" is a count ("dollars" must follow the number).
* Spaces as thousands separators ("3 000") and decimal commas ("2,5").
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

__all__ = ["BOUNDS", "Quantity", "compatible", "find_quantities"]

BOUNDS: Final[tuple[str, ...]] = (
    "exact",
    "more_than",
    "at_least",
    "less_than",
    "at_most",
    "about",
)
"""Every value of :attr:`Quantity.bound`."""

_ABOUT_MARGIN: Final = 0.1
"""How far either side of its number an "about" quantity reaches (a fraction of it)."""


def _interval_check(
    instance: Quantity, attribute: attrs.Attribute[float | None], value: float | None
) -> None:
    if value is not None and value < instance.value:
        raise ValueError(f"high ({value}) is below value ({instance.value})")


@attrs.frozen(slots=True)
class Quantity:
    """A quantity written in a text, with its number normalised.

    Attributes:
        start: Offset of the first character of the whole expression (bound word,
            currency sign and unit included), plus the ``offset`` given to
            :func:`find_quantities`.
        end: Offset just after its last character, on the same footing.
        text: The expression as written (``text[start - offset:end - offset]``).
        value: The number, or the low end of a range: "3,000" and "three thousand" are
            3000, "2.5 million" is 2500000, "5%" is 5, "$1.2bn" is 1.2e9, "a dozen" 12.
        unit: ``"percent"``, ``"points"`` (percentage points), ``"basis points"``,
            ``"USD"``, ``"EUR"``, ``"GBP"``, or ``None`` for a count.
        bound: One of :data:`BOUNDS`: how the number limits what is meant.
        high: The high end of a range ("between 3 and 5" has value 3 and high 5), or
            ``None``.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    bound: str = attrs.field(validator=attrs.validators.in_(BOUNDS))
    high: float | None = attrs.field(default=None, validator=_interval_check)

    def interval(self) -> tuple[float, float]:
        """Return the lowest and highest values the expression allows.

        "exact" allows its number, or its range; "about" (and "nearly", "almost")
        10% either side; "more than" everything above the number (the number itself
        excluded, by one float step: ``math.nextafter``), "at least" the number and
        above; "less than" and "at most" likewise below. With a range, "more than" and
        "at least" count from its low end, "less than" and "at most" from its high end.

        Returns:
            ``(low, high)``, where either end may be infinite.
        """
        low = self.value
        high = self.value if self.high is None else self.high
        if self.bound == "more_than":
            return (math.nextafter(low, math.inf), math.inf)
        if self.bound == "at_least":
            return (low, math.inf)
        if self.bound == "less_than":
            return (-math.inf, math.nextafter(high, -math.inf))
        if self.bound == "at_most":
            return (-math.inf, high)
        if self.bound == "about":
            return (low - abs(low) * _ABOUT_MARGIN, high + abs(high) * _ABOUT_MARGIN)
        return (low, high)


def compatible(a: Quantity, b: Quantity) -> bool:
    """Tell whether two quantities can both be true of the same thing.

    Quantities in different units (a percentage and a count, dollars and euros) are not
    comparable and so are compatible; two counts (unit ``None``) share a unit.

    Args:
        a: One quantity.
        b: The other.

    Returns:
        ``False`` only when the units are the same and the intervals
        (:meth:`Quantity.interval`) do not overlap.
    """
    if a.unit != b.unit:
        return True
    a_low, a_high = a.interval()
    b_low, b_high = b.interval()
    return a_low <= b_high and b_low <= a_high


# --- the vocabulary ------------------------------------------------------------------

_ONES: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS: Final = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SMALL: Final = {**_ONES, **_TEENS, **_TENS, "a": 1}
_SCALES: Final = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 10**9,
    "trillion": 10**12,
    "dozen": 12,
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "b": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "tn": 10**12,
}
_LETTER_SCALES: Final = frozenset({"k", "m", "b"})
"""Scales read only with a currency ("£40m", not "the 100m final")."""

_BOUND_OF: Final = {
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "greater than": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "not fewer than": "at_least",
    "a minimum of": "at_least",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "at most": "at_most",
    "up to": "at_most",
    "no more than": "at_most",
    "not more than": "at_most",
    "a maximum of": "at_most",
    "as many as": "at_most",
    "as much as": "at_most",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "some": "about",
    "approximately": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "about",
    "circa": "about",
    "~": "about",
}
_CURRENCY_OF: Final = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
}
_UNIT_OF: Final = {
    **_CURRENCY_OF,
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage point": "points",
    "percentage points": "points",
    "basis point": "basis points",
    "basis points": "basis points",
    "bps": "basis points",
}

_FOLD: Final = str.maketrans({"İ": "i", "ı": "i", "K": "k", "ſ": "s"})
"""The non-ASCII letters that IGNORECASE matches to ASCII ones, folded back."""


def _key(text: str) -> str:
    """Return *text* lower-cased, ASCII-folded and with single spaces."""
    return " ".join(text.translate(_FOLD).lower().replace("-", " ").split())


def _trie(words: Iterable[str], space: str = r"\s+") -> str:
    """Return a regular expression matching any of *words*, factored by prefix.

    A plain alternation of many words is slow under IGNORECASE (every alternative is
    tried at every word start); a trie tries a few letters at each step. A space in a
    word matches *space*.
    """
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict[str, Any]]) -> str:
        branches = [
            (space if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        if "" in node:
            return f"(?:{'|'.join(branches)})?"
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return emit(root)


# --- the expression ------------------------------------------------------------------

_SP: Final = r"[ \t\u00a0\u202f]"  # spaces within one expression (no line breaks)
_SP_OR_HYPHEN: Final = r"[- \t\u00a0\u202f]"
_ONES_RE: Final = _trie(_ONES)
_SMALL_RE: Final = (  # "seven", "seventeen", "seventy", "seventy-seven"
    rf"(?:{_trie([*_ONES, *_TEENS, *_TENS])})(?:(?<=ty){_SP_OR_HYPHEN}{_ONES_RE})?\b"
)
_HUNDREDS_RE: Final = rf"(?:{_SP}+hundred\b(?:{_SP}+(?:and{_SP}+)?{_SMALL_RE})?)"
_WORDS_RE: Final = (
    rf"(?:half{_SP}+a(?={_SP}+(?:dozen|million|billion|trillion)\b)"
    rf"|a(?={_SP}+(?:hundred|thousand|dozen|million|billion|trillion)\b)"
    rf"|{_SMALL_RE})"
    rf"{_HUNDREDS_RE}?"
    rf"(?:{_SP}+thousand\b(?:,?{_SP}+(?:and{_SP}+)?{_SMALL_RE}{_HUNDREDS_RE}?)?)?"
    # not the first part of an ordinal or a fraction ("twenty-first", "two-thirds")
    rf"(?!{_SP_OR_HYPHEN}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|\w+teenth|\w+ieth|hundredth|thousandth|millionth"
    r"|halves|half|quarters?|thirds|fourths|fifths|sixths|sevenths|eighths|ninths"
    r"|tenths)\b)"
)
_DIGITS_RE: Final = (
    r"(?>[0-9]{1,3}(?:,[0-9]{3})++(?![0-9])|[0-9]++)(?:\.[0-9]++)?(?![0-9]|[.,][0-9])"
)
_NUMBER_RE: Final = rf"(?:{_DIGITS_RE}|(?<![\w'’-]){_WORDS_RE})"
_SCALE_RE: Final = (
    rf"(?:(?:{_SP}?-?{_SP}?(?:hundred|thousand|million|billion|trillion|dozen)\b)"
    rf"(?:{_SP}+(?:thousand|million|billion)\b)?"
    rf"|{_SP}?(?:bn|mn|mln|bln|tn)(?!\w)|[mkb](?!\w))"
)
_CURRENCY_RE: Final = r"(?:US\$|\$|€|£|(?:USD|EUR|GBP)(?![a-z]))"
_UNIT_RE: Final = (
    rf"(?:{_SP}?(?:%|per{_SP}?cent\b|pct\b|percentage[-{_SP[1:-1]}]points?\b|bps\b"
    rf"|basis{_SP}+points?\b)"
    rf"|{_SP}+(?:(?:US{_SP}+)?dollars?|euros?|pounds(?:{_SP}+sterling)?|sterling"
    r"|USD|EUR|GBP)\b)"
)
_BOUND_RE: Final = (
    rf"(?:(?:just|well|slightly|far)\s+)?(?:{_trie(w for w in _BOUND_OF if w != '~')})\b"
)
_MONTHS_RE: Final = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_SEP_RE: Final = rf"(?:{_SP}*[-–—]{_SP}*|{_SP}+(?:to|or)\s+)"

_QUANTITY_SOURCE: Final = rf"""
    (?<!\w)(?=[0-9$€£~−\-abcefghijlmnorstuw])  # fails fast inside words and on other letters
    (?:(?<![\w-])(?P<bound>{_BOUND_RE})\s+|(?P<tilde>~)\s*|(?<![\w-])(?P<between>between)\s+)?
    (?:(?<=\bfrom\s)(?P<from>))?+
    (?:(?<![\w$€£])(?P<cur>{_CURRENCY_RE}){_SP}?|(?<![\w.,/:+$€£'’])(?<!\w-))
    (?P<neg>(?:[-−]|minus{_SP}+)(?=[0-9]))?
    (?P<n1>{_NUMBER_RE})
    (?P<s1>{_SCALE_RE})?
    (?P<u1>{_UNIT_RE})?
    (?:
        (?P<sep>(?(between){_SP}+and\s+|(?(from)(?!)|{_SEP_RE})))
        (?:(?P<cur2>{_CURRENCY_RE}){_SP}?)?
        (?P<neg2>(?:[-−]|minus{_SP}+)(?=[0-9]))?
        (?P<n2>{_NUMBER_RE})
        (?P<s2>{_SCALE_RE})?
    )?
    (?P<u2>{_UNIT_RE})?
    (?!\w|\s?[ap]\.?m(?:\.|\b)|{_SP}*o['’]clock|{_SP}+(?:of{_SP}+)?{_MONTHS_RE}\b
      |[.,/:][0-9]|{_SP}[0-9])
    """


@functools.cache
def _quantity() -> re.Pattern[str]:
    """The pattern of a quantity (:data:`_QUANTITY_SOURCE`), compiled on first use: it takes
    some 13 ms, and most articles never need it (their claims' quantities are read only when
    two claims with numbers are compared)."""
    return re.compile(_QUANTITY_SOURCE, re.IGNORECASE | re.VERBOSE)

_MONTHS: Final = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sept",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ]
)
"""A month name (case matters: "may", "march") just before a number of one or two digits
makes it a date ("Jan. 5")."""

_LABELS: Final = frozenset(
    [
        "article",
        "section",
        "sec",
        "chapter",
        "clause",
        "paragraph",
        "para",
        "rule",
        "amendment",
        "resolution",
        "proposition",
        "prop",
        "flight",
        "route",
        "highway",
        "interstate",
        "room",
        "no",
        "nos",
        "number",
        "page",
        "p",
        "pp",
        "platform",
        "gate",
        "level",
        "phase",
        "stage",
        "category",
        "cat",
        "grade",
        "class",
        "tier",
        "version",
        "model",
        "apollo",
        "boeing",
        "airbus",
        "terminal",
        "district",
        "ward",
        "precinct",
        "channel",
        "lane",
        "line",
        "bus",
        "exit",
        "pier",
        "item",
        "annex",
        "schedule",
        "appendix",
        "figure",
        "fig",
        "table",
        "episode",
        "season",
        "volume",
        "vol",
        "issue",
        "part",
        "title",
        "day",
        "week",
        "game",
        "round",
        "match",
        "race",
        "leg",
        "heat",
        "act",
        "scene",
        "verse",
        "psalm",
        "top",
        "fortune",
        "ftse",
        "s&p",
        "dow",
        "nasdaq",
        "nikkei",
        "dax",
        "cac",
        "windows",
        "ios",
        "android",
        "covid",
    ]
)
"""A word before a number that makes it a label ("Article 5", "Flight 370", "FTSE 100")."""

_SPACES: Final = " \t\u00a0\u202f"
_OPENERS: Final = "([{\"'“‘«"
_LOOKBACK: Final = 16


def _is_label_or_date(text: str, start: int, number: str) -> bool:
    """Tell whether the word before *start* makes *number* a label or a date.

    A label: "Article 5", "No. 10"; a date: "Jan. 5" (a number of one or two digits);
    the rest of a phone number written in groups ("020 7946 0000": a digit, a space).
    """
    tail = text[max(0, start - _LOOKBACK) : start]
    word = tail.rstrip(_SPACES)
    if not word or len(word) == len(tail):
        return False
    if word[-1].isdigit():
        return True
    words = word.rstrip(".").rsplit(maxsplit=1)[-1:]
    last = words[0].lstrip(_OPENERS) if words else ""
    if last.translate(_FOLD).lower() in _LABELS:
        return True
    return len(number) <= 2 and number.isdigit() and last in _MONTHS


_TOKEN: Final = re.compile(r"[a-z]+")
_PHONE_LOW: Final = re.compile(r"[0-9]{3}")
_PHONE_HIGH: Final = re.compile(r"[0-9]{4}")
_DASHES: Final = frozenset("-–—")


def _words_value(text: str) -> Decimal | None:
    """Return the number written in words (``"three hundred and twelve"`` -> 312)."""
    tokens = _TOKEN.findall(_key(text))
    if tokens[:1] == ["half"]:
        return Decimal("0.5")
    total = 0
    current = 0
    for token in tokens:
        small = _SMALL.get(token)
        if small is not None:
            current += small
        elif token == "hundred":
            current = (current or 1) * 100
        elif token == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif token != "and":
            return None
    return Decimal(total + current)


def _number(text: str, scale: str | None) -> Decimal | None:
    """Return the number written as *text* followed by the scale words *scale*."""
    if text[:1].isdigit():
        value = Decimal(text.replace(",", ""))
    else:
        words = _words_value(text)
        if words is None:
            return None
        value = words
    if scale:
        for token in _TOKEN.findall(_key(scale)):
            factor = _SCALES.get(token)
            if factor is None:
                return None
            value *= factor
    return value


def _trailing_scale(text: str) -> int:
    """Return the factor of the scale words that end *text* ("5 million" -> 10**6)."""
    factor = 1
    tokens: list[str] = _TOKEN.findall(_key(text))  # typed: mypyc cannot reverse list[Any]
    for token in reversed(tokens):
        scale = _SCALES.get(token)
        if scale is None:
            break
        factor *= scale
    return factor


def _is_year(number: str, scale: str | None) -> bool:
    return scale is None and len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100


def _unit(match: re.Match[str]) -> tuple[bool, str | None]:
    """Whether *match* can be a quantity as far as its currency and scale go, and its unit."""
    cur1, cur2 = match["cur"], match["cur2"]
    cur = cur1 or cur2
    if cur1 and cur2 and _CURRENCY_OF.get(_key(cur1)) != _CURRENCY_OF.get(_key(cur2)):
        return False, None
    unit_text = match["u2"] or match["u1"]
    unit = (
        _UNIT_OF.get(_key(unit_text)) if unit_text else _CURRENCY_OF.get(_key(cur)) if cur else None
    )
    letters = {_key(s) for s in (match["s1"], match["s2"]) if s} & _LETTER_SCALES
    return not (letters and unit not in {"USD", "EUR", "GBP"}), unit


def _not_a_quantity(match: re.Match[str], text: str, unit: str | None) -> bool:
    """Whether a bare *match* is a year, a label, a date, a lone ``one`` or a phone number."""
    n1, s1, n2, s2 = match["n1"], match["s1"], match["n2"], match["s2"]
    if unit is None and (
        _is_year(n1, s1)
        or (n2 is not None and _is_year(n2, s2))
        or _is_label_or_date(text, match.start(), n1)
        or (n2 is None and s1 is None and _key(n1) == "one")
    ):
        return True
    sep = match["sep"]
    return bool(
        sep is not None
        and sep.strip() in _DASHES
        and (match["cur"] or match["cur2"]) is None
        and s1 is None
        and _PHONE_LOW.fullmatch(n1)
        and _PHONE_HIGH.fullmatch(n2)
    )  # 555-1234


def _values(match: re.Match[str]) -> tuple[Decimal, Decimal | None] | None:
    """The low and high values of *match* (high ``None`` for a single number), or
    ``None`` when it reads as no amount (a score such as ``a 5-4 ruling``)."""
    n1, s1, n2, s2 = match["n1"], match["s1"], match["n2"], match["s2"]
    low = _number(n1, s1)
    if low is None:
        return None
    if match["neg"]:
        low = -low
    if n2 is None:
        return low, None
    high = _number(n2, s2)
    if high is None:
        return None
    if match["neg2"]:
        high = -high
    factor = 1 if s1 else _trailing_scale(f"{n2} {s2 or ''}")
    if factor > 1 and _trailing_scale(n1) == 1 and low * factor < high:
        low *= factor  # "3 to 5 million", "two or three thousand": the scale is shared
    if high < low:
        return None  # a score ("a 5-4 ruling") or nonsense
    return low, high


def _bound(match: re.Match[str]) -> str:
    if match["bound"]:
        words = _key(match["bound"])
        for modifier in ("just ", "well ", "slightly ", "far "):
            words = words.removeprefix(modifier)
        return _BOUND_OF.get(words, "about")
    return "about" if match["tilde"] else "exact"


def _read(match: re.Match[str], text: str, offset: int) -> Quantity | None:
    """Return the quantity *match* stands for, or ``None`` if it is not one."""
    possible, unit = _unit(match)
    if not possible or _not_a_quantity(match, text, unit):
        return None
    values = _values(match)
    if values is None:
        return None
    low, high = values
    start, end = match.span()
    return Quantity(
        start=start + offset,
        end=end + offset,
        text=match[0],
        value=float(low),
        unit=unit,
        bound=_bound(match),
        high=None if high is None else float(high),
    )


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Find every quantity in *text*.

    Args:
        text: Any text (a sentence, an article).
        offset: Added to every ``start`` and ``end`` (the offset of *text* in a larger
            document).

    Returns:
        The quantities in text order, none overlapping another; what the module
        docstring lists as not a quantity (years, dates, times, ordinals, labels ...)
        is left out.
    """
    found = []
    for match in _quantity().finditer(text):
        quantity = _read(match, text, offset)
        if quantity is not None:
            found.append(quantity)
    return found
