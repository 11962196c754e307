"""Formulas: published worked examples from fixed counts, undefined cases, monotonicity."""

from __future__ import annotations

import math
from fractions import Fraction as F

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslens_readability import formulas as fm
from newslens_readability.counts import Counts
from newslens_readability.report import score

# The seed article's reference counts (body only), with its published scores.
SEED = Counts(
    sentences=16, words=361, syllables=578, characters=1750, polysyllables=53, long_words=93
)


def close(value: float, exact: F) -> bool:
    return abs(value - float(exact)) < 1e-9


def test_coleman_liau_worked_example() -> None:
    counts = Counts(sentences=5, words=119, characters=639)
    value = fm.coleman_liau_index(counts)
    exact = F("0.0588") * F(63900, 119) - F("0.296") * F(500, 119) - F("15.8")
    assert close(value, exact)
    assert round(value, 2) == 14.53


@pytest.mark.parametrize(
    ("formula", "exact", "published", "places"),
    [
        (fm.flesch_reading_ease,
         F("206.835") - F("1.015") * F(361, 16) - F("84.6") * F(578, 361), 48.48, 2),
        (fm.flesch_kincaid_grade,
         F("0.39") * F(361, 16) + F("11.8") * F(578, 361) - F("15.59"), 12.1, 1),
        (fm.coleman_liau_index,
         F("0.0588") * F(175000, 361) - F("0.296") * F(1600, 361) - F("15.8"), 11.39, 2),
        (fm.automated_readability_index,
         F("4.71") * F(1750, 361) + F("0.5") * F(361, 16) - F("21.43"), 12.68, 2),
        (fm.lix, F(361, 16) + F(9300, 361), 48.32, 2),
        (fm.rix, F(93, 16), 5.81, 2),
    ],
)
def test_seed_reference_scores(
    formula: fm.Formula, exact: F, published: float, places: int
) -> None:
    value = formula(SEED)  # type: ignore[operator]
    assert close(value, exact)
    assert round(value, places) == published


def test_smog() -> None:
    value = fm.smog_index(SEED)
    assert abs(value - (1.0430 * math.sqrt(53 * 30 / 16) + 3.1291)) < 1e-9
    assert round(value, 2) == 13.53
    # McLaughlin's shortcut: 30 sentences, 30 polysyllables -> about 8.84
    assert round(fm.smog_index(Counts(sentences=30, words=600, polysyllables=30)), 2) == 8.84


def test_gunning_fog() -> None:
    counts = Counts(sentences=5, words=100, complex_words=10)
    assert close(fm.gunning_fog(counts), F("0.4") * (F(100, 5) + 10))


def test_dale_chall_adjustment_only_above_five_percent() -> None:
    at_five = Counts(sentences=10, words=100, dale_chall_unfamiliar=5)
    above = Counts(sentences=10, words=100, dale_chall_unfamiliar=6)
    assert close(fm.dale_chall(at_five), F("0.1579") * 5 + F("0.0496") * 10)
    assert close(fm.dale_chall(above), F("0.1579") * 6 + F("0.0496") * 10 + F("3.6365"))


def test_spache_linsear_forcast() -> None:
    counts = Counts(sentences=10, words=150, monosyllables=100, polysyllables=15,
                    spache_unfamiliar=12)
    assert close(fm.spache(counts), F("0.121") * 15 + F("0.082") * F(1200, 150) + F("0.659"))
    assert close(fm.forcast(counts), 20 - F(100, 10))
    # per 100 words: (easy + 3 hard) / sentences
    r = (135 + 3 * 15) * F(100, 150) / F(10 * 100, 150)
    expected = r / 2 if r > 20 else (r - 2) / 2
    assert close(fm.linsear_write(counts), expected)


@pytest.mark.parametrize("formula", fm.FORMULAS, ids=lambda f: f.name)
def test_no_words_gives_none_with_a_reason(formula: fm.Formula) -> None:
    value, reason = formula.evaluate(Counts())
    assert value is None
    assert reason is not None and reason.startswith(formula.name)


