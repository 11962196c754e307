"""The learned model of statements no cue of the lexicon introduces
(newslens_quotes.learned_cues): its table, its candidates, its choice, and the option that
turns it on."""

from __future__ import annotations

import math
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_quotes import LEARNED_CANDIDATES_OPTION, QUOTES, find_quotes, learned_cues
from newslens_quotes.attribution import Found, Rules
from newslens_quotes.engine import _Run
from newslens_quotes.lexicon import CueIndex, builtin_cues
from newslens_quotes.words import is_verb
from stanza.utils.conll import CoNLL

import newslens
from newslens import Document
from newslens.annotators.stanza import from_stanza
from newslens.testing.strategies import annotated_documents, news_texts, texts

BACKED = "Senator Dana Whitfield backed the harbour levy and the ferry tax on Monday."
WAGERED = "The union wagered that the ferry budget would fail."
SAID = "The mayor said the bridge will reopen in May."
HOW = learned_cues.HOW


def lite(text: str) -> Document:
    return newslens.annotate(text, backend="lite")


def proposals_of(text: str) -> tuple[Rules, list[learned_cues.Proposal]]:
    run = _Run(lite(text), CueIndex.build(builtin_cues()))
    return run.rules, learned_cues.proposals(run.rules, run.attributions(True))


def plant(monkeypatch: pytest.MonkeyPatch, weights: Mapping[str, float]) -> None:
    monkeypatch.setattr(learned_cues, "table", lambda: weights)


def learned(doc: Document, on: bool = True) -> list[tuple[str, str, str | None]]:
    """The quotes the model adds: content, cue, speaker."""
    return [
        (q.text, q.cue.text if q.cue else "", q.speaker.text if q.speaker else None)
        for q in find_quotes(doc, learned_candidates=on).quotes if q.how == HOW
    ]


# -- the table ---------------------------------------------------------------------------


def test_the_table_says_how_it_was_made_and_holds_a_threshold() -> None:
    text = resources.files("newslens_quotes").joinpath("data", "learned_cues.tsv").read_text()
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert any("quotes_train_candidates.py" in line for line in comments)
    table = learned_cues.table()
    assert 0 < table[learned_cues.THRESHOLD] < 1
    assert len(table) > 100 and all(math.isfinite(w) for w in table.values())


def test_the_table_names_features_not_text() -> None:
    """Every part of a feature name is one word, a shape, a kind or a number: no text."""
    for name in learned_cues.table():
        for part in name.replace("|", "=").replace("_", "=").split("="):
            assert len(part) <= 30 and "\t" not in part and " " not in part, name


# -- candidates ---------------------------------------------------------------------------


def test_a_verb_outside_the_lexicon_is_a_candidate_with_its_object_and_subject() -> None:
    rules, found = proposals_of(BACKED)
    words = rules.words
    backed = [p for p in found if words.text[p.cue] == "backed"]
    assert backed, found
    contents = {" ".join(words.text[p.first:p.end]) for p in backed}
    # short: up to a clause word; mid: up to a comma or the sentence's end
    assert contents == {"the harbour levy", "the harbour levy and the ferry tax on Monday"}
    assert all(p.speaker is not None and words.text[p.speaker[1] - 1] == "Whitfield"
               for p in backed)
    assert all("lemma=back" in p.features and "follows=object" in p.features for p in backed)


def test_a_that_clause_is_the_content_of_its_verb() -> None:
    rules, found = proposals_of(WAGERED)
    words = rules.words
    wagered = [p for p in found if words.text[p.cue] == "wagered"]
    assert wagered and all(words.lower[p.first] == "that" for p in wagered)
    assert all("follows=that" in p.features for p in wagered)
    assert "subject=phrase" in wagered[0].features


def test_no_candidate_in_a_cue_speaker_or_content_of_the_rules() -> None:
    _, found = proposals_of(SAID)
    assert found == []  # "said" is a cue; "reopen" is inside its content
    doc = lite(SAID)
    assert find_quotes(doc, learned_candidates=True) == find_quotes(doc)


def test_an_object_content_never_takes_in_a_quotation() -> None:
    rules, found = proposals_of('The minister outlined the "red lines" of the pact on Monday.')
    for p in found:
        if "follows=object" in p.features or "follows=prep" in p.features:
            assert all(rules.in_quote[k] < 0 for k in range(p.first, p.end)), p


def test_a_noun_after_a_determiner_is_no_candidate() -> None:
    rules, found = proposals_of("The plans of the council were ready.")
    assert all(rules.words.text[p.cue] != "plans" for p in found)


