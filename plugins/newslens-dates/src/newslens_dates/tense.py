"""Which way a bare date points: the tense of the clause around it.

"He met them on Friday" means the last Friday; "he will meet them on Friday" the next.
:func:`clause_tense` reads the words of the clause around an expression: part-of-speech
tags and morphology when the annotator gives them (``VBD``, ``Tense=Past``, modal
``will``), else the word lists of :mod:`newslens_dates.lexicon` (``will``, ``said``,
*-ed* forms).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple, overload

import attrs

from newslens_dates import lexicon as lx

PAST: Final = -1
FUTURE: Final = 1
UNKNOWN: Final = 0

TOKENS: Final = re.compile(r"\w+(?:[.'’]\w+|:\d\d)*|[^\w\s]|\n")
"""A word (a clock time ``14:00`` is one: its colon ends no clause), a mark, a newline."""
_WORDS: Final = TOKENS
"""A word (a clock time ``14:00`` is one: its colon ends no clause), a mark, a newline."""
_SENTENCE_END: Final = frozenset({".", "!", "?", "\n"})
NOT_WORDS: Final = _SENTENCE_END | lx.CLAUSE_BREAKS
"""Tokens of :func:`words_from_text`'s pattern that are never words (they end a
sentence or a clause)."""
_PASSIVE: Final = frozenset(
    {"be", "been", "being", "to", "will", "would", "'s", "has", "have", "is", "are", "'re",
     "am", "remain", "remains", "stay", "stays"}
)
"""Words after which an *-ed* form is no past: a passive or perfect ("will be held"),
or a state in the present ("is closed", "remains shut")."""
_LEFT_WINDOW: Final = 12
_RIGHT_WINDOW: Final = 4
_PLAN_VERBS: Final = frozenset({"plan", "plans", "planned", "planning", "intend", "intends",
                                "intended", "hopes", "hoped", "hope", "aims", "aimed"})
"""Verbs of intention: before an infinitive (``planned to leave``) they point forward."""
_NOUN_CUES: Final = frozenset({"tomorrow"})
"""Cue words that keep their meaning when an annotator tags them as nouns."""
_RIGHT_STOPS: Final = frozenset(
    {"that", "and", "but", "because", "when", "while", "after", "before"}
)
_LEFT_STOPS: Final = frozenset({"after", "before", "because", "while", "since", "until"})
_SUBJECTS: Final = frozenset({"i", "you", "he", "she", "it", "we", "they"})


def _opens_clause(words: Sequence[Word], index: int) -> bool:
    """Whether the word at *index* opens a clause of its own: a conjunction before a
    verb in *-ing* or a subject ("after hurting her ankle in training on Thursday", not
    "after the Oct. 23 slaying"); looking left stops there, before "will miss"."""
    if words[index].text.lower() not in _LEFT_STOPS or index + 1 >= len(words):
        return False
    following = words[index + 1].text.lower()
    return following.endswith("ing") or following in _SUBJECTS


@attrs.frozen
class Word:
    """A word with its offsets, tags when known, and the number of its clause."""

    start: int
    end: int
    text: str
    clause: int
    xpos: str | None = None
    feats: str | None = None


class WordColumns(Sequence[Word]):
    """The words of an annotated text, read from its token columns: a :class:`Word` is
    made only when a rule asks for it (a rule reads a few words around each expression,
    not the whole text).

    Args:
        columns: The token table's ``start``, ``end``, ``text``, ``xpos`` and ``feats``
            columns (each one value per token).
        index: The token index of each word, in text order.
        clauses: The clause number of each word.
    """

    __slots__ = ("_clauses", "_columns", "_index", "starts")

    def __init__(
        self,
        columns: tuple[Sequence[int], Sequence[int], Sequence[str], Sequence[str | None],
                       Sequence[str | None]],
        index: list[int],
        clauses: list[int],
    ) -> None:
        if len(index) != len(clauses):
            raise ValueError("index and clauses must have one value per word")
        self._columns = columns
        self._index = index
        self._clauses = clauses
        token_starts = columns[0]
        self.starts: list[int] = [token_starts[i] for i in index]
        """The start of each word (for bisection)."""

    def __len__(self) -> int:
        return len(self._index)

    @overload
    def __getitem__(self, position: int) -> Word: ...

    @overload
    def __getitem__(self, position: slice) -> tuple[Word, ...]: ...

    def __getitem__(self, position: int | slice) -> Word | tuple[Word, ...]:
        if isinstance(position, slice):
            return tuple(self[i] for i in range(*position.indices(len(self._index))))
        i = self._index[position]
        starts, ends, texts, xpos, feats = self._columns
        return Word(starts[i], ends[i], texts[i], self._clauses[position], xpos[i], feats[i])


def words_from_text(text: str, start: int = 0, end: int | None = None) -> tuple[Word, ...]:
    """Split *text* (or its slice ``[start, end)``) into words and clauses, without an annotator.

    A clause ends at sentence punctuation, a newline, or a mark in
    :data:`newslens_dates.lexicon.CLAUSE_BREAKS`. Offsets are offsets into *text*.
    """
    result: list[Word] = []
    clause = 0
    for match in _WORDS.finditer(text, start, len(text) if end is None else end):
        token = match.group()
        if token == "." and result and result[-1].end == match.start():
            previous = result[-1].text.lower()
            if len(previous) == 1 or previous in lx.ABBREVIATIONS:
                continue  # "U.S.", "Mr.", "Sept.": not the end of a sentence
        if token in _SENTENCE_END or token in lx.CLAUSE_BREAKS:
            clause += 1
            continue
        result.append(Word(match.start(), match.end(), token, clause))
    return tuple(result)


class _Seen(NamedTuple):
    """A word as the cue rules see it, with its neighbours (lower case, ``""`` if none),
    and whether it is in the headline."""

    lower: str
    text: str
    xpos: str | None
    feats: str
    before: str
    after: str
    strong: bool
    headline: bool = False


_MODALS: Final = frozenset({"could", "might", "may", "should", "must"})
"""Modal words that are also other words ("the May issue", "a must")."""


def _tagged_as_noun(w: _Seen) -> bool:
    """"the plan", "the set", "a hit": a noun says nothing of tense."""
    return w.xpos is not None and w.xpos.startswith("NN") and w.lower not in _NOUN_CUES


def _headline_infinitive(w: _Seen) -> bool:
    """A headline's infinitive is its future: "Harbour bridge to reopen on Friday"
    (a verb after *to*: tagged ``VB``, or without tags a lower-case word)."""
    if not w.headline or w.before != "to" or not w.lower.isalpha():
        return False
    return w.xpos.startswith("VB") if w.xpos is not None else w.text[:1].islower()


def _headline_present(w: _Seen) -> bool:
    """A headline's present tense tells the past: "Putin invades Ukraine" (tagged only)."""
    return w.headline and w.xpos in ("VBZ", "VBP") and w.lower not in ("has", "have", "'s")


