"""The document model: frozen, slotted attrs classes with character-offset spans.

Every span (``start``, ``end``) is a half-open range of character offsets into
:attr:`Document.text`; nothing points at another object. Documents never change:
the pipeline makes a new one at every step with :func:`attrs.evolve`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from newslens._frozen import FrozenMap
from newslens.enrichments import Enrichments, Key
from newslens.errors import InputError

if TYPE_CHECKING:
    import pluggy

T = TypeVar("T")

SCHEMA_ID: Final = "newslens/1"
"""The value of the ``schema`` field in every JSON document newslens writes."""

PART_SEPARATOR: Final = "\n\n"
"""What joins headline, byline and body in :attr:`Document.text`."""

LEVELS: Final = ("info", "warning", "error")
"""Diagnostic levels, least severe first."""


def _nonneg(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def _ordered(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        raise ValueError(f"end ({value}) is before start ({instance.start})")


@attrs.frozen
class Span:
    """A half-open character range ``[start, end)`` of :attr:`Document.text`."""

    start: int = attrs.field(validator=_nonneg)
    end: int = attrs.field(validator=_ordered)

    def __len__(self) -> int:
        return self.end - self.start


@attrs.frozen
class Part:
    """A named part of the article: ``headline``, ``byline`` or ``body``."""

    name: str
    start: int = attrs.field(validator=_nonneg)
    end: int = attrs.field(validator=_ordered)


@attrs.frozen
class Paragraph:
    """A paragraph of the body (or the whole headline or byline)."""

    start: int = attrs.field(validator=_nonneg)
    end: int = attrs.field(validator=_ordered)


@attrs.frozen
class Sentence:
    """A sentence, with the range of its tokens in :attr:`Document.tokens`.

    ``tokens`` of a document ``doc`` are ``doc.tokens[token_start:token_end]``.
    """

    start: int = attrs.field(validator=_nonneg)
    end: int = attrs.field(validator=_ordered)
    token_start: int = attrs.field(default=0, validator=_nonneg)
    token_end: int = attrs.field(default=0, validator=_nonneg)


@attrs.frozen
class Token:
    """A word with its character offsets and whatever the annotator knows of it.

    Attributes:
        start: Offset of the first character.
        end: Offset after the last character.
        text: The characters ``Document.text[start:end]``.
        form: The word's form where it differs from ``text`` (the parts of a
            multi-word token such as French *du* = *de le*); otherwise ``None``.
        lemma: Dictionary form (``said`` -> ``say``), when the annotator gives lemmas.
        upos: Universal POS tag (``VERB``), when the annotator tags.
        xpos: Language-specific POS tag (``VBD``), when given.
        feats: Universal Dependencies features (``Tense=Past|VerbForm=Fin``).
        head: Index in :attr:`Document.tokens` of the syntactic head; ``None``
            for the sentence root or when there are no dependencies.
        deprel: Dependency relation to the head (``nsubj``; ``root`` for the root).
        ner: Entity tag in BIOES form (``B-PERSON``, ``O``), when given.
    """

    start: int = attrs.field(validator=_nonneg)
    end: int = attrs.field(validator=_ordered)
    text: str
    form: str | None = None
    lemma: str | None = None
    upos: str | None = None
    xpos: str | None = None
    feats: str | None = None
    head: int | None = None
    deprel: str | None = None
    ner: str | None = None

    def feature(self, name: str) -> str | None:
        """Return one morphological feature (``tok.feature("Tense") == "Past"``)."""
        if not self.feats:
            return None
        for item in self.feats.split("|"):
            key, _, value = item.partition("=")
            if key == name:
                return value
        return None


@attrs.frozen
class Entity:
    """A named entity (or, with the lite annotator, a capitalised-name candidate)."""

    start: int = attrs.field(validator=_nonneg)
    end: int = attrs.field(validator=_ordered)
    label: str
    text: str


@attrs.frozen
class Diagnostic:
    """Something a user should know about how a document was processed.

    Attributes:
        plugin: Who is speaking: a plugin or enricher name, ``"newslens"`` for the core.
        level: ``"info"``, ``"warning"`` or ``"error"``.
        message: What happened, in a sentence.
        exception: The exception type, when the diagnostic records one.
    """

    plugin: str
    level: str = attrs.field(validator=attrs.validators.in_(LEVELS))
    message: str
    exception: str | None = None


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return FrozenMap(value)


def _to_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return parse_published(value)


def parse_published(value: str, *, field: str = "published") -> dt.date:
    """Parse a publication date: ``YYYY-MM-DD``, optionally followed by a time.

    Raises:
        InputError: naming *field* when the value is not such a date.
    """
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(f"{value!r} is not a date in the form YYYY-MM-DD", field=field)


# Typed converters (the attrs mypy plugin cannot resolve a generic ``tuple`` converter).
def _parts(value: Iterable[Part]) -> tuple[Part, ...]:
    return tuple(value)


def _paragraphs(value: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(value)


def _sentences(value: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return tuple(value)


def _tokens(value: Iterable[Token]) -> tuple[Token, ...]:
    return tuple(value)


def _entities(value: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(value)


def _diagnostics(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


def _layers(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


_EMPTY: Final[tuple[Any, ...]] = ()


@attrs.frozen
class Document:
    """A news article, its annotations and its enrichments.

    Build one with :meth:`Document.create` (or :func:`newslens.analyze`), never
    by hand-joining text: ``create`` computes :attr:`text` and :attr:`parts`.

    Attributes:
        text: Headline, byline and body joined by a blank line, headline first;
            exactly the body when there is no headline or byline.
        parts: Named character ranges of ``text`` (``headline``, ``byline``, ``body``).
        published: Publication date, when known.
        id: Identifier given with the input (or the file name).
        source: Where the article came from (a file path, a publisher).
        url: The article's address, when known.
        meta: Any other metadata given with the input.
        backend: Name of the annotator that processed the document.
        layers: The annotation layers that are filled in.
        paragraphs: Paragraphs in text order.
        sentences: Sentences in text order.
        tokens: Tokens in text order.
        entities: Entities in text order.
        enrichments: Results of the plugins' enrichers, read with ``doc[KEY]``.
        sections: JSON sections read back by :meth:`from_dict` that no installed
            plugin rendered; written out again unchanged by :meth:`to_dict`.
        diagnostics: What happened while processing.
    """

    text: str
    parts: tuple[Part, ...] = attrs.field(default=_EMPTY, converter=_parts)
    published: dt.date | None = attrs.field(default=None, converter=_to_date)
    id: str | None = None
    source: str | None = None
    url: str | None = None
    meta: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    backend: str | None = None
    layers: frozenset[str] = attrs.field(factory=frozenset, converter=_layers)
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=_EMPTY, converter=_paragraphs)
    sentences: tuple[Sentence, ...] = attrs.field(default=_EMPTY, converter=_sentences)
    tokens: tuple[Token, ...] = attrs.field(default=_EMPTY, converter=_tokens)
    entities: tuple[Entity, ...] = attrs.field(default=_EMPTY, converter=_entities)
    enrichments: Enrichments = attrs.field(factory=Enrichments)
    sections: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=_EMPTY, converter=_diagnostics)

    @classmethod
    def create(
        cls,
        body: str,
        *,
        headline: str | None = None,
        byline: str | None = None,
        published: dt.date | str | None = None,
        id: str | None = None,
        source: str | None = None,
        url: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Document:
        """Make an unannotated document from its parts.

        Empty or ``None`` headline and byline are left out; the body is kept
        character for character.
        """
        if not isinstance(body, str):
            raise TypeError(f"body must be str, got {type(body).__name__}")
        pieces: list[tuple[str, str]] = []
        for name, value in (("headline", headline), ("byline", byline)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be str or None, got {type(value).__name__}")
            if value and value.strip():
                pieces.append((name, value.strip()))
        pieces.append(("body", body))
        text_parts: list[str] = []
        parts: list[Part] = []
        offset = 0
        for index, (name, value) in enumerate(pieces):
            if index:
                text_parts.append(PART_SEPARATOR)
                offset += len(PART_SEPARATOR)
            parts.append(Part(name, offset, offset + len(value)))
            text_parts.append(value)
            offset += len(value)
        return cls(
            text="".join(text_parts),
            parts=tuple(parts),
            published=published,
            id=id,
            source=source,
            url=url,
            meta=meta or {},
        )

    # -- reading -----------------------------------------------------------

    def __getitem__(self, key: Key[T]) -> T:
        """Return the enrichment stored under *key* (see :class:`Enrichments`)."""
        return self.enrichments[key]

    def __contains__(self, key: object) -> bool:
        return key in self.enrichments

    def get(self, key: Key[T], default: T | None = None) -> T | None:
        """Return the enrichment under *key*, or *default* when it is absent."""
        return self.enrichments.get(key, default)

    def part(self, name: str) -> Part | None:
        """Return the part called *name*, or ``None``."""
        for part in self.parts:
            if part.name == name:
                return part
        return None

    def part_text(self, name: str) -> str | None:
        """Return the text of the part called *name*, or ``None``."""
        part = self.part(name)
        return None if part is None else self.text[part.start : part.end]

    @property
    def headline(self) -> str | None:
        """The headline, or ``None``."""
        return self.part_text("headline")

    @property
    def byline(self) -> str | None:
        """The byline, or ``None``."""
        return self.part_text("byline")

    @property
    def body(self) -> str:
        """The body text (the whole text when there are no parts)."""
        text = self.part_text("body")
        return self.text if text is None else text

    def span_text(self, start: int, end: int) -> str:
        """Return ``text[start:end]``."""
        return self.text[start:end]

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        """Return the tokens of *sentence*."""
        return self.tokens[sentence.token_start : sentence.token_end]

    def sentences_in(self, start: int, end: int) -> tuple[Sentence, ...]:
        """Return the sentences lying within ``[start, end)`` (a part, a paragraph)."""
        return tuple(s for s in self.sentences if s.start >= start and s.end <= end)

    def with_diagnostic(
        self, plugin: str, level: str, message: str, exception: str | None = None
    ) -> Document:
        """Return a copy with one more :class:`Diagnostic`."""
        diagnostic = Diagnostic(plugin, level, message, exception)
        return attrs.evolve(self, diagnostics=(*self.diagnostics, diagnostic))

    # -- JSON ----------------------------------------------------------------

    def to_dict(self, plugins: pluggy.PluginManager | None = None) -> dict[str, Any]:
        """Return the document in the ``newslens/1`` JSON format.

        Plugin sections come from the ``newslens_json_section`` hook of *plugins*
        (default: the installed plugins, see :func:`newslens.plugins.get_plugin_manager`).
        """
        from newslens.io.jsonformat import document_to_dict

        return document_to_dict(self, plugins)

    def to_json(self, plugins: pluggy.PluginManager | None = None, **dumps: Any) -> str:
        """Return :meth:`to_dict` as a JSON string (``dumps`` go to :func:`json.dumps`)."""
        dumps.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(plugins), **dumps)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Read a document written by :meth:`to_dict`.

        Plugin sections are kept as plain JSON in :attr:`sections`.

        Raises:
            InputError: naming the field that is missing or malformed.
        """
        from newslens.io.jsonformat import document_from_dict

        return document_from_dict(data)


def iter_spans(doc: Document) -> Iterable[tuple[str, int, int]]:
    """Yield ``(kind, start, end)`` for every span in *doc* (for checks and tests)."""
    groups: Sequence[tuple[str, Sequence[Any]]] = (
        ("part", doc.parts),
        ("paragraph", doc.paragraphs),
        ("sentence", doc.sentences),
        ("token", doc.tokens),
        ("entity", doc.entities),
    )
    for kind, items in groups:
        for item in items:
            yield kind, item.start, item.end
