"""Hooks of the quotes plugin, which other plugins can implement.

The quotes plugin adds this specification to the newslens plugin manager
through ``newslens_add_hookspecs``; implement it with :data:`newslens.hookimpl`
like any newslens hook.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from newslens_quotes.lexicon import Cue

hookspec = pluggy.HookspecMarker("newslens")


@hookspec
def newslens_quotes_cues() -> Iterable[Cue] | None:
    """Return extra reporting cues (:class:`~newslens_quotes.lexicon.Cue`) to look for, or None.

    Called each time a :class:`~newslens.Pipeline` is built, on that pipeline's
    plugin manager. The cues are added to the built-in lexicon and to those of
    the ``quotes.cues`` option; a cue with the same words as a built-in one
    replaces it (to change its frame). Anything that is not a ``Cue`` is left
    out, with a warning on every document.
    """
