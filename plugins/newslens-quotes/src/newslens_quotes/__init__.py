"""newslens-quotes: who said what, with direct, indirect and mixed quotes and their speakers.

The plugin adds the ``quotes`` and ``speakers`` sections to newslens' output,
and the :data:`QUOTES` key that other plugins read. It also works on any
annotated document::

    >>> import newslens
    >>> from newslens_quotes import find_quotes
    >>> doc = newslens.annotate('"We will rebuild," said Dana Whitfield. She left.')
    >>> [(q.text, q.kind, q.speaker_name) for q in find_quotes(doc).quotes]
    [('We will rebuild,', 'direct', 'Dana Whitfield')]

How it works: :mod:`newslens_quotes.marks` pairs quotation marks,
:mod:`newslens_quotes.attribution` finds cues, speakers and content,
:mod:`newslens_quotes.speakers` links mentions to canonical speakers, and
:mod:`newslens_quotes.engine` runs them in order. Cues are data
(:mod:`newslens_quotes.lexicon`), extended through the ``quotes.cues`` option
or the ``newslens_quotes_cues`` hook (:mod:`newslens_quotes.hookspecs`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final

import pluggy

from newslens import (
    DIAGNOSTICS,
    Block,
    Detail,
    Diagnostic,
    Document,
    Enricher,
    Key,
    Mark,
    Option,
    OptionError,
    Options,
    Table,
    enricher,
    hookimpl,
    layers,
)
from newslens_quotes.engine import check_confidence, find_quotes
from newslens_quotes.lexicon import FRAMES, Cue, CueIndex, builtin_cues, parse_cues
from newslens_quotes.model import KINDS, Quote, QuoteResult, Speaker, TextSpan

__all__ = [
    "CUES_OPTION",
    "FRAMES",
    "INHERIT_OPTION",
    "KINDS",
    "LEARNED_BOUNDARIES_OPTION",
    "LEARNED_CANDIDATES_OPTION",
    "MIN_CONFIDENCE_OPTION",
    "QUOTES",
    "Cue",
    "Quote",
    "QuoteResult",
    "Speaker",
    "TextSpan",
    "builtin_cues",
    "collect_cues",
    "find_quotes",
    "make_enricher",
    "parse_cues",
]

QUOTES: Final = Key(
    "quotes.quotes",
    QuoteResult,
    doc="Quotes (direct, indirect, mixed) with cue, speaker and canonical speaker; "
    "speakers and name clusters (a QuoteResult).",
)
"""The enrichment key: a :class:`QuoteResult` with the quotes, the speakers, and every
cluster of mentions linked to one name (readable by other plugins)."""

CUES_OPTION: Final = Option(
    "quotes.cues",
    str,
    "",
    doc="Extra reporting cues, comma-separated lemmas with an optional frame: "
    "'opine, brief:object' (frames: speech, object, according, partial, quote, clause).",
)
"""Extra cues for one run (see :func:`~newslens_quotes.lexicon.parse_cues`)."""

INHERIT_OPTION: Final = Option(
    "quotes.inherit",
    bool,
    True,
    doc="A quotation with no cue of its own takes the speaker of the quote before it.",
)
"""Whether a quotation with no cue of its own may take the previous speaker."""

MIN_CONFIDENCE_OPTION: Final = Option(
    "quotes.min_confidence",
    float,
    0.0,
    doc="Leave out quotes whose confidence (their rule's precision on PolNeAR train) is "
    "below this, from 0 (keep all, the best F1) to 1.",
    minimum=0.0,
    maximum=1.0,
)
"""The lowest confidence a quote may have to be reported (see
:func:`~newslens_quotes.engine.find_quotes`)."""

LEARNED_BOUNDARIES_OPTION: Final = Option(
    "quotes.learned_boundaries",
    bool,
    False,
    doc="Let a model learned on PolNeAR train choose where a reported content ends "
    "(off: the rules' own ends).",
)
"""Whether :mod:`newslens_quotes.boundaries` chooses the ends of reported contents."""

LEARNED_CANDIDATES_OPTION: Final = Option(
    "quotes.learned_candidates",
    bool,
    False,
    doc="Let a model learned on PolNeAR train add statements no cue of the lexicon "
    "introduces ('backed the plan', 'plans to run'; off: the rules' cues only).",
)
"""Whether :mod:`newslens_quotes.learned_cues` adds the statements it finds."""

_PLUGIN: Final = "quotes"


def collect_cues(
    pluginmanager: pluggy.PluginManager | None = None, option: str = ""
) -> tuple[tuple[Cue, ...], tuple[str, ...]]:
    """Return the built-in cues, those of *option* and those other plugins add, with notes.

    Args:
        pluginmanager: Asked through its ``newslens_quotes_cues`` hook, when given.
        option: A value of the ``quotes.cues`` option.

    Raises:
        ValueError: when *option* is not a list of cues.

    Returns:
        ``(cues, notes)``: the cues (later ones replace earlier ones with the same
        words) and a note for each thing a plugin returned that is not a cue.
    """
    cues = list(builtin_cues()) + list(parse_cues(option))
    notes: list[str] = []
    hook = getattr(pluginmanager.hook, "newslens_quotes_cues", None) if pluginmanager else None
    for result in hook() if hook is not None else ():
        for item in result or ():
            if isinstance(item, Cue):
                cues.append(item)
            else:
                notes.append(f"a plugin returned {item!r}, not a Cue: left out")
    return tuple(cues), tuple(notes)


def make_enricher(
    cues: Iterable[Cue] | None = None,
    *,
    inherit: bool = True,
    notes: Iterable[str] = (),
    min_confidence: float = 0.0,
    learned_boundaries: bool = False,
    learned_candidates: bool = False,
) -> Enricher:
    """Return the ``quotes.find`` enricher, looking for *cues* (default: the built-in ones).

    The plugin builds it in ``newslens_register_enrichers`` from its options and the
    cues other plugins add (:func:`collect_cues`); *notes* become warnings on every
    document; quotes below *min_confidence* are left out; *learned_boundaries* lets the
    learned model choose where reported contents end, *learned_candidates* lets another
    add statements no cue of the lexicon introduces (see :func:`find_quotes`).

    Raises:
        ValueError: when *min_confidence* is not a number from 0 to 1.
    """
    chosen = CueIndex.build(builtin_cues() if cues is None else cues)  # once, for every doc
    warnings = tuple(Diagnostic(_PLUGIN, "warning", note) for note in notes)
    least = check_confidence(min_confidence)

    def find(doc: Document) -> dict[Key[Any], Any]:
        """Find the document's quotes and speakers."""
        result = find_quotes(
            doc, cues=chosen, inherit=inherit, min_confidence=least,
            learned_boundaries=learned_boundaries, learned_candidates=learned_candidates,
        )
        found: dict[Key[Any], Any] = {QUOTES: result}
        if warnings:
            found[DIAGNOSTICS] = warnings
        return found

    return enricher(
        name="quotes.find",
        requires=[layers.TOKENS, layers.SENTENCES, layers.PARAGRAPHS],
        optional=[layers.LEMMAS, layers.POS, layers.DEPENDENCIES, layers.ENTITIES],
        provides=[QUOTES],
    )(find)


