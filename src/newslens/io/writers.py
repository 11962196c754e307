"""Writing analysed documents: output formats, registered by plugins.

A writer takes documents one at a time, in order, so that a long batch is
written as it is analysed::

    with open_writer("jsonl", sys.stdout) as writer:
        for doc in pipeline.pipe(docs):
            writer.write(doc)

Each document is written with the plugins of the pipeline that produced it
(its :attr:`~newslens.Document.output`), so a writer needs no plugin manager.
Formats come from the ``newslens_output_formats`` hook; the built-in plugin
offers:

``json``
    One document is written as one JSON object; any other number of documents
    as a JSON array of them (``[]`` for none).
``jsonl``
    One JSON object per line, in input order.
``text``
    A report drawn with rich (imported only for this format): a panel with the
    headline, byline, publication date, backend, counts and diagnostics, then
    every plugin's report blocks (:class:`~newslens.Block`).

``html``
    One self-contained HTML page (style and script inline, no network): the
    article with every plugin's marks laid over it, and its blocks beside it
    (see :mod:`newslens.htmlreport`); for several documents, one page with a
    sortable index of the articles, then each report.

A plugin adds a format by
returning an :class:`OutputFormat` with its own :class:`DocumentWriter`.
"""

from __future__ import annotations

import abc
import io
import os
from collections.abc import Collection, Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Final, TextIO

import attrs

from newslens.errors import NewslensError
from newslens.io.formats import OutputFormat
from newslens.jsonout import dumps_document
from newslens.model import (
    COMPACT,
    CORE_FIELDS,
    DEFAULT_DETAIL,
    DETAIL_LEVELS,
    Document,
    _check_omit,
)
from newslens.plugins import (
    BUILTIN_PLUGINS,
    Collected,
    PluginFailure,
    call_each,
    failure_of,
    get_plugin_manager,
    raised,
)

if TYPE_CHECKING:
    import pluggy

    from newslens.htmlreport import IndexRow

PLANNED_FORMATS: Final[tuple[str, ...]] = ()
"""Format names that are planned but not offered yet."""

OMIT_PRESETS: Final = {"compact": COMPACT}
"""Names ``--omit`` expands: ``compact`` leaves out tokens, sentences and paragraphs."""


class UnsupportedFormatError(NewslensError, ValueError):
    """An output format that no installed plugin offers (or one that is planned)."""


def expand_omit(names: Iterable[str]) -> frozenset[str]:
    """Expand presets (``compact``) in a list of fields and sections to leave out.

    ``schema`` cannot be left out: every document says which format it is in.

    Raises:
        ValueError: for ``schema``, or an empty name.
        TypeError: for *names* given as one ``str`` (pass ``["compact"]``).
    """
    _check_omit(names)
    expanded: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            raise ValueError("an empty name in --omit")
        if name == "schema":
            raise ValueError("'schema' is always written")
        expanded.update(OMIT_PRESETS.get(name, {name}))
    return frozenset(expanded)


def unused_names(omit: Iterable[str], seen: Iterable[str]) -> frozenset[str]:
    """The names of *omit* that are neither a core field nor among the *seen* field and
    section names of the documents written: most likely misspelt."""
    known = set(seen) | set(CORE_FIELDS)
    return frozenset(name for name in omit if name not in known)


def _check_stream(stream: object) -> None:
    """Refuse a path or a binary stream where a text stream is wanted, saying what to do."""
    if isinstance(stream, str | os.PathLike):
        raise TypeError(
            f"a writer writes to a text stream, not to a path ({os.fspath(stream)!r}): "
            "open the file with open(path, 'w', encoding='utf-8') and pass that"
        )
    if isinstance(stream, io.BufferedIOBase | io.RawIOBase):
        raise TypeError(
            f"a writer writes text, not bytes: {type(stream).__name__} is a binary stream "
            "(use io.StringIO, or io.TextIOWrapper(stream, encoding='utf-8'))"
        )
    if not callable(getattr(stream, "write", None)):
        raise TypeError(f"a writer writes to a text stream, got {type(stream).__name__}")


