"""The document model: frozen, slotted attrs classes with character-offset spans.

Every span (``start``, ``end``) is a half-open range of character offsets into
:attr:`Document.text`; nothing points at another object. Documents never change:
the pipeline makes a new one at every step with :func:`attrs.evolve`.
"""

from __future__ import annotations

import datetime as dt
import json
import numbers
import os
import re
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from operator import le
from typing import TYPE_CHECKING, Any, Final, TypeVar, overload

import attrs

from newslens._frozen import FrozenMap
from newslens.enrichments import Enrichments, Key
from newslens.errors import InputError, MissingEnrichmentError
from newslens.webtext import BOILERPLATE, find_boilerplate, joined_spans

if TYPE_CHECKING:
    from newslens.blocks import Block

T = TypeVar("T")

SCHEMA_ID: Final = "newslens/1"
"""The value of the ``schema`` field in every JSON document newslens writes."""

PART_SEPARATOR: Final = "\n\n"
"""What joins headline, byline and body in :attr:`Document.text`."""

HEADLINE: Final = "headline"
"""The name of the headline :class:`Part`."""

BYLINE: Final = "byline"
"""The name of the byline :class:`Part` (the names only: see :func:`clean_byline`)."""

BODY: Final = "body"
"""The name of the body :class:`Part`."""

DATELINE: Final = "dateline"
"""The name of the dateline :class:`Part`: where and who, before the body's first
sentence (``WASHINGTON (AP) —``); it lies inside the body (see :func:`find_dateline`)."""

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
    """A named part of the article: ``headline``, ``byline``, ``body``, ``dateline``
    or ``boilerplate``.

    The first three follow one another; the ``dateline``, when there is one,
    lies inside the body, at its start; each ``boilerplate`` part (a newsletter
    prompt, a photo credit, a "Read more" line: see :mod:`newslens.webtext`)
    lies inside the body too.
    """

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
        kind: ``None`` for prose (words, numbers, punctuation); for web text
            that is not prose, one of :data:`newslens.webtext.TOKEN_KINDS`:
            ``url``, ``email``, ``handle``, ``hashtag``, ``id`` (a number-like
            identifier) or ``markup`` (a tag with its attributes). Both
            built-in annotators set it (see :mod:`newslens.webtext`).
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
    kind: str | None = None

    @property
    def is_prose(self) -> bool:
        """Whether the token is prose (``kind`` is ``None``): not a URL, handle, ID, tag..."""
        return self.kind is None

    def feature(self, name: str) -> str | None:
        """Return one morphological feature (``tok.feature("Tense") == "Past"``)."""
        if not self.feats:
            return None
        for item in self.feats.split("|"):
            key, _, value = item.partition("=")
            if key == name:
                return value
        return None


# The fields of Token in order (start, end, text, then those that may be None), read
# from the class so that the table, the JSON writer and reader can never disagree.
_TOKEN_FIELDS: Final = tuple(field.name for field in attrs.fields(Token))
_OPTIONAL_TOKEN_FIELDS: Final = _TOKEN_FIELDS[3:]


