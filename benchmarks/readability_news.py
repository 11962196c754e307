"""How hard news is to read: the distribution that defines "most news" in the verdict.

Scores the body of every PolNeAR train + dev article (US political news,
2015-16) with the lite annotator and this plugin, and prints the percentiles of
the Flesch-Kincaid grade and the Flesch Reading Ease, and how many articles each
band of :func:`newslens_readability.verdict.grade_band` holds. The middle half
(25th to 75th percentile) of the grades is what
:data:`newslens_readability.verdict.NEWS_GRADES` calls "most news".

Usage::

    python benchmarks/readability_news.py --data ../shared/data/polnear
"""

from __future__ import annotations

import argparse
import statistics
from collections import Counter
from pathlib import Path

from newslens_readability import score_text
from newslens_readability.verdict import NEWS_GRADES, grade_band


def main() -> None:
    """Print the distribution."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    args = parser.parse_args()
    paths = sorted((args.data / "train" / "text").glob("*.txt"))
    paths += sorted((args.data / "dev" / "text").glob("*.txt"))
    grades: list[float] = []
    eases: list[float] = []
    bands: Counter[str] = Counter()
    for path in paths:
        body = score_text(path.read_text(encoding="utf-8")).body
        grade, ease = body["flesch_kincaid_grade"], body["flesch_reading_ease"]
        if grade is None or ease is None or body.counts.words < 100:
            continue
        grades.append(grade)
        eases.append(ease)
        bands[grade_band(grade).name] += 1
    print(f"{len(grades)} articles of 100 words or more (of {len(paths)})")
    for name, values in (("Flesch-Kincaid grade", grades), ("Flesch Reading Ease", eases)):
        cuts = statistics.quantiles(values, n=20)
        shown = ", ".join(f"p{5 * (i + 1)} {v:.1f}" for i, v in enumerate(cuts) if i % 2 == 0
                          or i in (4, 14))
        print(f"{name}: median {statistics.median(values):.1f}; {shown}")
    low, high = NEWS_GRADES
    inside = sum(low <= g <= high for g in grades)
    print(f"grades {low:g} to {high:g} ('most news'): {inside} ({100 * inside / len(grades):.0f}%)")
    for name, count in bands.most_common():
        print(f"  {name}: {count}")


if __name__ == "__main__":
    main()
