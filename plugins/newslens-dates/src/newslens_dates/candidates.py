"""Step 1 of reading a text: where the grammar's rules match, before any check.

Only where :data:`newslens_dates.grammar.TRIGGER` finds a word a rule can begin with
(or one leading word such as *the* just before it) are the rules tried. Every match
becomes a :class:`Candidate`; :mod:`newslens_dates.checks` then decides which are
expressions and :mod:`newslens_dates.selection` which of the overlapping ones is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Final

import attrs

from newslens_dates import grammar


@attrs.frozen
class Candidate:
    """A grammar match before normalisation.

    Attributes:
        start: Where the match starts in the text.
        end: Where it ends.
        rule: The grammar rule that matched.
        groups: The rule's named groups (``month``, ``unit``...), ``None`` when unmatched.
        mod: The TIMEX3 ``mod`` of a modifier taken in before it (``more than``).
        shift: The shift word taken in after a duration (``ago``, ``later``).
        approx: Whether ``or so`` follows it.
    """

    start: int
    end: int
    rule: grammar.Rule
    groups: dict[str, str | None]
    mod: str | None = None
    shift: str | None = None
    approx: bool = False


def trigger_offsets(text: str) -> list[int]:
    """Return the offsets where a rule may match, in text order.

    A trigger word is one place; up to two leading words (``the``, ``a``...)
    right before it are the others.
    """
    return _trigger_offsets(text, _in_lower_case(text))


def _trigger_offsets(text: str, lowered: str | None) -> list[int]:
    """:func:`trigger_offsets` of *text*, whose :func:`_in_lower_case` is *lowered*."""
    starts: list[int] = []
    if lowered is not None:
        # the same offsets, found faster: the patterns' words are in lower case
        triggers = _TRIGGER_IN_LOWER_CASE.finditer(lowered)
        search_lead, text = _LEADING_IN_LOWER_CASE.search, lowered
    else:
        triggers = grammar.TRIGGER.finditer(text)
        search_lead = grammar.LEADING_BEFORE.search
    for trigger in triggers:
        start = trigger.start()
        lead = search_lead(text, max(0, start - 12), start)
        if lead is not None:  # and one more before it: "the a hour", "that the next"
            first = search_lead(text, max(0, lead.start() - 12), lead.start())
            if first is not None and (not starts or starts[-1] < first.start()):
                starts.append(first.start())
            if not starts or starts[-1] < lead.start():
                starts.append(lead.start())
        if not starts or starts[-1] < start:
            starts.append(start)
    return starts


def _in_lower_case(text: str) -> str | None:
    """*text* in lower case, where the patterns read it as they read *text* with
    ``re.IGNORECASE`` (its length is the same, and it holds none of :data:`_CASE_FOLDS`);
    otherwise ``None``."""
    lowered = text.lower()
    if len(lowered) == len(text) and not any(fold in text for fold in _CASE_FOLDS):
        return lowered
    return None


_TRIGGER_IN_LOWER_CASE: Final = re.compile(grammar.TRIGGER.pattern)
""":data:`~newslens_dates.grammar.TRIGGER` without ``re.IGNORECASE``, for a text in lower
case: its words are in lower case, and comparing characters as they are is quicker."""

_LEADING_IN_LOWER_CASE: Final = re.compile(grammar.LEADING_BEFORE.pattern)
""":data:`~newslens_dates.grammar.LEADING_BEFORE` without ``re.IGNORECASE``."""

_ANY_RULE_IN_LOWER_CASE: Final = re.compile(grammar.ANY_RULE.pattern.lower())
""":data:`~newslens_dates.grammar.ANY_RULE` in lower case (its letters are all in words
and classes: it has no escape in upper case, such as ``\\W``, that lower case would
change), without ``re.IGNORECASE``, for a text in lower case: where a rule begins with a
literal the engine passes over it at once (with ``re.IGNORECASE`` it enters each), about
half the time of the gate. A test checks it matches as ANY_RULE does."""

_CASE_FOLDS: Final = frozenset("\u0131\u017f")
"""The characters that ``re.IGNORECASE`` matches to an ASCII letter although their lower
case is not that letter (dotless *ı* to *i*, long *ſ* to *s*): in a text holding one, the
offsets are found by :data:`~newslens_dates.grammar.TRIGGER` itself. A test checks
every character."""


def matches(text: str, exhaustive: bool = False) -> set[tuple[int, int, str]]:
    """Return ``(start, end, rule name)`` of every rule match in *text* (before any check).

    Args:
        text: The text.
        exhaustive: Try every rule at every offset, instead of only where
            :data:`newslens_dates.grammar.TRIGGER` points and only the rules that can
            begin with the character there (slow; for tests).
    """
    found = set()
    if exhaustive:
        for start in range(len(text)):
            for compiled in grammar.COMPILED:
                match = compiled.pattern.match(text, start)
                if match is not None:
                    found.add((start, match.end(), compiled.rule.name))
        return found
    for candidate in rule_matches(text):
        found.add((candidate.start, candidate.end, candidate.rule.name))
    return found


_MATCHERS: Final = tuple((compiled.rule, compiled.pattern.match) for compiled in grammar.COMPILED)
"""Each rule with its pattern's ``match`` (looked up once, not at every offset)."""

_MATCHERS_BY_FIRST: Final = {
    char: tuple((compiled.rule, compiled.pattern.match) for compiled in rules)
    for char, rules in grammar.RULES_BY_FIRST.items()
}
""":data:`_MATCHERS` of the rules that can begin with an ASCII character, by character."""


_GATED: Final = frozenset(char for char, rules in _MATCHERS_BY_FIRST.items() if len(rules) > 8)
"""The characters many rules can begin with: there :data:`~newslens_dates.grammar.ANY_RULE`
is tried first (one call where most offsets match no rule), elsewhere the few rules
themselves."""

_PLACES: Final = {rule: place for place, rule in enumerate(grammar.RULES, 1)}
"""Each rule's group in :data:`~newslens_dates.grammar.ANY_RULE` (its place in the rules,
from 1)."""

_FIRST_PLACES: Final = {
    char: [_PLACES[rule] for rule, _ in matchers]
    for char, matchers in ((None, _MATCHERS), *_MATCHERS_BY_FIRST.items())
}
"""The groups of :data:`_MATCHERS_BY_FIRST` (and of :data:`_MATCHERS`, under ``None``),
in the same order (ascending), for bisection."""


def rule_matches(text: str) -> Iterator[Candidate]:
    """Yield a :class:`Candidate` for every rule match in *text*, in text order.

    Where :data:`~newslens_dates.grammar.ANY_RULE` is tried first, the rules before the
    first one it finds are not tried: they cannot match there.
    """
    lowered = _in_lower_case(text)
    if lowered is not None:  # the gate reads the text in lower case (the rules as written)
        any_rule, gated_text = _ANY_RULE_IN_LOWER_CASE.match, lowered
    else:
        any_rule, gated_text = grammar.ANY_RULE.match, text
    by_first, every, gated, places = _MATCHERS_BY_FIRST, _MATCHERS, _GATED, _FIRST_PLACES
    for start in _trigger_offsets(text, lowered):
        char = text[start]
        matchers = by_first.get(char, every)
        if char in gated or char not in by_first:
            found = any_rule(gated_text, start)
            if found is None:
                continue
            first = found.lastindex or 0  # (never 0: every rule ends with its group)
            matchers = matchers[bisect_left(places.get(char, places[None]), first) :]
        for rule, match_at in matchers:
            match = match_at(text, start)
            if match is not None:
                yield Candidate(start, match.end(), rule, match.groupdict())
