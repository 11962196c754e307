"""A learned model of statements no cue of the lexicon introduces (the
``quotes.learned_candidates`` option; see its figures in the docs).

PolNeAR marks attitudes and stances broadly: ``backed the plan``, ``opposed raising the
fee``, ``plans to run again``, ``questioned whether ...``. The lexicon
(:mod:`newslens_quotes.lexicon`) holds the verbs that are statements most of the time;
the rest spread over hundreds of words that are statements only some of the time. This
module proposes them all and lets a logistic regression learned on PolNeAR's train split
decide:

* the candidates (``proposals``, rule-based, lite tokens only) are the verb-like
  words (``words.is_verb``, a base form after ``to`` or an
  auxiliary, a word in ``-ing`` after *be*) outside quotation marks that are no cue of
  the lexicon and no cue, speaker or content of an attribution the rules found; the
  content is what follows the verb: its ``that`` clause, its infinitive, a question word's
  clause (up to where the rules end a content), or the object after it or after a
  preposition (``about``, ``on``, ``against``...) up to the next comma or clause word;
  the speaker is the noun phrase before the verb (or a relative pronoun);
* each candidate has features (``features``): the verb's lemma (a learned lexicon),
  its lemma with what follows, its form, the words around it (common words by
  themselves, others by their shape), what kind of subject it has, a negation or an
  auxiliary before it, the length of the content, where the verb stands in its sentence,
  whether the sentence already holds an attribution;
* the weights (``data/learned_cues.tsv``, :func:`table`) are a logistic regression's,
  learned by ``benchmarks/quotes_train_candidates.py``; its row ``threshold`` is the
  probability a candidate needs (chosen on train by cross-validation), and a candidate
  kept becomes a quote found by :data:`HOW` whose confidence is that probability.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Final

import attrs

from newslens_quotes.boundaries import parse_table
from newslens_quotes.words import (
    BE_FORMS,
    BETWEEN,
    CLAUSE_WORDS,
    DETERMINERS,
    LINKS,
    PASSIVE,
    SUBJECT_PRONOUNS,
    Words,
    is_verb,
    sentence_subject,
    speaker_before,
)

if TYPE_CHECKING:
    from newslens_quotes.attribution import Found, Rules

HOW: Final = "learned-cue"
"""The :attr:`Quote.how <newslens_quotes.model.Quote.how>` of the quotes this model adds."""

THRESHOLD: Final = "threshold"
"""The row of the weights table that holds the probability a candidate needs."""

_AUXILIARY: Final = frozenset({
    "to", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does",
    "do", "not", "n't", "never", "has", "have", "had", "'ll", "’ll", "'d", "’d",
})
_NEGATION: Final = frozenset({"not", "n't", "never", "no"})
_NOT_VERBS: Final = (
    DETERMINERS | CLAUSE_WORDS | SUBJECT_PRONOUNS | BETWEEN | PASSIVE | LINKS | BE_FORMS
    | frozenset({"been", "being", "has", "have", "had", "do", "does", "did", "get", "got",
                 "go", "goes", "went", "come", "came", "make", "made", "take", "took",
                 "him", "them", "me", "us", "mr.", "ms.", "mrs."})
)
"""Words never read as a candidate's verb: function words and the commonest light verbs."""
_PREPOSITIONS: Final = frozenset({
    "about", "of", "on", "against", "for", "with", "over", "at", "into", "toward", "towards",
})
_QUESTIONS: Final = frozenset({"whether", "if", "how", "what", "why", "when", "who", "where"})
_BREAKS: Final = frozenset({",", ";", ":", "—", "–", "--", "―", "(", ")", ".", "!", "?"})
_OBJECT_STOPS: Final = CLAUSE_WORDS - frozenset({"about", "on", "over", "in", "into", "at",
                                                  "against", "to", "during", "by", "through"})
