"""Tests of the built-in input loaders (newslens.io.loaders) and newslens.io.load."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import newslens
from newslens.config import Config
from newslens.errors import InputError
from newslens.io import load
from newslens.io.loaders import (
    SUPPORTED,
    is_byline,
    load_jsonl_stream,
    load_source,
    parse_txt,
)
from newslens.model import Document, clean_byline

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"


def items(source: str | Path) -> list[Document | InputError]:
    result = load_source(str(source), Config())
    assert result is not None
    return list(result)


def one_doc(source: str | Path) -> Document:
    result = items(source)
    assert len(result) == 1, result
    assert isinstance(result[0], Document), result[0]
    return result[0]


def one_error(source: str | Path) -> InputError:
    result = items(source)
    assert len(result) == 1, result
    assert isinstance(result[0], InputError), result[0]
    return result[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


# -- .txt -----------------------------------------------------------------------------


def test_txt_headline_byline_body() -> None:
    path = FIXTURES / "harbour-ferry.txt"
    doc = one_doc(path)
    raw = path.read_text(encoding="utf-8")
    assert doc.headline == "Harbour town opens a library on a ferry"
    assert doc.byline == "Mirela Oduya"  # "By" is no part of the name
    assert doc.body == raw.split("\n", 3)[3]
    assert doc.body.startswith("The town of Portwen")
    assert doc.id == "harbour-ferry"
    assert doc.source == str(path)
    assert doc.published is None


def test_txt_written_by_without_space() -> None:
    doc = one_doc(FIXTURES / "orchard-frost.txt")
    assert doc.headline == "Late frost spares most of the valley's orchards"
    assert doc.byline == "Valley Courier Desk"
    assert doc.body.startswith("Growers in the upper valley")


def test_txt_first_body_sentence_starting_with_by_is_not_a_byline() -> None:
    doc = one_doc(FIXTURES / "council-vote.txt")
    assert doc.byline is None
    assert doc.body.startswith("By noon the public gallery was full")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Ana Ruiz", True),
        ("BY ANA RUIZ AND TOM PARK", True),
        ("by the Associated Desk", True),
        ("Written by Priya Chen", True),
        ("Written byTimes Magazine", True),
        ("By Jean-Luc Brennan Jr.", True),
        ("Byzantine walls restored", False),
        ("By noon the road was closed.", False),
        ("By the time the ferry arrived, the whole town had gathered on the quay", False),
        ("Reporting by Ana Ruiz", False),
    ],
)
def test_is_byline(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


def test_txt_leading_blank_lines_and_crlf(tmp_path: Path) -> None:
    content = "\r\n\r\nRoad reopens\r\nBy Li Chen\r\n\r\nFirst line.\r\nSecond.\r\n"
    path = write(tmp_path, "crlf.txt", content)
    doc = one_doc(path)
    assert doc.headline == "Road reopens"
    assert doc.byline == "Li Chen"
    assert doc.body == "First line.\r\nSecond.\r\n"


def test_txt_without_byline_keeps_indentation(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path, "a.txt", "Headline\n\n\n   Indented body.\n\tTab line.\n"))
    assert doc.headline == "Headline"
    assert doc.byline is None
    assert doc.body == "   Indented body.\n\tTab line.\n"


def test_txt_with_one_line_is_all_body(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path, "one.txt", "\nMr. Smith said it rained.\n"))
    assert doc.headline is None
    assert doc.body == "Mr. Smith said it rained.\n"
    assert [part.name for part in doc.parts] == ["body"]


def test_txt_bom_is_dropped(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path, "bom.txt", b"\xef\xbb\xbfTitle\nBody text.\n"))
    assert doc.headline == "Title"
    assert doc.body == "Body text.\n"


# NUL marks a binary file, and a byte-order mark at the start of a file is dropped.
_LINE_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x00\ufeff")
_BODY_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")


@given(
    headline=st.text(_LINE_CHARS, min_size=1, max_size=40).filter(lambda s: s.strip()),
    byline=st.none() | st.from_regex(
        r"\A(By |BY |by |Written by |WRITTEN BY|Written by)[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,2}\Z"
    ),
    gap=st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n"]),
    body=st.text(_BODY_CHARS, min_size=1, max_size=300),
)
def test_txt_round_trip_never_alters_the_body(
    tmp_path_factory: pytest.TempPathFactory,
    headline: str,
    byline: str | None,
    gap: str,
    body: str,
) -> None:
    # The body is everything after the header lines; only the line breaks that
    # separate it from them are dropped, so it must not start with one.
    assume(body.strip() and body[0] not in "\r\n")
    first_body_line = body.split("\n", 1)[0]
    assume(byline is not None or not first_body_line.strip() or not is_byline(first_body_line))
    if byline is None:
        # A blank-looking first body line is skipped when looking for a byline;
        # make sure the first non-blank line is not taken for one either.
        lines = [line for line in body.split("\n") if line.strip()]
        assume(not lines or not is_byline(lines[0]))
    header = headline + "\n" + (byline + "\n" if byline else "")
    path = tmp_path_factory.mktemp("txt") / "article.txt"
    path.write_bytes((header + gap + body).encode("utf-8"))
    doc = one_doc(path)
    assert doc.body == body
    assert doc.headline == headline.strip()
    assert doc.byline == (clean_byline(byline) or None if byline else None)
    assert doc.text[doc.part("body").start :] == body  # type: ignore[union-attr]


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_parse_txt_keeps_every_character_somewhere(text: str) -> None:
    if not text.strip():
        with pytest.raises(InputError, match="only whitespace"):
            parse_txt(text)
        return
    doc = parse_txt(text)
    assert doc.body in text
    assert doc.body.strip()
    # Every non-space character of the input is in the document, in order.
    assert [c for c in text if not c.isspace()] == [c for c in doc.text if not c.isspace()]


# -- .json ------------------------------------------------------------------------------


def test_json_article_with_all_fields() -> None:
    doc = one_doc(FIXTURES / "bakery.json")
    assert doc.id == "bakery-2024-02"
    assert doc.headline == "Village bakery reopens after the flood"
    assert doc.byline == "Kofi Mensah"
    assert doc.published == dt.date(2024, 2, 9)
    assert doc.url == "https://news.example.org/bakery"
    assert doc.source == str(FIXTURES / "bakery.json")
    assert doc.body.startswith("The bakery on Mill Lane")
    assert dict(doc.meta) == {"section": "Local", "tags": ["flood", "business"]}


def test_json_explicit_source_meta_and_numeric_id(tmp_path: Path) -> None:
    data = {"id": 12, "text": "Body.", "source": "Wire", "meta": {"a": 1}, "b": 2}
    doc = one_doc(write(tmp_path, "x.json", json.dumps(data)))
    assert doc.id == "12"
    assert doc.source == "Wire"
    assert dict(doc.meta) == {"a": 1, "b": 2}
    assert doc.headline is None


def test_json_default_id_is_the_file_stem(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path, "story-7.json", '{"text": "Body."}'))
    assert doc.id == "story-7"


def test_json_array_yields_each_article_and_each_error(tmp_path: Path) -> None:
    data = [{"text": "One."}, {"headline": "No text"}, {"text": "Three.", "id": "c"}]
    result = items(write(tmp_path, "many.json", json.dumps(data)))
    assert [type(item).__name__ for item in result] == ["Document", "InputError", "Document"]
    first, error, third = result
    assert isinstance(first, Document) and first.id == "many:0"
    assert isinstance(error, InputError)
    assert ", item 1, field 'text': " in str(error) and error.field == "text"
    assert error.item == 1
    assert isinstance(third, Document) and third.id == "c"


def test_json_newslens_document_is_read_and_analysed_afresh(tmp_path: Path) -> None:
    done = newslens.analyze(
        "The bridge will reopen on Monday.", headline="Bridge", published="2024-03-14",
        backend="lite",
    )
    done = done.with_diagnostic("someone", "warning", "old note")
    data = done.to_dict()
    data["id"] = "bridge"
    data["quotes"] = [{"start": 0, "end": 6, "text": "Bridge"}]
    doc = one_doc(write(tmp_path, "done.json", json.dumps(data)))
    assert doc.text == done.text
    assert doc.parts == done.parts
    assert doc.published == dt.date(2024, 3, 14)
    assert doc.id == "bridge"
    assert doc.tokens == () and doc.sentences == () and doc.diagnostics == ()
    assert doc.backend is None and not doc.sections


def test_json_unknown_schema_names_the_field(tmp_path: Path) -> None:
    error = one_error(write(tmp_path, "v9.json", '{"schema": "newslens/9", "text": "x"}'))
    assert error.field == "schema"
    assert "newslens/9" in error.message
    assert error.source == str(tmp_path / "v9.json")


def test_json_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    error = one_error(write(tmp_path, "bad.json", '{\n  "text": "x",\n  oops\n}'))
    assert error.line == 3
    assert "column 3" in error.message
    assert str(error).startswith(f"{tmp_path / 'bad.json'}, line 3: not valid JSON")


@pytest.mark.parametrize(
    ("content", "field", "fragment"),
    [
        ('{"headline": "x"}', "text", "missing"),
        ('{"text": 5}', "text", "must be a string, got a number"),
        ('{"text": null}', "text", "must be a string, got null"),
        ('{"text": ""}', "text", "is empty"),
        ('{"text": " \\n\\t"}', "text", "only whitespace"),
        ('{"text": "x", "published": "14/03/2024"}', "published", "YYYY-MM-DD"),
        ('{"text": "x", "published": 20240314}', "published", "YYYY-MM-DD"),
        ('{"text": "x", "published": "2024-02-30"}', "published", "YYYY-MM-DD"),
        ('{"text": "x", "headline": ["a"]}', "headline", "got an array"),
        ('{"text": "x", "id": true}', "id", "got a boolean"),
        ('{"text": "x", "meta": "m"}', "meta", "must be an object"),
    ],
)
def test_json_field_errors(tmp_path: Path, content: str, field: str, fragment: str) -> None:
    error = one_error(write(tmp_path, "a.json", content))
    assert error.field == field
    assert fragment in error.message
    assert error.source == str(tmp_path / "a.json")


def test_json_top_level_not_an_object(tmp_path: Path) -> None:
    error = one_error(write(tmp_path, "n.json", "42"))
    assert "expected a JSON object" in error.message and "a number" in error.message


def test_published_field_uses_the_one_strict_parser(tmp_path: Path) -> None:
    error = one_error(write(tmp_path, "g.json", '{"text": "x", "published": "2024-03-14garbage"}'))
    assert error.field == "published" and "2024-03-14garbage" in error.message
    assert error.source == str(tmp_path / "g.json")


# -- .jsonl and stdin -----------------------------------------------------------------


def test_jsonl_articles_in_order_with_meta() -> None:
    result = items(FIXTURES / "wire.jsonl")
    assert all(isinstance(item, Document) for item in result)
    docs = [item for item in result if isinstance(item, Document)]
    assert [doc.id for doc in docs] == ["w1", "w2", "w3"]
    assert docs[0].published == dt.date(2024, 5, 2)
    assert docs[1].published is None
    assert dict(docs[2].meta) == {"desk": "roads"}
    assert docs[2].headline is None


def test_jsonl_errors_name_the_line_and_the_rest_continue(tmp_path: Path) -> None:
    lines = [
        b'{"text": "Good one."}',
        b"",
        b'{"text": ""}',
        b'{"text": "x",}',
        b"[1, 2]",
        b'{"text": 3}',
        b'{"text": "x", "published": "yesterday"}',
        b'{"text": "caf\xe9"}',
        b'{"text": "Good two.", "id": "g2"}',
    ]
    path = write(tmp_path, "mixed.jsonl", b"\n".join(lines) + b"\n")
    result = items(path)
    kinds = [type(item).__name__ for item in result]
    assert kinds == ["Document"] + ["InputError"] * 6 + ["Document"]
    errors = [item for item in result if isinstance(item, InputError)]
    assert [error.line for error in errors] == [3, 4, 5, 6, 7, 8]
    assert errors[0].field == "text" and "empty" in errors[0].message
    assert "not valid JSON" in errors[1].message and "column 14" in errors[1].message
    assert "got an array" in errors[2].message
    assert errors[3].field == "text"
    assert errors[4].field == "published"
    offset = sum(len(line) + 1 for line in lines[:7]) + len(b'{"text": "caf')
    assert f"invalid byte 0xe9 at byte offset {offset}" in errors[5].message
    first, last = result[0], result[-1]
    assert isinstance(first, Document) and first.id == "mixed:1"
    assert isinstance(last, Document) and last.id == "g2"


def test_jsonl_is_read_line_by_line() -> None:
    consumed: list[bytes] = []

    def lines() -> Iterator[bytes]:
        for number in range(1, 1_000_000):
            line = json.dumps({"text": f"Article {number}."}).encode() + b"\n"
            consumed.append(line)
            yield line

    stream = load_jsonl_stream(lines(), "big.jsonl", stem="big")  # type: ignore[arg-type]
    first = next(stream)
    assert isinstance(first, Document) and first.body == "Article 1."
    assert len(consumed) == 1


def test_jsonl_with_only_blank_lines(tmp_path: Path) -> None:
    error = one_error(write(tmp_path, "blank.jsonl", "\n  \n\n"))
    assert "only whitespace" in error.message


def test_stdin_reads_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    data = '{"text": "From a pipe.", "headline": "Piped"}\nnot json\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    result = items("-")
    doc, error = result
    assert isinstance(doc, Document)
    assert doc.headline == "Piped" and doc.source == "<stdin>" and doc.id == "stdin:1"
    assert isinstance(error, InputError)
    assert str(error).startswith("<stdin>, line 2: not valid JSON")


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    error = one_error("-")
    assert error.source == "<stdin>" and "empty" in error.message


# -- errors common to every file type ---------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".json", ".jsonl", ".html"])
def test_missing_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"nope{suffix}"
    error = one_error(path)
    assert str(error) == f"{path}: no such file"


@pytest.mark.parametrize("suffix", [".txt", ".json", ".jsonl", ".html"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    error = one_error(write(tmp_path, f"empty{suffix}", b""))
    assert "empty" in error.message


@pytest.mark.parametrize("suffix", [".txt", ".json", ".html"])
def test_whitespace_only_file(tmp_path: Path, suffix: str) -> None:
    error = one_error(write(tmp_path, f"blank{suffix}", " \n\t\n"))
    assert "only whitespace" in error.message


@pytest.mark.parametrize("suffix", [".txt", ".json", ".jsonl", ".html"])
def test_binary_file_names_the_offset(tmp_path: Path, suffix: str) -> None:
    error = one_error(write(tmp_path, f"image{suffix}", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert "binary file" in error.message
    assert "byte offset 8" in error.message


def test_non_utf8_text_names_the_offset(tmp_path: Path) -> None:
    content = "Caf\u00e9 owners protest\n\nBody.".encode("latin-1")
    error = one_error(write(tmp_path, "latin1.txt", content))
    assert error.message.startswith("not UTF-8 text: invalid byte 0xe9 at byte offset 3")


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    assert "is a directory" in one_error(tmp_path / "folder.txt").message


@pytest.mark.parametrize("name", ["report.pdf", "notes", "page.docx"])
def test_unknown_extension_lists_the_supported_ones(tmp_path: Path, name: str) -> None:
    error = one_error(tmp_path / name)
    assert "unsupported input type" in error.message
    for suffix in SUPPORTED:
        assert suffix in error.message
    assert "- for JSON lines on standard input" in error.message


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path, "LOUD.TXT", "Headline\nBody."))
    assert doc.headline == "Headline"


def test_loader_leaves_the_default_date_to_the_pipeline(tmp_path: Path) -> None:
    config = Config(published=dt.date(2020, 1, 1))
    result = list(load_source(str(write(tmp_path, "a.txt", "H\nBody.")), config) or ())
    doc = result[0]
    assert isinstance(doc, Document) and doc.published is None


# -- .html ------------------------------------------------------------------------------


def test_html_extracts_headline_author_date_and_paragraphs() -> None:
    doc = one_doc(FIXTURES / "library-ferry.html")
    assert doc.headline == "Ferry library reaches the outer islands"
    assert doc.byline == "Mirela Oduya"
    assert doc.published == dt.date(2023, 5, 17)
    assert doc.id == "library-ferry"
    paragraphs = doc.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The town of Portwen opened")
    assert paragraphs[1].startswith('"People have waited')
    assert "Subscribe" not in doc.text and "Weather" not in doc.text
    assert doc.meta.get("sitename") == "The Portwen Packet"


def test_html_without_article_text(tmp_path: Path) -> None:
    page = "<html><head><title>T</title></head><body></body></html>"
    error = one_error(write(tmp_path, "empty-page.html", page))
    assert "no article text" in error.message
    assert error.source == str(tmp_path / "empty-page.html")


def test_html_without_trafilatura_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    error = one_error(FIXTURES / "library-ferry.html")
    assert "pip install 'newslens[html]'" in error.message
    assert error.source == str(FIXTURES / "library-ferry.html")


# -- newslens.io.load -----------------------------------------------------------------


def test_load_goes_through_the_plugins_hook() -> None:
    from newslens import hookimpl
    from newslens.plugins import new_plugin_manager

    class Reader:
        @hookimpl
        def newslens_load_document(
            self, source: str, config: Config
        ) -> Iterator[Document | InputError] | None:
            if not source.endswith(".memo"):
                return None
            return iter([Document.create("From a memo.", id=source)])

    pm = new_plugin_manager(entry_points=False, plugins=[Reader()])
    memo = list(load("note.memo", plugins=pm))
    assert len(memo) == 1 and isinstance(memo[0], Document) and memo[0].id == "note.memo"
    builtin = list(load(str(FIXTURES / "harbour-ferry.txt"), plugins=pm))
    assert isinstance(builtin[0], Document) and builtin[0].id == "harbour-ferry"


def test_load_with_defaults() -> None:
    result = list(load(str(FIXTURES / "wire.jsonl")))
    assert [getattr(item, "id", None) for item in result] == ["w1", "w2", "w3"]


# -- newslens.load: files, folders, patterns, encodings ---------------------------------


def _names(result: list[Document | InputError]) -> list[str]:
    return [item.id or "" if isinstance(item, Document) else f"error: {item}" for item in result]


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    (root / "2024" / "march").mkdir(parents=True)
    (root / ".git").mkdir()
    write(root, "b.txt", "Second\n\nBody b.")
    write(root, "a.json", '{"id": "a", "text": "Body a."}')
    write(root / "2024", "c.txt", "Third\n\nBody c.")
    write(root / "2024" / "march", "d.jsonl", '{"id": "d", "text": "Body d."}\n')
    write(root, "notes.md", "# not an article")
    write(root, ".hidden.txt", "Hidden\n\nNot read.")
    write(root / ".git", "e.txt", "Hidden\n\nNot read.")
    return root


def test_load_is_public_and_reads_one_path_or_many() -> None:
    assert "load" in newslens.__all__ and newslens.load is load
    harbour, bakery = FIXTURES / "harbour-ferry.txt", FIXTURES / "bakery.json"
    assert _names(list(newslens.load(harbour))) == ["harbour-ferry"]
    both = list(newslens.load([str(harbour), bakery]))
    assert _names(both) == ["harbour-ferry", *_names(list(newslens.load(bakery)))]
    assert all(isinstance(item, Document) and not item.layers for item in both)  # unannotated


def test_load_reads_a_folder_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    result = list(newslens.load(root))
    assert _names(result) == ["c", "d", "a", "b"]  # 2024/c.txt, 2024/march/d.jsonl, a.json, b.txt
    sources = [item.source for item in result if isinstance(item, Document)]
    assert sources == sorted(sources)


def test_load_expands_patterns(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert _names(list(newslens.load(str(root / "*.txt")))) == ["b"]
    assert _names(list(newslens.load(str(root / "**" / "*.txt")))) == ["c", "b"]
    assert _names(list(newslens.load(str(root / "*")))) == ["c", "d", "a", "b"]  # folders read


def test_empty_folder_and_pattern_matching_nothing_are_errors_naming_them(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    write(empty, "README.md", "nothing to read")
    pattern = str(tmp_path / "*.txt")
    result = list(newslens.load([empty, pattern, FIXTURES / "harbour-ferry.txt"]))
    assert [type(item) for item in result] == [InputError, InputError, Document]
    assert isinstance(result[0], InputError) and result[0].source == str(empty)
    assert "folder holds no .txt" in result[0].message
    assert isinstance(result[1], InputError) and result[1].source == pattern
    assert "pattern matches no" in result[1].message


def test_load_decodes_with_the_encoding_given(tmp_path: Path) -> None:
    text = "Café reopens\n\nThe café — and its crêpes — are back."
    path = write(tmp_path, "cafe.txt", text.encode("cp1252"))
    (error,) = list(newslens.load(path))
    assert isinstance(error, InputError)
    assert error.source == str(path) and error.line == 1 and "byte offset 3" in error.message
    (doc,) = list(newslens.load(path, encoding="cp1252"))
    assert isinstance(doc, Document) and doc.headline == "Café reopens" and "crêpes" in doc.body
    config = Config(encoding="cp1252")
    assert isinstance(next(iter(newslens.load(path, config=config))), Document)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252"])
def test_every_loader_uses_the_encoding(tmp_path: Path, encoding: str) -> None:
    files = [
        write(tmp_path, "a.txt", "Haló\n\nSí, señor.".encode(encoding)),
        write(tmp_path, "b.json", '{"id": "b", "text": "Sí."}'.encode(encoding)),
        write(
            tmp_path,
            "c.jsonl",
            '{"id": "c", "text": "Sí."}\n\n{"id": "d", "text": "Ñ."}\n'.encode(encoding),
        ),
    ]
    result = list(newslens.load(files, encoding=encoding))
    assert _names(result) == ["a", "b", "c", "d"]
    assert all(isinstance(item, Document) and "Í" not in item.text for item in result)


def test_decoding_error_names_file_line_and_byte_offset(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", b"Headline\n\nGood line.\nBad \xff byte.\n")
    (error,) = list(newslens.load(path))
    assert isinstance(error, InputError)
    assert (error.source, error.line) == (str(path), 4)
    assert "invalid byte 0xff at byte offset 25" in error.message
    lines = write(tmp_path, "bad.jsonl", b'{"text": "ok"}\n{"text": "\xe9"}\n{"text": "ok"}\n')
    result = list(newslens.load(lines))
    assert [type(item) for item in result] == [Document, InputError, Document]
    assert isinstance(result[1], InputError) and result[1].line == 2
    assert "byte offset 25" in result[1].message  # 15 bytes of line 1, 10 of line 2


@pytest.mark.parametrize("name", ["no-such-codec", "base64", ""])
def test_unknown_encoding_is_a_clear_error_at_once(name: str) -> None:
    with pytest.raises(ValueError, match="encoding"):
        newslens.load("anything.txt", encoding=name)
    with pytest.raises(ValueError, match="encoding"):
        Config(encoding=name)


@given(st.binary(max_size=60), st.sampled_from(["utf-8", "utf-16", "cp1252", "ascii"]))
def test_any_bytes_give_documents_or_input_errors(data: bytes, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("x.txt", "x.json", "x.jsonl"):
            path = Path(folder) / name
            path.write_bytes(data)
            for item in newslens.load(path, encoding=encoding):
                assert isinstance(item, Document | InputError)
                if isinstance(item, InputError):
                    assert item.source == str(path)