# -- choosing ------------------------------------------------------------------------------


def test_planted_weights_add_a_quote_with_the_probability_as_confidence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plant(monkeypatch, {"bias": -4.0, "lemma|variant=back|short": 5.0, "threshold": 0.6})
    quotes = [q for q in find_quotes(lite(BACKED), learned_candidates=True).quotes
              if q.how == HOW]
    assert [(q.text, q.cue.text if q.cue else None, q.kind) for q in quotes] == [
        ("the harbour levy", "backed", "indirect")
    ]
    assert quotes[0].speaker_name == "Dana Whitfield"
    assert quotes[0].confidence == pytest.approx(1 / (1 + math.exp(-1.0)), abs=1e-3)


def test_below_the_threshold_nothing_is_added(monkeypatch: pytest.MonkeyPatch) -> None:
    plant(monkeypatch, {"bias": -4.0, "lemma|variant=back|short": 5.0, "threshold": 0.8})
    assert learned(lite(BACKED)) == []


def test_one_candidate_per_verb_the_most_probable(monkeypatch: pytest.MonkeyPatch) -> None:
    plant(monkeypatch, {"bias": 1.0, "variant=mid": 2.0, "threshold": 0.5})
    assert learned(lite(BACKED)) == [
        ("the harbour levy and the ferry tax on Monday", "backed", "Senator Dana Whitfield")
    ]


def best_probability(text: str, verb: str) -> float:
    rules, found = proposals_of(text)
    table = learned_cues.table()
    return max(learned_cues.probability(table, p.features) for p in found
               if rules.words.text[p.cue] == verb)


def test_the_real_table_ranks_a_stance_above_a_plain_event() -> None:
    stance = best_probability("Ruiz is backing the harbour levy.", "backing")
    event = best_probability("The ferry leaves the quay at noon.", "leaves")
    assert stance > event + 0.3
    assert event < learned_cues.table()[learned_cues.THRESHOLD]
    assert learned(lite("The ferry leaves the quay at noon.")) == []


def test_the_stanza_path_works_with_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """With tags, a verb is what the tagger says; the rules' own attribution is kept and
    nothing inside it is proposed."""
    text = "The mayor said that the bridge will reopen."
    fixture = Path(__file__).parent / "fixtures" / "reported.conllu"
    sdoc = CoNLL.conll2doc(input_str=fixture.read_text("utf-8"))
    sdoc.text = text
    doc = from_stanza(Document.create(text), [(0, sdoc)])
    plant(monkeypatch, {"bias": 5.0, "threshold": 0.5})
    found = find_quotes(doc, learned_candidates=True).quotes
    assert [(q.how, q.text.rstrip(".")) for q in found] == [
        ("dependency", "that the bridge will reopen")
    ]


# -- the option ---------------------------------------------------------------------------


def test_the_option_is_off_by_default_and_turns_the_model_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert LEARNED_CANDIDATES_OPTION.default is False
    plant(monkeypatch, {"bias": 5.0, "threshold": 0.5})
    assert learned(lite(BACKED), on=False) == []
    plain = newslens.Pipeline(backend="lite")(BACKED)[QUOTES]
    on = newslens.Pipeline(backend="lite", options={"quotes.learned_candidates": True})(
        BACKED
    )[QUOTES]
    assert all(q.how != HOW for q in plain.quotes)
    assert [q.cue.text for q in on.quotes if q.how == HOW and q.cue] == ["backed"]


def test_a_bad_option_value_is_a_clear_error() -> None:
    with pytest.raises(Exception, match="quotes.learned_candidates"):
        newslens.Pipeline(backend="lite", options={"quotes.learned_candidates": "perhaps"})


# -- properties ---------------------------------------------------------------------------

DOCUMENTS = annotated_documents(body=news_texts(max_paragraphs=3) | texts(max_size=80))


@settings(deadline=None)
@given(DOCUMENTS)
def test_quotes_lie_in_the_text_with_the_model_on(doc: Document) -> None:
    for quote in find_quotes(doc, learned_candidates=True).quotes:
        assert 0 <= quote.start <= quote.end <= len(doc.text)
        if len(quote.parts) <= 1:
            assert quote.text == doc.text[quote.start : quote.end]
        for part in quote.parts:
            assert part.text == doc.text[part.start : part.end]
        assert 0 <= quote.confidence <= 1


