"""Syllable counting accuracy of newslens-readability, beside pyphen and a vowel-group counter.

Two figures, both against CMUdict (the stress digits of each word's first
pronunciation, from the table the plugin ships, ``data/cmudict_syllables.txt.gz``):

Known words
    :func:`newslens_readability.count_syllables` on a fixed random sample of
    ``--sample`` CMUdict entries (any entry: abbreviations, apostrophes).
Unknown words
    The rule-based estimator alone on the held-out 10% of CMUdict's plain words
    (:func:`newslens_readability._cmu.evaluation_split`, fixed seed), which its
    rule table was not built from. Beside it: pyphen's hyphenation points + 1
    (what textstat falls back to for words CMUdict lacks), and a plain
    vowel-group counter with a silent final *e*.

Usage::

    python benchmarks/readability_syllables.py [--sample 20000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable

from newslens_readability import count_syllables
from newslens_readability._cmu import cmu_syllables, evaluation_split
from newslens_readability.estimator import estimate_syllables


def vowel_groups(word: str) -> int:
    """A common baseline: runs of vowels, minus a silent final e, at least 1."""
    count = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith("le") and count > 1:
        count -= 1
    return max(count, 1)


def rate(counter: Callable[[str], int], words: list[str], truth: dict[str, int]) -> float:
    """Share of *words* whose count equals CMUdict's."""
    return sum(counter(w) == truth[w] for w in words) / len(words)


def main() -> None:
    """Print the known-word and unknown-word exact rates."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    truth = cmu_syllables()
    sample = random.Random(args.seed).sample(sorted(truth), args.sample)
    started = time.perf_counter()
    known = rate(count_syllables, sample, truth)
    print(f"known words, count_syllables: {known:.2%} exact on {len(sample):,} CMUdict words "
          f"({time.perf_counter() - started:.2f} s)")

    _, held = evaluation_split()
    print(f"unknown words: {len(held):,} held-out CMUdict words (10%, fixed seed)")
    rows: list[tuple[str, Callable[[str], int]]] = [
        ("newslens estimator", estimate_syllables),
        ("vowel groups + silent e", vowel_groups),
    ]
    try:
        import pyphen

        dic = pyphen.Pyphen(lang="en_US")
        rows.append(("pyphen (textstat's fallback)", lambda w: len(dic.positions(w)) + 1))
    except ImportError:
        print("  (pyphen not installed: pip install pyphen to compare)")
    for name, counter in rows:
        print(f"  {name:<30} {rate(counter, held, truth):.2%} exact")


if __name__ == "__main__":
    main()
