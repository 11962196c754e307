"""What a quote's confidence means: the precision of the rule that found it, measured.

``data/confidence.tsv`` holds one row per rule (:attr:`Quote.how
<newslens_quotes.model.Quote.how>`), per whether the quote names a speaker, per kind of quote
(a mixed quote of a rule is often surer than an indirect one) and, for the frames PolNeAR
marks only part of the time (``want``, ``seem``, ``support``...), per cue: the share of
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
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Final

ANY_CUE: Final = "*"
"""The ``cue`` column of a row that holds for every cue of its rule not measured apart."""


@functools.cache
def table() -> Mapping[tuple[str, bool, str, str], float]:
    """Return the rows of ``data/confidence.tsv``: ``(how, names a speaker, kind, cue) ->
    confidence``, where *kind* is the quote's kind (``direct``, ``indirect``, ``mixed``) and
    *cue* the cue's lemmas (``"want"``, ``"call for"``) for a frame measured apart, or
    :data:`ANY_CUE`."""
    text = resources.files("newslens_quotes").joinpath("data", "confidence.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows: dict[tuple[str, bool, str, str], float] = {}
    for line in lines[1:]:  # the first line names the columns
        how, speaker, kind, cue, value, *_ = line.split("\t")
        rows[(how, speaker == "yes", kind, cue)] = float(value)
    return rows


def cue_key(lemmas: Sequence[str]) -> str:
    """How a cue is written in the ``cue`` column: its lemmas, lower case, joined by spaces."""
    return " ".join(lemmas).lower()


def confidence(
    how: str, speaker: bool, kind: str, estimate: float, cue: str = ANY_CUE
) -> float:
    """The confidence of a quote of kind *kind* found by the rule *how*, naming a speaker or
    not (*speaker*), through the cue *cue* (see :func:`cue_key`): the measured precision of
    that frame when it was measured apart, else of the rule, else *estimate* when the table
    has no row."""
    rows = table()
    found = rows.get((how, speaker, kind, cue))
    if found is None:
        found = rows.get((how, speaker, kind, ANY_CUE), estimate)
    return found