def _none_if_empty(values: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A column no token has a value in is kept as ``None``."""
    return values if any(v is not None for v in values) else None


_WORK_OUT_LOCK: Final = threading.RLock()
"""Held while a derived column, a :class:`Deferred` or an :class:`Output` is worked out,
so that documents shared between threads compute each of them exactly once."""

DeriveColumn = Callable[[tuple[str, ...]], Iterable[Any]]
"""A function from a :class:`TokenTable`'s ``text`` column to one of its other fields."""


class _AddsLikeATuple:
    """Concatenation for the layers that stand for a tuple: ``layer + (...)`` is a tuple."""

    __slots__ = ()

    def _as_tuple(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def __add__(self, other: object) -> tuple[Any, ...]:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return self._as_tuple() + tuple(other)
        return NotImplemented

    def __radd__(self, other: object) -> tuple[Any, ...]:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(other) + self._as_tuple()
        return NotImplemented


class TokenTable(_AddsLikeATuple, Sequence[Token]):
    """The tokens of a document, kept column by column.

    A table reads like a tuple of :class:`Token` (``len``, indexing, slicing,
    iteration, ``==``), but stores one tuple per field, so an annotator hands
    over a hundred thousand tokens without building a hundred thousand
    objects, and an enricher that needs only the words reads one column::

        >>> table = TokenTable.from_columns(start=[0, 4], end=[3, 8], text=["Ann", "left"])
        >>> table.column("text")
        ('Ann', 'left')
        >>> table[1]
        Token(start=4, end=8, text='left', form=None, lemma=None, upos=None, xpos=None, \
feats=None, head=None, deprel=None, ner=None, kind=None)
        >>> table == (Token(0, 3, "Ann"), Token(4, 8, "left"))
        True

    :class:`Token` objects are made when they are asked for and kept once the
    whole table has been iterated; they are values (equal by content), so
    code must not rely on their identity. Slicing gives a table. Tables are
    immutable, hashable and picklable. :attr:`Document.tokens` converts any
    iterable of tokens to a table.

    A column can also be *derived*: worked out from the ``text`` column the
    first time anything reads it (the lite annotator's lemmas are), so a
    pipeline whose enrichers never look at a field does not pay for it::

        >>> table = TokenTable.from_columns(
        ...     start=[0, 4], end=[3, 8], text=["Ann", "left"],
        ...     derived={"lemma": lambda texts: [t.lower() for t in texts]},
        ... )
        >>> table.column("lemma")
        ('ann', 'left')
    """

    __slots__ = ("_columns", "_derived", "_length", "_tokens")
    _columns: dict[str, tuple[Any, ...] | None]
    _derived: dict[str, DeriveColumn]
    _length: int
    _tokens: tuple[Token, ...] | None

    def __init__(self, tokens: Iterable[Token] = ()) -> None:
        items = tuple(tokens)
        for index, token in enumerate(items):
            if not isinstance(token, Token):
                raise TypeError(f"token {index} is a {type(token).__name__}, not a Token")
        columns: dict[str, tuple[Any, ...] | None] = {}
        for name in _TOKEN_FIELDS:
            values = tuple(getattr(token, name) for token in items)
            columns[name] = values
        self._set(columns, len(items), items or None, {})

    @classmethod
    def from_columns(
        cls,
        *,
        start: Sequence[int],
        end: Sequence[int],
        text: Sequence[str],
        derived: Mapping[str, DeriveColumn] | None = None,
        **optional: Sequence[Any] | None,
    ) -> TokenTable:
        """Make a table from one sequence per :class:`Token` field.

        ``start``, ``end`` and ``text`` are required; ``form``, ``lemma``,
        ``upos``, ``xpos``, ``feats``, ``head``, ``deprel``, ``ner`` and ``kind`` may be
        left out (or ``None``) when no token has them. Offsets are checked as
        :class:`Token` checks them.

        Args:
            start: Offset of each token's first character.
            end: Offset after each token's last character.
            text: Each token's text.
            derived: Optional fields to work out later, each a function from
                the ``text`` column to the field's values (one per token),
                called at most once, when the field is first read.
            **optional: The other fields, one sequence each.

        Raises:
            TypeError: for a field :class:`Token` does not have, or one given
                both as values and as *derived*.
            ValueError: when the columns differ in length or an offset is
                negative or ends before it starts (the message names the token).
        """
        derived = dict(derived or {})
        unknown = sorted((set(optional) | set(derived)) - set(_OPTIONAL_TOKEN_FIELDS))
        if unknown:
            raise TypeError(f"Token has no field {', '.join(map(repr, unknown))}")
        both = sorted(name for name in derived if optional.get(name) is not None)
        if both:
            raise TypeError(f"field {both[0]!r} is given both as values and as derived")
        columns: dict[str, tuple[Any, ...] | None] = {
            "start": tuple(start), "end": tuple(end), "text": tuple(text)
        }
        for name in _OPTIONAL_TOKEN_FIELDS:
            values = optional.get(name)
            columns[name] = None if values is None else tuple(values)
        length = len(columns["start"] or ())
        for name, values in columns.items():
            if values is not None and len(values) != length:
                raise ValueError(f"column {name!r} has {len(values)} values, 'start' has {length}")
        starts, ends = columns["start"] or (), columns["end"] or ()
        if length and (min(starts) < 0 or not all(map(le, starts, ends))):
            bad = next(
                i for i, (s, e) in enumerate(zip(starts, ends, strict=True)) if s < 0 or e < s
            )
            raise ValueError(f"token {bad} has start {starts[bad]} and end {ends[bad]}")
        table = cls.__new__(cls)
        table._set(columns, length, None, derived)
        return table

    def _set(
        self,
        columns: dict[str, tuple[Any, ...] | None],
        length: int,
        tokens: tuple[Token, ...] | None,
        derived: dict[str, DeriveColumn],
    ) -> None:
        for name in _OPTIONAL_TOKEN_FIELDS:
            values = columns[name]
            if values is not None:
                columns[name] = _none_if_empty(values)
        object.__setattr__(self, "_columns", columns)
        object.__setattr__(self, "_derived", derived)
        object.__setattr__(self, "_length", length)
        object.__setattr__(self, "_tokens", tokens)

    def _derive(self, name: str) -> None:
        """Work out the derived column *name* (and forget how), once, whatever the threads.

        The column is stored before the recipe is dropped, so a reader that
        finds no recipe always finds the column.
        """
        with _WORK_OUT_LOCK:
            if name in self._derived:
                self._derive_now(name)

    def _derive_now(self, name: str) -> None:
        values = tuple(self._derived[name](self._columns["text"] or ()))
        if len(values) != self._length:
            raise ValueError(
                f"derived column {name!r} has {len(values)} values for {self._length} tokens"
            )
        self._columns[name] = _none_if_empty(values)
        del self._derived[name]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"TokenTable is immutable; cannot set {name!r}")

    def column(self, name: str) -> tuple[Any, ...]:
        """Return one field of every token, in order (``column("text")``).

        A field no token has comes back as a tuple of ``None``.

        Raises:
            KeyError: for a name that is not a :class:`Token` field.
        """
        if name not in self._columns:
            raise KeyError(f"Token has no field {name!r}; fields are {', '.join(_TOKEN_FIELDS)}")
        if name in self._derived:
            self._derive(name)
        values = self._columns[name]
        return (None,) * self._length if values is None else values

    def has(self, name: str) -> bool:
        """Whether any token has a value for the field *name* (``has("upos")``)."""
        if name in self._derived:
            self._derive(name)
        return self._columns.get(name) is not None

    def _materialised(self) -> tuple[Token, ...]:
        tokens = self._tokens
        if tokens is None:
            tokens = tuple(map(Token, *(self.column(name) for name in _TOKEN_FIELDS)))
            object.__setattr__(self, "_tokens", tokens)
        return tokens

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Token]:
        return iter(self._materialised())

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> TokenTable: ...

    def __getitem__(self, index: int | slice) -> Token | TokenTable:
        if isinstance(index, slice):
            table = TokenTable.__new__(TokenTable)
            tokens = None if self._tokens is None else self._tokens[index]
            length = len(range(*index.indices(self._length)))
            with _WORK_OUT_LOCK:  # a column and its recipe are copied as one
                derived = dict(self._derived)
                columns = {
                    name: None if values is None else values[index]
                    for name, values in self._columns.items()
                }
            table._set(columns, length, tokens, derived)
            return table
        if self._tokens is not None:
            return self._tokens[index]
        if not -self._length <= index < self._length:
            raise IndexError(f"token index {index} out of range for {self._length} tokens")
        return Token(*(self.column(name)[index] for name in _TOKEN_FIELDS))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TokenTable):
            return self._length == other._length and all(
                self.column(name) == other.column(name) for name in _TOKEN_FIELDS
            )
        if isinstance(other, (tuple, list)):
            return self._materialised() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self.column(name) for name in _TOKEN_FIELDS))

    def __repr__(self) -> str:
        shown = ", ".join(repr(t) for t in self.column("text")[:5])
        more = ", ..." if self._length > 5 else ""
        return f"<TokenTable of {self._length} tokens: {shown}{more}>"

    def _as_tuple(self) -> tuple[Token, ...]:
        return self._materialised()

    def __reduce__(self) -> tuple[Any, ...]:
        for name in list(self._derived):  # a pickle holds values, never functions
            self._derive(name)
        return (_table_from_columns, (self._columns, self._length))


