"""The readability report of a document: body, headline, sentences, paragraphs, hard words.

:func:`analyse` reads only the document's own annotations (tokens, sentences,
paragraphs and parts) and returns a :class:`ReadabilityReport`. The body is
scored without the headline, the byline and a dateline at the start of the
body (``WASHINGTON (AP) —``); the headline gets its own small score.

Only prose is read: tokens that are web text (a URL, an e-mail address, a
handle, a hashtag, an ID, a markup tag: those with a :attr:`newslens.Token.kind`)
and the tokens of ``boilerplate`` parts (newsletter prompts, photo credits, the
sign-off of an embedded post: :mod:`newslens.webtext`) are left out of every
count, and the report says how many were left out and why
(:attr:`ReadabilityReport.left_out`). A sentence is then the span of its prose
tokens; a sentence with none is no sentence.

Linsear Write is computed for the body as it was published, on a sample of 100
words: the first 100 words of the body, with the sentences that start among
them (the last one perhaps cut, as ``textstat`` counts it too).

Quoted speech and narration are scored apart. When the quotes plugin is
installed, the quoted speech is the content of its direct quotes (its key is an
optional requirement of the enricher: scare quotes and titles in quotation marks
stay narration). Without it, quotations are found here, cheaply: double
quotation marks (straight ``"``, curly ``“ ”``, guillemets ``« »``) paired within
each paragraph, an opening mark left without its closing one running to the
end of the paragraph (the news convention for a quotation that goes on in the
next paragraph).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial
from itertools import chain, compress, pairwise, product
from operator import attrgetter, sub
from typing import Any, Final

import attrs

from newslens import Deferred, Detail, Document, webtext
from newslens_readability.counts import (
    Counts,
    Word,
    _add_words,
    _counts_of,
    _hard_of,
    _RunningTally,
    _Tally,
    _tally,
    _unpack,
    _WordList,
)
from newslens_readability.formulas import (
    FORMULAS,
    Formula,
    UndefinedScore,
    _builtin_scores,
    builtin_scores,
    linsear_write,
)
from newslens_readability.verdict import GRADE, LONG_SENTENCE, long_sentence_warnings, verdict

HARD_WORDS_SHOWN: Final = 5
"""How many hard words (the most frequent) the ``readability`` section holds below
``--detail full``; ``full`` holds them all."""

HEADLINE_FORMULAS: Final = ("flesch_reading_ease", "flesch_kincaid_grade")
"""The formulas of the headline's small score."""

MIN_WORDS: Final = 100
"""Fewer body words than this make every score unreliable (a warning says so)."""

_OPEN_QUOTES: Final = {"“": "”", "«": "»", '"': '"', "„": "“"}
_OPEN_QUOTE_RE: Final = re.compile("[“«\"„]")
_ASCII_LOWER: Final = b"abcdefghijklmnopqrstuvwxyz"
_BUILTIN_NAMES: Final = tuple(f.name for f in FORMULAS)
_BUILTIN_MINIMUMS: Final = tuple((f.name, f.min_sentences) for f in FORMULAS if f.min_sentences > 1)


@attrs.frozen
class Scores:
    """Counts and formula scores of one stretch of text.

    Attributes:
        counts: What the scores are computed from.
        names: The formulas' names, in output order.
        scores: Each formula's score, or ``None`` where it cannot be computed.
        warnings: Why a score is ``None`` or not to be trusted.
    """

    counts: Counts
    names: tuple[str, ...]
    scores: tuple[float | None, ...]
    warnings: tuple[str, ...] = ()

    @property
    def values(self) -> tuple[tuple[str, float | None], ...]:
        """``(formula name, score or None)`` pairs, in output order."""
        return tuple(zip(self.names, self.scores, strict=True))

    def __getitem__(self, name: str) -> float | None:
        """Return the score of the formula called *name*.

        Raises:
            KeyError: when no such formula was computed.
        """
        try:
            return self.scores[self.names.index(name)]
        except ValueError:
            raise KeyError(name) from None

    def as_dict(self) -> dict[str, Any]:
        """Return counts and scores in one flat dictionary (scores rounded to 2 places)."""
        out: dict[str, Any] = dict(self.counts.as_dict())
        for key, value in zip(self.names, self.scores, strict=True):
            out[key] = None if value is None else round(value, 2)
        return out


@attrs.frozen
class SpanScores:
    """The scores of a sentence or a paragraph of the body.

    Attributes:
        start: Offset of the first character.
        end: Offset after the last character.
        text: The text of the span.
        scores: Its counts and scores.
    """

    start: int
    end: int
    text: str
    scores: Scores

    def as_dict(self) -> dict[str, Any]:
        """Return ``start``, ``end``, ``text`` and the flat scores."""
        return {"start": self.start, "end": self.end, "text": self.text, **self.scores.as_dict()}


