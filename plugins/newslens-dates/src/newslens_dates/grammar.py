"""The grammar: rules written as readable templates over the lexicon's word tables.

A rule is a name, a TIMEX3 type and a template such as
``"{direction} {unit}"``. In a template, ``{name}`` stands for one of the
:data:`FRAGMENTS` (each an alternation of words from ``newslens_dates.lexicon``,
or a short digit pattern), a space stands for one or more spaces, and
``[...]``/``(?:...)`` keep their regular-expression meaning. :func:`compile_rules`
turns every template into one compiled pattern, once, at import time.

All patterns are linear-time: the only repetitions are of single character classes
(``\\s+``, ``\\d{1,2}``) or of optional groups that begin with a fixed word, never a
quantifier over a group that can match the same text in two ways.
"""

from __future__ import annotations

import functools
import re
import re._constants as _sre  # type: ignore[import-not-found]  # read by first_characters
import re._parser as _parser  # type: ignore[import-not-found]
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from newslens_dates import lexicon as lx


def words(items: Iterable[str]) -> str:
    """Return a pattern matching any of *items*, spaces inside an item as ``\\s+``.

    The pattern is a trie (``jan(?:uary)?|ju(?:ly|ne|l|n)``...), so that the regular
    expression engine compares each character once instead of trying every word in
    turn, and it prefers the longest item, like a list sorted longest first.

    Args:
        items: Words or phrases.

    Returns:
        A non-capturing regular-expression group.
    """
    trie: dict[str, Any] = {}
    for item in set(items):
        node = trie
        for char in item:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_pattern(trie) + ")"


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = []
    for char in sorted(key for key in node if key):
        piece = r"\s+" if char == " " else re.escape(char)
        branches.append(piece + _trie_pattern(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_NUMBER_WORDS = words(lx.NUMBERS)
_COMPOUND = words(lx.TENS) + r"(?:[-\s]" + words(lx.DIGITS) + ")?"

FRAGMENTS: Final[dict[str, str]] = {
    "month": rf"(?P<month>{words(lx.MONTHS)})",
    "weekday": rf"(?P<weekday>{words(lx.WEEKDAYS)})",
    "day": r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
    "year": r"(?P<year>1[0-9]\d\d|20\d\d|'\d\d)",
    "year4": r"(?P<year>1[0-9]\d\d|20\d\d)",
    "year_end": r"(?P<year_end>1[0-9]\d\d|20\d\d|\d\d)",
    "unit": rf"(?P<unit>{words(lx.UNITS)})",
    "units": rf"(?P<units>{words(lx.UNIT_PLURALS)})",
    "number": rf"(?P<number>\d+(?:[.,]\d+)?(?:\s+1/2)?|{_COMPOUND}|{_NUMBER_WORDS})",
    "vague": rf"(?P<vague>{words(lx.VAGUE_QUANTITIES)})",
    "ordinal": rf"(?P<ordinal>{words(lx.ORDINALS)})",
    "season": rf"(?P<season>{words(lx.SEASONS)})",
    "pod": rf"(?P<pod>{words(lx.PARTS_OF_DAY)})",
    "dayword": rf"(?P<dayword>{words(lx.DAY_WORDS)})",
    "reference": rf"(?P<reference>{words(lx.REFERENCES.keys() - lx.WEAK_REFERENCES)})",
    "direction": rf"(?P<direction>{words(lx.RELATIVE_DIRECTIONS)})",
    "set_word": rf"(?P<set_word>{words(lx.SET_WORDS)})",
    "set_quant": r"(?P<set_quant>every|each|per)",
    "holiday": rf"(?P<holiday>{words([*lx.HOLIDAYS, *lx.FLOATING_HOLIDAYS, *lx.EASTER_HOLIDAYS])})",
    "clock": r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?",
    "ampm": r"(?P<ampm>[ap]\.\s?m\.|[ap]\.?\s?m\b)",  # "PM." at a sentence's end: no dot
    "tz": rf"(?P<tzopen>\()?(?P<tz>{words(lx.TIMEZONES)})"
    r"(?:\s?(?P<tzsign>[+−-])\s?(?P<tzh>1[0-4]|0?\d)(?::?(?P<tzm>[0-5]\d))?)?(?(tzopen)\))",
    # "(GMT +8)": the parenthesis closes only if it opened
    "clock_word": rf"(?P<clock_word>{words(lx.CLOCK_WORDS)})",
    "decade": r"(?:(?P<decade>(?:1[0-9]|20)\d0)|['’](?P<decade_short>\d0))s",
}
"""Named pieces that templates refer to as ``{name}``."""


@attrs.frozen
class Rule:
    """One grammar rule: ``Rule(name, type, template, priority)``.

    ``name`` selects the rule's normaliser (``newslens_dates.normalisers``) and its
    context check, if any (``newslens_dates.checks``); ``type`` is the TIMEX3 type it
    gives (``DATE``, ``TIME``, ``DURATION``, ``SET``), ``template`` is the pattern with
    ``{fragment}`` names and spaces for whitespace, and ``priority`` breaks ties between
    equally long matches (higher wins).
    """

    name: str
    type: str
    template: str
    priority: int = 0


RULES: Final[tuple[Rule, ...]] = (
    # Calendar dates, most specific first.
    Rule("iso", "DATE", r"{year4}-(?P<mnum>0[1-9]|1[0-2])-(?P<dnum>[0-2]\d|3[01])", 5),
    Rule("slash", "DATE", r"(?P<mnum>1[0-2]|0?[1-9])/(?P<dnum>[12]\d|3[01]|0?[1-9])/(?P<yy>\d\d\d\d|\d\d)", 5),  # noqa: E501
    Rule("month_day", "DATE", r"(?:{weekday}\.?,? )?{month}\.? {day}(?:(?:,|\s)\s*{year4})?", 4),
    Rule("day_month", "DATE", r"(?:{weekday},? )?(?:the )?{day} (?:of )?{month}\.?(?:,? {year4})?", 4),  # noqa: E501
    Rule("month_year", "DATE", r"{month}\.?,? (?:of )?{year4}", 3),
    Rule("month_rel_year", "DATE", r"{month}\.?(?: {day})?,? (?:of )?(?P<ryear>this|last|next) year(?!['’])", 3),  # noqa: E501
    Rule("month", "DATE", r"{month}(?!\.\w)", 1),
    Rule("weekday", "DATE", r"{weekday}(?: {pod})?", 1),
    Rule("clock_weekday", "TIME", r"(?:{clock}\s?{ampm}|{clock_word})(?: {tz})?,? {weekday}", 3),
    Rule("clock_date", "TIME", r"(?:{clock}\s?{ampm}|{clock_word})(?: {tz})?,? (?:on )?{month}\.? {day}(?:,? {year4})?", 3),  # noqa: E501
    Rule("year", "DATE", r"(?<![\d$£€.,/:])(?:the year )?{year4}(?![\d%]|[.,]\d|-\d)", 0),
    Rule("written_year", "DATE", r"(?:the year )?(?:(?P<wcent>nineteen|eighteen) (?P<wyear>" + _COMPOUND + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|(?P<wmill>two thousand)(?: and)?(?: (?P<wunit>" + words(lx.DIGITS) + r"|ten|eleven|twelve))?)", 1),  # noqa: E501
    Rule("year_range", "DATE", r"{year4}\s?[-–/]\s?{year_end}(?!\d)", 2),
    Rule("decade", "DATE", r"(?:the )?(?:(?P<dmod>early|mid|late)(?:-|\s+))?{decade}", 2),
    Rule("century", "DATE", r"(?:the )?(?:(?P<dmod>early|mid|late) )?{ordinal} century", 2),
    Rule("written_decade", "DATE", r"the (?:(?P<dmod>early|mid|late) )?(?:nineteen[- ])?(?P<wdecade>" + words(lx.WRITTEN_DECADES) + ")", 2),  # noqa: E501
    Rule("year_end", "DATE", r"(?:the )?year(?:[- ]end|['’]s end)", 2),
    Rule("holiday", "DATE", r"(?:(?P<hdir>last|next|this|this year's|last year's|next year's) )?{holiday}(?: (?P<hweek>week(?!end)))?(?:,? {year4})?", 2),  # noqa: E501
    # Days, parts of days and clock times.
    Rule("dayword", "DATE", r"{dayword}(?:(?:'s|’s)? {pod})?", 2),
    Rule("tonight", "TIME", r"(?P<tonight>tonight|overnight)", 1),
    Rule("this_pod", "TIME", r"(?P<pdir>this|last|the) {pod}", 1),
    Rule("weekday_pod", "TIME", r"{weekday} {pod}", 2),
    # "at 2200 GMT": four digits before a zone (not "(0735 GMT)" after a clock time, as TimeBank)
    Rule("clock", "TIME", r"(?<![\d.:$])(?:{clock}\s?{ampm}|{clock_word}|(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?!\d)|(?<![,£€(])(?P<mh>[01]\d|2[0-3])(?P<mmin>[0-5]\d)(?=\s+" + words(lx.TIMEZONES) + r"\b))(?: {tz})?", 2),  # noqa: E501
    Rule("clock_oclock", "TIME", r"(?P<hour_word>\d{1,2}|" + words(lx.NUMBERS.keys() - {"a", "an"}) + r") o'clock", 2),  # noqa: E501
    # References and relative dates.
    Rule("reference", "DATE", r"{reference}", 0),
    Rule("relative", "DATE", r"{direction} (?:{unit}|{season}|{month}|{weekday}|(?P<weekend>weekend))", 2),  # noqa: E501
    Rule("year_ago", "DATE", r"(?:the )?(?P<ago_adj>year-ago|year-earlier|a-year-earlier|year-before)(?: (?P<ago_unit>quarter|period|month|level))?", 3),  # noqa: E501
    Rule("the_period", "DATE", r"the (?P<qadj>latest|current|recent|same|comparable|fiscal|latest fiscal|current fiscal) (?P<period>quarter|period|year)", 2),  # noqa: E501
    Rule("the_quarter", "DATE", r"the (?P<period>quarter|week|month|weekend)", 0),
    Rule("the_year", "DATE", r"the (?:(?P<yadj>full|whole|entire|calendar|fiscal) )?year(?! (?:of|in|before|after|earlier|later|ago))(?:(?= (?P<year_ended>ended|ending|through|to date))|)", 0),  # noqa: E501
    Rule("quarter", "DATE", r"(?:the )?(?:(?P<qyear>1[0-9]\d\d|20\d\d|this year's|last year's|next year's) )?(?:fiscal )?{ordinal}[-\s]+(?:fiscal[-\s]+)?(?P<part>quarter|half|trimester)(?: of (?:fiscal )?(?:{year4}|(?P<qrel>this|last|next) year))?", 3),  # noqa: E501
    Rule("fiscal", "DATE", r"(?:the )?(?:fiscal|financial|FY)(?: year)?\s?(?P<fyear>1[0-9]\d\d|20\d\d|'?\d\d)", 3),  # noqa: E501
    Rule("season", "DATE", r"(?:the )?{season}(?: (?:of )?{year4})?", 0),
    Rule("same", "DATE", r"(?P<same>that|the same) (?P<same_unit>day|week|month|quarter|year|night|morning|evening|afternoon)", 1),  # noqa: E501
    Rule("anchored", "DATE", r"the (?P<adir>next|following|previous|prior|preceding) (?P<aunit>day|week|month|year|morning|afternoon|evening|night)", 3),  # noqa: E501
    Rule("day_before", "DATE", r"the (?P<aunit>day|week|month|year|night) (?P<adir>before|after)(?=\s*[,.;)]|$)", 3),  # noqa: E501
    # Durations and recurrences.
    Rule("duration", "DURATION", r"(?:the )?(?:(?P<ddir>first|past|last|next|coming|previous|past few|last few|next few|final) )?(?:{number}|{vague})(?:[-\s]and[-\s]a[-\s]half)?(?: (?:more|additional|extra))?[-\s]+(?:{unit}|{units})(?:-long| and a half)?", 2),  # noqa: E501
    Rule("half_unit", "DURATION", r"(?P<half>half an?|a half)[-\s]+{unit}", 2),
    Rule("vague_units", "DURATION", r"(?:(?P<vdir>recent|coming|the past|the last|the next|the coming|past|next) )?{units}(?: ahead)?", 0),  # noqa: E501
    Rule("set_word", "SET", r"{set_word}", 1),
    Rule("set_every", "SET", r"{set_quant} (?:(?P<other>other) )?(?:{number} )?(?:{unit}|{units}|{weekday}|{pod}|{season})", 2),  # noqa: E501
    # "$5 million a year"; "twice a week", "three times a year", "six days a week" (freq)
    Rule("set_rate", "SET", r"(?:(?P<freq>once|twice|thrice|{number} (?P<fwhat>times|days|nights|hours)) (?:a|an|per|every|each)|(?P<rate>a|an|per)) {unit}(?![-\w])", 0),  # noqa: E501
    Rule("weekday_set", "SET", r"(?P<wplural>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)", 1),  # noqa: E501
)  # fmt: skip
"""The grammar, most specific rules first within each group."""


_HYPHEN_PREFIXES: Final = "|".join(
    f"(?<={word}-)" for word in ("mid", "pre", "post", "late", "early", "Mid", "Pre", "Post")
)


def expand(template: str) -> str:
    """Turn a rule template into a regular expression.

    Args:
        template: A template using ``{fragment}`` names and spaces.

    Returns:
        The regular-expression source, wrapped in word boundaries.

    Raises:
        KeyError: naming an unknown fragment.
    """
    source = _substitute(template, FRAGMENTS)
    return rf"(?<![\w'’])(?:(?<!\w-)|{_HYPHEN_PREFIXES})(?:{source})(?![\w-])(?!['’](?![sS]\b)\w)"


def _substitute(template: str, fragments: Mapping[str, str]) -> str:
    """The pattern of *template* (without :func:`expand`'s checks at either end), its
    ``{name}`` pieces taken from *fragments*."""
    source = re.sub(r"\{(\w+)\}", lambda m: fragments[m.group(1)], template)
    return source.replace(" ", r"\s+")


@attrs.frozen
class CompiledRule:
    """A :class:`Rule` with its compiled pattern."""

    rule: Rule
    pattern: re.Pattern[str]


def compile_rules(rules: Iterable[Rule] = RULES) -> tuple[CompiledRule, ...]:
    """Compile *rules* (case-insensitively).

    Args:
        rules: The rules to compile; default :data:`RULES`.

    Returns:
        One :class:`CompiledRule` per rule, in the same order.

    Raises:
        ValueError: naming the rule whose template is not a valid pattern.
    """
    compiled = []
    for rule in rules:
        try:
            compiled.append(CompiledRule(rule, re.compile(expand(rule.template), re.I)))
        except (re.error, KeyError) as exc:
            raise ValueError(f"grammar rule {rule.name!r} does not compile: {exc}") from exc
    return tuple(compiled)


COMPILED: Final[tuple[CompiledRule, ...]] = compile_rules()
"""The compiled grammar."""

LEADING_WORDS: Final[frozenset[str]] = frozenset({"the", "a", "an", "that"})
"""Words a rule can begin with that are too common to look for: when :data:`TRIGGER`
finds a word, the rules are also tried from one of these just before it."""


def _trigger_word(phrase: str) -> str:
    """The word of *phrase* that :data:`TRIGGER` looks for: its first, or its second
    when the first is one of :data:`LEADING_WORDS` (``the near term``)."""
    pieces = phrase.lower().split(" ")
    return pieces[1] if len(pieces) > 1 and pieces[0] in LEADING_WORDS else pieces[0]


FIRST_WORDS: Final[frozenset[str]] = frozenset(
    _trigger_word(phrase)
    for table in (
        lx.MONTHS, lx.WEEKDAYS, lx.HOLIDAYS, lx.FLOATING_HOLIDAYS, lx.EASTER_HOLIDAYS,
        lx.NUMBERS,
        lx.VAGUE_QUANTITIES, lx.ORDINALS, lx.SEASONS, lx.PARTS_OF_DAY, lx.CLOCK_WORDS,
        lx.DAY_WORDS, lx.REFERENCES, lx.RELATIVE_DIRECTIONS, lx.UNITS, lx.UNIT_PLURALS,
        lx.SET_WORDS, lx.WRITTEN_DECADES,
    )
    for phrase in table
) | {
    "the", "that", "this", "last", "tonight", "overnight", "fiscal", "financial", "fy",
    "every", "each", "per", "half", "twice", "thrice", "recent", "coming", "past", "next",
    "early", "mid", "late", "nineteen", "eighteen", "two", "first", "year", "mondays", "tuesdays",
    "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "same", "full", "whole",
    "entire", "calendar", "latest", "current", "comparable", "following", "previous",
    "prior", "preceding", "couple", "few", "dozen", "number", "hundred", "thousand", "while",
    "year-ago", "year-earlier", "a-year-earlier", "year-before", "end", "beginning",
    "additional", "extra",
}  # fmt: skip
"""Every word a rule can begin with, besides digits and ``LEADING_WORDS``."""

TRIGGER: Final = re.compile(
    r"(?<![\w'’])(?:\d|['’]\d|" + words(FIRST_WORDS - LEADING_WORDS) + r"(?![a-z]))", re.I
)
"""Where a rule may match: a digit or one of :data:`FIRST_WORDS` at the start of a word.

Only there (and up to two leading words earlier) are the rules tried, which is what makes
reading a text fast; a test checks that this finds every match the rules find alone."""

def _any_rule(rules: Iterable[Rule]) -> re.Pattern[str]:
    sources = []
    for rule in rules:
        source = re.sub(r"\{(\w+)\}", lambda m: FRAGMENTS[m.group(1)], rule.template)
        source = source.replace(" ", r"\s+").replace(r"(?(tzopen)\))", r"\)?")
        # an empty group at the end of each rule: set only where the rule matched (a
        # group around it would cost every attempt saving and restoring its marks)
        sources.append("(?:" + re.sub(r"\(\?P<\w+>", "(?:", source) + ")()")
    return re.compile("|".join(sources), re.I)


ANY_RULE: Final = _any_rule(RULES)
"""Every rule in one pattern, without their checks at either end: where it does not
match, no rule does, and the rules need not be tried one by one. Each rule ends with an
empty group, numbered as the rule (its place in ``RULES``, plus one), and there is
no other: where the pattern matches, the ``lastindex`` of the match is the first rule
whose pattern, less those checks, matches there, so that no rule before it can match
there either."""

LEADING_BEFORE: Final = re.compile(r"(?<![\w'’])" + words(LEADING_WORDS) + r"(?:\s+|-)$", re.I)
"""A leading word right before a trigger, with spaces or a hyphen between (searched in a few
characters before it): the rules read ``a week`` and ``a-week`` alike."""


DURATION_MOD_BEFORE: Final = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?P<mod>" + words(lx.DURATION_MODS) + r")\s+$", re.I
)
"""A duration modifier right before an expression (``more than |seven years``)."""

