"""A learned chooser of where a reported content ends (the ``quotes.learned_boundaries``
option; off by default: on PolNeAR's development split it gained too little over the
rules alone, for a slower quotes step).

The attribution rules (:mod:`newslens_quotes.attribution`) find where a reported content
starts well, and where it ends less well: a clause runs on past ``, and the drivers
cheered`` or stops before the rest of what was said. This module offers the rule's end
some rivals and lets a linear model choose among them:

* the candidates (``candidates``) are the rule's own end, the end of the sentence, and
  every point before a comma, a semicolon, a colon, a dash, a bracket or a word that may
  open a clause (:data:`CLAUSE_WORDS`); never inside a quotation, never into a quotation
  that starts after the rule's end (a quote of its own); a content may run on over
  another one (the outer content of a nested attribution);
* each candidate has features (``features``) read from the lite tokens: the words around
  it (:data:`VOCABULARY`; other words by their shape), the stretches of words before and
  after it and the one it adds to or takes from the rule's content (their length, a
  verb-like word, a subject pronoun, a cue), how long the content would be, whether a cue
  or a quotation follows; each also joined with the side of the rule's end it lies on,
  and with the rule that found the content (``Quote.how``);
* the weights (``data/boundaries.tsv``, :func:`table`) were learned on PolNeAR's train
  split by an averaged perceptron that ranks the candidates of each content
  (``benchmarks/quotes_train_boundaries.py``); the candidate with the highest score wins
  (:func:`best`), the rule's end on a tie, and the rule's end carries a margin
  (:data:`KEEP`).

Only reported contents that follow their cue and are in one piece are looked at
(``eligible``); direct quotes keep their quotation marks' bounds.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Final

import attrs

from newslens_quotes.lexicon import APOSTROPHE_S

if TYPE_CHECKING:
    from newslens_quotes.attribution import Found, Rules

_BREAKS: Final = frozenset({",", ";", ":", "—", "–", "--", "―", "(", ")", "-"})
CLAUSE_WORDS: Final = frozenset({
    "and", "but", "or", "which", "who", "whom", "whose", "while", "because", "as", "after",
    "before", "when", "since", "although", "though", "so", "if", "until", "where", "whereas",
    "unless", "despite", "including", "than", "then", "even", "amid", "yet", "nor",
})
"""Words a content may stop before (besides punctuation): they can open a clause."""

VOCABULARY: Final = CLAUSE_WORDS | frozenset({
    "that", "to", "of", "in", "on", "at", "for", "with", "by", "from", "about", "into", "over",
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our",
    "he", "she", "they", "it", "we", "i", "you", "there", "is", "was", "are", "were", "be",
    "been", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should",
    "not", "n't", "also", "said", "says", "say", "told", "according", "adding", "saying",
    "noting", "added", "whether", "what", "how", "why", "however", "now", "only", "more",
    "mr.", "ms.", "mrs.", "dr.",
})
"""The words a feature names as themselves; any other word is named by its shape."""

MAX_CANDIDATES: Final = 40
"""Candidate ends looked at for one content at most (the first ones after its start)."""

KEEP: Final = "same"
"""The feature only the rule's own end has; its weight holds the margin another end must
beat."""

SHORTEST: Final = 2
"""Word tokens a content keeps at least."""


def eligible(found: Found, first: int) -> bool:
    """Whether *found*, whose content starts at token *first*, is a content whose end the
    model may choose: reported (not direct), in one piece, after its cue."""
    return (
        found.kind != "direct" and not found.parts and found.cue is not None
        and found.cue[1] <= first
    )


@attrs.frozen
class Candidate:
    """One place a content may end: its tokens are ``[first, end)``, and *stop* is the
    character offset it ends at (final punctuation left out)."""

    end: int
    stop: int
    features: tuple[str, ...]


def _word(rules: Rules, k: int) -> str:
    words = rules.words
    if k >= len(words):
        return "<end>"
    low = words.lower[k]
    if low in VOCABULARY:
        return low
    text = words.text[k]
    if words.is_punct(k):
        return text if len(text) <= 2 else "<punct>"
    if rules.in_quote[k] >= 0:
        return "<quoted>"
    if text[:1].isdigit():
        return "<digit>"
    return "<Cap>" if text[:1].isupper() else "<low>"


def _bucket(n: int) -> str:
    return str(min(6, int(math.log2(n + 1))))


def features(
    rules: Rules, first: int, end: int, rule_end: int, hi: int, how: str, *, crossed: int = 0
) -> tuple[str, ...]:
    """The features of a content of the tokens ``[first, end)`` found by the rule *how*,
    whose own end was *rule_end*, in a sentence that ends at token *hi*; *crossed* is the
    number of candidate ends between the rule's end and this one."""
    words = rules.words
    nxt, after, last = _word(rules, end), _word(rules, end + 1), _word(rules, end - 1)
    cue_after = any(h.start < end + 4 for h in rules.all_hits_between(end, min(hi, end + 4)))
    cue_inside = bool(rules.all_hits_between(first + 1, end))
    side = KEEP if end == rule_end else ("longer" if end > rule_end else "shorter")
    found = [
        f"next={nxt}",
        f"next2={nxt}_{after}",
        f"last={last}",
        f"last_next={last}_{nxt}",
        f"length={_bucket(end - first)}",
        f"cue_after={cue_after}",
        f"cue_inside={cue_inside}",
        f"sentence_end={end >= hi}",
        f"quote_next={end < len(words) and rules.in_quote[end] >= 0}",
    ]
    found += _segment(rules, end, hi, "after") + _segment_before(rules, first, end)
    context = [f"how={how}", f"first={_word(rules, first)}", f"crossed={_bucket(crossed)}"]
    if end != rule_end:
        context += _between(rules, min(end, rule_end), max(end, rule_end))
    found += [f"{side}|{name}" for name in found + context] + [side]
    found += [f"{how}|{name}" for name in found[:4]]
    return tuple(found)


