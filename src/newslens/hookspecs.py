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
override them. Every hook is called through pluggy's hook callers, so
``wrapper=True`` implementations and pluggy's tracing (``NEWSLENS_TRACE``)
apply to all of them. Any function of a plugin whose name starts with
``newslens_`` is taken as an implementation (the marker is needed only for
options such as ``trylast``); one whose name is not a hook below makes the
plugin fail to register, with a message naming the plugin and the function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from newslens.annotators import Annotator
    from newslens.blocks import Block
    from newslens.config import Config
    from newslens.enrichers import Enricher
    from newslens.errors import InputError
    from newslens.io.formats import OutputFormat
    from newslens.model import Document
    from newslens.options import Option, Options

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
def newslens_options() -> Iterable[Option] | None:
    """Declare the plugin's options: name, type, default and a line of documentation.

    Called once when a plugin manager is built, for every plugin. Return
    :class:`~newslens.Option` objects named ``"<plugin>.<option>"``; values
    that users give (Python, ``-O PLUGIN.OPTION=VALUE``, a TOML file) are
    checked against them before any document is read, and the checked values
    reach :func:`newslens_register_enrichers` as ``options``. Two plugins
    declaring one name is an error of the second plugin. ``newslens plugins``
    lists every option with its default.
    """


@hookspec
def newslens_register_enrichers(
    register: Callable[[Enricher], None],
    pluginmanager: pluggy.PluginManager,
    options: Options,
) -> None:
    """Register the plugin's enrichers.

    Called once when a :class:`~newslens.Pipeline` is built, for every plugin.
    Call ``register(enricher)`` once per :class:`~newslens.Enricher`; the pipeline
    records which plugin registered it and orders all enrichers from their
    ``requires`` and ``provides`` declarations. Return values are ignored. A
    plugin whose implementation raises is reported (``newslens plugins``, and a
    diagnostic on every document) and its enrichers are left out; the other
    plugins run. The exception is :class:`~newslens.OptionError`, which says the
    user gave one of the plugin's options a value it cannot take (a threshold out
    of range, an unreadable list): it is raised to the user as a usage error,
    naming the option, when the pipeline is built (exit status 2 on the command
    line), since running without the plugin is not what was asked for.

    Args:
        register: Callback taking one :class:`~newslens.Enricher`.
        pluginmanager: The pipeline's plugin manager, for a plugin that builds
            its enricher from its own hooks (for example, extra readability
            formulas contributed by other plugins).
        options: The checked value of every declared option (an
            :class:`~newslens.Options` mapping, ``options["readability.x"]``);
            build the enricher with the plugin's own values.

    pluggy passes only the arguments an implementation names: most plugins
    take ``register`` alone.
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

    Called for every plugin, with the plugins of the pipeline that produced the
    document, the first time its output is asked for (by :meth:`Document.to_dict`
    or a writer); the result is kept with the document. Return a mapping from
    section name (such as ``"quotes"``) to a JSON-serialisable value, or
    ``None`` when the plugin has nothing for this document. Spans in a section
    should be objects with ``start``, ``end`` and ``text``,
    ``text == doc.text[start:end]``.

    What is detail (per-sentence scores, every mention) is marked with
    :class:`~newslens.Detail`, as a section's value or a value of a section
    that is a mapping: ``Detail(full, standard=..., summary=...)`` is written
    whole at ``--detail full`` and in the shorter form given (or not at all)
    at the other levels; the default level, ``standard``, should stay small.

    A section name that is a core field, or that another plugin already
    returned, is refused; an implementation that raises loses only its own
    sections. Either way the document's output carries an ``error``
    diagnostic that says so, and the rest is written.

    Args:
        doc: The processed document.
    """


@hookspec
def newslens_report_blocks(doc: Document) -> Iterable[Block] | None:
    """Return the plugin's part of the human-readable report, as :class:`~newslens.Block` data.

    Called like :func:`newslens_json_section` (once per document, with the
    producing pipeline's plugins). Every human-readable writer (``text`` today)
    renders the blocks: a title, key-value rows, tables, marked spans of the
    text and notes, so a plugin never prints or writes markup itself. Blocks
    appear in the order of the plugins' names. An implementation that raises
    loses only its own blocks, with an ``error`` diagnostic.

    Args:
        doc: The processed document.
    """


@hookspec
def newslens_output_formats() -> Iterable[OutputFormat] | None:
    """Return the output formats the plugin writes (:class:`~newslens.io.formats.OutputFormat`).

    Called when a writer is opened and by ``newslens analyze --format``. The
    built-in plugin answers with ``json``, ``jsonl`` and ``text``; a plugin adds
    a format by returning another name and a :class:`~newslens.io.writers.DocumentWriter`
    subclass. Two plugins offering one name is an error of the second.
    """
