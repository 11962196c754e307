"""Learn which statements no cue of the lexicon introduces: the weights of
``newslens_quotes.learned_cues``.

Usage::

    python benchmarks/quotes_train_candidates.py --data /work/shared/data/polnear
    python benchmarks/quotes_train_candidates.py --data DIR --folds 5 --check dev --no-write

For every article of PolNeAR's train split (the lite pipeline) the rules find their
attributions (``find_quotes``'s rules, before the model adds any statement), and
:func:`newslens_quotes.learned_cues.proposals` lists the candidate statements beside them.
A candidate is right when its content matches by overlap (half the word tokens of each
shared, ``quotes_polnear.py``'s tokens and trimming) a gold content that no prediction of
the rules matches. A logistic regression (``--epochs`` passes of stochastic gradient
descent, shuffled with ``--seed``, L2 penalty ``--l2``; features seen in fewer than
``--min-count`` candidates get no weight) learns the probability that a candidate is right.

``--folds N`` (default 5) measures it on held-out articles (N-fold cross-validation by
article, on the training split only): for each threshold, the candidates kept (as
:func:`~newslens_quotes.learned_cues.chosen` keeps them), how many are right (each gold
content counted once), and what the overall overlap F1 of the split would become,
``2 (M + h) / (P + k + G)`` with the rules' M matches, P predictions and G gold contents.
The threshold with the best cross-validated F1 among those whose kept candidates are
right at least ``--min-precision`` of the time is written to the table's ``threshold``
row. ``--check SPLIT`` prints the same on another split (dev) with the weights learned on
the whole training split. The weights, rounded, go to
``newslens_quotes/data/learned_cues.tsv`` (``--out``) with a header saying how they were
made: feature names (lemmas, common words, word shapes) and numbers, no text of the
corpus. The same command gives the same table. Judge the model with ``quotes_polnear.py``
run with ``-O quotes.learned_candidates=true`` and without.
"""

from __future__ import annotations

import argparse
import collections
import math
import random
from collections.abc import Sequence
from pathlib import Path

from newslens_quotes import learned_cues
from quotes_polnear import (
    Article,
    Pred,
    Span,
    Tokens,
    lite_pipeline,
    load_split,
    map_articles,
    match,
    trimmed,
    write_weights,
)

# a candidate: its features, whether it is right, the gold content it matches (-1: none),
# and its token bounds (verb, content start, content end) for choosing as the plugin does
Example = tuple[tuple[str, ...], bool, int, tuple[int, int, int]]
# an article: its candidates, and the rules' predictions, matches and gold contents
Counted = tuple[list[Example], int, int, int]
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def examples_of(article: Article) -> Counted:
    """The candidates of one article, labelled, with the rules' counts."""
    from newslens_quotes import engine

    doc = lite_pipeline()(article.doc)
    text = doc.text
    run = engine._Run(doc, engine._index_of(None))
    found = run.attributions(True)
    found_list = learned_cues.proposals(run.rules, found)
    result = run.build(found)
    preds = [
        Pred(tuple(Span(p.start, p.end) for p in q.parts), q.kind) for q in result.quotes
    ]
    tokens = Tokens(text)
    pairs = match(article, preds, tokens)
    matched = {p.gold for p in pairs}
    golds = [tokens.of(trimmed(text, g.content)) for g in article.gold]
    words = run.words
    examples: list[Example] = []
    for p in found_list:
        span = tokens.of(trimmed(text, [Span(words.start[p.first], words.end[p.end - 1])]))
        right = -1
        best = 0.0
        for n, g in enumerate(golds):
            shared = len(g & span)
            if n in matched or not shared or 2 * shared < max(len(g), len(span)):
                continue
            dice = 2 * shared / (len(g) + len(span))
            if dice > best:
                right, best = n, dice
        examples.append((p.features, right >= 0, right, (p.cue, p.first, p.end)))
    return examples, len(preds), len(pairs), len(golds)


def collect(data: Path, split: str, limit: int, jobs: int) -> list[Counted]:
    """The candidates of every article of *split* (in *jobs* processes)."""
    articles, _ = load_split(data, split, limit)
    results = map_articles(examples_of, articles, jobs)
    size = sum(len(r[0]) for r in results)
    right = sum(e[1] for r in results for e in r[0])
    reachable = len({(n, e[2]) for n, r in enumerate(results) for e in r[0] if e[1]})
    p, m, g = (sum(r[i] for r in results) for i in (1, 2, 3))
    print(f"PolNeAR {split}: {len(articles)} articles; rules: {p} predictions, {m} match, "
          f"{g} gold (overlap F1 {2 * m / (p + g):.4f}); {g - m} gold contents unmatched; "
          f"{size} candidates, {right} right, reaching {reachable} of the unmatched; an oracle "
          f"keeping one right candidate for each would give overlap F1 "
          f"{2 * (m + reachable) / (p + reachable + g):.4f}")
    return results