class DocumentWriter(abc.ABC):
    """Writes documents one by one to a stream; use as a context manager.

    Args:
        stream: Where to write.
        omit: Fields and sections to leave out (JSON formats; see
            :meth:`Document.to_dict <newslens.Document.to_dict>`).
        detail: How much the JSON formats write: ``summary``, ``standard``
            (the default: no tokens, sentences or paragraphs, nor the plugins'
            detail) or ``full`` (see :data:`~newslens.model.DETAIL_LEVELS`).

    Raises:
        ValueError: for a *detail* that is not a level.
        TypeError: when *stream* is a path (open the file yourself:
            ``open(path, "w", encoding="utf-8")``) or a binary stream.
    """

    def __init__(
        self, stream: TextIO, *, omit: Collection[str] = (), detail: str = DEFAULT_DETAIL
    ) -> None:
        _check_stream(stream)
        _check_omit(omit)
        if detail not in DETAIL_LEVELS:
            raise ValueError(
                f"unknown detail level {detail!r}: choose one of {', '.join(DETAIL_LEVELS)}"
            )
        self.stream = stream
        self.omit = frozenset(omit)
        self.detail = detail
        self.count = 0
        """How many documents have been written."""
        self.seen: set[str] = set()
        """Every field and section name the written documents had (before *omit*)."""

    @abc.abstractmethod
    def write(self, doc: Document) -> None:
        """Write one document."""

    def close(self) -> None:
        """Finish the output (the stream itself is left open) and flush it."""
        self.stream.flush()

    def unused_omit(self) -> frozenset[str]:
        """Names in *omit* that no written document had: most likely misspelt."""
        return unused_names(self.omit, self.seen)

    def _json(self, doc: Document, *, indent: bool = False) -> str:
        data = doc.to_dict(omit=self.omit, detail=self.detail)
        self.seen.update(data, doc.sections, doc.output.sections if doc.output else ())
        return dumps_document(data, indent=indent, core=CORE_FIELDS)

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

    def __init__(
        self, stream: TextIO, *, omit: Collection[str] = (), detail: str = DEFAULT_DETAIL
    ) -> None:
        super().__init__(stream, omit=omit, detail=detail)
        self._first: str | None = None

    def write(self, doc: Document) -> None:
        """Write one document (the first is held back until it is known whether
        an array is needed)."""
        text = self._json(doc, indent=True)
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
        self.stream.write(self._json(doc) + "\n")
        self.count += 1