@attrs.frozen
class HardWord:
    """A word that makes the body harder to read, and why.

    Attributes:
        word: The word, lower case (the key words are grouped by).
        start: Offset of its first occurrence.
        end: Offset after its first occurrence.
        text: Its first occurrence as written.
        count: How many times it occurs in the body.
        syllables: Its syllables.
        reasons: Why it is hard: ``"complex"`` (Gunning: 3+ syllables, not a
            name, not a compound, not made so by -es/-ed/-ing),
            ``"unfamiliar"`` (not on the Dale-Chall list), ``"long"`` (more
            than 6 letters).
    """

    word: str
    start: int
    end: int
    text: str
    count: int
    syllables: int
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """Return the hard word as a JSON object."""
        return {
            "word": self.word,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "count": self.count,
            "syllables": self.syllables,
            "reasons": list(self.reasons),
        }


@attrs.frozen
class ReadabilityReport:
    """Everything the readability plugin finds in one document.

    Attributes:
        body: Counts and scores of the body (headline, byline, dateline excluded).
        headline: Small score of the headline (sentences, words, syllables,
            Flesch Reading Ease, Flesch-Kincaid), or ``None`` without a headline.
        per_sentence: Scores of each body sentence that has words.
        per_paragraph: Scores of each body paragraph that has words.
        hard_words: Hard words of the body, most frequent first.
        quoted: Scores of the quoted speech in the body, or ``None`` if there is none.
        narration: Scores of the rest of the body, or ``None`` if it is all quotation.
        quotes_source: Where the quotation spans came from.
        warnings: Scores that could not be computed, or are not to be trusted, and why
            (a "sentence" of more than :data:`~newslens_readability.verdict.LONG_SENTENCE`
            words among them).
        left_out: How many tokens of the body were left out as not prose, by
            reason (a token kind of :data:`newslens.webtext.TOKEN_KINDS`, or
            ``boilerplate``), most first; empty when none were.

    :func:`analyse` hands ``per_sentence`` and ``per_paragraph`` as
    :class:`~newslens.model.Deferred` tuples, worked out the first time they are
    read: the default JSON output (``--detail standard``) never reads them, and
    they were a fifth of the plugin's time. They read like tuples (indexing,
    ``len``, ``==`` with a tuple, ``+``); ``tuple(report.per_sentence)`` gives a tuple.
    """

    body: Scores
    headline: Scores | None = None
    per_sentence: Sequence[SpanScores] = ()
    per_paragraph: Sequence[SpanScores] = ()
    hard_words: tuple[HardWord, ...] = ()
    quoted: Scores | None = None
    narration: Scores | None = None
    quotes_source: str = "quotation marks"
    warnings: tuple[str, ...] = ()
    left_out: tuple[tuple[str, int], ...] = ()

    @property
    def verdict(self) -> str:
        """How hard the body is, in words, with its Flesch-Kincaid grade.

        ``"hard: a college reader; harder than most news (Flesch-Kincaid grade 14.6)"``;
        see :mod:`newslens_readability.verdict` for the bands. ``"; doubtful: see the
        warnings"`` is added when the body is too short or one "sentence" is most of it.
        """
        return verdict(dict(self.body.values).get(GRADE), self.warnings)

    def to_dict(self, detail: str = "full") -> dict[str, Any]:
        """Return the JSON section ``readability`` (see the plugin documentation) as
        written at the level *detail* (``full``: everything)."""
        section: dict[str, Any] = Detail.apply({"readability": self.section()}, detail)
        return section["readability"]  # type: ignore[no-any-return]

    def section(self) -> dict[str, Any]:
        """Return the JSON section ``readability`` with its detail marked (see
        :class:`newslens.Detail`): the scores of each sentence and paragraph are
        written only at ``--detail full``, as are the hard words beyond the first
        ``HARD_WORDS_SHOWN`` (5); ``summary`` leaves out the hard words and ``speech``."""
        speech = {
            "source": self.quotes_source,
            "quoted": None if self.quoted is None else self.quoted.as_dict(),
            "narration": None if self.narration is None else self.narration.as_dict(),
        }
        return {
            "verdict": self.verdict,
            **self.body.as_dict(),
            "headline": None if self.headline is None else self.headline.as_dict(),
            "per_sentence": Detail(partial(_as_dicts, self.per_sentence)),
            "per_paragraph": Detail(partial(_as_dicts, self.per_paragraph)),
            "hard_words": Detail(
                partial(_as_dicts, self.hard_words),
                standard=partial(_as_dicts, self.hard_words[:HARD_WORDS_SHOWN]),
            ),
            "speech": Detail(speech, standard=speech),
            "left_out": {
                "tokens": sum(n for _, n in self.left_out),
                "by_reason": dict(self.left_out),
            },
            "warnings": list(self.warnings),
        }


