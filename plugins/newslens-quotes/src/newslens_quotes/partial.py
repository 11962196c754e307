"""Partial quotes: quoted words inside someone's reported statement.

A mixed quote is reported speech that holds the speaker's own words in quotation
marks (``Trump called the plan a "disaster"``). The reported-speech rules find
where such a content starts; the rules here decide where it ends and add the
quotations that those rules leave out:

* ``trim_tail``: a mixed content ends with the clause its last quotation closes,
  not with the sentence: what comes after the closing mark and starts a new
  clause or an adjunct of the attribution is left out (``... blasted Clinton as a
  "disgrace" | Wednesday on a radio show``, ``... the plan was "unfair," | adding
  that ...``, ``... called him a "nice guy" | and praised his rival``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from newslens_quotes.attribution import Found
from newslens_quotes.words import SUBJECT_PRONOUNS, TIME_WORDS, Words, is_verb

_BREAKS: Final = frozenset({",", ";", ":", "(", "—", "–", "--", "―", "-", "…"})
"""Punctuation after a closing mark that ends the quoted clause."""
_CLAUSE_LINKS: Final = frozenset({"but", "while", "as", "whereas", "although", "though"})
"""Words after a closing mark that start another clause."""
_SETTINGS: Final = frozenset({
    "statement", "interview", "tweet", "speech", "rally", "email", "post", "letter",
    "briefing", "hearing", "debate", "appearance", "memo", "video", "op-ed", "book",
    "article", "column", "campaign", "conference", "address", "remarks", "broadcast",
})
"""The settings of an attribution (``in a tweet``, ``during a campaign stop``)."""
_SETTING_LEADS: Final = frozenset({"in", "on", "at", "during", "via", "through"})
_SETTING_WORDS: Final = 4  # words from the preposition to its setting: "in a lengthy interview"
_REPORTED: Final = frozenset({"reported", "continued", "passive", "dependency"})
"""The reported-speech rules whose content follows the cue (and may run on past its quote)."""


def trim_tail(words: Words, in_quote: Sequence[int], found: Found) -> None:
    """End a mixed content that follows its cue with the clause its first quotation closes
    (see the module's docstring); *found* is changed in place."""
    if found.kind != "mixed" or found.how not in _REPORTED:
        return
    first, end = words.token_at(found.start), words.token_at(found.end - 1) + 1
    cut = _tail_break(words, in_quote, first, end)
    if cut is None or cut <= first:
        return
    stop = words.end[cut - 1]
    found.end = stop
    if found.parts:
        found.parts = [(a, min(b, stop)) for a, b in found.parts if a < stop]


def _tail_break(words: Words, in_quote: Sequence[int], first: int, end: int) -> int | None:
    """The token in ``[first, end)`` where the clause of the last quotation ends: right
    after its closing mark when the quotation ends in a comma (``as "fantastic," telling
    reporters``) or an adjunct of time or setting follows the mark; else at a clause
    break, a link to another clause, or another predicate or clause after ``and``."""
    last = next((j for j in range(end - 2, first - 1, -1) if closed_here(words, in_quote, j)), None)
    if last is None:
        return None
    text = words.doc.text
    if text[words.start[last] - 1 : words.start[last]] in (",", ";") or _adjunct_starts(
        words, last + 1, end
    ):
        return last + 1
    for j in range(last + 1, end):
        low = words.lower[j]
        if low in _BREAKS or low in _CLAUSE_LINKS:
            return j
        if low == "and" and j + 1 < end and (
            is_verb(words, j + 1) or words.lower[j + 1] in SUBJECT_PRONOUNS
        ):
            return j  # "and threatened to ...", "and he didn't": another predicate or clause
    return None


def closed_here(words: Words, in_quote: Sequence[int], j: int) -> bool:
    """Whether token *j* is the closing mark of its quotation (its last token)."""
    return in_quote[j] >= 0 and (j + 1 >= len(words) or in_quote[j + 1] != in_quote[j])
def _adjunct_starts(words: Words, k: int, end: int) -> bool:
    """Whether a time (``Wednesday``) or a setting (``in a tweet``, ``during a campaign
    stop``) starts at token *k*: the attribution's, not the content's."""
    low = words.lower[k]
    if low in TIME_WORDS:
        return True
    if low not in _SETTING_LEADS:
        return False
    return any(words.lower[j] in _SETTINGS for j in range(k + 1, min(end, k + 1 + _SETTING_WORDS)))
