"""Where newslens-quotes misses PolNeAR's attributions, and where its extra predictions are.

Usage::

    python benchmarks/quotes_misses.py --data ../shared/data/polnear --split dev
    python benchmarks/quotes_misses.py --data DIR --split train --jobs 2 --top 40

Runs the ``newslens`` predictor of ``quotes_polnear.py`` (the lite pipeline with only the
quotes plugin; ``-O NAME=VALUE`` sets a plugin option) and matches it to the gold with that
script's one-to-one overlap matching. Every gold content no prediction matched, and every
prediction no gold content matched, is put in one group by its word tokens
(``quotes_polnear.py``'s tokens and trimming):

* ``none``: it shares no word with any prediction (for a gold content) or with any gold
  content (for a prediction);
* ``boundary``: it shares words with one left unmatched on the other side, but not half of
  each side's words (the same statement, other ends);
* ``taken``: it shares words only with ones matched to something else (for a prediction,
  mostly a second prediction inside a gold content that another one matched).

Gold contents are counted apart by whether they hold a double quotation mark. For the gold
contents in ``none`` without quotation marks, the script also prints how many distinct gold
cue texts they have (lower case) and the ``--top`` most frequent: how long the tail of
attributions no rule reaches is.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from quotes_polnear import (
    Article,
    Outcome,
    Tokens,
    has_double_mark,
    load_split,
    match,
    newslens_predictor,
    predict_all,
    trimmed,
)


def _group(own: frozenset[int], others: list[frozenset[int]], matched: set[int]) -> str:
    best = max(((len(own & other), n) for n, other in enumerate(others)), default=(0, -1))
    if best[0] == 0:
        return "none"
    return "taken" if best[1] in matched else "boundary"


def tally(
    article: Article, outcome: Outcome, gold: collections.Counter[str],
    preds: collections.Counter[str], cues: collections.Counter[str],
) -> None:
    """Add one article's unmatched gold contents and predictions to the counts."""
    text = article.text
    tokens = Tokens(text)
    pairs = match(article, outcome.preds, tokens)
    gold_matched = {p.gold for p in pairs}
    pred_matched = {p.pred for p in pairs}
    gold_tokens = [tokens.of(trimmed(text, g.content)) for g in article.gold]
    pred_tokens = [tokens.of(trimmed(text, p.content)) for p in outcome.preds]
    for n, g in enumerate(article.gold):
        marked = "with marks" if has_double_mark(text, g.content) else "without marks"
        if n in gold_matched:
            gold[f"{marked}: matched"] += 1
            continue
        group = _group(gold_tokens[n], pred_tokens, pred_matched)
        gold[f"{marked}: {group}"] += 1
        if group == "none" and marked == "without marks":
            cues[" ".join(text[c.start:c.end] for c in g.cues).lower() or "(no cue)"] += 1
    for n, p in enumerate(outcome.preds):
        if n in pred_matched:
            preds["matched"] += 1
        else:
            preds[f"{p.kind}: {_group(pred_tokens[n], gold_tokens, gold_matched)}"] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--top", type=int, default=20, help="cues of untouched gold shown")
    parser.add_argument("-O", "--option", action="append", default=[], metavar="NAME=VALUE",
                        help="a plugin option, e.g. quotes.learned_candidates=true")
    args = parser.parse_args(argv)
    articles, _ = load_split(args.data, args.split, args.limit)
    outcomes = predict_all(
        articles, lambda: newslens_predictor("newslens_quotes", tuple(args.option)), args.jobs
    )
    gold: collections.Counter[str] = collections.Counter()
    preds: collections.Counter[str] = collections.Counter()
    cues: collections.Counter[str] = collections.Counter()
    for article, outcome in zip(articles, outcomes, strict=True):
        tally(article, outcome, gold, preds, cues)
    print(f"PolNeAR {args.split}: {len(articles)} articles")
    print("gold contents:", ", ".join(f"{k} {v}" for k, v in sorted(gold.items())))
    print("predictions:", ", ".join(f"{k} {v}" for k, v in sorted(preds.items())))
    print(f"untouched gold without marks: {sum(cues.values())}, {len(cues)} distinct cue texts; "
          "most frequent: " + ", ".join(f"{c!r} {n}" for c, n in cues.most_common(args.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