_RELATIVES: Final = frozenset({"who", "which", "that"})
_NO_SPEAKER: Final = frozenset({"it", "this", "that", "there", "what", "which", "here"})
MAX_OBJECT: Final = 16
"""Tokens an object content keeps at most."""

_VOCABULARY: Final = (
    DETERMINERS | CLAUSE_WORDS | SUBJECT_PRONOUNS | BETWEEN | PASSIVE | LINKS | _AUXILIARY
    | _PREPOSITIONS | _QUESTIONS | frozenset({"him", "them", "us", "me", "mr.", "ms.", "'s"})
)
"""The words a feature names as themselves; any other word is named by its shape."""


@attrs.frozen
class Proposal:
    """A candidate statement: its verb at token *cue*, its content the tokens ``[first,
    end)``, its speaker's tokens if any, and its features."""

    cue: int
    first: int
    end: int
    speaker: tuple[int, int] | None
    features: tuple[str, ...]


def _shape(words: Words, k: int) -> str:
    if k < 0 or k >= len(words):
        return "<none>"
    low = words.lower[k]
    if low in _VOCABULARY:
        return low
    text = words.text[k]
    if words.is_punct(k):
        return text if len(text) <= 2 else "<punct>"
    if text[:1].isdigit():
        return "<digit>"
    if low.endswith("ing"):
        return "<ing>"
    if low.endswith("ed"):
        return "<ed>"
    return "<Cap>" if text[:1].isupper() else "<low>"


def _bucket(n: int) -> str:
    return str(min(6, int(math.log2(n + 1))))


def covered(rules: Rules, found: Sequence[Found]) -> list[bool]:
    """For each token, whether it is a cue of the lexicon or a cue, speaker or content of
    an attribution in *found*."""
    words = rules.words
    taken = [False] * len(words)
    for hit in rules.hits:
        taken[hit.start:hit.end] = [True] * (hit.end - hit.start)
    for f in found:
        for a, b in f.parts or [(f.start, f.end)]:
            if b > a:
                first, end = words.token_at(a), words.token_at(b - 1) + 1
                taken[first:end] = [True] * max(0, end - first)
        for span in (f.cue, f.speaker):
            if span is not None:
                taken[span[0]:span[1]] = [True] * (span[1] - span[0])
    return taken


def verb_like(rules: Rules, k: int, lo: int) -> bool:
    """Whether token *k* (in a sentence that starts at *lo*) reads as a verb a statement
    may hang on: a finite verb (``words.is_verb``), a base form after
    ``to`` or an auxiliary, a word in ``-ing`` after *be*; never a function word, a word in
    capitals or one after a determiner (a noun)."""
    words = rules.words
    low = words.lower[k]
    if low in _NOT_VERBS or words.capital[k] or not low.isalpha() or rules.in_quote[k] >= 0:
        return False
    before = words.lower[k - 1] if k > lo else ""
    if before in DETERMINERS or before in LINKS:
        return False
    if before in _AUXILIARY:
        return True
    return is_verb(words, k) or (low.endswith("ing") and before in BE_FORMS)


def _follows(words: Words, k: int) -> str:
    """What follows the verb at token *k*: ``to``, ``that``, a question word, a
    preposition, or an object phrase."""
    low = words.lower[k]
    if low in ("to", "that"):
        return low
    if low in _QUESTIONS:
        return "question"
    if low in _PREPOSITIONS:
        return "prep"
    if words.is_punct(k):
        return "punct"
    return "object"


