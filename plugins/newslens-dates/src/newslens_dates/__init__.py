"""newslens-dates: temporal expressions found and normalised to TIMEX3 values.

Use it through the pipeline (the ``timexes`` JSON section and ``doc[TIMEXES]``) or
directly::

    >>> from newslens_dates import find_timexes
    >>> result = find_timexes("He resigned on Thursday.", published="2024-03-16")
    >>> [(t.text, t.value) for t in result]
    [('Thursday', '2024-03-14')]
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress
from operator import le, not_
from typing import Any, Final

from newslens import (
    DIAGNOSTICS,
    Block,
    Document,
    Enricher,
    Key,
    Mark,
    Option,
    Options,
    enricher,
    hookimpl,
    layers,
    parse_published,
    webtext,
)
from newslens_dates.engine import make_context, read
from newslens_dates.model import Timex, TimexResult
from newslens_dates.prose import Spans, overlaps, text_spans
from newslens_dates.tense import Word, WordColumns
from newslens_dates.words import describe

__all__ = [
    "CREATION_TIME_FROM_TEXT",
    "TIMEXES",
    "Timex",
    "TimexResult",
    "describe",
    "find_dct",
    "find_document_timexes",
    "find_timexes",
    "find_timexes_in",
    "make_enricher",
]

TIMEXES: Final = Key(
    "dates.timexes",
    TimexResult,
    doc="Temporal expressions with TIMEX3 type, value, mod and anchor (a TimexResult).",
)
"""The enrichment key: a :class:`TimexResult` holding the document's :class:`Timex` list."""

_FULL_DATE: Final = re.compile(r"^\d{4}-\d\d-\d\d$")


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.datetime):
        return value.date() if isinstance(value, dt.datetime) else None
    if isinstance(value, dt.date):
        return value
    return parse_published(value)


def find_dct(text: str) -> dt.date | None:
    """Return the first full calendar date written in *text* (a byline or a dateline).

    Args:
        text: A short text, such as ``"By Ana Ruiz, March 14, 2024"``.

    Returns:
        The date, or ``None`` when *text* has no date with day, month and year.
    """
    timexes, _ = read(make_context(text, None))
    for timex in timexes:
        if timex.type == "DATE" and _FULL_DATE.match(timex.value) and timex.anchor is None:
            return dt.date.fromisoformat(timex.value)
    return None


def find_timexes_in(
    text: str,
    dct: dt.date | None,
    words: Sequence[Word] | None = None,
    dct_source: str = "argument",
    headline_end: int = 0,
    leave_out: Sequence[tuple[int, int]] | None = None,
) -> TimexResult:
    """Find the expressions of *text* against the creation time *dct*.

    Args:
        text: The text.
        dct: The document creation time, or ``None`` (relative values stay
            underspecified and the result's ``notes`` say so).
        words: The text's words with tags, when an annotator gave them; by default
            the text is split here.
        dct_source: Recorded as :attr:`TimexResult.dct_source` when *dct* is given.
        headline_end: Where the text's headline ends (``0``, the default: it has
            none). A headline's tense is read by headline rules: its infinitive is the
            future ("Bridge to reopen on Friday"), its present tense the past.
        leave_out: The ``(start, end)`` stretches of *text* that are not prose; no
            expression overlapping one is read. By default (``None``) nothing is left
            out; :func:`find_timexes` and the enricher give the web text they find
            (see :mod:`newslens.webtext`).

    Returns:
        A :class:`TimexResult`.
    """
    if not isinstance(headline_end, int) or not 0 <= headline_end <= len(text):
        raise ValueError(f"headline_end must be an offset into the text, got {headline_end!r}")
    spans = webtext.joined_spans(leave_out) if leave_out else ()
    context = make_context(text, dct, words, headline_end, spans)
    timexes, notes = read(context)
    return TimexResult(timexes, dct, dct_source if dct is not None else "none", notes)


