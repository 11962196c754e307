"""The plugin host: loading, checking, calling and listing plugins, each fault kept apart.

Plugins are found through the ``newslens`` entry-point group::

    [project.entry-points.newslens]
    sentiment = "newslens_sentiment"

A plugin that cannot be imported, that pluggy refuses, or that implements a
hook newslens does not have is *not* registered: it is recorded as a
:class:`PluginFailure` (``newslens plugins`` lists it with the reason, and
every document a pipeline processes carries one ``error`` diagnostic about
it), and every other plugin runs. With ``strict=True`` each of these is a
:class:`PluginError` instead.

Every hook is called through pluggy's hook callers, so ``wrapper=True``
implementations and pluggy's tracing apply. Hooks whose every implementation
contributes something (options, enrichers, JSON sections, report blocks,
output formats) are called one plugin at a time (:func:`call_each`), so that
one plugin raising loses only its own contribution.

Environment variables:

``NEWSLENS_BLOCK_PLUGINS``
    Comma-separated plugin names (entry-point names) not to load.
``NEWSLENS_DISABLE_PLUGIN_AUTOLOAD``
    When set to a non-empty value, no entry-point plugin is loaded.
``NEWSLENS_TRACE``
    When set to a non-empty value, every hook call is written to standard error.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs
import pluggy

from newslens import hookspecs
from newslens.blocks import Block
from newslens.errors import NewslensError, UnknownBackendError
from newslens.model import CORE_FIELDS, Diagnostic, Document, Output
from newslens.options import Option

if TYPE_CHECKING:
    from newslens.annotators import Annotator
    from newslens.config import Config
    from newslens.enrichers import Enricher
    from newslens.options import Options

PROJECT: Final = "newslens"
"""The pluggy project name and the entry-point group plugins register under."""

HOOK_PREFIX: Final = "newslens_"
"""Functions of a plugin whose names start with this are hook implementations."""

BLOCK_ENV: Final = "NEWSLENS_BLOCK_PLUGINS"
AUTOLOAD_ENV: Final = "NEWSLENS_DISABLE_PLUGIN_AUTOLOAD"
TRACE_ENV: Final = "NEWSLENS_TRACE"

BUILTIN_PLUGINS: Final = ("newslens.builtins",)
"""Modules registered before any entry-point plugin."""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marker for hook implementations: ``@hookimpl`` above a ``newslens_*`` function."""

_default: PluginManager | None = None


class PluginError(NewslensError):
    """A plugin failed to load, register or contribute, under ``strict=True``.

    Without ``strict`` the same fault is recorded as a :class:`PluginFailure`
    and only that plugin's contribution is lost.
    """


@attrs.frozen
class PluginFailure:
    """A plugin, or one of its contributions, that could not be used.

    Attributes:
        plugin: The plugin's name (its entry-point name when installed).
        stage: Where it failed: ``"load"`` (import or entry point), ``"register"``
            (pluggy refused it), ``"hooks"`` (it implements an unknown hook),
            ``"options"``, ``"enrichers"``, ``"formats"``, ``"json"`` or ``"report"``.
        message: What went wrong, in a sentence.
        distribution: The distribution that installed the plugin, if known.
        version: That distribution's version, if known.
    """

    plugin: str
    stage: str
    message: str
    distribution: str | None = None
    version: str | None = None

    def diagnostic(self) -> Diagnostic:
        """This failure as an ``error`` diagnostic in the plugin's name."""
        return Diagnostic(self.plugin, "error", f"plugin {self.plugin!r}: {self.message}")


class PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager with what newslens adds: the failures met while loading,
    the distribution of each installed plugin, and hook implementations found by
    their ``newslens_`` prefix.

    Build one with :func:`new_plugin_manager`.
    """

    def __init__(self, strict: bool = False) -> None:
        super().__init__(PROJECT)
        self.strict = strict
        """Whether a failing plugin raises :class:`PluginError` instead of being recorded."""
        self.failures: list[PluginFailure] = []
        """Plugins that could not be loaded or registered, in the order met."""
        self.distributions: dict[str, tuple[str, str]] = {}
        """``(distribution, version)`` of each plugin loaded from an entry point."""

    def parse_hookimpl_opts(self, plugin: object, name: str) -> Any:
        """Take every ``newslens_*`` routine of a plugin as a hook implementation,
        marked or not, so that a misspelt hook name is caught rather than ignored."""
        opts = super().parse_hookimpl_opts(plugin, name)
        routine = inspect.isroutine(getattr(plugin, name, None))
        if opts is None and name.startswith(HOOK_PREFIX) and routine:
            return {}
        return opts

    def fail(self, failure: PluginFailure) -> None:
        """Record *failure*, or raise it as :class:`PluginError` when :attr:`strict`."""
        if self.strict:
            raise PluginError(failure.diagnostic().message)
        self.failures.append(failure)


def blocked_plugins(environ: Mapping[str, str] | None = None) -> frozenset[str]:
    """Return the plugin names listed in ``NEWSLENS_BLOCK_PLUGINS``."""
    value = (environ if environ is not None else os.environ).get(BLOCK_ENV, "")
    return frozenset(name.strip() for name in value.split(",") if name.strip())


def _describe_exception(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _register(pm: PluginManager, plugin: object, name: str | None) -> None:
    label = name or getattr(plugin, "__name__", None) or repr(plugin)
    dist = pm.distributions.get(label, (None, None))
    try:
        pm.register(plugin, name=name)
    except Exception as exc:
        if pm.is_registered(plugin):
            pm.unregister(plugin)
        pm.fail(PluginFailure(label, "register", f"cannot be registered: "
                              f"{_describe_exception(exc)}", *dist))


def _load_entry_points(pm: PluginManager) -> None:
    from importlib.metadata import entry_points

    seen: set[str] = set()
    for ep in sorted(entry_points(group=PROJECT), key=lambda item: item.name):
        if ep.name in seen or pm.is_blocked(ep.name) or pm.has_plugin(ep.name):
            continue
        seen.add(ep.name)
        dist = getattr(ep, "dist", None)
        where = (dist.metadata["name"], dist.version) if dist is not None else None
        if where is not None:
            pm.distributions[ep.name] = where
        try:
            plugin = ep.load()
        except Exception as exc:  # an import error, or an entry point naming nothing
            pm.fail(
                PluginFailure(
                    ep.name,
                    "load",
                    f"cannot be loaded from {ep.value!r}: {_describe_exception(exc)}",
                    *(where or (None, None)),
                )
            )
            continue
        _register(pm, plugin, ep.name)


def _unknown_hooks(pm: pluggy.PluginManager, plugin: object) -> list[str]:
    return sorted(
        impl.function.__name__
        for caller in pm.get_hookcallers(plugin) or ()
        if not caller.has_spec()
        for impl in caller.get_hookimpls()
        if impl.plugin is plugin and not impl.optionalhook
    )


def check_hooks(pm: PluginManager) -> None:
    """Unregister (and record) every plugin that implements a hook newslens does not have.

    pluggy's ``check_pending`` finds them; the message names the plugin, the
    function, and the closest hook names.
    """
    while True:
        try:
            pm.check_pending()
            return
        except pluggy.PluginValidationError as exc:
            plugin = exc.plugin
            name = plugin_name(pm, plugin)
            names = _unknown_hooks(pm, plugin)
            known = [
                n for n in dir(pm.hook)
                if n.startswith(HOOK_PREFIX) and getattr(pm.hook, n).has_spec()
            ]
            hints = []
            for hook in names:
                close = difflib.get_close_matches(hook, known, n=1)
                hints.append(f"{hook!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
            pm.unregister(plugin)
            pm.fail(
                PluginFailure(
                    name,
                    "hooks",
                    "implements " + ", ".join(hints) + ", which is not a newslens hook; "
                    "the plugin was not registered",
                    *pm.distributions.get(name, (None, None)),
                )
            )


def new_plugin_manager(
    *,
    entry_points: bool | None = None,
    block: Iterable[str] = (),
    plugins: Iterable[object] = (),
    strict: bool = False,
) -> PluginManager:
    """Make a fresh plugin manager with the built-ins registered.

    Args:
        entry_points: Load plugins from the ``newslens`` entry-point group
            (default: yes, unless ``NEWSLENS_DISABLE_PLUGIN_AUTOLOAD`` is set).
        block: Plugin names not to load, in addition to ``NEWSLENS_BLOCK_PLUGINS``.
        plugins: Extra plugin objects (modules or instances) to register last.
        strict: Raise :class:`PluginError` for a plugin that cannot be loaded or
            registered, instead of recording it in :attr:`PluginManager.failures`.
    """
    pm = PluginManager(strict=strict)
    pm.add_hookspecs(hookspecs)
    if os.environ.get(TRACE_ENV):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    # Historic first: each plugin's newslens_add_hookspecs then runs as it registers,
    # so a plugin whose implementation raises fails alone.
    pm.hook.newslens_add_hookspecs.call_historic(kwargs={"pluginmanager": pm})
    for name in (*blocked_plugins(), *block):
        pm.set_blocked(name)
    for module_name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(module_name), name=module_name)
    if entry_points is None:
        entry_points = not os.environ.get(AUTOLOAD_ENV)
    if entry_points:
        _load_entry_points(pm)
    for plugin in plugins:
        _register(pm, plugin, None)
    check_hooks(pm)
    return pm


def get_plugin_manager() -> PluginManager:
    """Return the process-wide plugin manager, made on first use."""
    global _default
    if _default is None:
        _default = new_plugin_manager()
    return _default


def plugin_name(pm: pluggy.PluginManager, plugin: object) -> str:
    """Return the name *plugin* is registered under."""
    return pm.get_name(plugin) or repr(plugin)


def load_failures(pm: pluggy.PluginManager) -> tuple[PluginFailure, ...]:
    """The plugins *pm* could not load or register (none for a plain pluggy manager)."""
    return tuple(getattr(pm, "failures", ()))


# -- calling hooks one plugin at a time ---------------------------------------------


@attrs.frozen
class Answer:
    """What one plugin's implementation of a hook returned, or the exception it raised."""

    plugin: str
    value: Any = None
    error: BaseException | None = None


