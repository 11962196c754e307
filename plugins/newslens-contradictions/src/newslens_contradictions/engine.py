"""The run: candidate pairs of clauses, the detectors on each, findings explained.

Pairs are found cheaply: clauses are indexed by their content lemmas, and only
two clauses that share one (an event: ``agree``/``agreement`` are the same lemma
after :func:`~newslens_contradictions.lexicon.nominal_verb`; or a participant)
are compared, so the work grows with the number of clauses that share words,
not with the square of the article's length. The headline's clauses are
compared with the body's; the body's with each other.

A hit between two statements attributed to two different sources (by the
quotes plugin) becomes a ``dispute``: the article reports a disagreement, it
does not contradict itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Final, NamedTuple

from newslens import Document
from newslens_contradictions.clauses import Clause, ClauseBuilder, Outline
from newslens_contradictions.detectors import (
    DETECTORS,
    Hit,
    antonym,
    date,
    negation,
    numeric,
    opposable,
    opposites_of,
)
from newslens_contradictions.model import ContradictionResult, Finding, Side

NLI = Callable[[str, str], "Mapping[str, float] | None"]
"""A natural-language-inference scorer, ``(premise, hypothesis) -> probabilities``,
with a ``"contradiction"`` entry (``None`` when it has nothing to say)."""

Detector = Callable[[Clause, Clause], "Hit | None"]
"""A detector: two clauses (earlier first) to a :class:`~newslens_contradictions.detectors.Hit`
or ``None``."""

DEFAULT_THRESHOLD: Final = 0.5
"""Findings below this confidence are left out."""

MAX_PAIRS: Final = 20000
"""At most this many pairs are compared in one document (the earliest first)."""

_QUOTE: Final = 90
"""A side's text longer than this is shortened in the explanation."""


def candidate_pairs(clauses: Sequence[Outline]) -> list[tuple[int, int]]:
    """Pairs of clauses (earlier first) worth comparing.

    A headline clause is paired with each body clause sharing a content lemma with
    it; two body clauses must share two (every detector needs that much alignment
    in the body), or one when both give figures and dates (``unemployment ... 4.2
    percent in June``). Two headline clauses are never paired: the scopes are headline
    against body, and body against body.
    """
    pairs: list[tuple[int, int]] = []
    for clause, later, _, _ in _sharing(clauses, _holding(clauses)):
        n = clause.number
        pairs.extend((n, m) for m in _members(later >> (n + 1), n + 1))
        if len(pairs) >= MAX_PAIRS:
            break
    return pairs[:MAX_PAIRS]


def _holding(clauses: Sequence[Outline]) -> dict[str, int]:
    """The clauses holding each content lemma, as a set of clause numbers: an int, one
    bit a clause (so that sets are combined by bit operations, in C)."""
    holding: dict[str, int] = {}
    for clause in clauses:
        bit = 1 << clause.number
        for lemma in clause.content:
            holding[lemma] = holding.get(lemma, 0) | bit
    return holding


def _sharing(
    clauses: Sequence[Outline], holding: dict[str, int]
) -> Iterator[tuple[Outline, int, int, int]]:
    """Each clause (numbered by its place in *clauses*) with the later clauses worth
    comparing with it (see :func:`candidate_pairs`), the later clauses sharing two
    content lemmas with it, and those sharing three, each a set of clause numbers (an
    int, one bit a clause; *holding* is :func:`_holding` of the clauses). Of the earlier
    clauses, the last two sets may hold some or none: only the later ones are read.

    A lemma no later clause holds (most are in one clause only) changes no later
    clause's bit, and is passed over."""
    headlines = _bits(c.number for c in clauses if c.headline)
    figures = _bits(c.number for c in clauses if _dated_figures(c) and not c.headline)
    for clause in clauses:
        n = clause.number
        beyond = 2 << n  # a set of clauses up to this one is below this
        once = twice = thrice = 0  # the clauses sharing one lemma with this one, two, three
        for lemma in clause.content:
            them = holding[lemma]
            if them < beyond:  # held by no later clause
                continue
            thrice |= twice & them
            twice |= once & them
            once |= them
        if clause.headline:  # one shared word is enough for the headline
            partners = once & ~headlines
        else:  # and between two dated figures of the body
            partners = twice | (once & headlines)
            if figures >> n & 1:
                partners |= once & figures
        yield clause, partners >> (n + 1) << (n + 1), twice, thrice


