"""Does web text change what the plugins say? Twenty noisy/clean article pairs.

Reads the fixtures of ``tests/fixtures/noisy`` (articles written for newslens,
their noise marked ⟦like this⟧), analyses the clean and the noisy version of
each with the lite backend and every installed plugin, and compares each
plugin's JSON section (``--detail standard``): every span in the noisy
section (an object with ``start`` and ``end``) is mapped back to the clean
text, so the two match when the plugin found the same things in the prose and
nothing in the noise. Prints, per plugin, how many pairs match, and for the
others the first difference.

Usage::

    python benchmarks/noisy_pairs.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import newslens
from newslens.io.loaders import parse_txt
from newslens.model import CORE_FIELDS
from newslens.testing.strategies import SaltedText

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "noisy"


def mapped(value: Any, salted: SaltedText) -> Any:
    """*value* (a JSON section of the noisy article) with its spans in the clean text's offsets.

    A span that does not lie in the prose becomes ``"<not prose: ...>"``.
    """
    if isinstance(value, list):
        return [mapped(item, salted) for item in value]
    if not isinstance(value, dict):
        return value
    out = {key: mapped(item, salted) for key, item in value.items()}
    start, end = value.get("start"), value.get("end")
    if isinstance(start, int) and isinstance(end, int):
        span = salted.clean_span(start, end)
        if span is None:
            out["start"] = f"<not prose: {salted.noisy[start:end]!r}>"
        else:
            out["start"], out["end"] = span
    return out


def first_difference(a: Any, b: Any, where: str = "") -> str:
    """Where *a* and *b* first differ, and how."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if a.get(key) != b.get(key):
                return first_difference(a.get(key), b.get(key), f"{where}.{key}")
    if isinstance(a, list) and isinstance(b, list):
        for k, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return first_difference(x, y, f"{where}[{k}]")
        if len(a) != len(b):
            extra = a[len(b):] or b[len(a):]
            side = "noisy" if len(a) > len(b) else "clean"
            first = json.dumps(extra[0])[:160]
            return f"{where}: {side} has {abs(len(a) - len(b))} more, first {first}"
    return f"{where}: noisy {json.dumps(a)[:160]} / clean {json.dumps(b)[:160]}"


def main() -> None:
    """Print the comparison."""
    pipeline = newslens.Pipeline(backend="lite")
    paths = sorted(FIXTURES.glob("*.txt"))
    matches: dict[str, int] = {}
    notes: dict[str, list[str]] = {}
    for path in paths:
        salted = SaltedText.from_marked(path.read_text(encoding="utf-8"))
        clean = pipeline(parse_txt(salted.clean)).to_dict(detail="standard")
        noisy = pipeline(parse_txt(salted.noisy)).to_dict(detail="standard")
        for name in sorted((set(clean) | set(noisy)) - set(CORE_FIELDS)):
            a, b = mapped(noisy.get(name), salted), clean.get(name)
            if name == "readability" and isinstance(a, dict):
                a = {k: v for k, v in a.items() if k != "left_out"}  # the one expected difference
                b = {k: v for k, v in (b or {}).items() if k != "left_out"}
            matches.setdefault(name, 0)
            if a == b:
                matches[name] += 1
            else:
                notes.setdefault(name, []).append(f"{path.stem}: {first_difference(a, b)}")
    print(f"{len(paths)} noisy/clean pairs (tests/fixtures/noisy), lite backend, every plugin")
    for name, count in sorted(matches.items()):
        print(f"  {name}: {count}/{len(paths)} pairs give the same output")
        for note in notes.get(name, []):
            print(f"    {note}")


if __name__ == "__main__":
    main()
