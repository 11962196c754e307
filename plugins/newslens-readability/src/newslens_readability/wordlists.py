"""The Dale-Chall and Spache lists of familiar words, and how words match them.

Where the lists come from (see also the ``NOTICE`` file of this package):

``data/dale_chall.txt``
    The Dale-Chall list of about 3,000 words known to most fourth-grade
    readers (Chall & Dale, *Readability Revisited: The New Dale-Chall
    Readability Formula*, 1995), as shipped by textstat
    (``textstat/resources/en/easy_words.txt``, MIT licence, copyright 2016
    Shivam Bansal).
``data/spache.txt``
    The revised Spache list (Spache, *Good Reading for Poor Readers*, 1974),
    as shipped by py-readability-metrics (``spache_easy_porterstem.txt``, MIT
    licence, copyright 2018 Carmine M DiMascio) in the form of Porter stems, turned
    back into words by ``tools/build_wordlists.py``.

Matching rules, after Chall & Dale (1995) and Spache (1974):

* Case, a possessive ``'s`` / ``s'`` and curly apostrophes do not matter.
* Regular inflections of a listed word are familiar: plurals and verb forms
  in ``-s``, ``-es``, ``-ies``, ``-ed``, ``-d``, ``-ied``, ``-ing`` (with a
  dropped ``e`` or a doubled consonant). For Dale-Chall, also comparatives
  and superlatives in ``-er``, ``-est``, ``-ier``, ``-iest``; Spache counts
  those, and adverbs in ``-ly``, as unfamiliar.
* Numerals are familiar; so are proper names (the caller decides what is a
  proper name; see :mod:`newslens_readability.counts`).
* A hyphenated word is familiar when each of its parts is.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Final

DALE_CHALL: Final = "dale_chall"
SPACHE: Final = "spache"

_CONSONANTS: Final = frozenset("bcdfghjklmnpqrstvwxz")
_COMPARATIVES: Final = (("iest", "y"), ("ier", "y"), ("est", ""), ("er", ""), ("st", ""), ("r", ""))


@lru_cache(maxsize=2)
def familiar_words(name: str) -> frozenset[str]:
    """Return the list called *name* (``"dale_chall"`` or ``"spache"``) as a set.

    Raises:
        ValueError: for any other name.
    """
    if name not in (DALE_CHALL, SPACHE):
        raise ValueError(f"unknown word list {name!r}; expected 'dale_chall' or 'spache'")
    text = resources.files("newslens_readability").joinpath(f"data/{name}.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def _with_undoubled(stem: str) -> list[str]:
    """Return *stem*, and *stem* without its last letter when that is a doubled consonant."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in _CONSONANTS:
        return [stem, stem[:-1]]  # "stopp" (stopped) is "stop"
    return [stem]


def _plural_bases(word: str) -> list[str]:
    """Bases of a plural or third-person form: ``-ies``, ``-es``, ``-s``."""
    n = len(word)
    out = []
    if word.endswith("ies") and n > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and n > 3:
        out.append(word[:-2])
    if word.endswith("s") and n > 2:
        out.append(word[:-1])
    return out


def _verb_bases(word: str) -> list[str]:
    """Bases of a past or present participle: ``-ied``, ``-ed``, ``-d``, ``-ing``."""
    n = len(word)
    out = []
    if word.endswith("ied") and n > 4:
        out.append(word[:-3] + "y")
    if word.endswith("ed") and n > 3:
        stem = word[:-2]
        out += [stem, word[:-1], *_with_undoubled(stem)[1:]]
    if word.endswith("ing") and n > 4:
        stem = word[:-3]
        out += [stem, stem + "e", *_with_undoubled(stem)[1:]]
    return out


def _comparative_bases(word: str) -> list[str]:
    """Bases of a comparative or superlative: ``-iest``, ``-ier``, ``-est``, ``-er``..."""
    out = []
    for suffix, repl in _COMPARATIVES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out += _with_undoubled(word[: -len(suffix)] + repl)
    return out


def _bases(word: str, comparatives: bool) -> list[str]:
    """Return the words *word* may be a regular inflection of (itself first)."""
    out = [word, *_plural_bases(word), *_verb_bases(word)]
    if comparatives:
        out += _comparative_bases(word)
    return out


def _inflections(word: str, comparatives: bool) -> list[str]:
    """Return every word *w* for which :func:`_bases` (*w*) lists *word*: the inverse rules."""
    out = [word]
    n = len(word)
    last = word[-1:]
    doubled = word + last if last in _CONSONANTS and n + 1 > 2 else None
    if last == "y":
        for suffix in ("ies", "ied"):
            if n + 2 > 4:
                out.append(word[:-1] + suffix)
    if n + 2 > 3:
        out += [word + "es", word + "ed"]
    if n + 1 > 2:
        out.append(word + "s")
    if last == "e" and n + 1 > 3:
        out.append(word + "d")
    if n + 3 > 4:
        out.append(word + "ing")
    if last == "e" and n + 2 > 4:
        out.append(word[:-1] + "ing")
    if doubled:
        if len(doubled) + 2 > 3:
            out.append(doubled + "ed")
        if len(doubled) + 3 > 4:
            out.append(doubled + "ing")
    if comparatives:
        for suffix, repl in _COMPARATIVES:
            stems = [word]
            if doubled and not repl:
                stems.append(doubled)
            for stem in stems:
                if repl:
                    if not stem.endswith(repl):
                        continue
                    stem = stem[: -len(repl)]
                candidate = stem + suffix
                if len(candidate) > len(suffix) + 2:
                    out.append(candidate)
    return out


@lru_cache(maxsize=2)
def familiar_forms(name: str) -> frozenset[str]:
    """Every alphabetic word :func:`is_familiar` accepts for the list *name*, made once
    (for callers that look up many words of letters: ``word.lower() in familiar_forms(name)``
    is :func:`judge_familiar` for them).

    The listed words and their regular inflections (:func:`_inflections`,
    the inverse of :func:`_bases`); a test checks the two agree on every
    alphabetic CMUdict word.
    """
    comparatives = name == DALE_CHALL
    return frozenset(
        form
        for word in familiar_words(name)
        if word.isalpha()
        for form in _inflections(word, comparatives)
    )


@lru_cache(maxsize=65_536)
def is_familiar(word: str, name: str = DALE_CHALL) -> bool:
    """Whether *word* counts as familiar for the list *name* (proper names aside).

    The same as :func:`judge_familiar`, with each answer kept.

    Example:
        >>> [is_familiar(w) for w in ("Houses", "carried", "bigger", "guarantees", "2020")]
        [True, True, True, False, True]
        >>> is_familiar("bigger", "spache"), is_familiar("playing", "spache")
        (False, True)
    """
    return judge_familiar(word, name)


def judge_familiar(word: str, name: str = DALE_CHALL) -> bool:
    """Whether *word* counts as familiar for the list *name*, worked out afresh.

    Raises:
        ValueError: for a list other than ``"dale_chall"`` and ``"spache"``.
    """
    lower = word.lower()
    if lower.isalpha():  # most words: one look-up among the listed words and their inflections
        return lower in familiar_forms(name)
    words = familiar_words(name)
    lower = lower.replace("’", "'").strip("'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    elif lower.endswith("s'"):
        lower = lower[:-1]
    if not lower.isalpha() and not any(ch.isalpha() for ch in lower):
        return True
    if "-" in lower:
        return all(judge_familiar(part, name) for part in lower.split("-") if part)
    return any(base in words for base in _bases(lower, comparatives=name == DALE_CHALL))
