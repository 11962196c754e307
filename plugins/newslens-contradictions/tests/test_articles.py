"""The plugin on twenty invented articles: planted contradictions found, clean articles left alone.

The fixtures (``fixtures/articles``, described in its README) are ten articles with one or
two planted contradictions each and ten clean ones full of tempting non-contradictions;
``gold.json`` lists, per article, the contradictions as ``kind``, ``scope`` and two exact
substrings ``a`` and ``b``. A finding matches a gold item when it has the same kind and
scope, its ``a`` span overlaps the gold ``a`` and its ``b`` span overlaps the gold ``b``.

Each article is read as ``newslens analyze`` reads a ``.txt`` file
(:func:`newslens.io.loaders.parse_txt`) and run through the lite pipeline with the dates,
quotes and contradictions plugins only (entry points off).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslens
from newslens.io.loaders import parse_txt
from newslens.plugins import new_plugin_manager
from newslens.testing.strategies import SaltedText, web_noise

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
GOLD: dict[str, list[dict[str, str]]] = json.loads(
    (ARTICLES / "gold.json").read_text(encoding="utf-8")
)
NAMES = sorted(p.stem for p in ARTICLES.glob("*.txt"))
PLANTED = [n for n in NAMES if n.startswith("planted_")]
CLEAN = [n for n in NAMES if n.startswith("clean_")]
KINDS = ("numeric", "date", "negation", "antonym", "factive", "entity", "dispute", "other")
SCOPES = ("headline_body", "body")


def read(name: str) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")


Bounds = tuple[int, int]


def gold_spans(name: str, text: str) -> list[tuple[dict[str, str], Bounds, Bounds]]:
    """Each gold item of *name* with the offsets of its ``a`` and ``b`` in *text*."""
    spans = []
    for item in GOLD[name]:
        a, b = text.index(item["a"]), text.index(item["b"])
        spans.append((item, (a, a + len(item["a"])), (b, b + len(item["b"]))))
    return spans


def overlaps(span: dict[str, Any], bounds: Bounds) -> bool:
    return bool(span["start"] < bounds[1] and bounds[0] < span["end"])


@cache
def pipeline() -> newslens.Pipeline:
    import newslens_contradictions
    import newslens_dates
    import newslens_quotes

    plugins = new_plugin_manager(
        entry_points=False, plugins=[newslens_dates, newslens_quotes, newslens_contradictions]
    )
    return newslens.Pipeline(backend="lite", plugins=plugins, strict=True)


def analyse(name: str) -> tuple[newslens.Document, list[dict[str, Any]]]:
    doc = pipeline()(parse_txt(read(name), id=name, source=f"{name}.txt"))
    data = doc.to_dict()
    assert "contradictions" in data, "the document has no 'contradictions' section"
    findings = data["contradictions"]
    assert isinstance(findings, list)
    return doc, findings


def check_finding(doc: newslens.Document, finding: dict[str, Any]) -> None:
    text = doc.text
    assert finding["kind"] in KINDS, finding
    assert finding["scope"] in SCOPES, finding
    assert isinstance(finding["confidence"], float), finding
    assert 0.0 <= finding["confidence"] <= 1.0, finding
    assert isinstance(finding["explanation"], str) and finding["explanation"], finding
    a, b = finding["a"], finding["b"]
    for span in (a, b):
        assert 0 <= span["start"] < span["end"] <= len(text), finding
        assert span["text"] == text[span["start"] : span["end"]], finding
    assert a["end"] <= b["start"], f"a is not before b: {finding}"
    headline, body = doc.part("headline"), doc.part("body")
    assert body is not None
    assert body.start <= b["start"] and b["end"] <= body.end, f"b is not in the body: {finding}"
    if finding["scope"] == "headline_body":
        assert headline is not None
        assert headline.start <= a["start"] and a["end"] <= headline.end, finding
    else:
        assert body.start <= a["start"], f"a is not in the body: {finding}"


def show(findings: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"  {f['kind']}/{f['scope']} {f['confidence']:.2f}: {f['a']['text']!r} / "
        f"{f['b']['text']!r}" for f in findings
    ) or "  (none)"


def test_gold_is_well_formed() -> None:
    assert len(PLANTED) == 10 and len(CLEAN) == 10
    assert set(GOLD) == set(NAMES)
    kinds, scopes = set(), []
    for name in NAMES:
        raw = read(name)
        headline, _, body = raw.partition("\n")
        assert headline.strip() and body.strip(), name
        doc = parse_txt(raw)
        assert doc.headline == headline.strip(), name
        if name in CLEAN:
            assert GOLD[name] == [], name
            continue
        assert 1 <= len(GOLD[name]) <= 2, name
        for item in GOLD[name]:
            assert set(item) == {"kind", "scope", "a", "b"}, (name, item)
            assert item["kind"] in KINDS and item["scope"] in SCOPES, (name, item)
            for side in ("a", "b"):
                assert raw.count(item[side]) == 1, (name, side, item[side])
                assert doc.text.count(item[side]) == 1, (name, side, item[side])
            if item["scope"] == "headline_body":
                assert item["a"] in headline and item["b"] in body, (name, item)
            else:
                assert item["a"] in body and item["b"] in body, (name, item)
                assert body.index(item["a"]) + len(item["a"]) <= body.index(item["b"]), name
            kinds.add(item["kind"])
            scopes.append(item["scope"])
        for _, (_, a_end), (b_start, _) in gold_spans(name, doc.text):
            assert a_end <= b_start, name
    assert kinds >= {"numeric", "date", "negation", "antonym", "factive"}
    assert scopes.count("headline_body") >= 1 and scopes.count("body") >= 3


# What the rules do not find yet, each for a reason the docs' limits name; strict, so
# that a rule that starts finding one is noticed (and the measured recall updated).
MISSED = {
    "planted_03": "'for $340 million' / 'the $430 million deal': two body figures are "
                  "compared only when both are given for one date (a running tally is not "
                  "a contradiction), and 'in cash' / 'deal' count different words",
    "planted_05": "'A fire broke out ... on Tuesday night' / 'the blaze started on Thursday "
                  "night': fire/blaze and broke out/started are synonyms; without a synonym "
                  "lexicon the two events share no word",
    "planted_10": "'failed to score on Saturday for the sixth straight match' holds words the "
                  "winning-goal clause lacks; '18,000 fans' / 'crowd of 12,500' counts fans "
                  "and a crowd, synonyms again",
}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=MISSED[n])) if n in MISSED
    else n
    for n in PLANTED
])
def test_planted_contradictions_are_found(name: str) -> None:
    doc, findings = analyse(name)
    for finding in findings:
        check_finding(doc, finding)
    for item, a, b in gold_spans(name, doc.text):
        assert any(
            f["kind"] == item["kind"] and f["scope"] == item["scope"]
            and overlaps(f["a"], a) and overlaps(f["b"], b)
            for f in findings
        ), f"{name}: missed {item}; found:\n{show(findings)}"


@pytest.mark.parametrize("name", CLEAN)
def test_clean_articles_have_no_finding(name: str) -> None:
    doc, findings = analyse(name)
    for finding in findings:
        check_finding(doc, finding)
    assert findings == [], f"{name}: false alarms:\n{show(findings)}"


# -- web text -------------------------------------------------------------------------------


def _findings_view(text: str, salted: SaltedText | None = None) -> list[tuple[Any, ...]]:
    """Kind, scope and both sides of each finding (mapped to the clean text when salted)."""
    data = pipeline()(parse_txt(text, id="salted", source="salted.txt")).to_dict()

    def side(span: dict[str, Any]) -> Any:
        bounds = (span["start"], span["end"])
        return bounds if salted is None else salted.clean_span(*bounds)

    return [(f["kind"], f["scope"], side(f["a"]), side(f["b"]))
            for f in data["contradictions"]]


@settings(max_examples=25, deadline=None)
@given(
    name=st.sampled_from([n for n in PLANTED if n not in MISSED]),
    pieces=st.lists(web_noise(), min_size=1, max_size=4),
    where=st.lists(st.integers(0, 1000), min_size=4, max_size=4),
)
def test_web_text_between_sentences_changes_no_finding(
    name: str, pieces: list[str], where: list[int]
) -> None:
    text = read(name)
    body_start = text.index("\n", text.index("\n") + 1)  # after the headline and the byline
    ends = [m.end() for m in re.finditer(r"[.!?][”\"]?\s", text[body_start:])]
    marked, pos = [], 0
    for at, piece in sorted(zip((body_start + ends[w % len(ends)] for w in where), pieces,
                                strict=False)):
        marked += [text[pos:at], f"⟦{piece} ⟧"]
        pos = at
    salted = SaltedText.from_marked("".join(marked) + text[pos:])
    found = _findings_view(salted.noisy, salted)
    assert found == _findings_view(salted.clean)
    assert found  # a planted article keeps its findings
