"""The public API as a demanding user meets it: paths of every kind, odd field types,
bad input named clearly, documents that pickle, copy and hash."""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import io
import json
import numbers
import os
import pickle
import string
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newslens
from newslens import Document, InputError
from newslens.cli import EXIT_INPUT
from newslens.config import Config
from newslens.io.loaders import (
    article_from_json,
    load_json,
    load_jsonl,
    load_source,
    load_txt,
    parse_txt,
    read_bytes,
)
from newslens.testing.strategies import annotated_documents


class _PathLike:
    """An os.PathLike that is not a pathlib.Path, as some libraries hand out."""

    def __init__(self, path: str) -> None:
        self._path = path

    def __fspath__(self) -> str:
        return self._path


def analyze(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newslens analyze --backend lite ARGS`` and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "newslens", "analyze", "--backend", "lite", *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


def jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.split("\n") if line]


def _docs(items: list[Document | InputError]) -> list[Document]:
    assert all(isinstance(item, Document) for item in items), items
    return [item for item in items if isinstance(item, Document)]


_WORDS = st.text(alphabet=string.ascii_letters + " .,'", min_size=1, max_size=60).filter(
    lambda text: text.strip() != ""
)


# -- paths -----------------------------------------------------------------------------


@given(body=_WORDS, headline=_WORDS)
def test_any_kind_of_path_gives_the_same_document_and_json(body: str, headline: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        txt = Path(folder) / "article.txt"
        txt.write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
        article = Path(folder) / "article.json"
        article.write_text(json.dumps({"text": body, "headline": headline}), encoding="utf-8")
        lines = Path(folder) / "article.jsonl"
        lines.write_text(json.dumps({"text": body}) + "\n", encoding="utf-8")
        for loader, path in ((load_txt, txt), (load_json, article), (load_jsonl, lines)):
            found = [_docs(list(loader(p))) for p in (str(path), path, _PathLike(str(path)))]
            assert found[0] == found[1] == found[2]
            for doc in found[1]:
                assert type(doc.source) is str and doc.source == str(path)
                annotated = newslens.annotate(doc)
                assert json.loads(annotated.to_json())["source"] == str(path)


def test_load_source_read_bytes_and_parse_txt_take_paths(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Rain\n\nIt rained all day.\n", encoding="utf-8")
    result = load_source(path, Config())
    assert result is not None
    (doc,) = _docs(list(result))
    assert doc.source == str(path) and doc.id == "story"
    assert read_bytes(path) == path.read_bytes()
    assert parse_txt("Rain\n\nIt rained.", source=path).source == str(path)
    assert article_from_json({"text": "It rained."}, source=path).source == str(path)
    (loaded,) = _docs(list(newslens.load(path)))
    assert loaded == doc


def test_a_missing_path_object_is_an_input_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "gone.json"
    for loader in (load_txt, load_json, load_jsonl):
        (error,) = list(loader(missing))
        assert isinstance(error, InputError)
        assert error.source == str(missing) and "no such file" in error.message


# -- Document fields ------------------------------------------------------------------


@given(path=st.text(alphabet=string.ascii_letters + "/._-", min_size=1, max_size=30))
def test_document_keeps_a_pathlike_source_as_str(path: str) -> None:
    for given_source in (Path(path), _PathLike(path)):
        doc = Document.create("It rained.", source=given_source)
        assert type(doc.source) is str and doc.source == os.fspath(given_source)
        assert doc == Document.create("It rained.", source=os.fspath(given_source))


@given(number=st.integers())
def test_an_integer_id_is_its_string_as_the_json_loader_reads_it(number: int) -> None:
    created = Document.create("It rained.", id=number)
    loaded = article_from_json({"id": number, "text": "It rained."}, source="x.jsonl")
    assert created.id == loaded.id == str(number)
    assert json.loads(newslens.annotate(created).to_json())["id"] == str(number)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("source", 3, "source must be str, os.PathLike or None, got int"),
        ("source", b"a.txt", "source must be str, os.PathLike or None, got bytes"),
        ("id", 1.5, "id must be str, int or None, got float"),
        ("id", True, "id must be str, int or None, got bool"),
        ("url", 3, "url must be str or None, got int"),
        ("meta", [("a", 1)], "meta must be a mapping (a dict) or None, got list"),
    ],
)
def test_a_field_of_the_wrong_type_is_a_type_error_naming_it(
    field: str, value: Any, expected: str
) -> None:
    with pytest.raises(TypeError) as caught:
        Document.create("It rained.", **{field: value})
    assert str(caught.value) == expected


