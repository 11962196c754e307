"""The plugin manager: built-ins, entry points, blocking, tracing and listing.

Plugins are found through the ``newslens`` entry-point group::

    [project.entry-points.newslens]
    sentiment = "newslens_sentiment"

Environment variables:

``NEWSLENS_BLOCK_PLUGINS``
    Comma-separated plugin names (entry-point names) not to load.
``NEWSLENS_DISABLE_PLUGIN_AUTOLOAD``
    When set to a non-empty value, no entry-point plugin is loaded.
``NEWSLENS_TRACE``
    When set to a non-empty value, every hook call is written to standard error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs
import pluggy

from newslens import hookspecs
from newslens.errors import AnnotatorError

if TYPE_CHECKING:
    from newslens.annotators import Annotator
    from newslens.config import Config
    from newslens.pipeline import Enricher

PROJECT: Final = "newslens"
"""The pluggy project name and the entry-point group plugins register under."""

BLOCK_ENV: Final = "NEWSLENS_BLOCK_PLUGINS"
AUTOLOAD_ENV: Final = "NEWSLENS_DISABLE_PLUGIN_AUTOLOAD"
TRACE_ENV: Final = "NEWSLENS_TRACE"

BUILTIN_PLUGINS: Final = ("newslens.builtins",)
"""Modules registered before any entry-point plugin."""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marker for hook implementations: ``@hookimpl`` above a ``newslens_*`` function."""

_default: pluggy.PluginManager | None = None


def blocked_plugins(environ: dict[str, str] | None = None) -> frozenset[str]:
    """Return the plugin names listed in ``NEWSLENS_BLOCK_PLUGINS``."""
    value = (environ if environ is not None else os.environ).get(BLOCK_ENV, "")
    return frozenset(name.strip() for name in value.split(",") if name.strip())


def new_plugin_manager(
    *,
    entry_points: bool | None = None,
    block: Iterable[str] = (),
    plugins: Iterable[object] = (),
) -> pluggy.PluginManager:
    """Make a fresh plugin manager with the built-ins registered.

    Args:
        entry_points: Load plugins from the ``newslens`` entry-point group
            (default: yes, unless ``NEWSLENS_DISABLE_PLUGIN_AUTOLOAD`` is set).
        block: Plugin names not to load, in addition to ``NEWSLENS_BLOCK_PLUGINS``.
        plugins: Extra plugin objects (modules or instances) to register last.
    """
    import importlib

    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in (*blocked_plugins(), *block):
        pm.set_blocked(name)
    for module_name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(module_name), name=module_name)
    if entry_points is None:
        entry_points = not os.environ.get(AUTOLOAD_ENV)
    if entry_points:
        pm.load_setuptools_entrypoints(PROJECT)
    for plugin in plugins:
        pm.register(plugin)
    if os.environ.get(TRACE_ENV):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    pm.hook.newslens_add_hookspecs.call_historic(kwargs={"pluginmanager": pm})
    return pm


def get_plugin_manager() -> pluggy.PluginManager:
    """Return the process-wide plugin manager, made on first use."""
    global _default
    if _default is None:
        _default = new_plugin_manager()
    return _default


def plugin_name(pm: pluggy.PluginManager, plugin: object) -> str:
    """Return the name *plugin* is registered under."""
    return pm.get_name(plugin) or repr(plugin)


def collect_enrichers(pm: pluggy.PluginManager) -> list[Enricher]:
    """Call ``newslens_register_enrichers`` on every plugin and return what they register.

    Each enricher is stamped with the name of the plugin that registered it.
    """
    collected: list[Enricher] = []
    hook = pm.hook.newslens_register_enrichers
    tracing = bool(os.environ.get(TRACE_ENV))
    if tracing:
        sys.stderr.write("  newslens_register_enrichers [hook]\n")
    for impl in reversed(hook.get_hookimpls()):
        name = impl.plugin_name

        def register(item: Enricher, _name: str = name) -> None:
            from newslens.pipeline import Enricher

            if not isinstance(item, Enricher):
                raise TypeError(
                    f"plugin {_name!r} registered {item!r}, which is not a newslens.Enricher"
                )
            collected.append(attrs.evolve(item, plugin=item.plugin or _name))

        if tracing:
            sys.stderr.write(f"      calling plugin {name!r}\n")
        arguments = {"register": register, "pluginmanager": pm}
        impl.function(*(arguments[name] for name in impl.argnames))
    return collected


def make_annotator(pm: pluggy.PluginManager, config: Config) -> Annotator:
    """Ask the plugins for the annotator named by ``config.backend``.

    Raises:
        AnnotatorError: when no plugin answers for that backend.
    """
    annotator = pm.hook.newslens_make_annotator(config=config)
    if annotator is None:
        raise AnnotatorError(
            f"unknown backend {config.backend!r}: choose auto, lite or stanza "
            "(or install the plugin that provides it)"
        )
    return annotator  # type: ignore[no-any-return]


@attrs.frozen
class PluginInfo:
    """What ``newslens plugins`` shows about one plugin.

    Attributes:
        name: Registered name (the entry-point name for installed plugins).
        version: Version of the distribution that installed it, if any.
        distribution: Name of that distribution, if any.
        enrichers: The enrichers it registers.
    """

    name: str
    version: str | None
    distribution: str | None
    enrichers: tuple[Enricher, ...]


def list_plugins(pm: pluggy.PluginManager | None = None) -> list[PluginInfo]:
    """Describe every registered plugin, built-ins first."""
    pm = pm or get_plugin_manager()
    dists: dict[str, Any] = {}
    for plugin, distinfo in pm.list_plugin_distinfo():
        dists[plugin_name(pm, plugin)] = distinfo
    enrichers = collect_enrichers(pm)
    infos = []
    for name, _plugin in pm.list_name_plugin():
        if name is None:
            continue
        dist = dists.get(name)
        infos.append(
            PluginInfo(
                name=name,
                version=dist.version if dist else None,
                distribution=dist.metadata["name"] if dist else None,
                enrichers=tuple(e for e in enrichers if e.plugin == name),
            )
        )
    return infos
