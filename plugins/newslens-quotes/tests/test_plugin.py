"""The plugin in newslens: contract, pipeline, JSON sections, report block, options, hook."""

from __future__ import annotations

from typing import Any

import newslens_quotes
import pluggy
import pytest
from newslens_quotes import KINDS, QUOTES, Cue, QuoteResult, make_enricher

import newslens
from newslens import Document, OptionError, hookimpl, plugins
from newslens.testing import check_enricher

BODY = (
    '"Nobody was hurt in the blaze," said Dana Whitfield, the fire chief.\n'
    'Mayor Tom Becker said the school would reopen on Monday. He added: "We will rebuild."\n'
    "The driver fled the scene, according to the harbour police."
)


def analyze(text: str = BODY, **options: Any) -> Document:
    if options:
        return newslens.Pipeline(backend="lite", options=options)(text)
    return newslens.analyze(text, backend="lite")


def test_plugin_is_installed(newslens_plugin_manager: pluggy.PluginManager) -> None:
    assert newslens_plugin_manager.get_plugin("quotes") is newslens_quotes
    assert hasattr(newslens_plugin_manager.hook, "newslens_quotes_cues")


def test_contract() -> None:
    assert check_enricher(make_enricher(), [BODY, '"Unclosed', "“ ” ‘ ’ \" '"],
                          max_examples=25) > 0


def test_pipeline_stores_a_quote_result() -> None:
    doc = analyze()
    result = doc[QUOTES]
    assert isinstance(result, QuoteResult)
    found = {(q.kind, q.speaker_name) for q in result.quotes}
    assert ("direct", "Dana Whitfield") in found
    assert ("indirect", "Tom Becker") in found
    assert ("direct", "Tom Becker") in found  # "He added:" resolved to the mayor
    assert result.speakers[0].name == "Tom Becker"


def check_span(span: Any, text: str) -> None:
    assert set(span) >= {"start", "end", "text"}
    assert 0 <= span["start"] <= span["end"] <= len(text)
    assert span["text"] == text[span["start"] : span["end"]]


def test_json_sections() -> None:
    doc = analyze()
    data = doc.to_dict()
    text = data["text"]
    quotes, speakers = data["quotes"], data["speakers"]
    assert len(quotes) == len(doc[QUOTES].quotes) >= 4
    for quote in quotes:
        assert set(quote) >= {"start", "end", "text", "kind", "cue", "speaker", "speaker_name",
                              "confidence"}
        assert quote["kind"] in KINDS
        assert 0 <= quote["confidence"] <= 1
        assert quote["text"][:1] not in "\"“”" and quote["text"][-1:] not in "\"“”"
        for key in ("cue", "speaker"):
            if quote[key] is not None:
                check_span(quote[key], text)
    assert [q["start"] for q in quotes] == sorted(q["start"] for q in quotes)
    names = {s["name"] for s in speakers}
    assert {q["speaker_name"] for q in quotes} - {None} == names
    for speaker in speakers:
        assert set(speaker) >= {"name", "kind", "quotes", "mentions"}
        assert speaker["quotes"] == sum(q["speaker_name"] == speaker["name"] for q in quotes)
        for mention in speaker["mentions"]:
            check_span(mention, text)


def test_no_sections_without_the_enrichment() -> None:
    doc = newslens.annotate("Nobody said anything.")
    assert newslens_quotes.newslens_json_section(doc) is None
    assert newslens_quotes.newslens_report_blocks(doc) is None


def test_report_block_marks_quotes_cues_and_speakers() -> None:
    doc = analyze()
    (block,) = newslens_quotes.newslens_report_blocks(doc) or []
    assert block.title == "Quotes"
    result = doc[QUOTES]
    marked = {(m.start, m.end) for m in block.marks}
    for quote in result.quotes:
        assert (quote.start, quote.end) in marked
        for span in (quote.cue, quote.speaker):
            if span is not None:
                assert (span.start, span.end) in marked
    labels = [m.label for m in block.marks]
    assert "cue" in labels
    assert any("Dana Whitfield" in label for label in labels)
    groups = {m.group for m in block.marks if m.label != "cue"}
    assert "speaker: Dana Whitfield" in groups
    assert all(m.group is None for m in block.marks if m.label == "cue")
    assert [m.start for m in block.marks] == sorted(m.start for m in block.marks)
    assert all(0 <= m.start <= m.end <= len(doc.text) for m in block.marks)
    assert dict(block.rows)["quotes"] == str(len(result.quotes))
    table = block.tables[0]
    assert [row[0] for row in table.rows] == [s.name for s in result.speakers]


def test_report_block_reaches_the_text_report() -> None:
    doc = analyze()
    blocks = [b for b in plugins.render_blocks(plugins.get_plugin_manager(), doc)[0]
              if b.title == "Quotes"]
    assert len(blocks) == 1 and blocks[0].plugin == "quotes"


def test_cues_option() -> None:
    text = "The mayor opined that the bridge was safe."
    assert analyze(text)[QUOTES].quotes == ()
    (quote,) = analyze(text, **{"quotes.cues": "opine"})[QUOTES].quotes
    assert quote.cue is not None and quote.cue.text == "opined"
    assert quote.speaker_name == "The mayor"


def test_analyze_passes_options() -> None:
    doc = newslens.analyze("The mayor opined that the bridge was safe.", backend="lite",
                           options={"quotes.cues": "opine"})
    assert len(doc[QUOTES].quotes) == 1


def test_inherit_option() -> None:
    text = ('"We will rebuild the pier before summer," said Dana Whitfield.\n'
            '"The money is already there and the work starts soon."')
    on = [q for q in analyze(text)[QUOTES].quotes if "money" in q.text]
    off = [q for q in analyze(text, **{"quotes.inherit": False})[QUOTES].quotes
           if "money" in q.text]
    assert [q.speaker_name for q in on] == ["Dana Whitfield"]
    assert [q.speaker_name for q in off] == [None]


def test_a_bad_inherit_value_is_an_option_error() -> None:
    with pytest.raises(OptionError, match="quotes.inherit"):
        newslens.Pipeline(backend="lite", options={"quotes.inherit": "perhaps"})


@pytest.mark.parametrize("value", ["opine:shout", ":object"])
def test_a_bad_cues_value_is_an_option_error(value: str) -> None:
    with pytest.raises(OptionError, match="quotes.cues"):
        newslens.Pipeline(backend="lite", options={"quotes.cues": value})


class ExtraCues:
    """A plugin that adds a cue, and something that is not one."""

    @hookimpl
    def newslens_quotes_cues(self) -> list[Any]:
        return [Cue(("grumble",)), "whine"]


def test_cues_hook() -> None:
    extra = plugins.new_plugin_manager(entry_points=False, plugins=[newslens_quotes, ExtraCues()])
    plain = plugins.new_plugin_manager(entry_points=False, plugins=[newslens_quotes])
    text = "The chief grumbled that the budget was too small."
    doc = newslens.Pipeline(backend="lite", plugins=extra)(text)
    (quote,) = doc[QUOTES].quotes
    assert quote.cue is not None and quote.cue.text == "grumbled"
    assert quote.text.rstrip(".") == "that the budget was too small"
    warnings = [d for d in doc.diagnostics if d.plugin == "quotes" and d.level == "warning"]
    assert any("whine" in d.message for d in warnings)
    assert newslens.Pipeline(backend="lite", plugins=plain)(text)[QUOTES].quotes == ()
    assert plugins.get_plugin_manager().get_plugin("ExtraCues") is None