@hookimpl
def newslens_add_hookspecs(pluginmanager: pluggy.PluginManager) -> None:
    """Add the ``newslens_quotes_cues`` hook specification."""
    from newslens_quotes import hookspecs

    pluginmanager.add_hookspecs(hookspecs)


@hookimpl
def newslens_options() -> list[Option]:
    """Declare :data:`CUES_OPTION`, :data:`INHERIT_OPTION`, :data:`MIN_CONFIDENCE_OPTION`,
    :data:`LEARNED_BOUNDARIES_OPTION` and :data:`LEARNED_CANDIDATES_OPTION`."""
    return [CUES_OPTION, INHERIT_OPTION, MIN_CONFIDENCE_OPTION, LEARNED_BOUNDARIES_OPTION,
            LEARNED_CANDIDATES_OPTION]


@hookimpl
def newslens_register_enrichers(
    register: Callable[[Enricher], None], pluginmanager: pluggy.PluginManager, options: Options
) -> None:
    """Register the ``quotes.find`` enricher with the cues of the options and of other plugins."""
    try:
        cues, notes = collect_cues(pluginmanager, options[CUES_OPTION.name])
    except ValueError as exc:
        raise OptionError(f"option {CUES_OPTION.name}: {exc}") from None
    # the option's own bounds (0 to 1, no NaN) have checked its value
    register(make_enricher(cues, inherit=options[INHERIT_OPTION.name], notes=notes,
                           min_confidence=options[MIN_CONFIDENCE_OPTION.name],
                           learned_boundaries=options[LEARNED_BOUNDARIES_OPTION.name],
                           learned_candidates=options[LEARNED_CANDIDATES_OPTION.name]))


