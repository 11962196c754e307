"""The human-readable text report, drawn with rich.

This module imports rich at the top: import it only when a text report is
wanted (:mod:`newslens.io.writers` does so lazily), so that JSON output never
pays for rich.
"""

from __future__ import annotations

from typing import Final

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newslens.blocks import Block
from newslens.model import Diagnostic, Document

LEVEL_STYLES: Final = {"info": "cyan", "warning": "yellow", "error": "bold red"}
"""The rich style of each diagnostic level."""


def _count(count: int, singular: str, plural: str) -> str:
    return f"{count:,} {singular if count == 1 else plural}"


def summary_table(doc: Document) -> Table:
    """Return the two-column table of the document's metadata and counts."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    rows: list[tuple[str, str | None]] = [
        ("Byline", doc.byline),
        ("Published", doc.published.isoformat() if doc.published else None),
        ("Source", doc.source),
        ("URL", doc.url),
        ("Backend", doc.backend),
    ]
    for label, value in rows:
        if value is None:
            table.add_row(label, Text("—", style="dim"))
        else:
            table.add_row(label, Text(value))
    counts = " · ".join(
        (
            _count(len(doc.paragraphs), "paragraph", "paragraphs"),
            _count(len(doc.sentences), "sentence", "sentences"),
            _count(len(doc.tokens), "token", "tokens"),
            _count(len(doc.entities), "entity", "entities"),
        )
    )
    table.add_row("Counts", counts)
    return table


def report_diagnostics(doc: Document) -> tuple[Diagnostic, ...]:
    """The document's diagnostics and those of its plugins' output and report hooks."""
    output = doc.output
    if output is None:
        return doc.diagnostics
    return (*doc.diagnostics, *output.section_diagnostics, *output.block_diagnostics)


def diagnostics_table(doc: Document) -> Table | None:
    """Return a table of the document's diagnostics, or ``None`` when there are none."""
    diagnostics = report_diagnostics(doc)
    if not diagnostics:
        return None
    table = Table(
        box=box.SIMPLE_HEAD,
        expand=True,
        title="Diagnostics",
        title_justify="left",
        title_style="bold",
        show_edge=False,
    )
    table.add_column("Level", no_wrap=True)
    table.add_column("From", no_wrap=True, style="dim")
    table.add_column("Message", ratio=1, overflow="fold")
    for item in diagnostics:
        style = LEVEL_STYLES.get(item.level, "")
        table.add_row(Text(item.level, style=style), Text(item.plugin), Text(item.message))
    return table


def _excerpt(doc: Document, start: int, end: int, width: int = 60) -> str:
    text = " ".join(doc.text[start:end].split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_block(doc: Document, block: Block) -> RenderableType:
    """Return one report block as a rich renderable: its rows, tables, marks and notes."""
    parts: list[RenderableType] = []
    if block.rows:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for label, value in block.rows:
            grid.add_row(Text(label), Text(value))
        parts.append(grid)
    for table in block.tables:
        drawn = Table(*table.columns, title=table.title, box=box.SIMPLE_HEAD,
                      title_justify="left", show_edge=False)
        for row in table.rows:
            drawn.add_row(*(Text(cell) for cell in row))
        parts.append(drawn)
    if block.marks:
        marks = Table(box=box.SIMPLE_HEAD, show_edge=False)
        marks.add_column("Text", ratio=1, overflow="fold")
        marks.add_column("Label", overflow="fold")
        for mark in block.marks:
            label = mark.label if mark.note is None else f"{mark.label} ({mark.note})"
            marks.add_row(Text(_excerpt(doc, mark.start, mark.end)), Text(label))
        parts.append(marks)
    parts.extend(Text(note, style="yellow") for note in block.notes)
    if not parts:
        parts.append(Text("nothing to show", style="dim"))
    return Panel(Group(*parts), title=Text(block.title, style="bold"), title_align="left",
                 subtitle=Text(block.plugin, style="dim") if block.plugin else None,
                 subtitle_align="right", border_style="dim", padding=(0, 1))


def render_report(doc: Document, console: Console) -> None:
    """Print the report of one document: a summary panel, then every plugin's blocks.

    The panel shows the headline, byline, publication date, source, backend,
    counts of paragraphs, sentences, tokens and entities, and the diagnostics
    coloured by level (with those of the plugins' output hooks). Then each
    report block of :attr:`Document.output <newslens.Document.output>` is drawn
    (:func:`render_block`).

    Args:
        doc: The analysed document.
        console: Where to print.
    """
    title = Text(doc.headline or "(no headline)", style="bold")
    subtitle = Text(doc.id, style="dim") if doc.id else None
    blocks = doc.output.blocks if doc.output is not None else ()
    body: list[Table | Text] = [summary_table(doc)]
    diagnostics = diagnostics_table(doc)
    if diagnostics is not None:
        body += [Text(""), diagnostics]
    console.print(
        Panel(
            Group(*body),
            title=title,
            title_align="left",
            subtitle=subtitle,
            subtitle_align="right",
            border_style="blue",
            padding=(1, 2),
        )
    )
    for block in blocks:
        console.print(render_block(doc, block))
