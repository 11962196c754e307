"""Score newslens-contradictions on SICK, NaN-NLI, the test articles and the seed; time it.

Usage::

    python benchmarks/contradictions_eval.py                       # everything, SICK trial
    python benchmarks/contradictions_eval.py --split train --only sick --errors 10
    python benchmarks/contradictions_eval.py --only sick,nan --baseline-only
    python benchmarks/contradictions_eval.py --only articles,seed --threshold 0.7

Default data paths are relative to the repository root (``../shared/data/...`` is
``/work/shared/data/...`` for a worktree in ``/work``); paths given on the command line are
relative to the current folder. The plugin module (``--plugin``, default
``newslens_contradictions``) and the dates and quotes plugins must be importable
(``PYTHONPATH=src:plugins/newslens-*/src``). The pipeline is always
``newslens.Pipeline(backend="lite", plugins=new_plugin_manager(entry_points=False,
plugins=[newslens_dates, newslens_quotes, <plugin>]), strict=True)``, with the option
``contradictions.threshold`` when ``--threshold`` is given; predictions are
``doc.to_dict()["contradictions"]`` (a document without that section counts as no finding,
and such documents are counted and reported).

Parts (``--only``, comma-separated; default all):

* ``sick``: SICK (``SICK_<split>.txt``, tab-separated, header line; pair_ID, sentence_A,
  sentence_B, relatedness_score, entailment_judgment). Each pair is one document, headline =
  sentence_A, body = sentence_B; it is predicted CONTRADICTION when its contradictions
  section is non-empty. Printed: precision, recall and F1 of the contradiction class, the
  false-alarm rate on ENTAILMENT and on NEUTRAL pairs, the findings per kind, and the same
  figures (same scorer, same run) for the BASELINE, which flags a pair when exactly one of
  its two sentences holds a negation word (not, no, never, none, nobody, nothing, n't,
  neither, nor, without; lower-cased, tokens are runs of letters with ``n't`` split off).
  The target (precision >= 0.88 at recall >= 0.65 on trial) and the baseline figures the
  issue quotes (precision 0.60, recall 0.82) are printed beside them.
* ``nan``: NaN-NLI (CSV with a header; premise, hypothesis, label in entailment /
  contradiction / neutral): the same, premise as headline, hypothesis as body.
* ``articles``: the twenty fixtures of ``plugins/newslens-contradictions/tests/fixtures/
  articles`` (``parse_txt``) with their ``gold.json``: recall of the planted gold items (a
  finding of the same kind and scope whose ``a`` span overlaps the gold ``a`` and whose
  ``b`` span overlaps the gold ``b``, as in ``test_articles.py``), false alarms on the clean
  articles (findings, and articles with any), and every miss and false alarm.
* ``seed``: ``article.txt`` (``parse_txt``, ``published`` from ``gold.json``) against the
  ``contradictions`` of ``gold.json`` (a in the headline, b in the body): each found with
  the right kind and scope and overlapping spans?; the number of other findings; and that
  no finding has one side on "could occur in January" and the other on "readiness to start
  talks in January" (two ways to say the same thing).
* ``speed``: the lite pipeline with dates, quotes and readability on the PolNeAR dev
  articles (``dev/text/*.txt``, ``parse_txt``) without and with the plugin, ``--repeat``
  rounds of each (alternating, best of each): the share the plugin adds (target: at most
  +30%). Then ``python -m newslens analyze --backend lite --format json`` on 20 dev
  articles, once with every installed plugin plus this one and once with it blocked
  (``NEWSLENS_BLOCK_PLUGINS``). When the plugin's entry point is not installed, the with-run
  finds it through a temporary ``.dist-info`` folder (entry point ``contradictions`` =
  the ``--plugin`` module) put on the subprocess's ``PYTHONPATH`` (an installed entry point
  is used as it is).

``--errors N`` prints N false positives and N false negatives per data set (SICK, NaN-NLI),
with the findings. A pair or article that raises is counted and reported (scored as not
flagged), never fatal. ``--baseline-only`` scores only the baseline (no plugin needed; only
``sick`` and ``nan`` run). This is a report: it exits 0 whatever it measures.
"""

from __future__ import annotations

import argparse
import collections
import csv
import functools
import gc
import importlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

