"""One verdict in words on how hard a text is, and warnings where its figures mean little.

The verdict reads one score, the Flesch-Kincaid grade (a US school grade), so that
the words and the number beside them never disagree::

    >>> from newslens_readability.verdict import describe_grade
    >>> describe_grade(14.6)
    'hard: a college reader; harder than most news (Flesch-Kincaid grade 14.6)'

Its bands (:data:`BANDS`) are Flesch's own table (1949) for the Reading Ease, whose
school-grade column ("5th grade", "8th and 9th grade", "college"...) puts them on
the grade scale: very easy below grade 6, easy 6 to 7, fairly easy 7 to 8,
standard 8 to 10, fairly hard 10 to 13 (high school), hard 13 to 16 (college),
very hard from 16 (college graduate). "Most news" (:data:`NEWS_GRADES`) is the middle
half of the grades measured on news articles by ``benchmarks/readability_news.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

GRADE: Final = "flesch_kincaid_grade"
"""The formula the verdict reads."""


@attrs.frozen
class Band:
    """A band of grades and what it is called.

    Attributes:
        name: The verdict's word (``"hard"``).
        reader: Who reads it comfortably (``"a college reader"``).
        below: The grade where the next band starts (the last band has ``inf``).
    """

    name: str
    reader: str
    below: float


BANDS: Final[tuple[Band, ...]] = (
    Band("very easy", "an 11-year-old", 6.0),
    Band("easy", "a 12-year-old", 7.0),
    Band("fairly easy", "a 13-year-old", 8.0),
    Band("standard", "a 14- or 15-year-old", 10.0),
    Band("fairly hard", "a high-school reader", 13.0),
    Band("hard", "a college reader", 16.0),
    Band("very hard", "a graduate", float("inf")),
)
"""The bands, easiest first; a grade belongs to the first band it is below.

Flesch's table for the Reading Ease, by its school-grade column: 90-100 *very easy*
(5th grade), 80-90 *easy* (6th), 70-80 *fairly easy* (7th), 60-70 *standard* (8th
and 9th), 50-60 *fairly difficult* (10th to 12th), 30-50 *difficult* (college),
0-30 *very confusing* (college graduate)."""

NEWS_GRADES: Final = (11.0, 14.0)
"""The grades of "most news": from the 25th to the 75th percentile (11.1 and 13.9,
median 12.5) of the Flesch-Kincaid grades of the 911 PolNeAR articles (US political
news, 2015-16) of 100 words or more, measured by ``benchmarks/readability_news.py``.
A grade below is "easier than most news", above "harder than most news"."""

LONG_SENTENCE: Final = 100
"""A "sentence" of more words than this gets a warning: the text may lack punctuation.
The longest sentence of the 911 PolNeAR articles is under 100 words in all but one
(148 words); 95% of the articles' longest sentences have 67 words or fewer."""


def grade_band(grade: float) -> Band:
    """Return the :class:`Band` of a Flesch-Kincaid *grade*."""
    for band in BANDS:
        if grade < band.below:
            return band
    return BANDS[-1]


def news_comparison(grade: float) -> str:
    """Return how *grade* compares with :data:`NEWS_GRADES`.

    ``"easier than most news"``, ``"about as hard as most news"`` (the band's ends
    included) or ``"harder than most news"``.
    """
    low, high = NEWS_GRADES
    if grade < low:
        return "easier than most news"
    if grade > high:
        return "harder than most news"
    return "about as hard as most news"


def describe_grade(grade: float | None) -> str:
    """Return the verdict in words on a Flesch-Kincaid *grade*, with the grade.

    ``"hard: a college reader; harder than most news (Flesch-Kincaid grade 14.6)"``;
    ``"no verdict: there is nothing to score"`` when *grade* is ``None`` (no word or no
    sentence) or not a finite number.
    """
    if grade is None or grade != grade or grade in (float("inf"), float("-inf")):
        return "no verdict: there is nothing to score"
    band = grade_band(grade)
    comparison = news_comparison(grade)
    return f"{band.name}: {band.reader}; {comparison} (Flesch-Kincaid grade {grade:.1f})"


DOUBTFUL: Final = ("the grade levels are not meaningful", "scores are unreliable")
"""Words of a warning that make the verdict doubtful: a "sentence" that is most of the
text (:func:`long_sentence_warnings`), too few words (the ``readability.min_words``
warning)."""


def verdict(grade: float | None, warnings: Sequence[str] = ()) -> str:
    """Return :func:`describe_grade` of *grade*, marked doubtful when *warnings* say so.

    ``"; doubtful: see the warnings"`` is added when one of *warnings* contains words of
    :data:`DOUBTFUL`.
    """
    words = describe_grade(grade)
    if grade is not None and any(mark in w for w in warnings for mark in DOUBTFUL):
        return words + "; doubtful: see the warnings"
    return words


def long_sentence_warnings(
    sentences: Sequence[tuple[int, str]], words: int, limit: int = LONG_SENTENCE
) -> tuple[str, ...]:
    """Warn about "sentences" of more than *limit* words, which make grade levels meaningless.

    Args:
        sentences: ``(words, text)`` of each sentence of the body.
        words: The body's words.
        limit: The most words a sentence may have without a warning.

    Returns:
        No warning, or one naming the longest such sentence (by its first words) and how
        many there are. When they hold more than half of the body's words the grade
        levels "are not meaningful"; otherwise they "may be too high".
    """
    long = [(count, text) for count, text in sentences if count > limit]
    if not long:
        return ()
    count, text = max(long, key=lambda item: item[0])
    opening = " ".join(text.split()[:8])
    if len(long) == 1:
        what = f"one sentence has {count} words (“{opening}…”)"
    else:
        what = (f"{len(long)} sentences have more than {limit} words, the longest {count} "
                f"(“{opening}…”)")
    share = sum(n for n, _ in long)
    effect = "are not meaningful" if 2 * share > words else "may be too high"
    return (f"{what}: the text may lack punctuation; the grade levels {effect}",)
