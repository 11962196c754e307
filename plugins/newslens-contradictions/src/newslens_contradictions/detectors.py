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
from collections.abc import Set as AbstractSet
from itertools import pairwise
from typing import Final

import attrs

from newslens_contradictions.clauses import CASUALTY, CASUALTY_WORDS, Clause, Marker
from newslens_contradictions.lexicon import antonym_table, antonyms
from newslens_contradictions.numbers import Quantity, compatible

_FRAME_REACH: Final = 12
"""Characters after a quantity within which the word it counts starts."""

_FULL_DATE: Final = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH: Final = re.compile(r"\d{4}-\d\d")
_WEEKDAY: Final = re.compile(r"XXXX-WXX-\d")
_DAY_OF_A_YEAR: Final = re.compile(r"XXXX-\d\d-\d\d")  # "July 11", no year known


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
    for pattern in (_FULL_DATE, _MONTH, _WEEKDAY, _DAY_OF_A_YEAR):
        if pattern.fullmatch(a) and pattern.fullmatch(b):
            return True
    return False


def _realis(x: Clause, y: Clause) -> bool:
    return not (x.irrealis or y.irrealis or x.correction or y.correction)


def negation(x: Clause, y: Clause) -> Hit | None:
    """A statement and its negation or denial (``negation`` or ``factive``).

    One clause is negated, the other is not; the negated clause's core words up to
    the first comma after its marker (after the marker, for a denial) are all in the
    other clause (but for a compound's first word: ``city council``), at least two
    are (three between two body clauses, a shared date counting as one), and they
    are gathered in the other clause rather than scattered over a longer statement.
    """
    if x.negated == y.negated or not _realis(x, y) or different_things(x, y):
        return None
    neg, pos = (x, y) if x.negated else (y, x)
    denials = [m for m in neg.markers if m.kind == "factive"]
    marker = denials[0] if denials else neg.markers[0]
    if marker.lemma in pos.content or not pos.content.isdisjoint(_SAYS_NO):
        return None  # "refusal to endorse" / "refused to endorse", "oppose tolls on the
        # bridge" / "no tolls on the bridge": the other side says no in other words
    claimed = _claimed(neg, marker, bool(denials))
    if not claimed - neg.names - _NO_CLAIM or (denials and not claimed & pos.content):
        return None  # "it's not Ana Ruiz", "declined to comment": no claim denied
    shared = (neg.core - {marker.lemma}) & pos.content
    missing = claimed - pos.content
    if not _negation_aligned(x, y, pos, neg, shared, missing):
        return None
    confidence = (0.8 if len(shared) >= 3 else 0.7) - 0.1 * len(missing)
    pieces = (marker.word, "") if neg is x else ("", marker.word)
    if denials:
        return Hit("factive", confidence, pieces, marker.start if neg is y else None, "denial")
    return Hit("negation", confidence, pieces, None, "negation")


def _claimed(neg: Clause, marker: Marker, denial: bool) -> set[str]:
    """What *marker* negates: the core words after a denial up to a comma (``denied
    invading Ukraine``), or the clause up to the first comma after a negator."""
    if denial:
        words = {lemma for at, lemma, _ in neg.at if marker.start < at < marker.scope_end}
    else:
        words = {lemma for at, lemma, _ in neg.at if at < marker.scope_end}
    return (words & neg.core) - {marker.lemma}


def _negation_aligned(
    x: Clause, y: Clause, pos: Clause, neg: Clause, shared: AbstractSet[str],
    missing: AbstractSet[str],
) -> bool:
    """Whether a negated clause and a positive one say the same thing but for the negation."""
    if len(shared) < 2 or len(missing) > 1 or (missing and not _compound(neg, missing, shared)):
        return False
    same_day = bool({d[3] for d in x.dates} & {d[3] for d in y.dates})
    support = len((neg.content & pos.content) - missing) + same_day  # modifiers count here
    if not x.headline and support < _BODY_SUPPORT:
        return False  # two body clauses need more in common than a headline and the body
    # the shared words must make up a stretch of the positive statement, not be
    # scattered over a longer statement about something else
    return _gathered(pos, shared) >= _GATHERED


_SAYS_NO: Final = frozenset({
    "oppose", "against", "ban", "block", "prevent", "stop", "halt", "reject", "refuse",
    "deny", "lack", "fail", "avoid", "resist", "cancel", "veto", "forbid", "prohibit",
    "reluctance", "reluctant", "snub", "decline", "refusal", "absence", "absent",
})
"""Words with which a positive clause already says no (lemmas, nominalisations mapped)."""

