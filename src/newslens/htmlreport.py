"""The HTML report: one self-contained page with the analysis laid over the article.

:func:`render_page` returns a whole page for one document (the ``html``
format's output, see :class:`~newslens.io.writers.HtmlWriter`), :func:`render_fragment` the same
view without a page around it or any script (what
``Document._repr_html_()`` shows in Jupyter).

Every plugin's report blocks (:class:`~newslens.Block`) are rendered
generically: the rows, tables and notes of each block in a panel beside the
text, and its :class:`~newslens.Mark` spans over the text, one layer per block:

* Each block's marks have a style of their own (a fill, a box, an underline, a
  wavy or dotted underline), shown with the block's title in the legend. The
  block with the most mark groups (:attr:`Mark.group <newslens.Mark.group>`,
  the quotes of one speaker) is filled, other blocks with groups are boxed, and
  blocks without groups are underlined.
* The groups of a block are coloured apart *and* numbered (the number is drawn
  before each mark and in the legend), so that colour is never the only signal.
* Every mark can be reached with the keyboard (Tab); its label and note are
  shown when it has keyboard focus or the pointer, in the detail panel, and in
  a list under its block. Selecting a mark highlights every mark of its group
  (the other side of a contradiction) and shows its note (the explanation).
* Overlapping marks nest; a mark that crosses another's end is split in
  fragments, each a well-formed element; only the first is focusable.

Everything from the article or a plugin is text: it is escaped, bidirectional
controls and other invisible control characters are shown as ``[U+202E]``,
only ``http``/``https`` addresses become links, and a Content Security Policy
lets only the report's own style and script (by their hashes) run, with no
network access at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from newslens.blocks import Block, Mark, Table

if TYPE_CHECKING:
    from newslens.model import Diagnostic, Document

CONTROL_CHARACTERS: Final = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160"
    "\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
"""Characters shown as ``[U+XXXX]``: controls, bidirectional overrides, invisible marks."""

PALETTE: Final = (
    ("#dbeafe", "#1d4ed8"),
    ("#fde2c8", "#b45309"),
    ("#d9f2d9", "#15803d"),
    ("#f5d7f0", "#a21caf"),
    ("#fff3b0", "#854d0e"),
    ("#d5f0f3", "#0e7490"),
    ("#fbd5d5", "#b91c1c"),
    ("#e4ddf7", "#5b21b6"),
)
"""The colours the groups of a block cycle through: a fill, and a line for boxes."""

PALETTE_SIZE: Final = len(PALETTE)
"""How many colours the groups of a block cycle through."""

UNDERLINES: Final = ("line", "wavy", "dotted")
"""The styles of blocks whose marks have no groups, in block order."""


@attrs.frozen
class Placed:
    """A mark as the report lays it out.

    Attributes:
        id: The HTML id of its first fragment (``"m3"``, prefixed per document).
        mark: The mark.
        layer: The index of its block among the blocks with marks.
        style: The block's style (``fill``, ``box``, ``line``, ``wavy``, ``dotted``).
        group: The key of its group: its block and :attr:`Mark.group
            <newslens.Mark.group>`, or its own id when it has none.
        colour: The number of its group within the block (from 1), or 0.
    """

    id: str
    mark: Mark
    layer: int
    style: str
    group: str
    colour: int = 0


def escape_text(text: str) -> str:
    """Escape *text* for HTML, showing control and bidirectional characters as ``[U+XXXX]``."""
    out: list[str] = []
    position = 0
    for found in CONTROL_CHARACTERS.finditer(text):
        out.append(html.escape(text[position : found.start()]))
        code = f"U+{ord(found.group()):04X}"
        out.append(f'<span class="nl-ctl" title="invisible character {code}">[{code}]</span>')
        position = found.end()
    out.append(html.escape(text[position:]))
    return "".join(out)


def escape_attribute(text: str) -> str:
    """Escape *text* for a quoted attribute value, control characters as ``[U+XXXX]``."""
    visible = CONTROL_CHARACTERS.sub(lambda found: f"[U+{ord(found.group()):04X}]", text)
    return html.escape(visible, quote=True)


def _describe(mark: Mark) -> str:
    return mark.label if not mark.note else f"{mark.label} — {mark.note}"


def _open_tag(placed: Placed, first: bool) -> str:
    classes = f"nl-mark nl-{placed.style} nl-layer-{placed.layer}"
    if placed.colour:
        classes += f" nl-c{(placed.colour - 1) % PALETTE_SIZE}"
    attributes = [
        f'class="{classes}{"" if first else " nl-cont"}"',
        f'data-group="{escape_attribute(placed.group)}"',
    ]
    if placed.colour:
        attributes.append(f'data-tag="{placed.colour}"')
    if first:
        described = escape_attribute(_describe(placed.mark))
        attributes += [
            f'id="{placed.id}"',
            'tabindex="0"',
            f'data-label="{described}"',
            f'title="{described}"',
        ]
    else:
        attributes.append(f'data-for="{placed.id}"')
    return f"<span {' '.join(attributes)}>"


class _Layout:
    """Nests the marks over the text, splitting a mark where it crosses another's end."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.stack: list[Placed] = []
        self.opened: set[str] = set()

    def open(self, placed: Placed) -> None:
        self.out.append(_open_tag(placed, placed.id not in self.opened))
        self.opened.add(placed.id)
        self.stack.append(placed)

    def close_at(self, position: int) -> None:
        ending = [i for i, placed in enumerate(self.stack) if placed.mark.end == position]
        if not ending:
            return
        lowest = ending[0]
        reopen = [placed for placed in self.stack[lowest:] if placed.mark.end != position]
        self.out.append("</span>" * (len(self.stack) - lowest))
        del self.stack[lowest:]
        for placed in reopen:
            self.open(placed)