def _as_dicts(items: Sequence[SpanScores] | Sequence[HardWord]) -> list[dict[str, Any]]:
    """The dictionaries of *items*, as written (a function, not a lambda in a method of
    the attrs class, so that mypyc compiles the module: see docs/performance.rst)."""
    return [item.as_dict() for item in items]


@lru_cache(maxsize=1024)
def _low_confidence(name: str, sentences: int, minimum: int) -> str:
    return (
        f"{name}: low confidence: {sentences} sentences, fewer than "
        f"the {minimum} it was published for"
    )


@lru_cache(maxsize=64)
def _builtin_warnings(sentences: int) -> tuple[str, ...]:
    """The low-confidence warnings of the built-in formulas for so many sentences."""
    return tuple(
        _low_confidence(name, sentences, minimum)
        for name, minimum in _BUILTIN_MINIMUMS
        if sentences < minimum
    )


def _has_builtins(formulas: Sequence[Formula]) -> bool:
    """Whether *formulas* start with the built-in :data:`FORMULAS` themselves."""
    return len(formulas) >= len(FORMULAS) and all(
        a is b for a, b in zip(formulas, FORMULAS, strict=False)
    )


def score(
    counts: Counts,
    formulas: Sequence[Formula] = FORMULAS,
    *,
    min_words: int = 0,
) -> Scores:
    """Compute *formulas* from *counts*; undefined or doubtful scores get a warning.

    Args:
        counts: The counts.
        formulas: Formulas to compute, in output order.
        min_words: Warn when there are fewer words than this (0: never).
    """
    return _score(counts, formulas, _has_builtins(formulas), min_words)


def _score(
    counts: Counts, formulas: Sequence[Formula], builtins: bool, min_words: int = 0
) -> Scores:
    """:func:`score`, told whether *formulas* start with the built-ins."""
    values: dict[str, float | None] = {}
    warnings: list[str] = []
    sentences = counts.sentences
    rest = formulas
    if builtins and counts.words > 0 and sentences > 0:
        scores = tuple(builtin_scores(counts))
        if len(formulas) == len(FORMULAS) and not 0 < counts.words < min_words:
            # the usual case: the built-ins alone, their warnings depending on sentences only
            return Scores(counts, _BUILTIN_NAMES, scores, _builtin_warnings(sentences))
        warnings += _builtin_warnings(sentences)
        rest = formulas[len(FORMULAS) :]
        values = dict(zip(_BUILTIN_NAMES, scores, strict=True))
    for formula in rest:
        name = formula.name
        value: float | None
        reason: str | None = None
        try:
            if type(formula) is Formula:  # compute directly; evaluate only words the failures
                value = float(formula.compute(counts))
                if not math.isfinite(value):
                    value, reason = formula.evaluate(counts)
            else:  # a subclass may evaluate in its own way
                value, reason = formula.evaluate(counts)
        except (UndefinedScore, ZeroDivisionError):
            value, reason = formula.evaluate(counts)
        except Exception as exc:  # a formula from another plugin failed
            value, reason = None, f"{name}: failed: {type(exc).__name__}: {exc}"
        values[name] = value
        if reason:
            warnings.append(reason)
        elif sentences < formula.min_sentences:
            warnings.append(_low_confidence(name, sentences, formula.min_sentences))
    if 0 < counts.words < min_words:
        warnings.append(
            f"only {counts.words} words: scores are unreliable under {min_words} words"
        )
    return Scores(counts, tuple(values), tuple(values.values()), tuple(warnings))


def _span_scores(
    sentences: int,
    words: int,
    tally: _Tally,
    spache_keys: Iterable[str],
    formulas: Sequence[Formula],
    builtins: bool,
) -> Scores:
    """``_score(_counts_of(sentences, words, tally, spache_keys), formulas, builtins)``,
    in one step for a span of a document (a sentence, a paragraph, a side of speech) in
    the usual case: the built-in formulas alone, for words in sentences."""
    if not (builtins and words > 0 and sentences > 0 and len(formulas) == len(FORMULAS)):
        return _score(_counts_of(sentences, words, tally, spache_keys), formulas, builtins)
    different = set(spache_keys)
    different.discard("")
    spache = len(different)
    fields = _unpack(tally)
    syllables, _, characters, mono, poly, long_words, complex_words, dale = fields
    scores = _builtin_scores(sentences, words, syllables, characters, mono, poly,
                             long_words, complex_words, dale, spache)  # fmt: skip
    counts = Counts(sentences, words, *fields, spache)  # type: ignore[call-arg]
    return Scores(counts, _BUILTIN_NAMES, scores, _builtin_warnings(sentences))