def test_document_text_must_be_a_string() -> None:
    with pytest.raises(TypeError, match="text must be str, got int"):
        Document(text=1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("id", 1.5, "must be a string or an integer, got a number"),
        ("source", 3, "must be a string or null, got a number"),
        ("url", [], "must be a string or null, got an array"),
        ("backend", {}, "must be a string or null, got an object"),
        ("meta", [1], "must be an object, got an array"),
        ("layers", 5, "must be an array of strings, got a number"),
        ("parts", 5, "must be an array, got a number"),
        ("tokens", "abc", "must be an array, got a string"),
    ],
)
def test_from_dict_names_a_field_of_the_wrong_json_type(
    field: str, value: Any, expected: str
) -> None:
    with pytest.raises(InputError) as caught:
        Document.from_dict({"schema": "newslens/1", "text": "It rained.", field: value})
    assert caught.value.field == field and caught.value.message == expected


def test_from_dict_reads_an_integer_id_as_the_loaders_do() -> None:
    doc = Document.from_dict({"schema": "newslens/1", "text": "It rained.", "id": 12})
    assert doc.id == "12"


# -- lone surrogates -------------------------------------------------------------------

_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


@given(before=_WORDS, after=_WORDS, surrogate=_SURROGATES,
       field=st.sampled_from(["text", "headline", "byline", "url", "id", "topic"]))
def test_a_lone_surrogate_in_a_json_article_is_an_error_naming_field_and_offset(
    before: str, after: str, surrogate: str, field: str
) -> None:
    # json.loads makes a lone surrogate of a "\ud800" escape without its pair; such a
    # string cannot be written as UTF-8, so it is refused where it comes in.
    article = {"text": "It rained.", field: before + surrogate + after}
    with pytest.raises(InputError) as caught:
        article_from_json(json.loads(json.dumps(article)), source="in.jsonl", line=3)
    error = caught.value
    assert (error.source, error.line, error.field) == ("in.jsonl", 3, field)
    assert f"{surrogate!r} at character {len(before)}" in error.message


def test_a_lone_surrogate_deep_in_meta_is_found() -> None:
    article = json.loads('{"text": "It rained.", "meta": {"tags": ["ok", "bad \\udc00"]}}')
    with pytest.raises(InputError) as caught:
        article_from_json(article, source="in.json")
    assert caught.value.field == "meta"
    assert "in key 'tags' in item 1 at character 4" in caught.value.message


@given(text=st.text(min_size=1).filter(lambda text: text.strip() != ""))
def test_a_surrogate_pair_escape_is_one_character_and_accepted(text: str) -> None:
    escaped = json.dumps({"text": text + " \U0001f600"}, ensure_ascii=True)  # \ud83d\ude00
    doc = article_from_json(json.loads(escaped), source="in.json")
    assert doc.text == text + " \U0001f600"
    assert doc.to_json().encode("utf-8")


def test_the_command_line_skips_an_article_with_a_lone_surrogate_and_writes_the_rest(
    tmp_path: Path,
) -> None:
    lines = tmp_path / "wire.jsonl"
    lines.write_text(
        '{"id": "a", "text": "It rained."}\n'
        '{"id": "b", "text": "Half \\ud800 a pair."}\n'
        '{"id": "c", "text": "It snowed."}\n',
        encoding="utf-8",
    )
    done = analyze(str(lines), "--format", "jsonl")
    assert "Traceback" not in done.stderr
    assert [doc["id"] for doc in jsonl(done.stdout)] == ["a", "c"]
    assert done.stderr == (
        f"newslens: error: {lines}, line 2, field 'text': holds a lone surrogate "
        "('\\ud800' at character 5): half of a \\u escape pair, which is not Unicode "
        "text and cannot be written out\n"
    )
    assert done.returncode == EXIT_INPUT


# -- the command line's output ------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_text_report_on_a_terminal_that_is_not_utf8_replaces_what_it_cannot_show(
    tmp_path: Path, encoding: str
) -> None:
    article = tmp_path / "cafe.jsonl"
    article.write_text(
        json.dumps({"id": "cafe", "text": "The Café Zoë closed \u2014 for good \U0001f600."})
        + "\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "newslens", "analyze", "--backend", "lite", "-f", "text",
         str(article)],
        capture_output=True, timeout=120, check=False,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    report = done.stdout.decode(encoding)
    assert "Counts" in report and "closed ? for good ?" in report
    assert ("Café Zoë" if encoding == "latin-1" else "Caf? Zo?") in report


