"""End-to-end tests of the ``newslens`` command.

Most run ``python -m newslens`` in a subprocess, as a user would; those that
need a plugin with enrichers (``plugins`` listing, ``--strict``) or a stand-in
for the model download call :func:`newslens.cli.main` in-process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newslens.plugins
from newslens import Block, Document, Key, enricher, hookimpl
from newslens.cli import (
    EXIT_INPUT,
    EXIT_PIPELINE,
    EXIT_PLUGIN,
    EXIT_STRICT,
    EXIT_USAGE,
    main,
)
from newslens.enrichers import Enricher
from newslens.schema import load_schema, validate

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
TXT = str(FIXTURES / "harbour-ferry.txt")
JSON = str(FIXTURES / "bakery.json")
JSONL = str(FIXTURES / "wire.jsonl")
HTML = str(FIXTURES / "library-ferry.html")


def run(
    *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newslens ARGS`` and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "newslens", *args],
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def analyze(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return run("analyze", "--backend", "lite", *args, **kwargs)


def jsonl(stdout: str) -> list[dict[str, Any]]:
    # Split on "\n" only: JSON text may hold U+2028 or U+0085, which splitlines() breaks on.
    return [json.loads(line) for line in stdout.split("\n") if line]


# -- analyze: inputs and formats ---------------------------------------------------------


def test_analyze_txt_writes_one_valid_json_object() -> None:
    done = analyze(TXT, "--format", "json", "--detail", "full")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    data = json.loads(done.stdout)
    validate(data)
    assert data["schema"] == "newslens/1"
    assert data["id"] == "harbour-ferry"
    assert data["backend"] == "lite"
    parts = {part["name"]: part["text"] for part in data["parts"]}
    assert parts["headline"] == "Harbour town opens a library on a ferry"
    assert parts["byline"] == "Mirela Oduya"  # the lead-in "By" is dropped
    assert data["tokens"]


def test_json_is_the_default_format_when_not_on_a_terminal() -> None:
    done = analyze(TXT)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == "harbour-ferry"


def test_analyze_json_article() -> None:
    done = analyze(JSON, "-f", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    validate(data)
    assert data["id"] == "bakery-2024-02"
    assert data["published"] == "2024-02-09"
    assert data["url"] == "https://news.example.org/bakery"
    assert data["meta"] == {"section": "Local", "tags": ["flood", "business"]}


def test_analyze_jsonl_keeps_input_order() -> None:
    done = analyze(JSONL, TXT, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    docs = jsonl(done.stdout)
    assert [doc["id"] for doc in docs] == ["w1", "w2", "w3", "harbour-ferry"]
    for doc in docs:
        validate(doc)


def test_json_with_several_documents_is_an_array() -> None:
    done = analyze(JSONL, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert isinstance(data, list)
    assert [doc["id"] for doc in data] == ["w1", "w2", "w3"]


def test_analyze_reads_json_lines_from_stdin() -> None:
    lines = [
        json.dumps({"id": "s1", "text": "The pier reopened on Saturday."}),
        json.dumps({"id": "s2", "headline": "Gale warning", "text": "Winds will rise tonight."}),
    ]
    done = analyze("-", "--format", "jsonl", input="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    docs = jsonl(done.stdout)
    assert [doc["id"] for doc in docs] == ["s1", "s2"]
    assert {doc["source"] for doc in docs} == {"<stdin>"}


def test_analyze_html_page() -> None:
    done = analyze(HTML, "--format", "json", "--detail", "full")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    validate(data)
    parts = {part["name"]: part["text"] for part in data["parts"]}
    assert parts["headline"] == "Ferry library reaches the outer islands"
    assert parts["byline"] == "Mirela Oduya"
    assert data["published"] == "2023-05-17"
    assert "Subscribe" not in data["text"]


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "result.jsonl"
    done = analyze(JSONL, "--format", "jsonl", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert [doc["id"] for doc in jsonl(out.read_text(encoding="utf-8"))] == ["w1", "w2", "w3"]


def test_output_file_defaults_to_json(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    done = analyze(TXT, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "harbour-ferry"


def test_unwritable_output_is_a_usage_error(tmp_path: Path) -> None:
    done = analyze(TXT, "-o", str(tmp_path / "missing-dir" / "out.json"))
    assert done.returncode == EXIT_USAGE
    assert done.stderr.startswith("newslens: error: cannot write")


def test_text_report() -> None:
    done = analyze(TXT, JSON, "--format", "text")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Harbour town opens a library on a ferry" in out
    assert "Village bakery reopens after the flood" in out
    assert "Mirela Oduya" in out and "By Mirela" not in out
    assert "2024-02-09" in out
    assert "lite" in out
    assert "paragraphs" in out and "sentences" in out and "tokens" in out
    assert "\x1b[" not in out  # no colour codes when not writing to a terminal


def test_published_applies_only_where_the_article_gives_none() -> None:
    done = analyze(TXT, JSON, "--format", "jsonl", "--published", "2024-01-31")
    assert done.returncode == 0, done.stderr
    txt, bakery = jsonl(done.stdout)
    assert txt["published"] == "2024-01-31"
    assert bakery["published"] == "2024-02-09"


def test_bad_published_is_a_usage_error() -> None:
    done = analyze(TXT, "--published", "31/01/2024")
    assert done.returncode == EXIT_USAGE
    assert "--published" in done.stderr and "YYYY-MM-DD" in done.stderr
    assert done.stdout == ""


# -- analyze: errors -------------------------------------------------------------------


def test_batch_with_bad_inputs_still_writes_the_good_ones(tmp_path: Path) -> None:
    bad_json = tmp_path / "broken.json"
    bad_json.write_text('{"text": ', encoding="utf-8")
    missing = tmp_path / "missing.txt"
    done = analyze(TXT, str(missing), str(bad_json), JSONL, "--format", "jsonl")
    assert done.returncode == EXIT_INPUT
    assert [doc["id"] for doc in jsonl(done.stdout)] == ["harbour-ferry", "w1", "w2", "w3"]
    errors = done.stderr.splitlines()
    assert errors == [
        f"newslens: error: {missing}: no such file",
        f"newslens: error: {bad_json}, line 1: not valid JSON: Expecting value (column 10)",
    ]


def test_jsonl_line_errors_are_reported_and_the_rest_written() -> None:
    lines = ['{"text": "Good."}', '{"headline": "no text"}', '{"text": "Also good."}']
    done = analyze("-", "--format", "jsonl", input="\n".join(lines))
    assert done.returncode == EXIT_INPUT
    assert [doc["text"] for doc in jsonl(done.stdout)] == ["Good.", "Also good."]
    assert done.stderr == (
        "newslens: error: <stdin>, line 2, field 'text': missing: every article needs its text\n"
    )


def test_too_long_article_is_skipped() -> None:
    lines = [
        json.dumps({"id": "short", "text": "Short."}),
        json.dumps({"id": "long", "text": "Long article. " * 20}),
        json.dumps({"id": "short2", "text": "Also short."}),
    ]
    done = analyze("-", "--format", "jsonl", "--max-chars", "50", input="\n".join(lines))
    assert done.returncode == EXIT_INPUT
    assert [doc["id"] for doc in jsonl(done.stdout)] == ["short", "short2"]
    assert "long" in done.stderr and "over the limit of 50" in done.stderr


def test_all_inputs_failing_writes_an_empty_array(tmp_path: Path) -> None:
    done = analyze(str(tmp_path / "nope.txt"), "--format", "json")
    assert done.returncode == EXIT_INPUT
    assert json.loads(done.stdout) == []


def test_html_output_is_one_self_contained_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = analyze(TXT, "--format", "html", "-o", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<html") == 1
    assert "<script>" in page and "<style>" in page
    assert "<link" not in page and " src=" not in page
    assert 'class="nl-mark' in page


def test_unknown_format_names_the_available_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", TXT, "--format", "yaml"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "unknown output format 'yaml': choose one of json, jsonl, text, html" in err


def test_unknown_backend_is_refused_before_reading_inputs(tmp_path: Path) -> None:
    done = run("analyze", str(tmp_path / "never-read.txt"), "--backend", "quantum")
    assert done.returncode == EXIT_USAGE
    assert done.stderr.startswith("newslens: error: unknown backend 'quantum'")
    assert "never-read" not in done.stderr
    assert done.stdout == ""


def test_stanza_without_models_cannot_build_the_pipeline(tmp_path: Path) -> None:
    done = run(
        "analyze", TXT, "--backend", "stanza", env={"STANZA_RESOURCES_DIR": str(tmp_path)}
    )
    assert done.returncode == EXIT_PIPELINE
    assert done.stderr.startswith("newslens: error: backend 'stanza' cannot be used")
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],
        ["analyze", TXT, "--max-chars", "0"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == EXIT_USAGE
    assert "usage:" in capsys.readouterr().err


def test_help_lists_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--help"]) == 0
    out = capsys.readouterr().out
    assert "exit status" in out and "--strict" in out and "130" in out


def test_version() -> None:
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("newslens ")


def test_keyboard_interrupt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import newslens.io

    def interrupted(*args: Any, **kwargs: Any) -> Iterator[Any]:
        raise KeyboardInterrupt
        yield  # pragma: no cover

    monkeypatch.setattr(newslens.io, "load", interrupted)
    assert main(["analyze", TXT, "--backend", "lite"]) == 130
    assert "interrupted" in capsys.readouterr().err


def imported_modules(*args: str, env: dict[str, str] | None = None) -> set[str]:
    """Return the top-level names of the modules ``python -m newslens ARGS`` imports."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newslens", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "newslens.cli" in modules
    return {name.split(".")[0] for name in modules}