def _bits(numbers: Iterable[int]) -> int:
    """The set of *numbers* as an int, one bit each."""
    found = 0
    for n in numbers:
        found |= 1 << n
    return found


def _members(bits: int, base: int) -> list[int]:
    """The numbers of the set *bits* (an int, one bit each), plus *base*, in order."""
    found = []
    while bits:
        skip = (bits & -bits).bit_length()  # the lowest bit's place, plus one
        base += skip
        found.append(base - 1)
        bits >>= skip
    return found


def _applicable(
    a: Outline, b: Outline, opposites: dict[int, frozenset[str]]
) -> tuple[Detector, ...]:
    """The built-in detectors that could fire on the clauses of *a* and *b* (earlier
    first), from their outlines alone, so that no other clause is built.

    Every detector needs two statements of fact: no question, condition or correction
    on either side. A negation needs one side marked, two shared words, and in the body
    a third (or a date for both); opposites need an opposite word (a marked side too:
    the marking word may be the opposite, ``approves`` / ``rejected the budget``);
    figures need both sides to have some, and in the body a date for both (two figures
    of the body are compared only for the same date); dates need both sides dated and
    two shared words. *opposites* keeps each outline's opposite words, by number, for
    the next pair.

    The engine applies these rules to all pairs of a clause at once (:func:`_sifted`);
    this function states them for one pair.
    """
    if a.question or b.question or a.correction or b.correction:
        return ()
    shared = len(a.content & b.content)
    both_dated = a.dated and b.dated
    found: list[Detector] = []
    if a.marked != b.marked and shared >= 2 and (
        a.headline or shared >= _BODY_NEGATION or both_dated
    ):
        found.append(negation)
    if a.number not in opposites:
        opposites[a.number] = frozenset().union(*map(opposites_of, a.content))
    if not opposites[a.number].isdisjoint(b.content):
        found.append(antonym)
    if a.numbered and b.numbered and (a.headline or both_dated):
        found.append(numeric)
    if both_dated and shared >= 2:
        found.append(date)
    return tuple(found)


_BODY_NEGATION: Final = 3
"""Words two body clauses share before a negation is looked for (two, and a date)."""


Trial = tuple[int, int, tuple[Detector, ...]]
"""Two clauses' numbers (earlier first) and the detectors to try on them."""


def _sifted(outlines: Sequence[Outline], limit: int = MAX_PAIRS) -> tuple[int, list[Trial]]:
    """How many pairs :func:`candidate_pairs` gives (at most *limit*: the first), and
    those of them on which a built-in detector could fire, with those detectors
    (:func:`_applicable`), in the same order: worked out a clause at a time on sets of
    clauses, so that a pair no detector could fire on costs nothing."""
    holding = _holding(outlines)
    sets = _Sets(
        marked=_bits(c.number for c in outlines if c.marked),
        numbered=_bits(c.number for c in outlines if c.numbered),
        dated=_bits(c.number for c in outlines if c.dated),
        barred=_bits(c.number for c in outlines if c.question or c.correction),
    )
    count = 0
    trials: list[Trial] = []
    for a, later, twice, thrice in _sharing(outlines, holding):
        size = later.bit_count()
        if count + size > limit:  # only the first pairs are compared
            later, size = _lowest(later, limit - count), limit - count
        count += size
        later &= ~sets.barred
        if later and not (a.question or a.correction):
            trials.extend(_trials(a, later, twice, thrice, sets, holding))
        if count >= limit:
            break
    return count, trials


