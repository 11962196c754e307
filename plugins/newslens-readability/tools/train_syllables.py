"""Build ``data/syllable_rules.tsv``, the estimator's rule table, from CMUdict's tuning words.

Only the tuning part of :func:`newslens_readability._cmu.evaluation_split` is
read, so that ``benchmarks/readability_syllables.py`` can score the estimator
on words it has never seen. Each word's syllable count (stress digits of its
first pronunciation) is shared out over its vowel groups by hard EM: the most
probable assignment of 0, 1 or 2 syllables per group that adds up to the
word's count, under context statistics smoothed from the least specific level
to the most specific, re-estimated from the assignments a few times. The
table keeps, for each context seen at least ``--min-count`` times, the most
frequent value, and only where it differs from the rule of the level below.

Run from the repository root::

    .venv/bin/python plugins/newslens-readability/tools/train_syllables.py
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

from newslens_readability._cmu import SPLIT_SEED, cmu_syllables, evaluation_split
from newslens_readability.estimator import LEVELS, contexts, fold

OUT = Path(__file__).resolve().parents[1] / "src" / "newslens_readability" / "data"
VALUES = (0, 1, 2)
PRIOR = {0: 0.15, 1: 0.7, 2: 0.15}


_SPLITTING = ("ia", "io", "iu", "eo", "ua", "uo", "ui", "ea", "oa", "ie", "ue", "ao", "oe")


def _prior(keys: tuple[str, ...]) -> list[float]:
    """Hand-written English starting point: silent e, -le, -ed, -es, splitting vowel pairs."""
    left, group, right = keys[1].split("|")
    if group == "e" and right == "$":
        syllabic_le = left.endswith("l") and len(left) == 2 and left[0] not in "aeiouy"
        return [0.15, 0.8, 0.05] if syllabic_le or left.endswith("^") else [0.85, 0.13, 0.02]
    if group == "e" and right in ("d$", "s$"):
        if right == "d$" and left[-1:] in ("t", "d"):
            return [0.1, 0.85, 0.05]
        sibilant = left[-1:] in ("s", "x", "z", "c", "g") or left.endswith(("ch", "sh"))
        if right == "s$" and sibilant:
            return [0.1, 0.85, 0.05]
        return [0.75, 0.23, 0.02]
    if len(group) >= 2 and any(pair in group for pair in _SPLITTING):
        return [0.05, 0.6, 0.35]
    return [PRIOR[v] for v in VALUES]


Stats = list[dict[str, Counter[int]]]


def _smoothed(keys: tuple[str, ...], stats: Stats, alpha: float) -> list[float]:
    probs = _prior(keys)
    for level in range(LEVELS - 1, -1, -1):
        seen = stats[level].get(keys[level])
        if seen:
            total = sum(seen.values())
            pairs = zip(VALUES, probs, strict=True)
            probs = [(seen[v] + alpha * p) / (total + alpha) for v, p in pairs]
    return probs


def _assign(groups: list[list[float]], target: int) -> list[int] | None:
    best: dict[int, tuple[float, list[int]]] = {0: (0.0, [])}
    for probs in groups:
        nxt: dict[int, tuple[float, list[int]]] = {}
        for total, (score, path) in best.items():
            for value, p in zip(VALUES, probs, strict=True):
                s, reached = score + math.log(p), total + value
                if reached <= target and (reached not in nxt or s > nxt[reached][0]):
                    nxt[reached] = (s, [*path, value])
        best = nxt
    return best[target][1] if target in best else None


def main() -> None:
    """Train and write the rule table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=6)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--alpha", type=float, default=2.0)
    args = parser.parse_args()
    truth = cmu_syllables()
    tuning, _ = evaluation_split()
    words = [(list(contexts(fold(w))), truth[w]) for w in tuning]
    stats: list[dict[str, Counter[int]]] = [{} for _ in range(LEVELS)]
    for iteration in range(args.iterations):
        new: list[dict[str, Counter[int]]] = [{} for _ in range(LEVELS)]
        used = 0
        for groups, target in words:
            assignment = _assign([_smoothed(k, stats, args.alpha) for k in groups], target)
            if assignment is None:
                continue
            used += 1
            for keys, value in zip(groups, assignment, strict=True):
                for level, key in enumerate(keys):
                    new[level].setdefault(key, Counter())[value] += 1
        stats = new
        print(f"iteration {iteration + 1}: {used} of {len(words)} words aligned")
    table: dict[str, int] = {}

    def predicted(keys: tuple[str, ...], level: int) -> int:
        for lv in range(level, LEVELS):
            if keys[lv] in table:
                return table[keys[lv]]
        return 1

    # Keep a rule only where it changes what the less specific levels say.
    all_keys = {keys for groups, _ in words for keys in groups}
    for level in range(LEVELS - 1, -1, -1):
        for keys in sorted(all_keys):
            key = keys[level]
            seen = stats[level].get(key)
            if key in table or not seen or sum(seen.values()) < args.min_count:
                continue
            value = max(VALUES, key=lambda v: (seen[v], v == 1))
            if value != predicted(keys, level + 1):
                table[key] = value
    lines = [
        "# newslens-readability syllable rules: context key<TAB>syllables of the vowel group.",
        f"# Built by tools/train_syllables.py from the CMUdict tuning split (seed {SPLIT_SEED}),",
        f"# iterations={args.iterations} min-count={args.min_count} alpha={args.alpha}.",
        *(f"{key}\t{value}" for key, value in sorted(table.items())),
    ]
    (OUT / "syllable_rules.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} rules written")


if __name__ == "__main__":
    main()
