"""Tests of the stanza annotator, run offline with no model.

Real ``stanza.Document`` objects are built from hand-written CoNLL-U fixtures
(``tests/fixtures/conllu``) or from dictionaries; only model loading is replaced.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest
import requests
import stanza
from hypothesis import example, given
from hypothesis import strategies as st
from stanza.models.common.doc import Document as StanzaDocument
from stanza.utils.conll import CoNLL

import newslens
import newslens.schema
from newslens import layers as L
from newslens.annotators import stanza as backend
from newslens.annotators.paragraphs import paragraph_spans
from newslens.annotators.stanza import (
    StanzaAnnotator,
    check_models,
    download_models,
    from_stanza,
    why_unavailable,
)
from newslens.config import Config
from newslens.enrichers import enricher
from newslens.enrichments import Key
from newslens.errors import AnnotatorError
from newslens.model import Document
from newslens.plugins import hookimpl, new_plugin_manager
from newslens.testing import check_document

FIXTURES = Path(__file__).parent / "fixtures" / "conllu"

HEADLINE = "Mayor Ruiz vows victory"
BYLINE = "Sam Lee"
QUOTE = '"We will win," Mayor Ana Ruiz said on Tuesday.'
CITY = "Springfield cannot wait. Voters go to the polls in May."


def conllu(name: str) -> str:
    return (FIXTURES / f"{name}.conllu").read_text("utf-8")


def conllu_text(source: str) -> str:
    """The text of a fixture: its sentences' ``# text`` comments joined by a space."""
    return " ".join(re.findall(r"^# text = (.*)$", source, re.MULTILINE))


def parse(source: str, *, text: str | None = None, ents: bool = True) -> Any:
    """Build a real stanza Document from CoNLL-U, as stanza's pipeline leaves it."""
    sdoc = CoNLL.conll2doc(input_str=source)
    sdoc.text = conllu_text(source) if text is None else text
    if ents:
        sdoc.build_ents()
    return sdoc


FIXTURE_TEXTS = {conllu_text(conllu(n)): n for n in ("headline", "byline", "quote", "city")}


