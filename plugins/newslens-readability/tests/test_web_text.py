"""Readability reads prose only: web text and boilerplate are left out, and said so."""

from __future__ import annotations

from newslens_readability import count_syllables, score_text
from newslens_readability.formulas import linsear_write
from newslens_readability.report import LINSEAR_SAMPLE, analyse

import newslens

PROSE = ("The council met on Monday and voted to close the pool. It will open again in "
         "2016 with 3.5% more water. Nobody was hurt.")
TAG = '<tweet id="714598620946489344" author="@ana_ruiz" datetime="2019-04-02">'


def test_web_text_and_boilerplate_are_not_counted_and_are_reported() -> None:
    noisy = (f"The council met on Monday and voted to close the pool. {TAG}It will open again "
             "in 2016 with 3.5% more water. #pool https://t.co/Ab12cd "
             "— Ana Ruiz (@ana_ruiz) April 2, 2019</tweet> Nobody was hurt.\n"
             "SIGN UP FOR OUR NEWSLETTER")
    clean, salted = score_text(PROSE), score_text(noisy)
    assert salted.body.counts == clean.body.counts
    assert salted.body.values == clean.body.values
    assert dict(salted.left_out) == {"markup": 2, "hashtag": 1, "url": 1, "boilerplate": 15}
    assert clean.left_out == ()
    section = salted.section()["left_out"]
    assert section == {"tokens": 19, "by_reason": dict(salted.left_out)}
    assert score_text(PROSE).section()["left_out"] == {"tokens": 0, "by_reason": {}}


def test_the_report_and_the_json_say_what_was_left_out(lite_pipeline: newslens.Pipeline) -> None:
    doc = lite_pipeline(f"{PROSE} Ask @ana_ruiz or @li_chen.")
    assert doc.to_dict()["readability"]["left_out"] == {"tokens": 2, "by_reason": {"handle": 2}}
    assert doc.output is not None
    (block,) = [b for b in doc.output.blocks if b.plugin == "readability"]
    assert ("Left out (not prose)", "2 tokens: 2 handle") in block.rows


def test_ordinary_numbers_are_read_aloud_and_ids_are_never_words() -> None:
    assert count_syllables("2016") == 4  # twen-ty six-teen
    assert count_syllables("3.5%") > 3
    with_id = score_text("The pool opened in 2016. Its code is 714598620946489344 now.")
    without = score_text("The pool opened in 2016. Its code is now.")
    assert with_id.body.counts == without.body.counts
    assert dict(with_id.left_out) == {"id": 1}


def test_linsear_write_reads_a_sample_of_the_first_hundred_words() -> None:
    sentence = "The quick council voted to close the old pool on the hill today. "
    short = "Nobody was hurt. "
    body = sentence * 10 + short * 40  # 120 words in long sentences, then short ones
    report = score_text(body)
    words = report.body.counts.words
    assert words > LINSEAR_SAMPLE
    doc = newslens.annotate(body, backend="lite")
    first = analyse(doc)  # the same report
    assert first.body["linsear_write"] == report.body["linsear_write"]
    # the sample: the first 100 words, in the 8 sentences that start among them
    sample = score_text(" ".join(body.split()[:LINSEAR_SAMPLE])).body.counts
    expected = linsear_write(sample.__class__(**{**sample.as_dict(), "sentences": 8}))
    assert report.body["linsear_write"] == expected
    whole = linsear_write(report.body.counts)
    assert report.body["linsear_write"] != whole  # the short sentences after it do not count