def _contents(rules: Rules, k: int, hi: int) -> list[tuple[str, str, int, int]]:
    """What follows the verb at token *k*, and the contents it may have: each with its
    variant (``short``: an object up to a comma or a clause word; ``mid``: up to a comma;
    ``clause``: where the rules end a content), its first token and its end; none when
    nothing follows in the sentence."""
    words = rules.words
    first = k + 1
    if first >= hi:
        return []
    kind = _follows(words, first)
    if kind == "punct":
        return []
    if kind == "prep":
        first += 1
    ends: list[tuple[str, int]] = [("clause", rules._content_end(first, hi))]
    if kind in ("object", "prep"):
        short = mid = first
        while mid < hi and mid - first < MAX_OBJECT and words.text[mid] not in _BREAKS:
            mid += 1
        while short < mid and (short == first or words.lower[short] not in _OBJECT_STOPS):
            short += 1
        ends = [("short", short), ("mid", mid), *ends]
    found: list[tuple[str, str, int, int]] = []
    for variant, end in ends:
        while end > first and words.text[end - 1] in _BREAKS:
            end -= 1
        if end > first and all(end != e for *_, e in found):
            found.append((kind, variant, first, end))
    return found


def _subject(rules: Rules, k: int, lo: int) -> tuple[str, tuple[int, int] | None]:
    """The kind of the verb's subject (``pronoun``, ``name``, ``phrase``, ``relative``,
    ``none``) and its tokens, when they name a speaker."""
    words = rules.words
    speaker = speaker_before(words, k, lo)
    if speaker is not None:
        first, end = speaker
        if end - first == 1 and words.lower[first] in SUBJECT_PRONOUNS:
            return "pronoun", speaker
        if any(words.capital[j] for j in range(first, end)) and first > lo:
            return "name", speaker
        return ("name" if any(words.capital[j] for j in range(first + 1, end)) else "phrase",
                speaker)
    j = k - 1
    while j >= lo and words.lower[j] in BETWEEN:
        j -= 1
    if j >= lo and words.lower[j] in _RELATIVES:
        return "relative", (j, j + 1)
    return "none", None


def features(
    rules: Rules, k: int, lo: int, hi: int, content: tuple[str, str, int, int],
    subject: str, busy: bool,
) -> tuple[str, ...]:
    """The features of the candidate verb at token *k* of the sentence ``[lo, hi)``, whose
    *content* is ``(follows, variant, first, end)`` (see ``_contents``), whose subject is
    of the kind *subject*, in a sentence that holds an attribution the rules found (*busy*)
    or not."""
    follows, variant, first, end = content
    words = rules.words
    lemma, low = words.lemma[k], words.lower[k]
    form = ("ing" if low.endswith("ing") else "ed" if low.endswith("ed")
            else "s" if low.endswith("s") else "base")
    before = set(words.lower[max(lo, k - 3):k])
    after = _shape(words, first)
    inside = set(words.lower[first:end])
    verb = any(is_verb(words, j) for j in range(first + 1, end))
    prev, nxt, length = _shape(words, k - 1), _shape(words, k + 1), _bucket(end - first)
    return (
        "bias",
        f"lemma={lemma}",
        f"lemma|follows={lemma}|{follows}",
        f"lemma|subject={lemma}|{subject}",
        f"follows={follows}",
        f"follows|subject={follows}|{subject}",
        f"form={form}",
        f"form|follows={form}|{follows}",
        f"prev={prev}",
        f"prev2={_shape(words, k - 2)}_{prev}",
        f"next={nxt}",
        f"first={after}",
        f"next2={nxt}_{_shape(words, k + 2)}",
        f"subject={subject}",
        f"negated={bool(before & _NEGATION)}",
        f"auxiliary={bool(before & _AUXILIARY)}",
        f"length={length}",
        f"follows|length={follows}|{length}",
        f"to_end={end >= hi - 1}",
        f"position={_bucket(k - lo)}",
        f"busy={busy}",
        f"quoted={max(rules.in_quote[first:end], default=-1) >= 0}",
        f"variant={variant}",
        f"variant|follows={variant}|{follows}",
        f"variant|length={variant}|{length}",
        f"lemma|variant={lemma}|{variant}",
        f"variant|verb={variant}|{follows}|{verb}",
        f"variant|and={variant}|{follows}|{'and' in inside}",
        f"variant|pronoun={variant}|{follows}|{bool(inside & SUBJECT_PRONOUNS)}",
    )


