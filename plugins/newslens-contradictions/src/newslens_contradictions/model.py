"""What the plugin finds: :class:`Finding` (two sides and why they disagree) and the result.

Every class is frozen and slotted, like the core's document model: a finding is a
value, shared freely between threads and plugins.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import attrs

KINDS: Final = ("numeric", "date", "negation", "antonym", "factive", "entity", "dispute", "other")
"""The kinds of finding, as the issue and the JSON section name them.

``numeric``
    Two incompatible quantities of the same thing (``at least 40 dead`` / ``12 people died``).
``date``
    One event on two different dates.
``negation``
    A statement and its negation (``agree to hold talks`` / ``no final agreement on talks``).
``antonym``
    Opposite predicates of the same subject (``shares rose`` / ``shares fell``).
``factive``
    A claim against a reported denial or refusal of it (``invades Ukraine`` /
    ``denied invading Ukraine``).
``entity``
    The same role filled by two different names (reserved: no built-in detector yet).
``dispute``
    Two different sources disagreeing: the article reports a disagreement, it does not
    contradict itself.
``other``
    Found by a natural-language-inference model (the ``newslens_contradictions_nli`` hook)
    where no rule applies.
"""

SCOPES: Final = ("headline_body", "body")
"""``headline_body``: side ``a`` is in the headline; ``body``: both sides are in the body."""


@attrs.frozen(slots=True)
class Side:
    """One side of a finding: a span of the document and who says it.

    Attributes:
        start: Offset of the span in the document's text.
        end: End offset (exclusive).
        text: ``doc.text[start:end]``.
        source: The speaker the statement is attributed to (by the quotes plugin), or
            ``None`` when it is the article's own voice.
    """

    start: int
    end: int
    text: str
    source: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"start", "end", "text"}``, and ``"source"`` when attributed."""
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.source is not None:
            out["source"] = self.source
        return out


@attrs.frozen(slots=True)
class Finding:
    """Two statements of one article that cannot both be true, and why.

    Attributes:
        kind: One of :data:`KINDS`.
        scope: One of :data:`SCOPES`.
        a: The earlier side (in the headline when the scope is ``headline_body``).
        b: The later side.
        confidence: From 0 to 1: how sure the detector is.
        explanation: One sentence a journalist can read.
        pieces: The aligned pieces that disagree (``("rose", "fell")``,
            ``("12", "at least 40")``), a side's wording first.
        detector: Which rule (or ``"nli"``) made the finding.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    scope: str = attrs.field(validator=attrs.validators.in_(SCOPES))
    a: Side
    b: Side
    confidence: float
    explanation: str
    pieces: tuple[str, str] = ("", "")
    detector: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The JSON form written in the ``contradictions`` section."""
        return {
            "kind": self.kind,
            "scope": self.scope,
            "a": self.a.as_dict(),
            "b": self.b.as_dict(),
            "confidence": round(self.confidence, 3),
            "explanation": self.explanation,
            "pieces": list(self.pieces),
            "detector": self.detector,
        }


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


def _notes(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen(slots=True)
class ContradictionResult:
    """A document's findings, best first within the text order of their ``a`` side.

    Attributes:
        findings: Findings at or above the threshold, ordered by ``a.start``, ``b.start``.
        pairs: How many candidate pairs of statements were compared.
        threshold: The confidence threshold applied.
        notes: What went wrong with a scorer of the ``newslens_contradictions_nli`` hook,
            if anything (the plugin reports them as warnings).
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_findings)
    pairs: int = 0
    threshold: float = 0.5
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)

    def __iter__(self) -> Any:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)