POINT_MOD_BEFORE: Final = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?P<mod>" + words(lx.POINT_MODS) + r")(?:\s+|-)$", re.I
)
"""A point modifier right before an expression (``early |next year``)."""

SHIFT_AFTER: Final = re.compile(r"^\s+(?P<shift>" + words(lx.SHIFT_WORDS) + r")(?![\w-])", re.I)
"""A shift word right after a duration (``three years| ago``)."""

OR_SO_AFTER: Final = re.compile(r"^\s+or\s+so(?!\w)", re.I)
"""``or so`` after an expression (approximate)."""

WORD: Final = re.compile(r"[\w'’]+|[^\w\s]")
"""A word or a punctuation mark (for context checks)."""


# -- which rules can begin with a character -------------------------------------------------

_ASCII: Final = tuple(chr(code) for code in range(128))
_CLASS_ESCAPES: Final = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}  # fmt: skip
_ZERO_WIDTH: Final = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS: Final = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


class _Unknown(Exception):
    """A piece of pattern :func:`first_characters` does not read: any character may begin it."""


def _escaped(code: int) -> str:
    return re.escape(chr(code))


def _class_source(items: list[tuple[Any, Any]]) -> str:
    """The source of a character class (``[...]``) from its parsed items."""
    pieces: list[str] = []
    for op, av in items:
        if op is _sre.NEGATE:
            pieces.insert(0, "^")
        elif op is _sre.LITERAL:
            pieces.append(_escaped(av))
        elif op is _sre.RANGE:
            pieces.append(f"{_escaped(av[0])}-{_escaped(av[1])}")
        elif op is _sre.CATEGORY and av in _CLASS_ESCAPES:
            pieces.append(_CLASS_ESCAPES[av])
        else:
            raise _Unknown(op)
    return "[" + "".join(pieces) + "]"