def test_score_warns_about_smog_and_short_texts() -> None:
    scores = score(Counts(sentences=3, words=40, syllables=50), min_words=100)
    assert any(w.startswith("smog_index: low confidence") for w in scores.warnings)
    assert any("only 40 words" in w for w in scores.warnings)
    assert scores["smog_index"] is not None


counts_st = st.builds(
    Counts,
    sentences=st.integers(1, 500),
    words=st.integers(1, 5000),
    syllables=st.integers(0, 20000),
    characters=st.integers(0, 50000),
    polysyllables=st.integers(0, 5000),
    complex_words=st.integers(0, 5000),
)


@given(counts_st, st.integers(1, 1000))
def test_more_syllables_is_harder(counts: Counts, extra: int) -> None:
    import attrs

    more = attrs.evolve(counts, syllables=counts.syllables + extra)
    assert fm.flesch_kincaid_grade(more) > fm.flesch_kincaid_grade(counts)
    assert fm.flesch_reading_ease(more) < fm.flesch_reading_ease(counts)
    harder = attrs.evolve(counts, polysyllables=counts.polysyllables + extra,
                          complex_words=counts.complex_words + extra)
    assert fm.smog_index(harder) > fm.smog_index(counts)
    assert fm.gunning_fog(harder) > fm.gunning_fog(counts)


@given(counts_st)
def test_every_formula_is_finite_or_explained(counts: Counts) -> None:
    for formula in fm.FORMULAS:
        value, reason = formula.evaluate(counts)
        assert (value is not None and math.isfinite(value)) or reason


@given(
    st.builds(
        Counts,
        st.integers(1, 10**5),
        st.integers(1, 10**6),
        *[st.integers(0, 10**6)] * 9,
    )
)
def test_builtin_scores_are_the_formulas_own(counts: Counts) -> None:
    together = fm.builtin_scores(counts)
    one_by_one = [float(formula.compute(counts)) for formula in fm.FORMULAS]
    assert [repr(x) for x in together] == [repr(x) for x in one_by_one]  # the same floats


def test_builtin_scores_refuse_empty_counts() -> None:
    with pytest.raises(fm.UndefinedScore, match="no words"):
        fm.builtin_scores(Counts(sentences=1))
    with pytest.raises(fm.UndefinedScore, match="no sentences"):
        fm.builtin_scores(Counts(words=3))


def test_score_gives_the_same_with_or_without_the_shortcut() -> None:
    counts = Counts(sentences=2, words=30, syllables=45, letters=120, characters=125,
                    monosyllables=20, polysyllables=3, long_words=5, complex_words=2,
                    dale_chall_unfamiliar=4, spache_unfamiliar=3)
    extra = fm.Formula("words", "Words", lambda c: float(c.words))
    fast = score(counts, (*fm.FORMULAS, extra))
    copies = tuple(attrs.evolve(f) for f in fm.FORMULAS)  # equal, but not the built-ins
    slow = score(counts, (*copies, extra))
    assert fast == slow
    assert any(w.startswith("smog_index: low confidence") for w in fast.warnings)


@given(
    st.integers(0, 40),
    st.integers(0, 500),
    st.lists(st.integers(0, 2000), min_size=8, max_size=8),
    st.lists(st.sampled_from(["", "", "zeitgeist", "quorum", "ferry"]), max_size=12),
    st.booleans(),
)
def test_span_scores_are_the_scores_of_the_counts(
    sentences: int, words: int, counted: list[int], keys: list[str], extra: bool
) -> None:
    """The one-step scores of a span are those of its counts, scored as ``score`` does."""
    from newslens_readability.counts import _counts_of, _pack
    from newslens_readability.report import _score, _span_scores

    formulas = (*fm.FORMULAS, fm.Formula("words", "Words", lambda c: float(c.words))) if extra \
        else fm.FORMULAS  # fmt: skip
    tally = _pack(counted)
    one_step = _span_scores(sentences, words, tally, keys, formulas, True)
    assert one_step == _score(_counts_of(sentences, words, tally, keys), formulas, True)
    assert [repr(x) for x in one_step.scores] == [
        repr(x) for x in _score(_counts_of(sentences, words, tally, keys), formulas, True).scores
    ]
