"""Counting syllables: CMUdict first, then numbers as spoken, then the estimator.

:func:`count_syllables` decides, in order:

1. A word CMUdict knows (lower-cased, curly apostrophes made straight) gets the
   stress digits of its first pronunciation: ``the`` 1, ``nato`` 2, ``u.s.`` 3.
2. Letters spoken one by one: dotted abbreviations (``U.N.``), and capitalised
   abbreviations of two letters or without a vowel (``US``, ``TV``, ``BBC``)
   get one syllable per letter (``W`` three).
3. Possessives are stripped (``Truss's`` = ``Truss`` + 1 after a sibilant,
   ``Russia's`` = ``Russia``); hyphenated words and mixes of letters and
   digits are summed part by part (``Russia-backed``, ``G7``, ``COVID-19``).
4. Numerals are counted as spoken (:func:`number_syllables`): ``100,000``
   *one hundred thousand* 5, ``2020`` *twenty twenty* 4, ``1990s`` *nineteen
   nineties* 4, ``4.5`` *four point five* 3, ``21st`` *twenty-first* 3.
5. Any other word goes to the rule-based estimator
   (:mod:`newslens_readability.estimator`).

A word with at least one letter never gets 0; a token without letters or
digits (punctuation) gets 0.
"""

from __future__ import annotations

import re
from typing import Final

from newslens import WordCache
from newslens_readability._cmu import cmu_syllables
from newslens_readability.estimator import estimate_folded, estimate_syllables, fold

_ONES: Final = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2)
"""Syllables of zero ... nineteen."""
_TENS: Final = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)
"""Syllables of twenty ... ninety (by tens digit)."""
_SCALES: Final = (0, 2, 2, 2, 2, 3, 3)
"""Syllables of thousand, million, billion, trillion, quadrillion, quintillion."""
_LETTER: Final = {"w": 3}
_SYMBOLS: Final = {"%": 2, "$": 2, "€": 2, "£": 1, "¥": 1, "&": 1, "+": 1, "#": 1, "@": 1}
"""Symbols spoken as words next to a number: percent, dollars, euros, pounds, yen..."""

_NUMBER_RE: Final = re.compile(
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<suffix>'?s|st|nd|rd|th)?",
    re.IGNORECASE,
)
_PARTS_RE: Final = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*(?:'?s|st|nd|rd|th)?", re.IGNORECASE)
_DIGIT_RE: Final = re.compile(r"\d")
_SIBILANT_END: Final = ("s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze")
_VOWEL_LETTERS: Final = frozenset("aeiouAEIOU")


def _below_thousand(n: int) -> int:
    count = 0
    hundreds, rest = divmod(n, 100)
    if hundreds:
        count += _ONES[hundreds] + 2  # "three hundred"
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        count += _TENS[tens] + (_ONES[ones] if ones else 0)
    elif rest or not hundreds:
        count += _ONES[rest]
    return count


def integer_syllables(n: int, *, year: bool = False) -> int:
    """Return the syllables of a non-negative integer said in English.

    With *year*, four-digit numbers from 1100 to 2099 other than 2000 to 2009
    are said in pairs: 1990 *nineteen ninety*, 2020 *twenty twenty*, 1900
    *nineteen hundred*.

    Example:
        >>> integer_syllables(100_000), integer_syllables(2020, year=True)
        (5, 4)
    """
    if year and 1100 <= n <= 2099 and not 2000 <= n <= 2009:
        high, low = divmod(n, 100)
        if low == 0:
            return _below_thousand(high) + 2
        return _below_thousand(high) + (1 + _ONES[low] if low < 10 else _below_thousand(low))
    if n == 0:
        return _ONES[0]
    count, scale = 0, 0
    while n:
        n, chunk = divmod(n, 1000)
        if chunk:
            extra = _SCALES[scale] if scale < len(_SCALES) else 3
            count += _below_thousand(chunk) + extra
        scale += 1
    return count


def number_syllables(text: str) -> int | None:
    """Return the syllables of a numeral as spoken, or ``None`` if *text* is not one.

    Handles thousands separators, decimals (each digit after the point said
    alone), years, decades (``1990s``, ``80s``) and ordinals (``21st``).

    Example:
        >>> [number_syllables(t) for t in ("100,000", "2020", "1990s", "4.5", "3rd", "x")]
        [5, 4, 4, 3, 1, None]
    """
    match = _NUMBER_RE.fullmatch(text)
    if match is None:
        return None
    digits = match.group("int").replace(",", "")
    if len(digits) > 21:
        return sum(_ONES[int(d)] for d in digits)
    value = int(digits)
    plain_year = "," not in match.group("int") and len(digits) == 4 and not match.group("frac")
    count = integer_syllables(value, year=plain_year)
    frac = match.group("frac")
    if frac:
        count += 1 + sum(_ONES[int(d)] for d in frac[1:])
    suffix = (match.group("suffix") or "").lower()
    if suffix in ("st", "nd", "rd", "th") and not frac:
        if value % 10 == 2 and value % 100 != 12:
            count += 1  # "second" has two syllables, "two" one
        elif value % 10 == 0 and value % 100 >= 20:
            count += 1  # "twentieth"
    elif suffix.endswith("s") and value % 10 == 6 and (value % 100 != 16):
        count += 1  # "sixes"
    return count


def _spelled(word: str) -> int:
    return sum(_LETTER.get(ch, 1) for ch in word.lower() if ch.isalpha())


def _is_spoken_as_letters(word: str) -> bool:
    """Whether a capitalised abbreviation is said letter by letter (``US``, ``BBC``)."""
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isupper() for ch in letters):
        return False
    return len(letters) == 2 or not any(ch in _VOWEL_LETTERS for ch in letters)


