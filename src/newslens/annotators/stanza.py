"""Placeholder stanza annotator (replaced by the full implementation)."""

from __future__ import annotations

from newslens.annotators import Annotator
from newslens.config import Config
from newslens.errors import AnnotatorError
from newslens.model import Document


def why_unavailable(config: Config) -> str | None:
    """Return why stanza cannot be used, or ``None`` when it can."""
    return "stanza's English models are not installed"


class StanzaAnnotator(Annotator):
    """stanza-backed annotator."""

    name = "stanza"

    def __init__(self, config: Config) -> None:
        raise AnnotatorError("not yet")

    def annotate(self, doc: Document) -> Document:
        raise NotImplementedError
