"""How hard news is to read: the distribution that defines "most news" in the verdict.

Scores the body of every PolNeAR train + dev article (US political news,
2015-16) with the lite annotator and this plugin, and prints the percentiles of
the Flesch-Kincaid grade and the Flesch Reading Ease, and how many articles each
band of :func:`newslens_readability.verdict.grade_band` holds. The middle half
(25th to 75th percentile) of the grades is what
:data:`newslens_readability.verdict.NEWS_GRADES` calls "most news".

With ``--textstat``, it compares instead the Flesch-Kincaid grade of every
article with textstat's (``textstat.flesch_kincaid_grade`` of the same text):
their Pearson correlation and mean absolute difference, for this checkout's
code and, with ``--against SRC``, for another checkout's (``SRC`` is its root:
``SRC/src`` and ``SRC/plugins/newslens-readability/src`` are imported, in a
process of their own), then the ten articles where this checkout and textstat
differ most, with the counts behind each difference (sentences, words,
syllables per word on each side) and the tokens newslens left out as not prose.

Usage::

    python benchmarks/readability_news.py --data ../shared/data/polnear
    python benchmarks/readability_news.py --data DATA --textstat --against /work/main
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from newslens_readability import score_text
from newslens_readability.verdict import NEWS_GRADES, grade_band


def _grades(paths: list[Path]) -> dict[str, dict[str, object]]:
    """newslens's grade and counts of each article, by file name."""
    out: dict[str, dict[str, object]] = {}
    for path in paths:
        report = score_text(path.read_text(encoding="utf-8"))
        body = report.body
        out[path.name] = {
            "grade": body["flesch_kincaid_grade"],
            "words": body.counts.words,
            "sentences": body.counts.sentences,
            "syllables": body.counts.syllables,
            "left_out": dict(getattr(report, "left_out", ())),
        }
    return out


def _grades_elsewhere(root: str, data: Path) -> dict[str, dict[str, object]]:
    """:func:`_grades` with the code of the checkout at *root*, in a process of its own."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [f"{root}/src", f"{root}/plugins/newslens-readability/src"]
    )
    result = subprocess.run(
        [sys.executable, __file__, "--data", str(data), "--grades-json"],
        check=True, capture_output=True, text=True, env=env,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _pearson(xs: list[float], ys: list[float]) -> float:
    return statistics.correlation(xs, ys)


def _textstat() -> object:
    """textstat, its CMUdict lookup fed CMUdict's syllable counts as this plugin ships them.

    textstat reads CMUdict through NLTK, which downloads it on first use; where
    that is not possible (no network), the same dictionary comes from the
    plugin's copy (one stress digit per syllable, which is all textstat counts).
    """
    import textstat
    from textstat.backend.counts import _count_syllables

    try:
        import nltk

        nltk.data.find("corpora/cmudict")
    except LookupError:
        from newslens_readability._cmu import cmu_syllables

        table = {word: [["AH0"] * n] for word, n in cmu_syllables().items()}
        _count_syllables.get_cmudict = lambda lang: table  # type: ignore[attr-defined]
        textstat.__cmudict_note__ = " (CMUdict from the plugin's copy: no NLTK download)"
    return textstat


def compare_with_textstat(paths: list[Path], data: Path, against: str | None) -> None:
    """Print the agreement of the grades with textstat's, and the ten largest differences."""
    textstat: Any = _textstat()

    theirs = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        theirs[path.name] = {
            "abbreviations": len(_ABBREVIATION_RE.findall(text)),
            "decimals": len(_DECIMAL_RE.findall(text)),
            "numbers": len(_NUMBER_RE.findall(text)),
            "grade": textstat.flesch_kincaid_grade(text),
            "words": textstat.lexicon_count(text),
            "sentences": textstat.sentence_count(text),
            "syllables": textstat.syllable_count(text),
        }
    sides = {"this checkout": _grades(paths)}
    if against:
        sides[f"before ({against})"] = _grades_elsewhere(against, data)
    note = getattr(textstat, "__cmudict_note__", "")
    print(f"Flesch-Kincaid grade beside textstat {textstat.__version__}{note} on {len(paths)} "
          "articles (train + dev, whole file as the body)")
    for label, ours in sides.items():
        names = [n for n in theirs if ours[n]["grade"] is not None]
        xs = [float(ours[n]["grade"]) for n in names]  # type: ignore[arg-type]
        ys = [float(theirs[n]["grade"]) for n in names]
        mad = statistics.fmean(abs(x - y) for x, y in zip(xs, ys, strict=True))
        print(f"  {label}: Pearson r {_pearson(xs, ys):.3f}, mean |difference| {mad:.2f} "
              f"grades, over {len(names)} articles")
    ours = sides["this checkout"]
    gaps = sorted(
        (n for n in theirs if ours[n]["grade"] is not None),
        key=lambda n: -abs(float(ours[n]["grade"]) - theirs[n]["grade"]),  # type: ignore[arg-type]
    )
    print("The ten articles where this checkout and textstat differ most:")
    for name in gaps[:10]:
        print(f"  {name}: {_why(ours[name], theirs[name])}")
    noisy = sorted(theirs, key=lambda n: -sum(ours[n]["left_out"].values()))[:5]  # type: ignore[attr-defined]
    print("The five articles with the most tokens left out as not prose:")
    for name in noisy:
        before = {k: v for k, v in sides.items() if k != "this checkout"}
        was = "".join(f", before {float(v[name]['grade']):.1f}" for v in before.values()  # type: ignore[arg-type]
                      if v[name]["grade"] is not None)
        print(f"  {name}: grade {float(ours[name]['grade']):.1f}{was}, "  # type: ignore[arg-type]
              f"textstat {theirs[name]['grade']:.1f}; left out "
              + ", ".join(f"{n} {k}" for k, n in ours[name]["left_out"].items()))  # type: ignore[attr-defined]


