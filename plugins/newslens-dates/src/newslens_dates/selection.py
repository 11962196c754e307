"""Step 2 of reading a text: the checked matches, longest first, without overlaps.

A match that fails its rule's context check (:mod:`newslens_dates.checks`), or that
overlaps a stretch of the text that is not prose (``Context.leave_out``), is dropped;
of the rest, a longer match wins over shorter ones it overlaps, and among equally long
ones the rule with the higher priority wins.
"""

from __future__ import annotations

import bisect

from newslens_dates.candidates import Candidate, rule_matches
from newslens_dates.checks import accept
from newslens_dates.context import Context
from newslens_dates.prose import overlaps


def find_candidates(ctx: Context) -> list[Candidate]:
    """Run every rule over the text; return accepted, non-overlapping matches in text order.

    Longer matches win over shorter ones they overlap; among equally long ones the rule
    with the higher priority wins.
    """
    leave_out = ctx.leave_out
    found = [
        candidate for candidate in rule_matches(ctx.text)
        if accept(candidate, ctx)
        and not (leave_out and overlaps(leave_out, candidate.start, candidate.end))
    ]
    found.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken: list[Candidate] = []
    starts: list[int] = []
    for candidate in found:
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and taken[index - 1].end > candidate.start:
            continue
        if index < len(taken) and taken[index].start < candidate.end:
            continue
        taken.insert(index, candidate)
        starts.insert(index, candidate.start)
    return taken
