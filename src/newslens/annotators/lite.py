"""Placeholder lite annotator (replaced by the full implementation)."""

from __future__ import annotations

import re

import attrs

from newslens import layers
from newslens.annotators import Annotator
from newslens.model import Document, Paragraph, Sentence, Token

_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
_SENT = re.compile(r"[^.!?]+(?:[.!?]+|$)")


class LiteAnnotator(Annotator):
    """Model-free annotator."""

    name = "lite"
    layers = frozenset({layers.PARAGRAPHS, layers.SENTENCES, layers.TOKENS})

    def annotate(self, doc: Document) -> Document:
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        paragraphs: list[Paragraph] = []
        for para in re.finditer(r"[^\n]+", doc.text):
            if not para.group().strip():
                continue
            paragraphs.append(Paragraph(para.start(), para.end()))
            for sent in _SENT.finditer(para.group()):
                s0 = para.start() + sent.start()
                first = len(tokens)
                for m in _WORD.finditer(sent.group()):
                    tokens.append(Token(s0 + m.start(), s0 + m.end(), m.group()))
                if len(tokens) > first:
                    sentences.append(
                        Sentence(tokens[first].start, tokens[-1].end, first, len(tokens))
                    )
        return attrs.evolve(
            doc,
            backend=self.name,
            layers=self.layers,
            paragraphs=paragraphs,
            sentences=sentences,
            tokens=tokens,
        )
