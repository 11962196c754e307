"""Learn where reported contents end: the weights of ``newslens_quotes.boundaries``.

Usage::

    python benchmarks/quotes_train_boundaries.py --data /work/shared/data/polnear
    python benchmarks/quotes_train_boundaries.py --data DIR --folds 5 --check dev --no-write

For every reported content the rules find on PolNeAR's train split (the lite pipeline;
the rules' own ends, as ``find_quotes`` has them before the model runs),
:func:`newslens_quotes.boundaries.candidates_of` lists the places it may end. The gold
content it shares most word tokens with (``quotes_polnear.py``'s tokens and trimming)
decides which candidate is right: the one that would match that gold content by overlap
(half the tokens of each shared, as the benchmark scores), then the one that shares the
most (Dice), the rule's own end on a tie. Contents that share no word with a gold
content are left out. An averaged perceptron (``--epochs`` passes, shuffled with
``--seed``; features seen in fewer than ``--min-count`` contents get no weight) learns to
rank the right candidate first; ``--margin`` is added to the weight of the feature only
the rule's own end has, so that another end must beat it by that much. The averaged
weights, rounded, go to ``newslens_quotes/data/boundaries.tsv`` (``--out``) with a header
saying how they were made: feature names (common words, word shapes, rule names) and
numbers, no text of the corpus. The same command gives the same table.

It prints, for the contents of the split, how many would match their gold content by
overlap and exactly with the rules' ends and with the model's; ``--folds N`` measures the
same on held-out articles (N-fold cross-validation by article, on the training split
only), and ``--check SPLIT`` on another split (dev). Judge the model with
``quotes_polnear.py`` run with the ``quotes.learned_boundaries`` option on and off.
"""

from __future__ import annotations

import argparse
import collections
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newslens_quotes import boundaries
from quotes_polnear import (
    Article,
    Span,
    Tokens,
    lite_pipeline,
    load_split,
    map_articles,
    trimmed,
    write_weights,
)

KEEP = boundaries.KEEP  # the feature only the rule's own end has
MARGIN = 12.0
MIN_COUNT = 3
"""The margin and the rarest feature kept: chosen by cross-validation on train
(``--folds 5``), where they matched the most contents by overlap."""
# the candidates' features, the right one, and for each candidate whether it would match
# the gold content by overlap and exactly (same word tokens)
Example = tuple[tuple[tuple[str, ...], ...], int, tuple[tuple[bool, bool], ...]]


def examples_of(article: Article) -> tuple[list[Example], collections.Counter[str]]:
    """The training examples of one article, and counts of the contents left out."""
    from newslens_quotes import engine

    doc = lite_pipeline()(article.doc)
    text = doc.text
    run = engine._Run(doc, engine._index_of(None))
    seen: list[tuple[Any, list[boundaries.Candidate]]] = []

    def collect(rules: Any, reported: Sequence[Any]) -> None:
        seen.extend(boundaries.candidates_of(rules, reported))

    run.attributions(True, collect)
    tokens = Tokens(text)
    golds = [tokens.of(trimmed(text, g.content)) for g in article.gold]
    counts: collections.Counter[str] = collections.Counter()
    found: list[Example] = []
    for f, chosen in seen:
        spans = [tokens.of(trimmed(text, [Span(f.start, c.stop)])) for c in chosen]
        best = max(golds, key=lambda g: len(g & spans[0]), default=frozenset())
        if not best & spans[0]:
            counts["shares no word with a gold content"] += 1
            continue
        ok = tuple(
            (2 * len(best & s) >= max(len(best), len(s)), best == s) for s in spans
        )
        dice = [2 * len(best & s) / (len(best) + len(s)) for s in spans]
        # the right end: one that matches by overlap, then exactly, then shares the most
        right = max(range(len(dice)), key=lambda i: (ok[i], dice[i], -i))
        counts["examples"] += 1
        counts["the rule's end is best"] += right == 0
        found.append((tuple(c.features for c in chosen), right, ok))
    return found, counts


def collect_examples(data: Path, split: str, limit: int, jobs: int) -> list[list[Example]]:
    """The examples of every article of *split*, by article (in *jobs* processes)."""
    articles, _ = load_split(data, split, limit)
    results = map_articles(examples_of, articles, jobs)
    counts: collections.Counter[str] = collections.Counter()
    examples: list[list[Example]] = []
    for found, more in results:
        examples.append(found)
        counts.update(more)
    print(f"PolNeAR {split}: {len(articles)} articles; "
          + ", ".join(f"{what}: {n}" for what, n in sorted(counts.items())))
    return examples


def _scores(weights: dict[str, float], example: Example) -> list[float]:
    return [sum(weights.get(name, 0.0) for name in feats) for feats in example[0]]


def _argmax(values: Sequence[float]) -> int:
    return max(range(len(values)), key=lambda i: (values[i], -i))


