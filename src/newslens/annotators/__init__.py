"""Annotators turn a document's text into paragraphs, sentences, tokens and entities.

Two ship with newslens: :mod:`newslens.annotators.lite` (model-free, fast) and
:mod:`newslens.annotators.stanza` (stanza's neural pipeline, imported lazily).
``auto`` picks stanza when its models are installed and lite otherwise.
A plugin can bring its own annotator through the ``newslens_make_annotator`` hook.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator
from typing import ClassVar

from newslens.model import Diagnostic, Document


class Annotator(abc.ABC):
    """Base class of annotators.

    Subclasses set :attr:`name` and :attr:`layers` and implement
    :meth:`annotate`; annotators that gain from batching (stanza) also override
    :meth:`annotate_many`. An annotator is built once per pipeline and reused
    for every document, so load models in ``__init__``.
    """

    name: ClassVar[str] = "annotator"
    """The backend name recorded in :attr:`Document.backend`."""

    layers: frozenset[str] = frozenset()
    """The annotation layers (see :mod:`newslens.layers`) this annotator fills in."""

    diagnostics: tuple[Diagnostic, ...] = ()
    """Notes added to every document this annotator processes (for example, which
    backend ``auto`` chose and how to get the other)."""

    @abc.abstractmethod
    def annotate(self, doc: Document) -> Document:
        """Return a copy of *doc* with paragraphs, sentences, tokens and entities."""

    def annotate_many(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Annotate many documents, in order. The default calls :meth:`annotate`."""
        for doc in docs:
            yield self.annotate(doc)