class TextWriter(DocumentWriter):
    """The ``text`` format: a rich report per document (see :mod:`newslens.io.report`).

    Colours are used only when *stream* is a terminal (and ``NO_COLOR`` is unset).

    Args:
        stream: Where to write.
        omit: Ignored (the report is not JSON).
        detail: Ignored (the report is not JSON).
        width: Width of the report in characters (default: the terminal's, or 100).
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        omit: Collection[str] = (),
        detail: str = DEFAULT_DETAIL,
        width: int | None = None,
    ) -> None:
        super().__init__(stream, omit=omit, detail=detail)
        from rich.console import Console

        terminal = stream.isatty()
        self.console = Console(
            file=stream,
            width=width if width is not None or terminal else 100,
            soft_wrap=False,
            highlight=False,
        )

    def unused_omit(self) -> frozenset[str]:
        """Nothing: ``omit`` does not apply to the report."""
        return frozenset()

    def write(self, doc: Document) -> None:
        """Print the report of one document, after a blank line if it is not the first."""
        from newslens.io.report import render_report

        if self.count:
            self.console.print()
        render_report(doc, self.console)
        self.count += 1


class HtmlWriter(DocumentWriter):
    """The ``html`` format: a self-contained page (see :mod:`newslens.htmlreport`).

    One document makes one report page; several make one page with a sortable
    index of the articles linking to each report below it. The reports are
    rendered as the documents come, and the page is written when the writer is
    closed.

    Args:
        stream: Where to write.
        omit: Ignored (the report is not JSON).
        detail: Ignored (the report is not JSON).
    """

    def __init__(
        self, stream: TextIO, *, omit: Collection[str] = (), detail: str = DEFAULT_DETAIL
    ) -> None:
        super().__init__(stream, omit=omit, detail=detail)
        self._page: str | None = None
        self._rows: list[IndexRow] = []
        self._reports: list[str] = []

    def unused_omit(self) -> frozenset[str]:
        """Nothing: ``omit`` does not apply to the report."""
        return frozenset()

    def write(self, doc: Document) -> None:
        """Render the report of one document."""
        from newslens.htmlreport import index_row, render_fragment, render_page

        self.count += 1
        prefix = f"d{self.count}-"
        self._page = render_page(doc) if self.count == 1 else None
        self._rows.append(index_row(doc, f"{prefix}report"))
        self._reports.append(render_fragment(doc, prefix=prefix, style=False))

    def close(self) -> None:
        """Write the page: the report of the only document, or the index and every report."""
        from newslens.htmlreport import render_index

        page = self._page if self.count == 1 else None
        self.stream.write(page or render_index(self._rows, self._reports))
        super().close()


BUILTIN_FORMATS: Final = (
    OutputFormat("json", JsonWriter, "one JSON object, or an array of them for several articles"),
    OutputFormat("jsonl", JsonLinesWriter, "one JSON object per line"),
    OutputFormat("text", TextWriter, "a report for people, drawn with rich"),
    OutputFormat("html", HtmlWriter, "a self-contained HTML page: the analysis over the text"),
)
"""The formats the built-in plugin offers."""


def collect_formats(pm: pluggy.PluginManager) -> Collected:
    """Ask every plugin for its output formats (``newslens_output_formats``).

    Returns the :class:`OutputFormat` objects, built-in ones first; a second
    format of one name, or anything that is not an ``OutputFormat``, is left
    out with a failure.
    """
    formats: dict[str, OutputFormat] = {}
    failures: list[PluginFailure] = []
    answers = sorted(
        call_each(pm, "newslens_output_formats"),
        key=lambda a: (a.plugin not in BUILTIN_PLUGINS, a.plugin),
    )
    for answer in answers:
        if answer.error is not None:
            failures.append(raised(pm, answer, "formats", "newslens_output_formats"))
            continue
        for item in answer.value or ():
            if not isinstance(item, OutputFormat):
                problem = f"returned {item!r}, which is not an OutputFormat"
            elif item.name in formats:
                owner = formats[item.name].plugin
                problem = f"format {item.name!r} is already offered by {owner!r}"
            else:
                formats[item.name] = attrs.evolve(item, plugin=answer.plugin)
                continue
            failures.append(failure_of(pm, answer.plugin, "formats", problem))
    return Collected(tuple(formats.values()), tuple(failures))


def output_formats(plugins: pluggy.PluginManager | None = None) -> dict[str, OutputFormat]:
    """Return every output format the plugins offer, by name (built-in ones first)."""
    collected = collect_formats(plugins or get_plugin_manager())
    return {item.name: item for item in collected.items}


def open_writer(
    format: str,
    stream: TextIO,
    plugins: pluggy.PluginManager | None = None,
    *,
    omit: Collection[str] = (),
    detail: str = DEFAULT_DETAIL,
) -> DocumentWriter:
    """Return the writer for *format* on *stream*.

    Args:
        format: A name offered by a plugin (built in: ``json``, ``jsonl``, ``text``, ``html``).
        stream: Where to write.
        plugins: The plugin manager whose formats are looked up (default: the
            installed plugins).
        omit: Fields and sections to leave out (presets expanded, see :func:`expand_omit`).
        detail: How much the JSON formats write (``summary``, ``standard``, ``full``;
            see :data:`~newslens.model.DETAIL_LEVELS`).

    Raises:
        UnsupportedFormatError: for a planned format (none at present) and unknown names.
    """
    writer: DocumentWriter = find_format(format, plugins).open(
        stream, omit=expand_omit(omit), detail=detail
    )
    return writer


def find_format(format: str, plugins: pluggy.PluginManager | None = None) -> OutputFormat:
    """Return the :class:`OutputFormat` called *format* among those the plugins offer.

    Raises:
        UnsupportedFormatError: for a planned format (none at present) and unknown names,
            listing the formats there are.
    """
    formats = output_formats(plugins)
    if format in formats:
        return formats[format]
    available = ", ".join(formats)
    if format in PLANNED_FORMATS:
        raise UnsupportedFormatError(
            f"{format.upper()} output is planned but not available yet: use one of {available}"
        )
    raise UnsupportedFormatError(f"unknown output format {format!r}: choose one of {available}")
