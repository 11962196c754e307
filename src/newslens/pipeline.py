"""Enrichers, their ordering, and the :class:`Pipeline` that runs them.

pluggy cannot order plugins relative to each other, so enrichers declare what
they ``requires`` and ``provides`` and the pipeline sorts them topologically,
breaking ties by name so that the order never depends on installation order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import heapq
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from newslens.config import Config
from newslens.enrichments import Key
from newslens.errors import EnricherError, InputError, PipelineError
from newslens.model import Diagnostic, Document

if TYPE_CHECKING:
    import pluggy

    from newslens.annotators import Annotator

Requirement = str | Key[Any]
"""An annotation layer name (see :mod:`newslens.layers`) or another enricher's :class:`Key`."""

EnrichFunction = Callable[[Document], Mapping[Key[Any], Any]]
"""What an enricher wraps: a function from a document to ``{key: value}``."""

DIAGNOSTICS: Key[tuple[Any, ...]] = Key(
    "newslens.diagnostics",
    tuple,
    doc="What an enricher wants the user to know: (level, message) pairs or Diagnostics.",
)
"""The one key every enricher may return without declaring it.

Its value is a tuple of ``(level, message)`` pairs (level ``"info"``,
``"warning"`` or ``"error"``) or :class:`~newslens.Diagnostic` objects. The
pipeline does not store it as an enrichment: it adds each item to the
document's :attr:`~newslens.Document.diagnostics`, in the name of the
enricher's plugin. Use it for what a user must see in every output format,
such as "no publication date: values left underspecified"::

    return {TIMEXES: found, DIAGNOSTICS: (("warning", "no creation time"),)}
"""


def _diagnostics(item: Enricher, value: object) -> tuple[Diagnostic, ...]:
    made = []
    for entry in DIAGNOSTICS.check(value):
        if isinstance(entry, Diagnostic):
            made.append(entry)
        elif (
            isinstance(entry, tuple) and len(entry) == 2 and all(isinstance(x, str) for x in entry)
        ):
            made.append(Diagnostic(item.plugin or item.name, entry[0], entry[1]))
        else:
            raise TypeError(
                f"newslens.diagnostics items must be (level, message) pairs or Diagnostics, "
                f"got {entry!r}"
            )
    return tuple(made)


def _requirements(values: Iterable[Requirement]) -> tuple[Requirement, ...]:
    items = tuple(values)
    for item in items:
        if not isinstance(item, str | Key):
            raise TypeError(f"a requirement must be a layer name or a Key, got {item!r}")
    return items


def _keys(values: Iterable[Key[Any]]) -> tuple[Key[Any], ...]:
    items = tuple(values)
    for item in items:
        if not isinstance(item, Key):
            raise TypeError(f"provides must list Key objects, got {item!r}")
    return items


def _req_name(req: Requirement) -> str:
    return req.name if isinstance(req, Key) else req


@attrs.frozen
class Enricher:
    """A step that reads a document and returns new enrichments.

    Usually made with the :func:`enricher` decorator.

    Attributes:
        name: Unique name, conventionally ``"<plugin>.<step>"``.
        func: ``func(doc) -> {key: value}``; must not return keys it does not provide.
        requires: Layers and keys that must be present; without them the
            pipeline cannot be built.
        provides: The keys ``func`` returns.
        optional: Layers and keys used when present; when another enricher
            provides one of these keys, it runs first.
        plugin: Name of the plugin that registered the enricher (set by the pipeline).
    """

    name: str
    func: EnrichFunction = attrs.field(repr=False)
    requires: tuple[Requirement, ...] = attrs.field(default=(), converter=_requirements)
    provides: tuple[Key[Any], ...] = attrs.field(default=(), converter=_keys)
    optional: tuple[Requirement, ...] = attrs.field(default=(), converter=_requirements)
    plugin: str | None = None

    def __call__(self, doc: Document) -> Mapping[Key[Any], Any]:
        return self.func(doc)


def enricher(
    *,
    name: str | None = None,
    requires: Iterable[Requirement] = (),
    provides: Iterable[Key[Any]] = (),
    optional: Iterable[Requirement] = (),
) -> Callable[[EnrichFunction], Enricher]:
    """Decorate a function ``f(doc) -> {key: value}`` to make it an :class:`Enricher`.

    ``name`` defaults to the function's module and name.
    """

    def wrap(func: EnrichFunction) -> Enricher:
        return Enricher(
            name=name or f"{func.__module__}.{func.__name__}",
            func=func,
            requires=tuple(requires),
            provides=tuple(provides),
            optional=tuple(optional),
        )

    return wrap