def _table_from_columns(columns: dict[str, tuple[Any, ...] | None], length: int) -> TokenTable:
    """Rebuild a pickled :class:`TokenTable` (its columns were checked when it was made)."""
    table = TokenTable.__new__(TokenTable)
    table._set(dict(columns), length, None, {})
    return table


class Deferred(_AddsLikeATuple, Sequence[T]):
    """A tuple worked out the first time anything reads it.

    An annotator can hand a layer that is costly and often unused (the lite
    annotator's ``NAME`` candidates) as a :class:`Deferred`: it reads like the
    tuple it stands for (``len``, indexing, slicing, iteration, ``==``,
    ``hash``), calls *compute* once, on first use, and then forgets it.
    Pickling stores the tuple, never the function.

    Example:
        >>> squares = Deferred(lambda: (n * n for n in range(4)))
        >>> squares.computed
        False
        >>> squares[1:], len(squares), squares.computed
        ((1, 4, 9), 4, True)
        >>> squares == (0, 1, 4, 9)
        True
    """

    __slots__ = ("_compute", "_items")

    def __init__(self, compute: Callable[[], Iterable[T]]) -> None:
        self._compute: Callable[[], Iterable[T]] | None = compute
        self._items: tuple[T, ...] | None = None

    @property
    def computed(self) -> bool:
        """Whether the items have been worked out yet."""
        return self._items is not None

    def _tuple(self) -> tuple[T, ...]:
        items = self._items
        if items is None:
            with _WORK_OUT_LOCK:  # one thread computes; the others wait and read
                items = self._items
                if items is None:
                    assert self._compute is not None
                    items = self._items = tuple(self._compute())
                    self._compute = None  # whatever it held can go
        return items

    def _as_tuple(self) -> tuple[T, ...]:
        return self._tuple()

    def __len__(self) -> int:
        return len(self._tuple())

    def __iter__(self) -> Iterator[T]:
        return iter(self._tuple())

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self._tuple()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Deferred):
            return self._tuple() == other._tuple()
        if isinstance(other, tuple):
            return self._tuple() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return f"Deferred({self._tuple()!r})" if self.computed else "Deferred(<not yet computed>)"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_computed, (self._tuple(),))


def _computed(items: tuple[T, ...]) -> Deferred[T]:
    """Rebuild a pickled :class:`Deferred` (already worked out)."""
    deferred: Deferred[T] = Deferred(lambda: items)
    deferred._tuple()
    return deferred


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


