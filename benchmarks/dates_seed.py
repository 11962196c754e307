"""Check newslens-dates on the seed article: every gold expression found with the gold value.

Usage::

    python benchmarks/dates_seed.py --data /work/shared/data/seed

Reads ``gold.json`` (``published`` and ``timexes``: text, type, value, mod, occurrences)
and ``article.txt`` (headline, byline, body), runs the whole pipeline (lite backend) and
prints, for every gold expression, what was found at each of its occurrences. Exits with
status 1 when any gold occurrence is missed or has another value.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newslens_dates import TIMEXES

import newslens


def main(argv: list[str] | None = None) -> int:
    """Run the check from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the seed folder")
    args = parser.parse_args(argv)
    gold = json.loads((args.data / "gold.json").read_text(encoding="utf-8"))
    headline, byline, body = (args.data / "article.txt").read_text(encoding="utf-8").split("\n", 2)
    doc = newslens.analyze(body, headline=headline, byline=byline, published=gold["published"])
    found = doc[TIMEXES].timexes
    body_start = doc.text.index(body)
    total = ok = 0
    print(f"creation time {gold['published']}; {len(found)} expressions found\n")
    print(f"{'gold text':<22} {'gold type/value/mod':<28} found")
    for item in gold["timexes"]:
        start = 0
        for _ in range(item.get("occurrences", 1)):
            at = doc.text.index(item["text"], body_start + start) if item["text"] in body else -1
            start = at - body_start + len(item["text"])
            total += 1
            end = at + len(item["text"])
            match = next((t for t in found if t.start < end and at < t.end), None)
            want = f"{item['type']} {item['value']} {item.get('mod') or ''}".strip()
            if match is None:
                print(f"{item['text']!r:<22} {want:<28} MISSED")
                continue
            good = match.value == item["value"] and (match.mod or None) == item.get("mod")
            ok += good
            got = f"{match.text!r} {match.type} {match.value} {match.mod or ''}".strip()
            print(f"{item['text']!r:<22} {want:<28} {got}{'' if good else '   <-- WRONG'}")
    print(f"\n{ok}/{total} gold occurrences found with the gold value and mod")
    extra = [t for t in found if t.start >= body_start and not any(
        t.text in item["text"] or item["text"] in t.text for item in gold["timexes"]
    )]
    if extra:
        print("not in the gold: " + ", ".join(f"{t.text!r} {t.value}" for t in extra))
    return 0 if ok == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
