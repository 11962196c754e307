"""The detectors: each looks at two clauses and says whether, and how, they disagree.

Following de Marneffe, Rafferty and Manning (2008), two statements are first
*aligned* (do they speak of the same thing?) and only then compared for a
mismatch: negation, antonyms, numbers, dates, a denial of a claim. Alignment is
what keeps precision: a negated clause contradicts another only when every core
word it negates (its content words that are not likely modifiers) is found in
the other, and two clauses that each name something the other does not
(``Acme`` / ``Zenith``, ``first quarter`` / ``second quarter``, ``Tuesday`` /
``Thursday`` outside the date detector) are about different things.

Each detector returns a :class:`Hit` or ``None``; :mod:`newslens_contradictions.engine`
turns hits into findings with spans, sources and explanations.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import pairwise
from typing import Final

import attrs

from newslens_contradictions.clauses import Clause
from newslens_contradictions.lexicon import antonyms
from newslens_contradictions.numbers import Quantity, compatible

_FRAME_REACH: Final = 12
"""Characters after a quantity within which the word it counts starts."""

_FULL_DATE: Final = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH: Final = re.compile(r"\d{4}-\d\d")
_WEEKDAY: Final = re.compile(r"XXXX-WXX-\d")


@attrs.frozen(slots=True)
class Hit:
    """A detector's verdict on two clauses.

    Attributes:
        kind: The finding's kind (see :data:`newslens_contradictions.model.KINDS`).
        confidence: From 0 to 1.
        pieces: The words of each clause that disagree (earlier clause first).
        b_start: Where side ``b`` starts when it is narrower than its clause (a denial
            starts at its verb: ``denied invading Ukraine``), else ``None``.
        detector: The detector's name.
    """

    kind: str
    confidence: float
    pieces: tuple[str, str]
    b_start: int | None = None
    detector: str = ""


def different_things(x: Clause, y: Clause, *, dates: bool = True) -> bool:
    """Whether *x* and *y* each name something the other does not.

    Names, ordinals (``first``/``second``) and, when *dates* is true, dates with
    comparable values set two statements about different things apart.
    """
    if _unshared(x, y.names) and _unshared(y, x.names):
        return True
    if x.ordinals - y.ordinals and y.ordinals - x.ordinals:
        return True
    if dates and x.dates and y.dates:
        xs, ys = {d[3] for d in x.dates}, {d[3] for d in y.dates}
        if not xs & ys and any(comparable(a, b) for a in xs for b in ys):
            return True
    return False


def _unshared(clause: Clause, names: frozenset[str]) -> bool:
    """Whether *clause* names someone or something none of whose words are in *names*."""
    return any(not entity & names for entity in clause.entities)


def comparable(a: str, b: str) -> bool:
    """Whether two TIMEX3 values name days (or months, or weekdays) of the same precision."""
    for pattern in (_FULL_DATE, _MONTH, _WEEKDAY):
        if pattern.fullmatch(a) and pattern.fullmatch(b):
            return True
    return False


def _realis(x: Clause, y: Clause) -> bool:
    return not (x.irrealis or y.irrealis or x.correction or y.correction)


def negation(x: Clause, y: Clause) -> Hit | None:
    """A statement and its negation or denial (``negation`` or ``factive``).

    One clause is negated (an odd number of markers), the other is not; the negated
    clause's core words (after its first marker, for a denial) are all in the other
    clause, and at least two are.
    """
    if x.negated == y.negated or not _realis(x, y) or different_things(x, y):
        return None
    neg, pos = (x, y) if x.negated else (y, x)
    denials = [m for m in neg.markers if m.kind == "factive"]
    marker = denials[0] if denials else neg.markers[0]
    if denials:  # what is denied is what follows the denial, up to a comma
        claimed = {
            lemma for at, lemma, _ in neg.at if marker.start < at < marker.scope_end
        } & neg.core
        if not claimed & pos.content:
            return None
    else:  # what is negated is the clause up to the first comma after the marker
        claimed = {lemma for at, lemma, _ in neg.at if at < marker.scope_end} & neg.core
    claimed.discard(marker.lemma)
    shared = (neg.core - {marker.lemma}) & pos.content
    missing = claimed - pos.content
    if len(shared) < 2 or len(missing) > 1 or (missing and not _compound(neg, missing, shared)):
        return None
    confidence = (0.8 if len(shared) >= 3 else 0.7) - 0.1 * len(missing)
    b_start = marker.start if denials and neg is y else None
    pieces = (marker.word, "") if neg is x else ("", marker.word)
    if denials:
        return Hit("factive", confidence, pieces, b_start, "denial")
    return Hit("negation", confidence, pieces, None, "negation")


def _compound(clause: Clause, missing: set[str], shared: set[str]) -> bool:
    """Whether each *missing* word sits right before a *shared* one (``city council``)."""
    words = clause.at
    compounds = {
        lemma
        for (at, lemma, word), (nxt_at, nxt_lemma, _) in pairwise(words)
        if nxt_lemma in shared and nxt_at - (at + len(word)) <= 1
    }
    return missing <= compounds


OUTCOMES: Final = frozenset("""
win lose pass fail approve reject veto accept guilty innocent acquit convict true false
alive dead agree refuse confirm deny legal illegal success failure victory defeat
survive die open closed
""".split())
"""Opposites that cannot both hold of one event at any two times (``won``/``lost``);
other opposites (``rose``/``fell``) contradict only when both sides name the same date."""


def antonym(x: Clause, y: Clause) -> Hit | None:
    """Opposite predicates (``rose``/``fell``) in two clauses that agree on the rest."""
    if x.negated != y.negated or not _realis(x, y):
        return None
    if not any(opposites_of(u) & y.content for u in x.content - y.content):
        return None
    if different_things(x, y):
        return None
    only_x, only_y = x.content - y.content, y.content - x.content
    for u in sorted(only_x):
        for v in sorted(opposites_of(u) & only_y):
            rest_x, rest_y = x.core - {u}, y.core - {v}
            shared = rest_x & rest_y
            smaller = rest_x if len(rest_x) <= len(rest_y) else rest_y
            other = y.content if smaller is rest_x else x.content
            missing = len(smaller - other)
            outcome = u in OUTCOMES and v in OUTCOMES
            if outcome and x.names & y.names and missing <= 2:
                pass  # "Ellison wins re-election" / "Mayor Rita Ellison lost her bid"
            elif not shared or missing > 1 or (missing and len(shared) < 3):
                continue
            if not (u in OUTCOMES and v in OUTCOMES) and not (
                {d[3] for d in x.dates} & {d[3] for d in y.dates}
            ):
                continue  # rose, then fell: a sequence unless both say when
            confidence = 0.75 if len(shared) >= 2 else 0.6
            return Hit("antonym", confidence, (_word(x, u), _word(y, v)), None, "antonym")
    return None


@functools.cache
def opposites_of(lemma: str) -> frozenset[str]:
    """The opposites of *lemma* (:func:`~newslens_contradictions.lexicon.antonyms`, cached)."""
    return antonyms(lemma)


def _word(clause: Clause, lemma: str) -> str:
    return next((word for _, lem, word in clause.at if lem == lemma), lemma)


def _frame(clause: Clause, quantity: Quantity) -> tuple[str | None, str | None, str | None]:
    """What *quantity* counts, and when: the content word right before it (``killed
    40``), the first one after it (``40 people``), and a date right after it
    (``4.2 percent in June``)."""
    before = after = None
    for at, lemma, word in clause.at:
        if at + len(word) <= quantity.start:
            before = lemma if quantity.start - (at + len(word)) <= 1 else None
        elif at >= quantity.end:
            if at - quantity.end <= _FRAME_REACH:
                after = lemma
            break
    when = next(
        (value for start, _, _, value in clause.dates
         if 0 <= start - quantity.end <= _FRAME_REACH),
        None,
    )
    return before, after, when


def _same_count(a: tuple[str | None, ...], b: tuple[str | None, ...]) -> bool:
    """Whether two frames count the same thing: each slot both fill agrees, and one does."""
    both = [(p, q) for p, q in zip(a, b, strict=True) if p is not None and q is not None]
    return bool(both) and all(p == q for p, q in both)


def numeric(x: Clause, y: Clause) -> Hit | None:
    """Two incompatible quantities of the same thing in two aligned clauses.

    Each quantity's frame (the word before it, the word it counts, the date right
    after it) must agree with the other's wherever both have one; a unit (percent,
    a currency) or a shared date is needed when no word is shared.
    """
    if not x.quantities or not y.quantities or not _realis(x, y) or x.negated != y.negated:
        return None
    if different_things(x, y, dates=False):
        return None
    for qa in x.quantities:
        frame_a = _frame(x, qa)
        for qb in y.quantities:
            if qa.unit != qb.unit or compatible(qa, qb):
                continue
            frame_b = _frame(y, qb)
            if not _same_count(frame_a, frame_b):
                continue
            framed = {w for w in (*frame_a[:2], *frame_b[:2]) if w is not None}
            if not x.headline and not (x.core & y.core) - framed:
                continue  # "profit rose 8 percent" / "shares rose 2.3 percent"
            if frame_a[:2] == (None, None) or frame_b[:2] == (None, None):
                if qa.unit is None or not x.core & y.core:
                    continue  # a bare number and a date: too little to say it is one thing
            return Hit("numeric", 0.75, (qa.text, qb.text), None, "numeric")
    return None


def date(x: Clause, y: Clause) -> Hit | None:
    """One event on two different dates: aligned clauses whose date values differ."""
    if not x.dates or not y.dates or not _realis(x, y) or x.negated != y.negated:
        return None
    if different_things(x, y, dates=False):
        return None
    xs, ys = {d[3]: d[2] for d in x.dates}, {d[3]: d[2] for d in y.dates}
    if xs.keys() & ys.keys():
        return None
    shared = x.core & y.core
    if len(shared) < 2:
        return None
    for a, a_text in xs.items():
        for b, b_text in ys.items():
            if comparable(a, b) and _before(x, a) & _before(y, b):
                return Hit("date", 0.7, (f"{a_text} ({a})", f"{b_text} ({b})"), None, "date")
    return None


def _before(clause: Clause, value: str) -> set[str]:
    """The content words just before the first date with this *value* (its event)."""
    start = next(d[0] for d in clause.dates if d[3] == value)
    return {lemma for at, lemma, _ in clause.at if start - _EVENT_REACH <= at < start}


_EVENT_REACH: Final = 30


DETECTORS: Final[tuple[Callable[[Clause, Clause], Hit | None], ...]] = (
    negation,
    antonym,
    numeric,
    date,
)
"""The built-in detectors, tried in this order on each candidate pair; the first hit wins."""
