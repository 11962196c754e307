"""Measure how often each newslens-quotes rule is right on PolNeAR, to calibrate its confidence.

Usage::

    python benchmarks/quotes_calibration.py --data /work/shared/data/polnear --split train
    python benchmarks/quotes_calibration.py --data DIR --split train --table   # TSV rows
    python benchmarks/quotes_calibration.py --data DIR --split dev --by-cue opinion

For every quote the plugin predicts (the lite pipeline of ``quotes_polnear.py``, with the
quotes plugin as its only plugin), the script reads its rule (:attr:`Quote.how`) and whether
it names a speaker (a speaker span in its sentence or a canonical speaker), and whether it
matches a gold content. Matching is ``quotes_polnear.py``'s: one to one, by overlap (at least
half of the gold's and half of the prediction's word tokens shared). It prints:

* per rule, with and without a speaker, per kind of quote: predictions, matched, precision,
  and the smoothed
  precision ``(matched + K * prior) / (predicted + K)`` (``K`` = ``--prior-weight``, 10),
  which pulls a row with few predictions toward its prior: the rule's own smoothed
  precision with and without a speaker together, itself smoothed the same way toward the
  precision of all predictions of the split. Rounded to two decimals, that is the row's
  confidence in ``newslens_quotes/data/confidence.tsv`` (``--table`` prints those rows;
  they were measured on train);
* the calibration table: predictions grouped by the confidence the plugin gave them
  (buckets of 0.1), with the precision observed in each: on the split the table was
  measured on, each bucket's precision lies inside it or near it; on another split, the
  distance says how well the numbers carry over;
* overlap P/R/F1 when quotes below a ``quotes.min_confidence`` threshold are dropped (0, .5,
  .6, .7, .8, .9 by default; ``--thresholds``): predictions are matched again after dropping;
* with ``--by-cue RULE``: that rule's predictions per cue (lower-cased cue text), to judge a
  frame.

The frames PolNeAR marks only part of the time (``want``, ``seem``...) are measured apart
from the rest of their rule: a row per cue (its lemmas) for each cue of the plugin's table
with a cue, and of ``--apart``, in each rule where it made at least 10 predictions; the
rule's ``*`` row counts the rest.

Figures come from the articles of one split; the default table was measured on train and
checked on dev (tune on those only).
"""

from __future__ import annotations

import argparse
import collections
import importlib
import math
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs
from quotes_polnear import (
    Article,
    Pred,
    Span,
    Tokens,
    load_split,
    make_pipeline,
    match,
    prf,
)

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


@attrs.frozen
class Predicted:
    """One predicted quote with what the calibration needs."""

    pred: Pred
    how: str
    speaker: bool
    confidence: float
    cue: str
    lemmas: str


_WORKER: dict[str, Any] = {}


def _init(module: str) -> None:
    _WORKER["pipeline"] = make_pipeline(module)
    _WORKER["key"] = importlib.import_module(module).QUOTES
    _WORKER["words"] = importlib.import_module(f"{module}.words").Words
    _WORKER["cue_key"] = importlib.import_module(f"{module}.confidence").cue_key


def _predict(article: Article) -> list[Predicted]:
    doc = _WORKER["pipeline"](article.doc)
    result = doc.get(_WORKER["key"])
    words = _WORKER["words"](doc)
    found = []
    for q in result.quotes if result is not None else ():
        parts = tuple(Span(p.start, p.end) for p in q.parts) or (Span(q.start, q.end),)
        pred = Pred(parts, q.kind)
        speaker = q.speaker is not None or q.speaker_name is not None
        cue = " ".join(q.cue.text.lower().split()) if q.cue is not None else "-"
        lemmas = "-"
        if q.cue is not None:
            first, end = words.token_at(q.cue.start), words.token_at(q.cue.end - 1) + 1
            lemmas = _WORKER["cue_key"](words.lemma[first:end])
        found.append(Predicted(pred, q.how, speaker, q.confidence, cue, lemmas))
    return found


