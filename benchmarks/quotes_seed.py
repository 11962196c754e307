"""Check newslens-quotes on the seed article: each gold quote found, with kind, cue and speaker.

Usage::

    python benchmarks/quotes_seed.py --data /work/shared/data/seed

Reads ``article.txt`` as ``newslens analyze`` does (``newslens.io.loaders.parse_txt``: line 1
headline, line 2 byline, then the body), sets ``published`` from ``gold.json``, runs the lite
pipeline with the ``newslens_quotes`` plugin as its only plugin (the pipeline and the reading
of ``doc.to_dict()["quotes"]`` are those of ``quotes_polnear.py``) and prints, for each gold
quote (``gold.json`` ``quotes``: quote, speaker, kind, cue):

* found: a predicted quote content matches the gold quote's first occurrence in the body,
  one to one and by overlap as in ``quotes_polnear.py`` (after trimming white space,
  quotation marks and final punctuation, at least half of the gold's and half of the
  prediction's word tokens shared; ``exact`` when the trimmed spans are identical);
* kind right: the prediction's ``kind`` equals the gold kind;
* cue right: the predicted cue's text equals the gold cue (case and white space ignored);
  ``partly`` when one contains the other as whole words;
* speaker right: the prediction's ``speaker_name`` equals the gold speaker.

Then that no ``not_quotes`` string (each of its occurrences in ``doc.text``) is reported as a
quote content (matched by the same overlap rule), and the predictions that match no gold
quote. Lines of gold quotes that were not found start with ``MISSING``. This is a report: it
exits 0 whatever it finds; it exits with a message (status 1) only when the plugin cannot be
imported or gives the pipeline no enricher.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path
from typing import Any

import attrs
from quotes_polnear import (
    Article,
    Gold,
    Pair,
    Pred,
    Span,
    Tokens,
    match,
    newslens_predictor,
    quotes_module,
)

from newslens import Document
from newslens.io.loaders import parse_txt


def load(data: Path) -> tuple[Document, dict[str, Any]]:
    """Read the seed article the CLI's way, with the gold publication date."""
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    text = (data / "article.txt").read_text(encoding="utf-8")
    doc = parse_txt(text, id="seed", source=str(data / "article.txt"))
    return attrs.evolve(doc, published=gold.get("published")), gold


def locate(doc: Document, needle: str) -> list[Span]:
    """Return every occurrence of *needle* in the body, as ``doc.text`` spans."""
    part = doc.part("body")
    base = part.start if part is not None else 0
    body = doc.body
    return [Span(base + m.start(), base + m.end()) for m in re.finditer(re.escape(needle), body)]


def _words(text: str | None) -> list[str]:
    return (text or "").lower().split()


def cue_verdict(article: Article, pred: Pred, gold_cue: str) -> str:
    """Return ``right``, ``partly`` or ``wrong`` for the predicted cue against *gold_cue*."""
    if pred.cue is None:
        return "wrong"
    ours, theirs = _words(article.text[pred.cue.start : pred.cue.end]), _words(gold_cue)
    if ours == theirs:
        return "right"
    inner, outer = sorted((ours, theirs), key=len)
    windows = (outer[i : i + len(inner)] for i in range(len(outer) - len(inner) + 1))
    return "partly" if inner and any(w == inner for w in windows) else "wrong"


def _show(article: Article, span: Span | None) -> str:
    return "none" if span is None else repr(article.text[span.start : span.end])