def find_timexes(
    text: str, published: dt.date | str | None = None, *, headline: bool = False
) -> TimexResult:
    """Find the temporal expressions of *text*, without the rest of the pipeline.

    Args:
        text: Any text.
        published: The document creation time (``date`` or ``"YYYY-MM-DD"``). When it
            is ``None``, a full date in the text's dateline (``WASHINGTON, March 14,
            2024 -``, found as :meth:`newslens.Document.create` finds it) is used if
            there is one; otherwise relative values stay underspecified
            (``XXXX-WXX-4``) and :attr:`TimexResult.notes` says why.
        headline: Whether the first line of *text* is a headline, whose tense is
            read by headline rules ("Bridge to reopen on Friday": the coming Friday).

    Web text is left out as the annotators find it (URLs, addresses, handles,
    hashtags, markup, IDs and boilerplate lines: see :mod:`newslens.webtext`):
    no expression is read in it.

    Returns:
        A :class:`TimexResult`; iterate over it for the :class:`Timex` objects.

    Raises:
        newslens.InputError: when *published* is a string that is not a date.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    dct = _as_date(published)
    source = "argument"
    if dct is None:
        dateline = Document.create(text).dateline
        dct = find_dct(dateline) if dateline else None
        source = "dateline"
    headline_end = text.find("\n") if headline else 0
    if headline_end < 0:
        headline_end = len(text)
    return find_timexes_in(
        text, dct, dct_source=source, headline_end=headline_end, leave_out=text_spans(text)
    )


def _document_words(doc: Document, leave_out: Spans = ()) -> WordColumns:
    """The words of *doc* as the rules read them (none from the stretches *leave_out*).

    Read from the token table's columns: no :class:`~newslens.Token` is made, and a
    :class:`~newslens_dates.tense.Word` only when a rule reads it.
    """
    tokens = doc.tokens
    texts = tokens.column("text")
    index: list[int] = []
    clauses: list[int] = []
    clause = 0
    marks, has_alnum = _CLAUSE_MARKS, _ALNUM.search
    for sentence in doc.sentences:
        clause += 1
        for i in range(sentence.token_start, sentence.token_end):
            text = texts[i]
            # a clause mark has no letter or digit: isalnum() is the quick test for most words
            if text.isalnum() or (text not in marks and has_alnum(text)):
                index.append(i)
                clauses.append(clause)
            elif text in marks:
                clause += 1
    columns = (tokens.column("start"), tokens.column("end"), texts, tokens.column("xpos"),
               tokens.column("feats"))
    if leave_out:
        index, clauses = _outside(leave_out, columns[0], columns[1], index, clauses)
    return WordColumns(columns, index, clauses)


def _outside(
    leave_out: Spans, starts: Sequence[int], ends: Sequence[int], index: list[int],
    clauses: list[int],
) -> tuple[list[int], list[int]]:
    """The words of *index* (and their *clauses*) that overlap none of *leave_out*.

    Words in text order and apart (as tokens are) end in order too: those a stretch
    overlaps are then a run, found by bisection, and only the stretches are visited.
    """
    word_starts = [starts[i] for i in index]
    word_ends = [ends[i] for i in index]
    if not (all(map(le, word_starts, word_starts[1:])) and all(map(le, word_ends, word_ends[1:]))):
        # words out of order, or overlapping: one at a time
        kept = [k for k, i in enumerate(index) if not overlaps(leave_out, starts[i], ends[i])]
        return [index[k] for k in kept], [clauses[k] for k in kept]
    dropped = bytearray(len(index))
    for start, end in leave_out:
        lo, hi = bisect_right(word_ends, start), bisect_left(word_starts, end)
        if lo < hi:  # the words ending after the stretch starts and starting before it ends
            dropped[lo:hi] = b"\1" * (hi - lo)
    if not any(dropped):
        return index, clauses
    kept = list(map(not_, dropped))
    return list(compress(index, kept)), list(compress(clauses, kept))


_ALNUM: Final = re.compile(r"[^\W_]")
"""A letter or digit (``str.isalnum`` of one character: ``\\w`` without the underscore)."""

_CLAUSE_MARKS: Final = frozenset({";", ":", "“", "”", '"', "(", ")"})
"""Tokens that end a clause for the rules (and are no words themselves)."""


def _document_dct(doc: Document, from_text: bool = True) -> tuple[dt.date | None, str]:
    if doc.published is not None:
        return doc.published, "published"
    if not from_text:
        return None, "none"
    byline = doc.byline
    if byline:
        found = find_dct(byline)
        if found is not None:
            return found, "byline"
    dateline = doc.dateline  # found by the core (the ``dateline`` part)
    found = find_dct(dateline) if dateline else None
    if found is not None:
        return found, "dateline"
    return None, "none"


CREATION_TIME_FROM_TEXT: Final = Option(
    "dates.creation_time_from_text",
    bool,
    True,
    doc="Without a publication date, take the creation time from a full date in the "
    "byline or dateline (off: relative dates stay underspecified).",
)
"""The plugin's option: whether a date written in the byline or dateline may stand in
for a missing publication date."""


def make_enricher(creation_time_from_text: bool = True) -> Enricher:
    """Return the ``dates.timexes`` enricher, built with the plugin's option value.

    Args:
        creation_time_from_text: See :data:`CREATION_TIME_FROM_TEXT`.
    """

    @enricher(
        name="dates.timexes",
        requires=[layers.TOKENS, layers.SENTENCES],
        optional=[layers.POS, layers.MORPHOLOGY, layers.DEPENDENCIES, layers.LEMMAS],
        provides=[TIMEXES],
    )
    def find_document_timexes(doc: Document) -> dict[Key[Any], Any]:
        """Find and normalise the document's temporal expressions.

        The creation time is ``doc.published``, else (unless the option turns it
        off) a date in the byline, else one in the dateline (the document's
        ``dateline`` part, found by the core); without one, relative values stay
        underspecified and the result's ``notes`` say why. Part-of-speech tags and
        morphology, when the annotator gives them, decide the tense of each clause.
        Tokens that are not prose (with a :attr:`~newslens.Token.kind`) and
        ``boilerplate`` parts hold no expression.
        """
        dct, source = _document_dct(doc, creation_time_from_text)
        headline = doc.part("headline")
        leave_out = doc.not_prose_spans()
        result = find_timexes_in(
            doc.text, dct, _document_words(doc, leave_out), source,
            headline.end if headline else 0, leave_out,
        )
        if dct is None and result.timexes:
            # Shown in every output format: a reader must know the values are underspecified.
            notes = tuple(("warning", note) for note in result.notes)
            return {TIMEXES: result, DIAGNOSTICS: notes}
        return {TIMEXES: result}

    return find_document_timexes


find_document_timexes = make_enricher()
"""The ``dates.timexes`` enricher with the default option values (for use without a pipeline)."""


@hookimpl
def newslens_options() -> list[Option]:
    """Declare :data:`CREATION_TIME_FROM_TEXT`."""
    return [CREATION_TIME_FROM_TEXT]


@hookimpl
def newslens_register_enrichers(register: Any, options: Options) -> None:
    """Register the ``dates.timexes`` enricher, built with the plugin's option values."""
    register(make_enricher(options[CREATION_TIME_FROM_TEXT.name]))


