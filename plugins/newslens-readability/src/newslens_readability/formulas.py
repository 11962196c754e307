"""Readability formulas as pure functions of :class:`~newslens_readability.counts.Counts`.

Each function takes the counts and returns a float, with the published
constants; a formula that is undefined for the counts (no words, no
sentences) raises :class:`UndefinedScore` with the reason, which
:meth:`Formula.evaluate` turns into ``None`` and a warning. Nothing here
reads text: see :mod:`newslens_readability.counts` for what is counted.

Example:
    >>> from newslens_readability.counts import Counts
    >>> round(coleman_liau_index(Counts(sentences=5, words=119, characters=639)), 2)
    14.53
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

import attrs

from newslens_readability.counts import Counts


class UndefinedScore(ValueError):
    """A formula cannot be computed from these counts; the message says why."""


def _per(numerator: float, denominator: int, what: str) -> float:
    if denominator <= 0:
        raise UndefinedScore(f"no {what}")
    return numerator / denominator


def flesch_reading_ease(c: Counts) -> float:
    """Flesch Reading Ease: 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words).

    Higher is easier (0-100 for most prose). Flesch, R. (1948), "A new
    readability yardstick", *Journal of Applied Psychology* 32(3): 221-233.
    """
    return (
        206.835
        - 1.015 * _per(c.words, c.sentences, "sentences")
        - 84.6 * _per(c.syllables, c.words, "words")
    )


def flesch_kincaid_grade(c: Counts) -> float:
    """Flesch-Kincaid grade level: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59.

    Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975),
    *Derivation of new readability formulas for Navy enlisted personnel*,
    Research Branch Report 8-75, Naval Technical Training Command.
    """
    return (
        0.39 * _per(c.words, c.sentences, "sentences")
        + 11.8 * _per(c.syllables, c.words, "words")
        - 15.59
    )


def gunning_fog(c: Counts) -> float:
    """Gunning Fog index: 0.4 ((words/sentences) + 100 (complex words/words)).

    Complex words follow Gunning's rules (see :mod:`newslens_readability.counts`).
    Gunning, R. (1952), *The Technique of Clear Writing*, McGraw-Hill.
    """
    return 0.4 * (
        _per(c.words, c.sentences, "sentences") + 100 * _per(c.complex_words, c.words, "words")
    )


def smog_index(c: Counts) -> float:
    """SMOG grade: 1.0430 sqrt(polysyllables x 30 / sentences) + 3.1291.

    Published for samples of 30 sentences; computed for any number of
    sentences (the report flags fewer than 30 as low confidence).
    McLaughlin, G. H. (1969), "SMOG grading: a new readability formula",
    *Journal of Reading* 12(8): 639-646.
    """
    return 1.0430 * math.sqrt(_per(c.polysyllables * 30, c.sentences, "sentences")) + 3.1291


def coleman_liau_index(c: Counts) -> float:
    """Coleman-Liau index: 0.0588 L - 0.296 S - 15.8.

    L is letters per 100 words, S sentences per 100 words. Letters are
    :attr:`Counts.characters <newslens_readability.counts.Counts.characters>`:
    letters and digits (a numeral's digits are its letters), as for ARI. Coleman, M. & Liau,
    T. L. (1975), "A computer readability formula designed for machine
    scoring", *Journal of Applied Psychology* 60(2): 283-284.
    """
    letters = 100 * _per(c.characters, c.words, "words")
    sentences = 100 * _per(c.sentences, c.words, "words")
    if c.sentences <= 0:
        raise UndefinedScore("no sentences")
    return 0.0588 * letters - 0.296 * sentences - 15.8


def automated_readability_index(c: Counts) -> float:
    """Automated Readability Index: 4.71 (characters/words) + 0.5 (words/sentences) - 21.43.

    Characters are letters and digits only, never punctuation. Senter, R. J. &
    Smith, E. A. (1967), *Automated Readability Index*, AMRL-TR-66-220,
    Wright-Patterson Air Force Base.
    """
    return (
        4.71 * _per(c.characters, c.words, "words")
        + 0.5 * _per(c.words, c.sentences, "sentences")
        - 21.43
    )


def dale_chall(c: Counts) -> float:
    """New Dale-Chall score: 0.1579 PDW + 0.0496 (words/sentences), + 3.6365 if PDW > 5.

    PDW is the percentage of words not familiar by the Dale-Chall list of
    about 3,000 words. Dale, E. & Chall, J. S. (1948), "A formula for
    predicting readability", *Educational Research Bulletin* 27: 11-20 and
    37-54; word list and rules of Chall, J. S. & Dale, E. (1995),
    *Readability Revisited: The New Dale-Chall Readability Formula*.
    """
    difficult = 100 * _per(c.dale_chall_unfamiliar, c.words, "words")
    score = 0.1579 * difficult + 0.0496 * _per(c.words, c.sentences, "sentences")
    return score + 3.6365 if difficult > 5 else score


def spache(c: Counts) -> float:
    """Revised Spache grade: 0.121 (words/sentences) + 0.082 PUW + 0.659.

    PUW is the percentage of different words not on the revised Spache list.
    Meant for primary-school texts (grades 1-3). Spache, G. (1953), "A new
    readability formula for primary-grade reading materials", *The Elementary
    School Journal* 53(7): 410-413; revised constants and list in Spache, G.
    (1974), *Good Reading for Poor Readers*.
    """
    unfamiliar = 100 * _per(c.spache_unfamiliar, c.words, "words")
    return 0.121 * _per(c.words, c.sentences, "sentences") + 0.082 * unfamiliar + 0.659


def linsear_write(c: Counts) -> float:
    """Linsear Write grade: r = (easy + 3 hard) / sentences; r/2 if r > 20, else (r - 2)/2.

    Easy words have at most two syllables, hard words three or more. The
    formula was published for a 100-word sample: the report gives it the
    body's first 100 words and the sentences that start among them
    (:data:`~newslens_readability.report.LINSEAR_SAMPLE`); on other counts
    (a sentence, a paragraph), r is scaled to 100 words, so that they count
    whole. Klare, G. R. (1974-1975), "Assessing
    readability", *Reading Research Quarterly* 10(1): 62-102 (Linsear Write,
    after O'Hayre, J. (1966), *Gobbledygook Has Gotta Go*, US Bureau of Land
    Management).
    """
    easy = c.words - c.polysyllables
    per_100_words = 100 * _per(easy + 3 * c.polysyllables, c.words, "words")
    r = per_100_words / (100 * _per(c.sentences, c.words, "words"))
    return r / 2 if r > 20 else (r - 2) / 2


def forcast(c: Counts) -> float:
    """FORCAST grade: 20 - N/10, N monosyllables in 150 words (scaled: 150 x mono/words).

    Caylor, J. S., Sticht, T. G., Fox, L. C. & Ford, J. P. (1973),
    *Methodologies for Determining Reading Requirements of Military
    Occupational Specialties*, HumRRO Technical Report 73-5.
    """
    return 20 - 150 * _per(c.monosyllables, c.words, "words") / 10


def lix(c: Counts) -> float:
    """LIX: words/sentences + 100 (long words/words); long words have more than 6 letters.

    Björnsson, C. H. (1968), *Läsbarhet*, Stockholm: Liber.
    """
    return _per(c.words, c.sentences, "sentences") + 100 * _per(c.long_words, c.words, "words")


def rix(c: Counts) -> float:
    """RIX: long words / sentences (long words have more than 6 letters).

    Anderson, J. (1983), "Lix and Rix: variations on a little-known
    readability index", *Journal of Reading* 26(6): 490-496.
    """
    if c.words <= 0:
        raise UndefinedScore("no words")
    return _per(c.long_words, c.sentences, "sentences")


@attrs.frozen
class Formula:
    """A named readability formula, as listed in the report and the JSON output.

    Other plugins add formulas by returning :class:`Formula` objects from the
    ``newslens_readability_formulas`` hook (see
    :mod:`newslens_readability.hookspecs`).

    Attributes:
        name: JSON key, lower case with underscores (``"flesch_reading_ease"``).
        label: Human name (``"Flesch Reading Ease"``).
        compute: Pure function of :class:`Counts`; raises :class:`UndefinedScore`
            (or divides by zero) when undefined.
        harder_when_higher: Whether a higher score means a harder text (False
            for reading-ease scores).
        min_sentences: Fewer sentences than this make the score low-confidence.
    """

    name: str
    label: str
    compute: Callable[[Counts], float] = attrs.field(repr=False)
    harder_when_higher: bool = True
    min_sentences: int = 1

    def evaluate(self, counts: Counts) -> tuple[float | None, str | None]:
        """Return ``(score, None)``, or ``(None, reason)`` when it cannot be computed.

        Never raises for an :class:`UndefinedScore`, a division by zero or a
        non-finite result; other exceptions (bugs in the formula) propagate.
        """
        try:
            value = float(self.compute(counts))
        except (UndefinedScore, ZeroDivisionError) as exc:
            reason = str(exc) if isinstance(exc, UndefinedScore) else "division by zero"
            return None, f"{self.name}: not computed: {reason}"
        if not math.isfinite(value):
            return None, f"{self.name}: not computed: the result is not a finite number"
        return value, None


FORMULAS: Final[tuple[Formula, ...]] = (
    Formula("flesch_reading_ease", "Flesch Reading Ease", flesch_reading_ease, False),
    Formula("flesch_kincaid_grade", "Flesch-Kincaid grade", flesch_kincaid_grade),
    Formula("gunning_fog", "Gunning Fog", gunning_fog),
    Formula("smog_index", "SMOG", smog_index, min_sentences=30),
    Formula("coleman_liau_index", "Coleman-Liau", coleman_liau_index),
    Formula("automated_readability_index", "ARI", automated_readability_index),
    Formula("dale_chall", "New Dale-Chall", dale_chall),
    Formula("spache", "Spache", spache),
    Formula("linsear_write", "Linsear Write", linsear_write),
    Formula("forcast", "FORCAST", forcast),
    Formula("lix", "LIX", lix),
    Formula("rix", "RIX", rix),
)
"""The built-in formulas, in the order of the JSON output."""


def builtin_scores(c: Counts) -> list[float]:
    """Return the scores of :data:`FORMULAS`, in order, computed together (faster).

    Only for counts with words and sentences, where every built-in formula is
    defined and finite. The arithmetic is that of the formula functions above,
    operation for operation, so the floats are the same (the tests check it);
    a change to a formula must be made here too.
    """
    words, sentences = c.words, c.sentences
    if words <= 0 or sentences <= 0:
        raise UndefinedScore("no words" if words <= 0 else "no sentences")
    return list(_builtin_scores(
        sentences, words, c.syllables, c.characters, c.monosyllables, c.polysyllables,
        c.long_words, c.complex_words, c.dale_chall_unfamiliar, c.spache_unfamiliar,
    ))  # fmt: skip


def _builtin_scores(
    sentences: int,
    words: int,
    syllables: int,
    characters: int,
    monosyllables: int,
    polysyllables: int,
    long_words: int,
    complex_words: int,
    dale_chall_unfamiliar: int,
    spache_unfamiliar: int,
) -> tuple[float, ...]:
    """:func:`builtin_scores` of these counts (words and sentences above 0), as a tuple."""
    wps = words / sentences
    spw = syllables / words
    cpw = characters / words
    difficult = 100 * (dale_chall_unfamiliar / words)
    dale = 0.1579 * difficult + 0.0496 * wps
    poly = polysyllables
    r = (100 * ((words - poly + 3 * poly) / words)) / (100 * (sentences / words))
    return (
        206.835 - 1.015 * wps - 84.6 * spw,
        0.39 * wps + 11.8 * spw - 15.59,
        0.4 * (wps + 100 * (complex_words / words)),
        1.0430 * math.sqrt((poly * 30) / sentences) + 3.1291,
        0.0588 * (100 * cpw) - 0.296 * (100 * (sentences / words)) - 15.8,
        4.71 * cpw + 0.5 * wps - 21.43,
        dale + 3.6365 if difficult > 5 else dale,
        0.121 * wps + 0.082 * (100 * (spache_unfamiliar / words)) + 0.659,
        r / 2 if r > 20 else (r - 2) / 2,
        20 - 150 * (monosyllables / words) / 10,
        wps + 100 * (long_words / words),
        long_words / sentences,
    )
