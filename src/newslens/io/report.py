"""The human-readable text report, drawn with rich.

This module imports rich at the top: import it only when a text report is
wanted (:mod:`newslens.io.writers` does so lazily), so that JSON output never
pays for rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newslens.model import Document

if TYPE_CHECKING:
    import pluggy

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


def diagnostics_table(doc: Document) -> Table | None:
    """Return a table of the document's diagnostics, or ``None`` when there are none."""
    if not doc.diagnostics:
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
    for item in doc.diagnostics:
        style = LEVEL_STYLES.get(item.level, "")
        table.add_row(Text(item.level, style=style), Text(item.plugin), Text(item.message))
    return table


def render_report(
    doc: Document, console: Console, plugins: pluggy.PluginManager | None = None
) -> None:
    """Print the report of one document: a summary panel, then every plugin's part.

    The panel shows the headline, byline, publication date, source, backend,
    counts of paragraphs, sentences, tokens and entities, and the diagnostics
    coloured by level. Then each plugin's ``newslens_text_report`` hook prints
    its own part to *console*.

    Args:
        doc: The analysed document.
        console: Where to print.
        plugins: Plugin manager (default: the installed plugins).
    """
    if plugins is None:
        from newslens.plugins import get_plugin_manager

        plugins = get_plugin_manager()
    title = Text(doc.headline or "(no headline)", style="bold")
    subtitle = Text(doc.id, style="dim") if doc.id else None
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
    plugins.hook.newslens_text_report(doc=doc, console=console)
