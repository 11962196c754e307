"""Readability of prose salted with web text and boilerplate is the readability of the prose."""

from __future__ import annotations

from hypothesis import given, settings
from newslens_readability import score_text

from newslens.testing.strategies import SaltedText, salted_texts


@settings(max_examples=120, deadline=None)
@given(salted_texts())
def test_salted_prose_scores_as_the_prose(salted: SaltedText) -> None:
    clean, noisy = score_text(salted.clean), score_text(salted.noisy)
    assert noisy.body == clean.body
    assert [(w.word, w.count, w.syllables, w.reasons, salted.clean_span(w.start, w.end))
            for w in noisy.hard_words] == [
        (w.word, w.count, w.syllables, w.reasons, (w.start, w.end)) for w in clean.hard_words]
    assert [p.scores for p in noisy.per_paragraph] == [p.scores for p in clean.per_paragraph]
    sentences = [(salted.clean_span(s.start, s.end), s.scores) for s in noisy.per_sentence]
    assert sentences == [((s.start, s.end), s.scores) for s in clean.per_sentence]
    assert (noisy.quoted, noisy.narration) == (clean.quoted, clean.narration)
    assert clean.left_out == ()
    put_in = len(salted.noisy) - len(salted.clean)
    assert (sum(n for _, n in noisy.left_out) > 0) == (put_in > 0)
