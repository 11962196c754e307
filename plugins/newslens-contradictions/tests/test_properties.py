"""Properties of find_contradictions on arbitrary articles (hypothesis, bounded by the
project's profile and at most ``LIMIT`` examples a test, to keep the file fast).

The documents are annotated by the lite backend and enriched by the dates and quotes
plugins, whose results the clauses read, as in a real pipeline.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import newslens_dates
import newslens_quotes
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslens_contradictions import KINDS, SCOPES, ContradictionResult, find_contradictions
from newslens_contradictions.clauses import (
    _ASKING,
    _CUTTERS,
    _HAS_LETTER,
    _LEADING,
    _NUMBER_WORDS,
    _WORD_NUMBERS,
    CORRECTIONS,
    FUNCTION_WORDS,
    IRREALIS,
    Clause,
    ClauseBuilder,
    Outline,
    Words,
    _FactCache,
    _facts,
    _has_digit,
    _is_modifier,
    _mark_kind,
    _speaks,
)
from newslens_contradictions.detectors import (
    DETECTORS,
    Hit,
    opposable,
    opposites_of,
)
from newslens_contradictions.engine import (
    MAX_PAIRS,
    Detector,
    _applicable,
    _sifted,
    candidate_pairs,
)
from newslens_contradictions.lexicon import nominal_verb

import newslens
from newslens import Document
from newslens.plugins import new_plugin_manager
from newslens.testing.strategies import headlines, news_texts, texts

LIMIT = 100
BOUNDED = settings(deadline=None, max_examples=min(settings().max_examples, LIMIT))

PIPELINE = newslens.Pipeline(
    backend="lite",
    plugins=new_plugin_manager(entry_points=False, plugins=[newslens_dates, newslens_quotes]),
)
"""Lite annotation, then the dates and quotes plugins (not this one: it is called directly)."""

SUBJECTS = (
    "the city council", "Acme Foods shares", "Mayor Ana Ruiz", "the harbour ferry",
    "the flood in Marlow", "police in Kelby", "the minister", "the Harlow town council",
)
# (assertion, its negation or denial, its opposite)
PREDICATES = (
    ("approved the budget", "did not approve the budget", "rejected the budget"),
    ("rose sharply", "did not rise", "fell sharply"),
    ("won the vote", "did not win the vote", "lost the vote"),
    ("opened the new bridge", "never opened the new bridge", "closed the new bridge"),
    ("resigned from the cabinet", "denied resigning from the cabinet",
     "refused to resign from the cabinet"),
    ("agreed to hold talks", "reached no agreement on talks", "refused to hold talks"),
)
NUMBERED = ("killed {n} people", "injured {n} people", "rose {n} percent",
            "spent ${n} million on the bridge", "counted at least {n} dead")
NUMBERS = ("12", "40", "3,000", "three thousand", "4.2", "about 400", "a dozen", "no")
WHEN = ("", " on Tuesday", " on Thursday", " on March 3", " in 2019", " last week",
        " in June", " on 2024-03-05")
BEFORE = ("", "", "", "Officials said ", "Analysts expected that ", "It is unclear whether ",
          "Later, ", "The paper initially reported that ", "But ")
AFTER = ("", "", ", officials said", ", according to police", " while sales fell",
         "; nobody was hurt", ", and the mayor is smiling")


@st.composite
def statements(draw: st.DrawFn) -> str:
    """One statement: a subject, then a predicate, its negation, its opposite or a number."""
    subject = draw(st.sampled_from(SUBJECTS))
    if draw(st.booleans()):
        predicate = draw(st.sampled_from(PREDICATES))[draw(st.integers(0, 2))]
    else:
        predicate = draw(st.sampled_from(NUMBERED)).format(n=draw(st.sampled_from(NUMBERS)))
    when = draw(st.sampled_from(WHEN))
    before, after = draw(st.sampled_from(BEFORE)), draw(st.sampled_from(AFTER))
    clause = f"{subject} {predicate}{when}"
    if not before:
        clause = clause[0].upper() + clause[1:]
    return f"{before}{clause}{after}"


@st.composite
def sentences(draw: st.DrawFn) -> str:
    text = draw(statements())
    if draw(st.integers(0, 4)) == 0:  # a quote with a speaker
        speaker = draw(st.sampled_from(("Ann Lee", "Tom Kerr", "the mayor")))
        return f'"{text}," said {speaker}.'
    return text + "."


TEMPLATE_BODIES = st.lists(
    st.lists(sentences(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4
).map("\n".join)
TEMPLATE_HEADLINES = st.one_of(st.none(), statements().map(lambda s: s[0].upper() + s[1:]))

BODIES = st.one_of(TEMPLATE_BODIES, news_texts(max_paragraphs=3), texts(max_size=60))
HEADLINES = st.one_of(TEMPLATE_HEADLINES, headlines())
PUBLISHED = st.sampled_from((None, "2024-03-08", "2019-06-30"))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    doc = Document.create(draw(BODIES), headline=draw(HEADLINES), published=draw(PUBLISHED))
    return PIPELINE(doc)


@st.composite
def template_documents(draw: st.DrawFn) -> Document:
    doc = Document.create(draw(TEMPLATE_BODIES), headline=draw(TEMPLATE_HEADLINES),
                          published=draw(PUBLISHED))
    return PIPELINE(doc)


def check(result: ContradictionResult, doc: Document, threshold: float) -> None:
    assert isinstance(result, ContradictionResult)
    assert result.threshold == threshold
    assert result.pairs >= len(result.findings)
    headline = doc.part("headline")
    in_headline = headline.end if headline is not None else 0
    for f in result.findings:
        assert f.kind in KINDS and f.scope in SCOPES
        for side in (f.a, f.b):
            assert 0 <= side.start < side.end <= len(doc.text)
            assert side.text == doc.text[side.start : side.end]
        assert f.a.start < f.b.start
        assert (f.a.start < in_headline) == (f.scope == "headline_body")
        if f.scope == "headline_body":
            assert f.a.end <= in_headline
        assert f.b.start >= in_headline  # b is never in the headline
        assert 0 < f.confidence <= 1
        assert f.confidence >= threshold
        assert isinstance(f.explanation, str) and f.explanation.endswith(".")
        assert len(f.pieces) == 2
    assert list(result.findings) == sorted(result.findings,
                                           key=lambda f: (f.a.start, f.b.start, f.kind))
    per_b = Counter((f.b.start, f.b.end) for f in result.findings)
    assert all(n == 1 for n in per_b.values())  # at most one finding for each side b


@BOUNDED
@given(documents(), st.sampled_from((0.0, 0.5, 0.8)))
def test_findings_keep_their_invariants(doc: Document, threshold: float) -> None:
    check(find_contradictions(doc, threshold=threshold), doc, threshold)


@BOUNDED
@given(template_documents())
def test_template_articles_keep_their_invariants(doc: Document) -> None:
    check(find_contradictions(doc, threshold=0.0), doc, 0.0)


@BOUNDED
@given(template_documents())
def test_results_are_deterministic(doc: Document) -> None:
    first = find_contradictions(doc)
    assert find_contradictions(doc) == first
    again = PIPELINE(Document.create(doc.body, headline=doc.headline,
                                     published=doc.published))
    assert find_contradictions(again) == first


@BOUNDED
@given(template_documents())
def test_a_higher_threshold_only_removes_findings(doc: Document) -> None:
    low, middle, high = (set(find_contradictions(doc, threshold=t).findings)
                         for t in (0.0, 0.5, 0.8))
    assert high <= middle <= low
    assert {f for f in low if f.confidence >= 0.5} == middle
    assert {f for f in low if f.confidence >= 0.8} == high


def unsifted(doc: Document) -> list[Detector]:
    """The built-in detectors under other names: the engine then tries them all on every
    candidate pair of *doc* (opposites too where a word may negate: the antonym detector
    checks negation itself, see :func:`test_opposites_where_a_word_may_negate_but_does_not`)."""

    def named(detector: Detector) -> Detector:
        def run(x: Clause, y: Clause) -> Hit | None:
            return detector(x, y)

        return run

    return [named(detector) for detector in DETECTORS]


@st.composite
def statement_pairs(draw: st.DrawFn) -> Document:
    """Two statements of one subject, each a variant of one predicate or figure, each
    with or without a date, in the headline and the body or both in the body."""
    subject = draw(st.sampled_from(SUBJECTS))
    row = draw(st.sampled_from(
        [*PREDICATES, *(tuple(p.format(n=m) for m in NUMBERS[:4]) for p in NUMBERED)]
    ))
    when = st.sampled_from(("", "", " on Tuesday", " on March 3"))
    said = [f"{subject} {draw(st.sampled_from(row))}{draw(when)}"
            for _ in range(2)]
    first, second = (s[0].upper() + s[1:] for s in said)
    filler = "Crowds gathered outside the hall."
    if draw(st.booleans()):
        doc = Document.create(f"{filler} {second}.", headline=first, published="2024-03-08")
    else:
        doc = Document.create(f"{first}. {filler} {second}.", published="2024-03-08")
    return PIPELINE(doc)


@BOUNDED
@given(st.one_of(template_documents(), statement_pairs()), st.sampled_from((0.0, 0.5)))
def test_sifting_pairs_by_their_outlines_loses_no_finding(doc: Document, threshold: float) -> None:
    """The built-in detectors are tried only where their outlines allow a hit; trying
    every detector on every candidate pair finds the same."""
    everywhere = find_contradictions(doc, threshold=threshold, detectors=unsifted(doc))
    assert find_contradictions(doc, threshold=threshold) == everywhere


@BOUNDED
@given(statement_pairs())
def test_sifting_loses_no_finding_between_two_statements_of_one_thing(doc: Document) -> None:
    everywhere = find_contradictions(doc, threshold=0.0, detectors=unsifted(doc))
    assert find_contradictions(doc, threshold=0.0) == everywhere


def test_opposites_where_a_word_may_negate_but_does_not() -> None:
    # reject negates what follows only before "to"; here it is the opposite of approve
    assert findings_of("The city council approved the budget. Crowds gathered outside. "
                       "The city council rejected the budget.") != []


@pytest.mark.parametrize(
    ("headline", "body"),
    [("Council approves budget", "The council rejected the budget on Monday."),
     ("Council rejects harbour levy", "The town council approved a new harbour levy on Tuesday."),
     ("Bill passes Senate", "The bill failed in the Senate on Monday.")],
)
def test_a_headline_outcome_against_its_opposite_in_the_body(headline: str, body: str) -> None:
    (finding,) = find_contradictions(PIPELINE(Document.create(body, headline=headline))).findings
    assert (finding.kind, finding.scope) == ("antonym", "headline_body")


@pytest.mark.parametrize(
    "body",
    ["The council refused to reject the budget on Monday.",
     "The council did not reject the budget on Monday."],
)
def test_a_negated_opposite_is_no_antonym(body: str) -> None:
    doc = PIPELINE(Document.create(body, headline="Council approves budget"))
    assert all(f.kind != "antonym" for f in find_contradictions(doc).findings)


WORDS = st.frozensets(st.sampled_from("abcdefgh"), max_size=5)


@st.composite
def outlines(draw: st.DrawFn) -> list[Outline]:
    """Outlines of a headline (maybe none) and a body, with random words and facts."""
    headline = draw(st.integers(0, 3))
    facts = draw(st.lists(st.tuples(WORDS, st.booleans(), st.booleans()), max_size=40))
    return [
        Outline(n, n, n + 1, n < headline, False, False, content, False, numbered, dated,
                False)
        for n, (content, numbered, dated) in enumerate(facts)
    ]


@given(outlines())
def test_candidate_pairs_are_those_that_share_enough_words(clauses: list[Outline]) -> None:
    """Every pair the docstring describes, found by trying every pair, in order."""

    def worth(a: Outline, b: Outline) -> bool:
        shared = len(a.content & b.content)
        if a.headline or b.headline:
            return not (a.headline and b.headline) and shared >= 1
        figures = all(c.numbered and c.dated for c in (a, b))
        return shared >= 2 or (figures and shared >= 1)

    expected = [(a.number, b.number) for a, b in combinations(clauses, 2) if worth(a, b)]
    assert candidate_pairs(clauses) == expected[:MAX_PAIRS]


# opposites of one another (from the plugin's word lists) among the words drawn
SIFTING_WORDS = st.frozensets(
    st.sampled_from(("rise", "fall", "win", "lose", "approve", "reject", "council", "budget",
                     "vote", "bridge")),
    max_size=6,
)


@st.composite
def rich_outlines(draw: st.DrawFn) -> list[Outline]:
    """Outlines of a headline (maybe none) and a body with every fact drawn: words
    (some of them opposites), a negating word, figures, dates, a question, a correction."""
    headline = draw(st.integers(0, 3))
    facts = draw(st.lists(
        st.tuples(SIFTING_WORDS, *(st.booleans() for _ in range(5))), max_size=30
    ))
    return [
        Outline(n, n, n + 1, n < headline, False, correction, content, marked, numbered,
                dated, question)
        for n, (content, marked, numbered, dated, question, correction) in enumerate(facts)
    ]


@given(rich_outlines(), st.integers(0, 60))
def test_sifting_by_sets_of_clauses_is_the_rule_of_each_pair(
    clauses: list[Outline], limit: int
) -> None:
    """The engine's sifting (a clause at a time, on sets of clauses) gives the number of
    candidate pairs and, for each pair, the detectors that :func:`_applicable` gives it,
    in the same order, also when the pairs are cut at a limit."""
    pairs = candidate_pairs(clauses)[:limit]
    opposites: dict[int, frozenset[str]] = {}
    expected = [
        (a, b, found) for a, b in pairs
        if (found := _applicable(clauses[a], clauses[b], opposites))
    ]
    assert _sifted(clauses, limit) == (len(pairs), expected)


@BOUNDED
@given(documents())
def test_outlines_hold_lower_case_lemmas(doc: Document) -> None:
    """The engine looks for opposites only among opposable() lemmas, and for denials
    among lower-case ones: every lemma of an outline, and of the words, must be lower
    case."""
    builder = ClauseBuilder(doc)
    for outline in builder.outlines:
        assert all(lemma == lemma.lower() and lemma for lemma in outline.content)
    assert all(lemma == lemma.lower() for lemma in builder.words.lemmas)


@given(st.one_of(st.text(max_size=12), st.sampled_from(sorted(opposable()))))
def test_a_lower_case_lemma_has_opposites_only_if_opposable(word: str) -> None:
    lemma = word.lower()
    assert bool(opposites_of(lemma)) == (lemma in opposable())


def test_opposable_lemmas_have_opposites() -> None:
    assert {"rise", "win", "approve"} <= opposable()
    assert all(opposites_of(lemma) and lemma == lemma.lower() for lemma in opposable())


WORD_KEYS = st.tuples(
    st.sampled_from(("said", "Said", "denied", "rose", "US", "talks", "May", "3,000", ",")),
    st.sampled_from((None, "say", "deny", "rise", "us", "talk", "may")),
    st.sampled_from((None, "VERB", "NOUN", "ADJ")),
)


@given(st.lists(st.lists(WORD_KEYS, max_size=12), max_size=8), st.integers(1, 6))
def test_the_word_facts_cache_gives_each_word_its_own_facts(
    documents: list[list[tuple[str, str | None, str | None]]], half: int
) -> None:
    """Whatever lemma and tag a text had before, and however small the cache: a word's
    facts are those of its own text, lemma and tag."""
    cache = _FactCache(half)
    for words in documents:
        texts, lemmas, tags = (tuple(w[k] for w in words) for k in range(3))
        facts = [_facts(*w) for w in words]
        expected = [tuple(f[0] for f in facts), tuple(f[1] for f in facts),
                    *(tuple(f[2][k] for f in facts) for k in range(9))]
        assert [tuple(column) for column in cache.columns(texts, lemmas, tags)] == expected
        assert all(f[3:] == w[1:] for f, w in zip(facts, words, strict=True))
        assert len(cache.by_text) <= len(cache.young) + len(cache.old)



def _facts_by_the_helpers(
    text: str, lemma: str | None, tag: str | None
) -> tuple[str, str, tuple[int, ...]]:
    """A word's lower case, normalised lemma and flags, worked out with the helpers
    that :func:`_facts` gives the results of (its earlier form)."""
    low = text.lower()
    normal = (low if len(text) > 1 and text.isupper() else (lemma or low)).lower()
    normal = nominal_verb(normal) or normal
    if low in IRREALIS or normal in IRREALIS:
        irrealis = 1 if text[:1].islower() else 2
    else:
        irrealis = 3 if normal in _ASKING else 0
    digit = _has_digit(low)
    content = (
        low not in FUNCTION_WORDS and normal not in FUNCTION_WORDS
        and low not in _WORD_NUMBERS and _HAS_LETTER.search(low) is not None and not digit
    )
    speaks = _speaks(low)
    return low, normal, (
        content, content and _is_modifier(low, normal, tag),
        _mark_kind(low, (lemma or low).lower()), irrealis, low in _CUTTERS,
        low in _WORD_NUMBERS or digit or low in _NUMBER_WORDS,
        low in CORRECTIONS or normal in CORRECTIONS, speaks, low in _LEADING or not speaks,
    )


FACT_WORDS = st.sampled_from((
    "said", "Said", "US", "NATO", "agreement", "Agreements", "denied", "refused", "Refusal",
    "3,000", "$", "%", "€", "n't", "can't", "May", "could", "plans", "plan", "call", "x2",
    "½", "٣", "I", "finally", "Corrected", "first", "dozen", "twenty", ",", ";", "and",
    "which", "quickly", "big", "famous", "hopeless", "not", "Never", "without",
)) | st.text(max_size=6)


@given(FACT_WORDS, st.none() | FACT_WORDS, st.sampled_from((None, "VERB", "NOUN", "ADJ")))
def test_a_word_s_facts_are_those_the_helpers_give(
    text: str, lemma: str | None, tag: str | None
) -> None:
    low, normal, flags, *rest = _facts(text, lemma, tag)
    assert (low, normal, tuple(flags)) == _facts_by_the_helpers(text, lemma, tag)
    assert rest == [lemma, tag]


@settings(max_examples=40, deadline=None)
@given(news_texts() | texts())
def test_words_read_each_token_s_facts_and_none_of_web_text(body: str) -> None:
    """Each column of :class:`Words` holds, for each token, the fact of its text, lemma
    and tag, and for a token with a kind (a URL, a handle...) the facts of no word."""
    doc = PIPELINE(Document.create(body + " See https://example.org/a?b=1 or @harbour_news."))
    tokens = doc.tokens
    words = Words(doc)
    columns = (words.lower, words.lemmas, words.content, words.modifier, words.marks,
               words.irrealis, words.cutter, words.numeric, words.corrects, words.speaks,
               words.leading)
    for i, (text, lemma, tag, kind) in enumerate(zip(
        tokens.column("text"), tokens.column("lemma"), tokens.column("upos"),
        tokens.column("kind"), strict=True,
    )):
        low, normal, flags, _, _ = _facts(text, lemma, tag)
        expected = ("", "", False, False, 0, 0, False, False, False, False, True) if kind \
            else (low, normal, *flags)
        assert tuple(column[i] for column in columns) == expected

# -- false positives the generated articles turned up --------------------------------------


def findings_of(body: str) -> list[tuple[str, str, str]]:
    doc = PIPELINE(Document.create(body, published="2024-03-08"))
    return [(f.kind, f.a.text, f.b.text) for f in find_contradictions(doc).findings]


def test_a_denial_of_one_thing_and_a_refusal_of_another_agree() -> None:
    assert findings_of("The Harlow town council denied resigning from the cabinet. "
                       "The Harlow town council did not approve the budget.") == []


def test_two_events_on_two_dates_agree() -> None:
    assert findings_of("The city council injured 3,000 people on Thursday. "
                       "The city council killed 40 people on March 3.") == []


@pytest.mark.parametrize(
    ("headline", "body"),
    [("Bus crash kills 14", "Eleven people died in a bus crash on Sunday."),
     ("14 dead in bus crash", "Eleven people died in a bus crash on Sunday."),
     ("Ferry fire kills 9 passengers", "The ferry fire killed 6 passengers on Friday."),
     ("Bus crash kills 14", "Eleven people have been killed in a bus crash, police said."),
     # the lede tells the headline's event, in words of its own
     ("Fourteen killed as bus leaves mountain road",
      "Eleven people were killed on Sunday when a coach left the road.")],
)
def test_a_count_of_the_dead_told_with_other_words(headline: str, body: str) -> None:
    doc = PIPELINE(Document.create(body, headline=headline, published="2026-11-30"))
    (finding,) = find_contradictions(doc).findings
    assert (finding.kind, finding.scope) == ("numeric", "headline_body")


@pytest.mark.parametrize(
    "body",
    ["Fourteen people died in a bus crash on Sunday.",  # the same count
     "Fourteen people died on Sunday. Two of the dead were children.",  # a part of them
     "The crash killed 14 people. Three people died in a second bus crash.",  # another
     "Fourteen died. In March 2019, 22 people died in a bus crash on the same road.",
     "The gunman killed 11 soldiers in a bus crash on Sunday.",  # others, not people
     "Fourteen people died on Sunday.\n\nIn March 2019, 11 people died on that road."],
)
def test_no_count_of_the_dead_where_it_counts_something_else(body: str) -> None:
    headline = "14 civilians killed in bus crash" if "soldiers" in body else "14 dead in bus crash"
    doc = PIPELINE(Document.create(body, headline=headline, published="2026-11-30"))
    assert [f for f in find_contradictions(doc).findings if f.kind == "numeric"] == []