_NOT_PRESENT_BEFORE: Final = frozenset(
    {"to", "not", "n't", "did", "didn't", "never", "had", "has", "have", "would", "could",
     "the", "a", "an", "his", "her", "its", "their", "our", "this", "that"}
)  # fmt: skip
"""Words before a verb of :data:`newslens_dates.lexicon.SCHEDULED_PRESENT` that make it
no present tense ("failed to meet", "did not open") or a noun ("the start")."""


def _scheduled_present(w: _Seen) -> bool:
    """In the body, a scheduled event in the present tense is ahead: "Polls open on
    Tuesday", "the sides meet again on Saturday" (tagged: ``VBZ``/``VBP`` only)."""
    if w.headline or w.lower not in lx.SCHEDULED_PRESENT or w.before in _NOT_PRESENT_BEFORE:
        return False
    if w.before.endswith(("'s", "’s")):  # "Friday's close": a noun
        return False
    return w.xpos in ("VBZ", "VBP") if w.xpos is not None else w.text[:1].islower()


def _next_to(w: _Seen) -> bool:
    """"next to the embassy": a place, not the future."""
    return w.lower == "next" and w.after == "to"


def _plan_before_infinitive(w: _Seen) -> bool:
    """"planned to leave on Thursday": a plan looks ahead (not "had planned to")."""
    return w.lower in _PLAN_VERBS and w.after == "to" and w.before not in ("had", "been")