def train(
    examples: Sequence[Example], epochs: int, seed: int, l2: float, min_count: int, rate: float
) -> dict[str, float]:
    """Logistic-regression weights (stochastic gradient descent, L2 penalty, a learning
    rate that falls with each pass); a feature seen in fewer than *min_count* candidates
    gets none."""
    seen = collections.Counter(name for e in examples for name in e[0])
    rows = [([n for n in e[0] if seen[n] >= min_count], e[1]) for e in examples]
    weights: dict[str, float] = collections.defaultdict(float)
    order = list(range(len(rows)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1 + epoch)
        for n in order:
            names, label = rows[n]
            z = sum(weights[name] for name in names)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (1.0 if label else 0.0) - p
            for name in names:
                weights[name] += step * (g - l2 * weights[name])
    return dict(weights)


def kept(
    weights: dict[str, float], results: Sequence[Counted], threshold: float
) -> tuple[int, int]:
    """Candidates kept at *threshold* (as the plugin chooses them) and how many right
    (each gold content once)."""
    k = h = 0
    for found, *_ in results:
        proposals = [
            learned_cues.Proposal(b[0], b[1], b[2], None, f) for f, _, _, b in found
        ]
        gold_of = {(b[0], b[1], b[2]): g for _, _, g, b in found}
        right: set[int] = set()
        for p, _ in learned_cues.chosen(weights, proposals, threshold):
            k += 1
            g = gold_of[(p.cue, p.first, p.end)]
            if g >= 0 and g not in right:
                right.add(g)
                h += 1
    return k, h


def _table(name: str, results: Sequence[Counted], by_threshold: dict[float, tuple[int, int]],
           minimum: float) -> float:
    """Print the figures of each threshold; return the one with the best F1 among those
    right at least *minimum* of the time."""
    p, m, g = (sum(r[i] for r in results) for i in (1, 2, 3))
    unmatched = g - m
    print(f"\n{name}: rules' overlap F1 {2 * m / (p + g):.4f}")
    print("threshold  kept  right  precision  recall(unmatched)  overall F1")
    best, top = 1.0, 2 * m / (p + g)
    for t, (k, h) in sorted(by_threshold.items()):
        f1 = 2 * (m + h) / (p + k + g)
        print(f"{t:9.2f} {k:5d} {h:6d} {h / k if k else 0:10.3f} {h / unmatched:18.3f} "
              f"{f1:11.4f}")
        if k and h / k >= minimum and f1 > top:
            best, top = t, f1
    return best


def main(argv: list[str] | None = None) -> int:
    """Run from the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--split", default="train", help="the split to learn from")
    parser.add_argument("--check", default=None, help="a split to measure the model on")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--rate", type=float, default=0.1)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-precision", type=float, default=0.45,
                        help="the precision a threshold must reach on held-out articles")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None,
                        help="where the weights go (default: the plugin's data/learned_cues.tsv)")
    parser.add_argument("--no-write", action="store_true", help="print figures only")
    args = parser.parse_args(argv)
    results = collect(args.data, args.split, args.limit, args.jobs)
    examples = [e for r in results for e in r[0]]
    if not examples:
        raise SystemExit("no candidates: is --data a PolNeAR folder?")

    def fit(chosen: Sequence[Example]) -> dict[str, float]:
        return train(chosen, args.epochs, args.seed, args.l2, args.min_count, args.rate)

    threshold = 1.0
    if args.folds > 1:
        held: dict[float, list[int]] = {t: [0, 0] for t in THRESHOLDS}
        for fold in range(args.folds):
            weights = fit([e for n, r in enumerate(results) if n % args.folds != fold
                           for e in r[0]])
            part = [r for n, r in enumerate(results) if n % args.folds == fold]
            for t in THRESHOLDS:
                k, h = kept(weights, part, t)
                held[t][0] += k
                held[t][1] += h
        threshold = _table(
            f"{args.split}, {args.folds}-fold cross-validation by article", results,
            {t: (k, h) for t, (k, h) in held.items()}, args.min_precision,
        )
        print(f"threshold chosen: {threshold:g}")
    weights = fit(examples)
    if args.check:
        checked = collect(args.data, args.check, 0, args.jobs)
        _table(args.check, checked, {t: kept(weights, checked, t) for t in THRESHOLDS}, 0.0)
    if args.no_write:
        return 0
    if args.out is None:
        from importlib import resources

        out = Path(str(resources.files("newslens_quotes").joinpath("data", "learned_cues.tsv")))
    else:
        out = args.out
    header = (
        "Weights of newslens_quotes.learned_cues: statements no cue of the lexicon introduces.\n"
        f"Made by benchmarks/quotes_train_candidates.py --split {args.split} --epochs "
        f"{args.epochs} --seed {args.seed}\n--l2 {args.l2:g} --rate {args.rate:g} --min-count "
        f"{args.min_count} --folds {args.folds} --min-precision {args.min_precision:g}:\n"
        f"a logistic regression over {len(examples)} candidates of PolNeAR's {args.split} "
        "split;\nthe row 'threshold' is the probability a candidate needs (chosen by "
        "cross-validation).\nFeature names only (lemmas, common words, word shapes); no text "
        "of the corpus."
    )
    rows = write_weights(out, weights, header, [f"{learned_cues.THRESHOLD}\t{threshold:g}"])
    print(f"wrote {rows} weights to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
