"""newslens-readability: every standard readability formula, per article, sentence and paragraph.

The plugin adds the ``readability`` section to newslens' output. It also
works without the pipeline::

    from newslens_readability import count_syllables, score_text

    count_syllables("guarantees")            # 3
    report = score_text(article_text)
    report.body["flesch_kincaid_grade"]

Counts come from the document's own tokens and sentences
(:mod:`newslens_readability.counts`), syllables from CMUdict with a rule-based
estimator for other words (:mod:`newslens_readability.syllables`), formulas
are pure functions of the counts (:mod:`newslens_readability.formulas`), and
other plugins add formulas through the ``newslens_readability_formulas`` hook
(:mod:`newslens_readability.hookspecs`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs
import pluggy

import newslens
from newslens import (
    Block,
    Document,
    Enricher,
    Key,
    Mark,
    Option,
    Options,
    Table,
    enricher,
    hookimpl,
    layers,
)
from newslens_readability.counts import Counts
from newslens_readability.formulas import FORMULAS, Formula, UndefinedScore
from newslens_readability.report import MIN_WORDS, ReadabilityReport, Scores, analyse
from newslens_readability.syllables import count_syllables
from newslens_readability.verdict import grade_band

__all__ = [
    "FORMULAS",
    "MIN_WORDS_OPTION",
    "QUOTES",
    "REPORT",
    "Counts",
    "Formula",
    "ReadabilityReport",
    "Scores",
    "UndefinedScore",
    "all_formulas",
    "collect_formulas",
    "count_syllables",
    "counts_for_text",
    "make_enricher",
    "quotations_of",
    "readability",
    "score_text",
]

REPORT = Key(
    "readability.report",
    ReadabilityReport,
    doc="Readability counts and scores of the body, headline, sentences and paragraphs.",
)


def collect_formulas(
    pluginmanager: pluggy.PluginManager | None = None,
) -> tuple[tuple[Formula, ...], tuple[str, ...]]:
    """Return the built-in formulas and those other plugins add, and notes on any left out.

    Extra formulas come from the ``newslens_readability_formulas`` hook of
    *pluginmanager* (default: the process-wide one, see
    :func:`newslens.get_plugin_manager <newslens.plugins.get_plugin_manager>`),
    asked on every call. A formula whose name is already taken, or anything that is not a
    :class:`Formula`, is left out, with a note.

    Returns:
        ``(formulas, notes)``: the formulas in output order, and the notes.
    """
    if pluginmanager is None:
        pluginmanager = newslens.get_plugin_manager()
    found: list[Formula] = []
    notes: list[str] = []
    names = {f.name for f in FORMULAS}
    hook = getattr(pluginmanager.hook, "newslens_readability_formulas", None)
    for result in hook() if hook is not None else ():
        for item in result or ():
            if not isinstance(item, Formula):
                notes.append(f"a plugin returned {item!r}, not a Formula: left out")
            elif item.name in names:
                notes.append(f"formula {item.name!r} is defined twice: the second left out")
            else:
                names.add(item.name)
                found.append(item)
    return FORMULAS + tuple(found), tuple(notes)


def all_formulas(pluginmanager: pluggy.PluginManager | None = None) -> tuple[Formula, ...]:
    """Return the built-in formulas and those other plugins add, in output order.

    See :func:`collect_formulas`, which also returns notes on formulas left out.
    """
    return collect_formulas(pluginmanager)[0]


QUOTES = Key(
    "quotes.quotes",
    object,
    doc="The quotes plugin's result, read (when that plugin runs) for quoted speech.",
)
"""The quotes plugin's key, an optional requirement: readability reads the parts of its
direct quotes as the quoted speech, so that scare quotes and titles stay narration. Keys
are matched by name, so this plugin needs nothing of the quotes plugin but its key's name."""


def quotations_of(doc: Document) -> list[tuple[int, int]] | None:
    """The spans of quoted speech the quotes plugin found in *doc*, or ``None`` without it."""
    result = doc.get(QUOTES)
    if result is None:
        return None
    spans = [
        (part.start, part.end)
        for quote in getattr(result, "quotes", ())
        if getattr(quote, "kind", None) == "direct"
        for part in getattr(quote, "parts", ()) or (quote,)
    ]
    return sorted(spans)


MIN_WORDS_OPTION = Option(
    "readability.min_words",
    int,
    MIN_WORDS,
    minimum=1,
    doc="Fewer body words than this add a warning that the scores are unreliable.",
)
"""The plugin's option: below how many words of body a report warns that its scores
mean little (default :data:`~newslens_readability.report.MIN_WORDS`, 100)."""


def make_enricher(
    formulas: Sequence[Formula] = FORMULAS,
    notes: Sequence[str] = (),
    *,
    min_words: int = MIN_WORDS,
) -> Enricher:
    """Return the ``readability.score`` enricher, computing *formulas*.

    The plugin builds it in ``newslens_register_enrichers`` with the formulas
    found on the pipeline's plugin manager (:func:`collect_formulas`) and the
    value of its option (:data:`MIN_WORDS_OPTION`); *notes* (formulas left out,
    and why) are added to every report's ``warnings``.
    """
    chosen = tuple(formulas)
    extra_warnings = tuple(notes)

    def score_document(doc: Document) -> dict[Key[Any], Any]:
        """Score the document: body, headline, each sentence and paragraph, hard words."""
        report = analyse(doc, chosen, min_words=min_words, quotations=quotations_of(doc))
        if extra_warnings:
            report = attrs.evolve(report, warnings=(*report.warnings, *extra_warnings))
        return {REPORT: report}

    return enricher(
        name="readability.score",
        requires=[layers.TOKENS, layers.SENTENCES, layers.PARAGRAPHS],
        optional=[QUOTES],
        provides=[REPORT],
    )(score_document)