import newslens
from newslens.io.loaders import parse_txt
from newslens.plugins import new_plugin_manager

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "plugins" / "newslens-contradictions" / "tests" / "fixtures" / "articles"
PARTS = ("sick", "nan", "articles", "seed", "speed")
NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "n't", "neither", "nor", "without"}
)
TARGET = (0.88, 0.65)  # precision at recall, SICK trial
ISSUE_BASELINE = (0.60, 0.82)  # what the issue says the baseline gives on SICK
SEED_SAME = ("could occur in January", "readiness to start talks in January")
Finding = dict[str, Any]


@attrs.frozen
class Pair:
    """One sentence pair of an NLI data set, label lower-cased."""

    id: str
    premise: str
    hypothesis: str
    label: str


# -- reading -------------------------------------------------------------------------------


def read_sick(folder: Path, split: str) -> list[Pair]:
    """The pairs of ``SICK_<split>.txt`` in *folder*."""
    path = folder / f"SICK_{split}.txt"
    pairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        if header[:5] != [
            "pair_ID", "sentence_A", "sentence_B", "relatedness_score", "entailment_judgment"
        ]:
            raise ValueError(f"{path}: unexpected header {header}")
        for row in rows:
            if row:
                pairs.append(Pair(row[0], row[1], row[2], row[4].strip().lower()))
    return pairs


def read_nan(path: Path) -> list[Pair]:
    """The pairs of the NaN-NLI CSV file *path*."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Pair(str(n), row["premise"], row["hypothesis"], row["label"].strip().lower())
            for n, row in enumerate(csv.DictReader(handle), 1)
        ]


# -- the baseline ----------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """Lower-cased runs of letters, with ``n't`` split off (``don't`` -> ``do``, ``n't``)."""
    text = text.lower().replace("’", "'")
    return re.findall(r"n't|[a-z]+", re.sub(r"n't\b", " n't", text))


def has_negation(text: str) -> bool:
    return any(token in NEGATIONS for token in tokens(text))


def baseline(pair: Pair) -> bool:
    """Flag the pair when exactly one of its sentences holds a negation word."""
    return has_negation(pair.premise) != has_negation(pair.hypothesis)


# -- scoring ------------------------------------------------------------------------------


@attrs.frozen
class Scores:
    """Figures of the contradiction class over labelled pairs."""

    tp: int
    fp: int
    fn: int
    by_label: dict[str, tuple[int, int]]  # label -> (flagged, total)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def rate(self, label: str) -> float:
        flagged, total = self.by_label.get(label, (0, 0))
        return flagged / total if total else 0.0


def score(pairs: Sequence[Pair], flags: Sequence[bool]) -> Scores:
    """Precision, recall and false alarms of *flags* (True = contradiction) on *pairs*."""
    tp = sum(f and p.label == "contradiction" for p, f in zip(pairs, flags, strict=True))
    fp = sum(f and p.label != "contradiction" for p, f in zip(pairs, flags, strict=True))
    fn = sum(not f and p.label == "contradiction" for p, f in zip(pairs, flags, strict=True))
    by_label: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for pair, flag in zip(pairs, flags, strict=True):
        by_label[pair.label][0] += flag
        by_label[pair.label][1] += 1
    return Scores(tp, fp, fn, {k: (v[0], v[1]) for k, v in by_label.items()})


def score_line(name: str, s: Scores) -> str:
    e_flag, e_all = s.by_label.get("entailment", (0, 0))
    n_flag, n_all = s.by_label.get("neutral", (0, 0))
    return (
        f"  {name:<9} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
        f"(tp {s.tp}, fp {s.fp}, fn {s.fn})  false alarms: entailment {s.rate('entailment'):.3f}"
        f" ({e_flag}/{e_all}), neutral {s.rate('neutral'):.3f} ({n_flag}/{n_all})"
    )


# -- running the plugin --------------------------------------------------------------------


