"""Hooks of the contradictions plugin, which other plugins can implement.

The contradictions plugin adds this specification to the newslens plugin manager
through ``newslens_add_hookspecs``; implement it with :data:`newslens.hookimpl`
like any newslens hook.
"""

from __future__ import annotations

from collections.abc import Mapping

import pluggy

hookspec = pluggy.HookspecMarker("newslens")


@hookspec(firstresult=True)
def newslens_contradictions_nli(premise: str, hypothesis: str) -> Mapping[str, float] | None:
    """Score a candidate pair with a natural-language-inference model of your own.

    Called for each candidate pair of statements that share at least two content
    words, with the earlier statement as *premise*. Return probabilities keyed by
    label, with at least ``"contradiction"`` (``"entailment"`` and ``"neutral"`` are
    read by nothing yet), or ``None`` to abstain. The first implementation that
    returns something wins.

    The contradiction probability is averaged with a rule's confidence when a rule
    fires on the pair; when none does, a probability at or above the
    ``contradictions.threshold`` option makes a finding of kind ``other``. No model
    is shipped or downloaded: this hook is how you bring one.
    """