readability = make_enricher()
"""The ``readability.score`` enricher with the built-in formulas (for use without a pipeline).

A pipeline registers its own, with the formulas other plugins on its plugin
manager add (see :func:`make_enricher`). Call it on an annotated document:
``readability(doc)[REPORT]``.
"""


def score_text(
    text: str, *, headline: str | None = None, byline: str | None = None
) -> ReadabilityReport:
    """Annotate *text* with the lite annotator and return its readability report.

    Annotation goes through :func:`newslens.annotate` (``backend="lite"``), whose
    annotator is built once per process; the formulas are :func:`all_formulas`.

    Example:
        >>> report = score_text("The cat sat on the mat. It was happy.")
        >>> report.body.counts.words, report.body["flesch_reading_ease"] > 90
        (9, True)
    """
    doc = newslens.annotate(text, headline=headline, byline=byline, backend="lite")
    return analyse(doc, all_formulas())


def counts_for_text(text: str) -> Counts:
    """Return the counts of *text* taken as an article body (lite annotator).

    Example:
        >>> counts_for_text("Mr. Lee paid $4.5 million. He left.").sentences
        2
    """
    return score_text(text).body.counts


@hookimpl
def newslens_add_hookspecs(pluginmanager: pluggy.PluginManager) -> None:
    """Add the ``newslens_readability_formulas`` hook specification."""
    from newslens_readability import hookspecs

    pluginmanager.add_hookspecs(hookspecs)


@hookimpl
def newslens_options() -> list[Option]:
    """Declare :data:`MIN_WORDS_OPTION` (``readability.min_words``)."""
    return [MIN_WORDS_OPTION]


@hookimpl
def newslens_register_enrichers(
    register: Callable[[Enricher], None], pluginmanager: pluggy.PluginManager, options: Options
) -> None:
    """Register the ``readability.score`` enricher, with the formulas of *pluginmanager*
    and the value of ``readability.min_words``."""
    formulas, notes = collect_formulas(pluginmanager)
    register(make_enricher(formulas, notes, min_words=options[MIN_WORDS_OPTION.name]))


@hookimpl
def newslens_json_section(doc: Document) -> dict[str, Any] | None:
    """Add the ``readability`` section (see :meth:`ReadabilityReport.section`: its
    per-sentence and per-paragraph scores are detail, written at ``--detail full``)."""
    report = doc.get(REPORT)
    return None if report is None else {"readability": report.section()}


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


@hookimpl
def newslens_report_blocks(doc: Document) -> list[Block] | None:
    """Show the verdict in words (:attr:`ReadabilityReport.verdict`) first, then the main
    scores of the body (and headline, quotes, narration) as a table, then the warnings."""
    report = doc.get(REPORT)
    if report is None:
        return None
    columns = [("Body", report.body), ("Headline", report.headline),
               ("Quoted", report.quoted), ("Narration", report.narration)]
    shown = [(title, s) for title, s in columns if s is not None]
    rows = [
        ("words", *(str(s.counts.words) for _, s in shown)),
        ("sentences", *(str(s.counts.sentences) for _, s in shown)),
    ]
    for formula in FORMULAS:
        rows.append((formula.label, *(_fmt(dict(s.values).get(formula.name)) for _, s in shown)))
    table = Table(("Measure", *(title for title, _ in shown)), rows)
    summary = [("Verdict", report.verdict)]
    if report.left_out:
        summary.append(("Left out (not prose)", _left_out_text(report.left_out)))
    return [Block("Readability", rows=summary, tables=[table],
                  notes=report.warnings, marks=_sentence_marks(report), layer="shade")]


def _left_out_text(left_out: Sequence[tuple[str, int]]) -> str:
    """``"12 tokens: 6 markup, 4 handle, 2 url"``: what the counts left out, and why."""
    total = sum(n for _, n in left_out)
    reasons = ", ".join(f"{n} {reason}" for reason, n in left_out)
    return f"{total} token{'s' if total != 1 else ''}: {reasons}"


def _sentence_marks(report: ReadabilityReport) -> list[Mark]:
    """Each body sentence marked with its grade, grouped by its band of difficulty, so that
    a report shades the text sentence by sentence (one colour and number per band)."""
    marks = []
    for sentence in report.per_sentence:
        grade = dict(sentence.scores.values).get("flesch_kincaid_grade")
        if grade is None or grade != grade:
            continue
        band = grade_band(grade)
        marks.append(Mark(sentence.start, sentence.end,
                          f"sentence: {band.name} (grade {grade:.1f})",
                          note=f"{band.name}: {band.reader}", group=f"difficulty: {band.name}"))
    return marks
