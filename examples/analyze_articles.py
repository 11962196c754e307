"""Analyse the example articles with newslens's Python API and print what it found.

Run it from anywhere (it takes about a second)::

    .venv/bin/python examples/analyze_articles.py [ARTICLES.jsonl]

The default input is ``examples/articles/batch.jsonl``: one JSON object per line
with ``id``, ``headline``, ``byline``, ``published`` and ``text``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import newslens

BATCH = Path(__file__).parent / "articles" / "batch.jsonl"


def read_articles(path: Path) -> list[newslens.Document]:
    """Return one unannotated document per non-blank line of a JSON-lines file."""
    docs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                item = json.loads(line)
                docs.append(
                    newslens.Document.create(
                        item["text"],
                        headline=item.get("headline"),
                        byline=item.get("byline"),
                        published=item.get("published"),
                        id=item.get("id"),
                    )
                )
    return docs


def summary(value: Any, width: int = 70) -> str:
    """Return a one-line summary of an enrichment value."""
    text = repr(value)
    if isinstance(value, tuple | list):
        text = f"{len(value)} item(s): {text}"
    return text if len(text) <= width else text[: width - 1] + "…"


def main(argv: list[str]) -> int:
    """Analyse the articles in ``argv[1]`` (default: the example batch) and print a summary."""
    path = Path(argv[1]) if len(argv) > 1 else BATCH
    pipeline = newslens.Pipeline(backend="lite")  # built once, reused for every article
    print(pipeline)
    for doc in pipeline.pipe(read_articles(path)):
        print(f"\n{doc.id}: {doc.headline!r}, published {doc.published}")
        print(
            f"  {len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences, "
            f"{len(doc.tokens)} tokens, {len(doc.entities)} entities"
        )
        body = doc.part("body")
        if body is not None and (sentences := doc.sentences_in(body.start, body.end)):
            print(f"  first sentence: {doc.text[sentences[0].start : sentences[0].end]!r}")
        if doc.entities:
            print("  entities:", ", ".join(sorted({entity.text for entity in doc.entities})))
        for key, value in sorted(doc.enrichments.items(), key=lambda item: item[0].name):
            print(f"  {key.name}: {summary(value)}")
        for diagnostic in doc.diagnostics:
            print(f"  [{diagnostic.level}] {diagnostic.plugin}: {diagnostic.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