# -- documents as values: pickle, deepcopy, ==, hash ------------------------------------


@given(doc=annotated_documents())
def test_an_annotated_document_pickles_copies_and_hashes_as_a_value(doc: Document) -> None:
    doc = _with_json_meta(doc)
    for twin in (pickle.loads(pickle.dumps(doc)), copy.deepcopy(doc), copy.copy(doc)):
        assert twin == doc
        assert hash(twin) == hash(doc)
        assert twin.to_json() == doc.to_json()
    assert len({doc, copy.deepcopy(doc)}) == 1


def _with_json_meta(doc: Document) -> Document:
    """The document with meta holding lists and objects, as JSON articles give it."""
    return attrs.evolve(doc, meta={"tags": ["a", "b"], "where": {"city": "Oslo"}}, id="7")


def test_an_analysed_document_with_plugin_results_pickles_and_hashes() -> None:
    doc = newslens.analyze(
        "Mr. Smith said on Monday that it rained in Paris. Nobody was hurt.",
        headline="Rain", published="2016-03-01", backend="lite",
    )
    assert len(doc.enrichments) > 0
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and hash(back) == hash(doc)
    assert back.to_json() == doc.to_json()
    assert {doc: "seen"}[copy.deepcopy(doc)] == "seen"


# -- publication dates -------------------------------------------------------------------


@given(moment=st.datetimes(timezones=st.none() | st.timezones()))
def test_parse_published_takes_a_date_a_datetime_or_its_iso_string(
    moment: dt.datetime,
) -> None:
    day = moment.date()
    assert newslens.parse_published(day) == day
    assert newslens.parse_published(moment) == day
    assert newslens.parse_published(moment.isoformat()) == day
    assert Document.create("It rained.", published=moment).published == day


@pytest.mark.parametrize("value", ["March 1, 2016", "", "2016-3-1", 20160301, 2016.0, True])
def test_parse_published_names_the_field_and_value_it_refuses(value: object) -> None:
    with pytest.raises(InputError) as caught:
        newslens.parse_published(value, field="date")
    assert caught.value.field == "date"
    assert caught.value.message.startswith(f"{value!r} is not a date in the form YYYY-MM-DD")


# -- Pipeline and analyze ------------------------------------------------------------------


@pytest.fixture(scope="module")
def lite() -> newslens.Pipeline:
    return newslens.Pipeline(backend="lite")


@pytest.mark.parametrize("bad", [None, float("nan"), b"bytes", 12])
def test_pipe_names_the_item_that_is_not_an_article_after_yielding_those_before(
    lite: newslens.Pipeline, bad: object
) -> None:
    results = lite.pipe(["It rained.", "It snowed.", bad, "It hailed."], batch_size=1)
    assert [doc.text for doc in (next(results), next(results))] == ["It rained.", "It snowed."]
    with pytest.raises(TypeError) as caught:
        next(results)
    assert str(caught.value) == (
        f"item 2 of the articles to analyse is {type(bad).__name__}, "
        "not a str (a body) or a Document"
    )


def test_pipe_given_paths_points_to_load(lite: newslens.Pipeline, tmp_path: Path) -> None:
    with pytest.raises(TypeError) as caught:
        list(lite.pipe([tmp_path / "a.txt"]))
    assert str(caught.value) == (
        f"item 0 of the articles to analyse is {type(tmp_path).__name__}, not a str (a body) "
        "or a Document (to read files, pass newslens.load(paths))"
    )


@pytest.mark.parametrize("field", ["headline", "byline", "published", "id"])
def test_fields_given_beside_a_document_are_refused_not_ignored(
    lite: newslens.Pipeline, field: str
) -> None:
    doc = Document.create("It rained.")
    value = "2016-03-01" if field == "published" else "Storm"
    with pytest.raises(TypeError, match=f"^{field} cannot be given with a Document"):
        lite(doc, **{field: value})
    if field != "id":
        with pytest.raises(TypeError, match=f"^{field} cannot be given with a Document"):
            newslens.annotate(doc, **{field: value})
        with pytest.raises(TypeError, match=f"^{field} cannot be given with a Document"):
            newslens.analyze(doc, backend="lite", **{field: value})