_NO_CLAIM: Final = frozenset(
    {"comment", "respond", "elaborate", "discuss", "speculate", "answer", "specify", "reply",
     "confirm", "disclose", "identify", "name", "return", "call"}
)
"""What ``declined to`` / ``refused to`` may be followed by without denying a claim."""

_BODY_SUPPORT: Final = 3
_GATHERED: Final = 0.5


def _gathered(clause: Clause, shared: AbstractSet[str]) -> float:
    """The share of *clause*'s core words, from its first shared word to its last, that
    are shared: near 1 when the shared words make up that stretch of the statement."""
    spots = [k for k, (_, lemma, _) in enumerate(clause.at) if lemma in shared]
    if not spots:
        return 0.0
    stretch = {lemma for _, lemma, _ in clause.at[spots[0] : spots[-1] + 1]} & clause.core
    return len(shared & stretch) / max(len(stretch), 1)


def _compound(clause: Clause, missing: AbstractSet[str], shared: AbstractSet[str]) -> bool:
    """Whether each *missing* word sits right before a *shared* one (``city council``)."""
    words = clause.at
    compounds = {
        lemma
        for (at, lemma, word), (nxt_at, nxt_lemma, _) in pairwise(words)
        if nxt_lemma in shared and nxt_at - (at + len(word)) <= 1
    }
    return missing <= compounds


OUTCOMES: Final = frozenset({
    "win", "lose", "pass", "fail", "approve", "reject", "veto", "accept", "guilty",
    "innocent", "acquit", "convict", "true", "false", "alive", "dead", "agree", "refuse",
    "confirm", "deny", "legal", "illegal", "success", "failure", "victory", "defeat",
    "survive", "die", "open", "closed",
})
"""Opposites that cannot both hold of one event at any two times (``won``/``lost``);
other opposites (``rose``/``fell``) contradict only when both sides name the same date."""


def antonym(x: Clause, y: Clause) -> Hit | None:
    """Opposite predicates (``rose``/``fell``) in two clauses that agree on the rest
    (neither negated: ``did not rise`` / ``did not fall`` is no contradiction)."""
    if x.negated or y.negated or not _realis(x, y):
        return None
    if not any(opposites_of(u) & y.content for u in x.content - y.content):
        return None
    if different_things(x, y):
        return None
    only_x, only_y = x.content - y.content, y.content - x.content
    for u in sorted(only_x):
        for v in sorted(opposites_of(u) & only_y):
            hit = _opposite_pair(x, u, y, v)
            if hit is not None:
                return hit
    return None


def _opposite_pair(x: Clause, u: str, y: Clause, v: str) -> Hit | None:
    """A hit when the opposites *u* of *x* and *v* of *y* say something of one subject
    and the clauses agree on the rest."""
    rest_x, rest_y = x.core - {u}, y.core - {v}
    shared = rest_x & rest_y
    smaller = rest_x if len(rest_x) <= len(rest_y) else rest_y
    other = y.content if smaller is rest_x else x.content
    missing = len(smaller - other)
    outcome = u in OUTCOMES and v in OUTCOMES
    # an outcome of one named subject may be worded differently ("Ellison wins
    # re-election" / "Mayor Rita Ellison lost her bid"); other opposites need the rest
    named_outcome = outcome and x.names & y.names and missing <= 2
    if not named_outcome and (not shared or missing > 1 or (missing and len(shared) < 3)):
        return None
    if not outcome and not {d[3] for d in x.dates} & {d[3] for d in y.dates}:
        return None  # rose, then fell: a sequence unless both say when
    if not _same_subject(x, u, y, v):
        return None
    confidence = 0.75 if len(shared) >= 2 else 0.6
    return Hit("antonym", confidence, (_word(x, u), _word(y, v)), None, "antonym")


def _split(clause: Clause, lemma: str) -> tuple[set[str], set[str]]:
    """The content words before *lemma*'s first occurrence (its subject, roughly) and after."""
    at = next(a for a, lem, _ in clause.at if lem == lemma)
    before = {lem for a, lem, _ in clause.at if a < at}
    after = {lem for a, lem, _ in clause.at if a > at}
    return before, after


def _same_subject(x: Clause, u: str, y: Clause, v: str) -> bool:
    """Whether the opposite words *u* and *v* say something of the same subject.

    Both clauses must name a subject before the word and share a word of it; and no
    name after one word may be the other's subject (``X lost to Y`` / ``Y won`` is
    one event told from both sides, not a contradiction).
    """
    x_subject, x_rest = _split(x, u)
    y_subject, y_rest = _split(y, v)
    if not x_subject & y_subject:
        return False
    return not (x_rest & y_subject & y.names or y_rest & x_subject & x.names)