@attrs.define
class Runner:
    """The lite pipeline with dates, quotes (and readability) and the plugin, error-tolerant."""

    pipeline: newslens.Pipeline
    failures: list[tuple[str, str]] = attrs.field(factory=list)
    no_section: int = 0

    def findings(self, label: str, make: Callable[[], newslens.Document]) -> list[Finding]:
        """The findings of the document *make* builds; [] (and a failure) when it raises."""
        try:
            data = self.pipeline(make()).to_dict()
        except Exception as exc:
            self.failures.append((label, "".join(traceback.format_exception_only(exc)).strip()))
            return []
        if "contradictions" not in data:
            self.no_section += 1
            return []
        return list(data["contradictions"] or [])

    def report(self) -> None:
        if self.no_section:
            print(f"  documents without a 'contradictions' section: {self.no_section}")
        if self.failures:
            print(f"  documents that raised (scored as not flagged): {len(self.failures)}")
            for label, message in self.failures[:5]:
                print(f"    {label}: {message.splitlines()[-1][:200]}")
        self.failures.clear()
        self.no_section = 0


def plugin_modules(name: str, *, readability: bool = False) -> list[Any]:
    names = ["newslens_dates", "newslens_quotes"]
    names += ["newslens_readability"] if readability else []
    names += [name] if name else []
    return [importlib.import_module(n) for n in names]


def make_pipeline(plugin: str, threshold: float | None, *, readability: bool = False
                  ) -> newslens.Pipeline:
    options = {"contradictions.threshold": threshold} if threshold is not None and plugin else {}
    plugins = new_plugin_manager(
        entry_points=False, plugins=plugin_modules(plugin, readability=readability)
    )
    return newslens.Pipeline(backend="lite", plugins=plugins, options=options, strict=True)


def overlaps(span: dict[str, Any], bounds: tuple[int, int]) -> bool:
    return bool(span["start"] < bounds[1] and bounds[0] < span["end"])


def span(text: str, part: str) -> tuple[int, int]:
    """Where *part* first occurs in *text* (``(-1, -1)`` when it does not)."""
    start = text.find(part)
    return (start, start + len(part)) if start >= 0 else (-1, -1)


def show(finding: Finding) -> str:
    conf = finding.get("confidence")
    conf_text = f" {conf:.2f}" if isinstance(conf, float) else ""
    return (
        f"{finding.get('kind')}/{finding.get('scope')}{conf_text}: "
        f"{finding['a']['text']!r} / {finding['b']['text']!r}"
        + (f" ({finding['explanation']})" if finding.get("explanation") else "")
    )


# -- the parts -------------------------------------------------------------------------------


def run_nli(title: str, pairs: list[Pair], runner: Runner | None, args: argparse.Namespace,
            *, target: bool) -> None:
    labels = collections.Counter(p.label for p in pairs)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(labels.items()))
    print(f"\n== {title}: {len(pairs)} pairs ({counts})")
    base_flags = [baseline(p) for p in pairs]
    base = score(pairs, base_flags)
    if runner is not None:
        started = time.perf_counter()
        found = [
            runner.findings(f"pair {p.id}", functools.partial(
                newslens.Document.create, p.hypothesis, headline=p.premise, id=p.id))
            for p in pairs
        ]
        elapsed = time.perf_counter() - started
        flags = [bool(f) for f in found]
        ours = score(pairs, flags)
        print(score_line("plugin", ours))
    print(score_line("baseline", base))
    if target:
        print(f"  issue's baseline figures: P {ISSUE_BASELINE[0]:.2f}  R {ISSUE_BASELINE[1]:.2f};"
              f" target: P >= {TARGET[0]:.2f} at R >= {TARGET[1]:.2f} (trial)", end="")
        if runner is not None:
            met = ours.precision >= TARGET[0] and ours.recall >= TARGET[1]
            print(f": {'met' if met else 'NOT met'}")
        else:
            print()
    if runner is None:
        return
    kinds = collections.Counter(f.get("kind") for fs in found for f in fs)
    kinds_by_label = collections.Counter(
        (f.get("kind"), p.label) for p, fs in zip(pairs, found, strict=True) for f in fs
    )
    print(f"  {sum(kinds.values())} findings in {elapsed:.1f} s; per kind (on contradiction / "
          "entailment / neutral pairs):")
    for kind, n in kinds.most_common():
        split = " / ".join(str(kinds_by_label[kind, lab])
                           for lab in ("contradiction", "entailment", "neutral"))
        print(f"    {kind!s:<10} {n:>5}  ({split})")
    runner.report()
    if args.errors:
        both = list(zip(pairs, found, strict=True))
        fps = [(p, fs) for p, fs in both if fs and p.label != "contradiction"]
        fns = [p for p, fs in both if not fs and p.label == "contradiction"]
        print(f"  false positives (first {args.errors} of {len(fps)}):")
        for pair, fs in fps[: args.errors]:
            print(f"    [{pair.id}, {pair.label}] A: {pair.premise}\n{'':8}B: {pair.hypothesis}")
            for finding in fs:
                print(f"{'':8}-> {show(finding)}")
        print(f"  false negatives (first {args.errors} of {len(fns)}):")
        for pair in fns[: args.errors]:
            print(f"    [{pair.id}] A: {pair.premise}\n{'':8}B: {pair.hypothesis}")


