"""Counting words, syllables and letters from a document's own tokens and sentences.

Words
    A word is a token with a letter or a digit, together with the clitics the
    annotator split off it (``Russia`` + ``'s``, ``do`` + ``n't`` are one word
    each). A ``%``, ``$``, ``€`` or ``£`` next to a number is a word too, as it
    is said (*percent*, *dollars*). Other punctuation is not a word.
Letters and characters
    ``letters`` counts alphabetic characters; ``characters`` counts letters and
    digits (what ARI and Coleman-Liau read), never punctuation. The ``s`` of a
    possessive ``'s`` is left out of both, as the clitic is left out of the
    syllables (``Russia's`` has 6 letters and is not a long word).
Long, complex and unfamiliar words
    *Long*: more than 6 letters. *Polysyllabic*: 3 syllables or more.
    *Complex* (Gunning 1952): polysyllabic, but not a proper name, not a
    hyphenated compound, and not made three syllables by ``-es``, ``-ed`` or
    ``-ing``. *Unfamiliar*: not familiar by :mod:`newslens_readability.wordlists`;
    Dale-Chall counts every occurrence, Spache each different word once.
Proper names
    ``PROPN`` when the annotator tags parts of speech; otherwise a capitalised
    word that does not start its sentence (or its quotation), or an all-capital
    abbreviation. Proper names are familiar and never complex.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final, NamedTuple

import attrs

from newslens_readability.syllables import count_syllables
from newslens_readability.wordlists import DALE_CHALL, SPACHE, is_familiar

_SPOKEN_SYMBOLS: Final = frozenset("%$€£")
_OPENING: Final = frozenset("\"'“‘«([{—–-")


@attrs.frozen
class Counts:
    """The counts every formula is computed from.

    Attributes:
        sentences: Sentences.
        words: Words (see the module documentation).
        syllables: Syllables of all words.
        letters: Alphabetic characters in words.
        characters: Letters and digits in words.
        monosyllables: Words of one syllable.
        polysyllables: Words of three syllables or more.
        long_words: Words of more than six letters.
        complex_words: Gunning's complex words.
        dale_chall_unfamiliar: Words not familiar by the Dale-Chall list (every occurrence).
        spache_unfamiliar: Different words not familiar by the Spache list.
    """

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    characters: int = 0
    monosyllables: int = 0
    polysyllables: int = 0
    long_words: int = 0
    complex_words: int = 0
    dale_chall_unfamiliar: int = 0
    spache_unfamiliar: int = 0

    def as_dict(self) -> dict[str, int]:
        """Return the counts as a plain dictionary."""
        return attrs.asdict(self)


class Word(NamedTuple):
    """One word of a document, with everything the counts need.

    Fields: ``start`` and ``end`` (offsets of the word's first and last
    tokens), ``text`` (as written), ``syllables``, ``letters``, ``characters``
    (letters and digits), ``proper`` (taken as a proper name), ``complex``
    (Gunning), ``dale_chall_unfamiliar`` and ``spache_unfamiliar``.
    """

    start: int
    end: int
    text: str
    syllables: int
    letters: int
    characters: int
    proper: bool
    complex: bool
    dale_chall_unfamiliar: bool
    spache_unfamiliar: bool


@lru_cache(maxsize=131_072)
def _word_facts(text: str, proper: bool) -> tuple[int, int, int, bool, bool, bool]:
    syllables = count_syllables(text)
    letters = sum(ch.isalpha() for ch in text)
    if len(text) > 2 and text[-2] in "'’" and text[-1] in "sS":
        letters -= 1  # a possessive (or "it's") clitic is not part of the word's letters
    characters = letters + sum(ch.isdigit() for ch in text)
    complex_ = syllables >= 3 and not proper and "-" not in text and letters > 0
    if complex_:
        lower = text.lower()
        for suffix in ("es", "ed", "ing"):
            if lower.endswith(suffix):
                stem = text[: -len(suffix)]
                if count_syllables(stem) < 3 and count_syllables(stem + "e") < 3:
                    complex_ = False
                break
    familiar = proper or letters == 0
    dale = not familiar and not is_familiar(text, DALE_CHALL)
    spache = not familiar and not is_familiar(text, SPACHE)
    return syllables, letters, characters, complex_, dale, spache


def _is_clitic(text: str) -> bool:
    return text[:1] in ("'", "’") or text.lower() in ("n't", "n’t")


def make_words(
    text: str,
    tokens: Sequence[tuple[int, int, str, str | None]],
    *,
    all_caps: bool = False,
) -> list[Word]:
    """Turn one sentence's tokens into words.

    Args:
        text: The document text the offsets point into.
        tokens: ``(start, end, text, upos)`` of each token of the sentence.
        all_caps: The sentence is written in capitals (a headline): capitals
            then say nothing about names or abbreviations.
    """
    merged: list[tuple[int, int, str | None, bool]] = []  # start, end, upos, clause-initial
    clause_start = True
    for start, end, token, upos in tokens:
        alnum = any(ch.isalnum() for ch in token)
        if merged and merged[-1][1] == start and _is_clitic(token) and alnum:
            merged[-1] = (merged[-1][0], end, merged[-1][2], merged[-1][3])
            continue
        if alnum:
            merged.append((start, end, upos, clause_start))
            clause_start = False
        elif token in _SPOKEN_SYMBOLS and (
            (merged and merged[-1][1] == start and text[start - 1 : start].isdigit())
            or text[end : end + 1].isdigit()
        ):
            merged.append((start, end, upos, False))
        else:
            clause_start = clause_start or token in _OPENING or token in ":;"
    words: list[Word] = []
    for start, end, upos, first in merged:
        written = text[start:end]
        word = written.lower() if all_caps and len(written) > 1 else written
        if upos is not None:
            proper = upos == "PROPN"
        else:
            proper = word[:1].isupper() and (not first or (len(word) > 1 and word.isupper()))
        syllables, letters, characters, complex_, dale, spache = _word_facts(word, proper)
        words.append(
            Word(start, end, written, syllables, letters, characters, proper, complex_, dale,
                 spache)
        )
    return words


def count_words(words: Iterable[Word], sentences: int) -> Counts:
    """Add up the counts of *words* spread over *sentences* sentences.

    Example:
        >>> from newslens_readability.counts import Word, count_words
        >>> w = Word(0, 3, "cat", 1, 3, 3, False, False, False, False)
        >>> count_words([w, w], 1).syllables
        2
    """
    n = syl = letters = chars = mono = poly = long_ = complex_ = dale = 0
    spache: set[str] = set()
    for word in words:
        n += 1
        syl += word.syllables
        letters += word.letters
        chars += word.characters
        mono += word.syllables == 1
        poly += word.syllables >= 3
        long_ += word.letters > 6
        complex_ += word.complex
        dale += word.dale_chall_unfamiliar
        if word.spache_unfamiliar:
            spache.add(word.text.lower())
    return Counts(sentences, n, syl, letters, chars, mono, poly, long_, complex_, dale, len(spache))