@functools.cache
def _accepted(source: str, flags: int) -> frozenset[str]:
    """The ASCII characters that the one-character pattern *source* matches."""
    one = re.compile(source, flags).fullmatch
    return frozenset(char for char in _ASCII if one(char))


def _first(items: Iterable[tuple[Any, Any]], flags: int) -> tuple[set[str], bool]:
    """The ASCII characters a match of the parsed *items* can begin with, and whether
    they can match the empty string (then what follows them can begin it too)."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:  # a lookaround or an anchor: taken as matching (more rules tried)
            continue
        if op is _sre.LITERAL:
            return found | _accepted(_escaped(av), flags), False
        if op is _sre.IN:
            return found | _accepted(_class_source(av), flags), False
        if op is _sre.SUBPATTERN or op is _sre.ATOMIC_GROUP:
            pattern = av if op is _sre.ATOMIC_GROUP else av[3]
            if op is _sre.SUBPATTERN and (av[1] or av[2]):  # (?i:...) changes the flags
                raise _Unknown(op)
            chars, empty = _first(pattern.data, flags)
        elif op is _sre.BRANCH or op is _sre.GROUPREF_EXISTS:
            branches = av[1] if op is _sre.BRANCH else [av[1], av[2]]
            chars, empty = set(), False
            for branch in branches:
                branch_chars, branch_empty = _first(branch.data if branch else (), flags)
                chars |= branch_chars
                empty = empty or branch_empty
        elif op in _REPEATS:
            chars, empty = _first(av[2].data, flags)
            empty = empty or av[0] == 0
        else:  # ANY, NOT_LITERAL, a back reference...
            raise _Unknown(op)
        found |= chars
        if not empty:
            return found, False
    return found, True


def first_characters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII characters a match of *pattern* can begin with.

    Read from the pattern's parse; lookarounds count as matching, so the set may hold
    more characters than can really begin a match, never fewer.

    Returns:
        The characters, or ``None`` when any character may begin a match (one that
        matches the empty string, or a piece this function does not read).
    """
    return _first_characters_of(pattern.pattern, pattern.flags)