@settings(deadline=None)
@given(DOCUMENTS)
def test_candidates_follow_their_verb_in_its_sentence(doc: Document) -> None:
    run = _Run(doc, CueIndex.build(builtin_cues()))
    rules = run.rules
    words = rules.words
    for p in learned_cues.proposals(rules, run.attributions(True)):
        lo, hi = words.sentence_bounds(p.cue)
        assert lo <= p.cue < p.first < p.end <= hi
        assert p.speaker is None or lo <= p.speaker[0] < p.speaker[1] <= p.cue
        assert 0 <= learned_cues.probability(learned_cues.table(), p.features) <= 1


def test_the_sentence_s_subject_speaks_when_nothing_right_before_the_verb_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plant(monkeypatch, {"bias": -4.0, "lemma=back": 5.0, "threshold": 0.5})
    doc = lite("The fishers' union, after months of talks, backed the harbour levy.")
    assert [(cue, speaker) for _, cue, speaker in learned(doc)] == [
        ("backed", "The fishers' union")
    ]
    it = lite("It, after months of talks, backed the harbour levy.")
    assert [(cue, speaker) for _, cue, speaker in learned(it)] == [("backed", None)]


# -- scoring without naming the features ----------------------------------------------------
# add_statements scores the candidates through the weights by family (learned_cues._Model)
# and leaves out, before reading their contents, the verbs whose upper bound stays under the
# threshold; what it keeps must be what chosen() keeps of every proposal scored by name.

STANCES = (
    "Senator Dana Whitfield backed the harbour levy and the ferry tax on Monday. "
    "The union has long opposed raising the fee, and Ruiz is backing the plan to rebuild "
    "the pier. Critics questioned whether the council could pay. The board plans to vote "
    "again in May, and Oduya defended the budget against the auditors."
)


Kept = list[tuple[int, int, int, tuple[int, int] | None, float]]


def by_name(rules: Rules, found: list[Found], weights: Mapping[str, float]) -> Kept:
    """The candidates chosen() keeps of all proposals: cue, content, speaker, probability."""
    kept = learned_cues.chosen(
        weights, learned_cues.proposals(rules, found), weights.get(learned_cues.THRESHOLD, 1.0)
    )
    return [(p.cue, p.first, p.end, p.speaker, value) for p, value in kept]


def by_family(rules: Rules, found: list[Found], weights: Mapping[str, float]) -> Kept:
    """The same as add_statements finds them."""
    model = learned_cues._model(weights)
    kept = learned_cues._pick(learned_cues._scored(rules, found, model), model.threshold)
    return [(cue, first, end, speaker, value) for value, cue, first, end, speaker in kept]


def rules_of(doc: Document) -> tuple[Rules, list[Found]]:
    run = _Run(doc, CueIndex.build(builtin_cues()))
    return run.rules, run.attributions(True)


def test_the_real_table_keeps_the_same_candidates_with_the_same_probabilities() -> None:
    rules, found = rules_of(lite(STANCES))
    kept = by_name(rules, found, learned_cues.table())
    assert kept, "the real table keeps some of these stances"
    assert by_family(rules, found, learned_cues.table()) == kept
    # and the bound left some verbs out before their contents were read
    model = learned_cues._model(learned_cues.table())
    words = rules.words
    verbs = list(learned_cues._verbs(rules, found, learned_cues.covered(rules, found)))
    bounds = [
        model.head(values[0], follows).best + model.early(values, follows, str(busy))
        for k, lo, _, busy, follows, first in verbs
        for values in [learned_cues._verb_values(words, k, lo, first)]
    ]
    assert any(not model.reaches(bound) for bound in bounds)


@settings(deadline=None, max_examples=60)
@given(DOCUMENTS, st.data())
def test_any_weights_keep_the_same_candidates_as_scoring_by_name(
    doc: Document, data: st.DataObject
) -> None:
    """Weights drawn for the features the document's candidates have (and the real table)
    keep the same candidates, with the same probabilities, either way."""
    rules, found = rules_of(doc)
    names = sorted({n for p in learned_cues.proposals(rules, found) for n in p.features})
    weights = dict(zip(names, data.draw(st.lists(
        st.floats(-4, 4, allow_nan=False), min_size=len(names), max_size=len(names)
    )), strict=True))
    # a threshold a candidate's probability meets exactly, or one of the usual ones
    exact = [learned_cues.probability(weights, p.features)
             for p in learned_cues.proposals(rules, found)]
    weights[learned_cues.THRESHOLD] = data.draw(
        st.sampled_from([*exact, 0.0, 0.3, 0.5, 0.55, 0.9, 1.0])
    )
    assert by_family(rules, found, weights) == by_name(rules, found, weights)
    assert by_family(rules, found, learned_cues.table()) == by_name(
        rules, found, learned_cues.table()
    )


