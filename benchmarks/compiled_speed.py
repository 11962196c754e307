"""Compiled hot paths (mypyc), measured: pure Python against compiled, in one run.

1. ``--build``: copies every newslens package (the core, the first-party plugins and
   the example plugin, from wherever they are imported) side by side into ``--tree``
   and compiles :data:`MODULES` there, in place, with mypyc (``pip install mypy`` and
   a C compiler). :data:`EXCLUDED` lists the hot modules left pure Python and why.
2. The CLI end to end, as ``benchmarks/scale.py`` runs it (``python -m newslens analyze
   corpus.jsonl --format jsonl -o out.jsonl --backend lite --jobs 1``, every installed
   plugin, default output), once with the current ``PYTHONPATH`` (pure) and once with
   ``--tree`` ahead of it (compiled), in fresh processes, alternating rounds (which one
   goes first changes each round), best of ``--rounds``: seconds, and CPU seconds of
   the run (``getrusage(RUSAGE_CHILDREN)``). The two outputs must be byte-identical.
3. ``--stages``: CPU milliseconds per article of each stage in one process (lite
   annotation, each enricher, writing JSON lines), pure against compiled, alternating
   rounds, best of ``--rounds`` x 2 passes.

On the PolNeAR train articles (``--data``; the first ``--articles``, 840 by default).
The machine may be shared with other work: only the ratios of one run mean much.

Usage::

    python benchmarks/compiled_speed.py --data ../shared/data/polnear \\
        --tree /tmp/newslens-compiled --build --rounds 5 --stages
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from scale import write_corpus

PACKAGES = ("newslens", "newslens_dates", "newslens_readability", "newslens_quotes",
            "newslens_contradictions", "newslens_entityfreq")  # fmt: skip
"""The packages copied into the tree (each compiled module's package must be there)."""

MODULES = (
    "newslens/annotators/lite.py",
    "newslens/annotators/paragraphs.py",
    "newslens/wordcache.py",
    "newslens_contradictions/clauses.py",
    "newslens_contradictions/detectors.py",
    "newslens_contradictions/engine.py",
    "newslens_contradictions/lexicon.py",
    "newslens_dates/anchoring.py",
    "newslens_dates/calendar.py",
    "newslens_dates/candidates.py",
    "newslens_dates/checks.py",
    "newslens_dates/context.py",
    "newslens_dates/engine.py",
    "newslens_dates/extents.py",
    "newslens_dates/prose.py",
    "newslens_dates/quantities.py",
    "newslens_dates/reading.py",
    "newslens_dates/selection.py",
    "newslens_dates/tense.py",
    "newslens_dates/words.py",
    "newslens_quotes/ahead.py",
    "newslens_quotes/attribution.py",
    "newslens_quotes/engine.py",
    "newslens_quotes/marks.py",
    "newslens_quotes/partial.py",
    "newslens_quotes/reported.py",
    "newslens_quotes/speakers.py",
    "newslens_quotes/words.py",
    "newslens_readability/counts.py",
    "newslens_readability/estimator.py",
    "newslens_readability/formulas.py",
    "newslens_readability/report.py",
    "newslens_readability/syllables.py",
    "newslens_readability/wordlists.py",
)
"""The modules compiled: those holding most of the pure-Python time of a run
(cProfile, lite annotator, every plugin, 840 train articles), less :data:`EXCLUDED`."""

EXCLUDED = {
    "newslens/model.py": "mypyc internal error on TokenTable's cls.__new__(cls)",
    "newslens/enrichments.py": "Key's 'name: str = attrs.field(...)': the compiled class "
                               "rejects the attrs field object at import",
    "newslens_contradictions/numbers.py": "Quantity's 'bound: str = attrs.field(...)': "
                                          "as enrichments.py",
    "newslens_contradictions/model.py": "attrs fields typed str: as enrichments.py",
    "newslens_quotes/lexicon.py": "mypyc internal error on a lambda in a classmethod of an "
                                  "attrs class (CueIndex.build); quotes source left as is",
    "newslens/enrichers.py": "not tried: benchmarks and tests replace its functions, which "
                             "compiled callers would no longer see",
    "*/__init__.py": "pluggy's hookimpl marker sets an attribute on each hook function; "
                     "a compiled function has none ('builtin_function_or_method' object "
                     "has no attribute 'newslens_impl')",
}  # fmt: skip
"""Hot modules left pure Python, and why."""

MYPY_INI = """\
[mypy]
python_version = 3.11
[mypy-stanza.*,trafilatura.*,simplemma.*,jsonschema.*,dask,dask.*,distributed,distributed.*]
ignore_missing_imports = True
"""


def build(tree: Path) -> None:
    """Copy the packages into *tree* (afresh) and compile :data:`MODULES` there."""
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit(f"package {name} is not installed")
        source = Path(next(iter(spec.submodule_search_locations)))
        shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
    (tree / "mypy.ini").write_text(MYPY_INI, encoding="utf-8")
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mypyc", *MODULES], cwd=tree, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    print(f"compiled {len(MODULES)} modules in {time.perf_counter() - began:.0f} s")


def cli_run(corpus: Path, out: Path, pythonpath: str) -> tuple[float, float]:
    """Seconds and CPU seconds of one ``newslens analyze`` run, in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newslens", "analyze", str(corpus), "--format", "jsonl",
         "-o", str(out), "--backend", "lite", "--jobs", "1"],
        env={**os.environ, "PYTHONPATH": pythonpath}, check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def stages_worker(data: Path, articles: int, passes: int) -> dict[str, float]:
    """CPU milliseconds per article of each stage, best pass (run in a fresh process)."""
    import newslens.enrichers as enrichers
    from newslens import Pipeline
    from newslens.io.loaders import load_txt
    from newslens.io.writers import open_writer

    paths = sorted((data / "train" / "text").glob("*.txt"))[:articles]
    docs = [doc for path in paths for doc in load_txt(str(path))]
    pipe = Pipeline(backend="lite")
    spent: Counter[str] = Counter()
    checked, annotate = enrichers._checked_result, pipe.annotator.annotate

    def timed(name: str, call: Any, *args: Any) -> Any:
        began = time.process_time()
        try:
            return call(*args)
        finally:
            spent[name] += time.process_time() - began

    enrichers._checked_result = lambda item, doc: timed(item.name, checked, item, doc)
    pipe.annotator.annotate = lambda doc: timed("lite annotation", annotate, doc)  # type: ignore[method-assign]

    def write_all(done: list[Any]) -> None:
        writer = open_writer("jsonl", io.StringIO())
        for doc in done:
            writer.write(doc)

    best: dict[str, float] = {}
    for _ in range(passes):
        spent.clear()
        done = timed("pipeline (all but writing)", lambda: list(pipe.pipe(docs)))
        timed("writing JSON lines", write_all, done)
        spent["whole"] = spent["pipeline (all but writing)"] + spent["writing JSON lines"]
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), 1000 * seconds / len(docs))
    return best


def compare_cli(args: argparse.Namespace, paths: dict[str, str]) -> None:
    """Step 2: the CLI end to end, alternating rounds, best of each; outputs compared."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        corpus = tmp / "corpus.jsonl"
        count = write_corpus(args.data / "train" / "text", args.articles, args.articles,
                             corpus)  # fmt: skip
        outs = {name: tmp / f"{name}.jsonl" for name in paths}
        for name, path in paths.items():  # warm-up: bytecode written, files cached
            cli_run(corpus, outs[name], path)
        best: dict[str, tuple[float, float]] = {}
        for round_ in range(args.rounds):
            for name in list(paths) if round_ % 2 == 0 else list(paths)[::-1]:
                wall, cpu = cli_run(corpus, outs[name], paths[name])
                fastest = best.get(name, (wall, cpu))  # each the best of its own
                best[name] = (min(fastest[0], wall), min(fastest[1], cpu))
        same = outs["pure"].read_bytes() == outs["compiled"].read_bytes()
    print(f"CLI end to end, --jobs 1, {count} articles, best of {args.rounds} alternating "
          "rounds:")  # fmt: skip
    for name, (wall, cpu) in best.items():
        print(f"  {name:9} {wall:6.2f} s  {count / wall:6.1f} articles/s  (CPU {cpu:6.2f} s)")
    print(f"  compiled / pure: {best['pure'][0] / best['compiled'][0]:.2f}x in seconds, "
          f"{best['pure'][1] / best['compiled'][1]:.2f}x in CPU seconds; "
          f"outputs {'byte-identical' if same else 'DIFFER'}")


def compare_stages(args: argparse.Namespace, paths: dict[str, str]) -> None:
    """Step 3: the in-process breakdown, alternating rounds, best of each."""
    command = [sys.executable, __file__, "--worker", "--data", str(args.data),
               "--articles", str(args.articles)]  # fmt: skip
    best: dict[str, dict[str, float]] = {name: {} for name in paths}
    for round_ in range(args.rounds):
        for name in list(paths) if round_ % 2 == 0 else list(paths)[::-1]:
            env = {**os.environ, "PYTHONPATH": paths[name]}
            out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            for key, value in json.loads(out.stdout).items():
                best[name][key] = min(best[name].get(key, float("inf")), value)
    print(f"CPU ms per article in one process, best of {args.rounds} alternating rounds x 2 "
          "passes:")  # fmt: skip
    print(f"  {'':28} {'pure':>8} {'compiled':>9} {'speed-up':>14}")
    for key in sorted(best["pure"], key=lambda k: -best["pure"][k]):
        pure, compiled = best["pure"][key], best["compiled"].get(key, float("nan"))
        print(f"  {key:28} {pure:8.3f} {compiled:9.3f} {pure / compiled:13.2f}x")


def main() -> int:
    """Run the comparison (or, with ``--worker``, one in-process timing)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--tree", type=Path, help="the compiled copy of the packages",
                        default=Path(tempfile.gettempdir()) / "newslens-compiled")  # fmt: skip
    parser.add_argument("--build", action="store_true", help="(re)build --tree first")
    parser.add_argument("--articles", type=int, default=840)
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds")
    parser.add_argument("--stages", action="store_true", help="also the in-process stages")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(stages_worker(args.data, args.articles, passes=2)))
        return 0
    if args.build:
        build(args.tree)
    if not any(args.tree.glob("newslens*/**/*.so")):
        parser.error(f"{args.tree} holds no compiled module: give --build")
    current = os.environ.get("PYTHONPATH", "")
    paths = {"pure": current, "compiled": f"{args.tree}{os.pathsep}{current}"}
    compare_cli(args, paths)
    if args.stages:
        compare_stages(args, paths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
