"""The readability report of a document: body, headline, sentences, paragraphs, hard words.

:func:`analyse` reads only the document's own annotations (tokens, sentences,
paragraphs and parts) and returns a :class:`ReadabilityReport`. The body is
scored without the headline, the byline and a dateline at the start of the
body (``WASHINGTON (AP) —``); the headline gets its own small score.

Quoted speech and narration are scored apart. Until the quotes plugin lands,
quotations are found here, cheaply: double quotation marks (straight ``"``,
curly ``“ ”``, guillemets ``« »``) paired within each paragraph, an opening
mark left without its closing one running to the end of the paragraph (the
news convention for a quotation that goes on in the next paragraph). Once the
quotes plugin provides its key, it will become an optional requirement of the
enricher and these spans will come from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from newslens import Document
from newslens_readability.counts import Counts, Word, count_words, make_words
from newslens_readability.formulas import FORMULAS, Formula

HEADLINE_FORMULAS: Final = ("flesch_reading_ease", "flesch_kincaid_grade")
"""The formulas of the headline's small score."""

MIN_WORDS: Final = 100
"""Fewer body words than this make every score unreliable (a warning says so)."""

_DATELINE_RE: Final = re.compile(
    r"[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z0-9][A-Za-z0-9.'’-]*){0,5}[ ,]*"
    r"(?:\([^()\n]{1,40}\)[ ]*)?[—–-]{1,2}\s"
)
_OPEN_QUOTES: Final = {"“": "”", "«": "»", '"': '"', "„": "“"}


def _pairs(values: Mapping[str, float | None]) -> tuple[tuple[str, float | None], ...]:
    return tuple(values.items())


@attrs.frozen
class Scores:
    """Counts and formula scores of one stretch of text.

    Attributes:
        counts: What the scores are computed from.
        values: ``(formula name, score or None)`` pairs, in output order.
        warnings: Why a score is ``None`` or not to be trusted.
    """

    counts: Counts
    values: tuple[tuple[str, float | None], ...] = attrs.field(converter=_pairs)
    warnings: tuple[str, ...] = ()

    def __getitem__(self, name: str) -> float | None:
        """Return the score of the formula called *name*.

        Raises:
            KeyError: when no such formula was computed.
        """
        for key, value in self.values:
            if key == name:
                return value
        raise KeyError(name)

    def as_dict(self) -> dict[str, Any]:
        """Return counts and scores in one flat dictionary (scores rounded to 2 places)."""
        out: dict[str, Any] = dict(self.counts.as_dict())
        for key, value in self.values:
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
        warnings: Scores that could not be computed, or are not to be trusted, and why.
    """

    body: Scores
    headline: Scores | None = None
    per_sentence: tuple[SpanScores, ...] = ()
    per_paragraph: tuple[SpanScores, ...] = ()
    hard_words: tuple[HardWord, ...] = ()
    quoted: Scores | None = None
    narration: Scores | None = None
    quotes_source: str = "quotation marks"
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON section ``readability`` (see the plugin documentation)."""
        return {
            **self.body.as_dict(),
            "headline": None if self.headline is None else self.headline.as_dict(),
            "per_sentence": [item.as_dict() for item in self.per_sentence],
            "per_paragraph": [item.as_dict() for item in self.per_paragraph],
            "hard_words": [item.as_dict() for item in self.hard_words],
            "speech": {
                "source": self.quotes_source,
                "quoted": None if self.quoted is None else self.quoted.as_dict(),
                "narration": None if self.narration is None else self.narration.as_dict(),
            },
            "warnings": list(self.warnings),
        }


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
    values: dict[str, float | None] = {}
    warnings: list[str] = []
    for formula in formulas:
        try:
            value, reason = formula.evaluate(counts)
        except Exception as exc:  # a formula from another plugin failed
            value, reason = None, f"{formula.name}: failed: {type(exc).__name__}: {exc}"
        values[formula.name] = value
        if reason:
            warnings.append(reason)
        elif counts.sentences < formula.min_sentences:
            warnings.append(
                f"{formula.name}: low confidence: {counts.sentences} sentences, fewer than "
                f"the {formula.min_sentences} it was published for"
            )
    if 0 < counts.words < min_words:
        warnings.append(
            f"only {counts.words} words: scores are unreliable under {min_words} words"
        )
    return Scores(counts, values, tuple(warnings))


def _is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the quotation spans of one paragraph ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        closer = _OPEN_QUOTES.get(ch)
        if closer is None:
            i += 1
            continue
        j = text.find(closer, i + 1, end)
        if j < 0:
            spans.append((i, end))
            break
        spans.append((i, j + 1))
        i = j + 1
    return spans