def call_each(pm: pluggy.PluginManager, hook: str, **kwargs: Any) -> Iterator[Answer]:
    """Call each plugin's implementation of *hook* in turn, through pluggy.

    Each call goes through a subset of the hook caller that holds one plugin's
    implementation and every ``wrapper`` implementation, so wrappers and
    tracing apply, while an exception is caught and reported for that plugin
    alone. Plugins are visited in pluggy's order (last registered first).
    """
    caller = getattr(pm.hook, hook)
    impls = [i for i in caller.get_hookimpls() if not (i.hookwrapper or i.wrapper)]
    owners = [impl.plugin for impl in impls]
    for impl in reversed(impls):
        others = [plugin for plugin in owners if plugin is not impl.plugin]
        one = pm.subset_hook_caller(hook, others) if others else caller
        try:
            results = one(**kwargs)
        except Exception as exc:
            yield Answer(impl.plugin_name, error=exc)
            continue
        yield Answer(impl.plugin_name, results[0] if results else None)


def failure_of(pm: pluggy.PluginManager, name: str, stage: str, message: str) -> PluginFailure:
    """A :class:`PluginFailure` of plugin *name*, with its distribution when *pm* knows it."""
    dist = getattr(pm, "distributions", {}).get(name, (None, None))
    return PluginFailure(name, stage, message, *dist)


def raised(pm: pluggy.PluginManager, answer: Answer, stage: str, hook: str) -> PluginFailure:
    """The failure of a plugin whose implementation of *hook* raised (see :func:`call_each`)."""
    assert answer.error is not None
    return failure_of(
        pm, answer.plugin, stage, f"{hook} raised {_describe_exception(answer.error)}"
    )


@attrs.frozen
class Collected:
    """What the plugins contributed through one hook, and the plugins that failed to."""

    items: tuple[Any, ...]
    failures: tuple[PluginFailure, ...]


def collect_options(pm: pluggy.PluginManager) -> Collected:
    """Ask every plugin for its options (``newslens_options``).

    Each :class:`~newslens.Option` is stamped with its plugin's name. Plugins
    are asked in registration order; one that raises, returns something other
    than options, or declares a name already declared loses all its options,
    with a failure.
    """
    options: dict[str, Option] = {}
    failures: list[PluginFailure] = []
    for answer in reversed(list(call_each(pm, "newslens_options"))):  # registration order
        if answer.error is not None:
            failures.append(raised(pm, answer, "options", "newslens_options"))
            continue
        mine: list[Option] = []
        problem = None
        for item in answer.value or ():
            if not isinstance(item, Option):
                problem = f"newslens_options returned {item!r}, which is not a newslens.Option"
            elif item.name in options or any(o.name == item.name for o in mine):
                owner = options[item.name].plugin if item.name in options else answer.plugin
                problem = f"option {item.name!r} is already declared by plugin {owner!r}"
            else:
                mine.append(attrs.evolve(item, plugin=answer.plugin))
        if problem is not None:
            failures.append(failure_of(pm, answer.plugin, "options", problem + "; its options "
                                     "are ignored"))
            continue
        options.update((option.name, option) for option in mine)
    return Collected(tuple(options.values()), tuple(failures))


