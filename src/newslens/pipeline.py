"""The :class:`Pipeline`: an annotator and the installed plugins' enrichers, run on documents.

The enrichers themselves, their ordering and the engine that runs them are in
:mod:`newslens.enrichers`; the plugin host that collects them is
:mod:`newslens.plugins`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from newslens.config import Config
from newslens.enrichers import Enricher, plan_enrichers, run_enrichers
from newslens.errors import InputError
from newslens.model import Diagnostic, Document
from newslens.options import Options
from newslens.plugins import (
    PluginError,
    collect_enrichers,
    collect_options,
    get_plugin_manager,
    load_failures,
    make_annotator,
    with_output,
)

if TYPE_CHECKING:
    import pluggy

    from newslens.annotators import Annotator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch is processed.

    Annotating a batch makes hundreds of thousands of small frozen objects
    (tokens, sentences) and no reference cycles; every few hundred
    allocations the collector would walk all of them again, which costs
    about a quarter of the lite pipeline's time. Reference counting still
    frees everything as usual; the collector is switched back on (if it was
    on) before any document is handed back to the caller's code.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Pipeline:
    """An annotator and the installed plugins' enrichers, loaded once and reused.

    Building a pipeline checks everything a run needs before any article is
    read: the options (an :class:`~newslens.options.OptionError` for an unknown
    name or a bad value), the annotator, and the enrichers' requirements. A
    plugin that failed to load, whose hooks raise, or whose enrichers cannot
    run on this annotator is left out: the rest run, and every document
    carries an ``error`` (or ``warning``) diagnostic saying what is missing and
    why (see :attr:`diagnostics`). With ``strict=True`` each of these raises.

    Args:
        backend: ``"auto"``, ``"lite"``, ``"stanza"`` or a plugin's backend name.
        strict: Raise instead of recording: an enricher's exception (as
            :class:`EnricherError`), a plugin failure (as
            :class:`~newslens.plugins.PluginError`), an enricher that cannot
            run (as :class:`~newslens.PipelineError`), an output hook's exception.
        download: Let the stanza backend download its models when they are
            missing (the only time newslens touches the network).
        options: Plugin option values by full name
            (``{"readability.long_sentence_words": 40}``), over ``config.options``.
        config: Full settings; ``backend``, ``strict``, ``download`` and
            ``options`` override its fields when given.
        plugins: Plugin manager (default: :func:`newslens.plugins.get_plugin_manager`).
        annotator: Use this annotator instead of asking the plugins for one.

    Raises:
        OptionError: for an option no plugin declares, or a value of the wrong type.
        newslens.PipelineError: under *strict*, when an enricher cannot run.
        PluginError: under *strict*, when a plugin failed to load or contribute.
        AnnotatorError: when the annotator cannot be built.
        TypeError: when *config* is not a :class:`~newslens.Config` or
            *options* not a mapping.
    """

    def __init__(
        self,
        backend: str | None = None,
        *,
        strict: bool | None = None,
        download: bool | None = None,
        options: Mapping[str, Any] | None = None,
        config: Config | None = None,
        plugins: pluggy.PluginManager | None = None,
        annotator: Annotator | None = None,
    ) -> None:
        _check_settings(config, options)
        config = config or Config()
        changes: dict[str, Any] = {}
        if backend is not None:
            changes["backend"] = backend
        if strict is not None:
            changes["strict"] = strict
        if download is not None:
            changes["download"] = download
        if options is not None:
            changes["options"] = {**config.options, **options}
        self.config: Config = attrs.evolve(config, **changes) if changes else config
        from newslens import plugins as _host

        self._rebuildable = annotator is None and (plugins is None or plugins is _host._default)
        self.plugins: pluggy.PluginManager = plugins or get_plugin_manager()
        declared = collect_options(self.plugins)
        loading = load_failures(self.plugins)
        failed = [f.plugin for f in (*loading, *declared.failures)]
        self.options: Options = Options.resolve(
            declared.items, self.config.options, failed=failed
        )
        """The checked value of every plugin option."""
        self.annotator: Annotator = annotator or make_annotator(self.plugins, self.config)
        collected = collect_enrichers(self.plugins, self.options)
        failures = (*loading, *declared.failures, *collected.failures)
        if failures and self.config.strict:
            raise PluginError("; ".join(f.diagnostic().message for f in failures))
        plan = plan_enrichers(collected.items, self.annotator.layers, backend=self.annotator.name)
        if self.config.strict:
            plan.require_all(self.annotator.layers)
        self.enrichers: tuple[Enricher, ...] = plan.order
        self.disabled: tuple[tuple[Enricher, str], ...] = plan.disabled
        """Enrichers left out, each with the reason (see :func:`plan_enrichers`)."""
        self.failures = failures
        """Plugins that failed to load or contribute (:class:`~newslens.plugins.PluginFailure`)."""
        self.diagnostics: tuple[Diagnostic, ...] = (
            *self.annotator.diagnostics,
            *(failure.diagnostic() for failure in failures),
            *(Diagnostic(item.plugin or item.name, "error", reason)
              for item, reason in plan.disabled),
        )
        """Added to every document: which backend ``auto`` chose, plugins that failed,
        enrichers that cannot run."""
        self.provided: frozenset[str] = frozenset(
            key.name for item in (*self.enrichers, *(i for i, _ in self.disabled))
            for key in item.provides
        )

    def __repr__(self) -> str:
        names = ", ".join(item.name for item in self.enrichers)
        return f"Pipeline(backend={self.annotator.name!r}, enrichers=[{names}])"

    def __call__(
        self,
        text: str | Document,
        *,
        headline: str | None = None,
        byline: str | None = None,
        published: dt.date | str | None = None,
        id: str | None = None,
    ) -> Document:
        """Analyse one article given as text (or as an unannotated :class:`Document`).

        Raises:
            InputError: when the article is over ``config.max_chars`` characters.
            TypeError: when *text* is neither a ``str`` nor a :class:`Document`,
                or is a document given with *headline*, *byline*, *published*
                or *id* (it has its own: change them with :meth:`Document.create`).
        """
        if isinstance(text, Document):
            _no_fields_with_a_document(
                headline=headline, byline=byline, published=published, id=id
            )
            doc = text
        else:
            doc = Document.create(
                text, headline=headline, byline=byline, published=published, id=id
            )
        return next(self._run_batch([self.prepare(doc)]))

    def pipe(
        self,
        docs: Iterable[str | Document],
        batch_size: int = 32,
        *,
        n_process: int = 1,
    ) -> Iterator[Document]:
        """Analyse many articles, yielding results in input order.

        Strings are taken as bodies. The annotator sees *batch_size* documents at
        a time (stanza processes a batch in one call). An article that
        :meth:`prepare` refuses (over ``config.max_chars``) does not stop the
        others: it is yielded in its place, unannotated, with an ``error``
        diagnostic saying why.

        With *n_process* above 1 the batches are analysed in that many worker
        processes (see :mod:`newslens.parallel`), and still yielded in input
        order, each as soon as it and those before it are done. *docs* is read
        lazily, at most ``2 * n_process`` batches ahead, so memory stays flat
        however many articles there are. Each worker builds its own pipeline
        once, as ``Pipeline(config=self.config)`` with the installed plugins;
        the documents it returns are bound to this pipeline's plugins for
        output. A pipeline built with its own *plugins* manager or *annotator*
        cannot be rebuilt in a worker: use ``n_process=1`` for it. As with any
        use of multiprocessing, a script calling this must guard its top
        level with ``if __name__ == "__main__":``.

        Args:
            docs: Articles: strings (bodies) or unannotated documents.
            batch_size: Documents annotated together (and sent to a worker together).
            n_process: Worker processes (1: analyse in this process).

        Raises:
            ValueError: for *n_process* or *batch_size* below 1, or *n_process* above
                1 on a pipeline that cannot be rebuilt in a worker.
            TypeError: when *docs* is one ``str`` or :class:`Document`, not an
                iterable of them; when an item of *docs* is neither a ``str`` nor a
                :class:`Document` (``None``, or a float NaN from a data frame's
                empty cell), naming its index; the articles before it have been
                yielded.
        """
        if isinstance(docs, str | Document):
            raise TypeError(
                f"pipe takes an iterable of articles, not one {type(docs).__name__}: analyse "
                "one article with pipeline(article), or pass [article]"
            )
        if n_process < 1 or batch_size < 1:
            raise ValueError(
                f"n_process and batch_size must be at least 1, got {n_process} and {batch_size}"
            )
        if n_process > 1:
            if not self._rebuildable:
                raise ValueError(
                    "this pipeline has its own plugin manager or annotator, which worker "
                    "processes cannot rebuild: use n_process=1"
                )
            items = (_as_document(d, index) for index, d in enumerate(docs))
            yield from _in_processes(self, items, n_process=n_process, batch_size=batch_size)
            return
        batch: list[Document] = []
        for index, item in enumerate(docs):
            doc = _as_document(item, index)
            try:
                batch.append(self.prepare(doc))
            except InputError as exc:
                yield from self._run_batch(batch)
                batch = []
                yield doc.with_diagnostic("newslens", "error", f"not analysed: {exc}")
                continue
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def prepare(self, item: str | Document) -> Document:
        """Check one input before annotation: type, size limit, default publication date.

        A document that was analysed already is taken back to its article (its
        text, parts and metadata) and analysed afresh, so that analysing it
        again gives what analysing it once gave, not its diagnostics twice.

        Raises:
            InputError: when the article is longer than ``config.max_chars``.
        """
        doc = _unannotated(item if isinstance(item, Document) else Document.create(item))
        if len(doc.text) > self.config.max_chars:
            raise InputError(
                f"article is {len(doc.text):,} characters long, over the limit of "
                f"{self.config.max_chars:,} (raise it with --max-chars, or "
                "Config(max_chars=...) in Python)",
                source=doc.source or doc.id,
            )
        if doc.published is None and self.config.published is not None:
            doc = attrs.evolve(doc, published=self.config.published)
        return doc

    def _run_batch(self, batch: list[Document]) -> Iterator[Document]:
        if not batch:
            return
        with collector_paused():
            done = [self._finish(doc) for doc in self.annotator.annotate_many(batch)]
        yield from done

    def _finish(self, doc: Document) -> Document:
        if self.diagnostics:
            doc = attrs.evolve(doc, diagnostics=(*self.diagnostics, *doc.diagnostics))
        return self.enrich(doc)

    def enrich(self, doc: Document) -> Document:
        """Run every enricher, in order, on an annotated document (see :func:`run_enrichers`).

        The result's :attr:`~newslens.Document.output` is bound to this
        pipeline's plugins, so it is written with their JSON sections and
        report blocks.
        """
        doc = run_enrichers(doc, self.enrichers, strict=self.config.strict,
                            provided=self.provided)
        return with_output(doc, self.plugins, strict=self.config.strict)


def _unannotated(doc: Document) -> Document:
    """Return *doc* as an article to analyse: without the annotations, enrichments,
    diagnostics and sections of an earlier analysis, if it had one (``backend`` set)."""
    if doc.backend is None and not doc.layers:
        return doc
    return Document(
        text=doc.text, parts=doc.parts, published=doc.published, id=doc.id,
        source=doc.source, url=doc.url, meta=doc.meta,
    )


def _check_settings(config: object, options: object) -> None:
    """Refuse a *config* that is no :class:`Config` and *options* that are no mapping."""
    if config is not None and not isinstance(config, Config):
        raise TypeError(
            f"config must be a newslens.Config, got {type(config).__name__} "
            "(for a backend name, pass backend=)"
        )
    if options is not None and not isinstance(options, Mapping):
        raise TypeError(
            f"options must be a mapping of 'plugin.option' names to values, "
            f"got {type(options).__name__}"
        )


def _no_fields_with_a_document(**fields: object) -> None:
    """Refuse article fields given beside a :class:`Document`, which would be ignored."""
    given = [name for name, value in fields.items() if value is not None]
    if given:
        raise TypeError(
            f"{', '.join(given)} cannot be given with a Document, which has its own: "
            "pass the text, or make the document with Document.create(...)"
        )


def _as_document(item: object, index: int) -> Document:
    """*item* of :meth:`Pipeline.pipe`'s input as a document: a str is the body."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document.create(item)
    hint = " (to read files, pass newslens.load(paths))" if isinstance(item, os.PathLike) else ""
    raise TypeError(
        f"item {index} of the articles to analyse is {type(item).__name__}, "
        f"not a str (a body) or a Document{hint}"
    )


# -- Pipeline.pipe(n_process=N): see newslens.parallel ---------------------------------

_in_worker: dict[str, Pipeline] = {}
"""A worker process's own pipeline, built once when it starts."""


def _setup_worker(config: Config) -> None:
    _in_worker["pipeline"] = Pipeline(config=config)


def _analyse_batch(batch: list[Document]) -> list[Document]:
    done = _in_worker["pipeline"].pipe(batch, batch_size=max(1, len(batch)))
    return [attrs.evolve(doc, output=None) for doc in done]  # its output is bound again


def _in_processes(
    pipeline: Pipeline, docs: Iterable[Document], *, n_process: int, batch_size: int
) -> Iterator[Document]:
    """Run ``pipeline.pipe(docs)`` in *n_process* workers; each worker builds
    ``Pipeline(config=pipeline.config)`` once."""
    from newslens.parallel import batched, ordered_map, preload_for

    results = ordered_map(
        _analyse_batch,
        batched(docs, batch_size),
        n_process=n_process,
        setup=_setup_worker,
        setup_args=(pipeline.config,),
        preload=preload_for(pipeline.annotator.name),
    )
    for batch in results:
        for doc in batch:
            yield with_output(doc, pipeline.plugins, strict=pipeline.config.strict)
