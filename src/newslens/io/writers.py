"""Writing analysed documents: JSON, JSON lines, and a text report.

A writer takes documents one at a time, in order, so that a long batch is
written as it is analysed::

    with open_writer("jsonl", sys.stdout) as writer:
        for doc in pipeline.pipe(docs):
            writer.write(doc)

Formats:

``json``
    One document is written as one JSON object; any other number of documents
    as a JSON array of them (``[]`` for none).
``jsonl``
    One JSON object per line, in input order.
``text``
    A report drawn with rich (imported only for this format): a panel with the
    headline, byline, publication date, backend, counts and diagnostics, then
    each plugin's ``newslens_text_report`` part.
``html``
    Not available yet: :func:`open_writer` raises :class:`UnsupportedFormatError`.
"""

from __future__ import annotations

import abc
import json
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, TextIO

from newslens.errors import NewslensError
from newslens.model import Document

if TYPE_CHECKING:
    import pluggy
    from rich.console import Console

FORMATS: Final = ("json", "jsonl", "text", "html")
"""Every output format name; ``html`` is reserved and refused for now."""

AVAILABLE_FORMATS: Final = ("json", "jsonl", "text")
"""The output formats that can be written."""


class UnsupportedFormatError(NewslensError, ValueError):
    """An output format that newslens does not (yet) write."""


def document_json(doc: Document, plugins: pluggy.PluginManager | None = None, **dumps: Any) -> str:
    """Return *doc* as ``newslens/1`` JSON text (non-ASCII characters kept as they are)."""
    dumps.setdefault("ensure_ascii", False)
    return json.dumps(doc.to_dict(plugins), **dumps)


def write_json(
    doc: Document,
    stream: TextIO,
    plugins: pluggy.PluginManager | None = None,
    *,
    indent: int | None = 2,
) -> None:
    """Write *doc* to *stream* as one ``newslens/1`` JSON object and a newline.

    Args:
        doc: The analysed document.
        stream: A text stream (write UTF-8 files: JSON is UTF-8).
        plugins: Plugin manager whose ``newslens_json_section`` hooks add
            sections (default: the installed plugins).
        indent: Indentation; ``None`` writes a single line.
    """
    stream.write(document_json(doc, plugins, indent=indent))
    stream.write("\n")


def write_jsonl(doc: Document, stream: TextIO, plugins: pluggy.PluginManager | None = None) -> None:
    """Write *doc* to *stream* as one line of JSON (the ``jsonl`` format)."""
    write_json(doc, stream, plugins, indent=None)


def write_text(
    doc: Document, console: Console, plugins: pluggy.PluginManager | None = None
) -> None:
    """Print the text report of *doc* to a rich *console* (see :mod:`newslens.io.report`)."""
    from newslens.io.report import render_report

    render_report(doc, console, plugins)


class DocumentWriter(abc.ABC):
    """Writes documents one by one to a stream; use as a context manager.

    Args:
        stream: Where to write.
        plugins: Plugin manager for the plugins' JSON sections and report parts
            (default: the installed plugins).
    """

    def __init__(self, stream: TextIO, plugins: pluggy.PluginManager | None = None) -> None:
        self.stream = stream
        self.plugins = plugins
        self.count = 0
        """How many documents have been written."""

    @abc.abstractmethod
    def write(self, doc: Document) -> None:
        """Write one document."""

    def close(self) -> None:
        """Finish the output (the stream itself is left open) and flush it."""
        self.stream.flush()

    def __enter__(self) -> DocumentWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class JsonWriter(DocumentWriter):
    """The ``json`` format: one object for one document, else an array."""

    def __init__(self, stream: TextIO, plugins: pluggy.PluginManager | None = None) -> None:
        super().__init__(stream, plugins)
        self._first: str | None = None

    def write(self, doc: Document) -> None:
        """Write one document (the first is held back until it is known whether
        an array is needed)."""
        text = document_json(doc, self.plugins, indent=2)
        if self.count == 0:
            self._first = text
        else:
            if self._first is not None:
                self.stream.write("[\n" + _indent(self._first))
                self._first = None
            self.stream.write(",\n" + _indent(text))
        self.count += 1

    def close(self) -> None:
        """Write the held-back object, or close the array."""
        if self.count == 0:
            self.stream.write("[]\n")
        elif self._first is not None:
            self.stream.write(self._first + "\n")
            self._first = None
        else:
            self.stream.write("\n]\n")
        super().close()


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


class JsonLinesWriter(DocumentWriter):
    """The ``jsonl`` format: one JSON object per line."""

    def write(self, doc: Document) -> None:
        """Write one document as one line."""
        write_jsonl(doc, self.stream, self.plugins)
        self.count += 1


class TextWriter(DocumentWriter):
    """The ``text`` format: a rich report per document.

    Colours are used only when *stream* is a terminal (and ``NO_COLOR`` is unset).

    Args:
        stream: Where to write.
        plugins: Plugin manager (default: the installed plugins).
        width: Width of the report in characters (default: the terminal's, or 100).
    """

    def __init__(
        self,
        stream: TextIO,
        plugins: pluggy.PluginManager | None = None,
        *,
        width: int | None = None,
    ) -> None:
        super().__init__(stream, plugins)
        from rich.console import Console

        terminal = stream.isatty()
        self.console = Console(
            file=stream,
            width=width if width is not None or terminal else 100,
            soft_wrap=False,
            highlight=False,
        )

    def write(self, doc: Document) -> None:
        """Print the report of one document, after a blank line if it is not the first."""
        if self.count:
            self.console.print()
        write_text(doc, self.console, self.plugins)
        self.count += 1


def open_writer(
    format: str, stream: TextIO, plugins: pluggy.PluginManager | None = None
) -> DocumentWriter:
    """Return the writer for *format* (``json``, ``jsonl`` or ``text``) on *stream*.

    Raises:
        UnsupportedFormatError: for ``html`` (not available yet) and unknown names.
    """
    if format == "json":
        return JsonWriter(stream, plugins)
    if format == "jsonl":
        return JsonLinesWriter(stream, plugins)
    if format == "text":
        return TextWriter(stream, plugins)
    if format == "html":
        raise UnsupportedFormatError(
            "HTML output is not available yet: use --format text, json or jsonl"
        )
    raise UnsupportedFormatError(
        f"unknown output format {format!r}: choose one of {', '.join(AVAILABLE_FORMATS)}"
    )