def _mapping(name: str, value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """A :class:`FrozenMap` of *value*; a value that is no mapping is refused, naming *name*."""
    if value is not None and not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping (a dict) or None, got {type(value).__name__}")
    return FrozenMap(value)


def _meta(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return _mapping("meta", value)


def _sections(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return _mapping("sections", value)


def _typed(*kinds: type) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """An attrs validator refusing a value of none of *kinds* with a message naming the
    field (``url must be str or None, got int``)."""
    names = " or ".join("None" if kind is type(None) else kind.__name__ for kind in kinds)

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kinds):
            raise TypeError(f"{attribute.name} must be {names}, got {type(value).__name__}")

    return check


_text: Final = _typed(str)
_optional_str: Final = _typed(str, type(None))


def _id(value: str | int | None) -> str | None:
    """An integer id (``"id": 12`` in JSON, a numpy integer from a data frame) becomes its
    decimal string, as the loaders make it."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    raise TypeError(f"id must be str, int or None, got {type(value).__name__}")


def _source(value: str | os.PathLike[str] | None) -> str | None:
    """A path (:class:`pathlib.Path`, any :class:`os.PathLike`) becomes its string."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        if isinstance(path, str):
            return path
    raise TypeError(f"source must be str, os.PathLike or None, got {type(value).__name__}")


def _to_date(value: dt.date | str | None) -> dt.date | None:
    """A date field's value: ``None`` or a blank string (an empty cell, ``"published": ""``)
    is no date; anything else is read by :func:`parse_published`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_published(value)


_DATE_RE: Final = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
    r"(?:[Tt ](?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2})(?:[.,][0-9]{1,9})?)?"
    r"(?:[Zz]|[+-](?P<zh>[0-9]{2})"
    r"(?::?(?P<zm>[0-9]{2})(?::(?P<zs>[0-9]{2})(?:\.[0-9]{1,6})?)?)?)?)?"
)


def parse_published(value: object, *, field: str = "published") -> dt.date:
    """Parse a publication date: ``YYYY-MM-DD``, optionally followed by an ISO 8601 time.

    The one date parser of newslens: the loaders, the ``--published`` option,
    :class:`~newslens.Config` and :meth:`Document.create` all use it. The
    time, when there is one, follows a ``T`` or a space: hours and minutes,
    optionally seconds and a fraction, optionally a zone (``Z``, ``+05:30``,
    ``-0800``, or with seconds as :meth:`datetime.datetime.isoformat` may
    write it). The time must be valid, but only the date is kept (the date as
    written, not converted to another zone). White space around the value is
    ignored; anything else (``2024-3-14``, ``March 14, 2024``,
    ``2024-03-14garbage``) is refused. A :class:`datetime.date` is returned as
    it is, and a :class:`datetime.datetime` as its date, so that code passing
    on a value it was given need not tell the kinds apart.

    Args:
        value: The value to read (anything; only a string, a date or a
            datetime can be a date).
        field: The field named in the error.

    Raises:
        InputError: naming *field* when the value is not such a date.

    Example:
        >>> parse_published("2024-03-14T09:30:00Z")
        datetime.date(2024, 3, 14)
        >>> parse_published("2024-03-14garbage")
        Traceback (most recent call last):
        ...
        newslens.errors.InputError: <input>, field 'published': '2024-03-14garbage' is not \
a date in the form YYYY-MM-DD (optionally followed by a time, as in 2024-03-14T09:30:00Z)
    """
    if isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    match = _DATE_RE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is not None:
        numbers = {name: int(digits) for name, digits in match.groupdict().items() if digits}
        try:
            date = dt.date(numbers["year"], numbers["month"], numbers["day"])
            dt.time(numbers.get("hour", 0), numbers.get("minute", 0), numbers.get("second", 0))
            dt.time(numbers.get("zh", 0), numbers.get("zm", 0), numbers.get("zs", 0))  # zone
        except ValueError:
            pass
        else:
            return date
    shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
    raise InputError(
        f"{shown} is not a date in the form YYYY-MM-DD "
        "(optionally followed by a time, as in 2024-03-14T09:30:00Z)",
        field=field,
    )


_BYLINE_LEAD_IN: Final = re.compile(
    r"(?i:written\s*by|by)(?=\s|:|\Z|[A-Z])\s*(?::\s*)?"
)


def clean_byline(byline: str) -> str:
    """Return *byline* without its lead-in and the white space around it.

    The lead-in is ``By`` or ``Written by`` (in any case, with or without a
    colon after it; ``Written byTimes Magazine``, a missing space, is read as
    ``Times Magazine``). It is not part of a name, so :meth:`Document.create`
    drops it. A byline that is only a lead-in becomes ``""``; a name that
    merely starts with the letters, such as *Byron*, is kept.

    Example:
        >>> [clean_byline(b) for b in ("By Ana Okafor", "WRITTEN BY: Li Chen", "Byron Ash")]
        ['Ana Okafor', 'Li Chen', 'Byron Ash']
    """
    byline = byline.strip()
    lead_in = _BYLINE_LEAD_IN.match(byline)
    return byline[lead_in.end() :].strip() if lead_in else byline


# A place in capitals (WASHINGTON, ST. LOUIS, NEWPORT NEWS, Va., LONDON, March 3), an
# optional agency in brackets, a dash or two, white space. Bounded quantifiers only.
_DATELINE_RE: Final = re.compile(
    r"[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z0-9][A-Za-z0-9.'’-]*){0,5}[ ,]*"
    r"(?:\([^()\n]{1,40}\)[ ]*)?[—–-]{1,2}\s"
)


def find_dateline(body: str) -> tuple[int, int] | None:
    """Return where the dateline of an article's *body* is, or ``None``.

    A dateline opens the body's first line (after any white space): a place
    in capital letters, perhaps followed by a state, a date and, in brackets,
    the agency, then a dash and white space: ``WASHINGTON (AP) —``,
    ``ST. LOUIS —``, ``LONDON, March 3 (Reuters) -``, ``NEWPORT NEWS, Va. -``.
    :meth:`Document.create` records it as the ``dateline`` part
    (:data:`DATELINE`), so that annotators and enrichers need not look for it.

    Returns:
        ``(start, end)`` offsets into *body*, from the dateline's first
        character to its dash (the white space after it is not part of it).

    Example:
        >>> body = "WASHINGTON (AP) — The Senate voted."
        >>> start, end = find_dateline(body)
        >>> body[start:end]
        'WASHINGTON (AP) —'
        >>> find_dateline("The Senate voted.") is None
        True
    """
    start = len(body) - len(body.lstrip())
    match = _DATELINE_RE.match(body, start)
    if match is None:
        return None
    return start, len(body[: match.end()].rstrip())


# Typed converters (the attrs mypy plugin cannot resolve a generic ``tuple`` converter).
def _parts(value: Iterable[Part]) -> tuple[Part, ...]:
    return tuple(value)


def _paragraphs(value: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(value)


def _sentences(value: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return tuple(value)


def _tokens(value: Iterable[Token]) -> TokenTable:
    return value if isinstance(value, TokenTable) else TokenTable(value)


def _entities(value: Iterable[Entity]) -> tuple[Entity, ...] | Deferred[Entity]:
    return value if isinstance(value, Deferred) else tuple(value)


def _diagnostics(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


def _layers(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _pending() -> Any:
    raise AssertionError("worked out already")


class Output:
    """What the plugins of a pipeline write of one document, worked out when first read.

    A :class:`~newslens.Pipeline` gives every document it produces an
    ``Output`` bound to its own plugins, so the document is written with the
    plugins that enriched it (whatever pipeline or process writes it). The
    JSON sections and the report blocks are each asked for once, on first
    read, under a lock (documents may be shared between threads), and not at
    all when nobody reads them. Pickling stores the results, never the plugins.

    Args:
        sections: Returns ``(sections, diagnostics)``: the plugins' JSON sections
            and an ``error`` diagnostic for each output hook that failed.
        blocks: Returns ``(blocks, diagnostics)``: the plugins' report blocks
            (:class:`~newslens.Block`) and the failures of report hooks.
    """

    __slots__ = ("_blocks", "_sections")

    def __init__(
        self,
        sections: Callable[[], tuple[Mapping[str, Any], tuple[Diagnostic, ...]]],
        blocks: Callable[[], tuple[tuple[Block, ...], tuple[Diagnostic, ...]]],
    ) -> None:
        self._sections: list[Any] = [sections, None]
        self._blocks: list[Any] = [blocks, None]

    @staticmethod
    def _read(slot: list[Any]) -> Any:
        value = slot[1]
        if value is None:
            with _WORK_OUT_LOCK:
                value = slot[1]
                if value is None:
                    made, notes = slot[0]()
                    value = slot[1] = (FrozenMap(made) if isinstance(made, Mapping)
                                       else tuple(made), tuple(notes))
                    slot[0] = _pending
        return value

    @property
    def sections(self) -> Mapping[str, Any]:
        """The plugins' JSON sections, by name."""
        return self._read(self._sections)[0]  # type: ignore[no-any-return]

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The plugins' report blocks, in plugin-name order."""
        return self._read(self._blocks)[0]  # type: ignore[no-any-return]

    @property
    def section_diagnostics(self) -> tuple[Diagnostic, ...]:
        """Failures of JSON-section hooks (written with the JSON's diagnostics)."""
        return self._read(self._sections)[1]  # type: ignore[no-any-return]

    @property
    def block_diagnostics(self) -> tuple[Diagnostic, ...]:
        """Failures of report-block hooks (shown with the report's diagnostics)."""
        return self._read(self._blocks)[1]  # type: ignore[no-any-return]

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Failures of the output hooks asked so far (nothing is worked out to answer)."""
        return tuple(
            note for slot in (self._sections, self._blocks) if slot[1] is not None
            for note in slot[1][1]
        )

    def __repr__(self) -> str:
        done = [name for name, slot in (("sections", self._sections), ("blocks", self._blocks))
                if slot[1] is not None]
        return f"<Output, worked out: {', '.join(done) or 'nothing yet'}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_made_output, (self._read(self._sections), self._read(self._blocks)))


def _made_output(sections: tuple[Any, Any], blocks: tuple[Any, Any]) -> Output:
    """Rebuild a pickled :class:`Output` (already worked out)."""
    return Output(lambda: sections, lambda: blocks)


_EMPTY: Final[tuple[Any, ...]] = ()


@attrs.frozen
class Document:
    """A news article, its annotations and its enrichments.

    Build one with :meth:`Document.create` (or :func:`newslens.analyze`), never
    by hand-joining text: ``create`` computes :attr:`text` and :attr:`parts`.

    Attributes:
        text: Headline, byline and body joined by a blank line, headline first;
            exactly the body when there is no headline or byline.
        parts: Named character ranges of ``text`` (``headline``, ``byline``,
            ``body``, and ``dateline`` inside the body).
        published: Publication date, when known: a :class:`datetime.date`, or
            a string :func:`parse_published` reads; ``None`` or a blank string
            is no date.
        id: Identifier given with the input (or the file name). An integer
            (a numpy integer too) is kept as its decimal string (``12`` becomes ``"12"``, as the
            JSON loaders read ``"id": 12``); any other type than ``str``,
            ``int`` or ``None`` is a :class:`TypeError` naming the field.
        source: Where the article came from (a file path, a publisher). A
            path (:class:`pathlib.Path`, any :class:`os.PathLike`) is kept as
            its string, so the document writes as JSON; any other type than
            ``str`` or ``None`` is a :class:`TypeError` naming the field.
        url: The article's address, when known (``str`` or ``None``).
        meta: Any other metadata given with the input (a mapping).
        backend: Name of the annotator that processed the document.
        layers: The annotation layers that are filled in.
        paragraphs: Paragraphs in text order.
        sentences: Sentences in text order.
        tokens: Tokens in text order, as a :class:`TokenTable` (read it like a
            tuple of :class:`Token`; any iterable of tokens given is converted).
        entities: Entities in text order: a tuple, or a :class:`Deferred` tuple
            worked out when first read (the lite annotator's).
        enrichments: Results of the plugins' enrichers, read with ``doc[KEY]``.
        sections: JSON sections read back by :meth:`from_dict`; written out
            again unchanged by :meth:`to_dict`.
        diagnostics: What happened while processing.
        output: What the plugins of the pipeline that produced the document
            write of it (JSON sections, report blocks), worked out when first
            read; ``None`` for a document no pipeline produced. Not compared
            by ``==``.

    Documents are values: equal when every field but :attr:`output` is equal,
    hashable (``meta``, ``enrichments`` and ``sections``, which may hold
    lists, are compared but left out of the hash, so equal documents still
    hash alike), and they survive ``pickle`` and :func:`copy.deepcopy`
    equal to themselves.
    """

    text: str = attrs.field(validator=_text)
    parts: tuple[Part, ...] = attrs.field(default=_EMPTY, converter=_parts)
    published: dt.date | None = attrs.field(default=None, converter=_to_date)
    id: str | None = attrs.field(default=None, converter=_id)
    source: str | None = attrs.field(default=None, converter=_source)
    url: str | None = attrs.field(default=None, validator=_optional_str)
    # The mappings hold any JSON value (lists too), so they are compared but not hashed.
    meta: Mapping[str, Any] = attrs.field(factory=dict, converter=_meta, hash=False)
    backend: str | None = None
    layers: frozenset[str] = attrs.field(factory=frozenset, converter=_layers)
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=_EMPTY, converter=_paragraphs)
    sentences: tuple[Sentence, ...] = attrs.field(default=_EMPTY, converter=_sentences)
    tokens: TokenTable = attrs.field(default=_EMPTY, converter=_tokens)
    entities: tuple[Entity, ...] | Deferred[Entity] = attrs.field(
        default=_EMPTY, converter=_entities
    )
    enrichments: Enrichments = attrs.field(factory=Enrichments, hash=False)
    sections: Mapping[str, Any] = attrs.field(factory=dict, converter=_sections, hash=False)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=_EMPTY, converter=_diagnostics)
    output: Output | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def create(
        cls,
        body: str,
        *,
        headline: str | None = None,
        byline: str | None = None,
        published: dt.date | str | None = None,
        id: str | int | None = None,
        source: str | os.PathLike[str] | None = None,
        url: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Document:
        """Make an unannotated document from its parts.

        The headline and the byline are trimmed of white space; the byline's
        lead-in (``By``, ``Written by``, ``By:``, in any case, see
        :func:`clean_byline`) is dropped, so that the ``byline`` part holds the
        names only. An empty or ``None`` headline or byline (or a byline that
        is only a lead-in) is left out. The body is kept character for character.

        A dateline at the start of the body (:func:`find_dateline`) is recorded
        as the ``dateline`` part, inside the body, after the other parts; then
        each stretch of boilerplate in the body
        (:func:`newslens.webtext.find_boilerplate`) as a ``boilerplate`` part.

        Example:
            >>> Document.create("It rained.", byline="Written by Ana Okafor").byline
            'Ana Okafor'
        """
        if not isinstance(body, str):
            raise TypeError(f"body must be str, got {type(body).__name__}")
        pieces: list[tuple[str, str]] = []
        for name, value in ((HEADLINE, headline), (BYLINE, byline)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be str or None, got {type(value).__name__}")
            value = clean_byline(value) if name == BYLINE and value else value
            if value and value.strip():
                pieces.append((name, value.strip()))
        pieces.append((BODY, body))
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
        body_start = parts[-1].start
        dateline = find_dateline(body)
        if dateline is not None:
            parts.append(Part(DATELINE, body_start + dateline[0], body_start + dateline[1]))
        for start, end, _ in find_boilerplate(body):
            parts.append(Part(BOILERPLATE, body_start + start, body_start + end))
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
        """Return the enrichment stored under *key* (see :class:`Enrichments`).

        Raises:
            MissingEnrichmentError: when the document holds nothing under *key*,
                saying why; for a *key* that is not a :class:`Key`, listing the
                names of the keys the document holds.
        """
        enrichments = self.enrichments
        if not isinstance(key, Key) and not (
            (isinstance(key, str) and key in enrichments.provided)
            or any(stored.name == key for stored in enrichments)
        ):
            names = ", ".join(sorted(stored.name for stored in enrichments)) or "none"
            raise MissingEnrichmentError(
                f"enrichments are read by Key (imported from the plugin that provides it), "
                f"not by {type(key).__name__}: {key!r} names no enrichment of this document "
                f"(it holds: {names})"
            )
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
    def dateline(self) -> str | None:
        """The dateline at the start of the body (``WASHINGTON (AP) —``), or ``None``."""
        return self.part_text(DATELINE)

    @property
    def boilerplate(self) -> tuple[Part, ...]:
        """The ``boilerplate`` parts of the body, in text order (see :mod:`newslens.webtext`)."""
        return tuple(part for part in self.parts if part.name == BOILERPLATE)

    def not_prose_spans(self) -> tuple[tuple[int, int], ...]:
        """The stretches of the text that are not prose, for plugins to leave out.

        They are the tokens with a :attr:`Token.kind` (URLs, handles, IDs, markup...)
        and the :attr:`boilerplate` parts, as ``(start, end)`` offsets in text order,
        with overlapping or touching stretches joined. Empty for clean prose.

        Example:
            >>> doc = Document.create("Read it at https://example.org today.")
            >>> doc.not_prose_spans()  # no tokens yet: only boilerplate counts
            ()
        """
        found = [(part.start, part.end) for part in self.boilerplate]
        tokens = self.tokens
        if tokens.has("kind"):
            starts, ends = tokens.column("start"), tokens.column("end")
            found.extend(
                (starts[i], ends[i])
                for i, kind in enumerate(tokens.column("kind"))
                if kind is not None
            )
        return joined_spans(found)

    @property
    def body(self) -> str:
        """The body text (the whole text when there are no parts)."""
        text = self.part_text("body")
        return self.text if text is None else text

    def _repr_html_(self) -> str:
        """The HTML report of the document, as Jupyter shows it (no script: see
        :func:`newslens.htmlreport.render_fragment`)."""
        from newslens.htmlreport import render_fragment

        return render_fragment(self)

    def span_text(self, start: int, end: int) -> str:
        """Return ``text[start:end]``."""
        return self.text[start:end]

    def sentence_tokens(self, sentence: Sentence) -> TokenTable:
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

    def to_dict(self, *, omit: Collection[str] = (), detail: str = "full") -> dict[str, Any]:
        """Return the document in the ``newslens/1`` JSON format.

        Plugin sections come from :attr:`output` (the plugins of the pipeline
        that produced the document) and from :attr:`sections`.

        Args:
            omit: Names of fields or sections to leave out (``{"tokens"}``);
                ``schema`` is always written. See :data:`COMPACT`.
            detail: How much to write, one of :data:`DETAIL_LEVELS`: ``full``
                (the default here, so that :meth:`from_dict` gets back
                everything), ``standard`` (what the writers and the command
                line write by default: no tokens, sentences, paragraphs or
                entities, no text in the parts, and the plugins' sections
                without their detail, see :class:`Detail`) or ``summary``.

        Raises:
            ValueError: for a *detail* that is not one of :data:`DETAIL_LEVELS`.
            TypeError: for *omit* given as one ``str`` (pass ``{"tokens"}``).
        """
        return document_to_dict(self, omit=omit, detail=detail)

    def to_json(self, *, omit: Collection[str] = (), detail: str = "full", **dumps: Any) -> str:
        """Return :meth:`to_dict` as a JSON string.

        Without *dumps*, the string is the one the ``jsonl`` writer writes (made
        with orjson when it is installed, see :func:`newslens.jsonout.dumps`);
        any *dumps* go to :func:`json.dumps` instead (``ensure_ascii`` is
        ``False`` unless given).
        """
        from newslens.jsonout import dumps_document, unwritable_error

        data = self.to_dict(omit=omit, detail=detail)
        if not dumps:
            return dumps_document(data, core=CORE_FIELDS)
        dumps.setdefault("ensure_ascii", False)
        try:
            return json.dumps(data, **dumps)
        except TypeError as exc:
            raise unwritable_error(data, exc) from None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Read a document written by :meth:`to_dict`.

        Plugin sections are kept as plain JSON in :attr:`sections`.

        Raises:
            InputError: naming the field that is missing or malformed.
        """
        return document_from_dict(data)


# -- the newslens/1 JSON format ------------------------------------------------------

CORE_FIELDS: Final = (
    "schema",
    "id",
    "source",
    "url",
    "meta",
    "published",
    "backend",
    "layers",
    "text",
    "parts",
    "paragraphs",
    "sentences",
    "tokens",
    "entities",
    "diagnostics",
)
"""Top-level fields written by the core; no plugin section may use these names."""

def span(text: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    """Return the JSON object for a span: ``{"start", "end", "text", **extra}``."""
    return {"start": start, "end": end, "text": text[start:end], **extra}


COMPACT: Final = frozenset({"tokens", "sentences", "paragraphs"})
"""The ``compact`` preset of ``--omit``: the fields a reader of the analysis rarely
needs (tokens alone are about twelve times the size of the text)."""


DETAIL_LEVELS: Final = ("summary", "standard", "full")
"""The levels of detail of JSON output, least first (``--detail``).

``full`` writes everything; ``standard``, the default of the writers and of
``newslens analyze``, leaves out what costs much and few readers need: the
annotation layers (tokens, sentences, paragraphs, entities), the ``text`` of
the parts (their offsets are kept), and the plugins' detail, each plugin
writing the shorter form it gives for that level (see :class:`Detail`);
``summary`` writes the core as ``standard`` does and the plugins' shortest
forms."""

DEFAULT_DETAIL: Final = "standard"
"""The level of detail the writers and ``newslens analyze`` write unless told."""

_CORE_LEVEL: Final = dict.fromkeys(("tokens", "sentences", "paragraphs", "entities"), "full")
"""The least level of detail at which each core field is written (the others: always)."""

_ABSENT: Final[Any] = object()


def _rank(detail: str) -> int:
    try:
        return DETAIL_LEVELS.index(detail)
    except ValueError:
        raise ValueError(
            f"unknown detail level {detail!r}: choose one of {', '.join(DETAIL_LEVELS)}"
        ) from None


class Detail:
    """A value of a plugin's JSON section that depends on the level of detail.

    A plugin's ``newslens_json_section`` may return a ``Detail`` as the value of
    a section, or as a value of a section that is a mapping (not deeper)::

        {"readability": {"grade": 9.1, "per_sentence": Detail(lambda: [...])}}

    *full* is written at ``--detail full``; *standard* and *summary* are the
    shorter forms written at those levels (the first few items, the items
    without their spans), and a level given no form leaves the key out. Each
    may be a function of no argument, called only when its level is written,
    so that detail nobody asks for costs nothing. A ``Detail`` pickles as its
    values.

    Args:
        full: The value at ``full`` (or a function returning it).
        standard: The value at ``standard``; by default the key is left out.
        summary: The value at ``summary``; by default the key is left out.

    Example:
        >>> data = {"n": 3, "items": Detail([1, 2, 3], standard=[1])}
        >>> [resolve_detail(data, level) for level in DETAIL_LEVELS]
        [{'n': 3}, {'n': 3, 'items': [1]}, {'n': 3, 'items': [1, 2, 3]}]
    """

    __slots__ = ("_forms",)

    def __init__(self, full: Any, *, standard: Any = _ABSENT, summary: Any = _ABSENT) -> None:
        self._forms = (summary, standard, full)

    def at(self, detail: str) -> Any:
        """The value written at the level *detail* (a sentinel when the key is left out)."""
        chosen = self._forms[_rank(detail)]
        return chosen() if callable(chosen) else chosen

    @staticmethod
    def apply(sections: Mapping[str, Any], detail: str) -> dict[str, Any]:
        """Return *sections* as written at the level *detail* (see :func:`resolve_detail`)."""
        return resolve_detail(sections, detail)

    def __repr__(self) -> str:
        given = [level for level, form in zip(DETAIL_LEVELS, self._forms, strict=True)
                 if form is not _ABSENT]
        return f"Detail({', '.join(given)})"

    def __reduce__(self) -> tuple[Any, ...]:
        absent = tuple(form is _ABSENT for form in self._forms)
        values = tuple(
            None if form is _ABSENT else form() if callable(form) else form
            for form in self._forms
        )
        return (_made_detail, (values, absent))


def _made_detail(values: tuple[Any, Any, Any], absent: tuple[bool, bool, bool]) -> Detail:
    """Unpickle a :class:`Detail` (the sentinel for "left out" is not pickled)."""
    summary, standard, full = (
        _ABSENT if gone else value for value, gone in zip(values, absent, strict=True)
    )
    return Detail(full, standard=standard, summary=summary)


def resolve_detail(sections: Mapping[str, Any], detail: str) -> dict[str, Any]:
    """Return plugin *sections* as written at the level *detail*.

    Every :class:`Detail` (a section's value, or a value of a section that is a
    mapping) is replaced by what it writes at that level, or left out.

    Raises:
        ValueError: for a *detail* that is not one of :data:`DETAIL_LEVELS`.
    """
    _rank(detail)
    out: dict[str, Any] = {}
    for name, value in sections.items():
        if isinstance(value, Detail):
            value = value.at(detail)
            if value is _ABSENT:
                continue
        if isinstance(value, Mapping) and any(isinstance(v, Detail) for v in value.values()):
            value = {
                key: item for key, item in (
                    (key, item.at(detail) if isinstance(item, Detail) else item)
                    for key, item in value.items()
                ) if item is not _ABSENT
            }
        out[name] = value
    return out


def _check_omit(omit: object) -> None:
    """Refuse *omit* given as a ``str``: ``"tokens"`` would be read as the names ``t``,
    ``o``, ``k``... (or matched as a substring), leaving out the wrong fields.

    Raises:
        TypeError: for a ``str``, saying to pass a collection such as ``{"tokens"}``.
    """
    if isinstance(omit, str):
        raise TypeError(
            f"omit takes a collection of names, such as {{{omit!r}}}, not the str {omit!r}"
        )


def document_to_dict(
    doc: Document, *, omit: Collection[str] = (), detail: str = "full"
) -> dict[str, Any]:
    """Return *doc* in the ``newslens/1`` JSON format (see :meth:`Document.to_dict`).

    Raises:
        ValueError: for a *detail* that is not one of :data:`DETAIL_LEVELS`.
        TypeError: for *omit* given as one ``str`` instead of a collection of names.
    """
    _check_omit(omit)
    rank = _rank(detail)
    if rank < len(DETAIL_LEVELS) - 1:
        omit = {*omit, *(name for name, least in _CORE_LEVEL.items() if rank < _rank(least))}
    text = doc.text
    output = doc.output
    notes = output.section_diagnostics if output is not None else ()
    part_text = detail == "full"
    fields: dict[str, Callable[[], Any]] = {
        "schema": lambda: SCHEMA_ID,
        "id": lambda: doc.id,
        "source": lambda: doc.source,
        "url": lambda: doc.url,
        "meta": lambda: dict(doc.meta),
        "published": lambda: doc.published.isoformat() if doc.published else None,
        "backend": lambda: doc.backend,
        "layers": lambda: sorted(doc.layers),
        "text": lambda: text,
        "parts": lambda: [
            span(text, p.start, p.end, name=p.name) if part_text
            else {"start": p.start, "end": p.end, "name": p.name}
            for p in doc.parts
        ],
        "paragraphs": lambda: [span(text, p.start, p.end) for p in doc.paragraphs],
        "sentences": lambda: [
            span(text, s.start, s.end, token_start=s.token_start, token_end=s.token_end)
            for s in doc.sentences
        ],
        "tokens": lambda: _tokens_json(doc.tokens),
        "entities": lambda: [span(text, e.start, e.end, label=e.label) for e in doc.entities],
        "diagnostics": lambda: [_diagnostic(d) for d in (*doc.diagnostics, *notes)],
    }
    data = {name: make() for name, make in fields.items() if name == "schema" or name not in omit}
    for sections in (doc.sections, output.sections if output is not None else {}):
        kept = {name: value for name, value in sections.items() if name not in omit}
        data.update(resolve_detail(kept, detail))
    return data


def _tokens_json(table: TokenTable) -> list[dict[str, Any]]:
    """The tokens as JSON objects, read column by column (no :class:`Token` is made)."""
    present = [name for name in _OPTIONAL_TOKEN_FIELDS if table.has(name)]
    columns = [table.column(name) for name in present]
    out = []
    for start, end, text, *values in zip(
        table.column("start"), table.column("end"), table.column("text"), *columns, strict=True
    ):
        data: dict[str, Any] = {"start": start, "end": end, "text": text}
        for name, value in zip(present, values, strict=True):
            if value is not None:
                data[name] = value
        out.append(data)
    return out


def _diagnostic(diagnostic: Diagnostic) -> dict[str, Any]:
    data = {"plugin": diagnostic.plugin, "level": diagnostic.level, "message": diagnostic.message}
    if diagnostic.exception is not None:
        data["exception"] = diagnostic.exception
    return data


def document_from_dict(data: Mapping[str, Any]) -> Document:
    """Read a document in the ``newslens/1`` format (see :meth:`Document.from_dict`).

    Raises:
        InputError: naming the field that is missing or malformed.
    """
    if not isinstance(data, Mapping):
        raise InputError(f"expected a JSON object, got {type(data).__name__}")
    schema = data.get("schema")
    if schema != SCHEMA_ID:
        raise InputError(f"unsupported schema {schema!r}, expected {SCHEMA_ID!r}", field="schema")
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError("missing or not a string", field="text")
    _check_scalars(data)
    published = data.get("published")
    size = len(text)
    return Document(
        text=text,
        parts=_items(data, "parts", lambda d: Part(d["name"], d["start"], d["end"]), within=size),
        published=parse_published(published) if published is not None else None,
        id=data.get("id"),
        source=data.get("source"),
        url=data.get("url"),
        meta=data.get("meta") or {},
        backend=data.get("backend"),
        layers=frozenset(data.get("layers") or ()),
        paragraphs=_items(
            data, "paragraphs", lambda d: Paragraph(d["start"], d["end"]), within=size
        ),
        sentences=_items(
            data,
            "sentences",
            lambda d: Sentence(d["start"], d["end"], d["token_start"], d["token_end"]),
            within=size,
        ),
        tokens=_items(
            data,
            "tokens",
            lambda d: Token(
                d["start"], d["end"], d["text"], **{k: d.get(k) for k in _OPTIONAL_TOKEN_FIELDS}
            ),
            within=size,
        ),
        entities=_items(
            data, "entities", lambda d: Entity(d["start"], d["end"], d["label"], d["text"]),
            within=size,
        ),
        diagnostics=_items(
            data,
            "diagnostics",
            lambda d: Diagnostic(d["plugin"], d["level"], d["message"], d.get("exception")),
        ),
        sections={k: v for k, v in data.items() if k not in CORE_FIELDS},
    )


_STRING_FIELDS: Final = ("source", "url", "backend")


def _check_scalars(data: Mapping[str, Any]) -> None:
    """Refuse, naming the field, a newslens/1 field of the wrong JSON type."""
    raw_id = data.get("id")
    if raw_id is not None and (not isinstance(raw_id, str | int) or isinstance(raw_id, bool)):
        raise InputError(f"must be a string or an integer, got {_json_type(raw_id)}", field="id")
    for name in _STRING_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"must be a string or null, got {_json_type(value)}", field=name)
    meta = data.get("meta")
    if meta is not None and not isinstance(meta, Mapping):
        raise InputError(f"must be an object, got {_json_type(meta)}", field="meta")
    layers = data.get("layers")
    if layers is not None and (
        not isinstance(layers, list | tuple) or not all(isinstance(name, str) for name in layers)
    ):
        raise InputError(f"must be an array of strings, got {_json_type(layers)}", field="layers")


def _json_type(value: Any) -> str:
    """Name the JSON type of a parsed JSON *value* for an error message (``"a number"``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object" if isinstance(value, Mapping) else type(value).__name__


def _items(
    data: Mapping[str, Any], field: str, make: Callable[[Any], T], *, within: int | None = None
) -> tuple[T, ...]:
    """The items of the array *field*, each made by *make*; spans must end *within* the text."""
    given = data.get(field)
    if given is not None and not isinstance(given, list | tuple):
        raise InputError(f"must be an array, got {_json_type(given)}", field=field)
    items = []
    for index, item in enumerate(given or ()):
        if not isinstance(item, Mapping):
            raise InputError(f"item {index} must be an object, got {_json_type(item)}",
                             field=field)
        try:
            made = make(item)
        except KeyError as exc:
            raise InputError(f"item {index} has no {exc}", field=field) from None
        except (TypeError, ValueError) as exc:
            reason = exc.args[0] if exc.args and isinstance(exc.args[0], str) else exc
            raise InputError(f"item {index} is malformed: {reason}", field=field) from None
        end = getattr(made, "end", None)
        if within is not None and isinstance(end, int) and end > within:
            raise InputError(
                f"item {index} ends at {end}, past the end of the text ({within} characters)",
                field=field,
            )
        items.append(made)
    return tuple(items)


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
