"""Enrichers: what they declare, the order they run in, and the engine that runs them.

pluggy cannot order plugins relative to each other, so enrichers declare what
they ``requires`` and ``provides`` and :func:`plan_enrichers` sorts them
topologically, breaking ties by name so that the order never depends on
installation order. :func:`run_enrichers` is the one engine that runs them:
:class:`~newslens.Pipeline` and :mod:`newslens.testing` both use it.

This module sits just above the model: it imports nothing of the plugin host,
the pipeline or the I/O layer.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from newslens.enrichments import Key
from newslens.errors import EnricherError, PipelineError
from newslens.model import Diagnostic, Document

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


@attrs.frozen
class Plan:
    """The enrichers a pipeline runs, in order, and those it cannot run, with the reason.

    Attributes:
        order: Enrichers in an order where each comes after what it requires.
        disabled: ``(enricher, reason)`` for each enricher left out: a requirement
            nothing meets, a name or key another enricher has already taken, a
            cycle, or a requirement on an enricher that is itself left out.
    """

    order: tuple[Enricher, ...]
    disabled: tuple[tuple[Enricher, str], ...] = ()

    def require_all(self, layers: Iterable[str]) -> None:
        """Raise unless every enricher can run (the ``strict`` form of a plan).

        Raises:
            PipelineError: listing every enricher left out and why, and the *layers*
                the annotator fills.
        """
        if self.disabled:
            raise PipelineError(
                "cannot build the pipeline:\n- "
                + "\n- ".join(reason for _, reason in self.disabled)
                + f"\nlayers available: {', '.join(sorted(layers)) or 'none'}"
            )


def _take_names(
    enrichers: Sequence[Enricher],
) -> tuple[dict[str, Enricher], dict[str, Enricher], list[tuple[Enricher, str]]]:
    """Index enrichers by name and provided key; a later clash is refused with its reason."""
    by_name: dict[str, Enricher] = {}
    providers: dict[str, Enricher] = {}
    refused: list[tuple[Enricher, str]] = []
    for item in enrichers:
        if item.name in by_name:
            refused.append((item, f"two enrichers are named {item.name!r} (plugins "
                                  f"{by_name[item.name].plugin!r} and {item.plugin!r})"))
            continue
        clash = next((key for key in item.provides if key.name in providers), None)
        if clash is not None:
            other = providers[clash.name]
            refused.append((item, f"key {clash.name!r} is provided by both {other.name!r} "
                                  f"(plugin {other.plugin!r}) and {item.name!r} "
                                  f"(plugin {item.plugin!r})"))
            continue
        by_name[item.name] = item
        providers.update((key.name, item) for key in item.provides)
    return by_name, providers, refused


def _layer_hint(layer: str, backend: str | None) -> str:
    from newslens import layers as layer_names

    filled = f"the {backend} backend" if backend else "the annotator"
    hint = f"{filled} does not fill the layer {layer!r}"
    if layer in layer_names.ALL - {layer_names.PARAGRAPHS, layer_names.SENTENCES,
                                    layer_names.TOKENS, layer_names.ENTITIES}:
        hint += (" (the stanza backend does: --backend stanza, after "
                 "'newslens models download')")
    return hint


def _unmet(
    item: Enricher,
    layers: frozenset[str],
    providers: Mapping[str, Enricher],
    running: Mapping[str, Enricher],
    backend: str | None,
) -> str | None:
    """Why *item* cannot run (every unmet requirement), or ``None``."""
    reasons = []
    for req in item.requires:
        if not isinstance(req, Key):
            if req not in layers:
                reasons.append(f"it requires the layer {req!r}, but " + _layer_hint(req, backend))
            continue
        provider = providers.get(req.name)
        if provider is None:
            reasons.append(
                f"it requires the key {req.name!r}, which no installed plugin provides "
                f"(keys available: {', '.join(sorted(providers)) or 'none'})"
            )
        elif running.get(provider.name) is not provider:
            reasons.append(
                f"it requires the key {req.name!r} of {provider.name!r}, which cannot run"
            )
    return "; ".join(reasons) or None


def _sort(
    by_name: Mapping[str, Enricher], providers: Mapping[str, Enricher]
) -> tuple[list[Enricher], list[str]]:
    """Topological order (ties by name) and the names left in a cycle."""
    after: dict[str, set[str]] = {}
    for name, item in by_name.items():
        deps = {
            providers[req.name].name
            for req in (*item.requires, *item.optional)
            if isinstance(req, Key) and req.name in providers
            and providers[req.name].name in by_name
        }
        deps.discard(name)
        after[name] = deps
    dependants: dict[str, list[str]] = {name: [] for name in by_name}
    for name, deps in after.items():
        for dep in deps:
            dependants[dep].append(name)
    waiting = {name: len(deps) for name, deps in after.items()}
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
    return order, sorted(name for name, count in waiting.items() if count)


def plan_enrichers(
    enrichers: Sequence[Enricher], layers: Iterable[str], *, backend: str | None = None
) -> Plan:
    """Order *enrichers* after what they require, and leave out those that cannot run.

    An enricher is left out (with the reason in :attr:`Plan.disabled`) when a
    layer it requires is not filled by the annotator, no enricher provides a
    key it requires, its name or one of its keys is already taken by an
    earlier enricher, its requirements form a cycle, or it requires a key of
    an enricher that is left out. Ties are broken by enricher name, so the
    order never depends on installation order.

    Args:
        enrichers: The candidates, in plugin order.
        layers: The layers the annotator fills.
        backend: The annotator's name, for the reasons' wording.
    """
    available = frozenset(layers)
    by_name, providers, disabled = _take_names(enrichers)
    changed = True
    while changed:  # a left-out enricher takes its dependants with it
        changed = False
        for name, item in list(by_name.items()):
            reason = _unmet(item, available, providers, by_name, backend)
            if reason is not None:
                disabled.append((item, f"enricher {name!r} (plugin {item.plugin!r}) "
                                       f"cannot run: {reason}"))
                del by_name[name]
                changed = True
    order, cycle = _sort(by_name, providers)
    disabled.extend(
        (by_name[name], f"enricher {name!r} cannot run: the requirements of "
                        f"{', '.join(cycle)} form a cycle")
        for name in cycle
    )
    return Plan(tuple(order), tuple(disabled))


def order_enrichers(
    enrichers: Sequence[Enricher], layers: Iterable[str]
) -> tuple[Enricher, ...]:
    """Return *enrichers* in an order where each comes after what it requires.

    The strict form of :func:`plan_enrichers`: every enricher must be able to run.

    Raises:
        PipelineError: listing every clash (two enrichers with one name or one
            key), every unmet requirement, or a cycle.
    """
    layers = frozenset(layers)
    plan = plan_enrichers(enrichers, layers)
    plan.require_all(layers)
    return plan.order


def run_enrichers(
    doc: Document,
    enrichers: Sequence[Enricher],
    *,
    strict: bool = False,
    provided: frozenset[str] | None = None,
) -> Document:
    """Run *enrichers*, in the order given, on an annotated document: the one enrichment engine.

    :meth:`Pipeline.enrich` and :mod:`newslens.testing` both run enrichers
    through this function. Each result is checked (declared keys only, each
    value of its key's type) and stored; ``newslens.diagnostics`` items are
    added to the document's diagnostics, never stored as an enrichment. An
    enricher that raises becomes an ``error`` diagnostic; those that require
    its keys are skipped with a ``warning``; all other results are kept.

    Args:
        doc: The annotated document.
        enrichers: The enrichers, already ordered (see :func:`plan_enrichers`).
        strict: Raise :class:`EnricherError` instead of recording a failure.
        provided: The key names the caller's enrichers could provide, recorded on the
            store so that a missing key can say why (default: those of *enrichers*).

    Raises:
        EnricherError: under *strict*, when an enricher raises or breaks its contract.
    """
    if provided is None:
        provided = frozenset(key.name for item in enrichers for key in item.provides)
    doc = attrs.evolve(doc, enrichments=doc.enrichments.with_provided(provided))
    failed: dict[str, str] = {}
    for item in enrichers:
        blocked = [req.name for req in item.requires if isinstance(req, Key) and req.name in failed]
        if blocked:
            reason = "; ".join(f"{name} ({failed[name]})" for name in blocked)
            doc = doc.with_diagnostic(
                item.plugin or item.name, "warning",
                f"enricher {item.name!r} skipped: it requires {reason}",
            )
            failed.update({key.name: f"not computed: {item.name} was skipped"
                           for key in item.provides})
            continue
        try:
            result, notes = _checked_result(item, doc)
            enrichments = doc.enrichments.with_values(result)
        except Exception as exc:
            if strict:
                raise EnricherError(
                    f"enricher {item.name!r} (plugin {item.plugin!r}) failed: "
                    f"{type(exc).__name__}: {exc}",
                    enricher=item.name,
                ) from exc
            doc = doc.with_diagnostic(
                item.plugin or item.name, "error",
                f"enricher {item.name!r} failed: {type(exc).__name__}: {exc}",
                type(exc).__name__,
            )
            failed.update({key.name: f"{item.name} failed" for key in item.provides})
            continue
        failed.update({key.name: f"{item.name} did not return it"
                       for key in item.provides if key not in result})
        doc = attrs.evolve(doc, enrichments=enrichments, diagnostics=(*doc.diagnostics, *notes))
    return doc


def _checked_result(
    item: Enricher, doc: Document
) -> tuple[dict[Key[Any], Any], tuple[Diagnostic, ...]]:
    result = item(doc)
    if not isinstance(result, Mapping):
        raise TypeError(f"enricher {item.name!r} returned {type(result).__name__}, not a mapping")
    values = dict(result)
    notes = _diagnostics(item, values.pop(DIAGNOSTICS, ()))
    undeclared = [key for key in values if key not in item.provides]
    if undeclared:
        raise PipelineError(
            f"enricher {item.name!r} returned undeclared keys: "
            + ", ".join(getattr(k, "name", repr(k)) for k in undeclared)
        )
    return values, notes