def proposals(rules: Rules, found: Sequence[Found]) -> list[Proposal]:
    """The candidate statements of the document beside the attributions *found* by the
    rules (see the module's description), in text order."""
    words = rules.words
    taken = covered(rules, found)
    busy = {words.sentence_of[f.cue[0]] for f in found if f.cue is not None}
    in_quote = rules.in_quote
    found_list: list[Proposal] = []
    for n, (lo, hi) in enumerate(words.sentences):
        for k in range(lo, hi):
            if taken[k] or not verb_like(rules, k, lo):
                continue
            subject: tuple[str, tuple[int, int] | None] | None = None
            for content in _contents(rules, k, hi):
                follows, _, first, end = content
                if True in taken[first:end] or (
                    follows in ("object", "prep") and max(in_quote[first:end]) >= 0
                ):
                    continue
                subject = subject or _subject(rules, k, lo)
                found_list.append(Proposal(k, first, end, subject[1], features(
                    rules, k, lo, hi, content, subject[0], n in busy,
                )))
    return found_list


def probability(weights: Mapping[str, float], names: Sequence[str]) -> float:
    """The model's probability that a candidate with the features *names* is a statement."""
    z = sum(map(weights.get, names, itertools.repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def chosen(
    weights: Mapping[str, float], found: Sequence[Proposal], threshold: float
) -> list[tuple[Proposal, float]]:
    """The candidates of at least *threshold*, most probable first, leaving out one whose
    verb or content overlaps a more probable one's; in text order."""
    scored = sorted(
        ((p, probability(weights, p.features)) for p in found), key=lambda x: (-x[1], x[0].cue)
    )
    kept: list[tuple[Proposal, float]] = []
    for p, value in scored:
        if value < threshold:
            break
        lo, hi = min(p.cue, p.first), p.end
        if all(hi <= min(q.cue, q.first) or q.end <= lo for q, _ in kept):
            kept.append((p, value))
    return sorted(kept, key=lambda x: x[0].cue)


def _sentence_subject(rules: Rules, k: int) -> tuple[int, int] | None:
    """The subject of the sentence of the verb at token *k* when nothing right before the
    verb names its speaker (``Whitfield, who leads the board, has long backed ...``): the
    sentence's subject (:func:`~newslens_quotes.words.sentence_subject`) before the verb,
    not a pronoun that names nobody (``it``, ``there``)."""
    words = rules.words
    lo = words.sentence_bounds(k)[0]
    subject = sentence_subject(words, lo, k, rules.in_quote)
    if subject is None or subject[1] > k or words.lower[subject[0]] in _NO_SPEAKER:
        return None
    return subject


def add_statements(rules: Rules, found: Sequence[Found]) -> list[Found]:
    """*found* with the candidates the model keeps (:func:`chosen`) added as quotes found
    by :data:`HOW`, in order of their start."""
    from newslens_quotes.attribution import Found

    weights = table()
    words = rules.words
    more: list[Found] = []
    for p, value in chosen(weights, proposals(rules, found), weights.get(THRESHOLD, 1.0)):
        start, stop = words.start[p.first], words.end[p.end - 1]
        inner = any(start <= q.open and q.close < stop for q in rules.quoted)
        speaker = p.speaker or _sentence_subject(rules, p.cue)
        more.append(Found(
            start, stop, "mixed" if inner else "indirect", (p.cue, p.cue + 1), speaker,
            round(value, 3), HOW, words.sentence_of[p.cue],
        ))
    return sorted([*found, *more], key=lambda f: f.start)


@functools.cache
def table() -> Mapping[str, float]:
    """The weights of ``data/learned_cues.tsv``: feature name -> weight, and the row
    :data:`THRESHOLD`."""
    path = resources.files("newslens_quotes").joinpath("data", "learned_cues.tsv")
    return parse_table(path.read_text("utf-8"))