def opposites_of(lemma: str) -> frozenset[str]:
    """The opposites of *lemma* (:func:`~newslens_contradictions.lexicon.antonyms`, read
    from a table of every lemma that has some; most lemmas have none, and share one
    empty set)."""
    found = antonym_table().get(lemma)
    if found is not None:
        return found
    if lemma == lemma.lower():  # the table's lemmas are lower case: this one has none
        return _NO_OPPOSITES
    return antonyms(lemma) or _NO_OPPOSITES


_NO_OPPOSITES: Final[frozenset[str]] = frozenset()


@functools.cache
def opposable() -> frozenset[str]:
    """Every lower-case lemma with an opposite: a lower-case lemma not among them has
    none (:func:`opposites_of` gives it the empty set)."""
    return frozenset(lemma for lemma, found in antonym_table().items() if found)


def _word(clause: Clause, lemma: str) -> str:
    return next((word for _, lem, word in clause.at if lem == lemma), lemma)


def _frame(clause: Clause, quantity: Quantity) -> tuple[str | None, str | None, str | None]:
    """What *quantity* counts, and when: the content word right before it (``killed
    40``), the words it counts (``40 people``, ``2 hedge funds``: up to two adjacent
    words, joined), and a date right after it (``4.2 percent in June``)."""
    before = after = None
    next_to = False  # whether the word after it follows it right away ("11 people")
    words = clause.at
    for k, (at, lemma, word) in enumerate(words):
        if at + len(word) <= quantity.start:
            before = lemma if quantity.start - (at + len(word)) <= 1 else None
        elif at >= quantity.end:
            if at - quantity.end <= _FRAME_REACH:
                after, next_to = lemma, at - quantity.end <= 1
                if k + 1 < len(words):
                    nxt_at, nxt_lemma, _ = words[k + 1]
                    gap = nxt_at - (at + len(word))
                    if gap <= 1 or (  # "11 people were killed", "9 people have been killed"
                        lemma in _GENERIC and nxt_lemma in CASUALTY_WORDS and gap <= _PASSIVE
                    ):
                        after = f"{lemma} {nxt_lemma}"
            break
    when = next(
        (value for start, _, _, value in clause.dates
         if 0 <= start - quantity.end <= _FRAME_REACH),
        None,
    )
    return (*_dead_counted(before, after, next_to), when)


_PASSIVE: Final = len(" have been ")
"""Characters between a count's noun and a word of death that may be only a passive's
auxiliaries (``people were killed``)."""

_GENERIC: Final = frozenset({"people", "person", "persons", "one", "other", "others"})
"""Words a count of the dead may name without saying whom (``11 people died``)."""


def _dead_counted(
    before: str | None, after: str | None, next_to: bool
) -> tuple[str | None, str | None]:
    """A frame's first two slots, a count of the dead told one way: ``killed 11 people``,
    ``11 people died``, ``14 killed`` and ``11 dead`` all give ``(CASUALTY, None)``;
    whom they were keeps its place (``killed 11 soldiers``: ``(CASUALTY, "soldier")``).
    The words after the figure count only right after it (not ``Two of the dead``)."""
    first, _, second = (after or "").partition(" ")
    if before in CASUALTY_WORDS:
        before = CASUALTY
    elif next_to and (
        first in CASUALTY_WORDS or (first in _GENERIC and second in CASUALTY_WORDS)
    ):
        before, after = CASUALTY, None if first in CASUALTY_WORDS else first
    else:
        return before, after
    return before, None if after is None or after.partition(" ")[0] in _GENERIC else after


def _same_count(a: tuple[str | None, ...], b: tuple[str | None, ...]) -> bool:
    """Whether two frames count the same thing: each slot both fill agrees (the counted
    words by their first word, and by their second when both have one), and one does."""
    both = [(p, q) for p, q in zip(a, b, strict=True) if p is not None and q is not None]
    return bool(both) and all(_agree(p, q) for p, q in both)


def _agree(p: str, q: str) -> bool:
    if p == q:
        return True
    p_first, _, p_second = p.partition(" ")
    q_first, _, q_second = q.partition(" ")
    return p_first == q_first and not (p_second and q_second)


def _opposed(x: Clause, y: Clause) -> bool:
    """Whether a word of one clause is the opposite of a word of the other (``black`` /
    ``white`` people: different groups, not one counted twice)."""
    only_y = y.content - x.content
    return any(not opposites_of(u).isdisjoint(only_y) for u in x.content - y.content)