_ABBREVIATION_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Inc|[A-Z])\.(?= [A-Z])")
_DECIMAL_RE = re.compile(r"\d\.\d")
_NUMBER_RE = re.compile(r"\d[\d,.]*")


def _why(ours: dict[str, object], theirs: dict[str, object]) -> str:
    """The grades, and the counts behind their difference."""
    def per(d: dict[str, object]) -> tuple[float, float]:
        words, sentences = float(d["words"]) or 1, float(d["sentences"]) or 1  # type: ignore[arg-type]
        return words / sentences, float(d["syllables"]) / words  # type: ignore[arg-type]

    (wps_a, spw_a), (wps_b, spw_b) = per(ours), per(theirs)
    # the share of each term of the grade formula in the difference
    wps_gap, spw_gap = 0.39 * (wps_a - wps_b), 11.8 * (spw_a - spw_b)
    main = "words per sentence" if abs(wps_gap) >= abs(spw_gap) else "syllables per word"
    left = ", ".join(f"{n} {k}" for k, n in ours["left_out"].items())  # type: ignore[attr-defined]
    if main == "words per sentence" and wps_a > wps_b:
        main += (f"; textstat cuts a sentence at every period: {theirs['decimals']} decimal "
                 f"points (3.5) and {theirs['abbreviations']} abbreviations or initials before "
                 "a capital (Mr. Smith, U.S. Senate) here")
    elif main == "syllables per word" and spw_a > spw_b:
        main += (f"; newslens reads the {theirs['numbers']} numbers aloud (textstat: one "
                 f"syllable-less word each)")
    return (
        f"grade {ours['grade']:.1f} vs textstat {theirs['grade']:.1f}; mostly {main} "
        f"(sentences {ours['sentences']} vs {theirs['sentences']}, words {ours['words']} vs "
        f"{theirs['words']}: {wps_a:.1f} vs {wps_b:.1f} words/sentence, "
        f"{spw_a:.2f} vs {spw_b:.2f} syllables/word); left out: {left or 'nothing'}"
    )


def main() -> None:
    """Print the distribution."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--textstat", action="store_true", help="compare with textstat")
    parser.add_argument("--against", help="another checkout's root to compare with (main's)")
    parser.add_argument("--grades-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    paths = sorted((args.data / "train" / "text").glob("*.txt"))
    paths += sorted((args.data / "dev" / "text").glob("*.txt"))
    if args.grades_json:
        print(json.dumps(_grades(paths)))
        return
    if args.textstat:
        compare_with_textstat(paths, args.data, args.against)
        return
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
