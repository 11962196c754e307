"""Hook specifications: every hook a newslens plugin can implement.

This module holds nothing else. Each hook's docstring says when it is called,
what its parameters are, and whether the first non-``None`` result wins.
Implement a hook with :data:`newslens.hookimpl`::

    from newslens import hookimpl

    @hookimpl
    def newslens_register_enrichers(register):
        register(my_enricher)

pluggy calls implementations in last-registered-first order; the built-in
implementations are registered first and marked ``trylast`` so any plugin can
override them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from rich.console import Console

    from newslens.annotators import Annotator
    from newslens.config import Config
    from newslens.errors import InputError
    from newslens.model import Document
    from newslens.pipeline import Enricher

hookspec = pluggy.HookspecMarker("newslens")


@hookspec(historic=True)
def newslens_add_hookspecs(pluginmanager: pluggy.PluginManager) -> None:
    """Add a plugin's own hook specifications, so that other plugins can extend it.

    Called once for each plugin as it is registered (a *historic* hook: plugins
    registered later are called too). Call ``pluginmanager.add_hookspecs(module)``.

    Args:
        pluginmanager: The newslens plugin manager.
    """


@hookspec
def newslens_register_enrichers(
    register: Callable[[Enricher], None], pluginmanager: pluggy.PluginManager
) -> None:
    """Register the plugin's enrichers.

    Called once when a :class:`~newslens.Pipeline` is built, for every plugin.
    Call ``register(enricher)`` once per :class:`~newslens.Enricher`; the pipeline
    records which plugin registered it and orders all enrichers from their
    ``requires`` and ``provides`` declarations. Return values are ignored.

    Args:
        register: Callback taking one :class:`~newslens.Enricher`.
        pluginmanager: The pipeline's plugin manager, for a plugin that builds
            its enricher from its own hooks (for example, extra readability
            formulas contributed by other plugins). Most plugins leave it out
            of their signature; pluggy passes only the arguments asked for.
    """


@hookspec(firstresult=True)
def newslens_make_annotator(config: Config) -> Annotator | None:
    """Return the annotator that tokenises and tags documents, or ``None``.

    Called once when a :class:`~newslens.Pipeline` is built. **The first
    non-None result wins.** The built-in implementation (``trylast``) answers
    for the backends ``auto``, ``lite`` and ``stanza``; a plugin that brings its
    own annotator returns it when ``config.backend`` names it, and ``None``
    otherwise.

    Args:
        config: The pipeline's :class:`~newslens.Config`; ``config.backend`` is
            the backend asked for.
    """


@hookspec(firstresult=True)
def newslens_load_document(
    source: str, config: Config
) -> Iterable[Document | InputError] | None:
    """Read the articles in *source*, or return ``None`` if this plugin cannot.

    Called once per input given to ``newslens analyze`` (and by
    :func:`newslens.io.load`). **The first non-None result wins.** Built-in
    loaders (``trylast``) read ``.txt``, ``.json``, ``.jsonl``, ``.html`` and
    ``-`` (JSON lines on standard input).

    Return an iterable that yields an unannotated :class:`~newslens.Document`
    per article, or an :class:`~newslens.InputError` (naming source, line and
    field) for an article that cannot be read, so that one bad article never
    stops the others.

    Args:
        source: A path, or ``"-"`` for standard input.
        config: The :class:`~newslens.Config` in force.
    """


@hookspec
def newslens_json_section(doc: Document) -> Mapping[str, Any] | None:
    """Return the plugin's top-level sections of a document's JSON output.

    Called for every plugin each time a document is written as JSON
    (:meth:`Document.to_dict`). Return a mapping from section name (such as
    ``"quotes"``) to a JSON-serialisable value, or ``None`` when the plugin has
    nothing for this document. All results are merged; two plugins returning
    the same section name is an error. Spans in a section should be objects
    with ``start``, ``end`` and ``text``, ``text == doc.text[start:end]``.

    Args:
        doc: The processed document.
    """


@hookspec
def newslens_text_report(doc: Document, console: Console) -> None:
    """Print the plugin's part of the human-readable report.

    Called for every plugin (in pluggy's order: last registered first) each time a document is
    written in ``text`` format, after the core's summary. Print with
    ``console.print(...)`` (a :class:`rich.console.Console`). Return values are
    ignored.

    Args:
        doc: The processed document.
        console: Where to print.
    """