def _set_to(w: _Seen) -> bool:
    """"is set to end on Monday", "poised to win on Sunday" (not "was set to")."""
    return (
        w.lower in ("set", "poised")
        and w.after == "to"
        and w.before not in ("was", "were", "had", "been")
    )


def _past_plan(w: _Seen) -> bool:
    """"had been scheduled to expire Friday": a plan in the past."""
    return w.lower in lx.STRONG_FUTURE_CUES and w.before in ("been", "had")


def _future_infinitive(w: _Seen) -> bool:
    """"set to resume Monday", "plans to meet Monday"."""
    return w.lower in lx.FUTURE_CUES and w.before == "to" and w.lower not in lx.PAST_CUES


def _weak_future_word_for_weekday(w: _Seen) -> bool:
    """A weekday goes forward only with a strong cue ("will", "scheduled")."""
    return w.strong and w.lower not in lx.STRONG_FUTURE_CUES and w.lower in lx.FUTURE_CUES


def _weak_modal_for_weekday(w: _Seen) -> bool:
    """Nor with a modal that is not a strong cue ("can meet Friday")."""
    return w.xpos == "MD" and w.strong and w.lower not in lx.STRONG_FUTURE_CUES


def _modal_word_not_a_modal(w: _Seen) -> bool:
    """"may" or "must" that the annotator did not tag as a modal."""
    return (
        w.lower in lx.FUTURE_CUES and w.lower in _MODALS and w.xpos is not None and w.xpos != "MD"
    )


def _future_word(w: _Seen) -> bool:
    """A modal ("will", "may"), or a word of the future ("expected", "scheduled")."""
    return w.xpos == "MD" or w.lower in lx.FUTURE_CUES


def _finite_past_tag(w: _Seen) -> bool:
    """A verb tagged past: ``VBD``, or a finite verb with ``Tense=Past``."""
    if w.xpos is None:
        return False
    return w.xpos == "VBD" or (
        w.xpos.startswith("VB") and "Tense=Past" in w.feats and "VerbForm=Fin" in w.feats
    )


def _present_tag(w: _Seen) -> bool:
    """A verb tagged present ("is", "says"), but not the auxiliary of a perfect ("has")."""
    return w.xpos in ("VBZ", "VBP") and w.lower not in ("has", "have", "'s")


def _tagged_past_word(w: _Seen) -> bool:
    """A verb that is one of the past words ("said", "met"), whatever its tag, but not
    a participle after an auxiliary ("will be held")."""
    return (
        w.xpos is not None
        and w.xpos.startswith("VB")
        and w.lower in lx.PAST_CUES
        and w.before not in _PASSIVE
    )


def _past_word(w: _Seen) -> bool:
    """Without tags: a past word ("said", "was", "ago"), but not a participle after an
    auxiliary ("will be held", "is set")."""
    return w.lower in lx.PAST_CUES and w.before not in _PASSIVE


def _ed_form(w: _Seen) -> bool:
    """Without tags: a lower-case *-ed* form, not after an auxiliary ("will be
    considered") and not an *-ed* word that is no past ("need", "hundred", "scheduled")."""
    return (
        w.lower.endswith("ed")
        and len(w.lower) > 4
        and w.lower not in lx.NOT_PAST_ED
        and w.before not in _PASSIVE
        and w.text[:1].islower()
    )


_Rules = tuple[tuple[Callable[[_Seen], bool], int], ...]