_MAX_QUANTITIES: Final = 2
"""A clause with more quantities than this is a breakdown or a comparison (``nine of the
13 councillors``; ``1,163 votes to Becker's 844``), not one figure to compare."""


def numeric(x: Clause, y: Clause) -> Hit | None:
    """Two incompatible quantities of the same thing in two aligned clauses.

    Each quantity's frame (the word before it, the words it counts, the date right
    after it) must agree with the other's wherever both have one (for the headline's
    figure, one verb acting on both is enough: ``kills 14`` / ``killing 11``); two figures of the
    body must both be given for the same date (``in June``: a running tally, a poll's
    answers to different questions or an updated count differ otherwise); beyond the frame
    the clauses must share a core word (or the date the figure is for), cover at
    least half of the smaller clause's core, hold at most two quantities each, and
    have no opposite words (``black``/``white``).
    """
    if x.negated != y.negated or not _realis(x, y) or different_things(x, y, dates=False):
        return None
    if not x.quantities or not y.quantities or _opposed(x, y):
        return None  # (the quantities are read from the text only now)
    if len(x.quantities) > _MAX_QUANTITIES or len(y.quantities) > _MAX_QUANTITIES:
        return None
    for qa in x.quantities:
        frame_a = _frame(x, qa)
        for qb in y.quantities:
            if qa.unit != qb.unit or compatible(qa, qb) or _rounded(qa, qb):
                continue
            if _one_figure(x, y, qa, frame_a, _frame(y, qb)):
                return Hit("numeric", 0.75, (qa.text, qb.text), None, "numeric")
    return None


def _rounded(a: Quantity, b: Quantity) -> bool:
    """Whether *a* and *b* are within 2% of each other: a figure and its rounding
    (``raises $33M`` / ``raised more than $33 million``)."""
    lo_a, hi_a = a.interval()
    lo_b, hi_b = b.interval()
    gap = max(lo_a, lo_b) - min(hi_a, hi_b)
    return gap <= _ROUNDING * max(abs(lo_a), abs(lo_b), 1e-9)


_ROUNDING: Final = 0.02

Frame = tuple[str | None, str | None, str | None]
"""What a quantity counts: the word before it, the words after it, the date it is for."""


def _one_figure(x: Clause, y: Clause, qa: Quantity, frame_a: Frame, frame_b: Frame) -> bool:
    """Whether two quantities (of *x* and *y*) are figures of one thing."""
    if not _same_count(frame_a, frame_b):
        return False
    # the dead of one event are counted on a day or on no date, not "in 2019", and not
    # in a clause that tells another event by an ordinal
    if frame_a[0] == CASUALTY == frame_b[0] and (
        any(len(value) < len("2026-01-01") for *_, value in (*x.dates, *y.dates))
        or x.ordinals ^ y.ordinals  # "a second crash", "an earlier attack"
    ):
        return False
    same_day = frame_a[2] is not None and frame_a[2] == frame_b[2]
    if not x.headline and not same_day:
        return False  # in the body, only figures said to be for the same date
    shared = x.core & y.core
    framed = {w.partition(" ")[0] for w in (*frame_a[:2], *frame_b[:2]) if w is not None}
    support = len(shared - framed - x.names) + same_day
    acted = frame_a[0] is not None and frame_a[0] == frame_b[0]
    if not (support or (x.headline and acted)):
        return False  # "profit rose 8 percent" / "shares rose 2.3 percent"
    if len(shared) < _SHARE * min(len(x.core), len(y.core)) and not (
        x.headline and y.paragraph == 1 and frame_a[0] == CASUALTY == frame_b[0]
    ):  # the lede tells the headline's event ("Fourteen killed as bus leaves road" /
        return False  # "Eleven people died on Sunday when a coach left the road")
    # a bare number and a date: too little to say it is one thing
    return qa.unit is not None or (frame_a[:2] != (None, None) and frame_b[:2] != (None, None))


_SHARE: Final = 0.5


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
    """The content word nearest before the first date with this *value*: the event
    (``took place on Tuesday``, ``rose on Monday``); a word counted by a number
    (``40 people on Monday``) or a name is a participant, not the event."""
    start = next(d[0] for d in clause.dates if d[3] == value)
    nearest = [
        lemma for at, lemma, _ in clause.at
        if start - _EVENT_REACH <= at < start and at not in clause.counted
    ]
    return set(nearest[-1:]) - clause.names


_EVENT_REACH: Final = 30


DETECTORS: Final[tuple[Callable[[Clause, Clause], Hit | None], ...]] = (
    negation,
    antonym,
    numeric,
    date,
)
"""The built-in detectors, tried in this order on each candidate pair; the first hit wins."""