@hookimpl
def newslens_json_section(doc: Document) -> dict[str, Any] | None:
    """Add the ``quotes`` and ``speakers`` sections.

    Below ``--detail full`` (see :class:`newslens.Detail`) a quote leaves out its
    ``parts``, and its ``content`` when it has one part (the content is then its
    ``text``), and a speaker leaves out its ``mentions``; ``summary`` writes no
    ``quotes``, only the speakers.
    """
    result = doc.get(QUOTES)
    if result is None:
        return None
    quotes, speakers = result.quotes, result.speakers

    def brief_speakers() -> list[dict[str, Any]]:
        return [_without(s.as_dict(), "mentions") for s in speakers]

    return {
        "quotes": Detail(
            lambda: [q.as_dict() for q in quotes],
            standard=lambda: [
                _without(q.as_dict(), "parts", *(("content",) if len(q.parts) < 2 else ()))
                for q in quotes
            ],
        ),
        "speakers": Detail(
            lambda: [s.as_dict() for s in speakers], standard=brief_speakers, summary=brief_speakers
        ),
    }


def _without(data: dict[str, Any], *names: str) -> dict[str, Any]:
    """*data* without the keys *names*."""
    for name in names:
        del data[name]
    return data


def _label(quote: Quote) -> str:
    who = quote.speaker_name or "unknown speaker"
    return f"{quote.kind} quote: {who}"


@hookimpl
def newslens_report_blocks(doc: Document) -> list[Block] | None:
    """Show who is quoted how often, and mark each quote, cue and speaker in the text."""
    result = doc.get(QUOTES)
    if result is None:
        return None
    rows = [
        (s.name, s.kind, str(len(s.quotes)), ", ".join(sorted({m.text for m in s.mentions})))
        for s in result.speakers
    ]
    marks: list[Mark] = []
    for quote in result.quotes:
        group = f"speaker: {quote.speaker_name}" if quote.speaker_name else None
        marks.append(Mark(quote.start, quote.end, _label(quote), note=f"found by {quote.how}",
                          group=group))
        if quote.cue is not None:
            marks.append(Mark(quote.cue.start, quote.cue.end, "cue"))
        if quote.speaker is not None:
            marks.append(Mark(quote.speaker.start, quote.speaker.end,
                              f"speaker: {quote.speaker_name or quote.speaker.text}", group=group))
    marks = sorted(set(marks), key=lambda m: (m.start, -m.end, m.label))
    kinds = {kind: sum(q.kind == kind for q in result.quotes) for kind in KINDS}
    summary = (("quotes", str(len(result.quotes))),
               *((kind, str(n)) for kind, n in kinds.items() if n))
    table = Table(("Speaker", "Kind", "Quotes", "Mentions"), rows)
    return [Block("Quotes", rows=summary, tables=[table] if rows else [], marks=marks,
                  layer="fill")]