class _Sets(NamedTuple):
    """The clauses of a document that have a word that may negate, a figure, a date,
    and that ask a question or correct (each a set of clause numbers, an int)."""

    marked: int
    numbered: int
    dated: int
    barred: int


_EVERY: Final = -1
"""Every clause, as a set (all bits set)."""


def _trials(
    a: Outline, later: int, twice: int, thrice: int, sets: _Sets, holding: dict[str, int]
) -> list[Trial]:
    """The pairs of *a* with the clauses of *later* on which a detector could fire, with
    those detectors: :func:`_applicable`'s rules on sets of clauses."""
    both_dated = sets.dated if a.dated else 0
    negations = twice & (~sets.marked if a.marked else sets.marked) & (
        _EVERY if a.headline else thrice | both_dated
    )
    figures = sets.numbered & (_EVERY if a.headline else both_dated) if a.numbered else 0
    dates = both_dated & twice
    # a clause's lemmas are lower case: those not opposable() have no opposite; a side
    # with a word that may negate is tried too, as that word may be the opposite itself
    # ("rejected the budget": reject negates only before "to"); antonym() checks negation
    opposite = frozenset().union(*map(opposites_of, a.content & opposable()))
    opposed = _bits_of(holding, opposite)
    tried = later & (negations | opposed | figures | dates)
    if not tried:
        return []
    n = a.number
    chosen = (negation, negations), (antonym, opposed), (numeric, figures), (date, dates)
    return [
        (n, m, tuple(detector for detector, them in chosen if them >> m & 1))
        for m in _members(tried, 0)
    ]


def _bits_of(holding: dict[str, int], lemmas: Iterable[str]) -> int:
    """The clauses holding any of *lemmas*."""
    found = 0
    for lemma in lemmas:
        found |= holding.get(lemma, 0)
    return found


def _lowest(bits: int, count: int) -> int:
    """The *count* lowest members of the set *bits*."""
    kept = 0
    for _ in range(count):
        low = bits & -bits
        kept |= low
        bits ^= low
    return kept


def _dated_figures(outline: Outline) -> bool:
    return outline.numbered and outline.dated


def find_contradictions(
    doc: Document,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    nli: NLI | None = None,
    detectors: Iterable[Detector] = DETECTORS,
) -> ContradictionResult:
    """Find where *doc* disagrees with itself.

    Args:
        doc: An annotated document (tokens, sentences and lemmas; the results of the
            dates and quotes plugins are used when present).
        threshold: Findings below this confidence are left out.
        nli: A scorer whose contradiction probability is averaged with each rule's
            confidence, and which can find pairs no rule explains (kind ``other``).
        detectors: The detectors to try on each pair, in order; the first hit wins.

    Returns:
        The findings, in text order, at most one for each pair of clauses and one for
        each side ``b``.
    """
    chosen = tuple(detectors)
    builder = ClauseBuilder(doc)
    outlines = builder.outlines
    built: dict[int, Clause] = {}

    def clause(number: int) -> Clause:
        if number not in built:
            built[number] = builder.clause(outlines[number])
        return built[number]

    model = _Model(nli) if nli is not None else None
    sifted = model is None and chosen == DETECTORS
    if sifted:
        pairs, trials = _sifted(outlines)
    else:
        every = candidate_pairs(outlines)
        pairs, trials = len(every), [(a, b, chosen) for a, b in every]
    findings: list[Finding] = []
    for a, b, trying in trials:
        if sifted and (builder.irrealis(outlines[a]) or builder.irrealis(outlines[b])):
            continue  # every built-in detector needs two statements of fact
        x, y = clause(a), clause(b)
        hit = None
        for detector in trying:
            hit = detector(x, y)
            if hit is not None:
                break
        probability = None
        if model is not None and len(x.content & y.content) >= _MODEL_SHARED:
            probability = model.score(doc.text[x.start : x.end], doc.text[y.start : y.end])
        if hit is None and probability:  # a model sure there is none (0.0) makes nothing
            hit = Hit("other", probability, ("", ""), None, "nli")
        elif hit is not None and probability is not None:
            hit = Hit(hit.kind, (hit.confidence + probability) / 2, hit.pieces, hit.b_start,
                      hit.detector)
        if hit is None or hit.confidence < threshold:
            continue
        findings.append(_finding(doc, x, y, hit))
    notes = tuple(model.notes) if model is not None else ()
    return ContradictionResult(_best(findings), pairs=pairs, threshold=threshold,
                               notes=notes)