def _body_range(doc: Document) -> tuple[int, int]:
    part = doc.part("body")
    start, end = (part.start, part.end) if part is not None else (0, len(doc.text))
    if part is not None or not doc.parts:
        first = next((p for p in doc.paragraphs if start <= p.start < end), None)
        if first is not None:
            match = _DATELINE_RE.match(doc.text, first.start, first.end)
            if match is not None:
                start = max(start, match.end())
    return start, end


def _sentence_words(doc: Document, lo: int, hi: int) -> list[tuple[int, int, list[Word]]]:
    """Return ``(start, end, words)`` of each sentence lying in ``[lo, hi)`` (words clipped)."""
    out: list[tuple[int, int, list[Word]]] = []
    text = doc.text
    for sentence in doc.sentences:
        if sentence.end <= lo or sentence.start >= hi:
            continue
        tokens = [
            (t.start, t.end, t.text, t.upos)
            for t in doc.sentence_tokens(sentence)
            if t.start >= lo and t.end <= hi
        ]
        words = make_words(
            text, tokens, all_caps=_is_all_caps(text[sentence.start : sentence.end])
        )
        if words:
            out.append((max(sentence.start, lo), sentence.end, words))
    return out


def _hard_words(words: Iterable[Word]) -> tuple[HardWord, ...]:
    seen: dict[str, list[Any]] = {}
    for word in words:
        reasons = []
        if word.complex:
            reasons.append("complex")
        if word.dale_chall_unfamiliar:
            reasons.append("unfamiliar")
        if not reasons:
            continue
        if word.letters > 6:
            reasons.append("long")
        key = word.text.lower()
        if key in seen:
            seen[key][4] += 1
        else:
            seen[key] = [word.start, word.end, word.text, word.syllables, 1, tuple(reasons)]
    items = [
        HardWord(key, s, e, text, count, syllables, reasons)
        for key, (s, e, text, syllables, count, reasons) in seen.items()
    ]
    items.sort(key=lambda h: (-h.count, h.start))
    return tuple(items)


def analyse(doc: Document, formulas: Sequence[Formula] = FORMULAS) -> ReadabilityReport:
    """Return the readability report of an annotated document.

    Args:
        doc: A document with tokens, sentences and paragraphs.
        formulas: The formulas to compute (the built-ins and any from plugins).
    """
    lo, hi = _body_range(doc)
    sentences = _sentence_words(doc, lo, hi)
    all_words = [w for _, _, words in sentences for w in words]
    body = score(count_words(all_words, len(sentences)), formulas, min_words=MIN_WORDS)

    per_sentence = tuple(
        SpanScores(s, e, doc.text[s:e], score(count_words(words, 1), formulas))
        for s, e, words in sentences
    )
    per_paragraph = []
    quoted: list[Word] = []
    narration: list[Word] = []
    quoted_sentences = narration_sentences = 0
    for paragraph in doc.paragraphs:
        if paragraph.end <= lo or paragraph.start >= hi:
            continue
        inside = [item for item in sentences if paragraph.start <= item[0] < paragraph.end]
        words = [w for _, _, ws in inside for w in ws]
        if not words:
            continue
        start = max(paragraph.start, lo)
        per_paragraph.append(
            SpanScores(start, paragraph.end, doc.text[start : paragraph.end],
                       score(count_words(words, len(inside)), formulas))
        )
        spans = _quote_spans(doc.text, paragraph.start, paragraph.end)
        for _, _, ws in inside:
            q = [w for w in ws if any(a <= w.start and w.end <= b for a, b in spans)]
            n = [w for w in ws if not any(a <= w.start and w.end <= b for a, b in spans)]
            quoted += q
            narration += n
            quoted_sentences += bool(q)
            narration_sentences += bool(n)

    headline = None
    part = doc.part("headline")
    if part is not None:
        head_sentences = _sentence_words(doc, part.start, part.end)
        head_words = [w for _, _, ws in head_sentences for w in ws]
        head_formulas = [f for f in FORMULAS if f.name in HEADLINE_FORMULAS]
        headline = score(count_words(head_words, len(head_sentences)), head_formulas)

    return ReadabilityReport(
        body=body,
        headline=headline,
        per_sentence=per_sentence,
        per_paragraph=tuple(per_paragraph),
        hard_words=_hard_words(all_words),
        quoted=score(count_words(quoted, quoted_sentences), formulas) if quoted else None,
        narration=(
            score(count_words(narration, narration_sentences), formulas) if narration else None
        ),
        warnings=body.warnings,
    )