def collect_enrichers(pm: pluggy.PluginManager, options: Options | None = None) -> Collected:
    """Call ``newslens_register_enrichers`` on every plugin and gather what they register.

    Each enricher is stamped with the name of the plugin that registered it. A
    plugin whose implementation raises, or registers something that is not an
    :class:`~newslens.Enricher`, loses all its enrichers, with a failure.

    Raises:
        OptionError: raised by a plugin about one of its option values: the
            user's mistake, not the plugin's, reported as such.

    Args:
        pm: The plugin manager.
        options: The checked option values (default: every option's default).
    """
    from newslens.enrichers import Enricher
    from newslens.options import OptionError, Options

    if options is None:
        options = Options.resolve(collect_options(pm).items)
    collected: list[Enricher] = []
    failures: list[PluginFailure] = []
    registered: list[Any] = []

    def register(item: Any) -> None:
        registered.append(item)

    for answer in call_each(
        pm, "newslens_register_enrichers", register=register, pluginmanager=pm, options=options
    ):
        mine, registered[:] = list(registered), []
        if isinstance(answer.error, OptionError):
            raise answer.error
        if answer.error is not None:
            failures.append(raised(pm, answer, "enrichers", "newslens_register_enrichers"))
            continue
        wrong = [item for item in mine if not isinstance(item, Enricher)]
        if wrong:
            failures.append(failure_of(pm, answer.plugin, "enrichers",
                                     f"registered {wrong[0]!r}, which is not a newslens.Enricher"))
            continue
        collected.extend(attrs.evolve(item, plugin=item.plugin or answer.plugin) for item in mine)
    return Collected(tuple(collected), tuple(failures))


def make_annotator(pm: pluggy.PluginManager, config: Config) -> Annotator:
    """Ask the plugins for the annotator named by ``config.backend``.

    Raises:
        UnknownBackendError: when no plugin answers for that backend.
        AnnotatorError: when the backend cannot start.
    """
    annotator = pm.hook.newslens_make_annotator(config=config)
    if annotator is None:
        raise UnknownBackendError(
            f"unknown backend {config.backend!r}: choose auto, lite or stanza "
            "(or install the plugin that provides it)"
        )
    return annotator  # type: ignore[no-any-return]


# -- output: JSON sections and report blocks ----------------------------------------


def _refuse(
    problems: list[Diagnostic], pm: pluggy.PluginManager, plugin: str, stage: str, message: str,
    *, strict: bool,
) -> None:
    """Record a plugin's lost output as an ``error`` diagnostic, or raise it under *strict*."""
    diagnostic = failure_of(pm, plugin, stage, message).diagnostic()
    if strict:
        raise PluginError(diagnostic.message)
    problems.append(diagnostic)


def render_sections(
    pm: pluggy.PluginManager, doc: Document, *, strict: bool = False
) -> tuple[dict[str, Any], tuple[Diagnostic, ...]]:
    """Ask every plugin for its JSON sections of *doc* (``newslens_json_section``).

    Returns:
        ``(sections, diagnostics)``: the sections by name, and an ``error``
        diagnostic for each plugin that raised, returned something other than a
        mapping, or used a core field's or another plugin's section name (those
        sections are left out; everything else is kept).

    Raises:
        PluginError: under *strict*, instead of a diagnostic.
    """
    sections: dict[str, Any] = {}
    owners: dict[str, str] = {}
    problems: list[Diagnostic] = []

    def refuse(plugin: str, message: str) -> None:
        _refuse(problems, pm, plugin, "json", message, strict=strict)

    for answer in sorted(call_each(pm, "newslens_json_section", doc=doc), key=lambda a: a.plugin):
        if answer.error is not None:
            refuse(answer.plugin, f"newslens_json_section raised "
                   f"{_describe_exception(answer.error)}; its sections are missing")
            continue
        if answer.value is None:
            continue
        if not isinstance(answer.value, Mapping):
            refuse(answer.plugin, f"newslens_json_section returned a "
                   f"{type(answer.value).__name__}, not a mapping; left out")
            continue
        for name, value in answer.value.items():
            if name in CORE_FIELDS:
                refuse(answer.plugin, f"returned the core JSON field {name!r}; left out")
            elif name in owners:
                refuse(answer.plugin, f"returned the section {name!r}, which plugin "
                       f"{owners[name]!r} already returned; left out")
            else:
                owners[name] = answer.plugin
                sections[name] = value
    return sections, tuple(problems)


