"""TempEval-3 Task A scorer for newslens-dates, beside dateparser, on TimeML (.tml) files.

Usage::

    python benchmarks/dates_tempeval.py --data /work/shared/data/timebank
    python benchmarks/dates_tempeval.py --data DIR --news benchmarks/data/dates_news
    python benchmarks/dates_tempeval.py --data DIR --no-dateparser --errors 30
    python benchmarks/dates_tempeval.py --data DIR --no-dateparser --corpus TimeBank --context

``--corpus`` lists the errors of one corpus only (tune on one, check on the other);
``--context`` prints each value error, missed and spurious expression with its
document, creation time and surrounding text. ``--news`` (by default
``benchmarks/data/dates_news``, the project's own short news items; ``--news ''`` for
none) is scored as a second dev set, in rows of its own, beside the corpora of
``--data`` (whose total is the ``all`` row).

Besides the table, the gold expressions are broken down by TIMEX3 type (DATE, TIME,
DURATION, SET) and by anchor (``dct``: the gold ``anchorTimeID`` is the creation
time's; ``earlier``: another expression's; ``none``: no anchor), each with its count,
relaxed recall, value accuracy over the matched ones and value recall (right values
over all gold expressions of the kind).

Scores, per corpus (each sub-folder of ``--data``) and overall: strict extent
(identical span) and relaxed extent (any overlap) precision, recall and F1; type and
value accuracy over relaxed matches; value F1 = value accuracy x relaxed F1; and speed
in documents per second. The document creation time is the ``<DCT>`` TIMEX3 value, and
each system reads the plain text of ``<TEXT>``. dateparser's ``search_dates`` results
are mapped to DATE values at day granularity (``RELATIVE_BASE`` = creation time,
``PREFER_DATES_FROM="past"``).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import html
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import attrs

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>|([^<]+)")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@attrs.frozen
class Span:
    """A gold or predicted expression."""

    start: int
    end: int
    type: str
    value: str
    text: str = ""
    anchor: str = "none"


@attrs.frozen
class GoldDoc:
    """One TimeML document: plain text, creation time and gold expressions."""

    name: str
    corpus: str
    text: str
    dct: dt.date
    spans: tuple[Span, ...]
    headline_end: int = 0
    group: str = "all"


def _anchor_kind(attributes: dict[str, str], dct_tid: str) -> str:
    """``dct``, ``earlier`` or ``none``: what the gold expression is anchored to."""
    anchor = attributes.get("anchorTimeID", "")
    if not anchor:
        return "none"
    return "dct" if anchor == dct_tid else "earlier"


def parse_tml(path: Path, corpus: str, group: str = "all") -> GoldDoc:
    """Read a TimeML file: the ``<DCT>`` date and the plain text of ``<TEXT>`` with its TIMEX3s.

    Other tags (EVENT, SIGNAL...) are dropped; offsets are those of the plain text after
    XML entities are decoded. A ``<HEADLINE>`` element in the text (the project's own
    news items) marks the headline, which ends at its closing tag.
    """
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if dct_match is None:
        raise ValueError(f"{path}: no <DCT>")
    dct_attributes = dict(_ATTR.findall(dct_match.group(1)))
    dct_value = dct_attributes["value"]
    dct_tid = dct_attributes.get("tid", "t0")
    headline_end = 0
    dct = dt.date.fromisoformat(dct_value[:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    pieces: list[str] = []
    offset = 0
    spans: list[Span] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for match in _TAG.finditer(body):
        closing, tag, attributes, chunk = match.groups()
        if chunk is not None:
            decoded = html.unescape(chunk)
            pieces.append(decoded)
            offset += len(decoded)
        elif tag == "TIMEX3" and not closing:
            open_timex = (offset, dict(_ATTR.findall(attributes)))
        elif tag == "TIMEX3" and closing and open_timex is not None:
            start, attrs_ = open_timex
            text = "".join(pieces)[start:offset]
            kind = _anchor_kind(attrs_, dct_tid)
            spans.append(
                Span(start, offset, attrs_.get("type", ""), attrs_.get("value", ""), text, kind)
            )
            open_timex = None
        elif tag == "HEADLINE" and closing:
            headline_end = offset
    return GoldDoc(path.stem, corpus, "".join(pieces), dct, tuple(spans), headline_end, group)


def load(data: Path, group: str = "all") -> list[GoldDoc]:
    """Load every ``.tml`` file under *data*, the corpus being its parent folder's name
    (for the group ``"all"``) or else the group's (``"news"``)."""
    docs = [
        parse_tml(path, path.parent.name if group == "all" else group, group)
        for path in sorted(data.rglob("*.tml"))
    ]
    if not docs:
        raise SystemExit(f"no .tml files under {data}")
    return docs


# -- systems ----------------------------------------------------------------------------


def newslens_system(doc: GoldDoc) -> list[Span]:
    """Run :func:`newslens_dates.find_timexes_in` with the gold creation time (and the
    headline, when the document marks one)."""
    from newslens_dates import find_timexes_in

    try:
        found = find_timexes_in(doc.text, doc.dct, headline_end=doc.headline_end)
    except TypeError:  # a version of the plugin before headlines (for before/after runs)
        found = find_timexes_in(doc.text, doc.dct)
    return [Span(t.start, t.end, t.type, t.value, t.text) for t in found]


