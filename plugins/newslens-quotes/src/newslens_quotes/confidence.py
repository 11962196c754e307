"""What a quote's confidence means: the precision of the rule that found it, measured.

``data/confidence.tsv`` holds one row per rule (:attr:`Quote.how
<newslens_quotes.model.Quote.how>`) and per whether the quote names a speaker: the share of
that rule's predictions on PolNeAR's train split that match a gold attribution (overlap
matching, as ``benchmarks/quotes_polnear.py`` scores), smoothed toward the rule's average
when it fired only a few times. A quote of confidence 0.8 comes from a rule that was right
about four times in five there. ``benchmarks/quotes_calibration.py`` measures the table
again (``--table``) and shows how well it carries over to another split.

A rule without a row (the stanza-only ``dependency`` rule, a rule that never fired on train,
a rule a newer version adds) keeps the estimate the rule itself gives.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources


@functools.cache
def table() -> Mapping[tuple[str, bool], float]:
    """Return the rows of ``data/confidence.tsv``: ``(how, names a speaker) -> confidence``."""
    text = resources.files("newslens_quotes").joinpath("data", "confidence.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows: dict[tuple[str, bool], float] = {}
    for line in lines[1:]:  # the first line names the columns
        how, speaker, value, *_ = line.split("\t")
        rows[(how, speaker == "yes")] = float(value)
    return rows


def confidence(how: str, speaker: bool, estimate: float) -> float:
    """The confidence of a quote found by the rule *how*, naming a speaker or not (*speaker*):
    the rule's measured precision, or *estimate* when the table has no row for it."""
    return table().get((how, speaker), estimate)