def test_lite_analysis_imports_neither_stanza_nor_torch() -> None:
    assert not imported_modules("analyze", TXT, "-b", "lite") & {"stanza", "torch"}


def test_core_json_path_imports_neither_rich_nor_jsonschema() -> None:
    # Installed plugins may import what they like; the core's own JSON path must not.
    no_plugins = {"NEWSLENS_DISABLE_PLUGIN_AUTOLOAD": "1"}
    heavy = {"stanza", "torch", "rich", "jsonschema", "trafilatura"}
    assert not imported_modules("analyze", TXT, "-b", "lite", "-f", "json", env=no_plugins) & heavy
    assert not imported_modules("schema", env=no_plugins) & heavy
    assert "rich" in imported_modules("analyze", TXT, "-b", "lite", "-f", "text", env=no_plugins)


# -- plugins, --strict (in-process, with a test plugin) ----------------------------------

WORDS = Key("clitest.words", int, doc="Number of tokens.")
NEVER = Key("clitest.never", int, doc="Never computed: its enricher always fails.")


@enricher(name="clitest.count", requires=["tokens"], provides=[WORDS])
def count_words(doc: Document) -> dict[Key[Any], Any]:
    return {WORDS: len(doc.tokens)}


@enricher(name="clitest.broken", requires=[WORDS], optional=["entities"], provides=[NEVER])
def broken(doc: Document) -> dict[Key[Any], Any]:
    raise RuntimeError("deliberate failure")