def _is_all_caps(text: str) -> bool:
    # Cheap refusal first: with more than a fifth of the characters lower-case
    # letters a-z, capitals cannot make 80% of the letters. They are counted in
    # one C-level pass, as the bytes deleted from the text's UTF-8 (where a
    # character outside ASCII is never an ASCII byte).
    if len(text) < 8:
        return False
    encoded = text.encode("utf-8", "surrogatepass")
    if 5 * (len(encoded) - len(encoded.translate(None, _ASCII_LOWER))) > len(text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the quotation spans of one paragraph ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    i = start
    while True:
        match = _OPEN_QUOTE_RE.search(text, i, end)
        if match is None:
            break
        i = match.start()
        j = text.find(_OPEN_QUOTES[text[i]], i + 1, end)
        if j < 0:
            spans.append((i, end))
            break
        spans.append((i, j + 1))
        i = j + 1
    return spans


def _body_range(doc: Document) -> tuple[int, int]:
    part = doc.part("body")
    start, end = (part.start, part.end) if part is not None else (0, len(doc.text))
    dateline = doc.part("dateline")  # found once, by the core
    if dateline is not None:
        start = max(start, dateline.end)
    return start, end


BOILERPLATE_REASON: Final = webtext.BOILERPLATE
"""The reason given for the tokens of ``boilerplate`` parts in
:attr:`ReadabilityReport.left_out`."""


def not_prose(doc: Document) -> list[str | None] | None:
    """Why each token of *doc* is not prose (``None``: it is), or ``None`` when all are.

    A token is not prose when it has a :attr:`~newslens.Token.kind` (the
    reason is its kind) or lies in a ``boilerplate`` part (``boilerplate``).
    """
    tokens = doc.tokens
    boilerplate = doc.boilerplate
    has_kind = tokens.has("kind")
    if not has_kind and not boilerplate:
        return None
    reasons: list[str | None] = list(tokens.column("kind")) if has_kind else [None] * len(tokens)
    starts = tokens.column("start")
    for part in boilerplate:
        for i in range(bisect_left(starts, part.start), len(starts)):
            if starts[i] >= part.end:
                break
            reasons[i] = BOILERPLATE_REASON
    return reasons


class _Runs:
    """Whole sentences whose tokens follow one another, read into words one run at a time.

    :func:`_add_words` reads a run of sentences in one call (its C-level passes
    then cover many sentences); a sentence whose first token is not the one after the
    last sentence's tokens starts a new run.
    """

    __slots__ = ("columns", "lo", "run", "spans", "text", "words")

    def __init__(self, doc: Document, lo: int, words: _WordList,
                 spans: list[tuple[int, int, int, int]]) -> None:  # fmt: skip
        tokens = doc.tokens
        self.text = doc.text
        self.lo = lo
        self.words = words
        self.spans = spans
        self.columns = (tokens.column("start"), tokens.column("end"), tokens.column("text"),
                        tokens.column("upos"))  # fmt: skip
        self.run: list[tuple[int, int, int, int]] = []  # (start, end, first token, end token)

    def add(self, start: int, end: int, first: int, last: int) -> None:
        """Add the sentence ``text[start:end]`` with the tokens ``[first, last)``."""
        run = self.run
        if run and run[-1][3] != first:
            self.flush()
        run.append((start, end, first, last))

    def flush(self) -> None:
        """Read the sentences added since the last flush into words."""
        run, text, lo = self.run, self.text, self.lo
        if not run:
            return
        starts, ends, texts, tags = self.columns
        a, b = run[0][2], run[-1][3]
        firsts = [t0 - a for _, _, t0, _ in run]
        caps = [k for k, (s0, s1, _, _) in enumerate(run) if _is_all_caps(text[s0:s1])]
        bounds = _add_words(
            self.words, text, starts[a:b], ends[a:b], texts[a:b], tags[a:b],
            sentences=firsts, all_caps=caps,
        )
        for (s0, s1, _, _), w0, w1 in zip(run, bounds, bounds[1:], strict=False):
            if w1 > w0:
                self.spans.append((max(s0, lo), s1, w0, w1))
        run.clear()


def _collect(
    doc: Document, lo: int, hi: int, left_out: Counter[str] | None = None
) -> tuple[_WordList, list[tuple[int, int, int, int]]]:
    """Return the words of the sentences lying in ``[lo, hi)`` (words clipped), and the sentences.

    Sentences are ``(start, end, first word, end word)``, for each sentence with words.
    Sentences whose tokens follow one another are read in one run. Tokens that
    are not prose (:func:`not_prose`) are left out, counted by reason in *left_out*.
    """
    reasons = not_prose(doc)
    if reasons is not None:
        return _collect_prose(doc, lo, hi, reasons, left_out)
    words = _WordList()
    spans: list[tuple[int, int, int, int]] = []
    runs = _Runs(doc, lo, words, spans)
    starts, ends = runs.columns[0], runs.columns[1]
    for sentence in doc.sentences:
        s_start, s_end = sentence.start, sentence.end
        if s_end <= lo or s_start >= hi:
            continue
        a, b = sentence.token_start, sentence.token_end
        if a < b and (starts[a] < lo or ends[b - 1] > hi):  # clip to [lo, hi)
            inside = [i for i in range(a, b) if starts[i] >= lo and ends[i] <= hi]
            a, b = (inside[0], inside[-1] + 1) if inside else (a, a)
        if a >= b:
            continue
        runs.add(s_start, s_end, a, b)
    runs.flush()
    return words, spans


def _whole_prose(
    starts: Sequence[int],
    ends: Sequence[int],
    reasons: Sequence[str | None],
    a: int,
    b: int,
    lo: int,
    hi: int,
) -> bool:
    """Whether the tokens ``[a, b)`` (at least one) are all prose and all in ``[lo, hi)``
    (tokens are in text order: the first starts and the last ends within it)."""
    return a < b and starts[a] >= lo and ends[b - 1] <= hi and reasons[a:b].count(None) == b - a


def _collect_prose(
    doc: Document,
    lo: int,
    hi: int,
    reasons: Sequence[str | None],
    left_out: Counter[str] | None,
) -> tuple[_WordList, list[tuple[int, int, int, int]]]:
    """:func:`_collect` for a document with tokens that are not prose (*reasons*).

    Each sentence is read without them, and runs from its first prose token to
    its last (its own span when they are its first and last tokens). Sentences
    that are all prose and all in ``[lo, hi)`` are read in runs, as :func:`_collect`
    reads them.
    """
    words = _WordList()
    spans: list[tuple[int, int, int, int]] = []
    text = doc.text
    runs = _Runs(doc, lo, words, spans)
    starts, ends, texts, tags = runs.columns
    for sentence in doc.sentences:
        if sentence.end <= lo or sentence.start >= hi:
            continue
        a, b = sentence.token_start, sentence.token_end
        if _whole_prose(starts, ends, reasons, a, b, lo, hi):  # as below, but at once
            runs.add(sentence.start, sentence.end, a, b)
            continue
        inside = [i for i in range(a, b) if starts[i] >= lo and ends[i] <= hi]
        kept = [i for i in inside if reasons[i] is None]
        if left_out is not None and len(kept) < len(inside):
            left_out.update(r for r in (reasons[i] for i in inside) if r is not None)
        if not kept:
            continue
        if len(kept) == b - a:  # the whole sentence: its own span, its tokens in a row
            runs.add(sentence.start, sentence.end, a, b)
            continue
        runs.flush()
        s0 = sentence.start if kept[0] == a else starts[kept[0]]
        s1 = sentence.end if kept[-1] == b - 1 else ends[kept[-1]]
        caps = [0] if _is_all_caps(text[s0:s1]) else []
        bounds = _add_words(
            words, text, [starts[i] for i in kept], [ends[i] for i in kept],
            [texts[i] for i in kept], [tags[i] for i in kept], all_caps=caps,
        )
        if bounds[1] > bounds[0]:
            spans.append((max(s0, lo), s1, bounds[0], bounds[1]))
    runs.flush()
    return words, spans


def _sentence_words(doc: Document, lo: int, hi: int) -> list[tuple[int, int, list[Word]]]:
    """Return ``(start, end, words)`` of each sentence lying in ``[lo, hi)`` (words clipped)."""
    words, spans = _collect(doc, lo, hi)
    return [(start, end, words.words(a, b)) for start, end, a, b in spans]


def _reasons(complex_: bool, unfamiliar: bool, long: bool) -> tuple[str, ...]:
    named = (("complex", complex_), ("unfamiliar", unfamiliar), ("long", long))
    return tuple(name for name, present in named if present)


_REASONS: Final = {flags: _reasons(*flags) for flags in product((False, True), repeat=3)}
"""Every ``reasons`` tuple, made once and shared by the hard words."""


def _hard_words(words: _WordList) -> tuple[HardWord, ...]:
    texts, all_facts, starts, ends = words.texts, words.facts, words.starts, words.ends
    hard = list(compress(range(len(all_facts)), map(_hard_of, all_facts)))
    keys = list(map(str.lower, map(texts.__getitem__, hard)))
    counts = Counter(keys)
    first = dict(zip(reversed(keys), reversed(hard), strict=True))  # earliest occurrence wins
    items = []
    for key, i in first.items():
        facts = all_facts[i]
        reasons = _REASONS[facts.complex, facts.dale_chall_unfamiliar, facts.long]
        items.append(
            HardWord(key, starts[i], ends[i], texts[i], counts[key], facts.syllables, reasons)
        )
    # most frequent first, then in text order: two stable sorts on C-level keys
    items.sort(key=attrgetter("start"))
    items.sort(key=attrgetter("count"), reverse=True)
    return tuple(items)


_Sentence = tuple[int, int, int, int]
"""A body sentence with words: ``(start, end, first word, end word)``."""


class _QuoteSpans:
    """The quotation spans of one paragraph, and which words of a sentence they hold."""

    __slots__ = ("ends", "spans", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [x for x, _ in spans]
        self.ends = [y for _, y in spans]

    def quoted_runs(
        self, words: _WordList, first: int, end: int, ordered: bool
    ) -> list[tuple[int, int]]:
        """Return the runs ``[i, j)`` of words ``[first, end)`` inside a quotation, in order.

        *ordered*: the words' offsets are in text order, so that each quotation's
        words are one run found by bisection.
        """
        w_starts, w_ends = words.starts, words.ends
        if not ordered:
            return [
                (i, i + 1)
                for i in range(first, end)
                if any(x <= w_starts[i] and w_ends[i] <= y for x, y in self.spans)
            ]
        # only the quotations that reach into this sentence (spans are in order and
        # apart): a paragraph of thousands of sentences must not cost their square
        reaching = self.spans[
            bisect_right(self.ends, w_starts[first]) : bisect_left(self.starts, w_ends[end - 1])
        ]
        runs = [
            (bisect_left(w_starts, x, first, end), bisect_right(w_ends, y, first, end))
            for x, y in reaching
        ]
        return [(i, j) for i, j in runs if i < j]


class _Side:
    """Quoted speech or narration: the sentences and the runs of body words on that side so far.

    A run that starts where the last one ended extends it, so that narration,
    whole paragraphs mostly, is a few long runs.
    """

    __slots__ = ("ends", "firsts", "sentences")

    def __init__(self) -> None:
        self.sentences = 0
        self.firsts: list[int] = []
        self.ends: list[int] = []

    def add_run(self, first: int, end: int) -> None:
        """Add the words ``[first, end)``."""
        if self.ends and self.ends[-1] == first:
            self.ends[-1] = end
        else:
            self.firsts.append(first)
            self.ends.append(end)

    def add_sentences(self, sentences: Sequence[_Sentence], in_a_row: bool) -> None:
        """Add whole sentences (*in_a_row*: their words are one run)."""
        self.sentences += len(sentences)
        if in_a_row:
            self.add_run(sentences[0][2], sentences[-1][3])
        else:
            for _, _, first, end in sentences:
                self.add_run(first, end)

    def tally(self, running: _RunningTally) -> _Tally:
        """Return the tally of the words of this side."""
        return running.of_runs(self.firsts, self.ends)

    def scores(
        self, running: _RunningTally, tally: _Tally, formulas: Sequence[Formula], builtins: bool
    ) -> Scores | None:
        """Return the scores of this side (*tally*: of its words), or ``None`` if it has none."""
        firsts, ends = self.firsts, self.ends
        words = sum(map(sub, ends, firsts))
        if not words:
            return None
        keys = chain.from_iterable(map(running.keys.__getitem__, map(slice, firsts, ends)))
        return _span_scores(self.sentences, words, tally, keys, formulas, builtins)


def _split_speech(
    inside: Sequence[_Sentence],
    quotes: _QuoteSpans,
    words: _WordList,
    ordered: bool,
    sides: tuple[_Side, _Side],
) -> None:
    """Add the words of a paragraph's sentences to the quoted and the narration side."""
    quoted, narration = sides
    for sentence in inside:
        _, _, first, end = sentence
        runs = quotes.quoted_runs(words, first, end, ordered)
        if not runs:
            narration.sentences += 1
            narration.add_run(first, end)
            continue
        quoted.sentences += 1
        n_quoted = 0
        pos = first  # the words from here to the next quotation are narration
        for i, j in runs:
            quoted.add_run(i, j)
            n_quoted += j - i
            if i > pos:
                narration.add_run(pos, i)
            pos = j
        if pos < end:
            narration.add_run(pos, end)
        if n_quoted < end - first:  # some of the sentence is narration
            narration.sentences += 1


def _paragraph_scores(
    text: str,
    start: int,
    end: int,
    inside: Sequence[_Sentence],
    running: _RunningTally,
    formulas: Sequence[Formula],
    builtins: bool,
    alone: Scores | None = None,
) -> SpanScores:
    """Score the paragraph ``text[start:end]`` made of the sentences *inside*; *alone*,
    when given, is the scores of its one sentence, which are the paragraph's too."""
    if alone is not None and len(inside) == 1:
        return SpanScores(start, end, text[start:end], alone)
    first, last = inside[0][2], inside[-1][3]
    words = last - first if len(inside) == 1 else sum(b - a for _, _, a, b in inside)
    keys = running.keys
    if last - first == words:  # the paragraph's words are one run (as _collect makes them)
        tally = running.between(first, last)
        spache_keys: Iterable[str] = keys[first:last]
    else:
        firsts = [a for _, _, a, _ in inside]
        ends = [b for _, _, _, b in inside]
        tally = running.of_runs(firsts, ends)
        spache_keys = chain.from_iterable(map(keys.__getitem__, map(slice, firsts, ends)))
    scores = _span_scores(len(inside), words, tally, spache_keys, formulas, builtins)
    return SpanScores(start, end, text[start:end], scores)


def _speech(
    doc: Document,
    lo: int,
    hi: int,
    words: _WordList,
    running: _RunningTally,
    sentences: list[_Sentence],
    formulas: Sequence[Formula],
    builtins: bool,
    quotations: Sequence[tuple[int, int]] | None = None,
    per_sentence: Sequence[SpanScores] = (),
) -> tuple[list[_Paragraph], Scores | None, Scores | None]:
    """Find the body paragraphs' sentences, and score the quoted speech and the
    narration of the body.

    *quotations* are the spans of quoted speech, in text order (from the quotes
    plugin); without them, quotation marks are paired here (:func:`_quote_spans`).

    Returns:
        ``(paragraphs, quoted, narration)``: each body paragraph with words, as
        :func:`_paragraphs_scores` scores them, and the scores of the two sides.
    """
    text = doc.text
    paragraphs: list[_Paragraph] = []
    sides = (_Side(), _Side())  # quoted, narration
    shared = _Side()  # the sentences given to either side
    starts = [item[0] for item in sentences]
    ordered = all(a <= b for a, b in pairwise(starts))
    w_starts, w_ends = words.starts, words.ends
    ordered_words = w_starts == sorted(w_starts) and w_ends == sorted(w_ends)
    for paragraph in doc.paragraphs:
        p_start, p_end = paragraph.start, paragraph.end
        if p_end <= lo or p_start >= hi:
            continue
        if ordered:
            k = bisect_left(starts, p_start)
            inside = sentences[k : bisect_left(starts, p_end)]
        else:
            k = -1
            inside = [item for item in sentences if p_start <= item[0] < p_end]
        if not inside:
            continue
        paragraphs.append((max(p_start, lo), p_end, inside, k))
        shared.add_sentences(inside, ordered)  # sentences in text order tile the words
        if quotations is None:
            spans = _quote_spans(text, p_start, p_end)
        else:
            spans = [(max(a, p_start), min(b, p_end)) for a, b in quotations
                     if a < p_end and b > p_start]
        if spans:
            _split_speech(inside, _QuoteSpans(spans), words, ordered_words, sides)
        else:
            sides[1].add_sentences(inside, ordered)
    quoted, narration = sides
    in_quotes = quoted.tally(running)
    # narration is the rest of the sentences: a subtraction, not a sum over its many runs
    narrated = shared.tally(running) - in_quotes
    return (
        paragraphs,
        quoted.scores(running, in_quotes, formulas, builtins),
        narration.scores(running, narrated, formulas, builtins),
    )


_Paragraph = tuple[int, int, Sequence[_Sentence], int]
"""A body paragraph with words: its start (in the body) and end, its sentences, and the
index of the first in the body's sentences (-1 when those are not in text order)."""


def _sentences_scores(
    text: str,
    sentences: Sequence[_Sentence],
    running: _RunningTally,
    formulas: Sequence[Formula],
    builtins: bool,
) -> list[SpanScores]:
    """Score each body sentence."""
    sums, keys = running.sums, running.keys
    return [
        SpanScores(
            s, e, text[s:e],
            _span_scores(1, b - a, sums[b] - sums[a], keys[a:b], formulas, builtins),
        )
        for s, e, a, b in sentences
    ]


def _paragraphs_scores(
    text: str,
    paragraphs: Sequence[_Paragraph],
    running: _RunningTally,
    formulas: Sequence[Formula],
    builtins: bool,
    per_sentence: Sequence[SpanScores] = (),
) -> list[SpanScores]:
    """Score each body paragraph. *per_sentence*, the scores of the body's sentences,
    are taken for a paragraph of one sentence (most in news: the same counts give the
    same scores)."""
    scores = []
    for start, end, inside, k in paragraphs:
        alone = per_sentence[k].scores if k >= 0 and len(inside) == 1 and per_sentence else None
        scores.append(
            _paragraph_scores(text, start, end, inside, running, formulas, builtins, alone)
        )
    return scores


def analyse(
    doc: Document,
    formulas: Sequence[Formula] = FORMULAS,
    *,
    min_words: int = MIN_WORDS,
    quotations: Sequence[tuple[int, int]] | None = None,
) -> ReadabilityReport:
    """Return the readability report of an annotated document.

    Args:
        doc: A document with tokens, sentences and paragraphs.
        formulas: The formulas to compute (the built-ins and any from plugins).
        min_words: Fewer body words than this add a warning that the scores are
            unreliable (the ``readability.min_words`` option).
        quotations: ``(start, end)`` of each span of quoted speech, in text order
            (the quotes plugin's direct quotes); ``None`` pairs quotation marks here.
    """
    text = doc.text
    formulas = tuple(formulas)  # read again later, by the deferred scores
    builtins = _has_builtins(formulas)
    lo, hi = _body_range(doc)
    left_out: Counter[str] = Counter()
    words, sentences = _collect(doc, lo, hi, left_out)
    running = _RunningTally(words.facts)
    keys = running.keys
    body = _with_sampled_linsear(
        score(
            _counts_of(len(sentences), len(words), running.total(), keys),
            formulas,
            min_words=min_words,
        ),
        running,
        sentences,
    )
    # the scores of each sentence and paragraph: worked out when first read (the default
    # JSON output never reads them), unless formulas of other plugins are to be computed
    sentence_scores = partial(_sentences_scores, text, sentences, running, formulas, builtins)
    lazy = builtins and len(formulas) == len(FORMULAS)
    per_sentence: Sequence[SpanScores] = (
        Deferred(sentence_scores) if lazy else tuple(sentence_scores())
    )
    paragraphs, quoted, narration = _speech(
        doc, lo, hi, words, running, sentences, formulas, builtins, quotations
    )
    paragraph_scores = partial(
        _paragraphs_scores, text, paragraphs, running, formulas, builtins, per_sentence
    )
    per_paragraph: Sequence[SpanScores] = (
        Deferred(paragraph_scores) if lazy else tuple(paragraph_scores())
    )

    headline = None
    part = doc.part("headline")
    if part is not None:
        head_words, head_sentences = _collect(doc, part.start, part.end)
        head_formulas = [f for f in FORMULAS if f.name in HEADLINE_FORMULAS]
        head_keys = [f.spache_key for f in head_words.facts]
        headline = score(
            _counts_of(len(head_sentences), len(head_words), _tally(head_words.facts), head_keys),
            head_formulas,
        )

    return ReadabilityReport(
        body=body,
        headline=headline,
        per_sentence=per_sentence,
        per_paragraph=per_paragraph,
        hard_words=_hard_words(words),
        quoted=quoted,
        narration=narration,
        quotes_source="quotation marks" if quotations is None else "quotes plugin",
        warnings=body.warnings + long_sentence_warnings(
            [(b - a, text[s:e]) for s, e, a, b in sentences if b - a > LONG_SENTENCE],
            len(words),
        ),
        left_out=tuple(sorted(left_out.items(), key=lambda item: (-item[1], item[0]))),
    )


LINSEAR_SAMPLE: Final = 100
"""The words of the sample Linsear Write was published for (the body's first words)."""


def _with_sampled_linsear(
    body: Scores, running: _RunningTally, sentences: Sequence[tuple[int, int, int, int]]
) -> Scores:
    """Return *body* with Linsear Write computed on the first :data:`LINSEAR_SAMPLE` words.

    The sample's sentences are those that start among its words.
    """
    if "linsear_write" not in body.names or body["linsear_write"] is None:
        return body
    n = min(LINSEAR_SAMPLE, len(running.keys))
    counted = sum(1 for _, _, first, _ in sentences if first < n)
    sample = _counts_of(counted, n, running.between(0, n), ())
    index = body.names.index("linsear_write")
    scores = list(body.scores)
    scores[index] = linsear_write(sample)
    return attrs.evolve(body, scores=tuple(scores))