def test_a_document_alone_is_analysed_as_given(lite: newslens.Pipeline) -> None:
    doc = Document.create("It rained.", headline="Storm", id="s1")
    assert lite(doc).headline == "Storm" and lite(doc).id == "s1"
    assert newslens.analyze(doc, backend="lite").headline == "Storm"


def test_an_article_over_the_limit_says_how_to_raise_it_in_python() -> None:
    pipeline = newslens.Pipeline(config=newslens.Config(backend="lite", max_chars=20))
    with pytest.raises(InputError, match=r"Config\(max_chars=\.\.\.\) in Python"):
        pipeline("It rained all day and all night.")
    (refused,) = pipeline.pipe(["It rained all day and all night."])
    assert refused.diagnostics[-1].message.startswith("not analysed: <input>: article is 32")


# -- doc[KEY] ------------------------------------------------------------------------------


def test_reading_an_enrichment_by_a_name_no_key_has_lists_the_keys_there_are() -> None:
    doc = newslens.analyze("It rained in Paris.", backend="lite")
    held = sorted(key.name for key in doc.enrichments)
    assert held  # the installed plugins enriched it
    for wrong in ("readability", None, 3):
        with pytest.raises(newslens.MissingEnrichmentError) as caught:
            doc[wrong]  # type: ignore[index]
        assert str(caught.value) == (
            "enrichments are read by Key (imported from the plugin that provides it), not "
            f"by {type(wrong).__name__}: {wrong!r} names no enrichment of this document "
            f"(it holds: {', '.join(held)})"
        )
    with pytest.raises(newslens.MissingEnrichmentError, match="stored under a Key of that name"):
        doc[held[0]]  # type: ignore[index]


# -- ~ in paths ----------------------------------------------------------------------------


def test_a_path_starting_with_a_tilde_is_read_in_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "rain.txt").write_text("Rain\n\nIt rained.\n", encoding="utf-8")
    for given_path in ("~/news/rain.txt", "~/news", "~/news/*.txt", Path("~/news/rain.txt")):
        (doc,) = _docs(list(newslens.load(given_path)))
        assert doc.source == str(tmp_path / "news" / "rain.txt") and doc.headline == "Rain"
    (error,) = list(newslens.load("~/news/gone.txt"))
    assert isinstance(error, InputError)
    assert str(error) == f"{tmp_path / 'news' / 'gone.txt'}: no such file"


def test_a_file_whose_name_starts_with_a_tilde_is_read_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("~draft.txt").write_text("Draft\n\nIt rained.\n", encoding="utf-8")
    (doc,) = _docs(list(newslens.load("~draft.txt")))
    assert doc.source == "~draft.txt"


