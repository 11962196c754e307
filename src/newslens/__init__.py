"""newslens: when things happen in a news article and how readable it is (more to come).

The public API::

    import newslens

    doc = newslens.analyze(text, headline="...", published="2024-03-14")
    for item in newslens.load("articles/"):  # documents, or InputErrors in their place
        ...
    pipeline = newslens.Pipeline(backend="lite")
    for doc in pipeline.pipe(texts):
        ...
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from newslens import layers, webtext
from newslens.annotators import Annotator
from newslens.blocks import Block, Mark, Table
from newslens.config import Config
from newslens.enrichers import DIAGNOSTICS, Enricher, enricher
from newslens.enrichments import Key
from newslens.errors import (
    AnnotatorError,
    EnricherError,
    InputError,
    MissingEnrichmentError,
    NewslensError,
    PipelineError,
    UnknownBackendError,
)
from newslens.io import load
from newslens.model import (
    Deferred,
    Detail,
    Diagnostic,
    Document,
    Entity,
    Paragraph,
    Part,
    Sentence,
    Span,
    Token,
    TokenTable,
    parse_published,
)
from newslens.options import Option, OptionError, Options
from newslens.pipeline import Pipeline, _no_fields_with_a_document, _unannotated
from newslens.plugins import PluginError, get_plugin_manager, hookimpl
from newslens.wordcache import WordCache

try:
    __version__ = version("newslens")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "DIAGNOSTICS",
    "Annotator",
    "AnnotatorError",
    "Block",
    "Config",
    "Deferred",
    "Detail",
    "Diagnostic",
    "Document",
    "Enricher",
    "EnricherError",
    "Entity",
    "InputError",
    "Key",
    "Mark",
    "MissingEnrichmentError",
    "NewslensError",
    "Option",
    "OptionError",
    "Options",
    "Paragraph",
    "Part",
    "Pipeline",
    "PipelineError",
    "PluginError",
    "Sentence",
    "Span",
    "Table",
    "Token",
    "TokenTable",
    "UnknownBackendError",
    "WordCache",
    "__version__",
    "analyze",
    "annotate",
    "enricher",
    "get_plugin_manager",
    "hookimpl",
    "layers",
    "load",
    "parse_published",
    "webtext",
]


@functools.lru_cache(maxsize=8)
def _cached_annotator(backend: str) -> Annotator:
    from newslens.plugins import make_annotator

    return make_annotator(get_plugin_manager(), Config(backend=backend))


def annotate(
    text: str | Document,
    *,
    headline: str | None = None,
    byline: str | None = None,
    published: dt.date | str | None = None,
    backend: str = "lite",
) -> Document:
    """Annotate one article (paragraphs, sentences, tokens, entities) without any enricher.

    For a plugin that works on its own as well as in a pipeline (readability's
    ``score_text`` does): the annotator for each backend is built once and reused.

    Args:
        text: The article's body, or a :class:`Document` (one annotated
            already is annotated afresh).
        headline: Its headline, when *text* is a string.
        byline: Its byline, when *text* is a string.
        published: Publication date, when *text* is a string.
        backend: ``"lite"`` (the default: model-free and fast), ``"stanza"``,
            ``"auto"`` or a plugin's backend.

    Raises:
        AnnotatorError: when the backend is unknown or cannot start.
        TypeError: when *text* is a document and *headline*, *byline* or
            *published* is given too (the document has its own).

    Example:
        >>> doc = annotate("It rained. Nobody was hurt.")
        >>> len(doc.sentences), doc.backend, len(doc.enrichments)
        (2, 'lite', 0)
    """
    if isinstance(text, Document):
        _no_fields_with_a_document(headline=headline, byline=byline, published=published)
        text = _unannotated(text)
    else:
        text = Document.create(text, headline=headline, byline=byline, published=published)
    return _cached_annotator(backend).annotate(text)


@functools.lru_cache(maxsize=8)
def _cached_pipeline(backend: str, strict: bool) -> Pipeline:
    return Pipeline(backend, strict=strict)


def _pipeline_for(backend: str, strict: bool, options: dict[str, Any] | None) -> Pipeline:
    if options:
        return Pipeline(backend, strict=strict, options=options)
    return _cached_pipeline(backend, strict)


def analyze(
    text: str | Document,
    *,
    headline: str | None = None,
    byline: str | None = None,
    published: dt.date | str | None = None,
    backend: str = "auto",
    strict: bool = False,
    options: dict[str, Any] | None = None,
) -> Document:
    """Analyse one article with the installed plugins and return the :class:`Document`.

    The pipeline for each ``(backend, strict)`` is built once and reused, so
    calling ``analyze`` in a loop is cheap (not with *options*: build a
    :class:`Pipeline` with them once instead); for many articles,
    :meth:`Pipeline.pipe` batches them.

    Args:
        text: The article's body, or an unannotated :class:`Document`.
        headline: Its headline, if any.
        byline: Its byline, if any.
        published: Publication date (``date`` or ``"YYYY-MM-DD"``).
        backend: ``"auto"``, ``"lite"`` or ``"stanza"``.
        strict: Raise on a plugin's or enricher's failure instead of recording it.
        options: Plugin option values (``{"readability.long_sentence_words": 40}``).

    Raises:
        InputError: when the article is over the length limit, 1,000,000
            characters (for longer ones, build ``Pipeline(config=Config(max_chars=...))``).
        TypeError: when *text* is neither a ``str`` nor a :class:`Document`, or
            is a document given with *headline*, *byline* or *published*.

    Example:
        >>> doc = analyze("Mr. Smith said it rained. Nobody was hurt.", backend="lite")
        >>> [doc.text[s.start:s.end] for s in doc.sentences]
        ['Mr. Smith said it rained.', 'Nobody was hurt.']
    """
    return _pipeline_for(backend, strict, options)(
        text, headline=headline, byline=byline, published=published
    )