def dateparser_system() -> Callable[[GoldDoc], list[Span]]:
    """Return a system that runs ``dateparser.search.search_dates`` (day-granularity DATEs)."""
    from dateparser.search import search_dates

    def run(doc: GoldDoc) -> list[Span]:
        base = dt.datetime.combine(doc.dct, dt.time(12))
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
        spans: list[Span] = []
        cursor = 0
        for substring, when in found:
            start = doc.text.find(substring, cursor)
            if start < 0:
                start = doc.text.find(substring)
            if start < 0:
                continue
            cursor = start + len(substring)
            spans.append(Span(start, cursor, "DATE", when.date().isoformat(), substring))
        return spans

    return run


# -- scoring ----------------------------------------------------------------------------


@attrs.define
class Tally:
    """Counts for one system over some documents."""

    gold: int = 0
    predicted: int = 0
    strict_tp_gold: int = 0
    strict_tp_pred: int = 0
    relaxed_tp_gold: int = 0
    relaxed_tp_pred: int = 0
    type_ok: int = 0
    value_ok: int = 0
    matched: int = 0
    docs: int = 0
    seconds: float = 0.0
    errors: collections.Counter[tuple[str, str, str]] = attrs.field(factory=collections.Counter)
    kinds: collections.Counter[tuple[str, str, str]] = attrs.field(factory=collections.Counter)
    """Per gold type and gold anchor (``("type", "DATE")``, ``("anchor", "dct")``): the
    counts ``gold``, ``found`` (relaxed match) and ``right`` (right value)."""
    details: list[tuple[str, GoldDoc, Span | None, Span | None]] = attrs.field(factory=list)

    def add(
        self, gold: Iterable[Span], predicted: Iterable[Span], doc: GoldDoc | None = None
    ) -> None:
        """Score one document's predictions against its gold expressions.

        With *doc*, value errors, missed and spurious expressions are kept in
        :attr:`details` as ``(kind, doc, gold, predicted)``.
        """
        gold, predicted = list(gold), list(predicted)
        self.gold += len(gold)
        self.predicted += len(predicted)
        strict = {(p.start, p.end) for p in predicted}
        gold_strict = {(g.start, g.end) for g in gold}
        self.strict_tp_gold += sum((g.start, g.end) in strict for g in gold)
        self.strict_tp_pred += sum((p.start, p.end) in gold_strict for p in predicted)
        self.relaxed_tp_pred += sum(any(_overlap(p, g) for g in gold) for p in predicted)
        used: set[int] = set()
        for g in gold:
            match = next(
                (i for i, p in enumerate(predicted) if i not in used and _overlap(p, g)), None
            )
            for kind in (("type", g.type), ("anchor", g.anchor)):
                self.kinds[(*kind, "gold")] += 1
                if match is not None:
                    self.kinds[(*kind, "found")] += 1
                    self.kinds[(*kind, "right")] += predicted[match].value == g.value
            if match is None:
                if doc is not None:
                    self.details.append(("missed", doc, g, None))
                continue
            used.add(match)
            p = predicted[match]
            self.relaxed_tp_gold += 1
            self.matched += 1
            self.type_ok += p.type == g.type
            if p.value == g.value:
                self.value_ok += 1
            else:
                self.errors[(g.text.lower(), g.value, p.value)] += 1
                if doc is not None:
                    self.details.append(("value", doc, g, p))
        if doc is not None:
            for p in predicted:
                if not any(_overlap(p, g) for g in gold):
                    self.details.append(("spurious", doc, None, p))

    def figures(self) -> dict[str, float]:
        """Return P/R/F1 (strict and relaxed), type and value accuracy, value F1, docs/s."""

        def prf(tp_pred: int, tp_gold: int) -> tuple[float, float, float]:
            p = tp_pred / self.predicted if self.predicted else 0.0
            r = tp_gold / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = prf(self.strict_tp_pred, self.strict_tp_gold)
        rp, rr, rf = prf(self.relaxed_tp_pred, self.relaxed_tp_gold)
        type_acc = self.type_ok / self.matched if self.matched else 0.0
        value_acc = self.value_ok / self.matched if self.matched else 0.0
        return {
            "strict P": sp, "strict R": sr, "strict F1": sf,
            "relaxed P": rp, "relaxed R": rr, "relaxed F1": rf,
            "type acc": type_acc, "value acc": value_acc, "value F1": value_acc * rf,
            "docs/s": self.docs / self.seconds if self.seconds else 0.0,
        }  # fmt: skip


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def evaluate(
    docs: list[GoldDoc], system: Callable[[GoldDoc], list[Span]]
) -> dict[str, Tally]:
    """Run *system* on *docs*; return tallies per corpus and per group (``"all"``)."""
    tallies: dict[str, Tally] = collections.defaultdict(Tally)
    for doc in docs:
        began = time.perf_counter()
        predicted = system(doc)
        elapsed = time.perf_counter() - began
        for key in dict.fromkeys((doc.corpus, doc.group)):
            tally = tallies[key]
            tally.add(doc.spans, predicted, doc)
            tally.docs += 1
            tally.seconds += elapsed
    return dict(tallies)