def test_the_command_line_expands_a_tilde_in_output_and_config(tmp_path: Path) -> None:
    (tmp_path / "lite.toml").write_text('backend = "lite"\n', encoding="utf-8")
    article = tmp_path / "rain.txt"
    article.write_text("Rain\n\nIt rained.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "newslens", "analyze", "--config=~/lite.toml",
         "--output=~/out.jsonl", "-f", "jsonl", str(article)],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    (written,) = jsonl((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert written["backend"] == "lite" and written["source"] == str(article)


# -- the output format follows -o's extension ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "first"),
    [("out.jsonl", b'{"schema":"newslens/1"'), ("out.JSON", b'{\n  "schema"'),
     ("out.html", b"<!DOCTYPE html>"), ("out.txt", b"\xe2\x95\xad"), ("out", b'{\n  "schema"')],
)
def test_the_output_format_follows_the_extension_of_the_output_file(
    tmp_path: Path, name: str, first: bytes
) -> None:
    article = tmp_path / "rain.txt"
    article.write_text("Rain\n\nIt rained.\n", encoding="utf-8")
    done = analyze(str(article), "-o", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / name).read_bytes().lstrip().startswith(first)


def test_a_corpus_run_to_a_jsonl_file_needs_no_format(tmp_path: Path) -> None:
    lines = tmp_path / "wire.jsonl"
    lines.write_text('{"id": "a", "text": "It rained."}\n{"id": "b", "text": "It snowed."}\n',
                     encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = analyze(str(lines), "-o", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert [doc["id"] for doc in jsonl(out.read_text(encoding="utf-8"))] == ["a", "b"]


# -- what load() is given ------------------------------------------------------------------


@pytest.mark.parametrize("wrong", [None, 123, b"articles/a.txt"])
def test_load_refuses_what_is_not_a_path_or_paths_at_once(wrong: object) -> None:
    with pytest.raises(TypeError) as caught:
        newslens.load(wrong)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "load takes a path (a str or an os.PathLike such as pathlib.Path) or an iterable "
        f"of paths, not {type(wrong).__name__}"
    )


def test_load_names_the_item_that_is_not_a_path(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("It rained.\n", encoding="utf-8")
    items = newslens.load([path, None])  # type: ignore[list-item]
    assert isinstance(next(items), Document)
    with pytest.raises(TypeError, match="^input 1 is NoneType: a path must be a str or an"):
        next(items)


def test_an_empty_path_is_an_error_not_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("here.txt").write_text("It rained.\n", encoding="utf-8")
    (error,) = list(newslens.load(""))
    assert isinstance(error, InputError)
    assert str(error) == "'': an empty path names no file or folder"
    done = analyze("", "here.txt", "-f", "jsonl")
    assert done.returncode == EXIT_INPUT
    assert done.stderr == "newslens: error: '': an empty path names no file or folder\n"
    assert [doc["id"] for doc in jsonl(done.stdout)] == ["here"]


# -- analysing twice -----------------------------------------------------------------------


@given(doc=st.builds(
    Document.create, _WORDS, headline=st.none() | _WORDS,
    published=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)),
))
def test_analysing_an_analysed_document_gives_what_analysing_it_once_gave(
    lite: newslens.Pipeline, doc: Document
) -> None:
    once = lite(doc)
    assert lite(once) == once and lite(once).to_json() == once.to_json()
    assert list(lite.pipe([once, doc])) == [once, once]
    annotated = newslens.annotate(doc)
    assert newslens.annotate(once) == annotated == newslens.annotate(annotated)


# -- writers -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "html"])
def test_a_writer_given_a_path_or_a_binary_stream_says_what_it_takes(
    tmp_path: Path, fmt: str
) -> None:
    from newslens.io.writers import open_writer

    target = tmp_path / "out.jsonl"
    for wrong in (str(target), target):
        with pytest.raises(TypeError, match=r"not to a path .*open\(path, 'w', encoding='utf-8'\)"):
            open_writer(fmt, wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="writes text, not bytes: BytesIO is a binary stream"):
        open_writer(fmt, io.BytesIO())  # type: ignore[arg-type]
    assert not target.exists()
    with target.open("w", encoding="utf-8") as stream, open_writer(fmt, stream) as writer:
        writer.write(newslens.annotate("It rained.", headline="Downpour"))
    assert "Downpour" in target.read_text(encoding="utf-8")


# -- line endings --------------------------------------------------------------------------

_LINE = st.text(alphabet=string.ascii_letters + " ,'", min_size=1, max_size=30).filter(
    lambda line: line.strip() != ""
)


@given(headline=_LINE, byline=st.none() | _LINE.map(lambda name: "By " + name),
       paragraphs=st.lists(_LINE.map(lambda line: line + "."), min_size=1, max_size=3),
       newline=st.sampled_from(["\r\n", "\r"]))
def test_a_txt_file_reads_alike_whatever_its_line_endings(
    headline: str, byline: str | None, paragraphs: list[str], newline: str
) -> None:
    header = [headline] if byline is None else [headline, byline]
    text = "\n\n".join([*header, *paragraphs]) + "\n"
    unix = parse_txt(text)
    other = parse_txt(text.replace("\n", newline))
    assert (other.headline, other.byline) == (unix.headline, unix.byline)
    assert other.body.replace(newline, "\n") == unix.body


# -- values JSON cannot hold ---------------------------------------------------------------


@pytest.mark.parametrize("value", [decimal.Decimal("1.5"), {1, 2}, Path("x.txt")])
def test_a_value_json_cannot_hold_is_named_with_its_field_and_key(value: object) -> None:
    doc = newslens.annotate(Document.create("It rained.", meta={"fine": 1, "odd": value}))
    for write in (doc.to_json, lambda: doc.to_json(indent=2)):
        with pytest.raises(TypeError) as caught:
            write()
        assert str(caught.value).startswith(
            f"field 'meta', key 'odd': Object of type {type(value).__name__} is not JSON "
            "serializable"
        )


class _UnwritableSection:
    """A plugin whose JSON section holds a set for the article with id 'b' alone."""

    @newslens.hookimpl
    def newslens_json_section(self, doc: Document) -> dict[str, Any]:
        return {"odd": {"tags": {"x"} if doc.id == "b" else ["x"]}}


def _three_articles_one_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """JSON lines of the articles a, b and c, with :class:`_UnwritableSection` the only
    plugin (its section for b holds a set)."""
    import newslens.plugins

    manager = newslens.plugins.new_plugin_manager(entry_points=False)
    manager.register(_UnwritableSection(), name="odd")
    monkeypatch.setattr(newslens.plugins, "_default", manager)
    lines = tmp_path / "wire.jsonl"
    lines.write_text("".join(json.dumps({"id": name, "text": "It rained."}) + "\n"
                             for name in "abc"), encoding="utf-8")
    return lines


def test_the_command_line_writes_the_documents_it_can_and_names_the_one_it_cannot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslens.cli import main

    lines = _three_articles_one_unwritable(tmp_path, monkeypatch)
    status = main(["analyze", "-b", "lite", "-f", "jsonl", str(lines)])
    out, err = capsys.readouterr()
    assert status == EXIT_INPUT
    assert [doc["id"] for doc in jsonl(out)] == ["a", "c"]
    assert err == (
        f"newslens: error: {lines} (id 'b'): cannot write the document: field 'odd', "
        "key 'tags': Object of type set is not JSON serializable (JSON holds str, int, "
        "float, bool, None, lists and dicts only)\n"
    )


def test_a_corpus_run_writes_an_error_record_for_the_document_it_cannot_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslens.cli import main

    lines = _three_articles_one_unwritable(tmp_path, monkeypatch)
    out = tmp_path / "out.jsonl"
    status = main(["analyze", "-b", "lite", "--jobs", "1", "-o", str(out), str(lines)])
    assert status == EXIT_INPUT
    written = jsonl(out.read_text(encoding="utf-8"))
    assert [doc["id"] for doc in written] == ["a", "b", "c"]
    assert written[1]["error"].startswith("cannot write the document: field 'odd', key 'tags'")
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"config": "lite"}, "config must be a newslens.Config, got str (for a backend name, "
                             "pass backend=)"),
        ({"options": "readability.min_words=5"},
         "options must be a mapping of 'plugin.option' names to values, got str"),
    ],
)
def test_a_pipeline_given_the_wrong_kind_of_settings_says_what_it_takes(
    kwargs: dict[str, Any], expected: str
) -> None:
    with pytest.raises(TypeError) as caught:
        newslens.Pipeline(**kwargs)
    assert str(caught.value) == expected


