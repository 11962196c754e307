"""The plugin on real stanza output (tags, lemmas, heads, entities), built from CoNLL-U.

stanza builds its ``Document`` from CoNLL-U without any model; the core's stanza
backend converts it, one stanza document per paragraph as the stanza annotator
does (the headline is a paragraph of its own). The fixtures are analyses written
by hand for these sentences (``start_char``/``end_char`` relative to each paragraph).

With stanza's tags, a word's part of speech decides whether it is a modifier (an
adjective or adverb, which a negated statement need not share with the other)
instead of the lite word lists and suffixes, and the tests below are built so that
this changes the result.
"""

from __future__ import annotations

from pathlib import Path

import newslens_contradictions
import newslens_dates
import newslens_quotes
from newslens_contradictions import CONTRADICTIONS, ContradictionResult, find_contradictions
from stanza.utils.conll import CoNLL

import newslens
from newslens import Document
from newslens.annotators.stanza import from_stanza
from newslens.plugins import new_plugin_manager

FIXTURES = Path(__file__).parent / "fixtures"
HEADLINE = "Council approves budget"
BODY = (
    "The weary, divided council did not approve the budget. "
    "The harbour ferry leaves Port Ellen at noon. "
    "The harbour ferry was painted blue in spring."
)
NEGATED = "The weary, divided council did not approve the budget"
REQUEST = (
    "The Harlow council approved the budget. "
    "The Harlow council did not approve the budget request."
)


def parse(conllu: str, text: str) -> object:
    sdoc = CoNLL.conll2doc(input_str=conllu)
    sdoc.text = text
    return sdoc


def read(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def article(body_conllu: str | None = None) -> Document:
    """The headline and body, each its own stanza document at its paragraph's offset."""
    doc = Document.create(BODY, headline=HEADLINE)
    body = doc.part("body")
    assert body is not None
    return from_stanza(doc, [
        (0, parse(read("headline.conllu"), HEADLINE)),
        (body.start, parse(body_conllu or read("body.conllu"), BODY)),
    ])


def request() -> Document:
    return from_stanza(Document.create(REQUEST), [(0, parse(read("request.conllu"), REQUEST))])


def test_fixtures_are_stanza_documents() -> None:
    doc = article()
    assert doc.backend == "stanza"
    assert doc.text == f"{HEADLINE}\n\n{BODY}"
    assert doc.tokens.column("upos")[:6] == ("NOUN", "VERB", "NOUN", "DET", "ADJ", "PUNCT")
    assert doc.tokens.column("lemma")[1] == "approve"
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Port Ellen", "GPE"), ("noon", "TIME"), ("spring", "DATE")]
    assert [doc.text[s.start : s.end] for s in doc.sentences][:2] == [HEADLINE, NEGATED + "."]
    assert request().tokens.column("upos")[-2] == "NOUN"


def test_the_headline_contradicted_in_the_body_on_stanza() -> None:
    result = find_contradictions(article())
    (finding,) = result.findings  # the two ferry sentences are a clean pair
    assert (finding.kind, finding.scope, finding.detector) == (
        "negation", "headline_body", "negation")
    assert (finding.a.start, finding.a.end, finding.a.text) == (0, len(HEADLINE), HEADLINE)
    start = len(HEADLINE) + 2
    assert (finding.b.start, finding.b.text) == (start, NEGATED)
    assert finding.b.end == start + len(NEGATED)
    assert finding.pieces == ("", "not")
    assert finding.explanation.startswith(
        f"The headline says '{HEADLINE}'; paragraph 1 says '{NEGATED}'")
    assert result.pairs >= 2  # headline/negated sentence, and the ferry pair


def test_adjectives_tagged_adj_are_modifiers() -> None:
    """'weary' and 'divided' are in no word list: only their ADJ tags leave them out of
    what the negated sentence must share with the headline."""
    assert find_contradictions(article()).findings
    lite = newslens.annotate(BODY, headline=HEADLINE, backend="lite")
    assert find_contradictions(lite).findings == ()
    as_verbs = (read("body.conllu")
                .replace("weary\tweary\tADJ\tJJ", "weary\tweary\tVERB\tVBN")
                .replace("divided\tdivided\tADJ\tJJ", "divided\tdivide\tVERB\tVBN"))
    assert as_verbs != read("body.conllu")
    assert find_contradictions(article(as_verbs)).findings == ()


def test_a_noun_tagged_noun_is_not_a_modifier() -> None:
    """Lite takes 'request' for a modifier (its '-est' suffix) and finds a contradiction
    between 'approved the budget' and 'did not approve the budget request'; with stanza's
    NOUN tag 'request' is what is refused, and nothing is found."""
    lite = find_contradictions(newslens.annotate(REQUEST, backend="lite"))
    assert [f.kind for f in lite.findings] == ["negation"]
    assert find_contradictions(request()).findings == ()


def test_the_plugins_run_on_stanza_input() -> None:
    pipeline = newslens.Pipeline(
        backend="lite",
        plugins=new_plugin_manager(
            entry_points=False,
            plugins=[newslens_dates, newslens_quotes, newslens_contradictions],
        ),
        strict=True,
    )
    doc = pipeline.enrich(article())
    result = doc[CONTRADICTIONS]
    assert isinstance(result, ContradictionResult)
    assert [(f.kind, f.a.text, f.b.text) for f in result.findings] == [
        ("negation", HEADLINE, NEGATED)]
    (item,) = doc.to_dict()["contradictions"]
    assert item["b"]["text"] == doc.text[item["b"]["start"] : item["b"]["end"]]
