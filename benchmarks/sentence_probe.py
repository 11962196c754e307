"""Sentence-boundary accuracy of the lite annotator on a hand-written probe set.

The probe set (``benchmarks/probes/sentences.txt``) holds short news-like
passages written for newslens, one gold sentence per line and a blank line
between passages; a passage's text is its lines joined by single spaces.

Prints boundary precision, recall and F1 and the share of passages split
exactly right, for lite and, side by side, for every peer splitter that is
importable (pysbd, sentencex, syntok, blingfire; none is a newslens dependency).

Usage::

    python benchmarks/sentence_probe.py [--probes FILE] [--show-errors]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from newslens import Document
from newslens.annotators.lite import LiteAnnotator

Splitter = Callable[[str], list[tuple[int, int]]]
"""A function from text to sentence character spans."""

DEFAULT_PROBES = Path(__file__).with_name("probes") / "sentences.txt"


def read_probes(path: Path) -> list[tuple[str, list[str]]]:
    """Return ``(category, gold sentences)`` for every passage in *path*."""
    passages: list[tuple[str, list[str]]] = []
    block: list[str] = []
    category = ""
    last_comment = ""
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if line.startswith("#"):
            last_comment = line.lstrip("# ")
            continue
        if line:
            if not block:
                category = last_comment
            block.append(line)
        elif block:
            passages.append((category, block))
            block = []
    return passages


def boundaries(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Return the start offsets of every sentence but the first, white space skipped."""
    starts = set()
    for start, _end in spans:
        while start < len(text) and text[start].isspace():
            start += 1
        if 0 < start < len(text):
            starts.add(start)
    return starts


def lite_splitter() -> Splitter:
    """The lite annotator as a splitter."""
    annotator = LiteAnnotator()

    def split(text: str) -> list[tuple[int, int]]:
        doc = annotator.annotate(Document.create(text))
        return [(s.start, s.end) for s in doc.sentences]

    return split


def peer_splitters() -> dict[str, Splitter]:
    """Return the installed peer splitters by name."""
    peers: dict[str, Splitter] = {}
    try:
        import pysbd
    except ImportError:
        pass
    else:
        segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
        peers["pysbd"] = lambda text: [(s.start, s.end) for s in segmenter.segment(text)]
    try:
        import sentencex
    except ImportError:
        pass
    else:
        peers["sentencex"] = lambda text: [
            (b["start_index"], b["end_index"])
            for b in sentencex.get_sentence_boundaries("en", text)
        ]
    try:
        from syntok import segmenter as syntok_segmenter
    except ImportError:
        pass
    else:

        def syntok_split(text: str) -> list[tuple[int, int]]:
            spans = []
            for paragraph in syntok_segmenter.analyze(text):
                for sentence in paragraph:
                    tokens = list(sentence)
                    spans.append((tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)))
            return spans

        peers["syntok"] = syntok_split
    try:
        import blingfire
    except ImportError:
        pass
    else:
        peers["blingfire"] = lambda text: [
            (int(s), int(e)) for s, e in blingfire.text_to_sentences_and_offsets(text)[1]
        ]
    return peers


def evaluate(
    name: str, split: Splitter, passages: list[tuple[str, list[str]]], show_errors: bool
) -> tuple[float, float, float, float, float]:
    """Return precision, recall, F1, exact-passage accuracy and seconds for one splitter."""
    tp = fp = fn = exact = 0
    seconds = 0.0
    for category, gold in passages:
        text = " ".join(gold)
        gold_spans = []
        pos = 0
        for sentence in gold:
            gold_spans.append((pos, pos + len(sentence)))
            pos += len(sentence) + 1
        expected = boundaries(text, gold_spans)
        began = time.perf_counter()
        spans = split(text)
        seconds += time.perf_counter() - began
        found = boundaries(text, spans)
        tp += len(expected & found)
        fp += len(found - expected)
        fn += len(expected - found)
        if found == expected:
            exact += 1
        elif show_errors:
            print(f"[{name}] {category}")
            print("   gold: " + " || ".join(gold))
            print("   got:  " + " || ".join(text[s:e].strip() for s, e in spans))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, exact / len(passages), seconds


def main(argv: list[str] | None = None) -> None:
    """Print the accuracy table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=Path, default=DEFAULT_PROBES, help="probe file")
    parser.add_argument("--show-errors", action="store_true", help="print every wrong passage")
    args = parser.parse_args(argv)
    passages = read_probes(args.probes)
    gold_boundaries = sum(len(gold) - 1 for _, gold in passages)
    print(f"{len(passages)} passages, {gold_boundaries} inner sentence boundaries")
    splitters = {"lite": lite_splitter(), **peer_splitters()}
    if len(splitters) == 1:
        print("(no peer splitter installed: pip install pysbd sentencex syntok blingfire)")
    for split in splitters.values():
        split("Warm up. Load what must be loaded.")
    held_out = [item for item in passages if item[0].startswith("held-out")]
    for title, subset, show in (
        ("all passages", passages, args.show_errors),
        ("held-out passages (written after the rules, never tuned on)", held_out, False),
    ):
        if not subset:
            continue
        print(f"\n{title}: {len(subset)}")
        print(f"{'splitter':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'exact':>6} {'ms':>7}")
        for name, split in splitters.items():
            precision, recall, f1, exact, seconds = evaluate(name, split, subset, show)
            print(
                f"{name:<10} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {exact:>6.1%}"
                f" {seconds * 1000:>7.1f}"
            )


if __name__ == "__main__":
    main()