class FixtureNlp:
    """Stands in for ``stanza.Pipeline``: returns the fixture whose text is asked for."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def bulk_process(self, texts: Sequence[str]) -> list[Any]:
        self.calls.append(list(texts))
        return [parse(conllu(FIXTURE_TEXTS[text])) for text in texts]


class FixtureAnnotator(StanzaAnnotator):
    """The real annotator with only model loading replaced."""

    def _load_pipeline(self) -> Any:
        return FixtureNlp()


def texts_of(doc: Document, items: Sequence[Any]) -> list[str]:
    return [doc.text[item.start : item.end] for item in items]


def validate(doc: Document) -> None:
    data = doc.to_dict()
    schema_file = Path(newslens.schema.__file__).parent / newslens.schema.SCHEMA_FILE
    if schema_file.exists():
        newslens.schema.validate(data)
    else:
        newslens.schema.check_span_texts(data)


# -- the fixtures themselves ----------------------------------------------------------


@pytest.mark.parametrize("name", ["headline", "byline", "quote", "city"])
def test_fixture_offsets_point_at_their_tokens(name: str) -> None:
    source = conllu(name)
    text = conllu_text(source)
    sdoc = parse(source)
    for token in sdoc.iter_tokens():
        assert text[token.start_char : token.end_char] == token.text


# -- conversion -------------------------------------------------------------------------


def test_from_stanza_converts_every_field() -> None:
    doc = from_stanza(Document.create(QUOTE), [(0, parse(conllu("quote")))])
    assert doc.backend == "stanza"
    assert doc.layers == L.ALL
    assert texts_of(doc, doc.tokens) == [
        '"', "We", "will", "win", ",", '"', "Mayor", "Ana", "Ruiz", "said", "on", "Tuesday", ".",
    ]
    assert all(t.text == doc.text[t.start : t.end] and t.form is None for t in doc.tokens)
    said = doc.tokens[9]
    assert (said.lemma, said.upos, said.xpos) == ("say", "VERB", "VBD")
    assert said.feature("Tense") == "Past"
    assert (said.head, said.deprel) == (None, "root")
    assert [doc.tokens[i].head for i in (1, 7, 8, 11)] == [3, 9, 7, 9]
    assert [doc.tokens[i].deprel for i in (1, 7, 8)] == ["nsubj", "nsubj", "flat"]
    assert [t.ner for t in doc.tokens[7:9]] == ["B-PERSON", "E-PERSON"]
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Ana Ruiz", "PERSON"),
        ("Tuesday", "DATE"),
    ]
    assert [(s.token_start, s.token_end) for s in doc.sentences] == [(0, 13)]
    assert texts_of(doc, doc.sentences) == [QUOTE]
    assert texts_of(doc, doc.paragraphs) == [QUOTE]


def test_multiword_token_and_second_sentence_at_an_offset() -> None:
    doc = Document.create(CITY, headline=HEADLINE)
    offset = doc.part("body").start  # type: ignore[union-attr]
    doc = from_stanza(doc, [(offset, parse(conllu("city")))])
    can, not_ = doc.tokens[1], doc.tokens[2]
    assert (can.start, can.end) == (not_.start, not_.end)
    assert (can.text, can.form, not_.text, not_.form) == ("cannot", "can", "cannot", "not")
    assert (can.lemma, can.upos, not_.upos) == ("can", "AUX", "PART")
    assert can.head == not_.head == 3 and doc.tokens[3].text == "wait"
    assert doc.tokens[3].head is None
    voters = doc.tokens[5]
    assert voters.text == "Voters" and voters.lemma == "voter"
    assert doc.tokens[voters.head].text == "go"  # type: ignore[index]
    assert [(s.token_start, s.token_end) for s in doc.sentences] == [(0, 5), (5, 13)]
    assert texts_of(doc, doc.sentences) == [
        "Springfield cannot wait.",
        "Voters go to the polls in May.",
    ]
    assert [(e.text, e.label) for e in doc.entities] == [("Springfield", "GPE"), ("May", "DATE")]
    assert all(e.start >= offset for e in doc.entities)
    validate(doc)


def strip_offsets(source: str) -> str:
    return re.sub(r"start_char=\d+\|end_char=\d+\|?", "", source)


def shift_offsets(source: str, by: int) -> str:
    return re.sub(r"(start|end)_char=(\d+)", lambda m: f"{m[1]}_char={int(m[2]) + by}", source)


@pytest.mark.parametrize("damage", [strip_offsets, lambda s: shift_offsets(s, 2)])
def test_missing_or_wrong_offsets_are_found_in_the_text(damage: Callable[[str], str]) -> None:
    doc = Document.create(CITY)
    good = from_stanza(doc, [(0, parse(conllu("city")))])
    damaged = from_stanza(doc, [(0, parse(damage(conllu("city")), text=CITY))])
    assert [(t.start, t.end, t.text) for t in damaged.tokens] == [
        (t.start, t.end, t.text) for t in good.tokens
    ]
    assert damaged.entities == good.entities
    assert damaged.diagnostics == ()


def test_unmatched_tokens_get_a_warning_and_consistent_text() -> None:
    source = conllu("headline").replace("\tvows\tvow\t", "\tpledges\tpledge\t")
    doc = from_stanza(Document.create(HEADLINE), [(0, parse(source, text=HEADLINE))])
    validate(doc)
    assert [d.level for d in doc.diagnostics] == ["warning"]
    assert "1 token(s)" in doc.diagnostics[0].message
    assert doc.tokens[2].form == "pledges" and doc.tokens[2].text == doc.text[11:15]


def test_entities_are_built_from_tags_when_missing() -> None:
    doc = from_stanza(Document.create(BYLINE), [(0, parse(conllu("byline"), ents=False))])
    assert [(e.text, e.label) for e in doc.entities] == [("Sam Lee", "PERSON")]


def test_piece_without_text_uses_its_tokens_for_the_paragraph() -> None:
    sdoc = CoNLL.conll2doc(input_str=conllu("byline"))
    assert sdoc.text is None
    doc = from_stanza(Document.create(BYLINE), [(0, sdoc)])
    assert texts_of(doc, doc.paragraphs) == [BYLINE]


def test_piece_text_must_match_the_document() -> None:
    with pytest.raises(ValueError, match="offset 3"):
        from_stanza(Document.create("xx " + HEADLINE), [(3, parse(conllu("byline")))])


def test_empty_pieces_give_nothing() -> None:
    doc = from_stanza(Document.create("   "), [(0, StanzaDocument([], text="   "))])
    assert (doc.paragraphs, doc.sentences, doc.tokens, doc.entities) == ((), (), (), ())


# -- the whole pipeline ------------------------------------------------------------------

ROOTS = Key("stanzatest.roots", tuple, doc="Root words of the sentences.")


@enricher(name="stanzatest.roots", requires=[L.DEPENDENCIES, L.ENTITIES], provides=[ROOTS])
def roots(doc: Document) -> dict[Key[Any], Any]:
    return {ROOTS: tuple(t.lemma for t in doc.tokens if t.deprel == "root")}


class RootsPlugin:
    @hookimpl
    def newslens_register_enrichers(self, register: Callable[[Any], None]) -> None:
        register(roots)


def test_whole_pipeline_with_fixture_output() -> None:
    annotator = FixtureAnnotator(Config())
    pipeline = newslens.Pipeline(
        annotator=annotator, plugins=new_plugin_manager(entry_points=False, plugins=[RootsPlugin()])
    )
    # The byline's lead-in is dropped: stanza sees BYLINE.
    doc = pipeline(QUOTE + "\n\n" + CITY, headline=HEADLINE, byline="By " + BYLINE)
    assert doc.backend == "stanza"
    assert doc.layers == L.ALL
    assert doc.diagnostics == ()
    assert doc[ROOTS] == ("vow", "Sam", "say", "wait", "go")
    assert texts_of(doc, doc.paragraphs) == [HEADLINE, BYLINE, QUOTE, CITY]
    assert texts_of(doc, doc.sentences) == [
        HEADLINE, BYLINE, QUOTE, "Springfield cannot wait.", "Voters go to the polls in May.",
    ]
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Ruiz", "PERSON"), ("Sam Lee", "PERSON"), ("Ana Ruiz", "PERSON"), ("Tuesday", "DATE"),
        ("Springfield", "GPE"), ("May", "DATE"),
    ]
    for sentence in doc.sentences:
        heads = [t.head for t in doc.sentence_tokens(sentence) if t.head is not None]
        assert all(sentence.token_start <= h < sentence.token_end for h in heads)
    validate(doc)
    # one stanza call for all four paragraphs of the document
    assert annotator.nlp.calls == [[HEADLINE, BYLINE, QUOTE, CITY]]


def test_documents_are_batched_into_one_stanza_call() -> None:
    nlp = FixtureNlp()
    annotator = StanzaAnnotator(Config(), nlp=nlp)
    docs = [Document.create(QUOTE), Document.create(CITY, headline=HEADLINE), Document.create("")]
    out = list(annotator.annotate_many(docs))
    assert nlp.calls == [[QUOTE, HEADLINE, CITY]]
    assert [len(d.tokens) for d in out] == [13, 4 + 13, 0]
    assert annotator.annotate(Document.create(BYLINE)).entities[0].text == "Sam Lee"
    annotator.batch_size = 1
    del nlp.calls[:]
    list(annotator.annotate_many(docs))
    assert nlp.calls == [[QUOTE], [HEADLINE, CITY]]  # the empty document needs no call


def test_stanza_failure_names_the_documents() -> None:
    class Broken:
        def bulk_process(self, texts: Sequence[str]) -> list[Any]:
            raise RuntimeError("CUDA out of memory")

    annotator = StanzaAnnotator(Config(), nlp=Broken())
    with pytest.raises(AnnotatorError, match=r"article-7.*CUDA out of memory"):
        annotator.annotate(Document.create("Hello.", id="article-7"))


# -- property-based: any text, any offsets quality ------------------------------------------


class WhitespaceNlp:
    """A stand-in tokenizer: words are runs of non-space; a word ending in '.' ends a
    sentence. Builds real stanza Documents; *mode* spoils the offsets."""

    def __init__(self, mode: str) -> None:
        self.mode = mode

    def bulk_process(self, texts: Sequence[str]) -> list[Any]:
        return [self.process(text) for text in texts]

    def process(self, text: str) -> Any:
        sentences: list[list[re.Match[str]]] = [[]]
        for match in re.finditer(r"\S+", text):
            sentences[-1].append(match)
            if match.group().endswith("."):
                sentences.append([])
        rows = []
        for sentence in filter(None, sentences):
            row = []
            for index, match in enumerate(sentence, 1):
                word: dict[str, Any] = {
                    "id": (index,),
                    "text": match.group(),
                    "lemma": match.group().lower(),
                    "head": 0 if index == 1 else 1,
                    "deprel": "root" if index == 1 else "dep",
                    "ner": "S-MISC" if match.group()[0].isupper() else "O",
                }
                if self.mode != "missing":
                    shift = 1 if self.mode == "shifted" else 0
                    word["start_char"] = match.start() + shift
                    word["end_char"] = match.end() + shift
                row.append(word)
            rows.append(row)
        return StanzaDocument(rows, text=text)


# Both annotators split paragraphs with one function: each case is checked on both.
LINE_BREAK_CASES = [
    ("One.\r\nTwo.\r\nThree.", ["One.", "Two.", "Three."]),
    ("One.\rTwo.\rThree.", ["One.", "Two.", "Three."]),
    ("One.\nTwo.", ["One.", "Two."]),
    ("One.\nstill one.\n  \t \nTwo.\r\n \r\nThree.", ["One.\nstill one.", "Two.", "Three."]),
    ("One.\r\nstill one.\r\n\r\nTwo.", ["One.\r\nstill one.", "Two."]),
    ("One.\r \rTwo.", ["One.", "Two."]),
    ("  \r\n One. \r\n\r\n\r\n", ["One."]),
]


@pytest.mark.parametrize(("body", "expected"), LINE_BREAK_CASES)
def test_stanza_gets_one_text_per_paragraph_whatever_the_line_breaks(
    body: str, expected: list[str]
) -> None:
    class Recording(WhitespaceNlp):
        texts: ClassVar[list[str]] = []

        def bulk_process(self, texts: Sequence[str]) -> list[Any]:
            self.texts.extend(texts)
            return super().bulk_process(texts)

    nlp = Recording("exact")
    doc = StanzaAnnotator(Config(), nlp=nlp).annotate(
        Document.create(body, headline="Two\r\nlines", byline="By Li\nChen")
    )
    assert nlp.texts == ["Two\r\nlines", "Li\nChen", *expected]
    assert texts_of(doc, doc.paragraphs) == nlp.texts
    validate(doc)
    lite = newslens.annotate(Document.create(body, headline="Two\r\nlines", byline="By Li\nChen"))
    assert lite.paragraphs == doc.paragraphs == paragraph_spans(lite)
    check_document(lite)  # among other things, no sentence crosses a paragraph


ARTICLE_TEXT = st.one_of(
    st.text(st.sampled_from(list("ab Z.\n\n \t\r\u00a0é\u2028-")), max_size=60),
    st.text(max_size=40),
)


@given(headline=ARTICLE_TEXT, body=ARTICLE_TEXT)
@example(headline="H", body="\r\rZ\r\nZ")  # CRLF in a block: no blank line
def test_paragraphs_cover_every_visible_character_once(headline: str, body: str) -> None:
    doc = Document.create(body, headline=headline)
    paragraphs = paragraph_spans(doc)
    body = doc.part("body")
    assert body is not None
    for paragraph in paragraphs:
        block = doc.text[paragraph.start : paragraph.end]
        assert block and block == block.strip()
        if paragraph.start >= body.start:  # the headline is one paragraph, blank lines or not
            assert not re.search(r"(?>\r\n|\r|\n)[^\S\r\n]*(?>\r\n|\r|\n)", block)
        assert any(p.start <= paragraph.start and paragraph.end <= p.end for p in doc.parts)
    assert all(a.end < b.start for a, b in itertools.pairwise(paragraphs))
    covered = {i for p in paragraphs for i in range(p.start, p.end)}
    visible = {i for i, c in enumerate(doc.text) if not c.isspace()}
    assert visible <= covered


@given(
    headline=ARTICLE_TEXT,
    byline=ARTICLE_TEXT,
    body=ARTICLE_TEXT,
    mode=st.sampled_from(["exact", "shifted", "missing"]),
)
def test_any_article_gives_consistent_spans(
    headline: str, byline: str, body: str, mode: str
) -> None:
    source = Document.create(body, headline=headline, byline=byline)
    doc = StanzaAnnotator(Config(), nlp=WhitespaceNlp(mode)).annotate(source)
    validate(doc)
    assert doc.diagnostics == ()
    expected = [
        (p.start + m.start(), p.start + m.end())
        for p in doc.paragraphs
        for m in re.finditer(r"\S+", doc.text[p.start : p.end])
    ]
    assert [(t.start, t.end) for t in doc.tokens] == expected
    bounds = [0, *(s.token_end for s in doc.sentences)]
    assert [(s.token_start, s.token_end) for s in doc.sentences] == list(
        itertools.pairwise(bounds)
    )
    assert bounds[-1] == len(doc.tokens)
    for sentence in doc.sentences:
        assert sum(p.start <= sentence.start and sentence.end <= p.end for p in doc.paragraphs) == 1
        for token in doc.sentence_tokens(sentence):
            assert token.head is None or sentence.token_start <= token.head < sentence.token_end
    for entity in doc.entities:
        assert any(s.start <= entity.start and entity.end <= s.end for s in doc.sentences)


# -- model checks -------------------------------------------------------------------------

DEFAULT_PACKAGES = {
    "tokenize": "combined",
    "mwt": "combined",
    "pos": "combined_charlm",
    "lemma": "combined_nocharlm",
    "depparse": "combined_charlm",
    "ner": "ontonotes-ww-multi_charlm",
    "sentiment": "sstplus_charlm",
}
CHARLM = [
    {"model": "pretrain", "package": "conll17"},
    {"model": "forward_charlm", "package": "1billion"},
    {"model": "backward_charlm", "package": "1billion"},
]


def fake_install(directory: Path) -> list[Path]:
    """Lay out *directory* like ``stanza.download('en')`` does, with dummy model files."""
    english: dict[str, Any] = {"lang_name": "English", "packages": {"default": DEFAULT_PACKAGES}}
    for processor, package in DEFAULT_PACKAGES.items():
        info: dict[str, Any] = {"md5": "0" * 32}
        if package.endswith("_charlm"):
            info["dependencies"] = CHARLM
        english[processor] = {package: info}
    resources = {"url": "https://example.invalid/{lang}", "en": english, "english": {"alias": "en"}}
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "resources.json").write_text(json.dumps(resources), "utf-8")
    files = [
        directory / "en" / p / f"{k}.pt" for p, k in DEFAULT_PACKAGES.items() if p != "sentiment"
    ]
    files += [directory / "en" / d["model"] / f"{d['package']}.pt" for d in CHARLM]
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"not a real model")
    return files


def test_why_unavailable_with_no_models_says_how_to_get_them(tmp_path: Path) -> None:
    message = why_unavailable(Config(stanza_dir=str(tmp_path)))
    assert message is not None
    assert f"`newslens models download --dir {tmp_path}`" in message
    assert f"stanza.download('en', model_dir={str(tmp_path)!r})" in message
    assert "--backend lite" in message
    assert "resources.json is missing" in message


def test_why_unavailable_with_models_installed(tmp_path: Path) -> None:
    fake_install(tmp_path)
    assert why_unavailable(Config(stanza_dir=str(tmp_path))) is None
    status = check_models("english", str(tmp_path))
    assert status.installed and status.processors == backend.PROCESSORS


def test_languages_without_mwt_or_without_models(tmp_path: Path) -> None:
    fake_install(tmp_path)
    resources = json.loads((tmp_path / "resources.json").read_text("utf-8"))
    del resources["en"]["packages"]["default"]["mwt"]
    (tmp_path / "resources.json").write_text(json.dumps(resources), "utf-8")
    status = check_models("en", str(tmp_path))
    assert status.installed and "mwt" not in status.processors
    message = why_unavailable(Config(language="xx", stanza_dir=str(tmp_path)))
    assert message is not None and "stanza has no models for language 'xx'" in message


def test_why_unavailable_names_a_missing_model_file(tmp_path: Path) -> None:
    files = fake_install(tmp_path)
    missing = next(p for p in files if p.parent.name == "forward_charlm")
    missing.unlink()
    message = why_unavailable(Config(stanza_dir=str(tmp_path)))
    assert message is not None
    assert f"{missing.relative_to(tmp_path)} is missing" in message


def test_why_unavailable_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_install(tmp_path / "models")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "models"))
    assert why_unavailable(Config()) is None
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "empty"))
    message = why_unavailable(Config())
    assert message is not None and str(tmp_path / "empty") in message
    # the environment applies to both download commands, so neither names the directory
    assert "`newslens models download`" in message and "stanza.download('en')" in message


def test_default_directory_is_stanzas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    from platformdirs import user_cache_dir

    current = Path(user_cache_dir("stanza", "StanfordNLP", stanza.__resources_version__))
    assert backend.default_model_dir() == str(current / "resources")
    assert backend.resources_dir(Config()) == str(current / "resources")
    # models installed by an older stanza in ~/stanza_resources are still found
    fake_install(tmp_path / "stanza_resources")
    assert backend.default_model_dir() == str(tmp_path / "stanza_resources")
    assert why_unavailable(Config()) is None


def test_why_unavailable_without_the_stanza_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backend, "_stanza_spec_dir", lambda: None)
    message = why_unavailable(Config())
    assert message is not None and "pip install 'newslens[stanza]'" in message


def test_checking_does_not_import_stanza() -> None:
    code = (
        "import sys\n"
        "from newslens.annotators import stanza as s\n"
        "from newslens.config import Config\n"
        "s.why_unavailable(Config())\n"
        "print(sorted(m for m in ('stanza', 'torch') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_annotator_without_models_fails_fast_and_clearly(tmp_path: Path) -> None:
    began = time.perf_counter()
    with pytest.raises(AnnotatorError) as info:
        StanzaAnnotator(Config(stanza_dir=str(tmp_path)))
    assert time.perf_counter() - began < 5
    message = str(info.value)
    assert "newslens models download" in message and "--backend lite" in message
    assert type(info.value.__cause__).__name__ == "ResourcesFileNotFoundError"


def test_annotator_with_unloadable_models_says_so(tmp_path: Path) -> None:
    fake_install(tmp_path)
    with pytest.raises(AnnotatorError, match="could not load") as info:
        StanzaAnnotator(Config(stanza_dir=str(tmp_path)))
    assert "newslens models download" in str(info.value)


def test_auto_picks_lite_and_says_how_to_get_stanza(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    pipeline = newslens.Pipeline("auto", plugins=new_plugin_manager(entry_points=False))
    assert pipeline.annotator.name == "lite"
    for doc in pipeline.pipe(["One sentence here.", "Another one."]):
        assert doc.backend == "lite"
        infos = [d for d in doc.diagnostics if d.level == "info"]
        assert len(infos) == 1
        assert "lite" in infos[0].message and "newslens models download" in infos[0].message


# -- download -------------------------------------------------------------------------------


def test_download_without_network_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def offline(*args: Any, **kwargs: Any) -> None:
        raise requests.exceptions.ConnectionError("Failed to resolve 'raw.githubusercontent.com'")

    monkeypatch.setattr(stanza, "download", offline)
    with pytest.raises(AnnotatorError) as info:
        download_models("en", str(tmp_path))
    message = str(info.value)
    assert message.startswith(f"could not download stanza's English models into {tmp_path}")
    assert "ConnectionError" in message and "network" in message and "--backend lite" in message
    assert isinstance(info.value.__cause__, requests.exceptions.ConnectionError)


def test_download_fills_the_directory_the_annotator_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    def fake_download(language: str, **kwargs: Any) -> None:
        calls.append((language, kwargs))
        fake_install(Path(kwargs["model_dir"]))

    monkeypatch.setattr(stanza, "download", fake_download)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert download_models() == str(tmp_path)
    assert calls[0][0] == "en" and calls[0][1]["model_dir"] == str(tmp_path)
    asked = set(calls[0][1]["processors"].split(","))
    assert asked == {"tokenize", "pos", "lemma", "depparse", "ner"}
    assert why_unavailable(Config()) is None


def test_download_that_leaves_files_missing_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stanza, "download", lambda *args, **kwargs: None)
    with pytest.raises(AnnotatorError, match="still missing"):
        download_models("en", str(tmp_path))


def test_every_installed_plugin_runs_on_stanza_output() -> None:
    from newslens.plugins import list_plugins

    pm = new_plugin_manager()
    pipeline = newslens.Pipeline(annotator=FixtureAnnotator(Config()), plugins=pm)
    doc = pipeline(QUOTE + "\n\n" + CITY, headline=HEADLINE, byline=BYLINE, published="2024-03-14")
    check_document(doc)
    assert doc.backend == "stanza"
    assert not [d for d in doc.diagnostics if d.level == "error"], doc.diagnostics
    provided = {key.name for info in list_plugins(pm) for e in info.enrichers for key in e.provides}
    assert provided, "no plugin with enrichers is installed"
    for name in provided:
        assert any(key.name == name for key in doc.enrichments), name
    validate(doc)
