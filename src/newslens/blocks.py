"""Report blocks: what a plugin shows a person, as data that every writer renders.

A plugin returns blocks from the ``newslens_report_blocks`` hook instead of
printing; the ``text`` writer draws them with rich, and any other writer (an
HTML one, a plugin's own) renders the same data, so a plugin gets its part of
every human-readable report without writing any of them::

    from newslens import Block, Mark, Table, hookimpl

    @hookimpl
    def newslens_report_blocks(doc):
        found = doc.get(COUNTS)
        if not found:
            return None
        return [Block(
            "Most mentioned",
            rows=[("entities", str(len(found)))],
            tables=[Table(("Entity", "Mentions"), [(n, str(c)) for n, c in found[:10]])],
        )]

A block has a title and any of: key-value :attr:`~Block.rows`, :class:`Table`
objects, :class:`Mark` spans of the document's text with a label, and notes
(one-line warnings). Everything is plain text: writers escape it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    rows = tuple((str(label), str(text)) for label, text in value)
    return rows


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(str(item) for item in value)


def _cells(value: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(cell) for cell in row) for row in value)


def _same_width(instance: Table, attribute: attrs.Attribute[Any], value: object) -> None:
    for index, row in enumerate(instance.rows):
        if len(row) != len(instance.columns):
            raise ValueError(
                f"table row {index} has {len(row)} cells for {len(instance.columns)} columns"
            )


@attrs.frozen
class Table:
    """A table of text cells.

    Attributes:
        columns: The column headings.
        rows: One tuple of cells per row, as many as there are columns.
        title: A caption, when the table needs one of its own.
    """

    columns: tuple[str, ...] = attrs.field(converter=_strings)
    rows: tuple[tuple[str, ...], ...] = attrs.field(
        default=(), converter=_cells, validator=_same_width
    )
    title: str | None = None


@attrs.frozen
class Mark:
    """A span of the document's text that a report points out, with a label.

    Attributes:
        start: Offset of the first character in :attr:`Document.text <newslens.Document.text>`.
        end: Offset after the last character.
        label: What the span is (``"DATE 2024-03-14"``, ``"quote: Dana Whitfield"``).
        note: A longer explanation, shown on demand (an HTML writer's hover text).
        group: Marks of one group belong together and are shown together: the
            two sides of a contradiction (``"contradiction-1"``), the quotes of
            one speaker. The ``html`` writer colours a block's groups apart, lists
            them in a legend and highlights every mark of a group when one of
            them is selected; the ``text`` writer ignores it. ``None``: on its own.
    """

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    label: str
    note: str | None = None
    group: str | None = None

    @end.validator
    def _after_start(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"mark ends ({value}) before it starts ({self.start})")


def _tables(value: Iterable[Table]) -> tuple[Table, ...]:
    return tuple(value)


def _marks(value: Iterable[Mark]) -> tuple[Mark, ...]:
    return tuple(value)


@attrs.frozen
class Block:
    """One titled part of a human-readable report.

    Attributes:
        title: The heading (``"Readability"``).
        rows: ``(label, value)`` pairs shown as a two-column list.
        tables: Tables, in order.
        marks: Spans of the text to point out, in text order.
        notes: One-line warnings a reader should see (``"no publication date"``).
        plugin: The plugin that contributed the block (set by the plugin host).
        layer: How an HTML report draws the block's marks over the text, when the
            plugin has a preference: ``"fill"`` (a background per group), ``"box"``
            (an outline), ``"line"`` (an underline), or ``"shade"`` (a band of colour
            under the words, for marks that cover much of the text, such as every
            sentence's difficulty). ``None`` lets the report choose.
    """

    title: str
    rows: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)
    tables: tuple[Table, ...] = attrs.field(default=(), converter=_tables)
    marks: tuple[Mark, ...] = attrs.field(default=(), converter=_marks)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    plugin: str | None = None
    layer: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.in_(("fill", "box", "line", "shade"))),
    )
