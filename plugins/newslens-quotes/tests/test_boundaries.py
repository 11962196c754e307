"""The learned chooser of where a reported content ends (newslens_quotes.boundaries):
its table, its candidates, its choice, and the option that turns it on."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from newslens_quotes import LEARNED_BOUNDARIES_OPTION, QUOTES, QuoteResult, boundaries, find_quotes
from newslens_quotes.attribution import Found, Rules
from newslens_quotes.engine import _Run
from newslens_quotes.lexicon import CueIndex, builtin_cues
from stanza.utils.conll import CoNLL

import newslens
from newslens import Document
from newslens.annotators.stanza import from_stanza
from newslens.testing.strategies import annotated_documents, news_texts, texts

FIXTURES = Path(__file__).parent / "fixtures"
WHICH = "The mayor said the bridge will reopen in May, and the drivers cheered."
ICY = 'Officials urged drivers to stay home, since the roads were "very icy and dangerous" now.'


def lite(text: str) -> Document:
    return newslens.annotate(text, backend="lite")


def reported_with_candidates(
    text: str,
) -> tuple[Rules, list[tuple[Found, list[boundaries.Candidate]]]]:
    """The rules of *text* and each reported content with its candidate ends."""
    run = _Run(lite(text), CueIndex.build(builtin_cues()))
    seen: list[tuple[Found, list[boundaries.Candidate]]] = []

    def collect(rules: Rules, reported: Sequence[Found]) -> None:
        seen.extend(boundaries.candidates_of(rules, reported))

    run.attributions(True, collect)
    return run.rules, seen


def texts_of(result: QuoteResult) -> list[str]:
    return [q.text for q in result.quotes]


def plant(monkeypatch: pytest.MonkeyPatch, weights: Mapping[str, float]) -> None:
    monkeypatch.setattr(boundaries, "table", lambda: weights)


# -- the table ---------------------------------------------------------------------------


def test_the_table_has_a_header_and_a_finite_weight_per_feature() -> None:
    text = resources.files("newslens_quotes").joinpath("data", "boundaries.tsv").read_text()
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert any("quotes_train_boundaries.py" in line for line in comments)  # how it was made
    rows = [line for line in lines if line.strip() and not line.startswith("#")]
    assert rows[0] == "feature\tweight"
    table = boundaries.table()
    assert len(table) == len(rows) - 1 > 100  # one weight per row, names unique
    assert all(math.isfinite(w) and w != 0 for w in table.values())
    assert boundaries.KEEP in table and table[boundaries.KEEP] > 0  # the margin


def test_the_table_names_features_not_text() -> None:
    """Every part of a feature is a rule, a side, a common word, a shape or punctuation."""
    for name in boundaries.table():
        for part in name.replace("|", "=").replace("_", "=").split("="):
            assert len(part) <= 20 and "\t" not in part and " " not in part, name


def test_a_bad_row_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="row 3 .*feature<TAB>weight"):
        boundaries.parse_table("# made by hand\nfeature\tweight\nnext=,\t1.5\nnext=and\tmany\n")
    assert boundaries.parse_table("feature\tweight\nnext=,\t-2\n") == {"next=,": -2.0}


# -- candidates ---------------------------------------------------------------------------


def test_the_rule_s_end_comes_first_and_every_candidate_is_a_break() -> None:
    rules, seen = reported_with_candidates(WHICH)
    assert len(seen) == 1
    found, chosen = seen[0]
    words = rules.words
    assert chosen[0].stop == found.end  # the rule's own end
    ends = [c.end for c in chosen]
    assert len(ends) == len(set(ends)) > 1
    joined = words.lower.index("and")
    assert joined in ends and joined - 1 in ends  # before ", and" and before "and"
    for c in chosen[1:]:
        hi = words.sentence_bounds(c.end - 1)[1]
        assert c.end == hi or words.text[c.end] in ",;:—–-()" or (
            words.lower[c.end] in boundaries.CLAUSE_WORDS
        )


def test_no_candidate_runs_into_a_quotation_after_the_content() -> None:
    rules, seen = reported_with_candidates(ICY)
    words = rules.words
    opening = words.text.index('"')
    assert seen
    for found, chosen in seen:
        assert found.end < words.start[opening]
        assert all(c.stop < words.start[opening] for c in chosen)


def test_the_features_read_the_words_around_the_end() -> None:
    rules, seen = reported_with_candidates(WHICH)
    found, chosen = seen[0]
    joined = rules.words.lower.index("and")
    at_comma = next(c for c in chosen if c.end == joined - 1)
    assert "next=," in at_comma.features and "next2=,_and" in at_comma.features
    assert f"{found.how}|next=," in at_comma.features
    assert "shorter|next=," in at_comma.features  # the rule ran to the sentence's end
    assert "same" in chosen[0].features and "same" not in at_comma.features


# -- the choice ---------------------------------------------------------------------------


def test_a_planted_weight_moves_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = lite(WHICH)
    assert texts_of(find_quotes(doc)) == ["the bridge will reopen in May, and the drivers cheered"]
    plant(monkeypatch, {"next2=,_and": 5.0})
    assert texts_of(find_quotes(doc, learned_boundaries=True)) == ["the bridge will reopen in May"]


def test_a_planted_weight_can_lengthen_a_content(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = lite("Officials urged drivers to stay home, since the roads were icy.")
    assert texts_of(find_quotes(doc)) == ["drivers to stay home"]
    plant(monkeypatch, {"longer|sentence_end=True": 5.0})
    assert texts_of(find_quotes(doc, learned_boundaries=True)) == [
        "drivers to stay home, since the roads were icy"
    ]


def test_an_outer_content_may_take_in_an_inner_attribution(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = lite("The farmer said he knew little about the senator before she announced her "
               "bid, and he now plans to vote for her.")
    inner = "her bid, and he now plans to vote for her"
    assert texts_of(find_quotes(doc)) == ["he knew little about the senator", inner]
    plant(monkeypatch, {"longer|sentence_end=True": 5.0})
    assert texts_of(find_quotes(doc, learned_boundaries=True)) == [
        f"he knew little about the senator before she announced {inner}", inner
    ]


def test_with_no_weights_the_rule_s_end_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = lite(WHICH)
    plant(monkeypatch, {})
    assert texts_of(find_quotes(doc, learned_boundaries=True)) == texts_of(find_quotes(doc))


def test_the_best_candidate_wins_and_the_first_on_a_tie() -> None:
    a = boundaries.Candidate(5, 30, ("same", "next=,"))
    b = boundaries.Candidate(8, 44, ("longer", "next=which"))
    assert boundaries.best({"next=which": 1.0}, [a, b]) is b
    assert boundaries.best({"next=which": 1.0, "same": 1.0}, [a, b]) is a
    assert boundaries.best({}, [a, b]) is a
    assert boundaries.best({}, []) is None


def test_a_mixed_content_cut_before_its_quotation_becomes_indirect(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = lite('The mayor said the bridge will reopen, and the drivers "cheered loudly" there.')
    assert [q.kind for q in find_quotes(doc).quotes] == ["mixed"]
    plant(monkeypatch, {"next2=,_and": 5.0})
    found = find_quotes(doc, learned_boundaries=True).quotes
    assert [(q.kind, q.text) for q in found] == [("indirect", "the bridge will reopen")]


def test_a_quotation_after_the_content_stays_a_quote_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = lite(ICY)
    plant(monkeypatch, {"longer|sentence_end=True": 5.0, "longer|next=since": 5.0})
    on, off = find_quotes(doc, learned_boundaries=True), find_quotes(doc)
    assert [q.text for q in on.quotes if q.kind == "direct"] == [
        q.text for q in off.quotes if q.kind == "direct"
    ]
    assert not any('"' in q.text for q in on.quotes)


# -- must not break -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said that the bridge will reopen.",
        "“The bridge will reopen in May,” said Dana Whitfield, the fire chief.",
        "She added that crews had worked through the night, officials said.",
    ],
)
def test_the_learned_table_keeps_plain_contents(text: str) -> None:
    doc = lite(text)
    assert texts_of(find_quotes(doc, learned_boundaries=True)) == texts_of(find_quotes(doc))


def test_direct_quotes_keep_their_marks_bounds() -> None:
    doc = lite("“We will rebuild, and we will do it soon,” the mayor said, which surprised no one.")
    on, off = find_quotes(doc, learned_boundaries=True), find_quotes(doc)
    assert [(q.kind, q.text) for q in on.quotes] == [(q.kind, q.text) for q in off.quotes]
    assert on.quotes[0].kind == "direct"


def test_the_stanza_path_works_with_the_model() -> None:
    text = "The mayor said that the bridge will reopen."
    sdoc = CoNLL.conll2doc(input_str=(FIXTURES / "reported.conllu").read_text("utf-8"))
    sdoc.text = text
    doc = from_stanza(Document.create(text), [(0, sdoc)])
    found = find_quotes(doc, learned_boundaries=True).quotes
    assert [(q.kind, q.text.rstrip(".")) for q in found] == [
        ("indirect", "that the bridge will reopen")
    ]


# -- the option ---------------------------------------------------------------------------


def test_the_option_is_off_by_default_and_turns_the_model_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert LEARNED_BOUNDARIES_OPTION.default is False
    plant(monkeypatch, {"next2=,_and": 5.0})
    plain = newslens.Pipeline(backend="lite")(WHICH)[QUOTES]
    learned = newslens.Pipeline(
        backend="lite", options={"quotes.learned_boundaries": True}
    )(WHICH)[QUOTES]
    assert texts_of(plain) == ["the bridge will reopen in May, and the drivers cheered"]
    assert texts_of(learned) == ["the bridge will reopen in May"]


def test_a_bad_option_value_is_a_clear_error() -> None:
    with pytest.raises(Exception, match="quotes.learned_boundaries"):
        newslens.Pipeline(backend="lite", options={"quotes.learned_boundaries": "perhaps"})


# -- properties ---------------------------------------------------------------------------

DOCUMENTS = annotated_documents(body=news_texts(max_paragraphs=3) | texts(max_size=80))


@settings(deadline=None)
@given(DOCUMENTS)
def test_quotes_lie_in_the_text_with_the_model_on_and_off(doc: Document) -> None:
    for learned in (True, False):
        for quote in find_quotes(doc, learned_boundaries=learned).quotes:
            assert 0 <= quote.start <= quote.end <= len(doc.text)
            if len(quote.parts) <= 1:
                assert quote.text == doc.text[quote.start : quote.end]
            for part in quote.parts:
                assert part.text == doc.text[part.start : part.end]


@settings(deadline=None)
@given(DOCUMENTS)
def test_candidates_start_with_the_rule_s_end_and_stay_in_the_sentence(doc: Document) -> None:
    run = _Run(doc, CueIndex.build(builtin_cues()))

    def check(rules: Rules, reported: Sequence[Found]) -> None:
        words = rules.words
        for found, chosen in boundaries.candidates_of(rules, reported):
            assert chosen[0].stop == found.end
            first = words.token_at(found.start)
            hi = words.sentence_bounds(first)[1]
            for c in chosen:
                assert found.start < c.stop <= words.end[hi - 1]

    run.attributions(True, check)
