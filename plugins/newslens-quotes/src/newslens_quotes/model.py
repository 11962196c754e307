"""What the quotes plugin finds: quotes, the spans they are made of, and speakers.

Every class is a frozen attrs class, like the core's document model; every
offset is a character offset in :attr:`Document.text <newslens.Document.text>`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import attrs

KINDS: Final = ("direct", "indirect", "mixed")
"""The kinds of quote: the speaker's own words in quotation marks (``direct``),
reported speech without them (``indirect``), and reported speech with a quoted
part (``mixed``)."""


@attrs.frozen
class TextSpan:
    """A span of the document's text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        """The span as JSON: ``{"start", "end", "text"}``."""
        return {"start": self.start, "end": self.end, "text": self.text}


@attrs.frozen
class Quote:
    """One attributed statement.

    Attributes:
        start: Offset of the content's first character (inside its quotation marks).
        end: Offset after the content's last character (before the closing mark).
        text: ``doc.text[start:end]``: the content without its outer quotation marks
            (with the attribution inside it when one interrupts it; see *parts* and
            :attr:`content`).
        parts: The pieces of the content, in order: one, or several when the
            attribution sits inside the quote (``"We will rebuild," she said, "and
            soon."``: ``We will rebuild,`` and ``and soon.``).
        kind: ``"direct"``, ``"indirect"`` or ``"mixed"`` (see :data:`KINDS`).
        cue: The reporting verb or phrase (``said``, ``according to``), if there is one.
        speaker: Where the speaker is named in the sentence (``he``, ``the mayor``),
            if anywhere.
        speaker_name: The canonical speaker for the whole document (``"Dana
            Whitfield"`` for a ``he``), or ``None`` when nobody could be told.
        confidence: How often the rule that found it is right, from 0 to 1: its
            precision on PolNeAR's train split, with or without a speaker
            (:mod:`newslens_quotes.confidence`); a quote of 0.8 comes from a rule right
            about four times in five there.
        how: The rule that found it, for people tuning or checking the plugin
            (``"after-quote"``, ``"inherited"``, ``"dependency"``...).
    """

    start: int
    end: int
    text: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    cue: TextSpan | None = None
    speaker: TextSpan | None = None
    speaker_name: str | None = None
    confidence: float = 1.0
    how: str = ""
    parts: tuple[TextSpan, ...] = ()

    @property
    def content(self) -> str:
        """What was said: the parts' texts joined by a space (``text`` for a quote in one piece)."""
        return " ".join(p.text for p in self.parts) if len(self.parts) > 1 else self.text

    def as_dict(self) -> dict[str, Any]:
        """The quote as JSON (the ``quotes`` section's items)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "content": self.content,
            "parts": [p.as_dict() for p in self.parts],
            "kind": self.kind,
            "cue": None if self.cue is None else self.cue.as_dict(),
            "speaker": None if self.speaker is None else self.speaker.as_dict(),
            "speaker_name": self.speaker_name,
            "confidence": round(self.confidence, 3),
        }


@attrs.frozen
class Speaker:
    """Someone (a person, a group, an organisation) the document quotes or names.

    Attributes:
        name: The canonical name: the fullest name the document gives
            (``"Vladimir Putin"``), or the words of the first mention when there
            is no name (``"US officials"``).
        mentions: Every span that refers to them, in text order (``"President
            Vladimir Putin"``, ``"Putin"``, ``"he"``).
        quotes: Indices in :attr:`QuoteResult.quotes` of what they said.
        kind: ``"person"``, ``"group"`` (``officials``), ``"organisation"`` or
            ``"unknown"``.
    """

    name: str
    mentions: tuple[TextSpan, ...] = ()
    quotes: tuple[int, ...] = ()
    kind: str = "unknown"

    def as_dict(self) -> dict[str, Any]:
        """The speaker as JSON (the ``speakers`` section's items)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "quotes": len(self.quotes),
            "mentions": [m.as_dict() for m in self.mentions],
        }


@attrs.frozen
class QuoteResult:
    """The quotes of a document and who said them.

    Attributes:
        quotes: Quotes in text order.
        speakers: Canonical speakers, most quoted first (ties in order of first
            mention); only those with at least one quote.
        clusters: Every group of mentions the plugin linked to one name,
            speakers or not (``"Putin"``, ``"President Putin"`` and
            ``"President Vladimir Putin"`` are one cluster), in order of first
            mention, for other plugins that need to know who is who.
    """

    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    clusters: tuple[Speaker, ...] = ()

    def __len__(self) -> int:
        return len(self.quotes)

    def by_speaker(self, name: str) -> tuple[Quote, ...]:
        """Return the quotes whose canonical speaker is *name*."""
        return tuple(q for q in self.quotes if q.speaker_name == name)

    def at_least(self, confidence: float) -> QuoteResult:
        """Return the result with only the quotes of at least *confidence*.

        Each speaker and each cluster keeps the numbers of its quotes left (renumbered),
        a speaker with none left is dropped, and the speakers are ordered again (most
        quoted first); every cluster stays: who is who does not depend on what was said.
        """
        if all(q.confidence >= confidence for q in self.quotes):
            return self
        kept = [n for n, q in enumerate(self.quotes) if q.confidence >= confidence]
        renumbered = {old: new for new, old in enumerate(kept)}

        def left(s: Speaker) -> Speaker:
            return attrs.evolve(s, quotes=tuple(renumbered[n] for n in s.quotes if n in renumbered))

        return QuoteResult(
            tuple(self.quotes[n] for n in kept),
            most_quoted_first(map(left, self.speakers)),
            tuple(map(left, self.clusters)),
        )


def most_quoted_first(speakers: Iterable[Speaker]) -> tuple[Speaker, ...]:
    """The speakers with at least one quote, most quoted first (ties: the one mentioned
    first), as :attr:`QuoteResult.speakers` lists them."""
    return tuple(sorted(
        (s for s in speakers if s.quotes),
        key=lambda s: (-len(s.quotes), s.mentions[0].start if s.mentions else 0),
    ))