_AUXILIARIES: Final = frozenset({
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "could",
    "can", "may", "might", "should", "must", "do", "does", "did",
}) | APOSTROPHE_S
_SUBJECTS: Final = frozenset({"he", "she", "they", "it", "we", "i", "you", "there"})


def _verbish(rules: Rules, k: int) -> bool:
    words = rules.words
    low = words.lower[k]
    return low in _AUXILIARIES or (low.endswith("ed") and words.lemma[k] != low)


def _segment(rules: Rules, k: int, hi: int, name: str) -> list[str]:
    """Features of the stretch from token *k* to the next break (or the sentence end):
    its length, whether it holds a verb-like word, a subject pronoun, a cue."""
    words = rules.words
    j = k + 1 if k < hi and _is_break(rules, k) else k
    while j < hi and not _is_break(rules, j):
        j += 1
    stretch = range(k, j)
    verb = any(_verbish(rules, i) for i in stretch)
    subject = any(words.lower[i] in _SUBJECTS for i in stretch)
    cue = bool(rules.all_hits_between(k, j)) if j > k else False
    return [
        f"{name}_length={_bucket(j - k)}", f"{name}_verb={verb}", f"{name}_subject={subject}",
        f"{name}_cue={cue}", f"{name}_last={j >= hi}", f"{name}_verb_subject={verb}_{subject}",
    ]


def _between(rules: Rules, lo: int, hi: int) -> list[str]:
    """Features of the tokens ``[lo, hi)`` a candidate adds to the rule's content or takes
    from it: how many, the first word, whether they hold a verb-like word, a subject
    pronoun, a cue, a quotation."""
    words = rules.words
    stretch = range(lo, hi)
    verb = any(_verbish(rules, i) for i in stretch)
    subject = any(words.lower[i] in _SUBJECTS for i in stretch)
    return [
        f"span_length={_bucket(hi - lo)}", f"span_first={_word(rules, lo)}",
        f"span_verb={verb}", f"span_subject={subject}",
        f"span_cue={bool(rules.all_hits_between(lo, hi))}",
        f"span_quote={any(rules.in_quote[i] >= 0 for i in stretch)}",
        f"span_first_verb={_word(rules, lo)}_{verb}",
    ]


def _segment_before(rules: Rules, first: int, end: int) -> list[str]:
    """Features of the content's last stretch (from its last break to *end*)."""
    k = end - 1
    while k > first and not _is_break(rules, k):
        k -= 1
    return _segment(rules, k, end, "before")[:3]


def _is_break(rules: Rules, k: int) -> bool:
    words = rules.words
    return words.text[k] in _BREAKS or words.lower[k] in CLAUSE_WORDS


