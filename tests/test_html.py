"""The HTML report without a browser: escaping, nesting of overlapping marks, the writer."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newslens
from newslens import Block, Document, Mark
from newslens.htmlreport import (
    Placed,
    escape_text,
    place_marks,
    render_fragment,
    render_page,
    render_text,
    safe_url,
)
from newslens.io.writers import open_writer

VOID = {"meta", "br", "img", "input", "hr", "link"}
ATTACKS = (
    '<script>window.__xss = 1</script> "><img src=x onerror="window.__xss=2"> '
    "javascript:window.__xss=3 \u202egnp.exe\u202c done"
)


class Checker(HTMLParser):
    """Checks that tags balance and collects the text and what could run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.scripts = 0
        self.handlers: list[str] = []
        self.links: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.links += [value or "" for name, value in attrs if name in ("href", "src")]
        self.scripts += tag == "script"
        self.in_script = tag in ("script", "style")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if not self.in_script:
            self.text.append(data)


def check(markup: str) -> Checker:
    checker = Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == [], f"unclosed: {checker.stack}"
    return checker


def marked(text: str, spans: list[tuple[int, int, int]]) -> list[Placed]:
    blocks = [
        Block(f"layer {layer}", marks=[Mark(s, e, f"m{i}") for i, (s, e, lay) in enumerate(spans)
                                        if lay == layer])
        for layer in range(3)
    ]
    return [p for items in place_marks(blocks) for p in items]


@st.composite
def texts_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, int]]]:
    text = draw(st.text(alphabet="ab <>&\"'\n\u202e", min_size=1, max_size=40))
    bound = st.integers(0, len(text))
    spans = draw(st.lists(st.tuples(bound, bound, st.integers(0, 2)), max_size=12))
    return text, [(min(a, b), max(a, b), layer) for a, b, layer in spans]


@given(texts_and_spans())
def test_overlapping_marks_nest_or_split_into_well_formed_markup(
    case: tuple[str, list[tuple[int, int, int]]],
) -> None:
    text, spans = case
    placed = marked(text, spans)
    checker = check(render_text(text, placed))
    shown = "".join(checker.text)
    assert shown == escape_text_plain(text)
    markup = render_text(text, placed)
    for p in placed:
        if p.mark.start < p.mark.end:
            assert markup.count(f'id="{p.id}"') == 1  # one focusable fragment per mark


def escape_text_plain(text: str) -> str:
    return text.replace("\u202e", "[U+202E]")


@given(texts_and_spans())
def test_every_character_inside_a_mark_is_inside_its_fragments(
    case: tuple[str, list[tuple[int, int, int]]],
) -> None:
    text, spans = case
    placed = [p for p in marked(text, spans) if p.mark.start < p.mark.end]

    class Covered(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.open: list[str] = []
            self.seen: dict[str, str] = {}

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            self.open.append(found.get("id") or found.get("data-for") or "")

        def handle_endtag(self, tag: str) -> None:
            self.open.pop()

        def handle_data(self, data: str) -> None:
            for name in self.open:
                self.seen[name] = self.seen.get(name, "") + data

    covered = Covered()
    covered.feed(render_text(text, placed))
    for p in placed:
        assert covered.seen[p.id] == escape_text_plain(text[p.mark.start : p.mark.end])


def test_text_is_escaped_and_controls_shown_literally() -> None:
    markup = escape_text(ATTACKS)
    assert "<script>" not in markup and "<img" not in markup
    assert "&lt;script&gt;" in markup and "[U+202E]" in markup and "\u202e" not in markup


def test_a_report_of_hostile_text_runs_nothing_and_links_nowhere() -> None:
    doc = Document.create(ATTACKS, headline="<script>alert(1)</script>",
                          url="javascript:alert(1)")
    doc = newslens.Pipeline(backend="lite")(doc)
    page = render_page(doc)
    checker = check(page.split("\n", 1)[1])
    assert checker.scripts == 1  # the report's own
    assert checker.handlers == []
    assert all(link.startswith("#") for link in checker.links)
    assert "javascript:alert(1)" in "".join(checker.text)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


@pytest.mark.parametrize(
    ("url", "safe"),
    [("https://example.com/a?b=1", True), ("http://x.org", True), ("javascript:alert(1)", False),
     (" JaVaScRiPt:alert(1)", False), ("data:text/html,<b>", False), ("//evil.com", False)],
)
def test_only_web_addresses_become_links(url: str, safe: bool) -> None:
    assert (safe_url(url) is not None) == safe


def test_groups_are_numbered_and_coloured_per_block() -> None:
    block = Block("Quotes", marks=[Mark(0, 2, "q", group="A"), Mark(3, 4, "q", group="B"),
                                   Mark(5, 6, "cue"), Mark(7, 8, "q", group="A")])
    (placed,) = place_marks([block])
    assert [p.colour for p in placed] == [1, 2, 0, 1]
    assert placed[0].group == placed[3].group != placed[1].group
    assert placed[2].group == placed[2].id
    assert {p.style for p in placed} == {"fill"}


def test_a_block_s_layer_is_honoured_and_checked() -> None:
    many = Block("Speakers", marks=[Mark(0, 2, "q", group=g) for g in "ABC"])
    shaded = Block("Difficulty", marks=[Mark(0, 9, "s", group="hard"),
                                        Mark(10, 12, "s", group="easy")], layer="shade")
    boxed = Block("Pairs", marks=[Mark(3, 4, "x", group="1")], layer="box")
    placed = place_marks([many, shaded, boxed])
    assert [{p.style for p in layer} for layer in placed] == [{"fill"}, {"shade"}, {"box"}]
    with pytest.raises(ValueError):
        Block("Odd", layer="sparkle")
    # a block that prefers the fill keeps it: the report's own choice becomes a box
    preferred = Block("Quotes", marks=[Mark(0, 2, "q", group="A")], layer="fill")
    (_, auto) = place_marks([preferred, many])
    assert {p.style for p in auto} == {"box"}


def test_fragment_for_jupyter_has_no_script_and_matches_the_page() -> None:
    doc = newslens.analyze("Mayor Ana Ruiz said on Tuesday that the bridge would reopen.",
                           headline="Bridge to reopen", published="2024-03-14", backend="lite")
    fragment = doc._repr_html_()
    check(fragment)
    assert "<script" not in fragment and "<style>" in fragment
    assert render_fragment(doc, style=False) in render_page(doc)
    assert 'data-label="DATE' in fragment


def test_several_documents_make_an_index_with_a_row_each() -> None:
    docs = [newslens.analyze(f"Story {n} happened on Monday.", headline=f"Story {n}",
                             backend="lite") for n in range(3)]
    stream = io.StringIO()
    with open_writer("html", stream) as writer:
        for doc in docs:
            writer.write(doc)
    page = stream.getvalue()
    check(page.split("\n", 1)[1])
    assert page.count('-report">Story') == 3 and 'id="d3-report"' in page
    assert 'class="nl-sortable"' in page
    # each block's key figure has a column: the readability verdict, the quotes count
    assert docs[0].output is not None
    titles = [b.title for b in docs[0].output.blocks if b.rows]
    assert "Readability" in titles
    for title in titles:
        assert f'class="nl-sort">{title}</button>' in page
    readability = next(b for b in docs[0].output.blocks if b.title == "Readability")
    assert f"<td>{readability.rows[0][1]}</td>" in page


def test_no_document_makes_an_empty_index() -> None:
    stream = io.StringIO()
    with open_writer("html", stream):
        pass
    assert "0 articles" in stream.getvalue()
