"""Rebuild the familiar-word lists shipped in ``newslens_readability/data``.

Dale-Chall
    ``dale_chall.txt`` is textstat's ``resources/en/easy_words.txt`` (MIT
    licence, textstat 0.7.x), the Dale-Chall list of about 3,000 words familiar
    to fourth-grade readers, lower-cased and sorted.

Spache
    py-readability-metrics (MIT licence, 1.4.5) ships the revised Spache list
    (Spache 1974) as Porter stems (``readability/data/spache_easy_porterstem.txt``).
    This script turns each stem back into the base words it stands for: the
    Dale-Chall words and the CMUdict words (the plugin's own CMUdict table) whose
    NLTK Porter stem it is,
    keeping, per stem, the Dale-Chall words when there are any and otherwise the
    shortest CMUdict words. Inflections are then applied at run time by the same
    rules as for Dale-Chall.

Run from the repository root with textstat, nltk and an unpacked
py-readability-metrics wheel available::

    .venv/bin/python plugins/newslens-readability/tools/build_wordlists.py \
        --spache-stems /path/to/readability/data/spache_easy_porterstem.txt
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

from newslens_readability._cmu import cmu_syllables

DATA = Path(__file__).resolve().parents[1] / "src" / "newslens_readability" / "data"


def main() -> None:
    """Write ``dale_chall.txt`` and ``spache.txt``."""
    from nltk.stem.porter import PorterStemmer  # type: ignore[import-untyped]

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spache-stems", type=Path, required=True)
    args = parser.parse_args()
    easy_text = resources.files("textstat").joinpath("resources/en/easy_words.txt").read_text()
    dale = sorted({w.strip().lower() for w in easy_text.split() if w.strip()})
    (DATA / "dale_chall.txt").write_text("\n".join(dale) + "\n", encoding="utf-8")

    stemmer = PorterStemmer()
    stems = {
        line.strip()
        for line in args.spache_stems.read_text(encoding="utf-8").splitlines()
        if line.strip() and "\\" not in line
    }
    by_stem: dict[str, set[str]] = {}
    vocabulary = {w for w in cmu_syllables() if w.isalpha()}
    for word in vocabulary | set(dale):
        if "-" in word:
            continue
        by_stem.setdefault(stemmer.stem(word), set()).add(word)
    words: set[str] = set()
    missing = []
    for stem in sorted(stems):
        found = by_stem.get(stem.lower(), set())
        if stem.lower() in {"i", "a"} or len(stem) == 1:
            words.add(stem.lower())
            continue
        in_dale = found & set(dale)
        if in_dale:
            words |= in_dale
        elif found:
            shortest = min(len(w) for w in found)
            words |= {w for w in found if len(w) == shortest}
        else:
            missing.append(stem)
            words.add(stem.lower())
    (DATA / "spache.txt").write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"dale_chall.txt: {len(dale)} words; spache.txt: {len(words)} words from "
          f"{len(stems)} stems; stems kept as they are: {missing}")


if __name__ == "__main__":
    main()