def order_enrichers(
    enrichers: Sequence[Enricher], layers: Iterable[str]
) -> tuple[Enricher, ...]:
    """Return *enrichers* in an order where each comes after what it requires.

    Ties are broken by enricher name.

    Raises:
        PipelineError: listing every clash (two enrichers with one name or one
            key), every unmet requirement, or a cycle.
    """
    available_layers = frozenset(layers)
    problems: list[str] = []
    by_name: dict[str, Enricher] = {}
    providers: dict[str, Enricher] = {}
    for item in enrichers:
        if item.name in by_name:
            problems.append(
                f"two enrichers are named {item.name!r} "
                f"(plugins {by_name[item.name].plugin!r} and {item.plugin!r})"
            )
            continue
        by_name[item.name] = item
        for key in item.provides:
            if key.name in providers:
                other = providers[key.name]
                problems.append(
                    f"key {key.name!r} is provided by both {other.name!r} "
                    f"(plugin {other.plugin!r}) and {item.name!r} (plugin {item.plugin!r})"
                )
            else:
                providers[key.name] = item
    after: dict[str, set[str]] = {name: set() for name in by_name}
    for item in by_name.values():
        missing = []
        for req in item.requires:
            if isinstance(req, Key):
                if req.name in providers:
                    after[item.name].add(providers[req.name].name)
                else:
                    missing.append(f"key {req.name!r}")
            elif req not in available_layers:
                missing.append(f"layer {req!r}")
        for req in item.optional:
            if isinstance(req, Key) and req.name in providers:
                after[item.name].add(providers[req.name].name)
        after[item.name].discard(item.name)
        if missing:
            problems.append(
                f"enricher {item.name!r} (plugin {item.plugin!r}) requires "
                f"{', '.join(missing)}, which nothing provides; "
                f"layers available: {', '.join(sorted(available_layers)) or 'none'}; "
                f"keys available: {', '.join(sorted(providers)) or 'none'}"
            )
    if problems:
        raise PipelineError("cannot build the pipeline:\n- " + "\n- ".join(problems))

    dependants: dict[str, list[str]] = {name: [] for name in by_name}
    waiting = {name: len(deps) for name, deps in after.items()}
    for name, deps in after.items():
        for dep in deps:
            dependants[dep].append(name)
    ready = [name for name, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order: list[Enricher] = []
    while ready:
        name = heapq.heappop(ready)
        order.append(by_name[name])
        for dependant in dependants[name]:
            waiting[dependant] -= 1
            if waiting[dependant] == 0:
                heapq.heappush(ready, dependant)
    if len(order) != len(by_name):
        stuck = sorted(name for name, count in waiting.items() if count)
        raise PipelineError(
            "cannot build the pipeline: the requirements of these enrichers form a cycle: "
            + ", ".join(stuck)
        )
    return tuple(order)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
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
    """An annotator and the installed enrichers, loaded once and reused.

    Args:
        backend: ``"auto"``, ``"lite"``, ``"stanza"`` or a plugin's backend name.
        strict: Re-raise an enricher's exception (as :class:`EnricherError`)
            instead of recording a diagnostic.
        download: Let the stanza backend download its models when they are
            missing (the only time newslens touches the network).
        config: Full settings; ``backend``, ``strict`` and ``download``
            override its fields when given.
        plugins: Plugin manager (default: :func:`newslens.plugins.get_plugin_manager`).
        annotator: Use this annotator instead of asking the plugins for one.

    Raises:
        PipelineError: when the enrichers cannot be ordered (see :func:`order_enrichers`).
        AnnotatorError: when the annotator cannot be built.
    """

    def __init__(
        self,
        backend: str | None = None,
        *,
        strict: bool | None = None,
        download: bool | None = None,
        config: Config | None = None,
        plugins: pluggy.PluginManager | None = None,
        annotator: Annotator | None = None,
    ) -> None:
        from newslens.plugins import collect_enrichers, get_plugin_manager, make_annotator

        config = config or Config()
        changes: dict[str, Any] = {}
        if backend is not None:
            changes["backend"] = backend
        if strict is not None:
            changes["strict"] = strict
        if download is not None:
            changes["download"] = download
        self.config: Config = attrs.evolve(config, **changes) if changes else config
        self.plugins: pluggy.PluginManager = plugins or get_plugin_manager()
        self.annotator: Annotator = annotator or make_annotator(self.plugins, self.config)
        self.enrichers: tuple[Enricher, ...] = order_enrichers(
            collect_enrichers(self.plugins), self.annotator.layers
        )
        self.provided: frozenset[str] = frozenset(
            key.name for item in self.enrichers for key in item.provides
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
        """
        if isinstance(text, Document):
            doc = text
        else:
            doc = Document.create(
                text, headline=headline, byline=byline, published=published, id=id
            )
        return next(self._run_batch([self.prepare(doc)]))

    def pipe(self, docs: Iterable[str | Document], batch_size: int = 32) -> Iterator[Document]:
        """Analyse many articles, yielding results in input order.

        Strings are taken as bodies. The annotator sees *batch_size* documents at
        a time (stanza processes a batch in one call). An article that
        :meth:`prepare` refuses (over ``config.max_chars``) does not stop the
        others: it is yielded in its place, unannotated, with an ``error``
        diagnostic saying why.
        """
        batch: list[Document] = []
        for item in docs:
            try:
                batch.append(self.prepare(item))
            except InputError as exc:
                yield from self._run_batch(batch)
                batch = []
                refused = item if isinstance(item, Document) else Document.create(item)
                yield refused.with_diagnostic("newslens", "error", f"not analysed: {exc}")
                continue
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def prepare(self, item: str | Document) -> Document:
        """Check one input before annotation: type, size limit, default publication date.

        Raises:
            InputError: when the article is longer than ``config.max_chars``.
        """
        doc = item if isinstance(item, Document) else Document.create(item)
        if len(doc.text) > self.config.max_chars:
            raise InputError(
                f"article is {len(doc.text):,} characters long, over the limit of "
                f"{self.config.max_chars:,} (raise it with max_chars / --max-chars)",
                source=doc.source or doc.id,
            )
        if doc.published is None and self.config.published is not None:
            doc = attrs.evolve(doc, published=self.config.published)
        return doc

    def _run_batch(self, batch: list[Document]) -> Iterator[Document]:
        if not batch:
            return
        with _collector_paused():
            done = [self._finish(doc) for doc in self.annotator.annotate_many(batch)]
        yield from done

    def _finish(self, doc: Document) -> Document:
        if self.annotator.diagnostics:
            doc = attrs.evolve(doc, diagnostics=(*self.annotator.diagnostics, *doc.diagnostics))
        return self.enrich(doc)

    def enrich(self, doc: Document) -> Document:
        """Run every enricher, in order, on an annotated document.

        An enricher that raises becomes an ``error`` diagnostic; those that
        require its keys are skipped with a ``warning``; all other results are kept.
        """
        doc = attrs.evolve(doc, enrichments=doc.enrichments.with_provided(self.provided))
        failed: dict[str, str] = {}
        for item in self.enrichers:
            blocked = [
                req.name
                for req in item.requires
                if isinstance(req, Key) and req.name in failed
            ]
            if blocked:
                reason = "; ".join(f"{name} ({failed[name]})" for name in blocked)
                doc = doc.with_diagnostic(
                    item.plugin or item.name,
                    "warning",
                    f"enricher {item.name!r} skipped: it requires {reason}",
                )
                failed.update({key.name: f"not computed: {item.name} was skipped"
                               for key in item.provides})
                continue
            try:
                result = dict(item(doc))
                notes = _diagnostics(item, result.pop(DIAGNOSTICS, ()))
                undeclared = [key for key in result if key not in item.provides]
                if undeclared:
                    raise PipelineError(
                        f"enricher {item.name!r} returned undeclared keys: "
                        + ", ".join(getattr(k, "name", repr(k)) for k in undeclared)
                    )
                enrichments = doc.enrichments.with_values(result)
            except Exception as exc:
                if self.config.strict:
                    raise EnricherError(
                        f"enricher {item.name!r} (plugin {item.plugin!r}) failed: "
                        f"{type(exc).__name__}: {exc}"
                    ) from exc
                doc = doc.with_diagnostic(
                    item.plugin or item.name,
                    "error",
                    f"enricher {item.name!r} failed: {type(exc).__name__}: {exc}",
                    type(exc).__name__,
                )
                failed.update({key.name: f"{item.name} failed" for key in item.provides})
                continue
            for key in item.provides:
                if key not in result:
                    failed[key.name] = f"{item.name} did not return it"
            doc = attrs.evolve(
                doc, enrichments=enrichments, diagnostics=(*doc.diagnostics, *notes)
            )
        return doc
