"""List the unmatched predictions of some newslens-quotes rules on PolNeAR, by kind of error.

Usage::

    python benchmarks/quotes_boundaries.py --data /work/shared/data/polnear --split train
    python benchmarks/quotes_boundaries.py --data DIR --split dev --rules reported --show 20

Every prediction of the chosen rules (:attr:`Quote.how`; ``reported`` and ``continued`` by
default) that matches no gold content (``quotes_polnear.py``'s one-to-one overlap matching,
as in ``quotes_calibration.py``) is compared with the gold content it shares most word
tokens with:

* ``none``: it shares no word with any gold content (not an attribution in PolNeAR's sense);
* ``boundary:SIDES``: it shares less than half (a boundary error, a false positive and a
  miss at once), with the sides that are wrong: ``start-early`` / ``start-late`` (the
  prediction starts before / after the gold) and ``end-long`` / ``end-short``.

It prints the count of each kind and, with ``--show N``, N examples of each (prediction,
gold, and the words before the prediction); ``--out FILE`` writes them all. Tune on train
and dev only.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from quotes_calibration import Predicted, matched, predict_all
from quotes_polnear import Article, Tokens, load_split, trimmed

_SLACK = 1  # characters a side may differ by and still count as right


def classify(article: Article, p: Predicted) -> tuple[str, str]:
    """The kind of error of the unmatched prediction *p*, and a description of it."""
    text, tokens = article.text, Tokens(article.text)
    mine = tokens.of(trimmed(text, p.pred.content))
    golds = [tokens.of(trimmed(text, g.content)) for g in article.gold]
    start = min(s.start for s in p.pred.content)
    end = max(s.end for s in p.pred.content)
    shown = f"  PRED ({p.how}, cue {p.cue!r}): {text[start:end]}\n" \
        f"  BEFORE: ...{text[max(0, start - 120):start]}"
    best = max(range(len(golds)), key=lambda g: len(golds[g] & mine), default=None)
    if best is None or not golds[best] & mine:
        return "none", shown
    gold = article.gold[best].content
    g_start, g_end = min(s.start for s in gold), max(s.end for s in gold)
    sides = [
        name for name, wrong in (
            ("start-early", start < g_start - _SLACK), ("start-late", start > g_start + _SLACK),
            ("end-long", end > g_end + _SLACK), ("end-short", end < g_end - _SLACK),
        ) if wrong
    ]
    gold_text = " | ".join(text[s.start : s.end] for s in gold)
    return "boundary:" + "+".join(sides or ["fragments"]), f"{shown}\n  GOLD: {gold_text}"


def main(argv: list[str] | None = None) -> int:
    """Run from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--split", default="train")
    parser.add_argument("--rules", default="reported,continued")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--plugin-module", default="newslens_quotes")
    args = parser.parse_args(argv)
    rules = frozenset(args.rules.split(","))
    articles, _ = load_split(args.data, args.split, args.limit)
    preds = predict_all(articles, args.plugin_module, args.jobs)
    kinds: dict[str, list[str]] = collections.defaultdict(list)
    for article, predicted in zip(articles, preds, strict=True):
        ok = matched(article, predicted)
        for i, p in enumerate(predicted):
            if p.how in rules and i not in ok:
                kind, shown = classify(article, p)
                kinds[kind].append(shown)
    total = sum(len(v) for v in kinds.values())
    print(f"PolNeAR {args.split}: {total} unmatched predictions of {', '.join(sorted(rules))}")
    for kind, shown in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"{kind:40} {len(shown):6}")
        for example in shown[: args.show]:
            print(example)
    if args.out is not None:
        args.out.write_text(
            "\n".join(f"[{k}]\n{s}" for k, v in kinds.items() for s in v) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
