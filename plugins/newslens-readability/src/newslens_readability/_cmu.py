"""CMUdict syllable counts, shipped with the package and read on first use.

``data/cmudict_syllables.txt.gz`` holds, for each word of The CMU Pronouncing
Dictionary (BSD licence, see ``LICENSE-CMUdict``), the number of stress digits
in its first pronunciation, grouped by that number (one line per count, the
words separated by spaces), as ``tools/build_cmudict.py`` writes it from a
CMUdict ``.dict`` file. :func:`cmu_syllables` reads it with :mod:`gzip` alone,
once per process (about 0.04 s).
"""

from __future__ import annotations

import gzip
import random
import re
from functools import lru_cache
from itertools import chain, repeat
from typing import Final

SPLIT_SEED: Final = 20240314
"""Seed of the fixed split of CMUdict words into tuning and held-out words."""

HELD_OUT_FRACTION: Final = 0.1
"""Share of CMUdict's plain words hidden from the estimator while it is tuned."""

_PLAIN_WORD: Final = re.compile(r"[a-z][a-z']*")


CMU_TABLE: Final = "data/cmudict_syllables.txt.gz"
"""Where the table is, inside the package."""


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Return ``{word: syllables}`` from the first pronunciation of each CMUdict entry.

    Words are lower case as in CMUdict (``"u.s."``, ``"nato"``, ``"'em"``).
    The dictionary is read once and cached; treat it as read-only.
    """
    from importlib import resources

    packed = resources.files("newslens_readability").joinpath(CMU_TABLE).read_bytes()
    words: list[list[str]] = []
    counts: list[repeat[int]] = []
    for line in gzip.decompress(packed).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            syllables, _, listed = line.partition("\t")
            group = listed.split(" ")
            words.append(group)
            counts.append(repeat(int(syllables), len(group)))
    # one dictionary made at once (not one a line merged into another): a word listed
    # twice keeps its first place and its last count, as with updates line by line
    return dict(zip(chain.from_iterable(words), chain.from_iterable(counts), strict=True))


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