_WORD_RULES: Final[_Rules] = (
    (_headline_infinitive, FUTURE),
    (_scheduled_present, FUTURE),
    (_next_to, UNKNOWN),
    (_plan_before_infinitive, FUTURE),
    (_set_to, FUTURE),
    (_past_plan, PAST),
    (_future_infinitive, FUTURE),
    (_weak_future_word_for_weekday, UNKNOWN),
)
"""The first rules, tagged or not: plans and infinitives, and what a weekday ignores."""

TAGGED_RULES: Final[_Rules] = (
    (_tagged_as_noun, UNKNOWN),
    (_headline_present, PAST),
    *_WORD_RULES,
    (_weak_modal_for_weekday, UNKNOWN),
    (_modal_word_not_a_modal, UNKNOWN),
    (_future_word, FUTURE),
    (_finite_past_tag, PAST),
    (_present_tag, UNKNOWN),
    (_tagged_past_word, PAST),
)
"""The cue rules of a word with a part-of-speech tag, in order: the first that holds
gives its tense; when none does, the tags said nothing and the word is no cue."""

UNTAGGED_RULES: Final[_Rules] = (
    *_WORD_RULES,
    (_future_word, FUTURE),
    (_past_word, PAST),
    (_ed_form, PAST),
)
"""The cue rules of a word without tags (the lite backend), in order, as above."""


def _cue(
    word: Word,
    previous: Word | None,
    strong: bool = False,
    following: Word | None = None,
    headline_end: int = 0,
) -> int:
    """Return the tense *word* is a cue of (``UNKNOWN`` if none).

    The rules are :data:`TAGGED_RULES` when the word has a tag, else
    :data:`UNTAGGED_RULES`.

    Args:
        word: The word.
        previous: The word before it, if any.
        strong: Count only strong future cues (for weekdays).
        following: The word after it, if any.
        headline_end: Where the headline ends (``0``: no headline); its words are read
            by the headline's rules.
    """
    seen = _Seen(
        word.text.lower(),
        word.text,
        word.xpos,
        word.feats or "",
        previous.text.lower() if previous is not None else "",
        following.text.lower() if following is not None else "",
        strong,
        word.start < headline_end,
    )
    for holds, tense in TAGGED_RULES if word.xpos is not None else UNTAGGED_RULES:
        if holds(seen):
            return tense
    return UNKNOWN


def clause_tense(
    words: Sequence[Word],
    starts: Sequence[int],
    start: int,
    end: int,
    strong: bool = False,
    headline_end: int = 0,
) -> int:
    """Return :data:`PAST`, :data:`FUTURE` or :data:`UNKNOWN` for the span ``[start, end)``.

    Looks left from the expression (nearest word first, within its clause) and then
    right, and returns the first cue found.

    Args:
        words: The document's words in text order.
        starts: ``[w.start for w in words]`` (for bisection).
        start: Start of the expression.
        end: End of the expression.
        strong: Count only strong future cues (``will``, ``scheduled``), for weekdays.
        headline_end: Where the headline ends, ``0`` when the text has none: a
            headline's infinitive is the future, its present tense the past.
    """
    left = bisect.bisect_left(starts, start)
    right = bisect.bisect_left(starts, end)
    clause = words[left].clause if left < len(words) else None
    if left > 0 and (clause is None or words[left - 1].clause == clause):
        clause = words[left - 1].clause
    for index in range(left - 1, max(-1, left - 1 - _LEFT_WINDOW), -1):
        word = words[index]
        if word.clause != clause or (index < left - 1 and _opens_clause(words, index)):
            break
        cue = _cue(word, words[index - 1] if index > 0 else None, strong, _after(words, index),
                   headline_end)
        if cue:
            return cue
    for index in range(right, min(len(words), right + _RIGHT_WINDOW)):
        word = words[index]
        if word.clause != clause or word.text.lower() in _RIGHT_STOPS:
            break
        cue = _cue(word, words[index - 1] if index > 0 else None, strong, _after(words, index),
                   headline_end)
        if cue:
            return cue
    return UNKNOWN


def _after(words: Sequence[Word], index: int) -> Word | None:
    return words[index + 1] if index + 1 < len(words) else None