def run_articles(folder: Path, runner: Runner) -> None:
    gold: dict[str, list[dict[str, str]]] = json.loads(
        (folder / "gold.json").read_text(encoding="utf-8"))
    print(f"\n== articles: {folder} ({len(gold)} in gold.json)")
    found_items = total_items = clean_findings = clean_flagged = 0
    misses: list[str] = []
    alarms: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        name = path.stem
        text = path.read_text(encoding="utf-8")
        findings = runner.findings(name, functools.partial(parse_txt, text, id=name))
        doc_text = parse_txt(text).text
        items = gold.get(name, [])
        for item in items:
            total_items += 1
            a, b = doc_text.find(item["a"]), doc_text.find(item["b"])
            hit = a >= 0 and b >= 0 and any(
                f.get("kind") == item["kind"] and f.get("scope") == item["scope"]
                and overlaps(f["a"], (a, a + len(item["a"])))
                and overlaps(f["b"], (b, b + len(item["b"])))
                for f in findings
            )
            found_items += hit
            if not hit:
                misses.append(
                    f"{name}: {item['kind']}/{item['scope']} {item['a']!r} / {item['b']!r}")
        if not items:
            clean_findings += len(findings)
            clean_flagged += bool(findings)
            alarms.extend(f"{name}: {show(f)}" for f in findings)
        else:  # findings on a planted article that match no gold item
            bounds = [(span(doc_text, i["a"]), span(doc_text, i["b"])) for i in items]
            for f in findings:
                if not any(overlaps(f["a"], a) and overlaps(f["b"], b) for a, b in bounds):
                    alarms.append(f"{name} (planted, unmatched): {show(f)}")
    clean = sum(1 for v in gold.values() if not v)
    print(f"  planted gold items found: {found_items}/{total_items}"
          f" (recall {found_items / total_items if total_items else 0:.2f})")
    print(f"  clean articles: {clean_findings} findings, {clean_flagged}/{clean} articles with any")
    for line in misses:
        print(f"  MISSED  {line}")
    for line in alarms:
        print(f"  ALARM   {line}")
    runner.report()


def run_seed(folder: Path, runner: Runner) -> None:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    raw = (folder / "article.txt").read_text(encoding="utf-8")
    parsed = parse_txt(raw, id="seed")
    print(f"\n== seed: {folder} (published {gold.get('published')})")

    def make() -> newslens.Document:
        return newslens.Document.create(
            parsed.part_text("body") or "", headline=parsed.headline, byline=parsed.byline,
            published=gold.get("published"), id="seed",
        )

    doc_text = make().text
    findings = runner.findings("seed", make)
    headline = make().part("headline")
    used = set()
    for item in gold.get("contradictions", []):
        a = doc_text.find(item["a"])
        b = doc_text.find(item["b"], headline.end if headline else 0)
        if a < 0 or b < 0:
            print(f"  gold item not found in the text: {item}")
            continue
        a_span, b_span = (a, a + len(item["a"])), (b, b + len(item["b"]))
        spans = [n for n, f in enumerate(findings)
                 if overlaps(f["a"], a_span) and overlaps(f["b"], b_span)]
        used.update(spans)
        right = [n for n in spans
                 if findings[n].get("kind") == item["kind"]
                 and findings[n].get("scope") == item["scope"]]
        state = "found" if right else "spans only" if spans else "MISSING"
        extra = "" if right or not spans else " (got " + ", ".join(
            f"{findings[n].get('kind')}/{findings[n].get('scope')}" for n in spans) + ")"
        print(f"  {state:<10} {item['kind']}/{item['scope']}: {item['a']!r} / {item['b']!r}{extra}")
    others = [f for n, f in enumerate(findings) if n not in used]
    print(f"  other findings: {len(others)}")
    for f in others:
        print(f"    {show(f)}")
    same = [(doc_text.find(s), doc_text.find(s) + len(s)) for s in SEED_SAME]
    flagged = [f for f in findings
               if (overlaps(f["a"], same[0]) and overlaps(f["b"], same[1]))
               or (overlaps(f["a"], same[1]) and overlaps(f["b"], same[0]))]
    print(f"  {SEED_SAME[0]!r} vs {SEED_SAME[1]!r}: "
          + ("FLAGGED (wrongly): " + "; ".join(show(f) for f in flagged) if flagged
             else "not flagged (right)"))
    runner.report()