def render_text(text: str, marks: Iterable[Placed]) -> str:
    """Return *text* escaped, with every mark as nested ``<span>`` elements.

    Marks that are empty or fall outside the text are left out (they are still
    listed under their block).
    """
    spans = sorted(
        (p for p in marks if 0 <= p.mark.start < p.mark.end <= len(text)),
        key=lambda p: (p.mark.start, -p.mark.end, p.layer),
    )
    cuts = sorted({0, len(text), *(p.mark.start for p in spans), *(p.mark.end for p in spans)})
    starting: dict[int, list[Placed]] = {}
    for placed in spans:
        starting.setdefault(placed.mark.start, []).append(placed)
    layout = _Layout()
    for position, following in zip(cuts, [*cuts[1:], len(text)], strict=True):
        layout.close_at(position)
        for placed in starting.get(position, ()):
            layout.open(placed)
        layout.out.append(escape_text(text[position:following]))
    layout.close_at(len(text))
    return "".join(layout.out)


def _groups(block: Block) -> list[str]:
    return list(dict.fromkeys(m.group for m in block.marks if m.group is not None))


def _styles(blocks: Sequence[Block]) -> list[str]:
    """The style of each block with marks: the plugin's preferred layer, else a fill
    (one at most: the block with the most groups, when no block prefers the fill), a
    box for other grouped blocks, or an underline."""
    grouped = sorted(
        (i for i, block in enumerate(blocks) if block.layer is None and _groups(block)),
        key=lambda i: (-len(_groups(blocks[i])), i),
    )
    fill = grouped[0] if grouped and not any(b.layer == "fill" for b in blocks) else None
    styles: list[str] = []
    plain = 0
    for index, block in enumerate(blocks):
        if block.layer is not None:
            styles.append(block.layer)
        elif index in grouped:
            styles.append("fill" if index == fill else "box")
        else:
            styles.append(UNDERLINES[plain % len(UNDERLINES)])
            plain += 1
    return styles


def place_marks(blocks: Sequence[Block], prefix: str = "") -> list[list[Placed]]:
    """Lay out the marks of *blocks* with marks: one list per block, ids prefixed."""
    marked = [block for block in blocks if block.marks]
    styles = _styles(marked)
    placed: list[list[Placed]] = []
    count = 0
    for layer, block in enumerate(marked):
        numbers = {group: n for n, group in enumerate(_groups(block), 1)}
        items = []
        for mark in block.marks:
            count += 1
            id = f"{prefix}m{count}"
            group = f"{layer}:{mark.group}" if mark.group is not None else id
            items.append(
                Placed(id, mark, layer, styles[layer], group, numbers.get(mark.group or "", 0))
            )
        placed.append(items)
    return placed


# -- panels ------------------------------------------------------------------------------------


def _excerpt(text: str, mark: Mark, width: int = 60) -> str:
    words = " ".join(text[mark.start : mark.end].split())
    return words if len(words) <= width else words[: width - 1] + "…"


def _rows(rows: Iterable[tuple[str, str | None]]) -> str:
    items = "".join(
        f"<dt>{escape_text(label)}</dt><dd>{escape_text(value) if value is not None else '—'}</dd>"
        for label, value in rows
    )
    return f'<dl class="nl-rows">{items}</dl>'