def candidates(rules: Rules, found: Found) -> list[Candidate]:
    """The candidate ends of the content *found* (the rule's own end first), each with its
    features; empty when the content is not one the model looks at (``eligible``)."""
    words = rules.words
    first = words.token_at(found.start)
    if first >= len(words) or not eligible(found, first):
        return []
    rule_end = words.token_at(found.end - 1) + 1
    hi = words.sentence_bounds(first)[1]
    if rule_end > hi or first >= rule_end:
        return []
    ends = [rule_end]
    limit = _limit(rules, rule_end, hi)
    for k in range(first + SHORTEST, limit):
        if len(ends) > MAX_CANDIDATES:
            break
        inside = rules.in_quote[k - 1] >= 0 and rules.in_quote[k - 1] == rules.in_quote[k]
        if k != rule_end and not inside and _is_break(rules, k):
            ends.append(k)
    if limit != rule_end:
        ends.append(limit)
    positions = sorted(ends[1:])
    found_list: list[Candidate] = []
    for end in ends:
        stop = _stop(rules, first, end)
        if stop is None:
            continue
        crossed = abs(_below(positions, end) - _below(positions, rule_end))
        found_list.append(Candidate(
            end, stop, features(rules, first, end, rule_end, hi, found.how, crossed=crossed)
        ))
    return found_list


def _limit(rules: Rules, rule_end: int, hi: int) -> int:
    """How far a content that the rule ended at token *rule_end* may run on: to the end of
    its sentence (*hi*), but not into a quotation that starts after the rule's end (a
    quote of its own)."""
    in_quote = rules.in_quote
    own = in_quote[rule_end - 1]
    for k in range(rule_end, hi):
        if in_quote[k] >= 0 and in_quote[k] != own:
            return max(k, rule_end)
    return hi


def _below(positions: Sequence[int], value: int) -> int:
    """How many of the sorted *positions* are below *value*."""
    return bisect.bisect_left(positions, value)


_END_PUNCT: Final = frozenset({".", ",", ";", ":", "!", "?", "…", "(", "—", "–", "--", "-"})


def _stop(rules: Rules, first: int, end: int) -> int | None:
    """The character offset a content of tokens ``[first, end)`` ends at, without its final
    punctuation; ``None`` when fewer than :data:`SHORTEST` tokens are left."""
    words = rules.words
    while end > first and words.text[end - 1] in _END_PUNCT:
        end -= 1
    if end - first < SHORTEST:
        return None
    return words.end[end - 1]


def score(weights: Mapping[str, float], names: Iterable[str]) -> float:
    """The score of a candidate with the features *names*."""
    return sum(weights.get(name, 0.0) for name in names)


def best(weights: Mapping[str, float], found: Sequence[Candidate]) -> Candidate | None:
    """The candidate with the highest score (the first, the rule's own end, on a tie)."""
    chosen: Candidate | None = None
    top = -math.inf
    for c in found:
        value = score(weights, c.features)
        if value > top:
            chosen, top = c, value
    return chosen


def candidates_of(rules: Rules, found: Sequence[Found]) -> list[tuple[Found, list[Candidate]]]:
    """Each content of *found* with its candidate ends (:func:`candidates`); contents the
    model does not look at are left out. A content may run on over another one (the
    outer content of ``X said Y told him that Z``)."""
    pairs: list[tuple[Found, list[Candidate]]] = []
    for f in found:
        chosen = candidates(rules, f)
        if chosen:
            pairs.append((f, chosen))
    return pairs


def choose_ends(rules: Rules, found: Sequence[Found]) -> None:
    """Set the end of each content of *found* the model looks at to the best candidate's
    (see :func:`candidates_of`); a content that then holds a quotation is ``mixed``, one
    that no longer does ``indirect``."""
    weights = table()
    for f, chosen in candidates_of(rules, found):
        top = best(weights, chosen)
        if top is None or top.stop == f.end:
            continue
        f.end = top.stop
        inner = any(f.start <= q.open and q.close < f.end for q in rules.quoted)
        f.kind = "mixed" if inner else "indirect"


@functools.cache
def table() -> Mapping[str, float]:
    """The weights of ``data/boundaries.tsv``: feature name -> weight."""
    text = resources.files("newslens_quotes").joinpath("data", "boundaries.tsv").read_text("utf-8")
    return parse_table(text)


def parse_table(text: str) -> dict[str, float]:
    """Read a weights table: ``#`` comment lines, a header line, then ``feature<TAB>weight``.

    Raises:
        ValueError: when a row is not a feature and a number.
    """
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows: dict[str, float] = {}
    for n, line in enumerate(lines[1:], start=2):
        name, sep, value = line.rpartition("\t")
        try:
            rows[name] = float(value)
        except ValueError:
            raise ValueError(f"row {n} of the boundary weights is not 'feature<TAB>weight': "
                             f"{line!r}") from None
        if not sep or not name:
            raise ValueError(f"row {n} of the boundary weights has no feature: {line!r}")
    return rows
