"""Names of the annotation layers an annotator can provide.

An enricher lists the layers it needs in ``requires`` (or ``optional``); the
pipeline checks them against the chosen annotator's :attr:`Annotator.layers
<newslens.annotators.Annotator.layers>` before any document is processed.

Layers are plain strings so that a third-party annotator can add its own.
"""

from __future__ import annotations

from typing import Final

PARAGRAPHS: Final = "paragraphs"
"""Paragraph boundaries (:attr:`Document.paragraphs <newslens.Document.paragraphs>`)."""

SENTENCES: Final = "sentences"
"""Sentence boundaries (:attr:`Document.sentences <newslens.Document.sentences>`)."""

TOKENS: Final = "tokens"
"""Tokens with character offsets (:attr:`Document.tokens <newslens.Document.tokens>`)."""

LEMMAS: Final = "lemmas"
"""A lemma on every token (:attr:`Token.lemma <newslens.Token.lemma>`)."""

POS: Final = "pos"
"""Universal part-of-speech tags on every token (:attr:`Token.upos <newslens.Token.upos>`)."""

MORPHOLOGY: Final = "morphology"
"""Universal Dependencies features on tokens (:attr:`Token.feats <newslens.Token.feats>`)."""

DEPENDENCIES: Final = "dependencies"
"""Dependency heads and relations (:attr:`Token.head <newslens.Token.head>`)."""

ENTITIES: Final = "entities"
"""Named entities (:attr:`Document.entities <newslens.Document.entities>`)."""

ALL: Final = frozenset(
    {PARAGRAPHS, SENTENCES, TOKENS, LEMMAS, POS, MORPHOLOGY, DEPENDENCIES, ENTITIES}
)
"""Every layer newslens itself knows about."""