def _as_letters(word: str) -> int | None:
    """An abbreviation said letter by letter (``US``, ``BBC``, ``CNN's``), else ``None``."""
    if word.islower() or "-" in word or not _is_spoken_as_letters(word.replace(".", "")):
        return None
    if "'" in word:
        base, _, tail = word.partition("'")
        return count_syllables(base) + (1 if tail.lower() == "s" and base[-1:] in "SXZ" else 0)
    return _spelled(word)


def _from_dictionary(word: str) -> int | None:
    """CMUdict's count for the word in any case, or with its accents folded (``café``)."""
    table = cmu_syllables()
    lower = word.lower()
    known = table.get(lower)
    if known is None and not lower.isascii():
        known = table.get(fold(word))  # "café" is "cafe"
    return known if known is not None and known > 0 else None


def _dotted_abbreviation(word: str) -> int | None:
    """Letters with periods, said one by one (``U.N.``, ``a.k.a.``), else ``None``."""
    if "." in word and re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]?", word):
        return _spelled(word)
    return None


def _possessive(word: str) -> int | None:
    """A possessive (``Truss's``, ``voters'``): the word, plus one after a sibilant."""
    lower = word.lower()
    if len(lower) <= 2 or not lower.endswith(("'s", "s'")):
        return None
    base = word[:-2] if lower.endswith("'s") else word[:-1]
    count = count_syllables(base)
    if lower.endswith("'s") and base.lower().endswith(_SIBILANT_END) and count:
        count += 1
    return max(count, 1)


def _compound(word: str) -> int | None:
    """A word of parts joined by hyphens, dashes, slashes or colons: the parts summed."""
    if "-" in word or "–" in word or "/" in word or ":" in word:
        return sum(count_syllables(part) for part in re.split(r"[-–/:]", word) if part)
    return None


def _numeral(word: str) -> int | None:
    """A number as spoken, with a currency sign or a percent sign around it, else ``None``."""
    if not (word[:1].isdigit() or (word[:1] in "$€£" and word[1:2].isdigit())):
        return None
    spoken = number_syllables(word.rstrip("%").lstrip("$€£"))
    if spoken is None:
        return None
    return spoken + sum(_SYMBOLS.get(ch, 0) for ch in word if ch in "%$€£")


def _letters_and_digits(word: str) -> int | None:
    """A mix of letters and numbers (``G7``, ``4x4``): each part counted, else ``None``."""
    if not _DIGIT_RE.search(word):
        return None
    parts = _PARTS_RE.findall(word)
    return sum(count_syllables(part) for part in parts) if parts != [word] else None


def _anything_else(word: str) -> int:
    """A symbol said as a word, punctuation (0), another script (1) or the estimator's count."""
    if word in _SYMBOLS:
        return _SYMBOLS[word]
    if not any(ch.isalpha() for ch in word):
        return 0
    if not fold(word):  # letters outside a-z only (other scripts): one per word at least
        return 1
    return max(estimate_syllables(word), 1)


_RULES: Final = (
    _as_letters,
    _from_dictionary,
    _dotted_abbreviation,
    _possessive,
    _compound,
    _numeral,
    _letters_and_digits,
)
"""The ways of counting a word tried in order, each giving ``None`` when it does not apply."""


def count_syllables(word: str) -> int:
    """Return the number of syllables in *word* (see the module documentation).

    Args:
        word: One word as written: any case, possibly possessive, hyphenated,
            a numeral or an abbreviation.

    Returns:
        The syllables; at least 1 for anything with a letter or a digit, 0 for
        punctuation, white space and the empty string.

    Example:
        >>> [count_syllables(w) for w in ("the", "NATO's", "U.S.", "BBC", "100,000", "4.5%")]
        [1, 2, 2, 3, 5, 5]
    """
    return SYLLABLE_CACHE(word)


def _count(word: str) -> int:
    """:func:`count_syllables` worked out (not cached)."""
    if word.isalpha() and (len(word) < 2 or word[1:].islower()):
        # most words: plain letters, at most an initial capital (so not said as letters)
        lower = word.lower()
        known = cmu_syllables().get(lower)
        if known:
            return known
        if word.isascii():
            # no rule but the estimator's applies to it (see _RULES and _anything_else),
            # and its letters are already folded
            return estimate_folded(lower)
    word = word.strip().replace("’", "'").replace("‘", "'")
    if not word:
        return 0
    for rule in _RULES:
        found = rule(word)
        if found is not None:
            return found
    return _anything_else(word)


SYLLABLE_CACHE: Final = WordCache(_count, limit=131_072)
"""The syllables of each word met (a :class:`~newslens.WordCache`: a plain dictionary
entry a word, about a third of what an ``lru_cache`` entry costs, bounded)."""