def render_table(table: Table, sortable: bool = False) -> str:
    """Return a :class:`~newslens.Table` as an HTML table in a scrolling box."""
    caption = f"<caption>{escape_text(table.title)}</caption>" if table.title else ""
    head = "".join(f'<th scope="col">{escape_text(c)}</th>' for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape_text(cell)}</td>" for cell in row) + "</tr>"
        for row in table.rows
    )
    return (
        f'<div class="nl-scroll" tabindex="0" role="region" aria-label="table">'
        f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _legend(block: Block, placed: Sequence[Placed]) -> str:
    style = placed[0].style
    numbers = {p.mark.group: p.colour for p in placed if p.mark.group is not None}
    groups = "".join(
        f'<li><span class="nl-swatch nl-{style} nl-c{(n - 1) % PALETTE_SIZE}" data-tag="{n}">'
        f"</span> {escape_text(group)}</li>"
        for group, n in numbers.items()
    )
    sample = f'<span class="nl-mark nl-{style} nl-sample">{escape_text(block.title)}</span>'
    return f"<li>{sample}{f'<ol class=nl-groups>{groups}</ol>' if groups else ''}</li>"


def _mark_list(text: str, placed: Sequence[Placed]) -> str:
    items = "".join(
        f'<li><a href="#{p.id}">{escape_text(_excerpt(text, p.mark) or "(empty)")}</a> '
        f"{escape_text(_describe(p.mark))}</li>"
        for p in placed
    )
    return (
        f'<details class="nl-marks"><summary>{len(placed)} marked passage'
        f"{'' if len(placed) == 1 else 's'}</summary><ol>{items}</ol></details>"
    )


def render_block(text: str, block: Block, placed: Sequence[Placed] = ()) -> str:
    """Return one report block as an HTML section: rows, tables, marks and notes."""
    parts: list[str] = []
    if block.rows:
        parts.append(_rows(block.rows))
    parts.extend(render_table(table) for table in block.tables)
    if placed:
        parts.append(_mark_list(text, placed))
    parts.extend(f'<p class="nl-note">⚠ {escape_text(note)}</p>' for note in block.notes)
    if not parts:
        parts.append('<p class="nl-dim">nothing to show</p>')
    plugin = f' <span class="nl-dim">({escape_text(block.plugin)})</span>' if block.plugin else ""
    return (
        f'<section class="nl-block"><h2>{escape_text(block.title)}{plugin}</h2>'
        f"{''.join(parts)}</section>"
    )


def _diagnostics(doc: Document) -> tuple[Diagnostic, ...]:
    output = doc.output
    if output is None:
        return doc.diagnostics
    return (*doc.diagnostics, *output.section_diagnostics, *output.block_diagnostics)


def render_diagnostics(doc: Document) -> str:
    """Return the document's diagnostics (with its plugins' output hooks') as a section."""
    found = _diagnostics(doc)
    if not found:
        return '<section class="nl-block"><h2>Diagnostics</h2><p>none</p></section>'
    rows = "".join(
        f'<tr class="nl-{escape_attribute(d.level)}"><td>{escape_text(d.level)}</td>'
        f"<td>{escape_text(d.plugin)}</td><td>{escape_text(d.message)}</td></tr>"
        for d in found
    )
    return (
        '<section class="nl-block nl-diagnostics"><h2>Diagnostics</h2><div class="nl-scroll">'
        '<table><thead><tr><th scope="col">Level</th><th scope="col">From</th>'
        f'<th scope="col">Message</th></tr></thead><tbody>{rows}</tbody></table></div></section>'
    )


def safe_url(url: str | None) -> str | None:
    """Return *url* when it is an ``http`` or ``https`` address, else ``None``."""
    if url is None or not re.match(r"https?://[^\s]", url.strip(), re.IGNORECASE):
        return None
    return url.strip()


def _summary(doc: Document) -> str:
    link = safe_url(doc.url)
    url = (
        f'<a href="{escape_attribute(link)}" rel="noopener noreferrer">{escape_text(link)}</a>'
        if link
        else (escape_text(doc.url) if doc.url else "—")
    )
    counts = (
        f"{len(doc.paragraphs):,} paragraphs · {len(doc.sentences):,} sentences · "
        f"{len(doc.tokens):,} tokens · {len(doc.entities):,} entities"
    )
    rows = _rows(
        [
            ("Byline", doc.byline),
            ("Published", doc.published.isoformat() if doc.published else None),
            ("Source", doc.source),
            ("Backend", doc.backend),
            ("Counts", counts),
        ]
    )
    return rows.replace("</dl>", f"<dt>URL</dt><dd>{url}</dd></dl>")


DETAIL_HINT: Final = "Select a highlighted passage (Tab, click or tap) to see what it is."
"""What the detail panel says before anything is selected."""


def render_fragment(doc: Document, *, prefix: str = "", style: bool = True) -> str:
    """Return the report of *doc* as an HTML fragment (a ``div``), with no script.

    Args:
        doc: The analysed document; its report blocks are those of
            :attr:`Document.output <newslens.Document.output>` (none without one).
        prefix: Put before every HTML id, so that several reports fit in one page.
        style: Include the style sheet (a ``<style>`` element scoped to the report).
    """
    blocks = doc.output.blocks if doc.output is not None else ()
    placed = place_marks(blocks, prefix)
    by_block = {id(block): items for block, items in zip(
        [b for b in blocks if b.marks], placed, strict=True)}
    legend = "".join(
        _legend(block, by_block[id(block)]) for block in blocks if id(block) in by_block
    )
    panels = "".join(render_block(doc.text, b, by_block.get(id(b), ())) for b in blocks)
    text = render_text(doc.text, [p for items in placed for p in items])
    title = escape_text(doc.headline or "(no headline)")
    return (
        f'<div class="newslens-report" id="{prefix}report">'
        f"{f'<style>{STYLE}</style>' if style else ''}"
        f'<header><h1>{title}</h1>{_summary(doc)}</header><div class="nl-main">'
        f'<article class="nl-text" aria-label="Article text with the analysis marked">'
        f"{text}</article>"
        f'<div class="nl-panels"><section class="nl-detail" aria-live="polite">'
        f'<h2>Selected</h2><p class="nl-detail-label">{DETAIL_HINT}</p>'
        f'<p class="nl-detail-note"></p></section>'
        f'<section class="nl-block nl-legend"><h2>Legend</h2><ul>{legend or "<li>no marks</li>"}'
        f"</ul></section>{render_diagnostics(doc)}{panels}</div></div></div>"
    )


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


def _page(title: str, body: str) -> str:
    policy = (
        f"default-src 'none'; style-src '{_hash(STYLE)}'; script-src '{_hash(SCRIPT)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}<script>{SCRIPT}</script></body></html>\n"
    )


def render_page(doc: Document) -> str:
    """Return a self-contained HTML page (style and script inline) reporting on *doc*."""
    title = CONTROL_CHARACTERS.sub("", doc.headline or doc.id or "newslens report")
    return _page(f"{title} — newslens", render_fragment(doc, style=False))


@attrs.frozen
class IndexRow:
    """One article in the index of a report on several articles.

    Attributes:
        anchor: The id of its report in the page.
        cells: Headline, published, source, sentences, marks, diagnostics.
        figures: Each report block's key figure, as ``(block title, value)``: the value
            of the block's first row (the number of quotes, the readability verdict).
    """

    anchor: str
    cells: tuple[str, ...]
    figures: tuple[tuple[str, str], ...] = ()


INDEX_COLUMNS: Final = ("Headline", "Published", "Source", "Sentences", "Marks", "Diagnostics")
"""The columns of the index of a report on several articles."""


def index_row(doc: Document, anchor: str) -> IndexRow:
    """Return the index row of *doc*, whose report has the id *anchor*."""
    blocks = doc.output.blocks if doc.output is not None else ()
    return IndexRow(
        anchor,
        (
            doc.headline or doc.id or "(no headline)",
            doc.published.isoformat() if doc.published else "",
            doc.source or "",
            str(len(doc.sentences)),
            str(sum(len(block.marks) for block in blocks)),
            str(len(_diagnostics(doc))),
        ),
        tuple((block.title, block.rows[0][1]) for block in blocks if block.rows),
    )


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def render_index(rows: Sequence[IndexRow], reports: Sequence[str]) -> str:
    """Return a page with a sortable index of the articles, then each report.

    Beside the fixed columns (:data:`INDEX_COLUMNS`), each report block gives a column
    of its key figure (:attr:`IndexRow.figures`), so a plugin's figure is in the index
    with no HTML of its own.
    """
    titles = list(dict.fromkeys(title for row in rows for title, _ in row.figures))
    figures = [dict(row.figures) for row in rows]
    numeric = [n >= 3 for n in range(len(INDEX_COLUMNS))] + [
        all(_is_number(f[t]) for f in figures if f.get(t)) for t in titles
    ]
    head = "".join(
        f'<th scope="col" data-numeric="{"1" if numeric[n] else ""}">'
        f'<button type="button" class="nl-sort">{escape_text(name)}</button></th>'
        for n, name in enumerate((*INDEX_COLUMNS, *titles))
    )
    body = "".join(
        f'<tr><td><a href="#{row.anchor}">{escape_text(row.cells[0])}</a></td>'
        + "".join(f"<td>{escape_text(cell)}</td>" for cell in row.cells[1:])
        + "".join(f"<td>{escape_text(shown.get(title, ''))}</td>" for title in titles)
        + "</tr>"
        for row, shown in zip(rows, figures, strict=True)
    )
    index = (
        '<nav class="newslens-report nl-index" aria-label="Articles"><h1>'
        f"{len(rows)} articles</h1><p>Select a column heading to sort by it.</p>"
        '<div class="nl-scroll"><table class="nl-sortable"><thead>'
        f"<tr>{head}</tr></thead><tbody>{body}</tbody></table></div></nav>"
    )
    return _page(f"{len(rows)} articles — newslens", index + "".join(reports))


STYLE: Final = """
.newslens-report{--nl-ink:#1b1b1b;--nl-dim:#595959;--nl-line:#767676;
 font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--nl-ink);
 background:#fff;max-width:80rem;margin:0 auto;padding:1rem;box-sizing:border-box}
.newslens-report *{box-sizing:border-box}
.newslens-report h1{font-size:1.6rem;line-height:1.25;margin:0 0 .5rem;overflow-wrap:anywhere}
.newslens-report h2{font-size:1.1rem;margin:0 0 .5rem}
.newslens-report .nl-rows{display:grid;grid-template-columns:max-content minmax(0,1fr);
 gap:.1rem 1rem;margin:0 0 .75rem}
.newslens-report .nl-rows dt{font-weight:600}
.newslens-report .nl-rows dd{margin:0;overflow-wrap:anywhere}
.newslens-report .nl-main{display:grid;grid-template-columns:minmax(0,1fr);gap:1.5rem}
@media (min-width:60em){
 .newslens-report .nl-main{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}}
.newslens-report .nl-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.05rem;
 line-height:2;min-width:0}
.newslens-report .nl-panels{min-width:0}
.newslens-report .nl-block,.newslens-report .nl-detail{border:1px solid #c8c8c8;
 border-radius:.4rem;padding:.75rem;margin:0 0 1rem}
.newslens-report .nl-detail{position:sticky;top:0;background:#fffbe6;z-index:2}
.newslens-report .nl-detail p{margin:.25rem 0;overflow-wrap:anywhere}
.newslens-report .nl-scroll{overflow-x:auto;max-width:100%}
.newslens-report table{border-collapse:collapse;margin:.25rem 0 .75rem}
.newslens-report caption{text-align:left;font-weight:600}
.newslens-report th,.newslens-report td{text-align:left;padding:.15rem .6rem .15rem 0;
 border-bottom:1px solid #ddd;vertical-align:top}
.newslens-report .nl-note{color:#6b4e00;margin:.25rem 0}
.newslens-report .nl-dim{color:var(--nl-dim);font-weight:normal}
.newslens-report .nl-warning td:first-child{color:#6b4e00;font-weight:600}
.newslens-report .nl-error td:first-child{color:#a00000;font-weight:700}
.newslens-report .nl-ctl{font:.75em monospace;border:1px dashed var(--nl-line);padding:0 .1em}
.newslens-report .nl-legend ul,.newslens-report .nl-groups{list-style:none;padding:0;margin:0}
.newslens-report .nl-groups{margin:.25rem 0 .5rem 1rem}
.newslens-report .nl-swatch{display:inline-block;min-width:1.6em;text-align:center}
.newslens-report .nl-swatch::before{content:attr(data-tag)}
.newslens-report .nl-marks ol{padding-left:1.5rem;overflow-wrap:anywhere}
.newslens-report a{color:#0b57d0}
.newslens-report a:focus-visible,.newslens-report button:focus-visible,
.newslens-report .nl-scroll:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.newslens-report .nl-mark{position:relative;unicode-bidi:isolate;border-radius:.15em}
.newslens-report .nl-mark[data-tag]:not(.nl-cont)::before{content:attr(data-tag);
 font-size:.65em;font-weight:700;vertical-align:super;margin-right:.1em}
.newslens-report .nl-fill{background:#e8e8e8}
.newslens-report .nl-box{box-shadow:0 0 0 2px var(--nl-line);padding:0 .1em}
.newslens-report .nl-line{border-bottom:2px solid var(--nl-line)}
.newslens-report .nl-shade{background-image:linear-gradient(to top,var(--nl-line) 0,
 var(--nl-line) .16em,transparent .16em)}
.newslens-report .nl-wavy{text-decoration:underline wavy var(--nl-line)}
.newslens-report .nl-dotted{border-bottom:2px dotted var(--nl-line)}
.newslens-report .nl-mark[tabindex]{cursor:pointer}
.newslens-report .nl-mark[tabindex]:focus{outline:3px solid #0b57d0;outline-offset:1px}
.newslens-report .nl-mark.nl-active{outline:3px dashed #000;outline-offset:2px;font-weight:600}
.newslens-report .nl-mark[tabindex]:focus::after{content:attr(data-label);
 position:absolute;
 left:0;top:100%;z-index:3;width:max-content;max-width:min(22rem,80vw);white-space:normal;
 background:#1b1b1b;color:#fff;font:600 .85rem/1.4 system-ui,sans-serif;padding:.3rem .5rem;
 border-radius:.3rem;pointer-events:none}
.newslens-report .nl-sample{padding:0 .2em;margin-right:.5em}
.newslens-report .nl-sort{font:inherit;font-weight:700;background:none;border:0;padding:0;
 cursor:pointer;color:inherit;text-decoration:underline}
.newslens-report th[aria-sort=ascending] .nl-sort::after{content:" ▲"}
.newslens-report th[aria-sort=descending] .nl-sort::after{content:" ▼"}
@media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
""".strip() + "".join(
    f"\n.newslens-report .nl-fill.nl-c{n}{{background:{fill}}}"
    f"\n.newslens-report .nl-box.nl-c{n}{{box-shadow:0 0 0 2px {line}}}"
    f"\n.newslens-report .nl-shade.nl-c{n}{{background-image:linear-gradient("
    f"to top,{line} 0,{line} .16em,transparent .16em)}}"
    for n, (fill, line) in enumerate(PALETTE)
)
"""The report's style sheet, every rule scoped to ``.newslens-report``."""

SCRIPT: Final = """
(function () {
  "use strict";
  function first(el) {
    var id = el.getAttribute("data-for");
    return id ? document.getElementById(id) : el;
  }
  function reportOf(el) { return el.closest(".newslens-report"); }
  function select(el) {
    el = first(el);
    if (!el) { return; }
    var report = reportOf(el), group = el.getAttribute("data-group");
    report.querySelectorAll(".nl-mark[data-group]").forEach(function (m) {
      m.classList.toggle("nl-active", m.getAttribute("data-group") === group);
    });
    var detail = report.querySelector(".nl-detail");
    var label = el.getAttribute("data-label") || "";
    var quoted = "\\u201c" + el.textContent.replace(/\\s+/g, " ").trim() + "\\u201d";
    detail.querySelector(".nl-detail-label").textContent = quoted + ": " + label;
    var partners = report.querySelectorAll(".nl-mark[tabindex].nl-active").length - 1;
    detail.querySelector(".nl-detail-note").textContent = partners > 0 ?
      partners + " other passage" + (partners > 1 ? "s" : "") + " of this group highlighted" : "";
  }
  function clear() {
    document.querySelectorAll(".nl-active").forEach(function (m) {
      m.classList.remove("nl-active");
    });
  }
  document.addEventListener("focusin", function (event) {
    var t = event.target;
    if (t.classList && t.classList.contains("nl-mark")) { select(t); }
  });
  document.addEventListener("click", function (event) {
    var t = event.target.closest && event.target.closest(".nl-mark[data-group]");
    if (t && !t.classList.contains("nl-sample")) { select(t); first(t).focus(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clear(); }
  });
  function sortBy(th) {
    var table = th.closest("table");
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var numeric = th.getAttribute("data-numeric") === "1";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].textContent, y = b.cells[index].textContent;
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    th.parentNode.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  document.querySelectorAll("table.nl-sortable th .nl-sort").forEach(function (button) {
    button.addEventListener("click", function () { sortBy(button.closest("th")); });
  });
})();
""".strip()
"""The report's script: selecting marks and their groups, sorting the index."""
