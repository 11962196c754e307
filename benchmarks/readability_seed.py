"""The seed article's body against its hand-checked readability reference.

Reads ``article.txt`` (headline, byline, body) and ``gold.json``'s
``readability_reference`` from ``--data``, scores the article with the lite
pipeline and the readability plugin, and prints counts and scores side by
side with the difference: counts should be within 1%, grades within 0.1.

Usage::

    python benchmarks/readability_seed.py --data /work/shared/data/seed
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newslens_readability import REPORT
from newslens_readability.report import _body_range, _sentence_words

import newslens
from newslens.io.loaders import parse_txt

COUNTS = ("sentences", "words", "syllables")


def main() -> None:
    """Print the comparison table and the words whose syllables are not CMUdict's."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the seed folder")
    args = parser.parse_args()
    gold = json.loads((args.data / "gold.json").read_text(encoding="utf-8"))
    reference = gold["readability_reference"]
    doc = parse_txt((args.data / "article.txt").read_text(encoding="utf-8"))
    doc = newslens.Pipeline(backend="lite", strict=True)(doc)
    ours = doc[REPORT].body.as_dict()
    print(f"{'':<30}{'reference':>10}{'newslens':>10}{'diff':>9}")
    for key, value in reference.items():
        if not isinstance(value, int | float):
            continue
        mine = ours[key]
        diff = mine - value
        rel = f" ({diff / value:+.1%})" if key in COUNTS and value else ""
        print(f"{key:<30}{value:>10}{mine:>10}{diff:>+9.2f}{rel}")
    print("\nother body scores:", {k: v for k, v in ours.items() if k not in reference})

    from newslens_readability._cmu import cmu_syllables

    table = cmu_syllables()
    lo, hi = _body_range(doc)
    print("\nwords whose syllables are not CMUdict's first pronunciation (or not in it):")
    for _, _, words in _sentence_words(doc, lo, hi):
        for word in words:
            cmu = table.get(word.text.lower())
            if cmu != word.syllables:
                print(f"  {word.text:<16} {word.syllables}  (CMUdict: {cmu})")


if __name__ == "__main__":
    main()
