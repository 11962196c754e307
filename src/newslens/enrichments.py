"""Typed, namespaced keys and the immutable store that holds enrichment results.

A plugin declares its keys once, at module level::

    QUOTES = Key("quotes.quotes", tuple, doc="Quotes in text order.")

An enricher returns ``{QUOTES: (...)}``; the pipeline checks the value's type and
stores it, and everyone reads it back with ``doc[QUOTES]``. Keys are compared by
their dotted name, so two plugins that pick the same name are caught when the
pipeline is built, never by one silently overwriting the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar, overload

import attrs

from newslens._frozen import FrozenMap
from newslens.errors import MissingEnrichmentError

T = TypeVar("T")
D = TypeVar("D")

_NAME = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$")


def _check_name(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _NAME.match(value):
        raise ValueError(
            f"Key name {value!r} is not a dotted lower-case name such as 'quotes.quotes' "
            "(namespace first, so that two plugins cannot pick the same key by accident)"
        )


@attrs.frozen(eq=False)
class Key(Generic[T]):
    """A typed, documented name under which an enricher stores one result.

    Args:
        name: Dotted name, namespace first (``"quotes.quotes"``). Must be unique
            among the installed plugins.
        type: The type every value must have (checked with :func:`isinstance`
            when an enricher returns it).
        doc: One sentence saying what the value is; shown by ``newslens plugins``.

    Keys compare and hash by name.
    """

    name: str = attrs.field(validator=_check_name)
    type: type[T]
    doc: str = attrs.field(default="", kw_only=True)

    @property
    def namespace(self) -> str:
        """The part of :attr:`name` before the first dot."""
        return self.name.partition(".")[0]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Key) and other.name == self.name

    def __hash__(self) -> int:
        return hash(("newslens.Key", self.name))

    def __str__(self) -> str:
        return self.name

    def check(self, value: object) -> T:
        """Return *value* if it has this key's type, else raise :class:`TypeError`."""
        if not isinstance(value, self.type):
            raise TypeError(
                f"value for key {self.name!r} must be {self.type.__name__}, "
                f"got {type(value).__name__}"
            )
        return value


def _names(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _freeze(values: Mapping[Key[Any], Any]) -> Mapping[Key[Any], Any]:
    return FrozenMap(values)


@attrs.frozen
class Enrichments(Mapping[Key[Any], Any]):
    """An immutable mapping from :class:`Key` to value, one per document.

    ``provided`` names every key that the pipeline that made the document could
    provide, so that reading an absent key can say whether no installed plugin
    provides it or whether its enricher failed or was skipped.
    """

    _values: Mapping[Key[Any], Any] = attrs.field(factory=dict, converter=_freeze)
    provided: frozenset[str] = attrs.field(factory=frozenset, converter=_names)

    @overload
    def get(self, key: Key[T], /) -> T | None: ...
    @overload
    def get(self, key: Key[T], default: D, /) -> T | D: ...
    def get(self, key: Key[Any], default: Any = None, /) -> Any:
        """Return the value stored under *key*, or *default*."""
        return self._values.get(key, default)

    def __getitem__(self, key: Key[T]) -> T:
        try:
            value: T = self._values[key]
            return value
        except KeyError:
            raise MissingEnrichmentError(self._missing_message(key)) from None

    def _missing_message(self, key: Key[Any]) -> str:
        name = getattr(key, "name", key)
        if not isinstance(key, Key) and any(stored.name == name for stored in self._values):
            return (
                f"enrichments are read by Key, not by name: {name!r} is stored under a "
                f"Key of that name (import it from its plugin, or find it with "
                f"next(k for k in doc.enrichments if k.name == {name!r}))"
            )
        if name in self.provided:
            return (
                f"enrichment {name!r} is missing from this document: the enricher that "
                "provides it failed or was skipped (see the document's diagnostics)"
            )
        return (
            f"enrichment {name!r} is not available: no installed plugin provides it "
            "(run 'newslens plugins' to see what is installed)"
        )

    def __iter__(self) -> Iterator[Key[Any]]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def with_values(self, values: Mapping[Key[Any], Any]) -> Enrichments:
        """Return a new store with *values* added (type-checked); ``self`` is unchanged."""
        merged = dict(self._values)
        for key, value in values.items():
            merged[key] = key.check(value)
        return Enrichments(merged, self.provided)

    def with_provided(self, names: frozenset[str]) -> Enrichments:
        """Return a new store that records *names* as provided by the pipeline."""
        return Enrichments(self._values, self.provided | names)
