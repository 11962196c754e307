"""Tests of the example plugin, written the way any plugin's tests can be."""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

import newslens_entityfreq
import pluggy
from hypothesis import given
from hypothesis import strategies as st
from newslens_entityfreq import COUNTS, count_entities

import newslens
from newslens import Document, Entity, layers
from newslens.io.writers import open_writer
from newslens.testing import check_enricher
from newslens.testing.plugin import DocumentFactory
from newslens.testing.strategies import annotated_documents

TEXT = (
    "Mayor Ruth Calloway met Priya Raman on Tuesday. Calloway's office said the "
    "meeting went well.\nPriya Raman said Mayor Ruth Calloway listened."
)


def with_entities(text: str, names: list[str]) -> Document:
    """Make a document whose entities are the first occurrence of each given name."""
    entities, start = [], 0
    for name in names:
        start = text.index(name, start)
        entities.append(Entity(start, start + len(name), "NAME", name))
        start += len(name)
    return Document(text, layers={layers.ENTITIES}, entities=entities)


def test_contract() -> None:
    assert check_enricher(count_entities) > 0


def test_counts_ignore_case_spacing_and_possessives() -> None:
    doc = with_entities(
        "Ana  Ruiz met ANA RUIZ. Ana Ruiz's aide, Li, and Li.",
        ["Ana  Ruiz", "ANA RUIZ", "Ana Ruiz's", "Li", "Li"],
    )
    assert count_entities(doc) == {COUNTS: (("Ana Ruiz", 3), ("Li", 2))}


def test_ties_are_sorted_by_name() -> None:
    doc = with_entities("Zed, Amy and Kim.", ["Zed", "Amy", "Kim"])
    assert count_entities(doc)[COUNTS] == (("Amy", 1), ("Kim", 1), ("Zed", 1))


@given(annotated_documents())
def test_counts_add_up_to_the_entities(doc: Document) -> None:
    counts = count_entities(doc)[COUNTS]
    assert sum(n for _, n in counts) == len(doc.entities)
    assert [n for _, n in counts] == sorted((n for _, n in counts), reverse=True)


def test_the_option_leaves_out_rare_entities() -> None:
    pipeline = newslens.Pipeline("lite", options={"entityfreq.min_mentions": 2})
    counts = dict(pipeline(TEXT)[COUNTS])
    assert counts and min(counts.values()) >= 2 and "Priya Raman" in counts
    assert len(counts) < len(dict(newslens.Pipeline("lite")(TEXT)[COUNTS]))


def test_plugin_is_installed(newslens_plugin_manager: pluggy.PluginManager) -> None:
    assert newslens_plugin_manager.get_plugin("entityfreq") is newslens_entityfreq


def test_pipeline_json_and_report(lite_pipeline: newslens.Pipeline) -> None:
    doc = lite_pipeline(TEXT, headline="Mayor meets baker")
    counts = dict(doc[COUNTS])
    assert counts["Priya Raman"] == 2
    assert counts["Mayor Ruth Calloway"] == 2
    section = doc.to_dict()["entityfreq"]
    assert {"name": "Priya Raman", "count": 2} in section
    out = io.StringIO()
    with open_writer("text", out, lite_pipeline.plugins) as writer:
        writer.write(doc)
    assert "Most mentioned" in out.getvalue() and "Priya Raman" in out.getvalue()


def test_mentions_are_a_layer_of_the_html_report(lite_pipeline: newslens.Pipeline) -> None:
    doc = lite_pipeline(TEXT, headline="Mayor meets baker")
    (block,) = newslens_entityfreq.newslens_report_blocks(doc) or []
    raman = [m for m in block.marks if m.group == "Priya Raman"]
    assert [doc.text[m.start : m.end] for m in raman] == ["Priya Raman", "Priya Raman"]
    assert all(m.label == "entity: Priya Raman (2 mentions)" for m in raman)
    out = io.StringIO()
    with open_writer("html", out, lite_pipeline.plugins) as writer:
        writer.write(doc)
    page = out.getvalue()
    # the plugin wrote no HTML: the report lays its marks over the text by itself
    assert 'data-label="entity: Priya Raman (2 mentions)"' in page
    assert "Most mentioned" in page


def test_a_single_mention_is_said_in_the_singular(lite_pipeline: newslens.Pipeline) -> None:
    doc = lite_pipeline("Dana Whitfield spoke. Priya Raman listened. Priya Raman left.")
    (block,) = newslens_entityfreq.newslens_report_blocks(doc) or []
    labels = {m.group: m.label for m in block.marks}
    assert labels["Dana Whitfield"] == "entity: Dana Whitfield (1 mention)"
    assert labels["Priya Raman"] == "entity: Priya Raman (2 mentions)"


def test_nothing_to_report_without_counts(make_document: DocumentFactory) -> None:
    doc: Any = make_document("no names here.")
    assert newslens_entityfreq.newslens_json_section(doc) is None
    assert newslens_entityfreq.newslens_report_blocks(doc) is None


def test_the_most_used_spelling_names_the_entity_and_ties_go_to_the_first_met() -> None:
    doc = with_entities(
        "OSLO, Oslo and Oslo; BERGEN and Bergen.", ["OSLO", "Oslo", "Oslo", "BERGEN", "Bergen"]
    )
    assert count_entities(doc)[COUNTS] == (("Oslo", 3), ("BERGEN", 2))


_SPELLINGS = st.lists(
    st.sampled_from(["Ana Ruiz", "ANA RUIZ", "ana ruiz", "Ana Ruiz's", "Li", "LI", "Kim Lee"]),
    min_size=1,
    max_size=12,
)


@given(_SPELLINGS)
def test_counts_are_those_of_a_counter_per_name(names: list[str]) -> None:
    """The counts equal those of one :class:`collections.Counter` of spellings per
    case-folded name (its ``most_common(1)`` naming it)."""
    doc = with_entities(" and ".join(names) + ".", names)
    forms: dict[str, Counter[str]] = {}
    for name in names:
        spelling = name.removesuffix("'s")
        forms.setdefault(spelling.casefold(), Counter())[spelling] += 1
    expected = sorted(
        ((seen.most_common(1)[0][0], seen.total()) for seen in forms.values()),
        key=lambda item: (-item[1], item[0]),
    )
    assert count_entities(doc)[COUNTS] == tuple(expected)