def render_blocks(
    pm: pluggy.PluginManager, doc: Document, *, strict: bool = False
) -> tuple[tuple[Block, ...], tuple[Diagnostic, ...]]:
    """Ask every plugin for its report blocks of *doc* (``newslens_report_blocks``).

    Returns:
        ``(blocks, diagnostics)``: the blocks in plugin-name order, each stamped
        with its plugin, and an ``error`` diagnostic for each plugin that raised
        or returned something other than blocks (its blocks are left out).

    Raises:
        PluginError: under *strict*, instead of a diagnostic.
    """
    blocks: list[Block] = []
    problems: list[Diagnostic] = []
    for answer in sorted(call_each(pm, "newslens_report_blocks", doc=doc), key=lambda a: a.plugin):
        message = None
        items: list[Any] = []
        if answer.error is not None:
            message = (f"newslens_report_blocks raised {_describe_exception(answer.error)}; "
                       "its part of the report is missing")
        else:
            items = list(answer.value or ())
            wrong = [item for item in items if not isinstance(item, Block)]
            if wrong:
                message = f"newslens_report_blocks returned {wrong[0]!r}, not a Block; left out"
        if message is not None:
            _refuse(problems, pm, answer.plugin, "report", message, strict=strict)
            continue
        blocks.extend(attrs.evolve(block, plugin=block.plugin or answer.plugin) for block in items)
    return tuple(blocks), tuple(problems)


def with_output(
    doc: Document, pm: pluggy.PluginManager | None = None, *, strict: bool = False
) -> Document:
    """Return *doc* with its output (JSON sections, report blocks) bound to the plugins of *pm*.

    A :class:`~newslens.Pipeline` does this for every document it produces; use
    it for a document enriched by other means. The output is worked out on
    first read (see :class:`~newslens.model.Output`).
    """
    plugins = pm or get_plugin_manager()
    return attrs.evolve(
        doc,
        output=Output(
            lambda: render_sections(plugins, doc, strict=strict),
            lambda: render_blocks(plugins, doc, strict=strict),
        ),
    )


# -- listing -------------------------------------------------------------------------


@attrs.frozen
class PluginInfo:
    """What ``newslens plugins`` shows about one plugin.

    Attributes:
        name: Registered name (the entry-point name for installed plugins).
        version: Version of the distribution that installed it, if any.
        distribution: Name of that distribution, if any.
        enrichers: The enrichers it registers.
        options: The options it declares.
        failures: What went wrong with it (empty for a working plugin).
    """

    name: str
    version: str | None
    distribution: str | None
    enrichers: tuple[Enricher, ...]
    options: tuple[Option, ...] = ()
    failures: tuple[PluginFailure, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the plugin loaded and contributed without a failure."""
        return not self.failures


def list_plugins(pm: pluggy.PluginManager | None = None) -> list[PluginInfo]:
    """Describe every plugin: those registered (built-ins first), then those that failed."""
    pm = pm or get_plugin_manager()
    options = collect_options(pm)
    from newslens.options import Options

    enrichers = collect_enrichers(pm, Options.resolve(options.items))
    failures = [*load_failures(pm), *options.failures, *enrichers.failures]
    dists = getattr(pm, "distributions", {})
    infos: list[PluginInfo] = []
    names = [name for name, _ in pm.list_name_plugin() if name is not None]
    for name in (*names, *(f.plugin for f in failures if f.plugin not in names)):
        if any(info.name == name for info in infos):
            continue
        dist = dists.get(name) or next(
            ((f.distribution, f.version) for f in failures if f.plugin == name), (None, None)
        )
        infos.append(
            PluginInfo(
                name=name,
                version=dist[1],
                distribution=dist[0],
                enrichers=tuple(e for e in enrichers.items if e.plugin == name),
                options=tuple(o for o in options.items if o.plugin == name),
                failures=tuple(f for f in failures if f.plugin == name),
            )
        )
    return infos