def _first_characters_of(source: str, flags: int) -> frozenset[str] | None:
    """:func:`first_characters` of the pattern *source* with *flags*, parsed, not compiled."""
    try:
        chars, empty = _first(_parser.parse(source, flags).data, flags)
    except Exception:  # a piece not read, or a parse of another shape: every rule is tried
        return None
    return None if empty else frozenset(chars)


_STAND_IN_FLAGS: Final = re.I | re.U  # a compiled rule's flags (re.U: it is a str pattern)


def _fragment_stand_in(source: str) -> str | None:
    """A character class of the ASCII characters a match of the fragment *source* can
    begin with, or ``None`` when the fragment is not read, can match the empty string or
    can begin with a space or a non-ASCII character only."""
    chars = _first_characters_of(source.replace(" ", r"\s+"), _STAND_IN_FLAGS)
    if not chars or " " in chars:
        return None
    return "(?:[" + "".join(_escaped(ord(char)) for char in sorted(chars)) + "])"


def _rule_first_characters(
    item: CompiledRule, stand_ins: Mapping[str, str]
) -> frozenset[str] | None:
    """:func:`first_characters` of a compiled rule, read from a short stand-in when it can be.

    The stand-in is the rule's template with each fragment replaced by the class of the
    characters it can begin with (*stand_ins*, by fragment name): parsing it is quicker
    than parsing the rule's pattern with all its words, and gives the same characters (a
    test checks every rule). A rule with a fragment that has no stand-in is read from its
    pattern.
    """
    names = re.findall(r"\{(\w+)\}", item.rule.template)
    if item.pattern.flags != _STAND_IN_FLAGS or not all(name in stand_ins for name in names):
        return first_characters(item.pattern)
    # expand()'s checks at either end are lookarounds, which begin no match: left out
    return _first_characters_of(_substitute(item.rule.template, stand_ins), _STAND_IN_FLAGS)


def _rules_by_first_character(
    compiled: tuple[CompiledRule, ...],
) -> dict[str, tuple[CompiledRule, ...]]:
    stand_ins = {
        name: stand_in for name, source in FRAGMENTS.items()
        if (stand_in := _fragment_stand_in(source)) is not None
    }  # fmt: skip
    firsts = [_rule_first_characters(item, stand_ins) for item in compiled]
    return {
        char: tuple(item for item, first in zip(compiled, firsts, strict=True)
                    if first is None or char in first)
        for char in _ASCII
    }  # fmt: skip


RULES_BY_FIRST: Final = _rules_by_first_character(COMPILED)
"""The compiled rules that can match where the text has an ASCII character, by that
character (in the order of ``COMPILED``); at any other character every rule is tried."""