def train(
    examples: Sequence[Example], epochs: int, seed: int, min_count: int = 1
) -> dict[str, float]:
    """Averaged-perceptron weights that rank each example's right candidate first; a
    feature seen in fewer than *min_count* examples gets no weight."""
    seen = collections.Counter(name for e in examples for name in set().union(*e[0]))
    examples = [
        (tuple(tuple(n for n in feats if seen[n] >= min_count) for feats in e[0]), e[1], e[2])
        for e in examples
    ]
    weights: dict[str, float] = collections.defaultdict(float)
    totals: dict[str, float] = collections.defaultdict(float)  # sum of updates * their step
    order = list(range(len(examples)))
    rng = random.Random(seed)
    step = 1
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            example = examples[n]
            guess = _argmax(_scores(weights, example))
            right = example[1]
            if guess != right:
                for name in example[0][right]:
                    weights[name] += 1.0
                    totals[name] += step
                for name in example[0][guess]:
                    weights[name] -= 1.0
                    totals[name] -= step
            step += 1
    # the average of the weights after every step: w - totals / steps
    return {name: w - totals[name] / step for name, w in weights.items()}


def matches(weights: dict[str, float], examples: Sequence[Example]) -> tuple[int, int, int, int]:
    """Contents that would match their gold by overlap and exactly with the rule's ends, and
    with the model's choices."""
    rule_ovl = rule_exact = model_ovl = model_exact = 0
    for e in examples:
        pick = _argmax(_scores(weights, e))
        rule_ovl += e[2][0][0]
        rule_exact += e[2][0][1]
        model_ovl += e[2][pick][0]
        model_exact += e[2][pick][1]
    return rule_ovl, rule_exact, model_ovl, model_exact


def cross_validate(
    by_article: Sequence[Sequence[Example]], folds: int, epochs: int, seed: int, margin: float,
    min_count: int,
) -> tuple[int, int, int, int]:
    """:func:`matches` on held-out articles (article *n* in fold ``n % folds``), summed
    over the folds."""
    total = [0, 0, 0, 0]
    for fold in range(folds):
        learn = [e for n, found in enumerate(by_article) if n % folds != fold for e in found]
        held = [e for n, found in enumerate(by_article) if n % folds == fold for e in found]
        weights = train(learn, epochs, seed, min_count)
        weights[KEEP] = weights.get(KEEP, 0.0) + margin
        total = [a + b for a, b in zip(total, matches(weights, held), strict=True)]
    return total[0], total[1], total[2], total[3]


def _report(name: str, counts: tuple[int, int, int, int], size: int) -> None:
    print(f"{name}: {size} contents sharing words with a gold one; matching it by overlap: "
          f"rule {counts[0]}, model {counts[2]}; exactly: rule {counts[1]}, model {counts[3]}")


def main(argv: list[str] | None = None) -> int:
    """Run from the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--split", default="train", help="the split to learn from")
    parser.add_argument("--check", default=None, help="a split to measure the model on")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--margin", type=float, default=MARGIN,
                        help="how much more than the rule's end another end must score")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT,
                        help="examples a feature needs to get a weight")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--folds", type=int, default=0,
                        help="also measure by cross-validation over the split's articles")
    parser.add_argument("--out", type=Path, default=None,
                        help="where the weights go (default: the plugin's data/boundaries.tsv)")
    parser.add_argument("--no-write", action="store_true", help="print figures only")
    args = parser.parse_args(argv)
    by_article = collect_examples(args.data, args.split, args.limit, args.jobs)
    examples = [e for found in by_article for e in found]
    if not examples:
        raise SystemExit("no training examples: is --data a PolNeAR folder?")
    weights = train(examples, args.epochs, args.seed, args.min_count)
    # the rule's end keeps its place unless another scores more than the margin above it
    weights[KEEP] = weights.get(KEEP, 0.0) + args.margin
    _report(f"{args.split} (learned from)", matches(weights, examples), len(examples))
    if args.folds > 1:
        held_out = cross_validate(
            by_article, args.folds, args.epochs, args.seed, args.margin, args.min_count
        )
        _report(f"{args.split}, {args.folds}-fold cross-validation by article", held_out,
                len(examples))
    if args.check:
        checked = [e for found in collect_examples(args.data, args.check, 0, args.jobs)
                   for e in found]
        _report(args.check, matches(weights, checked), len(checked))
    if args.no_write:
        return 0
    if args.out is None:
        from importlib import resources

        out = Path(str(resources.files("newslens_quotes").joinpath("data", "boundaries.tsv")))
    else:
        out = args.out
    header = (
        "Weights of newslens_quotes.boundaries: where a reported content ends.\n"
        f"Made by benchmarks/quotes_train_boundaries.py --split {args.split} --epochs "
        f"{args.epochs} --seed {args.seed}\n--margin {args.margin:g} --min-count "
        f"{args.min_count}: an averaged perceptron ranking the candidate ends of\n"
        f"{len(examples)} contents of PolNeAR's {args.split} split that share words with a "
        "gold content.\nFeature names only (common words, word shapes, rule names); no text "
        "of the corpus.\nThe feature 'same' (the rule's own end) carries the margin."
    )
    rows = write_weights(out, weights, header)
    print(f"wrote {rows} weights to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