def predict_all(articles: list[Article], module: str, jobs: int) -> list[list[Predicted]]:
    """The predictions of every article (in *jobs* worker processes when above 1)."""
    if jobs <= 1:
        _init(module)
        return [_predict(a) for a in articles]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init, initargs=(module,)) as p:
        return list(p.map(_predict, articles, chunksize=4))


def matched(
    article: Article, found: Sequence[Predicted], tokens: Tokens | None = None
) -> set[int]:
    """The indices of *found* that match a gold content (*tokens*: the article's, when
    the caller has them)."""
    pairs = match(article, [f.pred for f in found], tokens or Tokens(article.text))
    return {p.pred for p in pairs}


MIN_APART = 10
"""Predictions a cue needs in a rule (with and without a speaker) to be measured apart."""


def rule_of(
    p: Predicted, apart: frozenset[tuple[str, str]] = frozenset()
) -> tuple[str, str, str, str]:
    """The table's key of a prediction: its rule, whether it names a speaker, its kind, and
    its cue's lemmas when that cue is measured apart in that rule (``(how, lemmas)`` in
    *apart*), else ``*``."""
    cue = p.lemmas if (p.how, p.lemmas) in apart else "*"
    return p.how, "yes" if p.speaker else "no", p.pred.kind, cue


def apart_in_rules(found: Sequence[Predicted], cues: frozenset[str]) -> frozenset[tuple[str, str]]:
    """The ``(how, lemmas)`` of the *cues* with at least :data:`MIN_APART` predictions in a
    rule."""
    counts = collections.Counter((p.how, p.lemmas) for p in found if p.lemmas in cues)
    return frozenset(key for key, n in counts.items() if n >= MIN_APART)


def measured_apart(module: str) -> frozenset[str]:
    """The cues the plugin's table measures apart (its rows whose cue is not ``*``)."""
    table = importlib.import_module(f"{module}.confidence").table()
    return frozenset(key[-1] for key in table if key[-1] != "*")


def smoothed(hits: int, n: int, prior: float, weight: float) -> float:
    """``(hits + weight * prior) / (n + weight)``, the precision pulled toward *prior*."""
    return (hits + weight * prior) / (n + weight)


def print_rules(
    rows: collections.Counter[tuple[str, str, str, str]],
    hits: collections.Counter[tuple[str, str, str, str]],
    prior: float, weight: float, table: bool,
) -> None:
    """Print each rule's counts and precision (or, with *table*, the TSV rows)."""
    pooled_n: collections.Counter[str] = collections.Counter()
    pooled_h: collections.Counter[str] = collections.Counter()
    for key, n in rows.items():
        pooled_n[key[0]] += n
        pooled_h[key[0]] += hits[key]
    rule_prior = {
        how: smoothed(pooled_h[how], n, prior, weight) for how, n in pooled_n.items()
    }
    if table:
        print("how\tspeaker\tkind\tcue\tconfidence\tpredicted\tmatched")
    else:
        print(f"\n{'rule':<16} {'speaker':>7} {'kind':<8} {'cue':<12} {'pred':>6} {'match':>6} "
              f"{'P':>6} {'smoothed':>9}")
    for key in sorted(rows, key=lambda k: (-rows[k], k)):
        n, h = rows[key], hits[key]
        value = smoothed(h, n, rule_prior[key[0]], weight)
        if table:
            print("\t".join(key) + f"\t{value:.2f}\t{n}\t{h}")
        else:
            print(f"{key[0]:<16} {key[1]:>7} {key[2]:<8} {key[3]:<12} {n:>6} {h:>6} "
                  f"{h / n:>6.3f} {value:>9.3f}")


