"""Build the project's own news dev set: ``benchmarks/data/dates_news/*.tml`` from ``items.txt``.

Usage::

    python benchmarks/dates_news_build.py

``items.txt`` holds 30 short news items written for this project (wire, local,
business and sport; with datelines and without; some with a headline), one block each::

    === NAME CREATION-DATE SOURCE
    H: a headline (optional)
    B: the body

with each gold expression written in place as ``[text|TYPE|value|anchor]`` or
``[text|TYPE|value|anchor|MOD]`` (``|freq=2X`` may follow): anchor ``d`` is the
creation time, ``e`` the expression before it, ``n`` none. The script writes one
TimeML file per item (the headline in a ``<HEADLINE>`` element, which
``dates_tempeval.py`` passes on as the headline) and checks that every weekday named in
an expression agrees with the weekday of its value. The gold was written by hand, from
the meaning of each sentence, not from any system's output.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent / "data" / "dates_news"
_MARK = re.compile(r"\[([^\[\]|]+)\|(DATE|TIME|DURATION|SET)\|([^|\]]+)\|([den])((?:\|[^|\]]+)*)\]")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _check_weekday(text: str, value: str, where: str) -> None:
    match = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    named = [day for day in _WEEKDAYS if day in text.lower()]
    if match and named and "every" not in text.lower():
        day = dt.date(*map(int, match.groups()))
        if _WEEKDAYS[day.weekday()] != named[0]:
            raise SystemExit(f"{where}: {text!r} is not a {named[0]}: {value}")


def _timexes(line: str, tids: list[int], where: str) -> str:
    """The line with its marks turned into escaped text and TIMEX3 elements."""
    out: list[str] = []
    cursor = 0
    for match in _MARK.finditer(line):
        text, kind, value, anchor, extra = match.groups()
        _check_weekday(text, value, where)
        out.append(html.escape(line[cursor : match.start()], quote=False))
        tids.append(tids[-1] + 1)
        attributes = f'tid="t{tids[-1]}" type="{kind}" value="{value}"'
        for item in filter(None, extra.split("|")):
            key, _, val = item.partition("=")
            attributes += f' {key}="{val}"' if val else f' mod="{key}"'
        if anchor == "d":
            attributes += ' anchorTimeID="t0"'
        elif anchor == "e":
            attributes += f' anchorTimeID="t{tids[-1] - 1}"'
        out.append(f"<TIMEX3 {attributes}>{html.escape(text, quote=False)}</TIMEX3>")
        cursor = match.end()
    rest = line[cursor:]
    if "[" in rest or "]" in rest:
        raise SystemExit(f"{where}: a mark not read: {rest!r}")
    out.append(html.escape(rest, quote=False))
    return "".join(out)


def build(source: Path = HERE / "items.txt", folder: Path = HERE) -> int:
    """Write one ``.tml`` file per item of *source* into *folder*; return how many."""
    blocks = source.read_text(encoding="utf-8").split("=== ")[1:]
    for block in blocks:
        head, *lines = block.strip().split("\n")
        name, created, kind = head.split()
        dct = dt.date.fromisoformat(created)
        tids = [0]
        headline = next((x[3:] for x in lines if x.startswith("H: ")), None)
        body = next(x[3:] for x in lines if x.startswith("B: "))
        text = ""
        if headline is not None:
            text = f"<HEADLINE>{_timexes(headline, tids, name)}</HEADLINE>\n\n"
        text += _timexes(body, tids, name)
        (folder / f"{name}.tml").write_text(
            '<?xml version="1.0" ?>\n<TimeML>\n'
            f"<DOCID>{name}</DOCID>\n<SOURCE>{kind}</SOURCE>\n"
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" '
            f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n'
            f"<TEXT>{text}\n</TEXT>\n</TimeML>\n",
            encoding="utf-8",
        )
    return len(blocks)


if __name__ == "__main__":
    print(f"{build()} news items written to {HERE}", file=sys.stderr)