_MODEL_SHARED: Final = 2
"""Pairs sharing fewer content words are not worth a model's time."""


class _Model:
    """A scorer called safely: a score that is no probability is left out, and a scorer
    that raises is not called again for the document (the rules' findings stand)."""

    def __init__(self, nli: NLI) -> None:
        self.nli: NLI | None = nli
        self.notes: list[str] = []

    def score(self, premise: str, hypothesis: str) -> float | None:
        if self.nli is None:
            return None
        try:
            scores = self.nli(premise, hypothesis)
            value = None if not scores else scores.get("contradiction")
            probability = None if value is None else float(value)
        except Exception as exc:  # a plugin's model must not cost the rules' findings
            self.nli = None
            self.notes.append(f"the newslens_contradictions_nli scorer raised {exc!r}; "
                              "the rest of this document was checked by the rules alone")
            return None
        if probability is None or not 0.0 <= probability <= 1.0:  # NaN fails this too
            if not any("no probability" in note for note in self.notes):
                self.notes.append(f"the newslens_contradictions_nli scorer gave {value!r}, "
                                  "no probability: left out")
            return None
        return probability


def _best(findings: list[Finding]) -> tuple[Finding, ...]:
    """One finding for each side ``b`` (the most confident), in text order."""
    best: dict[tuple[int, int], Finding] = {}
    for finding in findings:
        key = (finding.b.start, finding.b.end)
        if key not in best or finding.confidence > best[key].confidence:
            best[key] = finding
    return tuple(sorted(best.values(), key=lambda f: (f.a.start, f.b.start, f.kind)))


def _side(doc: Document, clause: Clause, start: int | None = None) -> Side:
    lo = clause.start if start is None else start
    return Side(lo, clause.end, doc.text[lo : clause.end], clause.source)


def _finding(doc: Document, x: Clause, y: Clause, hit: Hit) -> Finding:
    a, b = _side(doc, x), _side(doc, y, hit.b_start)
    kind = hit.kind
    if a.source is not None and b.source is not None and a.source != b.source:
        kind = "dispute"
    scope = "headline_body" if x.headline else "body"
    return Finding(
        kind=kind,
        scope=scope,
        a=a,
        b=b,
        confidence=hit.confidence,
        explanation=explain(x, y, a, b, kind, hit),
        pieces=hit.pieces,
        detector=hit.detector,
    )


def _where(clause: Clause) -> str:
    return "the headline" if clause.headline else f"paragraph {clause.paragraph}"


def _says(clause: Clause, side: Side) -> str:
    text = side.text if len(side.text) <= _QUOTE else side.text[: _QUOTE - 3].rstrip() + "..."
    who = f"quotes {side.source} saying" if side.source else "says"
    return f"{_where(clause)} {who} '{text}'"


_DETAIL: Final = {
    "numeric": "{0} against {1}",
    "date": "{0} against {1}",
    "antonym": "'{0}' against '{1}'",
}


def explain(x: Clause, y: Clause, a: Side, b: Side, kind: str, hit: Hit) -> str:
    """One sentence a journalist can read: what each side says, where, and the clash."""
    first = _says(x, a)
    sentence = f"{first[0].upper()}{first[1:]}; {_says(y, b)}"
    template = _DETAIL.get(hit.kind)
    if template is not None:
        sentence += f" ({template.format(*hit.pieces)})"
    elif hit.kind == "factive":
        sentence += " (a denial of what the other states)"
    elif hit.kind == "negation":
        sentence += " (one negates the other)"
    if kind == "dispute":
        sentence += f": {a.source} and {b.source} disagree"
    return sentence + "."
