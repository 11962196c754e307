"""Words and familiar words: the fast paths agree with the rules written plainly."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from newslens_readability import wordlists
from newslens_readability._cmu import cmu_syllables
from newslens_readability.counts import (
    _OPENER,
    _SYMBOL,
    _add_words,
    _is_proper,
    _plain_word_facts,
    _token_class,
    _word_facts,
    _WordList,
)
from newslens_readability.report import _collect, _hard_words, _is_all_caps, not_prose

from newslens import Document
from newslens.annotators.lite import LiteAnnotator
from newslens.testing.strategies import news_sentences, news_texts, texts, web_noise

_ANNOTATOR = LiteAnnotator()


def _familiar_by_rule(word: str, name: str) -> bool:
    listed = wordlists.familiar_words(name)
    return any(
        base in listed
        for base in wordlists._bases(word.lower(), comparatives=name == wordlists.DALE_CHALL)
    )


def test_familiar_forms_match_the_inflection_rules_on_every_cmudict_word() -> None:
    words = [w for w in cmu_syllables() if w.isalpha()]
    for name in (wordlists.DALE_CHALL, wordlists.SPACHE):
        forms = wordlists.familiar_forms(name)
        assert all(_familiar_by_rule(w, name) for w in forms)
        disagree = [w for w in words if (w in forms) != _familiar_by_rule(w, name)]
        assert disagree == []


@given(
    st.sampled_from(sorted(wordlists.familiar_words(wordlists.DALE_CHALL))),
    st.sampled_from(["", "s", "es", "ed", "d", "ing", "er", "est", "ier", "iest", "ies", "ied"]),
    st.booleans(),
)
def test_is_familiar_agrees_with_the_rules_on_made_up_inflections(
    word: str, suffix: str, double: bool
) -> None:
    made = (word + word[-1] if double else word) + suffix
    if made.isalpha():
        for name in (wordlists.DALE_CHALL, wordlists.SPACHE):
            assert wordlists.is_familiar(made, name) == _familiar_by_rule(made, name)


def _words_by_rule(doc: Document, lo: int, hi: int) -> list[tuple[int, int, str, bool, object]]:
    """The words of ``[lo, hi)``, token by token and sentence by sentence (the oracle)."""
    out = []
    text = doc.text
    boilerplate = doc.boilerplate
    for sentence in doc.sentences:
        if sentence.end <= lo or sentence.start >= hi:
            continue
        caps = _is_all_caps(text[sentence.start : sentence.end])
        found: list[list[object]] = []  # [start, end, first, upos]
        clause = True
        for token in doc.sentence_tokens(sentence):
            if token.start < lo or token.end > hi:
                continue
            if token.kind is not None or any(p.start <= token.start < p.end for p in boilerplate):
                continue  # web text and boilerplate are not prose
            kind = _token_class(token.text)
            adjacent = bool(found) and found[-1][1] == token.start
            if kind & 1:
                if kind & 2 and adjacent:
                    found[-1][1] = token.end
                    continue
                found.append([token.start, token.end, clause, token.upos])
                clause = False
            elif kind & _SYMBOL and (
                (adjacent and text[token.start - 1 : token.start].isdigit())
                or text[token.end : token.end + 1].isdigit()
            ):
                found.append([token.start, token.end, False, token.upos])
            elif kind & _OPENER:
                clause = True
        for start, end, first, upos in found:
            written = text[start:end]  # type: ignore[misc]
            if upos is None and not caps:
                facts = _plain_word_facts(written, bool(first))
                name = facts.proper
            else:
                word = written.lower() if caps and len(written) > 1 else written
                name = upos == "PROPN" if upos is not None else _is_proper(word, bool(first))
                facts = _word_facts(word, name)
            out.append((start, end, written, name, facts))  # type: ignore[arg-type]
    return out


@given(news_texts() | texts(), st.booleans(), st.integers(0, 40), st.integers(0, 40))
@example("00000000", False, 0, 0)  # an ID: not a word of prose
@example("Call 555 0100 or see https://example.org/a?b=1 now.", True, 0, 0)
def test_collected_words_follow_the_token_rules(
    body: str, tagged: bool, cut_start: int, cut_end: int
) -> None:
    doc = _ANNOTATOR.annotate(Document.create(body))
    if tagged:  # as a tagging annotator would give them
        tokens = [
            attrs.evolve(t, upos="PROPN" if t.text[:1].isupper() else "NOUN") for t in doc.tokens
        ]
        doc = attrs.evolve(doc, tokens=tokens)
    lo, hi = cut_start, max(cut_start, len(doc.text) - cut_end)
    words, _ = _collect(doc, lo, hi)
    proper = [facts.proper for facts in words.facts]
    got = list(zip(words.starts, words.ends, words.texts, proper, words.facts, strict=True))
    assert got == _words_by_rule(doc, lo, hi)


def test_a_headline_in_capitals_is_read_in_lower_case() -> None:
    doc = _ANNOTATOR.annotate(Document.create("Quiet day.", headline="MAYOR SAYS BRIDGE IS SAFE"))
    words, _ = _collect(doc, 0, len("MAYOR SAYS BRIDGE IS SAFE"))
    assert words.texts[:2] == ["MAYOR", "SAYS"]
    assert not any(f.proper for f in words.facts)  # capitals say nothing about names here


def test_a_clitic_or_symbol_never_joins_the_word_of_the_sentence_before() -> None:
    from newslens_readability.counts import _add_words, _WordList

    text = "Go's 5%"
    words = _WordList()
    bounds = _add_words(
        words, text, (0, 2, 5, 6), (2, 4, 6, 7), ("Go", "'s", "5", "%"), (None,) * 4,
        sentences=(0, 1, 3),
    )
    assert words.texts == ["Go", "'s", "5"]  # "'s" opens a sentence; "%" follows one
    assert bounds == [0, 1, 3, 3]  # the third sentence has no word
    joined = _WordList()
    _add_words(joined, text, (0, 2, 5, 6), (2, 4, 6, 7), ("Go", "'s", "5", "%"), (None,) * 4)
    assert joined.texts == ["Go's", "5", "%"]


@given(news_texts() | texts(), st.data())
def test_tallies_add_up_like_the_words_one_by_one(body: str, data: st.DataObject) -> None:
    from newslens_readability.counts import _counts_of, _RunningTally, _tally, count_words

    words, spans = _collect(_ANNOTATOR.annotate(Document.create(body)), 0, len(body))
    facts, every = words.facts, words.words()
    running = _RunningTally(facts)
    keys = running.keys
    assert keys == [f.spache_key for f in facts]
    assert _counts_of(7, len(every), running.total(), keys) == count_words(every, 7)
    assert _counts_of(7, len(every), _tally(facts), keys) == count_words(every, 7)
    bound = st.integers(0, len(words))
    cuts = sorted(data.draw(st.lists(bound, min_size=2, max_size=6)))
    start, end = cuts[0], cuts[-1]
    whole = running.between(start, end)
    assert whole == _tally(facts[start:end])
    assert running.of_runs(cuts[:-1], cuts[1:]) == whole  # runs that tile [start, end)
    assert running.of_runs(cuts[:1], cuts[-1:]) == whole
    assert running.of_runs([], []) == _tally([])
    chosen = every[start:end]
    counts = _counts_of(2, end - start, whole, keys[start:end])
    assert counts == count_words(chosen, 2)
    for _, _, a, b in spans:
        assert running.between(a, b) == _tally(facts[a:b])
        assert _counts_of(1, b - a, running.between(a, b), keys[a:b]) == count_words(
            every[a:b], 1
        )


_FACT_OF: dict[str, str] = {"monosyllables": "monosyllable", "polysyllables": "polysyllable",
                            "long_words": "long", "complex_words": "complex"}
"""The fact of one word that each count adds up, where its name differs."""


def test_a_tally_packs_the_counted_facts_of_a_word_in_the_order_of_counts() -> None:
    from newslens_readability.counts import _TALLIED, Counts, _WordFacts

    counted = [field.name for field in attrs.fields(Counts)][2:-1]
    assert list(_TALLIED) == counted
    first = _WordFacts._fields.index("syllables")
    named = _WordFacts._fields[first : first + len(counted)]
    assert list(named) == [_FACT_OF.get(name, name) for name in counted]


def test_a_word_s_tally_packs_its_counted_facts() -> None:
    from newslens_readability.counts import _TALLIED, _pack, _unpack

    words, _ = _collect(_ANNOTATOR.annotate(Document.create(BODY_WITH_QUOTES)), 0, 10_000)
    fields = [_FACT_OF.get(name, name) for name in _TALLIED]
    for facts in words.facts:
        counted = tuple(int(getattr(facts, field)) for field in fields)
        assert _unpack(facts.tally) == counted
        assert _pack(counted) == facts.tally
    big = (2**40, 2**63, 2**64 - 1, 0, 1, 2**31, 3, 2**32 - 1)
    assert _unpack(_pack(big)) == big  # no field reaches into the next


def test_running_sums_and_keys() -> None:
    from newslens_readability.counts import _RunningTally, _tally

    words, _ = _collect(_ANNOTATOR.annotate(Document.create(BODY_WITH_QUOTES)), 0, 10_000)
    running = _RunningTally(words.facts)
    assert running.keys == [f.spache_key for f in words.facts] and any(running.keys)
    assert running.sums == [_tally(words.facts[:i]) for i in range(len(words) + 1)]
    assert running.total() == _tally(words.facts) == running.between(0, len(words))


def test_too_many_words_to_tally_are_refused() -> None:
    from newslens_readability.counts import _MAX_WORDS, _RunningTally

    class Endless(list[object]):
        def __len__(self) -> int:
            return _MAX_WORDS  # a flag of that many words would not fit its 32 bits

    with pytest.raises(OverflowError, match="too many"):
        _RunningTally(Endless())  # type: ignore[arg-type]


BODY_WITH_QUOTES = (
    "The extraordinary council approved the harbour budget on Tuesday. "
    "“We will rebuild the bridge,” Mayor Ana Ruiz said, “and the ferry terminal.”"
)


def _collect_sentence_by_sentence(
    doc: Document, lo: int, hi: int
) -> tuple[_WordList, list[tuple[int, int, int, int]]]:
    """The words of a document with web text read one sentence at a time, as
    ``_collect`` read them before it read whole prose sentences in runs."""
    reasons = not_prose(doc)
    assert reasons is not None
    words = _WordList()
    spans: list[tuple[int, int, int, int]] = []
    text, tokens = doc.text, doc.tokens
    starts, ends = tokens.column("start"), tokens.column("end")
    texts, tags = tokens.column("text"), tokens.column("upos")
    for sentence in doc.sentences:
        if sentence.end <= lo or sentence.start >= hi:
            continue
        a, b = sentence.token_start, sentence.token_end
        kept = [i for i in range(a, b) if starts[i] >= lo and ends[i] <= hi and reasons[i] is None]
        if not kept:
            continue
        s0 = sentence.start if kept[0] == a else starts[kept[0]]
        s1 = sentence.end if kept[-1] == b - 1 else ends[kept[-1]]
        bounds = _add_words(
            words, text, [starts[i] for i in kept], [ends[i] for i in kept],
            [texts[i] for i in kept], [tags[i] for i in kept],
            all_caps=[0] if _is_all_caps(text[s0:s1]) else [],
        )
        if bounds[1] > bounds[0]:
            spans.append((max(s0, lo), s1, bounds[0], bounds[1]))
    return words, spans


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        news_sentences() | web_noise() | st.sampled_from(["MAYOR SAYS BRIDGE IS SAFE.", "\n\n"]),
        min_size=1, max_size=12,
    ),
    st.data(),
)  # fmt: skip
def test_prose_sentences_read_in_runs_are_read_as_one_by_one(
    pieces: list[str], data: st.DataObject
) -> None:
    body = " ".join(pieces) + " @ana_ruiz"  # at least one token that is not prose
    doc = _ANNOTATOR.annotate(Document.create(body))
    lo = data.draw(st.integers(0, len(body)))
    hi = data.draw(st.integers(lo, len(body)))
    words, spans = _collect(doc, lo, hi)
    expected_words, expected_spans = _collect_sentence_by_sentence(doc, lo, hi)
    assert spans == expected_spans
    assert (words.starts, words.ends, words.texts) == (
        expected_words.starts, expected_words.ends, expected_words.texts,
    )
    assert words.facts == expected_words.facts


@given(
    st.sampled_from(["houses", "Carried", "guarantees", "İstanbul", "café", "don't", "x-ray",
                     "NATO's", "2020", "Ünal", "bigger", "playing"])
    | st.text(alphabet="aeiostİIıK'’-.9é", min_size=1, max_size=12),
    st.booleans(),
)  # fmt: skip
def test_word_facts_judge_familiar_words_as_the_word_lists_do(word: str, proper: bool) -> None:
    from newslens_readability.counts import _make_facts
    from newslens_readability.wordlists import DALE_CHALL, SPACHE, judge_familiar

    facts = _make_facts(word, proper)
    familiar = proper or facts.letters == 0
    assert facts.dale_chall_unfamiliar == (not familiar and not judge_familiar(word, DALE_CHALL))
    assert facts.spache_unfamiliar == (not familiar and not judge_familiar(word, SPACHE))
    assert facts.spache_key == (word.lower() if facts.spache_unfamiliar else "")
    assert facts.hard == (facts.complex or facts.dale_chall_unfamiliar)


# -- the per-word caches -------------------------------------------------------------------


def test_words_with_equal_facts_share_one_tuple_and_unfamiliar_ones_keep_their_own() -> None:
    """Two familiar words that differ in nothing the counts read are one object in the
    caches; a word with a Spache key (unfamiliar) is its own, as its key is the word."""
    from newslens_readability import counts

    counts.clear_word_caches()
    first, second = counts._common_facts("table"), counts._common_facts("water")
    assert first == second and first is second
    odd = counts._common_facts("zeitgeist")
    assert odd.spache_key == "zeitgeist"
    assert counts._common_facts("zeitgeisty") is not odd


@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC'-", min_size=1), max_size=30))
def test_cached_facts_equal_facts_worked_out_afresh(words: list[str]) -> None:
    from newslens_readability import counts

    for word in words:
        for proper, cached in ((True, counts._name_facts), (False, counts._common_facts)):
            assert cached(word) == counts._make_facts(word, proper)


def test_emptying_the_word_caches_empties_the_syllable_caches() -> None:
    from newslens_readability import count_syllables, counts
    from newslens_readability.estimator import ESTIMATE_CACHE, estimate_syllables
    from newslens_readability.syllables import SYLLABLE_CACHE

    assert count_syllables("harbour") == 2 and estimate_syllables("blorptastic") == 3
    assert len(SYLLABLE_CACHE) > 0 and len(ESTIMATE_CACHE) > 0
    counts.clear_word_caches()
    assert len(SYLLABLE_CACHE) == 0 and len(ESTIMATE_CACHE) == 0


def _hard_words_by_rule(words: _WordList) -> list[tuple[object, ...]]:
    """The hard words written plainly: each lower-case word once, at its first occurrence,
    with its count, most frequent first, then in text order."""
    seen: dict[str, list[int]] = {}
    for i, facts in enumerate(words.facts):
        if facts.complex or facts.dale_chall_unfamiliar:
            seen.setdefault(words.texts[i].lower(), []).append(i)
    rows = []
    for key, found in seen.items():
        i = found[0]
        facts = words.facts[i]
        reasons = tuple(name for name, present in (
            ("complex", facts.complex), ("unfamiliar", facts.dale_chall_unfamiliar),
            ("long", facts.long)) if present)
        rows.append((key, words.starts[i], words.ends[i], words.texts[i], len(found),
                     facts.syllables, reasons))
    rows.sort(key=lambda row: (-row[4], row[1]))
    return rows


@settings(max_examples=60, deadline=None)
@given(news_texts())
@example("Extraordinary councillors deliberated. The councillors' extraordinary deliberation "
         "continued; Deliberation, they said, was extraordinary. Ruiz agreed.")
def test_hard_words_are_counted_and_ordered_as_the_rule_says(body: str) -> None:
    doc = _ANNOTATOR.annotate(Document.create(body))
    words, _ = _collect(doc, 0, len(doc.text))
    found = [(h.word, h.start, h.end, h.text, h.count, h.syllables, h.reasons)
             for h in _hard_words(words)]
    assert found == _hard_words_by_rule(words)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZİé'-9", min_size=1, max_size=12)
       | st.sampled_from(["The", "THE", "A", "a", "Ruiz", "NATO", "İstanbul", "council"]))
def test_untagged_facts_in_either_place_are_the_plain_words_facts(word: str) -> None:
    """The caches of untagged words, within a clause and at its start, answer what
    ``_plain_word_facts`` (through the caches of names and other words) answers."""
    from newslens_readability import counts

    for first, cached in ((False, counts._facts_in_clause), (True, counts._facts_at_clause_start)):
        assert cached(word) == counts._plain_word_facts(word, first)
        assert cached.many([word]) == [counts._plain_word_facts(word, first)]
        assert cached(word).proper == counts._is_proper(word, first)