def print_buckets(found: list[tuple[Predicted, bool]]) -> None:
    """Print observed precision per confidence bucket (0.1 wide)."""
    buckets: dict[int, list[bool]] = collections.defaultdict(list)
    for p, ok in found:
        buckets[min(9, math.floor(p.confidence * 10 + 1e-9))].append(ok)
    print(f"\n{'confidence':<12} {'pred':>6} {'match':>6} {'observed P':>11}")
    for b in sorted(buckets):
        oks = buckets[b]
        print(f"{b / 10:.1f}-{(b + 1) / 10:.1f}{'':<4} {len(oks):>6} {sum(oks):>6} "
              f"{sum(oks) / len(oks):>11.3f}")


def print_thresholds(
    articles: list[Article], preds: list[list[Predicted]], thresholds: Sequence[float]
) -> None:
    """Print overlap P/R/F1 with the quotes below each threshold dropped."""
    gold = sum(len(a.gold) for a in articles)
    tokens = [Tokens(a.text) for a in articles]
    print(f"\n{'min_confidence':<15} {'pred':>6} {'match':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for t in thresholds:
        n = hits = 0
        for article, found, words in zip(articles, preds, tokens, strict=True):
            kept = [p for p in found if p.confidence >= t]
            n += len(kept)
            hits += len(matched(article, kept, words))
        p, r, f1 = prf(hits, n, gold)
        print(f"{t:<15.2f} {n:>6} {hits:>6} {p:>6.3f} {r:>6.3f} {f1:>6.3f}")


def print_cues(found: list[tuple[Predicted, bool]], how: str) -> None:
    """Print the predictions of the rule *how* per cue."""
    n: collections.Counter[str] = collections.Counter()
    h: collections.Counter[str] = collections.Counter()
    for p, ok in found:
        if p.how == how:
            n[p.cue] += 1
            h[p.cue] += ok
    print(f"\n{how}: {'cue':<24} {'pred':>6} {'match':>6} {'P':>6}")
    for cue, count in n.most_common():
        print(f"{'':<{len(how) + 2}}{cue:<24} {count:>6} {h[cue]:>6} {h[cue] / count:>6.3f}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--split", default="train", help="train or dev (default train)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--plugin-module", default="newslens_quotes", help="the quotes plugin")
    parser.add_argument("--prior-weight", type=float, default=10.0,
                        help="K of the smoothed precision (default 10)")
    parser.add_argument("--table", action="store_true",
                        help="print only the TSV rows of data/confidence.tsv")
    parser.add_argument("--apart", action="append", default=[], metavar="LEMMAS",
                        help="a cue measured apart from its rule (its lemmas, e.g. 'want'; "
                        "repeatable; the table's own are always)")
    parser.add_argument("--by-cue", action="append", default=[], metavar="RULE",
                        help="print that rule's predictions per cue (repeatable)")
    parser.add_argument("--thresholds", type=float, nargs="*", default=list(THRESHOLDS),
                        help="min_confidence values to score (default 0 .5 .6 .7 .8 .9)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the calibration from the command line."""
    args = parse_args(argv)
    articles, _ = load_split(args.data, args.split, args.limit)
    preds = predict_all(articles, args.plugin_module, args.jobs)
    found: list[tuple[Predicted, bool]] = []
    for article, predicted in zip(articles, preds, strict=True):
        ok = matched(article, predicted)
        found += [(p, i in ok) for i, p in enumerate(predicted)]
    cues = measured_apart(args.plugin_module) | frozenset(args.apart)
    apart = apart_in_rules([p for p, _ in found], cues)
    rows = collections.Counter(rule_of(p, apart) for p, _ in found)
    hits = collections.Counter(rule_of(p, apart) for p, ok in found if ok)
    prior = sum(ok for _, ok in found) / len(found) if found else 0.0
    if args.table:
        print_rules(rows, hits, prior, args.prior_weight, table=True)
        return 0
    print(f"PolNeAR {args.split}: {len(articles)} articles, "
          f"{sum(len(a.gold) for a in articles)} gold, {len(found)} predicted, "
          f"precision of all {prior:.3f}")
    print_rules(rows, hits, prior, args.prior_weight, table=False)
    print_buckets(found)
    print_thresholds(articles, preds, args.thresholds)
    for how in args.by_cue:
        print_cues(found, how)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