def run_speed(folder: Path, plugin: str, threshold: float | None, repeat: int) -> None:
    paths = sorted((folder / "dev" / "text").glob("*.txt"))
    print(f"\n== speed: {len(paths)} PolNeAR dev articles ({folder})")
    if not paths:
        print("  no articles found")
        return
    docs = [parse_txt(p.read_text(encoding="utf-8"), id=p.stem) for p in paths]
    without = make_pipeline("", None, readability=True)
    with_ = make_pipeline(plugin, threshold, readability=True)
    for pipeline in (without, with_):  # warm-up: dictionaries and tables loaded
        try:
            list(pipeline.pipe(docs[:5]))
        except Exception as exc:
            print(f"  warm-up raised: {exc!r}")
    runs: dict[str, list[float]] = {"without": [], "with": []}
    failed: dict[str, set[str]] = {"without": set(), "with": set()}
    for _ in range(repeat):
        for name, pipeline in (("without", without), ("with", with_)):
            gc.collect()
            started = time.perf_counter()
            try:  # in batches, as the CLI and Pipeline.pipe run them
                for doc in pipeline.pipe(docs):
                    if any(d.level == "error" for d in doc.diagnostics):
                        failed[name].add(doc.id or "?")
            except Exception as exc:
                failed[name].add(f"the batch raised {exc!r}")
            runs[name].append(time.perf_counter() - started)
    best_without, best_with = min(runs["without"]), min(runs["with"])
    added = best_with / best_without - 1
    print(f"  lite + dates + quotes + readability: {best_without:.2f} s; with contradictions: "
          f"{best_with:.2f} s (best of {repeat}, alternating)")
    print(f"  added: {added:+.1%} (target: at most +30%: {'met' if added <= 0.30 else 'NOT met'})")
    for name, ids in failed.items():
        if ids:
            print(f"  documents that raised ({name}): {len(ids)}: {', '.join(sorted(ids)[:10])}")
    run_cli(paths[:20], plugin, threshold)


def run_cli(paths: list[Path], plugin: str, threshold: float | None) -> None:
    from importlib.metadata import entry_points

    command = [sys.executable, "-m", "newslens", "analyze", "--backend", "lite",
               "--format", "json", *map(str, paths)]
    option = ["-O", f"contradictions.threshold={threshold}"] if threshold is not None else []
    env = dict(os.environ)
    blocked = [b for b in env.get("NEWSLENS_BLOCK_PLUGINS", "").split(",") if b]
    installed = any(ep.name == "contradictions" for ep in entry_points(group="newslens"))
    with tempfile.TemporaryDirectory() as tmp:
        note = ""
        if not installed:  # declare the entry point for the subprocess only
            info = Path(tmp) / "newslens_contradictions_eval-0.0.dist-info"
            info.mkdir()
            (info / "METADATA").write_text(
                "Metadata-Version: 2.1\nName: newslens-contradictions-eval\nVersion: 0.0\n",
                encoding="utf-8")
            (info / "entry_points.txt").write_text(
                f"[newslens]\ncontradictions = {plugin}\n", encoding="utf-8")
            note = " (entry point declared through a temporary .dist-info)"
        path_with = os.pathsep.join(p for p in (tmp, env.get("PYTHONPATH", "")) if p)
        for label, extra in (
            ("with", {"PYTHONPATH": path_with}),
            ("without", {"NEWSLENS_BLOCK_PLUGINS": ",".join([*blocked, "contradictions"])}),
        ):
            cmd = [*command, *option] if label == "with" else command
            started = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, env={**env, **extra}, check=False)
            elapsed = time.perf_counter() - started
            sections = ""
            if done.returncode in (0, 5):
                try:
                    out = json.loads(done.stdout)
                    docs = out if isinstance(out, list) else [out]
                    have = sum("contradictions" in d for d in docs)
                    sections = f", {have}/{len(docs)} documents with a contradictions section"
                except ValueError:
                    sections = ", output is not JSON"
            print(f"  CLI, newslens analyze --backend lite --format json, {len(paths)} articles, "
                  f"{label} contradictions{note if label == 'with' else ''}: {elapsed:.2f} s "
                  f"(exit {done.returncode}{sections})")
            if done.returncode not in (0, 5):
                print("    " + done.stderr.decode(errors="replace").strip()[-300:])