def _words(timex: Timex) -> str:
    return describe(timex.value, timex.type, timex.mod, timex.freq)


@hookimpl
def newslens_json_section(doc: Document) -> dict[str, Any] | None:
    """Add ``"timexes": [{"start", "end", "text", "type", "value", "mod", "anchor", "tid",
    "words"}, ...]`` (``words``: the value in plain English, by :func:`describe`)."""
    result = doc.get(TIMEXES)
    if result is None:
        return None
    return {"timexes": [{**timex.to_dict(), "words": _words(timex)} for timex in result.timexes]}


@hookimpl
def newslens_report_blocks(doc: Document) -> list[Block] | None:
    """Show each expression with its type, value and the value in words (``DATE
    2024-02-16: Friday 16 February 2024``), and the creation time they rest on."""
    result = doc.get(TIMEXES)
    if result is None or not result.timexes:
        return None
    if result.dct:
        dct = f"{result.dct.isoformat()}: {describe(result.dct.isoformat())}"
    else:
        dct = "unknown"
    marks = [
        Mark(timex.start, timex.end, f"{timex.type} {timex.value}"
             + (f" ({timex.mod})" if timex.mod else "") + f": {_words(timex)}")
        for timex in result.timexes
    ]
    return [Block("Dates", rows=[("Creation time", f"{dct} ({result.dct_source})")],
                  marks=marks, notes=result.notes)]
