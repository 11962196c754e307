"""CPU time of each enricher in the pipeline, before and after a change, in one run.

Each round runs two fresh processes, alternately (which one goes first changes each
round): one imports the packages found in ``--before`` (a folder holding old copies of
some of ``newslens_dates``, ``newslens_readability``, ``newslens_contradictions`` and
``newslens_entityfreq``, side by side) ahead of the current ``PYTHONPATH``, the other
the current ``PYTHONPATH`` alone. Each analyses the first ``--articles`` PolNeAR train
articles with the lite pipeline and every installed plugin, ``--passes`` times (the
first pass starts with empty word caches, as a command-line run does), and records the
CPU time
(``time.process_time``) each enricher takes, and each of the four plugins' JSON
section, per article. The best pass of the best round is printed for each, before and
after: on a shared machine, CPU time and the best of alternating rounds are the
figures least disturbed by other work.

Usage::

    python benchmarks/plugin_speed.py --data ../shared/data/polnear \\
        --before /tmp/old-plugins --articles 300 --rounds 5
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

PACKAGES = ("newslens_dates", "newslens_readability", "newslens_contradictions",
            "newslens_entityfreq")
"""The packages timed (``--before`` holds old copies of some)."""


def worker(data: Path, articles: int, passes: int) -> dict[str, float]:
    """Milliseconds of CPU per article of each enricher and JSON section, best pass."""
    import importlib

    import newslens.enrichers as enrichers
    from newslens import Pipeline
    from newslens.io.loaders import load_txt

    paths = sorted((data / "train" / "text").glob("*.txt"))[:articles]
    docs = [doc for path in paths for doc in load_txt(path)]
    pipe = Pipeline(backend="lite")
    spent: Counter[str] = Counter()
    checked = enrichers._checked_result

    def timed(item: enrichers.Enricher, doc: object) -> object:
        began = time.process_time()
        try:
            return checked(item, doc)  # type: ignore[arg-type]
        finally:
            spent[item.name] += time.process_time() - began

    enrichers._checked_result = timed  # type: ignore[assignment]
    best: dict[str, float] = {}
    for _ in range(passes):
        spent.clear()
        done = list(pipe.pipe(docs))
        for module in map(importlib.import_module, PACKAGES):
            began = time.process_time()
            for doc in done:
                module.newslens_json_section(doc)
            spent[f"{module.__name__} JSON"] += time.process_time() - began
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), 1000 * seconds / len(docs))
    return best


def main(argv: list[str] | None = None) -> int:
    """Run the comparison (or, with ``--worker``, one timing) from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--before", type=Path, help="folder with the old packages")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds")
    parser.add_argument("--passes", type=int, default=2, help="passes over the articles")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.data, args.articles, args.passes)))
        return 0
    if args.before is None or not any((args.before / name).is_dir() for name in PACKAGES):
        parser.error(f"--before must hold old copies of some of {', '.join(PACKAGES)}")
    current = os.environ.get("PYTHONPATH", "")
    paths = {"before": f"{args.before}{os.pathsep}{current}", "after": current}
    best: dict[str, dict[str, float]] = {"before": {}, "after": {}}
    command = [sys.executable, __file__, "--worker", "--data", str(args.data),
               "--articles", str(args.articles), "--passes", str(args.passes)]  # fmt: skip
    for round_ in range(args.rounds):
        for name in ("before", "after") if round_ % 2 == 0 else ("after", "before"):
            env = {**os.environ, "PYTHONPATH": paths[name]}
            out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            for key, value in json.loads(out.stdout).items():
                best[name][key] = min(best[name].get(key, float("inf")), value)
    print(f"ms of CPU per article, best of {args.rounds} alternating rounds x {args.passes} "
          f"passes, {args.articles} PolNeAR train articles:")  # fmt: skip
    print(f"  {'':32} {'before':>8} {'after':>8} {'before/after':>13}")
    for key in sorted(best["before"], key=lambda k: -best["before"][k]):
        before, after = best["before"][key], best["after"].get(key, float("nan"))
        print(f"  {key:32} {before:8.3f} {after:8.3f} {before / after:12.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
