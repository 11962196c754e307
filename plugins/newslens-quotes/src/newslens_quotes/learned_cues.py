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

``add_statements`` keeps what :func:`chosen` keeps of all ``proposals``, with the
same probabilities, faster: it looks each feature's value up in the weights of its family
(the same weights added in the same order), and it leaves out a verb before reading its
contents and subject when an upper bound of its score (each family still unknown adding
its largest weight) stays under the threshold.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from newslens_quotes.boundaries import parse_table
from newslens_quotes.words import (
    BE_FORMS,
    BETWEEN,
    CLAUSE_WORDS,
    DETERMINERS,
    IRREGULAR_PAST,
    LINKS,
    PASSIVE,
    SUBJECT_PRONOUNS,
    Words,
    has_alnum,
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

_MARGIN: Final = 1e-9
"""What a bound adds against rounding: far above the error of a sum of some thirty
weights, far below any difference a weight of the table makes."""

_KINDS: Final = ("pronoun", "name", "phrase", "relative", "none")
_BOOLS: Final = ("True", "False")
_OBJECTS: Final = ("object", "prep")
_VARIANTS: Final = {"object": ("short", "mid", "clause"), "prep": ("short", "mid", "clause"),
                    "to": ("clause",), "that": ("clause",), "question": ("clause",)}
"""The variants of the contents that can follow a verb, by what follows it."""

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


def _is_punct(text: str) -> bool:
    """Whether a token whose text is *text* is punctuation (``Words.is_punct``)."""
    return not has_alnum(text)


@functools.lru_cache(maxsize=1 << 16)
def _text_shape(text: str) -> str:
    """How a feature names a token whose text is *text* (see ``_shape``)."""
    low = text.lower()  # as Words.lower
    if low in _VOCABULARY:
        return low
    if _is_punct(text):
        return text if len(text) <= 2 else "<punct>"
    if text[:1].isdigit():
        return "<digit>"
    if low.endswith("ing"):
        return "<ing>"
    if low.endswith("ed"):
        return "<ed>"
    return "<Cap>" if text[:1].isupper() else "<low>"


def _shape(words: Words, k: int) -> str:
    """Token *k* as a feature names it: a common word by itself, any other by its shape
    (``<Cap>``, ``<ing>``, a short punctuation mark...); ``<none>`` outside the text."""
    text = words.text
    return _text_shape(text[k]) if 0 <= k < len(text) else _NONE


_NONE: Final = "<none>"


_BUCKETS: Final = tuple(str(int(math.log2(n + 1))) for n in range(63))


def _bucket(n: int) -> str:
    """The bucket of a count *n* (at least 0): its base-2 logarithm, at most 6."""
    return _BUCKETS[n] if n < len(_BUCKETS) else "6"


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
    if before in _NOUN_BEFORE:
        return False
    if before in _AUXILIARY:
        return True
    return _is_verb(words, k) or (low.endswith("ing") and before in BE_FORMS)


def _is_verb(words: Words, k: int) -> bool:
    """``words.is_verb(k)``; without tags, kept by word for the words not in capitals (it
    reads nothing else then, and says no to a word in capitals)."""
    if words.upos is not None:
        return is_verb(words, k)
    if words.capital[k]:
        return False
    low = words.lower[k]
    verb = _LITE_VERBS.get(low)
    if verb is None:
        if len(_LITE_VERBS) > 1 << 16:
            _LITE_VERBS.clear()
        verb = _LITE_VERBS[low] = is_verb(words, k)
    return verb


_NOUN_BEFORE: Final = DETERMINERS | LINKS
_LITE_VERBS: dict[str, bool] = {}
"""``words.is_verb`` of each lower-case word seen without tags and not in capitals (it
reads nothing else then; cleared past 65,536)."""


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
    return "punct" if _is_punct(words.text[k]) else "object"


def _content_start(words: Words, k: int, hi: int) -> tuple[str, int] | None:
    """What follows the verb at token *k* (see ``_follows``) and the token where its
    content starts; ``None`` when nothing follows in the sentence ``[..., hi)`` or a
    punctuation mark does."""
    first = k + 1
    if first >= hi:
        return None
    kind = _follows(words, first)
    if kind == "punct":
        return None
    return kind, first + 1 if kind == "prep" else first


def _content_ends(
    rules: Rules, kind: str, first: int, hi: int, clause: bool = True
) -> list[tuple[str, str, int, int]]:
    """The contents that start at token *first* after a verb followed by *kind*: each with
    *kind*, its variant (``short``: an object up to a comma or a clause word; ``mid``: up
    to a comma; ``clause``: where the rules end a content, unless not *clause*), its first
    token and its end."""
    words = rules.words
    ends: list[tuple[str, int]] = [("clause", rules._content_end(first, hi))] if clause else []
    if kind in _OBJECTS:
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


def _contents(rules: Rules, k: int, hi: int) -> list[tuple[str, str, int, int]]:
    """What follows the verb at token *k*, and the contents it may have: each with its
    variant (see ``_content_ends``), its first token and its end; none when nothing
    follows in the sentence."""
    start = _content_start(rules.words, k, hi)
    return [] if start is None else _content_ends(rules, *start, hi)


def _free(rules: Rules, taken: Sequence[bool], content: tuple[str, str, int, int]) -> bool:
    """Whether *content* overlaps no token *taken* by the rules and, as an object, holds
    no quotation."""
    follows, _, first, end = content
    return True not in taken[first:end] and not (
        follows in _OBJECTS and max(rules.in_quote[first:end]) >= 0
    )


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


def _verb_values(words: Words, k: int, lo: int, first: int) -> tuple[str, ...]:
    """What the features say of the verb at token *k* of a sentence that starts at *lo*,
    whose content starts at *first*: its lemma, its form, the word before it, the two
    before it, the word after it, the content's first word, the two after it, a negation
    and an auxiliary among the three words before it, and where it stands."""
    low = words.lower[k]
    form = ("ing" if low.endswith("ing") else "ed" if low.endswith("ed")
            else "s" if low.endswith("s") else "base")
    before = words.lower[max(lo, k - 3):k]
    text, shape = words.text, _text_shape  # as _shape, k - 1 >= -1 and first > k
    size = len(text)
    prev = shape(text[k - 1]) if k >= 1 else _NONE
    nxt = shape(text[k + 1]) if k + 1 < size else _NONE
    return (
        words.lemma[k], form, prev, f"{shape(text[k - 2]) if k >= 2 else _NONE}_{prev}", nxt,
        shape(text[first]) if first < size else _NONE,
        f"{nxt}_{shape(text[k + 2]) if k + 2 < size else _NONE}",
        str(not _NEGATION.isdisjoint(before)), str(not _AUXILIARY.isdisjoint(before)),
        _bucket(k - lo),
    )


def _content_values(rules: Rules, first: int, end: int, hi: int) -> tuple[str, ...]:
    """What the features say of the content ``[first, end)`` in a sentence that ends at
    *hi*: its length, whether it reaches the sentence's end, whether it holds a quotation,
    a verb after its first word, ``and``, a subject pronoun."""
    words = rules.words
    inside = words.lower[first:end]
    return (
        _bucket(end - first), str(end >= hi - 1),
        str(max(rules.in_quote[first:end], default=-1) >= 0),
        str(any(_is_verb(words, j) for j in range(first + 1, end))), str("and" in inside),
        str(not SUBJECT_PRONOUNS.isdisjoint(inside)),
    )


_FAMILIES: Final = (
    "bias", "lemma", "lemma|follows", "lemma|subject", "follows", "follows|subject", "form",
    "form|follows", "prev", "prev2", "next", "first", "next2", "subject", "negated",
    "auxiliary", "length", "follows|length", "to_end", "position", "busy", "quoted",
    "variant", "variant|follows", "variant|length", "lemma|variant", "variant|verb",
    "variant|and", "variant|pronoun",
)
"""The features of a candidate, in order: each is ``family=value`` (``bias`` alone)."""


def _values(
    verb: tuple[str, ...], follows: str, subject: str, busy: str, variant: str,
    content: tuple[str, ...],
) -> tuple[str, ...]:
    """The value of each family of :data:`_FAMILIES` for a candidate: *verb* as
    ``_verb_values`` and *content* as ``_content_values`` say."""
    lemma, form, prev, prev2, nxt, after, next2, negated, auxiliary, position = verb
    length, to_end, quoted, has_verb, has_and, has_pronoun = content
    return (
        "", lemma, f"{lemma}|{follows}", f"{lemma}|{subject}", follows,
        f"{follows}|{subject}", form, f"{form}|{follows}", prev, prev2, nxt, after, next2,
        subject, negated, auxiliary, length, f"{follows}|{length}", to_end, position, busy,
        quoted, variant, f"{variant}|{follows}", f"{variant}|{length}", f"{lemma}|{variant}",
        f"{variant}|{follows}|{has_verb}", f"{variant}|{follows}|{has_and}",
        f"{variant}|{follows}|{has_pronoun}",
    )


def features(
    rules: Rules, k: int, lo: int, hi: int, content: tuple[str, str, int, int],
    subject: str, busy: bool,
) -> tuple[str, ...]:
    """The features of the candidate verb at token *k* of the sentence ``[lo, hi)``, whose
    *content* is ``(follows, variant, first, end)`` (see ``_contents``), whose subject is
    of the kind *subject*, in a sentence that holds an attribution the rules found (*busy*)
    or not."""
    follows, variant, first, end = content
    values = _values(
        _verb_values(rules.words, k, lo, first), follows, subject, str(busy), variant,
        _content_values(rules, first, end, hi),
    )
    return ("bias", *map("=".join, zip(_FAMILIES[1:], values[1:], strict=True)))


def _word_class(low: str) -> int:
    """What the lower-case word *low* may be by itself: 0, never a candidate's verb (see
    :func:`verb_like`); 1, a verb without tags (it has a form ``words.is_verb`` may read as
    one, or ends in ``-ing``); 2, a verb only after an auxiliary (without tags)."""
    if low in _NOT_VERBS or not low.isalpha():
        return 0
    return 1 if low in IRREGULAR_PAST or low.endswith(("ed", "s", "ing")) else 2


_CODES: dict[str, str] = {}
"""Each word seen, coded as one letter: ``a``, ``b``, ``c`` for the classes 0, 1, 2 of
``_word_class``, ``d``, ``e``, ``f`` for the same of an auxiliary (cleared past 65,536)."""
_MAYBE_TAGGED: Final = re.compile("[bcef]")
_MAYBE_LITE: Final = re.compile("[be]|(?<=[def])[cf]")


def _maybe_verbs(words: Words) -> list[int]:
    """The tokens :func:`verb_like` may accept, in order (more, never fewer): all words of
    class 1 or 2 (``_word_class``) with tags; without them, those of class 1, and those of
    class 2 right after an auxiliary. The words are coded as letters (``_CODES``) and the
    letters matched, much faster than going through the tokens one by one."""
    lower = words.lower
    codes = "".join(map(_CODES.get, lower, itertools.repeat("?")))
    if "?" in codes:
        if len(_CODES) > 1 << 16:
            _CODES.clear()
        for low in set(lower).difference(_CODES):
            _CODES[low] = "abcdef"[_word_class(low) + 3 * (low in _AUXILIARY)]
        codes = "".join(map(_CODES.__getitem__, lower))
    pattern = _MAYBE_LITE if words.upos is None else _MAYBE_TAGGED
    return [m.start() for m in pattern.finditer(codes)]


def _verbs(
    rules: Rules, found: Sequence[Found], taken: Sequence[bool]
) -> Iterator[tuple[int, int, int, bool, str, int]]:
    """The candidates' verbs (see :func:`verb_like`) outside the tokens *taken* by the rules,
    in text order, each with its sentence ``[lo, hi)``, whether that sentence holds an
    attribution *found* by the rules, what follows the verb and where its content starts."""
    words = rules.words
    busy = {words.sentence_of[f.cue[0]] for f in found if f.cue is not None}
    capital, in_quote = words.capital, rules.in_quote  # as verb_like, before calling it
    maybe = [k for k in _maybe_verbs(words) if not (taken[k] or capital[k] or in_quote[k] >= 0)]
    for n, (lo, hi) in enumerate(words.sentences):
        i = bisect.bisect_left(maybe, lo)
        for k in itertools.takewhile(hi.__gt__, itertools.islice(maybe, i, None)):
            if not verb_like(rules, k, lo):
                continue
            start = _content_start(words, k, hi)
            if start is not None:
                yield k, lo, hi, n in busy, start[0], start[1]


def proposals(rules: Rules, found: Sequence[Found]) -> list[Proposal]:
    """The candidate statements of the document beside the attributions *found* by the
    rules (see the module's description), in text order."""
    taken = covered(rules, found)
    found_list: list[Proposal] = []
    for k, lo, hi, busy, follows, first in _verbs(rules, found, taken):
        subject: tuple[str, tuple[int, int] | None] | None = None
        for content in _content_ends(rules, follows, first, hi):
            if _free(rules, taken, content):
                subject = subject or _subject(rules, k, lo)
                found_list.append(Proposal(k, content[2], content[3], subject[1], features(
                    rules, k, lo, hi, content, subject[0], busy,
                )))
    return found_list


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def probability(weights: Mapping[str, float], names: Sequence[str]) -> float:
    """The model's probability that a candidate with the features *names* is a statement."""
    return _sigmoid(sum(map(weights.get, names, itertools.repeat(0.0))))


_T = TypeVar("_T")


def _pick(
    scored: Iterable[tuple[float, int, int, int, _T]], threshold: float
) -> list[tuple[float, int, int, int, _T]]:
    """:func:`chosen` on candidates given as ``(probability, cue, first, end, item)``: those
    kept, in text order."""
    kept: list[tuple[float, int, int, int, _T]] = []
    for value, cue, first, end, item in sorted(scored, key=lambda x: (-x[0], x[1])):
        if value < threshold:
            break
        lo = min(cue, first)
        if all(end <= min(q[1], q[2]) or q[3] <= lo for q in kept):
            kept.append((value, cue, first, end, item))
    return sorted(kept, key=lambda x: x[1])


def chosen(
    weights: Mapping[str, float], found: Sequence[Proposal], threshold: float
) -> list[tuple[Proposal, float]]:
    """The candidates of at least *threshold*, most probable first, leaving out one whose
    verb or content overlaps a more probable one's; in text order."""
    scored = ((probability(weights, p.features), p.cue, p.first, p.end, p) for p in found)
    return [(p, value) for value, *_, p in _pick(scored, threshold)]


@attrs.frozen
class _Head:
    """What the families of a verb's lemma and of what follows it add (*fixed*), with the
    most its subject may add by kind (*subjects*) and its content by variant (*variants*),
    and the most of all (*best*)."""

    fixed: float
    subjects: dict[str, float]
    variants: tuple[tuple[str, float], ...]
    best: float


class _Model:
    """The weights of a table by family of :data:`_FAMILIES` (value -> weight), to score a
    candidate without naming its features, and an upper bound of a verb's score from what
    is read before its contents and subject: the largest weight the families not yet
    known can add (the subject's kind, the variant, the content's length and the rest)."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.weights = weights
        self.threshold = threshold = weights.get(THRESHOLD, 1.0)
        # log-odds under which no probability reaches the threshold, over which all do
        self.low, self.high = -math.inf, math.inf
        if 1e-6 < threshold < 1 - 1e-6:
            odds = math.log(threshold / (1 - threshold))
            self.low, self.high = odds - 1e-6, odds + 1e-6
        family: dict[str, dict[str, float]] = {name: {} for name in _FAMILIES}
        for name, weight in weights.items():
            kind, sep, value = name.partition("=")
            if sep and kind in family and kind != "bias":
                family[kind][value] = weight
        if "bias" in weights:
            family["bias"][""] = weights["bias"]
        self.family = family
        self.tables = tuple(family[name] for name in _FAMILIES)
        self.lemmas = set(family["lemma"]) | {
            value.rpartition("|")[0]
            for name in ("lemma|follows", "lemma|subject", "lemma|variant")
            for value in family[name]
        }
        self.late = {follows: {variant: self._content_best(follows, variant)
                               for variant in variants}
                     for follows, variants in _VARIANTS.items()}
        self._early = tuple(family[name] for name in (
            "form", "form|follows", "prev", "prev2", "next", "first", "next2", "negated",
            "auxiliary", "position", "busy",
        ))
        self._heads: dict[tuple[str | None, str], _Head] = {}

    def _best(self, name: str, values: Iterable[str]) -> float:
        table = self.family[name]
        return max(table.get(value, 0.0) for value in values)

    def _content_best(self, follows: str, variant: str) -> float:
        """The most a content of *variant* after *follows* may add, but its lemma's."""
        family, prefix = self.family, f"{variant}|{follows}|"
        length = max(
            family["length"].get(b, 0.0) + family["follows|length"].get(f"{follows}|{b}", 0.0)
            + family["variant|length"].get(f"{variant}|{b}", 0.0)
            for b in (*dict.fromkeys(_BUCKETS), "6")
        )
        return (
            family["variant"].get(variant, 0.0)
            + family["variant|follows"].get(f"{variant}|{follows}", 0.0) + length
            + self._best("to_end", _BOOLS) + self._best("quoted", _BOOLS)
            + self._best("variant|verb", [prefix + b for b in _BOOLS])
            + self._best("variant|and", [prefix + b for b in _BOOLS])
            + self._best("variant|pronoun", [prefix + b for b in _BOOLS])
        )

    def head(self, lemma: str, follows: str) -> _Head:
        """What the families of the lemma, what follows, the subject and the content may add
        to a verb of *lemma* followed by *follows* (kept for the next verb of the same)."""
        key = (lemma if lemma in self.lemmas else None, follows)
        head = self._heads.get(key)
        if head is None:
            family = self.family
            subjects = {kind: family["lemma|subject"].get(f"{lemma}|{kind}", 0.0)
                        + family["follows|subject"].get(f"{follows}|{kind}", 0.0)
                        + family["subject"].get(kind, 0.0) for kind in _KINDS}
            variants = tuple(
                (variant, best + family["lemma|variant"].get(f"{lemma}|{variant}", 0.0))
                for variant, best in self.late[follows].items()
            )
            fixed = (family["bias"].get("", 0.0) + family["lemma"].get(lemma, 0.0)
                     + family["lemma|follows"].get(f"{lemma}|{follows}", 0.0)
                     + family["follows"].get(follows, 0.0))
            head = self._heads[key] = _Head(fixed, subjects, variants, fixed + max(
                subjects.values()) + max(best for _, best in variants))
        return head

    def early(self, verb: tuple[str, ...], follows: str, busy: str) -> float:
        """What the families known before the verb's contents and subject but not in its
        :meth:`head` add for the verb that *verb* (``_verb_values``) describes."""
        _, form, prev, prev2, nxt, after, next2, negated, auxiliary, position = verb
        return sum(map(dict.get, self._early, (
            form, f"{form}|{follows}", prev, prev2, nxt, after, next2, negated, auxiliary,
            position, busy,
        ), _ZEROS))

    def reaches(self, bound: float) -> bool:
        """Whether a candidate whose score is at most *bound* may reach the threshold:
        whether the probability of ``bound`` (and :data:`_MARGIN`) does; told without
        it when ``bound`` is clearly under or over the threshold's log-odds."""
        z = bound + _MARGIN
        return z >= self.low and (z >= self.high or _sigmoid(z) >= self.threshold)

    def score(self, values: tuple[str, ...]) -> float:
        """The probability of a candidate whose features have the *values* (``_values``):
        :func:`probability` of its features, the same weights added in the same order."""
        return _sigmoid(sum(map(dict.get, self.tables, values, _ZEROS)))


_ZEROS: Final = itertools.repeat(0.0)


def _model(weights: Mapping[str, float]) -> _Model:
    """The :class:`_Model` of *weights*, made again only when *weights* is another table."""
    model = _LAST[0]
    if model is None or model.weights is not weights:
        model = _LAST[0] = _Model(weights)
    return model


_LAST: list[_Model | None] = [None]


def _scored(
    rules: Rules, found: Sequence[Found], model: _Model
) -> list[tuple[float, int, int, int, tuple[int, int] | None]]:
    """The candidates of ``proposals`` that reach the model's threshold, each as
    ``(probability, cue, first, end, speaker)``, the same probabilities as
    :func:`probability` gives their features. A verb whose bound (the most its
    ``_Model.head`` may add and its ``_Model.early`` features) stays under the threshold
    is left out before its contents and subject are read, and a variant whose bound does
    once its subject is known."""
    taken = covered(rules, found)
    words, threshold = rules.words, model.threshold
    scored: list[tuple[float, int, int, int, tuple[int, int] | None]] = []
    for k, lo, hi, busy, follows, first in _verbs(rules, found, taken):
        verb = _verb_values(words, k, lo, first)
        flag = str(busy)
        head = model.head(verb[0], follows)
        early = model.early(verb, follows, flag)
        if not model.reaches(head.best + early):
            continue
        kind, speaker = _subject(rules, k, lo)
        known = head.fixed + early + head.subjects[kind]
        variants = [variant for variant, best in head.variants if model.reaches(known + best)]
        if not variants:
            continue
        contents = [
            c for c in _content_ends(rules, follows, first, hi, "clause" in variants)
            if c[1] in variants and _free(rules, taken, c)
        ]
        for _, variant, start, end in contents:
            value = model.score(_values(
                verb, follows, kind, flag, variant, _content_values(rules, start, end, hi)
            ))
            if value >= threshold:
                scored.append((value, k, start, end, speaker))
    return scored


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

    model = _model(table())
    words = rules.words
    more: list[Found] = []
    for value, cue, first, end, speaker in _pick(_scored(rules, found, model), model.threshold):
        start, stop = words.start[first], words.end[end - 1]
        inner = any(start <= q.open and q.close < stop for q in rules.quoted)
        speaker = speaker or _sentence_subject(rules, cue)
        more.append(Found(
            start, stop, "mixed" if inner else "indirect", (cue, cue + 1), speaker,
            round(value, 3), HOW, words.sentence_of[cue],
        ))
    return sorted([*found, *more], key=lambda f: f.start)


@functools.cache
def table() -> Mapping[str, float]:
    """The weights of ``data/learned_cues.tsv``: feature name -> weight, and the row
    :data:`THRESHOLD`."""
    path = resources.files("newslens_quotes").joinpath("data", "learned_cues.tsv")
    return parse_table(path.read_text("utf-8"))