# -- main ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the options and run the chosen parts."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    data = ROOT.parent / "shared" / "data"
    parser.add_argument("--sick", type=Path, default=data / "contradiction" / "sick",
                        help="folder with SICK_trial.txt and SICK_train.txt "
                        "(default: ../shared/data/contradiction/sick)")
    parser.add_argument("--nan", type=Path, default=data / "contradiction" / "nan-nli" / "nan.csv",
                        help="the NaN-NLI CSV file (default: "
                        "../shared/data/contradiction/nan-nli/nan.csv)")
    parser.add_argument("--split", choices=("trial", "train"), default="trial",
                        help="SICK split (default: trial)")
    parser.add_argument("--articles", type=Path, default=FIXTURES,
                        help="folder of .txt articles with gold.json (default: the plugin's "
                        "test fixtures)")
    parser.add_argument("--seed", type=Path, default=data / "seed",
                        help="folder with article.txt and gold.json (default: ../shared/data/seed)")
    parser.add_argument("--polnear", type=Path, default=data / "polnear",
                        help="PolNeAR folder, dev/text/*.txt is timed (default: "
                        "../shared/data/polnear)")
    parser.add_argument("--threshold", type=float, default=None,
                        help="the plugin option contradictions.threshold (default: the plugin's)")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print N false positives and N false negatives per NLI data set")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts to run, of {','.join(PARTS)} (default: all)")
    parser.add_argument("--baseline-only", action="store_true",
                        help="score only the negation baseline on sick and nan (no plugin needed)")
    parser.add_argument("--plugin", default="newslens_contradictions", metavar="MODULE",
                        help="the plugin module (default: newslens_contradictions)")
    parser.add_argument("--repeat", type=int, default=3, help="speed rounds of each (default: 3)")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")

    runner: Runner | None = None
    if not args.baseline_only:
        try:
            runner = Runner(make_pipeline(args.plugin, args.threshold))
        except Exception as exc:
            print(f"cannot build the pipeline with {args.plugin}: {exc!r}; scoring only the "
                  "baseline (sick, nan)")
    if runner is None:
        parts = [p for p in parts if p in ("sick", "nan")]
    print(f"plugin: {'none (baseline only)' if runner is None else args.plugin}"
          + (f", contradictions.threshold={args.threshold}" if args.threshold is not None else ""))

    if "sick" in parts:
        try:
            run_nli(f"SICK {args.split}", read_sick(args.sick, args.split), runner, args,
                    target=True)
        except (OSError, ValueError, IndexError) as exc:
            print(f"\n== SICK: cannot read {args.sick}: {exc}")
    if "nan" in parts:
        try:
            run_nli("NaN-NLI", read_nan(args.nan), runner, args, target=False)
        except (OSError, ValueError, KeyError) as exc:
            print(f"\n== NaN-NLI: cannot read {args.nan}: {exc}")
    if runner is not None and "articles" in parts:
        run_articles(args.articles, runner)
    if runner is not None and "seed" in parts:
        run_seed(args.seed, runner)
    if runner is not None and "speed" in parts:
        run_speed(args.polnear, args.plugin, args.threshold, args.repeat)


if __name__ == "__main__":
    main()
