"""Speed of the lite annotator: documents and words a second, and cold start.

Reads every ``*.txt`` article in ``--data`` (headline on the first line, an
optional byline, then the body, as ``newslens analyze`` reads them); given a
folder with no articles in it, such as the PolNeAR root, reads those of its
subfolders' ``text`` folders (``train/text``, ``dev/text``, ``test/text``).
Annotates them all with :class:`~newslens.annotators.lite.LiteAnnotator`
``--repeat`` times, each time with the per-word caches (lemmas, word flags)
emptied first, and prints the best run; then the best of as many runs with the
caches kept. Words are white-space separated words of the documents' text.
Then times, in a fresh Python process, ``newslens analyze --backend lite`` on
the first article (start-up included), best of ``--repeat`` runs, and checks
that neither stanza nor torch was imported.

With ``--against SRC`` (another checkout's ``src`` folder, such as main's),
it compares instead: rounds of the annotation timing alternate between this
checkout's code and *SRC*'s, each in a fresh process (``--repeat`` rounds, one
timing each, of the process's CPU time), and the best of each side is printed
with the change, so that other work on the machine weighs on both alike and
as little as it can.

Usage::

    python benchmarks/lite_speed.py --data /work/shared/data/polnear
    python benchmarks/lite_speed.py --data /work/shared/data/polnear/dev/text
    python benchmarks/lite_speed.py --data /work/shared/data/polnear --against /work/main/src
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newslens import Document
from newslens.annotators.lite import LiteAnnotator, clear_word_caches


def load(path: Path) -> Document:
    """Read one ``.txt`` article as ``newslens analyze`` would."""
    text = path.read_text(encoding="utf-8")
    try:
        from newslens.io.loaders import parse_txt
    except ImportError:  # pragma: no cover - before the loaders existed
        return Document.create(text, source=str(path))
    return parse_txt(text, source=str(path))


def throughput(
    docs: list[Document], repeat: int, *, cold: bool, clock: Callable[[], float] = time.perf_counter
) -> tuple[float, float]:
    """Return the best ``(documents/s, words/s)`` of *repeat* runs (after a warm-up).

    With *cold*, the per-word caches are emptied before each run (the word
    lists and the lemma dictionary stay loaded).
    """
    annotator = LiteAnnotator()
    annotator.annotate(Document.create("Warm up the lemma dictionary, Mr. Smith said."))
    words = sum(len(doc.text.split()) for doc in docs)
    best = float("inf")
    for _ in range(repeat):
        if cold:
            clear_word_caches()
        gc.collect()
        began = clock()
        for doc in docs:  # lemmas and names are derived when first read: read them to count them
            done = annotator.annotate(doc)
            done.tokens.column("lemma")
            len(done.entities)
        best = min(best, clock() - began)
    return len(docs) / best, words / best


def articles(folder: Path) -> list[Path]:
    """Return the ``*.txt`` files of *folder*, or else those of its ``*/text`` folders."""
    return sorted(folder.glob("*.txt")) or sorted(folder.glob("*/text/*.txt"))


def cold_start(article: Path, repeat: int) -> tuple[str, float]:
    """Return the command run and its best wall time, in a fresh process each time."""
    cli = shutil.which("newslens", path=str(Path(sys.executable).parent))
    if cli is not None:
        command = [cli, "analyze", str(article), "--backend", "lite", "--format", "json"]
        label = "newslens analyze --backend lite --format json ARTICLE"
    else:
        code = (
            "import sys, newslens; "
            "newslens.analyze(open(sys.argv[1], encoding='utf-8').read(), backend='lite')"
        )
        command = [sys.executable, "-c", code, str(article)]
        label = "python -c 'import newslens; newslens.analyze(...)' (no CLI installed)"
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - began)
    return label, best


def heavy_imports() -> list[str]:
    """Return which of stanza and torch a lite analysis imports, in a fresh process."""
    code = (
        "import sys, newslens; newslens.analyze('Hi there.', backend='lite'); "
        "print(' '.join(m for m in ('stanza', 'torch') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return result.stdout.split()


def _one_timing(data: Path, src: str) -> tuple[float, float]:
    """Words/s with empty and with kept caches, one run each, of the code in *src*."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([src, *filter(None, [env.get("PYTHONPATH")])])
    result = subprocess.run(
        [sys.executable, __file__, "--data", str(data), "--repeat", "1", "--timing-only",
         "--cpu-time"],
        check=True, capture_output=True, text=True, env=env,
    )
    cold, warm = map(float, result.stdout.split())
    return cold, warm


def compare(data: Path, against: str, rounds: int) -> None:
    """Print the best words/s of this checkout and of *against*, in alternating rounds."""
    here = str(Path(__file__).resolve().parent.parent / "src")
    best = {here: [0.0, 0.0], against: [0.0, 0.0]}
    for _ in range(rounds):
        for src in (against, here):
            for k, value in enumerate(_one_timing(data, src)):
                best[src][k] = max(best[src][k], value)
    for k, caches in enumerate(("empty word caches", "word caches kept")):
        before, after = best[against][k], best[here][k]
        print(
            f"lite annotate, {caches}: before ({against}) {before:,.0f} words/s, "
            f"after ({here}) {after:,.0f} words/s: {100 * (after / before - 1):+.1f}% "
            f"(best of {rounds} alternating rounds)"
        )


def main(argv: list[str] | None = None) -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of .txt articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is kept")
    parser.add_argument("--against", help="another src folder to compare with (main's)")
    parser.add_argument("--timing-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cpu-time", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    paths = articles(args.data)
    if not paths:
        parser.error(f"no .txt files in {args.data} nor in its */text folders")
    if args.against:
        compare(args.data, args.against, args.repeat)
        return
    docs = [load(path) for path in paths]
    if args.timing_only:
        clock = time.process_time if args.cpu_time else time.perf_counter
        print(*(throughput(docs, args.repeat, cold=cold, clock=clock)[1] for cold in (True, False)))
        return
    words = sum(len(doc.text.split()) for doc in docs)
    print(f"{len(docs)} articles, {words:,} words, {sum(len(d.text) for d in docs):,} characters")
    for cold, caches in ((True, "empty word caches"), (False, "word caches kept")):
        docs_per_s, words_per_s = throughput(docs, args.repeat, cold=cold)
        print(
            f"lite annotate, {caches}: {docs_per_s:,.0f} documents/s, "
            f"{words_per_s:,.0f} words/s (best of {args.repeat})"
        )
    label, seconds = cold_start(paths[0], args.repeat)
    print(f"cold start: {seconds:.3f} s for `{label}` (best of {args.repeat})")
    imported = heavy_imports()
    print(f"heavy modules imported by a lite analysis: {', '.join(imported) or 'none'}")


if __name__ == "__main__":
    main()
