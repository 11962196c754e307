"""Whether two versions of the dates, readability, contradictions and entityfreq plugins
give the same output.

A speed change must not change a result. This script runs the full pipeline (lite
annotator, every installed plugin) on PolNeAR articles twice, in two fresh processes:
once importing the plugins' packages found in ``--before`` (a folder holding old
copies of some of ``newslens_dates``, ``newslens_readability``,
``newslens_contradictions`` and ``newslens_entityfreq``, such as another checkout's
``plugins/newslens-dates/src/newslens_dates`` copied there, side by side) ahead of the
current ``PYTHONPATH``, and once from the current ``PYTHONPATH`` alone. For every
article it compares, as JSON text, the ``timexes``, ``readability``, ``contradictions``
and ``entityfreq`` sections at ``detail="full"`` (per-sentence and per-paragraph scores
included), the document's diagnostics, and the ``repr`` of the four plugins' values
(every float written in full), and prints every article that differs (exit status 1)
or how many were the same (exit status 0).

Usage::

    python benchmarks/plugin_output_same.py --data ../shared/data/polnear \\
        --before /tmp/old-plugins
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SECTIONS = ("timexes", "readability", "contradictions", "entityfreq")
"""The JSON sections compared."""

PACKAGES = ("newslens_dates", "newslens_readability", "newslens_contradictions",
            "newslens_entityfreq")
"""The packages whose output is compared (``--before`` holds old copies of some)."""


def article_paths(data: Path, limit: int) -> list[Path]:
    """Train articles first, then dev, in name order: the first *limit* (0: all)."""
    paths = sorted((data / "train" / "text").glob("*.txt"))
    paths += sorted((data / "dev" / "text").glob("*.txt"))
    return paths[:limit] if limit else paths


def worker(data: Path, limit: int, out: Path) -> None:
    """Write one JSON line per article: its id, compared sections and diagnostics."""
    import newslens_contradictions
    import newslens_dates
    import newslens_entityfreq
    import newslens_readability

    from newslens import Pipeline
    from newslens.io.loaders import load_txt

    docs = [doc for path in article_paths(data, limit) for doc in load_txt(path)]
    pipe = Pipeline(backend="lite")
    keys = (newslens_dates.TIMEXES, newslens_readability.REPORT,
            newslens_contradictions.CONTRADICTIONS, newslens_entityfreq.COUNTS)
    modules = (newslens_dates, newslens_readability, newslens_contradictions,
               newslens_entityfreq)
    with out.open("w", encoding="utf-8") as file:
        file.write(json.dumps([module.__file__ for module in modules]) + "\n")
        for doc in pipe.pipe(docs):
            written = doc.to_dict(detail="full")
            record = {name: written.get(name) for name in SECTIONS}
            record["id"] = doc.id
            record["diagnostics"] = [repr(note) for note in doc.diagnostics]
            # the values themselves too: repr writes every float in full
            record["values"] = [repr(doc.get(key)) for key in keys]
            file.write(json.dumps(record, sort_keys=True) + "\n")


def _run(pythonpath: str, data: Path, limit: int, out: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": pythonpath}
    command = [sys.executable, __file__, "--worker", "--data", str(data),
               "--articles", str(limit), "--out", str(out)]  # fmt: skip
    subprocess.run(command, env=env, check=True)
    return out.read_text(encoding="utf-8").splitlines()


def main(argv: list[str] | None = None) -> int:
    """Compare the two versions' output (or, with ``--worker``, write one)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--before", type=Path, help="folder with the old packages")
    parser.add_argument("--articles", type=int, default=0, help="how many (0: all)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.data, args.articles, args.out)
        return 0
    if args.before is None or not any((args.before / name).is_dir() for name in PACKAGES):
        parser.error(f"--before must hold old copies of some of {', '.join(PACKAGES)}")
    current = os.environ.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory() as tmp:
        before = _run(f"{args.before}{os.pathsep}{current}", args.data, args.articles,
                      Path(tmp) / "before.jsonl")
        after = _run(current, args.data, args.articles, Path(tmp) / "after.jsonl")
    print("before:", before[0], "\nafter: ", after[0])
    if before[0] == after[0]:
        print("both runs imported the same packages: check --before and PYTHONPATH")
        return 2
    differ = [json.loads(line)["id"] for line, other in zip(before[1:], after[1:], strict=True)
              if line != other]  # fmt: skip
    for doc_id in differ:
        print("differs:", doc_id)
    print(f"{len(before) - 1 - len(differ)} of {len(before) - 1} articles the same")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
