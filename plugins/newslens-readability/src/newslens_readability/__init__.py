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
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

import newslens
from newslens import Document, Enricher, Key, enricher, hookimpl, layers
from newslens_readability.counts import Counts
from newslens_readability.formulas import FORMULAS, Formula, UndefinedScore
from newslens_readability.report import ReadabilityReport, Scores, analyse
from newslens_readability.syllables import count_syllables

if TYPE_CHECKING:  # rich is imported only when a text report is printed
    from rich.console import Console

__all__ = [
    "FORMULAS",
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


def make_enricher(
    formulas: Sequence[Formula] = FORMULAS, notes: Sequence[str] = ()
) -> Enricher:
    """Return the ``readability.score`` enricher, computing *formulas*.

    The plugin builds it in ``newslens_register_enrichers`` with the formulas
    found on the pipeline's plugin manager (:func:`collect_formulas`); *notes*
    (formulas left out, and why) are added to every report's ``warnings``.
    """
    chosen = tuple(formulas)
    extra_warnings = tuple(notes)

    def score_document(doc: Document) -> dict[Key[Any], Any]:
        """Score the document: body, headline, each sentence and paragraph, hard words."""
        report = analyse(doc, chosen)
        if extra_warnings:
            report = attrs.evolve(report, warnings=(*report.warnings, *extra_warnings))
        return {REPORT: report}

    return enricher(
        name="readability.score",
        requires=[layers.TOKENS, layers.SENTENCES, layers.PARAGRAPHS],
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
def newslens_register_enrichers(
    register: Callable[[Enricher], None], pluginmanager: pluggy.PluginManager
) -> None:
    """Register the ``readability.score`` enricher, with the formulas of *pluginmanager*."""
    register(make_enricher(*collect_formulas(pluginmanager)))


@hookimpl
def newslens_json_section(doc: Document) -> dict[str, Any] | None:
    """Add the ``readability`` section (see :meth:`ReadabilityReport.to_dict`)."""
    report = doc.get(REPORT)
    return None if report is None else {"readability": report.to_dict()}


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


@hookimpl
def newslens_text_report(doc: Document, console: Console) -> None:
    """Print the main scores of the body (and headline, quotes, narration) as a table."""
    report = doc.get(REPORT)
    if report is None:
        return
    from rich.table import Table

    columns = [("Body", report.body), ("Headline", report.headline),
               ("Quoted", report.quoted), ("Narration", report.narration)]
    shown = [(title, s) for title, s in columns if s is not None]
    table = Table("Readability", *(title for title, _ in shown), title="Readability")
    table.add_row("words", *(str(s.counts.words) for _, s in shown))
    table.add_row("sentences", *(str(s.counts.sentences) for _, s in shown))
    for formula in FORMULAS:
        cells = []
        for _, s in shown:
            value = dict(s.values).get(formula.name)
            cells.append(_fmt(value))
        table.add_row(formula.label, *cells)
    console.print(table)
    for warning in report.warnings:
        console.print(f"[yellow]readability:[/] {warning}")
