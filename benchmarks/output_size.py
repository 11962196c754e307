"""Size of the JSON lines output at each level of detail, and what writing it costs.

On the PolNeAR train articles (``text/*.txt``, 840 of them), with every
installed plugin, in one process:

1. ``Pipeline.pipe`` over all the articles (annotation and every enricher);
2. for each level of detail (``summary``, ``standard``, ``full``), the
   ``jsonl`` writer writing every document to memory: bytes written, their
   ratio to the bytes of the articles' text (UTF-8), and the seconds spent:
   in ``to_dict``, in turning the data into text with orjson and with the
   standard library's :mod:`json` (the fallback; both must write the same
   bytes), and in the writer as a whole (with orjson).

What is worked out once per document, the first time output is asked for, is
timed apart, before the levels are compared, so that each level is timed on
the same footing: the plugins' sections (the ``newslens_json_section``
hooks), and the layers the lite annotator derives only when they are read
(its lemmas, read by ``--detail full``).

Usage::

    python benchmarks/output_size.py --data ../shared/data/polnear
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path
from typing import Any

import newslens
import newslens.jsonout as jsonout
from newslens.io.loaders import parse_txt
from newslens.io.writers import JsonLinesWriter
from newslens.model import CORE_FIELDS, DETAIL_LEVELS, Document


def write_all(docs: list[Document], detail: str) -> tuple[int, float]:
    """Bytes of the ``jsonl`` output of *docs* at *detail*, and the seconds it took."""
    stream = io.StringIO()
    start = time.perf_counter()
    with JsonLinesWriter(stream, detail=detail) as writer:
        for doc in docs:
            writer.write(doc)
    seconds = time.perf_counter() - start
    return len(stream.getvalue().encode("utf-8")), seconds


def timed_dicts(docs: list[Document], detail: str) -> tuple[list[dict[str, Any]], float]:
    """Every document's JSON data at *detail* (``to_dict``), and the seconds it took."""
    start = time.perf_counter()
    data = [doc.to_dict(detail=detail) for doc in docs]
    return data, time.perf_counter() - start


def timed_dumps(data: list[dict[str, Any]]) -> float:
    """Seconds :func:`newslens.jsonout.dumps_document` takes over *data*."""
    start = time.perf_counter()
    for item in data:
        jsonout.dumps_document(item, core=CORE_FIELDS)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--split", default="train", help="train (the default) or dev")
    parser.add_argument("--articles", type=int, default=0, help="only the first N (0: all)")
    parser.add_argument("--backend", default="auto", help="annotator (default: auto)")
    args = parser.parse_args(argv)

    paths = sorted((args.data / args.split / "text").glob("*.txt"))
    if args.articles:
        paths = paths[: args.articles]
    if not paths:
        parser.error(f"no articles in {args.data / args.split / 'text'}")
    docs = [parse_txt(p.read_text(encoding="utf-8"), id=p.stem) for p in paths]
    text_bytes = sum(len(doc.text.encode("utf-8")) for doc in docs)

    pipeline = newslens.Pipeline(backend=args.backend)
    start = time.perf_counter()
    done = list(pipeline.pipe(docs))
    pipe_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for doc in done:  # the plugins' sections, worked out once per document
        if doc.output is not None:
            doc.output.sections  # noqa: B018
    sections_seconds = time.perf_counter() - start

    start = time.perf_counter()
    for doc in done:  # what the lite annotator works out only when it is read (lemmas)
        doc.to_dict(detail="full")
    derived_seconds = time.perf_counter() - start

    print(f"articles: {len(done)}; text: {text_bytes:,} bytes (UTF-8)")
    print(f"Pipeline.pipe: {pipe_seconds:.2f} s")
    print(f"once per document: plugin sections {sections_seconds:.2f} s, "
          f"layers derived when first read (full only) {derived_seconds:.2f} s")
    print(f"JSON library: {jsonout.BACKEND} (stdlib: the fallback without orjson)")
    print(f"{'detail':<10}{'bytes':>13}{'x text':>8}{'to_dict s':>11}{'dumps s':>9}"
          f"{'stdlib s':>10}{'writer s':>10}{'/ pipe':>8}")
    for level in DETAIL_LEVELS:
        data, dict_seconds = timed_dicts(done, level)
        dumps_seconds = timed_dumps(data)
        with jsonout.stdlib_only():
            stdlib_seconds = timed_dumps(data)
            stdlib_size, _ = write_all(done, level)
        size, seconds = write_all(done, level)
        assert stdlib_size == size, (level, stdlib_size, size)
        print(
            f"{level:<10}{size:>13,}{size / text_bytes:>8.2f}{dict_seconds:>11.2f}"
            f"{dumps_seconds:>9.2f}{stdlib_seconds:>10.2f}{seconds:>10.2f}"
            f"{seconds / pipe_seconds:>8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
