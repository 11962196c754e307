"""newslens-contradictions: where a news article disagrees with itself, explained.

The plugin adds the ``contradictions`` section to newslens' output and a report
block, and the :data:`CONTRADICTIONS` key that other plugins read. It also works
on any annotated document::

    >>> import newslens
    >>> from newslens_contradictions import find_contradictions
    >>> doc = newslens.annotate(
    ...     "The council did not approve the budget on Monday.",
    ...     headline="Council approves budget",
    ... )
    >>> [(f.kind, f.a.text, f.b.text) for f in find_contradictions(doc)]
    [('negation', 'Council approves budget', 'The council did not approve the budget on Monday')]

How it works: :mod:`newslens_contradictions.clauses` cuts the document into
clauses and notes what each asserts, :mod:`newslens_contradictions.engine` pairs
clauses that share words, and :mod:`newslens_contradictions.detectors` compares
each pair (negation, denial, antonyms, numbers, dates). Word lists are data
(:mod:`newslens_contradictions.lexicon`, from WordNet and our own); quantities
are read by :mod:`newslens_contradictions.numbers`. The dates and quotes plugins
are used when they run. A model of your own can score pairs through the
``newslens_contradictions_nli`` hook (:mod:`newslens_contradictions.hookspecs`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import pluggy

from newslens import (
    DIAGNOSTICS,
    Block,
    Diagnostic,
    Document,
    Enricher,
    Key,
    Mark,
    Option,
    OptionError,
    Options,
    enricher,
    hookimpl,
    layers,
)
from newslens_contradictions.clauses import QUOTES, TIMEXES
from newslens_contradictions.engine import DEFAULT_THRESHOLD, NLI, find_contradictions
from newslens_contradictions.model import KINDS, SCOPES, ContradictionResult, Finding, Side

__all__ = [
    "CONTRADICTIONS",
    "KINDS",
    "NLI",
    "SCOPES",
    "THRESHOLD_OPTION",
    "ContradictionResult",
    "Finding",
    "Side",
    "find_contradictions",
    "make_enricher",
    "nli_of",
]

CONTRADICTIONS: Final = Key(
    "contradictions.findings",
    ContradictionResult,
    doc="Where the article disagrees with itself: findings with both spans, kind, "
    "confidence and explanation (a ContradictionResult).",
)
"""The enrichment key: a :class:`ContradictionResult` (readable by other plugins)."""


_PLUGIN: Final = "contradictions"


def _threshold(value: Any) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"must be between 0 and 1, got {number}")
    return number


THRESHOLD_OPTION: Final = Option(
    "contradictions.threshold",
    float,
    DEFAULT_THRESHOLD,
    doc="Leave out findings below this confidence (0 to 1).",
    minimum=0.0,
    maximum=1.0,
)
"""The confidence threshold (default 0.5); higher keeps only the surest findings."""


def nli_of(pluginmanager: pluggy.PluginManager | None) -> NLI | None:
    """The ``newslens_contradictions_nli`` hook of *pluginmanager* as a scorer, or ``None``.

    ``None`` when no plugin implements the hook, so that no time is spent on it.
    """
    hook = (
        getattr(pluginmanager.hook, "newslens_contradictions_nli", None) if pluginmanager
        else None
    )
    if hook is None or not hook.get_hookimpls():
        return None

    def score(premise: str, hypothesis: str) -> Mapping[str, float] | None:
        result: Mapping[str, float] | None = hook(premise=premise, hypothesis=hypothesis)
        return result

    return score


def make_enricher(threshold: float = DEFAULT_THRESHOLD, nli: NLI | None = None) -> Enricher:
    """Return the ``contradictions.find`` enricher with this *threshold* and scorer."""

    def find(doc: Document) -> dict[Key[Any], Any]:
        """Find where the document disagrees with itself."""
        result = find_contradictions(doc, threshold=threshold, nli=nli)
        found: dict[Key[Any], Any] = {CONTRADICTIONS: result}
        if result.notes:
            found[DIAGNOSTICS] = tuple(
                Diagnostic(_PLUGIN, "warning", note) for note in result.notes
            )
        return found

    return enricher(
        name="contradictions.find",
        requires=[layers.TOKENS, layers.SENTENCES, layers.PARAGRAPHS],
        optional=[layers.LEMMAS, layers.POS, layers.ENTITIES, TIMEXES, QUOTES],
        provides=[CONTRADICTIONS],
    )(find)


@hookimpl
def newslens_add_hookspecs(pluginmanager: pluggy.PluginManager) -> None:
    """Add the ``newslens_contradictions_nli`` hook specification."""
    from newslens_contradictions import hookspecs

    pluginmanager.add_hookspecs(hookspecs)


@hookimpl
def newslens_options() -> list[Option]:
    """Declare :data:`THRESHOLD_OPTION`."""
    return [THRESHOLD_OPTION]


@hookimpl
def newslens_register_enrichers(
    register: Callable[[Enricher], None], pluginmanager: pluggy.PluginManager, options: Options
) -> None:
    """Register the ``contradictions.find`` enricher with the threshold and any scorer."""
    try:
        threshold = _threshold(options[THRESHOLD_OPTION.name])
    except ValueError as exc:
        raise OptionError(f"option {THRESHOLD_OPTION.name}: {exc}") from None
    register(make_enricher(threshold, nli_of(pluginmanager)))


@hookimpl
def newslens_json_section(doc: Document) -> dict[str, Any] | None:
    """Add the ``contradictions`` section."""
    result = doc.get(CONTRADICTIONS)
    if result is None:
        return None
    return {"contradictions": [f.as_dict() for f in result.findings]}


@hookimpl
def newslens_report_blocks(doc: Document) -> list[Block] | None:
    """List the findings with their explanations, and mark both sides in the text."""
    result = doc.get(CONTRADICTIONS)
    if result is None:
        return None
    marks: list[Mark] = []
    for n, finding in enumerate(result.findings, 1):
        for side, name in ((finding.a, "a"), (finding.b, "b")):
            marks.append(Mark(side.start, side.end, f"contradiction {n}{name}: {finding.kind}",
                              note=finding.explanation, group=f"contradiction-{n}"))
    rows = (
        ("findings", str(len(result.findings))),
        *((f"{n}. {f.kind} ({f.confidence:.2f})", f.explanation)
          for n, f in enumerate(result.findings, 1)),
    )
    ordered = sorted(set(marks), key=lambda m: (m.start, -m.end, m.label))
    return [Block("Contradictions", rows=rows, marks=ordered, layer="box")]
