"""Whether two versions of the lite annotator give the same output.

A speed change must not change a result. This script annotates the PolNeAR train and
dev articles (``newslens.io.loaders.load_txt``) with
:class:`~newslens.annotators.lite.LiteAnnotator` twice, in two fresh processes: once
importing ``newslens`` from ``--before`` (another checkout's ``src`` folder, or a copy
of main's ``src`` taken before editing) and once from this checkout's ``src``. For
every article it compares a digest of ``to_json(detail="full")`` together with the
token columns (start, end, text, lemma, kind), the sentences, the paragraphs and the
entities, and prints every article that differs (exit status 1) or how many were the
same (exit status 0).

Usage::

    python benchmarks/lite_output_same.py --data ../shared/data/polnear --before /tmp/old-src
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def digests(data: Path) -> dict[str, str]:
    """Return a digest of the lite output of each train and dev article of *data*."""
    from newslens.annotators.lite import LiteAnnotator
    from newslens.io.loaders import load_txt

    annotator = LiteAnnotator()
    paths = sorted((data / "train" / "text").glob("*.txt"))
    paths += sorted((data / "dev" / "text").glob("*.txt"))
    out: dict[str, str] = {}
    for path in paths:
        for n, doc in enumerate(load_txt(str(path))):
            done = annotator.annotate(doc)
            table = done.tokens
            columns = [list(table.column(name)) for name in ("start", "end", "text", "lemma")]
            kinds = list(table.column("kind")) if table.has("kind") else None
            entities = [(e.start, e.end, e.label, e.text) for e in done.entities]
            payload = done.to_json(detail="full") + json.dumps([columns, kinds, entities])
            payload += repr(done.sentences) + repr(done.paragraphs)
            out[f"{path.name}#{n}"] = hashlib.sha256(payload.encode()).hexdigest()
    return out


def run(src: str, data: Path) -> dict[str, str]:
    """The digests made by the ``newslens`` in *src*, in a fresh process."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([src, *filter(None, [env.get("PYTHONPATH")])])
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "digests.json"
        subprocess.run(
            [sys.executable, __file__, "--data", str(data), "--dump", str(target)],
            check=True, env=env,
        )
        return dict(json.loads(target.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    """Compare, print, and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--before", help="the src folder of the old version")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump:
        args.dump.write_text(json.dumps(digests(args.data)), encoding="utf-8")
        return 0
    if not args.before:
        parser.error("--before is required")
    here = str(Path(__file__).resolve().parent.parent / "src")
    old, new = run(args.before, args.data), run(here, args.data)
    if not old:
        parser.error(f"no articles in {args.data}/train/text nor {args.data}/dev/text")
    differ = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(old) - len(differ)} of {len(old)} articles the same")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