def test_json_nested_too_deeply_is_an_error_for_its_line_and_the_rest_is_read(
    tmp_path: Path,
) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    lines = tmp_path / "deep.jsonl"
    lines.write_text(f'{{"text": "It rained."}}\n{{"text": "x", "meta": {deep}}}\n'
                     '{"text": "It snowed."}\n', encoding="utf-8")
    whole = tmp_path / "deep.json"
    whole.write_text(f'{{"text": "x", "meta": {deep}}}', encoding="utf-8")
    first, error, last = load_jsonl(lines)
    assert isinstance(first, Document) and isinstance(last, Document)
    assert isinstance(error, InputError) and (error.source, error.line) == (str(lines), 2)
    assert error.message.startswith("the JSON is nested too deeply to read")
    (error,) = load_json(whole)
    assert isinstance(error, InputError) and "nested too deeply" in str(error)


def test_a_pattern_through_a_link_loop_reads_each_file_once(tmp_path: Path) -> None:
    sub = tmp_path / "news" / "sub"
    sub.mkdir(parents=True)
    (sub / "rain.txt").write_text("Rain\n\nIt rained.\n", encoding="utf-8")
    (sub / "up").symlink_to("..")  # news/sub/up/sub/up/... is news/sub again
    pattern = str(tmp_path / "news" / "**" / "*.txt")
    assert [doc.source for doc in _docs(list(newslens.load(pattern)))] == [str(sub / "rain.txt")]
    folder = tmp_path / "news"
    assert [doc.source for doc in _docs(list(newslens.load(folder)))] == [str(sub / "rain.txt")]