def report_quotes(
    article: Article, items: list[dict[str, Any]], preds: tuple[Pred, ...], pairs: list[Pair]
) -> tuple[int, int, int, int, int]:
    """Print one line per gold quote; return found, exact, kind, cue and speaker right counts."""
    by_gold = {pair.gold: pair for pair in pairs}
    found = exact = kind_ok = cue_ok = speaker_ok = 0
    for gi, item in enumerate(items):
        want = f"{item['kind']}, cue {item['cue']!r}, speaker {item['speaker']!r}"
        pair = by_gold.get(gi)
        if pair is None:
            print(f"MISSING  {item['quote']!r}\n         gold: {want}")
            continue
        pred = preds[pair.pred]
        cue = cue_verdict(article, pred, item["cue"])
        checks = {
            "kind": pred.kind == item["kind"],
            "cue": cue == "right",
            "speaker": pred.speaker_name == item["speaker"],
        }
        found += 1
        exact += pair.exact
        kind_ok += checks["kind"]
        cue_ok += checks["cue"]
        speaker_ok += checks["speaker"]
        wrong = [name for name, ok in checks.items() if not ok]
        if cue == "partly":
            wrong[wrong.index("cue")] = "cue (partly)"
        flag = f"   <-- WRONG {', '.join(wrong)}" if wrong else ""
        status = "found" + (" exact" if pair.exact else "")
        print(f"{status:<12} {item['quote']!r}")
        print(f"         gold: {want}")
        print(
            f"         ours: {pred.kind}, cue {_show(article, pred.cue)}, speaker "
            f"{pred.speaker_name!r} ({_show(article, pred.speaker)}), content "
            f"{_show(article, pred.content[0])}{flag}"
        )
    return found, exact, kind_ok, cue_ok, speaker_ok


def report_not_quotes(article: Article, strings: list[str], preds: tuple[Pred, ...]) -> int:
    """Print the ``not_quotes`` strings reported as a quote content; return how many."""
    bad = 0
    for needle in strings:
        spans = locate(article.doc, needle)
        fake = attrs.evolve(article, gold=tuple(Gold((s,), (), (), needle) for s in spans))
        hits = match(fake, preds, Tokens(article.text))
        if not spans:
            print(f"not-quote {needle!r}: not in the body (check the gold)")
        elif hits:
            bad += 1
            shown = _show(article, preds[hits[0].pred].content[0])
            print(f"REPORTED not-quote {needle!r} as a quote: {shown}")
        else:
            print(f"ok: not-quote {needle!r} is not reported as a quote")
    return bad


def main(argv: list[str] | None = None) -> int:
    """Print the report; exit 0 (1 only when the plugin is not usable)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the seed folder")
    parser.add_argument("--plugin-module", default="newslens_quotes", help="the quotes plugin")
    parser.add_argument(
        "-O", "--option", action="append", default=[], metavar="NAME=VALUE",
        help="a plugin option (repeatable), e.g. quotes.learned_candidates=true",
    )
    args = parser.parse_args(argv)
    quotes_module(args.plugin_module)  # exits with a message when it cannot be imported
    doc, gold = load(args.data)
    items = gold["quotes"]
    golds: list[Gold] = []
    for item in items:
        spans = locate(doc, item["quote"])
        if not spans:
            print(f"gold quote not in the body (check the gold): {item['quote']!r}")
        golds.append(Gold(tuple(spans[:1]), (), (), item["quote"]))
    article = Article("seed", doc, tuple(golds), (), collections.Counter())
    outcome = newslens_predictor(args.plugin_module, args.option)(article)
    preds = outcome.preds
    if outcome.error:
        print(f"pipeline diagnostics: {outcome.error}")
    pairs = match(article, preds, Tokens(article.text))
    reported = f"{len(preds)} quotes reported, {len(items)} gold"
    print(f"seed article, published {doc.published}: {reported}\n")
    found, exact, kind_ok, cue_ok, speaker_ok = report_quotes(article, items, preds, pairs)
    print()
    bad = report_not_quotes(article, gold.get("not_quotes", []), preds)
    matched = {pair.pred for pair in pairs}
    extra = [pred for i, pred in enumerate(preds) if i not in matched]
    for pred in extra:
        print(
            f"not in the gold: {pred.kind} {_show(article, pred.content[0])} "
            f"speaker {pred.speaker_name!r} cue {_show(article, pred.cue)}"
        )
    total = len(items)
    print(
        f"\nfound {found}/{total} ({exact} exact); of those found: kind right {kind_ok}/{found}, "
        f"cue right {cue_ok}/{found}, speaker_name right {speaker_ok}/{found}; "
        f"not-quotes reported {bad}/{len(gold.get('not_quotes', []))}; "
        f"{len(extra)} reported quotes not in the gold"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