def report(
    results: dict[str, dict[str, Tally]], errors: int, corpus: str = "all", context: bool = False
) -> None:
    """Print the figures side by side, and the most frequent value errors of *corpus*."""
    names = list(results)
    rows = {c for tallies in results.values() for c in tallies}
    corpora = sorted(rows, key=lambda c: (c == "news", c == "all"))
    columns = ["strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1",
               "type acc", "value acc", "value F1", "docs/s"]  # fmt: skip
    print(f"{'corpus':<10} {'system':<12} {'docs':>5} {'gold':>5} " + " ".join(
        f"{c:>10}" for c in columns
    ))
    for row in corpora:
        for name in names:
            tally = results[name].get(row)
            if tally is None:
                continue
            figures = tally.figures()
            cells = " ".join(
                f"{figures[c]:>10.1f}" if c == "docs/s" else f"{figures[c]:>10.4f}" for c in columns
            )
            print(f"{row:<10} {name:<12} {tally.docs:>5} {tally.gold:>5} {cells}")
    breakdown(results)
    if "newslens" in results and "dateparser" in results:
        ours, theirs = results["newslens"]["all"], results["dateparser"]["all"]
        speedup = ours.figures()["docs/s"] / max(theirs.figures()["docs/s"], 1e-9)
        print(f"\nnewslens-dates is {speedup:.1f}x faster than dateparser per document")
    if errors and "newslens" in results and corpus in results["newslens"]:
        print(f"\nmost frequent newslens value errors (gold text, gold value, ours), {corpus}:")
        for (text, gold, ours_value), count in results["newslens"][corpus].errors.most_common(
            errors
        ):
            print(f"{count:>4}  {text!r:<32} gold {gold:<14} ours {ours_value}")
    if context and "newslens" in results and corpus in results["newslens"]:
        for kind, doc, g, p in sorted(
            results["newslens"][corpus].details, key=lambda d: (d[0], d[1].name)
        ):
            span = g or p
            assert span is not None
            left = doc.text[max(0, span.start - 90) : span.start].replace("\n", " ")
            right = doc.text[span.end : span.end + 40].replace("\n", " ")
            gold_part = f"gold {g.type} {g.value}" if g else ""
            ours_part = f"ours {p.type} {p.value} [{p.text}]" if p else ""
            print(f"{kind:<8} {doc.name} dct {doc.dct} {doc.dct:%a}: {gold_part} {ours_part}")
            print(f"         ...{left}[[{span.text}]]{right}...")


KINDS: tuple[tuple[str, str], ...] = (
    *(("type", t) for t in ("DATE", "TIME", "DURATION", "SET")),
    *(("anchor", a) for a in ("dct", "earlier", "none")),
)
"""The rows of :func:`breakdown`: gold types, then gold anchors."""


def breakdown(
    results: dict[str, dict[str, Tally]], groups: Iterable[str] = ("all", "news")
) -> None:
    """Print, per group and system, each gold type's and anchor's count, relaxed recall,
    value accuracy over the matched ones and value recall."""
    print(f"\n{'group':<6} {'system':<11} {'by':<7} {'kind':<9} {'gold':>5} "
          f"{'recall':>7} {'value acc':>9} {'value rec':>9}")  # fmt: skip
    for group in groups:
        for name, tallies in results.items():
            tally = tallies.get(group)
            if tally is None:
                continue
            for by, kind in KINDS:
                gold = tally.kinds[(by, kind, "gold")]
                found = tally.kinds[(by, kind, "found")]
                right = tally.kinds[(by, kind, "right")]
                if not gold:
                    continue
                accuracy = right / found if found else 0.0
                print(f"{group:<6} {name:<11} {by:<7} {kind:<9} {gold:>5} {found / gold:>7.4f} "
                      f"{accuracy:>9.4f} {right / gold:>9.4f}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with .tml files")
    parser.add_argument(
        "--news",
        default=str(Path(__file__).parent / "data" / "dates_news"),
        help="the second dev set, scored in rows of its own ('' for none)",
    )
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser run")
    parser.add_argument("--errors", type=int, default=20, help="value errors to list")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents")
    parser.add_argument("--corpus", default="all", help="list the errors of this corpus only")
    parser.add_argument(
        "--context", action="store_true", help="print every error with its document and text"
    )
    args = parser.parse_args(argv)
    docs = load(args.data)
    if args.limit:
        docs = docs[: args.limit]
    if args.news:
        docs += load(Path(args.news), group="news")
    newslens_system(docs[0])  # import and compile once, outside the timing
    results = {"newslens": evaluate(docs, newslens_system)}
    if not args.no_dateparser:
        try:
            system = dateparser_system()
        except ImportError:
            print("dateparser is not installed: pip install dateparser", file=sys.stderr)
        else:
            system(docs[0])
            results["dateparser"] = evaluate(docs, system)
    report(results, args.errors, args.corpus, args.context)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