# -- an output that is also an input -------------------------------------------------------


@pytest.mark.parametrize("jobs", [[], ["--jobs", "1"]])
def test_writing_over_an_input_is_refused_and_the_input_kept(
    tmp_path: Path, jobs: list[str]
) -> None:
    lines = tmp_path / "wire.jsonl"
    content = '{"id": "a", "text": "It rained."}\n'
    lines.write_text(content, encoding="utf-8")
    done = analyze(str(lines), "-o", str(tmp_path / "." / "wire.jsonl"), *jobs)
    assert done.returncode == 2
    assert "is also an input: writing it would destroy the articles" in done.stderr
    assert lines.read_text(encoding="utf-8") == content


def test_writing_into_an_input_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "wire.jsonl").write_text('{"id": "a", "text": "It rained."}\n',
                                         encoding="utf-8")
    done = analyze(str(tmp_path), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2
    assert done.stderr == (
        f"newslens: error: -o {tmp_path / 'out.jsonl'} is inside the input folder {tmp_path}: "
        "it would be read back as input; write it outside the folder, or give it another "
        "extension\n"
    )
    assert not (tmp_path / "out.jsonl").exists()
    assert analyze(str(tmp_path), "-o", str(tmp_path / "out.ndjson")).returncode == 0


# -- omit= -------------------------------------------------------------------------------


@given(name=st.sampled_from(["tokens", "meta", "metadata", "text", "readability", "compact"]))
def test_omit_given_as_one_string_is_refused_not_read_letter_by_letter(name: str) -> None:
    from newslens.io.writers import expand_omit, open_writer

    doc = newslens.annotate("It rained.")
    expected = f"omit takes a collection of names, such as {{{name!r}}}, not the str {name!r}"
    for call in (lambda: doc.to_dict(omit=name), lambda: doc.to_json(omit=name),
                 lambda: open_writer("jsonl", io.StringIO(), omit=name),
                 lambda: expand_omit(name)):
        with pytest.raises(TypeError) as caught:
            call()
        assert str(caught.value) == expected
    assert "tokens" not in doc.to_dict(omit=["tokens"]) and "meta" in doc.to_dict(omit={"metadata"})


@pytest.mark.parametrize("one", ["It rained.", Document.create("It rained.")])
def test_pipe_given_one_article_says_how_to_analyse_one(
    lite: newslens.Pipeline, one: str | Document
) -> None:
    with pytest.raises(TypeError) as caught:
        list(lite.pipe(one))  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"pipe takes an iterable of articles, not one {type(one).__name__}: analyse one "
        "article with pipeline(article), or pass [article]"
    )


# -- a field given twice -----------------------------------------------------------------


@given(field=st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8).filter(
           lambda name: name not in ("id", "headline", "byline", "published", "text", "url",
                                     "source", "meta", "schema")),
       top=st.integers(), inner=st.integers())
def test_a_field_given_at_top_level_and_in_meta_is_kept_or_refused_never_overwritten(
    field: str, top: int, inner: int
) -> None:
    article = {"text": "It rained.", field: top, "meta": {field: inner}}
    if top == inner:
        assert article_from_json(article, source="in.json").meta[field] == top
        return
    with pytest.raises(InputError) as caught:
        article_from_json(article, source="in.json")
    assert caught.value.field == field
    assert caught.value.message.startswith("is given both as a field of the article and in meta")


@given(blank=st.text(alphabet=" \t\r\n", max_size=4))
def test_a_blank_publication_date_is_no_date_not_a_refused_article(blank: str) -> None:
    doc = article_from_json({"text": "It rained.", "published": blank}, source="in.json")
    assert doc.published is None and doc.text == "It rained."
    assert Document.create("It rained.", published=blank).published is None
    with pytest.raises(InputError):
        newslens.parse_published(blank)  # the parser itself still reads dates only


@pytest.mark.parametrize(
    ("field", "items", "expected"),
    [
        ("tokens", [{"start": 0}], "item 0 has no 'end'"),
        ("sentences", [[0, 3]], "item 0 must be an object, got an array"),
        ("diagnostics", [{"plugin": "x", "level": "loud", "message": "m"}],
         "item 0 is malformed: 'level' must be in ('info', 'warning', 'error') (got 'loud')"),
        ("parts", [{"name": "body", "start": 0, "end": 99}],
         "item 0 ends at 99, past the end of the text (10 characters)"),
        ("entities", [{"start": 3, "end": 11, "label": "X", "text": "rained."}],
         "item 0 ends at 11, past the end of the text (10 characters)"),
    ],
)
def test_from_dict_says_what_is_wrong_with_an_item(
    field: str, items: list[Any], expected: str
) -> None:
    with pytest.raises(InputError) as caught:
        Document.from_dict({"schema": "newslens/1", "text": "It rained.", field: items})
    assert (caught.value.field, caught.value.message) == (field, expected)


