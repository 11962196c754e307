"""Hooks of the readability plugin, which other plugins can implement.

The readability plugin adds these specifications to the newslens plugin
manager through ``newslens_add_hookspecs``; implement them with
:data:`newslens.hookimpl` like any newslens hook.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from newslens_readability.formulas import Formula

hookspec = pluggy.HookspecMarker("newslens")


@hookspec
def newslens_readability_formulas() -> Iterable[Formula] | None:
    """Return extra :class:`~newslens_readability.formulas.Formula` objects to compute (or None).

    Called each time a :class:`~newslens.Pipeline` is built, on that
    pipeline's plugin manager (and by :func:`newslens_readability.score_text`
    on the process-wide one, see
    :func:`newslens.get_plugin_manager <newslens.plugins.get_plugin_manager>`).
    Each formula is computed from
    the same :class:`~newslens_readability.counts.Counts` as the built-in ones,
    for the body, every sentence and every paragraph, and appears in the JSON
    section under its ``name``. A formula whose name is already taken is left
    out with a warning; one that raises is reported in ``warnings``.
    """
