"""Build ``data/cmudict_syllables.txt.gz``, the syllable counts the plugin reads from CMUdict.

The CMU Pronouncing Dictionary (BSD licence, see ``LICENSE-CMUdict`` beside
the package) is a text file of ``word  PHONES`` lines, a vowel's phone ending
in its stress digit (``AH0``, ``EY1``). newslens needs one number per word:
the stress digits of its first pronunciation (alternatives, ``word(2)``, are
left out; so is a ``# comment`` at the end of a line). This script reads a
``cmudict.dict`` file given by path and writes those numbers, gzip-compressed,
one line per syllable count::

    1<TAB>a aah abbe ...
    2<TAB>aaron abbey ...

words sorted and separated by spaces, after ``#`` comment lines naming the
source. The output is the same bytes for the same input (no time stamp).

Run from the repository root, with any copy of CMUdict (for instance the one
in the ``cmudict`` package, ``cmudict/data/cmudict.dict``)::

    python plugins/newslens-readability/tools/build_cmudict.py path/to/cmudict.dict
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
from collections import defaultdict
from pathlib import Path

OUT = (
    Path(__file__).resolve().parents[1]
    / "src" / "newslens_readability" / "data" / "cmudict_syllables.txt.gz"
)


def first_pronunciation_syllables(lines: list[str]) -> dict[str, int]:
    """Return ``{word: stress digits of its first pronunciation}`` from CMUdict's lines.

    Example:
        >>> first_pronunciation_syllables(["able EY1 B AH0 L", "able(2) EY1 B L", "a AH0 # x"])
        {'able': 2, 'a': 1}
    """
    counts: dict[str, int] = {}
    for line in lines:
        word, _, phones = line.partition(" ")
        if not word or word.endswith(")") or word in counts:
            continue  # an alternative pronunciation, "word(2)"
        phones = phones.partition("#")[0]
        counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


def table_text(counts: dict[str, int], source: str) -> str:
    """Return the table file's text: comment lines, then one line per syllable count."""
    groups: dict[int, list[str]] = defaultdict(list)
    for word, syllables in counts.items():
        if " " in word or "\t" in word:
            raise ValueError(f"a CMUdict word with white space: {word!r}")
        groups[syllables].append(word)
    lines = [
        "# Syllables (stress digits of the first pronunciation) of each word of",
        "# The CMU Pronouncing Dictionary, Copyright (C) 1993-2015 Carnegie Mellon University,",
        "# BSD licence: see LICENSE-CMUdict. Built by tools/build_cmudict.py from",
        f"# {source}. One line per count: count<TAB>words separated by spaces.",
    ]
    lines += [f"{n}\t{' '.join(sorted(groups[n]))}" for n in sorted(groups)]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Read the ``.dict`` file and write the compressed table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dict_file", type=Path, help="a CMUdict .dict file (word PHONES lines)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default: {OUT})")
    args = parser.parse_args()
    raw = args.dict_file.read_bytes()
    counts = first_pronunciation_syllables(raw.decode("utf-8").splitlines())
    source = f"{args.dict_file.name}, sha256 {hashlib.sha256(raw).hexdigest()[:16]}"
    data = gzip.compress(table_text(counts, source).encode("utf-8"), compresslevel=9, mtime=0)
    args.out.write_bytes(data)
    print(f"{args.out}: {len(counts):,} words, {len(data):,} bytes")


if __name__ == "__main__":
    main()
