"""Checks shared by the quotes tests, as fixtures (test modules do not import each other)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from newslens_quotes import Quote, find_quotes

import newslens

OneQuote = Callable[..., Quote]


def _one_quote(
    text: str, content: str, cue: str, speaker: str, kind: str | None = None
) -> Quote:
    """Check that *text* (lite annotator) gives one quote, with this content (its final
    full stop aside), cue, speaker and, when given, kind; return it."""
    found = find_quotes(newslens.annotate(text, backend="lite")).quotes
    assert len(found) == 1, found
    quote = found[0]
    assert kind is None or quote.kind == kind, quote
    assert quote.text.rstrip(".") == content
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None and quote.speaker.text == speaker
    return quote


@pytest.fixture
def one_quote() -> OneQuote:
    """:func:`_one_quote`: ``one_quote(text, content, cue, speaker, kind=None)``."""
    return _one_quote