@given(doc=annotated_documents())
def test_from_dict_reads_back_every_span_it_wrote(doc: Document) -> None:
    back = Document.from_dict(json.loads(doc.to_json()))
    assert (back.parts, back.sentences, back.tokens, back.entities) == (
        doc.parts, doc.sentences, doc.tokens, doc.entities)


class _FrameInteger:
    """An integer that is no int, as a data frame's numpy.int64 is (numpy is not needed)."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __int__(self) -> int:
        return self.value


numbers.Integral.register(_FrameInteger)


@given(number=st.integers(min_value=-(2**63), max_value=2**63 - 1))
def test_an_integer_id_from_a_data_frame_is_its_string(number: int) -> None:
    doc = Document.create("It rained.", id=_FrameInteger(number))  # type: ignore[arg-type]
    assert doc.id == str(number)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("max_chars", "5", "max_chars must be an int, got str"),
     ("max_chars", True, "max_chars must be an int, got bool"),
     ("backend", None, "backend must be str, got NoneType"),
     ("strict", "yes", "strict must be bool, got str"),
     ("download", 1, "download must be bool, got int"),
     ("stanza_dir", 3, "stanza_dir must be str or None, got int")],
)
def test_config_names_the_field_of_a_value_of_the_wrong_type(
    field: str, value: object, message: str
) -> None:
    from newslens import Config

    with pytest.raises(TypeError, match=message):
        Config(**{field: value})


def test_config_keeps_a_stanza_folder_given_as_a_path(tmp_path: Path) -> None:
    from newslens import Config

    assert Config(stanza_dir=tmp_path).stanza_dir == str(tmp_path)


def test_a_config_file_value_of_the_wrong_type_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslens.cli import main

    config = tmp_path / "newslens.toml"
    config.write_text('strict = "yes"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("It rained.", encoding="utf-8")
    status = main(["analyze", "--config", str(config), str(article)])
    assert status == 2
    assert capsys.readouterr().err == (
        f"newslens: error: {config}: strict must be bool, got str\n"
    )


@given(
    st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
                     min_size=1, max_size=20).filter(str.strip), min_size=1, max_size=4),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_json_lines_read_the_same_whatever_their_line_ends(texts: list[str], end: str) -> None:
    import io

    from newslens.io.loaders import load_jsonl_stream

    body = end.join(json.dumps({"id": f"a{n}", "text": t}) for n, t in enumerate(texts)) + end

    def read(data: bytes) -> list[tuple[str | None, str]]:
        stream = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]
        return [(d.id, d.text) for d in load_jsonl_stream(stream, "f.jsonl", stem="f")
                if isinstance(d, Document)]

    assert read(body.encode("utf-8")) == read(body.replace(end, "\n").encode("utf-8"))
    assert len(read(body.encode("utf-8"))) == len(texts)


@pytest.mark.parametrize("pattern", ["*.jsonl", "**/*.jsonl", "wire-*.jsonl"])
def test_an_output_the_input_pattern_would_match_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    pattern: str,
) -> None:
    from newslens.cli import main

    monkeypatch.chdir(tmp_path)
    lines = tmp_path / "wire-a.jsonl"
    lines.write_text(json.dumps({"id": "a", "text": "It rained."}) + "\n", encoding="utf-8")
    status = main(["analyze", "-b", "lite", "-f", "jsonl", pattern, "-o", "wire-out.jsonl"])
    assert status == 2
    assert "matches the input pattern" in capsys.readouterr().err
    assert not (tmp_path / "wire-out.jsonl").exists()
    # under a name the pattern does not match, it is written
    (tmp_path / "out").mkdir()
    assert main(["analyze", "-b", "lite", "-f", "jsonl", pattern, "-o", "out/o.ndjson"]) == 0
    assert [json.loads(line)["id"] for line in (tmp_path / "out" / "o.ndjson").open()] == ["a"]