@settings(deadline=None)
@given(DOCUMENTS)
def test_the_scan_for_verbs_misses_none(doc: Document) -> None:
    """The tokens scanned first (_maybe_verbs) hold every token verb_like accepts."""
    rules, _ = rules_of(doc)
    words = rules.words
    maybe = set(learned_cues._maybe_verbs(words))
    for lo, hi in words.sentences:
        for k in range(lo, hi):
            assert k in maybe or not learned_cues.verb_like(rules, k, lo), words.text[k]


def test_a_candidate_whose_bound_is_its_score_is_kept_at_its_own_probability() -> None:
    """Weights only on one candidate's features: the most any family adds is what the
    candidate has, so its bound is its score, and a threshold of its own probability keeps
    it (a bound that rounded the wrong way would leave it out)."""
    rules, found = rules_of(lite(BACKED))
    words = rules.words
    short = next(p for p in learned_cues.proposals(rules, found)
                 if words.text[p.cue] == "backed" and p.end - p.first == 3)
    for weight in (0.1, 0.37, 1.3):
        weights = dict.fromkeys(short.features, weight)
        weights[learned_cues.THRESHOLD] = learned_cues.probability(weights, short.features)
        kept = by_family(rules, found, weights)
        assert kept == by_name(rules, found, weights)
        assert [(cue, first, end) for cue, first, end, *_ in kept] == [
            (short.cue, short.first, short.end)
        ]


def test_the_features_name_each_family_with_its_own_value() -> None:
    """The content ``the harbour levy and the ferry tax on Monday`` after ``backed``: each
    family of the content says what it says of it."""
    rules, found = rules_of(lite(BACKED))
    words = rules.words
    mid = next(p for p in learned_cues.proposals(rules, found)
               if words.text[p.cue] == "backed" and words.text[p.end - 1] == "Monday")
    assert {
        "lemma=back", "variant=mid", "follows=object", "variant|follows=mid|object",
        "variant|and=mid|object|True", "variant|pronoun=mid|object|False",
        "variant|verb=mid|object|False", "quoted=False", "length=3", "to_end=True",
        "lemma|variant=back|mid", "form=ed", "subject=name", "first=the", "busy=False",
        "negated=False", "auxiliary=False", "prev=<Cap>", "next=the",
    } <= set(mid.features)
    assert len(mid.features) == 29 and mid.features[0] == "bias"


def test_the_table_s_families_hold_every_weight() -> None:
    """Every feature the model names is in one family: a weight left out of the model's
    families would be a weight scoring by family never adds."""
    model = learned_cues._model(learned_cues.table())
    held = sum(len(values) for values in model.family.values())
    assert held == len(learned_cues.table()) - 1  # all but the threshold's row


@settings(deadline=None)
@given(DOCUMENTS)
def test_a_token_s_shape_depends_on_its_text_alone(doc: Document) -> None:
    """_shape reads a token's text through a cache: what Words says of the token (its lower
    case, whether it is punctuation) gives the same shape."""
    words = rules_of(doc)[0].words
    for k in range(-1, len(words) + 1):
        if not 0 <= k < len(words):
            assert learned_cues._shape(words, k) == "<none>"
            continue
        low, text = words.lower[k], words.text[k]
        assert learned_cues._is_punct(text) == words.is_punct(k)
        expected = (
            low if low in learned_cues._VOCABULARY
            else (text if len(text) <= 2 else "<punct>") if words.is_punct(k)
            else "<digit>" if text[:1].isdigit() else "<ing>" if low.endswith("ing")
            else "<ed>" if low.endswith("ed") else "<Cap>" if text[:1].isupper() else "<low>"
        )
        assert learned_cues._shape(words, k) == expected, text


@settings(deadline=None)
@given(DOCUMENTS)
def test_without_tags_a_word_not_in_capitals_is_a_verb_or_not_whatever_its_place(
    doc: Document,
) -> None:
    """verb_like keeps words.is_verb by word (learned_cues._LITE_VERBS) for the lite
    annotator's tokens not in capitals: is_verb must say the same of every such token."""
    words = rules_of(doc)[0].words
    assert words.upos is None
    said: dict[str, bool] = {}
    for k in range(len(words)):
        if not words.capital[k]:
            assert said.setdefault(words.lower[k], is_verb(words, k)) == is_verb(words, k)
        assert learned_cues._is_verb(words, k) == is_verb(words, k)