class CliTestPlugin:
    """A plugin with one working and one failing enricher, a JSON section and a report part."""

    def __init__(self, enrichers: tuple[Enricher, ...]) -> None:
        self.enrichers = enrichers

    @hookimpl
    def newslens_register_enrichers(self, register: Callable[[Enricher], None]) -> None:
        for item in self.enrichers:
            register(item)

    @hookimpl
    def newslens_json_section(self, doc: Document) -> dict[str, Any]:
        return {"clitest": {"words": doc.get(WORDS)}}

    @hookimpl
    def newslens_report_blocks(self, doc: Document) -> list[Block]:
        return [Block("Clitest", rows=[("clitest counted", f"{doc.get(WORDS)} words")])]


@pytest.fixture
def with_plugin(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    def install(*enrichers: Enricher) -> None:
        # the test's own plugins alone: none blocked by the environment is listed either
        monkeypatch.delenv("NEWSLENS_BLOCK_PLUGINS", raising=False)
        pm = newslens.plugins.new_plugin_manager(entry_points=False)
        pm.register(CliTestPlugin(enrichers), name="clitest")
        monkeypatch.setattr(newslens.plugins, "_default", pm)

    return install


def test_plugins_json_lists_enrichers(
    with_plugin: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    with_plugin(count_words, broken)
    assert main(["plugins", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [plugin["name"] for plugin in data]
    assert names == ["newslens.builtins", "clitest"]
    (plugin,) = [p for p in data if p["name"] == "clitest"]
    assert plugin["version"] is None and plugin["distribution"] is None
    assert plugin["enrichers"] == [
        {
            "name": "clitest.count",
            "requires": ["tokens"],
            "optional": [],
            "provides": [{"name": "clitest.words", "type": "int", "doc": "Number of tokens."}],
        },
        {
            "name": "clitest.broken",
            "requires": ["clitest.words"],
            "optional": ["entities"],
            "provides": [
                {
                    "name": "clitest.never",
                    "type": "int",
                    "doc": "Never computed: its enricher always fails.",
                }
            ],
        },
    ]


def test_plugins_text(with_plugin: Callable[..., None], capsys: pytest.CaptureFixture[str]) -> None:
    with_plugin(count_words)
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    for expected in ("newslens.builtins", "clitest", "clitest.count", "tokens",
                     "clitest.words", "Number of tokens."):
        assert expected in out


def test_plugins_subprocess_lists_the_builtins() -> None:
    done = run("plugins", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "newslens.builtins" in [plugin["name"] for plugin in json.loads(done.stdout)]


def test_failing_enricher_without_strict_is_a_diagnostic(
    with_plugin: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    with_plugin(count_words, broken)
    assert main(["analyze", TXT, "--backend", "lite", "--format", "json", "--detail", "full"]) == (
        EXIT_PLUGIN
    )
    data = json.loads(capsys.readouterr().out)
    validate(data)
    assert data["clitest"]["words"] == len(data["tokens"])
    errors = [d for d in data["diagnostics"] if d["level"] == "error"]
    assert len(errors) == 1 and "deliberate failure" in errors[0]["message"]


def test_failing_enricher_with_strict_exits_4(
    with_plugin: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    with_plugin(count_words, broken)
    assert main(["analyze", TXT, "--backend", "lite", "--strict"]) == EXIT_STRICT
    err = capsys.readouterr().err
    assert err.startswith("newslens: error: enricher 'clitest.broken'")
    assert "deliberate failure" in err and "Traceback" not in err


def test_unmet_requirement_disables_only_that_enricher(
    with_plugin: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    with_plugin(broken)  # requires clitest.words, which nothing provides
    assert main(["analyze", TXT, "--backend", "lite", "-f", "json", "--detail", "full"]) == (
        EXIT_PLUGIN
    )
    data = json.loads(capsys.readouterr().out)
    (problem,) = [d for d in data["diagnostics"] if d["level"] == "error"]
    assert "'clitest.broken'" in problem["message"] and "clitest.words" in problem["message"]
    assert data["tokens"]  # everything else is written


def test_unmet_requirement_under_strict_exits_4(
    with_plugin: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    with_plugin(broken)
    assert main(["analyze", TXT, "--backend", "lite", "--strict"]) == EXIT_STRICT
    err = capsys.readouterr().err
    assert err.startswith("newslens: error: cannot build the pipeline")
    assert "clitest.words" in err


def test_text_report_includes_the_plugins_part(
    with_plugin: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    with_plugin(count_words, broken)
    assert main(["analyze", TXT, "--backend", "lite", "--format", "text"]) == EXIT_PLUGIN
    out = capsys.readouterr().out
    assert "clitest counted" in out
    assert "Diagnostics" in out and "deliberate failure" in out


# -- models, schema ----------------------------------------------------------------------


def test_models_download_calls_the_stanza_backend(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from newslens.annotators import stanza as stanza_backend

    calls: list[tuple[str, str | None]] = []

    def fake_download(language: str = "en", model_dir: str | None = None) -> str:
        calls.append((language, model_dir))
        return str(model_dir)

    monkeypatch.setattr(stanza_backend, "download_models", fake_download, raising=False)
    assert main(["models", "download", "--language", "fr", "--dir", str(tmp_path)]) == 0
    assert calls == [("fr", str(tmp_path))]
    assert f"stanza models for 'fr' are installed into {tmp_path}" in capsys.readouterr().out


def test_models_download_failure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslens.annotators import stanza as stanza_backend
    from newslens.errors import AnnotatorError

    def offline(language: str = "en", model_dir: str | None = None) -> str:
        raise AnnotatorError("could not download stanza's English models (no network)")

    monkeypatch.setattr(stanza_backend, "download_models", offline, raising=False)
    assert main(["models", "download"]) == EXIT_PIPELINE
    assert capsys.readouterr().err == (
        "newslens: error: could not download stanza's English models (no network)\n"
    )


def test_models_download_unavailable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslens.annotators import stanza as stanza_backend

    monkeypatch.delattr(stanza_backend, "download_models", raising=False)
    assert main(["models", "download"]) == EXIT_PIPELINE
    err = capsys.readouterr().err
    assert err.startswith("newslens: error: downloading models is not available")
    assert "pip install 'newslens[stanza]'" in err


def test_schema_command_prints_the_schema() -> None:
    done = run("schema")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == load_schema()


# -- property: whatever the text, the JSON output is valid ------------------------------


@given(
    st.lists(
        st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80).filter(
            str.strip
        ),
        min_size=1,
        max_size=3,
    )
)
def test_any_jsonl_text_gives_valid_output(texts: list[str]) -> None:
    import contextlib
    import io

    lines = "\n".join(json.dumps({"text": text}) for text in texts) + "\n"
    stdin = io.TextIOWrapper(io.BytesIO(lines.encode("utf-8")))
    stdout = io.StringIO()
    saved = sys.stdin
    sys.stdin = stdin
    try:
        with contextlib.redirect_stdout(stdout):
            status = main(["analyze", "-", "--backend", "lite", "--format", "jsonl"])
    finally:
        sys.stdin = saved
    assert status == 0
    docs = jsonl(stdout.getvalue())
    assert [doc["text"] for doc in docs] == texts
    for doc in docs:
        validate(doc)


def test_inputs_may_be_folders_and_patterns(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "b.txt").write_text("Second\n\nBody b.", encoding="utf-8")
    (tmp_path / "in" / "a.txt").write_text("First\n\nBody a.", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    done = analyze(
        str(tmp_path / "in"), str(tmp_path / "in" / "*.txt"), str(tmp_path / "empty"),
        "--format", "jsonl",
    )
    assert done.returncode == 1  # the empty folder is an input error; the rest is analysed
    assert [doc["id"] for doc in jsonl(done.stdout)] == ["a", "b", "a"]
    assert f"{tmp_path / 'empty'}: the folder holds no .txt" in done.stderr


def test_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("Café\n\nCrêpes are back.".encode("cp1252"))
    done = analyze(str(path), "--format", "jsonl")
    assert done.returncode == 1 and "line 1" in done.stderr and "byte offset 3" in done.stderr
    done = analyze(str(path), "--format", "jsonl", "--encoding", "cp1252", "--detail", "full")
    assert done.returncode == 0, done.stderr
    assert jsonl(done.stdout)[0]["parts"][0]["text"] == "Café"


def test_unknown_encoding_is_a_usage_error() -> None:
    done = analyze(TXT, "--encoding", "klingon-8")
    assert done.returncode == 2
    assert "--encoding" in done.stderr and "unknown text encoding 'klingon-8'" in done.stderr
    assert "Traceback" not in done.stderr
