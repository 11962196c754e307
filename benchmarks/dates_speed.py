"""Speed of newslens-dates per document, before and after a change, in one run.

Usage::

    python benchmarks/dates_speed.py --data /work/shared/data/timebank \\
        --before /work/main/plugins/newslens-dates/src --rounds 7

Each round runs two fresh processes, one importing the plugin from ``--before`` (a copy
of the old code: another checkout's ``plugins/newslens-dates/src``) and one importing
the plugin found on the current ``PYTHONPATH``, alternately (which one goes first
changes each round), and each reads every ``.tml`` document of ``--data`` (and of
``--news``) ``--repeat`` times with :func:`newslens_dates.find_timexes_in`. The best
round of each is printed, in documents per second of CPU time (``time.process_time``):
on a shared machine, CPU time and the best of several alternating rounds are the
figures least disturbed by other work.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def worker(data: list[Path], repeat: int) -> float:
    """Read every document of *data* *repeat* times; return documents per second."""
    sys.path.insert(0, str(HERE))
    from dates_tempeval import load
    from newslens_dates import find_timexes_in

    docs = [doc for folder in data for doc in load(folder)]
    find_timexes_in(docs[0].text, docs[0].dct)  # compile and import outside the timing
    began = time.process_time()
    for _ in range(repeat):
        for doc in docs:
            find_timexes_in(doc.text, doc.dct)
    return len(docs) * repeat / (time.process_time() - began)


def _run(pythonpath: str, data: list[Path], repeat: int) -> float:
    env = {**os.environ, "PYTHONPATH": pythonpath}
    command = [sys.executable, __file__, "--worker", "--repeat", str(repeat)]
    for folder in data:
        command += ["--data", str(folder)]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    """Run the comparison (or, with ``--worker``, one timing) from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, action="append", required=True,
                        help="folder with .tml files (repeatable)")  # fmt: skip
    parser.add_argument("--news", type=Path, default=HERE / "data" / "dates_news",
                        help="the project's news items, read too ('' for none)")  # fmt: skip
    parser.add_argument("--before", type=Path, help="the old plugin's src folder")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds")
    parser.add_argument("--repeat", type=int, default=3, help="readings of the set per round")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(f"{worker(args.data, args.repeat):.1f}")
        return 0
    if args.before is None or not (args.before / "newslens_dates").is_dir():
        parser.error("--before must be a folder holding the old newslens_dates package")
    data = [*args.data, *([args.news] if str(args.news) else [])]
    current = os.environ.get("PYTHONPATH", "")
    paths = {"before": f"{args.before}{os.pathsep}{current}", "after": current}
    best = {"before": 0.0, "after": 0.0}
    for round_ in range(args.rounds):
        order = ("before", "after") if round_ % 2 == 0 else ("after", "before")
        for name in order:
            best[name] = max(best[name], _run(paths[name], data, args.repeat))
    print(f"best of {args.rounds} alternating rounds, documents per CPU second:")
    for name, speed in best.items():
        print(f"  {name:<7} {speed:8.1f}")
    print(f"  after/before {best['after'] / best['before']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
