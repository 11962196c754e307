"""The rule-based syllable estimator for words that are not in CMUdict.

A word is cut into *vowel groups* (maximal runs of ``a e i o u y``; a ``y``
before a vowel at the start of a word or of a group is a consonant, as in
*yes* and *player*). Each group is worth 0, 1 or 2 syllables, decided by a
rule keyed on the group and the letters around it, from the most specific
context to the least:

=====  ========================================  ==========================
level  context                                   example key
=====  ========================================  ==========================
0      3 letters left, group, 3 letters right    ``^ta|e|d$`` (*wanted*)
1      2 left, group, 2 right                    ``ta|e|d$``
2      1 left, group, 2 right                    ``t|e|d$``
3      1 left, group, 1 right                    ``t|e|d``
4      group, 1 right                            ``|e|$`` (silent final e)
5      group alone                               ``|ia|``
=====  ========================================  ==========================

``^`` and ``$`` mark the ends of the word. The rules encode the usual
English corrections, learned as data instead of written as code: silent final
*e* (``|e|$`` -> 0) but syllabic *-le* (``bl|e|$`` -> 1), *-ed* after *t*/*d*
(``t|e|d$`` -> 1) and elsewhere (``p|e|d$`` -> 0), *-es* after sibilants,
vowel pairs that split (*dial*, *lion*, *create*) or not (*bread*, *nation*).
The rule table (``data/syllable_rules.tsv``) was built by
``tools/train_syllables.py`` from the CMUdict words of the tuning split
(``newslens_readability._cmu.evaluation_split``) only: each tuning word's
syllable count is shared out over its groups (hard EM, starting from one
syllable per group), the most frequent value of each context with enough
support is kept, and a rule is stored only where it differs from the less
specific rule below it. ``benchmarks/readability_syllables.py`` scores the
estimator on the held-out words.

Around the table: hyphenated words and compounds with apostrophes are summed
per part, accents are folded (*café* = *cafe*), and a word with letters
always gets at least one syllable.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Final

from newslens import WordCache

LEVELS: Final = 6
"""Number of context levels, most specific first."""

_VOWELS: Final = frozenset("aeiouy")


def fold(word: str) -> str:
    """Return *word* lower-cased, accents removed, keeping letters only.

    Example:
        >>> fold("Café's")
        'cafes'
    """
    lowered = word.lower()
    if not lowered.isascii():
        lowered = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in lowered if "a" <= ch <= "z")


def vowel_groups(word: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each vowel group of a folded word.

    Example:
        >>> vowel_groups("player")
        [(2, 3), (4, 5)]
    """
    groups: list[tuple[int, int]] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        consonant_y = ch == "y" and i + 1 < n and word[i + 1] in _VOWELS and word[i + 1] != "y"
        if ch in _VOWELS and not consonant_y:
            j = i + 1
            while j < n and word[j] in _VOWELS:
                if word[j] == "y" and j + 1 < n and word[j + 1] in _VOWELS:
                    break  # "player": the y starts the next syllable
                j += 1
            groups.append((i, j))
            i = j
        else:
            i += 1
    return groups


def contexts(word: str) -> Iterator[tuple[str, ...]]:
    """Yield, for each vowel group of a folded word, its context keys (level 0 first).

    Example:
        >>> next(contexts("wanted"))
        ('^w|a|nte', '^w|a|nt', 'w|a|nt', 'w|a|n', '|a|n', '|a|')
    """
    padded = "^" + word + "$"
    for start, end in vowel_groups(word):
        s, e = start + 1, end + 1
        group = padded[s:e]
        yield (
            f"{padded[max(0, s - 3) : s]}|{group}|{padded[e : e + 3]}",
            f"{padded[max(0, s - 2) : s]}|{group}|{padded[e : e + 2]}",
            f"{padded[s - 1 : s]}|{group}|{padded[e : e + 2]}",
            f"{padded[s - 1 : s]}|{group}|{padded[e : e + 1]}",
            f"|{group}|{padded[e : e + 1]}",
            f"|{group}|",
        )


@lru_cache(maxsize=1)
def rules() -> dict[str, int]:
    """Return the rule table ``{context key: syllables}`` shipped with the package."""
    path = resources.files("newslens_readability").joinpath("data/syllable_rules.tsv")
    text = path.read_text("utf-8")
    table: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("\t")
            table[key] = int(value)
    return table


def group_value(keys: tuple[str, ...], table: dict[str, int]) -> int:
    """Return the syllables of one vowel group: the most specific rule that matches."""
    for key in keys:
        value = table.get(key)
        if value is not None:
            return value
    return 1


def estimate_folded(word: str, table: dict[str, int] | None = None) -> int:
    """Estimate the syllables of a folded word (letters ``a``-``z`` only); 0 if empty."""
    if not word:
        return 0
    table = rules() if table is None else table
    total = sum(group_value(keys, table) for keys in contexts(word))
    return max(total, 1)


def estimate_syllables(word: str) -> int:
    """Estimate the syllables of a word that is not in the dictionary.

    Hyphenated words are summed part by part; a word with at least one letter
    always gets at least one syllable; a word without letters gets 0.

    Example:
        >>> estimate_syllables("blorptastic"), estimate_syllables("zumble-town")
        (3, 3)
    """
    return ESTIMATE_CACHE(word)


def _estimate(word: str) -> int:
    """:func:`estimate_syllables` worked out (not cached)."""
    parts = [fold(part) for part in word.replace("–", "-").split("-")]
    return sum(estimate_folded(part) for part in parts if part)


ESTIMATE_CACHE: Final = WordCache(_estimate, limit=65_536)
"""The estimate for each word met, bounded (as
:data:`~newslens_readability.syllables.SYLLABLE_CACHE`)."""
